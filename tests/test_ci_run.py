"""`.ci/run` is the README's test command and nothing else, with the source documents when
they lie next to the repository (HNQT_SOURCES); the suite needs nothing outside it."""

from __future__ import annotations

import re

from conftest import REPO


def test_ci_run_is_the_readme_test_command_with_the_sources_when_present() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command = re.search(r"Chạy bộ kiểm thử.*?```sh\n(.+?)\n```", readme, re.S)
    assert command is not None
    lines = [line for line in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]  # fmt: skip
    assert lines == [
        "set -euo pipefail",
        'cd "$(dirname "$0")/.."',
        'if [ -d ../shared/sources ]; then export HNQT_SOURCES="$PWD/../shared/sources"; fi',
        command[1],
    ]
