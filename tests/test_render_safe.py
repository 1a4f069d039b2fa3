"""Registry text cannot attack whoever reads the output (DESIGN §6): escape sequences, control
characters and bidirectional overrides are shown, never sent; CSV formulas are neutralised;
no value starts a line of CI output. Checked on the helper and on every command's output."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from typer.testing import CliRunner

from hnqt.cli import app
from hnqt.render.safe import csv_cell, json_text, visible

TASKS = "data/plans/kh-test/tasks"
# What a YAML escape can put in a value: ESC with a colour and a window title (OSC 0), an OSC 8
# hyperlink, CSI as one C1 byte, BEL, a right-to-left override, an isolate, DEL.
HOSTILE = (
    r"\e[31mĐỎ\e[0m \e]0;tiêu đề giả\a \e]8;;http://x.invalid\e\\liên kết\e]8;;\e\\"
    r" \x9b2J \u202Eexe.pdf \u2066cô lập\u2069 \x7f cuối"
)
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
runner = CliRunner()


def test_visible_shows_controls_as_pictures_and_escapes():
    assert visible("a\x1b[31mb") == "a␛[31mb"
    assert visible("\x07\x00\x7f") == "␇␀␡"
    assert visible("x\x9by") == "x\\u009by"
    assert visible("\u202egnp.exe") == "\\u202egnp.exe"
    assert visible("một\nhai") == "một␊hai"
    assert visible("một\nhai", lines=True) == "một\nhai"
    assert visible("một\rhai", lines=True) == "một␍hai"
    assert visible("Sở Y tế — “Hà Nội”") == "Sở Y tế — “Hà Nội”"  # ordinary text untouched


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_start_a_formula_are_kept_as_text(start):
    shown = visible(start)  # a tab or CR is also shown as its picture
    assert csv_cell(f'{start}HYPERLINK("http://x")') == f'\'{shown}HYPERLINK("http://x")'


def test_csv_cells_otherwise_unchanged():
    assert csv_cell("Sở Y tế") == "Sở Y tế"
    assert csv_cell(-5) == -5  # a number stays a number
    assert csv_cell("") == ""
    assert csv_cell("a\x1b[2Jb\nc") == "a␛[2Jb\nc"
    assert csv_cell("\t=1") == "'␉=1"


def test_json_text_escapes_what_json_leaves_raw():
    text = json.dumps({"t": "a\x9bb\u202ec\x1b"}, ensure_ascii=False)
    safe = json_text(text)
    assert not RAW.search(safe)
    assert json.loads(safe) == {"t": "a\x9bb\u202ec\x1b"}  # the same data for a program


@pytest.fixture
def hostile(make_registry):
    title = HOSTILE
    task = (
        'code: "I.2"\n'
        f'title: "=HYPERLINK(\\"http://x.invalid\\") {title}"\n'
        'lead: ["Sở Y tế"]\n'
        'deadline: "2026"\n'
        f'notes: "{title}"\n'
    )
    # An unknown unit whose name carries a newline and a forged GitHub command.
    forged = (
        'code: "I.3"\ntitle: "Ba"\nlead: ["Sở X\\n::error file=a.yaml::giả"]\ndeadline: "2026"\n'
    )
    return make_registry({f"{TASKS}/I-2.yaml": task, f"{TASKS}/I-3.yaml": forged})


def run(root, *args):
    return runner.invoke(app, [*args, "--registry", str(root)],
                         env={"COLUMNS": "200", "NO_COLOR": "1", "FORCE_COLOR": ""})  # fmt: skip


@pytest.mark.parametrize(
    "args",
    [
        ["due", "--so", "Sở Y tế", "--as-of", "22/11/2026"],
        ["due", "--as-of", "22/11/2026"],
        ["due", "--so", "Sở Y tế", "--as-of", "22/11/2026", "--format", "ics"],
        ["due", "--so", "Sở Y tế", "--as-of", "22/11/2026", "--format", "json"],
        ["due", "--so", "Sở Y tế", "--as-of", "22/11/2026", "--format", "csv"],
        ["list", "tasks", "--format", "csv"],
        ["list", "tasks"],
        ["list", "tasks", "--format", "json"],
        ["show", "kh-test/I.2"],
        ["show", "kh-test/I.2", "--format", "json"],
        ["validate"],
        ["validate", "--format", "github"],
        ["validate", "--format", "json"],
        ["report", "kh-test", "--as-of", "22/11/2026", "--format", "md"],
        ["report", "kh-test", "--as-of", "22/11/2026", "--format", "html"],
    ],
)
def test_no_output_sends_a_control_character(hostile, args):
    result = run(hostile, *args)
    assert result.exit_code in (0, 1), result.output
    out = result.stdout.replace("\r\n", "\n")  # ICS lines end in CRLF
    assert not RAW.search(out), repr(RAW.search(out))
    if args[0] != "validate":
        assert "ĐỎ" in out  # the text itself is still there


def test_text_shows_the_escapes_visibly(hostile):
    out = run(hostile, "show", "kh-test/I.2").stdout
    assert "␛[31mĐỎ␛[0m" in out and "\\u202eexe.pdf" in out and "␇" in out


def test_a_value_with_a_newline_cannot_start_a_line_of_validate_output(hostile):
    for fmt in ("text", "github"):
        out = run(hostile, "validate", "--format", fmt).stdout
        forged = [line for line in out.splitlines() if line.startswith("::error file=a.yaml")]
        assert forged == [], out
    text = run(hostile, "validate").stdout
    assert "Sở X␊::error file=a.yaml::giả" in text
    github = run(hostile, "validate", "--format", "github").stdout
    assert "Sở X%0A::error file=a.yaml::giả" in github


def test_csv_cells_are_neutralised(hostile):
    for args in (["due", "--so", "Sở Y tế", "--as-of", "22/11/2026"], ["list", "tasks"]):
        out = run(hostile, *args, "--format", "csv").stdout
        rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
        titles = [cell for row in rows for cell in row if "HYPERLINK" in cell]
        assert titles and all(cell.startswith("'=") for cell in titles)
        formulas = [
            cell
            for row in rows
            for cell in row
            if cell.startswith(("=", "+", "-", "@")) and not re.fullmatch(r"-\d+", cell)
        ]
        assert formulas == []  # a negative number (days left) is a number, not a formula


def test_usage_errors_show_what_was_typed_visibly(hostile):
    result = run(hostile, "show", "\u202eabc\u202c")  # control characters are refused before
    assert result.exit_code == 2
    assert not RAW.search(result.stderr) and "\\u202eabc\\u202c" in result.stderr


def test_fmt_check_shows_a_bidi_override_of_the_file_text(make_registry):
    """YAML allows a raw U+202E in a file; the diff `fmt --check` prints must not obey it."""
    text = "code: 'I.2'\ntitle: 'Hai \u202egnp.exe'\nlead: ['Sở Y tế']\ndeadline: '2026'\n"
    root = make_registry({f"{TASKS}/I-2.yaml": text})
    result = run(root, "fmt", "--check")
    assert result.exit_code == 1
    assert "\u202e" not in result.stdout and "Hai \\u202egnp.exe" in result.stdout


def test_a_github_annotation_shows_a_carriage_return_and_escapes_the_rest():
    from hnqt.problems import Problem
    from hnqt.render.problems import GithubReporter

    problem = Problem("a.yaml", 1, 1, "bad-date", "trước\r\n::error::giả 100%")
    line = GithubReporter([problem], 1, strict=False).render().splitlines()[0]
    assert "trước␍%0A::error::giả 100%25" in line
