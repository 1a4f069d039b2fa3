"""`hnqt due`, `show`, `list`, `stats` end to end on the frozen fixture registry, in-process
(Typer's runner) with golden files for what people read, and the JSON contract for programs."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import AS_OF, FIXTURE, golden
from hnqt.cli import app

ENV = {"COLUMNS": "120", "NO_COLOR": "1", "FORCE_COLOR": ""}
DAY = AS_OF.strftime("%d/%m/%Y")  # 22/11/2026, the day the goldens below are computed for
runner = CliRunner()


def hnqt(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, [*args, "--registry", str(FIXTURE)], env={**ENV, **(env or {})})


@pytest.mark.parametrize(
    ("name", "args", "columns"),
    [
        ("due-so-y-te-2026-11-22.txt", ["due", "--so", "Sở Y tế", "--as-of", DAY],
         "120"),
        ("due-vp-within-60-2026-11-22.txt",
         ["due", "--so", "VP UBND TP", "--as-of", "2026-11-22", "--within", "60"], "120"),
        ("stats-kh-nq59-2026-11-22.txt", ["stats", "--plan", "kh-nq59", "--as-of", DAY],
         ""),  # a pipe without COLUMNS: whole names
        ("show-v19-2026-11-22.txt", ["show", "kh-nq59/V.19", "--as-of", DAY], "120"),
    ],
)  # fmt: skip
def test_reports_people_read_match_their_golden_files(
    name: str, args: list[str], columns: str
) -> None:
    result = hnqt(*args, env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    golden(name, result.output)


def test_due_json_contract() -> None:
    result = hnqt("due", "--so", "so y te", "--as-of", DAY, "--format", "json")
    assert result.exit_code == 0
    payload = json.loads(result.output)
    assert payload["as_of"] == "2026-11-22"
    assert payload["unit"] == {"id": "so-y-te", "name": "Sở Y tế"}
    required = {"kind", "id", "plan", "code", "title", "role", "deadline_text", "due", "status",
                "days_left", "source", "basis", "assumed"}  # fmt: skip
    for item in payload["items"]:
        assert required <= set(item)
        assert item["basis"] and isinstance(item["assumed"], bool)
        assert item["kind"] in ("task", "report", "agreement")
        assert item["role"] in ("lead", "support")
        assert (FIXTURE / item["source"]).is_file()
    report = next(i for i in payload["items"] if i["id"] == "kh-nq59/bao-cao/2026")
    assert (report["due"], report["status"], report["days_left"]) == ("2026-11-15", "overdue", -7)
    assert report["assumed"] is False and "III. Tổ chức thực hiện, mục 3" in report["basis"]
    first = next(i for i in payload["items"] if i["id"] == "kh-nq59/bao-cao/2025")
    assert first["assumed"] is True  # 15/11/2025: only if kh-nq59 was out by then
    dues = [i["due"] for i in payload["items"] if i["due"]]
    assert dues == sorted(dues)


def test_due_csv_and_ics() -> None:
    csv_text = hnqt("due", "--so", "SYT", "--as-of", DAY, "--format", "csv").output
    assert csv_text.startswith("\ufeff")  # so that Excel reads Vietnamese as UTF-8
    rows = list(csv.DictReader(io.StringIO(csv_text.removeprefix("\ufeff"))))
    # One rule for every CSV: Vietnamese headers and labels, the codes in their own columns.
    assert list(rows[0]) == [
        "Loại", "Mã", "Kế hoạch", "Tên", "Vai trò", "Thời hạn theo văn bản", "Hạn", "Tình trạng",
        "Còn (ngày)", "Năm", "Đơn vị", "Căn cứ", "Giả định", "Tệp nguồn",
        "Mã loại", "Mã vai trò", "Mã tình trạng", "Mã đơn vị", "Hạn (ISO)",
    ]  # fmt: skip
    first = rows[0]
    assert (first["Mã"], first["Đơn vị"], first["Mã đơn vị"]) == ("kh-nq59/bao-cao/2025", "Sở Y tế",
                                                                  "so-y-te")  # fmt: skip
    assert (first["Loại"], first["Tình trạng"], first["Mã tình trạng"]) == ("báo cáo", "Quá hạn",
                                                                            "overdue")  # fmt: skip
    assert (first["Hạn"], first["Hạn (ISO)"]) == ("15/11/2025", "2025-11-15")
    assert first["Còn (ngày)"] == "-372" and len(rows) == 15
    undated = [row for row in rows if row["Hạn"] == ""]
    assert undated and all(row["Còn (ngày)"] == "" for row in undated)  # null is an empty cell
    ics = hnqt("due", "--so", "SYT", "--as-of", DAY, "--format", "ics").output
    assert ics.startswith("BEGIN:VCALENDAR") and "DTSTART;VALUE=DATE:20261115" in ics
    assert ics.count("BEGIN:VEVENT") == 6  # the dated items only


@pytest.mark.parametrize("args", [["due", "--so", "SYT", "--as-of", "22/11/2026"],
                                  ["list", "tasks", "--so", "SYT"]])  # fmt: skip
def test_csv_for_vietnamese_regional_settings_uses_semicolons_and_keeps_the_bom(args) -> None:
    text = hnqt(*args, "--format", "csv", "--delimiter", ";").output
    assert text.startswith("\ufeff") and not text.removeprefix("\ufeff").startswith("sep=")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert len(rows) > 2 and len({len(row) for row in rows}) == 1 and len(rows[0]) > 3
    comma = hnqt(*args, "--format", "csv").output
    assert list(csv.reader(io.StringIO(comma.removeprefix("\ufeff")))) == rows
    wrong = hnqt(*args, "--format", "csv", "--delimiter", ":")
    assert wrong.exit_code == 2 and "--delimiter không nhận “:”" in wrong.output


def test_due_without_unit_groups_every_unit() -> None:
    result = hnqt("due", "--as-of", DAY, "--status", "overdue")
    assert result.exit_code == 0
    titles = [line for line in result.output.splitlines() if " — " in line and "việc" in line]
    assert titles[0].startswith("Ban Quản lý")  # Vietnamese order: B… before C…, Đ after D
    assert any(t.startswith("Sở Y tế") for t in titles)
    assert "Đang thực hiện" not in result.output


def test_due_filters() -> None:
    support = hnqt("due", "--so", "Sở Y tế", "--as-of", DAY, "--role", "support",
                   "--format", "json")  # fmt: skip
    assert {i["role"] for i in json.loads(support.output)["items"]} == {"support"}
    both = json.loads(hnqt("due", "--so", "SYT", "--as-of", DAY, "--role", "all",
                           "--format", "json").output)["items"]  # fmt: skip
    assert {i["role"] for i in both} == {"lead", "support"}
    waiting = json.loads(hnqt("due", "--so", "SYT", "--status", "awaiting_event",
                              "--format", "json").output)["items"]  # fmt: skip
    assert [i["id"] for i in waiting] == ["kh-nq59/V.19"]
    plan = json.loads(hnqt("due", "--so", "SYT", "--plan", "cv-st-petersburg-2025",
                           "--format", "json").output)["items"]  # fmt: skip
    assert {i["plan"] for i in plan} == {"cv-st-petersburg-2025"}
    within = json.loads(hnqt("due", "--so", "SYT", "--as-of", DAY, "--within", "45",
                             "--format", "json").output)["items"]  # fmt: skip
    assert all(i["status"] == "overdue" or i["days_left"] <= 45 for i in within)
    assert all(i["due"] is not None for i in within)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["due", "--so", "Sở Y"], "không có đơn vị “Sở Y”"),
        (["due", "--so", "SYT", "--as-of", "31/02/2026"], "không tồn tại"),
        (["due", "--so", "SYT", "--as-of", "hôm qua"], "dd/mm/yyyy"),
        (["due", "--so", "SYT", "--status", "late"], "--status"),
        (["due", "--so", "SYT", "--plan", "kh-khong-co"], "không có kế hoạch"),
        (["show", "kh-nq59/Z.9"], "không tìm thấy"),
        (["list", "agreements", "--partner", "paris"], "không có đối tác"),
    ],
)  # fmt: skip
def test_user_mistakes_exit_2_with_a_vietnamese_message(args: list[str], message: str) -> None:
    result = hnqt(*args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_unknown_unit_lists_the_closest_names() -> None:
    result = hnqt("due", "--so", "Sở Y tê")
    assert result.exit_code == 0  # diacritics do not matter: "Sở Y tê" is "so y te"
    near = hnqt("due", "--so", "Sở Du lich X")
    assert near.exit_code == 2 and "Sở Du lịch" in near.output


def test_show_every_kind() -> None:
    for ident, expected in (
        ("kh-nq59", "Chỉ tiêu đến năm 2030"),
        ("tt-st-petersburg-2025", "Grigoryev Evgeny Dmitrievich"),
        ("minsk", "Минск"),
        ("Sở Kế hoạch và Đầu tư", "Sở Tài chính"),
    ):
        result = hnqt("show", ident)
        assert result.exit_code == 0 and expected in result.output, ident
    data = json.loads(hnqt("show", "kh-nq59/V.19", "--format", "json").output)
    assert data["deadline"]["kind"] == "event" and data["deadline"]["awaiting"] == "Bộ Y tế"
    assert data["units"]["lead"][0]["units"] == [{"id": "so-y-te", "name": "Sở Y tế"}]


def test_show_tells_who_owes_what_and_why() -> None:
    plan = " ".join(hnqt("show", "kh-nq59", "--as-of", DAY).output.split())
    assert "Gửi tới: Các Sở, ban, ngành có tên trong KH" in plan
    assert "Ngân hàng Nhà nước chi nhánh Khu vực 1" in plan and "Thanh tra" not in plan
    assert "Ban hành: sau 04/08/2025, không muộn hơn 31/12/2025" in plan
    minsk = " ".join(hnqt("show", "ct-minsk-2024-2026", "--as-of", DAY).output.split())
    assert "Kết thúc: 31/12/2026 (còn 39 ngày)" in minsk
    assert "nguồn không ghi đơn vị theo dõi" in minsk
    data = json.loads(hnqt("show", "ct-minsk-2024-2026", "--as-of", DAY, "-f", "json").output)
    assert (data["term_end"], data["days_left"]) == ("2026-12-31", 39)
    unit = " ".join(hnqt("show", "Cục Thống kê Thành phố").output.split())
    assert "Văn bản gửi tới đơn vị: kh-nq59: “Các Sở, ban, ngành có tên trong KH”" in unit
    thanh_tra = " ".join(hnqt("show", "Thanh tra Thành phố").output.split())
    assert "cv-st-petersburg-2025: “Các Sở, ban, ngành thuộc Thành phố”" in thanh_tra
    assert "kh-nq59" not in thanh_tra and "45/2025/NĐ-CP" in thanh_tra
    task = json.loads(hnqt("show", "kh-nq59/VI.1", "--as-of", DAY, "-f", "json").output)
    (lead,) = task["units"]["lead"]
    assert lead["group"] == "addressees" and "Nơi nhận" in lead["why"]
    assert task["basis"].endswith("Phụ lục II, VI.1")
    first = task["occurrences"][0]
    assert (first["year"], first["done_by"], first["assumed"]) == (2025, [], False)
    assert len(first["not_done_by"]) == len(lead["units"])


def test_list_kinds_and_filters() -> None:
    tasks = json.loads(hnqt("list", "tasks", "--plan", "kh-nq59", "--format", "json").output)
    assert len(tasks["items"]) == 103  # Appendix II's 98 and the 5 general duties
    overdue = json.loads(hnqt("list", "tasks", "--so", "SYT", "--status", "overdue",
                              "--as-of", DAY, "--format", "json").output)  # fmt: skip
    assert [t["id"] for t in overdue["items"]] == ["kh-nq59/VI.1", "kh-nq59/TCTH.3.2"]
    agreements = json.loads(hnqt("list", "agreements", "--as-of", DAY, "-f", "json").output)
    ends = {a["id"]: (a["term_end"], a["days_left"]) for a in agreements["items"]}
    assert ends == {"ct-minsk-2024-2026": ("2026-12-31", 39), "tt-st-petersburg-2025": (None, None)}
    minsk = hnqt("list", "agreements", "--partner", "minsk", "--format", "csv").output
    assert minsk.splitlines()[1].startswith("ct-minsk-2024-2026,12/2023,31/12/2026,còn ")
    assert minsk.splitlines()[0].endswith(",Mã hiệu lực") and minsk.splitlines()[1].endswith(
        ",in_force"
    )
    units = json.loads(hnqt("list", "units", "--format", "json").output)["items"]
    assert {"so-y-te", "bo-ngoai-giao"} <= {u["id"] for u in units}
    assert len(json.loads(hnqt("list", "partners", "--format", "json").output)["items"]) == 2
    # Minsk has an agreement and activities but no plan task: said so, not an empty frame
    none = hnqt("list", "tasks", "--partner", "minsk", "--as-of", DAY).output
    assert none == "Tính đến ngày 22/11/2026\nKhông có mục nào theo điều kiện đã chọn.\n"


def test_stats_json_totals_add_up() -> None:
    data = json.loads(hnqt("stats", "--as-of", DAY, "--format", "json").output)
    total = data["total"]
    assert total["total"] == sum(r["total"] for r in data["rows"])
    for status, count in total["counts"].items():
        assert count == sum(r["counts"][status] for r in data["rows"])
    names = [r["unit"]["name"] for r in data["rows"]]
    from hnqt.names import sort_key

    assert names == sorted(names, key=sort_key)


def test_a_terminal_gets_overdue_rows_in_red_and_whole_titles() -> None:
    result = hnqt("due", "--so", "SYT", "--as-of", DAY,
                  env={"FORCE_COLOR": "1", "NO_COLOR": "", "COLUMNS": "100"})  # fmt: skip
    assert result.exit_code == 0
    lines = result.output.splitlines()
    red = [line for line in lines if line.startswith("\x1b[1;31m")]
    starts = [line for line in red if line[len("\x1b[1;31m") :][:1].isdigit()]
    assert len(starts) == 4 and all("Quá hạn" in line for line in starts)
    assert len(red) > len(starts)  # long titles wrap onto lines of their own, still red
    assert all(len(line.replace("\x1b[1;31m", "").replace("\x1b[0m", "")) <= 100 for line in red)
    shown = " ".join(red).replace("\x1b[1;31m", " ").replace("\x1b[0m", " ").split()
    title = (FIXTURE / "data/plans/kh-nq59/tasks/VI-1.yaml").read_text(encoding="utf-8")
    assert "Lồng ghép" in title  # the overdue yearly task VI.1, whose title is long
    assert "…" not in shown and {"Lồng", "ghép", "FTA", "ngành."} <= set(shown)


def test_a_pipe_without_columns_cuts_nothing() -> None:
    result = hnqt("due", "--so", "SYT", "--as-of", DAY, env={"COLUMNS": ""})
    assert result.exit_code == 0
    assert "…" not in result.output
    assert any(len(line) > 200 and "Lồng ghép" in line for line in result.output.splitlines())


def test_no_color_keeps_the_terminal_layout_without_escapes() -> None:
    result = hnqt("due", "--so", "SYT", "--as-of", DAY,
                  env={"FORCE_COLOR": "1", "NO_COLOR": "1", "COLUMNS": "100"})  # fmt: skip
    assert result.exit_code == 0
    assert "\x1b[" not in result.output and "…" not in result.output


def test_show_json_writes_dates_as_the_files_do() -> None:
    result = hnqt("show", "ct-minsk-2024-2026", "--format", "json")
    assert result.exit_code == 0
    record = json.loads(result.output)["record"]
    assert record["signed"] == "2023-12"  # a month, as the source gives it
    assert record["term"]["end"] == "2026"


def test_a_unit_with_nothing_due_is_told_so() -> None:
    result = hnqt("due", "--so", "Sở Quy hoạch - Kiến trúc", "--as-of", DAY, "--within", "60")
    assert result.exit_code == 0
    assert result.output == (
        "Tính đến ngày 22/11/2026\n"
        "Không có việc nào của Sở Quy hoạch - Kiến trúc theo điều kiện đã chọn.\n"
    )


def test_one_unit_closing_a_shared_task_closes_only_its_own_share(tmp_path: Path) -> None:
    """Issue 9's case: Sở Du lịch records VI.1 (lead "Các Sở, ngành") done for 2026."""
    import shutil

    from conftest import snapshot

    root = shutil.copytree(FIXTURE, tmp_path / "registry")
    task = ["kh-nq59/VI.1", "--note", "Đã ban hành kế hoạch", "--done", "--date", "10/11/2026"]

    def run(*args: str):
        return runner.invoke(app, [*args, "--registry", str(root)], env=ENV)

    before = snapshot(root)
    refused = run("progress", *task)  # whose share? the entry must say
    assert refused.exit_code == 2 and "thêm --by ĐƠN_VỊ" in refused.output
    assert snapshot(root) == before
    assert run("progress", *task, "--by", "Sở Du lịch").exit_code == 0
    stats = json.loads(run("stats", "--plan", "kh-nq59", "--as-of", DAY, "-f", "json").output)
    rows = {row["unit"]["id"]: row["counts"] for row in stats["rows"]}
    assert rows["so-du-lich"]["done_on_time"] == 1
    assert all(counts["done_on_time"] == 0 for unit, counts in rows.items() if unit != "so-du-lich")
    shown = " ".join(run("show", "kh-nq59/VI.1", "--as-of", DAY).output.split())
    assert "năm 2026: 1/20 đơn vị đã xong: Sở Du lịch — chưa xong: Ban Quản lý" in shown


