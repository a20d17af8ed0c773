"""Text safe to show on a terminal, in a report or a web page: control and direction characters
made visible, line breaks and tabs made spaces. Values typed into configs and rosters may carry
them; they must never reach a document or a terminal raw."""
from __future__ import annotations

import re

from perbup_gen.jalur import KARAKTER_TERLARANG

__all__ = ["bersih", "bersih_baris"]

_KONTROL = {c: 0x2400 + c for c in range(0x20) if c not in (9, 10, 13)}
_KONTROL[0x7F] = 0x2421
_KONTROL.update({c: 0xFFFD for c in (*range(0x80, 0xA0), *range(0xD800, 0xE000))})


def bersih(s: str) -> str:
    """Text safe to show: control characters made visible, direction and invisible format
    characters replaced by U+FFFD, line breaks and tabs made spaces."""
    return re.sub(r"[\t\r\n]+", " ", KARAKTER_TERLARANG.sub("\ufffd", str(s).translate(_KONTROL)))


def bersih_baris(s: str) -> str:
    """`bersih` line by line: a message of several lines keeps its line breaks."""
    return "\n".join(bersih(b) for b in str(s).split("\n"))
