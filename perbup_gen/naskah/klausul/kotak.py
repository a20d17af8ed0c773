"""The sandbox in which clause templates run. Clause files are untrusted input: a district's own
folder travels by e-mail and USB stick and is uploaded to a web app.

What a template may do:
- read plain data: read-only mappings, tuples, text, numbers, dates, booleans and None
  (`polos()` makes such a tree and refuses anything else);
- use the project's filters (bilangan, rupiah, persen, tanggal, terbilang, angka, sambung), a short list
  of Jinja's pure filters (`FILTER_JINJA`) and Jinja's tests (`is none`, `is defined`, ...);
- `{% if %}`, `{% for %}`, `{% set %}`, arithmetic and comparisons.

What it may not do:
- call anything: no function, method, macro, `range()` or `namespace()` (every call is refused,
  the filters are not calls); no globals at all; no `_` attributes (Jinja's own sandbox);
- include, import or extend another template;
- produce more than `KELUARAN_MAKS` characters, or build a string or list longer than that with
  `*`, `+`, `~`, `%` or the `replace` filter; raise a number to a large power;
- run longer than `WAKTU_MAKS` seconds: a watchdog thread raises an exception inside the rendering
  thread when the time is up (`dengan_batas_waktu`).
"""
from __future__ import annotations

import ctypes
import datetime as _dt
import threading
import time
import types
from decimal import Decimal
from typing import Any, Callable, TypeVar

from jinja2 import Undefined, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from perbup_gen.naskah import bilangan as _bil
from perbup_gen.naskah.nama import sambung as _sambung_nama

__all__ = [
    "FILTER_JINJA",
    "KELUARAN_MAKS",
    "Kotak",
    "Peta",
    "WAKTU_MAKS",
    "WaktuHabis",
    "dengan_batas_waktu",
    "polos",
]

KELUARAN_MAKS = 2_000_000  # characters one template may write (the whole Perbup is ~60,000)
WAKTU_MAKS = 2.0  # seconds one template may run
PANGKAT_MAKS = 64  # largest exponent of **

# Jinja's built-in filters that only read data and whose output is bounded by their input.
FILTER_JINJA = (
    "abs", "batch", "capitalize", "count", "d", "default", "first", "float", "int", "join", "last",
    "length", "list", "lower", "map", "max", "min", "reject", "rejectattr", "replace", "reverse",
    "round", "select", "selectattr", "slice", "sort", "string", "sum", "title", "trim", "unique",
    "upper", "wordcount",
)

TITIK = "..."  # a value a draft does not have yet (`build --draf`): every number filter prints it as is


def _atau_titik(f: Callable[..., Any], titik: str = TITIK) -> Callable[..., Any]:
    def filter_(nilai: Any, *args: Any, **kwargs: Any) -> Any:
        return titik if nilai == TITIK else f(nilai, *args, **kwargs)

    filter_.__name__ = f.__name__
    return filter_


FILTER_PROYEK: dict[str, Callable[..., Any]] = {
    "bilangan": _atau_titik(_bil.bilangan),
    "rupiah": _atau_titik(_bil.rupiah, "Rp..."),
    "persen": _atau_titik(_bil.persen),
    "tanggal": _atau_titik(_bil.tanggal),
    "terbilang": _atau_titik(_bil.terbilang),
    "angka": _atau_titik(_bil.angka),
    # a title and a name without doubled words: {{ sebutan.bpd_panjang | sambung(desa.nama) }}
    "sambung": _sambung_nama,
}


# --- plain data ------------------------------------------------------------------------------------

Peta = types.MappingProxyType  # a read-only mapping: the only mapping a template sees
_DAUN = (str, int, float, Decimal, bool, _dt.date, type(None))


