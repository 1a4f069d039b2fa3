"""The registry as transcribed (the frozen copy of data/ in tests/fixtures/registry): it
validates, its counts match the sources, and its text is a verbatim transcription of the source
documents. What must stay true of the live data/ is in test_live_data.py."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import FIXTURE, sources
from hnqt.cli import app
from hnqt.dates import PartialDate
from hnqt.loading import load
from hnqt.registry import Registry
from hnqt.units import Resolution

PLAN_SOURCE = "2025-ubnd-hn-ke-hoach-trien-khai-nq59-hoi-nhap-quoc-te.txt"
DIRECTIVE_SOURCE = "2025-05-ubnd-hn-cong-van-trien-khai-thoa-thuan-st-petersburg.txt"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load(FIXTURE, use_cache=False)


def source_text(name: str) -> str:
    """A source document, from the folder HNQT_SOURCES names (skipped when it is not set)."""
    path = sources() / name
    if not path.is_file():
        pytest.fail(f"source {path} is missing from HNQT_SOURCES")
    return path.read_text(encoding="utf-8")


def words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text).casefold())


def missing_word(title: list[str], source: list[str], join: int = 3) -> str | None:
    """The first title word that cannot be matched, in order, in the source; None if all can.

    Each title word matches one source token or the concatenation of up to `join` consecutive
    tokens (the PDF extraction splits some words: "đ" "ạt"). Taking the match that ends
    earliest is optimal for a subsequence."""
    position = 0
    for word in title:
        end = next(
            (
                last
                for last in range(position, len(source))
                if any(
                    last - size + 1 >= position
                    and "".join(source[last - size + 1 : last + 1]) == word
                    for size in range(1, join + 1)
                )
            ),
            None,
        )
        if end is None:
            return word
        position = end + 1
    return None


def appendices(text: str) -> tuple[list[str], list[str]]:
    """The words of Appendix I (indicators) and Appendix II (tasks) of the plan."""
    first = re.search(r"^PHỤ LỤC I\s*$", text, re.MULTILINE)
    second = re.search(r"^PHỤ LỤC II\s*$", text, re.MULTILINE)
    assert first and second and first.start() < second.start()
    return words(text[first.start() : second.start()]), words(text[second.start() :])


# --- validate ---------------------------------------------------------------------------------


def test_validate_has_no_errors():
    result = CliRunner().invoke(
        app, ["validate", "--registry", str(FIXTURE), "--no-cache", "--format", "json"]
    )
    report = json.loads(result.stdout)
    assert report["errors"] == []
    assert report["ok"] is True
    assert result.exit_code == 0
    assert report["files"] >= 98 + 9 + 2 + 2 + 2 + 1
    # what is left are reviewed warnings, each of a known kind
    assert {w["code"] for w in report["warnings"]} <= {"no-deadline", "duplicate-title"}


def test_registry_loads_without_problems(registry):
    assert [p for p in registry.problems if p.is_error] == []
    assert set(registry.plans) == {"kh-nq59", "cv-st-petersburg-2025"}
    assert set(registry.agreements) == {"tt-st-petersburg-2025", "ct-minsk-2024-2026"}
    assert set(registry.partners) == {"st-petersburg", "minsk"}


# --- kh-nq59: counts ---------------------------------------------------------------------------


def appendix(registry: Registry) -> list:
    """kh-nq59's tasks of Appendix II (the general duties of "Tổ chức thực hiện" aside)."""
    return [e for e in registry.tasks_of("kh-nq59") if not e.task.code.startswith("TCTH.")]


def test_kh_nq59_has_98_tasks_by_section(registry):
    tasks = appendix(registry)
    assert len(tasks) == 98
    sections = Counter(entry.task.code.split(".")[0] for entry in tasks)
    assert sections == {"I": 5, "II": 22, "III": 13, "IV": 20, "V": 24, "VI": 5, "VII": 9}
    for section, count in sections.items():
        numbers = sorted(int(e.task.code.split(".")[1]) for e in tasks
                         if e.task.code.split(".")[0] == section)  # fmt: skip
        assert numbers == list(range(1, count + 1)), section
    plan = registry.plans["kh-nq59"][0]
    assert [s.code for s in plan.sections] == ["I", "II", "III", "IV", "V", "VI", "VII", "TCTH"]


