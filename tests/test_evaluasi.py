"""The evaluation workbook (issue 19): written for Gunung Mas, filled programmatically with a mix of
results, read back into the expected recap and totals (DOCX and XLSX with the total in words);
recalculated by LibreOffice with the same results as the rules; bad cells refused, each named with
its sheet and cell, nothing written."""
from __future__ import annotations

import itertools
import os
import subprocess
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from baca_docx import baca, baca_tabel
from conftest import perlu_program
from perbup_gen.cli import main
from perbup_gen.dokumen.evaluasi import bangun_buku_evaluasi
from perbup_gen.errors import BukuKerjaError
from perbup_gen.keluaran.pdf import libreoffice_tersedia
from perbup_gen.keluaran.xlsx_evaluasi import buku_evaluasi
from perbup_gen.kinerja.baca import baca_buku
from perbup_gen.kinerja.buku import BARIS_DATA, BARIS_KUNCI, LEMBAR_DATA
from perbup_gen.konfigurasi.muat import muat_konfigurasi
from perbup_gen.naskah import bilangan

AKAR = Path(__file__).resolve().parent.parent
GUNUNG_MAS = AKAR / "examples" / "gunung-mas"
KECAMATAN = ["Sepang", "Kurun", "Tewah", "Kahayan Hulu Utara", "Rungan", "Manuhing", "Mihing Raya",
             "Damang Batu", "Miri Manasa", "Rungan Hulu", "Manuhing Raya", "Rungan Barat"]
# what a clerk picks, in turn, for each result cell
POLA = ["tercapai", "sebagian", "tidak", "tercapai", "Tercapai"]
NILAI = {"tercapai": Decimal(1), "sebagian": Decimal("0.5"), "tidak": Decimal(0)}
PAGU = {2: Decimal(1000000), 3: Decimal(1500000)}


@pytest.fixture(scope="module")
def hasil():
    return muat_konfigurasi(GUNUNG_MAS)


