"""XLSX files of the KPM evaluation: the workbook Dinas PMD fills in (`buku_evaluasi`) and the
recap and payment list written from a filled one (both `rekap_xlsx`).

The evaluation workbook (layout: `kinerja.buku`): a sheet "Petunjuk" with the instructions and
the rules, "Rekap" with the totals of every kecamatan sheet (formulas), one sheet per kecamatan,
and a very hidden sheet with the data the workbook was made from. On a kecamatan sheet the result
cells (yellow) have a drop-down list (tercapai / sebagian / tidak) and are the only unlocked
cells; score and incentive are formulas from `kinerja.aturan` (`rumus_nilai`, `rumus_insentif`);
every sheet is protected without a password (against accidental edits, not against a determined
user: the reader checks every cell) and the workbook structure is locked.

Output is deterministic: fixed document properties and zip entry dates, so the same input gives
the same bytes.
"""
from __future__ import annotations

import datetime as _dt
import io
import re
import zipfile
from decimal import Decimal

from perbup_gen.kinerja.aturan import HASIL
from perbup_gen.kinerja.buku import (  # noqa: I001
    bersih_sel,
    BARIS_DATA, BARIS_JUDUL_TRIWULAN, BARIS_KEPALA, BARIS_KUNCI, LABEL_JUMLAH, LEMBAR_DATA, LEMBAR_PETUNJUK,
    LEMBAR_REKAP, POTONGAN_JSON, BukuEvaluasi, Kolom, huruf_kolom, json_buku, kolom, rumus_baris, rumus_total,
)
from perbup_gen.naskah import bilangan

__all__ = ["buku_evaluasi", "rekap_xlsx", "zip_tetap"]

_TETAP = _dt.datetime(2000, 1, 1)
FORMAT_RUPIAH = "#,##0"
FORMAT_NILAI = "0.00"
WARNA_KEPALA = "DDEBF7"
WARNA_ISIAN = "FFF2CC"
WARNA_RUMUS = "F2F2F2"


def _gaya():
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    tipis = Side(style="thin", color="808080")
    return {
        "garis": Border(left=tipis, right=tipis, top=tipis, bottom=tipis),
        "tebal": Font(bold=True),
        "judul": Font(bold=True, size=13),
        "kepala": PatternFill("solid", fgColor=WARNA_KEPALA),
        "isian": PatternFill("solid", fgColor=WARNA_ISIAN),
        "rumus": PatternFill("solid", fgColor=WARNA_RUMUS),
        "bungkus": Alignment(wrap_text=True, vertical="top"),
        "tengah": Alignment(horizontal="center", vertical="center", wrap_text=True),
    }


def _gaya_bernama(wb, g) -> None:
    """Named cell styles: one assignment per cell instead of four (openpyxl hashes every style
    object it is given, which dominated the writing time)."""
    from openpyxl.styles import NamedStyle, Protection

    def gaya(nama: str, **kw) -> None:
        ns = NamedStyle(name=nama, border=g["garis"], **kw)
        wb.add_named_style(ns)

    gaya("pg-kepala", font=g["tebal"], fill=g["kepala"], alignment=g["tengah"])
    gaya("pg-sel", alignment=g["bungkus"])
    gaya("pg-hasil", fill=g["isian"], alignment=g["tengah"], protection=Protection(locked=False))
    gaya("pg-catatan", fill=g["isian"], alignment=g["bungkus"], protection=Protection(locked=False))
    gaya("pg-nilai", fill=g["rumus"], number_format=FORMAT_NILAI)
    gaya("pg-rupiah", fill=g["rumus"], number_format=FORMAT_RUPIAH)
    gaya("pg-rupiah-tebal", fill=g["rumus"], number_format=FORMAT_RUPIAH, font=g["tebal"])
    gaya("pg-angka", number_format=FORMAT_RUPIAH)


def _masa(dari: _dt.date, sampai: _dt.date) -> str:
    return f"{bilangan.tanggal(dari)} \u2013 {bilangan.tanggal(sampai)}"


_DIUBAH = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def zip_tetap(data: bytes) -> bytes:
    """The same zip with no clock time in it: every entry dated 1980-01-01 and the "modified"
    property fixed (openpyxl stamps the current time on both when it saves)."""
    masuk = zipfile.ZipFile(io.BytesIO(data))
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        for info in masuk.infolist():
            isi = masuk.read(info.filename)
            if info.filename == "docProps/core.xml":
                isi = _DIUBAH.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", isi)
            baru = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            baru.compress_type = zipfile.ZIP_DEFLATED
            baru.external_attr = 0o644 << 16
            z.writestr(baru, isi)
    return keluar.getvalue()


