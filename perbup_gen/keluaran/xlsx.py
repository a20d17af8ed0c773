"""Excel workbooks for the BPMD clerks (the recap, the Buku Keputusan Kepala Desa): plain rows in,
XLSX bytes out. Each sheet has a bold header row that stays in view, filters on every column,
column widths and number formats.

Written directly as SpreadsheetML (like keluaran/docx.py writes WordprocessingML): a few parts,
shared strings, one style table, the Office theme. Importing openpyxl alone costs a quarter of a second on every
build; this costs nothing, and the same rows give the same bytes (no clock time anywhere), so a
rebuild does not rewrite an unchanged workbook.
"""
from __future__ import annotations

import datetime as _dt
import functools
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from perbup_gen.konfigurasi.sel import huruf_kolom

__all__ = ["Kolom", "Lembar", "buku_kerja"]

_WAKTU_TETAP = (1980, 1, 1, 0, 0, 0)
_SEL_MAKS = 32_767  # characters Excel keeps in one cell
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_DEKL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_EPOCH = _dt.date(1899, 12, 30)

# cell styles (indices into cellXfs of _GAYA)
_S_KEPALA, _S_BUNGKUS, _S_UANG, _S_PERSEN, _S_TANGGAL, _S_ATAS = 1, 2, 3, 4, 5, 6
_FORMAT = {"#,##0": _S_UANG, "0.00%": _S_PERSEN, "DD-MM-YYYY": _S_TANGGAL}


@dataclass
class Kolom:
    judul: str
    lebar: float = 14
    format: str | None = None  # "#,##0", "0.00%" or "DD-MM-YYYY"
    bungkus: bool = False  # wrap long text

    def __post_init__(self) -> None:
        if self.format is not None and self.format not in _FORMAT:
            raise ValueError(f"format sel tidak dikenal: {self.format!r}")


@dataclass
class Lembar:
    nama: str  # sheet name, at most 31 characters
    kolom: list[Kolom]
    baris: list[list[Any]] = field(default_factory=list)


def _teks(s: str) -> str:
    from perbup_gen.naskah.tampil import bersih

    # no control characters in a cell (line breaks of a list of findings kept)
    s = "\n".join(bersih(b) for b in str(s).split("\n"))[:_SEL_MAKS]
    return escape(s)


class _Teks:
    """The workbook's shared strings: each distinct text once, cells refer to it by number."""

    def __init__(self) -> None:
        self.nomor: dict[str, int] = {}
        self.jumlah = 0

    def __call__(self, s: str) -> int:
        self.jumlah += 1
        return self.nomor.setdefault(_teks(s), len(self.nomor))

    def xml(self) -> str:
        isi = "".join(f'<si><t xml:space="preserve">{t}</t></si>' for t in self.nomor)
        return f'{_DEKL}<sst {_NS} count="{self.jumlah}" uniqueCount="{len(self.nomor)}">{isi}</sst>'


def _sel(ref: str, v: Any, k: Kolom, teks: _Teks) -> str:
    if v is None or v == "":
        return ""
    if isinstance(v, bool):
        v = int(v)
    if isinstance(v, (_dt.date, _dt.datetime)):
        d = v.date() if isinstance(v, _dt.datetime) else v
        return f'<c r="{ref}" s="{_S_TANGGAL}"><v>{(d - _EPOCH).days}</v></c>'
    if isinstance(v, (int, float, Decimal)):
        gaya = _FORMAT.get(k.format or "", _S_ATAS)
        angka = format(v, "f") if isinstance(v, Decimal) else repr(v)
        return f'<c r="{ref}" s="{gaya}"><v>{angka}</v></c>'
    return f'<c r="{ref}" s="{_S_BUNGKUS if k.bungkus else _S_ATAS}" t="s"><v>{teks(v)}</v></c>'


