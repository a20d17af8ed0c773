"""The preamble forms of Lampiran II shared by every builder: the Mengingat list from the citation
table (ordered by the legal hierarchy, revoked regulations refused) and the konsiderans (each item
ending with ';', the closing item in its required form)."""
from __future__ import annotations

from typing import Any, Iterable

from perbup_gen.dokumen.pustaka import PustakaKlausul, daftar_teks_yaml
from perbup_gen.errors import ConfigError, Masalah
from perbup_gen.konfigurasi.muat import HasilMuat
from perbup_gen.konfigurasi.peraturan import Peraturan, kunci_urut, kunci_wilayah, nama_singkat, sitasi
from perbup_gen.naskah import bilangan
from perbup_gen.naskah.klausul import TemplatBaris
from perbup_gen.naskah.model import Inline, Teks, teks

__all__ = ["akhiri_konsiderans", "konsiderans_penutup", "menimbang_lengkap", "menimbang_templat",
           "mengingat_wilayah", "susun_mengingat"]


def mengingat_wilayah(hasil: HasilMuat) -> list[str]:
    """The keys of the regional laws the region's regulations cite (UU 11/2006 in Aceh, the Otsus
    Papua laws, UU 13/2012 in DI Yogyakarta, the Sumatera Barat Perda on nagari): entries of the
    citation table with `wilayah`."""
    return kunci_wilayah(hasil.peraturan, hasil.konfigurasi.kabupaten.kode)


def susun_mengingat(hasil: HasilMuat, kunci: Iterable[str], jalur: tuple) -> list[str]:
    """Citations for Mengingat, ordered by hierarchy then date, each ending with ';'.

    A revoked regulation is refused (the table knows what replaced it); `jalur` names the config
    field for the message.
    """
    dipilih: list[tuple[str, Peraturan]] = []
    masalah = []
    for k in dict.fromkeys(kunci):
        if k in hasil.alias and hasil.alias[k] is None:
            continue  # no regulation of this kind for the config's year: the data check says so
        p = hasil.peraturan[k]
        if any(p is q for _, q in dipilih):
            continue  # a fiscal-year key and its regulation both chosen
        if p.status == "dicabut":
            pengganti = hasil.peraturan.get(p.dicabut_oleh or "")
            nama = nama_singkat(pengganti) if pengganti else p.dicabut_oleh
            masalah.append(Masalah(hasil.lokasi(*jalur), f"'{k}' sudah dicabut oleh {nama}; jangan dikutip"))
            continue
        dipilih.append((k, p))
    if masalah:
        raise ConfigError(masalah)
    dipilih.sort(key=lambda kp: kunci_urut(kp[1]))
    return [sitasi(k, hasil.peraturan) + ";" for k, _ in dipilih]


def konsiderans_penutup(jumlah_sebelumnya: int, jenis: str, tentang: str) -> str:
    """The last Menimbang item in its required form (Lampiran II):
    "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan
    Peraturan Bupati tentang ...;"."""
    return (f"bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam {bilangan.rujukan_huruf(jumlah_sebelumnya)}, "
            f"perlu menetapkan {jenis} tentang {tentang};")


def akhiri_konsiderans(isi: Inline) -> Inline:
    """A Menimbang item ends with ';' exactly once."""
    if isi and isinstance(isi[-1], Teks):
        isi[-1].teks = isi[-1].teks.rstrip().rstrip(";.,:").rstrip() + ";"
    else:
        isi.append(Teks(";"))
    return isi


def menimbang_templat(pustaka: PustakaKlausul, subfolder: str, konteks: dict[str, Any]) -> list[TemplatBaris]:
    """The Menimbang templates of `<subfolder>/pembukaan.yaml`, compiled and bound to `konteks`."""
    data, posisi, nama = pustaka.baca_yaml(f"{subfolder}/pembukaan.yaml")
    return [TemplatBaris(t, konteks, sumber) for t, sumber in daftar_teks_yaml(data, posisi, nama, "menimbang")]


def menimbang_lengkap(butir: list[Inline], jenis: str, tentang: str) -> list[Inline]:
    """Menimbang items each ending with ';', then the closing konsiderans of Lampiran II."""
    isi = [akhiri_konsiderans(b) for b in butir]
    isi.append(teks(konsiderans_penutup(len(isi), jenis, tentang)))
    return isi
