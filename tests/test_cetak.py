"""Print-ready output (issue 14), checked where a printer and a signatory see it: the PDF that
LibreOffice makes of each DOCX, page by page (poppler's pdftotext and pdffonts).

- every document of both examples and of a district with the longest desa names of Indonesia:
  no page more than a quarter empty (except the last one and the page before a Lampiran), no title
  with a word alone on a line, the desa name whole in the Lampiran heading, the Bookman substitute
  embedded, PDF/A;
- a district of more than 500 generated desa converted completely by `build --pdf`;
- the rules underneath without LibreOffice: no-break spaces, balanced title lines.
These tests need LibreOffice, poppler-utils and fonts-urw-base35 (CI installs them); without them
they fail with the package to install.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from baca_docx import paragraf
from baca_pdf import halaman, huruf, kosong_bawah, perlu_poppler

from perbup_gen.cli import main
from perbup_gen.keluaran.docx import baris_seimbang, lebar_pt
from perbup_gen.keluaran.pdf import PESAN_PASANG, libreoffice_tersedia
from perbup_gen.naskah.spasi import NBSP, ikat

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR / "bench"))

import nasional  # noqa: E402  (the invented-but-valid config of the national benchmark)

GAYA_JUDUL = {"Kepala", "Judul", "Judul Bab", "Judul Bagian", "Judul Paragraf", "Judul Lampiran"}
PANJANG = "13.05"  # Padang Pariaman: "Kampuang Tanjuang Koto Mambang Sungai Durian" (44 letters)


def _perlu_semua() -> None:
    if libreoffice_tersedia() is None:
        pytest.fail("LibreOffice (soffice) tidak terpasang: " + PESAN_PASANG)
    perlu_poppler()


def _konfigurasi(folder: Path, kode: str, jumlah: int | None = None, terpanjang: bool = False) -> Path:
    """A config folder for kabupaten `kode` from the national list (bench/nasional.py: invented
    officials and KPM, real desa): all its desa, or the `jumlah` with the longest names."""
    from perbup_gen.konfigurasi.wilayah import DaftarWilayah

    w = DaftarWilayah.muat()
    desa = [(x.kode, x.nama) for x in w.keturunan(kode) if x.tingkat == "desa"]
    if terpanjang:
        desa = sorted(desa, key=lambda d: (-len(d[1]), d[0]))
    desa = desa[:jumlah] if jumlah else desa
    data = nasional.data_konfigurasi(kode, w.cari(kode).nama, w.provinsi_dari(kode).nama, desa)
    folder.mkdir(parents=True)
    (folder / "kabupaten.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                           encoding="utf-8")
    return folder


def _build_pdf(konfig: Path, out: Path, *opsi: str):
    return CliRunner().invoke(main, ["build", str(konfig), "-o", str(out), "--pdf", *opsi])


@pytest.fixture(scope="module")
def keluaran(tmp_path_factory) -> dict[str, Path]:
    """Both examples and the long-names district, built with --pdf."""
    _perlu_semua()
    akar = tmp_path_factory.mktemp("cetak")
    konfig = {"gunung-mas": AKAR / "examples" / "gunung-mas", "katingan": AKAR / "examples" / "katingan",
              "nama-panjang": _konfigurasi(akar / "konfig-panjang", PANJANG, 6, terpanjang=True)}
    out = {}
    for nama, k in konfig.items():
        out[nama] = akar / nama
        r = _build_pdf(k, out[nama], "-q")
        assert r.exit_code == 0, r.output
    return out


@pytest.fixture(scope="module")
def hal(keluaran) -> dict[Path, list]:
    """The pages of every PDF, read once (pdftotext takes a quarter of a second per PDF)."""
    from concurrent.futures import ThreadPoolExecutor

    pdf = [p for _, p in _pasangan(keluaran)]
    with ThreadPoolExecutor(4) as pool:
        return dict(zip(pdf, pool.map(halaman, pdf)))


def _pasangan(keluaran: dict[str, Path]) -> list[tuple[Path, Path]]:
    """(docx, pdf) of every document built."""
    hasil = []
    for folder in keluaran.values():
        for d in sorted(folder.rglob("*.docx")):
            assert d.with_suffix(".pdf").is_file(), d
            hasil.append((d, d.with_suffix(".pdf")))
    return hasil


def test_semua_dokumen_ada_pdfnya(keluaran):
    pasangan = _pasangan(keluaran)
    assert len(pasangan) == 117 + 138 + 5 + 9  # Gunung Mas (114 SK KPM, 138 contracts), Katingan (2), 6 long names


def test_tidak_ada_halaman_lebih_dari_seperempat_kosong(keluaran, hal):
    """Every page but the last and the one before a Lampiran is at least three quarters full."""
    salah = []
    for docx, pdf in _pasangan(keluaran):
        semua = hal[pdf]
        for i, h in enumerate(semua[:-1]):
            berikut = semua[i + 1].isi()
            if berikut and berikut[0].teks.startswith("LAMPIRAN"):
                continue
            kosong = kosong_bawah(h)
            if kosong > 0.25:
                salah.append(f"{pdf.name} halaman {i + 1} dari {len(semua)}: {kosong:.0%} kosong")
    assert not salah, "\n".join(salah)


def test_judul_tanpa_kata_sendirian(keluaran, hal):
    """Every title (heading, title, BAB, Lampiran title) stands on lines of two words or more."""
    salah, diperiksa = [], 0
    pasangan = _pasangan(keluaran)
    for docx, pdf in pasangan:
        # the words of every line, pages one after the other (no-break spaces read as spaces)
        baris = [" ".join(b.kata).replace(NBSP, " ").split() for h in hal[pdf] for b in h.isi()]
        for p in paragraf(docx):
            if p.gaya not in GAYA_JUDUL:
                continue
            kata = p.teks.replace("\n", " ").split()
            if len(kata) < 2:
                continue
            # the run of PDF lines that holds exactly this title
            for i in range(len(baris)):
                j, dapat = i, []
                while j < len(baris) and len(dapat) < len(kata):
                    dapat += baris[j]
                    j += 1
                if dapat == kata:
                    break
            else:
                salah.append(f"{pdf.name}: judul tidak ditemukan di PDF: {' '.join(kata)}")
                continue
            diperiksa += 1
            if any(len(b) < 2 for b in baris[i:j]):
                salah.append(f"{pdf.name}: {' / '.join(' '.join(b) for b in baris[i:j])}")
    assert not salah, "\n".join(salah)
    assert diperiksa >= 7 * len(pasangan)


def test_nama_desa_utuh_di_kepala_lampiran(keluaran, hal):
    folder = keluaran["nama-panjang"] / "sk-kpm"
    for pdf in sorted(folder.glob("*.pdf")):
        nama = None
        for p in paragraf(pdf.with_suffix(".docx"), mentah=True):
            # Padang Pariaman is in Sumatera Barat: the decree of a Wali Nagari
            teks = p.teks.replace("\n", " ")
            if p.gaya == "Lampiran Kepala" and teks.startswith("KEPUTUSAN WALI NAGARI"):
                nama = teks.split("NAGARI", 1)[1].strip()
        assert nama and NBSP in nama  # joined by no-break spaces in the model
        lampiran = next(h for h in hal[pdf] if h.isi()[0].teks.startswith("LAMPIRAN"))
        teks = [b.teks.replace(NBSP, " ") for b in lampiran.isi()]
        assert sum(nama.replace(NBSP, " ") in t for t in teks[:10]) >= 2, (pdf.name, teks[:10])


def test_huruf_pengganti_bookman_tertanam_pdfa(keluaran):
    for docx, pdf in _pasangan(keluaran):
        font = huruf(pdf)
        assert font, pdf
        for nama, tertanam in font:
            assert tertanam, f"{pdf.name}: {nama} tidak tertanam"
            assert re.search(r"URWBookman|TeXGyreBonum", nama), (
                f"{pdf.name}: huruf {nama}, bukan pengganti Bookman Old Style "
                "(apt-get install fonts-urw-base35)")
        data = pdf.read_bytes()
        assert b"<pdfaid:part>2</pdfaid:part>" in data and b"<pdfaid:conformance>B" in data


def test_kabupaten_lebih_dari_500_desa_lengkap(tmp_path):
    """Aceh Timur, 513 desa: every decree converted (one LibreOffice run stops near 250 files)."""
    _perlu_semua()
    konfig = _konfigurasi(tmp_path / "konfig", "11.03")
    out = tmp_path / "out"
    r = _build_pdf(konfig, out, "-q", "--force")
    assert r.exit_code == 0, r.output
    docx = sorted(out.rglob("*.docx"))
    assert len(docx) == 513 + 3
    hilang = [d.name for d in docx if not d.with_suffix(".pdf").is_file()]
    assert not hilang, hilang[:10]
    for d in docx:
        data = d.with_suffix(".pdf").read_bytes()
        assert data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:], d.name
    assert not [p for p in out.iterdir() if p.name.startswith(".pdf-")]
    # the last decree in code order, well past the ~250th file
    terakhir = sorted((out / "sk-kpm").glob("*.pdf"))[-1]
    teks = " ".join(b.teks for h in halaman(terakhir) for b in h.isi()).replace(NBSP, " ")
    # Aceh Timur: the gampong's decree, signed by its Keuchik (UU 11/2006)
    assert "KEPUTUSAN KEUCHIK GAMPONG" in teks and "Kader Pembangunan Manusia" in teks
    assert "KEPALA DESA" not in teks


# --- the rules underneath, without LibreOffice -------------------------------------------------------


@pytest.mark.parametrize("asal, jadi", [
    ("sebagaimana dimaksud dalam Pasal 5 ayat (1) huruf a", "Pasal_5 ayat_(1) huruf_a"),
    ("dalam Pasal 7 huruf bb angka 3", "Pasal_7 huruf_bb angka_3"),
    ("Undang-Undang Nomor 6 Tahun 2014 tentang Desa", "Nomor_6 Tahun_2014"),
    ("NOMOR ... TAHUN 2025", "NOMOR_..._TAHUN_2025"),
    ("paling sedikit 3 (tiga) bulan", "3_(tiga)"),
    ("sebesar Rp500.000,00 (lima ratus ribu rupiah)", "Rp500.000,00_(lima"),
    ("sebesar Rp 500.000", "Rp_500.000"),
    ("pada tanggal 2 Mei 2025", "2_Mei_2025"),
    ("dalam Diktum KESATU", "Diktum_KESATU"),
])
def test_spasi_tak_putus(asal, jadi):
    hasil = ikat(asal).replace(NBSP, "_")
    assert jadi in hasil
    assert ikat(ikat(asal)) == ikat(asal)
    assert ikat(asal).replace(NBSP, " ") == asal  # the text itself does not change


def test_spasi_tak_putus_tidak_berlebihan():
    for s in ("huruf kapital", "angka dan huruf", "Tahun Anggaran berjalan", "Pasal ini",
              "Lampiran Keputusan", "10 Desa", "bulan Mei"):
        assert ikat(s) == s, s


def test_judul_seimbang():
    judul = "PEMBENTUKAN TIM PENYUSUN RANCANGAN PERATURAN BUPATI TENTANG PERAN DESA DALAM PERCEPATAN PENURUNAN STUNTING"
    baris = baris_seimbang(judul, 468, True, 12)
    assert len(baris) == 2 and " ".join(baris) == judul
    lebar = [lebar_pt(b, True, 12) for b in baris]
    assert max(lebar) <= 468 and abs(lebar[0] - lebar[1]) < 60  # balanced, not greedy
    # greedy would leave "2025" alone on the second line
    t = "PENETAPAN KADER PEMBANGUNAN MANUSIA DESA TUMBANG LAMPAHUNG TAHUN 2025"
    assert all(len(b.split()) >= 2 for b in baris_seimbang(t, 468, True, 12))
    # a no-break space is never a break
    nama = "KAMPUANG TANJUANG KOTO MAMBANG SUNGAI DURIAN".replace(" ", NBSP)
    baris = baris_seimbang(f"KEPUTUSAN KEPALA DESA {nama}", 300, False, 12)
    assert any(nama in b for b in baris)
    assert baris_seimbang("BUPATI GUNUNG MAS", 468, True, 12) == ("BUPATI GUNUNG MAS",)


def test_docx_baris_mengalir_dan_yang_bersama_tetap_bersama():
    """The Word side of the layout, without LibreOffice: label rows may break across pages, data
    rows may not; a lead-in ending in ':' keeps with its first item; the title has a blank line
    around TENTANG; references carry no-break spaces."""
    import io
    import zipfile

    from perbup_gen.dokumen.perbup import bangun_perbup
    from perbup_gen.keluaran.docx import render_docx
    from perbup_gen.konfigurasi.muat import muat_konfigurasi

    dok = bangun_perbup(muat_konfigurasi(AKAR / "examples" / "gunung-mas"))
    xml = zipfile.ZipFile(io.BytesIO(render_docx(dok))).read("word/document.xml").decode()
    tabel = re.findall(r"<w:tbl>.*?</w:tbl>", xml)
    pembukaan, menetapkan, paraf = tabel[0], tabel[1], tabel[-1]
    assert "Menimbang" in pembukaan and "<w:cantSplit/>" not in pembukaan + menetapkan
    assert paraf.count("<w:cantSplit/>") == len(dok.paraf) + 1
    # an ayat that opens a list is kept with its first item
    for p in re.findall(r"<w:p><w:pPr><w:pStyle w:val=\"Ayat\"/>.*?</w:p>", xml):
        teks = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p))
        assert ("<w:keepNext/>" in p) == teks.rstrip().endswith(":"), teks
    # NOMOR ... TAHUN ...: a blank line (12 pt) after it and after TENTANG
    assert re.search(r'<w:spacing w:after="240"/></w:pPr><w:r><w:t xml:space="preserve">NOMOR', xml)
    assert re.search(r'<w:spacing w:after="240"/></w:pPr><w:r><w:t xml:space="preserve">TENTANG<', xml)
    assert f">pada ayat{NBSP}(1)" in xml  # the resolved reference, a run of its own
    assert f"Undang-Undang Nomor{NBSP}6 Tahun{NBSP}2014" in xml
    # Berita Daerah stays with the "Diundangkan" block: its name line keeps with the next
    i = xml.index("BERITA DAERAH")
    nama = xml.rfind("<w:p>", 0, xml.rfind("<w:p>", 0, i))
    assert "<w:keepNext/>" in xml[nama:i]
