"""What BPMD does with a hundred decrees (issue 18): names typed the clerks' way tidied in the
documents, decree numbers as districts write them, bundles per kecamatan, the recap and the Buku
Keputusan Kepala Desa, a draft from a bare `init`, plain words for a kota without desa, progress
only on a terminal."""
from __future__ import annotations

import datetime as dt
import io
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from baca_docx import baca, baca_tabel, properti
from perbup_gen.cli import main
from perbup_gen.konfigurasi.nomor import periksa_pola, susun_nomor
from perbup_gen.konfigurasi.rapikan import rapikan_nama, rapikan_nama_desa, tanpa_gelar
from perbup_gen.konfigurasi.wilayah import DaftarWilayah

AKAR = Path(__file__).resolve().parent.parent
GUNUNG_MAS = AKAR / "examples" / "gunung-mas"


def jalankan(*args: str):
    hasil = CliRunner().invoke(main, list(args))
    assert "Traceback" not in hasil.output and "Kesalahan internal" not in hasil.output, hasil.output
    return hasil


# --- a roster typed the clerks' way ------------------------------------------------------------------

# (kode, nama_desa, kepala_desa, nomor_sk, tanggal_sk, [(kpm_nama, jk, pendidikan, alamat, pengalaman)])
ROSTER_JURU_KETIK = [
    ("62.10.01.2002", "SEPANG KOTA", "RUDI NAHAN, S.PD", "141/07/KPTS/2025", dt.date(2025, 5, 2),
     [("MARLINA  PAHU", "p", "sma", "DUSUN II  RT 005", "Guru PAUD; Kader Posyandu"),
      ("yanto sahay", "L", "D1", "Dusun II RT 006", "Kader PKK")]),
    ("62.10.01.2003", "tewai baru", "yanto usup", "Nomor: 12", dt.date(2025, 5, 5),
     [("Yulianti TUAH", "P", "SLTA", "Dusun III RT 003", "Kader Kesehatan")]),
    ("62.10.01.2004", "Tanjung Karitak", "DRS. KRISTIAN SAHAY, M.SI", "08", None,
     [("AGNES AMPUNG", "P", "SMA", "Dusun III RT 002", "Guru PAUD")]),
    ("62.10.01.2011", "Pamatang Limau", "Hendra Tingang", "", None, []),  # no KPM yet
    ("62.10.02.2002", "PETAK BAHANDANG", "DEWI JAYA", "02", None,
     [("SUSANTI BAHEN", "P", "SLTA", "Dusun II RT 007", "Kader Bina Keluarga Balita")]),
    ("62.10.02.2003", "Tanjung Riu", "Rudi Anggen", "06", None,
     [("Wati Jaya", "P", "SLTA", "Dusun III RT 007", "Guru PAUD")]),
]
POLA = "{nomor}/KPTS/{kode_desa_akhir}/{tahun}"


def tulis_roster_juru_ketik(path: Path) -> None:
    """An Excel roster as a clerk types it: one row per KPM, the desa columns repeated on every row,
    names in capitals or lower case, double spaces, degrees in the name, "Nomor:" before a number,
    dates as date cells."""
    buku = openpyxl.Workbook()
    ws = buku.active
    ws.title = "Roster"
    ws.append(["kode_desa", "nama_desa", "kecamatan", "kepala_desa", "nomor_sk", "tanggal_sk", "pagu_apbdes",
               "dana_desa", "anggaran_stunting", "kpm_nama", "kpm_jenis_kelamin", "kpm_pendidikan", "kpm_alamat",
               "kpm_pengalaman"])
    for kode, nama, kades, nomor, tanggal, kpm in ROSTER_JURU_KETIK:
        awal = [kode, nama, "", kades, nomor or None, tanggal, 1_200_000_000, 800_000_000, 96_000_000]
        for p in kpm or [None]:
            ws.append(awal + (list(p) if p else [None] * 5))
    buku.save(path)


