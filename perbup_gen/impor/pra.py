"""Preprocessing: the noise of published files removed before parsing, each step one function.

Steps (in order; the text steps only for plain text and PDF, whose lines are the page's lines):
1. `normalkan`: spaces (tabs, no-break spaces, runs), OCR stray carets ("^perlu"), "Pasa-l" -> "Pasal";
2. `buang_derau_halaman` (text, PDF): page numbers ("- 2 -", "--- HALAMAN 3 ---"), Setneg stamps
   ("SK No 134178 A"), running heads repeated at page breaks ("PRESIDEN / REPUBLIK INDONESIA",
   also their OCR variants), and catchwords at a page foot ("7. Manajemen . . .") that repeat the
   first words of the next page;
3. `gabung_pemenggalan` (text, PDF): a word hyphenated across two lines is joined; the hyphen
   stays for reduplication ("perundang-" + "undangan", "masing-masing") and capitalised halves
   ("Daerah-" + "Daerah");
4. `pecah_baris`: lines that a flattened layout ran together are split before the words that
   always start a part of a regulation (Menimbang :, MEMUTUSKAN, Menetapkan :, Agar setiap
   orang, Ditetapkan di, Diundangkan di, LEMBARAN/BERITA ..., PENJELASAN ATAS, a Pasal heading
   after a full stop, KESATU :); for text and PDF also before a list marker or "(2)" following
   ";", ":" or "."; a lone list marker ("a.") is joined to the line after it, or dropped;
5. `perbaiki_angka` (text, PDF): OCR slips in numbers after Nomor/Tahun and in years: "2O2O",
   "2Ol7", "Nomor 5a95" -> digits (each one reported).
Every change that could alter meaning is reported with its place.
"""
from __future__ import annotations

import difflib
import re

from perbup_gen.impor.baris import KATA_RUJUK, Baris, CatatanImpor

__all__ = ["bersihkan", "sambung_kata"]

_TEKS = ("teks", "pdf")

# --- 1. normalising ------------------------------------------------------------------------------


def normalkan(baris: list[Baris], catatan: CatatanImpor) -> list[Baris]:
    out = []
    for b in baris:
        t = b.teks.replace("\u00a0", " ").replace("\t", " ").replace("\u200b", "")
        if "^" in t:
            t = re.sub(r"\^(?=[\w(])", "", t)
        if re.search(r"\bPasa[-\s]?[lI1]\b", t):
            t2 = re.sub(r"\bPasa[-\s]?[lI1]\b", "Pasal", t)
            if t2 != t:
                catatan.tambah(b.tempat, "\"Pasa-l\" dibaca sebagai \"Pasal\" (salah OCR)")
                t = t2
        b.teks = " ".join(t.split())
        out.append(b)
    return out


# --- 2. page noise -------------------------------------------------------------------------------

_NOMOR_HALAMAN = re.compile(
    r"^(?:[-–—_]\s*[\dtlIO]{1,3}\s*[-–—_]|-+\s*HALAMAN\s+\d+\s*-+|(?:hal(?:aman)?\.?\s*)\d{1,3}"
    r"(?:\s*(?:dari|/)\s*\d{1,3})?)$", re.IGNORECASE)
_CAP = re.compile(r"^SK\s+No\b", re.IGNORECASE)


def _huruf_saja(s: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "", s).upper()


