"""Reading one file of the registry: parse, validate, parse its deadline, check its identity.
What it yields (a FileResult) depends on that file alone, so the cache can keep it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .deadlines import Deadline, DeadlineError, parse_deadline_of
from .layout import task_file_stem, unit_names
from .model import Agreement, Partner, Plan, Task
from .problems import Problem, Severity

if TYPE_CHECKING:
    from .yamlio import Document, PathKey, Position

# Positions kept after parsing: the fields that later checks point at (other files' names).
_KEPT_FIELDS = {
    "task": {"code", "lead", "support", "deadline", "progress", "title"},
    "plan": {
        "id",
        "issuer",
        "addressees",
        "issued",
        "agreement",
        "reporting",
        "budget",
        "indicators",
        "sections",
    },
    "agreement": {"id", "partners", "follow_up", "articles", "activities", "term"},
    "partner": {"id"},
    "departments": {"units", "groups"},
    "reports": {"reports"},
}


@dataclass(eq=False)
class FileResult:
    """Everything one file contributes, computed from that file alone (what the cache keeps)."""

    rel: str
    kind: str
    record: object | None
    problems: tuple[Problem, ...]
    positions: dict[PathKey, Position] = field(default_factory=dict)
    deadline: Deadline | None = None
    # every unit name written, with its path (a factory, not a class default: a result from the
    # cache decodes it on first use, see __getattr__)
    units: tuple[tuple[PathKey, str], ...] = field(default_factory=tuple)

    def problem(self, path: PathKey, code: str, message: str, hint: str = "",
                severity: Severity = "error") -> Problem:  # fmt: skip
        """A problem at the value found at `path` in this file."""
        line, column = self.at(*path)
        return Problem(self.rel, line, column, code, message, hint, severity)

    def at(self, *path: str | int) -> Position:
        """Where a value stands, or its nearest recorded ancestor."""
        from .yamlio import nearest

        return nearest(self.positions, tuple(path))

    def plain(self) -> list[object]:
        """As JSON-able data for the cache (records stay records: the cache writes them).
        Positions and unit names, which only the cross-file checks read, go as one JSON text
        decoded when first asked for (a warm `hnqt due` never asks)."""
        from .cache import plain_json

        positions = [[list(path), line, column] for path, (line, column) in self.positions.items()]
        units = [[list(path), name] for path, name in self.units]
        details = plain_json([positions, units])
        return [self.rel, self.kind, self.record, self.problems, self.deadline, details]

    @classmethod
    def from_plain(cls, data: list[Any]) -> FileResult:
        """Back from `plain` as the cache decoded it; positions and units wait until asked."""
        rel, kind, record, problems, deadline, details = data
        if not isinstance(details, str):
            raise TypeError("details")
        result = cls.__new__(cls)
        result.__dict__.update(rel=rel, kind=kind, record=record, problems=tuple(problems),
                               deadline=deadline, _details=details)  # fmt: skip
        return result

    def __getattr__(self, name: str) -> Any:
        """`positions` or `units` of a result from the cache, decoded on first use."""
        details = self.__dict__.pop("_details", None)
        if details is None or name not in ("positions", "units"):
            raise AttributeError(name)
        import json

        positions, units = json.loads(details)
        self.positions = {tuple(path): (line, column) for path, line, column in positions}
        self.units = tuple((tuple(path), unit) for path, unit in units)
        return getattr(self, name)


def read_file(path: Path, rel: str, kind: str) -> FileResult:
    """Parse and validate one file; positions kept only where later checks need them."""
    from .yamlio import read

    return _result(*read(path, rel), rel, kind)


def read_text(text: str, rel: str, kind: str) -> FileResult:
    """What `read_file` makes of a file holding `text`: an edit (or an imported row) is checked
    by the same predicate `validate` applies, before anything is written."""
    from .yamlio import parse

    return _result(*parse(text, rel), rel, kind)


def _result(doc: Document | None, problems: list[Problem], rel: str, kind: str) -> FileResult:
    from .validation import validate

    if doc is None:
        return FileResult(rel, kind, None, tuple(problems))
    record, invalid = validate(kind, doc, rel)
    problems.extend(invalid)
    kept = _KEPT_FIELDS[kind]
    positions = {p: pos for p, pos in doc.values.items() if not p or p[0] in kept}
    result = FileResult(rel, kind, record, (), positions, units=unit_names(kind, doc.data))
    if isinstance(record, Task):
        result.deadline, deadline_problem = _deadline(record, result)
        problems.extend(deadline_problem)
    problems.extend(_identity_problems(record, rel, result))
    result.problems = tuple(problems)
    return result


def _deadline(task: Task, result: FileResult) -> tuple[Deadline | None, list[Problem]]:
    from .deadlines import ACCEPTED_FORMS

    try:
        return parse_deadline_of(task), []
    except DeadlineError as exc:
        hint = "các dạng được chấp nhận: " + "; ".join(ACCEPTED_FORMS)
        return None, [result.problem(("deadline",), "bad-deadline", str(exc), hint)]


def _identity_problems(record: object, rel: str, result: FileResult) -> list[Problem]:
    """A record's id must be the name of its file (or folder): that is how it is found."""
    parts = rel.split("/")
    stem = parts[-1].removesuffix(".yaml")
    if isinstance(record, Partner | Agreement):
        expected, got, where = stem, record.id, "id"
    elif isinstance(record, Plan):
        expected, got, where = parts[-2], record.id, "id"
    elif isinstance(record, Task):
        expected, got, where = stem, task_file_stem(record.code), "code"
    else:
        return []
    if expected == got:
        return []
    fix = f"{got}.yaml" if not isinstance(record, Plan) else f"thư mục plans/{got}/"
    # A task's code is written with dots (I.2) where its file name has hyphens (I-2.yaml).
    wanted = expected.replace("-", ".") if isinstance(record, Task) else expected
    return [
        result.problem(
            (where,),
            "id-mismatch",
            f"{where} “{getattr(record, where)}” không khớp tên tệp “{parts[-1]}”",
            f"đổi {where} thành “{wanted}” hoặc đổi tên thành {fix}",
        )
    ]
