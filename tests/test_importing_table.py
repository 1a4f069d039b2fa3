"""From rows to task drafts: the header found loosely, sections, repeated headers, numbering
rows, empty rows and split tables; each unreadable row said where and why."""

from __future__ import annotations

import functools
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from appendix_docs import HEADER
from hnqt.importing.rows import Row, Table
from hnqt.importing.table import read_appendix, unit_names
from hnqt.importing.tasks import check_drafts
from hnqt.problems import UsageError


def table(number: int, rows: list[list[str]], spans: dict[int, tuple[int, ...]] | None = None):
    spans = spans or {}
    return Table(
        number,
        [
            Row(number, i, tuple(cells), spans.get(i, (1,) * len(cells)))
            for i, cells in enumerate(rows, 1)
        ],
    )


def task(tt: str, title: str, lead: str = "Sở Y tế", deadline: str = "2026") -> list[str]:
    return [tt, title, lead, "", "", deadline]


def test_headings_match_with_or_without_diacritics_and_line_breaks():
    header = [
        "STT",
        "TEN NHIEM VU",
        "Cơ quan\nchủ trì",
        "co quan phoi hop",
        "Sản phẩm",
        "Thời gian hoàn\nthành (dự kiến)",
    ]
    found = read_appendix([table(1, [header, task("1", "Việc một")])], "a.docx")
    assert not found.problems
    (draft,) = found.drafts
    assert draft.code == "1" and draft.values["title"] == "Việc một"
    assert draft.headings["lead"] == "Cơ quan chủ trì"


def test_sections_codes_and_rows_that_are_not_tasks():
    rows = [
        ["PHỤ LỤC II", "", "", "", "", ""],  # a title above the header
        HEADER,
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],  # column numbers under the header
        ["I. Mục một", "", "", "", "", ""],  # merged across: a section
        task("1", "Việc một"),
        ["", "", "", "", "", ""],  # an empty row
        HEADER,  # the header typed again on a new page
        ["II", "Mục hai", "", "", "", ""],  # a numeral in TT, the title beside it
        task("1.", "Việc hai"),
    ]
    found = read_appendix([table(1, rows, {4: (6, 0, 0, 0, 0, 0)})], "a.docx")
    assert not found.problems
    assert [d.code for d in found.drafts] == ["I.1", "II.1"]
    assert found.sections == [("I", "Mục một"), ("II", "Mục hai")]


def test_a_table_split_in_two_is_joined_when_its_first_row_repeats_the_header():
    first = table(1, [HEADER, ["II", "Mục hai", "", "", "", ""], task("1", "Một")])
    second = table(2, [HEADER, task("2", "Hai")])
    other = table(3, [["Nơi nhận", "Ký tên"], ["Sở Y tế", "…"]])
    found = read_appendix([first, second, other], "a.docx")
    assert [d.code for d in found.drafts] == ["II.1", "II.2"]
    assert found.tables == [1, 2]


def test_table_option_starts_at_that_table():
    found = read_appendix(
        [table(1, [HEADER, task("1", "Một")]), table(2, [HEADER, task("7", "Bảy")])],
        "a.docx",
        start=2,
    )
    assert [d.code for d in found.drafts] == ["7"]
    with pytest.raises(UsageError, match="chỉ có 2 bảng"):
        read_appendix([table(1, [HEADER]), table(2, [HEADER])], "a.docx", start=3)
    with pytest.raises(UsageError, match="bảng 1 không có dòng tiêu đề"):
        read_appendix([table(1, [["a", "b"]])], "a.docx", start=1)


def test_no_task_table_at_all_is_a_usage_error_naming_the_columns_wanted():
    with pytest.raises(UsageError) as raised:
        read_appendix([table(1, [["Họ tên", "Chức vụ"]])], "a.docx")
    assert "không tìm thấy bảng nhiệm vụ" in raised.value.message
    assert "Cơ quan chủ trì" in raised.value.hint


def test_a_missing_column_is_reported_at_the_header_row():
    header = ["TT", "Tên nhiệm vụ", "Cơ quan phối hợp", "Kết quả"]
    found = read_appendix([table(1, [header, ["1", "Việc", "", ""]])], "a.docx")
    (problem,) = found.problems
    assert problem.table == 1 and problem.problem.line == 1
    assert problem.problem.code == "missing-column"
    assert "“Cơ quan chủ trì”" in problem.problem.message
    assert "“Thời gian hoàn thành”" in problem.problem.message
    assert not found.drafts


def test_rows_that_cannot_be_read_say_their_row_and_column():
    rows = [
        HEADER,
        ["I", "Mục một", "", "", "", ""],
        task("", "Việc không số"),
        ["1", "Việc", "Sở Y tế", "", "", ""],
    ]
    merged = (1, 1, 2, 0, 1, 1)  # lead and support cells made one
    found = read_appendix([table(1, rows, {4: merged})], "a.docx")
    codes = [(p.problem.line, p.problem.column, p.heading, p.problem.code) for p in found.problems]
    assert codes == [(3, 1, "TT", "missing-value"), (4, 3, "Cơ quan chủ trì", "bad-cell")]
    assert all(p.is_error for p in found.problems)
    assert not found.drafts


