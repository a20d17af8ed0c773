"""PDF conversion through LibreOffice. These tests need `soffice` (CI installs libreoffice-writer-nogui);
without it they are skipped with the install hint (failed in CI: see conftest.perlu_program)."""
from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from docx.shared import Mm

from perbup_gen.keluaran import pdf as modul
from perbup_gen.errors import OutputError
from perbup_gen.keluaran.pdf import PESAN_PASANG, ke_pdf, libreoffice_tersedia


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


def test_konversi_banyak_berkas_satu_proses(tmp_path, monkeypatch):
    _perlu_soffice()
    sumber = [
        _docx(tmp_path / "docx" / "62.10.01.2002-sepang-kota.docx", "SK Sepang Kota"),
        _docx(tmp_path / "docx" / "perbup dengan spasi.docx", "Perbup", halaman=2),
        _docx(tmp_path / "docx" / "62.10.01.2003-sepang-simin.docx", "SK Sepang Simin"),
    ]
    panggilan: list[list[str]] = []
    run_asli = modul.subprocess.run

    def run_catat(perintah, *a, **k):
        panggilan.append(list(perintah))
        return run_asli(perintah, *a, **k)

    monkeypatch.setattr(modul.subprocess, "run", run_catat)
    hasil = ke_pdf(sumber, tmp_path / "pdf")
    assert len(panggilan) == 1  # one LibreOffice process for all files
    perintah = panggilan[0]
    assert "--headless" in perintah and perintah[perintah.index("--convert-to") + 1] == "pdf"
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
    assert _halaman(hasil[1].read_bytes())[0] == 2
    assert _halaman(hasil[0].read_bytes())[0] == 1
    # nothing else left in the output folder (the temporary folder is gone)
    assert sorted(x.name for x in (tmp_path / "pdf").iterdir()) == sorted(p.name for p in hasil)
    # the private profile was removed
    assert not Path(profil[0].split("file://", 1)[1]).exists()


def test_dibagi_jika_perintah_terlalu_panjang(tmp_path, monkeypatch):
    _perlu_soffice()
    sumber = [_docx(tmp_path / f"desa-{i}.docx", f"Desa {i}") for i in range(3)]
    monkeypatch.setattr(modul, "BATAS_PANJANG_PERINTAH", 0)  # force one file per process
    panggilan: list[list[str]] = []
    run_asli = modul.subprocess.run

    def run_catat(perintah, *a, **k):
        panggilan.append(list(perintah))
        return run_asli(perintah, *a, **k)

    monkeypatch.setattr(modul.subprocess, "run", run_catat)
    hasil = ke_pdf(sumber, tmp_path / "pdf")
    assert len(panggilan) == 3
    assert [p.name for p in hasil] == ["desa-0.pdf", "desa-1.pdf", "desa-2.pdf"]
    assert all(p.read_bytes().startswith(b"%PDF-") for p in hasil)


def test_kelompok_menghormati_batas(monkeypatch):
    monkeypatch.setattr(modul, "BATAS_PANJANG_PERINTAH", 110)
    berkas = [Path("/x/" + "a" * 30 + f"{i}.docx") for i in range(10)]
    kelompok = modul._kelompok(berkas, 20)
    assert [p for k in kelompok for p in k] == berkas
    for k in kelompok:
        assert 20 + sum(len(str(p)) + 3 for p in k) <= 110
    assert len(kelompok) == 5


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
    with pytest.raises(OutputError, match="tidak menghasilkan PDF untuk: a.docx"):
        ke_pdf([f], tmp_path / "pdf")
    # the stale PDF is not passed off as new, and no temporary folder is left
    assert [x.name for x in (tmp_path / "pdf").iterdir()] == ["a.pdf"]


def test_soffice_gagal(tmp_path, monkeypatch):
    palsu = tmp_path / "soffice"
    palsu.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 3\n")
    palsu.chmod(0o755)
    monkeypatch.setenv(modul.VARIABEL_SOFFICE, str(palsu))
    f = _docx(tmp_path / "a.docx", "x")
    with pytest.raises(OutputError, match=r"kode 3\): Error: source file could not be loaded"):
        ke_pdf([f], tmp_path / "pdf")


def test_masukan_salah(tmp_path):
    _perlu_soffice()
    with pytest.raises(OutputError, match="tidak ada"):
        ke_pdf([tmp_path / "hilang.docx"], tmp_path / "pdf")
    a = _docx(tmp_path / "satu" / "x.docx", "1")
    b = _docx(tmp_path / "dua" / "x.docx", "2")
    with pytest.raises(OutputError, match="PDF yang sama"):
        ke_pdf([a, b], tmp_path / "pdf")
    assert ke_pdf([], tmp_path / "pdf") == []
