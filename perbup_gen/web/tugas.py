"""Long jobs of the web app (check, build, PDF) in worker processes.

A job runs `jalankan` in a process of a small pool (one per core: twenty users building at once
queue instead of thrashing) and reports through one JSON file, `<session>/tugas/<id>.json`, that
the page polls: state (menunggu, berjalan, selesai, gagal), stage, done/total and the result. The
file is replaced atomically, so a reader never sees half of it. A job calls exactly what the
command line calls: `muat_konfigurasi`, `periksa`, `pastikan_lolos`, `bangun_semua`, `pdf_set`.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import re
import secrets
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

SELESAI = ("selesai", "gagal")
_POLA_ID = re.compile(r"^[0-9a-f]{16}$")


def _tulis(path: Path, data: dict) -> None:
    from perbup_gen.keluaran.berkas import tulis_atomik

    tulis_atomik(path, json.dumps(data, ensure_ascii=False).encode("utf-8"), sinkron=False)  # a job's progress


def baca_tugas(folder_tugas: Path, id_tugas: str) -> dict | None:
    if not _POLA_ID.match(id_tugas or ""):
        return None
    try:
        return json.loads((folder_tugas / f"{id_tugas}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


# --- in the worker process -----------------------------------------------------------------------


class _Lapor:
    """Progress into the job file, at most every 0.2 s."""

    def __init__(self, path: Path, data: dict):
        self.path, self.data, self._terakhir = path, data, 0.0

    def tahap(self, nama: str, jumlah: int = 0) -> None:
        self.data.update(keadaan="berjalan", tahap=nama, selesai=0, jumlah=jumlah)
        self.simpan()

    def maju(self) -> None:
        self.data["selesai"] = self.data.get("selesai", 0) + 1
        sekarang = time.monotonic()
        if sekarang - self._terakhir > 0.2:
            self.simpan()

    def simpan(self) -> None:
        self._terakhir = time.monotonic()
        _tulis(self.path, self.data)


def _pendek(teks: str, folder: Path) -> str:
    """Server paths out of messages: "/srv/.../kabupaten/roster.xlsx" -> "roster.xlsx"."""
    teks = str(teks)
    for awalan in {str(folder.resolve()) + os.sep, str(folder) + os.sep}:
        teks = teks.replace(awalan, "")
    try:
        relatif = os.path.relpath(folder.resolve(), Path.cwd().resolve())
        if not relatif.startswith(".."):
            teks = teks.replace(relatif + os.sep, "")
    except ValueError:
        pass
    return teks


_SEL = re.compile(r"^(?P<berkas>.*?) \(sel (?P<sel>[A-Z]+\d+)\)$")


def baris_masalah(masalah, folder: Path) -> list[dict]:
    """ConfigError problems as table rows: file, line, cell (Excel) or column, field, message."""
    out = []
    for m in masalah:
        lok = m.lokasi
        berkas = _pendek(lok.berkas, folder)
        sel = None
        cocok = _SEL.match(berkas)
        if cocok:
            berkas, sel = cocok.group("berkas"), cocok.group("sel")
        out.append({"berkas": berkas, "baris": lok.baris, "kolom": lok.kolom, "sel": sel,
                    "isian": lok.jalur, "pesan": _pendek(m.pesan, folder)})
    return out


def _temuan(laporan, folder: Path) -> list[dict]:
    return [{"tingkat": t.tingkat, "dokumen": t.dokumen, "tempat": _pendek(t.tempat, folder),
             "pesan": _pendek(t.pesan, folder), "desa": t.desa} for t in laporan.temuan]


def jalankan(jenis: str, folder_sesi: str, id_tugas: str, opsi: dict) -> None:
    """The body of a job, in a worker process. Never raises: the outcome goes to the job file."""
    from perbup_gen.errors import ConfigError, PerbupGenError

    sesi = Path(folder_sesi)
    folder = sesi / "kabupaten"
    path = sesi / "tugas" / f"{id_tugas}.json"
    lapor = _Lapor(path, baca_tugas(sesi / "tugas", id_tugas) or {"id": id_tugas, "jenis": jenis})
    try:
        lapor.tahap("memuat konfigurasi")
        from perbup_gen.konfigurasi.muat import muat_konfigurasi

        try:
            hasil = muat_konfigurasi(folder, terkurung=True)
        except ConfigError as e:
            _tulis(sesi / "periksa.json", {"sah": False, "masalah": baris_masalah(e.masalah, folder)})
            lapor.data.update(keadaan="selesai", hasil={"sah": False, "jumlah_masalah": len(e.masalah)})
            lapor.simpan()
            return
        if jenis == "periksa":
            _periksa(hasil, sesi, lapor)
        elif jenis == "bangun":
            _bangun(hasil, sesi, lapor, bool(opsi.get("paksa")), bool(opsi.get("pdf")))
        lapor.data["keadaan"] = "selesai"
        lapor.simpan()
    except _Berhenti:
        return
    except PerbupGenError as e:
        lapor.data.update(keadaan="gagal", pesan=_pendek(str(e), folder))
        lapor.simpan()
    except BaseException as e:  # a bug: say so, keep the server running
        lapor.data.update(keadaan="gagal", pesan=f"Kesalahan internal perbup-gen: {type(e).__name__}: {_pendek(str(e), folder)}. "
                                                   "Ini kesalahan program, bukan kesalahan masukan Anda; laporkan kepada pengembang.")
        lapor.simpan()


def _periksa(hasil, sesi: Path, lapor: _Lapor) -> None:
    from perbup_gen.proses.periksa import periksa

    lapor.tahap("memeriksa naskah dan data", len(hasil.konfigurasi.desa))
    laporan = periksa(hasil, setiap=lapor.maju)
    k = hasil.konfigurasi
    _tulis(sesi / "periksa.json", {
        "sah": True, "judul": laporan.judul, "ringkasan": laporan.ringkasan(), "diperiksa": laporan.diperiksa,
        "kabupaten": k.nama_kabupaten, "tahun": k.tahun, "temuan": _temuan(laporan, hasil.folder),
    })
    lapor.data["hasil"] = {"sah": True, "galat": len(laporan.galat), "peringatan": len(laporan.peringatan)}


def _bangun(hasil, sesi: Path, lapor: _Lapor, paksa: bool, pdf: bool) -> None:
    from perbup_gen.keluaran.arsip import tulis_zip
    from perbup_gen.keluaran.berkas import NAMA_MANIFEST
    from perbup_gen.proses.bangun import bangun_semua, pdf_set
    from perbup_gen.proses.periksa import PemeriksaanGagal, pastikan_lolos

    if pdf:
        from perbup_gen.errors import OutputError
        from perbup_gen.keluaran.pdf import PESAN_PASANG, libreoffice_tersedia

        if not libreoffice_tersedia():
            raise OutputError(PESAN_PASANG)
    from perbup_gen.proses.terbangun import DokumenTerbangun

    # As `perbup-gen build`: the check runs once, on the files as they are now, and the build writes
    # its report and renders the documents it built (never checked or built a second time).
    terbangun = DokumenTerbangun()
    try:
        lapor.tahap("memeriksa naskah dan data", len(hasil.konfigurasi.desa))
        periksa = pastikan_lolos(hasil, paksa=paksa, setiap=lapor.maju, simpan=terbangun)
    except PemeriksaanGagal as e:
        lapor.data.update(keadaan="gagal", pesan="Pemeriksaan menemukan galat: dokumen tidak dibuat. Perbaiki galat di tabel "
                          "temuan, atau centang \"tetap buat\".", hasil={"galat": len(e.laporan.galat)})
        lapor.simpan()
        raise _Berhenti() from None
    keluaran = sesi / "keluaran"
    lapor.tahap("membuat dokumen", len(hasil.konfigurasi.desa))
    laporan, catatan = bangun_semua(hasil, keluaran / "set", "docx", force=True, setiap=lapor.maju,
                                    periksa=periksa, terbangun=terbangun)
    jalur = laporan.ditulis + laporan.tidak_berubah
    lapor.tahap("menyusun ZIP")
    nama = _nama_zip(hasil)
    tulis_zip(keluaran / "set", sorted(jalur) + [NAMA_MANIFEST], keluaran / "set.zip", awalan=f"{nama}/")
    hasil_tugas = {"berkas": len(jalur), "sk_kpm": catatan.jumlah_sk_kpm, "dilewati": [" : ".join(x) for x in catatan.dilewati],
                   "gagal": [" : ".join(x) for x in catatan.gagal] + [" : ".join(x) for x in laporan.gagal],
                   "zip": nama, "pdf": False}
    if pdf:
        lapor.tahap("mengubah ke PDF (LibreOffice)")
        hasil_pdf = pdf_set(keluaran / "set", jalur, huruf=hasil.konfigurasi.tata_letak.huruf)
        if not hasil_pdf.lengkap:
            from perbup_gen.errors import OutputError

            raise OutputError("PDF tidak lengkap: " + "; ".join(
                f"{s.name}: {a}" for s, a in hasil_pdf.gagal.items()))
        berkas_pdf = sorted(j[: -len(".docx")] + ".pdf" for j in jalur if j.endswith(".docx"))
        tulis_zip(keluaran / "set", berkas_pdf, keluaran / "pdf.zip", awalan=f"{nama}-pdf/")
        hasil_tugas["pdf"] = True
    (keluaran / "jalur.json").write_text(json.dumps(sorted(jalur)), encoding="utf-8")
    lapor.data["hasil"] = hasil_tugas


class _Berhenti(Exception):
    """The job already wrote its outcome."""


def _nama_zip(hasil) -> str:
    from perbup_gen.jalur import nama_berkas

    k = hasil.konfigurasi
    return nama_berkas("perbup-gen", k.kabupaten.nama, str(k.tahun))


def _awasi_induk(induk: int) -> None:
    """Pool initializer: end this worker when the server process is gone (killed with SIGKILL, or
    stopped while the pool was busy). Without it an orphaned worker waits forever on its queue,
    since its siblings keep the queue's pipe open."""
    def awasi() -> None:
        while True:
            time.sleep(1)
            if os.getppid() != induk:
                os._exit(0)

    threading.Thread(target=awasi, daemon=True, name="awasi-induk").start()


