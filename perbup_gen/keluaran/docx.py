"""DOCX renderer: Dokumen -> the bytes of a Word file.

The layout lives in templates/dasar.docx (built by templates/buat_dasar.py). From that package the
renderer keeps every part as it is (styles, settings, theme, header...) except:
- word/document.xml: a new body; the template's last w:sectPr is kept (header, title page), with
  the page size and margins of TataLetak;
- word/numbering.xml: the abstract list definitions are kept; one w:num per list instance is added
  (with startOverride, so each list restarts);
- docProps/core.xml: title/subject/creator from Dokumen.properti, no timestamps;
- styles.xml: font name and size of the document defaults and of "Normal" are set from TataLetak;
- the emblem image, when the heading has one (word/media/, a relationship, a content type).

Styles and list definitions are looked up by their NAME in the template, so a district may restyle
dasar.docx in Word. The model arrives numbered (penomoran.susun()): the renderer never numbers; it
checks that Word's numbering will show exactly the model's `tanda`/`nomor` and refuses otherwise.

Output is deterministic: same Dokumen, same template, same TataLetak -> identical bytes (fixed zip
timestamps 1980-01-01, fixed entry order, no current time anywhere).
"""
from __future__ import annotations

import functools
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from perbup_gen.errors import PerbupGenError, alasan_os
from perbup_gen.jalur import TEMPLAT
from perbup_gen.konfigurasi.gambar import ukuran_gambar as _ukuran_gambar  # also checked by validate
from perbup_gen.naskah.spasi import ikat
from perbup_gen.naskah.model import (
    Alinea, Ayat, Bab, Bagian, Daftar, Diktum, Dokumen, Inline, Lampiran, Paragraf, Pasal,
    Rujukan, Tabel, TandaTangan, Teks,
)

TEMPLATE_BAWAAN = TEMPLAT / "dasar.docx"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC_NS = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_W = f"{{{W_NS}}}"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# styles the renderer uses, by name (see templates/buat_dasar.py)
GAYA = [
    "Normal", "Kepala", "Lambang", "Judul", "Pembukaan", "Konsiderans", "Konsiderans Butir",
    "Judul Bab", "Judul Bagian", "Judul Paragraf", "Pasal", "Isi Pasal", "Ayat", "Butir 1",
    "Butir 2", "Butir 3", "Butir 4", "Definisi", "Pengundangan", "Diktum", "Diktum Label",
    "Tanda Tangan", "Tanda Tangan Nama", "Tanda Tangan Kiri", "Tanda Tangan Kiri Nama",
    "Berita Daerah", "Tembusan", "Tembusan Butir", "Lampiran Kepala", "Judul Lampiran", "Tengah",
    "Judul Alinea", "Subjudul", "Alinea", "Tabel", "Tabel Kepala", "Paraf Judul", "Paraf",
    "Tabel Tanpa Garis", "Tabel Bergaris",
]
# abstract list definitions, by name
ABSTRAK = ["Ayat", "Rincian", "Rincian Ayat", "Definisi", "Definisi Ayat", "Menimbang",
           "Mengingat"]
# marker format per list level: (numFmt, closing character)
_FORMAT_RINCIAN = [("lowerLetter", "."), ("decimal", "."), ("lowerLetter", ")"), ("decimal", ")")]
_FORMAT_DEFINISI = [("decimal", "."), ("lowerLetter", "."), ("decimal", ")"), ("lowerLetter", ")")]


def _twip(mm: float) -> int:
    return round(mm * 1440 / 25.4)


@dataclass(frozen=True)
class TataLetak:
    """Page and type. Lengths in millimetres. Default: F4 (215 x 330 mm), Bookman Old Style 12."""

    lebar_mm: float = 215.0
    tinggi_mm: float = 330.0
    margin_atas_mm: float = 20.0
    margin_bawah_mm: float = 20.0
    margin_kiri_mm: float = 30.0
    margin_kanan_mm: float = 20.0
    huruf: str = "Bookman Old Style"
    ukuran_pt: float = 12.0

    def __post_init__(self) -> None:
        if min(self.lebar_mm, self.tinggi_mm) <= 0:
            raise ValueError("ukuran kertas harus positif")
        if min(self.margin_atas_mm, self.margin_bawah_mm, self.margin_kiri_mm,
               self.margin_kanan_mm) < 0:
            raise ValueError("margin tidak boleh negatif")
        if self.lebar_mm - self.margin_kiri_mm - self.margin_kanan_mm < 50:
            raise ValueError("lebar teks (kertas dikurangi margin kiri dan kanan) < 50 mm")
        if self.tinggi_mm - self.margin_atas_mm - self.margin_bawah_mm < 50:
            raise ValueError("tinggi teks (kertas dikurangi margin atas dan bawah) < 50 mm")
        if not self.huruf.strip() or not (4 <= self.ukuran_pt <= 72):
            raise ValueError("nama huruf kosong atau ukuran huruf di luar 4-72 pt")

    @property
    def lebar_teks(self) -> int:
        """Text width in twips."""
        return _twip(self.lebar_mm) - _twip(self.margin_kiri_mm) - _twip(self.margin_kanan_mm)


# --- text escaping -------------------------------------------------------------------------------

