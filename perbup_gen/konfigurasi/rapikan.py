"""Tidy what clerks type, once, where the data enters the documents.

Names typed all in capitals or all in lower case ("NATALIA USUP", "desa ketawangrejo") are written
the usual way ("Natalia Usup"; a desa takes its spelling from the Kemendagri list), names already in
mixed case are kept as typed, runs of spaces collapse, academic degrees after a comma take their
usual form ("S.PD" -> "S.Pd."), and "Nomor:" before a decree number is dropped. `rapikan_konfigurasi`
applies this to a validated config and returns every change, for the `check` note.

`tanpa_gelar` gives a name without degrees, for the name under a signature (Lampiran II UU 12/2011:
the signing official's name without degree or rank). The honorifics H. and Hj. (haji) are not
degrees and stay.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

from perbup_gen.konfigurasi.nomor import bersihkan_nomor

__all__ = ["Perubahan", "rapikan_konfigurasi", "rapikan_nama", "rapikan_nama_desa", "rapikan_spasi",
           "tanpa_gelar"]

# degrees and titles before the name (key: letters only, lower case)
_GELAR_DEPAN = {"dr": "Dr.", "drs": "Drs.", "dra": "Dra.", "ir": "Ir.", "prof": "Prof.", "h": "H.",
                "hj": "Hj."}
_BUKAN_GELAR = {"H.", "Hj."}  # honorifics: kept under a signature

# degrees after the name, in their usual written form (key: letters only, lower case)
_GELAR_BELAKANG = {g.replace(".", "").replace(" ", "").lower(): g for g in (
    "S.Pd.", "S.Pd.I.", "S.Pd.SD.", "S.E.", "S.H.", "S.Kom.", "S.Sos.", "S.IP.", "S.Kep.", "S.K.M.",
    "S.Ag.", "S.T.", "S.P.", "S.Hut.", "S.ST.", "S.Ak.", "S.Si.", "S.Farm.", "S.Gz.", "S.Tr.Keb.",
    "S.Keb.", "S.Psi.", "S.I.Kom.", "S.Pt.", "S.Pi.", "S.Th.", "S.Sy.", "S.H.I.", "S.Ds.", "S.Hum.",
    "S.Kes.", "S.AP.", "S.STP.", "S.IP.", "A.Md.", "A.Md.Keb.", "A.Md.Kep.", "A.Md.Kes.", "A.Md.Gz.",
    "A.Md.Farm.", "A.Ma.", "A.Ma.Pd.", "M.Si.", "M.Pd.", "M.M.", "M.Kes.", "M.A.P.", "M.Sc.", "M.H.",
    "M.T.", "M.Ag.", "M.A.", "M.Hum.", "M.Kom.", "M.Ak.", "M.E.", "M.Psi.", "M.Sos.", "Ph.D.",
    "Ners", "Apt.", "Sp.A.", "Sp.OG.", "Sp.PD.",
)}
_PARTIKEL = {"bin", "binti", "van", "der", "de", "da"}
_ROMAWI = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")
_HURUF = re.compile(r"[^\W\d_]")


def rapikan_spasi(s: str) -> str:
    """Single spaces, none before a comma, one after it."""
    s = " ".join(s.split())
    return re.sub(r"\s*,\s*", ", ", s) if "," in s else s


def _satu_rupa(s: str) -> bool:
    """True when the letters of `s` are all capitals or all lower case (at least two letters)."""
    huruf = _HURUF.findall(s)
    if len(huruf) < 2:
        return False
    teks = "".join(huruf)
    return teks == teks.upper() or teks == teks.lower()


def _kata(w: str, pertama: bool) -> str:
    """One word of a name in the usual case: "USUP" -> "Usup", "MA'RUF" -> "Ma'ruf",
    "NUR-AINI" -> "Nur-Aini", "bin" stays lower, a Roman numeral stays in capitals."""
    if not pertama and w.lower() in _PARTIKEL:
        return w.lower()
    if len(w) >= 2 and _ROMAWI.fullmatch(w.upper()) and w.isupper():
        return w
    return "-".join(b[:1].upper() + b[1:].lower() for b in w.split("-"))


def _kunci(s: str) -> str:
    return re.sub(r"[^a-z]", "", s.lower())


def _bagi(nama: str) -> tuple[list[str], list[str], list[str]]:
    """(titles before, words of the name, degrees after it). A degree follows a comma, or is the last
    word when it has a dot ("USUP S.PD"); a one-letter title needs its dot ("H." but not "H")."""
    inti, _, belakang = nama.partition(",")
    kata = inti.split()
    depan: list[str] = []
    while len(kata) > 1 and _kunci(kata[0]) in _GELAR_DEPAN and (len(_kunci(kata[0])) > 1 or kata[0].endswith(".")):
        depan.append(kata.pop(0))
    gelar = [g.strip() for g in belakang.split(",") if g.strip()] if belakang else []
    while len(kata) > 1 and "." in kata[-1] and _kunci(kata[-1]) in _GELAR_BELAKANG:
        gelar.insert(0, kata.pop())
    return depan, kata, gelar


def rapikan_nama(nama: str) -> str:
    """A person's name as it is written in running text and tables (see the module doc)."""
    if "  " not in nama and "," not in nama and not _satu_rupa(nama):
        return nama.strip()  # the common case: already mixed case, nothing to do
    nama = rapikan_spasi(nama)
    depan, kata, gelar = _bagi(nama)
    inti = " ".join(kata)
    if _satu_rupa(inti):
        inti = " ".join(_kata(w, i == 0) for i, w in enumerate(kata))
        depan = [_GELAR_DEPAN[_kunci(d)] for d in depan]
    gelar = [_GELAR_BELAKANG.get(_kunci(g), g) if _satu_rupa(g) else g for g in gelar]
    return ", ".join([" ".join(depan + [inti])] + gelar)


