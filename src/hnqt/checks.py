"""Cross-file checks: a plain list of pure functions from a Registry to problems (beancount-style).

Each check looks at records already validated one by one and reports, at the exact line of the
offending value, what only the whole registry can tell: names that resolve to no unit, ids
that point nowhere or twice, and the warnings a reviewer wants to see.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from .layout import DEPARTMENTS_FILE, STAFF_UNIT_FIELDS, matches, plan_file
from .names import code_key, match_key, plain_key
from .problems import Problem
from .units import Miss

if TYPE_CHECKING:
    from .model import Period, Plan, Submission
    from .reading import FileResult
    from .registry import Registry
    from .yamlio import PathKey

Check = Callable[["Registry"], Iterable[Problem]]


def _unit_problem(
    registry: Registry, result: FileResult, name: str, *path: str | int
) -> Iterator[Problem]:
    if not registry.has_units:
        return  # the departments file is missing or invalid: reported once, there
    found = registry.units.resolve(name)
    if isinstance(found, Miss):
        code = "ambiguous-unit" if found.ambiguous else "unknown-unit"
        yield result.problem(path, code, found.message(), found.hint())


def check_departments(registry: Registry) -> Iterator[Problem]:
    """Unit ids are unique, parents exist, and no name means two different things."""
    result = registry.files.get(DEPARTMENTS_FILE)
    if result is None:
        yield Problem(
            DEPARTMENTS_FILE,
            1,
            1,
            "missing-file",
            "thiếu danh mục đơn vị data/departments.yaml",
            "tạo tệp theo mẫu trong docs/data-format.md: mọi tên đơn vị được đối chiếu với nó",
        )
        return
    if result.record is None:
        return
    seen: dict[str, int] = {}
    owners: dict[str, str] = {}
    for index, unit in enumerate(registry.departments.units):
        if unit.id in seen:
            yield result.problem(
                ("units", index),
                "duplicate-id",
                f"mã đơn vị “{unit.id}” lặp lại",
                "mỗi đơn vị một mã riêng",
            )
        seen.setdefault(unit.id, index)
        if unit.parent is not None and unit.parent not in registry.units.units:
            yield result.problem(
                ("units", index),
                "unknown-parent",
                f"đơn vị cấp trên “{unit.parent}” của “{unit.name}” không có",
                "parent phải là id của một đơn vị trong tệp này",
            )
        for name in (unit.name, *unit.aliases, *unit.former_names):
            owner = owners.setdefault(plain_key(name), unit.id)
            if owner != unit.id:
                yield result.problem(
                    ("units", index),
                    "ambiguous-unit",
                    f"tên “{name}” vừa của “{owner}” vừa của “{unit.id}”",
                    "mỗi tên (kể cả khi bỏ dấu) chỉ thuộc một đơn vị",
                )


def check_unit_names(registry: Registry) -> Iterator[Problem]:
    """Every unit named in any file resolves (lead, support, issuer, monitors, reports…)."""
    for result in registry.files.values():
        for path, name in result.units:
            yield from _unit_problem(registry, result, name, *path)


def check_partly_merged_names(registry: Registry) -> Iterator[Problem]:
    """A former name whose functions were split in 2025 (`partial: true`) resolves to one
    successor; the reader is told the mapping is partial and what went where."""
    for result in registry.files.values():
        for path, name in result.units:
            found = registry.units.partly_merged(name)
            if found is not None:
                unit, former = found
                yield result.problem(
                    path,
                    "partly-merged-unit",
                    f"“{name}” chỉ chuyển một phần chức năng về “{unit.name}”",
                    former.note or "xem ghi chú của tên cũ trong data/departments.yaml",
                    "warning",
                )


def check_staff_unit_names(registry: Registry) -> Iterator[Problem]:
    """A unit staff type themselves (`progress[].by`, `reports[].unit`) is written as the unit's
    canonical name, so every file says it the same way; `hnqt fmt` rewrites it."""
    if not registry.has_units:
        return
    for result in registry.files.values():
        pattern = STAFF_UNIT_FIELDS.get(result.kind)
        if pattern is None:
            continue
        for path, name in result.units:
            canonical = registry.units.canonical(name) if matches(pattern, path) else None
            if canonical is not None and canonical != name:
                yield result.problem(
                    path,
                    "non-canonical-unit",
                    f"đơn vị “{name}” nên ghi bằng tên chuẩn “{canonical}”",
                    "chạy `hnqt fmt` để sửa tự động",
                    "warning",
                )


def check_awaited_issuers(registry: Registry) -> Iterator[Problem]:
    """`Khi Bộ Ngoại giao ban hành`: the body awaited must be a known unit."""
    for entry in registry.tasks.values():
        awaiting = entry.deadline.awaiting if entry.deadline else None
        for part in _awaited(registry, awaiting) if awaiting else ():
            yield from _unit_problem(registry, entry.result, part, "deadline")


def _awaited(registry: Registry, awaiting: str) -> list[str]:
    """The bodies a deadline awaits: one name, or several separated by commas."""
    if registry.resolve(awaiting):
        return [awaiting]
    return [part.strip() for part in awaiting.split(",")]


def check_leads_name_someone(registry: Registry) -> Iterator[Problem]:
    """A task led by nobody, or only by "related units", has nobody responsible."""
    for entry in registry.tasks.values():
        resolved = [registry.resolve(name) for name in entry.task.lead]
        if all(r is not None and r.group in ("related", "external") for r in resolved):
            yield entry.result.problem(
                ("lead",),
                "no-lead-unit",
                "cơ quan chủ trì chỉ là “đơn vị liên quan”: không ai chịu trách nhiệm",
                "ghi rõ ít nhất một đơn vị chủ trì",
                "warning",
            )


def check_deadline_years(registry: Registry) -> Iterator[Problem]:
    """`Quý II`, `Tháng 12`: a phrase without a year takes the year of a single-year plan."""
    from .deadlines import missing_year

    for entry in registry.tasks.values():
        if entry.deadline is None or not entry.deadline.needs_year:
            continue
        plan = registry.plans.get(entry.plan, (None, None))[0]
        period = plan.period if plan is not None else None
        years = range(period.start.year, period.end.year + 1) if period else None
        if reason := missing_year(entry.deadline, years):
            yield entry.result.problem(("deadline",), "bad-deadline", reason,
                                       "viết kèm năm: “Quý II/2026”, “Tháng 12/2026”")  # fmt: skip


def check_deadline_set(registry: Registry) -> Iterator[Problem]:
    for entry in registry.tasks.values():
        if entry.deadline is not None and entry.deadline.kind == "none":
            yield entry.result.problem(
                ("deadline",),
                "no-deadline",
                "nhiệm vụ chưa có thời hạn (văn bản để trống)",
                "để trống nếu văn bản nguồn để trống; ghi thời hạn khi được giao",
                "warning",
            )


def check_plan_of_tasks(registry: Registry) -> Iterator[Problem]:
    """Tasks stand in a plan that exists, under one of its sections."""
    for entry in registry.tasks.values():
        found = registry.plans.get(entry.plan)
        if found is None and plan_file(entry.plan) in registry.files:
            continue  # plan.yaml is there but invalid: reported once, in that file
        if found is None:
            yield entry.result.problem(
                ("code",),
                "unknown-plan",
                f"thư mục plans/{entry.plan}/ không có plan.yaml",
                "tạo plan.yaml cho kế hoạch trước khi thêm nhiệm vụ",
            )
            continue
        sections = {section.code for section in found[0].sections}
        head = entry.task.code.split(".")[0]
        if sections and head not in sections:
            yield entry.result.problem(
                ("code",),
                "unknown-section",
                f"mã “{entry.task.code}” không thuộc mục nào của kế hoạch {entry.plan}",
                "các mục: " + ", ".join(sorted(sections)),
            )


def check_duplicate_titles(registry: Registry) -> Iterator[Problem]:
    seen: dict[tuple[str, str], str] = {}
    for entry in sorted(registry.tasks.values(), key=lambda e: (e.plan, code_key(e.task.code))):
        key = (entry.plan, match_key(entry.task.title))
        first = seen.setdefault(key, entry.task.code)
        if first != entry.task.code:
            yield entry.result.problem(
                ("title",),
                "duplicate-title",
                f"nhiệm vụ trùng tên với {entry.plan}/{first}",
                "kiểm tra lại văn bản nguồn; giữ nguyên nếu nguồn lặp lại",
                "warning",
            )


def check_progress_years(registry: Registry) -> Iterator[Problem]:
    """A progress entry for a year outside the plan's period counts for nothing."""
    for entry in registry.tasks.values():
        found = registry.plans.get(entry.plan)
        period = found[0].period if found else None
        if period is None:
            continue
        for index, progress in enumerate(entry.task.progress):
            if progress.year is not None and progress.year not in period.years:
                yield _year_outside(entry.result, ("progress", index, "year"), progress.year,
                                    period)  # fmt: skip


