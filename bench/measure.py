"""Running a command and measuring it: CPU time (user + system) of the child process, its wall
time and peak memory, with its output sent where a user's would go (nowhere, a pipe or a
terminal). Budgets are ratios of medians of interleaved runs against a reference measured in
the same session: CPU time does not count the time the child waits for a busy machine."""

from __future__ import annotations

import json
import os
import pty
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Literal

Sink = Literal["devnull", "pipe", "terminal"]


@dataclass
class Sample:
    cpu: float  # seconds, user + system, of the child
    wall: float  # seconds
    rss_kib: int  # peak resident memory


def tool(name: str) -> str:
    """A console script of the interpreter running the benchmark (its venv), else from PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"không tìm thấy lệnh {name}: cài gói vào môi trường đang chạy")
    return found


def require_installed_copy() -> None:
    """Figures are for hnqt as users get it: `pip install .`, not an editable install (which
    adds an import hook and reads the source tree)."""
    try:
        direct = metadata.distribution("hnqt").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        raise SystemExit("hnqt chưa được cài: python3 -m venv … && pip install .") from None
    if direct and json.loads(direct).get("dir_info", {}).get("editable"):
        raise SystemExit(
            "hnqt đang được cài ở dạng sửa được (pip install -e): đo trên bản cài bằng "
            "`pip install .` trong một môi trường riêng"
        )


def _drain(fd: int) -> None:
    """Read until the writer closes, so the child never blocks on a full pipe or terminal."""
    try:
        while os.read(fd, 65536):
            pass
    except OSError:  # a terminal's reader gets EIO once the child has gone
        pass
    finally:
        os.close(fd)


def run(
    command: Sequence[str],
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    sink: Sink = "devnull",
) -> Sample:
    """One run. `env` adds to (or, with "", clears) this process's environment variables."""
    merged = {**os.environ, **(env or {})}
    merged = {name: value for name, value in merged.items() if value != ""}
    reader: int | None = None
    if sink == "devnull":
        stdout: int = subprocess.DEVNULL
    else:
        reader, stdout = pty.openpty() if sink == "terminal" else os.pipe()
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=merged, stdout=stdout,
                               stderr=subprocess.DEVNULL)  # fmt: skip
    drainer = None
    if reader is not None:
        os.close(stdout)
        drainer = threading.Thread(target=_drain, args=(reader,))
        drainer.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if drainer is not None:
        drainer.join()
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} thất bại (mã {process.returncode})")
    return Sample(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss)


@dataclass
class Run:
    command: Sequence[str]
    env: dict[str, str]
    sink: Sink = "devnull"


Scene = dict[str, Sequence[str]]  # a run's name -> a command run (unmeasured) just before it


def interleaved(
    runs: dict[str, Run], repeat: int, cwd: Path | None = None, before: Scene | None = None
) -> dict[str, float]:
    """Median CPU seconds of each run, the runs taken in turn so that all meet the same state
    of the machine; `before` sets a run's scene first (a cache emptied, a file touched)."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, spec in runs.items():
            if before and name in before:
                subprocess.run(before[name], cwd=cwd, check=True, capture_output=True)
            times[name].append(run(spec.command, cwd, spec.env, spec.sink).cpu)
    return {name: statistics.median(values) for name, values in times.items()}
