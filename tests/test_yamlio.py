"""Reading one YAML file safely (DESIGN §6): positions, YAML 1.2 scalars, and the bad-input
corpus, each case with its defined outcome (code and position). Files are read from disk where
the case is about bytes, and every such read leaves the file and its folder as they were."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hnqt import yamlio
from hnqt.yamlio import MAX_BYTES, MAX_DEPTH, Document

VIETNAMESE = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"


def found(problems) -> list[tuple[int, int, str]]:
    """Problems as yamllint shows them: (line, column, code), in file order."""
    return [(p.line, p.column, p.code) for p in sorted(problems)]


def vietnamese(text: str) -> bool:
    return any(ch in VIETNAMESE for ch in text.casefold())


def parse(text: str) -> tuple[Document | None, list]:
    return yamlio.parse(text, "t.yaml")


def read_raw(folder: Path, raw: bytes, name: str = "t.yaml") -> tuple[Document | None, list]:
    """Read bytes from a real file; the file and its folder are unchanged afterwards."""
    path = folder / name
    path.write_bytes(raw)
    listing = sorted(os.listdir(folder))
    doc, problems = yamlio.read(path, name)
    assert path.read_bytes() == raw
    assert sorted(os.listdir(folder)) == listing
    assert all(p.file == name for p in problems)
    return doc, problems


# --- positions ------------------------------------------------------------------------------

NESTED = """\
# yaml-language-server: $schema=../task.schema.json
code: "V.19"
lead: ["Sở Y tế", "SYT"]
progress:
  - date: "2026-11-10"
    note: "Đã báo cáo"
deadline:
  text: "Khi Bộ Ngoại giao ban hành"
