from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from perbup_gen.errors import KlausulError
from perbup_gen.dokumen.pustaka import PustakaKlausul
from perbup_gen.naskah.klausul import muat_badan, render_inline, render_teks, urai_teks
from perbup_gen.naskah.model import Bab, Bagian, Diktum, Dokumen, Judul, Paragraf, Pasal, Rujukan, Teks
from perbup_gen.naskah.model import teks_polos
from perbup_gen.naskah.penomoran import susun

ROOT = Path(__file__).resolve().parents[1]


def tulis(folder: Path, rel: str, isi: str) -> Path:
    p = folder / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(isi, encoding="utf-8")
    return p


def galat(isi: str, konteks: dict | None = None) -> KlausulError:
    with pytest.raises(KlausulError) as e:
        urai_teks(isi, konteks or {}, "k.md")
    return e.value


def satu_pasal(isi: str, konteks: dict | None = None) -> Pasal:
    badan = urai_teks(isi, konteks or {}, "k.md")
    assert len(badan) == 1 and isinstance(badan[0], Pasal)
    return badan[0]


# --- line kinds ----------------------------------------------------------------------------------


def test_headings_pasal_ayat_and_structure():
    badan = urai_teks(
        "# ketentuan umum\n"
        "#### Pasal\n"
        "Teks pasal satu.\n"
        "\n"
        "# TUGAS\n"
        "## Tugas Desa\n"
        "### Perencanaan\n"
        "#### Pasal\n"
        "() Ayat satu.\n"
        "() Ayat dua.\n"
        "## Tugas Lain\n"
        "#### Pasal\n"
        "Teks.\n",
        {}, "k.md",
    )
    assert [type(x) for x in badan] == [Bab, Bab]
    assert badan[0].judul == "KETENTUAN UMUM"
    assert badan[0].sumber == "k.md:1"
    p1 = badan[0].isi[0]
    assert isinstance(p1, Pasal) and p1.sumber == "k.md:2"
    assert [teks_polos(a.isi) for a in p1.ayat] == ["Teks pasal satu."]
    bagian = badan[1].isi[0]
    assert isinstance(bagian, Bagian) and bagian.judul == "Tugas Desa"
    paragraf = bagian.isi[0]
    assert isinstance(paragraf, Paragraf) and paragraf.judul == "Perencanaan"
    assert [teks_polos(a.isi) for a in paragraf.pasal[0].ayat] == ["Ayat satu.", "Ayat dua."]
    assert isinstance(badan[1].isi[1], Bagian)
    assert isinstance(badan[1].isi[1].isi[0], Pasal)


def test_lists_nesting_two_and_four_spaces_and_attributes():
    p = satu_pasal(
        "#### Pasal {#p}\n"
        "() Desa bertugas: {#a1} {sambung=atau}\n"
        "- satu\n"
        "  - satu a {daftar=kalimat} {#sa}\n"
        "      - dalam empat spasi\n"
        "  - satu b\n"
        "- dua {#dua}\n"
        "() Definisi: {daftar=definisi} {sambung=\"dan/atau\"}\n"
        "- A adalah a.\n"
        "    - sub {sambung=\"\"}\n"
        "      - x\n"
    )
    assert p.label == "p"
    a1, a2 = p.ayat
    assert a1.label == "a1"
    d = a1.daftar
    assert d.sambung == "atau" and d.jenis == "rincian"
    assert [teks_polos(b.isi) for b in d.butir] == ["satu", "dua"]
    assert d.butir[1].label == "dua"
    sub = d.butir[0].daftar
    assert [teks_polos(b.isi) for b in sub.butir] == ["satu a", "satu b"]
    assert sub.butir[0].label == "sa"
    # list attributes on an item belong to the list the item opens
    assert sub.jenis == "rincian"
    assert sub.butir[0].daftar.jenis == "kalimat"
    assert teks_polos(sub.butir[0].daftar.butir[0].isi) == "dalam empat spasi"
    assert a2.daftar.jenis == "definisi" and a2.daftar.sambung == "dan/atau"
    assert a2.daftar.butir[0].daftar.butir[0].daftar.sambung == ""