@pytest.fixture(scope="module")
def kosong(hasil, tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("buku") / "evaluasi.xlsx"
    p.write_bytes(buku_evaluasi(bangun_buku_evaluasi(hasil)))
    return p


def _kolom(ws) -> dict[str, int]:
    return {c.value: c.column for c in ws[BARIS_KUNCI] if c.value}


def isi(src: Path, dst: Path, triwulan=(2, 3)) -> list[tuple[str, str, dict[str, str]]]:
    """Fill the result cells of `triwulan` with POLA in turn; returns (sheet, KPM, {key: result})."""
    wb = openpyxl.load_workbook(src)
    pilihan = itertools.cycle(POLA)
    catatan = []
    for nama in KECAMATAN:
        ws = wb[nama]
        kol = _kolom(ws)
        b = BARIS_DATA
        while ws.cell(row=b, column=2).value:
            hasil_ = {}
            for kunci, c in kol.items():
                if kunci.split(":")[0] in {f"tw{q}" for q in triwulan} and not kunci.endswith(("nilai", "insentif")):
                    hasil_[kunci] = next(pilihan)
                    ws.cell(row=b, column=c, value=hasil_[kunci])
            catatan.append((nama, ws.cell(row=b, column=4).value, hasil_))
            b += 1
    wb.save(dst)
    return catatan


def _harap(hasil_: dict[str, str], q: int) -> tuple[Decimal, Decimal]:
    """The score and incentive of one quarter, computed here independently of the package."""
    skor = [NILAI[v.lower()] for k, v in hasil_.items() if k.startswith(f"tw{q}:")]
    nilai = (100 * sum(skor) / len(skor)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return nilai, (PAGU[q] * nilai / 100).quantize(Decimal(1), ROUND_HALF_UP)


# --- the workbook as written ------------------------------------------------------------------------


def test_susunan_buku_kerja(kosong):
    wb = openpyxl.load_workbook(kosong)
    assert wb.sheetnames == ["Petunjuk", "Rekap"] + KECAMATAN + [LEMBAR_DATA]
    assert wb[LEMBAR_DATA].sheet_state == "veryHidden" and wb.security.lockStructure
    jumlah = 0
    for nama in KECAMATAN:
        ws = wb[nama]
        assert ws.protection.sheet and ws.row_dimensions[BARIS_KUNCI].hidden
        kol = _kolom(ws)
        assert list(kol)[:4] == ["no", "kode_desa", "desa", "kpm"] and list(kol)[-2:] == ["jumlah", "keterangan"]
        assert [k for k in kol if k.startswith("tw2:")] == ["tw2:pemantauan-1", "tw2:forum-1", "tw2:nilai",
                                                             "tw2:insentif"]
        n = 0
        while ws.cell(row=BARIS_DATA + n, column=2).value:
            n += 1
        jumlah += n
        b = BARIS_DATA
        # results and remarks are the only unlocked cells; scores and incentives are formulas
        assert not ws.cell(row=b, column=kol["tw2:forum-1"]).protection.locked
        assert not ws.cell(row=b, column=kol["keterangan"]).protection.locked
        assert ws.cell(row=b, column=kol["kpm"]).protection.locked
        nilai = ws.cell(row=b, column=kol["tw2:nilai"])
        assert nilai.protection.locked and nilai.value.startswith('=IF(COUNTA(E7,F7)<2,"",ROUND(100*(')
        assert ws.cell(row=b, column=kol["tw2:insentif"]).value == '=IF(G7="","",ROUND(1000000*G7/100,0))'
        assert ws.cell(row=BARIS_DATA + n, column=1).value == "JUMLAH"
        # the drop-down on every result cell
        (dv,) = ws.data_validations.dataValidation
        assert dv.formula1 == '"tercapai,sebagian,tidak"'
        assert f"E{BARIS_DATA}" in str(dv.sqref) or f"E{BARIS_DATA}:" in str(dv.sqref)
    assert jumlah == 138
    rekap = wb["Rekap"]
    assert rekap["B5"].value == "Sepang" and rekap["D5"].value == "='Sepang'!H14"


def test_buku_sama_persis(hasil, kosong):
    assert buku_evaluasi(bangun_buku_evaluasi(hasil)) == kosong.read_bytes()


# --- filled and read back -------------------------------------------------------------------------


def test_isi_lalu_baca_kembali(kosong, tmp_path):
    terisi = tmp_path / "terisi.xlsx"
    catatan = isi(kosong, terisi)
    h = baca_buku(terisi)
    assert h.triwulan == [2, 3] and len(h.kpm) == 138
    total = {2: Decimal(0), 3: Decimal(0)}
    for (lembar, nama, hasil_), p in zip(catatan, h.kpm):
        assert (p.kecamatan, p.nama) == (lembar, nama)
        for q in (2, 3):
            nilai, uang = _harap(hasil_, q)
            assert (p.triwulan[q].nilai, p.triwulan[q].insentif) == (nilai, uang), (nama, q)
            total[q] += uang
        assert 4 not in p.triwulan
    assert h.jumlah_triwulan(2) == total[2] and h.jumlah_triwulan(3) == total[3]
    # two known rows: Marlina Pahu (tercapai, sebagian | tidak, tercapai, Tercapai)
    m = h.kpm[0]
    assert (m.triwulan[2].nilai, m.triwulan[2].insentif) == (Decimal("75.00"), Decimal(750000))
    assert (m.triwulan[3].nilai, m.triwulan[3].insentif) == (Decimal("66.67"), Decimal(1000050))


def test_perintah_insentif_menulis_rekap_dan_daftar_nominatif(kosong, tmp_path):
    terisi = tmp_path / "terisi.xlsx"
    catatan = isi(kosong, terisi)
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["insentif", str(terisi), "-o", str(out)])
    assert r.exit_code == 0, r.output
    total3 = sum(_harap(h, 3)[1] for *_, h in catatan)
    assert f"Triwulan III: 138 KPM, insentif {bilangan.rupiah(total3)}" in r.output
    assert sorted(p.name for p in out.iterdir()) == [
        "daftar-nominatif-insentif-kpm-2025-triwulan-2.docx", "daftar-nominatif-insentif-kpm-2025-triwulan-2.xlsx",
        "daftar-nominatif-insentif-kpm-2025-triwulan-3.docx", "daftar-nominatif-insentif-kpm-2025-triwulan-3.xlsx",
        "manifest.json", "rekap-evaluasi-kinerja-kpm-2025.docx", "rekap-evaluasi-kinerja-kpm-2025.xlsx"]
    # the payment list of quarter III, as DOCX: every KPM, the total in figures and in words
    docx = out / "daftar-nominatif-insentif-kpm-2025-triwulan-3.docx"
    baris = baca(docx)
    assert baris[2:4] == ["DAFTAR NOMINATIF PENERIMA INSENTIF KADER PEMBANGUNAN MANUSIA", "TRIWULAN III TAHUN 2025"]
    (tabel,) = baca_tabel(docx)
    assert tabel[0] == ["No", "Nama KPM", "Desa", "Kecamatan", "Nilai (%)", "Insentif (Rp)", "Keterangan"]
    assert tabel[1] == ["1", "Marlina Pahu", "Sepang Kota", "Sepang", "66,67", "1.000.050", ""]
    assert len(tabel) == 1 + 138 + 1 and tabel[-1][1] == "JUMLAH" and tabel[-1][5] == bilangan.angka(int(total3))
    assert f"Jumlah seluruhnya {bilangan.rupiah(total3)}." in baris
    assert "Kepala Dinas Pemberdayaan Masyarakat dan Desa," in "\n".join(baris)
    assert "Agustinus Luwan" in baris and "NIP. 197208171998031007" in baris
    # the same list as XLSX
    ws = openpyxl.load_workbook(out / "daftar-nominatif-insentif-kpm-2025-triwulan-3.xlsx").active
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    i = next(j for j, r in enumerate(rows) if r[0] == "No")
    assert rows[i + 1][:6] == [1, "Marlina Pahu", "Sepang Kota", "Sepang", 66.67, 1000050]
    assert rows[i + 139][1] == "JUMLAH" and Decimal(str(rows[i + 139][5])) == total3
    assert rows[i + 141][0] == f"Jumlah seluruhnya {bilangan.rupiah(total3)}."
    # the recap: both quarters per KPM and the year's total
    ws = openpyxl.load_workbook(out / "rekap-evaluasi-kinerja-kpm-2025.xlsx").active
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    i = next(j for j, r in enumerate(rows) if r[0] == "No")
    assert rows[i][4:] == ["Nilai TW II (%)", "Insentif TW II (Rp)", "Nilai TW III (%)", "Insentif TW III (Rp)",
                           "Jumlah (Rp)"]
    assert rows[i + 1][4:] == [75, 750000, 66.67, 1000050, 1750050]
    total = sum(_harap(h, 2)[1] + _harap(h, 3)[1] for *_, h in catatan)
    assert Decimal(str(rows[i + 139][-1])) == total
    # one quarter only
    r = CliRunner().invoke(main, ["insentif", str(terisi), "-o", str(tmp_path / "tw2"), "--triwulan", "2"])
    assert r.exit_code == 0, r.output
    assert "Triwulan III" not in r.output and (tmp_path / "tw2" / "daftar-nominatif-insentif-kpm-2025-triwulan-2.docx").exists()


def _ganti(src: Path, dst: Path, perubahan: dict[tuple[str, str], object]) -> None:
    wb = openpyxl.load_workbook(src)
    for (lembar, sel), nilai in perubahan.items():
        wb[lembar][sel] = nilai
    wb.save(dst)


def test_sel_salah_ditolak_semua_sekaligus(kosong, tmp_path):
    terisi = tmp_path / "terisi.xlsx"
    isi(kosong, terisi)
    rusak = tmp_path / "rusak.xlsx"
    _ganti(terisi, rusak, {
        ("Sepang", "E7"): "ok",  # not a result
        ("Sepang", "F8"): " tercapai",  # spaces: Excel's formula would not see the word
        ("Kurun", "I9"): None,  # a quarter filled for everyone but this KPM
        ("Kurun", "G7"): 80,  # a formula overwritten with a number
        ("Tewah", "D8"): "Orang Lain",  # a KPM's name changed
        ("Rungan", "H7"): "=ROUND(1000000*G7/100,0)+500000",  # a formula changed
    })
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["insentif", str(rusak), "-o", str(out)])
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.output and not out.exists()
    assert "Buku kerja evaluasi tidak sah (6 masalah):" in r.output
    for tempat, pesan in (("lembar Sepang, sel E7", "hasil 'ok' tidak dikenal; pilih tercapai, sebagian, tidak"),
                          ("lembar Sepang, sel F8", "(hapus spasi di awal atau akhir)"),
                          ("lembar Kurun, sel I9", "hasil triwulan III belum diisi untuk KPM"),
                          ("lembar Kurun, sel G7", "rumus diganti dengan nilai '80'"),
                          ("lembar Tewah, sel D8", "tertulis 'Orang Lain', seharusnya"),
                          ("lembar Rungan, sel H7", "rumus diubah menjadi")):
        assert any(tempat in b and pesan in b for b in r.output.splitlines()), (tempat, r.output)


