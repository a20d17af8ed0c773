"""Markdown and HTML renderings of a numbered Dokumen, for review on screen.

Both renderers only read the model: numbers, list markers and reference texts must already be
filled in by `penomoran.susun()`; a missing one raises ValueError. Neither adds list punctuation:
the ';' / '.' / ':' of items, menimbang and mengingat come from the model as they are.

Document text is data, never markup: Markdown output escapes every character with a meaning
(backslash escapes, or character references for & < > |), and the HTML template runs with
autoescape. Control characters become visible stand-ins (U+2400 block, U+FFFD) and line breaks
inside a text run become spaces, so no value can break the layout or the markup.
"""
from __future__ import annotations

import functools
import re

import jinja2
from markupsafe import Markup

from perbup_gen.jalur import TEMPLAT
from perbup_gen.naskah.bilangan import huruf
from perbup_gen.naskah.tampil import bersih
from perbup_gen.naskah.spasi import ikat
from perbup_gen.naskah.model import (
    Alinea, Bab, Bagian, Blok, Daftar, Diktum, Dokumen, Inline, Paragraf, Pasal, Rujukan, Tabel,
    TandaTangan,
)

__all__ = ["render_markdown", "render_html", "bersih", "tempat_dokumen"]

TEMPLATES = TEMPLAT
_INDEN = "\u00a0" * 4  # non-breaking spaces: visible indent that no Markdown parser reads as code

# --- checks shared by both renderers -------------------------------------------------------------


def _inline_siap(isi: Inline) -> None:
    for b in isi:
        if isinstance(b, Rujukan) and b.teks is None:
            tempat = f" ({b.sumber})" if b.sumber else ""
            raise ValueError(f"rujukan [[{b.label}]] belum diselesaikan{tempat}")


def _daftar_siap(d: Daftar | None) -> None:
    for b in d.butir if d else []:
        if not b.tanda and not b.kutipan:  # an unmarked item only holds a restated Pasal
            raise ValueError(f"butir daftar belum bertanda: {b.label or b.isi!r}")
        _inline_siap(b.isi)
        _daftar_siap(b.daftar)


def _periksa(dok: Dokumen) -> None:
    """Raise ValueError when the model is not fully numbered."""
    tumpukan: list[object] = list(dok.batang_tubuh)
    while tumpukan:
        n = tumpukan.pop()
        if getattr(n, "nomor", None) is None:
            raise ValueError(f"{type(n).__name__} belum dinomori: {getattr(n, 'judul', '')!r}")
        if isinstance(n, (Bab, Bagian)):
            tumpukan += n.isi
        elif isinstance(n, Paragraf):
            tumpukan += n.pasal
        elif isinstance(n, Pasal):
            for a in n.ayat:
                _inline_siap(a.isi)
                _daftar_siap(a.daftar)
        elif isinstance(n, Diktum):
            _inline_siap(n.isi)
            _daftar_siap(n.daftar)
    if dok.pembukaan:
        for isi in dok.pembukaan.menimbang + dok.pembukaan.mengingat + dok.pembukaan.memperhatikan:
            _inline_siap(isi)
    if dok.perjanjian:
        for isi in [dok.perjanjian.pembuka, dok.perjanjian.kesepakatan] + [p.kedudukan for p in dok.perjanjian.pihak]:
            _inline_siap(isi)
    for blok in dok.isi + [b for lamp in dok.lampiran for b in lamp.isi]:
        if isinstance(blok, Alinea):
            _inline_siap(blok.isi)
        elif isinstance(blok, Daftar):
            _daftar_siap(blok)


# --- Markdown ------------------------------------------------------------------------------------

_MD_REF = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;"}
_MD_GARING = set("\\`*_{}[]#~!")


def md(s: str) -> str:
    """Literal text as Markdown that shows exactly that text (with the no-break spaces of
    naskah/spasi.py)."""
    return "".join(_MD_REF.get(c) or ("\\" + c if c in _MD_GARING else c) for c in bersih(ikat(s)))


def _awal(baris: str) -> str:
    """A line that must not open a list, a rule or a code block."""
    baris = baris.lstrip(" ")
    m = re.match(r"\d+[.)]", baris)
    if m:
        return baris[: m.end() - 1] + "\\" + baris[m.end() - 1 :]
    return "\\" + baris if baris[:1] in ("-", "+", "=") else baris


