"""The clause library: Markdown-like clause files with Jinja, parsed into model nodes.

A clause file (`clauses/<subfolder>/*.md`) is UTF-8 text, optionally opening with YAML front matter
between two `---` lines (`id`, default the file stem; `urutan`, an int sort key, default the
leading digits of the file name or 0; any other key is kept in `Klausul.meta`). The format is
described for drafters in clauses/README.md.

Processing, per file:

1. Render with Jinja in an `ImmutableSandboxedEnvironment` (a SandboxedEnvironment that also
   refuses to mutate lists and dicts of the config), `StrictUndefined`, trim_blocks and
   lstrip_blocks, filters bilangan, rupiah, persen, tanggal, terbilang and angka. Jinja comments
   are `{## ... ##}` because `{#label}` is the label syntax.

   Values are text, never templates: `finalize` turns every `{{ }}` output into
   U+E000 + text + U+E001, with newlines, tabs and control characters replaced by a space and
   the private-use characters this module uses removed. The line parser only looks at characters
   outside those sentinels for line prefixes (`#`, `-`, `()`, `DIKTUM:`), trailing attributes
   (`{#label}`) and inline markup (`*miring*`, `[[label]]`), so a value containing any of these
   stays literal. A None value is an error (it would print "None").

2. Line numbers. A Jinja extension (`filter_stream`) rewrites every template-text ("data") token
   so that each source line it touches carries a marker U+E002 <line> U+E003: the lexer gives
   the token's start line, and each newline inside the token advances it; a marker is also put
   before every `{{`, for a line that starts with a value right after a block tag. The markers survive
   rendering as plain text (only template text carries them; values are stripped of them), so
   every rendered line starts with the marker of its own source line, possibly preceded by
   markers of block-tag lines that rendered nothing (a `{% for %}` line, or the `{% endfor %}`
   line repeated per iteration). The line number of a rendered line is therefore the LAST marker
   of the marker run at its start (or the first marker anywhere on it when it starts with a
   value); then every marker is removed. Inside a `{% for %}` loop each item thus reports the line
   of the loop body. Jinja errors carry their own line: TemplateSyntaxError.lineno, and for
   runtime errors (undefined variable, sandbox violation, filter error) the template frame of
   the traceback Jinja rewrites.

   The front matter is replaced by blank lines before rendering, so line numbers stay the
   file's own.

3. Parse line by line into Bab, Bagian, Paragraf, Pasal, Ayat, Daftar/Butir and Diktum (see
   `_Pengurai`). BAB/Bagian/Paragraf context carries over from one file to the next within one
   `muat_badan` call (a file without a heading adds its Pasal to the BAB where the previous file
   ended); Pasal, ayat and list context do not.
"""
from __future__ import annotations

import os
import re
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Union

import yaml
from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.ext import Extension
from jinja2.lexer import Token
from jinja2.sandbox import ImmutableSandboxedEnvironment

from perbup_gen.naskah import bilangan as _bil
from perbup_gen.errors import KlausulError
from perbup_gen.naskah.model import (
    Ayat,
    Bab,
    Bagian,
    Butir,
    Daftar,
    Diktum,
    Inline,
    Paragraf,
    Pasal,
    Rujukan,
    Teks,
)

__all__ = [
    "Klausul",
    "PustakaKlausul",
    "muat_badan",
    "render_inline",
    "render_teks",
]

NILAI_BUKA = "\ue000"
NILAI_TUTUP = "\ue001"
BARIS_BUKA = "\ue002"
BARIS_TUTUP = "\ue003"
_PRIBADI = NILAI_BUKA + NILAI_TUTUP + BARIS_BUKA + BARIS_TUTUP
_BUANG_PRIBADI = str.maketrans("", "", _PRIBADI)
_KONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_PENANDA = re.compile(f"{BARIS_BUKA}(\\d+){BARIS_TUTUP}")
_PENANDA_AWAL = re.compile(f"^(?:{BARIS_BUKA}\\d+{BARIS_TUTUP})+")

_POLA_LABEL = r"[A-Za-z0-9_][A-Za-z0-9_.:-]*"
_LABEL = re.compile(f"^{_POLA_LABEL}$")

Badan = Union[Bab, Pasal, Diktum]


# --- Jinja environment ---------------------------------------------------------------------------


