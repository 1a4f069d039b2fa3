"""From the rows of a plan's appendix (Word or Excel) to task drafts: the header found loosely,
section rows, repeated headers, a table split in two, codes from the section and the number.
Every row that cannot be read is said with its table, row and column."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..appendix import HEADINGS, REQUIRED, header_columns, is_header, section_of
from ..appendix import split_units as split_cell
from ..names import collapse
from ..problems import Severity, UsageError
from .rows import Row, RowProblem, Table, row_problem

_NUMBERING = re.compile(r"^\(?\d{1,2}\)?$")  # the (1) (2) (3) … row under some headers
_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)\.?$")  # 3, 3., 2.1: numbered within a section


@dataclass
class Draft:
    """A task read from one row: the cell text of each column the table has."""

    row: Row
    code: str
    values: dict[str, str]
    columns: dict[str, int]  # column -> its index in the row, to say where a problem is
    headings: dict[str, str]  # column -> its heading as the table writes it

    def where(self, column: str) -> tuple[int | None, str]:
        index = self.columns.get(column)
        return index, self.headings.get(column, HEADINGS.get(column, ""))


@dataclass
class Appendix:
    """What the tables hold: task drafts, sections, and the rows that could not be read."""

    drafts: list[Draft] = field(default_factory=list)
    sections: list[tuple[str, str]] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    tables: list[int] = field(default_factory=list)  # the tables read (a split table: several)


def read_appendix(tables: list[Table], source: str, start: int | None = None) -> Appendix:
    """The task table (the first with a header, or table `start`) and every later table whose
    first row repeats the header (a table the author split across pages)."""
    if start is not None and not 1 <= start <= len(tables):
        raise UsageError(
            f"--table {start}: tệp chỉ có {len(tables)} bảng",
            "đếm bảng từ 1, theo thứ tự trong tệp",
        )
    found = Appendix()
    roles: set[str] | None = None
    for table in tables[(start or 1) - 1 :]:
        at = _header_index(table, first_only=roles is not None)
        if at is None:
            if start is not None and roles is None:
                raise UsageError(
                    f"bảng {start} không có dòng tiêu đề của bảng nhiệm vụ",
                    _WANTED_HEADER,
                )
            continue
        columns, headings, first = _header(table, at)
        if roles is not None and set(columns) != roles:
            continue  # another table with other columns: not the appendix going on
        header = table.rows[at]
        missing = [c for c in REQUIRED if c not in columns]
        if missing:
            names = ", ".join(f"“{HEADINGS[c]}”" for c in missing)
            found.problems.append(
                row_problem(
                    source,
                    header,
                    None,
                    "",
                    "missing-column",
                    f"bảng nhiệm vụ thiếu cột {names}",
                    _WANTED_HEADER,
                )
            )
            return found
        roles = set(columns)
        found.tables.append(table.number)
        _read_rows(table.rows[first:], columns, headings, source, found)
    if roles is None:
        raise UsageError(f"không tìm thấy bảng nhiệm vụ trong “{source}”", _WANTED_HEADER)
    return found


_WANTED_HEADER = (
    "bảng nhiệm vụ cần một dòng tiêu đề có các cột TT, Tên nhiệm vụ, Cơ quan chủ trì, "
    "Cơ quan phối hợp, Kết quả, Thời gian hoàn thành (có dấu hay không dấu đều được)"
)


def _header_index(table: Table, first_only: bool) -> int | None:
    """The header row: the first non-blank row of a continued table, else any of the first few
    (a title row may stand above the header)."""
    candidates = [i for i, row in enumerate(table.rows) if not row.blank]
    for index in candidates[: 1 if first_only else 5]:
        if is_header(table.rows[index].cells):
            return index
    return None


def _header(table: Table, at: int) -> tuple[dict[str, int], dict[str, str], int]:
    """Columns, their headings, and where the tasks start. A header of two rows ("Cơ quan thực
    hiện" over "Chủ trì | Phối hợp"; cells merged down repeat in both) reads as one."""
    rows = table.rows[at : at + 2]
    if len(rows) == 2 and not is_header(rows[1].cells):
        rows = rows[:1]
    columns: dict[str, int] = {}
    headings: dict[str, str] = {}
    for row in rows:
        for column, index in header_columns(row.cells).items():
            columns[column] = index
            headings[column] = collapse(row.cells[index])
    return columns, headings, at + len(rows)


def _read_rows(
    rows: list[Row], columns: dict[str, int], headings: dict[str, str], source: str, found: Appendix
) -> None:
    section = found.sections[-1][0] if found.sections else None
    for row in rows:
        if row.blank or is_header(row.cells) or _numbering(row.cells):
            continue  # an empty row, the header repeated on a new page, column numbers
        numeral = None if row.faults else _section(row, columns)
        if numeral is not None:
            section = numeral[0]
            found.sections.append(numeral)
            continue
        refusals = _refusals(row, columns, headings)
        if refusals:
            found.problems.extend(row_problem(source, row, *refusal) for refusal in refusals)
            continue
        code = collapse(row.cells[columns["code"]]).rstrip(".")
        number = _NUMBER.match(code)
        if number and section is not None:
            code = f"{section}.{'.'.join(str(int(part)) for part in number[1].split('.'))}"
        values = {c: row.cells[i] for c, i in columns.items()}
        found.drafts.append(Draft(row, code, values, columns, headings))


Refusal = tuple[int | None, str, str, str, str, Severity]  # column, heading, code, why, fix


def _refusals(row: Row, columns: dict[str, int], headings: dict[str, str]) -> list[Refusal]:
    """Why a row that is neither a section nor blank is not a task either."""
    if row.faults:
        return [(index, _heading_at(index, columns, headings), "bad-cell", reason,
                 "sửa ô trong bảng rồi nhập lại", "error")
                for index, reason in sorted(row.faults.items())]  # fmt: skip
    if row.spans_all():
        return [(None, "", "bad-row",
                 "dòng gộp cả bảng không bắt đầu bằng số La Mã của một mục (I, II, …): bỏ qua",
                 "nếu đây là tên một mục, ghi số La Mã ở đầu", "warning")]  # fmt: skip
    merged = _merged_task_cell(row, columns)
    if merged is not None:
        index, width = merged
        return [(index, _heading_at(index, columns, headings), "bad-cell",
                 f"ô gộp ngang qua {width} cột trong một dòng nhiệm vụ",
                 "bỏ gộp ô: mỗi cột của nhiệm vụ một ô riêng", "error")]  # fmt: skip
    for column, why, fix in _REQUIRED_CELLS:
        if not row.cells[columns[column]].strip():
            return [(columns[column], headings[column], "missing-value", why, fix, "error")]
    return []


_REQUIRED_CELLS = (
    ("code", "dòng nhiệm vụ không có số thứ tự (TT)",
     "ghi số thứ tự; phần nối tiếp của nhiệm vụ trên thì gộp vào dòng trên"),
    ("title", "dòng nhiệm vụ không có tên nhiệm vụ", "ghi tên nhiệm vụ như văn bản"),
)  # fmt: skip


def _heading_at(index: int, columns: dict[str, int], headings: dict[str, str]) -> str:
    return next((headings[c] for c, i in columns.items() if i == index), "")


def _numbering(cells: tuple[str, ...]) -> bool:
    filled = [text.strip() for text in cells if text.strip()]
    return len(filled) >= 3 and all(_NUMBERING.match(text) for text in filled)


def _section(row: Row, columns: dict[str, int]) -> tuple[str, str] | None:
    """A section: one cell across the row starting with a Roman numeral; or, with no unit or
    deadline, a numeral in the TT column and the title beside it, or any code in the TT column
    and the title cell merged to the end of the row (as `hnqt export xlsx` writes sections)."""
    if row.spans_all():
        return section_of(row.cells[0])
    others = [c for c in ("lead", "support", "deadline") if c in columns]
    if any(row.cells[columns[c]].strip() for c in others):
        return None
    code, title = collapse(row.cells[columns["code"]]), columns["title"]
    numeral = section_of(code)
    if numeral is not None and not numeral[1]:
        return numeral[0], collapse(row.cells[title])
    merged_to_end = title < len(row.spans) and title + row.spans[title] == len(row.cells)
    if code and merged_to_end and row.spans[title] > 1 and not _NUMBER.match(code):
        return code, collapse(row.cells[title])
    return None


def _merged_task_cell(row: Row, columns: dict[str, int]) -> tuple[int, int] | None:
    """A cell covering two of the appendix's columns: which of them a value belongs to is
    anyone's guess."""
    used = sorted(columns.values())
    for index in used:
        width = row.spans[index] if index < len(row.spans) else 1
        if width > 1 and any(index < other < index + width for other in used):
            return index, width
    return None


# --- cell texts -> the fields of a task file -------------------------------------------------


def unit_names(text: str, resolves: Callable[[str], bool]) -> list[str]:
    """The units a cell names. A part no unit answers to is split at its commas when every
    piece then names a unit (`Sở Công Thương, Sở Tài chính`); groups such as `Các Sở, ngành,
    đơn vị` keep their commas because they answer as a whole."""
    names: list[str] = []
    for name in split_cell(text):
        pieces = [piece.strip() for piece in name.split(",") if piece.strip()]
        if not resolves(name) and len(pieces) > 1 and all(resolves(p) for p in pieces):
            names.extend(pieces)
        else:
            names.append(name)
    return names
