"""The live registry (data/), which staff edit every week: only what must stay true whatever they
add — it validates clean, every task of the source documents is there, every unit named resolves,
it is formatted as `hnqt fmt` writes it (CI checks that too).

Each invariant runs on data/ and on a copy of it with a typical week's edits (a progress entry,
a submitted yearly report, a new task, an edited title): an ordinary pull request from a
department must keep CI green. Counts and goldens run on tests/fixtures/registry instead."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from conftest import AS_OF, FIXTURE, REPO, copy_registry, sources
from hnqt.cli import app
from hnqt.loading import load
from hnqt.obligations import all_items, current_status, task_roles
from hnqt.registry import Registry
from hnqt.units import Resolution

PLAN = "kh-nq59"
PLAN_SOURCE = "2025-ubnd-hn-ke-hoach-trien-khai-nq59-hoi-nhap-quoc-te.txt"
DIRECTIVE = "cv-st-petersburg-2025"
DIRECTIVE_SOURCE = "2025-05-ubnd-hn-cong-van-trien-khai-thoa-thuan-st-petersburg.txt"
EDITED = " (tên đã được đơn vị chủ trì rà soát lại)"
REPORTERS = ("Sở Y tế", "Sở Công Thương", "Sở Tư pháp", "Sở Tài chính")


# --- a week's edits -------------------------------------------------------------------------


def _yaml() -> YAML:
    yaml = YAML()  # round trip: keeps the $schema comment and the quoting of the files
    yaml.width = 4096
    yaml.preserve_quotes = True
    return yaml


def _edit(path: Path, change: Callable[[Any], Any]) -> None:
    yaml = _yaml()
    data = change(yaml.load(path.read_text(encoding="utf-8")))
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        yaml.dump(data, stream)


def edit_like_staff(root: Path) -> Path:
    """What departments do in a week, as `hnqt validate` accepts it; returns the root."""
    tasks = root / "data" / "plans" / PLAN / "tasks"
    first, *_ = sorted(tasks.glob("*.yaml"))

    def progress(task: Any) -> Any:
        task.setdefault("progress", []).append({
            "date": "2026-11-25", "year": 2026, "by": task["lead"][0],
            "note": "Đã tổ chức hội nghị tập huấn.", "document": "Báo cáo số 45/BC", "done": True,
        })  # fmt: skip
        return task

    def title(task: Any) -> Any:
        task["title"] = task["title"] + EDITED
        return task

    def report(data: Any) -> Any:
        sent = {entry["unit"] for entry in data["reports"] if entry["year"] == 2026}
        unit = next(name for name in REPORTERS if name not in sent)
        data["reports"].append({"unit": unit, "year": 2026, "date": "2026-11-14",
                                "document": "Báo cáo số 321/BC"})  # fmt: skip
        return data

    _edit(first, progress)
    _edit(sorted(tasks.glob("*.yaml"))[-1], title)
    reports = root / "data" / "plans" / PLAN / "reports.yaml"
    if not reports.exists():
        reports.write_text(
            "# yaml-language-server: $schema=../../../schemas/reports.schema.json\nreports: []\n",
            encoding="utf-8",
        )
    _edit(reports, report)
    new = next(tasks / f"VII-{n}.yaml" for n in range(100, 200)
               if not (tasks / f"VII-{n}.yaml").exists())  # fmt: skip
    new.write_text(
        "# yaml-language-server: $schema=../../../../schemas/task.schema.json\n"
        f'code: "{new.stem.replace("-", ".")}"\n'
        'title: "Tổ chức Diễn đàn hợp tác quốc tế của Thủ đô"\n'
        'lead: ["Văn phòng UBND Thành phố"]\nsupport: ["Các Sở, ngành, đơn vị liên quan"]\n'
        'deadline: "Quý II/2027"\n',
        encoding="utf-8",
    )
    # What the pre-commit hook (or the staff member) does before the pull request.
    result = CliRunner().invoke(app, ["fmt", "--registry", str(root)])
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return edit_like_staff(copy_registry(REPO, tmp_path_factory.mktemp("edited") / "registry"))


@pytest.fixture(scope="module", params=["data", "edited copy of data"])
def root(request: pytest.FixtureRequest) -> Path:
    """Every invariant below runs on the live data/ and on the edited copy."""
    return REPO if request.param == "data" else request.getfixturevalue("edited")


@pytest.fixture(scope="module")
def registry(root: Path) -> Registry:
    return load(root, use_cache=False)


# --- the invariants -------------------------------------------------------------------------


def test_validates_clean(root: Path) -> None:
    result = CliRunner().invoke(
        app, ["validate", "--registry", str(root), "--no-cache", "--format", "json"]
    )
    report = json.loads(result.stdout)
    assert report["errors"] == []
    assert (report["ok"], result.exit_code) == (True, 0)


def test_is_formatted(root: Path) -> None:
    result = CliRunner().invoke(app, ["fmt", "--check", "--registry", str(root)])
    assert result.exit_code == 0, result.output


def appendix_ii_codes(text: str) -> list[str]:
    """Task codes of the plan's Appendix II: a section numeral alone on its line (I … X), then
    the task numbers 1, 2, … alone on theirs ("1." in one place), in order."""
    start = re.search(r"^PHỤ LỤC II\s*$", text, re.MULTILINE)
    assert start, "Appendix II heading"
    codes: list[str] = []
    section, following = None, 1
    for line in text[start.start() :].splitlines():
        line = line.strip()
        if re.fullmatch(r"I|II|III|IV|V|VI|VII|VIII|IX|X", line):
            section, following = line, 1
        elif section and re.fullmatch(rf"{following}\.?", line):
            codes.append(f"{section}.{following}")
            following += 1
    return codes


def numbered_items(text: str) -> list[str]:
    """The numbered items of a directive ("1. Sở Công thương chủ trì …"), in order."""
    numbers = re.findall(r"^\s*(\d+)\. ", text, re.MULTILINE)
    return [n for i, n in enumerate(numbers, 1) if n == str(i)]


def test_appendix_reading_can_fail() -> None:
    text = "PHỤ LỤC II\nI\n1\nTên\n2.\nTên\n2\nII\n1\n3\nIII\n"
    assert appendix_ii_codes(text) == ["I.1", "I.2", "II.1"]  # "2" twice and "3" skip a number
    assert numbered_items("1. Sở A\n 2. Sở B\n4. Sở C\n") == ["1", "2"]


def test_every_task_of_the_sources_is_present(registry: Registry) -> None:
    folder = sources()
    expected = {
        PLAN: appendix_ii_codes((folder / PLAN_SOURCE).read_text(encoding="utf-8")),
        DIRECTIVE: numbered_items((folder / DIRECTIVE_SOURCE).read_text(encoding="utf-8")),
    }
    assert (len(expected[PLAN]), len(expected[DIRECTIVE])) == (98, 7)  # the reading works
    for plan, codes in expected.items():
        present = {entry.task.code for entry in registry.tasks_of(plan)}
        assert sorted(set(codes) - present) == [], plan


def named_units(registry: Registry) -> list[tuple[str, str]]:
    """(where, name) for every unit name written anywhere in the registry."""
    names: list[tuple[str, str]] = []
    for entry in registry.tasks.values():
        task = entry.task
        names += [(f"{entry.id} lead", n) for n in task.lead]
        names += [(f"{entry.id} support", n) for n in task.support]
        names += [(f"{entry.id} progress", p.by) for p in task.progress if p.by]
        awaiting = entry.deadline.awaiting if entry.deadline else None
        if awaiting and isinstance(registry.units.resolve(awaiting), Resolution):
            names.append((f"{entry.id} deadline", awaiting))
        elif awaiting:  # "Bộ Tài chính, Ngân hàng Nhà nước Việt Nam": several bodies
            names += [(f"{entry.id} deadline", part.strip()) for part in awaiting.split(",")]
    for plan, _ in registry.plans.values():
        names += [(f"{plan.id} addressees", a.name) for a in plan.addressees]
        for indicator in plan.indicators:
            names += [(f"{plan.id} indicator {indicator.number}", n) for n in indicator.monitors]
        if plan.reporting:
            names.append((f"{plan.id} reporting", plan.reporting.to))
        if plan.budget:
            names.append((f"{plan.id} budget", plan.budget.unit))
    for agreement, _ in registry.agreements.values():
        if agreement.follow_up:
            names.append((f"{agreement.id} follow_up", agreement.follow_up.unit))
        for article in agreement.articles:
            names += [(f"{agreement.id} article {article.number}", n) for n in article.units]
        for activity in agreement.activities:
            names += [(f"{agreement.id} activity", n) for n in activity.units]
    for plan_id, (reports, _) in registry.reports.items():
        names += [(f"{plan_id} reports", r.unit) for r in reports.reports]
    return names


def test_every_unit_named_anywhere_resolves(registry: Registry) -> None:
    names = named_units(registry)
    assert len(names) > 300
    unresolved = [
        (where, name)
        for where, name in names
        if not isinstance(registry.units.resolve(name), Resolution)
    ]
    assert unresolved == []


# --- the edits are real, and would have broken goldens on data/ -------------------------------


def test_the_edited_copy_carries_each_edit(edited: Path) -> None:
    before, after = load(REPO, use_cache=False), load(edited, use_cache=False)
    (new,) = set(after.tasks) - set(before.tasks)
    assert new.startswith(f"{PLAN}/VII.")
    assert sum(len(e.task.progress) for e in after.tasks.values()) == 1 + sum(
        len(e.task.progress) for e in before.tasks.values()
    )
    assert sum(e.task.title.endswith(EDITED) for e in after.tasks.values()) == 1
    sent = after.reports[PLAN][0].reports
    assert len(sent) == 1 + (len(before.reports[PLAN][0].reports) if PLAN in before.reports else 0)


def test_the_edits_change_what_staff_read(edited: Path) -> None:
    """The reason goldens run on the fixture: the same edits change `hnqt due` on a copy of it."""
    copy = edit_like_staff(_copy_fixture(edited.parent / "fixture-copy"))
    day = AS_OF.strftime("%d/%m/%Y")

    def due(root: Path) -> str:
        args = ["due", "--as-of", day, "--registry", str(root)]
        result = CliRunner().invoke(app, args, env={"COLUMNS": "120", "NO_COLOR": "1"})
        assert result.exit_code == 0, result.output
        return result.output

    assert due(copy) != due(FIXTURE)


def _copy_fixture(target: Path) -> Path:
    shutil.copytree(FIXTURE, target, ignore=shutil.ignore_patterns(".hnqt-cache"))
    return target


# --- who owes what: from the documents' words (issue 9) ------------------------------------

DAYS = (date(2025, 5, 21), date(2025, 11, 20), date(2026, 1, 15), AS_OF, date(2030, 12, 1))


def _written_units(registry: Registry, entry) -> set[str]:
    """The departments a task names itself (not through a group)."""
    found = set()
    for name in (*entry.task.lead, *entry.task.support):
        resolved = registry.resolve(name)
        if resolved is not None and resolved.group is None:
            found.update(registry.units.top(u) for u in resolved.units)
    return found


@pytest.mark.parametrize("as_of", DAYS)
def test_no_unit_owes_anything_to_a_document_that_neither_names_nor_addresses_it(
    registry: Registry, as_of: date
) -> None:
    for item in all_items(registry, as_of):
        unit = registry.units.top(item.unit)
        if item.kind == "agreement":
            follow_up = registry.agreements[item.id.split("/")[0]][0].follow_up
            assert follow_up is not None, item.id
            assert unit == registry.units.top(registry.resolve(follow_up.unit).units[0]), item.id
            continue
        reach = registry.scope(item.plan)
        allowed = set(reach.addressees) | set(reach.named)
        if item.kind == "task":
            allowed |= _written_units(registry, registry.tasks[f"{item.plan}/{item.code}"])
        else:
            plan = registry.plans[item.plan][0]
            allowed |= set(registry.resolve(plan.reporting.to).units)
        assert unit in allowed, (item.id, unit)


@pytest.mark.parametrize("as_of", DAYS)
def test_every_item_has_a_basis(registry: Registry, as_of: date) -> None:
    items = all_items(registry, as_of)
    assert items
    assert [i.id for i in items if not i.basis] == []


def test_a_group_reaches_exactly_the_units_its_document_addresses(registry: Registry) -> None:
    for entry in registry.tasks.values():
        reach = registry.scope(entry.plan)
        for name in entry.task.lead:
            resolved = registry.resolve(name)
            if resolved is None or resolved.group not in ("addressees", "others"):
                continue
            leads = {u for u, role in task_roles(registry, entry).items() if role == "lead"}
            expected = set(reach.members(resolved.group, registry.units.city_departments))
            assert expected <= leads, entry.id
            assert leads - expected <= _written_units(registry, entry), entry.id


def test_units_a_plan_names_are_its_addressees_and_the_others_are_not(registry: Registry) -> None:
    for plan, _ in registry.plans.values():
        reach = registry.scope(plan.id)
        for unit in reach.outside:  # ministries and the Government: named, never tasked
            assert registry.units.top(unit) not in reach.addressees, unit
        named_lines = [a for a in plan.addressees if registry.resolve(a.name).group == "named"]
        if named_lines:
            assert set(reach.named) <= set(reach.addressees), plan.id


def test_others_are_never_the_units_the_document_names(registry: Registry) -> None:
    for entry in registry.tasks.values():
        if any(registry.resolve(n).group == "others" for n in entry.task.lead):
            named = set(registry.scope(entry.plan).named)
            assert named.isdisjoint(task_roles(registry, entry)), entry.id


def test_yearly_reports_come_from_the_rules_words(registry: Registry) -> None:
    for plan, _ in registry.plans.values():
        rule = plan.reporting
        if rule is None:
            assert registry.reporting_units(plan.id) == []
            continue
        receiver = {registry.units.top(u) for u in registry.resolve(rule.to).units}
        reporters = set(registry.reporting_units(plan.id))
        assert reporters.isdisjoint(receiver)
        reports = {i.unit for i in all_items(registry, AS_OF) if i.kind == "report"
                   and i.plan == plan.id and "/bao-cao/" in i.id}  # fmt: skip
        assert reports <= reporters


def test_an_agreement_without_a_recorded_follow_up_is_nobodys_obligation(
    registry: Registry,
) -> None:
    without = {a.id for a, _ in registry.agreements.values() if a.follow_up is None}
    assert not any(i.id.split("/")[0] in without for i in all_items(registry, AS_OF))


def test_ongoing_tasks_are_never_overdue(registry: Registry) -> None:
    ongoing = [e for e in registry.tasks.values() if e.task.deadline_text == "Thường xuyên"]
    for day in (date(2025, 1, 1), AS_OF, date(2031, 6, 1)):
        assert {current_status(registry, e, day) for e in ongoing} <= {"ongoing"}


def test_every_unit_is_named_somewhere_or_says_why_it_is_listed(registry: Registry) -> None:
    named: set[str] = set()
    for result in registry.files.values():
        for _, name in result.units:
            found = registry.resolve(name)
            named.update(found.units if found else ())
    for entry in registry.tasks.values():
        awaiting = entry.deadline.awaiting if entry.deadline else None
        for part in [awaiting, *(awaiting or "").split(",")] if awaiting else ():
            found = registry.resolve(part.strip())
            named.update(found.units if found else ())
    unexplained = [u.id for u in registry.departments.units
                   if u.id not in named and not u.source and not u.basis]  # fmt: skip
    assert unexplained == []


def test_every_former_name_says_on_what_basis(registry: Registry) -> None:
    bare = [(u.id, f) for u in registry.departments.units for f in u.former
            if isinstance(f, str) or not (f.basis or f.note)]  # fmt: skip
    assert bare == []


def test_plans_record_their_addressees_and_every_group_reaches_someone(registry: Registry) -> None:
    for plan, _ in registry.plans.values():
        assert plan.addressees, plan.id
        assert all(a.source.file for a in plan.addressees), plan.id


def test_reporting_rules_say_who_reports_and_where_the_rule_is(registry: Registry) -> None:
    for plan, _ in registry.plans.values():
        if plan.reporting is not None:
            assert plan.reporting.by and plan.reporting.source.ref, plan.id
