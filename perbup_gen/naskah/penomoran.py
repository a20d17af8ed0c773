"""Numbering, list punctuation and reference resolution for a document model.

`susun(dok)` is the one step between the builders and the renderers. It works in place, in
three passes, and may be run again on the same tree (every pass first undoes what it would do):

1. Numbers. BAB gets a Roman numeral ("I"), Bagian an ordinal restarting in each BAB ("Kesatu"),
   Paragraf an integer restarting in each Bagian, Pasal an integer continuous through the whole
   body (also when the body is a plain list of Pasal), ayat (1), (2) when a Pasal has more than
   one ayat and None when it has one, diktum "KESATU", and lampiran "I", "II" when there are
   several (a single lampiran: None).

2. List markers and punctuation (Lampiran II UU 12/2011). The marker of an item follows its depth
   and the kind of the OUTERMOST list of its tree:
   - a "rincian" or "kalimat" tree: depth 1 "a.", 2 "1.", 3 "a)", 4 "1)";
   - a "definisi" tree (Pasal 1): depth 1 "1.", 2 "a.", 3 "1)", 4 "a)".
   A fifth level is a KlausulError. Letters come from `bilangan.huruf` (... "z", "aa", "bb").
   Punctuation is written by the model, never trusted from the clause: the end of the text is
   stripped of ";", ".", ":", "," and a trailing "dan" / "atau" / "dan/atau", then:
   - "rincian": items end with ";", the second-to-last with "; <sambung>" (just ";" when sambung
     is ""), the last one with the ending its parent would have had: "." for the outermost list,
     or for a nested list the ending of the item that opens it (";", "; dan" or ".");
   - "definisi" and "kalimat": every item ends with "." (no conjunction); their sub-lists follow
     their own kind with "." as the final ending;
   - an item, ayat, Pasal text or diktum that opens a list ends with ":";
   - an ayat (or the unnumbered text of a Pasal) and a diktum without a list end with ".".
   Lists in lampiran and in a "naskah" body get the same markers and punctuation (use Alinea or
   Tabel for free text). The pembukaan (menimbang, mengingat) is never touched: its builder
   writes its punctuation.
   Punctuation is applied to the last Teks of an Inline; when the Inline ends in a Rujukan, or in
   italic/bold text, a new plain Teks is appended.

3. References. Every Rujukan (body, diktum, lampiran, pembukaan) gets `teks`, the phrase that
   follows "sebagaimana dimaksud ":
   - a Pasal: "dalam Pasal 7";
   - an ayat: "pada ayat (2)" inside the same Pasal, else "dalam Pasal 7 ayat (2)" (the single
     unnumbered text of a Pasal is referred to as its Pasal);
   - a list item: its full path, "huruf" for letter markers and "angka" for number markers,
     written without the marker's dot or bracket: "dalam Pasal 7 ayat (2) huruf b",
     "dalam Pasal 5 huruf a angka 1"; inside the same ayat (or the same Pasal without ayat)
     "pada huruf b"; inside the same Pasal but another ayat "pada ayat (2) huruf b"; an item of a
     diktum list: "dalam Diktum KEDUA huruf a", or "pada huruf a" inside the same diktum;
   - a diktum: "dalam Diktum KESATU" (also from inside a diktum list).
   Items of a lampiran list may carry labels (they must be unique) but cannot be referred to.
   An unknown label is a KlausulError naming Rujukan.sumber; a label used twice is a KlausulError
   naming both places. Because numbers are computed before references are resolved, moving a
   clause renumbers every reference to it.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Container, Iterator, Union

from perbup_gen.naskah import bilangan

# Numbers in words and letters are pure functions of a small int, asked for again in every
# document of a batch: remembered (the strings are immutable).
huruf = functools.lru_cache(maxsize=1024)(bilangan.huruf)
romawi = functools.lru_cache(maxsize=1024)(bilangan.romawi)
urutan = functools.lru_cache(maxsize=1024)(bilangan.urutan)
urutan_kapital = functools.lru_cache(maxsize=1024)(bilangan.urutan_kapital)
from perbup_gen.errors import KlausulError
from perbup_gen.naskah.model import (
    Alinea,
    Ayat,
    Bab,
    Bagian,
    Butir,
    Daftar,
    Diktum,
    Dokumen,
    Inline,
    Lampiran,
    Paragraf,
    Pasal,
    Rujukan,
    Teks,
    pecah_sumber,
    semua_pasal,
)

__all__ = ["susun", "tata_diktum", "selesaikan_rujukan", "GAYA_TANDA", "KEDALAMAN_MAKS", "buang_tanda_baca"]

#: Marker patterns per depth (1-based), by the kind of the outermost list.
GAYA_TANDA: dict[str, tuple[str, ...]] = {
    "rincian": ("a.", "1.", "a)", "1)"),
    "kalimat": ("a.", "1.", "a)", "1)"),
    "definisi": ("1.", "a.", "1)", "a)"),
}
KEDALAMAN_MAKS = 4

# --- entry point ---------------------------------------------------------------------------------


def susun(dok: Dokumen, tertata: Container[int] = ()) -> Dokumen:
    """Number `dok`, apply list markers and punctuation, resolve references. In place; returns dok.

    `tertata` (performance only): ids of Diktum of `dok` already given their markers and
    punctuation by `tata_diktum`; pass 2 skips them. Pass 2 of a diktum depends on that diktum
    alone (its number only names it in error messages), so a batch builder may punctuate a
    diktum that every document shares once and copy the result (markers included) into each.
    """
    _beri_nomor(dok)
    _tanda_dan_tanda_baca(dok, tertata)
    _selesaikan_rujukan(dok)
    return dok


def selesaikan_rujukan(dok: Dokumen) -> Dokumen:
    """Pass 3 alone: resolve every reference again with the numbers and markers the tree holds now
    (an amendment keeps the old numbering: "Pasal 7A", "ayat (1a)", "angka 7a"). In place."""
    _selesaikan_rujukan(dok)
    return dok


def tata_diktum(d: Diktum) -> Diktum:
    """Pass 2 (list markers and punctuation) for one diktum, as `susun` does it. In place."""
    _tata_induk(d.isi, d.daftar, f"Diktum {d.nomor}")
    return d


# --- pass 1: numbers -----------------------------------------------------------------------------


def _beri_nomor(dok: Dokumen) -> None:
    nomor_pasal = 0
    nomor_bab = 0
    nomor_diktum = 0

    def pasal(p: Pasal) -> None:
        nonlocal nomor_pasal
        nomor_pasal += 1
        p.nomor = nomor_pasal
        if len(p.ayat) > 1:
            for i, a in enumerate(p.ayat, 1):
                a.nomor = i
        else:
            for a in p.ayat:
                a.nomor = None

    for unsur in dok.batang_tubuh:
        if isinstance(unsur, Bab):
            nomor_bab += 1
            unsur.nomor = romawi(nomor_bab)
            nomor_bagian = 0
            for isi_bab in unsur.isi:
                if isinstance(isi_bab, Bagian):
                    nomor_bagian += 1
                    isi_bab.nomor = urutan(nomor_bagian)
                    nomor_paragraf = 0
                    for isi_bagian in isi_bab.isi:
                        if isinstance(isi_bagian, Paragraf):
                            nomor_paragraf += 1
                            isi_bagian.nomor = nomor_paragraf
                            for p in isi_bagian.pasal:
                                pasal(p)
                        else:
                            pasal(isi_bagian)
                else:
                    pasal(isi_bab)
        elif isinstance(unsur, Pasal):
            pasal(unsur)
        elif isinstance(unsur, Diktum):
            nomor_diktum += 1
            unsur.nomor = urutan_kapital(nomor_diktum)
        else:  # pragma: no cover - guarded by the model's types
            raise TypeError(f"unsur batang tubuh tidak dikenal: {type(unsur).__name__}")

    banyak = len(dok.lampiran)
    for i, lamp in enumerate(dok.lampiran, 1):
        lamp.nomor = romawi(i) if banyak > 1 else None


def _semua_diktum(dok: Dokumen) -> Iterator[Diktum]:
    for unsur in dok.batang_tubuh:
        if isinstance(unsur, Diktum):
            yield unsur


def _uraian_ayat(p: Pasal, a: Ayat) -> str:
    return f"Pasal {p.nomor}" + (f" ayat ({a.nomor})" if a.nomor is not None else "")


# --- pass 2: markers and punctuation -------------------------------------------------------------

_KATA_SAMBUNG = re.compile(r"(?:^|(?<=\s))(?:dan/atau|dan|atau)$")


def buang_tanda_baca(s: str) -> str:
    """Strip trailing whitespace, ';', '.', ':', ',' and a trailing conjunction word, repeatedly.

    "pembinaan; dan" -> "pembinaan"; "Daerah." -> "Daerah"; "sandan" stays.
    """
    while True:
        t = s.rstrip().rstrip(";.:,").rstrip()
        if t.endswith(("dan", "atau")):  # the regex scans the whole string: only when it can match
            t = _KATA_SAMBUNG.sub("", t).rstrip()
        if t == s:
            return t
        s = t


def _akhiri(isi: Inline, akhir: str) -> None:
    """Replace the punctuation at the end of `isi` with `akhir` (e.g. ";", "; dan", ":", ".")."""
    while isi and isinstance(isi[-1], Teks):
        terakhir = isi[-1]
        terakhir.teks = buang_tanda_baca(terakhir.teks)
        if terakhir.teks:
            break
        isi.pop()
    if isi and isinstance(isi[-1], Teks) and not isi[-1].miring and not isi[-1].tebal:
        isi[-1].teks += akhir
    else:
        isi.append(Teks(akhir))


def _akhiran_rincian(i: int, n: int, sambung: str, akhir: str) -> str:
    if i == n - 1:
        return akhir
    if i == n - 2 and sambung:
        return f"; {sambung}"
    return ";"


def _tata_daftar(daftar: Daftar, akhir: str, gaya: tuple[str, ...], kedalaman: int,
                 tempat: str) -> None:
    """Set markers and punctuation of `daftar` (at `kedalaman`, 1 = outermost) and its sub-lists.

    `akhir` is the ending of this list's last item; `tempat` describes where the list stands.
    """
    if kedalaman > KEDALAMAN_MAKS:
        raise KlausulError(
            f"daftar di {tempat} bertingkat lebih dari {KEDALAMAN_MAKS} "
            f"(a., 1., a), 1)); pecah menjadi ayat atau Pasal tersendiri"
        )
    pola = gaya[kedalaman - 1]
    n = len(daftar.butir)
    for i, butir in enumerate(daftar.butir):
        k = i + 1
        butir.tanda = (huruf(k) if pola[0] == "a" else str(k)) + pola[1]
        if daftar.jenis == "rincian":
            akhiran = _akhiran_rincian(i, n, daftar.sambung, akhir)
        else:  # "definisi", "kalimat": each item a sentence
            akhiran = "."
        if butir.daftar is not None and butir.daftar.butir:
            _akhiri(butir.isi, ":")
            _tata_daftar(butir.daftar, akhiran, gaya, kedalaman + 1,
                         f"{tempat} butir {butir.tanda}")
        else:
            _akhiri(butir.isi, akhiran)


def _tata_induk(isi: Inline, daftar: Daftar | None, tempat: str) -> None:
    """Punctuate an element that may own a list: lead ':' and its list, or a closing '.'."""
    if daftar is not None and daftar.butir:
        _akhiri(isi, ":")
        _tata_daftar(daftar, ".", GAYA_TANDA[daftar.jenis], 1, tempat)
    else:
        _akhiri(isi, ".")


def _tata_blok(blok: list, tempat: str) -> None:
    for b in blok:
        if isinstance(b, Daftar) and b.butir:
            _tata_daftar(b, ".", GAYA_TANDA[b.jenis], 1, tempat)


def _tanda_dan_tanda_baca(dok: Dokumen, tertata: Container[int] = ()) -> None:
    for p in semua_pasal(dok.batang_tubuh):
        for a in p.ayat:
            _tata_induk(a.isi, a.daftar, _uraian_ayat(p, a))
    for d in _semua_diktum(dok):
        if id(d) not in tertata:
            _tata_induk(d.isi, d.daftar, f"Diktum {d.nomor}")
    for lamp in dok.lampiran:
        _tata_blok(lamp.isi, _uraian_lampiran(lamp))
    _tata_blok(dok.isi, "naskah")


def _uraian_lampiran(lamp: Lampiran) -> str:
    return "Lampiran" + (f" {lamp.nomor}" if lamp.nomor else "")


# --- pass 3: references --------------------------------------------------------------------------


@dataclass(slots=True)
class _Konteks:
    """Where a Rujukan (or a labelled target) stands. `jalur` holds the list items from the outer
    one inwards; their words ("huruf b angka 1") are made only when a reference needs them."""

    pasal: Pasal | None = None
    ayat: Ayat | None = None
    diktum: Diktum | None = None
    lampiran: Lampiran | None = None
    jalur: tuple[Butir, ...] = ()

    @property
    def rantai(self) -> str:
        return " ".join(_jalur_butir(b.tanda) for b in self.jalur)


@dataclass
class _Sasaran:
    jenis: str  # "pasal", "ayat", "butir", "diktum"
    konteks: _Konteks

    def uraian(self) -> str:
        k = self.konteks
        if k.pasal is not None:
            s = f"Pasal {k.pasal.nomor}"
            if k.ayat is not None and k.ayat.nomor is not None:
                s += f" ayat ({k.ayat.nomor})"
            if k.pasal.sumber:
                s += f" [{k.pasal.sumber}]"
        elif k.diktum is not None:
            s = f"Diktum {k.diktum.nomor}"
        elif k.lampiran is not None:
            s = _uraian_lampiran(k.lampiran)
        else:
            s = "naskah"
        if k.jalur:
            s += " " + k.rantai
        return s


Unsur = Union[Pasal, Ayat, Butir, Diktum]


def _jalur_butir(tanda: str) -> str:
    nilai = tanda.rstrip(".)")
    # "7a" (inserted by an amendment after 7) is an angka, "d1" (after d) a huruf
    return f"{'angka' if nilai[:1].isdigit() else 'huruf'} {nilai}"


def _jelajah(dok: Dokumen) -> Iterator[tuple[Union[Unsur, Rujukan], _Konteks]]:
    """Yield every labelled-able element and every Rujukan with its context."""

    def inline(isi: Inline, k: _Konteks):
        for bagian in isi:
            if isinstance(bagian, Rujukan):
                yield bagian, k

    def daftar(d: Daftar, k: _Konteks):
        for b in d.butir:
            kb = _Konteks(k.pasal, k.ayat, k.diktum, k.lampiran, k.jalur + (b,))
            yield b, kb
            yield from inline(b.isi, kb)
            if b.daftar is not None:
                yield from daftar(b.daftar, kb)

    for p in semua_pasal(dok.batang_tubuh):
        kp = _Konteks(pasal=p)
        yield p, kp
        for a in p.ayat:
            ka = _Konteks(pasal=p, ayat=a)
            yield a, ka
            yield from inline(a.isi, ka)
            if a.daftar is not None:
                yield from daftar(a.daftar, ka)
    for dk in _semua_diktum(dok):
        kd = _Konteks(diktum=dk)
        yield dk, kd
        yield from inline(dk.isi, kd)
        if dk.daftar is not None:
            yield from daftar(dk.daftar, kd)

    def blok(bloks: list, k: _Konteks):
        for b in bloks:
            if isinstance(b, Daftar):
                yield from daftar(b, k)
            elif isinstance(b, Alinea):
                yield from inline(b.isi, k)

    for lamp in dok.lampiran:
        yield from blok(lamp.isi, _Konteks(lampiran=lamp))
    yield from blok(dok.isi, _Konteks())
    if dok.pembukaan is not None:
        pb = dok.pembukaan
        for isi in [*pb.menimbang, *pb.mengingat, *pb.memperhatikan]:
            yield from inline(isi, _Konteks())


def _frasa(s: _Sasaran, dari: _Konteks, r: Rujukan) -> str:
    t = s.konteks
    rantai = t.rantai
    if s.jenis == "pasal":
        return f"dalam Pasal {t.pasal.nomor}"
    if s.jenis == "ayat":
        if t.ayat.nomor is None:
            return f"dalam Pasal {t.pasal.nomor}"
        if dari.pasal is t.pasal:
            return f"pada ayat ({t.ayat.nomor})"
        return f"dalam Pasal {t.pasal.nomor} ayat ({t.ayat.nomor})"
    if s.jenis == "diktum":
        return f"dalam Diktum {t.diktum.nomor}"
    # a list item
    if t.pasal is not None:
        if dari.ayat is t.ayat:
            return f"pada {rantai}"
        if dari.pasal is t.pasal:
            return f"pada ayat ({t.ayat.nomor}) {rantai}"
        ayat = f" ayat ({t.ayat.nomor})" if t.ayat.nomor is not None else ""
        return f"dalam Pasal {t.pasal.nomor}{ayat} {rantai}"
    if t.diktum is not None:
        if dari.diktum is t.diktum:
            return f"pada {rantai}"
        return f"dalam Diktum {t.diktum.nomor} {rantai}"
    berkas, baris = pecah_sumber(r.sumber)
    raise KlausulError(
        f"rujukan [[{r.label}]] menunjuk butir {s.uraian()}; butir lampiran tidak dapat dirujuk "
        f"dengan \"sebagaimana dimaksud\"",
        berkas, baris,
    )


def _selesaikan_rujukan(dok: Dokumen) -> None:
    sasaran: dict[str, _Sasaran] = {}
    rujukan: list[tuple[Rujukan, _Konteks]] = []
    for unsur, k in _jelajah(dok):
        if isinstance(unsur, Rujukan):
            rujukan.append((unsur, k))
            continue
        if unsur.label is None:
            continue
        jenis = {Pasal: "pasal", Ayat: "ayat", Butir: "butir", Diktum: "diktum"}[type(unsur)]
        baru = _Sasaran(jenis, k)
        lama = sasaran.get(unsur.label)
        if lama is not None:
            raise KlausulError(
                f"label {{#{unsur.label}}} dipakai dua kali: pada {lama.uraian()} "
                f"dan pada {baru.uraian()}"
            )
        sasaran[unsur.label] = baru
    for r, k in rujukan:
        s = sasaran.get(r.label)
        if s is None:
            berkas, baris = pecah_sumber(r.sumber)
            raise KlausulError(
                f"rujukan [[{r.label}]] tidak dikenal: tidak ada Pasal, ayat, butir atau diktum "
                f"berlabel {{#{r.label}}}",
                berkas, baris,
            )
        r.teks = _frasa(s, k, r)
