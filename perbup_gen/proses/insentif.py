"""`perbup-gen insentif WORKBOOK -o DIR`: read a filled evaluation workbook (every cell checked,
`kinerja.baca`), then write the recap and one payment list per evaluated quarter, each as DOCX and
XLSX, through the atomic writer (manifest, nothing overwritten by hand edits without --force).

Nothing is written when the workbook has an error.
"""
from __future__ import annotations

from pathlib import Path

from perbup_gen.keluaran.berkas import BerkasKeluaran, LaporanTulis, hash_berkas, tulis_semua
from perbup_gen.kinerja.baca import HasilEvaluasi, baca_buku

__all__ = ["berkas_insentif", "tulis_insentif"]

# landscape F4: the lists have many columns
LEBAR_MM, TINGGI_MM = 330.0, 215.0


def berkas_insentif(h: HasilEvaluasi) -> list[BerkasKeluaran]:
    """The recap and the payment lists of `h`, DOCX and XLSX, in memory."""
    from perbup_gen.dokumen.evaluasi import bangun_nominatif, bangun_rekap
    from perbup_gen.keluaran.docx import PenyajiDocx, TataLetak
    from perbup_gen.keluaran.xlsx_evaluasi import rekap_xlsx
    from perbup_gen.naskah import bilangan

    penyaji = PenyajiDocx(tata=TataLetak(lebar_mm=LEBAR_MM, tinggi_mm=TINGGI_MM, margin_kiri_mm=25.0,
                                         margin_kanan_mm=20.0))
    tahun = h.data.tahun
    keluar = []

    def tambah(nama: str, dok, t, jenis: str) -> None:
        keluar.append(BerkasKeluaran(f"{nama}.docx", penyaji.render(dok), jenis))
        judul = [dok.judul.jenis] + t.judul
        keluar.append(BerkasKeluaran(f"{nama}.xlsx", rekap_xlsx(
            judul, t.kepala, t.baris, t.jumlah, f"Jumlah seluruhnya {bilangan.rupiah(t.total)}.", t.rupiah,
            t.nilai, t.lebar), jenis))

    dok, t = bangun_rekap(h)
    tambah(f"rekap-evaluasi-kinerja-kpm-{tahun}", dok, t, "rekap-insentif")
    for q in h.triwulan:
        dok, t = bangun_nominatif(h, q)
        tambah(f"daftar-nominatif-insentif-kpm-{tahun}-triwulan-{q}", dok, t, "nominatif-insentif")
    return keluar


def tulis_insentif(buku: Path | str, folder: Path | str, triwulan: int | None = None, force: bool = False,
                   tampil: str | None = None) -> tuple[LaporanTulis, HasilEvaluasi]:
    """Check the workbook, then write its recap and payment lists into `folder`."""
    from perbup_gen.keluaran.berkas import periksa_tujuan

    buku = Path(buku)
    h = baca_buku(buku, tampil or str(buku), triwulan)
    periksa_tujuan(Path(folder))
    laporan = tulis_semua(Path(folder), berkas_insentif(h), hash_berkas([buku]), force=force, sebagian=True)
    return laporan, h
