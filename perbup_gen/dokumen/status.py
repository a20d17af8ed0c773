"""The drafting schedule (juknis Aksi 4 stages), the paraf-koordinasi order and the status file.

- `jadwal(hasil)`: the stages and steps of `clauses/tahapan.yaml` (or the district's own
  `tahapan.yaml` in its clause folder), each step's target counted back from
  `perbup.batas_penetapan` (default 31 May of the config year).
- `urutan_paraf(k, dokumen)`: who initials the Perbup draft ("perbup") and the Tim Penyusun decree
  ("tim_penyusun"), in order.
- `status.yaml` beside the config (optional, hand-editable) records finished steps and initials:

      paraf:
        perbup:
          - {jabatan: Kepala Bagian Hukum, tanggal: 2025-04-20, oleh: Debora Lisanti}
        tim_penyusun: []
      tahapan:
        t1-tim: {selesai: 2025-01-20, catatan: Keputusan Bupati Nomor 12 Tahun 2025}

  `muat_status` validates it (Indonesian messages with file and line), `catat_tahap` /
  `catat_paraf` update it atomically, `laporan_status` prints what is done, pending and overdue.

Nothing here reads the clock: the report date `per` is always passed in by the caller.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Optional

import yaml
from pydantic import Field, ValidationError, field_validator, model_validator

from perbup_gen.naskah import bilangan
from perbup_gen.konfigurasi.model import Konfigurasi, Model, Orang
from perbup_gen.errors import ConfigError, KlausulError, Lokasi, Masalah
from perbup_gen.konfigurasi.muat import HasilMuat, _dari_pydantic, _tampil
from perbup_gen.konfigurasi.yaml_muat import Posisi, baca_teks_berkas, muat_yaml

BERKAS_STATUS = "status.yaml"
BERKAS_TAHAPAN = "tahapan.yaml"

JenisDokumenParaf = Literal["perbup", "tim_penyusun"]
DOKUMEN_PARAF: dict[str, str] = {
    "perbup": "Rancangan Peraturan Bupati",
    "tim_penyusun": "Keputusan pembentukan Tim Penyusun",
}

# --- the schedule --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Langkah:
    """One step of the schedule, with its target date computed from the deadline."""

    kode: str
    uraian: str
    penanggung_jawab: str
    target: _dt.date
    tahap: str  # the stage's name, e.g. "Tahap 1: Penyusunan Rancangan Peraturan Bupati"


@dataclass(frozen=True)
class Tahap:
    nama: str
    langkah: tuple[Langkah, ...]


_KODE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_TARGET = re.compile(r"^(\d{1,3})\s+(hari|minggu)\s+(sebelum|sesudah)$")
_TEMPAT = re.compile(r"\{([^{}]*)\}")


def hitung_target(teks: str, batas: _dt.date) -> _dt.date:
    """ "16 minggu sebelum" -> batas - 112 days; "4 minggu sesudah"; "3 hari sebelum"; "batas".
    A target that falls on a Saturday or Sunday moves back to the Friday before (an office works
    Monday to Friday; moving earlier never misses the deadline). Raises ValueError for any other form."""
    t = " ".join(str(teks).split()).lower()
    if t == "batas":
        return hari_kerja(batas)
    m = _TARGET.match(t)
    if not m:
        raise ValueError(f"target '{teks}' tidak dikenal; tulis mis. '16 minggu sebelum', '3 hari sebelum', '4 minggu sesudah' atau 'batas'")
    hari = int(m.group(1)) * (7 if m.group(2) == "minggu" else 1)
    return hari_kerja(batas - _dt.timedelta(days=hari) if m.group(3) == "sebelum" else batas + _dt.timedelta(days=hari))


def hari_kerja(d: _dt.date) -> _dt.date:
    """The date itself on a weekday, else the Friday before."""
    return d - _dt.timedelta(days=max(0, d.weekday() - 4))


def _nilai_tempat(k: Konfigurasi) -> dict[str, str]:
    opd = k.opd_pemrakarsa
    return {
        "kepala_pemrakarsa": opd.jabatan_kepala or f"Kepala {opd.nama}",
        "pemrakarsa": opd.singkatan,
        "bupati": f"Bupati {k.kabupaten.nama}",
        "kabupaten": k.nama_kabupaten,
    }


def jadwal(hasil: HasilMuat) -> list[Tahap]:
    """The stages and steps with their target dates. Raises KlausulError (file and line) when the
    schedule file is broken."""
    k = hasil.konfigurasi
    from perbup_gen.dokumen.bersama import baca_yaml_klausul, pustaka_klausul

    data, pos, nama = baca_yaml_klausul(pustaka_klausul(hasil), BERKAS_TAHAPAN)

    def salah(jalur: tuple, pesan: str) -> KlausulError:
        lok = pos.cari(jalur, nama)
        return KlausulError(f"{pesan} [{lok.jalur}]" if lok.jalur else pesan, lok.berkas, lok.baris)

    nilai = _nilai_tempat(k)

    def isi_tempat(teks: Any, jalur: tuple) -> str:
        if not isinstance(teks, str) or not teks.strip():
            raise salah(jalur, "harus berupa teks yang tidak kosong")

        def ganti(m: re.Match) -> str:
            if m.group(1) not in nilai:
                raise salah(jalur, f"isian {{{m.group(1)}}} tidak dikenal; yang ada: " + ", ".join("{" + n + "}" for n in nilai))
            return nilai[m.group(1)]

        return " ".join(_TEMPAT.sub(ganti, teks).split())

    if not isinstance(data, dict) or not isinstance(data.get("tahap"), list) or not data["tahap"]:
        raise salah(("tahap",), "berkas tahapan harus berisi 'tahap:' berupa daftar tahap")
    lain = sorted(set(data) - {"tahap"})
    if lain:
        raise salah((lain[0],), f"kunci '{lain[0]}' tidak dikenal")
    batas = k.batas_penetapan
    hasil_tahap: list[Tahap] = []
    sudah: dict[str, tuple] = {}
    for i, t in enumerate(data["tahap"]):
        if not isinstance(t, dict) or set(t) - {"nama", "langkah"}:
            raise salah(("tahap", i), "setiap tahap berisi 'nama' dan 'langkah' saja")
        nama_tahap = isi_tempat(t.get("nama"), ("tahap", i, "nama"))
        if not isinstance(t.get("langkah"), list) or not t["langkah"]:
            raise salah(("tahap", i, "langkah"), "'langkah' harus berupa daftar yang tidak kosong")
        daftar: list[Langkah] = []
        for j, l in enumerate(t["langkah"]):
            jalur = ("tahap", i, "langkah", j)
            if not isinstance(l, dict):
                raise salah(jalur, "setiap langkah berupa pemetaan kode, uraian, penanggung_jawab, target")
            for kunci in ("kode", "uraian", "penanggung_jawab", "target"):
                if kunci not in l:
                    raise salah(jalur, f"'{kunci}' wajib diisi")
            lebih = sorted(set(l) - {"kode", "uraian", "penanggung_jawab", "target"})
            if lebih:
                raise salah(jalur + (lebih[0],), f"kunci '{lebih[0]}' tidak dikenal")
            kode = l["kode"]
            if not isinstance(kode, str) or not _KODE.match(kode):
                raise salah(jalur + ("kode",), "kode harus huruf kecil, angka dan '-', mis. t1-tim")
            if kode in sudah:
                raise salah(jalur + ("kode",), f"kode '{kode}' dipakai dua kali (pertama di baris {pos.cari(sudah[kode]).baris})")
            sudah[kode] = jalur + ("kode",)
            try:
                target = hitung_target(str(l["target"]), batas)
            except ValueError as e:
                raise salah(jalur + ("target",), str(e)) from None
            daftar.append(Langkah(
                kode=kode,
                uraian=isi_tempat(l["uraian"], jalur + ("uraian",)),
                penanggung_jawab=isi_tempat(l["penanggung_jawab"], jalur + ("penanggung_jawab",)),
                target=target,
                tahap=nama_tahap,
            ))
        hasil_tahap.append(Tahap(nama_tahap, tuple(daftar)))
    return hasil_tahap


def semua_langkah(tahap: list[Tahap]) -> list[Langkah]:
    return [l for t in tahap for l in t.langkah]


# --- who initials what ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PejabatParaf:
    """One row of a paraf order: the office and the holder's name ("" when unknown)."""

    jabatan: str
    nama: str = ""


