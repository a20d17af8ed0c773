from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from perbup_gen.keluaran import berkas as modul
from perbup_gen.keluaran.berkas import (
    BerkasKeluaran,
    LaporanTulis,
    hash_berkas,
    nama_berkas,
    tulis_semua,
    versi_paket,
)
from perbup_gen.errors import ConfigError, OutputError
from perbup_gen.konfigurasi.wilayah import DaftarWilayah

AMAN = re.compile(r"[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?")
WINDOWS = {"con", "prn", "aux", "nul"} | {f"{p}{i}" for p in ("com", "lpt") for i in range(10)}


def aman(s: str, maks: int = 120) -> bool:
    return (
        AMAN.fullmatch(s) is not None
        and ".." not in s
        and ".-" not in s
        and "-." not in s
        and "--" not in s
        and len(s) <= maks
        and s.split(".", 1)[0] not in WINDOWS
    )


# --- nama_berkas --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bagian, harapan",
    [
        (("62.10.01.2002", "Sepang Kota"), "62.10.01.2002-sepang-kota"),
        (("Pulo Lon / Pulo Dayah",), "pulo-lon-pulo-dayah"),
        (("Pasi Kuala Ba'u",), "pasi-kuala-bau"),
        (("Regapu’u",), "regapuu"),
        (("Matang Glumpang Dua Mns. Timu (X)",), "matang-glumpang-dua-mns-timu-x"),
        (("Lubuk Pakam I,II",), "lubuk-pakam-i-ii"),
        (("Kécamatan Ñusa",), "kecamatan-nusa"),
        (("a..b", "...", "-x-"), "a.b-x"),
        (("", "  ", "///"), "berkas"),
        (("..",), "berkas"),
        (("CON",), "berkas-con"),
        (("nul.docx",), "berkas-nul.docx"),
        (("sk-kpm", "Desa  Baru--Lama"), "sk-kpm-desa-baru-lama"),
    ],
)
def test_nama_berkas_contoh(bagian, harapan):
    assert nama_berkas(*bagian) == harapan


def test_nama_berkas_panjang_dibatasi():
    s = nama_berkas("62.10.01.2002", "Sangat Panjang " * 30)
    assert len(s) <= 120 and aman(s) and s.startswith("62.10.01.2002-sangat-panjang")
    assert len(nama_berkas("x" * 500, panjang_maks=40)) == 40


def test_nama_berkas_semua_nama_nasional():
    daftar = DaftarWilayah.muat()
    dilihat: set[str] = set()
    jumlah = 0
    for w in daftar.semua():
        hanya_nama = nama_berkas(w.nama)
        assert aman(hanya_nama), (w, hanya_nama)
        s = nama_berkas(w.kode, w.nama)
        assert aman(s), (w, s)
        assert "/" not in s and "\\" not in s
        assert s.startswith(w.kode + "-")
        if w.tingkat in ("desa", "kelurahan", "desa_adat"):
            assert s not in dilihat, (w, s)
            dilihat.add(s)
            jumlah += 1
    assert jumlah == 83762


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(), max_size=4))
def test_nama_berkas_selalu_aman(bagian):
    assert aman(nama_berkas(*bagian))


# --- helpers for the writer ---------------------------------------------------------------------


