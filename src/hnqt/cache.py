"""The cache under `.hnqt-cache/`: the checked registry of the last run, with the stamp of
every file it was read from. Nothing changed: the registry is reused as is. Some files
changed: only those are read again, and the registry is put together anew.

An entry is keyed by path, size and mtime (nanoseconds) and is trusted only when the code that
made it is the code running now. Entries for files modified in the last two seconds before the
cache was written are not kept (git's "racily clean" rule: a same-size edit in the same clock
tick must not hide). The cache file is signed with a key kept in the user's own cache folder, so
a cache that arrives from elsewhere (a pull request, a copied folder) is never unpickled.
"""

from __future__ import annotations

import json
import os
import pickle
import time
from pathlib import Path
from typing import BinaryIO

from .compat import blake2b

CACHE_DIR = ".hnqt-cache"
_FORMAT = b"hnqt-cache-1"
_FILE = "registry.pickle"
_COARSE_NS = 2_000_000_000
_FINE_NS = 50_000_000
Stamp = tuple[int, int]  # (size, mtime_ns)
RACY: Stamp = (-1, -1)  # matches no file: read again next time


def _code_fingerprint() -> tuple[object, ...]:
    """Changes whenever any module of hnqt changes: an old cache then stops counting."""
    package = Path(__file__).parent
    stamps = []
    for folder, _, names in os.walk(package):
        for name in sorted(names):
            if name.endswith(".py"):
                stat = os.stat(os.path.join(folder, name))
                stamps.append((name, stat.st_size, stat.st_mtime_ns))
    return (_FORMAT, *sorted(stamps))


def _key() -> bytes | None:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "hnqt"
    path = base / "cache-key"
    try:
        return path.read_bytes()
    except FileNotFoundError:
        try:
            base.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except OSError:
            return None
        key = os.urandom(32)
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
        return key
    except OSError:
        return None


class Snapshot:
    """What the last run left: file stamps, the checked summary, and the registry (unpickled
    only when asked for: `validate` needs the summary alone)."""

    def __init__(self, stamps: dict[str, Stamp], summary: object, registry: memoryview) -> None:
        self.stamps = stamps
        self.summary = summary
        self._registry = registry

    def registry(self) -> object | None:
        try:
            registry: object = pickle.loads(self._registry)
            return registry
        except Exception:  # a damaged cache only costs a slower run
            return None


def _folder(root: Path) -> Path | None:
    """The cache folder, unless it is a link: a `.hnqt-cache` link arriving with a pull
    request must not make hnqt read or write somewhere else."""
    folder = root / CACHE_DIR
    return None if folder.is_symlink() else folder


def load(root: Path) -> Snapshot | None:
    """The last run's snapshot, or None without a trustworthy cache.

    Layout: header length (8 bytes), header pickle, registry pickle, signature (32 bytes).
    """
    key = _key()
    folder = _folder(root)
    if folder is None:
        return None
    try:
        blob = memoryview((folder / _FILE).read_bytes())
    except OSError:
        return None
    if key is None or len(blob) < 40:
        return None
    payload, signature = blob[:-32], blob[-32:]
    check = blake2b(key=key, digest_size=32)
    check.update(payload)
    if check.digest() != signature:  # a local file and key: no timing attack to fear
        return None
    size = int.from_bytes(payload[:8], "little")
    try:
        fingerprint, stamps, summary = pickle.loads(payload[8 : 8 + size])
    except Exception:
        return None
    if fingerprint != _code_fingerprint():
        return None
    return Snapshot(stamps, summary, payload[8 + size :])


class _SigningWriter:
    """Writes through to a file while signing what passes, so a large registry is pickled
    straight to disk instead of into memory first."""

    def __init__(self, file: BinaryIO, key: bytes) -> None:
        self.file = file
        self.signature = blake2b(key=key, digest_size=32)

    def write(self, data: bytes) -> int:
        self.signature.update(data)
        return self.file.write(data)


def _racy(stamp: Stamp, now: int) -> bool:
    """Modified so recently that a same-size edit might not have moved the mtime: within the
    clock tick of the file system (2 s where mtimes are whole seconds, else 50 ms)."""
    window = _COARSE_NS if stamp[1] % 1_000_000_000 == 0 else _FINE_NS
    return stamp[1] >= now - window


def _make(folder: Path) -> None:
    """The cache folder, ignored by git wherever the registry lives."""
    folder.mkdir(exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("*\n", encoding="utf-8")


def save(root: Path, stamps: dict[str, Stamp], summary: object, registry: object) -> None:
    """Write the cache atomically; silently skip when the folder is not writable.

    A racily modified file (see `_racy`) gets an impossible stamp, so the next run reads it
    again instead of trusting a same-size edit in the same clock tick (git's rule).
    """
    key = _key()
    if key is None:
        return
    now = time.time_ns()
    kept = {rel: RACY if _racy(stamp, now) else stamp for rel, stamp in stamps.items()}
    header = pickle.dumps((_code_fingerprint(), kept, summary), pickle.HIGHEST_PROTOCOL)
    folder = _folder(root)
    if folder is None:
        return
    temporary = folder / f"{_FILE}.{os.getpid()}.tmp"
    try:
        _make(folder)
        with open(temporary, "wb") as file:
            writer = _SigningWriter(file, key)
            writer.write(len(header).to_bytes(8, "little"))
            writer.write(header)
            pickle.dump(registry, writer, pickle.HIGHEST_PROTOCOL)
            file.write(writer.signature.digest())
        os.replace(temporary, folder / _FILE)
    except OSError:
        temporary.unlink(missing_ok=True)


def load_marks(root: Path, name: str) -> dict[str, object]:
    """A command's small record of what it already knows (`fmt`: the files already in canonical
    form, by stamp): JSON, never code, and trusted only when signed with the user's key by
    the code running now, so a record arriving in a pull request counts for nothing."""
    key, folder = _key(), _folder(root)
    if key is None or folder is None or (folder / name).is_symlink():
        return {}
    try:
        blob = (folder / name).read_bytes()
    except OSError:
        return {}
    payload, signature = blob[:-32], blob[-32:]
    if blake2b(payload, key=key, digest_size=32).digest() != signature:
        return {}
    try:
        fingerprint, marks = json.loads(payload)
    except ValueError:
        return {}
    if fingerprint != repr(_code_fingerprint()) or not isinstance(marks, dict):
        return {}
    return marks


def save_marks(root: Path, name: str, marks: dict[str, object]) -> None:
    """Write a command's record, signed; silently skipped where the cache cannot be written."""
    key, folder = _key(), _folder(root)
    if key is None or folder is None:
        return
    payload = json.dumps([repr(_code_fingerprint()), marks], ensure_ascii=False).encode()
    temporary = folder / f"{name}.{os.getpid()}.tmp"
    try:
        _make(folder)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        with os.fdopen(os.open(temporary, flags, 0o666), "wb") as file:
            file.write(payload + blake2b(payload, key=key, digest_size=32).digest())
        os.replace(temporary, folder / name)
    except OSError:
        temporary.unlink(missing_ok=True)


def racy(stamp: Stamp) -> bool:
    """A stamp too recent to vouch for the file's content (see `_racy`)."""
    return _racy(stamp, time.time_ns())
