"""`hnqt export xlsx`: a plan's tasks as its appendix lays them out (sections, TT, name, units,
output, deadline as written), with hnqt's columns beside them (next due date, status as of a
day, last progress) — a sheet staff can edit and give back to `hnqt import xlsx`."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from ..appendix import HEADINGS, PLAN_COLUMNS, join_units, show_progress, show_source
from ..dates import show
from ..deadlines import listed
from ..model import Plan, Task, Unit
from ..obligations import task_occurrences
from ..queries import ListQuery, list_tasks
from ..registry import Registry, TaskEntry
from ..statuses import OPEN_STATUSES, STATUS_LABELS
from .safe import visible

SHEET = "Nhiệm vụ"
# Column widths in characters, for Vietnamese text wrapped in the cell.
_WIDTHS = {
    "code": 6,
    "title": 70,
    "lead": 26,
    "support": 30,
    "output": 22,
    "deadline": 20,
    "next_due": 13,
    "status": 24,
    "progress": 40,
    "field": 20,
    "articles": 8,
    "notes": 30,
    "source": 40,
}
_OPTIONAL = ("field", "articles", "notes")  # shown only when a task of the plan has one
_TEXT_COLUMNS = ("code", "deadline")  # typed by staff: Excel must not turn "2026" into a number
_HEADER_FILL = "1F4E78"
_SECTION_FILL = "DDEBF7"
_DATE_FORMAT = "DD/MM/YYYY"


def columns_of(tasks: list[Task]) -> list[str]:
    """The appendix's columns, hnqt's computed ones, and the optional ones some task uses."""
    used = [c for c in _OPTIONAL if any(getattr(task, c) for task in tasks)]
    return [*PLAN_COLUMNS, "next_due", "status", "progress", *used, "source"]


def render_workbook(registry: Registry, plan: Plan, unit: Unit | None, as_of: date) -> bytes:
    """The workbook's bytes: title, a styled frozen header with filters, sections, tasks."""
    from openpyxl import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.worksheet import Worksheet

    chosen = [
        entry
        for entry, _ in list_tasks(registry, ListQuery("tasks", as_of, plan.id, unit, role="all"))
    ]
    columns = columns_of([entry.task for entry in chosen])
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)  # a new workbook has one worksheet
    sheet.title = SHEET
    last = len(columns)
    whom = f" — {unit.name}" if unit else ""
    sheet.append([f"{plan.title}{whom}"])
    sheet.append([f"Danh mục nhiệm vụ · tính đến ngày {show(as_of)} · xuất bởi hnqt"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last)
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last)
    sheet.append([HEADINGS[c] for c in columns])
    header_row = sheet.max_row
    titles = {section.code: section.title for section in plan.sections}
    current: str | None = None
    for entry in chosen:
        section = entry.task.code.split(".")[0] if "." in entry.task.code else None
        if section != current and section is not None:
            current = section
            _append(sheet, [section, titles.get(section, "")])
            sheet.merge_cells(
                start_row=sheet.max_row, start_column=2, end_row=sheet.max_row, end_column=last
            )
            _style_section(sheet, sheet.max_row, last)
        _append(sheet, [_cell(registry, entry, column, as_of, section) for column in columns])
    _style(sheet, columns, header_row)
    statuses = DataValidation(
        type="list", allow_blank=True, formula1='"' + ",".join(STATUS_LABELS.values()) + '"'
    )
    statuses.error = "Chọn một trạng thái trong danh sách"
    statuses.errorTitle = "Trạng thái"
    sheet.add_data_validation(statuses)
    status_letter = _letter(columns.index("status") + 1)
    statuses.add(
        f"{status_letter}{header_row + 1}:{status_letter}{max(sheet.max_row, header_row + 1)}"
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell(
    registry: Registry, entry: TaskEntry, column: str, as_of: date, section: str | None
) -> Any:
    task = entry.task
    if column == "code":
        return task.code[len(section) + 1 :] if section else task.code
    if column in ("lead", "support"):
        return join_units(getattr(task, column))
    if column == "deadline":
        return task.deadline_text
    if column == "next_due":
        shown = listed(task_occurrences(registry, entry, as_of), as_of)
        return min((o.due for o in shown if o.due and o.status in OPEN_STATUSES), default=None)
    if column == "status":
        from ..obligations import current_status

        status = current_status(registry, entry, as_of)
        return STATUS_LABELS[status] if status else ""
    if column == "progress":
        entries = [p for p in task.progress if p.date.as_date() is not None]
        if not entries:
            return ""
        latest = entries[-1]
        return show_progress(latest.date.as_date(), latest.note)  # type: ignore[arg-type]
    if column == "articles":
        return ", ".join(str(number) for number in task.articles)
    if column == "source":
        return show_source(task.source.file, task.source.ref) if task.source else ""
    return getattr(task, column) or ""


def _append(sheet: Any, values: list[Any]) -> None:
    """A row of registry text: a control character (which a workbook cannot hold) is shown as
    its picture (␇), and a value starting with "=" stays text, never a formula Excel would run
    (openpyxl takes such a string for a formula)."""
    sheet.append(
        [visible(value, lines=True) if isinstance(value, str) else value for value in values]
    )
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


def _style(sheet: Any, columns: list[str], header_row: int) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="A6A6A6")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"].font = Font(italic=True, color="595959")
    for index, column in enumerate(columns, 1):
        letter = _letter(index)
        sheet.column_dimensions[letter].width = _WIDTHS[column]
        head = sheet.cell(header_row, index)
        head.font = Font(bold=True, color="FFFFFF")
        head.fill = PatternFill("solid", fgColor=_HEADER_FILL)
        head.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        head.border = border
        for row in range(header_row + 1, sheet.max_row + 1):
            cell = sheet.cell(row, index)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            cell.border = border
            if column == "next_due":
                cell.number_format = _DATE_FORMAT
            elif column in _TEXT_COLUMNS:
                cell.number_format = "@"
    last = _letter(len(columns))
    sheet.freeze_panes = f"C{header_row + 1}"  # the header and the TT, name columns stay
    sheet.auto_filter.ref = f"A{header_row}:{last}{max(sheet.max_row, header_row + 1)}"
    sheet.print_title_rows = f"{header_row}:{header_row}"


def _style_section(sheet: Any, row: int, last: int) -> None:
    from openpyxl.styles import Font, PatternFill

    for index in range(1, last + 1):
        cell = sheet.cell(row, index)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=_SECTION_FILL)