def buang_derau_halaman(baris: list[Baris], catatan: CatatanImpor) -> list[Baris]:
    n = len(baris)
    buang = [False] * n
    batas: list[int] = []  # index where a new page's content starts
    for i, b in enumerate(baris):
        if not b.teks:
            continue
        if _NOMOR_HALAMAN.match(b.teks) or _CAP.match(b.teks):
            buang[i] = True
            batas.append(i)
        elif i and b.halaman is not None and baris[i - 1].halaman is not None \
                and b.halaman != baris[i - 1].halaman:
            batas.append(i)
    # running heads: short lines near two or more page breaks that look alike
    calon: list[tuple[int, str, int]] = []
    for k, j in enumerate(batas):
        for d in range(-4, 5):
            i = j + d
            if 0 <= i < n and baris[i].teks and not buang[i]:
                t = baris[i].teks
                if len(t.split()) <= 5 and t.upper() == t and not re.match(r"^(?:BAB|PASAL)\b", t.upper()):
                    calon.append((i, _huruf_saja(t), k))
    halaman_satu = batas[1] if batas and batas[0] <= 1 and len(batas) > 1 else (batas[0] if batas else 0)
    for i, kunci, k in calon:
        if not kunci or i < halaman_satu:
            continue
        mirip = {k2 for i2, kunci2, k2 in calon if i2 != i and kunci2 and k2 != k
                 and difflib.SequenceMatcher(None, kunci, kunci2).ratio() >= 0.85}
        if len(mirip) >= 2:
            buang[i] = True
    # catchwords: a short line whose words open the first line of the next page
    for j in batas:
        # the last content line before the break
        i = j - 1
        while i >= 0 and (buang[i] or not baris[i].teks):
            i -= 1
        k = j
        while k < n and (buang[k] or not baris[k].teks):
            k += 1
        if i < 0 or k >= n or i >= k:
            continue
        t = baris[i].teks
        inti = re.sub(r"(?:\s*\.){2,}\s*$", "", t).strip()
        if not inti or len(inti.split()) > 4:
            continue
        bertitik = inti != t
        if _huruf_saja(baris[k].teks).startswith(_huruf_saja(inti)) and (bertitik or len(inti) < len(baris[k].teks)):
            buang[i] = True
    dibuang = sum(buang)
    if dibuang:
        catatan.tambah("", f"{dibuang} baris derau halaman (nomor halaman, kepala halaman, kata "
                       "sambung halaman, cap) dibuang")
    return [b for i, b in enumerate(baris) if not buang[i]]


# --- 3. hyphenation ------------------------------------------------------------------------------


def sambung_kata(kiri: str, kanan: str) -> str:
    """Join a word split at a hyphen: keep the hyphen for reduplication or a capital second
    half ("perundang-undangan", "Undang-Undang"), else drop it ("pertanggung" + "jawaban")."""
    if kanan[:1].isupper():
        return f"{kiri}-{kanan}"
    k, n = kiri.lower(), kanan.lower()
    for panjang in range(min(len(k), len(n)), 2, -1):
        if k.endswith(n[:panjang]):
            return f"{kiri}-{kanan}"
    return kiri + kanan


def gabung_pemenggalan(baris: list[Baris], catatan: CatatanImpor) -> list[Baris]:
    out: list[Baris] = []
    i = 0
    while i < len(baris):
        b = baris[i]
        m = re.search(r"(\w+)-$", b.teks)
        if m and not b.teks.endswith(" -"):
            j = i + 1
            while j < len(baris) and not baris[j].teks:
                j += 1
            if j < len(baris) and baris[j].teks[:1].isalpha() and baris[j].tabel is None:
                kanan = baris[j].teks.split(" ", 1)
                kata = sambung_kata(m.group(1), kanan[0])
                b.teks = b.teks[: m.start(1)] + kata + (" " + kanan[1] if len(kanan) > 1 else "")
                baris[j].teks = ""
                out.append(b)
                i = j + 1
                continue
        out.append(b)
        i += 1
    for b in out:
        if "- " in b.teks:
            b.teks = re.sub(r"(\w+)- (\w+)", lambda m: sambung_kata(m.group(1), m.group(2)), b.teks)
    return out


# --- 4. flattened lines --------------------------------------------------------------------------

_DIKTUM = ("KESATU|KEDUA|KETIGA|KEEMPAT|KELIMA|KEENAM|KETUJUH|KEDELAPAN|KESEMBILAN|KESEPULUH|"
           "KESEBELAS|KEDUA BELAS|KETIGA BELAS|KEEMPAT BELAS|KELIMA BELAS")
