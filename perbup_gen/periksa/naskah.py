"""Drafting checks on a numbered document model (what will be printed), rule by rule from
Lampiran II UU 12/2011 as summarised in shared/reference/drafting.md.

`periksa_naskah(dok, ...)` returns findings as (tingkat, tempat, pesan) triples; the place is
written the way a drafter reads it: "Pasal 7 ayat (2) huruf b", "Pasal 1 angka 5",
"Menimbang huruf c", "Mengingat angka 3", "Diktum KEDUA huruf a", "Judul", "BAB III", "Lampiran".

Rules (each is one method below):
- lists: an item of a "rincian" list starts with a lowercase letter (a proper name or a defined
  term may start it) and ends with ';', the second-to-last with '; dan' / '; atau' /
  '; dan/atau' (the list's conjunction), an item opening sub-items with ':', the last with '.'
  (nested: the ending of the item that opens it); "definisi" and "kalimat" items end with '.';
  an ayat, Pasal text or diktum ends with ':' when it opens a list, else '.';
- konsiderans: each Menimbang item starts with "bahwa" and ends with ';'; the last has the form
  "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu
  menetapkan <jenis> tentang <judul>;" naming every earlier letter; a konsiderans refers only to
  earlier letters, with "dalam";
- definitions (Pasal 1): "X yang selanjutnya disebut/disingkat Y adalah ..." or "X adalah ...",
  starting with a capital and ending with '.'; a defined term is written with the same capitals
  wherever it is used in the body (a warning: generic uses like "pemerintahan daerah" are
  allowed, and a capital at a sentence start is fine);
- references: "sebagaimana dimaksud dalam ..." for another Pasal (or a diktum), "pada ..." within
  the same Pasal; the Pasal, ayat, huruf/angka or diktum must exist; unresolved [[label]] is an
  error;
- Mengingat: each item ends with ';'; matched back to the citation table, ordered by hierarchy
  then date; no revoked regulation; a warning for entries not yet checked against the gazette
  (diperiksa: false) and for items not found in the table;
- numbers in text: digits then the same number in words in brackets, "3 (tiga) bulan" (years,
  regulation numbers, dates, codes, "1.000 HPK", "Pasal 7", "ayat (1)", labels after a capitalised
  word like "Aksi 1" are exempt); percentages "10% (sepuluh persen)"; money
  "Rp1.500.000,00 (satu juta lima ratus ribu rupiah)" with words matching the figures;
- titles: Judul (jenis and tentang), BAB and Lampiran titles in capitals without final
  punctuation; "Menetapkan" in capitals, without the region's name, ending with one '.', and
  naming the same title as the Judul (Lampiran II: "ditulis seluruhnya dengan huruf kapital dan
  diakhiri dengan tanda baca titik").
"""
from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Literal

from perbup_gen.konfigurasi.sebutan import semua_istilah
from perbup_gen.naskah import bilangan
from perbup_gen.periksa.laporan import Temuan
from perbup_gen.naskah.model import Alinea, Ayat, Bab, Daftar, Diktum, Dokumen, Inline, Pasal, Rujukan, semua_pasal

Tingkat = Literal["galat", "peringatan"]

__all__ = ["BUKAN_LKD", "TemuanNaskah", "istilah_definisi", "periksa_kutipan_definisi", "periksa_naskah"]


@dataclass(frozen=True)
class TemuanNaskah:
    tingkat: Tingkat
    tempat: str
    pesan: str


# --- text helpers --------------------------------------------------------------------------------


def _polos(isi: Inline) -> tuple[str, list[str]]:
    """Plain text of an Inline; unresolved references are shown as [[label]] and listed."""
    out: list[str] = []
    belum: list[str] = []
    for b in isi:
        if isinstance(b, Rujukan):
            if b.teks is None:
                belum.append(b.label)
                out.append(f"[[{b.label}]]")
            else:
                out.append(b.teks)
        else:
            out.append(b.teks)
    return "".join(out), belum


_AKHIRAN = re.compile(r"(?:;\s*(dan/atau|dan|atau)|([;:.,!?]+))\s*$")


def _akhiran(s: str) -> str:
    """The final punctuation of `s` as written: "; dan", ";", ":", ".", ";;" ... or ""."""
    m = _AKHIRAN.search(s)
    if not m:
        return ""
    if m.group(1):
        return f"; {m.group(1)}"
    tanda = m.group(2)
    if tanda.startswith("..."):  # an ellipsis ("Nomor ...") is not the final punctuation
        tanda = tanda[3:]
    return tanda


def _kutip(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return f"\"{s if len(s) <= n else s[: n - 3] + '...'}\""


def _indeks_huruf(h: str) -> int | None:
    """'a' -> 1 ... 'z' -> 26, 'aa' -> 27 (the doubling convention of bilangan.huruf)."""
    if not h or len(set(h)) != 1 or not h.isalpha() or not h.islower():
        return None
    return (len(h) - 1) * 26 + (ord(h[0]) - ord("a")) + 1


def _jenis_tanda(jenis_luar: str, kedalaman: int) -> str:
    """'huruf' or 'angka' for an item at `kedalaman` (1-based) of a list tree of kind jenis_luar."""
    if jenis_luar == "definisi":
        return ("angka", "huruf", "angka", "huruf")[min(kedalaman, 4) - 1]
    return ("huruf", "angka", "huruf", "angka")[min(kedalaman, 4) - 1]


def _nilai_tanda(jenis: str, i: int) -> str:
    return f"{jenis} {bilangan.huruf(i) if jenis == 'huruf' else i}"


# --- text units ----------------------------------------------------------------------------------


@dataclass
class _Satuan:
    """One piece of text of the document with where it stands."""

    tempat: str
    isi: Inline
    peran: str  # "menimbang", "mengingat", "ayat", "butir", "diktum", "lampiran"
    pasal: Pasal | None = None
    ayat: Ayat | None = None
    diktum: Diktum | None = None
    daftar_induk: Daftar | None = None  # the list this unit opens (if any)
    definisi: bool = False  # an item of the Pasal 1 definitions list
    kedalaman: int = 0  # list depth for items
    jenis_luar: str = "rincian"
    teks: str = ""
    belum: list[str] = field(default_factory=list)


def _tempat_pasal(p: Pasal, a: Ayat | None) -> str:
    s = f"Pasal {p.nomor}"
    if a is not None and a.nomor is not None:
        s += f" ayat ({a.nomor})"
    return s


# --- the checker ---------------------------------------------------------------------------------

_BULAN = "|".join(bilangan.nama_bulan(i) for i in range(1, 13))
_LABEL_KECIL = {"pasal", "ayat", "huruf", "angka", "nomor", "tahun", "no", "bab", "paragraf", "rt", "rw",
                "lampiran", "diktum", "butir", "aksi", "tahap", "kelas", "pukul", "km"}

# Generic uses of a word that is also a defined term, written in lowercase on purpose
# ("pemerintahan daerah" is the concept, "Daerah" is this kabupaten).
_GENERIK: dict[str, re.Pattern] = {
    "daerah": re.compile(
        r"(?:pemerintahan|otonomi|belanja|pendapatan|pajak|retribusi|kepala|keuangan|pusat,?|provinsi|"
        r"antar|wakil|sekretaris|badan usaha milik|perwakilan rakyat)\s+$", re.IGNORECASE),
    "desa": re.compile(r"(?:kelurahan\s*/\s*|dan\s+kelurahan\s+|perdesaan\s+)$", re.IGNORECASE),
    # UU 6/2014 Pasal 72 writes "alokasi dana Desa": not the Dana Desa of the state budget
    "dana desa": re.compile(r"alokasi\s+$", re.IGNORECASE),
}
_GENERIK_SESUDAH: dict[str, re.Pattern] = {
    "daerah": re.compile(r"^\s+(?:otonom|provinsi|kabupaten/kota|lainnya)", re.IGNORECASE),
}

_DEFINISI = re.compile(
    r"^(?P<x>.+?)\s+yang\s+selanjutnya\s+(?P<kata>disebut|disingkat)\s+(?P<y>.+?)\s+adalah\s+\S")
_DEFINISI_PENDEK = re.compile(r"^(?P<x>.+?)\s+adalah\s+\S")

_RUJUK = re.compile(r"sebagaimana\s+dimaksud\s+(dalam|pada)\s+")
_RANTAI = re.compile(
    r"(?:Pasal\s+(?P<pasal>\d+)|Diktum\s+(?P<diktum>[A-Z]+(?:\s+(?:BELAS|PULUH|SATU|DUA|TIGA|EMPAT|LIMA|"
    r"ENAM|TUJUH|DELAPAN|SEMBILAN|RATUS))*))?"
    r"(?P<ayat>\s*ayat\s+\((?P<no_ayat>\d+)\))?"
    r"(?P<jalur>(?:\s*(?:huruf\s+[a-z]+|angka\s+\d+))*)"
)
_SAMBUNG_RUJUK = re.compile(r"(?:\s*,\s*(?:dan\s+|atau\s+)?|\s+(?:dan/atau|dan|atau|sampai\s+dengan)\s+)")
_LANGKAH = re.compile(r"(huruf|angka)\s+([a-z]+|\d+)")
# every local name of the desa and of its head and decree office (perbup_gen/data/sebutan.csv): the
# checks know "RKP Gampong" and "Keputusan Keuchik Gampong ini" as they know "RKP Desa", "Keputusan
# Kepala Desa ini"
_ISTILAH = semua_istilah()
_ALT_DESA = "|".join(re.escape(x) for x in sorted(set(_ISTILAH["desa"]) | {"Desa"}, key=len, reverse=True))
_ALT_KEPALA = "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in sorted(
    set(_ISTILAH["kepala_desa"]) | set(_ISTILAH["keputusan"]) | {"Bupati", "Wali Kota", "Walikota"}, key=len, reverse=True))
_LUAR = re.compile(r"\s+(?:Undang-Undang|Peraturan|Keputusan|Instruksi)\b(?!\s+(?:" + _ALT_KEPALA + r")\s+ini)")