# characters illegal in XML 1.0 (and C1 controls, which Word does not accept either)
_ILEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_KHUSUS = re.compile("[&<>\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _esc(s: str) -> str:
    """Escape text for an XML text node or attribute; drop illegal characters."""
    if not _KHUSUS.search(s):
        return s
    s = _ILEGAL.sub("", s.replace("\r\n", "\n").replace("\r", "\n"))
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _t(s: str) -> str:
    """w:t element(s) for a text; tab -> w:tab, newline -> w:br."""
    e = _esc(s)
    if "\t" in e or "\n" in e:
        e = e.replace("\t", '</w:t><w:tab/><w:t xml:space="preserve">').replace(
            "\n", '</w:t><w:br/><w:t xml:space="preserve">')
    return f'<w:t xml:space="preserve">{e}</w:t>'


@functools.lru_cache(maxsize=8192)
def _r(s: str, rpr: str = "", utuh: bool = True) -> str:
    """One run, with no-break spaces where a line must not break (naskah/spasi.py; `utuh` False:
    as it is, for a heading line like "Pasal 5" that never wraps). Cached: most text of a batch of
    decrees repeats from one document to the next."""
    if not s:
        return ""
    if utuh:
        s = ikat(s)
    return f"<w:r><w:rPr>{rpr}</w:rPr>{_t(s)}</w:r>" if rpr else f"<w:r>{_t(s)}</w:r>"


def _runs(isi: Inline) -> str:
    out = []
    for bagian in isi:
        if isinstance(bagian, Rujukan):
            if bagian.teks is None:
                tempat = f" ({bagian.sumber})" if bagian.sumber else ""
                raise ValueError(f"rujukan [[{bagian.label}]] belum diselesaikan{tempat}")
            out.append(_r(bagian.teks))
        elif isinstance(bagian, Teks):
            rpr = ("<w:b/><w:bCs/>" if bagian.tebal else "") + (
                "<w:i/><w:iCs/>" if bagian.miring else "")
            out.append(_r(bagian.teks, rpr))
        else:
            raise TypeError(f"bagian teks tidak dikenal: {type(bagian).__name__}")
    return "".join(out)


# --- cache keys: everything the renderer reads of a block ------------------------------------------


def _kunci_inline(isi: Inline) -> tuple | None:
    """What `_runs(isi)` reads, as a key; None (do not cache) for a part it does not know."""
    kunci = []
    for x in isi:
        jenis = type(x)
        if jenis is Teks:
            kunci.append((x.teks, x.miring, x.tebal))
        elif jenis is Rujukan:
            kunci.append(x.teks)  # None (unresolved) raises when rendered: never stored
        else:
            return None
    return tuple(kunci)


def _kunci_daftar(d: Daftar | None) -> tuple | None:
    """What `_Penulis.daftar` reads of a list (kind, markers, texts, sub-lists); None: no key."""
    if d is None:
        return ()
    kunci = [d.jenis]
    for b in d.butir:
        isi = _kunci_inline(b.isi)
        sub = _kunci_daftar(b.daftar)
        if isi is None or sub is None:
            return None
        kunci.append((isi, b.tanda, sub))
    return tuple(kunci)


# --- list markers --------------------------------------------------------------------------------

_TANDA = re.compile(r"^([0-9]+|[a-z]+)([.)])$")


def _urai_tanda(tanda: str) -> tuple[str, str, int]:
    """'b.' -> ('lowerLetter', '.', 2); '12)' -> ('decimal', ')', 12); 'aa.' -> 27 (Word's way)."""
    m = _TANDA.match(tanda.strip())
    if not m:
        raise ValueError(f"tanda butir {tanda!r} tidak dikenal (belum dinomori?)")
    inti, tutup = m.groups()
    if inti.isdigit():
        return "decimal", tutup, int(inti)
    if len(set(inti)) != 1:
        raise ValueError(f"tanda butir {tanda!r} tidak dapat ditampilkan penomoran Word")
    return "lowerLetter", tutup, (len(inti) - 1) * 26 + ord(inti[0]) - 96


def _cek_daftar(daftar: Daftar, format_: list[tuple[str, str]], tingkat: int, awal: int | None
                ) -> int:
    """Check that Word's numbering will show the model's markers; returns the first value."""
    if tingkat >= len(format_):
        raise ValueError(f"daftar lebih dari {len(format_)} tingkat")
    pertama = None
    for i, butir in enumerate(daftar.butir):
        fmt, tutup, nilai = _urai_tanda(butir.tanda)
        if (fmt, tutup) != format_[tingkat]:
            raise ValueError(f"tanda butir {butir.tanda!r} tidak sesuai tingkat {tingkat + 1} "
                             f"daftar (diharapkan bentuk {_contoh(format_[tingkat])})")
        if pertama is None:
            pertama = nilai
            if awal is not None and nilai != awal:
                raise ValueError(f"sub-daftar harus mulai dari {_contoh(format_[tingkat], awal)}, "
                                 f"bukan {butir.tanda!r}")
        elif nilai != pertama + i:
            raise ValueError(f"tanda butir {butir.tanda!r} tidak berurutan")
        if butir.daftar is not None and butir.daftar.butir:
            _cek_daftar(butir.daftar, format_, tingkat + 1, 1)
    return pertama or 1


def _contoh(fmt: tuple[str, str], n: int = 1) -> str:
    return (str(n) if fmt[0] == "decimal" else chr(96 + n)) + fmt[1]


# --- images --------------------------------------------------------------------------------------


def _alasan(e: Exception) -> str:
    return alasan_os(e) if isinstance(e, OSError) else str(e)  # ours are Indonesian; the OS's are not


_LEBAR_LAMBANG = 900000  # EMU: 2.5 cm


# --- balanced title lines ------------------------------------------------------------------------
# Word and LibreOffice fill a centred title greedily and may leave one word alone on its last line
# ("... TAHUN / 2025"). Titles are therefore broken here, with explicit line breaks, into the fewest
# lines that fit and of widths as equal as possible. Widths: Bookman (perbup_gen/data/
# lebar_bookman.json, from the metrics of URW Bookman, metric-compatible with Bookman Old Style);
# for another typeface they are an estimate, so lines are planned a little narrower than the page.

_RUANG_AMAN = 0.95  # share of the available width a planned line may take


@functools.lru_cache(maxsize=1)
def _lebar_huruf() -> dict[str, dict[str, int]]:
    import json

    data = json.loads((Path(__file__).resolve().parent.parent / "data" / "lebar_bookman.json"
                       ).read_text("utf-8"))
    return {"biasa": data["biasa"], "tebal": data["tebal"]}


@functools.lru_cache(maxsize=65536)
def _lebar_kata(kata: str, tebal: bool) -> int:
    """Width of a word in 1/1000 em (a no-break space counts as a space)."""
    tabel = _lebar_huruf()["tebal" if tebal else "biasa"]
    rata = tabel["N"]
    return sum(tabel.get(" " if c == "\u00a0" else c, rata) for c in kata)


@functools.lru_cache(maxsize=8192)
def lebar_pt(teks: str, tebal: bool, ukuran_pt: float) -> float:
    """Estimated width of a one-line text in points."""
    spasi = _lebar_huruf()["tebal" if tebal else "biasa"][" "]
    kata = teks.split(" ")
    return (sum(_lebar_kata(k, tebal) for k in kata) + spasi * (len(kata) - 1)) * ukuran_pt / 1000


@functools.lru_cache(maxsize=8192)
def baris_seimbang(teks: str, lebar: float, tebal: bool, ukuran_pt: float) -> tuple[str, ...]:
    """`teks` broken at spaces (never at a no-break space) into the fewest lines no wider than
    `lebar` points, as equal as possible and without a line of one word where that can be
    avoided. A word wider than `lebar` gets a line of its own (Word then breaks it)."""
    kata = [k for k in teks.split(" ") if k]  # not str.split(): it splits at U+00A0 too
    if len(kata) <= 1:
        return (teks.strip(),)
    batas = lebar * _RUANG_AMAN * 1000 / ukuran_pt
    w = [_lebar_kata(k, tebal) for k in kata]
    sp = _lebar_huruf()["tebal" if tebal else "biasa"][" "]
    n = len(kata)

    awal = [0]  # running sums of the word widths: a line's width without summing it again
    for x in w:
        awal.append(awal[-1] + x)

    def lebar_baris(i: int, j: int) -> int:  # words i..j-1
        return awal[j] - awal[i] + sp * (j - i - 1)

    # fewest lines, greedily
    jumlah, kini = 1, -sp
    for x in w:
        if kini + sp + x > batas and kini > 0:
            jumlah, kini = jumlah + 1, x
        else:
            kini += sp + x
    if jumlah == 1:
        return (" ".join(kata),)
    # best[j][i]: the best split of the first i words into j lines, as
    # (lines of one word, widest line, sum of squared widths), and where its last line starts
    INF = (n + 1, float("inf"), float("inf"))
    best = [[INF] * (n + 1) for _ in range(jumlah + 1)]
    dari = [[0] * (n + 1) for _ in range(jumlah + 1)]
    best[0][0] = (0, 0, 0)
    # the first word a line ending before word i may start at and stay within `batas` (lines
    # starting earlier are skipped below anyway: the loop just does not visit them)
    mulai = [0] * (n + 1)
    k = 0
    for i in range(1, n + 1):
        while k < i - 1 and lebar_baris(k, i) > batas:
            k += 1
        mulai[i] = k
    for j in range(1, jumlah + 1):
        sebelum, baris_j, dari_j = best[j - 1], best[j], dari[j]  # rows read in the loop below
        for i in range(1, n + 1):
            terbaik, asal, awal_i = baris_j[i], dari_j[i], awal[i]
            for k in range(max(j - 1, mulai[i]), i):
                b = sebelum[k]
                if b is INF:  # every unreached cell holds this very tuple
                    continue
                lb = awal_i - awal[k] + sp * (i - k - 1)  # lebar_baris(k, i)
                satu = i - k == 1
                if lb > batas and not satu:
                    continue
                calon = (b[0] + satu, b[1] if b[1] >= lb else lb, b[2] + lb * lb)
                if calon < terbaik:
                    terbaik, asal = calon, k
            baris_j[i], dari_j[i] = terbaik, asal
    if best[jumlah][n] == INF:  # cannot happen (greedy found one); be safe
        return (" ".join(kata),)
    baris, i = [], n
    for j in range(jumlah, 0, -1):
        k = dari[j][i]
        baris.append(" ".join(kata[k:i]))
        i = k
    return tuple(reversed(baris))


# --- zip -----------------------------------------------------------------------------------------

_TANGGAL_DOS = (0 << 9) | (1 << 5) | 1  # 1980-01-01
_TINGKAT_ZLIB = 1  # fastest deflate: 3x faster than 6 for ~15% larger files (a batch writes 75,000)


def _kempa_baru(nama: str, data: bytes) -> tuple[bytes, int, int, int, bytes]:
    """A deflated zip entry: (name, crc, compressed size, size, compressed data)."""
    k = zlib.compressobj(_TINGKAT_ZLIB, zlib.DEFLATED, -15)
    isi = k.compress(data) + k.flush()
    return nama.encode("utf-8"), zlib.crc32(data), len(isi), len(data), isi


@functools.lru_cache(maxsize=64)
def _kempa(nama: str, data: bytes) -> tuple[bytes, int, int, int, bytes]:
    """`_kempa_baru`, cached: template parts and emblems repeat. Not for the parts that differ in
    every document (document.xml, core.xml): hashing 20 KB of XML costs more than it saves."""
    return _kempa_baru(nama, data)


def _potong_zip(entri: tuple[bytes, int, int, int, bytes]) -> tuple[bytes, bytes, bytes]:
    """A compressed entry as zip bytes: (local header + name + data, central directory record
    up to its last field (the entry's offset, known only in the archive), name). The template's
    parts are cut once (PenyajiDocx._statis)."""
    nama, crc, ukuran_k, ukuran, isi = entri
    bendera = 0x800 if not nama.isascii() else 0
    kepala = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, bendera, 8, 0, _TANGGAL_DOS, crc,
                         ukuran_k, ukuran, len(nama), 0)
    pusat = struct.pack("<IHHHHHHIIIHHHHHI", 0x02014B50, 20, 20, bendera, 8, 0, _TANGGAL_DOS, crc,
                        ukuran_k, ukuran, len(nama), 0, 0, 0, 0, 0o644 << 16)
    return kepala + nama + isi, pusat, nama