@pytest.fixture(scope="module")
def juru_ketik(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("juru-ketik") / "gm"
    folder.mkdir()
    teks = (GUNUNG_MAS / "kabupaten.yaml").read_text(encoding="utf-8")
    teks = teks.replace("roster: roster.csv", "roster: roster.xlsx")
    teks = teks.replace("sk_kpm:\n", f"sk_kpm:\n  pola_nomor: \"{POLA}\"\n", 1)
    assert "roster: roster.xlsx" in teks and "pola_nomor" in teks
    (folder / "kabupaten.yaml").write_text(teks, encoding="utf-8")
    tulis_roster_juru_ketik(folder / "roster.xlsx")
    return folder


@pytest.fixture(scope="module")
def build_juru_ketik(juru_ketik, tmp_path_factory) -> Path:
    """The clerk's roster built with PDFs and bundles per kecamatan (LibreOffice)."""
    from perbup_gen.keluaran.pdf import libreoffice_tersedia

    if not libreoffice_tersedia():
        pytest.skip("LibreOffice tidak terpasang: apt-get install libreoffice-writer-nogui poppler-utils")
    out = tmp_path_factory.mktemp("out-juru-ketik") / "out"
    hasil = jalankan("build", str(juru_ketik), "-o", str(out), "--pdf", "--gabung", "kecamatan")
    assert hasil.exit_code == 0, hasil.output
    return out


@pytest.mark.parametrize("diketik, dokumen, tanda_tangan", [
    ("NATALIA USUP", "Natalia Usup", "Natalia Usup"),
    ("natalia  usup", "Natalia Usup", "Natalia Usup"),
    ("Natalia USUP", "Natalia USUP", "Natalia USUP"),  # mixed case: kept as typed
    ("van der Berg", "van der Berg", "van der Berg"),
    ("RUDI NAHAN, S.PD", "Rudi Nahan, S.Pd.", "Rudi Nahan"),
    ("YOHANES LIWAN S.PD", "Yohanes Liwan, S.Pd.", "Yohanes Liwan"),
    ("DRS. KRISTIAN SAHAY, M.SI", "Drs. Kristian Sahay, M.Si.", "Kristian Sahay"),
    ("H. AHMAD BIN ABDULLAH", "H. Ahmad bin Abdullah", "H. Ahmad bin Abdullah"),
    ("MA'RUF  NUR-AINI", "Ma'ruf Nur-Aini", "Ma'ruf Nur-Aini"),
    ("m. yusuf", "M. Yusuf", "M. Yusuf"),
    ("Dr. Maria Ulina, S.H., M.H.", "Dr. Maria Ulina, S.H., M.H.", "Maria Ulina"),
])
def test_names_tidied_and_degrees(diketik, dokumen, tanda_tangan):
    assert rapikan_nama(diketik) == dokumen
    assert tanpa_gelar(dokumen) == tanda_tangan


def test_desa_name_takes_the_national_spelling():
    assert rapikan_nama_desa("SEPANG KOTA", "Sepang Kota") == "Sepang Kota"
    assert rapikan_nama_desa("tewai  baru", "Tewai Baru") == "Tewai Baru"
    assert rapikan_nama_desa("Tewai baru", "Tewai Baru") == "Tewai baru"  # mixed: as typed
    assert rapikan_nama_desa("SUNGAI BALI II", None) == "Sungai Bali II"


@pytest.mark.parametrize("pola, nomor, harapan", [
    ("{nomor}", "7", "7"),
    ("{nomor}", None, None),
    ("{nomor}/KPTS/{kode_desa}/{tahun}", "7", "7/KPTS/62.10.01.2002/2025"),
    ("141/{nomor}/{bulan_romawi}/{tahun}", "07", "141/07/V/2025"),
    ("{nomor}/KPTS/{kode_desa_akhir}/{tahun}", None, ".../KPTS/2002/2025"),
    ("{nomor}/KPTS/{kode_desa_akhir}/{tahun}", "141/07/KPTS/2025", "141/07/KPTS/2025"),  # full: as written
    ("{nomor}", "Nomor: 141/07/KPTS/2025", "141/07/KPTS/2025"),
    ("{nomor}/{bulan}", "5", "5/05"),
])
def test_decree_number_patterns(pola, nomor, harapan):
    assert periksa_pola(pola) is None
    assert susun_nomor(pola, nomor, 2025, "62.10.01.2002", dt.date(2025, 5, 2)) == harapan


def test_bad_pattern_is_a_config_error(tmp_path):
    konfig = tmp_path / "kt"
    shutil.copytree(AKAR / "examples" / "katingan", konfig)
    teks = (konfig / "kabupaten.yaml").read_text(encoding="utf-8")
    (konfig / "kabupaten.yaml").write_text(teks + 'sk_kpm:\n  pola_nomor: "{nomor.__class__}/{tahun}"\n', encoding="utf-8")
    r = jalankan("validate", str(konfig))
    assert r.exit_code == 2 and "[sk_kpm.pola_nomor]" in r.output and "tidak dikenal" in r.output
    (konfig / "kabupaten.yaml").write_text(teks + 'sk_kpm:\n  pola_nomor: "KPTS/{tahun}"\n', encoding="utf-8")
    r = jalankan("validate", str(konfig))
    assert r.exit_code == 2 and "harus memuat {nomor}" in r.output


def test_clerk_roster_reads_properly_in_the_documents(juru_ketik, tmp_path):
    r = jalankan("sk-kpm", str(juru_ketik), "-o", str(tmp_path))
    assert r.exit_code == 0, r.output
    sk = tmp_path / "sk-kpm"
    sepang = baca(sk / "62.10.01.2002-sepang-kota.docx")
    teks = "\n".join(sepang)
    # the desa in the national spelling, in running text and in capitals where the form wants them
    assert "KEPALA DESA SEPANG KOTA" in sepang and "Desa Sepang Kota" in teks and "SEPANG KOTA" in teks
    assert "Sepang  Kota" not in teks and "Desa SEPANG KOTA" not in teks
    # the full register number as written, no "TAHUN 2025" appended again
    assert "NOMOR 141/07/KPTS/2025" in sepang and "141/07/KPTS/2025 TAHUN" not in teks
    # the Kepala Desa signs without degree (Lampiran II)
    assert "RUDI NAHAN" in sepang and "S.PD" not in teks.upper()
    tabel = baca_tabel(sk / "62.10.01.2002-sepang-kota.docx")[-1]
    assert [b[1:5] for b in tabel[1:]] == [["Marlina Pahu", "P", "SLTA", "DUSUN II RT 005"],
                                           ["Yanto Sahay", "L", "D1", "Dusun II RT 006"]]
    # a running number in the district's pattern; "Nomor:" dropped; mixed-case names as typed
    tewai = baca(sk / "62.10.01.2003-tewai-baru.docx")
    assert "NOMOR 12/KPTS/2003/2025" in tewai and "KEPALA DESA TEWAI BARU" in tewai
    assert "YANTO USUP" in tewai
    assert baca_tabel(sk / "62.10.01.2003-tewai-baru.docx")[-1][1][1] == "Yulianti TUAH"
    karitak = "\n".join(baca(sk / "62.10.01.2004-tanjung-karitak.docx"))
    assert "NOMOR 08/KPTS/2004/2025" in karitak and "\nKRISTIAN SAHAY" in karitak and "DRS" not in karitak


def test_check_notes_what_was_tidied(juru_ketik, tmp_path):
    r = jalankan("check", str(juru_ketik), "--md", str(tmp_path / "laporan.md"))
    assert r.exit_code == 0, r.output  # warnings (desa not in the roster) but no error
    assert "CATATAN" in r.output
    assert "'MARLINA  PAHU' menjadi 'Marlina Pahu'" in r.output
    assert "'SEPANG KOTA' menjadi 'Sepang Kota'" in r.output
    assert "'RUDI NAHAN, S.PD' menjadi 'Rudi Nahan, S.Pd.'" in r.output
    assert "'Nomor: 12' menjadi '12'" in r.output
    assert "Yulianti TUAH" not in r.output.split("CATATAN")[1]  # kept as typed: nothing to note
    assert "catatan." in r.output.splitlines()[-1]
    r = jalankan("validate", str(juru_ketik))
    assert r.exit_code == 0 and "isian ditulis rapi di dokumen" in r.output


def test_duplicate_number_in_a_desa_register_is_an_error(juru_ketik, tmp_path):
    konfig = tmp_path / "gm"
    shutil.copytree(juru_ketik, konfig)
    with open(konfig / "kabupaten.yaml", "a", encoding="utf-8") as f:
        f.write('buku_keputusan:\n  "62.10.01.2003":\n'
                '    - {nomor: "11", tanggal: 2025-02-03, tentang: Anggaran Pendapatan dan Belanja Desa}\n'
                '    - {nomor: "12/KPTS/2003/2025", tanggal: 2025-03-10, tentang: Tim Pelaksana Kegiatan}\n')
    r = jalankan("check", str(konfig))
    assert r.exit_code == 1
    assert "nomor 12/KPTS/2003/2025 dipakai dua kali di Buku Keputusan Kepala Desa Tewai Baru" in r.output
    assert "kabupaten.yaml" in r.output and "[buku_keputusan.62.10.01.2003[1].nomor]" in r.output
    r = jalankan("build", str(konfig), "-o", str(tmp_path / "out"), "-q")
    assert r.exit_code == 1 and not (tmp_path / "out").exists()
    # a register of another desa may use the same number
    teks = (konfig / "kabupaten.yaml").read_text(encoding="utf-8").replace('"62.10.01.2003":', '"62.10.01.2002":')
    (konfig / "kabupaten.yaml").write_text(teks, encoding="utf-8")
    assert jalankan("check", str(konfig)).exit_code == 0


def test_bundles_per_kecamatan(build_juru_ketik):
    from perbup_gen.keluaran.bundel import jumlah_halaman

    out = build_juru_ketik
    bundel = out / "bundel"
    assert sorted(p.name for p in bundel.iterdir()) == [
        "62.10.01-sepang.pdf", "62.10.01-sepang.zip", "62.10.02-kurun.pdf", "62.10.02-kurun.zip"]
    sk = out / "sk-kpm"
    per_kecamatan = {"62.10.01-sepang": ["62.10.01.2002-sepang-kota", "62.10.01.2003-tewai-baru",
                                         "62.10.01.2004-tanjung-karitak"],
                     "62.10.02-kurun": ["62.10.02.2002-petak-bahandang", "62.10.02.2003-tanjung-riu"]}
    for kec, desa in per_kecamatan.items():
        halaman = [jumlah_halaman(sk / f"{d}.pdf") for d in desa]
        assert all(h >= 3 for h in halaman)
        assert jumlah_halaman(bundel / f"{kec}.pdf") == sum(halaman)
        with zipfile.ZipFile(bundel / f"{kec}.zip") as z:
            assert sorted(z.namelist()) == sorted(f"{kec}/{d}.{x}" for d in desa for x in ("docx", "pdf"))
            assert z.read(f"{kec}/{desa[0]}.docx") == (sk / f"{desa[0]}.docx").read_bytes()
    # in order: the Sepang bundle starts with Sepang Kota's decree and its second decree starts
    # right after the first one's pages
    from pypdf import PdfReader

    gabungan = PdfReader(str(bundel / "62.10.01-sepang.pdf"))
    pertama = jumlah_halaman(sk / "62.10.01.2002-sepang-kota.pdf")
    assert "SEPANG KOTA" in gabungan.pages[0].extract_text()
    assert "TEWAI BARU" in gabungan.pages[pertama].extract_text()


def test_index_lists_every_document(build_juru_ketik):
    html = (build_juru_ketik / "index.html").read_text(encoding="utf-8")
    for jalur in ("perbup/rancangan-perbup-peran-desa.docx", "sk-kpm/62.10.01.2002-sepang-kota.docx",
                  "sk-kpm/62.10.01.2002-sepang-kota.pdf", "bundel/62.10.01-sepang.pdf", "bundel/62.10.02-kurun.zip",
                  "rekap/rekap-kpm-desa.xlsx", "rekap/buku-keputusan-kepala-desa.xlsx", "laporan-pemeriksaan.html"):
        assert f'href="{jalur}"' in html, jalur
        assert (build_juru_ketik / jalur).is_file(), jalur
    # every desa of the kabupaten with its status: made, no KPM yet, not in the roster
    desa = [w for w in DaftarWilayah.muat().keturunan("62.10") if w.tingkat == "desa"]
    assert all(w.kode in html for w in desa)
    assert "62.10.01.2011 Pamatang Limau</td>\n<td class=\"status\">tidak dibuat: belum ada KPM di roster" in html
    assert "62.10.01.2002 Sepang Kota</td>\n<td class=\"status\">dibuat" in html
    assert "tidak dibuat: desa belum ada di roster" in html
    assert "<script" not in html


def test_recap_rows_missing_first(juru_ketik, tmp_path):
    out = tmp_path / "out"
    assert jalankan("build", str(juru_ketik), "-o", str(out), "-q").exit_code == 0
    buku = openpyxl.load_workbook(out / "rekap" / "rekap-kpm-desa.xlsx")
    ws = buku["Rekap desa"]
    baris = list(ws.iter_rows(values_only=True))
    kepala, isi = baris[0], baris[1:]
    kol = {j: i for i, j in enumerate(kepala)}
    assert ws.auto_filter.ref == f"A1:T{len(baris)}" and ws.freeze_panes == "A2"
    assert len(isi) == 114  # every desa of Gunung Mas, kelurahan left out
    keadaan = [b[kol["Keadaan"]] for b in isi]
    lengkap = keadaan.index("lengkap")
    assert lengkap == 114 - 5 and all(k != "lengkap" for k in keadaan[:lengkap])
    assert all(k == "lengkap" for k in keadaan[lengkap:])
    per_kode = {b[kol["Kode desa"]]: b for b in isi}
    assert per_kode["62.10.01.2011"][kol["Keadaan"]] == "belum ada KPM"
    assert per_kode["62.10.01.2012"][kol["Keadaan"]] == "belum ada di roster"  # Tampelas
    s = per_kode["62.10.01.2002"]
    assert s[kol["Desa"]] == "Sepang Kota" and s[kol["Kepala Desa"]] == "Rudi Nahan, S.Pd."
    assert s[kol["Nomor SK KPM"]] == "141/07/KPTS/2025" and s[kol["Tanggal SK KPM"]].date() == dt.date(2025, 5, 2)
    assert s[kol["KPM (nama, L/P, pendidikan)"]] == "Marlina Pahu (P, SLTA); Yanto Sahay (L, D1)"
    assert (s[kol["Jumlah KPM"]], s[kol["KPM laki-laki"]], s[kol["KPM perempuan"]]) == (2, 1, 1)
    assert s[kol["Anggaran stunting (Rp)"]] == 96_000_000
    assert s[kol["Stunting / Dana Desa"]] == pytest.approx(0.12)
    assert s[kol["Stunting / APB Desa"]] == pytest.approx(0.08)
    assert ws.cell(row=2 + isi.index(s), column=kol["Stunting / Dana Desa"] + 1).number_format == "0.00%"
    assert per_kode["62.10.01.2003"][kol["Nomor SK KPM"]] == "12/KPTS/2003/2025"
    kpm = list(buku["KPM"].iter_rows(values_only=True))
    assert len(kpm) == 1 + 6 and ("Sepang", "62.10.01.2002", "Sepang Kota", "Yanto Sahay", "L", "D1") in [r[:6] for r in kpm]
    # same input, same bytes
    kedua = tmp_path / "kedua"
    assert jalankan("build", str(juru_ketik), "-o", str(kedua), "-q").exit_code == 0
    for j in ("rekap/rekap-kpm-desa.xlsx", "rekap/buku-keputusan-kepala-desa.xlsx", "index.html"):
        assert (out / j).read_bytes() == (kedua / j).read_bytes(), j


def test_register_entries_of_gunung_mas(tmp_path):
    konfig = tmp_path / "gm"
    shutil.copytree(GUNUNG_MAS, konfig)
    with open(konfig / "kabupaten.yaml", "a", encoding="utf-8") as f:
        f.write('buku_keputusan:\n  "62.10.01.2002":\n'
                '    - {nomor: "24", tanggal: 2025-01-06, tentang: Penetapan Anggaran Pendapatan dan Belanja Desa,'
                ' dilaporkan: "Nomor 3, 10 Januari 2025"}\n')
    out = tmp_path / "out"
    r = jalankan("build", str(konfig), "-o", str(out), "-q")
    assert r.exit_code == 0, r.output
    assert "261 ditulis" in r.output  # 118 documents, 138 contracts, the workbook, recap, register, report, index
    ws = openpyxl.load_workbook(out / "rekap" / "buku-keputusan-kepala-desa.xlsx").active
    baris = list(ws.iter_rows(values_only=True))
    assert baris[0] == ("Kecamatan", "Kode desa", "Desa", "Nomor Urut", "Nomor dan Tanggal Keputusan Kepala Desa",
                        "Tentang", "Uraian Singkat", "Nomor dan Tanggal Dilaporkan", "Keterangan")
    assert len(baris) == 1 + 114 + 1
    assert baris[1][:5] == ("Sepang", "62.10.01.2002", "Sepang Kota", "24", "Nomor 24 Tahun 2025, tanggal 6 Januari 2025")
    assert baris[1][7] == "Nomor 3, 10 Januari 2025"
    assert baris[2] == ("Sepang", "62.10.01.2002", "Sepang Kota", "25", "Nomor 25 Tahun 2025, tanggal 2 Mei 2025",
                        "Penetapan Kader Pembangunan Manusia Desa Sepang Kota Tahun 2025",
                        "Menetapkan 2 (dua) orang Kader Pembangunan Manusia Desa Sepang Kota Tahun 2025 yang dipilih "
                        "melalui musyawarah Desa: Marlina Pahu dan Yanto Sahay.", None, None)
    # each entry names the decree as its title does
    teks = baca(out / "sk-kpm" / "62.10.01.2003-tewai-baru.docx")
    tewai = next(b for b in baris if b[1] == "62.10.01.2003")
    assert "NOMOR 16 TAHUN 2025" in teks and tewai[4].startswith("Nomor 16 Tahun 2025")
    assert tewai[5].upper() in " ".join(t.replace("\n", " ") for t in teks)


# --- a draft before the data is complete -----------------------------------------------------------


@pytest.fixture(scope="module")
def init_katingan(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("init") / "katingan"
    r = jalankan("init", "62.06", "-o", str(folder))
    assert r.exit_code == 0, r.output
    return folder


def test_bare_init_stays_strict(init_katingan, tmp_path):
    r = jalankan("validate", str(init_katingan))
    assert r.exit_code == 2 and "[pejabat.bupati.nama]: tidak boleh kosong" in r.output
    r = jalankan("build", str(init_katingan), "-o", str(tmp_path / "out"))
    assert r.exit_code == 2 and not (tmp_path / "out").exists()
    r = jalankan("check", str(init_katingan))
    assert r.exit_code == 2


def test_draft_from_bare_init(init_katingan, tmp_path):
    out = tmp_path / "out"
    r = jalankan("build", str(init_katingan), "-o", str(out), "--draf", "-q")
    assert r.exit_code == 0, r.output
    assert "DRAF: 7 isian konfigurasi belum diisi" in r.output
    assert "belum diisi: " in r.output and "[kpm.insentif.jumlah]" in r.output
    desa = [w for w in DaftarWilayah.muat().keturunan("62.06") if w.tingkat == "desa"]
    sk = sorted((out / "sk-kpm").iterdir())
    assert len(sk) == len(desa) == 154  # every desa, although none has a KPM yet
    teks = baca(sk[0])
    assert teks[0] == "DRAF" and teks[1].startswith("DRAF: data belum lengkap")
    assert "KEPALA DESA GALINGGANG" in teks and "NOMOR ... TAHUN 2026" in "\n".join(teks).replace(
        str(dt.date.today().year), "2026")
    assert "pada tanggal ..." in teks and teks.count("...") >= 3
    assert baca_tabel(sk[0])[-1][1] == ["1", "...", "...", "...", "...", "..."]
    assert properti(sk[0])["keywords"] == "DRAF" and properti(sk[0])["title"].startswith("DRAF: ")
    with zipfile.ZipFile(sk[0]) as z:
        assert b">DRAF<" in z.read("word/header1.xml")
    perbup = "\n".join(baca(out / "perbup" / "rancangan-perbup-peran-desa.docx"))
    assert perbup.startswith("DRAF\n")
    # the capital is known from UU 5/2002 (init prefills it); the amount is not
    assert "Ditetapkan di Kasongan" in perbup and "sebesar Rp... " in perbup
    assert "Undang-Undang Nomor 5 Tahun 2002 tentang Pembentukan Kabupaten Katingan" in perbup
    kurang = (out / "kekurangan.md").read_text(encoding="utf-8")
    assert "kabupaten.ibu\\_kota" not in kurang
    for isian in ("pejabat.bupati.nama", "kpm.insentif.jumlah", "opd\\[0\\].kepala.nama"):
        assert isian in kurang, isian
    assert "| Kamipang | 62.06.01.2001 | Galinggang | Kepala Desa, KPM, nomor SK, tanggal SK |" in kurang
    html = (out / "index.html").read_text(encoding="utf-8")
    assert 'class="draf"' in html and 'href="kekurangan.md"' in html


def test_draft_of_a_half_typed_roster(tmp_path):
    """Gaps in a roster (a KPM's sex and education missing) become dots; a wrong value stays an
    error even in a draft."""
    konfig = tmp_path / "kt"
    shutil.copytree(AKAR / "examples" / "katingan", konfig)
    teks = (konfig / "kabupaten.yaml").read_text(encoding="utf-8")
    teks = teks.replace("{nama: Natalia Usup, jenis_kelamin: P, pendidikan: SMA,", "{nama: Natalia Usup,")
    teks = teks.replace("kepala_desa: {nama: Robert Kameloh}", "kepala_desa: {nama: ''}")
    (konfig / "kabupaten.yaml").write_text(teks, encoding="utf-8")
    assert jalankan("validate", str(konfig)).exit_code == 2
    out = tmp_path / "out"
    r = jalankan("build", str(konfig), "-o", str(out), "--draf", "-q")
    assert r.exit_code == 0, r.output
    tabel = baca_tabel(out / "sk-kpm" / "62.06.01.2001-galinggang.docx")[-1]
    assert tabel[1][1:4] == ["Natalia Usup", "...", "..."]
    assert "data KPM (jenis kelamin, pendidikan)" in (out / "kekurangan.md").read_text(encoding="utf-8")
    (konfig / "kabupaten.yaml").write_text(teks.replace("pendidikan: D3", "pendidikan: Sekolah Tinggi"), encoding="utf-8")
    r = jalankan("build", str(konfig), "-o", str(tmp_path / "out2"), "--draf", "-q")
    assert r.exit_code == 2 and "Sekolah Tinggi" in r.output


def test_kota_without_desa_is_told_plainly(tmp_path):
    r = jalankan("init", "62.71", "-o", str(tmp_path / "palangkaraya"))
    assert r.exit_code == 2 and not (tmp_path / "palangkaraya").exists()
    assert "Kota Palangkaraya tidak mempunyai desa" in r.output and "kelurahan" in r.output
    konfig = tmp_path / "kt"
    shutil.copytree(AKAR / "examples" / "katingan", konfig)
    teks = (konfig / "kabupaten.yaml").read_text(encoding="utf-8")
    teks = teks.replace('kode: "62.06", nama: Katingan', 'kode: "62.71", nama: Palangka Raya')
    teks = teks[:teks.index("desa:\n")]
    (konfig / "kabupaten.yaml").write_text(teks, encoding="utf-8")
    for perintah in (("validate",), ("build", "-o", str(tmp_path / "o"), "--draf")):
        r = jalankan(perintah[0], str(konfig), *perintah[1:])
        assert r.exit_code == 2 and "[kabupaten.kode]: Kota Palangkaraya tidak mempunyai desa" in r.output


# --- progress ------------------------------------------------------------------------------------------


def test_no_progress_label_when_not_on_a_terminal(tmp_path):
    r = CliRunner().invoke(main, ["build", str(AKAR / "examples" / "katingan"), "-o", str(tmp_path / "o")])
    assert r.exit_code == 0, r.output
    assert "SK KPM\n" not in r.stderr and "Memeriksa" not in r.stderr and "Memeriksa" not in r.stdout
    r = CliRunner().invoke(main, ["check", str(AKAR / "examples" / "katingan")])
    assert "Memeriksa" not in r.stderr


def test_progress_bar_on_a_terminal(monkeypatch):
    import sys

    from perbup_gen.cli.kemajuan import kemajuan

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    layar = Terminal()
    monkeypatch.setattr(sys, "stderr", layar)
    with kemajuan("SK KPM", 3) as setiap:
        for _ in range(3):
            setiap()
    assert "SK KPM" in layar.getvalue() and "3/3" in layar.getvalue()
    layar.truncate(0)
    with kemajuan("SK KPM", 3, diam=True) as setiap:
        setiap()
    assert layar.getvalue().strip("\x00") == ""


# --- valid files --------------------------------------------------------------------------------------


def test_workbooks_and_draft_pass_ooxml_validation(build_juru_ketik, init_katingan, tmp_path):
    """The XLSX written without openpyxl and a draft DOCX (mark on top and in the page header)
    pass the Open XML SDK's schema and semantic validation, so Excel and Word never "repair" them;
    a workbook missing a required part is caught."""
    from openxml_audit import FileFormat, OpenXmlValidator

    out = tmp_path / "draf"
    assert jalankan("build", str(init_katingan), "-o", str(out), "--draf", "-q").exit_code == 0
    berkas = [build_juru_ketik / "rekap" / "rekap-kpm-desa.xlsx",
              build_juru_ketik / "rekap" / "buku-keputusan-kepala-desa.xlsx",
              out / "sk-kpm" / "62.06.01.2001-galinggang.docx", out / "perbup" / "rancangan-perbup-peran-desa.docx"]
    for format_ in (FileFormat.OFFICE_2010, FileFormat.MICROSOFT_365):
        for p in berkas:
            hasil = OpenXmlValidator(file_format=format_, max_errors=50).validate(str(p))
            assert [e.description for e in hasil.errors] == [], (p.name, format_)
    rusak = tmp_path / "rusak.xlsx"
    with zipfile.ZipFile(berkas[0]) as z, zipfile.ZipFile(rusak, "w") as keluar:
        for n in z.namelist():
            data = z.read(n)
            if n == "xl/_rels/workbook.xml.rels":
                data = data.replace(b'Target="theme/theme1.xml"', b'Target="theme/hilang.xml"')
            keluar.writestr(n, data)
    assert OpenXmlValidator(file_format=FileFormat.MICROSOFT_365).validate(str(rusak)).errors
