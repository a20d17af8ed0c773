"""Issue 12: every class of substantive defect a drafter found becomes a check rule that also fires
on a district's own clause files (tests/cacat/<rule>/) and config; each test seeds the defect in a
copy of examples/katingan, asserts the rule fires where it should, then repairs the copy and
asserts the finding is gone."""
from __future__ import annotations

from pathlib import Path

import pytest

from perbup_gen.dokumen.perbup import bangun_perbup
from perbup_gen.dokumen.sk_kpm import PembangunSKKPM
from perbup_gen.dokumen.tim_penyusun import bangun_tim_penyusun
from perbup_gen.errors import ConfigError
from perbup_gen.konfigurasi.muat import muat_konfigurasi
from perbup_gen.konfigurasi.peraturan import sitasi
from perbup_gen.naskah.model import semua_pasal, teks_polos
from perbup_gen.periksa.laporan import DOKUMEN_KONFIGURASI, DOKUMEN_PERBUP, DOKUMEN_TIM
from perbup_gen.proses.periksa import periksa
from test_periksa import GUNUNG_MAS, baris_dari, di, pasal_cacat, perbup_temuan, salin_katingan


def ganti_berkas(path: Path, lama: str, baru: str) -> None:
    teks = path.read_text(encoding="utf-8")
    assert lama in teks, lama
    path.write_text(teks.replace(lama, baru), encoding="utf-8")


def di_pasal(temuan, n: int) -> list:
    return [t for t in temuan if t.tempat == f"Pasal {n}" or t.tempat.startswith(f"Pasal {n} ")]


def konfigurasi_temuan(hasil) -> list:
    return [t for t in periksa(hasil, dokumen=False).temuan if t.dokumen == DOKUMEN_KONFIGURASI]


# --- citations: revoked, outdated chain, unsourced numbers (also in the district's Mengingat) ---


def test_cacat_sitasi(tmp_path):
    hasil = muat_konfigurasi(salin_katingan(tmp_path, "sitasi"))
    n = pasal_cacat(hasil)
    temuan = perbup_temuan(hasil)
    t = di(temuan, f"Pasal {n} ayat (1)", "Undang-Undang Nomor 36 Tahun 2009 sudah dicabut oleh Undang-Undang "
           "Nomor 17 Tahun 2023")
    assert t and t[0].tingkat == "galat"
    t = di(temuan, f"Pasal {n} ayat (2)", "rantai perubahan Undang-Undang Nomor 23 Tahun 2014 sudah usang")
    assert t and t[0].tingkat == "galat" and "Undang-Undang Nomor 6 Tahun 2023" in t[0].pesan
    t = di(temuan, f"Pasal {n} ayat (3)", "rantai perubahan Peraturan Pemerintah Nomor 43 Tahun 2014 sudah usang")
    assert t and "Peraturan Pemerintah Nomor 11 Tahun 2019" in t[0].pesan
    t = di(temuan, f"Pasal {n} ayat (4)", "nomor Lembaran Negara Undang-Undang Nomor 3 Tahun 2024 tertulis 77")
    assert t and t[0].tingkat == "galat" and "peraturan.uu-3-2024" in t[0].pesan
    assert di(temuan, f"Pasal {n} ayat (4)", "nomor Tambahan Lembaran Negara Undang-Undang Nomor 3 Tahun 2024")

    berkas = tmp_path / "klausul" / "perbup" / "065_cacat.md"
    ganti_berkas(berkas, "Undang-Undang Nomor 36 Tahun 2009", "Undang-Undang Nomor 17 Tahun 2023")
    ganti_berkas(berkas, "sebagaimana telah diubah beberapa kali, terakhir dengan Undang-Undang Nomor 9 Tahun 2015 "
                 "tentang Perubahan Kedua atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
                 "sebagaimana telah beberapa kali diubah terakhir dengan Undang-Undang Nomor 6 Tahun 2023 tentang "
                 "Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja "
                 "menjadi Undang-Undang")
    ganti_berkas(berkas, "sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 47 Tahun 2015 tentang "
                 "Perubahan atas", "sebagaimana telah beberapa kali diubah terakhir dengan Peraturan Pemerintah "
                 "Nomor 11 Tahun 2019 tentang Perubahan Kedua atas")
    ganti_berkas(berkas, "Tahun 2024 Nomor 77, Tambahan Lembaran Negara Republik Indonesia Nomor 6914",
                 "Tahun 2024 Nomor ..., Tambahan Lembaran Negara Republik Indonesia Nomor ...")
    assert not di_pasal(perbup_temuan(muat_konfigurasi(tmp_path)), n)