"""


def test_positions_of_values_and_keys():
    doc, problems = parse(NESTED)
    assert problems == []
    assert doc.values == {
        (): (2, 1),
        ("code",): (2, 7),
        ("lead",): (3, 7),
        ("lead", 0): (3, 8),
        ("lead", 1): (3, 19),
        ("progress",): (5, 3),
        ("progress", 0): (5, 5),
        ("progress", 0, "date"): (5, 11),
        ("progress", 0, "note"): (6, 11),
        ("deadline",): (8, 3),
        ("deadline", "text"): (8, 9),
    }
    assert doc.keys == {
        ("code",): (2, 1),
        ("lead",): (3, 1),
        ("progress",): (4, 1),
        ("progress", 0, "date"): (5, 5),
        ("progress", 0, "note"): (6, 5),
        ("deadline",): (7, 1),
        ("deadline", "text"): (8, 3),
    }


def test_position_of_a_path_falls_back_to_its_nearest_ancestor():
    doc, _ = parse(NESTED)
    assert doc.position(("progress", 0, "note")) == (6, 11)
    assert doc.position(("progress", 0, "note"), key=True) == (6, 5)
    # a field that is not there: where its mapping starts
    assert doc.position(("progress", 0, "done")) == (5, 5)
    assert doc.position(("progress", 0, "done"), key=True) == (5, 5)
    assert doc.position(("lead", 7)) == (3, 7)
    assert doc.position(("nowhere", "at", "all")) == (2, 1)
    assert doc.position(()) == (2, 1)
    # list items have no key: asking for one gives the value's position
    assert doc.position(("lead", 1), key=True) == (3, 19)


# --- scalars: YAML 1.2, more strictly -------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "value"),
    [
        # YAML 1.1 surprises stay text
        ("no", "no"),
        ("No", "No"),
        ("on", "on"),
        ("off", "off"),
        ("yes", "yes"),
        ("y", "y"),
        ("1:30", "1:30"),
        ("2025-05-06", "2025-05-06"),
        ("2025-02-30", "2025-02-30"),
        ("0123", "0123"),
        ("0243 3825 111", "0243 3825 111"),
        ("0x1F", "0x1F"),
        ("0o17", "0o17"),
        ("1_000", "1_000"),
        ("+1", 1),
        # the core schema's booleans, nulls and integers
        ("true", True),
        ("True", True),
        ("false", False),
        ("FALSE", False),
        ("null", None),
        ("~", None),
        ("", None),
        ("0", 0),
        ("42", 42),
        ("-7", -7),
        ("2025", 2025),
        ("123456789012345678", 123456789012345678),  # 18 digits: an integer
        ("1234567890123456789", "1234567890123456789"),  # 19 digits: text
        ("1" + "0" * 5000, "1" + "0" * 5000),  # never int() on thousands of digits
        ("1.5", 1.5),
        ("Sở Y tế", "Sở Y tế"),
    ],
)
def test_plain_scalars(written, value):
    doc, problems = parse(f"value: {written}\n")
    assert problems == []
    assert doc.data == {"value": value}
    assert type(doc.data["value"]) is type(value)


@pytest.mark.parametrize(
    "written",
    ["'true'", '"false"', '"null"', "'~'", '"42"', "'0123'", '"2025"', '""', "''", '"1.5"'],
)
def test_quoted_scalars_are_always_text(written):
    doc, problems = parse(f"value: {written}\n")
    assert problems == []
    assert doc.data == {"value": written[1:-1]}
    assert isinstance(doc.data["value"], str)


def test_block_scalars_are_text():
    doc, problems = parse("a: |\n  123\nb: >\n  true\n  2025\n")
    assert problems == []
    assert doc.data == {"a": "123\n", "b": "true 2025\n"}


def test_keys_are_text_as_written():
    doc, problems = parse("1: a\ntrue: b\nnull: c\n0123: d\n")
    assert problems == []
    assert doc.data == {"1": "a", "true": "b", "null": "c", "0123": "d"}


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=-(10**18) + 1, max_value=10**18 - 1))
def test_integers_up_to_18_digits_are_integers(number):
    doc, problems = parse(f"n: {number}\n")
    assert problems == []
    assert doc.data == {"n": number}


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=10**18, max_value=10**40))
def test_longer_integers_stay_text(number):
    doc, problems = parse(f"n: {number}\n")
    assert problems == []
    assert doc.data == {"n": str(number)}


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        st.characters(
            categories=["L", "M", "N", "P", "S", "Zs"], exclude_characters="[]{}\u2028\u2029"
        ),
        max_size=40,
    )
)
def test_any_double_quoted_text_reads_back_unchanged(text):
    doc, problems = parse(f"title: {json.dumps(text, ensure_ascii=False)}\n")
    # A no-break or other unusual space (Zs) inside text is read, and named in a warning.
    assert all(p.code == "invisible-char" and not p.is_error for p in problems)
    assert doc.data == {"title": text}


# --- encodings and line ends ----------------------------------------------------------------

TASK = 'code: "I.1"\ntitle: "Nhiệm vụ thử"\nlead: ["Sở Y tế"]\ndeadline: "2026"\n'


def test_bom_is_a_warning_and_the_file_is_still_read(tmp_path):
    plain, _ = read_raw(tmp_path, TASK.encode(), "plain.yaml")
    doc, problems = read_raw(tmp_path, b"\xef\xbb\xbf" + TASK.encode())
    assert found(problems) == [(1, 1, "bom")]
    assert problems[0].severity == "warning" and not problems[0].is_error
    assert "BOM" in problems[0].message and "UTF-8" in problems[0].hint
    assert doc.data == plain.data
    assert doc.values == plain.values  # positions are not shifted by the BOM


def test_crlf_is_accepted_with_the_same_data_and_positions(tmp_path):
    lf, _ = read_raw(tmp_path, TASK.encode(), "lf.yaml")
    doc, problems = read_raw(tmp_path, TASK.replace("\n", "\r\n").encode())
    assert problems == []
    assert doc.data == lf.data
    assert doc.values == lf.values and doc.keys == lf.keys
    # a quoted value spread over CRLF lines folds like LF
    folded, problems = read_raw(tmp_path, b'note: "m\xe1\xbb\x99t\r\n  hai"\r\n', "f.yaml")
    assert problems == []
    assert folded.data == {"note": "một hai"}


def test_old_mac_line_ends_count_as_lines(tmp_path):
    doc, problems = read_raw(tmp_path, b"a: 1\rb: [x\r")
    assert doc is None
    assert [p.line for p in problems] == [3]


def test_nfd_text_is_normalised_to_nfc(tmp_path):
    nfd = unicodedata.normalize("NFD", 'tên: "Sở Y tế"\nghi_chú: "Hà Nội"\n')
    assert nfd != unicodedata.normalize("NFC", nfd)
    doc, problems = read_raw(tmp_path, nfd.encode())
    assert problems == []
    assert doc.data == {"tên": "Sở Y tế", "ghi_chú": "Hà Nội"}
    for text in [*doc.data, *doc.data.values()]:
        assert unicodedata.is_normalized("NFC", text)


def test_the_same_key_in_nfc_and_nfd_is_a_duplicate(tmp_path):
    text = "tên: a\n" + unicodedata.normalize("NFD", "tên") + ": b\n"
    doc, problems = read_raw(tmp_path, text.encode())
    assert found(problems) == [(2, 1, "duplicate-key")]
    assert doc.data == {"tên": "a"}


@pytest.mark.parametrize(
    "raw",
    [
        # what Word's "Unicode text" writes: UTF-16 LE with a BOM and CRLF
        "\ufeff".encode("utf-16-le") + TASK.replace("\n", "\r\n").encode("utf-16-le"),
        TASK.encode("utf-16"),
        "\ufeff".encode("utf-16-be") + TASK.encode("utf-16-be"),
        TASK.encode("utf-16-le"),  # no BOM: the NUL bytes give it away
    ],
    ids=["word-le-bom-crlf", "utf16-native", "utf16-be-bom", "utf16-le-no-bom"],
)
def test_utf16_is_refused(tmp_path, raw):
    doc, problems = read_raw(tmp_path, raw)
    assert doc is None
    assert found(problems) == [(1, 1, "bad-encoding")]
    assert "UTF-16" in problems[0].message
    assert "UTF-8" in problems[0].hint and vietnamese(problems[0].hint)


def test_invalid_utf8_points_at_the_line_of_the_bad_byte(tmp_path):
    raw = 'code: "I.1"\ntitle: "Nhiệm vụ"\nnote: "caf'.encode() + b'\xe9"\n'  # Latin-1 é
    doc, problems = read_raw(tmp_path, raw)
    assert doc is None
    assert [(p.line, p.code) for p in problems] == [(3, "bad-encoding")]
    assert "UTF-8" in problems[0].message and "UTF-8" in problems[0].hint


def test_invalid_utf8_column_counts_characters_like_every_other_column(tmp_path):
    """Columns are characters everywhere else (libyaml's marks); an editor shows `\\xff` in
    `tên: "Sở \\xff"` at column 10, not at its byte offset 13."""
    raw = 'tên: "Sở '.encode() + b'\xff"\n'
    doc, problems = read_raw(tmp_path, raw)
    assert doc is None
    assert found(problems) == [(1, 10, "bad-encoding")]


@pytest.mark.parametrize(
    "raw", [b"", b"\n\n", b"   \n", b"# only a comment\n# and another\n", b"---\n", b"~\n"]
)
def test_empty_files(tmp_path, raw):
    doc, problems = read_raw(tmp_path, raw)
    assert doc is None
    assert found(problems) == [(1, 1, "empty-file")]
    assert problems[0].message == "tệp rỗng" and problems[0].hint


def test_unreadable_path_is_a_problem_not_an_exception(tmp_path):
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    doc, problems = yamlio.read(folder, "folder.yaml")
    assert doc is None
    assert found(problems) == [(1, 1, "unreadable")]
    assert "không đọc được" in problems[0].message


def test_file_over_the_size_cap_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as handle:  # sparse: nothing is written but the size
        handle.truncate(MAX_BYTES + 1)

    def no_reading(self, *args, **kwargs):
        raise AssertionError(f"{self} was read although it is over the cap")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    monkeypatch.setattr(Path, "read_text", no_reading)
    doc, problems = yamlio.read(path, "huge.yaml")
    assert doc is None
    assert found(problems) == [(1, 1, "file-too-large")]
    # one byte over is shown rounded up: "2049 KiB; tối đa 2048 KiB", never "2048; tối đa 2048"
    assert f"({MAX_BYTES // 1024 + 1} KiB; tối đa {MAX_BYTES // 1024} KiB)" in problems[0].message
    assert problems[0].hint and vietnamese(problems[0].hint)
    assert path.stat().st_size == MAX_BYTES + 1
    assert os.listdir(tmp_path) == ["huge.yaml"]


def test_file_at_the_size_cap_is_read(tmp_path):
    head = b"a: 1\n"
    raw = head + b"#" * (MAX_BYTES - len(head) - 1) + b"\n"
    assert len(raw) == MAX_BYTES
    doc, problems = read_raw(tmp_path, raw)
    assert problems == []
    assert doc.data == {"a": 1}


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('title: "vertical\x0btab from Word"\n', (1, 17)),
        ("a: 1\n# colours \x1b[0m pasted from a terminal\n", (2, 11)),
        ("a: 1\nb: \x07\n", (2, 4)),
        ("a: 1\n" + "# padding\n" * 500 + "b: x\x00y\n", (502, 5)),  # NUL past the UTF-16 sniff
        # after Vietnamese letters (2-3 bytes each in UTF-8): still the character's own place
        ('title: "Tuyên truyền"\nlead: ["Sở \u202eY tế\x9b31m"]\nb: 1\n', (2, 17)),
    ],
    ids=["vertical-tab", "escape", "bell", "late-nul", "after-vietnamese"],
)
def test_control_characters_are_a_problem_not_an_exception(tmp_path, text, where):
    doc, problems = read_raw(tmp_path, text.encode())
    assert doc is None
    assert found(problems) == [(*where, "yaml-syntax")]
    assert vietnamese(problems[0].message)


# --- tabs, directives, documents ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("a:\n\tb: 1\n", (2, 1)),
        ('code: "I.1"\ntitle: "Một\thai"\n', (2, 12)),
        ("a: 1  # ghi\tchú\n", (1, 12)),
    ],
)
def test_tabs(tmp_path, text, where):
    doc, problems = read_raw(tmp_path, text.encode())
    assert doc is None
    assert found(problems) == [(*where, "tab")]
    assert "tab" in problems[0].message and "dấu cách" in problems[0].hint


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("%YAML 1.1\n---\nactive: yes\n", (1, 1)),
        ("%YAML 1.2\n---\na: 1\n", (1, 1)),
        ("%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n", (1, 1)),
        ("# header\n%YAML 1.1\n---\na: 1\n", (2, 1)),
    ],
)
def test_yaml_directives(tmp_path, text, where):
    doc, problems = read_raw(tmp_path, text.encode())
    assert doc is None
    assert found(problems) == [(*where, "yaml-directive")]
    assert "%YAML" in problems[0].message and "%" in problems[0].hint


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("a: 1\n---\nb: 2\n", (2, 1)),
        ("---\na: 1\n---\n", (3, 1)),
        ("a: 1\n...\n---\nb: 2\n", (3, 1)),
    ],
)
def test_two_documents(tmp_path, text, where):
    doc, problems = read_raw(tmp_path, text.encode())
    assert doc is None
    assert found(problems) == [(*where, "multiple-documents")]
    assert "---" in problems[0].hint


def test_one_document_with_explicit_markers_is_fine():
    doc, problems = parse("--- \na: 1\n...\n")
    assert problems == []
    assert doc.data == {"a": 1}
    assert doc.values[("a",)] == (2, 4)


# --- duplicate keys ---------------------------------------------------------------------------


def test_duplicate_keys_keep_the_first_and_point_at_the_second(tmp_path):
    text = (
        'code: "I.1"\n'
        'title: "Một"\n'
        "progress:\n"
        '  - date: "2026-01-02"\n'
        '    date: "2026-01-03"\n'
        'code: "I.2"\n'
    )
    doc, problems = read_raw(tmp_path, text.encode())
    assert found(problems) == [(5, 5, "duplicate-key"), (6, 1, "duplicate-key")]
    by_line = {p.line: p for p in problems}
    assert "“code”" in by_line[6].message and "dòng 1" in by_line[6].message
    assert "“date”" in by_line[5].message and "dòng 4" in by_line[5].message
    assert by_line[6].hint and vietnamese(by_line[6].hint)
    assert doc.data == {"code": "I.1", "title": "Một", "progress": [{"date": "2026-01-02"}]}


def test_duplicate_keys_in_flow_mappings(tmp_path):
    doc, problems = read_raw(tmp_path, b"source: {file: a.txt, file: b.txt}\n")
    assert found(problems) == [(1, 23, "duplicate-key")]
    assert doc.data == {"source": {"file": "a.txt"}}


# --- anchors, aliases, merge keys, tags -----------------------------------------------------


def test_anchors_and_aliases(tmp_path):
    doc, problems = read_raw(
        tmp_path, b'lead: &units ["S\xe1\xbb\x9f Y t\xe1\xba\xbf"]\nsupport: *units\n'
    )
    assert found(problems) == [(1, 7, "yaml-anchor"), (2, 10, "yaml-alias")]
    anchor, alias = sorted(problems)
    assert "&units" in anchor.message and "*units" in alias.message
    assert anchor.hint and alias.hint
    # the alias is not followed: its value is not copied
    assert doc.data == {"lead": ["Sở Y tế"], "support": None}


def test_merge_keys(tmp_path):
    text = "base: &b {kind: so}\nunit:\n  <<: *b\n  id: so-y-te\n"
    doc, problems = read_raw(tmp_path, text.encode())
    assert found(problems) == [(1, 7, "yaml-anchor"), (3, 3, "yaml-merge"), (3, 7, "yaml-alias")]
    merge = next(p for p in problems if p.code == "yaml-merge")
    assert "<<" in merge.message and merge.hint
    assert doc.data == {"base": {"kind": "so"}, "unit": {"id": "so-y-te"}}


def test_a_quoted_merge_key_is_an_ordinary_key():
    doc, problems = parse('"<<": x\n')
    assert problems == []
    assert doc.data == {"<<": "x"}


def test_billion_laughs_stays_small(tmp_path):
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        name, previous = chr(ord("a") + level), chr(ord("a") + level - 1)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    raw = ("\n".join(lines) + "\n").encode()
    doc, problems = read_raw(tmp_path, raw)
    # expanded, this would be 9**10 strings; here each alias is one empty value
    assert len(json.dumps(doc.data)) < 2_000
    assert doc.data["a"] == ["lol"] * 9
    assert doc.data["j"] == [None] * 9
    assert len(problems) == 10 + 9 * 9  # every anchor and alias, each said once
    assert {p.code for p in problems} == {"yaml-anchor", "yaml-alias"}
    assert found(problems)[:2] == [(1, 4, "yaml-anchor"), (2, 4, "yaml-anchor")]


@pytest.mark.parametrize(
    ("text", "where", "shown", "data"),
    [
        ("a: !!str 5\n", (1, 4), "!!str", {"a": "5"}),
        ("a: !!set {x, y}\n", (1, 4), "!!set", {"a": {"x": None, "y": None}}),
        ("a: !local x\n", (1, 4), "!local", {"a": "x"}),
        ("a:\n  - !!binary aGVsbG8=\n", (2, 5), "!!binary", {"a": ["aGVsbG8="]}),
        ("a: !<tag:yaml.org,2002:int> 5\n", (1, 4), "!!int", {"a": "5"}),
    ],
)
def test_explicit_tags(tmp_path, text, where, shown, data):
    doc, problems = read_raw(tmp_path, text.encode())
    assert found(problems) == [(*where, "yaml-tag")]
    assert shown in problems[0].message and "!" in problems[0].hint
    assert doc.data == data  # the tag is not applied: a tagged 5 is not made a number


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("? - :\n", (1, 3)),
        ("{[!!set ]}\n", (1, 2)),
        ("? [a, b]\n: c\n", (1, 3)),
        ("*x : 1\n", (1, 1)),
    ],
)
def test_complex_keys_are_a_problem_not_an_exception(tmp_path, text, where):
    doc, problems = read_raw(tmp_path, text.encode())
    assert doc is None
    assert (*where, "bad-key") in found(problems)
    bad_key = next(p for p in problems if p.code == "bad-key")
    assert "tên trường" in bad_key.message


# --- nesting -----------------------------------------------------------------------------------


def test_flow_nesting_at_the_limit_is_read_and_beyond_it_is_too_deep(tmp_path):
    inside = MAX_DEPTH - 1  # the top-level mapping is one level
    doc, problems = parse("a: " + "[" * inside + "]" * inside + "\n")
    assert problems == []
    value = doc.data["a"]
    for _ in range(inside - 1):
        (value,) = value
    assert value == []
    doc, problems = read_raw(
        tmp_path, ("a: " + "[" * (inside + 1) + "]" * (inside + 1) + "\n").encode()
    )
    assert doc is None
    assert found(problems) == [(1, 4 + inside, "too-deep")]
    assert str(MAX_DEPTH) in problems[0].message


def test_deep_block_nesting_is_too_deep(tmp_path):
    depth = MAX_DEPTH + 8
    text = "".join("  " * level + f"k{level}:\n" for level in range(depth)) + "  " * depth + "x\n"
    doc, problems = read_raw(tmp_path, text.encode())
    assert doc is None
    assert found(problems) == [(MAX_DEPTH + 1, 2 * MAX_DEPTH + 1, "too-deep")]
    doc, problems = read_raw(tmp_path, ("- " * (MAX_DEPTH + 8) + "x\n").encode(), "list.yaml")
    assert doc is None
    assert found(problems) == [(1, 2 * MAX_DEPTH + 1, "too-deep")]


BRACKETS_SCRIPT = """
import json, sys
from pathlib import Path
from hnqt import yamlio
doc, problems = yamlio.read(Path(sys.argv[1]), "deep.yaml")
print(json.dumps([doc is None, [[p.line, p.column, p.code] for p in problems]]))
"""


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 30_000 + "]" * 30_000 + "\n",
        "{a: " * 30_000 + "1" + "}" * 30_000 + "\n",
        # brackets hidden from a lexical count by quoted closing brackets
        "a: " + '["]", ' * 30_000 + "1" + "]" * 30_000 + "\n",
    ],
    ids=["brackets", "braces", "quoted-closers"],
)
def test_thirty_thousand_nested_brackets_do_not_crash_the_process(tmp_path, text):
    """The C parser segfaults near 30 000 levels: run it in a child so a crash is a failure
    of this test, not the end of the test session."""
    path = tmp_path / "deep.yaml"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", BRACKETS_SCRIPT, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    no_document, problems = json.loads(done.stdout)
    assert no_document is True
    assert [code for _, _, code in problems] == ["too-deep"]
    assert problems[0][0] == 1
    assert path.read_text(encoding="utf-8") == text


# --- syntax errors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "where", "hint_word"),
    [
        ('code: "I.1"\ntitle: Mục tiêu: phát triển\n', (2, 16), "ngoặc kép"),
        ('code: "I.1"\nsource:\n  file: "a"\n ref: "b"\n', (4, 2), "thẳng cột"),
        ('code: "I.1"\ntitle: "chưa đóng\n', (2, 8), "ngoặc kép"),  # where it opens
        ("code: @x\n", (1, 7), "ngoặc kép"),
        ('code: "I.1"\ntitle\n', (3, 1), ":"),
    ],
    ids=["colon-in-value", "indentation", "unclosed-quote", "bad-start", "missing-colon"],
)
def test_syntax_errors_have_a_line_and_a_vietnamese_message(tmp_path, text, where, hint_word):
    doc, problems = read_raw(tmp_path, text.encode())
    assert doc is None
    assert found(problems) == [(*where, "yaml-syntax")]
    assert vietnamese(problems[0].message)
    assert hint_word in problems[0].hint


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('code: "I.1"\nlead: ["Sở Y tế"\ndeadline: "2026"\n', (3, 1)),
        ('code: "I.1"\nsource: {file: "a.txt"\ndeadline: "2026"\n', (3, 1)),
        ('code: "I.1"\nlead:\n  - "Sở Y tế"\n  deadline: "2026"\n', (4, 3)),
    ],
    ids=["unclosed-list", "unclosed-mapping", "field-inside-a-list"],
)
def test_common_syntax_errors_are_explained_in_vietnamese(tmp_path, text, where):
    """Unclosed `[`/`{` is the mistake staff make most in this registry, whose lists are all
    written `["…"]`: libyaml's English ("did not find expected ',' or ']'") is not enough."""
    doc, problems = read_raw(tmp_path, text.encode())
    assert doc is None
    assert found(problems) == [(*where, "yaml-syntax")]
    message = problems[0].message
    assert vietnamese(message)
    assert "expected" not in message and "did not" not in message
    assert problems[0].hint


