"""Browser sessions: a random token in a cookie, a folder of its own under the data folder, a small
JSON state file, and a CSRF token derived from the session token.

The token itself never becomes a path: the folder is named by its SHA-256, and a cookie that is not
of our form is ignored (a new session is started).
"""
from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path

NAMA_COOKIE = "perbup_sesi"
_POLA_TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")
UMUR_COOKIE = 30 * 24 * 3600  # seconds: a district's work spans months; the folder stays on disk


@dataclass
class Sesi:
    token: str
    folder: Path  # <data>/sesi/<sha256>
    csrf: str
    baru: bool = False
    data: dict = field(default_factory=dict)

    @property
    def folder_kabupaten(self) -> Path:
        """The session's district folder: kabupaten.yaml, roster, status.yaml."""
        return self.folder / "kabupaten"

    @property
    def folder_keluaran(self) -> Path:
        return self.folder / "keluaran"

    @property
    def folder_tugas(self) -> Path:
        return self.folder / "tugas"


class GudangSesi:
    """Sessions under `akar` (the data folder): `akar/sesi/<hash>/`, the secret in `akar/rahasia`."""

    def __init__(self, akar: Path):
        self.akar = Path(akar)
        self.folder_sesi = self.akar / "sesi"
        self.folder_sesi.mkdir(parents=True, exist_ok=True)
        self._rahasia = self._muat_rahasia()
        self._kunci: dict[str, threading.Lock] = {}
        self._kunci_induk = threading.Lock()

    def _muat_rahasia(self) -> bytes:
        path = self.akar / "rahasia"
        try:
            data = path.read_bytes()
            if len(data) >= 32:
                return data
        except FileNotFoundError:
            pass
        data = secrets.token_bytes(32)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        return data

    def token_csrf(self, token: str) -> str:
        return hmac.new(self._rahasia, b"csrf:" + token.encode("ascii"), hashlib.sha256).hexdigest()

    def csrf_cocok(self, sesi: Sesi, dikirim: str | None) -> bool:
        return bool(dikirim) and hmac.compare_digest(sesi.csrf, str(dikirim))

    def _folder(self, token: str) -> Path:
        return self.folder_sesi / hashlib.sha256(token.encode("ascii")).hexdigest()[:32]

    def ambil(self, token: str | None) -> Sesi:
        """The session of a cookie value, or a new one when it is absent or not ours."""
        if token and _POLA_TOKEN.match(token) and self._folder(token).is_dir():
            sesi = Sesi(token, self._folder(token), self.token_csrf(token))
            sesi.data = self._baca(sesi)
            return sesi
        token = secrets.token_urlsafe(32)
        folder = self._folder(token)
        for sub in ("", "kabupaten", "keluaran", "tugas"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        sesi = Sesi(token, folder, self.token_csrf(token), baru=True)
        self.simpan(sesi)
        return sesi

    def _baca(self, sesi: Sesi) -> dict:
        try:
            return json.loads((sesi.folder / "sesi.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def simpan(self, sesi: Sesi) -> None:
        from perbup_gen.keluaran.berkas import tulis_atomik

        # session state: rewritten often, safe to lose (no fsync)
        tulis_atomik(sesi.folder / "sesi.json", json.dumps(sesi.data, ensure_ascii=False, sort_keys=True).encode("utf-8"),
                     sinkron=False)

    @contextlib.contextmanager
    def kunci(self, sesi: Sesi):
        """One change at a time per session (two tabs posting at once)."""
        with self._kunci_induk:
            k = self._kunci.setdefault(sesi.folder.name, threading.Lock())
        with k:
            sesi.data = self._baca(sesi)
            yield sesi
            self.simpan(sesi)
