"""The build: validated config -> every document -> rendered files -> the writer.

`rencana_berkas()` yields BerkasKeluaran one by one (the KPM decrees are streamed, never all held in
memory); `bangun_semua()` hands them to the atomic writer and returns a report. Builders make the
document model, renderers turn it into bytes; this module only decides names, formats and order.
"""
from __future__ import annotations

import gc
from dataclasses import dataclass, field
from typing import Callable, Iterator

from perbup_gen.keluaran.berkas import BerkasKeluaran, LaporanTulis, hash_berkas, nama_berkas, tulis_semua
from perbup_gen.errors import PerbupGenError
from perbup_gen.konfigurasi.draf import tanda_draf
from perbup_gen.naskah.model import Dokumen
from perbup_gen.konfigurasi.muat import HasilMuat
from perbup_gen.konfigurasi.sebutan import KataPesan
from perbup_gen.proses.terbangun import DokumenTerbangun

FORMAT = ("docx", "md", "html", "akn")


class Penyaji:
    """Renders a Dokumen into one format; the DOCX template is loaded once for the whole batch."""

    def __init__(self, hasil: HasilMuat, format_: str):
        if format_ not in FORMAT:
            raise PerbupGenError(f"format '{format_}' tidak dikenal; pilih {', '.join(FORMAT)}")
        self.format = format_
        self.draf = tanda_draf() if hasil.draf is not None else None
        self.akhiran = "akn.xml" if format_ == "akn" else format_  # file name ending
        self.kode = hasil.konfigurasi.kabupaten.kode
        self._docx = None
        if format_ == "docx":
            # the renderer of docx.py that also writes amendments (restated Pasal, "7A", "(1a)")
            from perbup_gen.keluaran.docx_ubah import PenyajiDocxUbah

            templat = hasil.konfigurasi.templat_word
            self._docx = PenyajiDocxUbah(template=hasil.folder / templat if templat else None, tata=tata_letak_docx(hasil))

    def __call__(self, dok: Dokumen) -> bytes:
        if self.draf:
            tandai_draf(dok, self.draf)
        if self._docx is not None:
            return self._docx.render(dok)
        if self.format == "akn":
            from perbup_gen.keluaran.akn import MetaAkn, render_akn
            from perbup_gen.impor.urai import bentuk_dari_jenis

            bentuk, _ = bentuk_dari_jenis(dok.judul.jenis)
            return render_akn(dok, MetaAkn(bentuk=bentuk if bentuk != "lainnya" else "", wilayah=self.kode))
        from perbup_gen.keluaran.teks import render_html, render_markdown

        teks = render_markdown(dok) if self.format == "md" else render_html(dok)
        return teks.encode("utf-8")


def tandai_draf(dok: Dokumen, tanda: str) -> None:
    """Mark a document as a draft: the line above everything (renderers) and its properties."""
    dok.draf = tanda
    kata = tanda.split("\n", 1)[0]
    if "title" in dok.properti and not dok.properti["title"].startswith(kata):
        dok.properti["title"] = f"{kata}: {dok.properti['title']}"
    dok.properti["keywords"] = kata


def tata_letak_docx(hasil: HasilMuat):
    """The page settings of the config as the DOCX renderer's TataLetak."""
    from perbup_gen.keluaran.docx import TataLetak

    t = hasil.konfigurasi.tata_letak
    return TataLetak(
        lebar_mm=float(t.lebar_mm),
        tinggi_mm=float(t.tinggi_mm),
        margin_atas_mm=float(t.margin_atas_mm),
        margin_bawah_mm=float(t.margin_bawah_mm),
        margin_kiri_mm=float(t.margin_kiri_mm),
        margin_kanan_mm=float(t.margin_kanan_mm),
        huruf=t.huruf,
        ukuran_pt=t.ukuran_huruf,
    )


def jalur_sk_kpm(kode: str, nama: str, akhiran: str) -> str:
    return f"sk-kpm/{nama_berkas(kode, nama)}.{akhiran}"


@dataclass(frozen=True)
class SKDibuat:
    """One KPM decree of the build: for the register, the index and the bundles."""

    kode: str  # desa code
    nama: str  # desa name
    jalur: str  # its file, relative to the output folder
    nomor: str  # the title's number line, "NOMOR 7 TAHUN 2025"
    tentang: str  # "Penetapan Kader Pembangunan Manusia Desa ... Tahun ..."


