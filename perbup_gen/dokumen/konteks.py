"""What clause templates see: a read-only tree of plain data (mappings, tuples, text, numbers,
dates) made from the validated config, never the config objects themselves (a template must not
reach a method). Builders add their own derived values through `tambah`.
"""
from __future__ import annotations

from typing import Any

from perbup_gen.konfigurasi.muat import HasilMuat
from perbup_gen.naskah.klausul import polos

__all__ = ["konteks_dasar", "data"]


def data(model: Any) -> Any:
    """A validated config part (pydantic model, or a list of them) as plain read-only data."""
    if isinstance(model, list):
        return tuple(data(m) for m in model)
    if model is None:
        return None
    return polos(model.model_dump(mode="python", warnings=False))  # a draft has "..." in typed fields


def konteks_dasar(hasil: HasilMuat) -> dict[str, Any]:
    """The variables every clause template may use (listed in clauses/README.md). Values are
    inserted as text, never evaluated."""
    k = hasil.konfigurasi
    pemrakarsa = k.opd_pemrakarsa
    return {
        "tahun": k.tahun,
        "kabupaten": k.nama_kabupaten,  # "Kabupaten Gunung Mas"
        "nama_kabupaten": k.kabupaten.nama,  # "Gunung Mas"
        "provinsi": k.kabupaten.provinsi,
        "ibu_kota": k.kabupaten.ibu_kota,
        "bupati": f"Bupati {k.kabupaten.nama}",
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
    }
