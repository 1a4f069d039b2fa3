"""When a schedule falls due and its status as of a date (hnqt.deadlines.occurrences)."""

from __future__ import annotations

import json
from datetime import date

from typer.testing import CliRunner

from hnqt.cli import app
from hnqt.deadlines import listed, occurrences, parse, status_of

D = date
PLAN_2026 = range(2026, 2027)


def test_status_rules_stay_those_of_design_3():
    assert status_of(D(2026, 6, 30), None, D(2026, 6, 30)) == "on_track"
    assert status_of(D(2026, 6, 30), None, D(2026, 7, 1)) == "overdue"
    assert status_of(D(2026, 6, 30), D(2026, 6, 30), D(2026, 7, 1)) == "done_on_time"
    assert status_of(D(2026, 6, 30), D(2026, 7, 1), D(2026, 7, 1)) == "done_late"
    assert status_of(None, None, D(2026, 7, 1)) == "no_deadline"


def test_monthly_on_a_named_day_inside_the_plans_period():
    found = occurrences(parse("trước ngày 20 hằng tháng"), [], PLAN_2026, D(2026, 3, 25))
    assert [o.due for o in found] == [D(2026, m, 20) for m in range(1, 13)]
    assert [o.status for o in found[:4]] == ["overdue", "overdue", "overdue", "on_track"]
    assert found[2].period == "tháng 03/2026" and found[2].suffix == "/2026-03"
    assert "ngày 20 hằng tháng" in (found[0].rule or "")
    # due shows the overdue ones and the nearest open one, nothing beyond it
    assert [o.due for o in listed(found, D(2026, 3, 25))] == [D(2026, m, 20) for m in (1, 2, 3, 4)]


def test_a_named_day_past_the_months_end_falls_on_its_last_day():
    found = occurrences(parse("trước ngày 31 hằng tháng"), [], PLAN_2026, D(2026, 1, 1))
    assert found[1].due == D(2026, 2, 28) and found[3].due == D(2026, 4, 30)


def test_quarterly_and_half_yearly_fall_on_the_periods_last_day():
    quarters = occurrences(parse("Hằng quý"), [], range(2025, 2027), D(2025, 1, 1))
    assert [o.due for o in quarters[:4]] == [D(2025, 3, 31), D(2025, 6, 30), D(2025, 9, 30),
                                             D(2025, 12, 31)]  # fmt: skip
    assert len(quarters) == 8 and quarters[4].period == "quý I/2026"
    halves = occurrences(parse("Định kỳ 6 tháng"), [], PLAN_2026, D(2026, 1, 1))
    assert [(o.due, o.key) for o in halves] == [(D(2026, 6, 30), "2026-h1"),
                                                (D(2026, 12, 31), "2026-h2")]  # fmt: skip


def test_quarterly_on_a_day_of_the_quarters_last_month():
    found = occurrences(parse("Hằng quý, trước ngày 15 của tháng cuối quý"), [], PLAN_2026,
                        D(2026, 1, 1))  # fmt: skip
    assert [o.due for o in found] == [D(2026, m, 15) for m in (3, 6, 9, 12)]
    assert "ngày 15 tháng cuối" in (found[0].rule or "")


def test_yearly_the_31_12_convention_the_plans_day_and_the_named_day():
    years = range(2025, 2027)
    plain = occurrences(parse("Hàng năm"), [], years, D(2025, 1, 1))
    assert [o.due for o in plain] == [D(2025, 12, 31), D(2026, 12, 31)]
    assert "31/12" in (plain[0].rule or "") and "thời kỳ kế hoạch 2025–2026" in (
        plain[0].rule or ""
    )
    alone = occurrences(parse("Hàng năm"), [], None, D(2027, 3, 1))
    assert [o.year for o in alone] == [2027] and "không ghi thời kỳ" in (alone[0].rule or "")
    of_plan = occurrences(parse("Hàng năm"), [], years, D(2025, 1, 1), plan_day=(15, 11))
    assert of_plan[0].due == D(2025, 11, 15) and "kế hoạch" in (of_plan[0].rule or "")
    named = occurrences(parse("Tháng 10 hằng năm"), [], years, D(2025, 1, 1), plan_day=(15, 11))
    assert named[0].due == D(2025, 10, 31)  # the task's own day comes before the plan's


def test_a_january_day_reports_on_the_year_before():
    found = occurrences(parse("trước ngày 10 tháng 01 hàng năm"), [(D(2027, 1, 5), None)],
                        PLAN_2026, D(2027, 2, 1))  # fmt: skip
    (only,) = found
    assert (only.year, only.due, only.status) == (2026, D(2027, 1, 10), "done_on_time")
    assert "báo cáo năm 2026" in (only.rule or "")


def test_a_done_entry_closes_the_earliest_begun_open_period_of_its_year():
    done = [(D(2026, 2, 25), None), (D(2026, 2, 26), 2026)]
    found = occurrences(parse("trước ngày 20 hằng tháng"), done, PLAN_2026, D(2026, 3, 1))
    assert [(o.status, o.done_on) for o in found[:3]] == [
        ("done_late", D(2026, 2, 25)), ("done_late", D(2026, 2, 26)), ("on_track", None),
    ]  # fmt: skip


