"""What editors show on hover is Vietnamese: every record and every field of every exported
schema has a Vietnamese description, no English title of Pydantic's is left, and the table has
no entry for a field that does not exist."""

from __future__ import annotations

import dataclasses
import re

import pytest

from hnqt import model
from hnqt.schema_text import FIELDS, RECORDS
from hnqt.validation import RECORD_TYPES, json_schema

VIETNAMESE = re.compile(
    r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I
)


def _records(schema: dict) -> list[tuple[str, dict]]:
    return [("", schema), *schema.get("$defs", {}).items()]


@pytest.mark.parametrize("kind", sorted(RECORD_TYPES))
def test_every_record_and_field_is_described_in_vietnamese(kind):
    schema = json_schema(kind)
    for name, record in _records(schema):
        if "properties" not in record:
            continue  # PartialDate and the like: a value, not a record of fields
        assert VIETNAMESE.search(record["description"]), name
        assert name == "" or "title" not in record, name
        for field, spec in record["properties"].items():
            assert VIETNAMESE.search(spec.get("description", "")), (name, field)
            assert "title" not in spec, (name, field)


def test_the_tables_name_only_real_records_and_fields():
    classes = {name: cls for name, cls in vars(model).items() if dataclasses.is_dataclass(cls)}
    assert set(RECORDS) <= set(classes)
    fields = {f.name for cls in classes.values() for f in dataclasses.fields(cls)}
    for key in FIELDS:
        record, _, field = key.rpartition(".")
        assert field in fields, key
        if record:
            assert field in {f.name for f in dataclasses.fields(classes[record])}, key
