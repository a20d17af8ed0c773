"""No-break spaces: what a reader takes as one unit never breaks across two lines.

`ikat(s)` puts U+00A0 (no-break space) where a line break would split a unit:
- a reference: "Pasal 5", "ayat (1)", "huruf a", "angka 3", "Diktum KESATU", "Bab II";
- a number of a regulation or a year: "Nomor 6", "Nomor ...", "Tahun 2014", "TAHUN 2025";
- a figure and its words: "3 (tiga)", "10% (sepuluh persen)", "Rp500.000,00 (lima ratus ribu
  rupiah)" keeps "Rp500.000,00 (lima"; a spaced "Rp 500.000" stays whole;
- a date: "2 Mei 2025".
Nothing else changes: the text reads the same, Word and LibreOffice just do not break there.

The model keeps ordinary spaces (the checks and every comparison read it as written); the
renderers put each text through `ikat` as they write it: the DOCX renderer for every run, the
Markdown and HTML renderers for every text. One rule, one place.
"""
from __future__ import annotations

import functools
import re

__all__ = ["NBSP", "ikat"]

NBSP = "\u00a0"

_BULAN = ("Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|"
          "Desember")
_POLA = [
    # word + number or marker: "Pasal 5", "ayat (1)", "huruf a", "huruf bb", "Nomor ...", "Diktum KEDUA"
    re.compile(r"(?<![\w-])((?i:pasal|ayat|angka|nomor|tahun|bab|paragraf|lampiran)"
               r"|Diktum|DIKTUM) (?=\d|\(\d|\.\.\.|…|[IVXLC]+\b|KE[A-Z]+\b)"),
    re.compile(r"(?<![\w-])(huruf) (?=([a-z])\2*\b)"),
    # a number still to be filled in: "NOMOR ... TAHUN ..."
    re.compile(r"(\.\.\.|…) (?=(?i:tahun|nomor)\b)"),
    # a figure and its words in brackets: "3 (tiga)", "10% (sepuluh persen)", "Rp500.000,00 (lima"
    re.compile(r"(\d%?) (?=\([a-z])"),
    # "Rp 500.000"
    re.compile(r"(?<![\w-])(Rp\.?) (?=\d)"),
    # dates: "2 Mei 2025"
    re.compile(rf"(?<![\w.])(\d{{1,2}}) (?=(?:{_BULAN}) \d{{4}})"),
    re.compile(rf"(?<![\w-])({_BULAN}) (?=\d{{4}}\b)"),
]


# what a text must contain for each rule to apply (checked on the lowercased text, much cheaper than
# a regex scan): a national batch puts 75,000 decrees, each with lines of its own desa, through this
_SYARAT = [
    ("pasal", "ayat", "angka", "nomor", "tahun", "bab", "paragraf", "lampiran", "diktum"),
    ("huruf ",),
    ("... ", "\u2026 "),
    (" (",),
    ("rp",),
    tuple(b.lower() + " " for b in _BULAN.split("|")),
    tuple(b.lower() + " " for b in _BULAN.split("|")),
]


_ATURAN = list(zip(_POLA, _SYARAT))


def _ganti(m: re.Match) -> str:
    return m.group(1) + NBSP


@functools.lru_cache(maxsize=16384)
def ikat(s: str) -> str:
    """`s` with no-break spaces inside references, numbers with their words, amounts, dates."""
    if " " not in s:
        return s
    kecil = s.lower()
    for pola, syarat in _ATURAN:
        for x in syarat:
            if x in kecil:
                s = pola.sub(_ganti, s)
                break
    return s
