"""What a report says, as plain records: a plan's yearly report (consolidated, or one unit's)
and the follow-up report on agreements.

Pure functions over a Registry. Every status and count comes from `obligations` and `queries`
(the same numbers `hnqt due` and `hnqt stats` show); templates only lay these records out.
The fields of the records below are the template context documented in docs/templates.md.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from .deadlines import Occurrence
from .model import Agreement, Indicator, Plan, Progress, Unit
from .names import plain_key, sort_key
from .obligations import (
    ROLE_LABELS,
    Item,
    agreement_items,
    recorded_reports,
    report_items,
    task_occurrences,
    task_roles,
    units_within,
)
from .problems import UsageError
from .queries import ListQuery, check_plan, list_tasks, refuse_broken, stats
from .registry import Registry, TaskEntry
from .statuses import STATUS_LABELS, STATUSES, Status
from .values import Record, record

ALL_AGREEMENTS = "agreements"
CITY = "Ủy ban nhân dân thành phố Hà Nội"
# Statuses with a deadline of their own: the only ones counted on time or late. Ongoing duties,
# awaited documents and tasks without a deadline stay out of the percentages.
DATED: tuple[Status, ...] = ("done_on_time", "done_late", "on_track", "overdue")
Submitted = Literal["on_time", "late", "missing", "not_due"]
SUBMITTED_LABELS: dict[Submitted, str] = {
    "on_time": "Đã gửi đúng hạn",
    "late": "Đã gửi muộn",
    "missing": "Chưa gửi (quá hạn)",
    "not_due": "Chưa gửi (chưa đến hạn)",
}
# A yearly report's obligation status, in the words of the submissions table.
_SUBMITTED: dict[Status, Submitted] = {
    "done_on_time": "on_time",
    "done_late": "late",
    "overdue": "missing",
}


@record
class Heading(Record):
    """Who issues the report and to whom: the Decree 30 header, Nơi nhận and signature."""

    parent: str  # the line above the issuer ("UBND THÀNH PHỐ HÀ NỘI"), "" for the city itself
    issuer: str  # the issuing unit's name
    short: str  # its short form in the document number: Số: …/BC-SCT
    to: str  # Kính gửi
    recipients: tuple[str, ...]  # Nơi nhận, from "- Như trên;" to "- Lưu: VT, SCT."
    signer_title: str  # GIÁM ĐỐC, CHÁNH VĂN PHÒNG…; the name is left blank for the signer


@record
class ProgressLine(Record):
    """A progress entry of the report's year."""

    date: date
    by: str
    note: str
    document: str
    done: bool


@record
class TaskLine(Record):
    """A task as the report shows it."""

    code: str
    title: str
    lead: tuple[str, ...]  # as the plan writes them
    support: tuple[str, ...]
    output: str  # Kết quả (expected output), "" when the source gives none
    deadline_text: str  # Thời gian hoàn thành, as written
    status: Status | None  # as of the report date (None: nothing falls due)
    status_label: str
    due: date | None  # the next or missed due date, None when undated
    role: str  # with --so: "chủ trì" or "phối hợp"; "" in the consolidated report
    progress: tuple[ProgressLine, ...]  # the year's entries
    result: str  # the year's notes joined: what goes into the "kết quả năm" column


@record
class SectionBlock(Record):
    """A section (I … VII) of the plan and its tasks in the report."""

    code: str
    title: str
    tasks: tuple[TaskLine, ...]


@record
class StatLine(Record):
    """One lead unit's task occurrences by status (None unit: the totals)."""

    unit: str  # "Tổng cộng" for the totals row
    counts: dict[Status, int]
    total: int
    dated: int  # occurrences with a deadline of their own (the base of the percentage)
    overdue_share: float | None  # overdue / dated × 100; None when nothing is dated
    is_total: bool


@record
class SubmissionLine(Record):
    """Whether a unit has sent its yearly report for the year."""

    unit: str
    state: Submitted
    label: str
    date: date | None
    document: str


