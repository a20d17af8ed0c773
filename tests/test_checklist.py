"""The paraf-koordinasi checklist, the stage schedule and the status file (perbup_gen.dokumen.checklist,
perbup_gen.dokumen.jadwal, .paraf, perbup_gen.proses.status) on the Gunung Mas and Katingan examples."""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
import shutil
from pathlib import Path

import pytest

from baca_docx import baca, baca_tabel, properti
from perbup_gen.dokumen.checklist import bangun_checklist, baris_paraf
from perbup_gen.errors import ConfigError, KlausulError
from perbup_gen.naskah.model import Alinea, Tabel, teks_polos
from perbup_gen.konfigurasi.muat import muat_konfigurasi
from perbup_gen.keluaran.docx import render_docx
from perbup_gen.keluaran.teks import render_markdown
from perbup_gen.dokumen.jadwal import hitung_target, jadwal, semua_langkah
from perbup_gen.dokumen.paraf import urutan_paraf
from perbup_gen.konfigurasi.status import StatusProses
from perbup_gen.proses.status import catat_paraf, catat_tahap, laporan_status, muat_status, ringkas_status

CONTOH = Path(__file__).resolve().parent.parent / "examples"
D = dt.date


@pytest.fixture
def gm(tmp_path):
    """A copy of the Gunung Mas config in a temporary folder (status.yaml is written beside it)."""
    folder = tmp_path / "gunung-mas"
    shutil.copytree(CONTOH / "gunung-mas", folder)
    (folder / "status.yaml").unlink(missing_ok=True)
    return muat_konfigurasi(folder)


@pytest.fixture
def katingan(tmp_path):
    folder = tmp_path / "katingan"
    shutil.copytree(CONTOH / "katingan", folder)
    return muat_konfigurasi(folder)


def tulis_status(hasil, teks: str) -> Path:
    path = hasil.folder / "status.yaml"
    path.write_text(teks, encoding="utf-8")
    return path


def tabel(dok) -> list[Tabel]:
    return [b for b in dok.isi if isinstance(b, Tabel)]


def langkah(hasil) -> dict:
    return {l.kode: l for l in semua_langkah(jadwal(hasil))}


# --- paraf order ---------------------------------------------------------------------------------


def test_paraf_perbup_gunung_mas_mengikuti_konfigurasi(gm):
    rows = [(p.jabatan, p.nama) for p in urutan_paraf(gm.konfigurasi, "perbup")]
    assert rows == [
        ("Kepala Bagian Hukum", "Debora Lisanti"),
        ("Kepala Dinas Pemberdayaan Masyarakat dan Desa", "Agustinus Luwan"),
        ("Kepala Dinas Kesehatan", "Lusiana Ampung"),
        ("Asisten Pemerintahan dan Kesejahteraan Rakyat", "Rinie Handayani"),
        ("Sekretaris Daerah", "Marthen Luther Dinata"),
    ]


def test_paraf_bawaan_tanpa_daftar_di_konfigurasi(katingan):
    k = katingan.konfigurasi
    assert not k.paraf_koordinasi and not k.pejabat.asisten
    assert [(p.jabatan, p.nama) for p in urutan_paraf(k, "perbup")] == [
        ("Kepala Bagian Hukum", "Maria Ulina"),
        ("Kepala Dinas Pemberdayaan Masyarakat dan Desa", "Yulius Anggen"),
        ("Sekretaris Daerah", "Pransiskus Hadiyanto"),
    ]


def test_paraf_bawaan_memuat_setiap_asisten_sebelum_sekda(gm):
    k = gm.konfigurasi
    k.paraf_koordinasi = []
    assert [p.jabatan for p in urutan_paraf(k, "perbup")] == [
        "Kepala Bagian Hukum", "Kepala Dinas Pemberdayaan Masyarakat dan Desa",
        "Asisten Pemerintahan dan Kesejahteraan Rakyat", "Sekretaris Daerah"]


def test_nama_yang_tidak_ditulis_diisi_dari_pejabat_yang_dikenal(gm):
    k = gm.konfigurasi
    for p in k.paraf_koordinasi:
        p.nama = None
    assert [p.nama for p in urutan_paraf(k, "perbup")] == [
        "Debora Lisanti", "Agustinus Luwan", "Lusiana Ampung", "Rinie Handayani", "Marthen Luther Dinata"]


