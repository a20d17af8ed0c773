"""The matriks persandingan: a landscape DOCX table comparing two versions of a regulation, one
row per changed element, columns No, rumusan semula, rumusan perubahan, keterangan (the reason,
or empty for the harmonisation meeting to fill in). The table used in Tahap 2 meetings and in
e-Harmonisasi submissions.

Plain data in (title lines, column headings, rows of `naskah.selaras.BarisBanding` with their
reasons), bytes out; the template's styles ("Judul", "Tabel", "Tabel Kepala", "Tabel Bergaris"),
the page turned to landscape. Same inputs, same bytes.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from perbup_gen.keluaran.docx import TataLetak, _bagi, _r
from perbup_gen.keluaran.docx_ubah import PenyajiDocxUbah
from perbup_gen.naskah.selaras import BarisBanding

__all__ = ["render_matriks", "UngkapanMatriks"]


@dataclass(frozen=True)
class UngkapanMatriks:
    """The words of the table (from clauses/perubahan/ungkapan.yaml, `matriks`)."""

    kepala: tuple[str, str, str, str] = ("No", "Rumusan Semula", "Rumusan Perubahan", "Keterangan")
    kosong: str = "-"  # an element that did not exist or no longer does


def _mendatar(tata: TataLetak) -> TataLetak:
    """The same paper and margins turned a quarter: width and height swapped."""
    if tata.lebar_mm >= tata.tinggi_mm:
        return tata
    return TataLetak(lebar_mm=tata.tinggi_mm, tinggi_mm=tata.lebar_mm, margin_atas_mm=tata.margin_kiri_mm,
                     margin_bawah_mm=tata.margin_kanan_mm, margin_kiri_mm=tata.margin_atas_mm,
                     margin_kanan_mm=tata.margin_bawah_mm, huruf=tata.huruf, ukuran_pt=tata.ukuran_pt)


_TOKEN = re.compile(r"\S+\s*|\s+")


def _tandai(semula: list[str], perubahan: list[str]) -> tuple[list[list[tuple[str, bool]]], list[list[tuple[str, bool]]]]:
    """Both sides as lines of (text, changed) pieces: the words of one side the other lacks."""
    def token(baris: list[str]) -> list[tuple[int, str]]:
        return [(i, t) for i, b in enumerate(baris) for t in _TOKEN.findall(b)]

    tl, tb = token(semula), token(perubahan)
    ubah_l, ubah_b = set(), set()
    if semula and perubahan:
        sm = difflib.SequenceMatcher(None, [t.strip() for _, t in tl], [t.strip() for _, t in tb], autojunk=False)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op != "equal":
                ubah_l.update(range(i1, i2))
                ubah_b.update(range(j1, j2))

    def susun(baris: list[str], tok, ubah) -> list[list[tuple[str, bool]]]:
        out: list[list[tuple[str, bool]]] = [[] for _ in baris]
        for k, (i, t) in enumerate(tok):
            tanda = k in ubah and bool(t.strip())
            if out[i] and out[i][-1][1] == tanda:
                out[i][-1] = (out[i][-1][0] + t, tanda)
            else:
                out[i].append((t, tanda))
        return out

    return susun(semula, tl, ubah_l), susun(perubahan, tb, ubah_b)


def render_matriks(judul: list[str], baris: list[BarisBanding], keterangan: list[str],
                   tata: TataLetak | None = None, template=None,
                   ungkapan: UngkapanMatriks = UngkapanMatriks(), properti: dict | None = None) -> bytes:
    """The table as DOCX bytes. `keterangan[i]` is row i's reason ("" leaves the cell empty)."""
    if len(keterangan) != len(baris):
        raise ValueError("jumlah keterangan tidak sama dengan jumlah baris")
    penyaji = PenyajiDocxUbah(template, _mendatar(tata or TataLetak()))
    p = penyaji.kelas_penulis(penyaji)
    out = [p.p("Judul", _r(j.upper()), sesudah=0 if i < len(judul) - 1 else 240) for i, j in enumerate(judul)]
    lebar = _bagi(p.tw, [0.6, 4.2, 4.2, 2.2])
    rows = [[p.p("Tabel Kepala", _r(k)) for k in ungkapan.kepala]]
    coret, tebal = "<w:strike/>", "<w:b/><w:bCs/><w:u w:val=\"single\"/>"

    def sel(bagian: list[list[tuple[str, bool]]], rpr: str) -> str:
        if not bagian:
            return p.p("Tabel", _r(ungkapan.kosong))
        return "".join(p.p("Tabel", "".join(_r(t, rpr if ubah else "") for t, ubah in x)) for x in bagian)

    for i, (b, alasan) in enumerate(zip(baris, keterangan), 1):
        semula, perubahan = _tandai(b.semula, b.perubahan)
        rows.append([p.p("Tabel", _r(f"{i}.")), sel(semula, coret), sel(perubahan, tebal), p.p("Tabel", _r(alasan))])
    # a row may run over pages (a restated Pasal 1 is longer than one); the heading row repeats
    out.append(p.tabel("Tabel Bergaris", lebar, rows, kepala=1, pisah=True))
    out.append(p.p("Normal", ""))
    sect = re.sub(r"<w:pgSz\b", '<w:pgSz w:orient="landscape"', penyaji._sect, count=1)
    return penyaji.paket("".join(out), "", properti or {"title": " ".join(judul)}, sect=sect)
