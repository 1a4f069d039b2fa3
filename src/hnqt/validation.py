"""Validating parsed files against the models with Pydantic, and saying what is wrong in Vietnamese.

Pydantic is imported here only, so commands that read the cached registry never pay for it.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import os
import re
import types
import typing
from typing import Any

from . import model
from .problems import Problem
from .yamlio import Document, PathKey

RECORD_TYPES: dict[str, type] = {
    "departments": model.Departments,
    "partner": model.Partner,
    "agreement": model.Agreement,
    "plan": model.Plan,
    "task": model.Task,
    "reports": model.Reports,
}
KIND_NAMES = {
    "departments": "danh mục đơn vị",
    "partner": "đối tác",
    "agreement": "thỏa thuận",
    "plan": "kế hoạch",
    "task": "nhiệm vụ",
    "reports": "danh sách báo cáo",
}
_TYPE_NAMES = {
    "string_type": "một chuỗi văn bản",
    "int_type": "một số nguyên",
    "bool_type": "true hoặc false",
    "tuple_type": "một danh sách",
    "list_type": "một danh sách",
    "dict_type": "một bảng các trường",
    "dataclass_type": "một bảng các trường",
    "model_type": "một bảng các trường",
}
_MISSING = {"missing", "missing_keyword_argument", "missing_argument"}
_YAML11_BOOLS = {"yes", "no", "on", "off", "y", "n", "Yes", "No", "On", "Off", "YES", "NO"}


@functools.cache
def adapter(kind: str) -> Any:
    # Pydantic plugins another package installed (tracing, say) are not let into hnqt's
    # checks, which must judge a file the same on every machine; finding them would also
    # read every installed package's entry points at each start (~2 ms, more in a large
    # environment). Pydantic's documented switch; one set by the user is kept.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from pydantic import TypeAdapter

    return TypeAdapter(RECORD_TYPES[kind])


def validate(kind: str, doc: Document, rel: str) -> tuple[object | None, list[Problem]]:
    """A record of the given kind from a parsed file, or the problems that prevent it."""
    from pydantic import ValidationError

    try:
        return adapter(kind).validate_python(doc.data), []
    except ValidationError as exc:
        errors = [(error, _locate(error, doc.data)) for error in exc.errors()]
    # A union (text or mapping, text or number) reports one error per branch. When a branch
    # went inside the value, the value has that branch's shape: only its errors matter. When
    # none did, every branch refused the value as a whole: one problem says so.
    entered = {at.union for _, at in errors if at.union is not None and at.inside}
    problems: dict[tuple[PathKey, str], Problem] = {}
    for error, at in errors:
        if at.union is not None and not at.inside:
            if at.union in entered:
                continue
            key = (at.union, "one-of")
        else:
            key = (at.path, f"{error['type']} {error['loc'][-1:]}")  # each missing field, too
        problems.setdefault(key, _translate(kind, error, at, doc, rel))
    return None, list(problems.values())


@dataclasses.dataclass(frozen=True, slots=True)
class _Located:
    """Where a Pydantic error points in the data."""

    path: PathKey  # the part of the error's location that exists in the data
    complete: bool  # the error is about the value at `path` itself
    union: PathKey | None  # the value at which a union chose a branch, if any
    inside: bool  # the error lies inside the chosen branch, not on the value as a whole


def _locate(error: Any, data: object) -> _Located:
    """Map Pydantic's location onto the data; union branch names are not in the data, and
    neither is the name of a missing field (the last part of a `missing` error)."""
    loc = tuple(error["loc"])
    missing = error["type"] in _MISSING
    path: list[str | int] = []
    current: Any = data
    union: PathKey | None = None
    inside = False
    consumed = True
    for part in loc[:-1] if missing else loc:
        in_dict = isinstance(current, dict) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        consumed = in_dict or in_list
        if consumed:
            current = current[part]
            path.append(part)
        elif union is None:
            union = tuple(path)
            continue
        if union is not None:
            inside = True
    return _Located(tuple(path), consumed and not missing, union, inside or missing)


def _translate(kind: str, error: Any, at: _Located, doc: Document, rel: str) -> Problem:
    loc = tuple(error["loc"])
    path, complete = at.path, at.complete
    value = _value_at(doc.data, path)
    kind_name = KIND_NAMES[kind]
    error_type = error["type"]
    where = _field_label(path)

    if error_type in ("unexpected_keyword_argument", "extra_forbidden"):
        field = str(path[-1]) if path else str(loc[-1])
        known = fields_at(RECORD_TYPES[kind], path[:-1])
        guess = difflib.get_close_matches(field, known, n=1, cutoff=0.5)
        hint = f"có phải “{guess[0]}”?" if guess else "các trường hợp lệ: " + ", ".join(known)
        line, column = doc.position(path, key=True)
        return Problem(
            rel, line, column, "unknown-field", f"trường “{field}” không có trong {kind_name}", hint
        )
    if error_type in _MISSING:
        field = str(loc[-1])
        line, column = doc.position(path)
        return Problem(
            rel,
            line,
            column,
            "missing-field",
            f"thiếu trường bắt buộc “{field}”" + (f" trong {where}" if where else ""),
            f"thêm dòng `{field}: …`",
        )
    here = functools.partial(Problem, rel, *doc.position(path))
    if not path and error_type in ("dataclass_type", "dataclass_exact_type", "model_type"):
        return here(
            "not-a-mapping",
            f"tệp {kind_name} phải là một bảng các trường (tên: giá trị), "
            f"không phải {_describe(value)}",
            "xem mẫu trong docs/data-format.md",
        )
    if error_type == "bad_date":
        return here(
            "bad-date",
            f"{where}: {error['msg']}",
            f"viết {error['ctx']['wanted']}",
        )
    if error_type == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        wanted = model.PATTERN_HELP.get(pattern, f"khớp mẫu {pattern}")
        return here(
            "bad-value",
            f"{where}: giá trị “{value}” không hợp lệ",
            f"cần {wanted}",
        )
    if error_type in ("literal_error", "enum"):
        expected = error.get("ctx", {}).get("expected", "")
        return here(
            "bad-value",
            f"{where}: giá trị “{value}” không hợp lệ",
            # Pydantic lists the choices as "'a', 'b' or 'c'": keep the choices, not the English.
            "chọn một trong: " + ", ".join(re.findall(r"'([^']*)'", expected)),
        )
    if error_type in _TYPE_NAMES and complete:
        return here(
            "wrong-type",
            f"{where}: cần {_TYPE_NAMES[error_type]}, nhưng đây là {_describe(value)}",
            _type_hint(error_type, value),
        )
    if not complete:  # a union (text or mapping) that matched neither branch
        return here(
            "wrong-type",
            f"{where}: dạng giá trị không đúng ({_describe(value)})",
            "xem mẫu trong docs/data-format.md",
        )
    if error_type in ("greater_than_equal", "less_than_equal"):
        low = error_type == "greater_than_equal"
        bound = error["ctx"]["ge" if low else "le"]
        return here(
            "bad-value",
            f"{where}: {value} {'nhỏ hơn mức tối thiểu' if low else 'lớn hơn mức tối đa'} {bound}",
            f"viết số từ {bound} {'trở lên' if low else 'trở xuống'}",
        )
    if error_type == "string_too_short":
        return here(
            "bad-value",
            f"{where}: không được để trống",
            "điền giá trị (hoặc xóa dòng nếu trường không bắt buộc)",
        )
    # A constraint this table does not know yet: still Vietnamese, never Pydantic's English.
    return here(
        "bad-value",
        f"{where}: giá trị “{value}” không hợp lệ",
        "xem mẫu trong docs/data-format.md",
    )


def _type_hint(error_type: str, value: object) -> str:
    if error_type == "bool_type" and isinstance(value, str) and value in _YAML11_BOOLS:
        return "YAML ở đây không hiểu yes/no/on/off; viết true hoặc false"
    if error_type == "string_type" and isinstance(value, int | float | bool):
        return 'đặt giá trị trong ngoặc kép, ví dụ "0243"'
    if error_type == "int_type" and isinstance(value, str):
        return "viết số không có ngoặc kép"
    if error_type in ("tuple_type", "list_type") and isinstance(value, str):
        return f'viết dạng danh sách: ["{value}"]'
    return ""


def _describe(value: object) -> str:
    if value is None:
        return "giá trị rỗng"
    if isinstance(value, bool):
        return f"giá trị {str(value).lower()}"
    if isinstance(value, int | float):
        return f"số {value}"
    if isinstance(value, str):
        return f"chuỗi “{value[:40]}”"
    if isinstance(value, list):
        return "một danh sách"
    return "một bảng các trường"


def _field_label(path: PathKey) -> str:
    label = ""
    for part in path:
        label += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if label else part)
    return label


def _value_at(data: Any, path: PathKey) -> object:
    for part in path:
        data = data[part]
    return data


def fields_at(record_type: type, path: PathKey) -> list[str]:
    """The field names of the record type found at a path (for "did you mean")."""
    current: Any = record_type
    for part in path:
        if isinstance(part, int):
            continue
        hints = typing.get_type_hints(current, include_extras=True)
        current = _dataclass_in(hints.get(part))
        if current is None:
            return []
    return [f.name for f in dataclasses.fields(current)]


def _dataclass_in(annotation: Any) -> type | None:
    if annotation is None:
        return None
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _dataclass_in(typing.get_args(annotation)[0])
    if origin in (tuple, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _dataclass_in(arg)
            if found is not None:
                return found
    return None


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema an editor uses to complete and check a file of this kind."""
    from .schema_text import describe

    schema: dict[str, Any] = adapter(kind).json_schema()
    describe(schema, RECORD_TYPES[kind].__name__)
    for name, definition in schema.get("$defs", {}).items():
        describe(definition, name)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"hnqt — {KIND_NAMES[kind]}"
    return schema