# --- a broken registry is owned up to (issue 12, item 5) -------------------------------------

BROKEN_TASK = 'code: "I.2"\ntitle: "Hai\nlead: ["Sở Y tế"]\ndeadline: "2026"\n'  # unclosed quote
GOOD_TASK = 'code: "I.3"\ntitle: "Ba"\nlead: ["Sở Y tế"]\ndeadline: "2026"\n'
TASKS = "data/plans/kh-test/tasks"


def _run(root: Path, *args: str):
    return runner.invoke(app, [*args, "--registry", str(root)], env=ENV)


@pytest.mark.parametrize(
    "args",
    [
        ["due", "--so", "Sở Y tế", "--as-of", "01/01/2026"],
        ["due", "--as-of", "01/01/2026", "--format", "json"],
        ["list", "tasks"],
        ["stats"],
        ["show", "kh-test/I.3"],
    ],
)
def test_files_left_out_are_told_on_stderr(make_registry, args):
    root = make_registry({f"{TASKS}/I-2.yaml": BROKEN_TASK, f"{TASKS}/I-3.yaml": GOOD_TASK})
    result = _run(root, *args)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        "chú ý: 1 tệp có lỗi không được tính, kết quả có thể thiếu:"
    )
    assert f"{TASKS}/I-2.yaml:2:8: chuỗi mở bằng ngoặc kép ở đây chưa đóng" in result.stderr
    assert result.stderr.rstrip().endswith("xem chi tiết: hnqt validate")
    assert "chú ý" not in result.stdout  # the answer itself stays clean for programs


