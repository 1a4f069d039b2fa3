"""A task file's text in the registry's layout, and the field a line belongs to."""

from __future__ import annotations

from hnqt.tasktext import field_at, task_text
from hnqt.yamlio import parse


def test_the_layout_of_the_registry_files_and_it_reads_back_as_written():
    data = {
        "progress": [{"note": "Đã gửi", "date": "2026-11-20", "done": True}],
        "deadline": "Hàng năm",
        "code": "V.19",
        "title": 'Dòng một: "trích"\nDòng hai',
        "lead": ["Sở Y tế"],
        "support": [],
        "source": {"file": "nguon.txt", "ref": "Phụ lục II, V.19"},
    }
    text = task_text("data/plans/kh-x/tasks/V-19.yaml", data)
    assert text == (
        "# yaml-language-server: $schema=../../../../schemas/task.schema.json\n"
        'code: "V.19"\n'
        'title: "Dòng một: \\"trích\\"\\nDòng hai"\n'
        'lead: ["Sở Y tế"]\n'
        "support: []\n"
        'deadline: "Hàng năm"\n'
        'source: {file: "nguon.txt", ref: "Phụ lục II, V.19"}\n'
        "progress:\n"
        '  - date: "2026-11-20"\n'
        '    note: "Đã gửi"\n'
        "    done: true\n"
    )
    doc, problems = parse(text, "x.yaml")
    assert not problems and doc is not None and doc.data == data
    assert [field_at(text, line) for line in (1, 2, 9, 11)] == [
        None,
        "code",
        "progress",
        "progress",
    ]
