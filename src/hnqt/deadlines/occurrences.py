"""When a schedule falls due, and its status as of a date (DESIGN §3, Occurrences and Status).

Every clause gives its own occurrences: a one-time date once; a recurrence once per period
(month, quarter, half-year, year) inside the plan's period; an ongoing duty, an awaited event or
a delegated timing once, without a date until one is known. Each occurrence says by which rule
its date was computed.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from ..dates import month_end
from ..statuses import OPEN_STATUSES, Status
from ..values import Record, record
from .schedule import Clause, Deadline

_ROMAN = ("I", "II", "III", "IV")


@record
class Occurrence(Record):
    """One time a task falls due: the whole task, or one period of a recurring clause."""

    year: int | None
    due: date | None
    status: Status
    done_on: date | None = None
    clause: int = 0  # which clause of the schedule (0: the first)
    period: str | None = None  # the period covered, in words: "quý I/2026"
    key: str | None = None  # the period as an id part: "2026", "2026-q1", "2026-03"
    rule: str | None = None  # why the date is what it is

    @property
    def suffix(self) -> str:
        """What tells this occurrence apart in an obligation's id."""
        part = f"/{self.clause + 1}" if self.clause else ""
        return part + (f"/{self.key}" if self.key else "")


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
    """Every occurrence of a schedule as of a date.

    `done_entries` are (date, year covered) of the progress entries marked done; an entry dated
    after `as_of` had not happened yet on that day. Recurrences fall in the plan's years
    (`years`; this year when the plan has none), due on the named day, else the plan's day
    (`plan_day`, yearly clauses), else the last day of each period.
    """
    # By day only: two entries of one day, one with a year and one without, cannot be compared.
    known = sorted(((d, y) for d, y in done_entries if d <= as_of), key=lambda entry: entry[0])
    first_done = known[0][0] if known else None
    if not deadline.clauses:
        return [Occurrence(None, None, status_of(None, first_done, as_of))]
    found: list[Occurrence] = []
    for index, clause in enumerate(deadline.clauses):
        if clause.kind == "recurring":
            found.extend(_recurring(clause, index, known, years, as_of, plan_day))
        else:
            found.append(_single(clause, index, first_done, years, as_of))
    return found


def _single(
    clause: Clause, index: int, done_on: date | None, years: range | None, as_of: date
) -> Occurrence:
    rule = clause.rule()
    if clause.kind == "ongoing":
        return Occurrence(None, None, "ongoing", clause=index, rule=rule)
    due = clause.due
    if clause.needs_year and years is not None and len(years) == 1:
        due = clause.in_year(years[0])
        rule = f"văn bản không ghi năm: lấy năm {years[0]} của kế hoạch"
    # Awaited until the event is recorded; recorded without a period, it has no date yet.
    if due is None and clause.kind == "event" and clause.event_date is None and done_on is None:
        return Occurrence(None, None, "awaiting_event", clause=index, rule=rule)
    return Occurrence(None, due, status_of(due, done_on, as_of), done_on, index, rule=rule)


def _recurring(
    clause: Clause,
    index: int,
    known: list[tuple[date, int | None]],
    years: range | None,
    as_of: date,
    plan_day: tuple[int, int] | None,
) -> list[Occurrence]:
    span = years if years is not None else range(as_of.year, as_of.year + 1)
    # Which years the recurrence runs in, said beside every date it gives.
    within = (f"trong thời kỳ kế hoạch {span[0]}–{span[-1]}" if years is not None
              else "kế hoạch không ghi thời kỳ: chỉ năm đang xét")  # fmt: skip
    periods = [p for p in _periods(clause, span, plan_day)
               if (clause.start is None or p[2] >= clause.start)
               and (clause.until is None or p[1] <= clause.until)]  # fmt: skip
    closed: dict[int, date] = {}
    for day, covered in known:
        year = covered if covered is not None else day.year - (1 if clause.previous else 0)
        for n, (period_year, start, _end, _due, _label, _key, _rule) in enumerate(periods):
            # A sub-year period is closed by an entry made once it has begun; a year by its year.
            if n in closed or period_year != year or (clause.every != "year" and start > day):
                continue
            closed[n] = day
            break
    return [
        Occurrence(year, due, status_of(due, closed.get(n), as_of), closed.get(n), index, label,
                   key, f"{rule}; {within}")
        for n, (year, _start, _end, due, label, key, rule) in enumerate(periods)
    ]  # fmt: skip


