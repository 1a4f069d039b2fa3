"""Budgets (DESIGN §5) for `hnqt validate` on synthetic registries:

- 10 000 task files: no slower than check-jsonschema on the same files with hnqt's schema;
- a second run with nothing changed: at most 0.1× the first;
- cost linear in the number of files up to 100 000, memory under 1 GiB.

Times are CPU time (user + system) of the child process; hnqt must be installed with
`pip install .` (not editable) in the interpreter running this.

    python bench/validate_speed.py [--sizes 1000 10000 100000] [--work DIR]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from gen_registry import generate
from measure import require_installed_copy, run, tool


def measure_size(work: Path, size: int, compare: bool) -> dict[str, float]:
    root = generate(work / f"registry-{size}", size)
    hnqt = tool("hnqt")
    shutil.rmtree(root / ".hnqt-cache", ignore_errors=True)
    cold = run([hnqt, "validate"], root)
    warm = run([hnqt, "validate"], root)
    figures = {"size": size, "cold": cold.cpu, "warm": warm.cpu,
               "rss_mib": max(cold.rss_kib, warm.rss_kib) / 1024}  # fmt: skip
    if compare:
        tasks = sorted(str(p) for p in (root / "data" / "plans").glob("*/tasks/*.yaml"))
        schema = str(root / "schemas" / "task.schema.json")
        figures["check_jsonschema"] = run([tool("check-jsonschema"), "--schemafile", schema,
                                           *tasks], root).cpu  # fmt: skip
    return figures


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--work", type=Path, default=None)
    options = parser.parse_args()
    require_installed_copy()
    work = options.work or Path(tempfile.mkdtemp(prefix="hnqt-bench-"))
    ok = True
    results = []
    for size in options.sizes:
        figures = measure_size(work, size, compare=size == 10000)
        results.append(figures)
        line = (
            f"{size:>7} tệp: lần đầu {figures['cold']:6.2f} s, lần hai {figures['warm']:5.2f} s"
            f" ({figures['warm'] / figures['cold']:.3f}× lần đầu, ngân sách 0.1×),"
            f" bộ nhớ tối đa {figures['rss_mib']:.0f} MiB"
        )
        if "check_jsonschema" in figures:
            ratio = figures["cold"] / figures["check_jsonschema"]
            line += (
                f"; check-jsonschema {figures['check_jsonschema']:.2f} s"
                f" → hnqt = {ratio:.2f}× (ngân sách ≤ 1×)"
            )
            ok &= ratio <= 1
        ok &= figures["rss_mib"] < 1024
        if size == 10000:  # the budget's own size; smaller runs are dominated by start-up
            ok &= figures["warm"] <= 0.1 * figures["cold"]
        print(line, flush=True)
    if len(results) > 1:
        first, last = results[0], results[-1]
        per_file = [r["cold"] / r["size"] * 1e6 for r in results]
        print(
            "µs mỗi tệp (lần đầu): "
            + ", ".join(f"{r['size']}: {v:.0f}" for r, v in zip(results, per_file, strict=True))
        )
        growth = (last["cold"] / first["cold"]) / (last["size"] / first["size"])
        print(f"tăng trưởng {first['size']}→{last['size']}: {growth:.2f}× so với tuyến tính")
    if options.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
