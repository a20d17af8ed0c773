"""The line parser of clause files: rendered lines -> Bab, Bagian, Paragraf, Pasal, Ayat,
Daftar/Butir and Diktum nodes of the document model.

Line kinds: `# BAB`, `## Bagian`, `### Paragraf`, `#### Pasal`, `() ayat`, plain text (the
unnumbered text of a Pasal), `- item` (2 or 4 more spaces per nesting level), `DIKTUM: text`;
trailing attributes `{#label}`, `{daftar=...}`, `{sambung=...}`; inline `*miring*` and
`[[label]]` references (escapes `\\*`, `\\[`, `\\\\`). Only characters outside the value
sentinels count as markup: a value stays literal whatever it contains.

BAB/Bagian/Paragraf context carries over from one file to the next within one `Pengurai`
(a file without a heading adds its Pasal to the BAB where the previous file ended); Pasal, ayat
and list context do not.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Union

from perbup_gen.errors import KlausulError
from perbup_gen.naskah.klausul.templat import NILAI_BUKA, NILAI_TUTUP, Baris, bersih_sentinel as _polos
from perbup_gen.naskah.model import (
    Ayat, Bab, Bagian, Butir, Daftar, Diktum, Inline, Paragraf, Pasal, Rujukan, Teks, pecah_sumber,
)

__all__ = ["Badan", "LABEL", "Pengurai", "urai_inline"]

_POLA_LABEL = r"[A-Za-z0-9_][A-Za-z0-9_.:-]*"
LABEL = re.compile(f"^{_POLA_LABEL}$")

Badan = Union[Bab, Pasal, Diktum]


# --- inline text -----------------------------------------------------------------------------------

_NILAI = re.compile(f"{NILAI_BUKA}[^{NILAI_TUTUP}]*{NILAI_TUTUP}")
_RUJUKAN = re.compile(r"\[\[([^\[\]]*)\]\]")


def urai_inline(s: str, sumber: str, berkas: str, baris: int | None,
                izinkan_rujukan: bool = True) -> Inline:
    """Parse `*miring*`, `[[label]]` and the escapes in template text (values stay literal).

    The usual line (no `*` or backslash, `[` only in `[[label]]` of the template text) takes a
    quick path; anything else the character-by-character parse."""
    if "*" not in s and "\\" not in s:
        if "[" not in s:
            return [Teks(_polos(s))] if s else []
        if izinkan_rujukan and not any("[" in v for v in _NILAI.findall(s)):
            potong = _RUJUKAN.split(_polos(s))
            hasil: Inline = []
            for i, bagian in enumerate(potong):
                if i % 2 == 0:
                    if "[[" in bagian or "]]" in bagian:
                        break
                    if bagian:
                        hasil.append(Teks(bagian))
                elif LABEL.match(bagian.strip()):
                    hasil.append(Rujukan(label=bagian.strip(), sumber=sumber))
                else:
                    break
            else:
                return hasil
    return _urai_inline_penuh(s, sumber, berkas, baris, izinkan_rujukan)


def _tanda_literal(s: str) -> list[tuple[str, bool]]:
    """Split into characters flagged True when they come from a value (literal)."""
    out: list[tuple[str, bool]] = []
    literal = False
    for c in s:
        if c == NILAI_BUKA:
            literal = True
        elif c == NILAI_TUTUP:
            literal = False
        else:
            out.append((c, literal))
    return out


def _urai_inline_penuh(s: str, sumber: str, berkas: str, baris: int | None,
                       izinkan_rujukan: bool = True) -> Inline:
    """The character-by-character parse of `urai_inline`."""
    huruf = _tanda_literal(s)
    hasil: Inline = []
    buf: list[str] = []
    miring = False

    def simpan() -> None:
        if buf:
            teks = "".join(buf)
            if hasil and isinstance(hasil[-1], Teks) and hasil[-1].miring == miring:
                hasil[-1].teks += teks
            else:
                hasil.append(Teks(teks, miring=miring))
            buf.clear()

    i, n = 0, len(huruf)
    while i < n:
        c, lit = huruf[i]
        if lit:
            buf.append(c)
            i += 1
            continue
        if c == "\\" and i + 1 < n and not huruf[i + 1][1] and huruf[i + 1][0] in "*[\\":
            buf.append(huruf[i + 1][0])
            i += 2
            continue
        if c == "*":
            simpan()
            miring = not miring
            i += 1
            continue
        if c == "[" and i + 1 < n and huruf[i + 1] == ("[", False):
            j = i + 2
            while j + 1 < n and not (huruf[j] == ("]", False) and huruf[j + 1] == ("]", False)):
                j += 1
            if j + 1 >= n:
                raise KlausulError("rujukan [[ tidak ditutup dengan ]]", berkas, baris)
            isi = huruf[i + 2:j]
            if any(lit for _, lit in isi):
                raise KlausulError("label rujukan [[...]] harus ditulis langsung, bukan dari "
                                   "nilai {{ }}", berkas, baris)
            label = "".join(ch for ch, _ in isi).strip()
            if not LABEL.match(label):
                raise KlausulError(f"label rujukan tidak sah: [[{label}]] (pakai huruf, angka, "
                                   "_ . : -)", berkas, baris)
            if not izinkan_rujukan:
                raise KlausulError(f"rujukan [[{label}]] tidak dapat dipakai di sini (teks polos)",
                                   berkas, baris)
            simpan()
            hasil.append(Rujukan(label=label, sumber=sumber))
            i = j + 2
            continue
        buf.append(c)
        i += 1
    if miring:
        raise KlausulError("tanda * (huruf miring) tidak berpasangan", berkas, baris)
    simpan()
    return hasil


# --- attributes at the end of a line -------------------------------------------------------------

_ATRIBUT_AKHIR = re.compile(r"\s*\{([^{}\ue000\ue001]*)\}\s*$")


@dataclass
class _Atribut:
    label: str | None = None
    jenis: str | None = None
    sambung: str | None = None

    @property
    def daftar(self) -> bool:
        return self.jenis is not None or self.sambung is not None


def _pisah_atribut(teks: str, berkas: str, baris: int | None) -> tuple[str, _Atribut]:
    atr = _Atribut()
    while True:
        m = _ATRIBUT_AKHIR.search(teks)
        if not m:
            return teks, atr
        isi = m.group(1).strip()
        if isi.startswith("#"):
            label = isi[1:]
            if not LABEL.match(label):
                raise KlausulError(f"label tidak sah: {{{isi}}} (pakai huruf, angka, _ . : -)",
                                   berkas, baris)
            if atr.label is not None:
                raise KlausulError("satu baris hanya boleh satu label", berkas, baris)
            atr.label = label
        elif isi.startswith("daftar="):
            jenis = isi[len("daftar="):].strip().strip('"')
            if jenis not in ("rincian", "definisi", "kalimat"):
                raise KlausulError(f"jenis daftar tidak dikenal: '{jenis}' (rincian, definisi, "
                                   "kalimat)", berkas, baris)
            atr.jenis = jenis
        elif isi.startswith("sambung="):
            sambung = isi[len("sambung="):].strip()
            if len(sambung) >= 2 and sambung[0] == sambung[-1] and sambung[0] in "\"'":
                sambung = sambung[1:-1]
            if sambung not in ("dan", "atau", "dan/atau", ""):
                raise KlausulError(f"kata sambung tidak dikenal: '{sambung}' (dan, atau, "
                                   "\"dan/atau\", \"\")", berkas, baris)
            atr.sambung = sambung
        else:
            raise KlausulError(f"atribut tidak dikenal di akhir baris: {{{isi}}} (yang dikenal: "
                               "{#label}, {daftar=...}, {sambung=...})", berkas, baris)
        teks = teks[: m.start()]


# --- the line parser -----------------------------------------------------------------------------

_JUDUL = re.compile(r"^(#+)(?:\s+(.*))?$")
_AYAT = re.compile(r"^\(\)(?:\s+(.*))?$")
_BUTIR = re.compile(r"^( *)-(?:\s+(.*))?$")
_DIKTUM = re.compile(r"^DIKTUM\s*:(?:\s*(.*))?$")


class Pengurai:
    """Builds Bab/Pasal/Diktum nodes from rendered lines, one logical element per line.

    Line kinds: `# BAB`, `## Bagian`, `### Paragraf`, `#### Pasal`, `() ayat`, plain text (the
    unnumbered text of a Pasal), `- item` (2 or 4 more spaces per nesting level), `DIKTUM: text`.
    """

    def __init__(self) -> None:
        self.hasil: list[Badan] = []
        self.label: dict[str, str] = {}  # label -> "file:line" of first use
        self.bab: Bab | None = None
        self.bagian: Bagian | None = None
        self.paragraf: Paragraf | None = None
        self._reset_berkas()

    def _reset_berkas(self) -> None:
        self.pasal: Pasal | None = None
        self.bentuk_pasal: str | None = None  # "ayat" or "teks"
        self.diktum: Diktum | None = None
        # the element that may own a list: Ayat, Diktum (or None)
        self.induk: Ayat | Diktum | None = None
        self.atr_induk: _Atribut | None = None
        # open lists: (indent, Daftar); the Butir that may open a sub-list, with its attributes
        self.tumpukan: list[tuple[int, Daftar]] = []
        # id(Butir) -> (Butir, its list attributes, line), checked when the lists close
        self.atr_butir: dict[int, tuple[Butir, _Atribut, int | None]] = {}

    # -- helpers --

    def _galat(self, pesan: str) -> KlausulError:
        return KlausulError(pesan, self.berkas, self.nomor)

    def _daftarkan_label(self, label: str | None) -> None:
        if label is None:
            return
        tempat = f"{self.berkas}:{self.nomor}"
        if label in self.label:
            raise self._galat(f"label {{#{label}}} sudah dipakai di {self.label[label]}")
        self.label[label] = tempat

    def _inline(self, teks: str) -> Inline:
        isi = urai_inline(teks.strip(), f"{self.berkas}:{self.nomor}", self.berkas, self.nomor)
        if not any(isinstance(t, Rujukan) or t.teks.strip() for t in isi):
            raise self._galat("teks kosong")
        return isi

    def _tutup_daftar(self) -> None:
        self._cek_atribut_daftar_tanpa_butir()
        self.tumpukan = []
        self.atr_butir = {}
        self.induk = None
        self.atr_induk = None

    def _cek_atribut_daftar_tanpa_butir(self) -> None:
        if self.atr_induk is not None and self.atr_induk.daftar and self.induk is not None \
                and self.induk.daftar is None:
            raise KlausulError("atribut daftar/sambung ditulis pada baris yang tidak diikuti "
                               "butir daftar (- ...)", self.berkas, self.baris_induk)
        for butir, _, baris in self.atr_butir.values():
            if butir.daftar is None:
                raise KlausulError("atribut daftar/sambung ditulis pada butir yang tidak diikuti "
                                   "anak butir (menjorok)", self.berkas, baris)

    def _tanpa_atribut_daftar(self, atr: _Atribut, apa: str) -> None:
        if atr.daftar:
            raise self._galat(f"atribut daftar/sambung tidak dapat dipasang pada {apa}")

    def _judul_tanpa_label(self, atr: _Atribut, apa: str) -> None:
        if atr.label is not None:
            raise self._galat(f"label tidak dapat dipasang pada judul {apa}; pasang pada Pasal")
        self._tanpa_atribut_daftar(atr, f"judul {apa}")

    def _pasang_induk(self, induk: Ayat | Diktum, atr: _Atribut) -> None:
        self.induk = induk
        self.atr_induk = atr
        self.baris_induk = self.nomor

    # -- entry --

    def urai(self, baris: list[Baris], berkas: str) -> None:
        self.berkas = berkas
        self._reset_berkas()
        self.nomor: int | None = None
        for b in baris:
            self.nomor = b.nomor
            if not _polos(b.teks).strip():
                continue
            self._satu(b.teks.rstrip())
        self.nomor = None
        self._tutup_daftar()
        self._cek_pasal_kosong()

    def _cek_pasal_kosong(self) -> None:
        if self.pasal is not None and not self.pasal.ayat:
            raise KlausulError("Pasal tanpa isi", *pecah_sumber(self.pasal.sumber))

    def _satu(self, teks: str) -> None:
        if "\t" in teks[: len(teks) - len(teks.lstrip())]:
            raise self._galat("indentasi memakai tab; pakai spasi (2 per tingkat)")
        teks, atr = _pisah_atribut(teks, self.berkas, self.nomor)

        m = _BUTIR.match(teks)
        if m:
            self._butir(len(m.group(1)), m.group(2) or "", atr)
            return
        if teks.startswith(" "):
            raise self._galat("indentasi tidak sah: hanya butir daftar (- ...) yang boleh "
                              "menjorok")
        self._tutup_daftar()

        m = _JUDUL.match(teks)
        if m:
            self._judul(len(m.group(1)), m.group(2) or "", atr)
            return
        m = _DIKTUM.match(teks)
        if m:
            self._diktum(m.group(1) or "", atr)
            return
        m = _AYAT.match(teks)
        if m:
            self._ayat(m.group(1) or "", atr)
            return
        self._teks_pasal(teks, atr)

    def _judul(self, tingkat: int, judul: str, atr: _Atribut) -> None:
        judul_polos = _polos(judul).strip()
        if tingkat > 4:
            raise self._galat(f"judul bertingkat {tingkat} (#####) tidak dikenal; pakai # BAB, "
                              "## Bagian, ### Paragraf, #### Pasal")
        if self.diktum is not None or any(isinstance(x, Diktum) for x in self.hasil):
            raise self._galat("BAB, Bagian, Paragraf dan Pasal tidak dapat dicampur dengan DIKTUM")
        self._cek_pasal_kosong()
        self.pasal = None
        self.bentuk_pasal = None
        if tingkat == 4:
            # "#### Pasal: Jangka Waktu" gives the Pasal a heading (agreements; the builder of a
            # regulation refuses it)
            kata, titik_dua, judul_pasal = judul_polos.partition(":")
            if kata.strip() != "Pasal" and judul_polos != "" or (titik_dua and not judul_pasal.strip()):
                raise self._galat(f"baris Pasal ditulis '#### Pasal' saja (nomor dihitung "
                                  f"otomatis), atau '#### Pasal: Judul' untuk Pasal berjudul, bukan "
                                  f"'#### {judul_polos}'")
            self._tanpa_atribut_daftar(atr, "baris #### Pasal")
            self._daftarkan_label(atr.label)
            p = Pasal(ayat=[], label=atr.label, sumber=f"{self.berkas}:{self.nomor}",
                      judul=judul_pasal.strip() or None)
            if self.paragraf is not None:
                self.paragraf.pasal.append(p)
            elif self.bagian is not None:
                self.bagian.isi.append(p)
            elif self.bab is not None:
                self.bab.isi.append(p)
            else:
                self.hasil.append(p)
            self.pasal = p
            return
        nama = {1: "BAB", 2: "Bagian", 3: "Paragraf"}[tingkat]
        self._judul_tanpa_label(atr, nama)
        if not judul_polos:
            raise self._galat(f"judul {nama} kosong")
        if tingkat == 1:
            self.bab = Bab(judul=judul_polos.upper(), isi=[], sumber=f"{self.berkas}:{self.nomor}")
            self.hasil.append(self.bab)
            self.bagian = self.paragraf = None
        elif tingkat == 2:
            if self.bab is None:
                raise self._galat("Bagian (##) harus berada di dalam BAB (#)")
            self.bagian = Bagian(judul=judul_polos, isi=[])
            self.bab.isi.append(self.bagian)
            self.paragraf = None
        else:
            if self.bagian is None:
                raise self._galat("Paragraf (###) harus berada di dalam Bagian (##)")
            self.paragraf = Paragraf(judul=judul_polos, pasal=[])
            self.bagian.isi.append(self.paragraf)

    def _diktum(self, teks: str, atr: _Atribut) -> None:
        if any(not isinstance(x, Diktum) for x in self.hasil) or self.pasal is not None:
            raise self._galat("DIKTUM tidak dapat dicampur dengan BAB atau Pasal")
        self._daftarkan_label(atr.label)
        d = Diktum(isi=self._inline(teks), label=atr.label)
        self.hasil.append(d)
        self.diktum = d
        self._pasang_induk(d, atr)

    def _ayat(self, teks: str, atr: _Atribut) -> None:
        if self.pasal is None:
            raise self._galat("ayat () harus berada di dalam Pasal (#### Pasal)")
        if self.bentuk_pasal == "teks":
            raise self._galat("Pasal ini sudah berisi teks tanpa nomor ayat; tulis semua isinya "
                              "sebagai ayat ()")
        self.bentuk_pasal = "ayat"
        self._daftarkan_label(atr.label)
        a = Ayat(isi=self._inline(teks), label=atr.label)
        self.pasal.ayat.append(a)
        self._pasang_induk(a, atr)

    def _teks_pasal(self, teks: str, atr: _Atribut) -> None:
        if self.pasal is None:
            if self.diktum is not None:
                raise self._galat("teks lepas setelah DIKTUM: satu diktum satu baris "
                                  "'DIKTUM: ...', rinciannya dengan butir '- ...'")
            raise self._galat("teks di luar Pasal atau Diktum; awali dengan '#### Pasal' atau "
                              "'DIKTUM:'")
        if self.bentuk_pasal is not None:
            raise self._galat("satu baris satu unsur: Pasal ini sudah berisi teks; untuk lebih "
                              "dari satu ayat tulis tiap ayat dengan '() ...'")
        self.bentuk_pasal = "teks"
        self._daftarkan_label(atr.label)
        a = Ayat(isi=self._inline(teks), label=atr.label)
        self.pasal.ayat.append(a)
        self._pasang_induk(a, atr)

    def _daftar_baru(self, atr: _Atribut | None) -> Daftar:
        d = Daftar(butir=[])
        if atr is not None:
            if atr.jenis is not None:
                d.jenis = atr.jenis  # type: ignore[assignment]
            if atr.sambung is not None:
                d.sambung = atr.sambung  # type: ignore[assignment]
        return d

    def _butir(self, indentasi: int, teks: str, atr: _Atribut) -> None:
        if not self.tumpukan:
            if self.induk is None:
                raise self._galat("butir daftar (- ...) harus mengikuti teks Pasal, ayat (), "
                                  "butir lain atau DIKTUM")
            if indentasi != 0:
                raise self._galat("butir daftar tingkat pertama tidak menjorok (mulai di kolom 1)")
            d = self._daftar_baru(self.atr_induk)
            self.induk.daftar = d
            self.tumpukan.append((0, d))
        else:
            atas, d = self.tumpukan[-1]
            if indentasi > atas:
                if indentasi - atas not in (2, 4):
                    raise self._galat("indentasi butir tidak sah: anak butir menjorok 2 (atau 4) "
                                      "spasi lebih dalam dari induknya")
                if len(self.tumpukan) >= 4:
                    raise self._galat("daftar bertingkat lebih dari 4 (a., 1., a), 1))")
                induk = d.butir[-1]
                d = self._daftar_baru(self.atr_butir.get(id(induk), (None, None, None))[1])
                induk.daftar = d
                self.tumpukan.append((indentasi, d))
            elif indentasi < atas:
                while self.tumpukan and self.tumpukan[-1][0] > indentasi:
                    self.tumpukan.pop()
                if not self.tumpukan or self.tumpukan[-1][0] != indentasi:
                    raise self._galat("indentasi butir tidak cocok dengan tingkat daftar di atasnya")
                d = self.tumpukan[-1][1]
        self._daftarkan_label(atr.label)
        b = Butir(isi=self._inline(teks), label=atr.label)
        d.butir.append(b)
        if atr.daftar:
            self.atr_butir[id(b)] = (b, atr, self.nomor)


