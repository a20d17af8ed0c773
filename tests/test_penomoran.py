from __future__ import annotations

import pytest

from perbup_gen.errors import KlausulError
from perbup_gen.naskah.model import (
    Alinea,
    Ayat,
    Bab,
    Bagian,
    Butir,
    Daftar,
    Diktum,
    Dokumen,
    Judul,
    Lampiran,
    Paragraf,
    Pasal,
    Rujukan,
    Teks,
    teks,
    teks_polos,
)
from perbup_gen.naskah.penomoran import buang_tanda_baca, susun


def dok(badan, jenis="peraturan", lampiran=()):
    return Dokumen(jenis=jenis, kepala=None, judul=Judul("PERATURAN BUPATI X", "NOMOR", "T"),
                   batang_tubuh=list(badan), lampiran=list(lampiran))


def pasal(*ayat, label=None):
    return Pasal(ayat=list(ayat), label=label)


def ayat(s, daftar=None, label=None):
    return Ayat(isi=teks(s), daftar=daftar, label=label)


def daftar(*butir, sambung="dan", jenis="rincian"):
    return Daftar(butir=[b if isinstance(b, Butir) else Butir(teks(b)) for b in butir],
                  sambung=sambung, jenis=jenis)


def ruj(label, sumber="perbup/x.md:9"):
    return Rujukan(label=label, sumber=sumber)


def polos(d: Daftar) -> list[str]:
    """Flatten a list as 'marker text' lines, sub-items indented."""
    out = []

    def jalan(d, ind):
        for b in d.butir:
            out.append("  " * ind + f"{b.tanda} {teks_polos(b.isi)}")
            if b.daftar:
                jalan(b.daftar, ind + 1)

    jalan(d, 0)
    return out


# --- numbers -------------------------------------------------------------------------------------


def test_pasal_continuous_across_bab_bagian_paragraf():
    p = [pasal(ayat("isi")) for _ in range(6)]
    d = dok([
        Bab("KETENTUAN UMUM", [p[0]]),
        Bab("TUGAS", [
            Bagian("Umum", [p[1], Paragraf("Satu", [p[2]]), Paragraf("Dua", [p[3]])]),
            Bagian("Khusus", [p[4]]),
        ]),
        Bab("PENUTUP", [Bagian("Saja", [Paragraf("Tiga", [p[5]])])]),
    ])
    susun(d)
    assert [x.nomor for x in p] == [1, 2, 3, 4, 5, 6]
    assert [b.nomor for b in d.batang_tubuh] == ["I", "II", "III"]
    bagian = d.batang_tubuh[1].isi
    assert [b.nomor for b in bagian] == ["Kesatu", "Kedua"]
    # Bagian restarts in each BAB, Paragraf in each Bagian
    assert d.batang_tubuh[2].isi[0].nomor == "Kesatu"
    assert [x.nomor for x in bagian[0].isi[1:]] == [1, 2]
    assert d.batang_tubuh[2].isi[0].isi[0].nomor == 1


def test_plain_pasal_body_and_ayat_numbers():
    p1 = pasal(ayat("satu"))
    p2 = pasal(ayat("a"), ayat("b"), ayat("c"))
    d = susun(dok([p1, p2]))
    assert d is not None
    assert (p1.nomor, p2.nomor) == (1, 2)
    assert p1.ayat[0].nomor is None
    assert [a.nomor for a in p2.ayat] == [1, 2, 3]


def test_twelve_bagian_and_diktum_and_lampiran_numbers():
    bab = Bab("X", [Bagian(f"B{i}", [pasal(ayat("t"))]) for i in range(12)])
    d = susun(dok([bab]))
    assert d.batang_tubuh[0].isi[11].nomor == "Kedua Belas"
    dk = [Diktum(teks("isi")) for _ in range(3)]
    lamps = [Lampiran(["LAMPIRAN"], "A", []), Lampiran(["LAMPIRAN"], "B", [])]
    d2 = susun(dok(dk, jenis="keputusan", lampiran=lamps))
    assert [x.nomor for x in dk] == ["KESATU", "KEDUA", "KETIGA"]
    assert [x.nomor for x in d2.lampiran] == ["I", "II"]
    tunggal = Lampiran(["LAMPIRAN"], "A", [])
    susun(dok([], lampiran=[tunggal]))
    assert tunggal.nomor is None


