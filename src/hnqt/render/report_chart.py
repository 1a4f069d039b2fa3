"""The chart of the HTML report: task statuses per lead unit as stacked bars, in inline SVG
(no script, no network: the file prints and opens anywhere)."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from ..reporting import StatLine
from ..statuses import Status

# One colour per status, printable in grey too (distinct lightness).
COLOURS: dict[Status, str] = {
    "done_on_time": "#2e7d32",
    "done_late": "#9ccc65",
    "on_track": "#1565c0",
    "overdue": "#c62828",
    "ongoing": "#8e24aa",
    "awaiting_event": "#f9a825",
    "no_deadline": "#9e9e9e",
}
LABEL_WIDTH, BAR_WIDTH, ROW, GAP = 260, 420, 22, 8


def status_chart(lines: Sequence[StatLine], columns: Sequence[tuple[Status, str]]) -> Markup:
    """Stacked horizontal bars: one row per lead unit (totals left out), then a legend."""
    rows = [line for line in lines if not line.is_total]
    widest = max((line.total for line in rows), default=0) or 1
    height = len(rows) * (ROW + GAP) + 30 + 20 * ((len(columns) + 2) // 3)
    width = LABEL_WIDTH + BAR_WIDTH + 50
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-label="Số nhiệm vụ theo trạng thái của từng đơn vị chủ trì">'
    ]
    for index, line in enumerate(rows):
        y = index * (ROW + GAP)
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + ROW * 0.7:.1f}" text-anchor="end">'
            f"{escape(line.unit)}</text>"
        )
        x = float(LABEL_WIDTH)
        for key, label in columns:
            count = line.counts[key]
            if not count:
                continue
            w = BAR_WIDTH * count / widest
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{ROW}" '
                f'fill="{COLOURS[key]}"><title>{escape(label)}: {count}</title></rect>'
            )
            x += w
        parts.append(f'<text x="{x + 6:.1f}" y="{y + ROW * 0.7:.1f}">{line.total}</text>')
    top = len(rows) * (ROW + GAP) + 10
    for index, (key, label) in enumerate(columns):
        lx, ly = (index % 3) * 230, top + (index // 3) * 20
        parts.append(
            f'<rect x="{lx}" y="{ly}" width="12" height="12" fill="{COLOURS[key]}"/>'
            f'<text x="{lx + 18}" y="{ly + 11}">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
