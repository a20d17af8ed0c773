"""`perbup-gen check`: every rule has a seeded defect it catches (with the place) and a good
version it passes; the Gunung Mas example has no errors and is checked fast."""
from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest

from perbup_gen.dokumen import pembukaan as naskah
from perbup_gen.konfigurasi.model import KPM, Desa
from perbup_gen.naskah.model import (
    Ayat, Bab, Butir, Daftar, Diktum, Dokumen, Judul, Pasal, Pembukaan, Rujukan, Teks, teks,
)
from perbup_gen.konfigurasi.muat import muat_konfigurasi
from perbup_gen.konfigurasi.peraturan import Peraturan, muat_peraturan, pisah_alias, sitasi as teks_sitasi
from perbup_gen.naskah.penomoran import susun
from perbup_gen.periksa.data import periksa_data
from perbup_gen.periksa.laporan import DOKUMEN_KONFIGURASI, DOKUMEN_PERBUP, LaporanPeriksa, Temuan
from perbup_gen.proses.periksa import PemeriksaanGagal, jalankan_periksa, pastikan_lolos, periksa
from perbup_gen.periksa.naskah import istilah_definisi, periksa_naskah

ROOT = Path(__file__).resolve().parents[1]
CACAT = ROOT / "tests" / "cacat"
KATINGAN = ROOT / "examples" / "katingan" / "kabupaten.yaml"
GUNUNG_MAS = ROOT / "examples" / "gunung-mas"


@pytest.fixture(scope="module")
def tabel() -> dict[str, Peraturan]:
    data, _ = pisah_alias(muat_peraturan()[0])
    return {k: Peraturan.model_validate(v) for k, v in data.items()}


@pytest.fixture(scope="module")
def gunung_mas():
    return muat_konfigurasi(GUNUNG_MAS)


def galat(temuan) -> list:
    return [t for t in temuan if t.tingkat == "galat"]


def di(temuan, tempat: str, potongan: str = "") -> list:
    """Findings at exactly `tempat` whose message contains `potongan`."""
    return [t for t in temuan if t.tempat == tempat and potongan in t.pesan]


# --- a hand-built Perbup, correct, then broken one rule at a time ------------------------------

TENTANG = "Peran Desa dalam Percepatan Penurunan Stunting"


def sitasi(tabel, *kunci) -> list:
    return [teks(teks_sitasi(k, tabel) + ";") for k in kunci]


def dok_baik(tabel) -> Dokumen:
    definisi = Pasal(ayat=[Ayat(teks("Dalam Peraturan Bupati ini yang dimaksud dengan:"), Daftar(jenis="definisi", butir=[
        Butir(teks("Daerah adalah Kabupaten Katingan")),
        Butir(teks("Pemerintah Desa adalah Kepala Desa dibantu perangkat Desa")),
        Butir(teks("Kader Pembangunan Manusia yang selanjutnya disingkat KPM adalah kader masyarakat Desa")),
        Butir(teks("Seribu Hari Pertama Kehidupan yang selanjutnya disingkat 1.000 HPK adalah masa sejak anak "
                   "dalam kandungan sampai dengan anak berusia 2 (dua) tahun")),
    ]))])
    tugas = Pasal(ayat=[
        Ayat(teks("Pemerintah Desa melaksanakan:"), Daftar(butir=[
            Butir(teks("pendataan sasaran")),
            Butir(teks("pelaporan"), Daftar(butir=[Butir(teks("laporan bulanan")), Butir(teks("laporan tahunan"))], sambung="atau")),
            Butir(teks("pemantauan setiap 3 (tiga) bulan")),
        ]), label="tugas"),
        Ayat([Teks("Tugas sebagaimana dimaksud "), Rujukan("tugas"), Teks(" dibiayai paling sedikit 10% (sepuluh persen) "
              "dari Dana Desa dan insentif KPM Rp1.500.000,00 (satu juta lima ratus ribu rupiah), berlaku sejak 2 Mei 2025.")]),
    ], label="pasal-tugas")
    lain = Pasal(ayat=[Ayat([Teks("Dinas Kesehatan membina pelaksanaan tugas sebagaimana dimaksud "), Rujukan("pasal-tugas"),
                             Teks(" dan pelaporan sebagaimana dimaksud dalam Pasal 2 ayat (1) huruf b angka 1 bagi rumah tangga "
                                  "1.000 HPK di Daerah menurut Tahap 1 dan Undang-Undang Nomor 52 Tahun 2009.")])])
    dok = Dokumen(
        jenis="peraturan",
        kepala=None,
        judul=Judul("PERATURAN BUPATI KATINGAN", "NOMOR ... TAHUN ...", TENTANG.upper(), rancangan=True),
        pembukaan=Pembukaan(
            pejabat="BUPATI KATINGAN,",
            menimbang=[teks("bahwa Desa berperan dalam percepatan penurunan stunting;"),
                       teks("bahwa untuk pelaksanaan sebagaimana dimaksud dalam huruf a perlu pengaturan;"),
                       teks(naskah.konsiderans_penutup(2, "Peraturan Bupati", TENTANG))],
            mengingat=sitasi(tabel, "uu-12-2011", "uu-23-2014", "uu-17-2023"),
            menetapkan=f"PERATURAN BUPATI TENTANG {TENTANG.upper()}.",
        ),
        batang_tubuh=[Bab("KETENTUAN UMUM", [definisi]), Bab("TUGAS DESA", [tugas, lain])],
    )
    return susun(dok)


