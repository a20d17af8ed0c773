"""The lenient path behind `build --draf`: a config with gaps (fresh from `init`, a roster half
typed) still gives every document, with "..." where a name, number or date is missing.

`isi_kekosongan` fills every gap the strict validation would refuse (a required value absent or
left empty, an `ISI` placeholder such as `jumlah: 0`) with a stand-in and records it; anything else
(a wrong code, an unknown column, a word where a number belongs) stays an error, reported exactly as
the strict path reports it. After validation `pasang_titik` writes "..." over the stand-ins that are
not text (a sex, an education level, an amount), so no invented value reaches a document. The
strict path (`validate`, `build`) never calls this module.
"""
from __future__ import annotations

import copy
import datetime as _dt
import types
import typing
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ValidationError

from perbup_gen.errors import Masalah
from perbup_gen.konfigurasi.model import Konfigurasi
from perbup_gen.konfigurasi.yaml_muat import Posisi

__all__ = ["TITIK", "Celah", "Kekurangan", "isi_kekosongan", "pasang_titik"]

TITIK = "..."
PUTARAN_MAKS = 12  # nested gaps (a whole section missing) are filled one level per round

_HAPUS = object()  # stand-in meaning "leave the optional field out"

# stand-ins for text fields whose validator refuses "..." (they are overwritten by "..." afterwards)
_PENGGANTI_TEKS = {"pendidikan": "SLTA", "pendidikan_minimal": "SLTA"}


# one gap: where it is (file, line, field) and what the strict validation said about it
Celah = Masalah


@dataclass
class Kekurangan:
    """What a draft config lacks: the config fields filled with "..." (`isian`). Per-desa gaps
    (Kepala Desa, KPM, decree number) are read from the config itself (proses/draf.py)."""

    isian: list[Celah] = field(default_factory=list)
    titik: list[tuple] = field(default_factory=list)  # paths whose stand-in becomes "..."


def _kosong(nilai: Any) -> bool:
    return nilai is None or (isinstance(nilai, str) and not nilai.strip()) or nilai == [] or nilai == {}


def _celah(err: dict) -> bool:
    """Is this validation error a gap (nothing given) rather than a wrong value?"""
    jenis = err["type"]
    if jenis == "missing":
        return True
    nilai = err.get("input")
    if _kosong(nilai):
        return True
    # `init` writes `jumlah: 0  # ISI` for amounts that must be filled
    return jenis in ("greater_than", "greater_than_equal") and nilai in (0, "0")


def _buka(ann: Any) -> tuple[Any, bool]:
    """(the annotation without Optional, whether None is allowed)."""
    asal = typing.get_origin(ann)
    if asal in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(ann) if a is not type(None)]
        return (args[0] if len(args) == 1 else ann), len(args) < len(typing.get_args(ann))
    return ann, False


def _anotasi(jalur: tuple) -> tuple[Any, Any, bool] | None:
    """The type expected at `jalur` of a Konfigurasi: (annotation, FieldInfo, optional)."""
    model: Any = Konfigurasi
    ann: Any = None
    info = None
    opsional = False
    for bagian in jalur:
        if isinstance(bagian, str):
            if not (isinstance(model, type) and issubclass(model, BaseModel)):
                if typing.get_origin(model) is dict:
                    ann, opsional = _buka(typing.get_args(model)[1])
                    model = ann
                    continue
                return None
            info = model.model_fields.get(bagian) or next(
                (f for f in model.model_fields.values() if f.alias == bagian), None)
            if info is None:
                return None
            ann, opsional = _buka(info.annotation)
        else:
            if typing.get_origin(model) is not list:
                return None
            ann, opsional = _buka(typing.get_args(model)[0])
        model = ann
    return ann, info, opsional


def _batas(info) -> Decimal:
    """A number that satisfies the field's bounds (a stand-in only, overwritten by "...")."""
    nilai = Decimal(1)
    for m in getattr(info, "metadata", []) or []:
        if getattr(m, "gt", None) is not None:
            nilai = max(nilai, Decimal(str(m.gt)) + 1)
        if getattr(m, "ge", None) is not None:
            nilai = max(nilai, Decimal(str(m.ge)))
    return nilai


