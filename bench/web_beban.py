"""Load on the web app: N users at once, each uploading a roster of 500 desa and downloading the set.

    .venv/bin/python bench/web_beban.py            # 20 users, 500 desa each
    .venv/bin/python bench/web_beban.py --pengguna 5 --desa 100

Starts `perbup-gen web` as its own process on a free port of 127.0.0.1 (nothing else is contacted),
makes one district of 500 desa from the national list (perbup_gen/konfigurasi/wilayah.py) with
invented names (the generator of bench/nasional.py; `contoh: true`), and runs every user in a thread
with its own cookies: open the page, upload kabupaten.yaml + roster.xlsx, follow the check, start
the build, follow it, download the ZIP and count its SK KPM. Reports the time per user (upload to
ZIP in hand) and per HTTP request, median and worst, and every error. Exit code 1 on any error.
"""
from __future__ import annotations

import argparse
import io
import re
import statistics
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))
sys.path.insert(0, str(AKAR / "bench"))
sys.path.insert(0, str(AKAR / "tests"))


def district(jumlah_desa: int) -> tuple[bytes, bytes, str]:
    """(kabupaten.yaml, roster.xlsx, kabupaten name): the first kabupaten with enough desa."""
    import openpyxl
    import yaml

    from nasional import data_konfigurasi, kelompok_kabupaten, nama_fiktif
    from perbup_gen.konfigurasi.roster import NAMA_KOLOM

    kode, nama, provinsi, desa = next(k for k in kelompok_kabupaten(None) if len(k[3]) >= jumlah_desa)
    data = data_konfigurasi(kode, nama, provinsi, desa[:jumlah_desa])
    daftar = data.pop("desa")
    data["roster"] = "roster.xlsx"
    buku = openpyxl.Workbook()
    lembar = buku.active
    lembar.title = "Roster"
    lembar.append(NAMA_KOLOM)
    for d, (_, nama_desa) in zip(daftar, desa):
        k = d["kpm"][0]
        i = 2
        while k["nama"] == d["kepala_desa"]["nama"]:  # invented names may collide: a KPM is never the head
            k["nama"], i = nama_fiktif(d["kode"], i), i + 1
        baris = {"kode_desa": d["kode"], "nama_desa": nama_desa, "kepala_desa": d["kepala_desa"]["nama"], "nomor_sk": d["nomor_sk"],
                 "kpm_nama": k["nama"], "kpm_jenis_kelamin": k["jenis_kelamin"], "kpm_pendidikan": k["pendidikan"],
                 "kpm_alamat": k["alamat"], "kpm_pengalaman": "; ".join(k["pengalaman"])}
        lembar.append([baris.get(c, "") for c in NAMA_KOLOM])
    keluar = io.BytesIO()
    buku.save(keluar)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8"), keluar.getvalue(), nama


class Pengguna(threading.Thread):
    def __init__(self, url: str, yaml_: bytes, xlsx: bytes, desa: int, batas_waktu: float):
        super().__init__(daemon=True)
        self.url, self.yaml, self.xlsx, self.desa, self.batas = url, yaml_, xlsx, desa, batas_waktu
        self.permintaan: list[float] = []
        self.lama: float | None = None
        self.galat: str | None = None

    def _minta(self, klien, cara: str, jalur: str, **kw):
        t0 = time.perf_counter()
        r = klien.request(cara, self.url + jalur, **kw)
        self.permintaan.append(time.perf_counter() - t0)
        if r.status_code >= 400:
            raise RuntimeError(f"{cara} {jalur}: HTTP {r.status_code}")
        return r

    def _ikuti(self, klien, lokasi: str) -> dict:
        akhir = time.monotonic() + self.batas
        while time.monotonic() < akhir:
            d = self._minta(klien, "GET", lokasi + ".json").json()
            if d["keadaan"] == "selesai":
                return d
            if d["keadaan"] == "gagal":
                raise RuntimeError(f"pekerjaan gagal: {d.get('pesan')}")
            time.sleep(0.5)
        raise RuntimeError("pekerjaan tidak selesai dalam batas waktu")

    def run(self) -> None:
        import httpx2 as httpx

        try:
            with httpx.Client(timeout=120) as klien:
                csrf = re.search(r'name="_csrf" value="([^"]+)"', self._minta(klien, "GET", "/").text).group(1)
                t0 = time.perf_counter()
                r = self._minta(klien, "POST", "/unggah", data={"_csrf": csrf},
                                files={"konfigurasi": ("kabupaten.yaml", self.yaml), "roster": ("roster.xlsx", self.xlsx)})
                d = self._ikuti(klien, r.headers["location"])
                if not d["hasil"]["sah"] or d["hasil"]["galat"]:
                    raise RuntimeError(f"pemeriksaan: {d['hasil']}")
                r = self._minta(klien, "POST", "/bangun", data={"_csrf": csrf})
                self._ikuti(klien, r.headers["location"])
                isi = self._minta(klien, "GET", "/unduh/set.zip").content
                self.lama = time.perf_counter() - t0
                with zipfile.ZipFile(io.BytesIO(isi)) as z:
                    sk = [n for n in z.namelist() if "/sk-kpm/" in n and n.endswith(".docx")]
                if len(sk) != self.desa:
                    raise RuntimeError(f"ZIP berisi {len(sk)} SK KPM, bukan {self.desa}")
        except Exception as e:  # reported, counted as an error
            self.galat = f"{type(e).__name__}: {e}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pengguna", type=int, default=20)
    ap.add_argument("--desa", type=int, default=500)
    ap.add_argument("--batas-waktu", type=float, default=900, help="detik paling lama untuk satu pekerjaan")
    args = ap.parse_args()

    from web_bantu import hentikan, jalankan_server, port_bebas

    yaml_, xlsx, nama = district(args.desa)
    with tempfile.TemporaryDirectory() as tmp:
        port = port_bebas()
        server = jalankan_server(Path(tmp), port)
        try:
            url = f"http://127.0.0.1:{port}"
            pengguna = [Pengguna(url, yaml_, xlsx, args.desa, args.batas_waktu) for _ in range(args.pengguna)]
            t0 = time.perf_counter()
            for p in pengguna:
                p.start()
            for p in pengguna:
                p.join()
            total = time.perf_counter() - t0
        finally:
            hentikan(server)
    galat = [p.galat for p in pengguna if p.galat]
    lama = sorted(p.lama for p in pengguna if p.lama is not None)
    permintaan = sorted(x for p in pengguna for x in p.permintaan)
    print(f"{args.pengguna} pengguna serentak, {nama}: roster {args.desa} desa (XLSX {len(xlsx) // 1024} KB) diunggah, "
          f"diperiksa, dibuat, ZIP diunduh")
    if lama:
        print(f"  per pengguna (unggah sampai ZIP di tangan): median {statistics.median(lama):.1f} s, terlama {lama[-1]:.1f} s")
    if permintaan:
        print(f"  per permintaan HTTP ({len(permintaan)}): median {statistics.median(permintaan) * 1000:.0f} ms, "
              f"terlama {permintaan[-1] * 1000:.0f} ms")
    print(f"  semua selesai dalam {total:.1f} s; galat: {len(galat)}")
    for g in galat:
        print(f"    {g}")
    return 1 if galat else 0


if __name__ == "__main__":
    sys.exit(main())
