"""What an edit tells the person who made it: what it wrote, where, and where things now stand."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..statuses import STATUS_LABELS
from .safe import visible

if TYPE_CHECKING:
    from ..recording import Outcome


def render_outcome(outcome: Outcome, as_of: date) -> str:
    lines = [f"đã {outcome.summary}", f"{outcome.rel}:"]
    lines += [f"  - {line}" for line in outcome.removed]
    lines += [f"  + {line}" for line in outcome.added]
    if outcome.status is not None:
        lines.append(f"trạng thái tính đến {as_of:%d/%m/%Y}: {STATUS_LABELS[outcome.status]}")
    for problem in outcome.warnings:
        hint = f" ({problem.hint})" if problem.hint else ""
        lines.append(f"cảnh báo: {problem.message}{hint}")
    return "\n".join(visible(line) for line in lines) + "\n"
