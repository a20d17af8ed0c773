"""The builders of a revision: the amending Peraturan Bupati (Lampiran II UU 12/2011, "Perubahan
Peraturan Perundang-undangan") and the replacing one that revokes the old.

`bangun_perubahan(hasil, lama)` aligns the old regulation (imported, `lama`) with the new one built
from the config and clauses (`dokumen.perbup`), numbers the new text in the old numbering
(`naskah.selaras`) and writes: the title "PERUBAHAN [KEDUA] ATAS PERATURAN BUPATI ... NOMOR ...
TAHUN ... TENTANG ...", konsiderans for a change (`clauses/perubahan/pembukaan.yaml` or
`perbup.mengubah.menimbang`), the same Mengingat as the new Perbup plus the regulation amended,
`Pasal I` with one numbered change point per change in the order of the old text (a changed Pasal
restated whole, an inserted Pasal 7A or BAB IVA, "Pasal 9 dihapus."; a single change is Pasal I's
own sentence) and `Pasal II` on entry into force. The restated elements sit in `Butir.kutipan`.

`bangun_pengganti(hasil)` is the new Perbup whose closing chapter revokes the old one(s)
(`perbup.mencabut`, and the regulation of `perbup.mengubah`): the revocation Pasal and a Menimbang
item come from `clauses/perubahan/` unless the Perbup clauses already hold them.

Wording lives in `clauses/perubahan/`; the rules (which form a change point takes, how its parts
are joined) are here.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from perbup_gen.dokumen.pembukaan import menimbang_lengkap
from perbup_gen.dokumen.perbup import bangun_perbup, jenis_peraturan, konteks_perbup
from perbup_gen.dokumen.pustaka import PustakaKlausul, baca_klausul, daftar_teks_yaml, pustaka_klausul, teks_yaml
from perbup_gen.dokumen.tanda_tangan import TITIK, judul_kapital
from perbup_gen.errors import ConfigError, KlausulError, Masalah
from perbup_gen.konfigurasi.model import PerbupDicabut
from perbup_gen.konfigurasi.muat import HasilMuat
from perbup_gen.naskah import bilangan, penomoran
from perbup_gen.naskah.istilah import miringkan, pola_istilah
from perbup_gen.naskah.klausul import TemplatBaris, muat_badan, polos
from perbup_gen.naskah.model import (
    Ayat, Butir, Daftar, Dokumen, Inline, Judul, Pasal, Pembukaan, Teks, semua_pasal, teks,
)
from perbup_gen.naskah.selaras import (
    HasilPerubahan, Operasi, Penyelarasan, Perubahan, selaraskan, susun_perubahan, teks_inline,
)

__all__ = ["HasilUbah", "PeraturanLama", "bangun_perubahan", "bangun_pengganti", "peraturan_lama",
           "dicabut_dari_mengubah"]

SUBFOLDER = "perubahan"


# --- the regulation being amended ------------------------------------------------------------------


@dataclass
class PeraturanLama:
    """The regulation amended: what its citation needs, each value from the config or, failing
    that, from the old text's title."""

    nomor: str
    tahun: int
    tentang: str
    berita_tahun: int
    berita_nomor: str  # "..." when unknown
    sebelumnya: list[dict] = field(default_factory=list)  # earlier amendments, plain data
    peringatan: list[str] = field(default_factory=list)

    @property
    def perubahan_ke(self) -> str:
        """"" for the first amendment, then "Kedua", "Ketiga" (Lampiran II)."""
        n = len(self.sebelumnya) + 1
        return "" if n == 1 else bilangan.urutan(n)

    def data(self) -> dict:
        return {"nomor": self.nomor, "tahun": self.tahun, "tentang": self.tentang,
                "berita_daerah": {"tahun": self.berita_tahun, "nomor": self.berita_nomor}}


def _judul_biasa(s: str) -> str:
    """A title in capitals as printed ("PERAN DESA DALAM ...") in the case a sentence quotes it:
    "Peran Desa dalam ..." (short function words in lower case)."""
    kecil = {"dan", "atau", "dalam", "di", "ke", "dari", "untuk", "pada", "yang", "bagi", "atas",
             "tentang", "serta", "dengan", "oleh", "terhadap", "sebagai"}
    if s != s.upper():
        return s
    kata = s.lower().split()
    return " ".join(k if (i and k in kecil) else k[:1].upper() + k[1:] for i, k in enumerate(kata))