def _nama(o: Orang | None) -> str:
    if o is None:
        return ""
    nama = " ".join(b for b in (o.gelar_depan, o.nama) if b)
    return f"{nama}, {o.gelar_belakang}" if o.gelar_belakang else nama


def normal_jabatan(s: str) -> str:
    """Office titles compare case- and space-insensitively."""
    return " ".join(str(s).split()).casefold()


def _paraf_bawaan_perbup(k: Konfigurasi) -> list[PejabatParaf]:
    opd = k.opd_pemrakarsa
    baris = [PejabatParaf("Kepala Bagian Hukum", _nama(k.pejabat.kepala_bagian_hukum)),
             PejabatParaf(opd.jabatan_kepala or f"Kepala {opd.nama}", _nama(opd.kepala))]
    baris += [PejabatParaf(a.jabatan, _nama(a)) for a in k.pejabat.asisten]
    baris.append(PejabatParaf("Sekretaris Daerah", _nama(k.pejabat.sekretaris_daerah)))
    return baris


def _kenali(k: Konfigurasi) -> dict[str, str]:
    """Office -> name for every official the config knows, to fill names left out of
    `paraf_koordinasi`."""
    peta = {normal_jabatan(p.jabatan): p.nama for p in _paraf_bawaan_perbup(k) if p.nama}
    for o in k.opd:
        if o.kepala:
            peta.setdefault(normal_jabatan(o.jabatan_kepala or f"Kepala {o.nama}"), _nama(o.kepala))
    return peta