# --- markers and punctuation ---------------------------------------------------------------------


def test_markers_per_depth_rincian():
    d4 = daftar("d1", "d2")
    d3 = daftar(Butir(teks("c1"), daftar=d4), "c2")
    d2 = daftar(Butir(teks("b1"), daftar=d3), "b2")
    d1 = daftar(Butir(teks("a1"), daftar=d2), "a2")
    susun(dok([pasal(ayat("Lead", d1))]))
    assert [b.tanda for b in d1.butir] == ["a.", "b."]
    assert [b.tanda for b in d2.butir] == ["1.", "2."]
    assert [b.tanda for b in d3.butir] == ["a)", "b)"]
    assert [b.tanda for b in d4.butir] == ["1)", "2)"]


def test_markers_definisi_start_at_number_and_letters_beyond_z():
    sub = daftar("x", "y")
    d = daftar(*[f"Istilah {i} adalah sesuatu" for i in range(1, 4)], jenis="definisi")
    d.butir[1].daftar = sub
    panjang = daftar(*[f"butir {i}" for i in range(28)])
    susun(dok([pasal(ayat("Dalam Peraturan ini yang dimaksud dengan", d)),
               pasal(ayat("Banyak", panjang))]))
    assert [b.tanda for b in d.butir] == ["1.", "2.", "3."]
    assert [b.tanda for b in sub.butir] == ["a.", "b."]
    assert [b.tanda for b in panjang.butir[25:]] == ["z.", "aa.", "bb."]


def test_depth_five_is_an_error():
    d = daftar("e")
    for _ in range(4):
        d = daftar(Butir(teks("x"), daftar=d))
    with pytest.raises(KlausulError, match="lebih dari 4"):
        susun(dok([pasal(ayat("Lead", d))]))


def test_punctuation_rincian_nested_and_conjunctions():
    inner_mid = daftar("m1", "m2", sambung="atau")
    inner_last = daftar("z1", "z2", sambung="dan/atau")
    outer = daftar(
        "pertama;",  # punctuation in the clause is replaced
        Butir(teks("kedua, dan"), daftar=inner_mid),
        Butir(teks("ketiga."), daftar=inner_last),
        sambung="dan",
    )
    a = ayat("Desa bertugas.", outer)
    susun(dok([pasal(a)]))
    assert teks_polos(a.isi) == "Desa bertugas:"
    assert polos(outer) == [
        "a. pertama;",
        "b. kedua:",
        "  1. m1; atau",
        "  2. m2; dan",  # last item of a nested list: ';' plus the outer conjunction
        "c. ketiga:",
        "  1. z1; dan/atau",
        "  2. z2.",  # the very end
    ]


def test_punctuation_each_conjunction_and_none():
    hasil = {}
    for s in ["dan", "atau", "dan/atau", ""]:
        d = daftar("satu; atau", "dua dan/atau", "tiga", sambung=s)
        susun(dok([pasal(ayat("x", d))]))
        hasil[s] = polos(d)
    assert hasil["dan"] == ["a. satu;", "b. dua; dan", "c. tiga."]
    assert hasil["atau"] == ["a. satu;", "b. dua; atau", "c. tiga."]
    assert hasil["dan/atau"] == ["a. satu;", "b. dua; dan/atau", "c. tiga."]
    assert hasil[""] == ["a. satu;", "b. dua;", "c. tiga."]


def test_punctuation_definisi_kalimat_diktum_and_idempotent():
    sub = daftar("bagian satu", "bagian dua", sambung="atau")
    defn = daftar("Daerah adalah Kabupaten X;", Butir(teks("KPM adalah kader"), daftar=sub),
                  "Desa adalah desa", jenis="definisi")
    kal = daftar("Tim bertugas menyusun", "Tim melapor", jenis="kalimat")
    dk1 = Diktum(teks("Membentuk Tim:"))
    dk2 = Diktum(teks("Tim mempunyai tugas"), daftar=kal)
    a = ayat("Dalam Peraturan ini yang dimaksud dengan", defn)
    d = dok([pasal(a)])
    susun(d)
    susun(d)  # a second run changes nothing
    assert polos(defn) == [
        "1. Daerah adalah Kabupaten X.",
        "2. KPM adalah kader:",
        "  a. bagian satu; atau",
        "  b. bagian dua.",
        "3. Desa adalah desa.",
    ]
    susun(dok([dk1, dk2], jenis="keputusan"))
    assert teks_polos(dk1.isi) == "Membentuk Tim."
    assert teks_polos(dk2.isi) == "Tim mempunyai tugas:"
    assert polos(kal) == ["a. Tim bertugas menyusun.", "b. Tim melapor."]


