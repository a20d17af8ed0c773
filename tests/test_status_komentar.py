"""status.yaml keeps the hand-written comments when `perbup-gen status` (or the web app) records a
step or an initial: the file is updated in place with a round-trip YAML library."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from click.testing import CliRunner

from perbup_gen.cli import main
from perbup_gen.konfigurasi.muat import muat_konfigurasi
from perbup_gen.proses.status import catat_paraf, catat_tahap, muat_status

CONTOH = Path(__file__).resolve().parent.parent / "examples"

STATUS = """\
# catatan tangan: jangan dihapus
paraf:
  perbup:
    - {jabatan: Kepala Bagian Hukum, tanggal: 2025-04-20}  # diparaf di ruang rapat
  tim_penyusun: []
tahapan:
  # Tahap 1 dikerjakan Bagian Hukum
  t1-tim: {selesai: 2025-01-20, catatan: Keputusan Bupati Nomor 12 Tahun 2025}  # SK ada di lemari
  t2-sekda: 2025-04-12   # singkat
"""


def _salin(tmp_path: Path) -> Path:
    folder = tmp_path / "gunung-mas"
    shutil.copytree(CONTOH / "gunung-mas", folder)
    (folder / "status.yaml").write_text(STATUS, encoding="utf-8")
    return folder


def test_perintah_status_menyimpan_komentar(tmp_path):
    folder = _salin(tmp_path)
    r = CliRunner().invoke(main, ["status", str(folder), "--selesai", "t1-reviu", "--tanggal", "2025-02-10"])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["status", str(folder), "--paraf", "tim_penyusun", "--jabatan", "sekretaris daerah",
                                  "--tanggal", "2025-01-18", "--oleh", "Plh. Sekretaris Daerah"])
    assert r.exit_code == 0, r.output
    teks = (folder / "status.yaml").read_text(encoding="utf-8")
    for komentar in ("# catatan tangan: jangan dihapus", "# diparaf di ruang rapat", "# Tahap 1 dikerjakan Bagian Hukum",
                     "# SK ada di lemari", "# singkat"):
        assert komentar in teks
    # the new step lands in schedule order, in the file's flow style; the shorthand stays short
    assert teks.index("t1-tim:") < teks.index("t1-reviu: {selesai: 2025-02-10}") < teks.index("t2-sekda: 2025-04-12")
    assert "- {jabatan: Sekretaris Daerah, tanggal: 2025-01-18, oleh: Plh. Sekretaris Daerah}" in teks
    s = muat_status(muat_konfigurasi(folder))
    assert s.selesai("t1-reviu") == dt.date(2025, 2, 10)
    assert s.cari_paraf("tim_penyusun", "Sekretaris Daerah").oleh == "Plh. Sekretaris Daerah"


def test_ubah_dan_hapus_menyimpan_komentar_lain(tmp_path):
    folder = _salin(tmp_path)
    hasil = muat_konfigurasi(folder)
    catat_tahap(hasil, "t1-tim", dt.date(2025, 1, 21))  # the note is kept, the comment on the line too
    catat_paraf(hasil, "perbup", "Kepala Bagian Hukum", None)
    teks = (folder / "status.yaml").read_text(encoding="utf-8")
    assert "t1-tim: {selesai: 2025-01-21, catatan: Keputusan Bupati Nomor 12 Tahun 2025}  # SK ada di lemari" in teks
    assert "Kepala Bagian Hukum" not in teks
    assert "# catatan tangan: jangan dihapus" in teks and "# Tahap 1 dikerjakan Bagian Hukum" in teks
    s = muat_status(hasil)
    assert s.paraf.perbup == [] and s.selesai("t1-tim") == dt.date(2025, 1, 21)


def test_berkas_baru_berkepala(tmp_path):
    folder = _salin(tmp_path)
    (folder / "status.yaml").unlink()
    hasil = muat_konfigurasi(folder)
    catat_tahap(hasil, "t1-reviu", dt.date(2025, 2, 10))
    catat_tahap(hasil, "t1-tim", dt.date(2025, 1, 20))
    teks = (folder / "status.yaml").read_text(encoding="utf-8")
    assert teks.startswith("# Status penyusunan Peraturan Bupati")
    assert teks.index("t1-tim:") < teks.index("t1-reviu:")
