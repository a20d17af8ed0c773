"""Destinations (issue 11, point 3): every command that writes, given an output path that is a
file (or a folder where a file is wanted), that lies under a file, or that cannot be written,
stops with exit code 2 and an Indonesian message naming the path and the reason; nothing is
created, no manifest is written, no internal error."""
from __future__ import annotations

import errno
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from perbup_gen.cli import main
from perbup_gen.keluaran import berkas as modul_berkas

AKAR = Path(__file__).resolve().parent.parent
KATINGAN = str(AKAR / "examples" / "katingan")
GUNUNG_MAS = str(AKAR / "examples" / "gunung-mas")  # sets the performance incentive the contracts need
# a regulation to import or check as a file (the Katingan Perbup as `perbup --format md` once wrote it)
PERATURAN = Path(__file__).resolve().parent / "rawan" / "peraturan-katingan.md"

# command -> (arguments with {T} for the destination, the destination is a folder, file name)
PERINTAH: dict[str, tuple[list[str], bool, str]] = {
    "build": (["build", KATINGAN, "-o", "{T}", "-q"], True, "out"),
    "perbup": (["perbup", KATINGAN, "-o", "{T}"], True, "out"),
    "tim-penyusun": (["tim-penyusun", KATINGAN, "-o", "{T}", "--format", "md"], True, "out"),
    "sk-kpm": (["sk-kpm", KATINGAN, "-o", "{T}", "--format", "html"], True, "out"),
    "checklist": (["checklist", KATINGAN, "-o", "{T}"], True, "out"),
    "check --md": (["check", KATINGAN, "--md", "{T}"], False, "laporan.md"),
    "check --html": (["check", KATINGAN, "--html", "{T}"], False, "laporan.html"),
    "init -o": (["init", "62.06", "-o", "{T}"], True, "katingan"),
    "roster-templat": (["roster-templat", "{T}"], False, "roster.xlsx"),
    "impor -o": (["impor", str(PERATURAN), "-o", "{T}"], True, "akn"),
    "check BERKAS --md": (["check", str(PERATURAN), "--md", "{T}"], False, "laporan.md"),
    "kontrak": (["kontrak", GUNUNG_MAS, "--desa", "62.10.01.2002", "-o", "{T}"], True, "out"),
    "evaluasi": (["evaluasi", GUNUNG_MAS, "-o", "{T}"], True, "out"),
    "insentif": (["insentif", str(Path(__file__).resolve().parent / "rawan" / "evaluasi-katingan-terisi.xlsx"),
                  "-o", "{T}"], True, "out"),
}

# English an operating system or a library would say; none of it may reach the user
INGGRIS = re.compile(r"File exists|Not a directory|No such file|Permission denied|Errno|Error|"
                     r"Traceback|Is a directory|Read-only")


def jalankan(tmp_path: Path, monkeypatch, perintah: str, tujuan: str):
    argumen, _, _ = PERINTAH[perintah]
    monkeypatch.chdir(tmp_path)
    hasil = CliRunner().invoke(main, [a.replace("{T}", tujuan) for a in argumen])
    assert not isinstance(hasil.exception, Exception) or isinstance(hasil.exception, SystemExit), hasil.exception
    assert hasil.exit_code == 2, hasil.output
    assert not INGGRIS.search(hasil.output), hasil.output
    assert "Kesalahan internal" not in hasil.output
    return hasil.output


def isi(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


@pytest.mark.parametrize("perintah", sorted(PERINTAH))
def test_tujuan_sudah_ada_dengan_jenis_lain(perintah, tmp_path, monkeypatch):
    """A folder output given an existing file, a file output given an existing folder."""
    _, folder, nama = PERINTAH[perintah]
    if folder:
        (tmp_path / nama).write_text("bukan folder", encoding="utf-8")
        pesan = f"Folder keluaran {nama} tidak dapat ditulis: sudah ada berkas dengan nama itu (bukan folder)."
    else:
        (tmp_path / nama).mkdir()
        pesan = f"Berkas keluaran {nama} tidak dapat ditulis: sudah ada folder dengan nama itu."
    sebelum = isi(tmp_path)
    keluaran = jalankan(tmp_path, monkeypatch, perintah, nama)
    assert pesan in keluaran
    assert isi(tmp_path) == sebelum


@pytest.mark.parametrize("perintah", sorted(PERINTAH))
def test_tujuan_di_bawah_berkas(perintah, tmp_path, monkeypatch):
    _, folder, nama = PERINTAH[perintah]
    (tmp_path / "berkas.txt").write_text("x", encoding="utf-8")
    tujuan = f"berkas.txt/sub/{nama}"
    keluaran = jalankan(tmp_path, monkeypatch, perintah, tujuan)
    jenis = "Folder" if folder else "Berkas"
    assert f"{jenis} keluaran {tujuan} tidak dapat ditulis: berkas.txt adalah berkas, bukan folder." in keluaran
    assert isi(tmp_path) == ["berkas.txt"]


@pytest.mark.parametrize("perintah", sorted(PERINTAH))
def test_tujuan_tanpa_izin(perintah, tmp_path, monkeypatch):
    """The nearest existing folder is not writable (simulated: the tests run as root)."""
    _, folder, nama = PERINTAH[perintah]
    (tmp_path / "terkunci").mkdir()
    dikunci = (tmp_path / "terkunci").resolve()
    asli = modul_berkas.os.access

    def access(path, mode, *a, **k):
        if Path(path).resolve() == dikunci and mode & modul_berkas.os.W_OK:
            return False
        return asli(path, mode, *a, **k)

    monkeypatch.setattr(modul_berkas.os, "access", access)
    keluaran = jalankan(tmp_path, monkeypatch, perintah, f"terkunci/{nama}")
    assert f"keluaran terkunci/{nama} tidak dapat ditulis: tidak ada izin menulis di terkunci" in keluaran
    assert isi(tmp_path) == ["terkunci"]


@pytest.mark.parametrize("perintah", sorted(PERINTAH))
def test_penulisan_ditolak_sistem(perintah, tmp_path, monkeypatch):
    """The check passes but every write is refused by the system (EACCES): exit 2, the reason in
    Indonesian, no file and no manifest."""
    _, _, nama = PERINTAH[perintah]

    def tolak(*a, **k):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(modul_berkas, "_buka_tmp", tolak)
    keluaran = jalankan(tmp_path, monkeypatch, perintah, nama)
    assert "tidak ada izin (EACCES)" in keluaran
    assert nama in keluaran
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]
    assert not list(tmp_path.rglob("manifest.json"))


def test_satu_dokumen_di_bawah_berkas_dalam_folder_keluaran(tmp_path, monkeypatch):
    """The output folder is fine but the document's own folder is a file: nothing is built, so no
    manifest is left behind, and the message names the file and the reason."""
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "perbup").write_text("x", encoding="utf-8")
    keluaran = jalankan(tmp_path, monkeypatch, "perbup", "out")
    assert "Tidak ada berkas yang dapat ditulis ke out:" in keluaran
    assert "gagal: perbup/rancangan-perbup-peran-desa.docx (bagian dari jalurnya adalah berkas, bukan folder (ENOTDIR))" in keluaran
    assert isi(tmp_path) == ["out", "out/perbup"]

