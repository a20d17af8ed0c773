"""Hostile clause files (issue 11, point 1): a district's clause folder is untrusted input. Every
payload of tests/rawan/templat.yaml, written into a district clause file, either renders as plain
text or stops with a KlausulError naming the file and line; none reaches a callable, a file or the
shell, and the bounds on time and size stop the heavy ones with their own message."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from perbup_gen.cli import main
from perbup_gen.dokumen.konteks import konteks_dasar
from perbup_gen.dokumen.perbup import bangun_perbup
from perbup_gen.errors import KlausulError
from perbup_gen.konfigurasi.muat import muat_konfigurasi
from perbup_gen.naskah.klausul import urai_teks
from perbup_gen.naskah.model import teks_polos

AKAR = Path(__file__).resolve().parent.parent
KORPUS = yaml.safe_load((AKAR / "tests" / "rawan" / "templat.yaml").read_text(encoding="utf-8"))
KATINGAN = AKAR / "examples" / "katingan"


@pytest.fixture(scope="module")
def konteks():
    return konteks_dasar(muat_konfigurasi(KATINGAN))


@pytest.mark.parametrize("butir", KORPUS, ids=[b["muatan"][:40] for b in KORPUS])
def test_muatan_ditolak_atau_teks_biasa(butir, konteks, tmp_path):
    penanda = tmp_path / "terkena"
    muatan = butir["muatan"].replace("{PENANDA}", str(penanda))
    sumber = f"#### Pasal\nPasal uji.\n() Nilai {muatan}.\n"
    if butir["galat"] is None:
        [pasal] = urai_teks(sumber.replace("Pasal uji.\n", ""), konteks, "klausul/uji.md")
        assert "Nilai" in teks_polos(pasal.ayat[0].isi)
    else:
        with pytest.raises(KlausulError) as e:
            urai_teks(sumber, konteks, "klausul/uji.md")
        assert e.value.berkas == "klausul/uji.md" and e.value.baris == 3, str(e.value)
        assert butir["galat"] in str(e.value), str(e.value)
    assert not penanda.exists()


def test_nilai_tetap_teks_literal(konteks):
    [pasal] = urai_teks("#### Pasal\n() {{ '[[x]] *y* {{ 7*7 }}' }} dan {{ kpm.tugas | length }} tugas\n",
                        konteks, "k.md")
    assert teks_polos(pasal.ayat[0].isi) == "[[x]] *y* {{ 7*7 }} dan 5 tugas"


def test_konteks_hanya_data_polos(konteks):
    from types import MappingProxyType

    def cek(x):
        if isinstance(x, MappingProxyType):
            for v in x.values():
                cek(v)
        elif isinstance(x, tuple):
            for v in x:
                cek(v)
        else:
            assert not hasattr(x, "__dict__") and not callable(x), type(x)
    for v in konteks.values():
        cek(v)
    # objects are refused when a template is bound
    with pytest.raises(TypeError):
        urai_teks("#### Pasal\n() {{ x }}\n", {"x": muat_konfigurasi(KATINGAN).konfigurasi}, "k.md")


def _kabupaten_dengan_klausul(tmp_path: Path, isi: str) -> Path:
    folder = tmp_path / "katingan"
    shutil.copytree(KATINGAN, folder)
    (folder / "klausul" / "perbup").mkdir(parents=True)
    (folder / "klausul" / "perbup" / "125_hostil.md").write_text(isi, encoding="utf-8")
    teks = (folder / "kabupaten.yaml").read_text(encoding="utf-8")
    (folder / "kabupaten.yaml").write_text(teks + "\nfolder_klausul: klausul\n", encoding="utf-8")
    return folder


def test_cli_build_berhenti_tanpa_menulis(tmp_path):
    penanda = tmp_path / "terkena"
    folder = _kabupaten_dengan_klausul(
        tmp_path, f"#### Pasal\nTeks.\n() {{{{ cycler.__init__.__globals__.os.popen('touch {penanda}') }}}}\n")
    keluar = tmp_path / "out"
    r = CliRunner().invoke(main, ["build", str(folder), "-o", str(keluar), "--force"])
    assert r.exit_code == 2, r.output
    assert "125_hostil.md:3" in r.output and "Traceback" not in r.output
    assert not penanda.exists()
    assert not keluar.exists() or not any(keluar.rglob("*.docx"))


def test_cli_perkalian_raksasa_dihentikan_dengan_pesan(tmp_path):
    folder = _kabupaten_dengan_klausul(tmp_path, "#### Pasal\nTeks.\n() {{ \"x\" * 300000000 }}\n")
    r = CliRunner().invoke(main, ["perbup", str(folder), "-o", str(tmp_path / "out")])
    assert r.exit_code == 2
    assert "125_hostil.md:3" in r.output and "terlalu panjang" in r.output


def test_klausul_biasa_kabupaten_tetap_jalan(tmp_path):
    folder = _kabupaten_dengan_klausul(
        tmp_path, "#### Pasal\nKPM menerima {{ kpm.insentif.jumlah | rupiah }} dari {{ kpm.insentif.sumber }}.\n")
    dok = bangun_perbup(muat_konfigurasi(folder))
    semua = [teks_polos(a.isi) for b in dok.batang_tubuh for p in getattr(b, "isi", []) if hasattr(p, "ayat") for a in p.ayat]
    assert any("Rp400.000,00" in t for t in semua)


def test_batas_waktu_juga_di_utas_lain(konteks):
    """The web app renders in worker threads: the watchdog stops a runaway loop there too."""
    import threading

    hasil = {}

    def kerja():
        try:
            urai_teks("#### Pasal\n() {% set s = 'x' * 3000 %}{% for a in s %}{% for b in s %}{% for c in s %}"
                      "{% endfor %}{% endfor %}{% endfor %}\n", konteks, "k.md")
        except KlausulError as e:
            hasil["galat"] = e

    t = threading.Thread(target=kerja)
    t.start()
    t.join(30)
    assert not t.is_alive()
    assert "batas waktu" in str(hasil["galat"]) and hasil["galat"].baris == 2
