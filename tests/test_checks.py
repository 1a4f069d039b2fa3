"""Cross-file checks (checks.py): one small registry per problem code, with its position, its
severity and a message and hint that say something useful; unit names resolved through
aliases, former names, folded forms and sub-units. Loading never changes the registry."""

from __future__ import annotations

import re

import pytest

from conftest import DEPARTMENTS, PLAN, REPO, snapshot
from hnqt.loading import load
from hnqt.problems import CODES

DEP = "data/departments.yaml"
PLAN_FILE = "data/plans/kh-test/plan.yaml"
TASKS = "data/plans/kh-test/tasks"
REPORTS = "data/plans/kh-test/reports.yaml"
AGREEMENT_FILE = "data/agreements/ct-minsk.yaml"
PARTNER = 'id: minsk\nkind: city\nname: {vi: "Minsk"}\ncountry: BY\n'
WARNINGS = {"no-deadline", "no-lead-unit", "duplicate-title", "year-outside-plan",
            "non-canonical-unit", "progress-by-not-lead", "partly-merged-unit"}  # fmt: skip


def task(code: str, *, lead: str = '["Sở Y tế"]', deadline: str = '"2026"', title: str = "",
         extra: str = "") -> str:  # fmt: skip
    """A task file: code line 1, title line 2, lead line 3, deadline line 4, then `extra`."""
    title = title or f"Nhiệm vụ {code}"
    return f'code: "{code}"\ntitle: "{title}"\nlead: {lead}\ndeadline: {deadline}\n{extra}'


def departments_with(units: str) -> str:
    """departments.yaml with more units after the seven of conftest (from line 28 on)."""
    return DEPARTMENTS.replace("groups:", units + "groups:")


@pytest.fixture
def problems_of(make_registry, tmp_path):
    """Load a registry made of the base files and these; the folder is left as it was."""

    def run(files: dict[str, str | None]):
        root = make_registry(files)
        before = snapshot(tmp_path)
        loaded = load(root)
        assert snapshot(tmp_path) == before
        return loaded

    return run


# --- one registry per code ---------------------------------------------------------------------

AMBIGUOUS_UNITS = """\
  - id: ban-to-chuc
    name: "Ban Tổ chức"
    kind: ban
  - id: ban-to-chuc-khac
    name: "Bàn Tổ chức"
    kind: other
"""

AGREEMENT_WITH_UNITS = """\
id: ct-minsk
kind: programme
title: "Chương trình hợp tác"
partners: [minsk]
follow_up: {unit: "Văn phòng UBND TP", source: {file: "ct.txt"}}
articles:
  - {number: 1, subject: "Y tế", units: ["Sở Y tế", "Sở Du lịch"]}
activities:
  - {kind: visit, title: "Chuyến thăm", units: ["Sở Ngoại vụ"]}
"""

