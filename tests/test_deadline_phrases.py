"""Deadline phrases as the documents write them (DESIGN §3, Deadlines), one by one."""

from __future__ import annotations

import json
import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import FIXTURE
from hnqt.cli import app
from hnqt.deadlines import ACCEPTED_FORMS, Deadline, DeadlineError, parse, parse_deadline_of
from hnqt.loading import load
from hnqt.names import collapse

D = date

# phrase -> (kind, due, start_year, day_month, awaiting)
PHRASES = {
    "Hàng năm": ("annual", None, None, None, None),
    "Hằng năm": ("annual", None, None, None, None),
    "Định kỳ hằng năm": ("annual", None, None, None, None),
    "Thường xuyên": ("ongoing", None, None, None, None),
    "2025": ("year", D(2025, 12, 31), None, None, None),
    "Năm 2025": ("year", D(2025, 12, 31), None, None, None),
    "2026": ("year", D(2026, 12, 31), None, None, None),
    "2025 - 2026": ("range", D(2026, 12, 31), 2025, None, None),
    "2026-2030": ("range", D(2030, 12, 31), 2026, None, None),
    "Từ nay đến 2030": ("range", D(2030, 12, 31), None, None, None),
    "Giai đoạn 2026-2030": ("range", D(2030, 12, 31), 2026, None, None),
    "Quý I/2026": ("quarter", D(2026, 3, 31), None, None, None),
    "Quý II/2026": ("quarter", D(2026, 6, 30), None, None, None),
    "Quý III/2026": ("quarter", D(2026, 9, 30), None, None, None),
    "Quý IV/2026": ("quarter", D(2026, 12, 31), None, None, None),
    "Quý 2/2026": ("quarter", D(2026, 6, 30), None, None, None),
    "6 tháng đầu năm 2026": ("half", D(2026, 6, 30), None, None, None),
    "6 tháng cuối năm 2026": ("half", D(2026, 12, 31), None, None, None),
    "Tháng 6/2026": ("month", D(2026, 6, 30), None, None, None),
    "Tháng 2/2028": ("month", D(2028, 2, 29), None, None, None),
    "Tháng 2/2026": ("month", D(2026, 2, 28), None, None, None),
    "Tháng 12/2026": ("month", D(2026, 12, 31), None, None, None),
    "30/6/2026": ("date", D(2026, 6, 30), None, None, None),
    "Trước ngày 15/11/2026": ("date", D(2026, 11, 15), None, None, None),
    "trước 15/11 hằng năm": ("annual", None, None, (15, 11), None),
    "Khi Bộ Ngoại giao ban hành": ("event", None, None, None, "Bộ Ngoại giao"),
    "Sau khi Bộ Khoa học và Công nghệ hoàn thành Đề án": (
        "event", None, None, None, "Bộ Khoa học và Công nghệ",
    ),
    "Sau khi Bộ Ngoại giao xây dựng xong": ("event", None, None, None, "Bộ Ngoại giao"),
    "Khi Bộ Tài chính, Ngân hàng Nhà nước Việt Nam ban hành.": (
        "event", None, None, None, "Bộ Tài chính, Ngân hàng Nhà nước Việt Nam",
    ),
    "Sau khi Bộ Văn hóa, Thể thao và Du lịch ban hành": (
        "event", None, None, None, "Bộ Văn hóa, Thể thao và Du lịch",
    ),
    "Theo kế hoạch đề ra": ("per_plan", None, None, None, None),
    "": ("none", None, None, None, None),
}  # fmt: skip


@pytest.mark.parametrize("phrase", list(PHRASES))
def test_phrase(phrase):
    kind, due, start_year, day_month, awaiting = PHRASES[phrase]
    deadline = parse(phrase)
    assert isinstance(deadline, Deadline)
    assert deadline.kind == kind
    assert deadline.due == due
    assert deadline.start_year == start_year
    assert deadline.day_month == day_month
    assert deadline.awaiting == awaiting
    assert deadline.text == phrase  # the original text is kept, trailing period and all
    assert deadline.is_dated is (due is not None)
    assert deadline.event_date is None and deadline.event_document is None


@pytest.mark.parametrize("phrase", ["Hàng năm", "Quý II/2026", "Khi Bộ Ngoại giao ban hành"])
def test_phrase_in_nfd_and_other_case(phrase):
    expected = parse(phrase)
    decomposed = parse(unicodedata.normalize("NFD", phrase))
    assert (decomposed.kind, decomposed.due, decomposed.awaiting) == (
        expected.kind, expected.due, expected.awaiting,
    )  # fmt: skip
    assert decomposed.text == phrase  # shown in NFC
    upper = parse(phrase.upper())
    assert (upper.kind, upper.due) == (expected.kind, expected.due)


