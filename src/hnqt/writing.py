"""Writing files so that nothing is half-written, nothing is written through a link, and a
failure leaves the old file as it was (DESIGN §6)."""

from __future__ import annotations

import os
from pathlib import Path

from .problems import UsageError


def _refuse_link(path: Path, hint: str) -> None:
    """A link would make hnqt write wherever it points (outside the registry, say)."""
    if path.is_symlink():
        raise UsageError(f"“{path}” là liên kết (symlink): hnqt không ghi qua liên kết", hint)


def prepare_folder(folder: Path) -> None:
    """The folder to write into, created if missing; a link or a file in its place is refused."""
    _refuse_link(folder, "chọn một thư mục thật, hoặc xóa liên kết")
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"“{folder}” là một tệp, không phải thư mục", "chọn một thư mục")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(
            f"không tạo được thư mục “{folder}”: {exc.strerror}",
            "kiểm tra quyền ghi, hoặc chọn thư mục khác",
        ) from None


def check_writable(path: Path) -> None:
    """Refuse a link (it would write elsewhere) or a folder where a file is to be written;
    called for every file of a batch before the first is written."""
    _refuse_link(path, "xóa liên kết rồi chạy lại; tệp sẽ được ghi mới")
    if path.exists() and not path.is_file():
        raise UsageError(f"“{path}” không phải một tệp thường", "xóa hoặc đổi tên nó rồi chạy lại")


def write_text(path: Path, text: str) -> None:
    """Write UTF-8 text with LF line ends: a reader sees the old file or the new one, never a
    part; the file keeps its permission bits; a link at `path` is refused, not followed."""
    check_writable(path)
    mode = path.stat().st_mode & 0o7777 if path.exists() else None
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise UsageError(
            f"không ghi được “{path}”: {exc.strerror}", "kiểm tra quyền ghi của thư mục"
        ) from None
