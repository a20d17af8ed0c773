"""Abbreviations spelled out at their first use, for documents without a Pasal 1 (a Keputusan).

The config's wording (KPM tasks, incentive criteria) uses the Perbup's defined terms ("RKP Desa",
"1.000 HPK"); a Keputusan Kepala Desa has no definitions, so the first time such an abbreviation
appears it is written "Rencana Kerja Pemerintah Desa (RKP Desa)", and plainly afterwards. The list
of abbreviations and their long forms is wording: `clauses/<subfolder>/singkatan.yaml`. An
abbreviation already introduced by the text itself ("... yang selanjutnya disingkat KPM", or
"(KPM)") is left alone.
"""
from __future__ import annotations

import re
from typing import Iterable

from perbup_gen.errors import KlausulError
from perbup_gen.naskah.model import Daftar, Diktum, Inline, Teks

__all__ = ["Pengurai", "baca_singkatan"]


def baca_singkatan(pustaka, subfolder: str, konteks: dict | None = None) -> dict[str, str]:
    """`<subfolder>/singkatan.yaml` of the clause library, else the shared `singkatan.yaml` (the
    district's copy wins): {ABBR: long form}; empty when neither exists. Keys and values may be
    templates of the region's words ("{{ sebutan.apb_desa }}"), rendered with `konteks`; a pair
    whose abbreviation is its long form (a name without abbreviation) is left out."""
    for relatif in (f"{subfolder}/singkatan.yaml", "singkatan.yaml"):
        try:
            pustaka.cari(relatif)
        except KlausulError:
            continue
        break
    else:
        return {}
    data, posisi, nama = pustaka.baca_yaml(relatif)
    peta = data.get("singkatan") or {}
    if not isinstance(peta, dict) or not all(isinstance(k, str) and isinstance(v, str) and v.strip()
                                             for k, v in peta.items()):
        raise KlausulError("'singkatan' harus berupa pemetaan singkatan: kepanjangan (teks)", nama,
                           posisi.cari(("singkatan",)).baris)
    hasil = {}
    for k, v in peta.items():
        k, v = str(k).strip(), " ".join(v.split())
        if konteks is not None and ("{" in k or "{" in v):
            from perbup_gen.naskah.klausul import TemplatBaris

            lok = posisi.cari(("singkatan", k)).baris
            sumber = f"{nama}:{lok}" if lok else nama
            k, v = TemplatBaris(k, konteks, sumber).teks().strip(), TemplatBaris(v, konteks, sumber).teks().strip()
        if k and k != v and "{" not in k:
            hasil[k] = v
    return hasil


class Pengurai:
    """Spells out, in reading order, the first use of each abbreviation of `peta`."""

    def __init__(self, peta: dict[str, str]):
        self.peta = peta
        if peta:
            alt = "|".join(re.escape(k) for k in sorted(peta, key=len, reverse=True))
            self.pola = re.compile(r"(?<![\w.])(" + alt + r")(?![\w])")
            self.pola_kenal = re.compile(r"(?:\(|disingkat\s+|disebut\s+)(" + alt + r")(?![\w])")
        else:
            self.pola = None

    def terapkan(self, isi_berurut: Iterable[Inline]) -> None:
        if self.pola is None:
            return
        dikenal: set[str] = set()
        semua = len(self.peta)
        for isi in isi_berurut:
            if len(dikenal) >= semua and all(s in dikenal for s in self.peta):
                return  # every abbreviation spelled out (or introduced) already
            for bagian in isi:
                if not isinstance(bagian, Teks) or bagian.miring:
                    continue
                t = bagian.teks
                if not self.pola.search(t):
                    continue
                dikenal.update(self.pola_kenal.findall(t))

                def ganti(m: re.Match) -> str:
                    s = m.group(1)
                    if s in dikenal:
                        return s
                    dikenal.add(s)
                    return f"{self.peta[s]} ({s})"

                bagian.teks = self.pola.sub(ganti, t)

    def terapkan_diktum(self, diktum: Iterable) -> None:
        """Every diktum text and list item, in order."""
        self.terapkan(_inline_diktum(diktum))


def _inline_daftar(d: Daftar | None) -> Iterable[Inline]:
    if d is None:
        return
    for b in d.butir:
        yield b.isi
        yield from _inline_daftar(b.daftar)


def _inline_diktum(diktum: Iterable) -> Iterable[Inline]:
    for d in diktum:
        if isinstance(d, Diktum):
            yield d.isi
            yield from _inline_daftar(d.daftar)