def test_contoh_terisi_katingan_masih_sah():
    """tests/rawan/evaluasi-katingan-terisi.xlsx (input of tests/test_tujuan.py) still reads back:
    regenerate it as tests/rawan/README.md says when the workbook's layout changes."""
    h = baca_buku(AKAR / "tests" / "rawan" / "evaluasi-katingan-terisi.xlsx")
    assert h.triwulan == [1] and [p.triwulan[1].insentif for p in h.kpm] == [Decimal(1200000), Decimal(600000)]


def test_bukan_buku_kerja_evaluasi(tmp_path):
    for nama, isi_ in (("kosong.xlsx", b""), ("teks.xlsx", b"bukan zip")):
        (tmp_path / nama).write_bytes(isi_)
        with pytest.raises(BukuKerjaError, match="bukan berkas Excel"):
            baca_buku(tmp_path / nama)
    wb = openpyxl.Workbook()
    wb.save(tmp_path / "lain.xlsx")
    with pytest.raises(BukuKerjaError, match="bukan buku kerja evaluasi perbup-gen"):
        baca_buku(tmp_path / "lain.xlsx")
    r = CliRunner().invoke(main, ["insentif", str(tmp_path / "tidak-ada.xlsx"), "-o", str(tmp_path / "o")])
    assert r.exit_code == 2 and "berkas tidak ditemukan" in r.output


