"""Writing a file: whole or not at all, never through a link, permission bits kept."""

from __future__ import annotations

import os
import stat

import pytest

from conftest import snapshot
from hnqt import compat
from hnqt.problems import UsageError
from hnqt.writing import locked, prepare_folder, write_file, write_files


def test_a_new_file_is_written_whole_with_lf_and_nothing_else_is_left(tmp_path):
    write_file(tmp_path / "a.json", "một\r\nhai\n")
    assert (tmp_path / "a.json").read_bytes() == "một\r\nhai\n".encode()
    write_file(tmp_path / "a.json", "ba\n")
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == "ba\n"
    assert os.listdir(tmp_path) == ["a.json"]  # no temporary file left behind


def test_an_existing_file_keeps_its_permission_bits(tmp_path):
    path = tmp_path / "a.json"
    path.write_text("cũ\n", encoding="utf-8")
    path.chmod(0o640)
    write_file(path, "mới\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.read_text(encoding="utf-8") == "mới\n"


def test_a_link_is_refused_and_its_target_untouched(tmp_path):
    target = tmp_path / "outside.txt"
    target.write_text("bí mật\n", encoding="utf-8")
    folder = tmp_path / "schemas"
    folder.mkdir()
    (folder / "task.schema.json").symlink_to(target)
    before = snapshot(tmp_path)
    with pytest.raises(UsageError) as raised:
        write_file(folder / "task.schema.json", "{}\n")
    assert "liên kết" in raised.value.message and raised.value.hint
    assert snapshot(tmp_path) == before


def test_a_folder_in_place_of_the_file_is_refused(tmp_path):
    (tmp_path / "a.json").mkdir()
    before = snapshot(tmp_path)
    with pytest.raises(UsageError, match="không phải một tệp thường"):
        write_file(tmp_path / "a.json", "{}\n")
    assert snapshot(tmp_path) == before


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "a.json"
    path.write_text("cũ\n", encoding="utf-8")

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(UsageError, match="không ghi được"):
        write_file(path, "mới\n")
    assert path.read_text(encoding="utf-8") == "cũ\n"
    assert os.listdir(tmp_path) == ["a.json"]


@pytest.mark.parametrize("kind", ["file", "link"])
def test_prepare_folder_refuses_a_file_or_a_link(tmp_path, kind):
    place = tmp_path / "out"
    if kind == "file":
        place.write_text("x", encoding="utf-8")
    else:
        (tmp_path / "elsewhere").mkdir()
        place.symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    before = snapshot(tmp_path)
    with pytest.raises(UsageError):
        prepare_folder(place)
    assert snapshot(tmp_path) == before


def test_prepare_folder_creates_missing_parents(tmp_path):
    prepare_folder(tmp_path / "a" / "b")
    assert (tmp_path / "a" / "b").is_dir()


def test_a_folder_that_cannot_be_made_is_said_with_a_hint(tmp_path, monkeypatch):
    def refused(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(tmp_path), "mkdir", refused)
    with pytest.raises(UsageError) as raised:
        prepare_folder(tmp_path / "schemas")
    assert raised.value.message.startswith("không tạo được thư mục") and raised.value.hint
    assert os.listdir(tmp_path) == []


def test_a_second_writer_finds_the_lock_and_is_refused(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("cũ\n", encoding="utf-8")
    with locked(path):
        with pytest.raises(UsageError) as raised:
            write_file(path, "mới\n")
        assert "đang được một lệnh khác sửa" in raised.value.message
        assert "a.yaml.lock" in raised.value.hint
    assert path.read_text(encoding="utf-8") == "cũ\n"
    assert os.listdir(tmp_path) == ["a.yaml"]  # the lock went with the first writer


def test_a_lock_left_as_a_link_is_not_followed(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("cũ\n", encoding="utf-8")
    (tmp_path / "victim").write_text("x\n", encoding="utf-8")
    (tmp_path / "a.yaml.lock").symlink_to(tmp_path / "victim")
    before = snapshot(tmp_path)
    with pytest.raises(UsageError):
        write_file(path, "mới\n")
    assert snapshot(tmp_path) == before


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("cũ\n", encoding="utf-8")
    with locked(path) as lock:
        seen = lock.read()
        path.write_text("một trình soạn thảo vừa lưu\n", encoding="utf-8")
        with pytest.raises(UsageError, match="vừa bị thay đổi"):
            lock.commit("mới\n", seen)
    assert path.read_text(encoding="utf-8") == "một trình soạn thảo vừa lưu\n"
    assert os.listdir(tmp_path) == ["a.yaml"]


def test_a_commit_writes_through_the_lock_and_keeps_the_mode(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("cũ\n", encoding="utf-8")
    path.chmod(0o600)
    with locked(path) as lock:
        assert (tmp_path / "a.yaml.lock").exists()
        lock.commit("mới\n", lock.read())
    assert path.read_text(encoding="utf-8") == "mới\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert os.listdir(tmp_path) == ["a.yaml"]


def test_an_error_while_locked_leaves_the_file_and_no_lock(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("cũ\n", encoding="utf-8")
    with pytest.raises(RuntimeError), locked(path):
        raise RuntimeError("giữa chừng")
    assert path.read_text(encoding="utf-8") == "cũ\n"
    assert os.listdir(tmp_path) == ["a.yaml"]


def test_bytes_are_written_as_they_are_keeping_permissions(tmp_path):
    """A renderer may make bytes (a .docx): the same writer, the same guarantees."""
    path = tmp_path / "bao-cao.docx"
    path.write_bytes(b"old")
    path.chmod(0o640)
    content = b"PK\x03\x04\x00\r\n\xff"
    write_file(path, content)
    assert path.read_bytes() == content
    assert path.stat().st_mode & 0o777 == 0o640
    assert os.listdir(tmp_path) == ["bao-cao.docx"]


def _batch(tmp_path):
    """Two existing files and a new one in a folder not made yet."""
    (tmp_path / "a.yaml").write_text("a cũ\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("b cũ\n", encoding="utf-8")
    (tmp_path / "a.yaml").chmod(0o640)
    return {
        tmp_path / "a.yaml": ("a mới\n", b"a c\xc5\xa9\n"),
        tmp_path / "b.yaml": ("b mới\n", b"b c\xc5\xa9\n"),
        tmp_path / "moi" / "c.yaml": ("c\n", None),
    }


@pytest.fixture
def fsyncs(monkeypatch) -> list[int]:
    """The descriptors fsync is called on (each still flushed)."""
    calls: list[int] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: calls.append(fd) or real(fd))
    return calls


@pytest.mark.parametrize("flush", ["syncfs", "fsync"])
def test_a_batch_is_written_whole_keeping_modes(tmp_path, monkeypatch, fsyncs, flush):
    if flush == "syncfs" and compat.filesystem_sync() is None:
        pytest.skip("không có syncfs trên hệ này")
    if flush == "fsync":  # where there is no syncfs: each file is flushed as it is staged
        monkeypatch.setattr(compat, "filesystem_sync", lambda: None)
    write_files(_batch(tmp_path))
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == "a mới\n"
    assert (tmp_path / "moi" / "c.yaml").read_text(encoding="utf-8") == "c\n"
    assert stat.S_IMODE((tmp_path / "a.yaml").stat().st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["a.yaml", "b.yaml", "moi"]  # no lock left
    assert len(fsyncs) == (3 if flush == "fsync" else 0)


def test_a_refusal_anywhere_in_a_batch_writes_nothing(tmp_path):
    contents = _batch(tmp_path)
    (tmp_path / "b.yaml").write_text("một trình soạn thảo vừa lưu\n", encoding="utf-8")
    before = snapshot(tmp_path)
    with pytest.raises(UsageError, match="vừa bị thay đổi"):
        write_files(contents)
    after = snapshot(tmp_path)
    assert after.pop("moi") and after == before  # the folder is made; no file is written


def test_a_held_lock_in_a_batch_writes_nothing_and_leaves_no_lock(tmp_path):
    contents = _batch(tmp_path)
    with locked(tmp_path / "b.yaml"):
        before = snapshot(tmp_path)
        with pytest.raises(UsageError, match="đang được một lệnh khác sửa"):
            write_files(contents)
        after = snapshot(tmp_path)
    assert after.pop("moi") and after == before


def _refused(descriptor):
    raise OSError(38, "Function not implemented")


def test_a_file_system_flush_refused_falls_back_to_flushing_each_file(
    tmp_path, monkeypatch, fsyncs
):
    """A sandbox may refuse syncfs: each staged file is then flushed on its own."""
    monkeypatch.setattr(compat, "filesystem_sync", lambda: _refused)
    write_files(_batch(tmp_path))
    assert (tmp_path / "b.yaml").read_text(encoding="utf-8") == "b mới\n"
    assert len(fsyncs) == 3 and sorted(os.listdir(tmp_path)) == ["a.yaml", "b.yaml", "moi"]


def test_a_failed_flush_replaces_nothing(tmp_path, monkeypatch):
    def failing(descriptor):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(compat, "filesystem_sync", lambda: _refused)
    monkeypatch.setattr(os, "fsync", failing)
    contents = _batch(tmp_path)
    before = snapshot(tmp_path)
    with pytest.raises(UsageError) as raised:
        write_files(contents)
    assert "xuống đĩa" in raised.value.message and "chưa tệp nào" in raised.value.hint
    after = snapshot(tmp_path)
    assert after.pop("moi") and after == before
