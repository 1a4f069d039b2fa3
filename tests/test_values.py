"""Records: equal, hashed and printed by their fields; fields written once; pickled small."""

from __future__ import annotations

import pickle
from dataclasses import FrozenInstanceError

import pytest

from hnqt.dates import PartialDate
from hnqt.model import LocalizedName


def test_equality_and_hash_follow_the_fields() -> None:
    assert PartialDate(2025, 5, 6) == PartialDate(2025, 5, 6)
    assert PartialDate(2025, 5) != PartialDate(2025, 5, 1)
    assert len({PartialDate(2025), PartialDate(2025), PartialDate(2026)}) == 2
    assert PartialDate(2025) != LocalizedName(vi="2025")  # another type is never equal


def test_fields_are_written_once() -> None:
    day = PartialDate(2025, 5, 6)
    with pytest.raises(FrozenInstanceError):
        day.year = 2026  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del day.month
    assert day == PartialDate(2025, 5, 6)


def test_repr_names_the_fields() -> None:
    assert repr(LocalizedName(vi="Minsk", native="Минск")) == (
        "LocalizedName(vi='Minsk', en=None, native='Минск')"
    )


def test_a_pickled_record_comes_back_equal_and_still_write_once() -> None:
    name = LocalizedName(vi="Minsk", en="Minsk", native="Минск")
    back = pickle.loads(pickle.dumps(name, pickle.HIGHEST_PROTOCOL))
    assert back == name and hash(back) == hash(name)
    with pytest.raises(FrozenInstanceError):
        back.vi = "Mát-xcơ-va"  # type: ignore[misc]