# the kind of a citation from its opening words (for Mengingat items not in the citation table)
_AWALAN_JENIS = [
    ("Undang-Undang", "UU"), ("Peraturan Pemerintah", "PP"), ("Peraturan Presiden", "Perpres"),
    ("Peraturan Menteri", "Permen"), ("Peraturan Daerah", "Perda"), ("Peraturan Bupati", "Perbup"),
    ("Peraturan Wali Kota", "Perbup"), ("Peraturan Walikota", "Perbup"),
]


@dataclass
class Peraturan_:
    """A stand-in for a citation not found in the table: only its kind is known."""

    jenis: str


_ANGKA = re.compile(r"(?<![\w.,/-])(\d+(?:[.,]\d+)*)(?![\w])")
_RUPIAH = re.compile(r"Rp\.?\s*(\d[\d.,]*\d|\d)")
_KURUNG = re.compile(r"^\s*\(([^()]*)\)")


class _Pemeriksa:
    def __init__(self, dok: Dokumen, peraturan: dict | None, nama_wilayah: str | None,
                 istilah_dikenal: list[str] | None = None, istilah_program: list[str] | None = None):
        self.dok = dok
        self.peraturan = peraturan
        self.nama_wilayah = nama_wilayah
        self.istilah_dikenal = istilah_dikenal or []
        self.istilah_program = _ISTILAH_PROGRAM_BAWAAN() if istilah_program is None else istilah_program
        self.temuan: list[TemuanNaskah] = []
        self.satuan: list[_Satuan] = []
        self.pasal: dict[int, Pasal] = {}
        self.diktum: dict[str, Diktum] = {}
        self.istilah: list[tuple[str, str]] = []  # (term as defined, place of its definition)

    def galat(self, tempat: str, pesan: str) -> None:
        self.temuan.append(TemuanNaskah("galat", tempat, pesan))

    def peringatan(self, tempat: str, pesan: str) -> None:
        self.temuan.append(TemuanNaskah("peringatan", tempat, pesan))

    # -- collect --

    def kumpulkan(self) -> None:
        dok = self.dok
        pb = dok.pembukaan
        if pb is not None:
            for i, isi in enumerate(pb.menimbang, 1):
                self._satuan(_Satuan(f"Menimbang huruf {bilangan.huruf(i)}", isi, "menimbang"))
            for i, isi in enumerate(pb.mengingat, 1):
                self._satuan(_Satuan(f"Mengingat angka {i}", isi, "mengingat"))
        if dok.perjanjian is not None:
            pj = dok.perjanjian
            self._satuan(_Satuan("Pembuka", pj.pembuka, "perjanjian"))
            for i, ph in enumerate(pj.pihak, 1):
                self._satuan(_Satuan(f"Pihak {i}", ph.kedudukan, "perjanjian"))
            self._satuan(_Satuan("Pembuka", pj.kesepakatan, "perjanjian"))
        for p in semua_pasal(dok.batang_tubuh):
            if p.judul and dok.jenis != "perjanjian":
                self.galat(f"Pasal {p.nomor}", f"Pasal dalam {dok.jenis} tidak berjudul (Lampiran II); judul "
                           f"'{p.judul}' hanya untuk perjanjian ({p.sumber})")
            if p.nomor is not None:
                self.pasal[p.nomor] = p
            for a in p.ayat:
                t = _tempat_pasal(p, a)
                self._satuan(_Satuan(t, a.isi, "ayat", pasal=p, ayat=a, daftar_induk=a.daftar))
                if a.daftar is not None:
                    self._daftar(a.daftar, t, 1, a.daftar.jenis, pasal=p, ayat=a)
        for d in dok.batang_tubuh:
            if isinstance(d, Diktum):
                if d.nomor:
                    self.diktum[d.nomor] = d
                t = f"Diktum {d.nomor}"
                self._satuan(_Satuan(t, d.isi, "diktum", diktum=d, daftar_induk=d.daftar))
                if d.daftar is not None:
                    self._daftar(d.daftar, t, 1, d.daftar.jenis, diktum=d)
        for lamp in dok.lampiran:
            t = "Lampiran" + (f" {lamp.nomor}" if lamp.nomor else "")
            for b in lamp.isi:
                if isinstance(b, Alinea):
                    self._satuan(_Satuan(t, b.isi, "lampiran"))
        for isi in (b.isi for b in dok.isi if isinstance(b, Alinea)):
            self._satuan(_Satuan("Naskah", isi, "lampiran"))

    def _satuan(self, s: _Satuan) -> None:
        s.teks, s.belum = _polos(s.isi)
        self.satuan.append(s)

    def _daftar(self, d: Daftar, tempat: str, kedalaman: int, jenis_luar: str, **konteks) -> None:
        jenis = _jenis_tanda(jenis_luar, kedalaman)
        for i, b in enumerate(d.butir, 1):
            t = f"{tempat} {_nilai_tanda(jenis, i)}"
            self._satuan(_Satuan(t, b.isi, "butir", daftar_induk=b.daftar, kedalaman=kedalaman,
                                 jenis_luar=jenis_luar,
                                 definisi=(jenis_luar == "definisi" and kedalaman == 1), **konteks))
            if b.daftar is not None:
                self._daftar(b.daftar, t, kedalaman + 1, jenis_luar, **konteks)

    # -- run --

    def jalankan(self) -> list[TemuanNaskah]:
        self.kumpulkan()
        self.cek_judul()
        self.cek_menimbang()
        self.cek_mengingat()
        self.cek_definisi()
        self.cek_daftar_semua()
        self.cek_istilah()
        self.cek_rujukan()
        self.cek_bilangan()
        self.cek_sitasi()
        self.cek_istilah_diulang()
        self.cek_istilah_tak_terpakai()
        self.cek_kapital_tanpa_definisi()
        self.cek_singkatan()
        self.cek_tanda_butir_manual()
        self.cek_kata_sambung()
        self.cek_ungkapan()
        self.cek_bab_maksud_tujuan()
        self.cek_lembaga_kemasyarakatan()
        return self.temuan

    # -- titles --

    def _judul_kapital(self, tempat: str, s: str, apa: str) -> None:
        if not s.strip():
            self.galat(tempat, f"{apa} kosong")
            return
        if s != s.upper():
            self.galat(tempat, f"{apa} harus ditulis dengan huruf kapital: {_kutip(s)}")
        if s.rstrip()[-1] in ".,;:!?":
            self.galat(tempat, f"{apa} tidak diakhiri tanda baca: {_kutip(s)}")

    def cek_judul(self) -> None:
        dok = self.dok
        j = dok.judul
        if dok.jenis == "naskah":
            return
        self._judul_kapital("Judul", j.jenis, "jenis dan nama peraturan pada judul")
        self._judul_kapital("Judul", j.tentang, "judul (TENTANG ...)")
        for u in dok.batang_tubuh:
            if isinstance(u, Bab):
                self._judul_kapital(f"BAB {u.nomor}", u.judul, "judul BAB")
        for lamp in dok.lampiran:
            t = "Lampiran" + (f" {lamp.nomor}" if lamp.nomor else "")
            self._judul_kapital(t, lamp.judul, "judul lampiran")
        pb = dok.pembukaan
        if pb is None:
            return
        m = pb.menetapkan
        if m != m.upper():
            self.galat("Menetapkan", f"nama peraturan setelah \"Menetapkan :\" harus huruf kapital: {_kutip(m)}")
        if not m.endswith(".") or m.endswith("..") or m.rstrip(".").rstrip()[-1:] in ",;:":
            self.galat("Menetapkan", f"nama peraturan setelah \"Menetapkan :\" diakhiri satu tanda titik: {_kutip(m)}")
        kepala, sep, _ = m.upper().partition(" TENTANG ")
        if self.nama_wilayah and sep and self.nama_wilayah.upper() in kepala:
            self.galat("Menetapkan", f"setelah \"Menetapkan :\" ditulis tanpa nama daerah "
                       f"(\"{kepala.replace(' ' + self.nama_wilayah.upper(), '')} TENTANG ...\"), bukan {_kutip(kepala)}")
        if j.tentang.strip() and not m.rstrip(".").strip().upper().endswith("TENTANG " + j.tentang.strip().upper()):
            self.galat("Menetapkan", f"judul setelah \"Menetapkan :\" tidak sama dengan judul peraturan "
                       f"({_kutip(j.tentang)})")

    # -- konsiderans --

    def cek_menimbang(self) -> None:
        menimbang = [s for s in self.satuan if s.peran == "menimbang"]
        if self.dok.pembukaan is None or self.dok.jenis == "naskah":
            return
        if not menimbang:
            self.galat("Menimbang", "konsiderans Menimbang kosong")
            return
        n = len(menimbang)
        for i, s in enumerate(menimbang, 1):
            t = s.teks.strip()
            if not t.startswith("bahwa "):
                self.galat(s.tempat, f"konsiderans diawali kata \"bahwa\" (huruf kecil): {_kutip(t)}")
            ak = _akhiran(t)
            if ak != ";":
                self.galat(s.tempat, f"konsiderans diakhiri tanda titik koma (;), bukan "
                           f"{repr(ak) if ak else 'tanpa tanda baca'}")
            for m in re.finditer(r"sebagaimana\s+dimaksud\s+(dalam|pada)\s+((?:huruf\s+[a-z]+(?:\s*,\s*|\s+dan\s+|\s+atau\s+)?)+)", t):
                if m.group(1) == "pada":
                    self.galat(s.tempat, "rujukan antarkonsiderans ditulis \"sebagaimana dimaksud dalam huruf ...\", bukan \"pada\"")
                for h in re.findall(r"huruf\s+([a-z]+)", m.group(2)):
                    k = _indeks_huruf(h)
                    if k is None or k >= i:
                        self.galat(s.tempat, f"merujuk huruf {h}, padahal konsiderans hanya dapat merujuk "
                                   f"huruf sebelumnya (huruf a sampai dengan huruf {bilangan.huruf(i - 1)})"
                                   if i > 1 else f"konsiderans pertama merujuk huruf {h}")
        akhir = menimbang[-1]
        t = " ".join(akhir.teks.split())
        if n == 1:
            if "perlu menetapkan" not in t:
                self.galat(akhir.tempat, "konsiderans tunggal harus memuat \"perlu menetapkan ... tentang ...\"")
            return
        ruj = bilangan.rujukan_huruf(n - 1)
        m = re.match(r"^bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam (?P<ruj>.+?), perlu "
                     r"menetapkan (?P<jenis>.+?) tentang (?P<tentang>.+?);$", t)
        if not m:
            self.galat(akhir.tempat, "konsiderans terakhir harus berbentuk \"bahwa berdasarkan pertimbangan "
                       f"sebagaimana dimaksud dalam {ruj}, perlu menetapkan ... tentang ...;\"")
            return
        if m.group("ruj") != ruj:
            self.galat(akhir.tempat, f"konsiderans terakhir harus merujuk \"{ruj}\", bukan \"{m.group('ruj')}\"")
        pb = self.dok.pembukaan
        tentang = self.dok.judul.tentang.strip()
        if tentang and m.group("tentang").upper() != tentang.upper():
            self.galat(akhir.tempat, f"judul dalam konsiderans terakhir ({_kutip(m.group('tentang'))}) "
                       f"tidak sama dengan judul peraturan ({_kutip(tentang)})")
        menetapkan = pb.menetapkan.rstrip(".").strip().upper()
        kepala = menetapkan.partition(" TENTANG ")[0]
        if kepala and m.group("jenis").upper() != kepala:
            self.galat(akhir.tempat, f"jenis peraturan dalam konsiderans terakhir ({_kutip(m.group('jenis'))}) "
                       f"tidak sama dengan yang ditetapkan ({_kutip(kepala)})")

    # -- Mengingat --

    def cek_mengingat(self) -> None:
        mengingat = [s for s in self.satuan if s.peran == "mengingat"]
        if self.dok.pembukaan is None or self.dok.jenis == "naskah":
            return
        if not mengingat:
            self.galat("Mengingat", "dasar hukum Mengingat kosong")
            return
        from perbup_gen.konfigurasi.peraturan import kunci_urut, tingkat as _tingkat, yang_diragukan

        peta = _peta_sitasi(self.peraturan) if self.peraturan else {}
        sebelumnya: tuple | None = None

        for s in mengingat:
            t = " ".join(s.teks.split())
            if _akhiran(t) != ";":
                self.galat(s.tempat, "dasar hukum Mengingat diakhiri tanda titik koma (;)")
            if not peta:
                continue
            cocok = peta.get(t.rstrip(";").strip())
            if cocok is None:
                cocok = self._cocok_sitasi(s, t)
            if cocok is None:
                jenis = next((j for awal, j in _AWALAN_JENIS if t.startswith(awal)), None)
                if jenis != "Perbup":  # the Perbup on peran desa, cited by the SK KPM once numbered
                    self.peringatan(s.tempat, f"tidak ditemukan di tabel sitasi clauses/dasar_hukum.yaml: {_kutip(t)}; "
                                    "status pencabutannya tidak dapat diperiksa")
                if jenis is not None:
                    tingkat = _tingkat(jenis)
                    if sebelumnya is not None and tingkat < sebelumnya[0][0]:
                        self.galat(s.tempat, f"urutan Mengingat salah: {jenis} harus sebelum '{sebelumnya[1]}' "
                                   f"({sebelumnya[3]}); {jenis} lebih tinggi dalam hierarki daripada {sebelumnya[2].jenis}")
                    elif sebelumnya is None or tingkat > sebelumnya[0][0]:
                        sebelumnya = ((tingkat, _dt.date.min, 0), _kutip(t, 40), Peraturan_(jenis), s.tempat)
                continue
            kunci, p = cocok
            if p.status == "berlaku":
                ragu = yang_diragukan(kunci, self.peraturan)
                if ragu:
                    catat = ", ".join(f"peraturan.{k}" for k in dict.fromkeys(k for k, _ in ragu))
                    pesan = (f"'{kunci}' belum dapat dianggap sudah diperiksa: {'; '.join(a for _, a in ragu)}. "
                             f"Cocokkan di peraturan.go.id atau JDIH, lalu catat di konfigurasi ({catat}: yang "
                             "sudah dicocokkan, dengan diperiksa: {tanggal, sumber})")
                    titik = any("(dicetak \"...\")" in a for _, a in ragu)
                    if titik and self.dok.jenis == "peraturan" and not self.dok.judul.rancangan:
                        # a final Perbup (perbup.rancangan: false) cannot be signed with dots
                        self.galat(s.tempat, pesan + "; naskah akhir tidak dapat ditandatangani dengan nomor "
                                   "titik-titik")
                    else:
                        self.peringatan(s.tempat, pesan)
            urut = kunci_urut(p)
            if sebelumnya is not None and urut < sebelumnya[0]:
                kunci_lalu, p_lalu, tempat_lalu = sebelumnya[1], sebelumnya[2], sebelumnya[3]
                if _tingkat(p.jenis) < _tingkat(p_lalu.jenis):
                    alasan = f"{p.jenis} lebih tinggi dalam hierarki daripada {p_lalu.jenis}"
                else:
                    alasan = "dalam jenis yang sama diurutkan menurut tanggal"
                self.galat(s.tempat, f"urutan Mengingat salah: '{kunci}' harus sebelum '{kunci_lalu}' "
                           f"({tempat_lalu}); {alasan}")
            if sebelumnya is None or urut >= sebelumnya[0]:
                sebelumnya = (urut, kunci, p, s.tempat)

    def _cocok_sitasi(self, s: _Satuan, t: str):
        """A Mengingat item written otherwise than the table (an imported regulation): matched on
        the kind, number and year it cites; its amendment chain compared with the table's."""
        from perbup_gen.naskah.sitasi import urai_sitasi

        sit = urai_sitasi(t)
        if sit.dasar is None:
            return None
        kunci = sit.dasar.kunci
        p = self.peraturan.get(kunci)
        if p is None:
            cocok = [(k, x) for k, x in self.peraturan.items() if x.jenis == sit.dasar.jenis
                     and x.tahun == sit.dasar.tahun and str(x.nomor) == sit.dasar.nomor.lstrip("0")]
            if not cocok:
                return None
            kunci, p = cocok[0]
        if p.perubahan and p.status != "dicabut":
            from perbup_gen.konfigurasi.peraturan import nama_singkat

            terakhir = self.peraturan.get(p.perubahan[-1])
            ditulis = sit.terakhir
            k_j, _, k_rest = p.perubahan[-1].partition("-")
            nama_baru = (nama_singkat(terakhir).split(" tentang ")[0] if terakhir
                         else f"{k_j.upper() if k_j in ('uu', 'pp') else k_j.capitalize()} {k_rest.replace('-', '/')}")
            if ditulis is None:
                self.peringatan(s.tempat, f"'{kunci}' dikutip tanpa perubahannya; tabel sitasi: "
                                f"sebagaimana telah diubah, terakhir dengan {nama_baru}")
            elif ditulis.kunci != p.perubahan[-1]:
                self.galat(s.tempat, f"rantai perubahan '{kunci}' usang: tertulis terakhir dengan "
                           f"{ditulis}, seharusnya terakhir dengan {nama_baru}")
        return kunci, p

    # -- lists and endings --

    def cek_daftar_semua(self) -> None:
        for p in semua_pasal(self.dok.batang_tubuh):
            for a in p.ayat:
                self._cek_induk(_tempat_pasal(p, a), a.isi, a.daftar, "ayat" if a.nomor else "teks Pasal")
        for d in self.dok.batang_tubuh:
            if isinstance(d, Diktum):
                self._cek_induk(f"Diktum {d.nomor}", d.isi, d.daftar, "diktum")
        for lamp in self.dok.lampiran:
            t = "Lampiran" + (f" {lamp.nomor}" if lamp.nomor else "")
            for b in lamp.isi:
                if isinstance(b, Daftar) and b.butir:
                    self._cek_daftar(b, ".", t, 1, b.jenis)

    def _cek_induk(self, tempat: str, isi: Inline, daftar: Daftar | None, apa: str) -> None:
        teks, _ = _polos(isi)
        ak = _akhiran(teks)
        if daftar is not None and daftar.butir:
            if ak != ":":
                self.galat(tempat, f"{apa} yang diikuti rincian diakhiri titik dua (:), bukan "
                           f"{repr(ak) if ak else 'tanpa tanda baca'}")
            self._cek_daftar(daftar, ".", tempat, 1, daftar.jenis)
        elif ak != ".":
            self.galat(tempat, f"{apa} diakhiri tanda titik (.), bukan {repr(ak) if ak else 'tanpa tanda baca'}")

    def _cek_daftar(self, d: Daftar, akhir: str, tempat: str, kedalaman: int, jenis_luar: str) -> None:
        jenis = _jenis_tanda(jenis_luar, kedalaman)
        n = len(d.butir)
        for i, b in enumerate(d.butir):
            t = f"{tempat} {_nilai_tanda(jenis, i + 1)}"
            teks, _ = _polos(b.isi)
            if d.jenis == "rincian":
                if i == n - 1:
                    harap = akhir
                elif i == n - 2 and d.sambung:
                    harap = f"; {d.sambung}"
                else:
                    harap = ";"
            else:
                harap = ":" if b.kutipan else "."  # a change point that restates a Pasal ends with ':'
            ak = _akhiran(teks)
            if b.daftar is not None and b.daftar.butir:
                if ak != ":":
                    self.galat(t, f"butir yang membuka rincian diakhiri titik dua (:), bukan "
                               f"{repr(ak) if ak else 'tanpa tanda baca'}")
                self._cek_daftar(b.daftar, harap, t, kedalaman + 1, jenis_luar)
            elif ak != harap:
                self.galat(t, self._pesan_akhiran(harap, ak, i, n, d))
            if d.jenis == "rincian":
                self._cek_huruf_awal(t, teks)
            if not teks.strip().rstrip(";:., ").strip() or teks.strip() in ("dan", "atau", "dan/atau"):
                self.galat(t, "butir kosong")

    @staticmethod
    def _pesan_akhiran(harap: str, ak: str, i: int, n: int, d: Daftar) -> str:
        tulis = repr(ak) if ak else "tanpa tanda baca"
        if i == n - 1:
            return f"butir terakhir diakhiri {repr(harap)}, bukan {tulis}"
        if i == n - 2 and d.sambung:
            return (f"butir kedua terakhir diakhiri {repr(harap)} (kata sambung '{d.sambung}' setelah "
                    f"butir kedua terakhir), bukan {tulis}")
        if ak.startswith(";") and ak != ";":
            return f"kata sambung ditulis hanya setelah butir kedua terakhir; butir ini diakhiri ';', bukan {tulis}"
        return f"butir diakhiri titik koma (;), bukan {tulis}"

    # -- lowercase start of list items --

    def _kata_nama(self) -> set[str]:
        """Capitalised words used mid-sentence somewhere in the document: proper names, terms."""
        if not hasattr(self, "_nama_cache"):
            kata: set[str] = set()
            pola = re.compile(r"(?<=[a-z0-9,;)]\s)([A-Z][\w-]*)")
            for s in self.satuan:
                if s.peran != "mengingat":
                    kata.update(pola.findall(s.teks))
            self._nama_cache = kata
        return self._nama_cache

    def _cek_huruf_awal(self, tempat: str, teks: str) -> None:
        t = teks.lstrip(" \"'(")
        if not t or not t[0].isalpha() or t[0].islower():
            return
        kata = re.match(r"[\w-]+", t)
        w = kata.group(0) if kata else t[0]
        sisa = t[len(w):]
        if w.isupper() or any(c.isupper() for c in w[1:]):  # acronym: KPM, APBDes
            return
        if any(t.startswith(istilah) for istilah, _ in self.istilah):
            return
        if re.match(r"^,?\s+[A-Z(]", sisa) and not sisa.lstrip().startswith("("):  # a multiword name
            return
        if w in self._kata_nama():
            return
        self.galat(tempat, f"butir rincian diawali huruf kecil (kecuali nama diri atau istilah yang "
                   f"didefinisikan), bukan huruf kapital: {_kutip(teks, 50)}")

    # -- definitions --

    def _butir_definisi(self) -> list[_Satuan]:
        return [s for s in self.satuan if s.definisi]

    def cek_definisi(self) -> None:
        for s in self._butir_definisi():
            t = " ".join(s.teks.split())
            if not t or not t[0].isalpha() or not t[0].isupper():
                self.galat(s.tempat, f"definisi diawali huruf kapital: {_kutip(t, 50)}")
            m = _DEFINISI.match(t)
            if m:
                self.istilah.append((m.group("y").strip(), s.tempat))
                self.istilah.append((m.group("x").strip(), s.tempat))
                continue
            if re.search(r"\byang\s+selanjutnya\b", t.split(" adalah ")[0]):
                self.galat(s.tempat, "definisi harus berbentuk \"X yang selanjutnya disebut Y adalah ...\" "
                           "atau \"X yang selanjutnya disingkat Y adalah ...\"")
                continue
            m = _DEFINISI_PENDEK.match(t)
            if not m:
                self.galat(s.tempat, "definisi harus berbentuk \"X adalah ...\" atau \"X yang selanjutnya "
                           f"disebut/disingkat Y adalah ...\": {_kutip(t, 50)}")
                continue
            self.istilah.append((m.group("x").strip(), s.tempat))

    def cek_istilah(self) -> None:
        """A defined term keeps its spelling and capitals wherever the body uses it (a warning)."""
        if not self.istilah:
            return
        ejaan: dict[str, set[str]] = {}
        asal: dict[str, str] = {}
        for istilah, tempat in self.istilah:
            if len(istilah) < 2 or len(istilah) > 80:
                continue
            ejaan.setdefault(istilah.lower(), set()).add(istilah)
            asal.setdefault(istilah.lower(), tempat)
        urut = sorted(ejaan, key=len, reverse=True)
        pola = re.compile(r"(?<![\w-])(" + "|".join(re.escape(k) for k in urut) + r")(?![\w-])", re.IGNORECASE)
        dilaporkan: set[tuple[str, str]] = set()
        for s in self.satuan:
            if s.peran not in ("ayat", "butir", "diktum") or s.definisi:
                continue  # a definition quotes its source word for word ("desa dan desa adat ...")
            t = s.teks
            for m in pola.finditer(t):
                kata = m.group(0)
                kunci = kata.lower()
                if kata in ejaan[kunci] or kata.isupper():
                    continue
                awal_kalimat = m.start() == 0 or re.search(r"[.!?]\s+$", t[: m.start()])
                if awal_kalimat and any(kata == e[0].upper() + e[1:] for e in ejaan[kunci]):
                    continue
                pra = _GENERIK.get(kunci)
                if pra is not None and pra.search(t[max(0, m.start() - 40): m.start()]):
                    continue
                pasca = _GENERIK_SESUDAH.get(kunci)
                if pasca is not None and pasca.match(t[m.end(): m.end() + 30]):
                    continue
                if (s.tempat, kunci) in dilaporkan:
                    continue
                dilaporkan.add((s.tempat, kunci))
                benar = " / ".join(sorted(ejaan[kunci]))
                self.peringatan(s.tempat, f"istilah \"{benar}\" didefinisikan dalam {asal[kunci]} tetapi "
                                f"ditulis \"{kata}\"; tulis istilah yang didefinisikan dengan ejaan dan huruf "
                                "kapital yang sama")

    # -- references --

    def cek_rujukan(self) -> None:
        for s in self.satuan:
            for label in s.belum:
                self.galat(s.tempat, f"rujukan [[{label}]] belum diselesaikan (label tidak dikenal atau "
                           "dokumen belum dinomori)")
            if s.peran in ("menimbang", "mengingat", "lampiran"):
                continue
            for m in _RUJUK.finditer(s.teks):
                self._cek_satu_rujukan(s, m.group(1), m.end())

    def _cek_satu_rujukan(self, s: _Satuan, kata: str, pos: int) -> None:
        t = s.teks
        rantai = []
        while True:
            m = _RANTAI.match(t, pos)
            if not m or m.end() == pos or not (m.group("pasal") or m.group("diktum") or m.group("ayat")
                                                or m.group("jalur").strip()):
                break
            rantai.append(m)
            pos = m.end()
            sm = _SAMBUNG_RUJUK.match(t, pos)
            if not sm:
                break
            m2 = _RANTAI.match(t, sm.end())
            if not m2 or not (m2.group("pasal") or m2.group("diktum") or m2.group("ayat")
                              or m2.group("jalur").strip()):
                break
            pos = sm.end()
        if not rantai or _LUAR.match(t, pos):
            return
        frasa = " ".join(t[rantai[0].start(): rantai[-1].end()].split())
        for m in rantai:
            pesan = self._nilai_rujukan(s, kata, m)
            if pesan:
                self.galat(s.tempat, f"\"sebagaimana dimaksud {kata} {frasa}\": {pesan}")
                break

    def _nilai_rujukan(self, s: _Satuan, kata: str, m: re.Match) -> str | None:
        langkah = _LANGKAH.findall(m.group("jalur") or "")
        if m.group("diktum"):
            nama = " ".join(m.group("diktum").split())
            d = self.diktum.get(nama)
            if d is None:
                return f"Diktum {nama} tidak ada"
            if kata != "dalam":
                return "rujukan ke diktum ditulis \"sebagaimana dimaksud dalam Diktum ...\""
            return self._jalur_ada(d.daftar, langkah, f"Diktum {nama}")
        if m.group("pasal"):
            no = int(m.group("pasal"))
            p = self.pasal.get(no)
            if p is None:
                return f"Pasal {no} tidak ada (Pasal terakhir: Pasal {max(self.pasal) if self.pasal else '-'})"
            if kata != "dalam":
                return "rujukan ke Pasal lain ditulis \"sebagaimana dimaksud dalam Pasal ...\", bukan \"pada\""
            if s.pasal is p:
                return ("rujukan di dalam Pasal yang sama ditulis \"sebagaimana dimaksud pada ayat (...)\" "
                        "atau \"pada huruf ...\", tanpa menyebut Pasalnya")
            return self._ayat_jalur(p, m, langkah)
        # no Pasal named: within the same Pasal (or the same diktum)
        if kata != "pada":
            return "rujukan di dalam Pasal yang sama ditulis dengan \"pada\"; untuk Pasal lain sebutkan Pasalnya"
        if s.diktum is not None:
            if m.group("ayat"):
                return "diktum tidak mempunyai ayat"
            return self._jalur_ada(s.diktum.daftar, langkah, f"Diktum {s.diktum.nomor}")
        if s.pasal is None:
            return "rujukan \"pada ...\" hanya dapat dipakai di dalam Pasal atau diktum"
        if m.group("ayat"):
            return self._ayat_jalur(s.pasal, m, langkah)
        a = s.ayat
        return self._jalur_ada(a.daftar if a else None, langkah, _tempat_pasal(s.pasal, a))

    def _ayat_jalur(self, p: Pasal, m: re.Match, langkah: list) -> str | None:
        if m.group("ayat"):
            no = int(m.group("no_ayat"))
            ayat = [a for a in p.ayat if a.nomor == no]
            if not ayat:
                jumlah = sum(1 for a in p.ayat if a.nomor is not None)
                return (f"Pasal {p.nomor} tidak mempunyai ayat ({no})"
                        + (f"; ayatnya (1) sampai dengan ({jumlah})" if jumlah else "; Pasal itu tidak berayat"))
            return self._jalur_ada(ayat[0].daftar, langkah, f"Pasal {p.nomor} ayat ({no})")
        if langkah:
            if len(p.ayat) != 1:
                return f"Pasal {p.nomor} berayat; sebutkan ayatnya sebelum huruf/angka"
            return self._jalur_ada(p.ayat[0].daftar, langkah, f"Pasal {p.nomor}")
        return None

    def _jalur_ada(self, d: Daftar | None, langkah: list, tempat: str) -> str | None:
        if not langkah:
            return None
        jenis_luar = d.jenis if d is not None else "rincian"
        for k, (jenis, nilai) in enumerate(langkah, 1):
            if d is None or not d.butir:
                return f"{tempat} tidak mempunyai rincian {jenis} {nilai}"
            harap = _jenis_tanda(jenis_luar, k)
            if jenis != harap:
                return f"rincian tingkat ke-{k} di {tempat} ditandai dengan {harap}, bukan {jenis}"
            i = _indeks_huruf(nilai) if jenis == "huruf" else int(nilai)
            if i is None or not 1 <= i <= len(d.butir):
                return f"{tempat} tidak mempunyai {jenis} {nilai} (hanya {len(d.butir)} butir)"
            tempat = f"{tempat} {jenis} {nilai}"
            d = d.butir[i - 1].daftar
        return None

    # -- citations anywhere in the text: revoked, outdated amendment chain, gazette numbers --

    def _indeks_sitasi(self) -> dict:
        if not hasattr(self, "_indeks"):
            indeks: dict[tuple, list] = {}
            for kunci, p in (self.peraturan or {}).items():
                if p.nomor is None or p.tahun is None or (p.teks is not None and p.judul is None):
                    continue
                daftar = indeks.setdefault((p.jenis, p.nomor, p.tahun), [])
                if not any(q is p for _, q in daftar):
                    daftar.append((kunci, p))
            self._indeks = indeks
        return self._indeks

    def _cari_sitasi(self, jenis: str, nomor: int, tahun: int, sebelum: str):
        daftar = self._indeks_sitasi().get((jenis, nomor, tahun), [])
        if len(daftar) > 1:  # Permen of different ministries with the same number
            daftar = [(k, p) for k, p in daftar if p.pejabat and p.pejabat in sebelum[-120:]] or daftar
        return daftar[0] if daftar else None

    def cek_sitasi(self) -> None:
        """Every citation of a regulation in the text, matched to the citation table by kind,
        number and year: a revoked one, an amendment chain that is not the last known one (or
        worded for one amendment when there were several), and printed gazette numbers that
        differ from the table, or that the table has not found, are errors."""
        if not self.peraturan:
            return
        ingatan = _ingatan_tabel(self.peraturan)
        for s in self.satuan:
            if "Nomor" not in s.teks:
                continue
            kunci = (s.peran == "mengingat", s.teks)
            hasil = ingatan.get(kunci)
            if hasil is None:
                asli, self.temuan = self.temuan, []
                self._sitasi_satuan(_Satuan(s.tempat, s.isi, s.peran, teks=s.teks))
                hasil, self.temuan = [(t.tingkat, t.pesan) for t in self.temuan], asli
                if len(ingatan) > 20_000:
                    ingatan.clear()
                ingatan[kunci] = hasil
            for tingkat, pesan in hasil:
                self.temuan.append(TemuanNaskah(tingkat, s.tempat, pesan))

    def _sitasi_satuan(self, s: _Satuan) -> None:
        t = " ".join(s.teks.split())
        for m in _SITASI.finditer(t):
            jenis = _jenis_sitasi(m)
            cocok = self._cari_sitasi(jenis, int(m.group("nomor")), int(m.group("tahun")), t[:m.start()])
            if cocok is None or _DALAM_JUDUL.search(t[:m.start()]):
                continue
            kunci, p = cocok
            nama = nama_singkat_(p).split(" tentang ")[0]
            sisa = t[m.end():]
            batas = _BATAS_SITASI.search(sisa)
            milik = sisa[:batas.start()] if batas else sisa
            if p.status == "dicabut" and "dicabut dan dinyatakan tidak berlaku" not in t:
                pengganti = self.peraturan.get(p.dicabut_oleh or "")
                oleh = nama_singkat_(pengganti) if pengganti else (p.dicabut_oleh or "peraturan lain")
                self.galat(s.tempat, f"{nama} sudah dicabut oleh {oleh}; jangan dikutip")
                continue
            if p.status == "belum diketahui":
                self.galat(s.tempat, f"status {nama} belum diketahui ({p.ragu or 'tidak ada sumber'}); "
                           "jangan dikutip sebelum diperiksa")
            self._cek_lembaran(s, p, kunci, nama, milik)
            self._cek_rantai(s, p, kunci, nama, milik)

    def _cek_lembaran(self, s: _Satuan, p, kunci: str, nama: str, milik: str) -> None:
        potong = _RANTAI_AWAL.search(milik)
        m = _LEMBARAN.search(milik[:potong.start()] if potong else milik)
        if not m or p.lembaran is None or p.teks is not None:
            return
        lb = p.lembaran
        jenis = {"Lembaran Negara": "LN", "Berita Negara": "BN", "Lembaran Daerah": "LD",
                 "Berita Daerah": "BD"}[m.group("jenis")]
        if jenis != lb.jenis:
            return
        for apa, tertulis, tabel in (("tahun", m.group("tahun"), lb.tahun), ("nomor", m.group("nomor"), lb.nomor),
                                     ("nomor Tambahan", m.group("tambahan"), lb.tambahan)):
            if tertulis is None or tertulis == "...":
                continue
            if tabel is None or str(tabel) == "":
                self.galat(s.tempat, f"{apa} {m.group('jenis')} {nama} tertulis {tertulis}, padahal nomor itu belum "
                           "ditemukan di sumber mana pun (tabel sitasi: \"...\"); jangan cetak nomor yang tidak "
                           f"bersumber, atau catat nomor yang sudah dicocokkan di konfigurasi (peraturan.{kunci})")
            elif str(tabel) != tertulis:
                self.galat(s.tempat, f"{apa} {m.group('jenis')} {nama} tertulis {tertulis}, menurut tabel sitasi "
                           f"{tabel} ('{kunci}')")

    def _cek_rantai(self, s: _Satuan, p, kunci: str, nama: str, milik: str) -> None:
        m = _RANTAI_UBAH.search(milik)
        rantai = [self.peraturan[k] for k in p.perubahan if k in self.peraturan]
        if m is None:
            if s.peran == "mengingat" and rantai and p.teks is None:
                frasa = "diubah" if len(rantai) == 1 else "beberapa kali diubah terakhir"
                self.galat(s.tempat, f"{nama} telah diubah, terakhir dengan {nama_singkat_(rantai[-1])}; kutip "
                           f"dengan rantai perubahannya (\"sebagaimana telah {frasa} dengan ...\")")
            return
        jenis2 = _jenis_sitasi(m, awalan="j")
        n2, t2 = int(m.group("jnomor")), int(m.group("jtahun"))
        tertulis = f"{m.group('jjenis').strip()} Nomor {n2} Tahun {t2}"
        if not rantai:
            self.peringatan(s.tempat, f"tabel sitasi tidak mencatat perubahan {nama}, tetapi naskah menyebut "
                            f"\"{tertulis}\"; periksa dan lengkapi rantainya di konfigurasi "
                            f"(peraturan.{kunci}.perubahan)")
            return
        setara = lambda j: "UU" if j == "Perppu" else j  # noqa: E731
        disebut = next((q for q in rantai if (setara(q.jenis), q.nomor, q.tahun) == (setara(jenis2), n2, t2)), None)
        akhir = rantai[-1]
        if disebut is None:
            self.galat(s.tempat, f"rantai perubahan {nama} salah: \"{tertulis}\" tidak mengubahnya menurut tabel "
                       f"sitasi; perubahan terakhirnya {nama_singkat_(akhir)}")
            return
        if disebut is not akhir:
            self.galat(s.tempat, f"rantai perubahan {nama} sudah usang: perubahan terakhirnya bukan \"{tertulis}\", "
                       f"melainkan {nama_singkat_(akhir)}")
            return
        frasa = " ".join(m.group("frasa").replace(",", " ").split())
        if len(rantai) > 1 and "beberapa kali" not in frasa:
            self.galat(s.tempat, f"{nama} telah diubah {bilangan.bilangan(len(rantai))} kali: tulis \"sebagaimana "
                       "telah beberapa kali diubah terakhir dengan ...\"")
        elif len(rantai) == 1 and "beberapa kali" in frasa:
            self.galat(s.tempat, f"{nama} baru diubah 1 (satu) kali: tulis \"sebagaimana telah diubah dengan ...\"")
        elif len(rantai) > 1 and frasa != "beberapa kali diubah terakhir":
            self.peringatan(s.tempat, "bentuk Lampiran II untuk rantai perubahan: \"sebagaimana telah beberapa kali "
                            f"diubah terakhir dengan ...\", bukan \"sebagaimana telah {m.group('frasa')} dengan ...\"")

    # -- defined terms: restated in full, unused, capitalised without a definition -------------

    def _akhir_pasal1(self) -> int:
        """Index of the last unit of the Pasal 1 definitions (-1 when there are none)."""
        akhir = -1
        for i, s in enumerate(self.satuan):
            if s.definisi:
                akhir = i
        return akhir

    def _definisi_semua(self) -> list[tuple[str, str, int]]:
        """(long form, short form, index of the unit after which the short form holds): Pasal 1
        definitions "X yang selanjutnya disebut/disingkat Y", inline ones in any unit, "X (Y)"."""
        if hasattr(self, "_def_cache"):
            return self._def_cache
        hasil: list[tuple[str, str, int]] = []
        akhir_pasal1 = self._akhir_pasal1()
        for i, s in enumerate(self.satuan):
            if s.peran in ("mengingat", "lampiran"):
                continue
            t = " ".join(s.teks.split())
            if s.definisi:
                m = _DEFINISI.match(t)
                if m and m.group("x").strip() != m.group("y").strip():
                    hasil.append((m.group("x").strip(), m.group("y").strip(), akhir_pasal1))
                continue
            for m in _DEFINISI_SISIP.finditer(t):
                x = _nama_kapital_sebelum(t, m.start())
                if x and len(x.split()) >= 2 and x != m.group("y"):
                    hasil.append((x, m.group("y"), i))
            for m in _SINGKATAN_KURUNG.finditer(t):
                x = _nama_kapital_sebelum(t, m.start())
                y = m.group("y")
                if x and len(x.split()) >= 2 and _singkatan_cocok(x, y):
                    hasil.append((x, y, i))
        self._def_cache = hasil
        return hasil

    def cek_istilah_diulang(self) -> None:
        """Once a term has a short defined form, the text uses it: not "Kader Pembangunan
        Manusia" once KPM is defined, not "Pos Pelayanan Terpadu (Posyandu)" after Pasal 1."""
        definisi = self._definisi_semua()
        if not definisi:
            return
        for i, s in enumerate(self.satuan):
            if s.peran not in ("ayat", "butir", "diktum") or s.definisi:
                continue
            t = " ".join(s.teks.split())
            for x, y, asal in definisi:
                if i <= asal or x not in t:
                    continue
                for m in re.finditer(r"(?<![\w-])" + re.escape(x) + r"(?![\w-])", t):
                    if _DALAM_JUDUL_SITASI.search(t[:m.start()]):
                        continue  # inside the title of a cited regulation
                    self.galat(s.tempat, f"\"{x}\" sudah didefinisikan dengan bentuk singkat \"{y}\"; setelah "
                               f"definisinya tulis \"{y}\", bukan bentuk panjangnya")
                    break

    def cek_istilah_tak_terpakai(self) -> None:
        """A term defined in Pasal 1 but used nowhere else (Lampiran II angka 102): a warning."""
        definisi = [s for s in self.satuan if s.definisi]
        if not definisi:
            return
        lain = "\n".join(" ".join(s.teks.split()) for s in self.satuan
                         if s.peran in ("ayat", "butir", "diktum", "lampiran") and not s.definisi)
        for s in definisi:
            t = " ".join(s.teks.split())
            m = _DEFINISI.match(t)
            istilah = [m.group("x").strip(), m.group("y").strip()] if m else []
            if not m:
                m = _DEFINISI_PENDEK.match(t)
                if not m:
                    continue
                istilah = [m.group("x").strip()]
            teks_lain = lain + "\n" + "\n".join(" ".join(d.teks.split()) for d in definisi if d is not s)
            if not any(re.search(r"(?<![\w-])" + re.escape(i) + r"(?![\w-])", teks_lain) for i in istilah if i):
                self.peringatan(s.tempat, f"istilah \"{istilah[-1]}\" didefinisikan tetapi tidak dipakai dalam pasal "
                                "lain; hapus definisinya (Lampiran II angka 102)")

    def cek_kapital_tanpa_definisi(self) -> None:
        """A term known from the clause library's definitions, written with capitals in the body of
        a regulation whose Pasal 1 does not define it: it reads as defined but is not."""
        if not self.istilah_dikenal or not any(s.definisi for s in self.satuan):
            return
        didefinisikan = {i for i, _ in self.istilah}
        for istilah in dict.fromkeys(self.istilah_dikenal):
            if istilah in didefinisikan or istilah == istilah.lower() or istilah.isupper():
                continue
            pola = re.compile(r"(?<![\w-])" + re.escape(istilah) + r"(?![\w-])")
            for s in self.satuan:
                if s.peran not in ("ayat", "butir", "diktum") or s.definisi:
                    continue
                t = " ".join(s.teks.split())
                m = next((m for m in pola.finditer(t) if not self._bagian_istilah(t, m, didefinisikan)), None)
                if m is None or m.start() == 0 or re.search(r"[.!?]\s+$", t[:m.start()]) \
                        or _DALAM_JUDUL_SITASI.search(t[:m.start()]):
                    continue
                self.peringatan(s.tempat, f"\"{istilah}\" ditulis dengan huruf kapital seperti istilah yang "
                                "didefinisikan, tetapi Pasal 1 tidak mendefinisikannya: definisikan atau tulis "
                                "dengan huruf kecil")
                break

    @staticmethod
    def _bagian_istilah(t: str, m: re.Match, didefinisikan: set[str]) -> bool:
        """Whether the match is part of a longer defined term ("Desa" in "Pemerintah Desa")."""
        for d in didefinisikan:
            if len(d) <= len(m.group(0)) or m.group(0) not in d:
                continue
            for n in re.finditer(re.escape(d), t):
                if n.start() <= m.start() and m.end() <= n.end():
                    return True
        return False

    def cek_singkatan(self) -> None:
        """An abbreviation is introduced before it is used: defined in Pasal 1, or written out
        ("... yang selanjutnya disingkat KPM", "Rencana Kerja Pemerintah Desa (RKP Desa)") at its
        first use (a warning)."""
        definisi = sorted(self._definisi_semua(), key=lambda d: d[2])
        akhir_pasal1 = self._akhir_pasal1()
        dikenal: set[str] = set()
        kata_dikenal: set[str] = set()
        j = 0
        pasal1 = False
        dilaporkan: set[str] = set()
        if self.dok.perjanjian is not None:  # an agreement names its parties before the first Pasal
            for p in self.dok.perjanjian.pihak:
                dikenal.add(p.sebutan)
                kata_dikenal.update(p.sebutan.split())
        for i, s in enumerate(self.satuan):
            baru = []
            if not pasal1 and i > akhir_pasal1 >= 0:
                pasal1 = True
                baru += [x for x, _ in self.istilah]
            while j < len(definisi) and definisi[j][2] < i:
                baru.append(definisi[j][1])
                j += 1
            for b in baru:
                dikenal.add(b)
                kata_dikenal.update(b.split())
            if s.peran not in ("menimbang", "ayat", "butir", "diktum") or s.definisi:
                continue
            for k, perkenalan in _ingat(("singkatan", s.teks), _token_singkatan, s.teks):
                if k in dikenal or k in kata_dikenal or k in dilaporkan:
                    continue
                if any(k.startswith(d + " ") for d in dikenal):
                    continue  # "APB Kampung" followed by a name: "APB Kampung Adat Yoboi"
                if perkenalan:
                    dikenal.add(k)  # "Long Form (ABBR)" or "... yang selanjutnya disingkat ABBR"
                    kata_dikenal.update(k.split())
                    continue
                dilaporkan.add(k)
                self.peringatan(s.tempat, f"singkatan \"{k}\" dipakai sebelum ditulis lengkap: definisikan atau "
                                f"tulis kepanjangannya pada pemakaian pertama, mis. \"... ({k})\"")

    # -- hand-typed list markers, lists without conjunction -----------------------------------

    def cek_tanda_butir_manual(self) -> None:
        """A list marker typed into the text ("a. a. pendataan", "(1) (1) Desa ..."): the program
        numbers items and ayat itself, so the marker is printed twice."""
        for s in self.satuan:
            if s.peran not in ("ayat", "butir", "diktum"):
                continue
            t = s.teks.lstrip()
            m = _TANDA_MANUAL.match(t) if s.peran == "butir" else _AYAT_MANUAL.match(t)
            if m:
                self.galat(s.tempat, f"tanda \"{m.group(1)}\" ditulis tangan di awal teks: program menomori butir dan "
                           f"ayat sendiri, sehingga tercetak ganda; hapus \"{m.group(1)}\" dari teks sumbernya")

    def cek_kata_sambung(self) -> None:
        """A list of two or more items with no "dan", "atau" or "dan/atau" after the second-to-last
        (Lampiran II angka 88-90): a warning."""
        def daftar(d: Daftar, tempat: str, kedalaman: int, jenis_luar: str) -> None:
            if d.jenis == "rincian" and len(d.butir) >= 2 and not d.sambung:
                self.peringatan(tempat, "rincian tanpa kata sambung \"dan\", \"atau\", atau \"dan/atau\" setelah "
                                "butir kedua terakhir (Lampiran II angka 88-90)")
            jenis = _jenis_tanda(jenis_luar, kedalaman)
            for i, b in enumerate(d.butir, 1):
                if b.daftar is not None:
                    daftar(b.daftar, f"{tempat} {_nilai_tanda(jenis, i)}", kedalaman + 1, jenis_luar)

        for p in semua_pasal(self.dok.batang_tubuh):
            for a in p.ayat:
                if a.daftar is not None:
                    daftar(a.daftar, _tempat_pasal(p, a), 1, a.daftar.jenis)
        for d in self.dok.batang_tubuh:
            if isinstance(d, Diktum) and d.daftar is not None:
                daftar(d.daftar, f"Diktum {d.nomor}", 1, d.daftar.jenis)

    # -- wording: one form for minimums, no programme jargon ----------------------------------

    def cek_ungkapan(self) -> None:
        program = tuple(self.istilah_program)
        for s in self.satuan:
            if s.peran == "mengingat":
                continue
            for pesan in _ingat(("ungkapan", program, s.teks), _temuan_ungkapan, s.teks, program):
                self.peringatan(s.tempat, pesan)

    # -- structure ------------------------------------------------------------------------------

    def cek_bab_maksud_tujuan(self) -> None:
        """Lampiran II angka 98 huruf c: asas, maksud, and tujuan stand in the ketentuan umum, not
        in a chapter of their own (a warning)."""
        for u in self.dok.batang_tubuh:
            if isinstance(u, Bab) and re.search(r"\b(MAKSUD|TUJUAN|ASAS)\b", u.judul.upper()) \
                    and "KETENTUAN UMUM" not in u.judul.upper():
                self.peringatan(f"BAB {u.nomor}", f"\"{u.judul}\" dalam bab tersendiri: Lampiran II UU 12/2011 angka "
                                "98 huruf c menempatkan asas, maksud, dan tujuan dalam ketentuan umum (BAB I), tidak "
                                "dalam bab tersendiri")

    def cek_lembaga_kemasyarakatan(self) -> None:
        """A list of Lembaga Kemasyarakatan Desa naming something that is not one (a PAUD unit, a
        Puskesmas, the BPD): Permendagri 18/2018 Pasal 6 lists the LKD; Permendagri 13/2024 adds
        Posyandu."""
        for s in self.satuan:
            if s.daftar_induk is None or not s.daftar_induk.butir or s.peran not in ("ayat", "diktum"):
                continue
            t = " ".join(s.teks.split())
            if not re.search(r"\b(?:Lembaga Kemasyarakatan (?:" + _ALT_DESA + r")|LKD)\b.*\bmeliputi\b", t):
                continue
            jenis = _jenis_tanda(s.daftar_induk.jenis, 1)
            for i, b in enumerate(s.daftar_induk.butir, 1):
                teks_b, _ = _polos(b.isi)
                m = BUKAN_LKD.search(teks_b)
                if m:
                    self.galat(f"{s.tempat} {_nilai_tanda(jenis, i)}", f"\"{m.group(0)}\" bukan Lembaga "
                               "Kemasyarakatan Desa (Permendagri 18/2018 Pasal 6: RT, RW, PKK, Karang Taruna, "
                               "Posyandu, LPM); sebut perannya tersendiri sebagai satuan layanan")

    # -- numbers and money --

    def cek_bilangan(self) -> None:
        for s in self.satuan:
            if s.peran in ("mengingat", "lampiran"):
                continue
            for pesan in _ingat(("bilangan", s.teks), _temuan_bilangan, s.teks):
                self.galat(s.tempat, pesan)


