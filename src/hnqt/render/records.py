"""`hnqt show`, `hnqt list` and `hnqt stats`: records and counts as text, tables, JSON, CSV."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from ..choices import ListFormat, ShowFormat, StatsFormat
from ..dates import show
from ..deadlines import Occurrence, clause_json, listed
from ..model import Agreement, Former, Partner, Plan, Unit
from ..obligations import (
    Assignment,
    assignments,
    cite,
    completion,
    issue_window,
    owed,
    task_basis,
    task_occurrences,
    task_roles,
    term_end,
    units_within,
)
from ..queries import ReportRow, StatsRow, yearly_reports
from ..registry import Registry, TaskEntry
from ..statuses import SHORT_LABELS, STATUS_LABELS, STATUSES
from .data import jsonable, to_csv, to_json
from .labels import ACTIVITY_KINDS, ACTIVITY_STATES, PLAN_KINDS, UNIT_KINDS, country
from .safe import visible
from .tables import Block, Column, nothing_found, render_blocks, terminal_width, wrap

# --- show ------------------------------------------------------------------------------------


class Sheet:
    """`Nhãn:  giá trị` lines, long values wrapped under their own column."""

    LABEL = 19

    def __init__(self, title: str) -> None:
        self.lines = [title, "═" * min(len(title), terminal_width())]

    def add(self, label: str, value: object) -> None:
        if value in (None, "", (), []):
            return
        room = max(30, terminal_width() - self.LABEL - 1)
        for index, paragraph in enumerate(str(value).split("\n")):
            wrapped = wrap(paragraph, room)
            for line_no, line in enumerate(wrapped):
                head = f"{label}:" if index == 0 and line_no == 0 else ""
                self.lines.append(f"{head:<{self.LABEL}} {line}".rstrip())

    def section(self, title: str, rows: Iterable[str]) -> None:
        rows = list(rows)
        if rows:
            room = max(30, terminal_width() - 4)
            self.lines += ["", title]
            for row in rows:
                wrapped = wrap(row, room)
                self.lines += [f"  {wrapped[0]}"] + [f"    {line}" for line in wrapped[1:]]

    def text(self) -> str:
        return "\n".join(visible(line) for line in self.lines) + "\n"


def _assigned(registry: Registry, entry: TaskEntry, role: str) -> str:
    """Units as written, with what they resolve to in this document, and why for a group."""
    shown = []
    written = {a.name: a for a in assignments(registry, entry) if a.role == role}
    for name in getattr(entry.task, role):
        found = written.get(name)
        if found is None:
            shown.append(f"{name} (không rõ đơn vị)")
            continue
        units = ", ".join(registry.units.name(u) for u in found.units)
        if found.group is not None:
            who = f": {units}" if units else ""
            shown.append(f"{name} ({found.why}){who}")
        else:
            shown.append(name if units == name else f"{name} → {units}")
    return "\n".join(shown)


def _occurrence_line(o: Occurrence, assumed: bool = False) -> str:
    period = f"{o.period}: " if o.period else (f"năm {o.year}: " if o.year is not None else "")
    due = f"hạn {show(o.due)} — " if o.due else ""
    done = f" ({show(o.done_on)})" if o.done_on else ""
    rule = f" [{o.rule}]" if o.rule else ""
    note = " — giả định văn bản ban hành trước hạn này" if assumed else ""
    return f"{period}{due}{STATUS_LABELS[o.status]}{done}{rule}{note}"


def _shares(registry: Registry, entry: TaskEntry, as_of: date) -> list[str]:
    """Who has and has not done each occurrence shown of a task with several leads."""
    lines = []
    found = completion(registry, entry, as_of)
    shown = listed([whole for whole, _, _ in found], as_of)
    for whole, done, open_ in found:
        if whole not in shown:
            continue
        head = whole.period or (f"năm {whole.year}" if whole.year is not None else "")
        head = f"{head}: " if head else ""
        count = f"{len(done)}/{len(done) + len(open_)} đơn vị đã xong"
        names = "; ".join(registry.units.name(u) for u in done)
        missing = "; ".join(registry.units.name(u) for u in open_)
        if not done:
            lines.append(f"{head}{count} (chưa đơn vị nào ghi hoàn thành)")
            continue
        lines.append(f"{head}{count}: {names}" + (f" — chưa xong: {missing}" if missing else ""))
    return lines


def show_task(registry: Registry, entry: TaskEntry, found: list[Occurrence], as_of: date) -> str:
    task = entry.task
    plan = registry.plans.get(entry.plan, (None, None))[0]
    section = next((s for s in plan.sections if s.code == task.code.split(".")[0]), None) \
        if plan else None  # fmt: skip
    sheet = Sheet(f"Nhiệm vụ {entry.id}")
    sheet.add("Kế hoạch", f"{plan.title} ({plan.id})" if plan else entry.plan)
    sheet.add("Mục", f"{section.code}. {section.title}" if section else None)
    sheet.add("Tên nhiệm vụ", task.title)
    sheet.add("Chủ trì", _assigned(registry, entry, "lead"))
    sheet.add("Phối hợp", _assigned(registry, entry, "support"))
    sheet.add("Kết quả", task.output)
    sheet.add("Thời hạn", task.deadline_text or "(để trống)")
    sheet.add("Nghĩa là", entry.deadline.describe() if entry.deadline else "không đọc được")
    sheet.add("Điều", ", ".join(str(a) for a in task.articles))
    sheet.add("Lĩnh vực", task.field)
    sheet.add("Ghi chú", task.notes)
    sheet.add("Căn cứ", task_basis(registry, entry))
    sheet.add("Tệp", entry.result.rel)
    window = issue_window(plan)
    sheet.section(f"Tình trạng tính đến {show(as_of)}:",
                  (_occurrence_line(o, owed(o.due, window)[1]) for o in found))  # fmt: skip
    sheet.section("Từng đơn vị chủ trì:", _shares(registry, entry, as_of))
    sheet.section("Tiến độ:", (
        f"{show(p.date.as_date())}"
        + (f" · năm {p.year}" if p.year else "")
        + (f" · {p.by}" if p.by else "")
        + (f" · {p.document}" if p.document else "")
        + (" · hoàn thành" if p.done else "")
        + (f" — {p.note}" if p.note else "")
        for p in task.progress
    ))  # fmt: skip
    return sheet.text()


def task_json(
    registry: Registry, entry: TaskEntry, found: list[Occurrence], as_of: date
) -> dict[str, Any]:
    deadline = entry.deadline
    plan = registry.plans.get(entry.plan, (None, None))[0]
    window = issue_window(plan)
    shares = completion(registry, entry, as_of)  # aligned with `found`; empty: one lead
    units = {
        field: [
            _assignment_json(registry, a) for a in assignments(registry, entry) if a.role == field
        ]
        for field in ("lead", "support")
    }
    meaning = None
    if deadline is not None:
        meaning = {"text": deadline.text, "kind": deadline.kind, "due": jsonable(deadline.due),
                   "awaiting": deadline.awaiting, "meaning": deadline.describe(),
                   "clauses": [clause_json(clause) for clause in deadline.clauses]}  # fmt: skip
    occurrences = []
    for index, o in enumerate(found):
        occurrence = {"year": o.year, "due": jsonable(o.due), "status": o.status,
                      "done_on": jsonable(o.done_on), "clause": o.clause, "period": o.period,
                      "rule": o.rule, "assumed": owed(o.due, window)[1]}  # fmt: skip
        if shares:  # a task with several leads: who has done this one
            _, occurrence["done_by"], occurrence["not_done_by"] = shares[index]
        occurrences.append(occurrence)
    return {
        "kind": "task",
        "id": entry.id,
        "plan": entry.plan,
        "record": jsonable(entry.task),
        "units": units,
        "basis": task_basis(registry, entry),
        "deadline": meaning,
        "occurrences": occurrences,
        "source": entry.result.rel,
    }


def _assignment_json(registry: Registry, found: Assignment) -> dict[str, Any]:
    return {
        "name": found.name,
        "group": found.group,
        "units": [{"id": u, "name": registry.units.name(u)} for u in found.units],
        "why": found.why or None,
    }


def show_plan(registry: Registry, plan: Plan) -> str:
    tasks = registry.tasks_of(plan.id)
    sheet = Sheet(f"Kế hoạch {plan.id}")
    sheet.add("Tên", plan.title)
    sheet.add("Số", plan.number or "(không ghi)")
    sheet.add("Ngày", str(plan.date) if plan.date else "(không ghi)")
    if plan.issued:
        bounds = [f"sau {show(plan.issued.after.as_date())}" if plan.issued.after else "",
                  f"không muộn hơn {show(plan.issued.before.as_date())}"
                  if plan.issued.before else ""]  # fmt: skip
        sheet.add("Ban hành", ", ".join(b for b in bounds if b) + (
            f" — {plan.issued.note}" if plan.issued.note else ""))  # fmt: skip
    sheet.add("Cơ quan ban hành", plan.issuer)
    if plan.signer:
        sheet.add("Người ký", f"{plan.signer.name}" + (f" — {plan.signer.title}"
                                                      if plan.signer.title else ""))  # fmt: skip
    if plan.period:
        sheet.add("Thời kỳ", f"{plan.period.start} – {plan.period.end}")
    if plan.reporting:
        sheet.add(
            "Báo cáo",
            f"{', '.join(plan.reporting.by)}: hằng năm trước "
            f"{plan.reporting.before}, gửi {plan.reporting.to} ({cite(plan.reporting.source)})",
        )
    found = registry.scope(plan.id)
    sheet.add("Gửi tới", "\n".join(f"{a.name} ({cite(a.source)})" for a in plan.addressees))
    sheet.add("Nghĩa là", "; ".join(registry.units.name(u) for u in found.addressees))
    sheet.add("Nơi nhận", " ".join(plan.recipients))
    if plan.budget:
        sheet.add("Kinh phí", plan.budget.unit)
    sheet.add("Thỏa thuận", plan.agreement)
    sheet.add("Số nhiệm vụ", len(tasks))
    sheet.add("Ghi chú", plan.notes)
    sheet.section("Căn cứ:", (_basis(b) for b in plan.basis))
    sheet.section("Mục tiêu:", (f"{i}. {g}" for i, g in enumerate(plan.goals, 1)))
    counts = {s.code: sum(1 for t in tasks if t.task.code.split(".")[0] == s.code)
              for s in plan.sections}  # fmt: skip
    sheet.section("Các mục:", (f"{s.code}. {s.title} ({counts[s.code]} nhiệm vụ)"
                               for s in plan.sections))  # fmt: skip
    sheet.section("Chỉ tiêu đến năm 2030:" if plan.indicators else "", (
        f"{i.number}. {i.name} — {i.target} ({i.unit}); theo dõi: {', '.join(i.monitors)}"
        for i in plan.indicators
    ))  # fmt: skip
    return sheet.text()


def _basis(basis: Any) -> str:
    day = f"ngày {basis.date}" if basis.date else None
    return " ".join(p for p in (basis.number, day, basis.issuer, basis.title) if p)


def days_to_end(agreement: Agreement, as_of: date) -> str:
    """`còn 39 ngày`: an agreement's end, shown ahead of time (a fact, owed by no unit unless
    the data records who follows up)."""
    end = term_end(agreement)
    if end is None:
        return "—"
    days = (end - as_of).days
    return f"còn {days} ngày" if days >= 0 else f"đã qua {-days} ngày"


def term_end_text(agreement: Agreement, as_of: date) -> str:
    """`31/12/2026 (còn 39 ngày)`."""
    end = term_end(agreement)
    return f"{show(end)} ({days_to_end(agreement, as_of)})" if end else "—"


def show_agreement(registry: Registry, agreement: Agreement, as_of: date) -> str:
    sheet = Sheet(f"Thỏa thuận {agreement.id}")
    sheet.add("Tên", agreement.title)
    sheet.add("Đối tác", ", ".join(registry.partners[p][0].name.vi if p in registry.partners
                                    else p for p in agreement.partners))  # fmt: skip
    sheet.add("Ngày ký", str(agreement.signed) if agreement.signed else "(không rõ)")
    sheet.add("Nơi ký", agreement.place)
    if agreement.term:
        sheet.add("Thời hạn", f"{agreement.term.start or '?'} – {agreement.term.end or '?'}")
        sheet.add("Kết thúc", term_end_text(agreement, as_of) if agreement.term.end else None)
    sheet.add(
        "Hiệu lực",
        {
            "draft": "dự thảo",
            "in_force": "đang có hiệu lực",
            "expired": "đã hết hạn",
            "terminated": "đã chấm dứt",
        }[agreement.status],
    )
    follow_up = agreement.follow_up
    sheet.add("Theo dõi", f"{follow_up.unit} ({cite(follow_up.source)})" if follow_up
              else "(nguồn không ghi đơn vị theo dõi: không giao việc cho đơn vị nào)")  # fmt: skip
    sheet.add("Lĩnh vực", ", ".join(agreement.fields))
    sheet.add("Ghi chú", agreement.notes)
    sheet.section("Các bên:", (f"{p.name}" for p in agreement.parties))
    sheet.section("Người ký:", (f"{s.name}" + (f" — {s.title}" if s.title else "")
                                for s in agreement.signatories))  # fmt: skip
    sheet.section(
        "Các điều:",
        (
            f"Điều {a.number}: {a.subject}" + (f" — {', '.join(a.units)}" if a.units else "")
            for a in agreement.articles
        ),
    )
    steps = agreement.steps
    sheet.section(
        "Thủ tục (Luật Thỏa thuận quốc tế 2020, điều 19):",
        [
            _step("Lấy ý kiến Bộ Ngoại giao trước khi ký", steps.mofa_consulted),
            _step(
                "Báo cáo Thủ tướng, sao gửi Bộ Ngoại giao trong 15 ngày sau khi ký", steps.reported
            ),
        ],
    )
    sheet.section("Hoạt động:", (
        " · ".join(p for p in (str(a.date) if a.date else None, ACTIVITY_KINDS[a.kind], a.title)
                   if p)
        + (f" ({ACTIVITY_STATES[a.status]})" if a.status else "") for a in agreement.activities
    ))  # fmt: skip
    return sheet.text()


def _step(label: str, step: Any) -> str:
    if step is None:
        return f"{label}: chưa ghi nhận"
    document = f", {step.document}" if step.document else ""
    return f"{label}: {step.date}{document}"


def _former(former: str | Former) -> str:
    if isinstance(former, str):
        return former
    parts = [former.name + (" (một phần)" if former.partial else "")]
    parts += [_basis(b) for b in former.basis]
    return " — ".join(parts + ([former.note] if former.note else []))


def show_partner(registry: Registry, partner: Partner) -> str:
    sheet = Sheet(f"Đối tác {partner.id}")
    sheet.add("Tên", partner.name.vi)
    sheet.add("Tên tiếng Anh", partner.name.en)
    sheet.add("Tên bản địa", partner.name.native)
    sheet.add("Quốc gia", country(partner.country))
    sheet.add("Mô tả", partner.description)
    sheet.section("Thỏa thuận với Hà Nội:", (
        f"{a.id}: {a.title}" for a, _ in registry.agreements.values() if partner.id in a.partners
    ))  # fmt: skip
    sheet.section("Quan hệ với các địa phương khác:", (
        f"{t.locality} — {t.kind}" + (f" (từ {t.since})" if t.since else "") + f": {t.text}"
        for t in partner.ties
    ))  # fmt: skip
    return sheet.text()


def show_unit(registry: Registry, unit: Unit) -> str:
    sheet = Sheet(f"Đơn vị {unit.id}")
    sheet.add("Tên", unit.name)
    sheet.add("Tên khác", "; ".join(unit.aliases))
    sheet.add("Tên cũ", "\n".join(_former(f) for f in unit.former))
    sheet.add("Nguồn", "; ".join(cite(ref) for ref in unit.source))
    sheet.add("Căn cứ", "\n".join(_basis(b) for b in unit.basis))
    sheet.add("Ghi chú", unit.note)
    if unit.parent:
        sheet.add("Thuộc", registry.units.name(unit.parent))
    children = [u.name for u in registry.departments.units if u.parent == unit.id]
    sheet.add("Đơn vị trực thuộc", "; ".join(children))
    counts: dict[tuple[str, str], int] = {}
    within = units_within(registry, unit.id)
    for entry in registry.tasks.values():
        roles = {role for u, role in task_roles(registry, entry).items() if u in within}
        for role in roles:
            counts[(entry.plan, role)] = counts.get((entry.plan, role), 0) + 1
    plans = sorted({plan for plan, _ in counts})
    sheet.section("Văn bản gửi tới đơn vị:", (
        f"{plan_id}: “{line}”" for plan_id in sorted(registry.plans)
        for addressed, line in registry.scope(plan_id).addressed_by if addressed == unit.id
    ))  # fmt: skip
    sheet.section("Nhiệm vụ được giao:", (
        f"{p}: chủ trì {counts.get((p, 'lead'), 0)}, phối hợp {counts.get((p, 'support'), 0)}"
        for p in plans
    ))  # fmt: skip
    return sheet.text()


# --- list ------------------------------------------------------------------------------------


def list_rows(kind: str, items: list[Any], as_of: date) -> tuple[list[Column], list[list[str]]]:
    """Columns and rows for `hnqt list KIND`."""
    if kind == "tasks":
        return (
            [Column("Mã"), Column("Thời hạn", fold=20), Column("Tình trạng"),
             Column("Chủ trì", flexible=True), Column("Tên nhiệm vụ", flexible=True)],
            [[e.id, e.task.deadline_text or "(để trống)", STATUS_LABELS[s] if s else "—",
              "; ".join(e.task.lead), e.task.title.split("\n")[0]]
             for e, s in items],
        )  # fmt: skip
    if kind == "reports":
        return (
            [Column("Mã"), Column("Hạn"), Column("Tình trạng"), Column("Ngày gửi"),
             Column("Văn bản", fold=30), Column("Đơn vị", flexible=True)],
            [[f"{r.plan}/bao-cao/{r.year}", show(r.due), STATUS_LABELS[r.status],
              show(r.submitted) or "—", r.document or "—", r.unit.name] for r in items],
        )  # fmt: skip
    if kind == "plans":
        return (
            [Column("Mã"), Column("Loại"), Column("Ngày"), Column("Tên", flexible=True)],
            [[p.id, PLAN_KINDS[p.kind],
              str(p.date) if p.date else "—", p.title] for p in items],
        )  # fmt: skip
    if kind == "agreements":
        return (
            [Column("Mã"), Column("Ký ngày"), Column("Hết hạn"), Column("Còn lại"),
             Column("Tên", flexible=True)],
            [[a.id, str(a.signed) if a.signed else "—", show(term_end(a)) or "—",
              days_to_end(a, as_of), a.title] for a in items],
        )  # fmt: skip
    if kind == "partners":
        return (
            [Column("Mã"), Column("Quốc gia"), Column("Tên", flexible=True)],
            [[p.id, country(p.country), " / ".join(n for n in (p.name.vi, p.name.native) if n)]
             for p in items],
        )  # fmt: skip
    return (
        [Column("Mã"), Column("Loại"), Column("Thuộc"), Column("Tên", flexible=True)],
        [[u.id, UNIT_KINDS[u.kind], u.parent or "", u.name] for u in items],
    )


def list_table(kind: str, items: list[Any], as_of: date) -> str:
    columns, rows = list_rows(kind, items, as_of)
    header = f"Tính đến ngày {show(as_of)}" if kind in ("tasks", "reports") else ""
    if not rows:
        return nothing_found(header, "mục nào")
    return render_blocks(header, [Block(f"{len(rows)} mục", columns, rows)])


def list_csv(kind: str, items: list[Any], as_of: date, delimiter: str = ",") -> str:
    """The table's columns (Vietnamese headers and labels), then the codes behind the labels in
    their own columns, as every CSV of hnqt."""
    columns, rows = list_rows(kind, items, as_of)
    header, codes = list_codes(kind, items)
    merged = [[*row, *extra] for row, extra in zip(rows, codes, strict=True)]
    return to_csv([c.header for c in columns] + header, merged, delimiter)


def list_codes(kind: str, items: list[Any]) -> tuple[list[str], list[list[str | None]]]:
    """The codes behind the labels of `hnqt list KIND`, for the extra CSV columns."""
    if kind == "tasks":
        return ["Mã tình trạng"], [[status] for _, status in items]
    if kind == "reports":
        return (["Mã tình trạng", "Mã đơn vị", "Ngày gửi (ISO)"],
                [[r.status, r.unit.id, r.submitted.isoformat() if r.submitted else None]
                 for r in items])  # fmt: skip
    if kind == "agreements":
        return ["Mã hiệu lực"], [[a.status] for a in items]
    if kind == "partners":
        return ["Mã quốc gia"], [[p.country] for p in items]
    return ["Mã loại"], [[item.kind] for item in items]  # plans, units


def list_json(kind: str, items: list[Any], as_of: date) -> str:
    if kind == "tasks":
        payload = [{"id": e.id, "plan": e.plan, "status": s, **jsonable(e.task)} for e, s in items]
    elif kind == "agreements":  # the end of each term, ahead of time (a fact, not a duty)
        payload = [{**jsonable(a), **_term_json(a, as_of)} for a in items]
    elif kind == "reports":
        payload = [_report_json(row) for row in items]
    else:
        payload = [jsonable(item) for item in items]
    return to_json({"as_of": as_of, "kind": kind, "items": payload})


def render_record(registry: Registry, kind: str, found: Any, as_of: date, fmt: ShowFormat) -> str:
    """`hnqt show`: a task with its occurrences as of a date; any other record as it is."""
    if kind == "task":
        occurrences = task_occurrences(registry, found, as_of)
        if fmt == "json":
            return to_json(task_json(registry, found, occurrences, as_of))
        return show_task(registry, found, occurrences, as_of)
    if kind == "report":
        plan, year = found
        rows = yearly_reports(registry, plan, year, as_of)
        if fmt == "json":
            payload = {"kind": kind, "id": f"{plan}/bao-cao/{year}", "plan": plan, "year": year,
                       "as_of": as_of, "reports": [_report_json(row) for row in rows]}  # fmt: skip
            return to_json(payload)
        return show_reports(registry, plan, year, rows, as_of)
    if fmt == "json":
        extra = _term_json(found, as_of) if kind == "agreement" else {}
        return to_json({"kind": kind, "record": found, **extra})
    if kind == "agreement":
        return show_agreement(registry, found, as_of)
    return SHOW_RENDERERS[kind](registry, found)


def _term_json(agreement: Agreement, as_of: date) -> dict[str, Any]:
    end = term_end(agreement)
    return {"term_end": end, "days_left": (end - as_of).days if end is not None else None}


def _report_json(row: ReportRow) -> dict[str, Any]:
    return {"id": f"{row.plan}/bao-cao/{row.year}", "plan": row.plan, "year": row.year,
            "unit": {"id": row.unit.id, "name": row.unit.name}, "due": row.due,
            "status": row.status, "status_label": STATUS_LABELS[row.status], "to": row.to,
            "submitted": row.submitted, "document": row.document}  # fmt: skip


def show_reports(registry: Registry, plan: str, year: int, rows: list[ReportRow],
                 as_of: date) -> str:  # fmt: skip
    """A plan's yearly reports for one year: who sent theirs (when, which document), who not."""
    sent = [row for row in rows if row.submitted is not None]
    header = (f"Báo cáo năm {year} theo {plan} — {registry.plans[plan][0].title.split(chr(10))[0]}"
              f"\nTính đến ngày {show(as_of)}")  # fmt: skip
    if not rows:
        return nothing_found(header, "đơn vị nào phải báo cáo")
    columns, table = list_rows("reports", rows, as_of)
    footer = f"Hạn {show(rows[0].due)}, gửi {rows[0].to}. Đã gửi: {len(sent)}/{len(rows)}."
    return render_blocks(header, [Block(f"{len(rows)} đơn vị", columns, table, footer=footer)])


