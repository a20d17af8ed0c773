"""PDF benchmark: `build --pdf` for a kabupaten of about 800 desa (Aceh Utara, 11.08: 852 desa).

The config is made in memory the way bench/nasional.py makes it (real desa, invented officials and
KPM), written to a temporary folder, and built with the same command a user runs. Reported: the
DOCX build, the PDF conversion (LibreOffice, one process per core, batches of
perbup_gen.keluaran.pdf.UKURAN_BATCH) and the rate per document.

    .venv/bin/python bench/pdf.py                 # Aceh Utara
    .venv/bin/python bench/pdf.py --kabupaten 11.03 --proses 1
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))
sys.path.insert(0, str(AKAR / "bench"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kabupaten", default="11.08")
    ap.add_argument("--proses", type=int, default=None, help="LibreOffice processes (default: one per core)")
    args = ap.parse_args()

    import yaml

    import nasional
    from perbup_gen.keluaran.pdf import jumlah_proses_bawaan, konversi_pdf
    from perbup_gen.konfigurasi.muat import muat_konfigurasi
    from perbup_gen.konfigurasi.wilayah import DaftarWilayah
    from perbup_gen.proses.bangun import bangun_semua

    w = DaftarWilayah.muat()
    kab = w.cari(args.kabupaten)
    desa = [(x.kode, x.nama) for x in w.keturunan(args.kabupaten) if x.tingkat == "desa"]
    data = nasional.data_konfigurasi(args.kabupaten, kab.nama, w.provinsi_dari(args.kabupaten).nama, desa)
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        konfig = Path(tmp) / "konfig"
        konfig.mkdir()
        (konfig / "kabupaten.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        out = Path(tmp) / "out"
        t0 = time.perf_counter()
        laporan, _ = bangun_semua(muat_konfigurasi(konfig), out)
        t1 = time.perf_counter()
        docx = sorted(out.rglob("*.docx"))
        proses = args.proses or jumlah_proses_bawaan()
        hasil = konversi_pdf(docx, Path(tmp) / "pdf", proses=proses)
        t2 = time.perf_counter()
    n = len(docx)
    print(f"{kab.nama}: {len(desa)} desa, {n} DOCX")
    print(f"  DOCX (build tanpa pemeriksaan): {t1 - t0:.1f} s")
    print(f"  PDF/A ({proses} proses LibreOffice): {t2 - t1:.1f} s, {len(hasil.pdf)} PDF, "
          f"{len(hasil.gagal)} gagal, {hasil.percobaan_ulang} dicoba ulang")
    print(f"  laju PDF: {(t2 - t1) / n * 1000:.0f} ms per dokumen ({n / (t2 - t1):.1f} dokumen/s)")
    return 0 if hasil.lengkap else 1


if __name__ == "__main__":
    sys.exit(main())
