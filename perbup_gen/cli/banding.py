"""`perbup-gen banding`: compare two versions of a Perbup (tracked changes and the matriks
persandingan for harmonisation)."""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

import click

from perbup_gen.cli.dasar import OPSI_FORCE, _tangani_kesalahan, main


@main.command()
@click.argument("lama", metavar="LAMA", type=click.Path(path_type=Path))
@click.argument("baru", metavar="BARU", type=click.Path(path_type=Path))
@click.option("-o", "--output", "keluaran", type=click.Path(path_type=Path), default=Path("out"),
              show_default=True, help="Folder keluaran.")
@click.option("--penulis", default=None,
              help="Nama penulis perubahan terlacak (bawaan: perbup.mengubah.penulis, atau perbup-gen).")
@click.option("--tanggal", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Tanggal perubahan terlacak, YYYY-MM-DD (bawaan: perbup.mengubah.tanggal; tanpa tanggal bila kosong).")
@OPSI_FORCE
@_tangani_kesalahan
def banding(lama: Path, baru: Path, keluaran: Path, penulis: str | None, tanggal: _dt.datetime | None,
            force: bool) -> None:
    """Bandingkan dua versi Peraturan Bupati/Wali Kota (LAMA dan BARU: berkas .docx, .pdf, .txt, .md, .xml
    Akoma Ntoso, atau folder konfigurasi): tulis versi baru dengan perubahan terlacak Word
    (perubahan-terlacak.docx) dan matriks persandingan (matriks-persandingan.docx), lalu ringkasannya."""
    from perbup_gen.proses.banding import banding as jalankan

    hasil = jalankan(lama, baru, keluaran, penulis, tanggal.date() if tanggal else None, force)
    for baris in hasil.laporan:
        click.echo(baris)
