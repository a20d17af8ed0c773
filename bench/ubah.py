"""Revision speed: align, amend and compare two 60-Pasal versions of a Perbup (target <= 1 s).

    .venv/bin/python bench/ubah.py

Builds the versions itself: the Gunung Mas config with a clause folder adding BAB of generated
Pasal (ayat and lists made from the Perbup's own sentences, each Pasal with words of its own) up
to 60 Pasal, rendered to DOCX and imported back as the old regulation; the new version is the same
config with 6 Pasal reworded, 2 inserted, 2 deleted, 1 definition added and 1 ayat inserted.
Then times, median of 5 runs, from the two models in memory:
  align     naskah.selaras.selaraskan + susun_perubahan (the old numbering, the change list)
  amend     dokumen.perubahan.bangun_perubahan (align again + the amending Perbup) and its DOCX
  compare   the tracked-changes DOCX and the matriks persandingan
and, for information, `perbup-gen banding` end to end in a new process (import, build, write).
"""
from __future__ import annotations

import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))

BIDANG = ["gizi", "sanitasi", "air minum", "pengasuhan", "kesehatan ibu", "imunisasi", "posyandu", "PAUD",
          "pangan", "perlindungan sosial", "administrasi kependudukan", "keluarga berencana", "data",
          "perencanaan", "penganggaran", "pelaporan", "pemantauan", "kader", "penyuluhan", "rujukan",
          "lingkungan", "perumahan", "jamban", "cuci tangan", "ASI eksklusif", "MP-ASI", "kelas ibu",
          "pendampingan", "koordinasi", "kemitraan", "inovasi", "insentif", "pelatihan", "publikasi",
          "pengaduan", "evaluasi", "sarana", "prasarana", "transportasi", "komunikasi"]


def _pasal_bab(rng: random.Random, kalimat: list[str], mulai: int, jumlah: int) -> str:
    out = []
    for i in range(mulai, mulai + jumlah):
        bidang = BIDANG[i % len(BIDANG)]
        out.append("#### Pasal")
        n_ayat = rng.randint(1, 4)
        for a in range(n_ayat):
            s = rng.choice(kalimat).rstrip(".:;")
            teks = f"Dalam bidang {bidang} tahap {i}, {s[0].lower() + s[1:]}"
            if n_ayat == 1:
                out.append(teks + ".")
            else:
                out.append(f"() {teks}.")
            if rng.random() < 0.3:
                out[-1] = out[-1].rstrip(".") + " meliputi:"
                for _ in range(rng.randint(2, 5)):
                    out.append(f"- {rng.choice(kalimat).rstrip('.:;').lower()} untuk {bidang}")
        out.append("")
    return "\n".join(out)