def test_cacat_sitasi_mengingat_kabupaten(tmp_path):
    # a district's hand-written Mengingat entry with the chain the drafter found in published Perbups
    tambah = (
        "perbup:\n"
        "  dasar_hukum:\n"
        "    pilih: [uu-12-2011, uu-6-2014, uu-23-2014-lama]\n"
        "    tambahan:\n"
        "      uu-23-2014-lama:\n"
        "        jenis: UU\n"
        "        tahun: 2014\n"
        "        teks: >-\n"
        "          Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik\n"
        "          Indonesia Tahun 2015 Nomor 24, Tambahan Lembaran Negara Republik Indonesia Nomor 5657)\n"
        "          sebagaimana telah diubah beberapa kali, terakhir dengan Undang-Undang Nomor 9 Tahun 2015\n"
        "          tentang Perubahan Kedua atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah\n")
    temuan = perbup_temuan(muat_konfigurasi(salin_katingan(tmp_path, tambah=tambah)))
    mengingat = [t for t in temuan if t.tempat.startswith("Mengingat") and t.tingkat == "galat"]
    # the Wakatobi error: UU 2/2015's gazette numbers under UU 23/2014, and the outdated chain
    assert any("tahun Lembaran Negara Undang-Undang Nomor 23 Tahun 2014 tertulis 2015, menurut tabel sitasi 2014"
               in t.pesan for t in mengingat), mengingat
    assert any("tertulis 24, menurut tabel sitasi 244" in t.pesan for t in mengingat)
    assert any("sudah usang" in t.pesan for t in mengingat)


def test_cacat_status_belum_diketahui(tmp_path):
    hasil = muat_konfigurasi(salin_katingan(tmp_path, tambah="sk_kpm:\n  dasar_hukum:\n    pilih: [uu-6-2014, pp-60-2014]\n"))
    temuan = periksa(hasil).temuan
    data = [t for t in temuan if t.dokumen == DOKUMEN_KONFIGURASI and "status Peraturan Pemerintah Nomor 60" in t.pesan]
    assert data and data[0].tingkat == "galat"
    assert any(t.dokumen.startswith("SK KPM") and t.tingkat == "galat" and "PP 37/2023" in t.pesan for t in temuan)


# --- the district's layer of the citation table ---------------------------------------------------


def test_kabupaten_mencocokkan_nomor_di_konfigurasinya(tmp_path):
    tabel = muat_konfigurasi(salin_katingan(tmp_path / "awal")).peraturan
    assert tabel["uu-3-2024"].diperiksa is None
    # the district checked the gazette itself (test numbers, not the recalled ones)
    tambah = ("peraturan:\n"
              "  uu-3-2024:\n"
              "    lembaran: {nomor: 9999, tambahan: 99999}\n"
              "    diperiksa: {tanggal: 2025-02-03, sumber: [peraturan.go.id], oleh: Bagian Hukum}\n")
    hasil = muat_konfigurasi(salin_katingan(tmp_path / "cocok", tambah=tambah))
    assert "Tahun 2024 Nomor 9999, Tambahan Lembaran Negara Republik Indonesia Nomor 99999)" in \
        sitasi("uu-6-2014", hasil.peraturan)
    perbup = perbup_temuan(hasil)
    assert not [t for t in perbup if "Nomor 3 Tahun 2024" in t.pesan]
    # the package table itself is untouched
    assert muat_konfigurasi(salin_katingan(tmp_path / "lagi")).peraturan["uu-3-2024"].lembaran.nomor is None


def test_nomor_titik_titik_di_naskah_akhir_galat(tmp_path):
    # a draft may carry "Nomor ..." with a warning; the final Perbup (rancangan: false) cannot
    hasil = muat_konfigurasi(salin_katingan(tmp_path, tambah="perbup:\n  rancangan: false\n"))
    t = [x for x in perbup_temuan(hasil) if "Undang-Undang Nomor 3 Tahun 2024" in x.pesan]
    assert t and t[0].tingkat == "galat" and "titik-titik" in t[0].pesan
    sk = [x for x in periksa(hasil).temuan if x.dokumen.startswith("SK KPM") and "Nomor 3 Tahun 2024" in x.pesan]
    assert sk and sk[0].tingkat == "peringatan"


def test_kabupaten_diperiksa_tanpa_sumber_ditolak(tmp_path):
    with pytest.raises(ConfigError) as e:
        muat_konfigurasi(salin_katingan(tmp_path, tambah="peraturan:\n  uu-3-2024:\n    diperiksa: true\n"))
    assert "peraturan.uu-3-2024.diperiksa" in str(e.value) and "sumber" in str(e.value)


