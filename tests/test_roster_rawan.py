"""Rosters as clerks really make them, and characters no value may carry (issue 11, points 2 and 4).

The corpus in tests/rawan/roster/: `kabupaten.yaml` (Katingan with `roster: roster.csv`) and one
CSV per problem; each is used as roster.csv in turn. XLSX problems (formulas, Excel errors, merged
cells) are made here with openpyxl, as a clerk's Excel would save them.
"""
from __future__ import annotations

import datetime as _dt
import re
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from perbup_gen.cli import main
from perbup_gen.jalur import KARAKTER_TERLARANG
from perbup_gen.konfigurasi.model import baca_rupiah, baca_tanggal
from perbup_gen.konfigurasi.muat import muat_konfigurasi
from perbup_gen.proses.periksa import periksa

KORPUS = Path(__file__).resolve().parent / "rawan" / "roster"
AKAR = Path(__file__).resolve().parent.parent
KOLOM = ("kode_desa,nama_desa,kecamatan,kepala_desa,nomor_sk,tanggal_sk,pagu_apbdes,dana_desa,"
         "anggaran_stunting,kpm_nama,kpm_jenis_kelamin,kpm_pendidikan,kpm_alamat,kpm_pengalaman").split(",")

# corpus file -> every problem expected, in reading order: (where, message part)
SALAH: dict[str, list[tuple[str, str]]] = {
    "ganda_beda.csv": [
        ("roster.csv:5:4", "desa 62.06.01.2001 sudah tertulis di baris 2 dengan kepala_desa 'Hendra Sahay', baris 5 menulis 'Hendri Sahai'"),
        ("roster.csv:5:5", "sudah tertulis di baris 2 dengan nomor_sk '12', baris 5 menulis '13'"),
    ],
    "kelurahan_kpm.csv": [  # the KPM's cell (column J), not column A
        ("roster.csv:3:10 [desa[1].kpm]", "Kasongan Baru adalah kelurahan"),
    ],
    "semua_sekaligus.csv": [  # the name mismatch comes with the others, not after they are fixed
        ("roster.csv:2:2 [desa[0].nama]", "nama desa 'Galinggang Hulu' tidak sesuai daftar Kemendagri untuk 62.06.01.2001: 'Galinggang'"),
        ("roster.csv:2:6 [desa[0].tanggal_sk]", "tanggal tidak ada di kalender; tulis HH/BB/TTTT (mis. 31/05/2025) atau TTTT-BB-HH (mis. 2025-05-31) (tertulis: '31/02/2025')"),
        ("roster.csv:3:7 [desa[1].apbdes.pagu]", "harus berupa angka rupiah yang terbaca pasti: tulis angka saja (1500000), dengan titik ribuan (1.500.000), atau Rp 1.500.000,00 (tertulis: '1,5 juta')"),
        ("roster.csv:3:12 [desa[1].kpm[0].pendidikan]", "jenjang pendidikan 'Sekolah Tinggi' tidak dikenal"),
        ("roster.csv:4:11 [desa[2].kpm[0].jenis_kelamin]", "pilih salah satu dari L atau P (tertulis: 'X')"),
        ("roster.csv:5:1 [desa[3].kode]", "kode desa 62.06.01.9999 tidak dikenal di Kabupaten Katingan"),
    ],
    "uang_tanggal_rancu.csv": [  # each echoed exactly as typed
        ("roster.csv:2:6 [desa[0].tanggal_sk]", "tanggal tidak dapat dibaca; tulis HH/BB/TTTT (mis. 31/05/2025) atau TTTT-BB-HH (mis. 2025-05-31) (tertulis: '05/03/25')"),
        ("roster.csv:2:7 [desa[0].apbdes.pagu]", "(tertulis: '1.205.000.000.00')"),
        ("roster.csv:2:9 [desa[0].apbdes.anggaran_stunting]", "(tertulis: '1.000,000')"),
        ("roster.csv:3:6 [desa[1].tanggal_sk]", "(tertulis: '2025/03/06')"),
        ("roster.csv:3:7 [desa[1].apbdes.pagu]", "(tertulis: '1,191,000.000')"),
        ("roster.csv:3:8 [desa[1].apbdes.dana_desa]", "(tertulis: '941.000,000.00')"),
        ("roster.csv:3:9 [desa[1].apbdes.anggaran_stunting]", "(tertulis: 'Rp 94 juta')"),
    ],
    "kendali.csv": [
        ("roster.csv:2:4 [desa[0].kepala_desa.nama]", "karakter pengatur arah teks U+202E tidak boleh ada di nilai ini: karakter ke-8"),
        ("roster.csv:2:10 [desa[0].kpm[0].nama]", "karakter kendali U+0007 tidak boleh ada di nilai ini: karakter ke-8"),
        ("roster.csv:3:4 [desa[1].kepala_desa.nama]", "karakter tak terlihat U+200B tidak boleh ada di nilai ini: karakter ke-7"),
    ],
    "kode_kosong.csv": [
        ("roster.csv:3:1", "kode_desa kosong pada baris yang berisi data"),
    ],
    "kolom_ganda.csv": [
        ("roster.csv:1:9", "kolom 'kepala_desa' ditulis dua kali (juga kolom C)"),
    ],
}
SAH = ["uang_tanggal_sah.csv", "tak_wajar.csv"]


