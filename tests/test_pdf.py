"""PDF conversion through LibreOffice. These tests need `soffice` (CI installs libreoffice-writer-nogui);
without it they are skipped with the install hint (failed in CI: see conftest.perlu_program)."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import pytest
from docx.shared import Mm

from perbup_gen.keluaran import pdf as modul
from perbup_gen.errors import OutputError
from perbup_gen.keluaran.pdf import ke_pdf, libreoffice_tersedia


def _perlu_soffice() -> str:
    from conftest import perlu_program

    perlu_program("soffice")
    return libreoffice_tersedia()


def _docx(path: Path, teks: str, halaman: int = 1) -> Path:
    d = docx.Document()
    s = d.sections[0]
    s.page_width, s.page_height = Mm(215), Mm(330)  # F4
    for i in range(halaman):
        d.add_paragraph(f"{teks} halaman {i + 1}")
        if i < halaman - 1:
            d.add_page_break()
    path.parent.mkdir(parents=True, exist_ok=True)
    d.save(path)
    return path


def _halaman(pdf: bytes) -> tuple[int, set[tuple[float, float]]]:
    """(number of pages, set of page sizes in points) from the PDF's uncompressed objects."""
    kotak = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    jumlah = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    return jumlah, {(float(w), float(h)) for w, h in kotak}


def test_libreoffice_tersedia():
    soffice = _perlu_soffice()
    assert Path(soffice).exists()


def test_konversi_banyak_berkas(tmp_path, monkeypatch):
    _perlu_soffice()
    sumber = [
        _docx(tmp_path / "docx" / "62.10.01.2002-sepang-kota.docx", "SK Sepang Kota"),
        _docx(tmp_path / "docx" / "perbup dengan spasi.docx", "Perbup", halaman=2),
        _docx(tmp_path / "docx" / "62.10.01.2003-sepang-simin.docx", "SK Sepang Simin"),
    ]
    panggilan = _catat_panggilan(monkeypatch)
    hasil = ke_pdf(sumber, tmp_path / "pdf", proses=1)
    assert len(panggilan) == 1  # one process, one batch for a few files
    perintah = panggilan[0]
    assert "--headless" in perintah
    assert perintah[perintah.index("--convert-to") + 1] == modul.FILTER_PDF  # PDF/A-2b
    profil = [a for a in perintah if a.startswith("-env:UserInstallation=file://")]
    assert len(profil) == 1
    assert perintah[-3:] == [str(p.resolve()) for p in sumber]

    assert hasil == [tmp_path / "pdf" / (p.stem + ".pdf") for p in sumber]
    for p in hasil:
        data = p.read_bytes()
        assert data.startswith(b"%PDF-")
        _, ukuran = _halaman(data)
        assert len(ukuran) == 1
        w, h = ukuran.pop()
        assert abs(w - 215 / 25.4 * 72) < 2 and abs(h - 330 / 25.4 * 72) < 2  # F4 kept
        assert b"<pdfaid:part>2</pdfaid:part>" in data  # PDF/A-2 in the XMP metadata
    assert _halaman(hasil[1].read_bytes())[0] == 2
    assert _halaman(hasil[0].read_bytes())[0] == 1
    # nothing else left in the output folder (the temporary folder and profile are gone)
    assert sorted(x.name for x in (tmp_path / "pdf").iterdir()) == sorted(p.name for p in hasil)
    assert not Path(profil[0].split("file://", 1)[1]).exists()


def _catat_panggilan(monkeypatch) -> list[list[str]]:
    panggilan: list[list[str]] = []
    popen_asli = modul.subprocess.Popen

    def popen_catat(perintah, *a, **k):
        if "--convert-to" in perintah:  # LibreOffice runs, not the fc-match of the font check
            panggilan.append(list(perintah))
        return popen_asli(perintah, *a, **k)

    monkeypatch.setattr(modul.subprocess, "Popen", popen_catat)
    return panggilan


