"""The documents the check built, handed on to the build: `build` checks every document first
(and stops on errors), then renders the same documents. Builders are deterministic and renderers
only read a model, so the models the check built are the ones the build would build again.

Keys: "perbup", "tim_penyusun", ("sk", desa code), ("kontrak", desa code, KPM index); for a
revision ("revisi", bentuk) holds the whole plan (proses/ubah.RencanaRevisi: its documents, lines
and warnings), made with the `bentuk` the build asked for. `ambil` hands an entry over once and
forgets it, so a large roster's models are freed as they are written.
"""
from __future__ import annotations

from typing import Any, Hashable

from perbup_gen.naskah.model import Dokumen

__all__ = ["DokumenTerbangun"]


class DokumenTerbangun:
    def __init__(self) -> None:
        self._peta: dict[Hashable, Dokumen | Any] = {}

    def simpan(self, kunci: Hashable, dok: Dokumen | Any) -> None:
        self._peta[kunci] = dok

    def ambil(self, kunci: Hashable) -> Dokumen | Any | None:
        return self._peta.pop(kunci, None)
