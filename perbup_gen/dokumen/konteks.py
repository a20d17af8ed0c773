"""What clause templates see: a read-only tree of plain data (mappings, tuples, text, numbers,
dates) made from the validated config, never the config objects themselves (a template must not
reach a method). Builders add their own derived values through `tambah`.
"""
from __future__ import annotations

from typing import Any

from perbup_gen.kinerja.aturan import HASIL, Rencana, Target, rencana
from perbup_gen.konfigurasi.muat import HasilMuat
from perbup_gen.konfigurasi.sebutan import Sebutan
from perbup_gen.naskah import bilangan
from perbup_gen.naskah.klausul import polos

__all__ = ["konteks_dasar", "konteks_daerah", "konteks_insentif", "data", "daftar_kata"]


def data(model: Any) -> Any:
    """A validated config part (pydantic model, or a list of them) as plain read-only data."""
    if isinstance(model, list):
        return tuple(data(m) for m in model)
    if model is None:
        return None
    return polos(model.model_dump(mode="python", warnings=False))  # a draft has "..." in typed fields


def konteks_daerah(hasil: HasilMuat, sebutan: Sebutan | None = None) -> dict[str, Any]:
    """The region's words as plain data: `daerah` ("Kabupaten Gunung Mas", "Kota Batu"; also under
    its older name `kabupaten`), `kode_daerah` ("62.10"), `kepala_daerah` ("Bupati", "Wali Kota", "Walikota"),
    `peraturan_kepala_daerah` ("Peraturan Bupati", "Peraturan Wali Kota"), `keputusan_kepala_daerah`,
    `bupati` ("Bupati Gunung Mas", "Wali Kota Batu"), `kota`, and `sebutan` (the names of the desa and
    its parts, `Sebutan.konteks`). `sebutan`: the names of one desa with a row of its own."""
    k = hasil.konfigurasi
    s = sebutan or k.sebutan_daerah()
    kd = s.kepala_daerah
    return {
        "daerah": k.nama_kabupaten,
        "kabupaten": k.nama_kabupaten,
        "kode_daerah": k.kabupaten.kode,
        "kota": k.kota,
        "kepala_daerah": kd,
        "bupati": f"{kd} {k.kabupaten.nama}",
        "peraturan_kepala_daerah": f"Peraturan {kd}",
        "keputusan_kepala_daerah": f"Keputusan {kd}",
        "sebutan": polos(s.konteks()),
    }


def konteks_dasar(hasil: HasilMuat, sebutan: Sebutan | None = None) -> dict[str, Any]:
    """The variables every clause template may use (listed in clauses/README.md). Values are
    inserted as text, never evaluated. `sebutan`: the names of one desa that has its own (a
    kampung adat), instead of the region's."""
    k = hasil.konfigurasi
    pemrakarsa = k.opd_pemrakarsa
    return {
        "tahun": k.tahun,
        **konteks_daerah(hasil, sebutan),
        "nama_kabupaten": k.kabupaten.nama,  # "Gunung Mas"
        "provinsi": k.kabupaten.provinsi,
        "ibu_kota": k.kabupaten.ibu_kota,
        "opd": data(k.opd),
        "pemrakarsa": data(pemrakarsa),
        "kepala_pemrakarsa": pemrakarsa.jabatan_kepala or f"Kepala {pemrakarsa.nama}",
        "kewenangan": data(k.kewenangan_desa),
        "apbdes": data(k.apbdes),
        "kecamatan": data(k.kecamatan),
        "peran_kecamatan": tuple(k.kecamatan.peran) + tuple(k.kecamatan.peran_tambahan),
        "koordinasi": data(k.koordinasi),
        "koordinator_data": data(k.opd_kode(k.koordinasi.koordinator_data)) if k.koordinasi.koordinator_data else None,
        "lembaga_masyarakat": data(k.lembaga_masyarakat),
        "kpm": data(k.kpm),
        "tim": data(k.tim_penyusun),
        "perbup": data(k.perbup),
        "data_stunting": data(k.data_stunting),
        "insentif": konteks_insentif(rencana(k)),
    }


def daftar_kata(butir: list[str]) -> str:
    """"a", "a dan b", "a, b, dan c"."""
    if len(butir) <= 2:
        return " dan ".join(butir)
    return ", ".join(butir[:-1]) + ", dan " + butir[-1]


def konteks_insentif(r: Rencana) -> Any:
    """The year's incentive plan (`kinerja.aturan.rencana`) as plain data for clause templates:
    `insentif.mulai`, `.selesai`, `.bulan`, `.pagu`, `.kriteria` (each with `tenggat` dates and
    `tenggat_teks`), `.triwulan` (`romawi`, `mulai`, `selesai`, `bulan`, `pagu`, `target`),
    `.target`, `.hasil` (the scoring: `kode`, `label`, `nilai` in percent), `.berbobot` (weights
    differ), `.ada_triwulan_tanpa_target`."""
    def target(t: Target) -> dict:
        k = r.kriteria_kode(t.kriteria)
        return {"kode": t.kode, "kriteria": t.kriteria, "ke": t.ke, "dari": t.dari, "tenggat": t.tenggat,
                "triwulan": t.triwulan, "romawi": bilangan.romawi(t.triwulan), "bobot": t.bobot,
                "ringkas": k.ringkas, "uraian": k.uraian}

    semua = r.target
    kriteria = []
    for k in r.kriteria:
        tenggat = [t.tenggat for t in semua if t.kriteria == k.kode]
        kriteria.append({**k.model_dump(), "tenggat": tenggat,
                         "tenggat_teks": daftar_kata([bilangan.tanggal(d) for d in tenggat])})
    return polos({
        "mulai": r.mulai, "selesai": r.selesai, "bulan": r.bulan, "pagu": r.pagu,
        "jumlah": r.jumlah, "periode": r.periode, "sumber": r.sumber,
        "kriteria": kriteria,
        "triwulan": [{"nomor": tw.nomor, "romawi": bilangan.romawi(tw.nomor), "mulai": tw.mulai,
                      "selesai": tw.selesai, "bulan": tw.bulan, "pagu": tw.pagu,
                      "target": [target(t) for t in tw.target]} for tw in r.triwulan],
        "target": [target(t) for t in semua],
        "hasil": [h.model_dump() for h in HASIL],
        "berbobot": len({k.bobot for k in r.kriteria}) > 1,
        "ada_triwulan_tanpa_target": any(not tw.target for tw in r.triwulan),
    })
