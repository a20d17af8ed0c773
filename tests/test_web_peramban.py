"""The web app in a real browser: Chromium (Debian packages chromium and chromium-driver) driven by
Selenium against `perbup-gen web` running as its own process. A clerk uploads the Gunung Mas
config with a roster that has one mistake, sees the error with its Excel cell, uploads the fixed
sheet, builds the set, downloads the ZIP, and the ZIP holds the whole set."""
from __future__ import annotations

import shutil
import time
import zipfile
from pathlib import Path

import pytest

from baca_docx import baca
from web_bantu import CONTOH, baris_roster_gunung_mas, hentikan, jalankan_server, port_bebas, xlsx_roster



@pytest.fixture
def peramban(tmp_path):
    from conftest import perlu_program  # skipped where Chromium is missing; a failure in CI

    perlu_program("chromium", "chromedriver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    unduhan = tmp_path / "unduhan"
    unduhan.mkdir()
    opsi = webdriver.ChromeOptions()
    opsi.binary_location = shutil.which("chromium")
    for a in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--disable-dev-shm-usage", f"--user-data-dir={tmp_path / 'profil'}", "--window-size=1280,1000"):
        opsi.add_argument(a)
    opsi.add_experimental_option("prefs", {"download.default_directory": str(unduhan), "download.prompt_for_download": False})
    driver = webdriver.Chrome(options=opsi, service=Service(shutil.which("chromedriver")))
    driver.set_page_load_timeout(60)
    driver.folder_unduhan = unduhan
    yield driver
    driver.quit()


@pytest.fixture
def server(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    port = port_bebas()
    proses = jalankan_server(data, port)
    yield f"http://127.0.0.1:{port}"
    hentikan(proses)


def _tunggu(driver, syarat, detik=90, abaikan=()):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, detik, poll_frequency=0.2, ignored_exceptions=abaikan).until(syarat)


def _unggah(driver, url, berkas: dict[str, Path]):
    from selenium.webdriver.common.by import By

    driver.get(url + "/")
    for nama, path in berkas.items():
        driver.find_element(By.ID, f"berkas-{nama}").send_keys(str(path))
    tombol = driver.find_element(By.ID, "tombol-unggah")
    tombol.click()
    from selenium.webdriver.support import expected_conditions as EC

    _tunggu(driver, EC.staleness_of(tombol))  # this page is gone
    # the job page follows the check and comes back to the home page with the result
    _tunggu(driver, lambda d: d.current_url.rstrip("/") == url and d.find_elements(By.ID, "ringkasan"))
    return driver.find_element(By.ID, "ringkasan").text


def test_unggah_salah_perbaiki_bangun_unduh(peramban, server, tmp_path):
    from selenium.webdriver.common.by import By

    baris = baris_roster_gunung_mas()
    kolom = baris[0].index("kpm_pendidikan")
    salah = [list(r) for r in baris]
    salah[4][kolom] = "Sekolah Tinggi"  # row 5 of the sheet
    sel = "LMNOPQRSTUVWXYZ"[kolom - 11] + "5"
    (tmp_path / "salah.xlsx").write_bytes(xlsx_roster(salah))
    (tmp_path / "benar.xlsx").write_bytes(xlsx_roster(baris))

    ringkasan = _unggah(peramban, server, {"konfigurasi": CONTOH / "gunung-mas" / "kabupaten.yaml", "roster": tmp_path / "salah.xlsx"})
    assert "1 masalah" in ringkasan
    tabel = peramban.find_element(By.ID, "tabel-masalah")
    sel_sel = [td.text for td in tabel.find_elements(By.CSS_SELECTOR, "tbody tr td")]
    assert sel_sel[0] == "roster.xlsx" and sel_sel[1] == "5" and sel_sel[2] == f"sel {sel}"
    assert "Sekolah Tinggi" in sel_sel[4] and "pendidikan" in sel_sel[3]
    assert not peramban.find_elements(By.ID, "tombol-bangun")  # nothing to build from an invalid roster

    ringkasan = _unggah(peramban, server, {"roster": tmp_path / "benar.xlsx"})
    assert ringkasan.startswith("0 galat")
    assert "SK KPM 114 desa" in peramban.page_source

    tombol = peramban.find_element(By.ID, "tombol-bangun")
    tombol.click()
    from selenium.webdriver.support import expected_conditions as EC

    from selenium.common.exceptions import WebDriverException

    # while the page navigates Chromium may answer "Node ... does not belong to the document"
    # instead of "stale element": the next poll sees the element gone
    _tunggu(peramban, EC.staleness_of(tombol), abaikan=(WebDriverException,))
    _tunggu(peramban, lambda d: d.find_elements(By.ID, "hasil-bangun"))
    assert "SK KPM untuk 114 desa" in peramban.find_element(By.ID, "hasil-bangun").text
    peramban.find_element(By.ID, "unduh-zip").click()
    _tunggu(peramban, lambda d: [p for p in d.folder_unduhan.glob("*.zip")])
    zip_ = next(peramban.folder_unduhan.glob("*.zip"))
    for _ in range(100):  # Chromium renames the finished download into place; wait until it is whole
        if zipfile.is_zipfile(zip_):
            break
        time.sleep(0.1)
    assert zip_.name == "perbup-gen-gunung-mas-2025.zip"
    with zipfile.ZipFile(zip_) as z:
        nama = z.namelist()
        assert "perbup-gen-gunung-mas-2025/perbup/rancangan-perbup-peran-desa.docx" in nama
        assert "perbup-gen-gunung-mas-2025/tim-penyusun/keputusan-tim-penyusun.docx" in nama
        assert "perbup-gen-gunung-mas-2025/manifest.json" in nama
        sk = [n for n in nama if n.startswith("perbup-gen-gunung-mas-2025/sk-kpm/") and n.endswith(".docx")]
        assert len(sk) == 114
        z.extract("perbup-gen-gunung-mas-2025/sk-kpm/62.10.01.2002-sepang-kota.docx", tmp_path / "buka")
        z.extract("perbup-gen-gunung-mas-2025/perbup/rancangan-perbup-peran-desa.docx", tmp_path / "buka")
    teks_sk = "\n".join(baca(tmp_path / "buka" / "perbup-gen-gunung-mas-2025/sk-kpm/62.10.01.2002-sepang-kota.docx"))
    assert "SEPANG KOTA" in teks_sk.upper() and "Marlina Pahu" in teks_sk
    teks_perbup = "\n".join(baca(tmp_path / "buka" / "perbup-gen-gunung-mas-2025/perbup/rancangan-perbup-peran-desa.docx"))
    assert "GUNUNG MAS" in teks_perbup and "Pasal 1" in teks_perbup

    # a preview of one document, with the document inside
    peramban.get(server + "/pratinjau/perbup")
    peramban.switch_to.frame(peramban.find_element(By.CSS_SELECTOR, "iframe.naskah"))
    assert "PERATURAN BUPATI GUNUNG MAS" in peramban.find_element(By.TAG_NAME, "h1").text
