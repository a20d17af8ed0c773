"""The status file `status.yaml` beside the config (optional, hand-editable): finished steps and
initials given.

    paraf:
      perbup:
        - {jabatan: Kepala Bagian Hukum, tanggal: 2025-04-20, oleh: Debora Lisanti}
      tim_penyusun: []
    tahapan:
      t1-tim: {selesai: 2025-01-20, catatan: Keputusan Bupati Nomor 12 Tahun 2025}

This module reads and validates its form (`baca_status`); whether the step codes and offices
exist is checked against the schedule and the paraf order by `proses.status`.
"""
from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import Any, Literal, Optional

from pydantic import Field, ValidationError, field_validator, model_validator

from perbup_gen.errors import ConfigError, Masalah
from perbup_gen.konfigurasi.model import Model
from perbup_gen.konfigurasi.muat import HasilMuat, _dari_pydantic, _tampil, periksa_karakter
from perbup_gen.konfigurasi.yaml_muat import Posisi, baca_teks_berkas, muat_yaml

BERKAS_STATUS = "status.yaml"
JenisDokumenParaf = Literal["perbup", "tim_penyusun"]  # the documents whose initials are recorded


def normal_jabatan(s: str) -> str:
    """Office titles compare case- and space-insensitively."""
    return " ".join(str(s).split()).casefold()


def _tanggal(v: Any) -> Any:
    if v is None or (isinstance(v, _dt.date) and not isinstance(v, _dt.datetime)):
        return v
    if isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v.strip()):
        try:
            return _dt.date.fromisoformat(v.strip())
        except ValueError:
            pass
    raise ValueError("harus berupa tanggal TTTT-BB-HH, mis. 2025-04-20")


class CatatanParaf(Model):
    jabatan: str = Field(min_length=1)
    tanggal: _dt.date
    oleh: Optional[str] = None  # who initialled, when not the holder named in the config

    _tgl = field_validator("tanggal", mode="before")(classmethod(lambda cls, v: _tanggal(v)))


class StatusParaf(Model):
    perbup: list[CatatanParaf] = Field(default_factory=list)
    tim_penyusun: list[CatatanParaf] = Field(default_factory=list)

    @field_validator("perbup", "tim_penyusun", mode="before")
    @classmethod
    def _kosong(cls, v: Any) -> Any:
        return [] if v is None else v


class CatatanTahap(Model):
    selesai: Optional[_dt.date] = None
    catatan: Optional[str] = None

    _tgl = field_validator("selesai", mode="before")(classmethod(lambda cls, v: _tanggal(v)))


class StatusProses(Model):
    """What status.yaml says: initials given and steps finished."""

    paraf: StatusParaf = Field(default_factory=StatusParaf)
    tahapan: dict[str, CatatanTahap] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _kosong(cls, v: Any) -> Any:
        if isinstance(v, dict):
            v = dict(v)
            for kunci in ("paraf", "tahapan"):
                if kunci in v and v[kunci] is None:
                    v[kunci] = {}
            # shorthand "t1-tim: 2025-01-20" for {selesai: 2025-01-20}
            if isinstance(v.get("tahapan"), dict):
                v["tahapan"] = {kode: ({"selesai": c} if not isinstance(c, dict) and c is not None else (c or {}))
                                for kode, c in v["tahapan"].items()}
        return v

    def paraf_untuk(self, dokumen: JenisDokumenParaf) -> list[CatatanParaf]:
        return getattr(self.paraf, dokumen)

    def cari_paraf(self, dokumen: JenisDokumenParaf, jabatan: str) -> CatatanParaf | None:
        n = normal_jabatan(jabatan)
        return next((c for c in self.paraf_untuk(dokumen) if normal_jabatan(c.jabatan) == n), None)

    def selesai(self, kode: str) -> _dt.date | None:
        c = self.tahapan.get(kode)
        return c.selesai if c else None


def jalur_status(hasil: HasilMuat) -> Path:
    return hasil.folder / BERKAS_STATUS


def _baris_kunci(teks: str, induk: str, kunci: str) -> int | None:
    """The line of `kunci:` inside the top-level block `induk:` (positions only record values)."""
    dalam = False
    pola = re.compile(r"^\s+['\"]?" + re.escape(kunci) + r"['\"]?\s*:")
    for i, baris in enumerate(teks.splitlines(), 1):
        if re.match(r"^" + re.escape(induk) + r"\s*:", baris):
            dalam = True
            continue
        if dalam and baris[:1] not in ("", " ", "#"):
            dalam = False
        if dalam and pola.match(baris):
            return i
    return None


def baca_status(hasil: HasilMuat) -> tuple[StatusProses, Posisi, str, str]:
    """Read `status.yaml` of the config folder: (status, positions, text, display name). An absent
    or comment-only file is an empty status. Raises ConfigError naming file, line and field."""
    path = jalur_status(hasil)
    nama = _tampil(path)
    if not path.exists():
        return StatusProses(), Posisi(), "", nama
    teks = baca_teks_berkas(path)
    if all(not b.strip() or b.lstrip().startswith("#") for b in teks.splitlines()):
        return StatusProses(), Posisi(), teks, nama
    data, pos = muat_yaml(path, nama)
    if not isinstance(data, dict):
        raise ConfigError([Masalah(pos.cari((), nama), "isi status.yaml harus berupa pemetaan dengan kunci 'paraf' dan 'tahapan'")])
    masalah = periksa_karakter(data, pos)
    try:
        status = StatusProses.model_validate(data)
    except ValidationError as e:
        masalah += _dari_pydantic(e, pos)
    if masalah:
        raise ConfigError(masalah)
    return status, pos, teks, nama