def test_kh_nq59_indicators_keep_the_source_numbering(registry):
    plan = registry.plans["kh-nq59"][0]
    numbers = [indicator.number for indicator in plan.indicators]
    assert len(numbers) == 21
    assert numbers == [1, 2, 3, 4, *range(6, 23)]
    assert 5 not in numbers


def test_kh_nq59_tasks_cite_their_source(registry):
    plan = registry.plans["kh-nq59"][0]
    assert [s.file for s in plan.source] == [PLAN_SOURCE]
    for entry in registry.tasks_of("kh-nq59"):
        source = entry.task.source
        assert source is not None, entry.id
        assert source.file == PLAN_SOURCE, entry.id
        if not entry.task.code.startswith("TCTH."):
            assert source.ref == f"Phụ lục II, {entry.task.code}", entry.id
        else:  # the general duties of part III of the plan, "Tổ chức thực hiện"
            assert source.ref.startswith("III. Tổ chức thực hiện, mục "), entry.id


def test_kh_nq59_reporting_rule(registry):
    plan = registry.plans["kh-nq59"][0]
    assert plan.reporting is not None
    assert (plan.reporting.before, plan.reporting.to, plan.reporting.every) == (
        "15/11", "Sở Công Thương", "year",
    )  # fmt: skip
    assert plan.period is not None
    assert (plan.period.start, plan.period.end) == (PartialDate(2025), PartialDate(2030))


# --- transcription against the sources ----------------------------------------------------------


def test_the_subsequence_check_can_fail():
    source = words("Tổ chức các hội nghị, tập huấn về các cam kết đ ạt chuẩn")
    assert missing_word(words("hội nghị tập huấn đạt chuẩn"), source) is None
    assert missing_word(words("tập huấn hội nghị"), source) == "hội"  # order matters
    assert missing_word(words("hội nghị quốc tế"), source) == "quốc"  # invented word
    assert missing_word(words("đạt"), source, join=1) == "đạt"  # split word needs joining


@pytest.mark.parametrize("ci", ["", "true"])
def test_sources_are_read_only_where_hnqt_sources_points(monkeypatch, tmp_path, ci):
    monkeypatch.setenv("CI", ci)  # CI does not change which tests run
    monkeypatch.delenv("HNQT_SOURCES", raising=False)
    with pytest.raises(pytest.skip.Exception, match="HNQT_SOURCES"):
        source_text(PLAN_SOURCE)
    monkeypatch.setenv("HNQT_SOURCES", str(tmp_path))  # set, but the document is not there
    with pytest.raises(pytest.fail.Exception, match=PLAN_SOURCE):
        source_text(PLAN_SOURCE)
    (tmp_path / PLAN_SOURCE).write_text("PHỤ LỤC II", encoding="utf-8")
    assert source_text(PLAN_SOURCE) == "PHỤ LỤC II"


def test_task_titles_are_verbatim_from_appendix_ii(registry):
    _, appendix_ii = appendices(source_text(PLAN_SOURCE))
    assert len(appendix_ii) > 5000
    wrong = {}
    for entry in appendix(registry):
        title = words(entry.task.title)
        assert len(title) >= 3, entry.id
        missing = missing_word(title, appendix_ii)
        if missing is not None:
            wrong[entry.id] = missing
    assert wrong == {}


def test_indicator_names_are_verbatim_from_appendix_i(registry):
    appendix_i, _ = appendices(source_text(PLAN_SOURCE))
    plan = registry.plans["kh-nq59"][0]
    wrong = {}
    for indicator in plan.indicators:
        missing = missing_word(words(indicator.name), appendix_i)
        if missing is not None:
            wrong[indicator.number] = missing
    assert wrong == {}


def test_directive_task_titles_are_verbatim(registry):
    directive = words(source_text(DIRECTIVE_SOURCE))
    tasks = registry.tasks_of("cv-st-petersburg-2025")
    assert len(tasks) == 9
    wrong = {}
    for entry in tasks:
        assert entry.task.source is not None and entry.task.source.file == DIRECTIVE_SOURCE
        missing = missing_word(words(entry.task.title), directive)
        if missing is not None:
            wrong[entry.id] = missing
    assert wrong == {}


