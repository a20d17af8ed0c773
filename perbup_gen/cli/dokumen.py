"""Commands that write documents: the one-document commands, sk-kpm and build."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from perbup_gen.cli.dasar import ARG_KONFIGURASI, OPSI_DESA, OPSI_FORCE, OPSI_FORMAT, OPSI_KELUARAN, OPSI_PDF, _tangani_kesalahan, main


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


def _ke_pdf(keluaran: Path, jalur: list[str], quiet: bool, huruf: str, semua: bool) -> bool:
    """Every DOCX of the build to PDF/A beside it (proses.bangun.pdf_set), with progress. Returns
    False, after listing each file without a PDF and why, when any failed."""
    from perbup_gen.cli.kemajuan import kemajuan
    from perbup_gen.proses.bangun import pdf_set

    jumlah = sum(1 for j in jalur if j.endswith(".docx"))
    with kemajuan("PDF", jumlah, diam=quiet) as setiap:
        sudah = [0]

        def maju(n: int, total: int) -> None:  # konversi_pdf counts files done so far
            setiap(n - sudah[0])
            sudah[0] = n

        hasil = pdf_set(keluaran, jalur, huruf=huruf, semua=semua, kemajuan=maju)
    for sumber, alasan in hasil.gagal.items():
        click.echo(f"  PDF GAGAL: {sumber.relative_to(keluaran.resolve())}: {alasan}", err=True)
    ringkas = f"PDF/A: {hasil.dibuat} dibuat, {hasil.tidak_berubah} tidak berubah"
    if hasil.percobaan_ulang:
        ringkas += f", {hasil.percobaan_ulang} dicoba ulang"
    if hasil.gagal:
        click.echo(f"{ringkas}; {len(hasil.gagal)} GAGAL (di atas), tidak ada PDF-nya", err=True)
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
        _periksa_tujuan(keluaran)
        berkas = getattr(bangun, pembuat)(hasil, bangun.Penyaji(hasil, format_))
        _tulis_sebagian(hasil, keluaran, [berkas] if isinstance(berkas, bangun.BerkasKeluaran) else list(berkas), force)


OPSI_BENTUK = click.option(
    "--bentuk", type=click.Choice(["otomatis", "perubahan", "penggantian", "keduanya"]), default=None,
    help="Bila perbup.mengubah diisi: perubahan, penggantian (mencabut peraturan lama), keduanya, atau "
         "otomatis (penggantian bila sistematika berubah atau lebih dari separuh materi berubah). "
         "Bawaan: perbup.mengubah.bentuk.")


@main.command("perbup")
@ARG_KONFIGURASI
@OPSI_KELUARAN
@OPSI_FORMAT
@OPSI_BENTUK
@OPSI_FORCE
@_tangani_kesalahan
def perbup(konfigurasi: Path, keluaran: Path, format_: str, bentuk: str | None, force: bool) -> None:
    """Buat rancangan Peraturan Bupati/Wali Kota tentang peran desa (atau perubahan/penggantiannya bila
    perbup.mengubah diisi)."""
    from perbup_gen.konfigurasi.muat import muat_konfigurasi
    from perbup_gen.proses import bangun

    hasil = muat_konfigurasi(konfigurasi)
    _periksa_tujuan(keluaran)
    catatan = bangun.CatatanBangun()
    berkas = bangun.berkas_perbup(hasil, bangun.Penyaji(hasil, format_), bentuk, catatan)
    for baris in catatan.revisi:
        click.echo(baris)
    _tulis_sebagian(hasil, keluaran, berkas if isinstance(berkas, list) else [berkas], force)


_perintah_satu_dokumen("tim-penyusun", "Buat Keputusan pembentukan Tim Penyusun.", "berkas_tim_penyusun")
_perintah_satu_dokumen("checklist", "Buat daftar periksa paraf koordinasi dan jadwal tahapan.", "berkas_checklist")


@main.command("sk-kpm")
@ARG_KONFIGURASI
@OPSI_DESA
@OPSI_KELUARAN
@OPSI_FORMAT
@OPSI_FORCE
@_tangani_kesalahan
def sk_kpm(konfigurasi: Path, desa: str | None, keluaran: Path, format_: str, force: bool) -> None:
    """Buat Keputusan Kepala Desa tentang penetapan KPM, untuk satu desa atau semua desa."""
    from perbup_gen.proses.bangun import berkas_sk_kpm

    def tolak(d, kata) -> str | None:
        if d.kelurahan:
            return f"{d.nama} adalah kelurahan: kelurahan tidak mempunyai {kata.kepala_desa} maupun KPM, tidak dibuatkan {kata.keputusan_desa}"
        return None

    hasil, catatan = _tulis_per_desa(konfigurasi, desa, keluaran, format_, force, berkas_sk_kpm, tolak)
    if not desa:
        from perbup_gen.proses.bangun import jumlah_kelurahan

        catatan.jumlah_kelurahan = jumlah_kelurahan(hasil)
    _laporkan_catatan(catatan)
    if catatan.gagal:
        sys.exit(1)


def _tulis_per_desa(konfigurasi: Path, desa: str | None, keluaran: Path, format_: str, force: bool,
                    pembuat, tolak) -> tuple:
    """`sk-kpm` and `kontrak`: write what `pembuat` (a `berkas_...` of proses.bangun taking the
    chosen roster entries) makes for every desa, or for the one `--desa` names; that one is refused
    with the message `tolak(desa, kata)` returns (None: it gets documents). (hasil, CatatanBangun)."""
    from perbup_gen.errors import PerbupGenError
    from perbup_gen.konfigurasi.muat import muat_konfigurasi
    from perbup_gen.proses.bangun import CatatanBangun, Penyaji, pilih_desa

    hasil = muat_konfigurasi(konfigurasi)
    _periksa_tujuan(keluaran)
    dipilih = pilih_desa(hasil, desa)
    kata = hasil.konfigurasi.sebutan_daerah().pesan()
    alasan = tolak(dipilih[0], kata) if desa else None
    if alasan:
        raise PerbupGenError(alasan)
    catatan = CatatanBangun(kata=kata)
    _tulis_sebagian(hasil, keluaran, pembuat(hasil, Penyaji(hasil, format_), catatan, dipilih), force)
    return hasil, catatan


def _laporkan_catatan(catatan) -> None:
    kata = catatan.kata
    click.echo(f"SK KPM: {catatan.jumlah_sk_kpm} {kata.desa}")
    if catatan.jumlah_kelurahan:
        click.echo(f"  {catatan.jumlah_kelurahan} kelurahan tidak dibuatkan SK KPM (kelurahan tidak mempunyai {kata.kepala_desa} maupun KPM)")
    if catatan.jumlah_kontrak:
        click.echo(f"Kontrak tugas: {catatan.jumlah_kontrak} KPM")
    for k in catatan.keterangan:
        click.echo(f"  {k}")
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
@OPSI_BENTUK
@click.option("--gabung", type=click.Choice(["kecamatan"]), default=None,
              help="Bundel per kecamatan: satu ZIP berisi SK KPM desa-desanya, dan dengan --pdf satu PDF gabungan.")
@click.option("--draf", is_flag=True,
              help="Buat draf meski data belum lengkap: '...' untuk yang belum ada, ditandai DRAF, dan daftar kekurangannya.")
@click.option("-q", "--quiet", is_flag=True, help="Tanpa bilah kemajuan dan daftar berkas.")
@_tangani_kesalahan
def build(konfigurasi: Path, keluaran: Path, format_: str, force: bool, pdf: bool, bentuk: str | None,
          gabung: str | None, draf: bool, quiet: bool) -> None:
    """Buat seluruh set dokumen: Perbup, Keputusan Tim Penyusun, SK KPM setiap desa, daftar periksa,
    kontrak tugas setiap KPM, buku kerja evaluasi kinerja KPM, rekap dan Buku Keputusan Kepala Desa (Excel),
    index.html, dan manifest.json."""
    from perbup_gen.cli.kemajuan import kemajuan
    from perbup_gen.proses.bangun import bangun_semua
    from perbup_gen.konfigurasi.muat import muat_konfigurasi

    if gabung and format_ != "docx":
        raise click.UsageError("--gabung hanya untuk format docx")
    hasil = muat_konfigurasi(konfigurasi, draf=draf)
    _periksa_tujuan(keluaran)
    from perbup_gen.proses.periksa import pastikan_lolos

    from perbup_gen.proses.terbangun import DokumenTerbangun

    jumlah = len(hasil.konfigurasi.desa)
    terbangun = DokumenTerbangun()  # what the check builds, the build renders
    with kemajuan("Memeriksa", jumlah, diam=quiet) as setiap:
        periksa = pastikan_lolos(hasil, paksa=force, setiap=setiap, simpan=terbangun, bentuk=bentuk)  # exit 1 on errors
    if periksa.temuan and not quiet:
        from perbup_gen.proses.rekap import JALUR_LAPORAN

        click.echo(f"{periksa.ringkasan()} (rincian: {keluaran / JALUR_LAPORAN})", err=True)
    if pdf:
        from perbup_gen.keluaran.pdf import PESAN_PASANG, libreoffice_tersedia, periksa_huruf
        from perbup_gen.errors import OutputError

        if not libreoffice_tersedia():
            raise OutputError(PESAN_PASANG)
        periksa_huruf(hasil.konfigurasi.tata_letak.huruf)  # before anything is written
    with kemajuan("SK KPM", jumlah, diam=quiet) as setiap:
        laporan, catatan = bangun_semua(hasil, keluaran, format_, force, setiap=setiap, periksa=periksa,
                                        pdf=pdf, gabung=gabung, bentuk=bentuk, terbangun=terbangun)
    if not quiet:
        for baris in catatan.revisi:
            click.echo(baris)
    for baris in laporan.rincian():
        click.echo(f"  {baris}", err=True)
    _laporkan_catatan(catatan)
    click.echo(f"{keluaran}: {laporan.ringkasan()}; manifest: {keluaran / 'manifest.json'}")
    if hasil.draf is not None:
        _laporkan_draf(hasil, keluaran)
    pdf_lengkap = True
    if pdf and format_ == "docx":
        pdf_lengkap = _ke_pdf(keluaran, laporan.ditulis + laporan.tidak_berubah, quiet,
                              hasil.konfigurasi.tata_letak.huruf, force)
    if gabung:
        _bundel(keluaran, catatan, pdf and format_ == "docx", quiet)
    if catatan.gagal or not laporan.berhasil or not pdf_lengkap:
        sys.exit(1)


def _laporkan_draf(hasil, keluaran: Path) -> None:
    from perbup_gen.proses.rekap import JALUR_KEKURANGAN, status_desa

    belum = sum(1 for d in hasil.konfigurasi.desa if not d.kelurahan and status_desa(d) != "lengkap")
    kata = hasil.konfigurasi.sebutan_daerah().pesan()
    click.echo(f"DRAF: {len(hasil.draf.isian)} isian konfigurasi belum diisi, {belum} {kata.desa} belum mempunyai "
               f"{kata.kepala_desa} atau KPM; rincian: {keluaran / JALUR_KEKURANGAN}")
    for c in hasil.draf.isian[:10]:
        click.echo(f"  belum diisi: {c}")
    if len(hasil.draf.isian) > 10:
        click.echo(f"  ... dan {len(hasil.draf.isian) - 10} isian lain")


def _bundel(keluaran: Path, catatan, pdf: bool, quiet: bool) -> None:
    from perbup_gen.cli.kemajuan import kemajuan
    from perbup_gen.proses.bundel import gabung_kecamatan, kelompok_kecamatan

    jumlah = len(kelompok_kecamatan([s for s in catatan.sk if s.jalur.endswith(".docx")]))
    with kemajuan("Bundel", jumlah, diam=quiet) as setiap:
        bundel = gabung_kecamatan(keluaran, catatan.sk, pdf, setiap=setiap)
    if not quiet:
        for b in bundel:
            halaman = f", PDF {b.halaman} halaman" if b.pdf else ""
            click.echo(f"  bundel Kecamatan {b.nama}: {len(b.desa)} SK KPM{halaman}")
    click.echo(f"Bundel: {len(bundel)} kecamatan di {keluaran / 'bundel'}" + ("" if pdf else " (ZIP saja; PDF gabungan memerlukan --pdf)"))
