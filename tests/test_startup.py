"""`hnqt due` stays within its start-up budget by what it does not import: with a warm cache it
reads no YAML and validates nothing, so ruamel.yaml and hnqt's Pydantic models
(hnqt.validation) stay unloaded, and heavy libraries load only in the commands that use them
(icalendar for --format ics). Pydantic itself is not watched: Typer 0.29 loads it. The budget
itself is measured by bench/due_speed.py, not here."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import AS_OF, FIXTURE

HEAVY = {"ruamel", "_ruamel_yaml", "icalendar", "jinja2", "docx", "docxtpl", "openpyxl",
         "hypothesis", "hnqt.validation", "hnqt.yamlio"}  # fmt: skip
PROBE = f"""
import os, sys
leave = os._exit
def report(code):
    names = {{name.split(".")[0] for name in sys.modules}} | set(sys.modules)
    loaded = sorted(names & set({sorted(HEAVY)!r}))
    print("loaded:", ",".join(loaded), file=sys.stderr, flush=True)
    leave(code)
os._exit = report
sys.argv = ["hnqt", *sys.argv[1:]]
from hnqt.cli import main
main()
"""


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("startup") / "registry"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns(".hnqt-cache"))
    return root


def loaded(registry: Path, *args: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args, "--registry", str(registry)],
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    (line,) = [line for line in done.stderr.splitlines() if line.startswith("loaded:")]
    return [name for name in line.removeprefix("loaded:").strip().split(",") if name]


@pytest.mark.parametrize("form", [[], ["--format", "json"], ["--format", "csv"]])
def test_due_with_a_warm_cache_loads_nothing_heavy(registry: Path, form: list[str]) -> None:
    due = ["due", "--so", "Sở Y tế", "--as-of", AS_OF.isoformat(), *form]
    cold = loaded(registry, *due)
    assert {"ruamel", "hnqt.validation"} <= set(cold)  # the first run reads and checks all
    assert loaded(registry, *due) == []


def test_ics_loads_icalendar_only_when_asked(registry: Path) -> None:
    due = ["due", "--so", "Sở Y tế", "--as-of", AS_OF.isoformat(), "--format", "ics"]
    loaded(registry, *due)
    assert loaded(registry, *due) == ["icalendar"]
