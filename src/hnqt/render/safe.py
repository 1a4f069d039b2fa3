"""Registry text is data, never control (DESIGN §6): what every renderer passes text through.

A value in a registry file can hold any character a YAML escape can write ("\\e", "\\x9b",
"\\u202e"): an escape sequence would recolour the terminal, retitle the window or hide a link
(OSC 8); a bidirectional override would show text in another order than it is; a newline would
let a value start its own line of CI output (`::error …`); a CSV cell starting with `=` would be
a formula in Excel. Here each is made visible instead, as the character's picture (␛, ␊) or as
a `\\u202e` escape, and CSV cells are neutralised as OWASP says.
"""

from __future__ import annotations

import re

# C0 controls, DEL, C1 controls (\x9b is CSI, \x9d OSC), bidirectional marks, embeddings,
# overrides and isolates, and the Unicode line and paragraph separators.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_UNSAFE_KEEPING_LINES = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟: the Control Pictures block
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"\\u{code:04x}"


def visible(text: str, *, lines: bool = False) -> str:
    """The text with every control, escape and bidirectional character shown, not obeyed;
    with `lines`, newlines stay (a multi-line note in `show`)."""
    pattern = _UNSAFE_KEEPING_LINES if lines else _UNSAFE
    return pattern.sub(_picture, text) if pattern.search(text) else text


# A cell starting with one of these is a formula (or DDE) to Excel, LibreOffice, Sheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A CSV cell that a spreadsheet shows as text: a leading `'` before a formula start
    (OWASP's CSV injection rule); numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


# JSON escapes C0 controls itself; these it writes raw, and a terminal may obey them.
_JSON_RAW = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_text(text: str) -> str:
    """JSON text with C1 controls and bidirectional characters written as \\u escapes (the
    same strings to a program, inert on a terminal); they can only stand inside strings."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
