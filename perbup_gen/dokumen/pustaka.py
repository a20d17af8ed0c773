"""The clause library of a district: the package's `clauses/` folder with the district's own
clause folder (`folder_klausul`) on top, and the YAML wording files read through it.

A later folder overrides an earlier one by relative path: the district's `perbup/030_x.md`
replaces the package's file of the same relative path, and its new files are added. Every file is
read here (clause text, YAML wording, the list of foreign terms) and handed on as text or data;
the clause language itself (`naskah.klausul`) never touches a file.
"""
from __future__ import annotations

import copy
import dataclasses
import os
from pathlib import Path
from typing import Any, Iterable

from perbup_gen.errors import ConfigError, KlausulError
from perbup_gen.jalur import KLAUSUL, tanda_berkas
from perbup_gen.konfigurasi.muat import HasilMuat
from perbup_gen.konfigurasi.yaml_muat import Posisi, baca_teks_berkas, muat_yaml
from perbup_gen.naskah.klausul import Klausul, klausul_dari_teks

__all__ = ["PustakaKlausul", "baca_klausul", "daftar_teks_yaml", "nama_tampil", "pustaka_klausul"]


def nama_tampil(p: Path) -> str:
    """A path as messages show it: relative to the working folder when inside it."""
    try:
        rel = os.path.relpath(p)
    except ValueError:  # another drive (Windows)
        return str(p)
    return str(p) if rel.startswith("..") else rel


def baca_klausul(jalur: Path, relatif: str | None = None) -> Klausul:
    """Read one clause file (UTF-8, size-bounded) and its front matter. A file read before and
    unchanged since (same size and time) is not read and parsed again; each caller gets a copy."""
    nama = nama_tampil(jalur)
    tanda = tanda_berkas(jalur)
    kunci = (str(jalur), nama, relatif, *tanda) if tanda else None
    k = _KLAUSUL.get(kunci) if kunci is not None else None
    if k is None:
        try:
            teks = baca_teks_berkas(jalur, nama)
        except ConfigError as e:  # too big, not UTF-8, unreadable: reported as a clause file
            m = e.masalah[0]
            raise KlausulError(f"berkas klausul tidak dapat dibaca: {m.pesan}", nama) from None
        k = klausul_dari_teks(teks, nama, relatif or jalur.name, jalur.stem)
        if kunci is not None:
            if len(_KLAUSUL) >= 512:
                _KLAUSUL.clear()
            _KLAUSUL[kunci] = k
    return dataclasses.replace(k, meta=copy.deepcopy(k.meta))


_KLAUSUL: dict[tuple, Klausul] = {}


