"""Compiling and rendering clause templates: values as literal text, source line numbers, errors
as KlausulError with file and line, the sandbox of `kotak`.

Values are text, never templates: `finalize` turns every `{{ }}` output into
U+E000 + text + U+E001, with newlines, tabs and control characters replaced by a space and the
private-use characters this package uses removed. The line parser (`pengurai`) only looks at
characters outside those sentinels for line prefixes (`#`, `-`, `()`, `DIKTUM:`), trailing
attributes (`{#label}`) and inline markup (`*miring*`, `[[label]]`), so a value containing any of
these stays literal. A None value is an error (it would print "None"), and so is a mapping or a
list written whole.

Line numbers. A Jinja extension (`filter_stream`) rewrites every template-text ("data") token so
that each source line it touches carries a marker U+E002 <line> U+E003: the lexer gives the
token's start line, and each newline inside the token advances it; a marker is also put before
every `{{`, for a line that starts with a value right after a block tag. The markers survive
rendering as plain text (only template text carries them; values are stripped of them), so every
rendered line starts with the marker of its own source line, possibly preceded by markers of
block-tag lines that rendered nothing (a `{% for %}` line, or the `{% endfor %}` line repeated per
iteration). The line number of a rendered line is therefore the LAST marker of the marker run at
its start (or the first marker anywhere on it when it starts with a value); then every marker is
removed. Inside a `{% for %}` loop each item thus reports the line of the loop body. Jinja errors
carry their own line: TemplateSyntaxError.lineno, and for runtime errors (undefined variable,
sandbox violation, filter error) the template frame of the traceback Jinja rewrites.

A template is compiled once (`kompilasi`, cached by source) and bound once to its context
(`Templat`): the variables it does not use are dropped, the rest checked to be plain data; each
render then only adds what changes per call (e.g. one desa) and runs the compiled code.
"""
from __future__ import annotations

import functools
import re
import traceback
from dataclasses import dataclass
from typing import Any

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, Undefined, meta
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.ext import Extension
from jinja2.lexer import Token

from perbup_gen.errors import KlausulError
from perbup_gen.naskah.klausul.kotak import (
    KELUARAN_MAKS, WAKTU_MAKS, Kotak, Peta, WaktuHabis, dengan_batas_waktu, polos,
)

__all__ = ["Baris", "Templat", "baris_render", "bersih_sentinel", "kompilasi"]

NILAI_BUKA = "\ue000"
NILAI_TUTUP = "\ue001"
BARIS_BUKA = "\ue002"
BARIS_TUTUP = "\ue003"
_PRIBADI = NILAI_BUKA + NILAI_TUTUP + BARIS_BUKA + BARIS_TUTUP
BUANG_PRIBADI = str.maketrans("", "", _PRIBADI)
_KONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_PENANDA = re.compile(f"{BARIS_BUKA}(\\d+){BARIS_TUTUP}")
_PENANDA_AWAL = re.compile(f"^(?:{BARIS_BUKA}\\d+{BARIS_TUTUP})+")
# anything _finalize removes or replaces: a line marker or sentinel, a private-use or control character
_BERSIH = re.compile(f"[{re.escape(_PRIBADI)}\x00-\x1f\x7f-\x9f\u2028\u2029]")


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


class _NilaiTakTertulis(ValueError):
    pass


def _finalize(nilai: Any) -> str:
    """Wrap one `{{ }}` output so the line parser reads it as literal text."""
    if nilai is None:
        raise _NilaiTakTertulis(
            "nilai kosong (None) tidak boleh ditulis ke dokumen; periksa konfigurasi atau "
            "gunakan {% if %}"
        )
    if isinstance(nilai, Undefined):
        str(nilai)  # StrictUndefined: raises UndefinedError naming the variable
    if callable(nilai):
        raise _NilaiTakTertulis("fungsi tidak dapat ditulis ke dokumen; klausul hanya membaca data")
    if isinstance(nilai, (Peta, tuple)):
        raise _NilaiTakTertulis("pemetaan atau daftar tidak dapat ditulis utuh; tulis isiannya "
                                "(mis. {{ desa.nama }}) atau ulangi dengan {% for %}")
    s = str(nilai)
    if _BERSIH.search(s):  # the usual value (a name, a sentence) has nothing to clean
        # a {% set %} block carries line markers and sentinels: drop them whole
        s = _PENANDA.sub("", s).translate(BUANG_PRIBADI)
        s = _KONTROL.sub(" ", s)
    return f"{NILAI_BUKA}{s}{NILAI_TUTUP}"


