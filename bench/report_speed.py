"""Budgets (DESIGN §5) for `hnqt report`, in CPU time (user + sys of the child), medians of
interleaved runs against references measured in the same run:

- the consolidated Word report of kh-nq59 on the shipped registry ≤ 4× `hnqt due --format
  json` for all units;
- on the synthetic registry of 10 000 tasks (bench/gen_registry.py), the Word report of one of
  its plans (1 000 tasks) ≤ 2× a cold `hnqt validate` of the registry, memory < 1 GiB.

    python bench/report_speed.py [--repeat N] [--size 10000] [--work DIR]

Run with hnqt installed as users install it (`pip install .`, not editable).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
from pathlib import Path

from gen_registry import generate
from measure import require_installed_copy, run, tool

REPO = Path(__file__).resolve().parents[1]
PLAIN = {"FORCE_COLOR": "", "NO_COLOR": ""}


def cpu_medians(
    runs: dict[str, tuple[list[str], Path]], repeat: int, before: dict[str, Path] | None = None
) -> tuple[dict[str, float], dict[str, int]]:
    """Median CPU seconds and the largest peak memory (KiB) of each run, taken in turn; a run
    named in `before` has that folder (a cache) removed before each of its runs."""
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    rss: dict[str, int] = dict.fromkeys(runs, 0)
    for _ in range(repeat):
        for name, (command, cwd) in runs.items():
            if before and name in before:
                shutil.rmtree(before[name], ignore_errors=True)
            sample = run(command, cwd, PLAIN)
            cpu[name].append(sample.cpu)
            rss[name] = max(rss[name], sample.rss_kib)
    return {name: statistics.median(values) for name, values in cpu.items()}, rss


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=11)
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--work", type=Path, default=None)
    options = parser.parse_args()
    require_installed_copy()
    work = options.work or Path(tempfile.mkdtemp(prefix="hnqt-bench-report-"))
    hnqt = tool("hnqt")
    ok = True

    word = work / "kh-nq59.docx"
    shipped = {
        "due": ([hnqt, "due", "--format", "json"], REPO),
        "report": ([hnqt, "report", "kh-nq59", "-o", str(word)], REPO),
    }
    run(shipped["due"][0], REPO, PLAIN)  # the cache warm for both
    cpu, _ = cpu_medians(shipped, options.repeat)
    ratio = cpu["report"] / cpu["due"]
    ok &= ratio <= 4
    print(f"hnqt due --format json (mọi đơn vị): {cpu['due'] * 1000:7.1f} ms CPU")
    print(
        f"hnqt report kh-nq59 -o x.docx:      {cpu['report'] * 1000:7.1f} ms CPU"
        f" = {ratio:.2f}× (ngân sách ≤ 4×)"
    )

    root = generate(work / f"registry-{options.size}", options.size)
    cache = root / ".hnqt-cache"
    big = {
        "validate-cold": ([hnqt, "validate"], root),
        "report-warm": ([hnqt, "report", "bench-000", "-o", str(work / "bench.docx")], root),
        "report-cold": ([hnqt, "report", "bench-000", "-o", str(work / "bench.docx")], root),
        "report-md-warm": ([hnqt, "report", "bench-000"], root),
    }
    # validate-cold starts without a cache and leaves it for report-warm; report-cold has none.
    cpu, rss = cpu_medians(
        big, max(3, options.repeat // 3), before={"validate-cold": cache, "report-cold": cache}
    )
    base = cpu["validate-cold"]
    print(
        f"{options.size} nhiệm vụ: hnqt validate lần đầu {base:6.2f} s CPU,"
        f" {rss['validate-cold'] / 1024:.0f} MiB"
    )
    for name, label in (
        ("report-warm", "báo cáo Word (bộ nhớ đệm có sẵn)"),
        ("report-cold", "báo cáo Word (không có bộ nhớ đệm)"),
        ("report-md-warm", "báo cáo Markdown (bộ nhớ đệm có sẵn)"),
    ):
        print(
            f"  {label:<38} {cpu[name]:6.2f} s CPU = {cpu[name] / base:.2f}× validate,"
            f" {rss[name] / 1024:.0f} MiB"
        )
    ok &= cpu["report-warm"] <= 2 * base and cpu["report-cold"] <= 2 * base
    ok &= max(rss.values()) < 1024 * 1024
    print(
        "ngân sách: báo cáo ≤ 2× validate lần đầu, bộ nhớ < 1 GiB —", "đạt" if ok else "KHÔNG ĐẠT"
    )
    if options.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
