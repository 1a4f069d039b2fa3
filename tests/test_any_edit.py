"""Whatever staff write in any file (task, plan, agreement, partner, reports, departments),
every command answers: problems for `validate`, items for `due`, `list`, `show` and `stats` —
never an exception (DESIGN §4: no traceback for a bad file; issue 12: whatever validate
accepts, every command handles), and every message in Vietnamese."""

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
from hnqt.render.dueview import DueView
from hnqt.render.ics import render_calendar
from hnqt.render.problems import REPORTERS
from hnqt.render.xlsx import render_workbook

CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")  # RFC 5545 TEXT: no control but TAB
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
        view = DueView.of(registry, query, due(registry, query))
        for render in due_render.RENDERERS.values():
            assert render(view)
        calendar = render_calendar(view).encode("utf-8")
        assert calendar.startswith(b"BEGIN:VCALENDAR\r\n") and calendar.endswith(b"\r\n")
        lines = calendar.split(b"\r\n")
        assert all(len(line) <= 75 for line in lines)  # RFC 5545 §3.1: folded at 75 octets
        assert not any(CONTROL.search(line.decode("utf-8")) for line in lines)
        for plan, _ in registry.plans.values():
            assert render_workbook(registry, plan, None, as_of).startswith(b"PK")  # a zip
        assert stats(registry, as_of) is not None
        assert list(list_tasks(registry, ListQuery("tasks", as_of))) is not None


# --- every read command on whatever validate accepts (issue 12, item 3) ---------------------

GOOD_YEARS = ["1900", "2025", "2030", "2200", "2025-02", "2024-02-29", "2200-12-31"]
BAD_YEARS = ["0000", "0001", "1899", "2201", "9999", "2025-02-29"]
GOOD_DAY_MONTHS = ["15/11", "29/02", "31/12", "1/1"]
BAD_DAY_MONTHS = ["31/02", "31/04", "0/1", "32/12", "1/13"]
GOOD_PHRASES = ["Năm 2200", "trước 31/12/2200", "Năm 1900", "Giai đoạn 1900-2200",
                "trước 29/02 hằng năm", "Quý IV/2200", "Khi Bộ Ngoại giao ban hành"]  # fmt: skip
BAD_PHRASES = ["Năm 9999", "trước 31/02 hằng năm", "Năm 0001"]
GOOD_OFFSETS = [0, 15, 3650]
BAD_OFFSETS = [3651, 3_000_000, -1]


def pick(good: list[object], bad: list[object], messy: bool) -> st.SearchStrategy:
    """A good value or, in a messy file, also a bad one or any value at all."""
    return st.sampled_from(good + bad) | values if messy else st.sampled_from(good)


def plan_fields(messy: bool) -> st.SearchStrategy:
    """The test plan: its period (the ends of the year range and beyond), reporting day,
    annual due day, date."""
    year = pick(GOOD_YEARS, BAD_YEARS, messy)
    day_month = pick(GOOD_DAY_MONTHS, BAD_DAY_MONTHS, messy)
    return st.fixed_dictionaries(
        {"id": st.just("kh-test"), "kind": st.just("plan"), "title": st.just("Kế hoạch thử"),
         "issuer": st.just("Ủy ban nhân dân thành phố Hà Nội")},
        optional={
            "period": st.fixed_dictionaries({"start": year, "end": year}),
            "reporting": st.fixed_dictionaries({
                "text": st.just("báo cáo hằng năm"), "before": day_month,
                "to": st.just("Sở Công Thương")}),
            "annual_due": day_month,
            "date": year,
            "sections": st.just([{"code": "I", "title": "Mục một"}]),
        },
    )  # fmt: skip


def partner_fields(messy: bool) -> st.SearchStrategy:
    tie = st.fixed_dictionaries(
        {"locality": st.just("TP. Hồ Chí Minh"), "kind": st.just("kết nghĩa"),
         "text": st.just("…")},
        optional={"since": pick(GOOD_YEARS, BAD_YEARS, messy)},
    )  # fmt: skip
    return st.fixed_dictionaries(
        {"id": st.just("minsk"), "kind": st.just("city"), "name": st.just({"vi": "Minsk"}),
         "country": pick(["BY"], ["by", "BYE"], messy)},
        optional={"ties": st.lists(tie, max_size=2)},
    )  # fmt: skip