def test_diktum_with_list_and_inline_markup():
    badan = urai_teks(
        "DIKTUM: Membentuk Tim Penyusun {{ judul }}. {#bentuk}\n"
        "DIKTUM: Tim bertugas: {daftar=kalimat}\n"
        "- menyusun rancangan sebagaimana dimaksud [[bentuk]];\n"
        "- mengukur *stunting* dan \\*catatan\\*.\n",
        {"judul": "Perbup"}, "sk.md",
    )
    assert all(isinstance(x, Diktum) for x in badan)
    assert badan[0].label == "bentuk"
    assert badan[1].daftar.jenis == "kalimat"
    isi = badan[1].daftar.butir[0].isi
    assert isi[1] == Rujukan(label="bentuk", sumber="sk.md:3")
    assert badan[1].daftar.butir[1].isi == [
        Teks("mengukur "), Teks("stunting", miring=True), Teks(" dan *catatan*.")]


def test_italic_wraps_a_value():
    p = satu_pasal("#### Pasal\nPengukuran *{{ istilah }}* rutin.\n", {"istilah": "stunting"})
    assert p.ayat[0].isi == [Teks("Pengukuran "), Teks("stunting", miring=True), Teks(" rutin.")]


def test_filters_from_bilangan():
    p = satu_pasal(
        "#### Pasal\n"
        "Paling lama {{ 3 | bilangan('bulan') }}, {{ 1500000 | rupiah }}, {{ 10 | persen }}, "
        "{{ tgl | tanggal }}, {{ 1001000 | terbilang }}, {{ 2500 | angka }}.\n",
        {"tgl": datetime.date(2025, 5, 2)},
    )
    assert teks_polos(p.ayat[0].isi) == (
        "Paling lama 3 (tiga) bulan, Rp1.500.000,00 (satu juta lima ratus ribu rupiah), "
        "10% (sepuluh persen), 2 Mei 2025, satu juta seribu, 2.500."
    )


# --- hostile values stay literal -----------------------------------------------------------------


@pytest.mark.parametrize("nilai", [
    "{{ 7 * 7 }}", "{% if true %}x{% endif %}", "[[rahasia]]", "*miring*", "- butir",
    "#### Pasal", "() ayat", "DIKTUM: x", "akhir {#lbl}", "{daftar=definisi}", "\\*",
])
def test_hostile_values_stay_literal(nilai):
    p = satu_pasal("#### Pasal\n{{ v }}\n", {"v": nilai})
    assert p.ayat[0].isi == [Teks(nilai)]
    assert p.ayat[0].label is None and p.ayat[0].daftar is None


def test_hostile_value_in_list_item_and_newline():
    p = satu_pasal(
        "#### Pasal\nDesa: \n{% for x in xs %}\n- {{ x }}\n{% endfor %}\n",
        {"xs": ["a\n- b\n#### Pasal", "c\t[[x]]\r\n{#y}", "\ue000\ue002 9\ue003 d"]},
    )
    butir = p.ayat[0].daftar.butir
    assert [b.isi for b in butir] == [
        [Teks("a - b #### Pasal")], [Teks("c [[x]]  {#y}")], [Teks(" 9 d")]]
    assert all(b.daftar is None and b.label is None for b in butir)


def test_sandbox_blocks_attribute_access():
    e = galat("#### Pasal\nbaris\n{{ ''.__class__.__mro__ }}\n")
    assert e.baris == 3
    assert "sandbox" in str(e)
    e = galat("#### Pasal\n{{ xs.append(1) }}\n", {"xs": []})
    assert e.baris == 2


def test_none_value_is_an_error():
    e = galat("#### Pasal\n\nKepala {{ nama }}\n", {"nama": None})
    assert e.baris == 3 and "None" in str(e)


# --- errors and line numbers ---------------------------------------------------------------------


