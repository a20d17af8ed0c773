"""The drafting status: `status.yaml` checked against the schedule and the paraf orders,
recording a finished step or an initial (`catat_tahap`, `catat_paraf`, atomic rewrite), and the
report of what is done, pending and overdue (`laporan_status`).

Nothing here reads the clock: the report date `per` is always passed in by the caller.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from perbup_gen.dokumen.jadwal import Langkah, jadwal, semua_langkah, teks_keadaan
from perbup_gen.dokumen.paraf import DOKUMEN_PARAF, judul_dokumen_paraf, normal_jabatan, urutan_paraf
from perbup_gen.errors import ConfigError, Lokasi, Masalah
from perbup_gen.konfigurasi.muat import HasilMuat, _tampil
from perbup_gen.konfigurasi.status import (
    BERKAS_STATUS, CatatanParaf, CatatanTahap, StatusProses, _baris_kunci, _tanggal, baca_status, jalur_status,
)
from perbup_gen.konfigurasi.yaml_muat import Posisi
from perbup_gen.naskah import bilangan


def muat_status(hasil: HasilMuat) -> StatusProses:
    """Read `status.yaml` and check it against the schedule and the paraf orders. Raises
    ConfigError naming file, line and field."""
    status, pos, teks, nama = baca_status(hasil)
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
# `perbup-gen status` dan aplikasi web memperbarui berkas ini dan menyimpan komentar yang ada.
# tahapan: kode langkah (lihat clauses/tahapan.yaml) -> {selesai: TTTT-BB-HH, catatan: ...}
# paraf: perbup / tim_penyusun -> daftar {jabatan, tanggal, oleh}
"""


def _yaml_rt():
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.width = 150
    y.indent(mapping=2, sequence=4, offset=2)
    y.allow_unicode = True
    y.preserve_quotes = True
    return y


def _peta_alir(pasangan) -> Any:
    """A new flow-style mapping ({a: 1, b: 2}) with the non-empty pairs, the file's usual form."""
    from ruamel.yaml.comments import CommentedMap

    m = CommentedMap((k, v) for k, v in pasangan if v is not None)
    m.fa.set_flow_style()
    return m


def _perbarui_peta(m: Any, nilai: dict) -> None:
    """Set the fields of an existing mapping in place (keeps its comments); drop the absent ones."""
    for kunci in list(m):
        if kunci not in nilai:
            del m[kunci]
    for kunci, v in nilai.items():
        if m.get(kunci) != v:
            m[kunci] = v


