"""The desa roster kept by BPMD in Excel or CSV: reading it, and writing an empty template.

One row per KPM; a desa with several KPM has several rows with the same `kode_desa` (its own
columns need only be filled on the first). A desa row with empty KPM columns is a desa without
KPM yet. Reading yields the same data shape as the YAML `desa:` list, with positions
(file, row, column) for every value, so errors name the spreadsheet cell.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from perbup_gen.errors import ConfigError, Lokasi, Masalah
from perbup_gen.konfigurasi.yaml_muat import Posisi

# (column, field path inside a desa entry, explanation for the template)
KOLOM: list[tuple[str, tuple, str]] = [
    ("kode_desa", ("kode",), "Kode Kemendagri desa, mis. 62.10.01.2002"),
    ("nama_desa", ("nama",), "Nama desa (diperiksa terhadap daftar Kemendagri)"),
    ("kecamatan", (), "Nama kecamatan (untuk dibaca; tidak dipakai)"),
    ("kepala_desa", ("kepala_desa", "nama"), "Nama Kepala Desa tanpa gelar jabatan"),
    ("nomor_sk", ("nomor_sk",), "Nomor Keputusan Kepala Desa (kosong: titik-titik)"),
    ("tanggal_sk", ("tanggal_sk",), "Tanggal Keputusan (TTTT-BB-HH; kosong: titik-titik)"),
    ("pagu_apbdes", ("apbdes", "pagu"), "Jumlah belanja APBDes tahun berjalan (rupiah)"),
    ("dana_desa", ("apbdes", "dana_desa"), "Pagu Dana Desa (rupiah)"),
    ("anggaran_stunting", ("apbdes", "anggaran_stunting"), "Anggaran kegiatan penurunan stunting (rupiah)"),
    ("kpm_nama", ("kpm", "nama"), "Nama KPM"),
    ("kpm_jenis_kelamin", ("kpm", "jenis_kelamin"), "L atau P"),
    ("kpm_pendidikan", ("kpm", "pendidikan"), "SD, SLTP, SLTA, D1-D4, S1-S3"),
    ("kpm_alamat", ("kpm", "alamat"), "Dusun / RT / RW"),
    ("kpm_pengalaman", ("kpm", "pengalaman"), "Pengalaman kader, dipisah titik koma; mis. Kader Posyandu; Guru PAUD"),
    # desa columns added later stand last, so the letters of the older columns do not move
    ("nomor_berita_acara", ("nomor_berita_acara",), "Nomor Berita Acara Musyawarah Desa pemilihan KPM"),
    ("tanggal_berita_acara", ("tanggal_berita_acara",), "Tanggal Berita Acara Musyawarah Desa (TTTT-BB-HH)"),
]
NAMA_KOLOM = [k for k, _, _ in KOLOM]
PILIHAN_JENIS_KELAMIN = ["L", "P"]
PILIHAN_PENDIDIKAN = ["SD", "SLTP", "SLTA", "D1", "D2", "D3", "D4", "S1", "S2", "S3"]
_ANGKA = {"pagu_apbdes", "dana_desa", "anggaran_stunting"}


def _huruf_kolom(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def baca_roster(path: Path, tampil: str) -> tuple[list[dict], Posisi]:
    """Read a CSV or XLSX roster into desa entries (dicts) and their positions."""
    if not path.exists():
        raise ConfigError([Masalah(Lokasi(tampil), "berkas roster tidak ditemukan")])
    if not path.is_file():
        raise ConfigError([Masalah(Lokasi(tampil), "roster harus berupa berkas, bukan folder atau perangkat")])
    akhiran = path.suffix.lower()
    if akhiran == ".csv":
        baris = _baris_csv(path, tampil)
        sel = lambda r, c: Lokasi(tampil, r, c + 1)  # noqa: E731
    elif akhiran in (".xlsx", ".xlsm"):
        baris = _baris_xlsx(path, tampil)
        sel = lambda r, c: Lokasi(f"{tampil} (sel {_huruf_kolom(c)}{r})", r, c + 1)  # noqa: E731
    else:
        raise ConfigError([Masalah(Lokasi(tampil), "roster harus berkas .csv atau .xlsx")])
    if not baris:
        raise ConfigError([Masalah(Lokasi(tampil, 1), "roster kosong: baris judul kolom tidak ada")])
    kepala = [str(k or "").strip().lower() for k in baris[0][1]]
    kurang = [k for k in ("kode_desa",) if k not in kepala]
    if kurang:
        raise ConfigError([Masalah(Lokasi(tampil, baris[0][0]), f"kolom wajib tidak ada: {', '.join(kurang)}; kolom yang dikenal: {', '.join(NAMA_KOLOM)}")])
    masalah = []
    for i, k in enumerate(kepala):
        if k and k not in NAMA_KOLOM:
            masalah.append(Masalah(sel(baris[0][0], i), f"kolom '{k}' tidak dikenal; kolom yang dikenal: {', '.join(NAMA_KOLOM)}"))
    if masalah:
        raise ConfigError(masalah)
    indeks = {k: i for i, k in enumerate(kepala) if k}
    peta = {k: jalur for k, jalur, _ in KOLOM}

    desa: list[dict] = []
    per_kode: dict[str, int] = {}
    posisi = Posisi()
    for nomor_baris, sel_baris in baris[1:]:
        nilai = {k: _teks_sel(sel_baris[i]) if i < len(sel_baris) else "" for k, i in indeks.items()}
        if not any(nilai.values()):
            continue
        kode = nilai.get("kode_desa", "")
        if kode in per_kode:
            d_i = per_kode[kode]
            entri = desa[d_i]
        else:
            d_i = len(desa)
            per_kode[kode] = d_i
            entri = {"kode": kode}
            desa.append(entri)
            posisi.catat((d_i,), sel(nomor_baris, indeks["kode_desa"]))
        kpm: dict[str, Any] = {}
        for k, i in indeks.items():
            v = nilai[k]
            jalur = peta[k]
            if not v or not jalur or k == "kode_desa":
                continue
            if k in _ANGKA:
                v = v.replace(".", "").replace(",", ".") if "," in v or v.count(".") > 1 else v
            if jalur[0] == "kpm":
                kpm[jalur[1]] = [p.strip() for p in v.split(";") if p.strip()] if jalur[1] == "pengalaman" else v
                continue
            tujuan = entri
            for bagian in jalur[:-1]:
                tujuan = tujuan.setdefault(bagian, {})
            tujuan[jalur[-1]] = v
            posisi.catat((d_i,) + jalur, sel(nomor_baris, i))
        if kpm:
            daftar = entri.setdefault("kpm", [])
            j = len(daftar)
            daftar.append(kpm)
            posisi.catat((d_i, "kpm", j), sel(nomor_baris, indeks.get("kpm_nama", 0)))
            for k, i in indeks.items():
                if peta[k] and peta[k][0] == "kpm" and peta[k][1] in kpm:
                    posisi.catat((d_i, "kpm", j, peta[k][1]), sel(nomor_baris, i))
    return desa, posisi


def _teks_sel(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if hasattr(v, "isoformat"):
        return v.isoformat()[:10]
    return str(v).strip()


def _baris_csv(path: Path, tampil: str) -> list[tuple[int, list[str]]]:
    from perbup_gen.konfigurasi.yaml_muat import baca_bita_berkas

    data = baca_bita_berkas(path, tampil)
    if b"\x00" in data:
        raise ConfigError([Masalah(Lokasi(tampil), "berkas biner, bukan CSV (simpan dari Excel sebagai CSV UTF-8, atau pakai .xlsx)")])
    try:
        teks = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            teks = data.decode("cp1252")  # Excel "CSV" on Windows
        except UnicodeDecodeError as e:
            baris = data[: e.start].count(b"\n") + 1
            raise ConfigError([Masalah(Lokasi(tampil, baris), "berkas bukan teks UTF-8; simpan ulang sebagai CSV UTF-8")]) from None
    contoh = teks[:4096]
    pemisah = ";" if contoh.count(";") > contoh.count(",") else ","
    pembaca = csv.reader(io.StringIO(teks), delimiter=pemisah)
    try:
        return [(i, r) for i, r in enumerate(pembaca, 1)]
    except csv.Error as e:
        raise ConfigError([Masalah(Lokasi(tampil, pembaca.line_num), f"baris CSV tidak sah: {e}")]) from None


def _baris_xlsx(path: Path, tampil: str) -> list[tuple[int, list[Any]]]:
    import openpyxl

    try:
        buku = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds for a broken file
        raise ConfigError([Masalah(Lokasi(tampil), f"berkas Excel tidak dapat dibaca: {e}")]) from None
    lembar = buku["Roster"] if "Roster" in buku.sheetnames else buku.worksheets[0]
    hasil = [(i, list(r)) for i, r in enumerate(lembar.iter_rows(values_only=True), 1)]
    buku.close()
    return hasil


def tulis_templat_roster(path: Path, desa: list[tuple[str, str, str]] | None = None) -> None:
    """Write an Excel roster template: the columns, drop-down lists, and optionally one row per
    desa (kode, nama, kecamatan) prefilled from the national list."""
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    buku = openpyxl.Workbook()
    lembar = buku.active
    lembar.title = "Roster"
    lembar.append(NAMA_KOLOM)
    for i, (_, _, ket) in enumerate(KOLOM):
        sel = lembar.cell(row=1, column=i + 1)
        sel.font = Font(bold=True)
        sel.fill = PatternFill("solid", fgColor="DDEBF7")
        lembar.column_dimensions[_huruf_kolom(i)].width = max(14, min(40, len(ket) // 2))
    for kode, nama, kecamatan in desa or []:
        lembar.append([kode, nama, kecamatan])
    akhir = max(1000, len(desa or []) + 500)
    kol = {k: _huruf_kolom(i) for i, k in enumerate(NAMA_KOLOM)}
    for nama_kolom, pilihan in (("kpm_jenis_kelamin", PILIHAN_JENIS_KELAMIN), ("kpm_pendidikan", PILIHAN_PENDIDIKAN)):
        dv = DataValidation(type="list", formula1='"' + ",".join(pilihan) + '"', allow_blank=True)
        dv.error = "Pilih dari daftar"
        dv.errorTitle = "Nilai tidak sah"
        dv.add(f"{kol[nama_kolom]}2:{kol[nama_kolom]}{akhir}")
        lembar.add_data_validation(dv)
    lembar.freeze_panes = "A2"
    ket = buku.create_sheet("Keterangan")
    ket.append(["kolom", "keterangan"])
    for k, _, teks in KOLOM:
        ket.append([k, teks])
    ket.append([])
    ket.append(["", "Satu baris untuk setiap KPM. Desa dengan lebih dari satu KPM ditulis pada beberapa baris dengan kode_desa yang sama."])
    ket.append(["", "Kelurahan tidak mempunyai Kepala Desa, APBDes, maupun KPM: jangan diisi."])
    for c in ("A", "B"):
        ket.column_dimensions[c].width = 24 if c == "A" else 100
    ket["B1"].alignment = Alignment(wrap_text=True)
    # fixed document properties: same input, same bytes
    import datetime as _dt

    tetap = _dt.datetime(2000, 1, 1)
    buku.properties.created = tetap
    buku.properties.modified = tetap
    buku.properties.creator = "perbup-gen"
    buku.save(path)
