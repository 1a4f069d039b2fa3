"""Whatever staff write in a task, agreement or reports file, every command answers: problems
for `validate`, items for `due`, `list` and `stats` — never an exception (DESIGN §4: no
traceback for a bad file), and every message in Vietnamese."""

from __future__ import annotations

import functools
import re
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from conftest import BASE_FILES
from hnqt.loading import Checked, load
from hnqt.queries import DueQuery, ListQuery, due, list_tasks, stats
from hnqt.render import due as due_render
from hnqt.render.problems import REPORTERS

PHRASES = ["Hàng năm", "Thường xuyên", "2026", "2025 - 2026", "Quý II/2026", "30/6/2026",
           "Trước ngày 15/11/2026", "trước 15/11 hằng năm", "Khi Bộ Ngoại giao ban hành",
           "Theo kế hoạch đề ra", "", "31/2/2026", "Sớm nhất có thể", "Tháng 13/2026"]  # fmt: skip
UNITS = ["Sở Y tế", "SYT", "so y te", "Các Sở, ngành, đơn vị", "Các Sở, ngành, đơn vị liên quan",
         "Sở Y khoa", "Văn phòng UBND Thành phố (Phòng Quan hệ quốc tế)", ""]  # fmt: skip
ENGLISH = re.compile(r"\b(should|Input|String|Field|valid|required|expected)\b")
DATES = ["2026-02-28", "2024-02-29", "2025-02-29", "2026", "2026-11", "06/05/2025", "1800-01-01"]

scalars = st.one_of(
    st.sampled_from(PHRASES + UNITS + DATES),
    st.integers(-3, 3000),
    st.booleans(),
    st.none(),
    st.text(max_size=12),
)
keys = st.sampled_from(["text", "event", "date", "days_after", "x"])
values = st.one_of(
    scalars, st.lists(scalars, max_size=3), st.dictionaries(keys, scalars, max_size=3)
)


def maybe_messy(valid: st.SearchStrategy, *, messy: bool) -> st.SearchStrategy:
    """A well-formed value or, in a messy file, possibly any value at all."""
    return st.one_of(valid, values) if messy else valid


def task_fields(messy: bool) -> st.SearchStrategy:
    """A task file's fields: well-formed ones (whose deadlines, units and progress reach the
    status code), or, when messy, any value in any field."""

    field = functools.partial(maybe_messy, messy=messy)

    progress_entry = st.fixed_dictionaries(
        {"date": field(st.sampled_from(DATES[:2]))},
        optional={
            "year": field(st.integers(2020, 2035)),
            "done": field(st.booleans()),
            "by": field(st.sampled_from(UNITS)),
            "note": field(st.text(max_size=12)),
        },
    )
    return st.fixed_dictionaries(
        {
            "code": field(st.just("I.2")),
            "title": field(st.sampled_from(["Nhiệm vụ thử", "Nhiệm vụ hai"])),
            "lead": field(st.lists(st.sampled_from(UNITS), max_size=3)),
            "deadline": field(st.sampled_from(PHRASES)),
        },
        optional={
            "support": field(st.lists(st.sampled_from(UNITS), max_size=2)),
            "progress": field(st.lists(progress_entry, max_size=3)),
            "output": field(st.sampled_from(["Kế hoạch", "Báo cáo"])),
        },
    )


def agreement_fields(messy: bool) -> st.SearchStrategy:
    """An agreement with a partner, its signing day, term and art. 19 steps."""

    field = functools.partial(maybe_messy, messy=messy)

    step = st.fixed_dictionaries({"date": field(st.sampled_from(DATES[:2]))})
    return st.fixed_dictionaries(
        {"id": st.just("ct-x"), "kind": field(st.just("programme")),
         "title": field(st.just("Chương trình")), "partners": field(st.just(["minsk"]))},
        optional={
            "signed": field(st.sampled_from(DATES[:5])),
            "term": field(st.fixed_dictionaries({}, optional={
                "start": st.sampled_from(DATES[:5]), "end": st.sampled_from(DATES[:5])})),
            "steps": field(st.fixed_dictionaries({}, optional={"reported": step})),
            "status": field(st.sampled_from(["in_force", "expired", "draft"])),
            "follow_up": field(st.fixed_dictionaries(
                {"unit": st.sampled_from(UNITS), "source": st.just({"file": "a.txt"})})),
        },
    )  # fmt: skip


def reports_fields(messy: bool) -> st.SearchStrategy:
    """The yearly reports units sent under the test plan."""

    field = functools.partial(maybe_messy, messy=messy)

    submission = st.fixed_dictionaries({
        "unit": field(st.sampled_from(UNITS)), "year": field(st.integers(2020, 2035)),
        "date": field(st.sampled_from(DATES[:2]))})  # fmt: skip
    return st.fixed_dictionaries({"reports": field(st.lists(submission, max_size=3))})


PARTNER = 'id: minsk\nkind: city\nname: {vi: "Minsk"}\ncountry: BY\n'


def _yaml(value: object) -> str:
    """Flow-style YAML that round-trips every drawn value (JSON is YAML)."""
    import json

    return json.dumps(value, ensure_ascii=False)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    files=st.fixed_dictionaries({
        "data/plans/kh-test/tasks/I-2.yaml": st.booleans().flatmap(task_fields),
        "data/agreements/ct-x.yaml": st.booleans().flatmap(agreement_fields),
        "data/plans/kh-test/reports.yaml": st.booleans().flatmap(reports_fields),
    }),
    as_of=st.dates(date(2024, 1, 1), date(2031, 12, 31)),
)  # fmt: skip
def test_any_edit_gives_problems_or_items_never_an_exception(files, as_of):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for rel, text in BASE_FILES.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text, encoding="utf-8")
        (root / "data/partners/minsk.yaml").parent.mkdir(parents=True)
        (root / "data/partners/minsk.yaml").write_text(PARTNER, encoding="utf-8")
        for rel, fields in files.items():
            text = "".join(f"{key}: {_yaml(value)}\n" for key, value in fields.items())
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text, encoding="utf-8")

        registry = load(root, use_cache=False)
        event("task read" if "kh-test/I.2" in registry.tasks else "task refused")
        event("agreement read" if "ct-x" in registry.agreements else "agreement refused")
        checked = Checked.of(registry)
        for problem in checked.problems:  # Vietnamese throughout: none of Pydantic's English
            assert not ENGLISH.search(problem.message + problem.hint), problem
        for reporter in REPORTERS.values():
            assert reporter(checked.problems, len(checked.files), strict=False).render()
        query = DueQuery(as_of, role="all")
        view = due_render.DueView.of(registry, query, due(registry, query))
        for render in due_render.RENDERERS.values():
            assert render(view)
        assert stats(registry, as_of) is not None
        assert list(list_tasks(registry, ListQuery("tasks", as_of))) is not None
