"""Running a command and measuring it: wall time and peak memory of the child process."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path


def tool(name: str) -> str:
    """A console script of the interpreter running the benchmark (its venv), else from PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"không tìm thấy lệnh {name}: cài gói vào môi trường đang chạy")
    return found


def run(
    command: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> tuple[float, int]:
    """(seconds, peak resident memory in KiB) of one run; output is discarded. `env` adds to
    (or, with "", clears) variables of this process's environment."""
    merged = {**os.environ, **(env or {})}
    merged = {name: value for name, value in merged.items() if value != ""}
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=merged, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)  # fmt: skip
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(command)} thất bại (mã {status})")
    return elapsed, usage.ru_maxrss


def median_time(command: Sequence[str], repeat: int, cwd: Path | None = None) -> float:
    return statistics.median(run(command, cwd)[0] for _ in range(repeat))


Run = tuple[Sequence[str], dict[str, str]]  # a command and what it adds to the environment


def interleaved(runs: dict[str, Run], repeat: int, cwd: Path | None = None) -> dict[str, float]:
    """Median seconds of each run, taken in turn, so all meet the same load on the machine."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, (command, env) in runs.items():
            times[name].append(run(command, cwd, env)[0])
    return {name: statistics.median(values) for name, values in times.items()}
