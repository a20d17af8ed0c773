"""Indonesian number, money, date and ordinal formatting used by every document.

Pure Python, no dependencies. Writes numbers the way Lampiran II UU 12/2011 and everyday
regional-regulation practice do: "3 (tiga) bulan", "Rp1.500.000,00 (satu juta lima ratus ribu
rupiah)", "2 Mei 2025", "Bagian Kedua Belas", diktum "KESATU".

Why not num2words: with lang="id" it says "satu juta satu ribu" for 1.001.000 (correct:
"satu juta seribu") and knows no ",00" sen; see drafting.md, "Known traps".

Bad input raises ValueError (out of range, negative money, too many decimals) or TypeError
(float, bool or another non-number type, so a float rounding error never reaches a document).
"""
from __future__ import annotations

import datetime
from decimal import ROUND_DOWN, Decimal, InvalidOperation

__all__ = [
    "BATAS_TERBILANG",
    "angka",
    "bilangan",
    "huruf",
    "nama_bulan",
    "persen",
    "romawi",
    "rupiah",
    "rupiah_angka",
    "tanggal",
    "terbilang",
    "terbilang_rupiah",
    "urutan",
    "urutan_kapital",
]

_SATUAN = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
# Scale words for groups of three digits, lowest first.
_SKALA = ("", "ribu", "juta", "miliar", "triliun")

#: Largest absolute value `terbilang` spells: 999 triliun 999 miliar ... 999.
BATAS_TERBILANG = 10 ** (3 * len(_SKALA)) - 1

_BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)

_ROMAWI = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)

_SEN = Decimal("0.01")