def test_undefined_and_syntax_errors_have_lines():
    e = galat("#### Pasal\nDesa.\n\n{{ tidak_ada }}\n")
    assert (e.berkas, e.baris) == ("k.md", 4)
    assert "tidak terdefinisi" in str(e)
    e = galat("#### Pasal\n{% if %}\nx\n{% endif %}\n")
    assert e.baris == 2 and "sintaks" in str(e)
    e = galat("#### Pasal\nx {{ 'abc' | bilangan }}\n")
    assert e.baris == 2


def test_parse_error_line_after_for_loop():
    isi = (
        "#### Pasal\n"            # 1
        "Desa melaksanakan:\n"    # 2
        "{% for x in xs %}\n"     # 3
        "- {{ x }}\n"             # 4
        "{% endfor %}\n"          # 5
        "{## komentar\n"          # 6
        "dua baris ##}\n"         # 7
        "\n"                      # 8
        "   salah indentasi\n"    # 9
    )
    e = galat(isi, {"xs": ["a", "b", "c", "d"]})
    assert e.baris == 9
    assert str(e).startswith("k.md:9: ")


def test_error_inside_loop_reports_loop_body_line():
    isi = "#### Pasal\nDesa:\n{% for x in xs %}\n- {{ x }}\n{% if loop.last %}\n  - [[\n{% endif %}\n{% endfor %}\n"
    e = galat(isi, {"xs": ["a", "b"]})
    assert e.baris == 6


def test_undefined_inside_loop_reports_its_line():
    isi = "#### Pasal\nDesa:\n{% for x in xs %}\n- {{ x.nama }}\n{% endfor %}\n"
    e = galat(isi, {"xs": [{"nama": "a"}, {}]})
    assert e.baris == 4


@pytest.mark.parametrize("isi, baris, potongan", [
    ("Teks lepas\n", 1, "di luar Pasal"),
    ("#### Pasal\nsatu\n##### Lima\n", 3, "#####"),
    ("#### Pasal\nsatu\n    - menjorok\n", 3, "tidak menjorok"),
    ("#### Pasal\nsatu\n- a\n   - tiga spasi\n", 4, "indentasi"),
    ("#### Pasal\nsatu\n- a\n    - b\n  - c\n", 5, "tidak cocok"),
    ("#### Pasal\nsatu\ndua\n", 3, "satu baris satu unsur"),
    ("#### Pasal\nsatu\n() ayat\n", 3, "sudah berisi teks"),
    ("#### Pasal\n- a\n", 2, "harus mengikuti"),
    ("## Bagian\n", 1, "di dalam BAB"),
    ("# BAB\n### Paragraf\n", 2, "di dalam Bagian"),
    ("#### Pasal 5\nx\n", 1, "#### Pasal"),
    ("# BAB {#b}\n", 1, "label"),
    ("#### Pasal\nx {warna=merah}\n", 2, "atribut tidak dikenal"),
    ("#### Pasal\nx {daftar=tabel}\n", 2, "jenis daftar"),
    ("#### Pasal\nx {sambung=serta}\n", 2, "kata sambung"),
    ("#### Pasal\nx {daftar=definisi}\n#### Pasal\ny\n", 2, "tidak diikuti butir"),
    ("#### Pasal\nx\n- a {sambung=atau}\n- b\n", 3, "anak butir"),
    ("#### Pasal\nx *miring\n", 2, "tidak berpasangan"),
    ("#### Pasal\nx [[lbl\n", 2, "tidak ditutup"),
    ("#### Pasal {#x}\nsatu {#x}\n", 2, "k.md:1"),
    ("#### Pasal\n#### Pasal\nx\n", 1, "Pasal tanpa isi"),
    ("DIKTUM: x\n#### Pasal\n", 2, "dicampur"),
    ("#### Pasal\nx\nDIKTUM: y\n", 3, "dicampur"),
    ("DIKTUM: x\nlanjutan\n", 2, "DIKTUM"),
    ("#### Pasal\nx\n\t- a\n", 3, "tab"),
    ("#### Pasal\nx\n- a\n  - 1\n    - a)\n      - 1)\n        - lima\n", 7, "lebih dari 4"),
])
def test_parse_errors(isi, baris, potongan):
    e = galat(isi)
    assert e.berkas == "k.md"
    assert e.baris == baris
    assert potongan in str(e)