def test_paraf_keputusan_tim_penyusun(gm):
    k = gm.konfigurasi
    assert [(p.jabatan, p.nama) for p in urutan_paraf(k, "tim_penyusun")] == [
        ("Kepala Bagian Hukum", "Debora Lisanti"),
        ("Kepala Dinas Pemberdayaan Masyarakat dan Desa", "Agustinus Luwan"),
        ("Sekretaris Daerah", "Marthen Luther Dinata"),
    ]
    k.tim_penyusun.ditetapkan_oleh = "kepala_opd"
    rows = urutan_paraf(k, "tim_penyusun")
    assert [p.jabatan for p in rows] == [
        "Kepala Bidang yang membidangi pemberdayaan masyarakat desa pada Dinas Pemberdayaan Masyarakat dan Desa",
        "Sekretaris Dinas Pemberdayaan Masyarakat dan Desa"]
    assert all(p.nama == "" for p in rows)
    dok = bangun_checklist(gm, StatusProses())
    teks = [teks_polos(b.isi) for b in dok.isi if isinstance(b, Alinea)]
    assert ("Keputusan ditetapkan oleh Kepala Dinas Pemberdayaan Masyarakat dan Desa; paraf koordinasi "
            "oleh pejabat Dinas Pemberdayaan Masyarakat dan Desa sendiri.") in teks
    assert tabel(dok)[1].baris[1][1] == "Sekretaris Dinas Pemberdayaan Masyarakat dan Desa"


# --- schedule ------------------------------------------------------------------------------------


def test_target_dihitung_mundur_dari_31_mei(gm):
    assert gm.konfigurasi.batas_penetapan == D(2025, 5, 31)
    l = langkah(gm)
    assert l["t1-tim"].target == D(2025, 1, 24)  # 18 weeks before (Sat 25) -> Friday
    assert l["t1-hukum"].target == D(2025, 3, 21)
    assert l["t2-konsultasi"].target == D(2025, 4, 25)
    assert l["t3-paraf"].target == D(2025, 5, 9)
    assert l["t3-tandatangan"].target == D(2025, 5, 23)
    assert l["t3-pengundangan"].target == D(2025, 5, 30)  # 31 Mei 2025 is a Saturday
    assert l["t3-sosialisasi"].target == D(2025, 6, 27)  # after the deadline
    assert l["a5-sk-kpm"].target == D(2025, 5, 30)
    # the juknis order: targets never go back in time within Aksi 4
    aksi4 = [x.target for x in semua_langkah(jadwal(gm)) if not x.kode.startswith("a5")]
    assert aksi4 == sorted(aksi4)


def test_tahap_dan_langkah_dari_juknis(gm):
    t = jadwal(gm)
    assert [x.nama for x in t] == [
        "Tahap 1: Penyusunan Rancangan Peraturan Bupati",
        "Tahap 2: Pembahasan Rancangan Peraturan Bupati",
        "Tahap 3: Penetapan dan Sosialisasi Peraturan Bupati",
        "Aksi 5: Pembinaan Kader Pembangunan Manusia",
    ]
    assert [[l.kode for l in x.langkah] for x in t] == [
        ["t1-tim", "t1-reviu", "t1-lingkup", "t1-rancangan", "t1-hukum"],
        ["t2-harmonisasi", "t2-sekda", "t2-opd", "t2-konsultasi"],
        ["t3-final", "t3-paraf", "t3-ajukan", "t3-tandatangan", "t3-pengundangan", "t3-sosialisasi"],
        ["a5-sk-kpm"],
    ]
    l = langkah(gm)
    assert l["t1-tim"].penanggung_jawab == "Kepala Dinas Pemberdayaan Masyarakat dan Desa"
    assert l["t3-tandatangan"].penanggung_jawab == "Bupati Gunung Mas"
    assert l["t3-pengundangan"].uraian == "Pengundangan dalam Berita Daerah Kabupaten Gunung Mas"
    assert l["a5-sk-kpm"].penanggung_jawab == "Kepala Desa, difasilitasi Dinas PMD"


def test_batas_penetapan_dari_konfigurasi(gm):
    gm.konfigurasi.perbup.batas_penetapan = D(2025, 5, 15)
    l = langkah(gm)
    assert l["t1-tim"].target == D(2025, 1, 9)
    assert l["t3-pengundangan"].target == D(2025, 5, 15)