def _md_inline(isi: Inline) -> str:
    runs: list[tuple[str, bool, bool]] = []  # adjacent runs of one style merge: "*a**b*" misparses
    for b in isi:
        t, gaya = (b.teks, (False, False)) if isinstance(b, Rujukan) else (b.teks, (b.miring, b.tebal))
        if runs and runs[-1][1:] == gaya:
            runs[-1] = (runs[-1][0] + t, *gaya)
        else:
            runs.append((t or "", *gaya))
    out = []
    for t, miring, tebal in runs:
        t = md(t)
        tanda = ("*" if miring else "") + ("**" if tebal else "")
        inti = t.strip()
        if tanda and inti:
            kiri, kanan = t[: len(t) - len(t.lstrip())], t[len(t.rstrip()) :]
            t = f"{kiri}{tanda}{inti}{tanda[::-1]}{kanan}"
        out.append(t)
    return _awal("".join(out))


def _tebal(s: str) -> str:
    s = bersih(s).strip()
    return f"**{md(s)}**" if s else ""


def _md_daftar(d: Daftar, tingkat: int, out: list[str]) -> None:
    for b in d.butir:
        if b.tanda or _md_inline(b.isi).strip():
            out.append(f"{_INDEN * tingkat}{md(b.tanda)} {_md_inline(b.isi)}".rstrip())
        if b.daftar:
            _md_daftar(b.daftar, tingkat + 1, out)
        if b.kutipan:  # an amendment restates a Pasal or BAB: a block quote
            kutip: list[str] = []
            for u in b.kutipan:
                _md_struktur(u, kutip)
            out += ["\n".join("> " + x if x else ">" for x in k.split("\n")) for k in kutip if k]


def _md_ttd(t: TandaTangan, out: list[str]) -> None:
    out += [_awal(f"{md(t.kata)} di {md(t.tempat)}"), _awal(f"pada tanggal {md(t.tanggal)}"),
            _awal(md(t.jabatan)), _tebal(t.nama)]
    if t.nip:
        out.append(_awal(f"NIP. {md(t.nip)}"))


def _md_tabel(kepala: list[str], baris: list[list[str]]) -> str:
    n = max([len(kepala)] + [len(b) for b in baris]) or 1
    sel = lambda r: "| " + " | ".join(md(c).strip() for c in list(r) + [""] * (n - len(r))) + " |"  # noqa: E731
    return "\n".join([sel(kepala), "|" + " --- |" * n] + [sel(r) for r in baris])


def _md_blok(blok: Blok, out: list[str]) -> None:
    if isinstance(blok, Alinea):
        awalan = {"judul": "### ", "subjudul": "#### "}.get(blok.gaya, "")
        out.append(awalan + _md_inline(blok.isi))
    elif isinstance(blok, Tabel):
        out.append(_md_tabel(blok.kepala, blok.baris))
    else:
        _md_daftar(blok, 1, out)


def _md_struktur(n: Bab | Bagian | Paragraf | Pasal | Diktum, out: list[str]) -> None:
    if isinstance(n, Bab):
        out += [f"## BAB {md(n.nomor)}", "## " + md(n.judul)]
        for anak in n.isi:
            _md_struktur(anak, out)
    elif isinstance(n, Bagian):
        out += [f"### Bagian {md(n.nomor)}", "### " + md(n.judul)]
        for anak in n.isi:
            _md_struktur(anak, out)
    elif isinstance(n, Paragraf):
        out += [f"#### Paragraf {n.nomor}", "#### " + md(n.judul)]
        for anak in n.pasal:
            _md_struktur(anak, out)
    elif isinstance(n, Pasal):
        out.append(f"##### Pasal {n.nomor}")
        if n.judul:
            out.append("##### " + md(n.judul))
        for a in n.ayat:
            out.append((f"({a.nomor}) " if a.nomor is not None else "") + _md_inline(a.isi))
            if a.daftar:
                _md_daftar(a.daftar, 1, out)
    else:
        out.append(f"**{md(n.nomor)}** : {_md_inline(n.isi)}")
        if n.daftar:
            _md_daftar(n.daftar, 1, out)


