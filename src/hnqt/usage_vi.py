"""Command-line usage errors in Vietnamese: Typer (click) words them in English.

Typer 0.29 checks values with Pydantic and words three of them differently (a choice gets
"Value error, " before it; a range and an integer are Pydantic's sentences, without the value):
both wordings are understood, so the suite passes on the pinned and on the newest Typer."""

from __future__ import annotations

import re

_INVALID = r"^Invalid value for (?P<option>.+?): "
_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(_INVALID + r"(?:Value error, )?'?(?P<value>.*?)'? "
                r"is not one of (?P<choices>.*?)\.?$", re.S),
     "“{value}” không dùng được cho {option}"),
    (re.compile(_INVALID + r"(?P<value>\S+) is not in the range (?P<range>.+?)\.?$"),
     "{option}: {value} nằm ngoài khoảng cho phép ({range})"),
    (re.compile(_INVALID + r"Input should be "
                r"(?P<range>(?:greater|less) than (?:or equal to )?\S+?)\.?$"),
     "{option}: giá trị nằm ngoài khoảng cho phép ({range})"),
    (re.compile(_INVALID + r"'(?P<value>.*)' is not a valid (?:int|integer)"),
     "{option}: “{value}” không phải số nguyên"),
    (re.compile(_INVALID + r"Input should be a valid integer"),
     "{option}: giá trị không phải số nguyên"),
    (re.compile(_INVALID + r"(?P<detail>.*)$", re.S),
     "giá trị không hợp lệ cho {option}: {detail}"),
    (re.compile(r"^No such option: (?P<option>\S+)"
                r"(?: \((?:Possible options|Did you mean):? (?P<close>.*?)\??\))?$"),
     "không có tùy chọn {option}"),
    (re.compile(r"^Missing argument '(?P<argument>[^']+)'"
                r"(?:\. Choose from:(?P<choices>.*))?", re.S),
     "thiếu {argument}"),
    (re.compile(r"^Missing option '(?P<option>[^']+)'(?: / '[^']+')*\.?$"),
     "thiếu tùy chọn bắt buộc {option}"),
    (re.compile(r"^No such command '(?P<command>[^']+)'\.?"
                r"(?: Did you mean (?P<close>.+?)\?)?$"),
     "không có lệnh “{command}”"),
    (re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((?P<extra>.*)\)$"),
     "thừa đối số: {extra}"),
    (re.compile(r"^Option '(?P<option>[^']+)' requires an argument\.?$"),
     "tùy chọn {option} cần một giá trị"),
]  # fmt: skip


def _listed(text: str) -> str:
    """`'a', 'b'` or `a,\\n\\tb` -> `a, b`."""
    quoted = re.findall(r"'([^']*)'", text)
    return ", ".join(quoted or [part.strip() for part in text.split(",") if part.strip()])


def _range_vi(text: str) -> str:
    """click's `x>=0`, `1<=x<=12` and Pydantic's `greater than or equal to 0`, in words."""
    if match := re.fullmatch(r"(\S+)<=x<=(\S+)", text):
        return f"từ {match[1]} đến {match[2]}"
    if match := re.fullmatch(r"x>=(\S+)", text):
        return f"từ {match[1]} trở lên"
    if match := re.fullmatch(r"x<=(\S+)", text):
        return f"từ {match[1]} trở xuống"
    if match := re.fullmatch(r"(greater|less) than (or equal to )?(\S+)", text):
        more = match[1] == "greater"
        if match[2]:
            return f"từ {match[3]} trở {'lên' if more else 'xuống'}"
        return f"{'lớn' if more else 'nhỏ'} hơn {match[3]}"
    return text


def translate(message: str) -> tuple[str, str]:
    """(Vietnamese message, hint) for one of click's usage messages."""
    for pattern, template in _RULES:
        match = pattern.match(message.strip())
        if match is None:
            continue
        fields = {key: (value or "").strip() for key, value in match.groupdict().items()}
        if "option" in fields:
            fields["option"] = fields["option"].replace("'", "")
        if "range" in fields:
            fields["range"] = _range_vi(fields["range"])
        hint = ""
        if fields.get("choices"):
            hint = "chọn một trong: " + _listed(fields["choices"])
        elif fields.get("close"):
            hint = f"có phải {_listed(fields['close'])}?"
        return template.format(**fields), hint
    return f"cách dùng chưa đúng: {message.strip()}", ""
