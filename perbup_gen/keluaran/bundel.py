"""Bundles for handing out: several PDFs merged into one (pypdf), several files into one ZIP. The
ZIP is the same bytes for the same files (fixed times, sorted names); PDF output is not."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from perbup_gen.errors import OutputError

__all__ = ["gabung_pdf", "jumlah_halaman", "zip_berkas"]

_WAKTU_TETAP = (1980, 1, 1, 0, 0, 0)


def gabung_pdf(berkas: list[Path]) -> bytes:
    """The PDFs one after the other, every page of each, in the order given."""
    from pypdf import PdfWriter
    from pypdf.errors import PdfReadError

    penulis = PdfWriter()
    for p in berkas:
        try:
            penulis.append(str(p))
        except (OSError, PdfReadError, ValueError) as e:
            raise OutputError(f"{p}: PDF tidak dapat dibaca untuk digabung: {e}") from e
    keluaran = io.BytesIO()
    penulis.write(keluaran)
    penulis.close()
    return keluaran.getvalue()


def jumlah_halaman(berkas: Path | bytes) -> int:
    """The number of pages of a PDF file (or its bytes)."""
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(berkas) if isinstance(berkas, bytes) else str(berkas)).pages)


def zip_berkas(isi: list[tuple[str, Path]]) -> bytes:
    """A ZIP of the files, each under its name (POSIX path inside the archive), sorted by name."""
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as z:
        for nama, p in sorted(isi):
            info = zipfile.ZipInfo(nama, _WAKTU_TETAP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            try:
                z.writestr(info, Path(p).read_bytes())
            except OSError as e:
                raise OutputError(f"{p}: tidak dapat dibaca untuk ZIP: {e.strerror or e}") from e
    return keluaran.getvalue()
