"""The web app in-process (Starlette's TestClient): the attacks a web app adds to those of the
command line, and the flows a browser test does not cover (status with comments, preview with
findings, start from a kabupaten code)."""
from __future__ import annotations

import io
import re
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from perbup_gen.cli import main
from perbup_gen.web.aplikasi import Pengaturan, buat_aplikasi
from web_bantu import CONTOH, baris_roster_gunung_mas, xlsx_roster

KABUPATEN_YAML = (CONTOH / "gunung-mas" / "kabupaten.yaml").read_bytes()
ROSTER_CSV = (CONTOH / "gunung-mas" / "roster.csv").read_bytes()


def _csrf(teks: str) -> str:
    return re.search(r'name="_csrf" value="([^"]+)"', teks).group(1)


@pytest.fixture
def data(tmp_path):
    d = tmp_path / "data"
    d.mkdir()
    return d


@pytest.fixture
def klien(data, tmp_path):
    sumber = tmp_path / "sumber"
    sumber.mkdir()
    app = buat_aplikasi(Pengaturan(folder_data=data, folder_sumber=sumber, sandi=None, pekerja=1))
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        c.csrf = _csrf(c.get("/").text)
        yield c


def _tunggu(klien, lokasi: str) -> dict:
    id_tugas = lokasi.rsplit("/", 1)[-1]
    for _ in range(600):
        d = klien.get(f"/tugas/{id_tugas}.json").json()
        if d["keadaan"] in ("selesai", "gagal"):
            return d
        time.sleep(0.1)
    raise AssertionError("pekerjaan tidak selesai")


def _unggah(klien, files: dict) -> dict:
    r = klien.post("/unggah", data={"_csrf": klien.csrf}, files=files, follow_redirects=False)
    assert r.status_code == 303, r.text
    return _tunggu(klien, r.headers["location"])


def _folder_sesi(data: Path) -> list[Path]:
    return sorted(p for p in (data / "sesi").iterdir() if p.is_dir())


# --- uploads -------------------------------------------------------------------------------------


def test_nama_unggahan_tidak_menjadi_jalur(klien, data, tmp_path):
    """File names with folders and '..' are only shown back; the files are stored under our names."""
    t = _unggah(klien, {"konfigurasi": ("../../../../kabupaten.yaml", KABUPATEN_YAML),
                        "roster": ("../../jahat/<i>roster.csv", ROSTER_CSV)})
    assert t["keadaan"] == "selesai" and t["hasil"]["sah"]
    (sesi,) = _folder_sesi(data)
    assert sorted(p.name for p in (sesi / "kabupaten").iterdir()) == ["kabupaten.yaml", "roster.csv"]
    assert not (tmp_path / "kabupaten.yaml").exists() and not (tmp_path / "jahat").exists()
    halaman = klien.get("/").text
    assert "(dari <q>&lt;i&gt;roster.csv</q>)" in halaman and "<i>roster" not in halaman  # shown, escaped, no folders
    assert "0 galat" in halaman


def test_konfigurasi_yang_merujuk_berkas_di_luar_ditolak(klien):
    jahat = KABUPATEN_YAML.replace(b"roster: roster.csv", b"roster: roster.csv\nsertakan: [/etc/passwd, ../../rahasia.yaml]")
    t = _unggah(klien, {"konfigurasi": ("kabupaten.yaml", jahat), "roster": ("r.csv", ROSTER_CSV)})
    assert t["hasil"] == {"sah": False, "jumlah_masalah": 2}
    halaman = klien.get("/").text
    assert "hanya berkas di dalam folder konfigurasi yang boleh disertakan; &#39;/etc/passwd&#39;" in halaman
    assert "root:" not in halaman


def test_unggahan_terlalu_besar(klien, data):
    r = klien.post("/unggah", data={"_csrf": klien.csrf}, files={"roster": ("r.csv", b"x" * (13 * 1024 * 1024))})
    assert r.status_code == 413 and "terlalu besar" in r.text
    r = klien.post("/unggah", data={"_csrf": klien.csrf}, files={"roster": ("r.csv", b"x" * (10 * 1024 * 1024 + 1))})
    assert r.status_code == 413 and "Berkas roster terlalu besar" in r.text
    (sesi,) = _folder_sesi(data)
    assert list((sesi / "kabupaten").iterdir()) == []


