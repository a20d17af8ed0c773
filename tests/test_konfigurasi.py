"""The district config: loading, validation messages (Indonesian, file:line, field path), the CLI
commands validate / schema / init / roster-templat."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from perbup_gen.cli import main
from perbup_gen.errors import ConfigError
from perbup_gen.konfigurasi.muat import muat_konfigurasi, ringkas

AKAR = Path(__file__).resolve().parent.parent
GUNUNG_MAS = AKAR / "examples" / "gunung-mas"
KATINGAN = AKAR / "examples" / "katingan"


def jalankan(*args: str):
    hasil = CliRunner().invoke(main, list(args))
    assert "Traceback" not in hasil.output
    return hasil


@pytest.fixture
def katingan(tmp_path: Path) -> Path:
    tujuan = tmp_path / "katingan"
    shutil.copytree(KATINGAN, tujuan)
    return tujuan


def ganti(folder: Path, lama: str, baru: str, berkas: str = "kabupaten.yaml") -> Path:
    p = folder / berkas
    teks = p.read_text(encoding="utf-8")
    assert lama in teks, lama
    p.write_text(teks.replace(lama, baru, 1), encoding="utf-8")
    return p


def baris_dari(folder: Path, potongan: str, berkas: str = "kabupaten.yaml") -> int:
    for i, b in enumerate((folder / berkas).read_text(encoding="utf-8").splitlines(), 1):
        if potongan in b:
            return i
    raise AssertionError(potongan)


# --- the examples --------------------------------------------------------------------------------


def test_gunung_mas_valid_with_counts():
    hasil = jalankan("validate", str(GUNUNG_MAS))
    assert hasil.exit_code == 0, hasil.output
    assert "12 kecamatan, 114 desa, 13 kelurahan" in hasil.output
    assert "roster: 114 desa, 138 KPM" in hasil.output


def test_gunung_mas_roster_has_all_desa_and_no_kelurahan():
    h = muat_konfigurasi(GUNUNG_MAS)
    k = h.konfigurasi
    assert len(k.desa) == 114 and not any(d.kelurahan for d in k.desa)
    assert k.desa[0].kode == "62.10.01.2002" and k.desa[0].nama == "Sepang Kota"
    r = ringkas(h)
    assert r.desa_tanpa_roster == [] and r.desa_tanpa_kpm == []
    # defaults from the juknis reach the config
    assert len(k.kpm.tugas) == 5 and k.kpm.pendidikan_minimal == "SLTA"
    assert len(k.kecamatan.peran) == 3
    assert [o.kode for o in k.opd][:3] == ["dpmd", "bappedalitbang", "dinkes"]
    assert str(k.data_stunting[1].prevalensi_persen) == "20.16"


def test_minimal_example_is_short_and_valid():
    assert len((KATINGAN / "kabupaten.yaml").read_text(encoding="utf-8").splitlines()) < 30
    hasil = jalankan("validate", str(KATINGAN))
    assert hasil.exit_code == 0, hasil.output
    assert "13 kecamatan, 154 desa, 7 kelurahan" in hasil.output
    assert "152 desa belum ada di roster" in hasil.output


# --- each kind of bad config ---------------------------------------------------------------------


def test_yaml_syntax_error_names_file_and_line(katingan):
    ganti(katingan, "  bupati: {nama: Sakariyas Tingang}", "  bupati: {nama: Sakariyas Tingang\n  x: [")
    hasil = jalankan("validate", str(katingan))
    assert hasil.exit_code == 2
    assert "kabupaten.yaml:" in hasil.output and "kesalahan sintaks YAML" in hasil.output


def test_empty_file(katingan):
    (katingan / "kabupaten.yaml").write_text("# hanya komentar\n", encoding="utf-8")
    hasil = jalankan("validate", str(katingan))
    assert hasil.exit_code == 2
    assert "kabupaten.yaml:1: berkas kosong" in hasil.output


def test_missing_field(katingan):
    n = baris_dari(katingan, "ibu_kota: Kasongan")
    ganti(katingan, "ibu_kota: Kasongan, ", "")
    hasil = jalankan("validate", str(katingan))
    assert hasil.exit_code == 2
    assert f"kabupaten.yaml:{n}:" in hasil.output
    assert "[kabupaten.ibu_kota]: wajib diisi" in hasil.output


def test_wrong_type_in_nested_list(katingan):
    ganti(katingan, "pendidikan: D3", "pendidikan: [D3]")
    hasil = jalankan("validate", str(katingan))
    assert hasil.exit_code == 2
    n = baris_dari(katingan, "pendidikan: [D3]")
    assert f"kabupaten.yaml:{n}:" in hasil.output
    assert "[desa[1].kpm[0].pendidikan]: harus berupa teks" in hasil.output


def test_wrong_type_number(katingan):
    ganti(katingan, "jumlah: 400000", "jumlah: empat ratus ribu")
    hasil = jalankan("validate", str(katingan))
    assert hasil.exit_code == 2
    assert "[kpm.insentif.jumlah]: harus berupa angka" in hasil.output
    assert "'empat ratus ribu'" in hasil.output


def test_unknown_field_is_reported(katingan):
    ganti(katingan, "tahun: 2025", "tahun: 2025\ntahunn: 2026")
    hasil = jalankan("validate", str(katingan))
    assert hasil.exit_code == 2
    assert "[tahunn]: kolom tidak dikenal" in hasil.output


def test_unknown_desa_code(katingan):
    ganti(katingan, '"62.06.01.2002"', '"62.06.01.2999"')
    hasil = jalankan("validate", str(katingan))
    assert hasil.exit_code == 2
    assert "[desa[1].kode]: kode desa 62.06.01.2999 tidak dikenal di Kabupaten Katingan" in hasil.output


def test_desa_of_another_kabupaten(katingan):
    ganti(katingan, '"62.06.01.2002"', '"62.10.01.2002"')
    hasil = jalankan("validate", str(katingan))
    assert hasil.exit_code == 2
    assert "kode desa 62.10.01.2002 tidak dikenal di Kabupaten Katingan" in hasil.output


def test_duplicate_desa(katingan):
    ganti(katingan, '"62.06.01.2002"', '"62.06.01.2001"')
    hasil = jalankan("validate", str(katingan))
    assert hasil.exit_code == 2
    assert "[desa[1].kode]: desa 62.06.01.2001 tertulis dua kali (pertama di desa[0])" in hasil.output


def test_kelurahan_given_kpm(katingan):
    kelurahan = "62.06.02.1003"  # Kasongan Lama? read the name from the national list
    from perbup_gen.konfigurasi.wilayah import DaftarWilayah

    w = DaftarWilayah.muat().cari(kelurahan)
    assert w is not None and w.tingkat == "kelurahan"
    ganti(katingan, '"62.06.01.2002"', f'"{kelurahan}"')
    hasil = jalankan("validate", str(katingan))
    assert hasil.exit_code == 2
    assert f"[desa[1].kpm]: {w.nama} adalah kelurahan" in hasil.output
    assert "[desa[1].kepala_desa]" in hasil.output


def test_roster_file_missing(katingan):
    ganti(katingan, "desa:\n", "roster: tidak-ada.xlsx\ndesa_lama:\n")
    (katingan / "kabupaten.yaml").write_text(
        (katingan / "kabupaten.yaml").read_text(encoding="utf-8").split("desa_lama:")[0], encoding="utf-8"
    )
    hasil = jalankan("validate", str(katingan))
    assert hasil.exit_code == 2
    n = baris_dari(katingan, "roster: tidak-ada.xlsx")
    assert f"kabupaten.yaml:{n}:" in hasil.output
    assert "berkas roster tidak ditemukan: tidak-ada.xlsx" in hasil.output


def test_all_problems_reported_at_once(katingan):
    ganti(katingan, "jumlah: 400000", "jumlah: -5")
    ganti(katingan, "jenis_kelamin: P, pendidikan: SMA", "jenis_kelamin: X, pendidikan: SMA")
    ganti(katingan, "pendidikan: D3", "pendidikan: Sarjana Hukum")
    with pytest.raises(ConfigError) as e:
        muat_konfigurasi(katingan)
    jalur = [m.lokasi.jalur for m in e.value.masalah]
    assert jalur == ["kpm.insentif.jumlah", "desa[0].kpm[0].jenis_kelamin", "desa[1].kpm[0].pendidikan"]
    assert "jenjang pendidikan 'Sarjana Hukum' tidak dikenal" in str(e.value)


def test_duplicate_key_and_python_tag(katingan):
    ganti(katingan, "tahun: 2025", "tahun: 2025\ntahun: 2026\nx: !!python/object/apply:os.system ['true']")
    hasil = jalankan("validate", str(katingan))
    assert hasil.exit_code == 2
    assert "kunci 'tahun' ditulis dua kali (pertama di baris 5)" in hasil.output
    assert "tag YAML 'tag:yaml.org,2002:python/object/apply:os.system' tidak diizinkan" in hasil.output


def test_config_path_missing_or_not_a_config(tmp_path):
    hasil = jalankan("validate", str(tmp_path / "tidak-ada"))
    assert hasil.exit_code == 2 and "tidak ditemukan" in hasil.output
    hasil = jalankan("validate", str(tmp_path))
    assert hasil.exit_code == 2 and "tidak berisi kabupaten.yaml" in hasil.output


def test_split_config_with_sertakan(katingan):
    ganti(katingan, "tahun: 2025", "tahun: 2025\nsertakan: [ubah.yaml]")
    (katingan / "ubah.yaml").write_text("kpm:\n  insentif:\n    jumlah: 750000\n", encoding="utf-8")
    k = muat_konfigurasi(katingan).konfigurasi
    assert k.kpm.insentif.jumlah == 750000
    assert k.kpm.insentif.periode == "bulan"  # merged, not replaced
    (katingan / "ubah.yaml").write_text("kpm:\n  insentif:\n    jumlah: nol\n", encoding="utf-8")
    hasil = jalankan("validate", str(katingan))
    assert "ubah.yaml:3:" in hasil.output and "[kpm.insentif.jumlah]" in hasil.output


# --- rosters in CSV and Excel ------------------------------------------------------------------


def test_csv_roster_error_names_row_and_column(tmp_path):
    tujuan = tmp_path / "gm"
    shutil.copytree(GUNUNG_MAS, tujuan)
    baris = (tujuan / "roster.csv").read_text(encoding="utf-8").splitlines()
    baris[3] = baris[3].replace(",SLTA,", ",Sekolah Tinggi,", 1)
    assert "Sekolah Tinggi" in baris[3]
    (tujuan / "roster.csv").write_text("\n".join(baris) + "\n", encoding="utf-8")
    hasil = jalankan("validate", str(tujuan))
    assert hasil.exit_code == 2
    assert "roster.csv:4:12" in hasil.output
    assert "jenjang pendidikan 'Sekolah Tinggi' tidak dikenal" in hasil.output


def test_roster_template_and_xlsx_roster(tmp_path, katingan):
    xlsx = katingan / "roster.xlsx"
    hasil = jalankan("roster-templat", str(xlsx), "--kabupaten", "62.06")
    assert hasil.exit_code == 0, hasil.output
    buku = openpyxl.load_workbook(xlsx)
    lembar = buku["Roster"]
    assert [c.value for c in lembar[1]][:4] == ["kode_desa", "nama_desa", "kecamatan", "kepala_desa"]
    assert lembar.max_row == 155  # header + 154 desa, no kelurahan
    rumus = sorted(dv.formula1 for dv in lembar.data_validations.dataValidation)
    assert '"L,P"' in rumus and any("SLTA" in r for r in rumus)
    # fill one desa and use the workbook as the roster
    lembar["D2"] = "Hendra Sahay"
    lembar["J2"], lembar["K2"], lembar["L2"], lembar["M2"] = "Natalia Usup", "P", "SMA", "RT 002"
    lembar["J3"], lembar["K3"], lembar["L3"], lembar["M3"] = "Agnes Pahu", "Q", "SLTA", "RT 001"
    buku.save(xlsx)
    teks = (katingan / "kabupaten.yaml").read_text(encoding="utf-8").split("desa:")[0] + "roster: roster.xlsx\n"
    (katingan / "kabupaten.yaml").write_text(teks, encoding="utf-8")
    hasil = jalankan("validate", str(katingan))
    assert hasil.exit_code == 2
    assert "roster.xlsx (sel K3):3:11 [desa[1].kpm[0].jenis_kelamin]" in hasil.output
    lembar["K3"] = "P"
    buku.save(xlsx)
    k = muat_konfigurasi(katingan).konfigurasi
    assert k.desa[0].kpm[0].pendidikan == "SLTA" and k.desa[0].kepala_desa.nama == "Hendra Sahay"
    assert len(k.desa) == 154


# --- schema and init ---------------------------------------------------------------------------


def test_schema_is_committed_and_current():
    hasil = jalankan("schema")
    assert hasil.exit_code == 0
    data = json.loads(hasil.output)
    assert "kabupaten" in data["properties"] and "desa" in data["properties"]
    assert (AKAR / "examples" / "perbup-gen.schema.json").read_text(encoding="utf-8").strip() == hasil.output.strip()
    for contoh in (GUNUNG_MAS, KATINGAN):
        assert (contoh / "kabupaten.yaml").read_text(encoding="utf-8").startswith(
            "# yaml-language-server: $schema=../perbup-gen.schema.json"
        )


def test_init_scaffolds_from_national_list(tmp_path):
    folder = tmp_path / "baru"
    hasil = jalankan("init", "62.10", "-o", str(folder))
    assert hasil.exit_code == 0, hasil.output
    teks = (folder / "kabupaten.yaml").read_text(encoding="utf-8")
    assert 'nama: "Gunung Mas"' in teks and 'provinsi: "Kalimantan Tengah"' in teks
    assert "Camat Rungan Barat" in teks
    # the capital and the formation law from the citation table (UU 5/2002, Pasal 14)
    assert 'ibu_kota: "Kuala Kurun"' in teks and 'dasar_pembentukan: "uu-5-2002"' in teks
    buku = openpyxl.load_workbook(folder / "roster.xlsx")
    assert buku["Roster"].max_row == 115
    # what is left to fill is named by validate
    hasil = jalankan("validate", str(folder))
    assert hasil.exit_code == 2
    assert "[kabupaten.ibu_kota]" not in hasil.output
    assert "[pejabat.bupati.nama]" in hasil.output
    # no overwrite without --force
    hasil = jalankan("init", "62.10", "-o", str(folder))
    assert hasil.exit_code == 2 and "--force" in hasil.output


def test_init_unknown_code():
    hasil = jalankan("init", "99.99")
    assert hasil.exit_code == 2 and "bukan kode kabupaten" in hasil.output
