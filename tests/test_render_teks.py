"""Tests of the Markdown and HTML review renderers on hand-built, already numbered models."""
from __future__ import annotations

import html
import re

import markdown
import pytest

from perbup_gen.naskah.model import (
    Alinea, Ayat, Bab, Bagian, BarisParaf, Butir, Daftar, Diktum, Dokumen, Judul, Kepala, Lampiran,
    Pasal, Pembukaan, Penutup, Rujukan, Tabel, TandaTangan, Teks, teks,
)
from perbup_gen.keluaran.teks import render_html, render_markdown

JAHAT = ("<script>alert(1)</script> & \"q\" {{ 7*7 }} {% if x %} *x* _y_ a|b [l](http://e) `c` # h "
         "\u0645\u0631\u062d\u0628\u0627 \U0001F600 \x07\x1b")


def _urut(teks: str, *potongan: str) -> None:
    """Every piece occurs in `teks`, in this order (no-break spaces read as spaces)."""
    teks = teks.replace("\u00a0", " ")
    pos = 0
    for p in potongan:
        i = teks.find(p, pos)
        assert i >= 0, f"{p!r} tidak ditemukan setelah posisi {pos}"
        pos = i + len(p)


def _ttd(kata: str = "Ditetapkan", jabatan: str = "BUPATI GUNUNG MAS,", nama: str = "JAYA S. MONONG"):
    return TandaTangan(tempat="Kuala Kurun", tanggal="...", jabatan=jabatan, nama=nama, kata=kata)


def peraturan(isi_jahat: str = "Desa") -> Dokumen:
    sub = Daftar([Butir(teks("posyandu;"), tanda="1."), Butir(teks("PAUD."), tanda="2.")], jenis="rincian")
    daftar = Daftar([
        Butir([Teks("kader "), Teks("stunting", miring=True), Teks(";")], tanda="a."),
        Butir(teks("lembaga kemasyarakatan:"), daftar=sub, tanda="b."),
    ])
    pasal1 = Pasal([Ayat([Teks("Dalam Peraturan Bupati ini yang dimaksud dengan:")],
                         daftar=Daftar([Butir(teks(f"{isi_jahat} adalah kesatuan masyarakat hukum."),
                                              tanda="1.")], jenis="definisi"))], nomor=1)
    pasal2 = Pasal([
        Ayat(teks("Desa berperan dalam percepatan penurunan stunting."), nomor=1),
        Ayat([Teks("Peran sebagaimana dimaksud "), Rujukan("ayat1", teks="pada ayat (1)"),
              Teks(" meliputi:")], daftar=daftar, nomor=2),
    ], nomor=2)
    return Dokumen(
        jenis="peraturan",
        kepala=Kepala(["BUPATI GUNUNG MAS", "PROVINSI KALIMANTAN TENGAH"]),
        judul=Judul("PERATURAN BUPATI GUNUNG MAS", "NOMOR ... TAHUN 2025",
                    "PERAN DESA DALAM PERCEPATAN PENURUNAN STUNTING", rancangan=True),
        pembukaan=Pembukaan(
            pejabat="BUPATI GUNUNG MAS,",
            menimbang=[teks("bahwa stunting menghambat pembangunan;"), teks("bahwa perlu menetapkan;")],
            mengingat=[teks("Undang-Undang Nomor 6 Tahun 2014 tentang Desa;")],
            menetapkan="PERATURAN BUPATI TENTANG PERAN DESA DALAM PERCEPATAN PENURUNAN STUNTING.",
        ),
        batang_tubuh=[
            Bab("KETENTUAN UMUM", [pasal1], nomor="I"),
            Bab("PERAN DESA", [Bagian("Umum", [pasal2], nomor="Kesatu")], nomor="II"),
        ],
        kalimat_pengundangan="Agar setiap orang mengetahuinya, memerintahkan pengundangan.",
        penutup=Penutup(_ttd(), _ttd("Diundangkan", "SEKRETARIS DAERAH,", "YANTHO"),
                        berita_daerah="BERITA DAERAH KABUPATEN GUNUNG MAS TAHUN 2025 NOMOR ..."),
        paraf=[BarisParaf("Kepala Bagian Hukum")],
    )


def keputusan() -> Dokumen:
    return Dokumen(
        jenis="keputusan",
        kepala=Kepala(["BUPATI GUNUNG MAS"]),
        judul=Judul("KEPUTUSAN BUPATI GUNUNG MAS", "NOMOR ... TAHUN 2025", "TIM PENYUSUN"),
        pembukaan=Pembukaan("BUPATI GUNUNG MAS,", [teks("bahwa perlu;")], [teks("UU 6/2014;")],
                            "KEPUTUSAN BUPATI TENTANG TIM PENYUSUN.", dengan_rahmat=False),
        batang_tubuh=[
            Diktum(teks("Membentuk Tim Penyusun dengan susunan dalam Lampiran."), nomor="KESATU"),
            Diktum(teks("Tim bertugas:"), daftar=Daftar([Butir(teks("menyusun draf."), tanda="a.")],
                                                        jenis="kalimat"), nomor="KEDUA"),
        ],
        penutup=Penutup(_ttd()),
        lampiran=[Lampiran(["LAMPIRAN", "KEPUTUSAN BUPATI GUNUNG MAS", "NOMOR ... TAHUN 2025"],
                           "SUSUNAN TIM PENYUSUN",
                           [Alinea(teks("Susunan tim:")),
                            Tabel(["No", "Jabatan", "Kedudukan"], [["1", "Kepala Dinas PMD", "Ketua"]])],
                           tanda_tangan=_ttd(), nomor="I")],
    )


