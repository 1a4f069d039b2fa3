"""Options shared by the commands: statuses by Vietnamese label (with or without diacritics) or
by code, help pages that show no bare English code or click notation, and values out of range
or unfit are usage errors (exit 2, Vietnamese), never exit 3."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from conftest import REPO
from hnqt.cli import app
from hnqt.cli.options import STATUS_HELP, status_filter
from hnqt.problems import UsageError
from hnqt.statuses import OPEN_STATUSES, STATUS_LABELS, STATUSES

runner = CliRunner()
COMMANDS = ["due", "list", "stats", "show", "validate", "schema", "diff", "fmt", "progress",
            "event", "report-submitted", "new"]  # fmt: skip


def test_the_status_help_gives_every_label_with_its_code():
    for code, label in STATUS_LABELS.items():
        assert f"{label.lower()} ({code})" in STATUS_HELP
    assert "tất cả (all)" in STATUS_HELP


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (["quá hạn"], {"overdue"}),
        (["qua han"], {"overdue"}),
        (["Chờ văn bản,overdue"], {"awaiting_event", "overdue"}),
        (["THUONG XUYEN", "Đang thực hiện trong hạn"], {"ongoing", "on_track"}),
        (["tat ca"], set(STATUSES)),
        (["all"], set(STATUSES)),
        (None, set(OPEN_STATUSES)),
    ],
)
def test_statuses_by_label_or_code(given, expected):
    assert status_filter(given) == expected


def test_an_unknown_status_lists_labels_and_codes():
    with pytest.raises(UsageError) as raised:
        status_filter(["xong"])
    assert "“xong”" in raised.value.message and "quá hạn (overdue)" in raised.value.hint


@pytest.mark.parametrize("command", COMMANDS)
def test_help_pages_show_no_click_notation_or_bare_english(command):
    text = runner.invoke(app, [command, "--help"]).output
    assert text.startswith("Cách dùng: hnqt")
    assert not re.search(r"<[a-z|]+>|x[<>]=|\bdefault\b|\brequired\b|\bShow\b", text), text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["due", "--as-of", "31/12/9999"], "--as-of: năm 9999 nằm ngoài khoảng 1900–2200"),
        (["due", "--as-of", "0001-01-01"], "--as-of: năm 1 nằm ngoài khoảng 1900–2200"),
        (["show", "kh-nq59", "--as-of", "31/02/2026"], "ngày 31/2/2026 không tồn tại"),
        (["due", "--within", "99999999999"], "--within: 99999999999 nằm ngoài khoảng cho phép"),
        (["due", "--within", "-1"], "--within: -1 nằm ngoài khoảng cho phép"),
        (["due", "--so", "Sở\x00Y tế"], "có ký tự điều khiển (mã 0x00)"),
        (["due", "--so", "a" * 10_000], "quá dài (10000 ký tự; tối đa 300)"),
        (["list", "tasks", "--so", "\x1b[31m"], "có ký tự điều khiển (mã 0x1b)"),
        (["list", "agreements", "--partner", "x\x00"], "có ký tự điều khiển"),
        (["stats", "--plan", "p" * 301], "quá dài"),
        (["export", "ics", "-o", "/nonexistent/x.ics", "--plan", "k\x1b]8"], "có ký tự điều khiển"),
        (["import", "xlsx", "/nonexistent/x.xlsx", "--plan", "p" * 301], "quá dài"),
        (
            [
                "report-submitted",
                "kh-nq59",
                "--so",
                "S\x1b[2J",
                "--year",
                "2026",
                "--date",
                "1/1/2026",
            ],
            "có ký tự điều khiển",
        ),
        (["show", "kh-nq59/V.19\x00"], "có ký tự điều khiển"),
    ],
)
def test_unfit_option_values_are_usage_errors(args, message):
    result = runner.invoke(app, [*args, "--registry", str(REPO)])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert result.stderr.startswith("lỗi: ")
    assert "Traceback" not in result.output


def test_the_edges_of_the_range_are_taken():
    for args in (["due", "--as-of", "01/01/1900"], ["due", "--as-of", "31/12/2200",
                                                     "--within", "36500"]):  # fmt: skip
        result = runner.invoke(app, [*args, "--registry", str(REPO)])
        assert result.exit_code == 0, result.output
