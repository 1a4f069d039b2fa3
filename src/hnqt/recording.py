"""Recording what staff did — progress on a task, the awaited document of a task, a unit's
yearly report, a new record — as one change to one file of the registry.

Names are taken as staff type them (`SYT`, `so y te`) and written canonically. The change is
checked by the predicate `validate` applies (the file alone, then the whole registry with the
file changed) before anything is written; it is written under the file's lock, only inside the
registry and never through a link. A refused change leaves every file as it was.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .choices import NewKind
from .editing import Append, Change, Put, edit_text, new_text
from .layout import DATA, classify, plan_file, schema_comment, task_file_stem
from .problems import Problem, UsageError
from .queries import check_plan, find_record, find_unit
from .registry import Registry, TaskEntry
from .statuses import Status


@dataclass(frozen=True, slots=True)
class FileChange:
    """Changes to one file (`changes`), or a new file's whole data (`data`)."""

    rel: str
    kind: str
    summary: str  # what is recorded, in words
    changes: tuple[Change, ...] = ()
    data: dict[str, object] | None = None
    subject: str = ""  # the task or report item whose status the change moves
    unit: str | None = None  # the unit whose report it is


@dataclass(eq=False)
class Outcome:
    """What an edit did: the lines it added and removed, and the registry as it now stands."""

    rel: str
    summary: str
    removed: list[str]
    added: list[str]
    registry: Registry
    warnings: list[Problem] = field(default_factory=list)
    status: Status | None = None  # of the task or report the change is about, as of the day


def find_task(registry: Registry, ident: str) -> TaskEntry:
    kind, found = find_record(registry, ident)
    if kind != "task" or not isinstance(found, TaskEntry):
        raise UsageError(f"“{ident}” không phải một nhiệm vụ", "ghi dạng kế_hoạch/mã: kh-nq59/V.19")
    return found


def _order(kind: str, path: tuple[str | int, ...] = ()) -> tuple[str, ...]:
    from .validation import RECORD_TYPES, fields_at

    return tuple(fields_at(RECORD_TYPES[kind], path))


