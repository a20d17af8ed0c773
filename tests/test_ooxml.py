"""Valid files (issue 11, point 6): every kind of DOCX perbup-gen writes passes the Open XML SDK's
schema and semantic validation (openxml-audit, pure Python), so that Word never offers to
"repair" a decree. Findings Word accepts are listed, with the reason, in tests/ooxml_baseline.yaml.
"""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner
from openxml_audit import FileFormat, OpenXmlValidator

from perbup_gen.cli import main

AKAR = Path(__file__).resolve().parent.parent
BASELINE = Path(__file__).resolve().parent / "ooxml_baseline.yaml"


def _bangun(konfigurasi: Path, out: Path) -> list[Path]:
    hasil = CliRunner().invoke(main, ["build", str(konfigurasi), "-o", str(out), "-q", "--force"])
    assert hasil.exit_code == 0, hasil.output
    return sorted(out.rglob("*.docx"))


@pytest.fixture(scope="module")
def semua_docx(tmp_path_factory) -> list[Path]:
    """Every kind of DOCX: the full example (Perbup, Tim Penyusun, checklist, SK KPM with one and
    with two KPM, KPM task contracts), the recap and payment list of the KPM incentive, a district with an emblem, a Tim Penyusun decreed by the head of the OPD, A4
    paper and another font, its own restyled Word template and a final (numbered) Perbup, the
    hostile-values config, and the Word template itself."""
    from test_render_docx import _png

    tmp = tmp_path_factory.mktemp("ooxml")
    gm = _bangun(AKAR / "examples" / "gunung-mas", tmp / "gm")
    sk = [p for p in gm if p.parent.name == "sk-kpm"]
    kontrak = [p for p in gm if p.parent.name == "kontrak"]
    pilihan = [p for p in gm if p.parent.name not in ("sk-kpm", "kontrak")] + [sk[0], sk[len(sk) // 2], sk[-1]] \
        + [kontrak[0], kontrak[-1]]
    assert any("62.10.01.2002" in p.name for p in pilihan)  # Sepang Kota: two KPM

    kab = tmp / "katingan"
    shutil.copytree(AKAR / "examples" / "katingan", kab)
    (kab / "lambang.png").write_bytes(_png(40, 50))
    templat = docx.Document(str(AKAR / "templates" / "dasar.docx"))  # restyled and saved, as Word would
    templat.styles["Normal"].font.size = docx.shared.Pt(13)
    templat.save(str(kab / "templat-kabupaten.docx"))
    utama = kab / "kabupaten.yaml"
    utama.write_text(utama.read_text(encoding="utf-8").replace(
        "dasar_pembentukan: uu-5-2002}", "dasar_pembentukan: uu-5-2002, lambang: lambang.png}") + (
        "tim_penyusun: {ditetapkan_oleh: kepala_opd}\n"
        "tata_letak: {lebar_mm: 210, tinggi_mm: 297, huruf: Arial, ukuran_huruf: 11}\n"
        "templat_word: templat-kabupaten.docx\n"
        "perbup: {rancangan: false, nomor: '7', tanggal_penetapan: 2025-05-20, tanggal_pengundangan: 2025-05-21,"
        " nomor_berita_daerah: '7'}\n"), encoding="utf-8")
    katingan = _bangun(kab, tmp / "kt")
    with zipfile.ZipFile(next(p for p in katingan if p.parent.name == "sk-kpm")) as z:
        assert any(n.startswith("word/media/lambang") for n in z.namelist())  # the emblem is in

    hostil = tmp / "hostil"
    hostil.mkdir()
    shutil.copy(AKAR / "tests" / "rawan" / "hostil.yaml", hostil / "kabupaten.yaml")
    # the recap and payment list of a filled evaluation workbook (landscape F4)
    r = CliRunner().invoke(main, ["insentif", str(AKAR / "tests" / "rawan" / "evaluasi-katingan-terisi.xlsx"),
                                  "-o", str(tmp / "ins")])
    assert r.exit_code == 0, r.output
    insentif = sorted((tmp / "ins").glob("*.docx"))
    assert len(insentif) == 2
    return pilihan + katingan + _bangun(hostil, tmp / "hs") + insentif + [AKAR / "templates" / "dasar.docx"]


def _temuan(path: Path, format_: FileFormat) -> list[tuple[str, str, str, str]]:
    hasil = OpenXmlValidator(file_format=format_, max_errors=1000).validate(str(path))
    return [(format_.value, e.part_uri or "", (e.path or "").rsplit("/", 1)[-1].split("[")[0], e.description)
            for e in hasil.errors]


def _baseline() -> set[tuple[str, str, str, str]]:
    out = set()
    for e in yaml.safe_load(BASELINE.read_text(encoding="utf-8")):
        assert e["why"].strip()  # every accepted finding says why Word accepts it
        for a in e["attributes"]:
            out.add((e["format"], e["part"], e["element"], e["description"].format(attribute=a)))
    return out


@pytest.mark.parametrize("format_", [FileFormat.OFFICE_2010, FileFormat.MICROSOFT_365])
def test_setiap_docx_sah_tanpa_temuan(semua_docx, format_):
    assert len(semua_docx) >= 15
    temuan = {p.relative_to(p.parents[1]).as_posix(): _temuan(p, format_) for p in semua_docx}
    assert {k: v for k, v in temuan.items() if v} == {}


def test_temuan_office_2007_hanya_yang_tercatat(semua_docx):
    baseline = _baseline()
    dilihat = set()
    for p in semua_docx:
        for t in _temuan(p, FileFormat.OFFICE_2007):
            assert t in baseline, (p.name, t)
            dilihat.add(t)
    assert dilihat == baseline  # no stale entry


def test_pemeriksa_menemukan_docx_rusak(semua_docx, tmp_path):
    """The validation can fail: the same decree with two elements out of schema order is caught."""
    asli = next(p for p in semua_docx if p.parent.name == "tim-penyusun")
    rusak = tmp_path / "rusak.docx"
    with zipfile.ZipFile(asli) as z, zipfile.ZipFile(rusak, "w", zipfile.ZIP_DEFLATED) as keluar:
        for n in z.namelist():
            data = z.read(n)
            if n == "word/document.xml":
                teks = data.decode("utf-8")
                awal = teks.index("<w:pPr><w:pStyle ")
                akhir = teks.index("/>", awal) + 2
                teks = teks[:awal] + '<w:pPr><w:jc w:val="center"/>' + teks[awal + len("<w:pPr>"):akhir] + teks[akhir:]
                data = teks.encode("utf-8")
            keluar.writestr(n, data)
    assert any("pStyle" in t[3] for t in _temuan(rusak, FileFormat.MICROSOFT_365))
