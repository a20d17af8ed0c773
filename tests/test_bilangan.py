"""Tests for perbup_gen.naskah.bilangan: known values (with the num2words traps) and property tests."""
from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from perbup_gen.naskah.bilangan import (
    BATAS_TERBILANG,
    angka,
    bilangan,
    huruf,
    nama_bulan,
    persen,
    romawi,
    rupiah,
    rupiah_angka,
    tanggal,
    terbilang,
    terbilang_rupiah,
    urutan,
    urutan_kapital,
)

# --------------------------------------------------------------------------- helpers

_DIGIT = {
    "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4,
    "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
}
_SKALA = {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "triliun": 10**12}
_SE = {"sepuluh": 10, "sebelas": 11, "seratus": 100}
_KOSAKATA = set(_DIGIT) | set(_SKALA) | set(_SE) | {"seribu", "belas", "puluh", "ratus", "minus"}


def parse(teks: str) -> int:
    """Independent word-to-number parser for Indonesian numerals (strict about ordering)."""
    kata = teks.split(" ")
    tanda = 1
    if kata and kata[0] == "minus":
        tanda, kata = -1, kata[1:]
    assert kata, "empty numeral"
    if kata == ["nol"]:
        return 0
    total = 0
    kelompok = 0  # value of the current group below 1000
    digit: int | None = None  # a digit word waiting for its multiplier
    skala_terakhir = 10**18
    for k in kata:
        if k in _DIGIT:
            assert k != "nol", "nol inside a numeral"
            assert digit is None, f"two digits in a row in {teks!r}"
            digit = _DIGIT[k]
        elif k in _SE:
            assert digit is None
            kelompok += _SE[k]
        elif k == "belas":
            assert digit is not None and digit >= 2, teks
            kelompok += 10 + digit
            digit = None
        elif k == "puluh":
            assert digit is not None and digit >= 2, teks
            kelompok += 10 * digit
            digit = None
        elif k == "ratus":
            assert digit is not None and digit >= 2 and kelompok == 0, teks
            kelompok += 100 * digit
            digit = None
        elif k == "seribu":
            assert digit is None and kelompok == 0 and skala_terakhir > 1000, teks
            total += 1000
            skala_terakhir = 1000
        elif k in _SKALA:
            kelompok += digit or 0
            digit = None
            assert 0 < kelompok < 1000 and _SKALA[k] < skala_terakhir, teks
            assert not (k == "ribu" and kelompok == 1), f"'satu ribu' in {teks!r}"
            total += kelompok * _SKALA[k]
            skala_terakhir = _SKALA[k]
            kelompok = 0
        else:
            raise AssertionError(f"unknown word {k!r} in {teks!r}")
    total += kelompok + (digit or 0)
    return tanda * total


