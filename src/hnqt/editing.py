"""Changing a registry file as a careful person would: through ruamel.yaml's round-trip mode, so
the rest of the file — comments, key order, quoting, blank lines, flow or block style — stays as
it was, and only the lines of the change differ (DESIGN §6).

Long Vietnamese lines are never folded (a wide `width`), indentation is read from the file, and
two known slips of the round-trip dumper are undone (`null` written as nothing, `[{file: …}]`
written as `[file: …]`). The result is parsed again with the reader `validate` uses and
compared with the old data plus the change: anything else differing refuses the edit.
"""

from __future__ import annotations

import copy
import io
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .names import nfc
from .problems import UsageError
from .yamlio import PathKey, parse

WIDTH = 1_000_000  # never fold a line
_KEY_LINE = re.compile(r"^( *)[^\s#-][^:#]*:(\s|$)")
_DASH_LINE = re.compile(r"^( *)-( +)\S")


@dataclass(frozen=True, slots=True)
class Append:
    """Add `item` at the end of the list at `path` (the list is made when missing)."""

    path: PathKey
    item: object
    order: Sequence[str] = field(default=(), compare=False)  # where a new key goes (fields order)


@dataclass(frozen=True, slots=True)
class Put:
    """Set the key at `path` to `value`: in place when present, else where `order` puts it."""

    path: PathKey
    value: object
    order: Sequence[str] = field(default=(), compare=False)


Change = Append | Put


def applied(data: object, changes: Sequence[Change]) -> object:
    """The plain data a file should hold after the changes (what the edit is checked against)."""
    data = copy.deepcopy(data)
    for change in changes:
        change = _normalised(change)
        *parents, last = change.path
        container: Any = data
        for part in parents:
            container = container[part]
        if isinstance(change, Append):
            container.setdefault(last, [])
            container[last].append(copy.deepcopy(change.item))
        else:
            container[last] = copy.deepcopy(change.value)
    return data


def _nfc(value: object) -> object:
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, dict):
        return {key: _nfc(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_nfc(item) for item in value]
    return value


def _normalised(change: Change) -> Change:
    """Text in NFC, as the reader gives it back."""
    if isinstance(change, Append):
        return Append(change.path, _nfc(change.item), change.order)
    return Put(change.path, _nfc(change.value), change.order)


def indentation(text: str) -> tuple[int, int, int]:
    """(mapping indent, sequence indent, dash offset) as the file writes them; the registry's
    own layout (2, 4, 2) when the file does not show one."""
    mapping = offset = sequence = None
    lines = text.splitlines()
    for previous, line in itertools.pairwise(lines):
        parent = _KEY_LINE.match(previous)
        if parent is None or not previous.rstrip().endswith(":"):  # a key opening a block
            continue
        step = len(line) - len(line.lstrip(" ")) - len(parent.group(1))
        dash = _DASH_LINE.match(line)
        if dash is not None and offset is None and step >= 0:
            offset, sequence = step, step + 1 + len(dash.group(2))
        elif dash is None and mapping is None and step > 0 and _KEY_LINE.match(line):
            mapping = step
        if mapping is not None and offset is not None:
            break
    if offset is None or sequence is None:
        offset, sequence = 2, 4
    return mapping or 2, sequence, offset


def _yaml(text: str) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = WIDTH
    yaml.brace_single_entry_mapping_in_flow_sequence = True
    yaml.representer.add_representer(
        type(None), lambda rep, _: rep.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    mapping, sequence, offset = indentation(text)
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def node(value: object, *, flow: bool = False) -> Any:
    """A value as the registry writes it: text in double quotes, a list of plain values on one
    line (`lead: ["Sở Y tế"]`), a mapping as a block (or inline, inside an inline value)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if isinstance(value, str):
        return DoubleQuotedScalarString(nfc(value))
    if isinstance(value, dict):
        mapping = CommentedMap((key, node(item, flow=flow)) for key, item in value.items())
        if flow:
            mapping.fa.set_flow_style()
        return mapping
    if isinstance(value, list | tuple):
        inline = flow or all(not isinstance(item, dict | list | tuple) for item in value)
        sequence = CommentedSeq(node(item, flow=inline) for item in value)
        if inline and value:
            sequence.fa.set_flow_style()
        return sequence
    return value


def _insert(mapping: Any, key: str, value: Any, order: Sequence[str]) -> None:
    """Put a new key after the keys that come before it in `order` (at the end otherwise)."""
    if key in mapping:
        mapping[key] = value
        return
    before = set(order[: order.index(key)]) if key in order else set(mapping)
    position = max((i + 1 for i, k in enumerate(mapping) if k in before), default=0)
    mapping.insert(position, key, value)


def _is_flow(container: Any) -> bool:
    return bool(getattr(container, "fa", None) is not None and container.fa.flow_style())


def new_text(header: str, data: dict[str, object]) -> str:
    """A new file: the header comment, then the data as the registry writes it."""
    tree = node(data)
    out = io.StringIO()
    _yaml("").dump(tree, out)
    text = header + out.getvalue()
    after, _ = parse(text, "")
    if after is None or after.data != _nfc(data):
        raise UsageError("hnqt không ghi được tệp mới đúng như các giá trị đã cho; chưa ghi gì",
                         "kiểm tra các giá trị đã nhập")  # fmt: skip
    return text


def edit_text(text: str, changes: Sequence[Change], rel: str) -> str:
    """The file's text with the changes made and nothing else touched, or UsageError."""
    from ruamel.yaml.error import YAMLError

    before, problems = parse(text, rel)
    if before is None or any(p.severity == "error" for p in problems):
        raise UsageError(
            f"“{rel}” đang có lỗi cú pháp nên hnqt không sửa",
            f"chạy `hnqt validate {rel}`, sửa lỗi rồi chạy lại",
        )
    yaml = _yaml(text)
    try:
        tree = yaml.load(text)
    except (YAMLError, ValueError, TypeError, RecursionError):
        raise UsageError(
            f"“{rel}” không đọc được ở chế độ giữ nguyên định dạng nên hnqt không sửa",
            f"chạy `hnqt validate {rel}` và `hnqt fmt {rel}` rồi chạy lại",
        ) from None
    for change in changes:
        *parents, last = change.path
        container = tree
        for part in parents:
            container = container[part]
        flow = _is_flow(container)
        if isinstance(change, Append):
            if last not in container or container[last] is None:
                _insert(container, str(last), node([], flow=flow), change.order)
            target = container[last]
            if _is_flow(target) and not target:
                target.fa.set_block_style()  # `progress: []` grows into a block list
            target.append(node(change.item, flow=_is_flow(target)))
        elif isinstance(last, int):
            container[last] = node(change.value, flow=flow)
        else:
            _insert(container, last, node(change.value, flow=flow), change.order)
    out = io.StringIO()
    yaml.dump(tree, out)
    result = out.getvalue()
    after, _ = parse(result, rel)
    if after is None or after.data != applied(before.data, changes):
        raise UsageError(
            f"hnqt không sửa được “{rel}” mà giữ nguyên phần còn lại; chưa ghi gì",
            "sửa tệp bằng tay, rồi chạy `hnqt validate`",
        )
    return result
