"""DOCX -> PDF with LibreOffice, all files in one `soffice` process (or a few, for very long lists).

Starting LibreOffice costs seconds, so `ke_pdf` hands it every file at once:

    soffice -env:UserInstallation=file:///tmp/... --headless --convert-to pdf --outdir DIR a.docx b.docx

with a private, temporary profile so it neither clashes with a LibreOffice the user has open nor
leaves anything in their home folder. LibreOffice writes into a temporary folder next to the
target; each PDF is then moved into place with `os.replace`, so a failed run never leaves a stale or
half-written PDF looking like a fresh one. PDF output is not byte-for-byte deterministic.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from perbup_gen.errors import OutputError, alasan_os

__all__ = ["PESAN_PASANG", "ke_pdf", "libreoffice_tersedia"]

#: Environment variable naming the soffice executable, overriding the search.
VARIABEL_SOFFICE = "PERBUP_GEN_SOFFICE"

PESAN_PASANG = (
    "LibreOffice tidak ditemukan; konversi ke PDF memerlukannya. Pasang dengan:\n"
    "  Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui\n"
    "  Fedora: sudo dnf install libreoffice-writer\n"
    "  macOS: brew install --cask libreoffice\n"
    "  Windows: unduh dari https://www.libreoffice.org/download/\n"
    f"atau tunjuk program soffice dengan variabel lingkungan {VARIABEL_SOFFICE}."
)

# Keep each command line well below Windows' 32,767-character limit (Linux allows far more).
BATAS_PANJANG_PERINTAH = 24_000

_LOKASI_UMUM = (
    "/usr/bin/soffice",
    "/usr/local/bin/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


def libreoffice_tersedia() -> str | None:
    """The path of the soffice executable, or None when LibreOffice is not installed."""
    pilihan = os.environ.get(VARIABEL_SOFFICE)
    if pilihan:
        return pilihan if Path(pilihan).is_file() else shutil.which(pilihan)
    for nama in ("soffice", "libreoffice"):
        ketemu = shutil.which(nama)
        if ketemu:
            return ketemu
    for p in _LOKASI_UMUM:
        if Path(p).is_file():
            return p
    return None


def _kelompok(berkas: list[Path], panjang_dasar: int) -> list[list[Path]]:
    """Split the files so that each command line stays under BATAS_PANJANG_PERINTAH."""
    hasil: list[list[Path]] = []
    sekarang: list[Path] = []
    panjang = panjang_dasar
    for p in berkas:
        n = len(str(p)) + 3  # separator and possible quoting
        if sekarang and panjang + n > BATAS_PANJANG_PERINTAH:
            hasil.append(sekarang)
            sekarang, panjang = [], panjang_dasar
        sekarang.append(p)
        panjang += n
    if sekarang:
        hasil.append(sekarang)
    return hasil


def ke_pdf(
    berkas: list[Path], folder_keluaran: Path, *, batas_waktu: float | None = None
) -> list[Path]:
    """Convert every DOCX in `berkas` to `folder_keluaran/<stem>.pdf`; return the PDF paths in order.

    Raises OutputError when LibreOffice is missing, an input is missing, two inputs share a stem
    (their PDFs would collide), LibreOffice fails or times out, or a PDF did not appear.
    `batas_waktu` (seconds per LibreOffice run) defaults to 120 s plus 10 s per file.
    """
    berkas = [Path(b).resolve() for b in berkas]
    if not berkas:
        return []
    soffice = libreoffice_tersedia()
    if soffice is None:
        raise OutputError(PESAN_PASANG)
    hilang = [str(b) for b in berkas if not b.is_file()]
    if hilang:
        raise OutputError("Berkas untuk dikonversi ke PDF tidak ada: " + ", ".join(hilang))
    nama: dict[str, Path] = {}
    for b in berkas:
        lain = nama.setdefault(b.stem.lower(), b)
        if lain != b:
            raise OutputError(
                f"{lain} dan {b} akan menghasilkan PDF yang sama ({b.stem}.pdf); "
                "konversikan ke folder yang berbeda."
            )

    folder_keluaran = Path(folder_keluaran)
    try:
        folder_keluaran.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(
            f"Folder PDF {folder_keluaran} tidak dapat dibuat: {alasan_os(e)}"
        ) from e

    hasil: dict[Path, Path] = {}
    with tempfile.TemporaryDirectory(prefix="perbup-gen-lo-") as profil, \
            tempfile.TemporaryDirectory(prefix=".pdf-", dir=folder_keluaran) as sementara:
        dasar = [
            soffice,
            f"-env:UserInstallation={Path(profil).as_uri()}",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            sementara,
        ]
        for kelompok in _kelompok(berkas, sum(len(a) + 3 for a in dasar)):
            _jalankan(dasar + [str(b) for b in kelompok], kelompok, batas_waktu)
            gagal = []
            for b in kelompok:
                pdf = Path(sementara) / f"{b.stem}.pdf"
                if not pdf.is_file() or pdf.stat().st_size == 0:
                    gagal.append(b.name)
                    continue
                tujuan = folder_keluaran / f"{b.stem}.pdf"
                try:
                    os.replace(pdf, tujuan)
                except OSError as e:
                    raise OutputError(f"{tujuan} tidak dapat ditulis: {alasan_os(e)}") from e
                hasil[b] = tujuan
            if gagal:
                raise OutputError(
                    "LibreOffice tidak menghasilkan PDF untuk: " + ", ".join(gagal)
                )
    return [hasil[b] for b in berkas]


def _jalankan(perintah: list[str], kelompok: list[Path], batas_waktu: float | None) -> None:
    waktu = batas_waktu if batas_waktu is not None else 120 + 10 * len(kelompok)
    env = dict(os.environ)
    env.setdefault("HOME", tempfile.gettempdir())  # LibreOffice needs a HOME on some CI runners
    kwargs: dict = {}
    if sys.platform == "win32":  # pragma: no cover
        kwargs["creationflags"] = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    try:
        proses = subprocess.run(
            perintah,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=waktu,
            env=env,
            check=False,
            **kwargs,
        )
    except subprocess.TimeoutExpired as e:
        raise OutputError(
            f"LibreOffice tidak selesai dalam {waktu:.0f} detik saat mengonversi "
            f"{len(kelompok)} berkas ke PDF."
        ) from e
    except OSError as e:
        raise OutputError(f"LibreOffice ({perintah[0]}) tidak dapat dijalankan: {alasan_os(e)}") from e
    if proses.returncode != 0:
        pesan = (proses.stderr or proses.stdout).decode("utf-8", "replace").strip()
        with contextlib.suppress(Exception):
            pesan = pesan.splitlines()[-1]
        raise OutputError(
            f"LibreOffice gagal mengonversi ke PDF (kode {proses.returncode}): {pesan}"
        )