def test_rantai_perubahan_kabupaten(tmp_path):
    tambah = ("peraturan:\n"
              "  uu-8-2026:\n"
              "    jenis: UU\n    nomor: 8\n    tahun: 2026\n"
              "    judul: Perubahan Ketiga atas Undang-Undang Nomor 6 Tahun 2014 tentang Desa\n"
              "    lembaran: {jenis: LN, tahun: 2026, nomor: 1, tambahan: 2}\n"
              "    mengubah: [uu-6-2014]\n"
              "    diperiksa: {tanggal: 2026-06-01, sumber: [peraturan.go.id]}\n")
    folder = salin_katingan(tmp_path, tambah=tambah)
    t = [x for x in konfigurasi_temuan(muat_konfigurasi(folder)) if "rantai perubahan 'uu-6-2014' sudah usang" in x.pesan]
    assert t and t[0].tingkat == "galat"
    assert f"kabupaten.yaml:{baris_dari(folder / 'kabupaten.yaml', 'mengubah')}" in t[0].tempat
    # the district completes the chain: no finding, and the Mengingat cites the new last amendment
    (folder / "kabupaten.yaml").write_text((folder / "kabupaten.yaml").read_text(encoding="utf-8") +
                                           "  uu-6-2014:\n    perubahan: [uu-6-2023, uu-3-2024, uu-8-2026]\n",
                                           encoding="utf-8")
    hasil = muat_konfigurasi(folder)
    assert not [x for x in konfigurasi_temuan(hasil) if "rantai perubahan" in x.pesan]
    assert "terakhir dengan Undang-Undang Nomor 8 Tahun 2026 tentang Perubahan Ketiga" in sitasi("uu-6-2014", hasil.peraturan)


def test_peraturan_tahun_anggaran(tmp_path):
    mengingat = lambda h: [teks_polos(m) for m in bangun_perbup(h).pembukaan.mengingat]  # noqa: E731
    h = muat_konfigurasi(salin_katingan(tmp_path / "a", ganti={"tahun: 2025": "tahun: 2026"}))
    assert any("Nomor 16 Tahun 2025 tentang Petunjuk Operasional atas Fokus Penggunaan Dana Desa Tahun 2026 "
               "(Berita Negara Republik Indonesia Tahun 2025 Nomor 1151)" in m for m in mengingat(h))
    # a year the table has no regulation for: left out of the Mengingat, with a warning
    h = muat_konfigurasi(salin_katingan(tmp_path / "b", ganti={"tahun: 2025": "tahun: 2027"}))
    assert not any("Fokus Penggunaan Dana Desa" in m for m in mengingat(h))
    t = [x for x in konfigurasi_temuan(h) if "prioritas-dana-desa" in x.pesan]
    assert t and t[0].tingkat == "peringatan" and "Tahun Anggaran 2027" in t[0].pesan
    # the regulation of another year chosen by hand: an error
    h = muat_konfigurasi(salin_katingan(tmp_path / "c", tambah="perbup:\n  dasar_hukum:\n    pilih: [uu-6-2014, permendesa-16-2025]\n"))
    assert [x for x in konfigurasi_temuan(h) if "berlaku untuk Tahun Anggaran 2026, bukan 2025" in x.pesan]


# --- defined terms -------------------------------------------------------------------------------


def test_cacat_istilah_diulang(tmp_path):
    hasil = muat_konfigurasi(salin_katingan(tmp_path, "istilah_diulang"))
    n = pasal_cacat(hasil)
    temuan = perbup_temuan(hasil)
    t = di(temuan, f"Pasal {n} ayat (1)", "\"Kader Pembangunan Manusia\" sudah didefinisikan dengan bentuk singkat \"KPM\"")
    assert t and t[0].tingkat == "galat"
    assert di(temuan, f"Pasal {n} ayat (2)", "\"Pos Pelayanan Terpadu\" sudah didefinisikan dengan bentuk singkat \"Posyandu\"")
    berkas = tmp_path / "klausul" / "perbup" / "065_cacat.md"
    ganti_berkas(berkas, "() Kader Pembangunan Manusia menghadiri", "() KPM menghadiri")
    ganti_berkas(berkas, "() Pos Pelayanan Terpadu (Posyandu) menyampaikan", "() Posyandu menyampaikan")
    assert not di_pasal(perbup_temuan(muat_konfigurasi(tmp_path)), n)


def test_istilah_diulang_dari_konfigurasi(tmp_path):
    # the same class in a district's config list: the juknis defaults it used to carry
    folder = salin_katingan(tmp_path, tambah=(
        "kewenangan_desa:\n  kegiatan:\n    - pengelolaan dan operasional Pos Pelayanan Terpadu (Posyandu)\n"
        "    - operasional dan insentif Kader Pembangunan Manusia\n"))
    temuan = perbup_temuan(muat_konfigurasi(folder))
    assert [t for t in temuan if t.tingkat == "galat" and "\"Pos Pelayanan Terpadu\" sudah didefinisikan" in t.pesan]
    assert [t for t in temuan if t.tingkat == "galat" and "\"Kader Pembangunan Manusia\" sudah didefinisikan" in t.pesan]


