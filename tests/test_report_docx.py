"""The Word report reopened with python-docx: Decree 30/2020 layout (margins, fonts, header,
page numbers from page 2), the task annex row by row, and registry text made safe for XML."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.shared import Mm

from conftest import AS_OF
from hnqt.loading import load
from hnqt.queries import find_unit
from hnqt.render.report_docx import render_docx
from hnqt.render.report_env import package_dir
from hnqt.render.report_render import context_of
from hnqt.reporting import build


def word(
    root: Path, ident: str = "kh-nq59", so: str | None = None, **changes: object
) -> tuple[DocumentObject, dict[str, object]]:
    registry = load(root)
    report = build(registry, ident, 2026, AS_OF, find_unit(registry, so) if so else None)
    context = {**context_of(report), **changes}
    name = "thoa-thuan.docx" if ident == "agreements" else "ke-hoach.docx"
    data, _ = render_docx(package_dir() / name, name, context)
    return Document(io.BytesIO(data)), context


def texts(document: DocumentObject) -> list[str]:
    return [p.text for p in document.paragraphs]


def test_page_margins_and_a4(report_registry: Path) -> None:
    document, _ = word(report_registry)
    first = document.sections[0]
    assert (round(first.page_width.mm), round(first.page_height.mm)) == (210, 297)  # twips
    margins = [
        round(m.mm)
        for m in (first.top_margin, first.bottom_margin, first.left_margin, first.right_margin)
    ]
    top, bottom, left, right = margins
    assert 20 <= top <= 25 and 20 <= bottom <= 25 and 30 <= left <= 35 and 15 <= right <= 20


def test_times_new_roman_everywhere(report_registry: Path) -> None:
    document, _ = word(report_registry)
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == fonts.get(qn("w:hAnsi")) == "Times New Roman"
    named = {run.font.name for p in document.paragraphs for run in p.runs if run.text.strip()}
    assert named <= {"Times New Roman", None}  # None: inherits Normal


def test_two_column_header_and_subject(report_registry: Path) -> None:
    document, _ = word(report_registry)
    left, right = document.tables[0].rows[0].cells
    assert [p.text for p in left.paragraphs if p.text] == [
        "UBND THÀNH PHỐ HÀ NỘI",
        "SỞ CÔNG THƯƠNG",
        "Số:        /BC-SCT",
    ]
    assert [p.text for p in right.paragraphs if p.text] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hà Nội, ngày 22 tháng 11 năm 2026",
    ]
    issuer = next(p for p in left.paragraphs if p.text == "SỞ CÔNG THƯƠNG")
    assert issuer.runs[0].bold
    place = next(p for p in right.paragraphs if p.text.startswith("Hà Nội"))
    assert place.runs[0].italic
    ruled = [
        p
        for p in left.paragraphs + right.paragraphs
        if p._p.pPr is not None and p._p.pPr.find(qn("w:pBdr")) is not None
    ]
    assert len(ruled) == 2  # the short rules under the issuer and under the motto
    lines = texts(document)
    title = lines.index("BÁO CÁO")
    assert lines[title + 1] == "Kết quả thực hiện Kế hoạch năm 2026"
    assert all(run.bold for p in document.paragraphs[title : title + 2] for run in p.runs)


def test_body_is_justified_with_first_line_indent(report_registry: Path) -> None:
    document, _ = word(report_registry)
    opening = next(p for p in document.paragraphs if p.text.startswith("Thực hiện Kế hoạch"))
    assert opening.alignment == 3  # justify
    assert opening.paragraph_format.first_line_indent == Mm(12.7)
    assert opening.runs[0].font.size.pt in (13, 14)


def test_page_numbers_at_the_top_from_page_two(report_registry: Path) -> None:
    document, _ = word(report_registry)
    first = document.sections[0]
    assert first.different_first_page_header_footer
    assert "PAGE" in first.header._element.xml and 'w:instr="PAGE"' in first.header._element.xml
    assert first.header.paragraphs[0].alignment == 1  # centred
    assert "PAGE" not in first.first_page_header._element.xml
    annex = document.sections[1]
    assert annex.page_width > annex.page_height  # landscape annex, numbered on its first page
    assert not annex.different_first_page_header_footer


def test_task_annex_has_the_plans_columns_and_a_row_per_task(report_registry: Path) -> None:
    document, context = word(report_registry)
    annex = document.tables[-1]
    header = [cell.text for cell in annex.rows[0].cells]
    plans_columns = "TT|Tên nhiệm vụ|Cơ quan chủ trì|Cơ quan phối hợp|Kết quả|Thời gian hoàn thành"
    assert header[:6] == plans_columns.split("|")
    assert header[6:] == ["Kết quả năm 2026", "Trạng thái", "Ghi chú"]
    tasks = context["tasks"]
    assert isinstance(tasks, tuple)
    sections = context["sections"]
    assert isinstance(sections, tuple)
    # Under each section's full-width heading row (as in the plan's appendix), its tasks.
    expected = [
        text for s in sections for text in (f"{s.code}. {s.title}", *(t.code for t in s.tasks))
    ]
    assert [row.cells[0].text for row in annex.rows[1:]] == expected
    assert sum(len(s.tasks) for s in sections) == len(tasks)
    heading = annex.rows[1]
    assert len({id(cell._tc) for cell in heading.cells}) == 1  # one cell across the table
    v19 = next(row for row in annex.rows if row.cells[0].text == "V.19")
    assert v19.cells[7].text == "Chờ văn bản"
    borders = annex._tbl.tblPr.find(qn("w:tblStyle"))
    assert borders is not None and borders.get(qn("w:val")) == "TableGrid"


def test_statistics_and_signature_blocks(report_registry: Path) -> None:
    document, context = word(report_registry)
    stats = next(t for t in document.tables if t.rows[0].cells[0].text == "Đơn vị chủ trì")
    lines = context["stats"]
    assert isinstance(lines, tuple) and len(stats.rows) == 1 + len(lines)
    total = lines[-1]
    assert stats.rows[-1].cells[0].text == "Tổng cộng"
    assert stats.rows[-1].cells[-1].text == f"{total.overdue_share:.1f}%".replace(".", ",")
    footer = next(
        t for t in document.tables if t.rows[0].cells[0].paragraphs[0].text == "Nơi nhận:"
    )
    left, right = footer.rows[0].cells
    heading = left.paragraphs[0].runs[0]
    assert heading.bold and heading.italic and heading.font.size.pt == 12
    items = [p for p in left.paragraphs[1:] if p.text]
    assert items[0].text == "- Như trên;" and items[-1].text == "- Lưu: VT, SCT."
    assert all(p.runs[0].font.size.pt == 11 for p in items)
    assert right.paragraphs[0].text == "GIÁM ĐỐC"


def test_a_units_report_and_the_agreements_report(report_registry: Path) -> None:
    document, _ = word(report_registry, so="Sở Y tế")
    assert "SỞ Y TẾ" in [p.text for p in document.tables[0].rows[0].cells[0].paragraphs]
    assert "Kính gửi: Sở Công Thương." in texts(document)
    agreements, _ = word(report_registry, "agreements")
    body = "\n".join(texts(agreements))
    assert "Báo cáo Thủ tướng Chính phủ" in "\n".join(
        cell.text for table in agreements.tables for row in table.rows for cell in row.cells
    )
    assert "Chương trình hợp tác Hà Nội - Minsk" in body


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("Báo cáo <script>alert(1)</script> & “Sở”", "Báo cáo <script>alert(1)</script> & “Sở”"),
        ("A\x00B\x01C\x0bD\x1fE\ufffeF", "ABCDEF"),
        ("{{ 7 * 7 }} {%p if x %}", "{{ 7 * 7 }} {%p if x %}"),  # data, never a template
    ],
)
def test_registry_text_is_escaped_and_cleaned_for_xml(
    report_registry: Path, title: str, shown: str
) -> None:
    document, _ = word(report_registry, title=title)
    assert shown in texts(document)


def test_line_breaks_in_registry_text_stay_line_breaks(report_registry: Path) -> None:
    document, _ = word(report_registry)
    annex = document.tables[-1]
    i1 = next(row for row in annex.rows if row.cells[0].text == "I.1")
    assert "\n" in i1.cells[1].text  # the title's two paragraphs, as <w:br/>
    assert "<w:br/>" in i1.cells[1]._tc.xml


def test_the_committed_templates_are_what_the_script_builds(tmp_path: Path) -> None:
    import zipfile

    from conftest import REPO

    script = REPO / "tools" / "make_docx_template.py"
    done = subprocess.run([sys.executable, str(script), "--out", str(tmp_path)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    for name in ("ke-hoach.docx", "thoa-thuan.docx"):
        with zipfile.ZipFile(tmp_path / name) as built, \
                zipfile.ZipFile(package_dir() / name) as shipped:  # fmt: skip
            assert built.namelist() == shipped.namelist()
            for part in built.namelist():
                if part.startswith("word/") and part.endswith(".xml"):
                    assert built.read(part) == shipped.read(part), (name, part)


def test_writing_the_report_through_a_link_is_refused(report_registry: Path, tmp_path: Path):
    from typer.testing import CliRunner

    from hnqt.cli import app

    target = tmp_path / "that.docx"
    target.write_bytes(b"old")
    link = tmp_path / "bao-cao.docx"
    link.symlink_to(target)
    result = CliRunner().invoke(app, ["report", "kh-nq59", "-o", str(link), "--registry",
                                      str(report_registry)])  # fmt: skip
    assert result.exit_code == 2
    assert "liên kết" in result.output
    assert target.read_bytes() == b"old" and link.is_symlink()


def test_the_agreements_report_lists_the_tasks_that_implement_each(report_registry: Path):
    document, context = word(report_registry, "agreements")
    blocks = context["agreements"]
    assert isinstance(blocks, tuple)
    petersburg = next(a for a in blocks if a.tasks)
    table = next(t for t in document.tables if t.rows[0].cells[1].text == "Nhiệm vụ")
    assert [row.cells[0].text for row in table.rows[1:]] == [t.code for t in petersburg.tasks]