def test_dua_proses_dengan_profil_sendiri(tmp_path, monkeypatch):
    _perlu_soffice()
    sumber = [_docx(tmp_path / f"desa-{i}.docx", f"Desa {i}") for i in range(4)]
    monkeypatch.setattr(modul, "UKURAN_BATCH", 1)  # one file per LibreOffice run
    panggilan = _catat_panggilan(monkeypatch)
    kemajuan: list[tuple[int, int]] = []
    hasil = modul.konversi_pdf(sumber, tmp_path / "pdf", proses=2,
                               kemajuan=lambda n, t: kemajuan.append((n, t)))
    assert hasil.lengkap and len(hasil.pdf) == 4
    assert len(panggilan) == 4
    profil = {a for p in panggilan for a in p if a.startswith("-env:UserInstallation=")}
    assert len(profil) == 2  # two processes, each on its own profile
    assert sorted(kemajuan) == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert [p.name for p in hasil.pdf.values()] == [f"desa-{i}.pdf" for i in range(4)]


def test_kelompok_menghormati_batas(monkeypatch):
    monkeypatch.setattr(modul, "BATAS_PANJANG_PERINTAH", 110)
    berkas = [Path("/x/" + "a" * 30 + f"{i}.docx") for i in range(10)]
    kelompok = modul._kelompok(berkas, 20)
    assert [p for k in kelompok for p in k] == berkas
    for k in kelompok:
        assert 20 + sum(len(str(p)) + 3 for p in k) <= 110
    assert len(kelompok) == 5


def test_kelompok_paling_banyak_ukuran_batch():
    berkas = [Path(f"/x/{i}.docx") for i in range(473)]
    kelompok = modul._kelompok(berkas, 200)
    assert [p for k in kelompok for p in k] == berkas
    assert max(len(k) for k in kelompok) == modul.UKURAN_BATCH < 200  # LibreOffice stops near 250
    assert modul._bagi_rata(berkas[:10], 2) == 5  # a small set still keeps both cores busy


def test_tanpa_libreoffice_pesan_jelas(tmp_path, monkeypatch):
    f = _docx(tmp_path / "a.docx", "x")
    monkeypatch.setattr(modul, "libreoffice_tersedia", lambda: None)
    with pytest.raises(OutputError) as e:
        ke_pdf([f], tmp_path / "pdf")
    assert "apt-get install libreoffice-writer-nogui" in str(e.value)
    assert "LibreOffice tidak ditemukan" in str(e.value)


def test_variabel_lingkungan_soffice(monkeypatch, tmp_path):
    monkeypatch.setenv(modul.VARIABEL_SOFFICE, str(tmp_path / "tidak-ada"))
    assert libreoffice_tersedia() is None
    palsu = tmp_path / "soffice"
    palsu.write_text("#!/bin/sh\nexit 0\n")
    monkeypatch.setenv(modul.VARIABEL_SOFFICE, str(palsu))
    assert libreoffice_tersedia() == str(palsu)


def test_soffice_tidak_menghasilkan_pdf(tmp_path, monkeypatch):
    palsu = tmp_path / "soffice"
    palsu.write_text("#!/bin/sh\nexit 0\n")
    palsu.chmod(0o755)
    monkeypatch.setenv(modul.VARIABEL_SOFFICE, str(palsu))
    f = _docx(tmp_path / "a.docx", "x")
    (tmp_path / "pdf").mkdir()
    (tmp_path / "pdf" / "a.pdf").write_bytes(b"%PDF- lama")
    with pytest.raises(OutputError, match="tidak menghasilkan PDF untuk: a.docx: LibreOffice selesai tanpa membuat PDF-nya"):
        ke_pdf([f], tmp_path / "pdf", huruf=None)
    # the stale PDF is not passed off as new, and no temporary folder is left
    assert [x.name for x in (tmp_path / "pdf").iterdir()] == ["a.pdf"]


def test_soffice_gagal(tmp_path, monkeypatch):
    palsu = tmp_path / "soffice"
    palsu.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 3\n")
    palsu.chmod(0o755)
    monkeypatch.setenv(modul.VARIABEL_SOFFICE, str(palsu))
    f = _docx(tmp_path / "a.docx", "x")
    with pytest.raises(OutputError, match=r"kode 3\): Error: source file could not be loaded"):
        ke_pdf([f], tmp_path / "pdf", huruf=None)


