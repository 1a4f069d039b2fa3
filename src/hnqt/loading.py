"""Loading the whole registry: walk data/, reuse what the cache holds for unchanged files,
read the rest, assemble, run the cross-file checks, save the cache."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import cache
from .cache import Stamp
from .checks import run_checks
from .layout import chooser, discover
from .problems import Problem, cap_per_file
from .reading import FileResult, read_file
from .registry import Registry, assemble

# Each file under data/: its path, its kind (None: no kind of the registry), its stamp.
Found = dict[str, tuple[str, str | None, Stamp]]


@dataclass(eq=False)
class Checked:
    """What `validate` reports: the files read and every problem found."""

    root: Path
    files: tuple[str, ...]
    problems: list[Problem]
    discovered: list[Problem]  # from walking data/, before any file is read

    @classmethod
    def of(cls, registry: Registry) -> Checked:
        return cls(registry.root, tuple(registry.files), registry.problems, registry.discovered)

    def plain(self) -> list[object]:
        """As data for the cache (see `cache.to_json`)."""
        return [self.files, self.problems, self.discovered]

    @classmethod
    def from_plain(cls, root: Path, data: list[Any]) -> Checked:
        files, problems, discovered = data
        return cls(root, tuple(files), problems, discovered)


def _walk(root: Path, use_cache: bool) -> tuple[Found, list[Problem], cache.Snapshot | None,
                                               Checked | None]:  # fmt: skip
    """The files under data/, the problems of the walk, the cache's snapshot, and its summary
    when nothing changed since it was written (the stamps and the walk's problems agree)."""
    files, discovered = discover(root)
    snapshot = cache.load(root) if use_cache else None
    if snapshot is None or snapshot.stamps != _stamps(files):
        return files, discovered, snapshot, None
    summary = Checked.from_plain(root, snapshot.summary)
    return files, discovered, snapshot, summary if summary.discovered == discovered else None


def _stamps(files: Found) -> dict[str, Stamp]:
    return {rel: stamp for rel, (_, _, stamp) in files.items()}


def check(root: Path, *, use_cache: bool = True) -> Checked:
    """The problems of the registry; a warm cache answers without reading the registry back."""
    files, discovered, snapshot, summary = _walk(root, use_cache)
    if summary is not None:
        return summary
    return Checked.of(_refresh(root, files, discovered, snapshot, use_cache))


def load(root: Path, *, use_cache: bool = True) -> Registry:
    """Read the whole registry (only changed files, when the cache is warm) and check it."""
    files, discovered, snapshot, summary = _walk(root, use_cache)
    if snapshot is not None and summary is not None:
        results, units = _cached(snapshot)
        if results is not None:
            registry = assemble(root, results, units)
            registry.problems = summary.problems  # the cross-file checks' too
            registry.discovered = discovered
            return registry
    return _refresh(root, files, discovered, snapshot, use_cache)


def _cached(snapshot: cache.Snapshot) -> tuple[dict[str, FileResult] | None, list[Any] | None]:
    """What the cache kept of each file, and the unit directory's state worked out from them;
    (None, None) when its body fails a check."""
    body = snapshot.body()
    try:
        files, units = body  # type: ignore[misc]
        return {item[0]: FileResult.from_plain(item) for item in files}, units
    except (ValueError, TypeError, IndexError):
        return None, None


def _refresh(
    root: Path,
    files: Found,
    discovered: list[Problem],
    snapshot: cache.Snapshot | None,
    use_cache: bool,
) -> Registry:
    """Read what changed since the snapshot (everything without one), check, save."""
    previous = (_cached(snapshot)[0] if snapshot is not None else None) or {}
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
    registry.problems.extend(run_checks(registry))
    registry.discovered = discovered
    registry.problems = cap_per_file([*problems, *registry.problems])
    if use_cache:
        body = [[result.plain() for result in results.values()], registry.units.state()]
        cache.save(root, _stamps(files), Checked.of(registry).plain(), body)
    return registry


def with_file(registry: Registry, result: FileResult) -> Registry:
    """The registry as it would be with one file read anew (an edit not yet written): the same
    assembly and cross-file checks a full load runs, without touching the disk or the cache."""
    files = {**registry.files, result.rel: result}
    changed = assemble(registry.root, dict(sorted(files.items())))
    changed.problems.extend(run_checks(changed))
    changed.discovered = registry.discovered
    changed.problems[:0] = registry.discovered
    return changed


def select_files(checked: Checked, paths: list[Path]) -> tuple[int, list[Problem]]:
    """The files and problems under the given paths (all when none are given)."""
    if not paths:
        return len(checked.files), checked.problems
    chosen = chooser(checked.root, paths)
    files = sum(1 for rel in checked.files if chosen(rel))
    return files, [p for p in checked.problems if chosen(p.file)]


def check_files(root: Path, changed: list[str]) -> Checked:
    """The problems of the changed files, read with what they refer to — the departments file,
    a task's plan, a plan's agreement, an agreement's partners, a reports file's plan and its
    tasks — instead of the whole registry (a fast pre-commit check; CI checks everything).
    A changed departments file concerns every file: then the whole registry is checked."""
    from .layout import DEPARTMENTS_FILE, classify

    if DEPARTMENTS_FILE in changed:
        return check(root)
    results: dict[str, FileResult] = {}
    wanted = [DEPARTMENTS_FILE, *changed]
    while wanted:
        rel = wanted.pop()
        kind = classify(tuple(rel.split("/")[1:]))
        if rel in results or kind is None or not (root / rel).is_file():
            continue
        result = results[rel] = read_file(root / rel, rel, kind)
        wanted += _referenced(root, rel, kind, result.record)
    registry = assemble(root, dict(sorted(results.items())))
    registry.problems.extend(run_checks(registry))
    chosen = set(changed)
    problems = [p for p in registry.problems if p.file in chosen]
    return Checked(root, tuple(sorted(chosen & results.keys())), problems, [])


def _referenced(root: Path, rel: str, kind: str, record: object) -> list[str]:
    from .model import Agreement, Plan

    plan_folder = "/".join(rel.split("/")[:3])  # data/plans/<id>
    if kind == "task":
        return [f"{plan_folder}/plan.yaml"]
    if kind == "reports":
        tasks = sorted(
            p.relative_to(root).as_posix() for p in (root / plan_folder).glob("tasks/*.yaml")
        )
        return [f"{plan_folder}/plan.yaml", *tasks]
    if isinstance(record, Plan) and record.agreement:
        return [f"data/agreements/{record.agreement}.yaml"]
    if isinstance(record, Agreement):
        return [f"data/partners/{partner}.yaml" for partner in record.partners]
    return []
