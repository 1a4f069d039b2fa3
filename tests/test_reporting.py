"""The report's numbers come from the queries layer: the same counts `hnqt stats` gives, the
same statuses `hnqt list` gives, the yearly reports as `hnqt due` sees them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import AS_OF
from hnqt.loading import load
from hnqt.problems import UsageError
from hnqt.queries import ListQuery, find_unit, list_tasks, stats
from hnqt.registry import Registry
from hnqt.reporting import AgreementReport, PlanReport, build


@pytest.fixture
def registry(report_registry: Path) -> Registry:
    return load(report_registry)


def plan_report(registry: Registry, so: str | None = None, year: int = 2026) -> PlanReport:
    unit = find_unit(registry, so) if so else None
    found = build(registry, "kh-nq59", year, AS_OF, unit)
    assert isinstance(found, PlanReport)
    return found


def test_statistics_are_those_of_hnqt_stats(registry: Registry) -> None:
    report = plan_report(registry)
    rows = stats(registry, AS_OF, "kh-nq59")
    assert [line.counts for line in report.stats] == [row.counts for row in rows]
    total = report.stats[-1]
    assert total.is_total and total.unit == "Tổng cộng"
    # Ongoing duties, awaited documents and undated tasks stay out of the percentage.
    dated = sum(total.counts[s] for s in ("done_on_time", "done_late", "on_track", "overdue"))
    assert total.dated == dated < total.total
    assert total.overdue_share == pytest.approx(total.counts["overdue"] * 100 / dated)
    assert all(line.overdue_share is None for line in report.stats if not line.dated)


def test_task_statuses_are_those_of_hnqt_list(registry: Registry) -> None:
    report = plan_report(registry)
    listed = list_tasks(registry, ListQuery("tasks", AS_OF, "kh-nq59", None, "all"))
    assert [(t.code, t.status) for t in report.tasks] == [(e.task.code, s) for e, s in listed]
    codes = {t.code.split(".")[0] for t in report.tasks}
    assert [s.code for s in report.sections] == [
        s.code for s in report.plan.sections if s.code in codes
    ]
    assert sum(len(s.tasks) for s in report.sections) == len(report.tasks)


def test_the_years_progress_only(registry: Registry) -> None:
    by_code = {t.code: t for t in plan_report(registry).tasks}
    assert [p.note for p in by_code["I.1"].progress] == [
        "Sơ kết 6 tháng đầu năm 2026 (dữ liệu thử)."
    ]
    assert by_code["I.1"].result.endswith("(Báo cáo số 12/BC-SCT)")
    assert by_code["II.16"].progress == ()  # done in 2025: in the 2025 report
    by_code_2025 = {t.code: t for t in plan_report(registry, year=2025).tasks}
    assert by_code_2025["II.16"].progress[0].document == "Báo cáo số 45/BC-SVHTT"


def test_submissions_on_time_late_and_missing(registry: Registry) -> None:
    states = {s.unit: (s.state, s.document) for s in plan_report(registry, year=2025).submissions}
    assert states["Sở Văn hóa và Thể thao"] == ("late", "Báo cáo số 77/BC-SVHTT")
    assert states["Sở Y tế"] == ("missing", "")
    assert "Sở Công Thương" not in states  # it consolidates: it does not report to itself
    states_2026 = {s.unit: s.state for s in plan_report(registry).submissions}
    assert states_2026["Sở Y tế"] == "on_time"
    before_the_day = build(registry, "kh-nq59", 2026, date(2026, 11, 1), None)
    assert isinstance(before_the_day, PlanReport)
    assert {s.state for s in before_the_day.submissions} <= {"not_due", "on_time"}


def test_next_year_and_overdue(registry: Registry) -> None:
    report = plan_report(registry)
    listed = list_tasks(registry, ListQuery("tasks", AS_OF, "kh-nq59", None, "all"))
    assert [t.code for t in report.overdue] == [e.task.code for e, s in listed if s == "overdue"]
    assert "VII.2" in [t.code for t in report.overdue]  # 2025's occurrence never closed
    following = [t.code for t in report.next_year]
    assert "I.1" in following and "VII.2" in following  # annual tasks fall due in 2027 too
    assert "II.16" not in following and "II.14" not in following  # done; due in 2026


def test_a_units_report_has_its_tasks_as_lead_and_support(registry: Registry) -> None:
    report = plan_report(registry, "Sở Y tế")
    assert report.unit is not None and report.unit.id == "so-y-te"
    roles = {t.code: t.role for t in report.tasks}
    assert roles["V.19"] == "chủ trì"
    assert set(roles.values()) <= {"chủ trì", "phối hợp"}
    assert [line.unit for line in report.stats] == ["Sở Y tế"]
    assert [s.unit for s in report.submissions] == ["Sở Y tế"]
    assert report.heading.issuer == "Sở Y tế" and report.heading.short == "SYT"
    assert report.heading.to == "Sở Công Thương"


def test_heading_of_the_consolidated_report(registry: Registry) -> None:
    heading = plan_report(registry).heading
    assert (heading.parent, heading.issuer, heading.short) == (
        "UBND THÀNH PHỐ HÀ NỘI",
        "Sở Công Thương",
        "SCT",
    )
    assert heading.recipients[0] == "Như trên;" and heading.recipients[-1].startswith("Lưu: VT")


def test_agreements_report(registry: Registry) -> None:
    report = build(registry, "agreements", 2025, AS_OF, None)
    assert isinstance(report, AgreementReport)
    minsk, petersburg = report.agreements
    assert minsk.id == "ct-minsk-2024-2026" and minsk.end == date(2026, 12, 31)
    assert minsk.days_left == (date(2026, 12, 31) - AS_OF).days
    assert minsk.steps[1].due is None  # signed "2023-12": no day, no obligation computed
    assert petersburg.steps[1].due == date(2025, 5, 21)
    assert petersburg.steps[1].state == "chưa ghi nhận, quá hạn"
    assert petersburg.plans == ("cv-st-petersburg-2025",) and len(petersburg.tasks) == 9
    assert petersburg.articles[0].units == ("Sở Công Thương",)  # canonical, not "Sở Công thương"
    assert all(a.date.endswith("2025") for a in minsk.activities)
    assert build(registry, "agreements", 2024, AS_OF, None).agreements[0].activities == ()


def test_wrong_ids(registry: Registry) -> None:
    with pytest.raises(UsageError, match="không có kế hoạch hay thỏa thuận"):
        build(registry, "kh-khong-co", 2026, AS_OF, None)
    with pytest.raises(UsageError, match="--so"):
        build(registry, "agreements", 2026, AS_OF, find_unit(registry, "SYT"))


def test_a_directive_without_sections_or_reporting_rule(registry: Registry) -> None:
    report = build(registry, "cv-st-petersburg-2025", 2026, AS_OF, None)
    assert isinstance(report, PlanReport)
    # No reporting rule: the unit following up the agreement consolidates, for the city.
    assert (report.heading.issuer, report.heading.short) == ("Văn phòng UBND Thành phố", "VPUB")
    assert report.heading.to == "Ủy ban nhân dân thành phố Hà Nội"
    assert report.title == "Kết quả thực hiện văn bản chỉ đạo năm 2026"
    assert [(s.code, s.title, len(s.tasks)) for s in report.sections] == [("", "Nhiệm vụ", 9)]
    assert report.submissions == ()


def test_short_form_of_a_unit_without_one_is_its_initials(registry: Registry) -> None:
    report = plan_report_of(registry, "cv-st-petersburg-2025", "Trung tâm Báo chí Thủ đô")
    assert report.heading.short == "TTBCTĐHN"  # no tone marks, Đ kept as documents write it
    assert report.heading.signer_title == "THỦ TRƯỞNG ĐƠN VỊ"
    assert "7" in [t.code for t in report.tasks]  # groups may add more (h9: addressees)


def plan_report_of(registry: Registry, plan: str, so: str) -> PlanReport:
    found = build(registry, plan, 2026, AS_OF, find_unit(registry, so))
    assert isinstance(found, PlanReport)
    return found
