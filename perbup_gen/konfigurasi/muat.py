"""Loading a district config: files -> one merged mapping -> validated `Konfigurasi`.

Layers, later wins (mappings merge key by key, lists are replaced whole):
1. `clauses/bawaan.yaml` (defaults from the juknis);
2. the main file (`kabupaten.yaml` in the config folder, or the file given);
3. every file named under `sertakan:` in the main file, in order (roster, overrides);
4. the roster spreadsheet named by `roster:` (CSV/XLSX) becomes `desa:`.
Every problem is collected and raised at once as ConfigError, each with file, line and field path.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from perbup_gen import jalur as jalur_paket
from perbup_gen.konfigurasi.model import Konfigurasi
from perbup_gen.konfigurasi.peraturan import Peraturan, muat_peraturan
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


def muat_bawaan() -> tuple[dict[str, Any], Posisi]:
    """The juknis defaults, the bottom layer of every config."""
    return muat_yaml(jalur_paket.KLAUSUL / "bawaan.yaml", "clauses/bawaan.yaml")


def muat_data(data: dict, folder: Path, nama: str = "<data>") -> HasilMuat:
    """A config given as Python data (e.g. generated for a benchmark) over the juknis defaults."""
    dasar, posisi = muat_bawaan()
    pos_data = Posisi()
    pos_data.catat((), Lokasi(nama))
    return validasi(_gabung(dasar, data, posisi, pos_data, ()), posisi, folder, [])


def muat_konfigurasi(sumber: Path | str) -> HasilMuat:
    """Load, merge and validate a district config folder or main file."""
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

    data, posisi = muat_bawaan()
    berkas = [utama]
    data_utama, pos_utama = muat_yaml(utama, _tampil(utama))
    if not isinstance(data_utama, dict):
        raise ConfigError([Masalah(pos_utama.cari(()), "isi berkas harus berupa pemetaan (kunci: nilai), bukan daftar atau teks")])
    sertakan = data_utama.pop("sertakan", []) or []
    if not isinstance(sertakan, list) or not all(isinstance(s, str) for s in sertakan):
        raise ConfigError([Masalah(pos_utama.cari(("sertakan",)), "'sertakan' harus berupa daftar nama berkas")])
    data = _gabung(data, data_utama, posisi, pos_utama, ())
    masalah: list[Masalah] = []
    for i, nama in enumerate(sertakan):
        path = (folder / nama)
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
        data = _gabung(data, tambahan, posisi, pos_tambahan, ())
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
        desa, pos_roster = baca_roster(path, _tampil(path))
        berkas.append(path)
        data["desa"] = desa
        posisi.perbarui(pos_roster, ("desa",))

    return validasi(data, posisi, folder, berkas)


def validasi(data: dict, posisi: Posisi, folder: Path, berkas: list[Path]) -> HasilMuat:
    """Validate merged config data (defaults included) and check it against the national list."""
    try:
        konfigurasi = Konfigurasi.model_validate(data)
    except ValidationError as e:
        raise ConfigError(_dari_pydantic(e, posisi)) from None

    data_peraturan, _ = muat_peraturan()
    peraturan = {k: Peraturan.model_validate(v) for k, v in data_peraturan.items()}
    hasil = HasilMuat(konfigurasi, folder, berkas, posisi, peraturan)
    for k, v in konfigurasi.perbup.dasar_hukum.tambahan.items():
        hasil.peraturan[k] = v
    for k, v in konfigurasi.sk_kpm.dasar_hukum.tambahan.items():
        hasil.peraturan[k] = v
    masalah = periksa_silang(hasil)
    if masalah:
        raise ConfigError(masalah)
    return hasil


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
    "decimal_parsing": "harus berupa angka (tanpa titik ribuan, mis. 1500000)",
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


def _dari_pydantic(e: ValidationError, posisi: Posisi) -> list[Masalah]:
    masalah = []
    for err in e.errors(include_url=False):
        jalur = tuple(err["loc"])
        # pydantic puts a validator's name into loc for tagged unions; keep str/int parts only
        jalur = tuple(p for p in jalur if isinstance(p, (str, int)))
        jenis = err["type"]
        ctx = err.get("ctx") or {}
        if jenis == "value_error":
            pesan = str(ctx.get("error", err["msg"]))
        elif jenis == "literal_error":
            pesan = f"nilai tidak diizinkan; pilih salah satu dari {ctx.get('expected', '')}".replace("'", "")
        elif jenis == "string_pattern_mismatch":
            pesan = f"bentuknya tidak sesuai; harus {_POLA.get(ctx.get('pattern', ''), ctx.get('pattern', ''))}"
        elif jenis == "too_short":
            pesan = f"paling sedikit {ctx.get('min_length', 1)} isian"
        elif jenis in _PESAN:
            pesan = _PESAN[jenis].format(**ctx)
        else:
            pesan = f"nilai tidak sah ({err['msg']})"
        if jenis not in ("missing",) and "input" in err and not isinstance(err["input"], (dict, list)):
            nilai = str(err["input"])
            if len(nilai) > 60:
                nilai = nilai[:57] + "..."
            pesan += f" (tertulis: {nilai!r})"
        masalah.append(Masalah(posisi.cari(jalur), pesan))
    return masalah


# --- checks across fields and against the national list ------------------------------------------


def periksa_silang(hasil: HasilMuat) -> list[Masalah]:
    from perbup_gen.konfigurasi.wilayah import DaftarWilayah

    k = hasil.konfigurasi
    lok = hasil.lokasi
    masalah: list[Masalah] = []
    wilayah = DaftarWilayah.muat()
    kab = wilayah.cari(k.kabupaten.kode)
    if kab is None or kab.tingkat != "kabupaten":
        masalah.append(Masalah(lok("kabupaten", "kode"), f"kode kabupaten {k.kabupaten.kode} tidak ada dalam daftar wilayah Kemendagri"))
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
        masalah.append(Masalah(lok("kabupaten", "dasar_pembentukan"), f"'{k.kabupaten.dasar_pembentukan}' tidak ada di tabel sitasi clauses/dasar_hukum.yaml maupun di dasar_hukum.tambahan"))
    for bagian in ("perbup", "sk_kpm"):
        for i, kunci in enumerate(getattr(k, bagian).dasar_hukum.pilih):
            if kunci not in hasil.peraturan:
                masalah.append(Masalah(lok(bagian, "dasar_hukum", "pilih", i), f"peraturan '{kunci}' tidak ada di tabel sitasi clauses/dasar_hukum.yaml maupun di dasar_hukum.tambahan"))

    if k.kabupaten.lambang and not (hasil.folder / k.kabupaten.lambang).is_file():
        masalah.append(Masalah(lok("kabupaten", "lambang"), f"berkas lambang tidak ditemukan: {k.kabupaten.lambang}"))
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

    sudah: dict[str, int] = {}
    for i, d in enumerate(k.desa):
        w = wilayah.cari(d.kode)
        if d.kode in sudah:
            masalah.append(Masalah(lok("desa", i, "kode"), f"desa {d.kode} tertulis dua kali (pertama di desa[{sudah[d.kode]}])"))
            continue
        sudah[d.kode] = i
        if w is None or not d.kode.startswith(k.kabupaten.kode + "."):
            masalah.append(Masalah(lok("desa", i, "kode"), f"kode desa {d.kode} tidak dikenal di {k.nama_kabupaten} (daftar wilayah Kemendagri)"))
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
    desa = [w for w in semua if w.tingkat == "desa"]
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

