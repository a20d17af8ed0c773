"""The builder of the Peraturan Bupati on the role of desa in stunting reduction (juknis Aksi 4).

`bangun_perbup(hasil)` turns a validated config into a numbered `Dokumen` in the form of UU 12/2011
Lampiran II: heading, title, preamble (Menimbang from the config or `clauses/perbup/pembukaan.yaml`,
Mengingat from the citation table), the body from the clause files `clauses/perbup/*.md`, the
closing sentence, the signature and promulgation blocks and the paraf-koordinasi box.

Pasal 1 is built from `clauses/perbup/definisi.yaml`: the body is rendered with every candidate
definition, then the definitions whose term is not used anywhere else in the body (nor in another
definition kept) are removed, so Pasal 1 defines exactly the terms the regulation uses.

Every wording file is looked up through the clause library, so a district's clause folder
(`folder_klausul`) can override `perbup/pembukaan.yaml`, `perbup/definisi.yaml` and
`perbup/ungkapan.yaml` as it overrides the clause files.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from perbup_gen.dokumen.konteks import data, konteks_dasar
from perbup_gen.dokumen.paraf import urutan_paraf
from perbup_gen.dokumen.pembukaan import menimbang_lengkap, menimbang_templat, mengingat_wilayah, susun_mengingat
from perbup_gen.dokumen.pustaka import PustakaKlausul, pustaka_klausul, sumber_yaml, teks_yaml
from perbup_gen.dokumen.tanda_tangan import (
    TITIK, jabatan_kepala_daerah, judul_kapital, kepala_bupati, lambang, nama_penanda_tangan, nomor_judul,
    tanda_tangan_bupati, tanggal_atau_titik,
)
from perbup_gen.errors import KlausulError
from perbup_gen.konfigurasi.model import OPD, Konfigurasi
from perbup_gen.konfigurasi.muat import HasilMuat
from perbup_gen.naskah import penomoran
from perbup_gen.naskah.istilah import miringkan, pola_istilah
from perbup_gen.naskah.klausul import TemplatBaris, muat_badan, pecah_sumber, polos
from perbup_gen.naskah.model import (
    BarisParaf, Butir, Daftar, Dokumen, Inline, Judul, Pasal, Pembukaan, Penutup, TandaTangan, Teks, semua_pasal,
    teks,
)

__all__ = [
    "bangun_perbup",
    "jenis_peraturan",
    "konteks_perbup",
    "sebutan_lembaga",
    "CalonDefinisi",
    "berlaku_di",
    "calon_definisi",
    "pilih_definisi",
]

JENIS = "Peraturan Bupati"  # in a kota "Peraturan Wali Kota" (`jenis_peraturan`)
SUBFOLDER = "perbup"
PENCIPTA = "perbup-gen"


# --- the clause library and the context ----------------------------------------------------------


def jenis_peraturan(k: Konfigurasi) -> str:
    """"Peraturan Bupati", "Peraturan Wali Kota" (`Konfigurasi.peraturan_kepala_daerah`)."""
    return k.peraturan_kepala_daerah


def sebutan_lembaga(nama: str) -> str:
    """The short name of a community institution written "Long Name (ABBR) rest".

    The abbreviation replaces the words it stands for (the shortest tail of the long name whose
    capital initials spell it): "Tim Penggerak Pemberdayaan dan Kesejahteraan Keluarga (PKK) Desa"
    -> "Tim Penggerak PKK Desa"; when the initials do not match, the abbreviation stands for the
    whole long name: "Pos Pelayanan Terpadu (Posyandu)" -> "Posyandu". A name without brackets is
    kept.
    """
    m = re.fullmatch(r"\s*(.*?)\s*\(([^()]+)\)\s*(.*?)\s*", nama)
    if not m or not m.group(1):
        return nama
    panjang, singkat, sisa = m.group(1).split(), m.group(2).strip(), m.group(3)
    awal = ""
    for i in range(len(panjang) - 1, -1, -1):
        inisial = "".join(w[0] for w in panjang[i:] if w[:1].isupper())
        if inisial.upper() == singkat.upper():
            awal = " ".join(panjang[:i])
            break
    return " ".join(x for x in (awal, singkat, sisa) if x)


def _koordinator_data(k: Konfigurasi) -> OPD | None:
    """The OPD that consolidates data: the configured one, else the planning agency if listed."""
    if k.koordinasi.koordinator_data:
        return k.opd_kode(k.koordinasi.koordinator_data)
    for o in k.opd:
        if o.kode.startswith("bappeda") or o.nama.startswith("Badan Perencanaan Pembangunan Daerah"):
            return o
    return None


def _jumlah_kelurahan(kode: str) -> int:
    from perbup_gen.konfigurasi.wilayah import DaftarWilayah

    try:
        return sum(1 for w in DaftarWilayah.muat().keturunan(kode) if w.tingkat == "kelurahan")
    except ValueError:
        return 0


def konteks_perbup(hasil: HasilMuat, pustaka: PustakaKlausul) -> dict[str, Any]:
    """`konteks_dasar` plus what the Perbup clauses need (derived lists, wording), all plain data."""
    k = hasil.konfigurasi
    konteks = konteks_dasar(hasil)
    ungkapan, posisi, nama = pustaka.baca_yaml(f"{SUBFOLDER}/ungkapan.yaml")
    pendidikan = (ungkapan.get("pendidikan") or {}).get(k.kpm.pendidikan_minimal)
    if not isinstance(pendidikan, str) or not pendidikan.strip():
        raise KlausulError(f"'pendidikan.{k.kpm.pendidikan_minimal}' tidak ada: jenjang pendidikan "
                           "KPM harus ditulis dalam kata-kata", nama)
    peran_kecamatan = konteks["peran_kecamatan"]
    nonaktif = set(k.perbup.klausul_nonaktif)
    konteks.update(
        # ids of the Perbup clause files in use: the ruang lingkup lists only chapters present
        klausul_aktif=tuple(i for i in pustaka.id_klausul(SUBFOLDER) if i not in nonaktif),
        # the kecamatan role that holds the coordination meetings (juknis Aksi 5, Tahap Ketiga
        # angka 4 huruf c), so the meeting ayat can point at its item; None when there is none
        indeks_rapat_kecamatan=next(
            (i for i, p in enumerate(peran_kecamatan) if "rapat koordinasi" in p.lower()), None),
        koordinator_data=data(_koordinator_data(k)),
        pendidikan_minimal=pendidikan.strip(),
        lembaga=polos([
            {"nama": l.nama, "sebutan": sebutan_lembaga(l.nama), "peran": list(l.peran), "lkd": l.lkd}
            for l in k.lembaga_masyarakat
        ]),
        # kelurahan of the kabupaten in the national list: a Pasal says the Perbup does not
        # reach them (no Kepala Desa, APB Desa or KPM)
        jumlah_kelurahan=_jumlah_kelurahan(k.kabupaten.kode),
        opd_intervensi=data([o for o in k.opd if o.intervensi]),
        definisi=(),
    )
    return konteks


# --- Pasal 1: definitions ------------------------------------------------------------------------


@dataclass
class CalonDefinisi:
    """One candidate definition, rendered: its sentence and the terms that call for it."""

    teks: str
    istilah: list[str]
    sumber: str


def calon_definisi(pustaka: PustakaKlausul, konteks: dict) -> list[CalonDefinisi]:
    """The candidate definitions of `perbup/definisi.yaml`, rendered, in the file's order."""
    isi, posisi, nama = pustaka.baca_yaml(f"{SUBFOLDER}/definisi.yaml")
    daftar = isi.get("definisi")
    if not isinstance(daftar, list):
        raise KlausulError("kunci 'definisi' harus berupa daftar", nama)
    hasil: list[CalonDefinisi] = []
    kode = str(konteks.get("kode_daerah", ""))
    for i, d in enumerate(daftar):
        sumber = sumber_yaml(posisi, ("definisi", i), nama)
        if not isinstance(d, dict) or not isinstance(d.get("teks"), str) \
                or not isinstance(d.get("istilah"), list) or not d["istilah"]:
            raise KlausulError("tiap definisi harus mempunyai 'teks' (templat) dan 'istilah' "
                               "(daftar istilah yang dicari)", *pecah_sumber(sumber))
        if not berlaku_di(d, kode, sumber):
            continue  # a definition of another region's law
        teks_ = TemplatBaris(d["teks"], konteks, sumber_yaml(posisi, ("definisi", i, "teks"), nama)).teks()
        istilah = [TemplatBaris(str(t), konteks, sumber).teks().strip() for t in d["istilah"]]
        hasil.append(CalonDefinisi(teks_.strip(), [t for t in istilah if t], sumber))
    return hasil


