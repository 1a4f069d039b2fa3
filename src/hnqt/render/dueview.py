"""What `due` found, as every output of it (table, JSON, CSV, calendar) reads it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property

from ..model import Unit
from ..obligations import Item
from ..queries import DueQuery, group_by_unit
from ..registry import Registry


@dataclass
class DueView:
    """What `due` found: for one unit, or grouped by unit when none was chosen; with the
    registry (a calendar cites each item's basis and dates its last change) and the choices of
    the output (CSV column separator, days of a calendar reminder)."""

    registry: Registry
    as_of: date
    unit: Unit | None
    groups: list[tuple[Unit, list[Item]]]
    show_role: bool = False
    delimiter: str = ","
    remind: int = 7  # days before the due day; a week, unless told otherwise

    @property
    def items(self) -> list[Item]:
        return [item for _, items in self.groups for item in items]

    @cached_property
    def unit_names(self) -> dict[str, str]:
        return {unit.id: unit.name for unit in self.registry.departments.units}

    @classmethod
    def of(cls, registry: Registry, query: DueQuery, items: list[Item], *, delimiter: str = ",",
           remind: int = 7) -> DueView:  # fmt: skip
        """The items of a query, under its unit or grouped by the unit that owes them."""
        groups = [(query.unit, items)] if query.unit else group_by_unit(registry, items)
        role = query.role == "all"
        return cls(registry, query.as_of, query.unit, groups, role, delimiter, remind)

    def of_unit(self, unit: Unit, items: list[Item]) -> DueView:
        """The same view narrowed to one unit's items (one calendar per unit)."""
        return replace(self, unit=unit, groups=[(unit, items)])


def item_label(item: Item) -> str:
    """`kh-nq59/V.19 · 2026`, `kh-nq59 · báo cáo 2026`, an agreement's id."""
    if item.kind == "report":  # a unit's report goes `to` the receiver, who consolidates them
        return f"{item.plan} · {'báo cáo' if item.to else 'tổng hợp'} {item.year}"
    if item.kind == "agreement":
        return item.id.split("/")[0]
    suffix = f" · {item.year}" if item.year is not None else ""
    return f"{item.plan}/{item.code}{suffix}"
