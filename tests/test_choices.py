"""Each command-line choice is one `Literal`, and what acts on it knows every value."""

from __future__ import annotations

from typing import get_args

import pytest
from typer.testing import CliRunner

from conftest import AS_OF, FIXTURE
from hnqt import choices
from hnqt.cli import app
from hnqt.loading import load
from hnqt.queries import ListQuery, list_records
from hnqt.render.diff import RENDERERS as DIFF_RENDERERS
from hnqt.render.due import RENDERERS
from hnqt.render.problems import REPORTERS
from hnqt.render.records import LIST_RENDERERS, STATS_RENDERERS


@pytest.mark.parametrize(
    ("choice", "acting"),
    [(choices.DueFormat, RENDERERS), (choices.ValidateFormat, REPORTERS),
     (choices.ListFormat, LIST_RENDERERS), (choices.StatsFormat, STATS_RENDERERS),
     (choices.DiffFormat, DIFF_RENDERERS)],
)  # fmt: skip
def test_every_format_has_its_renderer(choice: object, acting: dict[str, object]) -> None:
    assert get_args(choice) == tuple(acting)


@pytest.mark.parametrize("kind", get_args(choices.ListKind))
def test_every_list_kind_is_listed(kind: str) -> None:

    assert list_records(load(FIXTURE, use_cache=False), ListQuery(kind, AS_OF))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("command", "shown"),
    [(["due"], ["chủ trì (lead)", "phối hợp (support)", "cả hai (all)"]),
     (["due"], ["Bảng (table)", "json", "csv", "ics"]),
     (["validate"], ["Văn bản (text)", "json", "github"])],
)  # fmt: skip
def test_help_pages_list_the_choices(command: list[str], shown: list[str]) -> None:
    """Each value with what it means in Vietnamese (issue 11: no bare `<lead|support|all>`)."""
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    said = " ".join(result.output.split())  # help lines wrap
    for value in shown:
        assert value in said
