"""A Mengingat citation as data: the regulation it cites and the amendment chain it names.

    urai_sitasi("Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah (...) sebagaimana
                 telah diubah dengan Undang-Undang Nomor 12 Tahun 2008 (...)")
    -> Sitasi(dasar=Rujukan_("UU", "32", 2004), perubahan=[Rujukan_("UU", "12", 2008)])

Kinds are the keys of the citation table's hierarchy (UU, PP, Perpres, Permen, Perda, Perbup).
Spacing and OCR-style spellings of published texts are tolerated ("Undang - Undang",
"Undang-undang", "nomor", "tahun"). Knows no table and no files.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["AcuanPeraturan", "Sitasi", "urai_sitasi"]

_JENIS = [
    (r"Undang\s*-\s*[Uu]ndang(?!\s+Dasar)", "UU"),
    (r"Peraturan\s+Pemerintah\s+Pengganti\s+Undang\s*-\s*[Uu]ndang", "Perppu"),
    (r"Peraturan\s+Pemerintah", "PP"),
    (r"Peraturan\s+Presiden", "Perpres"),
    (r"Peraturan\s+Menteri(?:\s+[A-Z][\w,]*(?:\s+(?:dan|[A-Z][\w,]*))*)?", "Permen"),
    (r"Peraturan\s+Daerah(?:\s+(?:Provinsi|Kabupaten|Kota)\s+[A-Z][\w]*(?:\s+[A-Z][\w]*)*)?", "Perda"),
    (r"Peraturan\s+(?:Bupati|Wali\s?[Kk]ota)(?:\s+[A-Z][\w]*(?:\s+[A-Z][\w]*)*)?", "Perbup"),
]
_POLA = re.compile(
    r"(?P<jenis>" + "|".join(f"(?P<j{i}>{p})" for i, (p, _) in enumerate(_JENIS)) + r")"
    r"\s+(?:Republik\s+Indonesia\s+)?[Nn]omor\s+(?P<nomor>[\w./-]+?)\s*,?\s+[Tt]ahun\s+(?P<tahun>\d{4})")


@dataclass(frozen=True)
class AcuanPeraturan:
    jenis: str  # "UU", "PP", ...
    nomor: str
    tahun: int

    @property
    def kunci(self) -> str:
        """The citation table's key style: "uu-32-2004"."""
        return f"{self.jenis.lower()}-{self.nomor.lstrip('0') or '0'}-{self.tahun}"

    def __str__(self) -> str:
        return f"{self.jenis} {self.nomor}/{self.tahun}"


@dataclass
class Sitasi:
    dasar: AcuanPeraturan | None
    perubahan: list[AcuanPeraturan] = field(default_factory=list)  # in the order cited

    @property
    def terakhir(self) -> AcuanPeraturan | None:
        return self.perubahan[-1] if self.perubahan else None


def urai_sitasi(teks: str) -> Sitasi:
    teks = " ".join(teks.split())
    temuan = []
    for m in _POLA.finditer(teks):
        jenis = next(k for i, (_, k) in enumerate(_JENIS) if m.group(f"j{i}"))
        temuan.append((m.start(), AcuanPeraturan(jenis, m.group("nomor"), int(m.group("tahun")))))
    if not temuan:
        return Sitasi(None)
    dasar = temuan[0][1]
    ubah = re.search(r"\bdiubah\b", teks)
    perubahan = []
    if ubah:
        for pos, acuan in temuan[1:]:
            if pos < ubah.start() or acuan == dasar:
                continue
            if re.search(r"dengan\s*$", teks[max(0, pos - 20): pos]):
                perubahan.append(acuan)
    return Sitasi(dasar, perubahan)