def test_data_tersembunyi_diubah(kosong, tmp_path):
    terisi = tmp_path / "terisi.xlsx"
    isi(kosong, terisi)
    wb = openpyxl.load_workbook(terisi)
    wb[LEMBAR_DATA]["A1"] = wb[LEMBAR_DATA]["A1"].value.replace('"pagu":"1500000"', '"pagu":"9500000"')
    wb.save(terisi)
    with pytest.raises(BukuKerjaError, match="data buku kerja telah diubah"):
        baca_buku(terisi)


def test_tanpa_kpm(hasil, tmp_path):
    import dataclasses

    h = dataclasses.replace(hasil, konfigurasi=hasil.konfigurasi.model_copy(deep=True))
    h.konfigurasi.desa = []
    p = tmp_path / "e.xlsx"
    p.write_bytes(buku_evaluasi(bangun_buku_evaluasi(h)))
    assert openpyxl.load_workbook(p).sheetnames == ["Petunjuk", "Rekap", LEMBAR_DATA]
    with pytest.raises(BukuKerjaError, match="buku kerja tidak memuat KPM"):
        baca_buku(p)


def test_belum_diisi(kosong):
    with pytest.raises(BukuKerjaError, match="belum ada hasil yang diisi"):
        baca_buku(kosong)
    with pytest.raises(BukuKerjaError, match=r"triwulan 1 tidak termasuk masa kontrak 2025 \(triwulan yang ada: "
                                             r"II, III, IV\)"):
        baca_buku(kosong, triwulan=1)


