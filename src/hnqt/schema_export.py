"""`hnqt schema`: one JSON Schema per kind of file, for editors (yaml-language-server)."""

from __future__ import annotations

import json
from pathlib import Path

from .validation import RECORD_TYPES, json_schema
from .writing import check_writable, prepare_folder, write_text

SCHEMA_DIR = "schemas"


def schema_files() -> dict[str, str]:
    """File name -> JSON text, for every kind of registry file."""
    return {
        f"{kind}.schema.json": json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"
        for kind in RECORD_TYPES
    }


def write_schemas(folder: Path) -> list[Path]:
    """Every schema file, each written whole; none is written if any place is refused."""
    prepare_folder(folder)
    files = {folder / name: text for name, text in schema_files().items()}
    for path in files:
        check_writable(path)
    for path, text in files.items():
        write_text(path, text)
    return list(files)
