"""The Keputusan forming the Tim Penyusun: examples/gunung-mas read back from the DOCX, the variant
signed by the head of the initiating OPD, the derived membership and district overrides."""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from baca_docx import baca, baca_tabel
from perbup_gen.errors import KlausulError
from perbup_gen.naskah.model import Teks, teks_polos
from perbup_gen.konfigurasi.muat import muat_konfigurasi
from perbup_gen.keluaran.docx import render_docx
from perbup_gen.dokumen.tim_penyusun import anggota_tim, bangun_tim_penyusun

AKAR = Path(__file__).resolve().parent.parent
CONTOH = AKAR / "examples" / "gunung-mas"
DIKTUM = ["KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA"]
TENTANG = ("PEMBENTUKAN TIM PENYUSUN RANCANGAN PERATURAN BUPATI TENTANG PERAN DESA DALAM "
           "PERCEPATAN PENURUNAN STUNTING")


@pytest.fixture(scope="module")
def hasil():
    return muat_konfigurasi(CONTOH)


def _salinan(hasil):
    return dataclasses.replace(hasil, konfigurasi=hasil.konfigurasi.model_copy(deep=True))


def _sesudah(baris, awal, n):
    i = baris.index(awal)
    return baris[i + 1:i + 1 + n]


def test_keputusan_bupati_dibaca_dari_docx(hasil):
    k = hasil.konfigurasi
    docx = render_docx(bangun_tim_penyusun(hasil))
    b = [x.replace("\n", " ") for x in baca(docx)]  # titles: balanced lines (test_cetak.py)
    assert b[:7] == ["BUPATI GUNUNG MAS", "PROVINSI KALIMANTAN TENGAH", "KEPUTUSAN BUPATI GUNUNG MAS",
                     "NOMOR ... TAHUN 2025", "TENTANG", TENTANG, "BUPATI GUNUNG MAS,"]
    assert not any("RAHMAT" in x for x in b)

    menimbang = b[b.index("Menimbang") + 2:b.index("Mengingat")]
    assert len(menimbang) == 3
    assert menimbang[0].startswith("a. bahwa") and "perlu disusun Peraturan Bupati tentang Peran Desa dalam " \
        "Percepatan Penurunan Stunting yang menjadi rujukan bagi Desa" in menimbang[0]
    assert not any("Aksi" in m for m in menimbang)  # no programme jargon in legal text
    assert menimbang[2] == (
        "c. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu "
        "menetapkan Keputusan Bupati tentang Pembentukan Tim Penyusun Rancangan Peraturan Bupati "
        "tentang Peran Desa dalam Percepatan Penurunan Stunting;")

    mengingat = b[b.index("Mengingat") + 2:b.index("MEMUTUSKAN:")]
    assert [m.split(" tentang")[0] for m in mengingat] == [
        "1. Undang-Undang Nomor 5 Tahun 2002",  # the law forming the kabupaten
        "2. Undang-Undang Nomor 12 Tahun 2011",
        "3. Undang-Undang Nomor 6 Tahun 2014",
        "4. Undang-Undang Nomor 23 Tahun 2014",
        "5. Peraturan Pemerintah Nomor 43 Tahun 2014",
        "6. Peraturan Presiden Nomor 72 Tahun 2021",
        "7. Peraturan Menteri Dalam Negeri Nomor 80 Tahun 2015"]  # produk hukum daerah, as amended
    assert mengingat[6].endswith("sebagaimana telah diubah dengan Peraturan Menteri Dalam Negeri Nomor 120 Tahun "
                                 "2018 tentang Perubahan atas Peraturan Menteri Dalam Negeri Nomor 80 Tahun 2015 "
                                 "tentang Pembentukan Produk Hukum Daerah (Berita Negara Republik Indonesia Tahun "
                                 "... Nomor 157);")
    assert _sesudah(b, "Menetapkan", 2) == [":", f"KEPUTUSAN BUPATI TENTANG {TENTANG}."]

    assert [x for x in b if x in DIKTUM + ["KEENAM"]] == DIKTUM
    assert _sesudah(b, "KESATU", 2)[1] == (
        "Membentuk Tim Penyusun Rancangan Peraturan Bupati tentang Peran Desa dalam Percepatan "
        "Penurunan Stunting, yang selanjutnya disebut Tim Penyusun, dengan susunan keanggotaan "
        "sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari "
        "Keputusan Bupati ini.")
    tugas = k.tim_penyusun.tugas
    assert len(tugas) == 8
    kedua = _sesudah(b, "KEDUA", 2 + len(tugas))
    assert kedua[1] == "Tim Penyusun sebagaimana dimaksud dalam Diktum KESATU mempunyai tugas:"
    huruf = "abcdefgh"
    assert kedua[2:] == [f"{huruf[i]}. {t}" + (";" if i < 6 else "; dan" if i == 6 else ".")
                         for i, t in enumerate(tugas)]
    assert _sesudah(b, "KETIGA", 2)[1] == (
        "Dalam melaksanakan tugas sebagaimana dimaksud dalam Diktum KEDUA, Ketua Tim Penyusun "
        "melaporkan perkembangan pelaksanaan tugas kepada Bupati Gunung Mas melalui Sekretaris Daerah.")
    keempat = _sesudah(b, "KEEMPAT", 2)[1]
    assert "dibebankan pada Anggaran Pendapatan dan Belanja Daerah Kabupaten Gunung Mas Tahun " \
           "Anggaran 2025 melalui Dokumen Pelaksanaan Anggaran Dinas Pemberdayaan Masyarakat dan " \
           "Desa." in keempat
    assert _sesudah(b, "KELIMA", 2)[1] == "Keputusan Bupati ini mulai berlaku pada tanggal ditetapkan."

    i = b.index("Ditetapkan di Kuala Kurun")
    assert b[i + 1:i + 4] == ["pada tanggal 20 Januari 2025", "BUPATI GUNUNG MAS,",
                              "YOHANES RANYING BAHEN"]
    # the Bupati's decree has its tembusan too (clauses/tim_penyusun/penutup.yaml)
    assert _sesudah(b, "Tembusan:", 4) == [
        "1. Sekretaris Daerah Kabupaten Gunung Mas;", "2. Inspektur Kabupaten Gunung Mas;",
        "3. Kepala Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Gunung Mas;",
        "4. Anggota Tim Penyusun yang bersangkutan."]

    j = b.index("LAMPIRAN")
    assert b[j:j + 6] == ["LAMPIRAN", "KEPUTUSAN BUPATI GUNUNG MAS", "NOMOR ... TAHUN 2025", "TENTANG",
                          TENTANG, "SUSUNAN KEANGGOTAAN TIM PENYUSUN RANCANGAN PERATURAN BUPATI "
                          "TENTANG PERAN DESA DALAM PERCEPATAN PENURUNAN STUNTING"]
    tabel = baca_tabel(docx)[-1]  # the paraf box stands before the Lampiran, on the signature page
    # members from outside the government are named with their institution; dots mark what the
    # draft still lacks (check warns)
    assert tabel[0] == ["No", "Kedudukan dalam Tim", "Jabatan", "Nama"]
    assert tabel[2][1:] == ["Ketua", "Kepala Dinas Pemberdayaan Masyarakat dan Desa", "-"]
    assert tabel[9][2:] == ["Ketua Tim Penggerak PKK Kabupaten Gunung Mas", "..."]
    assert tabel[11][2:] == ["Dosen pada Universitas Palangka Raya", "..."]
    assert len(tabel) == 1 + len(k.tim_penyusun.anggota)
    assert b[-2:] == ["BUPATI GUNUNG MAS,", "YOHANES RANYING BAHEN"]
    # the paraf-koordinasi box on the signature page: the order the checklist tracks (section B)
    assert b.index("PARAF KOORDINASI") < b.index("LAMPIRAN")
    assert baca_tabel(docx)[-2] == [["No", "Jabatan", "Nama", "Paraf", "Tanggal"],
                                    ["1", "Kepala Bagian Hukum", "Debora Lisanti", "", ""],
                                    ["2", "Kepala Dinas Pemberdayaan Masyarakat dan Desa", "Agustinus Luwan", "", ""],
                                    ["3", "Sekretaris Daerah", "Marthen Luther Dinata", "", ""]]


