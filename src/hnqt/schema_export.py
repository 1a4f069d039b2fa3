"""`hnqt schema`: one JSON Schema per kind of file, for editors (yaml-language-server)."""

from __future__ import annotations

import json
from pathlib import Path

from .validation import RECORD_TYPES, json_schema

SCHEMA_DIR = "schemas"


def schema_files() -> dict[str, str]:
    """File name -> JSON text, for every kind of registry file."""
    return {
        f"{kind}.schema.json": json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"
        for kind in RECORD_TYPES
    }


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_files().items():
        path = folder / name
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written
