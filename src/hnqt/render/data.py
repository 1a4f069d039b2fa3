"""Output for programs: JSON and CSV text, keys in English as in the registry files."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from ..dates import PartialDate
from ..values import Record
from .safe import csv_cell, json_text

# Excel takes a CSV file without it for the ANSI code page and garbles Vietnamese; csv
# readers (Python's "utf-8-sig", pandas, LibreOffice) skip it.
UTF8_BOM = "\ufeff"


def jsonable(value: Any) -> Any:
    """Records, dates and tuples as JSON values."""
    if isinstance(value, PartialDate):  # a record too, but written as in the files: "2023-12"
        return value.iso()
    if isinstance(value, Record):
        return {name: jsonable(getattr(value, name)) for name in value.__slots__}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return value


def to_json(payload: Any) -> str:
    import json

    return json_text(json.dumps(jsonable(payload), ensure_ascii=False, indent=2))


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]], delimiter: str = ",") -> str:
    """CSV text that Excel opens as UTF-8; an empty cell for a missing value; a cell that a
    spreadsheet would take for a formula is kept as text. No `sep=` line: with one, Excel drops
    the BOM and reads the text in the ANSI code page."""
    import csv
    import io

    out = io.StringIO()
    out.write(UTF8_BOM)
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(["" if cell is None else csv_cell(cell) for cell in row] for row in rows)
    return out.getvalue()
