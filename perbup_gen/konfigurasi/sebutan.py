"""The region's words: what the desa, its head, its deliberative body, its budget, the kecamatan
and its head, the village regulation and the hamlet are called in each province and kabupaten/kota,
the opening formula of a regulation and of a village decree, the office that signs the village
decree, the local name of the Dinas PMD, and how a kota spells its head ("Wali Kota"/"Walikota").

Facts, not code: `perbup_gen/data/sebutan.csv` (one row for the national terms, one per province,
one per kabupaten/kota that differs) and `perbup_gen/data/sebutan_desa.csv` (single desa that differ
from their kabupaten/kota: the 14 kampung adat of Kabupaten Jayapura, the negeri and desa of Kota
Ambon), both derived from ../shared/reference/sebutan/ with the source and confidence of each row.

Lookup: the national row, then the province row, then the kabupaten/kota row, then the desa row; an
empty cell inherits, "-" means "none" (no opening formula). Two pairs move together: a row that
names the head of the desa but not the decree office gives the decree to that head (Simeulue writes
"Kepala Desa" over Aceh's "Keuchik Gampong"), and the same for the desa and its budget, body and
regulation when only the desa is named. The district's config (`sebutan:`) overrides any name;
a name it writes counts as confirmed.

Every value carries its confidence: the row's `keyakinan`, unless `keyakinan_kolom` marks the
field ("apb_desa=rendah"). `perbup-gen check` warns for each name used whose confidence is
"sedang" or "rendah" until the district writes it in its config.
"""
from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any, Iterable, Mapping

__all__ = [
    "KOLOM", "KOLOM_DESA", "KataPesan", "LABEL", "Nilai", "Sebutan", "baris_desa", "kota", "nama_sendiri",
    "sebutan_daerah", "semua_istilah", "tabel_sebutan",
]

# the fields of a row, in file order (after kode and nama)
KOLOM = ("desa", "kepala_desa", "sekretaris_desa", "bpd", "apb_desa", "kecamatan", "kepala_kecamatan",
         "peraturan_desa", "dusun", "keputusan", "pembukaan", "pembukaan_desa", "dinas", "kepala_daerah")
# the fields a single desa may override
KOLOM_DESA = ("desa", "kepala_desa", "bpd", "apb_desa", "peraturan_desa", "keputusan")
YAKIN = ("tinggi", "sedang", "rendah")
RAGU = ("sedang", "rendah")
# what a field is called in a message
LABEL = {
    "desa": "sebutan desa", "kepala_desa": "sebutan kepala desa", "sekretaris_desa": "sebutan sekretaris desa",
    "bpd": "nama badan permusyawaratan desa", "apb_desa": "nama anggaran pendapatan dan belanja desa",
    "kecamatan": "sebutan kecamatan", "kepala_kecamatan": "sebutan camat", "peraturan_desa": "nama peraturan desa",
    "dusun": "sebutan dusun", "keputusan": "jabatan yang menetapkan keputusan desa",
    "pembukaan": "kalimat pembuka peraturan kepala daerah", "pembukaan_desa": "kalimat pembuka keputusan desa",
    "dinas": "nama Dinas PMD", "kepala_daerah": "ejaan kepala daerah kota",
}
# a field that inherits together with another: when a row names `kunci` but not the field, the field
# follows that row's `kunci` (apb/bpd/peraturan follow the desa's name only through the fallbacks
# below, because several rows name the desa and keep an inherited body on purpose)
_IKUT = {"keputusan": "kepala_desa"}


@dataclass(frozen=True)
class Nilai:
    """One resolved name: its text, the row it came from and how sure that row is of it."""

    teks: str
    kode: str  # "nasional", "11", "11.06", a desa code, or "konfigurasi"
    keyakinan: str  # tinggi | sedang | rendah | dikonfirmasi
    sumber: str = ""
    catatan: str = ""

    @property
    def ragu(self) -> bool:
        return self.keyakinan in RAGU


