"""Property-based tests (hypothesis) for issue 7: numbering and references on random document
trees, file names from arbitrary text, and a fuzz of the config loader (YAML and CSV roster).

Terbilang, angka and Roman numerals already have round-trip properties in tests/test_bilangan.py;
nama_berkas on arbitrary text has one in tests/test_berkas.py; here it is checked as part of a path.
"""
from __future__ import annotations

import copy
import datetime as _dt
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perbup_gen.proses.bangun import jalur_sk_kpm
from perbup_gen.keluaran.berkas import _periksa_jalur, nama_berkas
from perbup_gen.errors import ConfigError
from perbup_gen.naskah.model import (
    Ayat, Bab, Bagian, Butir, Daftar, Dokumen, Judul, Paragraf, Pasal, Rujukan, Teks, teks_polos,
)
from perbup_gen.konfigurasi.muat import muat_konfigurasi
from perbup_gen.naskah.penomoran import susun
from perbup_gen.konfigurasi.yaml_muat import muat_yaml

AKAR = Path(__file__).resolve().parent.parent
KATINGAN = AKAR / "examples" / "katingan"
GUNUNG_MAS = AKAR / "examples" / "gunung-mas"

# --- numbering, punctuation and references on random trees ---------------------------------------

ROMAWI = ["I", "II", "III", "IV"]
URUTAN = ["Kesatu", "Kedua", "Ketiga", "Keempat"]
GAYA = {"rincian": ("a.", "1.", "a)", "1)"), "kalimat": ("a.", "1.", "a)", "1)"),
        "definisi": ("1.", "a.", "1)", "a)")}
AKHIRAN_MENTAH = ["", ";", ".", ":", "; dan", " atau", ",", "; dan/atau", " .", ";;"]


