"""`hnqt diff` for people (text), for pull-request comments (Markdown) and for programs (JSON)."""

from __future__ import annotations

from collections.abc import Callable

from ..choices import DiffFormat
from ..diffing import SECTIONS, Change
from .data import to_json
from .safe import visible

Renderer = Callable[[list[Change], str, str], str]
_MARKS = {"added": "+", "removed": "-"}


def _sections(changes: list[Change]) -> list[tuple[str, list[Change]]]:
    return [(heading, [c for c in changes if c.kind == kind]) for kind, heading in SECTIONS.items()
            if any(c.kind == kind for c in changes)]  # fmt: skip


def _short(title: str, width: int = 80) -> str:
    """A title on one line, cut at a word near `width` (the full text is in the file)."""
    line = " ".join(title.split())
    if len(line) <= width:
        return line
    return line[:width].rsplit(" ", 1)[0] + " …"


def _line(change: Change) -> str:
    said = f"{change.id} — {_short(change.title)}" if change.title else change.id
    return f"{said}: {change.detail}" if change.detail else said


def render_text(changes: list[Change], base: str, head: str) -> str:
    lines = [f"Thay đổi trong sổ đăng ký: {base} → {head}"]
    if not changes:
        lines.append("Không có thay đổi nào về nhiệm vụ, tiến độ, báo cáo hay thỏa thuận.")
    for heading, found in _sections(changes):
        lines.append(f"{heading} ({len(found)}):")
        for change in found:
            mark = _MARKS.get(change.kind.rsplit("-", 1)[-1], "~")
            lines.append(f"  {mark} {_line(change)}")
    return "\n".join(visible(line) for line in lines) + "\n"


def _md(text: str) -> str:
    """Registry text inside Markdown: no markup, no HTML, no control character, one line."""
    text = visible(text, lines=True)
    for char in "\\`*_[]<>|#":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())


def render_md(changes: list[Change], base: str, head: str) -> str:
    lines = [f"### Thay đổi trong sổ đăng ký (`{base}` → {_md(head)})", ""]
    if not changes:
        lines.append("Không có thay đổi nào về nhiệm vụ, tiến độ, báo cáo hay thỏa thuận.")
    for heading, found in _sections(changes):
        lines += [f"#### {heading} ({len(found)})", ""]
        for change in found:
            said = (
                f"**{_md(change.id)}** — {_md(_short(change.title))}"
                if change.title
                else f"**{_md(change.id)}**"
            )
            lines.append(f"- {said}" + (f": {_md(change.detail)}" if change.detail else ""))
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def render_json(changes: list[Change], base: str, head: str) -> str:
    return to_json({"base": base, "head": head, "changes": changes}) + "\n"


RENDERERS: dict[DiffFormat, Renderer] = {"text": render_text, "json": render_json, "md": render_md}
