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

    judul = "Konfigurasi tidak sah"  # the message's first line (subclasses name their input)

    def __init__(self, masalah: list[Masalah]):
        self.masalah = list(masalah)
        super().__init__(self._teks())

    def _teks(self) -> str:
        n = len(self.masalah)
        kepala = f"{self.judul} ({n} masalah):" if n != 1 else f"{self.judul}:"
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

    judul = "Buku kerja evaluasi tidak sah"


# --- operating-system reasons in Indonesian ------------------------------------------------------

import errno as _errno  # noqa: E402

_ALASAN_OS = {
    _errno.ENOSPC: "disk penuh",
    _errno.EDQUOT: "kuota disk habis",
    _errno.EACCES: "tidak ada izin",
    _errno.EPERM: "tidak ada izin",
    _errno.EROFS: "sistem berkas hanya dapat dibaca",
    _errno.ENOTDIR: "bagian dari jalurnya adalah berkas, bukan folder",
    _errno.EISDIR: "sudah ada folder dengan nama itu",
    _errno.EEXIST: "sudah ada berkas dengan nama itu",
    _errno.ENOENT: "berkas atau folder tidak ada",
    _errno.EIO: "kesalahan masukan/keluaran disk",
    _errno.ENAMETOOLONG: "nama berkas terlalu panjang",
    _errno.ELOOP: "tautan simbolik berputar",
    _errno.EBUSY: "sedang dipakai program lain",
    _errno.ETXTBSY: "sedang dipakai program lain",
    _errno.EMFILE: "terlalu banyak berkas terbuka",
    _errno.ENFILE: "terlalu banyak berkas terbuka",
    _errno.EFBIG: "berkas terlalu besar",
    _errno.EINVAL: "nama atau jalur tidak sah",
    _errno.ENODEV: "perangkat tidak ada",
    _errno.ENXIO: "perangkat tidak ada",
    _errno.EXDEV: "berada di disk lain",
    _errno.ENOTEMPTY: "folder tidak kosong",
}


def alasan_os(e: OSError) -> str:
    """An OSError as a short Indonesian reason, e.g. "disk penuh (ENOSPC)". The operating system's
    own text (English) is never shown; the symbolic code is kept for whoever must look it up."""
    kode = e.errno if isinstance(e.errno, int) else None
    nama = _errno.errorcode.get(kode, str(kode)) if kode is not None else None
    alasan = _ALASAN_OS.get(kode) if kode is not None else None
    if alasan is None:
        alasan = "kesalahan sistem operasi"
    return f"{alasan} ({nama})" if nama else alasan