def _lingkungan(penanda: bool) -> Kotak:
    return Kotak(
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        finalize=_finalize,
        comment_start_string="{##",
        comment_end_string="##}",
        extensions=[_PenandaBaris] if penanda else [],
    )


ENV_BERKAS = _lingkungan(penanda=True)  # clause files: line markers
ENV_BARIS = _lingkungan(penanda=False)  # one-line templates from YAML wording files


# --- errors ----------------------------------------------------------------------------------------


def _galat(e: BaseException, berkas: str, baris_tetap: int | None) -> KlausulError:
    """A Jinja or runtime error as KlausulError with the template line (`baris_tetap`: the line
    to report for a one-line template whose own lines mean nothing)."""
    if isinstance(e, TemplateSyntaxError):
        return KlausulError(f"kesalahan sintaks Jinja: {_terjemah(e.message or '')}", berkas,
                            baris_tetap if baris_tetap is not None else e.lineno)
    n = None
    for bingkai in traceback.extract_tb(e.__traceback__):
        if bingkai.filename == "<template>":
            n = bingkai.lineno
    if baris_tetap is not None:
        n = baris_tetap
    if isinstance(e, WaktuHabis):
        pesan = f"pengisian templat melewati batas waktu {WAKTU_MAKS:g} detik (perulangan terlalu banyak?)"
    elif isinstance(e, SecurityError):
        pesan = f"tidak diizinkan dalam klausul (sandbox): {_terjemah(str(e))}"
    elif isinstance(e, UndefinedError):
        pesan = f"nilai tidak terdefinisi dalam templat: {_terjemah(e.message or '')}"
    elif isinstance(e, _NilaiTakTertulis):
        pesan = str(e)
    elif isinstance(e, (MemoryError, RecursionError)):
        pesan = "templat terlalu berat (memori atau kedalaman rekursi habis)"
    elif isinstance(e, TemplateError):
        pesan = f"kesalahan templat Jinja: {_terjemah(str(e))}"
    else:
        pesan = f"kesalahan saat mengisi templat: {_terjemah(str(e))}"
    return KlausulError(pesan, berkas, n)


_TERJEMAHAN = [
    (re.compile(r"access to attribute '([^']*)' of '([^']*)' object is unsafe\.?"),
     r"akses ke atribut '\1' pada nilai berjenis \2 tidak diizinkan"),
    (re.compile(r"'mappingproxy object' has no attribute '([^']*)'"), r"isian '\1' tidak ada"),
    (re.compile(r"'([^']*)' object has no attribute '([^']*)'"), r"nilai berjenis \1 tidak mempunyai isian '\2'"),
    (re.compile(r"'(?:[\w.]+\.)?(\w+) object' has no attribute '([^']*)'"), r"nilai berjenis \1 tidak mempunyai isian '\2'"),
    (re.compile(r"'([^']*)' is undefined"), r"'\1' tidak terdefinisi"),
    (re.compile(r"unsupported operand type\(s\) for (\S+): '([^']*)' and '([^']*)'"),
     r"operasi \1 tidak dapat dilakukan pada \2 dan \3"),
    (re.compile(r"can only concatenate (\w+) \(not \"(\w+)\"\) to \w+"), r"\1 tidak dapat disambung dengan \2"),
    (re.compile(r"division by zero|(?:integer )?division or modulo by zero"), "pembagian dengan nol"),
    (re.compile(r"'(\w+)' object is not iterable"), r"nilai berjenis \1 tidak dapat diulang dengan for"),
    (re.compile(r"No filter named '([^']*)'\.?"), r"filter '\1' tidak dikenal atau tidak diizinkan"),
    (re.compile(r"No test named '([^']*)'\.?"), r"uji '\1' tidak dikenal"),
]


def _terjemah(pesan: str) -> str:
    """Jinja's and Python's common English messages in Indonesian (others are kept as they are)."""
    for pola, ganti in _TERJEMAHAN:
        pesan = pola.sub(ganti, pesan)
    return pesan


_GALAT_JALAN = (TemplateError, ValueError, TypeError, ArithmeticError, LookupError, AttributeError,
                MemoryError, RecursionError, WaktuHabis)


