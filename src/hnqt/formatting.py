"""`hnqt fmt`: one canonical layout for every registry file, comments kept.

The layout: keys in the order the schema lists the fields (unknown keys after, as written);
mappings indented by 2, list items by 2 with their content at 4; text in double quotes, numbers,
`true`/`false` and `null` bare; inline (flow) or block style as the author chose; NFC, LF, one
final newline, no trailing spaces, at most one blank line in a row. Values are never changed —
except a unit typed by staff (`progress[].by`, `reports[].unit`) in another form than its
canonical name; text transcribed from a source stays as written.

The file is read with the C parser (the one `validate` uses) and written by the small emitter
below; comments, which that parser skips, are found in the text around the values and put back
before the key (or after the value) they stood with. A result that does not read back as the
same data, or loses a comment, is refused rather than written.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .layout import STAFF_UNIT_FIELDS, matches
from .problems import Problem, UsageError
from .yamlio import PathKey, events, parse, resolve_plain

INDENT = 2
_BREAKS = re.compile("\n|\x85|\u2028|\u2029")  # where libyaml counts a new line
_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x00": "\\0"}

Position = tuple[int, int]  # 0-based line, column


@dataclass(slots=True)
class _Scalar:
    value: object
    source: str  # the text as written (kept for floats)
    line: int
    end_line: int


@dataclass(slots=True)
class _Map:
    flow: bool
    line: int
    end_line: int = 0
    items: list[tuple[str, _Node, int]] = field(default_factory=list)  # key, value, key line


@dataclass(slots=True)
class _Seq:
    flow: bool
    line: int
    end_line: int = 0
    items: list[_Node] = field(default_factory=list)


_Node = _Scalar | _Map | _Seq


@dataclass(slots=True)
class _Comments:
    """The file's comments and blank lines, by the line they stand on."""

    leading: dict[int, list[str]]  # anchor line -> comment lines ("" for a blank) before it
    trailing: dict[int, str]  # line -> comment after a value on that line
    tail: list[str]  # comments after the last value


class FormatError(Exception):
    """The file cannot be formatted (it does not read, or would not read back the same)."""