def test_nomor_dan_tahun(hasil):
    h = _salinan(hasil)
    h.konfigurasi.tim_penyusun.nomor = "188.45/12/2025"
    h.konfigurasi.tim_penyusun.tanggal = dt.date(2026, 1, 5)
    dok = bangun_tim_penyusun(h)
    assert dok.judul.nomor == "NOMOR 188.45/12/2025 TAHUN 2026"
    assert dok.lampiran[0].kepala[2] == "NOMOR 188.45/12/2025 TAHUN 2026"
    assert dok.penutup.ditetapkan.tanggal == "5 Januari 2026"


def test_keanggotaan_diturunkan_dari_opd(hasil):
    h = _salinan(hasil)
    k = h.konfigurasi
    k.tim_penyusun.anggota = []
    anggota = anggota_tim(k)
    assert [(a.jabatan_tim, a.jabatan) for a in anggota[:2]] == [
        ("Ketua", "Kepala Dinas Pemberdayaan Masyarakat dan Desa"),
        ("Sekretaris", "Kepala Bagian Hukum Sekretariat Daerah")]
    lain = [o for o in k.opd if o.kode != "dpmd"]
    assert [(a.jabatan_tim, a.jabatan) for a in anggota[2:]] == [("Anggota", f"Kepala {o.nama}") for o in lain]
    tabel = baca_tabel(render_docx(bangun_tim_penyusun(h)))[-1]
    assert len(tabel) == 1 + 2 + len(lain)
    assert tabel[3] == ["3", "Anggota", "Kepala Badan Perencanaan Pembangunan Daerah, Penelitian dan "
                        "Pengembangan"]
    # named members of their own institution
    k.tim_penyusun.anggota = [a.model_copy() for a in hasil.konfigurasi.tim_penyusun.anggota]
    k.tim_penyusun.anggota[-1].nama = "Dr. Maria Ulan"
    tabel = baca_tabel(render_docx(bangun_tim_penyusun(h)))[-1]
    assert tabel[-1][2:] == ["Dosen pada Universitas Palangka Raya", "Dr. Maria Ulan"]


