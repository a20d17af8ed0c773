"""Progress on the long steps (check, build, PDF, bundles), for every command.

On a terminal a bar is drawn on stderr; when stderr is not a terminal (a log file, a pipe, CI, the
web app's worker) nothing is printed at all, so no stray label lands in a log. The stage functions
never print: they take an optional callback `setiap(n=1)` and the commands pass the one this helper
gives (the web app passes its own).

    with kemajuan("Memeriksa", jumlah) as setiap:
        periksa(hasil, setiap=setiap)
"""
from __future__ import annotations

import contextlib
import sys
from typing import Callable, Iterator

import click

__all__ = ["di_terminal", "kemajuan"]


def di_terminal() -> bool:
    """True when stderr is an interactive terminal."""
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # closed or replaced stream
        return False


@contextlib.contextmanager
def kemajuan(label: str, jumlah: int, *, diam: bool = False,
             tampil: bool | None = None) -> Iterator[Callable[..., None]]:
    """A callback advancing a progress bar of `jumlah` steps. Silent with `diam` (--quiet), when
    there is nothing to count, or when stderr is not a terminal (`tampil` forces either way)."""
    if tampil is None:
        tampil = di_terminal()
    if diam or not tampil or jumlah <= 0:
        yield _diam
        return
    with click.progressbar(length=jumlah, label=label, file=sys.stderr, show_pos=True) as bilah:
        def setiap(n: int = 1) -> None:
            bilah.update(n)

        yield setiap


def _diam(n: int = 1) -> None:
    return None