# --- nothing escapes ----------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab: -[]{}?!&*%#'\"\n|>,.09<~@`\\é", max_size=40))
def test_any_text_gives_a_document_or_an_error(text):
    doc, problems = parse(text)
    assert doc is not None or any(p.is_error for p in problems)
    if doc is not None:
        assert doc.data is not None
        assert all(line >= 1 and column >= 1 for line, column in doc.values.values())


# --- messages say what is really wrong (issue 12, item 8) ---------------------------------------


def _libyaml_texts() -> set[str]:
    """Every problem text compiled into the libyaml parser hnqt uses."""
    import re

    import _ruamel_yaml

    binary = Path(_ruamel_yaml.__file__).read_bytes()
    texts = {m.decode() for m in re.findall(rb"[\x20-\x7e]{8,}", binary)}
    starts = ("found ", "did not find ", "could not find ", "mapping values ", "block sequence ")
    return {t for t in texts if t.startswith(starts)}


def test_every_libyaml_text_is_translated():
    from hnqt.yaml_messages import SYNTAX_MESSAGES

    texts = _libyaml_texts()
    assert len(texts) > 30  # the strings were found at all
    assert sorted(texts - set(SYNTAX_MESSAGES)) == []
    for message, hint in SYNTAX_MESSAGES.values():
        assert vietnamese(message) and (hint == "" or vietnamese(hint))


