"""Excel cell addresses, shared by what reads workbooks (the roster, the filled evaluation) and what
writes them, so that an error message and the written sheet name a column the same way."""
from __future__ import annotations


def huruf_kolom(i: int) -> str:
    """The letters of the 0-based column `i`: 0 -> "A", 25 -> "Z", 26 -> "AA"."""
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s
