"""Hostile input and faults (issue 7): nothing lost, nothing leaked.

1. Bad YAML of every kind (the corpus in tests/rawan/yaml/) gets an Indonesian error naming the
   file and line, exit code 2, no traceback, and `build` writes nothing.
2. Hostile values stay text: they appear literally and escaped in DOCX, Markdown and HTML, are
   never evaluated as templates, and never place a file outside the output folder.
3. Faults: an output folder that cannot be written, a disk that fills mid-batch, one desa failing,
   a batch stopped by Ctrl-C or killed: no half-written file stays, the manifest matches the disk,
   a rerun finishes the rest, failures are listed and the exit code is not 0.
"""
from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import lxml.html
import markdown
import pytest
from click.testing import CliRunner

from baca_docx import baca
from perbup_gen.proses import bangun as modul_bangun
from perbup_gen.keluaran import berkas as modul_berkas
from perbup_gen.cli import main
from perbup_gen.errors import ConfigError, PerbupGenError
from perbup_gen.konfigurasi.muat import muat_konfigurasi
from perbup_gen.konfigurasi.yaml_muat import UKURAN_MAKS, muat_yaml

AKAR = Path(__file__).resolve().parent.parent
RAWAN = Path(__file__).resolve().parent / "rawan"
KORPUS_YAML = RAWAN / "yaml"
KATINGAN = AKAR / "examples" / "katingan"
GUNUNG_MAS = AKAR / "examples" / "gunung-mas"
PYTHON = sys.executable


def jalankan(*args: str):
    hasil = CliRunner().invoke(main, list(args))
    assert "Traceback" not in hasil.output
    assert not isinstance(hasil.exception, Exception) or isinstance(hasil.exception, SystemExit), hasil.exception
    return hasil


def isi_folder(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) if folder.exists() else []


