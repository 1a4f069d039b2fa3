"""The deadline grammar (hnqt.deadlines.phrases) and what a phrase means (.schedule)."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import FIXTURE, REPO
from hnqt.cli import app
from hnqt.deadlines import (
    ACCEPTED_FORMS,
    Clause,
    Deadline,
    DeadlineError,
    occurrences,
    parse,
    parse_deadline_of,
)
from hnqt.loading import load
from hnqt.names import collapse

D = date


def compact(deadline: Deadline) -> str:
    """A schedule in the corpus notation (tests/deadline_corpus.tsv): clauses joined by " + "."""
    return " + ".join(_compact(clause) for clause in deadline.clauses) or "none"


def _compact(c: Clause) -> str:
    if c.kind == "due":
        if c.due is None:
            return f"due:?-{c.month:02d}-{c.day:02d}" if c.day else f"due:?-{c.month:02d}"
        return f"due:{c.due.isoformat()}"
    if c.kind == "recurring":
        at = ""
        if c.day is not None and c.month is not None:
            at = f"@{c.day:02d}/{c.month:02d}" + ("<" if c.previous else "")
        elif c.day is not None:
            at = f"@{c.day:02d}"
        elif c.month is not None:
            at = f"@m{c.month:02d}"
        since = f" from:{c.start.isoformat()}" if c.start else ""
        until = f" until:{c.until.isoformat()}" if c.until else ""
        return f"every:{c.every}{at}{since}{until}"
    if c.kind == "ongoing":
        return f"ongoing:{c.start.isoformat()}" if c.start else "ongoing"
    if c.kind == "event":
        return f"event:{c.awaiting}" if c.awaiting else "event"
    return c.kind


# Forms the issue names, and forms of the same grammar it does not name (the reviewer's kind).
MEANINGS = {
    "Hàng năm": "every:year",
    "Định kỳ hằng năm": "every:year",
    "trước 15/11 hằng năm": "every:year@15/11",
    "Định kỳ hằng năm trước ngày 15 tháng 11": "every:year@15/11",
    "trước ngày 10 tháng 01 hàng năm": "every:year@10/01<",
    "trước ngày 20 hằng tháng": "every:month@20",
    "Hằng quý": "every:quarter",
    "Hằng quý, trước ngày 15 của tháng cuối quý": "every:quarter@15",
    "Chậm nhất ngày 15 (mười lăm) của tháng báo cáo": "every:month@15",
    "chậm nhất ngày 05 (năm) tháng 12 năm 2025": "due:2025-12-05",
    "trước 15-7": "due:?-07-15",
    "Kỳ họp chuyên đề tháng 5/2026": "due:2026-05-31",
    "Quý I-II/2026": "due:2026-06-30",
    "tháng 02 và quý I năm 2025": "due:2025-02-28 + due:2025-03-31",
    "Tháng 12, Quý I năm 2026": "due:?-12 + due:2026-03-31",
    "6 tháng/lần": "every:half",
    "Từ năm 2027 trở đi": "every:year from:2027-01-01",
    "Định kỳ 6 tháng": "every:half",
    "Tháng 10 hằng năm": "every:year@m10",
    "Quý I hằng năm": "every:year@m03",
    "Hằng năm, giai đoạn 2026-2030": "every:year from:2026-01-01 until:2030-12-31",
    "Năm 2025 và các năm tiếp theo": "every:year from:2025-01-01",
    "Năm 2026 và các năm tiếp theo": "every:year from:2026-01-01",
    "trước ngày 15/6 và 15/12 hằng năm": "every:year@15/06 + every:year@15/12",
    "Thường xuyên": "ongoing",
    "Thường xuyên, liên tục": "ongoing",
    "Từ 01/7/2025": "ongoing:2025-07-01",
    "Triển khai từ năm 2026": "ongoing:2026-01-01",
    "Từ năm học 2025-2026": "ongoing:2025-09-01",
    "2025": "due:2025-12-31",
    "Năm 2025": "due:2025-12-31",
    "Trong năm 2026": "due:2026-12-31",
    "TRONG NĂM 2026.": "due:2026-12-31",
    "Đến năm 2030": "due:2030-12-31",
    "2025 - 2026": "due:2026-12-31",
    "Giai đoạn 2026-2030": "due:2030-12-31",
    "Từ nay đến 2030": "due:2030-12-31",
    "Quý IV/2025 - Quý II/2026": "due:2026-06-30",
    "Từ ngày 01/01/2026 đến ngày 31/3/2026": "due:2026-03-31",
    "Quý II/2026": "due:2026-06-30",
    "Quí IV-2025": "due:2025-12-31",
    "quý 1/2019": "due:2019-03-31",
    "Quý III Năm 2026": "due:2026-09-30",
    "Trong quý III/2026": "due:2026-09-30",
    "6 tháng đầu năm 2026": "due:2026-06-30",
    "6 tháng cuối năm 2026": "due:2026-12-31",
    "Tháng 6/2026": "due:2026-06-30",
    "Tháng 02/2028": "due:2028-02-29",
    "6/2026": "due:2026-06-30",
    "Tháng 11 - 12/2025": "due:2025-12-31",
    "30/6/2026": "due:2026-06-30",
    "Trước ngày 15/11/2026": "due:2026-11-15",
    "trước ngày 05 tháng 12 năm 2025": "due:2025-12-05",
    "Quý II": "due:?-06",
    "Tháng 12": "due:?-12",
    "trước ngày 15/11": "due:?-11-15",
    "Khi Bộ Ngoại giao ban hành": "event:Bộ Ngoại giao",
    "Sau khi Bộ Khoa học và Công nghệ hoàn thành Đề án": "event:Bộ Khoa học và Công nghệ",
    "Khi Bộ Tài chính, Ngân hàng Nhà nước Việt Nam ban hành.":
        "event:Bộ Tài chính, Ngân hàng Nhà nước Việt Nam",
    "Sau khi có hướng dẫn của Bộ Ngoại giao": "event:Bộ Ngoại giao",
    "Khi có phát sinh": "event",
    "Khi Đề án được phê duyệt": "event",
    "Theo kế hoạch đề ra": "delegated",
    "Theo lộ trình của Bộ Công Thương": "delegated",
    "Theo Kế hoạch số 356-KH/TU ngày 04/08/2025": "delegated",
    "Theo kế hoạch; Tháng 9": "delegated + due:?-09",
    "Sau khi Bộ Ngoại giao ban hành, hằng năm": "event:Bộ Ngoại giao + every:year",
    "Sau khi Quyết định số 12/QĐ-TTg ngày 5/1/2025 có hiệu lực": "event",
    "Trước ngày 20 tháng 12 hằng năm hoặc đột xuất khi có yêu cầu": "every:year@20/12 + event",
    "hằng năm hoặc đột xuất": "every:year + event",
    "Đột xuất": "event",
    "Quý IV/2025 Năm 2026": "due:2025-12-31 + due:2026-12-31",
    "2025 - 2030 (hằng năm)": "every:year from:2025-01-01 until:2030-12-31",
    "Hằng năm, báo cáo trước ngày 15/12": "every:year@15/12",
    "Trong năm 2025 và những năm tiếp theo": "every:year from:2025-01-01",
    "Hằng năm vào Quý IV": "every:year@m12",
    "Chậm nhất 15 ngày sau khi ký kết": "event",
    "Trong vòng 30 ngày kể từ ngày Kế hoạch được ban hành": "event",
    "Hoàn thành trong năm 2026 và vận hành thường xuyên, liên tục": "due:2026-12-31 + ongoing",
    "Thường xuyên, hằng năm": "ongoing + every:year",
    "Quý IV/2025\nHằng năm": "due:2025-12-31 + every:year",
    "Năm 2025; cập nhật, bổ sung (nếu có)": "due:2025-12-31 + event",
    "Hằng năm (nếu có)": "event",
    "": "none",
    # Forms of the real phrases in deadline_corpus_more.tsv.
    "Theo quý": "every:quarter",  # how often, not a timing delegated to another document
    "Theo năm": "every:year",
    "Định kỳ 06 tháng (trước ngày 05 tháng 6) và hằng năm (trước ngày 05 tháng 12)":
        "every:year@05/06 + every:year@05/12",
    "Định kỳ 6 tháng, trước ngày 15/6": "every:year@15/06",
    "Nhiệm vụ thường xuyên": "ongoing",
    "Cơ bản hoàn thành trong năm 2025": "due:2025-12-31",
    "Phiên họp tháng 9/2026": "due:2026-09-30",
    "Kỳ họp thứ 2 (tháng 10/2026)": "due:2026-10-31",
    "trước 16h00 ngày 24/8/2026": "due:2026-08-24",
    "Chậm nhất đến ngày 01 tháng 7 năm 2028": "due:2028-07-01",
    "trước ngày 15 tháng 01 năm sau": "every:year@15/01<",
    "Chậm nhất 05 ngày sau khi có kết quả": "event",
    "Theo yêu cầu của cơ quan có thẩm quyền": "event",  # whenever asked: not another document
    "Trước khi đưa hệ thống thông tin vào vận hành": "event",
    "Trong thời hạn 15 ngày kể từ ngày nộp báo cáo sơ bộ": "event",
    "Trong thời gian 15 ngày kể từ ngày nhận được biên bản": "event",
    "Khi cần thiết": "event",
    "Trước ngày 30 tháng 6 năm N": "every:year@30/06",  # "năm N": each year
    "01 lần/năm": "every:year",
    "Sau khi Bộ Công Thương có ý kiến bằng văn bản": "event:Bộ Công Thương",
    "Sau khi kết thúc xử lý dữ liệu": "event",  # "(Trước/Sau) khi …" awaits whatever follows
    "Sau khi việc chuyển dữ liệu diễn ra thành công": "event",
    "Một cách nhanh nhất có thể sau khi nhận thấy có sự vi phạm": "event",
    "Trong thời hạn 24 giờ kể từ thời điểm triển khai": "event",
    "Trong thời hạn 24 giờ kể từ thời điểm bắt đầu kiểm tra": "event",
    "Trong suốt quá trình quản lý, vận hành, khai thác hệ thống": "ongoing",
    "Báo cáo 06 tháng gửi trước ngày 20 tháng 6": "every:year@20/06",  # that report, each year
    "Báo cáo năm gửi trước ngày 15 tháng 01": "every:year@15/01<",
}  # fmt: skip


@pytest.mark.parametrize("phrase", list(MEANINGS))
def test_phrase_means(phrase):
    deadline = parse(phrase)
    assert compact(deadline) == MEANINGS[phrase]
    assert deadline.text == collapse(phrase)  # the original text is kept, trailing stop and all


@pytest.mark.parametrize("phrase", ["Hàng năm", "Quý II/2026", "Khi Bộ Ngoại giao ban hành",
                                    "trước ngày 05 tháng 12 năm 2025"])  # fmt: skip
def test_any_case_and_nfd(phrase):
    expected = compact(parse(phrase))
    assert compact(parse(unicodedata.normalize("NFD", phrase))) == expected
    assert compact(parse(phrase.upper())) == expected.replace("Bộ Ngoại giao", "BỘ NGOẠI GIAO")
    assert compact(parse(f"  {phrase}. ")) == expected


def test_clauses_keep_their_own_words_and_say_their_rule():
    deadline = parse("Hoàn thành trong năm 2026 và vận hành thường xuyên, liên tục")
    due, ongoing = deadline.clauses
    assert due.text == "Hoàn thành trong năm 2026"
    assert ongoing.text == "vận hành thường xuyên, liên tục"
    assert "31/12" in due.rule()
    assert deadline.kind == "combined"
    assert deadline.describe() == "hạn 31/12/2026; thường xuyên (không tính đúng/quá hạn)"


@pytest.mark.parametrize(
    ("phrase", "words"),
    [("Hàng năm", "hằng năm"), ("trước 15/11 hằng năm", "hằng năm, hạn 15/11"),
     ("trước ngày 10 tháng 01 hàng năm", "báo cáo kỳ trước"), ("Quý II/2026", "hạn 30/06/2026"),
     ("Khi Bộ Ngoại giao ban hành", "chờ văn bản của Bộ Ngoại giao"),
     ("", "chưa xác định thời hạn"), ("Theo kế hoạch đề ra", "không có ngày")],
)  # fmt: skip
def test_describe(phrase, words):
    assert words in parse(phrase).describe()


# --- awaited events -------------------------------------------------------------------------


def test_an_event_recorded_without_a_period_gives_no_invented_date():
    deadline = parse("Khi Bộ Ngoại giao ban hành", event_date=D(2026, 3, 2),
                     event_document="Quyết định số 123/QĐ-BNG")  # fmt: skip
    (clause,) = deadline.clauses
    assert deadline.due is None  # the task's period after the event is not known yet
    assert deadline.awaiting == "Bộ Ngoại giao"
    assert (clause.event_date, clause.event_document) == (D(2026, 3, 2), "Quyết định số 123/QĐ-BNG")
    assert deadline.describe() == (
        "đã có Quyết định số 123/QĐ-BNG ngày 02/03/2026; chưa ghi số ngày thực hiện "
        "(days_after): chưa xác định thời hạn"
    )
    assert deadline.awaits_event and deadline.event_date == D(2026, 3, 2)
    assert not parse("Quý II/2026").awaits_event and parse("Quý II/2026").event_date is None
    assert "days_after" in clause.rule()
    found = occurrences(deadline, [], None, D(2026, 5, 1))
    assert [o.status for o in found] == ["no_deadline"]  # no longer awaited, not yet dated


def test_a_schedule_is_yearly_when_any_clause_recurs_each_year():
    assert parse("Hàng năm").yearly and parse("Quý IV/2025 và hằng năm").yearly
    assert not parse("Hằng quý").yearly and not parse("2026").yearly


def test_event_with_days_after_from_the_data_or_the_phrase():
    recorded = parse("Sau khi Bộ Khoa học và Công nghệ hoàn thành Đề án",
                     event_date=D(2026, 3, 2), event_document="Quyết định số 9/QĐ-BKHCN",
                     days_after=90)  # fmt: skip
    assert recorded.due == D(2026, 5, 31)
    assert recorded.describe() == (
        "90 ngày sau Quyết định số 9/QĐ-BKHCN ngày 02/03/2026 — hạn 31/05/2026"
    )
    assert "02/03/2026" in recorded.clauses[0].rule()
    assert "9/QĐ-BKHCN" in recorded.clauses[0].rule()
    written = parse("30 ngày sau khi Nghị định có hiệu lực", event_date=D(2026, 3, 2))
    assert written.due == D(2026, 4, 1)
    assert "30 ngày sau" in written.clauses[0].rule()


def test_hours_after_an_event_count_as_whole_days_or_are_refused():
    written = parse("Chậm nhất 72 giờ sau khi xảy ra hành vi vi phạm", event_date=D(2026, 3, 2))
    assert written.due == D(2026, 3, 5)
    with pytest.raises(DeadlineError, match="không hiểu"):
        parse("Trong vòng 36 giờ sau khi có yêu cầu")


@pytest.mark.parametrize("phrase", ["2026", "Hàng năm", "Thường xuyên", "", "Quý II/2026"])
def test_event_info_on_a_non_event_phrase_is_an_error(phrase):
    with pytest.raises(DeadlineError, match="Khi/Sau khi"):
        parse(phrase, event_date=D(2026, 3, 2))


@pytest.mark.parametrize(
    "phrase",
    ["Tối đa là 07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
     "Trong thời gian 05 ngày làm việc kể từ ngày nhận được biên bản"],
)  # fmt: skip
def test_working_days_after_an_event_ask_for_the_event_and_its_days(phrase):
    with pytest.raises(DeadlineError, match="ngày làm việc"):
        parse(phrase)


def test_event_days_beyond_2200_are_an_error():
    with pytest.raises(DeadlineError, match="2200"):
        parse("Khi có phát sinh", event_date=D(2200, 12, 1), days_after=10**9)


# --- what cannot be read --------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    ["mai", "Sớm", "Quý V/2026", "Quý 5/2026", "Tháng 13/2026", "Tháng 0/2026", "31/4/2026",
     "30/2/2026", "29/2/2026", "trước 31/4 hằng năm", "2030-2026", "Năm 1800", "Năm 99999",
     "Khi nào xong", "2026/11/22", "Giai đoạn", "trước Quý III/2026", "Năm học 2025-2026",
     "Quý II/2026, mai", "Hằng năm, sớm", "15 ngày làm việc sau khi ký kết",
     "Tháng 12 - Tháng 11/2026", "trước ngày 32 hằng tháng", "Theo kế hoạch hằng năm",
     "Khi có phát sinh hằng năm", "31 - 1", "Theo kế hoạch; sớm", "Quý III hoặc Quý IV/2026",
     "Tháng 12 hằng quý", "Theo tháng hoặc quý", "trước ngày 15 tháng 01 năm sau 2026",
     "Tháng 12 năm N-1", "Khi nào có kinh phí"],
)  # fmt: skip
def test_unreadable_or_partly_read_text_raises(phrase):
    with pytest.raises(DeadlineError) as caught:
        parse(phrase)
    assert str(caught.value)


def test_many_parts_are_read_in_reasonable_work_and_long_text_is_refused():
    # Each part is read, the last is not: without memory of what was read this never ends.
    with pytest.raises(DeadlineError, match="không hiểu"):
        parse("2025, " * 60 + "mai")
    assert len(parse("2025, " * 60 + "2026").clauses) == 61
    with pytest.raises(DeadlineError, match="tối đa 500"):
        parse("Quý II/2026 " * 50)


def _task(deadline_yaml: str) -> str:
    return f'code: "I.1"\ntitle: "Nhiệm vụ thử"\nlead: ["Sở Y tế"]\ndeadline:\n{deadline_yaml}'


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
    assert entry.deadline is not None and entry.deadline.due == D(2026, 4, 1)
    assert parse_deadline_of(entry.task) == entry.deadline


def test_event_in_a_task_file_on_a_dated_phrase_is_an_error(make_registry):
    root = make_registry({"data/plans/kh-test/tasks/I-1.yaml": _task(
        '  text: "2026"\n  event: {date: "2026-03-02"}\n'
    )})  # fmt: skip
    report = _validate(root)
    assert [(e["file"], e["code"]) for e in report["errors"]] == [
        ("data/plans/kh-test/tasks/I-1.yaml", "bad-deadline")
    ]


def test_unreadable_deadline_is_a_validation_error_that_shows_the_forms(make_registry):
    path = "data/plans/kh-test/tasks/I-1.yaml"
    root = make_registry({path: _task('  text: "Quý II/2026, mai"\n')})
    before = (root / path).read_bytes()
    report = _validate(root)
    (problem,) = report["errors"]
    assert (problem["code"], problem["file"]) == ("bad-deadline", path)
    assert problem["message"] == "không hiểu thời hạn “Quý II/2026, mai”: không đọc được “mai”"
    for form in ("Hàng năm", "Quý II/2026", "Theo kế hoạch đề ra", "Tháng 6/2026", "nếu có"):
        assert form in problem["hint"]
    assert (root / path).read_bytes() == before  # nothing written


PLAN = """\
id: "kh-test"
kind: plan
title: "Kế hoạch thử"
issuer: "Ủy ban nhân dân thành phố Hà Nội"
period: {{start: "{start}", end: "{end}"}}
"""


@pytest.mark.parametrize(("start", "end", "errors"), [("2026", "2026", 0), ("2025", "2030", 1)])
def test_a_phrase_without_a_year_takes_a_single_year_plans_year(make_registry, start, end,
                                                                errors):  # fmt: skip
    root = make_registry({
        "data/plans/kh-test/plan.yaml": PLAN.format(start=start, end=end),
        "data/plans/kh-test/tasks/I-1.yaml": _task('  text: "Quý II"\n'),
    })  # fmt: skip
    report = _validate(root)
    found = [e for e in report["errors"] if e["code"] == "bad-deadline"]
    assert len(found) == errors
    if errors:
        assert "ghi năm" in found[0]["message"] and "2025–2030" in found[0]["message"]
        return
    result = CliRunner().invoke(app, ["show", "kh-test/I.1", "--registry", str(root),
                                      "--as-of", "01/05/2026", "--format", "json"])  # fmt: skip
    shown = json.loads(result.stdout)
    assert shown["occurrences"][0]["due"] == "2026-06-30"
    assert "2026" in shown["occurrences"][0]["rule"]
    assert shown["deadline"]["clauses"][0]["month"] == 6


# --- the real data ----------------------------------------------------------------------------


def test_every_phrase_in_the_real_data_parses():
    tasks = list(load(FIXTURE, use_cache=False).tasks.values())
    assert len(tasks) >= 98
    for entry in tasks:
        deadline = parse_deadline_of(entry.task)  # raises DeadlineError if it cannot
        assert entry.deadline == deadline, entry.id
        assert deadline.text == collapse(entry.task.deadline_text)
        assert not deadline.needs_year, entry.id  # the shipped plans span several years


# --- properties -------------------------------------------------------------------------------

phrase_parts = st.sampled_from(
    ["Quý ", "Quí ", "Tháng ", "năm ", "Năm ", "Trước ngày ", "trước ", "Khi ", "Sau khi ",
     " ban hành", " hoàn thành", "Giai đoạn ", "Từ nay đến ", "Từ ", "đến ", "6 tháng đầu năm ",
     "hằng năm", "Hàng năm", "hằng tháng", "hằng quý", "Định kỳ ", "Thường xuyên", " và ",
     "các năm tiếp theo", "(nếu có)", "Theo kế hoạch", "I", "V", "/", "-", " - ", " ", ".",
     ",", ";", "\n", "0", "1", "2", "9", "15", "29", "31", "2026", "1899", "2200", "2201",
     "99999", "Bộ Ngoại giao", "đ", "ĐỊNH KỲ ", "ngày "]
)  # fmt: skip


def _dates(deadline: Deadline) -> list[date]:
    fields = ("due", "start", "until", "event_date")
    return [d for c in deadline.clauses for f in fields if (d := getattr(c, f)) is not None]


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=40), st.lists(phrase_parts, max_size=9).map("".join)))
def test_parse_raises_only_the_deadline_error_and_dates_stay_in_range(text):
    try:
        deadline = parse(text)
    except DeadlineError as exc:
        assert str(exc)  # a message for the user, never empty
        return
    assert deadline.text == collapse(text)
    assert all(1900 <= d.year <= 2200 for d in _dates(deadline))


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 12, 31)),
    st.sampled_from(["", "Trước ngày ", "trước ngày ", "Trước ", "Hoàn thành trước ngày "]),
    st.booleans(),
)
def test_generated_dates(day, prefix, padded):
    written = day.strftime("%d/%m/%Y") if padded else f"{day.day}/{day.month}/{day.year}"
    assert compact(parse(prefix + written)) == f"due:{day.isoformat()}"
    spelled = f"trước ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"
    assert compact(parse(spelled)) == f"due:{day.isoformat()}"


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1900, max_value=2200), st.integers(min_value=1, max_value=4),
       st.sampled_from(["Quý {r}/{y}", "Quí {r}-{y}", "quý {n}/{y}", "Quý {r} Năm {y}",
                        "Trong quý {r}/{y}"]))  # fmt: skip
def test_generated_quarters_are_due_on_their_last_day(year, quarter, form):
    roman = ("I", "II", "III", "IV")[quarter - 1]
    deadline = parse(form.format(r=roman, n=quarter, y=year))
    following = D(year + 1, 1, 1) if quarter == 4 else D(year, quarter * 3 + 1, 1)
    assert deadline.due == D.fromordinal(following.toordinal() - 1)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1900, max_value=2200), st.integers(min_value=1, max_value=12),
       st.sampled_from(["Tháng {m}/{y}", "Tháng {m:02d}/{y}", "{m}/{y}", "Trong tháng {m}/{y}",
                        "tháng {m} năm {y}"]))  # fmt: skip
def test_generated_months_are_due_on_their_last_day(year, month, form):
    deadline = parse(form.format(m=month, y=year))
    following = D(year + 1, 1, 1) if month == 12 else D(year, month + 1, 1)
    assert deadline.due == D.fromordinal(following.toordinal() - 1)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1900, max_value=2200), st.integers(min_value=0, max_value=20))
def test_generated_ranges(start, length):
    end = min(start + length, 2200)
    for form in (f"Giai đoạn {start}-{end}", f"{start} - {end}", f"Từ năm {start} đến năm {end}"):
        assert compact(parse(form)) == f"due:{end}-12-31"


def test_accepted_forms_are_all_read():
    """Every example the error message offers is itself understood."""
    examples = [part.strip() for form in ACCEPTED_FORMS if ": " in form
                for part in form.split(": ", 1)[1].split(",")]  # fmt: skip
    readable = [e for e in examples if "…" not in e and "(" not in e and e]
    assert len(readable) >= 30
    for example in readable:
        parse(example)


def test_every_form_the_readme_lists_is_read():
    """The README's table of forms understood (Cách tính thời hạn) says nothing untrue."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Cách tính thời hạn", 1)[1].split("\n## ", 1)[0]
    rows = [line.split("|")[2] for line in section.splitlines() if line.startswith("| ")]
    examples = [e for row in rows for e in re.findall(r"`([^`]+)`", row) if "…" not in e]
    assert len(examples) >= 40
    for example in examples:
        assert parse(example).clauses, example
