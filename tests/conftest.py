"""Shared test helpers: system programs some tests need (LibreOffice, poppler, Chromium, ...).

Where a program is missing, the test is skipped with the package to install (the summary at the
end of `make test` lists them: pytest runs with -rs). In CI (`PERBUP_GEN_CI=1`, set by .ci/run,
which installs everything) a missing program fails the test instead: nothing is skipped there.
"""
from __future__ import annotations

import os
import shutil

import pytest

PASANG = {
    "soffice": "LibreOffice: sudo apt-get install libreoffice-writer-nogui",
    "pdftoppm": "poppler: sudo apt-get install poppler-utils",
    "pdftotext": "poppler: sudo apt-get install poppler-utils",
    "pdffonts": "poppler: sudo apt-get install poppler-utils",
    "chromium": "Chromium: sudo apt-get install chromium chromium-driver",
    "chromedriver": "ChromeDriver: sudo apt-get install chromium-driver",
    "tesseract": "Tesseract OCR: sudo apt-get install tesseract-ocr tesseract-ocr-ind",
}


def perlu_program(*nama: str) -> None:
    """Skip (or, in CI, fail) the calling test unless every program in `nama` is on PATH."""
    kurang = [n for n in nama if shutil.which(n) is None]
    if not kurang:
        return
    pesan = "; ".join(f"{n} tidak terpasang ({PASANG.get(n, 'pasang paket yang menyediakannya')})" for n in kurang)
    if os.environ.get("PERBUP_GEN_CI"):
        pytest.fail(pesan + " -- CI harus memasangnya (.ci/run)")
    pytest.skip(pesan)