# --- library, override, nonaktif, front matter ---------------------------------------------------


def test_library_order_override_and_nonaktif(tmp_path):
    paket = tmp_path / "clauses"
    kab = tmp_path / "kab" / "klausul"
    tulis(paket, "perbup/10_umum.md", "# KETENTUAN UMUM\n#### Pasal\nPaket umum.\n")
    tulis(paket, "perbup/20_tugas.md", "# TUGAS\n#### Pasal\nPaket tugas {{ kab }}.\n")
    tulis(paket, "perbup/30_akhir.md", "---\nid: penutup\n---\n# PENUTUP\n#### Pasal\nBerlaku.\n")
    tulis(paket, "perbup/README.md", "bukan klausul\n")
    tulis(kab, "perbup/20_tugas.md", "# TUGAS\n#### Pasal\nTugas khusus {{ kab }}.\n")
    tulis(kab, "perbup/tambahan.md", "---\nurutan: 25\nsumber: kab\n---\n#### Pasal\nTambahan.\n")
    pustaka = PustakaKlausul([paket, kab])
    assert [k.relatif for k in pustaka.klausul("perbup")] == [
        "perbup/10_umum.md", "perbup/20_tugas.md", "perbup/tambahan.md", "perbup/30_akhir.md"]
    assert pustaka.cari("perbup/20_tugas.md") == kab / "perbup" / "20_tugas.md"
    assert pustaka.id_klausul("perbup") == ["10_umum", "20_tugas", "tambahan", "penutup"]
    meta = {k.id: k.meta for k in pustaka.klausul("perbup")}
    assert meta["tambahan"] == {"sumber": "kab"}

    badan = muat_badan(pustaka.klausul("perbup"), {"kab": "Gunung Mas"})
    assert [b.judul for b in badan] == ["KETENTUAN UMUM", "TUGAS", "PENUTUP"]
    # the added file without a heading continues the BAB where the previous file ended
    assert [teks_polos(p.ayat[0].isi) for p in badan[1].isi] == [
        "Tugas khusus Gunung Mas.", "Tambahan."]

    badan = muat_badan(pustaka.klausul("perbup"), {"kab": "X"}, nonaktif={"penutup", "10_umum"})
    assert [b.judul for b in badan] == ["TUGAS"]
    assert pustaka.klausul("tidak_ada") == []


def test_front_matter_keeps_line_numbers(tmp_path):
    tulis(tmp_path, "perbup/a.md", "---\nid: a\nurutan: 1\n---\n#### Pasal\n() x\n() {{ y }}\n")
    with pytest.raises(KlausulError) as e:
        muat_badan(PustakaKlausul([tmp_path]).klausul("perbup"), {})
    assert e.value.baris == 7
    assert e.value.berkas.endswith("a.md")
    badan = muat_badan(PustakaKlausul([tmp_path]).klausul("perbup"), {"y": "z"}, nonaktif=set())
    assert badan[0].sumber.endswith("a.md:5")


def test_bad_front_matter_and_duplicate_ids(tmp_path):
    tulis(tmp_path, "a/x.md", "---\nurutan: pertama\n---\n#### Pasal\nx\n")
    with pytest.raises(KlausulError, match="urutan"):
        PustakaKlausul([tmp_path]).klausul("a")
    tulis(tmp_path, "b/x.md", "---\nid: sama\n---\n")
    tulis(tmp_path, "b/y.md", "---\nid: sama\n---\n")
    with pytest.raises(KlausulError, match="'sama'"):
        PustakaKlausul([tmp_path]).klausul("b")
    tulis(tmp_path, "c/x.md", "---\nid: [\n---\n")
    with pytest.raises(KlausulError, match="front matter"):
        PustakaKlausul([tmp_path]).klausul("c")


