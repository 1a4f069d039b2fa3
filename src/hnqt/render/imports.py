"""What `hnqt import` says: every row it could not take (table, row, column, why, how to fix),
then each file it wrote, would write (`--dry-run`) or changed, field by field."""

from __future__ import annotations

from ..importing.tasks import Change, Outcome
from ..tasktext import flow

_SHOWN = 90  # characters of a changed value shown in the report


def render_outcome(outcome: Outcome, source: str, *, table_word: str, mode: str) -> str:
    """`mode`: "dry-run" (nothing written), "written", or "refused" (errors, nothing written)."""
    lines = [_summary(outcome, source, table_word)]
    for found in sorted(
        outcome.problems, key=lambda p: (p.table, p.problem.line, p.problem.column)
    ):
        problem = found.problem
        place = f"{table_word} {found.table}, dòng {problem.line}"
        if found.heading:
            place += f", cột {problem.column} “{found.heading}”"
        level = "lỗi" if problem.is_error else "cảnh báo"
        lines.append(f"{place}: {level} {problem.code}: {problem.message}")
        if problem.hint:
            lines.append(f"    gợi ý: {problem.hint}")
    if outcome.new_sections:
        lines.append("Các mục sau có trong bảng nhưng chưa có trong plan.yaml; thêm vào sections:")
        lines.extend(
            f"  - {flow({'code': code, 'title': title})}" for code, title in outcome.new_sections
        )
    bad = outcome.bad_rows()
    good = outcome.good()
    if mode == "refused":
        lines.append(
            f"Không ghi tệp nào: {len(bad)} dòng có lỗi. Sửa bảng rồi nhập lại, hoặc dùng "
            f"--partial để ghi {len(good)} nhiệm vụ không lỗi."
        )
        return "\n".join(lines) + "\n"
    verbs = ("sẽ tạo", "sẽ sửa") if mode == "dry-run" else ("đã tạo", "đã sửa")
    unchanged = 0
    for planned in good:
        if planned.before is None:
            lines.append(f"{verbs[0]} {planned.rel}")
            if mode == "dry-run":
                lines.extend(f"    {line}" for line in planned.text.rstrip("\n").split("\n"))
        elif planned.changes:
            lines.append(f"{verbs[1]} {planned.rel}:")
            lines.extend(f"    {_change(change)}" for change in planned.changes)
        else:
            unchanged += 1
    if unchanged:
        lines.append(f"{unchanged} tệp đã có, không đổi")
    if bad:
        lines.append(f"Bỏ qua {len(bad)} dòng có lỗi (ở trên); các dòng khác {_done(mode)}.")
    return "\n".join(lines) + "\n"


def _summary(outcome: Outcome, source: str, table_word: str) -> str:
    tables = ", ".join(str(number) for number in outcome.tables)
    where = f"{table_word} {tables}" if tables else f"không có {table_word} nhiệm vụ"
    return f"{source} ({where}): {len(outcome.planned)} nhiệm vụ, kế hoạch {outcome.plan}"


def _done(mode: str) -> str:
    return "sẽ được ghi" if mode == "dry-run" else "đã ghi"


def _change(change: Change) -> str:
    if change.field == "progress" and isinstance(change.new, dict):
        return f"thêm tiến độ {change.new.get('date')}: {_short(change.new.get('note'))}"
    return f"{change.field}: {_short(change.old)} → {_short(change.new)}"


def _short(value: object) -> str:
    if value is None:
        return "(trống)"
    text = "; ".join(map(str, value)) if isinstance(value, list) else str(value)
    text = text.replace("\n", " ⏎ ")
    return f"“{text[:_SHOWN]}…”" if len(text) > _SHOWN else f"“{text}”"
