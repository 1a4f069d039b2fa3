"""The per-file cache under `.hnqt-cache/`: a second run reads only the files that changed.

An entry is keyed by path, size and mtime (nanoseconds) and is trusted only when the code that
made it is the code running now. Entries for files modified in the last two seconds before the
cache was written are not kept (git's "racily clean" rule: a same-size edit in the same clock
tick must not hide). The cache file is signed with a key kept in the user's own cache folder, so
a cache that arrives from elsewhere (a pull request, a copied folder) is never unpickled.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
import time
from pathlib import Path

CACHE_DIR = ".hnqt-cache"
_FORMAT = b"hnqt-cache-1"
_RACY_NS = 2_000_000_000
Stamp = tuple[int, int]  # (size, mtime_ns)


def _code_fingerprint() -> bytes:
    """Changes whenever any module of hnqt changes: old entries then stop counting."""
    package = Path(__file__).parent
    digest = hashlib.sha256(_FORMAT)
    for source in sorted(package.rglob("*.py")):
        stat = source.stat()
        digest.update(f"{source.name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.digest()


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
        key = secrets.token_bytes(32)
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
        return key
    except OSError:
        return None


def load(root: Path) -> dict[str, tuple[Stamp, object]]:
    """The entries of the last run, or nothing when there is no trustworthy cache."""
    key = _key()
    try:
        blob = (root / CACHE_DIR / "files.pickle").read_bytes()
    except OSError:
        return {}
    if key is None or len(blob) < 32:
        return {}
    signature, payload = blob[:32], blob[32:]
    if not hmac.compare_digest(signature, hmac.new(key, payload, "sha256").digest()):
        return {}
    try:
        fingerprint, entries = pickle.loads(payload)
    except Exception:  # a damaged cache is only a slower run
        return {}
    return entries if fingerprint == _code_fingerprint() else {}


def save(root: Path, entries: dict[str, tuple[Stamp, object]]) -> None:
    """Write the cache atomically; silently skip when the folder is not writable."""
    key = _key()
    if key is None:
        return
    now = time.time_ns()
    kept = {rel: entry for rel, entry in entries.items() if entry[0][1] < now - _RACY_NS}
    payload = pickle.dumps((_code_fingerprint(), kept), protocol=pickle.HIGHEST_PROTOCOL)
    folder = root / CACHE_DIR
    try:
        folder.mkdir(exist_ok=True)
        (folder / ".gitignore").write_text("*\n", encoding="utf-8")
        temporary = folder / f"files.pickle.{os.getpid()}.tmp"
        temporary.write_bytes(hmac.new(key, payload, "sha256").digest() + payload)
        os.replace(temporary, folder / "files.pickle")
    except OSError:
        return