def ayat(dok: Dokumen, bab: int, pasal: int, i: int) -> Ayat:
    return dok.batang_tubuh[bab].isi[pasal].ayat[i]


def test_dokumen_baik_tanpa_temuan(tabel):
    temuan = periksa_naskah(dok_baik(tabel), tabel, "Katingan")
    assert temuan == []


def test_tanda_baca_butir(tabel):
    dok = dok_baik(tabel)
    butir = ayat(dok, 1, 0, 0).daftar.butir
    butir[0].isi[-1].teks = butir[0].isi[-1].teks.rstrip(";") + ","
    butir[1].daftar.butir[0].isi[-1].teks = butir[1].daftar.butir[0].isi[-1].teks.replace("; atau", ";")
    butir[1].daftar.butir[1].isi[-1].teks = butir[1].daftar.butir[1].isi[-1].teks.rstrip(";") + "."
    butir[2].isi[-1].teks = butir[2].isi[-1].teks.rstrip(".") + ";"
    temuan = periksa_naskah(dok, tabel, "Katingan")
    assert di(temuan, "Pasal 2 ayat (1) huruf a", "bukan ','")
    assert di(temuan, "Pasal 2 ayat (1) huruf b angka 1", "'; atau'")
    # the last item of a nested list takes the ending of the item that opens it: "; dan"
    assert di(temuan, "Pasal 2 ayat (1) huruf b angka 2", "'; dan'")
    assert di(temuan, "Pasal 2 ayat (1) huruf c", "butir terakhir diakhiri '.'")
    assert all(t.tingkat == "galat" for t in temuan) and len(temuan) == 4


def test_titik_dua_sebelum_rincian(tabel):
    dok = dok_baik(tabel)
    a = ayat(dok, 1, 0, 0)
    a.isi[-1].teks = "Pemerintah Desa melaksanakan"
    a.daftar.butir[1].isi[-1].teks = "pelaporan;"
    temuan = periksa_naskah(dok, tabel, "Katingan")
    assert di(temuan, "Pasal 2 ayat (1)", "titik dua (:)")
    assert di(temuan, "Pasal 2 ayat (1) huruf b", "titik dua (:)")


def test_ayat_diakhiri_titik(tabel):
    dok = dok_baik(tabel)
    ayat(dok, 1, 0, 1).isi[-1].teks = ayat(dok, 1, 0, 1).isi[-1].teks.rstrip(".")
    assert di(periksa_naskah(dok, tabel), "Pasal 2 ayat (2)", "tanda titik (.)")


def test_butir_diawali_huruf_kecil(tabel):
    dok = dok_baik(tabel)
    ayat(dok, 1, 0, 0).daftar.butir[0].isi[0].teks = "Pendataan sasaran;"
    temuan = periksa_naskah(dok, tabel)
    assert di(temuan, "Pasal 2 ayat (1) huruf a", "huruf kecil")
    # a proper name or a defined term may start an item
    for awal in ("Dinas Kesehatan, melalui pendataan;", "KPM melakukan pendataan;", "Pemerintah Desa mendata;"):
        dok = dok_baik(tabel)
        ayat(dok, 1, 0, 0).daftar.butir[0].isi[0].teks = awal
        assert not di(periksa_naskah(dok, tabel), "Pasal 2 ayat (1) huruf a"), awal


def test_konsiderans(tabel):
    dok = dok_baik(tabel)
    pb = dok.pembukaan
    pb.menimbang[0] = teks("dalam rangka percepatan penurunan stunting.")
    pb.menimbang[1] = teks("bahwa sebagaimana dimaksud dalam huruf c perlu pengaturan;")
    pb.menimbang[2] = teks("bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan "
                           "Peraturan Bupati tentang Peran Desa dalam Percepatan Penurunan Stunting;")
    temuan = periksa_naskah(dok, tabel)
    assert di(temuan, "Menimbang huruf a", "\"bahwa\"")
    assert di(temuan, "Menimbang huruf a", "titik koma")
    assert di(temuan, "Menimbang huruf b", "merujuk huruf c")
    assert di(temuan, "Menimbang huruf c", "harus merujuk \"huruf a dan huruf b\"")
    dok = dok_baik(tabel)
    dok.pembukaan.menimbang[2] = teks("bahwa perlu menetapkan Peraturan Bupati;")
    assert di(periksa_naskah(dok, tabel), "Menimbang huruf c", "berbentuk \"bahwa berdasarkan pertimbangan")
    dok = dok_baik(tabel)
    dok.pembukaan.menimbang[2] = teks(naskah.konsiderans_penutup(2, "Peraturan Bupati", "Peran Desa"))
    assert di(periksa_naskah(dok, tabel), "Menimbang huruf c", "tidak sama dengan judul")