def _temuan_bilangan(t: str) -> list[str]:
    """The number and money findings of one text (a text's findings depend on the text alone)."""
    out = [*_periksa_uang(t), *_periksa_angka(t)]
    for m in _KATA_BILANGAN.finditer(t):
        if t[:m.start()].rstrip().lower().endswith("tanggal"):
            continue  # "tanggal dua bulan Mei": a date in words (an agreement's opening), not an amount
        kata = " ".join(m.group("kata").split())
        n = _nilai_kata(kata)
        if n is not None:
            out.append(f"bilangan \"{kata} {m.group('satuan')}\" ditulis dengan angka diikuti huruf dalam kurung: "
                       f"\"{bilangan.angka(n)} ({kata}) {m.group('satuan')}\"")
    return out


_INGATAN: dict[tuple, object] = {}


def _ingat(kunci: tuple, fungsi, *arg):
    """`fungsi(*arg)` remembered by `kunci`: the decrees of a whole roster repeat most texts."""
    try:
        return _INGATAN[kunci]
    except KeyError:
        pass
    if len(_INGATAN) > 50_000:
        _INGATAN.clear()
    hasil = _INGATAN[kunci] = fungsi(*arg)
    return hasil


def _kata_dalam_kurung(t: str, pos: int) -> str | None:
    m = _KURUNG.match(t[pos:])
    return " ".join(m.group(1).split()) if m else None