def test_a_merged_row_without_a_numeral_is_a_warning_and_skipped():
    rows = [HEADER, ["Ghi chú: các nhiệm vụ", "", "", "", "", ""], task("1", "Việc")]
    found = read_appendix([table(1, rows, {2: (6, 0, 0, 0, 0, 0)})], "a.docx")
    (problem,) = found.problems
    assert problem.problem.severity == "warning" and problem.problem.line == 2
    assert [d.code for d in found.drafts] == ["1"]


def test_units_are_split_at_semicolons_and_line_breaks_and_at_commas_only_when_that_resolves():
    known = {
        "Sở Y tế",
        "Sở Tài chính",
        "Các Sở, ngành, đơn vị liên quan",
        "Văn phòng UBND Thành phố (Phòng A, Phòng B)",
    }
    names = unit_names(
        "Sở Y tế;\nSở Tài chính\nCác Sở, ngành, đơn vị liên quan.", known.__contains__
    )
    assert names == ["Sở Y tế", "Sở Tài chính", "Các Sở, ngành, đơn vị liên quan"]
    assert unit_names("Sở Y tế, Sở Tài chính", known.__contains__) == ["Sở Y tế", "Sở Tài chính"]
    assert unit_names("Sở Y tế, Sở Lạ", known.__contains__) == ["Sở Y tế, Sở Lạ"]
    inner = "Văn phòng UBND Thành phố (Phòng A, Phòng B)"
    assert unit_names(inner + "; Sở Y tế", known.__contains__) == [inner, "Sở Y tế"]


def test_a_header_of_two_rows_reads_as_one():
    top = ["TT", "Tên nhiệm vụ", "Cơ quan thực hiện", "", "Kết quả", "Thời gian hoàn thành"]
    below = ["TT", "Tên nhiệm vụ", "Chủ trì", "Phối hợp", "Kết quả", "Thời gian hoàn thành"]
    spans = {1: (1, 1, 2, 0, 1, 1)}  # "Cơ quan thực hiện" over both unit columns
    rows = [top, below, ["1", "Việc", "Sở Y tế", "Sở Tài chính", "", "2026"]]
    found = read_appendix([table(1, rows, spans)], "a.docx")
    assert not found.problems
    (draft,) = found.drafts
    assert (draft.values["lead"], draft.values["support"]) == ("Sở Y tế", "Sở Tài chính")
    assert draft.headings["lead"] == "Chủ trì"


CELL = st.one_of(
    st.sampled_from(["", "TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành", "I",
                     "II. Mục", "1", "1.", "Sở Y tế", "Sở Y tế; Sở Tài chính", "Quý II/2026",
                     "Hàng năm", "(1)", "=A1", "V.19", "../x", "khác"]),
    st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyAĐ ;,.()/\n-0123456789", max_size=30),
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(CELL, min_size=6, max_size=6), min_size=1, max_size=8),
       st.lists(st.integers(0, 7), max_size=3))  # fmt: skip
def test_any_table_gives_drafts_or_problems_or_a_usage_error(rows, merged):
    spans = {i + 1: (6, 0, 0, 0, 0, 0) for i in merged if i < len(rows)}
    try:
        found = read_appendix([table(1, [HEADER, *rows], spans)], "a.docx")
    except UsageError as error:
        assert error.message
        return
    registry = _registry()
    outcome = check_drafts(registry, "kh-test", found, "a.docx", date(2026, 11, 22))
    for problem in outcome.problems:
        assert problem.problem.message and problem.problem.line >= 1
    assert all(p.rel.startswith("data/plans/kh-test/tasks/") for p in outcome.planned)
    assert all(".." not in p.rel for p in outcome.planned)


@functools.cache
def _registry():
    from conftest import BASE_FILES
    from hnqt.loading import load

    root = Path(tempfile.mkdtemp(prefix="hnqt-import-"))
    for rel, text in BASE_FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return load(root, use_cache=False)


def test_a_section_code_beside_a_title_merged_to_the_end_and_numbers_within_it():
    rows = [
        HEADER,
        ["TCTH", "Tổ chức thực hiện", "", "", "", ""],  # as the export writes a section
        task("2.1", "Theo dõi, đôn đốc"),
        task("4", "Báo cáo"),
        ["khac", "Không gộp", "", "", "", ""],  # no merge, no numeral: a row without units
    ]
    found = read_appendix([table(1, rows, {2: (1, 5, 0, 0, 0, 0)})], "a.xlsx")
    assert found.sections == [("TCTH", "Tổ chức thực hiện")]
    assert [d.code for d in found.drafts] == ["TCTH.2.1", "TCTH.4", "khac"]
