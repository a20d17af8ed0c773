"""Decree numbers as districts write them: a numbering pattern (`sk_kpm.pola_nomor`, e.g.
`{nomor}/KPTS/{kode_desa}/{tahun}` or `141/{nomor}/{tahun}`) filled with the register's running
number, or the full register number when the roster already holds one.

- `nomor_sk` a plain running number ("7", "07", "12a"): the pattern is filled with it;
- anything else ("141/07/KPTS/2025", "Nomor: 05/DS-TB/2025"): it is the full register number and is
  used as written (a leading "Nomor"/"No." and colon are dropped);
- the title line is "NOMOR <number> TAHUN <year>" only when the number carries no year itself, so a
  full register number never gets "TAHUN 2025" appended a second time.

The pattern is plain text with named places only; it is never evaluated (no attribute access, no
format specs).
"""
from __future__ import annotations

import datetime as _dt
import re

__all__ = ["TEMPAT", "TITIK", "ada_tahun", "bersihkan_nomor", "nomor_urut", "periksa_pola", "susun_nomor",
           "urutan_register"]

TITIK = "..."

#: The places a pattern may use, with what they mean (shown in errors and in clauses/bawaan.yaml).
TEMPAT = {
    "nomor": "nomor urut di Buku Keputusan Kepala Desa (kolom nomor_sk)",
    "tahun": "tahun keputusan",
    "kode_desa": "kode Kemendagri desa, mis. 62.10.01.2002",
    "kode_desa_akhir": "empat angka terakhir kode desa, mis. 2002",
    "bulan": "bulan penetapan dalam dua angka, mis. 05",
    "bulan_romawi": "bulan penetapan dalam angka Romawi, mis. V",
}

_TEMPAT = re.compile(r"\{([^{}]*)\}")
_URUT = re.compile(r"\d{1,6}[A-Za-z]?")
_AWALAN = re.compile(r"^\s*(?:nomor|nomer|no)\b\s*\.?\s*:?\s*", re.IGNORECASE)
_TAHUN = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_ROMAWI = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def periksa_pola(pola: str) -> str | None:
    """Why a numbering pattern cannot be used, or None. It must contain {nomor} and only the places
    of TEMPAT; braces stand only around a place."""
    sisa = _TEMPAT.sub("", pola)
    if "{" in sisa or "}" in sisa:
        return "kurung kurawal hanya untuk tempat isian seperti {nomor}"
    asing = [t for t in _TEMPAT.findall(pola) if t not in TEMPAT]
    if asing:
        return (f"tempat isian tidak dikenal: {', '.join('{' + t + '}' for t in asing)}; yang dikenal: "
                + ", ".join("{" + t + "}" for t in TEMPAT))
    if "{nomor}" not in pola:
        return "pola nomor harus memuat {nomor} (nomor urut di Buku Keputusan Kepala Desa)"
    return None


def bersihkan_nomor(nomor: str | None) -> str | None:
    """A typed number without a leading "Nomor"/"No."/":" and with single spaces; None when empty."""
    if nomor is None:
        return None
    s = " ".join(str(nomor).split())
    s = _AWALAN.sub("", s) if not _URUT.fullmatch(s) else s
    return s or None


def nomor_urut(nomor: str | None) -> bool:
    """True when `nomor` is a plain running number ("7", "07", "12a") to be put into the pattern."""
    return bool(nomor) and _URUT.fullmatch(bersihkan_nomor(nomor) or "") is not None


def susun_nomor(pola: str, nomor: str | None, tahun: int, kode_desa: str,
                tanggal: _dt.date | None) -> str | None:
    """The decree's number as written after "NOMOR", or None while nothing is known (no number
    typed and the default pattern `{nomor}`). Unknown parts are "..."."""
    nomor = bersihkan_nomor(nomor)
    if nomor and not nomor_urut(nomor):
        return nomor  # a full register number, as written
    if not nomor and pola.strip() == "{nomor}":
        return None
    isi = {
        "nomor": nomor or TITIK,
        "tahun": str(tahun),
        "kode_desa": kode_desa,
        "kode_desa_akhir": kode_desa.rsplit(".", 1)[-1],
        "bulan": f"{tanggal.month:02d}" if tanggal else TITIK,
        "bulan_romawi": _ROMAWI[tanggal.month - 1] if tanggal else TITIK,
    }
    return _TEMPAT.sub(lambda m: isi.get(m.group(1), m.group(0)), pola.strip())


def ada_tahun(nomor: str | None) -> bool:
    """True when a number already carries a year ("141/07/KPTS/2025")."""
    return bool(nomor) and _TAHUN.search(nomor) is not None


def urutan_register(nomor: str | None) -> str | None:
    """The running number of a decree in its register, when the typed number is one ("07" -> "07")."""
    nomor = bersihkan_nomor(nomor)
    return nomor if nomor and nomor_urut(nomor) else None