def naskah(isi: str = "Periksa draf") -> Dokumen:
    return Dokumen(jenis="naskah", kepala=None,
                   judul=Judul("LEMBAR PARAF KOORDINASI", "", "RANCANGAN PERATURAN BUPATI"),
                   isi=[Alinea(teks("Tahap 1"), gaya="subjudul"),
                        Daftar([Butir(teks(isi), tanda="1.")], jenis="kalimat")],
                   paraf=[BarisParaf("Asisten I", "ANI")])


def test_peraturan_markdown_order_and_markers():
    md = render_markdown(peraturan())
    _urut(md, "**BUPATI GUNUNG MAS**", "**PROVINSI KALIMANTAN TENGAH**", "RANCANGAN",
          "# PERATURAN BUPATI GUNUNG MAS", "**NOMOR ... TAHUN 2025**", "**TENTANG**",
          "DENGAN RAHMAT TUHAN YANG MAHA ESA", "BUPATI GUNUNG MAS,", "Menimbang :",
          "a. bahwa stunting menghambat pembangunan;", "b. bahwa perlu menetapkan;", "Mengingat :",
          "1. Undang-Undang Nomor 6 Tahun 2014", "MEMUTUSKAN:", "Menetapkan : PERATURAN BUPATI",
          "## BAB I", "## KETENTUAN UMUM", "##### Pasal 1", "1. Desa adalah", "## BAB II",
          "### Bagian Kesatu", "### Umum", "##### Pasal 2", "(1) Desa berperan",
          "(2) Peran sebagaimana dimaksud pada ayat (1) meliputi:", "a. kader *stunting*;",
          "b. lembaga kemasyarakatan:", "1. posyandu;", "2. PAUD.", "Agar setiap orang",
          "Ditetapkan di Kuala Kurun", "pada tanggal ...", "**JAYA S. MONONG**",
          "Diundangkan di Kuala Kurun", "SEKRETARIS DAERAH,", "**BERITA DAERAH KABUPATEN",
          "| Jabatan | Nama | Paraf | Tanggal |", "| Kepala Bagian Hukum |")
    # nested items sit one indent deeper than their parent; none is read as a Markdown list
    assert re.search(r"^\u00a0{4}b\. lembaga", md, re.M) and re.search(r"^\u00a0{8}1\. posyandu", md, re.M)
    assert "<ol>" not in markdown.markdown(md) and "<ul>" not in markdown.markdown(md)


def test_keputusan_diktum_and_lampiran_table():
    md = render_markdown(keputusan())
    assert "DENGAN RAHMAT" not in md
    _urut(md, "# KEPUTUSAN BUPATI GUNUNG MAS", "Menetapkan : KEPUTUSAN BUPATI",
          "**KESATU** : Membentuk Tim Penyusun", "**KEDUA** : Tim bertugas:", "a. menyusun draf.",
          "Ditetapkan di Kuala Kurun", "---", "LAMPIRAN I", "KEPUTUSAN BUPATI GUNUNG MAS",
          "## SUSUNAN TIM PENYUSUN", "Susunan tim:", "| No | Jabatan | Kedudukan |\n| --- | --- | --- |\n"
          "| 1 | Kepala Dinas PMD | Ketua |", "BUPATI GUNUNG MAS,", "**JAYA S. MONONG**")
    page = render_html(keputusan())
    _urut(page, '<strong class="label">KESATU</strong>', "Membentuk Tim Penyusun", "KEDUA",
          '<span class="tanda">a.</span>', "LAMPIRAN I", "<h2>SUSUNAN TIM PENYUSUN</h2>",
          "<th>Kedudukan</th>", "<td>Kepala Dinas PMD</td>")


def test_naskah_judul_and_blocks():
    md = render_markdown(naskah())
    _urut(md, "# LEMBAR PARAF KOORDINASI", "**RANCANGAN PERATURAN BUPATI**", "#### Tahap 1",
          "1. Periksa draf", "| Asisten I | ANI |")
    assert "TENTANG" not in md and "Menimbang" not in md
    _urut(render_html(naskah()), "<h1>LEMBAR PARAF KOORDINASI</h1>", '<p class="subjudul">Tahap 1</p>',
          "Periksa draf", "<td>Asisten I</td>")


