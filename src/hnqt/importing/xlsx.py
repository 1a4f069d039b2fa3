"""The sheets of an Excel workbook as rows of cell texts (openpyxl), under the rules of the Word
reader: a cell merged down gives each row its value, a cell merged across covers columns.
Excel's own date cells and date serial numbers are read as dates; a formula is refused."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from ..dates import show
from ..names import nfc
from .rows import Row, Table, open_package

# Excel counts days from 1899-12-30: a bare number above the years a deadline names is a date
# that lost its format (46203 is 30/06/2026); 1900…2200 stays a year ("2026").
_LAST_YEAR = 2200


def read_tables(path: Path) -> list[Table]:
    """Every worksheet of the workbook, in order, as one table each."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    def formulas_as_written(name: str) -> Any:  # a computed value may be stale or missing
        return load_workbook(name, data_only=False)

    workbook = open_package(
        path, formulas_as_written, (InvalidFileException,), "một bảng tính Excel .xlsx",
        "mở bằng Excel và lưu lại dưới dạng .xlsx (Excel Workbook), rồi chạy lại",
    )  # fmt: skip
    return [_sheet(number, sheet) for number, sheet in enumerate(workbook.worksheets, 1)]


def _sheet(number: int, sheet: Any) -> Table:
    width = sheet.max_column
    texts: list[list[str]] = []
    faults: list[dict[int, str]] = []
    for cells in sheet.iter_rows(min_row=1, max_row=sheet.max_row, max_col=width):
        row_texts, row_faults = [], {}
        for index, cell in enumerate(cells):
            text, fault = cell_text(cell.value, cell.data_type)
            row_texts.append(text)
            if fault:
                row_faults[index] = fault
        texts.append(row_texts)
        faults.append(row_faults)
    spans = [[1] * width for _ in texts]
    for merged in sheet.merged_cells.ranges:
        top, left = merged.min_row - 1, merged.min_col - 1
        for row in range(top, min(merged.max_row, len(texts))):
            # Merged down: every row holds the value; merged across: one cell covers columns.
            texts[row][left] = texts[top][left]
            spans[row][left] = merged.max_col - merged.min_col + 1
            for column in range(left + 1, merged.max_col):
                texts[row][column] = ""
                spans[row][column] = 0
    rows = [
        Row(number, index, tuple(cells), tuple(spans[index - 1]), faults[index - 1])
        for index, cells in enumerate(texts, 1)
    ]
    return Table(number, rows)


def cell_text(value: object, data_type: str) -> tuple[str, str | None]:
    """A cell's text as the appendix means it, or the reason it cannot be taken."""
    if value is None:
        return "", None
    if data_type == "f":  # a text cell may start with "=" too: only a formula is refused
        return "", f"ô chứa công thức “{value}”: hnqt chỉ đọc giá trị đã ghi, không tính công thức"
    if isinstance(value, datetime):
        return show(value.date()), None
    if isinstance(value, date):
        return show(value), None
    if isinstance(value, time):
        return "", "ô chứa giờ, không phải ngày hay văn bản"
    if isinstance(value, bool):
        return str(value), None
    if isinstance(value, int | float):
        return _number(value), None
    return nfc(str(value)), None


def _number(value: float) -> str:
    if value > _LAST_YEAR:
        from openpyxl.utils.datetime import from_excel

        day = from_excel(value)
        if isinstance(day, datetime):
            return show(day.date())
    return str(int(value)) if float(value).is_integer() else str(value)