def test_masukan_salah(tmp_path):
    _perlu_soffice()
    with pytest.raises(OutputError, match="tidak ada"):
        ke_pdf([tmp_path / "hilang.docx"], tmp_path / "pdf")
    a = _docx(tmp_path / "satu" / "x.docx", "1")
    b = _docx(tmp_path / "dua" / "x.docx", "2")
    with pytest.raises(OutputError, match="PDF yang sama"):
        ke_pdf([a, b], tmp_path / "pdf")
    assert ke_pdf([], tmp_path / "pdf") == []


# --- batches, retries and the list of failures, with a stand-in for soffice ------------------------

_SOFFICE_PALSU = '''#!{python}
"""Stands in for soffice: writes a tiny PDF for each file, except as the file name says:
'sekali-gagal' fails on the first run only, 'selalu-gagal' always, 'terpotong' gets half a PDF.
Every run is logged (one line: the files) to $LOG_PALSU."""
import os, sys
from pathlib import Path
args = sys.argv[1:]
outdir = Path(args[args.index("--outdir") + 1])
berkas = [a for a in args if a.endswith(".docx")]
with open(os.environ["LOG_PALSU"], "a") as log:
    log.write(" ".join(Path(b).name for b in berkas) + "\\n")
for b in berkas:
    stem = Path(b).stem
    tanda = Path(os.environ["LOG_PALSU"] + "." + stem)
    if "selalu-gagal" in stem or ("sekali-gagal" in stem and not tanda.exists()):
        tanda.touch()
        continue
    isi = b"%PDF-1.7\\n1 0 obj<<>>endobj\\n" + (b"" if "terpotong" in stem else b"trailer<<>>\\n%%EOF\\n")
    (outdir / (stem + ".pdf")).write_bytes(isi)
'''


@pytest.fixture
def soffice_palsu(tmp_path, monkeypatch):
    import sys

    palsu = tmp_path / "palsu" / "soffice"
    palsu.parent.mkdir()
    palsu.write_text(_SOFFICE_PALSU.replace("{python}", sys.executable))
    palsu.chmod(0o755)
    log = tmp_path / "palsu" / "log"
    log.write_text("")
    monkeypatch.setenv(modul.VARIABEL_SOFFICE, str(palsu))
    monkeypatch.setenv("LOG_PALSU", str(log))
    return log


def test_batch_kecil_ulang_sekali_dan_daftar_gagal(tmp_path, soffice_palsu):
    nama = [f"desa-{i:03d}" for i in range(95)]
    nama[10] = "desa-010-sekali-gagal"
    nama[50] = "desa-050-selalu-gagal"
    nama[70] = "desa-070-terpotong"
    sumber = [_docx(tmp_path / "docx" / f"{n}.docx", n) for n in nama]
    (tmp_path / "pdf").mkdir()
    (tmp_path / "pdf" / "desa-050-selalu-gagal.pdf").write_bytes(b"%PDF- lama")
    hasil = modul.konversi_pdf(sumber, tmp_path / "pdf", proses=2, huruf=None)
    runs = [baris.split() for baris in soffice_palsu.read_text().splitlines()]
    # first pass: every file once, in batches of at most UKURAN_BATCH, both processes busy
    pertama = [r for r in runs if not any("gagal" in x or "terpotong" in x for x in r) or len(r) > 3]
    assert sum(len(r) for r in pertama) == 95
    assert max(len(r) for r in runs) <= modul.UKURAN_BATCH and len(pertama) >= 3
    # then one more try for the three that failed, and only for them
    ulang = runs[len(pertama):]
    assert sorted(x for r in ulang for x in r) == sorted(
        f"{n}.docx" for n in ("desa-010-sekali-gagal", "desa-050-selalu-gagal", "desa-070-terpotong"))
    assert hasil.percobaan_ulang == 3
    assert len(hasil.pdf) == 93 and hasil.pdf[sumber[10].resolve()].is_file()
    assert {p.name: a for p, a in hasil.gagal.items()} == {
        "desa-050-selalu-gagal.docx": "LibreOffice selesai tanpa membuat PDF-nya",
        "desa-070-terpotong.docx": "PDF-nya terpotong atau rusak",
    }
    # nothing half-written: no PDF for the two, the stale one untouched (the caller decides)
    assert not (tmp_path / "pdf" / "desa-070-terpotong.pdf").exists()
    assert (tmp_path / "pdf" / "desa-050-selalu-gagal.pdf").read_bytes() == b"%PDF- lama"
    assert sorted(p.name for p in (tmp_path / "pdf").iterdir()) == sorted(
        [f"{n}.pdf" for n in nama if n != "desa-070-terpotong"])
    with pytest.raises(OutputError, match="desa-050-selalu-gagal.docx: LibreOffice selesai tanpa"):
        ke_pdf(sumber[50:51], tmp_path / "pdf2", huruf=None)