def test_punctuation_after_reference_and_italic():
    b1 = Butir([Teks("sesuai "), ruj("p1"), Teks(";")])
    b2 = Butir([Teks("pengukuran "), Teks("stunting", miring=True)])
    a = ayat("Lead", Daftar([b1, b2]))
    susun(dok([pasal(ayat("x"), label="p1"), pasal(a)]))
    assert b1.isi[-1] == Teks("; dan")
    assert teks_polos(b1.isi) == "sesuai dalam Pasal 1; dan"
    assert b2.isi[-2] == Teks("stunting", miring=True)
    assert b2.isi[-1] == Teks(".")


def test_pembukaan_untouched_and_lampiran_lists():
    from perbup_gen.naskah.model import Pembukaan

    pb = Pembukaan("BUPATI X,", [teks("bahwa a;"), teks("bahwa b")], [teks("UU 6/2014")], "x")
    lamp_daftar = daftar("uraian satu", "uraian dua")
    lamp = Lampiran(["LAMPIRAN"], "TUGAS", [Alinea(teks("Tugas:")), lamp_daftar])
    d = dok([pasal(ayat("isi"))], lampiran=[lamp])
    d.pembukaan = pb
    susun(d)
    assert [teks_polos(x) for x in pb.menimbang] == ["bahwa a;", "bahwa b"]
    assert polos(lamp_daftar) == ["a. uraian satu; dan", "b. uraian dua."]


def test_buang_tanda_baca():
    assert buang_tanda_baca("pembinaan; dan") == "pembinaan"
    assert buang_tanda_baca("x; dan/atau ") == "x"
    assert buang_tanda_baca("Daerah.") == "Daerah"
    assert buang_tanda_baca("sandan") == "sandan"
    assert buang_tanda_baca("pakaian atau") == "pakaian"


# --- references ----------------------------------------------------------------------------------


def _dokumen_rujukan():
    """Pasal 1 (definitions), Pasal 2 with two ayat and nested list, Pasal 3 without ayat."""
    p1 = pasal(ayat("Definisi", daftar(Butir(teks("A adalah a"), label="def-a"), "B adalah b",
                                       jenis="definisi")), label="umum")
    sub = daftar(Butir(teks("satu"), label="b-sub1"), "dua")
    p2 = pasal(
        ayat("Desa bertugas", daftar("x", Butir(teks("y"), label="b-y")), label="a1"),
        ayat("Tugas", daftar(Butir(teks("z"), daftar=sub), "w"), label="a2"),
        label="tugas",
    )
    p3 = pasal(ayat("Pelaksanaan", daftar(Butir(teks("p"), label="p3-a"), "q")))
    return p1, p2, p3


def test_every_reference_form():
    p1, p2, p3 = _dokumen_rujukan()
    r = {}

    def tambah(ayat_, nama, label):
        r[nama] = ruj(label)
        ayat_.isi += [Teks(" sebagaimana dimaksud "), r[nama]]

    a1, a2 = p2.ayat
    tambah(p3.ayat[0], "pasal", "tugas")
    tambah(p3.ayat[0], "ayat_lain", "a2")
    tambah(a1, "ayat_sama", "a2")
    tambah(p3.ayat[0], "butir_lain", "b-y")
    tambah(p3.ayat[0], "butir_tanpa_ayat", "def-a")
    tambah(p3.ayat[0], "butir_sama_pasal_tanpa_ayat", "p3-a")
    tambah(a1, "butir_sama_ayat", "b-y")
    tambah(a1, "butir_ayat_lain", "b-sub1")
    tambah(p1.ayat[0], "butir_bertingkat", "b-sub1")
    # a reference inside a list item of ayat (2) to an item of the same ayat
    a2.daftar.butir[1].isi += [Teks(" sesuai "), ruj("b-sub1")]
    r["butir_dalam_butir"] = a2.daftar.butir[1].isi[-1]
    susun(dok([Bab("I", [p1]), Bab("II", [p2, p3])]))
    assert {k: v.teks for k, v in r.items()} == {
        "pasal": "dalam Pasal 2",
        "ayat_lain": "dalam Pasal 2 ayat (2)",
        "ayat_sama": "pada ayat (2)",
        "butir_lain": "dalam Pasal 2 ayat (1) huruf b",
        "butir_tanpa_ayat": "dalam Pasal 1 angka 1",
        "butir_sama_pasal_tanpa_ayat": "pada huruf a",
        "butir_sama_ayat": "pada huruf b",
        "butir_ayat_lain": "pada ayat (2) huruf a angka 1",
        "butir_bertingkat": "dalam Pasal 2 ayat (2) huruf a angka 1",
        "butir_dalam_butir": "pada huruf a angka 1",
    }


