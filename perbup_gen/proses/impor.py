"""`perbup-gen impor` and `perbup-gen check BERKAS`: import a regulation, write its Akoma Ntoso,
run the drafting checks on it with source places (file:line)."""
from __future__ import annotations

from pathlib import Path

from perbup_gen.impor import HasilImpor, impor_berkas, ringkasan
from perbup_gen.periksa.laporan import LaporanPeriksa, Temuan

__all__ = ["impor_ke_akn", "periksa_berkas", "teks_ringkasan"]


def teks_ringkasan(h: HasilImpor) -> str:
    r = ringkasan(h)
    baris = [
        f"Berkas    : {h.berkas} ({h.format})",
        f"Jenis     : {r['jenis']} [{r['bentuk']}]",
        f"Nomor     : {r['nomor'] or '-'}    Tahun: {r['tahun'] or '-'}",
        f"Tentang   : {r['judul'] or '-'}",
        f"Menimbang : {r['menimbang']}    Mengingat: {r['mengingat']}",
        f"BAB       : {r['bab']}    Pasal: {r['pasal']}" + (f"    Diktum: {r['diktum']}" if r["diktum"] else "")
        + f"    Lampiran: {r['lampiran']}",
    ]
    if h.peringatan:
        baris.append(f"Peringatan ({len(h.peringatan)}):")
        baris += [f"  - {p}" for p in h.pesan()]
    return "\n".join(baris) + "\n"


def impor_ke_akn(berkas: Path, folder: Path, force: bool = False, ocr: bool = False) -> tuple[HasilImpor, Path]:
    """Import `berkas` and write folder/<name>.akn.xml (atomically; never over a file without
    force)."""
    from perbup_gen.errors import OutputError
    from perbup_gen.jalur import nama_berkas
    from perbup_gen.keluaran.akn import render_akn
    from perbup_gen.keluaran.berkas import periksa_tujuan, tulis_berkas

    periksa_tujuan(Path(folder))
    h = impor_berkas(berkas, ocr=ocr)
    nama = nama_berkas(Path(h.berkas).stem) + ".akn.xml"
    tujuan = Path(folder) / nama
    periksa_tujuan(tujuan, folder=False)
    if tujuan.exists() and not force:
        raise OutputError(f"{tujuan} sudah ada; pakai --force untuk menimpanya")
    tulis_berkas(tujuan, render_akn(h.dokumen))
    return h, tujuan


def periksa_berkas(berkas: Path, ocr: bool = False) -> LaporanPeriksa:
    """Every drafting rule on an imported regulation; places carry file:line."""
    from perbup_gen.konfigurasi.peraturan import tabel_paket
    from perbup_gen.periksa.naskah import periksa_naskah

    h = impor_berkas(berkas, ocr=ocr)
    _, tabel, _ = tabel_paket()
    dok = h.dokumen
    wilayah = dok.identitas.wilayah if dok.identitas else None
    nama = f"{dok.judul.jenis} {dok.identitas.nomor if dok.identitas else ''}".strip() or h.berkas
    laporan = LaporanPeriksa(judul=f"Hasil pemeriksaan {h.berkas}")
    laporan.diperiksa.append(f"{nama} ({h.berkas}, {h.format})")
    for p in h.peringatan:
        laporan.temuan.append(Temuan("peringatan", "impor", f"{h.berkas}:{p.tempat}" if p.tempat else h.berkas,
                                     p.pesan))
    for t in periksa_naskah(dok, tabel, wilayah):
        laporan.temuan.append(Temuan(t.tingkat, nama, f"{t.tempat} ({h.lokasi(t.tempat)})", t.pesan))
    return laporan
