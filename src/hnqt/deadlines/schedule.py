"""What a deadline phrase means: a schedule of one or more clauses (DESIGN §3, Deadlines).

A clause is one of: a one-time due date (`due`), a recurrence (`recurring`), an ongoing duty
(`ongoing`, possibly from a start), an awaited event (`event`), or a timing set by another
document (`delegated`). Each clause keeps the words it was read from and says, in Vietnamese,
by which rule its dates are computed.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from ..dates import month_end, show
from ..values import Record, record

ClauseKind = Literal["due", "recurring", "ongoing", "event", "delegated"]
Every = Literal["month", "quarter", "half", "year"]
# How precisely a one-time clause names its end: what the due date is the end of.
Precision = Literal["day", "month", "quarter", "half", "year", "range"]

EVERY_WORDS: dict[Every, str] = {
    "month": "hằng tháng", "quarter": "hằng quý", "half": "6 tháng một lần", "year": "hằng năm",
}  # fmt: skip
MIN_YEAR, MAX_YEAR = 1900, 2200


class DeadlineError(ValueError):
    """A deadline phrase hnqt cannot read (or reads only in part)."""


@record
class Clause(Record):
    """One part of a schedule. Dates a phrase leaves without a year are kept as month/day and
    take the plan's year (`needs_year`)."""

    kind: ClauseKind
    text: str  # the words of the phrase this clause was read from
    precision: Precision | None = None  # due: what `due` is the end of
    due: date | None = None  # due: the day; event: once the awaited event is recorded
    month: int | None = None  # due without a year: its month; recurring yearly: the named month
    day: int | None = None  # named day (None: the last day of the period)
    every: Every | None = None  # recurring
    previous: bool = False  # recurring: each occurrence reports on the period before
    start: date | None = None  # ongoing / recurring / range: from this day
    until: date | None = None  # recurring: not after this day
    awaiting: str | None = None  # event: the body that must act first
    days_after: int | None = None  # event: days after it
    event_date: date | None = None
    event_document: str | None = None

    @property
    def needs_year(self) -> bool:
        return self.kind == "due" and self.due is None and self.month is not None

    def in_year(self, year: int) -> date:
        """The due day of a clause written without a year, in the given year."""
        assert self.month is not None
        end = month_end(year, self.month)
        return end if self.day is None else end.replace(day=min(self.day, end.day))

    def describe(self) -> str:
        """The clause in words, for `show`."""
        if self.kind == "due":
            if self.due is None:
                return f"hạn {self._day_month()} (năm của kế hoạch)"
            return f"hạn {show(self.due)}"
        if self.kind == "recurring":
            assert self.every is not None
            words = EVERY_WORDS[self.every]
            if self.day is not None and self.every == "year":
                words += f", hạn {self.day:02d}/{self.month:02d}"
            elif self.day is not None and self.every == "month":
                words += f", hạn ngày {self.day:02d}"
            elif self.day is not None:
                words += f", hạn ngày {self.day:02d} tháng cuối kỳ"
            elif self.every == "year" and self.month is not None:
                words += f", hạn cuối tháng {self.month:02d}"
            if self.previous:
                words += " (báo cáo kỳ trước)"
            return words + self._bounds()
        if self.kind == "ongoing":
            since = f" từ {show(self.start)}" if self.start else ""
            return f"thường xuyên{since} (không tính đúng/quá hạn)"
        if self.kind == "event":
            if self.event_date is not None:  # "90 ngày sau Quyết định … ngày …"
                event = f"{self.event_document or 'văn bản'} ngày {show(self.event_date)}"
                if self.due is None:
                    return (f"đã có {event}; chưa ghi số ngày thực hiện (days_after): "
                            "chưa xác định thời hạn")  # fmt: skip
                return f"{self.days_after} ngày sau {event} — hạn {show(self.due)}"
            after = f"{self.days_after} ngày sau khi " if self.days_after else ""
            if self.awaiting:
                return f"{after}chờ văn bản của {self.awaiting}"
            return f"{after}chờ sự kiện “{self.text}” (chưa có hạn)"
        return "theo văn bản khác (không có ngày)"

    def rule(self) -> str:
        """By which rule the clause's date is computed (DESIGN §3: the date is never invented)."""
        if self.kind == "due" and self.due is None:
            return "văn bản không ghi năm: lấy năm của kế hoạch (kế hoạch chỉ có một năm)"
        if self.kind == "due":
            assert self.due is not None
            return {
                "day": "ngày văn bản ghi (“trước ngày D” tính là hạn D)",
                "month": "văn bản ghi tháng: hạn là ngày cuối tháng",
                "quarter": "văn bản ghi quý: hạn là ngày cuối quý",
                "half": "văn bản ghi 6 tháng: hạn là ngày cuối kỳ 6 tháng",
                "year": "văn bản chỉ ghi năm: hạn là 31/12 của năm đó",
                "range": "văn bản ghi một khoảng thời gian: hạn là ngày cuối khoảng",
            }[self.precision or "day"]
        if self.kind == "recurring":
            if self.day is not None:
                named = "ngày văn bản nêu"
                return named + (": mỗi kỳ báo cáo về kỳ trước" if self.previous else "")
            return (
                "mỗi kỳ trong thời kỳ của kế hoạch; hạn là ngày cuối kỳ khi văn bản không nêu ngày"
            )
        if self.kind == "event":
            if self.due is not None and self.event_date is not None:
                after = f"{self.days_after} ngày sau " if self.days_after else ""
                document = f" ({self.event_document})" if self.event_document else ""
                return f"{after}văn bản được chờ, ban hành ngày {show(self.event_date)}{document}"
            if self.event_date is not None:
                return "văn bản được chờ đã ban hành nhưng chưa ghi số ngày thực hiện (days_after)"
            return "có hạn khi văn bản được ghi là đã ban hành: hnqt event"
        if self.kind == "ongoing":
            return "việc thường xuyên: không có hạn riêng, kết quả đưa vào báo cáo năm"
        return "thời hạn theo văn bản khác: không tính ngày"

    def _day_month(self) -> str:
        return f"{self.day:02d}/{self.month:02d}" if self.day else f"cuối tháng {self.month:02d}"

    def _bounds(self) -> str:
        since = f" từ {show(self.start)}" if self.start else ""
        until = f" đến {show(self.until)}" if self.until else ""
        return since + until


