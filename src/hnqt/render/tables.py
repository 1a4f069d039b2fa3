"""Tables for people: aligned columns, two spaces apart, no frame.

On a terminal long cells wrap and rows are coloured (overdue in red); through a pipe a row is
one line, whole unless COLUMNS asks for a width, and there is no colour, as `ls`, `git` and
`gh` do. Styles are named as in Rich ("bold red") but written as the few SGR codes they mean:
importing Rich's Table, Console or even `rich.style` costs more than `hnqt due` may spend in
all (DESIGN §5: 1.5× `python -c "import typer, rich"`). Widths are Rich's (`rich.cells`, ~1 ms
after Typer): zero-width and combining characters take no cell, wide symbols two.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field

from .safe import visible


@dataclass
class Column:
    header: str
    flexible: bool = False  # takes the width the terminal leaves: wrapped, or cut with "…"
    fold: int | None = None  # at most this wide on a terminal: wrapped, or cut with "…"
    right: bool = False


@dataclass
class Block:
    """One titled table with an optional line under it."""

    title: str
    columns: list[Column]
    rows: list[list[str]]
    styles: list[str] = field(default_factory=list)  # a style per row ("bold red"), see paint
    footer: str = ""


_TO_FILE: ContextVar[bool] = ContextVar("to_file", default=False)


@contextlib.contextmanager
def to_file() -> Iterator[None]:
    """Render for a file (`-o FILE`): the pipe's form, no colour, whatever stdout is."""
    token = _TO_FILE.set(True)
    try:
        yield
    finally:
        _TO_FILE.reset(token)


def for_a_person() -> bool:
    """Output read at a terminal; FORCE_COLOR asks for that form anywhere but in a file."""
    if _TO_FILE.get():
        return False
    return sys.stdout.isatty() or bool(os.environ.get("FORCE_COLOR"))


def colour_wanted() -> bool:
    """NO_COLOR (no-color.org: set and not empty) wins, then FORCE_COLOR, then the terminal;
    on Windows only where the console understands colour codes."""
    if os.environ.get("NO_COLOR") or _TO_FILE.get():
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if not sys.stdout.isatty() or os.environ.get("TERM") == "dumb":
        return False
    if sys.platform == "win32":
        _windows_console_takes_colour()
    return True


def _windows_console_takes_colour() -> None:
    """A Windows console shows colour codes as text until asked: colorama turns them on
    (Windows 10 and later) or translates them for an older console."""
    import colorama

    colorama.just_fix_windows_console()


def terminal_width() -> int:
    return shutil.get_terminal_size((120, 24)).columns


def _room() -> int | None:
    """The width to fit: the terminal's, or COLUMNS when set; a pipe is not a screen, so
    without COLUMNS nothing is cut there."""
    if for_a_person() or os.environ.get("COLUMNS", "").isdigit():
        return terminal_width()
    return None


def nothing_found(header: str, what: str) -> str:
    """What an empty result says instead of an empty frame."""
    return (f"{header}\n" if header else "") + f"Không có {what} theo điều kiện đã chọn.\n"


def render_blocks(header: str, blocks: list[Block]) -> str:
    """The tables as text: wrapped and styled for a person, one line a row for a pipe; registry
    text shows its control characters instead of sending them (`safe.visible`)."""
    person = for_a_person()
    lines: list[tuple[str, str]] = [(visible(header), "bold")] if header else []
    for block in blocks:
        if lines:
            lines.append(("", ""))
        lines.append((visible(block.title), "bold"))
        rows = [[visible(cell) for cell in row] for row in block.rows]
        head, rule, *fitted = fit_columns(block.columns, rows, wrap_cells=person)
        lines += [(line, "bold") for line in head] + [(line, "dim") for line in rule]
        for index, row in enumerate(fitted):
            style = block.styles[index] if index < len(block.styles) else ""
            lines += [(line, style) for line in row]
        if block.footer:
            lines.append((visible(block.footer), ""))
    colour = colour_wanted()
    return "".join((paint(line, style) if colour else line) + "\n" for line, style in lines)


_SGR = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "cyan": "36"}


def paint(text: str, style: str) -> str:
    """The text in a style made of the words of `_SGR` ("bold red"); empty text stays empty."""
    if not style or not text:
        return text
    codes = ";".join(_SGR[word] for word in style.split())
    return f"\x1b[{codes}m{text}\x1b[0m"


def width(text: str) -> int:
    """Terminal cells, as Rich counts them (`rich.cells.cell_len`)."""
    if text.isascii():
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


def clip(text: str, room: int) -> str:
    """The text cut to `room` cells, with an ellipsis when anything was cut."""
    if width(text) <= room:
        return text
    end = 0
    while width(text[: end + 1]) <= room - 1:
        end += 1
    return text[:end].rstrip() + "…"


def wrap(text: str, room: int) -> list[str]:
    """The text broken at spaces into lines of at most `room` cells (`textwrap` counts
    characters, not cells); a word longer than a line is split across lines, never cut."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        joined = f"{line} {word}" if line else word
        if width(joined) <= room:
            line = joined
            continue
        if line:
            lines.append(line)
        pieces = _split_word(word, room)
        lines += pieces[:-1]
        line = pieces[-1]
    return [*lines, line] if line or not lines else lines


def _split_word(word: str, room: int) -> list[str]:
    pieces, piece = [], ""
    for ch in word:
        if piece and width(piece + ch) > room:
            pieces.append(piece)
            piece = ""
        piece += ch
    return [*pieces, piece]


def fit_columns(
    columns: list[Column], rows: list[list[str]], *, wrap_cells: bool = False
) -> list[list[str]]:
    """The header, its rule and each row as lines: columns two spaces apart, flexible ones
    sharing what the terminal leaves. A row is one line, cut with "…" where it meets the
    width, or with `wrap_cells` as many lines as its longest cell needs."""
    widths = [max([width(c.header)] + [width(r[i]) for r in rows]) for i, c in enumerate(columns)]
    total = _room()
    if total is not None:
        widths = [min(w, c.fold) if c.fold else w for w, c in zip(widths, columns, strict=True)]
        flexible = [i for i, c in enumerate(columns) if c.flexible]
        fixed = sum(w for i, w in enumerate(widths) if i not in flexible) + 2 * (len(columns) - 1)
        room = max(16, (total - fixed) // max(1, len(flexible)))
        for i in flexible:
            widths[i] = min(widths[i], room)
    header = [c.header for c in columns]
    out = []
    for number, cells in enumerate([header, ["─" * w for w in widths], *rows]):
        if wrap_cells and number > 1:
            parts = [wrap(cell, size) for cell, size in zip(cells, widths, strict=True)]
        else:
            parts = [[clip(cell, size)] for cell, size in zip(cells, widths, strict=True)]
        lines = []
        for line_number in range(max(len(part) for part in parts)):
            pieces = []
            for part, column, size in zip(parts, columns, widths, strict=True):
                text = part[line_number] if line_number < len(part) else ""
                pad = " " * (size - width(text))
                pieces.append(pad + text if column.right else text + pad)
            lines.append("  ".join(pieces).rstrip())
        out.append(lines)
    return out