def berlaku_di(d: dict, kode: str, sumber: str = "") -> bool:
    """Whether a definition of definisi.yaml holds in region `kode`: `wilayah` (code prefixes where
    it holds; absent: everywhere) and `kecuali_wilayah` (where it does not)."""
    def daftar(kunci: str) -> list[str]:
        v = d.get(kunci) or []
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise KlausulError(f"'{kunci}' harus berupa daftar kode wilayah, mis. [\"11\"]", *pecah_sumber(sumber))
        return v

    def cocok(awalan: list[str]) -> bool:
        return any(kode == a or kode.startswith(a + ".") for a in awalan)

    wilayah, kecuali = daftar("wilayah"), daftar("kecuali_wilayah")
    return (not wilayah or cocok(wilayah)) and not cocok(kecuali)


def _polos_inline(isi: Inline) -> str:
    return "".join(t.teks for t in isi if isinstance(t, Teks))


def _inline_daftar(d: Daftar) -> Iterable[Inline]:
    for b in d.butir:
        yield b.isi
        if b.daftar:
            yield from _inline_daftar(b.daftar)


def _teks_pasal(p: Pasal) -> str:
    bagian = []
    for a in p.ayat:
        bagian.append(_polos_inline(a.isi))
        if a.daftar:
            bagian.extend(_polos_inline(x) for x in _inline_daftar(a.daftar))
    return "\n".join(bagian)