@functools.lru_cache(maxsize=8192)  # pure; the same texts repeat in every decree and contract
def _periksa_uang(t: str) -> tuple[str, ...]:
    return tuple(_periksa_uang_(t))


def _periksa_uang_(t: str) -> list[str]:
    out = []
    for m in _RUPIAH.finditer(t):
        tulis = m.group(0)
        angka = m.group(1)
        if not re.fullmatch(r"Rp\d{1,3}(?:\.\d{3})*,\d{2}", tulis):
            out.append(f"jumlah uang {_kutip(tulis)} ditulis \"Rp\" rapat dengan angka, titik pemisah ribuan "
                       "dan dua angka sen, mis. \"Rp1.500.000,00\"")
            continue
        nilai = Decimal(angka.replace(".", "").replace(",", "."))
        harap = bilangan.terbilang_rupiah(nilai)
        kata = _kata_dalam_kurung(t, m.end())
        if kata is None:
            out.append(f"jumlah uang {tulis} diikuti terbilangnya dalam kurung: \"{tulis} ({harap})\"")
        elif kata.lower() != harap:
            out.append(f"terbilang jumlah uang {tulis} salah: tertulis \"({kata})\", seharusnya \"({harap})\"")
    return out


@functools.lru_cache(maxsize=8192)
def _periksa_angka(t: str) -> tuple[str, ...]:
    return tuple(_periksa_angka_(t))