def _text(value: str | None, option: str) -> str | None:
    """A text option: trimmed; given but empty is a mistake, not a blank field."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        raise UsageError(f"{option} không được để trống", f"ghi nội dung sau {option}")
    return value


def progress(
    registry: Registry,
    ident: str,
    *,
    note: str,
    day: date,
    year: int | None = None,
    done: bool = False,
    document: str | None = None,
    by: str | None = None,
) -> FileChange:
    """A progress entry appended to a task; an annual task's entry covers the year of its day
    unless `year` says otherwise."""
    entry = find_task(registry, ident)
    if year is None and entry.deadline is not None and entry.deadline.yearly:
        year = day.year
    item: dict[str, object] = {"date": day.isoformat()}
    if year is not None:
        item["year"] = year
    if by is not None:
        item["by"] = registry.units.canonical_name(find_unit(registry, by))
    elif registry.units.shared(entry.task.lead):
        raise UsageError(
            f"{entry.id} có nhiều đơn vị chủ trì ({'; '.join(entry.task.lead)}): ghi đơn vị "
            "của phần việc này",
            f'thêm --by ĐƠN_VỊ, ví dụ: hnqt progress {entry.id} --note "…" --by SYT',
        )
    item["note"] = _text(note, "--note")
    if document is not None:
        item["document"] = _text(document, "--document")
    if done:
        item["done"] = True
    ordered = {key: item[key] for key in _order("task", ("progress", 0)) if key in item}
    words = "hoàn thành" if done else "tiến độ"
    return FileChange(
        entry.result.rel,
        "task",
        f"ghi {words} của {entry.id} ngày {day:%d/%m/%Y}",
        (Append(("progress",), ordered, _order("task")),),
        subject=entry.id,
    )


def event(
    registry: Registry,
    ident: str,
    *,
    day: date,
    document: str | None = None,
    days_after: int | None = None,
) -> FileChange:
    """The awaited document of a task, issued on `day`: the task then has a date."""
    entry = find_task(registry, ident)
    deadline = entry.deadline
    if deadline is None or not deadline.awaits_event:
        raise UsageError(
            f"thời hạn của {entry.id} (“{entry.task.deadline_text}”) không chờ văn bản nào",
            "lệnh event chỉ dành cho nhiệm vụ có thời hạn dạng “Khi … ban hành”",
        )
    if deadline.event_date is not None:
        raise UsageError(
            f"{entry.id} đã ghi văn bản ngày {deadline.event_date:%d/%m/%Y}",
            f"sửa trực tiếp trong {entry.result.rel} nếu cần",
        )
    recorded: dict[str, object] = {"date": day.isoformat()}
    if document is not None:
        recorded["document"] = _text(document, "--document")
    spec: dict[str, object] = {"text": entry.task.deadline_text, "event": recorded}
    if days_after is not None:
        spec["days_after"] = days_after
    if isinstance(entry.task.deadline, str):
        changes: tuple[Change, ...] = (Put(("deadline",), spec),)
    else:
        order = _order("task", ("deadline",))
        changes = tuple(Put(("deadline", key), spec[key], order) for key in spec if key != "text")
    return FileChange(
        entry.result.rel,
        "task",
        f"ghi văn bản được chờ của {entry.id}, ban hành ngày {day:%d/%m/%Y}",
        changes,
        subject=entry.id,
    )


def report_submitted(
    registry: Registry,
    plan: str,
    *,
    unit: str,
    year: int,
    day: date,
    document: str | None = None,
) -> FileChange:
    """A unit's yearly report under a plan's reporting rule (reports.yaml is made if missing)."""
    check_plan(registry, plan)
    found = find_unit(registry, unit)
    _check_year(registry, plan, year)
    item: dict[str, object] = {
        "unit": registry.units.canonical_name(found),
        "year": year,
        "date": day.isoformat(),
    }
    if document is not None:
        item["document"] = _text(document, "--document")
    rel = f"{DATA}/plans/{plan}/reports.yaml"
    summary = f"ghi báo cáo năm {year} của {item['unit']} theo {plan}, gửi ngày {day:%d/%m/%Y}"
    subject = f"{plan}/bao-cao/{year}"
    if rel not in registry.files:
        return FileChange(rel, "reports", summary, data={"reports": [item]}, subject=subject,
                          unit=found.id)  # fmt: skip
    return FileChange(rel, "reports", summary, (Append(("reports",), item),), subject=subject,
                      unit=found.id)  # fmt: skip


def _check_year(registry: Registry, plan_id: str, year: int) -> None:
    """--year must be a year of the plan's period (in a file, validate only warns of it)."""
    period = registry.plans[plan_id][0].period
    if period is not None and year not in period.years:
        raise UsageError(
            f"năm {year} ngoài thời kỳ của {plan_id} ({period.start.year}–{period.end.year})",
            "ghi năm của kỳ báo cáo, ví dụ --year 2026",
        )


def new_record(registry: Registry, kind: NewKind, values: dict[str, object]) -> FileChange:
    """A new task, plan, agreement or partner file from the values given (unit names made
    canonical; fields in the order the schema lists them)."""
    ident = str(values.get("code" if kind == "task" else "id", ""))
    if kind == "task":
        plan = str(values.pop("plan", ""))
        check_plan(registry, plan)
        rel = f"{DATA}/plans/{plan}/tasks/{task_file_stem(ident)}.yaml"
        for key in ("lead", "support"):  # one unit canonically; a group as typed
            names = values.get(key)
            if isinstance(names, list):
                values[key] = [registry.units.canonical(name) or name for name in names]
    elif kind == "plan":
        rel = plan_file(ident)
        issuer = values.get("issuer")
        if isinstance(issuer, str):
            values["issuer"] = registry.units.canonical(issuer) or issuer
    else:
        rel = f"{DATA}/{kind}s/{ident}.yaml"
    if rel in registry.files or (registry.root / rel).exists():
        raise UsageError(f"đã có {rel}", "chọn mã khác, hoặc sửa tệp đó")
    data = {key: values[key] for key in _order(kind) if values.get(key) not in (None, "", [])}
    subject = f"{plan}/{ident}" if kind == "task" else ""
    return FileChange(rel, kind, f"tạo {rel}", data=data, subject=subject)


