"""National benchmark: the KPM decree (Keputusan Kepala Desa) for every desa of Indonesia, the 14
kampung adat of Kabupaten Jayapura included, each in its region's words (Keuchik Gampong, Wali
Nagari, Kepala Kampung, Lurah, Kepala Kampung Adat; Wali Kota in a kota).

For each of the 514 kabupaten/kota of the national list (`perbup_gen/data/wilayah.csv.gz`, the
same rows as ../shared/data/wilayah.csv) a config is made in memory with invented officials, Kepala
Desa and one invented KPM per desa (real desa names and codes), validated like any config, and its
decrees are built, rendered and written through the same functions `perbup-gen build` uses
(`bangun.berkas_sk_kpm` -> `berkas.tulis_semua`, one output folder + manifest per kabupaten). Both
cores work: one process per core, kabupaten handed out one at a time, the roster of one kabupaten in
memory at a time.

In the same run a sample is rendered the usual docxtpl way (load the template, render, save, once
per document) with the same layout and the same values, and the per-document rates are compared.

    .venv/bin/python bench/nasional.py                  # everything (75,266 desa and kampung adat)
    .venv/bin/python bench/nasional.py --batas 5000     # the first 5,000 desa only
"""
from __future__ import annotations

import argparse
import hashlib
import io
import multiprocessing as mp
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))

NAMA_DEPAN = ["Siti", "Ahmad", "Dewi", "Budi", "Sri", "Agus", "Nur", "Rina", "Made", "Yohana", "Teuku", "Putu",
              "Wayan", "Maria", "Yusuf", "Fitri", "Hendra", "Lestari", "Andi", "Ketut"]
NAMA_BELAKANG = ["Rahayu", "Saputra", "Wati", "Hidayat", "Lubis", "Simanjuntak", "Pratama", "Ningsih",
                 "Sembiring", "Wijaya", "Nainggolan", "Pangaribuan", "Suryani", "Halim", "Tanjung"]


def nama_fiktif(kunci: str, i: int = 0) -> str:
    h = hashlib.sha256(f"{kunci}/{i}".encode()).digest()
    return f"{NAMA_DEPAN[h[0] % len(NAMA_DEPAN)]} {NAMA_BELAKANG[h[1] % len(NAMA_BELAKANG)]}"


def kelompok_kabupaten(batas: int | None):
    """(kabupaten code, name, province name, [(desa code, name), ...]) in code order, streamed."""
    from perbup_gen.konfigurasi.wilayah import DaftarWilayah

    wilayah = DaftarWilayah.muat()
    kini, desa, n = None, [], 0
    for w in wilayah.semua_desa(termasuk_desa_adat=True):
        kab = w.kode[:5]
        if kab != kini:
            if desa:
                yield _tugas(wilayah, kini, desa)
            kini, desa = kab, []
        desa.append((w.kode, w.nama))
        n += 1
        if batas and n >= batas:
            break
    if desa:
        yield _tugas(wilayah, kini, desa)


def _tugas(wilayah, kode, desa):
    kab = wilayah.cari(kode)
    prov = wilayah.provinsi_dari(kode)
    return kode, kab.nama, prov.nama, desa


def data_konfigurasi(kode: str, nama: str, provinsi: str, desa: list[tuple[str, str]]) -> dict:
    """An invented but valid config for one kabupaten, roster included."""
    for awalan in ("Kabupaten ", "Kota "):
        nama = nama.removeprefix(awalan)
    return {
        "contoh": True,
        "tahun": 2025,
        "kabupaten": {"kode": kode, "nama": nama, "provinsi": provinsi.removeprefix("Provinsi "),
                      "ibu_kota": nama, "dasar_pembentukan": "uu-pembentukan"},
        "pejabat": {"bupati": {"nama": nama_fiktif(kode, 1)},
                    "sekretaris_daerah": {"nama": nama_fiktif(kode, 2), "nip": "197001011995031001"},
                    "kepala_bagian_hukum": {"nama": nama_fiktif(kode, 3), "nip": "198001012005021001"}},
        "opd": [{"kode": "dpmd", "nama": "Dinas Pemberdayaan Masyarakat dan Desa", "singkatan": "Dinas PMD",
                 "kepala": {"nama": nama_fiktif(kode, 4)}}],
        "kpm": {"insentif": {"jumlah": 500000}},
        "perbup": {"dasar_hukum": {"tambahan": {"uu-pembentukan": {
            "jenis": "UU", "teks": f"Undang-Undang tentang pembentukan {nama} (contoh benchmark)"}}}},
        "sk_kpm": {"tanggal": "2025-05-02"},
        "desa": [{"kode": k, "kepala_desa": {"nama": nama_fiktif(k, 0)}, "nomor_sk": "1",
                  "kpm": [{"nama": nama_fiktif(k, 1), "jenis_kelamin": "P", "pendidikan": "SLTA",
                           "alamat": "RT 001", "pengalaman": ["Kader Posyandu"]}]}
                 for k, _ in desa],
    }


