"""The JSON Schema of the district config, for YAML editors (yaml-language-server).

Fields the juknis defaults supply (`clauses/bawaan.yaml`) would look "required" in the raw pydantic
schema and make an editor flag a short, valid config; the editor schema therefore checks names,
types and allowed values only. Completeness is checked by `perbup-gen validate`.
"""
from __future__ import annotations

import json
from typing import Any

from perbup_gen.konfigurasi.model import Konfigurasi


def _tanpa_required(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _tanpa_required(v) for k, v in node.items() if k != "required"}
    if isinstance(node, list):
        return [_tanpa_required(v) for v in node]
    return node


def skema() -> dict:
    data = Konfigurasi.model_json_schema(by_alias=True)
    data = _tanpa_required(data)
    # a criterion may still be written as plain text (the form before structured criteria)
    kriteria = data["$defs"]["Insentif"]["properties"]["kriteria"]
    kriteria["items"] = {"anyOf": [kriteria["items"], {"type": "string"}]}
    data["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    data["title"] = "Konfigurasi perbup-gen (satu kabupaten atau kota)"
    data.setdefault("properties", {})["sertakan"] = {
        "type": "array",
        "items": {"type": "string"},
        "description": "Berkas YAML lain yang digabungkan di atas berkas ini (roster, perubahan).",
    }
    return data


def skema_json() -> str:
    return json.dumps(skema(), ensure_ascii=False, indent=2, sort_keys=True)