def test_ditetapkan_kepala_opd(hasil):
    h = _salinan(hasil)
    h.konfigurasi.tim_penyusun.ditetapkan_oleh = "kepala_opd"
    dok = bangun_tim_penyusun(h)
    b = [x.replace("\n", " ") for x in baca(render_docx(dok))]  # balanced title lines
    jabatan = "KEPALA DINAS PEMBERDAYAAN MASYARAKAT DAN DESA KABUPATEN GUNUNG MAS"
    assert b[:7] == ["PEMERINTAH KABUPATEN GUNUNG MAS", "DINAS PEMBERDAYAAN MASYARAKAT DAN DESA",
                     f"KEPUTUSAN {jabatan}", "NOMOR ... TAHUN 2025", "TENTANG", TENTANG, f"{jabatan},"]
    assert _sesudah(b, "Menetapkan", 2)[1] == \
        f"KEPUTUSAN KEPALA DINAS PEMBERDAYAAN MASYARAKAT DAN DESA TENTANG {TENTANG}."
    menimbang = b[b.index("Menimbang") + 2:b.index("Mengingat")]
    assert "perlu menetapkan Keputusan Kepala Dinas Pemberdayaan Masyarakat dan Desa tentang " \
           "Pembentukan Tim Penyusun" in menimbang[-1]
    assert _sesudah(b, "KELIMA", 2)[1] == ("Keputusan Kepala Dinas Pemberdayaan Masyarakat dan Desa "
                                           "ini mulai berlaku pada tanggal ditetapkan.")
    i = b.index("Ditetapkan di Kuala Kurun")
    assert b[i + 1:i + 5] == ["pada tanggal 20 Januari 2025", f"{jabatan},", "Agustinus Luwan",
                              "NIP. 197208171998031007"]
    assert _sesudah(b, "Tembusan:", 3) == ["1. Bupati Gunung Mas;",
                                           "2. Sekretaris Daerah Kabupaten Gunung Mas;",
                                           "3. Anggota Tim Penyusun yang bersangkutan."]
    j = b.index("LAMPIRAN")
    assert b[j + 1] == f"KEPUTUSAN {jabatan}"
    assert b[:b.index("PARAF KOORDINASI")][-1] == "3. Anggota Tim Penyusun yang bersangkutan."
    assert b.index("PARAF KOORDINASI") < j
    # initialled inside the OPD: its own Kepala Bidang and Sekretaris
    assert [r[1] for r in baca_tabel(render_docx(dok))[-2][1:]] == [
        "Kepala Bidang yang membidangi pemberdayaan masyarakat desa pada Dinas Pemberdayaan Masyarakat dan Desa",
        "Sekretaris Dinas Pemberdayaan Masyarakat dan Desa"]