def target_path(root: Path, rel: str) -> Path:
    """The file an edit writes: inside the registry, of a kind it holds, reached through no link."""
    parts = tuple(rel.split("/"))
    if parts[0] != DATA or classify(parts[1:]) is None or ".." in parts:
        raise UsageError(f"“{rel}” không phải một tệp của sổ đăng ký", "")
    current = root
    for part in parts:
        current = current / part
        if current.is_symlink():
            raise UsageError(
                f"“{current}” là liên kết (symlink): hnqt không ghi qua liên kết",
                "đặt tệp thật vào sổ đăng ký thay cho liên kết",
            )
    return current


def apply(registry: Registry, change: FileChange, as_of: date) -> Outcome:
    """Check the change as `validate` would, then write it under the file's lock."""
    from .loading import with_file
    from .reading import read_text
    from .writing import locked, prepare_folder

    path = target_path(registry.root, change.rel)
    creating = change.data is not None
    if creating and path.exists():
        raise UsageError(f"đã có {change.rel}", "chọn mã khác, hoặc sửa tệp đó")
    if not creating and not path.is_file():
        raise UsageError(f"không có tệp {change.rel}", "chạy `hnqt validate` để xem sổ đăng ký")
    raw = None if creating else path.read_bytes()
    old_text = "" if raw is None else _decoded(raw, change.rel)
    if change.data is not None:
        text = new_text(schema_comment(change.rel, change.kind), change.data)
    else:
        text = edit_text(old_text, change.changes, change.rel)
    after = with_file(registry, read_text(text, change.rel, change.kind))
    _refuse_new_errors(registry, after, change.rel)
    if creating:
        prepare_folder(path.parent)
    with locked(path) as lock:
        lock.commit(text, raw)  # refused if the file changed since it was read
    removed, added = changed_lines(old_text, text)
    warnings = _new_problems(registry, after, change.rel, "warning")
    return Outcome(change.rel, change.summary, removed, added, after, warnings,
                   status_after(after, change, as_of))  # fmt: skip


def status_after(registry: Registry, change: FileChange, as_of: date) -> Status | None:
    """Where the task or the report the change is about now stands."""
    from .obligations import current_status, report_items, units_within

    if change.subject in registry.tasks:
        return current_status(registry, registry.tasks[change.subject], as_of)
    if change.unit is not None:
        for item in report_items(registry, as_of, units_within(registry, change.unit)):
            if item.id == change.subject:
                return item.status
    return None


def _decoded(raw: bytes, rel: str) -> str:
    from .yamlio import decoded

    text, _ = decoded(raw, rel)
    if text is None:
        raise UsageError(
            f"“{rel}” không đọc được (mã hóa hay kích thước) nên hnqt không sửa",
            f"chạy `hnqt validate {rel}`, sửa lỗi rồi chạy lại",
        )
    return text


def _new_problems(before: Registry, after: Registry, rel: str, severity: str) -> list[Problem]:
    """The problems of a file after a change that it did not have before (positions aside)."""
    old = Counter((p.code, p.message) for p in before.problems if p.file == rel)
    found = []
    for problem in after.problems:
        if problem.file != rel or problem.severity != severity:
            continue
        if old[problem.code, problem.message] > 0:
            old[problem.code, problem.message] -= 1
        else:
            found.append(problem)
    return found


def _refuse_new_errors(before: Registry, after: Registry, rel: str) -> None:
    """The edit may not add an error to the file (errors it already had are its own)."""
    new = _new_problems(before, after, rel, "error")
    if new:
        details = "; ".join(f"{p.code}: {p.message}" for p in new[:3])
        raise UsageError(
            f"thay đổi này làm {rel} có lỗi ({details}); chưa ghi gì",
            new[0].hint or "kiểm tra lại giá trị đã nhập",
        )


def changed_lines(old: str, new: str) -> tuple[list[str], list[str]]:
    """(lines removed, lines added) between two texts, in order."""
    removed: list[str] = []
    added: list[str] = []
    a, b = old.splitlines(), new.splitlines()
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag != "equal":
            removed += a[a1:a2]
            added += b[b1:b2]
    return removed, added
