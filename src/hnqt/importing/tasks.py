"""Task drafts -> task files. Each draft becomes the text of its file and is checked exactly as
`hnqt validate` checks a file on disk (the same reader, the same cross-file checks against the
registry: units through its directory, deadlines through its parser). Only then is anything
written: a new file whole, an existing file only in the fields that changed."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..appendix import progress_entry, show_progress, source_ref, text_value
from ..layout import plan_file, task_file_stem
from ..names import collapse
from ..problems import Problem, UsageError, os_reason
from ..reading import FileResult, read_text
from ..registry import Registry
from ..statuses import STATUS_LABELS
from ..tasktext import TASK_FIELDS, field_at, task_text
from .rows import RowProblem, Table, row_problem
from .table import Appendix, Draft, read_appendix, unit_names

_PLAN_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_CODE = re.compile(r"^[A-Za-z0-9]+([.-][A-Za-z0-9]+)*$")
# Fields a table carries; the rest of a task file (progress history, an awaited event's date)
# is kept as it is.
_CARRIED = tuple(name for name in TASK_FIELDS if name not in ("code", "progress"))


@dataclass
class Change:
    """One field of an existing file that the table changes."""

    field: str
    old: object
    new: object


@dataclass
class Planned:
    """What one row will write: a new file, or changes to the file already there."""

    rel: str
    draft: Draft
    text: str  # the whole file as checked (for a new file: as written)
    raw: bytes | None = None  # the file already there, as read
    changes: list[Change] = field(default_factory=list)

    @property
    def before(self) -> str | None:
        return self.raw.decode("utf-8", errors="replace") if self.raw is not None else None


@dataclass
class Outcome:
    plan: str
    planned: list[Planned]
    problems: list[RowProblem]
    tables: list[int] = field(default_factory=list)  # the tables (sheets) the appendix fills
    new_sections: list[tuple[str, str]] = field(default_factory=list)  # not in plan.yaml yet

    def bad_rows(self) -> set[tuple[int, int]]:
        return {(p.table, p.problem.line) for p in self.problems if p.is_error}

    def good(self) -> list[Planned]:
        bad = self.bad_rows()
        return [p for p in self.planned if (p.draft.row.table, p.draft.row.number) not in bad]


def plan_folder(registry: Registry, plan_id: str) -> str:
    """`data/plans/ID`, for a plan the registry has; UsageError otherwise."""
    if not _PLAN_ID.match(plan_id):
        raise UsageError(
            f"--plan “{plan_id}” không phải mã kế hoạch", "mã chữ thường ASCII: kh-nq59"
        )
    if not registry.has_units:  # unit names could not be checked: nothing is imported blind
        raise UsageError(
            "danh mục đơn vị data/departments.yaml thiếu hoặc có lỗi: không kiểm tra được đơn vị",
            "chạy `hnqt validate`, sửa departments.yaml rồi nhập lại",
        )
    folder = f"data/plans/{plan_id}"
    if plan_id not in registry.plans and plan_file(plan_id) not in registry.files:
        raise UsageError(
            f"chưa có kế hoạch “{plan_id}” ({plan_file(plan_id)})",
            f'tạo kế hoạch trước: hnqt new plan --id {plan_id} --kind plan --title "…" '
            '--issuer "…" (và nơi nhận), '
            "rồi nhập lại",
        )
    return folder


def check_drafts(
    registry: Registry, plan_id: str, appendix: Appendix, source: str, today: date
) -> Outcome:
    """Every draft as the file it would become, checked against the registry as it would be."""
    folder = plan_folder(registry, plan_id)
    outcome = Outcome(plan_id, [], list(appendix.problems), appendix.tables)
    plan = registry.plans.get(plan_id)
    known = {section.code for section in plan[0].sections} if plan else set()
    outcome.new_sections = [s for s in dict(appendix.sections).items() if s[0] not in known]
    results: dict[str, FileResult] = {}
    rows: dict[str, Planned] = {}
    resolves = registry.resolve
    for draft in appendix.drafts:
        index, heading = draft.where("code")
        rel = f"{folder}/tasks/{task_file_stem(draft.code)}.yaml"
        refusal: tuple[str, str, str] | None = None
        if not _CODE.match(draft.code):
            refusal = ("bad-value", f"số thứ tự “{draft.code}” không tạo được mã nhiệm vụ",
                       "ghi số (1, 2, …) dưới một mục La Mã, hoặc mã như V.19")  # fmt: skip
        elif rel in rows:
            first = rows[rel].draft.row
            refusal = ("duplicate-id",
                       f"mã {draft.code} trùng với bảng {first.table}, dòng {first.number}",
                       "mỗi nhiệm vụ một số thứ tự riêng trong mục của nó")  # fmt: skip
        if refusal is not None:
            outcome.problems.append(row_problem(source, draft.row, index, heading, *refusal))
            continue
        data, problems = _draft_data(draft, lambda name: resolves(name) is not None, source, today)
        outcome.problems.extend(problems)
        # Only a file the registry has can exist: a thousand new rows open nothing (one that
        # appears meanwhile is caught when writing, which expects no file there).
        raw = _existing(registry.root / rel) if rel in registry.files else None
        planned = Planned(rel, draft, "", raw)
        if planned.before is not None:
            data, planned.changes = _merged(planned.before, data, draft)
        outcome.problems.extend(_status_ignored(draft, data, source, plan_id))
        planned.text = task_text(rel, data)
        results[rel] = read_text(planned.text, rel, "task")
        rows[rel] = planned
        outcome.planned.append(planned)
    for problem in _validated(registry, results):
        planned = rows[problem.file]
        column = field_at(planned.text, problem.line) or ""
        index, heading = planned.draft.where(column)
        message = problem.message if index is not None else f"{column}: {problem.message}"
        outcome.problems.append(
            row_problem(
                source,
                planned.draft.row,
                index,
                heading,
                problem.code,
                message,
                problem.hint,
                problem.severity,
            )
        )
    return outcome


_DONE_LABELS = {STATUS_LABELS["done_on_time"], STATUS_LABELS["done_late"]}


def _status_ignored(draft: Draft, data: dict[str, object], source: str,
                    plan_id: str) -> list[RowProblem]:  # fmt: skip
    """The status column offers a list, but hnqt computes status from progress: a task marked
    done there and nowhere else is told how to record it, not silently left open."""
    marked = collapse(draft.values.get("status", ""))
    progress = data.get("progress")
    done = isinstance(progress, list) and any(
        isinstance(p, dict) and p.get("done") for p in progress
    )
    if marked not in _DONE_LABELS or done:
        return []
    index, heading = draft.where("status")
    return [row_problem(
        source, draft.row, index, heading, "ignored-cell",
        f"“{marked}” ở cột Trạng thái không được ghi lại: trạng thái do hnqt tính từ tiến độ",
        f'ghi hoàn thành bằng: hnqt progress {plan_id}/{draft.code} --done --note "…"',
        "warning",
    )]  # fmt: skip


def _validated(registry: Registry, results: dict[str, FileResult]) -> list[Problem]:
    """The problems `validate` would report in these files, were they written."""
    from ..checks import run_checks
    from ..registry import assemble

    whole = assemble(registry.root, {**registry.files, **results})
    found = [problem for result in results.values() for problem in result.problems]
    found.extend(problem for problem in run_checks(whole) if problem.file in results)
    return found


def _existing(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UsageError(
            f"không đọc được “{path}”: {os_reason(exc)}", "chạy `hnqt validate`"
        ) from None


def _draft_data(
    draft: Draft, units: Callable[[str], bool], source: str, today: date
) -> tuple[dict[str, object], list[RowProblem]]:
    """The fields of a task file from the cells of its row; `units` tells whether a name
    answers to a unit or group of the registry."""
    values = draft.values
    data: dict[str, object] = {"code": draft.code, "title": text_value(values["title"])}
    data["lead"] = unit_names(values["lead"], units)
    if "support" in values:
        data["support"] = unit_names(values["support"], units)
    for name in ("output", "field", "notes"):
        if text_value(values.get(name, "")):
            data[name] = text_value(values[name])
    data["deadline"] = collapse(values["deadline"])
    problems: list[RowProblem] = []
    if values.get("articles", "").strip():
        parts = [part.strip() for part in re.split(r"[,;\s]+", values["articles"]) if part.strip()]
        if all(part.isdigit() for part in parts):
            data["articles"] = [int(part) for part in parts]
        else:
            index, heading = draft.where("articles")
            problems.append(
                row_problem(
                    source,
                    draft.row,
                    index,
                    heading,
                    "bad-value",
                    f"“{collapse(values['articles'])}” không phải số điều",
                    "ghi số điều cách nhau bằng dấu phẩy: 5, 6",
                )
            )
    found = source_ref(values.get("source", ""))
    data["source"] = found or {"file": source, "ref": f"bảng {draft.row.table}, {draft.code}"}
    entry = progress_entry(values.get("progress", ""), today)
    if entry is not None:
        data["progress"] = [entry]
    return data, problems


def _merged(
    before: str, data: dict[str, object], draft: Draft
) -> tuple[dict[str, object], list[Change]]:
    """The existing file's data with the table's fields over it, and what that changes. A cell
    left empty does not remove what the file holds; the progress column adds an entry when it
    differs from the file's last one."""
    from ..yamlio import parse

    doc, _ = parse(before, "")
    old: dict[str, object] = (
        dict(doc.data) if doc is not None and isinstance(doc.data, dict) else {}
    )
    merged = dict(old)
    changes: list[Change] = []
    for name in _CARRIED:
        if name not in draft.values or name not in data:
            continue
        new, was = data[name], old.get(name)
        if new in ("", []) and was:
            continue
        if name == "deadline" and isinstance(was, dict):  # an awaited event stays recorded
            if was.get("text") != new:
                merged[name] = {**was, "text": new}
                changes.append(Change("deadline.text", was.get("text"), new))
            continue
        if was != new:
            merged[name] = new
            changes.append(Change(name, was, new))
    entries = data.get("progress")
    if isinstance(entries, list):
        history = old.get("progress")
        last = history[-1] if isinstance(history, list) and history else None
        if not _same_progress(last, entries[0], draft.values.get("progress", "")):
            merged["progress"] = [*(history if isinstance(history, list) else []), entries[0]]
            changes.append(Change("progress", None, entries[0]))
    return {key: merged[key] for key in (*TASK_FIELDS, *merged) if key in merged}, changes


