"""Reading registry files safely: bytes -> text -> a plain tree with the position of every value.

Everything a file can do to hurt the parser is caught here, before or while the C-accelerated
parser runs (DESIGN §6): oversized files, deep nesting (the C parser crashes near 30 000 nested
brackets), tabs and `%` directives (the C and round-trip parsers disagree on them), anchors and
aliases (an alias bomb explodes when walked), explicit tags, duplicate keys. Scalars follow the
YAML 1.2 core schema, more strictly: `no`, `on`, `1:30` and dates stay text, and a number with a
leading zero (a phone number, a document number) is never turned into an integer.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .names import nfc
from .problems import Problem, Severity, os_reason

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 32
MAX_PROBLEMS_READ = 1000  # kept while reading one file (memory); 50 are shown (problems.cap)

PathKey = tuple[str | int, ...]
Position = tuple[int, int]

_INT = re.compile(r"^[-+]?(0|[1-9][0-9]{0,17})$")
_FLOAT = re.compile(r"^[-+]?(\d+\.\d*|\.\d+)([eE][-+]?\d+)?$")
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}


@dataclass(slots=True)
class Document:
    """A parsed file: plain data plus where each value and each key stands (1-based)."""

    data: object
    values: dict[PathKey, Position] = field(default_factory=dict)
    keys: dict[PathKey, Position] = field(default_factory=dict)

    def position(self, path: PathKey, *, key: bool = False) -> Position:
        """The position of a path (of its key, if asked), or of its nearest ancestor."""
        if key and path in self.keys:
            return self.keys[path]
        return nearest(self.values, path)


def nearest(values: dict[PathKey, Position], path: PathKey) -> Position:
    """The position recorded for a path or, failing that, for its nearest ancestor."""
    while path:
        if path in values:
            return values[path]
        path = path[:-1]
    return values.get((), (1, 1))


class _Abort(Exception):
    """The file cannot be read further; the problem was already recorded."""


class _Reader:
    def __init__(self, rel: str) -> None:
        self.rel = rel
        self.problems: list[Problem] = []

    def add(
        self,
        line: int,
        column: int,
        code: str,
        message: str,
        hint: str = "",
        severity: Severity = "error",
    ) -> None:
        if len(self.problems) < MAX_PROBLEMS_READ:
            self.problems.append(Problem(self.rel, line, column, code, message, hint, severity))

    def fatal(self, line: int, column: int, code: str, message: str, hint: str = "") -> _Abort:
        self.add(line, column, code, message, hint)
        return _Abort()


def _line_col(text: str, offset: int) -> Position:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def decode(raw: bytes, reader: _Reader) -> str:
    """Bytes to NFC text with LF line ends, or _Abort with the reason recorded."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:4096]:
        raise reader.fatal(
            1,
            1,
            "bad-encoding",
            "tệp được lưu dạng UTF-16 (thường do Word/Notepad)",
            "lưu lại tệp với mã hóa UTF-8",
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        reader.add(
            1,
            1,
            "bom",
            "tệp bắt đầu bằng BOM",
            "lưu lại tệp dạng UTF-8 không BOM",
            severity="warning",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        # Columns count characters everywhere else, so decode what precedes the bad byte.
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        raise reader.fatal(
            line,
            column,
            "bad-encoding",
            "tệp không phải UTF-8 hợp lệ",
            "lưu lại tệp với mã hóa UTF-8",
        ) from None
    return nfc(text.replace("\r\n", "\n").replace("\r", "\n"))


def _precheck(text: str, reader: _Reader) -> None:
    """Reject what the two parsers treat differently, before either sees the text."""
    tab = text.find("\t")
    if tab >= 0:
        raise reader.fatal(
            *_line_col(text, tab),
            "tab",
            "tệp có ký tự tab",
            "YAML chỉ dùng dấu cách; thay tab bằng dấu cách",
        )
    _invisible(text, reader)
    for match in re.finditer(r"^%", text, re.MULTILINE):
        raise reader.fatal(
            *_line_col(text, match.start()),
            "yaml-directive",
            "không dùng chỉ thị YAML (%YAML, %TAG)",
            "xóa dòng bắt đầu bằng “%”",
        )
    if text.count("[") + text.count("{") > MAX_DEPTH:
        depth = 0
        for offset, ch in enumerate(text):
            if ch in "[{":
                depth += 1
                if depth > MAX_DEPTH:
                    raise reader.fatal(
                        *_line_col(text, offset), "too-deep", f"lồng ngoặc quá {MAX_DEPTH} tầng"
                    )
            elif ch in "]}":
                depth = max(0, depth - 1)


# Characters a reader cannot see, as pasting from Word or a web page leaves them: each is named,
# with its column. Zero-width ones never belong in the registry; a no-break space is an error
# where it indents a line (YAML then sees no indentation) and a warning inside text.
_INVISIBLE = {
    "\u200b": "dấu cách độ rộng 0 (ZWSP, U+200B)",
    "\u200c": "ký tự nối độ rộng 0 (ZWNJ, U+200C)",
    "\u200d": "ký tự nối độ rộng 0 (ZWJ, U+200D)",
    "\u2060": "ký tự nối từ (WJ, U+2060)",
    "\ufeff": "ký tự BOM giữa tệp (U+FEFF)",
    "\u00ad": "gạch nối mềm (U+00AD)",
    "\u00a0": "dấu cách không ngắt (NBSP, U+00A0)",
    "\u202f": "dấu cách hẹp không ngắt (U+202F)",
    "\u2007": "dấu cách chữ số (U+2007)",
    "\u3000": "dấu cách toàn khổ (U+3000)",
}
_SPACES = "\u00a0\u202f\u2007\u3000"
_INVISIBLE_CHARS = re.compile("[" + "".join(_INVISIBLE) + "]")


def _invisible(text: str, reader: _Reader) -> None:
    for match in _INVISIBLE_CHARS.finditer(text):
        ch, offset = match.group(), match.start()
        line, column = _line_col(text, offset)
        start = text.rfind("\n", 0, offset) + 1
        indenting = text[start:offset].strip(" " + _SPACES) == ""
        if ch in _SPACES and not indenting:
            reader.add(line, column, "invisible-char", f"có {_INVISIBLE[ch]} ở cột {column}",
                       "thay bằng dấu cách thường", severity="warning")  # fmt: skip
            continue
        where = " (trong phần thụt lề)" if indenting and ch in _SPACES else ""
        reader.add(line, column, "invisible-char",
                   f"có ký tự vô hình: {_INVISIBLE[ch]} ở cột {column}{where}",
                   "xóa ký tự đó (gõ lại đoạn này); thụt lề chỉ bằng dấu cách thường")  # fmt: skip


_TOKEN_START = " :[{,-?"


def _unclosed_quote(text: str, until: int) -> Position | None:
    """The first quote, on a line up to `until`, whose string is not closed on its own line.

    Registry values fit on one line, so a quote still open at the end of its line is where a
    syntax error found lines later began (libyaml reads on into the next fields). A quote
    counts only where a value can start, so an apostrophe inside a word is not one."""
    for number, line in enumerate(text.split("\n")[:until], start=1):
        state, start, index = "", 0, 0
        while index < len(line):
            ch = line[index]
            if not state:
                if ch == "#" and (index == 0 or line[index - 1] == " "):
                    break  # a comment
                if ch in "\"'" and (index == 0 or line[index - 1] in _TOKEN_START):
                    state, start = ch, index
            elif state == '"' and ch == "\\":
                index += 1  # an escaped character
            elif ch == state:
                if state == "'" and line[index + 1 : index + 2] == "'":
                    index += 1  # '' inside '…'
                else:
                    state = ""
            index += 1
        if state:
            return number, start + 1
    return None


def resolve_plain(value: str) -> object:
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value


_DISCARD = object()


def events(text: str) -> Iterator[Any]:
    """The libyaml parser's events, straight from ruamel.yaml.clib (the `YAML` facade would
    build a new loader class for every file and keep a record of each one)."""
    from .compat import yaml_parser

    parser = yaml_parser(text)
    try:
        while parser.check_event():
            yield parser.get_event()
    finally:
        parser.dispose()


def _build(text: str, reader: _Reader) -> Document:
    """Walk the C parser's events into plain data, recording positions and refusing hazards."""
    from ruamel.yaml.events import (
        AliasEvent,
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
    )

    doc = Document(data=None)
    # Each frame: [container, path, pending key (or None), position of that key]
    stack: list[list[Any]] = []
    documents = 0

    def attach(value: object) -> PathKey | None:
        """Place a value in the current container; return its path (None when discarded)."""
        if not stack:
            doc.data = value
            return ()
        frame = stack[-1]
        container, path = frame[0], frame[1]
        if isinstance(container, list):
            child = (*path, len(container))
            container.append(value)
            return child
        key = frame[2]
        frame[2] = None
        if key is _DISCARD:
            return None
        child = (*path, key)
        container[key] = value
        doc.keys[child] = frame[3]
        return child

    for event in events(text):
        mark = event.start_mark
        pos: Position = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        kind = type(event)
        if kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise reader.fatal(
                    *pos,
                    "multiple-documents",
                    "tệp chỉ được chứa một tài liệu YAML",
                    "xóa dòng “---” thứ hai và phần sau nó, hoặc tách ra tệp khác",
                )
            continue
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            stack.pop()
            continue
        if kind not in (ScalarEvent, MappingStartEvent, SequenceStartEvent, AliasEvent):
            continue
        if kind is AliasEvent:
            reader.add(
                *pos,
                "yaml-alias",
                f"không dùng bí danh YAML (*{event.anchor})",
                "chép lại giá trị thay cho bí danh",
            )
            value: object = None
        else:
            if event.anchor is not None:
                reader.add(
                    *pos,
                    "yaml-anchor",
                    f"không dùng neo YAML (&{event.anchor})",
                    "xóa “&…” và chép giá trị ra từng nơi cần dùng",
                )
            if event.tag is not None:
                reader.add(
                    *pos,
                    "yaml-tag",
                    f"không dùng thẻ YAML ({event.tag.replace('tag:yaml.org,2002:', '!!')})",
                    "xóa thẻ bắt đầu bằng “!”; đặt văn bản trong ngoặc kép nếu cần",
                )
            if kind is ScalarEvent:
                plain = event.implicit[0] and not event.style
                value = resolve_plain(event.value) if plain else event.value
            else:
                value = {} if kind is MappingStartEvent else []

        frame = stack[-1] if stack else None
        if frame is not None and isinstance(frame[0], dict) and frame[2] is None:
            # This event is a key.
            if kind is not ScalarEvent:
                raise reader.fatal(*pos, "bad-key", "tên trường phải là một chuỗi đơn giản")
            key = event.value
            if key == "<<" and not event.style:
                reader.add(
                    *pos,
                    "yaml-merge",
                    "không dùng khóa gộp YAML (<<)",
                    "chép các trường ra tường minh",
                )
                frame[2], frame[3] = _DISCARD, pos
            elif key in frame[0]:
                first = doc.keys.get((*frame[1], key), (0, 0))[0]
                reader.add(
                    *pos,
                    "duplicate-key",
                    f"trường “{key}” lặp lại (đã có ở dòng {first})",
                    "giữ một trong hai và xóa dòng kia",
                )
                frame[2], frame[3] = _DISCARD, pos
            else:
                frame[2], frame[3] = key, pos
            continue

        child = attach(value)
        if child is not None:
            doc.values[child] = pos
        if kind in (MappingStartEvent, SequenceStartEvent):
            if len(stack) >= MAX_DEPTH:
                raise reader.fatal(*pos, "too-deep", f"lồng quá {MAX_DEPTH} tầng")
            stack.append([value, child if child is not None else ("?",), None, pos])
    return doc


def _read_regular(path: Path, reader: _Reader) -> bytes:
    descriptor = os.open(path, _OPEN_FLAGS)
    with os.fdopen(descriptor, "rb") as file:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise reader.fatal(1, 1, "not-a-file", "không phải tệp thường; không được đọc",
                               "xóa nó và đặt tệp YAML thật vào chỗ này")  # fmt: skip
        _cap(status.st_size, reader)  # before reading a huge file into memory
        return file.read()  # sized by the open file (read(n) would allocate n bytes first)


def parse(text: str, rel: str) -> tuple[Document | None, list[Problem]]:
    """Text to a Document, with every problem found on the way."""
    from ruamel.yaml.error import MarkedYAMLError
    from ruamel.yaml.reader import ReaderError

    reader = _Reader(rel)
    try:
        _precheck(text, reader)
        doc = _build(text, reader)
    except _Abort:
        return None, reader.problems
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        from .yaml_messages import syntax_message

        opened = _unclosed_quote(text, line)
        if opened is not None:  # libyaml reports it where the string ends, lines later
            quote = "kép" if text.splitlines()[opened[0] - 1][opened[1] - 1] == '"' else "đơn"
            reader.add(*opened, "yaml-syntax", f"chuỗi mở bằng ngoặc {quote} ở đây chưa đóng",
                       f"thêm dấu ngoặc {quote} đóng ở cuối giá trị, trên cùng dòng")  # fmt: skip
        else:
            reader.add(line, column, "yaml-syntax", *syntax_message(exc.problem or str(exc)))
        return None, reader.problems
    except ReaderError as exc:
        reader.add(
            # libyaml counts the offset in UTF-8 bytes; every Vietnamese letter before it is 2-3.
            *_line_col(text, len(text.encode()[: exc.position].decode(errors="ignore"))),
            "yaml-syntax",
            f"có ký tự điều khiển không được phép (mã {exc.character:#06x})",
            "xóa ký tự đó; nó thường lẫn vào khi dán từ Word hay từ cửa sổ dòng lệnh",
        )
        return None, reader.problems
    except (ValueError, TypeError, RecursionError, MemoryError) as exc:
        reader.add(1, 1, "yaml-syntax", f"không đọc được tệp YAML: {exc}")
        return None, reader.problems
    if doc.data is None:
        reader.add(1, 1, "empty-file", "tệp rỗng", "xóa tệp, hoặc điền nội dung theo mẫu")
        return None, reader.problems
    return doc, reader.problems


def _cap(size: int, reader: _Reader) -> None:
    if size > MAX_BYTES:
        raise reader.fatal(
            1,
            1,
            "file-too-large",
            f"tệp quá lớn ({-(-size // 1024)} KiB; tối đa {MAX_BYTES // 1024} KiB)",
            "tách nội dung thành nhiều tệp nhỏ",
        )


def decoded(raw: bytes, rel: str) -> tuple[str | None, list[Problem]]:
    """A file's bytes as text (size cap first), or None with the reason."""
    reader = _Reader(rel)
    try:
        _cap(len(raw), reader)
        return decode(raw, reader), reader.problems
    except _Abort:
        return None, reader.problems


_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO put in place of the file must not block
    | getattr(os, "O_NOFOLLOW", 0)  # a link put in place of it must not be followed
    | getattr(os, "O_BINARY", 0)
)


def read(path: Path, rel: str) -> tuple[Document | None, list[Problem]]:
    """Read a registry file from disk: a regular file only (checked on the open file, so
    nothing swapped in since discovery is read), size cap first, then decode and parse."""
    reader = _Reader(rel)
    try:
        text, problems = decoded(_read_regular(path, reader), rel)
    except _Abort:
        return None, reader.problems
    except OSError as exc:
        reader.add(1, 1, "unreadable", f"không đọc được tệp: {os_reason(exc)}")
        return None, reader.problems
    if text is None:
        return None, problems
    doc, more = parse(text, rel)
    return doc, problems + more
