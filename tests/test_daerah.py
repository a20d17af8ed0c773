"""Every kabupaten and kota in its own words (issue 13): built from `init` plus minimal officials,
then read back from the DOCX: headings, titles, definitions, Mengingat, signatures.

Eight regions: a kota with desa (Batu), two Aceh kabupaten (Aceh Besar: gampong/Keuchik; Aceh
Tengah, Gayo: kampung/Reje), Sumatera Barat (Agam: nagari/Wali Nagari), Papua Pegunungan
(Jayawijaya: kampung, distrik), Kabupaten Jayapura with a kampung adat, DI Yogyakarta (Sleman:
kalurahan/Lurah, kapanewon) and Lampung (Tanggamus: pekon)."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from baca_docx import baca, baca_tabel
from perbup_gen.cli import main

# What init cannot know for these (the citation table has no formation law for them): the capital
# the district writes in, and a formation law entered as a district's own, unchecked citation (the
# check warns about it; the test reads names, not this citation).
IBU_KOTA = {"11.06": "Kota Jantho", "11.04": "Takengon", "13.06": "Lubuk Basung", "91.03": "Sentani",
            "34.04": "Sleman", "18.06": "Kota Agung", "95.01": "Wamena"}

# kode: (head of the region, desa word in titles, signing office, kecamatan word, regional law in the
#        Mengingat, opening formula of the Perbup, defined term opening the desa definition)
DAERAH = {
    "35.79": ("WALI KOTA BATU", "DESA", "KEPALA DESA", "KECAMATAN", None,
              "DENGAN RAHMAT TUHAN YANG MAHA ESA", "Desa adalah desa dan desa adat"),
    "11.06": ("BUPATI ACEH BESAR", "GAMPONG", "KEUCHIK GAMPONG", "KECAMATAN",
              "Undang-Undang Nomor 11 Tahun 2006 tentang Pemerintahan Aceh",
              "DENGAN RAHMAT ALLAH YANG MAHA KUASA",
              "Gampong adalah kesatuan masyarakat hukum yang berada di bawah mukim dan dipimpin oleh Keuchik"),
    "11.04": ("BUPATI ACEH TENGAH", "KAMPUNG", "REJE KAMPUNG", "KECAMATAN",
              "Undang-Undang Nomor 11 Tahun 2006 tentang Pemerintahan Aceh",
              "DENGAN RAHMAT ALLAH YANG MAHA KUASA",
              "Kampung adalah kesatuan masyarakat hukum yang berada di bawah mukim dan dipimpin oleh Reje"),
    "13.06": ("BUPATI AGAM", "NAGARI", "WALI NAGARI", "KECAMATAN",
              "Peraturan Daerah Provinsi Sumatera Barat Nomor 7 Tahun 2018 tentang Nagari",
              "DENGAN RAHMAT TUHAN YANG MAHA ESA", "Nagari adalah desa dan desa adat"),
    "95.01": ("BUPATI JAYAWIJAYA", "KAMPUNG", "KEPALA KAMPUNG", "DISTRIK",
              "Undang-Undang Nomor 21 Tahun 2001 tentang Otonomi Khusus bagi Provinsi Papua",
              "DENGAN RAHMAT TUHAN YANG MAHA ESA", "Kampung adalah desa dan desa adat"),
    "91.03": ("BUPATI JAYAPURA", "KAMPUNG", "KEPALA KAMPUNG", "DISTRIK",
              "Undang-Undang Nomor 21 Tahun 2001 tentang Otonomi Khusus bagi Provinsi Papua",
              "DENGAN RAHMAT TUHAN YANG MAHA ESA", "Kampung adalah desa dan desa adat"),
    "34.04": ("BUPATI SLEMAN", "KALURAHAN", "LURAH", "KAPANEWON",
              "Undang-Undang Nomor 13 Tahun 2012 tentang Keistimewaan Daerah Istimewa Yogyakarta",
              "DENGAN RAHMAT TUHAN YANG MAHA ESA", "Kalurahan adalah desa dan desa adat"),
    "18.06": ("BUPATI TANGGAMUS", "PEKON", "KEPALA PEKON", "KECAMATAN", None,
              "DENGAN RAHMAT TUHAN YANG MAHA ESA", "Pekon adalah desa dan desa adat"),
}
KAMPUNG_ADAT = "91.03.01.3007"  # "Desa Adat Yoboi" in the national list
SATU_KATA = re.compile(r"\b(DESA|KAMPUNG|GAMPONG|NAGARI|PEKON|KALURAHAN)\s+\1\b", re.I)


def jalankan(*args: str):
    return CliRunner().invoke(main, list(args))


def _siapkan(akar: Path, kode: str) -> Path:
    """`init`, then what a district fills by hand: officials, the KPM amount, the capital and the
    formation law where init left them empty, and three desa (plus a kampung adat) in the roster."""
    folder = akar / kode
    r = jalankan("init", kode, "-o", str(folder))
    assert r.exit_code == 0, r.output
    p = folder / "kabupaten.yaml"
    teks = p.read_text(encoding="utf-8")
    nomor = iter(range(1, 100))
    teks = re.sub(r'nama: ""', lambda m: f'nama: "Pejabat {next(nomor)}"', teks)
    teks = teks.replace('nip: ""', 'nip: "197001012000031001"').replace("jumlah: 0 ", "jumlah: 500000 ")
    if kode in IBU_KOTA:
        assert 'ibu_kota: ""' in teks and 'dasar_pembentukan: ""' in teks
        teks = teks.replace('ibu_kota: ""', f'ibu_kota: "{IBU_KOTA[kode]}"')
        teks = teks.replace('dasar_pembentukan: ""', 'dasar_pembentukan: "uu-pembentukan"')
        teks = teks.replace("peraturan: {}", "peraturan:\n  uu-pembentukan: {jenis: UU, nomor: 1, tahun: 1956, "
                                             "judul: Pembentukan Daerah (isian uji)}")
    p.write_text(teks, encoding="utf-8")
    buku = openpyxl.load_workbook(folder / "roster.xlsx")
    lembar = buku["Roster"]
    baris = [r for r in range(2, lembar.max_row + 1) if lembar.cell(r, 1).value]
    pilih = baris[:3] + [r for r in baris if lembar.cell(r, 1).value == KAMPUNG_ADAT]
    for r in pilih:
        isi = {4: f"Kepala {r}", 5: "1", 6: dt.date(2026, 3, 2), 10: f"Kader {r}", 11: "P", 12: "SLTA",
               13: "RT 001", 14: "Kader Posyandu"}
        for kolom, nilai in isi.items():
            lembar.cell(r, kolom).value = nilai
    buku.save(folder / "roster.xlsx")
    return folder


@pytest.fixture(scope="module")
def keluaran(tmp_path_factory) -> dict[str, Path]:
    akar = tmp_path_factory.mktemp("daerah")
    out = {}
    for kode in DAERAH:
        folder = _siapkan(akar / "konfig", kode)
        r = jalankan("validate", str(folder))
        assert r.exit_code == 0, r.output
        out[kode] = akar / "out" / kode
        r = jalankan("build", str(folder), "-o", str(out[kode]), "-q")
        assert r.exit_code == 0, r.output
    return out


def _perbup(out: Path) -> list[str]:
    (berkas,) = (out / "perbup").glob("*.docx")
    return baca(berkas)


@pytest.mark.parametrize("kode", sorted(DAERAH))
def test_peraturan_kepala_daerah(keluaran, kode):
    kepala, desa, _, _, uu_daerah, pembukaan, definisi = DAERAH[kode]
    teks = _perbup(keluaran[kode])
    kota = kepala.startswith("WALI KOTA")
    jenis, nama = ("WALI KOTA", "Kota") if kota else ("BUPATI", "Kabupaten")
    daerah = kepala.split(" ", 2 if kota else 1)[-1]
    assert teks[0] == kepala
    assert f"PERATURAN {kepala}" in teks[:5]
    assert f"PERAN {desa} DALAM PERCEPATAN PENURUNAN STUNTING" in teks[:8]
    assert teks[teks.index("TENTANG") + 2] == pembukaan
    assert f"{kepala}," in teks  # the enacting formula and the signature
    assert f"1. Daerah adalah {nama} {daerah.title()}." in teks
    assert any(re.match(r"\d+\. " + re.escape(definisi), t) for t in teks), definisi
    assert f"BERITA DAERAH {nama.upper()} {daerah} TAHUN 2026 NOMOR ..." in teks
    assert f"Ditetapkan di {IBU_KOTA.get(kode, 'Batu')}" in teks
    badan = "\n".join(teks)
    assert f"Peraturan {'Wali Kota' if kota else 'Bupati'} ini" in badan
    assert ("Peraturan Bupati" in badan) is not kota and ("BUPATI" in badan) is not kota
    if desa != "DESA":  # the defined term is the local one, in the running text too
        assert f"{desa.title()} berwenang menetapkan" in badan
        assert not re.search(r"\bKepala Desa\b", badan)
    assert not SATU_KATA.search(badan)
    mengingat = baca_tabel((keluaran[kode] / "perbup").glob("*.docx").__next__())[0][1][2]
    if uu_daerah:
        assert uu_daerah in mengingat
    assert ("Pemerintahan Aceh" in mengingat) is kode.startswith("11.")


@pytest.mark.parametrize("kode", sorted(DAERAH))
def test_keputusan_desa_dengan_nama_setempat(keluaran, kode):
    kepala, desa, kantor, kecamatan, uu_daerah, _, _ = DAERAH[kode]
    kota = kepala.startswith("WALI KOTA")
    berkas = sorted(p for p in (keluaran[kode] / "sk-kpm").glob("*.docx") if KAMPUNG_ADAT not in p.name)
    assert len(berkas) == 3
    for b in berkas:
        teks = baca(b)
        nama = teks[0][len(kantor) + 1:]
        assert teks[0] == f"{kantor} {nama}" and nama
        assert teks[1].startswith(f"{kecamatan} ")
        assert teks[2] == ("KOTA BATU" if kota else kepala.replace("BUPATI", "KABUPATEN"))
        assert teks[3] == f"KEPUTUSAN {kantor} {nama}"
        judul = " ".join(teks[teks.index("TENTANG") + 1].split())
        assert judul == f"PENETAPAN KADER PEMBANGUNAN MANUSIA {desa} {nama} TAHUN 2026"
        assert teks.count(f"{kantor} {nama},") >= 1  # the formula and the signature
        badan = "\n".join(teks)
        assert not SATU_KATA.search(badan)
        if kantor != "KEPALA DESA":
            assert "KEPALA DESA" not in badan.upper()
        if kode.startswith("11."):  # Aceh: the basmalah and UU 11/2006 in the gampong's decree
            assert teks[teks.index("TENTANG") + 2] == "BISMILLAHIRRAHMANIRRAHIM"
        mengingat = baca_tabel(b)[0][1][2]
        if uu_daerah:
            assert uu_daerah in mengingat


def test_kampung_adat_dengan_namanya_sendiri(keluaran):
    (b,) = (keluaran["91.03"] / "sk-kpm").glob(f"{KAMPUNG_ADAT}-*.docx")
    teks = baca(b)
    assert teks[0] == "KEPALA KAMPUNG ADAT YOBOI" and teks[1] == "DISTRIK SENTANI"
    assert teks[3] == "KEPUTUSAN KEPALA KAMPUNG ADAT YOBOI"
    assert "KEPALA KAMPUNG ADAT YOBOI," in teks
    badan = "\n".join(teks).upper()
    assert "DESA ADAT" not in badan and "KEPALA DESA" not in badan


@pytest.mark.parametrize("kode", sorted(DAERAH))
def test_tim_penyusun_dan_daftar_periksa(keluaran, kode):
    kepala, desa, *_ = DAERAH[kode]
    kota = kepala.startswith("WALI KOTA")
    (tim,) = (keluaran[kode] / "tim-penyusun").glob("*.docx")
    teks = baca(tim)
    assert teks[0] == kepala and f"KEPUTUSAN {kepala}" in teks[:4]
    judul = " ".join(teks[teks.index("TENTANG") + 1].split())
    jenis = "WALI KOTA" if kota else "BUPATI"
    assert judul == f"PEMBENTUKAN TIM PENYUSUN RANCANGAN PERATURAN {jenis} TENTANG PERAN {desa} DALAM PERCEPATAN PENURUNAN STUNTING"
    periksa = (keluaran[kode] / "checklist" / "daftar-periksa.md").read_text(encoding="utf-8")
    assert (f"Peraturan {'Wali Kota' if kota else 'Bupati'}" in periksa)
    assert ("Peraturan Bupati" in periksa) is not kota
    kecil = desa.lower()  # the juknis' tasks and stages in the region's word
    assert f"konsultasi publik dengan pemerintah {kecil} dan lembaga kemasyarakatan {kecil}" in "\n".join(teks)
    assert f"terkait {kecil} yang sudah ada" in periksa


def test_buku_keputusan_dengan_sebutan(keluaran):
    buku = openpyxl.load_workbook(keluaran["91.03"] / "rekap" / "buku-keputusan-kepala-desa.xlsx").active
    baris = [[str(x) for x in r if x is not None] for r in buku.iter_rows(values_only=True)]
    assert "Nomor dan Tanggal Keputusan Kepala Kampung" in baris[0]
    uraian = {r[1]: r[6] for r in baris[1:]}
    assert uraian[KAMPUNG_ADAT].startswith("Menetapkan 1 (satu) orang Kader Pembangunan Manusia Kampung Adat Yoboi Tahun 2026")
    assert "melalui musyawarah Kampung Adat:" in uraian[KAMPUNG_ADAT]
    assert all("Desa" not in u for u in uraian.values())
    assert baris[0][:3] == ["Distrik", "Kode kampung", "Kampung"]
    rekap = openpyxl.load_workbook(keluaran["91.03"] / "rekap" / "rekap-kpm-desa.xlsx")["Rekap desa"]
    kepala = [c.value for c in next(rekap.iter_rows(max_row=1))]
    assert kepala[1:4] == ["Distrik", "Kode kampung", "Kampung"] and "Kepala Kampung" in kepala
    assert not [k for k in kepala if "Desa" in str(k) and k != "Dana Desa (Rp)" and "Dana Desa" not in str(k)]


def test_ejaan_walikota_dan_peringatan_sampai_dikonfirmasi(tmp_path):
    folder = _siapkan(tmp_path, "35.79")
    r = jalankan("check", str(folder))
    assert "ejaan kepala daerah kota \"Wali Kota\" untuk Kota Batu belum pasti" in r.output
    p = folder / "kabupaten.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("sebutan: {}", "sebutan: {kepala_daerah: Walikota}"),
                 encoding="utf-8")
    r = jalankan("check", str(folder))
    assert "ejaan kepala daerah kota" not in r.output
    out = tmp_path / "out"
    r = jalankan("build", str(folder), "-o", str(out), "-q")
    assert r.exit_code == 0, r.output
    teks = _perbup(out)
    assert teks[0] == "WALIKOTA BATU" and "PERATURAN WALIKOTA BATU" in teks[:5]
    assert "WALI KOTA" not in "\n".join(teks)


def test_kabupaten_menolak_sebutan_wali_kota(tmp_path):
    folder = _siapkan(tmp_path, "18.06")
    p = folder / "kabupaten.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("sebutan: {}", "sebutan: {kepala_daerah: Wali Kota}"),
                 encoding="utf-8")
    r = jalankan("validate", str(folder))
    assert r.exit_code == 2 and "18.06 adalah kabupaten" in r.output


def test_kota_tanpa_desa_diberi_tahu(tmp_path):
    r = jalankan("init", "35.73", "-o", str(tmp_path / "malang"))
    assert r.exit_code == 2 and "Kota Malang tidak mempunyai desa" in r.output
    assert not (tmp_path / "malang").exists()
    # a config written by hand for it is refused by validate with the same explanation
    folder = _siapkan(tmp_path, "35.79")
    p = folder / "kabupaten.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace('kode: "35.79"', 'kode: "35.73"')
                 .replace('nama: "Batu"', 'nama: "Malang"').replace("roster: roster.xlsx", ""), encoding="utf-8")
    r = jalankan("validate", str(folder))
    assert r.exit_code == 2 and "Kota Malang tidak mempunyai desa" in r.output and "kelurahan" in r.output


def test_init_mengisi_yang_diketahui(tmp_path):
    """A kota gets Wali Kota settings, its formation law and capital from the citation table; a
    kabupaten the table does not cover is asked for them; the region's names come commented,
    with how sure the table is."""
    r = jalankan("init", "35.79", "-o", str(tmp_path / "batu"))
    assert r.exit_code == 0, r.output
    teks = (tmp_path / "batu" / "kabupaten.yaml").read_text(encoding="utf-8")
    assert 'dasar_pembentukan: "uu-11-2001"' in teks and 'ibu_kota: "Batu"' in teks
    assert "Peraturan Wali Kota" in teks and "nama Wali Kota" in teks
    r = jalankan("init", "11.06", "-o", str(tmp_path / "abes"))
    teks = (tmp_path / "abes" / "kabupaten.yaml").read_text(encoding="utf-8")
    assert 'ibu_kota: ""' in teks and 'dasar_pembentukan: ""' in teks
    assert re.search(r'#\s+desa: "Gampong"\s+# tinggi', teks)
    assert re.search(r'#\s+kepala_desa: "Keuchik"', teks)
    r = jalankan("validate", str(tmp_path / "abes"))
    assert r.exit_code == 2 and "[kabupaten.ibu_kota]: tidak boleh kosong" in r.output


def test_draf_tanpa_ibu_kota_dan_undang_undang_pembentukan(tmp_path):
    r = jalankan("init", "11.06", "-o", str(tmp_path / "abes"))
    out = tmp_path / "out"
    r = jalankan("build", str(tmp_path / "abes"), "-o", str(out), "--draf", "-q")
    assert r.exit_code == 0, r.output
    teks = _perbup(out)
    assert "Ditetapkan di ..." in teks
    assert any("Undang-Undang Nomor ... Tahun ... tentang Pembentukan Kabupaten Aceh Besar" in t for t in teks)


def test_laporan_memakai_nama_dokumen_setempat(tmp_path):
    """The check report names a kota's regulation a Peraturan Wali Kota, a kampung adat's decree
    by the kampung adat's own name, and the index page lists them so."""
    batu = _siapkan(tmp_path, "35.79")
    r = jalankan("check", str(batu))
    assert "Diperiksa: Peraturan Wali Kota; Keputusan Tim Penyusun; SK KPM 3 desa" in r.output
    assert "Peraturan Bupati" not in r.output and "\n  Peraturan Wali Kota\n" in r.output
    jayapura = _siapkan(tmp_path, "91.03")
    out = tmp_path / "out"
    r = jalankan("build", str(jayapura), "-o", str(out), "-q")
    assert r.exit_code == 0, r.output
    indeks = (out / "index.html").read_text(encoding="utf-8")
    assert "SK KPM Kampung Adat Yoboi" in indeks and "SK KPM Desa Adat" not in indeks
    assert "SK KPM Kampung Sereh" in indeks