def _same_progress(last: object, entry: dict[str, object], cell: str) -> bool:
    """The cell shows the file's last entry (as the export wrote it, or its note alone)."""
    if not isinstance(last, dict):
        return False
    day = last.get("date")
    note = last.get("note")
    shown = text_value(cell)
    dated = isinstance(day, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", day)
    if dated and shown == show_progress(date.fromisoformat(str(day)), _text(note)):
        return True
    return isinstance(note, str) and text_value(note) == entry.get("note")


def import_tables(
    registry: Registry,
    tables: list[Table],
    plan_id: str,
    source: str,
    start: int | None,
    today: date,
) -> Outcome:
    """Read the appendix from a document's tables and check every row against the registry."""
    return check_drafts(registry, plan_id, read_appendix(tables, source, start), source, today)


def write(root: Path, planned: list[Planned]) -> None:
    """New files whole, existing files through the comment-preserving edit (only the changed
    fields), as one batch: every edit is made and every file locked before the first is
    replaced; a file that changed (or appeared) since it was read is not overwritten."""
    from ..writing import write_files

    texts: dict[Path, tuple[str | bytes, object]] = {}
    for item in planned:
        if item.raw is None:
            texts[root / item.rel] = (item.text, None)
        elif item.changes:
            texts[root / item.rel] = (_edited(item), item.raw)
    write_files(texts)


def _edited(item: Planned) -> str:
    from ..editing import Append, Put, edit_text

    changes: list[Append | Put] = []
    for change in item.changes:
        if change.field == "progress":
            changes.append(Append(("progress",), change.new, TASK_FIELDS))
        else:
            changes.append(Put(tuple(change.field.split(".")), change.new, TASK_FIELDS))
    assert item.before is not None
    return edit_text(item.before, changes, item.rel)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