def test_no_note_when_nothing_is_left_out(make_registry):
    result = _run(make_registry(), "due", "--so", "Sở Y tế")
    assert result.exit_code == 0 and result.stderr == ""


def test_many_files_left_out_are_counted_not_all_listed(make_registry):
    broken = {f"{TASKS}/I-{n}.yaml": "code: [\n" for n in range(2, 12)}
    result = _run(make_registry(broken), "due")
    assert "chú ý: 10 tệp có lỗi không được tính" in result.stderr
    assert "… và 5 tệp khác" in result.stderr


def test_a_broken_departments_file_is_not_an_unknown_unit(make_registry):
    root = make_registry({"data/departments.yaml": "units:\n  - id: [\n"})
    result = _run(root, "due", "--so", "Sở Y tế")
    assert result.exit_code == 1
    assert "không tìm đơn vị “Sở Y tế” được: data/departments.yaml không đọc được" in result.stderr
    assert "không có đơn vị" not in result.stderr
    unknown = _run(make_registry({"data/departments.yaml": None}), "due", "--so", "Sở Y tế")
    assert unknown.exit_code == 1 and "data/departments.yaml không đọc được" in unknown.stderr


def test_an_unknown_unit_is_still_a_usage_error(make_registry):
    result = _run(make_registry(), "due", "--so", "Sở Không Có")
    assert result.exit_code == 2 and "không có đơn vị “Sở Không Có”" in result.stderr


