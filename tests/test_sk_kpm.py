"""The Keputusan Kepala Desa appointing the KPM: built from examples/gunung-mas and read back from
the DOCX (tests/baca_docx.py), plus the desa that must be refused and names that must stay literal."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml

from baca_docx import baca, baca_tabel
from perbup_gen.naskah.klausul.pengurai import _urai_inline_penuh, urai_inline
from perbup_gen.konfigurasi.model import KPM, Desa
from perbup_gen.errors import KlausulError
from perbup_gen.naskah.model import Diktum, Rujukan, Teks, teks_polos
from perbup_gen.konfigurasi.muat import muat_konfigurasi
from perbup_gen.keluaran.docx import render_docx
from perbup_gen.dokumen.sk_kpm import PembangunSKKPM, bangun_sk_kpm
from perbup_gen.konfigurasi.wilayah import DaftarWilayah

AKAR = Path(__file__).resolve().parent.parent
CONTOH = AKAR / "examples" / "gunung-mas"
DIKTUM = ["KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH", "KEDELAPAN",
          "KESEMBILAN", "KESEPULUH"]


@pytest.fixture(scope="module")
def hasil():
    return muat_konfigurasi(CONTOH)


@pytest.fixture(scope="module")
def pembangun(hasil):
    return PembangunSKKPM(hasil)


def _salinan(hasil):
    """A HasilMuat whose config can be changed without touching the module fixture."""
    return dataclasses.replace(hasil, konfigurasi=hasil.konfigurasi.model_copy(deep=True))


def _desa(hasil, kode):
    return next(d for d in hasil.konfigurasi.desa if d.kode == kode)


def _label_diktum(baris):
    return [b for b in baris if b in DIKTUM + ["KESEBELAS"]]


def _sesudah(baris, awal, n):
    i = baris.index(awal)
    return baris[i + 1:i + 1 + n]


def _mengingat(baris):
    return baris[baris.index("Mengingat") + 2:baris.index("MEMUTUSKAN:")]


# --- a sample of decrees read back from the DOCX -------------------------------------------------


@pytest.mark.parametrize("pilih", ["pertama", "terakhir", "dua_kpm"])
def test_sk_kpm_dibaca_dari_docx(hasil, pembangun, pilih):
    semua = hasil.konfigurasi.desa
    desa = {"pertama": semua[0], "terakhir": semua[-1],
            "dua_kpm": _desa(hasil, "62.10.02.2005")}[pilih]
    if pilih == "dua_kpm":
        assert len(desa.kpm) == 2
    kecamatan = DaftarWilayah.muat().cari(desa.kode_kecamatan).nama
    nama = desa.nama
    N = nama.upper()
    docx = render_docx(pembangun.bangun(desa))
    b = [x.replace("\n", " ") for x in baca(docx)]  # titles: balanced lines (test_cetak.py)

    assert b[:7] == [f"KEPALA DESA {N}", f"KECAMATAN {kecamatan.upper()}", "KABUPATEN GUNUNG MAS",
                     f"KEPUTUSAN KEPALA DESA {N}", f"NOMOR {desa.nomor_sk} TAHUN 2025", "TENTANG",
                     f"PENETAPAN KADER PEMBANGUNAN MANUSIA DESA {N} TAHUN 2025"]
    assert b[7] == f"KEPALA DESA {N},"  # no "DENGAN RAHMAT" line
    assert not any("RAHMAT" in x for x in b)
    # Menimbang: the template items and the closing konsiderans
    menimbang = b[b.index("Menimbang") + 2:b.index("Mengingat")]
    assert menimbang[0].lower().startswith(f"a. bahwa untuk mendukung percepatan penurunan "
                                           f"stunting di desa {nama.lower()},")
    jamak = "nama-nama" if len(desa.kpm) > 1 else "nama"
    # the Berita Acara of the Musyawarah Desa (dots: the example roster has none)
    assert menimbang[1].startswith(f"b. bahwa berdasarkan Berita Acara Musyawarah Desa {nama} Nomor ... "
                                   f"tanggal ..., {jamak} yang tercantum dalam Lampiran")
    assert menimbang[2] == ("c. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a "
                            "dan huruf b, perlu menetapkan Keputusan Kepala Desa tentang Penetapan "
                            f"Kader Pembangunan Manusia Desa {nama} Tahun 2025;")
    # Mengingat in the order of the hierarchy: UU Desa and its PP, Perpres 72/2021, the technical
    # guideline on village regulations and decrees, the Dana Desa priorities of the year
    mengingat = _mengingat(b)
    assert [m.split(" tentang")[0] for m in mengingat] == [
        "1. Undang-Undang Nomor 6 Tahun 2014", "2. Peraturan Pemerintah Nomor 43 Tahun 2014",
        "3. Peraturan Presiden Nomor 72 Tahun 2021", "4. Peraturan Menteri Dalam Negeri Nomor 111 Tahun 2014",
        "5. Peraturan Menteri Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi Nomor 2 Tahun 2024"]
    assert "terakhir dengan Peraturan Pemerintah Nomor 11 Tahun 2019" in mengingat[1]
    assert all(m.endswith(";") for m in mengingat)
    assert _sesudah(b, "Menetapkan", 2) == [
        ":", f"KEPUTUSAN KEPALA DESA TENTANG PENETAPAN KADER PEMBANGUNAN MANUSIA DESA {N} TAHUN 2025."]

    assert _label_diktum(b) == DIKTUM
    kesatu = _sesudah(b, "KESATU", 2)[1]
    assert kesatu.startswith(f"Menetapkan {jamak} sebagaimana tercantum dalam Lampiran")
    # the abbreviation is written out at its first use in the diktum
    assert kesatu.endswith(f"sebagai Kader Pembangunan Manusia yang selanjutnya disingkat KPM di Desa {nama} "
                           "untuk Tahun 2025, yang dipilih melalui musyawarah Desa.")
    # KEDUA: the five tasks of the juknis, a. to e.; abbreviations written out once
    tugas = hasil.konfigurasi.kpm.tugas
    assert len(tugas) == 5
    kedua = _sesudah(b, "KEDUA", 2 + len(tugas))
    assert kedua[1] == "KPM sebagaimana dimaksud dalam Diktum KESATU mempunyai tugas:"
    assert kedua[3].startswith("b. mengidentifikasi sasaran rumah tangga Seribu Hari Pertama Kehidupan "
                               "(1.000 HPK) melalui")
    assert "dalam Rencana Kerja Pemerintah Desa (RKP Desa) dan Anggaran Pendapatan dan Belanja Desa " \
           "(APB Desa) untuk" in kedua[4]
    assert "rumah tangga 1.000 HPK; dan" in kedua[5]
    assert kedua[-1].endswith("bayi dan balita.")
    # term of office and replacement
    assert _sesudah(b, "KETIGA", 2)[1].startswith("KPM sebagaimana dimaksud dalam Diktum KESATU melaksanakan "
                                                  "tugas untuk masa 1 (satu) tahun")
    assert "Kepala Desa menetapkan penggantinya berdasarkan hasil musyawarah Desa." in _sesudah(b, "KEEMPAT", 2)[1]
    kelima = _sesudah(b, "KELIMA", 2)[1]
    assert "sebagaimana dimaksud dalam Diktum KEDUA" in kelima
    assert "kepada Kepala Desa paling sedikit 1 (satu) kali dalam 3 (tiga) bulan" in kelima
    assert f"tembusan kepada Camat {kecamatan} dan Kepala Dinas Pemberdayaan Masyarakat dan Desa " \
           "Kabupaten Gunung Mas." in kelima
    # the desa's regular incentive (APB Desa); the kabupaten's performance incentive on the juknis
    # criteria; non-money rewards
    assert "insentif sebesar Rp500.000,00 (lima ratus ribu rupiah) per bulan yang dianggarkan dalam " \
           "APB Desa" in _sesudah(b, "KEENAM", 2)[1]
    ketujuh = _sesudah(b, "KETUJUH", 5)
    assert "insentif kinerja dari Pemerintah Kabupaten Gunung Mas" in ketujuh[1]
    kriteria = [x.uraian for x in hasil.konfigurasi.kpm.insentif.kriteria]
    assert len(kriteria) == 3 and kriteria[0].startswith("peta sosial, data sasaran")
    assert ketujuh[2:] == [f"a. {kriteria[0]};", f"b. {kriteria[1]}; dan", f"c. {kriteria[2]}."]
    kedelapan = _sesudah(b, "KEDELAPAN", 5)
    bukan_uang = hasil.konfigurasi.kpm.insentif.bukan_uang
    assert kedelapan[2:] == [f"a. {bukan_uang[0]};", f"b. {bukan_uang[1]}; dan/atau",
                             f"c. {bukan_uang[2]}."]
    assert _sesudah(b, "KESEMBILAN", 2)[1] == (
        "Segala biaya yang timbul sebagai akibat ditetapkannya Keputusan Kepala Desa ini dibebankan "
        f"pada APB Desa {nama} Tahun Anggaran 2025 yang bersumber dari Dana Desa.")
    assert _sesudah(b, "KESEPULUH", 2)[1] == \
        "Keputusan Kepala Desa ini mulai berlaku pada tanggal ditetapkan."

    # Penutup: place, date (sk_kpm.tanggal: the roster has no date), signature, tembusan to the
    # Bupati through the Camat and to the BPD
    i = b.index(f"Ditetapkan di {nama}")
    assert b[i + 1:i + 4] == ["pada tanggal 2 Mei 2025", f"KEPALA DESA {N},",
                              desa.kepala_desa.nama.upper()]
    assert _sesudah(b, "Tembusan:", 4) == [
        f"1. Bupati Gunung Mas melalui Camat {kecamatan};",
        f"2. Ketua Badan Permusyawaratan Desa {nama};",
        "3. Kepala Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Gunung Mas;",
        "4. Kader Pembangunan Manusia yang bersangkutan."]

    # Lampiran: block, name, the KPM table, signature
    j = b.index("LAMPIRAN")
    assert b[j:j + 6] == ["LAMPIRAN", f"KEPUTUSAN KEPALA DESA {N}", f"NOMOR {desa.nomor_sk} TAHUN 2025",
                          "TENTANG", f"PENETAPAN KADER PEMBANGUNAN MANUSIA DESA {N} TAHUN 2025",
                          f"DAFTAR KADER PEMBANGUNAN MANUSIA DESA {N} TAHUN 2025"]
    tabel = baca_tabel(docx)[-1]
    assert tabel[0] == ["No", "Nama", "L/P", "Pendidikan", "Alamat", "Pengalaman"]
    assert tabel[1:] == [[str(n), p.nama, p.jenis_kelamin, p.pendidikan, p.alamat,
                          ", ".join(p.pengalaman)] for n, p in enumerate(desa.kpm, 1)]
    assert b[-2:] == [f"KEPALA DESA {N},", desa.kepala_desa.nama.upper()]


def test_satu_kpm_ditulis_tunggal(hasil, pembangun):
    desa = hasil.konfigurasi.desa[-1]
    assert len(desa.kpm) == 1
    dok = pembangun.bangun(desa)
    assert "Nomor ... tanggal ..., nama yang tercantum" in teks_polos(dok.pembukaan.menimbang[1])
    assert teks_polos(dok.batang_tubuh[0].isi).startswith("Menetapkan nama sebagaimana")


# --- refused, reported ---------------------------------------------------------------------------


def test_kelurahan_ditolak(pembangun):
    kurun = Desa(kode="62.10.02.1012", nama="Kurun")  # a kelurahan of Gunung Mas
    assert DaftarWilayah.muat().cari(kurun.kode).tingkat == "kelurahan"
    assert pembangun.bisa_dibuat(kurun).startswith("kelurahan")
    with pytest.raises(ValueError, match="Kurun.*kelurahan"):
        pembangun.bangun(kurun)
    # even with KPM given by mistake
    kurun.kpm = [KPM(nama="Siti", jenis_kelamin="P", pendidikan="SLTA", alamat="RT 1")]
    with pytest.raises(ValueError, match="kelurahan"):
        pembangun.bangun(kurun)


def test_desa_tanpa_kpm_dilaporkan(pembangun):
    desa = Desa(kode="62.10.02.2002", nama="Petak Bahandang")
    assert pembangun.bisa_dibuat(desa) == "belum ada KPM di roster"
    with pytest.raises(ValueError, match="Petak Bahandang.*belum ada KPM di roster"):
        pembangun.bangun(desa)


def test_desa_dengan_kpm_bisa_dibuat(hasil, pembangun):
    assert all(pembangun.bisa_dibuat(d) is None for d in hasil.konfigurasi.desa)


# --- names with / ' ( ) and markup characters stay literal ---------------------------------------


def _konfigurasi_halmahera(tmp_path: Path) -> Path:
    data = yaml.safe_load((CONTOH / "kabupaten.yaml").read_text(encoding="utf-8"))
    # dasar_pembentukan is left as it is: the SK KPM does not cite it
    data["kabupaten"].update(kode="82.03", nama="Halmahera Utara", provinsi="Maluku Utara",
                             ibu_kota="Tobelo")
    data["kecamatan"]["daftar"] = []
    data["roster"] = "roster.csv"
    (tmp_path / "kabupaten.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (tmp_path / "roster.csv").write_text(
        "kode_desa,nama_desa,kecamatan,kepala_desa,nomor_sk,tanggal_sk,pagu_apbdes,dana_desa,"
        "anggaran_stunting,kpm_nama,kpm_jenis_kelamin,kpm_pendidikan,kpm_alamat,kpm_pengalaman\n"
        "82.03.08.2025,Sosol/Malifut,Malifut,Yance O'Neil,7,2025-04-30,,,,Maria (Ina) Lolo,P,SLTA,"
        "RT 01/RW 02,Kader Posyandu\n"
        "82.03.08.2025,,,,,,,,,Yakob *Dodo* [[tugas]],L,SMA,RT 03/RW 01,\n"
        "82.03.06.2022,Kupa-kupa Selatan (Halehe),Tobelo Selatan,Simon Tjong,,,,,,Sarah Bea,P,D3,"
        "RT 02,Guru PAUD\n"
        "82.03.11.2008,Mahia (Wosia Tengah),Tobelo Tengah,Daniel Hape,,,,,,,,,,\n",
        encoding="utf-8")
    return tmp_path


def test_nama_dengan_tanda_baca_tetap_apa_adanya(tmp_path):
    hasil = muat_konfigurasi(_konfigurasi_halmahera(tmp_path))
    pembangun = PembangunSKKPM(hasil)
    sosol, halehe, mahia = hasil.konfigurasi.desa
    assert pembangun.bisa_dibuat(mahia) == "belum ada KPM di roster"

    b = baca(render_docx(pembangun.bangun(sosol)))
    assert b[:3] == ["KEPALA DESA SOSOL/MALIFUT", "KECAMATAN MALIFUT", "KABUPATEN HALMAHERA UTARA"]
    assert b[4] == "NOMOR 7 TAHUN 2025"
    assert "di Desa Sosol/Malifut," in b[b.index("Menimbang") + 2]
    assert "disingkat KPM di Desa Sosol/Malifut untuk Tahun 2025" in _sesudah(b, "KESATU", 2)[1]
    assert "APB Desa Sosol/Malifut Tahun" in _sesudah(b, "KESEMBILAN", 2)[1]
    i = b.index("Ditetapkan di Sosol/Malifut")
    assert b[i + 1:i + 4] == ["pada tanggal 30 April 2025", "KEPALA DESA SOSOL/MALIFUT,", "YANCE O'NEIL"]
    assert _sesudah(b, "Tembusan:", 2)[0] == "1. Bupati Halmahera Utara melalui Camat Malifut;"
    assert "Maria (Ina) Lolo" in b and "Yakob *Dodo* [[tugas]]" in b and "RT 01/RW 02" in b

    b = baca(render_docx(pembangun.bangun(halehe)))
    assert b[0] == "KEPALA DESA KUPA-KUPA SELATAN (HALEHE)"
    assert b[1] == "KECAMATAN TOBELO SELATAN"
    assert b[4] == "NOMOR ... TAHUN 2025"
    assert "Desa Kupa-kupa Selatan (Halehe) untuk Tahun 2025" in _sesudah(b, "KESATU", 2)[1]


def test_nilai_tidak_pernah_dibaca_sebagai_markah(hasil, pembangun):
    # a real desa name with an apostrophe (Aceh Selatan), and a made-up one full of clause markup
    for kode, nama in [("11.01.02.2018", "Pasi Kuala Ba'u"), ("62.10.01.2002", "Tanjung *Raya* [[tugas]] \\[x")]:
        desa = Desa(kode=kode, nama=nama, kpm=[KPM(nama="A", jenis_kelamin="P", pendidikan="SLTA",
                                                    alamat="RT 1")])
        dok = pembangun.bangun(desa)
        assert dok.kepala.baris[0] == f"KEPALA DESA {nama.upper()}"
        kesatu = dok.batang_tubuh[0].isi
        assert all(not isinstance(x, Rujukan) for x in kesatu)
        assert f"Desa {nama} untuk Tahun 2025" in teks_polos(kesatu)
        assert not any(isinstance(x, Teks) and x.miring for x in kesatu)
        assert f"Desa {nama}," in teks_polos(dok.pembukaan.menimbang[0])
        assert dok.penutup.ditetapkan.tempat == nama
    assert dok.kepala.baris[1] == "KECAMATAN SEPANG"


@pytest.mark.parametrize("s", [
    "biasa saja",
    "sebagaimana dimaksud [[tugas]], lalu [[ penetapan ]] selesai",
    "\ue000nilai [[bukan]] rujukan\ue001 dan [[tugas]]",
    "\ue000Desa *Raya*\ue001 teks",
    "teks *miring* [[a]]",
    "\\[\\[x]] teks",
    "kurung ] tutup dan [ buka",
    "[[tugas]]",
])
def test_jalan_cepat_inline_sama_dengan_jalan_penuh(s):
    assert urai_inline(s, "f.md:3", "f.md", 3) == _urai_inline_penuh(s, "f.md:3", "f.md", 3)


def test_label_rujukan_tidak_sah_tetap_kesalahan():
    with pytest.raises(KlausulError, match="f.md:3"):
        urai_inline("lihat [[bukan label]]", "f.md:3", "f.md", 3)


# --- Mengingat: the Perbup once numbered; Menimbang from the config ------------------------------


def test_perbup_bernomor_dikutip_terakhir(hasil):
    h = _salinan(hasil)
    p = h.konfigurasi.perbup
    import datetime as dt
    p.nomor = "14"
    p.tanggal_penetapan = dt.date(2025, 5, 20)
    p.tanggal_pengundangan = dt.date(2025, 5, 21)
    p.nomor_berita_daerah = "14"
    b = baca(render_docx(PembangunSKKPM(h).bangun(h.konfigurasi.desa[0])))
    mengingat = _mengingat(b)
    assert len(mengingat) == 6
    assert mengingat[-1] == ("6. Peraturan Bupati Gunung Mas Nomor 14 Tahun 2025 tentang Peran Desa "
                             "dalam Percepatan Penurunan Stunting (Berita Daerah Kabupaten Gunung Mas "
                             "Tahun 2025 Nomor 14);")


def test_perbup_tanpa_nomor_tidak_dikutip(pembangun):
    assert pembangun.perbup_sebagai_dasar() is None


def test_menimbang_dari_konfigurasi_teks_biasa(hasil):
    h = _salinan(hasil)
    h.konfigurasi.sk_kpm.menimbang = ["bahwa {{ desa.nama }} ditulis apa adanya"]
    dok = PembangunSKKPM(h).bangun(h.konfigurasi.desa[0])
    assert [teks_polos(x) for x in dok.pembukaan.menimbang] == [
        "bahwa {{ desa.nama }} ditulis apa adanya;",
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan "
        "Keputusan Kepala Desa tentang Penetapan Kader Pembangunan Manusia Desa Sepang Kota Tahun 2025;"]


# --- the clause library: district overrides and errors with file and line ------------------------


def test_klausul_kabupaten_menggantikan_dan_salahnya_bernomor_baris(hasil, tmp_path):
    folder = tmp_path / "klausul" / "sk_kpm"
    folder.mkdir(parents=True)
    (folder / "70_berlaku.md").write_text(
        "DIKTUM: Keputusan ini berlaku sejak {{ desa.nama }} menetapkannya.\n", encoding="utf-8")
    h = _salinan(hasil)
    h = dataclasses.replace(h, folder=tmp_path)
    h.konfigurasi.folder_klausul = "klausul"
    dok = PembangunSKKPM(h).bangun(h.konfigurasi.desa[0])
    assert teks_polos(dok.batang_tubuh[-1].isi) == "Keputusan ini berlaku sejak Sepang Kota menetapkannya."

    (folder / "30_pelaporan.md").write_text("\n\nDIKTUM: Lapor ke {{ desa.camat }}.\n", encoding="utf-8")
    with pytest.raises(KlausulError) as e:
        PembangunSKKPM(h)
    assert "30_pelaporan.md:3" in str(e.value) and "camat" in str(e.value)

    (folder / "30_pelaporan.md").write_text("DIKTUM: Lapor {% if %}\n", encoding="utf-8")
    with pytest.raises(KlausulError, match="30_pelaporan.md:1"):
        PembangunSKKPM(h)


# --- the builder: independent documents, determinism, speed -------------------------------------


def test_dokumen_tidak_berbagi_simpul(hasil, pembangun):
    a = pembangun.bangun(hasil.konfigurasi.desa[0])
    teks_a = [teks_polos(d.isi) for d in a.batang_tubuh]
    b = pembangun.bangun(hasil.konfigurasi.desa[1])
    assert [teks_polos(d.isi) for d in a.batang_tubuh] == teks_a
    assert all(x is not y for x, y in zip(a.batang_tubuh, b.batang_tubuh))
    assert a.batang_tubuh[1].daftar is not b.batang_tubuh[1].daftar
    assert a.pembukaan.mengingat[0] is not b.pembukaan.mengingat[0]


def test_miring_dan_bernomor(hasil, pembangun):
    dok = pembangun.bangun(hasil.konfigurasi.desa[0])
    assert [d.nomor for d in dok.batang_tubuh] == DIKTUM
    assert all(isinstance(d, Diktum) for d in dok.batang_tubuh)
    tugas = dok.batang_tubuh[1].daftar.butir[0].isi
    assert any(x.miring and x.teks.lower() == "stunting" for x in tugas)
    perpres = dok.pembukaan.mengingat[2]
    assert any(isinstance(x, Teks) and x.miring and x.teks == "Stunting" for x in perpres)


def test_deterministik_dan_sama_dengan_pembungkus(hasil, pembangun):
    desa = hasil.konfigurasi.desa[3]
    assert render_docx(pembangun.bangun(desa)) == render_docx(bangun_sk_kpm(hasil, desa))




def test_tembusan_tidak_terpisah_halaman(hasil, pembangun):
    """Every tembusan item but the last keeps with the next, so no item is left alone on a page
    (seen in a Sleman decree: "4. Kader Pembangunan Manusia yang bersangkutan." on page 4)."""
    import io
    import zipfile

    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    data = render_docx(pembangun.bangun(hasil.konfigurasi.desa_saja()[0]))
    akar = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    butir = [p for p in akar.iter(f"{w}p")
             if p.find(f"{w}pPr/{w}pStyle") is not None and p.find(f"{w}pPr/{w}pStyle").get(f"{w}val") == "TembusanButir"]
    assert len(butir) >= 2
    def tetap(p) -> bool:
        k = p.find(f"{w}pPr/{w}keepNext")
        return k is not None and k.get(f"{w}val") not in ("0", "false")

    tetap = [tetap(p) for p in butir]
    assert tetap == [True] * (len(butir) - 1) + [False]
