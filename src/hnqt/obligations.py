"""What each unit owes as of a date: task occurrences, yearly reports, agreement follow-ups.

Pure functions over a Registry; `queries` filters and counts what these produce.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from .deadlines import Occurrence, listed, occurrences, status_of
from .model import Agreement, Plan
from .names import code_key
from .registry import Registry, TaskEntry
from .statuses import Status
from .values import Record, record

Role = Literal["lead", "support"]
Kind = Literal["task", "report", "agreement"]
# Law on International Agreements 2020, art. 19: report within 15 days of signing.
REPORT_AFTER_SIGNING = timedelta(days=15)


@record
class Item(Record):
    """One obligation of one unit: a task (or one year of it), a yearly report, a follow-up."""

    kind: Kind
    id: str
    plan: str | None
    code: str
    title: str
    unit: str
    role: Role
    deadline_text: str
    due: date | None
    status: Status
    source: str
    year: int | None = None
    done_on: date | None = None
    to: str | None = None
    awaiting: str | None = None

    def days_left(self, as_of: date) -> int | None:
        return (self.due - as_of).days if self.due is not None else None

    def sort_key(self) -> tuple[date, str, tuple[tuple[int, int | str], ...], str]:
        """By due date (undated last), then plan, then code in document order."""
        return (self.due or date.max, self.plan or "", code_key(self.code), self.id)


def task_roles(registry: Registry, entry: TaskEntry) -> dict[str, Role]:
    """Unit id -> role in a task. "All units" as lead makes every city department a lead;
    "related units" names no one; a unit named both as lead and support is a lead."""
    roles: dict[str, Role] = {}
    for role, names in (("support", entry.task.support), ("lead", entry.task.lead)):
        for name in names:
            found = registry.resolve(name)
            if found is None:
                continue
            units = registry.units.city_departments if found.group == "all" else found.units
            for unit in units:
                if role == "lead" or unit not in roles:
                    roles[unit] = role  # type: ignore[assignment]
    return roles


def _years(plan: Plan | None) -> range | None:
    if plan is None or plan.period is None:
        return None
    return range(plan.period.start.year, plan.period.end.year + 1)


def _plan_day(plan: Plan | None) -> tuple[int, int] | None:
    if plan is None or plan.annual_due is None:
        return None
    day, month = plan.annual_due.split("/")
    return int(day), int(month)


def task_occurrences(registry: Registry, entry: TaskEntry, as_of: date) -> list[Occurrence]:
    if entry.deadline is None:  # an unreadable deadline is a validation error, not an obligation
        return []
    plan = registry.plans.get(entry.plan, (None, None))[0]
    done = [
        (day, p.year)
        for p in entry.task.progress
        if p.done and (day := p.date.as_date()) is not None
    ]
    return occurrences(entry.deadline, done, _years(plan), as_of, _plan_day(plan))


def task_items(
    registry: Registry, as_of: date, wanted: set[str] | None, plan: str | None = None
) -> list[Item]:
    items: list[Item] = []
    for entry in registry.tasks_of(plan) if plan is not None else registry.tasks.values():
        roles = task_roles(registry, entry)
        if wanted is not None:
            roles = {u: r for u, r in roles.items() if u in wanted}
        if not roles:
            continue
        shown = listed(task_occurrences(registry, entry, as_of), as_of)
        awaiting = entry.deadline.awaiting if entry.deadline else None
        for occurrence in shown:
            suffix = occurrence.suffix  # "/2026", "/2026-q1", "/2/2026" (second clause)
            for unit, role in roles.items():
                items.append(Item(
                    "task", entry.id + suffix, entry.plan, entry.task.code, entry.task.title,
                    unit, role, entry.task.deadline_text, occurrence.due, occurrence.status,
                    entry.result.rel, occurrence.year, occurrence.done_on, awaiting=awaiting,
                ))  # fmt: skip
    return items


def top_unit(registry: Registry, unit_id: str) -> str:
    """The department a sub-unit belongs to (Phòng QHQT -> Văn phòng UBND Thành phố)."""
    seen = {unit_id}
    while (parent := registry.units.units[unit_id].parent) and parent not in seen:
        seen.add(parent)
        unit_id = parent
    return unit_id


def reporting_units(registry: Registry, plan_id: str) -> list[str]:
    """Every department that leads at least one task of the plan."""
    units: set[str] = set()
    for entry in registry.tasks_of(plan_id):
        units.update(top_unit(registry, u) for u, r in task_roles(registry, entry).items()
                     if r == "lead")  # fmt: skip
    return sorted(units)


def report_items(registry: Registry, as_of: date, wanted: set[str] | None) -> list[Item]:
    """A plan's yearly reporting rule: one report per lead unit per year of the plan."""
    items: list[Item] = []
    for plan, result in registry.plans.values():
        rule, years = plan.reporting, _years(plan)
        if rule is None or years is None:
            continue
        receiver = registry.resolve(rule.to)
        receiver_id = receiver.units[0] if receiver and len(receiver.units) == 1 else None
        submitted = _submissions(registry, plan.id)
        day, month = (int(part) for part in rule.before.split("/"))
        issued = plan.date.last_day() if plan.date else None
        for unit in reporting_units(registry, plan.id):
            if wanted is not None and unit not in wanted:
                continue
            found = []
            for year in years:
                due = date(year, month, day)
                if issued is not None and due < issued:
                    continue  # the plan did not exist yet on that reporting day
                done_on = submitted.get((unit, year))
                if done_on is not None and done_on > as_of:
                    done_on = None
                found.append(Occurrence(year, due, status_of(due, done_on, as_of), done_on))
            own = unit == receiver_id
            for occurrence in listed(found, as_of):
                title = (
                    f"Tổng hợp báo cáo năm {occurrence.year} của các đơn vị, báo cáo UBND Thành phố"
                    if own
                    else f"Báo cáo kết quả thực hiện năm {occurrence.year} gửi {rule.to}"
                )
                items.append(Item(
                    "report", f"{plan.id}/bao-cao/{occurrence.year}", plan.id,
                    f"bao-cao-{occurrence.year}", title, unit, "lead",
                    f"trước {rule.before} hằng năm", occurrence.due, occurrence.status,
                    result.rel, occurrence.year, occurrence.done_on, to=rule.to,
                ))  # fmt: skip
    return items