def _pola_istilah(istilah: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(istilah) + r"(?!\w)")


def pilih_definisi(calon: list[CalonDefinisi], teks_lain: str) -> list[CalonDefinisi]:
    """The candidates whose term occurs in `teks_lain` or in another chosen definition.

    Grows to a fixed point: a definition kept may call for another ("Pemerintah Desa adalah Kepala
    Desa ..." keeps "Kepala Desa"). The order of `calon` is kept.
    """
    pola = [[_pola_istilah(t) for t in c.istilah] for c in calon]
    dipakai: set[int] = set()
    berubah = True
    while berubah:
        berubah = False
        for i, c in enumerate(calon):
            if i in dipakai:
                continue
            teks_ = "\n".join([teks_lain] + [calon[j].teks for j in dipakai if j != i])
            if any(p.search(teks_) for p in pola[i]):
                dipakai.add(i)
                berubah = True
    return [c for i, c in enumerate(calon) if i in dipakai]


def _saring_definisi(badan: list, calon: list[CalonDefinisi]) -> None:
    """Remove from Pasal 1 the candidate definitions whose term the rest of the body never uses."""
    pasal_definisi: Pasal | None = None
    daftar: Daftar | None = None
    for p in semua_pasal(badan):
        for a in p.ayat:
            if a.daftar is not None and a.daftar.jenis == "definisi":
                pasal_definisi, daftar = p, a.daftar
                break
        if daftar is not None:
            break
    if daftar is None:
        return  # a district clause without the definition list: nothing to choose
    teks_calon = {c.teks: c for c in calon}
    lain = [_teks_pasal(p) for p in semua_pasal(badan) if p is not pasal_definisi]
    # definitions written directly in the clause (not from definisi.yaml) always stay
    lain += [_polos_inline(b.isi) for b in daftar.butir if _polos_inline(b.isi).strip() not in teks_calon]
    dipilih = {id(c) for c in pilih_definisi(calon, "\n".join(lain))}
    butir: list[Butir] = []
    for b in daftar.butir:
        c = teks_calon.get(_polos_inline(b.isi).strip())
        if c is None or id(c) in dipilih:
            butir.append(b)
    if not butir:
        raise KlausulError("Pasal definisi tidak berisi satu definisi pun: tidak ada istilah "
                           "definisi.yaml yang dipakai di batang tubuh", *pecah_sumber(pasal_definisi.sumber))
    daftar.butir = butir


# --- preamble ------------------------------------------------------------------------------------


def _menimbang(hasil: HasilMuat, pustaka: PustakaKlausul, konteks: dict) -> list[Inline]:
    k = hasil.konfigurasi
    if k.perbup.menimbang:
        # the district's own text: literal, never a template
        butir = [teks(" ".join(m.split())) for m in k.perbup.menimbang]
    else:
        butir = [t.inline() for t in menimbang_templat(pustaka, SUBFOLDER, konteks)]
        # an item whose template renders nothing (e.g. the replaced Perbup, when there is none)
        butir = [b for b in butir if "".join(getattr(x, "teks", "") or "x" for x in b).strip()]
    return menimbang_lengkap(butir, jenis_peraturan(k), k.perbup.tentang.strip())


