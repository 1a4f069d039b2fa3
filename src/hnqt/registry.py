"""Finding the registry, reading every file (through the cache) and assembling a Registry."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import cache
from .cache import Stamp
from .deadlines import Deadline, DeadlineError, parse_deadline_of
from .model import Agreement, Departments, Partner, Plan, Reports, Task
from .problems import Problem, Severity, UsageError
from .units import Resolution, UnitDirectory

if TYPE_CHECKING:
    from .yamlio import PathKey, Position

MARKER = "hnqt.toml"
DATA = "data"
DEPARTMENTS_FILE = f"{DATA}/departments.yaml"
# Positions kept after parsing: the fields that later checks point at (other files' names).
_KEPT_FIELDS = {
    "task": {"code", "lead", "support", "deadline", "progress", "title"},
    "plan": {
        "id",
        "issuer",
        "recipients",
        "agreement",
        "reporting",
        "budget",
        "indicators",
        "sections",
    },
    "agreement": {"id", "partners", "follow_up", "articles", "activities", "term"},
    "partner": {"id"},
    "departments": {"units", "groups"},
    "reports": {"reports"},
}

# Where each kind of file names units ("*": every item of a list). Read from the parsed data,
# not the record, so a unit is checked even in a file with other errors: one run tells all.
UNIT_FIELDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "task": (("lead", "*"), ("support", "*"), ("progress", "*", "by")),
    "plan": (
        ("issuer",),
        ("recipients", "*"),
        ("reporting", "to"),
        ("budget", "unit"),
        ("indicators", "*", "monitors", "*"),
    ),
    "agreement": (
        ("follow_up",),
        ("articles", "*", "units", "*"),
        ("activities", "*", "units", "*"),
    ),
    "reports": (("reports", "*", "unit"),),
}


def unit_names(kind: str, data: object) -> tuple[tuple[PathKey, str], ...]:
    """Every unit name written in a file's data, with its path."""
    found: list[tuple[PathKey, str]] = []

    def walk(value: object, pattern: tuple[str, ...], path: PathKey) -> None:
        if not pattern:
            if isinstance(value, str):
                found.append((path, value))
        elif pattern[0] == "*":
            if isinstance(value, list):
                for index, item in enumerate(value):
                    walk(item, pattern[1:], (*path, index))
        elif isinstance(value, dict) and pattern[0] in value:
            walk(value[pattern[0]], pattern[1:], (*path, pattern[0]))

    for pattern in UNIT_FIELDS.get(kind, ()):
        walk(data, pattern, ())
    return tuple(found)


def find_root(explicit: str | None = None, start: Path | None = None) -> Path:
    """The registry root: --registry, else HNQT_REGISTRY, else walk up like git finds `.git`."""
    chosen = explicit or os.environ.get("HNQT_REGISTRY")
    if chosen:
        root = Path(chosen).expanduser().resolve()
        if not (root / DATA).is_dir():
            raise UsageError(
                f"“{chosen}” không phải sổ đăng ký hnqt (không có thư mục {DATA}/)",
                "chỉ đến thư mục chứa data/ và hnqt.toml",
            )
        return root
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MARKER).is_file() and (folder / DATA).is_dir():
            return folder
    raise UsageError(
        "không tìm thấy sổ đăng ký hnqt từ thư mục hiện tại trở lên",
        "chạy lệnh trong thư mục của sổ đăng ký (có data/ và hnqt.toml), "
        "hoặc dùng --registry ĐƯỜNG_DẪN hay biến HNQT_REGISTRY",
    )


def classify(parts: tuple[str, ...]) -> str | None:
    """The kind of record a file under data/ holds, from where it stands."""
    match parts:
        case ("departments.yaml",):
            return "departments"
        case ("partners", name) if name.endswith(".yaml"):
            return "partner"
        case ("agreements", name) if name.endswith(".yaml"):
            return "agreement"
        case ("plans", _, "plan.yaml"):
            return "plan"
        case ("plans", _, "reports.yaml"):
            return "reports"
        case ("plans", _, "tasks", name) if name.endswith(".yaml"):
            return "task"
    return None


