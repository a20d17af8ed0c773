"""`perbup-gen init` and `perbup-gen roster-templat`: write what `konfigurasi.inisialisasi` makes.

The destination is checked before anything is made; every file is written atomically, and an
existing file is never overwritten without `force`."""
from __future__ import annotations

from pathlib import Path

from perbup_gen.errors import OutputError
from perbup_gen.keluaran.berkas import periksa_tujuan, tulis_berkas
from perbup_gen.konfigurasi.inisialisasi import isi_folder_kabupaten, isi_roster_kabupaten

__all__ = ["buat_folder_kabupaten", "sunting_yaml", "tulis_roster_kabupaten"]


def _tulis(path: Path, isi: bytes) -> None:
    tulis_berkas(path, isi, "Berkas", mode=None)


def buat_folder_kabupaten(kode: str, folder: Path | None, force: bool = False) -> list[Path]:
    """A new district folder (kabupaten.yaml, roster.xlsx, the JSON Schema); the written paths."""
    nama_bawaan, isi = isi_folder_kabupaten(kode)
    folder = Path(folder) if folder is not None else Path(nama_bawaan)
    periksa_tujuan(folder)
    tujuan = [(folder / nama, data) for nama, data in isi]
    for path, _ in tujuan:
        periksa_tujuan(path, folder=False)
        if path.exists() and not force:
            raise OutputError(f"{path} sudah ada; gunakan --force untuk menimpa")
    for path, data in tujuan:
        _tulis(path, data)
    return [path for path, _ in tujuan]


def tulis_roster_kabupaten(tujuan: Path, kode: str | None, force: bool = False) -> None:
    """The Excel roster template at `tujuan` (.xlsx), prefilled with the desa of `kode`."""
    tujuan = Path(tujuan)
    if tujuan.suffix.lower() != ".xlsx":
        raise OutputError(f"{tujuan}: templat roster harus berakhiran .xlsx")
    periksa_tujuan(tujuan, folder=False)
    if tujuan.exists() and not force:
        raise OutputError(f"{tujuan} sudah ada; gunakan --force untuk menimpa")
    _tulis(tujuan, isi_roster_kabupaten(kode))


def sunting_yaml(path: Path, perubahan: dict[tuple, object]) -> None:
    """Set values by field path in a config file (the web form), keeping its comments; atomic."""
    from perbup_gen.konfigurasi.inisialisasi import teks_sunting

    path = Path(path)
    teks = teks_sunting(path, perubahan)
    tulis_berkas(path, teks.encode("utf-8"), "Berkas", mode=path.stat().st_mode & 0o777)