def _year_outside(result: FileResult, path: PathKey, year: int, period: Period) -> Problem:
    """A progress entry or a report for a year outside the plan's period counts for nothing."""
    return result.problem(
        path,
        "year-outside-plan",
        f"năm {year} nằm ngoài thời kỳ của kế hoạch ({period.start.year}–{period.end.year})",
        "sửa năm báo cáo (year) cho đúng",
        "warning",
    )


def check_plans(registry: Registry) -> Iterator[Problem]:
    """A plan's agreement, and unique section and indicator numbers."""
    for plan, result in registry.plans.values():
        if plan.agreement is not None and plan.agreement not in registry.agreements:
            yield result.problem(
                ("agreement",),
                "unknown-agreement",
                f"không có thỏa thuận “{plan.agreement}” trong data/agreements/",
                "ghi đúng id của thỏa thuận",
            )
        yield from _unique(result, "indicators", [i.number for i in plan.indicators], "chỉ tiêu số")
        yield from _unique(result, "sections", [s.code for s in plan.sections], "mục")
        issued = plan.issued
        after = issued.after.as_date() if issued and issued.after else None
        before = issued.before.as_date() if issued and issued.before else None
        if after is not None and before is not None and before <= after:
            yield result.problem(
                ("issued",),
                "bad-issue-window",
                f"văn bản không thể ban hành sau {after:%d/%m/%Y} mà không muộn hơn "
                f"{before:%d/%m/%Y}",
                "kiểm tra issued.after và issued.before",
            )


