"""The new version of a regulation as a DOCX with Word tracked changes against the old one.

Both versions are written by the amendment renderer (keluaran/docx_ubah.py) with every number as
text, so numbers are compared like words and no list numbering is left to Word. The blocks
(paragraphs, tables) of the two renderings are then compared:

- by element: each Pasal's paragraphs are matched with those of the Pasal it is aligned with
  (naskah/selaras.py), so an inserted Pasal is inserted whole and a deleted one deleted whole,
  whatever their texts resemble; the blocks between Pasal (preamble, headings, closing) are
  matched by their text;
- inside a pair of matched stretches, paragraph by paragraph (equal texts kept, similar ones
  paired), and inside a paired paragraph word by word;
- tables (the Menimbang/Mengingat table, the paraf box) cell by cell when their shape is the same,
  row by row otherwise.

An inserted paragraph is `w:ins` runs and an inserted paragraph mark; a deleted one `w:del` runs
(`w:delText`) and a deleted mark; a changed paragraph keeps its equal words and carries `w:del` /
`w:ins` for the others. Author and date come from the caller (config or options), ids count up
from 1: the same inputs give the same bytes. Word and LibreOffice show the changes in their review
pane and can accept or reject them; accepting all gives the new version's text, rejecting all the
old one's.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from lxml import etree

from perbup_gen.keluaran.docx import A_NS, PIC_NS, R_NS, W_NS, WP_NS, _W, _esc
from perbup_gen.keluaran.docx_ubah import PenyajiDocxUbah, _PenulisUbah
from perbup_gen.naskah.model import Dokumen, Pasal
from perbup_gen.naskah.selaras import AMBANG, PasanganPasal, ciri, kemiripan, selaras_urutan

__all__ = ["render_terlacak", "HasilTerlacak"]

_NS = {"w": W_NS, "r": R_NS, "wp": WP_NS, "a": A_NS, "pic": PIC_NS}
_AKAR_BUKA = "<akar " + " ".join(f'xmlns:{k}="{v}"' for k, v in _NS.items()) + ">"
_DEKLARASI = re.compile(r' xmlns:(?:w|r|wp|a|pic)="[^"]*"')


@dataclass
class HasilTerlacak:
    isi: bytes
    sisipan: int = 0  # w:ins elements written (runs and paragraph marks)
    hapusan: int = 0  # w:del elements written
    paragraf_disisipkan: int = 0
    paragraf_dihapus: int = 0
    paragraf_diubah: int = 0


def _urai(blok: str):
    return etree.fromstring(f"{_AKAR_BUKA}{blok}</akar>")[0]


def _tulis(e) -> str:
    return _DEKLARASI.sub("", etree.tostring(e, encoding="unicode"))


def _teks_run(r) -> str:
    out = []
    for x in r:
        nama = etree.QName(x).localname
        if nama == "t":
            out.append(x.text or "")
        elif nama == "tab":
            out.append("\t")
        elif nama == "br":
            out.append("\n")
        elif nama == "drawing":
            out.append("\ufffc")
    return "".join(out)


def _teks_blok(e) -> str:
    """The text of a paragraph or table (cells joined), whitespace collapsed."""
    if etree.QName(e).localname == "p":
        return " ".join("".join(_teks_run(r) for r in e.iter(f"{_W}r")).split())
    return " | ".join(" ".join("".join(_teks_run(r) for r in p.iter(f"{_W}r")).split())
                      for p in e.iter(f"{_W}p"))


class _Penanda:
    """Writes w:ins / w:del with one author and date and ids counting up."""

    def __init__(self, penulis: str, tanggal: str | None):
        self.penulis = penulis
        self.tanggal = tanggal
        self.nomor = 0
        self.sisipan = 0
        self.hapusan = 0
        self.paragraf_disisipkan = self.paragraf_dihapus = self.paragraf_diubah = 0

    def atribut(self) -> dict[str, str]:
        self.nomor += 1
        a = {f"{_W}id": str(self.nomor), f"{_W}author": self.penulis}
        if self.tanggal:
            a[f"{_W}date"] = self.tanggal
        return a

    def elemen(self, jenis: str):
        if jenis == "ins":
            self.sisipan += 1
        else:
            self.hapusan += 1
        return etree.Element(f"{_W}{jenis}", self.atribut(), nsmap={"w": W_NS})

    # -- whole paragraphs --

    def tanda_paragraf(self, p, jenis: str) -> None:
        """Mark the paragraph mark of `p` inserted or deleted (w:pPr/w:rPr/w:ins|w:del)."""
        ppr = p.find(f"{_W}pPr")
        if ppr is None:
            ppr = etree.Element(f"{_W}pPr")
            p.insert(0, ppr)
        rpr = ppr.find(f"{_W}rPr")
        if rpr is None:
            rpr = etree.SubElement(ppr, f"{_W}rPr")  # rPr is the last child of pPr but sectPr/pPrChange
        rpr.insert(0, self.elemen(jenis))

    def bungkus(self, p, jenis: str) -> None:
        """Wrap every run of `p` in one w:ins or w:del (deleted text becomes w:delText)."""
        run = [r for r in p if etree.QName(r).localname == "r"]
        if not run:
            return
        wadah = self.elemen(jenis)
        p.insert(p.index(run[0]), wadah)
        for r in run:
            if jenis == "del":
                for t in r.iter(f"{_W}t"):
                    t.tag = f"{_W}delText"
            wadah.append(r)

    def paragraf(self, blok: str, jenis: str) -> str:
        p = _urai(blok)
        if etree.QName(p).localname != "p":
            return self.tabel_utuh(p, jenis)
        self.bungkus(p, jenis)
        self.tanda_paragraf(p, jenis)
        if jenis == "ins":
            self.paragraf_disisipkan += 1
        else:
            self.paragraf_dihapus += 1
        return _tulis(p)

    def tabel_utuh(self, tbl, jenis: str) -> str:
        """A table inserted or deleted whole: every row marked, every paragraph in it too."""
        for tr in tbl.findall(f"{_W}tr"):
            self._baris(tr, jenis)
        return _tulis(tbl)

    def _baris(self, tr, jenis: str) -> None:
        trpr = tr.find(f"{_W}trPr")
        if trpr is None:
            trpr = etree.Element(f"{_W}trPr")
            tr.insert(0, trpr)
        trpr.append(self.elemen(jenis))
        for p in tr.iter(f"{_W}p"):
            self.bungkus(p, jenis)
            self.tanda_paragraf(p, jenis)

    # -- a changed paragraph, word by word --

    def ubah(self, lama: str, baru: str) -> str:
        pl, pb = _urai(lama), _urai(baru)
        tl, tb = _token(pl), _token(pb)
        sm = difflib.SequenceMatcher(str.isspace, [t for t, _ in tl], [t for t, _ in tb], autojunk=False)
        for r in [r for r in pb if etree.QName(r).localname == "r"]:
            pb.remove(r)
        keluar = []
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op == "equal":
                keluar += _run(tb[j1:j2], None)
                continue
            if i2 > i1:
                w = self.elemen("del")
                for r in _run(tl[i1:i2], "del"):
                    w.append(r)
                keluar.append(w)
            if j2 > j1:
                w = self.elemen("ins")
                for r in _run(tb[j1:j2], None):
                    w.append(r)
                keluar.append(w)
        for e in keluar:
            pb.append(e)
        self.paragraf_diubah += 1
        return _tulis(pb)


_KHUSUS = "\t\n\ufffc"


def _token(p) -> list[tuple[str, list[tuple[str, str]]]]:
    """The tokens of a paragraph across run boundaries: words, runs of spaces, punctuation marks,
    tabs, breaks and drawings, each as (text, [(piece, rPr XML), ...]) where the pieces keep the
    formatting of the runs they came from."""
    huruf: list[tuple[str, str]] = []  # (character or special token, rPr)
    for r in p:
        if etree.QName(r).localname != "r":
            continue
        rpr = r.find(f"{_W}rPr")
        rpr_xml = _tulis(rpr) if rpr is not None else ""
        for x in r:
            nama = etree.QName(x).localname
            if nama == "t":
                huruf += [(c, rpr_xml) for c in (x.text or "")]
            elif nama == "tab":
                huruf.append(("\t", rpr_xml))
            elif nama == "br":
                huruf.append(("\n", rpr_xml))
            elif nama == "drawing":
                huruf.append(("\ufffc" + _tulis(x), rpr_xml))
    out = []
    i = 0
    while i < len(huruf):
        c = huruf[i][0]
        if c[0] in _KHUSUS:
            out.append((c if c[0] != "\ufffc" else "\ufffc", [huruf[i]]))
            i += 1
            continue
        # a word, a run of spaces, or one punctuation mark ("PMD." is "PMD" and ".")
        j = i + 1
        if c.isspace():
            while j < len(huruf) and huruf[j][0].isspace() and huruf[j][0][0] not in _KHUSUS:
                j += 1
        elif c.isalnum():
            while j < len(huruf) and huruf[j][0].isalnum():
                j += 1
        out.append(("".join(c for c, _ in huruf[i:j]), huruf[i:j]))
        i = j
    return out


def _run(token: list, jenis: str | None) -> list:
    """Runs for tokens, one run per stretch of one format; `jenis` "del": w:delText."""
    potong = [x for _, bagian in token for x in bagian]
    out = []
    i = 0
    tag_t = "delText" if jenis == "del" else "t"
    while i < len(potong):
        rpr = potong[i][1]
        j = i
        while j < len(potong) and potong[j][1] == rpr:
            j += 1
        isi = []
        teks = ""
        for t, _ in potong[i:j]:
            if t[0] in _KHUSUS:
                if teks:
                    isi.append(f'<w:{tag_t} xml:space="preserve">{_esc(teks)}</w:{tag_t}>')
                    teks = ""
                isi.append("<w:tab/>" if t == "\t" else "<w:br/>" if t == "\n" else t[1:])
            else:
                teks += t
        if teks:
            isi.append(f'<w:{tag_t} xml:space="preserve">{_esc(teks)}</w:{tag_t}>')
        out.append(_urai(f"<w:r>{rpr}{''.join(isi)}</w:r>"))
        i = j
    return out


# --- matching blocks ---------------------------------------------------------------------------------


@dataclass
class _Blok:
    xml: str
    teks: str
    jenis: str  # "p" or "tbl"
    ciri: frozenset = field(default_factory=frozenset)


def _blok(xml: str) -> _Blok:
    e = _urai(xml)
    t = _teks_blok(e)
    return _Blok(xml, t, etree.QName(e).localname, ciri(t))


class _Banding:
    def __init__(self, penanda: _Penanda):
        self.t = penanda
        self.out: list[str] = []

    def sisip(self, b: _Blok) -> None:
        self.out.append(self.t.paragraf(b.xml, "ins"))

    def hapus(self, b: _Blok) -> None:
        self.out.append(self.t.paragraf(b.xml, "del"))

    def blok(self, lama: list[_Blok], baru: list[_Blok]) -> None:
        """Match two stretches of blocks and write the new one with the changes."""
        sm = difflib.SequenceMatcher(None, [b.teks for b in lama], [b.teks for b in baru], autojunk=False)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op == "equal":
                self.out += [b.xml for b in baru[j1:j2]]
                continue
            a, b = lama[i1:i2], baru[j1:j2]
            sim = [[kemiripan(x.ciri, y.ciri) if x.jenis == y.jenis else 0.0 for y in b] for x in a]
            for i, j in selaras_urutan(sim, len(a), len(b), AMBANG):
                if i is not None and j is not None:
                    self.pasangan(a[i], b[j])
                elif j is None:
                    self.hapus(a[i])
                else:
                    self.sisip(b[j])

    def pasangan(self, lama: _Blok, baru: _Blok) -> None:
        if lama.teks == baru.teks:
            self.out.append(baru.xml)
        elif lama.jenis == "p":
            self.out.append(self.t.ubah(lama.xml, baru.xml))
        else:
            self.out.append(self.tabel(lama.xml, baru.xml))

    def tabel(self, lama: str, baru: str) -> str:
        tl, tb = _urai(lama), _urai(baru)
        bl, bb = tl.findall(f"{_W}tr"), tb.findall(f"{_W}tr")
        if [len(r.findall(f"{_W}tc")) for r in bl][:1] != [len(r.findall(f"{_W}tc")) for r in bb][:1]:
            # another shape: the old table deleted, the new one inserted
            return self.t.tabel_utuh(tl, "del") + '<w:p/>' + self.t.tabel_utuh(tb, "ins")
        teks_l = [_teks_blok(r) for r in bl]
        teks_b = [_teks_blok(r) for r in bb]
        sim = [[kemiripan(ciri(x), ciri(y)) for y in teks_b] for x in teks_l]
        for i, (a, b) in enumerate(zip(teks_l, teks_b)):
            if a == b:
                sim[i][i] = 1.0
        baris = []
        for i, j in selaras_urutan(sim, len(bl), len(bb), 0.0001):
            if i is not None and j is not None:
                sel_l, sel_b = bl[i].findall(f"{_W}tc"), bb[j].findall(f"{_W}tc")
                if len(sel_l) == len(sel_b):
                    for cl, cb in zip(sel_l, sel_b):
                        self._sel(cl, cb)
                baris.append(bb[j])
            elif j is None:
                self.t._baris(bl[i], "del")
                baris.append(bl[i])
            else:
                self.t._baris(bb[j], "ins")
                baris.append(bb[j])
        for r in bb:
            tb.remove(r)
        for r in baris:
            tb.append(r)
        return _tulis(tb)

    def _sel(self, lama, baru) -> None:
        """The paragraphs of a cell compared; the new cell's paragraphs replaced by the result."""
        pl = [_blok(_tulis(p)) for p in lama if etree.QName(p).localname in ("p", "tbl")]
        pb_e = [p for p in baru if etree.QName(p).localname in ("p", "tbl")]
        pb = [_blok(_tulis(p)) for p in pb_e]
        if [b.teks for b in pl] == [b.teks for b in pb]:
            return
        sub = _Banding(self.t)
        sub.blok(pl, pb)
        for p in pb_e:
            baru.remove(p)
        for x in sub.out:
            baru.append(_urai(x))


