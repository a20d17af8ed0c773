"""The parser: cleaned lines -> the document model, as a small state machine over lines.

States, in the order of Lampiran II UU 12/2011 (each a method `_f_<state>` taking one line; a
method may move to another state and hand the same line on):

    awal        heading (kepala) and title (jenis, NOMOR ... TAHUN ..., TENTANG ...)
    pembukaan   DENGAN RAHMAT..., the official, Menimbang / Mengingat / Memperhatikan items,
                "Dengan Persetujuan Bersama"
    menetapkan  MEMUTUSKAN, "Menetapkan : ..."
    tubuh       BAB / Bagian / Paragraf / Pasal / ayat / lists, or the diktum of a Keputusan
    pengundangan "Agar setiap orang mengetahuinya, ..."
    penutup     Ditetapkan/Disahkan di, pada tanggal, office, name; Diundangkan; BERITA DAERAH /
                LEMBARAN ...; Tembusan; paraf box
    lampiran    LAMPIRAN blocks: top-right heading, title, tables and text, signature
    penjelasan  PENJELASAN ATAS ...
    sisa        anything after the document (a second document bundled in the same file)

Lists are parsed by marker: a marker continues the deepest open list whose style matches and whose
next value it is ("b." after "a.", "d1." inserted after "d."), else opens a sub-list when it is a
first value ("a.", "1.", "a)", "1)"), else is accepted with a warning (a gap, an OCR slip). Ayat are
"(1)", "(2)" in sequence; a Pasal whose text starts with "1." without a lead sentence has its ayat
written "1.", "2." (reported). In an amending regulation (Pasal I, Pasal II) a Pasal or BAB
heading inside a change point is the restated text: it goes into `Butir.kutipan`.

Where the parser is unsure it says so (CatatanImpor) with the line; it never drops text silently.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from perbup_gen.impor.baris import KATA_RUJUK, Baris, CatatanImpor
from perbup_gen.naskah import bilangan
from perbup_gen.naskah.model import (
    Alinea, Ayat, Bab, Bagian, BarisParaf, Butir, Daftar, Diktum, Dokumen, Identitas, Judul,
    Kepala, Lampiran, Paragraf, Pasal, Pembukaan, Penutup, RAHMAT_NASIONAL, Tabel, TandaTangan, Teks, semua_pasal,
)

__all__ = ["urai", "HasilUrai", "baca_tanda", "romawi_ke_int", "bentuk_dari_jenis"]

# --- words and patterns --------------------------------------------------------------------------

KATA_DIKTUM = [bilangan.urutan_kapital(i) for i in range(1, 41)]
_RE_DIKTUM = re.compile(r"^(" + "|".join(sorted(KATA_DIKTUM, key=len, reverse=True))
                        + r")\s*:?\s*(.*)$")
_RE_BAB = re.compile(r"^BAB\s+([IVXLCDM]+[A-Z]?)(?:\s*[.:-]?\s+(.*))?$")
_RE_BAB_REKAT = re.compile(r"^BAB([IVX]+)$")
_RE_BAGIAN = re.compile(r"^Bagian\s+(Ke[a-z]+(?:\s+[A-Z]?[a-z]*\s*[Bb]elas)?|Pertama)\b\s*[.:]?\s*(.*)$",
                        re.IGNORECASE)
_RE_PARAGRAF = re.compile(r"^Paragraf\s+(\d+[A-Z]?)\s*[.:]?\s*(.*)$")
_RE_PASAL = re.compile(r"^Pasal\s+([0-9]+[A-Z]?|[IVX]+|[0-9OolI]{1,3})\s*[:.]?$")
_RE_JENIS = re.compile(r"^(?:RANCANGAN\s+)?(PERATURAN|KEPUTUSAN|UNDANG-UNDANG|INSTRUKSI|"
                       r"PERATURAN PEMERINTAH|SURAT EDARAN)\b", re.IGNORECASE)
_RE_JUDUL = re.compile(r"^(?P<jenis>.+?)\s+NOMOR\s*:?\s*(?P<nomor>.*?)\s*TAH[UV]N\s*:?\s*"
                       r"(?P<tahun>\d{4}|\.{2,}|…)?\s*(?:TENTANG\s*:?\s*(?P<tentang>.*))?$",
                       re.IGNORECASE)
_RE_NOMOR_PMK = re.compile(r"^(?P<jenis>.+?)\s+NOMOR\s*:?\s*(?P<nomor>\S+?)/(?P<tahun>\d{4})\s*"
                           r"(?:TENTANG\s*:?\s*(?P<tentang>.*))?$", re.IGNORECASE)
# the opening formula: the national one, and Aceh's ("BISMILLAHIRRAHMANIRRAHIM", "DENGAN NAMA ALLAH
# YANG MAHA PENGASIH LAGI MAHA PENYAYANG", "ATAS RAHMAT ALLAH YANG MAHA KUASA", ...)
_RE_RAHMAT = re.compile(r"^(?:(?:DENGAN|ATAS) RAHMAT (?:TUHAN|ALLAH) YANG MAHA (?:ESA|KUASA)\b|"
                        r"DENGAN RAHMAT ALLAH SUBHANAHU\b|BISMILLAHIRRAHMANIRRAHIM\b|"
                        r"DENGAN NAMA ALLAH YANG MAHA PENGASIH\b)", re.IGNORECASE)
_RE_LABEL = re.compile(r"^(Menimbang|Mengingat|Memperhatikan|MENIMBANG|MENGINGAT|MEMPERHATIKAN)"
                       r"\s*(?::\s*(.*)|$|(?=(?:\S{1,3}\s+)?(?:bahwa|Undang|Peraturan|Pasal|\d+\.|[a-z]\.)\b)(.*))$")
_RE_MEMUTUSKAN = re.compile(r"^M\s?E\s?M\s?U\s?T\s?U\s?S\s?K\s?A\s?N\s*:?\s*$", re.IGNORECASE)
_RE_MENETAPKAN = re.compile(r"^(?:Menetapkan|MENETAPKAN)\s*:?\s*(.*)$")
_RE_PERSETUJUAN = re.compile(r"^Dengan (?:Persetujuan|Kesepakatan) Bersama\b", re.IGNORECASE)
_RE_AGAR = re.compile(r"^Agar setiap orang\b", re.IGNORECASE)
_RE_TETAP = re.compile(r"^(Ditetapkan|Disahkan|Diundangkan|Disepakati)\s*:?\s*di\b\s*:?\s*(.*)$",
                       re.IGNORECASE)
_RE_PADA = re.compile(r"^pada\s+tan\w{3,5}\s*:?\s*(.*)$", re.IGNORECASE)
_RE_TTD = re.compile(r"^(?:ttd|TTD|Ttd)[.,]?$")
_RE_BERITA = re.compile(r"^(BERITA|LEMBARAN)\s+(DAERAH|DESA|NEGARA|KABUPATEN|KOTA)\b", re.IGNORECASE)
_RE_TEMBUSAN = re.compile(r"^Tembusan\b", re.IGNORECASE)
_RE_PARAF = re.compile(r"^PARAF\s+(KOORDINASI|HIERARKI)", re.IGNORECASE)
_RE_LAMPIRAN = re.compile(r"^LAMPIRAN\b", re.IGNORECASE)
_RE_PENJELASAN = re.compile(r"^PENJELASAN\b")
_RE_DOKUMEN_LAIN = re.compile(r"^(KEPUTUSAN|PERATURAN|BERITA ACARA|NOTULEN|DAFTAR HADIR)\b")
_RE_SITASI = re.compile(r"^(?:\d+\.\s*)?(?:Undang|UNDANG|Peraturan|PERATURAN|Keputusan|Instruksi|Pasal\s+\d+"
                        r"|Surat Edaran|Qanun)", re.IGNORECASE)

_BENTUK = [
    ("UNDANG-UNDANG", "uu"), ("PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG", "perppu"),
    ("PERATURAN PEMERINTAH", "pp"), ("PERATURAN PRESIDEN", "perpres"),
    ("PERATURAN MENTERI", "permen"), ("PERATURAN DAERAH", "perda"),
    ("PERATURAN GUBERNUR", "pergub"), ("PERATURAN BUPATI", "perbup"),
    ("PERATURAN WALI KOTA", "perwali"), ("PERATURAN WALIKOTA", "perwali"),
    ("PERATURAN KEPALA DESA", "perkades"), ("PERATURAN DESA", "perdes"),
    ("PERATURAN BERSAMA", "perber"), ("KEPUTUSAN PRESIDEN", "keppres"),
    ("KEPUTUSAN MENTERI", "kepmen"), ("KEPUTUSAN GUBERNUR", "kepgub"),
    ("KEPUTUSAN BUPATI", "kepbup"), ("KEPUTUSAN WALI KOTA", "kepwali"),
    ("KEPUTUSAN WALIKOTA", "kepwali"), ("KEPUTUSAN KEPALA DESA", "kepkades"),
    ("KEPUTUSAN", "keputusan"), ("INSTRUKSI", "instruksi"), ("PERATURAN", "peraturan"),
]


def bentuk_dari_jenis(jenis: str) -> tuple[str, str]:
    """("perbup", "Banyuwangi") from "PERATURAN BUPATI BANYUWANGI"."""
    j = " ".join(jenis.upper().replace("RANCANGAN ", "").split())
    cocok = next(((a, k) for a, k in _BENTUK if j.startswith(a) and k not in ("keputusan", "peraturan")),
                 None)
    if cocok is None:  # OCR: "PERATURAN PEMEzuNTAH"
        cocok = next(((a, k) for a, k in _BENTUK if k not in ("keputusan", "peraturan") and
                      difflib.SequenceMatcher(None, j[: len(a)], a).ratio() >= 0.85), None)
    for awal, kunci in ([cocok] if cocok else _BENTUK):
        if j.startswith(awal) or cocok:
            sisa = j[len(awal):].strip()
            sisa = re.sub(r"^(?:REPUBLIK INDONESIA|NEGARA REPUBLIK INDONESIA)\b", "", sisa).strip()
            sisa = re.sub(r"\bREPUBLIK INDONESIA$", "", sisa).strip()
            return kunci, sisa.title()
    return "lainnya", ""


def romawi_ke_int(s: str) -> int | None:
    nilai = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    s = s.upper()
    if not s or any(c not in nilai for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = nilai[c]
        total += -v if i + 1 < len(s) and nilai[s[i + 1]] > v else v
    return total


def _indeks_huruf(h: str) -> int:
    h = h.lower()
    return (len(h) - 1) * 26 + ord(h[0]) - 96


# --- markers -------------------------------------------------------------------------------------


@dataclass
class Tanda:
    gaya: str  # "huruf.", "angka.", "huruf)", "angka)", "HURUF.", "(huruf)", "(angka)"
    nilai: int
    teks: str  # the marker as printed ("a.", "d1.", "(2)")
    sisa: str  # the text after it
    sisip: int = 0  # "d1." -> 1
    ocr: bool = False  # "(21" read as "(2)"


_POLA_TANDA = [
    (re.compile(r"^\((\d{1,2})([a-z]?)\)\s*(.*)$"), "(angka)"),
    (re.compile(r"^\((\d)[1l\\t]\s+(.*)$"), "(angka-ocr)"),
    (re.compile(r"^\(([lI])\)\s*(.*)$"), "(angka-l)"),
    (re.compile(r"^([a-z])(\d)\.\s*(.*)$"), "sisip"),
    (re.compile(r"^(\d{1,2})([a-z])\.\s+(.*)$"), "sisip-angka"),  # "7a." inserted after "7."
    (re.compile(r"^([a-z]{1,2})\.\s+(.*)$"), "huruf."),
    (re.compile(r"^(\d{1,2})\.\s+(.*)$"), "angka."),
    (re.compile(r"^([a-z])\)\s*(.*)$"), "huruf)"),
    (re.compile(r"^(\d{1,2})\)\s*(.*)$"), "angka)"),
    (re.compile(r"^([A-Z])\.\s+(.*)$"), "HURUF."),
    (re.compile(r"^\(([a-z])\)\s*(.*)$"), "(huruf)"),
]


def baca_tanda(t: str) -> Tanda | None:
    for pola, gaya in _POLA_TANDA:
        m = pola.match(t)
        if not m:
            continue
        if gaya == "(angka)":
            n, hurufnya, sisa = m.groups()
            return Tanda("(angka)", int(n), f"({n}{hurufnya})", sisa, sisip=1 if hurufnya else 0)
        if gaya == "(angka-ocr)":
            return Tanda("(angka)", int(m.group(1)), f"({m.group(1)})", m.group(2), ocr=True)
        if gaya == "(angka-l)":
            return Tanda("(angka)", 1, "(1)", m.group(2), ocr=True)
        if gaya == "sisip":
            return Tanda("huruf.", _indeks_huruf(m.group(1)), f"{m.group(1)}{m.group(2)}.",
                         m.group(3), sisip=int(m.group(2)))
        if gaya == "sisip-angka":
            return Tanda("angka.", int(m.group(1)), f"{m.group(1)}{m.group(2)}.", m.group(3),
                         sisip=ord(m.group(2)) - 96)
        nilai_teks, sisa = m.group(1), m.group(2)
        if len(nilai_teks) == 2 and nilai_teks.isalpha() and nilai_teks[0] != nilai_teks[1]:
            return None  # "di." is a word, not a marker
        nilai = int(nilai_teks) if nilai_teks.isdigit() else _indeks_huruf(nilai_teks)
        tutup = ")" if gaya.endswith(")") else "."
        teks = f"({nilai_teks})" if gaya.startswith("(") else f"{nilai_teks}{tutup}"
        return Tanda(gaya, nilai, teks, sisa)
    return None


# --- containers under construction ---------------------------------------------------------------


def _tambah(obj, s: str) -> None:
    """Append a line of text to the Inline of an Ayat, Butir or Diktum."""
    s = s.strip()
    if not s:
        return
    if obj.isi and isinstance(obj.isi[-1], Teks):
        t = obj.isi[-1]
        t.teks = f"{t.teks} {s}" if t.teks else s
    else:
        obj.isi.append(Teks(s))


def _teks(obj) -> str:
    return "".join(x.teks for x in obj.isi if isinstance(x, Teks))


@dataclass
class _Tingkat:
    daftar: Daftar
    gaya: str
    nilai: int  # the last value


class _Daftaran:
    """The lists open under one container (an Ayat or a Diktum)."""

    def __init__(self, wadah):
        self.wadah = wadah
        self.tingkat: list[_Tingkat] = []

    def pemegang(self):
        """Where a continuation line goes: the deepest open item, else the container."""
        if self.tingkat:
            return self.tingkat[-1].daftar.butir[-1]
        return self.wadah

    def cocok(self, t: Tanda) -> int | None:
        for k in range(len(self.tingkat) - 1, -1, -1):
            tk = self.tingkat[k]
            if tk.gaya == t.gaya and (t.nilai == tk.nilai + 1 and not t.sisip
                                      or t.sisip and t.nilai == tk.nilai):
                return k
        return None

    def pasang(self, k: int, t: Tanda, tempat: str, catat, nilai: int | None = None) -> Butir:
        del self.tingkat[k + 1:]
        tk = self.tingkat[k]
        b = Butir([Teks(t.sisa.strip())], tanda=t.teks)
        tk.daftar.butir.append(b)
        if nilai is not None:
            tk.nilai = nilai
        elif not t.sisip:
            tk.nilai = t.nilai
        catat(b, tempat)
        return b

    def buka(self, t: Tanda, tempat: str, catat) -> Butir:
        induk = self.pemegang()
        d = Daftar([])
        induk.daftar = d
        self.tingkat.append(_Tingkat(d, t.gaya, t.nilai))
        b = Butir([Teks(t.sisa.strip())], tanda=t.teks)
        d.butir.append(b)
        catat(b, tempat)
        return b

    def longgar(self, t: Tanda) -> tuple[int, str, int] | None:
        """A level this out-of-sequence marker most likely continues, why, and its value."""
        for k in range(len(self.tingkat) - 1, -1, -1):
            tk = self.tingkat[k]
            if tk.gaya == t.gaya and t.nilai > tk.nilai + 1 and t.nilai - tk.nilai <= 3:
                hilang = ", ".join(_tanda_gaya(tk.gaya, v) for v in range(tk.nilai + 1, t.nilai))
                return k, f"butir {hilang} tidak ada (loncat ke {t.teks})", t.nilai
            if tk.gaya == "huruf." and t.gaya == "angka." and t.nilai == 1 and tk.nilai + 1 == 12:
                return k, f"\"{t.teks}\" dibaca sebagai \"l.\" (salah OCR)", 12
            if tk.gaya == "huruf." and t.gaya == "HURUF.":
                return k, (f"tanda \"{t.teks}\" tidak berurutan (diharapkan "
                           f"{_tanda_gaya(tk.gaya, tk.nilai + 1)})"), tk.nilai + 1
        return None


def _tanda_gaya(gaya: str, nilai: int) -> str:
    inti = bilangan.huruf(nilai) if "huruf" in gaya else str(nilai)
    if gaya.startswith("("):
        return f"({inti})"
    if gaya == "HURUF.":
        inti = inti.upper()
    return inti + (")" if gaya.endswith(")") else ".")


@dataclass
class _IsiPasal:
    """The Pasal being read: its ayat and the lists of the current ayat."""

    pasal: Pasal
    ayat: Ayat | None = None
    daftaran: _Daftaran | None = None
    gaya_ayat: str = ""  # "(1)" or "1." once known
    nomor_ayat: int = 0
    kutipan_dari: Butir | None = None  # the change point this restated Pasal belongs to


# --- the result ----------------------------------------------------------------------------------


@dataclass
class HasilUrai:
    dokumen: Dokumen
    tempat: dict[int, str] = field(default_factory=dict)  # id(element) -> source place
    sisa: list[Baris] = field(default_factory=list)  # lines after the document


# --- the parser ----------------------------------------------------------------------------------


class _Pengurai:
    def __init__(self, catatan: CatatanImpor, format_: str):
        self.c = catatan
        self.format = format_
        self.fase = "awal"
        self.tempat: dict[int, str] = {}
        # awal
        self.awal: list[Baris] = []
        self.label_lepas = False
        # pembukaan
        self.dengan_rahmat = False
        self.rahmat: list[str] = []
        self.pejabat = ""
        self.segmen: list[list] = []  # [bagian, teks, tempat, tanda]
        self.bagian = ""
        self.persetujuan: list[str] = []
        self.dalam_persetujuan = False
        self.menetapkan: list[str] = []
        self.ada_memutuskan = False
        # tubuh
        self.badan: list = []
        self.bab: Bab | None = None
        self.bagian_kini: Bagian | None = None
        self.paragraf: Paragraf | None = None
        self.judul_tunggu = None  # a Bab/Bagian/Paragraf whose title lines are still coming
        self.konteks: list[_IsiPasal] = []
        self.diktum: Diktum | None = None
        self.daftaran_diktum: _Daftaran | None = None
        self.perubahan = False
        self.kutipan_bab: Bab | None = None
        self.pengundangan: list[str] = []
        # penutup
        self.penutup_blok: list[dict] = []
        self.berita: list[str] = []
        self.tembusan: list[str] = []
        self.dalam_tembusan = False
        self.paraf: list[BarisParaf] = []
        self.tunggu_paraf = False
        # lampiran, penjelasan, sisa
        self.lampiran: list[dict] = []
        self.penjelasan: dict | None = None
        self.sisa: list[Baris] = []

    # -- helpers --

    def catat(self, obj, tempat: str) -> None:
        self.tempat[id(obj)] = tempat

    def peringatan(self, b: Baris | str, pesan: str) -> None:
        self.c.tambah(b.tempat if isinstance(b, Baris) else b, pesan)

    def jalankan(self, baris: list[Baris]) -> None:
        for b in baris:
            self.langkah(b)

    def langkah(self, b: Baris) -> None:
        getattr(self, f"_f_{self.fase}")(b)

    def ke(self, fase: str, b: Baris | None = None) -> None:
        self.fase = fase
        if b is not None:
            self.langkah(b)

    # -- awal: heading and title --

    def _f_awal(self, b: Baris) -> None:
        t = b.teks
        if b.tabel is not None:
            self.awal.append(b)
            return
        m = _RE_LABEL.match(t)
        if m and not (m.group(2) or m.group(3)) and not self._ada_judul():
            self.label_lepas = True  # labels of a two-column preamble printed before the title
            return
        if _RE_RAHMAT.match(t) or m or _RE_MEMUTUSKAN.match(t):
            self.ke("pembukaan", b)
            return
        if self._ada_judul() and t.endswith(",") and t.upper() == t and len(t.split()) <= 8:
            self.ke("pembukaan", b)
            return
        if self._ada_judul() and b.peran not in ("kepala", "judul", "tebal", "tengah", "") \
                and self.format in ("docx", "markdown"):
            self.ke("pembukaan", b)
            return
        self.awal.append(b)

    def _ada_judul(self) -> bool:
        return any(re.search(r"\bNOMOR\b", x.teks, re.IGNORECASE) for x in self.awal)

    def selesai_awal(self) -> tuple[Kepala | None, Judul, Identitas | None, list[Baris]]:
        """Heading and title from the lines read in state awal; the rest (a naskah's blocks)."""
        baris = [b for b in self.awal if b.tabel is None]
        rancangan = False
        kepala: list[str] = []
        mulai = None
        for i, b in enumerate(baris):
            if _RE_JENIS.match(b.teks) and any(re.search(r"\bNOMOR\b", x.teks, re.IGNORECASE)
                                                for x in baris[i: i + 4]):
                if mulai is not None:
                    self.peringatan(baris[mulai], "judul tercetak dua kali (halaman sampul?); "
                                    "yang terakhir dipakai")
                mulai = i
        if mulai is None:
            return self._judul_naskah()
        awal_kepala = 0
        for i in range(mulai - 1, -1, -1):
            if _RE_JENIS.match(baris[i].teks) and i < mulai:
                awal_kepala = i + 1
                break
        if awal_kepala:
            # a cover page: its lines up to the kind line again are not the heading
            j = awal_kepala
            while j < mulai and not re.match(r"^(BUPATI|WALI ?KOTA|GUBERNUR|KEPALA DESA|PRESIDEN|"
                                             r"MENTERI|PEMERINTAH)\b", baris[j].teks):
                j += 1
            awal_kepala = j
        for b in baris[awal_kepala:mulai]:
            if b.teks.upper() in ("SALINAN", "SALINAN RESMI"):
                continue
            if b.teks.upper() == "RANCANGAN":
                rancangan = True
                continue
            kepala.append(b.teks)
        gabung = " ".join(b.teks for b in baris[mulai:])
        if gabung.upper().startswith("RANCANGAN "):
            rancangan = True
            gabung = gabung[len("RANCANGAN "):]
        m = _RE_NOMOR_PMK.match(gabung) or _RE_JUDUL.match(gabung)
        if not m:
            self.peringatan(baris[mulai], "judul tidak terbaca dalam bentuk \"<JENIS> NOMOR ... "
                            "TAHUN ... TENTANG ...\"")
            return (Kepala(kepala) if kepala else None, Judul(gabung, "", ""), None, [])
        jenis = " ".join(m.group("jenis").split())
        kata = jenis.split()
        for n in range(len(kata) // 2, 0, -1):  # a running head repeated the kind
            if kata[:n] == kata[n: 2 * n]:
                jenis = " ".join(kata[n:])
                break
        nomor = m.group("nomor").strip().strip(":").strip()
        tahun = m.group("tahun") or ""
        tentang = " ".join((m.group("tentang") or "").split())
        nomor_baris = f"NOMOR {nomor} TAHUN {tahun}".strip() if "TAHUN" in gabung.upper() \
            else f"NOMOR {nomor}/{tahun}"
        bentuk, wilayah = bentuk_dari_jenis(jenis)
        no = "" if not nomor or set(nomor) <= {".", "…"} else nomor
        if re.fullmatch(r"[0-9OolI]+", no) and not no.isdigit():
            baru = no.translate(str.maketrans("OolI", "0011"))
            self.peringatan(baris[mulai], f"\"NOMOR {no}\" dibaca sebagai \"NOMOR {baru}\" (salah OCR)")
            no = baru
        identitas = Identitas(bentuk, no, int(tahun) if tahun.isdigit() else None, wilayah)
        judul = Judul(jenis, nomor_baris, tentang, rancangan=rancangan)
        self.catat(judul, baris[mulai].tempat)
        return (Kepala(kepala) if kepala else None), judul, identitas, []

    def _judul_naskah(self):
        """A working paper (no NOMOR): heading lines, then the title (hint "judul" or the first
        line in capitals after the heading)."""
        baris = self.awal
        kepala, judul, tentang = [], None, ""
        sisa: list[Baris] = []
        for b in baris:
            if b.tabel is not None:
                sisa.append(b)
            elif judul is None and (b.peran == "judul"):
                judul = b.teks
            elif judul is None:
                kepala.append(b.teks)
            elif not tentang and not sisa and b.teks.upper() == "TENTANG":
                continue
            elif not tentang and not sisa and b.peran in ("judul", "tebal") and b.teks == b.teks.upper():
                tentang = b.teks
            else:
                sisa.append(b)
        if judul is None:
            if kepala:
                judul = kepala.pop()
                self.peringatan(baris[0], "judul naskah tidak dikenali; baris huruf kapital terakhir "
                                "sebelum isi dipakai sebagai judul")
            else:
                judul = ""
        return (Kepala(kepala) if kepala else None), Judul(judul, "", tentang), None, sisa

    # -- pembukaan --

    def _f_pembukaan(self, b: Baris) -> None:
        t = b.teks
        if _RE_RAHMAT.match(t):
            self.dengan_rahmat = True
            self.rahmat.append(" ".join(t.split()))
            return
        if _RE_MEMUTUSKAN.match(t):
            self.ada_memutuskan = True
            self.ke("menetapkan")
            return
        if _RE_MENETAPKAN.match(t):
            self.ke("menetapkan", b)
            return
        if self._kepala_tubuh(t):
            self.peringatan(b, "MEMUTUSKAN / Menetapkan tidak ditemukan sebelum batang tubuh")
            self.ke("tubuh", b)
            return
        if _RE_PERSETUJUAN.match(t):
            self.dalam_persetujuan = True
            self.persetujuan.append(t)
            return
        if self.dalam_persetujuan:
            self.persetujuan.append(t)
            return
        m = _RE_LABEL.match(t)
        if m:
            self.bagian = m.group(1).capitalize()
            t = (m.group(2) or m.group(3) or "").lstrip(": ").strip()
            if not t:
                return
        elif not self.bagian and not self.segmen and not self.pejabat and not self.label_lepas:
            self.pejabat = t
            return
        elif not self.bagian and not self.segmen and not self.pejabat and t.upper() == t \
                and not t.lower().startswith("bahwa"):
            self.pejabat = t
            return
        m = re.match(r"^(?:[A-Za-z]{1,2}[.,]?|\d{1,2}[.,]?)\s+(?=bahwa\b|[a-z]\.\s+bahwa\b)", t)
        if m and not baca_tanda(t):
            self.peringatan(b, f"tanda butir tidak terbaca (\"{m.group(0).strip()}\"), dibuang")
            t = t[m.end():]
        m = re.match(r"^(\d{1,2})\s+(?=Undang|Peraturan|Keputusan|Instruksi)", t)
        if m:
            t = f"{m.group(1)}. {t[m.end():]}"
            self.peringatan(b, f"tanda butir \"{m.group(1)}\" tanpa titik")
        tanda = baca_tanda(t)
        if tanda and tanda.gaya != "(angka)":
            self.segmen.append([self.bagian, tanda.sisa, b.tempat, tanda.teks])
            return
        lalu = self.segmen[-1] if self.segmen else None
        mulai_baru = lalu is None or lalu[1].rstrip().endswith((";", ".")) and (
            t.lower().startswith("bahwa") or _RE_SITASI.match(t))
        if mulai_baru:
            self.segmen.append([self.bagian, t, b.tempat, ""])
        else:
            lalu[1] = f"{lalu[1]} {t}"

    def selesai_pembukaan(self) -> Pembukaan | None:
        if not (self.segmen or self.pejabat or self.menetapkan or self.ada_memutuskan):
            return None
        # items that a flattened layout ran together on one line
        pecah: list[list] = []
        for bag, teks, tempat, tanda in self.segmen:
            bagian = re.split(r"(?<=;)\s+(?=(?:bahwa\b|Undang-Undang\b|Undang - Undang\b|"
                              r"Peraturan\b|Pasal\s+\d+\w*(?:\s+ayat\s+\(\w+\)?)?\s+Undang-Undang Dasar|"
                              r"Keputusan\b|Instruksi\b))", teks)
            if len(bagian) > 1:
                self.peringatan(tempat, f"{len(bagian)} butir pembukaan tertulis pada satu baris; dipisah")
            for k, x in enumerate(bagian):
                x2 = re.sub(r"(?:\s+\d{0,2}\s*(?:Menimbang|Mengingat|Menetapkan))+\s*$", "", x.strip())
                if x2 != x.strip():
                    self.peringatan(tempat, "label kolom yang terlepas (Menimbang/Mengingat/Menetapkan) "
                                    "dibuang dari teks butir")
                pecah.append([bag, x2, tempat, tanda if k == 0 else ""])
        menimbang, mengingat, memperhatikan = [], [], []
        for bag, teks, tempat, tanda in pecah:
            if not teks:
                continue
            isi = teks
            if teks.lower().startswith("bahwa"):
                tujuan = "Menimbang"
            elif _RE_SITASI.match(teks) and bag != "Memperhatikan":
                tujuan = "Mengingat"
            else:
                tujuan = bag or "Menimbang"
            if bag and tujuan != bag:
                self.peringatan(tempat, f"butir dipindahkan dari {bag} ke {tujuan} menurut isinya "
                                "(tata letak dua kolom yang rata)")
            elif not bag:
                self.peringatan(tempat, f"butir tanpa label dimasukkan ke {tujuan} menurut isinya")
            daftar = {"Menimbang": menimbang, "Mengingat": mengingat,
                      "Memperhatikan": memperhatikan}[tujuan]
            daftar.append((isi, tempat, tanda))
        for nama, daftar, gaya in (("Menimbang", menimbang, "huruf"), ("Mengingat", mengingat, "angka"),
                                   ("Memperhatikan", memperhatikan, "angka")):
            if len(daftar) <= 1:
                continue
            for i, (_, tempat, tanda) in enumerate(daftar, 1):
                harap = (bilangan.huruf(i) if gaya == "huruf" else str(i)) + "."
                if tanda and tanda != harap:
                    self.peringatan(tempat, f"{nama} butir ke-{i} bertanda \"{tanda}\", seharusnya \"{harap}\"")
                elif not tanda:
                    self.peringatan(tempat, f"{nama} butir ke-{i} tanpa tanda (seharusnya \"{harap}\")")
        pb = Pembukaan(
            pejabat=self.pejabat,
            menimbang=[[Teks(x)] for x, _, _ in menimbang],
            mengingat=[[Teks(x)] for x, _, _ in mengingat],
            menetapkan=" ".join(self.menetapkan),
            dengan_rahmat=self.dengan_rahmat,
            rahmat=self.rahmat if self.rahmat and self.rahmat != [RAHMAT_NASIONAL] else None,
            memperhatikan=[[Teks(x)] for x, _, _ in memperhatikan],
            persetujuan=self.persetujuan,
        )
        for kelompok, daftar in ((pb.menimbang, menimbang), (pb.mengingat, mengingat),
                                 (pb.memperhatikan, memperhatikan)):
            for isi, (_, tempat, _) in zip(kelompok, daftar):
                self.catat(isi, tempat)
        if not menimbang:
            self.peringatan("", "konsiderans Menimbang tidak ditemukan")
        if not mengingat:
            self.peringatan("", "dasar hukum Mengingat tidak ditemukan")
        return pb

    # -- menetapkan --

    def _kepala_tubuh(self, t: str) -> bool:
        return bool(_RE_BAB.match(t) or _RE_PASAL.match(t) or _RE_DIKTUM.match(t)
                    or _RE_BAGIAN.match(t) and t.split()[1][:2].lower() == "ke")

    def _f_menetapkan(self, b: Baris) -> None:
        t = b.teks
        m = _RE_MENETAPKAN.match(t)
        if m:
            t = m.group(1).lstrip(": ").strip()
            if not t:
                return
        if self._kepala_tubuh(t) or self._penutup_mulai(t):
            if not self.menetapkan:
                self.peringatan(b, "teks \"Menetapkan :\" tidak ditemukan")
            self.ke("tubuh", Baris(t, b.tempat, b.tabel, b.peran, b.inden, b.halaman))
            return
        if not self.menetapkan:
            self.catat(self.menetapkan, b.tempat)
        self.menetapkan.append(t)

    # -- tubuh --

    def _penutup_mulai(self, t: str) -> bool:
        return bool(_RE_TETAP.match(t) or _RE_AGAR.match(t))

    def _f_tubuh(self, b: Baris) -> None:
        t = b.teks
        if b.tabel is not None:
            pemegang = self._pemegang()
            if pemegang is not None:
                self.peringatan(b, "tabel di dalam batang tubuh disimpan sebagai teks")
                _tambah(pemegang, " ".join(" | ".join(r) for r in b.tabel))
            return
        if _RE_AGAR.match(t):
            self._tutup_judul()
            self.pengundangan.append(t)
            self.ke("pengundangan")
            return
        if _RE_TETAP.match(t):
            self._tutup_judul()
            self.ke("penutup", b)
            return
        if _RE_LAMPIRAN.match(t) and (t.upper() == t or re.match(r"^LAMPIRAN\s*[IVX]*\s*:?$", t)):
            self._tutup_judul()
            self.ke("lampiran", b)
            return
        if _RE_PENJELASAN.match(t):
            self._tutup_judul()
            self.ke("penjelasan", b)
            return
        if _RE_TEMBUSAN.match(t):
            self.ke("penutup", b)
            return
        if self._struktur(b):
            return
        m = _RE_DIKTUM.match(t)
        if m and self.format in ("teks", "pdf") and not re.match(r"^[A-Z ]+\s*:", t):
            m = None  # "KESATU mempunyai tugas": a wrapped "Diktum KESATU", not a label
        if m and not self.konteks:
            self.diktum = Diktum([Teks(m.group(2).lstrip(": ").strip())], nomor=m.group(1))
            self.catat(self.diktum, b.tempat)
            self.badan.append(self.diktum)
            self.daftaran_diktum = _Daftaran(self.diktum)
            return
        if self.judul_tunggu is not None:
            obj, jumlah = self.judul_tunggu
            if jumlah < 3 and not baca_tanda(t):
                obj.judul = f"{obj.judul} {t}".strip()
                self.judul_tunggu = (obj, jumlah + 1)
                return
            self.judul_tunggu = None
        if self.diktum is not None and not self.konteks:
            self._isi(self.daftaran_diktum, None, b)
            return
        if not self.konteks:
            self.peringatan(b, f"teks di luar Pasal: {t[:60]!r}")
            if self.badan and isinstance(self.badan[-1], Bab) and not self.badan[-1].isi:
                self.badan[-1].judul = f"{self.badan[-1].judul} {t}".strip()
            return
        self._isi_pasal(b)

    def _tutup_judul(self) -> None:
        self.judul_tunggu = None

    def _pemegang(self):
        if self.konteks:
            k = self.konteks[-1]
            return k.daftaran.pemegang() if k.daftaran else k.ayat
        if self.diktum is not None:
            return self.daftaran_diktum.pemegang()
        return None

    def _struktur(self, b: Baris) -> bool:
        """BAB, Bagian, Paragraf and Pasal headings. True when `b` was one."""
        t = b.teks
        m = _RE_BAB.match(t)
        rekat = _RE_BAB_REKAT.match(t)
        if rekat:
            self.peringatan(b, f"\"{t}\" dibaca sebagai \"BAB {rekat.group(1)}\"")
            m = rekat
        if m and (m.lastindex is None or m.lastindex < 2 or not m.group(2) or m.group(2).upper() == m.group(2)):
            nomor = m.group(1)
            judul = (m.group(2) or "").strip() if not rekat else ""
            bab = Bab(judul, [], nomor=nomor, sumber=b.tempat)
            self.catat(bab, b.tempat)
            if self.perubahan and self.konteks and self._butir_perubahan() is not None:
                butir = self._butir_perubahan()
                butir.kutipan.append(bab)
                self.kutipan_bab = bab
                del self.konteks[1:]
            else:
                self.konteks = []
                self.kutipan_bab = None
                self.badan.append(bab)
                self.bab, self.bagian_kini, self.paragraf = bab, None, None
            self.judul_tunggu = (bab, 0) if not judul else None
            return True
        m = _RE_BAGIAN.match(t)
        if m and (not m.group(2) or m.group(2)[0].isupper()):
            bagian = Bagian(m.group(2).strip(), [], nomor=m.group(1).capitalize())
            self.catat(bagian, b.tempat)
            if self.bab is None:
                self.peringatan(b, "Bagian di luar BAB")
                self.badan.append(bagian)
            else:
                self.bab.isi.append(bagian)
            self.bagian_kini, self.paragraf = bagian, None
            self.konteks = []
            self.judul_tunggu = (bagian, 0) if not m.group(2) else None
            return True
        m = _RE_PARAGRAF.match(t)
        if m and (not m.group(2) or m.group(2)[0].isupper()):
            nomor = int(m.group(1)) if m.group(1).isdigit() else m.group(1)
            par = Paragraf(m.group(2).strip(), [], nomor=nomor)
            self.catat(par, b.tempat)
            if self.bagian_kini is None:
                self.peringatan(b, "Paragraf di luar Bagian")
                (self.bab.isi if self.bab else self.badan).append(par)
            else:
                self.bagian_kini.isi.append(par)
            self.paragraf = par
            self.konteks = []
            self.judul_tunggu = (par, 0) if not m.group(2) else None
            return True
        m = _RE_PASAL.match(t)
        if m and t.endswith(".") and self._kalimat_terbuka():
            return False  # "... sebagaimana dimaksud dalam" / "Pasal 5.": a reference wrapped to a new line
        if m:
            self.judul_tunggu = None
            return self._pasal_baru(b, m.group(1))
        return False

    def _kalimat_terbuka(self) -> bool:
        """The text being read so far ends mid-sentence (with a lower-case word, no punctuation)."""
        pemegang = self._pemegang()
        isi = getattr(pemegang, "isi", None)
        akhir = "".join(x.teks for x in isi if isinstance(x, Teks)).rstrip() if isi else ""
        return bool(akhir) and akhir[-1].isalpha() and akhir.split()[-1].islower()

    def _nomor_pasal(self, b: Baris, token: str):
        if re.fullmatch(r"\d+", token):
            return int(token)
        if re.fullmatch(r"\d+[A-Z]", token):
            return token
        if re.fullmatch(r"[IVX]+", token) and self.perubahan:
            return token
        if token in ("I", "l") or re.fullmatch(r"[0-9OolI]+", token):
            angka = token.replace("O", "0").replace("o", "0").replace("l", "1").replace("I", "1")
            if angka.isdigit():
                self.peringatan(b, f"\"Pasal {token}\" dibaca sebagai \"Pasal {int(angka)}\" (salah OCR)")
                return int(angka)
        return token

    def _butir_perubahan(self) -> Butir | None:
        """The open change point of Pasal I of an amending regulation."""
        if not self.konteks:
            return None
        k = self.konteks[0]
        if k.daftaran and k.daftaran.tingkat:
            return k.daftaran.tingkat[0].daftar.butir[-1]
        return None

    def _pasal_baru(self, b: Baris, token: str) -> bool:
        if not self.badan and not self.konteks and token == "I":
            self.perubahan = True
        romawi = bool(re.fullmatch(r"[IVX]+", token)) and self.perubahan
        nomor = self._nomor_pasal(b, token)
        pasal = Pasal([], nomor=nomor, sumber=b.tempat)
        self.catat(pasal, b.tempat)
        if self.perubahan and not romawi:
            butir = self._butir_perubahan()
            if butir is None and self.konteks:
                self.peringatan(b, f"Pasal {nomor} di dalam Pasal perubahan tanpa butir perubahan "
                                "bertanda; disimpan pada butir tanpa tanda")
                k0 = self.konteks[0]
                if k0.ayat is None:
                    self._ayat_baru(k0, None, b, "")
                d = Daftar([Butir([Teks("")], tanda="")])
                k0.ayat.daftar = d
                k0.daftaran.tingkat.append(_Tingkat(d, "angka.", 0))
                butir = d.butir[-1]
            butir_teks = butir
            if butir_teks is not None:
                if self.kutipan_bab is not None and self.kutipan_bab in butir_teks.kutipan:
                    self.kutipan_bab.isi.append(pasal)
                else:
                    butir_teks.kutipan.append(pasal)
                del self.konteks[1:]
                self.konteks.append(_IsiPasal(pasal, kutipan_dari=butir_teks))
                return True
        self.kutipan_bab = None
        self.konteks = [_IsiPasal(pasal)]
        if self.paragraf is not None:
            self.paragraf.pasal.append(pasal)
        elif self.bagian_kini is not None:
            self.bagian_kini.isi.append(pasal)
        elif self.bab is not None:
            self.bab.isi.append(pasal)
        else:
            self.badan.append(pasal)
        return True

    def _isi_pasal(self, b: Baris) -> None:
        k = self.konteks[-1]
        t = b.teks
        tanda = baca_tanda(t)
        pemegang = k.daftaran.pemegang() if k.daftaran else k.ayat
        lalu = _teks(pemegang).rstrip() if pemegang is not None else ""
        if tanda and lalu and KATA_RUJUK.search(lalu):
            tanda = None  # "... dalam Pasal 7 ayat" / "(3) untuk ...": a wrapped reference
        if tanda and tanda.gaya == "(angka)":
            if k.gaya_ayat in ("", "(1)") and (tanda.nilai == k.nomor_ayat + 1 and not tanda.sisip
                                               or tanda.sisip and tanda.nilai == k.nomor_ayat):
                if tanda.ocr:
                    self.peringatan(b, f"tanda ayat dibaca sebagai \"{tanda.teks}\" (salah OCR)")
                self._ayat_baru(k, tanda, b, "(1)")
                return
            tanda = None
        if tanda:
            if k.daftaran is not None:
                lv = k.daftaran.cocok(tanda)
                if lv is not None:
                    k.daftaran.pasang(lv, tanda, b.tempat, self.catat)
                    return
            if k.gaya_ayat == "1." and tanda.gaya == "angka." and tanda.nilai == k.nomor_ayat + 1:
                self._ayat_baru(k, tanda, b, "1.")
                return
            if k.ayat is None and tanda.gaya == "angka." and tanda.nilai == 1:
                self.peringatan(b, f"ayat Pasal {k.pasal.nomor} ditulis \"1.\", \"2.\" (Lampiran II: "
                                "\"(1)\", \"(2)\")")
                self._ayat_baru(k, tanda, b, "1.")
                return
            # a change point of the amending Pasal that ends a restated Pasal
            if len(self.konteks) > 1:
                luar = self.konteks[0]
                if luar.daftaran is not None and luar.daftaran.cocok(tanda) is not None:
                    del self.konteks[1:]
                    self.kutipan_bab = None
                    luar.daftaran.pasang(luar.daftaran.cocok(tanda), tanda, b.tempat, self.catat)
                    return
            if tanda.nilai == 1 and not tanda.sisip:
                if k.ayat is None:
                    self._ayat_baru(k, None, b, "")
                    k.ayat.isi = [Teks("")]
                k.daftaran.buka(tanda, b.tempat, self.catat)
                return
            if k.daftaran is not None:
                kira = k.daftaran.longgar(tanda)
                if kira is not None:
                    lv, pesan, nilai = kira
                    self.peringatan(b, pesan)
                    k.daftaran.pasang(lv, tanda, b.tempat, self.catat, nilai)
                    return
                if k.daftaran.tingkat and lalu.endswith((";", ":", ".")):
                    lv = len(k.daftaran.tingkat) - 1
                    self.peringatan(b, f"tanda \"{tanda.teks}\" tidak berurutan; dianggap butir berikutnya")
                    k.daftaran.pasang(lv, tanda, b.tempat, self.catat, k.daftaran.tingkat[lv].nilai + 1)
                    return
        if k.ayat is None:
            self._ayat_baru(k, None, b, "")
            _tambah(k.ayat, t)
            return
        _tambah(pemegang, t)

    def _ayat_baru(self, k: _IsiPasal, tanda: Tanda | None, b: Baris, gaya: str) -> None:
        if tanda is None:
            a = Ayat([Teks("")])
        else:
            nomor = tanda.teks.strip("().") if tanda.sisip else tanda.nilai
            a = Ayat([Teks(tanda.sisa.strip())], nomor=nomor)
            if not tanda.sisip:
                k.nomor_ayat = tanda.nilai
            k.gaya_ayat = gaya
        self.catat(a, b.tempat)
        k.pasal.ayat.append(a)
        k.ayat = a
        k.daftaran = _Daftaran(a)

    def _isi(self, daftaran: _Daftaran, _k, b: Baris) -> None:
        """A line inside a diktum: list items or continuation."""
        t = b.teks
        tanda = baca_tanda(t)
        pemegang = daftaran.pemegang()
        lalu = _teks(pemegang).rstrip()
        if tanda and not KATA_RUJUK.search(lalu) and tanda.gaya != "(angka)":
            lv = daftaran.cocok(tanda)
            if lv is not None:
                daftaran.pasang(lv, tanda, b.tempat, self.catat)
                return
            if tanda.nilai == 1:
                daftaran.buka(tanda, b.tempat, self.catat)
                return
            kira = daftaran.longgar(tanda)
            if kira is not None:
                self.peringatan(b, kira[1])
                daftaran.pasang(kira[0], tanda, b.tempat, self.catat, kira[2])
                return
        _tambah(pemegang, t)

    # -- pengundangan --

    def _f_pengundangan(self, b: Baris) -> None:
        t = b.teks
        if _RE_TETAP.match(t) or _RE_BERITA.match(t) or _RE_LAMPIRAN.match(t) and t.upper() == t \
                or _RE_PENJELASAN.match(t) or b.tabel is not None:
            self.ke("penutup", b)
            return
        self.pengundangan.append(t)

    # -- penutup --

    def _f_penutup(self, b: Baris) -> None:
        t = b.teks
        if b.tabel is not None:
            if self.tunggu_paraf:
                self._paraf(b)
                self.tunggu_paraf = False
            else:
                self.ke("sisa", b)
            return
        if _RE_LAMPIRAN.match(t) and (t.upper() == t or len(t.split()) <= 2):
            self.dalam_tembusan = False
            self.ke("lampiran", b)
            return
        if _RE_PENJELASAN.match(t):
            self.ke("penjelasan", b)
            return
        m = _RE_TETAP.match(t)
        if m:
            self.dalam_tembusan = False
            self.penutup_blok.append({"kata": m.group(1).capitalize(), "tempat": m.group(2).strip(),
                                      "tanggal": "", "jabatan": [], "nama": "", "nip": None,
                                      "asal": b.tempat})
            return
        blok = self.penutup_blok[-1] if self.penutup_blok else None
        m = _RE_PADA.match(t)
        if m and blok is not None and not blok["tanggal"] and not blok["jabatan"]:
            blok["tanggal"] = m.group(1).strip()
            return
        if _RE_TTD.match(t):
            return
        if _RE_BERITA.match(t):
            self.berita.append(t)
            return
        if _RE_TEMBUSAN.match(t):
            self.dalam_tembusan = True
            return
        if _RE_PARAF.match(t):
            self.tunggu_paraf = True
            self.dalam_tembusan = False  # the paraf box follows the tembusan on the signature page
            return
        if self.dalam_tembusan:
            tanda = baca_tanda(t)
            if tanda is not None or not self.tembusan:
                self.tembusan.append(tanda.sisa if tanda else t)
            else:
                self.tembusan[-1] += " " + t
            return
        if blok is not None and not blok["nama"]:
            if re.match(r"^NIP\b", t):
                return
            if not blok["jabatan"]:
                blok["jabatan"].append(t)
                return
            if not blok["jabatan"][-1].endswith(",") and t.endswith(",") and len(blok["jabatan"]) < 3:
                blok["jabatan"].append(t)
                return
            blok["nama"] = t
            return
        if blok is not None and re.match(r"^NIP\.?\s*\d", t):
            blok["nip"] = re.sub(r"^NIP\.?\s*", "", t)
            return
        if _RE_DOKUMEN_LAIN.match(t) and t.upper() == t:
            self.ke("sisa", b)
            return
        if re.match(r"^Salinan sesuai dengan aslinya", t, re.IGNORECASE):
            self.peringatan(b, "pengesahan salinan (\"Salinan sesuai dengan aslinya\") tidak diimpor")
            self.fase = "sisa"
            self.sisa.append(b)
            return
        self.peringatan(b, f"baris di bagian penutup tidak dikenali: {t[:60]!r}")
        self.sisa.append(b)

    def _paraf(self, b: Baris) -> None:
        rows = b.tabel or []
        if not rows:
            return
        kepala = [x.strip().lower() for x in rows[0]]
        for r in rows[1:]:
            sel = dict(zip(kepala, r))
            self.paraf.append(BarisParaf(sel.get("jabatan", ""), sel.get("nama", ""),
                                         sel.get("paraf", ""), sel.get("tanggal", "")))

    # -- lampiran --

    def _f_lampiran(self, b: Baris) -> None:
        t = b.teks
        if b.tabel is None and _RE_LAMPIRAN.match(t) and (t.upper() == t or re.match(r"^LAMPIRAN\s*[IVX]*\s*:?$", t)
                                                          or re.match(r"^LAMPIRAN\s+[A-Z]", t)):
            self.lampiran.append({"kepala": [t], "judul": None, "isi": [], "asal": b.tempat,
                                  "fase": "kepala", "inden": None, "inden0": b.inden})
            return
        if b.tabel is None and _RE_PENJELASAN.match(t):
            self.ke("penjelasan", b)
            return
        if not self.lampiran:
            self.ke("sisa", b)
            return
        lamp = self.lampiran[-1]
        if lamp["fase"] in ("kepala", "tentang") and b.tabel is None and self.format in ("teks", "pdf") \
                and lamp.get("inden0") is not None and lamp["inden0"] > 10:
            if abs(b.inden - lamp["inden0"]) <= 3:
                if re.match(r"^(PERATURAN|KEPUTUSAN|NOMOR|TANGGAL|TENTANG)\b", t, re.IGNORECASE) \
                        or lamp["kepala"][-1].upper().rstrip(": ") == "TENTANG":
                    lamp["kepala"].append(t)
                else:
                    lamp["kepala"][-1] += " " + t
                return
            lamp["fase"] = "judul"
        if lamp["fase"] == "kepala" and b.tabel is None:
            kepala = lamp["kepala"]
            if re.match(r"^(PERATURAN|KEPUTUSAN|NOMOR|TANGGAL|TENTANG)\b", t, re.IGNORECASE) \
                    and not kepala[-1].upper().rstrip(":").strip() == "TENTANG" \
                    and not re.match(r"^TENTANG\s*:\s*\S", kepala[-1], re.IGNORECASE):
                kepala.append(t)
                lamp["inden"] = b.inden
                return
            if kepala[-1].upper().rstrip(":").strip() == "TENTANG":
                kepala.append(t)
                lamp["inden"] = b.inden
                if self.format not in ("teks", "pdf"):
                    lamp["fase"] = "judul"
                else:
                    lamp["fase"] = "tentang"
                return
            lamp["fase"] = "judul"
        if lamp["fase"] == "tentang" and b.tabel is None:
            if lamp["inden"] is not None and abs(b.inden - lamp["inden"]) <= 2 and b.inden > 10:
                lamp["kepala"][-1] += " " + t
                return
            lamp["fase"] = "judul"
        if lamp["fase"] == "judul":
            lamp["fase"] = "isi"
            if b.tabel is None and (t.upper() == t and any(c.isalpha() for c in t)
                                    or b.peran in ("judul_lampiran", "h2")):
                lamp["judul"] = t
                lamp["fase"] = "judul+"
                return
        if lamp["fase"] == "judul+":
            if b.tabel is None and b.peran == "" and t.upper() == t and self.format in ("teks", "pdf") \
                    and len(t.split()) <= 12 and not re.search(r",$", t):
                lamp["judul"] += " " + t
                return
            lamp["fase"] = "isi"
        if b.tabel is not None:
            rows = b.tabel
            lamp["isi"].append(Tabel(rows[0], rows[1:]) if len(rows) > 1 else Tabel([], rows))
            return
        gaya = {"subjudul": "subjudul", "h3": "judul", "tengah": "tengah"}.get(b.peran, "biasa")
        lamp["isi"].append((Alinea([Teks(t)], gaya), b))

    def selesai_lampiran(self) -> list[Lampiran]:
        out = []
        for lamp in self.lampiran:
            isi = lamp["isi"]
            ttd = None
            # the signature at the end: office (capitals) then name
            teks_akhir = [i for i, x in enumerate(isi) if isinstance(x, tuple)]
            if len(teks_akhir) >= 2 and teks_akhir[-1] == len(isi) - 1:
                nama_b = isi[teks_akhir[-1]]
                k = teks_akhir[-2]
                while k >= 0 and isinstance(isi[k], tuple) and _RE_TTD.match(isi[k][1].teks):
                    k -= 1
                if k >= 0 and isinstance(isi[k], tuple):
                    jab = isi[k][1].teks
                    nama = nama_b[1].teks.replace(" ", "") if re.fullmatch(r"(?:[A-Z] )+[A-Z]", nama_b[1].teks) \
                        else nama_b[1].teks
                    if jab.upper() == jab and nama.upper() == nama and len(jab.split()) <= 10 \
                            and len(nama.split()) <= 8:
                        ttd = TandaTangan("", "", jab, nama)
                        isi = isi[:k]
            blok = [x[0] if isinstance(x, tuple) else x for x in isi]
            out.append(Lampiran(kepala=lamp["kepala"], judul=lamp["judul"] or "", isi=blok,
                                tanda_tangan=ttd))
            self.catat(out[-1], lamp["asal"])
            m = re.match(r"^LAMPIRAN\s+([IVX]+)\b", lamp["kepala"][0])
            if m:
                out[-1].nomor = m.group(1)
        return out

    # -- penjelasan, sisa --

    def _f_penjelasan(self, b: Baris) -> None:
        if self.penjelasan is None:
            self.penjelasan = {"judul": b.teks, "isi": [], "asal": b.tempat, "judul_terbuka": True}
            return
        p = self.penjelasan
        t = b.teks
        if b.tabel is not None:
            p["isi"].append(Tabel(b.tabel[0], b.tabel[1:]))
            return
        if p["judul_terbuka"] and t.upper() == t and not re.match(r"^(I|II)\.\s", t):
            p["judul"] += " " + t
            return
        p["judul_terbuka"] = False
        p["isi"].append(Alinea([Teks(t)]))

    def _f_sisa(self, b: Baris) -> None:
        if not self.sisa:
            self.peringatan(b, "naskah lain sesudah penutup (mis. keputusan atau berita acara "
                            "yang dijilid bersama) tidak diimpor")
        self.sisa.append(b)

    # -- the model --

    def dokumen(self) -> Dokumen:
        kepala, judul, identitas, blok_naskah = self.selesai_awal()
        pembukaan = self.selesai_pembukaan()
        jenis_j = judul.jenis.upper()
        if identitas is None and not self.badan:
            dok = Dokumen("naskah", kepala, judul)
            dok.isi = self._blok_naskah(blok_naskah)
            self._akhiri(dok)
            return dok
        jenis = "keputusan" if jenis_j.startswith("KEPUTUSAN") or any(
            isinstance(u, Diktum) for u in self.badan) else "peraturan"
        dok = Dokumen(jenis, kepala, judul, pembukaan, self.badan)
        dok.identitas = identitas
        if self.pengundangan:
            dok.kalimat_pengundangan = " ".join(self.pengundangan)
        self._akhiri(dok)
        self._periksa_nomor(dok)
        for d in _semua_daftar(dok):
            _atur_daftar(d)
        return dok

    def _blok_naskah(self, baris: list[Baris]) -> list:
        out = []
        for b in baris:
            if b.tabel is not None:
                out.append(Tabel(b.tabel[0], b.tabel[1:]) if len(b.tabel) > 1 else Tabel([], b.tabel))
            else:
                gaya = {"subjudul": "subjudul", "h3": "judul", "tengah": "tengah"}.get(b.peran, "biasa")
                out.append(Alinea([Teks(b.teks)], gaya))
        return out

    def _akhiri(self, dok: Dokumen) -> None:
        blok = self.penutup_blok
        ttd = []
        for x in blok:
            jabatan = " ".join(x["jabatan"])
            nama = x["nama"]
            if re.fullmatch(r"(?:[A-Z] )+[A-Z]", nama):
                nama = nama.replace(" ", "")
            tt = TandaTangan(x["tempat"], x["tanggal"], jabatan, nama,
                             kata="Diundangkan" if x["kata"] == "Diundangkan" else x["kata"], nip=x["nip"])
            self.catat(tt, x["asal"])
            ttd.append(tt)
        if ttd:
            dok.penutup = Penutup(ttd[0], ttd[1] if len(ttd) > 1 else None,
                                  " ".join(self.berita) or None, self.tembusan)
            if len(ttd) > 2:
                self.peringatan(blok[2]["asal"], "lebih dari dua blok tanda tangan; yang ketiga dan "
                                "seterusnya tidak diimpor")
        elif self.berita or self.tembusan:
            self.peringatan("", "penutup tanpa \"Ditetapkan di\"")
        dok.paraf = self.paraf
        dok.lampiran = self.selesai_lampiran()
        if self.penjelasan is not None:
            p = self.penjelasan
            dok.penjelasan = Lampiran([], p["judul"], p["isi"])

    def _periksa_nomor(self, dok: Dokumen) -> None:
        """Gaps and repeats in the numbering of BAB and Pasal (the source's own slips)."""
        lalu = 0
        for u in dok.batang_tubuh:
            if isinstance(u, Bab):
                n = romawi_ke_int(re.sub(r"[A-Z]$", "", u.nomor) if len(u.nomor) > 1 and
                                  romawi_ke_int(u.nomor) is None else u.nomor)
                if n is None:
                    continue
                tempat = self.tempat.get(id(u), "")
                if n == lalu and not re.search(r"[A-Z]$", u.nomor[1:] if len(u.nomor) > 1 else ""):
                    self.peringatan(tempat, f"BAB {u.nomor} tertulis dua kali (naskah sumber)")
                elif n != lalu + 1 and n > lalu:
                    self.peringatan(tempat, f"BAB {u.nomor} sesudah BAB {bilangan.romawi(lalu) if lalu else '-'}: "
                                    "penomoran BAB tidak berurutan (naskah sumber)")
                lalu = n
        lalu = 0
        for p in semua_pasal(dok.batang_tubuh):
            if not isinstance(p.nomor, int):
                continue
            tempat = self.tempat.get(id(p), "")
            if p.nomor == lalu:
                self.peringatan(tempat, f"Pasal {p.nomor} tertulis dua kali (naskah sumber)")
            elif p.nomor != lalu + 1:
                hilang = (f"Pasal {lalu + 1}" if p.nomor == lalu + 2 else
                          f"Pasal {lalu + 1} sampai dengan Pasal {p.nomor - 1}")
                if p.nomor > lalu:
                    self.peringatan(tempat, f"{hilang} tidak ada: sesudah Pasal {lalu} langsung "
                                    f"Pasal {p.nomor} (naskah sumber)")
                else:
                    self.peringatan(tempat, f"Pasal {p.nomor} sesudah Pasal {lalu}: tidak berurutan")
            lalu = p.nomor


def _semua_daftar(dok: Dokumen):
    def dari(d: Daftar | None):
        if d is None:
            return
        yield d
        for b in d.butir:
            yield from dari(b.daftar)
            for k in b.kutipan:
                yield from dari_unsur(k)

    def dari_unsur(u):
        if isinstance(u, Pasal):
            for a in u.ayat:
                yield from dari(a.daftar)
        elif isinstance(u, (Bab, Bagian)):
            for x in u.isi:
                yield from dari_unsur(x)
        elif isinstance(u, Paragraf):
            for x in u.pasal:
                yield from dari_unsur(x)
        elif isinstance(u, Diktum):
            yield from dari(u.daftar)

    for u in dok.batang_tubuh:
        yield from dari_unsur(u)


def _atur_daftar(d: Daftar) -> None:
    """The list's kind and conjunction, as the source writes them."""
    if d.butir and d.butir[0].tanda[:1].isdigit() and any(
            re.match(r"^\S.*?\s+adalah\s", _teks(b)) for b in d.butir[:3]) and all(
            _teks(b).rstrip().endswith(".") for b in d.butir[:-1]):
        d.jenis = "definisi"
        d.sambung = ""
        return
    d.sambung = ""
    if len(d.butir) >= 2:
        m = re.search(r";\s*(dan/atau|dan|atau)\s*$", _teks(d.butir[-2]))
        if m:
            d.sambung = m.group(1)


def urai(baris: list[Baris], catatan: CatatanImpor, format_: str) -> HasilUrai:
    """Parse cleaned lines into a Dokumen (numbers and markers as printed)."""
    p = _Pengurai(catatan, format_)
    p.jalankan(baris)
    dok = p.dokumen()
    return HasilUrai(dok, p.tempat, p.sisa)
