"""The registry in git: the revision a pull request starts from, the files changed since, and
the registry as it stood at a revision (read from git, never checked out over the work tree)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from .layout import DATA, MARKER
from .problems import UsageError

if TYPE_CHECKING:
    from .registry import Registry

WORKTREE = "cây làm việc"  # how the work tree is named where a revision would be


def git(root: Path, *args: str, binary: bool = False) -> str | bytes:
    """Run git in the registry; a missing git or a failure is a usage error said in Vietnamese."""
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    except OSError:
        raise UsageError("không chạy được git", "cài git và chạy lại trong một kho git") from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(
            f"git {args[0]} thất bại: {said[-1] if said else done.returncode}",
            "kiểm tra tên nhánh hay mã commit, và rằng sổ đăng ký nằm trong một kho git",
        )
    return done.stdout if binary else done.stdout.decode("utf-8", "replace")


def _prefix(root: Path) -> str:
    """Where the registry stands inside its git repository (`` at the top). A `.git` in the
    registry's folder says it is the top without starting git (`validate --changed` is a
    pre-commit check); git is asked when there is none, or when GIT_DIR or GIT_WORK_TREE
    may place the repository elsewhere."""
    if (root / ".git").exists() and not _GIT_PLACES & os.environ.keys():
        return ""
    return str(git(root, "rev-parse", "--show-prefix")).strip()


_GIT_PLACES = {"GIT_DIR", "GIT_WORK_TREE"}


def default_base(root: Path) -> str:
    """The merge base of HEAD with the default branch (origin's HEAD, else main or master)."""
    candidates = []
    try:
        found = str(git(root, "symbolic-ref", "--quiet", "refs/remotes/origin/HEAD")).strip()
        candidates.append(found)
    except UsageError:
        pass
    candidates += ["origin/main", "main", "origin/master", "master"]
    for branch in candidates:
        try:
            return str(git(root, "merge-base", "HEAD", branch)).strip()
        except UsageError:
            continue
    raise UsageError(
        "không tìm thấy nhánh mặc định (main hay master) để so sánh",
        "ghi rõ mốc so sánh, ví dụ: hnqt diff HEAD~1",
    )


def changed_files(root: Path, base: str) -> list[str]:
    """Registry files (relative to the root) changed since `base` in the work tree, new ones
    included; deleted ones are left out (there is nothing left to check). Against HEAD (what
    a pre-commit hook asks) one `git status` says it all."""
    status = str(git(root, "status", "--porcelain=v1", "-z", "--untracked-files=all",
                     "--no-renames", "--", DATA))  # fmt: skip
    names = {entry[3:] for entry in status.split("\0") if len(entry) > 3}
    if base != "HEAD":
        try:
            committed = str(git(root, "diff", "--name-only", "-z", f"{base}...HEAD", "--", DATA))
        except UsageError:
            resolve(root, base)  # says which revision does not exist
            raise
        names |= {name for name in committed.split("\0") if name}
    prefix = _prefix(root) if names else ""
    found = (name.removeprefix(prefix) for name in names)
    return sorted(name for name in found if (root / name).is_file())


def resolve(root: Path, revision: str) -> str:
    """A revision's commit id, or a usage error naming what could not be found."""
    try:
        return str(git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")).strip()
    except UsageError:
        raise UsageError(
            f"không có phiên bản git “{revision}”",
            "ghi tên nhánh, thẻ hay mã commit, ví dụ: main, HEAD~1",
        ) from None


def registry_at(root: Path, revision: str) -> Registry:
    """The registry as committed at `revision`, read from `git archive` into a temporary folder
    (no link or odd path of the archive is followed) and loaded without the cache."""
    import io
    import tarfile
    import tempfile

    from .loading import load

    commit = resolve(root, revision)
    prefix = _prefix(root)
    tree = str(git(root, "ls-tree", "--name-only", commit, "--", f"{prefix}{DATA}")).strip()
    with tempfile.TemporaryDirectory(prefix="hnqt-") as folder:
        base = Path(folder) / prefix
        (base / DATA).mkdir(parents=True)
        if tree:  # the registry may not have existed yet at that revision
            raw = git(root, "archive", "--format=tar", commit, "--", f"{prefix}{DATA}", binary=True)
            assert isinstance(raw, bytes)
            with tarfile.open(fileobj=io.BytesIO(raw)) as archive:
                archive.extractall(folder, filter="data")
        (base / MARKER).touch()
        registry = load(base, use_cache=False)
        registry.root = root
        return registry
