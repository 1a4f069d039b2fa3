"""Finding the registry, discovering and loading its files, the cache (DESIGN §4, §5, §6).

Every test that loads a registry also checks that loading wrote nothing but `.hnqt-cache/` and
changed no byte of the registry or of anything next to it."""

from __future__ import annotations

import os
import time
import types
from pathlib import Path

import pytest

from conftest import settle, snapshot
from hnqt import cache, loading
from hnqt.layout import classify, find_root, task_file_stem
from hnqt.loading import load, select_files
from hnqt.model import Task
from hnqt.problems import UsageError

TASKS = "data/plans/kh-test/tasks"
TASK_I2 = """\
code: "I.2"
title: "Nhiệm vụ hai"
lead: ["Sở Y tế"]
deadline: "2026"
"""
PARTNER = 'id: minsk\nkind: city\nname: {vi: "Minsk"}\ncountry: BY\n'
AGREEMENT = 'id: ct-minsk\nkind: programme\ntitle: "Chương trình"\npartners: [minsk]\n'


def found(problems) -> list[tuple[str, int, int, str]]:
    return [(p.file, p.line, p.column, p.code) for p in sorted(problems)]


@pytest.fixture
def untouched(tmp_path):
    """Call with nothing to take a snapshot of tmp_path, again to compare with it."""
    taken: list[dict[str, object]] = []

    def check() -> None:
        now = snapshot(tmp_path)
        if taken:
            assert now == taken[0], "loading changed files or left files behind"
        else:
            taken.append(now)

    return check


def age(root: Path, seconds: float = 600) -> None:
    """Date every file of the registry back, out of the cache's racy window."""
    for path in (root / "data").rglob("*"):
        if path.is_file() and not path.is_symlink():
            age_file(path, seconds, wait=False)
    settle()


def age_file(path: Path, seconds: float = 300, wait: bool = True) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))
    if wait:
        settle()


# --- finding the registry ---------------------------------------------------------------------


def test_find_root_walks_up_from_a_subfolder(make_registry):
    root = make_registry()
    assert find_root(start=root / TASKS) == root.resolve()
    assert find_root(start=root) == root.resolve()


def test_find_root_uses_the_current_folder(make_registry, monkeypatch):
    root = make_registry()
    monkeypatch.chdir(root / "data" / "plans")
    assert find_root() == root.resolve()


def test_find_root_takes_the_nearest_registry(make_registry):
    outer = make_registry()
    inner = outer / "data" / "nested"
    (inner / "data").mkdir(parents=True)
    (inner / "hnqt.toml").write_text("[registry]\n", encoding="utf-8")
    assert find_root(start=inner / "data") == inner.resolve()


def test_walking_up_needs_the_marker(make_registry):
    root = make_registry({"hnqt.toml": None})
    with pytest.raises(UsageError) as caught:
        find_root(start=root / "data")
    assert "không tìm thấy sổ đăng ký" in caught.value.message
    assert "--registry" in caught.value.hint and "HNQT_REGISTRY" in caught.value.hint


def test_an_explicit_path_is_used_as_given(make_registry, tmp_path):
    root = make_registry({"hnqt.toml": None})  # named explicitly: the marker is not needed
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert find_root(str(root), start=elsewhere) == root.resolve()


def test_an_explicit_path_without_data_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError) as caught:
        find_root(str(tmp_path / "nowhere"))
    assert "không phải sổ đăng ký hnqt" in caught.value.message
    assert "data/" in caught.value.hint


def test_the_environment_names_the_registry(make_registry, tmp_path, monkeypatch):
    root = make_registry()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.setenv("HNQT_REGISTRY", str(root))
    assert find_root(start=elsewhere) == root.resolve()
    # --registry wins over the environment
    other = tmp_path / "other"
    (other / "data").mkdir(parents=True)
    assert find_root(str(other), start=elsewhere) == other.resolve()
    monkeypatch.setenv("HNQT_REGISTRY", str(tmp_path / "missing"))
    with pytest.raises(UsageError):
        find_root(start=root)


def test_no_registry_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError) as caught:
        find_root(start=tmp_path)
    assert "không tìm thấy sổ đăng ký" in caught.value.message


