"""`hnqt due` output: a table for people, JSON/CSV for programs (calendars: `render.ics`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ..choices import DueFormat
from ..dates import show
from ..obligations import ROLE_LABELS, Item
from ..statuses import SHORT_LABELS, STATUS_LABELS
from .data import to_csv, to_json
from .dueview import DueView
from .labels import ITEM_KINDS
from .tables import Block, Column, for_a_person, nothing_found, render_blocks


def item_json(item: Item, view: DueView) -> dict[str, object]:
    """The contract shape of one item (DESIGN §4), with a few extras for readers."""
    return {
        "kind": item.kind,
        "id": item.id,
        "plan": item.plan,
        "code": item.code,
        "title": item.title,
        "role": item.role,
        "deadline_text": item.deadline_text,
        "due": item.due.isoformat() if item.due else None,
        "status": item.status,
        "days_left": item.days_left(view.as_of),
        "source": item.source,
        "year": item.year,
        "unit": {"id": item.unit, "name": view.unit_names[item.unit]},
        "status_label": STATUS_LABELS[item.status],
        "done_on": item.done_on.isoformat() if item.done_on else None,
        "to": item.to,
        "awaiting": item.awaiting,
        "basis": item.basis,
        "assumed": item.assumed,
    }


def render_json(view: DueView) -> str:
    unit = {"id": view.unit.id, "name": view.unit.name} if view.unit else None
    payload = {
        "as_of": view.as_of.isoformat(),
        "unit": unit,
        "items": [item_json(item, view) for item in view.items],
    }
    return to_json(payload)


# CSV for Excel (one rule for every CSV of hnqt): Vietnamese headers and labels first, dates as
# people write them; the codes (and the ISO date) in their own columns at the end, for filters.
CSV_HEADER = ("Loại", "Mã", "Kế hoạch", "Tên", "Vai trò", "Thời hạn theo văn bản", "Hạn",
              "Tình trạng", "Còn (ngày)", "Năm", "Đơn vị", "Căn cứ", "Giả định", "Tệp nguồn",
              "Mã loại", "Mã vai trò", "Mã tình trạng", "Mã đơn vị", "Hạn (ISO)")  # fmt: skip


def render_csv(view: DueView) -> str:
    rows = [
        [ITEM_KINDS[item.kind], item.id, item.plan, item.title, ROLE_LABELS[item.role],
         item.deadline_text, show(item.due), STATUS_LABELS[item.status],
         item.days_left(view.as_of), item.year, view.unit_names[item.unit], item.basis,
         "có" if item.assumed else "", item.source,
         item.kind, item.role, item.status, item.unit, item.due.isoformat() if item.due else None]
        for item in view.items
    ]  # fmt: skip
    return to_csv(CSV_HEADER, rows, view.delimiter)


def render_ics(view: DueView) -> str:
    from .ics import render_calendar  # icalendar is loaded only for a calendar

    return render_calendar(view)


def _state(item: Item, as_of: date) -> str:
    """Status and days in a few words: `Quá hạn 7 ngày`, `Còn 39 ngày`, `Xong 10/11/2026`."""
    days = item.days_left(as_of)
    if item.status == "done_on_time":
        return f"Xong {show(item.done_on)}"
    if item.status == "done_late":
        return f"Xong muộn {show(item.done_on)}"
    if item.status == "overdue" and days is not None:
        return f"Quá hạn {-days} ngày"
    if item.status == "on_track" and days is not None:
        return "Đến hạn hôm nay" if days == 0 else f"Còn {days} ngày"
    return SHORT_LABELS[item.status]


_STYLES = {"overdue": "bold red", "on_track": "", "done_on_time": "green", "done_late": "yellow",
           "ongoing": "dim", "awaiting_event": "cyan", "no_deadline": "dim"}  # fmt: skip


def _unit_column(view: DueView) -> bool:
    """Several units in a pipe or a file: each row says whose it is (grep keeps no heading)."""
    return view.unit is None and not for_a_person()


def _columns(view: DueView) -> list[Column]:
    role = [Column("Vai trò")] if view.show_role else []
    unit = [Column("Đơn vị")] if _unit_column(view) else []
    # The deadline as written stands beside the computed date; the long text comes last, so
    # it can wrap on a terminal and needs no padding in a pipe.
    return [
        Column("Hạn"),
        Column("Theo văn bản", fold=20),
        Column("Tình trạng"),
        Column("Mã"),
        *unit,
        *role,
        Column("Nội dung", flexible=True),
    ]


def _cells(item: Item, view: DueView) -> list[str]:
    role = [ROLE_LABELS[item.role]] if view.show_role else []
    unit = [view.unit_names[item.unit]] if _unit_column(view) else []
    return [
        show(item.due) or "—",
        item.deadline_text or "(để trống)",
        _state(item, view.as_of),
        item.id,  # what `hnqt show` opens
        *unit,
        *role,
        # Owed only if the undated document came out before the due day: said first, so a
        # cut title keeps it.
        ("(giả định) " if item.assumed else "") + item.title.split("\n")[0],
    ]


def render_table(view: DueView) -> str:
    """A table per unit: overdue rows in red on a terminal, plain text in a pipe."""
    header = f"Tính đến ngày {show(view.as_of)}"
    if not any(items for _, items in view.groups):
        return nothing_found(header, f"việc nào của {view.unit.name}" if view.unit else "việc nào")
    blocks = [
        Block(
            f"{unit.name} — {len(items)} việc",
            _columns(view),
            [_cells(item, view) for item in items],
            [_STYLES[item.status] for item in items],
            _summary(items),
        )
        for unit, items in view.groups
    ]
    return render_blocks(header, blocks)


def _summary(items: list[Item]) -> str:
    counts: dict[str, int] = {}
    for item in items:
        counts[STATUS_LABELS[item.status]] = counts.get(STATUS_LABELS[item.status], 0) + 1
    return " · ".join(f"{label}: {count}" for label, count in counts.items())


RENDERERS: dict[DueFormat, Callable[[DueView], str]] = {
    "table": render_table,
    "json": render_json,
    "csv": render_csv,
    "ics": render_ics,
}
