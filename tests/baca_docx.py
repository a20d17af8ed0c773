"""A small DOCX reader for tests: paragraph texts with Word's list markers reconstructed.

    from baca_docx import baca, paragraf, ukuran_halaman, margin, huruf_normal

`baca(src)` gives the text of every non-empty paragraph of the body in reading order (the paragraphs
of table cells row by row, cell by cell), each prefixed with the marker Word would display for it
("a. bahwa ...", "(1) Desa ...", "1. Desa adalah ..."), computed from w:numPr and numbering.xml:
lvlText, numFmt, start / startOverride, counting per w:num and level, deeper levels restarting
after a higher-level item. Marker and text are joined by one space. w:tab is read as "\\t" and
w:br as "\\n"; a no-break space (U+00A0, put in by naskah/spasi.py) as a space (`paragraf(...,
mentah=True)` keeps it).

It uses only zipfile and lxml, so it also reads documents that python-docx would not.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
_NS = {"w": W}


def _zip(src: str | Path | bytes) -> zipfile.ZipFile:
    if isinstance(src, (bytes, bytearray)):
        return zipfile.ZipFile(io.BytesIO(src))
    return zipfile.ZipFile(src)


def _xml(z: zipfile.ZipFile, nama: str):
    try:
        return etree.fromstring(z.read(nama))
    except KeyError:
        return None


def _val(e, tag: str, default: str | None = None) -> str | None:
    x = e.find(f"{_W}{tag}")
    return x.get(f"{_W}val", default) if x is not None else default


# --- number formats ------------------------------------------------------------------------------


def _huruf(n: int) -> str:
    """Word's lowerLetter: 1 a, 26 z, 27 aa, 28 bb."""
    return chr(97 + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _romawi(n: int) -> str:
    out = ""
    for v, s in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                 (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= v:
            out += s
            n -= v
    return out


def format_angka(n: int, fmt: str) -> str:
    if fmt == "decimal":
        return str(n)
    if fmt == "lowerLetter":
        return _huruf(n)
    if fmt == "upperLetter":
        return _huruf(n).upper()
    if fmt == "lowerRoman":
        return _romawi(n)
    if fmt == "upperRoman":
        return _romawi(n).upper()
    if fmt in ("none", "bullet"):
        return ""
    raise ValueError(f"numFmt {fmt} not supported")


class _Penomoran:
    """The numbering part: level definitions per numId, and running counters."""

    def __init__(self, akar):
        self.abstrak: dict[str, dict[int, dict]] = {}
        self.num: dict[str, tuple[str, dict[int, int]]] = {}
        self.hitung: dict[str, dict[int, int]] = {}
        if akar is None:
            return
        for a in akar.iter(f"{_W}abstractNum"):
            lv = {}
            for lvl in a.iter(f"{_W}lvl"):
                lv[int(lvl.get(f"{_W}ilvl"))] = {
                    "start": int(_val(lvl, "start", "1") or 1),
                    "fmt": _val(lvl, "numFmt", "decimal"),
                    "text": _val(lvl, "lvlText", ""),
                    "suff": _val(lvl, "suff", "tab"),
                }
            self.abstrak[a.get(f"{_W}abstractNumId")] = lv
        for n in akar.iter(f"{_W}num"):
            over = {}
            for o in n.iter(f"{_W}lvlOverride"):
                s = _val(o, "startOverride")
                if s is not None:
                    over[int(o.get(f"{_W}ilvl"))] = int(s)
            self.num[n.get(f"{_W}numId")] = (_val(n, "abstractNumId"), over)

    def tanda(self, num_id: str, ilvl: int) -> str:
        if num_id == "0" or num_id not in self.num:
            return ""
        aid, over = self.num[num_id]
        levels = self.abstrak.get(aid, {})
        hit = self.hitung.setdefault(num_id, {})
        if ilvl in hit:
            hit[ilvl] += 1
        else:
            hit[ilvl] = over.get(ilvl, levels.get(ilvl, {}).get("start", 1))
        for deeper in [k for k in hit if k > ilvl]:
            del hit[deeper]
        teks = levels.get(ilvl, {}).get("text", "")
        for k in range(9):
            if f"%{k + 1}" in teks:
                nilai = hit.get(k, over.get(k, levels.get(k, {}).get("start", 1)))
                teks = teks.replace(f"%{k + 1}", format_angka(nilai, levels.get(k, {}).get(
                    "fmt", "decimal")))
        return teks


@dataclass
class Paragraf:
    teks: str  # the text, without the marker
    tanda: str  # the list marker Word shows, or ""
    gaya: str  # the style NAME ("Ayat"), not its id
    dalam_tabel: bool

    @property
    def lengkap(self) -> str:
        return f"{self.tanda} {self.teks}" if self.tanda else self.teks


def _teks_p(p, mentah: bool = False) -> str:
    out = []
    for e in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br"):
        if e.tag == f"{_W}t":
            out.append(e.text or "")
        elif e.tag == f"{_W}tab":
            if etree.QName(e.getparent()).localname == "r":
                out.append("\t")
        else:
            out.append("\n")
    teks = "".join(out)
    return teks if mentah else teks.replace("\u00a0", " ")


def _nama_gaya(z) -> dict[str, str]:
    akar = _xml(z, "word/styles.xml")
    peta = {}
    if akar is not None:
        for s in akar.iter(f"{_W}style"):
            peta[s.get(f"{_W}styleId")] = _val(s, "name", s.get(f"{_W}styleId"))
    return peta


def _num_gaya(z) -> dict[str, tuple[str, int]]:
    """numPr carried by paragraph styles (styleId -> (numId, ilvl))."""
    akar = _xml(z, "word/styles.xml")
    out = {}
    if akar is not None:
        for s in akar.iter(f"{_W}style"):
            np_ = s.find(f"{_W}pPr/{_W}numPr")
            if np_ is not None and _val(np_, "numId"):
                out[s.get(f"{_W}styleId")] = (_val(np_, "numId"), int(_val(np_, "ilvl", "0")))
    return out


def paragraf(src: str | Path | bytes, mentah: bool = False) -> list[Paragraf]:
    """Every paragraph of the body (empty ones included), in reading order (`mentah`: no-break
    spaces kept)."""
    with _zip(src) as z:
        doc = _xml(z, "word/document.xml")
        pen = _Penomoran(_xml(z, "word/numbering.xml"))
        gaya = _nama_gaya(z)
        gaya_num = _num_gaya(z)
    body = doc.find(f"{_W}body")
    out: list[Paragraf] = []
    for p in body.iter(f"{_W}p"):
        ppr = p.find(f"{_W}pPr")
        sid = _val(ppr, "pStyle", "Normal") if ppr is not None else "Normal"
        numpr = ppr.find(f"{_W}numPr") if ppr is not None else None
        tanda = ""
        if numpr is not None and _val(numpr, "numId") is not None:
            tanda = pen.tanda(_val(numpr, "numId"), int(_val(numpr, "ilvl", "0")))
        elif sid in gaya_num:
            tanda = pen.tanda(*gaya_num[sid])
        dalam_tabel = any(a.tag == f"{_W}tc" for a in p.iterancestors())
        out.append(Paragraf(_teks_p(p, mentah), tanda, gaya.get(sid, sid), dalam_tabel))
    return out


def baca(src: str | Path | bytes) -> list[str]:
    """The text of each non-empty paragraph, with its list marker: ["a. bahwa ...", ...]."""
    return [p.lengkap for p in paragraf(src) if p.lengkap.strip()]


def baca_tabel(src: str | Path | bytes) -> list[list[list[str]]]:
    """Every table of the body: rows of cells, each cell's paragraph texts joined by "\\n"
    (markers not included)."""
    with _zip(src) as z:
        doc = _xml(z, "word/document.xml")
    out = []
    for tbl in doc.iter(f"{_W}tbl"):
        out.append([["\n".join(_teks_p(p) for p in tc.iter(f"{_W}p")) for tc in tr.findall(
            f"{_W}tc")] for tr in tbl.findall(f"{_W}tr")])
    return out


def _sectpr(src):
    with _zip(src) as z:
        doc = _xml(z, "word/document.xml")
    return doc.find(f"{_W}body/{_W}sectPr")


def ukuran_halaman(src: str | Path | bytes) -> tuple[int, int]:
    """(width, height) of the page in twips."""
    sz = _sectpr(src).find(f"{_W}pgSz")
    return int(sz.get(f"{_W}w")), int(sz.get(f"{_W}h"))


def margin(src: str | Path | bytes) -> dict[str, int]:
    """Page margins in twips: top, right, bottom, left."""
    m = _sectpr(src).find(f"{_W}pgMar")
    return {k: int(m.get(f"{_W}{k}")) for k in ("top", "right", "bottom", "left")}


def huruf_normal(src: str | Path | bytes) -> tuple[str, float]:
    """(font name, size in pt) of the Normal style, falling back to the document defaults."""
    with _zip(src) as z:
        akar = _xml(z, "word/styles.xml")
    nama, ukuran = None, None
    for rpr in (akar.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr"),
                next((s.find(f"{_W}rPr") for s in akar.iter(f"{_W}style")
                      if s.get(f"{_W}styleId") == "Normal" or (
                          s.get(f"{_W}default") == "1" and s.get(f"{_W}type") == "paragraph")),
                     None)):
        if rpr is None:
            continue
        f = rpr.find(f"{_W}rFonts")
        if f is not None and f.get(f"{_W}ascii"):
            nama = f.get(f"{_W}ascii")
        sz = rpr.find(f"{_W}sz")
        if sz is not None:
            ukuran = int(sz.get(f"{_W}val")) / 2
    return nama, ukuran


def properti(src: str | Path | bytes) -> dict[str, str]:
    """docProps/core.xml as {local tag name: text}."""
    with _zip(src) as z:
        akar = _xml(z, "docProps/core.xml")
    return {etree.QName(e).localname: e.text or "" for e in akar} if akar is not None else {}
