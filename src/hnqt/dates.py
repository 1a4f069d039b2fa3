"""Dates as the sources give them: a day, only a month, or only a year."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .values import Record, record

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_VN = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


# Every year the registry and the commands take (DESIGN §6): dates far outside it are typing
# slips ("0225", "9999"), and near the ends of Python's calendar a deadline plus an offset
# would overflow.
FIRST_YEAR = 1900
LAST_YEAR = 2200


class DateError(ValueError):
    """A date that does not exist or is not written in an accepted form."""


def check_year(year: int) -> int:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateError(f"năm {year} nằm ngoài khoảng {FIRST_YEAR}–{LAST_YEAR}")
    return year


def make_date(year: int, month: int, day: int) -> date:
    """A calendar date, or DateError naming what is wrong (30/02 does not exist, nor 9999)."""
    check_year(year)
    if not 1 <= month <= 12:
        raise DateError(f"tháng {month} không tồn tại")
    last = month_end(year, month).day
    if not 1 <= day <= last:
        raise DateError(f"ngày {day}/{month}/{year} không tồn tại (tháng {month} có {last} ngày)")
    return date(year, month, day)


def month_end(year: int, month: int) -> date:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return following - timedelta(days=1)


@record
class PartialDate(Record):
    """A date known to the day, the month or only the year."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | int) -> PartialDate:
        """Read `2025`, `2025-05` or `2025-05-06` (what the registry files hold)."""
        if isinstance(value, int) and not isinstance(value, bool):
            return cls(check_year(value))
        match = _ISO.match(value) if isinstance(value, str) else None
        if not match:
            raise DateError("ngày phải viết YYYY-MM-DD, YYYY-MM hoặc YYYY")
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        check_year(year)
        if month is not None and day is not None:
            make_date(year, month, day)
        elif month is not None and not 1 <= month <= 12:
            raise DateError(f"tháng {month} không tồn tại")
        return cls(year, month, day)

    def as_date(self) -> date | None:
        """The exact day, or None when the source gave no day."""
        if self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)

    def last_day(self) -> date:
        """The last day the partial date can mean (end of the month or the year)."""
        if self.month is None:
            return date(self.year, 12, 31)
        if self.day is None:
            return month_end(self.year, self.month)
        return date(self.year, self.month, self.day)

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year}"
        if self.day is None:
            return f"{self.month:02d}/{self.year}"
        return f"{self.day:02d}/{self.month:02d}/{self.year}"


def day_month(text: str) -> tuple[int, int]:
    """`15/11` -> (15, 11), a day that exists in some year (29/02 does; 31/02 does not)."""
    day, _, month = text.partition("/")
    make_date(2024, int(month), int(day))  # a leap year
    return int(day), int(month)


def parse_user_date(text: str) -> date:
    """A date typed by a user: `22/11/2026` or `2026-11-22`."""
    text = text.strip()
    if match := _VN.match(text):
        day, month, year = (int(g) for g in match.groups())
        return make_date(year, month, day)
    match = _ISO.match(text)
    if match and match.group(3):
        return make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    raise DateError(f"“{text}” không phải là ngày; viết dd/mm/yyyy (22/11/2026) hoặc yyyy-mm-dd")


def show(day: date | None) -> str:
    """dd/mm/yyyy, the way Vietnamese documents write dates."""
    return day.strftime("%d/%m/%Y") if day else ""