def _simpan(buku, judul: str) -> bytes:
    buku.properties.creator = "perbup-gen"
    buku.properties.title = judul
    buku.properties.created = _TETAP
    buku.properties.modified = _TETAP
    buku.properties.lastModifiedBy = "perbup-gen"
    out = io.BytesIO()
    buku.save(out)
    return zip_tetap(out.getvalue())


def _sel(ws, baris: int, kolom_: int, nilai=None):
    """Write a cell. Text is always text: characters Excel refuses are dropped and a leading '='
    never makes a formula (a name from the roster is data, not a formula)."""
    c = ws.cell(row=baris, column=kolom_)
    if isinstance(nilai, str):
        nilai = bersih_sel(nilai)
        c.value = nilai
        if nilai.startswith("="):
            c.data_type = "s"
    elif nilai is not None:
        c.value = nilai
    return c


def _rumus(ws, baris: int, kolom_: int, rumus: str):
    c = _sel(ws, baris, kolom_)
    c.value = rumus
    return c


def _halaman(lembar, mendatar: bool) -> None:
    """Print: one page wide, as many pages tall as needed."""
    lembar.page_setup.orientation = "landscape" if mendatar else "portrait"
    lembar.page_setup.fitToWidth = 1
    lembar.page_setup.fitToHeight = 0
    lembar.sheet_properties.pageSetUpPr.fitToPage = True