def test_showing_a_record_whose_file_is_broken_says_so(make_registry):
    root = make_registry({f"{TASKS}/I-2.yaml": BROKEN_TASK})
    result = _run(root, "show", "kh-test/I.2")
    assert result.exit_code == 1
    assert f"không xem “kh-test/I.2” được: {TASKS}/I-2.yaml không đọc được" in result.stderr
    plan = _run(make_registry({"data/plans/kh-test/plan.yaml": "id: [\n"}), "due", "--plan",
                "kh-test")  # fmt: skip
    assert plan.exit_code == 1 and "data/plans/kh-test/plan.yaml không đọc được" in plan.stderr


@pytest.mark.parametrize("command", [["due"], ["list", "tasks"]])
def test_a_former_name_split_in_2025_is_answered_with_a_note(command: list[str]) -> None:
    """Sở Lao động - Thương binh và Xã hội was split three ways: --so with its name answers for
    Sở Nội vụ (where the name resolves) and says on stderr that only part of it went there."""
    result = hnqt(*command, "--so", "so lao dong - thuong binh va xa hoi", "--as-of", DAY)
    assert result.exit_code == 0, result.output
    assert "Sở Nội vụ" in result.stdout
    assert result.stderr.startswith(
        "chú ý: “Sở Lao động - Thương binh và Xã hội” chỉ chuyển một phần chức năng về "
        "“Sở Nội vụ” — Tách, không chuyển nguyên:"
    )
    whole = hnqt(*command, "--so", "Sở Kế hoạch và Đầu tư", "--as-of", DAY)  # merged whole
    assert whole.exit_code == 0 and whole.stderr == ""