def rapikan_nama_desa(nama: str, resmi: str | None) -> str:
    """A desa name typed in one case takes the spelling of the Kemendagri list (`resmi`) when it is
    the same name; mixed case is kept as typed."""
    nama = " ".join(nama.split())
    if not _satu_rupa(nama):
        return nama
    if resmi and " ".join(resmi.lower().split()) == nama.lower() and not _satu_rupa(resmi):
        return resmi
    return " ".join(_kata(w, i == 0) for i, w in enumerate(nama.split()))


def tanpa_gelar(nama: str) -> str:
    """The name without academic degrees or titles before or after it: "Dr. Yohanes Liwan, S.Pd."
    -> "Yohanes Liwan"; "H. Ahmad" keeps the honorific."""
    depan, kata, _ = _bagi(" ".join(nama.split()))
    depan = [d for d in depan if _GELAR_DEPAN.get(_kunci(d)) in _BUKAN_GELAR]
    return " ".join(depan + kata)


# --- a validated config ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Perubahan:
    """One tidied value: its field path in the config, as typed, as it is now."""

    jalur: tuple
    sebelum: str
    sesudah: str


def _orang(k) -> Iterator[tuple[tuple, Any]]:
    """(path, object with a `nama`) of every person of the config outside the roster."""
    pj = k.pejabat
    for kunci in ("bupati", "wakil_bupati", "sekretaris_daerah", "kepala_bagian_hukum"):
        o = getattr(pj, kunci)
        if o is not None:
            yield ("pejabat", kunci), o
    for i, o in enumerate(pj.asisten):
        yield ("pejabat", "asisten", i), o
    for i, o in enumerate(k.opd):
        if o.kepala is not None:
            yield ("opd", i, "kepala"), o.kepala
    for i, c in enumerate(k.kecamatan.daftar):
        if c.camat is not None:
            yield ("kecamatan", "daftar", i, "camat"), c.camat
    for i, a in enumerate(k.tim_penyusun.anggota):
        if a.nama:
            yield ("tim_penyusun", "anggota", i), a
    for i, b in enumerate(k.paraf_koordinasi):
        if b.nama:
            yield ("paraf_koordinasi", i), b


def rapikan_konfigurasi(k, nama_resmi=None) -> list[Perubahan]:
    """Tidy the names, addresses and decree numbers of a validated config in place; return what
    changed. `nama_resmi(kode)` gives a desa's name in the Kemendagri list (or None)."""
    out: list[Perubahan] = []

    def atur(obj, kolom: str, jalur: tuple, baru: str | None) -> None:
        lama = getattr(obj, kolom)
        if baru and baru != lama:  # never tidy a value away
            setattr(obj, kolom, baru)
            out.append(Perubahan(jalur + (kolom,), lama, baru))

    for jalur, o in _orang(k):
        atur(o, "nama", jalur, rapikan_nama(o.nama))
    for i, d in enumerate(k.desa):
        jalur = ("desa", i)
        if d.nama:
            atur(d, "nama", jalur, rapikan_nama_desa(d.nama, nama_resmi(d.kode) if nama_resmi else None))
        if d.kepala_desa is not None:
            atur(d.kepala_desa, "nama", jalur + ("kepala_desa",), rapikan_nama(d.kepala_desa.nama))
        if d.nomor_sk:
            atur(d, "nomor_sk", jalur, bersihkan_nomor(d.nomor_sk))
        for j, p in enumerate(d.kpm):
            atur(p, "nama", jalur + ("kpm", j), rapikan_nama(p.nama))
            atur(p, "alamat", jalur + ("kpm", j), " ".join(p.alamat.split()))
            pengalaman = [" ".join(x.split()) for x in p.pengalaman]
            if pengalaman != p.pengalaman:
                out.append(Perubahan(jalur + ("kpm", j, "pengalaman"), "; ".join(p.pengalaman), "; ".join(pengalaman)))
                p.pengalaman = pengalaman
    return out
