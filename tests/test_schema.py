"""`hnqt schema`: one JSON Schema per kind of file; the shipped schemas are current and every
data file names and satisfies its schema."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from conftest import REPO, snapshot
from hnqt import schema_export
from hnqt.cli import app
from hnqt.layout import classify
from hnqt.yamlio import read

KINDS = ("departments", "partner", "agreement", "plan", "task", "reports")
HEADER = re.compile(r"^# yaml-language-server: \$schema=(\S+)\s*$")
DATA_FILES = sorted((REPO / "data").rglob("*.yaml"))


def kind_of(path: Path) -> str | None:
    return classify(path.relative_to(REPO / "data").parts)


@pytest.fixture(scope="module")
def generated() -> dict[str, dict]:
    return {name: json.loads(text) for name, text in schema_export.generated().items()}


def test_schema_command_writes_one_file_per_kind(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["schema", "-o", str(out)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"{kind}.schema.json" for kind in KINDS)
    for kind in KINDS:
        assert f"{out / f'{kind}.schema.json'}" in result.stderr and not result.stdout
        schema = json.loads((out / f"{kind}.schema.json").read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["type"] == "object"
        assert schema["additionalProperties"] is False
        assert schema["title"].startswith("hnqt — ")


def test_schema_command_defaults_to_the_registrys_schemas_folder(make_registry):
    root = make_registry()
    result = CliRunner().invoke(app, ["schema", "--registry", str(root)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (root / "schemas").iterdir()) == sorted(
        f"{kind}.schema.json" for kind in KINDS
    )


def test_written_files_are_the_generated_text(tmp_path):
    CliRunner().invoke(app, ["schema", "-o", str(tmp_path)])
    for name, text in schema_export.generated().items():
        assert (tmp_path / name).read_bytes() == text.encode("utf-8")


def test_the_package_ships_the_schemas_the_models_give():
    """hnqt/schemas/ (package data) is what `hnqt schema` writes; after a model change,
    `HNQT_UPDATE_SCHEMAS=1 python -m pytest tests/test_schema.py` rewrites it."""
    current = schema_export.generated()
    if os.environ.get("HNQT_UPDATE_SCHEMAS"):
        for name, text in current.items():
            (REPO / "src" / "hnqt" / "schemas" / name).write_text(text, encoding="utf-8")
    assert schema_export.bundled() == current


def test_shipped_schemas_are_current():
    """schemas/ is what `hnqt schema` writes now; regenerate with `hnqt schema` after a model
    change."""
    shipped = {p.name: p.read_text(encoding="utf-8") for p in (REPO / "schemas").glob("*.json")}
    current = schema_export.generated()
    assert sorted(shipped) == sorted(current)
    stale = sorted(name for name in current if shipped[name] != current[name])
    assert stale == [], f"stale schemas (run `hnqt schema`): {stale}"


def test_there_are_data_files_of_every_kind_but_reports():
    kinds = {kind_of(p) for p in DATA_FILES}
    assert {"departments", "partner", "agreement", "plan", "task"} <= kinds
    assert None not in kinds


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.relative_to(REPO).as_posix())
def test_data_file_header_points_at_its_schema(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = HEADER.match(first)
    assert match, f"{path.name}: first line is not a yaml-language-server header"
    target = (path.parent / match[1]).resolve()
    assert target.is_file(), f"{match[1]} does not exist"
    assert target == (REPO / "schemas" / f"{kind_of(path)}.schema.json").resolve()


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.relative_to(REPO).as_posix())
def test_data_file_satisfies_its_schema(path, generated):
    rel = path.relative_to(REPO).as_posix()
    doc, problems = read(path, rel)
    assert problems == []
    assert doc is not None
    validator = jsonschema.Draft202012Validator(generated[f"{kind_of(path)}.schema.json"])
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc.data)]
    assert errors == []


TASK = {"code": "I.1", "title": "Nhiệm vụ thử", "lead": ["Sở Y tế"], "deadline": "2026"}


def test_a_good_task_passes_the_schema(generated):
    jsonschema.validate(TASK, generated["task.schema.json"],
                        cls=jsonschema.Draft202012Validator)  # fmt: skip


@pytest.mark.parametrize(
    "bad",
    [
        {**TASK, "dealine": "2027"},  # unknown field
        {k: v for k, v in TASK.items() if k != "lead"},  # missing field
        {**TASK, "lead": "Sở Y tế"},  # a string, not a list
        {**TASK, "progress": [{"date": "2026-11-10", "done": "yes"}]},  # not a boolean
        {**TASK, "progress": [{"date": "10/11/2026"}]},  # not an ISO date
        {**TASK, "deadline": {"text": "Khi Bộ Ngoại giao ban hành", "evnt": {}}},
    ],
)
def test_a_bad_task_fails_the_schema(generated, bad):
    validator = jsonschema.Draft202012Validator(generated["task.schema.json"])
    assert list(validator.iter_errors(bad)) != []


def test_unknown_field_error_names_the_field(generated):
    validator = jsonschema.Draft202012Validator(generated["task.schema.json"])
    (error,) = validator.iter_errors({**TASK, "dealine": "2027"})
    assert error.validator == "additionalProperties"
    assert "dealine" in error.message


@pytest.mark.parametrize("place", ["a-file", "a-linked-schema"])
def test_schema_refuses_to_write_over_a_file_or_through_a_link(tmp_path, place):
    """Exit 2 with a Vietnamese message, and nothing written or lost."""
    outside = tmp_path / "outside.json"
    outside.write_text("giữ nguyên\n", encoding="utf-8")
    out = tmp_path / "out"
    if place == "a-file":
        out.write_text("không phải thư mục\n", encoding="utf-8")
    else:
        out.mkdir()
        (out / "task.schema.json").symlink_to(outside)
    before = snapshot(tmp_path)
    result = CliRunner().invoke(app, ["schema", "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.startswith("lỗi: ") and "Traceback" not in result.output
    assert ("liên kết" if place == "a-linked-schema" else "không phải thư mục") in result.stderr
    assert snapshot(tmp_path) == before  # no schema written, the link's target untouched
