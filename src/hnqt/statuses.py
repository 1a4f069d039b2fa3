"""Where an obligation stands as of a day — the kinds of the Government's task tracking — and
what users read for each: the full label (record sheets, JSON `status_label`, calendars) and
the short one (table cells, `stats` columns). Defined here once."""

from __future__ import annotations

from typing import Literal, get_args

Status = Literal[
    "done_on_time", "done_late", "on_track", "overdue", "ongoing", "awaiting_event", "no_deadline",
]  # fmt: skip
STATUSES: tuple[Status, ...] = get_args(Status)
OPEN_STATUSES: frozenset[Status] = frozenset(
    {"on_track", "overdue", "ongoing", "awaiting_event", "no_deadline"}
)
STATUS_LABELS: dict[Status, str] = {
    "done_on_time": "Hoàn thành đúng hạn",
    "done_late": "Hoàn thành quá hạn",
    "on_track": "Đang thực hiện trong hạn",
    "overdue": "Quá hạn",
    "ongoing": "Thường xuyên",
    "awaiting_event": "Chờ văn bản",
    "no_deadline": "Chưa xác định thời hạn",
}
SHORT_LABELS: dict[Status, str] = {
    "done_on_time": "Xong đúng hạn",
    "done_late": "Xong quá hạn",
    "on_track": "Trong hạn",
    "overdue": "Quá hạn",
    "ongoing": "Thường xuyên",
    "awaiting_event": "Chờ văn bản",
    "no_deadline": "Chưa có hạn",
}
