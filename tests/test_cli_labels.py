"""People read words, not codes: unit kinds, countries and activity states are said in
Vietnamese on screen; CSV follows one rule (Vietnamese headers and labels, codes in extra
columns) for every kind."""

from __future__ import annotations

import csv
import io
import re

import pytest
from typer.testing import CliRunner

from conftest import AS_OF, FIXTURE
from hnqt.cli import app

runner = CliRunner()
DAY = AS_OF.strftime("%d/%m/%Y")
CODES = re.compile(r"\((done|proposed|agreed|planned)\)|\b(other|party|mass-org|ministry)\b")


def hnqt(*args: str) -> str:
    result = runner.invoke(app, [*args, "--registry", str(FIXTURE)], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return result.output


def test_screens_say_words_not_codes():
    units = hnqt("list", "units")
    assert "khác" in units and "cơ quan Đảng" in units
    assert not CODES.search(units.split("\n", 3)[-1].replace("mass-org", "").replace("-", " "))
    assert "Liên bang Nga (RU)" in hnqt("list", "partners")
    assert "Belarus (BY)" in hnqt("show", "minsk")
    agreement = hnqt("show", "ct-minsk-2024-2026")
    assert "(đã diễn ra)" in agreement and "(done)" not in agreement
    assert "chuyến thăm" in agreement


@pytest.mark.parametrize(
    ("kind", "code_column", "code"),
    [("tasks", "Mã tình trạng", "overdue"), ("units", "Mã loại", "ministry"),
     ("partners", "Mã quốc gia", "RU"), ("agreements", "Mã hiệu lực", "in_force"),
     ("plans", "Mã loại", "directive"), ("reports", "Mã đơn vị", "so-y-te")],
)  # fmt: skip
def test_every_csv_has_vietnamese_headers_then_the_codes(kind, code_column, code):
    text = hnqt("list", kind, "--as-of", DAY, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    header = list(rows[0])
    assert header[0] == "Mã" and code_column in header
    assert header.index(code_column) > header.index("Mã")
    assert all(not re.fullmatch(r"[a-z_]+", h) for h in header)  # no English header
    assert code in {row[code_column] for row in rows}


def test_every_code_has_its_word():
    import typing

    from hnqt import model
    from hnqt.render import labels

    activity = typing.get_type_hints(model.Activity)
    assert set(typing.get_args(model.UnitKind)) == set(labels.UNIT_KINDS)
    assert set(typing.get_args(activity["kind"])) == set(labels.ACTIVITY_KINDS)
    states = {a for arg in typing.get_args(activity["status"]) for a in typing.get_args(arg)}
    assert states == set(labels.ACTIVITY_STATES)
    assert set(typing.get_args(typing.get_type_hints(model.Plan)["kind"])) == set(labels.PLAN_KINDS)
