"""What each unit owes as of a date: task occurrences, yearly reports, agreement follow-ups.

Every obligation comes from a document's words (DESIGN §3): a group phrase means what its
document means (its addressees, the units it names), each item carries its basis, and an item
that holds only if an undated document was issued before it falls due says it is assumed.
Pure functions over a Registry; `queries` filters and counts what these produce.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from typing import Literal, NamedTuple

from .deadlines import Occurrence, listed, occurrences, status_of
from .model import Agreement, GroupKind, Plan, Reporting, SourceRef, Submission
from .names import code_key
from .registry import Registry, TaskEntry
from .statuses import Status
from .units import Scope

Role = Literal["lead", "support"]
ROLE_LABELS: dict[Role, str] = {"lead": "chủ trì", "support": "phối hợp"}
Kind = Literal["task", "report", "agreement"]
# Law on International Agreements 2020, art. 19: report within 15 days of signing.
REPORT_AFTER_SIGNING = timedelta(days=15)
LAW_ARTICLE_19 = "Luật Thỏa thuận quốc tế 2020, Điều 19"


class Item(NamedTuple):
    """One obligation of one unit: a task (or one year of it), a yearly report, a follow-up.

    A named tuple, not a Record: `due` for every unit builds one per unit and occurrence (60 000
    on a registry of 10 000 tasks), and a tuple is built in C, without a setattr per field."""

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
    basis: str = ""  # the source paragraph or the law's article the obligation comes from
    assumed: bool = False  # owed only if the undated document was issued before `due`

    def days_left(self, as_of: date) -> int | None:
        return (self.due - as_of).days if self.due is not None else None

    def sort_key(self) -> tuple[date, str, tuple[tuple[int, int | str], ...], str]:
        """By due date (undated last), then plan, then code in document order."""
        return (self.due or date.max, self.plan or "", code_key(self.code), self.id)


def cite(ref: SourceRef) -> str:
    """`file, place` as a basis reads."""
    return ", ".join(part for part in (ref.file, ref.ref) if part)


# --- what a document's names mean --------------------------------------------------------


class Assignment(NamedTuple):
    """The units one written name gives a task, and why (what `show` explains). A named tuple:
    every task's names are read at every `due`, and a tuple costs no setattr per field."""

    name: str
    role: Role
    units: tuple[str, ...]
    group: GroupKind | None = None
    why: str = ""


def _why(registry: Registry, group: GroupKind, plan: Plan | None, found: Scope) -> str:
    """In words, how a group phrase of this document resolves."""
    lines = "; ".join(f"{a.source.ref or a.source.file}: “{a.name}”"
                      for a in (plan.addressees if plan else ()))  # fmt: skip
    outside = ", ".join(registry.units.name(u) for u in found.outside)
    left_out = f"; trừ cơ quan văn bản không giao việc được: {outside}" if outside else ""
    if group in ("addressees", "others") and not lines:
        return "văn bản chưa ghi nơi nhận (addressees trong plan.yaml): không giao cho đơn vị nào"
    if group == "addressees":
        return f"các đơn vị văn bản gửi tới — {lines}{left_out}"
    if group == "others":
        return f"các đơn vị văn bản gửi tới — {lines} — trừ các đơn vị văn bản đã nêu tên"
    if group == "named":
        return f"các đơn vị có tên trong văn bản (chủ trì, phối hợp){left_out}"
    if group == "city":
        return "mọi Sở, ban, ngành thuộc Thành phố (văn bản gửi tất cả)"
    if group == "related":
        return "“… liên quan”: không chỉ định đơn vị nào"
    return "cơ quan, tổ chức ngoài Thành phố: không giao cho đơn vị nào"


def _meanings(registry: Registry, entry: TaskEntry) -> Iterator[Assignment]:
    """Each name of a task's lead and support with the units it means, without the `why`."""
    found = registry.scope(entry.plan)
    for role, names in (("lead", entry.task.lead), ("support", entry.task.support)):
        for name in names:
            meant = registry.units.meaning(name, found)
            if meant is not None:
                yield Assignment(name, role, meant.units, meant.group)  # type: ignore[arg-type]


def assignments(registry: Registry, entry: TaskEntry) -> list[Assignment]:
    """Each name of a task's lead and support, with the units it means in its document and,
    for a group phrase, why (what `show` explains)."""
    plan = registry.plans.get(entry.plan, (None, None))[0]
    found = registry.scope(entry.plan)
    return [
        a._replace(why=_why(registry, a.group, plan, found)) if a.group else a
        for a in _meanings(registry, entry)
    ]


