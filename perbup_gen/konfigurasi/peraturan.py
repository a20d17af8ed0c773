"""The citation table: the regulations a Mengingat may cite (`clauses/dasar_hukum.yaml`, plus a
district's local additions), and the order of the legal hierarchy (UU 12/2011 Pasal 7 and 8)
in which a Mengingat lists them."""
from __future__ import annotations

import datetime as _dt
from typing import Any, Literal, Optional

from pydantic import Field

from perbup_gen import jalur as jalur_paket
from perbup_gen.konfigurasi.dasar import Model, Teks
from perbup_gen.konfigurasi.yaml_muat import Posisi, muat_yaml

__all__ = ["HIERARKI", "Peraturan", "kunci_urut", "muat_peraturan"]

# Hierarchy of regulations (UU 12/2011 Pasal 7 and 8), for ordering Mengingat.
HIERARKI = ["UU", "PP", "Perpres", "Permen", "Perda", "Perbup", "Lainnya"]


class Peraturan(Model):
    """One entry of the citation table, or a local addition in the config."""

    jenis: Literal["UU", "PP", "Perpres", "Permen", "Perda", "Perbup", "Lainnya"]
    teks: Teks = Field(min_length=1)  # full citation as it appears under Mengingat
    tanggal: Optional[_dt.date] = None  # for ordering within a level
    tahun: Optional[int] = None
    nomor: Optional[int] = None
    dicabut_oleh: Optional[str] = None  # key of the regulation that revoked it
    diubah: list[str] = Field(default_factory=list)  # keys of amendments already folded into `teks`
    diperiksa: bool = True  # False: recalled, not yet checked against the gazette


def kunci_urut(p: Peraturan) -> tuple:
    tanggal = p.tanggal or (_dt.date(p.tahun, 1, 1) if p.tahun else _dt.date.max)
    return (HIERARKI.index(p.jenis), tanggal, p.nomor or 0)


def muat_peraturan() -> tuple[dict[str, Any], Posisi]:
    return muat_yaml(jalur_paket.KLAUSUL / "dasar_hukum.yaml", "clauses/dasar_hukum.yaml")
