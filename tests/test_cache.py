"""The cache (DESIGN §6): data only, signed, never followed through a link, never stale.

Each test plants what an attacker (or an unlucky disk) could leave in the working tree or the
key folder, and checks what hnqt then does: nothing runs, nothing outside is written, the
answer is the one a cold read gives, and a good cache replaces the bad one."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from conftest import console_script, settle
from hnqt import cache, loading
from hnqt.dates import PartialDate
from hnqt.deadlines import parse as parse_deadline
from hnqt.loading import check, load
from hnqt.model import Task
from hnqt.problems import Problem

TASKS = "data/plans/kh-test/tasks"
TASK_I2 = 'code: "I.2"\ntitle: "Nhiệm vụ hai"\nlead: ["Sở Y tế"]\ndeadline: "2026"\n'
BROKEN_I2 = 'code: "I.2"\ntitle: "Nhiệm vụ hai"\nlead: ["Sở Y tế"]\ndeadline: "2O26"\n'
assert len(TASK_I2) == len(BROKEN_I2)


@pytest.fixture
def warm(make_registry, reads):
    """A registry with a warm cache: a second load reads nothing."""

    def make(files: dict[str, str | None] | None = None) -> Path:
        root = make_registry({f"{TASKS}/I-2.yaml": TASK_I2, **(files or {})})
        settle()
        load(root)
        reads.clear()
        load(root)
        assert reads == [], "the cache should be warm"
        return root

    return make


def key_file() -> Path:
    return Path(os.environ["XDG_CACHE_HOME"]) / "hnqt" / "cache-key"


def cache_file(root: Path) -> Path:
    return root / cache.CACHE_DIR / cache.CACHE_FILE


def codes(problems) -> list[tuple[str, str]]:
    return sorted((p.file, p.code) for p in problems)


# --- what the cache holds ------------------------------------------------------------------


def test_records_come_back_equal_and_of_their_own_class():
    task = Task(code="I.1", title="T", lead=("Sở Y tế",), deadline="2026")
    value = [
        task,
        parse_deadline("Quý II/2026; hằng năm trước 15/11"),
        PartialDate(2025, 5),
        Problem("data/x.yaml", 3, 4, "bad-date", "ngày sai", "sửa"),
        ("tuple", ["list"]),
    ]
    back = cache.from_json(cache.to_json(value))
    assert back[:4] == value[:4]
    assert [type(v) for v in back[:4]] == [type(v) for v in value[:4]]
    assert back[0].lead == ("Sở Y tế",)  # tuples inside records stay tuples
    assert back[1].clauses[0].due == date(2026, 6, 30)


def test_the_cache_file_is_json_not_pickle(warm):
    root = warm()
    raw = cache_file(root).read_bytes()
    size = int.from_bytes(raw[:8], "little")
    _, stamps, _ = cache.from_json(raw[8 : 8 + size])
    assert [row[0] for row in stamps] == sorted(row[0] for row in stamps)
    assert not (root / cache.CACHE_DIR / "registry.pickle").exists()


def test_a_warm_load_equals_a_cold_one(warm, reads):
    root = warm({f"{TASKS}/I-3.yaml": TASK_I2.replace("I.2", "I.3").replace("Sở Y tế", "Sở Ytế")})
    warm_registry = load(root)
    assert reads == []
    cold = load(root, use_cache=False)
    assert codes(warm_registry.problems) == codes(cold.problems)
    assert warm_registry.problems == cold.problems
    assert {k: e.task for k, e in warm_registry.tasks.items()} == {
        k: e.task for k, e in cold.tasks.items()
    }
    assert {k: e.deadline for k, e in warm_registry.tasks.items()} == {
        k: e.deadline for k, e in cold.tasks.items()
    }
    entry = warm_registry.tasks["kh-test/I.3"]
    assert entry.result.at("lead", 0) == cold.tasks["kh-test/I.3"].result.at("lead", 0)


# --- the key -------------------------------------------------------------------------------


def _forge(root: Path, key: bytes, summary: list[object]) -> None:
    """A cache signed with `key` that claims the registry has the given summary."""
    files, _ = loading.discover(root)
    stamps = [(rel, *stamp) for rel, (_, _, stamp) in sorted(files.items())]
    header = cache.to_json((cache._code_fingerprint(), stamps, summary))
    size = len(header).to_bytes(8, "little")
    header_mac = cache._mac(key, size, header)
    body = cache.to_json([])
    (root / cache.CACHE_DIR).mkdir(exist_ok=True)
    cache_file(root).write_bytes(
        size + header + header_mac + body + cache._mac(key, header_mac, body)
    )


@pytest.mark.parametrize("length", [0, 1, cache.KEY_BYTES - 1])
def test_a_short_key_counts_as_no_key(make_registry, reads, length):
    """A key file left short (a full disk at its first write) must not sign anything: a cache
    forged with that short key says `đạt` for a broken file, and is not believed."""
    root = make_registry({f"{TASKS}/I-2.yaml": BROKEN_I2})
    short = b"k" * length
    key_file().parent.mkdir(parents=True)
    key_file().write_bytes(short)
    settle()
    _forge(root, short, [[], [], []])
    assert codes(check(root).problems) == [(f"{TASKS}/I-2.yaml", "bad-deadline")]
    assert len(reads) == 4
    assert len(key_file().read_bytes()) == cache.KEY_BYTES  # replaced by a whole key
    assert key_file().stat().st_mode & 0o777 == 0o600


def test_a_cache_forged_with_the_right_key_format_but_another_key_is_ignored(make_registry):
    root = make_registry({f"{TASKS}/I-2.yaml": BROKEN_I2})
    settle()
    load(root)  # creates the key
    _forge(root, os.urandom(cache.KEY_BYTES), [[], [], []])
    assert codes(check(root).problems) == [(f"{TASKS}/I-2.yaml", "bad-deadline")]


def test_a_key_file_that_is_a_link_or_a_folder_is_not_used(make_registry, tmp_path):
    root = make_registry()
    key_file().parent.mkdir(parents=True)
    elsewhere = tmp_path / "elsewhere-key"
    elsewhere.write_bytes(b"x" * cache.KEY_BYTES)
    key_file().symlink_to(elsewhere)
    settle()
    load(root)
    assert elsewhere.read_bytes() == b"x" * cache.KEY_BYTES  # not followed, not overwritten
    assert not key_file().is_symlink() and len(key_file().read_bytes()) == cache.KEY_BYTES


# --- planted files -------------------------------------------------------------------------


class _Planted:
    """What a hostile pickle holds: loading it creates a file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


