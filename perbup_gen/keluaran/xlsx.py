"""Excel workbooks for the BPMD clerks (the recap, the Buku Keputusan Kepala Desa): plain rows in,
XLSX bytes out. Each sheet has a bold header row that stays in view, filters on every column,
column widths and number formats; the same rows give the same bytes (fixed document dates, fixed
times inside the zip), so a rebuild does not rewrite an unchanged workbook.
"""
from __future__ import annotations

import datetime as _dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

__all__ = ["Kolom", "Lembar", "buku_kerja", "zip_tetap"]

_WAKTU_TETAP = (1980, 1, 1, 0, 0, 0)
_SEL_MAKS = 32_767  # characters Excel keeps in one cell


@dataclass
class Kolom:
    judul: str
    lebar: float = 14
    format: str | None = None  # Excel number format: "#,##0", "0.00%", "DD-MM-YYYY"
    bungkus: bool = False  # wrap long text


@dataclass
class Lembar:
    nama: str  # sheet name, at most 31 characters
    kolom: list[Kolom]
    baris: list[list[Any]] = field(default_factory=list)


def _nilai(v: Any) -> Any:
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    if isinstance(v, str):
        from perbup_gen.naskah.tampil import bersih

        return bersih(v)[:_SEL_MAKS]  # no control characters in a cell
    return v


def buku_kerja(lembar: list[Lembar], judul: str = "", penulis: str = "perbup-gen") -> bytes:
    """The XLSX bytes of the sheets."""
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    buku = openpyxl.Workbook()
    buku.remove(buku.active)
    for lb in lembar:
        ws = buku.create_sheet(lb.nama[:31])
        ws.append([k.judul for k in lb.kolom])
        for sel in ws[1]:
            sel.font = Font(bold=True)
            sel.fill = PatternFill("solid", fgColor="DDEBF7")
            sel.alignment = Alignment(wrap_text=True, vertical="top")
        bungkus = Alignment(wrap_text=True, vertical="top")
        for r, baris in enumerate(lb.baris, 2):
            for i, (k, v) in enumerate(zip(lb.kolom, baris), 1):
                v = _nilai(v)
                if v is None:
                    continue
                sel = ws.cell(row=r, column=i, value=v)
                if isinstance(v, str) and v.startswith("="):
                    sel.data_type = "s"  # typed text never becomes a formula
                if k.format and isinstance(v, (int, float, _dt.date)):
                    sel.number_format = k.format
                if k.bungkus:
                    sel.alignment = bungkus
        for i, k in enumerate(lb.kolom, 1):
            ws.column_dimensions[get_column_letter(i)].width = k.lebar
        akhir = get_column_letter(len(lb.kolom))
        ws.auto_filter.ref = f"A1:{akhir}{max(1, len(lb.baris) + 1)}"
        ws.freeze_panes = "A2"
    tetap = _dt.datetime(2000, 1, 1)
    buku.properties.created = tetap
    buku.properties.modified = tetap
    buku.properties.creator = penulis
    buku.properties.lastModifiedBy = penulis
    if judul:
        buku.properties.title = judul
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return zip_tetap(keluaran.getvalue())


_DIUBAH = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def zip_tetap(data: bytes) -> bytes:
    """The same zip with every entry's time fixed, and the document's "modified" date too (openpyxl
    stamps the clock time on both when saving)."""
    keluaran = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as masuk, \
            zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as keluar:
        for info in masuk.infolist():
            isi = masuk.read(info.filename)
            if info.filename == "docProps/core.xml":
                isi = _DIUBAH.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", isi)
            baru = zipfile.ZipInfo(info.filename, _WAKTU_TETAP)
            baru.compress_type = zipfile.ZIP_DEFLATED
            baru.external_attr = 0o644 << 16
            keluar.writestr(baru, isi)
    return keluaran.getvalue()