_Period = tuple[int, date, date, date, str, str, str]  # year, start, end, due, label, key, rule


def _periods(clause: Clause, years: range, plan_day: tuple[int, int] | None) -> Iterator[_Period]:
    for year in years:
        if clause.every == "year":
            due, rule = _yearly_due(clause, year, plan_day)
            yield year, date(year, 1, 1), date(year, 12, 31), due, f"năm {year}", f"{year}", rule
        elif clause.every == "month":
            for month in range(1, 13):
                end = month_end(year, month)
                due = end if clause.day is None else end.replace(day=min(clause.day, end.day))
                rule = (f"ngày {clause.day} hằng tháng (văn bản nêu)" if clause.day
                        else "ngày cuối mỗi tháng (văn bản không nêu ngày)")  # fmt: skip
                yield (year, date(year, month, 1), end, due, f"tháng {month:02d}/{year}",
                       f"{year}-{month:02d}", rule)  # fmt: skip
        else:
            size = 3 if clause.every == "quarter" else 6
            for n in range(12 // size):
                first, last = n * size + 1, (n + 1) * size
                end = month_end(year, last)
                due = end if clause.day is None else end.replace(day=min(clause.day, end.day))
                label = (f"quý {_ROMAN[n]}/{year}" if size == 3
                         else f"6 tháng {'đầu' if n == 0 else 'cuối'} năm {year}")  # fmt: skip
                key = f"{year}-{'q' if size == 3 else 'h'}{n + 1}"
                rule = (f"ngày {clause.day} tháng cuối mỗi kỳ (văn bản nêu)" if clause.day
                        else "ngày cuối mỗi kỳ (văn bản không nêu ngày)")  # fmt: skip
                yield year, date(year, first, 1), end, due, label, key, rule


def _yearly_due(clause: Clause, year: int, plan_day: tuple[int, int] | None) -> tuple[date, str]:
    if clause.month is not None and clause.day is not None:
        due_year = year + 1 if clause.previous else year
        due = _clamped(due_year, clause.month, clause.day)
        if clause.previous:
            return due, f"ngày {clause.day:02d}/{clause.month:02d} năm sau (báo cáo năm {year})"
        return due, f"ngày {clause.day:02d}/{clause.month:02d} hằng năm (văn bản nêu)"
    if clause.month is not None:
        return month_end(year, clause.month), f"cuối tháng {clause.month:02d} hằng năm"
    if plan_day is not None:
        day, month = plan_day
        return _clamped(year, month, day), f"ngày {day:02d}/{month:02d} do kế hoạch quy định"
    return date(year, 12, 31), "31/12: văn bản không nêu ngày, hạn là ngày cuối năm"


def _clamped(year: int, month: int, day: int) -> date:
    """29/02 in a year without it falls on 28/02."""
    return min(date(year, month, 1) + timedelta(days=day - 1), month_end(year, month))


def listed(found: list[Occurrence], as_of: date) -> list[Occurrence]:
    """What a user is shown, clause by clause: every occurrence up to the nearest open one to
    come (overdue ones included), none beyond it."""
    shown: list[Occurrence] = []
    stopped: set[int] = set()
    for occurrence in found:
        if occurrence.clause in stopped:
            continue
        upcoming = occurrence.due is not None and occurrence.due >= as_of
        if upcoming and occurrence.status in OPEN_STATUSES:
            shown.append(occurrence)
            stopped.add(occurrence.clause)
            continue
        if occurrence.due is None or occurrence.due < as_of or occurrence.done_on is not None:
            shown.append(occurrence)
    return shown