def peraturan_lama(hasil: HasilMuat, lama: Dokumen | None) -> PeraturanLama:
    """The identity of the regulation in `perbup.mengubah`, completed from the old text's title.
    A value neither gives is a ConfigError naming the field; a value the two disagree on is a
    warning."""
    m = hasil.konfigurasi.perbup.mengubah
    assert m is not None
    idn = lama.identitas if lama is not None else None
    peringatan: list[str] = []
    masalah: list[Masalah] = []
    nomor = m.nomor or (idn.nomor if idn and idn.nomor and "." not in idn.nomor else None)
    tahun = m.tahun or (idn.tahun if idn else None)
    tentang = m.tentang or (_judul_biasa(lama.judul.tentang) if lama is not None and lama.judul.tentang else None)
    if not nomor:
        masalah.append(Masalah(hasil.lokasi("perbup", "mengubah", "nomor"),
                               f"nomor {jenis_peraturan(hasil.konfigurasi)} yang diubah tidak diketahui (judul berkasnya tidak bernomor): "
                               "tulis perbup.mengubah.nomor"))
    if not tahun:
        masalah.append(Masalah(hasil.lokasi("perbup", "mengubah", "tahun"),
                               f"tahun {jenis_peraturan(hasil.konfigurasi)} yang diubah tidak diketahui: tulis perbup.mengubah.tahun"))
    if not tentang:
        masalah.append(Masalah(hasil.lokasi("perbup", "mengubah", "tentang"),
                               f"judul {jenis_peraturan(hasil.konfigurasi)} yang diubah tidak diketahui: tulis perbup.mengubah.tentang"))
    if masalah:
        raise ConfigError(masalah)
    if idn is not None:
        if m.nomor and idn.nomor and "." not in idn.nomor and idn.nomor.lstrip("0") != m.nomor.lstrip("0"):
            peringatan.append(f"perbup.mengubah.nomor {m.nomor} berbeda dengan nomor pada judul berkas ({idn.nomor})")
        if m.tahun and idn.tahun and idn.tahun != m.tahun:
            peringatan.append(f"perbup.mengubah.tahun {m.tahun} berbeda dengan tahun pada judul berkas ({idn.tahun})")
    if m.tentang and lama is not None and lama.judul.tentang and \
            " ".join(m.tentang.upper().split()) != " ".join(lama.judul.tentang.upper().split()):
        peringatan.append(f"perbup.mengubah.tentang \"{m.tentang}\" berbeda dengan judul berkas "
                          f"\"{lama.judul.tentang}\"")
    bd_nomor = m.berita_daerah.nomor or TITIK
    if not m.berita_daerah.nomor:
        peringatan.append(f"nomor Berita Daerah {jenis_peraturan(hasil.konfigurasi)} yang diubah belum diisi "
                          "(perbup.mengubah.berita_daerah.nomor): tertulis \"...\"")
    sebelumnya = []
    for i, s in enumerate(m.perubahan_sebelumnya):
        ke = "" if i == 0 else bilangan.urutan(i + 1) + " "
        tentang_s = s.tentang or (f"Perubahan {ke}atas {jenis_peraturan(hasil.konfigurasi)} {hasil.konfigurasi.kabupaten.nama} "
                                  f"Nomor {nomor} Tahun {tahun} tentang {tentang}")
        if not s.berita_daerah.nomor:
            peringatan.append(f"nomor Berita Daerah perubahan Nomor {s.nomor} Tahun {s.tahun} belum diisi: tertulis \"...\"")
        sebelumnya.append({"nomor": s.nomor, "tahun": s.tahun, "tentang": tentang_s,
                           "berita_daerah": {"tahun": s.berita_daerah.tahun or s.tahun,
                                             "nomor": s.berita_daerah.nomor or TITIK}})
    return PeraturanLama(str(nomor), int(tahun), " ".join(str(tentang).split()),
                         m.berita_daerah.tahun or int(tahun), bd_nomor, sebelumnya, peringatan)


# --- wording -------------------------------------------------------------------------------------


