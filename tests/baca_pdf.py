"""A small PDF reader for tests, on poppler-utils: the lines of each page with their position
(`pdftotext -bbox-layout`), the fonts (`pdffonts`), and how empty each page is.

    from baca_pdf import halaman, huruf, kosong_bawah

Positions are in points from the top left corner of the page.
"""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

_NS = {"h": "http://www.w3.org/1999/xhtml"}
MM = 72 / 25.4


def perlu_poppler() -> None:
    import pytest

    for program in ("pdftotext", "pdffonts"):
        if shutil.which(program) is None:
            pytest.fail(f"{program} tidak ada: apt-get install poppler-utils")


@dataclass
class Baris:
    kata: list[str]
    atas: float  # yMin
    bawah: float  # yMax

    @property
    def teks(self) -> str:
        return " ".join(self.kata)


@dataclass
class Halaman:
    lebar: float
    tinggi: float
    baris: list[Baris]

    def isi(self, margin_atas_mm: float = 20) -> list[Baris]:
        """The lines of the body: below the top margin (the page number stands above it)."""
        return [b for b in self.baris if b.atas >= margin_atas_mm * MM - 2]


def halaman(pdf: Path) -> list[Halaman]:
    """Every page with its lines in reading order."""
    keluar = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                            check=True).stdout
    akar = etree.fromstring(keluar, etree.XMLParser(recover=True))
    out = []
    for p in akar.iterfind(".//h:page", _NS):
        baris = []
        for ln in p.iterfind(".//h:line", _NS):
            kata = [w.text or "" for w in ln.iterfind("h:word", _NS)]
            baris.append(Baris(kata, float(ln.get("yMin")), float(ln.get("yMax"))))
        baris.sort(key=lambda b: b.atas)
        out.append(Halaman(float(p.get("width")), float(p.get("height")), baris))
    return out


def kosong_bawah(h: Halaman, margin_atas_mm: float = 20, margin_bawah_mm: float = 20) -> float:
    """The share of the page's text area left empty below its last line (0 full, 1 empty)."""
    atas, bawah = margin_atas_mm * MM, h.tinggi - margin_bawah_mm * MM
    isi = h.isi(margin_atas_mm)
    if not isi:
        return 1.0
    terakhir = max(b.bawah for b in isi)
    return max(0.0, (bawah - terakhir) / (bawah - atas))


def huruf(pdf: Path) -> list[tuple[str, bool]]:
    """(font name, embedded) of every font of the PDF, from pdffonts."""
    keluar = subprocess.run(["pdffonts", str(pdf)], capture_output=True, check=True, text=True).stdout
    out = []
    for baris in keluar.splitlines()[2:]:
        bagian = baris.split()
        if len(bagian) < 6:
            continue
        # name type... encoding emb sub uni object ID: "emb" is the 5th field from the end
        out.append((bagian[0], bagian[-5] == "yes"))
    return out