def polos(nilai: Any) -> Any:
    """`nilai` as a read-only tree of plain data: mappings become `Peta` (string keys), lists and
    tuples become tuples, text, numbers, dates, booleans and None stay. Objects are refused:
    convert them (e.g. pydantic's `model_dump()`) before. Raises TypeError naming the path.

    A `Peta` passed again (a desa's data, read by every template of its decree) is checked once:
    the result is remembered with the mapping itself, so the same object gives the same result."""
    if type(nilai) is Peta:
        ingat = _POLOS_PETA.get(id(nilai))
        if ingat is not None and ingat[0] is nilai:
            return ingat[1]
        hasil = _polos(nilai, "")
        if len(_POLOS_PETA) >= 64:
            _POLOS_PETA.clear()
        _POLOS_PETA[id(nilai)] = (nilai, hasil)  # holds `nilai`: its id is not reused meanwhile
        return hasil
    return _polos(nilai, "")


_POLOS_PETA: dict[int, tuple[Any, Any]] = {}


def _polos(x: Any, jalur: str) -> Any:
    if isinstance(x, _DAUN):
        return x
    if isinstance(x, (dict, Peta)):
        hasil = {}
        for k, v in x.items():
            if not isinstance(k, str):
                raise TypeError(f"kunci {k!r} di {jalur or 'konteks'} bukan teks")
            hasil[k] = _polos(v, f"{jalur}.{k}" if jalur else k)
        return Peta(hasil)
    if isinstance(x, (list, tuple)):
        return tuple(_polos(v, f"{jalur}[{i}]") for i, v in enumerate(x))
    raise TypeError(f"nilai {jalur or 'konteks'} berjenis {type(x).__name__}: templat klausul hanya "
                    "menerima data polos (pemetaan, daftar, teks, angka, tanggal)")


# --- bounded operations ----------------------------------------------------------------------------


def _panjang(x: Any) -> int:
    return len(x) if isinstance(x, (str, tuple, list)) else 0


def _terlalu_panjang(n: int) -> SecurityError:
    return SecurityError(f"hasil terlalu panjang ({n:,} karakter atau butir; paling banyak "
                         f"{KELUARAN_MAKS:,})".replace(",", "."))


def _sambung(bagian: tuple) -> str:
    """`a ~ b ~ c` with a bound on the length."""
    teks = [str(b) for b in bagian]
    n = sum(map(len, teks))
    if n > KELUARAN_MAKS:
        raise _terlalu_panjang(n)
    return "".join(teks)


def _ganti(s: Any, lama: str, baru: str, jumlah: int | None = None) -> str:
    """The `replace` filter with a bound on the length of its result."""
    s, lama, baru = str(s), str(lama), str(baru)
    kali = s.count(lama) if jumlah is None else min(s.count(lama), max(jumlah, 0))
    n = len(s) + kali * (len(baru) - len(lama))
    if n > KELUARAN_MAKS:
        raise _terlalu_panjang(n)
    return s.replace(lama, baru) if jumlah is None else s.replace(lama, baru, jumlah)


