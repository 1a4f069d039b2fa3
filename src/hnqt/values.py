"""The base of hnqt's value types: records that compare, hash and print by their fields and
whose fields are written once.

`dataclass` generating `__eq__`, `__repr__`, `__hash__` and frozen `__setattr__` for each of
~40 classes cost ~25 ms at every start of hnqt, a fifth of the main command's budget; here
they are written once, and `record` only generates `__init__`.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass
from typing import TypeVar, dataclass_transform

_R = TypeVar("_R", bound="Record")


class Record:
    """Equality, hashing, repr and write-once fields, by the fields of the subclass."""

    __slots__: tuple[str, ...] = ()  # each record's field names (dataclass(slots=True))

    def __setattr__(self, name: str, value: object) -> None:
        try:
            object.__getattribute__(self, name)
        except AttributeError:  # the first assignment, from __init__, Pydantic or pickle
            object.__setattr__(self, name, value)
            return
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    # Pickled as a bare tuple of values: smaller, and loaded without __setattr__'s checks.
    def __getstate__(self) -> tuple[object, ...]:
        return self._values()

    def __setstate__(self, state: tuple[object, ...]) -> None:
        for name, value in zip(self.__slots__, state, strict=True):
            object.__setattr__(self, name, value)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"


# Type checkers see the generated `__init__` (and that fields are written once) through this.
@dataclass_transform(eq_default=False, frozen_default=True)
def record(cls: type[_R]) -> type[_R]:
    return dataclass(slots=True, eq=False, repr=False)(cls)
