"""Budgets (DESIGN §5, issue 11) for the staff workflow, in CPU time (user + system of the child),
median of interleaved runs, each against a reference measured in the same run:

- `hnqt fmt --check` on the 10 000-task synthetic registry ≤ 1.0× `yamllint` on the same files,
  and a second run (nothing changed) ≤ 0.1× the first;
- `hnqt validate --changed` after a one-file change ≤ 0.1× a cold full `hnqt validate`;
- `hnqt progress` on the shipped registry ≤ 2× `hnqt due --so "Sở Y tế"`.

Install hnqt as users do (`pip install .`, not editable) with the test extra's tools:

    python bench/workflow_speed.py [--size 10000] [--repeat 5] [--work DIR]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from gen_registry import REPO, generate
from measure import Run, interleaved, require_installed_copy, tool

YAMLLINT_CONFIG = "{extends: default, rules: {line-length: disable, document-start: disable}}"
# What any `validate --changed` pays before hnqt does its own work: the interpreter, the stack's
# libraries as validating a file loads them, and git's answer on what changed; it leaves as
# hnqt's read-only commands do, without tearing the interpreter down.
FLOOR = (
    "import os, subprocess, typer, ruamel.yaml, pydantic.dataclasses, pydantic.type_adapter, "
    "pydantic.plugin._loader; subprocess.run(['git', 'status', '--porcelain=v1', '-z', "
    "'--untracked-files=all', '--no-renames', '--', 'data'], check=True, capture_output=True); "
    "os._exit(0)"
)


def _git(root: Path, *args: str) -> None:
    identity = ["-c", "user.name=bench", "-c", "user.email=bench@hnqt"]
    subprocess.run(["git", *identity, *args], cwd=root, check=True, capture_output=True)


def fmt_figures(root: Path, repeat: int) -> dict[str, float]:
    hnqt = tool("hnqt")
    subprocess.run([hnqt, "fmt"], cwd=root, check=True, capture_output=True)  # canonical first
    files = sorted(str(p.relative_to(root)) for p in (root / "data").rglob("*.yaml"))
    empty = [sys.executable, "-c", "import shutil; shutil.rmtree('.hnqt-cache', True)"]
    return interleaved(
        {
            "yamllint": Run([tool("yamllint"), "-d", YAMLLINT_CONFIG, *files], {}),
            "cold": Run([hnqt, "fmt", "--check"], {}),
            "warm": Run([hnqt, "fmt", "--check"], {}),
        },
        repeat,
        root,
        before={"cold": empty},
    )


def changed_figures(root: Path, repeat: int) -> dict[str, float]:
    hnqt = tool("hnqt")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "bench")
    task = next((root / "data" / "plans").glob("*/tasks/*.yaml"))
    edit = [sys.executable, "-c", f"open({str(task)!r}, 'a').write('notes: \"sửa\"\\n')"]
    restore = [
        sys.executable,
        "-c",
        f"import shutil, subprocess; shutil.rmtree('.hnqt-cache', "
        f"True); subprocess.run(['git', 'checkout', '--', {str(task.relative_to(root))!r}])",
    ]
    # "Cold" as bench/validate_speed.py and the README's validate rows mean it: the first run,
    # with no cache yet (the run users pay once, which also writes the cache).
    return interleaved(
        {
            "cold": Run([hnqt, "validate"], {}),
            "changed": Run([hnqt, "validate", "--changed", "HEAD"], {}),
            "floor": Run([sys.executable, "-c", FLOOR], {}),
        },
        repeat,
        root,
        before={"cold": restore, "changed": edit},
    )


def progress_figures(work: Path, repeat: int) -> dict[str, float]:
    hnqt = tool("hnqt")
    root = work / "shipped"
    shutil.copytree(REPO / "data", root / "data")
    shutil.copy(REPO / "hnqt.toml", root / "hnqt.toml")
    subprocess.run([hnqt, "due", "--so", "Sở Y tế"], cwd=root, check=True, capture_output=True)
    return interleaved(
        {
            "due": Run([hnqt, "due", "--so", "Sở Y tế"], {}),
            "progress": Run(
                [hnqt, "progress", "kh-nq59/V.19", "--note", "Đã làm", "--by", "SYT"], {}
            ),
        },
        repeat,
        root,
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--work", type=Path, default=None)
    options = parser.parse_args()
    require_installed_copy()
    work = options.work or Path(tempfile.mkdtemp(prefix="hnqt-bench-"))
    root = generate(work / f"registry-{options.size}", options.size)
    ok = True

    f = fmt_figures(root, options.repeat)
    ratio, warm = f["cold"] / f["yamllint"], f["warm"] / f["cold"]
    print(f"fmt --check, {options.size} tệp: lần đầu {f['cold']:.2f} s CPU, yamllint "
          f"{f['yamllint']:.2f} s → {ratio:.2f}× (ngân sách ≤ 1.0×); lần hai {f['warm']:.2f} s"
          f" → {warm:.3f}× lần đầu (ngân sách ≤ 0.1×)", flush=True)  # fmt: skip
    ok &= ratio <= 1.0 and warm <= 0.1

    c = changed_figures(root, options.repeat)
    ratio = c["changed"] / c["cold"]
    print(f"validate --changed sau khi sửa một tệp: {c['changed']:.3f} s CPU; validate toàn bộ "
          f"lần đầu {c['cold']:.2f} s → {ratio:.3f}× (ngân sách ≤ 0.1×); riêng Python, Typer, "
          f"Pydantic, ruamel.yaml và git status: {c['floor']:.3f} s → "
          f"{c['floor'] / c['cold']:.3f}×", flush=True)  # fmt: skip
    ok &= ratio <= 0.1

    p = progress_figures(work, options.repeat)
    ratio = p["progress"] / p["due"]
    print(f"progress {p['progress'] * 1000:.0f} ms CPU; due --so \"Sở Y tế\" {p['due'] * 1000:.0f}"
          f" ms → {ratio:.2f}× (ngân sách ≤ 2×)", flush=True)  # fmt: skip
    ok &= ratio <= 2

    if options.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