# the opening formulas a line is split after: the national one and Aceh's
_RAHMAT = (r"DENGAN RAHMAT TUHAN YANG MAHA ESA|(?:DENGAN|ATAS) RAHMAT ALLAH YANG MAHA (?:ESA|KUASA)|"
           r"BISMILLAHIRRAHMANIRRAHIM")
_PISAH_SEMUA = re.compile(
    rf"(?<=\S)\s+(?=(?:{_RAHMAT}|MEMUTUSKAN\s*:?(?:\s|$)|Memutuskan\s*:|"
    r"Menetapkan\s*:|Menimbang\s*:|Mengingat\s*:|Memperhatikan\s*:|"
    r"Dengan (?:Persetujuan|Kesepakatan) Bersama|Agar setiap orang|"
    r"(?:Ditetapkan|Disahkan|Diundangkan) di\b|LEMBARAN NEGARA REPUBLIK INDONESIA TAHUN|"
    r"TAMBAHAN LEMBARAN NEGARA|BERITA (?:DAERAH|NEGARA) [A-Z ]*TAHUN|PENJELASAN\s+ATAS\b|"
    rf"(?:{_DIKTUM})\s*:))")
_PISAH_SESUDAH = re.compile(rf"^({_RAHMAT}|MEMUTUSKAN\s*:?|Memutuskan\s*:)\s+(?=\S)")
# a Pasal heading after a full stop or colon, mid-line (flattened amendments)
_PASAL_TENGAH = re.compile(r"(?<=\w\w[.:;])\s+(?=Pasal\s+(?:[IVX]+|\d+[A-Z]?)\s+(?:\(1\)|[A-Z]))")
_PASAL_ISI = re.compile(r"^(Pasal\s+(?:[IVX]+|\d+[A-Z]?))\s+(?=\(1\)|[A-Z])")
_AYAT_TENGAH = re.compile(r"(?<=[.;:])\s+(?=\(\d{1,2}[a-z]?[)1\\t]\s+[A-Z])")
_BUTIR_TENGAH = re.compile(r"(?<=[;:.])\s+(?=(?:[a-z]|[a-z]\d|\d{1,2})\.\s+\w)")
_LEPAS = re.compile(r"^(?:[a-zA-Z]|\d{1,2})[.,)]$")


def _pecah(b: Baris, pola: re.Pattern) -> list[Baris]:
    bagian = pola.split(b.teks)
    if len(bagian) == 1:
        return [b]
    return [Baris(p.strip(), b.tempat, inden=b.inden, halaman=b.halaman, peran=b.peran)
            for p in bagian if p.strip()]


def pecah_baris(baris: list[Baris], format_: str, catatan: CatatanImpor) -> list[Baris]:
    out: list[Baris] = []
    for b in baris:
        if b.tabel is not None or not b.teks:
            out.append(b)
            continue
        potong = _pecah(b, _PISAH_SEMUA)
        lagi = []
        for p in potong:
            m = _PISAH_SESUDAH.match(p.teks)
            if m:
                lagi.append(Baris(m.group(1), p.tempat, inden=p.inden, halaman=p.halaman))
                p = Baris(p.teks[m.end():], p.tempat, inden=p.inden, halaman=p.halaman)
            lagi.append(p)
        if format_ in _TEKS:
            tmp = []
            for p in lagi:
                for k, q in enumerate(_pecah(p, _PASAL_TENGAH)):
                    m = _PASAL_ISI.match(q.teks)
                    if m and (k > 0 or q.teks[m.end():].startswith("(1)")):
                        tmp.append(Baris(m.group(1), q.tempat, halaman=q.halaman))
                        q = Baris(q.teks[m.end():], q.tempat, halaman=q.halaman)
                    tmp.append(q)
            lagi = []
            for p in tmp:
                for q in _pecah(p, _AYAT_TENGAH):
                    lagi += _pecah(q, _BUTIR_TENGAH)
        out += lagi
    if format_ not in _TEKS:
        return out
    # lone markers: joined to the next text line, else dropped
    hasil: list[Baris] = []
    i = 0
    while i < len(out):
        b = out[i]
        if b.tabel is None and _LEPAS.match(b.teks) and hasil and hasil[-1].tabel is None and KATA_RUJUK.search(
                hasil[-1].teks):
            hasil.append(b)  # "... dalam Pasal" / "5.": a wrapped reference, not a marker
            i += 1
            continue
        if b.tabel is None and _LEPAS.match(b.teks):
            j = i + 1
            while j < len(out) and not out[j].teks and out[j].tabel is None:
                j += 1
            if j < len(out) and out[j].tabel is None and out[j].teks and not _LEPAS.match(out[j].teks) \
                    and not re.match(r"^(?:\(?\w{1,2}[.)]\s|Pasal\s|BAB\s|Menimbang|Mengingat|Menetapkan)",
                                     out[j].teks):
                out[j].teks = b.teks.rstrip(",").rstrip(".") + ". " + out[j].teks
                i += 1
                continue
            catatan.tambah(b.tempat, f"tanda butir \"{b.teks}\" tanpa isi dibuang (tata letak "
                           "kolom yang terlepas)")
            i += 1
            continue
        if b.tabel is None and re.fullmatch(r"\d{1,2}", b.teks):
            catatan.tambah(b.tempat, f"baris berisi angka \"{b.teks}\" saja dibuang (derau halaman)")
            i += 1
            continue
        hasil.append(b)
        i += 1
    return hasil


