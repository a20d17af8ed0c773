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
        from perbup_gen.keluaran.berkas import periksa_tujuan
        from perbup_gen.proses.impor import periksa_berkas
        from perbup_gen.proses.periksa import _tulis

        for tujuan in (keluaran_md, keluaran_html):
            if tujuan is not None:
                periksa_tujuan(Path(tujuan), folder=False)
        laporan = periksa_berkas(konfigurasi)
        if keluaran_md is not None:
            _tulis(Path(keluaran_md), laporan.markdown())
        if keluaran_html is not None:
            _tulis(Path(keluaran_html), laporan.html())
        teks, kode = laporan.teks(), (1 if laporan.ada_galat else 0)
    else:
        from perbup_gen.proses.periksa import jalankan_periksa

        teks, kode = jalankan_periksa(konfigurasi, keluaran_md, keluaran_html)
    click.echo(teks, nl=False)
    sys.exit(kode)