def _segmen(p: _PenulisUbah, kunci_pasal: dict[int, object]) -> list[tuple[object, list[str]]]:
    """The blocks of a rendering cut into stretches: each Pasal alone (keyed by its pair), the
    blocks between Pasal together (keyed by position and text)."""
    milik: dict[int, object] = {}
    for unsur, awal, akhir in p.rentang:
        if isinstance(unsur, Pasal) and id(unsur) in kunci_pasal:
            for i in range(awal, akhir):
                milik[i] = kunci_pasal[id(unsur)]
    out: list[tuple[object, list[str]]] = []
    lain: list[str] = []
    ada_pasal = False
    kini = None
    blok: list[str] = []
    for i, x in enumerate(p.out):
        k = milik.get(i)
        if k is None:
            if kini is not None:
                out.append((kini, blok))
                kini, blok = None, []
            lain.append(x)
            continue
        if lain or not ada_pasal:
            out.append((("antara", "awal" if not ada_pasal else "\n".join(_teks_blok(_urai(b)) for b in lain)), lain))
            lain = []
        if k != kini and kini is not None:
            out.append((kini, blok))
            blok = []
        kini = k
        blok.append(x)
        ada_pasal = True
    if kini is not None:
        out.append((kini, blok))
    out.append((("antara", "akhir"), lain))
    return out


