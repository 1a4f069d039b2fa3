"""Where the registry is and how it is laid out: its root (found as git finds `.git`), the kind
of record each path under data/ holds, where each kind names units, and the walk over data/."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import CACHE_DIR, Stamp, stamp_of
from .problems import Problem, UsageError, os_reason

if TYPE_CHECKING:
    from .yamlio import PathKey

MARKER = "hnqt.toml"
DATA = "data"
DEPARTMENTS_FILE = f"{DATA}/departments.yaml"
SCHEMA_DIR = "schemas"  # beside data/: the JSON Schemas every file's first line points at

# Where each kind of file names units ("*": every item of a list). Read from the parsed data,
# not the record, so a unit is checked even in a file with other errors: one run tells all.
UNIT_FIELDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "task": (("lead", "*"), ("support", "*"), ("progress", "*", "by")),
    "plan": (
        ("issuer",),
        ("addressees", "*", "name"),
        ("reporting", "to"),
        ("reporting", "by", "*"),
        ("budget", "unit"),
        ("indicators", "*", "monitors", "*"),
    ),
    "agreement": (
        ("follow_up", "unit"),
        ("articles", "*", "units", "*"),
        ("activities", "*", "units", "*"),
    ),
    "reports": (("reports", "*", "unit"),),
}


# Where staff type a unit name themselves (not transcribed from a source): written canonically.
STAFF_UNIT_FIELDS: dict[str, tuple[str, ...]] = {
    "task": ("progress", "*", "by"),
    "reports": ("reports", "*", "unit"),
}


def matches(pattern: tuple[str, ...], path: PathKey) -> bool:
    """Whether a path is one the pattern names ("*": any item of a list)."""
    return len(pattern) == len(path) and all(
        (p == "*" and isinstance(q, int)) or p == q for p, q in zip(pattern, path, strict=True)
    )


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


def plan_file(plan_id: str) -> str:
    """Where the plan `plan_id` is kept."""
    return f"{DATA}/plans/{plan_id}/plan.yaml"


def task_file_stem(code: str) -> str:
    """`V.19` is kept in `V-19.yaml`."""
    return code.replace(".", "-")


def discover(root: Path) -> tuple[dict[str, tuple[str, str | None, Stamp]], list[Problem]]:
    """Every YAML file under data/: rel path -> (path to read, kind, stamp), and a problem for
    each thing that stands where a file could be but cannot be read: a folder that cannot be
    listed, a link out of the registry, to a folder, to nowhere or to itself, a FIFO or a
    device. Nothing is dropped without a word, and nothing but a regular file is ever opened.
    A link inside the registry is read through its target's real path."""
    found: dict[str, tuple[str, str | None, Stamp]] = {}
    problems = _cache_folder_problems(root)
    real_root = os.path.realpath(root)
    stack = [(os.path.join(root, DATA), DATA)]
    while stack:
        folder, rel_folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            reason = os_reason(exc)
            problems.append(_at(rel_folder, "unreadable", f"không đọc được thư mục: {reason}",
                                "kiểm tra quyền đọc của thư mục"))  # fmt: skip
            continue
        for entry in entries:
            rel = f"{rel_folder}/{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                stack.append((entry.path, rel))
                continue
            path, status, problem = _target(entry, rel, real_root)
            if problem is not None:
                problems.append(problem)
                continue
            stem, dot, suffix = entry.name.rpartition(".")
            if dot and suffix.lower() in ("yml", "yaml") and suffix != "yaml":
                # `.yml` or `.YAML` would otherwise be skipped without a word.
                problems.append(_at(rel, "unexpected-file",
                                    "tệp YAML của sổ đăng ký dùng đuôi .yaml (chữ thường)",
                                    f"đổi tên thành {stem}.yaml"))  # fmt: skip
            elif entry.name.endswith(".yaml"):
                if status is None or not stat.S_ISREG(status.st_mode):
                    problems.append(_at(rel, "not-a-file",
                                        "không phải tệp thường (FIFO, thiết bị hay socket); "
                                        "không được đọc",
                                        "xóa nó và đặt tệp YAML thật vào chỗ này"))  # fmt: skip
                    continue
                kind = classify(tuple(rel.split("/")[1:]))
                found[rel] = (path, kind, stamp_of(status))
    return found, problems


