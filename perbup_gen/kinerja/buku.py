"""The evaluation workbook's content and layout, shared by the writer
(`keluaran.xlsx_evaluasi`) and the reader (`kinerja.baca`).

One workbook per kabupaten: a sheet "Petunjuk" (how to fill it, the rules, the targets), a sheet
"Rekap" (totals per kecamatan), one sheet per kecamatan with one row per KPM, and a hidden sheet
holding `DataBuku` as JSON (with its SHA-256) so the workbook can be read back without the config.

A kecamatan sheet: title rows, a hidden row of column keys (`kolom()`: "kode_desa",
"tw3:pemantauan-2", "tw3:nilai", "tw3:insentif", "jumlah", ...), a row of quarter headings, a row
of column headings (with the filter), one row per KPM from `BARIS_DATA`, then the total row. The
reader finds every column by its key and checks the keys: the layout is defined here once.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from perbup_gen.kinerja.aturan import Rencana, rencana, rumus_insentif, rumus_nilai
from perbup_gen.konfigurasi.muat import HasilMuat
from perbup_gen.konfigurasi.sel import huruf_kolom
from perbup_gen.konfigurasi.wilayah import DaftarWilayah
from perbup_gen.naskah import bilangan

__all__ = [
    "BukuEvaluasi", "bersih_sel", "BARIS_DATA", "BARIS_JUDUL_TRIWULAN", "BARIS_KEPALA", "BARIS_KUNCI", "LABEL_JUMLAH", "POTONGAN_JSON", "DataBuku", "KPMBaris", "Kecamatan", "Kolom", "LEMBAR_DATA",
    "LEMBAR_PETUNJUK", "LEMBAR_REKAP", "VERSI", "data_buku", "huruf_kolom", "json_buku", "kolom", "rumus_baris", "rumus_total",
    "muat_json_buku",
]

VERSI = 1
LEMBAR_PETUNJUK = "Petunjuk"
LEMBAR_REKAP = "Rekap"
LEMBAR_DATA = "perbup-gen"  # very hidden: the data the workbook was made from
BARIS_KUNCI = 4  # hidden
BARIS_JUDUL_TRIWULAN = 5
BARIS_KEPALA = 6  # the filter row
BARIS_DATA = 7
POTONGAN_JSON = 30000  # characters per cell (Excel holds at most 32,767)
LABEL_JUMLAH = "JUMLAH"


class _Beku(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class KPMBaris(_Beku):
    kode_desa: str
    desa: str
    urutan: int  # 1-based: the n-th KPM of the desa in the roster
    nama: str


class Kecamatan(_Beku):
    kode: str
    nama: str
    lembar: str  # sheet name
    kpm: tuple[KPMBaris, ...]


class DataBuku(_Beku):
    """Everything the workbook was made from: the district, the signing office, the plan, the KPM."""

    versi: int = VERSI
    kode_kabupaten: str
    kabupaten: str  # "Kabupaten Gunung Mas"
    ibu_kota: str
    opd: str  # "Dinas Pemberdayaan Masyarakat dan Desa": evaluates and lists the payments
    jabatan_kepala_opd: str
    kepala_opd: str | None = None
    nip_kepala_opd: str | None = None
    rencana: Rencana
    kecamatan: tuple[Kecamatan, ...]

    @property
    def tahun(self) -> int:
        return self.rencana.tahun

    @property
    def jumlah_kpm(self) -> int:
        return sum(len(k.kpm) for k in self.kecamatan)


@dataclass(frozen=True)
class Kolom:
    kunci: str
    jenis: Literal["identitas", "hasil", "nilai", "insentif", "jumlah", "keterangan"]
    judul: str  # column heading
    triwulan: int | None = None
    target: str | None = None  # target kode for jenis "hasil"
    lebar: float = 14


def kolom(r: Rencana) -> list[Kolom]:
    """The columns of a kecamatan sheet, in order."""
    out = [Kolom("no", "identitas", "No", lebar=5), Kolom("kode_desa", "identitas", "Kode desa", lebar=15),
           Kolom("desa", "identitas", "Desa", lebar=18), Kolom("kpm", "identitas", "Nama KPM", lebar=24)]
    for tw in r.triwulan:
        for t in tw.target:
            kr = r.kriteria_kode(t.kriteria)
            judul = f"{kr.ringkas} (tenggat {bilangan.tanggal(t.tenggat)})"
            out.append(Kolom(f"tw{tw.nomor}:{t.kode}", "hasil", judul, tw.nomor, t.kode, lebar=20))
        out.append(Kolom(f"tw{tw.nomor}:nilai", "nilai", "Nilai (%)", tw.nomor, lebar=10))
        out.append(Kolom(f"tw{tw.nomor}:insentif", "insentif", "Insentif (Rp)", tw.nomor, lebar=14))
    out.append(Kolom("jumlah", "jumlah", "Jumlah insentif (Rp)", lebar=16))
    out.append(Kolom("keterangan", "keterangan", "Keterangan", lebar=28))
    return out


def rumus_baris(r: Rencana, kol: list[Kolom], baris: int) -> dict[str, str]:
    """The formula of every computed cell of a KPM row, by column key (`kinerja.aturan`)."""
    sel = {k.kunci: f"{huruf_kolom(i)}{baris}" for i, k in enumerate(kol)}
    out = {}
    for tw in r.triwulan:
        out[f"tw{tw.nomor}:nilai"] = rumus_nilai(tw, {t.kode: sel[f"tw{tw.nomor}:{t.kode}"] for t in tw.target})
        out[f"tw{tw.nomor}:insentif"] = rumus_insentif(tw, sel[f"tw{tw.nomor}:nilai"])
    out["jumlah"] = f"=SUM({','.join(sel[f'tw{tw.nomor}:insentif'] for tw in r.triwulan)})" if r.triwulan else "=0"
    return out


def rumus_total(kol: list[Kolom], kunci: str, jumlah_kpm: int) -> str:
    """The formula of the total row under column `kunci`."""
    h = huruf_kolom(next(i for i, k in enumerate(kol) if k.kunci == kunci))
    return f"=SUM({h}{BARIS_DATA}:{h}{BARIS_DATA + jumlah_kpm - 1})" if jumlah_kpm else "=0"


_TAK_BOLEH = re.compile(r"[\[\]:*?/\\']")
# characters an XLSX cell cannot hold (openpyxl.cell.cell.ILLEGAL_CHARACTERS_RE)
_ILEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


def bersih_sel(teks: str) -> str:
    """Text as a cell can hold it: control characters dropped, at most 32,767 characters."""
    return _ILEGAL.sub("", teks)[:32767]


def _nama_lembar(nama: str, dipakai: set[str]) -> str:
    """A sheet name from a kecamatan name: no []:*?/\\ ', at most 31 characters, unique
    (case-insensitive, as Excel compares them)."""
    dasar = " ".join(_TAK_BOLEH.sub(" ", nama).split())[:31] or "Kecamatan"
    calon, n = dasar, 2
    while calon.lower() in dipakai:
        akhiran = f" ({n})"
        calon = dasar[: 31 - len(akhiran)] + akhiran
        n += 1
    dipakai.add(calon.lower())
    return calon


def data_buku(hasil: HasilMuat, wilayah: DaftarWilayah | None = None) -> DataBuku:
    """The workbook's data from a validated config: every KPM of every desa, by kecamatan and
    desa code (kelurahan and desa without KPM have no row)."""
    k = hasil.konfigurasi
    wilayah = wilayah or DaftarWilayah.muat()
    per_kecamatan: dict[str, list[KPMBaris]] = {}
    for d in sorted(k.desa_saja(), key=lambda d: d.kode):
        for i, p in enumerate(d.kpm, 1):
            per_kecamatan.setdefault(d.kode_kecamatan, []).append(
                KPMBaris(kode_desa=d.kode, desa=bersih_sel(d.nama or d.kode), urutan=i, nama=bersih_sel(p.nama)))
    dipakai = {LEMBAR_PETUNJUK.lower(), LEMBAR_REKAP.lower(), LEMBAR_DATA.lower()}
    kecamatan = []
    for kode in sorted(per_kecamatan):
        w = wilayah.cari(kode)
        nama = w.nama if w is not None else kode
        nama = bersih_sel(nama)
        kecamatan.append(Kecamatan(kode=kode, nama=nama, lembar=_nama_lembar(nama, dipakai),
                                   kpm=tuple(per_kecamatan[kode])))
    opd = k.opd_pemrakarsa
    kepala = opd.kepala
    return DataBuku(
        kode_kabupaten=k.kabupaten.kode, kabupaten=k.nama_kabupaten, ibu_kota=k.kabupaten.ibu_kota,
        opd=opd.nama, jabatan_kepala_opd=opd.jabatan_kepala or f"Kepala {opd.nama}",
        kepala_opd=(" ".join(x for x in (kepala.gelar_depan, kepala.nama) if x)
                    + (f", {kepala.gelar_belakang}" if kepala.gelar_belakang else "")) if kepala else None,
        nip_kepala_opd=kepala.nip if kepala else None,
        rencana=_dengan_besaran(rencana(k)), kecamatan=tuple(kecamatan))


def json_buku(data: DataBuku) -> tuple[str, str]:
    """The data as JSON text and its SHA-256 (hex), as stored in the hidden sheet."""
    teks = json.dumps(data.model_dump(mode="json"), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return teks, hashlib.sha256(teks.encode("utf-8")).hexdigest()


def muat_json_buku(teks: object, sha: object) -> DataBuku:
    """The stored data, checked against its hash; ValueError (Indonesian) when unusable."""
    if not isinstance(teks, str) or not isinstance(sha, str):
        raise ValueError("data buku kerja tidak ada")
    if hashlib.sha256(teks.encode("utf-8")).hexdigest() != sha:
        raise ValueError("data buku kerja telah diubah (hash tidak cocok)")
    try:
        data = DataBuku.model_validate(json.loads(teks))
    except (ValueError, ValidationError) as e:
        raise ValueError(f"data buku kerja tidak dapat dibaca ({type(e).__name__})") from None
    if data.versi != VERSI:
        raise ValueError(f"buku kerja versi {data.versi}; versi ini hanya membaca versi {VERSI}")
    return data


@dataclass(frozen=True)
class BukuEvaluasi:
    """What the workbook writer renders: the data and the wording (from clauses/evaluasi.yaml,
    already rendered: `judul_buku`, `petunjuk`)."""

    data: DataBuku
    judul: str
    petunjuk: tuple[str, ...]


def _dengan_besaran(r):
    r.pastikan_besaran()
    return r