def test_hitung_target():
    b = D(2025, 5, 31)
    assert hitung_target("3 hari sebelum", b) == D(2025, 5, 28)
    assert hitung_target("2  Minggu sesudah", b) == D(2025, 6, 13)
    assert hitung_target("batas", b) == D(2025, 5, 30)  # Saturday -> Friday
    assert hitung_target("batas", D(2025, 5, 28)) == D(2025, 5, 28)
    with pytest.raises(ValueError, match="tidak dikenal"):
        hitung_target("dua minggu sebelum", b)


def test_tahapan_kabupaten_yang_rusak_dilaporkan_dengan_baris(gm):
    folder = gm.folder
    utama = folder / "kabupaten.yaml"
    utama.write_text(utama.read_text(encoding="utf-8") + "\nfolder_klausul: klausul\n", encoding="utf-8")
    (folder / "klausul").mkdir()
    (folder / "klausul" / "tahapan.yaml").write_text(
        "tahap:\n"
        "  - nama: Tahap 1\n"
        "    langkah:\n"
        "      - kode: t1-tim\n"
        "        uraian: Pembentukan Tim\n"
        "        penanggung_jawab: '{kepala_pemrakarsa}'\n"
        "        target: sepuluh minggu sebelum\n", encoding="utf-8")
    hasil = muat_konfigurasi(folder)
    with pytest.raises(KlausulError) as e:
        jadwal(hasil)
    assert "tahapan.yaml:7:" in str(e.value) and "sepuluh minggu sebelum" in str(e.value)
    (folder / "klausul" / "tahapan.yaml").write_text(
        "tahap:\n  - nama: Tahap 1\n    langkah:\n"
        "      - {kode: t1-tim, uraian: Pembentukan Tim, penanggung_jawab: '{kadis}', target: batas}\n",
        encoding="utf-8")
    with pytest.raises(KlausulError, match=r"tahapan\.yaml:4:.*\{kadis\} tidak dikenal"):
        jadwal(hasil)


# --- the checklist document ----------------------------------------------------------------------


def test_checklist_gunung_mas_tanpa_status(gm):
    dok = bangun_checklist(gm, muat_status(gm))
    assert dok.jenis == "naskah"
    assert dok.judul.jenis == "DAFTAR PERIKSA PARAF KOORDINASI DAN JADWAL TAHAPAN"
    assert dok.judul.nomor == ""
    assert dok.judul.tentang == ("PENYUSUNAN PERATURAN BUPATI GUNUNG MAS TENTANG PERAN DESA DALAM "
                                 "PERCEPATAN PENURUNAN STUNTING")
    paraf, tim, *tahap = tabel(dok)
    assert dok.mendatar  # landscape: wide columns, a date on one line
    assert paraf.kepala == ["No", "Jabatan", "Nama", "Paraf", "Tanggal"]
    assert paraf.baris == [
        ["1", "Kepala Bagian Hukum", "Debora Lisanti", "", ""],
        ["2", "Kepala Dinas Pemberdayaan Masyarakat dan Desa", "Agustinus Luwan", "", ""],
        ["3", "Kepala Dinas Kesehatan", "Lusiana Ampung", "", ""],
        ["4", "Asisten Pemerintahan dan Kesejahteraan Rakyat", "Rinie Handayani", "", ""],
        ["5", "Sekretaris Daerah", "Marthen Luther Dinata", "", ""],
    ]
    assert [r[1] for r in tim.baris] == ["Kepala Bagian Hukum", "Kepala Dinas Pemberdayaan Masyarakat dan Desa",
                                          "Sekretaris Daerah"]
    # one table per stage; its heading row names the stage (repeated on every page it runs onto)
    assert [t.kepala for t in tahap] == [[t.nama, "Penanggung jawab", "Target", "Status"] for t in jadwal(gm)]
    assert [t.kepala[0].split(":")[0] for t in tahap] == ["Tahap 1", "Tahap 2", "Tahap 3", "Aksi 5"]
    baris = [r for t in tahap for r in t.baris]
    semua = semua_langkah(jadwal(gm))
    assert len(baris) == len(semua) == 16
    for row, l in zip(baris, semua):
        assert row == [l.uraian, l.penanggung_jawab, row[2], "belum"]  # no date given: nothing late
    targets = {r[0]: r[2] for r in baris}
    assert targets["Penyampaian rancangan Peraturan Bupati kepada Bagian Hukum"] == "21 Maret 2025"
    assert targets["Penandatanganan Peraturan Bupati"] == "23 Mei 2025"
    assert targets["Sosialisasi dan penyebarluasan Peraturan Bupati sampai ke desa"] == "27 Juni 2025"
    assert any("Batas penetapan Peraturan Bupati: 31 Mei 2025" in teks_polos(b.isi)
               for b in dok.isi if isinstance(b, Alinea))
    assert not any("Keadaan per" in teks_polos(b.isi) for b in dok.isi if isinstance(b, Alinea))


