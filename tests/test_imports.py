"""One-way imports, enforced: the layers of pyproject.toml's import-linter contract
(io → model → registry → queries → render → cli) hold, every module stands in a layer, and no
module imports itself back through others."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp

from conftest import REPO

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(root: Path, src: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root, capture_output=True, text=True, timeout=300,
        env={"PYTHONPATH": str(src), "PATH": str(Path(sys.executable).parent)},
    )  # fmt: skip


def test_the_layers_contract_is_kept() -> None:
    result = lint_imports(REPO, REPO / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_an_upward_import_breaks_the_contract(tmp_path: Path) -> None:
    shutil.copytree(REPO / "src" / "hnqt", tmp_path / "src" / "hnqt")
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    model = tmp_path / "src" / "hnqt" / "model.py"
    model.write_text(model.read_text(encoding="utf-8") + "\nfrom .render import data\n",
                     encoding="utf-8")  # fmt: skip
    result = lint_imports(tmp_path, tmp_path / "src")
    assert result.returncode == 1
    assert "hnqt.model -> hnqt.render.data" in result.stdout


def _layers() -> list[set[str]]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = config["tool"]["importlinter"]["contracts"]
    return [{name.strip() for name in layer.split(":")} for layer in contract["layers"]]


def test_every_module_stands_in_a_layer() -> None:
    placed = set().union(*_layers())
    package = REPO / "src" / "hnqt"
    modules = {f"hnqt.{path.stem}" for path in package.glob("*.py") if path.stem != "__init__"}
    modules |= {f"hnqt.{path.parent.name}" for path in package.glob("*/__init__.py")}
    assert sorted(modules - placed) == [], "add new modules to [tool.importlinter] layers"
    assert sorted(placed - modules) == []


def find_cycle(imports: dict[str, set[str]]) -> list[str] | None:
    """A chain of imports that comes back to where it started, or None."""
    done: set[str] = set()

    def cycle_from(module: str, path: list[str]) -> list[str] | None:
        for imported in sorted(imports.get(module, ())):
            if imported in path:
                return [*path[path.index(imported) :], imported]
            if imported not in done and (found := cycle_from(imported, [*path, imported])):
                return found
        done.add(module)
        return None

    return next(filter(None, (cycle_from(module, [module]) for module in sorted(imports))), None)


def test_the_cycle_finder_can_fail() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"b"}}) == ["b", "c", "b"]


def test_no_import_cycle() -> None:
    graph = grimp.build_graph("hnqt", exclude_type_checking_imports=True)
    imports = {module: graph.find_modules_directly_imported_by(module) for module in graph.modules}
    assert find_cycle(imports) is None
