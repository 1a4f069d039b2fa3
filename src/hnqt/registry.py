"""Finding the registry, reading every file (through the cache) and assembling a Registry."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import cache
from .deadlines import Deadline, DeadlineError, parse_deadline_of
from .model import Agreement, Departments, Partner, Plan, Reports, Task
from .problems import Problem, UsageError
from .units import Resolution, UnitDirectory

if TYPE_CHECKING:
    from .yamlio import PathKey, Position

MARKER = "hnqt.toml"
DATA = "data"
# Positions kept after parsing: the fields that later checks point at (other files' names).
_KEPT_FIELDS = {
    "task": {"code", "lead", "support", "deadline", "progress", "title"},
    "plan": {"id", "issuer", "agreement", "reporting", "budget", "indicators", "sections"},
    "agreement": {"id", "partners", "follow_up", "articles", "activities"},
    "partner": {"id"},
    "departments": {"units", "groups"},
    "reports": {"reports"},
}


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


@dataclass(slots=True)
class FileResult:
    """Everything one file contributes, computed from that file alone (what the cache keeps)."""

    rel: str
    kind: str
    record: object | None
    problems: tuple[Problem, ...]
    positions: dict[PathKey, Position] = field(default_factory=dict)
    deadline: Deadline | None = None

    def at(self, *path: str | int) -> Position:
        """Where a value stands, or its nearest recorded ancestor."""
        key: PathKey = tuple(path)
        while key:
            if key in self.positions:
                return self.positions[key]
            key = key[:-1]
        return self.positions.get((), (1, 1))


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
    result = FileResult(rel, kind, record, (), positions)
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
        line, column = result.at("deadline")
        return None, [
            Problem(
                result.rel,
                line,
                column,
                "bad-deadline",
                str(exc),
                "các dạng được chấp nhận: " + "; ".join(ACCEPTED_FORMS),
            )
        ]


def _identity_problems(record: object, rel: str, result: FileResult) -> list[Problem]:
    """A record's id must be the name of its file (or folder): that is how it is found."""
    parts = Path(rel).parts
    if isinstance(record, Partner | Agreement):
        expected, got, where = Path(rel).stem, record.id, "id"
    elif isinstance(record, Plan):
        expected, got, where = parts[-2], record.id, "id"
    elif isinstance(record, Task):
        expected, got, where = Path(rel).stem, task_file_stem(record.code), "code"
    else:
        return []
    if expected == got:
        return []
    line, column = result.at(where)
    fix = f"{got}.yaml" if not isinstance(record, Plan) else f"thư mục plans/{got}/"
    return [
        Problem(
            rel,
            line,
            column,
            "id-mismatch",
            f"{where} “{getattr(record, where)}” không khớp tên tệp “{Path(rel).name}”",
            f"đổi {where} thành “{expected}” hoặc đổi tên thành {fix}",
        )
    ]


@dataclass(slots=True)
class TaskEntry:
    plan: str
    task: Task
    deadline: Deadline | None
    result: FileResult

    @property
    def id(self) -> str:
        return f"{self.plan}/{self.task.code}"


@dataclass(slots=True)
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

    def resolve(self, name: str) -> Resolution | None:
        found = self.units.resolve(name)
        return found if isinstance(found, Resolution) else None

    def tasks_of(self, plan_id: str) -> list[TaskEntry]:
        return [entry for entry in self.tasks.values() if entry.plan == plan_id]


def discover(root: Path) -> tuple[dict[str, tuple[Path, str | None]], list[Problem]]:
    """Every file under data/: rel path -> (path, kind). Links out of the registry are refused."""
    found: dict[str, tuple[Path, str | None]] = {}
    problems: list[Problem] = []
    data = root / DATA
    for folder, dirnames, filenames in os.walk(data):
        base = Path(folder)
        for name in sorted(dirnames):
            if (base / name).is_symlink():
                rel = (base / name).relative_to(root).as_posix()
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
                dirnames.remove(name)
        for name in filenames:
            path = base / name
            rel = path.relative_to(root).as_posix()
            if path.is_symlink() and not _inside(path.resolve(), root):
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
            if name.endswith(".yml"):
                problems.append(
                    Problem(
                        rel,
                        1,
                        1,
                        "unexpected-file",
                        "tệp YAML của sổ đăng ký dùng đuôi .yaml",
                        f"đổi tên thành {name[:-4]}.yaml",
                    )
                )
                continue
            if name.endswith(".yaml"):
                found[rel] = (path, classify(path.relative_to(data).parts))
    return found, problems


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root.resolve())
    except ValueError:
        return False
    return True


def load(root: Path, *, use_cache: bool = True) -> Registry:
    """Read the whole registry (only changed files, when the cache is warm) and check it."""
    files, problems = discover(root)
    stamps: dict[str, cache.Stamp] = {}
    for rel, (path, _) in files.items():
        try:
            stat = path.stat()
        except OSError:
            continue
        stamps[rel] = (stat.st_size, stat.st_mtime_ns)
    snapshot = cache.load(root) if use_cache else None
    if snapshot is not None:
        old_stamps, old = snapshot
        if old_stamps == stamps and isinstance(old, Registry) and old.discovered == problems:
            return old
        previous = old.files if isinstance(old, Registry) else {}
    else:
        old_stamps, previous = {}, {}
    results: dict[str, FileResult] = {}
    for rel, stamp in sorted(stamps.items()):
        path, kind = files[rel]
        if kind is None:
            problems.append(Problem(rel, 1, 1, "unexpected-file",
                                    "tệp không thuộc loại nào của sổ đăng ký",
                                    "xem cách xếp thư mục trong docs/data-format.md"))  # fmt: skip
        elif rel in previous and old_stamps.get(rel) == stamp:
            results[rel] = previous[rel]
        else:
            results[rel] = read_file(path, rel, kind)
    registry = assemble(root, results)
    registry.discovered = problems
    registry.problems[:0] = problems
    if use_cache:
        cache.save(root, stamps, registry)
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
            reports[Path(rel).parts[-2]] = (record, result)
        elif isinstance(record, Task):
            plan_id = Path(rel).parts[-3]
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


def select_files(registry: Registry, paths: list[Path]) -> tuple[int, list[Problem]]:
    """The files and problems under the given paths (all when none are given)."""
    if not paths:
        return len(registry.files), registry.problems
    prefixes = []
    for given in paths:
        absolute = given.resolve()
        if not absolute.exists():
            raise UsageError(f"không có tệp hay thư mục “{given}”")
        if not _inside(absolute, registry.root):
            raise UsageError(f"“{given}” nằm ngoài sổ đăng ký {registry.root}")
        prefixes.append(absolute.relative_to(registry.root.resolve()).as_posix())

    def chosen(rel: str) -> bool:
        return any(
            p in ("", ".") or rel == p or rel.startswith(p.rstrip("/") + "/") for p in prefixes
        )

    files = sum(1 for rel in registry.files if chosen(rel))
    return files, [p for p in registry.problems if chosen(p.file)]
