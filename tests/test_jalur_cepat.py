"""The fast batch path (bench/nasional.py: worker processes, precompiled clauses, the template
loaded once) writes byte for byte what the one-off path (`bangun_sk_kpm` + `render_docx`) makes,
for desa whose real names carry '/', "'" and brackets. Speed itself is measured in bench/, not here."""
from __future__ import annotations

import json
import multiprocessing as mp
import sys
from pathlib import Path

import pytest

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR / "bench"))

import nasional  # noqa: E402

from baca_docx import baca  # noqa: E402

from perbup_gen.keluaran.berkas import nama_berkas  # noqa: E402
from perbup_gen.konfigurasi.muat import muat_data  # noqa: E402
from perbup_gen.keluaran.docx import render_docx  # noqa: E402
from perbup_gen.dokumen.sk_kpm import bangun_sk_kpm  # noqa: E402
from perbup_gen.konfigurasi.wilayah import DaftarWilayah  # noqa: E402

# Halmahera Utara: "Sosol/Malifut", "Kupa-kupa Selatan (Halehe)"; Aceh Selatan: "Pasi Kuala Ba'u"
KANTOR = {"82.03": "KEPALA DESA", "11.01": "KEUCHIK GAMPONG"}  # Aceh Selatan: gampong (UU 11/2006)
SAMPEL = {"82.03": ["82.03.08.2025", "82.03.06.2022", "82.03.11.2008"], "11.01": ["11.01.02.2018", "11.01.07.2015"]}


def tugas(kode_kab: str):
    w = DaftarWilayah.muat()
    kab = w.cari(kode_kab)
    desa = [(x.kode, x.nama) for x in w.keturunan(kode_kab) if x.tingkat == "desa"]
    return kode_kab, kab.nama, w.provinsi_dari(kode_kab).nama, desa


@pytest.mark.parametrize("kode_kab", sorted(SAMPEL))
def test_batch_path_equals_one_off_path(tmp_path, kode_kab):
    t = tugas(kode_kab)
    nama = {k: n for k, n in t[3]}
    assert any(c in "".join(nama[k] for k in SAMPEL[kode_kab]) for c in "/'(")
    with mp.get_context("fork").Pool(2) as pool:
        [(jumlah, gagal)] = pool.map(nasional.kerja, [(t, str(tmp_path))])
    assert gagal == 0 and jumlah == len(t[3])

    folder = tmp_path / nama_berkas(t[0], t[1])
    hasil = muat_data(nasional.data_konfigurasi(*t), Path("."), "uji")
    desa = {d.kode: d for d in hasil.konfigurasi.desa}
    manifest = {e["berkas"]: e for e in json.loads((folder / "manifest.json").read_text())["berkas"]}
    assert len(manifest) == len(t[3])
    for kode in SAMPEL[kode_kab]:
        jalur = f"sk-kpm/{nama_berkas(kode, nama[kode])}.docx"
        assert "/" not in jalur.split("/", 1)[1] and "'" not in jalur and "(" not in jalur
        sekali = render_docx(bangun_sk_kpm(hasil, desa[kode]))
        assert (folder / jalur).read_bytes() == sekali, kode
        assert manifest[jalur]["desa"] == kode
        teks = "\n".join(baca(sekali))
        assert f"KEPUTUSAN {KANTOR[kode_kab]} {nama[kode].upper()}" in teks


# --- the batch caches give what the plain path gives ---------------------------------------------
# PembangunSKKPM copies the desa-invariant diktum already punctuated (penomoran.tata_diktum) and
# PenyajiDocx reuses rendered blocks and numbering parts across documents: checked against the
# plain path on documents that differ only in what those caches are keyed on.

from perbup_gen.konfigurasi.model import KPM  # noqa: E402
from perbup_gen.konfigurasi.muat import muat_konfigurasi  # noqa: E402
from perbup_gen.naskah.penomoran import susun  # noqa: E402
from perbup_gen.dokumen.perbup import bangun_perbup  # noqa: E402
from perbup_gen.keluaran.docx import PenyajiDocx  # noqa: E402
from perbup_gen.dokumen.sk_kpm import PembangunSKKPM  # noqa: E402
from perbup_gen.dokumen.tim_penyusun import bangun_tim_penyusun  # noqa: E402

CONTOH = AKAR / "examples" / "gunung-mas"


def _ragam_desa(hasil):
    """Desa of several kecamatan, with one and with two KPM, and one KPM more than the roster."""
    desa = list(hasil.konfigurasi.desa)
    lain = desa[0].model_copy(deep=True)
    lain.kpm = lain.kpm + [KPM(nama="Tambahan", jenis_kelamin="L", pendidikan="SMA", alamat="RT 9")]
    pilih = desa[:3] + [d for d in desa if len(d.kpm) > 1][:2] + [lain]
    pilih += [d for d in desa if d.kode_kecamatan != desa[0].kode_kecamatan][:2]
    assert len({len(d.kpm) for d in pilih}) > 1 and len({d.kode_kecamatan for d in pilih}) > 1
    return pilih


def test_diktum_tertata_sama_dengan_susun_polos():
    hasil = muat_konfigurasi(CONTOH)
    cepat = PembangunSKKPM(hasil)
    polos = PembangunSKKPM(hasil)
    polos._tertata.clear()  # no pre-punctuated copies: susun() punctuates every diktum itself
    assert cepat._tertata
    penyaji = PenyajiDocx()
    for d in _ragam_desa(hasil):
        a, b = cepat.bangun(d), polos.bangun(d)
        assert a == b, d.kode
        assert susun(b) == a  # the plain path again on the same tree changes nothing
        assert penyaji.render(a) == PenyajiDocx().render(b), d.kode


def test_render_bersama_sama_dengan_render_tersendiri():
    """One renderer for a mix of documents (decrees of different shape, the Perbup, the Tim
    Penyusun decree, the decrees again): the same bytes as a fresh renderer for each."""
    hasil = muat_konfigurasi(CONTOH)
    pembangun = PembangunSKKPM(hasil)
    sk = [pembangun.bangun(d) for d in _ragam_desa(hasil)]
    doks = sk + [bangun_perbup(hasil), bangun_tim_penyusun(hasil)] + sk[::-1]
    penyaji = PenyajiDocx()
    for dok in doks:
        assert penyaji.render(dok) == PenyajiDocx().render(dok)
    assert penyaji._blok and penyaji._num_entri  # the caches were used
