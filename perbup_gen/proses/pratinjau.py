"""The documents of a set one by one, for a review screen: which documents there are, the model
of one of them, and its HTML page with the check findings marked in place.

Each entry knows its key (for a URL), its title, the names under which the check report files its
findings, and the path of its file in the output of `bangun_semua`.
"""
from __future__ import annotations

from dataclasses import dataclass

from perbup_gen.errors import PerbupGenError
from perbup_gen.konfigurasi.muat import HasilMuat
from perbup_gen.naskah.model import Dokumen
from perbup_gen.periksa.laporan import (
    DOKUMEN_KONTRAK_SEMUA, DOKUMEN_SK_SEMUA, DOKUMEN_TIM, Temuan, dokumen_kontrak, dokumen_perbup, dokumen_sk_kpm,
)

__all__ = ["DokumenSet", "bangun_dokumen", "cari_dokumen", "daftar_dokumen", "html_pratinjau", "temuan_dokumen"]


@dataclass(frozen=True)
class DokumenSet:
    kunci: str  # "perbup", "tim-penyusun", "checklist", "sk-kpm-62.10.01.2002", "kontrak-62.10.01.2002-2"
    judul: str  # as shown to the user
    nama_periksa: tuple[str, ...]  # `Temuan.dokumen` values whose findings concern this document
    jalur: str  # its file in the output folder, without the extension ("perbup/rancangan-perbup-peran-desa")
    desa: str | None = None  # the desa code of an SK KPM or a contract
    urutan: int = 0  # a contract: the KPM's place in the desa's list (0-based)


def daftar_dokumen(hasil: HasilMuat) -> list[DokumenSet]:
    """The documents `bangun_semua` makes, in its order; an SK KPM only for a desa that gets one,
    a task contract for every KPM (the evaluation workbook is no document to preview)."""
    from perbup_gen.dokumen.sk_kpm import PembangunSKKPM
    from perbup_gen.proses.bangun import jalur_kontrak, jalur_sk_kpm

    out = _dokumen_perbup(hasil) + [
        DokumenSet("tim-penyusun", "Keputusan Tim Penyusun", (DOKUMEN_TIM,), "tim-penyusun/keputusan-tim-penyusun"),
        DokumenSet("checklist", "Daftar periksa paraf dan jadwal", (), "checklist/daftar-periksa"),
    ]
    try:
        pembangun = PembangunSKKPM(hasil)
    except (PerbupGenError, ValueError):
        return out  # the check report says why
    k = hasil.konfigurasi
    kata = k.kata_pesan()
    for d in k.desa:
        if d.kelurahan or pembangun.bisa_dibuat(d):
            continue
        nama_sk = dokumen_sk_kpm(d, k.nama_desa_lengkap(d.kode, d.nama or d.kode, kata))
        out.append(DokumenSet(f"sk-kpm-{d.kode}", nama_sk, (nama_sk, DOKUMEN_SK_SEMUA),
                              jalur_sk_kpm(d.kode, d.nama or "", "x")[: -len(".x")], d.kode))
    from perbup_gen.kinerja.aturan import ada_besaran

    for d in hasil.konfigurasi.desa_saja() if ada_besaran(hasil.konfigurasi) else []:
        for i, p in enumerate(d.kpm):
            out.append(DokumenSet(f"kontrak-{d.kode}-{i + 1}", f"Kontrak tugas KPM {p.nama} (Desa {d.nama})",
                                  (dokumen_kontrak(d, p.nama), DOKUMEN_KONTRAK_SEMUA),
                                  jalur_kontrak(d.kode, d.nama or "", i + 1, p.nama, "x")[: -len(".x")], d.kode, i))
    return out


