"""`hnqt fmt` end to end: --check lists the files with a short diff and writes nothing; fmt
rewrites them; a file that does not read is said and left alone; a forged record of canonical
files counts for nothing."""

from __future__ import annotations

import os
import time

from typer.testing import CliRunner

from conftest import settle, snapshot
from hnqt import formatting
from hnqt.cli import app

runner = CliRunner()
MESSY = "title: 'Nhiệm vụ thử'\ncode: I.1   # mã\nlead: [SYT]\ndeadline: Quý IV/2026\n"
CLEAN = 'code: "I.1"  # mã\ntitle: "Nhiệm vụ thử"\nlead: ["SYT"]\ndeadline: "Quý IV/2026"\n'
TASK = "data/plans/kh-test/tasks/I-1.yaml"


def hnqt(root, *args: str):
    return runner.invoke(app, [*args, "--registry", str(root)])


def test_check_lists_the_file_with_a_diff_and_writes_nothing(make_registry):
    root = make_registry({TASK: MESSY})
    before = snapshot(root)
    result = hnqt(root, "fmt", "--check")
    assert result.exit_code == 1
    assert f"cần định dạng lại: {TASK}" in result.output
    assert "-title: 'Nhiệm vụ thử'" in result.output and '+code: "I.1"  # mã' in result.output
    assert "data/departments.yaml" in result.output  # the base registry's plain ids, too
    assert snapshot(root) == before


def test_fmt_rewrites_then_check_passes_and_the_registry_still_validates(make_registry):
    root = make_registry({TASK: MESSY})
    result = hnqt(root, "fmt")
    assert result.exit_code == 0, result.output
    assert f"đã định dạng: {TASK}" in result.output
    assert (root / TASK).read_text(encoding="utf-8") == CLEAN
    again = hnqt(root, "fmt", "--check")
    assert again.exit_code == 0 and again.output == ""
    assert hnqt(root, "validate").exit_code == 0


def test_only_the_paths_given_are_formatted(make_registry):
    root = make_registry({TASK: MESSY})
    result = hnqt(root, "fmt", str(root / TASK))
    assert result.exit_code == 0
    assert result.output == f"đã định dạng: {TASK}\n"


def test_a_file_that_does_not_read_is_reported_and_left_alone(make_registry):
    root = make_registry({TASK: 'code: "I.1\n'})
    before = (root / TASK).read_bytes()
    result = hnqt(root, "fmt")
    assert result.exit_code == 1
    assert f"{TASK}: không định dạng được: dòng" in result.output
    assert (root / TASK).read_bytes() == before


def test_a_path_outside_the_registry_is_a_usage_error(make_registry, tmp_path):
    root = make_registry()
    result = hnqt(root, "fmt", str(tmp_path))
    assert result.exit_code == 2
    assert "nằm ngoài sổ đăng ký" in result.output


def test_a_forged_record_of_canonical_files_is_not_trusted(make_registry):
    root = make_registry({TASK: MESSY})
    assert hnqt(root, "fmt", "--check").exit_code == 1
    (root / ".hnqt-cache" / "fmt.json").write_bytes(b'["x", {"data/plans/kh-test/tasks/I-1.yaml": '
                                                    b"[1, 2]}]" + b"\0" * 32)  # fmt: skip
    assert hnqt(root, "fmt", "--check").exit_code == 1


def test_a_second_check_does_not_read_files_known_canonical(make_registry, monkeypatch):
    root = make_registry({TASK: CLEAN})
    hnqt(root, "fmt")
    read: list[str] = []
    original = formatting.format_text

    def counted(text, rel, *rest):
        read.append(rel)
        return original(text, rel, *rest)

    monkeypatch.setattr(formatting, "format_text", counted)
    old = time.time_ns() - 10_000_000_000  # older than the racy window
    for path in root.rglob("*.yaml"):
        os.utime(path, ns=(old, old))
    settle()  # dating a file back moves its ctime to now: out of the racy window too
    assert hnqt(root, "fmt", "--check").exit_code == 0
    assert hnqt(root, "fmt", "--check").exit_code == 0
    assert read.count(TASK) == 1  # read once after the stamps moved, then trusted


def test_a_file_that_cannot_be_written_is_said_and_the_others_are_formatted(make_registry):
    other = "data/plans/kh-test/tasks/I-2.yaml"
    root = make_registry({TASK: MESSY, other: MESSY.replace("I.1", "I.2").replace("thử", "hai")})
    (root / f"{TASK}.lock").write_text("", encoding="utf-8")  # another edit holds it
    result = hnqt(root, "fmt")
    assert result.exit_code == 1
    assert f"{TASK}: không định dạng được: " in result.output and "đang được" in result.output
    assert (root / TASK).read_text(encoding="utf-8") == MESSY
    assert f"đã định dạng: {other}" in result.output
