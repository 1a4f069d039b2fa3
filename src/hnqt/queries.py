"""Questions users ask of the registry: what is due, how each unit stands, what there is."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from .choices import ListKind, RoleChoice
from .deadlines import status_of
from .layout import DATA, DEPARTMENTS_FILE, plan_file, task_file_stem
from .model import Agreement, Unit
from .names import code_key, sort_key
from .obligations import (
    Item,
    all_items,
    current_status,
    recorded_reports,
    report_due,
    task_roles,
    units_within,
)
from .problems import RegistryError, UsageError
from .registry import Registry, TaskEntry
from .statuses import OPEN_STATUSES, STATUSES, Status
from .units import Miss
from .values import Record, record


def find_unit(registry: Registry, name: str) -> Unit:
    """The unit a user names with --so, or a usage error listing the closest names (a
    registry error when the units themselves could not be read)."""
    if not registry.has_units:
        raise _unreadable(registry, DEPARTMENTS_FILE, f"tìm đơn vị “{name}”")
    found = registry.units.lookup_one(name)
    if isinstance(found, Miss):
        hint = found.hint() if found.closest else "xem danh sách bằng: hnqt list units"
        raise UsageError(found.message(), hint)
    return found


def _unreadable(registry: Registry, rel: str, what: str) -> RegistryError:
    """The file an answer needs is broken or missing: say so, not "no such thing"."""
    problem = registry.broken(rel)
    reason = f"{problem.message} (dòng {problem.line})" if problem else "không có tệp"
    return RegistryError(
        f"không {what} được: {rel} không đọc được — {reason}",
        f"sửa tệp đó rồi chạy lại; xem mọi lỗi bằng: hnqt validate {rel}",
    )


def _broken_file(registry: Registry, ident: str) -> str | None:
    """The file that would hold `ident` (a task, plan, agreement or partner), if it is left out."""
    plan, slash, code = ident.partition("/")
    candidates = (
        [f"{DATA}/plans/{plan}/tasks/{task_file_stem(code)}.yaml"] if slash
        else [plan_file(ident), f"{DATA}/agreements/{ident}.yaml",
              f"{DATA}/partners/{ident}.yaml"]
    )  # fmt: skip
    return next((rel for rel in candidates if registry.broken(rel)), None)


def refuse_broken(registry: Registry, ident: str, what: str) -> None:
    """A registry error when the file that would hold `ident` is left out with errors: the
    record is there but unreadable, which "not found" would hide."""
    broken = _broken_file(registry, ident)
    if broken is not None:
        raise _unreadable(registry, broken, what)


def check_plan(registry: Registry, plan: str | None) -> None:
    if plan is not None and plan not in registry.plans:
        refuse_broken(registry, plan, f"đọc kế hoạch “{plan}”")
        known = ", ".join(sorted(registry.plans))
        raise UsageError(f"không có kế hoạch “{plan}”", f"các kế hoạch: {known}")


@record
class DueQuery(Record):
    as_of: date
    unit: Unit | None = None
    role: RoleChoice = "lead"
    plan: str | None = None
    statuses: frozenset[Status] = OPEN_STATUSES
    within: int | None = None


def due(registry: Registry, query: DueQuery) -> list[Item]:
    """Open obligations (or those of the chosen statuses), soonest first."""
    check_plan(registry, query.plan)
    wanted = units_within(registry, query.unit.id) if query.unit else None
    horizon = query.as_of + timedelta(days=query.within) if query.within is not None else None
    chosen = []
    for item in all_items(registry, query.as_of, wanted):
        if query.role != "all" and item.role != query.role:
            continue
        if query.plan is not None and item.plan != query.plan:
            continue
        if item.status not in query.statuses:
            continue
        beyond = item.due is None or (horizon is not None and item.due > horizon)
        if horizon is not None and item.status != "overdue" and beyond:
            continue
        chosen.append(item)
    return chosen


def group_by_unit(registry: Registry, items: list[Item]) -> list[tuple[Unit, list[Item]]]:
    """Items under the department that owes them, departments in Vietnamese order."""
    groups: dict[str, list[Item]] = {}
    for item in items:
        groups.setdefault(registry.units.top(item.unit), []).append(item)
    units = [registry.units.units[unit_id] for unit_id in groups]
    return [(unit, groups[unit.id]) for unit in sorted(units, key=lambda u: sort_key(u.name))]


@record
class StatsRow(Record):
    unit: Unit | None  # None: the totals row
    counts: dict[Status, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def stats(registry: Registry, as_of: date, plan: str | None = None) -> list[StatsRow]:
    """Per lead unit, its task occurrences by status (the government's categories), and totals."""
    check_plan(registry, plan)
    counters: dict[str, Counter[Status]] = {}
    for item in all_items(registry, as_of, plan=plan):
        if item.kind != "task" or item.role != "lead" or (plan and item.plan != plan):
            continue
        counters.setdefault(registry.units.top(item.unit), Counter())[item.status] += 1
    units = sorted((registry.units.units[u] for u in counters), key=lambda u: sort_key(u.name))
    rows = [StatsRow(u, {s: counters[u.id][s] for s in STATUSES}) for u in units]
    totals: Counter[Status] = Counter()
    for counter in counters.values():
        totals.update(counter)
    rows.append(StatsRow(None, {s: totals[s] for s in STATUSES}))
    return rows


@record
class ListQuery(Record):
    kind: ListKind
    as_of: date
    plan: str | None = None
    unit: Unit | None = None
    role: RoleChoice = "lead"
    partner: str | None = None
    statuses: frozenset[Status] | None = None
    year: int | None = None  # reports: the year (default: the as-of date's)


def list_tasks(registry: Registry, query: ListQuery) -> list[tuple[TaskEntry, Status | None]]:
    """Tasks in document order, with their standing as of the date, after the filters."""
    check_plan(registry, query.plan)
    plans_of_partner = _plans_of_partner(registry, query.partner)
    wanted = units_within(registry, query.unit.id) if query.unit else None
    chosen = []
    for entry in sorted(registry.tasks.values(), key=lambda e: (e.plan, code_key(e.task.code))):
        if query.plan is not None and entry.plan != query.plan:
            continue
        if plans_of_partner is not None and entry.plan not in plans_of_partner:
            continue
        if wanted is not None:
            roles = task_roles(registry, entry)
            hits = {r for u, r in roles.items() if u in wanted}
            if not hits or (query.role != "all" and query.role not in hits):
                continue
        status = current_status(registry, entry, query.as_of)
        if query.statuses is not None and status not in query.statuses:
            continue
        chosen.append((entry, status))
    return chosen


def _plans_of_partner(registry: Registry, partner: str | None) -> set[str] | None:
    if partner is None:
        return None
    check_partner(registry, partner)
    agreements = {a.id for a, _ in registry.agreements.values() if partner in a.partners}
    return {p.id for p, _ in registry.plans.values() if p.agreement in agreements}


def check_partner(registry: Registry, partner: str) -> None:
    if partner not in registry.partners:
        known = ", ".join(sorted(registry.partners))
        raise UsageError(f"không có đối tác “{partner}”", f"các đối tác: {known}")


def list_agreements(registry: Registry, query: ListQuery) -> list[Agreement]:
    if query.partner is not None:
        check_partner(registry, query.partner)
    found = [a for a, _ in registry.agreements.values()
             if query.partner is None or query.partner in a.partners]  # fmt: skip
    return sorted(found, key=lambda a: (a.signed.iso() if a.signed else "", a.id))


def list_units(registry: Registry) -> list[Unit]:
    return sorted(registry.departments.units, key=lambda u: sort_key(u.name))


@record
class ReportRow(Record):
    """A unit's yearly report under a plan's reporting rule: sent (when, which document) or not."""

    plan: str
    year: int
    unit: Unit
    due: date
    status: Status
    to: str
    submitted: date | None = None
    document: str | None = None


def yearly_reports(registry: Registry, plan: str | None, year: int, as_of: date) -> list[ReportRow]:
    """Every reporting unit's report for the year, under one plan (or every plan with a rule)."""
    check_plan(registry, plan)
    rows: list[ReportRow] = []
    for found, _ in sorted(registry.plans.values(), key=lambda pair: pair[0].id):
        rule = found.reporting
        if rule is None or (plan is not None and found.id != plan):
            continue
        due = report_due(rule, year)
        sent: dict[str, tuple[date, str | None]] = {}
        for unit, submission in recorded_reports(registry, found.id):
            when = submission.date.as_date()
            if when is not None and submission.year == year and when <= as_of:
                sent.setdefault(unit, (when, submission.document))
        for unit_id in registry.reporting_units(found.id):
            when, document = sent.get(unit_id, (None, None))
            status = status_of(due, when, as_of)
            rows.append(ReportRow(found.id, year, registry.units.units[unit_id], due, status,
                                  rule.to, when, document))  # fmt: skip
    return sorted(
        rows, key=lambda row: (row.plan, row.submitted is not None, sort_key(row.unit.name))
    )


def list_records(registry: Registry, query: ListQuery) -> list[object]:
    """What `hnqt list KIND` shows, filtered; plans and partners in id order."""
    if query.kind == "reports":
        return list(yearly_reports(registry, query.plan, query.year or query.as_of.year,
                                   query.as_of))  # fmt: skip
    if query.kind == "tasks":
        return list(list_tasks(registry, query))
    if query.kind == "agreements":
        return list(list_agreements(registry, query))
    if query.kind in ("plans", "partners"):
        table = registry.plans if query.kind == "plans" else registry.partners
        return [table[key][0] for key in sorted(table)]  # keyed by id
    return list(list_units(registry))


def find_record(registry: Registry, ident: str) -> tuple[str, object]:
    """What `hnqt show ID` means: a task (`plan/code`, or one year of it `plan/code/2025`), a
    plan's yearly reports (`plan/bao-cao/2026`), a plan, an agreement (or one of its steps,
    `agreement/het-han`), a partner or a unit — every id `due` and `list` print."""
    if ident in registry.tasks:
        return "task", registry.tasks[ident]
    if "/" in ident:
        head, _, tail = ident.rpartition("/")
        plan, _, middle = head.partition("/")
        # A unit's yearly report, or the receiver's consolidation of them: one view of both.
        if middle in ("bao-cao", "tong-hop") and plan in registry.plans and tail.isdigit():
            return "report", (plan, int(tail))
        for key in (ident, head):
            plan, _, code = key.partition("/")
            for entry in registry.tasks.values():
                if entry.plan == plan and entry.task.code.casefold() == code.casefold():
                    return "task", entry
        if head in registry.agreements:
            return "agreement", registry.agreements[head][0]
    for kind, table in (("plan", registry.plans), ("agreement", registry.agreements),
                        ("partner", registry.partners)):  # fmt: skip
        if ident in table:
            return kind, table[ident][0]
    if ident in registry.units.units:
        return "unit", registry.units.units[ident]
    found = registry.units.lookup_one(ident)
    if isinstance(found, Unit):
        return "unit", found
    refuse_broken(registry, ident, f"xem “{ident}”")
    if not registry.has_units:  # it may be a unit's name: say why units cannot be searched
        raise _unreadable(registry, DEPARTMENTS_FILE, f"tìm “{ident}”")
    known = [*registry.tasks, *registry.plans, *registry.agreements, *registry.partners]
    import difflib

    close = difflib.get_close_matches(ident, known, n=3, cutoff=0.6) or list(found.closest)
    hint = ("có phải: " + "; ".join(close) + "?") if close else "xem danh sách: hnqt list tasks"
    raise UsageError(f"không tìm thấy “{ident}”", hint)