def test_definisi(tabel):
    dok = dok_baik(tabel)
    butir = dok.batang_tubuh[0].isi[0].ayat[0].daftar.butir
    butir[0].isi[0].teks = "daerah adalah Kabupaten Katingan."
    butir[1].isi[0].teks = "Pemerintah Desa merupakan Kepala Desa dibantu perangkat Desa."
    butir[2].isi[0].teks = "Kader Pembangunan Manusia yang selanjutnya KPM adalah kader."
    temuan = periksa_naskah(dok, tabel)
    assert di(temuan, "Pasal 1 angka 1", "huruf kapital")
    assert di(temuan, "Pasal 1 angka 2", "\"X adalah ...\"")
    assert di(temuan, "Pasal 1 angka 3", "disebut Y adalah")
    assert istilah_definisi(dok_baik(tabel)) == [
        "Daerah", "Pemerintah Desa", "KPM", "Kader Pembangunan Manusia", "1.000 HPK",
        "Seribu Hari Pertama Kehidupan"]


def test_istilah_huruf_kapital(tabel):
    dok = dok_baik(tabel)
    dok.batang_tubuh[1].isi[1].ayat[0].isi[0].teks = "pemerintah desa membina pelaksanaan tugas sebagaimana dimaksud "
    temuan = periksa_naskah(dok, tabel)
    t = di(temuan, "Pasal 3", "ditulis \"pemerintah desa\"")
    assert t and t[0].tingkat == "peringatan" and "Pasal 1 angka 2" in t[0].pesan
    # generic "pemerintahan daerah" and a capital at a sentence start are not findings
    dok = dok_baik(tabel)
    dok.batang_tubuh[1].isi[1].ayat[0].isi[0].teks = ("Dalam urusan pemerintahan daerah dan daerah otonom, Dinas "
                                                      "Kesehatan membina pelaksanaan tugas sebagaimana dimaksud ")
    assert periksa_naskah(dok, tabel) == []


def test_rujukan(tabel):
    dok = dok_baik(tabel)
    a2 = ayat(dok, 1, 0, 1)
    a2.isi[1].teks = "dalam Pasal 2 ayat (1)"  # same Pasal: must be "pada ayat (1)"
    lain = ayat(dok, 1, 1, 0)
    lain.isi[1].teks = "pada Pasal 2"  # another Pasal: must be "dalam"
    lain.isi[2].teks = " dan pelaporan sebagaimana dimaksud dalam Pasal 2 ayat (3) serta dalam Pasal 2 ayat (1) huruf e."
    temuan = periksa_naskah(dok, tabel)
    assert di(temuan, "Pasal 2 ayat (2)", "Pasal yang sama")
    assert di(temuan, "Pasal 3", "bukan \"pada\"")
    assert di(temuan, "Pasal 3", "tidak mempunyai ayat (3)")
    dok = dok_baik(tabel)
    ayat(dok, 1, 1, 0).isi[2].teks = " dan pelaporan sebagaimana dimaksud dalam Pasal 2 ayat (1) huruf e."
    assert di(periksa_naskah(dok, tabel), "Pasal 3", "tidak mempunyai huruf e")
    dok = dok_baik(tabel)
    ayat(dok, 1, 1, 0).isi[2].teks = " sebagaimana dimaksud dalam Pasal 1 sampai dengan Pasal 9."
    assert di(periksa_naskah(dok, tabel), "Pasal 3", "Pasal 9 tidak ada (Pasal terakhir: Pasal 3)")
    # a Pasal of another regulation is not a reference into this document
    dok = dok_baik(tabel)
    ayat(dok, 1, 1, 0).isi[2].teks = (" bagi 1.000 HPK di Daerah sebagaimana dimaksud dalam Pasal 72 ayat (2) "
                                      "Undang-Undang Nomor 6 Tahun 2014 dan dalam Nomor ... Tahun ....")
    assert periksa_naskah(dok, tabel) == []
    dok = dok_baik(tabel)
    ayat(dok, 1, 0, 1).isi[1].teks = None  # an unresolved [[label]]
    assert di(periksa_naskah(dok, tabel), "Pasal 2 ayat (2)", "[[tugas]] belum diselesaikan")


def test_rujukan_diktum(tabel):
    dok = Dokumen(jenis="keputusan", kepala=None, judul=Judul("KEPUTUSAN BUPATI KATINGAN", "NOMOR 1 TAHUN 2025", "TIM"),
                  batang_tubuh=[
                      Diktum(teks("Membentuk Tim."), label="satu"),
                      Diktum([Teks("Tim sebagaimana dimaksud "), Rujukan("satu"), Teks(" bertugas:")],
                             Daftar(butir=[Butir(teks("menyusun")), Butir(teks("melaporkan hasil sebagaimana dimaksud pada huruf a"))])),
                      Diktum(teks("Tugas sebagaimana dimaksud dalam Diktum KEEMPAT dan pada Diktum KEDUA huruf c dilaporkan.")),
                  ])
    temuan = periksa_naskah(susun(dok))
    assert not di(temuan, "Diktum KEDUA") and not di(temuan, "Diktum KEDUA huruf b")
    assert di(temuan, "Diktum KETIGA", "Diktum KEEMPAT tidak ada")