def task_file_stem(code: str) -> str:
    """`V.19` is kept in `V-19.yaml`."""
    return code.replace(".", "-")


@dataclass(eq=False)
class FileResult:
    """Everything one file contributes, computed from that file alone (what the cache keeps)."""

    rel: str
    kind: str
    record: object | None
    problems: tuple[Problem, ...]
    positions: dict[PathKey, Position] = field(default_factory=dict)
    deadline: Deadline | None = None
    units: tuple[tuple[PathKey, str], ...] = ()  # every unit name written, with its path

    def problem(self, path: PathKey, code: str, message: str, hint: str = "",
                severity: Severity = "error") -> Problem:  # fmt: skip
        """A problem at the value found at `path` in this file."""
        line, column = self.at(*path)
        return Problem(self.rel, line, column, code, message, hint, severity)

    def at(self, *path: str | int) -> Position:
        """Where a value stands, or its nearest recorded ancestor."""
        from .yamlio import nearest

        return nearest(self.positions, tuple(path))


def read_file(path: Path, rel: str, kind: str) -> FileResult:
    """Parse and validate one file; positions kept only where later checks need them."""
    from .validation import validate
    from .yamlio import read

    doc, problems = read(path, rel)
    if doc is None:
        return FileResult(rel, kind, None, tuple(problems))
    record, invalid = validate(kind, doc, rel)
    problems.extend(invalid)
    kept = _KEPT_FIELDS[kind]
    positions = {p: pos for p, pos in doc.values.items() if not p or p[0] in kept}
    result = FileResult(rel, kind, record, (), positions, units=unit_names(kind, doc.data))
    if isinstance(record, Task):
        result.deadline, deadline_problem = _deadline(record, result)
        problems.extend(deadline_problem)
    problems.extend(_identity_problems(record, rel, result))
    result.problems = tuple(problems)
    return result


def _deadline(task: Task, result: FileResult) -> tuple[Deadline | None, list[Problem]]:
    from .deadlines import ACCEPTED_FORMS

    try:
        return parse_deadline_of(task), []
    except DeadlineError as exc:
        hint = "các dạng được chấp nhận: " + "; ".join(ACCEPTED_FORMS)
        return None, [result.problem(("deadline",), "bad-deadline", str(exc), hint)]


def _identity_problems(record: object, rel: str, result: FileResult) -> list[Problem]:
    """A record's id must be the name of its file (or folder): that is how it is found."""
    parts = rel.split("/")
    stem = parts[-1].removesuffix(".yaml")
    if isinstance(record, Partner | Agreement):
        expected, got, where = stem, record.id, "id"
    elif isinstance(record, Plan):
        expected, got, where = parts[-2], record.id, "id"
    elif isinstance(record, Task):
        expected, got, where = stem, task_file_stem(record.code), "code"
    else:
        return []
    if expected == got:
        return []
    fix = f"{got}.yaml" if not isinstance(record, Plan) else f"thư mục plans/{got}/"
    # A task's code is written with dots (I.2) where its file name has hyphens (I-2.yaml).
    wanted = expected.replace("-", ".") if isinstance(record, Task) else expected
    return [
        result.problem(
            (where,),
            "id-mismatch",
            f"{where} “{getattr(record, where)}” không khớp tên tệp “{parts[-1]}”",
            f"đổi {where} thành “{wanted}” hoặc đổi tên thành {fix}",
        )
    ]


@dataclass(eq=False)
class TaskEntry:
    plan: str
    task: Task
    deadline: Deadline | None
    result: FileResult

    @property
    def id(self) -> str:
        return f"{self.plan}/{self.task.code}"


