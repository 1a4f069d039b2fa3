"""Calendars checked against RFC 5545 itself, on the bytes written: CRLF line ends, lines folded
at 75 octets without splitting a character, TEXT escaping, the properties each component must
have, all-day events with an exclusive end, DTSTAMP in UTC, stable UIDs, a SEQUENCE that rises
when the files behind an item change, reminders, and undated items kept in a note."""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hnqt.cli import app
from hnqt.loading import load
from hnqt.queries import DueQuery, due, find_unit
from hnqt.render.dueview import DueView
from hnqt.render.ics import render_calendar

AS_OF = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 8, 30, 15, tzinfo=UTC)
ODD = 'Họp, bàn; ký kết \\ "thỏa thuận"\nvới đối tác'  # every character TEXT must escape
BELL = "Chuông\x07 và\x1b[31m mã màu"  # control characters TEXT cannot hold
TASKS = {
    "data/plans/kh-test/tasks/I-2.yaml": 'code: "I.2"\ntitle: '
    + __import__("json").dumps(ODD)
    + '\nlead: ["Sở Y tế"]\ndeadline: "Quý II/2027"\n',
    "data/plans/kh-test/tasks/I-4.yaml": 'code: "I.4"\ntitle: "Chuông\\x07 và\\e[31m mã màu"\n'
    'lead: ["Sở Y tế"]\ndeadline: "2027"\n',
    "data/plans/kh-test/tasks/I-3.yaml": 'code: "I.3"\ntitle: "Việc thường xuyên"\n'
    'lead: ["Sở Y tế", "Sở Công Thương"]\ndeadline: "Thường xuyên"\n',
}


def calendar(root: Path, **options: object) -> str:
    registry = load(root, use_cache=False)
    query = DueQuery(AS_OF, find_unit(registry, "Sở Y tế"))
    view = DueView.of(registry, query, due(registry, query), **options)
    return render_calendar(view, now=NOW)


def lines(text: str) -> list[str]:
    """Content lines, unfolded (RFC 5545 §3.1)."""
    assert text.endswith("\r\n")
    return re.sub(r"\r\n[ \t]", "", text).removesuffix("\r\n").split("\r\n")


def components(text: str, name: str) -> list[list[str]]:
    """The property lines of each component `name` (not those of components inside it)."""
    found: list[list[str]] = []
    current: list[str] | None = None
    depth = 0
    for line in lines(text):
        if line == f"BEGIN:{name}":
            current, depth = [], 0
        elif line == f"END:{name}" and current is not None:
            found.append(current)
            current = None
        elif current is not None and line.startswith(("BEGIN:", "END:")):
            depth += 1 if line.startswith("BEGIN:") else -1
        elif current is not None and depth == 0:
            current.append(line)
    return found


def values(component: list[str], name: str) -> list[str]:
    return [line.split(":", 1)[1] for line in component if re.match(rf"{name}[;:]", line)]


def unescape(text: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], text)


@pytest.fixture
def root(make_registry) -> Path:
    return make_registry(TASKS)


def test_lines_end_in_crlf_and_fold_at_75_octets_without_splitting_a_character(root):
    raw = calendar(root).encode("utf-8")
    assert b"\n" not in raw.replace(b"\r\n", b"")  # no bare LF, no bare CR
    physical = raw.split(b"\r\n")[:-1]
    assert max(len(line) for line in physical) <= 75
    assert any(len(line) > 70 for line in physical)  # long Vietnamese text did get folded
    for line in physical:
        line.decode("utf-8")  # a fold never falls inside a multi-octet character


def test_text_values_escape_backslash_semicolon_comma_and_newline(root):
    (event,) = [e for e in components(calendar(root), "VEVENT") if "I.2" in values(e, "UID")[0]]
    (summary,) = values(event, "SUMMARY")
    assert re.search(r"(?<!\\)[,;]", summary.replace("\\\\", "")) is None  # none left bare
    assert "\\," in summary and "\\;" in summary and "\\\\" in summary
    assert unescape(summary) == f"kh-test/I.2: {ODD.splitlines()[0]}"  # the title's first line
    (description,) = values(event, "DESCRIPTION")
    assert "\\n" in description and f"Nội dung: {ODD}" in unescape(description)