def test_korpus_lengkap():
    assert sorted(p.name for p in KORPUS.glob("*.csv")) == sorted(list(SALAH) + SAH)


def _folder(tmp_path: Path, roster: str | None = None) -> Path:
    kab = tmp_path / "kab"
    kab.mkdir()
    shutil.copy(KORPUS / "kabupaten.yaml", kab / "kabupaten.yaml")
    if roster:
        shutil.copy(KORPUS / roster, kab / "roster.csv")
    return kab


def _validate(kab: Path, monkeypatch) -> str:
    monkeypatch.chdir(kab.parent)
    hasil = CliRunner().invoke(main, ["validate", "kab"])
    assert hasil.exit_code == 2, hasil.output
    assert "Traceback" not in hasil.output and "Kesalahan internal" not in hasil.output
    assert not KARAKTER_TERLARANG.search(hasil.output)  # nothing raw reaches the terminal
    return hasil.output


@pytest.mark.parametrize("nama", sorted(SALAH))
def test_roster_buruk_semua_masalah_sekaligus(nama, tmp_path, monkeypatch):
    keluaran = _validate(_folder(tmp_path, nama), monkeypatch)
    baris = [b for b in keluaran.splitlines() if b.startswith("  - ")]
    harap = SALAH[nama]
    assert len(baris) == len(harap), keluaran
    for b, (tempat, pesan) in zip(baris, harap):
        assert b.startswith(f"  - kab/{tempat}"), (b, tempat)
        assert pesan in b, (b, pesan)


def test_uang_dan_tanggal_kebiasaan_indonesia(tmp_path):
    hasil = muat_konfigurasi(_folder(tmp_path, "uang_tanggal_sah.csv"))
    a, b, c = hasil.konfigurasi.desa
    assert a.tanggal_sk == _dt.date(2025, 3, 5) and b.tanggal_sk == _dt.date(2025, 3, 6)
    assert c.tanggal_sk == _dt.date(2025, 3, 7)
    assert (a.apbdes.pagu, a.apbdes.dana_desa, a.apbdes.anggaran_stunting) == (
        Decimal(1_205_000_000), Decimal(759_000_000), Decimal(83_490_000))
    assert (b.apbdes.pagu, b.apbdes.dana_desa, b.apbdes.anggaran_stunting) == (
        Decimal(1_191_000_000), Decimal(941_000_000), Decimal("94100000.50"))
    assert (c.apbdes.pagu, c.apbdes.dana_desa) == (Decimal(1_410_000_000), Decimal(957_000_000))


@pytest.mark.parametrize("teks,nilai", [
    ("941000000", 941000000), ("941.000.000", 941000000), ("941,000,000", 941000000),
    ("Rp 114.840.000,00", Decimal("114840000.00")), ("Rp. 1.500.000,-", 1500000), ("rp1.500", 1500),
    ("1,500", 1500), ("1500000,5", Decimal("1500000.5")), ("1500000.50", Decimal("1500000.50")),
    ("941,000,000.25", Decimal("941000000.25")), ("\u00a0Rp\u00a01.000\u00a0", 1000),
])
def test_baca_rupiah_yang_pasti(teks, nilai):
    assert baca_rupiah(teks) == Decimal(nilai)