def test_mengingat(tabel):
    dok = dok_baik(tabel)
    dok.pembukaan.mengingat = sitasi(tabel, "pp-43-2014", "uu-36-2009", "uu-6-2014")
    dok.pembukaan.mengingat.append(teks("Peraturan Daerah Kabupaten Katingan Nomor 1 Tahun 2020 tentang Desa"))
    temuan = periksa_naskah(dok, tabel)
    assert di(temuan, "Mengingat angka 2", "harus sebelum 'pp-43-2014'")
    assert di(temuan, "Mengingat angka 2", "sudah dicabut oleh Undang-Undang Nomor 17 Tahun 2023")
    assert di(temuan, "Mengingat angka 3", "harus sebelum 'pp-43-2014'")
    # a number nobody found, printed as dots: a warning naming what is missing and where to confirm it
    t = di(temuan, "Mengingat angka 3", "Undang-Undang Nomor 3 Tahun 2024: nomor dan nomor Tambahan Lembaran "
           "Negara belum ditemukan (dicetak \"...\")")
    assert t and t[0].tingkat == "peringatan" and "peraturan.uu-3-2024" in t[0].pesan
    assert di(temuan, "Mengingat angka 4", "titik koma")
    assert di(temuan, "Mengingat angka 4", "tidak ditemukan di tabel sitasi")[0].tingkat == "peringatan"
    # same level: by date
    dok = dok_baik(tabel)
    dok.pembukaan.mengingat = sitasi(tabel, "uu-23-2014", "uu-12-2011")
    assert di(periksa_naskah(dok, tabel), "Mengingat angka 2", "menurut tanggal")


def test_bilangan_dan_uang(tabel):
    kasus = {
        "dilaksanakan paling lambat 3 bulan.": "\"3 (tiga)\"",
        "dilaksanakan 12 (dua belas) kali dalam 2 (tiga) tahun.": "seharusnya \"(dua)\"",
        "dilaksanakan 1500 (seribu lima ratus) kali.": "\"1.500\"",
        "paling sedikit 10% (sepuluh) dari Dana Desa.": "(sepuluh persen)",
        "sebesar Rp1.500.000,00 (satu juta lima ratus rupiah).": "seharusnya \"(satu juta lima ratus ribu rupiah)\"",
        "sebesar Rp1.500.000 (satu juta lima ratus ribu rupiah).": "\"Rp1.500.000,00\"",
        "sebesar Rp2.000,00 setiap bulan.": "(dua ribu rupiah)",
    }
    for akhir, potongan in kasus.items():
        dok = dok_baik(tabel)
        ayat(dok, 1, 0, 1).isi[2].teks = " " + akhir
        temuan = periksa_naskah(dok, tabel)
        assert di(temuan, "Pasal 2 ayat (2)", potongan), (akhir, temuan)
    # labels, codes, dates, years and 1.000 HPK are not numbers to spell out
    dok = dok_baik(tabel)
    ayat(dok, 1, 0, 1).isi[2].teks = (" KPM pada Tahun Anggaran 2025 sesuai dengan Pasal 5 ayat (2) dan kode desa "
                                      "62.06.01.2001 sejak 17 Agustus 2024 bagi 1.000 HPK di RT 002 (Tahap 3) tahun 2026.")
    assert periksa_naskah(dok, tabel) == []


def test_judul(tabel):
    dok = dok_baik(tabel)
    dok.judul.tentang = "Peran Desa."
    dok.batang_tubuh[1].judul = "Tugas Desa"
    dok.pembukaan.menetapkan = "PERATURAN BUPATI KATINGAN TENTANG PERAN DESA DALAM PERCEPATAN PENURUNAN STUNTING"
    temuan = periksa_naskah(dok, tabel, "Katingan")
    assert di(temuan, "Judul", "huruf kapital") and di(temuan, "Judul", "tidak diakhiri tanda baca")
    assert di(temuan, "BAB II", "huruf kapital")
    assert di(temuan, "Menetapkan", "satu tanda titik")
    assert di(temuan, "Menetapkan", "tanpa nama daerah")
    assert di(temuan, "Menetapkan", "tidak sama dengan judul")


# --- seeded defects through the builders (district clause folders in tests/cacat/) -------------


def salin_katingan(tmp_path: Path, cacat: str | None = None, ganti: dict[str, str] | None = None,
                   tambah: str = "") -> Path:
    teks_ = KATINGAN.read_text(encoding="utf-8")
    for lama, baru in (ganti or {}).items():
        assert lama in teks_, lama
        teks_ = teks_.replace(lama, baru)
    teks_ += tambah
    tmp_path.mkdir(parents=True, exist_ok=True)
    if cacat:
        shutil.copytree(CACAT / cacat, tmp_path / "klausul")
        teks_ += "folder_klausul: klausul\n"
    (tmp_path / "kabupaten.yaml").write_text(teks_, encoding="utf-8")
    return tmp_path


