"""The cache under `.hnqt-cache/`: what the last run read from every file, with each file's
stamp. Nothing changed: the last answer is reused. Some files changed: only those are read again.

Anything in the working tree may have arrived in a pull request, this folder included (DESIGN §6):

- the cache is JSON, so loading it cannot run code; records are rebuilt field by field from
  their own class (no validation again, no constructor that could be anything else);
- it is signed with keyed BLAKE2b (a MAC, like HMAC) under a key kept in the user's own cache
  folder, and nothing in it is decoded before its signature is checked; a key of the wrong
  length (an empty file left by a full disk) counts as no key and is replaced;
- the folder is opened without following a link, every file is created with
  O_CREAT|O_EXCL|O_NOFOLLOW under a fresh name and renamed into place inside that folder, and
  nothing inside it is followed if it is a link;
- a file's stamp is (size, mtime, ctime, inode), as git's index keeps it: `touch -d`, an edit
  with the old mtime put back, or `cp -a` from another checkout change ctime or inode;
- entries for files changed in the last clock tick before the cache was written are not kept
  (git's "racily clean" rule), and an old cache stops counting when hnqt's code changes.

Any cache that fails a check is ignored and written anew.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import stat
import time
from _operator import _compare_digest  # what hmac.compare_digest is, without importing hashlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from .compat import blake2b
from .values import Record

CACHE_DIR = ".hnqt-cache"
_FORMAT = "hnqt-cache-2"
CACHE_FILE = "registry.json"
_KEY_FILE = "cache-key"
KEY_BYTES = 32
_MAC_BYTES = 32
_MAX_BYTES = 1 << 30  # larger than any registry's cache: a planted giant is not read
_COARSE_NS = 2_000_000_000
_FINE_NS = 50_000_000
Stamp = tuple[int, int, int, int]  # (size, mtime_ns, ctime_ns, inode), as git's index
RACY: Stamp = (-1, -1, -1, -1)  # matches no file: read again next time

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY
# Where names can be opened relative to an open folder, the folder cannot be swapped for a
# link between a check and a use (Windows cannot: there the path is checked first).
_AT = os.open in os.supports_dir_fd and os.replace in os.supports_dir_fd and bool(_DIRECTORY)


def stamp_of(status: os.stat_result) -> Stamp:
    return (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)


# --- a folder opened without following links ------------------------------------------------


class _Folder:
    """A folder whose entries are opened and renamed relative to it, never through a link."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd: int | None = None
        if _AT:
            self.fd = os.open(path, os.O_RDONLY | _DIRECTORY | _NOFOLLOW)
        elif not stat.S_ISDIR(os.lstat(path).st_mode):  # a link or a file: not ours to use
            raise NotADirectoryError(path)

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)

    def _name(self, name: str) -> str:
        return name if self.fd is not None else str(self.path / name)

    def open(self, name: str, flags: int, mode: int = 0o666) -> int:
        return os.open(self._name(name), flags, mode, dir_fd=self.fd)

    def read(self, name: str, limit: int) -> bytes | None:
        """A regular file's bytes (never a link, a FIFO or a device), or None."""
        try:
            fd = self.open(name, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _BINARY)
        except OSError:
            return None
        try:
            status = os.fstat(fd)
            if not stat.S_ISREG(status.st_mode) or status.st_size > limit:
                return None
            with os.fdopen(fd, "rb", closefd=False) as file:
                return file.read()  # sized by the open file; read(limit) would allocate limit
        except OSError:
            return None
        finally:
            os.close(fd)

    def create(self, name: str, chunks: Iterator[bytes], mode: int = 0o666,
               sync: bool = False) -> None:  # fmt: skip
        """Write a new file under a fresh name, then rename it to `name` (a link or file there
        is replaced, never followed). OSError when any step fails; nothing half-written stays."""
        temporary = f".{name}.{os.getpid()}.{os.urandom(6).hex()}.tmp"
        fd = self.open(temporary, _CREATE, mode)
        try:
            with os.fdopen(fd, "wb") as file:
                for chunk in chunks:
                    file.write(chunk)
                if sync:
                    file.flush()
                    os.fsync(file.fileno())
            os.replace(self._name(temporary), self._name(name),
                       src_dir_fd=self.fd, dst_dir_fd=self.fd)  # fmt: skip
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(self._name(temporary), dir_fd=self.fd)
            raise

    def add_once(self, name: str, content: bytes) -> None:
        """Create `name` unless something (even a dangling link) is there already."""
        try:
            fd = self.open(name, _CREATE)
        except OSError:
            return
        with os.fdopen(fd, "wb") as file:
            file.write(content)


def _open_folder(path: Path, *, create: bool) -> _Folder | None:
    if create:
        # There already (checked below), or not writable (no cache then).
        with contextlib.suppress(OSError):
            os.mkdir(path)
    try:
        return _Folder(path)
    except OSError:
        return None


# --- the key --------------------------------------------------------------------------------