# one desa per kind of region, read back from the written decrees: the heading and the title name
# the office in the region's words
SAMPEL_DAERAH = ["11.06.01.2001", "11.04.01.2003", "13.06.01.2001", "18.06.01.2016", "34.04.01.2001",
                 "35.79.01.2005", "81.71.01.2001", "81.71.02.2002", "91.03.01.3007", "94.01.01.2001", "62.10.01.2002"]


def sampel_daerah(keluaran: Path) -> list[str]:
    """The heading and title lines of the sample decrees, read back from the DOCX files written."""
    from docx import Document

    baris = []
    for kode in SAMPEL_DAERAH:
        berkas = sorted(keluaran.glob(f"*/{kode}-*.docx")) + sorted(keluaran.glob(f"*/*/{kode}-*.docx"))
        if not berkas:
            continue
        teks = [p.text.strip() for p in Document(str(berkas[0])).paragraphs if p.text.strip()]
        judul = next((t for t in teks if t.startswith("KEPUTUSAN ")), "?")
        baris.append(f"  {kode}: {teks[0]} / {teks[1]} | {judul}")
    return baris


def kerja(args) -> tuple[int, int]:
    """Build and write the decrees of one kabupaten, as `perbup-gen build` does."""
    from perbup_gen.proses.bangun import CatatanBangun, Penyaji, berkas_sk_kpm
    from perbup_gen.keluaran.berkas import nama_berkas, tulis_semua
    from perbup_gen.konfigurasi.muat import muat_data

    (kode, nama, provinsi, desa), keluaran = args
    hasil = muat_data(data_konfigurasi(kode, nama, provinsi, desa), Path("."), f"bench:{kode}")
    catatan = CatatanBangun()
    laporan = tulis_semua(Path(keluaran) / nama_berkas(kode, nama), berkas_sk_kpm(hasil, Penyaji(hasil, "docx"), catatan), kode)
    return catatan.jumlah_sk_kpm, len(laporan.gagal) + len(catatan.gagal)


def templat_docxtpl(folder: Path) -> Path:
    """The same decree layout as a docxtpl template: our renderer's output for a placeholder desa
    whose values are Jinja placeholders ({{ nama_desa }}, {{ NAMA_DESA }}, {{ kepala_desa }}, ...)."""
    from perbup_gen.konfigurasi.muat import muat_data
    from perbup_gen.keluaran.docx import PenyajiDocx
    from perbup_gen.dokumen.sk_kpm import PembangunSKKPM

    kode = "62.10.01.2002"
    data = data_konfigurasi("62.10", "Kabupaten Gunung Mas", "Kalimantan Tengah", [(kode, "Sepang Kota")])
    hasil = muat_data(data, Path("."), "bench:docxtpl")
    d = hasil.konfigurasi.desa[0]
    d.nama = "{{ nama_desa }}"
    d.kepala_desa.nama = "{{ kepala_desa }}"
    d.kpm[0].nama = "{{ nama_kpm }}"
    dok = PembangunSKKPM(hasil).bangun(d)
    p = folder / "sk_kpm_docxtpl.docx"
    p.write_bytes(PenyajiDocx().render(dok))
    return p


def ukur_docxtpl(templat: Path, sampel: list[tuple[str, str]]) -> float:
    """Documents per second, docxtpl the usual way: load, render, save, once per document."""
    from docxtpl import DocxTemplate

    mulai = time.perf_counter()
    for kode, nama in sampel:
        doc = DocxTemplate(str(templat))
        konteks = {"nama_desa": nama, "NAMA_DESA": nama.upper(), "kepala_desa": nama_fiktif(kode, 0),
                   "KEPALA_DESA": nama_fiktif(kode, 0).upper(), "nama_kpm": nama_fiktif(kode, 1)}
        doc.render(konteks, autoescape=True)
        doc.save(io.BytesIO())
    return len(sampel) / (time.perf_counter() - mulai)


