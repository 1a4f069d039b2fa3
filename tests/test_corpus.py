"""The regression corpus of bad input (issue 12, item 9): one row per class of bad input hnqt
has met — what is planted, the command run through the real CLI, the exit code, the problems
(code, file, line, column) `validate` reports, and a check that no file of the registry (or
anything next to it) changed. README's table "Dữ liệu xấu" lists the same classes.

Tests run as root here and in CI, where `chmod 000` does not stop a read: the unreadable rows
make `os.open` / `os.scandir` refuse the path with PermissionError, as the system would."""

from __future__ import annotations

import errno
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import settle, snapshot
from hnqt import cache, layout, yamlio
from hnqt.cli import app

TASK_FILE = "data/plans/kh-test/tasks/I-2.yaml"
PLAN_FILE = "data/plans/kh-test/plan.yaml"
GOOD = 'code: "I.2"\ntitle: "Nhiệm vụ hai"\nlead: ["Sở Y tế"]\ndeadline: "2026"\n'
runner = CliRunner()

Found = tuple[str, str, int, int]  # (code, file, line, column)


@dataclass
class Case:
    name: str
    files: dict[str, str | bytes] = field(default_factory=dict)
    exit: int = 1
    problems: list[Found] = field(default_factory=list)
    args: list[str] = field(default_factory=lambda: ["validate", "--format", "json"])
    plant: Callable[[Path, Path, pytest.MonkeyPatch], None] | None = None
    stderr: str = ""  # a line stderr must hold (for commands other than validate)
    stdout: Callable[[str], bool] | None = None  # a property stdout must have


def task(text: str | bytes) -> dict[str, str | bytes]:
    return {TASK_FILE: text}


def in_plan(snippet: str) -> tuple[int, int]:
    """Where the value of `key: value` stands in the base plan (line, column)."""
    from conftest import PLAN

    offset = PLAN.index(snippet) + snippet.index(": ") + 2
    line = PLAN.count("\n", 0, offset) + 1
    return line, offset - (PLAN.rfind("\n", 0, offset) + 1) + 1


def with_plan(old: str, new: str) -> dict[str, str | bytes]:
    from conftest import PLAN

    assert old in PLAN
    return {PLAN_FILE: PLAN.replace(old, new)}


# --- plants that files alone cannot express ---------------------------------------------------


def _link_out(root: Path, tmp: Path, _: pytest.MonkeyPatch) -> None:
    (tmp / "secret.yaml").write_text(GOOD, encoding="utf-8")
    (root / TASK_FILE).symlink_to(tmp / "secret.yaml")


def _loop(root: Path, tmp: Path, _: pytest.MonkeyPatch) -> None:
    (root / TASK_FILE).symlink_to("I-2.yaml")


def _dangling(root: Path, tmp: Path, _: pytest.MonkeyPatch) -> None:
    (root / TASK_FILE).symlink_to("I-9.yaml")


def _fifo(root: Path, tmp: Path, _: pytest.MonkeyPatch) -> None:
    os.mkfifo(root / TASK_FILE)


def _cache_file(root: Path, tmp: Path, _: pytest.MonkeyPatch) -> None:
    (root / cache.CACHE_DIR).write_text("", encoding="utf-8")