def pasal_cacat(hasil) -> int:
    from perbup_gen.dokumen.perbup import bangun_perbup
    from perbup_gen.naskah.model import semua_pasal

    return next(p.nomor for p in semua_pasal(bangun_perbup(hasil).batang_tubuh) if "065_cacat.md" in p.sumber)


def perbup_temuan(hasil):
    return [t for t in periksa(hasil).temuan if t.dokumen == DOKUMEN_PERBUP]


def test_cacat_butir_huruf_kapital(tmp_path):
    hasil = muat_konfigurasi(salin_katingan(tmp_path, "butir_huruf_kapital"))
    n = pasal_cacat(hasil)
    assert di(perbup_temuan(hasil), f"Pasal {n} huruf a", "huruf kecil")
    berkas = tmp_path / "klausul" / "perbup" / "065_cacat.md"
    berkas.write_text(berkas.read_text().replace("- Pendataan", "- pendataan"))
    assert not [t for t in perbup_temuan(muat_konfigurasi(tmp_path)) if t.tempat.startswith(f"Pasal {n} ")]


def test_cacat_definisi(tmp_path):
    hasil = muat_konfigurasi(salin_katingan(tmp_path, "definisi"))
    temuan = perbup_temuan(hasil)
    assert di(temuan, "Pasal 1 angka 2", "\"X adalah ...\"")
    assert di(temuan, "Pasal 1 angka 3", "diawali huruf kapital")
    berkas = tmp_path / "klausul" / "perbup" / "definisi.yaml"
    berkas.write_text(berkas.read_text().replace("Desa merupakan", "Desa adalah").replace("      kader P", "      Kader P"))
    assert not [t for t in perbup_temuan(muat_konfigurasi(tmp_path)) if t.tempat.startswith("Pasal 1 ")]


def test_cacat_istilah(tmp_path):
    hasil = muat_konfigurasi(salin_katingan(tmp_path, "istilah"))
    n = pasal_cacat(hasil)
    temuan = [t for t in perbup_temuan(hasil) if t.tempat.startswith(f"Pasal {n} ")]
    assert len(temuan) == 1  # "pemerintahan daerah" in ayat (2) is generic, not a finding
    assert temuan[0].tempat == f"Pasal {n} ayat (1)" and "\"Pemerintah desa\"" in temuan[0].pesan
    assert temuan[0].tingkat == "peringatan"
    berkas = tmp_path / "klausul" / "perbup" / "065_cacat.md"
    berkas.write_text(berkas.read_text().replace("() Pemerintah desa", "() Pemerintah Desa"))
    assert not [t for t in perbup_temuan(muat_konfigurasi(tmp_path)) if t.tempat.startswith(f"Pasal {n} ")]


def test_cacat_rujukan(tmp_path):
    hasil = muat_konfigurasi(salin_katingan(tmp_path, "rujukan"))
    n = pasal_cacat(hasil)
    temuan = perbup_temuan(hasil)
    assert di(temuan, f"Pasal {n} ayat (2)", "\"sebagaimana dimaksud dalam ayat (1)\"")
    assert di(temuan, f"Pasal {n} ayat (3)", "bukan \"pada\"")
    assert di(temuan, f"Pasal {n} ayat (4)", "Pasal 99 tidak ada")
    berkas = tmp_path / "klausul" / "perbup" / "065_cacat.md"
    berkas.write_text(berkas.read_text().replace("dimaksud dalam ayat (1)", "dimaksud pada ayat (1)")
                      .replace("pada Pasal 5", "dalam Pasal 5").replace("dalam Pasal 99", "[[kewenangan]]"))
    assert not [t for t in perbup_temuan(muat_konfigurasi(tmp_path)) if t.tempat.startswith(f"Pasal {n} ")]


def test_cacat_bilangan(tmp_path):
    hasil = muat_konfigurasi(salin_katingan(tmp_path, "bilangan"))
    n = pasal_cacat(hasil)
    temuan = perbup_temuan(hasil)
    assert di(temuan, f"Pasal {n} ayat (1)", "\"3 (tiga)\"")
    assert di(temuan, f"Pasal {n} ayat (2)", "seharusnya \"(dua)\"")
    assert di(temuan, f"Pasal {n} ayat (3)", "(satu juta lima ratus ribu rupiah)")
    assert di(temuan, f"Pasal {n} ayat (4)", "\"Rp 750.000\"")
    berkas = tmp_path / "klausul" / "perbup" / "065_cacat.md"
    berkas.write_text(berkas.read_text().replace("3 bulan", "3 (tiga) bulan").replace("2 (tiga)", "2 (dua)")
                      .replace("lima ratus rupiah", "lima ratus ribu rupiah")
                      .replace("Rp 750.000", "Rp750.000,00 (tujuh ratus lima puluh ribu rupiah)"))
    assert not [t for t in perbup_temuan(muat_konfigurasi(tmp_path)) if t.tempat.startswith(f"Pasal {n} ")]


