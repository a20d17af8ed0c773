"""What the builders of a document per desa share (the SK KPM, `sk_kpm.PembangunSKKPM`, and the
KPM task contract, `kontrak.PembangunKontrak`): prepared once per district with the region's names,
then called per desa; a desa with names of its own (a kampung adat of Kabupaten Jayapura, a negeri
of Kota Ambon) gets a builder of the same class prepared for those names, once per distinct set.
"""
from __future__ import annotations

from typing import Any

from perbup_gen.dokumen.konteks import konteks_dasar
from perbup_gen.dokumen.pustaka import PustakaKlausul, pustaka_klausul
from perbup_gen.dokumen.singkatan import baca_singkatan
from perbup_gen.dokumen.tanda_tangan import TITIK
from perbup_gen.konfigurasi.model import KPM, Desa
from perbup_gen.konfigurasi.muat import HasilMuat
from perbup_gen.konfigurasi.sebutan import Sebutan, nama_sendiri
from perbup_gen.konfigurasi.wilayah import DaftarWilayah
from perbup_gen.naskah.istilah import pola_istilah

__all__ = ["PembangunPerDesa", "desa_contoh"]


class PembangunPerDesa:
    """The shared half of a per-desa builder: `self.k`, `self.wilayah`, `self.sebutan` (the
    region's names, or one desa's), `self.istilah_desa`/`istilah_kecamatan` ("Desa", "Kampung
    Adat"; "Kecamatan", "Distrik"), `self.konteks` (the clause context for those names) and
    `self.pola_asing` (foreign terms to italicise). A subclass calls `_siapkan` first in its
    `__init__(hasil, wilayah=None, sebutan=None)` and names its clause folder in `SUBFOLDER`."""

    SUBFOLDER = ""

    def _siapkan(self, hasil: HasilMuat, wilayah: DaftarWilayah | None,
                 sebutan: Sebutan | None) -> tuple[PustakaKlausul, dict[str, Any]]:
        """Sets the shared attributes; returns the clause library and `Sebutan.konteks()`."""
        self.hasil = hasil
        self.k = hasil.konfigurasi
        self.wilayah = wilayah or DaftarWilayah.muat()
        self.sebutan = sebutan or self.k.sebutan_daerah()
        self._sebutan_sendiri = sebutan is not None
        self._lain: dict[tuple, PembangunPerDesa] = {}  # builders of desa with names of their own
        self._kecamatan: dict[str, str] = {}
        pustaka = pustaka_klausul(hasil)
        s = self.sebutan.konteks()
        self.istilah_desa, self.istilah_kecamatan = s["desa"], s["kecamatan"]
        self.konteks = konteks_dasar(hasil, self.sebutan)
        self.pola_asing = pola_istilah(pustaka.istilah_asing())
        return pustaka, s

    def _peta_singkatan(self, pustaka: PustakaKlausul) -> dict[str, str]:
        """The abbreviations of `SUBFOLDER`/singkatan.yaml; for a desa with names of its own, those
        of the region's wording too (the config's wording uses the region's names)."""
        peta = baca_singkatan(pustaka, self.SUBFOLDER, self.konteks)
        if self._sebutan_sendiri:
            peta = {**baca_singkatan(pustaka, self.SUBFOLDER, konteks_dasar(self.hasil)), **peta}
        return peta

    def untuk(self, desa: Desa):
        """The builder for this desa: this one, or one prepared for a desa with names of its own."""
        if not self.k.sebutan_sendiri(desa.kode):
            return self
        s = self.k.sebutan_daerah(desa.kode)
        kunci = tuple((k, v.teks) for k, v in sorted(s.nilai.items()))
        lain = self._lain.get(kunci)
        if lain is None:
            lain = self._lain[kunci] = type(self)(self.hasil, self.wilayah, s)
        return lain

    def nama_desa(self, desa: Desa) -> str:
        """The desa's name as its documents print it: the roster's, else the national list's; a desa
        whose name the list writes with another term ("Desa Adat Yoboi") by its own ("Kampung Adat
        Yoboi")."""
        nama = desa.nama
        if not nama:
            w = self.wilayah.cari(desa.kode)
            nama = w.nama if w is not None else desa.kode
        return nama_sendiri(desa.kode, nama)

    def nama_kecamatan(self, kode: str) -> str:
        """The kecamatan's name from the national list ("..." when it has none), looked up once."""
        nama = self._kecamatan.get(kode)
        if nama is None:
            w = self.wilayah.cari(kode)
            nama = w.nama if w is not None else TITIK
            self._kecamatan[kode] = nama
        return nama


def desa_contoh(hasil: HasilMuat) -> Desa:
    """A made-up desa with one KPM, to check templates and references while preparing a builder."""
    kpm = KPM(nama="Contoh", jenis_kelamin="P", pendidikan="SLTA", alamat="-")
    return Desa(kode=f"{hasil.konfigurasi.kabupaten.kode}.01.2001", nama="Contoh", kpm=[kpm])
