"""A task file's text in the registry's own layout (docs/data-format.md): the schema comment,
one field per line in a fixed order, strings double-quoted, short lists and mappings in flow
style, progress entries as a block list. Imports write new task files with it: byte for byte
the layout of the files staff already have (`editing.new_text`, dumping through ruamel, writes
mappings as blocks and takes ten times as long, which a thousand-row appendix would feel)."""

from __future__ import annotations

import json

from .layout import schema_comment

TASK_FIELDS = (
    "code",
    "title",
    "lead",
    "support",
    "output",
    "deadline",
    "articles",
    "field",
    "source",
    "notes",
    "progress",
)
_PROGRESS_FIELDS = ("date", "year", "by", "note", "document", "done")


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    # A JSON string is a YAML double-quoted scalar: every character and escape means the same.
    return json.dumps(value, ensure_ascii=False)


def flow(value: object) -> str:
    """A value on one line, as the registry's files write short lists and mappings."""
    if isinstance(value, list | tuple):
        return "[" + ", ".join(flow(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {flow(item)}" for key, item in value.items()) + "}"
    return _scalar(value)


def task_text(rel: str, data: dict[str, object]) -> str:
    """The text of a task file at `rel` holding `data` (fields in the layout's order)."""
    lines = [schema_comment(rel, "task").rstrip("\n")]
    for key in (*TASK_FIELDS, *sorted(data.keys() - set(TASK_FIELDS))):
        if key not in data:
            continue
        value = data[key]
        if key == "progress" and isinstance(value, list) and value:
            lines.append("progress:")
            for entry in value:
                fields = [k for k in (*_PROGRESS_FIELDS, *entry) if k in entry]
                for index, name in enumerate(dict.fromkeys(fields)):
                    lines.append(f"  {'-' if index == 0 else ' '} {name}: {flow(entry[name])}")
        elif key == "deadline" and isinstance(value, dict):
            lines.append("deadline:")
            lines.extend(f"  {name}: {flow(item)}" for name, item in value.items())
        else:
            lines.append(f"{key}: {flow(value)}")
    return "\n".join(lines) + "\n"


def field_at(text: str, line: int) -> str | None:
    """The top-level field written at (or holding) a 1-based line of such a text."""
    lines = text.split("\n")
    for number in range(min(line, len(lines)), 0, -1):
        current = lines[number - 1]
        if current and not current[0].isspace() and not current.startswith("#"):
            return current.split(":", 1)[0]
    return None