def _bulat(n: object, nama: str = "n") -> int:
    """Return `n` if it is a true int (bool is refused), else raise TypeError."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"{nama} harus bilangan bulat (int), bukan {type(n).__name__}")
    return n


def _ratusan(n: int) -> list[str]:
    """Words for 1 <= n <= 999 as a list of words."""
    kata: list[str] = []
    ratus, sisa = divmod(n, 100)
    if ratus == 1:
        kata.append("seratus")
    elif ratus > 1:
        kata += [_SATUAN[ratus], "ratus"]
    if sisa == 0:
        return kata
    if sisa < 10:
        kata.append(_SATUAN[sisa])
    elif sisa == 10:
        kata.append("sepuluh")
    elif sisa == 11:
        kata.append("sebelas")
    elif sisa < 20:
        kata += [_SATUAN[sisa - 10], "belas"]
    else:
        puluh, satu = divmod(sisa, 10)
        kata += [_SATUAN[puluh], "puluh"]
        if satu:
            kata.append(_SATUAN[satu])
    return kata


def terbilang(n: int) -> str:
    """Spell an integer in lowercase Indonesian words.

    0 "nol", 11 "sebelas", 100 "seratus", 1000 "seribu", 1.001.000 "satu juta seribu",
    1.000.000 "satu juta" (never "sejuta"), -5 "minus lima". Only the thousands group takes
    the "se-" form ("seribu"); juta, miliar and triliun always take "satu".
    Raises ValueError beyond +/- BATAS_TERBILANG (999 triliun ...).
    """
    n = _bulat(n)
    if abs(n) > BATAS_TERBILANG:
        raise ValueError(f"bilangan {n} di luar jangkauan terbilang (maksimum {BATAS_TERBILANG})")
    if n == 0:
        return "nol"
    if n < 0:
        return "minus " + terbilang(-n)
    kata: list[str] = []
    sisa = n
    kelompok: list[int] = []
    while sisa:
        sisa, k = divmod(sisa, 1000)
        kelompok.append(k)
    for tingkat in range(len(kelompok) - 1, -1, -1):
        k = kelompok[tingkat]
        if k == 0:
            continue
        if tingkat == 1 and k == 1:
            kata.append("seribu")
            continue
        kata += _ratusan(k)
        if tingkat:
            kata.append(_SKALA[tingkat])
    return " ".join(kata)


def angka(n: int) -> str:
    """Digits grouped by thousands with ".": 1500000 -> "1.500.000", -1500 -> "-1.500"."""
    n = _bulat(n)
    return f"{n:,}".replace(",", ".")


def bilangan(n: int, satuan: str = "") -> str:
    """Number in text form: digits then words in brackets, then the unit if given.

    bilangan(3) -> "3 (tiga)"; bilangan(3, "bulan") -> "3 (tiga) bulan";
    bilangan(1000) -> "1.000 (seribu)".
    """
    teks = f"{angka(n)} ({terbilang(n)})"
    satuan = satuan.strip()
    return f"{teks} {satuan}" if satuan else teks


def _desimal(x: object, nama: str) -> Decimal:
    """Convert int/Decimal/str to a finite Decimal; floats are refused (rounding errors)."""
    if isinstance(x, bool) or isinstance(x, float):
        raise TypeError(f"{nama} harus int, Decimal atau str, bukan {type(x).__name__}")
    if isinstance(x, int):
        return Decimal(x)
    if isinstance(x, Decimal):
        d = x
    elif isinstance(x, str):
        try:
            d = Decimal(x.strip())
        except InvalidOperation:
            raise ValueError(
                f"{nama} {x!r} bukan bilangan; tulis angka tanpa pemisah ribuan dengan titik "
                f"desimal, misalnya 1500000.50"
            ) from None
    else:
        raise TypeError(f"{nama} harus int, Decimal atau str, bukan {type(x).__name__}")
    if not d.is_finite():
        raise ValueError(f"{nama} {x!r} bukan bilangan hingga")
    return d


def _uang(jumlah: object) -> tuple[int, int]:
    """Split a money amount into (rupiah, sen). Rejects negatives and sub-sen fractions.

    Trailing zeros are not "more decimals": Decimal("1.500") is accepted as 1,50.
    """
    d = _desimal(jumlah, "jumlah uang")
    if d < 0:
        raise ValueError(f"jumlah uang tidak boleh negatif: {jumlah!r}")
    if d >= BATAS_TERBILANG + 1:
        raise ValueError(f"jumlah uang {jumlah!r} di luar jangkauan terbilang")
    if d != d.quantize(_SEN, rounding=ROUND_DOWN):
        raise ValueError(f"jumlah uang {jumlah!r} memiliki lebih dari 2 angka desimal")
    sen_total = int(d * 100)
    rupiah_, sen = divmod(sen_total, 100)
    return rupiah_, sen


def rupiah_angka(jumlah: int | Decimal | str) -> str:
    """Money in digits: 1500000 -> "Rp1.500.000,00", Decimal("0.5") -> "Rp0,50"."""
    rp, sen = _uang(jumlah)
    return f"Rp{angka(rp)},{sen:02d}"


def terbilang_rupiah(jumlah: int | Decimal | str) -> str:
    """Money in words: "satu juta lima ratus ribu rupiah", with sen
    "satu juta lima ratus ribu rupiah lima puluh sen"; zero is "nol rupiah"."""
    rp, sen = _uang(jumlah)
    teks = f"{terbilang(rp)} rupiah"
    if sen:
        teks += f" {terbilang(sen)} sen"
    return teks


def rupiah(jumlah: int | Decimal | str) -> str:
    """Money as written in a regulation: "Rp1.500.000,00 (satu juta lima ratus ribu rupiah)"."""
    return f"{rupiah_angka(jumlah)} ({terbilang_rupiah(jumlah)})"


def persen(x: int | Decimal | str) -> str:
    """Percentage: "10% (sepuluh persen)", "2,5% (dua koma lima persen)".

    Decimal digits are read one by one ("2,25" -> "dua koma dua lima", "2,05" -> "dua koma nol
    lima"); trailing zeros are dropped (Decimal("2.50") -> "2,5%").
    """
    d = _desimal(x, "persentase")
    tanda = "-" if d < 0 else ""
    kata_tanda = "minus " if d < 0 else ""
    teks = format(abs(d), "f")
    bulat_, _, pecahan = teks.partition(".")
    pecahan = pecahan.rstrip("0")
    n = int(bulat_)
    if n == 0 and not pecahan:
        tanda = kata_tanda = ""  # no "-0%"
    digit = f"{tanda}{angka(n)}" + (f",{pecahan}" if pecahan else "")
    kata = kata_tanda + terbilang(n)
    if pecahan:
        kata += " koma " + " ".join(_SATUAN[int(c)] for c in pecahan)
    return f"{digit}% ({kata} persen)"


def nama_bulan(m: int) -> str:
    """Month name, 1 -> "Januari" ... 12 -> "Desember"."""
    m = _bulat(m, "bulan")
    if not 1 <= m <= 12:
        raise ValueError(f"bulan harus 1 sampai 12, bukan {m}")
    return _BULAN[m - 1]


def tanggal(d: datetime.date) -> str:
    """Date as written in a regulation: "2 Mei 2025" (no leading zero)."""
    if not isinstance(d, datetime.date):
        raise TypeError(f"tanggal harus datetime.date, bukan {type(d).__name__}")
    return f"{d.day} {nama_bulan(d.month)} {d.year}"


_HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def nama_hari(d: datetime.date) -> str:
    """Day of the week: date(2025, 5, 2) -> "Jumat"."""
    if not isinstance(d, datetime.date):
        raise TypeError(f"tanggal harus datetime.date, bukan {type(d).__name__}")
    return _HARI[d.weekday()]


def romawi(n: int) -> str:
    """Roman numeral for 1..3999 (BAB numbers): 1 "I", 4 "IV", 12 "XII"."""
    n = _bulat(n)
    if not 1 <= n <= 3999:
        raise ValueError(f"angka Romawi hanya untuk 1 sampai 3999, bukan {n}")
    hasil: list[str] = []
    for nilai, simbol in _ROMAWI:
        q, n = divmod(n, nilai)
        hasil.append(simbol * q)
    return "".join(hasil)


def urutan(n: int) -> str:
    """Ordinal in words, capitalised, for "Bagian": 1 "Kesatu", 2 "Kedua", 11 "Kesebelas",
    12 "Kedua Belas", 21 "Kedua Puluh Satu", 100 "Keseratus"."""
    n = _bulat(n)
    if n < 1:
        raise ValueError(f"urutan harus 1 atau lebih, bukan {n}")
    return " ".join(k.capitalize() for k in ("ke" + terbilang(n)).split())


def urutan_kapital(n: int) -> str:
    """Ordinal in capitals for diktum labels of a Keputusan: "KESATU", "KEDUA", "KEDUA BELAS"."""
    return urutan(n).upper()


def huruf(n: int) -> str:
    """List letter for item n (1-based): 1 "a" ... 26 "z", then 27 "aa", 28 "bb" ... 52 "zz",
    53 "aaa".

    Convention: beyond "z" Indonesian regulations double the letter ("aa", "bb", "cc", ...)
    rather than counting like spreadsheet columns ("aa", "ab", ...); each further round of 26
    adds one more copy of the letter.
    """
    n = _bulat(n)
    if n < 1:
        raise ValueError(f"nomor huruf harus 1 atau lebih, bukan {n}")
    putaran, posisi = divmod(n - 1, 26)
    return chr(ord("a") + posisi) * (putaran + 1)


def rujukan_huruf(n: int) -> str:
    """The letters of items 1..n as a reference: "huruf a", "huruf a dan huruf b",
    "huruf a, huruf b, dan huruf c" (the closing konsiderans of Lampiran II)."""
    h = [f"huruf {huruf(i)}" for i in range(1, n + 1)]
    if len(h) <= 2:
        return " dan ".join(h)
    return ", ".join(h[:-1]) + ", dan " + h[-1]
