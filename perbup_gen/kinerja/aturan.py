"""The evaluation rules of the KPM incentive, in one place.

The plan (`Rencana`) of a year is computed from the config: the contract period, the calendar
quarters it touches, the incentive ceiling (pagu) of each quarter, and every target of every
criterion with its deadline (tenggat). A target is assessed in the quarter its deadline falls in.

Scoring (`HASIL`): each target is "tercapai" (100), "sebagian" (50) or "tidak" (0). The score of a
quarter (`nilai_persen`) is the weighted mean of its targets, in percent, rounded half up to two
decimals; a quarter without any target scores 100. The incentive of a quarter (`insentif`) is its
pagu times that score / 100, rounded half up to whole rupiah. The incentive scored is the
Pemerintah Daerah's performance incentive (`kpm.insentif.kinerja`, APBD; the desa's regular
incentive from the APB Desa is paid on the reports and not scored). The pagu of a quarter is the
incentive amount times the contract months in it (a period of "triwulan" is 3 months, "semester"
6, "tahun" 12), rounded to whole rupiah.

`rumus_nilai` and `rumus_insentif` write the same rules as Excel formulas a clerk can read
(empty until every target of the quarter has a result):
    =IF(COUNTA(E8,F8)<2,"",ROUND(100*(IF(E8="tercapai",1,IF(E8="sebagian",0.5,0))+IF(F8=...))/2,2))
    =IF(G8="","",ROUND(1500000*G8/100,0))
The workbook carries them, the reader recomputes with the functions, and tests check that
LibreOffice and these functions agree.
"""
from __future__ import annotations

import calendar
import datetime as _dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Mapping

from pydantic import BaseModel, ConfigDict

from perbup_gen.konfigurasi.jadwal_insentif import Jadwal
from perbup_gen.konfigurasi.model import Konfigurasi
from perbup_gen.naskah import bilangan

__all__ = [
    "HASIL", "BULAN_PERIODE", "Hasil", "KriteriaRencana", "Rencana", "Target", "Triwulan",
    "akhir_bulan", "hasil_sah", "insentif", "jadwal_teks", "nilai_persen",
    "rencana", "rumus_insentif", "rumus_nilai", "skor",
]

BULAN_PERIODE = {"bulan": 1, "triwulan": 3, "semester": 6, "tahun": 12}
_SEN = Decimal("0.01")
_RUPIAH = Decimal(1)