def cocok_dengan_disk(folder: Path) -> dict:
    """The manifest lists exactly the files on disk with their hashes; no temporary file is left."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    entri = {e["berkas"]: e for e in manifest["berkas"]}
    di_disk = {p.relative_to(folder).as_posix() for p in folder.rglob("*")
               if p.is_file() and p.name != "manifest.json"}
    assert set(entri) == di_disk
    for jalur, e in entri.items():
        data = (folder / jalur).read_bytes()
        assert e["sha256"] == hashlib.sha256(data).hexdigest(), jalur
        assert e["ukuran"] == len(data)
    assert not [p for p in folder.rglob("*.tmp")]
    return manifest


# --- 1. bad YAML: the corpus ---------------------------------------------------------------------

# file -> (line named in the message, or None when the problem is the whole file; message part)
KORPUS: dict[str, tuple[int | None, str]] = {
    "sintaks_kurung.yaml": (3, "kesalahan sintaks YAML: kurung [ ] atau { } tidak berpasangan"),
    "sintaks_indentasi.yaml": (4, "kesalahan sintaks YAML: struktur tidak sah (periksa indentasi)"),
    "sintaks_kutip.yaml": (4, "kesalahan sintaks YAML"),
    "dua_dokumen.yaml": (2, "lebih dari satu dokumen YAML"),
    "tab.yaml": (3, "indentasi memakai karakter TAB; YAML hanya menerima spasi"),
    "kunci_ganda.yaml": (5, "[kabupaten.nama]: kunci 'nama' ditulis dua kali (pertama di baris 4)"),
    "kunci_ganda_bersarang.yaml": (5, "[desa[0].kpm[0].nama]: kunci 'nama' ditulis dua kali (pertama di baris 5)"),
    "alias_bomb.yaml": (2, "alias/anchor berlebihan (alias bomb)"),
    "bersarang.yaml": (None, "struktur bersarang terlalu dalam"),
    "python_apply.yaml": (2, "tag YAML 'tag:yaml.org,2002:python/object/apply:os.system' tidak diizinkan"),
    "python_name.yaml": (2, "tag YAML 'tag:yaml.org,2002:python/name:os.system' tidak diizinkan"),
    "python_new.yaml": (2, "tag YAML 'tag:yaml.org,2002:python/object/new:subprocess.Popen' tidak diizinkan"),
    "tag_kustom.yaml": (2, "tag YAML '!rahasia' tidak diizinkan"),
    "kunci_gabung.yaml": (4, "kunci gabungan '<<' tidak didukung"),
    "kunci_daftar.yaml": (2, "kunci harus berupa teks"),
    "kosong.yaml": (1, "berkas kosong"),
    "komentar_saja.yaml": (1, "berkas kosong"),
    "dokumen_kosong.yaml": (2, "harus berupa pemetaan (kunci: nilai)"),
    "daftar_bukan_pemetaan.yaml": (1, "harus berupa pemetaan (kunci: nilai), bukan daftar atau teks"),
    "teks_bukan_pemetaan.yaml": (1, "harus berupa pemetaan (kunci: nilai), bukan daftar atau teks"),
    "latin1.yaml": (2, "berkas bukan UTF-8; simpan ulang sebagai UTF-8"),
    "utf16.yaml": (None, "berkas berenkode UTF-16; simpan ulang sebagai UTF-8"),
    "biner.yaml": (None, "berkas biner, bukan teks YAML"),
    "karakter_kendali.yaml": (2, "karakter kendali U+0007 tidak boleh ada"),
    "surrogat.yaml": (2, "teks memuat karakter tidak sah (surrogate"),
    "bilangan_panjang.yaml": (1, "[tahun]: bilangan bulat tidak sah atau terlalu panjang"),
    "tanggal_salah.yaml": (3, "tanggal tidak sah: '2025-13-45' (tulis TTTT-BB-HH"),
}


def test_korpus_lengkap():
    """Every file of the corpus has an expectation, and every expectation a file."""
    assert sorted(p.name for p in KORPUS_YAML.iterdir()) == sorted(KORPUS)


@pytest.mark.parametrize("nama", sorted(KORPUS))
def test_yaml_buruk_sebagai_konfigurasi_utama(nama, tmp_path, monkeypatch):
    """`build` on the bad file: exit 2, Indonesian message with file:line, nothing written."""
    baris, potongan = KORPUS[nama]
    (tmp_path / "kab").mkdir()
    shutil.copy(KORPUS_YAML / nama, tmp_path / "kab" / "kabupaten.yaml")
    monkeypatch.chdir(tmp_path)
    mulai = time.monotonic()
    hasil = jalankan("build", "kab", "-o", "out")
    assert time.monotonic() - mulai < 10  # bounded, also the alias bomb and the deep nesting
    assert hasil.exit_code == 2, hasil.output
    assert hasil.output.startswith("Konfigurasi tidak sah")
    tempat = f"kab/kabupaten.yaml:{baris}:" if baris else "kab/kabupaten.yaml"
    assert f"  - {tempat}" in hasil.output, hasil.output
    assert potongan in hasil.output, hasil.output
    assert not (tmp_path / "out").exists()  # validation happens before anything is written
    assert isi_folder(tmp_path) == ["kab", "kab/kabupaten.yaml"]


@pytest.mark.parametrize("nama", sorted(KORPUS))
def test_yaml_buruk_sebagai_berkas_sertakan(nama, tmp_path):
    """The same file included from a valid config: the message names the included file."""
    baris, potongan = KORPUS[nama]
    kab = tmp_path / "kab"
    shutil.copytree(KATINGAN, kab)
    utama = kab / "kabupaten.yaml"
    utama.write_text(utama.read_text(encoding="utf-8").replace(
        "tahun: 2025", "tahun: 2025\nsertakan: [tambahan.yaml]", 1), encoding="utf-8")
    shutil.copy(KORPUS_YAML / nama, kab / "tambahan.yaml")
    with pytest.raises(ConfigError) as e:
        muat_konfigurasi(kab)
    m = e.value.masalah[0]
    assert m.lokasi.berkas.endswith("tambahan.yaml")
    if baris is not None:
        assert m.lokasi.baris == baris, str(e.value)
    if "pemetaan" in potongan:
        assert "harus berupa pemetaan" in str(e.value)
    else:
        assert potongan in str(e.value)


def test_tag_python_tidak_pernah_dijalankan(tmp_path):
    penanda = tmp_path / "dipanggil"
    p = tmp_path / "kabupaten.yaml"
    p.write_text(f'tahun: 2025\nx: !!python/object/apply:os.system ["touch {penanda}"]\n'
                 f"y: !!python/object/apply:builtins.open ['{penanda}', 'w']\n", encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        muat_yaml(p)
    assert len(e.value.masalah) == 2
    assert not penanda.exists()


def test_alias_wajar_tetap_boleh(tmp_path):
    """Anchors and aliases used sensibly still load: only an explosion is refused."""
    p = tmp_path / "a.yaml"
    p.write_text("dasar: &p [Kader Posyandu, Guru PAUD]\nlain: *p\nlagi: *p\n", encoding="utf-8")
    data, _ = muat_yaml(p)
    assert data["lain"] == data["lagi"] == ["Kader Posyandu", "Guru PAUD"]


def test_berkas_terlalu_besar(tmp_path, monkeypatch):
    kab = tmp_path / "kab"
    kab.mkdir()
    with open(kab / "kabupaten.yaml", "wb") as f:  # sparse: cheap to make, never read whole
        f.truncate(UKURAN_MAKS + 1)
    monkeypatch.chdir(tmp_path)
    hasil = jalankan("build", "kab", "-o", "out")
    assert hasil.exit_code == 2
    assert "kab/kabupaten.yaml: berkas terlalu besar (20.971.521 bita; paling besar 20.971.520 bita)" in hasil.output
    assert not (tmp_path / "out").exists()


def test_jalur_tidak_ada_folder_dan_perangkat(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    hasil = jalankan("build", "tidak-ada", "-o", "out")
    assert hasil.exit_code == 2 and "tidak-ada: berkas atau folder konfigurasi tidak ditemukan" in hasil.output
    (tmp_path / "kosong").mkdir()
    hasil = jalankan("build", "kosong", "-o", "out")
    assert hasil.exit_code == 2 and "folder konfigurasi tidak berisi kabupaten.yaml" in hasil.output
    (tmp_path / "aneh" / "kabupaten.yaml").mkdir(parents=True)
    hasil = jalankan("build", "aneh", "-o", "out")
    assert hasil.exit_code == 2 and "ini sebuah folder, bukan berkas" in hasil.output
    # an included device would block or never end: refused before reading
    kab = tmp_path / "kab"
    shutil.copytree(KATINGAN, kab)
    utama = kab / "kabupaten.yaml"
    utama.write_text(utama.read_text(encoding="utf-8").replace(
        "tahun: 2025", "tahun: 2025\nsertakan: [/dev/zero]", 1), encoding="utf-8")
    hasil = jalankan("build", "kab", "-o", "out")
    assert hasil.exit_code == 2 and "/dev/zero: bukan berkas biasa" in hasil.output
    assert not (tmp_path / "out").exists()


# roster files: a CSV is a config file too
ROSTER: dict[str, tuple[bytes, str]] = {
    "biner": (bytes(range(256)) * 4, "berkas biner, bukan CSV"),
    "bukan_utf8": ("kode_desa,nama_desa\n62.10.01.2002,Sepang\n".encode() + b"\x81\x8d\x8f\n",
                   "roster.csv:3: berkas bukan teks UTF-8"),
    "sel_raksasa": (b'kode_desa\n"' + b"x" * 200_000 + b'"\n', "roster.csv:2: baris CSV tidak sah"),
    "kosong": (b"", "roster.csv:1: roster kosong"),
    "kolom_asing": (b"kode_desa,<script>\n62.10.01.2002,x\n", "kolom '<script>' tidak dikenal"),
}


@pytest.mark.parametrize("nama", sorted(ROSTER))
def test_roster_csv_buruk(nama, tmp_path, monkeypatch):
    data, potongan = ROSTER[nama]
    kab = tmp_path / "kab"
    shutil.copytree(GUNUNG_MAS, kab)
    (kab / "roster.csv").write_bytes(data)
    monkeypatch.chdir(tmp_path)
    hasil = jalankan("build", "kab", "-o", "out")
    assert hasil.exit_code == 2, hasil.output
    assert potongan in hasil.output, hasil.output
    assert not (tmp_path / "out").exists()


def test_roster_adalah_folder(tmp_path, monkeypatch):
    kab = tmp_path / "kab"
    shutil.copytree(GUNUNG_MAS, kab)
    (kab / "roster.csv").unlink()
    (kab / "roster.csv").mkdir()
    monkeypatch.chdir(tmp_path)
    hasil = jalankan("build", "kab", "-o", "out")
    assert hasil.exit_code == 2 and "roster harus berupa berkas" in hasil.output


# --- 2. hostile values ---------------------------------------------------------------------------

RAWAN_TEKS = [
    "A/B ../../keluar",
    "O'Brien \"Kutip\"",
    "Tom & Jerry <script>alert(document.cookie)</script> <b>tebal</b>",
    "{{ 7*7 }} {% if true %}JALAN{% endif %} {{ config.__class__ }}",
    "Tab\tAkhir",
    "مرحبا עברית RTL",  # right-to-left scripts; direction controls are refused (test_karakter_terlarang)
    "Ibu 👩\u200d⚕️ 🇮🇩",
    "*miring* [[pasal]] # judul | pipa `kode` _garis_ {#label} ~coret~ -- ---",
    "\\ \\* \\[ %s %(x)s",
]
HOSTIL = " ".join(RAWAN_TEKS)
PANJANG = "Pahu" + " Panjangnamanya" * 400  # 6,000 characters


def _kutip_yaml(s: str) -> str:
    """A YAML double-quoted scalar; control characters as escapes (raw ones are a YAML error)."""
    out = []
    for c in s:
        if c in '"\\':
            out.append("\\" + c)
        elif ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0:
            out.append(f"\\x{ord(c):02x}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def _tanpa_digit(s: str) -> str:
    # numbers in Pasal text are checked (angka + terbilang) by the build's check: keep them out
    return s.replace("7*7", "tujuh*tujuh")


@pytest.fixture(scope="module")
def konfigurasi_hostil(tmp_path_factory) -> Path:
    """A copy of the Katingan example whose Kepala Desa, KPM and kewenangan hold hostile text
    (tests/rawan/hostil.yaml is the same config, kept for manual runs)."""
    kab = tmp_path_factory.mktemp("hostil") / "kab"
    kab.mkdir()
    shutil.copy(RAWAN / "hostil.yaml", kab / "kabupaten.yaml")
    return kab


def test_korpus_hostil_sesuai_daftar():
    """tests/rawan/hostil.yaml holds exactly the strings listed here (regenerate with _tulis_hostil)."""
    assert (RAWAN / "hostil.yaml").read_text(encoding="utf-8") == _tulis_hostil()


def _tulis_hostil() -> str:
    teks = (KATINGAN / "kabupaten.yaml").read_text(encoding="utf-8")
    ganti = [
        ("kepala_desa: {nama: Hendra Sahay}", f"kepala_desa: {{nama: {_kutip_yaml('Kades ' + HOSTIL)}}}"),
        ("nama: Natalia Usup", f"nama: {_kutip_yaml('Kader ' + HOSTIL)}"),
        ("nama: Agnes Pahu", f"nama: {_kutip_yaml('Agnes ' + PANJANG)}"),
        ("kpm:\n  insentif:", f"kewenangan_desa:\n  kegiatan: [{_kutip_yaml(_tanpa_digit(HOSTIL))}]\n"
                              "kpm:\n  insentif:"),
    ]
    for lama, baru in ganti:
        assert teks.count(lama) == 1, lama
        teks = teks.replace(lama, baru)
    return teks.replace("# Contoh konfigurasi terpendek", "# Nilai rawan (tests/test_rawan.py).\n# Contoh konfigurasi terpendek")


_BUANG = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u2400-\u2421\ufffd]")


def inti(s: str) -> str:
    """The characters that must come through literally: without white space and control
    characters (which renderers drop, turn into spaces, or show as visible stand-ins)."""
    return _BUANG.sub("", s)


def _bangun_hostil(konfigurasi: Path, tmp_path: Path, format_: str) -> Path:
    out = tmp_path / "keluaran" / "out"
    sebelum = isi_folder(tmp_path)
    hasil = jalankan("build", str(konfigurasi), "-o", str(out), "--format", format_, "-q")
    assert hasil.exit_code == 0, hasil.output
    # nothing outside the output folder, every file inside it, named from the national list
    assert isi_folder(tmp_path) == sorted(set(sebelum) | {"keluaran", "keluaran/out"}
                                          | {f"keluaran/out/{p}" for p in isi_folder(out)})
    for p in out.rglob("*"):
        assert out.resolve() in p.resolve().parents
    sk = sorted(p.name for p in (out / "sk-kpm").iterdir())
    assert sk == [f"62.06.01.2001-galinggang.{format_}", f"62.06.01.2002-tampelas.{format_}"]
    cocok_dengan_disk(out)
    return out


def test_nilai_hostil_docx(konfigurasi_hostil, tmp_path):
    out = _bangun_hostil(konfigurasi_hostil, tmp_path, "docx")
    sk = out / "sk-kpm" / "62.06.01.2001-galinggang.docx"
    docx.Document(str(sk))  # Word's own reader library opens it
    teks_sk = inti("\n".join(baca(sk)))
    assert inti("Kader " + HOSTIL) in teks_sk
    assert inti(("Kades " + HOSTIL).upper()) in teks_sk  # the signature name is in capitals
    assert inti("Agnes " + PANJANG) in inti("\n".join(baca(out / "sk-kpm" / "62.06.01.2002-tampelas.docx")))
    perbup = inti("\n".join(baca(out / "perbup" / "rancangan-perbup-peran-desa.docx")))
    assert inti(_tanpa_digit(HOSTIL)) in perbup
    # never evaluated: the template syntax is there, its result is not
    for teks in (teks_sk, perbup):
        assert "{{7*7}}" in teks or "{{tujuh*tujuh}}" in teks
        assert "{%iftrue%}JALAN{%endif%}" in teks.replace("{%IFTRUE%}JALAN{%ENDIF%}", "")
    # the XML is escaped, not injected: no element from the value
    with zipfile.ZipFile(sk) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "<script>" not in xml and "&lt;script&gt;" in xml and "<b>" not in xml


def test_nilai_hostil_html(konfigurasi_hostil, tmp_path):
    out = _bangun_hostil(konfigurasi_hostil, tmp_path, "html")
    for nama in ("sk-kpm/62.06.01.2001-galinggang.html", "perbup/rancangan-perbup-peran-desa.html"):
        mentah = (out / nama).read_text(encoding="utf-8")
        assert "<script" not in mentah.lower() and "<b>" not in mentah
        pohon = lxml.html.fromstring(mentah)
        assert not pohon.xpath("//script") and not pohon.xpath("//b")
        teks = inti(pohon.text_content())
        if nama.startswith("sk-kpm"):
            assert inti("Kader " + HOSTIL) in teks
            assert inti(("Kades " + HOSTIL).upper()) in teks
        else:
            assert inti(_tanpa_digit(HOSTIL)) in teks


def test_nilai_hostil_markdown(konfigurasi_hostil, tmp_path):
    out = _bangun_hostil(konfigurasi_hostil, tmp_path, "md")
    for nama in ("sk-kpm/62.06.01.2001-galinggang.md", "perbup/rancangan-perbup-peran-desa.md"):
        mentah = (out / nama).read_text(encoding="utf-8")
        assert "<script" not in mentah and "<b>" not in mentah
        # what a Markdown viewer shows: the value, literally, and no markup from it
        html = markdown.markdown(mentah, extensions=["tables"])
        pohon = lxml.html.fromstring(f"<div>{html}</div>")
        assert not pohon.xpath("//script") and not pohon.xpath("//b") and not pohon.xpath("//code")
        # Python-Markdown predates CommonMark: it does not take "\~" (valid CommonMark, needed
        # against GFM strikethrough) as an escape, and shows the backslash
        teks = inti(pohon.text_content()).replace("\\~", "~")
        if nama.startswith("sk-kpm"):
            assert inti("Kader " + HOSTIL) in teks
            assert inti(("Kades " + HOSTIL).upper()) in teks
        else:
            assert inti(_tanpa_digit(HOSTIL)) in teks
            assert not pohon.xpath("//em[contains(., 'miring')]")


# --- 3. faults -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hasil_gunung_mas():
    return muat_konfigurasi(GUNUNG_MAS)


def test_folder_keluaran_tidak_dapat_ditulis(tmp_path):
    """The output folder's parent is a regular file (works as root too, unlike chmod)."""
    (tmp_path / "berkas.txt").write_text("x", encoding="utf-8")
    out = tmp_path / "berkas.txt" / "out"
    hasil = jalankan("build", str(KATINGAN), "-o", str(out), "-q")
    assert hasil.exit_code == 2, hasil.output
    assert f"Folder keluaran {out} tidak dapat ditulis: {tmp_path / 'berkas.txt'} adalah berkas, bukan folder." in hasil.output
    assert isi_folder(tmp_path) == ["berkas.txt"]
    # an existing regular file as the output folder
    hasil = jalankan("build", str(KATINGAN), "-o", str(tmp_path / "berkas.txt"), "-q")
    assert hasil.exit_code == 2 and "sudah ada berkas dengan nama itu (bukan folder)" in hasil.output


