"""The review page with check findings marked in place (keluaran.teks.render_html(dok, temuan)) and
the documents of a set for preview (proses.pratinjau)."""
from __future__ import annotations

import re
from pathlib import Path

from perbup_gen.keluaran.teks import render_html, tempat_dokumen
from perbup_gen.konfigurasi.muat import muat_konfigurasi
from perbup_gen.periksa.laporan import Temuan
from perbup_gen.proses.pratinjau import bangun_dokumen, cari_dokumen, daftar_dokumen, html_pratinjau

GM = Path(__file__).resolve().parent.parent / "examples" / "gunung-mas"


def _aside(html: str) -> dict[int, tuple[str, str]]:
    """finding number -> (class, text just before the marker)"""
    out = {}
    for m in re.finditer(r'<aside class="temuan (\w+)" id="temuan-(\d+)">', html):
        sebelum = re.sub(r"<[^>]+>", "", html[max(0, m.start() - 400): m.start()])
        out[int(m.group(2))] = (m.group(1), sebelum)
    return out


def test_temuan_di_tempatnya():
    hasil = muat_konfigurasi(GM)
    dok = bangun_dokumen(hasil, cari_dokumen(hasil, "perbup"))
    tempat = tempat_dokumen(dok)
    assert {"Judul", "Menimbang huruf a", "Mengingat angka 1", "Pasal 1", "Pasal 1 angka 3", "Pasal 10 ayat (1)"} <= tempat
    butir = next(t for t in sorted(tempat) if re.fullmatch(r"Pasal \d+ ayat \(\d\) huruf a", t))
    temuan = [("galat", "Menimbang huruf b", "konsiderans X"),
              ("peringatan", butir + " angka 9", "butir yang tidak ada: ke induknya"),
              ("galat", "Pasal 999", "Pasal yang tidak ada"),
              ("peringatan", "", "tanpa tempat")]
    html = render_html(dok, temuan)
    a = _aside(html)
    assert a[1][0] == "galat" and a[2][0] == "peringatan"
    assert "bahwa" in a[1][1]  # right after the text of Menimbang huruf b
    assert f"({butir} angka 9)" in html.replace("\xa0", " ").replace("&nbsp;", " ")
    # unplaced findings are listed above the document, not inside it
    assert html.index('id="temuan-3"') < html.index("<main") and html.index('id="temuan-4"') < html.index("<main")
    assert html.index('id="temuan-1"') > html.index("<main")
    assert "@media print { aside.temuan" in html  # never printed
    assert render_html(dok) == render_html(dok, []) and "<aside" not in render_html(dok)


def test_daftar_dan_pratinjau_sk_kpm():
    hasil = muat_konfigurasi(GM)
    daftar = daftar_dokumen(hasil)
    assert [d.kunci for d in daftar[:3]] == ["perbup", "tim-penyusun", "checklist"]
    sk = cari_dokumen(hasil, "sk-kpm-62.10.01.2002")
    assert sk.judul == "SK KPM Desa Sepang Kota" and sk.jalur == "sk-kpm/62.10.01.2002-sepang-kota"
    assert len([d for d in daftar if d.kunci.startswith("sk-kpm-")]) == 114  # kelurahan get no decree
    kontrak = [d for d in daftar if d.kunci.startswith("kontrak-")]
    assert len(kontrak) == 138  # one task contract per KPM
    k = cari_dokumen(hasil, "kontrak-62.10.01.2002-2")
    assert k.jalur == "kontrak/kontrak-62.10.01.2002-sepang-kota-2-yanto-sahay"
    html = html_pratinjau(hasil, k, [Temuan("peringatan", "Kontrak tugas KPM (semua)", "Pasal 3", "untuk semua kontrak")])
    assert "Yanto Sahay" in html and "PIHAK KESATU" in html and "untuk semua kontrak" in html
    temuan = [Temuan("peringatan", "SK KPM (semua desa)", "Mengingat angka 1", "untuk semua SK"),
              Temuan("galat", "SK KPM Desa Sepang Kota", "Diktum KESATU", "untuk desa ini"),
              Temuan("galat", "SK KPM Desa Tewah", "Diktum KESATU", "untuk desa lain")]
    html = html_pratinjau(hasil, sk, temuan)
    assert "untuk semua SK" in html and "untuk desa ini" in html and "untuk desa lain" not in html
    assert "Marlina Pahu" in html
