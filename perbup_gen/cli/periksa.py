"""`perbup-gen check`."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from perbup_gen.cli.dasar import _tangani_kesalahan, main


@main.command()
@click.argument("konfigurasi", metavar="KONFIGURASI|BERKAS", type=click.Path(path_type=Path))
@click.option("--md", "keluaran_md", type=click.Path(path_type=Path), default=None, help="Tulis juga laporan Markdown ke berkas ini.")
@click.option("--html", "keluaran_html", type=click.Path(path_type=Path), default=None, help="Tulis juga laporan HTML ke berkas ini.")
@_tangani_kesalahan
def check(konfigurasi: Path, keluaran_md: Path | None, keluaran_html: Path | None) -> None:
    """Periksa naskah (kaidah Lampiran II UU 12/2011) dan data (KPM, APBDes, roster) dari folder
    konfigurasi, atau periksa peraturan yang sudah ada (BERKAS .docx, .pdf, .txt, .md, .xml) dengan
    tempat berkas:baris. Kode keluar 1 bila ada galat."""
    from perbup_gen.impor.baca import FORMAT

    if konfigurasi.suffix.lower() in FORMAT and not konfigurasi.is_dir():
        from perbup_gen.proses.impor import periksa_berkas
        from perbup_gen.proses.periksa import periksa_tujuan_laporan, tulis_laporan

        periksa_tujuan_laporan(keluaran_md, keluaran_html)
        laporan = periksa_berkas(konfigurasi)
        tulis_laporan(laporan, keluaran_md, keluaran_html)
        teks, kode = laporan.teks(), (1 if laporan.ada_galat else 0)
    else:
        from perbup_gen.cli.kemajuan import kemajuan
        from perbup_gen.konfigurasi.muat import muat_konfigurasi
        from perbup_gen.proses.periksa import jalankan_periksa

        hasil = muat_konfigurasi(konfigurasi)
        with kemajuan("Memeriksa", len(hasil.konfigurasi.desa)) as setiap:
            teks, kode = jalankan_periksa(konfigurasi, keluaran_md, keluaran_html, setiap=setiap, hasil=hasil)
    click.echo(teks, nl=False)
    sys.exit(kode)