@pytest.mark.parametrize("name", ["registry.pickle", cache.CACHE_FILE])
@pytest.mark.parametrize("signed", [False, True])
def test_a_planted_pickle_never_runs(make_registry, reads, tmp_path, name, signed):
    """Signed with the user's own key (as the old format was) or not at all: never loaded."""
    root = make_registry()
    settle()
    load(root)  # the user's key exists now
    marker = tmp_path / "unpickled"
    header = pickle.dumps(_Planted(marker))
    payload = len(header).to_bytes(8, "little") + header + pickle.dumps(_Planted(marker))
    key = key_file().read_bytes()
    signature = cache._mac(key, payload) if signed else os.urandom(32)
    (root / cache.CACHE_DIR / name).write_bytes(payload + signature)
    reads.clear()
    assert load(root).problems == []
    check(root)
    assert not marker.exists()


def _predictable_names(monkeypatch) -> str:
    """The temporary name the next cache write will use."""
    monkeypatch.setattr(cache.os, "urandom", lambda n: b"\x07" * n)
    return f".{cache.CACHE_FILE}.{os.getpid()}.{'07' * 6}.tmp"


def test_links_named_like_temporary_files_are_never_written_through(
    make_registry, tmp_path, monkeypatch
):
    """Hundreds of links named as the temporary file might be: O_EXCL|O_NOFOLLOW refuses
    them, so the file they point to is left alone (and no cache is written this time)."""
    root = make_registry()
    load(root)  # the key exists before the names become predictable
    victim = tmp_path / "victim.txt"
    victim.write_text("không được ghi đè", encoding="utf-8")
    folder = root / cache.CACHE_DIR
    shutil.rmtree(folder)
    folder.mkdir()
    temporary = _predictable_names(monkeypatch)
    (folder / temporary).symlink_to(victim)
    for pid in range(400):
        (folder / f"registry.pickle.{pid}.tmp").symlink_to(victim)
        (folder / f".{cache.CACHE_FILE}.{pid}.tmp").symlink_to(victim)
    settle()
    assert load(root).problems == []
    assert victim.read_text(encoding="utf-8") == "không được ghi đè"
    assert (folder / temporary).is_symlink()


def test_a_link_in_place_of_the_cache_file_is_replaced_not_followed(make_registry, tmp_path):
    root = make_registry()
    victim = tmp_path / "victim.txt"
    victim.write_text("giữ nguyên", encoding="utf-8")
    (root / cache.CACHE_DIR).mkdir()
    cache_file(root).symlink_to(victim)
    settle()
    assert load(root).problems == []
    assert victim.read_text(encoding="utf-8") == "giữ nguyên"
    assert not cache_file(root).is_symlink()


def test_a_dangling_gitignore_link_does_not_create_its_target(make_registry, tmp_path):
    root = make_registry()
    target = tmp_path / "created-by-hnqt"
    (root / cache.CACHE_DIR).mkdir()
    (root / cache.CACHE_DIR / ".gitignore").symlink_to(target)
    settle()
    load(root)
    assert not target.exists()
    assert cache_file(root).is_file()  # the cache itself was still written