@dataclass(eq=False)
class Registry:
    root: Path
    files: dict[str, FileResult]
    departments: Departments
    units: UnitDirectory
    partners: dict[str, tuple[Partner, FileResult]]
    agreements: dict[str, tuple[Agreement, FileResult]]
    plans: dict[str, tuple[Plan, FileResult]]
    tasks: dict[str, TaskEntry]
    reports: dict[str, tuple[Reports, FileResult]]
    problems: list[Problem] = field(default_factory=list)
    discovered: list[Problem] = field(default_factory=list)  # from walking data/, not files

    @property
    def has_units(self) -> bool:
        """Unit names can be checked only against a departments file that was read."""
        found = self.files.get(DEPARTMENTS_FILE)
        return found is not None and found.record is not None

    def resolve(self, name: str) -> Resolution | None:
        found = self.units.resolve(name)
        return found if isinstance(found, Resolution) else None

    def checked(self) -> Checked:
        return Checked(self.root, tuple(self.files), self.problems, self.discovered)

    def tasks_of(self, plan_id: str) -> list[TaskEntry]:
        return [entry for entry in self.tasks.values() if entry.plan == plan_id]


def discover(root: Path) -> tuple[dict[str, tuple[str, str | None, Stamp]], list[Problem]]:
    """Every YAML file under data/: rel path -> (path, kind, stamp). Links out are refused."""
    found: dict[str, tuple[str, str | None, Stamp]] = {}
    problems: list[Problem] = []
    real_root = os.path.realpath(root)
    stack = [(os.path.join(root, DATA), DATA)]
    while stack:
        folder, rel_folder = stack.pop()
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
        for entry in entries:
            rel = f"{rel_folder}/{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                stack.append((entry.path, rel))
                continue
            if entry.is_symlink():
                if entry.is_dir():
                    problems.append(
                        Problem(
                            rel,
                            1,
                            1,
                            "symlink",
                            "thư mục liên kết (symlink) không được đọc",
                            "đặt tệp thật vào sổ đăng ký thay cho liên kết",
                        )
                    )
                    continue
                target = os.path.realpath(entry.path)
                if os.path.commonpath([target, real_root]) != real_root:
                    problems.append(
                        Problem(
                            rel,
                            1,
                            1,
                            "symlink-outside",
                            "liên kết trỏ ra ngoài sổ đăng ký; tệp không được đọc",
                            "chép nội dung vào sổ đăng ký thay cho liên kết",
                        )
                    )
                    continue
            stem, dot, suffix = entry.name.rpartition(".")
            if dot and suffix.lower() in ("yml", "yaml") and suffix != "yaml":
                # `.yml` or `.YAML` would otherwise be skipped without a word.
                problems.append(
                    Problem(
                        rel,
                        1,
                        1,
                        "unexpected-file",
                        "tệp YAML của sổ đăng ký dùng đuôi .yaml (chữ thường)",
                        f"đổi tên thành {stem}.yaml",
                    )
                )
            elif entry.name.endswith(".yaml") and entry.is_file():
                stat = entry.stat()
                kind = classify(tuple(rel.split("/")[1:]))
                found[rel] = (entry.path, kind, (stat.st_size, stat.st_mtime_ns))
    return found, problems


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root.resolve())
    except ValueError:
        return False
    return True


@dataclass(eq=False)
class Checked:
    """What `validate` reports: the files read and every problem found."""

    root: Path
    files: tuple[str, ...]
    problems: list[Problem]
    discovered: list[Problem]  # from walking data/, before any file is read


def check(root: Path, *, use_cache: bool = True) -> Checked:
    """The problems of the registry; a warm cache answers without reading the registry back."""
    files, discovered = discover(root)
    stamps = {rel: stamp for rel, (_, _, stamp) in files.items()}
    snapshot = cache.load(root) if use_cache else None
    summary = snapshot.summary if snapshot else None
    if snapshot and snapshot.stamps == stamps and isinstance(summary, Checked) \
            and summary.discovered == discovered:  # fmt: skip
        summary.root = root
        return summary
    return _refresh(root, files, discovered, snapshot, use_cache).checked()