def test_folder_keluaran_ditolak_sistem(tmp_path, monkeypatch):
    """Every write refused (EACCES): no file, no temporary file, exit code not 0, message."""
    def tolak(*a, **k):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(modul_berkas, "_buka_tmp", tolak)
    out = tmp_path / "out"
    hasil = jalankan("build", str(KATINGAN), "-o", str(out), "--format", "md", "-q")
    assert hasil.exit_code == 2, hasil.output
    assert f"Tidak ada berkas yang dapat ditulis ke {out}:" in hasil.output
    assert "(tidak ada izin (EACCES))" in hasil.output
    assert [p for p in out.rglob("*") if p.is_file()] == []  # and no manifest of an empty run


class _OsDiskPenuh:
    """`os` for perbup_gen.keluaran.berkas whose fdopen gives a file that fails (ENOSPC) after writing
    half of its data, for the temporary files of the chosen write calls (1-based)."""

    def __init__(self, gagal: set[int]):
        self.gagal = gagal
        self.panggilan = 0

    def __getattr__(self, nama):
        return getattr(os, nama)

    def fdopen(self, fd, mode="r", *a, **k):
        f = os.fdopen(fd, mode, *a, **k)
        self.panggilan += 1
        if self.panggilan not in self.gagal:
            return f

        class Penuh:
            def __enter__(self_):
                return self_

            def __exit__(self_, *exc):
                f.close()

            def write(self_, data):
                f.write(data[: len(data) // 2])
                f.flush()
                raise OSError(errno.ENOSPC, "No space left on device")

            def __getattr__(self_, nama):
                return getattr(f, nama)

        return Penuh()


def test_disk_penuh_di_tengah(hasil_gunung_mas, tmp_path, monkeypatch):
    out = tmp_path / "out"
    os_palsu = _OsDiskPenuh({5, 40, 41})
    monkeypatch.setattr(modul_berkas, "os", os_palsu)
    laporan, catatan = modul_bangun.bangun_semua(hasil_gunung_mas, out, "md")
    monkeypatch.undo()
    # 117 documents (md: no extra checklist copy), 138 contracts, the workbook, recap, register,
    # check report, index, and the manifest: the others went on
    assert os_palsu.panggilan == 261
    gagal = [j for j, _ in laporan.gagal]
    assert len(gagal) == 3 and all(j.startswith("sk-kpm/") for j in gagal)
    assert all(alasan == "disk penuh (ENOSPC)" for _, alasan in laporan.gagal)
    assert len(laporan.ditulis) == 257 and not catatan.gagal
    for j in gagal:
        assert not (out / j).exists()
        assert f"gagal: {j} (disk penuh (ENOSPC))" in laporan.rincian()
    manifest = cocok_dengan_disk(out)  # half-written temporary files were removed
    assert len(manifest["berkas"]) == 257
    # the rerun writes exactly the missing files
    laporan2, _ = modul_bangun.bangun_semua(hasil_gunung_mas, out, "md")
    assert sorted(laporan2.ditulis) == sorted(gagal) and not laporan2.gagal
    assert len(laporan2.tidak_berubah) == 257
    assert len(cocok_dengan_disk(out)["berkas"]) == 260


def test_disk_penuh_lewat_cli(tmp_path, monkeypatch):
    out = tmp_path / "out"
    monkeypatch.setattr(modul_berkas, "os", _OsDiskPenuh({2}))
    hasil = jalankan("build", str(KATINGAN), "-o", str(out), "--format", "md", "-q")
    monkeypatch.undo()
    assert hasil.exit_code == 1, hasil.output
    assert "gagal: tim-penyusun/keputusan-tim-penyusun.md (disk penuh (ENOSPC))" in hasil.output
    assert "1 gagal" in hasil.output
    cocok_dengan_disk(out)
    assert not (out / "tim-penyusun" / "keputusan-tim-penyusun.md").exists()
    assert (out / "sk-kpm" / "62.06.01.2002-tampelas.md").exists()


def _satu_desa_rusak(monkeypatch) -> None:
    from perbup_gen.dokumen.sk_kpm import PembangunSKKPM

    asli = PembangunSKKPM.bangun

    def bangun(self, desa):
        if desa.kode == "62.10.01.2003":
            raise RuntimeError("data rusak untuk desa ini")
        if desa.kode == "62.10.02.2002":
            raise PerbupGenError("nomor SK tidak sah")
        return asli(self, desa)

    monkeypatch.setattr(PembangunSKKPM, "bangun", bangun)


def test_satu_desa_gagal_yang_lain_jalan(hasil_gunung_mas, tmp_path, monkeypatch):
    """Even an unexpected exception (a bug met by one desa's data) stops only that desa."""
    _satu_desa_rusak(monkeypatch)
    out = tmp_path / "out"
    laporan, catatan = modul_bangun.bangun_semua(hasil_gunung_mas, out, "md")
    assert catatan.gagal == [
        ("62.10.01.2003 Tewai Baru", "kesalahan internal: RuntimeError: data rusak untuk desa ini"),
        (catatan.gagal[1][0], "nomor SK tidak sah"),
    ] and catatan.gagal[1][0].startswith("62.10.02.2002 ")
    assert catatan.jumlah_sk_kpm == 112 and laporan.berhasil
    sk = list((out / "sk-kpm").iterdir())
    assert len(sk) == 112 and not any(p.name.startswith(("62.10.01.2003", "62.10.02.2002")) for p in sk)
    cocok_dengan_disk(out)


def test_satu_desa_gagal_lewat_cli(tmp_path, monkeypatch):
    """Through the CLI (with --force past the pre-build check, which also sees the failure):
    each failure listed with its reason, the others written, exit code 1."""
    from perbup_gen.dokumen.sk_kpm import PembangunSKKPM

    asli = PembangunSKKPM.bangun

    def bangun(self, desa):
        if desa.kode == "62.10.02.2002":
            raise PerbupGenError("nomor SK tidak sah")
        return asli(self, desa)

    monkeypatch.setattr(PembangunSKKPM, "bangun", bangun)
    out = tmp_path / "out"
    hasil = jalankan("build", str(GUNUNG_MAS), "-o", str(out), "--format", "md", "-q", "--force")
    assert hasil.exit_code == 1, hasil.output
    assert "GAGAL: 62.10.02.2002 Petak Bahandang: nomor SK tidak sah" in hasil.output
    assert "SK KPM: 113 desa" in hasil.output
    assert len(list((out / "sk-kpm").iterdir())) == 113
    cocok_dengan_disk(out)
    # without --force the check stops the build first: nothing is written
    hasil = jalankan("build", str(GUNUNG_MAS), "-o", str(tmp_path / "lain"), "--format", "md", "-q")
    assert hasil.exit_code == 1 and "nomor SK tidak sah" in hasil.output
    assert not (tmp_path / "lain").exists()


# --- killed and interrupted batches (a real process) ---------------------------------------------

# The CLI in a subprocess, with each rename slowed down a little so a signal lands mid-batch, and
# most likely while a temporary file exists.
_PEMBUNGKUS = """
import os, sys, time
from perbup_gen.keluaran import berkas

class _Lambat:
    def __getattr__(self, nama):
        return getattr(os, nama)

    def replace(self, a, b):
        time.sleep(0.02)
        os.replace(a, b)

berkas.os = _Lambat()
from perbup_gen.cli import main
sys.argv = ["perbup-gen"] + sys.argv[1:]
main()
"""


def _mulai_build(out: Path, *opsi: str) -> subprocess.Popen:
    return subprocess.Popen(
        [PYTHON, "-c", _PEMBUNGKUS, "build", str(GUNUNG_MAS), "-o", str(out), *opsi],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )


def _tunggu_sk(proses: subprocess.Popen, out: Path, jumlah: int) -> None:
    batas = time.monotonic() + 60
    while time.monotonic() < batas:
        folder = out / "sk-kpm"
        if folder.is_dir() and len([p for p in folder.iterdir() if p.suffix == ".docx"]) >= jumlah:
            return
        assert proses.poll() is None, proses.communicate()
        time.sleep(0.01)
    raise AssertionError("build tidak menulis SK KPM dalam 60 detik")


def _docx_utuh(out: Path) -> None:
    for p in out.rglob("*.docx"):
        with zipfile.ZipFile(p) as z:
            assert z.testzip() is None, p


def test_build_dibunuh_lalu_diulang(tmp_path):
    out = tmp_path / "out"
    proses = _mulai_build(out, "-q")
    _tunggu_sk(proses, out, 20)
    proses.send_signal(signal.SIGKILL)
    proses.communicate(timeout=30)
    assert proses.returncode == -signal.SIGKILL
    sk = [p for p in (out / "sk-kpm").iterdir() if p.suffix == ".docx"]
    assert 20 <= len(sk) < 114  # stopped midway
    # a kill leaves whole files only; a temporary file may remain, with our own name pattern
    _docx_utuh(out)
    sisa = [p for p in out.rglob("*") if p.is_file() and p.suffix not in (".docx", ".md", ".json", ".xlsx")]
    assert all(re.fullmatch(r"\..+\.[a-z0-9_]{8}\.tmp", p.name) for p in sisa), sisa
    ada = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.suffix in (".docx", ".md", ".xlsx")}
    # the rerun removes the leftovers, keeps what the killed run wrote (same bytes) and finishes
    hasil = jalankan("build", str(GUNUNG_MAS), "-o", str(out), "-q")
    assert hasil.exit_code == 0, hasil.output
    assert "SK KPM: 114 desa" in hasil.output
    assert f"{261 - len(ada)} ditulis, {len(ada)} tidak berubah" in hasil.output  # recap, register, report, index last
    manifest = cocok_dengan_disk(out)
    assert len(manifest["berkas"]) == 261
    assert len([e for e in manifest["berkas"] if e["jenis"] == "sk-kpm"]) == 114
    assert not any(e.get("dipertahankan") for e in manifest["berkas"])


def test_build_ctrl_c(tmp_path):
    out = tmp_path / "out"
    proses = _mulai_build(out)  # with the progress bar
    _tunggu_sk(proses, out, 20)
    proses.send_signal(signal.SIGINT)
    keluaran, galat = proses.communicate(timeout=60)
    assert proses.returncode == 130, (keluaran, galat)
    assert "Dihentikan oleh pengguna." in galat
    assert "Traceback" not in galat + keluaran and "KeyboardInterrupt" not in galat
    manifest = cocok_dengan_disk(out)  # written on the way out, temporary files removed
    jumlah = len([e for e in manifest["berkas"] if e["jenis"] == "sk-kpm"])
    assert 20 <= jumlah < 114
    _docx_utuh(out)
    hasil = jalankan("build", str(GUNUNG_MAS), "-o", str(out), "-q")
    assert hasil.exit_code == 0, hasil.output
    # the rest of the decrees, 138 contracts, the workbook, recap, register, report, index
    assert f"{257 - jumlah} ditulis, {4 + jumlah} tidak berubah" in hasil.output
    assert len(cocok_dengan_disk(out)["berkas"]) == 261


def test_sisa_tmp_pola_sendiri_dibersihkan_lainnya_tidak(tmp_path):
    """Only leftovers of our own pattern are removed; a user's file that looks similar stays."""
    from perbup_gen.keluaran.berkas import BerkasKeluaran, tulis_semua

    out = tmp_path / "out"
    (out / "sk").mkdir(parents=True)
    sisa = [out / ".manifest.json.k2j_9xq1.tmp", out / "sk" / ".a.docx.abcdefgh.tmp"]
    milik_pengguna = [out / "sk" / "catatan.tmp", out / "sk" / ".a.docx.pendek.tmp", out / "sk" / "a.docx.abcdefgh.tmp"]
    for p in sisa + milik_pengguna:
        p.write_bytes(b"x")
    laporan = tulis_semua(out, [BerkasKeluaran("sk/a.docx", b"isi", "sk-kpm")], "h")
    assert laporan.ditulis == ["sk/a.docx"]
    assert not any(p.exists() for p in sisa)
    assert all(p.exists() for p in milik_pengguna)
