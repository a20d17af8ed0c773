"""Akoma Ntoso 3.0 reader: the XML that keluaran/akn.py writes -> the document model.

It reads the elements that writer uses (see its docstring for the mapping); numbers and markers
come from <num> as printed, italic and bold from <i>/<b>. A file that is not Akoma Ntoso 3.0, or
not XML, is refused with a clear message. The parser never loads external entities or DTDs.
"""
from __future__ import annotations

import re

from lxml import etree

from perbup_gen.impor.baca import ImporError
from perbup_gen.impor.urai import bentuk_dari_jenis
from perbup_gen.naskah.model import (
    Alinea, Ayat, Bab, Bagian, BarisParaf, Butir, Daftar, Diktum, Dokumen, Identitas, Judul, Kepala,
    Lampiran, Paragraf, Pasal, Pembukaan, Penutup, RAHMAT_NASIONAL, Tabel, TandaTangan, Teks,
)

__all__ = ["baca_akn"]

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_A = f"{{{NS}}}"


def _inline(e) -> list[Teks]:
    out: list[Teks] = []

    def tambah(teks: str | None, miring: bool, tebal: bool) -> None:
        if not teks:
            return
        if out and out[-1].miring == miring and out[-1].tebal == tebal:
            out[-1].teks += teks
        else:
            out.append(Teks(teks, miring, tebal))

    def jalan(x, miring: bool, tebal: bool) -> None:
        tambah(x.text, miring, tebal)
        for anak in x:
            nama = etree.QName(anak).localname
            if nama == "mod":
                pass
            else:
                jalan(anak, miring or nama == "i", tebal or nama == "b")
            tambah(anak.tail, miring, tebal)

    jalan(e, False, False)
    return out or [Teks("")]


def _teks(e) -> str:
    return "".join(t.teks for t in _inline(e)) if e is not None else ""


def _anak(e, nama: str):
    return [x for x in e if x.tag == _A + nama]


def _satu(e, nama: str):
    x = e.find(_A + nama)
    return x


def _nomor(s: str, awalan: str):
    s = s.strip()
    if s.startswith(awalan):
        s = s[len(awalan):].strip()
    return int(s) if s.isdigit() else s


def _daftar(e) -> Daftar | None:
    titik = _anak(e, "point")
    if not titik:
        return None
    jenis = titik[0].get("class") or "rincian"
    sambung = (titik[0].get("refersTo") or "").replace("#sambung-", "").replace("dan-atau", "dan/atau")
    d = Daftar([], sambung=sambung, jenis=jenis if jenis in ("rincian", "definisi", "kalimat") else "rincian")
    for t in titik:
        num = _satu(t, "num")
        isi, sub, kutipan = _isi(t)
        d.butir.append(Butir(isi, sub, tanda=num.text or "" if num is not None else "", kutipan=kutipan))
    return d


def _isi(e):
    """(Inline, Daftar, quoted elements) of an element with <content> or <intro> + <point>."""
    intro = _satu(e, "intro")
    content = _satu(e, "content")
    kutipan = []
    if intro is not None:
        isi = _inline(intro.find(_A + "p"))
    elif content is not None:
        p = content.find(_A + "p")
        isi = _inline(p) if p is not None else [Teks("")]
        if p is not None:
            for qs in p.iter(_A + "quotedStructure"):
                kutipan += [_unsur(x) for x in qs if x.tag in (_A + "article", _A + "chapter")]
    else:
        isi = [Teks("")]
    return isi, _daftar(e), kutipan


def _pasal(e) -> Pasal:
    p = Pasal([], nomor=_nomor(_satu(e, "num").text or "", "Pasal"))
    para = _anak(e, "paragraph")
    if not para:
        isi, d, _ = _isi(e)
        p.ayat.append(Ayat(isi, d))
        return p
    for pa in para:
        num = _satu(pa, "num")
        isi, d, _ = _isi(pa)
        nomor = _nomor((num.text or "").strip("()"), "") if num is not None else None
        p.ayat.append(Ayat(isi, d, nomor=nomor))
    return p


def _judul(e) -> str:
    h = _satu(e, "heading")
    return h.text or "" if h is not None else ""


