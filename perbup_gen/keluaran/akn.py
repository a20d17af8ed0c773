"""Akoma Ntoso 3.0 writer: Dokumen -> AKN XML (OASIS LegalDocML, namespace .../ns/akn/3.0).

Mapping (Lampiran II UU 12/2011 -> AKN):
- preface: <container name="kepala"> (heading lines), <longTitle> with <docType> (jenis),
  <docNumber> (NOMOR ... TAHUN ...), "TENTANG" and <docTitle>; <p class="rancangan"> for a draft;
- preamble: <formula name="dengan_rahmat">, <p class="pejabat">, <recitals> (Menimbang, each a
  <recital> with <num>a.</num>), <citations> (Mengingat), <container name="memperhatikan">,
  <container name="persetujuan">, <formula name="memutuskan">, <container name="menetapkan">;
- body: BAB <chapter>, Bagian <section>, Paragraf <subsection>, Pasal <article>, ayat
  <paragraph>, list items <point> (nested points for sub-lists; "definisi" lists carry
  class="definisi"), a diktum <hcontainer name="diktum">, the promulgation sentence
  <hcontainer name="pengundangan">; an amendment's restated Pasal or BAB is a
  <mod><quotedStructure> inside its change point;
- conclusions: <container name="ditetapkan"> / "diundangkan" (p classes kata, tempat, tanggal,
  jabatan, nama, nip), "berita_daerah", "tembusan", a "paraf" table;
- attachments: each Lampiran a <doc name="lampiran"> (its top-right heading, title, paragraphs,
  tables, lists, signature), the Penjelasan a <doc name="penjelasan">.
eIds follow the AKN naming convention with the numbers as printed: chp_I, chp_I__sec_kesatu,
art_7, art_7__para_2, art_7__para_2__point_b, art_7__para_2__point_b__point_1, hcontainer_kesatu,
recital_a, citation_3, att_1; inside a quotedStructure the eIds are prefixed by its own eId. A
number printed twice in a source (BAB VI twice) gets "_2". The FRBR URIs are
/akn/id/act/<bentuk>/<wilayah>/<tahun>/<nomor> ("perbup", region code "62.10"), expression
"@ind", manifestation ".akn". Output is deterministic (no clock).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from perbup_gen.naskah.bilangan import huruf
from perbup_gen.naskah.model import (
    Alinea, Bab, Bagian, Butir, Daftar, Diktum, Dokumen, Inline, Paragraf, Pasal, Rujukan, Tabel,
    TandaTangan, Teks,
)

__all__ = ["NS", "render_akn", "MetaAkn", "uri_karya"]

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_A = f"{{{NS}}}"


@dataclass(frozen=True)
class MetaAkn:
    """What the FRBR identification needs beyond the model: the kind key ("perbup"), the region
    ("62.10" or a name), the year and number (None/"" for a draft), and a date (ISO) if known."""

    bentuk: str = ""
    wilayah: str = ""
    tahun: int | None = None
    nomor: str = ""
    tanggal: str = ""


def _slug(s: str) -> str:
    s = re.sub(r"[^0-9A-Za-z.]+", "-", s.strip()).strip("-")
    return s.lower() or "x"


def _meta_dari(dok: Dokumen, meta: MetaAkn | None) -> MetaAkn:
    m = meta or MetaAkn()
    idn = dok.identitas
    bentuk = m.bentuk or (idn.bentuk if idn else "") or dok.jenis
    wilayah = m.wilayah or (idn.wilayah if idn else "")
    tahun = m.tahun or (idn.tahun if idn else None)
    nomor = m.nomor or (idn.nomor if idn else "")
    if tahun is None:
        t = re.search(r"TAHUN\s+(\d{4})", dok.judul.nomor or "", re.IGNORECASE)
        tahun = int(t.group(1)) if t else None
    if not nomor:
        n = re.search(r"NOMOR\s*:?\s*(\d[\w./-]*)", dok.judul.nomor or "", re.IGNORECASE)
        nomor = n.group(1) if n else ""
    return MetaAkn(bentuk, wilayah, tahun, nomor, m.tanggal)


def uri_karya(dok: Dokumen, meta: MetaAkn | None = None) -> str:
    m = _meta_dari(dok, meta)
    bagian = ["", "akn", "id", "act" if dok.jenis != "naskah" else "doc", _slug(m.bentuk)]
    if m.wilayah:
        bagian.append(_slug(m.wilayah))
    bagian.append(str(m.tahun) if m.tahun else "tanpa-tahun")
    bagian.append(_slug(m.nomor) if m.nomor else "rancangan")
    return "/".join(bagian)


class _Penulis:
    def __init__(self):
        self.dipakai: set[str] = set()

    def eid(self, s: str) -> str:
        s = re.sub(r"[^0-9A-Za-z_.-]", "", s.replace(" ", "_"))
        if s not in self.dipakai:
            self.dipakai.add(s)
            return s
        n = 2
        while f"{s}_{n}" in self.dipakai:
            n += 1
        self.dipakai.add(f"{s}_{n}")
        return f"{s}_{n}"

    # -- inline --

    def inline(self, induk, isi: Inline) -> None:
        last = None
        for x in isi:
            if isinstance(x, Rujukan):
                teks, miring, tebal = x.teks or f"[[{x.label}]]", False, False
            else:
                teks, miring, tebal = x.teks, x.miring, x.tebal
            if not teks:
                continue
            if miring or tebal:
                e = etree.SubElement(induk, _A + ("i" if miring else "b"))
                if miring and tebal:
                    e = etree.SubElement(e, _A + "b")
                e.text = teks
                last = e if e.getparent() is induk else e.getparent()
            elif last is None:
                induk.text = (induk.text or "") + teks
            else:
                last.tail = (last.tail or "") + teks

    def p(self, induk, isi: Inline | str, kelas: str | None = None):
        e = etree.SubElement(induk, _A + "p")
        if kelas:
            e.set("class", kelas)
        self.inline(e, [Teks(isi)] if isinstance(isi, str) else isi)
        return e

    # -- lists --

    def daftar(self, induk, d: Daftar, awalan: str) -> None:
        for i, b in enumerate(d.butir, 1):
            self.butir(induk, b, d, awalan, i)

    def butir(self, induk, b: Butir, d: Daftar, awalan: str, i: int) -> None:
        nilai = b.tanda.strip(".()") or str(i)
        e = etree.SubElement(induk, _A + "point", eId=self.eid(f"{awalan}__point_{nilai}"))
        if d.jenis != "rincian":
            e.set("class", d.jenis)
        if d.sambung:
            e.set("refersTo", f"#sambung-{d.sambung.replace('/', '-')}")
        etree.SubElement(e, _A + "num").text = b.tanda
        self.isi_dan_daftar(e, b.isi, b.daftar, e.get("eId"), b.kutipan)

    def isi_dan_daftar(self, e, isi: Inline, daftar: Daftar | None, eid: str, kutipan=()) -> None:
        if daftar is not None and daftar.butir:
            intro = etree.SubElement(e, _A + "intro")
            self.p(intro, isi)
            self.daftar(e, daftar, eid)
        else:
            content = etree.SubElement(e, _A + "content")
            p = self.p(content, isi)
            if kutipan:
                mod = etree.SubElement(p, _A + "mod", eId=self.eid(f"{eid}__mod_1"))
                qs = etree.SubElement(mod, _A + "quotedStructure", eId=self.eid(f"{eid}__qstr_1"))
                for u in kutipan:
                    self.unsur(qs, u, f"{qs.get('eId')}__")

    # -- body --

    def hierarki(self, induk, tag: str, eid: str, num: str, judul: str | None):
        """A numbered part (chapter, section, subsection, article): its eId, <num> and <heading>."""
        e = etree.SubElement(induk, _A + tag, eId=self.eid(eid))
        etree.SubElement(e, _A + "num").text = num
        if judul:
            etree.SubElement(e, _A + "heading").text = judul
        return e

    def unsur(self, induk, u, awalan: str = "") -> None:
        if isinstance(u, Bab):
            e = self.hierarki(induk, "chapter", f"{awalan}chp_{u.nomor}", f"BAB {u.nomor}", u.judul)
            for x in u.isi:
                self.unsur(e, x, awalan if not isinstance(x, Bagian) else f"{e.get('eId')}__")
        elif isinstance(u, Bagian):
            e = self.hierarki(induk, "section", f"{awalan}sec_{str(u.nomor).lower()}", f"Bagian {u.nomor}",
                              u.judul)
            for x in u.isi:
                self.unsur(e, x, f"{e.get('eId')}__" if isinstance(x, Paragraf) else awalan.split("chp_")[0])
        elif isinstance(u, Paragraf):
            e = self.hierarki(induk, "subsection", f"{awalan}subsec_{u.nomor}", f"Paragraf {u.nomor}", u.judul)
            dasar = awalan.split("chp_")[0]
            for x in u.pasal:
                self.unsur(e, x, dasar)
        elif isinstance(u, Pasal):
            self.pasal(induk, u, awalan.split("chp_")[0] if "qstr" not in awalan else awalan)
        elif isinstance(u, Diktum):
            e = etree.SubElement(induk, _A + "hcontainer", name="diktum",
                                 eId=self.eid(f"hcontainer_{str(u.nomor).lower().replace(' ', '_')}"))
            etree.SubElement(e, _A + "num").text = u.nomor or ""
            self.isi_dan_daftar(e, u.isi, u.daftar, e.get("eId"))
        else:
            raise TypeError(f"unsur tidak dikenal: {type(u).__name__}")

    def pasal(self, induk, p: Pasal, awalan: str) -> None:
        e = self.hierarki(induk, "article", f"{awalan}art_{p.nomor}", f"Pasal {p.nomor}",
                          p.judul)  # the heading: an agreement's Pasal
        if len(p.ayat) == 1 and p.ayat[0].nomor is None:
            a = p.ayat[0]
            self.isi_dan_daftar(e, a.isi, a.daftar, e.get("eId"))
            return
        for i, a in enumerate(p.ayat, 1):
            nomor = a.nomor if a.nomor is not None else i
            pa = etree.SubElement(e, _A + "paragraph", eId=self.eid(f"{e.get('eId')}__para_{nomor}"))
            if a.nomor is not None:
                etree.SubElement(pa, _A + "num").text = f"({a.nomor})"
            self.isi_dan_daftar(pa, a.isi, a.daftar, pa.get("eId"))

    # -- blocks (attachments, naskah) --

    def blok(self, induk, b, awalan: str) -> None:
        if isinstance(b, Alinea):
            self.p(induk, b.isi, None if b.gaya == "biasa" else b.gaya)
        elif isinstance(b, Tabel):
            t = etree.SubElement(induk, _A + "table", eId=self.eid(f"{awalan}table_1"))
            if b.kepala:
                tr = etree.SubElement(t, _A + "tr")
                for k in b.kepala:
                    self.p(etree.SubElement(tr, _A + "th"), k)
            for r in b.baris:
                tr = etree.SubElement(t, _A + "tr")
                for c in r:
                    self.p(etree.SubElement(tr, _A + "td"), c)
            if not len(t):
                tr = etree.SubElement(t, _A + "tr")
                self.p(etree.SubElement(tr, _A + "td"), "")
        elif isinstance(b, Daftar):
            bl = etree.SubElement(induk, _A + "blockList", eId=self.eid(f"{awalan}list_1"))
            if b.jenis != "rincian":
                bl.set("class", b.jenis)
            self._item(bl, b, bl.get("eId"))

    def _item(self, bl, d: Daftar, awalan: str) -> None:
        for b in d.butir:
            it = etree.SubElement(bl, _A + "item", eId=self.eid(f"{awalan}__item_{b.tanda.strip('.()')}"))
            etree.SubElement(it, _A + "num").text = b.tanda
            self.p(it, b.isi)
            if b.daftar is not None and b.daftar.butir:
                sub = etree.SubElement(it, _A + "blockList", eId=self.eid(f"{it.get('eId')}__list_1"))
                self._item(sub, b.daftar, sub.get("eId"))

    def ttd(self, induk, nama: str, t: TandaTangan) -> None:
        c = etree.SubElement(induk, _A + "container", name=nama)
        if t.tempat or t.tanggal:
            self.p(c, t.kata, "kata")
            self.p(c, t.tempat, "tempat")
            self.p(c, t.tanggal, "tanggal")
        self.p(c, t.jabatan, "jabatan")
        self.p(c, t.nama, "nama")
        if t.nip:
            self.p(c, t.nip, "nip")


def _identifikasi(induk, uri: str, tanggal: str, nama: str, rujukan: bool = True) -> None:
    meta = etree.SubElement(induk, _A + "meta")
    idf = etree.SubElement(meta, _A + "identification", source="#perbup-gen")
    for tingkat, this, u in (("FRBRWork", f"{uri}/!{nama}", uri),
                             ("FRBRExpression", f"{uri}/ind@/!{nama}", f"{uri}/ind@"),
                             ("FRBRManifestation", f"{uri}/ind@/!{nama}.akn", f"{uri}/ind@.akn")):
        e = etree.SubElement(idf, _A + tingkat)
        etree.SubElement(e, _A + "FRBRthis", value=this)
        etree.SubElement(e, _A + "FRBRuri", value=u)
        etree.SubElement(e, _A + "FRBRdate", date=tanggal, name="tahun")
        etree.SubElement(e, _A + "FRBRauthor", href="#pembentuk")
        if tingkat == "FRBRWork":
            etree.SubElement(e, _A + "FRBRcountry", value="id")
        if tingkat == "FRBRExpression":
            etree.SubElement(e, _A + "FRBRlanguage", language="ind")
    if not rujukan:  # an attachment: the references (TLC eIds) stand once, in the main document
        return
    ref = etree.SubElement(meta, _A + "references", source="#perbup-gen")
    etree.SubElement(ref, _A + "TLCOrganization", eId="perbup-gen", href="/ontology/organization/perbup-gen",
                     showAs="perbup-gen")
    etree.SubElement(ref, _A + "TLCRole", eId="pembentuk", href="/ontology/role/pembentuk", showAs="pembentuk")


def render_akn(dok: Dokumen, meta: MetaAkn | None = None) -> bytes:
    """The document as Akoma Ntoso 3.0 XML (UTF-8 bytes). The model must be numbered (generated
    documents after penomoran.susun(), imported ones as read)."""
    w = _Penulis()
    m = _meta_dari(dok, meta)
    uri = uri_karya(dok, meta)
    tanggal = m.tanggal or (f"{m.tahun}-01-01" if m.tahun else "1970-01-01")
    akar = etree.Element(_A + "akomaNtoso", nsmap={None: NS})
    kind = "doc" if dok.jenis == "naskah" else "act"
    utama = etree.SubElement(akar, _A + kind, name=_slug(m.bentuk) if m.bentuk else dok.jenis)
    if kind == "act" and dok.jenis == "keputusan":
        utama.set("contains", "originalVersion")
    _identifikasi(utama, uri, tanggal, "main")

    # preface
    pref = etree.SubElement(utama, _A + "preface")
    if dok.kepala is not None and dok.kepala.baris:
        c = etree.SubElement(pref, _A + "container", name="kepala")
        for b in dok.kepala.baris:
            w.p(c, b)
    j = dok.judul
    if j.rancangan:
        w.p(pref, "RANCANGAN", "rancangan")
    lt = etree.SubElement(pref, _A + "longTitle")
    p = etree.SubElement(lt, _A + "p")
    etree.SubElement(p, _A + "docType").text = j.jenis
    if j.nomor:
        p = etree.SubElement(lt, _A + "p")
        etree.SubElement(p, _A + "docNumber").text = j.nomor
    if j.tentang:
        w.p(lt, "TENTANG", "tentang")
        p = etree.SubElement(lt, _A + "p")
        etree.SubElement(p, _A + "docTitle").text = j.tentang

    if kind == "doc":
        mb = etree.SubElement(utama, _A + "mainBody")
        for b in dok.isi:
            w.blok(mb, b, "")
        if not len(mb):
            w.p(mb, "")
    else:
        pb = dok.pembukaan
        if pb is not None:
            pre = etree.SubElement(utama, _A + "preamble")
            if pb.dengan_rahmat:
                f = etree.SubElement(pre, _A + "formula", name="dengan_rahmat")
                for baris in pb.baris_rahmat:
                    w.p(f, baris)
            if pb.pejabat:
                c = etree.SubElement(pre, _A + "container", name="pejabat")
                w.p(c, pb.pejabat)
            if pb.menimbang:
                r = etree.SubElement(pre, _A + "recitals", eId="recitals")
                w.p(etree.SubElement(r, _A + "intro"), "Menimbang")
                for i, x in enumerate(pb.menimbang, 1):
                    h = huruf(i)
                    rc = etree.SubElement(r, _A + "recital", eId=w.eid(f"recital_{h}"))
                    if len(pb.menimbang) > 1:
                        etree.SubElement(rc, _A + "num").text = f"{h}."
                    w.p(rc, x)
            if pb.mengingat:
                ci = etree.SubElement(pre, _A + "citations", eId="citations")
                w.p(etree.SubElement(ci, _A + "intro"), "Mengingat")
                for i, x in enumerate(pb.mengingat, 1):
                    ct = etree.SubElement(ci, _A + "citation", eId=w.eid(f"citation_{i}"))
                    if len(pb.mengingat) > 1:
                        etree.SubElement(ct, _A + "num").text = f"{i}."
                    w.p(ct, x)
            if pb.memperhatikan:
                c = etree.SubElement(pre, _A + "container", name="memperhatikan")
                for x in pb.memperhatikan:
                    w.p(c, x)
            if pb.persetujuan:
                c = etree.SubElement(pre, _A + "container", name="persetujuan")
                for x in pb.persetujuan:
                    w.p(c, x)
            f = etree.SubElement(pre, _A + "formula", name="memutuskan")
            w.p(f, "MEMUTUSKAN:")
            c = etree.SubElement(pre, _A + "container", name="menetapkan")
            w.p(c, pb.menetapkan)
        pj = dok.perjanjian
        if pj is not None:  # an agreement: the opening naming the parties
            pre = etree.SubElement(utama, _A + "preamble")
            c = etree.SubElement(pre, _A + "container", name="komparisi")
            w.p(c, pj.pembuka)
            for ph in pj.pihak:
                cp = etree.SubElement(pre, _A + "container", name="pihak")
                for label, nilai in ph.identitas:
                    w.p(cp, f"{label} : {nilai}")
                w.p(cp, ph.kedudukan)
            w.p(etree.SubElement(pre, _A + "container", name="kesepakatan"), pj.kesepakatan)
        body = etree.SubElement(utama, _A + "body")
        for u in dok.batang_tubuh:
            w.unsur(body, u)
        if dok.kalimat_pengundangan:
            h = etree.SubElement(body, _A + "hcontainer", name="pengundangan", eId="hcontainer_pengundangan")
            w.p(etree.SubElement(h, _A + "content"), dok.kalimat_pengundangan)
        if not len(body):
            h = etree.SubElement(body, _A + "hcontainer", name="kosong", eId="hcontainer_kosong")
            w.p(etree.SubElement(h, _A + "content"), "")
        pn = dok.penutup
        if pj is not None:  # the parties' signatures and the witnesses
            con = etree.SubElement(utama, _A + "conclusions")
            for ph in pj.pihak:
                c = etree.SubElement(con, _A + "container", name="tanda_tangan_pihak")
                for b in (f"{ph.sebutan},", ph.jabatan, ph.nama):
                    if b:
                        w.p(c, b)
            if pj.saksi:
                c = etree.SubElement(con, _A + "container", name="saksi")
                for jabatan, nama in pj.saksi:
                    w.p(c, f"{jabatan} {nama}")
        if pn is not None or dok.paraf:
            con = etree.SubElement(utama, _A + "conclusions")
            if pn is not None:
                w.ttd(con, "ditetapkan", pn.ditetapkan)
                if pn.diundangkan is not None:
                    w.ttd(con, "diundangkan", pn.diundangkan)
                if pn.berita_daerah:
                    w.p(etree.SubElement(con, _A + "container", name="berita_daerah"), pn.berita_daerah)
                if pn.tembusan:
                    c = etree.SubElement(con, _A + "container", name="tembusan")
                    for t in pn.tembusan:
                        w.p(c, t)
            if dok.paraf:
                c = etree.SubElement(con, _A + "container", name="paraf")
                w.blok(c, Tabel(["Jabatan", "Nama", "Paraf", "Tanggal"],
                                [[r.jabatan, r.nama, r.paraf, r.tanggal] for r in dok.paraf]), "paraf__")
    lampiran = list(dok.lampiran) + ([dok.penjelasan] if dok.penjelasan is not None else [])
    if lampiran:
        att = etree.SubElement(utama, _A + "attachments")
        for i, lamp in enumerate(lampiran, 1):
            penjelasan = lamp is dok.penjelasan
            a = etree.SubElement(att, _A + "attachment", eId=f"att_{i}")
            d = etree.SubElement(a, _A + "doc", name="penjelasan" if penjelasan else "lampiran")
            _identifikasi(d, uri, tanggal, f"att_{i}", rujukan=False)
            pf = etree.SubElement(d, _A + "preface")
            if lamp.kepala:
                c = etree.SubElement(pf, _A + "container", name="kepala_lampiran")
                for b in lamp.kepala:
                    w.p(c, b)
            lt = etree.SubElement(pf, _A + "longTitle")
            p = etree.SubElement(lt, _A + "p")
            etree.SubElement(p, _A + "docTitle").text = lamp.judul
            mb = etree.SubElement(d, _A + "mainBody")
            for b in lamp.isi:
                w.blok(mb, b, f"att_{i}__")
            if not len(mb):
                w.p(mb, "")
            if lamp.tanda_tangan is not None:
                w.ttd(etree.SubElement(d, _A + "conclusions"), "tanda_tangan", lamp.tanda_tangan)
    return etree.tostring(akar, xml_declaration=True, encoding="UTF-8", pretty_print=True)
