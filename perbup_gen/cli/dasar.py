"""The command group, its error handling and the options several commands share."""
from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import click

from perbup_gen.cli.bahasa import pasang

pasang()  # click's own messages in Indonesian, before any option is declared


def _tangani_kesalahan(fungsi):
    """Turn domain errors into a clear message and exit code; never show a traceback to a user."""

    @functools.wraps(fungsi)
    def pembungkus(*args, **kwargs):
        from perbup_gen.errors import PerbupGenError

        try:
            return fungsi(*args, **kwargs)
        except PerbupGenError as e:
            from perbup_gen.naskah.tampil import bersih_baris

            click.echo(bersih_baris(str(e)), err=True)  # values echoed in it never reach the terminal raw
            sys.exit(e.kode_keluar)
        except KeyboardInterrupt:
            click.echo("Dihentikan oleh pengguna.", err=True)
            sys.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise  # click reports these itself (in Indonesian, see cli/bahasa.py)
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


class _Perintah(click.Command):
    """A command whose help speaks Indonesian, metavars included ([OPSI], TEKS, TTTT-BB-HH)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[OPSI]")
        super().__init__(*args, **kwargs)
        for p in self.params:
            if p.metavar is None and isinstance(p, click.Option) and not p.is_flag:
                if isinstance(p.type, click.DateTime):
                    p.metavar = "TTTT-BB-HH"
                elif p.type is click.STRING:
                    p.metavar = "TEKS"

    def get_help_option(self, ctx):
        opsi = super().get_help_option(ctx)
        if opsi is not None:
            opsi.help = "Tampilkan bantuan ini lalu keluar."
        return opsi


class _Kelompok(_Perintah, click.Group):
    command_class = _Perintah

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("subcommand_metavar", "PERINTAH [ARGUMEN]...")
        super().__init__(*args, **kwargs)


@click.group(cls=_Kelompok, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="perbup_gen", message="perbup-gen %(version)s", help="Tampilkan versi lalu keluar.")
def main() -> None:
    """Pembuat naskah Peraturan Bupati/Wali Kota tentang peran desa (Aksi 4) dan Keputusan Kepala Desa
    (atau sebutan setempatnya: Keuchik, Wali Nagari, Kepala Kampung, Lurah, ...) tentang Kader
    Pembangunan Manusia (Aksi 5) dari satu konfigurasi kabupaten/kota (YAML)."""


ARG_KONFIGURASI = click.argument("konfigurasi", metavar="KONFIGURASI", type=click.Path(path_type=Path))

OPSI_KELUARAN = click.option("-o", "--output", "keluaran", type=click.Path(path_type=Path), default=Path("out"), show_default=True, help="Folder keluaran.")
OPSI_FORMAT = click.option("--format", "format_", type=click.Choice(["docx", "md", "html", "akn"]), default="docx", show_default=True, help="Format berkas (akn: Akoma Ntoso 3.0 XML).")
OPSI_FORCE = click.option("--force", is_flag=True, help="Timpa berkas yang diubah tangan sejak dibuat (pada build: juga lanjutkan meski pemeriksaan menemukan galat).")
OPSI_DESA = click.option("--desa", "desa", default=None, help="Kode atau nama satu desa (bawaan: semua desa).")
OPSI_PDF = click.option("--pdf", is_flag=True, help="Ubah juga setiap DOCX menjadi PDF (perlu LibreOffice).")