class PustakaKlausul:
    """A clause library made of folders; a later folder overrides an earlier one by relative path."""

    def __init__(self, folders: Iterable[Path]):
        self.folders = [Path(f) for f in folders]

    def _peta(self, subfolder: str) -> dict[str, Path]:
        peta: dict[str, Path] = {}
        for folder in self.folders:
            dasar = folder / subfolder
            if not dasar.is_dir():
                continue
            for p in sorted(dasar.glob("*.md")):
                if p.name.lower() == "readme.md" or not p.is_file():
                    continue
                peta[f"{subfolder}/{p.name}"] = p
        return peta

    def klausul(self, subfolder: str) -> list[Klausul]:
        """The clause files of `subfolder`, read, ordered by (urutan, file name)."""
        daftar = [baca_klausul(p, rel) for rel, p in self._peta(subfolder).items()]
        daftar.sort(key=lambda k: (k.urutan, Path(k.relatif).name))
        dilihat: dict[str, Klausul] = {}
        for k in daftar:
            if k.id in dilihat:
                raise KlausulError(f"id klausul '{k.id}' juga dipakai oleh {dilihat[k.id].nama}", k.nama)
            dilihat[k.id] = k
        return daftar

    def id_klausul(self, subfolder: str) -> list[str]:
        """The ids of `subfolder`'s clauses in order (to check a config's `nonaktif` list)."""
        return [k.id for k in self.klausul(subfolder)]

    def cari(self, relatif: str) -> Path:
        """One file by relative path ("perbup/pembukaan.yaml"), the last folder holding it wins."""
        for folder in reversed(self.folders):
            p = folder / relatif
            if p.is_file():
                return p
        raise KlausulError(f"berkas klausul '{relatif}' tidak ditemukan di "
                           + ", ".join(nama_tampil(f) for f in self.folders))

    def baca_yaml(self, relatif: str) -> tuple[Any, Posisi, str]:
        """A YAML wording file (the district's copy wins): data, positions, display name. A file
        read before and unchanged since (same size and time) is not parsed again (a national
        batch prepares 434 districts from the same package files); each caller gets its copy."""
        jalur = self.cari(relatif)
        nama = nama_tampil(jalur)
        tanda = tanda_berkas(jalur)
        kunci = (str(jalur), nama, *tanda) if tanda else None
        try:
            if kunci is not None and kunci in _YAML:
                data, posisi = _YAML[kunci]
            else:
                data, posisi = muat_yaml(jalur, nama)
                if kunci is not None:
                    if len(_YAML) >= 128:
                        _YAML.clear()
                    _YAML[kunci] = (data, posisi)
        except ConfigError as e:  # a clause file, not the district config: report it as such
            m = e.masalah[0]
            raise KlausulError(m.pesan, m.lokasi.berkas or nama, m.lokasi.baris) from None
        data = copy.deepcopy(data)
        salinan = Posisi()
        salinan._peta = dict(posisi._peta)
        posisi = salinan
        if not isinstance(data, dict):
            raise KlausulError("isi berkas harus berupa pemetaan (kunci: nilai)", nama, 1)
        return data, posisi, nama

    def istilah_asing(self) -> list[str]:
        """Foreign terms printed in italics wherever they occur (Lampiran II), from
        `istilah_asing.txt` (one term a line, '#' comments)."""
        jalur = self.cari("istilah_asing.txt")
        try:
            teks = baca_teks_berkas(jalur, nama_tampil(jalur))
        except ConfigError as e:
            raise KlausulError(e.masalah[0].pesan, nama_tampil(jalur)) from None
        return [b.strip() for b in teks.splitlines() if b.strip() and not b.lstrip().startswith("#")]


_YAML: dict[tuple, tuple[Any, Posisi]] = {}


def pustaka_klausul(hasil: HasilMuat) -> PustakaKlausul:
    """The package's clause library with the district's clause folder (if any) on top."""
    folder = [KLAUSUL]
    if hasil.konfigurasi.folder_klausul:
        folder.append(hasil.folder / hasil.konfigurasi.folder_klausul)
    return PustakaKlausul(folder)


def sumber_yaml(posisi: Posisi, jalur: tuple, nama: str) -> str:
    """"file:line" of a value of a YAML wording file, for messages and Rujukan.sumber."""
    lok = posisi.cari(jalur, nama)
    return f"{nama}:{lok.baris}" if lok.baris else nama


def daftar_teks_yaml(data: dict, posisi: Posisi, nama: str, kunci: str) -> list[tuple[str, str]]:
    """`kunci` of a YAML wording file as a list of (text, "file:line") pairs; refuses anything else."""
    nilai = data.get(kunci)
    if not isinstance(nilai, list) or not nilai:
        lok = posisi.cari((kunci,))
        raise KlausulError(f"'{kunci}' harus berupa daftar teks yang tidak kosong", nama, lok.baris)
    hasil = []
    for i, butir in enumerate(nilai):
        lok = posisi.cari((kunci, i))
        if not isinstance(butir, str) or not butir.strip():
            raise KlausulError(f"butir {kunci} ke-{i + 1} harus berupa teks", nama, lok.baris)
        hasil.append((butir, f"{nama}:{lok.baris}" if lok.baris else nama))
    return hasil


def teks_yaml(data: dict, posisi: Posisi, nama: str, kunci: str) -> tuple[str, str]:
    """`kunci` of a YAML wording file as one non-empty text and its "file:line"."""
    nilai = data.get(kunci)
    if not isinstance(nilai, str) or not nilai.strip():
        raise KlausulError(f"kunci '{kunci}' harus berupa templat teks", nama, posisi.cari((kunci,)).baris)
    return nilai, sumber_yaml(posisi, (kunci,), nama)
