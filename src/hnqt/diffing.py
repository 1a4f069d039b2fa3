"""What changed between two states of the registry, in its own terms: tasks added or removed,
deadlines and lead units changed (with what that does to the due date), progress and reports
recorded, agreements added or ending, plans and partners added or removed."""

from __future__ import annotations

from .dates import show
from .model import Agreement, Plan, Progress, Submission
from .registry import Registry, TaskEntry
from .values import Record, record

# Sections in the order a reviewer reads them, with their Vietnamese headings.
SECTIONS: dict[str, str] = {
    "task-added": "Nhiệm vụ thêm mới",
    "task-removed": "Nhiệm vụ bị xóa",
    "deadline-changed": "Thời hạn thay đổi",
    "lead-changed": "Đơn vị chủ trì thay đổi",
    "progress-recorded": "Tiến độ được ghi",
    "report-recorded": "Báo cáo hằng năm được ghi",
    "agreement-added": "Thỏa thuận thêm mới",
    "agreement-removed": "Thỏa thuận bị xóa",
    "agreement-ending": "Thỏa thuận hết hiệu lực hoặc đổi thời hạn",
    "plan-added": "Kế hoạch thêm mới",
    "plan-removed": "Kế hoạch bị xóa",
    "partner-added": "Đối tác thêm mới",
    "partner-removed": "Đối tác bị xóa",
}


@record
class Change(Record):
    kind: str  # a key of SECTIONS
    id: str
    title: str
    detail: str  # in Vietnamese: what changed
    file: str
    before: str | None = None
    after: str | None = None


def _meaning(entry: TaskEntry) -> str:
    return entry.deadline.describe() if entry.deadline is not None else "không đọc được thời hạn"


def _progress(entry: Progress) -> str:
    words = [f"ngày {show(entry.date.as_date())}"]
    if entry.year is not None:
        words.append(f"năm {entry.year}")
    if entry.by:
        words.append(entry.by)
    said = ", ".join(words)
    if entry.note:
        said += f": {entry.note}"
    if entry.document:
        said += f" ({entry.document})"
    return said + (" — hoàn thành" if entry.done else "")


def _tasks(before: Registry, after: Registry) -> list[Change]:
    changes: list[Change] = []
    for ident in sorted(after.tasks.keys() - before.tasks.keys()):
        entry = after.tasks[ident]
        changes.append(Change("task-added", ident, entry.task.title,
                              f"thời hạn “{entry.task.deadline_text}” ({_meaning(entry)}), "
                              f"chủ trì: {', '.join(entry.task.lead)}",
                              entry.result.rel))  # fmt: skip
    for ident in sorted(before.tasks.keys() - after.tasks.keys()):
        entry = before.tasks[ident]
        changes.append(Change("task-removed", ident, entry.task.title, "", entry.result.rel))
    for ident in sorted(before.tasks.keys() & after.tasks.keys()):
        old, new = before.tasks[ident], after.tasks[ident]
        title, rel = new.task.title, new.result.rel
        if old.task.deadline != new.task.deadline:
            was, now = _meaning(old), _meaning(new)
            text = (f"“{old.task.deadline_text}” → “{new.task.deadline_text}”"
                    if old.task.deadline_text != new.task.deadline_text
                    else f"“{new.task.deadline_text}”")  # fmt: skip
            changes.append(Change("deadline-changed", ident, title, f"{text}; {was} → {now}",
                                  rel, was, now))  # fmt: skip
        if old.task.lead != new.task.lead:
            was, now = ", ".join(old.task.lead), ", ".join(new.task.lead)
            changes.append(Change("lead-changed", ident, title, f"{was} → {now}", rel, was, now))
        for step in new.task.progress:
            if step not in old.task.progress:
                changes.append(Change("progress-recorded", ident, title, _progress(step), rel))
    return changes


def _submission(plan: str, submission: Submission) -> str:
    said = f"{submission.unit}, gửi ngày {show(submission.date.as_date())}"
    return said + (f" ({submission.document})" if submission.document else "")


def _reports(before: Registry, after: Registry) -> list[Change]:
    changes: list[Change] = []
    for plan, (reports, result) in sorted(after.reports.items()):
        old = before.reports.get(plan)
        seen = old[0].reports if old else ()
        for submission in reports.reports:
            if submission not in seen:
                changes.append(Change("report-recorded", f"{plan}/bao-cao/{submission.year}",
                                      f"Báo cáo năm {submission.year} theo {plan}",
                                      _submission(plan, submission), result.rel))  # fmt: skip
    return changes


def _ending(agreement: Agreement) -> str:
    end = agreement.term.end if agreement.term else None
    status = {"draft": "dự thảo", "in_force": "đang hiệu lực", "expired": "hết hiệu lực",
              "terminated": "đã chấm dứt"}[agreement.status]  # fmt: skip
    return f"{status}" + (f", hết hạn {show(end.last_day())}" if end is not None else "")


def _records(before: Registry, after: Registry) -> list[Change]:
    changes: list[Change] = []
    tables = (
        ("agreement", before.agreements, after.agreements),
        ("plan", before.plans, after.plans),
        ("partner", before.partners, after.partners),
    )
    for kind, old, new in tables:  # fmt: skip
        for ident in sorted(new.keys() - old.keys()):
            item, result = new[ident]
            detail = _ending(item) if isinstance(item, Agreement) else ""
            changes.append(Change(f"{kind}-added", ident, _title(item), detail, result.rel))
        for ident in sorted(old.keys() - new.keys()):
            item, result = old[ident]
            changes.append(Change(f"{kind}-removed", ident, _title(item), "", result.rel))
    for ident in sorted(before.agreements.keys() & after.agreements.keys()):
        (was, _), (now, result) = before.agreements[ident], after.agreements[ident]
        if (was.status, was.term) != (now.status, now.term):
            changes.append(Change("agreement-ending", ident, now.title,
                                  f"{_ending(was)} → {_ending(now)}", result.rel,
                                  _ending(was), _ending(now)))  # fmt: skip
    return changes


def _title(item: object) -> str:
    if isinstance(item, Agreement | Plan):
        return item.title
    name = getattr(item, "name", None)
    return str(getattr(name, "vi", "")) if name is not None else ""


def compare(before: Registry, after: Registry) -> list[Change]:
    """Every change from `before` to `after`, section by section."""
    found = [*_tasks(before, after), *_reports(before, after), *_records(before, after)]
    order = {kind: index for index, kind in enumerate(SECTIONS)}
    return sorted(found, key=lambda change: order[change.kind])
