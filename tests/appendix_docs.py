"""Word and Excel appendices built in the tests (python-docx, openpyxl), the way authors make
them: merged section rows, cells merged down, headers repeated, tables split in two."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

HEADER = [
    "TT",
    "Tên nhiệm vụ",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Kết quả",
    "Thời gian hoàn thành",
]

# A plan of the test registry (conftest's units) to import into.
PLAN_FILES = {
    "data/plans/kh-moi/plan.yaml": textwrap.dedent("""\
        id: kh-moi
        kind: plan
        title: "Kế hoạch mới"
        issuer: "Ủy ban nhân dân thành phố Hà Nội"
        period: {start: "2025", end: "2030"}
        sections:
          - {code: "I", title: "Mục một"}
          - {code: "II", title: "Mục hai"}
        """),
}


def fill(cell: Any, text: str) -> None:
    """A cell's text, a line break (Shift+Enter) for each newline."""
    first, *rest = text.split("\n")
    cell.text = first
    for line in rest:
        run = cell.paragraphs[0].add_run()
        run.add_break()
        run.add_text(line)


def add_table(document: Any, rows: list[list[str]]) -> Any:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if value:
                fill(table.cell(r, c), value)
    return table


def merge_across(table: Any, row: int) -> None:
    """The row's cells made one (its text stays in the first)."""
    table.cell(row, 0).merge(table.cell(row, len(table.columns) - 1))


def merge_down(table: Any, column: int, first: int, last: int) -> None:
    table.cell(first, column).merge(table.cell(last, column))


def mark_header(table: Any, row: int) -> None:
    """Word's "repeat as header row at the top of each page"."""
    from docx.oxml import OxmlElement

    properties = table.rows[row]._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:tblHeader"))


def word(path: Path, *tables: list[list[str]], build: Any = None) -> Path:
    """A .docx with a title paragraph and the given tables; `build(document, tables)` adds the
    merges and other touches."""
    import docx

    document = docx.Document()
    document.add_paragraph("PHỤ LỤC II — DANH MỤC NHIỆM VỤ")
    made = []
    for rows in tables:
        made.append(add_table(document, rows))
        document.add_paragraph("")
    if build is not None:
        build(document, made)
    document.save(str(path))
    return path


def sheet(path: Path, rows: list[list[object]], build: Any = None) -> Path:
    """A one-sheet .xlsx with the given rows; `build(sheet)` adds merges, formats, formulas."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "Nhiệm vụ"
    for row in rows:
        ws.append(row)
    if build is not None:
        build(ws)
    book.save(str(path))
    return path