def _bom_zip(megabita: int = 8) -> bytes:
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("xl/worksheets/sheet1.xml", "w") as f:
            nol = b"\0" * (1024 * 1024)
            for _ in range(megabita):
                f.write(nol)
    return keluar.getvalue()


def test_bom_zip_xlsx_ditolak_sebelum_dibuka(klien):
    bom = _bom_zip()
    assert len(bom) < 100_000
    t = _unggah(klien, {"konfigurasi": ("kabupaten.yaml", KABUPATEN_YAML), "roster": ("roster.xlsx", bom)})
    assert t["hasil"]["sah"] is False
    halaman = klien.get("/").text
    assert "roster.xlsx" in halaman and "berkas Excel ditolak" in halaman and "bom zip" in halaman


def test_batas_zip_terurai(tmp_path):
    from perbup_gen.errors import ConfigError
    from perbup_gen.konfigurasi.arsip import periksa_zip

    path = tmp_path / "r.xlsx"
    path.write_bytes(xlsx_roster(baris_roster_gunung_mas()))
    periksa_zip(path, "r.xlsx")  # a real roster passes
    with pytest.raises(ConfigError, match="terurai menjadi"):
        periksa_zip(path, "r.xlsx", ukuran_maks=10_000)
    path.write_bytes(b"PK\x03\x04 bukan zip")
    with pytest.raises(ConfigError, match="isinya bukan arsip ZIP"):
        periksa_zip(path, "r.xlsx")


# --- CSRF, origin, host, password ----------------------------------------------------------------


def test_tanpa_token_csrf_ditolak(klien, data):
    files = {"konfigurasi": ("kabupaten.yaml", KABUPATEN_YAML)}
    r = klien.post("/unggah", files=files)
    assert r.status_code == 403 and "CSRF" in r.text
    r = klien.post("/unggah", data={"_csrf": "0" * 64}, files=files)
    assert r.status_code == 403
    r = klien.post("/baru", data={"_csrf": klien.csrf, "kode": "62.10"}, headers={"Origin": "http://jahat.example"})
    assert r.status_code == 403 and "situs lain" in r.text
    (sesi,) = _folder_sesi(data)
    assert list((sesi / "kabupaten").iterdir()) == []  # nothing was stored


def test_token_sesi_lain_ditolak(klien, data):
    """A token is bound to its session: another browser's token does not work here."""
    with TestClient(klien.app, base_url="http://127.0.0.1:8000") as lain:
        token_lain = _csrf(lain.get("/").text)
        assert token_lain != klien.csrf
        r = klien.post("/baru", data={"_csrf": token_lain, "kode": "62.10"})
        assert r.status_code == 403
    assert len(_folder_sesi(data)) == 2


def test_host_asing_ditolak_di_lokal(klien):
    r = klien.get("/", headers={"Host": "jahat.example"})
    assert r.status_code == 400


def test_host_bukan_lokal_tanpa_sandi_tidak_dijalankan(tmp_path, monkeypatch):
    monkeypatch.delenv("PERBUP_GEN_SANDI", raising=False)
    r = CliRunner().invoke(main, ["web", str(tmp_path), "--host", "0.0.0.0"])
    assert r.exit_code == 2
    assert "perlu kata sandi" in r.output and "PERBUP_GEN_SANDI" in r.output
    assert not (tmp_path / ".perbup-gen-web").exists()
    monkeypatch.setenv("PERBUP_GEN_SANDI", "pendek")
    r = CliRunner().invoke(main, ["web", str(tmp_path), "--host", "192.0.2.1"])
    assert r.exit_code == 2 and "terlalu pendek" in r.output


