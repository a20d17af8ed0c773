"""DOCX of an amendment: the renderer of keluaran/docx.py, taught three things a revision needs.

1. A change point of `Pasal I` restates a Pasal or BAB (`Butir.kutipan`): the restated structure
   follows its change point, indented to the point's text.
2. Numbers that Word's list numbering cannot show stay literal: an inserted ayat "(1a)", items
   "7a." and "d1.", a deleted ayat "(3) Dihapus.", Pasal I's change points. Such a Pasal is
   written with its numbers as text and the indents of the template's list definitions (read from
   numbering.xml by name, so a restyled template keeps working). Every other Pasal is written by
   the base renderer, byte for byte as before.
3. Where each body element lands: `_PenulisUbah.rentang` records the paragraphs written for each
   Bab, Bagian, Paragraf and Pasal, for the tracked-changes document (keluaran/terlacak.py).

`PenyajiDocxUbah` is a PenyajiDocx using this writer; `paket()` packs a body written elsewhere
(the tracked changes, the matrix) into a DOCX with the same template parts, deterministically.
"""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from perbup_gen.keluaran.docx import (
    PenyajiDocx, TataLetak, _W, _cek_daftar, _FORMAT_DEFINISI, _FORMAT_RINCIAN, _kempa_baru,
    _Penulis, _r, _runs, _urai_tanda,
)
from perbup_gen.naskah.model import Bab, Bagian, Daftar, Paragraf, Pasal

__all__ = ["PenyajiDocxUbah", "perlu_harfiah"]


def _daftar_word(d: Daftar | None) -> bool:
    """True when Word's list numbering shows exactly the markers of `d` (and no item restates)."""
    if d is None or not d.butir:
        return True
    if any(b.kutipan for b in _semua_butir(d)):
        return False
    try:
        format_ = _FORMAT_DEFINISI if _urai_tanda(d.butir[0].tanda)[0] == "decimal" else _FORMAT_RINCIAN
        _cek_daftar(d, format_, 0, None)
    except ValueError:
        return False
    return True


def _semua_butir(d: Daftar | None):
    for b in d.butir if d else ():
        yield b
        yield from _semua_butir(b.daftar)


def perlu_harfiah(p: Pasal) -> bool:
    """A Pasal whose numbers the base renderer (Word numbering) cannot show."""
    nomor = [a.nomor for a in p.ayat]
    if len(p.ayat) > 1 or nomor[0:1] != [None]:
        if any(not isinstance(n, int) for n in nomor) or nomor != list(range(nomor[0], nomor[0] + len(nomor))):
            return True
    return not all(_daftar_word(a.daftar) for a in p.ayat)


