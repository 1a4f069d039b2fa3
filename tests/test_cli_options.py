"""Options shared by the commands: statuses by Vietnamese label (with or without diacritics) or
by code, and help pages that show no bare English code or click notation."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

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