def test_duplicate_label_across_files_names_both(tmp_path):
    tulis(tmp_path, "perbup/1.md", "#### Pasal {#tugas}\nx\n")
    tulis(tmp_path, "perbup/2.md", "#### Pasal\n\n() y {#tugas}\n() z\n")
    with pytest.raises(KlausulError) as e:
        muat_badan(PustakaKlausul([tmp_path]).klausul("perbup"), {})
    assert e.value.baris == 3 and e.value.berkas.endswith("2.md")
    assert "1.md:1" in str(e.value)


# --- render_inline / render_teks -----------------------------------------------------------------


def test_render_inline_and_teks():
    isi = render_inline("bahwa *stunting* di {{ kab }} sebagaimana dimaksud [[tugas]];",
                        {"kab": "Gunung Mas [[x]]"}, "gm.yaml:12")
    assert isi == [Teks("bahwa "), Teks("stunting", miring=True),
                   Teks(" di Gunung Mas [[x]] sebagaimana dimaksud "),
                   Rujukan("tugas", sumber="gm.yaml:12"), Teks(";")]
    assert render_teks("Kabupaten {{ k | upper }}\n  dan *lain*", {"k": "gunung mas"}, "x") == (
        "Kabupaten GUNUNG MAS dan lain")
    with pytest.raises(KlausulError) as e:
        render_teks("lihat [[a]]", {}, "gm.yaml:3")
    assert (e.value.berkas, e.value.baris) == ("gm.yaml", 3)
    with pytest.raises(KlausulError) as e:
        render_inline("{{ x.__class__ }}", {"x": 1}, "gm.yaml:40")
    assert e.value.baris == 40
    with pytest.raises(KlausulError, match="tidak terdefinisi"):
        render_inline("{{ tidak_ada }}", {}, "menimbang[0]")


# --- end to end with penomoran -------------------------------------------------------------------


def test_readme_example_renders_as_documented():
    readme = (ROOT / "clauses" / "README.md").read_text(encoding="utf-8")
    contoh = re.search(r"## Contoh\n\n```\n(.*?)```", readme, re.S).group(1)
    badan = urai_teks(contoh, {"kabupaten": {"nama": "Gunung Mas"},
                               "kegiatan": ["pendataan", "pemantauan"]}, "contoh.md")
    d = susun(Dokumen(jenis="peraturan", kepala=None, judul=Judul("P", "N", "T"),
                      batang_tubuh=badan))
    p1, p2 = badan[0].isi[0], badan[1].isi[0]
    assert [b.tanda for b in p1.ayat[0].daftar.butir] == ["1.", "2."]
    assert teks_polos(p1.ayat[0].daftar.butir[0].isi) == "Daerah adalah Kabupaten Gunung Mas."
    assert [teks_polos(b.isi) for b in p2.ayat[0].daftar.butir] == [
        "pendataan; dan/atau", "pemantauan."]
    assert teks_polos(p2.ayat[1].isi) == (
        "Kegiatan sebagaimana dimaksud pada ayat (1) dilaksanakan paling lama 3 (tiga) bulan.")
    assert d.batang_tubuh[1].nomor == "II"


def test_set_block_output_is_literal_text_and_macros_cannot_be_called():
    p = satu_pasal(
        "#### Pasal\n"
        "{% set s %}- z *q* [[y]]{% endset %}\n"
        "() b {{ s }} {{ '[[x]]' }}\n"
    )
    assert [a.isi for a in p.ayat] == [[Teks("b - z *q* [[y]] [[x]]")]]
    e = galat("#### Pasal\n{% macro m(x) %}{{ x }}{% endmacro %}\n() a {{ m('q') }}\n")
    assert e.baris == 3 and "pemanggilan" in str(e)


def test_line_starting_with_value_inside_loop_reports_its_line():
    isi = "#### Pasal\n() Desa:\n{% for x in xs %}\n{{ x }} lanjut {{ tidak_ada if loop.last else '' }}\n{% endfor %}\n"
    e = galat(isi, {"xs": ["a", "b"]})
    assert e.baris == 4
    # a parse error on such a line: the second iteration's line is not an ayat
    e = galat("#### Pasal\n() a\n{% for x in xs %}\n{{ x }} {#dup}\n{% endfor %}\n", {"xs": [1, 2]})
    assert e.baris == 4
