"""Occurrences, yearly reports and agreement follow-ups, pinned to dates on the real registry
and on small registries for the edge cases (issue 4)."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import AS_OF, FIXTURE
from hnqt.deadlines import listed, occurrences, parse
from hnqt.loading import load
from hnqt.obligations import all_items, current_status, task_occurrences, task_roles
from hnqt.queries import DueQuery, due, find_unit
from hnqt.registry import Registry


@pytest.fixture(scope="module")
def real() -> Registry:
    return load(FIXTURE, use_cache=False)


def _items(registry: Registry, unit: str, as_of: date, **options: object) -> list:
    query = DueQuery(as_of, find_unit(registry, unit), **options)  # type: ignore[arg-type]
    return due(registry, query)


def test_yearly_report_of_every_lead_unit_is_overdue_by_seven_days(real: Registry) -> None:
    from hnqt.obligations import reporting_units

    leads = reporting_units(real, "kh-nq59")
    assert {"so-y-te", "so-cong-thuong", "van-phong-ubnd-tp", "cong-an-tp"} <= set(leads)
    reports = [i for i in all_items(real, AS_OF) if i.kind == "report" and i.year == 2026]
    assert sorted({i.unit for i in reports}) == sorted(leads)
    for item in reports:
        assert (item.due, item.status, item.days_left(AS_OF)) == (date(2026, 11, 15), "overdue", -7)
        assert item.to == "Sở Công Thương"


def test_a_task_due_2026_is_on_track_with_39_days_left(real: Registry) -> None:
    items = [i for i in all_items(real, AS_OF) if i.kind == "task" and i.deadline_text == "2026"]
    assert items, "kh-nq59 has tasks due “2026”"
    for item in items:
        assert (item.due, item.status, item.days_left(AS_OF)) == (
            date(2026, 12, 31),
            "on_track",
            39,
        )


def test_every_task_due_2025_is_overdue_in_january_2026(real: Registry) -> None:
    as_of = date(2026, 1, 15)
    due_2025 = [e for e in real.tasks.values() if e.task.deadline_text in ("2025", "Năm 2025")]
    assert len(due_2025) == 5
    for entry in due_2025:
        assert current_status(real, entry, as_of) == "overdue", entry.id
    assert all(current_status(real, e, date(2025, 12, 31)) == "on_track" for e in due_2025)


def test_minsk_programme_shows_for_the_city_office_within_60_days_of_its_end(
    real: Registry,
) -> None:
    def minsk(as_of: date) -> list:
        return [i for i in _items(real, "Văn phòng UBND Thành phố", as_of, within=60)
                if i.id == "ct-minsk-2024-2026/het-han"]  # fmt: skip

    assert minsk(date(2026, 10, 31)) == []  # 61 days ahead
    (item,) = minsk(date(2026, 11, 1))
    assert (item.due, item.status, item.days_left(date(2026, 11, 1))) == (
        date(2026, 12, 31), "on_track", 60)  # fmt: skip
    assert [i.unit for i in minsk(AS_OF)] == ["van-phong-ubnd-tp"]


def test_st_petersburg_report_after_signing_is_due_21_may_2025(real: Registry) -> None:
    items = [i for i in all_items(real, date(2025, 5, 21))
             if i.id == "tt-st-petersburg-2025/bao-cao-sau-ky"]  # fmt: skip
    assert [(i.due, i.status, i.unit) for i in items] == [
        (date(2025, 5, 21), "on_track", "van-phong-ubnd-tp")]  # fmt: skip
    later = [i for i in all_items(real, date(2025, 5, 22)) if i.id == items[0].id]
    assert later[0].status == "overdue"


def test_minsk_programme_signed_in_a_month_only_yields_no_signing_obligation(
    real: Registry,
) -> None:
    ids = {i.id for i in all_items(real, AS_OF) if i.kind == "agreement"}
    assert "ct-minsk-2024-2026/bao-cao-sau-ky" not in ids
    assert "ct-minsk-2024-2026/het-han" in ids


def test_ongoing_tasks_are_never_overdue(real: Registry) -> None:
    ongoing = [e for e in real.tasks.values() if e.task.deadline_text == "Thường xuyên"]
    assert len(ongoing) == 46
    for day in (date(2025, 1, 1), AS_OF, date(2031, 6, 1)):
        assert {current_status(real, e, day) for e in ongoing} == {"ongoing"}


def test_all_units_as_lead_make_every_department_a_lead(real: Registry) -> None:
    entry = real.tasks["kh-nq59/I.4"]  # lead: "Các Sở, ngành, đơn vị"
    roles = task_roles(real, entry)
    assert set(real.units.city_departments) <= set(roles)
    assert roles["so-y-te"] == "lead"
    assert "bo-ngoai-giao" not in roles  # a ministry is not a city department


def test_related_units_name_no_one(real: Registry) -> None:
    entry = real.tasks["kh-nq59/V.19"]  # support: "Các Sở, ngành, đơn vị liên quan"
    assert task_roles(real, entry) == {"so-y-te": "lead"}


def test_sub_unit_work_belongs_to_its_department(real: Registry) -> None:
    ids = {i.id for i in _items(real, "Văn phòng UBND Thành phố", AS_OF)}
    assert any(i.startswith("kh-nq59/IV.16/") for i in ids)  # led by two Phòng of the office
    items = _items(real, "Văn phòng UBND Thành phố", AS_OF)
    assert len([i for i in items if i.id == "kh-nq59/IV.16/2026"]) == 1


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