def cocok_dengan_disk(folder: Path) -> dict:
    """Assert the manifest describes exactly the files on disk; return it."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    entri = manifest["berkas"]
    assert [e["berkas"] for e in entri] == sorted(e["berkas"] for e in entri)
    di_disk = {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and p.name != "manifest.json"
    }
    assert {e["berkas"] for e in entri} == di_disk
    for e in entri:
        data = (folder / e["berkas"]).read_bytes()
        assert e["sha256"] == hashlib.sha256(data).hexdigest(), e["berkas"]
        assert e["ukuran"] == len(data)
        assert {"berkas", "jenis", "desa", "sha256", "ukuran"} <= set(e)
    assert not [p for p in folder.rglob("*") if p.name.endswith(".tmp")]
    return manifest


def set_awal(isi_tambahan: str = "") -> list[BerkasKeluaran]:
    return [
        BerkasKeluaran("perbup/perbup.docx", b"PERBUP" + isi_tambahan.encode(), "perbup"),
        BerkasKeluaran(
            "sk-kpm/62.10.01.2002-sepang-kota.docx", b"SK Sepang Kota", "sk-kpm", "62.10.01.2002"
        ),
        BerkasKeluaran(
            "sk-kpm/62.10.01.2003-sepang-simin.docx", b"SK Sepang Simin", "sk-kpm", "62.10.01.2003"
        ),
    ]


def waktu_ubah(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*.docx")}


def tua_kan(folder: Path) -> None:
    """Set every mtime into the past, so an unwanted rewrite cannot hide in the clock resolution."""
    for p in folder.rglob("*"):
        if p.is_file():
            os.utime(p, ns=(1_000_000_000, 1_000_000_000))


# --- the writer ----------------------------------------------------------------------------------


def test_tulis_pertama(tmp_path):
    out = tmp_path / "out"
    lap = tulis_semua(out, set_awal(), "abc123")
    assert sorted(lap.ditulis) == sorted(b.jalur for b in set_awal())
    assert lap.tidak_berubah == [] and lap.dipertahankan == [] and lap.gagal == []
    assert (out / "sk-kpm/62.10.01.2002-sepang-kota.docx").read_bytes() == b"SK Sepang Kota"
    m = cocok_dengan_disk(out)
    assert m["hash_konfigurasi"] == "abc123"
    assert m["versi"] == versi_paket() == "0.1.0"
    assert set(m) == {"berkas", "hash_konfigurasi", "versi"}
    e = next(e for e in m["berkas"] if e["desa"] == "62.10.01.2002")
    assert e == {
        "berkas": "sk-kpm/62.10.01.2002-sepang-kota.docx",
        "jenis": "sk-kpm",
        "desa": "62.10.01.2002",
        "sha256": hashlib.sha256(b"SK Sepang Kota").hexdigest(),
        "ukuran": 14,
    }
    teks = (out / "manifest.json").read_text(encoding="utf-8")
    assert teks == json.dumps(m, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    assert not re.search(r"20\d\d-\d\d-\d\d|waktu|tanggal|time", teks)
    if sys.platform != "win32":
        mode = (out / "perbup/perbup.docx").stat().st_mode & 0o777
        assert mode == 0o666 & ~_umask()
    assert lap.ringkasan() == "3 ditulis, 0 tidak berubah"


def _umask() -> int:
    m = os.umask(0o022)
    os.umask(m)
    return m


def test_ulang_tanpa_perubahan_tidak_menulis_apa_pun(tmp_path):
    out = tmp_path / "out"
    tulis_semua(out, set_awal(), "h")
    manifest_awal = (out / "manifest.json").read_bytes()
    tua_kan(out)
    sebelum = waktu_ubah(out)
    mtime_manifest = (out / "manifest.json").stat().st_mtime_ns
    lap = tulis_semua(out, set_awal(), "h")
    assert lap.ditulis == [] and len(lap.tidak_berubah) == 3
    assert waktu_ubah(out) == sebelum
    assert (out / "manifest.json").read_bytes() == manifest_awal
    assert (out / "manifest.json").stat().st_mtime_ns == mtime_manifest
    assert lap.ringkasan() == "0 ditulis, 3 tidak berubah"
    cocok_dengan_disk(out)


def test_perubahan_isi_menimpa_berkas_milik_kita(tmp_path):
    out = tmp_path / "out"
    tulis_semua(out, set_awal(), "h1")
    lap = tulis_semua(out, set_awal(" v2"), "h2")
    assert lap.ditulis == ["perbup/perbup.docx"] and len(lap.tidak_berubah) == 2
    assert (out / "perbup/perbup.docx").read_bytes() == b"PERBUP v2"
    assert cocok_dengan_disk(out)["hash_konfigurasi"] == "h2"


def test_berkas_diedit_tangan_dipertahankan_lalu_force(tmp_path):
    out = tmp_path / "out"
    tulis_semua(out, set_awal(), "h1")
    jalur = out / "sk-kpm/62.10.01.2002-sepang-kota.docx"
    jalur.write_bytes(b"diedit di Word")

    lap = tulis_semua(out, set_awal(" v2"), "h2")
    assert lap.dipertahankan == [
        ("sk-kpm/62.10.01.2002-sepang-kota.docx", "diubah setelah dibuat")
    ]
    assert jalur.read_bytes() == b"diedit di Word"
    assert lap.ditulis == ["perbup/perbup.docx"]
    assert lap.ringkasan() == (
        "1 ditulis, 1 tidak berubah, 1 dipertahankan (berbeda dari hasil sebelumnya; "
        "gunakan --force untuk menimpa)"
    )
    m = cocok_dengan_disk(out)
    e = next(e for e in m["berkas"] if e["berkas"].endswith("sepang-kota.docx"))
    assert e["dipertahankan"] is True
    assert e["sha256"] == hashlib.sha256(b"diedit di Word").hexdigest()

    # The next run must not take the recorded hash as "ours" and overwrite the edit.
    lap = tulis_semua(out, set_awal(" v2"), "h2")
    assert jalur.read_bytes() == b"diedit di Word"
    assert [j for j, _ in lap.dipertahankan] == ["sk-kpm/62.10.01.2002-sepang-kota.docx"]
    cocok_dengan_disk(out)

    lap = tulis_semua(out, set_awal(" v2"), "h2", force=True)
    assert lap.ditulis == ["sk-kpm/62.10.01.2002-sepang-kota.docx"] and lap.dipertahankan == []
    assert jalur.read_bytes() == b"SK Sepang Kota"
    m = cocok_dengan_disk(out)
    assert not any("dipertahankan" in e for e in m["berkas"])


def test_berkas_asing_tanpa_manifest_dipertahankan(tmp_path):
    out = tmp_path / "out"
    (out / "perbup").mkdir(parents=True)
    (out / "perbup/perbup.docx").write_bytes(b"milik orang lain")
    lap = tulis_semua(out, set_awal(), "h")
    assert lap.dipertahankan == [("perbup/perbup.docx", "sudah ada dan bukan hasil perbup-gen")]
    assert (out / "perbup/perbup.docx").read_bytes() == b"milik orang lain"
    assert len(lap.ditulis) == 2
    cocok_dengan_disk(out)
    lap = tulis_semua(out, set_awal(), "h", force=True)
    assert lap.ditulis == ["perbup/perbup.docx"]
    assert (out / "perbup/perbup.docx").read_bytes() == b"PERBUP"
    cocok_dengan_disk(out)


def test_manifest_rusak_dianggap_tidak_ada(tmp_path):
    out = tmp_path / "out"
    tulis_semua(out, set_awal(), "h")
    (out / "manifest.json").write_text("{bukan json", encoding="utf-8")
    lap = tulis_semua(out, set_awal(" v2"), "h")
    # Without a record the changed file cannot be proven ours: it is kept.
    assert [j for j, _ in lap.dipertahankan] == ["perbup/perbup.docx"]
    cocok_dengan_disk(out)


def test_desa_dihapus_dari_roster_dibiarkan_dan_ditandai_usang(tmp_path):
    out = tmp_path / "out"
    tulis_semua(out, set_awal(), "h")
    lap = tulis_semua(out, set_awal()[:2], "h")
    assert lap.usang == ["sk-kpm/62.10.01.2003-sepang-simin.docx"]
    assert (out / "sk-kpm/62.10.01.2003-sepang-simin.docx").exists()
    assert "1 tidak lagi dihasilkan" in lap.ringkasan()
    m = cocok_dengan_disk(out)
    e = next(e for e in m["berkas"] if e["desa"] == "62.10.01.2003")
    assert e["usang"] is True and "dipertahankan" not in e
    # produced again later: an ordinary file of ours
    lap = tulis_semua(out, set_awal(), "h")
    assert lap.usang == [] and len(lap.tidak_berubah) == 3
    assert not any("usang" in e for e in cocok_dengan_disk(out)["berkas"])


@pytest.mark.parametrize(
    "jalur",
    [
        "../x.docx",
        "/etc/x",
        "a/../../b",
        "a/../b",
        "..",
        "",
        ".",
        "a/",
        "a\\..\\b",
        "C:/x.docx",
        "manifest.json",
        "x\x00y",
    ],
)
def test_jalur_berbahaya_ditolak(tmp_path, jalur):
    out = tmp_path / "out"
    daftar = set_awal() + [BerkasKeluaran(jalur, b"jahat", "x")]
    with pytest.raises(OutputError):
        tulis_semua(out, daftar, "h")
    # A list is checked before anything is written.
    assert not (out / "perbup/perbup.docx").exists()
    assert not (tmp_path / "x.docx").exists() and not (tmp_path / "b").exists()


def test_jalur_berbahaya_dalam_generator(tmp_path):
    out = tmp_path / "out"

    def aliran():
        yield from set_awal()
        yield BerkasKeluaran("../../keluar.docx", b"jahat", "x")
        yield BerkasKeluaran("tidak-sampai.docx", b"x", "x")

    with pytest.raises(OutputError, match="'..'"):
        tulis_semua(out, aliran(), "h")
    assert not (tmp_path / "keluar.docx").exists()
    assert not (out / "tidak-sampai.docx").exists()
    assert len(cocok_dengan_disk(out)["berkas"]) == 3


def test_symlink_ke_luar_ditolak(tmp_path):
    out = tmp_path / "out"
    luar = tmp_path / "luar"
    luar.mkdir()
    out.mkdir()
    (out / "sk-kpm").symlink_to(luar, target_is_directory=True)
    with pytest.raises(OutputError, match="luar folder"):
        tulis_semua(out, [BerkasKeluaran("sk-kpm/a.docx", b"x", "sk-kpm")], "h")
    assert list(luar.iterdir()) == []


def test_jalur_dinormalkan(tmp_path):
    out = tmp_path / "out"
    lap = tulis_semua(out, [BerkasKeluaran("./a//b.docx", b"x", "x")], "h")
    assert lap.ditulis == ["a/b.docx"]
    assert [e["berkas"] for e in cocok_dengan_disk(out)["berkas"]] == ["a/b.docx"]


def test_jalur_ganda_dalam_satu_kali(tmp_path):
    out = tmp_path / "out"
    lap = tulis_semua(
        out, [BerkasKeluaran("a.docx", b"1", "x"), BerkasKeluaran("a.docx", b"2", "x")], "h"
    )
    assert lap.ditulis == ["a.docx"] and lap.gagal == [("a.docx", "jalur ganda dalam satu kali pembuatan")]
    assert (out / "a.docx").read_bytes() == b"1"
    cocok_dengan_disk(out)


def test_oserror_satu_berkas_tidak_menghentikan_lainnya(tmp_path, monkeypatch):
    out = tmp_path / "out"
    replace_asli = os.replace
    dibuka: list[str] = []

    def replace_palsu(src, dst, *a, **k):
        dibuka.append(str(src))
        if str(dst).endswith("62.10.01.2002-sepang-kota.docx"):
            assert Path(src).exists()  # a real temp file existed at the time
            raise OSError(errno.ENOSPC, "No space left on device")
        return replace_asli(src, dst, *a, **k)

    monkeypatch.setattr(modul.os, "replace", replace_palsu)
    lap = tulis_semua(out, set_awal(), "h")
    assert lap.gagal == [("sk-kpm/62.10.01.2002-sepang-kota.docx", "disk penuh (ENOSPC)")]
    assert sorted(lap.ditulis) == ["perbup/perbup.docx", "sk-kpm/62.10.01.2003-sepang-simin.docx"]
    assert not lap.berhasil and "1 gagal" in lap.ringkasan()
    assert any("sepang-kota" in s for s in dibuka)
    assert not (out / "sk-kpm/62.10.01.2002-sepang-kota.docx").exists()
    assert sorted(p.name for p in (out / "sk-kpm").iterdir()) == [
        "62.10.01.2003-sepang-simin.docx"
    ]
    cocok_dengan_disk(out)
    assert "gagal: sk-kpm/62.10.01.2002-sepang-kota.docx (disk penuh (ENOSPC))" in lap.rincian()


def test_oserror_saat_menulis_isi_berkas_lama_tetap(tmp_path, monkeypatch):
    out = tmp_path / "out"
    tulis_semua(out, set_awal(), "h1")
    replace_asli = os.replace

    def replace_palsu(sumber, tujuan):
        # fail the rename of the Perbup's temp file only (e.g. EIO on a failing disk)
        if "perbup.docx." in str(sumber):
            raise OSError(errno.EIO, "Input/output error")
        return replace_asli(sumber, tujuan)

    monkeypatch.setattr(modul.os, "replace", replace_palsu)
    lap = tulis_semua(out, set_awal(" v2"), "h2")
    assert [j for j, _ in lap.gagal] == ["perbup/perbup.docx"]
    assert (out / "perbup/perbup.docx").read_bytes() == b"PERBUP"  # the old file, intact
    assert not [p for p in (out / "perbup").iterdir() if p.name.endswith(".tmp")]
    m = cocok_dengan_disk(out)
    e = next(e for e in m["berkas"] if e["berkas"] == "perbup/perbup.docx")
    assert "dipertahankan" not in e  # still the previous run's output, ours to replace later
    monkeypatch.setattr(modul.os, "replace", replace_asli)
    lap = tulis_semua(out, set_awal(" v2"), "h2")
    assert lap.ditulis == ["perbup/perbup.docx"]
    assert (out / "perbup/perbup.docx").read_bytes() == b"PERBUP v2"
    cocok_dengan_disk(out)


def test_keyboardinterrupt_di_tengah(tmp_path, monkeypatch):
    out = tmp_path / "out"
    replace_asli = os.replace
    hitung = {"n": 0}

    def replace_putus(src, dst, *a, **k):
        hitung["n"] += 1
        if hitung["n"] == 3:
            raise KeyboardInterrupt
        return replace_asli(src, dst, *a, **k)

    monkeypatch.setattr(modul.os, "replace", replace_putus)
    banyak = [BerkasKeluaran(f"sk-kpm/{i:03d}.docx", b"isi %d" % i, "sk-kpm") for i in range(6)]
    with pytest.raises(KeyboardInterrupt):
        tulis_semua(out, banyak, "h")
    monkeypatch.setattr(modul.os, "replace", replace_asli)
    m = cocok_dengan_disk(out)
    assert [e["berkas"] for e in m["berkas"]] == ["sk-kpm/000.docx", "sk-kpm/001.docx"]


def test_keyboardinterrupt_pertahankan_catatan_lama(tmp_path):
    out = tmp_path / "out"
    tulis_semua(out, set_awal(), "h1")

    def aliran():
        yield set_awal(" v2")[0]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        tulis_semua(out, aliran(), "h2")
    m = cocok_dengan_disk(out)
    # the files not reached are still recorded as ours, not as stale
    assert len(m["berkas"]) == 3 and not any("usang" in e or "dipertahankan" in e for e in m["berkas"])
    assert (out / "perbup/perbup.docx").read_bytes() == b"PERBUP v2"


def test_generator_dialirkan_satu_per_satu(tmp_path):
    out = tmp_path / "out"
    terakhir: list[Path] = []

    def aliran():
        for i in range(300):
            if terakhir:  # the previous file is already on disk before the next is produced
                assert terakhir[-1].read_bytes() == b"desa %d" % (i - 1)
            jalur = f"sk-kpm/{nama_berkas(f'62.10.01.{2000 + i}', f'Desa {i}')}.docx"
            terakhir.append(out / jalur)
            yield BerkasKeluaran(jalur, b"desa %d" % i, "sk-kpm", f"62.10.01.{2000 + i}")

    lap = tulis_semua(out, aliran(), "h")
    assert len(lap.ditulis) == 300
    assert len(cocok_dengan_disk(out)["berkas"]) == 300


def test_folder_keluaran_adalah_berkas(tmp_path):
    f = tmp_path / "out"
    f.write_text("x")
    with pytest.raises(OutputError, match="tidak dapat dibuat|bukan folder"):
        tulis_semua(f, set_awal(), "h")


def test_ringkasan_gabungan():
    lap = LaporanTulis(
        ditulis=["a"] * 12,
        tidak_berubah=["b"] * 100,
        dipertahankan=[("c", "diubah setelah dibuat")] * 2,
    )
    assert lap.ringkasan() == (
        "12 ditulis, 100 tidak berubah, 2 dipertahankan (berbeda dari hasil sebelumnya; "
        "gunakan --force untuk menimpa)"
    )
    assert lap.rincian() == ["dipertahankan: c (diubah setelah dibuat)"] * 2


# --- hash_berkas ---------------------------------------------------------------------------------


def test_hash_berkas(tmp_path):
    a = tmp_path / "a.yaml"
    b = tmp_path / "b.yaml"
    a.write_text("kabupaten: 62.10\n")
    b.write_text("desa: []\n")
    h = hash_berkas([a, b])
    assert re.fullmatch(r"[0-9a-f]{64}", h)
    assert hash_berkas([b, a]) == h
    lain = tmp_path / "lain"
    lain.mkdir()
    (lain / "a.yaml").write_bytes(a.read_bytes())
    (lain / "b.yaml").write_bytes(b.read_bytes())
    assert hash_berkas([lain / "a.yaml", lain / "b.yaml"]) == h  # folder does not count
    b.write_text("desa: [1]\n")
    assert hash_berkas([a, b]) != h
    # moving bytes from one file to the other changes the hash
    (lain / "a.yaml").write_text("kabupaten: 62.10\ndesa: []\n")
    (lain / "b.yaml").write_text("")
    assert hash_berkas([lain / "a.yaml", lain / "b.yaml"]) != h
    with pytest.raises(ConfigError, match="tidak-ada.yaml"):
        hash_berkas([tmp_path / "tidak-ada.yaml"])


def test_berkas_diedit_lalu_keluar_roster_tetap_milik_pengguna(tmp_path):
    out = tmp_path / "out"
    tulis_semua(out, set_awal(), "h")
    jalur = out / "sk-kpm/62.10.01.2003-sepang-simin.docx"
    jalur.write_bytes(b"diedit")
    lap = tulis_semua(out, set_awal()[:2], "h")
    assert lap.usang == ["sk-kpm/62.10.01.2003-sepang-simin.docx"]
    e = next(e for e in cocok_dengan_disk(out)["berkas"] if e["desa"] == "62.10.01.2003")
    assert e["usang"] is True and e["dipertahankan"] is True
    # back in the roster: the edit is still protected
    lap = tulis_semua(out, set_awal(), "h")
    assert [j for j, _ in lap.dipertahankan] == ["sk-kpm/62.10.01.2003-sepang-simin.docx"]
    assert jalur.read_bytes() == b"diedit"
    cocok_dengan_disk(out)