def test_terlambat_seperti_status(gm):
    """With a date, a step not finished by its target is "terlambat", as `perbup-gen status` says."""
    tulis_status(gm, STATUS_GM)
    per = dt.date(2025, 4, 1)
    dok = bangun_checklist(gm, muat_status(gm), per=per)
    status = {r[0]: r[3] for t in tabel(dok)[2:] for r in t.baris}
    l = langkah(gm)
    assert status[l["t1-lingkup"].uraian] == "terlambat (lewat 39 hari dari target)"  # 21 Februari
    assert status[l["t1-reviu"].uraian] == "selesai 10 Februari 2025"  # finished: never late
    assert status[l["t2-harmonisasi"].uraian] == "belum"  # target 4 April: not yet
    r = ringkas_status(gm, per)
    assert {x.langkah.uraian for x in r.terlambat} == {
        u for u, v in status.items() if v.startswith("terlambat")}
    assert any(teks_polos(b.isi).startswith("Keadaan per 1 April 2025")
               for b in dok.isi if isinstance(b, Alinea))


STATUS_GM = """\
# catatan tangan
paraf:
  perbup:
    - {jabatan: Kepala Bagian Hukum, tanggal: 2025-04-20}
    - jabatan: kepala dinas pemberdayaan masyarakat dan desa
      tanggal: 2025-04-22
      oleh: Yohana Sari
  tim_penyusun:
    - {jabatan: Sekretaris Daerah, tanggal: 2025-01-18}
tahapan:
  t1-tim: {selesai: 2025-01-20, catatan: Keputusan Bupati Nomor 12 Tahun 2025}
  t1-reviu:
    selesai: 2025-02-10
  t2-sekda: 2025-04-12
"""


def test_status_mengisi_baris(gm):
    tulis_status(gm, STATUS_GM)
    dok = bangun_checklist(gm, muat_status(gm))
    paraf, tim, *tahap = tabel(dok)
    assert paraf.baris[0] == ["1", "Kepala Bagian Hukum", "Debora Lisanti", "sudah", "20 April 2025"]
    assert paraf.baris[1] == ["2", "Kepala Dinas Pemberdayaan Masyarakat dan Desa", "Yohana Sari", "sudah",
                              "22 April 2025"]
    assert paraf.baris[2] == ["3", "Kepala Dinas Kesehatan", "Lusiana Ampung", "", ""]
    assert tim.baris[2] == ["3", "Sekretaris Daerah", "Marthen Luther Dinata", "sudah", "18 Januari 2025"]
    assert tim.baris[0][3:] == ["", ""]
    status = {r[0]: r[3] for t in tahap for r in t.baris}
    assert status[langkah(gm)["t1-tim"].uraian] == "selesai 20 Januari 2025; Keputusan Bupati Nomor 12 Tahun 2025"
    assert status[langkah(gm)["t1-reviu"].uraian] == "selesai 10 Februari 2025"
    assert status[langkah(gm)["t2-sekda"].uraian] == "selesai 12 April 2025"  # shorthand form
    assert status[langkah(gm)["t1-lingkup"].uraian] == "belum"
    assert sum(v.startswith("selesai") for v in status.values()) == 3
    # the same rows are available for the Perbup's own paraf box
    box = baris_paraf(gm, "perbup", muat_status(gm))
    assert (box[0].jabatan, box[0].paraf, box[0].tanggal) == ("Kepala Bagian Hukum", "sudah", "20 April 2025")


