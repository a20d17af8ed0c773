"""Importer: read an existing regulation or decree (DOCX, PDF with a text layer, plain text,
Markdown, or Akoma Ntoso XML) into the document model.

Stages, as Laws.Africa's bluebell does it: a reader per format (baca.py) -> preprocessing of
the noise of published files (pra.py) -> a parser over lines (urai.py) -> the model
(naskah/model.py), numbers and markers as the source prints them. `impor_berkas(path)` returns
an `HasilImpor`: the Dokumen, the warnings with their places ("berkas.txt:12: ..."), and where
each element stands in the source (for `check` to name file and line). Akoma Ntoso XML written
by keluaran/akn.py is read back by akn.py in this package.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from perbup_gen.errors import alasan_os
from perbup_gen.impor.baca import FORMAT, ImporError, baca_berkas
from perbup_gen.impor.baris import Baris, CatatanImpor, Peringatan
from perbup_gen.impor.pra import bersihkan
from perbup_gen.impor.urai import urai
from perbup_gen.naskah import bilangan
from perbup_gen.naskah.model import Bab, Daftar, Diktum, Dokumen, semua_pasal

__all__ = ["HasilImpor", "ImporError", "impor_berkas", "impor_baris", "ringkasan", "FORMAT"]


@dataclass
class HasilImpor:
    dokumen: Dokumen
    berkas: str  # the file's name, for messages
    format: str  # "teks", "markdown", "docx", "pdf", "akn"
    peringatan: list[Peringatan] = field(default_factory=list)
    tempat: dict[str, str] = field(default_factory=dict)  # "Pasal 7 ayat (2)" -> "45"
    sisa: list[Baris] = field(default_factory=list)  # lines after the document, not imported

    def pesan(self) -> list[str]:
        return [p.teks(self.berkas) for p in self.peringatan]

    def lokasi(self, uraian: str) -> str:
        """Source place of a check place ("Pasal 7 ayat (2) huruf b"): the longest known prefix."""
        kunci = uraian
        while kunci:
            if kunci in self.tempat:
                return f"{self.berkas}:{self.tempat[kunci]}"
            if " " not in kunci:
                break
            kunci = kunci.rsplit(" ", 1)[0]
        return self.berkas


def _peta_tempat(dok: Dokumen, per_id: dict[int, str]) -> dict[str, str]:
    """Places named the way `periksa.naskah` names them -> source places."""
    out: dict[str, str] = {}

    def simpan(nama: str, obj) -> None:
        t = per_id.get(id(obj))
        if t:
            out.setdefault(nama, t)

    def daftar(d: Daftar | None, nama: str, kedalaman: int, luar: str) -> None:
        if d is None:
            return
        for i, b in enumerate(d.butir, 1):
            if luar == "definisi":
                jenis = ("angka", "huruf", "angka", "huruf")[min(kedalaman, 4) - 1]
            else:
                jenis = ("huruf", "angka", "huruf", "angka")[min(kedalaman, 4) - 1]
            n = f"{nama} {jenis} {bilangan.huruf(i) if jenis == 'huruf' else i}"
            simpan(n, b)
            daftar(b.daftar, n, kedalaman + 1, luar)

    if dok.judul is not None:
        simpan("Judul", dok.judul)
    pb = dok.pembukaan
    if pb is not None:
        for i, x in enumerate(pb.menimbang, 1):
            simpan(f"Menimbang huruf {bilangan.huruf(i)}", x)
        if pb.menimbang:
            simpan("Menimbang", pb.menimbang[0])
        for i, x in enumerate(pb.mengingat, 1):
            simpan(f"Mengingat angka {i}", x)
        if pb.mengingat:
            simpan("Mengingat", pb.mengingat[0])
    for u in dok.batang_tubuh:
        if isinstance(u, Bab):
            simpan(f"BAB {u.nomor}", u)
        if isinstance(u, Diktum):
            simpan(f"Diktum {u.nomor}", u)
            daftar(u.daftar, f"Diktum {u.nomor}", 1, u.daftar.jenis if u.daftar else "rincian")
    for p in semua_pasal(dok.batang_tubuh):
        simpan(f"Pasal {p.nomor}", p)
        for a in p.ayat:
            nama = f"Pasal {p.nomor}" + (f" ayat ({a.nomor})" if a.nomor is not None else "")
            simpan(nama, a)
            daftar(a.daftar, nama, 1, a.daftar.jenis if a.daftar else "rincian")
    for lamp in dok.lampiran:
        simpan("Lampiran" + (f" {lamp.nomor}" if lamp.nomor else ""), lamp)
    return out


def impor_baris(baris: list[Baris], berkas: str, format_: str,
                catatan: CatatanImpor | None = None) -> HasilImpor:
    """Lines of a reader -> HasilImpor (preprocessing and parsing)."""
    catatan = catatan or CatatanImpor()
    bersih = bersihkan(baris, format_, catatan)
    hasil = urai(bersih, catatan, format_)
    return HasilImpor(hasil.dokumen, berkas, format_, catatan.peringatan,
                      _peta_tempat(hasil.dokumen, hasil.tempat), hasil.sisa)


def impor_berkas(jalur: str | Path, ocr: bool = False) -> HasilImpor:
    """Read a regulation from a file: .docx, .pdf, .txt, .md or Akoma Ntoso .xml."""
    jalur = Path(jalur)
    catatan = CatatanImpor()
    if FORMAT.get(jalur.suffix.lower()) == "akn":
        from perbup_gen.impor.akn import baca_akn

        try:
            data = jalur.read_bytes()
        except OSError as e:
            raise ImporError(f"{jalur}: tidak dapat dibaca ({alasan_os(e)})") from e
        dok = baca_akn(data, jalur.name)
        return HasilImpor(dok, jalur.name, "akn", [])
    format_, baris = baca_berkas(jalur, catatan, ocr=ocr)
    if not any(b.teks.strip() or b.tabel for b in baris):
        raise ImporError(f"{jalur.name}: berkas kosong, tidak ada teks yang dapat diimpor")
    return impor_baris(baris, jalur.name, format_, catatan)


def ringkasan(h: HasilImpor) -> dict:
    """What `perbup-gen impor` prints: kind, number, year, title and counts."""
    dok = h.dokumen
    idn = dok.identitas
    pb = dok.pembukaan
    return {
        "jenis": dok.judul.jenis,
        "bentuk": idn.bentuk if idn else dok.jenis,
        "nomor": idn.nomor if idn else "",
        "tahun": idn.tahun if idn else None,
        "judul": dok.judul.tentang,
        "menimbang": len(pb.menimbang) if pb else 0,
        "mengingat": len(pb.mengingat) if pb else 0,
        "bab": sum(1 for u in dok.batang_tubuh if isinstance(u, Bab)),
        "pasal": sum(1 for _ in semua_pasal(dok.batang_tubuh)),
        "diktum": sum(1 for u in dok.batang_tubuh if isinstance(u, Diktum)),
        "lampiran": len(dok.lampiran),
    }
