from __future__ import annotations

import collections
import gzip
import hashlib
import time
from importlib import resources

import pytest

from perbup_gen.konfigurasi import wilayah
from perbup_gen.errors import ConfigError
from perbup_gen.konfigurasi.wilayah import DaftarWilayah, Wilayah, baris_kabupaten, kemas_csv, kode_sah

# SHA-256 of /work/shared/data/wilayah.csv (cahyadsn/wilayah, Kepmendagri 2025), which the
# packaged archive must contain unchanged.
SHA_CSV = "0bb0459aae4ac0fc6a6b9022e77a9c3d65e22647cc41baa388e9494f8dfea3dd"


def _arsip() -> bytes:
    return resources.files("perbup_gen").joinpath("data", "wilayah.csv.gz").read_bytes()


@pytest.fixture(scope="module")
def daftar() -> DaftarWilayah:
    return DaftarWilayah.muat()


def test_arsip_berisi_csv_tanpa_perubahan_dan_deterministik():
    data = _arsip()
    assert data[:3] == b"\x1f\x8b\x08"
    assert data[4:8] == b"\x00\x00\x00\x00"  # mtime 0
    assert data[3] & 0x08 == 0  # no file name stored
    csv_bytes = gzip.decompress(data)
    assert hashlib.sha256(csv_bytes).hexdigest() == SHA_CSV
    assert csv_bytes.startswith(b"kode,nama\r\n11,Aceh\r\n")


def test_lisensi_ikut_dikemas():
    teks = resources.files("perbup_gen").joinpath("data", "wilayah.LICENSE").read_text("utf-8")
    assert "MIT" in teks or "Permission is hereby granted" in teks


def test_kemas_csv_deterministik(tmp_path):
    sumber = tmp_path / "w.csv"
    sumber.write_bytes(gzip.decompress(_arsip()))
    a, b = tmp_path / "a.gz", tmp_path / "b.gz"
    kemas_csv(sumber, a)
    time.sleep(0.01)
    kemas_csv(sumber, b)
    assert a.read_bytes() == b.read_bytes()
    assert gzip.decompress(a.read_bytes()) == sumber.read_bytes()


def test_jumlah_per_tingkat(daftar):
    hitung = collections.Counter(w.tingkat for w in daftar.semua())
    assert hitung == {
        "provinsi": 38,
        "kabupaten": 514,
        "kecamatan": 7285,
        "desa": 75252,
        "kelurahan": 8496,
        "desa_adat": 14,
    }
    assert len(daftar) == 91599


def test_semua_desa_mengalir_dan_hanya_desa(daftar):
    it = daftar.semua_desa()
    assert iter(it) is it  # a generator, not a list
    pertama = next(it)
    assert pertama == Wilayah("11.01.01.2001", "Keude Bakongan")
    n = 1 + sum(1 for w in it if w.tingkat == "desa")
    assert n == 75252
    adat = sum(1 for w in daftar.semua_desa(termasuk_desa_adat=True) if w.tingkat == "desa_adat")
    assert adat == 14


def test_tingkat_dan_induk():
    assert Wilayah("62", "Kalimantan Tengah").tingkat == "provinsi"
    assert Wilayah("62", "Kalimantan Tengah").induk is None
    assert Wilayah("62.10", "Kabupaten Gunung Mas").tingkat == "kabupaten"
    assert Wilayah("62.10", "x").induk == "62"
    assert Wilayah("62.10.01", "Sepang").tingkat == "kecamatan"
    assert Wilayah("62.10.01", "Sepang").induk == "62.10"
    desa = Wilayah("62.10.01.2002", "Sepang Kota")
    assert desa.tingkat == "desa" and desa.induk == "62.10.01" and desa.punya_kepala_desa
    kel = Wilayah("62.10.01.1001", "x")
    assert kel.tingkat == "kelurahan" and not kel.punya_kepala_desa
    assert Wilayah("91.03.01.3007", "Desa Adat Yoboi").tingkat == "desa_adat"
    with pytest.raises(ValueError):
        Wilayah("62.10.01.9001", "x").tingkat


def test_gunung_mas(daftar):
    kab = daftar.cari("62.10")
    assert kab == Wilayah("62.10", "Kabupaten Gunung Mas")
    kec = daftar.anak("62.10")
    assert len(kec) == 12
    assert kec[0] == Wilayah("62.10.01", "Sepang")
    assert [w.kode for w in kec] == sorted(w.kode for w in kec)
    assert all(w.tingkat == "kecamatan" and w.induk == "62.10" for w in kec)
    baris = baris_kabupaten("62.10")
    assert baris[0] == kab
    hitung = collections.Counter(w.tingkat for w in baris)
    assert hitung == {"kabupaten": 1, "kecamatan": 12, "desa": 114, "kelurahan": 13}
    # each kecamatan is followed by its own desa/kelurahan
    for sebelum, w in zip(baris, baris[1:]):
        if w.tingkat in ("desa", "kelurahan"):
            assert w.induk in (sebelum.kode, sebelum.induk)
    assert Wilayah("62.10.01.2002", "Sepang Kota") in baris