def task_roles(registry: Registry, entry: TaskEntry) -> dict[str, Role]:
    """Unit id -> role in a task; a unit named both as lead and support is a lead. Read at
    every `due` for every task: the `why` of `show` is not worded here."""
    roles: dict[str, Role] = {}
    for assignment in _meanings(registry, entry):
        for unit in assignment.units:
            if assignment.role == "lead" or unit not in roles:
                roles[unit] = assignment.role
    return roles


def lead_units(
    registry: Registry, entry: TaskEntry, roles: dict[str, Role] | None = None
) -> tuple[str, ...]:
    """The departments that lead a task, each once (sub-units count for their department);
    `roles`: the task's `task_roles`, when the caller has them already."""
    roles = task_roles(registry, entry) if roles is None else roles
    tops = (registry.units.top(u) for u, role in roles.items() if role == "lead")
    return tuple(dict.fromkeys(tops))


# --- occurrences and the issue date -------------------------------------------------------


def _years(plan: Plan | None) -> range | None:
    if plan is None or plan.period is None:
        return None
    return plan.period.years


def _day_month(text: str) -> tuple[int, int]:
    """`15/11` (a DayMonth, checked by the model) as (day, month)."""
    day, month = text.split("/")
    return int(day), int(month)


def _plan_day(plan: Plan | None) -> tuple[int, int] | None:
    if plan is None or plan.annual_due is None:
        return None
    return _day_month(plan.annual_due)


def report_due(rule: Reporting, year: int) -> date:
    """The day a reporting rule's report on a year falls due (`before: 15/11` -> 15/11/year)."""
    day, month = _day_month(rule.before)
    return date(year, month, day)


def issue_window(plan: Plan | None) -> tuple[date | None, date | None]:
    """The earliest and latest day the plan can have been issued, from what the data records:
    a full date is both; a month or year is its first and last day; `issued` narrows it."""
    if plan is None:
        return None, None
    earliest = latest = None
    if plan.date is not None:
        latest = plan.date.last_day()
        earliest = date(plan.date.year, plan.date.month or 1, plan.date.day or 1)
    if plan.issued is not None:
        after = plan.issued.after.as_date() if plan.issued.after else None
        before = plan.issued.before.as_date() if plan.issued.before else None
        if after is not None:
            earliest = max(earliest or date.min, after + timedelta(days=1))
        if before is not None:
            latest = min(latest or date.max, before)
    return earliest, latest


def owed(due: date | None, window: tuple[date | None, date | None]) -> tuple[bool, bool]:
    """(owed at all, owed only on an assumption): nothing falls due before the document
    existed; between its earliest and latest possible issue day, it is owed if it was issued
    in time — an assumption the item must say it rests on."""
    earliest, latest = window
    if due is None:
        return True, False
    if earliest is not None and due < earliest:
        return False, False
    if latest is None:
        return True, earliest is not None
    return True, due < latest


Done = list[tuple[date, int | None]]  # (day of the entry, year it covers)


def _done_by_unit(registry: Registry, entry: TaskEntry, as_of: date) -> dict[str | None, Done]:
    """Progress entries marked done by as_of, as (date, year), under the department they are
    `by` (None: no `by`)."""
    found: dict[str | None, Done] = {}
    for progress in entry.task.progress:
        day = progress.date.as_date()
        if not progress.done or day is None or day > as_of:
            continue
        resolved = registry.resolve(progress.by) if progress.by else None
        units = {registry.units.top(u) for u in resolved.units} if resolved else {None}
        for unit in units:
            found.setdefault(unit, []).append((day, progress.year))
    return found


class TaskState:
    """A task's occurrences as of a date, computed once per share: on a task with several
    leads, each lead's own (only its entries count), and the task's as a whole for anyone else
    (done once every lead has done it); on any other task, one list for all."""

    def __init__(
        self,
        registry: Registry,
        entry: TaskEntry,
        as_of: date,
        roles: dict[str, Role] | None = None,
    ) -> None:
        self.entry, self.as_of = entry, as_of
        self.plan = registry.plans.get(entry.plan, (None, None))[0]
        self.window = issue_window(self.plan)
        self.done = _done_by_unit(registry, entry, as_of)
        shared = registry.units.shared(entry.task.lead)
        self.leads = lead_units(registry, entry, roles) if shared else ()
        self._top = registry.units.top
        self._found: dict[str | None, list[Occurrence]] = {}

    def occurrences(self, unit: str | None = None) -> list[Occurrence]:
        share = self._top(unit) if unit is not None and self.leads else None
        share = share if share in self.leads else None
        if share not in self._found:
            self._found[share] = self._compute(share)
        return self._found[share]

    def _compute(self, share: str | None) -> list[Occurrence]:
        deadline = self.entry.deadline
        if deadline is None:  # an unreadable deadline is a validation error, not an obligation
            return []
        if self.leads and share is None:  # the task as a whole: each occurrence, every lead's
            shares = [self.occurrences(lead) for lead in self.leads]
            return [_together(same, self.as_of) for same in zip(*shares, strict=True)]
        if share is not None:
            entries = self.done.get(share, [])
        else:
            entries = [e for found in self.done.values() for e in found]
        found = occurrences(deadline, entries, _years(self.plan), self.as_of, _plan_day(self.plan))
        return [o for o in found if owed(o.due, self.window)[0]]