def test_cacat_menimbang_dari_konfigurasi(tmp_path):
    tambah = ("perbup:\n  menimbang:\n    - dalam rangka percepatan penurunan stunting perlu peran Desa\n"
              "    - bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf c perlu pengaturan\n")
    temuan = perbup_temuan(muat_konfigurasi(salin_katingan(tmp_path, tambah=tambah)))
    assert di(temuan, "Menimbang huruf a", "\"bahwa\"")
    assert di(temuan, "Menimbang huruf b", "merujuk huruf c")
    assert not di(temuan, "Menimbang huruf c")


def test_cacat_peraturan_dicabut(tmp_path):
    tambah = "sk_kpm:\n  dasar_hukum:\n    pilih: [uu-6-2014, uu-36-2009]\n"
    pergi = salin_katingan(tmp_path, tambah=tambah)
    temuan = periksa(muat_konfigurasi(pergi)).temuan
    t = [t for t in temuan if "sudah dicabut" in t.pesan]
    assert t and all(x.tingkat == "galat" for x in t)
    baris = next(i for i, b in enumerate((pergi / "kabupaten.yaml").read_text().splitlines(), 1) if "uu-36-2009" in b)
    assert any(f"kabupaten.yaml:{baris}" in x.tempat for x in t), t


# --- data checks ------------------------------------------------------------------------------


def baris_dari(path: Path, potongan: str) -> int:
    return next(i for i, b in enumerate(path.read_text().splitlines(), 1) if potongan in b)


def data_temuan(folder: Path):
    return [t for t in periksa_data(muat_konfigurasi(folder)) if t.dokumen == DOKUMEN_KONFIGURASI]


def tentang_desa(temuan, kode: str, potongan: str) -> list:
    return [t for t in temuan if t.desa and t.desa.startswith(kode) and potongan in t.pesan]


def test_data_katingan_tanpa_galat(tmp_path):
    temuan = data_temuan(salin_katingan(tmp_path))
    assert galat(temuan) == []
    # Katingan's roster holds two desa: the others are listed, grouped per kecamatan
    roster = [t for t in temuan if "belum ada di roster" in t.pesan]
    assert roster and all(t.tingkat == "peringatan" for t in roster)
    assert any("Kecamatan" in t.pesan and "62.06.01.2003" in t.pesan for t in roster)


@pytest.mark.parametrize("lama,baru,potongan,jalur", [
    ("pendidikan: SMA", "pendidikan: SMP", "di bawah pendidikan minimal SLTA", "desa[0].kpm[0].pendidikan"),
    ("alamat: RT 002,", "alamat: RT 002, asal_desa: '62.06.01.2002',", "KPM harus berasal dari Desa setempat",
     "desa[0].kpm[0].asal_desa"),
    ("pengalaman: [Kader Posyandu]", "pengalaman: []", "belum mempunyai pengalaman sebagai kader", "desa[0].kpm[0].pengalaman"),
    ("nama: Natalia Usup", "nama: Hendra Sahay", "Kepala Desa tidak dapat menetapkan dirinya", "desa[0].kpm[0].nama"),
])
def test_data_kelayakan_kpm(tmp_path, lama, baru, potongan, jalur):
    folder = salin_katingan(tmp_path, ganti={lama: baru})
    temuan = data_temuan(folder)
    t = tentang_desa(temuan, "62.06.01.2001", potongan)
    assert len(t) == 1 and t[0].tingkat == "galat"
    assert t[0].tempat.endswith(f"kabupaten.yaml:{baris_dari(folder / 'kabupaten.yaml', 'kpm: [{')}:"
                                f"{t[0].tempat.split(':')[-1].split(' ')[0]} [{jalur}]"), t[0].tempat
    # the good version passes
    assert not tentang_desa(data_temuan(salin_katingan(tmp_path / "baik")), "62.06.01.2001", potongan)


def test_data_kpm_ganda_dan_kepala_desa(tmp_path):
    folder = salin_katingan(tmp_path, ganti={"nama: Agnes Pahu": "nama: Natalia  usup",
                                             "    kepala_desa: {nama: Hendra Sahay}\n": ""})
    temuan = data_temuan(folder)
    ganda = tentang_desa(temuan, "62.06.01.2002", "juga tercatat sebagai KPM desa 62.06.01.2001")
    assert ganda and ganda[0].tingkat == "peringatan"
    assert f"kabupaten.yaml:{baris_dari(folder / 'kabupaten.yaml', 'Natalia  usup')}" in ganda[0].tempat
    tanpa = tentang_desa(temuan, "62.06.01.2001", "Kepala Desa belum diisi")
    assert tanpa and tanpa[0].tingkat == "galat" and "[desa[0]]" in tanpa[0].tempat