# --- in the server process -----------------------------------------------------------------------


class PengelolaTugas:
    """Starts jobs in a process pool and remembers which are running in this server."""

    def __init__(self, pekerja: int | None = None):
        self.pekerja = pekerja or max(1, os.cpu_count() or 1)
        self._pool: ProcessPoolExecutor | None = None
        self._kunci = threading.Lock()
        self._berjalan: dict[str, Future] = {}

    def _kolam(self) -> ProcessPoolExecutor:
        with self._kunci:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(self.pekerja, mp_context=multiprocessing.get_context("spawn"),
                                                 initializer=_awasi_induk, initargs=(os.getpid(),))
            return self._pool

    def mulai(self, jenis: str, folder_sesi: Path, opsi: dict | None = None) -> str:
        id_tugas = secrets.token_hex(8)
        path = Path(folder_sesi) / "tugas" / f"{id_tugas}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        _tulis(path, {"id": id_tugas, "jenis": jenis, "keadaan": "menunggu", "tahap": "menunggu giliran", "selesai": 0, "jumlah": 0})
        fut = self._kolam().submit(jalankan, jenis, str(folder_sesi), id_tugas, opsi or {})
        self._berjalan[id_tugas] = fut

        def akhir(f: Future) -> None:
            self._berjalan.pop(id_tugas, None)
            if f.exception() is not None:  # the worker died (killed, out of memory)
                data = baca_tugas(path.parent, id_tugas) or {"id": id_tugas, "jenis": jenis}
                if data.get("keadaan") not in SELESAI:
                    data.update(keadaan="gagal", pesan=f"Proses kerja berhenti tiba-tiba ({type(f.exception()).__name__}); coba lagi.")
                    _tulis(path, data)

        fut.add_done_callback(akhir)
        return id_tugas

    def keadaan(self, folder_tugas: Path, id_tugas: str) -> dict | None:
        data = baca_tugas(folder_tugas, id_tugas)
        if data and data.get("keadaan") not in SELESAI and id_tugas not in self._berjalan:
            data.update(keadaan="gagal", pesan="Pekerjaan ini terputus (server dihentikan sebelum selesai); jalankan lagi.")
        return data

    def sibuk(self, folder_tugas: Path, id_tugas: str | None) -> bool:
        if not id_tugas:
            return False
        data = self.keadaan(folder_tugas, id_tugas)
        return bool(data) and data.get("keadaan") not in SELESAI

    def tutup(self) -> None:
        """Stop the pool: queued jobs are cancelled, running ones end with the server."""
        with self._kunci:
            if self._pool is None:
                return
            proses = list(getattr(self._pool, "_processes", {}).values())
            self._pool.shutdown(wait=False, cancel_futures=True)
            for p in proses:
                if p.is_alive():
                    p.terminate()
            for p in proses:
                p.join(5)
            self._pool = None