class _Ungkapan:
    """The templates of `perubahan/ungkapan.yaml`, compiled once, rendered with extra values."""

    def __init__(self, pustaka: PustakaKlausul, konteks: dict[str, Any]):
        self.data, self.posisi, self.nama = pustaka.baca_yaml(f"{SUBFOLDER}/ungkapan.yaml")
        self.konteks = konteks
        self._templat: dict[tuple, TemplatBaris] = {}

    def __call__(self, *kunci: str, **tambahan: Any) -> str:
        t = self._templat.get(kunci)
        if t is None:
            data = self.data
            for k in kunci[:-1]:
                data = data.get(k) if isinstance(data, dict) else None
                if not isinstance(data, dict):
                    raise KlausulError(f"kunci '{'.'.join(kunci)}' tidak ada", self.nama)
            isi, sumber = teks_yaml(data, _PosisiDalam(self.posisi, kunci[:-1]), self.nama, kunci[-1])
            t = self._templat[kunci] = TemplatBaris(isi, self.konteks, sumber)
        return " ".join(t.teks(**tambahan).split())


class _PosisiDalam:
    """Positions of a nested mapping of a YAML file (for `teks_yaml`'s messages)."""

    def __init__(self, posisi, awalan: tuple):
        self.posisi, self.awalan = posisi, tuple(awalan)

    def cari(self, jalur, cadangan: str = ""):
        return self.posisi.cari(self.awalan + tuple(jalur), cadangan)


def _konteks(hasil: HasilMuat, pustaka: PustakaKlausul, lama: PeraturanLama) -> dict[str, Any]:
    konteks = konteks_perbup(hasil, pustaka)
    konteks.update(lama=polos(lama.data()), sebelumnya=polos(lama.sebelumnya), perubahan_ke=lama.perubahan_ke)
    return konteks


# --- the change points -----------------------------------------------------------------------------


def _gabung(bagian: list[str]) -> str:
    """"a", "a dan b", "a, b, dan c"."""
    if len(bagian) <= 1:
        return "".join(bagian)
    if len(bagian) == 2:
        return f"{bagian[0]} dan {bagian[1]}"
    return ", ".join(bagian[:-1]) + f", dan {bagian[-1]}"


def _nomor_daftar(nomor: list[str], kata: str) -> str:
    return _gabung([f"{kata} {n}" for n in nomor])


def _jumlah(n: int) -> str:
    return bilangan.bilangan(n)


_RINCI_MAKS = 4  # more operations than this: the Pasal is said to be changed whole


def _rincian_pasal(u: _Ungkapan, nama_pasal: str, ops: list[Operasi], dalam: str) -> str | None:
    """"Ketentuan ayat (2) Pasal 5 diubah, ayat (3) dihapus, dan di antara ayat (1) dan ayat (2)
    disisipkan 1 (satu) ayat, yakni ayat (1a)" (without the closing "sehingga ..."), or None when
    the Pasal is better said to be changed whole."""
    if not ops or len(ops) > _RINCI_MAKS or any(o.jenis == "ubah_pasal" for o in ops):
        return None
    ubah = [o for o in ops if o.jenis == "ubah"]
    hapus = [o for o in ops if o.jenis == "hapus"]
    lain = [o for o in ops if o.jenis in ("sisip", "tambah")]
    kelompok: list[tuple[str, list[Operasi]]] = []
    if ubah:
        kelompok.append(("ubah", ubah))
    if hapus:
        kelompok.append(("hapus", hapus))
    kelompok += [(o.jenis, [o]) for o in lain]
    frasa: list[str] = []
    for i, (jenis, daftar) in enumerate(kelompok):
        pertama = i == 0
        if jenis in ("ubah", "hapus"):
            sasaran = _gabung([o.sasaran for o in daftar])
            if pertama:
                # ayat and items of an ayat: "ayat (2) Pasal 5"; items of a Pasal: "Pasal 1 angka 5"
                if all(o.sasaran.startswith("ayat") for o in daftar):
                    sasaran = f"{sasaran} {nama_pasal}{dalam}"
                else:
                    sasaran = f"{nama_pasal}{dalam} {sasaran}"
            teks_ = u("frasa", jenis, sasaran=sasaran)
            frasa.append(u("frasa", "ketentuan", isi=teks_) if pertama else teks_)
        else:
            o = daftar[0]
            unsur = o.unsur
            nomor = _gabung(o.baru)
            induk = f" {o.induk}" if o.induk else ""
            if jenis == "sisip":
                if pertama:
                    induk = f"{induk} {nama_pasal}{dalam}"
                teks_ = u("frasa", "sisip", sebelum=o.antara[0], sesudah=o.antara[1], induk=induk,
                          jumlah=_jumlah(len(o.baru)), unsur=unsur, nomor=nomor)
                if pertama:
                    teks_ = teks_[:1].upper() + teks_[1:]
            else:
                teks_ = u("frasa", "tambah", jumlah=_jumlah(len(o.baru)), unsur=unsur, nomor=nomor)
                if pertama:
                    tempat = f"{o.induk} {nama_pasal}{dalam}" if o.induk else f"{nama_pasal}{dalam}"
                    teks_ = u("frasa", "ketentuan", isi=f"{tempat} {teks_}")
            frasa.append(teks_)
    return _gabung(frasa)


