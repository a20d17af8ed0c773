"""Commands on the config: validate, schema, init, roster-templat."""
from __future__ import annotations

from pathlib import Path

import click

from perbup_gen.cli.dasar import ARG_KONFIGURASI, _tangani_kesalahan, main


@main.command()
@ARG_KONFIGURASI
@_tangani_kesalahan
def validate(konfigurasi: Path) -> None:
    """Periksa konfigurasi KONFIGURASI (folder atau berkas kabupaten.yaml) dan tampilkan ringkasannya."""
    from perbup_gen.konfigurasi.muat import muat_konfigurasi, ringkas

    hasil = muat_konfigurasi(konfigurasi)
    r = ringkas(hasil)
    k = hasil.konfigurasi
    click.echo(f"Konfigurasi sah: {k.nama_kabupaten}, Provinsi {k.kabupaten.provinsi}, tahun {k.tahun}")
    s = k.sebutan_daerah()
    kata = s.pesan()  # the region's words: "604 gampong", "17 kapanewon"
    click.echo(f"  {r.kecamatan} {kata.kecamatan}, {r.desa} {kata.desa}, {r.kelurahan} kelurahan")
    if k.kota or not s.nasional:
        sk = s.konteks()
        click.echo(f"  sebutan: {k.kepala_daerah}; {sk['desa']}, {sk['kepala_desa']}, {sk['bpd_panjang']}, "
                   f"{sk['apb_desa']}, {sk['peraturan_desa']}; {sk['kecamatan']}, {sk['camat']} "
                   "(yang belum pasti: perbup-gen check)")
    click.echo(f"  roster: {r.desa_di_roster} {kata.desa}, {r.kpm} KPM")
    if r.desa_tanpa_kpm:
        click.echo(f"  {len(r.desa_tanpa_kpm)} {kata.desa} belum mempunyai KPM: " + ", ".join(r.desa_tanpa_kpm[:10]) + (" ..." if len(r.desa_tanpa_kpm) > 10 else ""))
    if r.desa_tanpa_roster:
        click.echo(f"  {len(r.desa_tanpa_roster)} {kata.desa} belum ada di roster: " + ", ".join(r.desa_tanpa_roster[:10]) + (" ..." if len(r.desa_tanpa_roster) > 10 else ""))
    if hasil.dirapikan:
        click.echo(f"  {len(hasil.dirapikan)} isian ditulis rapi di dokumen (huruf besar-kecil, spasi, gelar, "
                   "awalan nomor); rinciannya: perbup-gen check")
    if k.contoh:
        click.echo("  (CONTOH: nama-nama orang dalam konfigurasi ini fiktif)")


@main.command()
@_tangani_kesalahan
def schema() -> None:
    """Cetak JSON Schema konfigurasi (untuk editor YAML)."""
    from perbup_gen.konfigurasi.skema import skema_json

    click.echo(skema_json())


@main.command()
@click.argument("kode", metavar="KODE")
@click.option("-o", "--output", "folder", type=click.Path(path_type=Path), default=None, help="Folder tujuan (bawaan: nama kabupaten/kota).")
@click.option("--force", is_flag=True, help="Timpa berkas yang sudah ada.")
@_tangani_kesalahan
def init(kode: str, folder: Path | None, force: bool) -> None:
    """Buat folder konfigurasi baru untuk kabupaten/kota dengan kode Kemendagri KODE (mis. 62.10, 35.79)."""
    from perbup_gen.proses.inisialisasi import buat_folder_kabupaten

    hasil = buat_folder_kabupaten(kode, folder, force=force)
    for p in hasil:
        click.echo(f"  ditulis: {p}")
    click.echo(f"Lengkapi isian bertanda ISI, lalu jalankan: perbup-gen validate {hasil[0].parent}")
    click.echo(f"Draf sebelum data lengkap ('...' untuk yang belum ada): perbup-gen build {hasil[0].parent} --draf")


@main.command("roster-templat")
@click.argument("tujuan", type=click.Path(path_type=Path))
@click.option("--kabupaten", "kode", default=None, help="Isi baris desa dari daftar Kemendagri untuk kode kabupaten/kota ini.")
@click.option("--force", is_flag=True, help="Timpa berkas yang sudah ada.")
@_tangani_kesalahan
def roster_templat(tujuan: Path, kode: str | None, force: bool) -> None:
    """Tulis templat roster Excel kosong (kolom dan daftar pilihan) ke TUJUAN (.xlsx)."""
    from perbup_gen.proses.inisialisasi import tulis_roster_kabupaten

    tulis_roster_kabupaten(tujuan, kode, force=force)
    click.echo(f"ditulis: {tujuan}")
