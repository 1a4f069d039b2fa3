"""The console entry point leaves without interpreter teardown (os._exit) only after a command
that declared itself read-only; a command that writes exits normally."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import AS_OF, FIXTURE

PROBE = """
import atexit, sys
atexit.register(lambda: print("teardown ran", file=sys.stderr))
sys.argv = ["hnqt", *sys.argv[1:]]
from hnqt.cli import main
main()
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True,
                          timeout=120, env={"HNQT_REGISTRY": str(FIXTURE), "PATH": ""})  # fmt: skip


@pytest.mark.parametrize(
    "args",
    [["due", "--so", "SYT", "--as-of", AS_OF.isoformat()], ["validate", "--no-cache"],
     ["list", "plans"], ["stats", "--as-of", AS_OF.isoformat()], ["show", "minsk"]],
)  # fmt: skip
def test_read_only_commands_leave_fast(args: list[str]) -> None:
    done = run(*args)
    assert done.returncode == 0, done.stderr
    assert done.stdout and "teardown ran" not in done.stderr


def test_a_command_that_writes_exits_normally(tmp_path: Path) -> None:
    done = run("schema", "-o", str(tmp_path / "schemas"))
    assert done.returncode == 0, done.stderr
    assert "teardown ran" in done.stderr
    assert (tmp_path / "schemas" / "task.schema.json").is_file()


def test_a_usage_error_keeps_its_exit_code() -> None:
    done = run("due", "--so", "Sở Y khoa")
    assert done.returncode == 2 and "teardown ran" not in done.stderr


def test_bytes_from_a_renderer_reach_stdout_untouched(capfdbinary: pytest.CaptureFixture[bytes]):
    from hnqt.cli.options import emit

    emit(b"PK\x03\x04\r\n\xff")
    emit("Sở Y tế")
    assert capfdbinary.readouterr().out == b"PK\x03\x04\r\n\xff" + "Sở Y tế\n".encode()
