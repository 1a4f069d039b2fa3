"""Deadline phrases as the documents write them -> a schedule of clauses; its occurrences and
their status as of a date (DESIGN §3).

`phrases` holds the grammar, `schedule` what a phrase means, `occurrences` when it falls due.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..dates import show
from ..names import collapse
from .occurrences import Occurrence, listed, occurrences, status_of
from .schedule import MAX_YEAR, MIN_YEAR, Clause, Deadline, DeadlineError, clause_json

if TYPE_CHECKING:
    from ..model import Task

__all__ = [
    "ACCEPTED_FORMS", "Clause", "Deadline", "DeadlineError", "Occurrence", "clause_json",
    "listed", "missing_year", "occurrences", "parse", "parse_deadline_of", "status_of",
]  # fmt: skip

ACCEPTED_FORMS = (
    "một ngày: 30/6/2026, Trước ngày 15/11/2026, trước ngày 05 tháng 12 năm 2025",
    "một tháng: Tháng 6/2026, 6/2026, Tháng 11 - 12/2025",
    "một quý: Quý II/2026, Quí IV-2025, quý 1/2019, Quý III Năm 2026, Trong quý III/2026",
    "6 tháng: 6 tháng đầu năm 2026, 6 tháng cuối năm 2026",
    "một năm: 2026, Năm 2026, Trong năm 2026, Đến năm 2030",
    "một khoảng: 2025 - 2026, Giai đoạn 2026-2030, Từ nay đến 2030, Quý IV/2025 - Quý II/2026, "
    "Từ ngày 01/01/2026 đến ngày 31/3/2026",
    "định kỳ: Hàng năm, Hằng năm, Hằng quý, Hằng tháng, Định kỳ 6 tháng, Tháng 10 hằng năm, "
    "trước 15/11 hằng năm, trước ngày 20 hằng tháng, trước ngày 10 tháng 01 hàng năm",
    "từ một năm trở đi: Năm 2025 và các năm tiếp theo",
    "thường xuyên: Thường xuyên, Thường xuyên, liên tục, Từ 01/7/2025, Triển khai từ năm 2026, "
    "Từ năm học 2025-2026",
    "chờ sự kiện: Khi … ban hành, Sau khi … ban hành, Sau khi có hướng dẫn của Bộ Ngoại giao, "
    "Khi có phát sinh, Đột xuất, 30 ngày sau khi … ban hành, … (nếu có), "
    "… hằng năm hoặc đột xuất khi có yêu cầu",
    "theo văn bản khác: Theo kế hoạch đề ra, Theo kế hoạch …, Theo lộ trình …",
    "không ghi năm (Quý II, Tháng 12) — lấy năm của kế hoạch khi kế hoạch chỉ có một năm",
    "nhiều thời hạn trong một ô (cách nhau bằng dấu phẩy, chấm phẩy, “và” hoặc xuống dòng): "
    "Trong năm 2026 và vận hành thường xuyên, liên tục",
    "để trống (chưa xác định thời hạn)",
)


def parse(
    text: str,
    *,
    event_date: date | None = None,
    event_document: str | None = None,
    days_after: int | None = None,
) -> Deadline:
    """Read a deadline phrase; DeadlineError (with the accepted forms) when it cannot.

    The awaited event, once recorded, dates the schedule's event clauses: its day plus
    `days_after` (else the days the phrase gives); with neither, no date is invented (the
    clause stays undated, "chưa xác định thời hạn", until the period is recorded)."""
    deadline = _parse_phrase(text)
    if event_date is None:
        return deadline
    if not any(clause.kind == "event" for clause in deadline.clauses):
        raise DeadlineError("chỉ thời hạn dạng “Khi/Sau khi … ban hành” mới ghi được sự kiện")
    clauses = []
    for clause in deadline.clauses:
        if clause.kind == "event":
            days = days_after if days_after is not None else clause.days_after
            due = None if days is None else _after(event_date, days)
            clause = Clause("event", clause.text, due=due, awaiting=clause.awaiting,
                            days_after=days, event_date=event_date,
                            event_document=event_document)  # fmt: skip
        clauses.append(clause)
    return Deadline(deadline.text, tuple(clauses))


def _after(event_date: date, days: int) -> date:
    try:
        due = event_date + timedelta(days=days)
    except OverflowError:
        due = date.max
    if not MIN_YEAR <= due.year <= MAX_YEAR:
        raise DeadlineError(f"{days} ngày sau {show(event_date)} nằm ngoài {MIN_YEAR}–{MAX_YEAR}")
    return due


@functools.lru_cache(maxsize=4096)
def _parse_phrase(text: str) -> Deadline:
    """The phrase alone (a registry repeats a few dozen phrases thousands of times)."""
    # The grammar's patterns cost ~8 ms to compile: only a run that reads files pays it.
    from .phrases import parse_clauses, source_text

    return Deadline(collapse(text), parse_clauses(source_text(text)))


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


def missing_year(deadline: Deadline, years: range | None) -> str | None:
    """Why a phrase without a year cannot take the plan's year, or None when it can (or has
    its years)."""
    if not deadline.needs_year or (years is not None and len(years) == 1):
        return None
    if years is None:
        return "thời hạn không ghi năm và kế hoạch không ghi thời kỳ: ghi năm (“Quý II/2026”)"
    return (
        f"thời hạn không ghi năm mà kế hoạch kéo dài {years[0]}–{years[-1]}: "
        "ghi năm (“Quý II/2026”, “Tháng 12/2026”)"
    )
