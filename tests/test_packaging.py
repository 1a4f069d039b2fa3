"""pyproject.toml declares every third-party package the code imports and nothing it does not
use; the license is an SPDX expression with its file."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import metadata, packages_distributions
from pathlib import Path

from conftest import REPO

PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
# Test requirements that are commands run by the suite or bench/, not imported.
COMMANDS = {"ruff": "ruff", "mypy": '"mypy"', "import-linter": "lint-imports",
            "check-jsonschema": "check-jsonschema", "yamllint": "tool(\"yamllint\")"}  # fmt: skip


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(requirements: list[str]) -> set[str]:
    return {normal(re.split(r"[\s;<>=!~\[]", r, maxsplit=1)[0]) for r in requirements}


def imported(*folders: Path) -> set[str]:
    """Top-level names of every absolute import (lazy ones too) outside the standard library
    and the folders' own modules."""
    files = [path for folder in folders for path in folder.rglob("*.py")]
    # Scripts beside each other import one another by name; a module inside the package
    # (hnqt/importing/docx.py) is imported relatively, and `import docx` there is the library.
    local = {"hnqt"} | {path.stem for folder in folders for path in folder.glob("*.py")}
    names: set[str] = set()
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n not in local}


def distributions(names: set[str]) -> set[str]:
    """The distributions that provide these import names (a name not installed, such as
    colorama off Windows, stands for itself)."""
    found = packages_distributions()
    return {normal(dist) for name in names for dist in found.get(name, [name])}


RUNTIME = declared(PROJECT["dependencies"])
TEST = declared(PROJECT["optional-dependencies"]["test"])


def test_what_src_imports_is_declared_and_what_is_declared_is_imported() -> None:
    used = distributions(imported(REPO / "src"))
    assert sorted(used - RUNTIME) == []
    assert sorted(RUNTIME - used) == []


def test_what_tests_and_bench_use_is_declared_in_the_test_extra() -> None:
    used = distributions(imported(REPO / "tests", REPO / "bench"))
    assert sorted(used - RUNTIME - TEST) == []
    code = "".join(p.read_text(encoding="utf-8") for p in [*REPO.glob("tests/*.py"),
                                                             *REPO.glob("bench/*.py")])  # fmt: skip
    stubs = {f"types-{name}" for name in distributions(imported(REPO / "src"))}  # for mypy
    unused = {name for name in TEST - used - stubs if COMMANDS.get(name, f"\0{name}") not in code}
    assert sorted(unused) == []


def test_the_import_scan_can_fail(tmp_path: Path) -> None:
    source = "import os\nimport yaml\n\ndef f():\n    from lxml import etree\nfrom . import b\n"
    (tmp_path / "a.py").write_text(source + "import a\n", encoding="utf-8")
    assert imported(tmp_path) == {"yaml", "lxml"}
    assert declared(["ruamel.yaml>=0.18,<0.20", "colorama; sys_platform == 'win32'"]) == {
        "ruamel-yaml", "colorama"}  # fmt: skip


def test_the_license_is_an_spdx_expression_with_its_file() -> None:
    assert PROJECT["license"] == "MIT"
    assert PROJECT["license-files"] == ["LICENSE"]
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    assert metadata("hnqt")["License-Expression"] == "MIT"
