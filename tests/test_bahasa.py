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
    (["build", KATINGAN, "--format", "pdf"], 2, "'pdf' bukan salah satu dari 'docx', 'md', 'html'."),
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
                                     ["check", "-h"], ["init", "-h"], ["roster-templat", "-h"]])
def test_bantuan_berbahasa_indonesia(argumen):
    hasil = CliRunner().invoke(main, argumen, prog_name="perbup-gen")
    assert hasil.exit_code == 0
    assert hasil.output.startswith("Cara pakai: perbup-gen")
    assert "[OPSI]" in hasil.output and "Opsi:" in hasil.output
    # the command names themselves (build, check, ...) are the interface; the rest is Indonesian
    teks = re.sub(r"\b(build|check|checklist|init|schema|status|validate|perbup|tim-penyusun|sk-kpm|"
                  r"roster-templat|manifest\.json|status\.yaml|docx|md|html|out)\b", "", hasil.output)
    assert not INGGRIS.search(teks), hasil.output