def test_a_url_in_a_flow_mapping_explains_the_quoting_fix(tmp_path):
    doc, problems = read_raw(tmp_path, b"source: { url: http://example.org }\n")
    assert doc is None and found(problems) == [(1, 20, "yaml-syntax")]
    assert '{ url: "http://example.org" }' in problems[0].hint
    assert "found" not in problems[0].message  # no English left


@pytest.mark.parametrize(
    ("text", "where", "quote"),
    [
        ('code: "I.2"\ntitle: "Hai\nlead: ["Sở Y tế"]\ndeadline: "2026"\n', (2, 8), "kép"),
        ("code: 'I.2'\ntitle: 'Hai\nlead: [x]\n", (2, 8), "đơn"),
        ('code: "I.2"\nlead: ["Sở Y tế]\ndeadline: "2026"\n', (2, 8), "kép"),
    ],
)
def test_an_unclosed_quote_is_reported_on_its_own_line(tmp_path, text, where, quote):
    doc, problems = read_raw(tmp_path, text.encode())
    assert doc is None and found(problems) == [(*where, "yaml-syntax")]
    assert problems[0].message == f"chuỗi mở bằng ngoặc {quote} ở đây chưa đóng"


def test_an_apostrophe_inside_a_word_is_not_a_quote(tmp_path):
    doc, problems = read_raw(tmp_path, b"title: O'Brien: x\n")
    assert doc is None and found(problems) == [(1, 15, "yaml-syntax")]
    assert problems[0].message == "dấu “:” không được đứng ở đây"


@pytest.mark.parametrize(
    ("text", "where", "words", "severity"),
    [
        ('code: "I.2"\n\u00a0title: "x"\n', (2, 1), "NBSP, U+00A0) ở cột 1 (trong phần thụt lề)",
         "error"),
        ('\u200btitle: "x"\n', (1, 1), "ZWSP, U+200B) ở cột 1", "error"),
        ('title: "Sở Y\u200b tế"\n', (1, 13), "ZWSP, U+200B) ở cột 13", "error"),
        ('title: "Sở Y\u00a0tế"\n', (1, 13), "NBSP, U+00A0) ở cột 13", "warning"),
        ('title: "a\ufeffb"\n', (1, 10), "BOM giữa tệp (U+FEFF) ở cột 10", "error"),
    ],
)  # fmt: skip
def test_invisible_characters_are_named_with_their_column(tmp_path, text, where, words, severity):
    _, problems = read_raw(tmp_path, text.encode())
    invisible = [p for p in problems if p.code == "invisible-char"]
    assert [(p.line, p.column) for p in invisible] == [where]
    assert words in invisible[0].message and invisible[0].severity == severity