def siapkan(tmp: Path) -> tuple[Path, Path, Path]:
    """(old DOCX, old config, new config)."""
    from perbup_gen.dokumen.perbup import bangun_perbup
    from perbup_gen.konfigurasi.muat import muat_konfigurasi
    from perbup_gen.naskah.model import semua_pasal
    from perbup_gen.proses.bangun import Penyaji

    dasar = bangun_perbup(muat_konfigurasi(AKAR / "examples" / "gunung-mas"))
    kalimat = sorted({"".join(x.teks for x in a.isi if hasattr(x, "teks")) for p in semua_pasal(dasar.batang_tubuh)
                      for a in p.ayat if len(a.isi) and "sebagaimana" not in "".join(
                          x.teks for x in a.isi if hasattr(x, "teks"))})
    rng = random.Random(16)
    lama = tmp / "lama"
    shutil.copytree(AKAR / "examples" / "gunung-mas", lama)
    (lama / "klausul" / "perbup").mkdir(parents=True)
    kurang = 60 - sum(1 for _ in semua_pasal(dasar.batang_tubuh))
    for k, (nama, judul) in enumerate((("112_sektor.md", "KONVERGENSI SEKTOR"), ("114_layanan.md", "LAYANAN DASAR"),
                                       ("116_dukungan.md", "DUKUNGAN DAERAH"))):
        n = kurang // 3 + (1 if k < kurang % 3 else 0)
        (lama / "klausul" / "perbup" / nama).write_text(
            f"# {judul}\n\n" + _pasal_bab(rng, kalimat, 100 * (k + 1), n), "utf-8")
    konfig = lama / "kabupaten.yaml"
    konfig.write_text(konfig.read_text("utf-8") + "folder_klausul: klausul\n", "utf-8")
    hasil = muat_konfigurasi(lama)
    dok = bangun_perbup(hasil)
    assert sum(1 for _ in semua_pasal(dok.batang_tubuh)) == 60
    f = tmp / "perbup-lama.docx"
    f.write_bytes(Penyaji(hasil, "docx")(dok))
    # the new version: the same clauses, changed
    baru = tmp / "baru"
    shutil.copytree(lama, baru)
    k = baru / "klausul" / "perbup"
    for nama in ("112_sektor.md", "114_layanan.md"):
        baris = (k / nama).read_text("utf-8").split("\n")
        idx = [i for i, b in enumerate(baris) if b.startswith("#### Pasal")]
        for j in idx[1:4]:  # reworded: the first line of three Pasal
            baris[j + 1] = baris[j + 1].replace("Dalam bidang", "Untuk urusan", 1)
        baris[idx[5]:idx[5]] = ["#### Pasal", "Desa menyusun rencana aksi tahunan konvergensi layanan.", ""]
        del baris[idx[-1]:]  # the last Pasal deleted
        if nama == "114_layanan.md":
            baris.insert(idx[0] + 2, "() Camat memantau pelaksanaan rencana aksi tahunan di setiap Desa.")
        (k / nama).write_text("\n".join(baris), "utf-8")
    import yaml

    data = yaml.safe_load((AKAR / "clauses" / "perbup" / "definisi.yaml").read_text("utf-8"))
    i = next(i for i, d in enumerate(data["definisi"]) if "Camat" in d["istilah"])
    data["definisi"].insert(i + 1, {"teks": "Rencana Aksi Tahunan adalah rencana kegiatan konvergensi Desa.",
                                    "istilah": ["rencana aksi tahunan"]})
    (k / "definisi.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    konfig = baru / "kabupaten.yaml"
    konfig.write_text(konfig.read_text("utf-8").replace("perbup:\n", (
        f"perbup:\n  mengubah:\n    berkas: {f}\n    nomor: 12\n    tahun: 2020\n"
        "    berita_daerah: {tahun: 2020, nomor: 12}\n    bentuk: perubahan\n"), 1), "utf-8")
    return f, lama, baru


def main() -> None:
    from perbup_gen.dokumen.perbup import bangun_perbup
    from perbup_gen.dokumen.perubahan import bangun_perubahan
    from perbup_gen.impor import impor_berkas
    from perbup_gen.keluaran.docx_ubah import PenyajiDocxUbah
    from perbup_gen.keluaran.matriks import render_matriks
    from perbup_gen.keluaran.terlacak import render_terlacak
    from perbup_gen.konfigurasi.muat import muat_konfigurasi
    from perbup_gen.naskah.selaras import persandingan_perubahan, selaraskan, susun_perubahan

    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        f, _, baru = siapkan(tmp)
        lama = impor_berkas(f).dokumen
        hasil = muat_konfigurasi(baru)
        dok_baru = bangun_perbup(hasil)
        penyaji = PenyajiDocxUbah()
        penyaji_lacak = PenyajiDocxUbah(harfiah=True)
        waktu: dict[str, list[float]] = {"selaras": [], "ubah": [], "banding": [], "total": []}
        for _ in range(5):
            t0 = time.perf_counter()
            sel = selaraskan(lama, dok_baru)
            hp = susun_perubahan(sel)
            t1 = time.perf_counter()
            hu = bangun_perubahan(hasil, lama, dok_baru)
            penyaji.render(hu.dokumen)
            t2 = time.perf_counter()
            render_terlacak(lama, hp.konsolidasi, hp.pasangan, penyaji_lacak, "bench", "2025-03-01T00:00:00Z")
            baris = persandingan_perubahan(lama, hp)
            render_matriks(["MATRIKS"], baris, [""] * len(baris))
            t3 = time.perf_counter()
            for k, v in (("selaras", t1 - t0), ("ubah", t2 - t1), ("banding", t3 - t2), ("total", t3 - t0)):
                waktu[k].append(v)
        r = hp.ringkasan
        print(f"{r.pasal_lama} Pasal lama, {r.pasal_baru} baru: {r.diubah} diubah, {r.disisipkan} disisipkan, "
              f"{r.dihapus} dihapus; {len(hp.perubahan)} butir perubahan")
        for k, nama in (("selaras", "selaras (penyelarasan + penomoran lama)"), ("ubah", "perubahan (model + DOCX)"),
                        ("banding", "banding (terlacak + matriks)"), ("total", "jumlah")):
            print(f"{nama}: median {statistics.median(waktu[k]):.3f} s (min {min(waktu[k]):.3f}, maks {max(waktu[k]):.3f})")
        # end to end, a new process each time
        ujung = []
        for i in range(3):
            t0 = time.perf_counter()
            subprocess.run([str(AKAR / ".venv" / "bin" / "perbup-gen"), "banding", str(f), str(baru), "-o",
                            str(tmp / f"out{i}")], check=True, capture_output=True)
            ujung.append(time.perf_counter() - t0)
        print(f"perbup-gen banding (proses baru, impor + bangun + tulis): median {statistics.median(ujung):.3f} s")


if __name__ == "__main__":
    main()
