"""Readers: one per format, each turning a file into `Baris` lines (see baris.py).

- plain text: UTF-8 (or Windows-1252 with a warning); a form feed starts a page;
- Markdown: the project's own review Markdown or any simple Markdown: headings, bold lines and
  tables become hints, escapes and emphasis are removed;
- DOCX: the body's paragraphs and tables read with lxml from the package (python-docx would not
  show Word's automatic list numbers): every numbered paragraph gets the marker Word displays,
  computed from numbering.xml; a table whose second column holds ":" (Menimbang, Mengingat,
  diktum) becomes "label : text" lines, any other table a data table;
- PDF: the text layer by `pdftotext -layout` (poppler-utils), page by page, with indentation; a
  PDF without a text layer is refused with a clear message, or read by OCR (tesseract with its
  Indonesian data) when asked.
"""
from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

from perbup_gen.errors import PerbupGenError, alasan_os
from perbup_gen.impor.baris import Baris, CatatanImpor

__all__ = ["ImporError", "baca_berkas", "baca_teks", "baca_markdown", "baca_docx", "baca_pdf",
           "FORMAT"]

FORMAT = {".txt": "teks", ".text": "teks", ".md": "markdown", ".markdown": "markdown",
          ".docx": "docx", ".pdf": "pdf", ".xml": "akn", ".akn": "akn"}


class ImporError(PerbupGenError):
    """A file that cannot be read as a regulation at all (exit code 2)."""


# --- plain text ----------------------------------------------------------------------------------


def _dekode(data: bytes, nama: str, catatan: CatatanImpor) -> str:
    if b"\x00" in data[:4096]:
        raise ImporError(f"{nama}: bukan berkas teks (berisi bait nol); untuk Word simpan sebagai "
                         ".docx, untuk PDF gunakan berkas .pdf")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        baris = data[: e.start].count(b"\n") + 1
        catatan.tambah(str(baris), "berkas bukan UTF-8; dibaca sebagai Windows-1252 (periksa huruf "
                       "beraksen dan tanda petik)")
        return data.decode("cp1252", errors="replace")


def _baris_teks(teks: str, halaman_awal: int | None = None, pdf: bool = False) -> list[Baris]:
    out: list[Baris] = []
    halaman = halaman_awal
    no_global = 0
    for h, isi_halaman in enumerate(teks.split("\f")):
        if h and halaman is not None:
            halaman += 1
        elif h:
            halaman = h + 1
        for i, baris in enumerate(isi_halaman.splitlines(), 1):
            no_global += 1
            baris = baris.expandtabs(8).rstrip()
            inden = len(baris) - len(baris.lstrip(" \u00a0"))
            tempat = f"halaman {halaman} baris {i}" if pdf else str(no_global)
            out.append(Baris(baris.strip(), tempat, inden=inden, halaman=halaman))
    return out


def baca_teks(data: bytes, nama: str, catatan: CatatanImpor) -> list[Baris]:
    teks = _dekode(data, nama, catatan).replace("\r\n", "\n").replace("\r", "\n")
    return _baris_teks(teks, 1 if "\f" in teks else None)


# --- Markdown ------------------------------------------------------------------------------------

_ENTITAS = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def _md_polos(s: str) -> str:
    """Markdown inline text to plain text: escapes kept literally, emphasis marks dropped."""
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s) and not s[i + 1].isalnum() and not s[i + 1].isspace():
            out.append("\x00" + s[i + 1])  # literal, protected from the steps below
            i += 2
            continue
        if c == "*" or (c == "_" and (i == 0 or not s[i - 1].isalnum())
                        and (i + 1 == len(s) or not s[i + 1].isalnum() or s[i + 1] == "_")):
            i += 1
            continue
        out.append(c)
        i += 1
    teks = "".join(out)
    bagian = teks.split("\x00")
    hasil = [html.unescape(bagian[0])]
    for b in bagian[1:]:
        hasil.append(b[:1] + html.unescape(b[1:]))
    return "".join(hasil).replace("\u00a0", " ").strip()


def _sel_md(baris: str) -> list[str]:
    isi = baris.strip()
    if isi.startswith("|"):
        isi = isi[1:]
    if isi.endswith("|") and not isi.endswith("\\|"):
        isi = isi[:-1]
    sel, kini, i = [], "", 0
    while i < len(isi):
        if isi[i] == "\\" and i + 1 < len(isi):
            kini += isi[i: i + 2]
            i += 2
            continue
        if isi[i] == "|":
            sel.append(kini)
            kini = ""
        else:
            kini += isi[i]
        i += 1
    sel.append(kini)
    return [_md_polos(s) for s in sel]