def render_markdown(dok: Dokumen) -> str:
    """The document as Markdown for review. The model must already be numbered."""
    _periksa(dok)
    out: list[str] = []
    if dok.draf:
        tanda, _, keterangan = dok.draf.partition("\n")
        out += [_tebal(tanda)] + ([f"*{md(bersih(keterangan))}*"] if keterangan else [])
    if dok.kepala:
        out += [_tebal(b) for b in dok.kepala.baris]
    j = dok.judul
    if j.rancangan:
        out.append("RANCANGAN")
    out.append("# " + md(bersih(j.jenis).strip()))
    if dok.jenis == "naskah":
        out += [_tebal(s) for s in (j.nomor, j.tentang) if s.strip()]
        for blok in dok.isi:
            _md_blok(blok, out)
    else:
        out += [_tebal(j.nomor), "**TENTANG**", _tebal(j.tentang)]
    p = dok.pembukaan
    if p:
        out += p.baris_rahmat
        out.append(_awal(md(p.pejabat)))
        for kata, butir, tanda in (("Menimbang", p.menimbang, lambda i: huruf(i) + "."),
                                   ("Mengingat", p.mengingat, lambda i: f"{i}."),
                                   ("Memperhatikan", p.memperhatikan, lambda i: f"{i}.")):
            if butir:
                out.append(f"{kata} :")
                out += [f"{_INDEN}{tanda(i)} {_md_inline(isi)}" for i, isi in enumerate(butir, 1)]
        out += ["MEMUTUSKAN:", f"Menetapkan : {md(p.menetapkan)}"]
    pj = dok.perjanjian
    if pj:
        out.append(_md_inline(pj.pembuka))
        for i, ph in enumerate(pj.pihak, 1):
            out += [f"{_INDEN}{i}\\. {md(k)} : {md(v)}" if j == 0 else f"{_INDEN * 2}{md(k)} : {md(v)}"
                    for j, (k, v) in enumerate(ph.identitas)]
            out.append(_INDEN * 2 + _md_inline(ph.kedudukan))
        out.append(_md_inline(pj.kesepakatan))
    for n in dok.batang_tubuh:
        _md_struktur(n, out)
    if pj:
        for ph in reversed(pj.pihak):
            out += [_awal(md(ph.sebutan + ",")), _awal(md(ph.jabatan)), _tebal(ph.nama)]
        if pj.saksi:
            out.append("Saksi-saksi:")
            out += [f"{_INDEN}{i}\\. {md(j)} {md(n)}" for i, (j, n) in enumerate(pj.saksi, 1)]
    if dok.kalimat_pengundangan:
        out.append(_awal(md(dok.kalimat_pengundangan)))
    if dok.penutup:
        _md_ttd(dok.penutup.ditetapkan, out)
        if dok.penutup.diundangkan:
            _md_ttd(dok.penutup.diundangkan, out)
        if dok.penutup.berita_daerah:
            out.append(_tebal(dok.penutup.berita_daerah))
        if dok.penutup.tembusan:
            out.append("Tembusan disampaikan kepada:")
            out += [f"{_INDEN}{i}. {md(t)}" for i, t in enumerate(dok.penutup.tembusan, 1)]
    if dok.paraf:
        out += ["**Paraf Koordinasi**", _md_tabel(["Jabatan", "Nama", "Paraf", "Tanggal"],
                                                  [[r.jabatan, r.nama, r.paraf, r.tanggal] for r in dok.paraf])]
    for lamp in dok.lampiran:
        out.append("---")
        out += [_awal(md(_kepala_lampiran(lamp.kepala, lamp.nomor, i))) for i in range(len(lamp.kepala))]
        out.append("## " + md(bersih(lamp.judul).strip()))
        for blok in lamp.isi:
            _md_blok(blok, out)
        if lamp.tanda_tangan:
            out += [_awal(md(lamp.tanda_tangan.jabatan)), _tebal(lamp.tanda_tangan.nama)]
    return "\n\n".join(b for b in out if b) + "\n"


def _kepala_lampiran(kepala: list[str], nomor: str | None, i: int) -> str:
    """Line i of a Lampiran's top-right block; a bare "LAMPIRAN" gets its number."""
    if i == 0 and nomor and kepala[0].strip().upper() == "LAMPIRAN":
        return f"LAMPIRAN {nomor}"
    return kepala[i]


# --- HTML ----------------------------------------------------------------------------------------


def _finalize(nilai: object) -> object:
    if isinstance(nilai, str) and not isinstance(nilai, Markup):
        return bersih(ikat(nilai))
    return nilai