def test_a_fifo_as_the_cache_file_does_not_block(make_registry, tmp_path):
    """Run in a child process: a blocking open would hang it, and the timeout would say so."""
    root = make_registry()
    (root / cache.CACHE_DIR).mkdir()
    os.mkfifo(cache_file(root))
    env = {**os.environ, "HNQT_REGISTRY": str(root)}
    done = subprocess.run([console_script(), "validate"], env=env,
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert cache_file(root).is_file()  # replaced by a regular cache file


def test_a_regular_file_named_like_the_cache_folder_is_left_alone(make_registry, reads):
    root = make_registry()
    (root / cache.CACHE_DIR).write_text("not a folder", encoding="utf-8")
    settle()
    assert codes(load(root).problems) == [(cache.CACHE_DIR, "cache-blocked")]
    assert len(reads) == 3
    reads.clear()
    load(root)
    assert len(reads) == 3  # no cache can be kept: every run reads again
    assert (root / cache.CACHE_DIR).read_text(encoding="utf-8") == "not a folder"


# --- never stale ---------------------------------------------------------------------------


def test_a_same_size_edit_with_the_old_mtime_put_back_is_seen(warm, reads):
    root = warm()
    path = root / TASKS / "I-2.yaml"
    before = path.stat()
    path.write_text(BROKEN_I2, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # `touch -d` the old time
    assert path.stat().st_size == before.st_size
    assert path.stat().st_mtime_ns == before.st_mtime_ns
    settle()
    assert codes(check(root).problems) == [(f"{TASKS}/I-2.yaml", "bad-deadline")]
    assert reads == [f"{TASKS}/I-2.yaml"]
    assert "kh-test/I.2" in load(root).tasks and load(root).tasks["kh-test/I.2"].deadline is None


@pytest.mark.parametrize("how", ["copy-over", "replace"])
def test_a_file_copied_with_its_times_from_elsewhere_is_seen(warm, reads, tmp_path, how):
    """`cp -a` from another checkout: same size, same mtime, new content."""
    root = warm()
    path = root / TASKS / "I-2.yaml"
    other = tmp_path / "other-checkout.yaml"
    other.write_text(BROKEN_I2, encoding="utf-8")
    os.utime(other, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns))
    if how == "copy-over":
        shutil.copy2(other, path)  # writes into the same inode, then copies the times
    else:
        os.replace(shutil.copy2(other, tmp_path / "staged.yaml"), path)  # a new inode
    assert path.stat().st_mtime_ns == other.stat().st_mtime_ns
    settle()
    assert codes(check(root).problems) == [(f"{TASKS}/I-2.yaml", "bad-deadline")]
    assert reads == [f"{TASKS}/I-2.yaml"]


def test_the_stamp_holds_size_mtime_ctime_and_inode(tmp_path):
    path = tmp_path / "a"
    path.write_text("x", encoding="utf-8")
    status = path.stat()
    assert cache.stamp_of(status) == (1, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)


# --- other commands' records (fmt's files known canonical) ---------------------------------


def test_marks_round_trip_and_a_forged_or_linked_record_counts_for_nothing(make_registry, tmp_path):
    root = make_registry()
    cache.save_marks(root, "fmt.json", {"data/a.yaml": [1, 2, 3, 4]})
    assert cache.load_marks(root, "fmt.json") == {"data/a.yaml": [1, 2, 3, 4]}
    marks = root / cache.CACHE_DIR / "fmt.json"
    shutil.copy(marks, root / cache.CACHE_DIR / "other.json")
    assert cache.load_marks(root, "other.json") == {}  # signed under its own name only
    marks.write_bytes(marks.read_bytes()[:-1] + b"\x00")  # forged
    assert cache.load_marks(root, "fmt.json") == {}
    victim = tmp_path / "victim.json"
    victim.write_text("giữ nguyên", encoding="utf-8")
    marks.unlink()
    marks.symlink_to(victim)
    assert cache.load_marks(root, "fmt.json") == {}
    cache.save_marks(root, "fmt.json", {})
    assert victim.read_text(encoding="utf-8") == "giữ nguyên" and not marks.is_symlink()


def test_where_folders_cannot_be_opened_the_path_is_checked_instead(
    make_registry, reads, tmp_path, monkeypatch
):
    """Windows cannot open names relative to an open folder: there the cache folder is taken
    only when it is a real folder, and files are still created O_EXCL under fresh names."""
    monkeypatch.setattr(cache, "_AT", False)
    root = make_registry()
    settle()
    load(root)
    reads.clear()
    load(root)
    assert reads == []
    shutil.rmtree(root / cache.CACHE_DIR)
    (tmp_path / "elsewhere").mkdir()
    (root / cache.CACHE_DIR).symlink_to(tmp_path / "elsewhere")
    load(root)
    assert os.listdir(tmp_path / "elsewhere") == []
