"""`hnqt schema`: one JSON Schema per kind of file, for editors (yaml-language-server).

The schemas ship inside the package (`hnqt/schemas/`, package data): `hnqt schema` copies them
without building them from the models at every run. The suite checks that they are what the
models give (tests/test_schema.py; `HNQT_UPDATE_SCHEMAS=1` rewrites them after a model change).
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

from .layout import SCHEMA_DIR
from .writing import ANY, write_files


def generated() -> dict[str, str]:
    """File name -> JSON text, built from the models, for every kind of registry file."""
    from .validation import RECORD_TYPES, json_schema

    return {
        f"{kind}.schema.json": json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"
        for kind in RECORD_TYPES
    }


def bundled() -> dict[str, str]:
    """File name -> JSON text, as shipped in the package."""
    folder = files("hnqt") / SCHEMA_DIR
    return {
        entry.name: entry.read_text(encoding="utf-8")
        for entry in folder.iterdir()
        if entry.name.endswith(".schema.json")
    }


def write_schemas(folder: Path) -> list[Path]:
    """Every schema file, each written whole; none is written if any place is refused."""
    schemas = {folder / name: (text, ANY) for name, text in sorted(bundled().items())}
    write_files(schemas)
    return list(schemas)
