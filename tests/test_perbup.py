"""The Aksi 4 Peraturan Bupati built from examples/gunung-mas: model, Markdown and DOCX."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from baca_docx import baca, huruf_normal, properti, ukuran_halaman
from perbup_gen.proses.bangun import tata_letak_docx
from perbup_gen.errors import KlausulError
from perbup_gen.naskah.model import Ayat, Bab, Bagian, Daftar, Dokumen, Pasal, teks_polos
from perbup_gen.konfigurasi.muat import muat_konfigurasi
from perbup_gen.dokumen.perbup import CalonDefinisi, bangun_perbup, pilih_definisi, sebutan_lembaga
from perbup_gen.keluaran.docx import render_docx
from perbup_gen.keluaran.teks import render_markdown

AKAR = Path(__file__).resolve().parent.parent
CONTOH = AKAR / "examples" / "gunung-mas"

# maksud, tujuan and ruang lingkup stand in BAB I (Lampiran II UU 12/2011 angka 98 huruf c);
# Gunung Mas has kelurahan (a Pasal in the ketentuan lain-lain) and KPM appointed before
# (ketentuan peralihan)
JUDUL_BAB = [
    "KETENTUAN UMUM",
    "KEWENANGAN DESA DAN ALOKASI APB DESA",
    "PERAN KECAMATAN",
    "KOORDINASI PEMERINTAH DESA DENGAN PERANGKAT DAERAH DAN PENDAMPING PROGRAM",
    "PERAN LEMBAGA KEMASYARAKATAN DESA",
    "KADER PEMBANGUNAN MANUSIA",
    "REMBUK STUNTING DESA",
    "PENDANAAN",
    "PEMANTAUAN, EVALUASI, DAN PELAPORAN",
    "PEMBINAAN DAN PENGAWASAN",
    "KETENTUAN LAIN-LAIN",
    "KETENTUAN PERALIHAN",
    "KETENTUAN PENUTUP",
]

# juknis Aksi 4, Tahap Pertama angka 3 huruf b: what the Perbup must regulate at least
RUANG_LINGKUP_JUKNIS = [
    "kewenangan Desa dalam menentukan alokasi pendanaan dalam APB Desa",
    "peran Kecamatan dalam mendukung Pemerintah Desa",
    "koordinasi Pemerintah Desa dengan Perangkat Daerah terkait dan fasilitator atau pendamping program",
    "peran LKD dan satuan layanan di Desa",
    "dukungan untuk mobilisasi dan penyediaan insentif bagi KPM",
]


# --- helpers -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hasil():
    return muat_konfigurasi(CONTOH)


@pytest.fixture(scope="module")
def dok(hasil) -> Dokumen:
    return bangun_perbup(hasil)


def semua_pasal(dok: Dokumen) -> list[Pasal]:
    out: list[Pasal] = []

    def jalan(u):
        if isinstance(u, Pasal):
            out.append(u)
        elif isinstance(u, (Bab, Bagian)):
            for x in u.isi:
                jalan(x)
        else:  # Paragraf
            for p in u.pasal:
                jalan(p)

    for u in dok.batang_tubuh:
        jalan(u)
    return out


def pasal_berlabel(dok: Dokumen, label: str) -> Pasal:
    return next(p for p in semua_pasal(dok) if p.label == label)


def teks_ayat(a: Ayat) -> str:
    return teks_polos(a.isi)


def teks_pasal(p: Pasal) -> str:
    baris = []

    def daftar(d: Daftar):
        for b in d.butir:
            baris.append(teks_polos(b.isi))
            if b.daftar:
                daftar(b.daftar)

    for a in p.ayat:
        baris.append(teks_ayat(a))
        if a.daftar:
            daftar(a.daftar)
    return "\n".join(baris)


def teks_badan(dok: Dokumen) -> str:
    return "\n".join(teks_pasal(p) for p in semua_pasal(dok))


def salin_contoh(tmp_path: Path, tambahan: str, klausul: dict[str, str] | None = None) -> Path:
    """A copy of the Gunung Mas config with `tambahan` (YAML) merged over it through `sertakan`,
    and district clause files under klausul/."""
    folder = tmp_path / "gunung-mas"
    shutil.copytree(CONTOH, folder)
    utama = folder / "kabupaten.yaml"
    utama.write_text("sertakan: [uji.yaml]\n" + utama.read_text(encoding="utf-8"), encoding="utf-8")
    if klausul is not None:
        tambahan = "folder_klausul: klausul\n" + tambahan
        for rel, isi in klausul.items():
            p = folder / "klausul" / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(isi, encoding="utf-8")
    (folder / "uji.yaml").write_text(tambahan, encoding="utf-8")
    return folder


# --- heading, title, preamble --------------------------------------------------------------------


def test_kepala_dan_judul(dok):
    assert dok.jenis == "peraturan"
    assert dok.kepala.baris == ["BUPATI GUNUNG MAS", "PROVINSI KALIMANTAN TENGAH"]
    assert dok.kepala.lambang is None  # the example config names no emblem file
    assert dok.judul.jenis == "PERATURAN BUPATI GUNUNG MAS"
    assert dok.judul.nomor == "NOMOR ... TAHUN ..."
    assert dok.judul.tentang == "PERAN DESA DALAM PERCEPATAN PENURUNAN STUNTING"
    assert dok.judul.rancangan is True
    assert dok.pembukaan.pejabat == "BUPATI GUNUNG MAS,"
    assert dok.pembukaan.menetapkan == (
        "PERATURAN BUPATI TENTANG PERAN DESA DALAM PERCEPATAN PENURUNAN STUNTING.")
    assert dok.properti["creator"] == "perbup-gen"
    assert "Gunung Mas" in dok.properti["title"] and "Stunting" in dok.properti["title"]


def test_konsiderans(dok):
    menimbang = [teks_polos(m) for m in dok.pembukaan.menimbang]
    assert len(menimbang) == 3
    for m in menimbang:
        assert m.startswith("bahwa "), m
        assert m.endswith(";") and not m.endswith(";;"), m
    assert "Kabupaten Gunung Mas" in menimbang[0]
    assert menimbang[-1] == (
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu "
        "menetapkan Peraturan Bupati tentang Peran Desa dalam Percepatan Penurunan Stunting;")


def test_mengingat_urut_hierarki_lalu_tanggal(dok):
    mengingat = [teks_polos(m) for m in dok.pembukaan.mengingat]
    awal = [re.match(r"^(Undang-Undang|Peraturan Pemerintah|Peraturan Presiden|Peraturan Menteri [\w ,]+?) "
                     r"Nomor (\d+) Tahun (\d{4})", m).group(0) for m in mengingat]
    assert awal == [
        "Undang-Undang Nomor 5 Tahun 2002",  # the law forming the kabupaten, first by date
        "Undang-Undang Nomor 12 Tahun 2011",
        "Undang-Undang Nomor 6 Tahun 2014",  # 15 January 2014
        "Undang-Undang Nomor 23 Tahun 2014",  # 2 October 2014
        "Undang-Undang Nomor 1 Tahun 2022",  # Dana Desa as defined after UU 1/2022
        "Undang-Undang Nomor 17 Tahun 2023",
        "Peraturan Pemerintah Nomor 43 Tahun 2014",
        "Peraturan Pemerintah Nomor 17 Tahun 2018",  # Kecamatan
        "Peraturan Presiden Nomor 72 Tahun 2021",
        # what the body relies on: village development, LKD, village finance, Posyandu, and the
        # Dana Desa priorities of the config's year (2025)
        "Peraturan Menteri Dalam Negeri Nomor 114 Tahun 2014",
        "Peraturan Menteri Dalam Negeri Nomor 18 Tahun 2018",
        "Peraturan Menteri Dalam Negeri Nomor 20 Tahun 2018",
        "Peraturan Menteri Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi Nomor 2 Tahun 2024",
        "Peraturan Menteri Dalam Negeri Nomor 13 Tahun 2024",
    ]
    assert "Kabupaten Gunung Mas" in mengingat[0]
    assert all(m.endswith(";") for m in mengingat)
    # the whole amendment chain, its last link current (issue 12: UU 23/2014 and PP 43/2014)
    assert ("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik "
            "Indonesia Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587) "
            "sebagaimana telah beberapa kali diubah terakhir dengan Undang-Undang Nomor 6 Tahun 2023 tentang "
            "Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja "
            "menjadi Undang-Undang (Lembaran Negara Republik Indonesia Tahun 2023 Nomor 41, Tambahan Lembaran "
            "Negara Republik Indonesia Nomor 6856);") in mengingat
    pp = next(m for m in mengingat if m.startswith("Peraturan Pemerintah Nomor 43 Tahun 2014"))
    assert pp.endswith("terakhir dengan Peraturan Pemerintah Nomor 11 Tahun 2019 tentang Perubahan Kedua atas "
                       "Peraturan Pemerintah Nomor 43 Tahun 2014 tentang Peraturan Pelaksanaan Undang-Undang "
                       "Nomor 6 Tahun 2014 tentang Desa (Lembaran Negara Republik Indonesia Tahun 2019 Nomor 41, "
                       "Tambahan Lembaran Negara Republik Indonesia Nomor 6321);")
    # numbers nobody found are printed as dots, never guessed
    uu_desa = next(m for m in mengingat if m.startswith("Undang-Undang Nomor 6 Tahun 2014"))
    assert uu_desa.endswith("(Lembaran Negara Republik Indonesia Tahun 2024 Nomor ..., Tambahan Lembaran "
                            "Negara Republik Indonesia Nomor ...);")
    assert "Nomor 77" not in uu_desa and "6914" not in uu_desa
    assert "(Lembaran Negara Republik Indonesia Tahun 2021 Nomor ...);" in mengingat[8]
    assert "Nomor 172" not in " ".join(mengingat)


def test_menimbang_dari_konfigurasi_tidak_dievaluasi(tmp_path):
    folder = salin_contoh(tmp_path, (
        "perbup:\n"
        "  menimbang:\n"
        "    - \"bahwa nilai {{ 7*7 }} dan [[x]] tetap *apa adanya*\"\n"
        "    - bahwa Desa perlu diatur;\n"))
    dok = bangun_perbup(muat_konfigurasi(folder))
    menimbang = [teks_polos(m) for m in dok.pembukaan.menimbang]
    assert menimbang[0] == "bahwa nilai {{ 7*7 }} dan [[x]] tetap *apa adanya*;"
    assert menimbang[1] == "bahwa Desa perlu diatur;"
    assert menimbang[2].startswith("bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam "
                                   "huruf a dan huruf b, perlu menetapkan Peraturan Bupati")


def test_menimbang_templat_kabupaten_menggantikan_bawaan(tmp_path):
    folder = salin_contoh(tmp_path, "", klausul={
        "perbup/pembukaan.yaml": (
            "menimbang:\n"
            "  - bahwa {{ kabupaten }} berkomitmen menurunkan stunting\n"
            "  - bahwa Desa mempunyai kewenangan lokal berskala Desa\n"
            "  - bahwa Pemerintah Desa memerlukan pedoman\n"),
    })
    menimbang = [teks_polos(m) for m in bangun_perbup(muat_konfigurasi(folder)).pembukaan.menimbang]
    assert menimbang[0] == "bahwa Kabupaten Gunung Mas berkomitmen menurunkan stunting;"
    assert menimbang[-1].startswith("bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam "
                                    "huruf a, huruf b, dan huruf c, perlu menetapkan")


# --- body structure and punctuation --------------------------------------------------------------


def test_bab_dan_pasal_1(dok):
    bab = [u for u in dok.batang_tubuh if isinstance(u, Bab)]
    assert len(bab) == len(dok.batang_tubuh)
    assert [b.judul for b in bab] == JUDUL_BAB
    assert [b.nomor for b in bab] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
                                      "XI", "XII", "XIII"]
    p1 = semua_pasal(dok)[0]
    assert p1.nomor == 1 and p1.label == "definisi"
    assert teks_ayat(p1.ayat[0]) == "Dalam Peraturan Bupati ini yang dimaksud dengan:"
    definisi = [teks_polos(b.isi) for b in p1.ayat[0].daftar.butir]
    assert [b.tanda for b in p1.ayat[0].daftar.butir[:3]] == ["1.", "2.", "3."]
    assert definisi[0] == "Daerah adalah Kabupaten Gunung Mas."
    assert "Bupati adalah Bupati Gunung Mas." in definisi
    assert any(d.startswith("Kader Pembangunan Manusia yang selanjutnya disingkat KPM adalah ")
               for d in definisi)
    assert ("Anggaran Pendapatan dan Belanja Desa yang selanjutnya disebut APB Desa adalah rencana "
            "keuangan tahunan Pemerintahan Desa.") in definisi  # PP 43/2014 Pasal 1 angka 10
    # current and verbatim: Dana Desa after UU 1/2022, Desa word for word from UU 6/2014
    assert any(d.startswith("Dana Desa adalah bagian dari transfer ke daerah yang diperuntukkan bagi Desa")
               for d in definisi)
    assert any(d.startswith("Desa adalah desa dan desa adat atau yang disebut dengan nama lain, "
                            "selanjutnya disebut Desa, adalah kesatuan masyarakat hukum") for d in definisi)
    assert "Kecamatan adalah bagian wilayah dari Daerah yang dipimpin oleh Camat." in definisi
    assert not any("pelimpahan kewenangan" in d for d in definisi)  # the PP 19/2008 Camat, revoked
    assert not any(d.startswith("Alokasi Dana Desa") or d.startswith("Kepala Desa adalah") for d in definisi)
    # maksud, tujuan, and ruang lingkup in BAB I (Lampiran II angka 98 huruf c)
    assert [p.label for p in bab[0].isi] == ["definisi", "maksud", "tujuan", "ruang-lingkup"]
    assert any(d.startswith("Dinas Pemberdayaan Masyarakat dan Desa yang selanjutnya disebut "
                            "Dinas PMD adalah Perangkat Daerah") for d in definisi)
    for d in definisi:
        assert d[0].isupper() and d.endswith(".") and " adalah " in d, d


def test_pasal_bernomor_berurutan(dok):
    pasal = semua_pasal(dok)
    assert [p.nomor for p in pasal] == list(range(1, len(pasal) + 1))
    assert len(pasal) >= 20
    for p in pasal:
        if len(p.ayat) == 1:
            assert p.ayat[0].nomor is None
        else:
            assert [a.nomor for a in p.ayat] == list(range(1, len(p.ayat) + 1))
    # the KPM chapter is split into Bagian Kesatu, Kedua, Ketiga
    bab_kpm = dok.batang_tubuh[5]
    assert [(b.nomor, b.judul) for b in bab_kpm.isi] == [
        ("Kesatu", "Penyediaan dan Penetapan"), ("Kedua", "Tugas"), ("Ketiga", "Insentif")]


def _periksa_daftar(d: Daftar, akhir: str, tempat: str) -> int:
    """Check Lampiran II punctuation of a list; returns the number of items checked."""
    n = len(d.butir)
    jumlah = 0
    for i, b in enumerate(d.butir):
        s = teks_polos(b.isi)
        if d.jenis in ("definisi", "kalimat"):
            harap = "."
        elif i == n - 1:
            harap = akhir
        elif i == n - 2 and d.sambung:
            harap = f"; {d.sambung}"
        else:
            harap = ";"
        if b.daftar is not None:
            assert s.endswith(":") and not s.endswith("::"), f"{tempat}: {s!r}"
            jumlah += _periksa_daftar(b.daftar, harap, tempat)
        else:
            assert s.endswith(harap), f"{tempat}: {s!r} harus berakhir {harap!r}"
            assert not s.endswith(";" + harap) and not s.endswith(".."), f"{tempat}: {s!r}"
        assert s[:1] == s[:1].lower() or d.jenis == "definisi" or s.split()[0].rstrip(";:.,") in (
            "Rembuk", "LKD", "Tim", "Posyandu", "APB", "Dana", "Dinas", "Badan", "Peraturan"), \
            f"{tempat}: butir diawali huruf kecil: {s!r}"
        jumlah += 1
    return jumlah


def test_tanda_baca_ayat_dan_daftar(dok):
    dicek = 0
    kata_sambung_dilihat = set()
    for p in semua_pasal(dok):
        for a in p.ayat:
            s = teks_ayat(a)
            if a.daftar is not None:
                assert s.endswith(":"), f"Pasal {p.nomor}: {s!r}"
                dicek += _periksa_daftar(a.daftar, ".", f"Pasal {p.nomor}")
                if a.daftar.jenis == "rincian" and len(a.daftar.butir) > 1:
                    kedua_terakhir = teks_polos(a.daftar.butir[-2].isi)
                    kata_sambung_dilihat.add(kedua_terakhir.rsplit(";", 1)[-1].strip())
            else:
                assert s.endswith(".") and not s.endswith(".."), f"Pasal {p.nomor}: {s!r}"
    assert dicek > 100
    assert {"dan", "dan/atau"} <= kata_sambung_dilihat
    # a nested list: the last sub-item of a middle item ends with ';', of the penultimate '; dan'
    pasal_opd = pasal_berlabel(dok, "peran-perangkat-daerah")
    butir = pasal_opd.ayat[0].daftar.butir
    assert teks_polos(butir[0].isi) == "Dinas PMD, melalui:"
    assert teks_polos(butir[0].daftar.butir[-1].isi).endswith("kurang mampu;")
    assert [x.tanda for x in butir[0].daftar.butir] == ["1.", "2."]
    kesehatan = [teks_polos(x.isi) for x in butir[2].daftar.butir]
    assert kesehatan[-2].endswith("; dan") and kesehatan[-1].endswith("Berbasis Masyarakat;")
    # a single intervention is written inline, not as a one-item list
    assert butir[-2].daftar is None
    assert teks_polos(butir[-2].isi) == ("Dinas Pendidikan, Kepemudaan dan Olahraga, melalui akses "
                                         "layanan pendidikan anak usia dini dan pemantauan tumbuh kembang "
                                         "anak; dan")
    assert teks_polos(butir[-1].daftar.butir[-1].isi).endswith("Kawasan Rumah Pangan Lestari.")


def test_ruang_lingkup_juknis_masing_masing_bab(dok):
    p = pasal_berlabel(dok, "ruang-lingkup")
    assert teks_ayat(p.ayat[0]) == "Ruang lingkup Peraturan Bupati ini meliputi:"
    butir = [teks_polos(b.isi) for b in p.ayat[0].daftar.butir]
    for lingkup in RUANG_LINGKUP_JUKNIS:
        assert any(b.startswith(lingkup) for b in butir), lingkup
    judul = [b.judul for b in dok.batang_tubuh]
    for kata in ("KEWENANGAN DESA", "PERAN KECAMATAN", "KOORDINASI PEMERINTAH DESA",
                 "PERAN LEMBAGA KEMASYARAKATAN", "KADER PEMBANGUNAN MANUSIA"):
        assert sum(kata in j for j in judul) == 1, kata


def test_isi_dari_konfigurasi(dok, hasil):
    k = hasil.konfigurasi
    badan = teks_badan(dok)
    for kegiatan in k.kewenangan_desa.kegiatan:
        assert kegiatan in badan
    for peran in list(k.kecamatan.peran) + list(k.kecamatan.peran_tambahan):
        assert peran in badan
    assert "paling sedikit 1 (satu) kali dalam 3 (tiga) bulan untuk membahas:" in badan
    assert "sekurang-kurangnya" not in badan and "APBDes" not in badan and "Aksi" not in badan
    # a share of Dana Desa only because the district sets one, with its basis
    assert ("paling sedikit 10% (sepuluh persen) dari Dana Desa untuk kegiatan Percepatan Penurunan Stunting "
            "berdasarkan kesepakatan rembuk Stunting tingkat Daerah Tahun 2024.") in badan
    assert "paling rendah berpendidikan sekolah lanjutan tingkat atas atau sederajat." in badan
    assert ("berupa uang sebesar Rp500.000,00 (lima ratus ribu rupiah) untuk setiap KPM setiap "
            "bulan yang bersumber dari Dana Desa.") in badan
    for t in k.kpm.tugas + [x.uraian for x in k.kpm.insentif.kriteria] + k.kpm.insentif.bukan_uang:
        assert t in badan
    # lembaga: the LKD of Permendagri 18/2018 (short names from "Long Name (ABBR)"); the PAUD
    # unit is not an LKD and takes part as a service unit
    lembaga = pasal_berlabel(dok, "lembaga").ayat
    assert [teks_polos(b.isi) for b in lembaga[1].daftar.butir] == [
        "Posyandu;", "Tim Penggerak Pemberdayaan dan Kesejahteraan Keluarga Desa; dan",
        "LKD lainnya yang dibentuk sesuai dengan ketentuan peraturan perundang-undangan."]
    assert teks_ayat(lembaga[2]).startswith("Selain LKD sebagaimana dimaksud pada ayat (2), satuan pendidikan "
                                            "anak usia dini di Desa berperan serta")
    assert "Badan Perencanaan Pembangunan Daerah, Penelitian dan Pengembangan menjadi koordinator" \
        in badan
    assert "kepada Bupati melalui Sekretaris Daerah dengan tembusan kepada Dinas PMD." in badan
    # the desa's regular incentive (APB Desa) apart from the kabupaten's performance incentive
    # (APBD, the juknis criteria), and what follows a missed target
    assert "Pemerintah Desa memberikan insentif kepada KPM yang dianggarkan dalam APB Desa." in badan
    assert ("Pemerintah Daerah memberikan insentif kinerja kepada KPM yang bersumber dari anggaran pendapatan "
            "dan belanja Daerah.") in badan
    assert "tidak diberi insentif kinerja untuk triwulan tersebut" in badan
    assert "dalam 2 (dua) triwulan berturut-turut dievaluasi oleh Kepala Desa" in badan
    # KPM linked to the desa stunting team and family assistance teams (Perpres 72/2021)
    assert "Kepala Desa mengikutsertakan KPM dalam Tim Percepatan Penurunan Stunting tingkat Desa." in badan
    assert "tim pendamping keluarga di Desa" in badan
    # kecamatan in its formal instruments, the Inspektorat in supervision, term and replacement
    assert "melakukan evaluasi rancangan Peraturan Desa tentang APB Desa" in badan
    assert "dilaksanakan oleh Inspektorat Daerah" in badan
    assert "KPM ditetapkan untuk masa tugas 1 (satu) tahun dan dapat ditetapkan kembali." in badan
    # kelurahan (Gunung Mas has 13): the Perbup does not reach them
    assert ("Ketentuan dalam Peraturan Bupati ini mengenai kewenangan Desa, APB Desa, dan KPM tidak berlaku "
            "bagi kelurahan di Daerah.") in badan
    # KPM already appointed stay until their term ends
    assert "KPM yang telah ditetapkan dengan Keputusan Kepala Desa sebelum Peraturan Bupati ini mulai berlaku" \
        in badan


def test_rapat_koordinasi_kecamatan(dok, tmp_path):
    s = teks_pasal(pasal_berlabel(dok, "peran-kecamatan"))
    assert ("Rapat koordinasi antarunit layanan sebagaimana dimaksud pada ayat (2) huruf c "
            "diselenggarakan paling sedikit 1 (satu) kali dalam 3 (tiga) bulan untuk membahas:") in s
    # a district without the meeting role among its kecamatan roles: the meeting is its own ayat
    folder = salin_contoh(tmp_path, (
        "kecamatan:\n  peran: [melakukan reviu atas usulan APB Desa]\n  peran_tambahan: []\n"
        "  rapat_koordinasi_bulan: 2\n"))
    s = teks_pasal(pasal_berlabel(bangun_perbup(muat_konfigurasi(folder)), "peran-kecamatan"))
    assert ("Camat memfasilitasi rapat koordinasi antarunit layanan paling sedikit 1 (satu) kali dalam "
            "2 (dua) bulan untuk membahas:") in s
    assert "huruf c" not in s


def test_kpm_pendidikan_lain_dalam_kata(tmp_path):
    folder = salin_contoh(tmp_path, "kpm:\n  pendidikan_minimal: D3\n")
    badan = teks_badan(bangun_perbup(muat_konfigurasi(folder)))
    assert "paling rendah berpendidikan program diploma tiga." in badan


def test_alokasi_dengan_jumlah_dan_persen(tmp_path):
    folder = salin_contoh(tmp_path, (
        "apbdes:\n"
        "  persen_dana_desa_minimal: null\n"
        "  kegiatan:\n"
        "    - {kegiatan: operasional KPM, sumber: Dana Desa, jumlah: 6000000}\n"
        "    - {kegiatan: pemberian makanan tambahan, sumber: Dana Desa, persen: 2.5}\n"))
    p = pasal_berlabel(bangun_perbup(muat_konfigurasi(folder)), "alokasi")
    s = teks_pasal(p)
    assert "dari Dana Desa untuk kegiatan Percepatan Penurunan" not in s
    assert ("operasional KPM yang bersumber dari Dana Desa paling sedikit Rp6.000.000,00 (enam juta "
            "rupiah) setiap tahun anggaran; dan") in s
    assert "pemberian makanan tambahan paling sedikit 2,5% (dua koma lima persen) dari Dana Desa." in s


# --- references ----------------------------------------------------------------------------------


def _rujukan_insentif(dok: Dokumen) -> str:
    return teks_ayat(pasal_berlabel(dok, "sistem-insentif").ayat[1])


def test_rujukan_diselesaikan(dok):
    tugas = pasal_berlabel(dok, "tugas")
    assert _rujukan_insentif(dok) == (
        "Dinas PMD menyiapkan instrumen evaluasi kinerja KPM sebagai dasar penilaian capaian target kinerja "
        f"sebagaimana dimaksud dalam Pasal {tugas.nomor} ayat (4).")
    insentif = pasal_berlabel(dok, "insentif")
    assert teks_ayat(insentif.ayat[1]).startswith("Insentif sebagaimana dimaksud pada ayat (1) ")
    kinerja = pasal_berlabel(dok, "insentif-kinerja-pasal")
    sistem = teks_pasal(pasal_berlabel(dok, "sistem-insentif"))
    assert f"sebagaimana dimaksud dalam Pasal {kinerja.nomor} ayat (2)." in sistem
    masa = pasal_berlabel(dok, "masa-tugas")
    assert f"dapat diberhentikan sebagaimana dimaksud dalam Pasal {masa.nomor} ayat (2) huruf d." in \
        teks_pasal(kinerja)
    pelaporan = teks_pasal(pasal_berlabel(dok, "pelaporan"))
    assert f"tugas sebagaimana dimaksud dalam Pasal {tugas.nomor} ayat (1) kepada Kepala Desa" \
        in pelaporan


def test_rujukan_ikut_berubah_bila_klausul_dipindah(tmp_path, dok):
    nomor_awal = pasal_berlabel(dok, "tugas").nomor
    assert f"dalam Pasal {nomor_awal} ayat (4)." in _rujukan_insentif(dok)

    # switch the kecamatan chapter off: everything after it moves up by one Pasal
    folder = salin_contoh(tmp_path / "a", "perbup:\n  klausul_nonaktif: [peran_kecamatan]\n")
    dok_a = bangun_perbup(muat_konfigurasi(folder))
    assert "PERAN KECAMATAN" not in [b.judul for b in dok_a.batang_tubuh]
    # the ruang lingkup lists only the chapters present
    lingkup_a = teks_pasal(pasal_berlabel(dok_a, "ruang-lingkup"))
    assert "peran Kecamatan" not in lingkup_a and "Rembuk Stunting Desa;" in lingkup_a
    assert pasal_berlabel(dok_a, "tugas").nomor == nomor_awal - 1
    assert _rujukan_insentif(dok_a).endswith(f"dalam Pasal {nomor_awal - 1} ayat (4).")

    # a district file replaces the kecamatan chapter with two Pasal: everything moves down by one
    folder = salin_contoh(tmp_path / "b", "", klausul={
        "perbup/040_peran_kecamatan.md": (
            "# PERAN KECAMATAN\n\n"
            "#### Pasal {#kec-1}\n"
            "Camat mendukung Pemerintah Desa.\n\n"
            "#### Pasal\n"
            "Dukungan sebagaimana dimaksud [[kec-1]] dilaporkan kepada Bupati.\n"),
    })
    dok_b = bangun_perbup(muat_konfigurasi(folder))
    assert pasal_berlabel(dok_b, "tugas").nomor == nomor_awal + 1
    assert _rujukan_insentif(dok_b).endswith(f"dalam Pasal {nomor_awal + 1} ayat (4).")
    kec = pasal_berlabel(dok_b, "kec-1")
    assert f"Dukungan sebagaimana dimaksud dalam Pasal {kec.nomor} dilaporkan kepada Bupati." in \
        teks_badan(dok_b)


def test_label_tidak_dikenal_di_klausul_kabupaten(tmp_path):
    folder = salin_contoh(tmp_path, "", klausul={
        "perbup/095_tambahan.md": (
            "---\nid: tambahan\n---\n"
            "#### Pasal\n"
            "() Desa melaksanakan kegiatan.\n"
            "() Kegiatan sebagaimana dimaksud [[tidak-ada]] dilaporkan.\n"),
    })
    with pytest.raises(KlausulError) as e:
        bangun_perbup(muat_konfigurasi(folder))
    pesan = str(e.value)
    assert "095_tambahan.md:6" in pesan
    assert "tidak-ada" in pesan


# --- values are text, never templates ------------------------------------------------------------


def test_nilai_konfigurasi_tidak_dievaluasi(tmp_path):
    jahat = "pengadaan {{ 7*7 }} dan [[x]] serta *miring* {% if true %}y{% endif %} #BAB"
    folder = salin_contoh(tmp_path, (
        "kewenangan_desa:\n"
        f"  kegiatan:\n    - '{jahat}'\n    - penyediaan air bersih\n"
        "lembaga_masyarakat:\n"
        "  - nama: '{{ lembaga }} (X)'\n"
        "    peran: ['- bukan butir [[y]]']\n"))
    dok = bangun_perbup(muat_konfigurasi(folder))
    badan = teks_badan(dok)
    assert jahat + ";" in badan
    assert "49" not in badan
    assert "- bukan butir [[y]]." in badan
    md = render_markdown(dok).replace("\\", "")  # Markdown escapes, then the literal value
    assert jahat + "; dan" in md


# --- definitions ---------------------------------------------------------------------------------


def test_definisi_hanya_untuk_istilah_yang_dipakai(dok):
    p1 = semua_pasal(dok)[0]
    definisi = [teks_polos(b.isi) for b in p1.ayat[0].daftar.butir]
    istilah = [d.split(" adalah ")[0].split(" yang selanjutnya ")[-1] for d in definisi]
    istilah = [re.sub(r"^disebut |^disingkat ", "", i) for i in istilah]
    badan_lain = "\n".join(teks_pasal(p) for p in semua_pasal(dok)[1:])
    for i, (nama, d) in enumerate(zip(istilah, definisi)):
        lain = badan_lain + "\n" + "\n".join(x for j, x in enumerate(definisi) if j != i)
        assert re.search(r"(?<!\w)" + re.escape(nama) + r"(?!\w)", lain, re.IGNORECASE), nama
    # chains: Pemerintah Desa is defined through Pemerintahan Desa
    assert "Pemerintahan Desa" in istilah and "Pemerintah Desa" in istilah
    assert "Intervensi Spesifik" in istilah  # called for by Percepatan Penurunan Stunting


def test_definisi_yang_tidak_dipakai_tidak_dimuat(tmp_path):
    folder = salin_contoh(tmp_path, (
        "koordinasi:\n  pendamping: [tenaga pendamping profesional Desa]\n"
        "lembaga_masyarakat:\n"
        "  - nama: Pos Pelayanan Terpadu (Posyandu)\n"
        "    peran: [melaksanakan pemantauan pertumbuhan balita]\n"
        "kewenangan_desa:\n  kegiatan: [penyediaan makanan tambahan bergizi]\n"
        "kpm:\n  syarat: [berasal dari Desa setempat]\n"), klausul={
        "perbup/100_pemantauan_evaluasi_pelaporan.md": (
            "# PEMANTAUAN\n\n#### Pasal\nKPM melaporkan pelaksanaan tugasnya kepada Kepala Desa.\n"),
    })
    dok = bangun_perbup(muat_konfigurasi(folder))
    definisi = "\n".join(teks_polos(b.isi) for b in semua_pasal(dok)[0].ayat[0].daftar.butir)
    assert "Puskesmas" not in definisi
    assert "PAUD" not in teks_badan(dok)
    assert "Pendidikan Anak Usia Dini" not in definisi
    assert "Pos Pelayanan Terpadu yang selanjutnya disebut Posyandu" in definisi


def test_pilih_definisi_titik_tetap():
    calon = [
        CalonDefinisi("Desa adalah kesatuan masyarakat hukum.", ["Desa"], "t:1"),
        CalonDefinisi("Pemerintahan Desa adalah penyelenggaraan urusan.", ["Pemerintahan Desa"], "t:2"),
        CalonDefinisi("Pemerintah Desa adalah Kepala Desa sebagai unsur Pemerintahan Desa.",
                      ["Pemerintah Desa"], "t:3"),
        CalonDefinisi("Kepala Desa adalah pejabat.", ["Kepala Desa"], "t:4"),
        CalonDefinisi("Posyandu adalah pos.", ["Posyandu"], "t:5"),
    ]
    dipilih = pilih_definisi(calon, "Pemerintah Desa menyusun rencana.")
    assert [c.sumber for c in dipilih] == ["t:1", "t:2", "t:3", "t:4"]
    assert pilih_definisi(calon, "pemerintahan desa") == []  # capitals matter
    assert [c.sumber for c in pilih_definisi(calon, "Posyandu")] == ["t:5"]


def test_sebutan_lembaga():
    assert sebutan_lembaga("Pos Pelayanan Terpadu (Posyandu)") == "Posyandu"
    assert sebutan_lembaga("Pendidikan Anak Usia Dini (PAUD)") == "PAUD"
    assert sebutan_lembaga("Tim Penggerak Pemberdayaan dan Kesejahteraan Keluarga (PKK) Desa") == \
        "Tim Penggerak PKK Desa"
    assert sebutan_lembaga("Karang Taruna") == "Karang Taruna"


# --- closing -------------------------------------------------------------------------------------


def test_penutup(dok):
    terakhir = semua_pasal(dok)[-1]
    assert teks_pasal(terakhir) == "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan."
    assert dok.batang_tubuh[-1].judul == "KETENTUAN PENUTUP"
    assert dok.kalimat_pengundangan == (
        "Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Bupati ini dengan "
        "penempatannya dalam Berita Daerah Kabupaten Gunung Mas.")
    t = dok.penutup.ditetapkan
    assert (t.kata, t.tempat, t.tanggal, t.jabatan, t.nama) == (
        "Ditetapkan", "Kuala Kurun", "...", "BUPATI GUNUNG MAS,", "YOHANES RANYING BAHEN")
    u = dok.penutup.diundangkan
    assert (u.kata, u.tempat, u.tanggal, u.jabatan, u.nama) == (
        "Diundangkan", "Kuala Kurun", "...", "SEKRETARIS DAERAH KABUPATEN GUNUNG MAS,",
        "MARTHEN LUTHER DINATA")
    assert dok.penutup.berita_daerah == "BERITA DAERAH KABUPATEN GUNUNG MAS TAHUN 2025 NOMOR ..."


def test_penutup_bernomor_dan_bertanggal(tmp_path):
    folder = salin_contoh(tmp_path, (
        "perbup:\n  nomor: '17'\n  tanggal_penetapan: 2025-05-02\n"
        "  tanggal_pengundangan: 2025-05-03\n  nomor_berita_daerah: '17'\n  rancangan: false\n"))
    dok = bangun_perbup(muat_konfigurasi(folder))
    assert dok.judul.nomor == "NOMOR 17 TAHUN 2025"
    assert dok.judul.rancangan is False
    assert dok.penutup.ditetapkan.tanggal == "2 Mei 2025"
    assert dok.penutup.diundangkan.tanggal == "3 Mei 2025"
    assert dok.penutup.berita_daerah == "BERITA DAERAH KABUPATEN GUNUNG MAS TAHUN 2025 NOMOR 17"


def test_paraf(dok, tmp_path):
    assert [(b.jabatan, b.nama) for b in dok.paraf] == [
        ("Kepala Bagian Hukum", "Debora Lisanti"),
        ("Kepala Dinas Pemberdayaan Masyarakat dan Desa", "Agustinus Luwan"),
        ("Kepala Dinas Kesehatan", "Lusiana Ampung"),
        ("Asisten Pemerintahan dan Kesejahteraan Rakyat", "Rinie Handayani"),
        ("Sekretaris Daerah", "Marthen Luther Dinata"),
    ]
    turunan = bangun_perbup(muat_konfigurasi(salin_contoh(tmp_path / "a", "paraf_koordinasi: []\n")))
    assert [(b.jabatan, b.nama) for b in turunan.paraf] == [
        ("Kepala Bagian Hukum", "Debora Lisanti"),
        ("Kepala Dinas Pemberdayaan Masyarakat dan Desa", "Agustinus Luwan"),
        ("Asisten Pemerintahan dan Kesejahteraan Rakyat", "Rinie Handayani"),
        ("Sekretaris Daerah", "Marthen Luther Dinata"),
    ]
    tanpa = bangun_perbup(muat_konfigurasi(salin_contoh(tmp_path / "b",
                                                        "perbup:\n  kotak_paraf: false\n")))
    assert tanpa.paraf == []


def test_istilah_asing_miring(dok):
    miring = [t.teks for p in semua_pasal(dok) for a in p.ayat for t in a.isi
              if getattr(t, "miring", False)]
    assert miring and all(m.lower() == "stunting" for m in miring)


# --- rendered outputs ----------------------------------------------------------------------------


def test_markdown(dok):
    md = render_markdown(dok)
    assert "Pasal\u00a0" in md and "Tahun\u00a02014" in md  # no-break spaces (naskah/spasi.py)
    md = md.replace("\u00a0", " ")
    for baris in ("BUPATI GUNUNG MAS", "PERATURAN BUPATI GUNUNG MAS", "NOMOR ... TAHUN ...",
                  "Pasal 1", "KETENTUAN UMUM", "Peraturan Bupati ini mulai berlaku pada tanggal "
                  "diundangkan.", "BERITA DAERAH KABUPATEN GUNUNG MAS TAHUN 2025 NOMOR ..."):
        assert baris in md, baris


@pytest.fixture(scope="module")
def docx(dok, hasil) -> bytes:
    return render_docx(dok, tata_letak_docx(hasil))


def test_docx_halaman_dan_huruf(docx):
    assert ukuran_halaman(docx) == (12189, 18709)  # F4, 215 x 330 mm in twips
    assert huruf_normal(docx) == ("Bookman Old Style", 12)
    assert properti(docx)["title"].startswith("Rancangan Peraturan Bupati Gunung Mas tentang")


def test_docx_isi(docx, dok):
    baris = baca(docx)
    assert baris[:9] == [
        "BUPATI GUNUNG MAS", "PROVINSI KALIMANTAN TENGAH", "RANCANGAN",
        "PERATURAN BUPATI GUNUNG MAS", "NOMOR ... TAHUN ...", "TENTANG",
        "PERAN DESA DALAM PERCEPATAN PENURUNAN STUNTING", "DENGAN RAHMAT TUHAN YANG MAHA ESA",
        "BUPATI GUNUNG MAS,"]
    assert any(b.startswith("a. bahwa untuk mendukung percepatan penurunan stunting") for b in baris)
    assert any(b.startswith("c. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a "
                            "dan huruf b") for b in baris)
    assert any(b.startswith("1. Undang-Undang Nomor 5 Tahun 2002") for b in baris)
    i = baris.index("BAB I")
    assert baris[i:i + 5] == ["BAB I", "KETENTUAN UMUM", "Pasal 1",
                              "Dalam Peraturan Bupati ini yang dimaksud dengan:",
                              "1. Daerah adalah Kabupaten Gunung Mas."]
    n = len(semua_pasal(dok))
    assert [b for b in baris if re.fullmatch(r"Pasal \d+", b)] == [f"Pasal {i}" for i in
                                                                   range(1, n + 1)]
    tugas = pasal_berlabel(dok, "tugas").nomor
    assert (f"(2) Dinas PMD menyiapkan instrumen evaluasi kinerja KPM sebagai dasar penilaian capaian target "
            f"kinerja sebagaimana dimaksud dalam Pasal {tugas} ayat (4).") in baris
    assert "e. paling rendah berpendidikan sekolah lanjutan tingkat atas atau sederajat." in baris
    teks = "\n".join(baris)
    for s in ("Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.",
              "Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Bupati ini "
              "dengan penempatannya dalam Berita Daerah Kabupaten Gunung Mas.",
              "Diundangkan di Kuala Kurun", "SEKRETARIS DAERAH KABUPATEN GUNUNG MAS,",
              "MARTHEN LUTHER DINATA", "BUPATI GUNUNG MAS,", "YOHANES RANYING BAHEN",
              "BERITA DAERAH KABUPATEN GUNUNG MAS TAHUN 2025 NOMOR ..."):
        assert s in teks, s


def test_lambang_jalur_mutlak(tmp_path):
    folder = salin_contoh(tmp_path, "kabupaten:\n  lambang: gambar/garuda.png\n")
    (folder / "gambar").mkdir()
    from test_render_docx import _png

    (folder / "gambar" / "garuda.png").write_bytes(_png(4, 5))
    dok = bangun_perbup(muat_konfigurasi(folder))
    assert dok.kepala.lambang == str((folder / "gambar" / "garuda.png").resolve())
    assert Path(dok.kepala.lambang).is_absolute()
