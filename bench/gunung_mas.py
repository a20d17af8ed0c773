"""Cold-start timings of the command line: `perbup-gen --help` and the whole Gunung Mas build (checks,
Perbup, Tim Penyusun decree, 114 KPM decrees, checklist, manifest) into an empty folder, each as a new
process, several times; prints the median and the worst.

    .venv/bin/python bench/gunung_mas.py [--kali 5]
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
PERINTAH = str(Path(sys.executable).parent / "perbup-gen")


def ukur(args: list[str], sebelum=None, kali: int = 5) -> list[float]:
    hasil = []
    for _ in range(kali):
        if sebelum:
            sebelum()
        mulai = time.perf_counter()
        subprocess.run([PERINTAH, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        hasil.append(time.perf_counter() - mulai)
    return hasil


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kali", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        keluaran = Path(tmp) / "out"
        for nama, perintah, sebelum in (
            ("perbup-gen --help", ["--help"], None),
            ("build Gunung Mas (folder kosong)", ["build", str(AKAR / "examples" / "gunung-mas"), "-o", str(keluaran), "-q"],
             lambda: shutil.rmtree(keluaran, ignore_errors=True)),
        ):
            t = ukur(perintah, sebelum, args.kali)
            print(f"{nama:34}: median {statistics.median(t):.2f} s, terlama {max(t):.2f} s ({args.kali} kali)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
