"""The clause language: Markdown-like clause files with Jinja, rendered in a sandbox and parsed
into document-model nodes. The format is described for drafters in clauses/README.md.

- `sumber`: a clause's text and front matter (`Klausul`);
- `kotak`: the sandbox (plain read-only data, no calls, bounded time and size);
- `templat`: compiling, binding to a context, rendering, line numbers, errors with file and line;
- `pengurai`: rendered lines -> Bab/Pasal/Ayat/Daftar/Diktum nodes.

The public API below is what builders use: compile once (`TemplatBerkas`, `TemplatBaris`), render
many times.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

from perbup_gen.naskah.klausul.kotak import Peta, polos
from perbup_gen.naskah.klausul.pengurai import LABEL, Badan, Pengurai, urai_inline
from perbup_gen.naskah.klausul.sumber import Klausul, klausul_dari_teks
from perbup_gen.naskah.klausul.templat import Templat, baris_render, bersih_sentinel
from perbup_gen.naskah.model import Inline, Teks, pecah_sumber, salin

__all__ = [
    "Badan",
    "Klausul",
    "LABEL",
    "Peta",
    "TemplatBaris",
    "TemplatBerkas",
    "klausul_dari_teks",
    "muat_badan",
    "pecah_sumber",
    "polos",
    "render_inline",
    "render_teks",
    "urai_teks",
]

_CACHE_MAKS = 4096


class TemplatBerkas:
    """One clause file compiled once and bound to its context.

    `render(**tambahan)` gives the rendered text (for `muat_badan`, which parses several files with
    one parser); `urai(**tambahan)` gives the file's own nodes, parsed once per distinct rendered
    text and copied on every call (a batch of decrees renders the same text for many desa).
    `olah`, when given, is applied once to each freshly parsed result (e.g. italics).
    """

    def __init__(self, k: Klausul, konteks: dict[str, Any],
                 olah: Callable[[list[Badan]], None] | None = None):
        self.klausul = k
        self.nama = k.nama
        self.templat = Templat(k.isi, konteks, k.nama, penanda=True)
        self._olah = olah
        self._urai: dict[str, list[Badan]] = {}

    def bergantung(self, nama: str) -> bool:
        return self.templat.bergantung(nama)

    def render(self, **tambahan: Any) -> str:
        return self.templat.render(**tambahan)

    def urai(self, **tambahan: Any) -> list[Badan]:
        teks = self.templat.render(**tambahan)
        hasil = self._urai.get(teks)
        if hasil is None:
            pengurai = Pengurai()
            pengurai.urai(baris_render(teks), self.nama)
            hasil = pengurai.hasil
            if self._olah is not None:
                self._olah(hasil)
            if len(self._urai) >= _CACHE_MAKS:
                self._urai.clear()
            self._urai[teks] = hasil
        return [salin(x) for x in hasil]


class TemplatBaris:
    """A one-line template (a Menimbang item or a definition from a YAML wording file), compiled
    once and bound to its context. `sumber` ("file.yaml:12") names it in messages and in the
    Rujukan it makes. A YAML string may span lines: they are joined by a space."""

    def __init__(self, sumber_teks: str, konteks: dict[str, Any], sumber: str):
        self.sumber = sumber
        self.berkas, self.baris = pecah_sumber(sumber)
        self.templat = Templat(sumber_teks, konteks, self.berkas, penanda=False, baris_tetap=self.baris)

    def bergantung(self, nama: str) -> bool:
        return self.templat.bergantung(nama)

    def _teks(self, tambahan: dict[str, Any]) -> str:
        hasil = self.templat.render(**tambahan)
        return " ".join(x.strip() for x in hasil.split("\n") if bersih_sentinel(x).strip())

    def inline(self, **tambahan: Any) -> Inline:
        """The line with `*miring*` and `[[label]]` parsed."""
        return urai_inline(self._teks(tambahan), self.sumber, self.berkas, self.baris)

    def teks(self, **tambahan: Any) -> str:
        """Plain text (italics dropped; `[[label]]` is an error)."""
        isi = urai_inline(self._teks(tambahan), self.sumber, self.berkas, self.baris, izinkan_rujukan=False)
        return "".join(t.teks for t in isi if isinstance(t, Teks))


def render_inline(template: str, konteks: dict, sumber: str) -> Inline:
    """Render one Jinja string (e.g. a Menimbang item from YAML) into an Inline."""
    return TemplatBaris(template, konteks, sumber).inline()


def render_teks(template: str, konteks: dict, sumber: str) -> str:
    """Like `render_inline` but plain text (italics dropped; `[[label]]` is an error)."""
    return TemplatBaris(template, konteks, sumber).teks()


def muat_badan(klausul: Iterable[Klausul], konteks: dict, nonaktif: Iterable[str] = ()) -> list[Badan]:
    """Render and parse clauses in order with one parser (BAB context carries over from file to
    file) -> body nodes. Clauses whose id is in `nonaktif` are skipped. Numbers are left to
    `penomoran.susun()`."""
    nonaktif = set(nonaktif)
    pengurai = Pengurai()
    for k in klausul:
        if k.id in nonaktif:
            continue
        teks = Templat(k.isi, konteks, k.nama, penanda=True).render()
        pengurai.urai(baris_render(teks), k.nama)
    return pengurai.hasil


def urai_teks(teks_klausul: str, konteks: dict, nama: str) -> list[Badan]:
    """Render and parse clause text not held in a file (tests, one-off clauses)."""
    return muat_badan([klausul_dari_teks(teks_klausul, nama, nama, "klausul")], konteks)
