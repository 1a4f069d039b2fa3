"""The code stays ruff-clean (lint and format), checked where every change is checked."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import REPO

RUFF = shutil.which("ruff")


@pytest.mark.skipif(RUFF is None, reason="ruff is installed by the test extra")
@pytest.mark.parametrize("command", [["check"], ["format", "--check"]])
def test_ruff(command: list[str]) -> None:
    result = subprocess.run([RUFF, *command, "src", "tests", "bench"], cwd=REPO,
                            capture_output=True, text=True)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