def test_html_page_shape():
    page = render_html(peraturan())
    assert page.startswith("<!DOCTYPE html>") and '<html lang="id">' in page and 'charset="utf-8"' in page
    assert '"Bookman Old Style", "TeX Gyre Bonum", "URW Bookman", serif' in page and "215mm" in page
    _urut(page, "BUPATI GUNUNG MAS", "RANCANGAN", "<h1>PERATURAN BUPATI GUNUNG MAS</h1>", "TENTANG",
          "Menimbang", '<span class="tanda">a.</span>', "bahwa stunting", "Mengingat",
          '<span class="tanda">1.</span>', "MEMUTUSKAN:", "<h2>BAB I<br>KETENTUAN UMUM</h2>",
          "<h5>Pasal 1</h5>", "<h3>Bagian Kesatu<br>Umum</h3>", "<h5>Pasal 2</h5>",
          '<span class="tanda">(2)</span>', "dimaksud pada ayat (1) meliputi:",
          "kader <em>stunting</em>;", '<span class="tanda">b.</span>', '<span class="tanda">1.</span>',
          "posyandu;", "Ditetapkan di Kuala Kurun", "JAYA S. MONONG", "Diundangkan", "BERITA DAERAH",
          "<td>Kepala Bagian Hukum</td>")


def test_hostile_text_markdown_literal():
    md = render_markdown(peraturan(JAHAT))
    baris = next(b for b in md.splitlines() if "alert" in b)
    for mentah in ("<script>", "*x*", "_y_", "a|b", "[l]", "`c`", "\x07", "\x1b"):
        assert mentah not in baris
    assert re.search(r"(?<!\\)[{}]", baris) is None
    assert "&lt;script&gt;" in baris and "\\*x\\*" in baris and "a&#124;b" in baris and "\\{\\{ 7\\*7" in baris
    assert "\u0645\u0631\u062d\u0628\u0627 \U0001F600 \u2407\u241b" in baris
    # rendered by a Markdown processor it shows the literal text and no markup of its own
    keluar = markdown.markdown(md)
    assert "<script" not in keluar and "<em>x</em>" not in keluar and "<a " not in keluar
    assert html.unescape(re.sub(r"<[^>]+>", "", keluar)).count("<script>alert(1)</script> & \"q\" {{ 7*7 }}") == 1


@pytest.mark.parametrize("baris", ["- butir", "1. satu", "2) dua", "# judul", "> kutip", "    kode", "---"])
def test_markdown_line_start_cannot_open_block(baris):
    dok = naskah()
    dok.isi = [Alinea(teks(baris))]
    keluar = markdown.markdown(render_markdown(dok))
    assert re.search(r"<(ul|ol|h[1-6]|blockquote|pre|hr)\b", keluar.split("</h1>", 1)[1]) is None
    assert baris.strip() in html.unescape(keluar)


def test_hostile_text_html_escaped():
    page = render_html(peraturan(JAHAT))
    assert "<script" not in page and "alert(1)" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;q&#34; {{ 7*7 }} {% if x %} *x*" in page
    assert "\x07" not in page and "\x1b" not in page and "\u2407\u241b" in page and "\U0001F600" in page


def test_table_cells_and_headings_escaped():
    dok = keputusan()
    dok.lampiran[0].isi = [Tabel(["A|B", "<b>"], [["x | y", "*z*"], ["satu"]])]
    dok.lampiran[0].judul = "# <i>JUDUL</i>"
    md = render_markdown(dok)
    assert "| A&#124;B | &lt;b&gt; |\n| --- | --- |\n| x &#124; y | \\*z\\* |\n| satu |  |" in md
    assert "## \\# &lt;i&gt;JUDUL&lt;/i&gt;" in md
    page = render_html(dok)
    assert "<th>A|B</th><th>&lt;b&gt;</th>" in page and "<h2># &lt;i&gt;JUDUL&lt;/i&gt;</h2>" in page


def test_unresolved_reference_raises():
    dok = peraturan()
    dok.batang_tubuh[1].isi[0].isi[0].ayat[1].isi[1] = Rujukan("ayat1", sumber="bab2.yaml:4")
    for render in (render_markdown, render_html):
        with pytest.raises(ValueError, match=r"\[\[ayat1\]\].*bab2.yaml:4"):
            render(dok)


def test_unnumbered_model_raises():
    dok = peraturan()
    dok.batang_tubuh[0].isi[0].nomor = None
    with pytest.raises(ValueError, match="Pasal belum dinomori"):
        render_markdown(dok)
    dok = keputusan()
    dok.batang_tubuh[1].daftar.butir[0].tanda = ""
    with pytest.raises(ValueError, match="belum bertanda"):
        render_html(dok)


def test_deterministic_and_model_untouched():
    dok = peraturan(JAHAT)
    sebelum = repr(dok)
    assert render_markdown(dok) == render_markdown(peraturan(JAHAT))
    assert render_html(dok) == render_html(peraturan(JAHAT))
    assert repr(dok) == sebelum
