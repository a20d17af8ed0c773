"""The `perbup-gen` command line. Messages are Indonesian; heavy modules are imported lazily so
`perbup-gen --help` stays fast."""
from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import click


def _tangani_kesalahan(fungsi):
    """Turn domain errors into a clear message and exit code; never show a traceback to a user."""

    @functools.wraps(fungsi)
    def pembungkus(*args, **kwargs):
        from .errors import PerbupGenError

        try:
            return fungsi(*args, **kwargs)
        except PerbupGenError as e:
            click.echo(str(e), err=True)
            sys.exit(e.kode_keluar)
        except KeyboardInterrupt:
            click.echo("Dihentikan oleh pengguna.", err=True)
            sys.exit(130)
        except click.exceptions.Exit:
            raise
        except Exception as e:  # a bug: say so plainly, keep the traceback for developers
            if os.environ.get("PERBUP_GEN_DEBUG"):
                raise
            click.echo(
                f"Kesalahan internal perbup-gen: {type(e).__name__}: {e}\n"
                "Ini kesalahan program, bukan kesalahan masukan Anda. Jalankan ulang dengan "
                "PERBUP_GEN_DEBUG=1 untuk melihat rinciannya dan laporkan kepada pengembang.",
                err=True,
            )
            sys.exit(3)

    return pembungkus


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="perbup_gen", message="perbup-gen %(version)s")
def main() -> None:
    """Pembuat naskah Peraturan Bupati tentang peran desa (Aksi 4) dan Keputusan Kepala Desa
    tentang Kader Pembangunan Manusia (Aksi 5) dari satu konfigurasi kabupaten (YAML)."""


ARG_KONFIGURASI = click.argument("konfigurasi", metavar="KONFIGURASI", type=click.Path(path_type=Path))


@main.command()
@ARG_KONFIGURASI
@_tangani_kesalahan
def validate(konfigurasi: Path) -> None:
    """Periksa konfigurasi KONFIGURASI (folder atau berkas kabupaten.yaml) dan tampilkan ringkasannya."""
    from .muat import muat_konfigurasi, ringkas

    hasil = muat_konfigurasi(konfigurasi)
    r = ringkas(hasil)
    k = hasil.konfigurasi
    click.echo(f"Konfigurasi sah: {k.nama_kabupaten}, Provinsi {k.kabupaten.provinsi}, tahun {k.tahun}")
    click.echo(f"  {r.kecamatan} kecamatan, {r.desa} desa, {r.kelurahan} kelurahan")
    click.echo(f"  roster: {r.desa_di_roster} desa, {r.kpm} KPM")
    if r.desa_tanpa_kpm:
        click.echo(f"  {len(r.desa_tanpa_kpm)} desa belum mempunyai KPM: " + ", ".join(r.desa_tanpa_kpm[:10]) + (" ..." if len(r.desa_tanpa_kpm) > 10 else ""))
    if r.desa_tanpa_roster:
        click.echo(f"  {len(r.desa_tanpa_roster)} desa belum ada di roster: " + ", ".join(r.desa_tanpa_roster[:10]) + (" ..." if len(r.desa_tanpa_roster) > 10 else ""))
    if k.contoh:
        click.echo("  (CONTOH: nama-nama orang dalam konfigurasi ini fiktif)")


@main.command()
@_tangani_kesalahan
def schema() -> None:
    """Cetak JSON Schema konfigurasi (untuk editor YAML)."""
    from .skema import skema_json

    click.echo(skema_json())


@main.command()
@click.argument("kode", metavar="KODE")
@click.option("-o", "--output", "folder", type=click.Path(path_type=Path), default=None, help="Folder tujuan (bawaan: nama kabupaten).")
@click.option("--force", is_flag=True, help="Timpa berkas yang sudah ada.")
@_tangani_kesalahan
def init(kode: str, folder: Path | None, force: bool) -> None:
    """Buat folder konfigurasi baru untuk kabupaten dengan kode Kemendagri KODE (mis. 62.10)."""
    from .inisialisasi import buat_folder_kabupaten

    hasil = buat_folder_kabupaten(kode, folder, force=force)
    for p in hasil:
        click.echo(f"  ditulis: {p}")
    click.echo(f"Lengkapi isian bertanda ISI, lalu jalankan: perbup-gen validate {hasil[0].parent}")


@main.command("roster-templat")
@click.argument("tujuan", type=click.Path(path_type=Path))
@click.option("--kabupaten", "kode", default=None, help="Isi baris desa dari daftar Kemendagri untuk kode kabupaten ini.")
@click.option("--force", is_flag=True, help="Timpa berkas yang sudah ada.")
@_tangani_kesalahan
def roster_templat(tujuan: Path, kode: str | None, force: bool) -> None:
    """Tulis templat roster Excel kosong (kolom dan daftar pilihan) ke TUJUAN (.xlsx)."""
    from .inisialisasi import tulis_roster_kabupaten

    tulis_roster_kabupaten(tujuan, kode, force=force)
    click.echo(f"ditulis: {tujuan}")


if __name__ == "__main__":  # pragma: no cover
    main()