@dataclass(frozen=True)
class Baris:
    kode: str
    nama: str
    nilai: Mapping[str, str]
    keyakinan: str
    kolom_yakin: Mapping[str, str]
    sumber: str
    catatan: str

    def yakin(self, kolom: str) -> str:
        return self.kolom_yakin.get(kolom, self.keyakinan)


@dataclass(frozen=True)
class BarisDesa(Baris):
    nama_wilayah: str = ""
    jenis: str = ""


def _pisah_yakin(teks: str, asal: str) -> dict[str, str]:
    hasil = {}
    for bagian in filter(None, (b.strip() for b in teks.split(";"))):
        k, _, v = bagian.partition("=")
        k, v = k.strip(), v.strip()
        if k not in KOLOM or v not in YAKIN:
            raise ValueError(f"{asal}: keyakinan_kolom '{bagian}' tidak dikenal")
        hasil[k] = v
    return hasil


def _baca(nama: str) -> list[dict[str, str]]:
    data = resources.files("perbup_gen").joinpath("data", nama).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(data, newline="")))


@functools.lru_cache(maxsize=1)
def tabel_sebutan() -> tuple[dict[str, Baris], dict[str, BarisDesa]]:
    """The two tables, read once per process: {code: row} by region and by desa."""
    daerah: dict[str, Baris] = {}
    for i, r in enumerate(_baca("sebutan.csv"), 2):
        asal = f"perbup_gen/data/sebutan.csv baris {i}"
        if r["keyakinan"] not in YAKIN:
            raise ValueError(f"{asal}: keyakinan '{r['keyakinan']}' tidak dikenal")
        daerah[r["kode"]] = Baris(r["kode"], r["nama"], {k: r[k].strip() for k in KOLOM}, r["keyakinan"],
                                  _pisah_yakin(r["keyakinan_kolom"], asal), r["sumber"], r["catatan"])
    desa: dict[str, BarisDesa] = {}
    for i, r in enumerate(_baca("sebutan_desa.csv"), 2):
        asal = f"perbup_gen/data/sebutan_desa.csv baris {i}"
        nilai = {k: r.get(k, "").strip() for k in KOLOM_DESA}
        desa[r["kode"]] = BarisDesa(r["kode"], r["nama"], nilai, r["keyakinan"],
                                    _pisah_yakin(r["keyakinan_kolom"], asal), r["sumber"], r["catatan"],
                                    nama_wilayah=r["nama_wilayah"], jenis=r["jenis"])
    return daerah, desa


def kota(kode: str) -> bool:
    """A kota (not a kabupaten): the second group of its code is 71 or above (the national list
    names every such region "Kota ...")."""
    bagian = kode.split(".")
    return len(bagian) >= 2 and bagian[1].isdigit() and int(bagian[1]) >= 71


# --- the resolved names of one region ----------------------------------------------------------------


_KURUNG = re.compile(r"^(?P<panjang>.+?)\s*\((?P<singkat>[^()]+)\)\s*$")


def _pisah_singkatan(teks: str) -> tuple[str, str | None]:
    """"Badan Permusyawaratan Desa (BPD)" -> ("Badan Permusyawaratan Desa", "BPD")."""
    m = _KURUNG.match(teks)
    return (m.group("panjang").strip(), m.group("singkat").strip()) if m else (teks.strip(), None)