def test_every_cited_source_file_exists(registry):
    source_text(PLAN_SOURCE)  # skips without the sources
    cited = set()
    for plan, _ in registry.plans.values():
        cited |= {s.file for s in plan.source}
    for agreement, _ in registry.agreements.values():
        cited |= {s.file for s in agreement.source}
        cited |= {a.source.file for a in agreement.activities if a.source}
    for partner, _ in registry.partners.values():
        cited |= {s.file for s in partner.source}
        cited |= {t.source.file for t in partner.ties if t.source}
    for entry in registry.tasks.values():
        if entry.task.source:
            cited.add(entry.task.source.file)
    assert {PLAN_SOURCE, DIRECTIVE_SOURCE} <= cited
    assert sorted(name for name in cited if not (sources() / name).is_file()) == []


# --- units --------------------------------------------------------------------------------------


def test_well_known_names_resolve_in_the_real_data(registry):
    units = registry.units
    qhqt = units.resolve("Văn phòng UBND Thành phố (Phòng Quan hệ quốc tế)")
    assert qhqt == Resolution(units=("vp-phong-qhqt",))
    assert units.resolve("Sở Công thương") == Resolution(units=("so-cong-thuong",))
    theo_doi = registry.tasks["cv-st-petersburg-2025/theo-doi"].task
    assert theo_doi.lead == ("Văn phòng UBND Thành phố (Phòng Quan hệ quốc tế)",)


# --- agreements and the directive ----------------------------------------------------------------


def test_st_petersburg_agreement(registry):
    agreement = registry.agreements["tt-st-petersburg-2025"][0]
    assert agreement.signed == PartialDate(2025, 5, 6)
    assert agreement.signed.as_date().isoformat() == "2025-05-06"
    assert len(agreement.articles) == 5
    assert [a.number for a in agreement.articles] == [5, 6, 7, 8, 9]
    assert all(a.units for a in agreement.articles)
    assert agreement.partners == ("st-petersburg",)
    assert agreement.status == "in_force"


def test_minsk_programme(registry):
    programme = registry.agreements["ct-minsk-2024-2026"][0]
    assert programme.kind == "programme"
    assert programme.term is not None
    assert programme.term.end == PartialDate(2026)
    assert programme.term.end.last_day().isoformat() == "2026-12-31"
    assert programme.term.start == PartialDate(2024)
    assert programme.signed == PartialDate(2023, 12)  # month only: the source gives no day
    assert programme.signed.day is None
    assert programme.signed.as_date() is None


def test_directive_plan(registry):
    directive = registry.plans["cv-st-petersburg-2025"][0]
    assert directive.kind == "directive"
    assert directive.number is None
    assert directive.date == PartialDate(2025, 5)  # "tháng 5 năm 2025": month only
    assert directive.date.day is None
    assert directive.agreement == "tt-st-petersburg-2025"
    tasks = {e.task.code: e.task for e in registry.tasks_of("cv-st-petersburg-2025")}
    articles = sorted({a for task in tasks.values() for a in task.articles})
    assert articles == [5, 6, 7, 8, 9]


def test_task_files_are_named_after_their_codes(registry):
    for entry in registry.tasks.values():
        assert Path(entry.result.rel).name == entry.task.code.replace(".", "-") + ".yaml"


# --- addressees and general duties against the sources (issue 9) -----------------------------


def flat(text: str) -> str:
    """Words only, in order, case-folded: the PDF extraction breaks lines and spaces at will."""
    return " ".join(words(text))


def test_addressees_and_recipients_are_the_sources_words(registry: Registry) -> None:
    for plan, _ in registry.plans.values():
        files = {s.file for s in plan.source}
        text = flat("\n".join(source_text(name) for name in files))
        for line in (*[a.name for a in plan.addressees], *plan.recipients):
            assert flat(line) in text, (plan.id, line)


def test_general_duties_of_kh_nq59_are_verbatim_from_its_part_iii(registry: Registry) -> None:
    text = source_text(PLAN_SOURCE)
    part_iii = flat(text[text.index("III. TỔ CHỨC THỰC HIỆN") : text.index("Nơi nhận:")])
    duties = [e for e in registry.tasks_of("kh-nq59") if e.task.code.startswith("TCTH.")]
    assert duties
    for entry in duties:
        assert flat(entry.task.title) in part_iii, entry.id
    rule = registry.plans["kh-nq59"][0].reporting
    assert rule is not None and flat(rule.text) in part_iii


def test_units_listed_for_a_source_are_named_in_it(registry: Registry) -> None:
    for unit in registry.departments.units:
        for ref in unit.source:
            assert flat(unit.name) in flat(source_text(ref.file)), unit.id
