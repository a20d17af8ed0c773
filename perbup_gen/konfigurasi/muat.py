"""Loading a district config: files -> one merged mapping -> validated `Konfigurasi`.

Layers, later wins (mappings merge key by key, lists are replaced whole):
1. `clauses/bawaan.yaml` (defaults from the juknis);
2. the main file (`kabupaten.yaml` in the config folder, or the file given);
3. every file named under `sertakan:` in the main file, in order (roster, overrides);
4. the roster spreadsheet named by `roster:` (CSV/XLSX) becomes `desa:`.
Every problem is collected and raised at once as ConfigError, each with file, line and field path.
"""
from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from perbup_gen import jalur as jalur_paket
from perbup_gen.konfigurasi.model import Desa, Kabupaten, Konfigurasi
from perbup_gen.konfigurasi.peraturan import Peraturan, tabel_paket, tumpuk
from perbup_gen.errors import ConfigError, Lokasi, Masalah
from perbup_gen.konfigurasi.yaml_muat import Posisi, muat_yaml

BERKAS_UTAMA = "kabupaten.yaml"


@dataclass
class HasilMuat:
    """A validated config with where it came from."""

    konfigurasi: Konfigurasi
    folder: Path  # the config folder: relative paths in the config are relative to it
    berkas: list[Path]  # every input file read (for the config hash)
    posisi: Posisi
    peraturan: dict[str, Peraturan] = field(default_factory=dict)  # citation table + local additions
    dirapikan: list = field(default_factory=list)  # rapikan.Perubahan: names tidied, for `check`
    draf: Any = None  # draf.Kekurangan when loaded for `build --draf` (gaps filled with "..."), else None
    # keys standing for the regulation of the config's fiscal year -> the key they resolved to
    # (None: the table has none for that year); resolved keys are also in `peraturan`
    alias: dict[str, str | None] = field(default_factory=dict)

    def lokasi(self, *jalur: Any) -> Lokasi:
        return self.posisi.cari(tuple(jalur))


def _tampil(path: Path) -> str:
    """A path as shown to the user: relative to the working folder when below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _gabung(dasar: Any, atas: Any, pos_dasar: Posisi, pos_atas: Posisi, jalur: tuple) -> Any:
    """Merge `atas` over `dasar` (mappings key by key, anything else replaced), moving positions."""
    if isinstance(dasar, dict) and isinstance(atas, dict):
        hasil = dict(dasar)
        for k, v in atas.items():
            if k in hasil:
                hasil[k] = _gabung(hasil[k], v, pos_dasar, pos_atas, jalur + (k,))
            else:
                hasil[k] = v
                _pindah(pos_dasar, pos_atas, jalur + (k,))
        return hasil
    _pindah(pos_dasar, pos_atas, jalur)
    return atas


def _pindah(pos_dasar: Posisi, pos_atas: Posisi, jalur: tuple) -> None:
    pos_dasar.buang_awalan(jalur)
    for j, lok in pos_atas._peta.items():
        if j[: len(jalur)] == jalur:
            pos_dasar.catat(j, lok)


def muat_bawaan(lapisan: list[Any] = ()) -> tuple[dict[str, Any], Posisi]:
    """The juknis defaults, the bottom layer of every config, in the words of the region the
    district's layers `lapisan` name (`kabupaten.kode`, `sebutan:`): the package's bawaan.yaml writes
    "{{ sebutan.desa }}", "{{ peraturan_kepala_daerah }}" where a Gampong's Perwal needs "Gampong",
    "Peraturan Wali Kota". Only this package file is rendered; a district's values never are."""
    kode, timpa = "00.00", {}
    for d in lapisan:
        kab = d.get("kabupaten") if isinstance(d, dict) else None
        if isinstance(kab, dict) and isinstance(kab.get("kode"), str) and re.fullmatch(r"\d{2}\.\d{2}", kab["kode"]):
            kode = kab["kode"]
        sb = d.get("sebutan") if isinstance(d, dict) else None
        if isinstance(sb, dict):
            for k, v in sb.items():
                if isinstance(v, list) and all(isinstance(x, str) for x in v):
                    timpa[k] = " | ".join(v) if v else "-"
                elif isinstance(v, str):
                    timpa[k] = v
    kunci_berkas = jalur_paket.tanda_berkas(jalur_paket.KLAUSUL / "bawaan.yaml")
    data, posisi = _bawaan_daerah(kunci_berkas, kode, tuple(sorted(timpa.items())))
    salinan = Posisi()
    salinan._peta = dict(posisi._peta)
    return copy.deepcopy(data), salinan


