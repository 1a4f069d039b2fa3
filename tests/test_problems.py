"""Problem codes are stable and registered; problems sort like yamllint's."""

from __future__ import annotations

import re

import pytest

from conftest import REPO
from hnqt.problems import CODES, Problem


def test_an_unregistered_code_is_a_bug() -> None:
    with pytest.raises(ValueError, match="unregistered"):
        Problem("data/x.yaml", 1, 1, "made-up-code", "…")


def test_codes_are_kebab_case_and_documented() -> None:
    documented = (REPO / "docs" / "problem-codes.md").read_text(encoding="utf-8")
    for code, meaning in CODES.items():
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", code)
        assert meaning and f"`{code}`" in documented, code


def test_problems_sort_by_file_line_column_code() -> None:
    problems = [
        Problem("b.yaml", 1, 1, "tab", "x"),
        Problem("a.yaml", 9, 1, "tab", "x"),
        Problem("a.yaml", 2, 5, "bad-key", "x"),
        Problem("a.yaml", 2, 5, "bad-date", "x"),
    ]
    assert [(p.file, p.line, p.column, p.code) for p in sorted(problems)] == [
        ("a.yaml", 2, 5, "bad-date"), ("a.yaml", 2, 5, "bad-key"),
        ("a.yaml", 9, 1, "tab"), ("b.yaml", 1, 1, "tab"),
    ]  # fmt: skip


def test_a_file_shows_its_first_50_problems_then_how_many_more() -> None:
    from hnqt.problems import cap_per_file

    many = [Problem("data/a.yaml", line, 1, "unknown-field", "…") for line in range(120, 0, -1)]
    other = [Problem("data/b.yaml", 1, 1, "bad-date", "…")]
    capped = cap_per_file(many + other)
    shown = [p for p in capped if p.file == "data/a.yaml"]
    assert [p.line for p in shown[:50]] == list(range(1, 51))  # the first by position
    assert shown[50].code == "too-many-problems" and shown[50].line == 51
    assert shown[50].message == "và 70 lỗi khác trong tệp này (chỉ hiện 50 lỗi đầu)"
    assert [p for p in capped if p.file == "data/b.yaml"] == other  # other files untouched
    assert cap_per_file(other) is other
