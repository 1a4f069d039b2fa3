"""mypy passes on src/ with the configuration in pyproject.toml, so `.ci/run` fails on a type
error; and the records are visible to it (dataclass_transform on `values.record`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import REPO


def mypy(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mypy", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=600)  # fmt: skip


def test_src_type_checks() -> None:
    result = mypy()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout


def test_a_wrong_record_call_is_a_type_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from hnqt.model import Unit\n"
        'Unit(id="a", name="b", kind="so", colour=1)\n'
        'unit = Unit(id="a", name="b", kind="nope")\n'
        'unit.name = "c"\n',
        encoding="utf-8",
    )
    result = mypy("--config-file", str(REPO / "pyproject.toml"), str(bad))
    assert result.returncode == 1
    for line, code in ((2, "call-arg"), (3, "arg-type"), (4, "misc")):
        assert f"bad.py:{line}: error:" in result.stdout and f"[{code}]" in result.stdout, line
