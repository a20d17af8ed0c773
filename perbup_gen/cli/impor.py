"""`perbup-gen impor`: read an existing regulation (DOCX, PDF, text, Markdown, Akoma Ntoso) and
write it as Akoma Ntoso."""
from __future__ import annotations

from pathlib import Path

import click

from perbup_gen.cli.dasar import OPSI_FORCE, _tangani_kesalahan, main


@main.command()
@click.argument("berkas", metavar="BERKAS", type=click.Path(path_type=Path))
@click.option("-o", "--output", "keluaran", type=click.Path(path_type=Path), default=None,
              help="Folder untuk <nama>.akn.xml (Akoma Ntoso 3.0); tanpa -o hanya ringkasan.")
@click.option("--ocr", is_flag=True, help="Baca PDF hasil pindaian dengan OCR (perlu tesseract-ocr dan tesseract-ocr-ind).")
@OPSI_FORCE
@_tangani_kesalahan
def impor(berkas: Path, keluaran: Path | None, ocr: bool, force: bool) -> None:
    """Impor peraturan atau keputusan yang sudah ada (.docx, .pdf, .txt, .md, .xml) ke model
    naskah; tampilkan ringkasan dan peringatan (berkas:baris), tulis Akoma Ntoso dengan -o."""
    from perbup_gen.impor import impor_berkas
    from perbup_gen.proses.impor import impor_ke_akn, teks_ringkasan

    if keluaran is None:
        h = impor_berkas(berkas, ocr=ocr)
        click.echo(teks_ringkasan(h), nl=False)
        return
    h, tujuan = impor_ke_akn(berkas, keluaran, force=force, ocr=ocr)
    click.echo(teks_ringkasan(h), nl=False)
    click.echo(f"  ditulis: {tujuan}")
