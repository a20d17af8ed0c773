"""Commands that write documents: the one-document commands, sk-kpm and build."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from perbup_gen.cli.dasar import ARG_KONFIGURASI, OPSI_FORCE, OPSI_FORMAT, OPSI_KELUARAN, OPSI_PDF, _tangani_kesalahan, main


def _periksa_tujuan(keluaran: Path) -> None:
    """Stop (exit 2) before building when the output folder cannot be written."""
    from perbup_gen.keluaran.berkas import periksa_tujuan

    periksa_tujuan(keluaran)


def _tulis_sebagian(hasil, keluaran: Path, berkas, force: bool) -> None:
    from perbup_gen.keluaran.berkas import hash_berkas, tulis_semua

    laporan = tulis_semua(keluaran, berkas, hash_berkas(hasil.berkas), force=force, sebagian=True)
    _laporkan_tulis(laporan, keluaran)
    if not laporan.berhasil:
        sys.exit(1)


def _laporkan_tulis(laporan, keluaran: Path) -> None:
    for j in laporan.ditulis:
        click.echo(f"  ditulis: {keluaran / j}")
    for baris in laporan.rincian():
        click.echo(f"  {baris}", err=True)
    click.echo(f"{keluaran}: {laporan.ringkasan()}")


def _ke_pdf(keluaran: Path, jalur: list[str], quiet: bool) -> None:
    """Every DOCX of the build to PDF in ONE LibreOffice run; each PDF lands beside its DOCX."""
    from perbup_gen.proses.bangun import pdf_set

    jumlah = pdf_set(keluaran, jalur)
    if jumlah and not quiet:
        click.echo(f"PDF: {jumlah} berkas (di samping DOCX-nya; tidak tercatat di manifest)")


def _perintah_satu_dokumen(nama: str, bantuan: str, pembuat: str) -> None:
    """Register a command that writes one document of the set; `pembuat` names the function of
    `bangun` that makes its file(s) (imported only when the command runs)."""

    @main.command(nama, help=bantuan)
    @ARG_KONFIGURASI
    @OPSI_KELUARAN
    @OPSI_FORMAT
    @OPSI_FORCE
    @_tangani_kesalahan
    def perintah(konfigurasi: Path, keluaran: Path, format_: str, force: bool) -> None:
        from perbup_gen.proses import bangun
        from perbup_gen.konfigurasi.muat import muat_konfigurasi

        hasil = muat_konfigurasi(konfigurasi)
        _periksa_tujuan(keluaran)
        berkas = getattr(bangun, pembuat)(hasil, bangun.Penyaji(hasil, format_))
        _tulis_sebagian(hasil, keluaran, [berkas] if isinstance(berkas, bangun.BerkasKeluaran) else list(berkas), force)


_perintah_satu_dokumen("perbup", "Buat rancangan Peraturan Bupati tentang peran desa.", "berkas_perbup")
_perintah_satu_dokumen("tim-penyusun", "Buat Keputusan pembentukan Tim Penyusun.", "berkas_tim_penyusun")
_perintah_satu_dokumen("checklist", "Buat daftar periksa paraf koordinasi dan jadwal tahapan.", "berkas_checklist")


@main.command("sk-kpm")
@ARG_KONFIGURASI
@click.option("--desa", "desa", default=None, help="Kode atau nama satu desa (bawaan: semua desa).")
@OPSI_KELUARAN
@OPSI_FORMAT
@OPSI_FORCE
@_tangani_kesalahan
def sk_kpm(konfigurasi: Path, desa: str | None, keluaran: Path, format_: str, force: bool) -> None:
    """Buat Keputusan Kepala Desa tentang penetapan KPM, untuk satu desa atau semua desa."""
    from perbup_gen.proses.bangun import CatatanBangun, Penyaji, berkas_sk_kpm, pilih_desa
    from perbup_gen.konfigurasi.muat import muat_konfigurasi

    hasil = muat_konfigurasi(konfigurasi)
    _periksa_tujuan(keluaran)
    dipilih = pilih_desa(hasil, desa)
    if desa and dipilih[0].kelurahan:
        from perbup_gen.errors import PerbupGenError

        raise PerbupGenError(f"{dipilih[0].nama} adalah kelurahan: kelurahan tidak mempunyai Kepala Desa maupun KPM, tidak dibuatkan Keputusan Kepala Desa")
    catatan = CatatanBangun()
    _tulis_sebagian(hasil, keluaran, berkas_sk_kpm(hasil, Penyaji(hasil, format_), catatan, dipilih), force)
    if not desa:
        from perbup_gen.proses.bangun import jumlah_kelurahan

        catatan.jumlah_kelurahan = jumlah_kelurahan(hasil)
    _laporkan_catatan(catatan)
    if catatan.gagal:
        sys.exit(1)


def _laporkan_catatan(catatan) -> None:
    click.echo(f"SK KPM: {catatan.jumlah_sk_kpm} desa")
    if catatan.jumlah_kelurahan:
        click.echo(f"  {catatan.jumlah_kelurahan} kelurahan tidak dibuatkan SK KPM (kelurahan tidak mempunyai Kepala Desa maupun KPM)")
    if catatan.jumlah_kontrak:
        click.echo(f"Kontrak tugas: {catatan.jumlah_kontrak} KPM")
    for desa, alasan in catatan.dilewati:
        click.echo(f"  dilewati: {desa}: {alasan}", err=True)
    for desa, alasan in catatan.gagal:
        click.echo(f"  GAGAL: {desa}: {alasan}", err=True)





@main.command()
@ARG_KONFIGURASI
@OPSI_KELUARAN
@OPSI_FORMAT
@OPSI_FORCE
@OPSI_PDF
@click.option("-q", "--quiet", is_flag=True, help="Tanpa bilah kemajuan dan daftar berkas.")
@_tangani_kesalahan
def build(konfigurasi: Path, keluaran: Path, format_: str, force: bool, pdf: bool, quiet: bool) -> None:
    """Buat seluruh set dokumen: Perbup, Keputusan Tim Penyusun, SK KPM setiap desa, kontrak tugas
    setiap KPM, buku kerja evaluasi kinerja KPM, daftar periksa, dan manifest.json."""
    from perbup_gen.proses.bangun import bangun_semua
    from perbup_gen.konfigurasi.muat import muat_konfigurasi

    hasil = muat_konfigurasi(konfigurasi)
    _periksa_tujuan(keluaran)
    from perbup_gen.proses.periksa import pastikan_lolos

    periksa = pastikan_lolos(hasil, paksa=force)  # stops with the report (exit 1) on errors
    if periksa.temuan and not quiet:
        click.echo(periksa.ringkasan() + " (rincian: perbup-gen check)", err=True)
    if pdf:
        from perbup_gen.keluaran.pdf import PESAN_PASANG, libreoffice_tersedia
        from perbup_gen.errors import OutputError

        if not libreoffice_tersedia():
            raise OutputError(PESAN_PASANG)
    jumlah = len(hasil.konfigurasi.desa)
    if quiet or jumlah == 0:
        laporan, catatan = bangun_semua(hasil, keluaran, format_, force)
    else:
        with click.progressbar(length=jumlah, label="SK KPM", file=sys.stderr, show_pos=True) as bilah:
            laporan, catatan = bangun_semua(hasil, keluaran, format_, force, setiap=lambda: bilah.update(1))
    for baris in laporan.rincian():
        click.echo(f"  {baris}", err=True)
    _laporkan_catatan(catatan)
    click.echo(f"{keluaran}: {laporan.ringkasan()}; manifest: {keluaran / 'manifest.json'}")
    if pdf and format_ == "docx":
        _ke_pdf(keluaran, laporan.ditulis + laporan.tidak_berubah, quiet)
    if catatan.gagal or not laporan.berhasil:
        sys.exit(1)
