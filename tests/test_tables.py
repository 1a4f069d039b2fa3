"""Plain tables: widths counted in terminal cells, columns fitted to the terminal."""

from __future__ import annotations

import sys
import types

import pytest

from hnqt.render import due, tables
from hnqt.render.tables import Column, clip, fit_columns, paint, width, wrap

COLUMNS = [Column("Mã"), Column("Nội dung", flexible=True), Column("Hạn", right=True)]
TITLE = "Tổ chức triển khai hiệu quả Đề án hợp tác quốc tế"


@pytest.mark.parametrize(
    ("text", "cells"),
    [
        ("abc", 3), ("Sở Y tế", 7), ("“Quá hạn” – ≤ 30%", 17), ("日本", 4), ("e\u0301", 1), ("", 0),
        ("a\u200bb", 2),  # zero-width space
        ("a\u20d0", 1), ("a\u0483", 1), ("a\u1ab0", 1),  # combining marks outside U+0300–036F
        ("⌚", 2), ("☕", 2), ("😀", 2), ("★", 1),  # wide symbols, and a narrow one
        ("Sở Y tế ☕\u200b", 10),
    ],
)  # fmt: skip
def test_width_counts_cells_as_rich_does(text: str, cells: int) -> None:
    from rich.cells import cell_len

    assert width(text) == cells == cell_len(text)


@pytest.mark.parametrize("text", ["a\u200bbc", "☕☕☕", "Sở\u20d0 Y tế"])
def test_clip_and_wrap_count_the_same_cells(text: str) -> None:
    assert width(clip(text, 3)) <= 3
    assert all(width(line) <= 2 for line in wrap(text, 2))


def test_clip_adds_an_ellipsis_only_when_cutting() -> None:
    assert clip("Sở Y tế", 7) == "Sở Y tế"
    assert clip("Sở Y tế Hà Nội", 8) == "Sở Y tế…"
    assert width(clip("日本語のテキスト", 7)) <= 7


def test_fit_columns_shares_the_terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    rows = fit_columns(COLUMNS, [["V.19", TITLE, "31/12/2026"]])
    assert [len(lines) for lines in rows] == [1, 1, 1]
    lines = [lines[0] for lines in rows]
    assert lines[0].startswith("Mã    Nội dung")
    assert all(width(line) <= 40 for line in lines)
    assert lines[2].endswith("31/12/2026") and "…" in lines[2]


def test_fit_columns_wraps_for_a_person(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    _, _, row = fit_columns(COLUMNS, [["V.19", TITLE, "31/12/2026"]], wrap_cells=True)
    assert len(row) > 1 and all(width(line) <= 40 for line in row)
    assert row[0].startswith("V.19  ") and row[0].endswith("31/12/2026")
    assert all(line.startswith(" " * 6) for line in row[1:])  # under "Nội dung"
    words = " ".join(row).split()
    assert [w for w in words if w not in ("V.19", "31/12/2026")] == TITLE.split()


@pytest.mark.parametrize(
    ("text", "room", "lines"),
    [
        ("Sở Y tế chủ trì", 7, ["Sở Y tế", "chủ trì"]),
        ("Sở   Y tế", 20, ["Sở Y tế"]),
        ("", 5, [""]),
        ("Thành phố", 4, ["Thàn", "h", "phố"]),
        ("日本 日本語", 5, ["日本", "日本", "語"]),
        ("https://mofa.gov.vn/a", 8, ["https://", "mofa.gov", ".vn/a"]),
    ],
)
def test_wrap_breaks_at_spaces_within_cells(text: str, room: int, lines: list[str]) -> None:
    assert wrap(text, room) == lines
    assert "".join(wrap(text, room)).replace(" ", "") == "".join(text.split())  # nothing lost
    assert all(width(line) <= room for line in wrap(text, room))


@pytest.mark.parametrize("style", sorted({*due._STYLES.values(), "bold", "dim"} - {""}))
def test_paint_writes_what_rich_writes_for_the_same_style(style: str) -> None:
    """Rich is the reference for what a style name means on a terminal."""
    from rich.color import ColorSystem
    from rich.style import Style

    expected = Style.parse(style).render("Quá hạn", color_system=ColorSystem.STANDARD)
    assert paint("Quá hạn", style) == expected


def test_paint_leaves_plain_text_alone() -> None:
    assert paint("Quá hạn", "") == "Quá hạn"
    assert paint("", "bold red") == ""


@pytest.mark.parametrize(
    ("env", "tty", "platform", "wanted", "fixed"),
    [
        ({}, True, "linux", True, 0),
        ({}, False, "linux", False, 0),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, "linux", False, 0),
        ({"FORCE_COLOR": "1"}, False, "linux", True, 0),
        ({"TERM": "dumb"}, True, "linux", False, 0),
        ({}, True, "win32", True, 1),  # colorama turns the codes on (or translates them)
        ({}, False, "win32", False, 0),
    ],
)
def test_colour_only_where_it_shows_as_colour(
    monkeypatch: pytest.MonkeyPatch, env, tty, platform, wanted, fixed
) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(tables.sys.stdout, "isatty", lambda: tty)
    monkeypatch.setattr(tables.sys, "platform", platform)
    calls: list[str] = []
    colorama = types.SimpleNamespace(just_fix_windows_console=lambda: calls.append("fixed"))
    monkeypatch.setitem(sys.modules, "colorama", colorama)
    assert tables.colour_wanted() is wanted
    assert len(calls) == fixed
