"""Commands of the KPM task contract and the performance-based incentive (juknis Aksi 5, Tahap
Ketiga angka 2): `kontrak`, `evaluasi`, `insentif`."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from perbup_gen.cli.dasar import ARG_KONFIGURASI, OPSI_DESA, OPSI_FORCE, OPSI_FORMAT, OPSI_KELUARAN, _tangani_kesalahan, main


@main.command("kontrak")
@ARG_KONFIGURASI
@OPSI_DESA
@OPSI_KELUARAN
@OPSI_FORMAT
@OPSI_FORCE
@_tangani_kesalahan
def kontrak(konfigurasi: Path, desa: str | None, keluaran: Path, format_: str, force: bool) -> None:
    """Buat kontrak tugas antara Kepala Desa dan setiap KPM (target, tenggat, insentif)."""
    from perbup_gen.cli.dokumen import _tulis_per_desa
    from perbup_gen.proses.bangun import berkas_kontrak

    def tolak(d, kata) -> str | None:
        if d.kelurahan:
            return f"{d.nama} adalah kelurahan: kelurahan tidak mempunyai KPM, tidak dibuatkan kontrak tugas"
        if not d.kpm:
            return f"{d.nama} belum mempunyai KPM di roster"
        return None

    _, catatan = _tulis_per_desa(konfigurasi, desa, keluaran, format_, force, berkas_kontrak, tolak)
    click.echo(f"Kontrak tugas: {catatan.jumlah_kontrak} KPM")
    for tempat, alasan in catatan.gagal:
        click.echo(f"  GAGAL: {tempat}: {alasan}", err=True)
    if catatan.gagal:
        sys.exit(1)


@main.command("evaluasi")
@ARG_KONFIGURASI
@OPSI_KELUARAN
@OPSI_FORCE
@_tangani_kesalahan
def evaluasi(konfigurasi: Path, keluaran: Path, force: bool) -> None:
    """Buat buku kerja Excel evaluasi kinerja KPM untuk Dinas PMD (satu lembar per kecamatan)."""
    from perbup_gen.cli.dokumen import _periksa_tujuan, _tulis_sebagian
    from perbup_gen.konfigurasi.muat import muat_konfigurasi
    from perbup_gen.proses.bangun import berkas_evaluasi

    hasil = muat_konfigurasi(konfigurasi)
    _periksa_tujuan(keluaran)
    _tulis_sebagian(hasil, keluaran, [berkas_evaluasi(hasil)], force)


@main.command("insentif")
@click.argument("buku_kerja", metavar="BUKU_KERJA", type=click.Path(path_type=Path))
@OPSI_KELUARAN
@click.option("--triwulan", type=click.IntRange(1, 4), default=None,
              help="Hanya triwulan ini (1-4); bawaan: setiap triwulan yang sudah diisi.")
@OPSI_FORCE
@_tangani_kesalahan
def insentif(buku_kerja: Path, keluaran: Path, triwulan: int | None, force: bool) -> None:
    """Periksa buku kerja evaluasi yang sudah diisi, lalu buat rekapitulasi dan daftar nominatif
    penerima insentif KPM (DOCX dan XLSX)."""
    from perbup_gen.cli.dokumen import _laporkan_tulis
    from perbup_gen.naskah import bilangan
    from perbup_gen.proses.insentif import tulis_insentif

    laporan, h = tulis_insentif(buku_kerja, keluaran, triwulan, force)
    _laporkan_tulis(laporan, keluaran)
    for q in h.triwulan:
        penerima = sum(1 for p in h.kpm if q in p.triwulan)
        click.echo(f"Triwulan {bilangan.romawi(q)}: {penerima} KPM, insentif {bilangan.rupiah(h.jumlah_triwulan(q))}")
    if not laporan.berhasil:
        sys.exit(1)
