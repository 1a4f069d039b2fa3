"""Typer's English usage errors reach users in Vietnamese, with exit 2 and a pointer to help."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from conftest import FIXTURE
from hnqt.cli import app
from hnqt.usage_vi import translate

runner = CliRunner()


@pytest.mark.parametrize(
    ("args", "message", "hint"),
    [
        (["validate", "--format", "xml"], "“xml” không dùng được cho --format / -f",
         "chọn một trong: text, json, github"),
        (["validate", "--foo"], "không có tùy chọn --foo", "có phải --format?"),
        (["list"], "thiếu LOẠI",
         "chọn một trong: tasks, reports, plans, agreements, partners, units"),
        (["nope"], "không có lệnh “nope”", "xem `hnqt --help`"),
        (["dua"], "không có lệnh “dua”", "có phải due?"),
        # Typer 0.29 no longer gives the value in these two: "giá trị" stands for it
        (["due", "--within", "-1"], ("--within: -1 nằm ngoài khoảng cho phép (từ 0 đến 36500)",
         "--within: giá trị nằm ngoài khoảng cho phép (từ 0 đến 36500)"), "hnqt due --help"),
        (["due", "--within", "abc"], ("--within: “abc” không phải số nguyên",
         "--within: giá trị không phải số nguyên"), "hnqt due --help"),
        (["show", "a", "b"], "thừa đối số: b", "hnqt show --help"),
        (["due", "--so"], "tùy chọn --so cần một giá trị", "--help"),
        (["export", "xlsx", "--plan", "kh-nq59"], "thiếu tùy chọn bắt buộc --output",
         "hnqt export xlsx --help"),
    ],
)  # fmt: skip
def test_usage_errors_are_vietnamese(
    args: list[str], message: str | tuple[str, ...], hint: str
) -> None:
    result = runner.invoke(app, [*args], env={"HNQT_REGISTRY": str(FIXTURE)})
    assert result.exit_code == 2
    accepted = (message,) if isinstance(message, str) else message
    assert any(f"lỗi: {one}" in result.output for one in accepted), result.output
    assert hint in result.output
    assert "Error:" not in result.output and "Traceback" not in result.output


def test_an_unknown_message_is_kept_rather_than_lost() -> None:
    assert translate("Something new from click.") == (
        "cách dùng chưa đúng: Something new from click.", "")  # fmt: skip


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [("x>=0", "từ 0 trở lên"), ("1<=x<=12", "từ 1 đến 12"), ("x<=5", "từ 5 trở xuống"),
     ("0<x", "0<x")],
)  # fmt: skip
def test_ranges_are_said_in_words(english: str, vietnamese: str) -> None:
    message, _ = translate(f"Invalid value for '--n': 9 is not in the range {english}.")
    assert message == f"--n: 9 nằm ngoài khoảng cho phép ({vietnamese})"


# What click (Typer < 0.29) and Pydantic (Typer 0.29) say, for the same three mistakes.
@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [
        ("Invalid value for '--format' / '-f': 'xml' is not one of 'text', 'json', 'github'.",
         "“xml” không dùng được cho --format / -f"),
        ("Invalid value for '--format' / '-f': Value error, 'xml' is not one of 'text', 'json', "
         "'github'.", "“xml” không dùng được cho --format / -f"),
        ("Invalid value for '--within': -1 is not in the range x>=0.",
         "--within: -1 nằm ngoài khoảng cho phép (từ 0 trở lên)"),
        ("Invalid value for '--within': Input should be greater than or equal to 0",
         "--within: giá trị nằm ngoài khoảng cho phép (từ 0 trở lên)"),
        ("Invalid value for '--n': Input should be less than 13",
         "--n: giá trị nằm ngoài khoảng cho phép (nhỏ hơn 13)"),
        ("Invalid value for '--within': 'abc' is not a valid int range.",
         "--within: “abc” không phải số nguyên"),
        ("Invalid value for '--within': Input should be a valid integer, unable to parse string "
         "as an integer", "--within: giá trị không phải số nguyên"),
    ],
)  # fmt: skip
def test_both_typer_wordings_are_translated(english: str, vietnamese: str) -> None:
    assert translate(english)[0] == vietnamese