def _butir_perubahan(u: _Ungkapan, p: Perubahan, dalam: str) -> tuple[str, list]:
    """The sentence of one change point and what it restates."""
    if p.unsur == "pasal" and p.jenis == "ubah":
        nama = f"Pasal {p.nomor[0]}"
        rincian = _rincian_pasal(u, nama, p.operasi, dalam)
        if rincian is None:
            return u("butir", "ubah_pasal", pasal=nama, dalam=dalam), p.baru
        koma = "," if p.operasi[-1].jenis in ("sisip", "tambah") else ""
        return u("butir", "ubah_sebagian", rincian=rincian, koma=koma, pasal=nama), p.baru
    if p.unsur == "pasal" and p.jenis == "sisip":
        nomor = _nomor_daftar(p.nomor, "Pasal")
        bab = f"BAB {p.bab_baru}" if p.bab_baru else ""
        if p.antara[1]:
            return u("butir", "sisip_pasal", sebelum=f"Pasal {p.antara[0]}", sesudah=f"Pasal {p.antara[1]}",
                     dalam=dalam, jumlah=_jumlah(len(p.nomor)), nomor=nomor, bab=bab), p.baru
        return u("butir", "tambah_pasal", sebelum=f"Pasal {p.antara[0]}", dalam=dalam,
                 jumlah=_jumlah(len(p.nomor)), nomor=nomor, bab=bab), p.baru
    if p.unsur == "pasal" and p.jenis == "hapus":
        return u("butir", "hapus_pasal", pasal=f"Pasal {p.nomor[0]}", dalam=dalam), []
    if p.unsur == "bab" and p.jenis == "sisip":
        nomor = _nomor_daftar(p.nomor, "BAB")
        if p.antara[1]:
            return u("butir", "sisip_bab", sebelum=f"BAB {p.antara[0]}", sesudah=f"BAB {p.antara[1]}",
                     dalam=dalam, jumlah=_jumlah(len(p.nomor)), nomor=nomor), p.baru
        return u("butir", "tambah_bab", sebelum=f"BAB {p.antara[0]}", dalam=dalam,
                 jumlah=_jumlah(len(p.nomor)), nomor=nomor), p.baru
    if p.unsur == "bab" and p.jenis == "hapus":
        return u("butir", "hapus_bab", bab=f"BAB {p.nomor[0]}", dalam=dalam), []
    if p.unsur == "judul_bab":
        return u("butir", "ubah_judul_bab", bab=f"BAB {p.nomor[0]}", dalam=dalam), p.baru
    raise ValueError(f"perubahan tidak dikenal: {p.unsur} {p.jenis}")  # pragma: no cover


# --- the amending regulation -----------------------------------------------------------------------


@dataclass
class HasilUbah:
    """The amending regulation with what it was made from."""

    dokumen: Dokumen
    penyelarasan: Penyelarasan
    perubahan: HasilPerubahan
    lama: PeraturanLama
    baru: Dokumen  # the new Perbup as built (its own numbering)
    peringatan: list[str] = field(default_factory=list)


def _patok(hasil: HasilMuat) -> list[tuple[str | None, str | None]]:
    m = hasil.konfigurasi.perbup.mengubah
    return [(p.lama, p.baru) for p in m.pasangan] if m else []


def selaraskan_konfigurasi(hasil: HasilMuat, lama: Dokumen, baru: Dokumen) -> Penyelarasan:
    """`naskah.selaras.selaraskan` with the pins of `perbup.mengubah.pasangan`; a pin naming a Pasal
    that does not exist is a ConfigError at that field."""
    try:
        return selaraskan(lama, baru, _patok(hasil))
    except ValueError as e:
        raise ConfigError([Masalah(hasil.lokasi("perbup", "mengubah", "pasangan"), str(e))]) from None