class _Pohon:
    """Draws a random Lampiran II body and records, independently of `susun`, what every number,
    marker, ending and reference text must be."""

    def __init__(self, data):
        self.data = data
        self.n_pasal = 0
        self.pasal: list[tuple[Pasal, int]] = []  # (pasal, expected number)
        self.sasaran: list[tuple[str, object, dict]] = []  # (label, node, where it stands)
        self.isi: list[tuple[list, dict]] = []  # (inline, where it stands) to receive references
        self.akhir: list[tuple[list, str]] = []  # (inline, the ending it must get)
        self.tanda: list[tuple[Butir, str]] = []  # (item, expected marker)

    def ambil(self, strategi):
        return self.data.draw(strategi)

    def label(self, node, tempat: dict) -> None:
        node.label = f"L{len(self.sasaran)}"
        self.sasaran.append((node.label, node, tempat))

    def inline(self, tempat: dict) -> list:
        isi = [Teks("kata" + self.ambil(st.sampled_from(AKHIRAN_MENTAH)))]
        self.isi.append((isi, tempat))
        return isi

    def daftar(self, tempat: dict, kedalaman: int, gaya: tuple[str, ...] | None, akhir: str) -> Daftar:
        jenis = self.ambil(st.sampled_from(["rincian", "definisi", "kalimat"]))
        gaya = gaya or GAYA[jenis]
        sambung = self.ambil(st.sampled_from(["dan", "atau", "dan/atau", ""]))
        n = self.ambil(st.integers(1, 4))
        d = Daftar(butir=[], sambung=sambung, jenis=jenis)
        for i in range(n):
            pola = gaya[kedalaman - 1]
            nilai = chr(97 + i) if pola[0] == "a" else str(i + 1)
            kata = "huruf" if pola[0] == "a" else "angka"
            t = dict(tempat, rantai=tempat.get("rantai", []) + [f"{kata} {nilai}"])
            b = Butir(isi=self.inline(t))
            self.tanda.append((b, nilai + pola[1]))
            self.label(b, t)
            if jenis == "rincian":
                akhiran = akhir if i == n - 1 else (f"; {sambung}" if i == n - 2 and sambung else ";")
            else:
                akhiran = "."
            if kedalaman < 4 and self.ambil(st.integers(0, 3)) == 0:
                b.daftar = self.daftar(t, kedalaman + 1, gaya, akhiran)
                self.akhir.append((b.isi, ":"))
            else:
                self.akhir.append((b.isi, akhiran))
            d.butir.append(b)
        return d

    def satu_pasal(self) -> Pasal:
        self.n_pasal += 1
        p = Pasal(ayat=[])
        self.pasal.append((p, self.n_pasal))
        self.label(p, {"pasal": self.n_pasal})
        jumlah = self.ambil(st.integers(1, 3))
        for k in range(1, jumlah + 1):
            tempat = {"pasal": self.n_pasal, "ayat": k if jumlah > 1 else None, "id_ayat": (self.n_pasal, k)}
            a = Ayat(isi=self.inline(tempat))
            self.label(a, tempat)
            if self.ambil(st.booleans()):
                a.daftar = self.daftar(tempat, 1, None, ".")
                self.akhir.append((a.isi, ":"))
            else:
                self.akhir.append((a.isi, "."))
            p.ayat.append(a)
        return p

    def badan(self) -> list:
        if self.ambil(st.booleans()):  # a short regulation: Pasal only
            return [self.satu_pasal() for _ in range(self.ambil(st.integers(1, 4)))]
        bab = []
        for _ in range(self.ambil(st.integers(1, 3))):
            isi: list = []
            if self.ambil(st.booleans()):
                for _ in range(self.ambil(st.integers(1, 3))):
                    isi_bagian: list = []
                    for _ in range(self.ambil(st.integers(1, 2))):
                        if self.ambil(st.booleans()):
                            isi_bagian.append(Paragraf("Paragraf", [self.satu_pasal() for _ in range(self.ambil(st.integers(1, 2)))]))
                        else:
                            isi_bagian.append(self.satu_pasal())
                    isi.append(Bagian("Bagian", isi_bagian))
            else:
                isi = [self.satu_pasal() for _ in range(self.ambil(st.integers(1, 3)))]
            bab.append(Bab("JUDUL", isi))
        return bab

    def rujukan(self) -> list[tuple[Rujukan, dict, dict]]:
        """Put references into random texts; return (reference, its place, its target's place)."""
        hasil = []
        for isi, tempat in self.isi:
            if self.ambil(st.integers(0, 2)) != 0:
                continue
            label, _, sasaran = self.ambil(st.sampled_from(self.sasaran))
            r = Rujukan(label=label, sumber="uji.md:1")
            isi[0].teks = "kata "  # the reference ends the text, the ending comes after it
            isi.append(r)
            hasil.append((r, tempat, sasaran))
        return hasil


