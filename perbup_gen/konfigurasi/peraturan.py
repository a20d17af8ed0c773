"""The citation table: the regulations a Mengingat may cite (`clauses/dasar_hukum.yaml`, then the
district's own layer `peraturan:` and the older `dasar_hukum.tambahan` of its config), the order of
the legal hierarchy (UU 12/2011 Pasal 7 and 8) in which a Mengingat lists them, and the citation
text itself.

An entry holds facts, not prose: kind, number, year, title, its gazette (Lembaran Negara and
Tambahan, or Berita Negara, Lembaran/Berita Daerah), the keys of its whole amendment chain, its
status (in force, revoked by what) and when and against what it was checked. The citation printed
under Mengingat is built from those facts by `sitasi()` in the form of Lampiran II UU 12/2011
(angka 45-49): "Undang-Undang Nomor 6 Tahun 2014 tentang Desa (Lembaran Negara Republik Indonesia
Tahun 2014 Nomor 7, Tambahan Lembaran Negara Republik Indonesia Nomor 5495) sebagaimana telah
beberapa kali diubah terakhir dengan Undang-Undang Nomor 3 Tahun 2024 tentang ...".

A number nobody has found is left empty in the table and printed as dots ("Nomor ..."), never
guessed: the entry then stays unchecked and `check` warns until a district confirms it in its own
config (`peraturan.<key>`), with the source it checked against.
"""
from __future__ import annotations

import datetime as _dt
import functools
from typing import Any, Literal, Optional, Union

from pydantic import Field, field_validator, model_validator

from perbup_gen import jalur as jalur_paket
from perbup_gen.konfigurasi.dasar import Model, Teks
from perbup_gen.konfigurasi.yaml_muat import Posisi, muat_yaml

__all__ = [
    "HIERARKI", "TITIK", "Lembaran", "Pemeriksaan", "Peraturan", "PeraturanKabupaten",
    "kunci_urut", "kunci_wilayah", "muat_peraturan", "pembentukan", "nama_singkat", "pisah_alias", "sitasi",
    "sitasi_dasar", "tingkat", "yang_diragukan",
]

# Hierarchy of regulations (UU 12/2011 Pasal 7 and 8), for ordering Mengingat. A Perppu stands
# on the level of the UU.
HIERARKI = ["UU", "PP", "Perpres", "Permen", "Perda", "Perbup", "Lainnya"]
Jenis = Literal["UU", "Perppu", "PP", "Perpres", "Permen", "Perda", "Perbup", "Lainnya"]

TITIK = "..."  # a number not (yet) found: printed as dots, never guessed

_NAMA_JENIS = {
    "UU": "Undang-Undang",
    "Perppu": "Peraturan Pemerintah Pengganti Undang-Undang",
    "PP": "Peraturan Pemerintah",
    "Perpres": "Peraturan Presiden",
}


def tingkat(jenis: str) -> int:
    """The level of a kind in the hierarchy (0 = highest)."""
    return HIERARKI.index("UU" if jenis == "Perppu" else jenis)


class Lembaran(Model):
    """Where a regulation was promulgated. `nomor`/`tambahan`/`tahun` left empty when not found:
    the citation then prints "..." in their place."""

    jenis: Literal["LN", "BN", "LD", "BD"]  # Lembaran/Berita Negara, Lembaran/Berita Daerah
    tahun: Optional[int] = Field(default=None, ge=1945, le=2100)
    nomor: Optional[Teks] = None
    tambahan: Optional[Teks] = None  # Tambahan Lembaran Negara/Daerah
    daerah: Optional[Teks] = None  # LD/BD: "Kabupaten Gunung Mas"

    @field_validator("nomor", "tambahan", mode="before")
    @classmethod
    def _teks(cls, v):
        return str(v) if isinstance(v, int) else v


class Pemeriksaan(Model):
    """Who checked an entry against which source, and when."""

    tanggal: _dt.date
    sumber: list[Teks] = Field(min_length=1)
    oleh: Optional[Teks] = None
    keyakinan: Literal["terkonfirmasi", "satu sumber"] = "terkonfirmasi"


def _diperiksa(v):
    if v is False:
        return None
    if v is True:
        raise ValueError("tulis kapan dan terhadap sumber apa entri ini diperiksa, mis. "
                         "diperiksa: {tanggal: 2025-01-10, sumber: [peraturan.go.id]}")
    return v


