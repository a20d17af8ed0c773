"""Tests of the DOCX renderer on hand-built, already numbered models (as after penomoran.susun)."""
from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from lxml import etree

from baca_docx import baca, baca_tabel, huruf_normal, margin, paragraf, properti, ukuran_halaman
from perbup_gen.errors import PerbupGenError
from perbup_gen.naskah.model import (
    Alinea, Ayat, Bab, Bagian, BarisParaf, Butir, Daftar, Diktum, Dokumen, Judul, Kepala, Lampiran,
    Pasal, Pembukaan, Penutup, Rujukan, Tabel, TandaTangan, Teks, teks,
)
from perbup_gen.keluaran.docx import PenyajiDocx, TataLetak, render_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
JAHAT = "<b>&\"'{{x}}</b> \u0645\u0631\u062d\u0628\u0627 \u05e9\u05dc\u05d5\u05dd \U0001F600"


# --- sample documents ----------------------------------------------------------------------------


def _ttd(kata="Ditetapkan", jabatan="BUPATI GUNUNG MAS,", nama="JAYA S. MONONG", nip=None):
    return TandaTangan(tempat="Kuala Kurun", tanggal="2 Mei 2025", jabatan=jabatan, nama=nama,
                       kata=kata, nip=nip)


def _b(tanda: str, s: str, daftar: Daftar | None = None) -> Butir:
    return Butir(teks(s), daftar=daftar, tanda=tanda)


def contoh_peraturan(lambang: str | None = None) -> Dokumen:
    definisi = Daftar([
        _b("1.", "Daerah adalah Kabupaten Gunung Mas."),
        _b("2.", "Desa adalah kesatuan masyarakat hukum yang memiliki batas wilayah:", Daftar([
            _b("a.", "berwenang mengatur;"),
            _b("b.", "berwenang mengurus."),
        ], jenis="definisi")),
        _b("3.", "Kader Pembangunan Manusia yang selanjutnya disingkat KPM adalah kader."),
    ], jenis="definisi")
    rincian = Daftar([
        _b("a.", "Posyandu;"),
        _b("b.", "PAUD:", Daftar([
            _b("1.", "guru;"),
            _b("2.", "kader:", Daftar([
                _b("a)", "kesehatan;"),
                _b("b)", "gizi:", Daftar([_b("1)", "balita;"), _b("2)", "ibu hamil; dan")])),
            ])),
        ])),
        _b("c.", "PKK."),
    ])
    return Dokumen(
        jenis="peraturan",
        kepala=Kepala(["BUPATI GUNUNG MAS", "PROVINSI KALIMANTAN TENGAH"], lambang=lambang),
        judul=Judul("PERATURAN BUPATI GUNUNG MAS", "NOMOR ... TAHUN 2025",
                    "Peran Desa dalam Percepatan Penurunan Stunting", rancangan=True),
        pembukaan=Pembukaan(
            pejabat="BUPATI GUNUNG MAS,",
            menimbang=[teks("bahwa stunting menghambat pembangunan manusia;"),
                       [Teks("bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, "
                             "perlu menetapkan Peraturan Bupati tentang Peran Desa dalam "
                             "Percepatan Penurunan Stunting;")]],
            mengingat=[teks("Undang-Undang Nomor 5 Tahun 2002 tentang Pembentukan Kabupaten;"),
                       teks("Undang-Undang Nomor 6 Tahun 2014 tentang Desa;"),
                       teks("Peraturan Presiden Nomor 72 Tahun 2021 tentang Percepatan "
                            "Penurunan Stunting;")],
            menetapkan="Peraturan Bupati tentang Peran Desa dalam Percepatan Penurunan Stunting.",
        ),
        batang_tubuh=[
            Bab("Ketentuan Umum", [
                Pasal([Ayat(teks("Dalam Peraturan Bupati ini yang dimaksud dengan:"),
                            daftar=definisi)], nomor=1),
            ], nomor="I"),
            Bab("Peran Lembaga Kemasyarakatan", [
                Bagian("Umum", [
                    Pasal([
                        Ayat([Teks("Desa berwenang menganggarkan "), Teks("Dana Desa", tebal=True),
                              Teks(" untuk "), Teks("stunting", miring=True), Teks(".")],
                             nomor=1),
                        Ayat(teks("Lembaga kemasyarakatan meliputi:"), daftar=rincian, nomor=2),
                        Ayat([Teks("Lembaga sebagaimana dimaksud "),
                              Rujukan("lembaga", teks="pada ayat (2)"), Teks(" dibina Camat.")],
                             nomor=3),
                    ], nomor=2),
                ], nomor="Kesatu"),
                Bagian("Kecamatan", [
                    Pasal([Ayat(teks("Camat melakukan:"), daftar=Daftar([
                        _b("a.", "reviu rancangan APBDes;"),
                        _b("b.", "rapat koordinasi; dan"),
                        _b("c.", "pembinaan."),
                    ]))], nomor=3),
                ], nomor="Kedua"),
            ], nomor="II"),
            Bab("Ketentuan Penutup", [
                Pasal([Ayat(teks("Peraturan Bupati ini mulai berlaku pada tanggal diundangkan."))],
                      nomor=4),
            ], nomor="III"),
        ],
        kalimat_pengundangan="Agar setiap orang mengetahuinya, memerintahkan pengundangan "
                             "Peraturan Bupati ini dengan penempatannya dalam Berita Daerah "
                             "Kabupaten Gunung Mas.",
        penutup=Penutup(
            ditetapkan=_ttd(),
            diundangkan=_ttd("Diundangkan", "SEKRETARIS DAERAH KABUPATEN GUNUNG MAS,",
                             "YANTRIE RAHMAN"),
            berita_daerah="Berita Daerah Kabupaten Gunung Mas Tahun 2025 Nomor ...",
        ),
        lampiran=[Lampiran(
            kepala=["PERATURAN BUPATI GUNUNG MAS", "NOMOR ... TAHUN 2025",
                    "TENTANG PERAN DESA DALAM PERCEPATAN PENURUNAN STUNTING"],
            judul="Kriteria insentif KPM",
            isi=[Alinea(teks("Kriteria"), gaya="subjudul"),
                 Tabel(["No", "Kriteria", "Waktu"],
                       [["1", "Peta sosial desa", "3 (tiga) bulan pertama"],
                        ["2", "Laporan pemantauan", "setiap 3 (tiga) bulan"]],
                       lebar=[1, 6, 3]),
                 Daftar([_b("a.", "penghargaan;"), _b("b.", "pelatihan.")])],
            tanda_tangan=TandaTangan("", "", "BUPATI GUNUNG MAS,", "JAYA S. MONONG"),
        )],
        paraf=[BarisParaf("Kepala Bagian Hukum", nama="A"), BarisParaf("Kepala Dinas PMD")],
        properti={"title": "Rancangan Perbup Peran Desa", "subject": "Stunting",
                  "author": "perbup_gen"},
    )