def _target(
    entry: os.DirEntry[str], rel: str, real_root: str
) -> tuple[str, os.stat_result | None, Problem | None]:
    """What an entry leads to: (path to read, its status, or the problem that stops it)."""
    if not entry.is_symlink():
        try:
            return entry.path, entry.stat(follow_symlinks=False), None
        except OSError as exc:
            return entry.path, None, _at(rel, "unreadable", f"không đọc được: {os_reason(exc)}")
    try:
        status: os.stat_result | None = os.stat(entry.path)
    except OSError as exc:
        status, error = None, exc
    if status is not None and stat.S_ISDIR(status.st_mode):
        return entry.path, None, _at(rel, "symlink", "thư mục liên kết (symlink) không được đọc",
                                     "đặt tệp thật vào sổ đăng ký thay cho liên kết")  # fmt: skip
    target = os.path.realpath(entry.path)
    if os.path.commonpath([target, real_root]) != real_root:
        return entry.path, None, _at(rel, "symlink-outside",
                                     "liên kết trỏ ra ngoài sổ đăng ký; tệp không được đọc",
                                     "chép nội dung vào sổ đăng ký thay cho liên kết")  # fmt: skip
    if status is not None:
        return target, status, None
    if error.errno == errno.ELOOP:
        return entry.path, None, _at(rel, "symlink-loop",
                                     "liên kết vòng (trỏ về chính nó); không được đọc",
                                     "xóa liên kết và đặt tệp thật vào chỗ này")  # fmt: skip
    if error.errno == errno.ENOENT:
        return entry.path, None, _at(rel, "dangling-link",
                                     f"liên kết trỏ tới “{os.readlink(entry.path)}”, "
                                     "nơi không có tệp nào; không được đọc",
                                     "xóa liên kết, hoặc đặt tệp thật vào chỗ này")  # fmt: skip
    return entry.path, None, _at(rel, "unreadable", f"không đọc được: {os_reason(error)}")


def _cache_folder_problems(root: Path) -> list[Problem]:
    """A file or a link where hnqt keeps its cache: no cache can be kept (nor trusted) there."""
    try:
        status = os.lstat(root / CACHE_DIR)
    except OSError:
        return []  # none yet: it is made when first needed
    if stat.S_ISDIR(status.st_mode):
        return []
    what = "liên kết" if stat.S_ISLNK(status.st_mode) else "tệp"
    return [_at(CACHE_DIR, "cache-blocked",
                f"“{CACHE_DIR}” là một {what}, không phải thư mục bộ nhớ đệm của hnqt",
                f"xóa {CACHE_DIR}; hnqt tạo lại thư mục này khi chạy")]  # fmt: skip


def _at(rel: str, code: str, message: str, hint: str = "") -> Problem:
    """A problem with a path as a whole (nothing inside it could be read)."""
    return Problem(rel, 1, 1, code, message, hint)


def inside(path: Path, root: Path) -> bool:
    """Whether a path stands under the registry root."""
    try:
        path.relative_to(root.resolve())
    except ValueError:
        return False
    return True


def chooser(root: Path, paths: list[Path]) -> Callable[[str], bool]:
    """Whether a file (path relative to the root) lies under one of the given paths (any file,
    when none is given); a path that does not exist or lies outside the registry is refused."""
    prefixes = []
    for given in paths:
        absolute = given.resolve()
        if not absolute.exists():
            raise UsageError(f"không có tệp hay thư mục “{given}”", "kiểm tra lại đường dẫn")
        if not inside(absolute, root):
            raise UsageError(
                f"“{given}” nằm ngoài sổ đăng ký {root}",
                "chỉ ghi tệp hay thư mục bên trong sổ đăng ký, hoặc chọn sổ khác bằng --registry",
            )
        prefixes.append(absolute.relative_to(root.resolve()).as_posix())

    def chosen(rel: str) -> bool:
        return not prefixes or any(
            p in ("", ".") or rel == p or rel.startswith(p.rstrip("/") + "/") for p in prefixes
        )

    return chosen


def schema_comment(rel: str, kind: str) -> str:
    """The first line of every file: where the editor finds the schema (DESIGN §3)."""
    up = "../" * rel.count("/")
    return f"# yaml-language-server: $schema={up}{SCHEMA_DIR}/{kind}.schema.json\n"