@record
class PlanReport(Record):
    """`hnqt report PLAN`: the consolidated report, or with --so one unit's own."""

    kind: Literal["plan"]
    plan: Plan
    year: int
    as_of: date
    unit: Unit | None  # --so
    heading: Heading
    title: str  # the trích yếu
    sections: tuple[SectionBlock, ...]
    tasks: tuple[TaskLine, ...]  # every task of the report, in document order
    indicators: tuple[Indicator, ...]
    status_columns: tuple[tuple[Status, str], ...]  # (key, Vietnamese label) for tables
    stats: tuple[StatLine, ...]  # per lead unit, then the totals
    submissions: tuple[SubmissionLine, ...]
    next_year: tuple[TaskLine, ...]  # tasks falling due in the following year
    overdue: tuple[TaskLine, ...]


@record
class StepLine(Record):
    """A step of Law 70/2020 (art. 19) for an agreement, and where it stands."""

    label: str
    due: date | None
    done_on: date | None
    document: str
    state: str  # in words: "đã thực hiện", "quá hạn", "chưa ghi nhận"…


@record
class ArticleLine(Record):
    number: int
    subject: str
    units: tuple[str, ...]  # canonical unit names


@record
class ActivityLine(Record):
    date: str  # as known: dd/mm/yyyy, mm/yyyy or yyyy
    kind: str
    title: str
    status: str
    units: tuple[str, ...]


@record
class AgreementBlock(Record):
    """One agreement in the follow-up report."""

    id: str
    title: str
    kind: str
    partners: tuple[str, ...]  # the partners' Vietnamese names
    signed: str  # as known: dd/mm/yyyy, mm/yyyy or yyyy; "" when unknown
    place: str
    signatories: tuple[str, ...]
    fields: tuple[str, ...]
    term: str  # "2024 – 2026", "" when the source gives none
    end: date | None
    days_left: int | None  # to the end of the term, negative once it has passed
    status: str
    articles: tuple[ArticleLine, ...]
    activities: tuple[ActivityLine, ...]  # the year's
    steps: tuple[StepLine, ...]
    plans: tuple[str, ...]  # ids of the plans implementing it
    tasks: tuple[TaskLine, ...]  # their tasks


@record
class AgreementReport(Record):
    """`hnqt report agreements` or `hnqt report AGREEMENT`."""

    kind: Literal["agreements"]
    year: int
    as_of: date
    heading: Heading
    title: str
    agreements: tuple[AgreementBlock, ...]


Report = PlanReport | AgreementReport

AGREEMENT_STATES = {
    "draft": "dự thảo",
    "in_force": "đang có hiệu lực",
    "expired": "đã hết hạn",
    "terminated": "đã chấm dứt",
}
ACTIVITY_KINDS = {
    "visit": "chuyến thăm",
    "event": "sự kiện",
    "proposal": "đề xuất",
    "invitation": "lời mời",
    "meeting": "hội đàm",
    "signing": "ký kết",
}
ACTIVITY_STATES = {
    "proposed": "đề xuất",
    "agreed": "đã thống nhất",
    "planned": "dự kiến",
    "done": "đã thực hiện",
    None: "",
}


def build(registry: Registry, ident: str, year: int, as_of: date, unit: Unit | None) -> Report:
    """The report `hnqt report IDENT` means: a plan's, or the agreements'."""
    if ident == ALL_AGREEMENTS or ident in registry.agreements:
        if unit is not None:
            raise UsageError("--so chỉ dùng cho báo cáo kế hoạch", "bỏ --so, hoặc chọn kế hoạch")
        chosen = None if ident == ALL_AGREEMENTS else ident
        return agreement_report(registry, year, as_of, chosen)
    if ident not in registry.plans:
        refuse_broken(registry, ident, f"lập báo cáo “{ident}”")
        known = sorted([*registry.plans, *registry.agreements, ALL_AGREEMENTS])
        raise UsageError(f"không có kế hoạch hay thỏa thuận “{ident}”", "chọn: " + ", ".join(known))
    return plan_report(registry, ident, year, as_of, unit)


# --- plans -----------------------------------------------------------------------------------