@functools.lru_cache(maxsize=2)
def _bawaan_mentah(_kunci) -> tuple[dict[str, Any], Posisi]:
    return muat_yaml(jalur_paket.KLAUSUL / "bawaan.yaml", "clauses/bawaan.yaml")


@functools.lru_cache(maxsize=128)
def _bawaan_daerah(kunci_berkas, kode: str, timpa: tuple) -> tuple[dict[str, Any], Posisi]:
    """The defaults rendered for a region's names; computed once per distinct file content, region
    and names (a national batch loads 514 districts). Never changed by the caller (copied)."""
    from perbup_gen.konfigurasi.sebutan import sebutan_daerah
    from perbup_gen.naskah.klausul import polos, render_teks

    data, posisi = _bawaan_mentah(kunci_berkas)
    s = sebutan_daerah(kode, dict(timpa))
    kd = s.kepala_daerah
    konteks = {"sebutan": polos(s.konteks()), "kepala_daerah": kd, "peraturan_kepala_daerah": f"Peraturan {kd}",
               "keputusan_kepala_daerah": f"Keputusan {kd}", "kota": s.kota}

    def render(x: Any, jalur: tuple) -> Any:
        if isinstance(x, str) and "{" in x:
            lok = posisi.cari(jalur)
            return render_teks(x, konteks, f"{lok.berkas}:{lok.baris}" if lok.baris else lok.berkas)
        if isinstance(x, dict):
            return {k: render(v, jalur + (k,)) for k, v in x.items()}
        if isinstance(x, list):
            return [render(v, jalur + (i,)) for i, v in enumerate(x)]
        return x

    return render(data, ()), posisi


def muat_data(data: dict, folder: Path, nama: str = "<data>") -> HasilMuat:
    """A config given as Python data (e.g. generated for a benchmark) over the juknis defaults."""
    dasar, posisi = muat_bawaan([data])
    pos_data = Posisi()
    pos_data.catat((), Lokasi(nama))
    return validasi(_gabung(dasar, data, posisi, pos_data, ()), posisi, folder, [])


