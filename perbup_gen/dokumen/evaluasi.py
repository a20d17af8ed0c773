"""The KPM evaluation's documents: the workbook Dinas PMD fills in (`bangun_buku_evaluasi`), and
what `perbup-gen insentif` makes from a filled one: the recap of every KPM's scores and incentives
(`bangun_rekap`) and the payment list of one quarter (`bangun_nominatif`, daftar nominatif
penerima insentif, with the total in words). Each list is also given as table data for its XLSX
twin (`TabelDaftar`), so the DOCX and the XLSX show the same rows.

Wording: `clauses/evaluasi.yaml` (the package's: reading a workbook needs no config folder).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from perbup_gen.dokumen.pustaka import PustakaKlausul, pustaka_klausul, sumber_yaml
from perbup_gen.dokumen.tanda_tangan import TITIK
from perbup_gen.errors import KlausulError
from perbup_gen.jalur import KLAUSUL
from perbup_gen.kinerja.baca import HasilEvaluasi
from perbup_gen.kinerja.buku import BukuEvaluasi, DataBuku, data_buku
from perbup_gen.konfigurasi.muat import HasilMuat
from perbup_gen.naskah import bilangan
from perbup_gen.naskah.klausul import render_teks
from perbup_gen.naskah.model import Alinea, Dokumen, Judul, Kepala, Penutup, Tabel, TandaTangan, teks

__all__ = ["TabelDaftar", "bangun_buku_evaluasi", "bangun_nominatif", "bangun_rekap", "daftar_nominatif",
           "daftar_rekap"]

BERKAS = "evaluasi.yaml"


class _Bunyi:
    """The templates of clauses/evaluasi.yaml, rendered with a small context."""

    def __init__(self, pustaka: PustakaKlausul, konteks: dict[str, Any]):
        self.data, self.posisi, self.nama = pustaka.baca_yaml(BERKAS)
        self.konteks = konteks

    def teks(self, kunci: str, **lain: Any) -> str:
        nilai = self.data.get(kunci)
        if not isinstance(nilai, str):
            raise KlausulError(f"'{kunci}' harus berupa teks", self.nama, self.posisi.cari((kunci,)).baris)
        return render_teks(nilai, {**self.konteks, **lain}, sumber_yaml(self.posisi, (kunci,), self.nama)).strip()

    def daftar(self, kunci: str) -> list[str]:
        nilai = self.data.get(kunci)
        if not isinstance(nilai, list) or not all(isinstance(x, str) for x in nilai):
            raise KlausulError(f"'{kunci}' harus berupa daftar teks", self.nama, self.posisi.cari((kunci,)).baris)
        return [render_teks(x, self.konteks, sumber_yaml(self.posisi, (kunci, i), self.nama)).strip()
                for i, x in enumerate(nilai)]


def _konteks(data: DataBuku) -> dict[str, Any]:
    return {"tahun": data.tahun, "kabupaten": data.kabupaten, "opd": data.opd, "sumber": data.rencana.sumber}


def bangun_buku_evaluasi(hasil: HasilMuat) -> BukuEvaluasi:
    """The evaluation workbook of a district (rendered by keluaran.xlsx_evaluasi)."""
    data = data_buku(hasil)
    b = _Bunyi(pustaka_klausul(hasil), _konteks(data))
    return BukuEvaluasi(data=data, judul=b.teks("judul_buku"), petunjuk=tuple(b.daftar("petunjuk")))


# --- from a filled workbook ------------------------------------------------------------------------


@dataclass
class TabelDaftar:
    """One list as the DOCX table and the XLSX sheet both show it."""

    judul: list[str]  # title lines
    kepala: list[str]
    baris: list[list[Any]]  # numbers as Decimal/int (XLSX), formatted for the DOCX by `teks_sel`
    jumlah: list[Any]  # the total row
    total: Decimal
    lebar: list[float]  # relative (DOCX) and character widths (XLSX)
    rupiah: set[int]  # columns holding rupiah
    nilai: set[int]  # columns holding a score


def teks_sel(v: Any, j: int, t: TabelDaftar) -> str:
    if isinstance(v, Decimal) and j in t.rupiah:
        return bilangan.angka(int(v))
    if isinstance(v, Decimal) and j in t.nilai:
        return f"{v:.2f}".replace(".", ",")
    return "" if v is None else str(v)


def daftar_rekap(h: HasilEvaluasi) -> TabelDaftar:
    data = h.data
    kepala = ["No", "Kecamatan", "Desa", "Nama KPM"]
    for q in h.triwulan:
        kepala += [f"Nilai TW {bilangan.romawi(q)} (%)", f"Insentif TW {bilangan.romawi(q)} (Rp)"]
    kepala.append("Jumlah (Rp)")
    baris = []
    for i, p in enumerate(h.kpm, 1):
        isi: list[Any] = [i, p.kecamatan, p.desa, p.nama]
        for q in h.triwulan:
            t = p.triwulan.get(q)
            isi += [t.nilai if t else None, t.insentif if t else None]
        baris.append(isi + [p.jumlah])
    jumlah: list[Any] = ["", "JUMLAH", "", ""]
    for q in h.triwulan:
        jumlah += ["", h.jumlah_triwulan(q)]
    jumlah.append(h.jumlah)
    n = len(h.triwulan)
    return TabelDaftar(
        judul=[f"{data.kabupaten.upper()} TAHUN {data.tahun}"], kepala=kepala, baris=baris, jumlah=jumlah,
        total=h.jumlah, lebar=[5, 16, 18, 24] + [10, 14] * n + [15],
        rupiah={5 + 2 * k for k in range(n)} | {4 + 2 * n}, nilai={4 + 2 * k for k in range(n)})


def daftar_nominatif(h: HasilEvaluasi, triwulan: int) -> TabelDaftar:
    data = h.data
    kepala = ["No", "Nama KPM", "Desa", "Kecamatan", "Nilai (%)", "Insentif (Rp)", "Keterangan"]
    baris = []
    for i, p in enumerate((p for p in h.kpm if triwulan in p.triwulan), 1):
        t = p.triwulan[triwulan]
        baris.append([i, p.nama, p.desa, p.kecamatan, t.nilai, t.insentif, p.keterangan])
    total = h.jumlah_triwulan(triwulan)
    return TabelDaftar(
        judul=[f"TRIWULAN {bilangan.romawi(triwulan)} TAHUN {data.tahun}", data.kabupaten.upper()],
        kepala=kepala, baris=baris, jumlah=["", "JUMLAH", "", "", "", total, ""], total=total,
        lebar=[5, 24, 18, 16, 10, 15, 22], rupiah={5}, nilai={4})


def _dokumen(h: HasilEvaluasi, judul: str, t: TabelDaftar, keterangan: str, properti: str) -> Dokumen:
    data = h.data
    baris = [[teks_sel(v, j, t) for j, v in enumerate(b)] for b in t.baris]
    baris.append([teks_sel(v, j, t) for j, v in enumerate(t.jumlah)])
    kepala_ttd = data.kepala_opd or TITIK
    return Dokumen(
        jenis="naskah",
        kepala=Kepala([f"PEMERINTAH {data.kabupaten.upper()}", data.opd.upper()], None),
        judul=Judul(jenis=judul, nomor=" ".join(t.judul[:1]), tentang=""),
        isi=[Alinea(teks(keterangan)), Tabel(list(t.kepala), baris, [float(x) for x in t.lebar])],
        # the closing sentence is kept on the signature's page (as a Perbup's promulgation sentence)
        kalimat_pengundangan=f"Jumlah seluruhnya {bilangan.rupiah(t.total)}.",
        penutup=Penutup(ditetapkan=TandaTangan(
            tempat="", tanggal="", jabatan=f"{data.ibu_kota}, {TITIK}\n{data.jabatan_kepala_opd},",
            nama=kepala_ttd, nip=data.nip_kepala_opd)),
        properti={"title": properti, "subject": f"Insentif KPM {data.kabupaten} tahun {data.tahun}",
                  "author": data.opd},
    )


def bangun_rekap(h: HasilEvaluasi) -> tuple[Dokumen, TabelDaftar]:
    """The recap of every KPM's scores and incentives over the evaluated quarters."""
    b = _Bunyi(PustakaKlausul([KLAUSUL]), _konteks(h.data))
    t = daftar_rekap(h)
    judul = b.teks("judul_rekap")
    return _dokumen(h, judul, t, b.teks("keterangan_rekap"), judul.capitalize()), t


def bangun_nominatif(h: HasilEvaluasi, triwulan: int) -> tuple[Dokumen, TabelDaftar]:
    """The payment list of one evaluated quarter, with the total in words."""
    b = _Bunyi(PustakaKlausul([KLAUSUL]), _konteks(h.data))
    t = daftar_nominatif(h, triwulan)
    judul = b.teks("judul_nominatif")
    return _dokumen(h, judul, t, b.teks("keterangan_nominatif", triwulan=bilangan.romawi(triwulan)),
                    f"{judul.capitalize()} triwulan {bilangan.romawi(triwulan)}"), t