def test_data_jumlah_minimal_kpm(tmp_path):
    folder = salin_katingan(tmp_path, ganti={"kpm:\n  insentif:": "kpm:\n  jumlah_minimal_per_desa: 2\n  insentif:"})
    temuan = data_temuan(folder)
    t = [x for x in temuan if "kurang dari jumlah minimal 2 (dua) KPM" in x.pesan]
    assert len(t) == 2 and all(x.tingkat == "galat" for x in t)
    assert f"kabupaten.yaml:{baris_dari(folder / 'kabupaten.yaml', 'Natalia Usup')}" in t[0].tempat


def test_data_apbdes(tmp_path):
    apbdes = {
        "    kpm: [{nama: Natalia": "    apbdes: {pagu: 1000000000, dana_desa: 1200000000, anggaran_stunting: 1300000000}\n"
                                   "    kpm: [{nama: Natalia",
        "    kpm: [{nama: Agnes": "    apbdes:\n      dana_desa: 800000000\n      anggaran_stunting: 100000000\n"
                                 "      stunting: [{kegiatan: PMT, jumlah: 60000000}, {kegiatan: Posyandu, jumlah: 30000000}]\n"
                                 "    kpm: [{nama: Agnes",
    }
    folder = salin_katingan(tmp_path, ganti=apbdes)
    temuan = data_temuan(folder)
    yaml = folder / "kabupaten.yaml"
    t = tentang_desa(temuan, "62.06.01.2001", "lebih besar daripada Dana Desa")
    assert t and t[0].tingkat == "galat" and f"kabupaten.yaml:{baris_dari(yaml, 'pagu: 1000000000')}" in t[0].tempat
    assert tentang_desa(temuan, "62.06.01.2001", "lebih besar daripada pagu APBDes")
    t = tentang_desa(temuan, "62.06.01.2002", "Rp90.000.000,00 tidak sama dengan anggaran_stunting Rp100.000.000,00")
    assert t and f"kabupaten.yaml:{baris_dari(yaml, 'anggaran_stunting: 100000000')}" in t[0].tempat
    # the minimum share of Dana Desa: a warning
    folder = salin_katingan(tmp_path / "min", ganti={
        "    kpm: [{nama: Agnes": "    apbdes: {dana_desa: 800000000, anggaran_stunting: 50000000}\n    kpm: [{nama: Agnes"},
        tambah="apbdes:\n  persen_dana_desa_minimal: 10\n")
    t = tentang_desa(data_temuan(folder), "62.06.01.2002", "kurang dari 10% (sepuluh persen) Dana Desa (Rp80.000.000,00)")
    assert t and t[0].tingkat == "peringatan"
    folder = salin_katingan(tmp_path / "cukup", ganti={
        "    kpm: [{nama: Agnes": "    apbdes: {dana_desa: 800000000, anggaran_stunting: 80000000}\n    kpm: [{nama: Agnes"},
        tambah="apbdes:\n  persen_dana_desa_minimal: 10\n  dasar_persen_dana_desa: kesepakatan rembuk Stunting\n")
    assert not [t for t in data_temuan(folder) if "APBDes" in t.pesan or "Dana Desa" in t.pesan]


def test_data_batas_penetapan(tmp_path):
    folder = salin_katingan(tmp_path, tambah="perbup:\n  batas_penetapan: 2025-07-31\n  tanggal_penetapan: 2025-06-02\n")
    temuan = data_temuan(folder)
    yaml = folder / "kabupaten.yaml"
    t = [x for x in temuan if "31 Juli 2025 melewati bulan Mei 2025" in x.pesan]
    assert t and t[0].tingkat == "peringatan" and f"kabupaten.yaml:{baris_dari(yaml, 'batas_penetapan')}" in t[0].tempat
    t = [x for x in temuan if "2 Juni 2025 melewati bulan Mei 2025" in x.pesan]
    assert t and f"kabupaten.yaml:{baris_dari(yaml, 'tanggal_penetapan')}" in t[0].tempat
    assert not [x for x in data_temuan(salin_katingan(tmp_path / "baik")) if "bulan Mei" in x.pesan]


def test_data_desa_ganda_dan_kelurahan(tmp_path):
    from perbup_gen.konfigurasi.wilayah import DaftarWilayah

    hasil = muat_konfigurasi(salin_katingan(tmp_path))
    kel = next(w for w in DaftarWilayah.muat().keturunan("62.06") if w.tingkat == "kelurahan")
    # rosters merged after loading: muat_konfigurasi refuses these, periksa_data reports them too
    k = hasil.konfigurasi
    k.desa.append(copy.deepcopy(k.desa[0]))
    k.desa.append(Desa(kode=kel.kode, nama=kel.nama, kpm=[KPM(nama="Sari Tuah", jenis_kelamin="P", pendidikan="SLTA",
                                                              alamat="RT 001", pengalaman=["Kader Posyandu"])]))
    temuan = periksa_data(hasil)
    assert [t for t in temuan if "tertulis dua kali" in t.pesan and "desa[2].kode" in t.tempat]
    t = [t for t in temuan if "adalah kelurahan" in t.pesan]
    assert t and t[0].tingkat == "galat" and "desa[3].kpm" in t[0].tempat