def _key(*, create: bool) -> bytes | None:
    """The user's key: exactly KEY_BYTES read from a regular file, else a new one (when asked)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "hnqt"
    folder = _open_folder(base, create=False)
    key = folder.read(_KEY_FILE, KEY_BYTES) if folder is not None else None
    if key is not None and len(key) == KEY_BYTES:
        if folder is not None:
            folder.close()
        return key
    if folder is not None:
        folder.close()
    if not create:
        return None
    try:
        base.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    folder = _open_folder(base, create=True)
    if folder is None:
        return None
    key = os.urandom(KEY_BYTES)
    try:
        folder.create(_KEY_FILE, iter([key]), 0o600, sync=True)
    except OSError:
        return None
    finally:
        folder.close()
    return key


def _mac(key: bytes, *parts: bytes | memoryview) -> bytes:
    check = blake2b(key=key, digest_size=_MAC_BYTES)
    for part in parts:
        check.update(part)
    return check.digest()


# --- records as JSON ------------------------------------------------------------------------


def _record_classes() -> dict[str, type[Record]]:
    """Every record class by `module.Class`; what a cache may name (nothing else is built)."""
    from . import dates, deadlines, model, problems, units  # noqa: F401  (what a cache holds)

    found: dict[str, type[Record]] = {}
    pending: list[type[Record]] = list(Record.__subclasses__())
    while pending:
        cls = pending.pop()
        if "__slots__" in cls.__dict__:  # not the class `dataclass(slots=True)` replaced
            found[_tag(cls)] = cls
        pending.extend(cls.__subclasses__())
    return found


def _tag(cls: type) -> str:
    return f"{cls.__module__.rpartition('.')[2]}.{cls.__name__}"


def _encode(value: object) -> object:
    """JSON for what json cannot write itself: a record as {class: [fields]}, a date."""
    if isinstance(value, Record):
        return {_tag(type(value)): value._values()}
    if type(value) is date:
        return {"date": value.toordinal()}
    raise TypeError(f"hnqt cache cannot hold {type(value).__name__}")


def _tuples(value: list[Any]) -> tuple[Any, ...]:
    return tuple([_tuples(v) if type(v) is list else v for v in value])


class _Decoder:
    """Rebuilds records without validating again (the signature says hnqt wrote them): each
    field is set through its slot, as unpickling did, and a list becomes the tuple it was."""

    def __init__(self) -> None:
        self.classes = {
            tag: (cls, [getattr(cls, name).__set__ for name in cls.__slots__])
            for tag, cls in _record_classes().items()
        }

    def __call__(self, obj: dict[str, Any]) -> object:
        ((tag, values),) = obj.items()
        if tag == "date":
            return date.fromordinal(values)
        cls, setters = self.classes[tag]
        instance = object.__new__(cls)
        for set_field, value in zip(setters, values, strict=True):
            set_field(instance, _tuples(value) if type(value) is list else value)
        return instance


_PLAIN = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def plain_json(value: object) -> str:
    """Compact JSON of plain data (one encoder for thousands of small values: `json.dumps`
    with options builds a new one at every call)."""
    return _PLAIN.encode(value)


def to_json(value: object) -> bytes:
    """`value` made of lists, tuples, strings, numbers, records and dates; no dicts (a dict in
    the cache is a record or a date)."""
    return json.dumps(value, default=_encode, ensure_ascii=False, separators=(",", ":"),
                      check_circular=False).encode()  # fmt: skip


def from_json(data: bytes | memoryview) -> Any:
    """Lists come back as lists; inside records, as the tuples the records hold."""
    return json.loads(bytes(data), object_hook=_Decoder())


# --- the cache file -------------------------------------------------------------------------


@functools.cache  # the code cannot change under a running process: walk it once, not per read/write
def _code_fingerprint() -> list[list[object]]:
    """Changes whenever any module of hnqt changes: an old cache then stops counting.
    Callers only compare or serialise it, never change it."""
    stamps: list[list[object]] = [[_FORMAT]]
    folders = [os.path.dirname(__file__)]
    while folders:
        with os.scandir(folders.pop()) as listing:
            for entry in listing:
                if entry.name.endswith(".py"):
                    status = entry.stat()
                    stamps.append([entry.path, status.st_size, status.st_mtime_ns])
                elif entry.name != "__pycache__" and entry.is_dir():
                    folders.append(entry.path)
    stamps.sort(key=str)
    return stamps


class Snapshot:
    """What the last run left: file stamps and a summary, both checked; the body (large) is
    checked and decoded only when asked for (`validate` needs the summary alone)."""

    def __init__(self, stamps: dict[str, Stamp], summary: Any, key: bytes,
                 header_mac: bytes, body: memoryview) -> None:  # fmt: skip
        self.stamps = stamps
        self.summary = summary
        self._key = key
        self._header_mac = header_mac
        self._body = body

    def body(self) -> Any | None:
        payload, mac = self._body[:-_MAC_BYTES], self._body[-_MAC_BYTES:]
        if len(mac) != _MAC_BYTES or not _compare_digest(
            _mac(self._key, self._header_mac, payload), bytes(mac)
        ):
            return None
        try:
            return from_json(payload)
        except (ValueError, TypeError, KeyError, RecursionError):
            return None


def load(root: Path) -> Snapshot | None:
    """The last run's snapshot, or None without a cache that passes every check.

    Layout: header length (8 bytes), header JSON, its MAC, body JSON, MAC of header MAC + body.
    """
    key = _key(create=False)
    if key is None:
        return None
    folder = _open_folder(root / CACHE_DIR, create=False)
    if folder is None:
        return None
    try:
        raw = folder.read(CACHE_FILE, _MAX_BYTES)
    finally:
        folder.close()
    if raw is None or len(raw) < 8 + 2 * _MAC_BYTES:
        return None
    blob = memoryview(raw)
    size = int.from_bytes(blob[:8], "little")
    end = 8 + size
    if end + 2 * _MAC_BYTES > len(blob):
        return None
    header_mac = bytes(blob[end : end + _MAC_BYTES])
    if not _compare_digest(_mac(key, blob[:end]), header_mac):
        return None
    try:
        code, stamps, summary = from_json(blob[8:end])
        if code != _code_fingerprint():
            return None
        kept: dict[str, Stamp] = {rel: (size, mtime, ctime, inode)
                                  for rel, size, mtime, ctime, inode in stamps}  # fmt: skip
        return Snapshot(kept, summary, key, header_mac, blob[end + _MAC_BYTES :])
    except (ValueError, TypeError, KeyError, RecursionError):
        return None


def _racy(stamp: Stamp, now: int) -> bool:
    """Changed so recently that a same-size edit might not have moved mtime or ctime: within
    the clock tick of the file system (2 s where times are whole seconds, else 50 ms)."""
    latest = max(stamp[1], stamp[2])
    window = _COARSE_NS if stamp[1] % 1_000_000_000 == 0 else _FINE_NS
    return latest >= now - window


def save(root: Path, stamps: dict[str, Stamp], summary: object, body: object) -> None:
    """Write the cache in one piece; silently skip when it cannot be (not writable, a link or
    a file named like the folder, something in the way)."""
    key = _key(create=True)
    if key is None:
        return
    now = time.time_ns()
    kept = [(rel, *(RACY if _racy(stamp, now) else stamp)) for rel, stamp in stamps.items()]
    header = to_json((_code_fingerprint(), kept, summary))
    folder = _open_folder(root / CACHE_DIR, create=True)
    if folder is None:
        return
    try:
        folder.add_once(".gitignore", b"*\n")

        def chunks() -> Iterator[bytes]:
            header_mac = _mac(key, len(header).to_bytes(8, "little"), header)
            yield len(header).to_bytes(8, "little")
            yield header
            yield header_mac
            payload = to_json(body)
            yield payload
            yield _mac(key, header_mac, payload)

        folder.create(CACHE_FILE, chunks())
    except OSError:
        pass
    finally:
        folder.close()


# --- small records of other commands (`fmt`: files known canonical) --------------------------


def load_marks(root: Path, name: str) -> dict[str, object]:
    """A command's small record of what it already knows (`fmt`: the files already in canonical
    form, by stamp): JSON, never code, and trusted only when signed with the user's key by
    the code running now, so a record arriving in a pull request counts for nothing."""
    key = _key(create=False)
    folder = _open_folder(root / CACHE_DIR, create=False) if key is not None else None
    if key is None or folder is None:
        return {}
    try:
        blob = folder.read(name, _MAX_BYTES)
    finally:
        folder.close()
    if blob is None or len(blob) < _MAC_BYTES:
        return {}
    payload, signature = blob[:-_MAC_BYTES], blob[-_MAC_BYTES:]
    if not _compare_digest(_mac(key, name.encode(), payload), signature):
        return {}
    try:
        fingerprint, marks = json.loads(payload)
    except ValueError:
        return {}
    if fingerprint != _code_fingerprint() or not isinstance(marks, dict):
        return {}
    return marks


def save_marks(root: Path, name: str, marks: dict[str, object]) -> None:
    """Write a command's record, signed (under its name, so one record cannot pass for
    another); silently skipped where the cache cannot be written."""
    key = _key(create=True)
    folder = _open_folder(root / CACHE_DIR, create=True) if key is not None else None
    if key is None or folder is None:
        return
    payload = json.dumps([_code_fingerprint(), marks], ensure_ascii=False).encode()
    try:
        folder.add_once(".gitignore", b"*\n")
        folder.create(name, iter([payload, _mac(key, name.encode(), payload)]))
    except OSError:
        pass
    finally:
        folder.close()


def racy(stamp: Stamp) -> bool:
    """A stamp too recent to vouch for the file's content (see `_racy`)."""
    return _racy(stamp, time.time_ns())
