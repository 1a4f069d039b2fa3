"""Dates known to the day, the month or only the year; dates typed by users."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from hnqt.cli import app
from hnqt.dates import DateError, PartialDate, parse_user_date, show

# --- PartialDate.parse ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025", PartialDate(2025)),
        (2025, PartialDate(2025)),
        ("2025-05", PartialDate(2025, 5)),
        ("2025-05-06", PartialDate(2025, 5, 6)),
        ("2024-02-29", PartialDate(2024, 2, 29)),
        ("2000-02-29", PartialDate(2000, 2, 29)),
        ("2025-12-31", PartialDate(2025, 12, 31)),
    ],
)
def test_parse(value, expected):
    parsed = PartialDate.parse(value)
    assert parsed == expected
    assert (parsed.year, parsed.month, parsed.day) == (expected.year, expected.month, expected.day)


@pytest.mark.parametrize(
    "value",
    ["2025-02-30", "2025-13", "2025-00", "2025-04-31", "2025-02-29", "1900-02-29", "2100-02-29",
     "06/05/2025", "2025-5-6", "25", "", "2025-05-06T00:00", True, 1800, 99999, None, 2025.0],
)  # fmt: skip
def test_parse_rejects(value):
    with pytest.raises(DateError):
        PartialDate.parse(value)


def test_parse_error_names_what_is_wrong():
    with pytest.raises(DateError, match="30/2/2025 không tồn tại"):
        PartialDate.parse("2025-02-30")
    with pytest.raises(DateError, match="tháng 13 không tồn tại"):
        PartialDate.parse("2025-13")
    with pytest.raises(DateError, match="YYYY-MM-DD"):
        PartialDate.parse("06/05/2025")


def test_leap_years():
    assert PartialDate.parse("2024-02-29").as_date() == date(2024, 2, 29)
    assert PartialDate.parse("2024-02").last_day() == date(2024, 2, 29)
    assert PartialDate.parse("2025-02").last_day() == date(2025, 2, 28)
    assert PartialDate.parse("2000-02").last_day() == date(2000, 2, 29)
    assert PartialDate.parse("2100-02").last_day() == date(2100, 2, 28)
    with pytest.raises(DateError, match="tháng 2 có 28 ngày"):
        PartialDate.parse("2025-02-29")


@pytest.mark.parametrize(
    ("value", "last"),
    [
        ("2025", date(2025, 12, 31)),
        ("2026", date(2026, 12, 31)),
        ("2025-05", date(2025, 5, 31)),
        ("2025-04", date(2025, 4, 30)),
        ("2023-12", date(2023, 12, 31)),
        ("2025-05-06", date(2025, 5, 6)),
    ],
)
def test_last_day(value, last):
    assert PartialDate.parse(value).last_day() == last


def test_as_date_only_for_full_dates():
    assert PartialDate.parse("2025-05-06").as_date() == date(2025, 5, 6)
    assert PartialDate.parse("2025-05").as_date() is None
    assert PartialDate.parse("2025").as_date() is None


@pytest.mark.parametrize(
    ("value", "shown", "iso"),
    [
        ("2025-05-06", "06/05/2025", "2025-05-06"),
        ("2025-12-31", "31/12/2025", "2025-12-31"),
        ("2025-05", "05/2025", "2025-05"),
        ("2025", "2025", "2025"),
        (2025, "2025", "2025"),
    ],
)
def test_str_is_dd_mm_yyyy_and_iso_round_trips(value, shown, iso):
    parsed = PartialDate.parse(value)
    assert str(parsed) == shown
    assert parsed.iso() == iso
    assert PartialDate.parse(parsed.iso()) == parsed


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_every_real_day_parses_and_shows(day):
    parsed = PartialDate.parse(day.isoformat())
    assert parsed.as_date() == day
    assert parsed.last_day() == day
    assert str(parsed) == day.strftime("%d/%m/%Y")
    assert PartialDate.parse(day.isoformat()[:7]).last_day().month == day.month


def test_show():
    assert show(date(2025, 5, 6)) == "06/05/2025"
    assert show(None) == ""


# --- the same dates in registry files ---------------------------------------------------------


def _plan_with_date(value: str) -> str:
    return f"""\
id: kh-test
kind: plan
title: "Kế hoạch thử"
date: {value}
issuer: "Ủy ban nhân dân thành phố Hà Nội"
sections:
  - {{code: "I", title: "Mục một"}}
"""


def _validate(root) -> tuple[int, dict]:
    result = CliRunner().invoke(app, ["validate", "--registry", str(root), "--format", "json"])
    return result.exit_code, json.loads(result.stdout)


@pytest.mark.parametrize(
    ("value", "code", "words"),
    [
        ('"2025-02-30"', "bad-date", "30/2/2025 không tồn tại"),
        ('"2025-02-29"', "bad-date", "29/2/2025 không tồn tại"),
        ('"2025-13"', "bad-date", "tháng 13 không tồn tại"),
        ('"06/05/2025"', "bad-value", "06/05/2025"),
    ],
)
def test_bad_dates_in_files_are_errors_at_their_line(make_registry, value, code, words):
    root = make_registry({"data/plans/kh-test/plan.yaml": _plan_with_date(value)})
    exit_code, report = _validate(root)
    assert exit_code == 1
    assert report["ok"] is False
    here = [e for e in report["errors"] if e["file"] == "data/plans/kh-test/plan.yaml"]
    assert code in {e["code"] for e in here}
    problem = next(e for e in here if e["code"] == code)
    assert (problem["line"], problem["column"]) == (4, 7)
    assert words in problem["message"]
    assert "2025-05-06" in problem["hint"]


@pytest.mark.parametrize("value", ['"2024-02-29"', '"2025-05"', '"2025"', "2025"])
def test_good_dates_in_files(make_registry, value):
    root = make_registry({"data/plans/kh-test/plan.yaml": _plan_with_date(value)})
    exit_code, report = _validate(root)
    assert (exit_code, report["errors"]) == (0, [])


# --- dates typed by users ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("22/11/2026", date(2026, 11, 22)),
        ("2026-11-22", date(2026, 11, 22)),
        (" 1/2/2026 ", date(2026, 2, 1)),
        ("01/02/2026", date(2026, 2, 1)),
        ("29/02/2028", date(2028, 2, 29)),
    ],
)
def test_parse_user_date(typed, expected):
    assert parse_user_date(typed) == expected


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("2026/11/22", "không phải là ngày"),
        ("31/04/2026", "31/4/2026 không tồn tại"),
        ("hôm nay", "“hôm nay” không phải là ngày"),
        ("29/02/2026", "tháng 2 có 28 ngày"),
        ("2026-11", "không phải là ngày"),
        ("2026", "không phải là ngày"),
        ("", "không phải là ngày"),
        ("11/22/2026", "tháng 22 không tồn tại"),
    ],
)
def test_parse_user_date_rejects_in_vietnamese(typed, words):
    with pytest.raises(DateError) as caught:
        parse_user_date(typed)
    assert words in str(caught.value)


def test_parse_user_date_message_shows_the_accepted_forms():
    with pytest.raises(DateError) as caught:
        parse_user_date("hôm nay")
    assert "dd/mm/yyyy" in str(caught.value)
    assert "22/11/2026" in str(caught.value)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_parse_user_date_both_forms(day):
    assert parse_user_date(f"{day.day}/{day.month}/{day.year}") == day
    assert parse_user_date(day.strftime("%d/%m/%Y")) == day
    assert parse_user_date(day.isoformat()) == day
