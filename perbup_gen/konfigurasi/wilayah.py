"""The national list of Indonesian regions (Kemendagri codes), shipped gzipped with the package.

`perbup_gen/data/wilayah.csv.gz` is `wilayah.csv` (columns `kode,nama`; source cahyadsn/wilayah, MIT,
see `data/wilayah.LICENSE`) compressed without changes and deterministically (`kemas_csv`).

The code's depth gives the level: `62` provinsi, `62.10` kabupaten/kota, `62.10.01` kecamatan,
`62.10.01.2002` desa/kelurahan. In the last group a leading `1` marks a kelurahan, `2` a desa and
`3` a desa adat (14 in Kabupaten Jayapura, Papua). Only a desa (and a desa adat) has a Kepala Desa,
an APBDes and Dana Desa.

Loading the whole list takes well under half a second and is cached per process and per file.
The list is held as one dict `kode -> nama` plus the sorted code list; `Wilayah` objects are made on
demand, so `semua_desa()` streams without building a list of 75,252 objects.
"""
from __future__ import annotations

import bisect
import csv
import functools
import gzip
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from perbup_gen.errors import ConfigError, Lokasi, Masalah

__all__ = [
    "POLA_KODE",
    "DaftarWilayah",
    "Wilayah",
    "baris_kabupaten",
    "kemas_csv",
    "kode_sah",
]

#: A well-formed region code: 2, 2.2, 2.2.2 or 2.2.2.4 digits.
POLA_KODE = re.compile(r"\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?")

_TINGKAT_DESA = {"1": "kelurahan", "2": "desa", "3": "desa_adat"}
_TINGKAT = {1: "provinsi", 2: "kabupaten", 3: "kecamatan"}
_NAMA_ARSIP = "wilayah.csv.gz"
# code length -> its separators at positions 2, 5, 8
_BENTUK_KODE = {2: "", 5: ".", 8: "..", 13: "..."}


def kode_sah(kode: str) -> bool:
    """True when `kode` is a well-formed region code (it need not exist)."""
    return isinstance(kode, str) and POLA_KODE.fullmatch(kode) is not None


@dataclass(frozen=True, slots=True)
class Wilayah:
    """One region: its Kemendagri code and its name as written in the national list."""

    kode: str
    nama: str

    @property
    def tingkat(self) -> str:
        """"provinsi", "kabupaten" (also a kota), "kecamatan", "desa", "kelurahan" or "desa_adat"."""
        kedalaman = self.kode.count(".") + 1
        if kedalaman < 4:
            return _TINGKAT[kedalaman]
        awal = self.kode.rsplit(".", 1)[1][:1]
        try:
            return _TINGKAT_DESA[awal]
        except KeyError:
            raise ValueError(f"kode wilayah {self.kode!r} tidak dikenal tingkatnya") from None

    @property
    def induk(self) -> str | None:
        """The parent's code (kecamatan of a desa, ...); None for a provinsi."""
        if "." not in self.kode:
            return None
        return self.kode.rsplit(".", 1)[0]

    @property
    def punya_kepala_desa(self) -> bool:
        """True for a desa or desa adat: it has a Kepala Desa, an APBDes and Dana Desa."""
        return self.kode.count(".") == 3 and self.tingkat in ("desa", "desa_adat")


