"""Safe YAML reading that remembers where every value stands.

PyYAML's safe loader silently keeps the last of two equal keys and expands aliases without bound.
Here we compose the node tree ourselves and build plain Python data from it, so that
- every value's position (file, line, column) is kept under its field path, for error messages;
- duplicate keys, non-standard tags (``!!python/...``, ``!custom``) and oversized alias expansion are
  errors, reported in Indonesian with file and line;
- scalars become str, int, float, bool, None or datetime.date only.
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError, Lokasi, Masalah

Jalur = tuple  # a field path: ("desa", 12, "kpm", 0, "pendidikan")

UKURAN_MAKS = 20 * 1024 * 1024  # 20 MiB: a district config is a few hundred KiB at most
SIMPUL_MAKS = 2_000_000  # nodes built, aliases counted each time they are expanded

_TAG_STANDAR = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


def teks_jalur(jalur: Jalur) -> str:
    """("desa", 12, "kpm", 0, "nama") -> "desa[12].kpm[0].nama"."""
    out = ""
    for bagian in jalur:
        if isinstance(bagian, int):
            out += f"[{bagian}]"
        else:
            out += ("." if out else "") + str(bagian)
    return out


class Posisi:
    """Field path -> Lokasi, for one or more files. Lookups fall back to the nearest parent."""

    def __init__(self) -> None:
        self._peta: dict[Jalur, Lokasi] = {}

    def catat(self, jalur: Jalur, lokasi: Lokasi) -> None:
        self._peta[tuple(jalur)] = lokasi

    def perbarui(self, lain: "Posisi", awalan: Jalur = ()) -> None:
        for jalur, lokasi in lain._peta.items():
            self._peta[tuple(awalan) + jalur] = lokasi

    def buang_awalan(self, awalan: Jalur) -> None:
        n = len(awalan)
        for jalur in [j for j in self._peta if j[:n] == tuple(awalan)]:
            del self._peta[jalur]

    def cari(self, jalur: Jalur, cadangan: str = "") -> Lokasi:
        jalur = tuple(jalur)
        for n in range(len(jalur), -1, -1):
            lok = self._peta.get(jalur[:n])
            if lok is not None:
                return Lokasi(lok.berkas, lok.baris, lok.kolom, teks_jalur(jalur))
        return Lokasi(cadangan, None, None, teks_jalur(jalur))


def _lokasi(berkas: str, node: yaml.Node, jalur: Jalur) -> Lokasi:
    m = node.start_mark
    return Lokasi(berkas, m.line + 1, m.column + 1, teks_jalur(jalur))


def baca_teks_berkas(path: Path) -> str:
    """Read a config file as UTF-8 text, with Indonesian errors for every way it can go wrong."""
    nama = str(path)
    if not path.exists():
        raise ConfigError([Masalah(Lokasi(nama), "berkas tidak ditemukan")])
    if path.is_dir():
        raise ConfigError([Masalah(Lokasi(nama), "ini sebuah folder, bukan berkas YAML")])
    try:
        ukuran = path.stat().st_size
        if ukuran > UKURAN_MAKS:
            raise ConfigError([Masalah(Lokasi(nama), f"berkas terlalu besar ({ukuran:,} bita; paling besar {UKURAN_MAKS:,} bita)".replace(",", "."))])
        data = path.read_bytes()
    except OSError as e:
        raise ConfigError([Masalah(Lokasi(nama), f"berkas tidak dapat dibaca: {e.strerror}")]) from None
    if b"\x00" in data:
        raise ConfigError([Masalah(Lokasi(nama), "berkas biner, bukan teks YAML")])
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        baris = data[: e.start].count(b"\n") + 1
        raise ConfigError(
            [Masalah(Lokasi(nama, baris), "berkas bukan UTF-8; simpan ulang sebagai UTF-8 (mis. dari Notepad: Save As, Encoding UTF-8)")]
        ) from None


def muat_yaml(path: Path, tampil: str | None = None) -> tuple[Any, Posisi]:
    """Load one YAML file. Returns (data, posisi). Raises ConfigError with every problem found.

    `tampil` is the file name shown in messages (default: the path as given).
    """
    nama = tampil or str(path)
    teks = baca_teks_berkas(path)
    posisi = Posisi()
    if not teks.strip() or all(
        not b.strip() or b.lstrip().startswith("#") for b in teks.splitlines()
    ):
        raise ConfigError([Masalah(Lokasi(nama, 1), "berkas kosong")])
    for i, baris in enumerate(teks.splitlines(), 1):
        isi = baris[: len(baris) - len(baris.lstrip(" \t"))]
        if "\t" in isi:
            raise ConfigError(
                [Masalah(Lokasi(nama, i, isi.index("\t") + 1), "indentasi memakai karakter TAB; YAML hanya menerima spasi")]
            )
    try:
        node = yaml.compose(teks, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        baris = mark.line + 1 if mark else None
        kolom = mark.column + 1 if mark else None
        raise ConfigError([Masalah(Lokasi(nama, baris, kolom), f"kesalahan sintaks YAML: {_terjemah_yaml(e)}")]) from None
    except yaml.YAMLError as e:
        raise ConfigError([Masalah(Lokasi(nama), f"kesalahan sintaks YAML: {e}")]) from None
    if node is None:
        raise ConfigError([Masalah(Lokasi(nama, 1), "berkas kosong")])
    masalah: list[Masalah] = []
    hitung = [0]
    data = _bangun(node, (), nama, posisi, masalah, hitung)
    if masalah:
        raise ConfigError(masalah)
    return data, posisi


_SINTAKS = {
    "mapping values are not allowed here": "tanda ':' tidak boleh di sini (periksa indentasi atau beri tanda kutip pada nilai)",
    "could not find expected ':'": "tanda ':' yang diharapkan tidak ditemukan",
    "found character '\\t' that cannot start any token": "karakter TAB tidak boleh dipakai",
    "did not find expected key": "kunci yang diharapkan tidak ditemukan (periksa indentasi)",
    "found undefined alias": "alias tidak dikenal",
    "did not find expected '-' indicator": "tanda '-' yang diharapkan tidak ditemukan (periksa indentasi daftar)",
    "found unexpected end of stream": "berkas berakhir sebelum waktunya (tanda kutip atau kurung belum ditutup?)",
    "expected <document start>, but found '<block mapping start>'": "struktur dokumen tidak sah (periksa indentasi)",
    "found unknown escape character": "karakter escape tidak dikenal dalam teks berkutip",
    "while scanning a quoted scalar": "tanda kutip belum ditutup",
}


def _terjemah_yaml(e: yaml.MarkedYAMLError) -> str:
    problem = (e.problem or "").strip()
    for en, idn in _SINTAKS.items():
        if problem.startswith(en) or (e.context or "").startswith(en):
            return idn
    return problem or str(e)


def _bangun(node: yaml.Node, jalur: Jalur, nama: str, posisi: Posisi, masalah: list[Masalah], hitung: list[int]) -> Any:
    hitung[0] += 1
    if hitung[0] > SIMPUL_MAKS:
        if hitung[0] == SIMPUL_MAKS + 1:
            masalah.append(Masalah(_lokasi(nama, node, jalur), "berkas terlalu besar atau memakai alias/anchor berlebihan (alias bomb)"))
        return None
    posisi.catat(jalur, _lokasi(nama, node, jalur))
    if node.tag not in _TAG_STANDAR:
        masalah.append(Masalah(_lokasi(nama, node, jalur), f"tag YAML '{node.tag}' tidak diizinkan"))
        return None
    if isinstance(node, yaml.MappingNode):
        hasil: dict[str, Any] = {}
        awal: dict[str, yaml.Node] = {}
        for k_node, v_node in node.value:
            if k_node.tag == "tag:yaml.org,2002:merge":
                masalah.append(Masalah(_lokasi(nama, k_node, jalur), "kunci gabungan '<<' tidak didukung; tuliskan nilainya langsung"))
                continue
            if not isinstance(k_node, yaml.ScalarNode):
                masalah.append(Masalah(_lokasi(nama, k_node, jalur), "kunci harus berupa teks"))
                continue
            kunci = str(k_node.value)
            if kunci in awal:
                sebelum = awal[kunci].start_mark.line + 1
                masalah.append(Masalah(_lokasi(nama, k_node, jalur + (kunci,)), f"kunci '{kunci}' ditulis dua kali (pertama di baris {sebelum})"))
                continue
            awal[kunci] = k_node
            hasil[kunci] = _bangun(v_node, jalur + (kunci,), nama, posisi, masalah, hitung)
        return hasil
    if isinstance(node, yaml.SequenceNode):
        return [_bangun(n, jalur + (i,), nama, posisi, masalah, hitung) for i, n in enumerate(node.value)]
    return _skalar(node, jalur, nama, masalah)


_KONSTRUKTOR = yaml.SafeLoader("")


def _skalar(node: yaml.ScalarNode, jalur: Jalur, nama: str, masalah: list[Masalah]) -> Any:
    try:
        nilai = _KONSTRUKTOR.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError) as e:
        masalah.append(Masalah(_lokasi(nama, node, jalur), f"nilai tidak sah: {e}"))
        return None
    if isinstance(nilai, _dt.datetime):
        return nilai.date()
    return nilai
