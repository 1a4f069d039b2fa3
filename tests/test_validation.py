"""Validating one parsed file against its record type (DESIGN §6): strict, unknown fields
forbidden, and every problem said in Vietnamese at the position of the value or key."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hnqt import model, validation, yamlio
from hnqt.dates import PartialDate

VIETNAMESE = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
KINDS = ("departments", "partner", "agreement", "plan", "task", "reports")


def found(problems) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in sorted(problems)]


def vietnamese(text: str) -> bool:
    return any(ch in VIETNAMESE for ch in text.casefold())


@pytest.fixture
def check(tmp_path: Path):
    """Write a file, read and validate it; the file and its folder are left as they were."""

    def run(kind: str, text: str):
        path = tmp_path / "record.yaml"
        path.write_text(text, encoding="utf-8")
        raw = path.read_bytes()
        doc, problems = yamlio.read(path, "record.yaml")
        assert problems == [], problems
        record, problems = validation.validate(kind, doc, "record.yaml")
        assert path.read_bytes() == raw
        assert os.listdir(tmp_path) == ["record.yaml"]
        assert (record is None) == bool(problems)
        for problem in problems:
            assert problem.file == "record.yaml" and problem.severity == "error"
            assert vietnamese(problem.message), problem
        return record, problems

    return run


# --- valid records ------------------------------------------------------------------------------

FULL = {
    "departments": """\
units:
  - id: so-y-te
    name: "Sở Y tế"
    kind: so
    aliases: ["SYT"]
    former:
      - "Sở Văn thư"
      - name: "Sở Kế hoạch và Đầu tư"
        basis: [{title: "Nghị định", number: "45/2025/NĐ-CP", date: "2025-02-28", issuer: "CP"}]
        partial: true
        note: "một phần"
    source: [{file: "a.txt", ref: "mục 1"}]
    basis: [{title: "Nghị định", number: "45/2025/NĐ-CP"}]
    note: "ghi chú"
  - id: vp-phong-qhqt
    name: "Phòng Quan hệ quốc tế"
    kind: division
    parent: so-y-te
groups:
  - id: addressed-units
    kind: addressees
    names: ["Các Sở, ngành, đơn vị", "Các Sở, ban, ngành"]
""",
    "partner": """\
id: st-petersburg
kind: city
name: {vi: "St. Petersburg", en: "Saint Petersburg", native: "Санкт-Петербург"}
country: RU
description: "Thành phố liên bang"
ties:
  - locality: "Thành phố Hồ Chí Minh"
    kind: "kết nghĩa"
    since: "2007"
    text: "Hai thành phố kết nghĩa."
    source: {file: "2023-02-22-bao-tphcm-hop-tac-lien-bang-nga.txt"}
source: [{file: "2025-03-14-bao-khanh-hoa-ky-ket-st-petersburg.txt"}]
""",
    "agreement": """\
id: tt-st-petersburg-2025
kind: agreement
title: "Thỏa thuận hợp tác"
partners: [st-petersburg]
parties:
  - {name: "Ủy ban nhân dân thành phố Hà Nội", side: hanoi}
  - {name: "Chính quyền thành phố St. Petersburg", side: partner}
signed: "2025-05-06"
place: "Hà Nội"
signatories:
  - {name: "Nguyễn Mạnh Quyền", title: "Phó Chủ tịch UBND Thành phố Hà Nội", side: hanoi}
fields: ["thương mại - kinh tế", "du lịch"]
articles:
  - {number: 5, subject: "Thương mại", units: ["Sở Công Thương"]}
term: {start: "2024", end: "2026"}
status: in_force
follow_up: {unit: "Văn phòng UBND Thành phố", source: {file: "a.txt", ref: "đoạn 3"}}
steps:
  mofa_consulted: {date: "2025-04-01", document: "Công văn số 1/BNG"}
  reported: {date: "2025-05-15"}
