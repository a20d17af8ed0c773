"""The web app: Starlette routes over the same stage functions as the command line.

Pages are Jinja templates in templates/web/ (autoescaped; they see plain data), assets are served
from templates/web/aset/. Every POST form carries the session's CSRF token; every change to a
session's files happens under that session's lock; long work runs as a job (`tugas`).
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import json
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from perbup_gen.errors import ConfigError, PerbupGenError
from perbup_gen.jalur import TEMPLAT
from perbup_gen.web.halaman import halaman_galat_teks, lingkungan
from perbup_gen.web import unggah
from perbup_gen.web.sesi import NAMA_COOKIE, UMUR_COOKIE, GudangSesi, Sesi
from perbup_gen.web.tugas import PengelolaTugas, baris_masalah

ASET = TEMPLAT / "web" / "aset"
HOST_LOKAL = {"127.0.0.1", "localhost", "::1"}
_CSP = ("default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; frame-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
_CSP_NASKAH = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'"


def host_lokal(host: str) -> bool:
    """127.0.0.0/8, ::1 and localhost: reachable from this computer only."""
    import ipaddress

    if host in HOST_LOKAL:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass
class Pengaturan:
    folder_data: Path  # where sessions live (<data>/sesi/...)
    folder_sumber: Path | None  # district folders offered to open (copied into the session)
    sandi: str | None  # PERBUP_GEN_SANDI: required to use the app when set
    host_lokal: bool = True
    pekerja: int | None = None


def buat_aplikasi(atur: Pengaturan) -> Starlette:
    web = _Web(atur)
    rute = [
        Route("/", web.beranda),
        Route("/masuk", web.masuk, methods=["GET", "POST"]),
        Route("/keluar", web.keluar, methods=["POST"]),
        Route("/unggah", web.unggah, methods=["POST"]),
        Route("/baru", web.baru, methods=["POST"]),
        Route("/buka", web.buka, methods=["POST"]),
        Route("/isian", web.isian, methods=["GET", "POST"]),
        Route("/periksa", web.periksa_ulang, methods=["POST"]),
        Route("/bangun", web.bangun, methods=["POST"]),
        Route("/tugas/{id}.json", web.tugas_json),
        Route("/tugas/{id}", web.tugas),
        Route("/pratinjau/{kunci}", web.pratinjau),
        Route("/naskah/{kunci}", web.naskah),
        Route("/status", web.status),
        Route("/status/tahap", web.status_tahap, methods=["POST"]),
        Route("/status/paraf", web.status_paraf, methods=["POST"]),
        Route("/unduh/set.zip", web.unduh_set),
        Route("/unduh/pdf.zip", web.unduh_pdf),
        Route("/unduh/dokumen/{kunci}", web.unduh_dokumen),
        Route("/unduh/konfigurasi.zip", web.unduh_konfigurasi),
        Route("/unduh/roster", web.unduh_roster),
        Mount("/aset", app=StaticFiles(directory=str(ASET)), name="aset"),
    ]
    middleware = [Middleware(unggah.BatasBadan)]
    if atur.host_lokal:  # no password on localhost: refuse other Host headers (DNS rebinding)
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=["127.0.0.1", "localhost", "[::1]"]))
    @contextlib.asynccontextmanager
    async def umur(app):
        yield
        web.tugas_kerja.tutup()

    app = Starlette(routes=rute, middleware=middleware, lifespan=umur,
                    exception_handlers={HTTPException: web.galat_http, PerbupGenError: web.galat_domain, Exception: web.galat_internal})
    app.state.web = web
    return app


class _Web:
    def __init__(self, atur: Pengaturan):
        self.atur = atur
        self.gudang = GudangSesi(atur.folder_data)
        self.tugas_kerja = PengelolaTugas(atur.pekerja)
        self._cache: dict[str, tuple[tuple, object]] = {}
        self._cache_kunci = threading.Lock()

    # --- plumbing ----------------------------------------------------------------------------

    def _sesi(self, request: Request) -> Sesi:
        sesi = self.gudang.ambil(request.cookies.get(NAMA_COOKIE))
        request.state.sesi = sesi
        return sesi

    def _perlu_masuk(self, sesi: Sesi) -> bool:
        return bool(self.atur.sandi) and not sesi.data.get("masuk")

    def _halaman(self, request: Request, nama: str, status: int = 200, **konteks) -> HTMLResponse:
        sesi: Sesi = request.state.sesi
        isi = lingkungan().get_template(nama).render(csrf=sesi.csrf, sandi=bool(self.atur.sandi),
                                                      masuk=bool(sesi.data.get("masuk")), **konteks)
        return self._cookie(HTMLResponse(isi, status), sesi, _CSP)

    def _cookie(self, resp: Response, sesi: Sesi, csp: str | None = _CSP) -> Response:
        if sesi.baru:
            resp.set_cookie(NAMA_COOKIE, sesi.token, max_age=UMUR_COOKIE, httponly=True, samesite="strict", path="/")
        if csp:
            resp.headers["Content-Security-Policy"] = csp
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["Referrer-Policy"] = "same-origin"  # keeps the Origin header of our own forms
        resp.headers["X-Frame-Options"] = "SAMEORIGIN"
        resp.headers["Cache-Control"] = "no-store"
        return resp

    def _ke(self, sesi: Sesi, url: str) -> Response:
        return self._cookie(RedirectResponse(url, status_code=303), sesi)

    async def _mulai(self, request: Request, perlu_csrf: bool = True) -> tuple[Sesi, dict | None, Response | None]:
        """The session, the form (POST) and a response to return instead (login, bad token)."""
        sesi = await run_in_threadpool(self._sesi, request)
        form = None
        if request.method == "POST":
            if not _asal_sama(request):
                return sesi, None, self._halaman(request, "galat.html.j2", 403, judul="Permintaan ditolak",
                                                 pesan="Formulir dikirim dari situs lain; permintaan ditolak.")
            try:
                form = await request.form(max_files=4, max_fields=40)
            except Exception:
                return sesi, None, self._halaman(request, "galat.html.j2", 400, judul="Permintaan ditolak",
                                                 pesan="Formulir tidak dapat dibaca.")
            if perlu_csrf and not self.gudang.csrf_cocok(sesi, form.get("_csrf")):
                return sesi, form, self._halaman(request, "galat.html.j2", 403, judul="Formulir kedaluwarsa",
                                                 pesan="Token keamanan formulir (CSRF) tidak ada atau tidak cocok. Muat ulang halaman, lalu kirim lagi.")
        if self._perlu_masuk(sesi) and request.url.path != "/masuk":
            return sesi, form, self._ke(sesi, "/masuk")
        return sesi, form, None

    def _konfigurasi(self, sesi: Sesi):
        """The session's validated config (cached while its files are unchanged), or ConfigError."""
        from perbup_gen.konfigurasi.muat import muat_konfigurasi

        folder = sesi.folder_kabupaten
        tanda = tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in folder.iterdir() if p.is_file()))
        with self._cache_kunci:
            ada = self._cache.get(folder.name + str(folder))
        if ada and ada[0] == tanda:
            return ada[1]
        hasil = muat_konfigurasi(folder, terkurung=True)
        with self._cache_kunci:
            if len(self._cache) > 64:
                self._cache.clear()
            self._cache[folder.name + str(folder)] = (tanda, hasil)
        return hasil

    def _ada_konfigurasi(self, sesi: Sesi) -> bool:
        return (sesi.folder_kabupaten / "kabupaten.yaml").is_file()

    def _mulai_tugas(self, sesi: Sesi, jenis: str, opsi: dict | None = None) -> str:
        with self.gudang.kunci(sesi):
            self._cek_tidak_sibuk(sesi)
            id_tugas = self.tugas_kerja.mulai(jenis, sesi.folder, opsi)
            sesi.data["tugas"] = id_tugas
            if jenis == "periksa":
                sesi.data["tugas_periksa"] = id_tugas
            else:
                sesi.data["tugas_bangun"] = id_tugas
        return id_tugas

    def _cek_tidak_sibuk(self, sesi: Sesi) -> None:
        if self.tugas_kerja.sibuk(sesi.folder_tugas, sesi.data.get("tugas")):
            raise unggah.UnggahanDitolak("Masih ada pekerjaan yang berjalan untuk sesi ini; tunggu sampai selesai.", 409)

    # --- errors ------------------------------------------------------------------------------

    def _sesi_aman(self, request: Request) -> Sesi:
        sesi = getattr(request.state, "sesi", None)
        return sesi if sesi is not None else self._sesi(request)

    async def galat_http(self, request: Request, exc: HTTPException):
        sesi = await run_in_threadpool(self._sesi_aman, request)
        request.state.sesi = sesi
        pesan = {404: "Halaman atau berkas tidak ditemukan.", 405: "Cara permintaan ini tidak diizinkan."}.get(exc.status_code, "Permintaan tidak dapat dilayani.")
        if exc.status_code == 400 and "host" in str(exc.detail).lower():
            pesan = "Alamat host tidak diizinkan."
        return self._halaman(request, "galat.html.j2", exc.status_code, judul="Tidak ditemukan" if exc.status_code == 404 else "Permintaan ditolak", pesan=pesan)

    async def galat_domain(self, request: Request, exc: PerbupGenError):
        sesi = await run_in_threadpool(self._sesi_aman, request)
        request.state.sesi = sesi
        status = getattr(exc, "status", 400)
        if isinstance(exc, ConfigError):
            return self._halaman(request, "galat.html.j2", 422, judul="Masukan tidak sah", pesan="Masukan tidak sah:",
                                 masalah=baris_masalah(exc.masalah, sesi.folder_kabupaten))
        return self._halaman(request, "galat.html.j2", status, judul="Tidak dapat diproses", pesan=str(exc))

    async def galat_internal(self, request: Request, exc: Exception):
        import logging

        logging.getLogger("perbup_gen.web").exception("kesalahan internal")
        isi = halaman_galat_teks("Kesalahan internal perbup-gen. Ini kesalahan program, bukan kesalahan masukan Anda; "
                                 "laporkan kepada pengembang (rinciannya ada di keluaran server).", "Kesalahan internal")
        return HTMLResponse(isi, 500)

    # --- pages -------------------------------------------------------------------------------

    async def masuk(self, request: Request):
        sesi, form, lain = await self._mulai(request)
        if lain is not None:
            return lain
        if not self.atur.sandi:
            return self._ke(sesi, "/")
        salah = False
        if request.method == "POST":
            import asyncio
            import hmac

            if hmac.compare_digest(str(form.get("sandi", "")).encode("utf-8"), self.atur.sandi.encode("utf-8")):
                with self.gudang.kunci(sesi):
                    sesi.data["masuk"] = True
                return self._ke(sesi, "/")
            await asyncio.sleep(1)  # slows guessing
            salah = True
        return self._halaman(request, "masuk.html.j2", 401 if salah else 200, salah=salah)

    async def keluar(self, request: Request):
        sesi, form, lain = await self._mulai(request)
        if lain is not None:
            return lain
        with self.gudang.kunci(sesi):
            sesi.data["masuk"] = False
        return self._ke(sesi, "/masuk" if self.atur.sandi else "/")

    async def beranda(self, request: Request):
        sesi, _, lain = await self._mulai(request)
        if lain is not None:
            return lain
        return await run_in_threadpool(self._beranda, request, sesi)

    def _beranda(self, request: Request, sesi: Sesi):
        periksa = _baca_json(sesi.folder / "periksa.json")
        id_periksa = sesi.data.get("tugas_periksa")
        t_periksa = self.tugas_kerja.keadaan(sesi.folder_tugas, id_periksa) if id_periksa else None
        id_bangun = sesi.data.get("tugas_bangun")
        t_bangun = self.tugas_kerja.keadaan(sesi.folder_tugas, id_bangun) if id_bangun else None
        dokumen = []
        sah = bool(periksa and periksa.get("sah")) and self._ada_konfigurasi(sesi)
        if sah:
            try:
                from perbup_gen.proses.pratinjau import daftar_dokumen

                dokumen = daftar_dokumen(self._konfigurasi(sesi))
            except ConfigError:
                sah = False
        terbangun = set(_baca_json(sesi.folder_keluaran / "jalur.json") or [])
        ringkas_temuan = None
        if periksa and periksa.get("sah"):
            ringkas_temuan = {"galat": sum(t["tingkat"] == "galat" for t in periksa["temuan"]),
                              "peringatan": sum(t["tingkat"] == "peringatan" for t in periksa["temuan"])}
        return self._halaman(
            request, "beranda.html.j2",
            ada_konfigurasi=self._ada_konfigurasi(sesi), unggahan=sesi.data.get("unggahan", {}), sumber=sesi.data.get("sumber"),
            periksa=periksa, ringkas_temuan=ringkas_temuan, t_periksa=t_periksa, t_bangun=t_bangun,
            dokumen=[{"kunci": d.kunci, "judul": d.judul, "ada": d.jalur + ".docx" in terbangun} for d in dokumen],
            ada_set=(sesi.folder_keluaran / "set.zip").is_file() and bool(t_bangun and t_bangun.get("keadaan") == "selesai"),
            ada_pdf=(sesi.folder_keluaran / "pdf.zip").is_file() and bool(t_bangun and (t_bangun.get("hasil") or {}).get("pdf")),
            folder_sumber=[nama for nama, _ in self._daftar_sumber()],
            ada_roster=_roster(sesi) is not None,
        )

    async def unggah(self, request: Request):
        sesi, form, lain = await self._mulai(request)
        if lain is not None:
            return lain
        berkas_konf = form.get("konfigurasi")
        berkas_roster = form.get("roster")
        konf = await unggah.baca_berkas(berkas_konf, unggah.KONFIGURASI_MAKS, "Berkas konfigurasi") if _ada_berkas(berkas_konf) else None
        roster = await unggah.baca_berkas(berkas_roster, unggah.ROSTER_MAKS, "Berkas roster") if _ada_berkas(berkas_roster) else None
        if konf is None and roster is None:
            raise unggah.UnggahanDitolak("Pilih berkas konfigurasi (kabupaten.yaml) atau roster (.xlsx/.csv) untuk diunggah.")
        jenis = unggah.jenis_roster(roster) if roster is not None else None
        await run_in_threadpool(self._simpan_unggahan, sesi, konf, roster, jenis,
                                unggah.nama_tampil(getattr(berkas_konf, "filename", None)) if konf else None,
                                unggah.nama_tampil(getattr(berkas_roster, "filename", None)) if roster else None)
        id_tugas = await run_in_threadpool(self._mulai_tugas, sesi, "periksa")
        return self._ke(sesi, f"/tugas/{id_tugas}")

    def _simpan_unggahan(self, sesi: Sesi, konf: bytes | None, roster: bytes | None, jenis: str | None,
                         nama_konf: str | None, nama_roster: str | None) -> None:
        from perbup_gen.proses.inisialisasi import sunting_yaml

        folder = sesi.folder_kabupaten
        with self.gudang.kunci(sesi):
            self._cek_tidak_sibuk(sesi)
            if konf is None and not self._ada_konfigurasi(sesi):
                raise unggah.UnggahanDitolak("Belum ada konfigurasi di sesi ini: unggah kabupaten.yaml bersama roster, "
                                             "atau mulai dari kode kabupaten.")
            unggahan = sesi.data.setdefault("unggahan", {})
            if konf is not None:
                for p in folder.iterdir():  # a new district: nothing of the previous one stays
                    if p.is_file():
                        p.unlink()
                unggah.tulis(folder / "kabupaten.yaml", konf)
                unggahan.clear()
                unggahan["kabupaten.yaml"] = nama_konf
                sesi.data["sumber"] = "unggahan"
            if roster is not None:
                for lama in ("roster.xlsx", "roster.csv"):
                    (folder / lama).unlink(missing_ok=True)
                unggah.tulis(folder / f"roster.{jenis}", roster)
                unggahan.pop("roster.xlsx", None)
                unggahan.pop("roster.csv", None)
                unggahan[f"roster.{jenis}"] = nama_roster
            r = _roster(sesi)
            if r is not None:
                try:
                    sunting_yaml(folder / "kabupaten.yaml", {("roster",): r.name})
                except Exception:
                    pass  # a broken kabupaten.yaml: the check job names the problem
            _kosongkan_hasil(sesi)

    async def baru(self, request: Request):
        sesi, form, lain = await self._mulai(request)
        if lain is not None:
            return lain
        kode = str(form.get("kode", "")).strip()[:20]
        await run_in_threadpool(self._baru, sesi, kode)
        return self._ke(sesi, "/isian")

    def _baru(self, sesi: Sesi, kode: str) -> None:
        from perbup_gen.proses.inisialisasi import buat_folder_kabupaten

        # an unknown code raises before anything changes
        self._ganti_kabupaten(sesi, lambda folder: buat_folder_kabupaten(kode, folder, force=True), f"init {kode}")

    def _ganti_kabupaten(self, sesi: Sesi, isi, sumber: str) -> None:
        """Replace the session's district folder with a new one that `isi(folder)` fills; when it
        raises, the old folder stays as it was."""
        with self.gudang.kunci(sesi):
            self._cek_tidak_sibuk(sesi)
            sementara = sesi.folder / "kabupaten.baru"
            shutil.rmtree(sementara, ignore_errors=True)
            isi(sementara)
            shutil.rmtree(sesi.folder_kabupaten, ignore_errors=True)
            sementara.rename(sesi.folder_kabupaten)
            sesi.data["unggahan"] = {}
            sesi.data["sumber"] = sumber
            _kosongkan_hasil(sesi)

    async def isian(self, request: Request):
        sesi, form, lain = await self._mulai(request)
        if lain is not None:
            return lain
        from perbup_gen.konfigurasi.inisialisasi import ISIAN, nilai_isian

        path = sesi.folder_kabupaten / "kabupaten.yaml"
        if not path.is_file():
            return self._ke(sesi, "/")
        if request.method == "POST":
            perubahan = {}
            for i, (jalur, _, jenis) in enumerate(ISIAN):
                v = str(form.get(f"isian{i}", "")).strip()[:300]
                if jenis == "angka" and v.isdigit():
                    perubahan[jalur] = int(v)
                else:
                    perubahan[jalur] = v
            await run_in_threadpool(self._simpan_isian, sesi, path, perubahan)
            id_tugas = await run_in_threadpool(self._mulai_tugas, sesi, "periksa")
            return self._ke(sesi, f"/tugas/{id_tugas}")
        nilai = await run_in_threadpool(nilai_isian, path)
        from perbup_gen.konfigurasi.peraturan import tabel_paket

        _, tabel, _ = tabel_paket()
        uu = sorted(k for k, v in tabel.items() if v.jenis == "UU")
        return self._halaman(request, "isian.html.j2", isian=[
            {"nama": f"isian{i}", "label": label, "nilai": nilai[jalur], "jenis": jenis, "daftar": uu if jalur == ("kabupaten", "dasar_pembentukan") else None}
            for i, (jalur, label, jenis) in enumerate(ISIAN)], ada_roster=_roster(sesi) is not None)

    def _simpan_isian(self, sesi: Sesi, path: Path, perubahan: dict) -> None:
        from perbup_gen.proses.inisialisasi import sunting_yaml

        with self.gudang.kunci(sesi):
            self._cek_tidak_sibuk(sesi)
            sunting_yaml(path, perubahan)
            _kosongkan_hasil(sesi)

    def _daftar_sumber(self) -> list[tuple[str, Path]]:
        """District folders offered to open: FOLDER itself and its subfolders with kabupaten.yaml."""
        akar = self.atur.folder_sumber
        if akar is None or not akar.is_dir():
            return []
        calon = [akar] + sorted(p for p in akar.iterdir() if p.is_dir() and not p.name.startswith("."))
        data = self.atur.folder_data.resolve()
        return [(p.name, p) for p in calon if (p / "kabupaten.yaml").is_file() and p.resolve() != data
                and data not in p.resolve().parents][:200]

    async def buka(self, request: Request):
        sesi, form, lain = await self._mulai(request)
        if lain is not None:
            return lain
        pilihan = dict(self._daftar_sumber())
        nama = str(form.get("folder", ""))
        if nama not in pilihan:  # a name from the list we offered, never a path from the browser
            raise unggah.UnggahanDitolak("Folder kabupaten tidak ada dalam daftar.")
        await run_in_threadpool(self._buka, sesi, nama, pilihan[nama])
        id_tugas = await run_in_threadpool(self._mulai_tugas, sesi, "periksa")
        return self._ke(sesi, f"/tugas/{id_tugas}")

    def _buka(self, sesi: Sesi, nama: str, sumber: Path) -> None:
        self._ganti_kabupaten(sesi, lambda folder: _salin_folder(sumber, folder), f"folder {nama}")

    async def periksa_ulang(self, request: Request):
        sesi, form, lain = await self._mulai(request)
        if lain is not None:
            return lain
        if not self._ada_konfigurasi(sesi):
            return self._ke(sesi, "/")
        id_tugas = await run_in_threadpool(self._mulai_tugas, sesi, "periksa")
        return self._ke(sesi, f"/tugas/{id_tugas}")

    async def bangun(self, request: Request):
        sesi, form, lain = await self._mulai(request)
        if lain is not None:
            return lain
        if not self._ada_konfigurasi(sesi):
            return self._ke(sesi, "/")
        opsi = {"paksa": form.get("paksa") == "ya", "pdf": form.get("pdf") == "ya"}
        id_tugas = await run_in_threadpool(self._mulai_tugas, sesi, "bangun", opsi)
        return self._ke(sesi, f"/tugas/{id_tugas}")

    async def tugas(self, request: Request):
        sesi, _, lain = await self._mulai(request)
        if lain is not None:
            return lain
        data = self.tugas_kerja.keadaan(sesi.folder_tugas, request.path_params["id"])
        if data is None:
            raise HTTPException(404)
        return self._halaman(request, "tugas.html.j2", tugas=data)

    async def tugas_json(self, request: Request):
        sesi, _, lain = await self._mulai(request)
        if lain is not None:
            return lain
        data = self.tugas_kerja.keadaan(sesi.folder_tugas, request.path_params["id"])
        if data is None:
            raise HTTPException(404)
        return self._cookie(JSONResponse({k: data.get(k) for k in ("keadaan", "tahap", "selesai", "jumlah", "pesan", "hasil")}), sesi)

    async def pratinjau(self, request: Request):
        sesi, _, lain = await self._mulai(request)
        if lain is not None:
            return lain
        return await run_in_threadpool(self._pratinjau, request, sesi, request.path_params["kunci"])

    def _pratinjau(self, request: Request, sesi: Sesi, kunci: str):
        from perbup_gen.proses.pratinjau import cari_dokumen, daftar_dokumen, temuan_dokumen

        hasil = self._konfigurasi(sesi)
        semua = daftar_dokumen(hasil)  # for a revision this builds it: once per page
        dok = cari_dokumen(hasil, kunci, semua)
        i = semua.index(dok)
        temuan = temuan_dokumen(dok, _temuan_sesi(sesi))
        terbangun = set(_baca_json(sesi.folder_keluaran / "jalur.json") or [])
        return self._halaman(request, "pratinjau.html.j2", dok={"kunci": dok.kunci, "judul": dok.judul},
                             temuan=[{"nomor": n, "tingkat": t.tingkat, "tempat": t.tempat, "pesan": t.pesan} for n, t in enumerate(temuan, 1)],
                             sebelum=semua[i - 1].kunci if i > 0 else None, sesudah=semua[i + 1].kunci if i + 1 < len(semua) else None,
                             ada_docx=dok.jalur + ".docx" in terbangun)

    async def naskah(self, request: Request):
        sesi, _, lain = await self._mulai(request)
        if lain is not None:
            return lain
        return await run_in_threadpool(self._naskah, sesi, request.path_params["kunci"])

    def _naskah(self, sesi: Sesi, kunci: str):
        from perbup_gen.proses.pratinjau import cari_dokumen, html_pratinjau

        hasil = self._konfigurasi(sesi)
        isi = html_pratinjau(hasil, cari_dokumen(hasil, kunci), _temuan_sesi(sesi))
        return self._cookie(HTMLResponse(isi), sesi, _CSP_NASKAH)

    async def status(self, request: Request):
        sesi, _, lain = await self._mulai(request)
        if lain is not None:
            return lain
        if not self._ada_konfigurasi(sesi):
            return self._ke(sesi, "/")
        return await run_in_threadpool(self._status, request, sesi)

    def _status(self, request: Request, sesi: Sesi, galat: list | None = None):
        from perbup_gen.dokumen.paraf import judul_dokumen_paraf, urutan_paraf
        from perbup_gen.proses.status import muat_status, ringkas_status

        hasil = self._konfigurasi(sesi)
        hari_ini = _dt.date.today()
        status = muat_status(hasil)
        r = ringkas_status(hasil, hari_ini, status)
        paraf = []
        for dok, judul in judul_dokumen_paraf(hasil.konfigurasi).items():
            baris = []
            for p in urutan_paraf(hasil.konfigurasi, dok):
                c = status.cari_paraf(dok, p.jabatan)
                baris.append({"jabatan": p.jabatan, "nama": (c.oleh if c and c.oleh else p.nama) or "",
                              "tanggal": c.tanggal if c else None})
            paraf.append({"dokumen": dok, "judul": judul, "baris": baris})
        langkah = [{"kode": x.langkah.kode, "tahap": x.langkah.tahap, "uraian": x.langkah.uraian, "target": x.langkah.target,
                    "penanggung_jawab": x.langkah.penanggung_jawab, "selesai": x.selesai, "catatan": x.catatan or "",
                    "terlambat": x.terlambat} for x in r.langkah]
        return self._halaman(request, "status.html.j2", 422 if galat else 200, langkah=langkah, paraf=paraf,
                             hari_ini=hari_ini, batas=hasil.konfigurasi.batas_penetapan, galat=galat or [],
                             jumlah={"selesai": len(r.selesai), "semua": len(r.langkah), "terlambat": len(r.terlambat)})

    async def status_tahap(self, request: Request):
        sesi, form, lain = await self._mulai(request)
        if lain is not None:
            return lain
        from perbup_gen.proses.status import catat_tahap

        kode = str(form.get("kode", ""))[:60]
        hapus = form.get("hapus") == "ya"
        catatan = str(form.get("catatan", "")).strip()[:500] or None
        return await run_in_threadpool(self._ubah_status, request, sesi,
                                       lambda hasil: catat_tahap(hasil, kode, None if hapus else _tanggal_form(form.get("tanggal")), catatan=catatan))

    async def status_paraf(self, request: Request):
        sesi, form, lain = await self._mulai(request)
        if lain is not None:
            return lain
        from perbup_gen.proses.status import catat_paraf

        dokumen = str(form.get("dokumen", ""))[:30]
        jabatan = str(form.get("jabatan", ""))[:200]
        oleh = str(form.get("oleh", "")).strip()[:200] or None
        hapus = form.get("hapus") == "ya"
        return await run_in_threadpool(self._ubah_status, request, sesi,
                                       lambda hasil: catat_paraf(hasil, dokumen, jabatan, None if hapus else _tanggal_form(form.get("tanggal")), oleh=oleh))

    def _ubah_status(self, request: Request, sesi: Sesi, ubah):
        with self.gudang.kunci(sesi):
            try:
                ubah(self._konfigurasi(sesi))
            except ConfigError as e:
                return self._status(request, sesi, galat=baris_masalah(e.masalah, sesi.folder_kabupaten))
        return self._ke(sesi, "/status")

    # --- downloads ---------------------------------------------------------------------------

    def _unduh(self, sesi: Sesi, path: Path, nama: str, jenis: str) -> Response:
        if not path.is_file():
            raise HTTPException(404)
        resp = FileResponse(path, media_type=jenis, filename=nama)
        return self._cookie(resp, sesi, None)

    async def _unduh_zip(self, request: Request, berkas: str, akhiran: str):
        """The ZIP of the last build (`set.zip` or `pdf.zip`), named after the district's set."""
        sesi, _, lain = await self._mulai(request)
        if lain is not None:
            return lain
        t = self.tugas_kerja.keadaan(sesi.folder_tugas, sesi.data.get("tugas_bangun") or "")
        nama = ((t or {}).get("hasil") or {}).get("zip") or "set-dokumen"
        return self._unduh(sesi, sesi.folder_keluaran / berkas, f"{nama}{akhiran}.zip", "application/zip")

    async def unduh_set(self, request: Request):
        return await self._unduh_zip(request, "set.zip", "")

    async def unduh_pdf(self, request: Request):
        return await self._unduh_zip(request, "pdf.zip", "-pdf")

    async def unduh_dokumen(self, request: Request):
        sesi, _, lain = await self._mulai(request)
        if lain is not None:
            return lain
        kunci = request.path_params["kunci"]
        akhiran = "pdf" if kunci.endswith(".pdf") else "docx"
        kunci = kunci[: -len(akhiran) - 1] if kunci.endswith("." + akhiran) else kunci
        jalur = await run_in_threadpool(self._jalur_dokumen, sesi, kunci)
        terbangun = set(_baca_json(sesi.folder_keluaran / "jalur.json") or [])
        if jalur + ".docx" not in terbangun:  # only what the last build wrote, by our own names
            raise HTTPException(404)
        jenis = "application/pdf" if akhiran == "pdf" else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        return self._unduh(sesi, sesi.folder_keluaran / "set" / f"{jalur}.{akhiran}", f"{jalur.rsplit('/', 1)[-1]}.{akhiran}", jenis)

    def _jalur_dokumen(self, sesi: Sesi, kunci: str) -> str:
        from perbup_gen.proses.pratinjau import cari_dokumen

        return cari_dokumen(self._konfigurasi(sesi), kunci).jalur

    async def unduh_konfigurasi(self, request: Request):
        sesi, _, lain = await self._mulai(request)
        if lain is not None:
            return lain
        if not self._ada_konfigurasi(sesi):
            raise HTTPException(404)
        path = await run_in_threadpool(self._zip_konfigurasi, sesi)
        return self._unduh(sesi, path, "konfigurasi-kabupaten.zip", "application/zip")

    def _zip_konfigurasi(self, sesi: Sesi) -> Path:
        from perbup_gen.keluaran.arsip import tulis_zip

        folder = sesi.folder_kabupaten
        jalur = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and not p.is_symlink()
                       and not p.name.startswith("."))
        return tulis_zip(folder, jalur, sesi.folder_keluaran / "konfigurasi.zip", awalan="kabupaten/")

    async def unduh_roster(self, request: Request):
        sesi, _, lain = await self._mulai(request)
        if lain is not None:
            return lain
        r = _roster(sesi)
        if r is None:
            raise HTTPException(404)
        jenis = "text/csv" if r.suffix == ".csv" else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return self._unduh(sesi, r, r.name, jenis)