def _pembukaan(hasil: HasilMuat, pustaka: PustakaKlausul, konteks: dict) -> Pembukaan:
    k = hasil.konfigurasi
    kunci = [k.kabupaten.dasar_pembentukan] + list(k.perbup.dasar_hukum.pilih) + mengingat_wilayah(hasil)
    mengingat = susun_mengingat(hasil, kunci, ("perbup", "dasar_hukum", "pilih"))
    return Pembukaan(
        pejabat=f"{jabatan_kepala_daerah(k)},",
        menimbang=_menimbang(hasil, pustaka, konteks),
        mengingat=[teks(m) for m in mengingat],
        menetapkan=f"{jenis_peraturan(k).upper()} TENTANG {judul_kapital(k.perbup.tentang)}.",
        rahmat=_rahmat(k),
    )


def _rahmat(k: Konfigurasi) -> list[str] | None:
    """The region's opening formula (None: the national one)."""
    baris = k.sebutan_daerah().pembukaan()
    return None if baris == ["DENGAN RAHMAT TUHAN YANG MAHA ESA"] else baris


# --- closing -------------------------------------------------------------------------------------


def _kalimat_pengundangan(pustaka: PustakaKlausul, konteks: dict) -> str:
    templat, sumber = teks_yaml(*pustaka.baca_yaml(f"{SUBFOLDER}/ungkapan.yaml"), "kalimat_pengundangan")
    return TemplatBaris(templat, konteks, sumber).teks().strip()


def _penutup(k: Konfigurasi) -> Penutup:
    p = k.perbup
    daerah = k.nama_kabupaten.upper()  # "KABUPATEN GUNUNG MAS", "KOTA BATU"
    tahun_bd = p.tanggal_pengundangan.year if p.tanggal_pengundangan else k.tahun
    return Penutup(
        ditetapkan=tanda_tangan_bupati(k, p.tanggal_penetapan),
        diundangkan=TandaTangan(
            tempat=k.kabupaten.ibu_kota,
            tanggal=tanggal_atau_titik(p.tanggal_pengundangan),
            jabatan=f"SEKRETARIS DAERAH {daerah},",
            nama=nama_penanda_tangan(k.pejabat.sekretaris_daerah),
            kata="Diundangkan",
        ),
        berita_daerah=(f"BERITA DAERAH {daerah} TAHUN {tahun_bd} "
                       f"NOMOR {p.nomor_berita_daerah or TITIK}"),
    )


def _paraf(k: Konfigurasi) -> list[BarisParaf]:
    """The paraf-koordinasi box of the last page, in the order of `paraf.urutan_paraf`."""
    if not k.perbup.kotak_paraf:
        return []
    return [BarisParaf(jabatan=p.jabatan, nama=p.nama) for p in urutan_paraf(k, "perbup")]


# --- the document --------------------------------------------------------------------------------


def bangun_perbup(hasil: HasilMuat) -> Dokumen:
    """The Peraturan Bupati as a numbered document model (penomoran.susun applied, foreign terms
    in italics)."""
    k = hasil.konfigurasi
    pustaka = pustaka_klausul(hasil)
    konteks = konteks_perbup(hasil, pustaka)

    calon = calon_definisi(pustaka, konteks)
    konteks_badan = dict(konteks, definisi=tuple(c.teks for c in calon))
    badan = muat_badan(pustaka.klausul(SUBFOLDER), konteks_badan, nonaktif=k.perbup.klausul_nonaktif)
    _saring_definisi(badan, calon)

    tentang = judul_kapital(k.perbup.tentang)
    dok = Dokumen(
        jenis="peraturan",
        kepala=kepala_bupati(k, lambang(hasil)),
        judul=Judul(
            jenis=f"PERATURAN {jabatan_kepala_daerah(k)}",
            nomor=nomor_judul(k.perbup.nomor, k.tahun if k.perbup.nomor else None),
            tentang=tentang,
            rancangan=k.perbup.rancangan,
        ),
        pembukaan=_pembukaan(hasil, pustaka, konteks),
        batang_tubuh=badan,
        kalimat_pengundangan=_kalimat_pengundangan(pustaka, konteks),
        penutup=_penutup(k),
        paraf=_paraf(k),
        properti={
            "title": f"{'Rancangan ' if k.perbup.rancangan else ''}{jenis_peraturan(k)} "
                     f"{k.kabupaten.nama} tentang {k.perbup.tentang.strip()}",
            "subject": k.perbup.tentang.strip(),
            "creator": PENCIPTA,
        },
    )
    penomoran.susun(dok)
    miringkan(dok, pola_istilah(pustaka.istilah_asing()))
    return dok