class _PenulisUbah(_Penulis):
    """The body writer with literal numbers, restated structures and element ranges."""

    def __init__(self, penyaji: "PenyajiDocxUbah"):
        super().__init__(penyaji)
        self.inden = penyaji.inden
        self.rentang: list[tuple[object, int, int]] = []  # (element, first block, end)
        # every number as text (the tracked-changes document: numbers are compared as words)
        self.harfiah = penyaji.harfiah

    # -- recording where elements land --

    def unsur_peraturan(self, unsur) -> None:
        awal = len(self.out)
        super().unsur_peraturan(unsur)
        if not isinstance(unsur, Pasal):  # Pasal record themselves
            self.rentang.append((unsur, awal, len(self.out)))

    def pasal(self, pasal: Pasal) -> None:
        awal = len(self.out)
        if self.harfiah or perlu_harfiah(pasal):
            self.pasal_harfiah(pasal, 0)
        else:
            super().pasal(pasal)
        self.rentang.append((pasal, awal, len(self.out)))

    def _konsiderans(self, isi, abstrak: str) -> tuple[str, ...]:
        if not self.harfiah or len(isi) == 1:
            return super()._konsiderans(isi, abstrak)
        from perbup_gen.naskah.bilangan import huruf

        kiri, gantung = self.inden.get(abstrak, [(425, 425)])[0]
        return tuple(self._p("Konsiderans Butir", _r(f"{huruf(i) if abstrak == 'Menimbang' else i}.\t")
                             + _runs(x), kiri=kiri, gantung=gantung) for i, x in enumerate(isi, 1))

    # -- literal numbers --

    def _p(self, gaya: str, isi: str, kiri: int | None = None, gantung: int = 0, tetap: bool = False) -> str:
        ppr = '<w:keepNext/>' if tetap else ""
        if kiri is not None:
            ppr += f'<w:ind w:left="{kiri}" w:hanging="{gantung}"/>'
        return f"{self.awal_p[gaya]}{ppr}</w:pPr>{isi}</w:p>"

    def _judul(self, gaya: str, teks: str, geser: int) -> None:
        self.out.append(self._p(gaya, _r(teks), kiri=geser if geser else None, tetap=True))

    def pasal_harfiah(self, pasal: Pasal, geser: int) -> None:
        """A Pasal with its numbers as text, `geser` twips to the right (a restated Pasal)."""
        tempat = f" ({pasal.sumber})" if pasal.sumber else ""
        if pasal.nomor is None:
            raise ValueError(f"pasal belum dinomori{tempat}")
        if not pasal.ayat:
            raise ValueError(f"Pasal {pasal.nomor} tanpa isi{tempat}")
        self._judul("Pasal", f"Pasal {pasal.nomor}", geser)
        for a in pasal.ayat:
            if a.nomor is None:
                self.out.append(self._p("Isi Pasal", _runs(a.isi), kiri=geser if geser else None,
                                        tetap=bool(a.daftar and a.daftar.butir)))
                self.daftar_harfiah(a.daftar, geser, "Rincian")
            else:
                kiri, gantung = self.inden["Ayat"][0]
                self.out.append(self._p("Ayat", _r(f"({a.nomor})\t") + _runs(a.isi), kiri=geser + kiri,
                                        gantung=gantung, tetap=bool(a.daftar and a.daftar.butir)))
                self.daftar_harfiah(a.daftar, geser, "Rincian Ayat")

    def daftar_harfiah(self, d: Daftar | None, geser: int, abstrak: str, tingkat: int = 0) -> None:
        if d is None or not d.butir:
            return
        definisi = d.jenis == "definisi"
        if definisi:
            abstrak = abstrak.replace("Rincian", "Definisi")
        tingkat_inden = self.inden[abstrak]
        kiri, gantung = tingkat_inden[min(tingkat, len(tingkat_inden) - 1)]
        gaya = "Definisi" if definisi and tingkat == 0 else f"Butir {min(tingkat + 1, 4)}"
        for b in d.butir:
            if b.tanda or any(x.teks.strip() for x in b.isi if hasattr(x, "teks") and x.teks):
                awal = _r(f"{b.tanda}\t") if b.tanda else ""
                self.out.append(self._p(gaya, awal + _runs(b.isi), kiri=geser + kiri, gantung=gantung,
                                        tetap=bool(b.kutipan or (b.daftar and b.daftar.butir))))
            self.daftar_harfiah(b.daftar, geser, abstrak, tingkat + 1)
            for u in b.kutipan:
                self.kutipan(u, geser + kiri)

    def kutipan(self, u, geser: int) -> None:
        """A restated BAB or Pasal, indented by `geser` twips."""
        if isinstance(u, Pasal):
            self.pasal_harfiah(u, geser)
            return
        if isinstance(u, Bab):
            gaya, kata, judul, anak = "Judul Bab", "BAB", (u.judul or "").upper(), u.isi
        elif isinstance(u, Bagian):
            gaya, kata, judul, anak = "Judul Bagian", "Bagian", u.judul, u.isi
        elif isinstance(u, Paragraf):
            gaya, kata, judul, anak = "Judul Paragraf", "Paragraf", u.judul, u.pasal
        else:
            raise ValueError(f"kutipan tidak dikenal: {type(u).__name__}")
        self._judul(gaya, f"{kata} {u.nomor}", geser)
        if judul:
            self._judul(gaya, judul, geser)
        for x in anak:
            self.kutipan(x, geser)