# --- helpers -------------------------------------------------------------------------------------


def _asal_sama(request: Request) -> bool:
    """A POST whose Origin (when the browser sends one) is this server."""
    asal = request.headers.get("origin")
    if not asal or asal == "null":
        return asal is None
    from urllib.parse import urlsplit

    return urlsplit(asal).netloc == request.headers.get("host", "")


def _ada_berkas(x) -> bool:
    return x is not None and not isinstance(x, str) and hasattr(x, "read") and bool(getattr(x, "filename", ""))


def _roster(sesi: Sesi) -> Path | None:
    for nama in ("roster.xlsx", "roster.csv"):
        p = sesi.folder_kabupaten / nama
        if p.is_file():
            return p
    return None


def _baca_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _kosongkan_hasil(sesi: Sesi) -> None:
    """The inputs changed: the previous check and build no longer describe them."""
    for p in (sesi.folder / "periksa.json", sesi.folder_keluaran / "jalur.json", sesi.folder_keluaran / "set.zip",
              sesi.folder_keluaran / "pdf.zip"):
        p.unlink(missing_ok=True)
    sesi.data.pop("tugas_bangun", None)


def _temuan_sesi(sesi: Sesi):
    from perbup_gen.periksa.laporan import Temuan

    data = _baca_json(sesi.folder / "periksa.json") or {}
    return [Temuan(t["tingkat"], t["dokumen"], t["tempat"], t["pesan"], t.get("desa")) for t in data.get("temuan", [])]