def test_an_entry_after_the_as_of_date_has_not_happened_yet():
    found = occurrences(parse("Quý II/2026"), [(D(2026, 7, 1), None)], None, D(2026, 6, 1))
    assert found[0].status == "on_track"


def test_a_recurrence_keeps_to_its_own_start_and_end():
    found = occurrences(parse("Năm 2026 và các năm tiếp theo"), [], range(2025, 2031),
                        D(2025, 1, 1))  # fmt: skip
    assert [o.year for o in found] == [2026, 2027, 2028, 2029, 2030]
    bounded = occurrences(parse("Hằng năm, giai đoạn 2026-2027"), [], range(2025, 2031),
                          D(2025, 1, 1))  # fmt: skip
    assert [o.year for o in bounded] == [2026, 2027]


def test_every_clause_has_its_own_nearest_open_occurrence():
    deadline = parse("Quý IV/2025; trước ngày 20 hằng tháng; Thường xuyên")
    found = occurrences(deadline, [], PLAN_2026, D(2026, 3, 25))
    shown = listed(found, D(2026, 3, 25))
    assert [(o.clause, o.due, o.status) for o in shown] == [
        (0, D(2025, 12, 31), "overdue"),
        (1, D(2026, 1, 20), "overdue"), (1, D(2026, 2, 20), "overdue"),
        (1, D(2026, 3, 20), "overdue"), (1, D(2026, 4, 20), "on_track"),
        (2, None, "ongoing"),
    ]  # fmt: skip
    assert len({o.suffix for o in shown}) == len(shown)  # every item its own id


def test_events_delegated_ongoing_and_blank():
    as_of = D(2026, 1, 1)
    assert [o.status for o in occurrences(parse("Khi có phát sinh"), [], None, as_of)] == [
        "awaiting_event"
    ]
    assert occurrences(parse("Theo lộ trình"), [], None, as_of)[0].status == "no_deadline"
    assert occurrences(parse("Từ 01/7/2025"), [], None, as_of)[0].status == "ongoing"
    assert occurrences(parse(""), [(D(2025, 5, 1), None)], None, as_of)[0].status == "done_on_time"
    dated = parse("Khi Bộ Ngoại giao ban hành", event_date=D(2025, 12, 1), days_after=10)
    (occurrence,) = occurrences(dated, [], None, as_of)
    assert (occurrence.due, occurrence.status) == (D(2025, 12, 11), "overdue")
    assert (occurrence.rule or "").startswith(
        "10 ngày sau văn bản được chờ, ban hành ngày 01/12/2025"
    )


def test_a_phrase_without_a_year_takes_the_single_year_of_its_plan():
    (single,) = occurrences(parse("Tháng 2"), [], range(2028, 2029), D(2028, 1, 1))
    assert single.due == D(2028, 2, 29) and "2028" in (single.rule or "")
    (unknown,) = occurrences(parse("Tháng 2"), [], range(2025, 2031), D(2028, 1, 1))
    assert (unknown.due, unknown.status) == (None, "no_deadline")  # and validate says why


def _task(deadline: str) -> str:
    return f'code: "I.1"\ntitle: "Báo cáo tháng"\nlead: ["Sở Y tế"]\ndeadline: "{deadline}"\n'


PLAN = (
    'id: "kh-test"\nkind: plan\ntitle: "Kế hoạch thử"\n'
    'issuer: "Ủy ban nhân dân thành phố Hà Nội"\nperiod: {start: "2026", end: "2026"}\n'
)


def test_due_lists_each_open_period_once_with_its_own_id(make_registry):
    task = _task("trước ngày 20 hằng tháng")
    root = make_registry({"data/plans/kh-test/plan.yaml": PLAN,
                          "data/plans/kh-test/tasks/I-1.yaml": task})  # fmt: skip
    result = CliRunner().invoke(app, ["due", "--registry", str(root), "--so", "Sở Y tế",
                                      "--as-of", "25/03/2026", "--format", "json"])  # fmt: skip
    assert result.exit_code == 0, result.output
    items = [i for i in json.loads(result.stdout)["items"] if i["plan"] == "kh-test"]
    assert [(i["id"], i["due"], i["status"]) for i in items] == [
        ("kh-test/I.1/2026-01", "2026-01-20", "overdue"),
        ("kh-test/I.1/2026-02", "2026-02-20", "overdue"),
        ("kh-test/I.1/2026-03", "2026-03-20", "overdue"),
        ("kh-test/I.1/2026-04", "2026-04-20", "on_track"),
    ]
    shown = CliRunner().invoke(app, ["show", "kh-test/I.1", "--registry", str(root),
                                     "--as-of", "25/03/2026", "--format", "json"])  # fmt: skip
    record = json.loads(shown.stdout)
    assert record["deadline"]["text"] == "trước ngày 20 hằng tháng"
    assert record["deadline"]["clauses"][0]["every"] == "month"
    assert len(record["occurrences"]) == 12
    assert set(record["occurrences"][0]) >= {"year", "due", "status", "done_on", "rule"}