def urutan_paraf(k: Konfigurasi, dokumen: JenisDokumenParaf) -> list[PejabatParaf]:
    """The paraf-koordinasi order of a document, lowest office first.

    "perbup": `paraf_koordinasi` of the config when given (names left out are filled from the
    officials the config knows), else Kepala Bagian Hukum, the head of the initiating OPD, each
    Asisten, Sekretaris Daerah (juknis Tahap 3: Kepala Bagian Hukum and the OPD heads; districts
    add the Asisten and the Sekda passes the draft to the Bupati).

    "tim_penyusun": a Keputusan Bupati (the usual case) is initialled by the Kepala Bagian Hukum,
    the head of the initiating OPD and the Sekretaris Daerah. When the head of the initiating OPD
    sets the decree himself (`tim_penyusun.ditetapkan_oleh: kepala_opd`) it never leaves the OPD:
    its own Kepala Bidang and Sekretaris initial it (names unknown to the config, left blank).
    """
    if dokumen == "perbup":
        if not k.paraf_koordinasi:
            return _paraf_bawaan_perbup(k)
        kenal = _kenali(k)
        return [PejabatParaf(p.jabatan, p.nama or kenal.get(normal_jabatan(p.jabatan), "")) for p in k.paraf_koordinasi]
    if dokumen == "tim_penyusun":
        opd = k.opd_pemrakarsa
        if k.tim_penyusun.ditetapkan_oleh == "kepala_opd":
            return [PejabatParaf(f"Kepala Bidang yang membidangi pemberdayaan masyarakat desa pada {opd.nama}"),
                    PejabatParaf(f"Sekretaris {opd.nama}")]
        return [PejabatParaf("Kepala Bagian Hukum", _nama(k.pejabat.kepala_bagian_hukum)),
                PejabatParaf(opd.jabatan_kepala or f"Kepala {opd.nama}", _nama(opd.kepala)),
                PejabatParaf("Sekretaris Daerah", _nama(k.pejabat.sekretaris_daerah))]
    raise ValueError(f"dokumen paraf tidak dikenal: {dokumen!r}")


# --- the status file -----------------------------------------------------------------------------


