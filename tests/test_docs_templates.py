"""docs/templates.md lists exactly what a template can use: every field of every record of
the report context, and every filter (tested against the code, so neither drifts)."""

from __future__ import annotations

import re
from dataclasses import fields

import pytest

from conftest import REPO
from hnqt import model, reporting
from hnqt.render.report_env import FILTERS

DOC = (REPO / "docs" / "templates.md").read_text(encoding="utf-8")
RECORDS = [
    reporting.PlanReport,
    reporting.AgreementReport,
    reporting.Heading,
    reporting.SectionBlock,
    reporting.TaskLine,
    reporting.ProgressLine,
    reporting.StatLine,
    reporting.SubmissionLine,
    reporting.AgreementBlock,
    reporting.ArticleLine,
    reporting.ActivityLine,
    reporting.StepLine,
    model.Plan,
    model.Indicator,
    model.Unit,
]


def documented(heading: str) -> list[str]:
    """The backticked names in the first column of the table under a heading."""
    section = DOC.split(heading, 1)[1].split("\n#", 1)[0]
    return re.findall(r"^\| `(\w+)` \|", section, flags=re.MULTILINE)


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.__name__)
def test_every_field_is_documented_and_nothing_else(record: type) -> None:
    assert documented(f"### `{record.__name__}`") == [f.name for f in fields(record)]


def test_every_filter_is_documented_and_nothing_else() -> None:
    assert set(documented("## Bộ lọc")) == {*FILTERS, "status_chart"}