def _unique(result: FileResult, field: str, values: list[object], label: str) -> Iterator[Problem]:
    seen: set[object] = set()
    for index, value in enumerate(values):
        if value in seen:
            yield result.problem(
                (field, index),
                "duplicate-id",
                f"{label} {value} lặp lại",
                "mỗi số/mã chỉ dùng một lần",
            )
        seen.add(value)


def check_agreements(registry: Registry) -> Iterator[Problem]:
    for agreement, result in registry.agreements.values():
        for index, partner in enumerate(agreement.partners):
            if partner not in registry.partners:
                yield result.problem(
                    ("partners", index),
                    "unknown-partner",
                    f"không có đối tác “{partner}” trong data/partners/",
                    "tạo data/partners/<id>.yaml hoặc sửa id",
                )
        term = agreement.term
        if term and term.start and term.end and term.end.last_day() < term.start.last_day():
            yield result.problem(
                ("term", "end"),
                "bad-term",
                "thời hạn kết thúc trước khi bắt đầu",
                "kiểm tra term.start và term.end",
            )


def check_reports(registry: Registry) -> Iterator[Problem]:
    for plan_id, (reports, result) in registry.reports.items():
        if plan_id not in registry.plans and plan_file(plan_id) not in registry.files:
            yield Problem(
                result.rel,
                1,
                1,
                "unknown-plan",
                f"thư mục plans/{plan_id}/ không có plan.yaml",
                "đặt reports.yaml trong thư mục của kế hoạch mà các báo cáo thuộc về",
            )
        plan = registry.plans.get(plan_id, (None, None))[0]
        owing = set(registry.reporting_units(plan_id))
        seen: set[tuple[str, int]] = set()
        for index, submission in enumerate(reports.reports):
            # Compared by the unit a name means, so "SYT" and "Sở Y tế" are the same unit.
            found = registry.resolve(submission.unit)
            key = (found.units[0] if found and found.units else plain_key(submission.unit),
                   submission.year)  # fmt: skip
            if key in seen:
                yield result.problem(
                    ("reports", index),
                    "duplicate-id",
                    f"báo cáo năm {submission.year} của “{submission.unit}” ghi hai lần",
                    "giữ một dòng: mỗi đơn vị một báo cáo mỗi năm",
                )
            seen.add(key)
            sent_by = {registry.units.top(unit) for unit in found.units} if found else set()
            if plan is not None and found is not None and not sent_by & owing:
                yield _not_asked(plan, submission, result, index)
            if plan is not None and plan.period and submission.year not in plan.period.years:
                yield _year_outside(result, ("reports", index, "year"), submission.year,
                                    plan.period)  # fmt: skip


