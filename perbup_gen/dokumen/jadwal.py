"""The drafting schedule: the stages and steps of juknis Aksi 4 (and the KPM decree of Aksi 5) from
`clauses/tahapan.yaml` (or the district's own `tahapan.yaml` in its clause folder), each step's
target counted back from `perbup.batas_penetapan` (default 31 May of the config year).

Nothing here reads the clock.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Any

from perbup_gen.dokumen.pustaka import pustaka_klausul
from perbup_gen.errors import KlausulError
from perbup_gen.konfigurasi.model import Konfigurasi
from perbup_gen.konfigurasi.muat import HasilMuat
from perbup_gen.naskah import bilangan

BERKAS_TAHAPAN = "tahapan.yaml"

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
    s = k.sebutan_daerah().konteks()
    return {
        "kepala_pemrakarsa": opd.jabatan_kepala or f"Kepala {opd.nama}",
        "pemrakarsa": opd.singkatan,
        "bupati": f"{k.kepala_daerah} {k.kabupaten.nama}",
        "kabupaten": k.nama_kabupaten,
        "kepala_daerah": k.kepala_daerah,
        "peraturan_kepala_daerah": k.peraturan_kepala_daerah,
        "desa": s["desa"],
        "desa_kecil": s["desa"].lower(),
        "kepala_desa": s["kepala_desa"],
        "keputusan_desa": s["keputusan_desa"],
        "camat": s["camat"],
    }


def jadwal(hasil: HasilMuat) -> list[Tahap]:
    """The stages and steps with their target dates. Raises KlausulError (file and line) when the
    schedule file is broken."""
    k = hasil.konfigurasi
    data, pos, nama = pustaka_klausul(hasil).baca_yaml(BERKAS_TAHAPAN)

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


def teks_keadaan(selesai: _dt.date | None, catatan: str | None = None) -> str:
    """The status word of a step: "selesai 3 Maret 2025" (with the note after ';') or "belum"."""
    if selesai is None:
        return "belum"
    s = f"selesai {bilangan.tanggal(selesai)}"
    return f"{s}; {catatan}" if catatan else s