def _tanggal_form(v) -> _dt.date:
    try:
        return _dt.date.fromisoformat(str(v or "").strip())
    except ValueError:
        raise unggah.UnggahanDitolak("Tanggal harus diisi dengan bentuk TTTT-BB-HH, mis. 2025-04-20.") from None


_AKHIRAN_SALIN = {".yaml", ".yml", ".csv", ".xlsx", ".xlsm", ".docx", ".png", ".jpg", ".jpeg", ".md"}


def _salin_folder(sumber: Path, tujuan: Path, berkas_maks: int = 500, ukuran_maks: int = 50 * 1024 * 1024) -> None:
    """Copy a district folder's input files (no output folders, no links, no hidden files)."""
    tujuan.mkdir(parents=True)
    jumlah, total = 0, 0
    for p in sorted(sumber.rglob("*")):
        rel = p.relative_to(sumber)
        if any(b.startswith(".") or b in ("out", "keluaran") for b in rel.parts) or p.is_symlink():
            continue
        if p.is_file() and p.suffix.lower() in _AKHIRAN_SALIN:
            jumlah += 1
            total += p.stat().st_size
            if jumlah > berkas_maks or total > ukuran_maks:
                raise unggah.UnggahanDitolak(f"Folder {sumber.name} terlalu besar untuk dibuka di sini.")
            (tujuan / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(p, tujuan / rel)