def contoh_keputusan() -> Dokumen:
    return Dokumen(
        jenis="keputusan",
        kepala=Kepala(["KEPALA DESA TUMBANG MIRI", "KECAMATAN KAHAYAN HULU UTARA",
                       "KABUPATEN GUNUNG MAS"]),
        judul=Judul("KEPUTUSAN KEPALA DESA TUMBANG MIRI", "NOMOR ... TAHUN 2025",
                    "PENETAPAN KADER PEMBANGUNAN MANUSIA DESA TUMBANG MIRI TAHUN 2025"),
        pembukaan=Pembukaan(
            pejabat="KEPALA DESA TUMBANG MIRI,",
            menimbang=[teks("bahwa untuk percepatan penurunan stunting perlu menetapkan KPM;")],
            mengingat=[teks("Undang-Undang Nomor 6 Tahun 2014 tentang Desa;"),
                       teks("Peraturan Pemerintah Nomor 43 Tahun 2014;")],
            memperhatikan=[teks("hasil musyawarah desa tanggal 2 Mei 2025;")],
            menetapkan="Keputusan Kepala Desa tentang Penetapan KPM.",
            dengan_rahmat=False,
        ),
        batang_tubuh=[
            Diktum(teks("Menetapkan KPM sebagaimana tercantum dalam Lampiran."), nomor="KESATU"),
            Diktum(teks("KPM bertugas:"), daftar=Daftar([
                _b("a.", "mengukur tinggi badan;"),
                _b("b.", "mendata sasaran:", Daftar([_b("1.", "ibu hamil;"), _b("2.", "balita.")])),
                _b("c.", "melapor."),
            ]), nomor="KEDUA"),
            Diktum(teks("Keputusan ini mulai berlaku pada tanggal ditetapkan."),
                   nomor="KESEMBILAN"),
        ],
        penutup=Penutup(ditetapkan=_ttd(jabatan="KEPALA DESA TUMBANG MIRI,", nama="SUPRIADI",
                                         nip="19700101 199003 1 001"),
                        tembusan=["Bupati Gunung Mas;", "Camat Kahayan Hulu Utara."]),
        properti={"title": "SK KPM Tumbang Miri"},
    )


