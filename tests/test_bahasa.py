"""The command line speaks Indonesian throughout (issue 11, point 5): click's own usage errors and
help, and the messages of the libraries it wraps (openpyxl, PyYAML, pydantic)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from perbup_gen.cli import main
from perbup_gen.cli.bahasa import KATALOG, KATALOG_JAMAK

AKAR = Path(__file__).resolve().parent.parent
KATINGAN = str(AKAR / "examples" / "katingan")

# words that give English away; "Error" also catches "ValueError", "Errno"
INGGRIS = re.compile(r"Error|Usage|Options|Commands|No such|Invalid|Missing|Got unexpected|Did you mean|"
                     r"is not one of|does not|requires an|Try '|default:|Aborted|Traceback|"
                     r"\b(?:the|is|not|of|for|and|file|value|expected|should|must|found)\b|https?://",
                     re.IGNORECASE)


def _teks_click() -> tuple[set[str], set[tuple[str, str]]]:
    """Every text the installed click passes to gettext."""
    tunggal, jamak = set(), set()
    for berkas in Path(click.__file__).parent.glob("*.py"):
        for n in ast.walk(ast.parse(berkas.read_text(encoding="utf-8"))):
            if not (isinstance(n, ast.Call) and isinstance(n.func, ast.Name)):
                continue
            nilai = [a.value for a in n.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if n.func.id == "_" and nilai:
                tunggal.add(nilai[0])
            elif n.func.id == "ngettext" and len(nilai) >= 2:
                jamak.add((nilai[0], nilai[1]))
    return tunggal, jamak


def test_katalog_lengkap_untuk_click_terpasang():
    """A click upgrade that adds a text fails here, naming it, instead of showing English."""
    tunggal, jamak = _teks_click()
    assert len(tunggal) > 40 and len(jamak) >= 5  # the extraction itself works
    assert sorted(tunggal - set(KATALOG)) == []
    assert sorted(jamak - set(KATALOG_JAMAK)) == []
    tunggal |= {"required"}  # passed to gettext as a variable
    assert sorted(set(KATALOG) - tunggal) == []  # nothing stale either


def test_tempat_isian_terjemahan_sama():
    """A translation keeps exactly the placeholders click fills in (or fewer), never new ones."""
    isian = re.compile(r"\{[^{}]*\}|%\([a-z]+\)s")
    for en, idn in list(KATALOG.items()) + [(a, b) for k, v in KATALOG_JAMAK.items() for a, b in zip(k, v)]:
        assert set(isian.findall(idn)) <= set(isian.findall(en)), (en, idn)


# bad invocations: (arguments, exit code, Indonesian text expected)
SALAH: list[tuple[list[str], int, str]] = [
    (["bogus"], 2, "Perintah 'bogus' tidak dikenal."),
    (["biuld", KATINGAN], 2, "Perintah 'biuld' tidak dikenal."),
    (["--nope"], 2, "Opsi '--nope' tidak dikenal."),
    (["build"], 2, "Argumen belum ditulis: 'KONFIGURASI'."),
    (["build", KATINGAN, "--nope"], 2, "Opsi '--nope' tidak dikenal."),
    (["build", KATINGAN, "--forse"], 2, "(Maksud Anda salah satu dari: '--force', '--format'?)"),
    (["build", KATINGAN, "-o"], 2, "Opsi '-o' memerlukan nilai."),
    (["build", KATINGAN, "--format", "pdf"], 2, "'pdf' bukan salah satu dari 'docx', 'md', 'html', 'akn'."),
    (["build", KATINGAN, "satu", "dua"], 2, "Argumen berlebih yang tidak dikenal (satu dua)"),
    (["build", KATINGAN, "--force=ya"], 2, "Opsi '--force' tidak menerima nilai."),
    (["perbup", KATINGAN, "--format", "odt"], 2, "Nilai tidak sah untuk '--format'"),
    (["sk-kpm"], 2, "Argumen belum ditulis: 'KONFIGURASI'."),
    (["sk-kpm", KATINGAN, "--desa"], 2, "Opsi '--desa' memerlukan nilai."),
    (["check", KATINGAN, "--md"], 2, "Opsi '--md' memerlukan nilai."),
    (["status", KATINGAN, "--per", "2025-13-01"], 2, "'2025-13-01' bukan tanggal yang sah (tulis TTTT-BB-HH)."),
    (["status", KATINGAN, "--paraf", "sk"], 2, "'sk' bukan salah satu dari 'perbup', 'tim_penyusun'."),
    (["status", KATINGAN, "--paraf", "perbup"], 2, "--paraf memerlukan --jabatan"),
    (["init"], 2, "Argumen belum ditulis: 'KODE'."),
    (["init", "99.99"], 2, "bukan kode kabupaten/kota"),
    (["roster-templat"], 2, "Argumen belum ditulis: 'TUJUAN'."),
    (["roster-templat", "r.csv"], 2, "templat roster harus berakhiran .xlsx"),
    (["validate", "tidak-ada"], 2, "berkas atau folder konfigurasi tidak ditemukan"),
    (["schema", "lebih"], 2, "Argumen berlebih yang tidak dikenal (lebih)"),
    (["impor"], 2, "Argumen belum ditulis: 'BERKAS'."),
    (["impor", "tidak-ada.docx", "--ocr=ya"], 2, "Opsi '--ocr' tidak menerima nilai."),
    (["impor", "tidak-ada.docx"], 2, "tidak-ada.docx"),
    (["check", "tidak-ada.pdf"], 2, "tidak-ada.pdf"),
]


@pytest.mark.parametrize("argumen,kode,harap", SALAH, ids=[" ".join(a[0:1] + a[2:]) or "-" for a, _, _ in SALAH])
def test_pemanggilan_salah_berbahasa_indonesia(argumen, kode, harap, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    hasil = CliRunner().invoke(main, argumen, prog_name="perbup-gen")
    assert hasil.exit_code == kode, hasil.output
    keluaran = hasil.output.replace(KATINGAN, "KONFIG")
    assert harap in keluaran
    assert not INGGRIS.search(keluaran), keluaran
    assert "Kesalahan internal" not in keluaran


@pytest.mark.parametrize("argumen", [["--help"], ["-h"], ["build", "-h"], ["status", "--help"], ["sk-kpm", "-h"],
                                     ["check", "-h"], ["init", "-h"], ["roster-templat", "-h"],
                                     ["impor", "-h"]])
def test_bantuan_berbahasa_indonesia(argumen):
    hasil = CliRunner().invoke(main, argumen, prog_name="perbup-gen")
    assert hasil.exit_code == 0
    assert hasil.output.startswith("Cara pakai: perbup-gen")
    assert "[OPSI]" in hasil.output and "Opsi:" in hasil.output
    # the command names themselves (build, check, ...) are the interface; the rest is Indonesian
    teks = re.sub(r"\b(build|check|checklist|init|schema|status|validate|perbup|tim-penyusun|sk-kpm|"
                  r"roster-templat|manifest\.json|status\.yaml|docx|md|html|out)\b", "", hasil.output)
    assert not INGGRIS.search(teks), hasil.output


def _tanpa_jalur(teks: str, *folder: Path) -> str:
    for f in folder:
        teks = teks.replace(str(f), "F")
    return teks


@pytest.mark.parametrize("nama", sorted(p.name for p in (AKAR / "tests" / "rawan" / "yaml").iterdir()))
def test_pesan_yaml_berbahasa_indonesia(nama, tmp_path, monkeypatch):
    """PyYAML's and pydantic's words never reach the user, for every file of the bad-YAML corpus."""
    import shutil

    (tmp_path / "kab").mkdir()
    shutil.copy(AKAR / "tests" / "rawan" / "yaml" / nama, tmp_path / "kab" / "kabupaten.yaml")
    monkeypatch.chdir(tmp_path)
    hasil = CliRunner().invoke(main, ["validate", "kab"])
    assert hasil.exit_code == 2
    teks = re.sub(r"tag YAML '[^']*'", "", hasil.output)  # the offending tag, quoted as written
    assert not INGGRIS.search(teks), hasil.output


def test_pesan_pydantic_berbahasa_indonesia(tmp_path, monkeypatch):
    """Every kind of schema error a config can make, in one file: no pydantic text, no links."""
    import shutil

    kab = tmp_path / "kab"
    shutil.copytree(AKAR / "examples" / "katingan", kab)
    utama = kab / "kabupaten.yaml"
    teks = utama.read_text(encoding="utf-8")
    for lama, baru in [("tahun: 2025", "tahun: duaribu\ntak_dikenal: 1\ntata_letak: {ukuran_huruf: 99, lebar_mm: x, "
                                       "huruf: [a]}\npemrakarsa: [x]"),
                       ("insentif: {jumlah: 400000}", "insentif: {jumlah: -5, periode: dekade}"),
                       ("pendidikan: SMA", "pendidikan: [SMA]"),
                       ("kepala_desa: {nama: Hendra Sahay}", "kepala_desa: Hendra Sahay"),
                       ("nip: \"196905051994031008\"", "nip: 123"),
                       ("kode: \"62.06.01.2002\"", "kode: 62.06.01.2002\n    tanggal_sk: 2025-02-30x")]:
        assert lama in teks, lama
        teks = teks.replace(lama, baru, 1)
    utama.write_text(teks, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    hasil = CliRunner().invoke(main, ["validate", "kab"])
    assert hasil.exit_code == 2
    assert hasil.output.count("\n  - ") >= 10, hasil.output
    assert not INGGRIS.search(hasil.output), hasil.output