# --- what each file is --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rel", "kind"),
    [
        ("departments.yaml", "departments"),
        ("partners/minsk.yaml", "partner"),
        ("agreements/ct-minsk.yaml", "agreement"),
        ("plans/kh-nq59/plan.yaml", "plan"),
        ("plans/kh-nq59/reports.yaml", "reports"),
        ("plans/kh-nq59/tasks/V-19.yaml", "task"),
        ("plans/kh-nq59/tasks/V-19.yml", None),
        ("plans/kh-nq59/tasks/old/V-19.yaml", None),
        ("plans/kh-nq59/notes.yaml", None),
        ("plans/plan.yaml", None),
        ("partners/asia/minsk.yaml", None),
        ("units.yaml", None),
        ("partners/minsk.json", None),
    ],
)
def test_classify(rel, kind):
    assert classify(tuple(rel.split("/"))) == kind


def test_task_file_stem():
    assert task_file_stem("V.19") == "V-19"
    assert task_file_stem("I.1.a") == "I-1-a"
    assert task_file_stem("khac") == "khac"


# --- loading ------------------------------------------------------------------------------------


def test_the_base_registry_loads_clean(make_registry, untouched):
    root = make_registry()
    untouched()
    loaded = load(root)
    untouched()
    assert loaded.problems == []
    assert sorted(loaded.files) == [
        "data/departments.yaml",
        "data/plans/kh-test/plan.yaml",
        f"{TASKS}/I-1.yaml",
    ]
    assert set(loaded.plans) == {"kh-test"}
    assert set(loaded.tasks) == {"kh-test/I.1"}
    entry = loaded.tasks["kh-test/I.1"]
    assert isinstance(entry.task, Task) and entry.deadline.kind == "due"
    assert loaded.resolve("SYT").units == ("so-y-te",)


def test_a_bad_unit_points_at_its_place_in_the_list(make_registry, untouched):
    task = (
        'code: "I.2"\n'
        'title: "Nhiệm vụ hai"\n'
        'lead: ["Sở Y tế", "Sở Y khoa"]\n'
        "support:\n"
        '  - "SYT"\n'
        '  - "Sở Côngthương"\n'
        'deadline: "2026"\n'
    )
    root = make_registry({f"{TASKS}/I-2.yaml": task})
    untouched()
    loaded = load(root)
    untouched()
    assert found(loaded.problems) == [
        (f"{TASKS}/I-2.yaml", 3, 19, "unknown-unit"),
        (f"{TASKS}/I-2.yaml", 6, 5, "unknown-unit"),
    ]
    first, second = sorted(loaded.problems)
    assert "“Sở Y khoa”" in first.message and "Sở Y tế" in first.hint
    assert "“Sở Côngthương”" in second.message and "Sở Công Thương" in second.hint


def test_every_problem_of_every_file_in_one_run(make_registry, untouched):
    root = make_registry(
        {
            f"{TASKS}/I-2.yaml": 'code: "I.2"\ntitle: 5\nlead: ["Sở Y tế"]\ndeadline: "2026"\n',
            f"{TASKS}/I-3.yaml": "code: x\n\tdeadline: y\n",
            f"{TASKS}/I-4.yaml": b"\xff\xfec\x00o\x00",
            f"{TASKS}/I-5.yaml": 'code: "I.5"\ntitle: "Năm"\nlead: ["Sở Y tế"]\ndeadline: "Sớm"\n',
            f"{TASKS}/I-6.yaml": TASK_I2.replace("I.2", "I.6").replace("Sở Y tế", "Sở Y khoa"),
            "data/partners/minsk.yaml": "- 1\n",
            "data/agreements/ct-minsk.yaml": "",
        }
    )
    untouched()
    loaded = load(root)
    untouched()
    assert found(loaded.problems) == [
        ("data/agreements/ct-minsk.yaml", 1, 1, "empty-file"),
        ("data/partners/minsk.yaml", 1, 1, "not-a-mapping"),
        (f"{TASKS}/I-2.yaml", 2, 8, "wrong-type"),
        (f"{TASKS}/I-3.yaml", 2, 1, "tab"),
        (f"{TASKS}/I-4.yaml", 1, 1, "bad-encoding"),
        (f"{TASKS}/I-5.yaml", 4, 11, "bad-deadline"),
        (f"{TASKS}/I-6.yaml", 3, 8, "unknown-unit"),
    ]
    # the good files are all there, and so are the bad ones that validated
    assert set(loaded.tasks) == {"kh-test/I.1", "kh-test/I.5", "kh-test/I.6"}