def _submissions(registry: Registry, plan_id: str) -> dict[tuple[str, int], date]:
    found = registry.reports.get(plan_id)
    submitted: dict[tuple[str, int], date] = {}
    for submission in found[0].reports if found else ():
        resolved = registry.resolve(submission.unit)
        day = submission.date.as_date()
        if resolved is None or day is None:
            continue
        for unit in resolved.units:
            key = (top_unit(registry, unit), submission.year)
            submitted[key] = min(day, submitted.get(key, day))
    return submitted


def agreement_items(registry: Registry, as_of: date, wanted: set[str] | None) -> list[Item]:
    """Follow-ups of Văn phòng UBND Thành phố: the report after signing, the end of the term."""
    items: list[Item] = []
    for agreement, result in registry.agreements.values():
        follower = registry.resolve(agreement.follow_up)
        if follower is None or len(follower.units) != 1:
            continue
        unit = follower.units[0]
        if wanted is not None and unit not in wanted:
            continue
        items.extend(_agreement_steps(agreement, result.rel, unit, as_of))
    return items


def _agreement_steps(agreement: Agreement, source: str, unit: str, as_of: date) -> list[Item]:
    items: list[Item] = []
    signed = agreement.signed.as_date() if agreement.signed else None
    if signed is not None:  # no day in the source: no obligation is computed from it
        due = signed + REPORT_AFTER_SIGNING
        step = agreement.steps.reported
        done_on = step.date.as_date() if step else None
        done_on = done_on if done_on is not None and done_on <= as_of else None
        items.append(Item(
            "agreement", f"{agreement.id}/bao-cao-sau-ky", None, "bao-cao-sau-ky",
            f"Báo cáo Thủ tướng Chính phủ, sao gửi Bộ Ngoại giao sau khi ký: {agreement.title}",
            unit, "lead", "15 ngày sau khi ký (điều 19 Luật TTQT 2020)",
            due, status_of(due, done_on, as_of), source, done_on=done_on,
        ))  # fmt: skip
    end = agreement.term.end if agreement.term else None
    if end is not None:
        closed = agreement.status in ("expired", "terminated")
        due = end.last_day()
        items.append(Item(
            "agreement", f"{agreement.id}/het-han", None, "het-han",
            f"Hết thời hạn, đề xuất gia hạn hoặc kết thúc: {agreement.title}", unit, "lead",
            f"hết hạn {end}", due, "done_on_time" if closed else status_of(due, None, as_of),
            source,
        ))  # fmt: skip
    return items


def all_items(
    registry: Registry, as_of: date, wanted: set[str] | None = None, plan: str | None = None
) -> list[Item]:
    """Every obligation as of a date, for the wanted unit ids (all units when None), of one
    plan when named (its tasks only are walked: a report on 10 000 tasks needs one plan's)."""
    items = [
        *task_items(registry, as_of, wanted, plan),
        *(i for i in report_items(registry, as_of, wanted) if plan is None or i.plan == plan),
        *(agreement_items(registry, as_of, wanted) if plan is None else ()),
    ]
    # Two sub-units of one department named in the same task are one obligation of it.
    unique: dict[tuple[str, str], Item] = {}
    for item in items:
        unique.setdefault((item.id, top_unit(registry, item.unit)), item)
    return sorted(unique.values(), key=Item.sort_key)


def units_within(registry: Registry, unit_id: str) -> set[str]:
    """A unit and its sub-units: what `--so` covers."""
    return {u for u in registry.units.units if registry.units.belongs_to(u, unit_id)}


def current_status(registry: Registry, entry: TaskEntry, as_of: date) -> Status | None:
    """A task's standing in one word: overdue if any occurrence is, else its next one's."""
    shown = listed(task_occurrences(registry, entry, as_of), as_of)
    if not shown:
        return None
    if any(o.status == "overdue" for o in shown):
        return "overdue"
    return shown[-1].status
