"""Odd things where registry files should be (issue 12, item 4): each is a problem at its
path (exit 1), nothing blocks, nothing is dropped without a word, nothing is changed.

Tests run as root here and in CI, and root reads a `chmod 000` file or folder anyway: an
unreadable folder or file is simulated by making `os.scandir` / `os.open` refuse that path
with PermissionError, as the system would for another user."""

from __future__ import annotations

import errno
import json
import os
import subprocess

import pytest
from typer.testing import CliRunner

from conftest import console_script, snapshot
from hnqt import cache, layout, yamlio
from hnqt.cli import app
from hnqt.layout import discover

TASKS = "data/plans/kh-test/tasks"
TASK_I2 = 'code: "I.2"\ntitle: "Hai"\nlead: ["Sở Y tế"]\ndeadline: "2026"\n'
runner = CliRunner()


def validate(root):
    result = runner.invoke(app, ["validate", "--format", "json", "--registry", str(root)])
    return result.exit_code, json.loads(result.stdout)


def errors(report) -> list[tuple[str, int, int, str]]:
    return [(e["file"], e["line"], e["column"], e["code"]) for e in report["errors"]]


@pytest.mark.parametrize(
    ("plant", "code", "words"),
    [
        (lambda p: p.symlink_to(p.name), "symlink-loop", "liên kết vòng"),
        (lambda p: p.symlink_to("missing.yaml"), "dangling-link", "“missing.yaml”"),
        (lambda p: os.mkfifo(p), "not-a-file", "không phải tệp thường"),
    ],
    ids=["loop", "dangling", "fifo"],
)
def test_an_odd_entry_where_a_task_file_should_be_is_a_problem(make_registry, plant, code, words):
    root = make_registry()
    plant(root / TASKS / "I-2.yaml")
    before = snapshot(root)
    exit_code, report = validate(root)
    assert exit_code == 1
    assert errors(report) == [(f"{TASKS}/I-2.yaml", 1, 1, code)]
    assert words in report["errors"][0]["message"] and report["errors"][0]["hint"]
    assert report["files"] == 3  # the odd entry is reported, not counted as read
    assert snapshot(root) == before


def test_a_fifo_never_blocks_any_command(make_registry):
    """In a child process: a blocking open would hang it until the timeout."""
    root = make_registry()
    os.mkfifo(root / TASKS / "I-2.yaml")
    env = {**os.environ, "HNQT_REGISTRY": str(root)}
    for args in (["validate"], ["due"], ["list", "tasks"], ["stats"]):
        done = subprocess.run([console_script(), *args], env=env, capture_output=True,
                              text=True, timeout=30)  # fmt: skip
        assert done.returncode in (0, 1), done.stderr
        assert "Traceback" not in done.stderr


def test_a_fifo_swapped_in_after_discovery_is_not_opened_for_reading(tmp_path):
    fifo = tmp_path / "I-2.yaml"
    os.mkfifo(fifo)
    doc, problems = yamlio.read(fifo, "I-2.yaml")
    assert doc is None and [p.code for p in problems] == ["not-a-file"]


def test_a_link_swapped_in_after_discovery_is_not_followed(tmp_path):
    target = tmp_path / "elsewhere.yaml"
    target.write_text(TASK_I2, encoding="utf-8")
    (tmp_path / "I-2.yaml").symlink_to(target)
    doc, problems = yamlio.read(tmp_path / "I-2.yaml", "I-2.yaml")
    assert doc is None and [p.code for p in problems] == ["unreadable"]
    assert problems[0].message == "không đọc được tệp: liên kết vòng"


def test_an_unreadable_folder_is_a_problem(make_registry, monkeypatch):
    root = make_registry({f"{TASKS}/I-2.yaml": TASK_I2})
    original = os.scandir
    refused = str(root / TASKS)

    def scandir(path):
        if str(path) == refused:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return original(path)

    monkeypatch.setattr(layout.os, "scandir", scandir)
    exit_code, report = validate(root)
    assert exit_code == 1
    assert errors(report) == [(TASKS, 1, 1, "unreadable")]
    assert report["errors"][0]["message"] == "không đọc được thư mục: không có quyền"


def test_an_unreadable_file_is_a_problem(make_registry, monkeypatch):
    root = make_registry({f"{TASKS}/I-2.yaml": TASK_I2})
    original = os.open
    refused = str(root / TASKS / "I-2.yaml")

    def open_(path, flags, *args, **kwargs):
        if str(path) == refused:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return original(path, flags, *args, **kwargs)

    monkeypatch.setattr(yamlio.os, "open", open_)
    exit_code, report = validate(root)
    assert exit_code == 1
    assert errors(report) == [(f"{TASKS}/I-2.yaml", 1, 1, "unreadable")]
    assert report["errors"][0]["message"] == "không đọc được tệp: không có quyền"


@pytest.mark.parametrize("what", ["file", "link"])
def test_a_file_or_link_named_like_the_cache_folder_is_a_problem(make_registry, tmp_path, what):
    root = make_registry()
    if what == "file":
        (root / cache.CACHE_DIR).write_text("", encoding="utf-8")
    else:
        (tmp_path / "elsewhere").mkdir()
        (root / cache.CACHE_DIR).symlink_to(tmp_path / "elsewhere")
    exit_code, report = validate(root)
    assert exit_code == 1
    assert errors(report) == [(cache.CACHE_DIR, 1, 1, "cache-blocked")]
    if what == "link":
        assert os.listdir(tmp_path / "elsewhere") == []


def test_a_link_inside_the_registry_is_read_through_its_real_path(make_registry):
    root = make_registry({"data/shared/I-2.yaml": TASK_I2})
    (root / TASKS / "I-2.yaml").symlink_to(root / "data/shared/I-2.yaml")
    files, problems = discover(root)
    assert problems == []
    path, kind, _ = files[f"{TASKS}/I-2.yaml"]
    assert kind == "task" and path == os.path.realpath(root / "data/shared/I-2.yaml")