@dataclass(frozen=True)
class Sebutan:
    """The names in force for one kabupaten/kota (and, with a desa row, one desa), each with its
    origin. `kepala_daerah` is "Bupati", "Wali Kota" or "Walikota"."""

    nilai: Mapping[str, Nilai]
    kode: str
    kota: bool
    desa_khusus: str | None = None  # the desa code when a desa row applies
    nama_desa: str | None = None  # the desa's name from the desa row ("Kampung Adat Yoboi")

    def __getitem__(self, kolom: str) -> str:
        return self.nilai[kolom].teks

    @property
    def kepala_daerah(self) -> str:
        return self["kepala_daerah"]

    @property
    def nasional(self) -> bool:
        """Whether every village term is the national one (the documents read as before)."""
        return all(self.nilai[k].kode == "nasional" or self.nilai[k].teks == _NASIONAL.get(k)
                   for k in ("desa", "kepala_desa", "bpd", "apb_desa", "kecamatan", "kepala_kecamatan",
                             "peraturan_desa", "keputusan"))

    def pesan(self) -> "KataPesan":
        """The words CLI and check messages use for this region (or desa)."""
        return KataPesan(
            desa=self["desa"].lower(), desa_judul=self["desa"], kepala_desa=self["kepala_desa"],
            keputusan_desa=f"Keputusan {self['keputusan']}", musyawarah_desa=f"Musyawarah {self['desa']}",
            kecamatan=self["kecamatan"].lower(), kecamatan_judul=self["kecamatan"], kepala_daerah=self.kepala_daerah)

    def pembukaan(self) -> list[str]:
        """The opening formula of the regional head's regulation, one line per item."""
        return _baris(self["pembukaan"])

    def pembukaan_desa(self) -> list[str]:
        """The opening formula of the village decree (none nationally)."""
        return _baris(self["pembukaan_desa"])

    def ragu(self, dipakai: Iterable[str] | None = None) -> list[tuple[str, Nilai]]:
        """The names (of `dipakai`, default all) whose confidence is sedang or rendah."""
        kolom = KOLOM if dipakai is None else dipakai
        return [(k, self.nilai[k]) for k in kolom if k in self.nilai and self.nilai[k].ragu]

    def konteks(self) -> dict[str, Any]:
        """The plain data clause templates see as `sebutan` (mid-sentence forms):

        `desa` ("Desa", "Gampong", "Kampung Adat"), `kepala_desa`, `sekretaris_desa`,
        `pemerintah_desa` ("Pemerintah Gampong"), `pemerintahan_desa`, `musyawarah_desa`,
        `bpd` (the short form when there is one, else the name), `bpd_panjang`, `bpd_singkatan`
        (None when the name has no abbreviation), `apb_desa` ("APB Desa", "APBG", "APB Kampung"),
        `apb_desa_panjang`, `rkp_desa`, `rkp_desa_panjang`, `lkd` ("LKD", or the full name where the
        desa has another name), `lkd_panjang`, `kecamatan`, `camat`, `peraturan_desa`, `dusun`,
        `keputusan_desa` ("Keputusan Kepala Desa", "Keputusan Keuchik Gampong"), `jabatan_keputusan`
        ("Kepala Desa", "Keuchik Gampong"), `nasional` (True when every village term is national)."""
        desa = self["desa"]
        bpd_panjang, bpd_singkat = _pisah_singkatan(self["bpd"])
        apb_panjang, apb_singkat = _pisah_singkatan(self["apb_desa"])
        if apb_singkat is None:  # the regulation's own short form, from the name it abbreviates
            sisa = apb_panjang.removeprefix("Anggaran Pendapatan dan Belanja ").strip()
            apb_singkat = f"APB {sisa if sisa != apb_panjang else desa}"
        nasional_desa = desa == "Desa"
        lkd_panjang = f"Lembaga Kemasyarakatan {desa}"
        return {
            "desa": desa,
            "kepala_desa": self["kepala_desa"],
            "sekretaris_desa": self["sekretaris_desa"],
            "pemerintah_desa": f"Pemerintah {desa}",
            "pemerintahan_desa": f"Pemerintahan {desa}",
            "musyawarah_desa": f"Musyawarah {desa}",
            "bpd": bpd_singkat or bpd_panjang,
            "bpd_panjang": bpd_panjang,
            "bpd_singkatan": bpd_singkat,
            "apb_desa": apb_singkat,
            "apb_desa_panjang": apb_panjang,
            "rkp_desa": f"RKP {desa}",
            "rkp_desa_panjang": f"Rencana Kerja Pemerintah {desa}",
            "lkd": "LKD" if nasional_desa else lkd_panjang,
            "lkd_panjang": lkd_panjang,
            "kecamatan": self["kecamatan"],
            "camat": self["kepala_kecamatan"],
            "peraturan_desa": self["peraturan_desa"],
            "dusun": self["dusun"],
            "jabatan_keputusan": self["keputusan"],
            "keputusan_desa": f"Keputusan {self['keputusan']}",
            "nasional": self.nasional,
        }