def _dokumen_perbup(hasil: HasilMuat) -> list[DokumenSet]:
    """The Perbup, or what a revision (`perbup.mengubah`, `perbup.mencabut`) makes instead: the
    amending Perbup and/or the replacing one (proses/ubah.py)."""
    k = hasil.konfigurasi
    nama_perbup = dokumen_perbup(k.kepala_daerah)  # "Peraturan Bupati", "Peraturan Wali Kota"
    perbup = DokumenSet("perbup", f"Rancangan {nama_perbup}", (nama_perbup,), "perbup/rancangan-perbup-peran-desa")
    if k.perbup.mengubah is None and not k.perbup.mencabut:
        return [perbup]
    from perbup_gen.proses.ubah import NAMA_BERKAS, rencana_revisi

    try:
        r = rencana_revisi(hasil)
    except (PerbupGenError, ValueError):
        return [perbup]  # the check report says why
    out = []
    if "perubahan" in r.dokumen:
        out.append(DokumenSet("perbup-perubahan", f"Rancangan {nama_perbup} tentang Perubahan",
                              (f"{nama_perbup} (perubahan)", nama_perbup), NAMA_BERKAS["perubahan"]))
    if "penggantian" in r.dokumen:
        out.append(DokumenSet("perbup", f"Rancangan {nama_perbup} (pengganti)", (nama_perbup,),
                              NAMA_BERKAS["penggantian"]))
    return out


def cari_dokumen(hasil: HasilMuat, kunci: str, semua: list[DokumenSet] | None = None) -> DokumenSet:
    """The document of `kunci` among `semua` (the list `daftar_dokumen(hasil)` gives, made here
    when not given)."""
    for d in semua if semua is not None else daftar_dokumen(hasil):
        if d.kunci == kunci:
            return d
    raise PerbupGenError(f"dokumen '{kunci}' tidak ada dalam set ini")


def bangun_dokumen(hasil: HasilMuat, dokumen: DokumenSet) -> Dokumen:
    """The numbered model of one document of the set, built as `bangun_semua` builds it."""
    if dokumen.kunci in ("perbup", "perbup-perubahan"):
        k = hasil.konfigurasi
        if k.perbup.mengubah is not None or k.perbup.mencabut:
            from perbup_gen.proses.ubah import rencana_revisi

            return rencana_revisi(hasil).dokumen["perubahan" if dokumen.kunci == "perbup-perubahan" else "penggantian"]
        from perbup_gen.dokumen.perbup import bangun_perbup

        return bangun_perbup(hasil)
    if dokumen.kunci == "tim-penyusun":
        from perbup_gen.dokumen.tim_penyusun import bangun_tim_penyusun

        return bangun_tim_penyusun(hasil)
    if dokumen.kunci == "checklist":
        from perbup_gen.dokumen.checklist import bangun_checklist
        from perbup_gen.proses.status import muat_status

        return bangun_checklist(hasil, muat_status(hasil))
    desa = next(d for d in hasil.konfigurasi.desa if d.kode == dokumen.desa)
    if dokumen.kunci.startswith("kontrak-"):
        from perbup_gen.dokumen.kontrak import PembangunKontrak

        return PembangunKontrak(hasil).bangun(desa, dokumen.urutan)
    from perbup_gen.dokumen.sk_kpm import PembangunSKKPM

    return PembangunSKKPM(hasil).bangun(desa)


def temuan_dokumen(dokumen: DokumenSet, temuan: list[Temuan]) -> list[Temuan]:
    """The findings of a check report that concern this document (for an SK KPM: its own and those
    shared by every decree)."""
    return [t for t in temuan if t.dokumen in dokumen.nama_periksa]


def html_pratinjau(hasil: HasilMuat, dokumen: DokumenSet, temuan: list[Temuan] | None = None) -> str:
    """The review page of one document with its findings (from `temuan`) marked in place."""
    from perbup_gen.keluaran.teks import render_html

    milik = temuan_dokumen(dokumen, temuan or [])
    return render_html(bangun_dokumen(hasil, dokumen), [(t.tingkat, t.tempat, t.pesan) for t in milik])