def baca_markdown(data: bytes, nama: str, catatan: CatatanImpor) -> list[Baris]:
    teks = _dekode(data, nama, catatan).replace("\r\n", "\n").replace("\r", "\n")
    baris = teks.split("\n")
    out: list[Baris] = []
    i = 0
    while i < len(baris):
        mentah = baris[i]
        s = mentah.strip().strip("\u00a0")
        if not s or re.fullmatch(r"(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}", s):
            i += 1
            continue
        if s.startswith("|"):
            awal = i
            rows = []
            while i < len(baris) and baris[i].strip().startswith("|"):
                r = baris[i].strip()
                if not re.fullmatch(r"\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*\|?", r):
                    rows.append(_sel_md(r))
                i += 1
            out.append(Baris("", str(awal + 1), tabel=rows))
            continue
        peran = ""
        m = re.match(r"^(#{1,6})\s+(.*)$", s)
        if m:
            peran = {1: "judul", 2: "h2", 3: "h3", 4: "subjudul", 5: "pasal"}.get(len(m.group(1)), "h6")
            s = m.group(2)
        elif re.fullmatch(r"\*\*[^*].*\*\*", s) and s.count("**") == 2:
            peran = "tebal"
        out.append(Baris(_md_polos(s), str(i + 1), peran=peran))
        i += 1
    return out


# --- DOCX ----------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W_NS}}}"

# style names of templates/dasar.docx -> hints for the parser
_PERAN_GAYA = {"Kepala": "kepala", "Judul": "judul", "Subjudul": "subjudul", "Judul Alinea": "h3",
               "Tengah": "tengah", "Lampiran Kepala": "lampiran_kepala",
               "Judul Lampiran": "judul_lampiran", "Paraf Judul": "paraf", "Judul Bab": "bab",
               "Judul Bagian": "bagian", "Judul Paragraf": "paragraf", "Pasal": "pasal",
               "Tanda Tangan Nama": "nama", "Tanda Tangan Kiri Nama": "nama",
               "Berita Daerah": "berita"}


