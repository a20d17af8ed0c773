"""Write perbup_gen/data/lebar_bookman.json, the advance widths of Bookman used to break titles
into balanced lines (perbup_gen/keluaran/docx.py), from the AFM files of URW Bookman (Debian
fonts-urw-base35), a metric-compatible clone of ITC Bookman / Bookman Old Style.

    .venv/bin/python scripts/lebar_huruf.py
"""
from __future__ import annotations

import json
import re
from pathlib import Path

AFM = Path("/usr/share/fonts/type1/urw-base35")
TUJUAN = Path(__file__).resolve().parent.parent / "perbup_gen" / "data" / "lebar_bookman.json"
BERKAS = {"biasa": "URWBookman-Light.afm", "tebal": "URWBookman-Demi.afm"}


def lebar(afm: Path) -> dict[str, int]:
    out = {}
    for baris in afm.read_text(encoding="latin-1").splitlines():
        m = re.match(r"C (\d+) ; WX (\d+) ;", baris)
        if m and 32 <= int(m.group(1)) <= 126:
            out[chr(int(m.group(1)))] = int(m.group(2))
    return dict(sorted(out.items()))


def main() -> None:
    data = {"sumber": "URW Bookman Light/Demi AFM (fonts-urw-base35), satuan 1/1000 em; "
                      "seukuran dengan Bookman Old Style",
            **{k: lebar(AFM / v) for k, v in BERKAS.items()}}
    TUJUAN.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n")
    print(f"ditulis: {TUJUAN}")


if __name__ == "__main__":
    main()
