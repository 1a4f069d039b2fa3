"""Writing files so that nothing is half-written, nothing is written through a link, and a
failure leaves the old file as it was (DESIGN §6)."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from .problems import UsageError, os_reason

LOCK_SUFFIX = ".lock"
ANY = object()  # commit without comparing the file to what was read


def _link_refused(path: Path, hint: str) -> UsageError:
    """A link would make hnqt write wherever it points (outside the registry, say)."""
    return UsageError(f"“{path}” là liên kết (symlink): hnqt không ghi qua liên kết", hint)


def prepare_folder(folder: Path) -> None:
    """The folder to write into, created if missing; a link or a file in its place is refused."""
    if folder.is_symlink():
        raise _link_refused(folder, "chọn một thư mục thật, hoặc xóa liên kết")
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"“{folder}” là một tệp, không phải thư mục", "chọn một thư mục")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(
            f"không tạo được thư mục “{folder}”: {os_reason(exc)}",
            "kiểm tra quyền ghi, hoặc chọn thư mục khác",
        ) from None


def _check_writable(path: Path) -> None:
    """Refuse a link (it would write elsewhere) or a folder where a file is to be written,
    with one lstat (a batch asks it of a thousand files)."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:  # absent (or unreachable: opening it says why)
        return
    if stat.S_ISLNK(mode):
        raise _link_refused(path, "xóa liên kết rồi chạy lại; tệp sẽ được ghi mới")
    if not stat.S_ISREG(mode):
        raise UsageError(f"“{path}” không phải một tệp thường", "xóa hoặc đổi tên nó rồi chạy lại")


class Lock:
    """A held lock on one file, as git holds `index.lock`: `file.lock` is created exclusively
    (never through a link), the new content is staged in it, and placing it renames it over
    the file. A second writer finds the lock and is refused instead of interleaving."""

    def __init__(self, path: Path) -> None:
        _check_writable(path)
        self.path = path
        self.lock = path.with_name(path.name + LOCK_SUFFIX)
        self._held = False  # the lock file is ours to remove (not yet renamed into place)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        try:
            self._fd: int | None = os.open(self.lock, flags, 0o666)
        except FileExistsError:
            raise UsageError(
                f"“{path}” đang được một lệnh khác sửa (có tệp khóa “{self.lock.name}”)",
                f"chờ lệnh kia xong rồi chạy lại; nếu không còn lệnh nào đang chạy, "
                f"xóa “{self.lock}”",
            ) from None
        except OSError as exc:
            raise self._failed(exc) from None
        self._held = True

    def read(self) -> bytes | None:
        """The file's bytes as they are now (None when it does not exist yet)."""
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None

    def commit(self, content: str | bytes, expected: object = ANY) -> None:
        """Replace the file with `content` (text as UTF-8, written as it is: LF stays LF),
        keeping its permission bits. With `expected`, the file must still hold those bytes
        (None: must still be absent): an editor that saved it meanwhile is not overwritten."""
        self.stage(content, expected, durable=True)
        self.place()

    def stage(self, content: str | bytes, expected: object = ANY, *, durable: bool) -> None:
        """Write `content` into the lock file and close it; the file itself is untouched until
        `place`. `durable`: flushed to the disk now (otherwise the caller flushes the batch)."""
        if expected is not ANY and self.read() != expected:
            raise UsageError(
                f"“{self.path}” vừa bị thay đổi trong lúc hnqt sửa; chưa ghi gì",
                "chạy lại lệnh",
            )
        assert self._fd is not None
        fd, self._fd = self._fd, None
        # Straight to the descriptor: a file object would first ask whether it is a terminal
        # and where it stands (two system calls per file of a batch).
        data = memoryview(content.encode("utf-8") if isinstance(content, str) else content)
        try:
            try:
                while data:
                    data = data[os.write(fd, data) :]
                if durable:
                    os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as exc:
            raise self._failed(exc) from None

    def flush_staged(self) -> None:
        """Flush the staged content to the disk (when the batch's one flush could not)."""
        fd = os.open(self.lock, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def place(self) -> None:
        """Rename the staged content over the file, keeping the file's permission bits."""
        try:
            with contextlib.suppress(FileNotFoundError):  # a new file keeps the lock's mode
                os.chmod(self.lock, os.stat(self.path).st_mode & 0o7777)
            os.replace(self.lock, self.path)
        except OSError as exc:
            raise self._failed(exc) from None
        self._held = False

    def release(self) -> None:
        """Give the lock up; the file is left as it is (once placed, the lock is gone)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        if self._held:
            self.lock.unlink(missing_ok=True)
            self._held = False

    def _failed(self, error: OSError) -> UsageError:
        self.release()
        return UsageError(
            f"không ghi được “{self.path}”: {os_reason(error)}", "kiểm tra quyền ghi của thư mục"
        )


@contextlib.contextmanager
def locked(path: Path) -> Iterator[Lock]:
    """Hold the lock on `path` for a read-modify-write; whatever happens, the lock goes."""
    lock = Lock(path)
    try:
        yield lock
    finally:
        lock.release()


def write_file(path: Path, content: str | bytes) -> None:
    """Write text (UTF-8, line ends as given) or bytes (a .docx, a .xlsx): a reader sees the
    old file or the new one, never a part; the file keeps its permission bits; a link at
    `path` is refused, not followed. Every file hnqt writes goes through here, `write_files`
    or `locked`."""
    with locked(path) as lock:
        lock.commit(content)


def write_files(contents: Mapping[Path, tuple[str | bytes, object]]) -> None:
    """Write a batch of files, each `path: (content, expected)` as `Lock.commit` takes them.
    Every file is checked, locked and its content staged before any is renamed into place:
    a refusal (a link, a lock another edit holds, a file changed since it was read) leaves
    every file as it was. One flush of the file system makes the batch durable, where a
    flush per file costs the kernel a journal commit each (Linux)."""
    from .compat import filesystem_sync

    folders = list(dict.fromkeys(path.parent for path in contents))
    for folder in folders:
        prepare_folder(folder)
    sync = filesystem_sync()
    with contextlib.ExitStack() as held:
        locks = []
        for path, (content, expected) in contents.items():
            lock = held.enter_context(locked(path))
            lock.stage(content, expected, durable=sync is None)  # closed: no descriptors pile up
            locks.append(lock)
        if sync is not None:
            try:
                _flush(sync, folders, locks)
            except OSError as exc:
                raise UsageError(
                    f"không ghi được các tệp xuống đĩa: {os_reason(exc)}",
                    "kiểm tra chỗ trống và quyền ghi của đĩa; chưa tệp nào bị thay",
                ) from None
        for lock in locks:
            lock.place()


def _flush(sync: Callable[[int], None], folders: list[Path], staged: list[Lock]) -> None:
    """Flush, once each, the file systems the folders are on; where that is refused (a sandbox
    without syncfs) or fails (elsewhere on the disk, maybe), each staged file on its own."""
    flushed: set[int] = set()
    try:
        for folder in folders:
            descriptor = os.open(folder, os.O_RDONLY)
            try:
                device = os.fstat(descriptor).st_dev
                if device not in flushed:
                    sync(descriptor)
                    flushed.add(device)
            finally:
                os.close(descriptor)
    except OSError:
        for lock in staged:
            lock.flush_staged()
