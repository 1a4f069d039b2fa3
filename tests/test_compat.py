"""The private APIs hnqt leans on are reached through hnqt.compat alone, with a fallback where
one exists."""

from __future__ import annotations

import hashlib
import importlib
import re
import sys

import pytest

from conftest import REPO
from hnqt import compat

PRIVATE = re.compile(
    r"^\s*(?:from|import) (typer\._click|_blake2|_ruamel_yaml|ruamel\.yaml\.cyaml)\b", re.MULTILINE
)


def test_only_compat_imports_private_apis() -> None:
    users = sorted(
        path.relative_to(REPO).as_posix()
        for path in (REPO / "src" / "hnqt").rglob("*.py")
        if PRIVATE.search(path.read_text(encoding="utf-8"))
    )
    assert users == ["src/hnqt/compat.py"]


def test_blake2b_falls_back_to_hashlib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "_blake2", None)  # a Python built without it
    fallback = importlib.reload(compat)
    try:
        assert fallback.blake2b is hashlib.blake2b
        signed = fallback.blake2b(b"hnqt", key=b"k", digest_size=32).hexdigest()
    finally:
        monkeypatch.undo()
        importlib.reload(compat)
    assert compat.blake2b(b"hnqt", key=b"k", digest_size=32).hexdigest() == signed


def test_click_names_load_on_first_use() -> None:
    assert compat.Context.__module__ == "typer._click.core"
    assert issubclass(compat.NoArgsIsHelpError, compat.ClickException)
    with pytest.raises(AttributeError):
        compat.Missing  # noqa: B018


def test_the_c_parser_reads_events() -> None:
    parser = compat.yaml_parser("a: 1\n")
    try:
        kinds = []
        while parser.check_event():
            kinds.append(type(parser.get_event()).__name__)
    finally:
        parser.dispose()
    assert kinds[0] == "StreamStartEvent" and "ScalarEvent" in kinds
