"""The base of every validated config model: unknown keys refused, text stripped."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["Model", "Teks"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=False)


Teks = str  # a non-template text value; documents insert it literally
