"""The district config: what a kabupaten says about itself, validated.

Field names are the domain's Indonesian words. Defaults that a district rarely changes (KPM tasks,
the kecamatan's roles, incentive criteria, ...) are NOT written here: they come from
`clauses/bawaan.yaml` (wording from the juknis), merged under the district's files by `muat.py`.
Validation problems are collected and reported together by `muat.py`, with file and line.
"""
from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal
from typing import Annotated, Any, Literal, Optional

from pydantic import AliasChoices, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from perbup_gen.konfigurasi.dasar import Model, Teks
from perbup_gen.konfigurasi.jadwal_insentif import Jadwal, urai_jadwal
from perbup_gen.konfigurasi.nomor import periksa_pola
from perbup_gen.konfigurasi.peraturan import Peraturan, PeraturanKabupaten

PENDIDIKAN = ["SD", "SLTP", "SLTA", "D1", "D2", "D3", "D4", "S1", "S2", "S3"]
_PENDIDIKAN_SINONIM = {
    "SMP": "SLTP", "MTS": "SLTP", "SLTP": "SLTP",
    "SMA": "SLTA", "SMK": "SLTA", "MA": "SLTA", "SMU": "SLTA", "SLTA": "SLTA", "PAKET C": "SLTA",
    "PAKET B": "SLTP", "MI": "SD", "SD": "SD", "PAKET A": "SD",
    "DIPLOMA I": "D1", "DIPLOMA II": "D2", "DIPLOMA III": "D3", "DIPLOMA IV": "D4",
    "S-1": "S1", "S-2": "S2", "S-3": "S3",
}


def normalkan_pendidikan(nilai: str) -> str:
    """'SMA' -> 'SLTA', 'smp' -> 'SLTP', 'S-1' -> 'S1'. Raises ValueError for an unknown level."""
    kunci = re.sub(r"\s+", " ", str(nilai).strip().upper())
    if kunci in PENDIDIKAN:
        return kunci
    if kunci in _PENDIDIKAN_SINONIM:
        return _PENDIDIKAN_SINONIM[kunci]
    raise ValueError(f"jenjang pendidikan '{nilai}' tidak dikenal; gunakan salah satu dari {', '.join(PENDIDIKAN)} (atau SMP/SMA/SMK)")


def tingkat_pendidikan(jenjang: str) -> int:
    return PENDIDIKAN.index(normalkan_pendidikan(jenjang))


# --- amounts and dates as clerks type them ---------------------------------------------------------