@functools.lru_cache(maxsize=1)
def _lingkungan() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True, finalize=_finalize,
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )
    env.globals.update(jenis=lambda x: type(x).__name__, huruf=huruf, kepala_lampiran=_kepala_lampiran,
                       tempat_butir=tempat_butir)
    return env


def tempat_butir(induk: str, tanda: str) -> str:
    """The place name of a list item as the drafting checks write it: "Pasal 7 ayat (2)" + "b." ->
    "Pasal 7 ayat (2) huruf b"; "1." -> "... angka 1"."""
    nilai = (tanda or "").strip().rstrip(".)").lstrip("(")
    jenis = "angka" if nilai.isdigit() else "huruf"
    return f"{induk} {jenis} {nilai}".strip()


def _tempat_daftar(d: Daftar | None, induk: str, out: set[str]) -> None:
    for b in d.butir if d else []:
        t = tempat_butir(induk, b.tanda)
        out.add(t)
        _tempat_daftar(b.daftar, t, out)


def tempat_dokumen(dok: Dokumen) -> set[str]:
    """Every place of the document that the review page can mark, named as the drafting checks
    name places ("Menimbang huruf a", "Pasal 7 ayat (2) huruf b", "Diktum KESATU", "Judul")."""
    out = {"Judul"}
    if dok.jenis == "naskah":
        out.add("Naskah")
    p = dok.pembukaan
    if p:
        out |= {"Menimbang", "Mengingat", "Menetapkan"}
        out |= {f"Menimbang huruf {huruf(i)}" for i in range(1, len(p.menimbang) + 1)}
        out |= {f"Mengingat angka {i}" for i in range(1, len(p.mengingat) + 1)}
    tumpukan: list[object] = list(dok.batang_tubuh)
    while tumpukan:
        n = tumpukan.pop()
        if isinstance(n, Bab):
            out.add(f"BAB {n.nomor}")
            tumpukan += n.isi
        elif isinstance(n, Bagian):
            tumpukan += n.isi
        elif isinstance(n, Paragraf):
            tumpukan += n.pasal
        elif isinstance(n, Pasal):
            out.add(f"Pasal {n.nomor}")
            for a in n.ayat:
                t = f"Pasal {n.nomor}" + (f" ayat ({a.nomor})" if a.nomor is not None else "")
                out.add(t)
                _tempat_daftar(a.daftar, t, out)
        elif isinstance(n, Diktum):
            out.add(f"Diktum {n.nomor}")
            _tempat_daftar(n.daftar, f"Diktum {n.nomor}", out)
    for lamp in dok.lampiran:
        out.add("Lampiran" + (f" {lamp.nomor}" if lamp.nomor else ""))
    return out


def _letakkan(dok: Dokumen, temuan) -> tuple[dict[str, list[dict]], list[dict]]:
    """Each finding (tingkat, tempat, pesan) at the most precise place of the page that contains
    its place ("Pasal 7 ayat (2) huruf b angka 1" falls back to "... huruf b", then "Pasal 7 ayat
    (2)"); the rest (data findings, places the page does not show) apart, numbered in order."""
    ada = tempat_dokumen(dok)
    di: dict[str, list[dict]] = {}
    lain: list[dict] = []
    for nomor, (tingkat, tempat, pesan) in enumerate(temuan, 1):
        t = {"nomor": nomor, "tingkat": tingkat, "tempat": tempat, "pesan": pesan}
        kata = (tempat or "").split(" ")
        for n in range(len(kata), 0, -1):
            calon = " ".join(kata[:n])
            if calon in ada:
                di.setdefault(calon, []).append(t)
                break
        else:
            lain.append(t)
    return di, lain


def render_html(dok: Dokumen, temuan=None) -> str:
    """The document as a standalone HTML page for review. The model must already be numbered.

    `temuan`: check findings as (tingkat, tempat, pesan) triples, with places as the drafting checks
    write them; each is marked in place on the page (hidden when printed)."""
    _periksa(dok)
    judul = dok.properti.get("title") or " ".join(filter(None, (dok.judul.jenis, dok.judul.tentang)))
    di, lain = _letakkan(dok, temuan) if temuan else ({}, [])
    return _lingkungan().get_template("review.html.j2").render(
        dok=dok, judul_halaman=judul, temuan_di=di, temuan_lain=lain).strip() + "\n"
