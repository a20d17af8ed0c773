"""Where the project's own folders are. The package is installed editable (`pip install -e .`), so
`clauses/` and `templates/` are found beside it at the top of the repository."""
from __future__ import annotations

from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
KLAUSUL = AKAR / "clauses"
TEMPLAT = AKAR / "templates"