_RP_AWAL = re.compile(r"^rp\.?\s*", re.IGNORECASE)
_RUPIAH = [
    (re.compile(r"\d+"), None, None),  # 941000000
    (re.compile(r"\d+[.,]\d{1,2}"), None, None),  # 1500000,50 / 1500000.5 (sen)
    (re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?"), ".", ","),  # 941.000.000 / 114.840.000,00
    (re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?"), ",", "."),  # 941,000,000 / 941,000,000.00
]
PESAN_RUPIAH = ("harus berupa angka rupiah yang terbaca pasti: tulis angka saja (1500000), dengan titik "
                "ribuan (1.500.000), atau Rp 1.500.000,00")


def baca_rupiah(nilai: Any) -> Any:
    """An amount as typed: '941000000', '941.000.000', '941,000,000', 'Rp 114.840.000,00',
    'Rp 1.500.000,-' -> Decimal. Only forms with one reading are taken (a separator followed by
    three digits is a thousands separator, by one or two the sen); anything else raises
    ValueError and is reported with the text as typed. Numbers (YAML, Excel) pass unchanged."""
    if not isinstance(nilai, str):
        return nilai
    t = _RP_AWAL.sub("", nilai.strip().replace("\u00a0", " "))
    t = re.sub(r",-$", "", t).strip()
    for pola, ribuan, desimal in _RUPIAH:
        if pola.fullmatch(t):
            if ribuan:
                t = t.replace(ribuan, "").replace(desimal, ".")
            return Decimal(t.replace(",", "."))
    raise ValueError(PESAN_RUPIAH)


_TANGGAL_HBT = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_BENTUK_TANGGAL = "tulis HH/BB/TTTT (mis. 31/05/2025) atau TTTT-BB-HH (mis. 2025-05-31)"
PESAN_TANGGAL = f"tanggal tidak dapat dibaca; {_BENTUK_TANGGAL}"


def baca_tanggal(nilai: Any) -> Any:
    """A date as typed or exported by Indonesian Excel: '31/05/2025', '31-05-2025', '31.05.2025'
    (day first, four-digit year) or ISO '2025-05-31'. Anything else raises ValueError."""
    if not isinstance(nilai, str):
        return nilai
    t = nilai.strip()
    m = _TANGGAL_HBT.fullmatch(t)
    if m:
        try:
            return _dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            raise ValueError(f"tanggal tidak ada di kalender; {_BENTUK_TANGGAL}") from None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[T ]00:00(?::00)?)?", t):
        try:
            return _dt.date.fromisoformat(t[:10])
        except ValueError:
            raise ValueError(f"tanggal tidak ada di kalender; {_BENTUK_TANGGAL}") from None
    raise ValueError(PESAN_TANGGAL)


Rupiah = Annotated[Decimal, Field(ge=0), BeforeValidator(baca_rupiah)]  # not negative
RupiahPositif = Annotated[Decimal, Field(gt=0), BeforeValidator(baca_rupiah)]
Tanggal = Annotated[_dt.date, BeforeValidator(baca_tanggal)]
# a regulation's number or a Pasal number: YAML reads `nomor: 12` as an int, kept as text "12"
Nomor = Annotated[Teks, BeforeValidator(lambda v: str(v) if isinstance(v, int) else v)]


KODE_KABUPATEN = r"^\d{2}\.\d{2}$"
KODE_KECAMATAN = r"^\d{2}\.\d{2}\.\d{2}$"
KODE_DESA = r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$"


class Orang(Model):
    nama: Teks = Field(min_length=1)
    nip: Optional[Teks] = None
    gelar_depan: Optional[Teks] = None
    gelar_belakang: Optional[Teks] = None

    @field_validator("nip")
    @classmethod
    def _nip(cls, v: Optional[str]) -> Optional[str]:
        if v is None:
            return v
        angka = re.sub(r"\s+", "", str(v))
        if not re.fullmatch(r"\d{18}", angka):
            raise ValueError("NIP harus 18 digit angka (spasi boleh)")
        return v


class Pejabat(Orang):
    jabatan: Teks = Field(min_length=1)


class PejabatDaerah(Model):
    # the regional head: the Bupati, or in a kota the Wali Kota (also written `wali_kota:`)
    bupati: Orang = Field(validation_alias=AliasChoices("bupati", "wali_kota"),
                          description="Bupati, atau Wali Kota di kota (boleh ditulis `wali_kota:`)")
    wakil_bupati: Optional[Orang] = Field(default=None, validation_alias=AliasChoices("wakil_bupati", "wakil_wali_kota"),
                                          description="Wakil Bupati atau Wakil Wali Kota (boleh ditulis `wakil_wali_kota:`)")
    sekretaris_daerah: Orang
    asisten: list[Pejabat] = Field(default_factory=list)
    kepala_bagian_hukum: Orang


class Kabupaten(Model):
    """The kabupaten or kota (a kota: the second group of its code is 71 or above)."""

    kode: str = Field(pattern=KODE_KABUPATEN)
    nama: Teks = Field(min_length=1)  # without "Kabupaten"/"Kota": "Gunung Mas", "Batu"
    provinsi: Teks = Field(min_length=1)  # without "Provinsi"
    ibu_kota: Teks = Field(min_length=1)  # where decrees are "ditetapkan"
    dasar_pembentukan: str = Field(min_length=1)  # key in the citation table, or an entry in dasar_hukum.tambahan
    lambang: Optional[str] = None  # image file, relative to the config folder


class SebutanDesaKonfigurasi(Model):
    """The names of one desa that differ from its kabupaten/kota (a kampung adat, a negeri)."""

    desa: Optional[Teks] = None
    kepala_desa: Optional[Teks] = None
    bpd: Optional[Teks] = None
    apb_desa: Optional[Teks] = None
    peraturan_desa: Optional[Teks] = None
    keputusan: Optional[Teks] = None


class SebutanKonfigurasi(Model):
    """The region's own names, over the table `perbup_gen/data/sebutan.csv` (empty: the table's;
    a name written here counts as confirmed by the district and `check` stops asking)."""

    desa: Optional[Teks] = Field(default=None, description="sebutan desa: Desa, Gampong, Nagari, Kampung, Kalurahan, Pekon, ...")
    kepala_desa: Optional[Teks] = Field(default=None, description="Kepala Desa, Keuchik, Wali Nagari, Kepala Kampung, Lurah, ...")
    sekretaris_desa: Optional[Teks] = None
    bpd: Optional[Teks] = Field(default=None, description="badan permusyawaratan desa, singkatannya dalam kurung: "
                                "'Badan Permusyawaratan Nagari (BPN)', 'Tuha Peut Gampong'")
    apb_desa: Optional[Teks] = Field(default=None, description="anggaran desa, singkatannya dalam kurung: "
                                     "'Anggaran Pendapatan dan Belanja Gampong (APBG)'")
    kecamatan: Optional[Teks] = Field(default=None, description="Kecamatan, Distrik, Kapanewon")
    kepala_kecamatan: Optional[Teks] = Field(default=None, description="Camat, Kepala Distrik, Panewu")
    peraturan_desa: Optional[Teks] = Field(default=None, description="Peraturan Desa, Qanun Gampong, Peraturan Nagari, ...")
    dusun: Optional[Teks] = None
    keputusan: Optional[Teks] = Field(default=None, description="jabatan yang menetapkan keputusan desa, seperti "
                                      "dalam judul 'Keputusan Keuchik Gampong' (bawaan: kepala_desa)")
    pembukaan: Optional[list[Teks]] = Field(default=None, description="kalimat pembuka peraturan kepala daerah, "
                                            "satu baris per butir: ['DENGAN RAHMAT TUHAN YANG MAHA ESA']")
    pembukaan_desa: Optional[list[Teks]] = Field(default=None, description="kalimat pembuka keputusan desa "
                                                 "(kosong: tanpa kalimat pembuka)")
    kepala_daerah: Optional[Literal["Bupati", "Wali Kota", "Walikota"]] = Field(
        default=None, description="ejaan kepala daerah: Bupati (kabupaten), 'Wali Kota' atau 'Walikota' (kota)")
    # single desa with names of their own, by desa code (over perbup_gen/data/sebutan_desa.csv)
    desa_khusus: dict[str, SebutanDesaKonfigurasi] = Field(
        default_factory=dict, description="sebutan desa tertentu yang berbeda (kampung adat, negeri), per kode desa")

    @field_validator("desa_khusus")
    @classmethod
    def _kode_desa(cls, v):
        for kode in v:
            if not re.fullmatch(KODE_DESA, kode):
                raise ValueError(f"'{kode}' bukan kode desa (mis. 91.03.01.3007)")
        return v

    @field_validator("pembukaan", "pembukaan_desa", mode="before")
    @classmethod
    def _baris(cls, v):
        if isinstance(v, str):  # "BISMILLAHIRRAHMANIRRAHIM | DENGAN RAHMAT ..." as in the table
            return [b.strip() for b in v.split("|") if b.strip()]
        return v

    def timpa(self) -> dict[str, Any]:
        """The names written, as the table's fields (a list of lines joined with ' | ')."""
        hasil = {}
        for k, v in self.model_dump(exclude_none=True, exclude={"desa_khusus"}).items():
            hasil[k] = " | ".join(v) if isinstance(v, list) else v
            if isinstance(v, list) and not v:
                hasil[k] = "-"
        return hasil


class OPD(Model):
    kode: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    nama: Teks
    singkatan: Teks
    kepala: Optional[Orang] = None
    jabatan_kepala: Optional[Teks] = None  # default "Kepala <nama>"
    intervensi: list[Teks] = Field(default_factory=list)


class KewenanganDesa(Model):
    kegiatan: list[Teks] = Field(min_length=1)  # local-scale activities a desa may decide and fund


class MataAnggaran(Model):
    kegiatan: Teks
    sumber: Teks = "Dana Desa"
    jumlah: Optional[Rupiah] = None
    persen: Optional[Decimal] = Field(default=None, ge=0, le=100)


class AlokasiAPBDes(Model):
    sumber_dana: list[Teks] = Field(min_length=1)
    persen_dana_desa_minimal: Optional[Decimal] = Field(default=None, ge=0, le=100)
    # what the minimum share rests on, printed after it ("berdasarkan ..."); required with it
    dasar_persen_dana_desa: Optional[Teks] = None
    kegiatan: list[MataAnggaran] = Field(default_factory=list)


class Camat(Model):
    kode: str = Field(pattern=KODE_KECAMATAN)
    camat: Optional[Orang] = None


class PeranKecamatan(Model):
    peran: list[Teks] = Field(min_length=1)  # the three of the juknis by default
    peran_tambahan: list[Teks] = Field(default_factory=list)
    agenda_rapat: list[Teks] = Field(default_factory=list)
    rapat_koordinasi_bulan: int = Field(default=3, ge=1, le=12)  # "sekurang-kurangnya setiap 3 (tiga) bulan"
    daftar: list[Camat] = Field(default_factory=list)


class Koordinasi(Model):
    pendamping: list[Teks] = Field(min_length=1)  # program facilitators
    bentuk: list[Teks] = Field(min_length=1)  # forms of coordination
    koordinator_data: Optional[str] = None  # OPD kode that consolidates data (default: Bappeda if present)


class LembagaMasyarakat(Model):
    nama: Teks
    peran: list[Teks] = Field(min_length=1)
    # a Lembaga Kemasyarakatan Desa (Permendagri 18/2018; Posyandu also Permendagri 13/2024), or
    # another service unit in the desa that takes part (a PAUD unit is not an LKD)
    lkd: bool = True


class InsentifKinerja(Model):
    """The kabupaten/kota's performance incentive (APBD), paid on the juknis criteria (`kriteria`)."""

    jumlah: Optional[RupiahPositif] = None  # None: set by a Keputusan Bupati (no contract or workbook yet)
    periode: Literal["bulan", "triwulan", "semester", "tahun"] = "triwulan"
    sumber: Teks = "Anggaran Pendapatan dan Belanja Daerah"


class KriteriaInsentif(Model):
    """One criterion of the performance-based incentive (juknis Aksi 5, Tahap Ketiga angka 2): its
    wording (Perbup, SK KPM, contract), a short label (tables, workbook), the deadline rule from
    which the contract's dated targets are computed (`kinerja.aturan`), and its weight."""

    kode: Optional[str] = Field(default=None, pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=30)  # default k1, k2, ...
    uraian: Teks = Field(min_length=1)
    ringkas: Optional[Teks] = Field(default=None, max_length=80)  # default: the wording, shortened
    jadwal: Optional[Teks] = None  # "3 bulan pertama", "setiap 3 bulan", "setiap 3 bulan April-Desember"
    bobot: int = Field(default=1, ge=1, le=100)

    @field_validator("jadwal")
    @classmethod
    def _jadwal(cls, v: Optional[str]) -> Optional[str]:
        if v is not None:
            urai_jadwal(v)
        return v

    @property
    def jadwal_terurai(self) -> Optional[Jadwal]:
        return urai_jadwal(self.jadwal) if self.jadwal else None


def _ringkas(uraian: str, panjang: int = 60) -> str:
    """A short label from a criterion's wording: up to the first comma, at most `panjang` characters."""
    s = uraian.split(",")[0].strip()
    if len(s) > panjang:
        s = s[:panjang].rsplit(" ", 1)[0] + " ..."
    return s[:1].upper() + s[1:]


class PengaturanKontrak(Model):
    """The task contract between the Kepala Desa and each KPM (juknis Aksi 5, Tahap Ketiga angka 2
    huruf b). Within one budget year."""

    mulai: Optional[_dt.date] = None  # default: sk_kpm.tanggal, else 1 January of `tahun`
    selesai: Optional[_dt.date] = None  # default: 31 December of `tahun`
    tanggal: Optional[_dt.date] = None  # signing date; default: `mulai`
    saksi: list[Teks] = Field(default_factory=list)  # the offices that witness (names unknown: dots)


class Insentif(Model):
    # the desa's regular incentive, budgeted in the APB Desa
    jumlah: RupiahPositif
    periode: Literal["bulan", "triwulan", "semester", "tahun"] = "bulan"
    sumber: Teks = "Dana Desa"
    # the juknis criteria of the performance-based incentive, with their schedule and weight (one
    # place: the Perbup, the SK KPM, the task contract and the evaluation workbook read them)
    kriteria: list[KriteriaInsentif] = Field(min_length=1)
    kinerja: InsentifKinerja = Field(default_factory=InsentifKinerja)
    bukan_uang: list[Teks] = Field(default_factory=list)

    @field_validator("kriteria", mode="before")
    @classmethod
    def _teks_lama(cls, v):
        """A plain text is the form before structured criteria: still accepted as its wording (a
        check warns that it has no deadline rule and is assessed every quarter)."""
        return [{"uraian": x} if isinstance(x, str) else x for x in v] if isinstance(v, list) else v

    @model_validator(mode="after")
    def _kriteria(self) -> "Insentif":
        daftar = self.kriteria
        dilihat: set[str] = set()
        for i, k in enumerate(daftar, 1):
            if k.kode is None:
                k.kode = f"k{i}"
            if k.ringkas is None:
                k.ringkas = _ringkas(k.uraian)
            if k.kode in dilihat:
                raise ValueError(f"kode kriteria insentif '{k.kode}' dipakai dua kali")
            dilihat.add(k.kode)
        self.kriteria = daftar
        return self


class PengaturanKPM(Model):
    pendidikan_minimal: str = "SLTA"
    syarat: list[Teks] = Field(min_length=1)
    tugas: list[Teks] = Field(min_length=1)
    insentif: Insentif
    kontrak: PengaturanKontrak = Field(default_factory=PengaturanKontrak)
    laporan_bulan: int = Field(default=3, ge=1, le=12)
    jumlah_minimal_per_desa: int = Field(default=1, ge=1)
    masa_tugas_tahun: int = Field(default=1, ge=1, le=6)  # term of an appointment

    _norm = field_validator("pendidikan_minimal")(classmethod(lambda cls, v: normalkan_pendidikan(v)))


class AnggotaTim(Model):
    jabatan_tim: Teks  # "Ketua", "Sekretaris", "Anggota"
    jabatan: Teks  # office: "Kepala Dinas Pemberdayaan Masyarakat dan Desa"
    nama: Optional[Teks] = None
    # "pemrakarsa" (staff of the initiating OPD), "perangkat daerah", "kecamatan",
    # "lembaga kemasyarakatan", "akademisi", "pendamping program", "masyarakat"
    unsur: Optional[Teks] = None
    instansi: Optional[Teks] = None  # a non-government member's institution: "Universitas ..."


# unsur of a member from outside the local government (academic, community, programme staff)
UNSUR_LUAR = ("akademisi", "lembaga", "masyarakat", "pendamping", "tokoh", "perguruan tinggi", "swasta")
# of those, members whose office does not name their institution: "<jabatan> pada <instansi>"
UNSUR_INSTANSI = ("akademisi", "pendamping", "tokoh", "perguruan tinggi", "swasta")


def anggota_luar(a: AnggotaTim) -> bool:
    """A member from outside the local government, by `unsur`."""
    return bool(a.unsur) and any(u in a.unsur.lower() for u in UNSUR_LUAR)


def anggota_perlu_instansi(a: AnggotaTim) -> bool:
    """An outside member whose office does not name the institution ("Dosen", "Akademisi")."""
    return bool(a.unsur) and any(u in a.unsur.lower() for u in UNSUR_INSTANSI)


class TimPenyusun(Model):
    ditetapkan_oleh: Literal["bupati", "kepala_opd"] = "bupati"
    anggota: list[AnggotaTim] = Field(default_factory=list)  # empty: derived from the OPD (builder)
    tugas: list[Teks] = Field(min_length=1)
    nomor: Optional[Teks] = None
    tanggal: Optional[Tanggal] = None

    @model_validator(mode="after")
    def _ketua_sekretaris(self) -> "TimPenyusun":
        jabatan = [a.jabatan_tim.lower() for a in self.anggota]
        if not jabatan:
            return self
        if "ketua" not in jabatan:
            raise ValueError("tim penyusun harus mempunyai seorang Ketua (jabatan_tim: Ketua)")
        if "sekretaris" not in jabatan:
            raise ValueError("tim penyusun harus mempunyai seorang Sekretaris dari Bagian Hukum (jabatan_tim: Sekretaris)")
        return self


class BarisParafKoordinasi(Model):
    jabatan: Teks
    nama: Optional[Teks] = None


class DasarHukum(Model):
    pilih: list[str] = Field(min_length=1)  # keys of the citation table, in any order
    tambahan: dict[str, Peraturan] = Field(default_factory=dict)  # local additions, by key


class TataLetak(Model):
    lebar_mm: Decimal = Field(default=Decimal("215"), gt=50, le=600)
    tinggi_mm: Decimal = Field(default=Decimal("330"), gt=50, le=900)
    margin_atas_mm: Decimal = Field(default=Decimal("20"), ge=0, le=100)
    margin_bawah_mm: Decimal = Field(default=Decimal("20"), ge=0, le=100)
    margin_kiri_mm: Decimal = Field(default=Decimal("30"), ge=0, le=100)
    margin_kanan_mm: Decimal = Field(default=Decimal("20"), ge=0, le=100)
    huruf: Teks = "Bookman Old Style"
    ukuran_huruf: int = Field(default=12, ge=6, le=24)


class BeritaDaerah(Model):
    tahun: Optional[int] = Field(default=None, ge=1945, le=2100)
    nomor: Optional[Nomor] = None


class PerbupDicabut(Model):
    """An earlier Perbup that this one replaces (revoked in its closing chapter)."""

    nomor: Nomor
    tahun: int = Field(ge=1945, le=2100)
    tentang: Teks = Field(min_length=1)
    berita_daerah: BeritaDaerah = Field(default_factory=BeritaDaerah)


class PerubahanSebelumnya(Model):
    """An earlier amendment of the Perbup being amended (the next one is "Perubahan Kedua")."""

    nomor: Nomor
    tahun: int = Field(ge=1945, le=2100)
    tentang: Optional[Teks] = None  # default: "Perubahan [Kedua] atas Peraturan Bupati ..."
    berita_daerah: BeritaDaerah = Field(default_factory=BeritaDaerah)


class PasanganPatok(Model):
    """A pin of the alignment: old Pasal `lama` is new Pasal `baru` (its number in the new version
    as built, or its clause label); `baru` empty: `lama` is deleted; `lama` empty: `baru` is new."""

    lama: Optional[Nomor] = None
    baru: Optional[Nomor] = None

    @model_validator(mode="after")
    def _salah_satu(self) -> "PasanganPatok":
        if not self.lama and not self.baru:
            raise ValueError("isi 'lama', 'baru', atau keduanya")
        return self


class PerbupDiubah(Model):
    """The Perbup this one amends (Lampiran II UU 12/2011, amending a regulation)."""

    berkas: Teks = Field(min_length=1)  # the old text (.docx, .pdf, .txt, .md, .akn.xml), relative to the config folder
    nomor: Optional[Nomor] = None  # default: as the old text's title says
    tahun: Optional[int] = Field(default=None, ge=1945, le=2100)
    tentang: Optional[Teks] = None
    berita_daerah: BeritaDaerah = Field(default_factory=BeritaDaerah)
    perubahan_sebelumnya: list[PerubahanSebelumnya] = Field(default_factory=list)
    # otomatis: an amendment, or the replacement when the change reshapes the structure or touches
    # more than half of the material; perubahan / penggantian / keduanya: as asked
    bentuk: Literal["otomatis", "perubahan", "penggantian", "keduanya"] = "otomatis"
    pasangan: list[PasanganPatok] = Field(default_factory=list)  # pins of the alignment
    alasan: dict[str, Teks] = Field(default_factory=dict)  # "Pasal 7": reason, for the matrix
    menimbang: list[Teks] = Field(default_factory=list)  # plain text; empty: clauses/perubahan/pembukaan.yaml
    penulis: Optional[Teks] = None  # author of the tracked changes (perbup-gen banding)
    tanggal: Optional[_dt.date] = None  # date of the tracked changes


class PengaturanPerbup(Model):
    tentang: Teks  # "Peran Desa dalam Percepatan Penurunan Stunting"
    rancangan: bool = True
    nomor: Optional[Teks] = None  # None: "NOMOR ... TAHUN ..."
    tanggal_penetapan: Optional[Tanggal] = None
    tanggal_pengundangan: Optional[Tanggal] = None
    nomor_berita_daerah: Optional[Teks] = None
    batas_penetapan: Optional[Tanggal] = None  # default 31 May of `tahun`
    menimbang: list[Teks] = Field(default_factory=list)  # plain text; empty: clauses/perbup/pembukaan.yaml
    dasar_hukum: DasarHukum
    klausul_nonaktif: list[str] = Field(default_factory=list)
    kotak_paraf: bool = True
    mencabut: list[PerbupDicabut] = Field(default_factory=list)  # earlier Perbup replaced by this one
    mengubah: Optional[PerbupDiubah] = None  # the Perbup this one amends


class PengaturanSKKPM(Model):
    tanggal: Optional[Tanggal] = None
    dasar_hukum: DasarHukum
    menimbang: list[Teks] = Field(default_factory=list)  # plain text; empty: clauses/sk_kpm/pembukaan.yaml
    # how a desa writes its decree numbers: "{nomor}" gives "NOMOR 7 TAHUN 2025";
    # "{nomor}/KPTS/{kode_desa}/{tahun}" gives "NOMOR 7/KPTS/62.10.01.2002/2025" (konfigurasi/nomor.py)
    pola_nomor: Teks = Field(default="{nomor}", min_length=1)

    @field_validator("pola_nomor")
    @classmethod
    def _pola_nomor(cls, v: str) -> str:
        salah = periksa_pola(v)
        if salah:
            raise ValueError(salah)
        return v


class KPM(Model):
    nama: Teks = Field(min_length=1)
    jenis_kelamin: Literal["L", "P"]
    pendidikan: str
    alamat: Teks = Field(min_length=1)  # dusun, RT/RW
    pengalaman: list[Teks] = Field(default_factory=list)  # "Kader Posyandu", "Guru PAUD"
    asal_desa: Optional[str] = None  # desa code when not from this desa (a data check catches it)
    tanggal_lahir: Optional[Tanggal] = None
    nik: Optional[Teks] = None

    @field_validator("pendidikan")
    @classmethod
    def _pendidikan(cls, v: str) -> str:
        return normalkan_pendidikan(v)

    @field_validator("jenis_kelamin", mode="before")
    @classmethod
    def _jk(cls, v):
        if isinstance(v, str):
            v = v.strip().upper()
            return {"LAKI-LAKI": "L", "PEREMPUAN": "P"}.get(v, v)
        return v


class APBDesDesa(Model):
    pagu: Optional[Rupiah] = None  # total APBDes
    dana_desa: Optional[Rupiah] = None
    anggaran_stunting: Optional[Rupiah] = None  # total for stunting
    stunting: list[MataAnggaran] = Field(default_factory=list)


class EntriBukuKeputusan(Model):
    """A decree already in the desa's Buku Keputusan Kepala Desa this year (Permendagri 47/2016):
    the register the KPM decree joins; its number must not be taken twice."""

    nomor: Teks = Field(min_length=1)  # running number ("6") or the full register number
    tanggal: Optional[Tanggal] = None
    tentang: Teks = Field(min_length=1)
    uraian: Optional[Teks] = None
    dilaporkan: Optional[Teks] = None  # "nomor dan tanggal dilaporkan" as written in the book
    keterangan: Optional[Teks] = None


class Desa(Model):
    kode: str = Field(pattern=KODE_DESA)
    nama: Optional[Teks] = None  # checked against the national list; filled from it when absent
    kepala_desa: Optional[Orang] = None
    kpm: list[KPM] = Field(default_factory=list)
    apbdes: Optional[APBDesDesa] = None
    nomor_sk: Optional[Teks] = None  # running number in the register, or the full register number
    tanggal_sk: Optional[Tanggal] = None
    # the Berita Acara of the Musyawarah Desa that chose the KPM (cited in the decree's Menimbang)
    nomor_berita_acara: Optional[Teks] = None
    tanggal_berita_acara: Optional[Tanggal] = None

    @property
    def kelurahan(self) -> bool:
        return self.kode.split(".")[3].startswith("1")

    @property
    def kode_kecamatan(self) -> str:
        return self.kode.rsplit(".", 1)[0]


class DataStunting(Model):
    """Stunting figures of one year (e-PPGBM), e.g. Tabel 3 of the Gunung Mas article."""

    tahun: int = Field(ge=2000, le=2100)
    sasaran_balita: int = Field(ge=0)
    sangat_pendek: int = Field(ge=0)
    pendek: int = Field(ge=0)
    normal: Optional[int] = Field(default=None, ge=0)
    tinggi: Optional[int] = Field(default=None, ge=0)
    prevalensi_persen: Decimal = Field(ge=0, le=100)
    sumber: Teks = "e-PPGBM"


class Konfigurasi(Model):
    """The whole validated config of one kabupaten or kota."""

    skema: Optional[str] = Field(default=None, alias="$schema")
    tahun: int = Field(ge=2015, le=2100)
    kabupaten: Kabupaten
    pejabat: PejabatDaerah
    opd: list[OPD] = Field(min_length=1)
    pemrakarsa: str = "dpmd"  # OPD kode that initiates the Perbup
    kewenangan_desa: KewenanganDesa
    apbdes: AlokasiAPBDes
    kecamatan: PeranKecamatan
    koordinasi: Koordinasi
    lembaga_masyarakat: list[LembagaMasyarakat] = Field(min_length=1)
    kpm: PengaturanKPM
    tim_penyusun: TimPenyusun
    paraf_koordinasi: list[BarisParafKoordinasi] = Field(default_factory=list)  # empty: derived
    perbup: PengaturanPerbup
    sk_kpm: PengaturanSKKPM
    data_stunting: list[DataStunting] = Field(default_factory=list)
    # the district's layer of the citation table: its own entries (Perda, earlier Perbup) and the
    # numbers it confirmed of package entries, each with `diperiksa: {tanggal, sumber}`
    peraturan: dict[str, PeraturanKabupaten] = Field(default_factory=dict)
    tata_letak: TataLetak = Field(default_factory=TataLetak)
    folder_klausul: Optional[str] = None  # district clause overrides, relative to the config folder
    templat_word: Optional[str] = None  # the district's restyled copy of templates/dasar.docx
    roster: Optional[str] = None  # CSV/XLSX roster file, relative to the config folder
    desa: list[Desa] = Field(default_factory=list)
    # decrees already in each desa's Buku Keputusan Kepala Desa this year, by desa code: the KPM
    # decree joins that register and must not take one of their numbers (works with a roster file too)
    buku_keputusan: dict[str, list[EntriBukuKeputusan]] = Field(default_factory=dict)
    contoh: bool = False  # True: names are invented examples (marked in outputs)
    # the region's names (desa, Kepala Desa, BPD, ...; Wali Kota/Walikota) over the package table
    sebutan: SebutanKonfigurasi = Field(default_factory=SebutanKonfigurasi)

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, populate_by_name=True)

    @model_validator(mode="after")
    def _kepala_daerah(self) -> "Konfigurasi":
        from perbup_gen.konfigurasi.sebutan import kota

        kd = self.sebutan.kepala_daerah
        if kd is not None and (kd == "Bupati") == kota(self.kabupaten.kode):
            jenis = "kota" if kota(self.kabupaten.kode) else "kabupaten"
            raise ValueError(f"sebutan.kepala_daerah '{kd}' tidak sesuai: {self.kabupaten.kode} adalah {jenis} "
                             f"({'Wali Kota atau Walikota' if jenis == 'kota' else 'Bupati'})")
        return self

    # -- derived, read-only helpers used by builders --
    def opd_kode(self, kode: str) -> OPD | None:
        return next((o for o in self.opd if o.kode == kode), None)

    @property
    def opd_pemrakarsa(self) -> OPD:
        opd = self.opd_kode(self.pemrakarsa)
        assert opd is not None  # checked by muat.periksa_silang
        return opd

    @property
    def kota(self) -> bool:
        """A kota (code 71 and above in its second group): a Wali Kota, Peraturan Wali Kota."""
        from perbup_gen.konfigurasi.sebutan import kota

        return kota(self.kabupaten.kode)

    @property
    def nama_kabupaten(self) -> str:
        """The region's full name: "Kabupaten Gunung Mas", "Kota Batu"."""
        return f"{'Kota' if self.kota else 'Kabupaten'} {self.kabupaten.nama}"

    def sebutan_daerah(self, kode_desa: str | None = None):
        """The region's names (`konfigurasi.sebutan.Sebutan`): the package table with this
        config's `sebutan:` on top; with `kode_desa`, that desa's own row when it has one."""
        from perbup_gen.konfigurasi.sebutan import sebutan_daerah

        khusus = self.sebutan.desa_khusus.get(kode_desa) if kode_desa else None
        return sebutan_daerah(self.kabupaten.kode, self.sebutan.timpa(), kode_desa,
                              khusus.model_dump(exclude_none=True) if khusus else None)

    def sebutan_sendiri(self, kode_desa: str) -> bool:
        """Whether a desa has names of its own (the table's sebutan_desa.csv or `sebutan.desa_khusus`)."""
        from perbup_gen.konfigurasi.sebutan import baris_desa

        return kode_desa in self.sebutan.desa_khusus or baris_desa(kode_desa) is not None

    def kata_pesan(self, kode_desa: str | None = None, kata_daerah=None):
        """The words of messages and reports (`Sebutan.pesan()`: "gampong", "Keuchik"): a desa's own
        where it has names of its own, else the region's (`kata_daerah`, when the caller has them)."""
        if kode_desa is not None and self.sebutan_sendiri(kode_desa):
            return self.sebutan_daerah(kode_desa).pesan()
        return kata_daerah if kata_daerah is not None else self.sebutan_daerah().pesan()

    def nama_desa_lengkap(self, kode_desa: str, nama: str, kata_daerah=None) -> str:
        """"Desa Sepang Kota", "Gampong Lam Asan", "Kampung Adat Yoboi" (a kampung adat the national
        list calls "Desa Adat Yoboi" by its own name), for messages and reports."""
        from perbup_gen.konfigurasi.sebutan import nama_sendiri
        from perbup_gen.naskah.nama import sambung

        return sambung(self.kata_pesan(kode_desa, kata_daerah).desa_judul, nama_sendiri(kode_desa, nama))

    @property
    def kepala_daerah(self) -> str:
        """"Bupati", "Wali Kota" or "Walikota"."""
        return self.sebutan_daerah().kepala_daerah

    @property
    def peraturan_kepala_daerah(self) -> str:
        """"Peraturan Bupati", "Peraturan Wali Kota" (or "Peraturan Walikota", the kota's spelling)."""
        return f"Peraturan {self.kepala_daerah}"

    @property
    def batas_penetapan(self) -> _dt.date:
        return self.perbup.batas_penetapan or _dt.date(self.tahun, 5, 31)

    @property
    def masa_kontrak(self) -> tuple[_dt.date, _dt.date]:
        """(start, end) of the KPM task contracts: `kpm.kontrak.mulai`, else the SK KPM date, else
        1 January; to `kpm.kontrak.selesai`, else 31 December of `tahun`."""
        kt = self.kpm.kontrak
        return (kt.mulai or self.sk_kpm.tanggal or _dt.date(self.tahun, 1, 1),
                kt.selesai or _dt.date(self.tahun, 12, 31))

    def desa_saja(self) -> list[Desa]:
        return [d for d in self.desa if not d.kelurahan]
