"""The desa roster kept by BPMD in Excel or CSV: reading it, and writing an empty template.

One row per KPM; a desa with several KPM has several rows with the same `kode_desa` (its own
columns need only be filled on the first). A desa row with empty KPM columns is a desa without
KPM yet. Reading yields the same data shape as the YAML `desa:` list, with positions
(file, row, column) for every value, so errors name the spreadsheet cell.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from perbup_gen.errors import ConfigError, Lokasi, Masalah
from perbup_gen.konfigurasi.sel import huruf_kolom
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


# the desa's own columns: written once per desa (later rows of the same desa may leave them empty)
_KOLOM_DESA = ("nama_desa", "kepala_desa", "nomor_sk", "tanggal_sk", "pagu_apbdes", "dana_desa", "anggaran_stunting")
_KOSONG: tuple[int, Any] = (0, None)


@dataclass
class HasilRoster:
    """A roster read into desa entries (the shape of the YAML `desa:` list), their positions, and
    every problem found in the file. `ditolak` holds the data paths (below `desa`) of rejected
    cells: a value left out because its cell was reported is not "missing" as well."""

    desa: list[dict] = field(default_factory=list)
    posisi: Posisi = field(default_factory=Posisi)
    masalah: list[Masalah] = field(default_factory=list)
    ditolak: set[tuple] = field(default_factory=set)


def _sama(a: str, b: str) -> bool:
    """Two spellings of one value: case and runs of white space do not count; amounts are
    compared by their value (941000000 = 941.000.000)."""
    from perbup_gen.konfigurasi.model import baca_rupiah

    if " ".join(a.split()).casefold() == " ".join(b.split()).casefold():
        return True
    try:
        return baca_rupiah(a) == baca_rupiah(b)
    except ValueError:
        return False


def baca_roster(path: Path, tampil: str) -> HasilRoster:
    """Read a CSV or XLSX roster. Problems of the file as a whole (unreadable, no header row, no
    kode_desa column) raise ConfigError at once; problems of cells are all collected in
    `HasilRoster.masalah`, next to the data that could be read, so that the config's own checks
    run too and every problem is reported in one go."""
    if not path.exists():
        raise ConfigError([Masalah(Lokasi(tampil), "berkas roster tidak ditemukan")])
    if not path.is_file():
        raise ConfigError([Masalah(Lokasi(tampil), "roster harus berupa berkas, bukan folder atau perangkat")])
    hasil = HasilRoster()
    akhiran = path.suffix.lower()
    if akhiran == ".csv":
        baris = _baris_csv(path, tampil)
        sel = lambda r, c: Lokasi(tampil, r, c + 1)  # noqa: E731
    elif akhiran in (".xlsx", ".xlsm"):
        sel = lambda r, c: Lokasi(f"{tampil} (sel {huruf_kolom(c)}{r})", r, c + 1)  # noqa: E731
        baris = _baris_xlsx(path, tampil, sel, hasil.masalah)
    else:
        raise ConfigError([Masalah(Lokasi(tampil), "roster harus berkas .csv atau .xlsx")])
    if not baris:
        raise ConfigError([Masalah(Lokasi(tampil, 1), "roster kosong: baris judul kolom tidak ada")])
    kepala = [str(k or "").strip().lower() for k in baris[0][1]]
    if "kode_desa" not in kepala:
        raise ConfigError(hasil.masalah + [Masalah(Lokasi(tampil, baris[0][0]), f"kolom wajib tidak ada: kode_desa; kolom yang dikenal: {', '.join(NAMA_KOLOM)}")])
    indeks: dict[str, int] = {}
    for i, k in enumerate(kepala):
        if k and k not in NAMA_KOLOM:
            hasil.masalah.append(Masalah(sel(baris[0][0], i), f"kolom '{k}' tidak dikenal; kolom yang dikenal: {', '.join(NAMA_KOLOM)}"))
        elif k in indeks:
            hasil.masalah.append(Masalah(sel(baris[0][0], i), f"kolom '{k}' ditulis dua kali (juga kolom {huruf_kolom(indeks[k])})"))
        elif k:
            indeks[k] = i
    peta = {k: jalur for k, jalur, _ in KOLOM}

    desa = hasil.desa
    posisi = hasil.posisi
    per_kode: dict[str, int] = {}
    asal: dict[tuple[int, str], tuple[int, str]] = {}  # (desa, column) -> (row, value) first written

    def catat(jalur: tuple, lokasi: Lokasi) -> None:
        # the containers too (desa[i].kpm, desa[i].apbdes), at their first cell, so that a
        # problem with a whole part points at its cells, not at column A
        for n in range(2, len(jalur)):
            if jalur[:n] not in posisi._peta:
                posisi.catat(jalur[:n], lokasi)
        posisi.catat(jalur, lokasi)

    for nomor_baris, sel_baris in baris[1:]:
        nilai: dict[str, str] = {}
        buruk: set[str] = set()  # columns whose cell was reported (formula without value, ...)
        for k, i in indeks.items():
            v = sel_baris[i] if i < len(sel_baris) else None
            if isinstance(v, _SelBuruk):
                buruk.add(k)
                nilai[k] = ""
            else:
                nilai[k] = _teks_sel(v)
        if not any(nilai.values()) and not buruk:
            continue
        kode = nilai.get("kode_desa", "")
        if not kode:
            if "kode_desa" not in buruk:
                hasil.masalah.append(Masalah(sel(nomor_baris, indeks["kode_desa"]), "kode_desa kosong pada baris yang berisi data; setiap baris (juga baris KPM kedua dan seterusnya) memerlukan kode desanya"))
            continue
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
        kpm_sel: dict[str, Lokasi] = {}
        for k, i in indeks.items():
            jalur = peta[k]
            if not jalur or k == "kode_desa":
                continue
            if k in buruk:
                if jalur[0] != "kpm":
                    hasil.ditolak.add((d_i,) + jalur)
                continue
            v = nilai[k]
            if not v:
                continue
            if jalur[0] == "kpm":
                kpm[jalur[1]] = [p.strip() for p in v.split(";") if p.strip()] if jalur[1] == "pengalaman" else v
                kpm_sel[jalur[1]] = sel(nomor_baris, i)
                continue
            sebelum = asal.get((d_i, k))
            if sebelum is not None:
                if not _sama(sebelum[1], v):
                    hasil.masalah.append(Masalah(
                        sel(nomor_baris, i),
                        f"desa {kode} sudah tertulis di baris {sebelum[0]} dengan {k} '{sebelum[1]}', baris "
                        f"{nomor_baris} menulis '{v}'; satu desa hanya mempunyai satu {k} (pada baris KPM "
                        "berikutnya kolom desa boleh dikosongkan)"))
                    hasil.ditolak.add((d_i,) + jalur)
                continue
            asal[(d_i, k)] = (nomor_baris, v)
            tujuan = entri
            for bagian in jalur[:-1]:
                tujuan = tujuan.setdefault(bagian, {})
            tujuan[jalur[-1]] = v
            catat((d_i,) + jalur, sel(nomor_baris, i))
        if kpm:
            daftar = entri.setdefault("kpm", [])
            j = len(daftar)
            daftar.append(kpm)
            pertama = kpm_sel.get("nama") or next(iter(kpm_sel.values()))
            catat((d_i, "kpm", j), pertama)
            for kolom, lokasi in kpm_sel.items():
                catat((d_i, "kpm", j, kolom), lokasi)
            for k in buruk:
                if peta[k] and peta[k][0] == "kpm":
                    hasil.ditolak.add((d_i, "kpm", j, peta[k][1]))
    return hasil


class _SelBuruk:
    """A cell already reported (a formula without a stored value, an Excel error, a merged cell
    continued): its value is left out."""


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
        alasan = ("sel terlalu panjang" if "field larger" in str(e)
                  else "tanda kutip tidak berpasangan atau karakter tidak sah")
        raise ConfigError([Masalah(Lokasi(tampil, pembaca.line_num), f"baris CSV tidak sah: {alasan}")]) from None


def _buka_xlsx(path: Path, tampil: str, data_only: bool):
    import zipfile

    import openpyxl

    from perbup_gen.konfigurasi.arsip import periksa_zip

    periksa_zip(path, tampil)  # before openpyxl inflates anything
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=data_only)
    except zipfile.BadZipFile:
        alasan = "bukan berkas Excel .xlsx (isinya bukan arsip ZIP); simpan ulang dari Excel sebagai Buku Kerja Excel (.xlsx)"
    except KeyError:
        alasan = "berkas .xlsx tidak lengkap (bagian di dalamnya hilang); simpan ulang dari Excel"
    except OSError as e:
        from perbup_gen.errors import alasan_os

        alasan = alasan_os(e)
    except Exception:  # openpyxl raises many kinds for a broken file; their text is English
        alasan = "berkas Excel rusak atau memakai fitur yang tidak didukung; simpan ulang dari Excel sebagai .xlsx"
    raise ConfigError([Masalah(Lokasi(tampil), f"berkas Excel tidak dapat dibaca: {alasan}")])


def _lembar(buku):
    return buku["Roster"] if "Roster" in buku.sheetnames else buku.worksheets[0]


def _baris_xlsx(path: Path, tampil: str, sel, masalah: list[Masalah]) -> list[tuple[int, list[Any]]]:
    """The rows of the roster sheet. A formula cell takes the value Excel stored with it; one
    without a stored value, an Excel error (#N/A, #DIV/0!) and a merged cell are reported in
    `masalah`, naming the cell; a merged cell's value is carried into the cells it covers so
    the other checks still see every row."""
    from openpyxl.utils.cell import range_boundaries

    buku = _buka_xlsx(path, tampil, data_only=False)
    try:
        lembar = _lembar(buku)
        hasil: list[tuple[int, list[Any]]] = []
        rumus: dict[tuple[int, int], str] = {}
        for r, baris in enumerate(lembar.iter_rows(), 1):
            isi: list[Any] = []
            for c, s in enumerate(baris):
                if s.data_type == "f":
                    rumus[(r, c)] = str(s.value)
                    isi.append(None)
                elif s.data_type == "e":
                    masalah.append(Masalah(sel(r, c), f"sel berisi galat Excel {s.value}; perbaiki rumusnya atau tulis nilainya langsung"))
                    isi.append(_SelBuruk())
                else:
                    isi.append(s.value)
            hasil.append((r, isi))
        gabung = _sel_gabung(lembar)
    except ConfigError:
        raise
    except Exception:
        raise ConfigError([Masalah(Lokasi(tampil), "berkas Excel tidak dapat dibaca: lembar kerjanya rusak; simpan ulang dari Excel sebagai .xlsx")]) from None
    finally:
        buku.close()
    if rumus:  # the values Excel stored with its formulas
        buku = _buka_xlsx(path, tampil, data_only=True)
        try:
            for r, baris in enumerate(_lembar(buku).iter_rows(), 1):
                for c, s in enumerate(baris):
                    if (r, c) not in rumus:
                        continue
                    if s.value is None or s.data_type == "e":
                        apa = f"galat Excel {s.value}" if s.data_type == "e" else "tanpa nilai tersimpan"
                        masalah.append(Masalah(sel(r, c), f"sel berisi rumus ({rumus[(r, c)]}) {apa}; buka dan simpan ulang berkas di Excel agar nilainya tersimpan, atau tulis nilainya langsung"))
                        hasil[r - 1][1][c] = _SelBuruk()
                    else:
                        hasil[r - 1][1][c] = s.value
        finally:
            buku.close()
    for ref in gabung:
        c1, r1, c2, r2 = range_boundaries(ref)
        masalah.append(Masalah(sel(r1, c1 - 1), f"sel {ref} digabung (merge); roster memerlukan satu nilai di setiap sel: pisahkan sel gabungan (Unmerge) dan isi setiap baris"))
        if r1 - 1 < len(hasil) and c1 - 1 < len(hasil[r1 - 1][1]):
            nilai = hasil[r1 - 1][1][c1 - 1]
            for r in range(r1, min(r2, len(hasil)) + 1):
                baris = hasil[r - 1][1]
                for c in range(c1 - 1, c2):
                    if (r, c) != (r1, c1 - 1):
                        while len(baris) <= c:
                            baris.append(None)
                        baris[c] = nilai
    return hasil


def _sel_gabung(lembar) -> list[str]:
    """The merged ranges of a read-only sheet ("A3:A5"), read from the sheet's XML."""
    import xml.etree.ElementTree as ET

    sumber = lembar._get_source()
    hasil = []
    try:
        for _, e in ET.iterparse(sumber):
            if e.tag.endswith("}mergeCell") and e.get("ref"):
                hasil.append(e.get("ref"))
            elif e.tag.endswith("}row"):
                e.clear()  # rows are read elsewhere; keep memory flat
    finally:
        sumber.close()
    return hasil


def tulis_templat_roster(path, desa: list[tuple[str, str, str]] | None = None) -> None:
    """Write an Excel roster template (to a path or a binary file object): the columns, drop-down lists, and optionally one row per
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
        lembar.column_dimensions[huruf_kolom(i)].width = max(14, min(40, len(ket) // 2))
    for kode, nama, kecamatan in desa or []:
        lembar.append([kode, nama, kecamatan])
    akhir = max(1000, len(desa or []) + 500)
    kol = {k: huruf_kolom(i) for i, k in enumerate(NAMA_KOLOM)}
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