def _not_asked(plan: Plan, submission: Submission, result: FileResult, index: int) -> Problem:
    """A report from a unit the plan's reporting rule does not name counts for no one (the
    receiving unit, a ministry, any unit under a plan with no rule)."""
    if plan.reporting is None:
        message = f"kế hoạch {plan.id} không quy định báo cáo hằng năm"
        hint = "xóa báo cáo này, hoặc ghi mục reporting trong plan.yaml theo văn bản"
    else:
        message = (f"{submission.unit} không phải đơn vị báo cáo theo {plan.id} "
                   f"(báo cáo gửi về {plan.reporting.to})")  # fmt: skip
        hint = (f"xem các đơn vị phải báo cáo: hnqt list reports --plan {plan.id} "
                f"--year {submission.year}")  # fmt: skip
    return result.problem(("reports", index, "unit"), "not-reporting-unit", message, hint)


def check_addressees(registry: Registry) -> Iterator[Problem]:
    """A plan's addressees are units, or the groups a Nơi nhận writes ("… có tên trong KH",
    "Các Sở, ban, ngành thuộc Thành phố"); a task's "Các Sở, ngành, đơn vị" or "Các cơ quan,
    đơn vị khác" needs them, else it would mean nobody (or, worse, be guessed)."""
    for plan, result in registry.plans.values():
        registry.scope(plan.id)  # worked out once here: the cached registry keeps it for `due`
        for index, addressee in enumerate(plan.addressees):
            found = registry.resolve(addressee.name)
            if found is not None and found.group not in (None, "named", "city"):
                yield result.problem(
                    ("addressees", index, "name"),
                    "bad-addressee",
                    f"“{addressee.name}” không chỉ đơn vị cụ thể nào, không dùng làm nơi nhận",
                    "ghi từng đơn vị, hoặc dòng của văn bản như “Các Sở, ban, ngành có tên "
                    "trong KH” / “Các Sở, ban, ngành thuộc Thành phố”",
                )
    for entry in registry.tasks.values():
        found_plan = registry.plans.get(entry.plan)
        if found_plan is None or found_plan[0].addressees:
            continue
        for field in ("lead", "support"):
            for index, name in enumerate(getattr(entry.task, field)):
                found = registry.resolve(name)
                if found is not None and found.group in ("addressees", "others"):
                    yield entry.result.problem(
                        (field, index),
                        "no-addressees",
                        f"“{name}” là các đơn vị văn bản gửi tới, nhưng plan.yaml của "
                        f"{entry.plan} chưa ghi nơi nhận (addressees)",
                        "chép Kính gửi / Nơi nhận của văn bản vào addressees trong plan.yaml",
                    )


def check_progress_by(registry: Registry) -> Iterator[Problem]:
    """On a task with several leads, each entry says whose share it records (`by`), and a
    done entry by a unit that does not lead the task closes nobody's share."""
    units = registry.units
    for entry in registry.tasks.values():
        if not entry.task.progress or not units.shared(entry.task.lead):
            continue
        scope = registry.scope(entry.plan)
        leads = {units.top(unit) for name in entry.task.lead
                 for unit in getattr(units.meaning(name, scope), "units", ())}  # fmt: skip
        for index, progress in enumerate(entry.task.progress):
            if progress.by is None:
                yield entry.result.problem(
                    ("progress", index),
                    "progress-without-unit",
                    "nhiệm vụ có nhiều đơn vị chủ trì: mục tiến độ phải ghi đơn vị (by)",
                    'thêm by: "<đơn vị>"; mỗi đơn vị chủ trì ghi phần việc của mình',
                )
                continue
            found = registry.resolve(progress.by)
            if progress.done and found and not {units.top(u) for u in found.units} & leads:
                yield entry.result.problem(
                    ("progress", index, "by"),
                    "progress-by-not-lead",
                    f"“{progress.by}” không chủ trì nhiệm vụ này: mục hoàn thành không được "
                    "tính cho đơn vị nào",
                    "ghi by là đơn vị chủ trì đã làm xong phần của mình",
                    "warning",
                )


CHECKS: list[Check] = [
    check_departments,
    check_unit_names,
    check_partly_merged_names,
    check_staff_unit_names,
    check_awaited_issuers,
    check_leads_name_someone,
    check_deadline_set,
    check_deadline_years,
    check_plan_of_tasks,
    check_duplicate_titles,
    check_progress_years,
    check_plans,
    check_agreements,
    check_reports,
    check_addressees,
    check_progress_by,
]


def run_checks(registry: Registry) -> list[Problem]:
    return [problem for check in CHECKS for problem in check(registry)]