def test_status_kosong_atau_hanya_komentar(gm):
    assert muat_status(gm) == StatusProses()
    tulis_status(gm, "# belum ada\n\n")
    assert muat_status(gm) == StatusProses()
    tulis_status(gm, "paraf:\ntahapan:\n")
    assert muat_status(gm) == StatusProses()


@pytest.mark.parametrize("isi, baris, pesan", [
    ("tahapan:\n  t1-tim: {selesai: 2025-01-20}\n  t9-salah:\n    selesai: 2025-02-01\n", 3,
     "kode langkah 't9-salah' tidak dikenal"),
    ("tahapan:\n  t1-tim: {selesai: 2025-13-40}\n", 2, "tanggal tidak sah"),
    ("tahapan:\n  t1-tim:\n    selesai: 20-01-2025\n", 3, "harus berupa tanggal TTTT-BB-HH"),
    ("tahapan:\n  t1-tim: {selesai: 2025-01-20}\n  t1-tim: {selesai: 2025-01-21}\n", 3,
     "kunci 't1-tim' ditulis dua kali (pertama di baris 2)"),
    ("paraf:\n  perbup:\n    - {jabatan: Kepala Bagian Hukum, tanggal: 2025-04-20}\n"
     "    - {jabatan: Camat Kurun, tanggal: 2025-04-21}\n", 4,
     "jabatan 'Camat Kurun' tidak ada dalam urutan paraf Rancangan Peraturan Bupati"),
    ("paraf:\n  perbup:\n    - {jabatan: Sekretaris Daerah, tanggal: 2025-04-20}\n"
     "    - {jabatan: sekretaris daerah, tanggal: 2025-04-21}\n", 4, "tertulis dua kali"),
    ("paraf:\n  perbup:\n    - {jabatan: Sekretaris Daerah}\n", 3, "wajib diisi"),
    ("paraf:\n  sk_kpm: []\n", 2, "kolom tidak dikenal"),
    ("tahapan:\n  t1-tim: {selesai: 2052-01-20}\n", 2, "jauh dari tahun konfigurasi 2025"),
])
def test_status_yang_salah(gm, isi, baris, pesan):
    tulis_status(gm, isi)
    with pytest.raises(ConfigError) as e:
        muat_status(gm)
    assert f"status.yaml:{baris}" in str(e.value)
    assert pesan in str(e.value)
    with pytest.raises(ConfigError):  # the checklist refuses a broken status file too
        bangun_checklist(gm, muat_status(gm))


def test_status_beberapa_masalah_sekaligus(gm):
    tulis_status(gm, "tahapan:\n  t0-x: {selesai: 2025-01-20}\n  t0-y: {selesai: 2025-01-20}\n")
    with pytest.raises(ConfigError) as e:
        muat_status(gm)
    assert len(e.value.masalah) == 2
    assert [m.lokasi.baris for m in e.value.masalah] == [2, 3]


# --- recording -----------------------------------------------------------------------------------


def test_catat_tahap_dan_paraf(gm):
    path = gm.folder / "status.yaml"
    catat_tahap(gm, "t1-reviu", D(2025, 2, 10))
    catat_tahap(gm, "t1-tim", D(2025, 1, 20), catatan="Keputusan Bupati Nomor 12 Tahun 2025")
    catat_paraf(gm, "perbup", "kepala bagian hukum", D(2025, 4, 20))
    catat_paraf(gm, "tim_penyusun", "Sekretaris Daerah", D(2025, 1, 18), oleh="Plh. Sekretaris Daerah")
    teks = path.read_text(encoding="utf-8")
    assert teks.startswith("# Status penyusunan Peraturan Bupati")
    # steps in schedule order, the office in its spelling from the paraf order
    assert teks.index("t1-tim:") < teks.index("t1-reviu:")
    assert "jabatan: Kepala Bagian Hukum" in teks
    assert "2025-04-20" in teks
    s = muat_status(gm)
    assert s.selesai("t1-tim") == D(2025, 1, 20)
    assert s.tahapan["t1-tim"].catatan == "Keputusan Bupati Nomor 12 Tahun 2025"
    assert s.cari_paraf("tim_penyusun", "SEKRETARIS DAERAH").oleh == "Plh. Sekretaris Daerah"
    # recording again replaces, keeps the note; None removes
    catat_tahap(gm, "t1-tim", D(2025, 1, 21))
    catat_paraf(gm, "perbup", "Kepala Bagian Hukum", D(2025, 4, 25))
    s = muat_status(gm)
    assert s.tahapan["t1-tim"].selesai == D(2025, 1, 21)
    assert s.tahapan["t1-tim"].catatan == "Keputusan Bupati Nomor 12 Tahun 2025"
    assert [c.tanggal for c in s.paraf.perbup] == [D(2025, 4, 25)]
    catat_tahap(gm, "t1-reviu", None)
    catat_paraf(gm, "perbup", "Kepala Bagian Hukum", None)
    s = muat_status(gm)
    assert "t1-reviu" not in s.tahapan and s.paraf.perbup == []
    assert [p.name for p in gm.folder.iterdir() if p.name.startswith(".status")] == []  # no temp file left


