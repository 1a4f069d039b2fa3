"""Round-trip edits change only what they mean to: a diff of the file shows the intended lines
and nothing else, on every file of the shipped registry and on files written by hand."""

from __future__ import annotations

import difflib

import pytest

from conftest import REPO
from hnqt.editing import Append, Put, edit_text, indentation
from hnqt.problems import UsageError

DATA_FILES = sorted((REPO / "data").rglob("*.yaml"))
TASK_FILES = [path for path in DATA_FILES if path.parent.name == "tasks"]
ENTRY = {"date": "2026-11-30", "year": 2026, "by": "Sở Y tế", "note": "Đã gửi báo cáo",
         "done": True}  # fmt: skip

HAND_WRITTEN = """\
# yaml-language-server: $schema=../../../../schemas/task.schema.json
# Ghi chú của người soạn: giữ nguyên.
code: 'I.2'   # mã theo Phụ lục II

title: >-
  Nhiệm vụ viết gấp dòng
lead: [Sở Y tế, "Sở Công Thương"]
deadline: Hàng năm
progress:
    -   date: "2025-11-01"   # ngày gửi
        note: Đã làm
        # ghi chú giữa danh sách
notes: null
"""


def changed_lines(old: str, new: str) -> tuple[list[str], list[str]]:
    """(lines removed, lines added) between two texts."""
    removed, added = [], []
    matcher = difflib.SequenceMatcher(a=old.splitlines(), b=new.splitlines(), autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag != "equal":
            removed += old.splitlines()[a1:a2]
            added += new.splitlines()[b1:b2]
    return removed, added


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_a_file_edited_with_no_change_comes_back_byte_identical(path):
    text = path.read_text(encoding="utf-8")
    assert edit_text(text, [], "x.yaml") == text


@pytest.mark.parametrize("path", TASK_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_a_progress_entry_on_any_shipped_task_adds_its_lines_only(path):
    text = path.read_text(encoding="utf-8")
    new = edit_text(text, [Append(("progress",), ENTRY)], "x.yaml")
    removed, added = changed_lines(text, new)
    assert removed == []
    assert added[-5:] == [
        '  - date: "2026-11-30"',
        "    year: 2026",
        '    by: "Sở Y tế"',
        '    note: "Đã gửi báo cáo"',
        "    done: true",
    ]
    assert added[:-5] in ([], ["progress:"])


def test_a_hand_written_file_keeps_comments_quotes_blank_lines_and_its_indentation():
    new = edit_text(HAND_WRITTEN, [Append(("progress",), {"date": "2026-01-05", "note": "Xong"})],
                    "x.yaml")  # fmt: skip
    removed, added = changed_lines(HAND_WRITTEN, new)
    assert removed == []
    # The file's own indentation (4 before the dash, 4 after it) is followed.
    assert added == ['    -   date: "2026-01-05"', '        note: "Xong"']
    assert new.index('note: "Xong"') < new.index("notes: null")


def test_a_long_vietnamese_line_is_not_folded():
    title = "Tổ chức triển khai hiệu quả " * 40
    text = f'code: "I.2"\ntitle: "{title}"\nlead: ["Sở Y tế"]\ndeadline: "2026"\n'
    new = edit_text(text, [Append(("progress",), {"date": "2026-01-05"})], "x.yaml")
    assert f'title: "{title}"\n' in new
    assert changed_lines(text, new)[0] == []


def test_a_deadline_gets_its_awaited_document_on_its_own_lines():
    text = 'code: "V.19"\ntitle: "T"\nlead: ["Sở Y tế"]\ndeadline: "Khi Bộ Y tế ban hành"\n' \
           'source: {file: "a.txt"}\n'  # fmt: skip
    value = {"text": "Khi Bộ Y tế ban hành", "event": {"date": "2026-03-02", "document": "Số 1"}}
    new = edit_text(text, [Put(("deadline",), value)], "x.yaml")
    removed, added = changed_lines(text, new)
    assert removed == ['deadline: "Khi Bộ Y tế ban hành"']
    assert added == [
        "deadline:",
        '  text: "Khi Bộ Y tế ban hành"',
        "  event:",
        '    date: "2026-03-02"',
        '    document: "Số 1"',
    ]


def test_a_new_key_goes_where_the_fields_order_puts_it():
    text = 'text: "Khi có"\ndays_after: 30\n'
    order = ("text", "event", "days_after")
    new = edit_text(text, [Put(("event",), {"date": "2026-03-02"}, order)], "x.yaml")
    assert new == 'text: "Khi có"\nevent:\n  date: "2026-03-02"\ndays_after: 30\n'


def test_an_empty_inline_list_grows_into_a_block_list():
    text = 'code: "I.2"\nprogress: []\n'
    new = edit_text(text, [Append(("progress",), {"date": "2026-01-05"})], "x.yaml")
    assert new == 'code: "I.2"\nprogress:\n  - date: "2026-01-05"\n'


def test_text_is_written_in_nfc():
    decomposed = "Sở Y tế".replace("ở", "o\u031b\u0309")
    new = edit_text(
        'code: "I.2"\n', [Append(("progress",), {"date": "2026-01-05", "by": decomposed})], "x.yaml"
    )
    assert 'by: "Sở Y tế"' in new


@pytest.mark.parametrize("text", ['code: "I.2\n', "code: [\n", "a: 1\na: 2\n"])
def test_a_file_with_a_syntax_error_is_not_edited(text):
    with pytest.raises(UsageError) as raised:
        edit_text(text, [Append(("progress",), {"date": "2026-01-05"})], "x.yaml")
    assert "lỗi cú pháp" in raised.value.message and "hnqt validate" in raised.value.hint


def test_an_edit_that_would_change_other_data_is_refused(monkeypatch):
    import hnqt.editing

    monkeypatch.setattr(hnqt.editing, "applied", lambda data, changes: {"khác": 1})
    with pytest.raises(UsageError, match="giữ nguyên phần còn lại"):
        edit_text('code: "I.2"\n', [Put(("title",), "T")], "x.yaml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a:\n  b: 1\nc:\n  - 1\n", (2, 4, 2)),
        ("a:\n    b: 1\nc:\n- 1\n", (4, 2, 0)),
        ("a:\n  -   b: 1\n", (2, 6, 2)),
        ("a: 1\n", (2, 4, 2)),
        ("units:\n  # --- nhóm ---\n  - id: x\n    name: y\n", (2, 4, 2)),
    ],
)
def test_indentation_is_read_from_the_file(text, expected):
    assert indentation(text) == expected
