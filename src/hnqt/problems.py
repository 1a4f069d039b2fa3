"""One problem type for every finding, from a bad byte to a dangling reference (yamllint-style)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """A finding at a position in a file. Sorts by file, line, column, code."""

    file: str
    line: int
    column: int
    code: str
    message: str = field(compare=False)
    hint: str = field(default="", compare=False)
    severity: Severity = field(default="error", compare=False)

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
