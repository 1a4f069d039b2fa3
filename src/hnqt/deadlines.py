"""Deadline phrases as the documents write them -> Deadline (DESIGN §3)."""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

from .dates import DateError, make_date, month_end
from .names import collapse, plain_key
from .values import Record, record

if TYPE_CHECKING:
    from .model import Task

DeadlineKind = Literal[
    "date", "year", "range", "quarter", "half", "month",
    "annual", "ongoing", "event", "per_plan", "none",
]  # fmt: skip

ACCEPTED_FORMS = (
    "Hàng năm / Hằng năm / Định kỳ hằng năm",
    "trước 15/11 hằng năm",
    "Thường xuyên",
    "2025 / Năm 2025",
    "2025 - 2026 / Giai đoạn 2026-2030 / Từ nay đến 2030",
    "Quý II/2026",
    "6 tháng đầu năm 2026 / 6 tháng cuối năm 2026",
    "Tháng 6/2026",
    "30/6/2026 / Trước ngày 15/11/2026",
    "Khi … ban hành / Sau khi … ban hành | hoàn thành | xây dựng xong",
    "Theo kế hoạch đề ra",
    "để trống (chưa xác định thời hạn)",
)
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_EVENT_VERBS = ("ban hanh", "hoan thanh", "xay dung xong")


class DeadlineError(ValueError):
    """A deadline phrase hnqt cannot read."""


@record
class Deadline(Record):
    kind: DeadlineKind
    text: str
    due: date | None = None  # a fixed date (date…month kinds), or an awaited event once dated
    start_year: int | None = None  # ranges
    day_month: tuple[int, int] | None = None  # annual with a named day: (15, 11)
    awaiting: str | None = None  # who must act first: "Bộ Ngoại giao"
    event_date: date | None = None
    event_document: str | None = None

    @property
    def is_dated(self) -> bool:
        return self.due is not None

    def describe(self) -> str:
        """The parsed meaning, in words, for `show`."""
        if self.kind == "annual":
            if self.day_month:
                return f"hằng năm, hạn {self.day_month[0]:02d}/{self.day_month[1]:02d}"
            return "hằng năm, hạn 31/12"
        if self.kind == "ongoing":
            return "thường xuyên (không tính đúng/quá hạn)"
        if self.kind == "event" and self.due is None:
            return f"chờ văn bản của {self.awaiting}" if self.awaiting else "chờ văn bản"
        if self.kind == "per_plan":
            return "theo kế hoạch đề ra (không có ngày)"
        if self.kind == "none":
            return "chưa xác định thời hạn"
        assert self.due is not None
        return f"hạn {self.due:%d/%m/%Y}"


def _year(text: str) -> int:
    year = int(text)
    if not 1900 <= year <= 2200:
        raise DeadlineError(f"năm {year} không hợp lệ")
    return year


def parse(
    text: str,
    *,
    event_date: date | None = None,
    event_document: str | None = None,
    days_after: int | None = None,
) -> Deadline:
    """Read a deadline phrase; DeadlineError (with the accepted forms) when it cannot."""
    deadline = _parse_phrase(text)
    shown = deadline.text
    if deadline.kind == "event" and event_date is not None:
        due = event_date + timedelta(days=days_after or 0)
        return Deadline(
            "event",
            shown,
            due=due,
            awaiting=deadline.awaiting,
            event_date=event_date,
            event_document=event_document,
        )
    if event_date is not None:
        raise DeadlineError("chỉ thời hạn dạng “Khi/Sau khi … ban hành” mới ghi được sự kiện")
    return deadline


@functools.lru_cache(maxsize=4096)
def _parse_phrase(text: str) -> Deadline:
    """The phrase alone (a registry repeats a few dozen phrases thousands of times)."""
    shown = collapse(text)
    key = plain_key(shown).rstrip(".")
    try:
        return _parse_key(shown, key)
    except DateError as exc:
        raise DeadlineError(str(exc)) from None


def _parse_key(shown: str, key: str) -> Deadline:
    if not key:
        return Deadline("none", shown)
    if re.fullmatch(r"(dinh ky )?hang nam", key):
        return Deadline("annual", shown)
    if m := re.fullmatch(
        r"(?:dinh ky )?(?:hang nam,? )?truoc (?:ngay )?(\d{1,2})/(\d{1,2})"
        r"(?: (?:hang nam|moi nam))?",
        key,
    ):
        if "nam" not in key:
            raise DeadlineError("thiếu năm: viết “trước 15/11 hằng năm” hoặc “trước 15/11/2026”")
        day, month = int(m[1]), int(m[2])
        make_date(2024, month, day)  # a leap year: 29/02 exists, 31/04 does not
        return Deadline("annual", shown, day_month=(day, month))
    if key == "thuong xuyen":
        return Deadline("ongoing", shown)
    if key == "theo ke hoach de ra":
        return Deadline("per_plan", shown)
    if m := re.fullmatch(r"(?:nam )?(\d{4})", key):
        return Deadline("year", shown, due=date(_year(m[1]), 12, 31))
    if m := re.fullmatch(r"(?:giai doan )?(?:nam )?(\d{4}) ?[-–] ?(?:nam )?(\d{4})", key):
        start, end = _year(m[1]), _year(m[2])
        if end < start:
            raise DeadlineError(f"giai đoạn {start}-{end} kết thúc trước khi bắt đầu")
        return Deadline("range", shown, due=date(end, 12, 31), start_year=start)
    if m := re.fullmatch(r"tu (?:nay|nam (\d{4})) den (?:het )?(?:nam )?(\d{4})", key):
        since = _year(m[1]) if m[1] else None
        return Deadline("range", shown, due=date(_year(m[2]), 12, 31), start_year=since)
    if m := re.fullmatch(r"quy (i|ii|iii|iv|[1-4])(?:/| nam )(\d{4})", key):
        quarter = _QUARTERS[m[1]]
        return Deadline("quarter", shown, due=month_end(_year(m[2]), quarter * 3))
    if m := re.fullmatch(r"6 thang (dau|cuoi) nam (\d{4})", key):
        month = 6 if m[1] == "dau" else 12
        return Deadline("half", shown, due=month_end(_year(m[2]), month))
    if m := re.fullmatch(r"(?:trong )?thang (\d{1,2})(?:/| nam )(\d{4})", key):
        month = int(m[1])
        if not 1 <= month <= 12:
            raise DeadlineError(f"tháng {month} không tồn tại")
        return Deadline("month", shown, due=month_end(_year(m[2]), month))
    if m := re.fullmatch(r"(?:truoc )?(?:ngay )?(\d{1,2})/(\d{1,2})/(\d{4})", key):
        return Deadline("date", shown, due=make_date(_year(m[3]), int(m[2]), int(m[1])))
    if m := re.fullmatch(r"(?:sau )?khi (.+?) (" + "|".join(_EVENT_VERBS) + r")\b.*", key):
        # The plain key has one character per character of the shown text: slice the original.
        awaiting = shown[m.start(1) : m.end(1)] if len(shown) >= m.end(1) else m[1]
        return Deadline("event", shown, awaiting=awaiting)
    raise DeadlineError(f"không hiểu thời hạn “{shown}”")