def test_catat_menolak_kode_dan_jabatan_asing(gm):
    with pytest.raises(ConfigError, match="kode langkah 't1-x' tidak dikenal"):
        catat_tahap(gm, "t1-x", D(2025, 1, 20))
    with pytest.raises(ConfigError, match="jabatan 'Bupati' tidak ada dalam urutan paraf"):
        catat_paraf(gm, "perbup", "Bupati", D(2025, 1, 20))
    with pytest.raises(ConfigError, match="dokumen 'sk_kpm' tidak dikenal"):
        catat_paraf(gm, "sk_kpm", "Sekretaris Daerah", D(2025, 1, 20))
    assert not (gm.folder / "status.yaml").exists()


def test_catat_mempertahankan_status_yang_ada(gm):
    tulis_status(gm, STATUS_GM)
    sebelum = muat_status(gm)
    catat_tahap(gm, "t2-opd", D(2025, 4, 19))
    sesudah = muat_status(gm)
    assert sesudah.paraf == sebelum.paraf
    assert {k: v for k, v in sesudah.tahapan.items() if k != "t2-opd"} == sebelum.tahapan
    assert sesudah.selesai("t2-opd") == D(2025, 4, 19)


# --- the report ----------------------------------------------------------------------------------


def test_laporan_status(gm):
    tulis_status(gm, STATUS_GM)
    per = D(2025, 3, 1)
    r = ringkas_status(gm, per)
    assert [x.langkah.kode for x in r.selesai] == ["t1-tim", "t1-reviu", "t2-sekda"]
    assert [x.langkah.kode for x in r.terlambat] == ["t1-lingkup"]  # target 21 Februari 2025
    lap = laporan_status(gm, per)
    baris = lap.splitlines()
    assert baris[1] == "Batas penetapan: 31 Mei 2025; keadaan per 1 Maret 2025"
    assert baris[-1] == "3 dari 16 langkah selesai, 13 belum; 1 langkah terlambat."
    teks = {re.sub(r"\s+", " ", b).strip() for b in baris}
    assert any(b.startswith("[selesai] t1-tim ") for b in teks)
    assert any(b.startswith("[TERLAMBAT] t1-lingkup ") for b in teks)
    assert any(b.startswith("[belum] t1-rancangan ") for b in teks)
    assert "target 21 Februari 2025; Tim Penyusun; lewat 8 hari dari target" in teks
    assert "target 24 Januari 2025; Kepala Dinas Pemberdayaan Masyarakat dan Desa; selesai 20 Januari 2025; Keputusan Bupati Nomor 12 Tahun 2025" in teks
    assert "1. [sudah] Kepala Bagian Hukum (Debora Lisanti): 20 April 2025" in teks
    assert "2. [sudah] Kepala Dinas Pemberdayaan Masyarakat dan Desa (Yohana Sari): 22 April 2025" in teks
    assert "3. [belum] Kepala Dinas Kesehatan (Lusiana Ampung)" in teks
    # grouped by stage, in order
    assert [b for b in baris if b.startswith(("Tahap", "Aksi"))] == [t.nama for t in jadwal(gm)]
    # a target reached on the report date itself is not yet overdue
    assert [x.langkah.kode for x in ringkas_status(gm, D(2025, 2, 21)).terlambat] == []
    # late in the year everything unfinished is overdue
    lap = laporan_status(gm, D(2025, 7, 1))
    assert lap.splitlines()[-1] == "3 dari 16 langkah selesai, 13 belum; 13 langkah terlambat."


