"""Domain exceptions. Every message a user sees is Indonesian and names where the problem is.

The CLI catches `PerbupGenError` and prints `str(err)`; no traceback reaches the user.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Lokasi:
    """Where something stands in an input file: file, 1-based line and column, field path."""

    berkas: str
    baris: int | None = None
    kolom: int | None = None
    jalur: str = ""  # field path, e.g. "desa[12].kpm[0].pendidikan"

    def __str__(self) -> str:
        s = self.berkas
        if self.baris is not None:
            s += f":{self.baris}"
            if self.kolom is not None:
                s += f":{self.kolom}"
        return s


@dataclass(frozen=True)
class Masalah:
    """One problem found in the input."""

    lokasi: Lokasi
    pesan: str

    def __str__(self) -> str:
        jalur = f" [{self.lokasi.jalur}]" if self.lokasi.jalur else ""
        return f"{self.lokasi}{jalur}: {self.pesan}"


class PerbupGenError(Exception):
    """Base of every error perbup_gen reports to a user. Exit code 2 unless said otherwise."""

    kode_keluar = 2


class ConfigError(PerbupGenError):
    """The district config is invalid. Carries every problem found, not just the first."""

    def __init__(self, masalah: list[Masalah]):
        self.masalah = list(masalah)
        super().__init__(self._teks())

    def _teks(self) -> str:
        n = len(self.masalah)
        kepala = f"Konfigurasi tidak sah ({n} masalah):" if n != 1 else "Konfigurasi tidak sah:"
        return "\n".join([kepala] + [f"  - {m}" for m in self.masalah])


class KlausulError(PerbupGenError):
    """A clause file is broken: bad syntax, an unknown reference label, a template error."""

    def __init__(self, pesan: str, berkas: str = "", baris: int | None = None):
        self.berkas = berkas
        self.baris = baris
        tempat = f"{berkas}:{baris}: " if berkas and baris else (f"{berkas}: " if berkas else "")
        super().__init__(f"{tempat}{pesan}")


class OutputError(PerbupGenError):
    """The output folder cannot be written, or a file would be overwritten without --force."""


class BukuKerjaError(ConfigError):
    """A filled evaluation workbook is invalid: every problem, each naming its sheet and cell."""

    def _teks(self) -> str:
        n = len(self.masalah)
        kepala = f"Buku kerja evaluasi tidak sah ({n} masalah):" if n != 1 else "Buku kerja evaluasi tidak sah:"
        return "\n".join([kepala] + [f"  - {m}" for m in self.masalah])