class _PenandaBaris(Extension):
    """Prefix every source line in template text with a line marker (see module docstring)."""

    def filter_stream(self, stream):  # type: ignore[override]
        for tok in stream:
            if tok.type == "data":
                potong = tok.value.split("\n")
                nilai = "\n".join(
                    f"{BARIS_BUKA}{tok.lineno + k}{BARIS_TUTUP}{p}" for k, p in enumerate(potong)
                )
                yield Token(tok.lineno, "data", nilai)
            elif tok.type == "variable_begin":
                # a line may start with {{ }} right after a block tag: mark its line too
                yield Token(tok.lineno, "data", f"{BARIS_BUKA}{tok.lineno}{BARIS_TUTUP}")
                yield tok
            else:
                yield tok


class _NilaiKosong(ValueError):
    pass


def _finalize(nilai: Any) -> str:
    """Wrap one `{{ }}` output so the line parser reads it as literal text."""
    if nilai is None:
        raise _NilaiKosong(
            "nilai kosong (None) tidak boleh ditulis ke dokumen; periksa konfigurasi atau "
            "gunakan {% if %}"
        )
    # a macro call or {% set %} block carries line markers and sentinels: drop them whole
    s = _PENANDA.sub("", str(nilai)).translate(_BUANG_PRIBADI)
    s = _KONTROL.sub(" ", s)
    return f"{NILAI_BUKA}{s}{NILAI_TUTUP}"


def _lingkungan(penanda: bool) -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        finalize=_finalize,
        comment_start_string="{##",
        comment_end_string="##}",
        extensions=[_PenandaBaris] if penanda else [],
    )
    env.filters.update(
        bilangan=_bil.bilangan,
        rupiah=_bil.rupiah,
        persen=_bil.persen,
        tanggal=_bil.tanggal,
        terbilang=_bil.terbilang,
        angka=_bil.angka,
    )
    return env


_ENV_BERKAS = _lingkungan(penanda=True)
_ENV_INLINE = _lingkungan(penanda=False)


def _render(env: ImmutableSandboxedEnvironment, sumber_teks: str, konteks: dict,
            berkas: str, baris_awal: int | None = None) -> str:
    """Render a template; Jinja errors become KlausulError with the template line.

    `baris_awal`: for a one-line template (render_inline), the line to report (or None).
    """
    sumber_teks = sumber_teks.translate(_BUANG_PRIBADI)

    def baris(n: int | None) -> int | None:
        return n if baris_awal is None and n else baris_awal

    try:
        templat = env.from_string(sumber_teks)
    except TemplateSyntaxError as e:
        raise KlausulError(f"kesalahan sintaks Jinja: {e.message}", berkas, baris(e.lineno)) from None
    try:
        return templat.render(**konteks)
    except (TemplateError, _NilaiKosong, ValueError, TypeError, ArithmeticError,
            LookupError, AttributeError) as e:
        n = None
        for bingkai in traceback.extract_tb(e.__traceback__):
            if bingkai.filename == "<template>":
                n = bingkai.lineno
        if isinstance(e, SecurityError):
            pesan = f"akses yang tidak diizinkan dalam templat (sandbox): {e}"
        elif isinstance(e, UndefinedError):
            pesan = f"nilai tidak terdefinisi dalam templat: {e.message}"
        elif isinstance(e, _NilaiKosong):
            pesan = str(e)
        elif isinstance(e, TemplateError):
            pesan = f"kesalahan templat Jinja: {e}"
        else:
            pesan = f"kesalahan saat mengisi templat: {e}"
        raise KlausulError(pesan, berkas, baris(n)) from None


# --- clause files and the library ----------------------------------------------------------------


@dataclass
class Klausul:
    """One clause file. `isi` is the source with the front matter blanked (line numbers kept)."""

    jalur: Path
    relatif: str  # path relative to its library folder, e.g. "perbup/03_tugas.md"
    id: str
    urutan: int
    isi: str
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def nama(self) -> str:
        """The name used in messages: the file path, relative to the working folder if inside it."""
        return _nama_tampil(self.jalur)


def _nama_tampil(p: Path) -> str:
    try:
        rel = os.path.relpath(p)
    except ValueError:  # another drive (Windows)
        return str(p)
    return str(p) if rel.startswith("..") else rel


def _urutan_bawaan(stem: str) -> int:
    m = re.match(r"^(\d+)", stem)
    return int(m.group(1)) if m else 0


