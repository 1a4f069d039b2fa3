"""A plan's task appendix as Word and Excel lay it out: its columns, the headings a document may
give them, and the splitting of a cell that names several units. The Excel export writes these
headings and the imports recognise them, so both sides agree by construction."""

from __future__ import annotations

import contextlib
import re
from datetime import date

from .dates import DateError, parse_user_date, show
from .names import TRAILING, collapse, plain_key

# Column -> the heading hnqt writes. The first six are the appendix of a plan (TT | Tên nhiệm vụ
# | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian hoàn thành); the rest are hnqt's.
HEADINGS: dict[str, str] = {
    "code": "TT",
    "title": "Tên nhiệm vụ",
    "lead": "Cơ quan chủ trì",
    "support": "Cơ quan phối hợp",
    "output": "Kết quả",
    "deadline": "Thời gian hoàn thành",
    "next_due": "Hạn tiếp theo",
    "status": "Trạng thái",
    "progress": "Tiến độ gần nhất",
    "field": "Lĩnh vực",
    "articles": "Điều",
    "notes": "Ghi chú",
    "source": "Nguồn",
}
REQUIRED = ("code", "title", "lead", "deadline")
PLAN_COLUMNS = ("code", "title", "lead", "support", "output", "deadline")  # the plan's own six

# Diacritic-free heading -> column. Exact words first, then words a longer heading contains
# ("Thời gian hoàn thành (dự kiến)", "Cơ quan, đơn vị chủ trì"), tried in this order.
_EXACT = {
    "tt": "code",
    "stt": "code",
    "so tt": "code",
    "so thu tu": "code",
    "ten nhiem vu": "title",
    "nhiem vu": "title",
    "noi dung": "title",
    "noi dung nhiem vu": "title",
    "ten nhiem vu, de an": "title",
    "han tiep theo": "next_due",
    "trang thai": "status",
    "tien do gan nhat": "progress",
    "tien do": "progress",
    "linh vuc": "field",
    "dieu": "articles",
    "ghi chu": "notes",
    "nguon": "source",
}
_CONTAINED = (
    ("chu tri", "lead"),
    ("phoi hop", "support"),
    ("thoi gian", "deadline"),
    ("thoi han", "deadline"),
    ("ket qua", "output"),
    ("san pham", "output"),
    ("nhiem vu", "title"),
)


def column_of(heading: str) -> str | None:
    """The column a heading names, written with or without diacritics, on one line or several."""
    key = re.sub(r"[\s/]+", " ", plain_key(heading).replace("(*)", "")).strip(" .:*")
    if key in _EXACT:
        return _EXACT[key]
    return next((column for words, column in _CONTAINED if words in key), None)


def header_columns(cells: tuple[str, ...]) -> dict[str, int]:
    """Column -> index for a row of headings; the first heading of each column counts."""
    found: dict[str, int] = {}
    for index, text in enumerate(cells):
        column = column_of(text) if text.strip() else None
        if column is not None:
            found.setdefault(column, index)
    return found


_LONGEST_HEADING = 60  # characters: a longer cell is a task's text, not a heading


def is_header(cells: tuple[str, ...]) -> bool:
    """A row of headings names the task and at least two other appendix columns."""
    if any(len(text) > _LONGEST_HEADING for text in cells):
        return False  # most rows are tasks: no need to fold their long texts
    found = header_columns(cells)
    return "title" in found and len(found.keys() & {"code", "lead", "support", "deadline"}) >= 2


_ROMAN = re.compile(r"^(?P<code>[IVXLC]+)\b[.:)\-–]?\s*(?P<title>.*)$", re.DOTALL)


def section_of(text: str) -> tuple[str, str] | None:
    """`II. Nâng cao …` -> ("II", "Nâng cao …"); None when the text starts with no numeral."""
    match = _ROMAN.match(text.strip())
    if not match:
        return None
    return match["code"], collapse(match["title"]).rstrip(TRAILING[1:]) if match["title"] else ""


def split_units(text: str) -> list[str]:
    """The unit names of a cell: separated by `;` or line breaks, never inside parentheses
    (`Văn phòng UBND Thành phố (Phòng A, Phòng B)` is one name)."""
    if "(" not in text:
        return _names(re.split(r"[;\n]", text))
    names: list[str] = []
    depth, current = 0, list[str]()
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth <= 0 and char in ";\n":
            names.append("".join(current))
            current = []
        else:
            current.append(char)
    names.append("".join(current))
    return _names(names)


def _names(parts: list[str]) -> list[str]:
    return [name for name in (collapse(part).strip(TRAILING) for part in parts) if name]


def join_units(names: tuple[str, ...] | list[str]) -> str:
    """What `split_units` reads back: one cell for a list of unit names."""
    return "; ".join(names)


def text_value(text: str) -> str:
    """A free-text cell: each line's spaces collapsed, empty lines dropped, line breaks kept."""
    return "\n".join(line for line in (collapse(part) for part in text.split("\n")) if line)


_PROGRESS = re.compile(r"^(\d{1,2}/\d{1,2}/\d{4})(?:\s*[:–-]\s*(.*))?$", re.DOTALL)
_SOURCE = re.compile(r"^(?P<file>[^()]+?)(?:\s*\((?P<ref>.*)\))?$", re.DOTALL)


def show_progress(day: date, note: str | None) -> str:
    """The last progress entry in one cell, as `progress_entry` reads it back."""
    return f"{show(day)}: {note}" if note else show(day)


def progress_entry(text: str, today: date) -> dict[str, object] | None:
    """`dd/mm/yyyy: note` (as the export writes the last progress), a date alone, or a note
    alone (dated today)."""
    text = text_value(text)
    if not text:
        return None
    match = _PROGRESS.match(text)
    if match:
        with contextlib.suppress(DateError):  # not a date after all: the whole text is the note
            day, note = parse_user_date(match[1]), (match[2] or "").strip()
            return {"date": day.isoformat(), "note": note} if note else {"date": day.isoformat()}
    return {"date": today.isoformat(), "note": text}


def source_ref(text: str) -> dict[str, str] | None:
    """`file (ref)` as the export writes a task's source."""
    text = collapse(text)
    match = _SOURCE.match(text) if text else None
    if match is None:
        return None
    found = {"file": match["file"].strip()}
    if match["ref"]:
        found["ref"] = match["ref"].strip()
    return found


def show_source(file: str, ref: str | None) -> str:
    """A task's source in one cell, as `source_ref` reads it back."""
    return f"{file} ({ref})" if ref else file
