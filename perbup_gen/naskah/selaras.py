"""Two versions of a regulation side by side: alignment, the amended numbering, the differences.

Old regulations carry no labels, so the versions are aligned by structure and text (pure model
work, no config and no files):

1. `selaraskan(lama, baru, patok)`: every Pasal of the old version is paired with at most one Pasal
   of the new one, in order (a monotone alignment maximising the text similarity of the pairs,
   Dice over word unigrams and bigrams); pairs the reviewer pins (`patok`) are kept, an element
   pinned to nothing is never paired. A pair is marked doubtful (`ragu`) when another candidate is
   almost as similar, or when a deletion and an insertion stand in the same gap (perhaps a Pasal
   rewritten whole). BAB are then paired by the Pasal pairs they hold and by their titles.
2. `susun_perubahan(sel)`: the new version in the numbering of the old one (UU 12/2011 Lampiran II:
   numbering never shifts). Inserted Pasal after Pasal 7 are 7A, 7B; an inserted ayat after (1) is
   (1a), one appended after the last ayat takes the next number; an inserted item after "d." is
   "d1.", after "7." is "7a."; an inserted BAB after BAB IV is BAB IVA; a deleted ayat or item stays
   as "(3) Dihapus." / "f. dihapus."; a deleted Pasal as "Pasal 9 / Dihapus.". References
   (`Rujukan` with labels, from the clause library) are resolved again in this numbering, so a
   reference in an untouched Pasal never changes. Every change is then listed in the order of the
   old text with the operations its lead-in names ("ayat (2) diubah", "di antara angka 7 dan
   angka 8 disisipkan angka 7a").
3. `bandingkan(pasangan)`: the changed, inserted and deleted Pasal of an alignment as they stand
   (for comparing two arbitrary versions, in their own numbering).

`Ringkasan` counts what changed and says why a replacement (a new regulation revoking the old
one) would fit better than an amendment: the structure reshaped (a Pasal moved to another BAB,
Bagian or Paragraf rearranged, more than half of the BAB inserted or deleted, an insertion before
the first Pasal) or more than half of the material changed (of the Pasal, or of the words).
"""
from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass, field
from typing import Iterable, Literal, Sequence, Union

from perbup_gen.naskah import penomoran
from perbup_gen.naskah.model import (
    Ayat, Bab, Bagian, Butir, Daftar, Dokumen, Inline, Paragraf, Pasal, Rujukan, Teks, salin_daftar, salin_inline,
    semua_pasal,
)

__all__ = [
    "AMBANG", "Operasi", "PasanganBab", "PasanganPasal", "Penyelarasan", "Perubahan", "Ringkasan",
    "HasilPerubahan", "bandingkan", "selaraskan", "susun_perubahan", "teks_inline", "teks_pasal",
    "kemiripan", "ciri", "selaras_urutan", "banding_kata", "teks_bab", "BarisBanding",
    "persandingan", "persandingan_perubahan",
]

#: pairs less similar than this are never made by the alignment (pins may)
AMBANG = 0.3
#: what a pair costs: the alignment prefers one good pair to two weak ones
_POTONGAN = 0.2
#: a second candidate this close to the chosen one makes the pair doubtful
_SELISIH_RAGU = 0.08
_SAMA = 0.999
#: an unpaired Pasal this similar to some Pasal of the other version is doubtful
_AMBANG_RAGU = 0.5


def _koma(x: float) -> str:
    return f"{x:.2f}".replace(".", ",")

Status = Literal["tetap", "ubah", "sisip", "hapus"]

# --- text ----------------------------------------------------------------------------------------


def teks_inline(isi: Inline) -> str:
    """Plain text of an Inline (a reference not yet resolved shows its label)."""
    out = []
    for x in isi:
        if isinstance(x, Rujukan):
            out.append(x.teks if x.teks is not None else f"[[{x.label}]]")
        else:
            out.append(x.teks)
    return " ".join("".join(out).split())


def _teks_daftar(d: Daftar | None, out: list[str], tanda: bool) -> None:
    for b in d.butir if d else ():
        out.append((f"{b.tanda} " if tanda and b.tanda else "") + teks_inline(b.isi))
        _teks_daftar(b.daftar, out, tanda)


def teks_pasal(p: Pasal, tanda: bool = False, judul: bool = False) -> str:
    """The text of a Pasal, one line per ayat or item; with `tanda` the numbers and markers too,
    with `judul` the heading "Pasal 7" first."""
    out = [f"Pasal {p.nomor}"] if judul else []
    for a in p.ayat:
        awal = f"({a.nomor}) " if tanda and a.nomor is not None else ""
        out.append(awal + teks_inline(a.isi))
        _teks_daftar(a.daftar, out, tanda)
    return "\n".join(out)


def teks_bab(b: Bab, tanda: bool = True) -> str:
    """A BAB's heading and, below it, every Pasal (Bagian and Paragraf headings included)."""
    out = [f"BAB {b.nomor}", b.judul.upper()]

    def isi(u) -> None:
        if isinstance(u, Pasal):
            out.append(teks_pasal(u, tanda=tanda, judul=True))
        elif isinstance(u, (Bagian, Paragraf)):
            kata = "Bagian" if isinstance(u, Bagian) else "Paragraf"
            out.extend([f"{kata} {u.nomor}", u.judul])
            for x in (u.isi if isinstance(u, Bagian) else u.pasal):
                isi(x)

    for u in b.isi:
        isi(u)
    return "\n".join(x for x in out if x)


_KATA = re.compile(r"\w+", re.UNICODE)


def _kata(s: str) -> list[str]:
    return _KATA.findall(s.lower())


@functools.lru_cache(maxsize=16384)
def ciri(s: str) -> frozenset[str]:
    """Features of a text for similarity: its words and pairs of adjacent words."""
    k = _kata(s)
    return frozenset(k) | frozenset(f"{a} {b}" for a, b in zip(k, k[1:]))