def _unsur(e):
    nama = etree.QName(e).localname
    num = (_satu(e, "num").text or "") if _satu(e, "num") is not None else ""
    if nama == "chapter":
        return Bab(_judul(e), [_unsur(x) for x in e if x.tag in (_A + "section", _A + "article")],
                   nomor=_nomor(num, "BAB"))
    if nama == "section":
        return Bagian(_judul(e), [_unsur(x) for x in e if x.tag in (_A + "subsection", _A + "article")],
                      nomor=_nomor(num, "Bagian"))
    if nama == "subsection":
        return Paragraf(_judul(e), [_pasal(x) for x in _anak(e, "article")], nomor=_nomor(num, "Paragraf"))
    if nama == "article":
        return _pasal(e)
    if nama == "hcontainer" and e.get("name") == "diktum":
        isi, d, _ = _isi(e)
        return Diktum(isi, d, nomor=num)
    return None


def _blok(e):
    nama = etree.QName(e).localname
    if nama == "p":
        return Alinea(_inline(e), e.get("class") or "biasa")
    if nama == "table":
        rows = []
        kepala: list[str] = []
        for tr in _anak(e, "tr"):
            th = _anak(tr, "th")
            if th:
                kepala = [_teks(x.find(_A + "p")) for x in th]
            else:
                rows.append([_teks(x.find(_A + "p")) for x in _anak(tr, "td")])
        return Tabel(kepala, rows)
    if nama == "blockList":
        def item(bl) -> Daftar:
            d = Daftar([], sambung="", jenis=bl.get("class") or "rincian")
            for it in _anak(bl, "item"):
                sub = _satu(it, "blockList")
                d.butir.append(Butir(_inline(it.find(_A + "p")), item(sub) if sub is not None else None,
                                     tanda=_satu(it, "num").text or ""))
            return d
        return item(e)
    return None


def _ttd(c) -> TandaTangan:
    nilai = {p.get("class"): _teks(p) for p in _anak(c, "p")}
    return TandaTangan(nilai.get("tempat", ""), nilai.get("tanggal", ""), nilai.get("jabatan", ""),
                       nilai.get("nama", ""), kata=nilai.get("kata") or "Ditetapkan", nip=nilai.get("nip"))