def test_laporan_tanpa_terlambat(gm):
    assert laporan_status(gm, D(2025, 1, 2)).splitlines()[-1] == (
        "0 dari 16 langkah selesai, 16 belum; tidak ada langkah yang terlambat.")


# --- determinism and rendering -------------------------------------------------------------------


def test_deterministik(gm):
    tulis_status(gm, STATUS_GM)
    a, b = bangun_checklist(gm, muat_status(gm)), bangun_checklist(gm, muat_status(gm))
    assert a == b
    assert render_markdown(a) == render_markdown(b)
    assert render_docx(a) == render_docx(b)
    md = render_markdown(a)
    assert not re.search(r"\d{1,2}:\d{2}", md)  # no clock time
    assert "hari ini" not in md.lower()


def test_markdown(gm):
    tulis_status(gm, STATUS_GM)
    md = render_markdown(bangun_checklist(gm, muat_status(gm))).replace("\u00a0", " ")
    assert "# DAFTAR PERIKSA PARAF KOORDINASI DAN JADWAL TAHAPAN" in md
    assert "**PENYUSUNAN PERATURAN BUPATI GUNUNG MAS TENTANG PERAN DESA DALAM PERCEPATAN PENURUNAN STUNTING**" in md
    assert "#### A. Paraf Koordinasi Rancangan Peraturan Bupati" in md
    assert "| 1 | Kepala Bagian Hukum | Debora Lisanti | sudah | 20 April 2025 |" in md
    assert ("| Pembentukan Tim Penyusun dengan keputusan "
            "Pemerintah Daerah (ketua pimpinan OPD pemrakarsa, sekretaris dari Bagian Hukum) | Kepala Dinas "
            "Pemberdayaan Masyarakat dan Desa | 24 Januari 2025 | selesai 20 Januari 2025; Keputusan Bupati "
            "Nomor 12 Tahun 2025 |") in md
    assert "| Penandatanganan Peraturan Bupati | Bupati Gunung Mas | 23 Mei 2025 | belum |" in md


def test_docx_dibaca_kembali(gm):
    tulis_status(gm, STATUS_GM)
    data = render_docx(bangun_checklist(gm, muat_status(gm)))
    p = [x.replace("\n", " ") for x in baca(data)]  # titles: balanced lines
    assert p[:5] == ["PEMERINTAH KABUPATEN GUNUNG MAS", "DINAS PEMBERDAYAAN MASYARAKAT DAN DESA",
                     "DAFTAR PERIKSA PARAF KOORDINASI DAN JADWAL TAHAPAN", "TENTANG",
                     "PENYUSUNAN PERATURAN BUPATI GUNUNG MAS TENTANG PERAN DESA DALAM PERCEPATAN PENURUNAN STUNTING"]
    assert "C. Jadwal Tahapan" in p
    paraf, tim, *tahapan = baca_tabel(data)
    assert paraf[0] == ["No", "Jabatan", "Nama", "Paraf", "Tanggal"]
    assert paraf[1] == ["1", "Kepala Bagian Hukum", "Debora Lisanti", "sudah", "20 April 2025"]
    assert paraf[5] == ["5", "Sekretaris Daerah", "Marthen Luther Dinata", "", ""]
    assert len(tim) == 4
    # a table per stage, the stage's name heading the step column
    assert [t[0] for t in tahapan] == [[t.nama, "Penanggung jawab", "Target", "Status"] for t in jadwal(gm)]
    assert sum(len(t) - 1 for t in tahapan) == 16
    assert tahapan[2][4][:3] == ["Penandatanganan Peraturan Bupati", "Bupati Gunung Mas", "23 Mei 2025"]
    # landscape F4, and the heading row repeats when a stage table runs onto the next page
    from baca_docx import ukuran_halaman
    assert ukuran_halaman(data) == (18709, 12189)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert xml.count("<w:tblHeader/>") == 2 + 4 and 'w:orient="landscape"' in xml
    # a date never breaks: no-break spaces inside, and its column is wide enough for the longest
    assert "21\u00a0Februari\u00a02025" in xml
    assert properti(data)["title"] == "Daftar Periksa Paraf Koordinasi dan Jadwal Tahapan"
