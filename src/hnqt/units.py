"""Resolving unit names as tasks write them to the units of departments.yaml (DESIGN §3)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from typing import Any

from .model import Departments, Former, GroupKind, Unit
from .names import TRAILING, match_key, plain_key, sort_key
from .values import Record, record

# The units "Các Sở, ban, ngành thuộc Thành phố" names: the city's own departments, not
# ministries, party bodies or the central bodies' branches in the city.
CITY_DEPARTMENT_KINDS = frozenset({"so", "ban", "agency", "institute", "press", "armed"})
# Bodies a city People's Committee's document cannot task even where it names them: the
# Government, ministries and their agencies; the Party's committees and the Fatherland Front,
# which a plan asks (đề nghị) rather than assigns; and the People's Committee itself. Named as
# lead or support they keep that role; a group phrase of the document never reaches them.
OUTSIDE_REACH_KINDS = frozenset({"ministry", "central", "party", "mass-org", "city"})
# Groups that give a task several leads, each owing its own share.
SHARED_GROUPS: frozenset[GroupKind] = frozenset({"addressees", "others", "named", "city"})
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


@record
class Scope(Record):
    """What one document's group phrases mean, read from that document (DESIGN §3): the units
    it is addressed to, the units it names, and the central bodies it names but cannot task.
    `addressed_by` keeps, for each addressee, the line of the document that addresses it."""

    addressees: tuple[str, ...] = ()
    named: tuple[str, ...] = ()
    outside: tuple[str, ...] = ()
    addressed_by: tuple[tuple[str, str], ...] = ()  # (unit id, the line as written)

    def members(self, group: GroupKind, city: tuple[str, ...]) -> tuple[str, ...]:
        """The units a group phrase of this document means; "… liên quan" means nobody."""
        if group == "addressees":
            return self.addressees
        if group == "others":
            named = set(self.named)
            return tuple(unit for unit in self.addressees if unit not in named)
        if group == "named":
            return self.named
        if group == "city":
            return city
        return ()


def _unique(ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))


class UnitDirectory:
    """Every name, alias and former name of every unit and group, under two matching keys."""

    def __init__(self, departments: Departments) -> None:
        self.units: dict[str, Unit] = {unit.id: unit for unit in departments.units}
        self._exact: dict[str, set[tuple[str, str]]] = {}
        self._plain: dict[str, set[tuple[str, str]]] = {}
        self._shown: dict[str, str] = {}  # plain key -> a name to propose
        for unit in departments.units:
            for name in (unit.name, *unit.aliases, *unit.former_names):
                self._index(name, ("unit", unit.id))
        for group in departments.groups:
            for name in group.names:
                self._index(name, ("group", group.kind))
        self.city_departments = tuple(
            unit.id
            for unit in departments.units
            if unit.kind in CITY_DEPARTMENT_KINDS and unit.parent is None
        )

    def state(self) -> list[object]:
        """What the directory has worked out (its indexes, every name resolved so far, every
        unit's top), as data for the cache: a warm run neither indexes nor resolves again."""

        def pairs(table: dict[str, Any]) -> list[list[Any]]:
            return [[k, sorted(v) if isinstance(v, set) else v] for k, v in table.items()]

        memo, tops = self.__dict__.get("_memo", {}), self.__dict__.get("_tops", {})
        return [pairs(self._exact), pairs(self._plain), pairs(self._shown),
                list(self.city_departments), pairs(memo), pairs(tops)]  # fmt: skip

    @classmethod
    def restored(cls, departments: Departments, state: list[Any]) -> UnitDirectory:
        """The directory `state` describes, for the departments it was made from."""
        exact, plain, shown, city, memo, tops = state
        directory = cls.__new__(cls)
        directory.units = {unit.id: unit for unit in departments.units}
        directory._exact = {key: {tuple(t) for t in targets} for key, targets in exact}
        directory._plain = {key: {tuple(t) for t in targets} for key, targets in plain}
        directory._shown = dict(shown)
        directory.city_departments = tuple(city)
        directory.__dict__["_memo"] = dict(memo)
        directory.__dict__["_tops"] = dict(tops)
        return directory

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
                if key in {plain_key(n) for n in (u.name, *u.aliases, *u.former_names)}
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

    def lineage(self, unit_id: str) -> Iterator[str]:
        """A unit, its parent, and so on up (stopping at a loop or an unknown parent)."""
        seen: set[str] = set()
        current: str | None = unit_id
        while current is not None and current not in seen:
            yield current
            seen.add(current)
            current = self.units[current].parent if current in self.units else None

    def belongs_to(self, unit_id: str, target_id: str) -> bool:
        """A sub-unit's duties are its parent's: Phòng QHQT belongs to Văn phòng UBND TP."""
        return target_id in self.lineage(unit_id)

    def name(self, unit_id: str) -> str:
        return self.units[unit_id].name

    def partly_merged(self, name: str) -> tuple[Unit, Former] | None:
        """The successor and the record of a former name whose functions were split in 2025
        (`partial: true`): the name resolves to one unit, and the reader must be told so."""
        split: dict[str, tuple[Unit, Former]] = self.__dict__.setdefault("_split", {})
        if not split:
            for unit in self.units.values():
                for former in unit.former:
                    if not isinstance(former, str) and former.partial:
                        split[plain_key(former.name)] = (unit, former)
        return split.get(plain_key(name))

    def top(self, unit_id: str) -> str:
        """The department a sub-unit belongs to (Phòng QHQT -> Văn phòng UBND Thành phố)."""
        tops: dict[str, str] = self.__dict__.setdefault("_tops", {})
        if unit_id not in tops:
            found = unit_id
            for unit in self.lineage(unit_id):
                found = unit if unit in self.units else found
            tops[unit_id] = found
        return tops[unit_id]

    def outside_reach(self, unit_id: str) -> bool:
        """A central body (or a part of one), or the city's People's Committee itself."""
        return any(
            u in self.units and self.units[u].kind in OUTSIDE_REACH_KINDS
            for u in self.lineage(unit_id)
        )

    def meaning(self, name: str, scope: Scope) -> Resolution | None:
        """The units a written name means in its document: a group as that document's words
        make it (units filled in), a unit as itself; None when the name is unknown."""
        found = self.resolve(name)
        if not isinstance(found, Resolution):
            return None
        if found.group is None:
            return found
        return Resolution(scope.members(found.group, self.city_departments), found.group)

    def shared(self, leads: Iterable[str]) -> bool:
        """Several leads (named co-leads or a group): each owes its own share (DESIGN §3)."""
        found = [self.resolve(name) for name in leads]
        resolved = [r for r in found if isinstance(r, Resolution)]
        if any(r.group in SHARED_GROUPS for r in resolved):
            return True
        return len({self.top(u) for r in resolved for u in r.units}) > 1

    def scope(self, addressees: Iterable[str], named: Iterable[str]) -> Scope:
        """A document's scope from what it writes: its addressee lines, and every unit name of
        its tasks. A line "… có tên trong KH" addresses the units the document names."""
        inside: list[str] = []
        outside: list[str] = []
        for name in named:
            found = self.resolve(name)
            for unit in found.units if isinstance(found, Resolution) else ():
                if self.outside_reach(unit):
                    outside.append(unit)
                else:
                    inside.append(self.top(unit))
        named_ids = self._ordered(inside)
        addressed: list[tuple[str, str]] = []
        for line in addressees:
            found = self.resolve(line)
            if not isinstance(found, Resolution):
                continue
            if found.group == "named":
                units: Iterable[str] = named_ids
            elif found.group == "city":
                units = self.city_departments
            else:
                units = (self.top(u) for u in found.units if not self.outside_reach(u))
            addressed.extend((unit, line) for unit in units)
        first = dict(reversed(addressed))  # each unit under the first line that addresses it
        units = self._ordered(unit for unit, _ in addressed)
        return Scope(units, named_ids, self._ordered(outside),
                     tuple((unit, first[unit]) for unit in units))  # fmt: skip

    def _ordered(self, ids: Iterable[str]) -> tuple[str, ...]:
        """Each unit once, in Vietnamese alphabetical order of its name."""
        return tuple(sorted(_unique(ids), key=lambda u: sort_key(self.units[u].name)))
