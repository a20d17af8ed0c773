"""Where the project's own folders are, and safe file names. The package is installed editable (`pip install -e .`), so
`clauses/` and `templates/` are found beside it at the top of the repository."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
KLAUSUL = AKAR / "clauses"
TEMPLAT = AKAR / "templates"


def tanda_berkas(p: Path) -> tuple[int, int] | None:
    """(modification time, size) of a file, or None when it cannot be read: the key under which
    a file read once per process is kept while it is unchanged."""
    try:
        st = p.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


# --- safe file names

PANJANG_MAKS = 120  # longest file name part that nama_berkas() makes -----------------------------------------------------------------------------

_APOSTROF = dict.fromkeys(map(ord, "'’‘`´ʼ"), None)
_BUKAN_AMAN = re.compile(r"[^a-z0-9.]+")  # "-" itself is folded too, so runs collapse
_TITIK_STRIP = re.compile(r"[.-]{2,}")
# Device names Windows refuses as a file name, with or without an extension.
_NAMA_WINDOWS = {"con", "prn", "aux", "nul"} | {f"{p}{i}" for p in ("com", "lpt") for i in range(10)}


def _slug(teks: str) -> str:
    s = unicodedata.normalize("NFKD", str(teks)).translate(_APOSTROF)
    s = s.encode("ascii", "ignore").decode("ascii").lower()
    s = _BUKAN_AMAN.sub("-", s)
    # "mns.-timu" -> "mns-timu", "a..b" -> "a.b": never "..", no dot next to a hyphen.
    s = _TITIK_STRIP.sub(lambda m: "-" if "-" in m.group() else ".", s)
    return s.strip(".-")


def nama_berkas(*bagian: str, panjang_maks: int = PANJANG_MAKS) -> str:
    """A safe, readable file name part from codes and names.

    >>> nama_berkas("62.10.01.2002", "Sepang Kota")
    '62.10.01.2002-sepang-kota'

    Lowercase ASCII letters, digits, "." and "-" only; accents transliterated, apostrophes dropped,
    every other run of characters becomes one "-". Never empty, never "..", never a leading or
    trailing "." or "-", never a path separator, never a Windows device name, at most
    `panjang_maks` characters. Put the code first: it keeps names unique.
    """
    if panjang_maks < 8:
        raise ValueError("panjang_maks terlalu kecil")
    s = "-".join(p for p in (_slug(b) for b in bagian) if p)
    if len(s) > panjang_maks:
        s = s[:panjang_maks].rstrip(".-")
    if not s:
        s = "berkas"
    if s.split(".", 1)[0] in _NAMA_WINDOWS:
        s = f"berkas-{s}"[:panjang_maks].rstrip(".-")
    return s




# --- characters no typed value may carry ---------------------------------------------------------
# Control characters (C0 but TAB, LF and CR; DEL; C1), the bidirectional controls that reorder
# what a reader sees (U+202E makes "gpj.exe" look like "exe.jpg"), invisible format characters
# and the Unicode line separators. Zero-width (non-)joiners stay allowed: emoji and several
# scripts need them. Config and roster values with any of these are refused at validation; text
# shown on a terminal or in a report has them made visible (naskah.tampil.bersih).
KARAKTER_TERLARANG = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b\u200e\u200f\u2028-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
_ARAH = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | {0x061C, 0x200E, 0x200F}


def jenis_karakter(c: str) -> str:
    """What a refused character is, in words: "karakter kendali U+0007"."""
    o = ord(c)
    if o in _ARAH:
        jenis = "karakter pengatur arah teks"
    elif o < 0x20 or 0x7F <= o < 0xA0:
        jenis = "karakter kendali"
    elif o in (0x2028, 0x2029):
        jenis = "karakter pemisah baris Unicode"
    else:
        jenis = "karakter tak terlihat"
    return f"{jenis} U+{o:04X}"