def teks_status(hasil: HasilMuat, status: StatusProses, lama: str | None = None) -> str:
    """status.yaml as text. With the current text `lama`, it is updated in place (round trip):
    hand-written comments, quoting and the entries' order stay; a new step or initial is inserted
    at its place in schedule or paraf order. Without it, a new file: steps in schedule order,
    initials in paraf order."""
    import io

    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    k = hasil.konfigurasi
    y = _yaml_rt()
    doc = y.load(lama) if lama and lama.strip() else None
    if not isinstance(doc, CommentedMap):
        doc = y.load(_KEPALA_BERKAS + "paraf:\ntahapan:\n")
    for kunci in ("paraf", "tahapan"):
        if not isinstance(doc.get(kunci), CommentedMap):
            doc[kunci] = CommentedMap()

    urut_kode = {l.kode: i for i, l in enumerate(semua_langkah(jadwal(hasil)))}
    urutan = lambda kd: (urut_kode.get(kd, len(urut_kode)), kd)  # noqa: E731
    tahapan = doc["tahapan"]
    ingin: dict[str, dict] = {}
    for kd in sorted(status.tahapan, key=urutan):
        c = status.tahapan[kd]
        if c.selesai is None and not c.catatan:
            continue
        ingin[kd] = {kunci: nilai for kunci, nilai in (("selesai", c.selesai), ("catatan", c.catatan)) if nilai is not None}
    for kd in list(tahapan):
        if kd not in ingin:
            del tahapan[kd]
    for kd, nilai in ingin.items():
        ada = tahapan.get(kd)
        if isinstance(ada, CommentedMap):
            _perbarui_peta(ada, nilai)
        elif kd in tahapan and set(nilai) == {"selesai"}:
            tahapan[kd] = nilai["selesai"]  # the shorthand "t1-tim: 2025-01-20" stays short
        elif kd in tahapan:
            tahapan[kd] = _peta_alir(nilai.items())
        else:
            posisi = sum(1 for lain in tahapan if urutan(lain) < urutan(kd))
            tahapan.insert(posisi, kd, _peta_alir(nilai.items()))

    paraf = doc["paraf"]
    for dok in DOKUMEN_PARAF:
        urut = {normal_jabatan(p.jabatan): i for i, p in enumerate(urutan_paraf(k, dok))}  # type: ignore[arg-type]
        kunci_urut = lambda j: urut.get(normal_jabatan(j), len(urut))  # noqa: E731
        daftar = paraf.get(dok)
        if not isinstance(daftar, CommentedSeq):
            daftar = CommentedSeq()
            paraf[dok] = daftar
        baru = {normal_jabatan(c.jabatan): c for c in status.paraf_untuk(dok)}  # type: ignore[arg-type]
        for i in reversed(range(len(daftar))):
            item = daftar[i]
            n = normal_jabatan(item.get("jabatan", "")) if isinstance(item, dict) else None
            if n not in baru:
                del daftar[i]
        sudah = set()
        for i, item in enumerate(daftar):
            n = normal_jabatan(item.get("jabatan", ""))
            c = baru[n]
            sudah.add(n)
            _perbarui_peta(item, {kunci: nilai for kunci, nilai in (("jabatan", c.jabatan), ("tanggal", c.tanggal), ("oleh", c.oleh)) if nilai is not None})
        for n, c in sorted(baru.items(), key=lambda x: kunci_urut(x[1].jabatan)):
            if n in sudah:
                continue
            posisi = sum(1 for item in daftar if kunci_urut(item.get("jabatan", "")) <= kunci_urut(c.jabatan))
            daftar.insert(posisi, _peta_alir((("jabatan", c.jabatan), ("tanggal", c.tanggal), ("oleh", c.oleh))))
    keluar = io.StringIO()
    y.dump(doc, keluar)
    return keluar.getvalue()


def tulis_status(hasil: HasilMuat, status: StatusProses) -> Path:
    """Write status.yaml atomically (temporary file, fsync, rename) and return its path. The file
    already there is updated in place: its comments survive."""
    from perbup_gen.keluaran.berkas import tulis_atomik
    from perbup_gen.konfigurasi.yaml_muat import baca_teks_berkas

    path = jalur_status(hasil)
    ada = path.exists()
    lama = baca_teks_berkas(path) if ada else None
    tulis_atomik(path, teks_status(hasil, status, lama).encode("utf-8"), (path.stat().st_mode & 0o777) if ada else None)
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
    from perbup_gen.konfigurasi.muat import periksa_karakter
    from perbup_gen.konfigurasi.yaml_muat import Posisi

    posisi = Posisi()
    posisi.catat((), Lokasi(_tampil(jalur_status(hasil))))
    # what was typed on the command line (--oleh, --catatan) obeys the rules of a typed value
    masalah = periksa_karakter(status.model_dump(mode="json"), posisi)
    masalah += periksa_status(hasil, status, nama=_tampil(jalur_status(hasil)))
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


def laporan_status(hasil: HasilMuat, per: _dt.date, status: StatusProses | None = None) -> str:
    """A terminal report in Indonesian: steps grouped by stage (done / pending / TERLAMBAT as of
    `per`), then the paraf rows of both documents; the last line says how many steps are overdue."""
    k = hasil.konfigurasi
    status = status if status is not None else muat_status(hasil)
    r = ringkas_status(hasil, per, status)
    out = [
        f"Status penyusunan Peraturan {k.kepala_daerah} {k.kabupaten.nama} tentang {k.perbup.tentang}",
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
    for dok, judul in judul_dokumen_paraf(k).items():
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