@dataclass
class CatatanBangun:
    """What the build noticed besides the files: desa skipped and why, failures per desa, the
    decrees made."""

    dilewati: list[tuple[str, str]] = field(default_factory=list)  # (desa, reason)
    gagal: list[tuple[str, str]] = field(default_factory=list)  # (desa, reason)
    jumlah_kelurahan: int = 0
    jumlah_sk_kpm: int = 0
    revisi: list[str] = field(default_factory=list)  # a revision of an existing Perbup: lines to print
    sk: list[SKDibuat] = field(default_factory=list)
    jumlah_kontrak: int = 0
    keterangan: list[str] = field(default_factory=list)  # what was not made, and why
    kata: KataPesan = field(default_factory=KataPesan)  # the region's words for the messages ("gampong")


def pilih_desa(hasil: HasilMuat, pilihan: str | None):
    """The roster entries to build: all, or the one named by code or (case-insensitive) name."""
    desa = hasil.konfigurasi.desa
    if not pilihan:
        return desa
    cocok = [d for d in desa if d.kode == pilihan or (d.nama or "").lower() == pilihan.strip().lower()]
    if not cocok:
        raise PerbupGenError(f"desa '{pilihan}' tidak ada di roster {hasil.konfigurasi.nama_kabupaten}")
    if len(cocok) > 1:
        daftar = ", ".join(f"{d.kode} {d.nama}" for d in cocok)
        raise PerbupGenError(f"nama desa '{pilihan}' dipakai beberapa desa ({daftar}); sebutkan kodenya")
    return cocok


def berkas_sk_kpm(hasil: HasilMuat, penyaji: Penyaji, catatan: CatatanBangun, desa_pilihan=None,
                  setiap: Callable[[], None] | None = None,
                  terbangun: DokumenTerbangun | None = None) -> Iterator[BerkasKeluaran]:
    """One decree per desa with KPM; kelurahan and desa without KPM are noted, failures too. The
    decrees the check built (`terbangun`) are rendered as they are, the others built here."""
    from perbup_gen.dokumen.sk_kpm import PembangunSKKPM

    pembangun: list = []  # made when a decree is not among those built already

    def pembuat() -> PembangunSKKPM:
        if not pembangun:
            pembangun.append(PembangunSKKPM(hasil))
        return pembangun[0]

    # What exists now (config, templates, the national list) lives for the whole batch: keep the
    # garbage collector from rescanning it after every few decrees; unfrozen when the batch ends, so
    # that a long-lived process (a national batch's worker, the web app's) can free it afterwards.
    gc.freeze()
    try:
        for desa in desa_pilihan if desa_pilihan is not None else hasil.konfigurasi.desa:
            if setiap:
                setiap()
            if desa.kelurahan:
                continue
            dok = terbangun.ambil(("sk", desa.kode)) if terbangun is not None else None
            alasan = None if dok is not None else pembuat().bisa_dibuat(desa)
            if alasan:
                catatan.dilewati.append((f"{desa.kode} {desa.nama}", alasan))
                continue
            try:
                if dok is None:
                    dok = pembuat().bangun(desa)
                isi = penyaji(dok)
            except (PerbupGenError, ValueError) as e:
                catatan.gagal.append((f"{desa.kode} {desa.nama}", str(e)))
                continue
            except Exception as e:  # a bug hit by one desa's data must not stop the other desa
                catatan.gagal.append((f"{desa.kode} {desa.nama}", f"kesalahan internal: {type(e).__name__}: {e}"))
                continue
            catatan.jumlah_sk_kpm += 1
            jalur = jalur_sk_kpm(desa.kode, desa.nama or "", penyaji.akhiran)
            catatan.sk.append(SKDibuat(desa.kode, desa.nama or "", jalur, dok.judul.nomor, dok.properti.get("subject", "")))
            yield BerkasKeluaran(jalur, isi, "sk-kpm", desa.kode)
    finally:
        gc.unfreeze()


def berkas_perbup(hasil: HasilMuat, penyaji: Penyaji, bentuk: str | None = None,
                  catatan: CatatanBangun | None = None,
                  terbangun: DokumenTerbangun | None = None) -> BerkasKeluaran | list[BerkasKeluaran]:
    """The Perbup; with `perbup.mengubah` or `perbup.mencabut` the amendment and/or the replacement
    (proses/ubah.py; `bentuk` as `perbup --bentuk`; the plan the check made with that `bentuk` is
    taken from `terbangun`)."""
    from perbup_gen.dokumen.perbup import bangun_perbup

    if hasil.konfigurasi.perbup.mengubah is not None or hasil.konfigurasi.perbup.mencabut:
        from perbup_gen.proses.ubah import berkas_revisi

        rencana = terbangun.ambil(("revisi", bentuk)) if terbangun is not None else None
        return berkas_revisi(hasil, penyaji, bentuk, catatan, rencana)

    dok = (terbangun.ambil("perbup") if terbangun is not None else None) or bangun_perbup(hasil)
    return BerkasKeluaran(f"perbup/rancangan-perbup-peran-desa.{penyaji.akhiran}", penyaji(dok), "perbup")


