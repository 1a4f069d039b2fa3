"""Questions users ask of the registry: what is due, how each unit stands, what there is."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from .deadlines import OPEN_STATUSES, STATUSES, Status
from .model import Unit
from .names import sort_key
from .obligations import Item, all_items, top_unit, units_within
from .problems import UsageError
from .registry import Registry
from .units import Miss

ROLES = ("lead", "support", "all")


def find_unit(registry: Registry, name: str) -> Unit:
    """The unit a user names with --so, or a usage error listing the closest names."""
    found = registry.units.lookup_one(name)
    if isinstance(found, Miss):
        hint = ("có phải: " + "; ".join(found.closest) + "?") if found.closest else (
            "xem danh sách bằng: hnqt list units"
        )
        if found.ambiguous:
            return_hint = "tên ứng với nhiều đơn vị: " + "; ".join(found.closest)
            raise UsageError(f"“{name}” chưa rõ là đơn vị nào", return_hint)
        raise UsageError(f"không có đơn vị “{name}”", hint)
    return found


def check_plan(registry: Registry, plan: str | None) -> None:
    if plan is not None and plan not in registry.plans:
        known = ", ".join(sorted(registry.plans))
        raise UsageError(f"không có kế hoạch “{plan}”", f"các kế hoạch: {known}")


@dataclass(frozen=True, slots=True)
class DueQuery:
    as_of: date
    unit: Unit | None = None
    role: str = "lead"
    plan: str | None = None
    statuses: frozenset[Status] = OPEN_STATUSES
    within: int | None = None


def due(registry: Registry, query: DueQuery) -> list[Item]:
    """Open obligations (or those of the chosen statuses), soonest first."""
    check_plan(registry, query.plan)
    wanted = units_within(registry, query.unit.id) if query.unit else None
    horizon = query.as_of + timedelta(days=query.within) if query.within is not None else None
    chosen = []
    for item in all_items(registry, query.as_of, wanted):
        if query.role != "all" and item.role != query.role:
            continue
        if query.plan is not None and item.plan != query.plan:
            continue
        if item.status not in query.statuses:
            continue
        if horizon is not None and item.status != "overdue":
            if item.due is None or item.due > horizon:
                continue
        chosen.append(item)
    return chosen


def group_by_unit(registry: Registry, items: list[Item]) -> list[tuple[Unit, list[Item]]]:
    """Items under the department that owes them, departments in Vietnamese order."""
    groups: dict[str, list[Item]] = {}
    for item in items:
        groups.setdefault(top_unit(registry, item.unit), []).append(item)
    units = [registry.units.units[unit_id] for unit_id in groups]
    return [(unit, groups[unit.id]) for unit in sorted(units, key=lambda u: sort_key(u.name))]


STAT_COLUMNS: tuple[Status, ...] = (
    "done_on_time", "done_late", "on_track", "overdue", "ongoing", "awaiting_event", "no_deadline",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class StatsRow:
    unit: Unit | None  # None: the totals row
    counts: dict[Status, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def stats(registry: Registry, as_of: date, plan: str | None = None) -> list[StatsRow]:
    """Per lead unit, its task occurrences by status (the government's categories), and totals."""
    check_plan(registry, plan)
    counters: dict[str, Counter[Status]] = {}
    for item in all_items(registry, as_of):
        if item.kind != "task" or item.role != "lead" or (plan and item.plan != plan):
            continue
        counters.setdefault(top_unit(registry, item.unit), Counter())[item.status] += 1
    units = sorted((registry.units.units[u] for u in counters), key=lambda u: sort_key(u.name))
    rows = [StatsRow(u, {s: counters[u.id][s] for s in STATUSES}) for u in units]
    totals: Counter[Status] = Counter()
    for counter in counters.values():
        totals.update(counter)
    rows.append(StatsRow(None, {s: totals[s] for s in STATUSES}))
    return rows
