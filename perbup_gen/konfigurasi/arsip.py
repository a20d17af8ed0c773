"""Limits for ZIP containers (XLSX rosters) checked before any library opens them.

An XLSX file is a ZIP archive; a few kilobytes can declare gigabytes of XML (a "zip bomb").
`periksa_zip` reads only the archive's central directory and refuses the file when it has too many
members or declares more uncompressed bytes than a roster can need. Python's zipfile never inflates
a member past the size the directory declares, so the declared sizes bound what openpyxl reads.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from perbup_gen.errors import ConfigError, Lokasi, Masalah

# A roster of 10,000 KPM rows is about 5 MB of sheet XML; these limits leave a wide margin.
UKURAN_TERURAI_MAKS = 200 * 1024 * 1024  # all members together, uncompressed
ANGGOTA_MAKS = 2_000  # members in the archive
RASIO_MAKS = 500  # uncompressed / compressed for one member larger than 1 MiB


def periksa_zip(path: Path, tampil: str, ukuran_maks: int = UKURAN_TERURAI_MAKS,
                anggota_maks: int = ANGGOTA_MAKS, rasio_maks: int = RASIO_MAKS) -> None:
    """Raise ConfigError when `path` is not a ZIP archive or exceeds the limits."""
    def tolak(pesan: str) -> ConfigError:
        return ConfigError([Masalah(Lokasi(tampil), pesan)])

    try:
        with zipfile.ZipFile(path) as z:
            daftar = z.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise tolak("berkas Excel tidak dapat dibaca: bukan berkas Excel .xlsx (isinya bukan arsip ZIP); simpan ulang "
                    "dari Excel sebagai Buku Kerja Excel (.xlsx)") from None
    if len(daftar) > anggota_maks:
        raise tolak(f"berkas Excel ditolak: berisi {len(daftar)} bagian (paling banyak {anggota_maks})")
    total = 0
    for info in daftar:
        total += info.file_size
        if info.file_size > 1024 * 1024 and info.file_size > rasio_maks * max(info.compress_size, 1):
            raise tolak(f"berkas Excel ditolak: bagian {info.filename!r} memampat {info.file_size // max(info.compress_size, 1)} kali "
                        "(bom zip?); simpan ulang dari Excel")
    if total > ukuran_maks:
        raise tolak(f"berkas Excel ditolak: isinya terurai menjadi {total // (1024 * 1024)} MB "
                    f"(paling besar {ukuran_maks // (1024 * 1024)} MB untuk roster)")
