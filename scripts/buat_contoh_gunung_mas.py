"""Write examples/gunung-mas/roster.csv: every desa of Kabupaten Gunung Mas (62.10) from the national
list, with INVENTED Kepala Desa and KPM (names, education, address, experience) and APBDes figures.

The names are fictitious examples, made deterministically from a fixed seed, so reruns give the same
file. Kelurahan are not in the roster: they have no Kepala Desa, APBDes or KPM.

    python scripts/buat_contoh_gunung_mas.py
"""
from __future__ import annotations

import csv
import random
from pathlib import Path

from perbup_gen.konfigurasi.roster import NAMA_KOLOM
from perbup_gen.konfigurasi.wilayah import DaftarWilayah

KODE = "62.10"
TUJUAN = Path(__file__).resolve().parent.parent / "examples" / "gunung-mas" / "roster.csv"

NAMA_DEPAN_L = ["Agustinus", "Yohanes", "Heri", "Dedy", "Markus", "Yanto", "Rudi", "Sabran", "Elias",
                "Nikolas", "Simson", "Daniel", "Hendra", "Junaidi", "Kristian", "Lukas", "Robert", "Tobias"]
NAMA_DEPAN_P = ["Sari", "Rinie", "Elisa", "Marlina", "Debora", "Lusiana", "Yulianti", "Natalia", "Fransiska",
                "Herlina", "Rosita", "Meliana", "Dewi", "Susanti", "Kristina", "Novita", "Agnes", "Wati"]
NAMA_BELAKANG = ["Ampung", "Luwan", "Tingang", "Nahan", "Dinata", "Ranying", "Bahen", "Kameloh", "Anggen",
                 "Tuah", "Sahay", "Pahu", "Jaya", "Usup", "Nyahu", "Liwan", "Tampung", "Karuhei"]
PENGALAMAN = ["Kader Posyandu", "Guru PAUD", "Kader Kesehatan", "Kader PKK", "Kader Bina Keluarga Balita"]
PENDIDIKAN = ["SLTA"] * 7 + ["D3", "S1", "D1"]


_DIPAKAI: set[str] = set()


def nama(rng: random.Random, pria: bool) -> str:
    """An invented name, never the same person twice in the example."""
    while True:
        depan = rng.choice(NAMA_DEPAN_L if pria else NAMA_DEPAN_P)
        hasil = f"{depan} {rng.choice(NAMA_BELAKANG)}"
        if hasil not in _DIPAKAI:
            _DIPAKAI.add(hasil)
            return hasil


def main() -> None:
    rng = random.Random(6210)
    wilayah = DaftarWilayah.muat()
    baris = []
    for kec in wilayah.anak(KODE):
        for desa in wilayah.anak(kec.kode):
            if desa.tingkat != "desa":
                continue
            pagu = rng.randrange(1_100, 2_100) * 1_000_000
            dana_desa = rng.randrange(650, 1_050) * 1_000_000
            stunting = dana_desa * rng.randrange(10, 16) // 100 // 1000 * 1000
            umum = [desa.kode, desa.nama, kec.nama, nama(rng, rng.random() < 0.8),
                    str(rng.randrange(1, 40)), "", str(pagu), str(dana_desa), str(stunting)]
            jumlah_kpm = 2 if rng.random() < 0.25 else 1
            for i in range(jumlah_kpm):
                pria = rng.random() < 0.2
                kpm = [nama(rng, pria), "L" if pria else "P", rng.choice(PENDIDIKAN),
                       f"Dusun {rng.choice(['I', 'II', 'III'])} RT {rng.randrange(1, 8):03d}",
                       "; ".join(sorted(rng.sample(PENGALAMAN, rng.randrange(1, 3))))]
                baris.append((umum if i == 0 else [desa.kode] + [""] * 8) + kpm)
    with TUJUAN.open("w", newline="", encoding="utf-8") as f:
        tulis = csv.writer(f, lineterminator="\n")
        # the columns the example fills come first; later columns (Berita Acara) stay empty
        kolom = NAMA_KOLOM[:len(baris[0])]
        tulis.writerow(kolom)
        tulis.writerows(baris)
    print(f"{TUJUAN}: {len(baris)} baris")


if __name__ == "__main__":
    main()