def contoh_naskah() -> Dokumen:
    return Dokumen(
        jenis="naskah", kepala=None,
        judul=Judul("DAFTAR PERIKSA PARAF KOORDINASI", "", "Rancangan Peraturan Bupati"),
        isi=[Alinea(teks("Tahap 1"), gaya="judul"),
             Alinea(teks("Periksa setiap butir."), gaya="biasa"),
             Daftar([_b("a.", "Tim dibentuk;"), _b("b.", "Draf diserahkan.")]),
             Tabel(["No", "Langkah", "Selesai"], [["1", "Reviu", "[ ]"]])],
        paraf=[BarisParaf("Asisten Pemerintahan")],
    )


def _png(lebar: int = 4, tinggi: int = 5) -> bytes:
    """A valid RGB PNG written by hand (no imaging library needed)."""
    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(
            ">I", zlib.crc32(tag + data))
    raw = b"".join(b"\x00" + b"\xc8\xa0\x20" * lebar for _ in range(tinggi))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", lebar, tinggi, 8, 2, 0,
                                                               0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


@pytest.fixture(scope="module")
def penyaji() -> PenyajiDocx:
    return PenyajiDocx()


@pytest.fixture(scope="module")
def perbup(penyaji) -> bytes:
    return penyaji.render(contoh_peraturan())


# --- page, font, package -------------------------------------------------------------------------


def test_halaman_f4_dan_margin(perbup):
    assert ukuran_halaman(perbup) == (12189, 18709)
    assert margin(perbup) == {"top": 1134, "right": 1134, "bottom": 1134, "left": 1701}


def test_tata_letak_lain():
    tata = TataLetak(lebar_mm=210, tinggi_mm=297, margin_kiri_mm=25, huruf="Arial",
                     ukuran_pt=11)
    data = render_docx(contoh_keputusan(), tata)
    assert ukuran_halaman(data) == (11906, 16838)
    assert margin(data)["left"] == 1417
    assert huruf_normal(data) == ("Arial", 11.0)
    with pytest.raises(ValueError):
        TataLetak(margin_kiri_mm=100, margin_kanan_mm=100)


def test_huruf_normal_bookman_12(perbup):
    assert huruf_normal(perbup) == ("Bookman Old Style", 12.0)
    with zipfile.ZipFile(io.BytesIO(perbup)) as z:
        gaya = etree.fromstring(z.read("word/styles.xml"))
    fonts = gaya.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert {fonts.get(f"{W}{a}") for a in ("ascii", "hAnsi", "cs")} == {"Bookman Old Style"}


def test_paket_sah_dan_deterministik(penyaji, perbup):
    assert penyaji.render(contoh_peraturan()) == perbup
    assert render_docx(contoh_peraturan()) == perbup
    with zipfile.ZipFile(io.BytesIO(perbup)) as z:
        assert z.testzip() is None
        nama = z.namelist()
        assert nama[0] == "[Content_Types].xml"
        for info in z.infolist():
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert info.compress_type == zipfile.ZIP_DEFLATED
            etree.fromstring(z.read(info.filename))  # every part is well-formed XML
        core = z.read("docProps/core.xml").decode()
    assert "dcterms:created" not in core and "dcterms:modified" not in core
    assert properti(perbup) == {"title": "Rancangan Perbup Peran Desa", "subject": "Stunting",
                                "creator": "perbup_gen"}
    # python-docx (what a user's tooling may use) opens it
    import docx
    d = docx.Document(io.BytesIO(perbup))
    assert d.sections[0].page_width == 12189 * 635