def _periksa_angka_(t: str) -> list[str]:
    out = []
    for m in _ANGKA.finditer(t):
        token = m.group(1)
        mulai, akhir = m.start(1), m.end(1)
        sebelum = t[:mulai]
        sesudah = t[akhir:]
        if sebelum.endswith("Rp") or re.search(r"Rp\.?\s*[\d.,]*$", sebelum):
            continue  # money: checked apart
        persen = sesudah.startswith("%") or sesudah.startswith(" %")
        bentuk_angka = re.fullmatch(r"\d{1,3}(?:\.\d{3})+|\d+", token.split(",")[0]) and token.count(",") <= 1
        if not bentuk_angka:
            continue  # a code: 62.10.01, 1.2.3
        # labels: Pasal 7, ayat (1), Nomor 6, Tahun 2025, Aksi 1, RT 005 ...
        kata_lalu = re.search(r"([\w/-]+)\W{0,2}$", sebelum)
        if kata_lalu:
            w = kata_lalu.group(1)
            if w[0].isupper() or w.lower() in _LABEL_KECIL:
                continue
        if re.match(rf"^\s+(?:{_BULAN})\b", sesudah) or re.search(rf"\b(?:{_BULAN})\s+$", sebelum):
            continue  # a date
        if re.match(r"^\s+HPK\b", sesudah):
            continue  # "1.000 HPK", the name of the period
        if sesudah.startswith("/") or sebelum.endswith("/"):
            continue
        try:
            nilai = Decimal(token.replace(".", "").replace(",", "."))
        except InvalidOperation:
            continue
        if persen:
            harap = bilangan.persen(nilai)
            digit, _, kata_harap = harap.partition(" ")
            pos = akhir + (2 if sesudah.startswith(" %") else 1)
            kata = _kata_dalam_kurung(t, pos)
            if kata is None:
                out.append(f"persentase {token}% diikuti terbilangnya dalam kurung: \"{harap}\"")
            elif f"({kata})" != kata_harap:
                out.append(f"terbilang persentase {token}% salah: tertulis \"({kata})\", seharusnya \"{kata_harap}\"")
            continue
        kata = _kata_dalam_kurung(t, akhir)
        if "," not in token and kata is None and 1900 <= nilai <= 2100 and "." not in token:
            continue  # a year
        if "," in token:
            bulat, _, pecahan = token.partition(",")
            harap_kata = bilangan.terbilang(int(bulat.replace(".", ""))) + " koma " + " ".join(
                bilangan.terbilang(int(c)) for c in pecahan)
        else:
            n = int(token.replace(".", ""))
            harap_kata = bilangan.terbilang(n)
            if n >= 1000 and "." not in token and kata is not None:
                out.append(f"bilangan {token} ditulis dengan titik pemisah ribuan: \"{bilangan.angka(n)}\"")
        if kata is None:
            out.append(f"bilangan {token} ditulis dengan angka diikuti huruf dalam kurung: "
                       f"\"{token} ({harap_kata})\"")
        elif kata.lower() != harap_kata:
            out.append(f"bilangan {token} tidak sesuai dengan huruf dalam kurung: tertulis \"({kata})\", "
                       f"seharusnya \"({harap_kata})\"")
    return out


