"""docs/data-format.md agrees with the models: every field its examples show exists in the
JSON Schema of that kind of file and every field of the schema is shown; every choice listed
in a comment (`# so | ban | …`) is exactly the schema's."""

from __future__ import annotations

import io
import json
import re

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from conftest import REPO
from hnqt.layout import classify
from hnqt.schema_export import bundled

DOC = (REPO / "docs" / "data-format.md").read_text(encoding="utf-8")
Path_ = tuple[str, ...]


def schema_fields(schema: dict) -> dict[Path_, set[object]]:
    """Every field path of a JSON Schema ("[]" for a list's items) with its allowed values."""
    defs = schema.get("$defs", {})
    fields: dict[Path_, set[object]] = {}

    def walk(node: dict, path: Path_) -> None:
        if "$ref" in node:
            walk(defs[node["$ref"].rsplit("/", 1)[-1]], path)
        for sub in node.get("anyOf", []) + node.get("oneOf", []) + node.get("allOf", []):
            walk(sub, path)
        if node.get("type") == "array" and "items" in node:
            walk(node["items"], (*path, "[]"))
        if "enum" in node or "const" in node:
            fields.setdefault(path, set()).update(node.get("enum", [node.get("const")]))
        for name, sub in node.get("properties", {}).items():
            fields.setdefault((*path, name), set())
            walk(sub, (*path, name))

    walk(schema, ())
    return fields


def documented(block: str) -> dict[Path_, set[str]]:
    """Every key path of an example block, with the choices its comment lists, if any."""
    data = YAML().load(io.StringIO(block))
    fields: dict[Path_, set[str]] = {}

    def walk(node: object, path: Path_) -> None:
        if isinstance(node, CommentedSeq):
            for item in node:
                walk(item, (*path, "[]"))
        elif isinstance(node, CommentedMap):
            for key, value in node.items():
                choices: set[str] = set()
                comment = node.ca.items.get(key)
                tokens = [t for t in (comment or []) if t is not None and hasattr(t, "value")]
                text = tokens[0].value if tokens else ""
                if m := re.match(r"\s*#\s*([\w-]+(?:\s*\|\s*[\w-]+)+)\s*(?:$|\(|:)", text):
                    choices = {c.strip() for c in m[1].split("|")}
                fields.setdefault((*path, str(key)), set()).update(choices)
                walk(value, (*path, str(key)))

    walk(data, ())
    return fields


def sections() -> dict[str, dict[Path_, set[str]]]:
    """Kind of file -> what its section of the document shows."""
    found: dict[str, dict[Path_, set[str]]] = {}
    for match in re.finditer(r"^## (data/\S+)(.*?)(?=^## |\Z)", DOC, re.S | re.M):
        parts = match[1].removeprefix("data/").replace("<id>", "x").replace("<code>", "I-1")
        kind = classify(tuple(parts.split("/")))
        assert kind is not None, match[1]
        shown = found.setdefault(kind, {})
        for block in re.findall(r"```yaml\n(.*?)```", match[2], re.S):
            for path, choices in documented(block).items():
                shown.setdefault(path, set()).update(choices)
    return found


SCHEMAS = {name.removesuffix(".schema.json"): json.loads(t) for name, t in bundled().items()}


def test_every_kind_of_file_has_its_section() -> None:
    assert sorted(sections()) == sorted(SCHEMAS)


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_documented_fields_are_the_schemas(kind: str) -> None:
    shown, fields = sections()[kind], schema_fields(SCHEMAS[kind])
    key_paths = {path for path in fields if path and path[-1] != "[]"}
    assert sorted(".".join(p) for p in set(shown) - key_paths) == []  # documented, not in schema
    assert sorted(".".join(p) for p in key_paths - set(shown)) == []  # in schema, not documented


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_listed_choices_are_the_schemas(kind: str) -> None:
    fields = schema_fields(SCHEMAS[kind])
    for path, choices in sections()[kind].items():
        if choices:
            assert choices == {str(c) for c in fields[path]}, ".".join(path)


def test_the_reading_can_fail() -> None:
    shown = documented("a:\n  - b: 1   # x | y\n    c: {d: 2}\n")
    assert shown == {("a",): set(), ("a", "[]", "b"): {"x", "y"}, ("a", "[]", "c"): set(),
                     ("a", "[]", "c", "d"): set()}  # fmt: skip
    schema = {"properties": {"a": {"type": "array", "items": {"$ref": "#/$defs/B"}}},
              "$defs": {"B": {"properties": {"b": {"enum": ["x", "z"]}}}}}  # fmt: skip
    assert schema_fields(schema) == {("a",): set(), ("a", "[]", "b"): {"x", "z"}}
