"""The tables of a Word document as rows of cell texts (python-docx, read at the XML level:
cells merged across (`gridSpan`) and down (`vMerge`) are resolved on the table's grid)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..names import nfc
from .numbering import labels
from .rows import Row, Table, open_package

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_tables(path: Path) -> list[Table]:
    """Every top-level table of the document, in order; nested tables stay inside their cell."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    document = open_package(
        path, docx.Document, (PackageNotFoundError,), "một tệp Word .docx",
        "mở bằng Word và lưu lại dưới dạng .docx (Word 2007 trở lên), rồi chạy lại",
    )  # fmt: skip
    numbers = labels(document)
    tables = _children(document.element.body, f"{_W}tbl")
    return [_table(number, element, numbers) for number, element in enumerate(tables, 1)]


_WRAPPERS = (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml")  # content controls, custom XML


def _children(parent: Any, tag: str) -> Iterator[Any]:
    """Children with this tag in document order, also those a content control wraps; nothing
    inside them (a table's nested tables stay in their cells)."""
    for child in parent.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _table(number: int, element: Any, numbers: dict[Any, str]) -> Table:
    width = len(element.findall(f"{_W}tblGrid/{_W}gridCol"))
    grid_rows: list[tuple[list[str], list[int]]] = []
    above: dict[int, str] = {}  # grid column -> text of the cell a vertical merge continues
    for tr in _children(element, f"{_W}tr"):
        cells, spans = _row_cells(tr, above, numbers)
        grid_rows.append((cells, spans))
        width = max(width, len(cells))
    rows = []
    for index, (cells, spans) in enumerate(grid_rows, 1):
        missing = width - len(cells)  # a short row: the grid's last columns hold nothing
        rows.append(Row(number, index, tuple(cells + [""] * missing), tuple(spans + [1] * missing)))
    return Table(number, rows)


def _row_cells(
    tr: Any, above: dict[int, str], numbers: dict[Any, str]
) -> tuple[list[str], list[int]]:
    cells: list[str] = []
    spans: list[int] = []
    before = tr.find(f"{_W}trPr/{_W}gridBefore")
    for _ in range(_int(before, 0)):
        cells.append("")
        spans.append(1)
    for tc in _children(tr, f"{_W}tc"):
        properties = tc.find(f"{_W}tcPr")
        span = _int(properties.find(f"{_W}gridSpan") if properties is not None else None, 1)
        merge = properties.find(f"{_W}vMerge") if properties is not None else None
        column = len(cells)
        if merge is not None and merge.get(f"{_W}val") in (None, "continue"):
            text = above.get(column, "")  # the cell merged down gives every row its value
        else:
            text = cell_text(tc, numbers)
        above[column] = text
        cells.append(text)
        spans.append(span)
        for _ in range(span - 1):
            cells.append("")
            spans.append(0)
    return cells, spans


def _int(element: Any, default: int) -> int:
    if element is None:
        return default
    value = element.get(f"{_W}val")
    return int(value) if value is not None and value.isdigit() else default


def cell_text(tc: Any, numbers: dict[Any, str]) -> str:
    """A cell's paragraphs on their own lines, each after the number Word shows before it; a
    nested table as one line per row."""
    lines: list[str] = []
    for child in tc.iterchildren():
        if child.tag == f"{_W}p":
            label = numbers.get(child)
            text = _paragraph_text(child)
            lines.append(f"{label} {text}".strip() if label else text)
        elif child.tag == f"{_W}tbl":
            for tr in _children(child, f"{_W}tr"):
                texts = [cell_text(inner, numbers) for inner in _children(tr, f"{_W}tc")]
                lines.append(" | ".join(text.replace("\n", " ") for text in texts if text))
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                lines.append(cell_text(content, numbers))
    # Empty paragraphs around the text are layout, not content.
    return nfc("\n".join(lines).strip("\n"))


def _paragraph_text(p: Any) -> str:
    parts: list[str] = []
    # Runs only: a paragraph's properties also hold `w:tab` elements (its tab stops).
    runs = (node for run in p.iter(f"{_W}r") for node in run.iterchildren())
    for node in runs:
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag == f"{_W}noBreakHyphen":
            parts.append("-")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    return "".join(parts)