def test_bagian_template_disalin_apa_adanya(perbup):
    dasar = Path(__file__).resolve().parent.parent / "templates" / "dasar.docx"
    with zipfile.ZipFile(dasar) as a, zipfile.ZipFile(io.BytesIO(perbup)) as b:
        for n in ("word/settings.xml", "word/theme/theme1.xml", "word/header1.xml",
                  "word/fontTable.xml"):
            assert a.read(n) == b.read(n)
        # the abstract list definitions are kept, list instances added
        num_a, num_b = a.read("word/numbering.xml"), b.read("word/numbering.xml")
        assert num_b.count(b"<w:abstractNum ") == num_a.count(b"<w:abstractNum ")
        assert num_b.count(b"<w:num ") > num_a.count(b"<w:num ")


# --- content -------------------------------------------------------------------------------------


def _urut(semua: list[str], *potongan: str) -> None:
    """Each piece is a paragraph of `semua`, in this order."""
    i = 0
    semua = [s.replace("\n", " ") for s in semua]  # titles: balanced lines, read as one
    for p in potongan:
        while i < len(semua) and semua[i] != p:
            i += 1
        assert i < len(semua), f"{p!r} tidak ditemukan (urutan)"
        i += 1


def test_peraturan_teks_dan_tanda(perbup):
    t = baca(perbup)
    _urut(t, "BUPATI GUNUNG MAS", "PROVINSI KALIMANTAN TENGAH", "RANCANGAN",
          "PERATURAN BUPATI GUNUNG MAS", "NOMOR ... TAHUN 2025", "TENTANG",
          "PERAN DESA DALAM PERCEPATAN PENURUNAN STUNTING", "DENGAN RAHMAT TUHAN YANG MAHA ESA",
          "BUPATI GUNUNG MAS,", "Menimbang", ":",
          "a. bahwa stunting menghambat pembangunan manusia;",
          "b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan "
          "Peraturan Bupati tentang Peran Desa dalam Percepatan Penurunan Stunting;",
          "Mengingat", ":",
          "1. Undang-Undang Nomor 5 Tahun 2002 tentang Pembentukan Kabupaten;",
          "2. Undang-Undang Nomor 6 Tahun 2014 tentang Desa;",
          "3. Peraturan Presiden Nomor 72 Tahun 2021 tentang Percepatan Penurunan Stunting;",
          "MEMUTUSKAN:", "Menetapkan", ":",
          "PERATURAN BUPATI TENTANG PERAN DESA DALAM PERCEPATAN PENURUNAN STUNTING.",
          "BAB I", "KETENTUAN UMUM", "Pasal 1",
          "Dalam Peraturan Bupati ini yang dimaksud dengan:",
          "1. Daerah adalah Kabupaten Gunung Mas.",
          "2. Desa adalah kesatuan masyarakat hukum yang memiliki batas wilayah:",
          "a. berwenang mengatur;", "b. berwenang mengurus.",
          "3. Kader Pembangunan Manusia yang selanjutnya disingkat KPM adalah kader.",
          "BAB II", "PERAN LEMBAGA KEMASYARAKATAN", "Bagian Kesatu", "Umum", "Pasal 2",
          "(1) Desa berwenang menganggarkan Dana Desa untuk stunting.",
          "(2) Lembaga kemasyarakatan meliputi:", "a. Posyandu;", "b. PAUD:", "1. guru;",
          "2. kader:", "a) kesehatan;", "b) gizi:", "1) balita;", "2) ibu hamil; dan", "c. PKK.",
          "(3) Lembaga sebagaimana dimaksud pada ayat (2) dibina Camat.",
          "Bagian Kedua", "Kecamatan", "Pasal 3", "Camat melakukan:",
          "a. reviu rancangan APBDes;", "b. rapat koordinasi; dan", "c. pembinaan.",
          "BAB III", "KETENTUAN PENUTUP", "Pasal 4",
          "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.",
          "Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Bupati ini "
          "dengan penempatannya dalam Berita Daerah Kabupaten Gunung Mas.",
          "Ditetapkan di Kuala Kurun", "pada tanggal 2 Mei 2025", "BUPATI GUNUNG MAS,",
          "JAYA S. MONONG", "Diundangkan di Kuala Kurun", "pada tanggal 2 Mei 2025",
          "SEKRETARIS DAERAH KABUPATEN GUNUNG MAS,", "YANTRIE RAHMAN",
          "BERITA DAERAH KABUPATEN GUNUNG MAS TAHUN 2025 NOMOR ...",
          "PARAF KOORDINASI", "No", "Jabatan", "Nama", "Paraf", "Tanggal", "1",
          "Kepala Bagian Hukum", "A", "2", "Kepala Dinas PMD",
          "LAMPIRAN", "PERATURAN BUPATI GUNUNG MAS", "NOMOR ... TAHUN 2025",
          "TENTANG PERAN DESA DALAM PERCEPATAN PENURUNAN STUNTING", "KRITERIA INSENTIF KPM",
          "Kriteria", "No", "Kriteria", "Waktu", "1", "Peta sosial desa",
          "a. penghargaan;", "b. pelatihan.", "BUPATI GUNUNG MAS,", "JAYA S. MONONG")
    # the lampiran signature has no place and date; the heading no image
    assert t.count("Ditetapkan di Kuala Kurun") == 1


