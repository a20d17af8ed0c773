"""`build --gabung kecamatan`: for each kecamatan, one PDF with all its KPM decrees in the order of
the desa codes (for the camat to hand to the desa) and one ZIP with their DOCX (and PDF) files.

Works on what the build left in the output folder: the decree files it made (`CatatanBangun.sk`,
hand-edited files kept without --force included as they are on disk) and, for the PDF bundle, the
PDF beside each DOCX (made by `build --pdf`, keluaran/pdf.py). Bundles are derived files, rewritten
on every run and not recorded in the manifest (like the PDFs).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from perbup_gen.errors import OutputError
from perbup_gen.jalur import nama_berkas
from perbup_gen.keluaran.berkas import tulis_berkas
from perbup_gen.keluaran.bundel import gabung_pdf, jumlah_halaman, zip_berkas
from perbup_gen.proses.rekap import jalur_bundel

__all__ = ["Bundel", "gabung_kecamatan", "kelompok_kecamatan"]


@dataclass
class Bundel:
    kode: str  # kecamatan code
    nama: str  # kecamatan name
    desa: list[str]  # desa codes, in order
    zip: str  # paths relative to the output folder
    pdf: str | None = None
    halaman: int | None = None


def kelompok_kecamatan(sk: list) -> dict[str, list]:
    """The decrees (`SKDibuat`) per kecamatan code, each list in desa-code order."""
    hasil: dict[str, list] = {}
    for s in sorted(sk, key=lambda s: s.kode):
        hasil.setdefault(s.kode.rsplit(".", 1)[0], []).append(s)
    return dict(sorted(hasil.items()))


def gabung_kecamatan(folder: Path, sk: list, pdf: bool,
                     setiap: Callable[..., None] | None = None) -> list[Bundel]:
    """Write the bundles of every kecamatan into `folder/bundel/`; `setiap()` once per kecamatan."""
    from perbup_gen.konfigurasi.wilayah import DaftarWilayah

    folder = Path(folder)
    wilayah = DaftarWilayah.muat()
    hasil = []
    for kode, daftar in kelompok_kecamatan([s for s in sk if s.jalur.endswith(".docx")]).items():
        w = wilayah.cari(kode)
        nama = w.nama if w else kode
        docx = [folder / s.jalur for s in daftar]
        akar = nama_berkas(kode, nama)  # the ZIP unpacks into one folder per kecamatan
        isi = [(f"{akar}/{Path(s.jalur).name}", p) for s, p in zip(daftar, docx)]
        b = Bundel(kode, nama, [s.kode for s in daftar], jalur_bundel(kode, nama, "zip"))
        if pdf:
            berkas_pdf = [p.with_suffix(".pdf") for p in docx]
            hilang = [str(p) for p in berkas_pdf if not p.is_file()]
            if hilang:
                raise OutputError("PDF untuk digabung tidak ada: " + ", ".join(hilang[:5]))
            data = gabung_pdf(berkas_pdf)
            b.pdf = jalur_bundel(kode, nama, "pdf")
            b.halaman = jumlah_halaman(data)
            _tulis(folder / b.pdf, data)
            isi += [(f"{akar}/{p.name}", p) for p in berkas_pdf]
        _tulis(folder / b.zip, zip_berkas(isi))
        hasil.append(b)
        if setiap:
            setiap()
    return hasil


def _tulis(path: Path, data: bytes) -> None:
    tulis_berkas(path, data, "Bundel")