def berkas_tim_penyusun(hasil: HasilMuat, penyaji: Penyaji,
                        terbangun: DokumenTerbangun | None = None) -> BerkasKeluaran:
    from perbup_gen.dokumen.tim_penyusun import bangun_tim_penyusun

    dok = (terbangun.ambil("tim_penyusun") if terbangun is not None else None) or bangun_tim_penyusun(hasil)
    return BerkasKeluaran(f"tim-penyusun/keputusan-tim-penyusun.{penyaji.akhiran}", penyaji(dok), "tim-penyusun")


def berkas_checklist(hasil: HasilMuat, penyaji: Penyaji) -> Iterator[BerkasKeluaran]:
    """The checklist as DOCX (or the chosen format) and always as Markdown too."""
    from perbup_gen.dokumen.checklist import bangun_checklist
    from perbup_gen.keluaran.teks import render_markdown
    from perbup_gen.proses.status import muat_status

    dok = bangun_checklist(hasil, muat_status(hasil), per=hari_build())
    yield BerkasKeluaran(f"checklist/daftar-periksa.{penyaji.akhiran}", penyaji(dok), "checklist")
    if penyaji.format != "md":
        yield BerkasKeluaran("checklist/daftar-periksa.md", render_markdown(dok).encode("utf-8"), "checklist")


def hari_build():
    """The date the checklist judges overdue steps by: today, or the day of SOURCE_DATE_EPOCH
    (reproducible-builds.org) when set, so a build can be repeated byte for byte on another day."""
    import datetime as _dt
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).date()
    return _dt.date.today()


def jalur_kontrak(kode: str, nama_desa: str, urutan: int, nama_kpm: str, akhiran: str) -> str:
    return f"kontrak/{nama_berkas('kontrak', kode, nama_desa, str(urutan), nama_kpm)}.{akhiran}"


def berkas_kontrak(hasil: HasilMuat, penyaji: Penyaji, catatan: CatatanBangun, desa_pilihan=None,
                   terbangun: DokumenTerbangun | None = None) -> Iterator[BerkasKeluaran]:
    """One task contract per KPM of every desa (kelurahan have none); failures are noted per KPM.
    The contracts the check built (`terbangun`) are rendered as they are."""
    from perbup_gen.dokumen.kontrak import PembangunKontrak

    pembangun: list = []
    for desa in desa_pilihan if desa_pilihan is not None else hasil.konfigurasi.desa:
        if desa.kelurahan:
            continue
        for i, orang in enumerate(desa.kpm):
            tempat = f"{desa.kode} {desa.nama} KPM {orang.nama}"
            try:
                dok = terbangun.ambil(("kontrak", desa.kode, i)) if terbangun is not None else None
                if dok is None:
                    if not pembangun:
                        pembangun.append(PembangunKontrak(hasil))
                    dok = pembangun[0].bangun(desa, i)
                isi = penyaji(dok)
            except (PerbupGenError, ValueError) as e:
                catatan.gagal.append((tempat, str(e)))
                continue
            except Exception as e:  # one KPM failing must not stop the others
                catatan.gagal.append((tempat, f"kesalahan internal: {type(e).__name__}: {e}"))
                continue
            catatan.jumlah_kontrak += 1
            yield BerkasKeluaran(jalur_kontrak(desa.kode, desa.nama or "", i + 1, orang.nama, penyaji.akhiran),
                                 isi, "kontrak", desa.kode)


def jalur_evaluasi(hasil: HasilMuat) -> str:
    return f"evaluasi/evaluasi-kinerja-kpm-{hasil.konfigurasi.tahun}.xlsx"


def berkas_evaluasi(hasil: HasilMuat, penyaji: Penyaji | None = None) -> BerkasKeluaran:
    """The evaluation workbook (XLSX whatever the document format)."""
    from perbup_gen.dokumen.evaluasi import bangun_buku_evaluasi
    from perbup_gen.keluaran.xlsx_evaluasi import buku_evaluasi

    return BerkasKeluaran(jalur_evaluasi(hasil), buku_evaluasi(bangun_buku_evaluasi(hasil)), "evaluasi")