def test_cacat_kapital_tanpa_definisi(tmp_path):
    hasil = muat_konfigurasi(salin_katingan(tmp_path, "kapital_tanpa_definisi"))
    temuan = perbup_temuan(hasil)
    t = [x for x in temuan if "\"Kecamatan\" ditulis dengan huruf kapital seperti istilah yang didefinisikan" in x.pesan]
    assert t and t[0].tingkat == "peringatan"
    assert [x for x in temuan if "\"Camat\" ditulis dengan huruf kapital" in x.pesan]
    assert not [x for x in temuan if "\"Desa\" ditulis dengan huruf kapital" in x.pesan]  # defined
    # the package's definitions define both
    assert not [x for x in perbup_temuan(muat_konfigurasi(salin_katingan(tmp_path / "baik")))
                if "huruf kapital seperti istilah" in x.pesan]


def test_cacat_definisi_tak_terpakai(tmp_path):
    temuan = perbup_temuan(muat_konfigurasi(salin_katingan(tmp_path, "definisi_tak_terpakai")))
    t = [x for x in temuan if "\"BUM Desa\" didefinisikan tetapi tidak dipakai" in x.pesan]
    assert t and t[0].tingkat == "peringatan" and t[0].tempat.startswith("Pasal 1 angka ")
    # the package's definitions: only the terms the body uses (none reported)
    assert not [x for x in perbup_temuan(muat_konfigurasi(salin_katingan(tmp_path / "baik")))
                if "tidak dipakai" in x.pesan]


def test_definisi_belum_dicocokkan_diperingatkan(tmp_path):
    temuan = perbup_temuan(muat_konfigurasi(salin_katingan(tmp_path)))
    t = [x for x in temuan if "rumusan definisi belum dicocokkan" in x.pesan]
    assert {x.tingkat for x in t} == {"peringatan"}
    assert any("Permendagri 13/2024" in x.pesan for x in t)  # Posyandu
    assert any("Perpres 72/2021" in x.pesan and "," in x.tempat for x in t)  # three definitions, one finding


def test_cacat_singkatan(tmp_path):
    hasil = muat_konfigurasi(salin_katingan(tmp_path, "singkatan"))
    n = pasal_cacat(hasil)
    t = di(perbup_temuan(hasil), f"Pasal {n}", "singkatan \"TPK\" dipakai sebelum ditulis lengkap")
    assert t and t[0].tingkat == "peringatan"
    ganti_berkas(tmp_path / "klausul" / "perbup" / "065_cacat.md", "dengan TPK di Desa",
                 "dengan tim pendamping keluarga (TPK) di Desa")
    assert not di_pasal(perbup_temuan(muat_konfigurasi(tmp_path)), n)


# --- numbers, hand-typed markers, conjunctions, wording ------------------------------------------


def test_cacat_bilangan_huruf(tmp_path):
    hasil = muat_konfigurasi(salin_katingan(tmp_path, "bilangan_huruf"))
    n = pasal_cacat(hasil)
    temuan = perbup_temuan(hasil)
    t = di(temuan, f"Pasal {n} ayat (1)", "\"dua tahun\" ditulis dengan angka diikuti huruf dalam kurung: \"2 (dua) tahun\"")
    assert t and t[0].tingkat == "galat"
    assert di(temuan, f"Pasal {n} ayat (2)", "\"3 (tiga) bulan\"")
    berkas = tmp_path / "klausul" / "perbup" / "065_cacat.md"
    ganti_berkas(berkas, "di bawah dua tahun", "di bawah 2 (dua) tahun")
    ganti_berkas(berkas, "setiap tiga bulan", "setiap 3 (tiga) bulan")
    assert not di_pasal(perbup_temuan(muat_konfigurasi(tmp_path)), n)
    # the same class in a config default the district writes itself
    folder = salin_katingan(tmp_path / "konfig", tambah=(
        "kewenangan_desa:\n  kegiatan:\n    - pemantauan pertumbuhan anak usia di bawah lima tahun\n"))
    assert [x for x in perbup_temuan(muat_konfigurasi(folder)) if "\"5 (lima) tahun\"" in x.pesan]


def test_cacat_tanda_manual(tmp_path):
    hasil = muat_konfigurasi(salin_katingan(tmp_path, "tanda_manual"))
    n = pasal_cacat(hasil)
    temuan = perbup_temuan(hasil)
    t = di(temuan, f"Pasal {n} ayat (1) huruf a", "tanda \"a.\" ditulis tangan")
    assert t and t[0].tingkat == "galat"
    assert di(temuan, f"Pasal {n} ayat (1) huruf b", "tanda \"b.\" ditulis tangan")
    assert di(temuan, f"Pasal {n} ayat (2)", "tanda \"(2)\" ditulis tangan")
    berkas = tmp_path / "klausul" / "perbup" / "065_cacat.md"
    for lama, baru in (("- a. pendataan", "- pendataan"), ("- b. pelaporan", "- pelaporan"), ("() (2) Pendataan", "() Pendataan")):
        ganti_berkas(berkas, lama, baru)
    assert not di_pasal(perbup_temuan(muat_konfigurasi(tmp_path)), n)
    # in a config list: "a. a." in the printed Perbup and in every SK KPM
    folder = salin_katingan(tmp_path / "konfig", ganti={"kpm:\n  insentif:": "kpm:\n  syarat:\n    - a. berasal dari "
                                                        "Desa setempat\n    - b. dapat membaca dan menulis\n  insentif:"})
    temuan = periksa(muat_konfigurasi(folder)).temuan
    assert [x for x in temuan if x.dokumen == DOKUMEN_PERBUP and "tanda \"a.\" ditulis tangan" in x.pesan]


