"""`--help` pages in Vietnamese: Typer (and the click it vendors) words the frame of every
help page (usage line, headings, defaults) in English."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from typer.core import TyperCommand, TyperGroup

from .compat import Context, HelpFormatter

_HEADINGS = {"Options": "Tùy chọn", "Arguments": "Đối số", "Commands": "Lệnh"}
_HELP_PHRASES = [
    ("Show this message and exit.", "Xem hướng dẫn này."),
    ("[default: ", "[mặc định: "),
    ("[required]", "[bắt buộc]"),
    ("; required]", "; bắt buộc]"),
]


class VietnameseHelp(HelpFormatter):
    """Click's help page with its own words (usage line, headings, defaults) in Vietnamese."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "Cách dùng: " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(_HEADINGS.get(heading, heading))

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        super().write_dl([(term, _help_vi(text)) for term, text in rows], col_max, col_spacing)


# click writes a number's range as `x>=0` or `1900<=x<=2200`.
_RANGES = [
    (re.compile(r"(?<=\[)(-?\d+)<=x<=(-?\d+)(?=[;\]])"), r"từ \1 đến \2"),
    (re.compile(r"(?<=\[)x>=(-?\d+)(?=[;\]])"), r"từ \1 trở lên"),
    (re.compile(r"(?<=\[)x<=(-?\d+)(?=[;\]])"), r"tối đa \1"),
]


def _help_vi(text: str) -> str:
    for english, vietnamese in _HELP_PHRASES:
        text = text.replace(english, vietnamese)
    for pattern, vietnamese in _RANGES:
        text = pattern.sub(vietnamese, text)
    return text


class VietnameseContext(Context):
    formatter_class = VietnameseHelp


class VietnameseCommand(TyperCommand):
    """A command whose help page and usage line speak Vietnamese."""

    context_class = VietnameseContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["options_metavar"] = "[TÙY_CHỌN]"
        super().__init__(*args, **kwargs)


class VietnameseGroup(TyperGroup):
    """A command group (`hnqt import`, `hnqt export`) whose help page speaks Vietnamese."""

    context_class = VietnameseContext