# --- the whole check, the report, the CLI glue -------------------------------------------------


def test_gunung_mas_tanpa_galat(gunung_mas):
    laporan = periksa(gunung_mas)  # its speed is measured in bench/, not here
    assert not laporan.ada_galat, laporan.teks()
    # the drafting checks ran on every SK KPM and on both Bupati documents
    assert "SK KPM 114 desa" in laporan.diperiksa
    belum = [t for t in laporan.peringatan if "belum dapat dianggap sudah diperiksa" in t.pesan]
    assert {t.dokumen for t in belum} == {"Peraturan Bupati", "Keputusan Tim Penyusun", "SK KPM (semua desa)"}
    # a finding repeated in every SK KPM is reported once: UU 6/2014 (the numbers of UU 3/2024),
    # PP 43/2014, Perpres 72/2021, Permendagri 111/2014, Permendesa 2/2024
    assert len([t for t in belum if t.dokumen.startswith("SK KPM")]) == 5


def test_laporan_teks_markdown_html():
    laporan = LaporanPeriksa(judul="Hasil pemeriksaan Kabupaten Contoh tahun 2025", temuan=[
        Temuan("galat", "Peraturan Bupati", "Pasal 7 ayat (2) huruf b", "butir diakhiri titik koma (;), bukan ','"),
        Temuan("peringatan", "Konfigurasi", "kabupaten.yaml:12:5 [desa[0].kpm[0].nama]", "KPM <b>Sari</b> & *Tuah*",
               "62.06.01.2001 Tewang Rangas"),
        Temuan("galat", "SK KPM Desa Tewang Rangas", "Diktum KEDUA huruf a", "salah", "62.06.01.2001 Tewang Rangas"),
    ])
    t = laporan.teks()
    assert t.index("GALAT (2)") < t.index("Pasal 7 ayat (2) huruf b") < t.index("PERINGATAN (1)")
    assert "    Desa 62.06.01.2001 Tewang Rangas\n      - kabupaten.yaml:12:5" in t
    assert t.rstrip().endswith("2 galat, 1 peringatan. Perbaiki galat sebelum membuat dokumen.")
    md = laporan.markdown()
    assert "KPM \\<b\\>Sari\\</b\\> &amp; \\*Tuah\\*" in md and "### SK KPM Desa Tewang Rangas" in md
    h = laporan.html()
    assert "KPM &lt;b&gt;Sari&lt;/b&gt; &amp; *Tuah*" in h and "<b>Sari" not in h
    assert laporan.ada_galat and not LaporanPeriksa(temuan=laporan.peringatan).ada_galat
    assert LaporanPeriksa().teks().rstrip().endswith("Tidak ada galat maupun peringatan.")


def test_jalankan_periksa(tmp_path):
    teks_, kode = jalankan_periksa(GUNUNG_MAS, tmp_path / "lap" / "periksa.md", tmp_path / "periksa.html")
    assert kode == 0 and "0 galat" in teks_
    assert (tmp_path / "lap" / "periksa.md").read_text().startswith("# Hasil pemeriksaan Kabupaten Gunung Mas")
    assert "<h1>Hasil pemeriksaan Kabupaten Gunung Mas tahun 2025</h1>" in (tmp_path / "periksa.html").read_text()
    buruk = salin_katingan(tmp_path / "buruk", ganti={"pendidikan: SMA": "pendidikan: SMP"})
    teks_, kode = jalankan_periksa(buruk)
    assert kode == 1 and "di bawah pendidikan minimal SLTA" in teks_


def test_pastikan_lolos(tmp_path):
    hasil = muat_konfigurasi(salin_katingan(tmp_path, ganti={"pendidikan: SMA": "pendidikan: SMP"}))
    with pytest.raises(PemeriksaanGagal) as e:
        pastikan_lolos(hasil)
    assert e.value.kode_keluar == 1 and "--force" in str(e.value) and "SLTP, di bawah" in str(e.value)
    assert pastikan_lolos(hasil, paksa=True).ada_galat


def test_mengingat_perbup_di_sk_kpm(tmp_path, tabel):
    # once the Perbup is numbered, the SK KPM cites it: not in the citation table, yet no warning
    hasil = muat_konfigurasi(salin_katingan(tmp_path, tambah="perbup:\n  nomor: '3'\n"))
    temuan = [t for t in periksa(hasil).temuan if t.dokumen.startswith("SK KPM")]
    assert not [t for t in temuan if "tabel sitasi" in t.pesan or "urutan" in t.pesan], temuan
    # but it stands last: a Perbup before an Undang-Undang is out of order
    dok = dok_baik(tabel)
    dok.pembukaan.mengingat.insert(0, teks("Peraturan Bupati Katingan Nomor 3 Tahun 2025 tentang Peran Desa;"))
    temuan = periksa_naskah(dok, tabel)
    assert di(temuan, "Mengingat angka 2", "harus sebelum") and not di(temuan, "Mengingat angka 1")