# Each case: extra files, the problems expected as (file, line, column, code, severity), and
# words the message or hint of the first problem must contain.
CASES = [
    pytest.param(
        {f"{TASKS}/I-2.yaml": task("I.2", lead='["Sở Y tế", "Sở Y khoa"]')},
        [(f"{TASKS}/I-2.yaml", 3, 19, "unknown-unit", "error")],
        ["“Sở Y khoa”", "có phải: Sở Y tế?"],
        id="unknown-unit-closest",
    ),
    pytest.param(
        {f"{TASKS}/I-2.yaml": task("I.2", lead='["Sở Công chính"]')},
        [(f"{TASKS}/I-2.yaml", 3, 8, "unknown-unit", "error")],
        ["có phải: Sở Công Thương; Sở Tài chính?"],
        id="unknown-unit-two-closest",
    ),
    pytest.param(
        {f"{TASKS}/I-2.yaml": task("I.2", extra='support:\n  - "SYT"\n  - "Cục Hải quan"\n')},
        [(f"{TASKS}/I-2.yaml", 7, 5, "unknown-unit", "error")],
        ["“Cục Hải quan”", "thêm đơn vị vào data/departments.yaml"],
        id="unknown-unit-nothing-close",
    ),
    pytest.param(
        {f"{TASKS}/I-2.yaml": task(
            "I.2", extra='progress:\n  - date: "2026-01-05"\n    by: "Sở Y khoa"\n')},
        [(f"{TASKS}/I-2.yaml", 7, 9, "unknown-unit", "error")],
        ["“Sở Y khoa”", "Sở Y tế"],
        id="unknown-unit-progress-by",
    ),
    pytest.param(
        {f"{TASKS}/I-2.yaml": task(
            "I.2", lead='["Văn phòng UBND Thành phố (Phòng Lễ tân)"]')},
        [(f"{TASKS}/I-2.yaml", 3, 8, "unknown-unit", "error")],
        ["“Phòng Lễ tân”", "Phòng Quan hệ quốc tế"],
        id="unknown-sub-unit",
    ),
    pytest.param(
        {PLAN_FILE: PLAN.replace(
            'issuer: "Ủy ban nhân dân thành phố Hà Nội"',
            'issuer: "UBND TP Hải Phòng"\nrecipients: ["Sở Y tế;", "Sở Xây;"]',
        ) + 'indicators:\n  - {number: 1, name: "a", unit: "%", target: "1",'
            ' monitors: ["Sở Công Thương", "Cục Thống kê"]}\n'},
        [(PLAN_FILE, 4, 9, "unknown-unit", "error"), (PLAN_FILE, 18, 81, "unknown-unit", "error")],
        ["“UBND TP Hải Phòng”", "UBND Thành phố"],
        id="unknown-unit-plan",
    ),
    pytest.param(
        {PLAN_FILE: PLAN.replace('to: "Sở Công Thương"', 'to: "Sở Công Thuong nghiệp"')},
        [(PLAN_FILE, 11, 7, "unknown-unit", "error")],
        ["“Sở Công Thuong nghiệp”", "Sở Công Thương"],
        id="unknown-unit-plan-reporting-to",
    ),
    pytest.param(
        {PLAN_FILE: PLAN + 'budget:\n  text: "Ngân sách"\n  unit: "Sở Tài chánh"\n'},
        [(PLAN_FILE, 18, 9, "unknown-unit", "error")],
        ["“Sở Tài chánh”", "Sở Tài chính"],
        id="unknown-unit-plan-budget",
    ),
    pytest.param(
        {PLAN_FILE: PLAN.replace(
            'ref: "Nơi nhận"}}',
            'ref: "Nơi nhận"}}\n  - {name: "Các Sở, ngành, đơn vị liên quan", source: {file: "k"}}',
        )},
        [(PLAN_FILE, 8, 12, "bad-addressee", "error")],
        ["“Các Sở, ngành, đơn vị liên quan”", "Các Sở, ban, ngành có tên trong KH"],
        id="bad-addressee",
    ),
    pytest.param(
        {PLAN_FILE: PLAN.replace("period:", 'issued: {after: "2025-08-04", before: "2025-08-04"}\n'
                                 "period:")},
        [(PLAN_FILE, 5, 9, "bad-issue-window", "error")],
        ["04/08/2025", "issued.after"],
        id="bad-issue-window",
    ),
    pytest.param(
        {PLAN_FILE: re.sub(r"addressees:\n.*\n", "", PLAN),
         f"{TASKS}/I-2.yaml": task("I.2", lead='["Sở Y tế", "Các cơ quan, đơn vị khác"]')},
        [(f"{TASKS}/I-2.yaml", 3, 19, "no-addressees", "error")],
        ["“Các cơ quan, đơn vị khác”", "addressees", "Nơi nhận"],
        id="no-addressees",
    ),
    pytest.param(
        {f"{TASKS}/I-2.yaml": task("I.2", lead='["Sở Y tế", "Sở Tài chính"]', deadline='"Hàng năm"',
                                   extra='progress:\n  - {date: "2026-05-02", done: true}\n'
                                         '  - {date: "2026-05-03", by: "Sở Y tế", done: true}\n')},
        [(f"{TASKS}/I-2.yaml", 6, 5, "progress-without-unit", "error")],
        ["nhiều đơn vị chủ trì", "by"],
        id="progress-without-unit",
    ),
    pytest.param(
        {f"{TASKS}/I-2.yaml": task("I.2", lead='["Sở Y tế", "Sở Tài chính"]', deadline='"Hàng năm"',
                                   extra='progress:\n  - {date: "2026-05-02", by: "Sở Y tế",'
                                         ' done: true}\n  - {date: "2026-05-03",'
                                         ' by: "Sở Công Thương", done: true}\n')},
        [(f"{TASKS}/I-2.yaml", 7, 30, "progress-by-not-lead", "warning")],
        ["“Sở Công Thương”", "không chủ trì", "đơn vị chủ trì"],
        id="progress-by-not-lead",
    ),
    pytest.param(
        {DEP: DEPARTMENTS.replace(
            '    former: ["Sở Kế hoạch và Đầu tư"]',
            '    former:\n      - "Sở Kế hoạch và Đầu tư"\n'
            '      - {name: "Sở Lao động - Thương binh và Xã hội", partial: true,'
            ' note: "lao động sang Sở Tài chính; trẻ em sang Sở Y tế"}',
        ),
         f"{TASKS}/I-2.yaml": task("I.2", lead='["Sở Lao động - Thương binh và Xã hội"]')},
        [(f"{TASKS}/I-2.yaml", 3, 8, "partly-merged-unit", "warning")],
        ["chỉ chuyển một phần", "“Sở Tài chính”", "trẻ em sang Sở Y tế"],
        id="partly-merged-unit",
    ),
    pytest.param(
        {"data/partners/minsk.yaml": PARTNER, AGREEMENT_FILE: AGREEMENT_WITH_UNITS},
        [(AGREEMENT_FILE, 5, 19, "unknown-unit", "error"),
         (AGREEMENT_FILE, 7, 53, "unknown-unit", "error"),
         (AGREEMENT_FILE, 9, 49, "unknown-unit", "error")],
        ["“Văn phòng UBND TP”", "Văn phòng UBND Thành phố"],
        id="unknown-unit-agreement",
    ),
    pytest.param(
        {REPORTS: 'reports:\n  - year: 2026\n    unit: "Sở Y khoa"\n    date: "2026-11-10"\n'},
        [(REPORTS, 3, 11, "unknown-unit", "error")],
        ["“Sở Y khoa”", "Sở Y tế"],
        id="unknown-unit-report",
    ),
    pytest.param(
        {DEP: departments_with(AMBIGUOUS_UNITS),
         f"{TASKS}/I-2.yaml": task("I.2", lead='["Sở Y tế", "Ban To chuc"]')},
        [(DEP, 31, 5, "ambiguous-unit", "error"),
         (f"{TASKS}/I-2.yaml", 3, 19, "ambiguous-unit", "error")],
        ["“Bàn Tổ chức”", "ban-to-chuc", "ban-to-chuc-khac"],
        id="ambiguous-unit-without-diacritics",
    ),
    pytest.param(
        {DEP: DEPARTMENTS.replace(
            'name: "Sở Công Thương"\n    kind: so\n',
            'name: "Sở Công Thương"\n    kind: so\n    aliases: ["SYT"]\n',
        ),
         f"{TASKS}/I-2.yaml": task("I.2", lead='["SYT"]')},
        [(DEP, 18, 5, "ambiguous-unit", "error"),
         (f"{TASKS}/I-2.yaml", 3, 8, "ambiguous-unit", "error")],
        ["“SYT”", "so-y-te", "so-cong-thuong"],
        id="ambiguous-unit-shared-alias",
    ),
    pytest.param(
        {DEP: DEPARTMENTS.replace("parent: van-phong-ubnd-tp", "parent: van-phong")},
        [(DEP, 10, 5, "unknown-parent", "error")],
        ["“van-phong”", "Phòng Quan hệ quốc tế", "parent"],
        id="unknown-parent",
    ),
    pytest.param(
        {DEP: DEPARTMENTS.replace("id: so-cong-thuong", "id: so-y-te")},
        [(DEP, 18, 5, "duplicate-id", "error")],
        ["“so-y-te”", "mỗi đơn vị một mã riêng"],
        id="duplicate-unit-id",
    ),
    pytest.param(
        {PLAN_FILE: PLAN + 'indicators:\n  - {number: 1, name: "a", unit: "%", target: "1"}\n'
                           '  - {number: 1, name: "b", unit: "%", target: "2"}\n'},
        [(PLAN_FILE, 18, 5, "duplicate-id", "error")],
        ["chỉ tiêu số 1", "một lần"],
        id="duplicate-indicator-number",
    ),
    pytest.param(
        {PLAN_FILE: PLAN + '  - {code: "I", title: "Mục lặp"}\n'},
        [(PLAN_FILE, 16, 5, "duplicate-id", "error")],
        ["mục I", "một lần"],
        id="duplicate-section-code",
    ),
    pytest.param(
        {REPORTS: 'reports:\n  - {unit: "Sở Y tế", year: 2026, date: "2026-11-10"}\n'
                  '  - {unit: "Sở Y tế", year: 2026, date: "2026-11-12"}\n'
                  '  - {unit: "Sở Y tế", year: 2027, date: "2027-11-12"}\n'},
        [(REPORTS, 3, 5, "duplicate-id", "error")],
        ["2026", "“Sở Y tế”", "giữ một dòng"],
        id="duplicate-report",
    ),
    pytest.param(
        {"data/partners/minsk.yaml": PARTNER, AGREEMENT_FILE:
         'id: ct-minsk\nkind: programme\ntitle: "CT"\npartners: [minsk, moskva]\n'},
        [(AGREEMENT_FILE, 4, 19, "unknown-partner", "error")],
        ["“moskva”", "data/partners/"],
        id="unknown-partner",
    ),
    pytest.param(
        {PLAN_FILE: PLAN.replace("period:", "agreement: tt-khong-co\nperiod:")},
        [(PLAN_FILE, 5, 12, "unknown-agreement", "error")],
        ["“tt-khong-co”", "id của thỏa thuận"],
        id="unknown-agreement",
    ),
    pytest.param(
        {"data/plans/kh-khac/tasks/I-1.yaml": task("I.1")},
        [("data/plans/kh-khac/tasks/I-1.yaml", 1, 7, "unknown-plan", "error")],
        ["plans/kh-khac/", "plan.yaml"],
        id="unknown-plan-of-a-task",
    ),
    pytest.param(
        {"data/plans/kh-khac/reports.yaml":
         'reports:\n  - {unit: "Sở Y tế", year: 2026, date: "2026-11-10"}\n'},
        [("data/plans/kh-khac/reports.yaml", 1, 1, "unknown-plan", "error")],
        ["plans/kh-khac/", "plan.yaml"],
        id="unknown-plan-of-reports",
    ),
    pytest.param(
        {f"{TASKS}/IX-1.yaml": task("IX.1")},
        [(f"{TASKS}/IX-1.yaml", 1, 7, "unknown-section", "error")],
        ["“IX.1”", "kh-test", "các mục: I"],
        id="unknown-section",
    ),
    pytest.param(
        {f"{TASKS}/I-2.yaml": task("I.2", lead='["Các Sở, ngành, đơn vị liên quan"]')},
        [(f"{TASKS}/I-2.yaml", 3, 7, "no-lead-unit", "warning")],
        ["chủ trì", "ít nhất một đơn vị"],
        id="no-lead-unit-related-only",
    ),
    pytest.param(
        {f"{TASKS}/I-2.yaml": task("I.2", lead="[]")},
        [(f"{TASKS}/I-2.yaml", 3, 7, "no-lead-unit", "warning")],
        ["chủ trì", "ít nhất một đơn vị"],
        id="no-lead-unit-empty",
    ),
    pytest.param(
        {f"{TASKS}/I-2.yaml": task("I.2", deadline='""')},
        [(f"{TASKS}/I-2.yaml", 4, 11, "no-deadline", "warning")],
        ["chưa có thời hạn", "văn bản nguồn"],
        id="no-deadline",
    ),
    pytest.param(
        {f"{TASKS}/I-2.yaml": task("I.2", title="nhiệm vụ   THỬ")},
        [(f"{TASKS}/I-2.yaml", 2, 8, "duplicate-title", "warning")],
        ["kh-test/I.1", "văn bản nguồn"],
        id="duplicate-title",
    ),
    pytest.param(
        {f"{TASKS}/I-2.yaml": task("I.2", extra=(
            'progress:\n  - date: "2026-01-05"\n    year: 2024\n'
            '  - date: "2030-12-01"\n    year: 2030\n  - date: "2025-01-05"\n    year: 2025\n'))},
        [(f"{TASKS}/I-2.yaml", 7, 11, "year-outside-plan", "warning")],
        ["năm 2024", "2025–2030", "year"],
        id="year-outside-plan",
    ),
    pytest.param(
        {"data/partners/minsk.yaml": PARTNER, AGREEMENT_FILE:
         'id: ct-minsk\nkind: programme\ntitle: "CT"\npartners: [minsk]\n'
         'term: {start: "2026", end: "2024"}\n'},
        [(AGREEMENT_FILE, 5, 28, "bad-term", "error")],
        ["kết thúc trước khi bắt đầu", "term.end"],
        id="bad-term",
    ),
    pytest.param(
        {DEP: None},
        [(DEP, 1, 1, "missing-file", "error")],
        ["data/departments.yaml"],
        id="missing-departments",
    ),
    pytest.param(
        {f"{TASKS}/I-2.yaml": task("I.2", deadline='"Sớm nhất có thể"')},
        [(f"{TASKS}/I-2.yaml", 4, 11, "bad-deadline", "error")],
        ["“Sớm nhất có thể”", "các dạng được chấp nhận", "Hàng năm", "Quý II/2026",
         "Khi … ban hành", "Theo kế hoạch đề ra", "30/6/2026"],
        id="bad-deadline",
    ),
    pytest.param(
        {f"{TASKS}/I-2.yaml": task("I.2", deadline='"31/4/2026"')},
        [(f"{TASKS}/I-2.yaml", 4, 11, "bad-deadline", "error")],
        ["31/4/2026", "30 ngày", "các dạng được chấp nhận"],
        id="bad-deadline-impossible-day",
    ),
    pytest.param(
        {f"{TASKS}/I-2.yaml": task("I.2", deadline='"Khi Bộ Không Có ban hành"')},
        [(f"{TASKS}/I-2.yaml", 4, 11, "unknown-unit", "error")],
        ["“Bộ Không Có”", "departments.yaml"],
        id="awaited-issuer-unknown",
    ),
    pytest.param(
        {f"{TASKS}/I-2.yaml": task("I.2", lead='["SYT"]', extra=(
            'progress:\n  - {date: "2026-01-05", by: "so y te"}\n'
            '  - {date: "2026-02-05", by: "Sở Y tế"}\n'))},
        [(f"{TASKS}/I-2.yaml", 6, 30, "non-canonical-unit", "warning")],
        ["“so y te”", "“Sở Y tế”", "hnqt fmt"],
        id="non-canonical-unit-typed-by-staff-not-in-lead",
    ),
    pytest.param(
        {REPORTS: 'reports:\n  - {unit: "Sở Công Thương", year: 2026, date: "2026-11-01"}\n'},
        [(REPORTS, 2, 12, "not-reporting-unit", "error")],
        ["Sở Công Thương không phải đơn vị báo cáo theo kh-test (báo cáo gửi về Sở Công Thương)",
         "hnqt list reports --plan kh-test --year 2026"],
        id="report-from-the-unit-that-receives-them",
    ),
    pytest.param(
        {PLAN_FILE: PLAN[: PLAN.index("reporting:")] + PLAN[PLAN.index("sections:") :],
         REPORTS: 'reports:\n  - {unit: "Sở Y tế", year: 2026, date: "2026-11-01"}\n'},
        [(REPORTS, 2, 12, "not-reporting-unit", "error")],
        ["kế hoạch kh-test không quy định báo cáo hằng năm", "mục reporting trong plan.yaml"],
        id="report-under-a-plan-without-a-reporting-rule",
    ),
    pytest.param(
        {REPORTS: 'reports:\n  - {unit: "Sở Y tế", year: 2024, date: "2024-11-01"}\n'},
        [(REPORTS, 2, 29, "year-outside-plan", "warning")],
        ["năm 2024 nằm ngoài thời kỳ của kế hoạch (2025–2030)"],
        id="report-for-a-year-outside-the-plan",
    ),
    pytest.param(
        {REPORTS: 'reports:\n  - {unit: "VP UBND TP (Phòng Quan hệ quốc tế)", year: 2026, '
                  'date: "2026-11-01"}\n',
         # the office is named in the plan, so its report is one the plan asks for
         f"{TASKS}/I-2.yaml": task("I.2", lead='["Văn phòng UBND Thành phố"]')},
        [(REPORTS, 2, 12, "non-canonical-unit", "warning")],
        ["“Văn phòng UBND Thành phố (Phòng Quan hệ quốc tế)”"],
        id="non-canonical-unit-in-a-report",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("files", "expected", "words"), CASES)
def test_check(problems_of, files, expected, words):
    problems = sorted(problems_of(files).problems)
    # what is reported, and how severe it is...
    assert [(p.file, p.code, p.severity) for p in problems] == [
        (file, code, severity) for file, _, _, code, severity in expected
    ]
    # ...that it says something useful...
    said = problems[0].message + "\n" + problems[0].hint
    for word in words:
        assert word in said, (word, said)
    assert problems[0].hint, "every problem proposes a fix"
    # ...and exactly where
    assert [(p.file, p.line, p.column, p.code, p.severity) for p in problems] == expected


def test_every_code_of_checks_py_has_a_case():
    source = (REPO / "src" / "hnqt" / "checks.py").read_text(encoding="utf-8")
    used = {code for code in re.findall(r'"([a-z]+(?:-[a-z]+)+)"', source) if code in CODES}
    covered = {code for case in CASES for *_, code, _ in case.values[1]}
    assert used, "no code found in checks.py"
    assert used <= covered, used - covered


def test_one_severity_per_code():
    """test_check compares every severity with this table; here the table gives each code one
    severity: warning for the codes problems.py lists under "# warnings", error otherwise."""
    source = (REPO / "src" / "hnqt" / "problems.py").read_text(encoding="utf-8")
    listed = source.split("# warnings", 1)[1].split("}", 1)[0]
    assert set(re.findall(r'"([a-z-]+)":', listed)) == WARNINGS
    severities: dict[str, set[str]] = {}
    for case in CASES:
        for *_, code, severity in case.values[1]:
            severities.setdefault(code, set()).add(severity)
    for code, seen in severities.items():
        assert seen == {"warning" if code in WARNINGS else "error"}, code


def test_the_base_registry_has_no_problem(problems_of):
    assert problems_of({}).problems == []


# --- findings that cascade ------------------------------------------------------------------------


def test_an_unknown_unit_is_reported_with_the_other_errors_of_its_file(problems_of):
    """One run tells everything: the wrong type does not hide the unknown unit."""
    files = {
        f"{TASKS}/I-2.yaml": task("I.2", lead='["Sở Y khoa"]', title="5")
        .replace('title: "5"', "title: 5")
        .replace("deadline:", 'support: ["Sở Ngoại vụ"]\ndeadline:')
    }
    problems = sorted(problems_of(files).problems)
    assert [(p.file, p.line, p.column, p.code) for p in problems] == [
        (f"{TASKS}/I-2.yaml", 2, 8, "wrong-type"),
        (f"{TASKS}/I-2.yaml", 3, 8, "unknown-unit"),
        (f"{TASKS}/I-2.yaml", 4, 11, "unknown-unit"),
    ]
    assert "“Sở Y khoa”" in problems[1].message and "Sở Y tế" in problems[1].hint


def test_an_invalid_departments_file_is_reported_once(problems_of):
    """A typo in departments.yaml must not turn every unit name of every task into an
    unknown-unit error (the same rule as for an invalid plan.yaml)."""
    broken = DEPARTMENTS.replace("kind: ministry", "kind: bộ")
    problems = problems_of({DEP: broken}).problems
    assert [(p.file, p.code) for p in problems] == [(DEP, "bad-value")]


def test_a_duplicate_report_written_with_an_alias_is_still_a_duplicate(problems_of):
    reports = (
        'reports:\n  - {unit: "Sở Y tế", year: 2026, date: "2026-11-10"}\n'
        '  - {unit: "SYT", year: 2026, date: "2026-11-12"}\n'
    )
    problems = problems_of({REPORTS: reports}).problems
    assert [(p.file, p.line, p.column, p.code) for p in problems] == [
        (REPORTS, 3, 12, "non-canonical-unit"),  # and `hnqt fmt` would write it "Sở Y tế"
        (REPORTS, 3, 5, "duplicate-id"),
    ]


# --- units named in every accepted way ------------------------------------------------------------

NAMES = [
    ("Sở Y tế", ("so-y-te",)),
    ("SYT", ("so-y-te",)),
    ("sở   y TẾ", ("so-y-te",)),
    ("  Sở Y tế  ", ("so-y-te",)),
    ("so y te", ("so-y-te",)),
    ("SO CONG THUONG", ("so-cong-thuong",)),
    ("Sở Y tế.", ("so-y-te",)),
    ("Sở Kế hoạch và Đầu tư", ("so-tai-chinh",)),
    ("so ke hoach va dau tu", ("so-tai-chinh",)),
    ("VP UBND TP", ("van-phong-ubnd-tp",)),
    ("UBND Thành phố", ("ubnd-tp",)),
    ("Văn phòng UBND Thành phố (Phòng Quan hệ quốc tế)", ("vp-phong-qhqt",)),
    ("VP UBND TP (phong quan he quoc te).", ("vp-phong-qhqt",)),
    ("Bộ Ngoại giao", ("bo-ngoai-giao",)),
]


def test_unit_names_resolve_through_every_form(problems_of):
    lead = "[" + ", ".join(f'"{name}"' for name, _ in NAMES) + "]"
    loaded = problems_of({f"{TASKS}/I-2.yaml": task("I.2", lead=lead)})
    assert loaded.problems == []
    for name, units in NAMES:
        resolved = loaded.resolve(name)
        assert resolved is not None and resolved.units == units, name


def test_group_names_resolve_to_groups(problems_of):
    loaded = problems_of({})
    assert loaded.resolve("Các Sở, ngành, đơn vị").group == "addressees"
    assert loaded.resolve("Các cơ quan, đơn vị khác").group == "others"
    assert loaded.resolve("các sở, ngành, đơn vị liên quan").group == "related"
    assert loaded.resolve("Sở Khoa học") is None


def test_awaited_issuers(problems_of):
    deadlines = {
        "I.2": '"Khi Bộ Ngoại giao ban hành"',
        "I.3": '"Sau khi Bộ Ngoại giao ban hành hướng dẫn"',
        "I.4": '"Sau khi Bộ Ngoại giao, Sở Y tế hoàn thành Đề án"',
        "I.5": '"Khi bo ngoai giao ban hanh"',
        "I.6": '{text: "Khi Bộ Ngoại giao ban hành", event: {date: "2026-03-02"}, days_after: 30}',
        "I.7": '"Khi Bộ Không Có ban hành"',
        "I.8": '"Sau khi Sở Y tế, Bộ Không Có xây dựng xong"',
    }
    files = {
        f"{TASKS}/{code.replace('.', '-')}.yaml": task(code, deadline=deadline)
        for code, deadline in deadlines.items()
    }
    loaded = problems_of(files)
    assert [(p.file, p.line, p.column, p.code) for p in sorted(loaded.problems)] == [
        (f"{TASKS}/I-7.yaml", 4, 11, "unknown-unit"),
        (f"{TASKS}/I-8.yaml", 4, 11, "unknown-unit"),
    ]
    for problem in loaded.problems:
        assert "“Bộ Không Có”" in problem.message
    assert loaded.tasks["kh-test/I.2"].deadline.awaiting == "Bộ Ngoại giao"
    assert loaded.tasks["kh-test/I.6"].deadline.due.isoformat() == "2026-04-01"
