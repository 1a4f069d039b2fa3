"""Plain tables: widths counted in terminal cells, columns fitted to the terminal."""

from __future__ import annotations

import pytest

from hnqt.render.tables import Column, clip, fit_columns, width


@pytest.mark.parametrize(
    ("text", "cells"),
    [("abc", 3), ("Sở Y tế", 7), ("“Quá hạn” – ≤ 30%", 17), ("日本", 4), ("e\u0301", 1), ("", 0)],
)
def test_width_counts_terminal_cells(text: str, cells: int) -> None:
    assert width(text) == cells


def test_clip_adds_an_ellipsis_only_when_cutting() -> None:
    assert clip("Sở Y tế", 7) == "Sở Y tế"
    assert clip("Sở Y tế Hà Nội", 8) == "Sở Y tế…"
    assert width(clip("日本語のテキスト", 7)) <= 7


def test_fit_columns_shares_the_terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    lines = fit_columns(
        [Column("Mã"), Column("Nội dung", flexible=True), Column("Hạn", right=True)],
        [["V.19", "Tổ chức triển khai hiệu quả Đề án hợp tác quốc tế", "31/12/2026"]],
    )
    assert lines[0].startswith("Mã    Nội dung")
    assert all(width(line) <= 40 for line in lines)
    assert lines[2].endswith("31/12/2026") and "…" in lines[2]