def _pisah_front_matter(teks: str, nama: str) -> tuple[str, dict[str, Any]]:
    """Split off the YAML front matter; its lines become blank so line numbers are kept."""
    teks = teks.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    meta: dict[str, Any] = {}
    baris = teks.split("\n")
    if baris and baris[0].strip() == "---":
        try:
            tutup = next(i for i in range(1, len(baris)) if baris[i].strip() == "---")
        except StopIteration:
            raise KlausulError("front matter YAML tidak ditutup dengan baris ---", nama, 1) from None
        try:
            data = yaml.safe_load("\n".join(baris[1:tutup])) or {}
        except yaml.YAMLError as e:
            tanda = getattr(e, "problem_mark", None)
            n = tanda.line + 2 if tanda is not None else 1
            raise KlausulError(f"front matter YAML tidak sah: {getattr(e, 'problem', e)}",
                               nama, n) from None
        if not isinstance(data, dict):
            raise KlausulError("front matter harus berupa pasangan kunci: nilai", nama, 2)
        meta = dict(data)
        baris = [""] * (tutup + 1) + baris[tutup + 1:]
    return "\n".join(baris), meta


def baca_klausul(jalur: Path, relatif: str | None = None) -> Klausul:
    """Read one clause file and its front matter."""
    nama = _nama_tampil(jalur)
    try:
        teks = jalur.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise KlausulError(f"berkas klausul bukan teks UTF-8 ({e.reason})", nama) from None
    except OSError as e:
        raise KlausulError(f"berkas klausul tidak dapat dibaca: {e.strerror}", nama) from None
    isi, meta = _pisah_front_matter(teks, nama)
    id_ = meta.pop("id", jalur.stem)
    if not isinstance(id_, str) or not id_.strip():
        raise KlausulError("kunci 'id' pada front matter harus teks", nama, 2)
    urutan_ = meta.pop("urutan", _urutan_bawaan(jalur.stem))
    if isinstance(urutan_, bool) or not isinstance(urutan_, int):
        raise KlausulError("kunci 'urutan' pada front matter harus bilangan bulat", nama, 2)
    return Klausul(jalur=jalur, relatif=relatif or jalur.name, id=id_.strip(), urutan=urutan_,
                   isi=isi, meta=meta)


class PustakaKlausul:
    """A clause library made of folders; a later folder overrides an earlier one by relative path.

    Typically `[<package>/clauses, <district>/klausul]`: the district's `perbup/03_tugas.md`
    replaces the package's file of the same relative path, and its new files are added.
    """

    def __init__(self, folders: Iterable[Path]):
        self.folders = [Path(f) for f in folders]

    def _peta(self, subfolder: str) -> dict[str, Path]:
        peta: dict[str, Path] = {}
        for folder in self.folders:
            dasar = folder / subfolder
            if not dasar.is_dir():
                continue
            for p in sorted(dasar.glob("*.md")):
                if p.name.lower() == "readme.md" or not p.is_file():
                    continue
                peta[f"{subfolder}/{p.name}"] = p
        return peta

    def klausul(self, subfolder: str) -> list[Klausul]:
        """The clause files of `subfolder`, read, ordered by (urutan, file name)."""
        daftar = [baca_klausul(p, rel) for rel, p in self._peta(subfolder).items()]
        daftar.sort(key=lambda k: (k.urutan, k.jalur.name))
        dilihat: dict[str, Klausul] = {}
        for k in daftar:
            if k.id in dilihat:
                raise KlausulError(
                    f"id klausul '{k.id}' juga dipakai oleh {dilihat[k.id].nama}", k.nama
                )
            dilihat[k.id] = k
        return daftar

    def berkas(self, subfolder: str) -> list[Path]:
        """The clause files of `subfolder` in order (urutan, name), overrides applied."""
        return [k.jalur for k in self.klausul(subfolder)]

    def id_klausul(self, subfolder: str) -> list[str]:
        """The ids of `subfolder`'s clauses in order (to check a config's `nonaktif` list)."""
        return [k.id for k in self.klausul(subfolder)]

    def cari(self, relatif: str) -> Path:
        """One file by relative path ("perbup/menimbang.md"), the last folder holding it wins."""
        for folder in reversed(self.folders):
            p = folder / relatif
            if p.is_file():
                return p
        raise KlausulError(f"berkas klausul '{relatif}' tidak ditemukan di "
                           + ", ".join(_nama_tampil(f) for f in self.folders))


# --- rendered lines ------------------------------------------------------------------------------


@dataclass
class _Baris:
    """One rendered line. `teks` still carries the value sentinels; markers are removed."""

    teks: str
    nomor: int | None