def _tanggal(v: Any) -> Any:
    if v is None or (isinstance(v, _dt.date) and not isinstance(v, _dt.datetime)):
        return v
    if isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v.strip()):
        try:
            return _dt.date.fromisoformat(v.strip())
        except ValueError:
            pass
    raise ValueError("harus berupa tanggal TTTT-BB-HH, mis. 2025-04-20")


class CatatanParaf(Model):
    jabatan: str = Field(min_length=1)
    tanggal: _dt.date
    oleh: Optional[str] = None  # who initialled, when not the holder named in the config

    _tgl = field_validator("tanggal", mode="before")(classmethod(lambda cls, v: _tanggal(v)))


class StatusParaf(Model):
    perbup: list[CatatanParaf] = Field(default_factory=list)
    tim_penyusun: list[CatatanParaf] = Field(default_factory=list)

    @field_validator("perbup", "tim_penyusun", mode="before")
    @classmethod
    def _kosong(cls, v: Any) -> Any:
        return [] if v is None else v


class CatatanTahap(Model):
    selesai: Optional[_dt.date] = None
    catatan: Optional[str] = None

    _tgl = field_validator("selesai", mode="before")(classmethod(lambda cls, v: _tanggal(v)))


class StatusProses(Model):
    """What status.yaml says: initials given and steps finished."""

    paraf: StatusParaf = Field(default_factory=StatusParaf)
    tahapan: dict[str, CatatanTahap] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _kosong(cls, v: Any) -> Any:
        if isinstance(v, dict):
            v = dict(v)
            for kunci in ("paraf", "tahapan"):
                if kunci in v and v[kunci] is None:
                    v[kunci] = {}
            # shorthand "t1-tim: 2025-01-20" for {selesai: 2025-01-20}
            if isinstance(v.get("tahapan"), dict):
                v["tahapan"] = {kode: ({"selesai": c} if not isinstance(c, dict) and c is not None else (c or {}))
                                for kode, c in v["tahapan"].items()}
        return v

    def paraf_untuk(self, dokumen: JenisDokumenParaf) -> list[CatatanParaf]:
        return getattr(self.paraf, dokumen)

    def cari_paraf(self, dokumen: JenisDokumenParaf, jabatan: str) -> CatatanParaf | None:
        n = normal_jabatan(jabatan)
        return next((c for c in self.paraf_untuk(dokumen) if normal_jabatan(c.jabatan) == n), None)

    def selesai(self, kode: str) -> _dt.date | None:
        c = self.tahapan.get(kode)
        return c.selesai if c else None


def jalur_status(hasil: HasilMuat) -> Path:
    return hasil.folder / BERKAS_STATUS


def _baris_kunci(teks: str, induk: str, kunci: str) -> int | None:
    """The line of `kunci:` inside the top-level block `induk:` (positions only record values)."""
    dalam = False
    pola = re.compile(r"^\s+['\"]?" + re.escape(kunci) + r"['\"]?\s*:")
    for i, baris in enumerate(teks.splitlines(), 1):
        if re.match(r"^" + re.escape(induk) + r"\s*:", baris):
            dalam = True
            continue
        if dalam and baris[:1] not in ("", " ", "#"):
            dalam = False
        if dalam and pola.match(baris):
            return i
    return None


def muat_status(hasil: HasilMuat) -> StatusProses:
    """Read and check `status.yaml` in the config folder; an absent or comment-only file is an
    empty status. Raises ConfigError naming file, line and field."""
    path = jalur_status(hasil)
    if not path.exists():
        return StatusProses()
    nama = _tampil(path)
    teks = baca_teks_berkas(path)
    if all(not b.strip() or b.lstrip().startswith("#") for b in teks.splitlines()):
        return StatusProses()
    data, pos = muat_yaml(path, nama)
    if not isinstance(data, dict):
        raise ConfigError([Masalah(pos.cari((), nama), "isi status.yaml harus berupa pemetaan dengan kunci 'paraf' dan 'tahapan'")])
    try:
        status = StatusProses.model_validate(data)
    except ValidationError as e:
        raise ConfigError(_dari_pydantic(e, pos)) from None
    masalah = periksa_status(hasil, status, pos, teks, nama)
    if masalah:
        raise ConfigError(masalah)
    return status


