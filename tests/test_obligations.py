"""Occurrences, yearly reports and agreement follow-ups: invariants on the real registry, and
small registries for what each document's words mean, per-unit completion, bases and
assumptions (issues 4 and 9)."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import AS_OF, DEPARTMENTS, FIXTURE, PLAN
from hnqt.deadlines import listed, occurrences, parse
from hnqt.loading import load
from hnqt.obligations import (
    all_items,
    completion,
    current_status,
    task_occurrences,
    task_roles,
)
from hnqt.queries import DueQuery, due, find_unit, stats
from hnqt.registry import Registry


@pytest.fixture(scope="module")
def real() -> Registry:
    """The frozen copy of data/ (tests/fixtures/registry), as of AS_OF: counts may be pinned."""
    return load(FIXTURE, use_cache=False)


def _items(registry: Registry, unit: str, as_of: date, **options: object) -> list:
    query = DueQuery(as_of, find_unit(registry, unit), **options)  # type: ignore[arg-type]
    return due(registry, query)


# --- the frozen registry: pinned to dates -----------------------------------------------------


def test_yearly_report_of_every_addressed_unit_is_overdue_by_seven_days(real: Registry) -> None:
    reporters = real.reporting_units("kh-nq59")
    # The plan's addressees: the units it names, NHNN KV1 and Cục Thống kê included; not the
    # receiver, nor units it never names (Thanh tra, Sở Quy hoạch - Kiến trúc, the press centre).
    assert {"so-y-te", "van-phong-ubnd-tp", "cong-an-tp", "nhnn-kv1", "cuc-thong-ke-tp"} <= set(
        reporters
    )
    assert not {"so-cong-thuong", "thanh-tra-tp", "so-quy-hoach-kien-truc", "trung-tam-bao-chi",
                "uy-ban-nvnonn", "bo-ngoai-giao"} & set(reporters)  # fmt: skip
    reports = [i for i in all_items(real, AS_OF) if i.id == "kh-nq59/bao-cao/2026"]
    assert sorted(i.unit for i in reports) == reporters
    for item in reports:
        assert (item.due, item.status, item.days_left(AS_OF)) == (date(2026, 11, 15), "overdue", -7)
        assert item.to == "Sở Công Thương" and not item.assumed
        assert item.basis.endswith("III. Tổ chức thực hiện, mục 3 (Các Sở, ngành, đơn vị), "
                                   "gạch đầu dòng thứ ba")  # fmt: skip


def test_the_2025_report_rests_on_an_assumed_issue_date(real: Registry) -> None:
    items = [i for i in all_items(real, AS_OF) if i.id == "kh-nq59/bao-cao/2025"]
    assert items and all(i.assumed and i.due == date(2025, 11, 15) for i in items)


def test_units_the_plan_never_names_get_nothing_from_it(real: Registry) -> None:
    for unit in ("thanh-tra-tp", "so-quy-hoach-kien-truc", "trung-tam-bao-chi"):
        assert [i.id for i in all_items(real, AS_OF, {unit}) if i.plan == "kh-nq59"] == []


def test_the_review_in_2025_is_owed_by_every_addressed_unit(real: Registry) -> None:
    entry = real.tasks["kh-nq59/TCTH.3.2"]
    assert set(task_roles(real, entry)) == set(real.scope("kh-nq59").addressees)
    assert {"nhnn-kv1", "cuc-thong-ke-tp"} <= set(task_roles(real, entry))
    assert current_status(real, entry, date(2026, 1, 15)) == "overdue"


def test_the_letters_other_units_are_not_the_ones_it_names(real: Registry) -> None:
    roles = task_roles(real, real.tasks["cv-st-petersburg-2025/khac"])
    named = {"so-cong-thuong", "so-giao-duc-va-dao-tao", "so-khoa-hoc-va-cong-nghe", "so-y-te",
             "ban-ql-khu-cnc-kcn", "so-van-hoa-va-the-thao", "so-du-lich", "trung-tam-bao-chi",
             "van-phong-ubnd-tp"}  # fmt: skip
    assert roles and named.isdisjoint(roles)
    assert {"thanh-tra-tp", "so-tai-chinh", "so-noi-vu"} <= set(roles)


def test_a_task_due_2026_is_on_track_with_39_days_left(real: Registry) -> None:
    items = [i for i in all_items(real, AS_OF) if i.kind == "task" and i.deadline_text == "2026"]
    assert items, "kh-nq59 has tasks due “2026”"
    for item in items:
        assert (item.due, item.status, item.days_left(AS_OF)) == (
            date(2026, 12, 31),
            "on_track",
            39,
        )


def test_st_petersburg_report_after_signing_is_due_21_may_2025(real: Registry) -> None:
    items = [i for i in all_items(real, date(2025, 5, 21))
             if i.id == "tt-st-petersburg-2025/bao-cao-sau-ky"]  # fmt: skip
    assert [(i.due, i.status, i.unit) for i in items] == [
        (date(2025, 5, 21), "on_track", "vp-phong-qhqt")]  # fmt: skip
    assert items[0].basis.startswith("Luật Thỏa thuận quốc tế 2020, Điều 19; đơn vị theo dõi: ")
    later = [i for i in all_items(real, date(2025, 5, 22)) if i.id == items[0].id]
    assert later[0].status == "overdue"


def test_the_minsk_programme_is_nobodys_obligation(real: Registry) -> None:
    assert [i for i in all_items(real, AS_OF) if i.id.startswith("ct-minsk-2024-2026/")] == []


def test_related_units_name_no_one(real: Registry) -> None:
    entry = real.tasks["kh-nq59/V.19"]  # support: "Các Sở, ngành, đơn vị liên quan"
    assert task_roles(real, entry) == {"so-y-te": "lead"}


def test_sub_unit_work_belongs_to_its_department(real: Registry) -> None:
    items = _items(real, "Văn phòng UBND Thành phố", AS_OF)
    assert len([i for i in items if i.id == "kh-nq59/IV.16/2026"]) == 1  # led by two Phòng


# --- small registries for the edge cases ----------------------------------------------------


def _registry(make_registry, deadline: str, progress: str = "", plan_period: str = "") -> Registry:
    task = f'code: "I.1"\ntitle: "Nhiệm vụ thử"\nlead: ["Sở Y tế"]\ndeadline: "{deadline}"\n'
    files: dict[str, str] = {"data/plans/kh-test/tasks/I-1.yaml": task + progress}
    if plan_period:
        from conftest import PLAN

        files["data/plans/kh-test/plan.yaml"] = PLAN.replace(
            'period: {start: "2025", end: "2030"}', plan_period)  # fmt: skip
    return load(make_registry(files), use_cache=False)


def test_on_the_due_day_a_task_is_not_overdue(make_registry) -> None:
    registry = _registry(make_registry, "30/6/2026")
    entry = registry.tasks["kh-test/I.1"]
    assert current_status(registry, entry, date(2026, 6, 30)) == "on_track"
    assert current_status(registry, entry, date(2026, 7, 1)) == "overdue"


def test_leap_years(make_registry) -> None:
    assert parse("Tháng 2/2028").due == date(2028, 2, 29)
    assert parse("Tháng 2/2027").due == date(2027, 2, 28)
    found = occurrences(parse("trước 29/02 hằng năm"), [],
                        range(2027, 2029), date(2027, 1, 1))  # fmt: skip
    assert [o.due for o in found] == [date(2027, 2, 28), date(2028, 2, 29)]


def test_done_entry_decides_on_time_or_late(make_registry) -> None:
    on_time = '\nprogress:\n  - {date: "2026-06-30", done: true, note: "Xong"}\n'
    late = '\nprogress:\n  - {date: "2026-07-02", done: true}\n'
    for text, expected in ((on_time, "done_on_time"), (late, "done_late")):
        registry = _registry(make_registry, "30/6/2026", text)
        assert current_status(registry, registry.tasks["kh-test/I.1"], AS_OF) == expected
    # Before the entry's date, the task was not done yet.
    registry = _registry(make_registry, "30/6/2026", late)
    assert current_status(registry, registry.tasks["kh-test/I.1"], date(2026, 7, 1)) == "overdue"


def test_a_done_entry_before_the_plan_starts_still_closes_a_dated_task(make_registry) -> None:
    early = '\nprogress:\n  - {date: "2024-12-01", done: true}\n'
    registry = _registry(make_registry, "2026", early)
    entry = registry.tasks["kh-test/I.1"]
    assert current_status(registry, entry, AS_OF) == "done_on_time"


def test_a_done_entry_before_the_plan_starts_closes_no_annual_occurrence(make_registry) -> None:
    early = '\nprogress:\n  - {date: "2024-12-01", done: true}\n'
    registry = _registry(make_registry, "Hàng năm", early)
    found = task_occurrences(registry, registry.tasks["kh-test/I.1"], date(2026, 1, 10))
    assert [(o.year, o.status) for o in found][:2] == [(2025, "overdue"), (2026, "on_track")]


def test_a_progress_entry_for_a_year_outside_the_plan_closes_nothing(make_registry) -> None:
    outside = '\nprogress:\n  - {date: "2026-03-01", year: 2031, done: true}\n'
    registry = _registry(make_registry, "Hàng năm", outside)
    codes = [(p.code, p.severity) for p in registry.problems]
    assert ("year-outside-plan", "warning") in codes
    found = task_occurrences(registry, registry.tasks["kh-test/I.1"], AS_OF)
    assert all(o.done_on is None for o in found)
    assert [o.year for o in found] == list(range(2025, 2031))


def test_annual_occurrences_listed_up_to_the_next_one(make_registry) -> None:
    closed = '\nprogress:\n  - {date: "2026-12-20", year: 2026, done: true, by: "Sở Y tế"}\n'
    registry = _registry(make_registry, "Hàng năm", closed)
    items = _items(registry, "Sở Y tế", date(2027, 1, 5), statuses=frozenset(
        {"overdue", "on_track", "done_on_time", "done_late"}))  # fmt: skip
    tasks = [(i.year, i.status) for i in items if i.kind == "task"]
    # 2025 skipped (overdue), 2026 done on time, 2027 the next one; 2028+ not listed.
    assert tasks == [(2025, "overdue"), (2026, "done_on_time"), (2027, "on_track")]


def test_named_day_of_an_annual_task(make_registry) -> None:
    registry = _registry(make_registry, "trước 15/11 hằng năm")
    found = task_occurrences(registry, registry.tasks["kh-test/I.1"], AS_OF)
    assert [o.due for o in found][:2] == [date(2025, 11, 15), date(2026, 11, 15)]


def test_awaited_document_recorded_becomes_a_dated_deadline(make_registry) -> None:
    text = ('code: "I.1"\ntitle: "Nhiệm vụ thử"\nlead: ["Sở Y tế"]\n'
            'deadline:\n  text: "Khi Bộ Ngoại giao ban hành"\n'
            '  event: {date: "2026-10-01", document: "Quyết định số 1/QĐ-BNG"}\n'
            '  days_after: 30\n')  # fmt: skip
    registry = load(make_registry({"data/plans/kh-test/tasks/I-1.yaml": text}), use_cache=False)
    entry = registry.tasks["kh-test/I.1"]
    assert entry.deadline is not None and entry.deadline.due == date(2026, 10, 31)
    assert current_status(registry, entry, date(2026, 10, 31)) == "on_track"
    assert current_status(registry, entry, AS_OF) == "overdue"
    waiting = _registry(make_registry, "Khi Bộ Ngoại giao ban hành")
    assert current_status(waiting, waiting.tasks["kh-test/I.1"], AS_OF) == "awaiting_event"
    from hnqt.render.records import render_record

    shown = " ".join(render_record(registry, "task", entry, AS_OF, "text").split())
    assert "30 ngày sau Quyết định số 1/QĐ-BNG ngày 01/10/2026 — hạn 31/10/2026" in shown


def test_an_event_recorded_without_its_period_has_no_date_yet(make_registry) -> None:
    text = ('code: "I.1"\ntitle: "Nhiệm vụ thử"\nlead: ["Sở Y tế"]\n'
            'deadline:\n  text: "Khi Bộ Ngoại giao ban hành"\n'
            '  event: {date: "2026-10-01", document: "Quyết định số 1/QĐ-BNG"}\n')  # fmt: skip
    registry = load(make_registry({"data/plans/kh-test/tasks/I-1.yaml": text}), use_cache=False)
    entry = registry.tasks["kh-test/I.1"]
    assert current_status(registry, entry, AS_OF) == "no_deadline"
    items = [i for i in all_items(registry, AS_OF) if i.code == "I.1"]
    assert [(i.due, i.status) for i in items] == [(None, "no_deadline")]


def test_recorded_submission_closes_the_yearly_report(make_registry) -> None:
    reports = (
        'reports:\n  - {unit: "SYT", year: 2026, date: "2026-11-10", '
        'document: "Báo cáo số 1/BC-SYT"}\n'
    )
    root = make_registry({"data/plans/kh-test/reports.yaml": reports})
    registry = load(root, use_cache=False)
    items = [i for i in _items(registry, "Sở Y tế", AS_OF, statuses=frozenset(
        {"overdue", "on_track", "done_on_time", "done_late"})) if i.kind == "report"]  # fmt: skip
    assert [(i.year, i.status) for i in items] == [
        (2025, "overdue"), (2026, "done_on_time"), (2027, "on_track")]  # fmt: skip


def test_listed_keeps_past_and_next_only() -> None:
    found = occurrences(parse("Hàng năm"), [], range(2025, 2031), date(2026, 3, 1))
    assert [o.year for o in listed(found, date(2026, 3, 1))] == [2025, 2026]


def test_two_done_entries_of_one_day_with_and_without_a_year() -> None:
    """Found by the property test: (day, None) and (day, 2020) could not be sorted."""
    day = date(2024, 2, 29)
    found = occurrences(parse("Hàng năm"), [(day, None), (day, 2020)], range(2024, 2025), AS_OF)
    assert [(o.year, o.done_on) for o in found] == [(2024, day)]


# --- what a document's words mean (issue 9) --------------------------------------------------

MORE_UNITS = """\
  - id: so-du-lich
    name: "Sở Du lịch"
    kind: so
  - id: thanh-tra
    name: "Thanh tra Thành phố"
    kind: agency
  - id: nhnn-kv1
    name: "Ngân hàng Nhà nước chi nhánh Khu vực 1"
    kind: bank
  - id: uy-ban-nv
    name: "Ủy ban Nhà nước về người Việt Nam ở nước ngoài"
    kind: central
    parent: bo-ngoai-giao