def _pengganti(jalur: tuple, sudah_titik: bool) -> tuple[Any, bool] | None:
    """(stand-in value, whether it must become "..." after validation), or None: not fillable."""
    hasil = _anotasi(jalur)
    if hasil is None:
        return None
    ann, info, opsional = hasil
    asal = typing.get_origin(ann)
    if opsional:
        return _HAPUS, False
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return {}, False
    if asal is list:
        anak, _ = _buka(typing.get_args(ann)[0])
        if anak is str:
            return [TITIK], False
        if isinstance(anak, type) and issubclass(anak, BaseModel):
            return [{}], False
        return None
    if asal is typing.Literal:
        return typing.get_args(ann)[0], True
    if ann is str:
        if sudah_titik:  # "..." refused by the field's validator or pattern
            nama = next((b for b in reversed(jalur) if isinstance(b, str)), "")
            return (_PENGGANTI_TEKS[nama], True) if nama in _PENGGANTI_TEKS else None
        return TITIK, False
    if ann in (int, Decimal, float):
        n = _batas(info)
        return (int(n) if ann is int else n), True
    if ann is _dt.date:
        return _dt.date(2000, 1, 1), True
    return None



def _ambil(data: Any, jalur: tuple) -> Any:
    for b in jalur:
        try:
            data = data[b]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _pasang(data: Any, jalur: tuple, nilai: Any) -> bool:
    induk = _ambil(data, jalur[:-1])
    akhir = jalur[-1]
    if isinstance(induk, dict) and isinstance(akhir, str):
        if nilai is _HAPUS:
            induk.pop(akhir, None)
        else:
            induk[akhir] = nilai
        return True
    if isinstance(induk, list) and isinstance(akhir, int) and 0 <= akhir < len(induk):
        induk[akhir] = None if nilai is _HAPUS else nilai
        return True
    return False


_PESAN_CELAH = {
    "missing": "belum diisi",
}


def isi_kekosongan(data: dict, posisi: Posisi) -> tuple[dict, Kekurangan]:
    """A copy of the merged config data with every gap filled, and the list of gaps."""
    data = copy.deepcopy(data)
    kurang = Kekurangan()
    diisi: dict[tuple, Any] = {}
    for _ in range(PUTARAN_MAKS):
        try:
            Konfigurasi.model_validate(data)
            break
        except ValidationError as e:
            baru = 0
            for err in e.errors(include_url=False):
                jalur = tuple(p for p in err["loc"] if isinstance(p, (str, int)))
                sudah_titik = diisi.get(jalur) == TITIK
                if not (_celah(err) or sudah_titik) or diisi.get(jalur, _HAPUS) not in (_HAPUS, TITIK):
                    continue
                pilihan = _pengganti(jalur, sudah_titik)
                if pilihan is None:
                    continue
                nilai, jadi_titik = pilihan
                if not _pasang(data, jalur, nilai):
                    continue
                diisi[jalur] = nilai
                baru += 1
                if jadi_titik:
                    kurang.titik.append(jalur)
                if not sudah_titik and not isinstance(nilai, (dict, list)):
                    kurang.isian.append(Celah(posisi.cari(jalur), _PESAN_CELAH.get(err["type"], "belum diisi")))
                elif isinstance(nilai, list) and nilai == [TITIK]:
                    kurang.isian.append(Celah(posisi.cari(jalur), "belum diisi"))
            if not baru:
                break  # what is left is not a gap: the strict validation reports it
    return data, kurang


def pasang_titik(k: Konfigurasi, kurang: Kekurangan) -> None:
    """Write "..." over the non-text stand-ins of a validated draft config (no validation on
    assignment: the documents print "..." there)."""
    for jalur in kurang.titik:
        obj: Any = k
        for b in jalur[:-1]:
            obj = obj[b] if isinstance(b, int) else getattr(obj, b, None)
            if obj is None:
                break
        else:
            akhir = jalur[-1]
            if isinstance(akhir, str) and hasattr(obj, akhir):
                setattr(obj, akhir, TITIK)


def tanda_draf() -> str:
    """The draft mark and its explanation (clauses/draf.yaml), as Dokumen.draf wants them."""
    from perbup_gen import jalur as jalur_paket
    from perbup_gen.konfigurasi.yaml_muat import muat_yaml

    data, _ = muat_yaml(jalur_paket.KLAUSUL / "draf.yaml", "clauses/draf.yaml")
    return f"{data['tanda']}\n{data['keterangan']}"