class Peraturan(Model):
    """One entry of the citation table (package table, or a district's own entry)."""

    jenis: Jenis
    nomor: Optional[int] = None
    tahun: Optional[int] = Field(default=None, ge=1945, le=2100)
    tanggal: Optional[_dt.date] = None  # promulgation date, for ordering within a level
    judul: Optional[Teks] = None  # what follows "tentang"
    pejabat: Optional[Teks] = None  # Permen: "Menteri Dalam Negeri"; Perda/Perbup: "Kabupaten Gunung Mas"
    lembaran: Optional[Lembaran] = None
    perubahan: list[str] = Field(default_factory=list)  # keys of every amendment, oldest first
    mengubah: list[str] = Field(default_factory=list)  # for an amendment: the keys of what it amends
    status: Literal["berlaku", "dicabut", "belum diketahui"] = "berlaku"
    dicabut_oleh: Optional[str] = None  # key (or name) of what revoked it
    tahun_anggaran: Optional[int] = None  # a regulation for one fiscal year (Dana Desa priorities)
    # a regional law (UU 11/2006 for Aceh, ...): cited by the Perbup and the village decree of every
    # kabupaten/kota whose code begins with one of these ("11", "13"), except `kecuali_wilayah`
    wilayah: list[str] = Field(default_factory=list)
    kecuali_wilayah: list[str] = Field(default_factory=list)
    # a formation law: the kabupaten/kota it formed, by code, with the capital it names (or None)
    membentuk: dict[str, Optional[Teks]] = Field(default_factory=dict)
    diperiksa: Optional[Pemeriksaan] = None  # None: not (fully) checked against the gazette
    ragu: Optional[Teks] = None  # what is still uncertain, shown in the check warning
    catatan: Optional[Teks] = None
    teks: Optional[Teks] = None  # a full citation written by hand (older district entries)

    _diperiksa = field_validator("diperiksa", mode="before")(classmethod(lambda cls, v: _diperiksa(v)))

    @model_validator(mode="before")
    @classmethod
    def _nama_lama(cls, data: Any) -> Any:
        # `diubah` (keys of amendments folded into a hand-written `teks`) is the older name
        if isinstance(data, dict) and "diubah" in data:
            data = dict(data)
            lama = data.pop("diubah")
            data.setdefault("perubahan", lama)
        return data

    @model_validator(mode="after")
    def _lengkap(self) -> "Peraturan":
        if self.dicabut_oleh and self.status == "berlaku":
            self.status = "dicabut"
        if self.teks is not None and not self.teks.strip():
            raise ValueError("teks sitasi tidak boleh kosong")
        if self.teks is None:
            kurang = [n for n in ("nomor", "tahun", "judul") if getattr(self, n) is None]
            if self.jenis in ("Permen", "Perda", "Perbup") and not self.pejabat:
                kurang.append("pejabat")
            if self.jenis == "Lainnya":
                kurang.append("teks")
            if kurang:
                raise ValueError("entri tabel sitasi tanpa " + ", ".join(kurang) + " (atau tulis sitasi "
                                 "lengkapnya di 'teks')")
        return self


class PeraturanKabupaten(Model):
    """A district's layer over the citation table (`peraturan.<key>` in its config): a whole new
    entry (a Perda, an earlier Perbup), or only the fields it confirms or corrects for a package
    entry, e.g. a Berita Negara number it checked, with `diperiksa`."""

    jenis: Optional[Jenis] = None
    nomor: Optional[int] = None
    tahun: Optional[int] = Field(default=None, ge=1945, le=2100)
    tanggal: Optional[_dt.date] = None
    judul: Optional[Teks] = None
    pejabat: Optional[Teks] = None
    lembaran: Optional[dict[str, Union[int, Teks, None]]] = None
    perubahan: Optional[list[str]] = None
    mengubah: Optional[list[str]] = None
    status: Optional[Literal["berlaku", "dicabut", "belum diketahui"]] = None
    dicabut_oleh: Optional[str] = None
    tahun_anggaran: Optional[int] = None
    wilayah: Optional[list[str]] = None
    kecuali_wilayah: Optional[list[str]] = None
    membentuk: Optional[dict[str, Optional[Teks]]] = None
    diperiksa: Optional[Pemeriksaan] = None
    ragu: Optional[Teks] = None
    catatan: Optional[Teks] = None
    teks: Optional[Teks] = None

    _diperiksa = field_validator("diperiksa", mode="before")(classmethod(lambda cls, v: _diperiksa(v)))


