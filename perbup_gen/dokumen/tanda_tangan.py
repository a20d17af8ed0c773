"""Names, titles and signatures in the forms of Lampiran II: the heading of the regional head, the
title's number line, a person's name with or without degrees, the signature blocks."""
from __future__ import annotations

import datetime as _dt

from perbup_gen.konfigurasi.model import Konfigurasi, Orang
from perbup_gen.konfigurasi.muat import HasilMuat
from perbup_gen.konfigurasi.nomor import ada_tahun
from perbup_gen.konfigurasi.rapikan import tanpa_gelar
from perbup_gen.naskah import bilangan
from perbup_gen.naskah.model import Kepala, TandaTangan

__all__ = ["TITIK", "jabatan_kepala_daerah", "judul_kapital", "kepala_bupati", "lambang", "nama_orang", "nama_penanda_tangan", "nomor_judul",
           "nomor_judul_register", "perbup_bernomor", "tanda_baca_tembusan", "tanda_tangan_bupati", "tanggal_atau_titik"]

TITIK = "..."


def nama_orang(o: Orang | None, gelar: bool = True) -> str:
    """A person's name with degrees, or dots when unknown."""
    if o is None:
        return TITIK
    nama = " ".join(b for b in (o.gelar_depan, o.nama) if b)
    if gelar and o.gelar_belakang:
        nama += ", " + o.gelar_belakang
    return nama


def nama_penanda_tangan(o: Orang | None) -> str:
    """The name under a signature: capitals, no degree, rank or NIP (Lampiran II), also when the
    degree was typed into the name ("Yohanes Liwan, S.Pd." -> "YOHANES LIWAN")."""
    return tanpa_gelar(o.nama).upper() if o else TITIK


def tanggal_atau_titik(d: _dt.date | None) -> str:
    return bilangan.tanggal(d) if d else TITIK


def nomor_judul(nomor: str | None, tahun: int | None) -> str:
    """"NOMOR 12 TAHUN 2025", or "NOMOR ... TAHUN ..." until numbered."""
    return f"NOMOR {nomor or TITIK} TAHUN {tahun if (nomor and tahun) else (tahun or TITIK)}"


def nomor_judul_register(nomor: str | None, tahun: int | None) -> str:
    """The number line of a decree numbered in a register: "NOMOR 7 TAHUN 2025", but a number
    that carries its year already ("141/07/KPTS/2025") gets no second "TAHUN"."""
    if ada_tahun(nomor):
        return f"NOMOR {nomor}"
    return nomor_judul(nomor, tahun)


def tanda_baca_tembusan(baris: list[str]) -> list[str]:
    """Tembusan lines as a list: each ends with ';', the last with '.'."""
    baris = [b.strip().rstrip(";.,") for b in baris if b.strip()]
    return [b + ("." if i == len(baris) - 1 else ";") for i, b in enumerate(baris)]


def judul_kapital(s: str) -> str:
    """A title in capitals with no final punctuation (Lampiran II)."""
    return s.strip().rstrip(".;:,").upper()


def jabatan_kepala_daerah(k: Konfigurasi) -> str:
    """"BUPATI GUNUNG MAS", "WALI KOTA BATU" (the kota's spelling: "WALIKOTA BANDA ACEH")."""
    return f"{k.kepala_daerah} {k.kabupaten.nama}".upper()


def perbup_bernomor(k: Konfigurasi) -> tuple[str, int] | None:
    """The Perbup on peran desa as a later document cites it, once it has a number: ("Peraturan
    Bupati Gunung Mas Nomor 5 Tahun 2025 tentang ...", 2025); None until numbered. A Perbup is
    numbered when it is promulgated in the Berita Daerah: one year for both."""
    p = k.perbup
    if not p.nomor:
        return None
    tanggal = p.tanggal_pengundangan or p.tanggal_penetapan
    tahun = tanggal.year if tanggal else k.tahun
    return f"{k.peraturan_kepala_daerah} {k.kabupaten.nama} Nomor {p.nomor} Tahun {tahun} tentang {p.tentang}", tahun


def kepala_bupati(k: Konfigurasi, lambang: str | None) -> Kepala:
    """The heading of the regional head's regulation or decree: "BUPATI GUNUNG MAS" / "PROVINSI
    KALIMANTAN TENGAH" ("WALI KOTA BATU" in a kota)."""
    return Kepala([jabatan_kepala_daerah(k), f"PROVINSI {k.kabupaten.provinsi.upper()}"], lambang)


def tanda_tangan_bupati(k: Konfigurasi, tanggal: _dt.date | None) -> TandaTangan:
    """The signature of the Bupati or Wali Kota."""
    return TandaTangan(
        tempat=k.kabupaten.ibu_kota,
        tanggal=tanggal_atau_titik(tanggal),
        jabatan=f"{jabatan_kepala_daerah(k)},",
        nama=nama_penanda_tangan(k.pejabat.bupati),
    )


def lambang(hasil: HasilMuat) -> str | None:
    """The emblem image of the config (a path resolved against the config folder), or None."""
    berkas = hasil.konfigurasi.kabupaten.lambang
    return str((hasil.folder / berkas).resolve()) if berkas else None
