"""The Excel export: the appendix's columns plus the optional ones some task uses, section rows
merged beside their code, registry text kept as text."""

from __future__ import annotations

import io
from datetime import date

from conftest import FIXTURE
from hnqt.loading import load
from hnqt.model import Task
from hnqt.render.xlsx import columns_of, render_workbook


def test_optional_columns_only_when_a_task_has_them():
    plain = Task(code="1", title="Việc", lead=("Sở Y tế",), deadline="2026")
    assert columns_of([plain])[-1] == "source" and "articles" not in columns_of([plain])
    with_article = Task(code="2", title="Việc", lead=("Sở Y tế",), deadline="", articles=(5,))
    assert "articles" in columns_of([plain, with_article])


def test_sections_are_merged_beside_their_code_and_tasks_follow_in_document_order():
    from openpyxl import load_workbook

    registry = load(FIXTURE, use_cache=False)
    plan = registry.plans["kh-nq59"][0]
    sheet = load_workbook(
        io.BytesIO(render_workbook(registry, plan, None, date(2026, 11, 22)))
    ).active
    assert sheet["A4"].value == "I" and sheet["B4"].value == plan.sections[0].title
    assert any(str(r).startswith("B4:") for r in sheet.merged_cells.ranges)
    assert [sheet.cell(row, 1).value for row in (5, 6)] == ["1", "2"]
    assert sheet["A5"].number_format == "@"  # TT typed by staff stays text
