"""`perbup-gen banding LAMA BARU -o DIR`: compare two versions of a Perbup for harmonisation.

Each version is a file the importer reads (.docx, .pdf, .txt, .md, Akoma Ntoso .xml) or a config
folder (its Perbup as built; when it amends a Perbup (`perbup.mengubah`), the new text in the old
numbering, as it will read once amended). The two are aligned (naskah/selaras.py, with the pins of
a config's `perbup.mengubah.pasangan`), then written:

- `perubahan-terlacak.docx`: the new version with Word tracked changes against the old one
  (keluaran/terlacak.py), author and date from the options or the config (reproducible bytes);
- `matriks-persandingan.docx`: the landscape comparison table, one row per changed element, the
  reasons of `perbup.mengubah.alasan` in the last column (keluaran/matriks.py);

and a short summary: how many Pasal changed, were inserted, deleted, and the alignment.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path

from perbup_gen.errors import OutputError, PerbupGenError
from perbup_gen.naskah.model import Dokumen

__all__ = ["Versi", "HasilBanding", "muat_versi", "banding", "NAMA_TERLACAK", "NAMA_MATRIKS"]

NAMA_TERLACAK = "perubahan-terlacak.docx"
NAMA_MATRIKS = "matriks-persandingan.docx"


@dataclass
class Versi:
    """One side of the comparison."""

    dokumen: Dokumen
    nama: str  # what the summary calls it
    hasil: object | None = None  # HasilMuat when the version is a config folder


@dataclass
class HasilBanding:
    ringkasan: object  # naskah.selaras.Ringkasan
    baris: list  # BarisBanding
    ditulis: list[Path] = field(default_factory=list)
    laporan: list[str] = field(default_factory=list)
    sisipan: int = 0
    hapusan: int = 0


def muat_versi(jalur: Path) -> Versi:
    """A file (imported) or a config folder (its Perbup built)."""
    jalur = Path(jalur)
    if jalur.is_dir():
        from perbup_gen.dokumen.perbup import bangun_perbup
        from perbup_gen.konfigurasi.muat import muat_konfigurasi

        hasil = muat_konfigurasi(jalur)
        return Versi(bangun_perbup(hasil), f"{jalur} (konfigurasi)", hasil)
    if not jalur.exists():
        raise PerbupGenError(f"{jalur}: tidak ada (berkas .docx, .pdf, .txt, .md, .xml atau folder konfigurasi)")
    from perbup_gen.impor import impor_berkas

    h = impor_berkas(jalur)
    return Versi(h.dokumen, f"{jalur.name} ({h.format})")


def _tanggal_iso(tanggal: _dt.date | str | None) -> str | None:
    if tanggal is None:
        return None
    if isinstance(tanggal, str):
        try:
            tanggal = _dt.date.fromisoformat(tanggal)
        except ValueError:
            raise PerbupGenError(f"--tanggal '{tanggal}' bukan tanggal YYYY-MM-DD") from None
    return f"{tanggal.isoformat()}T00:00:00Z"


def _tulis(tujuan: Path, isi: bytes, force: bool) -> None:
    from perbup_gen.keluaran.berkas import tulis_berkas

    if tujuan.exists() and not force:
        raise OutputError(f"{tujuan} sudah ada; pakai --force untuk menimpanya")
    tulis_berkas(tujuan, isi)


def _judul(dok: Dokumen) -> str:
    j = dok.judul
    return " ".join(f"{j.jenis} {j.nomor} TENTANG {j.tentang}".split())


def banding(lama_jalur: Path, baru_jalur: Path, folder: Path, penulis: str | None = None,
            tanggal: _dt.date | str | None = None, force: bool = False) -> HasilBanding:
    """Compare, write the two files into `folder`, return the summary (see the module docstring).
    Nothing is written when either version cannot be read; an existing file is kept without
    `force`."""
    from perbup_gen.dokumen.pustaka import PustakaKlausul, pustaka_klausul
    from perbup_gen.jalur import KLAUSUL
    from perbup_gen.keluaran.docx_ubah import PenyajiDocxUbah
    from perbup_gen.keluaran.matriks import UngkapanMatriks, render_matriks
    from perbup_gen.keluaran.terlacak import render_terlacak
    from perbup_gen.naskah.selaras import (
        bandingkan, persandingan, persandingan_perubahan, selaraskan, susun_perubahan,
    )
    from perbup_gen.proses.ubah import baris_penyelarasan

    lama = muat_versi(lama_jalur)
    baru = muat_versi(baru_jalur)
    folder = Path(folder)
    for nama in (NAMA_TERLACAK, NAMA_MATRIKS):
        if (folder / nama).exists() and not force:
            raise OutputError(f"{folder / nama} sudah ada; pakai --force untuk menimpanya")
    hasil = baru.hasil or lama.hasil
    m = hasil.konfigurasi.perbup.mengubah if hasil is not None else None
    patok = [(p.lama, p.baru) for p in m.pasangan] if (m is not None and baru.hasil is not None) else []
    try:
        sel = selaraskan(lama.dokumen, baru.dokumen, patok)
    except ValueError as e:
        raise PerbupGenError(f"perbup.mengubah.pasangan: {e}") from None
    if baru.hasil is not None and baru.hasil.konfigurasi.perbup.mengubah is not None:
        # the config amends: the new text in the old numbering
        hp = susun_perubahan(sel)
        dok_baru, pasangan, ringkasan = hp.konsolidasi, hp.pasangan, hp.ringkasan
        baris = persandingan_perubahan(lama.dokumen, hp)
    else:
        dok_baru = baru.dokumen
        pasangan = sel.pasal
        _, ringkasan = bandingkan(sel)
        baris = persandingan(sel)

    tata, template = None, None
    if hasil is not None:
        from perbup_gen.proses.bangun import tata_letak_docx

        tata = tata_letak_docx(hasil)
        if hasil.konfigurasi.templat_word:
            template = hasil.folder / hasil.konfigurasi.templat_word
    penulis = penulis or (m.penulis if m is not None and m.penulis else None) or "perbup-gen"
    tanggal = tanggal if tanggal is not None else (m.tanggal if m is not None else None)
    lacak = render_terlacak(lama.dokumen, dok_baru, pasangan, PenyajiDocxUbah(template, tata, harfiah=True),
                            penulis, _tanggal_iso(tanggal))

    pustaka = pustaka_klausul(hasil) if hasil is not None else PustakaKlausul([KLAUSUL])
    data, _, _ = pustaka.baca_yaml("perubahan/ungkapan.yaml")
    mx = data.get("matriks") if isinstance(data.get("matriks"), dict) else {}
    kepala = mx.get("kepala")
    ungkapan = UngkapanMatriks(tuple(kepala) if isinstance(kepala, list) and len(kepala) == 4 else UngkapanMatriks.kepala,
                               str(mx.get("kosong", UngkapanMatriks.kosong)))
    judul = [str(mx.get("judul", "MATRIKS PERSANDINGAN")), _judul(lama.dokumen), str(mx.get("dan", "DENGAN")),
             _judul(dok_baru)]
    alasan = {" ".join(k.lower().split()): v for k, v in (m.alasan.items() if m is not None else [])}
    keterangan = [next((alasan[" ".join(n.lower().split())] for n in b.nama
                        if " ".join(n.lower().split()) in alasan), "") for b in baris]
    matriks = render_matriks(judul, baris, keterangan, tata, template, ungkapan,
                             {"title": "Matriks persandingan", "subject": _judul(dok_baru),
                              "creator": "perbup-gen"})
    hasil_b = HasilBanding(ringkasan, baris, sisipan=lacak.sisipan, hapusan=lacak.hapusan)
    _tulis(folder / NAMA_TERLACAK, lacak.isi, force)
    _tulis(folder / NAMA_MATRIKS, matriks, force)
    hasil_b.ditulis = [folder / NAMA_TERLACAK, folder / NAMA_MATRIKS]
    r = ringkasan
    hasil_b.laporan = [
        f"Lama : {lama.nama}: {_judul(lama.dokumen)}",
        f"Baru : {baru.nama}: {_judul(dok_baru)}",
        f"Pasal: {r.diubah} diubah, {r.disisipkan} disisipkan, {r.dihapus} dihapus, {r.tetap} tetap "
        f"(lama {r.pasal_lama}, baru {r.pasal_baru})"
        + (f"; BAB: {r.bab_disisipkan} disisipkan, {r.bab_dihapus} dihapus" if r.bab_disisipkan or r.bab_dihapus else ""),
    ]
    alasan_ganti = r.alasan_penggantian()
    if alasan_ganti:
        hasil_b.laporan.append("Lampiran II menyarankan penggantian, bukan perubahan: " + "; ".join(alasan_ganti))
    hasil_b.laporan.append("Penyelarasan Pasal (lama -> baru; yang tetap tidak ditampilkan):")
    hasil_b.laporan += baris_penyelarasan(pasangan) or ["  (semua Pasal tetap)"]
    hasil_b.laporan += [
        f"  ditulis: {folder / NAMA_TERLACAK} ({lacak.sisipan} sisipan, {lacak.hapusan} hapusan; penulis {penulis})",
        f"  ditulis: {folder / NAMA_MATRIKS} ({len(baris)} baris)",
    ]
    return hasil_b