def test_nama_seperti_rumus_tetap_teks(hasil, tmp_path):
    """A KPM named like a formula is written and read back as text, never run."""
    import dataclasses

    h = dataclasses.replace(hasil, konfigurasi=hasil.konfigurasi.model_copy(deep=True))
    h.konfigurasi.desa[0].kpm[0].nama = "=HYPERLINK(\"http://contoh\",\"x\")\x07"
    p = tmp_path / "e.xlsx"
    p.write_bytes(buku_evaluasi(bangun_buku_evaluasi(h)))
    ws = openpyxl.load_workbook(p)["Sepang"]
    assert ws["D7"].value == "=HYPERLINK(\"http://contoh\",\"x\")" and ws["D7"].data_type == "s"
    isi(p, tmp_path / "t.xlsx")
    assert baca_buku(tmp_path / "t.xlsx").kpm[0].nama == "=HYPERLINK(\"http://contoh\",\"x\")"


# --- LibreOffice computes what the rules compute ---------------------------------------------------------


def _calc() -> str:
    """soffice with Calc, else skip (in CI: fail) with the package to install (as conftest does)."""
    perlu_program("soffice")
    soffice = libreoffice_tersedia()
    if soffice is None or not any(Path(soffice).resolve().parent.glob("libsclo.so")):
        pesan = "LibreOffice Calc tidak terpasang (sudo apt-get install libreoffice-calc-nogui)"
        if os.environ.get("PERBUP_GEN_CI"):
            pytest.fail(pesan + " -- CI harus memasangnya (.ci/run)")
        pytest.skip(pesan)
    return soffice


def test_libreoffice_menghitung_sama(kosong, tmp_path):
    """The filled workbook opened, recalculated and saved by LibreOffice Calc (as a clerk's office
    suite would) reads back clean: every cached score and incentive equals the rules'."""
    soffice = _calc()
    terisi = tmp_path / "terisi.xlsx"
    catatan = isi(kosong, terisi)
    keluar = tmp_path / "lo"
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profil", "--convert-to",
                    "xlsx", "--outdir", str(keluar), str(terisi)], check=True, capture_output=True, timeout=240)
    disimpan = keluar / "terisi.xlsx"
    ws = openpyxl.load_workbook(disimpan, data_only=True)["Sepang"]
    kol = _kolom(openpyxl.load_workbook(disimpan)["Sepang"])
    assert ws.cell(row=BARIS_DATA, column=kol["tw3:nilai"]).value == 66.67
    assert ws.cell(row=BARIS_DATA, column=kol["tw3:insentif"]).value == 1000050
    assert ws.cell(row=BARIS_DATA, column=kol["tw4:nilai"]).value in (None, "")  # not yet evaluated
    h = baca_buku(disimpan)  # compares every cached value with the rules
    assert h.jumlah == sum(_harap(x, 2)[1] + _harap(x, 3)[1] for *_, x in catatan)
    # a cached value that disagrees with the rules (a rule changed in the workbook) is refused
    import zipfile

    lembar = f"xl/worksheets/sheet{KECAMATAN.index('Sepang') + 3}.xml"
    with zipfile.ZipFile(disimpan) as z:
        bagian = {n: z.read(n) for n in z.namelist()}
    assert b"<v>1000050</v>" in bagian[lembar]
    bagian[lembar] = bagian[lembar].replace(b"<v>1000050</v>", b"<v>999</v>", 1)
    with zipfile.ZipFile(tmp_path / "diubah.xlsx", "w") as z:
        for n, isi_ in bagian.items():
            z.writestr(n, isi_)
    with pytest.raises(BukuKerjaError, match=r"lembar Sepang, sel M7: nilai tersimpan 999 berbeda dari perhitungan "
                                             r"aturan 1000050"):
        baca_buku(tmp_path / "diubah.xlsx")