# --- compiled and bound templates ------------------------------------------------------------------


@functools.lru_cache(maxsize=2048)
def _kompilasi(penanda: bool, sumber_teks: str):
    env = ENV_BERKAS if penanda else ENV_BARIS
    pohon = env.parse(sumber_teks)  # parsed once (the sandbox's _parse refuses include/import)
    variabel = frozenset(meta.find_undeclared_variables(pohon))
    return env.from_string(pohon), variabel


def kompilasi(sumber_teks: str, berkas: str, penanda: bool = True, baris_tetap: int | None = None):
    """(compiled template, names of the variables it reads). Cached by source text."""
    try:
        return _kompilasi(penanda, sumber_teks.translate(BUANG_PRIBADI))
    except TemplateSyntaxError as e:
        raise _galat(e, berkas, baris_tetap) from None


class _KeluaranBerlebih(Exception):
    def __init__(self, baris: int | None):
        self.baris = baris


def _baris_terakhir(keluar: list[str]) -> int | None:
    """The source line of the last line marker written so far (where a runaway loop is)."""
    for potong in reversed(keluar):
        semua = _PENANDA.findall(potong)
        if semua:
            return int(semua[-1])
    return None


class Templat:
    """A clause template compiled once and bound to the context that does not change.

    `render(**tambahan)` adds what changes per call (e.g. `desa`), runs the compiled code inside
    the sandbox's time and size bounds, and returns the text with value sentinels and line
    markers (see `baris_render`). Every failure is a KlausulError naming `berkas` and the line.
    """

    def __init__(self, sumber_teks: str, konteks: dict[str, Any], berkas: str, penanda: bool = True,
                 baris_tetap: int | None = None):
        self.berkas = berkas
        self.baris_tetap = baris_tetap
        self.templat, self.variabel = kompilasi(sumber_teks, berkas, penanda, baris_tetap)
        konteks = {n: polos(v) for n, v in konteks.items() if n in self.variabel}
        # what Template.render would make the context's parent: the (empty) globals under the
        # variables, built once; each render copies it
        self._induk = dict(self.templat.globals)
        self._induk.update(konteks)
        self._kunci_global = set(self.templat.globals)

    def bergantung(self, nama: str) -> bool:
        """Whether the template reads the variable `nama`."""
        return nama in self.variabel

    def render(self, **tambahan: Any) -> str:
        induk = self._induk.copy()
        for n, v in tambahan.items():
            induk[n] = polos(v)
        try:
            return dengan_batas_waktu(lambda: self._jalankan(induk))
        except _KeluaranBerlebih as e:
            pesan = f"templat menulis lebih dari {KELUARAN_MAKS:,} karakter (perulangan terlalu banyak?)"
            raise KlausulError(pesan.replace(",", "."), self.berkas,
                               self.baris_tetap if self.baris_tetap is not None else e.baris) from None
        except _GALAT_JALAN as e:
            raise _galat(e, self.berkas, self.baris_tetap) from None

    def _jalankan(self, induk: dict) -> str:
        # Template.render() merges the globals into the variables and lists the global names again
        # on every call; this builds the same Context from what was prepared once and runs the
        # same compiled code, counting what it writes.
        t = self.templat
        env = t.environment
        ctx = env.context_class(env, induk, t.name, t.blocks)
        ctx.globals_keys = self._kunci_global
        keluar: list[str] = []
        n = 0
        try:
            for potong in t.root_render_func(ctx):
                n += len(potong)
                keluar.append(potong)
                if n > KELUARAN_MAKS:
                    raise _KeluaranBerlebih(_baris_terakhir(keluar))
        except _KeluaranBerlebih:
            raise
        except (Exception, WaktuHabis):
            env.handle_exception()  # re-raises with the traceback in template lines
        return "".join(keluar)


# --- rendered lines --------------------------------------------------------------------------------


@dataclass
class Baris:
    """One rendered line. `teks` still carries the value sentinels; markers are removed."""

    teks: str
    nomor: int | None


def baris_render(hasil: str) -> list[Baris]:
    """The rendered text of a clause file as lines with their source line numbers."""
    out: list[Baris] = []
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
        out.append(Baris(_PENANDA.sub("", mentah), nomor))
    return out


def bersih_sentinel(s: str) -> str:
    """Text with the value sentinels removed."""
    return s.replace(NILAI_BUKA, "").replace(NILAI_TUTUP, "")
