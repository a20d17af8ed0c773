"""DOCX -> PDF/A with LibreOffice: in batches, one LibreOffice process per core, every output checked.

    soffice -env:UserInstallation=file:///tmp/... --headless --convert-to pdf:writer_pdf_Export:{...}
            --outdir DIR a.docx b.docx ...

- **Batches.** One LibreOffice run given many files silently stops after about 250 of them and
  exits 0 (seen with LibreOffice 7.4), so the files go in batches of at most UKURAN_BATCH files and
  BATAS_PANJANG_PERINTAH characters of command line.
- **Both cores.** The batches are shared by one LibreOffice process per core (`proses`), each with
  its own private, temporary profile (two processes on one profile block each other), so neither
  clashes with a LibreOffice the user has open nor leaves anything in their home folder.
- **Every output checked.** After each run every expected PDF must exist and look like a whole PDF
  (starts with %PDF-, ends with %%EOF); it is then moved into place with `os.replace`, so a failed
  run never leaves a half-written PDF looking like a fresh one. What is missing is converted again
  once (in a new process); what still fails is returned with its reason (`HasilPDF.gagal`).
- **The right typeface.** LibreOffice runs with FONTCONFIG_FILE=templates/huruf.conf, which maps
  Bookman Old Style (and a few other Office fonts) to free fonts with the same letter widths
  (URW Bookman, TeX Gyre Bonum), so the pages break as in Word. Before converting,
  `periksa_huruf` asks fontconfig which font it would use and refuses (with the package to install)
  when it is neither the font itself nor one of those substitutes.
- **PDF/A-2b**, which archives and JDIH expect: every font embedded, metadata in XMP.

PDF output is not byte-for-byte deterministic.
"""
from __future__ import annotations

import contextlib
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from perbup_gen.errors import OutputError, alasan_os
from perbup_gen.jalur import TEMPLAT

__all__ = [
    "HasilPDF", "PESAN_PASANG", "konversi_pdf", "ke_pdf", "libreoffice_tersedia", "periksa_huruf",
    "pengganti_huruf",
]

#: Environment variable naming the soffice executable, overriding the search.
VARIABEL_SOFFICE = "PERBUP_GEN_SOFFICE"

PESAN_PASANG = (
    "LibreOffice tidak ditemukan; konversi ke PDF memerlukannya. Pasang dengan:\n"
    "  Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui fonts-urw-base35\n"
    "  Fedora: sudo dnf install libreoffice-writer urw-base35-bookman-fonts\n"
    "  macOS: brew install --cask libreoffice\n"
    "  Windows: unduh dari https://www.libreoffice.org/download/\n"
    f"atau tunjuk program soffice dengan variabel lingkungan {VARIABEL_SOFFICE}."
)

#: The fontconfig file LibreOffice runs with: metric-compatible substitutes of Office fonts.
BERKAS_FONTCONFIG = TEMPLAT / "huruf.conf"
_FONTCONFIG_SISTEM = Path("/etc/fonts/fonts.conf")  # included by huruf.conf

#: Debian packages that bring the substitutes of a font (for the message when none is installed).
_PAKET_HURUF = {
    "bookman old style": "fonts-urw-base35 (URW Bookman) atau fonts-texgyre (TeX Gyre Bonum)",
    "arial": "fonts-liberation2", "times new roman": "fonts-liberation2",
    "courier new": "fonts-liberation2", "calibri": "fonts-crosextra-carlito",
    "cambria": "fonts-crosextra-caladea",
}

# One LibreOffice run converts at most this many files (a run given ~250 stops early, exit 0) ...
UKURAN_BATCH = 40
# ... and gets at most this many characters of command line (Windows allows 32,767).
BATAS_PANJANG_PERINTAH = 8_000

#: PDF/A-2b (SelectPdfVersion 2), LibreOffice 7.4's JSON form of filter options.
FILTER_PDF = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'

