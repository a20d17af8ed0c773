"""Helpers shared by the web tests: a roster as XLSX, a server process, a free port."""
from __future__ import annotations

import csv
import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

CONTOH = Path(__file__).resolve().parent.parent / "examples"


def baris_roster_gunung_mas() -> list[list[str]]:
    with open(CONTOH / "gunung-mas" / "roster.csv", encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def xlsx_roster(baris: list[list[str]]) -> bytes:
    import openpyxl

    buku = openpyxl.Workbook()
    lembar = buku.active
    lembar.title = "Roster"
    for r in baris:
        lembar.append(r)
    keluar = io.BytesIO()
    buku.save(keluar)
    return keluar.getvalue()


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def jalankan_server(folder: Path, port: int, *argumen: str, env: dict | None = None) -> subprocess.Popen:
    """`perbup-gen web FOLDER --port PORT` as a real process; returns once it answers."""
    proses = subprocess.Popen([sys.executable, "-c", "from perbup_gen.cli import main; main()", "web", str(folder),
                               "--port", str(port), *argumen],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
    for _ in range(200):
        if proses.poll() is not None:
            raise RuntimeError(proses.stdout.read().decode())
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/aset/gaya.css", timeout=1).read()
            return proses
        except OSError:
            time.sleep(0.1)
    proses.kill()
    raise RuntimeError("server tidak menjawab")


def hentikan(proses: subprocess.Popen) -> None:
    proses.terminate()
    try:
        proses.wait(10)
    except subprocess.TimeoutExpired:
        proses.kill()
        proses.wait()