def baca_akn(data: bytes, nama: str) -> Dokumen:
    try:
        akar = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True,
                                                     load_dtd=False, huge_tree=False))
    except etree.XMLSyntaxError as e:
        raise ImporError(f"{nama}: bukan XML yang sah (baris {e.lineno})" if e.lineno else f"{nama}: bukan XML yang sah") from e
    if akar.tag != _A + "akomaNtoso":
        raise ImporError(f"{nama}: bukan dokumen Akoma Ntoso 3.0 (akar {akar.tag}, diharapkan "
                         f"akomaNtoso dalam namespace {NS})")
    utama = next((x for x in akar if x.tag in (_A + "act", _A + "doc", _A + "bill")), None)
    if utama is None:
        raise ImporError(f"{nama}: dokumen Akoma Ntoso tanpa <act> atau <doc>")
    pref = _satu(utama, "preface")
    kepala = None
    rancangan = False
    jenis = nomor = tentang = ""
    if pref is not None:
        for c in _anak(pref, "container"):
            if c.get("name") == "kepala":
                kepala = Kepala([_teks(p) for p in _anak(c, "p")])
        rancangan = any(p.get("class") == "rancangan" for p in _anak(pref, "p"))
        lt = _satu(pref, "longTitle")
        if lt is not None:
            for tag in ("docType", "docNumber", "docTitle"):
                x = lt.find(f".//{_A}{tag}")
                v = x.text or "" if x is not None else ""
                if tag == "docType":
                    jenis = v
                elif tag == "docNumber":
                    nomor = v
                else:
                    tentang = v
    judul = Judul(jenis, nomor, tentang, rancangan=rancangan)
    if utama.tag == _A + "doc":
        dok = Dokumen("naskah", kepala, judul)
        mb = _satu(utama, "mainBody")
        dok.isi = [b for b in (_blok(x) for x in (mb if mb is not None else [])) if b is not None]
        _lampiran(utama, dok)
        return dok
    pre = _satu(utama, "preamble")
    pembukaan = None
    if pre is not None:
        pembukaan = Pembukaan("", [], [], "", dengan_rahmat=False)
        for x in pre:
            n = etree.QName(x).localname
            if n == "formula" and x.get("name") == "dengan_rahmat":
                pembukaan.dengan_rahmat = True
                baris = [_teks(p) for p in _anak(x, "p")]
                if baris and baris != [RAHMAT_NASIONAL]:
                    pembukaan.rahmat = baris  # a regional formula (Aceh)
            elif n == "container" and x.get("name") == "pejabat":
                pembukaan.pejabat = _teks(x.find(_A + "p"))
            elif n == "recitals":
                pembukaan.menimbang = [_inline(r.find(_A + "p")) for r in _anak(x, "recital")]
            elif n == "citations":
                pembukaan.mengingat = [_inline(r.find(_A + "p")) for r in _anak(x, "citation")]
            elif n == "container" and x.get("name") == "memperhatikan":
                pembukaan.memperhatikan = [_inline(p) for p in _anak(x, "p")]
            elif n == "container" and x.get("name") == "persetujuan":
                pembukaan.persetujuan = [_teks(p) for p in _anak(x, "p")]
            elif n == "container" and x.get("name") == "menetapkan":
                pembukaan.menetapkan = _teks(x.find(_A + "p"))
    body = _satu(utama, "body")
    badan = []
    pengundangan = None
    for x in body if body is not None else []:
        if x.tag == _A + "hcontainer" and x.get("name") == "pengundangan":
            pengundangan = _teks(x.find(f"{_A}content/{_A}p"))
            continue
        u = _unsur(x)
        if u is not None:
            badan.append(u)
    jenis_dok = "keputusan" if any(isinstance(u, Diktum) for u in badan) or jenis.upper().startswith(
        "KEPUTUSAN") else "peraturan"
    dok = Dokumen(jenis_dok, kepala, judul, pembukaan, badan, kalimat_pengundangan=pengundangan)
    bentuk, wilayah = bentuk_dari_jenis(jenis)
    m = re.search(r"NOMOR\s*:?\s*(.*?)\s*TAHUN\s*(\d{4})?", nomor, re.IGNORECASE)
    no = m.group(1).strip() if m else ""
    dok.identitas = Identitas(bentuk, "" if set(no) <= {".", "…"} else no,
                              int(m.group(2)) if m and m.group(2) else None, wilayah)
    con = _satu(utama, "conclusions")
    if con is not None:
        blok = {c.get("name"): c for c in _anak(con, "container")}
        if "ditetapkan" in blok:
            dok.penutup = Penutup(
                _ttd(blok["ditetapkan"]),
                _ttd(blok["diundangkan"]) if "diundangkan" in blok else None,
                _teks(blok["berita_daerah"].find(_A + "p")) if "berita_daerah" in blok else None,
                [_teks(p) for p in _anak(blok["tembusan"], "p")] if "tembusan" in blok else [],
            )
        if "paraf" in blok:
            t = blok["paraf"].find(_A + "table")
            tabel = _blok(t) if t is not None else None
            dok.paraf = [BarisParaf(*r[:4]) for r in (tabel.baris if tabel else [])]
    _lampiran(utama, dok)
    return dok


def _lampiran(utama, dok: Dokumen) -> None:
    att = _satu(utama, "attachments")
    if att is None:
        return
    for a in _anak(att, "attachment"):
        d = _satu(a, "doc")
        if d is None:
            continue
        pref = _satu(d, "preface")
        kepala = []
        judul = ""
        if pref is not None:
            for c in _anak(pref, "container"):
                kepala = [_teks(p) for p in _anak(c, "p")]
            x = pref.find(f".//{_A}docTitle")
            judul = x.text or "" if x is not None else ""
        mb = _satu(d, "mainBody")
        isi = [b for b in (_blok(x) for x in (mb if mb is not None else [])) if b is not None]
        if len(isi) == 1 and isinstance(isi[0], Alinea) and not "".join(t.teks for t in isi[0].isi):
            isi = []
        con = _satu(d, "conclusions")
        ttd = None
        if con is not None and _satu(con, "container") is not None:
            ttd = _ttd(_satu(con, "container"))
        lamp = Lampiran(kepala, judul, isi, ttd)
        if d.get("name") == "penjelasan":
            dok.penjelasan = lamp
        else:
            m = re.match(r"^LAMPIRAN\s+([IVX]+)\b", kepala[0]) if kepala else None
            lamp.nomor = m.group(1) if m else None
            dok.lampiran.append(lamp)
