"""The console entry point: it leaves without interpreter teardown (os._exit) only after a
command that declared itself read-only, and a command that writes exits normally; it holds for
streams (DESIGN §6, issue 12): output that cannot be written is one line and exit 1, a reader
leaving the pipe gets silence, never a traceback. Run as users run it: a child process with
real file descriptors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import AS_OF, FIXTURE, console_script

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


ENV = {**os.environ, "HNQT_REGISTRY": str(FIXTURE), "NO_COLOR": "1"}


def _run(args: list[str], **streams) -> subprocess.CompletedProcess[str]:
    return subprocess.run([console_script(), *args], env=ENV, text=True, timeout=60, **streams)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(
    "args", [["due", "--as-of", "22/11/2026"], ["validate"], ["list", "units"], ["--help"]]
)
def test_a_full_device_is_one_line_and_exit_1(args):
    with open("/dev/full", "w") as full:
        done = _run(args, stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "lỗi: không ghi được kết quả ra đầu ra chuẩn: thiết bị đã hết chỗ trống"
    ]


def test_a_closed_stdout_is_one_line_and_exit_1():
    def close_stdout() -> None:
        os.close(1)

    done = subprocess.run([console_script(), "due"], env=ENV, text=True, timeout=60,
                          stderr=subprocess.PIPE, preexec_fn=close_stdout)  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "lỗi: đầu ra chuẩn (stdout) đã bị đóng, không có chỗ ghi kết quả"
    ]


def test_a_reader_that_leaves_the_pipe_gets_silence():
    process = subprocess.Popen([console_script(), "due", "--as-of", "22/11/2026"], env=ENV,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader leaves before the first line
    error = process.stderr.read()
    assert process.wait(timeout=60) == 1
    assert error == b""


def test_every_command_is_known_by_its_group() -> None:
    """COMMAND_GROUPS names the module of every command the app has, and nothing else."""
    from typer.main import get_command

    from hnqt import cli

    assert sorted(get_command(cli.app).commands) == sorted(cli.COMMAND_GROUPS)


GROUPS_PROBE = """
import sys
sys.argv = ["hnqt", *sys.argv[1:]]
from hnqt import cli
from hnqt.cli import boundary
cli.registered(sys.argv[1] if len(sys.argv) > 1 else None)
print(" ".join(sorted(c.callback.__name__ for c in boundary.app.registered_commands)))
"""


@pytest.mark.parametrize(
    ("command", "expected"),
    [("due", "due list_ show stats"), ("fmt", "fmt"), ("nope", None), (None, None)],
)
def test_a_run_builds_only_the_group_of_its_command(command: str | None, expected: str | None):
    """Typer turns every registered command into options at each start: `hnqt due` registers
    only its own group; help and a mistyped command get every command."""
    from hnqt import cli

    every = " ".join(sorted(c.callback.__name__ for c in cli.app.registered_commands))
    args = [command] if command else []
    shown = subprocess.run([sys.executable, "-c", GROUPS_PROBE, *args], capture_output=True,
                           text=True, timeout=120, check=True).stdout.strip()  # fmt: skip
    assert shown == (expected or every)
