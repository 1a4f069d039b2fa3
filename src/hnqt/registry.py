"""The registry as one value: every record by id, the unit directory, and every problem found."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .deadlines import Deadline
from .layout import DATA, DEPARTMENTS_FILE
from .model import Agreement, Departments, Partner, Plan, Reports, Task
from .problems import Problem
from .reading import FileResult
from .units import Resolution, Scope, UnitDirectory


@dataclass(eq=False)
class TaskEntry:
    plan: str
    task: Task
    deadline: Deadline | None
    result: FileResult

    @property
    def id(self) -> str:
        return f"{self.plan}/{self.task.code}"


@dataclass(eq=False)
class Registry:
    root: Path
    files: dict[str, FileResult]
    departments: Departments
    units: UnitDirectory
    partners: dict[str, tuple[Partner, FileResult]]
    agreements: dict[str, tuple[Agreement, FileResult]]
    plans: dict[str, tuple[Plan, FileResult]]
    tasks: dict[str, TaskEntry]
    reports: dict[str, tuple[Reports, FileResult]]
    problems: list[Problem] = field(default_factory=list)
    discovered: list[Problem] = field(default_factory=list)  # from walking data/, not files

    @property
    def has_units(self) -> bool:
        """Unit names can be checked only against a departments file that was read."""
        found = self.files.get(DEPARTMENTS_FILE)
        return found is not None and found.record is not None

    def left_out(self) -> dict[str, Problem]:
        """The files under data/ that no answer can include (not read, or no record built from
        them), each with its first error: what `due`, `show`, `list`, `stats` must own up to."""
        built = {rel for rel, result in self.files.items() if result.record is not None}
        out: dict[str, Problem] = {}
        for problem in self.problems:
            if problem.is_error and problem.file not in built and problem.file.startswith(DATA):
                out.setdefault(problem.file, problem)
        return out

    def broken(self, rel: str) -> Problem | None:
        """The first error of a file left out (see `left_out`), or None."""
        return self.left_out().get(rel)

    def resolve(self, name: str) -> Resolution | None:
        found = self.units.resolve(name)
        return found if isinstance(found, Resolution) else None

    def tasks_of(self, plan_id: str) -> list[TaskEntry]:
        return [entry for entry in self.tasks.values() if entry.plan == plan_id]

    def scope(self, plan_id: str) -> Scope:
        """What a plan's group phrases mean: the units it addresses and the units it names
        (DESIGN §3). Worked out once, for every plan."""
        scopes: dict[str, Scope] | None = self.__dict__.get("_scopes")
        if scopes is None:
            names: dict[str, list[str]] = {}
            for entry in self.tasks.values():
                names.setdefault(entry.plan, []).extend((*entry.task.lead, *entry.task.support))
            scopes = {
                key: self.units.scope([a.name for a in plan.addressees], names.get(key, ()))
                for key, (plan, _) in self.plans.items()
            }
            self.__dict__["_scopes"] = scopes
        return scopes.get(plan_id) or Scope()

    def reporting_units(self, plan_id: str) -> list[str]:
        """The units a plan's reporting rule names (`by`: "Các Sở, ngành, đơn vị" means the
        plan's addressees), less the unit that receives the reports."""
        plan = self.plans.get(plan_id, (None, None))[0]
        if plan is None or plan.reporting is None:
            return []
        units: dict[str, None] = {}
        for name in plan.reporting.by:
            meant = self.units.meaning(name, self.scope(plan_id))
            units.update((self.units.top(u), None) for u in (meant.units if meant else ()))
        receiver = self.resolve(plan.reporting.to)
        receiving = {self.units.top(u) for u in receiver.units} if receiver else set()
        return sorted(u for u in units if u not in receiving)


def assemble(
    root: Path, results: dict[str, FileResult], units: list[Any] | None = None
) -> Registry:
    """Put the records of the files together, with the problems each file had on its own;
    `units`: the unit directory's state as the cache kept it with these very results."""
    departments = Departments(units=())
    partners: dict[str, tuple[Partner, FileResult]] = {}
    agreements: dict[str, tuple[Agreement, FileResult]] = {}
    plans: dict[str, tuple[Plan, FileResult]] = {}
    reports: dict[str, tuple[Reports, FileResult]] = {}
    tasks: dict[str, TaskEntry] = {}
    for rel, result in results.items():
        record = result.record
        if isinstance(record, Departments):
            departments = record
        elif isinstance(record, Partner):
            partners.setdefault(record.id, (record, result))
        elif isinstance(record, Agreement):
            agreements.setdefault(record.id, (record, result))
        elif isinstance(record, Plan):
            plans.setdefault(record.id, (record, result))
        elif isinstance(record, Reports):
            reports[rel.split("/")[-2]] = (record, result)
        elif isinstance(record, Task):
            plan_id = rel.split("/")[-3]
            entry = TaskEntry(plan_id, record, result.deadline, result)
            tasks.setdefault(entry.id, entry)
    registry = Registry(
        root,
        results,
        departments,
        UnitDirectory.restored(departments, units) if units else UnitDirectory(departments),
        partners,
        agreements,
        plans,
        tasks,
        reports,
    )
    for result in results.values():
        registry.problems.extend(result.problems)
    return registry
