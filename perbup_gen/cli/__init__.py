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
        from perbup_gen.errors import PerbupGenError

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


class _Perintah(click.Command):
    """A command whose --help option speaks Indonesian."""

    def get_help_option(self, ctx):
        opsi = super().get_help_option(ctx)
        if opsi is not None:
            opsi.help = "Tampilkan bantuan ini lalu keluar."
        return opsi


class _Kelompok(_Perintah, click.Group):
    command_class = _Perintah


@click.group(cls=_Kelompok, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="perbup_gen", message="perbup-gen %(version)s", help="Tampilkan versi lalu keluar.")
def main() -> None:
    """Pembuat naskah Peraturan Bupati tentang peran desa (Aksi 4) dan Keputusan Kepala Desa
    tentang Kader Pembangunan Manusia (Aksi 5) dari satu konfigurasi kabupaten (YAML)."""


ARG_KONFIGURASI = click.argument("konfigurasi", metavar="KONFIGURASI", type=click.Path(path_type=Path))


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
    from perbup_gen.konfigurasi.skema import skema_json

    click.echo(skema_json())


@main.command()
@click.argument("kode", metavar="KODE")
@click.option("-o", "--output", "folder", type=click.Path(path_type=Path), default=None, help="Folder tujuan (bawaan: nama kabupaten).")
@click.option("--force", is_flag=True, help="Timpa berkas yang sudah ada.")
@_tangani_kesalahan
def init(kode: str, folder: Path | None, force: bool) -> None:
    """Buat folder konfigurasi baru untuk kabupaten dengan kode Kemendagri KODE (mis. 62.10)."""
    from perbup_gen.konfigurasi.inisialisasi import buat_folder_kabupaten

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
    from perbup_gen.konfigurasi.inisialisasi import tulis_roster_kabupaten

    tulis_roster_kabupaten(tujuan, kode, force=force)
    click.echo(f"ditulis: {tujuan}")


# --- generating documents ------------------------------------------------------------------------

OPSI_KELUARAN = click.option("-o", "--output", "keluaran", type=click.Path(path_type=Path), default=Path("out"), show_default=True, help="Folder keluaran.")
OPSI_FORMAT = click.option("--format", "format_", type=click.Choice(["docx", "md", "html"]), default="docx", show_default=True, help="Format berkas.")
OPSI_FORCE = click.option("--force", is_flag=True, help="Timpa berkas yang diubah tangan sejak dibuat (pada build: juga lanjutkan meski pemeriksaan menemukan galat).")
OPSI_PDF = click.option("--pdf", is_flag=True, help="Ubah juga setiap DOCX menjadi PDF (perlu LibreOffice).")


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
    import os
    import tempfile

    from perbup_gen.keluaran.pdf import ke_pdf

    docx = sorted(keluaran / j for j in jalur if j.endswith(".docx"))
    if not docx:
        return
    with tempfile.TemporaryDirectory(dir=keluaran, prefix=".pdf-") as sementara:
        hasil = ke_pdf(docx, Path(sementara))  # file stems are unique across the output folders
        for sumber, pdf in zip(docx, hasil):
            os.replace(pdf, sumber.with_suffix(".pdf"))
    if not quiet:
        click.echo(f"PDF: {len(hasil)} berkas (di samping DOCX-nya; tidak tercatat di manifest)")


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
@click.option("--md", "keluaran_md", type=click.Path(path_type=Path), default=None, help="Tulis juga laporan Markdown ke berkas ini.")
@click.option("--html", "keluaran_html", type=click.Path(path_type=Path), default=None, help="Tulis juga laporan HTML ke berkas ini.")
@_tangani_kesalahan
def check(konfigurasi: Path, keluaran_md: Path | None, keluaran_html: Path | None) -> None:
    """Periksa naskah (kaidah Lampiran II UU 12/2011) dan data (KPM, APBDes, roster). Kode keluar 1
    bila ada galat."""
    from perbup_gen.proses.periksa import jalankan_periksa

    teks, kode = jalankan_periksa(konfigurasi, keluaran_md, keluaran_html)
    click.echo(teks, nl=False)
    sys.exit(kode)


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
    from perbup_gen.dokumen.status import catat_paraf, catat_tahap, laporan_status

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


if __name__ == "__main__":  # pragma: no cover
    main()