def test_penanda_adalah_penomoran_word_bukan_teks(perbup):
    ps = paragraf(perbup)
    ayat = [p for p in ps if p.gaya == "Ayat"]
    assert [p.tanda for p in ayat] == ["(1)", "(2)", "(3)"]
    assert all(not p.teks.startswith("(") for p in ayat)  # the marker is not typed
    with zipfile.ZipFile(io.BytesIO(perbup)) as z:
        doc = z.read("word/document.xml").decode()
    assert ">a.\t" not in doc and ">(1)" not in doc and "<w:numPr>" in doc


def test_gaya_dipakai_menurut_nama(perbup):
    ps = paragraf(perbup)
    gaya: dict[str, str] = {}
    for p in ps:
        gaya.setdefault(p.teks, p.gaya)  # first occurrence
    assert gaya["BUPATI GUNUNG MAS"] == "Kepala"
    assert gaya["PERATURAN BUPATI GUNUNG MAS"] == "Judul"
    assert gaya["BAB I"] == "Judul Bab" and gaya["KETENTUAN UMUM"] == "Judul Bab"
    assert gaya["Bagian Kesatu"] == "Judul Bagian"
    assert gaya["Pasal 1"] == "Pasal"
    assert gaya["Daerah adalah Kabupaten Gunung Mas."] == "Definisi"
    assert gaya["berwenang mengatur;"] == "Butir 2"
    assert gaya["Posyandu;"] == "Butir 1" and gaya["guru;"] == "Butir 2"
    assert gaya["kesehatan;"] == "Butir 3" and gaya["balita;"] == "Butir 4"
    assert gaya["Peraturan Bupati ini mulai berlaku pada tanggal diundangkan."] == "Isi Pasal"
    assert gaya["JAYA S. MONONG"] == "Tanda Tangan Nama"
    assert gaya["YANTRIE RAHMAN"] == "Tanda Tangan Kiri Nama"
    assert gaya["Ditetapkan di Kuala Kurun"] == "Tanda Tangan"
    assert gaya["KRITERIA INSENTIF KPM"] == "Judul Lampiran"
    assert gaya["Kepala Bagian Hukum"] == "Paraf"
    menimbang = [p for p in ps if p.teks.startswith("bahwa")]
    assert {p.gaya for p in menimbang} == {"Konsiderans Butir"}
    assert all(p.dalam_tabel for p in menimbang)


def test_inline_tebal_miring_dan_halaman_baru_lampiran(perbup):
    with zipfile.ZipFile(io.BytesIO(perbup)) as z:
        doc = etree.fromstring(z.read("word/document.xml"))
    runs = {r.findtext(f"{W}t"): r for r in doc.iter(f"{W}r")}
    assert runs["Dana Desa"].find(f"{W}rPr/{W}b") is not None
    assert runs["stunting"].find(f"{W}rPr/{W}i") is not None
    assert runs["Desa berwenang menganggarkan "].find(f"{W}rPr") is None
    lampiran = [p for p in doc.iter(f"{W}p") if "".join(p.itertext()) == "LAMPIRAN"][0]
    assert lampiran.find(f"{W}pPr/{W}pageBreakBefore") is not None
    # the data table repeats its header row and has borders (style Tabel Bergaris)
    tabel = [t for t in doc.iter(f"{W}tbl") if "Peta sosial desa" in "".join(t.itertext())][0]
    assert tabel.find(f"{W}tr/{W}trPr/{W}tblHeader") is not None
    assert tabel.find(f"{W}tblPr/{W}tblStyle").get(f"{W}val") == "TabelBergaris"