def test_diktum_references():
    sub = daftar("susun", Butir(teks("lapor"), label="lapor"), jenis="kalimat")
    dk = [Diktum(teks("Membentuk Tim"), label="bentuk"),
          Diktum(teks("Tim bertugas"), daftar=sub, label="tugas"),
          Diktum([Teks("Tugas sebagaimana dimaksud "), ruj("tugas"), Teks(" dan "),
                  ruj("lapor")])]
    sub.butir[0].isi += [Teks(" sebagaimana dimaksud "), ruj("bentuk"), Teks(" dan "),
                         ruj("lapor")]
    susun(dok(dk, jenis="keputusan"))
    assert dk[2].isi[1].teks == "dalam Diktum KEDUA"
    assert dk[2].isi[3].teks == "dalam Diktum KEDUA huruf b"
    assert sub.butir[0].isi[2].teks == "dalam Diktum KESATU"
    assert sub.butir[0].isi[4].teks == "pada huruf b"
    assert teks_polos(dk[2].isi) == (
        "Tugas sebagaimana dimaksud dalam Diktum KEDUA dan dalam Diktum KEDUA huruf b.")


def test_references_follow_a_moved_pasal():
    target = pasal(ayat("Tugas"), ayat("Fungsi"), label="tugas")
    other = pasal(ayat("Lain"))
    r = ruj("tugas")
    perujuk = pasal(Ayat([Teks("Sebagaimana dimaksud "), r]))
    d = dok([Bab("A", [target, other]), Bab("B", [perujuk])])
    susun(d)
    assert r.teks == "dalam Pasal 1"
    # move the target after the other Pasal: numbers and references follow
    d.batang_tubuh[0].isi = [other, target]
    susun(d)
    assert target.nomor == 2
    assert r.teks == "dalam Pasal 2"
    assert teks_polos(perujuk.ayat[0].isi) == "Sebagaimana dimaksud dalam Pasal 2."


def test_unknown_label_names_clause_and_line():
    p = pasal(Ayat([Teks("lihat "), ruj("tidak-ada", "clauses/perbup/05_tugas.md:12")]))
    with pytest.raises(KlausulError) as e:
        susun(dok([p]))
    assert e.value.berkas == "clauses/perbup/05_tugas.md"
    assert e.value.baris == 12
    assert "[[tidak-ada]]" in str(e.value)


def test_duplicate_label_names_both_places():
    p1 = pasal(ayat("x"), label="dua-kali")
    p1.sumber = "perbup/01.md:3"
    p2 = pasal(ayat("a"), ayat("b", label="dua-kali"))
    p2.sumber = "perbup/02.md:7"
    with pytest.raises(KlausulError) as e:
        susun(dok([p1, p2]))
    pesan = str(e.value)
    assert "Pasal 1 [perbup/01.md:3]" in pesan
    assert "Pasal 2 ayat (2) [perbup/02.md:7]" in pesan


def test_reference_in_lampiran_resolved_but_lampiran_item_not_referable():
    r = ruj("tugas")
    lamp = Lampiran(["LAMPIRAN"], "X", [Alinea([Teks("Sesuai "), r])])
    d = dok([pasal(ayat("Tugas"), label="tugas")], lampiran=[lamp])
    susun(d)
    assert r.teks == "dalam Pasal 1"
    lamp2 = Lampiran(["LAMPIRAN"], "X", [daftar(Butir(teks("a"), label="lb"))])
    with pytest.raises(KlausulError, match="butir lampiran"):
        susun(dok([pasal(Ayat([Teks("lihat "), ruj("lb")]))], lampiran=[lamp2]))