@pytest.mark.parametrize(
    ("rel", "hint_word"),
    [
        ("data/notes.yaml", "docs/data-format.md"),
        ("data/plans/kh-test/extra.yaml", "docs/data-format.md"),
        (f"{TASKS}/old/I-1.yaml", "docs/data-format.md"),
        ("data/partners/asia/minsk.yaml", "docs/data-format.md"),
        ("data/partners/minsk.yml", "minsk.yaml"),
        (f"{TASKS}/I-2.yml", "I-2.yaml"),
        ("data/partners/minsk.YAML", "minsk.yaml"),
    ],
)
def test_unexpected_files(make_registry, untouched, reads, rel, hint_word):
    root = make_registry({rel: PARTNER})
    untouched()
    loaded = load(root)
    untouched()
    assert found(loaded.problems) == [(rel, 1, 1, "unexpected-file")]
    assert hint_word in loaded.problems[0].hint
    assert rel not in reads and rel not in loaded.files


def test_a_yml_departments_file_is_unexpected_and_departments_missing(make_registry, untouched):
    root = make_registry({"data/departments.yaml": None, "data/departments.yml": "units: []\n"})
    untouched()
    loaded = load(root)
    untouched()
    codes = {(p.file, p.code) for p in loaded.problems}
    assert ("data/departments.yml", "unexpected-file") in codes
    assert ("data/departments.yaml", "missing-file") in codes


# --- ids and file names -------------------------------------------------------------------------


def test_ids_must_match_file_names(make_registry, untouched):
    root = make_registry(
        {
            "data/partners/minsk.yaml": PARTNER.replace("id: minsk", "id: minks"),
            "data/partners/minks.yaml": PARTNER.replace("id: minsk", "id: minks"),
            "data/agreements/ct.yaml": AGREEMENT,
            "data/plans/kh-other/plan.yaml": (
                'id: kh-khac\nkind: plan\ntitle: "Khác"\n'
                'issuer: "Ủy ban nhân dân thành phố Hà Nội"\n'
            ),
        }
    )
    untouched()
    loaded = load(root)
    untouched()
    mismatches = [p for p in sorted(loaded.problems) if p.code == "id-mismatch"]
    assert found(mismatches) == [
        ("data/agreements/ct.yaml", 1, 5, "id-mismatch"),
        ("data/partners/minsk.yaml", 1, 5, "id-mismatch"),
        ("data/plans/kh-other/plan.yaml", 1, 5, "id-mismatch"),
    ]
    agreement, partner, plan = mismatches
    assert "“ct-minsk”" in agreement.message
    assert "“ct”" in agreement.hint and "ct-minsk.yaml" in agreement.hint
    assert "“minsk”" in partner.hint and "minks.yaml" in partner.hint
    assert "“kh-other”" in plan.hint and "plans/kh-khac/" in plan.hint


def test_task_code_v19_lives_in_v_19_yaml(make_registry, untouched):
    plan = (
        'id: kh-test\nkind: plan\ntitle: "Kế hoạch thử"\n'
        'issuer: "Ủy ban nhân dân thành phố Hà Nội"\n'
        'sections:\n  - {code: "I", title: "Một"}\n  - {code: "V", title: "Năm"}\n'
    )
    v19 = TASK_I2.replace('"I.2"', '"V.19"')
    root = make_registry(
        {"data/plans/kh-test/plan.yaml": plan, f"{TASKS}/V-19.yaml": v19, f"{TASKS}/V.20.yaml":
         v19.replace("V.19", "V.20").replace("hai", "hai mươi")}
    )  # fmt: skip
    untouched()
    loaded = load(root)
    untouched()
    assert found(loaded.problems) == [(f"{TASKS}/V.20.yaml", 1, 7, "id-mismatch")]
    assert "V-20.yaml" in loaded.problems[0].hint
    assert "kh-test/V.19" in loaded.tasks


def test_task_code_mismatch(make_registry, untouched):
    root = make_registry({f"{TASKS}/I-2.yaml": TASK_I2.replace('"I.2"', '"I.3"')})
    untouched()
    loaded = load(root)
    untouched()
    assert found(loaded.problems) == [(f"{TASKS}/I-2.yaml", 1, 7, "id-mismatch")]
    problem = loaded.problems[0]
    assert "“I.3”" in problem.message and "I-2.yaml" in problem.message
    assert "I-3.yaml" in problem.hint