_LOKASI_UMUM = (
    "/usr/bin/soffice",
    "/usr/local/bin/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


def libreoffice_tersedia() -> str | None:
    """The path of the soffice executable, or None when LibreOffice is not installed."""
    pilihan = os.environ.get(VARIABEL_SOFFICE)
    if pilihan:
        return pilihan if Path(pilihan).is_file() else shutil.which(pilihan)
    for nama in ("soffice", "libreoffice"):
        ketemu = shutil.which(nama)
        if ketemu:
            return ketemu
    for p in _LOKASI_UMUM:
        if Path(p).is_file():
            return p
    return None


# --- the typeface --------------------------------------------------------------------------------


def _fontconfig_dipakai() -> bool:
    """huruf.conf is used where fontconfig is (Linux, BSD); it includes the system's config."""
    return sys.platform not in ("win32", "darwin") and _FONTCONFIG_SISTEM.is_file()


def pengganti_huruf(huruf: str) -> list[str]:
    """The metric-compatible substitutes of `huruf` named in templates/huruf.conf, in order."""
    from lxml import etree

    try:
        akar = etree.parse(str(BERKAS_FONTCONFIG)).getroot()
    except (OSError, etree.XMLSyntaxError) as e:
        raise OutputError(f"{BERKAS_FONTCONFIG}: berkas fontconfig tidak terbaca ({e})") from e
    cari = huruf.strip().casefold()
    for m in akar.iter("match"):
        uji = [s.text or "" for t in m.iter("test") for s in t.iter("string")]
        if any(u.strip().casefold() == cari for u in uji):
            return [(s.text or "").strip() for e in m.iter("edit") for s in e.iter("string")]
    return []


def _lingkungan() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("HOME", tempfile.gettempdir())  # LibreOffice needs a HOME on some CI runners
    if _fontconfig_dipakai():
        env["FONTCONFIG_FILE"] = str(BERKAS_FONTCONFIG)
    return env


def periksa_huruf(huruf: str) -> str:
    """The font fontconfig gives LibreOffice for `huruf` (the font itself or a substitute of
    huruf.conf). Raises OutputError, naming the package to install, when it would be another font.
    Without fontconfig (Windows, macOS: the font comes with Office) or without fc-match the font is
    taken as it is."""
    if not _fontconfig_dipakai():
        return huruf
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return huruf
    try:
        hasil = subprocess.run([fc_match, "-f", "%{family}", huruf], capture_output=True,
                               env=_lingkungan(), timeout=30, check=False, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired):
        return huruf
    keluarga = [k.strip() for k in hasil.stdout.decode("utf-8", "replace").split(",") if k.strip()]
    boleh = [huruf] + pengganti_huruf(huruf)
    kunci = {b.casefold() for b in boleh}
    cocok = next((k for k in keluarga if k.casefold() in kunci), None)
    if cocok:
        return cocok
    dipakai = keluarga[0] if keluarga else "huruf lain"
    paket = _PAKET_HURUF.get(huruf.strip().casefold())
    pengganti = ", ".join(boleh[1:])
    raise OutputError(
        f"Huruf {huruf} tidak terpasang"
        + (f", begitu pula penggantinya yang seukuran ({pengganti})" if pengganti else "")
        + f": LibreOffice akan memakai {dipakai}, dan halaman PDF tidak akan sama dengan Word. "
        + (f"Pasang: sudo apt-get install {paket}" if paket else
           f"Pasang huruf {huruf} atau pilih huruf lain di tata_letak.huruf konfigurasi.")
    )


# --- batches -------------------------------------------------------------------------------------


def _kelompok(berkas: list[Path], panjang_dasar: int, ukuran: int | None = None) -> list[list[Path]]:
    """Split the files into batches of at most `ukuran` files (UKURAN_BATCH) whose command line
    stays under BATAS_PANJANG_PERINTAH."""
    ukuran = ukuran or UKURAN_BATCH
    hasil: list[list[Path]] = []
    sekarang: list[Path] = []
    panjang = panjang_dasar
    for p in berkas:
        n = len(str(p)) + 3  # separator and possible quoting
        if sekarang and (panjang + n > BATAS_PANJANG_PERINTAH or len(sekarang) >= ukuran):
            hasil.append(sekarang)
            sekarang, panjang = [], panjang_dasar
        sekarang.append(p)
        panjang += n
    if sekarang:
        hasil.append(sekarang)
    return hasil


def _bagi_rata(berkas: list[Path], n: int) -> int:
    """A batch size that gives every process work: at most UKURAN_BATCH, at least 1."""
    return max(1, min(UKURAN_BATCH, -(-len(berkas) // max(1, n))))


@dataclass
class HasilPDF:
    """The outcome of a conversion: the PDF of each DOCX that converted, the reason for each that
    did not (both keyed by the DOCX path as given, resolved)."""

    pdf: dict[Path, Path] = field(default_factory=dict)
    gagal: dict[Path, str] = field(default_factory=dict)
    percobaan_ulang: int = 0  # files converted a second time

    @property
    def lengkap(self) -> bool:
        return not self.gagal

    def rincian_gagal(self) -> list[str]:
        return [f"{p.name}: {alasan}" for p, alasan in self.gagal.items()]


def _pdf_utuh(pdf: Path) -> bool:
    """A file that starts like a PDF and ends with its end-of-file marker."""
    try:
        with open(pdf, "rb") as f:
            if f.read(5) != b"%PDF-":
                return False
            f.seek(0, os.SEEK_END)
            f.seek(max(0, f.tell() - 1024))
            return b"%%EOF" in f.read()
    except OSError:
        return False


class _Konversi:
    """One conversion: a queue of batches worked through by `proses` LibreOffice processes."""

    def __init__(self, soffice: str, tujuan: Path, sementara: Path, proses: int,
                 batas_waktu: float | None, kemajuan: Callable[[int, int], None] | None,
                 total: int):
        self.soffice = soffice
        self.tujuan = tujuan
        self.sementara = sementara
        self.batas_waktu = batas_waktu
        self.kemajuan = kemajuan
        self.total = total
        self.selesai = 0
        self.kunci = threading.Lock()
        self.profil: queue.Queue[str] = queue.Queue()
        for i in range(proses):
            p = sementara / f"profil-{i}"
            p.mkdir()
            self.profil.put(p.as_uri())
        self.proses = proses
        self.env = _lingkungan()

    def perintah(self, profil: str, outdir: Path) -> list[str]:
        return [self.soffice, f"-env:UserInstallation={profil}", "--headless", "--invisible",
                "--nologo", "--norestore", "--nolockcheck", "--convert-to", FILTER_PDF,
                "--outdir", str(outdir)]

    def jalankan(self, kelompok: list[list[Path]], hasil: HasilPDF) -> None:
        """Convert every batch; successes go to `hasil.pdf`, failures to `hasil.gagal`."""
        if not kelompok:
            return
        with ThreadPoolExecutor(max_workers=min(self.proses, len(kelompok))) as pool:
            for sukses, gagal in pool.map(self._batch, kelompok):
                with self.kunci:
                    hasil.pdf.update(sukses)
                    for b, alasan in gagal.items():
                        hasil.gagal[b] = alasan
                    for b in sukses:
                        hasil.gagal.pop(b, None)
                    self.selesai += len(sukses)
                    if self.kemajuan:
                        self.kemajuan(self.selesai, self.total)

    def _batch(self, batch: list[Path]) -> tuple[dict[Path, Path], dict[Path, str]]:
        profil = self.profil.get()
        try:
            outdir = Path(tempfile.mkdtemp(prefix="batch-", dir=self.sementara))
            alasan_umum = self._run(self.perintah(profil, outdir) + [str(b) for b in batch],
                                    len(batch))
            sukses: dict[Path, Path] = {}
            gagal: dict[Path, str] = {}
            for b in batch:
                pdf = outdir / f"{b.stem}.pdf"
                if not _pdf_utuh(pdf):
                    gagal[b] = alasan_umum or ("LibreOffice selesai tanpa membuat PDF-nya" if not
                                               pdf.exists() else "PDF-nya terpotong atau rusak")
                    continue
                akhir = self.tujuan / f"{b.stem}.pdf"
                try:
                    os.replace(pdf, akhir)
                except OSError as e:
                    gagal[b] = f"{akhir} tidak dapat ditulis: {alasan_os(e)}"
                    continue
                sukses[b] = akhir
            shutil.rmtree(outdir, ignore_errors=True)
            return sukses, gagal
        finally:
            self.profil.put(profil)

    def _run(self, perintah: list[str], jumlah: int) -> str | None:
        """Run LibreOffice once; the reason it failed as a whole (exit code, timeout), or None."""
        waktu = self.batas_waktu if self.batas_waktu is not None else 120 + 10 * jumlah
        kwargs: dict = {}
        if sys.platform == "win32":  # pragma: no cover
            kwargs["creationflags"] = getattr(subprocess, "CREATE_NO_WINDOW", 0)
        else:
            kwargs["start_new_session"] = True  # soffice starts soffice.bin: kill the group
        try:
            p = subprocess.Popen(perintah, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, env=self.env, **kwargs)
        except OSError as e:
            return f"LibreOffice ({perintah[0]}) tidak dapat dijalankan: {alasan_os(e)}"
        try:
            _, err = p.communicate(timeout=waktu)
        except subprocess.TimeoutExpired:
            _bunuh(p)
            return f"LibreOffice tidak selesai dalam {waktu:.0f} detik"
        if p.returncode != 0:
            pesan = err.decode("utf-8", "replace").strip().splitlines()
            pesan = [b for b in pesan if "javaldx" not in b] or [""]
            return f"LibreOffice gagal (kode {p.returncode}): {pesan[-1]}".rstrip(": ")
        return None


def _bunuh(p: subprocess.Popen) -> None:
    with contextlib.suppress(OSError):
        if sys.platform == "win32":  # pragma: no cover
            p.kill()
        else:
            os.killpg(p.pid, signal.SIGKILL)
    with contextlib.suppress(Exception):
        p.communicate(timeout=10)


def jumlah_proses_bawaan() -> int:
    """One LibreOffice process per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def konversi_pdf(
    berkas: list[Path], folder_keluaran: Path, *, proses: int | None = None,
    batas_waktu: float | None = None, kemajuan: Callable[[int, int], None] | None = None,
    huruf: str | None = "Bookman Old Style",
) -> HasilPDF:
    """Convert every DOCX in `berkas` to `folder_keluaran/<stem>.pdf` (PDF/A-2b).

    Files that fail are converted once more; what still fails is in `HasilPDF.gagal` with its
    reason (never raised). Raises OutputError before converting anything when LibreOffice is
    missing, the font `huruf` has no installed substitute (None: no check), an input is missing,
    two inputs share a stem (their PDFs would collide) or the folder cannot be made.
    `proses`: LibreOffice processes at once (default: one per core). `batas_waktu`: seconds per
    LibreOffice run (default 120 s plus 10 s per file). `kemajuan(done, total)` is called after
    each batch (from a worker thread, one call at a time).
    """
    berkas = [Path(b).resolve() for b in berkas]
    hasil = HasilPDF()
    if not berkas:
        return hasil
    soffice = libreoffice_tersedia()
    if soffice is None:
        raise OutputError(PESAN_PASANG)
    hilang = [str(b) for b in berkas if not b.is_file()]
    if hilang:
        raise OutputError("Berkas untuk dikonversi ke PDF tidak ada: " + ", ".join(hilang))
    nama: dict[str, Path] = {}
    for b in berkas:
        lain = nama.setdefault(b.stem.lower(), b)
        if lain != b:
            raise OutputError(
                f"{lain} dan {b} akan menghasilkan PDF yang sama ({b.stem}.pdf); "
                "konversikan ke folder yang berbeda."
            )
    if huruf:
        periksa_huruf(huruf)

    folder_keluaran = Path(folder_keluaran).resolve()  # the profiles are file:// URIs
    try:
        folder_keluaran.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(
            f"Folder PDF {folder_keluaran} tidak dapat dibuat: {alasan_os(e)}"
        ) from e

    proses = max(1, proses or jumlah_proses_bawaan())
    with tempfile.TemporaryDirectory(prefix=".pdf-", dir=folder_keluaran) as sementara:
        k = _Konversi(soffice, folder_keluaran, Path(sementara), min(proses, len(berkas)),
                      batas_waktu, kemajuan, len(berkas))
        panjang_dasar = sum(len(a) + 3 for a in k.perintah(Path(sementara).as_uri(), Path(sementara)))
        ukuran = _bagi_rata(berkas, k.proses)
        k.jalankan(_kelompok(berkas, panjang_dasar, ukuran), hasil)
        ulang = [b for b in berkas if b in hasil.gagal]
        if ulang:  # once more, in new LibreOffice processes
            hasil.percobaan_ulang = len(ulang)
            k.jalankan(_kelompok(ulang, panjang_dasar, _bagi_rata(ulang, k.proses)), hasil)
    hasil.pdf = {b: hasil.pdf[b] for b in berkas if b in hasil.pdf}
    hasil.gagal = {b: hasil.gagal[b] for b in berkas if b in hasil.gagal}
    return hasil


def ke_pdf(
    berkas: list[Path], folder_keluaran: Path, *, batas_waktu: float | None = None,
    proses: int | None = None, huruf: str | None = "Bookman Old Style",
) -> list[Path]:
    """`konversi_pdf`, all or nothing: the PDF paths in input order, or OutputError listing every
    file that failed and why (the PDFs that did convert stay in `folder_keluaran`)."""
    hasil = konversi_pdf(berkas, folder_keluaran, batas_waktu=batas_waktu, proses=proses,
                         huruf=huruf)
    if hasil.gagal:
        raise OutputError("LibreOffice tidak menghasilkan PDF untuk: "
                          + "; ".join(hasil.rincian_gagal()))
    return list(hasil.pdf.values())