def test_batas_waktu_membunuh_proses(tmp_path, monkeypatch):
    palsu = tmp_path / "soffice"
    palsu.write_text("#!/bin/sh\nsleep 30 &\nsleep 30\n")
    palsu.chmod(0o755)
    monkeypatch.setenv(modul.VARIABEL_SOFFICE, str(palsu))
    f = _docx(tmp_path / "a.docx", "x")
    hasil = modul.konversi_pdf([f], tmp_path / "pdf", batas_waktu=1, huruf=None)
    assert hasil.gagal == {f.resolve(): "LibreOffice tidak selesai dalam 1 detik"}
    assert hasil.percobaan_ulang == 1 and not hasil.pdf


# --- the typeface -----------------------------------------------------------------------------------


def test_pengganti_bookman_dari_berkas_fontconfig():
    assert modul.pengganti_huruf("Bookman Old Style")[:2] == ["URW Bookman", "TeX Gyre Bonum"]
    assert modul.pengganti_huruf("bookman old style") == modul.pengganti_huruf("Bookman Old Style")
    assert modul.pengganti_huruf("Arial")[0] == "Liberation Sans"
    assert modul.pengganti_huruf("Huruf Tak Dikenal") == []


def test_huruf_pengganti_terpasang():
    _perlu_soffice()
    if not shutil.which("fc-match"):
        pytest.fail("fc-match tidak ada: apt-get install fontconfig")
    dipakai = modul.periksa_huruf("Bookman Old Style")
    assert dipakai in ("URW Bookman", "TeX Gyre Bonum"), (
        "pasang fonts-urw-base35 (apt-get install fonts-urw-base35)")


def test_tanpa_huruf_pengganti_pesan_jelas(tmp_path, monkeypatch):
    if not shutil.which("fc-match"):
        pytest.fail("fc-match tidak ada: apt-get install fontconfig")
    # a fontconfig that knows only DejaVu: what a machine without fonts-urw-base35 sees
    kosong = tmp_path / "fonts.conf"
    kosong.write_text('<?xml version="1.0"?><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir>'
                      f'<cachedir>{tmp_path}/cache</cachedir></fontconfig>')
    asli = modul.BERKAS_FONTCONFIG.read_text()
    tiruan = tmp_path / "huruf.conf"
    tiruan.write_text(asli.replace('<include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
                                   f'<include ignore_missing="yes">{kosong}</include>'))
    monkeypatch.setattr(modul, "BERKAS_FONTCONFIG", tiruan)
    with pytest.raises(OutputError) as e:
        modul.periksa_huruf("Bookman Old Style")
    pesan = str(e.value)
    assert "Huruf Bookman Old Style tidak terpasang" in pesan
    assert "URW Bookman, TeX Gyre Bonum" in pesan and "apt-get install fonts-urw-base35" in pesan
    assert "LibreOffice akan memakai DejaVu" in pesan
    # and nothing is converted
    f = _docx(tmp_path / "a.docx", "x")
    with pytest.raises(OutputError, match="tidak terpasang"):
        ke_pdf([f], tmp_path / "pdf")
    assert not (tmp_path / "pdf").exists()


def test_folder_relatif(tmp_path, soffice_palsu, monkeypatch):
    """`build -o out --pdf` with a relative folder (the private profiles are file:// URIs)."""
    monkeypatch.chdir(tmp_path)
    f = _docx(Path("docx") / "a.docx", "x")
    hasil = modul.konversi_pdf([f], Path("pdf"), huruf=None)
    assert hasil.lengkap and hasil.pdf[f.resolve()] == (tmp_path / "pdf" / "a.pdf")