def test_cacat_tanpa_kata_sambung(tmp_path):
    hasil = muat_konfigurasi(salin_katingan(tmp_path, "tanpa_sambung"))
    n = pasal_cacat(hasil)
    t = di(perbup_temuan(hasil), f"Pasal {n}", "rincian tanpa kata sambung")
    assert t and t[0].tingkat == "peringatan"
    ganti_berkas(tmp_path / "klausul" / "perbup" / "065_cacat.md", ' {sambung=""}', "")
    assert not di_pasal(perbup_temuan(muat_konfigurasi(tmp_path)), n)


def test_cacat_ungkapan_dan_istilah_program(tmp_path):
    hasil = muat_konfigurasi(salin_katingan(tmp_path, "ungkapan"))
    n = pasal_cacat(hasil)
    temuan = perbup_temuan(hasil)
    t = di(temuan, f"Pasal {n} ayat (1)", "\"sekurang-kurangnya\": tulis \"paling sedikit\"")
    assert t and t[0].tingkat == "peringatan"
    t = di(temuan, f"Pasal {n} ayat (2)", "istilah program \"Aksi Integrasi\"")
    assert t and t[0].tingkat == "peringatan"
    berkas = tmp_path / "klausul" / "perbup" / "065_cacat.md"
    ganti_berkas(berkas, "sekurang-kurangnya", "paling sedikit")
    ganti_berkas(berkas, "Pelaksanaan Aksi Integrasi 4 dilaporkan", "Penyusunan Peraturan Bupati dilaporkan")
    assert not di_pasal(perbup_temuan(muat_konfigurasi(tmp_path)), n)


# --- structure -----------------------------------------------------------------------------------


def test_cacat_bab_maksud_tujuan(tmp_path):
    temuan = perbup_temuan(muat_konfigurasi(salin_katingan(tmp_path, "bab_maksud")))
    t = di(temuan, "BAB II", "angka 98 huruf c")
    assert t and t[0].tingkat == "peringatan"
    assert not [x for x in perbup_temuan(muat_konfigurasi(salin_katingan(tmp_path / "baik"))) if "angka 98" in x.pesan]


def test_mencabut_perbup_lama(tmp_path):
    tambah = ("perbup:\n  mencabut:\n"
              "    - {nomor: 16, tahun: 2018, tentang: Penurunan Stunting di Kabupaten Katingan, berita_daerah: {tahun: 2018, nomor: 16}}\n"
              "    - {nomor: 36, tahun: 2018, tentang: Optimalisasi Penurunan Stunting di Kabupaten Katingan}\n")
    hasil = muat_konfigurasi(salin_katingan(tmp_path, tambah=tambah))
    dok = bangun_perbup(hasil)
    pencabutan = next(p for p in semua_pasal(dok.batang_tubuh) if p.label == "pencabutan")
    assert teks_polos(pencabutan.ayat[0].isi) == "Pada saat Peraturan Bupati ini mulai berlaku:"
    butir = [teks_polos(b.isi) for b in pencabutan.ayat[0].daftar.butir]
    assert butir == [
        "Peraturan Bupati Katingan Nomor 16 Tahun 2018 tentang Penurunan Stunting di Kabupaten Katingan "
        "(Berita Daerah Kabupaten Katingan Tahun 2018 Nomor 16); dan",
        "Peraturan Bupati Katingan Nomor 36 Tahun 2018 tentang Optimalisasi Penurunan Stunting di Kabupaten "
        "Katingan (Berita Daerah Kabupaten Katingan Tahun 2018 Nomor ...), dicabut dan dinyatakan tidak berlaku."]
    assert "dinyatakan tetap berlaku sepanjang tidak bertentangan" in teks_polos(pencabutan.ayat[1].isi)
    # the closing chapter stays last, its first Pasal the revocation
    assert dok.batang_tubuh[-1].judul == "KETENTUAN PENUTUP" and dok.batang_tubuh[-1].isi[0] is pencabutan
    # the konsiderans says why
    assert any("Peraturan Bupati Katingan Nomor 16 Tahun 2018 tentang Penurunan Stunting di Kabupaten Katingan dan "
               "Peraturan Bupati Katingan Nomor 36 Tahun 2018" in teks_polos(m) and "perlu diganti" in teks_polos(m)
               for m in dok.pembukaan.menimbang)
    temuan = periksa(hasil).temuan
    assert not [t for t in temuan if t.tingkat == "galat"], [t for t in temuan if t.tingkat == "galat"]
    assert [t for t in temuan if "Nomor 36 Tahun 2018 belum diisi (berita_daerah.nomor)" in t.pesan]


