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

import os
import pickle
import time
from _blake2 import blake2b  # what hashlib wraps, without loading OpenSSL (~5 ms) at every start
from pathlib import Path

CACHE_DIR = ".hnqt-cache"
_FORMAT = b"hnqt-cache-1"
_FILE = "registry.pickle"
_RACY_NS = 2_000_000_000
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


def _sign(key: bytes, payload: bytes) -> bytes:
    return blake2b(payload, key=key, digest_size=32).digest()


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

    def __init__(self, stamps: dict[str, Stamp], summary: object, registry_blob: bytes) -> None:
        self.stamps = stamps
        self.summary = summary
        self._registry_blob = registry_blob

    def registry(self) -> object | None:
        try:
            return pickle.loads(self._registry_blob)
        except Exception:  # a damaged cache only costs a slower run
            return None


def load(root: Path) -> Snapshot | None:
    """The last run's snapshot, or None without a trustworthy cache."""
    key = _key()
    try:
        blob = (root / CACHE_DIR / _FILE).read_bytes()
    except OSError:
        return None
    if key is None or len(blob) < 32:
        return None
    signature, payload = blob[:32], blob[32:]
    if signature != _sign(key, payload):  # a local file and key: no timing attack to fear
        return None
    try:
        fingerprint, stamps, summary, registry_blob = pickle.loads(payload)
    except Exception:
        return None
    if fingerprint != _code_fingerprint():
        return None
    return Snapshot(stamps, summary, registry_blob)


def save(root: Path, stamps: dict[str, Stamp], summary: object, registry: object) -> None:
    """Write the cache atomically; silently skip when the folder is not writable.

    A file modified within the last two seconds gets an impossible stamp, so the next run
    reads it again instead of trusting a same-size edit in the same clock tick.
    """
    key = _key()
    if key is None:
        return
    now = time.time_ns()
    kept = {rel: stamp if stamp[1] < now - _RACY_NS else RACY for rel, stamp in stamps.items()}
    registry_blob = pickle.dumps(registry, pickle.HIGHEST_PROTOCOL)
    payload = pickle.dumps((_code_fingerprint(), kept, summary, registry_blob),
                           pickle.HIGHEST_PROTOCOL)  # fmt: skip
    folder = root / CACHE_DIR
    try:
        folder.mkdir(exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("*\n", encoding="utf-8")
        temporary = folder / f"{_FILE}.{os.getpid()}.tmp"
        temporary.write_bytes(_sign(key, payload) + payload)
        os.replace(temporary, folder / _FILE)
    except OSError:
        return