_POSISI = struct.Struct("<I")


def _zip(entri: list[tuple[bytes, bytes, bytes]]) -> bytes:
    """A deterministic zip archive (method 8, 1980-01-01) from entries cut by `_potong_zip`."""
    lokal, pusat = [], []
    posisi = 0
    for bagian, rekaman, nama in entri:
        lokal.append(bagian)
        pusat += (rekaman, _POSISI.pack(posisi), nama)
        posisi += len(bagian)
    cd = b"".join(pusat)
    lokal += (cd, struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entri), len(entri), len(cd),
                              posisi, 0))
    return b"".join(lokal)


# --- the renderer --------------------------------------------------------------------------------


def _salah_template(template: Path, pesan: str) -> PerbupGenError:
    return PerbupGenError(f"{template}: templat Word tidak dapat dipakai: {pesan}")


class PenyajiDocx:
    """Loads and prepares the template once; `render(dok)` then gives the bytes of a DOCX."""

    kelas_penulis = None  # a subclass of _Penulis (keluaran/docx_ubah.py); None: _Penulis

    def __init__(self, template: Path | None = None, tata: TataLetak | None = None):
        self.template = Path(template) if template is not None else TEMPLATE_BAWAAN
        self.tata = tata or TataLetak()
        try:
            with zipfile.ZipFile(self.template) as z:
                self._urutan = [n for n in z.namelist() if not n.endswith("/")]
                bagian = {n: z.read(n) for n in self._urutan}
        except (OSError, zipfile.BadZipFile) as e:
            raise _salah_template(self.template, "bukan berkas .docx yang terbaca (rusak atau bukan arsip ZIP)") from e
        for wajib in ("[Content_Types].xml", "word/document.xml", "word/styles.xml",
                      "word/numbering.xml", "word/_rels/document.xml.rels", "docProps/core.xml"):
            if wajib not in bagian:
                raise _salah_template(self.template, f"bagian {wajib} tidak ada")
        self._siapkan_gaya(bagian["word/styles.xml"])
        self._siapkan_penomoran(bagian["word/numbering.xml"].decode("utf-8"))
        self._siapkan_dokumen(bagian["word/document.xml"].decode("utf-8"))
        self._rels = bagian["word/_rels/document.xml.rels"].decode("utf-8")
        self._jenis_isi = bagian["[Content_Types].xml"].decode("utf-8")
        dinamis = {"word/document.xml", "word/numbering.xml", "docProps/core.xml"}
        self._statis = {n: _potong_zip(_kempa(n, d)) for n, d in bagian.items()
                        if n not in dinamis}
        self._statis["word/styles.xml"] = _potong_zip(_kempa("word/styles.xml", self._gaya_xml))
        # page headers, for the draft mark (`build --draf`) on every page after the first
        self._kepala_halaman = {n: d for n, d in bagian.items() if re.fullmatch(r"word/header\d*\.xml", n)}
        # as in the template, for the amendment renderer (list indents, tracked-changes setting)
        self._bagian_asli = {n: bagian[n] for n in ("word/numbering.xml", "word/settings.xml") if n in bagian}
        self._kepala_draf: dict[str, dict[str, tuple]] = {}
        self._gambar: dict[str, tuple[str, int, int, tuple]] = {}
        self._entri_gambar: dict[str, dict[str, tuple]] = {}
        self._lebar_teks = self.tata.lebar_teks

    # -- preparation --

    def _siapkan_gaya(self, data: bytes) -> None:
        try:
            akar = etree.fromstring(data)
        except etree.XMLSyntaxError as e:
            raise _salah_template(self.template, "styles.xml rusak (XML tidak sah)") from e
        self._id_gaya: dict[str, str] = {}
        for s in akar.iter(f"{_W}style"):
            nama = s.find(f"{_W}name")
            if nama is not None:
                self._id_gaya.setdefault(nama.get(f"{_W}val"), s.get(f"{_W}styleId"))
        hilang = [g for g in GAYA if g not in self._id_gaya]
        if hilang:
            raise _salah_template(self.template, "gaya tidak ada: " + ", ".join(hilang))
        # font name and size from TataLetak: document defaults and the Normal style
        t = self.tata
        sz = str(round(t.ukuran_pt * 2))
        tempat = [akar.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")]
        for s in akar.iter(f"{_W}style"):
            if s.get(f"{_W}styleId") == self._id_gaya["Normal"]:
                tempat.append(s.find(f"{_W}rPr"))
        for rpr in tempat:
            if rpr is None:
                continue
            fonts = rpr.find(f"{_W}rFonts")
            if fonts is None:
                fonts = etree.Element(f"{_W}rFonts")
                rpr.insert(0, fonts)
            for a in ("ascii", "hAnsi", "eastAsia", "cs"):
                fonts.set(f"{_W}{a}", t.huruf)
            for a in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
                fonts.attrib.pop(f"{_W}{a}", None)  # a theme font would win over the name
            for k in ("sz", "szCs"):
                e = rpr.find(f"{_W}{k}")
                if e is None:
                    e = etree.SubElement(rpr, f"{_W}{k}")
                e.set(f"{_W}val", sz)
            _urut_rpr(rpr)
        self._gaya_xml = etree.tostring(akar, xml_declaration=True, encoding="UTF-8",
                                        standalone=True)
        self.g = {n: self._id_gaya[n] for n in GAYA}
        # the start of every paragraph of a style, up to what p() adds to its w:pPr
        self._awal_p = {n: f'<w:p><w:pPr><w:pStyle w:val="{i}"/>' for n, i in self.g.items()}

    def _siapkan_penomoran(self, teks: str) -> None:
        akar = etree.fromstring(teks.encode("utf-8"))
        if akar.nsmap.get("w") != W_NS:
            raise _salah_template(self.template, "numbering.xml tidak memakai awalan w:")
        self._abstrak: dict[str, str] = {}
        for a in akar.iter(f"{_W}abstractNum"):
            nama = a.find(f"{_W}name")
            if nama is not None:
                self._abstrak.setdefault(nama.get(f"{_W}val"), a.get(f"{_W}abstractNumId"))
        hilang = [n for n in ABSTRAK if n not in self._abstrak]
        if hilang:
            raise _salah_template(self.template, "definisi daftar (numbering) tidak ada: "
                                  + ", ".join(hilang))
        ids = [int(n.get(f"{_W}numId")) for n in akar.iter(f"{_W}num")]
        self._num_awal = max(ids, default=0) + 1
        i = teks.find("<w:numIdMacAtCleanup")
        if i < 0:
            i = teks.rfind("</w:numbering>")
        self._num_depan = teks[:i].encode("utf-8")
        self._num_belakang = teks[i:].encode("utf-8")
        # compress the unchanging head once; each render continues from a copy of this state
        k = zlib.compressobj(_TINGKAT_ZLIB, zlib.DEFLATED, -15)
        self._num_kempa_depan = k.compress(self._num_depan)
        self._num_kempa = k
        self._num_crc = zlib.crc32(self._num_depan)
        self._num_entri: dict[str, tuple] = {}  # list instances -> zip entry (_entri_penomoran)
        self._blok: dict[tuple, tuple] = {}  # rendered blocks (_Penulis._tersimpan)

    def _siapkan_dokumen(self, teks: str) -> None:
        m = re.search(r"<w:document\b[^>]*>", teks)
        if not m:
            raise _salah_template(self.template, "document.xml tanpa <w:document>")
        akar = m.group(0)
        for awalan, ns in (("w", W_NS), ("r", R_NS), ("wp", WP_NS), ("a", A_NS), ("pic", PIC_NS)):
            if f"xmlns:{awalan}=" not in akar:
                akar = akar[:-1] + f' xmlns:{awalan}="{ns}">'
        self._akar = akar
        self._sect = self._sectpr(etree.fromstring(teks.encode("utf-8")))
        self._sect_mendatar = self._sectpr(etree.fromstring(teks.encode("utf-8")), mendatar=True)

    def _sectpr(self, akar, mendatar: bool = False) -> str:
        """The template's body-level sectPr with the page size and margins of TataLetak
        (`mendatar`: the page turned to landscape, same margins)."""
        t = self.tata
        body = akar.find(f"{_W}body")
        sect = body.find(f"{_W}sectPr") if body is not None else None
        if sect is None:
            sect = etree.Element(f"{_W}sectPr", nsmap={"w": W_NS})
        ukuran = sect.find(f"{_W}pgSz")
        margin = sect.find(f"{_W}pgMar")
        if ukuran is None:
            ukuran = etree.Element(f"{_W}pgSz")
            sebelum = [e for e in sect if etree.QName(e).localname in (
                "headerReference", "footerReference", "footnotePr", "endnotePr", "type")]
            sect.insert(sect.index(sebelum[-1]) + 1 if sebelum else 0, ukuran)
        if margin is None:
            margin = etree.Element(f"{_W}pgMar")
            sect.insert(sect.index(ukuran) + 1, margin)
        ukuran.attrib.pop(f"{_W}orient", None)
        lebar, tinggi = (t.tinggi_mm, t.lebar_mm) if mendatar else (t.lebar_mm, t.tinggi_mm)
        ukuran.set(f"{_W}w", str(_twip(lebar)))
        ukuran.set(f"{_W}h", str(_twip(tinggi)))
        if mendatar:
            ukuran.set(f"{_W}orient", "landscape")
        for k, v in (("top", t.margin_atas_mm), ("right", t.margin_kanan_mm),
                     ("bottom", t.margin_bawah_mm), ("left", t.margin_kiri_mm)):
            margin.set(f"{_W}{k}", str(_twip(v)))
        for k, v in (("header", "567"), ("footer", "567"), ("gutter", "0")):
            if margin.get(f"{_W}{k}") is None:
                margin.set(f"{_W}{k}", v)
        return etree.tostring(sect, encoding="unicode")

    def _gambar_untuk(self, jalur: str) -> tuple[str, int, int, tuple]:
        """(extension, cx, cy EMU, zip entry) of an emblem, cached by path."""
        if jalur not in self._gambar:
            try:
                data = Path(jalur).read_bytes()
                ext, w, h = _ukuran_gambar(data)
            except (OSError, ValueError) as e:
                raise PerbupGenError(f"{jalur}: lambang tidak dapat dibaca sebagai gambar ({_alasan(e)})"
                                     ) from e
            cy = round(_LEBAR_LAMBANG * h / w) if w else _LEBAR_LAMBANG
            self._gambar[jalur] = (ext, _LEBAR_LAMBANG, cy,
                                   _kempa(f"word/media/lambang.{ext}", data))
        return self._gambar[jalur]

    def _paket_gambar(self, ext: str) -> dict[str, tuple]:
        """The relationship and content type entries for an emblem, cached by extension."""
        if ext not in self._entri_gambar:
            rels = self._rels.replace(
                "</Relationships>",
                f'<Relationship Id="rIdLambangPerbupGen" Type="{R_NS}/image" '
                f'Target="media/lambang.{ext}"/></Relationships>')
            entri = {"word/_rels/document.xml.rels": _kempa("word/_rels/document.xml.rels",
                                                            rels.encode("utf-8"))}
            ct = self._jenis_isi
            if not re.search(rf'Extension="{ext}"', ct, re.I):
                ct = ct.replace("<Override", f'<Default Extension="{ext}" ContentType="image/'
                                f'{ext}"/><Override', 1)
                entri["[Content_Types].xml"] = _kempa("[Content_Types].xml", ct.encode("utf-8"))
            self._entri_gambar[ext] = entri
        return self._entri_gambar[ext]

    def _entri_penomoran(self, num: str) -> tuple:
        """The zip entry of numbering.xml with these list instances (w:num elements).

        Cached by `num`: documents of one shape (every decree of a batch) have the same list
        instances, so the part is compressed once. A miss continues from a copy of the
        compressor that has already taken the template's unchanging head."""
        entri = self._num_entri.get(num)
        if entri is None:
            tengah = num.encode("utf-8") + self._num_belakang
            k = self._num_kempa.copy()
            isi = self._num_kempa_depan + k.compress(tengah) + k.flush()
            entri = (b"word/numbering.xml", zlib.crc32(tengah, self._num_crc), len(isi),
                     len(self._num_depan) + len(tengah), isi)
            if len(self._num_entri) >= 256:
                self._num_entri.clear()
            self._num_entri[num] = entri
        return entri

    def _header_draf(self, tanda: str) -> dict[str, tuple]:
        """The template's page headers with the draft mark as their first line (cached)."""
        if tanda not in self._kepala_draf:
            baris = f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{_r(tanda.split(chr(10))[0], _RPR_DRAF)}</w:p>'
            entri = {}
            for nama, data in self._kepala_halaman.items():
                teks = data.decode("utf-8")
                m = re.search(r"<w:hdr\b[^>]*>", teks)
                if m:
                    teks = teks[:m.end()] + baris + teks[m.end():]
                    entri[nama] = _kempa_baru(nama, teks.encode("utf-8"))
            self._kepala_draf[tanda] = entri
        return self._kepala_draf[tanda]

    # -- rendering --

    def render(self, dok: Dokumen) -> bytes:
        """The DOCX bytes of one document."""
        p = (self.kelas_penulis or _Penulis)(self)
        if dok.mendatar:
            t = self.tata
            p.tw = _twip(t.tinggi_mm) - _twip(t.margin_kiri_mm) - _twip(t.margin_kanan_mm)
        gambar = None
        if dok.kepala is not None and dok.kepala.lambang:
            gambar = self._gambar_untuk(dok.kepala.lambang)
        p.dokumen(dok, gambar)
        return self._bungkus("".join(p.out), "".join(p.num), dok.properti, gambar,
                             self._sect_mendatar if dok.mendatar else self._sect,
                             self._header_draf(dok.draf) if dok.draf else None)

    def _bungkus(self, badan: str, num: str, properti: dict[str, str], gambar, sect: str,
                 tambahan: dict[str, tuple] | None = None) -> bytes:
        """The DOCX bytes of a written body: the template's parts, with document.xml (`badan`
        and the section properties `sect`), numbering.xml (the list instances `num`), core.xml,
        the emblem's parts when there is one (`gambar`, from _gambar_untuk) and `tambahan`
        (other parts replaced: name -> compressed entry)."""
        dokumen = (f"{DECL}{self._akar}<w:body>{badan}{sect}</w:body></w:document>"
                   ).encode("utf-8")
        dinamis = {
            "word/document.xml": _kempa_baru("word/document.xml", dokumen),
            "word/numbering.xml": self._entri_penomoran(num),
            "docProps/core.xml": _kempa_baru("docProps/core.xml", _core(properti)),
        }
        if gambar is not None:
            dinamis.update(self._paket_gambar(gambar[0]))
        if tambahan:
            dinamis.update(tambahan)
        entri = [_potong_zip(dinamis[n]) if n in dinamis else self._statis[n]
                 for n in self._urutan]
        if gambar is not None:
            entri.append(_potong_zip(gambar[3]))
        return _zip(entri)


_URUTAN_RPR = ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
               "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish",
               "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight",
               "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
               "eastAsianLayout", "specVanish", "oMath"]