SHOW_RENDERERS: dict[str, Callable[[Registry, Any], str]] = {
    "plan": show_plan,
    "partner": show_partner,
    "unit": show_unit,
}


LIST_RENDERERS: dict[ListFormat, Callable[[str, list[Any], date], str]] = {
    "table": list_table,
    "json": list_json,
    "csv": list_csv,
}


# --- stats -----------------------------------------------------------------------------------


def stats_table(rows: list[StatsRow], as_of: date, plan: str | None) -> str:
    columns = [Column("Đơn vị chủ trì", flexible=True), Column("Tổng", right=True)]
    columns += [Column(SHORT_LABELS[s], right=True) for s in STATUSES]
    table = [[row.unit.name if row.unit else "Tổng cộng", str(row.total)]
             + [str(row.counts[s]) for s in STATUSES] for row in rows]  # fmt: skip
    scope = f"kế hoạch {plan}" if plan else "mọi kế hoạch"
    title = f"Thống kê nhiệm vụ theo đơn vị chủ trì ({scope}), tính đến ngày {show(as_of)}"
    styles = [""] * (len(rows) - 1) + ["bold"]
    note = ("Nhiệm vụ hằng năm tính mỗi năm một lần; nhiệm vụ thường xuyên không tính đúng/quá "
            "hạn; nhiệm vụ nhiều đơn vị chủ trì: mỗi đơn vị tính phần của mình.")  # fmt: skip
    return render_blocks("", [Block(title, columns, table, styles, note)])


def stats_json(rows: list[StatsRow], as_of: date, plan: str | None) -> str:
    return to_json({
        "as_of": as_of,
        "plan": plan,
        "rows": [{"unit": {"id": r.unit.id, "name": r.unit.name}, "total": r.total,
                  "counts": r.counts} for r in rows if r.unit],
        "total": {"total": rows[-1].total, "counts": rows[-1].counts},
    })  # fmt: skip


STATS_RENDERERS: dict[StatsFormat, Callable[[list[StatsRow], date, str | None], str]] = {
    "table": stats_table,
    "json": stats_json,
}