# --- helpers of the citation, term and wording rules -----------------------------------------------

_JENIS_SITASI = (r"(?P<{a}jenis>Peraturan Pemerintah Pengganti Undang-Undang|Undang-Undang|Peraturan Pemerintah|"
                 r"Peraturan Presiden|Peraturan (?P<{a}permen>Menteri)(?:(?!Nomor\b|tentang\b)[^()\d;])*?|"
                 r"Peraturan (?P<{a}perda>Daerah)(?:(?!Nomor\b|tentang\b)[^()\d;])*?|"
                 r"Peraturan (?P<{a}perbup>Bupati|Wali ?[Kk]ota)(?:(?!Nomor\b|tentang\b)[^()\d;])*?)")
_SITASI = re.compile(_JENIS_SITASI.format(a="") + r"\s+Nomor\s+(?P<nomor>\d+)\s+Tahun\s+(?P<tahun>\d{4})")
_RANTAI_AWAL = re.compile(r"sebagaimana\s+telah\b")
_RANTAI_UBAH = re.compile(
    r"sebagaimana\s+telah\s+(?P<frasa>(?:beberapa\s+kali\s+)?diubah(?:\s+beberapa\s+kali)?,?(?:\s+terakhir)?)"
    r"\s+dengan\s+" + _JENIS_SITASI.format(a="j") + r"\s+Nomor\s+(?P<jnomor>\d+)\s+Tahun\s+(?P<jtahun>\d{4})")