def _tree(text: str) -> tuple[_Node, list[tuple[Position, Position]]]:
    """The node tree of a file and the spans of its scalars (where a `#` is text, not a comment)."""
    from ruamel.yaml.events import (
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
    )

    spans: list[tuple[Position, Position]] = []
    stack: list[_Map | _Seq] = []
    keys: list[tuple[str, int] | None] = []
    root: _Node | None = None

    def attach(node: _Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        parent = stack[-1]
        if isinstance(parent, _Seq):
            parent.items.append(node)
            return
        pending = keys[-1]
        assert pending is not None
        parent.items.append((pending[0], node, pending[1]))
        keys[-1] = None

    for event in events(text):
        kind = type(event)
        start, end = event.start_mark, event.end_mark
        if kind is ScalarEvent:
            spans.append(((start.line, start.column), (end.line, end.column)))
            parent = stack[-1] if stack else None
            if isinstance(parent, _Map) and keys[-1] is None:
                keys[-1] = (event.value, start.line)
                continue
            plain = event.implicit[0] and not event.style
            value = resolve_plain(event.value) if plain else event.value
            attach(_Scalar(value, event.value, start.line, end.line))
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            container: _Map | _Seq
            flow = bool(event.flow_style)
            made = _Map if kind is MappingStartEvent else _Seq
            container = made(flow, start.line)
            attach(container)
            stack.append(container)
            keys.append(None)
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            stack.pop().end_line = end.line
            keys.pop()
    if root is None:
        raise FormatError("tệp rỗng")
    return root, spans


def _anchors(node: _Node, found: list[int]) -> None:
    """Every line where a key or a list item starts: comments attach to the next one."""
    if isinstance(node, _Map):
        for _, value, line in node.items:
            found.append(line)
            _anchors(value, found)
    elif isinstance(node, _Seq):
        for item in node.items:
            found.append(item.line)
            _anchors(item, found)


def _comments(text: str, root: _Node, spans: list[tuple[Position, Position]]) -> _Comments:
    starts = [span[0] for span in spans]

    def in_scalar(at: Position) -> bool:
        index = bisect.bisect_right(starts, at) - 1
        return index >= 0 and at < spans[index][1]

    anchors: list[int] = []
    _anchors(root, anchors)
    anchors = sorted(set(anchors))
    comments = _Comments({}, {}, [])

    def lead(line: int, comment: str) -> None:
        index = bisect.bisect_right(anchors, line)
        if index < len(anchors):
            comments.leading.setdefault(anchors[index], []).append(comment)
        else:
            comments.tail.append(comment)

    for number, line in enumerate(_BREAKS.split(text)):
        if not line.strip():
            if not in_scalar((number, 0)):
                lead(number, "")
            continue
        if "#" not in line:
            continue
        for match in re.finditer("#", line):
            column = match.start()
            if column and line[column - 1] not in " \t":
                continue
            if in_scalar((number, column)):
                continue
            comment = line[column:].rstrip()
            if line[:column].strip():
                comments.trailing[number] = comment
            else:
                lead(number, comment)
            break
    return comments


def _quoted(text: str) -> str:
    out = ['"']
    for char in text:
        escape = _ESCAPES.get(char)
        if escape is not None:
            out.append(escape)
        elif char < " " or "\x7f" <= char <= "\x9f" or char in "\u2028\u2029\ufeff":
            out.append(f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _key(key: str) -> str:
    return key if _PLAIN_KEY.match(key) and isinstance(resolve_plain(key), str) else _quoted(key)


@functools.cache
def _order(kind: str | None, path: tuple[str, ...]) -> tuple[str, ...]:
    """The fields of the record found at `path` of a file of this kind, in schema order."""
    if kind is None:
        return ()
    from .validation import RECORD_TYPES, fields_at

    if kind not in RECORD_TYPES:
        return ()
    return tuple(fields_at(RECORD_TYPES[kind], path))


class _Emitter:
    def __init__(self, kind: str | None, comments: _Comments, unit: Callable[[str], str | None]):
        self.kind = kind
        self.comments = comments
        self.unit = unit
        self.lines: list[str] = []
        self.unit_field = STAFF_UNIT_FIELDS.get(kind or "")

    # --- lines and comments
    def before(self, anchor: int, indent: int) -> None:
        for comment in self.comments.leading.pop(anchor, ()):
            self._put(" " * indent + comment if comment else "")

    def _put(self, line: str) -> None:
        if not line and (not self.lines or not self.lines[-1]):
            return  # no blank line first, none twice
        self.lines.append(line)

    def line(self, text: str, first: int, last: int) -> None:
        """A line standing for source lines first…last: their trailing comments follow it."""
        found = [self.comments.trailing.pop(n) for n in range(first, last + 1)
                 if n in self.comments.trailing]  # fmt: skip
        self._put(text + ("  " + " ".join(found) if found else ""))

    def finish(self) -> str:
        for comment in self.comments.tail:
            self._put(comment)
        for _, comment in sorted(self.comments.trailing.items()):
            self._put(comment)  # a comment no line stood for is kept, at the end
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return "\n".join(self.lines) + "\n"

    # --- values
    def ordered(self, node: _Map, path: PathKey) -> list[tuple[str, _Node, int]]:
        order = _order(self.kind, tuple(p for p in path if isinstance(p, str)))
        if not order:
            return node.items
        rank = {name: index for index, name in enumerate(order)}
        return sorted(node.items, key=lambda item: rank.get(item[0], len(rank)))

    def scalar(self, node: _Scalar, path: PathKey) -> str:
        value = node.value
        if value is None:
            return "null"
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int):
            return str(value)
        if isinstance(value, float):
            return node.source
        text = str(value)
        if self.unit_field is not None and matches(self.unit_field, path):
            text = self.unit(text) or text
        return _quoted(text)

    def inline(self, node: _Node, path: PathKey) -> str:
        if isinstance(node, _Scalar):
            return self.scalar(node, path)
        if isinstance(node, _Seq):
            items = (self.inline(item, (*path, i)) for i, item in enumerate(node.items))
            return "[" + ", ".join(items) + "]"
        pairs = (f"{_key(k)}: {self.inline(v, (*path, k))}" for k, v, _ in self.ordered(node, path))
        return "{" + ", ".join(pairs) + "}"

    def block(self, node: _Node, indent: int, path: PathKey, prefix: str | None = None) -> None:
        """A block mapping or list at `indent`; `prefix` replaces the indent of the first line
        (a mapping that opens a list item: `  - date: …`)."""
        if isinstance(node, _Map):
            for index, (key, value, line) in enumerate(self.ordered(node, path)):
                if index or prefix is None:
                    self.before(line, indent)
                start = prefix if index == 0 and prefix is not None else " " * indent
                self.entry(f"{start}{_key(key)}:", value, indent, (*path, key), line)
        elif isinstance(node, _Seq):
            for index, item in enumerate(node.items):
                self.before(item.line, indent)
                if isinstance(item, _Map) and not item.flow and item.items:
                    # The key that opens the item in canonical order may not have opened it in
                    # the file: its comments go above the dash line, where a comment can stand.
                    self.before(self.ordered(item, (*path, index))[0][2], indent)
                dash = (prefix if index == 0 and prefix is not None else " " * indent) + "-"
                self.entry(dash, item, indent, (*path, index), item.line)

    def entry(self, head: str, value: _Node, indent: int, path: PathKey, line: int) -> None:
        """`key:` or `-` followed by its value: inline on the line, or a block below it."""
        if isinstance(value, _Scalar) or value.flow or not value.items:
            self.line(f"{head} {self.inline(value, path)}", line, max(line, value.end_line))
            return
        if head.endswith("-"):  # a list item opens with its first key (or item): `- date: …`
            self.block(value, indent + INDENT, path, prefix=head + " ")
            return
        self.line(head, line, line)
        self.block(value, indent + INDENT, path)


def format_text(
    text: str, rel: str, kind: str | None, unit: Callable[[str], str | None] = lambda _: None
) -> str:
    """The file in canonical layout, or FormatError saying why it cannot be formatted."""
    doc, problems = parse(text, rel)
    errors = [p for p in problems if p.severity == "error"]
    if doc is None or errors:
        raise FormatError(_first(errors or problems))
    root, spans = _tree(text)
    comments = _comments(text, root, spans)
    kept = _texts(comments)
    emitter = _Emitter(kind, comments, unit)
    if isinstance(root, _Scalar) or root.flow or not root.items:
        emitter.line(emitter.inline(root, ()), root.line, root.end_line)
    else:
        emitter.before(root.line, 0)
        emitter.block(root, 0, ())
    result = emitter.finish()
    _check(result, rel, doc.data, kind, unit, kept)
    return result


def _first(problems: list[Problem]) -> str:
    if not problems:
        return "tệp không đọc được"
    problem = problems[0]
    return f"dòng {problem.line}: {problem.message}"


def _texts(comments: _Comments) -> list[str]:
    found = [c for lines in comments.leading.values() for c in lines if c]
    return [*found, *comments.trailing.values(), *(c for c in comments.tail if c)]


def _check(
    result: str,
    rel: str,
    data: object,
    kind: str | None,
    unit: Callable[[str], str | None],
    comments: list[str],
) -> None:
    """The formatted file reads back as the same data and keeps every comment."""
    after, _ = parse(result, rel)
    expected = canonical_units(data, kind, unit)
    if after is None or after.data != expected:
        raise FormatError("hnqt không định dạng được tệp này mà giữ nguyên nội dung")
    if not comments:
        return
    root, spans = _tree(result)
    kept = " ".join(_texts(_comments(result, root, spans)))
    if any(comment not in kept for comment in comments):
        raise FormatError("hnqt không định dạng được tệp này mà giữ nguyên mọi chú thích")


def canonical_units(data: object, kind: str | None, unit: Callable[[str], str | None]) -> object:
    """The data with the staff-typed unit names written canonically (what fmt should give)."""
    pattern = STAFF_UNIT_FIELDS.get(kind or "")
    if pattern is None:
        return data

    def walk(value: object, path: PathKey) -> object:
        if isinstance(value, dict):
            return {k: walk(v, (*path, k)) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, (*path, i)) for i, v in enumerate(value)]
        if isinstance(value, str) and matches(pattern, path):
            return unit(value) or value
        return value

    return walk(data, ())


