"""`perbup-gen status`: stages and paraf koordinasi."""
from __future__ import annotations

from pathlib import Path

import click

from perbup_gen.cli.dasar import ARG_KONFIGURASI, _tangani_kesalahan, main


@main.command()
@ARG_KONFIGURASI
@click.option("--per", "per", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="Keadaan per tanggal TTTT-BB-HH (bawaan: hari ini).")
@click.option("--selesai", "selesai", metavar="KODE", default=None, help="Catat langkah KODE (mis. t1-tim) selesai.")
@click.option("--paraf", "paraf", type=click.Choice(["perbup", "tim_penyusun"]), default=None, help="Catat paraf pada dokumen ini.")
@click.option("--jabatan", default=None, help="Jabatan yang memaraf (dengan --paraf).")
@click.option("--oleh", default=None, help="Nama yang memaraf (dengan --paraf).")
@click.option("--tanggal", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="Tanggal selesai/paraf TTTT-BB-HH (bawaan: hari ini).")
@click.option("--catatan", default=None, help="Catatan untuk langkah (dengan --selesai).")
@_tangani_kesalahan
def status(konfigurasi: Path, per, selesai, paraf, jabatan, oleh, tanggal, catatan) -> None:
    """Tampilkan tahapan dan paraf: selesai, belum, dan terlambat; atau catat langkah/paraf ke
    status.yaml di folder konfigurasi."""
    import datetime as _dt

    from perbup_gen.konfigurasi.muat import muat_konfigurasi
    from perbup_gen.proses.status import catat_paraf, catat_tahap, laporan_status

    hasil = muat_konfigurasi(konfigurasi)
    hari_ini = _dt.date.today()
    tgl = tanggal.date() if tanggal else hari_ini
    if selesai:
        catat_tahap(hasil, selesai, tgl, catatan=catatan)
        click.echo(f"dicatat: langkah {selesai} selesai {tgl.isoformat()}")
    if paraf:
        if not jabatan:
            raise click.UsageError("--paraf memerlukan --jabatan")
        catat_paraf(hasil, paraf, jabatan, tgl, oleh=oleh)
        click.echo(f"dicatat: paraf {jabatan} pada {paraf} {tgl.isoformat()}")
    click.echo(laporan_status(hasil, per.date() if per else hari_ini))