@pytest.mark.parametrize("teks", ["1.000,000", "1,000.000", "1.000.000.00", "12.34.567", "1,5 juta", "Rp",
                                  "", "-5", "1 500 000", "1.5.0", "IDR 1.000", "1e6", "0x10"])
def test_baca_rupiah_yang_rancu_ditolak(teks):
    with pytest.raises(ValueError, match="terbaca pasti"):
        baca_rupiah(teks)


@pytest.mark.parametrize("teks,tanggal", [("31/05/2025", (2025, 5, 31)), ("1/2/2025", (2025, 2, 1)),
                                          ("01-02-2025", (2025, 2, 1)), ("01.02.2025", (2025, 2, 1)),
                                          ("2025-05-31", (2025, 5, 31)), ("2025-05-31 00:00:00", (2025, 5, 31))])
def test_baca_tanggal(teks, tanggal):
    assert baca_tanggal(teks) == _dt.date(*tanggal)


@pytest.mark.parametrize("teks", ["05/03/25", "2025/03/05", "31/02/2025", "32/01/2025", "45678", "Mei 2025", ""])
def test_baca_tanggal_ditolak(teks):
    with pytest.raises(ValueError, match="tanggal tidak"):
        baca_tanggal(teks)


def test_yaml_menerima_bentuk_yang_sama(tmp_path):
    """Messages match behaviour: the same money and date forms are taken from YAML."""
    kab = _folder(tmp_path)
    utama = kab / "kabupaten.yaml"
    utama.write_text(utama.read_text(encoding="utf-8").replace("roster: roster.csv\n", "")
                     .replace("insentif: {jumlah: 400000}", 'insentif: {jumlah: "Rp 400.000,00"}')
                     + 'desa:\n  - {kode: "62.06.01.2001", tanggal_sk: "05/03/2025", apbdes: {pagu: "1.205.000.000"}}\n',
                     encoding="utf-8")
    k = muat_konfigurasi(kab).konfigurasi
    assert k.kpm.insentif.jumlah == Decimal(400000)
    assert k.desa[0].tanggal_sk == _dt.date(2025, 3, 5) and k.desa[0].apbdes.pagu == Decimal(1_205_000_000)


def test_roster_tak_wajar_jadi_peringatan(tmp_path):
    hasil = muat_konfigurasi(_folder(tmp_path, "tak_wajar.csv"))
    temuan = [t for t in periksa(hasil, dokumen=False).temuan if t.desa and t.tingkat == "peringatan"]
    teks = "\n".join(f"{t.tempat}: {t.pesan}" for t in temuan)
    assert "roster.csv:2:10 [desa[0].kpm]: desa mempunyai 6 (enam) KPM; lebih dari 5 (lima) KPM" in teks
    assert ("roster.csv:2:9 [desa[0].apbdes.anggaran_stunting]: anggaran stunting Rp950.000.000,00 lebih besar "
            "daripada seluruh APBDes desa (pagu Rp800.000.000,00)") in teks
    assert "roster.csv:8:7 [desa[1].apbdes.pagu]: pagu APBDes Rp1.500,00 sangat kecil" in teks
    assert "roster.csv:8:8 [desa[1].apbdes.dana_desa]: Dana Desa Rp900,00 sangat kecil" in teks
    assert not [t for t in periksa(hasil, dokumen=False).temuan if t.tingkat == "galat"]


# --- XLSX as Excel saves it ----------------------------------------------------------------------

BARIS_SAH = [
    ["62.06.01.2001", "Galinggang", "Kamipang", "Hendra Sahay", "12", "05/03/2025", 1205000000, 759000000,
     83490000, "Natalia Usup", "P", "SLTA", "RT 002", "Kader Posyandu"],
    ["62.06.01.2002", "Tampelas", "Kamipang", "Robert Kameloh", "7", None, None, None, None,
     "Agnes Pahu", "P", "D3", "RT 001", "Guru PAUD"],
]