def test_istilah_asing_miring(hasil):
    dok = bangun_tim_penyusun(hasil)
    kesatu = dok.batang_tubuh[0].isi
    assert any(isinstance(x, Teks) and x.miring and x.teks == "Stunting" for x in kesatu)
    assert [d.nomor for d in dok.batang_tubuh] == DIKTUM


def test_klausul_kabupaten_menggantikan(hasil, tmp_path):
    folder = tmp_path / "klausul" / "tim_penyusun"
    folder.mkdir(parents=True)
    (folder / "pembukaan.yaml").write_text(
        "menimbang:\n  - bahwa {{ kabupaten }} memerlukan Tim Penyusun\n", encoding="utf-8")
    h = dataclasses.replace(_salinan(hasil), folder=tmp_path)
    h.konfigurasi.folder_klausul = "klausul"
    dok = bangun_tim_penyusun(h)
    assert [teks_polos(x) for x in dok.pembukaan.menimbang] == [
        "bahwa Kabupaten Gunung Mas memerlukan Tim Penyusun;",
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan "
        "Keputusan Bupati tentang Pembentukan Tim Penyusun Rancangan Peraturan Bupati tentang "
        "Peran Desa dalam Percepatan Penurunan Stunting;"]

    (folder / "dasar_hukum.yaml").write_text("# kunci\npilih:\n  - uu-6-2014\n  - uu-99-2099\n",
                                             encoding="utf-8")
    with pytest.raises(KlausulError) as e:
        bangun_tim_penyusun(h)
    assert "dasar_hukum.yaml:4" in str(e.value) and "uu-99-2099" in str(e.value)

    (folder / "dasar_hukum.yaml").write_text("pilih: [uu-6-2014]\n", encoding="utf-8")
    mengingat = [teks_polos(x) for x in bangun_tim_penyusun(h).pembukaan.mengingat]
    assert [m.split(" tentang")[0] for m in mengingat] == ["Undang-Undang Nomor 5 Tahun 2002",
                                                         "Undang-Undang Nomor 6 Tahun 2014"]

    (folder / "pembukaan.yaml").write_text("menimbang:\n  - bahwa {{ tidak_ada }}\n", encoding="utf-8")
    with pytest.raises(KlausulError, match="pembukaan.yaml:2"):
        bangun_tim_penyusun(h)
