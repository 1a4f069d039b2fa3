"""`hnqt import docx|xlsx` and `hnqt export xlsx|ics` end to end (the real app, in-process), on
small registries and on a copy of the real one. Word and Excel files are built in the tests."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from appendix_docs import HEADER, PLAN_FILES, mark_header, merge_across, merge_down, sheet, word
from conftest import FIXTURE, REPO, copy_registry, snapshot
from hnqt.cli import app
from hnqt.loading import load

runner = CliRunner()
ENV = {"COLUMNS": "200", "NO_COLOR": "1", "FORCE_COLOR": ""}
TASKS = "data/plans/kh-moi/tasks"


def hnqt(root: Path, *args: str):
    return runner.invoke(app, [*args, "--registry", str(root)], env=ENV)


@pytest.fixture
def registry(make_registry) -> Path:
    return make_registry(PLAN_FILES)


def appendix(path: Path, bad: dict[int, list[str]] | None = None) -> Path:
    """The Word appendix of every test: a merged section row, a lead cell merged down over two
    rows, the header repeated on the second page, an empty row, a nested table, a table split
    in two; `bad` replaces rows (by index in the first table)."""
    first = [
        HEADER,
        ["I. Mục một", "", "", "", "", ""],
        [
            "1",
            "Tuyên truyền\nvề hội nhập",
            "Sở Y tế",
            "Sở Công Thương; Sở Tài chính",
            "Báo cáo",
            "Hàng năm",
        ],
        ["2", "Tập huấn", "", "Các Sở, ngành, đơn vị liên quan", "", "Quý II/2026"],
        HEADER,
        ["", "", "", "", "", ""],
        ["3", "Hợp tác y tế", "Sở Y tế, Sở Công Thương", "", "", "Khi Bộ Ngoại giao ban hành"],
    ]
    for index, row in (bad or {}).items():
        first[index] = row
    second = [
        HEADER,
        ["II", "Mục hai", "", "", "", ""],
        ["1", "Xúc tiến", "Sở Công Thương", "", "", "Thường xuyên"],
    ]

    def build(document, tables):
        merge_across(tables[0], 1)
        merge_down(tables[0], 2, 2, 3)  # "Sở Y tế" leads tasks 1 and 2
        mark_header(tables[0], 0)
        inner = tables[1].cell(2, 4).add_table(rows=1, cols=2)
        inner.cell(0, 0).text, inner.cell(0, 1).text = "Hội chợ", "Hội thảo"

    return word(path, first, second, build=build)


def test_a_word_appendix_becomes_task_files_in_the_registry_layout(registry, tmp_path):
    result = hnqt(
        registry, "import", "docx", str(appendix(tmp_path / "pl.docx")), "--plan", "kh-moi"
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (registry / TASKS).iterdir()) == [
        "I-1.yaml",
        "I-2.yaml",
        "I-3.yaml",
        "II-1.yaml",
    ]
    assert (registry / TASKS / "I-1.yaml").read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../../../../schemas/task.schema.json\n"
        'code: "I.1"\n'
        'title: "Tuyên truyền\\nvề hội nhập"\n'
        'lead: ["Sở Y tế"]\n'
        'support: ["Sở Công Thương", "Sở Tài chính"]\n'
        'output: "Báo cáo"\n'
        'deadline: "Hàng năm"\n'
        'source: {file: "pl.docx", ref: "bảng 1, I.1"}\n'
    )
    tasks = load(registry, use_cache=False).tasks
    assert tasks["kh-moi/I.2"].task.lead == ("Sở Y tế",)  # the cell merged down
    assert tasks["kh-moi/I.3"].task.lead == ("Sở Y tế", "Sở Công Thương")
    assert tasks["kh-moi/II.1"].task.output == "Hội chợ | Hội thảo"  # the nested table
    assert "đã tạo data/plans/kh-moi/tasks/II-1.yaml" in result.output
    assert hnqt(registry, "validate").exit_code == 0


@pytest.mark.parametrize(
    ("bad", "column", "code", "words"),
    [
        (
            {6: ["3", "Việc", "Sở Không Có", "", "", "2026"]},
            "cột 3 “Cơ quan chủ trì”",
            "unknown-unit",
            "không có đơn vị “Sở Không Có”",
        ),
        (
            {6: ["3", "Việc", "Sở Y tế", "", "", "Sang năm"]},
            "cột 6 “Thời gian hoàn thành”",
            "bad-deadline",
            "không hiểu thời hạn “Sang năm”",
        ),
        (
            {6: ["3", "", "Sở Y tế", "", "", "2026"]},
            "cột 2 “Tên nhiệm vụ”",
            "missing-value",
            "không có tên nhiệm vụ",
        ),
        ({6: ["", "Việc", "Sở Y tế", "", "", "2026"]}, "cột 1 “TT”", "missing-value", "TT"),
        (
            {6: ["1", "Việc trùng số", "Sở Y tế", "", "", "2026"]},
            "cột 1 “TT”",
            "duplicate-id",
            "mã I.1 trùng với bảng 1, dòng 3",
        ),
    ],
)
def test_a_bad_row_is_said_with_table_row_column_and_nothing_is_written(
    registry, tmp_path, bad, column, code, words
):
    path = appendix(tmp_path / "pl.docx", bad)
    before = snapshot(registry)
    result = hnqt(registry, "import", "docx", str(path), "--plan", "kh-moi")
    assert result.exit_code == 1
    row = next(iter(bad)) + 1
    line = next(
        line for line in result.output.splitlines() if line.startswith(f"bảng 1, dòng {row}")
    )
    assert column in line and f"lỗi {code}" in line and words in line, result.output
    assert "Không ghi tệp nào: 1 dòng có lỗi" in result.output
    assert snapshot(registry) == before


def test_partial_writes_the_good_rows_and_lists_the_rest(registry, tmp_path):
    path = appendix(tmp_path / "pl.docx", {6: ["3", "Việc", "Sở Không Có", "", "", "2026"]})
    result = hnqt(registry, "import", "docx", str(path), "--plan", "kh-moi", "--partial")
    assert result.exit_code == 1
    assert "bảng 1, dòng 7, cột 3 “Cơ quan chủ trì”: lỗi unknown-unit" in result.output
    assert "Bỏ qua 1 dòng có lỗi" in result.output
    assert sorted(p.name for p in (registry / TASKS).iterdir()) == [
        "I-1.yaml",
        "I-2.yaml",
        "II-1.yaml",
    ]


def test_dry_run_shows_the_files_and_writes_nothing(registry, tmp_path):
    before = snapshot(registry)
    result = hnqt(
        registry,
        "import",
        "docx",
        str(appendix(tmp_path / "pl.docx")),
        "--plan",
        "kh-moi",
        "--dry-run",
    )
    assert result.exit_code == 0
    assert "sẽ tạo data/plans/kh-moi/tasks/I-1.yaml" in result.output
    assert '    lead: ["Sở Y tế"]' in result.output
    assert snapshot(registry) == before


def test_an_unknown_plan_or_a_missing_file_is_a_usage_error(registry, tmp_path):
    path = appendix(tmp_path / "pl.docx")
    before = snapshot(registry)
    unknown = hnqt(registry, "import", "docx", str(path), "--plan", "kh-khac")
    assert unknown.exit_code == 2 and "chưa có kế hoạch “kh-khac”" in unknown.output
    bad_id = hnqt(registry, "import", "docx", str(path), "--plan", "../x")
    assert bad_id.exit_code == 2 and "không phải mã kế hoạch" in bad_id.output
    missing = hnqt(registry, "import", "docx", str(tmp_path / "khong.docx"), "--plan", "kh-moi")
    assert missing.exit_code == 2 and "không có tệp" in missing.output
    assert snapshot(registry) == before


def test_without_a_readable_unit_directory_nothing_is_imported(make_registry, tmp_path):
    root = make_registry({**PLAN_FILES, "data/departments.yaml": "units: [\n"})
    before = snapshot(root)
    result = hnqt(root, "import", "docx", str(appendix(tmp_path / "pl.docx")), "--plan", "kh-moi")
    assert result.exit_code == 2 and "departments.yaml thiếu hoặc có lỗi" in result.output
    assert snapshot(root) == before


def test_a_row_in_a_section_the_plan_does_not_have_is_reported(make_registry, tmp_path):
    one_section = PLAN_FILES["data/plans/kh-moi/plan.yaml"].replace(
        '  - {code: "II", title: "Mục hai"}\n', ""
    )
    root = make_registry({"data/plans/kh-moi/plan.yaml": one_section})
    result = hnqt(root, "import", "docx", str(appendix(tmp_path / "pl.docx")), "--plan", "kh-moi")
    assert result.exit_code == 1
    assert "bảng 2, dòng 3, cột 1 “TT”: lỗi unknown-section" in result.output
    assert 'thêm vào sections:\n  - {code: "II", title: "Mục hai"}\n' in result.output


# --- Excel ---------------------------------------------------------------------------------


def registry_copy(source: Path, root: Path) -> Path:
    """A copy of a registry with an empty plan kh-copy beside kh-nq59."""
    copy_registry(source, root)
    shutil.copytree(REPO / "schemas", root / "schemas")
    plan = (root / "data/plans/kh-nq59/plan.yaml").read_text(encoding="utf-8")
    (root / "data/plans/kh-copy").mkdir()
    (root / "data/plans/kh-copy/plan.yaml").write_text(
        plan.replace('id: "kh-nq59"', 'id: "kh-copy"'), encoding="utf-8")  # fmt: skip
    return root


@pytest.fixture
def real_copy(tmp_path) -> Path:
    """The live registry (staff edit it: tests on it assert only what holds for any data)."""
    return registry_copy(REPO, tmp_path / "real")


@pytest.fixture
def fixture_copy(tmp_path) -> Path:
    """The frozen fixture registry, for tests that name its tasks and counts."""
    return registry_copy(FIXTURE, tmp_path / "fixture")


def test_kh_nq59_exported_and_imported_under_a_new_id_gives_the_same_tasks(real_copy, tmp_path):
    book = tmp_path / "kh.xlsx"
    exported = hnqt(
        real_copy, "export", "xlsx", "--plan", "kh-nq59", "-o", str(book), "--as-of", "22/11/2026"
    )
    assert exported.exit_code == 0, exported.output
    assert exported.stderr == f"đã ghi {book}\n" and not exported.stdout  # stdout: data only
    imported = hnqt(real_copy, "import", "xlsx", str(book), "--plan", "kh-copy")
    assert imported.exit_code == 0, imported.output
    tasks = load(real_copy, use_cache=False).tasks
    originals = {e.task.code: e.task for e in tasks.values() if e.plan == "kh-nq59"}
    copies = {e.task.code: e.task for e in tasks.values() if e.plan == "kh-copy"}
    assert copies.keys() == originals.keys() and copies
    for code, original in originals.items():
        copy = copies[code]
        for name in original.__dataclass_fields__:
            if name == "deadline":  # the sheet carries the words; an awaited event stays in YAML
                assert copy.deadline_text == original.deadline_text, code
            elif name == "progress":  # and the last entry, not the whole history
                assert [(p.date, p.note) for p in copy.progress] == [
                    (p.date, p.note) for p in original.progress[-1:]], code  # fmt: skip
            else:
                assert getattr(copy, name) == getattr(original, name), (code, name)


def test_an_edited_sheet_updates_only_the_changed_fields_and_reports_them(fixture_copy, tmp_path):
    from openpyxl import load_workbook

    book = tmp_path / "kh.xlsx"
    hnqt(fixture_copy, "export", "xlsx", "--plan", "kh-nq59", "-o", str(book))
    workbook = load_workbook(book)
    ws = workbook.active
    header = [cell.value for cell in ws[3]]
    source = header.index("Nguồn") + 1
    v19 = next(
        r
        for r in range(4, ws.max_row + 1)
        if str(ws.cell(r, source).value).endswith("Phụ lục II, V.19)")
    )
    ws.cell(v19, header.index("Thời gian hoàn thành") + 1).value = "Quý IV/2026"
    ws.cell(v19, header.index("Tiến độ gần nhất") + 1).value = "20/11/2026: Đã trình UBND TP"
    ws.cell(v19, header.index("Trạng thái") + 1).value = "Hoàn thành đúng hạn"  # from the list
    workbook.save(book)
    path = fixture_copy / "data/plans/kh-nq59/tasks/V-19.yaml"
    commented = path.read_text(encoding="utf-8").replace(
        'lead: ["Sở Y tế"]', 'lead: ["Sở Y tế"]  # Sở Y tế xác nhận ngày 02/11'
    )
    path.write_text(commented, encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    others = {p: p.read_bytes() for p in path.parent.iterdir() if p != path}
    result = hnqt(fixture_copy, "import", "xlsx", str(book), "--plan", "kh-nq59")
    assert result.exit_code == 0, result.output
    assert "đã sửa data/plans/kh-nq59/tasks/V-19.yaml:" in result.output
    assert "deadline: “Khi Bộ Y tế ban hành” → “Quý IV/2026”" in result.output
    assert "thêm tiến độ 2026-11-20: “Đã trình UBND TP”" in result.output
    assert f"{len(others)} tệp đã có, không đổi" in result.output
    assert "cột 8 “Trạng thái”: cảnh báo ignored-cell: “Hoàn thành đúng hạn” ở cột Trạng thái" \
        in result.output  # fmt: skip
    assert 'hnqt progress kh-nq59/V.19 --done --note "…"' in result.output
    after = path.read_text(encoding="utf-8")
    assert after == before.replace(
        'deadline: "Khi Bộ Y tế ban hành"', 'deadline: "Quý IV/2026"'
    ) + ('progress:\n  - date: "2026-11-20"\n    note: "Đã trình UBND TP"\n')
    assert "# Sở Y tế xác nhận ngày 02/11" in after  # the staff's comment stays
    assert {p: p.read_bytes() for p in path.parent.iterdir() if p != path} == others
    again = hnqt(fixture_copy, "import", "xlsx", str(book), "--plan", "kh-nq59")
    assert f"{len(others) + 1} tệp đã có, không đổi" in again.output  # the sheet shows the entry


def test_malformed_sheets_give_row_level_errors(registry, tmp_path):
    def build(ws):
        ws.merge_cells("C4:D4")  # lead and support merged across in a task row
        ws["F5"] = "=TODAY()+30"  # a formula
        ws["F6"].value = date(2026, 6, 30)  # Excel's own date cell
        ws["F6"].number_format = "DD/MM/YYYY"

    rows = [
        ["Phụ lục", None, None, None, None, None],
        HEADER,
        ["I", "Mục một", None, None, None, None],
        ["1", "Ô gộp", "Sở Y tế", None, None, "2026"],
        ["2", "Công thức", "Sở Y tế", None, None, None],
        ["3", "Ngày của Excel", "Sở Y tế", None, None, None],
        [4, "Ngày thành số", "Sở Y tế", None, None, 46203],  # 30/06/2026 without its format
        [5, "Năm là số", "Sở Y tế", None, None, 2027],
    ]
    before = snapshot(registry)
    path = sheet(tmp_path / "x.xlsx", rows, build)
    result = hnqt(registry, "import", "xlsx", str(path), "--plan", "kh-moi")
    assert result.exit_code == 1
    assert (
        "trang tính 1, dòng 4, cột 3 “Cơ quan chủ trì”: lỗi bad-cell: ô gộp ngang qua 2 cột"
        in result.output
    )
    assert (
        "trang tính 1, dòng 5, cột 6 “Thời gian hoàn thành”: lỗi bad-cell: ô chứa công thức"
        in result.output
    )
    assert snapshot(registry) == before
    dry = hnqt(registry, "import", "xlsx", str(path), "--plan", "kh-moi", "--partial", "--dry-run")
    assert 'deadline: "30/06/2026"' in dry.output.split("I-3.yaml")[1].split("sẽ tạo")[0]
    assert 'deadline: "30/06/2026"' in dry.output.split("I-4.yaml")[1].split("sẽ tạo")[0]
    assert 'deadline: "2027"' in dry.output.split("I-5.yaml")[1]


def test_a_sheet_without_a_required_column_is_an_error_at_its_header(registry, tmp_path):
    path = sheet(tmp_path / "x.xlsx", [HEADER[:3] + HEADER[4:5], ["1", "Việc", "Sở Y tế", ""]])
    result = hnqt(registry, "import", "xlsx", str(path), "--plan", "kh-moi")
    assert result.exit_code == 1
    assert (
        "trang tính 1, dòng 1: lỗi missing-column: bảng nhiệm vụ thiếu cột "
        "“Thời gian hoàn thành”" in result.output
    )


def test_the_sheet_has_a_styled_frozen_filtered_header_and_a_status_list(fixture_copy, tmp_path):
    from openpyxl import load_workbook

    book = tmp_path / "syt.xlsx"
    result = hnqt(
        fixture_copy,
        "export",
        "xlsx",
        "--plan",
        "kh-nq59",
        "--so",
        "SYT",
        "--as-of",
        "22/11/2026",
        "-o",
        str(book),
    )
    assert result.exit_code == 0, result.output
    ws = load_workbook(book).active
    header = [cell.value for cell in ws[3]]
    assert header[:6] == HEADER and header[6:9] == [
        "Hạn tiếp theo",
        "Trạng thái",
        "Tiến độ gần nhất",
    ]
    assert ws.freeze_panes == "C4" and ws.auto_filter.ref.startswith("A3:")
    assert ws["A3"].font.bold and ws["B4"].alignment.wrap_text
    assert ws.column_dimensions["B"].width >= 60
    (validation,) = ws.data_validations.dataValidation
    assert "Quá hạn" in validation.formula1 and str(validation.sqref).startswith("H4:")
    codes = [ws.cell(r, 1).value for r in range(4, ws.max_row + 1)]
    sections = [code for code in codes if not code.isdigit()]
    assert "V" in sections and len(codes) - len(sections) < 98  # only Sở Y tế's tasks
    assert "Sở Y tế" in ws["A1"].value


def test_registry_text_starting_with_equals_is_exported_as_text_not_a_formula(
    make_registry, tmp_path
):
    from openpyxl import load_workbook

    title = '=HYPERLINK("http://x.example","bấm")'
    task = f'code: "I.1"\ntitle: {json.dumps(title)}\nlead: ["Sở Y tế"]\ndeadline: "2026"\n'
    root = make_registry({"data/plans/kh-test/tasks/I-1.yaml": task, **PLAN_FILES})
    book = tmp_path / "a.xlsx"
    assert hnqt(root, "export", "xlsx", "--plan", "kh-test", "-o", str(book)).exit_code == 0
    cell = load_workbook(book).active["B5"]
    assert (cell.value, cell.data_type) == (title, "s")
    imported = hnqt(root, "import", "xlsx", str(book), "--plan", "kh-moi", "--dry-run")
    assert f"title: {json.dumps(title, ensure_ascii=False)}" in imported.output


def test_export_refuses_to_write_through_a_link(real_copy, tmp_path):
    target = tmp_path / "khac.txt"
    target.write_text("giữ nguyên\n", encoding="utf-8")
    (tmp_path / "kh.xlsx").symlink_to(target)
    result = hnqt(real_copy, "export", "xlsx", "--plan", "kh-nq59", "-o", str(tmp_path / "kh.xlsx"))
    assert result.exit_code == 2 and "liên kết" in result.output
    assert target.read_text(encoding="utf-8") == "giữ nguyên\n"


def test_a_revised_word_appendix_updates_the_files_it_wrote(registry, tmp_path):
    assert hnqt(registry, "import", "docx", str(appendix(tmp_path / "a.docx")), "--plan",
                "kh-moi").exit_code == 0  # fmt: skip
    revised = {2: ["1", "Tuyên truyền, phổ biến", "Sở Y tế", "", "Báo cáo", "Hàng năm"]}
    result = hnqt(registry, "import", "docx", str(appendix(tmp_path / "b.docx", revised)),
                  "--plan", "kh-moi")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "đã sửa data/plans/kh-moi/tasks/I-1.yaml:\n    title: “Tuyên truyền ⏎ về hội nhập”" \
        " → “Tuyên truyền, phổ biến”\n" in result.output  # fmt: skip
    assert "3 tệp đã có, không đổi" in result.output
    text = (registry / TASKS / "I-1.yaml").read_text(encoding="utf-8")
    assert 'support: ["Sở Công Thương", "Sở Tài chính"]' in text  # an emptied cell removes nothing
    assert 'source: {file: "pl.docx"' not in text and 'file: "a.docx"' in text


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_a_file_of_another_kind_is_a_usage_error_and_nothing_is_written(registry, tmp_path, kind):
    wrong = {"docx": sheet(tmp_path / "a.xlsx", [HEADER]), "xlsx": word(tmp_path / "a.docx")}
    text = tmp_path / f"ghi-chu.{kind}"
    text.write_text("Phụ lục II", encoding="utf-8")
    before = snapshot(registry)
    for path in (wrong[kind], text):
        result = hnqt(registry, "import", kind, str(path), "--plan", "kh-moi")
        assert result.exit_code == 2 and "lỗi: không" in result.output, result.output
        assert "Traceback" not in result.output
    assert snapshot(registry) == before


def test_escape_sequences_in_a_cell_are_shown_not_obeyed(registry, tmp_path):
    """A Word cell is registry text to be: a bidirectional override or a C1 escape in it (XML
    keeps those; it has no ESC) is shown in the import's report, never sent raw to the terminal."""
    lead = "Sở \u202eY tế\x9b31m"
    path = appendix(tmp_path / "pl.docx", {2: ["1", "Tuyên truyền", lead, "", "", "Hàng năm"]})
    before = snapshot(registry)
    result = hnqt(registry, "import", "docx", str(path), "--plan", "kh-moi")
    assert result.exit_code == 1
    assert "\u202e" not in result.output and "\x9b" not in result.output
    assert "bảng 1, dòng 3, cột 3 “Cơ quan chủ trì”: lỗi" in result.output, result.output
    assert snapshot(registry) == before