class _Beku(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Hasil(_Beku):
    kode: str  # what the clerk picks in the workbook
    label: str  # how documents say it
    nilai: int  # percent


HASIL: tuple[Hasil, ...] = (
    Hasil(kode="tercapai", label="tercapai", nilai=100),
    Hasil(kode="sebagian", label="tercapai sebagian", nilai=50),
    Hasil(kode="tidak", label="tidak tercapai", nilai=0),
)
_NILAI = {h.kode: Decimal(h.nilai) / 100 for h in HASIL}


class KriteriaRencana(_Beku):
    kode: str
    uraian: str
    ringkas: str
    jadwal: str  # the rule in words: "setiap 3 (tiga) bulan mulai bulan April sampai dengan bulan Desember"
    tanpa_jadwal: bool = False  # no rule in the config: assessed every quarter
    bobot: int


class Target(_Beku):
    kode: str  # "<criterion>-<n>", unique in the plan
    kriteria: str
    ke: int  # 1-based occurrence of its criterion
    dari: _dt.date  # start of the period it covers
    tenggat: _dt.date
    triwulan: int
    bobot: int


class Triwulan(_Beku):
    nomor: int  # 1..4
    mulai: _dt.date  # the part of the quarter inside the contract
    selesai: _dt.date
    bulan: int  # contract months in the quarter
    pagu: Decimal | None  # the incentive at a score of 100 (None: the amount is not set yet)
    target: tuple[Target, ...]


class Rencana(_Beku):
    tahun: int
    mulai: _dt.date
    selesai: _dt.date
    jumlah: Decimal | None  # incentive amount per `periode` (None: not set yet)
    periode: str
    sumber: str
    kriteria: tuple[KriteriaRencana, ...]
    triwulan: tuple[Triwulan, ...]  # only quarters the contract touches
    kepala_daerah: str = "Bupati/Wali Kota"  # whose decree sets the amount ("Bupati", "Wali Kota", "Walikota")

    def kriteria_kode(self, kode: str) -> KriteriaRencana:
        return next(k for k in self.kriteria if k.kode == kode)

    @property
    def target(self) -> list[Target]:
        return [t for tw in self.triwulan for t in tw.target]

    @property
    def pagu(self) -> Decimal | None:
        if any(tw.pagu is None for tw in self.triwulan):
            return None
        return sum((tw.pagu for tw in self.triwulan), Decimal(0))

    def pastikan_besaran(self) -> None:
        """Refuse money without an amount (the contract, the workbook, the payment list)."""
        if self.jumlah is None:
            from perbup_gen.errors import PerbupGenError

            raise PerbupGenError(tanpa_besaran(self.kepala_daerah))

    @property
    def bulan(self) -> int:
        return sum(tw.bulan for tw in self.triwulan)


# --- dates ---------------------------------------------------------------------------------------


def akhir_bulan(tahun: int, bulan: int) -> _dt.date:
    return _dt.date(tahun, bulan, calendar.monthrange(tahun, bulan)[1])


def _tambah_bulan(d: _dt.date, n: int) -> _dt.date:
    """`d` plus `n` months, the day clamped to the month's end (31 January + 1 -> 28/29 February)."""
    b = d.month - 1 + n
    tahun, bulan = d.year + b // 12, b % 12 + 1
    return _dt.date(tahun, bulan, min(d.day, calendar.monthrange(tahun, bulan)[1]))


def triwulan_dari(d: _dt.date) -> int:
    return (d.month - 1) // 3 + 1


# --- the plan ------------------------------------------------------------------------------------


def jadwal_teks(j: Jadwal | None) -> str:
    """A deadline rule in words, for documents."""
    if j is None:
        return "setiap triwulan"
    if j.jenis == "awal":
        return f"sekali, setelah {bilangan.bilangan(j.bulan, 'bulan')} pertama masa kontrak"
    teks = f"setiap {bilangan.bilangan(j.bulan, 'bulan')}"
    if (j.dari, j.sampai) != (1, 12):
        teks += (f" mulai bulan {bilangan.nama_bulan(j.dari)} sampai dengan bulan "
                 f"{bilangan.nama_bulan(j.sampai)}")
    return teks


def _tenggat(j: Jadwal, mulai: _dt.date, selesai: _dt.date) -> list[tuple[_dt.date, _dt.date]]:
    """(period start, deadline) of every target of one rule within the contract."""
    if j.jenis == "awal":
        akhir = _tambah_bulan(mulai, j.bulan) - _dt.timedelta(days=1)
        return [(mulai, min(akhir, selesai))]
    out = []
    tahun = mulai.year
    b = j.dari
    while b <= j.sampai:
        ujung = min(b + j.bulan - 1, j.sampai)
        awal_p, akhir_p = _dt.date(tahun, b, 1), akhir_bulan(tahun, ujung)
        dari, sampai = max(awal_p, mulai), min(akhir_p, selesai)
        if dari <= sampai:
            out.append((dari, sampai))
        b += j.bulan
    return out


def rencana(k: Konfigurasi) -> Rencana:
    """The year's plan of the district's KPM contracts (the same for every KPM)."""
    ins = k.kpm.insentif
    mulai, selesai = k.masa_kontrak
    kriteria, semua_target = [], []
    for kr in ins.kriteria:
        j = kr.jadwal_terurai
        kriteria.append(KriteriaRencana(kode=kr.kode, uraian=kr.uraian, ringkas=kr.ringkas, bobot=kr.bobot,
                                        jadwal=jadwal_teks(j), tanpa_jadwal=j is None))
        aturan = j or Jadwal("berkala", 3)  # no rule: one target per quarter
        for n, (dari, tenggat) in enumerate(_tenggat(aturan, mulai, selesai), 1):
            semua_target.append(Target(kode=f"{kr.kode}-{n}", kriteria=kr.kode, ke=n, dari=dari,
                                       tenggat=tenggat, triwulan=triwulan_dari(tenggat), bobot=kr.bobot))
    triwulan = []
    kin = ins.kinerja  # the Pemerintah Daerah's performance incentive (APBD) is what the plan pays
    per_periode = BULAN_PERIODE[kin.periode]
    for q in range(1, 5):
        awal_q, akhir_q = _dt.date(mulai.year, 3 * q - 2, 1), akhir_bulan(mulai.year, 3 * q)
        dari, sampai = max(awal_q, mulai), min(akhir_q, selesai)
        if dari > sampai:
            continue
        bulan = sampai.month - dari.month + 1
        pagu = (None if kin.jumlah is None  # no amount yet: dates and targets only
                else (kin.jumlah * bulan / per_periode).quantize(_RUPIAH, ROUND_HALF_UP))
        # in the order of the criteria (the same columns in every quarter), then by deadline
        target = [t for t in semua_target if t.triwulan == q]
        triwulan.append(Triwulan(nomor=q, mulai=dari, selesai=sampai, bulan=bulan, pagu=pagu,
                                 target=tuple(target)))
    return Rencana(tahun=k.tahun, mulai=mulai, selesai=selesai, jumlah=kin.jumlah, periode=kin.periode,
                   sumber=kin.sumber, kriteria=tuple(kriteria), triwulan=tuple(triwulan), kepala_daerah=k.kepala_daerah)


def tanpa_besaran(kepala_daerah: str = "Bupati/Wali Kota") -> str:
    """Why no contract or workbook is made; `kepala_daerah` the region's head ("Bupati", "Wali Kota",
    "Walikota") whose decree sets the amount."""
    return ("besaran insentif kinerja belum ditetapkan (kpm.insentif.kinerja.jumlah): kontrak tugas dan buku "
            "kerja evaluasi menghitung insentif dari besaran itu; tulis besaran yang ditetapkan dengan "
            f"Keputusan {kepala_daerah}")


TANPA_BESARAN = tanpa_besaran()  # without a config at hand


def ada_besaran(k: Konfigurasi) -> bool:
    """Whether the plan can be made: the performance incentive has its amount."""
    return k.kpm.insentif.kinerja.jumlah is not None


# --- scoring -------------------------------------------------------------------------------------


def hasil_sah(nilai: str) -> str | None:
    """The result code of a cell value ("Tercapai" -> "tercapai"), or None when not one of HASIL.
    Spaces around the word are refused: Excel's formula would not see the word."""
    if not isinstance(nilai, str) or nilai != nilai.strip():
        return None
    s = nilai.lower()
    return s if s in _NILAI else None


def skor(kode_hasil: str) -> Decimal:
    return _NILAI[kode_hasil]


def nilai_persen(tw: Triwulan, hasil: Mapping[str, str]) -> Decimal:
    """The score of a quarter in percent (two decimals) from the result code of each target."""
    if not tw.target:
        return Decimal(100)
    total = sum(t.bobot for t in tw.target)
    jumlah = sum((t.bobot * skor(hasil[t.kode]) for t in tw.target), Decimal(0))
    return (Decimal(100) * jumlah / total).quantize(_SEN, ROUND_HALF_UP)


def insentif(tw: Triwulan, persen: Decimal) -> Decimal:
    """The incentive a quarter's score earns, in whole rupiah."""
    if tw.pagu is None:
        raise ValueError(TANPA_BESARAN)
    return (tw.pagu * persen / 100).quantize(_RUPIAH, ROUND_HALF_UP)


# --- the same rules as Excel formulas --------------------------------------------------------------


def _skor_rumus(sel: str) -> str:
    tercapai, sebagian = HASIL[0], HASIL[1]
    return (f'IF({sel}="{tercapai.kode}",{tercapai.nilai // 100},'
            f'IF({sel}="{sebagian.kode}",{Decimal(sebagian.nilai) / 100},0))')


def rumus_nilai(tw: Triwulan, sel: Mapping[str, str]) -> str:
    """The score formula of a quarter; `sel` maps each target's kode to its cell ("E8"). Empty
    until every target of the quarter has a result."""
    if not tw.target:
        return "=100"
    sel_t = [sel[t.kode] for t in tw.target]
    bagian = [(f"{t.bobot}*" if t.bobot != 1 else "") + _skor_rumus(c) for t, c in zip(tw.target, sel_t)]
    total = sum(t.bobot for t in tw.target)
    return (f'=IF(COUNTA({",".join(sel_t)})<{len(sel_t)},"",'
            f"ROUND(100*({'+'.join(bagian)})/{total},2))")


def rumus_insentif(tw: Triwulan, sel_nilai: str) -> str:
    """The incentive formula of a quarter from its score cell (empty while the score is)."""
    if tw.pagu is None:
        raise ValueError(TANPA_BESARAN)
    return f'=IF({sel_nilai}="","",ROUND({tw.pagu}*{sel_nilai}/100,0))'