def _together(shares: tuple[Occurrence, ...], as_of: date) -> Occurrence:
    """One occurrence as all its leads have it: open while any lead's is, else done on the day
    the last lead did it."""
    still_open = next((o for o in shares if o.done_on is None), None)
    if still_open is not None:
        return still_open
    last = max(o.done_on for o in shares if o.done_on is not None)
    return replace(shares[0], status=status_of(shares[0].due, last, as_of), done_on=last)


def task_occurrences(
    registry: Registry, entry: TaskEntry, as_of: date, unit: str | None = None
) -> list[Occurrence]:
    """A task's occurrences as of a date; for a lead of a task with several, its own share."""
    return TaskState(registry, entry, as_of).occurrences(unit)


Share = tuple[Occurrence, list[str], list[str]]  # an occurrence, leads done, leads not done


def completion(registry: Registry, entry: TaskEntry, as_of: date) -> list[Share]:
    """For a task with several leads: each occurrence of the task as a whole, in order, with
    the leads that have done it and those that have not (none for any other task)."""
    state = TaskState(registry, entry, as_of)
    shares = [state.occurrences(lead) for lead in state.leads]
    result = []
    for whole, same in zip(state.occurrences(), zip(*shares, strict=True), strict=False):
        done = [lead for lead, o in zip(state.leads, same, strict=True) if o.done_on is not None]
        result.append((whole, done, [lead for lead in state.leads if lead not in done]))
    return result


def task_basis(registry: Registry, entry: TaskEntry) -> str:
    """The task's own source and place; the plan's source file when the task names none."""
    if entry.task.source is not None:
        return cite(entry.task.source)
    plan = registry.plans.get(entry.plan, (None, None))[0]
    files = plan.source if plan else ()
    return f"{files[0].file}, nhiệm vụ {entry.task.code}" if files else ""


def task_items(
    registry: Registry, as_of: date, wanted: set[str] | None, plan: str | None = None
) -> list[Item]:
    items: list[Item] = []
    for entry in registry.tasks_of(plan) if plan is not None else registry.tasks.values():
        every = task_roles(registry, entry)
        roles = every if wanted is None else {u: r for u, r in every.items() if u in wanted}
        if not roles:
            continue
        state = TaskState(registry, entry, as_of, every)  # its leads: from the same roles
        awaiting = entry.deadline.awaiting if entry.deadline else None
        basis = task_basis(registry, entry)
        for unit, role in roles.items():
            found = state.occurrences(unit if role == "lead" else None)
            for occurrence in listed(found, as_of):
                suffix = occurrence.suffix  # "/2026", "/2026-q1", "/2/2026" (second clause)
                items.append(Item(
                    "task", entry.id + suffix, entry.plan, entry.task.code, entry.task.title,
                    unit, role, entry.task.deadline_text, occurrence.due, occurrence.status,
                    entry.result.rel, occurrence.year, occurrence.done_on, awaiting=awaiting,
                    basis=basis, assumed=owed(occurrence.due, state.window)[1],
                ))  # fmt: skip
    return items


# --- yearly reports -----------------------------------------------------------------------


def report_items(registry: Registry, as_of: date, wanted: set[str] | None) -> list[Item]:
    """A plan's yearly reporting rule: one report per reporting unit per year of the plan; the
    receiving unit's consolidation of each year, with no day (the source gives none)."""
    items: list[Item] = []
    for plan, result in registry.plans.values():
        rule, years = plan.reporting, _years(plan)
        if rule is None or years is None:
            continue
        submitted = _submissions(registry, plan.id)
        window = issue_window(plan)
        basis = cite(rule.source)
        for unit in registry.reporting_units(plan.id):
            if wanted is not None and unit not in wanted:
                continue
            found, assumed = [], {}
            for year in years:
                due = report_due(rule, year)
                is_owed, assumed[year] = owed(due, window)
                if not is_owed:
                    continue  # the plan did not exist yet on that reporting day
                done_on = submitted.get((unit, year))
                found.append(Occurrence(year, due, status_of(due, done_on, as_of), done_on))
            for occurrence in listed(found, as_of):
                assert occurrence.year is not None
                items.append(Item(
                    "report", f"{plan.id}/bao-cao/{occurrence.year}", plan.id,
                    f"bao-cao-{occurrence.year}",
                    f"Báo cáo kết quả thực hiện năm {occurrence.year} gửi {rule.to}",
                    unit, "lead", f"trước {rule.before} hằng năm", occurrence.due,
                    occurrence.status, result.rel, occurrence.year, occurrence.done_on,
                    to=rule.to, basis=basis, assumed=assumed[occurrence.year],
                ))  # fmt: skip
        items.extend(_consolidations(registry, plan, result.rel, as_of, wanted, submitted))
    return items


