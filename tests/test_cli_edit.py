"""`hnqt progress`, `event`, `report-submitted`, `new` end to end: names as staff type them are
written canonically, only the intended lines change, the status it leads to is told, and every
refused edit leaves the registry exactly as it was."""

from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from conftest import snapshot
from hnqt.cli import app
from hnqt.recording import changed_lines

runner = CliRunner()
TASK_FILE = "data/plans/kh-test/tasks/I-1.yaml"
AWAITING = """\
# yaml-language-server: $schema=../../../../schemas/task.schema.json
code: "I.2"   # mã theo văn bản
title: 'Nhiệm vụ chờ văn bản'

lead: ["Sở Y tế"]
deadline: "Khi Bộ Ngoại giao ban hành"
"""
ANNUAL = 'code: "I.3"\ntitle: "Hằng năm"\nlead: ["Sở Công Thương"]\ndeadline: "Hàng năm"\n'
SHARED = 'code: "I.4"\ntitle: "Hai"\nlead: ["Sở Y tế", "Sở Công Thương"]\ndeadline: "2026"\n'


def hnqt(root, *args: str, stdin: str | None = None):
    return runner.invoke(app, [*args, "--registry", str(root)], input=stdin)


@pytest.fixture
def root(make_registry):
    return make_registry({"data/plans/kh-test/tasks/I-2.yaml": AWAITING,
                          "data/plans/kh-test/tasks/I-3.yaml": ANNUAL,
                          "data/plans/kh-test/tasks/I-4.yaml": SHARED})  # fmt: skip


def test_progress_with_a_short_unit_name_writes_the_canonical_name_and_the_lines_only(root):
    before = (root / TASK_FILE).read_text(encoding="utf-8")
    result = hnqt(root, "progress", "kh-test/I.1", "--note", "Đã triển khai", "--by", "so y te",
                  "--date", "05/03/2026", "--document", "Số 12/BC-SYT", "--done")  # fmt: skip
    assert result.exit_code == 0, result.output
    after = (root / TASK_FILE).read_text(encoding="utf-8")
    assert changed_lines(before, after) == ([], [
        "progress:",
        '  - date: "2026-03-05"',
        '    note: "Đã triển khai"',
        '    by: "Sở Y tế"',
        '    document: "Số 12/BC-SYT"',
        "    done: true",
    ])  # fmt: skip
    assert "đã ghi hoàn thành của kh-test/I.1 ngày 05/03/2026" in result.output
    assert '+     by: "Sở Y tế"' in result.output
    assert "trạng thái tính đến" in result.output and "Hoàn thành đúng hạn" in result.output
    again = hnqt(root, "validate")
    assert again.exit_code == 0, again.output


def test_progress_on_an_annual_task_covers_the_year_of_its_date(root):
    result = hnqt(root, "progress", "kh-test/I.3", "--note", "Báo cáo năm", "--date", "2026-11-01")
    assert result.exit_code == 0, result.output
    assert "    year: 2026" in (root / "data/plans/kh-test/tasks/I-3.yaml").read_text("utf-8")


def test_event_keeps_comments_and_gives_the_task_a_date(root):
    path = root / "data/plans/kh-test/tasks/I-2.yaml"
    before = path.read_text(encoding="utf-8")
    result = hnqt(root, "event", "kh-test/I.2", "--date", "02/03/2026", "--days-after", "30",
                  "--document", "Công văn số 5/BNG")  # fmt: skip
    assert result.exit_code == 0, result.output
    removed, added = changed_lines(before, path.read_text(encoding="utf-8"))
    assert removed == ['deadline: "Khi Bộ Ngoại giao ban hành"']
    assert added == ["deadline:", '  text: "Khi Bộ Ngoại giao ban hành"', "  event:",
                     '    date: "2026-03-02"', '    document: "Công văn số 5/BNG"',
                     "  days_after: 30"]  # fmt: skip
    assert "# mã theo văn bản" in path.read_text(encoding="utf-8")


def test_event_on_a_task_that_awaits_nothing_is_refused(root):
    before = snapshot(root)
    result = hnqt(root, "event", "kh-test/I.1", "--date", "02/03/2026")
    assert result.exit_code == 2
    assert "không chờ văn bản nào" in result.output
    assert snapshot(root) == before


