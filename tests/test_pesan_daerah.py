"""CLI and check messages name the configured region's own desa, its head and its kepala daerah
(issue #13): Aceh Besar's gampong and Keuchik, Sleman's kalurahan, Lurah and kapanewon; a plain desa
region (Gunung Mas) keeps "desa" and "Kepala Desa"."""
from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from perbup_gen.cli import main
from perbup_gen.kinerja.aturan import tanpa_besaran
from perbup_gen.konfigurasi.sebutan import sebutan_daerah
from perbup_gen.periksa.laporan import LaporanPeriksa, Temuan

AKAR = Path(__file__).resolve().parent.parent
GUNUNG_MAS = AKAR / "examples" / "gunung-mas"


def jalankan(*args: str):
    hasil = CliRunner().invoke(main, list(args))
    assert "Traceback" not in hasil.output
    return hasil


def _isi(folder: Path) -> None:
    """Minimal officials after `init`, a local formation law, and three desa with a head and a KPM."""
    p = folder / "kabupaten.yaml"
    t = p.read_text(encoding="utf-8")
    for lama, baru in [
        ('ibu_kota: ""', 'ibu_kota: "Kota Uji"'),
        ('dasar_pembentukan: ""', 'dasar_pembentukan: "uu-pembentukan"'),
        ('bupati: {nama: ""}', 'bupati: {nama: "Ahmad Uji"}'),
        ('sekretaris_daerah: {nama: "", nip: ""}', 'sekretaris_daerah: {nama: "Budi Uji", nip: "197001012000031001"}'),
        ('kepala_bagian_hukum: {nama: "", nip: ""}', 'kepala_bagian_hukum: {nama: "Cut Uji", nip: "197501012000032002"}'),
        ('kepala: {nama: ""}', 'kepala: {nama: "Dedi Uji"}'),
        ('jumlah: 0 ', 'jumlah: 500000 '),
        ('peraturan: {}', 'peraturan: {uu-pembentukan: {jenis: UU, nomor: 1, tahun: 1956, '
                          'judul: "Pembentukan Kabupaten Uji (isian uji)"}}'),
    ]:
        assert lama in t, lama
        t = t.replace(lama, baru, 1)
    p.write_text(t, encoding="utf-8")
    buku = openpyxl.load_workbook(folder / "roster.xlsx")
    ws = buku["Roster"]
    kepala = [c.value for c in ws[1]]
    for i in range(2, 5):
        sel = {k: ws.cell(i, j + 1) for j, k in enumerate(kepala)}
        sel["kepala_desa"].value = f"Kepala Uji {i}"
        for kolom, nilai in (("kpm_nama", f"Kader Uji {i}"), ("kpm_jenis_kelamin", "P"), ("kpm_pendidikan", "SMA"),
                             ("kpm_alamat", "Dusun Uji"), ("kpm_pengalaman", "Kader Posyandu")):
            sel[kolom].value = nilai
    buku.save(folder / "roster.xlsx")


