"""The frame of a help page in Vietnamese: usage line, headings and click's own phrases."""

from __future__ import annotations

from hnqt.help_vi import VietnameseHelp


def test_usage_line_headings_and_phrases_are_vietnamese() -> None:
    formatter = VietnameseHelp(width=80)
    formatter.write_usage("hnqt due", "[TÙY_CHỌN]")
    for heading in ("Options", "Arguments", "Commands", "Khác"):
        with formatter.section(heading):
            formatter.write_dl([("-h, --help", "Show this message and exit."),
                                ("--role", "Vai trò.  [default: lead]"),
                                ("--so", "Đơn vị.  [required]")])  # fmt: skip
    text = formatter.getvalue()
    assert text.startswith("Cách dùng: hnqt due [TÙY_CHỌN]\n")
    for heading in ("Tùy chọn:", "Đối số:", "Lệnh:", "Khác:"):
        assert f"\n{heading}\n" in text
    assert text.count("Xem hướng dẫn này.") == 4
    assert text.count("[mặc định: lead]") == 4 and text.count("[bắt buộc]") == 4
    for english in ("Usage", "Options", "Arguments", "Commands", "default", "required", "Show"):
        assert english not in text


def test_number_ranges_are_said_in_words() -> None:
    formatter = VietnameseHelp(width=200)
    formatter.write_dl([("--within", "Số ngày.  [x>=0]"),
                        ("--year", "Năm.  [1900<=x<=2200; required]"),
                        ("--n", "Tối đa.  [x<=9]")])  # fmt: skip
    text = formatter.getvalue()
    assert "[từ 0 trở lên]" in text and "[từ 1900 đến 2200; bắt buộc]" in text
    assert "[tối đa 9]" in text and "x" not in text.replace("--n", "")