def test_mencabut_tidak_dikutip_dalam_mengingat(tmp_path):
    tambah = ("perbup:\n  mencabut:\n    - {nomor: 16, tahun: 2018, tentang: Penurunan Stunting, berita_daerah: {tahun: 2018, nomor: 16}}\n"
              "  dasar_hukum:\n    pilih: [uu-6-2014, perbup-16-2018]\n"
              "peraturan:\n  perbup-16-2018:\n    jenis: Perbup\n    pejabat: Katingan\n    nomor: 16\n    tahun: 2018\n"
              "    judul: Penurunan Stunting\n    lembaran: {jenis: BD, tahun: 2018, nomor: 16, daerah: Kabupaten Katingan}\n"
              "    diperiksa: {tanggal: 2025-01-10, sumber: [JDIH Kabupaten Katingan]}\n")
    t = [x for x in konfigurasi_temuan(muat_konfigurasi(salin_katingan(tmp_path, tambah=tambah))) if "angka 42" in x.pesan]
    assert t and t[0].tingkat == "galat"


def test_pasal_kelurahan_hanya_bila_ada_kelurahan(tmp_path):
    dok = bangun_perbup(muat_konfigurasi(salin_katingan(tmp_path / "katingan")))  # 62.06 has kelurahan
    assert "KETENTUAN LAIN-LAIN" in [b.judul for b in dok.batang_tubuh]
    # Aceh Selatan (11.01) has none in the national list: no such Pasal
    teks_ = (GUNUNG_MAS.parent / "katingan" / "kabupaten.yaml").read_text(encoding="utf-8").split("desa:")[0]
    teks_ = teks_.replace('kabupaten: {kode: "62.06", nama: Katingan, provinsi: Kalimantan Tengah, ibu_kota: Kasongan, '
                          'dasar_pembentukan: uu-5-2002}',
                          'kabupaten: {kode: "11.01", nama: Aceh Selatan, provinsi: Aceh, ibu_kota: Tapaktuan, '
                          'dasar_pembentukan: uu-pembentukan}')
    teks_ += ("peraturan:\n  uu-pembentukan:\n    jenis: UU\n    nomor: 7\n    tahun: 1956\n"
              "    judul: Pembentukan Daerah Otonom Kabupaten-Kabupaten dalam Lingkungan Daerah Propinsi Sumatera Utara\n")
    (tmp_path / "aceh").mkdir()
    (tmp_path / "aceh" / "kabupaten.yaml").write_text(teks_, encoding="utf-8")
    dok = bangun_perbup(muat_konfigurasi(tmp_path / "aceh"))
    judul = [b.judul for b in dok.batang_tubuh]
    assert "KETENTUAN LAIN-LAIN" not in judul and judul[-2:] == ["KETENTUAN PERALIHAN", "KETENTUAN PENUTUP"]


# --- institutions, incentives, Dana Desa share ---------------------------------------------------


def test_cacat_lkd(tmp_path):
    hasil = muat_konfigurasi(salin_katingan(tmp_path, "lkd"))
    n = pasal_cacat(hasil)
    t = di(perbup_temuan(hasil), f"Pasal {n} huruf b", "\"PAUD\" bukan Lembaga Kemasyarakatan Desa")
    assert t and t[0].tingkat == "galat"
    ganti_berkas(tmp_path / "klausul" / "perbup" / "065_cacat.md", "- PAUD\n",
                 "- Tim Penggerak Pemberdayaan dan Kesejahteraan Keluarga Desa\n")
    assert not di_pasal(perbup_temuan(muat_konfigurasi(tmp_path)), n)


def test_lkd_dari_konfigurasi(tmp_path):
    tambah = ("lembaga_masyarakat:\n"
              "  - {nama: Pos Pelayanan Terpadu (Posyandu), peran: [memantau pertumbuhan balita]}\n"
              "  - {nama: Pendidikan Anak Usia Dini (PAUD), peran: [menstimulasi perkembangan anak]}\n")
    folder = salin_katingan(tmp_path, tambah=tambah)
    temuan = periksa(muat_konfigurasi(folder)).temuan
    t = [x for x in temuan if x.dokumen == DOKUMEN_KONFIGURASI and "bukan Lembaga Kemasyarakatan Desa" in x.pesan]
    assert t and t[0].tingkat == "galat" and "lembaga_masyarakat[1].nama" in t[0].tempat
    assert [x for x in temuan if x.dokumen == DOKUMEN_PERBUP and "\"PAUD\" bukan Lembaga Kemasyarakatan Desa" in x.pesan]
    # written as a service unit, it takes part apart from the LKD
    (folder / "kabupaten.yaml").write_text((folder / "kabupaten.yaml").read_text(encoding="utf-8").replace(
        "peran: [menstimulasi perkembangan anak]}", "peran: [menstimulasi perkembangan anak], lkd: false}"), encoding="utf-8")
    hasil = muat_konfigurasi(folder)
    assert not [x for x in periksa(hasil).temuan if "bukan Lembaga Kemasyarakatan Desa" in x.pesan]


