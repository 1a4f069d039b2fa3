"""Calendars (RFC 5545) for Outlook, Google and phones: one all-day event per dated item.

What keeps a calendar right when it is published again and again: a UID per item and unit that
never changes, a SEQUENCE that rises whenever the files behind an item change (seconds since
2020 of their last change), DTSTAMP in UTC, nothing in the title that goes stale (no status),
and items without a date listed in a note (VJOURNAL) instead of silently left out."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from ..layout import DEPARTMENTS_FILE, plan_file
from ..obligations import ROLE_LABELS, Item
from ..registry import Registry
from ..statuses import STATUS_LABELS
from .dueview import DueView, item_label
from .safe import visible

if TYPE_CHECKING:
    from icalendar import Journal

PRODID = "-//hnqt//Hà Nội · Quan hệ quốc tế//VI"
_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)


def file_changes(root: Path) -> Callable[[str], datetime]:
    """When a registry file last changed (its modification time, in UTC), memoised."""
    seen: dict[str, datetime] = {}

    def changed(rel: str) -> datetime:
        if rel not in seen:
            try:
                stamp = os.stat(root / rel).st_mtime
            except OSError:
                stamp = _EPOCH.timestamp()
            seen[rel] = datetime.fromtimestamp(int(stamp), UTC)
        return seen[rel]

    return changed


def render_calendar(view: DueView, now: datetime | None = None) -> str:
    """The items of a `due` view as a calendar; `now` (UTC) stamps it."""
    from icalendar import Alarm, Calendar, Event

    registry, remind = view.registry, view.remind
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    changed = file_changes(registry.root)
    whom = view.unit.name if view.unit else "mọi đơn vị"
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", visible(f"hnqt — {whom}"))
    # A subscribed calendar is fetched again about once a day.
    calendar.add("refresh-interval", timedelta(days=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "P1D")
    undated: list[Item] = []
    for item in view.items:
        if item.due is None:
            undated.append(item)
            continue
        last = _last_change(item, changed)
        event = Event()
        event.add("uid", uid(item))
        event.add("dtstamp", stamp)
        event.add("last-modified", last)
        event.add("sequence", sequence(last))
        event.add("dtstart", item.due)
        event.add("dtend", item.due + timedelta(days=1))  # all-day: the end is exclusive
        event.add("summary", visible(f"{item_label(item)}: {_first_line(item.title)}"))
        event.add("description", describe(registry, view, item))
        event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", visible(f"Sắp đến hạn: {item_label(item)}"))
        alarm.add("trigger", -timedelta(days=remind))
        event.add_component(alarm)
        calendar.add_component(event)
    if undated:
        calendar.add(
            "x-wr-caldesc",
            f"{len(undated)} việc không có ngày cụ thể: xem ghi chú "
            "“Việc không có ngày” (VJOURNAL) trong lịch",
        )
    if undated or not view.items:  # RFC 5545: a calendar holds at least one component
        calendar.add_component(_note(view, undated, stamp, changed))
    text: str = calendar.to_ical().decode("utf-8")
    return text


def uid(item: Item) -> str:
    """The same item of the same unit keeps its UID from one export to the next."""
    return f"{item.id}/{item.unit}@hnqt"


def sequence(last: datetime) -> int:
    """Rises with every change of the files behind an item, and never falls."""
    return max(0, int((last - _EPOCH).total_seconds()))


def _last_change(item: Item, changed: Callable[[str], datetime]) -> datetime:
    """An item's date and text come from its file, its plan and the unit directory."""
    files = [item.source, DEPARTMENTS_FILE]
    if item.plan is not None:
        files.append(plan_file(item.plan))
    return max(changed(rel) for rel in files)


def describe(registry: Registry, view: DueView, item: Item) -> str:
    plan = registry.plans.get(item.plan or "")
    lines = [
        f"Kế hoạch: {plan[0].title} ({item.plan})" if plan else "",
        f"Mã: {item.id}",
        f"Nội dung: {item.title}",
        f"Thời hạn theo văn bản: {item.deadline_text or '(để trống)'}",
        f"Căn cứ: {item.basis}",
        f"Đơn vị: {view.unit_names[item.unit]} ({ROLE_LABELS[item.role]})",
        f"Tệp: {item.source}",
        "Giả định: văn bản được chờ ban hành trước hạn này" if item.assumed else "",
    ]
    return visible("\n".join(line for line in lines if line), lines=True)


def _note(
    view: DueView,
    items: list[Item],
    stamp: datetime,
    changed: Callable[[str], datetime],
) -> Journal:
    from icalendar import Journal

    note = Journal()
    whom = view.unit.id if view.unit else "moi-don-vi"
    files = [_last_change(item, changed) for item in items]
    note.add("uid", f"khong-co-ngay/{whom}@hnqt")
    note.add("dtstamp", stamp)
    note.add("sequence", sequence(max(files, default=changed(DEPARTMENTS_FILE))))
    note.add("summary", f"Việc không có ngày ({len(items)})")
    lines = [
        f"- {item_label(item)} ({STATUS_LABELS[item.status]}; "
        f"{item.deadline_text or 'chưa có thời hạn'}): {_first_line(item.title)}"
        for item in items
    ]
    note.add("description", visible("\n".join(lines), lines=True) or "Không có việc nào.")
    return note


def _first_line(text: str) -> str:
    return text.split("\n")[0]