def test_task_code_mismatch_proposes_a_code_not_a_file_stem(make_registry, untouched):
    """`I-2.yaml` holds code `I.2`: proposing `code: "I-2"` leads to a new error (that code
    names no section of the plan)."""
    root = make_registry({f"{TASKS}/I-2.yaml": TASK_I2.replace('"I.2"', '"I.3"')})
    untouched()
    problem = load(root).problems[0]
    untouched()
    assert "“I.2”" in problem.hint, problem.hint
    assert "“I-2”" not in problem.hint


# --- symlinks -------------------------------------------------------------------------------------


def test_a_file_symlink_out_of_the_registry_is_not_read(make_registry, tmp_path, untouched, reads):
    root = make_registry()
    outside = tmp_path / "secret.yaml"
    outside.write_text(TASK_I2, encoding="utf-8")
    (root / TASKS / "I-2.yaml").symlink_to(outside)
    (root / TASKS / "I-3.yaml").symlink_to(tmp_path / "dangling.yaml")
    untouched()
    loaded = load(root)
    untouched()
    assert found(loaded.problems) == [
        (f"{TASKS}/I-2.yaml", 1, 1, "symlink-outside"),
        (f"{TASKS}/I-3.yaml", 1, 1, "symlink-outside"),
    ]
    assert "ngoài sổ đăng ký" in loaded.problems[0].message and loaded.problems[0].hint
    assert f"{TASKS}/I-2.yaml" not in reads
    assert "kh-test/I.2" not in loaded.tasks


def test_a_file_symlink_inside_the_registry_is_read(make_registry, reads, untouched):
    root = make_registry({"data/shared/I-2.yaml": TASK_I2})
    (root / TASKS / "I-2.yaml").symlink_to(root / "data/shared/I-2.yaml")
    untouched()
    loaded = load(root)
    untouched()
    assert f"{TASKS}/I-2.yaml" in reads
    assert "kh-test/I.2" in loaded.tasks
    assert [p.code for p in loaded.problems] == ["unexpected-file"]  # data/shared/ itself


def test_a_symlinked_folder_is_not_followed(make_registry, tmp_path, untouched, reads):
    root = make_registry()
    elsewhere = tmp_path / "partners"
    elsewhere.mkdir()
    (elsewhere / "minsk.yaml").write_text(PARTNER, encoding="utf-8")
    (root / "data" / "partners").symlink_to(elsewhere, target_is_directory=True)
    untouched()
    loaded = load(root)
    untouched()
    assert found(loaded.problems) == [("data/partners", 1, 1, "symlink")]
    assert loaded.problems[0].hint
    assert loaded.partners == {}
    assert not any(rel.startswith("data/partners/") for rel in reads)


def test_the_cache_is_not_written_through_a_symlink(make_registry, tmp_path):
    """A `.hnqt-cache` link arriving with a pull request must not make hnqt write elsewhere."""
    root = make_registry()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / cache.CACHE_DIR).symlink_to(elsewhere, target_is_directory=True)
    load(root)
    assert os.listdir(elsewhere) == []


# --- the cache ------------------------------------------------------------------------------------


def test_a_second_load_with_nothing_changed_reads_no_file(make_registry, reads, untouched):
    root = make_registry({f"{TASKS}/I-2.yaml": TASK_I2.replace("Sở Y tế", "Sở Y khoa")})
    age(root)
    untouched()
    first = load(root)
    assert sorted(reads) == sorted(first.files) and len(reads) == 4
    assert (root / cache.CACHE_DIR / cache.CACHE_FILE).is_file()
    reads.clear()
    second = load(root)
    untouched()
    assert reads == []
    assert found(second.problems) == found(first.problems)
    assert [p.code for p in second.problems] == ["unknown-unit"]
    assert set(second.tasks) == set(first.tasks)
    assert second.root == root


def test_check_answers_from_the_cache(make_registry, reads):
    root = make_registry({f"{TASKS}/I-2.yaml": TASK_I2.replace("Sở Y tế", "Sở Y khoa")})
    age(root)
    first = loading.check(root)
    assert len(reads) == 4
    reads.clear()
    second = loading.check(root)
    assert reads == []
    assert found(second.problems) == found(first.problems)
    assert [p.code for p in second.problems] == ["unknown-unit"]
    assert sorted(second.files) == sorted(first.files)


def test_a_changed_file_is_read_again(make_registry, reads):
    root = make_registry()
    age(root)
    load(root)
    path = root / TASKS / "I-1.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Sở Y tế", "Sở Y khoa"), "utf-8")
    age_file(path)
    reads.clear()
    loaded = load(root)
    assert reads == [f"{TASKS}/I-1.yaml"]
    assert [(p.file, p.code) for p in loaded.problems] == [(f"{TASKS}/I-1.yaml", "unknown-unit")]