def plan_report(
    registry: Registry, plan_id: str, year: int, as_of: date, unit: Unit | None = None
) -> PlanReport:
    check_plan(registry, plan_id)
    plan = registry.plans[plan_id][0]
    query = ListQuery("tasks", as_of, plan_id, unit, "all")
    roles = units_within(registry, unit.id) if unit else None
    lines: list[TaskLine] = []
    next_year: list[TaskLine] = []
    for entry, status in list_tasks(registry, query):
        found = task_occurrences(registry, entry, as_of)
        line = _task_line(registry, entry, status, found, year, as_of, roles)
        lines.append(line)
        if any(o.due and o.due.year == year + 1 and o.done_on is None for o in found):
            next_year.append(line)
    sections = tuple(
        SectionBlock(s.code, s.title, tuple(t for t in lines if _section(t.code) == s.code))
        for s in plan.sections
    )
    loose = tuple(t for t in lines if _section(t.code) not in {s.code for s in plan.sections})
    if loose:  # a directive without sections: its tasks in one block
        sections = (*sections, SectionBlock("", "Nhiệm vụ", loose))
    stat_lines = _stat_lines(registry, as_of, plan_id, unit)
    issuer_name = unit.name if unit else _consolidator(registry, plan)
    heading = _heading(registry, issuer_name, _report_to(registry, plan, unit))
    kind_word = "Kế hoạch" if plan.kind == "plan" else "văn bản chỉ đạo"
    number = f" số {plan.number}" if plan.number else ""
    title = f"Kết quả thực hiện {kind_word}{number} năm {year}"
    return PlanReport(
        "plan",
        plan,
        year,
        as_of,
        unit,
        heading,
        title,
        tuple(s for s in sections if s.tasks),
        tuple(lines),
        plan.indicators,
        tuple((s, STATUS_LABELS[s]) for s in STATUSES),
        stat_lines,
        _submission_lines(registry, plan, year, as_of, unit),
        tuple(next_year),
        tuple(t for t in lines if t.status == "overdue"),
    )


def _section(code: str) -> str:
    return re.split(r"[.\-]", code, maxsplit=1)[0]


def _task_line(
    registry: Registry,
    entry: TaskEntry,
    status: Status | None,
    found: list[Occurrence],
    year: int,
    as_of: date,
    wanted: set[str] | None,
) -> TaskLine:
    task = entry.task
    progress = tuple(
        ProgressLine(day, p.by or "", p.note or "", p.document or "", p.done)
        for p in task.progress
        if (day := p.date.as_date()) is not None and day <= as_of and _year_of(p) == year
    )
    role = ""
    if wanted is not None:
        mine = {r for u, r in task_roles(registry, entry).items() if u in wanted}
        role = ROLE_LABELS["lead" if "lead" in mine else "support"]
    open_dues = [o.due for o in found if o.due is not None and o.done_on is None]
    missed = [d for d in open_dues if d < as_of]
    due = missed[0] if missed else min((d for d in open_dues if d >= as_of), default=None)
    result = "; ".join(p.note + (f" ({p.document})" if p.document else "") for p in progress)
    return TaskLine(
        task.code,
        task.title,
        task.lead,
        task.support,
        task.output or "",
        task.deadline_text,
        status,
        STATUS_LABELS[status] if status else "",
        due,
        role,
        progress,
        result,
    )


def _year_of(progress: Progress) -> int:
    return progress.year if progress.year is not None else progress.date.year


def _stat_lines(
    registry: Registry, as_of: date, plan_id: str, unit: Unit | None
) -> tuple[StatLine, ...]:
    rows = stats(registry, as_of, plan_id)
    lines = []
    for row in rows:
        if unit is not None and (row.unit is None or row.unit.id != registry.units.top(unit.id)):
            continue
        dated = sum(row.counts[s] for s in DATED)
        share = row.counts["overdue"] * 100 / dated if dated else None
        name = row.unit.name if row.unit else "Tổng cộng"
        lines.append(StatLine(name, row.counts, row.total, dated, share, row.unit is None))
    if unit is not None and not lines:  # a unit leading nothing: a row of zeros says so
        lines.append(StatLine(unit.name, dict.fromkeys(STATUSES, 0), 0, 0, None, False))
    return tuple(lines)


def _receiver(registry: Registry, plan: Plan) -> str | None:
    """The unit that consolidates the plan's yearly reports (Sở Công Thương for kh-nq59)."""
    if plan.reporting is None:
        return None
    found = registry.resolve(plan.reporting.to)
    if found is None or len(found.units) != 1:
        return plan.reporting.to
    return registry.units.name(found.units[0])


def _consolidator(registry: Registry, plan: Plan) -> str:
    """Who writes the consolidated report: the receiver of the units' reports, else the unit
    following up the agreement the plan implements, else the plan's issuer."""
    receiver = _receiver(registry, plan)
    if receiver is not None:
        return receiver
    found = registry.agreements.get(plan.agreement or "")
    follow_up = found[0].follow_up if found else None
    return follow_up.unit if follow_up else plan.issuer