def test_keputusan_diktum_dan_tembusan():
    data = render_docx(contoh_keputusan())
    t = baca(data)
    _urut(t, "KEPALA DESA TUMBANG MIRI", "KEPUTUSAN KEPALA DESA TUMBANG MIRI", "TENTANG",
          "KEPALA DESA TUMBANG MIRI,", "Menimbang", ":",
          "bahwa untuk percepatan penurunan stunting perlu menetapkan KPM;",
          "Mengingat", ":", "1. Undang-Undang Nomor 6 Tahun 2014 tentang Desa;",
          "2. Peraturan Pemerintah Nomor 43 Tahun 2014;", "Memperhatikan", ":",
          "hasil musyawarah desa tanggal 2 Mei 2025;", "MEMUTUSKAN:", "Menetapkan", ":",
          "KEPUTUSAN KEPALA DESA TENTANG PENETAPAN KPM.",
          "KESATU", ":", "Menetapkan KPM sebagaimana tercantum dalam Lampiran.",
          "KEDUA", ":", "KPM bertugas:", "a. mengukur tinggi badan;", "b. mendata sasaran:",
          "1. ibu hamil;", "2. balita.", "c. melapor.", "KESEMBILAN", ":",
          "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
          "Ditetapkan di Kuala Kurun", "pada tanggal 2 Mei 2025", "KEPALA DESA TUMBANG MIRI,",
          "SUPRIADI", "NIP. 19700101 199003 1 001", "Tembusan:", "1. Bupati Gunung Mas;",
          "2. Camat Kahayan Hulu Utara.")
    assert "DENGAN RAHMAT TUHAN YANG MAHA ESA" not in t
    assert "RANCANGAN" not in t
    gaya = {p.teks: p.gaya for p in paragraf(data)}
    assert gaya["KESATU"] == "Diktum Label"
    tabel = baca_tabel(data)
    # "Menetapkan" and the diktum share one table (two adjacent tables would merge in Word)
    diktum = [tb for tb in tabel if tb[0][0] == "Menetapkan"][0]
    assert [r[0] for r in diktum] == ["Menetapkan", "KESATU", "KEDUA", "KESEMBILAN"]
    assert [r[1] for r in diktum] == [":", ":", ":", ":"]
    # the preamble table and the diktum table share their columns (colons aligned)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        doc = etree.fromstring(z.read("word/document.xml"))
    grids = [[g.get(f"{W}w") for g in tb.iter(f"{W}gridCol")] for tb in doc.iter(f"{W}tbl")]
    assert len(set(map(tuple, grids))) == 1
    assert sum(map(int, grids[0])) == 12189 - 1701 - 1134


def test_naskah():
    data = render_docx(contoh_naskah())
    t = baca(data)
    assert t[:4] == ["DAFTAR PERIKSA PARAF KOORDINASI", "TENTANG", "RANCANGAN PERATURAN BUPATI",
                     "TAHAP 1"]
    _urut(t, "TAHAP 1", "Periksa setiap butir.", "a. Tim dibentuk;", "b. Draf diserahkan.",
          "No", "Langkah", "Selesai", "1", "Reviu", "[ ]", "PARAF KOORDINASI", "No", "Jabatan",
          "Paraf", "Tanggal", "1", "Asisten Pemerintahan")
    assert "Nama" not in t  # no name column when no row has a name
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        body = etree.fromstring(z.read("word/document.xml")).find(f"{W}body")
    assert [etree.QName(e).localname for e in body][-2:] == ["p", "sectPr"]
    assert "Menimbang" not in t


def test_daftar_berulang_mulai_lagi():
    """Two lists in a row each start at a. (startOverride per list instance)."""
    dok = contoh_naskah()
    dok.isi = [Daftar([_b("a.", "satu;"), _b("b.", "dua.")]),
               Daftar([_b("a.", "tiga;"), _b("b.", "empat.")]),
               Daftar([_b("1.", "lima."), _b("2.", "enam.")], jenis="definisi")]
    dok.paraf = []
    data = render_docx(dok)
    assert baca(data)[3:] == ["a. satu;", "b. dua.", "a. tiga;", "b. empat.", "1. lima.",
                              "2. enam."]
    # Word continues a list across instances of one abstract definition unless told to restart
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        doc = etree.fromstring(z.read("word/document.xml"))
        num = etree.fromstring(z.read("word/numbering.xml"))
    dipakai = {e.get(f"{W}val") for e in doc.iter(f"{W}numId")}
    assert len(dipakai) == 3
    for n in num.iter(f"{W}num"):
        if n.get(f"{W}numId") in dipakai:
            assert n.find(f"{W}lvlOverride/{W}startOverride").get(f"{W}val") == "1"


