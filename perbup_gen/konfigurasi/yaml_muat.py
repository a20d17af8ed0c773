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
import re
from pathlib import Path
from typing import Any

import yaml

from perbup_gen.errors import ConfigError, Lokasi, Masalah, alasan_os

Jalur = tuple  # a field path: ("desa", 12, "kpm", 0, "pendidikan")

UKURAN_MAKS = 20 * 1024 * 1024  # 20 MiB: a district config is a few hundred KiB at most
SIMPUL_MAKS = 2_000_000  # nodes built, aliases counted each time they are expanded
SIMPUL_ALIAS_MAKS = 50_000  # nodes built by expanding aliases (an alias bomb stops here, quickly)
KEDALAMAN_MAKS = 50  # nesting depth; a district config needs fewer than 10

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


def baca_bita_berkas(path: Path, nama: str | None = None) -> bytes:
    """The bytes of a config file (YAML, CSV), with Indonesian errors for a missing file, a folder,
    a device or pipe (which could block or never end), an oversized or unreadable file."""
    nama = nama or str(path)
    if not path.exists():
        raise ConfigError([Masalah(Lokasi(nama), "berkas tidak ditemukan")])
    if path.is_dir():
        raise ConfigError([Masalah(Lokasi(nama), "ini sebuah folder, bukan berkas")])
    if not path.is_file():
        raise ConfigError([Masalah(Lokasi(nama), "bukan berkas biasa (perangkat, pipa, atau soket)")])
    try:
        ukuran = path.stat().st_size
        if ukuran > UKURAN_MAKS:
            raise ConfigError([Masalah(Lokasi(nama), _terlalu_besar(ukuran))])
        with open(path, "rb") as f:
            data = f.read(UKURAN_MAKS + 1)  # bounded even if the file grows while being read
    except OSError as e:
        raise ConfigError([Masalah(Lokasi(nama), f"berkas tidak dapat dibaca: {alasan_os(e)}")]) from None
    if len(data) > UKURAN_MAKS:
        raise ConfigError([Masalah(Lokasi(nama), _terlalu_besar(len(data)))])
    return data


def _terlalu_besar(ukuran: int) -> str:
    return f"berkas terlalu besar ({ukuran:,} bita; paling besar {UKURAN_MAKS:,} bita)".replace(",", ".")


def baca_teks_berkas(path: Path, nama: str | None = None) -> str:
    """Read a config file as UTF-8 text, with Indonesian errors for every way it can go wrong."""
    nama = nama or str(path)
    data = baca_bita_berkas(path, nama)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ConfigError([Masalah(Lokasi(nama), "berkas berenkode UTF-16; simpan ulang sebagai UTF-8 (mis. dari Notepad: Save As, Encoding UTF-8)")])
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
    teks = baca_teks_berkas(path, nama)
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
    except RecursionError:
        raise ConfigError([Masalah(Lokasi(nama), f"struktur bersarang terlalu dalam (paling dalam {KEDALAMAN_MAKS} tingkat)")]) from None
    except yaml.reader.ReaderError as e:
        baris = teks[: e.position].count("\n") + 1 if isinstance(e.position, int) else None
        kode = f"U+{e.character:04X}" if isinstance(e.character, int) else repr(e.character)
        raise ConfigError([Masalah(Lokasi(nama, baris), f"karakter kendali {kode} tidak boleh ada di berkas YAML")]) from None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        baris = mark.line + 1 if mark else None
        kolom = mark.column + 1 if mark else None
        raise ConfigError([Masalah(Lokasi(nama, baris, kolom), f"kesalahan sintaks YAML: {_terjemah_yaml(e)}")]) from None
    except yaml.YAMLError:
        raise ConfigError([Masalah(Lokasi(nama), "kesalahan sintaks YAML")]) from None
    if node is None:
        raise ConfigError([Masalah(Lokasi(nama, 1), "berkas kosong")])
    masalah: list[Masalah] = []
    hitung = [0, 0]  # nodes built, nodes built inside an expanded alias
    data = _bangun(node, (), nama, posisi, masalah, hitung, set(), False)
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
    "but found another document": "berkas memuat lebih dari satu dokumen YAML (baris '---'); satukan isinya",
    "expected <block end>, but found": "struktur tidak sah (periksa indentasi)",
    "found unhashable key": "kunci harus berupa teks",
    "while parsing a flow": "kurung [ ] atau { } tidak berpasangan",
}


def _terjemah_yaml(e: yaml.MarkedYAMLError) -> str:
    problem = (e.problem or "").strip()
    for en, idn in _SINTAKS.items():
        if problem.startswith(en) or (e.context or "").startswith(en):
            return idn
    return "penulisan YAML tidak sah di sini"  # PyYAML's own words are English; the line says where


def _bangun(node: yaml.Node, jalur: Jalur, nama: str, posisi: Posisi, masalah: list[Masalah], hitung: list[int],
            dilihat: set[int], alias: bool) -> Any:
    """Plain data from a node. `dilihat`: ids of the collection nodes built so far (one seen again
    is an alias being expanded); `alias`: we are inside such an expansion."""
    if hitung[0] > SIMPUL_MAKS or hitung[1] > SIMPUL_ALIAS_MAKS:
        return None  # already reported
    if isinstance(node, yaml.CollectionNode):
        if id(node) in dilihat:
            alias = True
        dilihat.add(id(node))
    hitung[0] += 1
    hitung[1] += alias
    if hitung[0] > SIMPUL_MAKS or hitung[1] > SIMPUL_ALIAS_MAKS:
        masalah.append(Masalah(_lokasi(nama, node, jalur), "berkas terlalu besar atau memakai alias/anchor berlebihan (alias bomb)"))
        return None
    if len(jalur) > KEDALAMAN_MAKS:
        if not any("bersarang terlalu dalam" in m.pesan for m in masalah):
            masalah.append(Masalah(_lokasi(nama, node, jalur), f"struktur bersarang terlalu dalam (paling dalam {KEDALAMAN_MAKS} tingkat)"))
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
            hasil[kunci] = _bangun(v_node, jalur + (kunci,), nama, posisi, masalah, hitung, dilihat, alias)
        return hasil
    if isinstance(node, yaml.SequenceNode):
        return [_bangun(n, jalur + (i,), nama, posisi, masalah, hitung, dilihat, alias) for i, n in enumerate(node.value)]
    return _skalar(node, jalur, nama, masalah)


_KONSTRUKTOR = yaml.SafeLoader("")
_SURROGAT = re.compile("[\ud800-\udfff]")


def _skalar(node: yaml.ScalarNode, jalur: Jalur, nama: str, masalah: list[Masalah]) -> Any:
    try:
        nilai = _KONSTRUKTOR.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, OverflowError):
        if node.tag == "tag:yaml.org,2002:int":
            pesan = "bilangan bulat tidak sah atau terlalu panjang"
        elif node.tag == "tag:yaml.org,2002:timestamp":
            pesan = f"tanggal tidak sah: {node.value!r} (tulis TTTT-BB-HH, mis. 2025-05-31)"
        else:
            pesan = "nilai tidak sah"
        masalah.append(Masalah(_lokasi(nama, node, jalur), pesan))
        return None
    if isinstance(nilai, str) and _SURROGAT.search(nilai):
        masalah.append(Masalah(_lokasi(nama, node, jalur), "teks memuat karakter tidak sah (surrogate \\uD800-\\uDFFF); tulis emoji dan huruf apa adanya, bukan dengan kode \\u"))
        return None
    if isinstance(nilai, _dt.datetime):
        return nilai.date()
    return nilai