class DaftarWilayah:
    """The national list, indexed by code. Build it with `DaftarWilayah.muat()`."""

    __slots__ = ("_nama", "_kode", "sumber")

    def __init__(self, nama: dict[str, str], sumber: str = ""):
        self._nama = nama
        kode = sorted(nama)  # linear for the already sorted national list
        # Codes have fixed-width groups, so string order is code order and a region's whole
        # subtree is one contiguous run of the sorted list.
        self._kode = kode
        self.sumber = sumber

    @classmethod
    def muat(cls, path: str | Path | None = None) -> DaftarWilayah:
        """The list in `path` (.csv or .csv.gz), or the packaged national list; cached per process."""
        kunci = "" if path is None else str(Path(path).resolve())
        return _muat(kunci)

    def __len__(self) -> int:
        return len(self._kode)

    def __contains__(self, kode: object) -> bool:
        return kode in self._nama

    def cari(self, kode: str) -> Wilayah | None:
        """The region with exactly this code, or None."""
        nama = self._nama.get(kode)
        return None if nama is None else Wilayah(kode, nama)

    def _subpohon(self, kode: str) -> tuple[int, int]:
        """Index range in the sorted codes of every descendant of `kode`."""
        awalan = kode + "."
        i = bisect.bisect_left(self._kode, awalan)
        j = bisect.bisect_left(self._kode, kode + "/")  # "/" is the character right after "."
        return i, j

    def anak(self, kode: str) -> list[Wilayah]:
        """The direct children of `kode` in code order (empty for a desa or an unknown code)."""
        i, j = self._subpohon(kode)
        titik = kode.count(".") + 1
        return [
            Wilayah(k, self._nama[k]) for k in self._kode[i:j] if k.count(".") == titik
        ]

    def keturunan(self, kode: str) -> Iterator[Wilayah]:
        """Every region below `kode` (kecamatan, then its desa, ...) in code order."""
        i, j = self._subpohon(kode)
        for k in self._kode[i:j]:
            yield Wilayah(k, self._nama[k])

    def _leluhur(self, kode: str, kedalaman: int) -> Wilayah | None:
        if not kode_sah(kode) or kode.count(".") + 1 < kedalaman:
            return None
        return self.cari(".".join(kode.split(".")[:kedalaman]))

    def kabupaten(self, kode: str) -> Wilayah | None:
        """The kabupaten/kota that is or contains `kode`, or None."""
        return self._leluhur(kode, 2)

    def kecamatan(self, kode: str) -> Wilayah | None:
        """The kecamatan that is or contains `kode`, or None."""
        return self._leluhur(kode, 3)

    def provinsi_dari(self, kode: str) -> Wilayah | None:
        """The provinsi that is or contains `kode`, or None."""
        return self._leluhur(kode, 1)

    def semua(self) -> Iterator[Wilayah]:
        """Every region, in code order (streamed)."""
        for k in self._kode:
            yield Wilayah(k, self._nama[k])

    def semua_desa(self, *, termasuk_desa_adat: bool = False) -> Iterator[Wilayah]:
        """Every desa (not kelurahan), in code order, streamed one at a time.

        The 14 desa adat (last group starting with 3) are left out unless `termasuk_desa_adat`.
        """
        diterima = ("2", "3") if termasuk_desa_adat else ("2",)
        for k in self._kode:
            if len(k) == 13 and k[9] in diterima:
                yield Wilayah(k, self._nama[k])

    def baris_kabupaten(self, kode: str) -> list[Wilayah]:
        """The kabupaten/kota `kode`, then each kecamatan followed by its desa/kelurahan."""
        kab = self.cari(kode)
        if kab is None or kab.tingkat != "kabupaten":
            raise ValueError(f"kode kabupaten/kota {kode!r} tidak ada dalam daftar wilayah")
        return [kab, *self.keturunan(kode)]


def baris_kabupaten(kode: str) -> list[Wilayah]:
    """The kabupaten/kota `kode` from the packaged list, its kecamatan and desa/kelurahan in code order.

    Raises ValueError for a code that is not a kabupaten/kota of the national list.
    """
    return DaftarWilayah.muat().baris_kabupaten(kode)


def _baca_teks(kunci: str) -> tuple[str, str]:
    """(text, name for messages) of the list to load."""
    if not kunci:
        data = resources.files("perbup_gen").joinpath("data", _NAMA_ARSIP).read_bytes()
        return gzip.decompress(data).decode("utf-8"), f"perbup_gen/data/{_NAMA_ARSIP}"
    path = Path(kunci)
    try:
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        return data.decode("utf-8-sig"), str(path)
    except (OSError, EOFError, gzip.BadGzipFile, UnicodeDecodeError) as e:
        from perbup_gen.errors import alasan_os

        alasan = alasan_os(e) if isinstance(e, OSError) and not isinstance(e, gzip.BadGzipFile) else "isinya rusak (bukan gzip atau bukan UTF-8)"
        masalah = Masalah(Lokasi(str(path)), f"daftar wilayah tidak dapat dibaca: {alasan}")
        raise ConfigError([masalah]) from e


@functools.lru_cache(maxsize=4)
def _muat(kunci: str) -> DaftarWilayah:
    teks, nama_berkas = _baca_teks(kunci)
    baris = csv.reader(io.StringIO(teks, newline=""))
    kepala = next(baris, None)
    if kepala != ["kode", "nama"]:
        raise ConfigError(
            [Masalah(Lokasi(nama_berkas, 1), "kepala kolom harus 'kode,nama'")]
        )
    rows = list(baris)
    # The packaged list is checked row by row by the test suite (loaded as a plain file); checking
    # it again on every start would cost a third of the load time.
    bentuk = _BENTUK_KODE
    salah = [] if not kunci else [
        i
        for i, b in enumerate(rows)
        if len(b) != 2
        or bentuk.get(len(b[0])) != b[0][2:9:3]
        or not b[0].isascii()
        or not b[0].replace(".", "").isdigit()
        or not b[1].strip()
    ]
    masalah = [
        Masalah(Lokasi(nama_berkas, i + 2), f"baris tidak sah: {','.join(rows[i])!r}")
        for i in salah[:20]
    ]
    if masalah:
        raise ConfigError(masalah)
    nama = dict(rows)
    if len(nama) != len(rows):
        terlihat: set[str] = set()
        for i, (kode, _) in enumerate(rows):
            if kode in terlihat:
                masalah.append(Masalah(Lokasi(nama_berkas, i + 2), f"kode {kode} ganda"))
            terlihat.add(kode)
        raise ConfigError(masalah[:20])
    return DaftarWilayah(nama, nama_berkas)


def kemas_csv(sumber: str | Path, tujuan: str | Path) -> None:
    """Gzip `sumber` into `tujuan` byte-for-byte, deterministically (no file name, mtime 0)."""
    data = Path(sumber).read_bytes()
    with open(tujuan, "wb") as f, gzip.GzipFile(
        filename="", mode="wb", fileobj=f, compresslevel=9, mtime=0
    ) as gz:
        gz.write(data)
