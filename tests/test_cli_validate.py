"""`hnqt validate` end to end (DESIGN §4): exit codes, the three formats, PATH arguments,
finding the registry; and help for every command."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from conftest import AS_OF, FIXTURE, console_script
from hnqt.cli import app

runner = CliRunner()
TASKS = "data/plans/kh-test/tasks"
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]")

# A task with an empty deadline: valid, with one warning (no-deadline).
WARNED = """\
code: "I.2"
title: "Nhiệm vụ chưa có thời hạn"
lead: ["Sở Y tế"]
deadline: ""
"""
# A task with an unknown field on line 5: an error (unknown-field).
UNKNOWN_FIELD = """\
code: "I.3"
title: "Nhiệm vụ có trường lạ"
lead: ["Sở Y tế"]
deadline: "2026"
dealine: "2027"
"""
# A task naming a unit that does not exist, on line 3.
UNKNOWN_UNIT = """\
code: "I.4"
title: "Nhiệm vụ giao cho đơn vị lạ"
lead: ["Sở Y khoa"]
deadline: "2026"
"""


def invoke(*args: str, env: dict[str, str] | None = None):
    result = runner.invoke(app, list(args), env=env)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def validate_json(root: Path, *args: str):
    result = invoke("validate", "--registry", str(root), "--format", "json", *args)
    return result, json.loads(result.stdout)


# --- exit codes -----------------------------------------------------------------------------


def test_clean_registry_exits_0(make_registry):
    root = make_registry()
    result, report = validate_json(root)
    assert result.exit_code == 0
    assert report == {"ok": True, "files": 3, "errors": [], "warnings": []}


def test_warnings_exit_0_and_strict_exits_1(make_registry):
    root = make_registry({f"{TASKS}/I-2.yaml": WARNED})
    result, report = validate_json(root)
    assert result.exit_code == 0
    assert report["ok"] is True
    assert [w["code"] for w in report["warnings"]] == ["no-deadline"]
    assert report["errors"] == []

    strict, strict_report = validate_json(root, "--strict")
    assert strict.exit_code == 1
    assert strict_report["ok"] is False
    assert [w["code"] for w in strict_report["warnings"]] == ["no-deadline"]

    text = invoke("validate", "--registry", str(root), "--strict")
    assert text.exit_code == 1
    assert "--strict" in text.stdout.splitlines()[-1]


def test_errors_exit_1(make_registry):
    root = make_registry({f"{TASKS}/I-3.yaml": UNKNOWN_FIELD, f"{TASKS}/I-4.yaml": UNKNOWN_UNIT})
    result, report = validate_json(root)
    assert result.exit_code == 1
    assert report["ok"] is False
    found = {(e["file"], e["line"], e["column"], e["code"]) for e in report["errors"]}
    assert found == {
        (f"{TASKS}/I-3.yaml", 5, 1, "unknown-field"),
        (f"{TASKS}/I-4.yaml", 3, 8, "unknown-unit"),
    }
    unknown_field = next(e for e in report["errors"] if e["code"] == "unknown-field")
    assert "dealine" in unknown_field["message"]
    assert unknown_field["hint"] == "có phải “deadline”?"  # did you mean
    unknown_unit = next(e for e in report["errors"] if e["code"] == "unknown-unit")
    assert "Sở Y khoa" in unknown_unit["message"]
    assert "Sở Y tế" in unknown_unit["hint"]


def test_missing_registry_exits_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("validate")
    assert result.exit_code == 2
    assert "không tìm thấy sổ đăng ký" in result.stderr
    assert "--registry" in result.stderr
    assert result.stdout == ""


def test_registry_option_without_data_exits_2(tmp_path):
    result = invoke("validate", "--registry", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "không phải sổ đăng ký hnqt" in result.stderr


def test_nonexistent_path_exits_2(make_registry):
    root = make_registry()
    result = invoke("validate", "--registry", str(root), str(root / "data" / "khong-co.yaml"))
    assert result.exit_code == 2
    assert "không có tệp hay thư mục" in result.stderr
    assert "gợi ý: kiểm tra lại đường dẫn" in result.stderr


def test_path_outside_the_registry_exits_2(make_registry, tmp_path):
    root = make_registry()
    outside = tmp_path / "outside.yaml"
    outside.write_text("x: 1\n", encoding="utf-8")
    result = invoke("validate", "--registry", str(root), str(outside))
    assert result.exit_code == 2
    assert "nằm ngoài sổ đăng ký" in result.stderr
    assert "chọn sổ khác bằng --registry" in result.stderr


def test_bad_format_exits_2(make_registry):
    root = make_registry()
    result = invoke("validate", "--registry", str(root), "--format", "xml")
    assert result.exit_code == 2
    assert "xml" in result.stderr


def test_bad_file_is_reported_not_raised(make_registry):
    root = make_registry({
        f"{TASKS}/I-2.yaml": b"\xff\xfe\x00\x01 not utf-8 \x80",
        f"{TASKS}/I-3.yaml": "code: [unclosed\n",
        f"{TASKS}/I-4.yaml": "",
        f"{TASKS}/I-5.yaml": "- a\n- b\n",
    })  # fmt: skip
    result, report = validate_json(root)
    assert result.exit_code == 1
    files = {e["file"] for e in report["errors"]}
    assert {f"{TASKS}/I-{n}.yaml" for n in (2, 3, 4, 5)} <= files


def test_bad_plan_is_reported_once_not_as_a_missing_plan(make_registry):
    """A typo in plan.yaml is one error there, not also "no plan.yaml" on every task."""
    plan = (
        'id: kh-test\nkind: plan\ntitle: "Kế hoạch thử"\ndate: "2025-02-30"\n'
        'issuer: "Ủy ban nhân dân thành phố Hà Nội"\nsections:\n  - {code: "I", title: "Một"}\n'
    )
    root = make_registry({"data/plans/kh-test/plan.yaml": plan})
    result, report = validate_json(root)
    assert result.exit_code == 1
    assert [(e["file"], e["code"]) for e in report["errors"]] == [
        ("data/plans/kh-test/plan.yaml", "bad-date")
    ]


# --- formats ----------------------------------------------------------------------------------


def test_json_contract(make_registry):
    root = make_registry({f"{TASKS}/I-2.yaml": WARNED, f"{TASKS}/I-3.yaml": UNKNOWN_FIELD})
    result, report = validate_json(root)
    assert result.exit_code == 1
    assert set(report) == {"ok", "files", "errors", "warnings"}
    assert report["ok"] is False
    assert report["files"] == 5
    assert len(report["errors"]) == 1 and len(report["warnings"]) == 1
    for problem in report["errors"] + report["warnings"]:
        assert {"file", "line", "column", "code", "message"} <= set(problem)
        assert isinstance(problem["line"], int) and problem["line"] >= 1
        assert isinstance(problem["column"], int) and problem["column"] >= 1
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", problem["code"])
        assert VIETNAMESE.search(problem["message"])
        assert not problem["file"].startswith("/")
    assert report["warnings"][0]["file"] == f"{TASKS}/I-2.yaml"
    assert (report["warnings"][0]["line"], report["warnings"][0]["column"]) == (4, 11)


def test_text_format(make_registry):
    root = make_registry({f"{TASKS}/I-2.yaml": WARNED, f"{TASKS}/I-3.yaml": UNKNOWN_FIELD})
    result = invoke("validate", "--registry", str(root))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    error = lines.index(
        f"{TASKS}/I-3.yaml:5:1: lỗi unknown-field: trường “dealine” không có trong nhiệm vụ"
    )
    assert lines[error + 1] == "    gợi ý: có phải “deadline”?"
    warning = next(i for i, line in enumerate(lines) if line.startswith(f"{TASKS}/I-2.yaml:"))
    assert lines[warning].startswith(f"{TASKS}/I-2.yaml:4:11: cảnh báo no-deadline: ")
    assert lines[warning + 1].startswith("    gợi ý: ")
    assert lines[-1] == "Đã kiểm tra 5 tệp: 1 lỗi, 1 cảnh báo — không đạt."


def test_text_format_clean(make_registry):
    result = invoke("validate", "--registry", str(make_registry()))
    assert result.exit_code == 0
    assert result.stdout.strip() == "Đã kiểm tra 3 tệp: 0 lỗi, 0 cảnh báo — đạt."


def test_github_format(make_registry):
    root = make_registry({f"{TASKS}/I-2.yaml": WARNED, f"{TASKS}/I-3.yaml": UNKNOWN_FIELD})
    result = invoke("validate", "--registry", str(root), "--format", "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    annotations = [line for line in lines if line.startswith("::")]
    assert len(annotations) == 2
    assert all(line.startswith(("::error file=", "::warning file=")) for line in annotations)
    assert f"::error file={TASKS}/I-3.yaml,line=5,col=1,title=unknown-field::" in result.stdout
    assert f"::warning file={TASKS}/I-2.yaml,line=4,col=11,title=no-deadline::" in result.stdout


def test_github_format_strict_makes_warnings_errors(make_registry):
    root = make_registry({f"{TASKS}/I-2.yaml": WARNED})
    result = invoke("validate", "--registry", str(root), "--format", "github", "--strict")
    assert result.exit_code == 1
    assert result.stdout.startswith(f"::error file={TASKS}/I-2.yaml,line=4,col=11,")


def test_github_format_escapes(make_registry):
    odd = "data/partners/a,b:c%d.yaml"
    task = 'code: "I.4"\ntitle: "Thử"\nlead: ["Sở 100%\\nMới"]\ndeadline: "2026"\n'
    root = make_registry({odd: "", f"{TASKS}/I-4.yaml": task})
    result = invoke("validate", "--registry", str(root), "--format", "github")
    assert result.exit_code == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == 2
    empty = next(line for line in annotations if "empty-file" in line)
    # properties escape %, then : and ,
    assert empty.startswith("::error file=data/partners/a%2Cb%3Ac%25d.yaml,line=1,col=1,")
    unit = next(line for line in annotations if "unknown-unit" in line)
    message = unit.split("::", 2)[2]
    # the message escapes % and newlines (one annotation stays one line) but keeps : and ,
    assert "Sở 100%25%0AMới" in message
    assert "\n" not in unit and "100%M" not in unit


# --- PATH arguments and finding the registry --------------------------------------------------


def test_paths_restrict_the_report(make_registry, monkeypatch):
    root = make_registry({f"{TASKS}/I-2.yaml": WARNED, f"{TASKS}/I-3.yaml": UNKNOWN_FIELD})
    result, report = validate_json(root, str(root / TASKS / "I-2.yaml"))
    assert result.exit_code == 0
    assert report["files"] == 1
    assert [w["file"] for w in report["warnings"]] == [f"{TASKS}/I-2.yaml"]
    assert report["errors"] == []

    monkeypatch.chdir(root)
    result, report = validate_json(root, f"{TASKS}/I-3.yaml", "data/departments.yaml")
    assert result.exit_code == 1
    assert report["files"] == 2
    assert [e["file"] for e in report["errors"]] == [f"{TASKS}/I-3.yaml"]
    assert report["warnings"] == []

    result, report = validate_json(root, "data/plans")
    assert report["files"] == 4
    assert (len(report["errors"]), len(report["warnings"])) == (1, 1)


def test_walks_up_from_a_subfolder(make_registry, monkeypatch):
    root = make_registry({f"{TASKS}/I-2.yaml": WARNED})
    monkeypatch.chdir(root / TASKS)
    result = invoke("validate", "--format", "json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["files"] == 4
    assert [w["file"] for w in report["warnings"]] == [f"{TASKS}/I-2.yaml"]
    # a relative PATH is read from the current folder
    result = invoke("validate", "--format", "json", "I-2.yaml")
    assert json.loads(result.stdout)["files"] == 1


def test_registry_from_the_environment(make_registry, tmp_path, monkeypatch):
    root = make_registry({f"{TASKS}/I-3.yaml": UNKNOWN_FIELD})
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = invoke("validate", "--format", "json", env={"HNQT_REGISTRY": str(root)})
    assert result.exit_code == 1
    assert json.loads(result.stdout)["files"] == 4


def test_registry_without_marker_is_not_found_by_walking(make_registry, monkeypatch):
    root = make_registry({"hnqt.toml": None})
    monkeypatch.chdir(root / "data")
    result = invoke("validate")
    assert result.exit_code == 2
    # but naming it explicitly works
    assert invoke("validate", "--registry", str(root)).exit_code == 0


# --- the installed console script -----------------------------------------------------------


def test_console_script(make_registry, tmp_path):
    hnqt = console_script()
    root = make_registry({f"{TASKS}/I-2.yaml": WARNED})
    env = {**os.environ, "HNQT_REGISTRY": str(root)}
    done = subprocess.run(
        [hnqt, "validate", "--format", "json"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert set(report) == {"ok", "files", "errors", "warnings"}
    assert report["files"] == 4 and [w["code"] for w in report["warnings"]] == ["no-deadline"]

    strict = subprocess.run(
        [hnqt, "validate", "--strict"], capture_output=True, text=True, env=env, timeout=60
    )
    assert strict.returncode == 1
    assert f"{TASKS}/I-2.yaml:4:11: cảnh báo no-deadline:" in strict.stdout

    (root / TASKS / "I-3.yaml").write_text(UNKNOWN_FIELD, encoding="utf-8")
    failing = subprocess.run(
        [hnqt, "validate", "--format", "github"],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert failing.returncode == 1
    assert f"::error file={TASKS}/I-3.yaml,line=5,col=1,title=unknown-field::" in failing.stdout


def test_console_script_usage_errors(tmp_path):
    hnqt = console_script()
    env = {k: v for k, v in os.environ.items() if k != "HNQT_REGISTRY"}
    missing = subprocess.run(
        [hnqt, "validate"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60
    )
    assert missing.returncode == 2
    assert "Traceback" not in missing.stdout + missing.stderr
    assert missing.stderr.startswith("lỗi: không tìm thấy sổ đăng ký")
    bad = subprocess.run(
        [hnqt, "validate", "--registry", str(tmp_path / "x")],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert bad.returncode == 2
    assert "Traceback" not in bad.stdout + bad.stderr
    assert "lỗi:" in bad.stderr


# --- help -----------------------------------------------------------------------------------


def _commands() -> dict:
    """The commands registered on the Typer app, as the command-line parser sees them."""
    group = typer.main.get_command(app)
    return dict(group.commands)  # type: ignore[attr-defined]


COMMANDS = sorted(_commands())


def test_the_contract_commands_exist():
    assert {"validate", "schema", "due", "show", "list", "stats"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_vietnamese_help(name):
    command = _commands()[name]
    assert command.help and VIETNAMESE.search(command.help), f"{name} has no Vietnamese help"
    for param in command.params:
        if param.name in ("help",):
            continue
        help_text = getattr(param, "help", None)
        assert help_text and VIETNAMESE.search(help_text), f"{name} {param.name}: no help"
    result = invoke(name, "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Cách dùng: hnqt {name} [TÙY_CHỌN]")
    assert " ".join(command.help.split()[:4]) in " ".join(result.stdout.split())
    assert "-h" in invoke(name, "-h").stdout
    # click's own words are Vietnamese too
    assert "\nTùy chọn:\n" in result.stdout and "Xem hướng dẫn này." in result.stdout
    for english in ("Usage:", "Options:", "Arguments:", "[default:", "Show this message"):
        assert english not in result.stdout, english


def test_hnqt_alone_shows_the_help_page_not_an_error():
    result = invoke()
    assert result.exit_code == 2
    assert result.stderr.startswith("Cách dùng: hnqt [TÙY_CHỌN] LỆNH")
    assert "lỗi" not in result.stderr and result.stdout == ""


def test_app_help():
    result = invoke("--help")
    assert result.exit_code == 0
    assert "hnqt — Hà Nội · Quan hệ quốc tế" in result.stdout
    for name in COMMANDS:
        assert re.search(rf"^\s+{name}\s+\S", result.stdout, re.MULTILINE), name
    assert invoke("-h").stdout == result.stdout
    assert result.stdout.startswith("Cách dùng: hnqt [TÙY_CHỌN] LỆNH [ĐỐI_SỐ]...")
    assert "\nLệnh:\n" in result.stdout and "Commands:" not in result.stdout


@pytest.mark.parametrize("encoding", ["cp1258", "ascii"])
def test_output_is_utf8_whatever_the_locale(encoding):
    """On Windows, output sent to a file is encoded in the ANSI code page (cp1258 for
    Vietnamese), which has no “ế”: hnqt must still write every character, in UTF-8."""
    hnqt = console_script()
    env = {**os.environ, "PYTHONIOENCODING": encoding, "HNQT_REGISTRY": str(FIXTURE)}
    done = subprocess.run(
        [hnqt, "due", "--so", "Sở Y tế", "--as-of", AS_OF.isoformat()], capture_output=True,
        env=env, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert re.search(r"Sở Y tế — \d+ việc", done.stdout.decode("utf-8"))
    unknown = subprocess.run([hnqt, "due", "--so", "Sở Y khoa"], capture_output=True, env=env,
                             timeout=60)  # fmt: skip
    assert unknown.returncode == 2
    assert unknown.stderr.decode("utf-8").startswith("lỗi: không có đơn vị “Sở Y khoa”")