def _report_to(registry: Registry, plan: Plan, unit: Unit | None) -> str:
    """Kính gửi: the receiver for a unit's report, the city for the consolidated one; left
    for a person to write when the city itself reports (no source says to whom)."""
    receiver = _receiver(registry, plan)
    if unit is not None and receiver is not None and receiver != unit.name:
        return receiver
    return (
        "…" if registry.units.lookup_one(_consolidator(registry, plan)) == _city(registry) else CITY
    )


def _city(registry: Registry) -> Unit | None:
    found = registry.units.lookup_one(CITY)
    return found if isinstance(found, Unit) else None


def _submission_lines(
    registry: Registry, plan: Plan, year: int, as_of: date, unit: Unit | None
) -> tuple[SubmissionLine, ...]:
    wanted = units_within(registry, unit.id) if unit else None
    documents = _documents(registry, plan.id, year)
    lines = []
    for item in report_items(registry, as_of, wanted):
        if item.plan != plan.id or item.year != year or item.to is None:
            continue
        if registry.units.name(item.unit) == _receiver(registry, plan):
            continue  # the consolidating unit does not report to itself
        state = _SUBMITTED.get(item.status, "not_due")
        lines.append(
            SubmissionLine(
                registry.units.name(item.unit),
                state,
                SUBMITTED_LABELS[state],
                item.done_on,
                documents.get(item.unit, "") if item.done_on else "",
            )
        )
    return tuple(sorted(lines, key=lambda line: sort_key(line.unit)))


def _documents(registry: Registry, plan_id: str, year: int) -> dict[str, str]:
    """Department id -> the document number of its report for the year."""
    documents: dict[str, str] = {}
    for unit, submission in recorded_reports(registry, plan_id):
        if submission.year == year and submission.document:
            documents.setdefault(unit, submission.document)
    return documents


# --- the header --------------------------------------------------------------------------------


def _heading(registry: Registry, issuer: str, to: str) -> Heading:
    found = registry.units.lookup_one(issuer)
    # A division (Phòng QHQT) writes for its department: the document is the department's.
    unit = registry.units.units[registry.units.top(found.id)] if isinstance(found, Unit) else None
    short = _short(unit, issuer)
    is_city = unit is not None and unit.kind == "city"
    return Heading(
        "" if is_city else "UBND THÀNH PHỐ HÀ NỘI",
        unit.name if unit else issuer,
        short,
        to,
        ("Như trên;", f"Lưu: VT, {short}."),
        _signer_title(unit),
    )


def _short(unit: Unit | None, name: str) -> str:
    """The issuer's letters in a document number: UBND for the city, an all-capitals alias
    (SCT), else the initials without tone marks (Đ kept, as documents write it)."""
    if unit is not None and unit.kind == "city":
        return "UBND"
    for alias in unit.aliases if unit else ():
        if re.fullmatch(r"[A-ZĐ]{2,8}", alias):
            return alias
    words = (unit.name if unit else name).split()
    initials = "".join(word[0] for word in words if word[0].isalpha()).upper()
    return "".join(c if c == "Đ" else plain_key(c).upper() for c in initials)


def _signer_title(unit: Unit | None) -> str:
    if unit is None:
        return "THỦ TRƯỞNG ĐƠN VỊ"
    if unit.kind == "so":
        return "GIÁM ĐỐC"
    if unit.kind == "city":
        return "TM. ỦY BAN NHÂN DÂN"
    if unit.name.startswith("Văn phòng"):
        return "CHÁNH VĂN PHÒNG"
    return "THỦ TRƯỞNG ĐƠN VỊ"


# --- agreements --------------------------------------------------------------------------------