@pytest.fixture(scope="module")
def aceh_besar(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pesan") / "aceh-besar"
    assert jalankan("init", "11.06", "-o", str(folder)).exit_code == 0
    _isi(folder)
    return folder


@pytest.fixture(scope="module")
def sleman(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pesan") / "sleman"
    assert jalankan("init", "34.04", "-o", str(folder)).exit_code == 0
    _isi(folder)
    return folder


def _jumlah_desa(folder: Path) -> int:
    return openpyxl.load_workbook(folder / "roster.xlsx")["Roster"].max_row - 1


def test_validate_names_gampong(aceh_besar):
    r = jalankan("validate", str(aceh_besar))
    assert r.exit_code == 0, r.output
    n = _jumlah_desa(aceh_besar)
    assert f"kecamatan, {n} gampong, 0 kelurahan" in r.output
    assert f"roster: {n} gampong, 3 KPM" in r.output
    assert f"{n - 3} gampong belum mempunyai KPM: " in r.output
    assert not re.search(r"\bdesa\b", r.output, re.IGNORECASE), r.output


def test_validate_names_kalurahan_and_kapanewon(sleman):
    r = jalankan("validate", str(sleman))
    assert r.exit_code == 0, r.output
    n = _jumlah_desa(sleman)
    assert re.search(rf"\b\d+ kapanewon, {n} kalurahan, 0 kelurahan", r.output), r.output
    assert f"roster: {n} kalurahan, 3 KPM" in r.output
    assert not re.search(r"\bdesa\b", r.output, re.IGNORECASE), r.output


def test_check_names_gampong_and_keuchik(aceh_besar):
    r = jalankan("check", str(aceh_besar))
    assert r.exit_code == 0, r.output
    n = _jumlah_desa(aceh_besar)
    assert f"SK KPM 3 gampong; konfigurasi ({n} gampong/kelurahan di roster)" in r.output
    assert "    Gampong 11.06.01.2004 Tunong Krueng Kala\n" in r.output
    assert "[desa[3]]: Keuchik belum diisi\n" in r.output
    assert "[desa[3]]: gampong belum mempunyai KPM: SK KPM tidak dibuat" in r.output
    assert "Berita Acara Musyawarah Gampong pemilihan KPM" in r.output
    assert "Kepala Desa" not in r.output
    assert not re.search(r"^    Desa ", r.output, re.MULTILINE)


def test_check_names_lurah(sleman):
    r = jalankan("check", str(sleman))
    assert r.exit_code == 0, r.output
    assert re.search(r"^    Kalurahan 34\.04\.\d\d\.\d{4} ", r.output, re.MULTILINE), r.output
    assert "]: Lurah belum diisi\n" in r.output
    assert "]: kalurahan belum mempunyai KPM: SK KPM tidak dibuat" in r.output
    assert "Kepala Desa" not in r.output


def test_build_names_gampong_keuchik_and_bupati(aceh_besar, tmp_path):
    n = _jumlah_desa(aceh_besar)
    r = jalankan("build", str(aceh_besar), "-o", str(tmp_path / "jadi"))
    assert r.exit_code == 0, r.output
    assert "SK KPM: 3 gampong\n" in r.output
    # no performance incentive amount: the decree that sets it is the Bupati's, not "Bupati/Wali Kota"
    assert "ditetapkan dengan Keputusan Bupati\n" in r.output and "Bupati/Wali Kota" not in r.output
    r = jalankan("build", str(aceh_besar), "-o", str(tmp_path / "draf"), "--draf")
    assert r.exit_code == 0, r.output
    assert f"SK KPM: {n} gampong\n" in r.output
    assert f"{n - 3} gampong belum mempunyai Keuchik atau KPM" in r.output
    assert "Kepala Desa" not in r.output
    kurang = (tmp_path / "draf" / "kekurangan.md").read_text(encoding="utf-8")
    assert f"## Gampong ({n} belum lengkap)" in kurang and "| Keuchik, KPM, nomor SK, tanggal SK |" in kurang
    assert "Kepala Desa" not in kurang
    indeks = (tmp_path / "draf" / "index.html").read_text(encoding="utf-8")
    assert f"{n} dari {n} gampong dibuatkan SK KPM" in indeks
    assert "SK KPM Gampong Lam Asan" in indeks and "SK KPM Desa " not in indeks
    # a desa the national list already calls "Gampong ...": the word once
    assert "Gampong Gampong" not in indeks


def test_build_names_lurah(sleman, tmp_path):
    n = _jumlah_desa(sleman)
    r = jalankan("build", str(sleman), "-o", str(tmp_path / "draf"), "--draf")
    assert r.exit_code == 0, r.output
    assert f"SK KPM: {n} kalurahan\n" in r.output
    assert f"{n - 3} kalurahan belum mempunyai Lurah atau KPM" in r.output
    assert "Kepala Desa" not in r.output


def test_plain_desa_region_keeps_desa(tmp_path):
    r = jalankan("validate", str(GUNUNG_MAS))
    assert r.exit_code == 0, r.output
    assert re.search(r"\d+ kecamatan, \d+ desa, \d+ kelurahan", r.output) and "roster: " in r.output
    r = jalankan("check", str(GUNUNG_MAS))
    assert re.search(r"SK KPM \d+ desa; .*konfigurasi \(\d+ desa/kelurahan di roster\)", r.output), r.output
    r = jalankan("build", str(GUNUNG_MAS), "-o", str(tmp_path / "o"))
    assert re.search(r"^SK KPM: \d+ desa$", r.output, re.MULTILINE), r.output
    assert "gampong" not in r.output.lower()


def test_words_of_regions_and_of_a_kampung_adat():
    assert sebutan_daerah("62.10").pesan().desa == "desa"
    assert sebutan_daerah("62.10").pesan().kepala_desa == "Kepala Desa"
    assert (sebutan_daerah("13.06").pesan().desa, sebutan_daerah("13.06").pesan().kepala_desa) == ("nagari", "Wali Nagari")
    assert (sebutan_daerah("18.06").pesan().desa, sebutan_daerah("18.06").pesan().kepala_desa) == ("pekon", "Kepala Pekon")
    assert sebutan_daerah("11.04").pesan().kepala_desa == "Reje"
    papua = sebutan_daerah("91.03").pesan()
    assert (papua.desa, papua.kecamatan) == ("kampung", "distrik")
    adat = sebutan_daerah("91.03", kode_desa="91.03.01.3007").pesan()
    assert (adat.desa, adat.desa_judul) == ("kampung adat", "Kampung Adat")
    assert sebutan_daerah("11.71").pesan().kepala_daerah == "Walikota"
    assert sebutan_daerah("35.79").pesan().kepala_daerah == "Wali Kota"
    assert tanpa_besaran("Walikota").endswith("Keputusan Walikota")
    # the check report heads a kampung adat's findings with its own word
    lap = LaporanPeriksa(temuan=[Temuan("peringatan", "Konfigurasi", "", "x", "91.03.01.3007 Desa Adat Yoboi"),
                                 Temuan("peringatan", "Konfigurasi", "", "y", "91.03.01.2001 Sentani Kota")],
                         sebutan_desa="Kampung", sebutan_desa_khusus={"91.03.01.3007": "Kampung Adat"})
    teks = lap.teks()
    assert "    Kampung Adat 91.03.01.3007 Desa Adat Yoboi\n" in teks
    assert "    Kampung 91.03.01.2001 Sentani Kota\n" in teks