activities:
  - date: "2025-05"
    kind: visit
    title: "Chuyến thăm"
    text: "Đoàn thăm"
    status: done
    units: ["Văn phòng UBND Thành phố"]
    source: {file: "a.txt", ref: "đoạn 2"}
source: [{file: "a.txt"}]
notes: "ghi chú"
""",
    "plan": """\
id: kh-nq59
kind: plan
title: "Kế hoạch"
number: null
date: "2025"
issuer: "Ủy ban nhân dân thành phố Hà Nội"
signer: {name: "Nguyễn Mạnh Quyền", title: "Phó Chủ tịch UBND Thành phố"}
issued: {after: "2025-08-04", before: "2025-12-31", note: "suy ra"}
recipients: ["Sở Y tế;", "Lưu: VT."]
addressees:
  - {name: "Các Sở, ban, ngành có tên trong KH", source: {file: "a.txt", ref: "Nơi nhận"}}
agreement: tt-st-petersburg-2025
basis:
  - {number: "59-NQ/TW", date: "2025-01-24", issuer: "Bộ Chính trị", title: "Nghị quyết"}
period: {start: "2025", end: "2030"}
goals: ["Mục tiêu"]
reporting:
  text: "trước ngày 15 tháng 11"
  every: year
  before: "15/11"
  to: "Sở Công Thương"
  by: ["Các Sở, ngành, đơn vị"]
  source: {file: "a.txt", ref: "III.3"}
annual_due: "15/11"
budget: {unit: "Sở Tài chính", text: "Kinh phí"}
sections:
  - {code: "I", title: "Mục một"}
indicators:
  - {number: 1, name: "Chỉ tiêu", unit: "%", target: "10", monitors: ["Sở Công Thương"]}
source: [{file: "a.txt", ref: "Phụ lục I"}]
notes: "ghi chú"
""",
    "task": """\
code: "V.19"
title: "Nhiệm vụ"
lead: ["Sở Y tế"]
support: ["Các Sở, ngành, đơn vị liên quan"]
output: "Báo cáo"
deadline:
  text: "Khi Bộ Ngoại giao ban hành"
  event: {date: "2026-03-02", document: "Quyết định số 123/QĐ-BNG"}
  days_after: 30
articles: [6]
field: "y tế"
source: {file: "a.txt", ref: "Phụ lục II, V.19"}
notes: "ghi chú"
progress:
  - date: "2026-11-10"
    year: 2026
    by: "Sở Y tế"
    note: "Đã báo cáo"
    document: "Báo cáo số 123/BC-SYT"
    done: true
""",
    "reports": """\
reports:
  - {unit: "Sở Y tế", year: 2026, date: "2026-11-10", document: "Báo cáo số 123/BC-SYT"}