def test_added_and_removed_files_are_noticed(make_registry, reads):
    root = make_registry()
    age(root)
    load(root)
    (root / TASKS / "I-2.yaml").write_text(TASK_I2, encoding="utf-8")
    age_file(root / TASKS / "I-2.yaml")
    reads.clear()
    assert set(load(root).tasks) == {"kh-test/I.1", "kh-test/I.2"}
    assert reads == [f"{TASKS}/I-2.yaml"]
    (root / TASKS / "I-1.yaml").unlink()
    reads.clear()
    assert set(load(root).tasks) == {"kh-test/I.2"}
    assert reads == []


def test_cross_file_checks_run_again_when_another_file_changes(make_registry, reads):
    root = make_registry()
    age(root)
    assert load(root).problems == []
    departments = root / "data" / "departments.yaml"
    text = departments.read_text(encoding="utf-8")
    departments.write_text(text.replace('name: "Sở Y tế"', 'name: "Sở Y tế Hà Nội"').replace(
        'aliases: ["SYT"]', "aliases: []"), encoding="utf-8")  # fmt: skip
    age_file(departments)
    reads.clear()
    loaded = load(root)
    assert reads == ["data/departments.yaml"]  # the task itself was not read again
    assert found(loaded.problems) == [(f"{TASKS}/I-1.yaml", 3, 8, "unknown-unit")]


def test_a_new_symlink_is_noticed_although_no_file_changed(make_registry, tmp_path):
    root = make_registry()
    age(root)
    load(root)
    outside = tmp_path / "outside.yaml"
    outside.write_text(TASK_I2, encoding="utf-8")
    (root / TASKS / "I-2.yaml").symlink_to(outside)
    assert found(load(root).problems) == [(f"{TASKS}/I-2.yaml", 1, 1, "symlink-outside")]
    assert found(loading.check(root).problems) == [(f"{TASKS}/I-2.yaml", 1, 1, "symlink-outside")]


SAME_SIZE = TASK_I2.replace('"2026"', '"2027"')


def _whole_second_mtime(path: Path, seconds: int) -> None:
    os.utime(path, ns=(seconds * 1_000_000_000, seconds * 1_000_000_000))


def test_an_entry_modified_within_two_seconds_of_the_cache_write_is_not_trusted(
    make_registry, reads, monkeypatch
):
    """git's racily-clean rule: on a file system with whole-second mtimes, a same-size edit in
    the same second as the cache write leaves size and mtime as they were."""
    root = make_registry({f"{TASKS}/I-2.yaml": TASK_I2})
    age(root)
    path = root / TASKS / "I-2.yaml"
    mtime = 1_900_000_000
    _whole_second_mtime(path, mtime)
    clock = types.SimpleNamespace(time_ns=lambda: (mtime + 1) * 1_000_000_000 + 900_000_000)
    monkeypatch.setattr(cache, "time", clock)
    assert load(root).tasks["kh-test/I.2"].deadline.due.year == 2026

    assert len(SAME_SIZE.encode()) == len(TASK_I2.encode())
    path.write_text(SAME_SIZE, encoding="utf-8")
    _whole_second_mtime(path, mtime)  # same size, same mtime
    clock.time_ns = lambda: (mtime + 60) * 1_000_000_000
    reads.clear()
    loaded = load(root)
    assert reads == [f"{TASKS}/I-2.yaml"]
    assert loaded.tasks["kh-test/I.2"].deadline.due.year == 2027
    reads.clear()
    load(root)
    assert reads == []  # written long enough ago now: trusted


def test_an_entry_older_than_the_racy_window_is_trusted(make_registry, reads, monkeypatch):
    root = make_registry({f"{TASKS}/I-2.yaml": TASK_I2})
    age(root)
    mtime = 1_900_000_000
    _whole_second_mtime(root / TASKS / "I-2.yaml", mtime)
    monkeypatch.setattr(
        cache, "time", types.SimpleNamespace(time_ns=lambda: (mtime + 2) * 1_000_000_000 + 1)
    )
    load(root)
    reads.clear()
    load(root)
    assert reads == []