def kemiripan(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient of two feature sets (1.0 for two empty texts)."""
    if not a and not b:
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))


def _polos_akhir(s: str) -> str:
    """A list item's text without its closing punctuation and conjunction ("...; dan" -> "...")."""
    return penomoran.buang_tanda_baca(" ".join(s.split()))


# --- alignment of two sequences ---------------------------------------------------------------------


def selaras_urutan(sim: Sequence[Sequence[float]], n: int, m: int, ambang: float = AMBANG,
                   patok: dict[int, int] | None = None, lepas_lama: Iterable[int] = (),
                   lepas_baru: Iterable[int] = ()) -> list[tuple[int | None, int | None]]:
    """A monotone alignment of n old and m new items maximising the similarity of the pairs.

    `sim[i][j]` is the similarity of old i and new j; pairs below `ambang` are not made, `patok`
    pairs are (they must be in order: the caller checks), items in `lepas_lama`/`lepas_baru` stay
    unpaired. Returns the merged sequence: pairs (i, j), deletions (i, None) and insertions
    (None, j), in order; within a gap deletions come before insertions.
    """
    patok = dict(sorted((patok or {}).items()))
    lepas_lama, lepas_baru = set(lepas_lama), set(lepas_baru)
    pasangan: list[tuple[int, int]] = []
    batas = [(-1, -1)] + list(patok.items()) + [(n, m)]
    for (i0, j0), (i1, j1) in zip(batas, batas[1:]):
        pasangan += _dp(sim, i0 + 1, i1, j0 + 1, j1, ambang, lepas_lama, lepas_baru)
        if (i1, j1) != (n, m):
            pasangan.append((i1, j1))
    out: list[tuple[int | None, int | None]] = []
    i = j = 0
    for pi, pj in pasangan + [(n, m)]:
        out += [(x, None) for x in range(i, pi)]
        out += [(None, y) for y in range(j, pj)]
        if (pi, pj) != (n, m):
            out.append((pi, pj))
        i, j = pi + 1, pj + 1
    return out


def _dp(sim, ia: int, ib: int, ja: int, jb: int, ambang: float, lepas_lama: set[int],
        lepas_baru: set[int]) -> list[tuple[int, int]]:
    """Best monotone pairs of old [ia, ib) and new [ja, jb)."""
    n, m = ib - ia, jb - ja
    if n <= 0 or m <= 0:
        return []
    skor = [[0.0] * (m + 1) for _ in range(n + 1)]
    arah = [[0] * (m + 1) for _ in range(n + 1)]  # 0 pair, 1 skip old, 2 skip new
    for i in range(1, n + 1):
        baris_sim = sim[ia + i - 1]
        atas, kini = skor[i - 1], skor[i]
        bebas_i = (ia + i - 1) not in lepas_lama
        ar = arah[i]
        for j in range(1, m + 1):
            terbaik, a = atas[j], 1
            if kini[j - 1] > terbaik:
                terbaik, a = kini[j - 1], 2
            s = baris_sim[ja + j - 1]
            if s >= ambang and bebas_i and (ja + j - 1) not in lepas_baru:
                v = atas[j - 1] + s - _POTONGAN
                if v > terbaik:
                    terbaik, a = v, 0
            kini[j] = terbaik
            ar[j] = a
    hasil = []
    i, j = n, m
    while i > 0 and j > 0:
        a = arah[i][j]
        if a == 0:
            hasil.append((ia + i - 1, ja + j - 1))
            i, j = i - 1, j - 1
        elif a == 1:
            i -= 1
        else:
            j -= 1
    return hasil[::-1]


def _matriks(a: list[frozenset[str]], b: list[frozenset[str]]) -> list[list[float]]:
    return [[kemiripan(x, y) for y in b] for x in a]


# --- the alignment of two regulations --------------------------------------------------------------


@dataclass
class PasanganPasal:
    """One Pasal of the old version and its counterpart in the new one (either may be None)."""

    lama: Pasal | None
    baru: Pasal | None
    kemiripan: float = 0.0
    ragu: str = ""  # why the pair (or the lack of one) is doubtful; "" when it is not
    dipatok: bool = False
    bab_lama: Bab | None = None
    bab_baru: Bab | None = None
    indeks_lama: int | None = None
    indeks_baru: int | None = None
    dihapus: bool = False  # amended pairs: the Pasal is deleted (`baru` is its "Dihapus." placeholder)
    nomor_baru: str = ""  # the number of `baru` in the new version as built (what a pin names)

    @property
    def status(self) -> Status:
        if self.lama is None:
            return "sisip"
        if self.baru is None or self.dihapus:
            return "hapus"
        return "tetap" if teks_pasal(self.lama, tanda=True) == teks_pasal(self.baru, tanda=True) else "ubah"


@dataclass
class PasanganBab:
    lama: Bab | None
    baru: Bab | None
    kemiripan_judul: float = 0.0


@dataclass
class Penyelarasan:
    lama: Dokumen
    baru: Dokumen
    pasal: list[PasanganPasal]
    bab: list[PasanganBab]
    peringatan: list[str] = field(default_factory=list)
    struktur: list[str] = field(default_factory=list)  # why the structure counts as reshaped

    def ragu(self) -> list[PasanganPasal]:
        return [p for p in self.pasal if p.ragu]


def _pasal_dan_bab(badan: list) -> list[tuple[Pasal, Bab | None, tuple]]:
    """(Pasal, its BAB, its Bagian/Paragraf path as titles) in order."""
    out = []

    def jalan(u, bab, jalur):
        if isinstance(u, Pasal):
            out.append((u, bab, jalur))
        elif isinstance(u, Bab):
            for x in u.isi:
                jalan(x, u, jalur)
        elif isinstance(u, Bagian):
            for x in u.isi:
                jalan(x, bab, jalur + (("bagian", " ".join(u.judul.lower().split())),))
        elif isinstance(u, Paragraf):
            for x in u.pasal:
                jalan(x, bab, jalur + (("paragraf", " ".join(u.judul.lower().split())),))

    for u in badan:
        jalan(u, None, ())
    return out


def _cari_pasal(kunci: str, daftar: list[Pasal], label: bool) -> int | None:
    kunci = str(kunci).strip()
    kunci_nomor = re.sub(r"^pasal\s+", "", kunci, flags=re.IGNORECASE).strip()
    for i, p in enumerate(daftar):
        if str(p.nomor).upper() == kunci_nomor.upper():
            return i
    if label:
        for i, p in enumerate(daftar):
            if p.label and p.label == kunci:
                return i
    return None


def selaraskan(lama: Dokumen, baru: Dokumen,
               patok: Iterable[tuple[str | None, str | None]] = ()) -> Penyelarasan:
    """Align the Pasal and BAB of two versions. `patok`: pairs (old Pasal number, new Pasal number
    or clause label); None on one side keeps the other side's Pasal unpaired. An unknown number or
    pins out of order raise ValueError (with an Indonesian message)."""
    pl = _pasal_dan_bab(lama.batang_tubuh)
    pb = _pasal_dan_bab(baru.batang_tubuh)
    teks_l = [teks_pasal(p) for p, _, _ in pl]
    teks_b = [teks_pasal(p) for p, _, _ in pb]
    ciri_l = [ciri(t) for t in teks_l]
    ciri_b = [ciri(t) for t in teks_b]
    # identical texts need no similarity: most Pasal of a revision are untouched
    sim = _matriks(ciri_l, ciri_b)
    pasangan_patok: dict[int, int] = {}
    lepas_l: set[int] = set()
    lepas_b: set[int] = set()
    daftar_l = [p for p, _, _ in pl]
    daftar_b = [p for p, _, _ in pb]
    for kl, kb in patok:
        il = _cari_pasal(kl, daftar_l, False) if kl not in (None, "") else None
        ib = _cari_pasal(kb, daftar_b, True) if kb not in (None, "") else None
        if kl not in (None, "") and il is None:
            raise ValueError(f"pasangan dipatok: Pasal {kl} tidak ada di peraturan lama")
        if kb not in (None, "") and ib is None:
            raise ValueError(f"pasangan dipatok: Pasal (atau label) {kb} tidak ada di versi baru")
        if il is not None and ib is not None:
            pasangan_patok[il] = ib
        elif il is not None:
            lepas_l.add(il)
        elif ib is not None:
            lepas_b.add(ib)
    urut = sorted(pasangan_patok.items())
    for (a, b), (c, d) in zip(urut, urut[1:]):
        if d <= b:
            raise ValueError(f"pasangan dipatok tidak berurutan: Pasal {daftar_l[a].nomor} -> "
                             f"{daftar_b[b].nomor} dan Pasal {daftar_l[c].nomor} -> {daftar_b[d].nomor} "
                             "bersilangan (Pasal yang dipindah: hapus dan sisipkan, atau ganti peraturan)")
    urutan = selaras_urutan(sim, len(pl), len(pb), AMBANG, pasangan_patok, lepas_l, lepas_b)
    hasil: list[PasanganPasal] = []
    for i, j in urutan:
        p = PasanganPasal(
            pl[i][0] if i is not None else None, pb[j][0] if j is not None else None,
            sim[i][j] if i is not None and j is not None else 0.0,
            dipatok=(i in pasangan_patok and pasangan_patok[i] == j) or i in lepas_l or j in lepas_b,
            bab_lama=pl[i][1] if i is not None else None, bab_baru=pb[j][1] if j is not None else None,
            indeks_lama=i, indeks_baru=j, nomor_baru=str(pb[j][0].nomor) if j is not None else "")
        hasil.append(p)
    _tandai_ragu(hasil, sim, pl, pb)
    sel = Penyelarasan(lama, baru, hasil, [])
    sel.bab = _selaras_bab(lama, baru, hasil)
    _periksa_struktur(sel, pl, pb)
    return sel


def _tandai_ragu(hasil: list[PasanganPasal], sim, pl, pb) -> None:
    """Mark the doubtful pairs (see the module docstring). A candidate already paired with an
    identical text is no competitor."""
    sama_l = {p.indeks_lama for p in hasil if p.indeks_lama is not None and p.kemiripan >= _SAMA}
    sama_b = {p.indeks_baru for p in hasil if p.indeks_baru is not None and p.kemiripan >= _SAMA}
    for p in hasil:
        if p.dipatok:
            continue
        i, j = p.indeks_lama, p.indeks_baru
        if i is not None and j is not None:
            if p.kemiripan >= _SAMA:
                continue
            lain = max([sim[i][y] for y in range(len(pb)) if y != j and y not in sama_b]
                       + [sim[x][j] for x in range(len(pl)) if x != i and x not in sama_l], default=0.0)
            if lain >= AMBANG and lain >= p.kemiripan - _SELISIH_RAGU:
                p.ragu = (f"kemiripan {_koma(p.kemiripan)}, calon lain {_koma(lain)}: pastikan pasangan ini")
        elif i is not None:
            terbaik = max((sim[i][y] for y in range(len(pb)) if y not in sama_b), default=0.0)
            if terbaik >= _AMBANG_RAGU:
                p.ragu = f"dianggap dihapus, padahal mirip ({_koma(terbaik)}) dengan Pasal lain versi baru"
        else:
            terbaik = max((sim[x][j] for x in range(len(pl)) if x not in sama_l), default=0.0)
            if terbaik >= _AMBANG_RAGU:
                p.ragu = f"dianggap disisipkan, padahal mirip ({_koma(terbaik)}) dengan Pasal lain peraturan lama"
    # a deletion and an insertion in the same gap: perhaps a Pasal rewritten whole
    k = 0
    while k < len(hasil):
        if hasil[k].lama is not None and hasil[k].baru is not None:
            k += 1
            continue
        akhir = k
        while akhir < len(hasil) and (hasil[akhir].lama is None or hasil[akhir].baru is None):
            akhir += 1
        celah = hasil[k:akhir]
        hapus = [p for p in celah if p.baru is None and not p.dipatok]
        sisip = [p for p in celah if p.lama is None and not p.dipatok]
        if hapus and sisip:
            nomor_h = ", ".join(f"Pasal {p.lama.nomor}" for p in hapus)
            nomor_s = ", ".join(f"Pasal {p.baru.nomor}" for p in sisip)
            for p in hapus:
                p.ragu = p.ragu or (f"dihapus, sementara di tempatnya disisipkan {nomor_s} (baru): "
                                    "ditulis ulang? patok pasangannya bila ya")
            for p in sisip:
                p.ragu = p.ragu or (f"disisipkan di tempat {nomor_h} (lama) yang dihapus: ditulis "
                                    "ulang? patok pasangannya bila ya")
        k = akhir


def _semua_bab(badan: list) -> list[Bab]:
    return [u for u in badan if isinstance(u, Bab)]


def _selaras_bab(lama: Dokumen, baru: Dokumen, pasangan: list[PasanganPasal]) -> list[PasanganBab]:
    bl, bb = _semua_bab(lama.batang_tubuh), _semua_bab(baru.batang_tubuh)
    if not bl and not bb:
        return []
    il = {id(b): i for i, b in enumerate(bl)}
    ib = {id(b): i for i, b in enumerate(bb)}
    suara = [[0.0] * len(bb) for _ in bl]
    for p in pasangan:
        if p.bab_lama is not None and p.bab_baru is not None:
            suara[il[id(p.bab_lama)]][ib[id(p.bab_baru)]] += 1
    ciri_l = [ciri(b.judul) for b in bl]
    ciri_b = [ciri(b.judul) for b in bb]
    judul = _matriks(ciri_l, ciri_b)
    # a BAB pair: Pasal in common, or (for a BAB without Pasal pairs) a similar title
    sim = [[(1.0 + min(suara[i][j], 5) / 5 + judul[i][j]) if suara[i][j] else
            (judul[i][j] if judul[i][j] >= 0.5 else 0.0) for j in range(len(bb))] for i in range(len(bl))]
    urutan = selaras_urutan(sim, len(bl), len(bb), 0.5)
    return [PasanganBab(bl[i] if i is not None else None, bb[j] if j is not None else None,
                        judul[i][j] if i is not None and j is not None else 0.0) for i, j in urutan]


def _periksa_struktur(sel: Penyelarasan, pl, pb) -> None:
    """Reasons why the structure counts as reshaped (a replacement fits better)."""
    pasangan_bab = {id(p.lama): p.baru for p in sel.bab if p.lama is not None}
    pindah = [p for p in sel.pasal if p.lama is not None and p.baru is not None and p.bab_lama is not None
              and pasangan_bab.get(id(p.bab_lama)) is not p.bab_baru]
    if pindah:
        sel.struktur.append("Pasal dipindah ke BAB lain: " + ", ".join(
            f"Pasal {p.lama.nomor} (BAB {p.bab_lama.nomor}) ke BAB {p.bab_baru.nomor if p.bab_baru else '-'}"
            for p in pindah[:5]) + (" dan lainnya" if len(pindah) > 5 else ""))
    n_bab = sum(1 for p in sel.bab if p.lama is not None)
    berubah = sum(1 for p in sel.bab if p.lama is None or p.baru is None)
    if n_bab and berubah * 2 > n_bab:
        sel.struktur.append(f"{berubah} BAB disisipkan atau dihapus dari {n_bab} BAB")
    if sel.pasal and sel.pasal[0].lama is None and any(p.lama is not None for p in sel.pasal):
        sel.struktur.append("Pasal disisipkan sebelum Pasal pertama (tidak dapat dinomori tanpa menggeser)")
    # Bagian and Paragraf: the headings above each paired Pasal must stay the same
    jalur_l = {id(p): j for p, _, j in pl}
    jalur_b = {id(p): j for p, _, j in pb}
    beda = [p for p in sel.pasal if p.lama is not None and p.baru is not None
            and jalur_l[id(p.lama)] != jalur_b[id(p.baru)]]
    if beda:
        sel.struktur.append("susunan Bagian/Paragraf berubah di sekitar " + ", ".join(
            f"Pasal {p.lama.nomor}" for p in beda[:5]) + (" dan lainnya" if len(beda) > 5 else ""))
    bagian_baru = {x for p, _, j in pb for x in j}
    bagian_lama = {x for p, _, j in pl for x in j}
    if bagian_baru - bagian_lama and not beda:
        sel.struktur.append("Bagian/Paragraf baru: " + ", ".join(sorted(t for _, t in bagian_baru - bagian_lama)))


# --- the amended numbering --------------------------------------------------------------------------

_ROMAWI = set("IVXLCDM")


def _pisah_nomor(nomor: str, jenis: str) -> tuple[str, str]:
    """("7", "A") from "7A"; ("IV", "A") from "IVA"; ("1", "a") from "1a"; ("d", "1") from "d1"."""
    s = str(nomor)
    if jenis == "bab":
        if len(s) > 1 and s[-1] not in _ROMAWI and s[-1].isalpha():
            return s[:-1], s[-1]
        return s, ""
    if jenis == "huruf":
        m = re.fullmatch(r"([a-z]+)(\d*)", s)
    else:
        m = re.fullmatch(r"(\d+)([A-Za-z]*)", s)
    return (m.group(1), m.group(2)) if m else (s, "")


def _sisipan(dasar: str, k: int, jenis: str, terpakai: set[str]) -> str:
    """The k-th (1-based) number inserted after `dasar`, skipping the numbers the old text already
    uses (`terpakai`: never the numbers of the run being numbered)."""
    akar, akhiran = _pisah_nomor(dasar, jenis)
    if jenis == "huruf":  # d -> d1, d2; d1 -> d2
        mulai = int(akhiran) if akhiran else 0
        calon = (f"{akar}{mulai + x}" for x in range(1, 10000))
    else:
        huruf_besar = jenis in ("pasal", "bab")
        abjad = [c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if not (jenis == "bab" and c in _ROMAWI)]
        if not huruf_besar:
            abjad = [c.lower() for c in abjad]
        mulai = abjad.index(akhiran) + 1 if akhiran in abjad else 0
        calon = (f"{akar}{c}" for c in abjad[mulai:])
    hasil = []
    for c in calon:
        if c in terpakai:
            continue
        hasil.append(c)
        if len(hasil) == k:
            return c
    raise ValueError(f"tidak ada nomor sisipan sesudah {dasar}")


def _berikut(dasar: str, jenis: str) -> str:
    """The next plain number after `dasar` (an element appended at the end)."""
    akar, _ = _pisah_nomor(dasar, jenis)
    if jenis == "huruf":
        from perbup_gen.naskah.bilangan import huruf

        n = (len(akar) - 1) * 26 + ord(akar[0]) - 96
        return huruf(n + 1)
    return str(int(akar) + 1)


def _jenis_tanda(tanda: str) -> str:
    return "angka" if tanda[:1].isdigit() else "huruf"


def _nilai_tanda(tanda: str) -> str:
    return tanda.strip().rstrip(".)").lstrip("(")


def _tutup_tanda(tanda: str) -> str:
    t = tanda.strip()
    return t[-1] if t and t[-1] in ".)" else "."


@dataclass
class Operasi:
    """One change inside a Pasal, for the lead-in of its change point.

    `jenis`: "ubah", "hapus", "sisip" (between two old elements), "tambah" (after the last);
    `sasaran`: the path of the element ("ayat (2)", "ayat (1) huruf f", "angka 5"); for "sisip" and
    "tambah", `antara` holds the old elements around it and `baru` the new numbers; `unsur` is
    "ayat", "huruf" or "angka"."""

    jenis: str
    sasaran: str = ""
    unsur: str = ""
    antara: tuple[str, str] = ("", "")
    baru: list[str] = field(default_factory=list)
    induk: str = ""  # the path of the parent ("ayat (1)") for items


@dataclass
class Perubahan:
    """One change of the old text, in its order.

    `unsur`: "pasal", "bab" or "judul_bab"; `jenis`: "ubah", "sisip", "hapus"; `nomor`: the
    number(s) in the amended regulation; `lama`/`baru`: the old element and the element as it will
    read (a Pasal, or a Bab holding the inserted Pasal); `operasi`: what changed inside a Pasal;
    `antara`: for insertions, the old numbers around it ("7", "8"; "" at an end)."""

    unsur: str
    jenis: str
    nomor: list[str]
    lama: Union[Pasal, Bab, None] = None
    baru: list = field(default_factory=list)
    operasi: list[Operasi] = field(default_factory=list)
    antara: tuple[str, str] = ("", "")
    bab_baru: str = ""  # for an inserted Pasal: the BAB it stands in, when not the previous Pasal's

    @property
    def nama(self) -> str:
        kata = {"pasal": "Pasal", "bab": "BAB", "judul_bab": "Judul BAB"}[self.unsur]
        return " dan ".join(f"{kata} {n}" for n in self.nomor)


@dataclass
class Ringkasan:
    """What changed, in figures, and whether a replacement fits better."""

    pasal_lama: int
    pasal_baru: int
    diubah: int
    disisipkan: int
    dihapus: int
    tetap: int
    bab_disisipkan: int
    bab_dihapus: int
    kata_lama: int
    kata_berubah: int  # old words deleted or replaced
    struktur: list[str] = field(default_factory=list)

    @property
    def bagian_pasal(self) -> float:
        """Share of the Pasal touched: changed, deleted or inserted, of the old ones and the inserted."""
        semua = self.pasal_lama + self.disisipkan
        return (self.diubah + self.dihapus + self.disisipkan) / semua if semua else 1.0

    @property
    def bagian_kata(self) -> float:
        return self.kata_berubah / self.kata_lama if self.kata_lama else 1.0

    def alasan_penggantian(self) -> list[str]:
        """Why the old regulation should rather be revoked and replaced (empty: amend it)."""
        alasan = []
        if self.bagian_pasal > 0.5:
            alasan.append(f"{self.diubah + self.dihapus + self.disisipkan} dari {self.pasal_lama + self.disisipkan} "
                          f"Pasal (lama dan sisipan) diubah, disisipkan atau dihapus ({_persen(self.bagian_pasal)}, "
                          "lebih dari separuh materi)")
        if self.bagian_kata > 0.5:
            alasan.append(f"{self.kata_berubah} dari {self.kata_lama} kata peraturan lama diganti atau "
                          f"dihapus ({_persen(self.bagian_kata)}, lebih dari separuh materi)")
        alasan += [f"sistematika berubah: {s}" for s in self.struktur]
        return alasan

    def teks(self) -> str:
        return (f"{self.pasal_lama} Pasal lama, {self.pasal_baru} Pasal baru: {self.diubah} diubah, "
                f"{self.disisipkan} disisipkan, {self.dihapus} dihapus, {self.tetap} tetap"
                + (f"; BAB: {self.bab_disisipkan} disisipkan, {self.bab_dihapus} dihapus"
                   if self.bab_disisipkan or self.bab_dihapus else "")
                + f"; kata lama berubah {_persen(self.bagian_kata)}")


def _persen(x: float) -> str:
    return f"{round(x * 100)}%"


@dataclass
class HasilPerubahan:
    """`susun_perubahan`: the new version in the old numbering (`konsolidasi`), the changes in the
    order of the old text, the figures, and the pairs with their amended elements."""

    konsolidasi: Dokumen
    perubahan: list[Perubahan]
    ringkasan: Ringkasan
    pasangan: list[PasanganPasal]  # lama -> the amended (consolidated) Pasal
    peringatan: list[str] = field(default_factory=list)


def banding_kata(a: str, b: str) -> tuple[int, int]:
    """(words of a, words of a deleted or replaced in b)."""
    ka, kb = _kata(a), _kata(b)
    sm = difflib.SequenceMatcher(None, ka, kb, autojunk=False)
    sama = sum(x.size for x in sm.get_matching_blocks())
    return len(ka), len(ka) - sama


class _Penyusun:
    """Builds the new version in the old numbering (see `susun_perubahan`)."""

    def __init__(self, sel: Penyelarasan):
        self.sel = sel
        self.peringatan: list[str] = []
        # the "Dihapus." placeholders of ayat and items by id; held here, so that a placeholder of a
        # Pasal abandoned half-way (_NomoriUlang) stays alive and its id is never reused
        self.hapus: dict[int, Ayat | Butir] = {}
        self.utuh: set[int] = set()  # ids of Pasal restated with fresh inner numbers

    # -- Pasal content: numbers ---------------------------------------------------------------------

    def pasal(self, lama: Pasal, baru: Pasal, nomor) -> Pasal:
        """A copy of `baru` numbered like `lama`: ayat and items aligned, inserted ones numbered
        (1a), 7a, d1, deleted ones kept as "Dihapus." placeholders. What changed is worked out
        later (`operasi`), once references are resolved in this numbering."""
        hasil = _salin_pasal(baru)
        hasil.nomor = nomor
        bernomor_l = any(a.nomor is not None for a in lama.ayat)
        bernomor_b = len(baru.ayat) > 1 or any(a.nomor is not None for a in baru.ayat)
        if bernomor_l and bernomor_b:
            hasil.ayat = self._ayat(lama.ayat, hasil.ayat)
        elif not bernomor_l and not bernomor_b and lama.ayat and hasil.ayat:
            hasil.ayat[0].daftar = self._daftar(lama.ayat[0].daftar, hasil.ayat[0].daftar)
        else:
            # ayat appear or disappear: the Pasal is restated whole, its ayat numbered afresh
            for i, a in enumerate(hasil.ayat, 1):
                a.nomor = i if len(hasil.ayat) > 1 else None
            self.utuh.add(id(hasil))
        return hasil

    def _ayat(self, lama: list[Ayat], baru: list[Ayat]) -> list[Ayat]:
        urutan = _selaras_unsur([_teks_ayat(a) for a in lama], [_teks_ayat(a) for a in baru])
        nomor = _nomor_urutan(urutan, [str(a.nomor) for a in lama], "ayat")
        out: list[Ayat] = []
        for (i, j), n in zip(urutan, nomor):
            if j is None:
                ganti = Ayat([Teks(_DIHAPUS)], nomor=lama[i].nomor)
                self.hapus[id(ganti)] = ganti
                out.append(ganti)
                continue
            a = baru[j]
            if i is None:
                a.nomor = n
            else:
                a.nomor = lama[i].nomor
                a.daftar = self._daftar(lama[i].daftar, a.daftar)
            out.append(a)
        return out

    def _daftar(self, lama: Daftar | None, baru: Daftar | None) -> Daftar | None:
        """The new list with the old markers; inserted items numbered d1 / 7a (or the next
        marker at the end), deleted ones kept as "dihapus"."""
        if baru is None or not baru.butir or lama is None or not lama.butir:
            return baru
        kepala_l = [_kepala_butir(b) for b in lama.butir]
        kepala_b = [_kepala_butir(b) for b in baru.butir]
        urutan = _selaras_unsur([_teks_butir(b) for b in lama.butir], [_teks_butir(b) for b in baru.butir],
                                kepala_l, kepala_b)
        tutup = _tutup_tanda(lama.butir[0].tanda)
        jenis = _jenis_tanda(lama.butir[0].tanda)
        definisi = lama.jenis == "definisi" or baru.jenis == "definisi" or jenis == "angka"
        nomor = _nomor_urutan(urutan, [_nilai_tanda(b.tanda) for b in lama.butir], jenis)
        out: list[Butir] = []
        for (i, j), n in zip(urutan, nomor):
            if j is None:
                ganti = Butir([Teks(_DIHAPUS if definisi else _DIHAPUS.lower())], tanda=lama.butir[i].tanda)
                self.hapus[id(ganti)] = ganti
                out.append(ganti)
                continue
            b = baru.butir[j]
            if i is None:
                b.tanda = n + tutup
            else:
                b.tanda = lama.butir[i].tanda
                b.daftar = self._daftar(lama.butir[i].daftar, b.daftar)
            out.append(b)
        baru.butir = out
        return baru

    # -- Pasal content: what changed ---------------------------------------------------------------

    def operasi(self, lama: Pasal, kon: Pasal) -> list[Operasi]:
        """The changes of the amended Pasal `kon` against `lama`, read from their numbers: an
        element whose number the old text has is the same element (changed or deleted), one whose
        number it lacks is inserted."""
        if id(kon) in self.utuh:
            return [Operasi("ubah_pasal")]
        ops: list[Operasi] = []
        if any(a.nomor is not None for a in lama.ayat):
            lama_per = {str(a.nomor): a for a in lama.ayat}
            kon_nomor = [str(a.nomor) for a in kon.ayat]
            for a in kon.ayat:
                nama = f"ayat ({a.nomor})"
                a_l = lama_per.get(str(a.nomor))
                if a_l is None:
                    continue
                if id(a) in self.hapus:
                    ops.append(Operasi("hapus", nama, "ayat"))
                elif teks_inline(a_l.isi) != teks_inline(a.isi):
                    ops.append(Operasi("ubah", nama, "ayat"))
                else:
                    self._operasi_daftar(a_l.daftar, a.daftar, nama, ops)
            ops += _sisipan_dari(kon_nomor, [str(a.nomor) for a in lama.ayat], "ayat", lambda n: f"ayat ({n})", "")
        elif lama.ayat and kon.ayat:
            if teks_inline(lama.ayat[0].isi) != teks_inline(kon.ayat[0].isi):
                return [Operasi("ubah_pasal")]
            self._operasi_daftar(lama.ayat[0].daftar, kon.ayat[0].daftar, "", ops)
        return ops

    def _operasi_daftar(self, lama: Daftar | None, kon: Daftar | None, induk: str, ops: list[Operasi]) -> None:
        if (lama is None or not lama.butir) != (kon is None or not kon.butir):
            ops.append(Operasi("ubah", induk, "ayat") if induk else Operasi("ubah_pasal"))
            return
        if lama is None or not lama.butir:
            return
        jenis = _jenis_tanda(lama.butir[0].tanda)
        awalan = f"{induk} " if induk else ""
        lama_per = {_nilai_tanda(b.tanda): b for b in lama.butir}
        for b in kon.butir:
            nilai = _nilai_tanda(b.tanda)
            b_l = lama_per.get(nilai)
            if b_l is None:
                continue
            nama = f"{awalan}{jenis} {nilai}"
            if id(b) in self.hapus:
                ops.append(Operasi("hapus", nama, jenis, induk=induk))
            elif _polos_akhir(teks_inline(b_l.isi)) != _polos_akhir(teks_inline(b.isi)) or \
                    _teks_daftar_polos(b_l.daftar) != _teks_daftar_polos(b.daftar):
                ops.append(Operasi("ubah", nama, jenis, induk=induk))
        ops += _sisipan_dari([_nilai_tanda(b.tanda) for b in kon.butir], list(lama_per), jenis,
                             lambda n: f"{jenis} {n}", induk)

    # -- the whole document ----------------------------------------------------------------------

    def susun(self) -> HasilPerubahan:
        sel = self.sel
        baru = sel.baru
        terpakai_pasal = {str(p.lama.nomor) for p in sel.pasal if p.lama is not None}
        terpakai_bab = {str(b.lama.nomor) for b in sel.bab if b.lama is not None}
        peta: dict[int, Pasal] = {}  # id(new Pasal) -> consolidated Pasal
        hasil_pasangan: list[PasanganPasal] = []
        sebelumnya: str | None = None
        k = 0
        daftar = sel.pasal
        while k < len(daftar):
            p = daftar[k]
            if p.lama is not None and p.baru is not None:
                nomor = str(p.lama.nomor)
                try:
                    c = self.pasal(p.lama, p.baru, p.lama.nomor)
                except _NomoriUlang:
                    c = _salin_pasal(p.baru)
                    c.nomor = p.lama.nomor
                    self.utuh.add(id(c))
                    self.peringatan.append(f"Pasal {nomor}: unsur disisipkan sebelum unsur pertama; "
                                           "Pasal dinyatakan kembali dengan penomoran baru di dalamnya")
                peta[id(p.baru)] = c
                hasil_pasangan.append(_salin_pasangan(p, p.lama, c))
                sebelumnya = nomor
                k += 1
            elif p.baru is None:
                hasil_pasangan.append(_salin_pasangan(p, p.lama, None))
                sebelumnya = str(p.lama.nomor)
                k += 1
            else:
                run = []
                while k < len(daftar) and daftar[k].lama is None:
                    run.append(daftar[k])
                    k += 1
                for x, q in enumerate(run, 1):
                    if sebelumnya is None:
                        n = str(x)  # before the first Pasal: reported as a structure change
                    else:
                        n = _sisipan(sebelumnya, x, "pasal", terpakai_pasal)
                    c = _salin_pasal(q.baru)
                    c.nomor = n
                    peta[id(q.baru)] = c
                    hasil_pasangan.append(_salin_pasangan(q, None, c))
                if run:
                    sebelumnya = str(peta[id(run[-1].baru)].nomor)
        # the body: the new structure, consolidated Pasal in it, deleted Pasal at their old places
        nomor_bab = self._nomor_bab(terpakai_bab)
        badan = _salin_struktur(baru.batang_tubuh, peta, nomor_bab)
        self._sisipkan_yang_dihapus(badan, peta, hasil_pasangan)
        kon = Dokumen(jenis=baru.jenis, kepala=baru.kepala, judul=baru.judul, pembukaan=baru.pembukaan,
                      batang_tubuh=badan, kalimat_pengundangan=baru.kalimat_pengundangan,
                      penutup=baru.penutup, lampiran=baru.lampiran, paraf=baru.paraf,
                      properti=dict(baru.properti), identitas=baru.identitas)
        try:
            penomoran.selesaikan_rujukan(kon)
        except Exception as e:  # a reference the renumbering cannot resolve: report, keep the text
            self.peringatan.append(f"rujukan tidak dapat diselesaikan ulang dengan nomor lama: {e}")
        perubahan = self._perubahan(hasil_pasangan, badan, nomor_bab)
        ringkasan = _ringkasan(sel, hasil_pasangan)
        return HasilPerubahan(kon, perubahan, ringkasan, hasil_pasangan, sel.peringatan + self.peringatan)

    def _nomor_bab(self, terpakai: set[str]) -> dict[int, str]:
        """id(new Bab) -> its number in the amended regulation."""
        out: dict[int, str] = {}
        sebelumnya: str | None = None
        urutan = 0
        for p in self.sel.bab:
            if p.lama is not None:
                sebelumnya = str(p.lama.nomor)
                urutan = 0
                if p.baru is not None:
                    out[id(p.baru)] = sebelumnya
            elif p.baru is not None:
                urutan += 1
                if sebelumnya is None:
                    n = str(p.baru.nomor)  # before the first BAB: reported as a structure change
                else:
                    n = _sisipan(sebelumnya, urutan, "bab", terpakai)
                out[id(p.baru)] = n
        return out

    def _sisipkan_yang_dihapus(self, badan: list, peta: dict[int, Pasal],
                               pasangan: list[PasanganPasal]) -> None:
        """Put a placeholder "Dihapus." for every deleted Pasal after the consolidated Pasal that
        precedes it in the old text (or before the one that follows it)."""
        wadah: dict[int, list] = {}

        def jalan(daftar: list) -> None:
            for u in daftar:
                if isinstance(u, Pasal):
                    wadah[id(u)] = daftar
                elif isinstance(u, (Bab, Bagian)):
                    jalan(u.isi)
                elif isinstance(u, Paragraf):
                    jalan(u.pasal)

        jalan(badan)
        bab_lama_ke_baru = {id(b.lama): b.baru for b in self.sel.bab if b.lama is not None}
        for k, p in enumerate(pasangan):
            if p.baru is not None:
                continue
            ganti = Pasal([Ayat([Teks(_DIHAPUS)])], nomor=p.lama.nomor)
            p.baru = ganti
            # anchor: the nearest earlier Pasal of the same old BAB that is in the new version
            jangkar, sesudah = None, True
            for q in reversed(pasangan[:k]):
                if q.baru is not None and id(q.baru) in wadah and (q.bab_lama is p.bab_lama or q.lama is None):
                    jangkar = q.baru
                    break
            if jangkar is None:
                for q in pasangan[k + 1:]:
                    if q.baru is not None and id(q.baru) in wadah and q.bab_lama is p.bab_lama:
                        jangkar, sesudah = q.baru, False
                        break
            if jangkar is None:
                bab_baru = bab_lama_ke_baru.get(id(p.bab_lama)) if p.bab_lama is not None else None
                if p.bab_lama is not None and bab_baru is None:
                    # the whole BAB is gone: a placeholder BAB in its old place
                    tempat = _bab_pengganti(badan, p.bab_lama, self.sel.bab)
                    tempat.isi.append(ganti)
                    wadah[id(ganti)] = tempat.isi
                    continue
                target = badan if bab_baru is None else _cari_bab_salin(badan, bab_baru)
                target.append(ganti)
                wadah[id(ganti)] = target
                continue
            daftar = wadah[id(jangkar)]
            i = next(x for x, u in enumerate(daftar) if u is jangkar)
            daftar.insert(i + 1 if sesudah else i, ganti)
            wadah[id(ganti)] = daftar

    # -- the changes -----------------------------------------------------------------------------

    def _perubahan(self, pasangan: list[PasanganPasal], badan: list, nomor_bab: dict[int, str]
                   ) -> list[Perubahan]:
        out: list[Perubahan] = []
        salin_bab = {str(b.nomor): b for b in badan if isinstance(b, Bab)}
        # BAB inserted (with all their Pasal), BAB deleted, BAB titles changed: keyed by the
        # position of their first Pasal in the merged order
        bab_sisip: dict[int, list[Bab]] = {}
        pasal_dalam_bab_sisip: set[int] = set()
        bab_hapus: dict[int, Bab] = {}
        judul_bab: dict[int, tuple[Bab, Bab]] = {}
        id_pasangan = {}
        for k, p in enumerate(pasangan):
            if p.baru is not None:
                id_pasangan[id(p.baru)] = k
        posisi_lama = {id(p.lama): k for k, p in enumerate(pasangan) if p.lama is not None}
        for b in self.sel.bab:
            if b.lama is None and b.baru is not None:
                nomor = nomor_bab[id(b.baru)]
                kb = salin_bab.get(nomor)
                isi_pasal = list(semua_pasal(kb.isi)) if kb is not None else []
                if kb is None or any(id(x) in id_pasangan and pasangan[id_pasangan[id(x)]].lama is not None
                                     for x in isi_pasal):
                    continue  # holds old Pasal: a structure change, reported elsewhere
                awal = min((id_pasangan[id(x)] for x in isi_pasal if id(x) in id_pasangan), default=len(pasangan))
                bab_sisip.setdefault(awal, []).append(kb)
                pasal_dalam_bab_sisip |= {id(x) for x in isi_pasal}
            elif b.baru is None and b.lama is not None:
                pertama = next(semua_pasal(b.lama.isi), None)
                k = posisi_lama.get(id(pertama), len(pasangan)) if pertama is not None else len(pasangan)
                bab_hapus[k] = b.lama
            elif b.lama is not None and b.baru is not None:
                if " ".join(b.lama.judul.upper().split()) != " ".join(b.baru.judul.upper().split()):
                    pertama = next(semua_pasal(b.lama.isi), None)
                    k = posisi_lama.get(id(pertama), len(pasangan)) if pertama is not None else len(pasangan)
                    judul = Bab(b.baru.judul, [], nomor=str(b.lama.nomor))
                    judul_bab[k] = (b.lama, judul)
        sebelumnya: str = ""
        k = 0
        while k < len(pasangan) or k in bab_sisip or k in bab_hapus or k in judul_bab:
            if k in bab_hapus:
                out.append(Perubahan("bab", "hapus", [str(bab_hapus[k].nomor)], lama=bab_hapus[k]))
            if k in judul_bab:
                lama_b, kon_b = judul_bab.pop(k)
                out.append(Perubahan("judul_bab", "ubah", [str(lama_b.nomor)], lama=lama_b, baru=[kon_b]))
            if k in bab_sisip:
                babs = bab_sisip.pop(k)
                out.append(Perubahan("bab", "sisip", [str(b.nomor) for b in babs], baru=babs,
                                     antara=(self._bab_sebelum(babs[0]), self._bab_sesudah(babs[-1]))))
            if k >= len(pasangan):
                break
            p = pasangan[k]
            if p.lama is not None and p.baru is not None and not p.dihapus:
                if teks_pasal(p.lama, tanda=True) != teks_pasal(p.baru, tanda=True):
                    out.append(Perubahan("pasal", "ubah", [str(p.lama.nomor)], lama=p.lama, baru=[p.baru],
                                         operasi=self.operasi(p.lama, p.baru)))
                sebelumnya = str(p.lama.nomor)
                k += 1
            elif p.dihapus:
                out.append(Perubahan("pasal", "hapus", [str(p.lama.nomor)], lama=p.lama))
                sebelumnya = str(p.lama.nomor)
                k += 1
            else:
                run = []
                while k < len(pasangan) and pasangan[k].lama is None and k not in bab_sisip:
                    if id(pasangan[k].baru) not in pasal_dalam_bab_sisip:
                        run.append(pasangan[k])
                    k += 1
                if run:
                    sesudah = next((str(q.lama.nomor) for q in pasangan[k:] if q.lama is not None), "")
                    bab_lain = ""
                    bab_sebelum = next((q.bab_lama for q in reversed(pasangan[:k - len(run)])
                                        if q.lama is not None), None)
                    pertama = run[0]
                    if pertama.bab_baru is not None and bab_sebelum is not None:
                        kb = self._bab_kon(pertama.baru, badan)
                        bab_lama_kb = next((b.lama for b in self.sel.bab if b.baru is pertama.bab_baru), None)
                        if bab_lama_kb is not bab_sebelum and kb is not None:
                            bab_lain = str(kb.nomor)
                    out.append(Perubahan("pasal", "sisip", [str(q.baru.nomor) for q in run],
                                         baru=[q.baru for q in run], antara=(sebelumnya, sesudah),
                                         bab_baru=bab_lain))
                    sebelumnya = str(run[-1].baru.nomor)
        return out

    def _bab_kon(self, pasal: Pasal, badan: list) -> Bab | None:
        for b in badan:
            if isinstance(b, Bab) and any(x is pasal for x in semua_pasal(b.isi)):
                return b
        return None

    def _bab_sebelum(self, bab: Bab) -> str:
        sebelumnya = ""
        for b in self.sel.bab:
            if b.lama is not None:
                sebelumnya = str(b.lama.nomor)
            if b.baru is not None and b.lama is None and b.baru.judul == bab.judul:
                return sebelumnya
        return sebelumnya

    def _bab_sesudah(self, bab: Bab) -> str:
        dilihat = False
        for b in self.sel.bab:
            if b.baru is not None and b.lama is None and b.baru.judul == bab.judul:
                dilihat = True
                continue
            if dilihat and b.lama is not None:
                return str(b.lama.nomor)
        return ""


_DIHAPUS = "Dihapus."


def _salin_pasal(p: Pasal) -> Pasal:
    """A copy of a Pasal with its numbers, markers, labels and resolved references."""
    return Pasal([Ayat(salin_inline(a.isi), salin_daftar(a.daftar), a.label, a.nomor) for a in p.ayat],
                 p.label, p.nomor, p.sumber)


def _teks_butir(b: Butir) -> str:
    out = [teks_inline(b.isi)]
    _teks_daftar(b.daftar, out, False)
    return "\n".join(out)


def _teks_daftar_polos(d: Daftar | None) -> list[str]:
    out: list[str] = []
    _teks_daftar(d, out, True)
    return [_polos_akhir(x) for x in out]


def _kepala_butir(b: Butir) -> str:
    """The head of a list item: the defined term of a definition ("Desa adalah ..." -> "desa")."""
    m = re.match(r"^(.{1,120}?)\s+(?:yang selanjutnya|adalah)\b", teks_inline(b.isi))
    return m.group(1).lower() if m else ""


def _selaras_unsur(lama: list[str], baru: list[str], kepala_l: list[str] | None = None,
                   kepala_b: list[str] | None = None) -> list[tuple[int | None, int | None]]:
    """Align the ayat or items of two versions of one Pasal. Most Pasal keep their shape: when
    the counts match and each element resembles its counterpart, the pairs are positional and no
    similarity matrix is needed."""
    if len(lama) == len(baru) and all(
            a == b or kemiripan(ciri(a), ciri(b)) >= 0.5 for a, b in zip(lama, baru)):
        return list(zip(range(len(lama)), range(len(baru))))
    sim = _matriks([ciri(t) for t in lama], [ciri(t) for t in baru])
    if kepala_l is not None and kepala_b is not None:
        for i, kl in enumerate(kepala_l):
            for j, kb in enumerate(kepala_b):
                if kl and kl == kb:
                    sim[i][j] = max(sim[i][j], 0.9)
    return selaras_urutan(sim, len(lama), len(baru), AMBANG)


def _sisipan_dari(kon: list[str], lama: list[str], unsur: str, nama, induk: str) -> list[Operasi]:
    """Insertions read from numbers: runs of numbers the old text lacks, with the old numbers
    around them ("tambah" when none follows)."""
    lama_set = set(lama)
    ops: list[Operasi] = []
    k = 0
    while k < len(kon):
        if kon[k] in lama_set:
            k += 1
            continue
        awal = k
        while k < len(kon) and kon[k] not in lama_set:
            k += 1
        sebelum = kon[awal - 1] if awal else ""
        sesudah = kon[k] if k < len(kon) else ""
        ops.append(Operasi("sisip" if sesudah else "tambah", unsur=unsur,
                           antara=(nama(sebelum) if sebelum else "", nama(sesudah) if sesudah else ""),
                           baru=[nama(n) for n in kon[awal:k]], induk=induk))
    return ops


def _nomor_urutan(urutan: list[tuple[int | None, int | None]], lama: list[str], jenis: str) -> list[str]:
    """The number of every element of an alignment of old and new ayat or items (`lama`: the old
    numbers): an old element keeps its own; an inserted run takes the numbers inserted after the
    old element before it ("1a", "d1", "7a"), or after the last old element the next plain ones.
    Raises _NomoriUlang for an insertion before the first old element."""
    terakhir_lama = max((k for k, (i, _) in enumerate(urutan) if i is not None), default=-1)
    terpakai = set(lama)
    out: list[str] = []
    dasar: str | None = None  # the old number before the current run
    x = 0  # position in the current run
    for k, (i, _) in enumerate(urutan):
        if i is not None:
            dasar, x = lama[i], 0
            out.append(dasar)
            continue
        if dasar is None:
            raise _NomoriUlang()  # nothing can be numbered without shifting
        x += 1
        out.append(_berikut(out[-1], jenis) if k > terakhir_lama else _sisipan(dasar, x, jenis, terpakai))
    return out


class _NomoriUlang(Exception):
    """An element inserted before the first one: the Pasal is restated with fresh numbers."""


def _teks_ayat(a: Ayat) -> str:
    out = [teks_inline(a.isi)]
    _teks_daftar(a.daftar, out, False)
    return "\n".join(out)


def _salin_pasangan(p: PasanganPasal, lama: Pasal | None, baru: Pasal | None) -> PasanganPasal:
    return PasanganPasal(lama, baru, p.kemiripan, p.ragu, p.dipatok, p.bab_lama, p.bab_baru,
                         p.indeks_lama, p.indeks_baru, dihapus=lama is not None and baru is None,
                         nomor_baru=p.nomor_baru)


def _salin_struktur(badan: list, peta: dict[int, Pasal], nomor_bab: dict[int, str]) -> list:
    """The new body's structure with consolidated Pasal (shared, not copied) and BAB numbers."""
    out = []
    for u in badan:
        if isinstance(u, Pasal):
            out.append(peta.get(id(u), u))
        elif isinstance(u, Bab):
            out.append(Bab(u.judul, _salin_struktur(u.isi, peta, nomor_bab), nomor_bab.get(id(u), u.nomor), u.sumber))
        elif isinstance(u, Bagian):
            out.append(Bagian(u.judul, _salin_struktur(u.isi, peta, nomor_bab), u.nomor))
        elif isinstance(u, Paragraf):
            out.append(Paragraf(u.judul, _salin_struktur(u.pasal, peta, nomor_bab), u.nomor))
        else:
            out.append(u)
    return out


def _cari_bab_salin(badan: list, bab_baru: Bab) -> list:
    for b in badan:
        if isinstance(b, Bab) and b.judul == bab_baru.judul:
            return b.isi
    return badan


def _bab_pengganti(badan: list, bab_lama: Bab, pasangan_bab: list[PasanganBab]) -> Bab:
    """A placeholder BAB (old number, "Dihapus") placed after the consolidated BAB that precedes it."""
    for b in badan:
        if isinstance(b, Bab) and b.nomor == bab_lama.nomor and b.judul == "Dihapus":
            return b
    sebelumnya = None
    for p in pasangan_bab:
        if p.lama is bab_lama:
            break
        if p.lama is not None and p.baru is not None:
            sebelumnya = str(p.lama.nomor)
    pengganti = Bab("Dihapus", [], nomor=bab_lama.nomor)
    if sebelumnya is None:
        badan.insert(0, pengganti)
        return pengganti
    for i, b in enumerate(badan):
        if isinstance(b, Bab) and str(b.nomor) == sebelumnya:
            badan.insert(i + 1, pengganti)
            return pengganti
    badan.append(pengganti)
    return pengganti


def _ringkasan(sel: Penyelarasan, pasangan: list[PasanganPasal]) -> Ringkasan:
    diubah = disisipkan = dihapus = tetap = 0
    kata_lama = kata_berubah = 0
    for p in pasangan:
        if p.lama is None:
            disisipkan += 1
            continue
        t_l = teks_pasal(p.lama)
        if p.dihapus or p.baru is None:
            dihapus += 1
            n = len(_kata(t_l))
            kata_lama += n
            kata_berubah += n
            continue
        if teks_pasal(p.lama, tanda=True) == teks_pasal(p.baru, tanda=True):
            tetap += 1
            kata_lama += len(_kata(t_l))
        else:
            diubah += 1
            n, b = banding_kata(t_l, teks_pasal(p.baru))
            kata_lama += n
            kata_berubah += b
    bab_sisip = sum(1 for b in sel.bab if b.lama is None)
    bab_hapus = sum(1 for b in sel.bab if b.baru is None)
    return Ringkasan(
        pasal_lama=sum(1 for p in pasangan if p.lama is not None),
        pasal_baru=sum(1 for p in pasangan if not p.dihapus and p.baru is not None),
        diubah=diubah, disisipkan=disisipkan, dihapus=dihapus, tetap=tetap,
        bab_disisipkan=bab_sisip, bab_dihapus=bab_hapus, kata_lama=kata_lama, kata_berubah=kata_berubah,
        struktur=list(sel.struktur))


def susun_perubahan(sel: Penyelarasan) -> HasilPerubahan:
    """The new version numbered like the old one, its changes in the order of the old text, the
    figures (see the module's docstring)."""
    return _Penyusun(sel).susun()


def bandingkan(sel: Penyelarasan) -> tuple[list[PasanganPasal], Ringkasan]:
    """The pairs of an alignment that differ (in their own numbering) and the figures."""
    pasangan = [_salin_pasangan(p, p.lama, p.baru) for p in sel.pasal]
    beda = [p for p in pasangan if p.lama is None or p.baru is None
            or teks_pasal(p.lama, tanda=True) != teks_pasal(p.baru, tanda=True)]
    return beda, _ringkasan(sel, pasangan)


# --- the matriks persandingan: one row per changed element ---------------------------------------------


@dataclass
class BarisBanding:
    """One row of the comparison table: the element's names (for the reasons a config gives, e.g.
    "Pasal 7", "Menimbang huruf b"), the kind of change, and the old and new wording as lines
    (an empty side: the element did not exist, or no longer does)."""

    nama: list[str]
    jenis: str  # "ubah", "sisip", "hapus"
    semula: list[str]
    perubahan: list[str]


def _baris_pasal(p: Pasal | None) -> list[str]:
    return teks_pasal(p, tanda=True, judul=True).split("\n") if p is not None else []


def _baris_bab(b: Bab | None, isi: bool = True) -> list[str]:
    if b is None:
        return []
    return teks_bab(b).split("\n") if isi else [f"BAB {b.nomor}", b.judul.upper()]


def _banding_butir(kata: str, lama: list[Inline], baru: list[Inline], tanda) -> list[BarisBanding]:
    """Rows for the items of a Menimbang or Mengingat list."""
    tl = [teks_inline(x) for x in lama]
    tb = [teks_inline(x) for x in baru]
    sim = _matriks([ciri(t) for t in tl], [ciri(t) for t in tb])
    out = []
    for i, j in selaras_urutan(sim, len(tl), len(tb), AMBANG):
        if i is not None and j is not None:
            if tl[i] != tb[j]:
                nama = [f"{kata} {tanda(i + 1)}"] + ([f"{kata} {tanda(j + 1)}"] if i != j else [])
                out.append(BarisBanding(nama, "ubah", [f"{tanda(i + 1)}. {tl[i]}"], [f"{tanda(j + 1)}. {tb[j]}"]))
        elif j is None:
            out.append(BarisBanding([f"{kata} {tanda(i + 1)}"], "hapus", [f"{tanda(i + 1)}. {tl[i]}"], []))
        else:
            out.append(BarisBanding([f"{kata} {tanda(j + 1)}"], "sisip", [], [f"{tanda(j + 1)}. {tb[j]}"]))
    return out


def _baris_pembukaan(lama: Dokumen, baru: Dokumen) -> list[BarisBanding]:
    from perbup_gen.naskah.bilangan import huruf

    out = []
    jl = " ".join(f"{lama.judul.jenis} TENTANG {lama.judul.tentang}".upper().split())
    jb = " ".join(f"{baru.judul.jenis} TENTANG {baru.judul.tentang}".upper().split())
    if " ".join(lama.judul.tentang.upper().split()) != " ".join(baru.judul.tentang.upper().split()):
        out.append(BarisBanding(["Judul"], "ubah", [jl], [jb]))
    pl, pb = lama.pembukaan, baru.pembukaan
    if pl is not None and pb is not None:
        out += _banding_butir("Menimbang huruf", pl.menimbang, pb.menimbang, huruf)
        out += _banding_butir("Mengingat angka", pl.mengingat, pb.mengingat, str)
    return out


def persandingan_perubahan(lama: Dokumen, hp: HasilPerubahan) -> list[BarisBanding]:
    """Rows of an amendment (the new text in the old numbering): the preamble's differences with
    the new version, then one row per change point."""
    out = _baris_pembukaan(lama, hp.konsolidasi)
    for p in hp.perubahan:
        nama = [p.nama] + [f"{'BAB' if p.unsur != 'pasal' else 'Pasal'} {n}" for n in p.nomor]
        if p.unsur == "pasal":
            if p.jenis == "hapus":
                out.append(BarisBanding(nama, "hapus", _baris_pasal(p.lama), [f"Pasal {p.nomor[0]}", "Dihapus."]))
            else:
                baru = [x for q in p.baru for x in _baris_pasal(q)]
                out.append(BarisBanding(nama, p.jenis, _baris_pasal(p.lama) if p.jenis == "ubah" else [], baru))
        elif p.unsur == "bab":
            if p.jenis == "hapus":
                out.append(BarisBanding(nama, "hapus", _baris_bab(p.lama, isi=False), [f"BAB {p.nomor[0]}", "Dihapus."]))
            else:
                out.append(BarisBanding(nama, "sisip", [], [x for b in p.baru for x in _baris_bab(b)]))
        else:
            out.append(BarisBanding(nama, "ubah", _baris_bab(p.lama, isi=False), _baris_bab(p.baru[0], isi=False)))
    return out


def persandingan(sel: Penyelarasan) -> list[BarisBanding]:
    """Rows of two versions in their own numbering: the preamble's differences, BAB inserted,
    deleted or retitled, then every Pasal that differs, in order."""
    out = _baris_pembukaan(sel.lama, sel.baru)
    bab_baris: dict[int, list[BarisBanding]] = {}
    posisi: dict[int, int] = {}
    for k, p in enumerate(sel.pasal):
        if p.lama is not None:
            posisi.setdefault(id(p.bab_lama), k)
        if p.baru is not None:
            posisi.setdefault(id(p.bab_baru), k)
    for b in sel.bab:
        if b.lama is None:
            k = posisi.get(id(b.baru), len(sel.pasal))
            bab_baris.setdefault(k, []).append(BarisBanding([f"BAB {b.baru.nomor}"], "sisip", [], _baris_bab(b.baru, isi=False)))
        elif b.baru is None:
            k = posisi.get(id(b.lama), len(sel.pasal))
            bab_baris.setdefault(k, []).append(BarisBanding([f"BAB {b.lama.nomor}"], "hapus", _baris_bab(b.lama, isi=False), []))
        elif " ".join(b.lama.judul.upper().split()) != " ".join(b.baru.judul.upper().split()):
            k = posisi.get(id(b.baru), len(sel.pasal))
            bab_baris.setdefault(k, []).append(BarisBanding(
                [f"BAB {b.lama.nomor}", f"BAB {b.baru.nomor}"], "ubah", _baris_bab(b.lama, isi=False),
                _baris_bab(b.baru, isi=False)))
    for k, p in enumerate(sel.pasal):
        out += bab_baris.pop(k, [])
        if p.status == "tetap":
            continue
        nama = [f"Pasal {x.nomor}" for x in (p.lama, p.baru) if x is not None]
        out.append(BarisBanding(list(dict.fromkeys(nama)), p.status, _baris_pasal(p.lama), _baris_pasal(p.baru)))
    for rest in bab_baris.values():
        out += rest
    return out
