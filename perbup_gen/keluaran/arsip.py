"""A ZIP archive of generated files (the whole set, or its PDFs) for download.

Same files, same bytes: entries in the given order with a fixed timestamp. DOCX and PDF are
already compressed and are stored as they are; text files are deflated. The archive is written with
the output writer's atomic write (keluaran/berkas.py: a temporary file beside the target, renamed
into place), so a reader never sees half of it.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path, PurePosixPath

from perbup_gen.errors import OutputError, alasan_os
from perbup_gen.keluaran.berkas import _tulis_atomik, _umask

__all__ = ["tulis_zip"]

_TERMAMPAT = {".docx", ".xlsx", ".pdf", ".png", ".jpg", ".jpeg", ".zip"}
_WAKTU = (2000, 1, 1, 0, 0, 0)


def tulis_zip(folder: Path, jalur: list[str], tujuan: Path, awalan: str = "") -> Path:
    """Write the files `jalur` (POSIX paths relative to `folder`) into the ZIP `tujuan`, each under
    `awalan` + its path. A path leaving the folder raises OutputError."""
    folder = Path(folder)
    akar = folder.resolve()
    tujuan = Path(tujuan)
    try:
        data = io.BytesIO()
        with zipfile.ZipFile(data, "w") as z:
            for j in jalur:
                pj = PurePosixPath(j)
                if pj.is_absolute() or ".." in pj.parts:
                    raise OutputError(f"{j}: jalur berkas tidak sah untuk arsip")
                sumber = (folder / pj).resolve()
                if akar not in sumber.parents:
                    raise OutputError(f"{j}: berkas berada di luar folder keluaran")
                info = zipfile.ZipInfo(awalan + str(pj), _WAKTU)
                info.external_attr = 0o644 << 16
                info.compress_type = zipfile.ZIP_STORED if pj.suffix.lower() in _TERMAMPAT else zipfile.ZIP_DEFLATED
                z.writestr(info, sumber.read_bytes())
        _tulis_atomik(tujuan, data.getvalue(), 0o666 & ~_umask(), mode_umask=True)
    except OSError as e:
        raise OutputError(f"{tujuan}: arsip ZIP tidak dapat ditulis: {alasan_os(e)}") from None
    return tujuan