# --- formatting the registry's files ---------------------------------------------------------

MARKS = "fmt.json"  # files known to be in canonical form, by stamp (in the cache folder)


@dataclass(slots=True)
class Outcome:
    """A file that is not in canonical form (`new`), or cannot be formatted (`error`)."""

    rel: str
    old: str
    new: str | None = None
    error: str | None = None


def _units(root: Path) -> Callable[[str], str | None]:
    """Canonical unit names from departments.yaml, read only once a staff-typed unit is met."""
    from .layout import DEPARTMENTS_FILE
    from .model import Departments
    from .reading import read_file
    from .units import UnitDirectory

    @functools.cache
    def directory() -> UnitDirectory | None:
        record = read_file(root / DEPARTMENTS_FILE, DEPARTMENTS_FILE, "departments").record
        return UnitDirectory(record) if isinstance(record, Departments) else None

    def canonical(name: str) -> str | None:
        found = directory()
        return found.canonical(name) if found is not None else None

    return canonical


def format_registry(root: Path, chosen: Callable[[str], bool], *, write: bool) -> list[Outcome]:
    """Every chosen file of the registry not in canonical form (rewritten when `write`), and
    every file that cannot be formatted. Files known canonical since the last run (same stamp,
    same departments file, same code) are not read at all."""
    from . import cache
    from .layout import DEPARTMENTS_FILE, discover
    from .writing import locked
    from .yamlio import decoded

    files, _ = discover(root)
    units_stamp = list(files[DEPARTMENTS_FILE][2]) if DEPARTMENTS_FILE in files else None
    marks = cache.load_marks(root, MARKS)
    known = marks if marks.get("@departments") == units_stamp else {}
    kept: dict[str, object] = {"@departments": units_stamp}
    unit = _units(root)
    found: list[Outcome] = []
    for rel, (path, kind, stamp) in sorted(files.items()):
        if kind is None or not chosen(rel):
            continue
        if known.get(rel) == list(stamp):
            kept[rel] = list(stamp)
            continue
        raw = Path(path).read_bytes()
        text, problems = decoded(raw, rel)
        if text is None:
            found.append(Outcome(rel, "", error=_first(problems)))
            continue
        try:
            new = format_text(text, rel, kind, unit)
        except FormatError as error:
            found.append(Outcome(rel, text, error=str(error)))
            continue
        if new.encode() == raw:
            if not cache.racy(stamp):
                kept[rel] = list(stamp)
            continue
        if not write:
            found.append(Outcome(rel, text, new))
            continue
        try:  # a link, a lock held by another edit, a file changed meanwhile: said, not fatal
            with locked(Path(path)) as lock:
                lock.commit(new, raw)
            found.append(Outcome(rel, text, new))
        except UsageError as refused:
            found.append(Outcome(rel, text, error=refused.message))
    cache.save_marks(root, MARKS, kept)
    return found


def short_diff(outcome: Outcome, limit: int = 12) -> list[str]:
    """The first lines of a unified diff of what fmt changes in a file."""
    import difflib

    assert outcome.new is not None
    lines = list(difflib.unified_diff(outcome.old.splitlines(), outcome.new.splitlines(),
                                      lineterm="", n=0))[2:]  # fmt: skip
    if len(lines) > limit:
        return [*lines[:limit], f"… (còn {len(lines) - limit} dòng)"]
    return lines
