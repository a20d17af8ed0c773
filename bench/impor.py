"""Importer speed: a 60-Pasal DOCX and a 20-page text PDF (targets 0.5 s and 2 s).

    .venv/bin/python bench/impor.py
Builds the documents itself (a Perbup model with 60 Pasal rendered to DOCX; the same to PDF via
LibreOffice, padded to 20 pages), then times impor_berkas, median of 5 runs."""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))


def main() -> None:
    from perbup_gen.dokumen.perbup import bangun_perbup
    from perbup_gen.impor import impor_berkas
    from perbup_gen.keluaran.docx import render_docx
    from perbup_gen.keluaran.pdf import ke_pdf
    from perbup_gen.konfigurasi.muat import muat_konfigurasi
    from perbup_gen.naskah.model import semua_pasal
    import copy

    hasil = muat_konfigurasi(AKAR / "examples" / "gunung-mas")
    dok = bangun_perbup(hasil)
    while sum(1 for _ in semua_pasal(dok.batang_tubuh)) < 60:
        dok.batang_tubuh.insert(-1, copy.deepcopy(dok.batang_tubuh[1]))
    # numbers repeat in the copies: fine for timing (the renderer only checks sequences within a Pasal)
    n = sum(1 for _ in semua_pasal(dok.batang_tubuh))
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "perbup60.docx"
        f.write_bytes(render_docx(dok))
        pdf = ke_pdf([f], Path(tmp))[0]
        for nama, berkas in (("DOCX", f), ("PDF", pdf)):
            waktu = []
            for _ in range(5):
                t0 = time.perf_counter()
                impor_berkas(berkas)
                waktu.append(time.perf_counter() - t0)
            hal = ""
            if nama == "PDF":
                import subprocess
                info = subprocess.run(["pdfinfo", str(berkas)], capture_output=True, text=True).stdout
                hal = next((l.split()[-1] for l in info.splitlines() if l.startswith("Pages")), "?")
            print(f"{nama}: {n} Pasal{', ' + hal + ' halaman' if hal else ''}: median "
                  f"{statistics.median(waktu):.3f} s (min {min(waktu):.3f}, maks {max(waktu):.3f})")


if __name__ == "__main__":
    main()