def test_a_file_written_just_now_is_read_again_next_time(make_registry, reads):
    root = make_registry({f"{TASKS}/I-2.yaml": TASK_I2})
    age(root)
    path = root / TASKS / "I-2.yaml"
    second = int(time.time())
    _whole_second_mtime(path, second)  # this very second, as a coarse clock records it
    load(root)
    path.write_text(SAME_SIZE, encoding="utf-8")
    _whole_second_mtime(path, second)
    reads.clear()
    loaded = load(root)
    assert reads == [f"{TASKS}/I-2.yaml"]
    assert loaded.tasks["kh-test/I.2"].deadline.due.year == 2027


def _flip_a_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("where", ["header", "body", "signature", "truncated"])
def test_a_tampered_cache_is_ignored(make_registry, reads, where):
    root = make_registry()
    age(root)
    load(root)
    pickled = root / cache.CACHE_DIR / cache.CACHE_FILE
    size = pickled.stat().st_size
    if where == "truncated":
        pickled.write_bytes(pickled.read_bytes()[:30])
    else:
        _flip_a_byte(pickled, {"header": 12, "body": size // 2 + 8, "signature": size - 1}[where])
    reads.clear()
    loaded = load(root)
    assert len(reads) == 3
    assert loaded.problems == []
    reads.clear()
    load(root)  # and a good cache replaced it
    assert reads == []


def test_a_cache_signed_with_another_key_is_ignored(make_registry, reads, tmp_path, monkeypatch):
    root = make_registry()
    age(root)
    load(root)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-user"))
    reads.clear()
    load(root)
    assert len(reads) == 3
    assert (tmp_path / "another-user" / "hnqt" / "cache-key").is_file()


def test_without_the_cache_nothing_is_written_or_trusted(make_registry, reads, untouched):
    root = make_registry()
    age(root)
    untouched()
    load(root, use_cache=False)
    loading.check(root, use_cache=False)
    assert not (root / cache.CACHE_DIR).exists()
    untouched()
    load(root)  # now a cache exists
    reads.clear()
    loaded = load(root, use_cache=False)
    assert len(reads) == 3 and loaded.problems == []


# --- choosing files to report ---------------------------------------------------------------------


@pytest.fixture
def checked(make_registry, untouched):
    root = make_registry(
        {
            f"{TASKS}/I-2.yaml": TASK_I2.replace("Sở Y tế", "Sở Y khoa"),
            "data/partners/minsk.yaml": PARTNER.replace("BY", "by"),
        }
    )
    untouched()
    result = loading.check(root)
    untouched()
    return result


def test_select_files_without_paths_is_everything(checked):
    count, problems = select_files(checked, [])
    assert count == 5
    assert problems == checked.problems and len(problems) == 2


@pytest.mark.parametrize(
    ("given", "count", "files"),
    [
        (f"{TASKS}/I-2.yaml", 1, [f"{TASKS}/I-2.yaml"]),
        (f"{TASKS}/I-1.yaml", 1, []),
        (TASKS, 2, [f"{TASKS}/I-2.yaml"]),
        ("data/plans", 3, [f"{TASKS}/I-2.yaml"]),
        ("data/partners", 1, ["data/partners/minsk.yaml"]),
        ("data", 5, ["data/partners/minsk.yaml", f"{TASKS}/I-2.yaml"]),
        (".", 5, ["data/partners/minsk.yaml", f"{TASKS}/I-2.yaml"]),
    ],
)
def test_select_files_with_paths(checked, given, count, files):
    selected, problems = select_files(checked, [checked.root / given])
    assert selected == count
    assert sorted(p.file for p in problems) == files


def test_select_files_with_relative_paths_and_several(checked, monkeypatch):
    monkeypatch.chdir(checked.root / "data")
    selected, problems = select_files(checked, [Path("partners"), Path("plans/kh-test/plan.yaml")])
    assert selected == 2
    assert [p.file for p in problems] == ["data/partners/minsk.yaml"]


def test_select_files_refuses_missing_and_outside_paths(checked, tmp_path):
    with pytest.raises(UsageError, match="không có tệp hay thư mục"):
        select_files(checked, [checked.root / "data" / "khong-co.yaml"])
    outside = tmp_path / "outside.yaml"
    outside.write_text("a: 1\n", encoding="utf-8")
    with pytest.raises(UsageError, match="nằm ngoài sổ đăng ký"):
        select_files(checked, [outside])
    # a prefix of a folder's name is not the folder
    (checked.root / "data" / "plans" / "kh").mkdir()
    selected, problems = select_files(checked, [checked.root / "data" / "plans" / "kh"])
    assert (selected, problems) == (0, [])