def test_persen_dana_desa_tanpa_dasar(tmp_path):
    folder = salin_katingan(tmp_path, tambah="apbdes:\n  persen_dana_desa_minimal: 10\n")
    t = [x for x in konfigurasi_temuan(muat_konfigurasi(folder)) if "tanpa dasarnya" in x.pesan]
    assert t and t[0].tingkat == "galat" and f"kabupaten.yaml:{baris_dari(folder / 'kabupaten.yaml', 'persen_dana')}" in t[0].tempat
    # no share set: no ayat on it at all (Katingan's example sets none)
    badan = "\n".join(teks_polos(a.isi) for p in semua_pasal(bangun_perbup(muat_konfigurasi(salin_katingan(tmp_path / "b"))).batang_tubuh)
                      for a in p.ayat)
    assert "dari Dana Desa untuk kegiatan Percepatan Penurunan Stunting" not in badan


def test_insentif_kinerja_berjumlah(tmp_path):
    hasil = muat_konfigurasi(salin_katingan(tmp_path, ganti={"  insentif: {jumlah: 400000}": "  insentif: {jumlah: 400000, kinerja: {jumlah: 750000}}"}))
    kinerja = next(p for p in semua_pasal(bangun_perbup(hasil).batang_tubuh) if p.label == "insentif-kinerja-pasal")
    assert "diberikan setiap triwulan sebesar Rp750.000,00 (tujuh ratus lima puluh ribu rupiah) untuk setiap KPM " \
           "berdasarkan pemenuhan target kegiatan" in teks_polos(kinerja.ayat[1].isi)


# --- the Tim Penyusun: who may set it, its members named ------------------------------------------

ANGGOTA_LUAS = """tim_penyusun:
  ditetapkan_oleh: kepala_opd
  anggota:
    - {jabatan_tim: Pengarah, jabatan: Sekretaris Daerah Kabupaten Katingan}
    - {jabatan_tim: Ketua, jabatan: Kepala Dinas Pemberdayaan Masyarakat dan Desa}
    - {jabatan_tim: Sekretaris, jabatan: Kepala Bagian Hukum Sekretariat Daerah}
    - {jabatan_tim: Anggota, jabatan: Camat Kamipang}
    - {jabatan_tim: Anggota, jabatan: Ketua Tim Penggerak PKK Kabupaten Katingan, unsur: lembaga kemasyarakatan}
"""

ANGGOTA_SENDIRI = """tim_penyusun:
  ditetapkan_oleh: kepala_opd
  anggota:
    - {jabatan_tim: Ketua, jabatan: Kepala Dinas Pemberdayaan Masyarakat dan Desa}
    - {jabatan_tim: Sekretaris, jabatan: Kepala Subbagian Umum Dinas Pemberdayaan Masyarakat dan Desa}
    - {jabatan_tim: Anggota, jabatan: Kepala Bidang Pemberdayaan Masyarakat Desa pada Dinas PMD}
    - {jabatan_tim: Anggota, jabatan: Dosen, unsur: akademisi, instansi: Universitas Palangka Raya, nama: Dr. Rina Tambun}
    - {jabatan_tim: Anggota, jabatan: Ketua Forum Kader Posyandu Kabupaten Katingan, unsur: lembaga kemasyarakatan, nama: Sari Tuah}
"""


