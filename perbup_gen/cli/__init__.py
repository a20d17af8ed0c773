"""The `perbup-gen` command line. Messages are Indonesian; heavy modules are imported lazily so
`perbup-gen --help` stays fast. One module per group of commands registers them on `main`."""
from perbup_gen.cli.dasar import main
from perbup_gen.cli import banding, dokumen, impor, insentif, konfigurasi, periksa, status, web  # noqa: F401  (they register commands)

__all__ = ["main"]

if __name__ == "__main__":  # pragma: no cover
    main()
