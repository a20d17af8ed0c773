"""Regenerate the README pictures: build the Gunung Mas set, convert the DOCX to PDF with LibreOffice
(PDF/A, the Bookman substitute) and render chosen pages to PNG with pdftoppm.

    make gambar        # or: .venv/bin/python scripts/gambar_readme.py

Needs LibreOffice, poppler-utils and fonts-urw-base35 (apt-get install libreoffice-writer-nogui poppler-utils fonts-urw-base35).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
TUJUAN = AKAR / "docs" / "gambar"
CONTOH = AKAR / "examples" / "gunung-mas"

# (file in the build output, page number, picture name)
HALAMAN = [
    ("perbup/rancangan-perbup-peran-desa.docx", 1, "perbup-halaman-1.png"),
    ("perbup/rancangan-perbup-peran-desa.docx", 2, "perbup-halaman-2.png"),
    ("tim-penyusun/keputusan-tim-penyusun.docx", 1, "tim-penyusun-halaman-1.png"),
    ("sk-kpm/62.10.01.2002-sepang-kota.docx", 1, "sk-kpm-sepang-kota-halaman-1.png"),
    ("checklist/daftar-periksa.docx", 1, "daftar-periksa-halaman-1.png"),
]


def main() -> int:
    from perbup_gen.proses.bangun import bangun_semua
    from perbup_gen.konfigurasi.muat import muat_konfigurasi
    from perbup_gen.keluaran.pdf import ke_pdf

    if not shutil.which("pdftoppm"):
        print("pdftoppm tidak ada: apt-get install poppler-utils", file=sys.stderr)
        return 2
    TUJUAN.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        keluaran = Path(tmp) / "out"
        bangun_semua(muat_konfigurasi(CONTOH), keluaran)
        docx = sorted({keluaran / f for f, _, _ in HALAMAN})
        pdf_folder = Path(tmp) / "pdf"
        pdf_folder.mkdir()
        ke_pdf(docx, pdf_folder)
        for berkas, halaman, nama in HALAMAN:
            pdf = pdf_folder / (Path(berkas).stem + ".pdf")
            awalan = Path(tmp) / "hal"
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(halaman), "-l", str(halaman), "-singlefile", str(pdf), str(awalan)], check=True)
            shutil.move(str(awalan) + ".png", TUJUAN / nama)
            print(f"ditulis: {TUJUAN / nama}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