def test_whitespace_is_collapsed_in_the_shown_text():
    deadline = parse("  Quý  II/2026 ")
    assert (deadline.kind, deadline.due) == ("quarter", D(2026, 6, 30))
    assert deadline.text == "Quý II/2026"


def test_describe():
    assert parse("Hàng năm").describe() == "hằng năm, hạn 31/12"
    assert parse("trước 15/11 hằng năm").describe() == "hằng năm, hạn 15/11"
    assert parse("Khi Bộ Ngoại giao ban hành").describe() == "chờ văn bản của Bộ Ngoại giao"
    assert parse("Quý II/2026").describe() == "hạn 30/06/2026"
    assert parse("").describe() == "chưa xác định thời hạn"


# --- awaited events -------------------------------------------------------------------------


def test_event_with_a_recorded_date_becomes_dated():
    deadline = parse(
        "Khi Bộ Ngoại giao ban hành",
        event_date=D(2026, 3, 2),
        event_document="Quyết định số 123/QĐ-BNG",
    )
    assert deadline.kind == "event"
    assert deadline.due == D(2026, 3, 2)
    assert deadline.is_dated is True
    assert deadline.awaiting == "Bộ Ngoại giao"
    assert deadline.event_date == D(2026, 3, 2)
    assert deadline.event_document == "Quyết định số 123/QĐ-BNG"
    assert deadline.text == "Khi Bộ Ngoại giao ban hành"
    assert deadline.describe() == "hạn 02/03/2026"


def test_event_with_days_after():
    deadline = parse(
        "Sau khi Bộ Khoa học và Công nghệ hoàn thành Đề án",
        event_date=D(2026, 3, 2),
        days_after=30,
    )
    assert deadline.due == D(2026, 4, 1)
    assert deadline.event_date == D(2026, 3, 2)
    assert deadline.awaiting == "Bộ Khoa học và Công nghệ"


@pytest.mark.parametrize("phrase", ["2026", "Hàng năm", "Thường xuyên", "", "Quý II/2026"])
def test_event_info_on_a_non_event_phrase_is_an_error(phrase):
    with pytest.raises(DeadlineError, match="Khi/Sau khi"):
        parse(phrase, event_date=D(2026, 3, 2))


def _task(deadline_yaml: str) -> str:
    return f"""\
code: "I.1"
title: "Nhiệm vụ thử"
lead: ["Sở Y tế"]
deadline:
{deadline_yaml}"""


def _validate(root) -> dict:
    result = CliRunner().invoke(app, ["validate", "--registry", str(root), "--format", "json"])
    report = json.loads(result.stdout)
    assert result.exit_code == (0 if report["ok"] else 1)
    return report


def test_recorded_event_in_a_task_file(make_registry):
    root = make_registry({"data/plans/kh-test/tasks/I-1.yaml": _task(
        '  text: "Khi Bộ Ngoại giao ban hành"\n'
        '  event: {date: "2026-03-02", document: "Quyết định số 123/QĐ-BNG"}\n'
        "  days_after: 30\n"
    )})  # fmt: skip
    assert _validate(root)["errors"] == []
    entry = load(root, use_cache=False).tasks["kh-test/I.1"]
    assert entry.deadline == Deadline(
        "event", "Khi Bộ Ngoại giao ban hành", due=D(2026, 4, 1), awaiting="Bộ Ngoại giao",
        event_date=D(2026, 3, 2), event_document="Quyết định số 123/QĐ-BNG",
    )  # fmt: skip
    assert parse_deadline_of(entry.task) == entry.deadline


def test_event_in_a_task_file_on_a_dated_phrase_is_an_error(make_registry):
    root = make_registry({"data/plans/kh-test/tasks/I-1.yaml": _task(
        '  text: "2026"\n  event: {date: "2026-03-02"}\n'
    )})  # fmt: skip
    report = _validate(root)
    assert [(e["file"], e["code"]) for e in report["errors"]] == [
        ("data/plans/kh-test/tasks/I-1.yaml", "bad-deadline")
    ]


# --- what cannot be read ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    ["mai", "Sớm", "Quý V/2026", "Quý 5/2026", "Tháng 13/2026", "Tháng 0/2026", "31/4/2026",
     "30/2/2026", "29/2/2026", "trước 15/11", "trước 31/4 hằng năm", "2030-2026", "Năm 1800",
     "Năm 99999", "15/11", "Khi nào xong", "2026/11/22", "Giai đoạn"],
)  # fmt: skip
def test_unparseable_text_raises(phrase):
    with pytest.raises(DeadlineError):
        parse(phrase)


