"""The canonical layout: one form per content, comments kept, the data never changed (but for
staff-typed unit names), and formatting twice changes nothing (a property test)."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO
from hnqt.formatting import FormatError, format_text
from hnqt.layout import classify
from hnqt.yamlio import parse

DATA_FILES = sorted((REPO / "data").rglob("*.yaml"))
UNITS = {"SYT": "Sở Y tế", "so du lich": "Sở Du lịch", "Sở Y tế": "Sở Y tế"}


def fmt(text: str, kind: str | None = "task") -> str:
    return format_text(text, "x.yaml", kind, UNITS.get)


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_shipped_file_formats_to_the_same_data_and_stays_put(path):
    text = path.read_text(encoding="utf-8")
    kind = classify(tuple(path.relative_to(REPO / "data").parts))
    once = format_text(text, "x.yaml", kind)
    assert parse(once, "x")[0].data == parse(text, "x")[0].data
    assert format_text(once, "x.yaml", kind) == once


def test_the_shipped_data_is_formatted():
    """`hnqt fmt --check` passes on data/ as shipped (staff keep it so through CI)."""
    for path in DATA_FILES:
        text = path.read_text(encoding="utf-8")
        kind = classify(tuple(path.relative_to(REPO / "data").parts))
        assert format_text(text, "x.yaml", kind) == text, path


def test_keys_follow_the_schema_and_comments_stay_with_their_keys():
    text = (
        "# yaml-language-server: $schema=../../../../schemas/task.schema.json\n"
        "\n\n"
        "deadline: Hàng năm   # như văn bản\n"
        "# người chủ trì\n"
        "lead: [SYT]\n"
        "extra: 1\n"
        "code: 'I.2'\n"
        "title: >-\n  Một nhiệm vụ\n  viết gấp dòng\n"
        "progress:\n"
        "    -   note: Đã làm   \n"
        "        date: 2026-01-05\n"
        "        # ghi chú cuối\n"
    )
    assert fmt(text) == (
        "# yaml-language-server: $schema=../../../../schemas/task.schema.json\n"
        "\n"
        'code: "I.2"\n'
        'title: "Một nhiệm vụ viết gấp dòng"\n'
        "# người chủ trì\n"
        'lead: ["SYT"]\n'
        'deadline: "Hàng năm"  # như văn bản\n'
        "progress:\n"
        '  - date: "2026-01-05"\n'
        '    note: "Đã làm"\n'
        "extra: 1\n"
        "# ghi chú cuối\n"
    )


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("no", '"no"'),  # text here (YAML 1.2 core): kept as text, now unmistakably
        ("1:30", '"1:30"'),
        ("0243", '"0243"'),  # a leading zero is text, never a number
        ("12", "12"),
        ("-3", "-3"),
        ("1.50", "1.50"),
        ("true", "true"),
        ("~", "null"),
        ("''", '""'),
        ("'it''s'", '"it\'s"'),
        ('"a\\tb"', '"a\\tb"'),
        ('"dòng một\\ndòng hai"', '"dòng một\\ndòng hai"'),
        ("|\n  a\n  b\n", '"a\\nb\\n"'),
    ],
)
def test_scalars_are_written_one_way_without_changing_what_they_mean(value, written):
    out = fmt(f"notes: {value}\n", kind=None)
    assert out == f"notes: {written}\n"
    assert parse(out, "x")[0].data == parse(f"notes: {value}\n", "x")[0].data


def test_nfc_lf_final_newline_no_trailing_space_and_one_blank_line():
    decomposed = "Sở Y tế".replace("ở", "o\u031b\u0309")
    text = f'code: "I.2"   \n\n\n\ntitle: "{decomposed}"'
    from hnqt.yamlio import _Reader, decode

    out = fmt(decode(text.replace("\n", "\r\n").encode(), _Reader("x")))
    assert out == 'code: "I.2"\n\ntitle: "Sở Y tế"\n'


def test_a_staff_typed_unit_is_written_canonically_a_transcribed_one_is_not():
    text = 'code: "I.2"\nlead: ["SYT"]\nprogress:\n  - date: "2026-01-05"\n    by: "so du lich"\n'
    out = fmt(text)
    assert 'lead: ["SYT"]' in out
    assert 'by: "Sở Du lịch"' in out
    reports = 'reports:\n  - unit: "SYT"\n    year: 2026\n    date: "2026-11-10"\n'
    assert 'unit: "Sở Y tế"' in format_text(reports, "x", "reports", UNITS.get)


def test_flow_or_block_stays_as_the_author_chose():
    text = 'source: {"ref": "Phụ lục II", file: "a.txt"}\nlead:\n  - "Sở Y tế"\n'
    assert fmt(text) == 'lead:\n  - "Sở Y tế"\nsource: {file: "a.txt", ref: "Phụ lục II"}\n'


@pytest.mark.parametrize("text", ['code: "I.2\n', "a: 1\na: 2\n", "a: &x 1\nb: *x\n", ""])
def test_a_file_that_does_not_read_is_not_formatted(text):
    with pytest.raises(FormatError):
        fmt(text)


# --- the property: any readable file formats to the same data, and a second pass changes nothing

KEYS = st.sampled_from(["code", "title", "lead", "deadline", "progress", "by", "date", "note",
                        "x", "Khóa", "yes", "a b"])  # fmt: skip
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=8)
WORDS = st.sampled_from(["Sở Y tế", "SYT", "no", "1:30", "# không phải chú thích"])
SCALARS = st.one_of(TEXT, st.integers(-5, 3000), st.booleans(), st.none(), WORDS)
TREES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(KEYS, inner, max_size=3)),
    max_leaves=10,
)
COMMENTS = st.lists(st.sampled_from(["# một", "# hai: ba", "#"]), max_size=2)


def _block(value: object, indent: int, flow_lists: bool) -> list[str]:
    """A tree as block YAML (lists of scalars inline when asked), values as JSON."""
    lines: list[str] = []
    pad = " " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            if (
                isinstance(item, dict | list)
                and item
                and not (flow_lists and isinstance(item, list))
            ):
                lines.append(f"{pad}{json.dumps(key, ensure_ascii=False)}:")
                lines += _block(item, indent + 2, flow_lists)
            else:
                lines.append(f"{pad}{json.dumps(key, ensure_ascii=False)}: "
                             f"{json.dumps(item, ensure_ascii=False)}")  # fmt: skip
    else:
        assert isinstance(value, list)
        for item in value:
            if isinstance(item, dict | list) and item:
                inner = _block(item, indent + 2, flow_lists)
                lines.append(f"{pad}- {inner[0].lstrip()}")
                lines += inner[1:]
            else:
                lines.append(f"{pad}- {json.dumps(item, ensure_ascii=False)}")
    return lines


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    tree=st.dictionaries(KEYS, TREES, min_size=1, max_size=4),
    flow_lists=st.booleans(),
    comments=st.lists(st.tuples(st.integers(0, 12), COMMENTS, st.booleans()), max_size=3),
    kind=st.sampled_from(["task", "reports", None]),
)
def test_formatting_keeps_the_data_and_every_comment_and_is_idempotent(tree, flow_lists,
                                                                       comments, kind):  # fmt: skip
    lines = _block(tree, 0, flow_lists)
    for where, texts, trailing in comments:
        at = min(where, len(lines))
        for comment in texts:
            if trailing and at < len(lines) and not lines[at].rstrip().endswith(":"):
                lines[at] += "  " + comment
            else:
                lines.insert(at, " " * (len(lines[at]) - len(lines[at].lstrip()) if at < len(lines)
                                        else 0) + comment)  # fmt: skip
    text = "\n".join(lines) + "\n"
    doc, problems = parse(text, "x")
    if doc is None or any(p.severity == "error" for p in problems):
        return  # not a readable file (a comment where YAML does not take one)
    once = format_text(text, "x", kind, UNITS.get)
    assert format_text(once, "x", kind, UNITS.get) == once
    for _, texts, _ in comments:
        for comment in texts:
            assert comment in once
    if kind is None:
        assert parse(once, "x")[0].data == doc.data


def test_a_comment_on_a_key_that_moves_to_the_head_of_a_list_item_is_kept() -> None:
    """Found by the property test: `date` opens the entry in schema order, and the comment above
    it in the file goes above the dash, where YAML lets a comment stand."""
    text = 'progress:\n  - note: "x"\n    # ngày báo cáo\n    date: "2026-01-02"\n'
    once = fmt(text)
    assert once == 'progress:\n  # ngày báo cáo\n  - date: "2026-01-02"\n    note: "x"\n'
    assert fmt(once) == once