def _tinggi(teks: str, lebar_karakter: float) -> float:
    """A row height (points) that shows `teks` wrapped in a column `lebar_karakter` wide."""
    return 15 * max(1, -(-len(teks) // max(1, int(lebar_karakter * 0.95))))


def _lindungi(lembar) -> None:
    p = lembar.protection
    p.sheet = True
    # allowed while protected: widen columns and rows, filter, sort
    p.formatColumns = False
    p.formatRows = False
    p.autoFilter = False
    p.sort = False


# --- the evaluation workbook ---------------------------------------------------------------------


def buku_evaluasi(buku: BukuEvaluasi) -> bytes:
    """The evaluation workbook's bytes."""
    import openpyxl
    from openpyxl.workbook.protection import WorkbookProtection

    g = _gaya()
    data = buku.data
    r = data.rencana
    wb = openpyxl.Workbook()
    _gaya_bernama(wb, g)
    petunjuk = wb.active
    petunjuk.title = LEMBAR_PETUNJUK
    _petunjuk(petunjuk, buku, g)
    rekap = wb.create_sheet(LEMBAR_REKAP)
    kol = kolom(r)
    baris_jumlah = {}
    for kec in data.kecamatan:
        lembar = wb.create_sheet(kec.lembar)
        baris_jumlah[kec.lembar] = _lembar_kecamatan(lembar, buku, kec, kol, g)
    _rekap(rekap, buku, kol, baris_jumlah, g)
    tersembunyi = wb.create_sheet(LEMBAR_DATA)
    teks, sha = json_buku(data)
    _sel(tersembunyi, 1, 2, sha)
    for i in range(0, max(len(teks), 1), POTONGAN_JSON):
        _sel(tersembunyi, i // POTONGAN_JSON + 1, 1, teks[i:i + POTONGAN_JSON])
    tersembunyi.sheet_state = "veryHidden"
    _lindungi(tersembunyi)
    wb.security = WorkbookProtection(lockStructure=True)
    return _simpan(wb, buku.judul)


def _petunjuk(ws, buku: BukuEvaluasi, g) -> None:
    data = buku.data
    r = data.rencana
    lebar = [16, 62, 34, 20, 12]
    for j, w in enumerate(lebar):
        ws.column_dimensions[huruf_kolom(j)].width = w
    _sel(ws, 1, 1, buku.judul).font = g["judul"]
    _sel(ws, 2, 1, f"{data.kabupaten.upper()} \u2013 {data.opd.upper()}").font = g["tebal"]
    baris = 4
    for i, teks in enumerate(buku.petunjuk, 1):
        _sel(ws, baris, 1, f"{i}.").alignment = g["bungkus"]
        c = _sel(ws, baris, 2, teks)
        c.alignment = g["bungkus"]
        ws.merge_cells(start_row=baris, start_column=2, end_row=baris, end_column=5)
        ws.row_dimensions[baris].height = _tinggi(teks, 120)
        baris += 1

    def tabel(judul: str, kepala: list[str], isi: list[list]) -> None:
        nonlocal baris
        baris += 1
        _sel(ws, baris, 1, judul).font = g["tebal"]
        baris += 1
        for j, k in enumerate(kepala, 1):
            c = _sel(ws, baris, j, k)
            c.font, c.fill, c.border, c.alignment = g["tebal"], g["kepala"], g["garis"], g["tengah"]
        for b in isi:
            baris += 1
            for j, v in enumerate(b, 1):
                c = _sel(ws, baris, j, v)
                c.border, c.alignment = g["garis"], g["bungkus"]
                if isinstance(v, Decimal):
                    c.number_format = FORMAT_RUPIAH
            ws.row_dimensions[baris].height = max(_tinggi(str(v), lebar[j]) for j, v in enumerate(b))
        baris += 1

    tabel("Aturan penilaian", ["Hasil", "Arti", "Nilai (%)"],
          [[h.kode, f"target {h.label}", h.nilai] for h in HASIL])
    tabel("Kriteria", ["Kode", "Kriteria", "Jadwal", "Bobot"],
          [[k.kode, k.uraian, k.jadwal, k.bobot] for k in r.kriteria])
    tabel("Target dan tenggat", ["Triwulan", "Target", "Periode", "Tenggat", "Bobot"],
          [[bilangan.romawi(t.triwulan), r.kriteria_kode(t.kriteria).ringkas, _masa(t.dari, t.tenggat),
            bilangan.tanggal(t.tenggat), t.bobot] for t in r.target])
    tabel("Pagu insentif per triwulan", ["Triwulan", "Periode", "Bulan", "Pagu (Rp)"],
          [[bilangan.romawi(tw.nomor), _masa(tw.mulai, tw.selesai), tw.bulan, tw.pagu] for tw in r.triwulan]
          + [["Jumlah", "", r.bulan, r.pagu]])
    baris += 1
    _sel(ws, baris, 1, "Rumus").font = g["tebal"]
    for teks in ("Nilai (%) = 100 \u00d7 jumlah (bobot \u00d7 nilai hasil) \u00f7 jumlah bobot target triwulan itu, "
                 "dibulatkan dua angka desimal; triwulan tanpa target bernilai 100.",
                 "Insentif (Rp) = pagu triwulan \u00d7 Nilai (%) \u00f7 100, dibulatkan ke rupiah penuh.",
                 f"Insentif sebesar {bilangan.rupiah_angka(r.jumlah)} per {r.periode}, bersumber dari {r.sumber}; "
                 f"masa kontrak tugas {_masa(r.mulai, r.selesai)}."):
        baris += 1
        c = _sel(ws, baris, 2, teks)
        c.alignment = g["bungkus"]
        ws.merge_cells(start_row=baris, start_column=2, end_row=baris, end_column=5)
        ws.row_dimensions[baris].height = 30
    _halaman(ws, False)
    _lindungi(ws)
    ws.sheet_view.showGridLines = False


def _lembar_kecamatan(ws, buku: BukuEvaluasi, kec, kol: list[Kolom], g) -> int:
    """One kecamatan's sheet; returns the row of its totals."""
    from openpyxl.worksheet.datavalidation import DataValidation

    data = buku.data
    r = data.rencana
    akhir = huruf_kolom(len(kol) - 1)
    _sel(ws, 1, 1, buku.judul).font = g["judul"]
    _sel(ws, 2, 1, f"KECAMATAN {kec.nama.upper()} \u2013 {data.kabupaten.upper()}").font = g["tebal"]
    _sel(ws, 3, 1, "Isi sel kuning dengan tercapai, sebagian, atau tidak (pilih dari daftar). "
                   "Nilai dan insentif dihitung dengan rumus. Lihat lembar Petunjuk.")
    # hidden key row: the reader finds every column by its key
    for i, k in enumerate(kol, 1):
        _sel(ws, BARIS_KUNCI, i, k.kunci)
    ws.row_dimensions[BARIS_KUNCI].hidden = True
    # quarter headings over their columns
    awal = None
    for i, k in enumerate(kol + [Kolom("", "identitas", "")]):
        if awal is not None and (k.triwulan != kol[awal].triwulan):
            tw = next(t for t in r.triwulan if t.nomor == kol[awal].triwulan)
            c = ws.cell(row=BARIS_JUDUL_TRIWULAN, column=awal + 1,
                        value=f"TRIWULAN {bilangan.romawi(tw.nomor)} ({_masa(tw.mulai, tw.selesai)}), "
                              f"pagu Rp{bilangan.angka(int(tw.pagu))}")
            if i - 1 > awal:
                ws.merge_cells(start_row=BARIS_JUDUL_TRIWULAN, start_column=awal + 1,
                               end_row=BARIS_JUDUL_TRIWULAN, end_column=i)
            c.font, c.fill, c.alignment = g["tebal"], g["kepala"], g["tengah"]
            awal = None
        if awal is None and k.triwulan is not None:
            awal = i
    ws.row_dimensions[BARIS_JUDUL_TRIWULAN].height = 32
    for i, k in enumerate(kol, 1):
        _sel(ws, BARIS_KEPALA, i, k.judul).style = "pg-kepala"
        ws.column_dimensions[huruf_kolom(i - 1)].width = k.lebar
    ws.row_dimensions[BARIS_KEPALA].height = 96

    isian = []
    gaya_kolom = {"identitas": "pg-sel", "hasil": "pg-hasil", "keterangan": "pg-catatan", "nilai": "pg-nilai",
                  "insentif": "pg-rupiah", "jumlah": "pg-rupiah-tebal"}
    for j, p in enumerate(kec.kpm):
        b = BARIS_DATA + j
        rumus = rumus_baris(r, kol, b)
        nilai = {"no": j + 1, "kode_desa": p.kode_desa, "desa": p.desa, "kpm": p.nama}
        for i, k in enumerate(kol, 1):
            c = _sel(ws, b, i)
            c.style = gaya_kolom[k.jenis]
            if k.jenis == "identitas":
                _sel(ws, b, i, nilai[k.kunci])
            elif k.jenis == "hasil":
                isian.append(c.coordinate)
            elif k.jenis != "keterangan":
                c.value = rumus[k.kunci]
    b_jumlah = BARIS_DATA + len(kec.kpm)
    for i, k in enumerate(kol):
        c = _sel(ws, b_jumlah, i + 1)
        if k.jenis in ("insentif", "jumlah"):
            _rumus(ws, b_jumlah, i + 1, rumus_total(kol, k.kunci, len(kec.kpm)))
            c.style = "pg-rupiah-tebal"
        else:
            c.style = "pg-sel"
    _sel(ws, b_jumlah, 1, LABEL_JUMLAH).font = g["tebal"]
    ws.merge_cells(start_row=b_jumlah, start_column=1, end_row=b_jumlah, end_column=4)
    if isian:
        dv = DataValidation(type="list", formula1='"' + ",".join(h.kode for h in HASIL) + '"', allow_blank=True)
        dv.error = "Pilih tercapai, sebagian, atau tidak dari daftar."
        dv.errorTitle = "Hasil tidak dikenal"
        dv.prompt = "tercapai, sebagian, atau tidak"
        dv.promptTitle = "Hasil target"
        dv.showErrorMessage = True
        dv.showInputMessage = True
        dv.sqref = " ".join(isian) if len(isian) < 50 else _rentang(kol, len(kec.kpm))
        ws.add_data_validation(dv)
    ws.freeze_panes = f"E{BARIS_DATA}"
    ws.auto_filter.ref = f"A{BARIS_KEPALA}:{akhir}{max(b_jumlah - 1, BARIS_KEPALA)}"
    ws.print_title_rows = f"{BARIS_JUDUL_TRIWULAN}:{BARIS_KEPALA}"
    _halaman(ws, True)
    _lindungi(ws)
    return b_jumlah


def _rentang(kol: list[Kolom], jumlah: int) -> str:
    """The result cells as ranges of consecutive columns (a short data-validation reference)."""
    bagian, i = [], 0
    akhir = BARIS_DATA + jumlah - 1
    while i < len(kol):
        if kol[i].jenis != "hasil":
            i += 1
            continue
        j = i
        while j + 1 < len(kol) and kol[j + 1].jenis == "hasil":
            j += 1
        bagian.append(f"{huruf_kolom(i)}{BARIS_DATA}:{huruf_kolom(j)}{akhir}")
        i = j + 1
    return " ".join(bagian)


def _rekap(ws, buku: BukuEvaluasi, kol: list[Kolom], baris_jumlah: dict[str, int], g) -> None:
    data = buku.data
    r = data.rencana
    _sel(ws, 1, 1, buku.judul).font = g["judul"]
    _sel(ws, 2, 1, f"REKAPITULASI INSENTIF PER KECAMATAN \u2013 {data.kabupaten.upper()}").font = g["tebal"]
    kepala = ["No", "Kecamatan", "Jumlah KPM"] + [f"Triwulan {bilangan.romawi(tw.nomor)} (Rp)" for tw in r.triwulan] \
        + ["Jumlah (Rp)"]
    for j, k in enumerate(kepala, 1):
        c = _sel(ws, 4, j, k)
        c.font, c.fill, c.border, c.alignment = g["tebal"], g["kepala"], g["garis"], g["tengah"]
    lebar = [5, 24, 12] + [18] * len(r.triwulan) + [18]
    for j, w in enumerate(lebar):
        ws.column_dimensions[huruf_kolom(j)].width = w
    kolom_insentif = {k.triwulan: huruf_kolom(i) for i, k in enumerate(kol) if k.jenis == "insentif"}
    kolom_jumlah = next(huruf_kolom(i) for i, k in enumerate(kol) if k.jenis == "jumlah")
    b = 4
    for i, kec in enumerate(data.kecamatan, 1):
        b += 1
        acuan = "'" + kec.lembar.replace("'", "''") + "'"
        nilai = [i, kec.nama, len(kec.kpm)] + [f"={acuan}!{kolom_insentif[tw.nomor]}{baris_jumlah[kec.lembar]}"
                                               for tw in r.triwulan] \
            + [f"={acuan}!{kolom_jumlah}{baris_jumlah[kec.lembar]}"]
        for j, v in enumerate(nilai, 1):
            c = _rumus(ws, b, j, v) if j > 3 else _sel(ws, b, j, v)
            c.border = g["garis"]
            if j > 3:
                c.number_format = FORMAT_RUPIAH
    b += 1
    _sel(ws, b, 1, LABEL_JUMLAH).font = g["tebal"]
    ws.merge_cells(start_row=b, start_column=1, end_row=b, end_column=2)
    for j in range(3, len(kepala) + 1):
        h = huruf_kolom(j - 1)
        c = _rumus(ws, b, j, f"=SUM({h}5:{h}{b - 1})" if b > 5 else "=0")
        c.font, c.border = g["tebal"], g["garis"]
        if j > 3:
            c.number_format = FORMAT_RUPIAH
    ws.freeze_panes = "C5"
    _halaman(ws, True)
    _lindungi(ws)


# --- recap and payment list from a filled workbook -------------------------------------------------


def _tabel_lembar(ws, g, judul: list[str], kepala: list[str], baris: list[list], lebar: list[float],
                  rupiah: set[int], nilai: set[int]) -> int:
    for i, t in enumerate(judul, 1):
        _sel(ws, i, 1, t).font = g["judul"] if i == 1 else g["tebal"]
    b0 = len(judul) + 2
    for j, k in enumerate(kepala, 1):
        c = _sel(ws, b0, j, k)
        c.font, c.fill, c.border, c.alignment = g["tebal"], g["kepala"], g["garis"], g["tengah"]
    for j, w in enumerate(lebar):
        ws.column_dimensions[huruf_kolom(j)].width = w
    b = b0
    for isi in baris:
        b += 1
        for j, v in enumerate(isi, 1):
            c = _sel(ws, b, j, v)
            c.border = g["garis"]
            if j - 1 in rupiah:
                c.number_format = FORMAT_RUPIAH
            elif j - 1 in nilai:
                c.number_format = FORMAT_NILAI
    ws.freeze_panes = _sel(ws, b0 + 1, 1).coordinate
    return b


def rekap_xlsx(judul: list[str], kepala: list[str], baris: list[list], jumlah: list,
               terbilang: str, rupiah: set[int], nilai: set[int], lebar: list[float]) -> bytes:
    """A recap or payment list as a workbook: one sheet, the table, the total row, the total in
    words. Values only (no formulas): it is what was computed and checked."""
    import openpyxl

    g = _gaya()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Daftar"
    b = _tabel_lembar(ws, g, judul, kepala, baris, lebar, rupiah, nilai)
    b += 1
    for j, v in enumerate(jumlah, 1):
        c = _sel(ws, b, j, v)
        c.font, c.border = g["tebal"], g["garis"]
        if j - 1 in rupiah:
            c.number_format = FORMAT_RUPIAH
    _sel(ws, b + 2, 1, terbilang).font = g["tebal"]
    _halaman(ws, True)
    return _simpan(wb, judul[0])