def agreement_report(
    registry: Registry, year: int, as_of: date, agreement_id: str | None = None
) -> AgreementReport:
    chosen = [
        a for a, _ in registry.agreements.values() if agreement_id is None or a.id == agreement_id
    ]
    chosen.sort(key=lambda a: (a.signed.iso() if a.signed else "", a.id))
    # The agreements' own follower when one is recorded; for all of them, the office that
    # keeps partners and agreements (Phòng QHQT of Văn phòng UBND Thành phố, DESIGN §1).
    follow_up = chosen[0].follow_up if len(chosen) == 1 else None
    follower = follow_up.unit if follow_up else "Văn phòng UBND Thành phố"
    heading = _heading(registry, follower, CITY)
    steps = {(i.id.split("/")[0], i.code): i for i in agreement_items(registry, as_of, None)}
    blocks = tuple(_agreement_block(registry, a, year, as_of, steps) for a in chosen)
    title = f"Tình hình triển khai các thỏa thuận quốc tế của Thành phố năm {year}"
    if agreement_id is not None:
        title = f"Tình hình triển khai {chosen[0].title} năm {year}"
    return AgreementReport("agreements", year, as_of, heading, title, blocks)


def _agreement_block(
    registry: Registry,
    agreement: Agreement,
    year: int,
    as_of: date,
    steps: dict[tuple[str, str], Item],
) -> AgreementBlock:
    partners = tuple(
        registry.partners[p][0].name.vi if p in registry.partners else p for p in agreement.partners
    )
    term = agreement.term
    end = term.end.last_day() if term and term.end else None
    articles = tuple(
        ArticleLine(a.number, a.subject, tuple(_unit_names(registry, a.units)))
        for a in agreement.articles
    )
    activities = tuple(
        ActivityLine(
            str(a.date),
            ACTIVITY_KINDS[a.kind],
            a.title,
            ACTIVITY_STATES[a.status],
            tuple(_unit_names(registry, a.units)),
        )
        for a in agreement.activities
        if a.date is not None and a.date.year == year
    )
    plans = sorted(p.id for p, _ in registry.plans.values() if p.agreement == agreement.id)
    tasks: list[TaskLine] = []
    for plan_id in plans:
        query = ListQuery("tasks", as_of, plan_id, None, "all")
        for entry, status in list_tasks(registry, query):
            found = task_occurrences(registry, entry, as_of)
            tasks.append(_task_line(registry, entry, status, found, year, as_of, None))
    return AgreementBlock(
        agreement.id,
        agreement.title,
        agreement.kind,
        partners,
        str(agreement.signed) if agreement.signed else "",
        agreement.place or "",
        tuple(f"{s.name} ({s.title})" if s.title else s.name for s in agreement.signatories),
        agreement.fields,
        _term_text(agreement),
        end,
        (end - as_of).days if end else None,
        AGREEMENT_STATES[agreement.status],
        articles,
        activities,
        _steps(agreement, steps),
        tuple(plans),
        tuple(tasks),
    )


def _term_text(agreement: Agreement) -> str:
    term = agreement.term
    if term is None:
        return ""
    start, end = (str(d) if d else "…" for d in (term.start, term.end))
    return f"{start} – {end}"


def _unit_names(registry: Registry, names: tuple[str, ...]) -> list[str]:
    shown = []
    for name in names:
        found = registry.resolve(name)
        single = found is not None and len(found.units) == 1 and found.group is None
        shown.append(registry.units.name(found.units[0]) if found and single else name)
    return shown


_STEP_STATES = {
    "done_on_time": "đã thực hiện đúng hạn",
    "done_late": "đã thực hiện, quá hạn",
    "on_track": "chưa thực hiện, còn trong hạn",
    "overdue": "chưa ghi nhận, quá hạn",
}


def _steps(agreement: Agreement, items: dict[tuple[str, str], Item]) -> tuple[StepLine, ...]:
    consulted = agreement.steps.mofa_consulted
    lines = [
        StepLine(
            "Lấy ý kiến Bộ Ngoại giao bằng văn bản trước khi ký",
            None,
            consulted.date.as_date() if consulted else None,
            (consulted.document or "") if consulted else "",
            "đã thực hiện" if consulted else "chưa ghi nhận",
        )
    ]
    reported = agreement.steps.reported
    item = items.get((agreement.id, "bao-cao-sau-ky"))
    lines.append(
        StepLine(
            "Báo cáo Thủ tướng Chính phủ, sao gửi Bộ Ngoại giao trong 15 ngày sau khi ký",
            item.due if item else None,
            item.done_on if item else None,
            (reported.document or "") if reported else "",
            _STEP_STATES.get(item.status, "")
            if item
            else ("đã thực hiện" if reported else "chưa ghi nhận (nguồn không ghi ngày ký)"),
        )
    )
    return tuple(lines)
