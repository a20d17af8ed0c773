"""What the readers hand to the parser: lines of text with where they stand, and warnings.

Every reader (plain text, Markdown, DOCX, PDF) turns its format into a list of `Baris`: one line
of text (a paragraph for DOCX), its place in the source as a user would look it up ("12" for line
12 of a text file, "paragraf 40" in a DOCX, "halaman 3 baris 12" in a PDF), and hints the format
gives for free: a data table, a style or heading role, the indentation of a layout-preserving PDF
extraction. The parser never sees the format itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Baris", "Peringatan", "CatatanImpor", "KATA_RUJUK"]

#: a line ending with the word of a reference ("... dalam Pasal"): what follows ("5.", "(2)") is
#: its number, wrapped to the next line, not a marker
KATA_RUJUK = re.compile(r"\b(?:ayat|Pasal|huruf|angka|pasal|Nomor|nomor|Diktum)$")


@dataclass
class Baris:
    teks: str
    tempat: str  # "12", "paragraf 40", "halaman 3 baris 12"
    tabel: list[list[str]] | None = None  # a data table (its first row: the header)
    peran: str = ""  # hint from the format: "kepala", "judul", "subjudul", "tengah", "tebal", ...
    inden: int = 0  # leading spaces in a layout text extraction
    halaman: int | None = None  # page of a PDF (page breaks of a text file: form feeds)


@dataclass(frozen=True)
class Peringatan:
    """Something the importer was not sure of, with the place in the source."""

    tempat: str
    pesan: str

    def teks(self, berkas: str) -> str:
        return f"{berkas}:{self.tempat}: {self.pesan}" if self.tempat else f"{berkas}: {self.pesan}"


@dataclass
class CatatanImpor:
    """Collects warnings; one place per message at most (a noisy source repeats itself)."""

    peringatan: list[Peringatan] = field(default_factory=list)
    _sudah: set = field(default_factory=set)

    def tambah(self, tempat: str, pesan: str) -> None:
        kunci = (tempat, pesan)
        if kunci not in self._sudah:
            self._sudah.add(kunci)
            self.peringatan.append(Peringatan(tempat, pesan))