def _refuse(module: object, name: str, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`module.os.<name>` refuses `path` as it would for a user without the right."""
    original = getattr(os, name)

    def refused(target: object, *args: object, **kwargs: object) -> object:
        if str(target) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(target))
        return original(target, *args, **kwargs)

    monkeypatch.setattr(module.os, name, refused)  # type: ignore[attr-defined]


def _unreadable_file(root: Path, tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (root / TASK_FILE).write_text(GOOD, encoding="utf-8")
    _refuse(yamlio, "open", root / TASK_FILE, monkeypatch)


def _unreadable_folder(root: Path, tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (root / TASK_FILE).write_text(GOOD, encoding="utf-8")
    _refuse(layout, "scandir", root / TASK_FILE.rsplit("/", 1)[0], monkeypatch)


def _huge(root: Path, tmp: Path, _: pytest.MonkeyPatch) -> None:
    with open(root / TASK_FILE, "wb") as file:  # 50 MB, sparse: the size is what counts
        file.truncate(50 * 1024 * 1024)


def _planted_pickle(root: Path, tmp: Path, _: pytest.MonkeyPatch) -> None:
    import pickle

    class Planted:
        def __reduce__(self):  # type: ignore[no-untyped-def]
            return (open, (str(tmp / "ran"), "w"))

    (root / cache.CACHE_DIR).mkdir()
    for name in ("registry.pickle", cache.CACHE_FILE):
        (root / cache.CACHE_DIR / name).write_bytes(pickle.dumps(Planted()) + bytes(32))


def _empty_key(root: Path, tmp: Path, _: pytest.MonkeyPatch) -> None:
    key = Path(os.environ["XDG_CACHE_HOME"]) / "hnqt" / "cache-key"
    key.parent.mkdir(parents=True, exist_ok=True)
    key.write_bytes(b"")


def _links_in_cache(root: Path, tmp: Path, _: pytest.MonkeyPatch) -> None:
    folder = root / cache.CACHE_DIR
    folder.mkdir()
    (tmp / "victim").write_text("x", encoding="utf-8")
    (folder / ".gitignore").symlink_to(tmp / "created")
    for pid in range(50):
        (folder / f"registry.pickle.{pid}.tmp").symlink_to(tmp / "victim")
        (folder / f".{cache.CACHE_FILE}.{pid}.tmp").symlink_to(tmp / "victim")


SAME_SIZE = GOOD.replace('"2026"', '"2O26"')  # a letter O for a zero: same size


def _warm(root: Path) -> os.stat_result:
    """A registry whose cache holds GOOD for the task, out of the racy window."""
    from hnqt.loading import load

    (root / TASK_FILE).write_text(GOOD, encoding="utf-8")
    settle()
    load(root)
    return (root / TASK_FILE).stat()


def _edit_keeping_mtime(root: Path, tmp: Path, _: pytest.MonkeyPatch) -> None:
    """A same-size edit with the old mtime put back (`touch -d`)."""
    before = _warm(root)
    (root / TASK_FILE).write_text(SAME_SIZE, encoding="utf-8")
    os.utime(root / TASK_FILE, ns=(before.st_atime_ns, before.st_mtime_ns))


def _copied_with_times(root: Path, tmp: Path, _: pytest.MonkeyPatch) -> None:
    """`cp -a` from another checkout: same size, same mtime, new content."""
    before = _warm(root)
    (tmp / "other.yaml").write_text(SAME_SIZE, encoding="utf-8")
    os.utime(tmp / "other.yaml", ns=(before.st_atime_ns, before.st_mtime_ns))
    shutil.copy2(tmp / "other.yaml", root / TASK_FILE)
    (tmp / "other.yaml").unlink()


def _no_tampering(tmp: Path) -> None:
    assert not (tmp / "ran").exists() and not (tmp / "created").exists()
    if (tmp / "victim").exists():
        assert (tmp / "victim").read_text(encoding="utf-8") == "x"


BOMB = "\n".join(
    ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    + [f"{chr(97 + n)}: &{chr(97 + n)} [" + ", ".join([f"*{chr(96 + n)}"] * 9) + "]"
       for n in range(1, 9)]
) + "\n"  # fmt: skip


def _bomb_problems() -> list[Found]:
    """Every field of the bomb is unknown, every anchor and alias refused: 90 problems, of
    which the first 50 by position are shown, then how many more."""
    found: list[Found] = []
    for line in range(5, 14):
        found += [("unknown-field", TASK_FILE, line, 1), ("yaml-anchor", TASK_FILE, line, 4)]
        if line > 5:
            found += [("yaml-alias", TASK_FILE, line, 8 + 4 * k) for k in range(9)]
    assert len(found) == 90
    return [*found[:50], ("too-many-problems", TASK_FILE, *found[50][2:])]


CP1258 = ('code: "I.2"\ntitle: "Nhi\u00ea\u0323m v\u0323u hai"\n'
          'lead: ["S\u01a1\u0309 Y t\u00ea\u0301"]\ndeadline: "2026"\n')  # fmt: skip
MANY_FIELDS = GOOD + "".join(f"x{n}: 1\n" for n in range(60))
HOSTILE = GOOD.replace('"Nhiệm vụ hai"', '"=HYPERLINK(\\"http://x\\") \\e[31m\\e]0;t\\a"')
FORGED = GOOD.replace('["Sở Y tế"]', '["Sở X\\n::error file=a.yaml::giả"]')

CASES = [
    # the earlier classes of bad input
    Case("broken syntax", task('code: "I.2"\ntitle: Mục tiêu: một\n'),
         problems=[("yaml-syntax", TASK_FILE, 2, 16)]),
    Case("tab", task('code: "I.2"\ntitle:\t"x"\n'), problems=[("tab", TASK_FILE, 2, 7)]),
    Case("duplicate key", task(GOOD + 'title: "lại"\n'),
         problems=[("duplicate-key", TASK_FILE, 5, 1)]),
    Case("YAML 1.1 boolean", task(GOOD + 'progress: [{date: "2026-01-05", done: yes}]\n'),
         problems=[("wrong-type", TASK_FILE, 5, 39)]),
    Case("impossible date", task(GOOD + 'progress: [{date: "2025-02-30"}]\n'),
         problems=[("bad-date", TASK_FILE, 5, 19)]),
    Case("BOM", task(b"\xef\xbb\xbf" + GOOD.encode()), exit=0,
         problems=[("bom", TASK_FILE, 1, 1)]),
    Case("UTF-16", task(GOOD.encode("utf-16")), problems=[("bad-encoding", TASK_FILE, 1, 1)]),
    # Windows-1258 writes "ệ" as ê (0xEA) and a combining dot below (0xF2)
    Case("Windows-1258", task(CP1258.encode("cp1258")),
         problems=[("bad-encoding", TASK_FILE, 2, 12)]),
    Case("NFD", task(GOOD.replace("Sở Y tế", "So\u031b\u0309 Y te\u0302\u0301")), exit=0),
    Case("CRLF", task(GOOD.replace("\n", "\r\n")), exit=0),
    Case("empty", task(""), problems=[("empty-file", TASK_FILE, 1, 1)]),
    Case("two documents", task(GOOD + "---\n" + GOOD),
         problems=[("multiple-documents", TASK_FILE, 5, 1)]),
    Case("top-level list", task("- a\n- b\n"), problems=[("not-a-mapping", TASK_FILE, 1, 1)]),
    Case("aliases", task(GOOD + "output: &o x\nnotes: *o\n"),
         problems=[("yaml-anchor", TASK_FILE, 5, 9), ("yaml-alias", TASK_FILE, 6, 8)]),
    Case("alias bomb", task(GOOD + BOMB), problems=_bomb_problems()),
    Case("50 MB", plant=_huge, problems=[("file-too-large", TASK_FILE, 1, 1)]),
    Case("deep nesting", task("a: " + "[" * 40 + "]" * 40 + "\n"),
         problems=[("too-deep", TASK_FILE, 1, 36)]),
    Case("custom tag", task(GOOD + "output: !!python/object x\n"),
         problems=[("yaml-tag", TASK_FILE, 5, 9)]),
    Case("link out of the registry", plant=_link_out,
         problems=[("symlink-outside", TASK_FILE, 1, 1)]),
    Case("unreadable file", plant=_unreadable_file, problems=[("unreadable", TASK_FILE, 1, 1)]),
    # issue 12: odd files
    Case("symlink loop", plant=_loop, problems=[("symlink-loop", TASK_FILE, 1, 1)]),
    Case("dangling link", plant=_dangling, problems=[("dangling-link", TASK_FILE, 1, 1)]),
    Case("FIFO", plant=_fifo, problems=[("not-a-file", TASK_FILE, 1, 1)]),
    Case("unreadable folder", plant=_unreadable_folder,
         problems=[("unreadable", "data/plans/kh-test/tasks", 1, 1)]),
    Case("file named .hnqt-cache", plant=_cache_file,
         problems=[("cache-blocked", cache.CACHE_DIR, 1, 1)]),
    # issue 12: the cache
    Case("planted pickle", plant=_planted_pickle, exit=0),
    Case("empty key file", plant=_empty_key, exit=0),
    Case("links and a dangling .gitignore in the cache", plant=_links_in_cache, exit=0),
    Case("same-size edit, mtime put back", plant=_edit_keeping_mtime,
         problems=[("bad-deadline", TASK_FILE, 4, 11)]),
    Case("cp -a from elsewhere", plant=_copied_with_times,
         problems=[("bad-deadline", TASK_FILE, 4, 11)]),
    # issue 12: ranges
    Case("days_after out of range",
         task(GOOD.replace('deadline: "2026"', 'deadline: {text: "Khi Bộ Ngoại giao ban hành", '
                           'event: {date: "2026-01-05"}, days_after: 3000000}')),
         problems=[("bad-value", TASK_FILE, 4, 89)]),
    Case("period ending 9999", with_plan('end: "2030"', 'end: "9999"'),
         problems=[("bad-date", PLAN_FILE, *in_plan('end: "2030"'))]),
    Case("period starting 0000", with_plan('start: "2025"', 'start: "0000"'),
         problems=[("bad-date", PLAN_FILE, *in_plan('start: "2025"'))]),
    Case("period ending before it starts", with_plan('end: "2030"', 'end: "2020"'),
         problems=[("bad-date", PLAN_FILE, *in_plan("period: {"))]),
    Case("31/02", with_plan('before: "15/11"', 'before: "31/02"'),
         problems=[("bad-date", PLAN_FILE, *in_plan('before: "15/11"'))]),
    # issue 12: messages
    Case("zero-width space", task(GOOD.replace("Nhiệm vụ hai", "Nhiệm vụ\u200b hai")),
         problems=[("invisible-char", TASK_FILE, 2, 17)]),
    Case("NBSP as indentation", task(GOOD + "source:\n\u00a0 file: a\n"),
         problems=[("invisible-char", TASK_FILE, 6, 1), ("unknown-field", TASK_FILE, 6, 1)]),
    Case("URL in a flow mapping", task(GOOD + "source: { file: http://example.org }\n"),
         problems=[("yaml-syntax", TASK_FILE, 5, 21)]),
    Case("unclosed quote", task('code: "I.2"\ntitle: "Hai\nlead: ["Sở Y tế"]\n'),
         problems=[("yaml-syntax", TASK_FILE, 2, 8)]),
    Case("over 50 problems", task(MANY_FIELDS),
         problems=[("unknown-field", TASK_FILE, 5 + n, 1) for n in range(50)]
         + [("too-many-problems", TASK_FILE, 55, 1)]),
    # issue 12: what the other commands say
    Case("a file left out of due", task('code: [\n'), args=["due", "--as-of", "01/01/2026"],
         exit=0, stderr="chú ý: 1 tệp có lỗi không được tính, kết quả có thể thiếu:"),
    Case("broken departments.yaml", {"data/departments.yaml": "units: [\n"},
         args=["due", "--so", "Sở Y tế"],
         stderr="lỗi: không tìm đơn vị “Sở Y tế” được: data/departments.yaml không đọc được"),
    Case("report of a broken plan", {PLAN_FILE: "id: [\n"},
         args=["report", "kh-test", "--as-of", "22/11/2026"],
         stderr="lỗi: không lập báo cáo “kh-test” được: data/plans/kh-test/plan.yaml không đọc"),
    Case("CSV injection", task(HOSTILE), args=["list", "tasks", "--format", "csv"], exit=0,
         stdout=lambda out: "'=HYPERLINK" in out and "\n=" not in out and ",=" not in out),
    Case("escape sequences", task(HOSTILE), args=["show", "kh-test/I.2"], exit=0,
         stdout=lambda out: "\x1b" not in out and "\x07" not in out and "␛[31m" in out),
    Case("forged CI command", task(FORGED), args=["validate", "--format", "github"],
         stdout=lambda out: not any(line.startswith("::error file=a.yaml")
                                    for line in out.splitlines())),
    Case("--as-of 31/12/9999", args=["due", "--as-of", "31/12/9999"], exit=2,
         stderr="lỗi: --as-of: năm 9999 nằm ngoài khoảng 1900–2200"),
    Case("--within 99999999999", args=["due", "--within", "99999999999"], exit=2,
         stderr="nằm ngoài khoảng cho phép (từ 0 đến 36500)"),
    Case("--so with a NUL byte", args=["due", "--so", "Sở\x00"], exit=2,
         stderr="có ký tự điều khiển (mã 0x00)"),
    Case("--so of 10 000 characters", args=["due", "--so", "x" * 10_000], exit=2,
         stderr="quá dài (10000 ký tự; tối đa 300)"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_corpus(case: Case, make_registry, tmp_path, monkeypatch):
    root = make_registry({rel: text for rel, text in case.files.items()})
    outside = tmp_path / "outside"
    outside.mkdir()
    if case.plant is not None:
        case.plant(root, outside, monkeypatch)
    before = snapshot(tmp_path)
    result = runner.invoke(app, [*case.args, "--registry", str(root)],
                           env={"NO_COLOR": "1", "COLUMNS": "200"})  # fmt: skip
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == case.exit, result.output
    if case.args[:3] == ["validate", "--format", "json"]:
        report = json.loads(result.stdout)
        reported = [(p["code"], p["file"], p["line"], p["column"])
                    for p in [*report["errors"], *report["warnings"]]]  # fmt: skip
        assert sorted(reported, key=lambda p: (p[1], p[2], p[3], p[0])) == case.problems
        assert all(p["message"] for p in [*report["errors"], *report["warnings"]])
    if case.stderr:
        assert case.stderr in result.stderr
    if case.stdout is not None:
        assert case.stdout(result.stdout), result.stdout
    assert "Traceback" not in result.output
    assert snapshot(tmp_path) == before  # nothing written or lost, in or next to the registry
    _no_tampering(outside)
    shutil.rmtree(root / cache.CACHE_DIR, ignore_errors=True)