def _tinggi(kolom: list[Kolom], baris: list[Any]) -> int:
    """Lines a row needs for its wrapped cells (spreadsheet programs do not all fit rows on opening)."""
    n = 1
    for k, v in zip(kolom, baris):
        if k.bungkus and isinstance(v, str) and v:
            lebar = max(1, int(k.lebar * 1.1))
            n = max(n, sum(-(-len(b) // lebar) or 1 for b in v.split("\n")))
    return min(n, 30)


def _lembar_xml(lb: Lembar, teks: _Teks) -> str:
    akhir = huruf_kolom(len(lb.kolom) - 1)
    jangkau = f"A1:{akhir}{len(lb.baris) + 1}"
    out = [_DEKL, f"<worksheet {_NS} {_NS_R}>", '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
           '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
           'state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>',
           '<sheetFormatPr defaultRowHeight="15"/><cols>']
    out += [f'<col min="{i}" max="{i}" width="{k.lebar}" customWidth="1"/>' for i, k in enumerate(lb.kolom, 1)]
    out.append('</cols><sheetData><row r="1" ht="32" customHeight="1">')
    out += [f'<c r="{huruf_kolom(i)}1" s="{_S_KEPALA}" t="s"><v>{teks(k.judul)}</v></c>' for i, k in enumerate(lb.kolom)]
    out.append("</row>")
    for r, baris in enumerate(lb.baris, 2):
        baris_teks = _tinggi(lb.kolom, baris)
        out.append(f'<row r="{r}" ht="{15 * baris_teks}" customHeight="1">' if baris_teks > 1 else f'<row r="{r}">')
        out += [_sel(f"{huruf_kolom(i)}{r}", v, k, teks) for i, (k, v) in enumerate(zip(lb.kolom, baris))]
        out.append("</row>")
    out.append(f'</sheetData><autoFilter ref="{jangkau}"/>'
               '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
               '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>')
    return "".join(out)


_GAYA = (
    _DEKL + f"<styleSheet {_NS}>"
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\-mm\\-yyyy"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="7">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>'
    '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


@functools.lru_cache(maxsize=1)
def _tema() -> str:
    """The Office theme every workbook carries: the one of templates/dasar.docx (the same theme
    part in Word and Excel)."""
    from perbup_gen.jalur import TEMPLAT

    with zipfile.ZipFile(TEMPLAT / "dasar.docx") as z:
        return z.read("word/theme/theme1.xml").decode("utf-8")


def buku_kerja(lembar: list[Lembar], judul: str = "", penulis: str = "perbup-gen") -> bytes:
    """The XLSX bytes of the sheets."""
    nama = [lb.nama[:31] for lb in lembar]
    n = len(lembar)
    jenis = (_DEKL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
             '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
             + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-'
                       'officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, n + 1))
             + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
             '<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>'
             '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
             '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
             "</Types>")
    rels = (_DEKL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
            "</Relationships>")
    core = (_DEKL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{_teks(judul)}</dc:title><dc:creator>{_teks(penulis)}</dc:creator>"
            "</cp:coreProperties>")
    app = (_DEKL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           "<Application>perbup-gen</Application></Properties>")
    buku = (_DEKL + f"<workbook {_NS} {_NS_R}><bookViews><workbookView/></bookViews><sheets>"
            + "".join(f'<sheet name="{escape(x, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>'
                      for i, x in enumerate(nama, 1))
            + "</sheets><definedNames>"
            + "".join(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
                      f"'{escape(x.replace(chr(39), chr(39) * 2))}'!$A$1:${huruf_kolom(len(lb.kolom) - 1)}${len(lb.baris) + 1}"
                      "</definedName>" for i, (x, lb) in enumerate(zip(nama, lembar)))
            + "</definedNames></workbook>")
    buku_rels = (_DEKL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 + "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                           f'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, n + 1))
                 + f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                 'relationships/styles" Target="styles.xml"/>'
                 f'<Relationship Id="rId{n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                 'relationships/sharedStrings" Target="sharedStrings.xml"/>'
                 f'<Relationship Id="rId{n + 3}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                 'relationships/theme" Target="theme/theme1.xml"/></Relationships>')
    bagian = [("[Content_Types].xml", jenis), ("_rels/.rels", rels), ("docProps/core.xml", core),
              ("docProps/app.xml", app), ("xl/workbook.xml", buku), ("xl/_rels/workbook.xml.rels", buku_rels),
              ("xl/styles.xml", _GAYA)]
    teks = _Teks()
    bagian += [(f"xl/worksheets/sheet{i}.xml", _lembar_xml(lb, teks)) for i, lb in enumerate(lembar, 1)]
    bagian += [("xl/sharedStrings.xml", teks.xml()), ("xl/theme/theme1.xml", _tema())]
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as z:
        for nama_bagian, isi in bagian:
            info = zipfile.ZipInfo(nama_bagian, _WAKTU_TETAP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, isi.encode("utf-8"))
    return keluaran.getvalue()
