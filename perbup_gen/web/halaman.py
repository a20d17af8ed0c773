"""The web app's pages: the template environment (templates/web/, autoescaped) and the plain
error page that the upload guard can send before the app itself runs."""
from __future__ import annotations

import functools

import jinja2

from perbup_gen.jalur import TEMPLAT

__all__ = ["halaman_galat_teks", "lingkungan"]


@functools.lru_cache(maxsize=1)
def lingkungan() -> jinja2.Environment:
    """One environment for the process: each template is compiled once, not on every page."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLAT / "web")), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["tanggal"] = lambda d: _tanggal_id(d)
    return env


def _tanggal_id(d) -> str:
    from perbup_gen.naskah import bilangan

    return bilangan.tanggal(d) if d else ""


def halaman_galat_teks(pesan: str, judul: str = "Tidak dapat diproses") -> str:
    return lingkungan().get_template("galat.html.j2").render(judul=judul, pesan=pesan, csrf="", sandi=False, masuk=False)