def render_terlacak(lama: Dokumen, baru: Dokumen, pasangan: list[PasanganPasal], penyaji: PenyajiDocxUbah,
                    penulis: str = "perbup-gen", tanggal: str | None = None) -> HasilTerlacak:
    """`baru` as a DOCX whose tracked changes turn `lama` into it. `pasangan`: the aligned Pasal
    (`lama` and `baru` of each pair are Pasal of these two documents); `penyaji` must write every
    number as text (`PenyajiDocxUbah(harfiah=True)`); `tanggal`: ISO 8601 ("2025-03-01T00:00:00Z")
    or None (no date)."""
    if not penyaji.harfiah:
        raise ValueError("penyaji harus menulis semua nomor sebagai teks (harfiah=True)")
    tl = penyaji.tulis_badan(lama)
    tb = penyaji.tulis_badan(baru)
    kunci_l: dict[int, object] = {}
    kunci_b: dict[int, object] = {}
    for k, q in enumerate(pasangan):
        if q.lama is not None:
            kunci_l[id(q.lama)] = ("pasal", k)
        if q.baru is not None:
            kunci_b[id(q.baru)] = ("pasal", k)
    sl, sb = _segmen(tl, kunci_l), _segmen(tb, kunci_b)
    penanda = _Penanda(penulis, tanggal)
    banding = _Banding(penanda)
    sm = difflib.SequenceMatcher(None, [k for k, _ in sl], [k for k, _ in sb], autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":  # stretch by stretch
            for (_, xs), (_, ys) in zip(sl[i1:i2], sb[j1:j2]):
                banding.blok([_blok(x) for x in xs], [_blok(y) for y in ys])
            continue
        a = [_blok(x) for _, bs in sl[i1:i2] for x in bs]
        b = [_blok(x) for _, bs in sb[j1:j2] for x in bs]
        if op == "delete":
            for x in a:
                banding.hapus(x)
        elif op == "insert":
            for y in b:
                banding.sisip(y)
        else:
            banding.blok(a, b)
    badan = "".join(banding.out)
    if not banding.out or banding.out[-1].startswith("<w:tbl"):
        badan += "<w:p/>"
    properti = dict(baru.properti)
    isi = penyaji.paket(badan, "".join(tb.num), properti, gambar=tb.gambar, lacak=True)
    return HasilTerlacak(isi, penanda.sisipan, penanda.hapusan, penanda.paragraf_disisipkan,
                         penanda.paragraf_dihapus, penanda.paragraf_diubah)