def periksa_status(hasil: HasilMuat, status: StatusProses, pos: Posisi | None = None,
                   teks: str = "", nama: str = BERKAS_STATUS) -> list[Masalah]:
    """Checks against the schedule and the paraf orders: known step codes, known offices, no
    office twice, dates near the config year."""
    k = hasil.konfigurasi
    pos = pos or Posisi()

    def lok(*jalur: Any) -> Lokasi:
        return pos.cari(tuple(jalur), nama)

    masalah: list[Masalah] = []
    kode = [l.kode for l in semua_langkah(jadwal(hasil))]
    for kd, c in status.tahapan.items():
        if kd not in kode:
            baris = _baris_kunci(teks, "tahapan", kd) if teks else None
            tempat = Lokasi(nama, baris, None, f"tahapan.{kd}") if baris else lok("tahapan", kd)
            masalah.append(Masalah(tempat, f"kode langkah '{kd}' tidak dikenal; kode yang ada: {', '.join(kode)}"))
        elif c.selesai and abs(c.selesai.year - k.tahun) > 1:
            masalah.append(Masalah(lok("tahapan", kd, "selesai"), f"tanggal {c.selesai.isoformat()} jauh dari tahun konfigurasi {k.tahun}; salah ketik?"))
    for dok in DOKUMEN_PARAF:
        urutan = [p.jabatan for p in urutan_paraf(k, dok)]  # type: ignore[arg-type]
        dikenal = {normal_jabatan(j) for j in urutan}
        sudah: dict[str, int] = {}
        for i, c in enumerate(status.paraf_untuk(dok)):  # type: ignore[arg-type]
            n = normal_jabatan(c.jabatan)
            if n not in dikenal:
                masalah.append(Masalah(lok("paraf", dok, i, "jabatan"), f"jabatan '{c.jabatan}' tidak ada dalam urutan paraf {DOKUMEN_PARAF[dok]}; yang ada: {'; '.join(urutan)}"))
            elif n in sudah:
                masalah.append(Masalah(lok("paraf", dok, i, "jabatan"), f"paraf '{c.jabatan}' tertulis dua kali (pertama di paraf.{dok}[{sudah[n]}])"))
            else:
                sudah[n] = i
            if abs(c.tanggal.year - k.tahun) > 1:
                masalah.append(Masalah(lok("paraf", dok, i, "tanggal"), f"tanggal {c.tanggal.isoformat()} jauh dari tahun konfigurasi {k.tahun}; salah ketik?"))
    return masalah


# --- writing the status file ---------------------------------------------------------------------

_KEPALA_BERKAS = """\
# Status penyusunan Peraturan Bupati (perbup-gen). Boleh disunting dengan tangan; perintah
# `perbup-gen status` menulis ulang berkas ini dengan urutan baku (komentar lain tidak disimpan).
# tahapan: kode langkah (lihat clauses/tahapan.yaml) -> {selesai: TTTT-BB-HH, catatan: ...}
# paraf: perbup / tim_penyusun -> daftar {jabatan, tanggal, oleh}
"""


def teks_status(hasil: HasilMuat, status: StatusProses) -> str:
    """status.yaml as text: steps in schedule order, initials in paraf order."""
    k = hasil.konfigurasi
    urut_kode = {l.kode: i for i, l in enumerate(semua_langkah(jadwal(hasil)))}
    tahapan: dict[str, dict] = {}
    for kd in sorted(status.tahapan, key=lambda x: (urut_kode.get(x, len(urut_kode)), x)):
        c = status.tahapan[kd]
        if c.selesai is None and not c.catatan:
            continue
        tahapan[kd] = {kunci: nilai for kunci, nilai in (("selesai", c.selesai), ("catatan", c.catatan)) if nilai is not None}
    paraf: dict[str, list] = {}
    for dok in DOKUMEN_PARAF:
        urut = {normal_jabatan(p.jabatan): i for i, p in enumerate(urutan_paraf(k, dok))}  # type: ignore[arg-type]
        baris = sorted(status.paraf_untuk(dok), key=lambda c: urut.get(normal_jabatan(c.jabatan), len(urut)))  # type: ignore[arg-type]
        paraf[dok] = [{kunci: nilai for kunci, nilai in (("jabatan", c.jabatan), ("tanggal", c.tanggal), ("oleh", c.oleh)) if nilai is not None} for c in baris]
    data = {"paraf": paraf, "tahapan": tahapan}
    isi = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=None, width=150)
    return _KEPALA_BERKAS + isi