def load(root: Path, *, use_cache: bool = True) -> Registry:
    """Read the whole registry (only changed files, when the cache is warm) and check it."""
    files, discovered = discover(root)
    stamps = {rel: stamp for rel, (_, _, stamp) in files.items()}
    snapshot = cache.load(root) if use_cache else None
    if snapshot is not None and snapshot.stamps == stamps:
        old = snapshot.registry()
        if isinstance(old, Registry) and old.discovered == discovered:
            old.root = root
            return old
    return _refresh(root, files, discovered, snapshot, use_cache)


def _refresh(
    root: Path,
    files: dict[str, tuple[str, str | None, Stamp]],
    discovered: list[Problem],
    snapshot: cache.Snapshot | None,
    use_cache: bool,
) -> Registry:
    """Read what changed since the snapshot (everything without one), check, save."""
    old = snapshot.registry() if snapshot is not None else None
    previous = old.files if isinstance(old, Registry) else {}
    old_stamps = snapshot.stamps if snapshot is not None else {}
    problems = list(discovered)
    results: dict[str, FileResult] = {}
    for rel, (path, kind, stamp) in sorted(files.items()):
        if kind is None:
            problems.append(Problem(rel, 1, 1, "unexpected-file",
                                    "tệp không thuộc loại nào của sổ đăng ký",
                                    "xem cách xếp thư mục trong docs/data-format.md"))  # fmt: skip
        elif rel in previous and old_stamps.get(rel) == stamp:
            results[rel] = previous[rel]
        else:
            results[rel] = read_file(Path(path), rel, kind)
    registry = assemble(root, results)
    registry.discovered = discovered
    registry.problems[:0] = problems
    if use_cache:
        stamps = {rel: stamp for rel, (_, _, stamp) in files.items()}
        cache.save(root, stamps, registry.checked(), registry)
    return registry


def assemble(root: Path, results: dict[str, FileResult]) -> Registry:
    """Put the records together and run the cross-file checks."""
    from .checks import run_checks

    departments = Departments(units=())
    partners: dict[str, tuple[Partner, FileResult]] = {}
    agreements: dict[str, tuple[Agreement, FileResult]] = {}
    plans: dict[str, tuple[Plan, FileResult]] = {}
    reports: dict[str, tuple[Reports, FileResult]] = {}
    tasks: dict[str, TaskEntry] = {}
    for rel, result in results.items():
        record = result.record
        if isinstance(record, Departments):
            departments = record
        elif isinstance(record, Partner):
            partners.setdefault(record.id, (record, result))
        elif isinstance(record, Agreement):
            agreements.setdefault(record.id, (record, result))
        elif isinstance(record, Plan):
            plans.setdefault(record.id, (record, result))
        elif isinstance(record, Reports):
            reports[rel.split("/")[-2]] = (record, result)
        elif isinstance(record, Task):
            plan_id = rel.split("/")[-3]
            entry = TaskEntry(plan_id, record, result.deadline, result)
            tasks.setdefault(entry.id, entry)
    registry = Registry(
        root,
        results,
        departments,
        UnitDirectory(departments),
        partners,
        agreements,
        plans,
        tasks,
        reports,
    )
    for result in results.values():
        registry.problems.extend(result.problems)
    registry.problems.extend(run_checks(registry))
    return registry


def select_files(checked: Checked, paths: list[Path]) -> tuple[int, list[Problem]]:
    """The files and problems under the given paths (all when none are given)."""
    if not paths:
        return len(checked.files), checked.problems
    prefixes = []
    for given in paths:
        absolute = given.resolve()
        if not absolute.exists():
            raise UsageError(f"không có tệp hay thư mục “{given}”")
        if not _inside(absolute, checked.root):
            raise UsageError(f"“{given}” nằm ngoài sổ đăng ký {checked.root}")
        prefixes.append(absolute.relative_to(checked.root.resolve()).as_posix())

    def chosen(rel: str) -> bool:
        return any(
            p in ("", ".") or rel == p or rel.startswith(p.rstrip("/") + "/") for p in prefixes
        )

    files = sum(1 for rel in checked.files if chosen(rel))
    return files, [p for p in checked.problems if chosen(p.file)]