def test_sandi_diminta(data):
    app = buat_aplikasi(Pengaturan(folder_data=data, folder_sumber=None, sandi="kuda-lumping-42", host_lokal=False, pekerja=1))
    with TestClient(app, base_url="http://192.0.2.1:8000") as c:
        r = c.get("/", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/masuk"
        assert c.get("/unduh/konfigurasi.zip", follow_redirects=False).headers["location"] == "/masuk"
        halaman = c.get("/masuk").text
        csrf = _csrf(halaman)
        r = c.post("/masuk", data={"_csrf": csrf, "sandi": "salah"})
        assert r.status_code == 401 and "Kata sandi salah" in r.text
        r = c.post("/baru", data={"_csrf": csrf, "kode": "62.10"}, follow_redirects=False)
        assert r.headers["location"] == "/masuk"
        r = c.post("/masuk", data={"_csrf": csrf, "sandi": "kuda-lumping-42"}, follow_redirects=False)
        assert r.headers["location"] == "/"
        assert "Mulai dari kode kabupaten" in c.get("/").text


def test_sesi_terpisah(klien, data):
    t = _unggah(klien, {"konfigurasi": ("kabupaten.yaml", KABUPATEN_YAML), "roster": ("r.csv", ROSTER_CSV)})
    assert t["hasil"]["sah"]
    assert klien.get("/unduh/roster").content == ROSTER_CSV
    with TestClient(klien.app, base_url="http://127.0.0.1:8000") as lain:
        assert lain.get("/unduh/roster").status_code == 404
        assert lain.get("/pratinjau/perbup").status_code in (404, 422)
        lain.cookies.set("perbup_sesi", "../../" + "a" * 37)  # not our form: a new session, nothing read
        assert lain.get("/unduh/roster").status_code == 404


def test_buka_folder_hanya_dari_daftar(klien, tmp_path):
    import shutil

    shutil.copytree(CONTOH / "gunung-mas", tmp_path / "sumber" / "gunung-mas")
    assert "<option>gunung-mas</option>" in klien.get("/").text
    r = klien.post("/buka", data={"_csrf": klien.csrf, "folder": "../sumber/gunung-mas"})
    assert r.status_code == 400 and "tidak ada dalam daftar" in r.text
    r = klien.post("/buka", data={"_csrf": klien.csrf, "folder": "gunung-mas"}, follow_redirects=False)
    assert _tunggu(klien, r.headers["location"])["hasil"]["sah"]


# --- flows ---------------------------------------------------------------------------------------


def test_status_dari_web_menyimpan_komentar(klien, data):
    _unggah(klien, {"konfigurasi": ("kabupaten.yaml", KABUPATEN_YAML), "roster": ("r.csv", ROSTER_CSV)})
    (sesi,) = _folder_sesi(data)
    status = sesi / "kabupaten" / "status.yaml"
    status.write_text("# dicatat Bagian Hukum\ntahapan:\n  t1-tim: 2025-01-20  # SK di lemari\n", encoding="utf-8")
    r = klien.post("/status/tahap", data={"_csrf": klien.csrf, "kode": "t1-reviu", "tanggal": "2025-02-10", "catatan": "rapat"},
                   follow_redirects=False)
    assert r.status_code == 303
    r = klien.post("/status/paraf", data={"_csrf": klien.csrf, "dokumen": "perbup", "jabatan": "Kepala Bagian Hukum",
                                          "tanggal": "2025-04-20"}, follow_redirects=False)
    assert r.status_code == 303
    teks = status.read_text(encoding="utf-8")
    assert "# dicatat Bagian Hukum" in teks and "t1-tim: 2025-01-20  # SK di lemari" in teks
    assert "t1-reviu: {selesai: 2025-02-10, catatan: rapat}" in teks
    assert "{jabatan: Kepala Bagian Hukum, tanggal: 2025-04-20}" in teks
    halaman = klien.get("/status").text
    assert "selesai 10 Februari 2025" in halaman and "sudah, 20 April 2025" in halaman
    r = klien.post("/status/tahap", data={"_csrf": klien.csrf, "kode": "t9-tidak-ada", "tanggal": "2025-02-10"})
    assert r.status_code == 422 and "kode langkah &#39;t9-tidak-ada&#39; tidak dikenal" in r.text
    r = klien.post("/status/tahap", data={"_csrf": klien.csrf, "kode": "t1-reviu", "tanggal": "10/02/2025"})
    assert r.status_code == 400 and "TTTT-BB-HH" in r.text


def test_pratinjau_menandai_temuan(klien, data):
    """A finding of the check is marked in the preview at its Pasal/Mengingat item."""
    t = _unggah(klien, {"konfigurasi": ("kabupaten.yaml", KABUPATEN_YAML), "roster": ("r.csv", ROSTER_CSV)})
    assert t["hasil"]["peringatan"] > 0
    import json

    (sesi,) = _folder_sesi(data)
    laporan = json.loads((sesi / "periksa.json").read_text(encoding="utf-8"))
    perbup = [x for x in laporan["temuan"] if x["dokumen"] == "Peraturan Bupati"]
    assert perbup
    halaman = klien.get("/pratinjau/perbup").text
    assert f"{len(perbup)} temuan pemeriksaan" in halaman
    naskah = klien.get("/naskah/perbup")
    assert "default-src 'none'" in naskah.headers["content-security-policy"]
    pertama = perbup[0]
    blok = re.search(r'<aside class="temuan (\w+)" id="temuan-1"><strong>1\. \w+</strong> \(([^)]*(?:\([^)]*\))?[^)]*)\): (.*?)</aside>', naskah.text)
    assert blok and blok.group(1) == pertama["tingkat"]
    # the marker sits inside the document body, after the text it concerns
    assert naskah.text.index('id="temuan-1"') > naskah.text.index("<main")


def test_mulai_dari_kode_lalu_isian(klien, data):
    r = klien.post("/baru", data={"_csrf": klien.csrf, "kode": "62.06"}, follow_redirects=False)
    assert r.headers["location"] == "/isian"
    halaman = klien.get("/isian").text
    assert "Nama Bupati/Wali Kota" in halaman
    (sesi,) = _folder_sesi(data)
    xlsx = klien.get("/unduh/roster")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    r = klien.post("/isian", data={"_csrf": klien.csrf, "isian1": "Kasongan", "isian3": "Sakariyas", "isian9": "500000"},
                   follow_redirects=False)
    t = _tunggu(klien, r.headers["location"])
    assert t["hasil"]["sah"] is False  # still missing fields: named, with the file and line
    teks = (sesi / "kabupaten" / "kabupaten.yaml").read_text(encoding="utf-8")
    assert 'ibu_kota: "Kasongan"' in teks and "jumlah: 500000" in teks and 'nama: "Sakariyas"' in teks
    assert "kabupaten.yaml" in klien.get("/").text
    assert klien.post("/baru", data={"_csrf": klien.csrf, "kode": "99.99"}).status_code == 400


def test_bangun_dan_unduh_satu_dokumen(klien):
    _unggah(klien, {"konfigurasi": ("kabupaten.yaml", KABUPATEN_YAML), "roster": ("r.csv", ROSTER_CSV)})
    assert klien.get("/unduh/dokumen/perbup.docx").status_code == 404  # not built yet
    r = klien.post("/bangun", data={"_csrf": klien.csrf}, follow_redirects=False)
    t = _tunggu(klien, r.headers["location"])
    assert t["keadaan"] == "selesai" and t["hasil"]["sk_kpm"] == 114
    from baca_docx import baca

    docx = klien.get("/unduh/dokumen/sk-kpm-62.10.01.2002.docx")
    assert docx.status_code == 200
    assert "attachment" in docx.headers["content-disposition"] and "62.10.01.2002-sepang-kota.docx" in docx.headers["content-disposition"]
    assert "Marlina Pahu" in "\n".join(baca(docx.content))
    assert klien.get("/unduh/dokumen/..%2F..%2Fsesi.json").status_code == 404


def test_satu_pekerjaan_sekaligus_per_sesi(klien, data):
    """A second job (or an upload) while one runs in the same session is refused."""
    import json
    from concurrent.futures import Future

    _unggah(klien, {"konfigurasi": ("kabupaten.yaml", KABUPATEN_YAML), "roster": ("r.csv", ROSTER_CSV)})
    (sesi,) = _folder_sesi(data)
    id_tugas = json.loads((sesi / "sesi.json").read_text())["tugas"]
    jalan = sesi / "tugas" / f"{id_tugas}.json"
    jalan.write_text(json.dumps({"id": id_tugas, "jenis": "bangun", "keadaan": "berjalan", "tahap": "membuat dokumen"}))
    web = klien.app.state.web
    web.tugas_kerja._berjalan[id_tugas] = Future()  # as if its worker were still busy
    r = klien.post("/periksa", data={"_csrf": klien.csrf})
    assert r.status_code == 409 and "Masih ada pekerjaan" in r.text
    r = klien.post("/unggah", data={"_csrf": klien.csrf}, files={"roster": ("r.csv", ROSTER_CSV)})
    assert r.status_code == 409
    # a job this server does not run (stopped before it ended) is reported as cut off
    del web.tugas_kerja._berjalan[id_tugas]
    assert "terputus" in klien.get(f"/tugas/{id_tugas}.json").json()["pesan"]


def test_muat_terkurung(tmp_path):
    """muat_konfigurasi(terkurung=True): every file the config names stays inside its folder, links
    included; without it (the command line) a district may point next door."""
    import shutil

    from perbup_gen.errors import ConfigError
    from perbup_gen.konfigurasi.muat import muat_konfigurasi

    luar = tmp_path / "luar.csv"
    luar.write_bytes(ROSTER_CSV)
    folder = tmp_path / "gm"
    shutil.copytree(CONTOH / "gunung-mas", folder)
    (folder / "roster.csv").unlink()
    (folder / "tautan.csv").symlink_to(luar)
    for rujukan, pesan in (("../luar.csv", "'../luar.csv' berada di luarnya"), ("tautan.csv", "'tautan.csv' berada di luarnya"),
                           (str(luar), "berada di luarnya")):
        teks = KABUPATEN_YAML.decode().replace("roster: roster.csv", f"roster: {rujukan}\ntemplat_word: /etc/hostname")
        (folder / "kabupaten.yaml").write_text(teks, encoding="utf-8")
        with pytest.raises(ConfigError) as e:
            muat_konfigurasi(folder, terkurung=True)
        assert [m.lokasi.jalur for m in e.value.masalah] == ["roster", "templat_word"]
        assert pesan in e.value.masalah[0].pesan and e.value.masalah[0].lokasi.baris is not None
    (folder / "kabupaten.yaml").write_text(KABUPATEN_YAML.decode().replace("roster: roster.csv", "roster: ../luar.csv"), encoding="utf-8")
    assert len(muat_konfigurasi(folder).konfigurasi.desa) == 114


def test_bangun_memeriksa_lagi_bila_berkas_berubah(klien, data):
    """The build skips the check only when the check job saw exactly these files without error."""
    _unggah(klien, {"konfigurasi": ("kabupaten.yaml", KABUPATEN_YAML), "roster": ("r.csv", ROSTER_CSV)})
    (sesi,) = _folder_sesi(data)
    roster = sesi / "kabupaten" / "roster.csv"
    # changed behind the app's back: the KPM of Sepang Kota becomes its own Kepala Desa (a check error)
    roster.write_bytes(ROSTER_CSV.replace(b"Rudi Nahan,25,,1205000000,759000000,83490000,Marlina Pahu",
                                          b"Rudi Nahan,25,,1205000000,759000000,83490000,Rudi Nahan"))
    r = klien.post("/bangun", data={"_csrf": klien.csrf}, follow_redirects=False)
    t = _tunggu(klien, r.headers["location"])
    assert t["keadaan"] == "gagal" and "Pemeriksaan menemukan galat" in t["pesan"]
    assert not (sesi / "keluaran" / "set.zip").exists()
    r = klien.post("/bangun", data={"_csrf": klien.csrf, "paksa": "ya"}, follow_redirects=False)
    assert _tunggu(klien, r.headers["location"])["keadaan"] == "selesai"


def test_pdf_dari_web(klien):
    """"juga PDF": the set's DOCX converted in one LibreOffice run, a ZIP of the PDFs, one PDF alone."""
    from conftest import perlu_program

    perlu_program("soffice")
    baris = ROSTER_CSV.decode().splitlines()
    kecil = "\n".join([baris[0]] + [b for b in baris[1:] if b.startswith("62.10.01.2002")]) + "\n"
    _unggah(klien, {"konfigurasi": ("kabupaten.yaml", KABUPATEN_YAML), "roster": ("r.csv", kecil.encode())})
    r = klien.post("/bangun", data={"_csrf": klien.csrf, "pdf": "ya", "paksa": "ya"}, follow_redirects=False)
    t = _tunggu(klien, r.headers["location"])
    assert t["keadaan"] == "selesai", t
    isi = klien.get("/unduh/pdf.zip")
    with zipfile.ZipFile(io.BytesIO(isi.content)) as z:
        nama = sorted(z.namelist())
        assert "perbup-gen-gunung-mas-2025-pdf/perbup/rancangan-perbup-peran-desa.pdf" in nama
        assert "perbup-gen-gunung-mas-2025-pdf/sk-kpm/62.10.01.2002-sepang-kota.pdf" in nama
        assert all(z.read(n)[:5] == b"%PDF-" for n in nama)
    pdf = klien.get("/unduh/dokumen/sk-kpm-62.10.01.2002.pdf")
    assert pdf.status_code == 200 and pdf.content[:5] == b"%PDF-" and pdf.headers["content-type"] == "application/pdf"
    assert 'href="/unduh/pdf.zip"' in klien.get("/").text