def _urut_rpr(rpr) -> None:
    """Put the children of a w:rPr in schema order (Word rejects other orders)."""
    kunci = {n: i for i, n in enumerate(_URUTAN_RPR)}
    anak = list(rpr)
    anak.sort(key=lambda e: kunci.get(etree.QName(e).localname, len(kunci)))
    for e in anak:
        rpr.append(e)


def _core(prop: dict[str, str]) -> bytes:
    peta = [("title", "dc:title"), ("subject", "dc:subject"), ("author", "dc:creator"),
            ("creator", "dc:creator"), ("keywords", "cp:keywords"),
            ("description", "dc:description")]
    isi, sudah = [], set()
    for kunci, tag in peta:
        if kunci in prop and tag not in sudah:
            sudah.add(tag)
            isi.append(f"<{tag}>{_esc(str(prop[kunci]))}</{tag}>")
    return (f'{DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" '
            f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{"".join(isi)}'
            "</cp:coreProperties>").encode("utf-8")


_RPR_DRAF = '<w:b/><w:color w:val="C00000"/><w:spacing w:val="60"/><w:sz w:val="28"/>'
_RPR_KETERANGAN_DRAF = '<w:i/><w:color w:val="C00000"/><w:sz w:val="18"/>'


class _Penulis:
    """Writes the body of one document (paragraph XML strings) and its list instances."""

    def __init__(self, penyaji: PenyajiDocx):
        self.s = penyaji
        self.g = penyaji.g
        self.awal_p = penyaji._awal_p
        self._blok = penyaji._blok
        self.out: list[str] = []
        self.num: list[str] = []
        self._num_id = penyaji._num_awal
        self.tw = penyaji._lebar_teks
        self.menetapkan: list[str] | None = None  # kept for the diktum table

    # -- primitives --

    def p(self, gaya: str, isi: str, *, num: tuple[int, int] | None = None, keep: bool = False,
          hal_baru: bool = False, sebelum: int | None = None, sesudah: int | None = None,
          tetap: bool | None = None, kiri: int | None = None) -> str:
        """A paragraph (returned, not written). `tetap` forces keepNext on/off; `kiri` is a left
        indent in twips."""
        if (num is None and sebelum is None and sesudah is None and tetap is None and not keep
                and not hal_baru and kiri is None):
            return f"{self.awal_p[gaya]}</w:pPr>{isi}</w:p>"
        ppr = ""
        if keep or tetap is True:
            ppr += "<w:keepNext/>"
        elif tetap is False:
            ppr += '<w:keepNext w:val="0"/>'
        if hal_baru:
            ppr += "<w:pageBreakBefore/>"
        if num is not None:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        if sebelum is not None or sesudah is not None:
            ppr += "<w:spacing" + (f' w:before="{sebelum}"' if sebelum is not None else "") + (
                f' w:after="{sesudah}"' if sesudah is not None else "") + "/>"
        if kiri is not None:
            ppr += f'<w:ind w:left="{kiri}" w:hanging="0"/>'
        return f"{self.awal_p[gaya]}{ppr}</w:pPr>{isi}</w:p>"

    def _tersimpan(self, kunci: tuple | None, buat):
        """`buat()`, a block's XML (str or tuple of str), cached across documents.

        A batch of decrees repeats most blocks (the Mengingat list, the diktum on tasks and
        criteria...). The key holds everything the block's rendering reads (see _kunci_inline,
        _kunci_daftar) and the next list id, since the block's w:num ids follow it; the w:num
        elements the block added are stored with it and added again on a hit. `kunci` None:
        no cache. Rendering errors propagate and nothing is stored."""
        if kunci is None:
            return buat()
        kunci = (kunci, self._num_id)
        simpan = self._blok.get(kunci)
        if simpan is not None:
            hasil, num = simpan
            self.num += num
            self._num_id += len(num)
            return hasil
        n = len(self.num)
        hasil = buat()
        num = tuple(self.num[n:])  # num_baru adds one w:num per id it takes
        if len(self._blok) >= 2048:
            self._blok.clear()
        self._blok[kunci] = (hasil, num)
        return hasil

    def tulis(self, gaya: str, teks: str, utuh: bool = True, **kw) -> None:
        self.out.append(self.p(gaya, _r(teks, "", utuh), **kw))

    def num_baru(self, abstrak: str, mulai: int = 1, tingkat: int = 1) -> int:
        nid = self._num_id
        self._num_id += 1
        over = "".join(f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="'
                       f'{mulai if i == 0 else 1}"/></w:lvlOverride>' for i in range(tingkat))
        self.num.append(f'<w:num w:numId="{nid}"><w:abstractNumId w:val="'
                        f'{self.s._abstrak[abstrak]}"/>{over}</w:num>')
        return nid

    def tabel(self, gaya: str, lebar: list[int], baris: list[list[str]], kepala: int = 0,
              tinggi: int | None = None, pisah: bool = False) -> str:
        """A table; `baris` holds cell contents (paragraph XML); `kepala` header rows repeat.
        Rows never break across pages, except with `pisah` the rows below the header rows (the
        label tables of the preamble and the diktum, whose rows are running text: the label stays
        on the row's first lines; the matriks persandingan, whose rows may be longer than a page)."""
        t = self._awal_tabel(gaya, lebar)
        for i, sel in enumerate(baris):
            tr = "" if pisah and i >= kepala else "<w:cantSplit/>"
            if tinggi:
                tr += f'<w:trHeight w:val="{tinggi}" w:hRule="atLeast"/>'
            if i < kepala:
                tr += "<w:tblHeader/>"
            t.append(f"<w:tr><w:trPr>{tr}</w:trPr>" if tr else "<w:tr>")
            for w, isi in zip(lebar, sel):
                t.append(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{isi}</w:tc>')
            t.append("</w:tr>")
        t.append("</w:tbl>")
        return "".join(t)

    def _awal_tabel(self, gaya: str, lebar: list[int]) -> list[str]:
        """The opening of a fixed-layout table up to its grid (the rows follow)."""
        t = [f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.g[gaya]}"/><w:tblW w:w="{sum(lebar)}" '
             'w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" '
             'w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" '
             'w:noVBand="1"/></w:tblPr><w:tblGrid>']
        t += [f'<w:gridCol w:w="{w}"/>' for w in lebar]
        t.append("</w:tblGrid>")
        return t

    # -- lists --

    def daftar(self, daftar: Daftar, dalam_ayat: bool = False) -> list[str]:
        """Paragraphs of a list and its sub-lists, as one Word list instance."""
        if not daftar.butir:
            return []
        format_ = _FORMAT_DEFINISI if daftar.butir and _urai_tanda(
            daftar.butir[0].tanda)[0] == "decimal" else _FORMAT_RINCIAN
        mulai = _cek_daftar(daftar, format_, 0, None)
        nama = ("Definisi" if format_ is _FORMAT_DEFINISI else "Rincian") + (
            " Ayat" if dalam_ayat else "")
        nid = self.num_baru(nama, mulai, 4)
        definisi = daftar.jenis == "definisi"
        out: list[str] = []
        self._butir(daftar, nid, 0, definisi, out)
        return out

    def _butir(self, daftar: Daftar, nid: int, tingkat: int, definisi: bool, out: list[str]
               ) -> None:
        gaya = "Definisi" if definisi and tingkat == 0 else f"Butir {tingkat + 1}"
        for b in daftar.butir:
            out.append(self.p(gaya, _runs(b.isi), num=(nid, tingkat), keep=_membuka(b.daftar)))
            if b.daftar is not None and b.daftar.butir:
                self._butir(b.daftar, nid, tingkat + 1, definisi, out)

    # -- document --

    def dokumen(self, dok: Dokumen, gambar) -> None:
        if dok.jenis not in ("peraturan", "keputusan", "perjanjian", "naskah"):
            raise ValueError(f"jenis dokumen tidak dikenal: {dok.jenis!r}")
        self.kepala(dok, gambar)
        self.judul(dok)
        if dok.jenis == "naskah":
            for blok in dok.isi:
                self.blok(blok)
        elif dok.jenis == "perjanjian":
            self.perjanjian(dok)
        else:
            if dok.pembukaan is not None:
                self.pembukaan(dok)
            if dok.jenis == "peraturan":
                for unsur in dok.batang_tubuh:
                    self.unsur_peraturan(unsur)
            else:
                self.diktum([d for d in dok.batang_tubuh if isinstance(d, Diktum)],
                            dok.batang_tubuh)
        if dok.kalimat_pengundangan:
            self.tulis("Pengundangan", dok.kalimat_pengundangan)
        if dok.penutup is not None:
            self.penutup(dok)
        if dok.paraf:  # on the signature page, before any Lampiran (as Markdown and HTML do)
            self.paraf(dok)
        for lamp in dok.lampiran:
            self.lampiran(lamp)
        if not self.out or self.out[-1].startswith("<w:tbl>"):
            # Word wants the body (and the space after a table) to end with a paragraph
            self.out.append(self.p("Paraf" if dok.paraf else "Normal", ""))

    def kepala(self, dok: Dokumen, gambar) -> None:
        if dok.draf:  # a draft (`build --draf`): marked above everything else
            tanda, _, keterangan = dok.draf.partition("\n")
            self.out.append(f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{_r(tanda, _RPR_DRAF)}</w:p>')
            if keterangan:
                self.out.append(f'<w:p><w:pPr><w:spacing w:after="240"/><w:jc w:val="center"/></w:pPr>'
                                f'{_r(keterangan, _RPR_KETERANGAN_DRAF)}</w:p>')
        if gambar is not None:
            _, cx, cy, _ = gambar
            self.out.append(self.p("Lambang", _gambar_xml(cx, cy)))
        if dok.kepala is not None:
            for baris in dok.kepala.baris:
                self.tulis("Kepala", self.seimbang(baris))

    def seimbang(self, teks: str, tebal: bool = True, lebar: int | None = None) -> str:
        """A title broken into balanced lines ("\n": a line break) for `lebar` twips (default:
        the text width)."""
        return "\n".join(baris_seimbang(ikat(teks), (lebar or self.tw) / 20, tebal,
                                         self.s.tata.ukuran_pt))

    def judul(self, dok: Dokumen) -> None:
        """The title block as published: "PERATURAN BUPATI ..." / "NOMOR ... TAHUN ...", a blank
        line, "TENTANG", a blank line, the subject in balanced lines."""
        j = dok.judul
        baris = [("RANCANGAN", None)] if j.rancangan else []
        baris += [(x.upper(), None) for x in (j.jenis, j.nomor) if x]
        if j.tentang:
            if baris:
                baris[-1] = (baris[-1][0], 240)
            baris += [("TENTANG", 240), (j.tentang.upper(), None)]
        for i, (teks, sesudah) in enumerate(baris):
            terakhir = i == len(baris) - 1
            self.tulis("Judul", self.seimbang(teks),
                       sesudah=360 if terakhir else (sesudah if sesudah is not None else 0))

    def pembukaan(self, dok: Dokumen) -> None:
        pb = dok.pembukaan
        for baris in pb.baris_rahmat:
            self.tulis("Pembukaan", baris)
        if pb.pejabat:
            self.tulis("Pembukaan", pb.pejabat)
        baris = []
        for label, isi, abstrak in (("Menimbang", pb.menimbang, "Menimbang"),
                                    ("Mengingat", pb.mengingat, "Mengingat"),
                                    ("Memperhatikan", pb.memperhatikan, "Mengingat")):
            if not isi:
                continue
            kunci = tuple(_kunci_inline(x) for x in isi)
            kunci = None if None in kunci else ("konsiderans", abstrak, kunci)
            sel = list(self._tersimpan(kunci, lambda: self._konsiderans(isi, abstrak)))
            baris.append((label, sel))
        kolom = self._kolom_label()
        if baris:
            rows = []
            for i, (label, sel) in enumerate(baris):
                jarak = 240 if i < len(baris) - 1 else None
                if jarak:
                    sel[-1] = sel[-1].replace("</w:pPr>", f'<w:spacing w:after="{jarak}"/></w:pPr>',
                                              1)
                rows.append([self.p("Konsiderans", _r(label), sesudah=jarak),
                             self.p("Konsiderans", _r(":")), "".join(sel)])
            self.out.append(self.tabel("Tabel Tanpa Garis", kolom, rows, pisah=True))
        self.tulis("Pembukaan", "MEMUTUSKAN:", sebelum=240)
        # "Menetapkan :" is the first row of the table that holds the diktum of a keputusan
        # (two tables in a row would run together in Word)
        jarak = 240 if dok.jenis == "keputusan" else None
        self.menetapkan = [self.p("Konsiderans", _r("Menetapkan"), sesudah=jarak),
                           self.p("Konsiderans", _r(":"), sesudah=jarak),
                           self.p("Konsiderans", _r(pb.menetapkan.upper()), sesudah=jarak)]
        if dok.jenis != "keputusan":
            self.out.append(self.tabel("Tabel Tanpa Garis", kolom, [self.menetapkan], pisah=True))
            self.menetapkan = None

    def _konsiderans(self, isi: list[Inline], abstrak: str) -> tuple[str, ...]:
        """The paragraphs of the Menimbang (Mengingat...) items."""
        if len(isi) == 1:  # a single item has no letter or number (Lampiran II)
            return (self.p("Konsiderans", _runs(isi[0])),)
        nid = self.num_baru(abstrak)
        return tuple(self.p("Konsiderans Butir", _runs(x), num=(nid, 0)) for x in isi)

    def _kolom_label(self) -> list[int]:
        """Label | colon | text columns, shared by the preamble and the diktum tables."""
        label, titik = 2126, 284  # 3.75 cm fits "Memperhatikan" and "KESEMBILAN" in Bookman 12
        return [label, titik, self.tw - label - titik]

    # -- peraturan --

    def unsur_peraturan(self, unsur) -> None:
        if isinstance(unsur, Bab):
            self.judul_bagian("Judul Bab", "BAB", unsur.nomor, unsur.judul.upper(), unsur.sumber)
            for x in unsur.isi:
                self.unsur_peraturan(x)
        elif isinstance(unsur, Bagian):
            self.judul_bagian("Judul Bagian", "Bagian", unsur.nomor, unsur.judul, "")
            for x in unsur.isi:
                self.unsur_peraturan(x)
        elif isinstance(unsur, Paragraf):
            self.judul_bagian("Judul Paragraf", "Paragraf", unsur.nomor, unsur.judul, "")
            for x in unsur.pasal:
                self.pasal(x)
        elif isinstance(unsur, Pasal):
            self.pasal(unsur)
        else:
            raise ValueError(f"unsur batang tubuh peraturan tidak dikenal: {type(unsur).__name__}")

    def judul_bagian(self, gaya: str, kata: str, nomor, judul: str, sumber: str) -> None:
        if nomor is None or nomor == "":
            tempat = f" ({sumber})" if sumber else ""
            raise ValueError(f"{kata} {judul!r} belum dinomori{tempat}")
        self.tulis(gaya, f"{kata} {nomor}", utuh=False)
        if judul:
            self.tulis(gaya, self.seimbang(judul))

    def pasal(self, pasal: Pasal) -> None:
        tempat = f" ({pasal.sumber})" if pasal.sumber else ""
        if pasal.nomor is None:
            raise ValueError(f"pasal belum dinomori{tempat}")
        if not pasal.ayat:
            raise ValueError(f"Pasal {pasal.nomor} tanpa isi{tempat}")
        self.tulis("Pasal", f"Pasal {pasal.nomor}", utuh=False)
        if pasal.judul:  # an agreement's Pasal heading
            self.tulis("Pasal", pasal.judul, sebelum=0)
        if len(pasal.ayat) == 1 and pasal.ayat[0].nomor is None:
            a = pasal.ayat[0]
            self.out.append(self.p("Isi Pasal", _runs(a.isi), keep=_membuka(a.daftar)))
            if a.daftar is not None:
                self.out += self.daftar(a.daftar)
            return
        nomor = [a.nomor for a in pasal.ayat]
        if None in nomor or nomor != list(range(nomor[0], nomor[0] + len(nomor))):
            raise ValueError(f"ayat Pasal {pasal.nomor} tidak bernomor urut: {nomor}{tempat}")
        nid = self.num_baru("Ayat", nomor[0])
        for a in pasal.ayat:
            self.ayat(a, nid)

    def ayat(self, a: Ayat, nid: int) -> None:
        self.out.append(self.p("Ayat", _runs(a.isi), num=(nid, 0), keep=_membuka(a.daftar)))
        if a.daftar is not None:
            self.out += self.daftar(a.daftar, dalam_ayat=True)

    # -- keputusan --

    def diktum(self, diktum: list[Diktum], semua: list) -> None:
        if len(diktum) != len(semua):
            raise ValueError("batang tubuh keputusan hanya boleh berisi Diktum")
        rows = [self.menetapkan] if self.menetapkan else []
        for i, d in enumerate(diktum):
            if not d.nomor:
                raise ValueError(f"diktum {i + 1} belum dinomori")
            jarak = 120 if i < len(diktum) - 1 else None
            isi, daftar = _kunci_inline(d.isi), _kunci_daftar(d.daftar)
            kunci = (None if isi is None or daftar is None
                     else ("diktum", d.nomor, jarak, isi, daftar))
            rows.append(self._tersimpan(kunci, lambda: self._baris_diktum(d, jarak)))
        if rows:
            self.out.append(self.tabel("Tabel Tanpa Garis", self._kolom_label(), rows, pisah=True))

    def _baris_diktum(self, d: Diktum, jarak: int | None) -> tuple[str, str, str]:
        """The row of one diktum: label, colon, text and list."""
        sel = [self.p("Diktum", _runs(d.isi), keep=_membuka(d.daftar))]
        if d.daftar is not None:
            sel += self.daftar(d.daftar)
        if jarak:
            sel[-1] = sel[-1].replace("</w:pPr>", f'<w:spacing w:after="{jarak}"/></w:pPr>', 1)
        return (self.p("Diktum Label", _r(d.nomor)), self.p("Diktum", _r(":")), "".join(sel))

    # -- agreement (perjanjian) --

    def perjanjian(self, dok: Dokumen) -> None:
        """Opening with the parties, the Pasal, the parties' signatures side by side, witnesses."""
        pj = dok.perjanjian
        if pj is None:
            raise ValueError("dokumen perjanjian tanpa bagian perjanjian (para pihak)")
        self.out.append(self.p("Alinea", _runs(pj.pembuka), sebelum=240))
        label = 1701  # 3 cm: "Jabatan", "Alamat", "NIK"
        lebar = [425, label, 284, self.tw - 425 - label - 284]
        rows = []  # one table for every party (two tables in a row would run together in Word)
        for i, ph in enumerate(pj.pihak, 1):
            for j, (kunci, nilai) in enumerate(ph.identitas):
                rows.append([(self.p("Alinea", _r(f"{i}." if j == 0 else ""), sesudah=0), 1),
                             (self.p("Alinea", _r(kunci), sesudah=0), 1),
                             (self.p("Alinea", _r(":"), sesudah=0), 1),
                             (self.p("Alinea", _r(nilai), sesudah=0), 1)])
            rows.append([(self.p("Alinea", ""), 1), (self.p("Alinea", _runs(ph.kedudukan)), 3)])
        self.out.append(self._tabel_rentang(lebar, rows))
        self.out.append(self.p("Alinea", _runs(pj.kesepakatan)))
        for unsur in dok.batang_tubuh:
            self.unsur_peraturan(unsur)
        # the first party signs on the right (where an official signs), the second on the left;
        # signatures and witnesses form one block that never breaks across pages (one table row
        # that cannot split, holding the signature table and the witness table)
        dalam = self.tw - 57  # "Tabel Tanpa Garis" keeps 57 twips of right cell margin
        jabatan = any(ph.jabatan for ph in pj.pihak[:2])
        kolom = [self._kolom_pihak(ph, jabatan) for ph in reversed(pj.pihak[:2])]
        isi = []
        if kolom:
            separuh = dalam // 2
            lebar = [separuh, dalam - separuh][:len(kolom)]
            isi.append(self._tabel_rentang(lebar, [[(k, 1) for k in kolom]]))
        if pj.saksi:
            isi.append(self.p("Alinea", _r("Saksi-saksi:"), sebelum=360))
            lebar = [425, dalam // 2 - 425, dalam - dalam // 2]
            rows = [[(self.p("Tabel", _r(f"{i}.")), 1),
                     (self.p("Tabel", _r(jabatan)) + self.p("Tabel", _r(nama), sesudah=120), 1),
                     (self.p("Tabel", _r(f"{i}. " + "." * 30), sebelum=240), 1)]
                    for i, (jabatan, nama) in enumerate(pj.saksi, 1)]
            isi.append(self._tabel_rentang(lebar, rows))
        if isi:
            isi.append(self.p("Normal", ""))  # a cell ends with a paragraph
            # the last line of the last Pasal goes with the block: no signature page without text
            if self.out and self.out[-1].startswith("<w:p><w:pPr><w:pStyle ") and "<w:keepNext/>" not in self.out[-1]:
                self.out[-1] = self.out[-1].replace("/>", "/><w:keepNext/>", 1)
            self.out.append(self.p("Normal", "", sebelum=240, keep=True))
            self.out.append(self._tabel_rentang([self.tw], [[("".join(isi), 1)]]))

    def _kolom_pihak(self, ph, jabatan: bool) -> str:
        """One party's signature cell: its name as party, office (an empty line when another party
        has one, so the names line up), space (with a duty stamp's place), name."""
        isi = [self.p("Tengah", _r(f"{ph.sebutan},"), sesudah=0)]
        if jabatan:
            isi.append(self.p("Tengah", _r(ph.jabatan), sesudah=0))
        if ph.meterai:
            isi.append(self.p("Tengah", _r("Meterai"), sebelum=360, sesudah=0))
        isi.append(self.p("Tengah", _r(ph.nama, "<w:b/><w:bCs/>"), sebelum=560 if ph.meterai else 1200))
        return "".join(isi)

    def _tabel_rentang(self, lebar: list[int], baris: list[list[tuple[str, int]]]) -> str:
        """A borderless table whose cells may span columns: each cell is (content, columns)."""
        t = self._awal_tabel("Tabel Tanpa Garis", lebar)
        for sel in baris:
            t.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            k = 0
            for isi, rentang in sel:
                w = sum(lebar[k:k + rentang])
                span = f'<w:gridSpan w:val="{rentang}"/>' if rentang > 1 else ""
                t.append(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{span}</w:tcPr>{isi}</w:tc>')
                k += rentang
            t.append("</w:tr>")
        t.append("</w:tbl>")
        return "".join(t)

    # -- closing --

    def tanda_tangan(self, tt: TandaTangan, kiri: bool, sebelum: int, lengkap: bool = True,
                     ikat: bool = False) -> None:
        """A signature block; `ikat` keeps its last line on the page of what follows."""
        gaya = "Tanda Tangan Kiri" if kiri else "Tanda Tangan"
        baris = []
        if lengkap and tt.tempat:
            baris.append(f"{tt.kata} di {tt.tempat}")
            baris.append(f"pada tanggal {tt.tanggal}".rstrip())
        baris.append(tt.jabatan)
        for i, b in enumerate(baris):
            self.tulis(gaya, b, sebelum=sebelum if i == 0 else None)
        nip = tt.nip.strip() if tt.nip else ""
        self.tulis(gaya + " Nama", tt.nama, tetap=bool(nip) or ikat or None)
        if nip:
            self.tulis(gaya, nip if nip.upper().startswith("NIP") else f"NIP. {nip}", tetap=ikat)

    def penutup(self, dok: Dokumen) -> None:
        pn = dok.penutup
        self.tanda_tangan(pn.ditetapkan, kiri=False, sebelum=480)
        if pn.diundangkan is not None:
            self.tanda_tangan(pn.diundangkan, kiri=True, sebelum=480, ikat=bool(pn.berita_daerah))
        if pn.berita_daerah:
            self.tulis("Berita Daerah", pn.berita_daerah.upper())
        if pn.tembusan:
            self.tulis("Tembusan", "Tembusan:", tetap=True)
            if len(pn.tembusan) == 1:
                self.tulis("Tembusan Butir", pn.tembusan[0], sebelum=0)
            else:
                nid = self.num_baru("Mengingat")
                akhir = len(pn.tembusan) - 1
                for i, t in enumerate(pn.tembusan):  # kept together: no item left alone on a page
                    self.out.append(self.p("Tembusan Butir", _r(t), num=(nid, 0), sebelum=0, tetap=i < akhir))

    def paraf(self, dok: Dokumen) -> None:
        ada_nama = any(b.nama for b in dok.paraf)
        kepala = ["No", "Jabatan"] + (["Nama"] if ada_nama else []) + ["Paraf", "Tanggal"]
        relatif = [1.0, 6.0] + ([4.5] if ada_nama else []) + [2.5, 2.5]
        lebar_total = self.tw if ada_nama else round(self.tw * 0.75)
        isi = [kepala] + [[str(i), b.jabatan] + ([b.nama] if ada_nama else []) + [b.paraf, b.tanggal]
                          for i, b in enumerate(dok.paraf, 1)]
        lebar = self._lebar_kolom(lebar_total, relatif, isi, 10)  # the Paraf style is 10 pt
        rows = [[self.p("Paraf", _r(s)) for s in sel] for sel in isi]
        rows[0] = [x.replace("<w:r>", "<w:r><w:rPr><w:b/><w:bCs/></w:rPr>") for x in rows[0]]
        self.tulis("Paraf Judul", "PARAF KOORDINASI")
        self.out.append(self.tabel("Tabel Bergaris", lebar, rows, kepala=1, tinggi=454))

    # -- attachments and free blocks --

    def lampiran(self, lamp: Lampiran) -> None:
        baris = list(lamp.kepala)
        pertama = baris[0].strip().upper() if baris else ""
        kata = f"LAMPIRAN {lamp.nomor}" if lamp.nomor else "LAMPIRAN"
        if pertama == "LAMPIRAN":
            baris[0] = kata
        elif not pertama.startswith("LAMPIRAN"):
            baris.insert(0, kata)
        kiri = self._kiri_kepala_lampiran(baris)
        for i, b in enumerate(baris):
            self.tulis("Lampiran Kepala", self.seimbang(b, False, self.tw - kiri),
                       hal_baru=(i == 0), kiri=kiri)
        if lamp.judul:
            self.tulis("Judul Lampiran", self.seimbang(lamp.judul.upper()))
        for blok in lamp.isi:
            self.blok(blok)
        if lamp.tanda_tangan is not None:
            self.tanda_tangan(lamp.tanda_tangan, kiri=False, sebelum=480)

    def _lebar_kolom(self, total: int, relatif: list[float], isi: list[list[str]],
                     ukuran_pt: float) -> list[int]:
        """Column widths (twips) in proportion to `relatif`, but each at least as wide as the
        widest unbreakable part of its cells (a word, a date joined by no-break spaces), so that
        no word and no date is ever broken inside a cell; the widened columns take their room
        from the others in proportion."""
        lebar = _bagi(total, relatif)
        n = len(lebar)
        minimum = [0] * n
        for baris in isi:
            for i, sel in enumerate(baris[:n]):
                for kata in ikat(sel).split(" "):
                    if kata:
                        w = round(lebar_pt(kata, False, ukuran_pt) * 20) + 2 * 85 + 60
                        minimum[i] = max(minimum[i], w)
        if sum(minimum) > total:  # cannot all fit: keep the proportions
            return lebar
        for _ in range(n):
            kurang = sum(max(0, m - w) for m, w in zip(minimum, lebar))
            if not kurang:
                break
            lebih = [max(0, w - m) if w > m else 0 for m, w in zip(minimum, lebar)]
            sisa = sum(lebih)
            lebar = [max(w, m) if w < m else w - round(kurang * x / sisa)
                     for w, m, x in zip(lebar, minimum, lebih)]
        lebar[-1] += total - sum(lebar)
        return lebar

    def _kiri_kepala_lampiran(self, baris: list[str]) -> int:
        """Left indent (twips) of the Lampiran heading block: from the middle of the page, or
        further left so that its widest unbreakable part (a desa name joined by no-break spaces)
        fits on one line, and the lines before "TENTANG" (kind of document, number) too when
        they fit in 70% of the text width."""
        ukuran = self.s.tata.ukuran_pt

        def tw(teks: str) -> int:
            return round(lebar_pt(teks, False, ukuran) * 20 / _RUANG_AMAN) + 20

        perlu = max((tw(k) for b in baris for k in ikat(b).split(" ")), default=0)
        for b in baris:
            if b.strip().upper() == "TENTANG":
                break
            if tw(b) <= self.tw * 0.7:
                perlu = max(perlu, tw(b))
        return max(0, min(self.tw // 2, self.tw - perlu))

    def blok(self, blok) -> None:
        if isinstance(blok, Alinea):
            gaya = {"biasa": "Alinea", "tengah": "Tengah", "judul": "Judul Alinea",
                    "subjudul": "Subjudul"}.get(blok.gaya)
            if gaya is None:
                raise ValueError(f"gaya alinea tidak dikenal: {blok.gaya!r}")
            isi = blok.isi
            if blok.gaya == "judul":
                isi = [Teks(_polos(x).upper(), x.miring if isinstance(x, Teks) else False,
                            x.tebal if isinstance(x, Teks) else False) for x in isi]
            self.out.append(self.p(gaya, _runs(isi)))
        elif isinstance(blok, Tabel):
            self.tabel_data(blok)
        elif isinstance(blok, Daftar):
            self.out += self.daftar(blok)
        else:
            raise ValueError(f"blok tidak dikenal: {type(blok).__name__}")

    def tabel_data(self, t: Tabel) -> None:
        n = len(t.kepala) or max((len(b) for b in t.baris), default=0)
        if n == 0:
            return
        for i, b in enumerate(t.baris):
            if len(b) != n:
                raise ValueError(f"baris tabel ke-{i + 1} berisi {len(b)} sel, seharusnya {n}")
        relatif = list(t.lebar) if t.lebar else [1.0] * n
        if len(relatif) != n or min(relatif) <= 0:
            raise ValueError("lebar kolom tabel tidak cocok dengan jumlah kolom")
        rows = []
        if t.kepala:
            rows.append([self.p("Tabel Kepala", _r(k)) for k in t.kepala])
        rows += [[self.p("Tabel", _r(s)) for s in b] for b in t.baris]
        lebar = self._lebar_kolom(self.tw, relatif, t.baris, self.s.tata.ukuran_pt)
        self.out.append(self.tabel("Tabel Bergaris", lebar, rows, kepala=1 if t.kepala else 0))
        self.out.append(self.p("Normal", ""))  # Word needs a paragraph between tables


def _membuka(d: Daftar | None) -> bool:
    """A text that opens a list (ends with ":") is kept on the page of the list's first item."""
    return d is not None and bool(d.butir)


def _polos(x) -> str:
    if isinstance(x, Rujukan):
        if x.teks is None:
            raise ValueError(f"rujukan [[{x.label}]] belum diselesaikan")
        return x.teks
    return x.teks


def _bagi(total: int, relatif: list[float]) -> list[int]:
    """Split `total` twips in proportion; the last column takes the rounding rest."""
    s = sum(relatif)
    lebar = [int(total * r / s) for r in relatif[:-1]]
    return lebar + [total - sum(lebar)]


def _gambar_xml(cx: int, cy: int) -> str:
    return (f'<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            '<wp:docPr id="1" name="Lambang"/><wp:cNvGraphicFramePr>'
            '<a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
            f'<a:graphic><a:graphicData uri="{PIC_NS}"><pic:pic><pic:nvPicPr>'
            '<pic:cNvPr id="0" name="Lambang"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>'
            '<a:blip r:embed="rIdLambangPerbupGen"/><a:stretch><a:fillRect/></a:stretch>'
            f'</pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/>'
            '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
            "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>")


def render_docx(dok: Dokumen, tata: TataLetak | None = None, template: Path | None = None
                ) -> bytes:
    """One document to DOCX bytes (prepares the template on every call; for many documents use
    PenyajiDocx)."""
    return PenyajiDocx(template, tata).render(dok)
