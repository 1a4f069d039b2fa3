"""Registry text is data, never control (DESIGN §6): what every renderer passes text through.

A value in a registry file can hold any character a YAML escape can write ("\\e", "\\x9b",
"\\u202e"): an escape sequence would recolour the terminal, retitle the window or hide a link
(OSC 8); a bidirectional override would show text in another order than it is; a newline would
let a value start its own line of CI output (`::error …`); a CSV cell starting with `=` would be
a formula in Excel. Here each is made visible instead, as the character's picture (␛, ␊) or as
a `\\u202e` escape, and CSV cells are neutralised as OWASP says.
"""

from __future__ import annotations

# C0 controls, DEL, C1 controls (\x9b is CSI, \x9d OSC), bidirectional marks, embeddings,
# overrides and isolates, and the Unicode line and paragraph separators: each shown as its
# picture (␛, ␊, ␡) or as a `\u202e` escape. Tables for str.translate: no regular expression
# to compile at every start (`hnqt due` has a start-up budget).
_BIDI = [0x061C, 0x200E, 0x200F, 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_ESCAPED = {code: f"\\u{code:04x}" for code in [*range(0x80, 0xA0), *_BIDI]}
_SHOWN = {**{code: chr(0x2400 + code) for code in range(0x20)}, 0x7F: "\u2421", **_ESCAPED}
_SHOWN_KEEPING_LINES = {code: shown for code, shown in _SHOWN.items() if code != 0x0A}


def visible(text: str, *, lines: bool = False) -> str:
    """The text with every control, escape and bidirectional character shown, not obeyed;
    with `lines`, newlines stay (a multi-line note in `show`)."""
    return text.translate(_SHOWN_KEEPING_LINES if lines else _SHOWN)


# A cell starting with one of these is a formula (or DDE) to Excel, LibreOffice, Sheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A CSV cell that a spreadsheet shows as text: a leading `'` before a formula start
    (OWASP's CSV injection rule), control characters shown (`cat` of the file must not obey
    them either; line breaks stay, CSV quotes them); numbers stay numbers."""
    if not isinstance(value, str):
        return value
    return ("'" if value.startswith(_FORMULA_START) else "") + visible(value, lines=True)


# JSON escapes C0 controls itself; these it writes raw, and a terminal may obey them.
_JSON_RAW = {**_ESCAPED, 0x7F: "\\u007f"}


def json_text(text: str) -> str:
    """JSON text with DEL, C1 controls and bidirectional characters written as \\u escapes
    (the same strings to a program, inert on a terminal); they can only stand inside strings."""
    return text.translate(_JSON_RAW)