def ukur_satu_proses(sampel: list[tuple[str, str]], ulang: int = 3) -> tuple[float, float]:
    """One core, the build's builder and renderer: (documents per second once prepared, seconds of
    the one-time preparation: clause templates compiled, Word template loaded)."""
    from perbup_gen.proses.bangun import Penyaji
    from perbup_gen.konfigurasi.muat import muat_data
    from perbup_gen.dokumen.sk_kpm import PembangunSKKPM

    hasil = muat_data(data_konfigurasi("62.10", "Kabupaten Gunung Mas", "Kalimantan Tengah", sampel), Path("."), "bench")
    mulai = time.perf_counter()
    penyaji = Penyaji(hasil, "docx")
    pembangun = PembangunSKKPM(hasil)
    siap = time.perf_counter() - mulai
    desa = hasil.konfigurasi.desa
    mulai = time.perf_counter()
    for _ in range(ulang):
        for d in desa:
            penyaji(pembangun.bangun(d))
    return ulang * len(desa) / (time.perf_counter() - mulai), siap


def batch_nasional(args, keluaran: Path) -> int:
    """The whole national list on all cores, through the build's functions; returns failures."""
    mulai = time.perf_counter()
    jumlah = gagal = kab = 0
    tugas = ((t, str(keluaran)) for t in kelompok_kabupaten(args.batas))
    with mp.get_context("fork").Pool(args.proses) as pool:
        for n, g in pool.imap_unordered(kerja, tugas):
            jumlah += n
            gagal += g
            kab += 1
    detik = time.perf_counter() - mulai
    rss_anak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    rss_induk = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"dokumen           : {jumlah} SK KPM di {kab} kabupaten/kota ({gagal} gagal), {args.proses} proses")
    print(f"waktu             : {detik:.1f} s")
    print(f"laju              : {jumlah / detik:.0f} dokumen/s")
    print(f"memori puncak     : proses kerja {rss_anak:.0f} MB, proses induk {rss_induk:.0f} MB")
    sampel = sampel_daerah(keluaran)
    if sampel:
        print("sampel sebutan    : kop / baris kedua | judul (dibaca kembali dari DOCX)")
        print("\n".join(sampel))
    return gagal


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--batas", type=int, default=None, help="hanya N desa pertama")
    ap.add_argument("--proses", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--sampel", type=int, default=100, help="jumlah dokumen sampel perbandingan docxtpl")
    ap.add_argument("--keluaran", type=Path, default=None, help="folder keluaran (bawaan: folder sementara, dihapus)")
    ap.add_argument("--hanya-banding", action="store_true", help="hanya perbandingan satu inti dengan docxtpl")
    args = ap.parse_args()

    sementara = None
    keluaran = args.keluaran
    if keluaran is None:
        sementara = tempfile.mkdtemp(prefix="perbup-bench-")
        keluaran = Path(sementara)
    try:
        gagal = 0
        if not args.hanya_banding:
            gagal = batch_nasional(args, keluaran)

        from perbup_gen.konfigurasi.wilayah import DaftarWilayah

        # the per-document comparison on one core: the desa of Gunung Mas, both ways
        sampel = [(w.kode, w.nama) for w in DaftarWilayah.muat().keturunan("62.10") if w.tingkat == "desa"]
        sampel = sampel[: args.sampel]
        with tempfile.TemporaryDirectory() as tmp:
            templat = templat_docxtpl(Path(tmp))
            laju_docxtpl = ukur_docxtpl(templat, sampel)
        laju_kita, siap = ukur_satu_proses(sampel)
        print(f"satu inti         : perbup-gen {laju_kita:.0f} dokumen/s (setelah persiapan sekali {siap * 1000:.0f} ms), "
              f"docxtpl {laju_docxtpl:.0f} dokumen/s (muat-render-simpan per dokumen, sampel {len(sampel)}), "
              f"rasio {laju_kita / laju_docxtpl:.1f}x")
        return 1 if gagal else 0
    finally:
        if sementara:
            shutil.rmtree(sementara, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