def parse_deadline_of(task: Task) -> Deadline:
    """A task's deadline, with the awaited event applied when it has been recorded."""
    spec = task.deadline
    if isinstance(spec, str):
        return parse(spec)
    event = spec.event
    return parse(
        spec.text,
        event_date=event.date.as_date() if event else None,
        event_document=event.document if event else None,
        days_after=spec.days_after,
    )


# --- status as of a date -------------------------------------------------------------------

Status = Literal[
    "done_on_time", "done_late", "on_track", "overdue", "ongoing", "awaiting_event", "no_deadline",
]  # fmt: skip
STATUSES: tuple[Status, ...] = (
    "done_on_time", "done_late", "on_track", "overdue", "ongoing", "awaiting_event", "no_deadline",
)  # fmt: skip
OPEN_STATUSES: frozenset[Status] = frozenset(
    {"on_track", "overdue", "ongoing", "awaiting_event", "no_deadline"}
)
STATUS_LABELS: dict[Status, str] = {
    "done_on_time": "Hoàn thành đúng hạn",
    "done_late": "Hoàn thành quá hạn",
    "on_track": "Đang thực hiện trong hạn",
    "overdue": "Quá hạn",
    "ongoing": "Thường xuyên",
    "awaiting_event": "Chờ văn bản",
    "no_deadline": "Chưa xác định thời hạn",
}


@record
class Occurrence(Record):
    """One time a task falls due: the whole task, or one year of an annual task."""

    year: int | None
    due: date | None
    status: Status
    done_on: date | None = None


def status_of(due: date | None, done_on: date | None, as_of: date) -> Status:
    """The government's categories: done on time / late, on track, overdue."""
    if done_on is not None:
        return "done_on_time" if due is None or done_on <= due else "done_late"
    if due is None:
        return "no_deadline"
    return "on_track" if as_of <= due else "overdue"


def occurrences(
    deadline: Deadline,
    done_entries: list[tuple[date, int | None]],
    years: range | None,
    as_of: date,
    plan_day: tuple[int, int] | None = None,
) -> list[Occurrence]:
    """Every occurrence of a task as of a date.

    `done_entries` are (date, year covered) of the progress entries marked done; an entry dated
    after `as_of` had not happened yet on that day. An annual task has one occurrence per year of
    the plan (`years`), due on the task's named day, else the plan's, else 31/12.
    """
    # By day only: two entries of one day, one with a year and one without, cannot be compared.
    known = sorted(((d, y) for d, y in done_entries if d <= as_of), key=lambda entry: entry[0])
    if deadline.kind == "annual":
        day, month = deadline.day_month or plan_day or (31, 12)
        found = []
        for year in years if years is not None else range(as_of.year, as_of.year + 1):
            due = _clamped(year, month, day)
            done_on = next((d for d, y in known if (y if y is not None else d.year) == year), None)
            found.append(Occurrence(year, due, status_of(due, done_on, as_of), done_on))
        return found
    done_on = known[0][0] if known else None
    if deadline.kind == "ongoing":
        return [Occurrence(None, None, "ongoing")]
    if deadline.due is None:
        waiting = deadline.kind == "event"
        status: Status = (
            "awaiting_event" if waiting and done_on is None else status_of(None, done_on, as_of)
        )
        return [Occurrence(None, None, status, done_on)]
    return [Occurrence(None, deadline.due, status_of(deadline.due, done_on, as_of), done_on)]


def _clamped(year: int, month: int, day: int) -> date:
    """29/02 in a year without it falls on 28/02."""
    return min(date(year, month, 1) + timedelta(days=day - 1), month_end(year, month))


def listed(found: list[Occurrence], as_of: date) -> list[Occurrence]:
    """What a user is shown: every occurrence up to the next open one; none beyond it."""
    shown: list[Occurrence] = []
    for occurrence in found:
        upcoming = occurrence.due is not None and occurrence.due >= as_of
        if upcoming and occurrence.status in OPEN_STATUSES:
            shown.append(occurrence)
            break
        if occurrence.due is None or occurrence.due < as_of or occurrence.done_on is not None:
            shown.append(occurrence)
    return shown