def bangun_perubahan(hasil: HasilMuat, lama: Dokumen, baru: Dokumen | None = None) -> HasilUbah:
    """The amending Perbup of `lama` (the old text, imported) into the Perbup the config builds."""
    k = hasil.konfigurasi
    m = k.perbup.mengubah
    if m is None:
        raise ConfigError([Masalah(hasil.lokasi("perbup"), "perbup.mengubah tidak diisi: tidak ada peraturan yang diubah")])
    info = peraturan_lama(hasil, lama)
    if baru is None:
        baru = bangun_perbup(hasil)
    sel = selaraskan_konfigurasi(hasil, lama, baru)
    hp = susun_perubahan(sel)
    pustaka = pustaka_klausul(hasil)
    konteks = _konteks(hasil, pustaka, info)
    u = _Ungkapan(pustaka, konteks)
    peraturan_lama_teks = u("peraturan_lama")
    konteks["peraturan_lama"] = peraturan_lama_teks
    u = _Ungkapan(pustaka, konteks)
    if not hp.perubahan:
        raise KlausulError("tidak ada ketentuan yang berubah: Peraturan Bupati yang dibangun dari konfigurasi "
                           f"sama dengan {m.berkas}; tidak ada yang perlu diubah")
    tentang = u("tentang")

    # Pasal I
    tunggal = len(hp.perubahan) == 1
    if tunggal:
        kalimat, kutipan = _butir_perubahan(u, hp.perubahan[0], f" dalam {peraturan_lama_teks}")
        ayat = Ayat(teks(kalimat))
        if kutipan:
            ayat.daftar = Daftar([Butir([Teks("")], tanda="", kutipan=list(kutipan))], sambung="", jenis="kalimat")
    else:
        butir = []
        for i, p in enumerate(hp.perubahan, 1):
            kalimat, kutipan = _butir_perubahan(u, p, "")
            butir.append(Butir(teks(kalimat), tanda=f"{i}.", kutipan=list(kutipan)))
        ayat = Ayat(teks(u("pasal_i")), Daftar(butir, sambung="", jenis="kalimat"))
    pasal_i = Pasal([ayat], nomor="I")
    pasal_ii = Pasal([Ayat(teks(u("pasal_ii")))], nomor="II")

    baru_pb = baru.pembukaan
    dok = Dokumen(
        jenis="peraturan",
        kepala=baru.kepala,
        judul=Judul(jenis=baru.judul.jenis, nomor=baru.judul.nomor, tentang=judul_kapital(tentang),
                    rancangan=baru.judul.rancangan),
        pembukaan=Pembukaan(
            pejabat=baru_pb.pejabat,
            menimbang=_menimbang(hasil, pustaka, konteks, tentang),
            mengingat=list(baru_pb.mengingat) + [teks(f"{peraturan_lama_teks};")],
            menetapkan=f"{jenis_peraturan(k).upper()} TENTANG {judul_kapital(tentang)}.",
            rahmat=baru_pb.rahmat,
        ),
        batang_tubuh=[pasal_i, pasal_ii],
        kalimat_pengundangan=baru.kalimat_pengundangan,
        penutup=baru.penutup,
        paraf=baru.paraf,
        properti={
            "title": f"{'Rancangan ' if baru.judul.rancangan else ''}{jenis_peraturan(k)} {k.kabupaten.nama} tentang {tentang}",
            "subject": tentang,
            "creator": baru.properti.get("creator", "perbup-gen"),
        },
    )
    miringkan(dok, pola_istilah(pustaka.istilah_asing()))
    peringatan = info.peringatan + hp.peringatan
    return HasilUbah(dok, sel, hp, info, baru, peringatan)


def _menimbang(hasil: HasilMuat, pustaka: PustakaKlausul, konteks: dict, tentang: str) -> list[Inline]:
    m = hasil.konfigurasi.perbup.mengubah
    if m.menimbang:
        butir = [teks(" ".join(x.split())) for x in m.menimbang]
    else:
        data_, posisi, nama = pustaka.baca_yaml(f"{SUBFOLDER}/pembukaan.yaml")
        butir = [TemplatBaris(t, konteks, sumber).inline()
                 for t, sumber in daftar_teks_yaml(data_, posisi, nama, "menimbang")]
    return menimbang_lengkap(butir, jenis_peraturan(hasil.konfigurasi), tentang)


# --- the replacing regulation ----------------------------------------------------------------------


def dicabut_dari_mengubah(hasil: HasilMuat, info: PeraturanLama) -> PerbupDicabut:
    """The regulation of `perbup.mengubah` as an entry of `perbup.mencabut`."""
    return PerbupDicabut.model_validate({
        "nomor": info.nomor, "tahun": info.tahun, "tentang": info.tentang,
        "berita_daerah": {"tahun": info.berita_tahun,
                          "nomor": None if info.berita_nomor == TITIK else info.berita_nomor}})


