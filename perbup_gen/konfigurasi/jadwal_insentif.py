"""The deadline rule of an incentive criterion, written in the config the way the juknis says it.

    "3 bulan pertama"                  once, due when the first 3 months of the contract end
    "setiap 3 bulan"                   every 3 months (periods January-March, April-June, ...)
    "setiap 3 bulan April-Desember"    every 3 months from April to December
                                       (also "mulai bulan April sampai dengan bulan Desember")

Numbers may carry their words ("3 (tiga) bulan pertama"); case and spacing do not matter. The
dates of each target are computed from the contract period by `perbup_gen.kinerja.aturan`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["Jadwal", "urai_jadwal", "CONTOH_JADWAL"]

CONTOH_JADWAL = "'3 bulan pertama', 'setiap 3 bulan', atau 'setiap 3 bulan April-Desember'"

_BULAN = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "pebruari": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8,
    "agu": 8, "agt": 8, "ags": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
    "november": 11, "nov": 11, "nop": 11, "desember": 12, "des": 12,
}
_AWAL = re.compile(r"^(\d{1,2}) bulan pertama$")
_BERKALA = re.compile(
    r"^(?:sekurang-kurangnya |paling sedikit |paling sedikit sekali )?setiap (\d{1,2}) bulan"
    r"(?: (?:mulai )?(?:dari )?(?:bulan )?([a-z]+) ?(?:-|–|—|s/d|s\.d\.|sampai dengan|sampai|hingga) ?"
    r"(?:bulan )?([a-z]+))?$")


@dataclass(frozen=True)
class Jadwal:
    """`awal`: once, due at the end of the first `bulan` months of the contract; `berkala`: every
    `bulan` months, periods counted from calendar month `dari` (January when not said) up to
    month `sampai` (December)."""

    jenis: Literal["awal", "berkala"]
    bulan: int
    dari: int = 1
    sampai: int = 12


def urai_jadwal(teks: str) -> Jadwal:
    """Parse a deadline rule; ValueError (Indonesian) for anything else."""
    s = re.sub(r"\(\s*[a-z ]+\s*\)", " ", str(teks).lower())  # "3 (tiga) bulan" -> "3 bulan"
    s = " ".join(s.replace(",", " ").split())
    m = _AWAL.match(s)
    if m:
        return Jadwal("awal", _bulan_sah(int(m.group(1)), teks))
    m = _BERKALA.match(s)
    if m:
        n = _bulan_sah(int(m.group(1)), teks)
        if m.group(2) is None:
            return Jadwal("berkala", n)
        dari, sampai = _BULAN.get(m.group(2)), _BULAN.get(m.group(3))
        if dari is None or sampai is None:
            salah = m.group(2) if dari is None else m.group(3)
            raise ValueError(f"nama bulan '{salah}' tidak dikenal dalam jadwal '{teks}'")
        if dari > sampai:
            raise ValueError(f"jadwal '{teks}': bulan awal sesudah bulan akhir (dalam satu tahun anggaran)")
        return Jadwal("berkala", n, dari, sampai)
    raise ValueError(f"jadwal '{teks}' tidak dikenal; tulis mis. {CONTOH_JADWAL}")


def _bulan_sah(n: int, teks: str) -> int:
    if not 1 <= n <= 12:
        raise ValueError(f"jadwal '{teks}': jumlah bulan harus 1 sampai 12")
    return n
