"""Drafts checked as validate checks files, problems placed at their column, existing files
merged field by field."""

from __future__ import annotations

from datetime import date

import pytest

from appendix_docs import HEADER, PLAN_FILES
from conftest import snapshot
from hnqt.importing.rows import Row, Table
from hnqt.importing.table import read_appendix
from hnqt.importing.tasks import check_drafts, write
from hnqt.loading import load
from hnqt.problems import UsageError

TODAY = date(2026, 11, 22)
EVENT_TASK = """\
code: "I.1"
title: "Việc chờ văn bản"
lead: ["Sở Y tế"]
support: ["Sở Tài chính"]
deadline:
  text: "Khi Bộ Ngoại giao ban hành"
  event: {date: "2026-03-02", document: "Quyết định số 1/QĐ-BNG"}
"""


def outcome(root, *rows: list[str]):
    tables = [Table(1, [Row(1, i, tuple(r), (1,) * 6) for i, r in enumerate([HEADER, *rows], 1)])]
    return check_drafts(load(root, use_cache=False), "kh-moi",
                        read_appendix(tables, "a.docx"), "a.docx", TODAY)  # fmt: skip


def test_validate_problems_are_placed_at_the_column_that_holds_the_value(make_registry):
    found = outcome(make_registry(PLAN_FILES), ["I", "Mục một", "", "", "", ""],
                    ["1", "Việc", "Sở Y tế", "Sở Lạ", "", "Sang năm"])  # fmt: skip
    placed = {(p.problem.code, p.problem.column, p.heading) for p in found.problems}
    assert placed == {("unknown-unit", 4, "Cơ quan phối hợp"),
                      ("bad-deadline", 6, "Thời gian hoàn thành")}  # fmt: skip
    assert found.bad_rows() == {(1, 3)} and found.good() == []


def test_an_existing_file_keeps_its_awaited_event_and_what_an_empty_cell_would_remove(
    make_registry,
):
    root = make_registry({**PLAN_FILES, "data/plans/kh-moi/tasks/I-1.yaml": EVENT_TASK})
    row = ["1", "Việc chờ văn bản", "Sở Y tế", "", "", "Sau khi Bộ Ngoại giao ban hành"]
    found = outcome(root, ["I", "Mục một", "", "", "", ""], row)
    (planned,) = found.planned
    changed = [(c.field, c.old, c.new) for c in planned.changes]
    assert changed == [("deadline.text", "Khi Bộ Ngoại giao ban hành", row[5])]
    assert 'support: ["Sở Tài chính"]' in planned.text  # the empty cell removed nothing
    assert 'event: {date: "2026-03-02"' in planned.text
    assert not [p for p in found.problems if p.is_error]


def test_a_file_that_appears_after_the_check_is_not_overwritten_and_nothing_is_written(
    make_registry,
):
    root = make_registry(PLAN_FILES)
    found = outcome(root, ["I", "Mục một", "", "", "", ""],
                    ["1", "Việc một", "Sở Y tế", "", "", "2027"],
                    ["2", "Việc hai", "Sở Y tế", "", "", "2027"])  # fmt: skip
    assert [p.rel for p in found.good()] == ["data/plans/kh-moi/tasks/I-1.yaml",
                                             "data/plans/kh-moi/tasks/I-2.yaml"]  # fmt: skip
    (root / "data/plans/kh-moi/tasks").mkdir(parents=True, exist_ok=True)
    (root / "data/plans/kh-moi/tasks/I-2.yaml").write_text("# của người khác\n", "utf-8")
    before = snapshot(root)
    with pytest.raises(UsageError, match="vừa bị thay đổi"):
        write(root, found.good())
    assert snapshot(root) == before  # I-1 not written either: the batch is all or nothing