def tulis_status(hasil: HasilMuat, status: StatusProses) -> Path:
    """Write status.yaml atomically (temporary file, fsync, rename) and return its path."""
    from perbup_gen.keluaran.berkas import _tulis_atomik, _umask

    path = jalur_status(hasil)
    mode = (path.stat().st_mode & 0o777) if path.exists() else (0o666 & ~_umask())
    _tulis_atomik(path, teks_status(hasil, status).encode("utf-8"), mode)
    return path


def _salah_perintah(hasil: HasilMuat, jalur: str, pesan: str) -> ConfigError:
    return ConfigError([Masalah(Lokasi(_tampil(jalur_status(hasil)), None, None, jalur), pesan)])


def catat_tahap(hasil: HasilMuat, kode: str, tanggal: _dt.date | None, catatan: str | None = None) -> StatusProses:
    """Record step `kode` as finished on `tanggal` (None: mark it not finished again) and rewrite
    status.yaml. Returns the new status."""
    status = muat_status(hasil)
    kode_ada = [l.kode for l in semua_langkah(jadwal(hasil))]
    if kode not in kode_ada:
        raise _salah_perintah(hasil, f"tahapan.{kode}", f"kode langkah '{kode}' tidak dikenal; kode yang ada: {', '.join(kode_ada)}")
    if tanggal is None:
        status.tahapan.pop(kode, None)
    else:
        lama = status.tahapan.get(kode)
        status.tahapan[kode] = CatatanTahap(selesai=_tanggal(tanggal), catatan=catatan if catatan is not None else (lama.catatan if lama else None))
    _periksa_baru(hasil, status)
    tulis_status(hasil, status)
    return status


def catat_paraf(hasil: HasilMuat, dokumen: str, jabatan: str, tanggal: _dt.date | None, oleh: str | None = None) -> StatusProses:
    """Record the paraf of `jabatan` on `dokumen` ("perbup" or "tim_penyusun") given on `tanggal`
    (None: remove it) and rewrite status.yaml. The office is matched case-insensitively against the
    paraf order and stored in its spelling there."""
    if dokumen not in DOKUMEN_PARAF:
        raise _salah_perintah(hasil, "paraf", f"dokumen '{dokumen}' tidak dikenal; pilih perbup atau tim_penyusun")
    status = muat_status(hasil)
    urutan = urutan_paraf(hasil.konfigurasi, dokumen)  # type: ignore[arg-type]
    cocok = next((p for p in urutan if normal_jabatan(p.jabatan) == normal_jabatan(jabatan)), None)
    if cocok is None:
        raise _salah_perintah(hasil, f"paraf.{dokumen}", f"jabatan '{jabatan}' tidak ada dalam urutan paraf {DOKUMEN_PARAF[dokumen]}; yang ada: {'; '.join(p.jabatan for p in urutan)}")
    daftar = [c for c in status.paraf_untuk(dokumen) if normal_jabatan(c.jabatan) != normal_jabatan(cocok.jabatan)]  # type: ignore[arg-type]
    if tanggal is not None:
        daftar.append(CatatanParaf(jabatan=cocok.jabatan, tanggal=_tanggal(tanggal), oleh=oleh))
    setattr(status.paraf, dokumen, daftar)
    _periksa_baru(hasil, status)
    tulis_status(hasil, status)
    return status


def _periksa_baru(hasil: HasilMuat, status: StatusProses) -> None:
    masalah = periksa_status(hasil, status, nama=_tampil(jalur_status(hasil)))
    if masalah:
        raise ConfigError(masalah)


