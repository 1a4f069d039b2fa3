"""`-o/--output FILE` on every command that prints data: the same text as through a pipe, in
UTF-8, written whole by the safe writer (nobody needs `>`, which PowerShell 5.1 re-encodes)."""

from __future__ import annotations

import shutil

import pytest
from typer.testing import CliRunner

from conftest import AS_OF, FIXTURE, snapshot
from hnqt.cli import app

runner = CliRunner()
DAY = AS_OF.strftime("%d/%m/%Y")
COMMANDS = [
    ["due", "--so", "Sở Y tế", "--as-of", DAY],
    ["due", "--as-of", DAY, "--format", "csv"],
    ["list", "tasks", "--plan", "kh-nq59", "--as-of", DAY],
    ["stats", "--plan", "kh-nq59", "--as-of", DAY],
    ["show", "kh-nq59/V.19", "--as-of", DAY],
    ["show", "kh-nq59/V.19", "--format", "json", "--as-of", DAY],
]


@pytest.fixture
def registry(tmp_path):
    root = tmp_path / "registry"
    shutil.copytree(FIXTURE, root)
    return root


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_output_file_holds_what_a_pipe_shows_in_utf8(registry, tmp_path, args):
    piped = runner.invoke(app, [*args, "--registry", str(registry)], env={"NO_COLOR": "1"})
    target = tmp_path / "kết quả.txt"
    # FORCE_COLOR asks a terminal's form: a file never gets colour codes or cut lines.
    written = runner.invoke(app, [*args, "--registry", str(registry), "-o", str(target)],
                            env={"FORCE_COLOR": "1"})  # fmt: skip
    assert written.exit_code == 0, written.output
    assert written.stdout == ""
    assert f"đã ghi {target}" in written.stderr
    text = target.read_bytes().decode("utf-8")
    assert "\x1b[" not in text
    assert text == piped.stdout


def test_diff_writes_its_markdown_to_a_file(registry, tmp_path):
    import subprocess

    who = ["-c", "user.name=t", "-c", "user.email=t@t"]
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], [*who, "commit", "-qm", "gốc"]):
        subprocess.run(["git", "-C", str(registry), *args], check=True)
    target = tmp_path / "pr.md"
    result = runner.invoke(app, ["diff", "main", "-f", "md", "-o", str(target),
                                 "--registry", str(registry)])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("### Thay đổi trong sổ đăng ký")


def test_an_output_that_is_a_link_is_refused_and_nothing_is_written(registry, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("giữ nguyên\n", encoding="utf-8")
    (tmp_path / "out.txt").symlink_to(victim)
    before = snapshot(tmp_path)
    result = runner.invoke(
        app, ["due", "-o", str(tmp_path / "out.txt"), "--registry", str(registry)]
    )
    assert result.exit_code == 2
    assert "liên kết" in result.output
    assert snapshot(tmp_path) == before