# where one citation's own text ends: a list separator, or the next regulation named after "dan"
_BATAS_SITASI = re.compile(r";|,?\s+dan\s+(?=(?:Undang-Undang|Peraturan)\s)")
_LEMBARAN = re.compile(
    r"\((?P<jenis>Lembaran Negara|Berita Negara|Lembaran Daerah|Berita Daerah)(?: Republik Indonesia|"
    r" [^()]*?)? Tahun (?P<tahun>\d{4}|\.\.\.) Nomor (?P<nomor>[\w.]+?)(?:, Tambahan (?:Lembaran Negara "
    r"Republik Indonesia|Lembaran Daerah [^()]*?) Nomor (?P<tambahan>[\w.]+?))?\)")
_DALAM_JUDUL = re.compile(r"(?:\batas|\bPenetapan|\bPelaksanaan|\bPencabutan)\s+$")
# inside the title of a cited regulation ("... Tahun 2018 tentang Lembaga Kemasyarakatan Desa")
_DALAM_JUDUL_SITASI = re.compile(r"Tahun\s+\d{4}\s+tentang\s+[^;()]*$")
_DEFINISI_SISIP = re.compile(
    r",?\s+yang\s+selanjutnya\s+(?:disebut|disingkat)\s+(?P<y>(?:\d[\d.]*\s)?[A-Z][\w/-]*(?:\s+(?:Desa|[A-Z][\w-]*))*)")
_SINGKATAN_KURUNG = re.compile(r"\s+\((?P<y>(?:\d[\d.]*\s)?[A-Z][A-Za-z]*[A-Z][A-Za-z]*(?:\s+(?:" + _ALT_DESA + r"))?|[A-Z][a-z]+)\)")
_PARTIKEL = {"dan", "di", "dalam", "atas", "ke", "untuk", "bagi", "tentang", "pada", "serta", "dari"}
_SINGKATAN = re.compile(r"(?<![\w.])((?:\d{1,3}(?:\.\d{3})+\s)?[A-Z][A-Za-z]*[A-Z][A-Za-z]*(?:\s+(?:" + _ALT_DESA
                        + r"))?)(?![\w])")
_BUKAN_SINGKATAN = {"RT", "RW", "NIK", "NIP", "SK"}
_ROMAWI = re.compile(r"[IVXLC]+")
_TANDA_MANUAL = re.compile(r"^((?:[a-z]{1,2}|\d{1,3})[.)])\s")
_AYAT_MANUAL = re.compile(r"^(\(\d{1,3}\))\s")
_UNGKAPAN_BAKU = {"sekurang-kurangnya": "paling sedikit", "sekurangnya": "paling sedikit",
                  "setidak-tidaknya": "paling sedikit", "selambat-lambatnya": "paling lambat",
                  "sebanyak-banyaknya": "paling banyak", "selama-lamanya": "paling lama"}