# children of w:settings that come before w:trackRevisions (ECMA-376 CT_Settings order)
_SEBELUM_LACAK = {
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
    "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges",
    "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop", "hideSpellingErrors",
    "hideGrammaticalErrors", "activeWritingStyle", "proofState", "formsDesign", "attachedTemplate",
    "linkStyles", "stylePaneFormatFilter", "stylePaneSortMethod", "documentType", "mailMerge",
    "revisionView",
}


def _lacak_revisi(settings: bytes) -> bytes:
    """settings.xml with w:trackRevisions in its schema place: edits made in Word are tracked."""
    akar = etree.fromstring(settings)
    if akar.find(f"{_W}trackRevisions") is None:
        posisi = 0
        for i, e in enumerate(akar):
            if etree.QName(e).localname in _SEBELUM_LACAK:
                posisi = i + 1
        akar.insert(posisi, etree.Element(f"{_W}trackRevisions"))
    return etree.tostring(akar, xml_declaration=True, encoding="UTF-8", standalone=True)


def _inden_templat(numbering: bytes) -> dict[str, list[tuple[int, int]]]:
    """Per list definition name: (left, hanging) of each level, from numbering.xml."""
    akar = etree.fromstring(numbering)
    out: dict[str, list[tuple[int, int]]] = {}
    for a in akar.iter(f"{_W}abstractNum"):
        nama = a.find(f"{_W}name")
        if nama is None:
            continue
        tingkat = []
        for lvl in a.findall(f"{_W}lvl"):
            ind = lvl.find(f"{_W}pPr/{_W}ind")
            kiri = int(ind.get(f"{_W}left", ind.get(f"{_W}start", "0"))) if ind is not None else 0
            gantung = int(ind.get(f"{_W}hanging", "0")) if ind is not None else 0
            tingkat.append((kiri, gantung))
        out.setdefault(nama.get(f"{_W}val"), tingkat or [(567, 567)])
    return out


class PenyajiDocxUbah(PenyajiDocx):
    """PenyajiDocx with `_PenulisUbah`: amendments, literal numbers, element ranges."""

    kelas_penulis = _PenulisUbah

    def __init__(self, template: Path | None = None, tata: TataLetak | None = None, harfiah: bool = False):
        super().__init__(template, tata)
        self.harfiah = harfiah
        self.inden = _inden_templat(self._bagian_asli["word/numbering.xml"])
        for nama in ("Ayat", "Rincian", "Rincian Ayat", "Definisi", "Definisi Ayat"):
            self.inden.setdefault(nama, [(567 * (i + 1), 567) for i in range(4)])

    def tulis_badan(self, dok) -> _PenulisUbah:
        """Write the body of `dok` and return the writer (its blocks, list instances, ranges)."""
        p = _PenulisUbah(self)
        gambar = self._gambar_untuk(dok.kepala.lambang) if dok.kepala is not None and dok.kepala.lambang else None
        p.dokumen(dok, gambar)
        p.gambar = gambar
        return p

    def paket(self, badan: str, num: str, properti: dict[str, str], gambar=None,
              lacak: bool = False, sect: str | None = None) -> bytes:
        """A DOCX of a body written elsewhere: the template's parts, `num` list instances, no
        timestamps. `lacak`: Word keeps tracking the changes made to it (settings.xml);
        `sect`: another section properties element (a landscape page)."""
        tambahan = None
        if lacak and "word/settings.xml" in self._bagian_asli:
            tambahan = {"word/settings.xml": _kempa_baru(
                "word/settings.xml", _lacak_revisi(self._bagian_asli["word/settings.xml"]))}
        return self._bungkus(badan, num, properti, gambar, sect or self._sect, tambahan)
