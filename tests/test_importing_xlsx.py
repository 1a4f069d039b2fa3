"""Excel cells as the appendix means them: Excel's dates and serial numbers read as dates, a
year kept a year, a formula refused; merged cells under the Word reader's rules."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from appendix_docs import HEADER, sheet
from hnqt.importing.xlsx import cell_text, read_tables
from hnqt.problems import UsageError


@pytest.mark.parametrize(
    ("value", "kind", "text"),
    [
        (None, "n", ""),
        ("Hàng năm", "s", "Hàng năm"),
        (2026, "n", "2026"),
        (3, "n", "3"),
        (3.0, "n", "3"),
        (46203, "n", "30/06/2026"),
        (46203.5, "n", "30/06/2026"),
        (datetime(2026, 6, 30, 0, 0), "d", "30/06/2026"),
        (date(2026, 6, 30), "d", "30/06/2026"),
    ],
)
def test_cell_values_become_the_text_the_appendix_means(value, kind, text):
    assert cell_text(value, kind) == (text, None)


def test_a_formula_is_refused_with_a_reason():
    text, fault = cell_text("=A1+1", "f")
    assert text == "" and "công thức “=A1+1”" in fault


def test_merged_cells_follow_the_word_rules(tmp_path):
    def build(ws):
        ws.merge_cells("C2:C3")  # merged down
        ws.merge_cells("A4:F4")  # merged across the row

    rows = [
        HEADER,
        ["1", "Một", "Sở Y tế", None, None, 2026],
        ["2", "Hai", None, None, None, 2027],
        ["II. Mục hai"],
    ]
    (table,) = read_tables(sheet(tmp_path / "a.xlsx", rows, build))
    assert [row.cells[2] for row in table.rows[1:3]] == ["Sở Y tế", "Sở Y tế"]
    assert table.rows[3].spans_all() and table.rows[3].cells[0] == "II. Mục hai"


def test_a_file_that_is_not_a_workbook_is_a_usage_error(tmp_path):
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(UsageError) as raised:
        read_tables(path)
    assert ".xlsx" in raised.value.hint


def test_a_text_cell_starting_with_equals_is_text():
    assert cell_text("=không phải công thức", "s") == ("=không phải công thức", None)


def test_a_package_that_unpacks_beyond_the_limit_is_refused_before_reading(tmp_path, monkeypatch):
    from hnqt.importing import rows

    path = sheet(tmp_path / "a.xlsx", [HEADER])
    monkeypatch.setattr(rows, "UNPACKED_LIMIT", 1000)
    with pytest.raises(UsageError) as raised:
        read_tables(path)
    assert "quá giới hạn" in raised.value.message


def test_a_file_that_cannot_be_opened_says_why_in_vietnamese(tmp_path):
    folder = tmp_path / "a.xlsx"
    folder.mkdir()  # a folder named like the workbook: the OS refuses to open it
    with pytest.raises(UsageError) as raised:
        read_tables(folder)
    assert raised.value.message == f"không mở được “{folder}”: là thư mục"
    assert raised.value.hint == "kiểm tra đường dẫn và quyền đọc tệp"
    assert folder.is_dir() and not any(folder.iterdir())
