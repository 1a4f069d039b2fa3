"""One problem type for every finding, from a bad byte to a dangling reference (yamllint-style)."""

from __future__ import annotations

from typing import Literal

from .values import Record, record

Severity = Literal["error", "warning"]


@record
class Problem(Record):
    """A finding at a position in a file. Sorts by file, line, column, code."""

    file: str
    line: int
    column: int
    code: str
    message: str
    hint: str = ""
    severity: Severity = "error"

    def __lt__(self, other: Problem) -> bool:
        return (self.file, self.line, self.column, self.code) < (
            other.file, other.line, other.column, other.code
        )  # fmt: skip

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
        }
        if self.hint:
            data["hint"] = self.hint
        return data


class UsageError(Exception):
    """The command was used wrongly (exit 2): a bad option value, no registry, unknown unit."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
