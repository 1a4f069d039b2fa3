"""Vietnamese text: NFC, whitespace, matching keys with and without diacritics, collation."""

from __future__ import annotations

import re
import unicodedata

# Punctuation ending a table cell in the sources ("Các Sở, ngành, đơn vị.") is not part of a name.
TRAILING = " .,;:"

# Vowel shapes that make distinct letters (ă â ê ô ơ ư); everything else combining is a tone.
_SHAPE_MARKS = {"\u0306", "\u0302", "\u031b"}
# Dictionary order of tones: ngang, huyền, hỏi, ngã, sắc, nặng.
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_ALPHABET = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n",
    "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
]  # fmt: skip
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def collapse(text: str) -> str:
    """NFC with runs of whitespace made one space and the ends trimmed."""
    return " ".join(nfc(text).split())


def match_key(text: str) -> str:
    """The exact matching key: NFC, case-folded, whitespace collapsed, cell punctuation dropped."""
    return nfc(collapse(text).casefold()).strip(TRAILING)


def _strip_table() -> dict[int, str]:
    """Every precomposed Latin letter with marks -> its base letters (ế -> e, đ -> d)."""
    table: dict[int, str] = {ord("đ"): "d", ord("Đ"): "D"}
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:  # Latin-1, Extended A/B, Vietnamese
        decomposed = unicodedata.normalize("NFD", chr(code))
        base = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        if base != chr(code) and base.isascii() and base:
            table[code] = base
    return table


_STRIP: dict[int, str] = {}


def plain_key(text: str) -> str:
    """The matching key without diacritics: `Sở Y tế` and `so y te` meet here."""
    if not _STRIP:  # built on first use: most runs match names exactly and never need it
        _STRIP.update(_strip_table())
    key = match_key(text).translate(_STRIP)
    if key.isascii():
        return key
    # Marks the table does not know (a letter typed with a separate combining mark).
    decomposed = unicodedata.normalize("NFD", key)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _letters(text: str) -> list[tuple[str, int]]:
    """Split text into (letter with its vowel shape, tone rank) pairs."""
    out: list[tuple[str, int]] = []
    for ch in unicodedata.normalize("NFD", text.casefold()):
        if unicodedata.combining(ch) and out:
            letter, tone = out[-1]
            if ch in _SHAPE_MARKS:
                out[-1] = (unicodedata.normalize("NFC", letter + ch), tone)
            else:
                out[-1] = (letter, _TONE_RANK.get(ch, tone))
        else:
            out.append((ch, 0))
    return out


def sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """Vietnamese collation: letters by the Vietnamese alphabet, then tones, then case."""
    pairs = _letters(collapse(text))
    primary = tuple(
        _LETTER_RANK[letter] + 0x10000 if letter in _LETTER_RANK else ord(letter[0])
        for letter, _ in pairs
    )
    return primary, tuple(tone for _, tone in pairs), text


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman(text: str) -> int | None:
    if not text or any(ch not in _ROMAN for ch in text):
        return None
    total = 0
    for ch, following in zip(text, [*text[1:], ""], strict=True):
        value = _ROMAN[ch]
        total += -value if following and _ROMAN[following] > value else value
    return total


def code_key(code: str) -> tuple[tuple[int, int | str], ...]:
    """Task codes in document order: I.2 < I.10 < II.1 < VII.9; then words (`khac`)."""
    parts: list[tuple[int, int | str]] = []
    for part in re.split(r"[.\-]", code):
        number = int(part) if part.isdigit() else _roman(part)
        parts.append((0, number) if number is not None else (1, part))
    return tuple(parts)
