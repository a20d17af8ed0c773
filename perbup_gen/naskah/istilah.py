"""Foreign terms in italics (Lampiran II): every whole-word occurrence of a listed term becomes
its own italic run. The list of terms is read by the clause library (`istilah_asing.txt`)."""
from __future__ import annotations

import re

from perbup_gen.naskah.model import Daftar, Diktum, Dokumen, Inline, Teks, semua_inline

__all__ = ["miringkan", "miringkan_diktum", "miringkan_inline", "pola_istilah"]


def pola_istilah(istilah: list[str]) -> re.Pattern[str] | None:
    """One regex matching any of the terms as a whole word (None when there are none)."""
    if not istilah:
        return None
    return re.compile(r"(?<![\w*])(" + "|".join(re.escape(i) for i in sorted(istilah, key=len, reverse=True))
                      + r")(?!\w)", re.IGNORECASE)


def miringkan_inline(isi: Inline, pola: re.Pattern[str] | None) -> None:
    """Split the plain Teks runs of `isi` so that every match of `pola` is its own italic run.
    In place; text without a match is left as it is (no new runs)."""
    if pola is None:
        return
    for bagian in isi:
        if isinstance(bagian, Teks) and not bagian.miring and pola.search(bagian.teks):
            break
    else:
        return
    baru = []
    for bagian in isi:
        if not isinstance(bagian, Teks) or bagian.miring:
            baru.append(bagian)
            continue
        awal = 0
        for m in pola.finditer(bagian.teks):
            if m.start() > awal:
                baru.append(Teks(bagian.teks[awal:m.start()], tebal=bagian.tebal))
            baru.append(Teks(m.group(0), miring=True, tebal=bagian.tebal))
            awal = m.end()
        if awal < len(bagian.teks):
            baru.append(Teks(bagian.teks[awal:], tebal=bagian.tebal))
    isi[:] = baru


def _daftar(d: Daftar | None, pola: re.Pattern[str]) -> None:
    for b in d.butir if d else ():
        miringkan_inline(b.isi, pola)
        _daftar(b.daftar, pola)


def miringkan_diktum(d: Diktum, pola: re.Pattern[str] | None) -> None:
    """Italics in one diktum and its lists."""
    if pola is not None:
        miringkan_inline(d.isi, pola)
        _daftar(d.daftar, pola)


def miringkan(dok: Dokumen, pola: re.Pattern[str] | None) -> None:
    """Italics everywhere in the document."""
    if pola is None:
        return
    for isi in semua_inline(dok):
        miringkan_inline(isi, pola)
