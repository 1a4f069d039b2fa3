"""Where the registry is and how it is laid out: its root (found as git finds `.git`), the kind
of record each path under data/ holds, where each kind names units, and the walk over data/."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import Stamp, stamp_of
from .problems import Problem, UsageError

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


def task_file_stem(code: str) -> str:
    """`V.19` is kept in `V-19.yaml`."""
    return code.replace(".", "-")


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
                kind = classify(tuple(rel.split("/")[1:]))
                found[rel] = (entry.path, kind, stamp_of(entry.stat()))
    return found, problems


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
            raise UsageError(f"không có tệp hay thư mục “{given}”")
        if not inside(absolute, root):
            raise UsageError(f"“{given}” nằm ngoài sổ đăng ký {root}")
        prefixes.append(absolute.relative_to(root.resolve()).as_posix())

    def chosen(rel: str) -> bool:
        return not prefixes or any(
            p in ("", ".") or rel == p or rel.startswith(p.rstrip("/") + "/") for p in prefixes
        )

    return chosen
