"""Joining a title and a name without doubled words: "KEPALA KAMPUNG ADAT" and "Kampung Adat Yoboi"
give "KEPALA KAMPUNG ADAT YOBOI", not "KEPALA KAMPUNG ADAT KAMPUNG ADAT YOBOI"; "Desa" and "Desa
Baru" give "Desa Baru". Clause templates use it as the filter `sambung`."""
from __future__ import annotations

__all__ = ["sambung"]


def sambung(awal: str, nama: str) -> str:
    """`awal` then `nama`, the words `awal` ends with and `nama` begins with written once
    (compared without regard to case): ("Keuchik Gampong", "Gampong Baro") -> "Keuchik Gampong
    Baro", ("Desa", "Sumberejo") -> "Desa Sumberejo"."""
    a, n = str(awal).split(), str(nama).split()
    if not a or not n:
        return " ".join(a or n)
    pertama = n[0].casefold()
    if not any(w.casefold() == pertama for w in a):  # the usual case: nothing to write once
        return " ".join(a + n)
    for k in range(min(len(a), len(n)), 0, -1):
        if [w.casefold() for w in a[-k:]] == [w.casefold() for w in n[:k]]:
            return " ".join(a + n[k:])
    return " ".join(a + n)