def _frasa_harapan(dari: dict, ke: dict) -> str:
    rantai = " ".join(ke.get("rantai", []))
    if "ayat" not in ke:  # a Pasal
        return f"dalam Pasal {ke['pasal']}"
    if not rantai:  # an ayat (or the single text of a Pasal)
        if ke["ayat"] is None:
            return f"dalam Pasal {ke['pasal']}"
        if dari.get("pasal") == ke["pasal"]:
            return f"pada ayat ({ke['ayat']})"
        return f"dalam Pasal {ke['pasal']} ayat ({ke['ayat']})"
    if dari.get("id_ayat") == ke["id_ayat"]:
        return f"pada {rantai}"
    if dari.get("pasal") == ke["pasal"]:
        return f"pada ayat ({ke['ayat']}) {rantai}"
    ayat = f" ayat ({ke['ayat']})" if ke["ayat"] is not None else ""
    return f"dalam Pasal {ke['pasal']}{ayat} {rantai}"


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_penomoran_dan_rujukan_pohon_acak(data):
    pohon = _Pohon(data)
    dok = Dokumen(jenis="peraturan", kepala=None, judul=Judul("PERATURAN BUPATI X", "NOMOR", "T"),
                  batang_tubuh=pohon.badan())
    rujukan = pohon.rujukan()
    susun(dok)

    # Pasal numbers continuous through the document, ayat numbered only when there are several
    for p, nomor in pohon.pasal:
        assert p.nomor == nomor
        assert [a.nomor for a in p.ayat] == ([None] if len(p.ayat) == 1 else list(range(1, len(p.ayat) + 1)))
    for i, unsur in enumerate(dok.batang_tubuh):
        if isinstance(unsur, Bab):
            assert unsur.nomor == ROMAWI[i]
            bagian = [x for x in unsur.isi if isinstance(x, Bagian)]
            assert [b.nomor for b in bagian] == URUTAN[: len(bagian)]
            for b in bagian:
                paragraf = [x for x in b.isi if isinstance(x, Paragraf)]
                assert [x.nomor for x in paragraf] == list(range(1, len(paragraf) + 1))
    # markers by depth and the outermost list's kind
    for b, tanda in pohon.tanda:
        assert b.tanda == tanda
    # every reference names the actual number of its target
    for r, dari, ke in rujukan:
        assert r.teks == _frasa_harapan(dari, ke), (r.label, dari, ke)
    # endings: the text itself kept, old punctuation dropped, the right ending once
    for isi, akhir in pohon.akhir:
        polos = teks_polos(isi)
        assert polos.endswith(akhir), (polos, akhir)
        badan = polos[: len(polos) - len(akhir)]
        assert badan == "kata" or (badan.startswith("kata ") and isinstance(isi[1], Rujukan)
                                   and badan == "kata " + isi[1].teks), polos
        assert ";;" not in polos and ".." not in polos and ":." not in polos and ";." not in polos
    # running it again changes nothing
    sekali = copy.deepcopy(dok)
    assert susun(dok) == sekali


# --- file names ----------------------------------------------------------------------------------

_KODE = st.from_regex(r"\A[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}\Z")
_HOSTIL = st.sampled_from(["..", "/", "\\", "../../etc/passwd", "CON", "nul", "a\x00b", "{{ x }}",
                           "<script>", " ", "\u202e", "👩\u200d⚕️", "C:\\x", ".", "-", "~"])
_NAMA = st.one_of(st.text(max_size=200), st.lists(_HOSTIL | st.text(max_size=5), max_size=8).map("".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kode=_KODE, nama=_NAMA, akhiran=st.sampled_from(["docx", "md", "html"]))
def test_nama_berkas_sk_kpm_selalu_di_dalam_folder(tmp_path, kode, nama, akhiran):
    jalur = jalur_sk_kpm(kode, nama, akhiran)
    assert jalur.startswith(f"sk-kpm/{kode}") and jalur.endswith("." + akhiran)
    assert jalur.count("/") == 1 and ".." not in jalur and "\\" not in jalur
    assert jalur == f"sk-kpm/{kode}.{akhiran}" or jalur.startswith(f"sk-kpm/{kode}-")
    folder = tmp_path.resolve()
    target, normal = _periksa_jalur(folder, jalur)  # raises OutputError when unsafe
    assert normal == jalur and target.parent == folder / "sk-kpm"
    # a name made from a name is the same name: stable across reruns
    inti = nama_berkas(kode, nama)
    assert nama_berkas(inti) == inti


# --- fuzz of the config loader -------------------------------------------------------------------

_DIIZINKAN = (str, int, float, bool, type(None), _dt.date)


def _data_polos(x) -> None:
    """The loader gives plain data only: str keys, lists, scalars of the safe types."""
    if isinstance(x, dict):
        for k, v in x.items():
            assert isinstance(k, str)
            _data_polos(v)
    elif isinstance(x, list):
        for v in x:
            _data_polos(v)
    else:
        assert isinstance(x, _DIIZINKAN), type(x)


@pytest.fixture(scope="module")
def folder_fuzz(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


_YAMLISH = st.text(
    alphabet=st.sampled_from(list("abc019 :-[]{}#&*!|>'\"%@`,?.\\\n\t~<=") + ["\x07", "é", "\ufeff", "\u2028", "\x85"]),
    max_size=200,
)
_TAG = st.sampled_from(["!!python/object/apply:os.system", "!!python/name:os.system", "!!str", "!!binary",
                        "!!set", "!!omap", "!x", "&a", "*a", "<<: *a", "---", "...", "%YAML 1.1", "? ", "- "])


def _muat_satu(folder: Path, data: bytes) -> None:
    p = folder / "fuzz.yaml"
    p.write_bytes(data)
    try:
        hasil, posisi = muat_yaml(p)
    except ConfigError as e:
        assert e.masalah and all(m.lokasi.berkas for m in e.masalah)
        assert str(e).startswith("Konfigurasi tidak sah")
        return
    _data_polos(hasil)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_fuzz_yaml_bita_acak(folder_fuzz, data):
    _muat_satu(folder_fuzz, data)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_YAMLISH | _TAG, max_size=12).map(" ".join))