def _xlsx(kab: Path, baris: list[list], gabung: tuple[str, ...] = (), tersimpan: dict[str, str] | None = None) -> Path:
    """roster.xlsx from rows; `tersimpan`: the value Excel stores beside a formula, per cell
    (openpyxl writes formulas without one, as a file never opened in Excel)."""
    buku = openpyxl.Workbook()
    lembar = buku.active
    lembar.title = "Roster"
    lembar.append(KOLOM)
    for b in baris:
        lembar.append(b)
    for g in gabung:
        lembar.merge_cells(g)
    path = kab / "roster.xlsx"
    buku.save(path)
    if tersimpan:
        with zipfile.ZipFile(path) as z:
            isi = {n: z.read(n) for n in z.namelist()}
        xml = isi["xl/worksheets/sheet1.xml"].decode("utf-8")
        for sel, nilai in tersimpan.items():
            xml, n = re.subn(rf'(<c r="{sel}"[^>]*>)<f>(.*?)</f><v\s*(?:/>|></v>)', rf"\1<f>\2</f><v>{nilai}</v>", xml)
            assert n == 1, sel
        isi["xl/worksheets/sheet1.xml"] = xml.encode("utf-8")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for n, data in isi.items():
                z.writestr(n, data)
    utama = kab / "kabupaten.yaml"
    utama.write_text(utama.read_text(encoding="utf-8").replace("roster: roster.csv", "roster: roster.xlsx"), encoding="utf-8")
    return path


def test_xlsx_rumus_dengan_nilai_tersimpan_dipakai(tmp_path):
    kab = _folder(tmp_path)
    baris = [list(b) for b in BARIS_SAH]
    baris[0][6] = "=1000000000+205000000"
    baris[0][8] = "=H2*11%"
    _xlsx(kab, baris, tersimpan={"G2": "1205000000", "I2": "83490000"})
    d = muat_konfigurasi(kab).konfigurasi.desa[0]
    assert d.apbdes.pagu == Decimal(1_205_000_000) and d.apbdes.anggaran_stunting == Decimal(83_490_000)


def test_xlsx_rumus_tanpa_nilai_galat_excel_dan_sel_gabung(tmp_path, monkeypatch):
    """Never dropped silently: each named by its cell, together with the roster's other problems."""
    kab = _folder(tmp_path)
    baris = [list(b) for b in BARIS_SAH]
    baris[0][6] = "=1000000000+205000000"  # never calculated: no stored value
    baris[0][7] = "#N/A"  # an Excel error value
    baris[0][10] = "=IF(1,\"P\",\"L\")"  # a required KPM field from a formula without value
    baris.append(["62.06.01.2003", "Telaga", "Kamipang", "Yohanes Dinan", None, None, None, None, None,
                  "Maria Tuah", "P", "SLTA", "RT 003", "Kader PKK"])
    baris.append([None, None, None, None, None, None, None, None, None, "Yanto Tuah", "L", "SLTA", "RT 004", "Kader PKK"])
    baris[1][11] = "Sekolah Tinggi"  # a plain problem elsewhere, reported with the others
    _xlsx(kab, baris, gabung=("A4:A5",))
    keluaran = _validate(kab, monkeypatch)
    baris_pesan = [b for b in keluaran.splitlines() if b.startswith("  - ")]
    assert baris_pesan == [
        "  - kab/roster.xlsx (sel G2):2:7: sel berisi rumus (=1000000000+205000000) tanpa nilai tersimpan; buka dan "
        "simpan ulang berkas di Excel agar nilainya tersimpan, atau tulis nilainya langsung",
        "  - kab/roster.xlsx (sel H2):2:8: sel berisi galat Excel #N/A; perbaiki rumusnya atau tulis nilainya langsung",
        "  - kab/roster.xlsx (sel K2):2:11: sel berisi rumus (=IF(1,\"P\",\"L\")) tanpa nilai tersimpan; buka dan "
        "simpan ulang berkas di Excel agar nilainya tersimpan, atau tulis nilainya langsung",
        "  - kab/roster.xlsx (sel L3):3:12 [desa[1].kpm[0].pendidikan]: jenjang pendidikan 'Sekolah Tinggi' tidak "
        "dikenal; gunakan salah satu dari SD, SLTP, SLTA, D1, D2, D3, D4, S1, S2, S3 (atau SMP/SMA/SMK) (tertulis: "
        "'Sekolah Tinggi')",
        "  - kab/roster.xlsx (sel A4):4:1: sel A4:A5 digabung (merge); roster memerlukan satu nilai di setiap sel: "
        "pisahkan sel gabungan (Unmerge) dan isi setiap baris",
    ]