def romawi_referensi(n: int) -> str:
    """Reference Roman numerals, digit by digit from fixed tables (a different algorithm)."""
    ribuan = ["", "M", "MM", "MMM"]
    ratusan = ["", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"]
    puluhan = ["", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"]
    satuan = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
    return ribuan[n // 1000] + ratusan[n // 100 % 10] + puluhan[n // 10 % 10] + satuan[n % 10]


def test_parser_itself() -> None:
    assert parse("dua ratus tiga puluh empat ribu lima ratus enam belas") == 234_516
    assert parse("satu juta seribu") == 1_001_000
    assert parse("minus sebelas") == -11
    with pytest.raises(AssertionError):
        parse("satu ribu")
    with pytest.raises(AssertionError):
        parse("satu ratus")
    with pytest.raises(AssertionError):
        parse("satu puluh")


# --------------------------------------------------------------------------- terbilang

@pytest.mark.parametrize(
    "n, kata",
    [
        (0, "nol"),
        (1, "satu"),
        (9, "sembilan"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (21, "dua puluh satu"),
        (99, "sembilan puluh sembilan"),
        (100, "seratus"),
        (101, "seratus satu"),
        (110, "seratus sepuluh"),
        (111, "seratus sebelas"),
        (200, "dua ratus"),
        (999, "sembilan ratus sembilan puluh sembilan"),
        (1000, "seribu"),
        (1001, "seribu satu"),
        (1100, "seribu seratus"),
        (2000, "dua ribu"),
        (10_000, "sepuluh ribu"),
        (11_000, "sebelas ribu"),
        (100_000, "seratus ribu"),
        (101_000, "seratus satu ribu"),
        (1_000_000, "satu juta"),
        (1_001_000, "satu juta seribu"),
        (1_500_000, "satu juta lima ratus ribu"),
        (2_000_000, "dua juta"),
        (1_000_000_000, "satu miliar"),
        (1_000_001_000, "satu miliar seribu"),
        (1_000_000_000_000, "satu triliun"),
        (2_025, "dua ribu dua puluh lima"),
        (-5, "minus lima"),
        (-1000, "minus seribu"),
        (
            BATAS_TERBILANG,
            "sembilan ratus sembilan puluh sembilan triliun "
            "sembilan ratus sembilan puluh sembilan miliar "
            "sembilan ratus sembilan puluh sembilan juta "
            "sembilan ratus sembilan puluh sembilan ribu "
            "sembilan ratus sembilan puluh sembilan",
        ),
    ],
)
def test_terbilang_known(n: int, kata: str) -> None:
    assert terbilang(n) == kata


def test_terbilang_range() -> None:
    assert BATAS_TERBILANG == 999_999_999_999_999
    with pytest.raises(ValueError):
        terbilang(BATAS_TERBILANG + 1)
    with pytest.raises(ValueError):
        terbilang(-BATAS_TERBILANG - 1)


@pytest.mark.parametrize("bukan", [1.0, "5", True, None, Decimal("3")])
def test_terbilang_rejects_non_int(bukan: object) -> None:
    with pytest.raises(TypeError):
        terbilang(bukan)  # type: ignore[arg-type]


_rentang = st.integers(min_value=-BATAS_TERBILANG, max_value=BATAS_TERBILANG)
# Numbers built from groups that are often 0 or 1, where the "se-"/"satu" traps live.
_kelompok = st.sampled_from([0, 1, 2, 10, 11, 12, 19, 20, 21, 100, 101, 110, 111, 999]) | st.integers(0, 999)
_rawan = st.lists(_kelompok, min_size=1, max_size=5).map(
    lambda gs: sum(g * 1000**i for i, g in enumerate(gs))
)


@given(st.one_of(_rentang, _rawan, st.integers(-10_000, 10_000)))
def test_terbilang_roundtrip(n: int) -> None:
    kata = terbilang(n)
    assert parse(kata) == n
    assert kata == kata.lower() and kata == kata.strip() and "  " not in kata
    assert set(kata.split()) <= _KOSAKATA
    kata_pad = f" {kata} "
    for salah in ("satu ratus", "satu puluh", "satu belas", "sejuta", "semiliar", "setriliun"):
        assert f" {salah} " not in kata_pad
    # "satu ribu" is right only after tens ("enam puluh satu ribu"), never as a whole group.
    assert not re.search(r"(?:^|minus |juta |miliar |triliun )satu ribu\b", kata)
    assert ("nol" in kata.split()) == (n == 0)


# --------------------------------------------------------------------------- angka, bilangan

@pytest.mark.parametrize(
    "n, teks",
    [(0, "0"), (7, "7"), (999, "999"), (1000, "1.000"), (1_500_000, "1.500.000"), (-1500, "-1.500")],
)
def test_angka(n: int, teks: str) -> None:
    assert angka(n) == teks


@given(st.integers(-(10**18), 10**18))
def test_angka_roundtrip(n: int) -> None:
    teks = angka(n)
    assert re.fullmatch(r"-?\d{1,3}(\.\d{3})*", teks)
    assert int(teks.replace(".", "")) == n


def test_bilangan() -> None:
    assert bilangan(3) == "3 (tiga)"
    assert bilangan(3, "bulan") == "3 (tiga) bulan"
    assert bilangan(1000) == "1.000 (seribu)"
    assert bilangan(12, "orang") == "12 (dua belas) orang"
    assert bilangan(1_001_000) == "1.001.000 (satu juta seribu)"


# --------------------------------------------------------------------------- rupiah

def test_rupiah_known() -> None:
    assert rupiah(1_500_000) == "Rp1.500.000,00 (satu juta lima ratus ribu rupiah)"
    assert rupiah("1500000.50") == "Rp1.500.000,50 (satu juta lima ratus ribu rupiah lima puluh sen)"
    assert rupiah(Decimal("1500000.5")) == rupiah("1500000.50")
    assert rupiah(0) == "Rp0,00 (nol rupiah)"
    assert rupiah("0.05") == "Rp0,05 (nol rupiah lima sen)"
    assert rupiah(1_001_000) == "Rp1.001.000,00 (satu juta seribu rupiah)"
    assert rupiah_angka(1_500_000) == "Rp1.500.000,00"
    assert rupiah_angka(Decimal("12.3")) == "Rp12,30"
    assert terbilang_rupiah(1_500_000) == "satu juta lima ratus ribu rupiah"
    assert terbilang_rupiah("100.01") == "seratus rupiah satu sen"
    # Trailing zeros are not extra precision.
    assert rupiah(Decimal("1.500")) == "Rp1,50 (satu rupiah lima puluh sen)"


@pytest.mark.parametrize("salah", [-1, "-0.01", Decimal("-5"), "1.001", Decimal("0.125"), "abc",
                                   "1.500.000", "NaN", "Infinity", "1e30", BATAS_TERBILANG + 1])
def test_rupiah_rejects(salah: object) -> None:
    with pytest.raises(ValueError):
        rupiah(salah)  # type: ignore[arg-type]


@pytest.mark.parametrize("salah", [1.5, True, None, [1]])
def test_rupiah_rejects_type(salah: object) -> None:
    with pytest.raises(TypeError):
        rupiah(salah)  # type: ignore[arg-type]


@given(st.integers(0, BATAS_TERBILANG), st.integers(0, 99))
def test_rupiah_properties(rp: int, sen: int) -> None:
    jumlah = Decimal(rp) + Decimal(sen) / 100
    kata = terbilang_rupiah(jumlah)
    assert kata.endswith(" sen" if sen else " rupiah")
    bagian_rp, _, bagian_sen = kata.partition(" rupiah")
    assert parse(bagian_rp) == rp
    assert parse(bagian_sen.removesuffix(" sen").strip() or "nol") == sen
    digit = rupiah_angka(str(jumlah))
    assert digit == f"Rp{angka(rp)},{sen:02d}"
    assert rupiah(jumlah) == f"{digit} ({kata})"


# --------------------------------------------------------------------------- persen

@pytest.mark.parametrize(
    "x, teks",
    [
        (10, "10% (sepuluh persen)"),
        ("2.5", "2,5% (dua koma lima persen)"),
        (Decimal("2.25"), "2,25% (dua koma dua lima persen)"),
        ("2.05", "2,05% (dua koma nol lima persen)"),
        (Decimal("2.50"), "2,5% (dua koma lima persen)"),
        ("100.0", "100% (seratus persen)"),
        (0, "0% (nol persen)"),
        ("0.5", "0,5% (nol koma lima persen)"),
        (1500, "1.500% (seribu lima ratus persen)"),
        (-3, "-3% (minus tiga persen)"),
    ],
)
def test_persen(x: object, teks: str) -> None:
    assert persen(x) == teks  # type: ignore[arg-type]


def test_persen_rejects() -> None:
    with pytest.raises(TypeError):
        persen(2.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        persen("dua")


# --------------------------------------------------------------------------- dates

def test_nama_bulan() -> None:
    assert [nama_bulan(m) for m in range(1, 13)] == [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ]
    for salah in (0, 13, -1):
        with pytest.raises(ValueError):
            nama_bulan(salah)


def test_tanggal() -> None:
    assert tanggal(datetime.date(2025, 5, 2)) == "2 Mei 2025"
    assert tanggal(datetime.date(2024, 12, 31)) == "31 Desember 2024"
    assert tanggal(datetime.datetime(2025, 1, 9, 13, 45)) == "9 Januari 2025"
    with pytest.raises(TypeError):
        tanggal("2025-05-02")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- romawi

@pytest.mark.parametrize(
    "n, r", [(1, "I"), (4, "IV"), (9, "IX"), (12, "XII"), (14, "XIV"), (40, "XL"), (90, "XC"),
             (400, "CD"), (1994, "MCMXCIV"), (2025, "MMXXV"), (3999, "MMMCMXCIX")],
)
def test_romawi_known(n: int, r: str) -> None:
    assert romawi(n) == r


def test_romawi_matches_reference_everywhere() -> None:
    for n in range(1, 4000):
        assert romawi(n) == romawi_referensi(n)


@given(st.integers(1, 3999))
def test_romawi_property(n: int) -> None:
    assert romawi(n) == romawi_referensi(n)


@pytest.mark.parametrize("salah", [0, -1, 4000])
def test_romawi_range(salah: int) -> None:
    with pytest.raises(ValueError):
        romawi(salah)


# --------------------------------------------------------------------------- urutan

@pytest.mark.parametrize(
    "n, teks",
    [(1, "Kesatu"), (2, "Kedua"), (3, "Ketiga"), (10, "Kesepuluh"), (11, "Kesebelas"),
     (12, "Kedua Belas"), (20, "Kedua Puluh"), (21, "Kedua Puluh Satu"), (100, "Keseratus"),
     (101, "Keseratus Satu"), (1000, "Keseribu")],
)
def test_urutan(n: int, teks: str) -> None:
    assert urutan(n) == teks


def test_urutan_kapital() -> None:
    assert [urutan_kapital(n) for n in (1, 2, 3, 12)] == ["KESATU", "KEDUA", "KETIGA", "KEDUA BELAS"]
    with pytest.raises(ValueError):
        urutan_kapital(0)


@given(st.integers(1, 10**6))
def test_urutan_property(n: int) -> None:
    teks = urutan(n)
    assert teks.startswith("Ke")
    assert all(k[0].isupper() and k[1:].islower() for k in teks.split())
    assert parse(teks.lower().removeprefix("ke")) == n
    assert urutan_kapital(n) == teks.upper()


def test_urutan_rejects() -> None:
    for salah in (0, -3):
        with pytest.raises(ValueError):
            urutan(salah)


# --------------------------------------------------------------------------- huruf

def test_huruf_known() -> None:
    assert [huruf(n) for n in (1, 2, 26, 27, 28, 29, 52, 53)] == [
        "a", "b", "z", "aa", "bb", "cc", "zz", "aaa",
    ]
    with pytest.raises(ValueError):
        huruf(0)


@given(st.integers(1, 500))
def test_huruf_property(n: int) -> None:
    h = huruf(n)
    assert len(set(h)) == 1 and h.isascii() and h.islower()
    assert (len(h) - 1) * 26 + (ord(h[0]) - ord("a") + 1) == n