ScheduleKind = Literal["due", "recurring", "ongoing", "event", "delegated", "combined", "none"]


@record
class Deadline(Record):
    """A deadline as written (`text`) and the clauses it means; no clause: left blank."""

    text: str
    clauses: tuple[Clause, ...] = ()

    @property
    def kind(self) -> ScheduleKind:
        if not self.clauses:
            return "none"
        kinds = {clause.kind for clause in self.clauses}
        return self.clauses[0].kind if len(kinds) == 1 else "combined"

    @property
    def due(self) -> date | None:
        """The earliest fixed date of the schedule (one-time clauses and dated events)."""
        days = [c.due for c in self.clauses if c.due is not None]
        return min(days) if days else None

    @property
    def awaiting(self) -> str | None:
        return next((c.awaiting for c in self.clauses if c.awaiting), None)

    @property
    def needs_year(self) -> bool:
        return any(clause.needs_year for clause in self.clauses)

    @property
    def yearly(self) -> bool:
        """Falls due once a year: a progress entry covers a year."""
        return any(clause.every == "year" for clause in self.clauses)

    @property
    def awaits_event(self) -> bool:
        return any(clause.kind == "event" for clause in self.clauses)

    @property
    def event_date(self) -> date | None:
        """The day the awaited document was issued, once recorded."""
        return next((c.event_date for c in self.clauses if c.event_date), None)

    def describe(self) -> str:
        """The parsed meaning, in words, for `show`."""
        if not self.clauses:
            return "chưa xác định thời hạn"
        return "; ".join(clause.describe() for clause in self.clauses)


def clause_json(clause: Clause) -> dict[str, object]:
    """A clause for `show --format json`: its fields (dates in ISO), meaning and rule."""

    def iso(day: date | None) -> str | None:
        return day.isoformat() if day else None

    return {
        "kind": clause.kind, "text": clause.text, "precision": clause.precision,
        "due": iso(clause.due), "month": clause.month, "day": clause.day, "every": clause.every,
        "previous": clause.previous, "start": iso(clause.start), "until": iso(clause.until),
        "awaiting": clause.awaiting, "days_after": clause.days_after,
        "event_date": iso(clause.event_date), "event_document": clause.event_document,
        "meaning": clause.describe(), "rule": clause.rule(),
    }  # fmt: skip