def test_xlsx_menunjuk_sel_kpm_kelurahan(tmp_path, monkeypatch):
    kab = _folder(tmp_path)
    _xlsx(kab, BARIS_SAH + [["62.06.02.1003", "Kasongan Baru", None, None, None, None, None, None, None,
                             "Maria Tuah", "P", "SLTA", "RT 001", "Kader Posyandu"]])
    keluaran = _validate(kab, monkeypatch)
    assert "kab/roster.xlsx (sel J4):4:10 [desa[2].kpm]: Kasongan Baru adalah kelurahan" in keluaran


@pytest.mark.parametrize("isi,pesan", [
    (b"bukan zip sama sekali", "bukan berkas Excel .xlsx (isinya bukan arsip ZIP)"),
    (b"PK\x05\x06" + b"\x00" * 18, "berkas Excel tidak dapat dibaca"),
])
def test_xlsx_rusak_pesan_indonesia(isi, pesan, tmp_path, monkeypatch):
    kab = _folder(tmp_path)
    _xlsx(kab, BARIS_SAH).write_bytes(isi)
    keluaran = _validate(kab, monkeypatch)
    assert pesan in keluaran
    assert not re.search(r"[Ff]ile|[Ee]rror|zip file|is not", keluaran), keluaran


# --- characters no value may carry, in any config value ------------------------------------------

@pytest.mark.parametrize("karakter,jenis", [
    ("\u202e", "karakter pengatur arah teks U+202E"), ("\u2066", "karakter pengatur arah teks U+2066"),
    ("\u200f", "karakter pengatur arah teks U+200F"), ("\x07", "karakter kendali U+0007"),
    ("\x1b", "karakter kendali U+001B"), ("\x85", "karakter kendali U+0085"),
    ("\u200b", "karakter tak terlihat U+200B"), ("\ufeff", "karakter tak terlihat U+FEFF"),
    ("\u2028", "karakter pemisah baris Unicode U+2028"),
])
def test_karakter_terlarang_di_nilai_mana_pun(karakter, jenis, tmp_path, monkeypatch):
    """Refused at validation in any value or key (YAML escapes let any character in), with the
    line, the field and the character's place; the terminal never gets it raw."""
    kab = _folder(tmp_path)
    kode = f"\\u{ord(karakter):04x}"
    utama = kab / "kabupaten.yaml"
    teks = utama.read_text(encoding="utf-8").replace("roster: roster.csv\n", "")
    teks = teks.replace("bupati: {nama: Sakariyas Tingang}", f'bupati: {{nama: "Sakariyas{kode} Tingang"}}')
    teks = teks.replace("ibu_kota: Kasongan", f'ibu_kota: "Kas{kode}ongan"')
    teks += f'perbup:\n  dasar_hukum:\n    tambahan:\n      "uu-x{kode}": {{jenis: UU, tanggal: 2002-04-10, teks: "x"}}\n'
    utama.write_text(teks, encoding="utf-8")
    keluaran = _validate(kab, monkeypatch)
    assert "kab/kabupaten.yaml:6:" in keluaran and f"[kabupaten.ibu_kota]: {jenis} tidak boleh ada di nilai ini: karakter ke-4" in keluaran
    assert f"[pejabat.bupati.nama]: {jenis} tidak boleh ada di nilai ini: karakter ke-10" in keluaran
    assert f"{jenis} tidak boleh ada di nama kunci ini: karakter ke-5" in keluaran