""",
}


def contains(whole: object, part: object) -> bool:
    """Everything written in `part` is in `whole` (which may add defaults)."""
    if isinstance(part, dict):
        return isinstance(whole, dict) and all(
            key in whole and contains(whole[key], value) for key, value in part.items()
        )
    if isinstance(part, list):
        return (
            isinstance(whole, list)
            and len(whole) == len(part)
            and all(contains(w, p) for w, p in zip(whole, part, strict=True))
        )
    return whole == part and type(whole) is type(part)


@pytest.mark.parametrize("kind", KINDS)
def test_a_valid_record_round_trips(check, kind):
    record, problems = check(kind, FULL[kind])
    assert problems == []
    assert type(record) is validation.RECORD_TYPES[kind]
    adapter = validation.adapter(kind)
    dumped = adapter.dump_python(record, mode="json")
    doc, _ = yamlio.parse(FULL[kind], "record.yaml")
    assert contains(dumped, doc.data), (dumped, doc.data)  # nothing written was lost
    assert adapter.validate_python(dumped) == record  # and it reads back the same


def test_valid_records_hold_the_written_values(check):
    task, _ = check("task", FULL["task"])
    assert task.code == "V.19" and task.lead == ("Sở Y tế",)
    assert task.deadline.text == "Khi Bộ Ngoại giao ban hành"
    assert task.deadline.event.date == PartialDate(2026, 3, 2)
    assert task.deadline.days_after == 30
    assert task.progress[0].done is True and task.progress[0].year == 2026
    agreement, _ = check("agreement", FULL["agreement"])
    assert agreement.signed == PartialDate(2025, 5, 6)
    assert agreement.term.end == PartialDate(2026)
    assert agreement.steps.reported.document is None


def test_defaults_of_a_minimal_record(check):
    task, _ = check("task", 'code: "I.1"\ntitle: "X"\nlead: ["Sở Y tế"]\ndeadline: ""\n')
    assert (task.support, task.progress, task.articles, task.output) == ((), (), (), None)
    agreement, _ = check(
        "agreement", 'id: ct-minsk\nkind: programme\ntitle: "CT"\npartners: [minsk]\n'
    )
    assert agreement.status == "in_force"
    assert agreement.follow_up is None  # nobody follows up unless the data says who, and why
    assert agreement.steps == model.Steps()
    plan, _ = check("plan", 'id: kh\nkind: plan\ntitle: "K"\nissuer: "UBND"\n')
    assert plan.period is None and plan.sections == ()


# --- unknown and missing fields -----------------------------------------------------------------

UNKNOWN = [
    ("departments", 'units: []\ngroup: []\n', (2, 1), "group", "groups"),
    ("partner", 'id: minsk\nkind: city\nname: {vi: "Minsk"}\ncountry: BY\ndescripton: "x"\n',
     (5, 1), "descripton", "description"),
    ("agreement", 'id: ct\nkind: programme\ntitle: "CT"\npartners: [minsk]\nsigend: "2023"\n',
     (5, 1), "sigend", "signed"),
    ("plan", 'id: kh\nkind: plan\ntitle: "K"\nissuer: "UBND"\nperoid: {start: "2025"}\n',
     (5, 1), "peroid", "period"),
    ("task", 'code: "I.1"\ntitle: "X"\nlead: []\ndeadline: ""\nnotse: "y"\n', (5, 1), "notse",
     "notes"),
    ("reports", "report: []\n", (1, 1), "report", "reports"),
    # nested records know their own fields
    ("partner", 'id: minsk\nkind: city\nname: {vi: "Minsk", nativ: "Мінск"}\ncountry: BY\n',
     (3, 21), "nativ", "native"),
    ("task", 'code: "I.1"\ntitle: "X"\nlead: []\ndeadline: ""\nsource: {file: a, reff: b}\n',
     (5, 19), "reff", "ref"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "text", "where", "field", "guess"),
    UNKNOWN,
    ids=["departments", "partner", "agreement", "plan", "task", "reports", "nested-name",
         "nested-source"],
)  # fmt: skip
def test_unknown_field_points_at_the_key_and_guesses(check, kind, text, where, field, guess):
    record, problems = check(kind, text)
    assert record is None
    assert found(problems) == [(*where, "unknown-field")]
    assert f"“{field}”" in problems[0].message
    assert validation.KIND_NAMES[kind] in problems[0].message
    assert problems[0].hint == f"có phải “{guess}”?"


def test_unknown_field_without_a_close_match_lists_the_fields(check):
    _, problems = check("reports", "reports: []\nxyz: 1\n")
    assert found(problems) == [(2, 1, "unknown-field")]
    assert problems[0].hint == "các trường hợp lệ: reports"


def test_a_misspelt_required_field_is_unknown_and_missing(check):
    _, problems = check("task", 'code: "I.1"\ntitel: "X"\nlead: []\ndeadline: ""\n')
    assert found(problems) == [(1, 1, "missing-field"), (2, 1, "unknown-field")]
    by_code = {p.code: p for p in problems}
    assert by_code["unknown-field"].hint == "có phải “title”?"
    assert "“title”" in by_code["missing-field"].message
    assert "title:" in by_code["missing-field"].hint


def test_every_missing_field_is_named(check):
    """Each missing field is its own problem: none hides behind another of the same code."""
    _, problems = check("partner", "id: minsk\n")
    assert found(problems) == [(1, 1, "missing-field")] * 3
    assert sorted(p.message.split("“")[1].rstrip("”") for p in problems) == [
        "country",
        "kind",
        "name",
    ]


def test_unknown_field_in_a_list_item(check):
    text = 'code: "I.1"\ntitle: "X"\nlead: []\ndeadline: ""\nprogress:\n  - dat: "2026-01-02"\n'
    _, problems = check("task", text)
    assert found(problems) == [(6, 5, "missing-field"), (6, 5, "unknown-field")]
    by_code = {p.code: p for p in problems}
    assert by_code["unknown-field"].hint == "có phải “date”?"
    assert "progress[1]" in by_code["missing-field"].message


@pytest.mark.parametrize(
    ("kind", "text", "where", "field"),
    [
        ("task", 'code: "I.1"\ntitle: "X"\nlead: []\n', (1, 1), "deadline"),
        ("partner", 'id: minsk\nkind: city\ncountry: BY\n', (1, 1), "name"),
        ("agreement", 'id: ct\nkind: programme\npartners: []\n', (1, 1), "title"),
        ("plan", 'id: kh\nkind: plan\ntitle: "K"\n', (1, 1), "issuer"),
        ("departments", "groups: []\n", (1, 1), "units"),
        ("plan", 'id: kh\nkind: plan\ntitle: "K"\nissuer: "U"\nperiod: {start: "2025"}\n',
         (5, 9), "end"),
        ("reports", 'reports:\n  - {unit: "Sở Y tế", date: "2026-11-10"}\n', (2, 5), "year"),
    ],
    ids=["task", "partner", "agreement", "plan", "departments", "nested", "list-item"],
)  # fmt: skip
def test_missing_field(check, kind, text, where, field):
    record, problems = check(kind, text)
    assert record is None
    assert found(problems) == [(*where, "missing-field")]
    assert f"“{field}”" in problems[0].message
    assert problems[0].hint == f"thêm dòng `{field}: …`"


# --- types: strict, no coercion -----------------------------------------------------------------

TASK_HEAD = 'code: "I.1"\ntitle: "X"\nlead: ["Sở Y tế"]\ndeadline: "2026"\n'


@pytest.mark.parametrize(
    ("kind", "text", "where", "hint"),
    [
        ("task", 'code: "I.1"\ntitle: "X"\nlead: "Sở Y tế"\ndeadline: "2026"\n', (3, 7),
         'viết dạng danh sách: ["Sở Y tế"]'),
        ("task", TASK_HEAD + 'articles: ["5"]\n', (5, 12), "viết số không có ngoặc kép"),
        ("task", 'code: "I.1"\ntitle: 2026\nlead: []\ndeadline: ""\n', (2, 8),
         'đặt giá trị trong ngoặc kép, ví dụ "0243"'),
        ("plan", 'id: kh\nkind: plan\ntitle: "K"\nissuer: "U"\nindicators:\n'
         '  - {number: "1", name: n, unit: u, target: t}\n', (6, 14), "viết số không có ngoặc kép"),
        ("reports", 'reports:\n  - {unit: "Sở Y tế", year: "2026", date: "2026-11-10"}\n',
         (2, 29), "viết số không có ngoặc kép"),
        ("agreement", 'id: ct\nkind: programme\ntitle: "CT"\npartners: minsk\n', (4, 11),
         'viết dạng danh sách: ["minsk"]'),
        ("partner", 'id: minsk\nkind: city\nname: "Minsk"\ncountry: BY\n', (3, 7), ""),
    ],
    ids=["text-for-list", "quoted-number", "number-for-text", "quoted-indicator",
         "quoted-year", "text-for-partners", "text-for-name"],
)  # fmt: skip
def test_wrong_types(check, kind, text, where, hint):
    record, problems = check(kind, text)
    assert record is None
    assert found(problems) == [(*where, "wrong-type")]
    assert "cần " in problems[0].message
    assert problems[0].hint == hint


@pytest.mark.parametrize("written", ["yes", "no", "on", "off", "Yes", "NO", "y", "n"])
def test_booleans_are_strict(check, written):
    text = TASK_HEAD + f'progress:\n  - date: "2026-01-02"\n    done: {written}\n'
    record, problems = check("task", text)
    assert record is None
    assert found(problems) == [(7, 11, "wrong-type")]
    assert f"“{written}”" in problems[0].message
    assert problems[0].hint == "YAML ở đây không hiểu yes/no/on/off; viết true hoặc false"


@pytest.mark.parametrize("written", ['"true"', "1", "0"])
def test_booleans_are_not_coerced_from_text_or_numbers(check, written):
    text = TASK_HEAD + f'progress:\n  - date: "2026-01-02"\n    done: {written}\n'
    _, problems = check("task", text)
    assert found(problems) == [(7, 11, "wrong-type")]
    assert "true hoặc false" in problems[0].message


def test_true_and_false_are_booleans(check):
    text = TASK_HEAD + 'progress:\n  - {date: "2026-01-02", done: true}\n  - {date: "2026-01-03"}\n'
    task, _ = check("task", text)
    assert [p.done for p in task.progress] == [True, False]


@pytest.mark.parametrize(
    ("field", "written", "shown"),
    [("note", "5", "số 5"), ("by", "123", "số 123"), ("document", "1.5", "số 1.5"),
     ("note", "true", "giá trị true")],
)  # fmt: skip
def test_strings_are_never_coerced(check, field, written, shown):
    text = TASK_HEAD + f'progress:\n  - date: "2026-01-02"\n    {field}: {written}\n'
    record, problems = check("task", text)
    assert record is None
    assert found(problems) == [(7, 7 + len(field), "wrong-type")]
    assert shown in problems[0].message and "chuỗi" in problems[0].message
    assert "ngoặc kép" in problems[0].hint


def test_phone_like_numbers_stay_text(check):
    text = TASK_HEAD + "progress:\n  - date: 2026-01-02\n    document: 0243825111\n"
    task, problems = check("task", text)
    assert problems == []
    assert task.progress[0].document == "0243825111"


# --- dates ------------------------------------------------------------------------------------

AGREEMENT = 'id: ct\nkind: programme\ntitle: "CT"\npartners: [minsk]\n'


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ('"2025"', PartialDate(2025)),
        ("2025", PartialDate(2025)),
        ('"2025-05"', PartialDate(2025, 5)),
        ('"2025-05-06"', PartialDate(2025, 5, 6)),
        ("2025-05-06", PartialDate(2025, 5, 6)),
        ('"2024-02-29"', PartialDate(2024, 2, 29)),
    ],
)
def test_partial_dates_are_accepted(check, written, date):
    agreement, problems = check("agreement", AGREEMENT + f"signed: {written}\n")
    assert problems == []
    assert agreement.signed == date


@pytest.mark.parametrize(
    ("written", "said"),
    [('"2025-02-30"', "30/2/2025"), ('"2025-02-29"', "29/2/2025"), ('"2025-13"', "tháng 13"),
     ('"2025-00-10"', "tháng 0")],
)  # fmt: skip
def test_impossible_dates(check, written, said):
    record, problems = check("agreement", AGREEMENT + f"signed: {written}\n")
    assert record is None
    assert found(problems) == [(5, 9, "bad-date")]
    assert said in problems[0].message and "không tồn tại" in problems[0].message
    assert "2025-05-06" in problems[0].hint


@pytest.mark.parametrize(
    ("written", "code"),
    [('"06/05/2025"', "bad-value"), ('"2025-5-6"', "bad-value"), ('"May 2025"', "bad-value"),
     ("1800", "wrong-type"), ("true", "wrong-type")],
)  # fmt: skip
def test_dates_in_another_form_are_one_problem(check, written, code):
    record, problems = check("agreement", AGREEMENT + f"signed: {written}\n")
    assert record is None
    assert found(problems) == [(5, 9, code)]
    assert problems[0].message.startswith("signed: ")
    assert problems[0].hint


def test_an_impossible_day_in_a_progress_entry_is_told_the_full_form_only(check):
    _, problems = check("task", TASK_HEAD + 'progress:\n  - date: "2026-02-30"\n')
    assert found(problems) == [(6, 11, "bad-date")]
    assert problems[0].hint == "viết ngày đầy đủ dạng 2025-05-06"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (TASK_HEAD + 'progress:\n  - date: "2026"\n', (6, 11)),
        (TASK_HEAD + 'progress:\n  - date: "2026-11"\n', (6, 11)),
        (AGREEMENT + 'steps:\n  reported: {date: "2025-05"}\n', (6, 20)),
    ],
    ids=["progress-year", "progress-month", "step-month"],
)
def test_a_progress_entry_needs_a_full_date(check, text, where):
    kind = "task" if text.startswith("code") else "agreement"
    record, problems = check(kind, text)
    assert record is None
    assert found(problems) == [(*where, "bad-value")]
    hint = problems[0].hint
    assert "2025-05-06" in hint
    # the hint must not propose the very forms this field refuses
    assert '"2025-05"' not in hint and '"2025"' not in hint, hint


# --- ids and choices ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "text", "where", "wanted"),
    [
        ("partner", 'id: St-Petersburg\nkind: city\nname: {vi: "S"}\ncountry: RU\n', (1, 5),
         "so-y-te"),
        ("partner", 'id: so_y_te\nkind: city\nname: {vi: "S"}\ncountry: RU\n', (1, 5), "so-y-te"),
        ("partner", 'id: sở-y-tế\nkind: city\nname: {vi: "S"}\ncountry: RU\n', (1, 5), "so-y-te"),
        ("partner", 'id: minsk-\nkind: city\nname: {vi: "S"}\ncountry: RU\n', (1, 5), "so-y-te"),
        ("partner", 'id: minsk\nkind: city\nname: {vi: "S"}\ncountry: ru\n', (4, 10), "RU"),
        ("agreement", 'id: ct\nkind: programme\ntitle: "CT"\npartners: [Minsk]\n', (4, 12),
         "so-y-te"),
        ("departments", 'units:\n  - {id: a, name: "A", kind: so, parent: "Sở Y tế"}\n', (2, 42),
         "so-y-te"),
        ("task", 'code: "I 1"\ntitle: "X"\nlead: []\ndeadline: ""\n', (1, 7), "V.19"),
        ("plan", 'id: kh\nkind: plan\ntitle: "K"\nissuer: "U"\nannual_due: "15-11"\n', (5, 13),
         "15/11"),
    ],
    ids=["uppercase-id", "underscore-id", "vietnamese-id", "trailing-hyphen", "country",
         "partner-ref", "parent-is-a-name", "task-code", "day-month"],
)  # fmt: skip
def test_bad_ids_and_codes(check, kind, text, where, wanted):
    record, problems = check(kind, text)
    assert record is None
    assert found(problems) == [(*where, "bad-value")]
    assert "không hợp lệ" in problems[0].message
    assert wanted in problems[0].hint


@pytest.mark.parametrize(
    ("kind", "text", "where", "value", "choices"),
    [
        ("partner", 'id: minsk\nkind: town\nname: {vi: "M"}\ncountry: BY\n', (2, 7), "town",
         ["city", "region", "country", "organisation"]),
        ("agreement", AGREEMENT + "status: active\n", (5, 9), "active",
         ["draft", "in_force", "expired", "terminated"]),
        ("departments", 'units:\n  - {id: a, name: "A", kind: sở}\n', (2, 30), "sở",
         ["city", "so", "ban", "ministry", "division", "other"]),
        ("departments", 'units: []\ngroups:\n  - {id: g, kind: everyone, names: ["x"]}\n',
         (3, 19), "everyone", ["addressees", "others", "named", "city", "related", "external"]),
    ],
    ids=["partner-kind", "agreement-status", "unit-kind", "group-kind"],
)  # fmt: skip
def test_literal_choices_are_listed(check, kind, text, where, value, choices):
    record, problems = check(kind, text)
    assert record is None
    assert found(problems) == [(*where, "bad-value")]
    assert f"“{value}”" in problems[0].message
    hint = problems[0].hint
    assert hint.startswith("chọn một trong: ")
    for choice in choices:
        assert choice in hint
    assert " or " not in hint, hint  # the hint is Vietnamese: no Pydantic English


# --- the shape of a file --------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_a_top_level_list_is_not_a_mapping(check, kind):
    record, problems = check(kind, '- id: so-y-te\n  name: "Sở Y tế"\n')
    assert record is None
    assert found(problems) == [(1, 1, "not-a-mapping")]
    assert "danh sách" in problems[0].message
    assert validation.KIND_NAMES[kind] in problems[0].message
    assert "data-format.md" in problems[0].hint


@pytest.mark.parametrize(("text", "shown"), [('"Sở Y tế"\n', "chuỗi “Sở Y tế”"), ("42\n", "số 42")])
def test_a_top_level_scalar_is_not_a_mapping(check, text, shown):
    _, problems = check("task", text)
    assert found(problems) == [(1, 1, "not-a-mapping")]
    assert shown in problems[0].message


def test_every_problem_of_a_file_at_once(check):
    text = (
        'code: "I 1"\n'  # bad-value
        "title: 5\n"  # wrong-type
        'lead: ["Sở Y tế"]\n'
        'deadline: "2026"\n'
        "progress:\n"
        '  - date: "2026-02-30"\n'  # bad-date
        "    done: yes\n"  # wrong-type
        'colour: "x"\n'  # unknown-field
    )
    _, problems = check("task", text)
    assert found(problems) == [
        (1, 7, "bad-value"),
        (2, 8, "wrong-type"),
        (6, 11, "bad-date"),
        (7, 11, "wrong-type"),
        (8, 1, "unknown-field"),
    ]


# --- structured deadlines (a union: text, or a mapping) -------------------------------------------

DEADLINE_HEAD = 'code: "I.1"\ntitle: "X"\nlead: ["Sở Y tế"]\ndeadline:\n'


def test_a_deadline_of_the_wrong_shape_is_one_problem(check):
    _, problems = check("task", 'code: "I.1"\ntitle: "X"\nlead: []\ndeadline: [2026]\n')
    assert found(problems) == [(4, 11, "wrong-type")]
    _, problems = check("task", 'code: "I.1"\ntitle: "X"\nlead: []\ndeadline: 2026\n')
    assert found(problems) == [(4, 11, "wrong-type")]
    assert "2026" in problems[0].message


@pytest.mark.parametrize(
    ("body", "expected", "hint_word"),
    [
        ('  text: "Khi Bộ Ngoại giao ban hành"\n  days_after: "30"\n',
         [(6, 15, "wrong-type")], "viết số không có ngoặc kép"),
        ('  txt: "Khi Bộ Ngoại giao ban hành"\n',
         [(5, 3, "missing-field"), (5, 3, "unknown-field")], "có phải “text”?"),
        ('  text: "Khi Bộ Ngoại giao ban hành"\n  event: {date: "2026-02-30"}\n',
         [(6, 17, "bad-date")], "2025-05-06"),
    ],
    ids=["days-after-quoted", "text-misspelt", "event-date-impossible"],
)  # fmt: skip
def test_a_mistake_inside_a_structured_deadline_is_reported_there_only(
    check, body, expected, hint_word
):
    """A mapping is a valid form of `deadline`: the mistake is inside it, and saying that the
    whole deadline has "the wrong form" sends the reader to the wrong place."""
    record, problems = check("task", DEADLINE_HEAD + body)
    assert record is None
    assert found(problems) == expected
    assert hint_word in sorted(problems)[-1].hint


# --- JSON Schema ----------------------------------------------------------------------------------


def _objects(schema: dict):
    yield schema
    yield from schema.get("$defs", {}).values()


@pytest.mark.parametrize("kind", KINDS)
def test_json_schema_forbids_unknown_fields(kind):
    schema = validation.json_schema(kind)
    assert isinstance(schema, dict)
    assert schema["type"] == "object"
    assert schema["additionalProperties"] is False
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == f"hnqt — {validation.KIND_NAMES[kind]}"
    for part in _objects(schema):
        if part.get("type") == "object":
            assert part["additionalProperties"] is False, part.get("title")


def test_json_schema_required_fields_and_patterns():
    task = validation.json_schema("task")
    assert task["required"] == ["code", "title", "lead", "deadline"]
    assert task["$defs"]["Progress"]["required"] == ["date"]
    assert task["$defs"]["Progress"]["properties"]["done"]["type"] == "boolean"
    partner = validation.json_schema("partner")
    assert partner["properties"]["id"]["pattern"] == r"^[a-z0-9]+(-[a-z0-9]+)*$"
    assert partner["properties"]["country"]["pattern"] == r"^[A-Z]{2}$"
    assert set(partner["properties"]["kind"]["enum"]) == {
        "city",
        "region",
        "country",
        "organisation",
    }


@pytest.mark.parametrize(
    ("kind", "text", "where"),
    [
        ("task", 'code: ""\ntitle: "X"\nlead: []\ndeadline: ""\n', (1, 7)),
        ("partner", 'id: ""\nkind: city\nname: {vi: "M"}\ncountry: BY\n', (1, 5)),
    ],
    ids=["task-code", "partner-id"],
)
def test_an_empty_code_is_said_in_vietnamese(check, kind, text, where):
    _, problems = check(kind, text)
    assert found(problems) == [(*where, "bad-value")]
    assert problems[0].message.endswith(": không được để trống")
    assert "String" not in problems[0].message + problems[0].hint


def _file_records() -> list[type]:
    from hnqt import model

    base = model.FileRecord
    return [c for c in vars(model).values() if isinstance(c, type) and issubclass(c, base)
            and c is not base]  # fmt: skip


@pytest.mark.parametrize("record_type", _file_records(), ids=lambda c: c.__name__)
def test_every_record_refuses_an_unknown_field(record_type: type) -> None:
    """The config is declared once, on FileRecord, and holds for each of the records."""
    from pydantic import TypeAdapter, ValidationError

    with pytest.raises(ValidationError) as caught:
        TypeAdapter(record_type).validate_python({"colour": "đỏ"})
    assert "unexpected_keyword_argument" in {e["type"] for e in caught.value.errors()}
    assert len(_file_records()) >= 29


def test_pydantic_plugins_of_other_packages_are_never_looked_for(monkeypatch):
    """A plugin another package installs must not see or change hnqt's checks (and looking
    reads every installed package's entry points)."""
    from pydantic.plugin import _loader

    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "")
    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS")
    monkeypatch.setattr(_loader, "_plugins", None)
    monkeypatch.setattr(_loader, "entry_points", lambda **_: pytest.fail("plugins looked for"))
    validation.adapter.cache_clear()
    try:
        assert validation.adapter("partner").validate_python(
            {"id": "minsk", "kind": "city", "name": {"vi": "Minsk"}, "country": "BY"}
        )
    finally:
        validation.adapter.cache_clear()
