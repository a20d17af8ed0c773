"""`perbup-gen web`: the local web app."""
from __future__ import annotations

import os
from pathlib import Path

import click

from perbup_gen.cli.dasar import _tangani_kesalahan, main

VARIABEL_SANDI = "PERBUP_GEN_SANDI"


@main.command()
@click.argument("folder", metavar="[FOLDER]", required=False, type=click.Path(path_type=Path), default=Path("."))
@click.option("--host", default="127.0.0.1", show_default=True, help="Alamat yang didengarkan. Selain alamat lokal perlu kata sandi di PERBUP_GEN_SANDI.")
@click.option("--port", default=8000, show_default=True, metavar="PORT", type=click.IntRange(1, 65535), help="Nomor port (1-65535).")
@click.option("--data", "folder_data", type=click.Path(path_type=Path), default=None, help="Folder sesi peramban (bawaan: FOLDER/.perbup-gen-web).")
@_tangani_kesalahan
def web(folder: Path, host: str, port: int, folder_data: Path | None) -> None:
    """Jalankan aplikasi web lokal (bawaan: alamat 127.0.0.1 port 8000). Folder kabupaten di dalam
    FOLDER (bawaan: folder ini) dapat dibuka dari peramban; setiap sesi peramban bekerja di foldernya
    sendiri di bawah --data."""
    from perbup_gen.errors import PerbupGenError
    from perbup_gen.web.aplikasi import host_lokal

    sandi = os.environ.get(VARIABEL_SANDI) or None
    lokal = host_lokal(host)
    if not lokal and not sandi:
        raise PerbupGenError(
            f"Tidak dijalankan: alamat {host} dapat dijangkau dari komputer lain, sehingga aplikasi perlu kata sandi. "
            f"Isi variabel lingkungan {VARIABEL_SANDI} (mis. {VARIABEL_SANDI}='kata sandi panjang' perbup-gen web --host {host}), "
            "atau jalankan tanpa --host agar hanya komputer ini yang dapat membukanya.")
    if sandi is not None and len(sandi) < 8:
        raise PerbupGenError(f"Kata sandi di {VARIABEL_SANDI} terlalu pendek: paling sedikit 8 karakter.")
    if not folder.is_dir():
        raise PerbupGenError(f"{folder}: folder tidak ditemukan")
    folder_data = folder_data or folder / ".perbup-gen-web"
    try:
        folder_data.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise PerbupGenError(f"{folder_data}: folder data tidak dapat dibuat: {e.strerror}") from None

    import uvicorn

    from perbup_gen.web.aplikasi import Pengaturan, buat_aplikasi

    app = buat_aplikasi(Pengaturan(folder_data=folder_data.resolve(), folder_sumber=folder.resolve(), sandi=sandi, host_lokal=lokal))
    alamat = f"[{host}]" if ":" in host else host
    click.echo(f"perbup-gen web: buka http://{alamat}:{port}/ di peramban. Data sesi: {folder_data}. Tekan Ctrl+C untuk berhenti.")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False, timeout_graceful_shutdown=5)
