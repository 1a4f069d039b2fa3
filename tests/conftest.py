"""Shared test helpers: a small registry written into a temporary folder, file by file."""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# The frozen registry that goldens and counts run on, and the day they are computed for: staff
# edit data/, and their edits must not turn the suite red (tests on data/ check invariants only).
FIXTURE = REPO / "tests" / "fixtures" / "registry"
AS_OF = date.fromisoformat((FIXTURE / "AS_OF").read_text(encoding="utf-8").strip())


def sources() -> Path:
    """The source documents (shared/sources), or a skip: tests comparing with them run only when
    HNQT_SOURCES names their folder, so the suite needs nothing outside the repository."""
    folder = os.environ.get("HNQT_SOURCES", "")
    if not folder:
        pytest.skip("HNQT_SOURCES is not set: no comparison with the source documents")
    path = Path(folder)
    if not path.is_dir():
        pytest.fail(f"HNQT_SOURCES={folder} is not a folder")
    return path


GOLDEN = Path(__file__).parent / "golden"
# Made-up progress entries and yearly reports laid over the frozen registry for report tests.
REPORT_OVERLAY = Path(__file__).parent / "fixtures" / "report-overlay"

DEPARTMENTS = """\
units:
  - id: ubnd-tp
    name: "Ủy ban nhân dân thành phố Hà Nội"
    kind: city
    aliases: ["UBND Thành phố"]
  - id: van-phong-ubnd-tp
    name: "Văn phòng UBND Thành phố"
    kind: agency
    aliases: ["VP UBND TP"]
  - id: vp-phong-qhqt
    name: "Phòng Quan hệ quốc tế"
    kind: division
    parent: van-phong-ubnd-tp
  - id: so-y-te
    name: "Sở Y tế"
    kind: so
    aliases: ["SYT"]
  - id: so-cong-thuong
    name: "Sở Công Thương"
    kind: so
  - id: so-tai-chinh
    name: "Sở Tài chính"
    kind: so
    former: ["Sở Kế hoạch và Đầu tư"]
  - id: bo-ngoai-giao
    name: "Bộ Ngoại giao"
    kind: ministry
groups:
  - id: addressed-units
    kind: addressees
    names: ["Các Sở, ngành, đơn vị"]
  - id: named-units
    kind: named
    names: ["Các Sở, ban, ngành có tên trong KH"]
  - id: other-units
    kind: others
    names: ["Các cơ quan, đơn vị khác"]
  - id: related-units
    kind: related
    names: ["Các Sở, ngành, đơn vị liên quan"]
"""

PLAN = """\
id: kh-test
kind: plan
title: "Kế hoạch thử"
issuer: "Ủy ban nhân dân thành phố Hà Nội"
period: {start: "2025", end: "2030"}
addressees:
  - {name: "Các Sở, ban, ngành có tên trong KH", source: {file: "kh.txt", ref: "Nơi nhận"}}
reporting:
  text: "định kỳ hằng năm trước ngày 15 tháng 11 báo cáo về Sở Công Thương"
  before: "15/11"
  to: "Sở Công Thương"
  by: ["Các Sở, ngành, đơn vị"]
  source: {file: "kh.txt", ref: "III.3"}
sections:
  - {code: "I", title: "Mục một"}
"""

TASK = """\
code: "I.1"
title: "Nhiệm vụ thử"
lead: ["Sở Y tế"]
support: ["Các Sở, ngành, đơn vị liên quan"]
deadline: "2026"
"""

BASE_FILES = {
    "hnqt.toml": "[registry]\n",
    "data/departments.yaml": DEPARTMENTS,
    "data/plans/kh-test/plan.yaml": PLAN,
    "data/plans/kh-test/tasks/I-1.yaml": TASK,
}

MakeRegistry = Callable[..., Path]


def golden(name: str, text: str) -> None:
    """Compare with tests/golden/NAME; HNQT_UPDATE_GOLDEN=1 rewrites it after a reviewed change."""
    path = GOLDEN / name
    if os.environ.get("HNQT_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8", newline="\n")
    assert text == path.read_text(encoding="utf-8")


def copy_registry(source: Path, root: Path) -> Path:
    """A registry's data/ and hnqt.toml in a new folder (its cache left behind)."""
    shutil.copytree(source / "data", root / "data")
    shutil.copy(source / "hnqt.toml", root / "hnqt.toml")
    return root


@pytest.fixture
def report_registry(tmp_path: Path) -> Path:
    """The frozen registry with the overlay's progress and reports, in a copy (its cache and
    any edit stay in the copy)."""
    root = tmp_path / "report-registry"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns(".hnqt-cache"))
    shutil.copytree(REPORT_OVERLAY / "data", root / "data", dirs_exist_ok=True)
    return root


def settle() -> None:
    """Wait out the cache's racy window: a file just written (or dated back, which moves its
    ctime to now) is trusted by the cache only from the next run on."""
    import time

    from hnqt import cache

    time.sleep(cache._FINE_NS / 1e9 + 0.01)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files read (parsed and validated) by the loads that follow."""
    from hnqt import loading

    calls: list[str] = []
    original = loading.read_file

    def counting(path: Path, rel: str, kind: str):  # type: ignore[no-untyped-def]
        calls.append(rel)
        return original(path, rel, kind)

    monkeypatch.setattr(loading, "read_file", counting)
    return calls


def console_script() -> str:
    """The installed `hnqt` command, to run as users do (a child process, real streams)."""
    found = shutil.which("hnqt") or str(Path(sys.executable).with_name("hnqt"))
    assert Path(found).exists(), "the hnqt console script is not installed"
    return found


@pytest.fixture
def make_registry(tmp_path: Path) -> MakeRegistry:
    """Write the base registry plus/over the given files (None deletes one); return its root."""

    def make(files: dict[str, str | bytes | None] | None = None, base: bool = True) -> Path:
        root = tmp_path / "registry"
        chosen: dict[str, str | bytes | None] = dict(BASE_FILES) if base else {}
        chosen.update(files or {})
        for rel, content in chosen.items():
            path = root / rel
            if content is None:
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(textwrap.dedent(content), encoding="utf-8", newline="\n")
        (root / "data").mkdir(parents=True, exist_ok=True)
        return root

    return make


@pytest.fixture(autouse=True)
def _private_cache_key(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Each test signs its cache with its own key, away from the developer's home folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
    monkeypatch.delenv("HNQT_REGISTRY", raising=False)


def snapshot(folder: Path) -> dict[str, object]:
    """Every entry under a folder (links as links), except the cache folder of a registry:
    what a test compares before and after to show that nothing was written or lost."""
    from hnqt import cache

    entries: dict[str, object] = {}
    for current, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d != cache.CACHE_DIR]
        for name in sorted(dirs + files):
            path = os.path.join(current, name)
            rel = os.path.relpath(path, folder)
            if os.path.islink(path):
                entries[rel] = ("link", os.readlink(path))
            elif os.path.isdir(path):
                entries[rel] = "dir"
            elif not os.path.isfile(path):  # a FIFO or a device: never opened (it could block)
                entries[rel] = ("special", os.lstat(path).st_mode)
            else:
                stat = os.stat(path)
                entries[rel] = (Path(path).read_bytes(), stat.st_mode, stat.st_mtime_ns)
    return entries