class _Penyusun(CodeGenerator):
    """Jinja's code generator with `~` routed through the bounded `environment.sambung`."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.sambung((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class Kotak(ImmutableSandboxedEnvironment):
    """The clause sandbox: no calls, no globals, bounded operators, read-only plain data."""

    code_generator_class = _Penyusun
    intercepted_binops = frozenset({"*", "**", "+", "%", "//"})

    def __init__(self, **opsi: Any):
        super().__init__(**opsi)
        self.globals.clear()
        bawaan = self.filters
        self.filters = {n: bawaan[n] for n in FILTER_JINJA}
        self.filters["replace"] = _ganti
        self.filters.update(FILTER_PROYEK)

    sambung = staticmethod(_sambung)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's signature)
        if isinstance(__obj, Undefined):
            __obj._fail_with_undefined_error()  # "'dict' is undefined", not "cannot call"
        nama = getattr(__obj, "__name__", None) or type(__obj).__name__
        raise SecurityError(f"pemanggilan '{nama}(...)' tidak diizinkan dalam klausul; klausul "
                            "hanya boleh membaca data dan memakai filter (| bilangan, | rupiah, ...)")

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            n = _panjang(left) * right if isinstance(right, int) else (
                _panjang(right) * left if isinstance(left, int) else 0)
            if n > KELUARAN_MAKS:
                raise _terlalu_panjang(n)
        elif operator == "+":
            n = _panjang(left) + _panjang(right)
            if n > KELUARAN_MAKS:
                raise _terlalu_panjang(n)
        elif operator == "**":
            if isinstance(right, (int, float, Decimal)) and abs(right) > PANGKAT_MAKS:
                raise SecurityError(f"pangkat {right} terlalu besar (paling besar {PANGKAT_MAKS})")
        elif operator == "%" and isinstance(left, str):
            raise SecurityError("format teks dengan % tidak diizinkan dalam klausul")
        return super().call_binop(context, operator, left, right)

    def getattr(self, obj: Any, attribute: str) -> Any:
        # plain data first: `kpm.insentif` reads the key, never a method of the mapping
        if isinstance(obj, Peta):
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        if isinstance(obj, Undefined):
            obj._fail_with_undefined_error()  # "'cycler' is undefined", not "unsafe attribute"
        return super().getattr(obj, attribute)

    def _parse(self, source, name, filename):  # type: ignore[override]
        tree = super()._parse(source, name, filename)
        for jenis, apa in ((nodes.Include, "include"), (nodes.Import, "import"),
                           (nodes.FromImport, "from ... import"), (nodes.Extends, "extends")):
            for node in tree.find_all(jenis):
                from jinja2 import TemplateSyntaxError

                raise TemplateSyntaxError(f"{{% {apa} %}} tidak diizinkan dalam klausul", node.lineno,
                                          name, filename)
        return tree


# --- time bound ------------------------------------------------------------------------------------


class WaktuHabis(BaseException):
    """Raised inside a rendering thread by the watchdog. A BaseException, so that no `except
    Exception` in a filter or in Jinja swallows it."""


_kunci = threading.Lock()
_batas: dict[int, float] = {}  # thread id -> deadline (monotonic)
_ditembak: set[int] = set()  # threads the watchdog raised WaktuHabis in (not yet cleared)
_pengawas: list = [None, 0]  # the watchdog thread and the pid that started it
_tembak = ctypes.pythonapi["PyThreadState_SetAsyncExc"]  # a fresh function object: own argtypes
_tembak.argtypes = (ctypes.c_ulong, ctypes.py_object)
_batalkan = ctypes.pythonapi["PyThreadState_SetAsyncExc"]  # NULL clears a pending exception
_batalkan.argtypes = (ctypes.c_ulong, ctypes.c_void_p)

T = TypeVar("T")


def _awasi() -> None:
    while True:
        time.sleep(0.1)
        kini = time.monotonic()
        with _kunci:
            for tid, batas in list(_batas.items()):
                if kini > batas:
                    del _batas[tid]  # fire once per registration
                    _ditembak.add(tid)
                    _tembak(tid, WaktuHabis)


def _pastikan_pengawas() -> None:
    import os

    t, pid = _pengawas
    if t is None or pid != os.getpid() or not t.is_alive():
        t = threading.Thread(target=_awasi, name="pengawas-klausul", daemon=True)
        t.start()
        _pengawas[:] = [t, os.getpid()]


def dengan_batas_waktu(fungsi: Callable[[], T], detik: float = WAKTU_MAKS) -> T:
    """`fungsi()` stopped with WaktuHabis when it runs longer than `detik` seconds."""
    tid = threading.get_ident()
    _pastikan_pengawas()
    with _kunci:
        _batas[tid] = time.monotonic() + detik
    try:
        return fungsi()
    finally:
        with _kunci:
            _batas.pop(tid, None)
            if tid in _ditembak:  # fired just as the work ended: take the pending exception back
                _ditembak.discard(tid)
                _batalkan(tid, None)
