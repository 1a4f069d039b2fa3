"""What a reader hands on: the rows of each table as cell texts on the table's grid, and the
problems found at a place in the document (table, row, column)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from ..problems import Problem, Severity, UsageError, os_reason
from ..values import Record, record


@dataclass(frozen=True)
class Row:
    """One row on the table's grid: a cell covering several grid columns keeps its text in the
    first and "" in the others (`spans` says how many it covers)."""

    table: int  # 1-based: the Word table, or the Excel sheet
    number: int  # 1-based row within it, as Word counts rows or Excel numbers them
    cells: tuple[str, ...]
    spans: tuple[int, ...] = ()  # per grid column: columns covered by the cell starting there
    faults: dict[int, str] = field(default_factory=dict)  # column -> why its value was refused

    @property
    def blank(self) -> bool:
        return not any(text.strip() for text in self.cells) and not self.faults

    def spans_all(self) -> bool:
        """One cell across the whole width (a section title in most appendices)."""
        return bool(self.spans) and self.spans[0] == len(self.cells)


@dataclass
class Table:
    number: int
    rows: list[Row]


@record
class RowProblem(Record):
    """A problem at a place in the document; `problem.line` is the row, `problem.column` the
    column (1-based; 1 when it concerns the whole row)."""

    table: int
    heading: str  # the column as the table heads it ("Cơ quan chủ trì"); "" for the whole row
    problem: Problem

    @property
    def is_error(self) -> bool:
        return self.problem.is_error


def row_problem(
    source: str,
    row: Row,
    column: int | None,
    heading: str,
    code: str,
    message: str,
    hint: str = "",
    severity: Severity = "error",
) -> RowProblem:
    """A problem at a row (and column, when one is to blame) of a table of `source`."""
    at = Problem(source, row.number, (column or 0) + 1, code, message, hint, severity)
    return RowProblem(row.table, heading, at)


Opened = TypeVar("Opened")


def open_package(path: Path, opener: Callable[[str], Opened], refused: tuple[type[Exception], ...],
                 what: str, hint: str) -> Opened:  # fmt: skip
    """A Word or Excel file opened by its library, or a usage error saying why it cannot be."""
    import zipfile

    check_package(path)
    unreadable: tuple[type[Exception], ...] = (*refused, zipfile.BadZipFile, KeyError, ValueError,
                                               TypeError)  # fmt: skip
    try:
        return opener(str(path))
    except unreadable:
        raise UsageError(f"không đọc được “{path}” như {what}", hint) from None
    except OSError as exc:
        raise UsageError(
            f"không mở được “{path}”: {os_reason(exc)}", "kiểm tra đường dẫn và quyền đọc tệp"
        ) from None


# A Word or Excel file is a zip package: a few hundred kilobytes can unpack to gigabytes.
UNPACKED_LIMIT = 256 * 1024 * 1024


def check_package(path: Path) -> None:
    """Refuse a package that would unpack beyond the limit, before any reader opens it."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as package:
            size = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a package at all: the reader says so in its own words
    if size > UNPACKED_LIMIT:
        raise UsageError(
            f"“{path.name}” giải nén ra {size // 2**20} MiB, quá giới hạn "
            f"{UNPACKED_LIMIT // 2**20} MiB",
            "tách phụ lục thành tệp nhỏ hơn, hoặc lưu lại tệp bằng Word/Excel",
        )