# --- 5. OCR slips in numbers ---------------------------------------------------------------------

_KE_ANGKA = str.maketrans({"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "i": "1", "L": "1",
                           "Z": "2", "z": "2", "a": "4", "A": "4", "S": "5", "s": "5", "G": "6",
                           "b": "6", "T": "7", "B": "8", "g": "9", "q": "9"})
_NOMOR_OCR = re.compile(r"\b(Nomor|NOMOR|Tahun|TAHUN|tahun)(\s+)(\d[\dOolILSsaZzBgq]*[\dOolI]|[OolI]\d[\dOolI]*)\b")
_TAHUN_OCR = re.compile(r"\b([12][0-9OoIl][0-9OoIlL]{2})\b")


def perbaiki_angka(baris: list[Baris], catatan: CatatanImpor) -> list[Baris]:
    for b in baris:
        if not b.teks or b.tabel is not None:
            continue

        def nomor(m: re.Match) -> str:
            token = m.group(3)
            if token.isdigit() or sum(c.isdigit() for c in token) < max(1, len(token) - 2):
                return m.group(0)
            baru = token.translate(_KE_ANGKA)
            if not baru.isdigit():
                return m.group(0)
            catatan.tambah(b.tempat, f"\"{m.group(1)} {token}\" dibaca sebagai \"{m.group(1)} {baru}\" "
                           "(salah OCR)")
            return f"{m.group(1)}{m.group(2)}{baru}"

        def tahun(m: re.Match) -> str:
            token = m.group(1)
            if token.isdigit():
                return token
            baru = token.translate(_KE_ANGKA)
            if not baru.isdigit() or not 1900 <= int(baru) <= 2100:
                return token
            catatan.tambah(b.tempat, f"\"{token}\" dibaca sebagai tahun {baru} (salah OCR)")
            return baru

        t = _NOMOR_OCR.sub(nomor, b.teks)
        b.teks = _TAHUN_OCR.sub(tahun, t)
    return baris


def bersihkan(baris: list[Baris], format_: str, catatan: CatatanImpor) -> list[Baris]:
    """All preprocessing steps for lines read in `format_` ("teks", "pdf", "docx", "markdown")."""
    baris = normalkan(baris, catatan)
    if format_ in _TEKS:
        baris = buang_derau_halaman(baris, catatan)
        baris = gabung_pemenggalan(baris, catatan)
    baris = pecah_baris(baris, format_, catatan)
    if format_ in _TEKS:
        baris = perbaiki_angka(baris, catatan)
    return [b for b in baris if b.teks or b.tabel is not None]
