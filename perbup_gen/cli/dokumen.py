"""Commands that write documents: the one-document commands, sk-kpm and build."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from perbup_gen.cli.dasar import ARG_KONFIGURASI, OPSI_FORCE, OPSI_FORMAT, OPSI_KELUARAN, OPSI_PDF, _tangani_kesalahan, main


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


def _ke_pdf(keluaran: Path, jalur: list[str], quiet: bool, huruf: str, semua: bool) -> bool:
    """Every DOCX of the build to PDF/A beside it: batches, one LibreOffice process per core, a
    second try for what failed. A PDF newer than its DOCX is kept unless `semua` (--force).
    Returns False, after listing each file without a PDF and why, when any failed; the stale PDF
    of such a file is removed so that no PDF older than its DOCX is left looking current."""
    import os
    import tempfile

    from perbup_gen.keluaran.pdf import konversi_pdf

    docx = sorted(keluaran / j for j in jalur if j.endswith(".docx"))
    if not docx:
        return True

    def baru(d: Path) -> bool:
        try:
            return d.with_suffix(".pdf").stat().st_mtime_ns >= d.stat().st_mtime_ns
        except OSError:
            return False

    perlu = docx if semua else [d for d in docx if not baru(d)]
    hasil = None
    if perlu:
        with tempfile.TemporaryDirectory(dir=keluaran, prefix=".pdf-") as sementara:
            if quiet:
                hasil = konversi_pdf(perlu, Path(sementara), huruf=huruf)
            else:
                with click.progressbar(length=len(perlu), label="PDF", file=sys.stderr, show_pos=True) as bilah:
                    sudah = [0]

                    def kemajuan(n: int, total: int) -> None:
                        bilah.update(n - sudah[0])
                        sudah[0] = n

                    hasil = konversi_pdf(perlu, Path(sementara), huruf=huruf, kemajuan=kemajuan)
            # file stems are unique across the output folders: one temporary folder for all
            for sumber, pdf in hasil.pdf.items():
                os.replace(pdf, sumber.with_suffix(".pdf"))
    gagal = hasil.gagal if hasil else {}
    for sumber, alasan in gagal.items():
        lama = sumber.with_suffix(".pdf")
        dihapus = ""
        if lama.exists():
            try:
                lama.unlink()
                dihapus = " (PDF lamanya dihapus)"
            except OSError:
                dihapus = " (PDF lamanya TIDAK dapat dihapus: sudah usang)"
        click.echo(f"  PDF GAGAL: {sumber.relative_to(keluaran.resolve())}: {alasan}{dihapus}", err=True)
    jadi = len(hasil.pdf) if hasil else 0
    ringkas = f"PDF/A: {jadi} dibuat, {len(docx) - len(perlu)} tidak berubah"
    if hasil and hasil.percobaan_ulang:
        ringkas += f", {hasil.percobaan_ulang} dicoba ulang"
    if gagal:
        click.echo(f"{ringkas}; {len(gagal)} GAGAL (di atas), tidak ada PDF-nya", err=True)
        return False
    if not quiet:
        click.echo(f"{ringkas} (di samping DOCX-nya; tidak tercatat di manifest)")
    return True


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
    """Buat seluruh set dokumen: Perbup, Keputusan Tim Penyusun, SK KPM setiap desa, daftar periksa,
    dan manifest.json."""
    from perbup_gen.proses.bangun import bangun_semua
    from perbup_gen.konfigurasi.muat import muat_konfigurasi

    hasil = muat_konfigurasi(konfigurasi)
    from perbup_gen.proses.periksa import pastikan_lolos

    periksa = pastikan_lolos(hasil, paksa=force)  # stops with the report (exit 1) on errors
    if periksa.temuan and not quiet:
        click.echo(periksa.ringkasan() + " (rincian: perbup-gen check)", err=True)
    if pdf:
        from perbup_gen.keluaran.pdf import PESAN_PASANG, libreoffice_tersedia, periksa_huruf
        from perbup_gen.errors import OutputError

        if not libreoffice_tersedia():
            raise OutputError(PESAN_PASANG)
        periksa_huruf(hasil.konfigurasi.tata_letak.huruf)  # before anything is written
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
    pdf_lengkap = True
    if pdf and format_ == "docx":
        pdf_lengkap = _ke_pdf(keluaran, laporan.ditulis + laporan.tidak_berubah, quiet,
                              hasil.konfigurasi.tata_letak.huruf, force)
    if catatan.gagal or not laporan.berhasil or not pdf_lengkap:
        sys.exit(1)
