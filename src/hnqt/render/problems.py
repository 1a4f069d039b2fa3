"""How `hnqt validate` reports problems: one class per format, keyed by the CLI's choices."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence

from ..choices import ValidateFormat
from ..problems import Problem
from .data import to_json
from .safe import visible

_SEVERITY_VI = {"error": "lỗi", "warning": "cảnh báo"}


class Reporter(ABC):
    def __init__(self, problems: Sequence[Problem], files: int, strict: bool) -> None:
        self.problems = sorted(problems)
        self.files = files
        self.strict = strict
        self.errors = [p for p in self.problems if p.is_error]
        self.warnings = [p for p in self.problems if not p.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors and not (self.strict and self.warnings)

    @abstractmethod
    def render(self) -> str:
        """The whole report as one string."""


class TextReporter(Reporter):
    """`file:line:col: lỗi code: message` and a hint line, then a summary in Vietnamese."""

    def render(self) -> str:
        lines: list[str] = []
        for p in self.problems:
            # One line each, whatever a value quoted in the message holds: no value can start
            # a line of its own (a forged `::error` for CI, say).
            lines.append(
                f"{visible(p.file)}:{p.line}:{p.column}: {_SEVERITY_VI[p.severity]} {p.code}: "
                f"{visible(p.message)}"
            )
            if p.hint:
                lines.append(f"    gợi ý: {visible(p.hint)}")
        verdict = "đạt" if self.ok else "không đạt"
        strict = " (--strict: cảnh báo tính như lỗi)" if self.strict and self.warnings else ""
        lines.append(
            f"Đã kiểm tra {self.files} tệp: {len(self.errors)} lỗi, "
            f"{len(self.warnings)} cảnh báo — {verdict}{strict}."
        )
        return "\n".join(lines)


class JsonReporter(Reporter):
    def render(self) -> str:
        return to_json(
            {
                "ok": self.ok,
                "files": self.files,
                "errors": [p.to_json() for p in self.errors],
                "warnings": [p.to_json() for p in self.warnings],
            }
        )


def _escape(text: str, *, property_value: bool = False) -> str:
    """GitHub workflow-command escaping (properties also escape `:` and `,`), after control
    characters are made visible (the log viewer obeys colour and other escapes); `visible`
    leaves only the newline to escape (a carriage return is already ␍)."""
    text = visible(text, lines=True).replace("%", "%25").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


class GithubReporter(Reporter):
    """`::error file=…,line=…,col=…::…` lines: annotations on the pull request's diff."""

    def render(self) -> str:
        lines = []
        for p in self.problems:
            command = "error" if p.is_error or self.strict else "warning"
            message = f"{p.message} ({p.hint})" if p.hint else p.message
            lines.append(
                f"::{command} file={_escape(p.file, property_value=True)},line={p.line},"
                f"col={p.column},title={_escape(p.code, property_value=True)}::{_escape(message)}"
            )
        lines.append(
            f"hnqt: {self.files} tệp, {len(self.errors)} lỗi, {len(self.warnings)} cảnh báo"
        )
        return "\n".join(lines)


def left_out_note(left_out: dict[str, Problem], shown: int = 5) -> str:
    """What a command's answer leaves out, for stderr: how many files, which, and why."""
    if not left_out:
        return ""
    lines = [f"chú ý: {len(left_out)} tệp có lỗi không được tính, kết quả có thể thiếu:"]
    for rel, problem in list(left_out.items())[:shown]:
        lines.append(
            f"  {visible(rel)}:{problem.line}:{problem.column}: {visible(problem.message)}"
        )
    if len(left_out) > shown:
        lines.append(f"  … và {len(left_out) - shown} tệp khác")
    lines.append("  xem chi tiết: hnqt validate")
    return "\n".join(lines)


REPORTERS: dict[ValidateFormat, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
}