_UNGKAPAN_LAMA = re.compile(r"\b(" + "|".join(_UNGKAPAN_BAKU) + r")\b", re.IGNORECASE)
_SATUAN = r"(?:tahun|bulan|minggu|pekan|hari|jam|kali|orang|paket|triwulan|semester|lembar|kader|unit)"
_KATA_DASAR = r"(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus|seribu)"
_KATA_BILANGAN = re.compile(
    r"(?<![\w(-])(?P<kata>" + _KATA_DASAR + r"(?:\s+(?:belas|puluh|ratus|ribu))?(?:\s+" + _KATA_DASAR + r")?)"
    r"\s+(?P<satuan>" + _SATUAN + r")\b")
BUKAN_LKD = re.compile(r"\b(PAUD|[Pp]endidikan [Aa]nak [Uu]sia [Dd]ini|Puskesmas|[Pp]usat [Kk]esehatan [Mm]asyarakat|"
                        r"Poskesdes|Polindes|BUM Desa|BPD|Badan Permusyawaratan Desa|[Ss]ekolah|"
                        + "|".join(re.escape(x) for x in _ISTILAH["bpd"] if len(x) > 3) + r")\b")


def _jenis_sitasi(m: re.Match, awalan: str = "") -> str:
    if m.group(f"{awalan}permen"):
        return "Permen"
    if m.group(f"{awalan}perda"):
        return "Perda"
    if m.group(f"{awalan}perbup"):
        return "Perbup"
    return {"Undang-Undang": "UU", "Peraturan Pemerintah Pengganti Undang-Undang": "Perppu",
            "Peraturan Pemerintah": "PP", "Peraturan Presiden": "Perpres"}[m.group(f"{awalan}jenis")]


def nama_singkat_(p) -> str:
    from perbup_gen.konfigurasi.peraturan import nama_singkat

    return nama_singkat(p)


def _nama_kapital_sebelum(t: str, pos: int) -> str:
    """The run of capitalised words (particles allowed inside) that ends at `pos`: the long form
    of an inline definition. The text's first word (a verb: "Membentuk") is not part of it."""
    kata = t[:pos].rstrip(" ,").split(" ")
    hasil: list[str] = []
    i = len(kata) - 1
    while i >= 0:
        w = kata[i]
        if w[:1].isupper() or w[:1].isdigit():
            hasil.insert(0, w)
        elif w in _PARTIKEL and hasil and i > 0 and kata[i - 1][:1].isupper():
            hasil.insert(0, w)
        else:
            break
        i -= 1
    if i < 0 and len(hasil) > 1:
        hasil = hasil[1:]
    while hasil and hasil[0] in _PARTIKEL:
        hasil = hasil[1:]
    return " ".join(hasil)


def _singkatan_cocok(x: str, y: str) -> bool:
    """Whether "X (Y)" introduces Y as the short form of X: Y's capitals are among X's initials, or
    Y starts like X ("Pos Pelayanan Terpadu (Posyandu)")."""
    kepala = "".join(c for c in re.sub(r"\s+(?:" + _ALT_DESA + r")$", "", y) if c.isupper())
    inisial = "".join(w[0] for w in x.split() if w[:1].isupper())
    return bool(kepala) and (kepala.upper() in inisial.upper() or y[:1].upper() == x[:1].upper())


def _token_singkatan(teks: str) -> list[tuple[str, bool]]:
    """The abbreviations of a text in order, each with whether the text introduces it there."""
    t = " ".join(teks.split())
    out = []
    for m in _SINGKATAN.finditer(t):
        k = m.group(1)
        if k in _BUKAN_SINGKATAN or _ROMAWI.fullmatch(k):
            continue
        awal = t[:m.start()]
        if awal.endswith("Diktum "):
            continue
        if (t[m.end():m.end() + 1] == ")" and awal.endswith("(")) or awal.rstrip().endswith(("disingkat", "disebut")):
            out.append((k, True))
        elif not _DALAM_JUDUL_SITASI.search(awal):
            out.append((k, False))
    return out


def _temuan_ungkapan(teks: str, program: tuple[str, ...]) -> list[str]:
    t = " ".join(teks.split())
    out = [f"\"{m.group(0)}\": tulis \"{_UNGKAPAN_BAKU[m.group(0).lower()]}\" (satu bentuk untuk batas paling "
           "sedikit, paling lama, dan paling banyak)" for m in _UNGKAPAN_LAMA.finditer(t)]
    pola = _pola_istilah_program(program)
    m = pola.search(t) if pola is not None else None
    if m:
        out.append(f"istilah program \"{m.group(0)}\" bukan bahasa peraturan; sebut kegiatannya (mis. \"analisis "
                   "situasi\", \"rembuk stunting\")")
    return out


_PETA_SITASI: dict[int, tuple[dict, dict, dict]] = {}


def _per_tabel(peraturan: dict) -> tuple[dict, dict]:
    """For one citation table (kept while it lives): citation text -> (key, entry), and a memo of
    the citation findings per text (a check of 75,000 decrees shares both)."""
    lama = _PETA_SITASI.get(id(peraturan))
    if lama is not None and lama[0] is peraturan:
        return lama[1], lama[2]
    from perbup_gen.konfigurasi.peraturan import sitasi

    peta: dict[str, tuple[str, object]] = {}
    for kunci, p in peraturan.items():
        try:
            peta.setdefault(sitasi(kunci, peraturan), (kunci, p))
        except KeyError:
            continue
    if len(_PETA_SITASI) > 8:
        _PETA_SITASI.clear()
    _PETA_SITASI[id(peraturan)] = (peraturan, peta, {})
    return peta, _PETA_SITASI[id(peraturan)][2]


def _peta_sitasi(peraturan: dict) -> dict:
    return _per_tabel(peraturan)[0]


def _ingatan_tabel(peraturan: dict) -> dict:
    return _per_tabel(peraturan)[1]


@functools.lru_cache(maxsize=8)
def _pola_istilah_program(istilah: tuple[str, ...]) -> "re.Pattern | None":
    if not istilah:
        return None
    return re.compile(r"(?<![\w])(" + "|".join(re.escape(i) for i in sorted(istilah, key=len, reverse=True))
                      + r")(?![\w])", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _istilah_program_berkas() -> tuple[str, ...]:
    from perbup_gen.jalur import KLAUSUL

    try:
        baris = (KLAUSUL / "istilah_program.txt").read_text(encoding="utf-8").splitlines()
    except OSError:
        return ()
    return tuple(b.strip() for b in baris if b.strip() and not b.lstrip().startswith("#"))


def _ISTILAH_PROGRAM_BAWAAN() -> list[str]:
    """The programme jargon kept out of legal text (clauses/istilah_program.txt)."""
    return list(_istilah_program_berkas())


@functools.lru_cache(maxsize=1)
def _kata_ke_angka() -> dict[str, int]:
    return {bilangan.terbilang(n): n for n in range(1, 10000)}


def _nilai_kata(kata: str) -> int | None:
    """The number a word spells ("dua" -> 2, "dua belas" -> 12), up to 9999; None otherwise."""
    return _kata_ke_angka().get(kata)


# --- public --------------------------------------------------------------------------------------


def periksa_naskah(dok: Dokumen, peraturan: dict | None = None,
                   nama_wilayah: str | None = None, istilah_dikenal: list[str] | None = None,
                   istilah_program: list[str] | None = None) -> list[TemuanNaskah]:
    """Every drafting check on a numbered Dokumen.

    `peraturan`: the citation table (HasilMuat.peraturan) to match Mengingat items against; without
    it Mengingat is checked for punctuation only. `nama_wilayah`: the kabupaten's name ("Gunung
    Mas"), which must not appear in "Menetapkan :".
    """
    return _Pemeriksa(dok, peraturan, nama_wilayah, istilah_dikenal, istilah_program).jalankan()


def istilah_definisi(dok: Dokumen) -> list[str]:
    """The terms defined in Pasal 1 of `dok` (both X and Y of "X yang selanjutnya disebut Y")."""
    p = _Pemeriksa(dok, None, None)
    p.kumpulkan()
    p.cek_definisi()
    return [i for i, _ in p.istilah]


def periksa_kutipan_definisi(dok: Dokumen, belum: dict[str, str]) -> list[TemuanNaskah]:
    """Pasal 1 definitions whose wording is not yet matched to the regulation that defines the
    term (Lampiran II angka 103 and 106: it must be quoted the same). `belum` maps a defined term
    to the source named in the clause library (`kutipan: belum dicocokkan`). One warning per
    source, naming the angka."""
    p = _Pemeriksa(dok, None, None)
    p.kumpulkan()
    p.cek_definisi()
    per_sumber: dict[str, list[str]] = {}
    for istilah, tempat in p.istilah:
        sumber = belum.get(istilah)
        if sumber is not None and tempat not in per_sumber.get(sumber, []):
            per_sumber.setdefault(sumber, []).append(tempat)
    hasil = []
    for sumber, tempat in per_sumber.items():
        angka = [t.rsplit(" ", 1)[-1] for t in tempat]
        tempat_ = tempat[0] if len(tempat) == 1 else f"Pasal 1 angka {', '.join(angka)}"
        hasil.append(TemuanNaskah("peringatan", tempat_, f"rumusan definisi belum dicocokkan kata demi kata "
                                  f"dengan peraturan yang mendefinisikannya ({sumber}); Lampiran II angka 103 "
                                  "meminta bunyinya sama: cocokkan lalu tulis kutipan: utuh di definisi.yaml"))
    return hasil


def periksa_dokumen(dok: Dokumen, nama_dokumen: str, peraturan: dict | None = None,
                    wilayah: str | None = None, desa: str | None = None,
                    istilah_dikenal: list[str] | None = None,
                    istilah_program: list[str] | None = None) -> list[Temuan]:
    """The drafting checks of one numbered Dokumen as report findings (`peraturan`: the citation
    table; `wilayah`: the region's name, a proper noun; `istilah_dikenal`: the terms of the clause
    library's definitions; `istilah_program`: programme jargon)."""
    return [Temuan(t.tingkat, nama_dokumen, t.tempat, t.pesan, desa)
            for t in periksa_naskah(dok, peraturan, wilayah, istilah_dikenal, istilah_program)]
