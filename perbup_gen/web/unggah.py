"""Uploads: a limit on the request body, limits per file, and storing under names of our own.

The name a browser sends with a file is only ever shown back (escaped); what the file is comes
from its content (an XLSX is a ZIP archive, a CSV is text), and it is stored as `roster.xlsx`,
`roster.csv` or `kabupaten.yaml` in the session's district folder.
"""
from __future__ import annotations

from pathlib import Path

from perbup_gen.errors import PerbupGenError

BADAN_MAKS = 12 * 1024 * 1024  # one request: a roster and a config with room for the form
KONFIGURASI_MAKS = 1 * 1024 * 1024  # kabupaten.yaml: a few tens of KiB in practice
ROSTER_MAKS = 10 * 1024 * 1024  # a roster of every desa of the largest kabupaten is < 1 MiB


class UnggahanDitolak(PerbupGenError):
    """An upload refused before anything is stored (shown to the user; HTTP 400 or 413)."""

    def __init__(self, pesan: str, status: int = 400):
        self.status = status
        super().__init__(pesan)


class BatasBadan:
    """ASGI middleware: a request body larger than `maks` bytes gets 413 before the app reads it
    (by Content-Length, or counted as it arrives when the length is not given)."""

    def __init__(self, app, maks: int = BADAN_MAKS):
        self.app, self.maks = app, maks

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        panjang = dict(scope.get("headers") or []).get(b"content-length")
        if panjang is not None:
            try:
                n = int(panjang)
            except ValueError:
                return await _tolak(send, 400, "Panjang permintaan tidak sah.")
            if n > self.maks:
                return await _tolak(send, 413, _pesan_besar(self.maks))
            return await self.app(scope, receive, send)
        # no length given (chunked): read it all here, up to the limit, then hand it on
        potongan, total = [], 0
        while True:
            pesan = await receive()
            if pesan["type"] != "http.request":
                break
            total += len(pesan.get("body", b""))
            if total > self.maks:
                return await _tolak(send, 413, _pesan_besar(self.maks))
            potongan.append(pesan.get("body", b""))
            if not pesan.get("more_body"):
                break
        badan = b"".join(potongan)
        terkirim = False

        async def ulang():
            nonlocal terkirim
            if terkirim:
                return await receive()
            terkirim = True
            return {"type": "http.request", "body": badan, "more_body": False}

        return await self.app(scope, ulang, send)


def _pesan_besar(maks: int) -> str:
    return f"Unggahan terlalu besar: paling besar {maks // (1024 * 1024)} MB sekali kirim."


async def _tolak(send, status: int, pesan: str) -> None:
    from perbup_gen.web.halaman import halaman_galat_teks

    isi = halaman_galat_teks(pesan).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(isi)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": isi})


async def baca_berkas(unggahan, maks: int, apa: str) -> bytes:
    """The bytes of an uploaded file, refused past `maks`."""
    data = await unggahan.read(maks + 1)
    if len(data) > maks:
        raise UnggahanDitolak(f"{apa} terlalu besar: paling besar {maks // 1024} KB.", 413)
    if not data:
        raise UnggahanDitolak(f"{apa} kosong.")
    return data


def jenis_roster(data: bytes) -> str:
    """"xlsx" or "csv", from the content."""
    if data[:4] == b"PK\x03\x04":
        return "xlsx"
    if b"\x00" in data[:4096]:
        raise UnggahanDitolak("Roster bukan berkas Excel (.xlsx) maupun CSV; simpan ulang dari Excel sebagai .xlsx.")
    return "csv"


def tulis(path: Path, data: bytes) -> None:
    """An upload written atomically (keluaran.berkas.tulis_atomik, synced to disk)."""
    from perbup_gen.keluaran.berkas import tulis_atomik

    tulis_atomik(path, data)


def nama_tampil(nama: str | None) -> str:
    """The browser's file name, for display only: no folders, no control characters, not too long."""
    nama = (nama or "").replace("\\", "/").rsplit("/", 1)[-1]
    nama = "".join(c for c in nama if c.isprintable())
    return nama[:80] or "(tanpa nama)"