@dataclass(frozen=True)
class KataPesan:
    """The region's words in a message (not in a document): `desa` is the common noun mid-sentence
    ("desa", "gampong", "nagari", "kalurahan", "kampung adat"), `desa_judul` its capitalised form
    before a name or at a heading ("Gampong 11.06.01.2004 ..."), `kepala_desa` the head's title
    ("Kepala Desa", "Keuchik", "Wali Nagari", "Lurah"), `keputusan_desa` the village decree
    ("Keputusan Kepala Desa", "Keputusan Keuchik Gampong"), `musyawarah_desa` ("Musyawarah Desa",
    "Musyawarah Gampong"), `kecamatan` mid-sentence ("kecamatan", "kapanewon", "distrik") and `kecamatan_judul`
    before a name ("Kapanewon Depok"), `kepala_daerah` ("Bupati", "Wali Kota", "Walikota")."""

    desa: str = "desa"
    desa_judul: str = "Desa"
    kepala_desa: str = "Kepala Desa"
    keputusan_desa: str = "Keputusan Kepala Desa"
    musyawarah_desa: str = "Musyawarah Desa"
    kecamatan: str = "kecamatan"
    kecamatan_judul: str = "Kecamatan"
    kepala_daerah: str = "Bupati"


_NASIONAL = {"desa": "Desa", "kepala_desa": "Kepala Desa", "bpd": "Badan Permusyawaratan Desa (BPD)",
             "apb_desa": "Anggaran Pendapatan dan Belanja Desa (APB Desa)", "kecamatan": "Kecamatan",
             "kepala_kecamatan": "Camat", "peraturan_desa": "Peraturan Desa", "keputusan": "Kepala Desa"}


def _baris(teks: str) -> list[str]:
    return [] if teks.strip() in ("", "-") else [b.strip() for b in teks.split("|") if b.strip()]


def _dari(b: Baris, kolom: str) -> Nilai:
    return Nilai(b.nilai[kolom], b.kode, b.yakin(kolom), b.sumber, b.catatan)


@functools.lru_cache(maxsize=1024)
def _sebutan_tabel(kode: str) -> Sebutan:
    daerah, _ = tabel_sebutan()
    is_kota = kota(kode)
    nilai: dict[str, Nilai] = {}
    rantai = [daerah["nasional"]] + [daerah[k] for k in (kode.split(".")[0], kode) if k in daerah]
    for b in rantai:
        ditulis = {k for k in KOLOM if b.nilai[k]}
        for k in ditulis:
            nilai[k] = _dari(b, k)
        for k, induk in _IKUT.items():
            if induk in ditulis and k not in ditulis:
                nilai[k] = replace(nilai[induk], keyakinan=b.yakin(k) if k in b.kolom_yakin else nilai[induk].keyakinan)
        # a field the row marks without writing it: the inherited value is doubted for this region
        for k, yakin in b.kolom_yakin.items():
            if k not in ditulis and k in nilai and b is not rantai[0]:
                nilai[k] = replace(nilai[k], keyakinan=yakin, kode=b.kode, sumber=b.sumber, catatan=b.catatan)
    if not is_kota:
        nilai["kepala_daerah"] = Nilai("Bupati", "nasional", "tinggi", daerah["nasional"].sumber)
    elif "kepala_daerah" not in nilai:
        nilai["kepala_daerah"] = Nilai("Wali Kota", "nasional", "rendah", daerah["nasional"].sumber,
                                       daerah["nasional"].catatan)
    return Sebutan(nilai, kode, is_kota)