def kunci_wilayah(tabel: dict[str, "Peraturan"], kode: str) -> list[str]:
    """The keys of the regional laws in force for kabupaten/kota `kode` ("11.06": UU 11/2006 on
    the Government of Aceh), in table order; revoked ones left out."""
    def cocok(awalan: list[str]) -> bool:
        return any(kode == a or kode.startswith(a + ".") for a in awalan)

    return [k for k, p in tabel.items()
            if p.wilayah and cocok(p.wilayah) and not cocok(p.kecuali_wilayah) and p.status != "dicabut"]


def pembentukan(tabel: dict[str, "Peraturan"], kode: str) -> tuple[str, str | None] | None:
    """(key of the law that formed kabupaten/kota `kode`, its capital or None) when the citation
    table knows it, else None."""
    for k, p in tabel.items():
        if kode in p.membentuk and p.status != "dicabut":
            return k, p.membentuk[kode]
    return None


def tumpuk(dasar: dict[str, Any] | None, atas: PeraturanKabupaten) -> dict[str, Any]:
    """A package entry (raw data) with the district's fields on top; `lembaran` merged by field.
    A district that confirms an entry clears the package's doubt unless it writes its own."""
    hasil = dict(dasar or {})
    data = atas.model_dump(exclude_unset=True)
    if "lembaran" in data and isinstance(hasil.get("lembaran"), dict):
        data["lembaran"] = {**hasil["lembaran"], **(data["lembaran"] or {})}
    if "diperiksa" in data and "ragu" not in data:
        hasil.pop("ragu", None)
    hasil.update(data)
    return hasil


# --- the citation text (Lampiran II UU 12/2011 angka 45-49) --------------------------------------


def _n(x: Any) -> str:
    return TITIK if x is None or str(x).strip() == "" else str(x)


def _lembaran(p: Peraturan) -> str:
    lb = p.lembaran
    if lb is None:
        return ""
    tahun = _n(lb.tahun)
    if lb.jenis == "LN":
        s = f"Lembaran Negara Republik Indonesia Tahun {tahun} Nomor {_n(lb.nomor)}"
        # UU, Perppu and PP carry their Tambahan (angka 47); others only when they have one
        if p.jenis in ("UU", "Perppu", "PP") or lb.tambahan:
            s += f", Tambahan Lembaran Negara Republik Indonesia Nomor {_n(lb.tambahan)}"
    elif lb.jenis == "BN":
        s = f"Berita Negara Republik Indonesia Tahun {tahun} Nomor {_n(lb.nomor)}"
    elif lb.jenis == "LD":
        daerah = lb.daerah or p.pejabat or TITIK
        s = f"Lembaran Daerah {daerah} Tahun {tahun} Nomor {_n(lb.nomor)}"
        if p.jenis == "Perda" or lb.tambahan:
            s += f", Tambahan Lembaran Daerah {daerah} Nomor {_n(lb.tambahan)}"
    else:
        s = f"Berita Daerah {lb.daerah or p.pejabat or TITIK} Tahun {tahun} Nomor {_n(lb.nomor)}"
    return f" ({s})"


def nama_singkat(p: Peraturan) -> str:
    """"Undang-Undang Nomor 6 Tahun 2014 tentang Desa" (no gazette, no chain)."""
    if p.teks is not None and p.judul is None:
        return " ".join(p.teks.split()).split(" (")[0]
    if p.jenis in _NAMA_JENIS:
        jenis = _NAMA_JENIS[p.jenis]
    elif p.jenis == "Permen":
        jenis = f"Peraturan {p.pejabat}"
    elif p.jenis == "Perda":
        jenis = f"Peraturan Daerah {p.pejabat}"
    elif p.jenis == "Perbup":
        jenis = f"Peraturan Bupati {p.pejabat}"
    else:
        jenis = p.pejabat or ""
    return f"{jenis} Nomor {_n(p.nomor)} Tahun {_n(p.tahun)} tentang {' '.join((p.judul or '').split())}"


def sitasi_dasar(p: Peraturan) -> str:
    """The citation of one regulation with its gazette, without its amendment chain."""
    if p.teks is not None:
        return " ".join(p.teks.split())
    return nama_singkat(p) + _lembaran(p)


