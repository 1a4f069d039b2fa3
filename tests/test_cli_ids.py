"""Every id `due` and `list` print opens with `show` (a task's year, a yearly report, an
agreement's step included); `list reports` says who sent their yearly report and who did not;
several units' rows in a pipe each carry their unit."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from conftest import AS_OF, FIXTURE
from hnqt.cli import app

runner = CliRunner()
DAY = AS_OF.strftime("%d/%m/%Y")


def hnqt(root, *args: str):
    return runner.invoke(app, [*args, "--registry", str(root)], env={"NO_COLOR": "1"})


@pytest.fixture
def registry(tmp_path):
    root = tmp_path / "registry"
    shutil.copytree(FIXTURE, root)
    return root


def test_every_id_due_and_list_print_opens_with_show(registry):
    due = json.loads(hnqt(registry, "due", "--role", "all", "--as-of", DAY, "--status", "all",
                          "--format", "json").output)  # fmt: skip
    ids = {item["id"] for item in due["items"]}
    kinds = {item["kind"] for item in due["items"]}
    assert kinds == {"task", "report", "agreement"}
    for kind in ("tasks", "reports", "plans", "agreements", "partners", "units"):
        listed = json.loads(hnqt(registry, "list", kind, "--as-of", DAY, "-f", "json").output)
        ids |= {item["id"] for item in listed["items"]}
    assert any(i.endswith("/bao-cao/2026") for i in ids) and any("/VI.1/2025" in i for i in ids)
    for ident in sorted(ids):
        result = hnqt(registry, "show", ident, "--as-of", DAY)
        assert result.exit_code == 0, (ident, result.output)


def test_the_table_prints_the_ids_show_opens(registry):
    table = hnqt(registry, "due", "--so", "Sở Y tế", "--as-of", DAY).output
    assert "kh-nq59/bao-cao/2026" in table and "kh-nq59/VI.1/2025" in table
    assert "kh-nq59 · báo cáo" not in table  # a label is not an id


def test_list_reports_shows_sent_and_missing_reports(registry):
    before = hnqt(registry, "list", "reports", "--plan", "kh-nq59", "--year", "2026",
                  "--as-of", DAY).output  # fmt: skip
    assert "Sở Y tế" in before and "Quá hạn" in before
    result = hnqt(registry, "report-submitted", "kh-nq59", "--so", "SYT", "--year", "2026",
                  "--date", "10/11/2026", "--document", "Báo cáo số 12/BC-SYT")  # fmt: skip
    assert result.exit_code == 0, result.output
    after = hnqt(registry, "list", "reports", "--plan", "kh-nq59", "--year", "2026",
                 "--as-of", DAY, "-f", "json").output  # fmt: skip
    rows = {row["unit"]["name"]: row for row in json.loads(after)["items"]}
    assert rows["Sở Y tế"]["status"] == "done_on_time"
    assert rows["Sở Y tế"]["submitted"] == "2026-11-10"
    assert rows["Sở Y tế"]["document"] == "Báo cáo số 12/BC-SYT"
    assert rows["Sở Du lịch"]["status"] == "overdue"
    shown = hnqt(registry, "show", "kh-nq59/bao-cao/2026", "--as-of", DAY).output
    assert "Báo cáo năm 2026 theo kh-nq59" in shown
    assert "10/11/2026  Báo cáo số 12/BC-SYT" in shown
    assert f"Đã gửi: 1/{len(rows)}." in shown


def test_a_pipe_of_several_units_carries_the_unit_on_every_row(registry):
    out = hnqt(registry, "due", "--as-of", DAY).output
    rows = [line for line in out.splitlines() if line[:2].isdigit() or line.startswith("—")]
    assert rows
    unit_names = json.loads(hnqt(registry, "list", "units", "-f", "json").output)["items"]
    names = {unit["name"] for unit in unit_names}
    for row in rows:
        assert any(f"  {name}  " in row for name in names), row
