"""Statuses and their Vietnamese labels are defined once, each status with both labels."""

from __future__ import annotations

from conftest import REPO
from hnqt.statuses import OPEN_STATUSES, SHORT_LABELS, STATUS_LABELS, STATUSES


def test_every_status_has_both_labels() -> None:
    assert tuple(STATUS_LABELS) == tuple(SHORT_LABELS) == STATUSES
    assert OPEN_STATUSES.issubset(STATUSES) and len(OPEN_STATUSES) < len(STATUSES)
    assert {"done_on_time", "done_late"}.isdisjoint(OPEN_STATUSES)


def test_labels_are_written_in_statuses_py_only() -> None:
    labels = [*STATUS_LABELS.values(), *SHORT_LABELS.values()]
    labels = [label for label in labels if label not in ("Quá hạn", "Thường xuyên")]  # prose too
    elsewhere = sorted(
        path.name
        for path in (REPO / "src" / "hnqt").rglob("*.py")
        if path.name != "statuses.py"
        and any(f'"{label}"' in path.read_text(encoding="utf-8") for label in labels)
    )
    assert elsewhere == []