def baris_desa(kode_desa: str) -> BarisDesa | None:
    """The row of a desa that differs from its kabupaten/kota, or None."""
    return tabel_sebutan()[1].get(kode_desa)


def nama_sendiri(kode_desa: str, nama: str) -> str:
    """A desa's name by its own term: a desa with a row of its own whose name is the one the national
    list writes with another term ("Desa Adat Yoboi") is called by its row's ("Kampung Adat Yoboi");
    any other name is returned as it is."""
    b = baris_desa(kode_desa)
    if b is not None and " ".join(nama.lower().split()) == " ".join(b.nama_wilayah.lower().split()):
        return b.nama
    return nama


def sebutan_daerah(kode: str, timpa: Mapping[str, Any] | None = None, kode_desa: str | None = None,
                   timpa_desa: Mapping[str, Any] | None = None) -> Sebutan:
    """The names in force for kabupaten/kota `kode` (and desa `kode_desa` when it has a row of its
    own), with the config's names `timpa` (field -> text; None or absent: the table's) and the
    config's names of that desa `timpa_desa` on top."""
    s = _sebutan_tabel(kode)
    nilai = dict(s.nilai)
    nama_desa = None
    khusus = None
    if kode_desa is not None:
        b = baris_desa(kode_desa)
        if b is not None:
            khusus, nama_desa = kode_desa, b.nama
            ditulis = {k for k in KOLOM_DESA if b.nilai[k]}
            for k in ditulis:
                nilai[k] = _dari(b, k)
            if "kepala_desa" in ditulis and "keputusan" not in ditulis:
                nilai["keputusan"] = replace(nilai["kepala_desa"], keyakinan=b.yakin("keputusan"))
            for k, yakin in b.kolom_yakin.items():
                if k not in ditulis and k in nilai:
                    nilai[k] = replace(nilai[k], keyakinan=yakin, kode=b.kode)
    if timpa:
        for k, v in timpa.items():
            if v is None or k not in KOLOM:
                continue
            teks = " | ".join(v) if isinstance(v, (list, tuple)) else str(v)
            nilai[k] = Nilai(teks, "konfigurasi", "dikonfirmasi")
            if k == "kepala_desa" and "keputusan" not in timpa:
                nilai["keputusan"] = Nilai(teks, "konfigurasi", "dikonfirmasi")
    if timpa_desa and kode_desa is not None:
        khusus = kode_desa
        for k, v in timpa_desa.items():
            if v is None or k not in KOLOM_DESA:
                continue
            nilai[k] = Nilai(str(v), "konfigurasi", "dikonfirmasi")
            if k == "kepala_desa" and "keputusan" not in timpa_desa:
                nilai["keputusan"] = Nilai(str(v), "konfigurasi", "dikonfirmasi")
    return Sebutan(nilai, kode, s.kota, khusus, nama_desa)


@functools.lru_cache(maxsize=1)
def semua_istilah() -> dict[str, tuple[str, ...]]:
    """Every name the tables know for each field (national first): the drafting checks recognise
    a local term ("RKP Gampong", "Keputusan Keuchik ... ini") as they recognise the national one."""
    daerah, desa = tabel_sebutan()
    hasil: dict[str, list[str]] = {}
    for b in list(daerah.values()) + list(desa.values()):
        for k, v in b.nilai.items():
            if v and v != "-":
                for x in _pisah_singkatan(v):
                    if x and x not in hasil.setdefault(k, []):
                        hasil[k].append(x)
    return {k: tuple(v) for k, v in hasil.items()}
