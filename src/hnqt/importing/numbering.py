"""Word's automatic list numbers (1., 2., … in the TT column; I., II., … on section rows): Word
draws them, the document's text does not hold them. Each numbered paragraph gets the label Word
would show, counted in document order per list and level."""

from __future__ import annotations

import re
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
Level = tuple[int, str, str]  # start, number format, label text ("%1.", "%1.%2")


def labels(document: Any) -> dict[Any, str]:
    """Paragraph element -> the number Word shows before it ("1.", "II.", "-" for a bullet)."""
    lists = _lists(document)
    if not lists:
        return {}
    styles = _style_numbers(document)
    counters: dict[str, dict[int, int]] = {}
    found: dict[Any, str] = {}
    # Only a paragraph with properties can be numbered: most table paragraphs have none.
    for properties in document.element.body.iter(f"{_W}pPr"):
        paragraph = properties.getparent()
        numbered = _number_of(properties, styles) if paragraph.tag == f"{_W}p" else None
        if numbered is None or numbered[0] not in lists:
            continue
        list_id, level = numbered
        levels = lists[list_id]
        counts = counters.setdefault(list_id, {})
        counts[level] = counts.get(level, levels.get(level, (1, "", ""))[0] - 1) + 1
        for deeper in [known for known in counts if known > level]:
            del counts[deeper]  # a new item of a level restarts the levels below it
        found[paragraph] = _label(levels, counts, level)
    return found


def _val(element: Any) -> str | None:
    return None if element is None else element.get(f"{_W}val")


def _lists(document: Any) -> dict[str, dict[int, Level]]:
    """numId -> level -> (start, format, text), from the numbering part."""
    # Asked by relationship: python-docx's `numbering_part` would try to create a missing part.
    try:
        numbering = document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING).element
    except KeyError:
        return {}  # no numbering part: nothing is numbered
    abstract: dict[str | None, dict[int, Level]] = {}
    for definition in numbering.findall(f"{_W}abstractNum"):
        levels: dict[int, Level] = {}
        for lvl in definition.findall(f"{_W}lvl"):
            index = int(lvl.get(f"{_W}ilvl") or 0)
            start = _val(lvl.find(f"{_W}start"))
            levels[index] = (
                int(start) if start and start.isdigit() else 1,
                _val(lvl.find(f"{_W}numFmt")) or "decimal",
                _val(lvl.find(f"{_W}lvlText")) or f"%{index + 1}.",
            )
        abstract[definition.get(f"{_W}abstractNumId")] = levels
    return {
        num.get(f"{_W}numId"): abstract.get(_val(num.find(f"{_W}abstractNumId")), {})
        for num in numbering.findall(f"{_W}num")
    }


def _style_numbers(document: Any) -> dict[str, tuple[str, int]]:
    """Paragraph style id -> (numId, level) for styles that number their paragraphs."""
    found: dict[str, tuple[str, int]] = {}
    for style in document.styles.element.findall(f"{_W}style"):
        numbered = style.find(f"{_W}pPr/{_W}numPr")
        list_id = _val(numbered.find(f"{_W}numId")) if numbered is not None else None
        if list_id:
            level = _val(numbered.find(f"{_W}ilvl"))
            found[style.get(f"{_W}styleId")] = (list_id, int(level) if level else 0)
    return found


def _number_of(properties: Any, styles: dict[str, tuple[str, int]]) -> tuple[str, int] | None:
    """The list and level a paragraph is numbered in, itself or through its style."""
    numbered = properties.find(f"{_W}numPr")
    if numbered is not None:
        list_id, level = _val(numbered.find(f"{_W}numId")), _val(numbered.find(f"{_W}ilvl"))
        return None if list_id in (None, "0") else (str(list_id), int(level) if level else 0)
    style = _val(properties.find(f"{_W}pStyle"))
    return styles.get(style) if style else None


def _label(levels: dict[int, Level], counts: dict[int, int], level: int) -> str:
    _, kind, text = levels.get(level, (1, "decimal", f"%{level + 1}."))
    if kind == "bullet":
        return "-"
    if kind == "none":
        return ""

    def number(match: re.Match[str]) -> str:
        at = int(match[1]) - 1
        start, shape, _ = levels.get(at, (1, "decimal", ""))
        return _shown(counts.get(at, start), shape)

    return re.sub(r"%(\d)", number, text)


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip


def _shown(value: int, kind: str) -> str:
    if kind in ("upperRoman", "lowerRoman"):
        roman, rest = "", value
        for size, letters in _ROMAN:
            while rest >= size:
                roman, rest = roman + letters, rest - size
        return roman if kind == "upperRoman" else roman.lower()
    if kind in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if kind == "upperLetter" else letter.lower()
    if kind == "decimalZero":
        return f"{value:02d}"
    return str(value)