"""
CITY_GROUP = """\
  - id: city-units
    kind: city
    names: ["Các Sở, ban, ngành thuộc Thành phố"]
"""


def _task(code: str, lead: str, support: str = "[]", deadline: str = "Hàng năm",
          extra: str = "") -> str:  # fmt: skip
    return (f'code: "{code}"\ntitle: "Nhiệm vụ {code}"\nlead: {lead}\nsupport: {support}\n'
            f'deadline: "{deadline}"\nsource: {{file: "kh.txt", ref: "Phụ lục II, {code}"}}\n'
            f"{extra}")  # fmt: skip


def _plan_registry(make_registry, tasks: dict[str, str], plan: str = PLAN) -> Registry:
    departments = DEPARTMENTS.replace("groups:", MORE_UNITS + "groups:\n" + CITY_GROUP, 1)
    departments = departments.replace(
        "groups:\n" + CITY_GROUP + "groups:", "groups:\n" + CITY_GROUP
    )
    files = {"data/departments.yaml": departments, "data/plans/kh-test/plan.yaml": plan}
    files.update({f"data/plans/kh-test/tasks/{code.replace('.', '-')}.yaml": text
                  for code, text in tasks.items()})  # fmt: skip
    return load(make_registry(files), use_cache=False)


GROUP_TASKS = {
    "I.1": _task("I.1", '["Sở Y tế"]', '["Ngân hàng Nhà nước chi nhánh Khu vực 1"]'),
    "I.2": _task(
        "I.2",
        '["VP UBND TP (Phòng Quan hệ quốc tế)"]',
        '["Ủy ban Nhà nước về người Việt Nam ở nước ngoài"]',
    ),
    "I.3": _task("I.3", '["Các Sở, ngành, đơn vị"]', '["Các Sở, ngành, đơn vị liên quan"]'),
}


def test_a_plans_group_means_the_units_it_names_less_central_bodies(make_registry) -> None:
    registry = _plan_registry(make_registry, GROUP_TASKS)
    roles = task_roles(registry, registry.tasks["kh-test/I.3"])
    # Named as lead or support anywhere in the plan: Sở Y tế, the bank branch, the city office.
    assert roles == {"so-y-te": "lead", "nhnn-kv1": "lead", "van-phong-ubnd-tp": "lead"}
    # Never named: Thanh tra, Sở Du lịch, Sở Công Thương (the report's receiver) get nothing.
    for unit in ("thanh-tra", "so-du-lich", "so-cong-thuong", "bo-ngoai-giao"):
        assert not [i for i in all_items(registry, AS_OF) if i.unit == unit and
                    i.kind == "task"], unit  # fmt: skip
    # The ministry's committee keeps the support role the plan writes, and nothing more.
    assert registry.scope("kh-test").outside == ("uy-ban-nv",)
    assert {i.code for i in all_items(registry, AS_OF) if i.unit == "uy-ban-nv"} == {"I.2"}


def test_the_yearly_report_is_owed_by_the_units_the_rule_names(make_registry) -> None:
    registry = _plan_registry(make_registry, GROUP_TASKS)
    assert registry.reporting_units("kh-test") == ["nhnn-kv1", "so-y-te", "van-phong-ubnd-tp"]
    only_one = PLAN.replace('by: ["Các Sở, ngành, đơn vị"]', 'by: ["Sở Y tế"]')
    narrower = _plan_registry(make_registry, GROUP_TASKS, only_one)
    assert narrower.reporting_units("kh-test") == ["so-y-te"]


def test_the_receiver_consolidates_without_an_invented_day(make_registry) -> None:
    registry = _plan_registry(make_registry, GROUP_TASKS)
    items = [i for i in all_items(registry, AS_OF) if i.unit == "so-cong-thuong"]
    assert [(i.id, i.due, i.status) for i in items] == [
        ("kh-test/tong-hop/2025", None, "no_deadline"),
        ("kh-test/tong-hop/2026", None, "no_deadline"),
    ]
    assert all(i.basis == "kh.txt, III.3" for i in items)
    from hnqt.render.due import DueView, render_table

    query = DueQuery(AS_OF, find_unit(registry, "Sở Công Thương"))
    table = render_table(DueView.of(registry, query, due(registry, query)))
    assert "kh-test/tong-hop/2026" in table and "bao-cao/2026" not in table  # ids show opens


def test_without_addressees_a_group_means_nobody_and_is_an_error(make_registry) -> None:
    plan = "\n".join(line for line in PLAN.splitlines() if "có tên trong KH" not in line
                     and line != "addressees:") + "\n"  # fmt: skip
    registry = _plan_registry(make_registry, GROUP_TASKS, plan)
    assert task_roles(registry, registry.tasks["kh-test/I.3"]) == {}
    assert "no-addressees" in {p.code for p in registry.problems}
    assert registry.reporting_units("kh-test") == []


LETTER = PLAN.replace(
    '  - {name: "Các Sở, ban, ngành có tên trong KH", source: {file: "kh.txt", ref: "Nơi nhận"}}',
    '  - {name: "Các Sở, ban, ngành thuộc Thành phố", source: {file: "cv.txt", ref: "Kính gửi"}}',
)


def test_other_units_are_the_addressees_the_letter_does_not_name(make_registry) -> None:
    tasks = {
        "I.1": _task("I.1", '["Sở Y tế"]', deadline=""),
        "I.2": _task("I.2", '["Văn phòng UBND Thành phố (Phòng Quan hệ quốc tế)"]', deadline=""),
        "I.3": _task("I.3", '["Các cơ quan, đơn vị khác"]', deadline=""),
    }
    registry = _plan_registry(make_registry, tasks, LETTER)
    roles = task_roles(registry, registry.tasks["kh-test/I.3"])
    # Every department of the city, less the two the letter names; no ministry, no bank.
    assert set(roles) == {"so-cong-thuong", "so-tai-chinh", "so-du-lich", "thanh-tra"}


def test_show_explains_which_units_and_why(make_registry) -> None:
    from hnqt.render.records import render_record

    registry = _plan_registry(make_registry, GROUP_TASKS)
    text = render_record(registry, "task", registry.tasks["kh-test/I.3"], AS_OF, "text")
    text = " ".join(text.split())  # wrapped lines joined
    assert "Nơi nhận: “Các Sở, ban, ngành có tên trong KH”" in text
    assert "trừ cơ quan văn bản không giao việc được: Ủy ban Nhà nước về người Việt Nam ở" in text
    assert "Ngân hàng Nhà nước chi nhánh Khu vực 1" in text and "Thanh tra" not in text
    assert "0/3 đơn vị đã xong" in text


# --- completion per unit --------------------------------------------------------------------


def test_each_lead_of_a_shared_task_owes_its_own_share(make_registry) -> None:
    progress = (
        'progress:\n  - {date: "2026-11-01", year: 2026, by: "Sở Y tế", done: true}\n'
        '  - {date: "2026-11-02", year: 2026, by: "Sở Y tế", note: "lần hai"}\n'
    )
    tasks = {**GROUP_TASKS, "I.3": GROUP_TASKS["I.3"] + progress}
    registry = _plan_registry(make_registry, tasks)
    assert [p for p in registry.problems if p.is_error] == []
    entry = registry.tasks["kh-test/I.3"]
    mine = {o.year: o.status for o in task_occurrences(registry, entry, AS_OF, "so-y-te")}
    theirs = {o.year: o.status for o in task_occurrences(registry, entry, AS_OF, "nhnn-kv1")}
    assert (mine[2026], theirs[2026]) == ("done_on_time", "on_track")
    whole = {o.year: o.status for o in task_occurrences(registry, entry, AS_OF)}
    assert whole[2026] == "on_track"  # the task is not done until every lead has done it
    whole, done, not_done = completion(registry, entry, AS_OF)[1]  # 2025, 2026, …
    assert (whole.year, done, not_done) == (2026, ["so-y-te"], ["nhnn-kv1", "van-phong-ubnd-tp"])
    rows = {row.unit.id: row.counts for row in stats(registry, AS_OF) if row.unit}
    assert rows["so-y-te"]["done_on_time"] == 1
    assert rows["nhnn-kv1"]["done_on_time"] == 0


def test_everyone_done_closes_the_task_on_the_last_day(make_registry) -> None:
    entries = "".join(
        f'  - {{date: "2026-11-0{n}", year: 2026, by: "{unit}", done: true}}\n'
        for n, unit in enumerate(
            ("Sở Y tế", "VP UBND TP", "Ngân hàng Nhà nước chi nhánh Khu vực 1"), 1
        )
    )
    tasks = {**GROUP_TASKS, "I.3": GROUP_TASKS["I.3"] + "progress:\n" + entries}
    registry = _plan_registry(make_registry, tasks)
    found = task_occurrences(registry, registry.tasks["kh-test/I.3"], AS_OF)
    assert {o.year: o.done_on for o in found}[2026] == date(2026, 11, 3)


def test_a_single_lead_task_needs_no_by(make_registry) -> None:
    progress = 'progress:\n  - {date: "2026-11-01", year: 2026, done: true}\n'
    registry = _plan_registry(make_registry, {**GROUP_TASKS,
                                              "I.1": GROUP_TASKS["I.1"] + progress})  # fmt: skip
    assert [p for p in registry.problems if p.is_error] == []
    found = task_occurrences(registry, registry.tasks["kh-test/I.1"], AS_OF, "so-y-te")
    assert {o.year: o.status for o in found}[2026] == "done_on_time"


# --- the issue date -------------------------------------------------------------------------


def test_occurrences_before_the_issue_window_are_not_owed_and_inside_it_are_assumed(
    make_registry,
) -> None:
    plan = PLAN.replace("period:", 'issued: {after: "2025-08-04", before: "2025-12-31"}\nperiod:')
    registry = _plan_registry(make_registry, {
        "I.1": _task("I.1", '["Sở Y tế"]', deadline="Hàng năm"),
        "I.2": _task("I.2", '["Sở Y tế"]', deadline="30/6/2025"),
    }, plan)  # fmt: skip
    items = {i.id: i for i in all_items(registry, AS_OF) if i.unit == "so-y-te"}
    assert "kh-test/I.2" not in items  # due before the plan can have existed
    assert items["kh-test/bao-cao/2025"].assumed is True  # 15/11/2025: only if issued by then
    assert items["kh-test/I.1/2025"].assumed is False  # 31/12/2025: issued by then for sure
    assert items["kh-test/bao-cao/2026"].assumed is False


def test_a_plan_dated_to_the_month_assumes_only_within_that_month(make_registry) -> None:
    plan = PLAN.replace("period:", 'date: "2025-11"\nperiod:')
    registry = _plan_registry(make_registry, GROUP_TASKS, plan)
    report = next(i for i in all_items(registry, AS_OF) if i.id == "kh-test/bao-cao/2025")
    assert report.assumed is True


def test_assumed_items_say_so_in_json_and_in_the_table(make_registry) -> None:
    from hnqt.render.due import DueView, render_json, render_table

    plan = PLAN.replace("period:", 'issued: {after: "2025-08-04"}\nperiod:')
    registry = _plan_registry(make_registry, GROUP_TASKS, plan)
    query = DueQuery(AS_OF, find_unit(registry, "Sở Y tế"))
    view = DueView.of(registry, query, due(registry, query))
    import json

    items = json.loads(render_json(view))["items"]
    assert {i["id"]: i["assumed"] for i in items}["kh-test/bao-cao/2025"] is True
    assert all(i["basis"] for i in items)
    assert "(giả định)" in render_table(view)


# --- agreements -----------------------------------------------------------------------------

AGREEMENT = """\
id: tt-a
kind: agreement
title: "Thỏa thuận A"
partners: [a]
signed: "2025-05-06"
term: {end: "2026"}
"""


def test_an_agreement_owes_nothing_until_its_follow_up_is_recorded(make_registry) -> None:
    files = {"data/partners/a.yaml": 'id: a\nkind: city\nname: {vi: "A"}\ncountry: RU\n',
             "data/agreements/tt-a.yaml": AGREEMENT}  # fmt: skip
    registry = load(make_registry(files), use_cache=False)
    assert [i for i in all_items(registry, AS_OF) if i.kind == "agreement"] == []
    files["data/agreements/tt-a.yaml"] = AGREEMENT + (
        'follow_up: {unit: "Văn phòng UBND Thành phố (Phòng Quan hệ quốc tế)",'
        ' source: {file: "cv.txt", ref: "đoạn cuối"}}\n')  # fmt: skip
    registry = load(make_registry(files), use_cache=False)
    items = {i.code: i for i in all_items(registry, AS_OF) if i.kind == "agreement"}
    assert items["bao-cao-sau-ky"].due == date(2025, 5, 21)
    assert items["bao-cao-sau-ky"].basis.startswith("Luật Thỏa thuận quốc tế 2020, Điều 19")
    assert items["het-han"].due == date(2026, 12, 31)
    assert "cv.txt, đoạn cuối" in items["het-han"].basis
    assert {i.unit for i in items.values()} == {"vp-phong-qhqt"}