def _data_dicabut(daftar: list[PerbupDicabut]) -> tuple:
    return polos([{"nomor": d.nomor, "tahun": d.tahun, "tentang": d.tentang,
                   "berita_daerah": {"tahun": d.berita_daerah.tahun or d.tahun,
                                     "nomor": d.berita_daerah.nomor or TITIK}} for d in daftar])


def bangun_pengganti(hasil: HasilMuat, tambahan: list[PerbupDicabut] = ()) -> tuple[Dokumen, list[str]]:
    """The new Perbup revoking `perbup.mencabut` and `tambahan` (the regulation of
    `perbup.mengubah`) in its closing chapter, and warnings. The revocation Pasal and the
    Menimbang item are added from `clauses/perubahan/` only where the Perbup clauses do not
    already say it."""
    k = hasil.konfigurasi
    dicabut = list(k.perbup.mencabut)
    for t in tambahan:
        if not any(d.nomor == t.nomor and d.tahun == t.tahun for d in dicabut):
            dicabut.append(t)
    perbup_baru = k.perbup.model_copy(update={"mencabut": dicabut})
    hasil2 = dataclasses.replace(hasil, konfigurasi=k.model_copy(update={"perbup": perbup_baru}))
    dok = bangun_perbup(hasil2)
    peringatan = [f"nomor Berita Daerah {jenis_peraturan(k)} Nomor {d.nomor} Tahun {d.tahun} yang dicabut belum "
                  "diisi: tertulis \"...\"" for d in dicabut if not d.berita_daerah.nomor]
    if not dicabut:
        return dok, peringatan
    pustaka = pustaka_klausul(hasil2)
    konteks = konteks_perbup(hasil2, pustaka)
    konteks["dicabut"] = _data_dicabut(dicabut)
    berubah = False
    if not _ada_pencabutan(dok):
        klausul = baca_klausul(pustaka.cari(f"{SUBFOLDER}/pencabutan.md"), f"{SUBFOLDER}/pencabutan.md")
        pasal = [p for p in semua_pasal(muat_badan([klausul], konteks))]
        _sisipkan_sebelum_pasal_akhir(dok, pasal)
        berubah = True
    pb = dok.pembukaan
    if not k.perbup.menimbang and not any(
            all(f"Nomor {d.nomor} Tahun {d.tahun}" in teks_inline(x) for d in dicabut[:1]) for x in pb.menimbang):
        data_, posisi, nama = pustaka.baca_yaml(f"{SUBFOLDER}/pembukaan.yaml")
        templat, sumber = teks_yaml(data_, posisi, nama, "menimbang_pengganti")
        butir = [x for x in pb.menimbang[:-1]] + [TemplatBaris(templat, konteks, sumber).inline()]
        pb.menimbang = menimbang_lengkap(butir, jenis_peraturan(k), k.perbup.tentang.strip())
        berubah = True
    if berubah:
        penomoran.susun(dok)
        miringkan(dok, pola_istilah(pustaka.istilah_asing()))
    return dok, peringatan


def _ada_pencabutan(dok: Dokumen) -> bool:
    for p in semua_pasal(dok.batang_tubuh):
        for a in p.ayat:
            teks_ = [teks_inline(a.isi)]
            if a.daftar:
                teks_ += [teks_inline(b.isi) for b in a.daftar.butir]
            if any("dicabut dan dinyatakan tidak berlaku" in t for t in teks_):
                return True
    return False


def _sisipkan_sebelum_pasal_akhir(dok: Dokumen, pasal: list[Pasal]) -> None:
    """Put `pasal` before the last Pasal of the body (the entry into force), in its container."""
    terakhir = None
    wadah = dok.batang_tubuh

    def cari(daftar: list) -> None:
        nonlocal terakhir, wadah
        for u in daftar:
            if isinstance(u, Pasal):
                terakhir, wadah = u, daftar
            elif hasattr(u, "isi") and isinstance(getattr(u, "isi"), list):
                cari(u.isi)
            elif hasattr(u, "pasal"):
                cari(u.pasal)

    cari(dok.batang_tubuh)
    if terakhir is None:
        dok.batang_tubuh.extend(pasal)
        return
    i = next(i for i, u in enumerate(wadah) if u is terakhir)
    wadah[i:i] = pasal
