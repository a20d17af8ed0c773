"""Build both examples at a reference revision and in this working tree; compare the manifests.

    python scripts/banding_manifest.py                 # against HEAD
    python scripts/banding_manifest.py --acuan 89e0825 # against another commit
    python scripts/banding_manifest.py --format md     # also md / html

A refactoring must not change a byte of the documents: every file's sha256 in manifest.json must
be the same. The reference revision is checked out into a temporary git worktree and run with
the same Python (its own clauses and templates, this environment's libraries). Exit code 1 when
anything differs, with the files named.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
CONTOH = ["gunung-mas", "katingan"]


def bangun(akar: Path, contoh: str, keluaran: Path, format_: str) -> dict[str, str]:
    """Build one example with the code of `akar`; {file: sha256}."""
    kode = (
        "import sys; sys.argv = ['perbup-gen', 'build', sys.argv[1], '-o', sys.argv[2], "
        "'--format', sys.argv[3], '--force', '-q']\n"
        "try:\n    from perbup_gen.cli import main\nexcept ImportError:\n"
        "    from perbup_gen.antarmuka.cli import main\n"
        "main()"
    )
    env = {"PYTHONPATH": str(akar), "PATH": "/usr/bin:/bin"}
    hasil = subprocess.run([sys.executable, "-c", kode, str(akar / "examples" / contoh), str(keluaran), format_],
                           cwd=akar, env=env, capture_output=True, text=True)
    if hasil.returncode != 0:
        sys.exit(f"build {contoh} di {akar} gagal:\n{hasil.stderr}")
    manifest = json.loads((keluaran / "manifest.json").read_text(encoding="utf-8"))
    return {b["berkas"]: b["sha256"] for b in manifest["berkas"]}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--acuan", default="HEAD", help="revisi git acuan (bawaan HEAD)")
    p.add_argument("--format", dest="format_", default="docx", choices=["docx", "md", "html"])
    a = p.parse_args()
    beda = 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        acuan = tmp / "acuan"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(acuan), a.acuan], cwd=AKAR, check=True)
        try:
            for contoh in CONTOH:
                lama = bangun(acuan, contoh, tmp / f"lama-{contoh}", a.format_)
                baru = bangun(AKAR, contoh, tmp / f"baru-{contoh}", a.format_)
                for nama in sorted(set(lama) | set(baru)):
                    if lama.get(nama) != baru.get(nama):
                        beda += 1
                        print(f"BEDA {contoh}: {nama} ({'hilang' if nama not in baru else 'baru' if nama not in lama else 'isi berubah'})")
                print(f"{contoh}: {len(baru)} berkas, {sum(lama.get(n) == h for n, h in baru.items())} sama")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(acuan)], cwd=AKAR, check=False)
    print("SAMA bait demi bait" if not beda else f"{beda} berkas berbeda")
    return 1 if beda else 0


if __name__ == "__main__":
    sys.exit(main())
