"""Resolving unit names as tasks write them to the units of departments.yaml (DESIGN §3)."""

from __future__ import annotations

import difflib
import re
from typing import Literal

from .model import Departments, Unit
from .names import TRAILING, match_key, plain_key, sort_key
from .values import Record, record

GroupKind = Literal["all", "related", "external"]
# Units that "Các Sở, ngành, đơn vị" means: the city's own departments, not ministries or parties.
CITY_DEPARTMENT_KINDS = frozenset({"so", "ban", "agency", "institute", "press", "armed"})
_SUBUNITS = re.compile(r"^(?P<parent>.+?)\s*\((?P<inner>[^()]+)\)$")


@record
class Resolution(Record):
    """What a written name means: named units, or a group."""

    units: tuple[str, ...] = ()
    group: GroupKind | None = None


@record
class Miss(Record):
    """No unit, or more than one, answers to a name."""

    name: str
    closest: tuple[str, ...]
    ambiguous: bool = False
    group: bool = False  # the name means many units, where one was asked for

    def message(self) -> str:
        if self.group:
            return f"“{self.name}” là một nhóm đơn vị, không phải một đơn vị"
        if self.ambiguous:
            return f"tên đơn vị “{self.name}” ứng với nhiều đơn vị: {', '.join(self.closest)}"
        return f"không có đơn vị “{self.name}” trong departments.yaml"

    def hint(self) -> str:
        if self.ambiguous:
            return "viết đầy đủ tên đơn vị (có dấu) cho rõ"
        if self.closest:
            return "có phải: " + "; ".join(self.closest) + "?"
        return "thêm đơn vị vào data/departments.yaml, hoặc sửa tên cho đúng"


class UnitDirectory:
    """Every name, alias and former name of every unit and group, under two matching keys."""

    def __init__(self, departments: Departments) -> None:
        self.units: dict[str, Unit] = {unit.id: unit for unit in departments.units}
        self._exact: dict[str, set[tuple[str, str]]] = {}
        self._plain: dict[str, set[tuple[str, str]]] = {}
        self._shown: dict[str, str] = {}  # plain key -> a name to propose
        for unit in departments.units:
            for name in (unit.name, *unit.aliases, *unit.former):
                self._index(name, ("unit", unit.id))
        for group in departments.groups:
            for name in group.names:
                self._index(name, ("group", group.kind))
        self.city_departments = tuple(
            unit.id
            for unit in departments.units
            if unit.kind in CITY_DEPARTMENT_KINDS and unit.parent is None
        )

    def _index(self, name: str, target: tuple[str, str]) -> None:
        self._exact.setdefault(match_key(name), set()).add(target)
        self._plain.setdefault(plain_key(name), set()).add(target)
        self._shown.setdefault(plain_key(name), name)

    def _targets(self, name: str) -> set[tuple[str, str]]:
        return self._exact.get(match_key(name)) or self._plain.get(plain_key(name)) or set()

    def resolve(self, name: str) -> Resolution | Miss:
        """What a written name means; the same few names recur in thousands of tasks. The memo
        travels with the cached registry, so a warm run resolves nothing again."""
        memo: dict[str, Resolution | Miss] = self.__dict__.setdefault("_memo", {})
        if name not in memo:
            memo[name] = self._resolve(name)
        return memo[name]

    def _resolve(self, name: str) -> Resolution | Miss:
        targets = self._targets(name)
        if not targets:
            return self._resolve_subunits(name) or Miss(name, self.closest(name))
        if len(targets) > 1:
            names = tuple(sorted((self._label(t) for t in targets), key=sort_key))
            return Miss(name, names, ambiguous=True)
        ((kind, value),) = targets
        if kind == "group":
            return Resolution(group=value)  # type: ignore[arg-type]
        return Resolution(units=(value,))

    def _resolve_subunits(self, name: str) -> Resolution | Miss | None:
        """`Văn phòng UBND Thành phố (Phòng A, Phòng B)` names sub-units of the parent."""
        match = _SUBUNITS.match(name.strip().rstrip(TRAILING))
        if not match:
            return None
        parent = self.resolve(match["parent"])
        if not isinstance(parent, Resolution) or len(parent.units) != 1:
            return None
        children = [u for u in self.units.values() if u.parent == parent.units[0]]
        found: list[str] = []
        for part in match["inner"].split(","):
            key = plain_key(part)
            hits = [
                u.id
                for u in children
                if key in {plain_key(n) for n in (u.name, *u.aliases, *u.former)}
            ]
            if len(hits) != 1:
                names = tuple(sorted((u.name for u in children), key=sort_key))
                return Miss(part.strip(), names)
            found.append(hits[0])
        return Resolution(units=tuple(found))

    def _label(self, target: tuple[str, str]) -> str:
        kind, value = target
        return self.units[value].name if kind == "unit" else f"nhóm {value}"

    def closest(self, name: str, limit: int = 3) -> tuple[str, ...]:
        keys = difflib.get_close_matches(plain_key(name), list(self._plain), n=limit, cutoff=0.6)
        return tuple(self._shown[key] for key in keys)

    def lookup_one(self, name: str) -> Unit | Miss:
        """The single unit a user means by `--so NAME` (groups are not units)."""
        found = self.resolve(name)
        if isinstance(found, Resolution) and len(found.units) == 1:
            return self.units[found.units[0]]
        if isinstance(found, Miss):
            return found
        # A group ("Các Sở, ngành, đơn vị") or several sub-units: propose single units only.
        singles = [n for n in self.closest(name, limit=12) if self._single(n)]
        return Miss(name, tuple(singles[:3]), group=True)

    def canonical_name(self, unit: Unit) -> str:
        """The name a unit is written with: its own, or `Parent (Sub-unit)` for a sub-unit."""
        parent = self.units.get(unit.parent) if unit.parent else None
        return f"{parent.name} ({unit.name})" if parent is not None else unit.name

    def canonical(self, name: str) -> str | None:
        """The canonical form of a name that means one unit (None for a group or no unit)."""
        found = self.lookup_one(name)
        return self.canonical_name(found) if isinstance(found, Unit) else None

    def _single(self, name: str) -> bool:
        found = self.resolve(name)
        return isinstance(found, Resolution) and len(found.units) == 1

    def belongs_to(self, unit_id: str, target_id: str) -> bool:
        """A sub-unit's duties are its parent's: Phòng QHQT belongs to Văn phòng UBND TP."""
        seen: set[str] = set()
        current: str | None = unit_id
        while current is not None and current not in seen:
            if current == target_id:
                return True
            seen.add(current)
            current = self.units[current].parent if current in self.units else None
        return False

    def name(self, unit_id: str) -> str:
        return self.units[unit_id].name