def test_required_properties_all_day_dates_utc_stamp_and_reminder(root):
    text = calendar(root, remind=3)
    (head,) = [lines(text)[: lines(text).index("BEGIN:VEVENT")]]
    assert head[0] == "BEGIN:VCALENDAR" and values(head, "VERSION") == ["2.0"]
    assert len(values(head, "PRODID")) == 1
    events = components(text, "VEVENT")
    assert events
    for event in events:
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SEQUENCE", "SUMMARY"):
            assert len(values(event, name)) == 1, (name, event)
        assert values(event, "DTSTAMP") == ["20261122T083015Z"]  # a date-time, in UTC
        (start,) = [line for line in event if line.startswith("DTSTART")]
        (end,) = [line for line in event if line.startswith("DTEND")]
        assert start.startswith("DTSTART;VALUE=DATE:") and end.startswith("DTEND;VALUE=DATE:")
        first = datetime.strptime(start[-8:], "%Y%m%d").date()
        assert datetime.strptime(end[-8:], "%Y%m%d").date() == first + timedelta(days=1)
    alarms = components(text, "VALARM")
    assert len(alarms) == len(events)
    for alarm in alarms:
        assert values(alarm, "ACTION") == ["DISPLAY"] and values(alarm, "TRIGGER") == ["-P3D"]
        assert values(alarm, "DESCRIPTION")
    assert "TRIGGER:-P7D" in calendar(root)  # a week ahead unless told otherwise


def test_no_status_in_titles_and_plan_code_basis_in_descriptions(root):
    from hnqt.statuses import STATUS_LABELS

    for event in components(calendar(root), "VEVENT"):
        (summary,) = values(event, "SUMMARY")
        assert not any(label in unescape(summary) for label in STATUS_LABELS.values())
        text = unescape(values(event, "DESCRIPTION")[0])
        assert "Kế hoạch: Kế hoạch thử (kh-test)" in text and "Mã: kh-test/" in text
        assert "Căn cứ: " in text


def test_undated_items_are_listed_in_a_note_not_dropped(root):
    text = calendar(root)
    (note,) = components(text, "VJOURNAL")
    for name in ("UID", "DTSTAMP"):
        assert len(values(note, name)) == 1
    assert "kh-test/I.3 (Thường xuyên; Thường xuyên): Việc thường xuyên" in unescape(
        values(note, "DESCRIPTION")[0]
    )
    assert not any("I.3" in values(e, "UID")[0] for e in components(text, "VEVENT"))


def test_uids_are_stable_and_sequence_rises_when_a_file_changes(root):
    def by_uid(text: str) -> dict[str, int]:
        return {
            values(e, "UID")[0]: int(values(e, "SEQUENCE")[0]) for e in components(text, "VEVENT")
        }

    first = by_uid(calendar(root))
    assert by_uid(calendar(root)) == first
    task = root / "data/plans/kh-test/tasks/I-2.yaml"
    later = task.stat().st_mtime + 120
    task.write_text(
        task.read_text(encoding="utf-8").replace("Quý II/2027", "Quý III/2027"), encoding="utf-8"
    )
    os.utime(task, (later, later))
    second = by_uid(calendar(root))
    assert second.keys() == first.keys()
    changed = [uid for uid in first if "I.2" in uid]
    assert changed and all(second[uid] > first[uid] for uid in changed)
    assert all(second[uid] == first[uid] for uid in first if uid not in changed)


def test_export_ics_writes_one_calendar_per_unit(root, tmp_path):
    out = tmp_path / "lich"
    result = CliRunner().invoke(
        app,
        [
            "export",
            "ics",
            "--all-units",
            "-o",
            str(out),
            "--as-of",
            "22/11/2026",
            "--registry",
            str(root),
        ],
    )
    assert result.exit_code == 0, result.output
    names = sorted(path.name for path in out.iterdir())
    assert "so-y-te.ics" in names and "so-cong-thuong.ics" in names
    text = (out / "so-y-te.ics").read_bytes().decode("utf-8")
    assert "X-WR-CALNAME:hnqt — Sở Y tế" in text
    assert all(
        "/so-y-te@hnqt" in uid for e in components(text, "VEVENT") for uid in values(e, "UID")
    )
    both = CliRunner().invoke(
        app,
        ["export", "ics", "--all-units", "--so", "SYT", "-o", str(out), "--registry", str(root)],
    )
    assert both.exit_code == 2 and "không dùng cùng nhau" in both.output


def test_a_calendar_with_nothing_in_it_still_holds_a_component(root):
    registry = load(root, use_cache=False)
    query = DueQuery(AS_OF, find_unit(registry, "Sở Tài chính"))
    text = render_calendar(DueView.of(registry, query, due(registry, query)), now=NOW)
    (note,) = components(text, "VJOURNAL")
    assert values(note, "SUMMARY") == ["Việc không có ngày (0)"]
    assert not components(text, "VEVENT")


def test_control_characters_are_shown_as_pictures_not_written(root):
    text = calendar(root)
    (event,) = [e for e in components(text, "VEVENT") if "I.4" in values(e, "UID")[0]]
    assert values(event, "SUMMARY") == ["kh-test/I.4: Chuông␇ và␛[31m mã màu"]
    assert "\x07" not in text and "\x1b" not in text
