"""Reading a filled evaluation workbook back (`perbup-gen insentif`).

Every cell that matters is checked and every problem is reported at once, each naming its sheet
and cell ("evaluasi.xlsx, lembar Sepang, sel F9: ..."), as for rosters: a result that is not
tercapai / sebagian / tidak, a quarter filled for some KPM but not others, a changed KPM name or
desa code, a formula overwritten or changed, a cached formula value (from Excel or LibreOffice)
that disagrees with the rules, a missing sheet, the hidden data changed. Scores and incentives
are recomputed with `kinerja.aturan`, never taken from the workbook.

A quarter counts as evaluated when any of its result cells is filled; then all of them must be.
`triwulan` (1-4) restricts the check of completeness and the result to that quarter.

The file is untrusted: its size and the size of its unpacked parts are bounded before openpyxl
reads it (and openpyxl parses XML through defusedxml).
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from perbup_gen.errors import BukuKerjaError, Lokasi, Masalah
from perbup_gen.kinerja.aturan import HASIL, hasil_sah, insentif, nilai_persen
from perbup_gen.kinerja.buku import (
    BARIS_DATA, BARIS_KUNCI, LABEL_JUMLAH, LEMBAR_DATA, DataBuku, kolom, muat_json_buku,
    rumus_baris, rumus_total,
)
from perbup_gen.konfigurasi.sel import huruf_kolom
from perbup_gen.naskah import bilangan

__all__ = ["EvaluasiKPM", "HasilEvaluasi", "NilaiTriwulan", "baca_buku"]

UKURAN_MAKS = 50 * 1024 * 1024  # the file
UKURAN_ISI_MAKS = 400 * 1024 * 1024  # all its parts unpacked
_PILIHAN = ", ".join(h.kode for h in HASIL)


@dataclass
class NilaiTriwulan:
    nomor: int
    hasil: dict[str, str]  # target kode -> result code
    nilai: Decimal  # percent, two decimals
    insentif: Decimal  # rupiah


@dataclass
class EvaluasiKPM:
    kecamatan: str
    kode_desa: str
    desa: str
    urutan: int
    nama: str
    triwulan: dict[int, NilaiTriwulan] = field(default_factory=dict)
    keterangan: str = ""

    @property
    def jumlah(self) -> Decimal:
        return sum((t.insentif for t in self.triwulan.values()), Decimal(0))


@dataclass
class HasilEvaluasi:
    data: DataBuku
    kpm: list[EvaluasiKPM]
    triwulan: list[int]  # the quarters evaluated (all result cells filled), in order

    def jumlah_triwulan(self, nomor: int) -> Decimal:
        return sum((p.triwulan[nomor].insentif for p in self.kpm if nomor in p.triwulan), Decimal(0))

    @property
    def jumlah(self) -> Decimal:
        return sum((p.jumlah for p in self.kpm), Decimal(0))


def _norm_rumus(s: str) -> str:
    """A formula as compared: no spaces, no '$', no quotes around sheet names, capitals (Excel
    and LibreOffice may rewrite these when they save)."""
    return re.sub(r"[\s$']", "", s).upper()


def _angka(v) -> Decimal | None:
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, (int, float)):
        return Decimal(str(v))
    return None


def _buka(path: Path, tampil: str):
    import openpyxl

    def satu(pesan: str) -> BukuKerjaError:
        return BukuKerjaError([Masalah(Lokasi(tampil), pesan)])

    if not path.exists():
        raise satu("berkas tidak ditemukan")
    if not path.is_file():
        raise satu("bukan berkas (folder atau perangkat)")
    if path.stat().st_size > UKURAN_MAKS:
        raise satu(f"berkas lebih besar dari {UKURAN_MAKS // (1024 * 1024)} MB: bukan buku kerja evaluasi")
    try:
        with zipfile.ZipFile(path) as z:
            if sum(i.file_size for i in z.infolist()) > UKURAN_ISI_MAKS:
                raise satu("isi berkas terlalu besar setelah dibuka: bukan buku kerja evaluasi")
    except zipfile.BadZipFile:
        raise satu("bukan berkas Excel .xlsx (simpan sebagai Buku Kerja Excel .xlsx)") from None
    except OSError as e:
        raise satu(f"berkas tidak dapat dibaca: {e.strerror or e}") from None
    try:
        rumus = openpyxl.load_workbook(path, data_only=False)
        nilai = openpyxl.load_workbook(path, data_only=True)
    except Exception as e:  # openpyxl raises many kinds for a broken file
        raise satu(f"berkas Excel tidak dapat dibaca: {type(e).__name__}") from None
    return rumus, nilai


def baca_buku(path: Path | str, tampil: str | None = None, triwulan: int | None = None) -> HasilEvaluasi:
    """Read and check a filled evaluation workbook; BukuKerjaError with every problem."""
    path = Path(path)
    tampil = tampil or str(path)
    buku, cache = _buka(path, tampil)
    masalah: list[Masalah] = []

    def salah(lembar: str | None, sel: str | None, pesan: str) -> None:
        tempat = tampil + (f", lembar {lembar}" if lembar else "") + (f", sel {sel}" if sel else "")
        masalah.append(Masalah(Lokasi(tempat), pesan))

    if LEMBAR_DATA not in buku.sheetnames:
        raise BukuKerjaError([Masalah(Lokasi(tampil), "bukan buku kerja evaluasi perbup-gen (lembar data tidak "
                                      "ada); buat dengan perbup-gen build atau perbup-gen evaluasi")])
    lembar_data = buku[LEMBAR_DATA]
    potongan = []
    for b in range(1, lembar_data.max_row + 1):
        v = lembar_data.cell(row=b, column=1).value
        if not isinstance(v, str):
            break
        potongan.append(v)
    try:
        data = muat_json_buku("".join(potongan) if potongan else None, lembar_data["B1"].value)
    except ValueError as e:
        raise BukuKerjaError([Masalah(Lokasi(tampil), f"{e}; buat ulang buku kerja dengan perbup-gen")]) from None
    r = data.rencana
    if not data.jumlah_kpm:
        raise BukuKerjaError([Masalah(Lokasi(tampil), "buku kerja tidak memuat KPM (roster belum berisi KPM): "
                                      "tidak ada yang dinilai")])
    if triwulan is not None and triwulan not in [tw.nomor for tw in r.triwulan]:
        ada = ", ".join(bilangan.romawi(tw.nomor) for tw in r.triwulan)
        raise BukuKerjaError([Masalah(Lokasi(tampil), f"triwulan {triwulan} tidak termasuk masa kontrak "
                                      f"{r.tahun} (triwulan yang ada: {ada})")])
    kol = kolom(r)
    per_tw = {tw.nomor: tw for tw in r.triwulan}

    # every KPM's results, then which quarters are filled
    baris_kpm: list[tuple[str, object, object, int, EvaluasiKPM, dict[int, dict[str, str | None]]]] = []
    for kec in data.kecamatan:
        if kec.lembar not in buku.sheetnames:
            salah(kec.lembar, None, "lembar kecamatan tidak ada (dihapus atau diganti nama)")
            continue
        ws, wc = buku[kec.lembar], cache[kec.lembar]
        kunci = [ws.cell(row=BARIS_KUNCI, column=i + 1).value for i in range(len(kol))]
        beda = [i for i, k in enumerate(kol) if kunci[i] != k.kunci]
        if beda or ws.cell(row=BARIS_KUNCI, column=len(kol) + 1).value not in (None, ""):
            salah(kec.lembar, f"{huruf_kolom(beda[0] if beda else len(kol))}{BARIS_KUNCI}",
                  "susunan kolom berubah (kolom ditambah, dihapus, atau dipindah); buat ulang buku kerja")
            continue
        for j, p in enumerate(kec.kpm):
            b = BARIS_DATA + j
            e = EvaluasiKPM(kec.nama, p.kode_desa, p.desa, p.urutan, p.nama)
            for i, k in enumerate(kol):
                if k.kunci in ("kode_desa", "kpm"):
                    harap = p.kode_desa if k.kunci == "kode_desa" else p.nama
                    v = ws.cell(row=b, column=i + 1).value
                    if str(v if v is not None else "").strip() != harap:
                        salah(kec.lembar, f"{huruf_kolom(i)}{b}", f"tertulis '{v if v is not None else ''}', "
                              f"seharusnya '{harap}': baris KPM diubah, ditambah, atau dihapus")
            hasil: dict[int, dict[str, str | None]] = {}
            for i, k in enumerate(kol):
                if k.jenis != "hasil":
                    continue
                sel = f"{huruf_kolom(i)}{b}"
                v = ws.cell(row=b, column=i + 1).value
                if v is None or (isinstance(v, str) and not v.strip()):
                    hasil.setdefault(k.triwulan, {})[k.target] = None
                    continue
                kode = hasil_sah(v) if isinstance(v, str) else None
                if kode is None:
                    tambah = " (hapus spasi di awal atau akhir)" if isinstance(v, str) and hasil_sah(v.strip()) else ""
                    salah(kec.lembar, sel, f"hasil '{v}' tidak dikenal{tambah}; pilih {_PILIHAN}")
                    hasil.setdefault(k.triwulan, {})[k.target] = "?"
                else:
                    hasil.setdefault(k.triwulan, {})[k.target] = kode
            v = ws.cell(row=b, column=next(i for i, k in enumerate(kol) if k.kunci == "keterangan") + 1).value
            e.keterangan = str(v).strip()[:500] if v is not None else ""
            baris_kpm.append((kec.lembar, ws, wc, b, e, hasil))
        # the total row
        b = BARIS_DATA + len(kec.kpm)
        if str(ws.cell(row=b, column=1).value or "").strip().upper() != LABEL_JUMLAH:
            salah(kec.lembar, f"A{b}", f"baris {LABEL_JUMLAH} tidak di tempatnya: baris KPM ditambah atau dihapus")
        else:
            for i, k in enumerate(kol):
                if k.jenis in ("insentif", "jumlah"):
                    _cek_rumus(ws, b, i, rumus_total(kol, k.kunci, len(kec.kpm)), kec.lembar, salah)

    # quarters: evaluated when any result cell is filled; then every one must be
    diisi = {q: any(v is not None for *_, h in baris_kpm for v in h.get(q, {}).values()) for q in per_tw}
    dinilai = [q for q in per_tw if (diisi[q] if triwulan is None else q == triwulan)]
    for lembar, ws, wc, b, e, hasil in baris_kpm:
        for q in dinilai:
            for i, k in enumerate(kol):
                if k.jenis == "hasil" and k.triwulan == q and hasil[q][k.target] is None:
                    salah(lembar, f"{huruf_kolom(i)}{b}", f"hasil triwulan {bilangan.romawi(q)} belum diisi "
                          f"untuk KPM {e.nama} ({e.desa}); pilih {_PILIHAN}")
    tidak_ada = [q for q in per_tw if triwulan is None and not diisi[q]]
    if triwulan is None and not dinilai:
        salah(None, None, "belum ada hasil yang diisi: isi hasil satu triwulan untuk semua KPM lebih dahulu")

    # the formulas and their cached values
    hasil_kpm = []
    for lembar, ws, wc, b, e, hasil in baris_kpm:
        rumus = rumus_baris(r, kol, b)
        lengkap = True
        rumus_salah = set()  # a changed formula is reported once, not again for its value
        for i, k in enumerate(kol):
            if k.jenis in ("nilai", "insentif", "jumlah") and not _cek_rumus(ws, b, i, rumus[k.kunci], lembar, salah):
                rumus_salah.add(i)
        for q in dinilai:
            h = hasil[q]
            if any(v in (None, "?") for v in h.values()):
                lengkap = False
                continue
            tw = per_tw[q]
            n = nilai_persen(tw, h)
            e.triwulan[q] = NilaiTriwulan(q, dict(h), n, insentif(tw, n))
        if lengkap:
            for i, k in enumerate(kol):
                if i in rumus_salah:
                    continue
                if k.jenis in ("nilai", "insentif") and k.triwulan in e.triwulan:
                    t = e.triwulan[k.triwulan]
                    _cek_cache(wc, b, i, t.nilai if k.jenis == "nilai" else t.insentif, lembar, salah)
                elif k.jenis == "jumlah" and not tidak_ada and triwulan is None:
                    _cek_cache(wc, b, i, e.jumlah, lembar, salah)
        hasil_kpm.append(e)
    if masalah:
        raise BukuKerjaError(masalah)
    return HasilEvaluasi(data, hasil_kpm, sorted(dinilai))


def _cek_rumus(ws, baris: int, i: int, harap: str, lembar: str, salah) -> bool:
    """Whether the cell still holds its formula (else the problem is reported)."""
    v = ws.cell(row=baris, column=i + 1).value
    if not isinstance(v, str) or not v.startswith("="):
        salah(lembar, f"{huruf_kolom(i)}{baris}", f"rumus diganti dengan nilai '{v if v is not None else ''}'; "
              f"seharusnya {harap}")
        return False
    if _norm_rumus(v) != _norm_rumus(harap):
        salah(lembar, f"{huruf_kolom(i)}{baris}", f"rumus diubah menjadi {v}; seharusnya {harap}")
        return False
    return True


def _cek_cache(wc, baris: int, i: int, harap: Decimal, lembar: str, salah) -> None:
    """A value Excel or LibreOffice computed and saved must equal the rules' value (no cached
    value: the workbook was never recalculated, nothing to compare)."""
    v = _angka(wc.cell(row=baris, column=i + 1).value)
    if v is not None and abs(v - harap) > Decimal("0.005"):
        salah(lembar, f"{huruf_kolom(i)}{baris}", f"nilai tersimpan {v.normalize():f} berbeda dari perhitungan "
              f"aturan {harap:f}; rumus atau aturan di buku kerja diubah")
