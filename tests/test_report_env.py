"""Report templates: the filters, the sandbox, escaping whatever the file is called, and
mistakes told with the template's line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hnqt.render.report_env import (
    TemplateProblems,
    dmy,
    environment,
    find_template,
    md_cell,
    package_dir,
    render_text,
    vn_date,
    vn_number,
    vn_sort,
)


@pytest.mark.parametrize(
    ("day", "year", "text"),
    [
        (date(2027, 1, 5), True, "ngày 05 tháng 01 năm 2027"),
        (date(2026, 6, 29), False, "ngày 29 tháng 6"),
        (date(2026, 2, 10), True, "ngày 10 tháng 02 năm 2026"),
        (date(2026, 12, 1), True, "ngày 01 tháng 12 năm 2026"),
        (date(2026, 3, 9), False, "ngày 09 tháng 3"),
    ],
)
def test_decree_30_date_form(day: date, year: bool, text: str) -> None:
    assert vn_date(day, year=year) == text


def test_date_filters_refuse_what_is_not_a_date() -> None:
    assert vn_date(None) == "ngày … tháng … năm …"
    assert dmy(date(2026, 1, 5)) == "05/01/2026" and dmy(None) == ""
    with pytest.raises(ValueError, match="vn_date cần một ngày"):
        vn_date(2026)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "digits", "text"),
    [
        (1234.5, 1, "1.234,5"),
        (1234567, 0, "1.234.567"),
        (0, 0, "0"),
        (18.1818, 1, "18,2"),
        (-1500.25, 2, "-1.500,25"),
        (None, 0, "—"),
    ],
)
def test_vietnamese_numbers(value: float | None, digits: int, text: str) -> None:
    assert vn_number(value, digits) == text


def test_vietnamese_sort_puts_d_stroke_after_d() -> None:
    names = ["Sở Y tế", "Đài Phát thanh", "Ban Dân tộc", "Sở Du lịch", "Ủy ban", "Cục Thuế"]
    env = environment("md", None)
    assert vn_sort(env, names) == [
        "Ban Dân tộc",
        "Cục Thuế",
        "Đài Phát thanh",
        "Sở Du lịch",
        "Sở Y tế",
        "Ủy ban",
    ]
    assert sorted(["Đài", "Sở"]) == ["Sở", "Đài"]  # what Python's own order would do


def test_markdown_cell_keeps_a_table_whole() -> None:
    assert md_cell("a | b\nc <d>") == "a \\| b<br>c &lt;d&gt;"


def render(tmp_path: Path, name: str, text: str, context: dict[str, object]) -> str:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    fmt = "html" if ".html" in name else "md"
    return render_text(path, name, fmt, context)[0]  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["bao-cao.html.j2", "bao-cao.html", "x.htm.j2"])
def test_html_escapes_whatever_the_file_is_called(tmp_path: Path, name: str) -> None:
    out = render(tmp_path, name, "<h1>{{ title }}</h1>", {"title": "<script>alert(1)</script>"})
    assert out == "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"


def test_markdown_shows_html_as_text(tmp_path: Path) -> None:
    out = render(tmp_path, "a.md.j2", "# {{ title }}", {"title": "<script>x</script> | y"})
    assert out == "# &lt;script&gt;x&lt;/script&gt; \\| y"


@pytest.mark.parametrize(
    "text",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ title.__class__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ title.format_map }}{% set x = items.append(1) %}",
        "{{ items.append(1) }}",
        "{{ self.__dict__ }}",
        "{{ items|vn_sort('__class__') }}",
    ],
)
def test_templates_cannot_reach_python(tmp_path: Path, text: str) -> None:
    with pytest.raises(TemplateProblems) as caught:
        render(tmp_path, "x.md.j2", text, {"title": "t", "items": [1]})
    problem = caught.value.problems[0]
    assert problem.code in ("template-unsafe", "template-undefined", "template-error")
    assert problem.file == "x.md.j2" and problem.line == 1


def test_no_extensions(tmp_path: Path) -> None:
    for text in ("{% do x.append(1) %}", "{% debug %}", "{% break %}"):
        with pytest.raises(TemplateProblems) as caught:
            render(tmp_path, "x.md.j2", text, {"x": []})
        assert caught.value.problems[0].code == "template-syntax"


def test_undefined_names_are_errors_with_their_line(tmp_path: Path) -> None:
    with pytest.raises(TemplateProblems) as caught:
        render(
            tmp_path,
            "x.md.j2",
            "a\n{% if true %}\n{{ plan.titel }}\n{% endif %}\n",
            {"plan": {"title": "t"}},
        )
    problem = caught.value.problems[0]
    assert (problem.code, problem.line) == ("template-undefined", 3)
    assert "“titel”" in problem.message


def test_an_included_template_is_named_in_its_error(tmp_path: Path) -> None:
    (tmp_path / "_phan.md.j2").write_text("ok\n{{ khong_co }}\n", "utf-8")
    with pytest.raises(TemplateProblems) as caught:
        render(tmp_path, "x.md.j2", "{% include '_phan.md.j2' %}", {})
    problem = caught.value.problems[0]
    assert (problem.file, problem.line) == ("_phan.md.j2", 2)


def test_registry_templates_come_first(tmp_path: Path) -> None:
    assert find_template(tmp_path, "plan", "md") == package_dir() / "ke-hoach.md.j2"
    (tmp_path / "templates").mkdir()
    own = tmp_path / "templates" / "ke-hoach.md.j2"
    own.write_text("x", "utf-8")
    assert find_template(tmp_path, "plan", "md") == own
    assert find_template(tmp_path, "agreements", "docx") == package_dir() / "thoa-thuan.docx"
    link = tmp_path / "templates" / "thoa-thuan.md.j2"
    link.symlink_to("/etc/hostname")  # a link from a pull request is not followed
    assert find_template(tmp_path, "agreements", "md") == package_dir() / "thoa-thuan.md.j2"


def test_vietnamese_sort_by_an_attribute_in_a_template(tmp_path: Path) -> None:
    rows = [{"name": "Sở Y tế"}, {"name": "Đài"}, {"name": "Ban"}, {"name": "Sở Du lịch"}]
    text = "{% for r in rows|vn_sort('name') %}{{ r.name }};{% endfor %}"
    assert render(tmp_path, "x.md.j2", text, {"rows": rows}) == "Ban;Đài;Sở Du lịch;Sở Y tế;"