def _baris_render(hasil: str) -> list[_Baris]:
    out: list[_Baris] = []
    terakhir: int | None = None
    for mentah in hasil.split("\n"):
        m = _PENANDA_AWAL.match(mentah)
        nomor: int | None = None
        if m:
            nomor = int(_PENANDA.findall(m.group(0))[-1])
        else:
            semua = _PENANDA.findall(mentah)
            if semua:
                nomor = int(semua[0])
        if nomor is None:
            nomor = terakhir
        terakhir = nomor
        out.append(_Baris(_PENANDA.sub("", mentah), nomor))
    return out


def _polos(s: str) -> str:
    """Text with the value sentinels removed."""
    return s.replace(NILAI_BUKA, "").replace(NILAI_TUTUP, "")


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


def _urai_inline(s: str, sumber: str, berkas: str, baris: int | None,
                 izinkan_rujukan: bool = True) -> Inline:
    """Parse `*miring*`, `[[label]]` and the escapes `\\*`, `\\[`, `\\\\` in template text."""
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
            if not _LABEL.match(label):
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
            if not _LABEL.match(label):
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


class _Pengurai:
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
        isi = _urai_inline(teks.strip(), f"{self.berkas}:{self.nomor}", self.berkas, self.nomor)
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

    def urai(self, baris: list[_Baris], berkas: str) -> None:
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
            raise KlausulError("Pasal tanpa isi", *self._lokasi(self.pasal.sumber))

    @staticmethod
    def _lokasi(sumber: str) -> tuple[str, int | None]:
        berkas, _, n = sumber.rpartition(":")
        return berkas, int(n)

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
            if judul_polos not in ("", "Pasal"):
                raise self._galat(f"baris Pasal ditulis '#### Pasal' saja (nomor dihitung "
                                  f"otomatis), bukan '#### {judul_polos}'")
            self._tanpa_atribut_daftar(atr, "baris #### Pasal")
            self._daftarkan_label(atr.label)
            p = Pasal(ayat=[], label=atr.label, sumber=f"{self.berkas}:{self.nomor}")
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


# --- public API ----------------------------------------------------------------------------------


def muat_badan(pustaka: PustakaKlausul, subfolder: str, konteks: dict,
               nonaktif: set[str] | frozenset[str] = frozenset()) -> list[Badan]:
    """Render and parse every clause file of `<folder>/<subfolder>/` in order -> body nodes.

    Files whose id is in `nonaktif` are skipped. Numbers are left to `penomoran.susun()`.
    """
    pengurai = _Pengurai()
    for k in pustaka.klausul(subfolder):
        if k.id in nonaktif:
            continue
        hasil = _render(_ENV_BERKAS, k.isi, konteks, k.nama)
        pengurai.urai(_baris_render(hasil), k.nama)
    return pengurai.hasil


def urai_teks(teks_klausul: str, konteks: dict, nama: str) -> list[Badan]:
    """Render and parse clause text not held in a file (tests, one-off clauses)."""
    pengurai = _Pengurai()
    isi, _ = _pisah_front_matter(teks_klausul, nama)
    hasil = _render(_ENV_BERKAS, isi, konteks, nama)
    pengurai.urai(_baris_render(hasil), nama)
    return pengurai.hasil


def _sumber_pecah(sumber: str) -> tuple[str, int | None]:
    m = re.match(r"^(.*):(\d+)$", sumber)
    return (m.group(1), int(m.group(2))) if m else (sumber, None)


def _satu_baris(template: str, konteks: dict, sumber: str) -> tuple[str, str, int | None]:
    berkas, baris = _sumber_pecah(sumber)
    hasil = _render(_ENV_INLINE, template, konteks, berkas, baris_awal=baris)
    # a YAML string may span lines: one inline element, lines joined by a space
    hasil = " ".join(x.strip() for x in hasil.split("\n") if _polos(x).strip())
    return hasil, berkas, baris


def render_inline(template: str, konteks: dict, sumber: str) -> Inline:
    """Render one Jinja string (e.g. a menimbang item from YAML) into an Inline.

    Same sandbox, filters and value handling as clause files; `*miring*` and `[[label]]` are
    parsed. `sumber` ("file.yaml:12" or a description) is used in messages and in Rujukan.sumber.
    """
    hasil, berkas, baris = _satu_baris(template, konteks, sumber)
    return _urai_inline(hasil, sumber, berkas, baris)


def render_teks(template: str, konteks: dict, sumber: str) -> str:
    """Like `render_inline` but returns plain text (italics dropped; `[[label]]` is an error)."""
    hasil, berkas, baris = _satu_baris(template, konteks, sumber)
    isi = _urai_inline(hasil, sumber, berkas, baris, izinkan_rujukan=False)
    return "".join(t.teks for t in isi if isinstance(t, Teks))
