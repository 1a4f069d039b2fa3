"""Tables for people: Rich on a terminal (colour, frames), plain aligned text through a pipe.

The plain form has no frame and no colour and keeps one line a row, as `ls`, `git` and `gh`
do when their output is not a terminal; it also keeps `hnqt due` within its start-up budget
(Rich's table machinery costs ~40 ms to import and draw).
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


@dataclass
class Column:
    header: str
    flexible: bool = False  # takes the width that is left, cut with "…"
    fold: int | None = None  # at most this wide: wrapped on a terminal, cut with "…" in a pipe
    right: bool = False


@dataclass
class Block:
    """One titled table with an optional line under it."""

    title: str
    columns: list[Column]
    rows: list[list[str]]
    styles: list[str] = field(default_factory=list)  # a Rich style per row
    footer: str = ""


def use_rich() -> bool:
    """Rich tables for a person at a terminal; FORCE_COLOR asks for them anywhere."""
    return sys.stdout.isatty() or bool(os.environ.get("FORCE_COLOR"))


def terminal_width() -> int:
    return shutil.get_terminal_size((120, 24)).columns


def console_to_string() -> tuple[Console, io.StringIO]:
    """Colour only on a terminal and never with NO_COLOR; width from the terminal or COLUMNS."""
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=terminal_width(),
        force_terminal=use_rich() and not os.environ.get("NO_COLOR"),
        no_color=bool(os.environ.get("NO_COLOR")),  # no-color.org: set and not empty
        highlight=False,
        emoji=False,
    )
    return console, buffer


def render_blocks(header: str, blocks: list[Block]) -> str:
    return _rich(header, blocks) if use_rich() else _plain(header, blocks)


def _rich(header: str, blocks: list[Block]) -> str:
    from rich.table import Table

    console, buffer = console_to_string()
    if header:
        console.print(header, style="bold")
    for block in blocks:
        table = Table(title=block.title, title_justify="left", expand=True, pad_edge=False)
        for column in block.columns:
            table.add_column(
                column.header,
                no_wrap=column.fold is None,
                overflow="ellipsis" if column.flexible else "fold",
                ratio=1 if column.flexible else None,
                min_width=16 if column.flexible else None,
                max_width=column.fold,
                justify="right" if column.right else "left",
            )
        for index, row in enumerate(block.rows):
            style = block.styles[index] if index < len(block.styles) else ""
            table.add_row(*row, style=style)
        console.print(table)
        if block.footer:
            console.print(block.footer)
    return buffer.getvalue()


def _plain(header: str, blocks: list[Block]) -> str:
    out = [header] if header else []
    for block in blocks:
        out += ["", block.title] if out else [block.title]
        out += fit_columns(block.columns, block.rows)
        if block.footer:
            out.append(block.footer)
    return "\n".join(out) + "\n"


def _cells(ch: str) -> int:
    import unicodedata

    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def width(text: str) -> int:
    """Terminal cells: combining marks take none, East Asian wide characters two."""
    if text.isascii():
        return len(text)
    cells = 0
    for ch in text:  # NFC Vietnamese and its punctuation: one cell each, no lookup needed
        plain = ch < "\u0300" or "\u0370" <= ch < "\u1100" or "\u1e00" <= ch < "\u2e80"
        cells += 1 if plain else _cells(ch)
    return cells


def clip(text: str, room: int) -> str:
    """The text cut to `room` cells, with an ellipsis when anything was cut."""
    if width(text) <= room:
        return text
    used = 0
    for index, ch in enumerate(text):
        used += _cells(ch)
        if used > room - 1:
            return text[:index].rstrip() + "…"
    return text


def fit_columns(columns: list[Column], rows: list[list[str]]) -> list[str]:
    """Columns two spaces apart; flexible ones share what the terminal leaves."""
    widths = [max([width(c.header)] + [width(r[i]) for r in rows]) for i, c in enumerate(columns)]
    widths = [min(w, c.fold) if c.fold else w for w, c in zip(widths, columns, strict=True)]
    flexible = [i for i, c in enumerate(columns) if c.flexible]
    fixed = sum(w for i, w in enumerate(widths) if i not in flexible) + 2 * (len(columns) - 1)
    room = max(16, (terminal_width() - fixed) // max(1, len(flexible)))
    for i in flexible:
        widths[i] = min(widths[i], room)
    lines = []
    for cells in [[c.header for c in columns], ["─" * w for w in widths], *rows]:
        parts = []
        for cell, column, size in zip(cells, columns, widths, strict=True):
            text = clip(cell, size)
            pad = " " * (size - width(text))
            parts.append(pad + text if column.right else text + pad)
        lines.append("  ".join(parts).rstrip())
    return lines