def test_anak_langsung_saja(daftar):
    prov = daftar.anak("62")
    assert all(w.tingkat == "kabupaten" for w in prov)
    assert Wilayah("62.10", "Kabupaten Gunung Mas") in prov
    desa = daftar.anak("62.10.01")
    assert desa and all(w.induk == "62.10.01" for w in desa)
    assert daftar.anak("62.10.01.2002") == []
    assert daftar.anak("99") == []
    # 11.01 must not pick up 11.010x-like neighbours or other kabupaten
    assert all(w.kode.startswith("11.01.") for w in daftar.anak("11.01"))


def test_kabupaten_dan_provinsi_dari(daftar):
    assert daftar.kabupaten("62.10.01.2002") == Wilayah("62.10", "Kabupaten Gunung Mas")
    assert daftar.kabupaten("62.10") == Wilayah("62.10", "Kabupaten Gunung Mas")
    assert daftar.kabupaten("62") is None
    assert daftar.provinsi_dari("62.10.01.2002") == Wilayah("62", "Kalimantan Tengah")
    assert daftar.kecamatan("62.10.01.2002") == Wilayah("62.10.01", "Sepang")
    assert daftar.provinsi_dari("xx") is None
    assert daftar.cari("62.10.01.9999") is None


def test_nama_tidak_rapi_utuh(daftar):
    nama = {w.nama for w in daftar.semua()}
    assert "Pulo Lon / Pulo Dayah" in nama
    assert "Pasi Kuala Ba'u" in nama
    assert "Matang Glumpang Dua Mns. Timu (X)" in nama
    assert "Lubuk Pakam I,II" in nama  # a quoted CSV field


def test_baris_kabupaten_kode_salah():
    with pytest.raises(ValueError, match="62.10.01"):
        baris_kabupaten("62.10.01")
    with pytest.raises(ValueError):
        baris_kabupaten("99.99")


def test_kode_sah():
    assert kode_sah("62") and kode_sah("62.10") and kode_sah("62.10.01.2002")
    assert not kode_sah("62.1") and not kode_sah("62.10.01.202") and not kode_sah("62-10")
    assert not kode_sah("62.10.01.2002.1")


def test_muat_tersimpan():
    wilayah._muat.cache_clear()
    a = DaftarWilayah.muat()  # load time is measured in bench/, not here
    assert DaftarWilayah.muat() is a


def test_muat_csv_biasa_dan_periksa_setiap_baris(tmp_path, daftar):
    # Loading the plain CSV validates every row of the national list.
    polos = tmp_path / "wilayah.csv"
    polos.write_bytes(gzip.decompress(_arsip()))
    d = DaftarWilayah.muat(polos)
    assert d is not daftar and len(d) == len(daftar)
    assert d.cari("62.10.01.2002") == Wilayah("62.10.01.2002", "Sepang Kota")
    gz = tmp_path / "w.csv.gz"
    gz.write_bytes(_arsip())
    assert DaftarWilayah.muat(gz).cari("11") == Wilayah("11", "Aceh")


def test_csv_kecil_tak_berurutan(tmp_path):
    p = tmp_path / "kecil.csv"
    p.write_text("kode,nama\n62.10.01,Sepang\n62,Kalteng\n62.10,Gunung Mas\n", encoding="utf-8")
    d = DaftarWilayah.muat(p)
    assert [w.kode for w in d.semua()] == ["62", "62.10", "62.10.01"]
    assert d.anak("62.10") == [Wilayah("62.10.01", "Sepang")]


@pytest.mark.parametrize(
    "isi, potongan",
    [
        ("kode;nama\n62;x\n", "kepala kolom"),
        ("kode,nama\n62,x\n6.2,y\n", ":3"),
        ("kode,nama\n62,x\n62.10.01.2a01,y\n", ":3"),
        ("kode,nama\n62,x\n62,y\n", "ganda"),
        ("kode,nama\n62,\n", "tidak sah"),
    ],
)
def test_csv_rusak_ditolak_dengan_lokasi(tmp_path, isi, potongan):
    p = tmp_path / "rusak.csv"
    p.write_text(isi, encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        DaftarWilayah.muat(p)
    assert potongan in str(e.value) and "rusak.csv" in str(e.value)


def test_berkas_tidak_ada(tmp_path):
    with pytest.raises(ConfigError, match="tidak dapat dibaca"):
        DaftarWilayah.muat(tmp_path / "tidak-ada.csv")