# --- hostile text, errors ------------------------------------------------------------------------


def test_teks_jahat_keluar_apa_adanya():
    dok = contoh_peraturan()
    dok.judul.tentang = "x"
    dok.batang_tubuh = [Pasal([Ayat([Teks(JAHAT), Teks("\x00\x07ok\x1b\ufffe", miring=True)])],
                              nomor=1)]
    dok.pembukaan.menimbang = [teks(JAHAT)]
    dok.penutup.ditetapkan.nama = JAHAT
    dok.lampiran[0].isi = [Tabel(["<th>"], [[JAHAT]])]
    dok.properti = {"title": JAHAT}
    data = render_docx(dok)
    t = baca(data)
    assert JAHAT + "ok" in t
    assert JAHAT in t  # menimbang (single item, no letter), signature name, table cell
    assert t.count(JAHAT) == 3 and "<th>" in t
    assert properti(data)["title"] == JAHAT
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        doc = z.read("word/document.xml").decode("utf-8")
    assert "&lt;b&gt;&amp;" in doc and "<b>" not in doc and "\x00" not in doc


def test_tab_dan_baris_baru():
    dok = contoh_naskah()
    dok.isi = [Alinea(teks("kiri\tkanan\nbaris dua"))]
    assert "kiri\tkanan\nbaris dua" in baca(render_docx(dok))


def test_rujukan_belum_diselesaikan_ditolak():
    dok = contoh_naskah()
    dok.isi = [Alinea([Teks("lihat "), Rujukan("pasal-x", sumber="bab.yaml:3")])]
    with pytest.raises(ValueError, match=r"pasal-x.*bab.yaml:3"):
        render_docx(dok)


@pytest.mark.parametrize("tanda", [["a.", "c."], ["", ""], ["a.", "2."], ["1)", "2)"]])
def test_tanda_yang_tidak_dapat_ditampilkan_word_ditolak(tanda):
    dok = contoh_naskah()
    dok.isi = [Daftar([_b(tanda[0], "x;"), _b(tanda[1], "y.")])]
    with pytest.raises(ValueError):
        render_docx(dok)


def test_model_belum_dinomori_ditolak():
    dok = contoh_peraturan()
    dok.batang_tubuh[0].isi[0].nomor = None
    with pytest.raises(ValueError, match="belum dinomori"):
        render_docx(dok)


# --- emblem --------------------------------------------------------------------------------------


def test_lambang_hanya_jika_diberikan(tmp_path, perbup):
    gambar = tmp_path / "garuda.png"
    gambar.write_bytes(_png(4, 5))
    data = render_docx(contoh_peraturan(lambang=str(gambar)))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.read("word/media/lambang.png") == gambar.read_bytes()
        doc = etree.fromstring(z.read("word/document.xml"))
        rels = z.read("word/_rels/document.xml.rels").decode()
        assert z.testzip() is None
    wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    ext = doc.find(f".//{{{wp}}}extent")
    assert (int(ext.get("cx")), int(ext.get("cy"))) == (900000, 1125000)  # 2.5 cm wide, 5:4
    assert 'Target="media/lambang.png"' in rels
    drawing_p = [p for p in paragraf(data) if p.gaya == "Lambang"]
    assert len(drawing_p) == 1
    # without it: no media, no drawing, same text
    with zipfile.ZipFile(io.BytesIO(perbup)) as z:
        assert not [n for n in z.namelist() if n.startswith("word/media/")]
        assert b"<w:drawing>" not in z.read("word/document.xml")
    assert baca(data) == baca(perbup)


def test_lambang_tidak_terbaca(tmp_path):
    rusak = tmp_path / "lambang.png"
    rusak.write_bytes(b"bukan gambar")
    with pytest.raises(PerbupGenError, match="lambang"):
        render_docx(contoh_peraturan(lambang=str(rusak)))
    with pytest.raises(PerbupGenError, match="lambang"):
        render_docx(contoh_peraturan(lambang=str(tmp_path / "tidak-ada.png")))


