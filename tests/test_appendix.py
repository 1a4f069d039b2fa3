"""The appendix's columns and cell formats, shared by the Excel export and the imports."""

from __future__ import annotations

from datetime import date

import pytest

from hnqt.appendix import (
    column_of,
    is_header,
    progress_entry,
    section_of,
    show_progress,
    show_source,
    source_ref,
    split_units,
)


@pytest.mark.parametrize(
    ("heading", "column"),
    [
        ("TT", "code"),
        ("STT", "code"),
        ("Số thứ tự", "code"),
        ("Tên nhiệm vụ", "title"),
        ("TÊN NHIỆM VỤ", "title"),
        ("ten nhiem vu", "title"),
        ("Nội dung nhiệm vụ", "title"),
        ("Cơ quan\nchủ trì", "lead"),
        ("Cơ quan, đơn vị chủ trì", "lead"),
        ("co quan phoi hop", "support"),
        ("Kết quả/Sản phẩm", "output"),
        ("Thời gian hoàn\nthành", "deadline"),
        ("Thời hạn hoàn thành (dự kiến)", "deadline"),
        ("Hạn tiếp theo", "next_due"),
        ("Trạng thái", "status"),
        ("Tiến độ gần nhất", "progress"),
        ("Ghi chú", "notes"),
        ("Nguồn", "source"),
        ("Chữ ký", None),
    ],
)
def test_headings_are_recognised_loosely(heading, column):
    assert column_of(heading) == column


def test_a_header_row_names_the_task_and_two_other_columns():
    assert is_header(("TT", "Tên nhiệm vụ", "Cơ quan chủ trì"))
    assert not is_header(("TT", "Tên nhiệm vụ", "Ghi chú"))
    assert not is_header(("1", "Tuyên truyền nhiệm vụ", "Sở Y tế", "2026"))


def test_sections_start_with_a_roman_numeral():
    assert section_of("II. Nâng cao hiệu quả") == ("II", "Nâng cao hiệu quả")
    assert section_of("VII Nâng cao") == ("VII", "Nâng cao")
    assert section_of("IV") == ("IV", "")
    assert section_of("Ít nhất") is None and section_of("1. Việc") is None


def test_unit_cells_split_and_progress_and_source_cells_read_back():
    assert split_units("A;\nB (C; D)\n\n E .") == ["A", "B (C; D)", "E"]
    shown = show_progress(date(2026, 11, 20), "Đã trình")
    assert shown == "20/11/2026: Đã trình"
    assert progress_entry(shown, date(2026, 1, 1)) == {"date": "2026-11-20", "note": "Đã trình"}
    assert progress_entry("Đang làm", date(2026, 1, 2)) == {
        "date": "2026-01-02",
        "note": "Đang làm",
    }
    assert progress_entry("31/02/2026: sai ngày", date(2026, 1, 2))["date"] == "2026-01-02"
    assert progress_entry("  ", date(2026, 1, 2)) is None
    assert progress_entry("20/11/2026", date(2026, 1, 2)) == {"date": "2026-11-20"}
    assert source_ref(show_source("nguon.txt", "Phụ lục II, V.19")) == {
        "file": "nguon.txt",
        "ref": "Phụ lục II, V.19",
    }
    assert source_ref(show_source("nguon.txt", None)) == {"file": "nguon.txt"}
