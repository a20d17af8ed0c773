"""The size and kind of an image (the district's emblem), read from its header: checked by
`validate` (muat) and used by the DOCX renderer. No imaging library needed."""
from __future__ import annotations

import struct

__all__ = ["ukuran_gambar"]


def ukuran_gambar(data: bytes) -> tuple[str, int, int]:
    """(extension, width px, height px) of a PNG, JPEG or GIF."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        w, h = struct.unpack(">II", data[16:24])
        return "png", w, h
    if data[:6] in (b"GIF87a", b"GIF89a"):
        w, h = struct.unpack("<HH", data[6:10])
        return "gif", w, h
    if data[:2] == b"\xff\xd8":
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                i += 1
                continue
            marker = data[i + 1]
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7 or marker == 0xFF:
                i += 1 if marker == 0xFF else 2
                continue
            panjang = struct.unpack(">H", data[i + 2:i + 4])[0]
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                h, w = struct.unpack(">HH", data[i + 5:i + 9])
                return "jpeg", w, h
            i += 2 + panjang
    raise ValueError("bukan gambar PNG, JPEG atau GIF")