def _di_dalam(folder: Path, nama: str) -> bool:
    """True when the relative name `nama` stays inside `folder` (no absolute path, no "..", no
    symbolic link leading out)."""
    p = Path(nama)
    if p.is_absolute() or ".." in p.parts or p.drive:
        return False
    try:
        (folder / p).resolve().relative_to(folder.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _rujukan_di_luar(data: dict, posisi: Posisi, folder: Path) -> list[Masalah]:
    """Files named by the config (roster, emblem, Word template, clause folder) that lie outside
    the config folder."""
    masalah = []
    kabupaten = data.get("kabupaten")
    for jalur, nilai in ((("roster",), data.get("roster")),
                         (("kabupaten", "lambang"), kabupaten.get("lambang") if isinstance(kabupaten, dict) else None),
                         (("templat_word",), data.get("templat_word")),
                         (("folder_klausul",), data.get("folder_klausul"))):
        if isinstance(nilai, str) and nilai and not _di_dalam(folder, nilai):
            masalah.append(Masalah(posisi.cari(jalur), f"hanya berkas di dalam folder konfigurasi yang boleh dirujuk; '{nilai}' berada di luarnya"))
    return masalah


def muat_konfigurasi(sumber: Path | str, terkurung: bool = False, draf: bool = False) -> HasilMuat:
    """Load, merge and validate a district config folder or main file.

    `terkurung`: every file the config names (sertakan, roster, lambang, templat_word,
    folder_klausul) must lie inside the config folder; used where the config itself is untrusted
    and the folder is all it may see (the web app). `draf=True` (for `build --draf`) fills the
    gaps with "..." and records them instead of refusing them."""
    sumber = Path(sumber)
    if sumber.is_dir():
        utama = sumber / BERKAS_UTAMA
        if not utama.exists():
            raise ConfigError([Masalah(Lokasi(_tampil(sumber)), f"folder konfigurasi tidak berisi {BERKAS_UTAMA}")])
        folder = sumber
    else:
        if not sumber.exists():
            raise ConfigError([Masalah(Lokasi(_tampil(sumber)), "berkas atau folder konfigurasi tidak ditemukan")])
        utama = sumber
        folder = sumber.parent

    berkas = [utama]
    data_utama, pos_utama = muat_yaml(utama, _tampil(utama))
    if not isinstance(data_utama, dict):
        raise ConfigError([Masalah(pos_utama.cari(()), "isi berkas harus berupa pemetaan (kunci: nilai), bukan daftar atau teks")])
    sertakan = data_utama.pop("sertakan", []) or []
    if not isinstance(sertakan, list) or not all(isinstance(s, str) for s in sertakan):
        raise ConfigError([Masalah(pos_utama.cari(("sertakan",)), "'sertakan' harus berupa daftar nama berkas")])
    lapisan: list[tuple[dict, Posisi]] = [(data_utama, pos_utama)]
    masalah: list[Masalah] = []
    for i, nama in enumerate(sertakan):
        path = (folder / nama)
        if terkurung and not _di_dalam(folder, nama):
            masalah.append(Masalah(pos_utama.cari(("sertakan", i)), f"hanya berkas di dalam folder konfigurasi yang boleh disertakan; '{nama}' berada di luarnya"))
            continue
        try:
            tambahan, pos_tambahan = muat_yaml(path, _tampil(path))
        except ConfigError as e:
            if not path.exists():
                masalah.append(Masalah(pos_utama.cari(("sertakan", i)), f"berkas yang disertakan tidak ditemukan: {nama}"))
            else:
                masalah.extend(e.masalah)
            continue
        if not isinstance(tambahan, dict):
            masalah.append(Masalah(pos_tambahan.cari(()), "isi berkas harus berupa pemetaan (kunci: nilai)"))
            continue
        berkas.append(path)
        lapisan.append((tambahan, pos_tambahan))
    if masalah:
        raise ConfigError(masalah)
    # the defaults in the region's words, then the district's files over them in order
    data, posisi = muat_bawaan([d for d, _ in lapisan])
    for d, pos in lapisan:
        data = _gabung(data, d, posisi, pos, ())

    if terkurung:
        masalah = _rujukan_di_luar(data, posisi, folder)
        if masalah:
            raise ConfigError(masalah)
    roster = data.get("roster")
    if isinstance(roster, str) and roster:
        from perbup_gen.konfigurasi.roster import baca_roster

        path = folder / roster
        if not path.exists():
            raise ConfigError([Masalah(posisi.cari(("roster",)), f"berkas roster tidak ditemukan: {roster}")])
        if data.get("desa"):
            raise ConfigError([Masalah(posisi.cari(("desa",)), "daftar desa ditulis di YAML dan juga di berkas roster; pilih salah satu")])
        roster_dibaca = baca_roster(path, _tampil(path))
        berkas.append(path)
        data["desa"] = roster_dibaca.desa
        posisi.perbarui(roster_dibaca.posisi, ("desa",))
        return validasi(data, posisi, folder, berkas, roster_dibaca.masalah,
                        {("desa",) + j for j in roster_dibaca.ditolak}, draf=draf)

    return validasi(data, posisi, folder, berkas, draf=draf)


def validasi(data: dict, posisi: Posisi, folder: Path, berkas: list[Path],
             masalah_awal: list[Masalah] | None = None, ditolak: set[tuple] | None = None,
             draf: bool = False) -> HasilMuat:
    """Validate merged config data (defaults included) and check it against the national list;
    then tidy the names (konfigurasi/rapikan.py). `draf` (for `build --draf`): gaps filled with
    "..." and recorded instead of refused (konfigurasi/draf.py).

    Every problem is reported at once: problems already found (`masalah_awal`, e.g. roster cells),
    refused characters, the schema's verdict on the config and on each desa on its own, and the
    checks against the national list for every desa that passed the schema, even when another
    part of the config did not. `ditolak`: field paths whose value was left out because its cell
    was already reported; they are not reported as missing too."""
    masalah = list(masalah_awal or [])
    masalah += periksa_karakter(data, posisi)
    kurang = None
    if draf:
        from perbup_gen.konfigurasi.draf import isi_kekosongan

        data, kurang = isi_kekosongan(data, posisi)
    desa_mentah = data.get("desa")
    if isinstance(desa_mentah, list):
        data = {**data, "desa": []}
    else:
        desa_mentah = []
    konfigurasi = None
    try:
        konfigurasi = Konfigurasi.model_validate(data)
    except ValidationError as e:
        masalah += _dari_pydantic(e, posisi, ditolak)
    desa_sah: list[tuple[int, Desa]] = []
    desa_cek: list[tuple[int, Any]] = []  # every desa whose code can be checked, valid or not
    for i, d in enumerate(desa_mentah):
        try:
            desa_sah.append((i, Desa.model_validate(d)))
            desa_cek.append(desa_sah[-1])
        except ValidationError as e:
            masalah += _dari_pydantic(e, posisi, ditolak, ("desa", i))
            mentah = _DesaMentah.dari(d)
            if mentah is not None:
                desa_cek.append((i, mentah))

    if konfigurasi is not None:
        konfigurasi.desa = [d for _, d in desa_sah]
        if kurang is not None and len(desa_sah) == len(desa_mentah):
            from perbup_gen.konfigurasi.draf import pasang_titik

            pasang_titik(konfigurasi, kurang)
        hasil = HasilMuat(konfigurasi, folder, berkas, posisi, draf=kurang)
        masalah += tabel_sitasi(hasil)
        if kurang is not None and konfigurasi.kabupaten.dasar_pembentukan == TITIK:
            hasil.peraturan[TITIK] = _pembentukan_draf(konfigurasi)
        masalah += periksa_silang(hasil, desa_cek)
    else:  # the desa can still be checked against the national list when the kabupaten is valid
        try:
            kabupaten = Kabupaten.model_validate(data.get("kabupaten"))
        except ValidationError:
            kabupaten = None
        if kabupaten is not None:
            masalah += _periksa_desa(kabupaten, desa_cek, lambda *j: posisi.cari(j))
    if masalah:
        raise ConfigError(_urutkan(masalah))
    from perbup_gen.konfigurasi.rapikan import rapikan_konfigurasi
    from perbup_gen.konfigurasi.wilayah import DaftarWilayah

    wilayah = DaftarWilayah.muat()

    def nama_resmi(kode: str) -> str | None:
        w = wilayah.cari(kode)
        return w.nama if w is not None else None

    hasil.dirapikan = rapikan_konfigurasi(konfigurasi, nama_resmi)
    return hasil


@dataclass
class _DesaMentah:
    """A desa entry that failed the schema, as far as the national-list checks need it (its code
    and name), so that a wrong name is reported together with the entry's other problems."""

    kode: str
    nama: str | None
    kepala_desa: Any = None
    kpm: Any = None
    apbdes: Any = None
    nomor_sk: Any = None

    @classmethod
    def dari(cls, d: Any) -> "_DesaMentah | None":
        import re

        from perbup_gen.konfigurasi.model import KODE_DESA

        if not isinstance(d, dict) or not isinstance(d.get("kode"), str) or not re.match(KODE_DESA, d["kode"]):
            return None
        nama = d.get("nama")
        return cls(d["kode"], nama.strip() if isinstance(nama, str) else None,
                   *(d.get(k) for k in ("kepala_desa", "kpm", "apbdes", "nomor_sk")))

    @property
    def kelurahan(self) -> bool:
        return self.kode.split(".")[3].startswith("1")


def _urutkan(masalah: list[Masalah]) -> list[Masalah]:
    """Problems in reading order (file, line, column), each once."""
    def kunci(m: Masalah):
        berkas = m.lokasi.berkas.split(" (sel ")[0]
        return (berkas, m.lokasi.baris or 0, m.lokasi.kolom or 0)

    return sorted(dict.fromkeys(masalah), key=kunci)


# --- characters no value may carry -----------------------------------------------------------------


def periksa_karakter(data: Any, posisi: Posisi) -> list[Masalah]:
    """Every text value and key holding a control, direction or invisible format character
    (jalur.KARAKTER_TERLARANG), with where it stands: file, line or cell, field, and the
    character's place in the value."""
    from perbup_gen.jalur import KARAKTER_TERLARANG, jenis_karakter

    masalah: list[Masalah] = []

    def periksa(teks: str, jalur: tuple, apa: str) -> None:
        m = KARAKTER_TERLARANG.search(teks)
        if m is None:
            return
        lain = len(KARAKTER_TERLARANG.findall(teks)) - 1
        tambahan = f" (dan {lain} karakter terlarang lain)" if lain else ""
        masalah.append(Masalah(posisi.cari(jalur), f"{jenis_karakter(m.group())} tidak boleh ada di {apa}: "
                               f"karakter ke-{m.start() + 1}{tambahan}; hapus karakter itu (tidak terlihat "
                               "atau mengubah arah teks) lalu ketik ulang bagian itu"))

    tumpukan: list[tuple[Any, tuple]] = [(data, ())]
    while tumpukan:
        nilai, jalur = tumpukan.pop()
        if isinstance(nilai, str):
            periksa(nilai, jalur, "nilai ini")
        elif isinstance(nilai, dict):
            for k, v in nilai.items():
                if isinstance(k, str):
                    periksa(k, jalur + (k,), "nama kunci ini")
                tumpukan.append((v, jalur + (k,)))
        elif isinstance(nilai, list):
            tumpukan.extend((v, jalur + (i,)) for i, v in enumerate(nilai))
    masalah.reverse()
    return masalah


TITIK = "..."


def _pembentukan_draf(k: Konfigurasi) -> Peraturan:
    """A stand-in citation for the law that formed the region, while a draft lacks it."""
    data, _ = muat_yaml(jalur_paket.KLAUSUL / "draf.yaml", "clauses/draf.yaml")
    teks = " ".join(str(data["dasar_pembentukan"]).split()).replace("{daerah}", k.nama_kabupaten)
    return Peraturan(jenis="UU", teks=teks, tahun=1945, diperiksa=False)  # earliest: sorts first


def tabel_sitasi(hasil: HasilMuat) -> list[Masalah]:
    """Fill `hasil.peraturan`: the package table, the district's `dasar_hukum.tambahan` entries,
    then its `peraturan:` layer (whole entries, or the fields it confirms of a package entry);
    resolve the fiscal-year aliases with the config's `tahun`."""
    k = hasil.konfigurasi
    data, paket, alias = tabel_paket()
    peraturan = dict(paket)
    for bagian in (k.perbup, k.sk_kpm):
        peraturan.update(bagian.dasar_hukum.tambahan)
    masalah: list[Masalah] = []
    for kunci, atas in k.peraturan.items():
        if kunci in alias:
            masalah.append(Masalah(hasil.lokasi("peraturan", kunci), f"'{kunci}' adalah kunci yang menunjuk "
                                   "peraturan menurut tahun anggaran; tulis kunci peraturannya sendiri"))
            continue
        try:
            peraturan[kunci] = Peraturan.model_validate(tumpuk(data.get(kunci), atas))
        except ValidationError as e:
            masalah += _dari_pydantic(e, hasil.posisi, awalan=("peraturan", kunci))
    hasil.peraturan = peraturan
    for nama, per_tahun in alias.items():
        tujuan = per_tahun.get(k.tahun)
        hasil.alias[nama] = tujuan if tujuan in peraturan else None
        if hasil.alias[nama]:
            peraturan[nama] = peraturan[tujuan]
    return masalah


# --- pydantic errors in Indonesian ---------------------------------------------------------------

_PESAN = {
    "missing": "wajib diisi",
    "extra_forbidden": "kolom tidak dikenal (salah ketik?)",
    "string_type": "harus berupa teks",
    "string_too_short": "tidak boleh kosong",
    "string_pattern_mismatch": "bentuknya tidak sesuai",
    "int_type": "harus berupa bilangan bulat",
    "int_parsing": "harus berupa bilangan bulat",
    "int_from_float": "harus berupa bilangan bulat",
    "decimal_type": "harus berupa angka",
    "decimal_parsing": "harus berupa angka, mis. 10 atau 12.5",
    "decimal_max_digits": "angkanya terlalu panjang",
    "decimal_max_places": "terlalu banyak angka di belakang koma",
    "decimal_whole_digits": "angkanya terlalu panjang",
    "finite_number": "harus berupa angka yang terhingga",
    "float_type": "harus berupa angka",
    "float_parsing": "harus berupa angka, mis. 10 atau 12.5",
    "int_parsing_size": "bilangan terlalu besar",
    "string_too_long": "terlalu panjang (paling banyak {max_length} karakter)",
    "string_unicode": "teks tidak sah",
    "too_long": "terlalu banyak isinya (paling banyak {max_length})",
    "date_from_datetime_inexact": "harus berupa tanggal tanpa jam",
    "datetime_type": "harus berupa tanggal TTTT-BB-HH",
    "tuple_type": "harus berupa daftar (baris-baris diawali '-')",
    "set_type": "harus berupa daftar (baris-baris diawali '-')",
    "enum": "nilai tidak diizinkan",
    "union_tag_invalid": "jenis tidak dikenal",
    "union_tag_not_found": "jenisnya belum ditulis",
    "is_instance_of": "jenis nilainya tidak sah",
    "none_required": "harus kosong",
    "assertion_error": "nilai tidak sah",
    "bool_type": "harus true atau false",
    "bool_parsing": "harus true atau false",
    "date_type": "harus berupa tanggal TTTT-BB-HH",
    "date_parsing": "harus berupa tanggal TTTT-BB-HH",
    "date_from_datetime_parsing": "harus berupa tanggal TTTT-BB-HH",
    "list_type": "harus berupa daftar (baris-baris diawali '-')",
    "dict_type": "harus berupa pemetaan (kunci: nilai)",
    "model_type": "harus berupa pemetaan (kunci: nilai)",
    "model_attributes_type": "harus berupa pemetaan (kunci: nilai)",
    "too_short": "terlalu sedikit isinya",
    "literal_error": "nilai tidak diizinkan",
    "greater_than": "harus lebih besar dari {gt}",
    "greater_than_equal": "paling kecil {ge}",
    "less_than_equal": "paling besar {le}",
    "less_than": "harus lebih kecil dari {lt}",
}

_POLA = {
    r"^\d{2}\.\d{2}$": "kode kabupaten seperti 62.10",
    r"^\d{2}\.\d{2}\.\d{2}$": "kode kecamatan seperti 62.10.01",
    r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$": "kode desa seperti 62.10.01.2002",
    r"^[a-z0-9][a-z0-9_-]*$": "huruf kecil, angka, '-' atau '_', mis. dpmd",
}


def _dari_pydantic(e: ValidationError, posisi: Posisi, ditolak: set[tuple] | None = None,
                   awalan: tuple = ()) -> list[Masalah]:
    """pydantic's errors in Indonesian, each at its file and line (its text and its links to
    pydantic's documentation are never shown). `awalan`: the path of the validated part."""
    masalah = []
    for err in e.errors(include_url=False):
        jalur = awalan + tuple(err["loc"])
        # pydantic puts a validator's name into loc for tagged unions; keep str/int parts only
        jalur = tuple(p for p in jalur if isinstance(p, (str, int)))
        jenis = err["type"]
        if ditolak and jenis == "missing" and jalur in ditolak:
            continue  # its cell was reported already
        ctx = err.get("ctx") or {}
        if jenis == "value_error":
            pesan = str(ctx.get("error", "nilai tidak sah"))  # our validators' own (Indonesian) words
        elif jenis == "literal_error":
            pilihan = str(ctx.get("expected", "")).replace("'", "").replace(" or ", " atau ")
            pesan = f"nilai tidak diizinkan; pilih salah satu dari {pilihan}"
        elif jenis == "string_pattern_mismatch":
            pesan = f"bentuknya tidak sesuai; harus {_POLA.get(ctx.get('pattern', ''), ctx.get('pattern', ''))}"
        elif jenis == "too_short":
            pesan = f"paling sedikit {ctx.get('min_length', 1)} isian"
        elif jenis in _PESAN:
            try:
                pesan = _PESAN[jenis].format(**ctx)
            except (KeyError, IndexError):
                pesan = _PESAN[jenis].split(" {")[0]
        else:
            pesan = "nilai tidak sah"
        if jenis not in ("missing",) and "input" in err and not isinstance(err["input"], (dict, list)):
            nilai = str(err["input"])
            if len(nilai) > 60:
                nilai = nilai[:57] + "..."
            pesan += f" (tertulis: {nilai!r})"
        masalah.append(Masalah(posisi.cari(jalur), pesan))
    return masalah


# --- checks across fields and against the national list ------------------------------------------


def periksa_silang(hasil: HasilMuat, desa: list[tuple[int, Any]] | None = None) -> list[Masalah]:
    """Checks across fields and against the national list. `desa`: (index in the input, desa) of
    the desa to check (default: all of the config)."""
    from perbup_gen.konfigurasi.wilayah import DaftarWilayah

    k = hasil.konfigurasi
    lok = hasil.lokasi
    masalah: list[Masalah] = []
    wilayah = DaftarWilayah.muat()
    kab = wilayah.cari(k.kabupaten.kode)
    if kab is None or kab.tingkat != "kabupaten":
        masalah.append(Masalah(lok("kabupaten", "kode"), f"kode kabupaten {k.kabupaten.kode} tidak ada dalam daftar wilayah Kemendagri"))
        return masalah
    from perbup_gen.konfigurasi.wilayah import pesan_tanpa_desa

    tanpa_desa = pesan_tanpa_desa(kab.kode, wilayah)
    if tanpa_desa:
        masalah.append(Masalah(lok("kabupaten", "kode"), tanpa_desa))
        return masalah

    kode_opd = [o.kode for o in k.opd]
    for i, kode in enumerate(kode_opd):
        if kode in kode_opd[:i]:
            masalah.append(Masalah(lok("opd", i, "kode"), f"kode OPD '{kode}' dipakai dua kali"))
    if k.opd_kode(k.pemrakarsa) is None:
        masalah.append(Masalah(lok("pemrakarsa"), f"OPD pemrakarsa '{k.pemrakarsa}' tidak ada di daftar opd (kode yang ada: {', '.join(kode_opd)})"))
    if k.koordinasi.koordinator_data and k.opd_kode(k.koordinasi.koordinator_data) is None:
        masalah.append(Masalah(lok("koordinasi", "koordinator_data"), f"OPD '{k.koordinasi.koordinator_data}' tidak ada di daftar opd"))

    if k.kabupaten.dasar_pembentukan not in hasil.peraturan:
        masalah.append(Masalah(lok("kabupaten", "dasar_pembentukan"), f"'{k.kabupaten.dasar_pembentukan}' tidak ada di tabel sitasi clauses/dasar_hukum.yaml maupun di peraturan (konfigurasi)"))
    for bagian in ("perbup", "sk_kpm"):
        for i, kunci in enumerate(getattr(k, bagian).dasar_hukum.pilih):
            if kunci not in hasil.peraturan and kunci not in hasil.alias:
                masalah.append(Masalah(lok(bagian, "dasar_hukum", "pilih", i), f"peraturan '{kunci}' tidak ada di tabel sitasi clauses/dasar_hukum.yaml maupun di peraturan (konfigurasi)"))
    for kunci, p in hasil.peraturan.items():
        for i, lain in enumerate(p.perubahan):
            if lain not in hasil.peraturan:
                masalah.append(Masalah(lok("peraturan", kunci, "perubahan", i) if kunci in k.peraturan else lok("peraturan"),
                                       f"rantai perubahan '{kunci}' menyebut '{lain}', yang tidak ada di tabel sitasi"))

    if k.kabupaten.lambang:
        masalah += _periksa_lambang(hasil.folder, k.kabupaten.lambang, lok("kabupaten", "lambang"))
    if k.templat_word and not (hasil.folder / k.templat_word).is_file():
        masalah.append(Masalah(lok("templat_word"), f"templat Word tidak ditemukan: {k.templat_word}"))
    if k.folder_klausul and not (hasil.folder / k.folder_klausul).is_dir():
        masalah.append(Masalah(lok("folder_klausul"), f"folder klausul tidak ditemukan: {k.folder_klausul}"))

    # the KPM task contract runs within the budget year (Dana Desa is yearly; quarters are counted in it)
    kt = k.kpm.kontrak
    mulai, selesai = k.masa_kontrak
    for nama, d in (("mulai", mulai), ("selesai", selesai)):
        if d.year != k.tahun:
            jalur = ("kpm", "kontrak", nama) if getattr(kt, nama) else ("sk_kpm", "tanggal")
            masalah.append(Masalah(lok(*jalur), f"masa kontrak tugas KPM harus di dalam tahun {k.tahun} (tahun anggaran); tertulis {d.isoformat()}"))
    if mulai > selesai:
        masalah.append(Masalah(lok("kpm", "kontrak"), f"kontrak tugas KPM berakhir ({selesai.isoformat()}) sebelum mulai ({mulai.isoformat()})"))

    kode_kec = {w.kode for w in wilayah.anak(k.kabupaten.kode)}
    for i, c in enumerate(k.kecamatan.daftar):
        if c.kode not in kode_kec:
            masalah.append(Masalah(lok("kecamatan", "daftar", i, "kode"), f"kecamatan {c.kode} bukan kecamatan di {k.nama_kabupaten}"))

    kode_desa = {d.kode for d in k.desa}
    for kode in k.buku_keputusan:
        if kode not in kode_desa:
            masalah.append(Masalah(lok("buku_keputusan", kode), f"desa {kode} tidak ada di daftar desa (roster) {k.nama_kabupaten}"))
        elif kode.split(".")[3].startswith("1"):
            masalah.append(Masalah(lok("buku_keputusan", kode), f"{kode} adalah kelurahan: kelurahan tidak mempunyai Buku Keputusan Kepala Desa"))

    return masalah + _periksa_desa(k.kabupaten, list(enumerate(k.desa)) if desa is None else desa, lok)


def _periksa_desa(kabupaten: Kabupaten, desa: list[tuple[int, Any]], lok) -> list[Masalah]:
    """Each desa against the national list: known code of this kabupaten, its name, written
    once, and no Kepala Desa, APBDes or KPM for a kelurahan. Fills a missing name."""
    from perbup_gen.konfigurasi.wilayah import DaftarWilayah

    wilayah = DaftarWilayah.muat()
    kab = wilayah.cari(kabupaten.kode)
    if kab is None or kab.tingkat != "kabupaten":
        return []
    nama_kabupaten = f"Kabupaten {kabupaten.nama}"
    masalah: list[Masalah] = []
    sudah: dict[str, int] = {}
    for i, d in desa:
        w = wilayah.cari(d.kode)
        if d.kode in sudah:
            masalah.append(Masalah(lok("desa", i, "kode"), f"desa {d.kode} tertulis dua kali (pertama di desa[{sudah[d.kode]}]); yang pertama di {lok('desa', sudah[d.kode], 'kode')}"))
            continue
        sudah[d.kode] = i
        if w is None or not d.kode.startswith(kabupaten.kode + "."):
            masalah.append(Masalah(lok("desa", i, "kode"), f"kode desa {d.kode} tidak dikenal di {nama_kabupaten} (daftar wilayah Kemendagri)"))
            continue
        if d.nama is None:
            d.nama = w.nama
        elif _sederhana(d.nama) != _sederhana(w.nama):
            masalah.append(Masalah(lok("desa", i, "nama"), f"nama desa '{d.nama}' tidak sesuai daftar Kemendagri untuk {d.kode}: '{w.nama}'"))
        if d.kelurahan:
            for kolom in ("kepala_desa", "kpm", "apbdes", "nomor_sk"):
                if getattr(d, kolom):
                    masalah.append(Masalah(lok("desa", i, kolom), f"{w.nama} adalah kelurahan: kelurahan tidak mempunyai Kepala Desa, APBDes, maupun KPM"))
    return masalah


_UKURAN_LAMBANG_MAKS = 5 * 1024 * 1024


def _periksa_lambang(folder: Path, lambang: str, lokasi: Lokasi) -> list[Masalah]:
    """The emblem is a readable PNG, JPEG or GIF of sensible size, checked once at validation
    rather than discovered per decree during the build."""
    from perbup_gen.errors import alasan_os
    from perbup_gen.konfigurasi.gambar import ukuran_gambar

    path = folder / lambang
    if not path.exists():
        return [Masalah(lokasi, f"berkas lambang tidak ditemukan: {lambang}")]
    if not path.is_file():
        return [Masalah(lokasi, f"lambang harus berupa berkas gambar, bukan folder atau perangkat: {lambang}")]
    try:
        if path.stat().st_size > _UKURAN_LAMBANG_MAKS:
            return [Masalah(lokasi, f"berkas lambang terlalu besar (paling besar 5 MB): {lambang}")]
        data = path.read_bytes()
    except OSError as e:
        return [Masalah(lokasi, f"berkas lambang tidak dapat dibaca: {alasan_os(e)}")]
    try:
        _, lebar, tinggi = ukuran_gambar(data)
    except ValueError as e:
        return [Masalah(lokasi, f"berkas lambang {lambang} {e}")]
    if not lebar or not tinggi:
        return [Masalah(lokasi, f"berkas lambang {lambang} rusak: ukuran gambarnya nol")]
    return []


def _sederhana(nama: str) -> str:
    return " ".join(nama.lower().split())


@dataclass
class Ringkasan:
    kecamatan: int
    desa: int
    kelurahan: int
    desa_di_roster: int
    kpm: int
    desa_tanpa_kpm: list[str]
    desa_tanpa_roster: list[str]


def ringkas(hasil: HasilMuat) -> Ringkasan:
    from perbup_gen.konfigurasi.wilayah import DaftarWilayah

    k = hasil.konfigurasi
    wilayah = DaftarWilayah.muat()
    semua = [w for w in wilayah.baris_kabupaten(k.kabupaten.kode)]
    kec = [w for w in semua if w.tingkat == "kecamatan"]
    desa = [w for w in semua if w.tingkat in ("desa", "desa_adat")]
    kel = [w for w in semua if w.tingkat == "kelurahan"]
    di_roster = {d.kode for d in k.desa}
    roster_desa = k.desa_saja()
    return Ringkasan(
        kecamatan=len(kec),
        desa=len(desa),
        kelurahan=len(kel),
        desa_di_roster=len(roster_desa),
        kpm=sum(len(d.kpm) for d in roster_desa),
        desa_tanpa_kpm=[f"{d.kode} {d.nama}" for d in roster_desa if not d.kpm],
        desa_tanpa_roster=[f"{w.kode} {w.nama}" for w in desa if w.kode not in di_roster],
    )

