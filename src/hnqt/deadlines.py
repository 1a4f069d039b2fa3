"""Deadline phrases as the documents write them -> Deadline (DESIGN §3)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from .dates import DateError, make_date, month_end
from .names import collapse, plain_key

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


@dataclass(frozen=True, slots=True)
class Deadline:
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
    shown = collapse(text)
    key = plain_key(shown).rstrip(".")
    try:
        deadline = _parse_key(shown, key)
    except DateError as exc:
        raise DeadlineError(str(exc)) from None
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
        start = _year(m[1]) if m[1] else None
        return Deadline("range", shown, due=date(_year(m[2]), 12, 31), start_year=start)
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


def parse_deadline_of(task: object) -> Deadline:
    """A task's deadline, with the awaited event applied when it has been recorded."""
    spec = task.deadline  # type: ignore[attr-defined]
    if isinstance(spec, str):
        return parse(spec)
    event = spec.event
    return parse(
        spec.text,
        event_date=event.date.as_date() if event else None,
        event_document=event.document if event else None,
        days_after=spec.days_after,
    )
