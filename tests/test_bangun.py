"""`perbup-gen build`: the whole Gunung Mas set, the manifest, same input same bytes, a changed roster
entry rewrites only that desa, hand-edited files kept without --force, PDFs through LibreOffice."""
from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from baca_docx import baca
from perbup_gen.keluaran.berkas import hash_berkas
from perbup_gen.cli import main
from perbup_gen.konfigurasi.muat import muat_konfigurasi
from perbup_gen.konfigurasi.wilayah import DaftarWilayah

AKAR = Path(__file__).resolve().parent.parent
GUNUNG_MAS = AKAR / "examples" / "gunung-mas"


def build(*args: str):
    hasil = CliRunner().invoke(main, ["build", *args])
    assert "Traceback" not in hasil.output
    return hasil


@pytest.fixture(scope="module")
def keluaran(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build") / "out"
    hasil = build(str(GUNUNG_MAS), "-o", str(out), "-q")
    assert hasil.exit_code == 0, hasil.output
    return out


def isi_folder(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_whole_set_and_summary(keluaran):
    sk = sorted(p.name for p in (keluaran / "sk-kpm").iterdir())
    desa = [w for w in DaftarWilayah.muat().keturunan("62.10") if w.tingkat == "desa"]
    kelurahan = [w for w in DaftarWilayah.muat().keturunan("62.10") if w.tingkat == "kelurahan"]
    assert len(sk) == 114 == len(desa) and len(kelurahan) == 13
    assert not any(p.startswith(tuple(w.kode for w in kelurahan)) for p in sk)
    assert sk[0] == "62.10.01.2002-sepang-kota.docx"
    assert (keluaran / "perbup" / "rancangan-perbup-peran-desa.docx").is_file()
    assert (keluaran / "tim-penyusun" / "keputusan-tim-penyusun.docx").is_file()
    assert (keluaran / "checklist" / "daftar-periksa.docx").is_file()
    assert (keluaran / "checklist" / "daftar-periksa.md").read_text(encoding="utf-8").count("| Kepala Bagian Hukum |") == 2


def test_summary_says_kelurahan_once(tmp_path):
    hasil = build(str(GUNUNG_MAS), "-o", str(tmp_path / "o"), "-q")
    assert hasil.output.count("13 kelurahan tidak dibuatkan SK KPM") == 1
    assert "SK KPM: 114 desa" in hasil.output and "Kontrak tugas: 138 KPM" in hasil.output
    # 4 documents, 114 decrees, 138 contracts, the evaluation workbook, the recap, the register,
    # the check report and index.html
    assert "261 ditulis, 0 tidak berubah" in hasil.output


def test_manifest_lists_every_file_with_hash(keluaran):
    m = json.loads((keluaran / "manifest.json").read_text(encoding="utf-8"))
    berkas = {e["berkas"]: e for e in m["berkas"]}
    di_disk = isi_folder(keluaran)
    del di_disk["manifest.json"]
    assert set(berkas) == set(di_disk)
    for jalur, isi in di_disk.items():
        assert berkas[jalur]["sha256"] == hashlib.sha256(isi).hexdigest()
        assert berkas[jalur]["ukuran"] == len(isi)
    sk = berkas["sk-kpm/62.10.01.2002-sepang-kota.docx"]
    assert sk["jenis"] == "sk-kpm" and sk["desa"] == "62.10.01.2002"
    assert berkas["perbup/rancangan-perbup-peran-desa.docx"]["jenis"] == "perbup"
    assert m["hash_konfigurasi"] == hash_berkas(muat_konfigurasi(GUNUNG_MAS).berkas)
    teks = (keluaran / "manifest.json").read_text(encoding="utf-8")
    assert "tanggal" not in teks and "waktu" not in teks and "T00:" not in teks  # no clock time


def test_same_input_same_bytes(keluaran, tmp_path):
    kedua = tmp_path / "kedua"
    assert build(str(GUNUNG_MAS), "-o", str(kedua), "-q").exit_code == 0
    assert isi_folder(kedua) == isi_folder(keluaran)


def test_changed_roster_entry_rewrites_only_that_desa(tmp_path):
    konfig = tmp_path / "gm"
    shutil.copytree(GUNUNG_MAS, konfig)
    out = tmp_path / "out"
    assert build(str(konfig), "-o", str(out), "-q").exit_code == 0
    waktu = {p: p.stat().st_mtime_ns for p in out.rglob("*.docx")}
    roster = konfig / "roster.csv"
    baris = roster.read_text(encoding="utf-8").splitlines()
    i = next(i for i, b in enumerate(baris) if b.startswith("62.10.02.2003,"))
    lama = baris[i].split(",")[9]
    baris[i] = baris[i].replace(lama, "Maria Goreti Anggen", 1)
    roster.write_text("\n".join(baris) + "\n", encoding="utf-8")

    hasil = build(str(konfig), "-o", str(out), "-q")
    assert hasil.exit_code == 0, hasil.output
    # the desa's decree, the KPM's contract (a new file: the name is in it), the workbook, the
    # recap and the register; the contract under the old name is left as it is, and said so
    assert "5 ditulis, 256 tidak berubah" in hasil.output and "1 tidak lagi dihasilkan" in hasil.output
    berubah = sorted((p for p in out.rglob("*.docx") if p.stat().st_mtime_ns != waktu.get(p)), key=lambda p: p.name)
    assert [p.name for p in berubah] == ["62.10.02.2003-tanjung-riu.docx",
                                         "kontrak-62.10.02.2003-tanjung-riu-1-maria-goreti-anggen.docx"]
    for p in berubah:
        teks = "\n".join(baca(p))
        assert "Maria Goreti Anggen" in teks and lama not in teks


def test_hand_edited_file_kept_unless_force(tmp_path):
    out = tmp_path / "out"
    assert build(str(GUNUNG_MAS), "-o", str(out), "-q").exit_code == 0
    sunting = out / "perbup" / "rancangan-perbup-peran-desa.docx"
    sunting.write_bytes(b"disunting di Word")
    hasil = build(str(GUNUNG_MAS), "-o", str(out), "-q")
    assert hasil.exit_code == 0
    assert "1 dipertahankan" in hasil.output and "--force" in hasil.output
    assert sunting.read_bytes() == b"disunting di Word"
    m = {e["berkas"]: e for e in json.loads((out / "manifest.json").read_text())["berkas"]}
    assert m["perbup/rancangan-perbup-peran-desa.docx"]["dipertahankan"] is True
    hasil = build(str(GUNUNG_MAS), "-o", str(out), "-q", "--force")
    assert hasil.exit_code == 0 and "1 ditulis" in hasil.output
    assert sunting.read_bytes().startswith(b"PK")


def test_single_desa_by_name_and_kelurahan_refused(tmp_path):
    r = CliRunner().invoke(main, ["sk-kpm", str(GUNUNG_MAS), "--desa", "sepang kota", "-o", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert [p.name for p in (tmp_path / "sk-kpm").iterdir()] == ["62.10.01.2002-sepang-kota.docx"]
    r = CliRunner().invoke(main, ["sk-kpm", str(GUNUNG_MAS), "--desa", "Kurun", "-o", str(tmp_path)])
    assert r.exit_code == 2 and "tidak ada di roster" in r.output


def test_markdown_and_html_formats(tmp_path):
    for fmt in ("md", "html"):
        r = CliRunner().invoke(main, ["perbup", str(GUNUNG_MAS), "-o", str(tmp_path), "--format", fmt])
        assert r.exit_code == 0, r.output
    md = (tmp_path / "perbup" / "rancangan-perbup-peran-desa.md").read_text(encoding="utf-8")
    html = (tmp_path / "perbup" / "rancangan-perbup-peran-desa.html").read_text(encoding="utf-8")
    for teks in (md, html):
        assert "PERATURAN BUPATI GUNUNG MAS" in teks and "KETENTUAN UMUM" in teks
        assert "BERITA DAERAH KABUPATEN GUNUNG MAS" in teks


def test_pdf_beside_each_docx_in_batches_on_every_core(tmp_path, monkeypatch):
    import perbup_gen.keluaran.pdf as pdf

    panggilan = []
    asli = pdf._Konversi._run

    def catat(self, perintah, jumlah):
        panggilan.append(jumlah)
        return asli(self, perintah, jumlah)

    monkeypatch.setattr(pdf._Konversi, "_run", catat)
    konfig = tmp_path / "kt"
    shutil.copytree(AKAR / "examples" / "katingan", konfig)
    out = tmp_path / "out"
    hasil = build(str(konfig), "-o", str(out), "--pdf")
    assert hasil.exit_code == 0, hasil.output
    pdfs = sorted(str(p.relative_to(out)) for p in out.rglob("*.pdf"))
    # (Katingan sets no performance-incentive amount: no contracts)
    assert pdfs == ["checklist/daftar-periksa.pdf",
                    "perbup/rancangan-perbup-peran-desa.pdf",
                    "sk-kpm/62.06.01.2001-galinggang.pdf", "sk-kpm/62.06.01.2002-tampelas.pdf",
                    "tim-penyusun/keputusan-tim-penyusun.pdf"]
    # the files shared among one LibreOffice process per core, each file once
    assert sum(panggilan) == 5 and len(panggilan) == min(5, pdf.jumlah_proses_bawaan())
    assert "PDF/A: 5 dibuat, 0 tidak berubah" in hasil.output
    assert all((out / p).read_bytes().startswith(b"%PDF") for p in pdfs)
    # the Perbup's pages are F4: 215 x 330 mm = 609.4 x 935.4 pt
    kotak = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", (out / pdfs[1]).read_bytes())
    assert kotak and all(abs(float(w) - 609.45) < 1 and abs(float(h) - 935.43) < 1 for w, h in kotak)
    assert not [p for p in out.iterdir() if p.name.startswith(".pdf-")]  # no temporary folder left
    # a second build converts nothing: every PDF is newer than its DOCX; --force converts again
    panggilan.clear()
    hasil = build(str(konfig), "-o", str(out), "--pdf")
    assert hasil.exit_code == 0 and panggilan == [] and "PDF/A: 0 dibuat, 5 tidak berubah" in hasil.output
    hasil = build(str(konfig), "-o", str(out), "--pdf", "--force", "-q")
    assert hasil.exit_code == 0 and sum(panggilan) == 5


def test_pdf_failures_are_listed_and_stale_pdfs_removed(tmp_path, monkeypatch):
    """A conversion that fails for some files: each is named with its reason, its old PDF is
    removed (no PDF older than its DOCX is left looking current), the exit code is 1."""
    palsu = tmp_path / "soffice"
    palsu.write_text("#!/bin/sh\n# converts nothing, but the Tim Penyusun decree\n"
                     "out=''; prev=''\nfor a in \"$@\"; do [ \"$prev\" = --outdir ] && out=$a; prev=$a; done\n"
                     "for a in \"$@\"; do case $a in *keputusan-tim-penyusun.docx) "
                     "printf '%%PDF-1.7\\n%%%%EOF\\n' > \"$out/keputusan-tim-penyusun.pdf\";; esac; done\n")
    palsu.chmod(0o755)
    monkeypatch.setenv("PERBUP_GEN_SOFFICE", str(palsu))
    konfig = tmp_path / "kt"
    shutil.copytree(AKAR / "examples" / "katingan", konfig)
    out = tmp_path / "out"
    (out / "perbup").mkdir(parents=True)
    (out / "perbup" / "rancangan-perbup-peran-desa.pdf").write_bytes(b"%PDF- lama")
    hasil = build(str(konfig), "-o", str(out), "--pdf", "-q")
    assert hasil.exit_code == 1
    gagal = [b for b in hasil.output.splitlines() if "PDF GAGAL" in b]
    assert len(gagal) == 4
    assert ("  PDF GAGAL: perbup/rancangan-perbup-peran-desa.docx: LibreOffice selesai tanpa membuat "
            "PDF-nya (PDF lamanya dihapus)") in gagal
    assert "PDF/A: 1 dibuat, 0 tidak berubah, 4 dicoba ulang; 4 GAGAL" in hasil.output
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*.pdf")) == [
        "tim-penyusun/keputusan-tim-penyusun.pdf"]


def test_pdf_without_libreoffice_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PERBUP_GEN_SOFFICE", str(tmp_path / "tidak-ada"))
    import perbup_gen.keluaran.pdf as pdf

    monkeypatch.setattr(pdf, "libreoffice_tersedia", lambda: None)
    hasil = build(str(AKAR / "examples" / "katingan"), "-o", str(tmp_path / "out"), "-q", "--pdf")
    assert hasil.exit_code == 2
    assert "libreoffice-writer-nogui" in hasil.output
    assert not (tmp_path / "out").exists()


def test_district_restyled_word_template(tmp_path):
    """A district restyles templates/dasar.docx in Word and names its copy in the config: every
    document takes the new style (here: BAB headings in dark red), the rest stays as generated."""
    import docx
    from docx.shared import RGBColor

    konfig = tmp_path / "kt"
    shutil.copytree(AKAR / "examples" / "katingan", konfig)
    templat = docx.Document(str(AKAR / "templates" / "dasar.docx"))
    gaya = next(s for s in templat.styles if s.name == "Judul Bab")
    gaya.font.color.rgb = RGBColor(0x80, 0x00, 0x00)
    templat.save(str(konfig / "templat-katingan.docx"))
    teks = (konfig / "kabupaten.yaml").read_text(encoding="utf-8")
    (konfig / "kabupaten.yaml").write_text(teks.replace("tahun: 2025", "tahun: 2025\ntemplat_word: templat-katingan.docx"), encoding="utf-8")
    r = CliRunner().invoke(main, ["perbup", str(konfig), "-o", str(tmp_path / "out")])
    assert r.exit_code == 0, r.output
    hasil = docx.Document(str(tmp_path / "out" / "perbup" / "rancangan-perbup-peran-desa.docx"))
    bab = [p for p in hasil.paragraphs if p.style.name == "Judul Bab"]
    assert [p.text for p in bab[:2]] == ["BAB I", "KETENTUAN UMUM"]
    assert hasil.styles["Judul Bab"].font.color.rgb == RGBColor(0x80, 0x00, 0x00)
    # a missing template is a config error naming the field
    (konfig / "templat-katingan.docx").unlink()
    r = CliRunner().invoke(main, ["perbup", str(konfig), "-o", str(tmp_path / "out2")])
    assert r.exit_code == 2 and "[templat_word]: templat Word tidak ditemukan" in r.output