def test_karakter_yang_boleh(tmp_path):
    """Right-to-left scripts, emoji with joiners, tabs and line breaks are text, not controls."""
    kab = _folder(tmp_path)
    utama = kab / "kabupaten.yaml"
    utama.write_text(utama.read_text(encoding="utf-8").replace("roster: roster.csv\n", "").replace(
        "bupati: {nama: Sakariyas Tingang}", 'bupati: {nama: "Sakariyas مرحبا עברית 👩\u200d⚕️ 🇮🇩\\tTingang"}'),
        encoding="utf-8")
    assert "👩\u200d⚕️" in muat_konfigurasi(kab).konfigurasi.pejabat.bupati.nama


def test_pesan_galat_tidak_pernah_mentah(tmp_path, monkeypatch):
    """A file name with a direction character, echoed in an error, is shown neutralised."""
    monkeypatch.chdir(tmp_path)
    hasil = CliRunner().invoke(main, ["validate", "tidak\u202eada\x1b[31m"])
    assert hasil.exit_code == 2
    assert not KARAKTER_TERLARANG.search(hasil.output) and "\x1b" not in hasil.output
    assert "tidak\ufffdada\u241b[31m: berkas atau folder konfigurasi tidak ditemukan" in hasil.output


# --- the emblem, checked by validate -------------------------------------------------------------

@pytest.mark.parametrize("isi,pesan", [
    (b"ini teks, bukan gambar", "berkas lambang lambang.png bukan gambar PNG, JPEG atau GIF"),
    (b"\x89PNG\r\n\x1a\n", "berkas lambang lambang.png bukan gambar PNG, JPEG atau GIF"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 8 + b"IHDR" + b"\x00" * 8, "berkas lambang lambang.png rusak: ukuran gambarnya nol"),
    (None, "lambang harus berupa berkas gambar, bukan folder atau perangkat: lambang.png"),
])
def test_lambang_diperiksa_validate(isi, pesan, tmp_path, monkeypatch):
    kab = _folder(tmp_path, "uang_tanggal_sah.csv")
    if isi is None:
        (kab / "lambang.png").mkdir()
    else:
        (kab / "lambang.png").write_bytes(isi)
    utama = kab / "kabupaten.yaml"
    utama.write_text(utama.read_text(encoding="utf-8").replace("dasar_pembentukan: uu-5-2002}",
                                                               "dasar_pembentukan: uu-5-2002, lambang: lambang.png}"),
                     encoding="utf-8")
    keluaran = _validate(kab, monkeypatch)
    assert "kab/kabupaten.yaml:6:" in keluaran and f"[kabupaten.lambang]: {pesan}" in keluaran


def test_lambang_sah_diterima(tmp_path):
    from test_render_docx import _png

    kab = _folder(tmp_path, "uang_tanggal_sah.csv")
    (kab / "lambang.png").write_bytes(_png(4, 5))
    utama = kab / "kabupaten.yaml"
    utama.write_text(utama.read_text(encoding="utf-8").replace("dasar_pembentukan: uu-5-2002}",
                                                               "dasar_pembentukan: uu-5-2002, lambang: lambang.png}"),
                     encoding="utf-8")
    assert muat_konfigurasi(kab).konfigurasi.kabupaten.lambang == "lambang.png"


def test_karakter_terlarang_di_status(tmp_path, monkeypatch):
    """status.yaml is a config file too, and so is what `status` is told on the command line."""
    kab = _folder(tmp_path, "uang_tanggal_sah.csv")
    monkeypatch.chdir(tmp_path)
    hasil = CliRunner().invoke(main, ["status", "kab", "--selesai", "t1-tim", "--tanggal", "2025-01-20",
                                      "--catatan", "rapat\u202elesai"])
    assert hasil.exit_code == 2, hasil.output
    assert ("kab/status.yaml [tahapan.t1-tim.catatan]: karakter pengatur arah teks U+202E tidak boleh ada di "
            "nilai ini: karakter ke-6") in hasil.output
    assert not (kab / "status.yaml").exists()
    (kab / "status.yaml").write_text('tahapan:\n  t1-tim: {selesai: 2025-01-20, catatan: "ok\\x07"}\n', encoding="utf-8")
    hasil = CliRunner().invoke(main, ["status", "kab"])
    assert hasil.exit_code == 2
    assert "kab/status.yaml:2:" in hasil.output and "karakter kendali U+0007 tidak boleh ada" in hasil.output
    assert not KARAKTER_TERLARANG.search(hasil.output)