def test_report_submitted_makes_the_reports_file_then_refuses_a_second_for_the_same_year(root):
    first = hnqt(root, "report-submitted", "kh-test", "--so", "SYT", "--year", "2026",
                 "--date", "10/11/2026", "--document", "Báo cáo số 1/BC-SYT")  # fmt: skip
    assert first.exit_code == 0, first.output
    text = (root / "data/plans/kh-test/reports.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../schemas/reports.schema.json\n")
    assert 'unit: "Sở Y tế"' in text
    before = snapshot(root)
    second = hnqt(root, "report-submitted", "kh-test", "--so", "Sở Y tế", "--year", "2026",
                  "--date", "12/11/2026")  # fmt: skip
    assert second.exit_code == 2
    assert "duplicate-id" in second.output and "chưa ghi gì" in second.output
    assert snapshot(root) == before


def test_a_report_under_a_plan_without_a_reporting_rule_is_refused(root):
    plan = root / "data/plans/kh-test/plan.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text[: text.index("reporting:")] + text[text.index("sections:") :], "utf-8")
    before = snapshot(root)
    result = hnqt(root, "report-submitted", "kh-test", "--so", "SYT", "--year", "2026",
                  "--date", "10/11/2026")  # fmt: skip
    assert result.exit_code == 2
    assert "kế hoạch kh-test không quy định báo cáo hằng năm" in result.output
    assert snapshot(root) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["progress", "kh-test/I.9", "--note", "x"], "không tìm thấy"),
        (["progress", "kh-test/I.1", "--note", "x", "--by", "Sở Y khoa"], "không có đơn vị"),
        (["progress", "kh-test/I.1", "--note", "x", "--date", "31/02/2026"], "--date"),
        (["progress", "kh-test/I.1", "--note", "x", "--date", "hôm qua"], "ví dụ 15/11/2026"),
        (["progress", "kh-test/I.1", "--note", "  "], "--note không được để trống"),
        (["progress", "kh-test/I.4", "--note", "x", "--done"], "thêm --by ĐƠN_VỊ"),
        (["report-submitted", "kh-khac", "--so", "SYT", "--year", "2026", "--date", "1/1/2026"],
         "không có kế hoạch"),
        (["report-submitted", "kh-test", "--so", "Sở Công Thương", "--year", "2026", "--date",
          "1/1/2026"],
         "Sở Công Thương không phải đơn vị báo cáo theo kh-test (báo cáo gửi về Sở Công Thương)"),
        (["report-submitted", "kh-test", "--so", "Bộ Ngoại giao", "--year", "2026", "--date",
          "1/1/2026"], "hnqt list reports --plan kh-test --year 2026"),
        (["report-submitted", "kh-test", "--so", "SYT", "--year", "2024", "--date", "1/1/2024"],
         "năm 2024 ngoài thời kỳ của kh-test (2025–2030)"),
        (["new", "task", "--plan", "kh-test", "--code", "I.1", "--title", "T", "--lead", "SYT",
          "--deadline", "2026"], "đã có"),
        (["new", "task", "--plan", "kh-test", "--code", "I.9", "--title", "T", "--lead", "SYT",
          "--deadline", "Sớm nhất có thể"], "bad-deadline"),
        (["new", "partner", "--id", "minsk"], "thiếu --kind, --name, --country"),
        (["new", "partner", "--id", "x", "--kind", "city", "--name", "X", "--country", "BY",
          "--lead", "SYT", "--deadline", "2026"], "--lead, --deadline không dùng cho hnqt new"),
        (["new", "plan", "--id", "kh-x", "--kind", "plan", "--title", "T", "--issuer", "UBND",
          "--support", "SYT"], "các tùy chọn của plan: --id, --kind, --title, --issuer"),
        (["new", "task", "--plan", "kh-test", "--code", "I.9", "--title", "T", "--lead",
          "Sở Y khoa", "--deadline", "2026"], "có phải: Sở Y tế"),
    ],
)  # fmt: skip
def test_a_refused_edit_says_why_in_vietnamese_and_writes_nothing(root, args, message):
    before = snapshot(root)
    result = hnqt(root, *args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert snapshot(root) == before


def test_an_edit_under_a_lock_is_refused_and_the_lock_is_left_to_its_owner(root):
    (root / f"{TASK_FILE}.lock").write_text("", encoding="utf-8")
    before = snapshot(root)
    result = hnqt(root, "progress", "kh-test/I.1", "--note", "x")
    assert result.exit_code == 2
    assert "đang được một lệnh khác sửa" in result.output
    assert snapshot(root) == before


def test_a_task_file_that_is_a_link_out_of_the_registry_is_not_written(root, tmp_path):
    outside = tmp_path / "outside.yaml"
    outside.write_text((root / TASK_FILE).read_text(encoding="utf-8"), encoding="utf-8")
    (root / TASK_FILE).unlink()
    (root / TASK_FILE).symlink_to(outside)
    before, outside_before = snapshot(root), outside.read_bytes()
    result = hnqt(root, "progress", "kh-test/I.1", "--note", "x")
    assert result.exit_code == 1  # the task's file is broken (a link out), not the command
    assert "liên kết trỏ ra ngoài sổ đăng ký" in result.stderr
    assert snapshot(root) == before and outside.read_bytes() == outside_before


def test_an_edit_keeps_the_file_permission_bits(root):
    os.chmod(root / TASK_FILE, 0o640)
    assert hnqt(root, "progress", "kh-test/I.1", "--note", "x").exit_code == 0
    assert os.stat(root / TASK_FILE).st_mode & 0o777 == 0o640


def test_new_task_writes_a_valid_file_with_the_schema_comment_and_canonical_units(root):
    result = hnqt(root, "new", "task", "--plan", "kh-test", "--code", "I.9", "--title",
                  "Nhiệm vụ mới", "--lead", "syt", "--support", "Các Sở, ngành, đơn vị liên quan",
                  "--deadline", "Quý IV/2026")  # fmt: skip
    assert result.exit_code == 0, result.output
    text = (root / "data/plans/kh-test/tasks/I-9.yaml").read_text(encoding="utf-8")
    assert text == (
        "# yaml-language-server: $schema=../../../../schemas/task.schema.json\n"
        'code: "I.9"\ntitle: "Nhiệm vụ mới"\nlead: ["Sở Y tế"]\n'
        'deadline: "Quý IV/2026"\nsupport: ["Các Sở, ngành, đơn vị liên quan"]\n'
    )
    assert hnqt(root, "validate").exit_code == 0


def test_new_asks_for_what_is_missing_on_a_terminal(root, monkeypatch):
    monkeypatch.setattr("hnqt.cli.edit._interactive", lambda: True)
    result = hnqt(root, "new", "partner", "--id", "praha", stdin="city\nPraha\nCZ\n")
    assert result.exit_code == 0, result.output
    text = (root / "data/partners/praha.yaml").read_text(encoding="utf-8")
    assert 'name:\n  vi: "Praha"\ncountry: "CZ"\n' in text


def test_new_plan_writes_the_issuer_canonically(root):
    result = hnqt(root, "new", "plan", "--id", "kh-moi", "--kind", "plan", "--title", "Mới",
                  "--issuer", "UBND Thành phố")  # fmt: skip
    assert result.exit_code == 0, result.output
    text = (root / "data/plans/kh-moi/plan.yaml").read_text(encoding="utf-8")
    assert 'issuer: "Ủy ban nhân dân thành phố Hà Nội"' in text


def test_edits_racing_on_one_file_never_interleave(root):
    """Several `hnqt progress` at once on one task: each either writes its entry whole or is
    refused by the lock; the file always reads, with exactly the entries of those that won."""
    import subprocess
    import sys
    from pathlib import Path

    from hnqt.yamlio import read

    hnqt_bin = Path(sys.executable).with_name("hnqt")
    runs = [
        subprocess.Popen(
            [hnqt_bin, "progress", "kh-test/I.1", "--note", f"lần {n}", "--registry", str(root)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(4)
    ]
    outcomes = [(run.wait(), run.stderr.read()) for run in runs]
    assert all(code in (0, 2) for code, _ in outcomes), outcomes
    assert all("đang được một lệnh khác sửa" in said or "vừa bị thay đổi" in said
               for code, said in outcomes if code == 2)  # fmt: skip
    doc, problems = read(root / TASK_FILE, TASK_FILE)
    assert doc is not None and not problems
    notes = [entry["note"] for entry in doc.data.get("progress", [])]
    assert len(notes) == sum(code == 0 for code, _ in outcomes) >= 1
    assert not list((root / TASK_FILE).parent.glob("*.lock"))


def test_progress_on_a_task_with_several_leads_records_the_given_share(root):
    result = hnqt(root, "progress", "kh-test/I.4", "--note", "Xong phần SYT", "--done",
                  "--by", "SYT", "--date", "01/03/2026")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert 'by: "Sở Y tế"' in (root / "data/plans/kh-test/tasks/I-4.yaml").read_text("utf-8")