def test_kewenangan_keputusan_tim_penyusun(tmp_path):
    folder = salin_katingan(tmp_path, tambah=ANGGOTA_LUAS)
    t = [x for x in konfigurasi_temuan(muat_konfigurasi(folder)) if "bukan bawahannya" in x.pesan]
    assert len(t) == 1 and t[0].tingkat == "galat"
    assert f"kabupaten.yaml:{baris_dari(folder / 'kabupaten.yaml', 'ditetapkan_oleh: kepala_opd')}" in t[0].tempat
    for nama in ("Sekretaris Daerah Kabupaten Katingan", "Kepala Bagian Hukum Sekretariat Daerah", "Camat Kamipang",
                 "Ketua Tim Penggerak PKK Kabupaten Katingan"):
        assert nama in t[0].pesan
    assert "Kepala Dinas Pemberdayaan Masyarakat dan Desa mengangkat" in t[0].pesan
    assert "ditetapkan_oleh: bupati" in t[0].pesan
    # a Keputusan Bupati for the same team: allowed
    folder = salin_katingan(tmp_path / "bupati", tambah=ANGGOTA_LUAS.replace("kepala_opd", "bupati"))
    assert not [x for x in konfigurasi_temuan(muat_konfigurasi(folder)) if "bukan bawahannya" in x.pesan]
    # the OPD head's own staff and members from outside the government: allowed
    folder = salin_katingan(tmp_path / "sendiri", tambah=ANGGOTA_SENDIRI)
    hasil = muat_konfigurasi(folder)
    assert not [x for x in periksa(hasil).temuan if x.tingkat == "galat"]
    assert bangun_tim_penyusun(hasil).judul.jenis.startswith("KEPUTUSAN KEPALA DINAS PEMBERDAYAAN MASYARAKAT DAN DESA")
    # the derived team (the OPD heads and the Kepala Bagian Hukum) under an OPD-head decree
    folder = salin_katingan(tmp_path / "turunan", tambah="tim_penyusun:\n  ditetapkan_oleh: kepala_opd\n")
    t = [x for x in konfigurasi_temuan(muat_konfigurasi(folder)) if "bukan bawahannya" in x.pesan]
    assert t and "Kepala Dinas Kesehatan" in t[0].pesan


def test_anggota_luar_bernama_dan_berinstansi(tmp_path):
    tambah = ANGGOTA_SENDIRI.replace(", instansi: Universitas Palangka Raya, nama: Dr. Rina Tambun", "")
    folder = salin_katingan(tmp_path, tambah=tambah)
    hasil = muat_konfigurasi(folder)
    t = [x for x in konfigurasi_temuan(hasil) if "belum ditulis" in x.pesan]
    assert len(t) == 1 and t[0].tingkat == "peringatan" and "nama dan instansi" in t[0].pesan
    assert "tim_penyusun.anggota[3]" in t[0].tempat
    tabel = bangun_tim_penyusun(hasil).lampiran[0].isi[0]
    assert tabel.baris[3][2:] == ["Dosen pada ...", "..."]


# --- the SK KPM: Berita Acara, abbreviations ------------------------------------------------------


def test_berita_acara_musyawarah_desa(tmp_path):
    folder = salin_katingan(tmp_path)
    t = [x for x in konfigurasi_temuan(muat_konfigurasi(folder)) if "Berita Acara Musyawarah Desa" in x.pesan]
    assert t and t[0].tingkat == "peringatan" and "2 (dua) desa" in t[0].pesan
    ganti = {"    kepala_desa: {nama: Hendra Sahay}\n": "    kepala_desa: {nama: Hendra Sahay}\n"
             "    nomor_berita_acara: 140/03/BA-MD/2025\n    tanggal_berita_acara: 2025-03-14\n"}
    hasil = muat_konfigurasi(salin_katingan(tmp_path / "isi", ganti=ganti))
    desa = hasil.konfigurasi.desa[0]
    menimbang = teks_polos(PembangunSKKPM(hasil).bangun(desa).pembukaan.menimbang[1])
    assert menimbang.startswith(f"bahwa berdasarkan Berita Acara Musyawarah Desa {desa.nama} Nomor 140/03/BA-MD/2025 "
                                "tanggal 14 Maret 2025, nama yang tercantum")
    t = [x for x in konfigurasi_temuan(hasil) if "Berita Acara Musyawarah Desa" in x.pesan]
    assert t and "1 (satu) desa" in t[0].pesan


def test_singkatan_sk_kpm_diperkenalkan(tmp_path):
    hasil = muat_konfigurasi(salin_katingan(tmp_path))
    temuan = [x for x in periksa(hasil).temuan if x.dokumen.startswith("SK KPM")]
    assert not [x for x in temuan if "singkatan" in x.pesan or "bentuk singkat" in x.pesan], temuan
    # a district Menimbang that uses an abbreviation before the diktum introduces it: a warning
    folder = salin_katingan(tmp_path / "m", tambah="sk_kpm:\n  menimbang:\n    - bahwa RKP Desa memuat kegiatan KPM\n")
    temuan = [x for x in periksa(muat_konfigurasi(folder)).temuan if x.dokumen.startswith("SK KPM")]
    assert [x for x in temuan if "singkatan \"RKP Desa\"" in x.pesan and x.tempat == "Menimbang huruf a"]


# --- both examples: no error ----------------------------------------------------------------------


@pytest.mark.parametrize("contoh", [GUNUNG_MAS, GUNUNG_MAS.parent / "katingan"])
def test_contoh_tanpa_galat(contoh):
    laporan = periksa(muat_konfigurasi(contoh))
    assert not laporan.ada_galat, laporan.teks()
    assert any(t.dokumen == DOKUMEN_TIM for t in laporan.peringatan)  # the unchecked citations are said