def bangun_semua(hasil: HasilMuat, folder, format_: str = "docx", force: bool = False,
                 setiap: Callable[[], None] | None = None, periksa=None, pdf: bool = False,
                 gabung: str | None = None, bentuk: str | None = None,
                 terbangun: DokumenTerbangun | None = None) -> tuple[LaporanTulis, CatatanBangun]:
    """Write the whole document set into `folder`: the documents, then for BPMD the recap and the
    Buku Keputusan Kepala Desa entries (XLSX), the check report, for a draft the list of what is
    missing, and index.html listing every document (with the PDFs and bundles `pdf` and `gabung`
    will add). `periksa` is the check report of `hasil` (run here when not given); `terbangun`
    the documents that check built, rendered instead of built again."""
    from perbup_gen.kinerja.aturan import ada_besaran, tanpa_besaran
    from perbup_gen.proses import rekap

    penyaji = Penyaji(hasil, format_)
    catatan = CatatanBangun(kata=hasil.konfigurasi.sebutan_daerah().pesan())
    catatan.jumlah_kelurahan = jumlah_kelurahan(hasil)
    if periksa is None:
        from perbup_gen.proses.periksa import periksa as jalankan

        terbangun = DokumenTerbangun()
        periksa = jalankan(hasil, simpan=terbangun, bentuk=bentuk)

    def semua() -> Iterator[BerkasKeluaran]:
        perbup = berkas_perbup(hasil, penyaji, bentuk, catatan, terbangun)
        dokumen = [*(perbup if isinstance(perbup, list) else [perbup]),
                   berkas_tim_penyusun(hasil, penyaji, terbangun), *berkas_checklist(hasil, penyaji)]
        yield from dokumen
        yield from berkas_sk_kpm(hasil, penyaji, catatan, setiap=setiap, terbangun=terbangun)
        if ada_besaran(hasil.konfigurasi):
            yield from berkas_kontrak(hasil, penyaji, catatan, terbangun=terbangun)
            yield berkas_evaluasi(hasil)
        else:
            catatan.keterangan.append("kontrak tugas dan buku kerja evaluasi tidak dibuat: "
                                      + tanpa_besaran(hasil.konfigurasi.kepala_daerah))
        yield from rekap.berkas_laporan(hasil, periksa, catatan, [b.jalur for b in dokumen],
                                        pdf=pdf and format_ == "docx", gabung=gabung)

    laporan = tulis_semua(folder, semua(), hash_berkas(hasil.berkas), force=force)
    return laporan, catatan


def jumlah_kelurahan(hasil: HasilMuat) -> int:
    """Kelurahan of the kabupaten in the national list: they get no KPM decree."""
    from perbup_gen.konfigurasi.wilayah import DaftarWilayah

    return sum(1 for w in DaftarWilayah.muat().keturunan(hasil.konfigurasi.kabupaten.kode) if w.tingkat == "kelurahan")


@dataclass
class HasilPdfSet:
    """What converting a set to PDF did: made, kept (newer than its DOCX), retried, and each file
    still without a PDF with the reason (and what became of its stale PDF)."""

    dibuat: int = 0
    tidak_berubah: int = 0
    percobaan_ulang: int = 0
    gagal: dict = field(default_factory=dict)  # Path of the DOCX -> reason

    @property
    def lengkap(self) -> bool:
        return not self.gagal


def pdf_set(folder, jalur: list[str], huruf: str | None = "Bookman Old Style", semua: bool = False,
            kemajuan: Callable[[int, int], None] | None = None) -> HasilPdfSet:
    """Every DOCX among `jalur` (paths relative to `folder`) to PDF/A beside it: batches, one
    LibreOffice process per core, a second try for what failed (keluaran/pdf.konversi_pdf). A PDF
    newer than its DOCX is kept unless `semua`. The stale PDF of a file that failed is removed,
    so that no PDF older than its DOCX is left looking current."""
    import os
    import tempfile
    from pathlib import Path

    from perbup_gen.keluaran.pdf import konversi_pdf

    folder = Path(folder)
    docx = sorted(folder / j for j in jalur if j.endswith(".docx"))
    hasil = HasilPdfSet()

    def baru(d: Path) -> bool:
        try:
            return d.with_suffix(".pdf").stat().st_mtime_ns >= d.stat().st_mtime_ns
        except OSError:
            return False

    perlu = docx if semua else [d for d in docx if not baru(d)]
    hasil.tidak_berubah = len(docx) - len(perlu)
    if not perlu:
        return hasil
    with tempfile.TemporaryDirectory(dir=folder, prefix=".pdf-") as sementara:
        # file stems are unique across the output folders: one temporary folder for all
        konversi = konversi_pdf(perlu, Path(sementara), huruf=huruf, kemajuan=kemajuan)
        for sumber, pdf in konversi.pdf.items():
            os.replace(pdf, sumber.with_suffix(".pdf"))
    hasil.dibuat = len(konversi.pdf)
    hasil.percobaan_ulang = konversi.percobaan_ulang
    for sumber, alasan in konversi.gagal.items():
        lama = sumber.with_suffix(".pdf")
        if lama.exists():
            try:
                lama.unlink()
                alasan += " (PDF lamanya dihapus)"
            except OSError:
                alasan += " (PDF lamanya TIDAK dapat dihapus: sudah usang)"
        hasil.gagal[sumber] = alasan
    return hasil