def _consolidations(
    registry: Registry,
    plan: Plan,
    source: str,
    as_of: date,
    wanted: set[str] | None,
    submitted: dict[tuple[str, int], date],
) -> list[Item]:
    """The receiver consolidates each year's reports once they are due; no day is invented."""
    rule, years = plan.reporting, _years(plan)
    receiver = registry.resolve(rule.to) if rule else None
    if rule is None or years is None or receiver is None or len(receiver.units) != 1:
        return []
    unit = registry.units.top(receiver.units[0])
    if wanted is not None and unit not in wanted:
        return []
    window = issue_window(plan)
    items = []
    for year in years:
        due = report_due(rule, year)
        is_owed, assumed = owed(due, window)
        if due > as_of or not is_owed:
            continue  # the reports of that year are not in yet
        done_on = submitted.get((unit, year))
        items.append(Item(
            "report", f"{plan.id}/tong-hop/{year}", plan.id, f"tong-hop-{year}",
            f"Tổng hợp báo cáo năm {year} của các đơn vị, báo cáo UBND Thành phố", unit, "lead",
            "sau khi nhận báo cáo (nguồn không ghi ngày)", None,
            status_of(None, done_on, as_of), source, year, done_on, basis=cite(rule.source),
            assumed=assumed,
        ))  # fmt: skip
    return items


def recorded_reports(registry: Registry, plan_id: str) -> Iterator[tuple[str, Submission]]:
    """Each report recorded under a plan, with the department that sent it (a name meaning
    several units counts for each; one that no longer names a unit counts for none)."""
    found = registry.reports.get(plan_id)
    for submission in found[0].reports if found else ():
        resolved = registry.resolve(submission.unit)
        for unit in resolved.units if resolved else ():
            yield registry.units.top(unit), submission


def _submissions(registry: Registry, plan_id: str) -> dict[tuple[str, int], date]:
    submitted: dict[tuple[str, int], date] = {}
    for unit, submission in recorded_reports(registry, plan_id):
        day = submission.date.as_date()
        if day is not None:
            key = (unit, submission.year)
            submitted[key] = min(day, submitted.get(key, day))
    return submitted


# --- agreements ---------------------------------------------------------------------------


def agreement_items(registry: Registry, as_of: date, wanted: set[str] | None) -> list[Item]:
    """The report after signing (law, art. 19) and the end of the term, as obligations of the
    unit the data records as following the agreement up, with its basis; none without one."""
    items: list[Item] = []
    for agreement, result in registry.agreements.values():
        follow_up = agreement.follow_up
        follower = registry.resolve(follow_up.unit) if follow_up else None
        if follow_up is None or follower is None or len(follower.units) != 1:
            continue
        unit = follower.units[0]
        if wanted is not None and unit not in wanted:
            continue
        items.extend(_agreement_steps(agreement, result.rel, unit, as_of, cite(follow_up.source)))
    return items


def term_end(agreement: Agreement) -> date | None:
    """The last day of an agreement's term (a year alone means 31/12)."""
    end = agreement.term.end if agreement.term else None
    return end.last_day() if end is not None else None


def _agreement_steps(
    agreement: Agreement, source: str, unit: str, as_of: date, who: str
) -> list[Item]:
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
            basis=f"{LAW_ARTICLE_19}; đơn vị theo dõi: {who}",
        ))  # fmt: skip
    end = term_end(agreement)
    if end is not None and agreement.term is not None:
        closed = agreement.status in ("expired", "terminated")
        items.append(Item(
            "agreement", f"{agreement.id}/het-han", None, "het-han",
            f"Hết thời hạn, đề xuất gia hạn hoặc kết thúc: {agreement.title}", unit, "lead",
            f"hết hạn {agreement.term.end}", end,
            "done_on_time" if closed else status_of(end, None, as_of), source,
            basis=f"đơn vị theo dõi: {who}",
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
        unique.setdefault((item.id, registry.units.top(item.unit)), item)
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