def _huruf(n: int) -> str:
    return chr(97 + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _romawi(n: int) -> str:
    out = ""
    for v, s in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                 (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= v:
            out += s
            n -= v
    return out


def _format(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _huruf(n)
    if fmt == "upperLetter":
        return _huruf(n).upper()
    if fmt == "lowerRoman":
        return _romawi(n)
    if fmt == "upperRoman":
        return _romawi(n).upper()
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


class _Penomoran:
    """Word's automatic list numbers: per w:num and level, deeper levels restarting."""

    def __init__(self, akar):
        self.abstrak: dict[str, dict[int, tuple[int, str, str]]] = {}
        self.num: dict[str, tuple[str, dict[int, int]]] = {}
        self.hitung: dict[str, dict[int, int]] = {}
        if akar is None:
            return
        for a in akar.iter(f"{_W}abstractNum"):
            lvls = {}
            for lvl in a.iter(f"{_W}lvl"):
                ilvl = int(lvl.get(f"{_W}ilvl", "0"))
                start = lvl.find(f"{_W}start")
                fmt = lvl.find(f"{_W}numFmt")
                teks = lvl.find(f"{_W}lvlText")
                lvls[ilvl] = (int(start.get(f"{_W}val", "1")) if start is not None else 1,
                              fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                              teks.get(f"{_W}val", "") if teks is not None else "")
            self.abstrak[a.get(f"{_W}abstractNumId")] = lvls
        for n in akar.iter(f"{_W}num"):
            aid = n.find(f"{_W}abstractNumId")
            timpa = {}
            for o in n.iter(f"{_W}lvlOverride"):
                so = o.find(f"{_W}startOverride")
                if so is not None:
                    timpa[int(o.get(f"{_W}ilvl", "0"))] = int(so.get(f"{_W}val", "1"))
            self.num[n.get(f"{_W}numId")] = (aid.get(f"{_W}val") if aid is not None else "", timpa)

    def tanda(self, num_id: str, ilvl: int) -> str:
        if num_id not in self.num or num_id == "0":
            return ""
        aid, timpa = self.num[num_id]
        lvls = self.abstrak.get(aid, {})
        if ilvl not in lvls:
            return ""
        hitung = self.hitung.setdefault(num_id, {})
        start = timpa.get(ilvl, lvls[ilvl][0])
        hitung[ilvl] = hitung.get(ilvl, start - 1) + 1
        for lebih in [k for k in hitung if k > ilvl]:
            del hitung[lebih]
        teks = lvls[ilvl][2]
        for k in range(ilvl + 1):
            if k in lvls:
                nilai = hitung.get(k, timpa.get(k, lvls[k][0]))
                teks = teks.replace(f"%{k + 1}", _format(nilai, lvls[k][1]))
        return teks


def _xml(z: zipfile.ZipFile, nama: str):
    try:
        return etree.fromstring(z.read(nama))
    except KeyError:
        return None


def baca_docx(data: bytes, nama: str, catatan: CatatanImpor) -> list[Baris]:
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        dok = _xml(z, "word/document.xml")
    except (zipfile.BadZipFile, etree.XMLSyntaxError) as e:
        raise ImporError(f"{nama}: bukan berkas Word .docx yang terbaca (rusak atau bukan arsip ZIP); berkas .doc lama "
                         "simpan dahulu sebagai .docx") from e
    if dok is None:
        raise ImporError(f"{nama}: berkas .docx tanpa word/document.xml")
    nomor = _Penomoran(_xml(z, "word/numbering.xml"))
    gaya_nama: dict[str, str] = {}
    gaya_num: dict[str, tuple[str, int]] = {}
    gaya = _xml(z, "word/styles.xml")
    if gaya is not None:
        for s in gaya.iter(f"{_W}style"):
            sid = s.get(f"{_W}styleId")
            n = s.find(f"{_W}name")
            if n is not None:
                gaya_nama[sid] = n.get(f"{_W}val")
            np_ = s.find(f"{_W}pPr/{_W}numPr")
            if np_ is not None:
                nid = np_.find(f"{_W}numId")
                lvl = np_.find(f"{_W}ilvl")
                if nid is not None:
                    gaya_num[sid] = (nid.get(f"{_W}val"), int(lvl.get(f"{_W}val", "0"))
                                     if lvl is not None else 0)
    body = dok.find(f"{_W}body")
    out: list[Baris] = []
    hitung = [0]

    def paragraf(p) -> tuple[str, str, str]:
        """(marker, text, role hint) of one paragraph."""
        hitung[0] += 1
        ppr = p.find(f"{_W}pPr")
        sid = ""
        num = None
        pusat = False
        if ppr is not None:
            ps = ppr.find(f"{_W}pStyle")
            if ps is not None:
                sid = ps.get(f"{_W}val", "")
            np_ = ppr.find(f"{_W}numPr")
            if np_ is not None:
                nid = np_.find(f"{_W}numId")
                lvl = np_.find(f"{_W}ilvl")
                if nid is not None:
                    num = (nid.get(f"{_W}val"), int(lvl.get(f"{_W}val", "0")) if lvl is not None else 0)
            jc = ppr.find(f"{_W}jc")
            pusat = jc is not None and jc.get(f"{_W}val") == "center"
        if num is None and sid in gaya_num:
            num = gaya_num[sid]
        bagian = []
        for e in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}delText"):
            tag = e.tag
            if tag == f"{_W}t":
                bagian.append(e.text or "")
            elif tag == f"{_W}delText":
                continue
            else:
                bagian.append(" ")
        teks = "".join(bagian)
        tanda = nomor.tanda(*num) if num else ""
        peran = _PERAN_GAYA.get(gaya_nama.get(sid, ""), "") or ("tengah" if pusat else "")
        return tanda, teks, peran

    def tempat() -> str:
        return f"paragraf {hitung[0]}"

    def tabel(t) -> None:
        rows = []
        for tr in t.iter(f"{_W}tr"):
            sel = []
            for tc in tr.findall(f"{_W}tc"):
                paras = []
                for p in tc.iter(f"{_W}p"):
                    tanda, teks, _ = paragraf(p)
                    teks = teks.strip()
                    if teks or tanda:
                        paras.append((f"{tanda} {teks}".strip(), tempat()))
                sel.append(paras)
            rows.append(sel)
        label = [r for r in rows if len(r) >= 3 and " ".join(x for x, _ in r[1]).strip() == ":"]
        if rows and len(label) * 2 >= len(rows):
            for r in rows:
                kepala = " ".join(x for x, _ in r[0]).strip()
                isi = [p for sel in r[2:] for p in sel]
                if not isi:
                    out.append(Baris(f"{kepala} :", r[0][0][1] if r[0] else tempat()))
                    continue
                pertama, t0 = isi[0]
                out.append(Baris(f"{kepala} : {pertama}" if kepala else pertama, t0))
                for teks, tp in isi[1:]:
                    out.append(Baris(teks, tp))
            return
        data_rows = [[" ".join(x for x, _ in sel).strip() for sel in r] for r in rows]
        awal = rows[0][0][0][1] if rows and rows[0] and rows[0][0] else tempat()
        out.append(Baris("", awal, tabel=data_rows))

    if body is not None:
        for anak in body:
            if anak.tag == f"{_W}p":
                tanda, teks, peran = paragraf(anak)
                teks = " ".join(teks.split())
                if teks or tanda:
                    out.append(Baris(f"{tanda} {teks}".strip(), tempat(), peran=peran))
            elif anak.tag == f"{_W}tbl":
                tabel(anak)
            elif anak.tag == f"{_W}sdt":
                for p in anak.iter(f"{_W}p"):
                    tanda, teks, peran = paragraf(p)
                    if teks.strip():
                        out.append(Baris(f"{tanda} {teks}".strip(), tempat(), peran=peran))
    return out


# --- PDF -----------------------------------------------------------------------------------------


def _perlu(program: str, paket: str) -> str:
    jalur = shutil.which(program)
    if jalur is None:
        raise ImporError(f"program {program} tidak ada; pasang dengan: apt-get install {paket}")
    return jalur


def baca_pdf(jalur: Path, nama: str, catatan: CatatanImpor, ocr: bool = False) -> list[Baris]:
    pdftotext = _perlu("pdftotext", "poppler-utils")
    hasil = subprocess.run([pdftotext, "-layout", "-enc", "UTF-8", str(jalur), "-"],
                           capture_output=True)
    if hasil.returncode != 0:  # pdftotext's own words are English: say what it means
        raise ImporError(f"{nama}: PDF tidak dapat dibaca (rusak, terkunci kata sandi, atau bukan PDF; "
                         f"pdftotext berhenti dengan kode {hasil.returncode})")
    teks = hasil.stdout.decode("utf-8", "replace")
    halaman = [h for h in teks.split("\f")]
    if halaman and not halaman[-1].strip():
        halaman = halaman[:-1]
    huruf = sum(1 for c in teks if c.isalnum())
    if huruf < 40 * max(1, len(halaman)):
        if not ocr:
            raise ImporError(
                f"{nama}: PDF ini tidak memuat lapisan teks (hasil pindaian gambar), jadi isinya "
                "tidak dapat dibaca. Jalankan ulang dengan --ocr (perlu tesseract-ocr dan "
                "tesseract-ocr-ind), atau mintakan berkas Word atau PDF asli dari Bagian Hukum.")
        return baca_ocr(jalur, nama, catatan)
    return _baris_teks("\f".join(halaman), 1, pdf=True)


def baca_ocr(jalur: Path, nama: str, catatan: CatatanImpor) -> list[Baris]:
    """OCR of a scanned PDF: pdftoppm to 300 dpi greyscale, tesseract with Indonesian data."""
    pdftoppm = _perlu("pdftoppm", "poppler-utils")
    tesseract = _perlu("tesseract", "tesseract-ocr tesseract-ocr-ind")
    bahasa = subprocess.run([tesseract, "--list-langs"], capture_output=True, text=True).stdout
    if "ind" not in bahasa.split():
        raise ImporError("data bahasa Indonesia untuk tesseract tidak ada; pasang dengan: "
                         "apt-get install tesseract-ocr-ind")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([pdftoppm, "-r", "300", "-gray", "-png", str(jalur), f"{tmp}/h"],
                       check=True, capture_output=True)
        gambar = sorted(Path(tmp).glob("h-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
        halaman = []
        for g in gambar:
            r = subprocess.run([tesseract, str(g), "-", "-l", "ind", "--psm", "4"],
                               capture_output=True)
            halaman.append(r.stdout.decode("utf-8", "replace"))
    catatan.tambah("", f"dibaca dengan OCR (tesseract, {len(halaman)} halaman): periksa angka, "
                   "nomor dan ejaan terhadap naskah aslinya")
    return _baris_teks("\f".join(halaman), 1, pdf=True)


# --- dispatch ------------------------------------------------------------------------------------


def baca_berkas(jalur: Path, catatan: CatatanImpor, ocr: bool = False) -> tuple[str, list[Baris]]:
    """(format, lines) of a file; the format from its extension (text when unknown)."""
    nama = jalur.name
    format_ = FORMAT.get(jalur.suffix.lower(), "teks")
    if not jalur.exists():
        raise ImporError(f"{jalur}: berkas tidak ada")
    if jalur.is_dir():
        raise ImporError(f"{jalur}: ini folder, bukan berkas")
    try:
        if format_ == "pdf":
            return format_, baca_pdf(jalur, nama, catatan, ocr)
        data = jalur.read_bytes()
    except FileNotFoundError as e:
        raise ImporError(f"{jalur}: berkas tidak ada") from e
    except IsADirectoryError as e:
        raise ImporError(f"{jalur}: ini folder, bukan berkas") from e
    except OSError as e:
        raise ImporError(f"{jalur}: tidak dapat dibaca ({alasan_os(e)})") from e
    if format_ == "docx":
        return format_, baca_docx(data, nama, catatan)
    if format_ == "markdown":
        return format_, baca_markdown(data, nama, catatan)
    return format_, baca_teks(data, nama, catatan)