def departments_fields(messy: bool) -> st.SearchStrategy:
    """The test departments, with one more unit drawn (possibly ill-formed)."""
    from hnqt.yamlio import parse

    base = parse(BASE_FILES["data/departments.yaml"], "d.yaml")[0].data
    assert isinstance(base, dict)
    unit = st.fixed_dictionaries(
        {"id": pick(["so-moi"], ["so-y-te", "SO MOI"], messy),
         "name": pick(["Sở Mới"], ["Sở Y tế", ""], messy),
         "kind": pick(["so", "division"], ["xyz"], messy)},
        optional={"parent": pick(["so-y-te"], ["khong-co", "so-moi"], messy),
                  "aliases": pick([["SM"]], [["SYT"]], messy)},
    )  # fmt: skip
    return st.lists(unit, max_size=1).map(lambda extra: {**base, "units": [*base["units"], *extra]})


def event_task_fields(messy: bool) -> st.SearchStrategy:
    """A task with a deadline at the ends of the year range, or awaiting a document with an
    offset of any size."""
    spec = st.fixed_dictionaries(
        {"text": st.just("Khi Bộ Ngoại giao ban hành")},
        optional={"event": st.fixed_dictionaries({"date": pick(GOOD_YEARS[-2:], BAD_YEARS,
                                                               messy)}),
                  "days_after": pick(GOOD_OFFSETS, BAD_OFFSETS, messy)},
    )  # fmt: skip
    progress = st.fixed_dictionaries(
        {"date": pick(["2200-12-31", "1900-01-01"], ["9999-01-01"], messy), "done": st.booleans()},
        optional={"year": pick([1900, 2200], [1899, 2201, 99999], messy)},
    )  # fmt: skip
    return st.fixed_dictionaries(
        {"code": st.just("I.3"), "title": st.just("Ba"), "lead": st.just(["Sở Y tế"]),
         "deadline": spec | pick(GOOD_PHRASES, BAD_PHRASES, messy)},
        optional={"progress": st.lists(progress, max_size=2)},
    )  # fmt: skip


MESSY = st.sampled_from([False, False, False, True])  # most files well-formed: most pass


def _commands(as_of: str) -> list[list[str]]:
    day = ["--as-of", as_of]
    due = [["due", *day, "--format", f] for f in ("table", "json", "csv", "ics")]
    shown = [
        ["show", ident, *day]
        for ident in ("kh-test/I.1", "kh-test/I.3", "kh-test", "ct-x", "minsk", "Sở Y tế")
    ]
    listed = [["list", kind, *day] for kind in ("tasks", "plans", "agreements", "partners",
                                                "units")]  # fmt: skip
    return [["validate"], ["validate", "--format", "github"], *due,
            ["due", "--so", "Sở Y tế", "--role", "all", *day], *shown, *listed,
            ["stats", *day], ["report", "kh-test", *day],
            ["report", "ct-x", *day, "--format", "html"]]  # fmt: skip


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    files=st.fixed_dictionaries({
        "data/plans/kh-test/plan.yaml": MESSY.flatmap(plan_fields),
        "data/plans/kh-test/tasks/I-3.yaml": MESSY.flatmap(event_task_fields),
        "data/agreements/ct-x.yaml": MESSY.flatmap(agreement_fields),
        "data/plans/kh-test/reports.yaml": MESSY.flatmap(reports_fields),
        "data/partners/minsk.yaml": MESSY.flatmap(partner_fields),
        "data/departments.yaml": MESSY.flatmap(departments_fields),
    }),
    as_of=st.sampled_from(["01/01/1900", "22/11/2026", "31/12/2200", "2031-06-30"]),
)  # fmt: skip
def test_every_read_command_answers_whatever_the_files_hold(files, as_of):
    """Each command ends with exit 0, 1 or 2 (never 3: an exception) on any registry, in
    particular on every registry validate accepts."""
    from typer.testing import CliRunner

    from hnqt.cli import app

    runner = CliRunner()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for rel, text in BASE_FILES.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text, encoding="utf-8")
        for rel, fields in files.items():
            text = "".join(f"{key}: {_yaml(value)}\n" for key, value in fields.items())
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text, encoding="utf-8")
        accepted = None
        for args in _commands(as_of):
            result = runner.invoke(app, [*args, "--registry", folder], env={"NO_COLOR": "1"})
            assert result.exception is None or isinstance(result.exception, SystemExit), (
                args, result.exception)  # fmt: skip
            assert result.exit_code in (0, 1, 2), (args, result.output)
            if args == ["validate"]:
                accepted = result.exit_code == 0
                event("validate accepts" if accepted else "validate refuses")
            elif accepted:
                assert result.exit_code in (0, 2), (args, result.output)  # 2: not found
