"""A clause source: the text of one clause file with its front matter split off.

A clause file is UTF-8 text, optionally opening with YAML front matter between two `---` lines:
`id` (default the file stem), `urutan` (an int sort key, default the leading digits of the file
name or 0); any other key is kept in `Klausul.meta`. The front matter lines are blanked so that
line numbers stay the file's own. Reading files is the clause library's business
(`perbup_gen.dokumen.pustaka`); this module only parses text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from perbup_gen.errors import KlausulError

__all__ = ["Klausul", "klausul_dari_teks", "pisah_front_matter"]

FRONT_MATTER_MAKS = 20_000  # characters


@dataclass
class Klausul:
    """One clause. `isi` is the source with the front matter blanked (line numbers kept); `nama`
    is how messages name it (a file path relative to the working folder, or a description)."""

    nama: str
    relatif: str  # path relative to its library folder, e.g. "perbup/030_kewenangan_desa.md"
    id: str
    urutan: int
    isi: str
    meta: dict[str, Any] = field(default_factory=dict)


def _urutan_bawaan(stem: str) -> int:
    m = re.match(r"^(\d+)", stem)
    return int(m.group(1)) if m else 0


def pisah_front_matter(teks: str, nama: str) -> tuple[str, dict[str, Any]]:
    """Split off the YAML front matter; its lines become blank so line numbers are kept."""
    teks = teks.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    meta: dict[str, Any] = {}
    baris = teks.split("\n")
    if baris and baris[0].strip() == "---":
        try:
            tutup = next(i for i in range(1, len(baris)) if baris[i].strip() == "---")
        except StopIteration:
            raise KlausulError("front matter YAML tidak ditutup dengan baris ---", nama, 1) from None
        sumber = "\n".join(baris[1:tutup])
        if len(sumber) > FRONT_MATTER_MAKS:
            raise KlausulError(f"front matter terlalu panjang (paling banyak {FRONT_MATTER_MAKS} karakter)",
                               nama, 2)
        try:
            data = yaml.safe_load(sumber) or {}
        except yaml.YAMLError as e:
            tanda = getattr(e, "problem_mark", None)
            n = tanda.line + 2 if tanda is not None else 1
            raise KlausulError(f"front matter YAML tidak sah: {getattr(e, 'problem', e)}",
                               nama, n) from None
        if not isinstance(data, dict):
            raise KlausulError("front matter harus berupa pasangan kunci: nilai", nama, 2)
        meta = dict(data)
        baris = [""] * (tutup + 1) + baris[tutup + 1:]
    return "\n".join(baris), meta


def klausul_dari_teks(teks: str, nama: str, relatif: str, stem: str) -> Klausul:
    """A Klausul from its text: `nama` for messages, `relatif` its library path, `stem` the file
    name without extension (default id and order)."""
    isi, meta = pisah_front_matter(teks, nama)
    id_ = meta.pop("id", stem)
    if not isinstance(id_, str) or not id_.strip():
        raise KlausulError("kunci 'id' pada front matter harus teks", nama, 2)
    urutan_ = meta.pop("urutan", _urutan_bawaan(stem))
    if isinstance(urutan_, bool) or not isinstance(urutan_, int):
        raise KlausulError("kunci 'urutan' pada front matter harus bilangan bulat", nama, 2)
    return Klausul(nama=nama, relatif=relatif, id=id_.strip(), urutan=urutan_, isi=isi, meta=meta)