# --- the report ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeadaanLangkah:
    langkah: Langkah
    selesai: _dt.date | None
    catatan: str | None
    terlambat: bool  # not finished and its target lies before the report date


@dataclass
class RingkasanStatus:
    per: _dt.date
    langkah: list[KeadaanLangkah] = field(default_factory=list)

    @property
    def selesai(self) -> list[KeadaanLangkah]:
        return [x for x in self.langkah if x.selesai]

    @property
    def belum(self) -> list[KeadaanLangkah]:
        return [x for x in self.langkah if not x.selesai]

    @property
    def terlambat(self) -> list[KeadaanLangkah]:
        return [x for x in self.langkah if x.terlambat]


def ringkas_status(hasil: HasilMuat, per: _dt.date, status: StatusProses | None = None) -> RingkasanStatus:
    """Every step with its state as of `per` (overdue: target < per and not finished)."""
    status = status if status is not None else muat_status(hasil)
    r = RingkasanStatus(per)
    for l in semua_langkah(jadwal(hasil)):
        c = status.tahapan.get(l.kode)
        selesai = c.selesai if c else None
        r.langkah.append(KeadaanLangkah(l, selesai, c.catatan if c else None, selesai is None and l.target < per))
    return r


def teks_keadaan(selesai: _dt.date | None, catatan: str | None = None) -> str:
    """The status word of a step: "selesai 3 Maret 2025" (with the note after ';') or "belum"."""
    if selesai is None:
        return "belum"
    s = f"selesai {bilangan.tanggal(selesai)}"
    return f"{s}; {catatan}" if catatan else s


def laporan_status(hasil: HasilMuat, per: _dt.date, status: StatusProses | None = None) -> str:
    """A terminal report in Indonesian: steps grouped by stage (done / pending / TERLAMBAT as of
    `per`), then the paraf rows of both documents; the last line says how many steps are overdue."""
    k = hasil.konfigurasi
    status = status if status is not None else muat_status(hasil)
    r = ringkas_status(hasil, per, status)
    out = [
        f"Status penyusunan Peraturan Bupati {k.kabupaten.nama} tentang {k.perbup.tentang}",
        f"Batas penetapan: {bilangan.tanggal(k.batas_penetapan)}; keadaan per {bilangan.tanggal(per)}",
    ]
    lebar_kode = max(len(x.langkah.kode) for x in r.langkah)
    tahap_kini = None
    for x in r.langkah:
        if x.langkah.tahap != tahap_kini:
            tahap_kini = x.langkah.tahap
            out += ["", tahap_kini]
        if x.selesai:
            tanda, ket = "[selesai]  ", teks_keadaan(x.selesai, x.catatan)
        elif x.terlambat:
            hari = (per - x.langkah.target).days
            tanda, ket = "[TERLAMBAT]", f"lewat {hari} hari dari target"
        else:
            tanda, ket = "[belum]    ", "belum"
        out.append(f"  {tanda} {x.langkah.kode:<{lebar_kode}}  {x.langkah.uraian}")
        out.append(f"  {'':11} {'':<{lebar_kode}}  target {bilangan.tanggal(x.langkah.target)}; {x.langkah.penanggung_jawab}; {ket}")
    for dok, judul in DOKUMEN_PARAF.items():
        out += ["", f"Paraf koordinasi {judul}:"]
        for i, p in enumerate(urutan_paraf(k, dok), 1):  # type: ignore[arg-type]
            c = status.cari_paraf(dok, p.jabatan)  # type: ignore[arg-type]
            nama = (c.oleh if c and c.oleh else p.nama) or "nama belum diisi"
            if c:
                out.append(f"  {i}. [sudah] {p.jabatan} ({nama}): {bilangan.tanggal(c.tanggal)}")
            else:
                out.append(f"  {i}. [belum] {p.jabatan} ({nama})")
    n_terlambat = len(r.terlambat)
    out += ["", f"{len(r.selesai)} dari {len(r.langkah)} langkah selesai, {len(r.belum)} belum; "
                + (f"{n_terlambat} langkah terlambat." if n_terlambat else "tidak ada langkah yang terlambat.")]
    return "\n".join(out) + "\n"