def sitasi(kunci: str, tabel: dict[str, Peraturan]) -> str:
    """The citation for a Mengingat item (without the closing ';'): the regulation, its gazette,
    and its last amendment ("sebagaimana telah diubah dengan ..." for one amendment, "sebagaimana
    telah beberapa kali diubah terakhir dengan ..." for more, the wording of Lampiran II)."""
    p = tabel[kunci]
    if p.teks is not None:
        return " ".join(p.teks.split())  # hand-written by a district: its chain is its own text
    s = sitasi_dasar(p)
    rantai = p.perubahan
    if rantai:
        akhir = tabel.get(rantai[-1])
        if akhir is not None:
            frasa = "sebagaimana telah diubah dengan" if len(rantai) == 1 else \
                "sebagaimana telah beberapa kali diubah terakhir dengan"
            s += f" {frasa} {sitasi_dasar(akhir)}"
    return s


def yang_diragukan(kunci: str, tabel: dict[str, Peraturan]) -> list[tuple[str, str]]:
    """Why the printed citation of `kunci` cannot yet be taken as checked, as (key of the entry
    concerned, reason) pairs: a number printed as dots, an entry not checked against a source, a
    recorded doubt; the entry itself and its last amendment. Empty when all is checked."""
    p = tabel[kunci]
    alasan: list[tuple[str, str]] = []
    bagian = [(kunci, p)]
    if p.teks is None and p.perubahan and p.perubahan[-1] in tabel:
        bagian.append((p.perubahan[-1], tabel[p.perubahan[-1]]))
    for k, x in bagian:
        nama = nama_singkat(x).split(" tentang ")[0]
        kosong: list[str] = []
        if x.teks is None and x.lembaran is not None:
            lb = x.lembaran
            kosong = [n for n, v in (("tahun", lb.tahun), ("nomor", lb.nomor)) if v in (None, "")]
            if lb.jenis == "LN" and x.jenis in ("UU", "Perppu", "PP") and lb.tambahan in (None, ""):
                kosong.append("nomor Tambahan")
            if kosong:
                lembar = {"LN": "Lembaran Negara", "BN": "Berita Negara", "LD": "Lembaran Daerah",
                          "BD": "Berita Daerah"}[lb.jenis]
                alasan.append((k, f"{nama}: {' dan '.join(kosong)} {lembar} belum ditemukan (dicetak \"{TITIK}\")"))
        if x.diperiksa is None and not kosong:
            alasan.append((k, f"{nama} belum dicocokkan dengan sumber resmi"))
        if x.ragu:
            alasan.append((k, f"{nama}: {x.ragu}"))
    return list(dict.fromkeys(alasan))


def kunci_urut(p: Peraturan) -> tuple:
    tanggal = p.tanggal or (_dt.date(p.tahun, 1, 1) if p.tahun else _dt.date.max)
    return (tingkat(p.jenis), tanggal, p.nomor or 0)


# --- loading -------------------------------------------------------------------------------------


def muat_peraturan() -> tuple[dict[str, Any], Posisi]:
    return muat_yaml(jalur_paket.KLAUSUL / "dasar_hukum.yaml", "clauses/dasar_hukum.yaml")


def tabel_paket() -> tuple[dict[str, Any], dict[str, "Peraturan"], dict[str, dict[int, str]]]:
    """The package table, read and validated once per process (while the file is unchanged): the
    raw entries (for a district's layer on top), the validated entries (shared, never changed),
    and the fiscal-year keys. A national batch loads it for each of 434 kabupaten."""
    return _tabel_paket(jalur_paket.tanda_berkas(jalur_paket.KLAUSUL / "dasar_hukum.yaml"))


@functools.lru_cache(maxsize=2)
def _tabel_paket(_kunci) -> tuple[dict[str, Any], dict[str, "Peraturan"], dict[str, dict[int, str]]]:
    data, _ = muat_peraturan()
    data, alias = pisah_alias(data)
    return data, {k: Peraturan.model_validate(v) for k, v in data.items()}, alias


def pisah_alias(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, dict[int, str]]]:
    """The table's entries and its aliases by fiscal year: a key such as `prioritas-dana-desa`
    written `{menurut_tahun_anggaran: {2025: permendesa-2-2024, ...}}` stands for the regulation of
    the config's year."""
    entri: dict[str, Any] = {}
    alias: dict[str, dict[int, str]] = {}
    for k, v in data.items():
        if isinstance(v, dict) and set(v) == {"menurut_tahun_anggaran"} and isinstance(v["menurut_tahun_anggaran"], dict):
            alias[k] = {int(t): str(x) for t, x in v["menurut_tahun_anggaran"].items()}
        else:
            entri[k] = v
    return entri, alias
