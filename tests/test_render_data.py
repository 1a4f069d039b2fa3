"""Output for programs: JSON values from records, CSV that Excel and csv readers both take."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from hnqt.dates import PartialDate
from hnqt.model import LocalizedName as Name
from hnqt.render.data import jsonable, to_csv, to_json


def test_csv_starts_with_a_bom_and_reads_back_whole() -> None:
    text = to_csv(["unit", "due", "note"], [["Sở Y tế", "2026-11-15", None],
                                             ['Sở "Ngoại vụ", cũ', None, "a\nb"]])  # fmt: skip
    assert text.startswith("\ufeffunit,due,note\n")
    raw = text.encode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows == [["unit", "due", "note"], ["Sở Y tế", "2026-11-15", ""],
                    ['Sở "Ngoại vụ", cũ', "", "a\nb"]]  # fmt: skip


def test_json_of_records_dates_and_partial_dates() -> None:
    payload = {"name": Name(vi="Minsk"), "signed": PartialDate(2023, 12), "on": date(2026, 1, 2),
               "codes": ("I.1", "I.2"), 3: None}  # fmt: skip
    assert json.loads(to_json(payload)) == {
        "name": jsonable(Name(vi="Minsk")),
        "signed": "2023-12",
        "on": "2026-01-02",
        "codes": ["I.1", "I.2"],
        "3": None,
    }
    assert jsonable(Name(vi="Minsk"))["vi"] == "Minsk"
    assert "Sở" in to_json({"unit": "Sở Y tế"})  # not \u escapes