# --- template ------------------------------------------------------------------------------------


def test_template_diubah_di_word_tetap_dipakai(tmp_path):
    """A district restyles the template: styles are found by name, their look is kept."""
    dasar = Path(__file__).resolve().parent.parent / "templates" / "dasar.docx"
    ubah = tmp_path / "kabupaten.docx"
    with zipfile.ZipFile(dasar) as a, zipfile.ZipFile(ubah, "w") as b:
        for info in a.infolist():
            isi = a.read(info.filename)
            if info.filename == "word/styles.xml":
                # rename the id of style "Pasal" (Word may do that) and make it underlined
                isi = isi.replace(b'w:styleId="Pasal"', b'w:styleId="PasalKab"').replace(
                    b'<w:name w:val="Pasal"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>',
                    b'<w:name w:val="Pasal"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>'
                    b'<w:pageBreakBefore w:val="0"/>')
            b.writestr(info, isi)
    data = render_docx(contoh_peraturan(), template=ubah)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        doc = z.read("word/document.xml").decode()
    assert '<w:pStyle w:val="PasalKab"/>' in doc
    assert {p.gaya for p in paragraf(data) if p.teks.startswith("Pasal ")} == {"Pasal"}


def test_template_tanpa_gaya_ditolak(tmp_path):
    dasar = Path(__file__).resolve().parent.parent / "templates" / "dasar.docx"
    rusak = tmp_path / "rusak.docx"
    with zipfile.ZipFile(dasar) as a, zipfile.ZipFile(rusak, "w") as b:
        for info in a.infolist():
            isi = a.read(info.filename)
            if info.filename == "word/styles.xml":
                isi = isi.replace(b'<w:name w:val="Judul Bab"/>', b'<w:name w:val="Lain"/>')
            b.writestr(info, isi)
    with pytest.raises(PerbupGenError, match="Judul Bab"):
        PenyajiDocx(rusak)
    with pytest.raises(PerbupGenError, match="templat"):
        PenyajiDocx(tmp_path / "tidak-ada.docx")


def test_template_dasar_dapat_dibangun_ulang_sama(tmp_path):
    import subprocess
    import sys
    root = Path(__file__).resolve().parent.parent
    out = tmp_path / "dasar.docx"
    subprocess.run([sys.executable, str(root / "templates" / "buat_dasar.py"), str(out)],
                   check=True, capture_output=True)
    assert out.read_bytes() == (root / "templates" / "dasar.docx").read_bytes()


def test_lampiran_bernomor():
    dok = contoh_peraturan()
    kedua = Lampiran(kepala=["LAMPIRAN", "PERATURAN BUPATI GUNUNG MAS"], judul="Format laporan",
                     isi=[Alinea(teks("Isi."))], nomor="II")
    dok.lampiran[0].nomor = "I"
    dok.lampiran.append(kedua)
    t = baca(render_docx(dok))
    _urut(t, "LAMPIRAN I", "PERATURAN BUPATI GUNUNG MAS", "KRITERIA INSENTIF KPM",
          "LAMPIRAN II", "PERATURAN BUPATI GUNUNG MAS", "FORMAT LAPORAN", "Isi.")
    assert "LAMPIRAN" not in t


def test_karakter_terlarang_dibuang():
    dok = contoh_naskah()
    dok.isi = [Alinea(teks("a\ud800b\x0bc\x85d\uffffe"))]
    data = render_docx(dok)
    assert "abcde" in baca(data)


def test_ukuran_gambar_png_jpeg_gif():
    from perbup_gen.keluaran.docx import _ukuran_gambar
    assert _ukuran_gambar(_png(7, 3)) == ("png", 7, 3)
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00" + b"\x00" * 9
    sof0 = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, 240, 320, 1) + b"\x01\x11\x00"
    assert _ukuran_gambar(b"\xff\xd8" + app0 + sof0 + b"\xff\xd9") == ("jpeg", 320, 240)
    assert _ukuran_gambar(b"GIF89a" + struct.pack("<HH", 12, 34) + b"\x00" * 8) == ("gif", 12, 34)
    with pytest.raises(ValueError):
        _ukuran_gambar(b"<svg/>")