def test_fuzz_yaml_teks_mirip_yaml(folder_fuzz, teks):
    _muat_satu(folder_fuzz, teks.encode("utf-8", "surrogatepass"))


def _mutasi(asli: str, data) -> str:
    """The text with a few random insertions, deletions and swaps of lines."""
    teks = asli
    for _ in range(data.draw(st.integers(1, 4))):
        jenis = data.draw(st.sampled_from(["sisip", "hapus", "tukar", "ganda"]))
        i = data.draw(st.integers(0, len(teks)))
        if jenis == "sisip":
            teks = teks[:i] + data.draw(_YAMLISH | _TAG) + teks[i:]
        elif jenis == "hapus":
            teks = teks[:i] + teks[i + data.draw(st.integers(1, 40)):]
        else:
            baris = teks.split("\n")
            a, b = data.draw(st.integers(0, len(baris) - 1)), data.draw(st.integers(0, len(baris) - 1))
            if jenis == "tukar":
                baris[a], baris[b] = baris[b], baris[a]
            else:
                baris.insert(b, baris[a])
            teks = "\n".join(baris)
    return teks


@pytest.fixture(scope="module")
def folder_katingan(tmp_path_factory) -> Path:
    kab = tmp_path_factory.mktemp("fuzz-kab") / "kab"
    shutil.copytree(KATINGAN, kab)
    return kab


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_fuzz_konfigurasi_termutasi(folder_katingan, data):
    """A real config with random damage: loads, or fails with ConfigError only."""
    asli = (KATINGAN / "kabupaten.yaml").read_text(encoding="utf-8")
    (folder_katingan / "kabupaten.yaml").write_text(_mutasi(asli, data), encoding="utf-8", errors="surrogatepass")
    try:
        hasil = muat_konfigurasi(folder_katingan)
    except ConfigError as e:
        assert e.masalah
        for m in e.masalah:
            assert m.lokasi.berkas and m.pesan
        return
    assert hasil.konfigurasi.kabupaten.kode


@pytest.fixture(scope="module")
def folder_roster(tmp_path_factory) -> Path:
    kab = tmp_path_factory.mktemp("fuzz-roster") / "kab"
    shutil.copytree(GUNUNG_MAS, kab)
    roster = (kab / "roster.csv").read_text(encoding="utf-8").splitlines()
    (kab / "roster.csv").write_text("\n".join(roster[:6]) + "\n", encoding="utf-8")
    return kab


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_fuzz_roster_csv(folder_roster, data):
    """A CSV roster with random damage (text or bytes): ConfigError only."""
    asli = (GUNUNG_MAS / "roster.csv").read_text(encoding="utf-8").splitlines()
    teks = "\n".join(asli[:6]) + "\n"
    if data.draw(st.booleans()):
        isi = _mutasi(teks.replace(",", ", "), data).replace(", ", ",").encode("utf-8", "surrogatepass")
    else:
        isi = data.draw(st.binary(max_size=300))
    (folder_roster / "roster.csv").write_bytes(isi)
    try:
        muat_konfigurasi(folder_roster)
    except ConfigError as e:
        assert e.masalah and all(m.pesan for m in e.masalah)