def test_unparseable_deadline_is_a_validation_error_that_shows_the_forms(make_registry):
    root = make_registry({"data/plans/kh-test/tasks/I-1.yaml": _task('  text: "mai"\n')})
    report = _validate(root)
    assert report["ok"] is False
    (problem,) = report["errors"]
    assert problem["code"] == "bad-deadline"
    assert problem["file"] == "data/plans/kh-test/tasks/I-1.yaml"
    assert "mai" in problem["message"]
    for form in ("Hàng năm", "Quý II/2026", "Theo kế hoạch đề ra", "Tháng 6/2026"):
        assert form in problem["hint"]
    assert len(ACCEPTED_FORMS) >= 10


# --- the real data ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_tasks():
    return list(load(FIXTURE, use_cache=False).tasks.values())


def test_every_phrase_in_the_real_data_parses(real_tasks):
    assert len(real_tasks) >= 98
    seen = set()
    for entry in real_tasks:
        deadline = parse_deadline_of(entry.task)  # raises DeadlineError if it cannot
        assert isinstance(deadline, Deadline)
        assert deadline.text == collapse(entry.task.deadline_text)
        assert entry.deadline == deadline, entry.id
        if deadline.kind == "event":
            assert deadline.awaiting, entry.id
        seen.add(deadline.kind)
    assert {"annual", "ongoing", "year", "range", "event", "per_plan", "none"} <= seen


def test_real_phrases_mean_what_they_say(real_tasks):
    meanings = {entry.task.deadline_text: entry.deadline for entry in real_tasks}
    for phrase, deadline in meanings.items():
        if phrase in PHRASES:
            kind, due, start_year, day_month, awaiting = PHRASES[phrase]
            got = (deadline.kind, deadline.due, deadline.start_year, deadline.day_month)
            assert got == (kind, due, start_year, day_month), phrase
            assert deadline.awaiting == awaiting, phrase


# --- properties ---------------------------------------------------------------------------------

phrase_parts = st.sampled_from(
    ["Quý ", "Tháng ", "năm ", "Năm ", "Trước ngày ", "trước ", "Khi ", "Sau khi ", " ban hành",
     " hoàn thành", "Giai đoạn ", "Từ nay đến ", "6 tháng đầu năm ", "hằng năm", "Hàng năm",
     "Thường xuyên", "I", "V", "/", "-", " - ", " ", ".", ",", "0", "1", "2", "9", "15", "2026",
     "Bộ Ngoại giao", "đ", "ĐỊNH KỲ "]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=40), st.lists(phrase_parts, max_size=8).map("".join)))
def test_any_text_parses_or_raises_deadline_error(text):
    try:
        deadline = parse(text)
    except DeadlineError as exc:
        assert str(exc)  # a message for the user, never empty
        return
    assert isinstance(deadline, Deadline)
    assert deadline.kind in {"date", "year", "range", "quarter", "half", "month", "annual",
                             "ongoing", "event", "per_plan", "none"}  # fmt: skip
    assert deadline.text == collapse(text)
    assert (deadline.due is not None) == (
        deadline.kind in {"date", "year", "range", "quarter", "half", "month"}
    )


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 12, 31)),
    st.sampled_from(["", "Trước ngày ", "trước ngày ", "Trước "]),
    st.booleans(),
)
def test_generated_dates(day, prefix, padded):
    written = day.strftime("%d/%m/%Y") if padded else f"{day.day}/{day.month}/{day.year}"
    deadline = parse(prefix + written)
    assert deadline.kind == "date"
    assert deadline.due == day


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1900, max_value=2200), st.sampled_from(["", "Năm ", "năm "]))
def test_generated_years_are_due_on_31_12(year, prefix):
    deadline = parse(f"{prefix}{year}")
    assert deadline.kind == "year"
    assert deadline.due == D(year, 12, 31)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1900, max_value=2200), st.integers(min_value=0, max_value=20))
def test_generated_ranges(start, length):
    end = min(start + length, 2200)
    deadline = parse(f"Giai đoạn {start}-{end}")
    assert (deadline.kind, deadline.start_year, deadline.due) == ("range", start, D(end, 12, 31))


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1900, max_value=2200), st.integers(min_value=1, max_value=12))
def test_generated_months_are_due_on_their_last_day(year, month):
    deadline = parse(f"Tháng {month}/{year}")
    following = D(year + 1, 1, 1) if month == 12 else D(year, month + 1, 1)
    assert deadline.due == D.fromordinal(following.toordinal() - 1)
