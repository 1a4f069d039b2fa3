"""Build the Word templates of `hnqt report` (src/hnqt/templates/*.docx) with python-docx.

Layout of Decree 30/2020/NĐ-CP, Phụ lục I (văn bản hành chính): A4; margins top/bottom 20 mm,
left 30 mm, right 15 mm; Times New Roman; the two-column header (issuing body | national motto)
with short rules; BÁO CÁO and its subject in bold; justified 14 pt body with a first-line
indent; page numbers centred at the top from page 2; Nơi nhận beside the signature block.
The tags ({{ }}, {%p %}, {%tr %}) are docxtpl's; the names are documented in docs/templates.md.

The generated files are committed so staff can open and edit them in Word; run this script
again only to start over from the layout above:

    python tools/make_docx_template.py
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from hnqt.appendix import HEADINGS, PLAN_COLUMNS

OUT = Path(__file__).resolve().parents[1] / "src" / "hnqt" / "templates"
FONT = "Times New Roman"
CENTER, JUSTIFY, LEFT = (
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.JUSTIFY,
    WD_ALIGN_PARAGRAPH.LEFT,
)
Part = DocumentObject | _Cell


def _fonts(element: object) -> None:
    """Times New Roman for every script Word distinguishes (Vietnamese falls under several)."""
    rpr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def para(
    part: Part,
    text: str = "",
    *,
    size: float = 14,
    bold: bool = False,
    italic: bool = False,
    align: object = JUSTIFY,
    indent: bool = False,
    after: float = 6,
) -> Paragraph:
    p = part.add_paragraph()
    p.alignment = align  # type: ignore[assignment]
    fmt = p.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(after), 1.1
    if indent:
        fmt.first_line_indent = Mm(12.7)
    if text:
        run = p.add_run(text)
        run.font.size, run.font.bold, run.font.italic, run.font.name = Pt(size), bold, italic, FONT
        _fonts(run._r)
    return p


def tag(part: Part, text: str) -> None:
    """A docxtpl paragraph tag ({%p … %}): the paragraph disappears when rendered."""
    para(part, text, after=0)


def rule(part: Part, indent_mm: float) -> None:
    """A short horizontal rule under a header line: an empty paragraph with a top border."""
    p = para(part, align=CENTER, after=4)
    p.paragraph_format.left_indent = p.paragraph_format.right_indent = Mm(indent_mm)
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    p._p.get_or_add_pPr().append(borders)
    p.paragraph_format.line_spacing = Pt(2)


def page_number(paragraph: Paragraph) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def setup(document: DocumentObject) -> None:
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)  # type: ignore[attr-defined]
    _fonts(normal.element)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = section.footer_distance = Mm(10)
    # Page numbers centred at the top, none on the first page (Decree 30, Phụ lục I).
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.alignment = CENTER  # type: ignore[assignment]
    page_number(header)


def grid(part: Part | DocumentObject, rows: int, widths: Sequence[float], borders: bool) -> Table:
    table = part.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    if borders:
        table.style = "Table Grid"
    # Word and LibreOffice lay out by the grid's column widths; cells carry them too.
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Mm(width)
            cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    return table


def head(document: DocumentObject) -> None:
    """The two-column header, BÁO CÁO, its subject and Kính gửi."""
    table = grid(document, 1, (68, 97), borders=False)
    left, right = table.rows[0].cells
    para(left, "{{ heading.parent }}", size=13, align=CENTER, after=0)
    para(left, "{{ heading.issuer|upper }}", size=13, bold=True, align=CENTER, after=0)
    rule(left, 20)
    para(left, "Số:        /BC-{{ heading.short }}", size=13, align=CENTER, after=0)
    para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True, align=CENTER, after=0)
    para(right, "Độc lập - Tự do - Hạnh phúc", size=14, bold=True, align=CENTER, after=0)
    rule(right, 22)
    para(right, "Hà Nội, {{ as_of|vn_date }}", size=14, italic=True, align=CENTER, after=0)
    para(document, "", after=6)
    para(document, "BÁO CÁO", bold=True, align=CENTER, after=0)
    para(document, "{{ title }}", bold=True, align=CENTER, after=0)
    rule(document, 65)
    para(document, "Kính gửi: {{ heading.to }}.", align=CENTER, after=12)


def foot(document: DocumentObject) -> None:
    """Nơi nhận (12 pt bold italic heading, 11 pt list) beside the signature block."""
    table = grid(document, 1, (80, 85), borders=False)
    left, right = table.rows[0].cells
    para(left, "Nơi nhận:", size=12, bold=True, italic=True, align=LEFT, after=0)
    tag(left, "{%p for r in heading.recipients %}")
    para(left, "- {{ r }}", size=11, align=LEFT, after=0)
    tag(left, "{%p endfor %}")
    para(right, "{{ heading.signer_title }}", bold=True, align=CENTER, after=0)
    para(right, "(Ký, ghi rõ họ tên)", italic=True, align=CENTER, after=0)


def data_table(
    document: DocumentObject,
    headers: Sequence[str],
    cells: Sequence[str],
    loop: str,
    widths: Sequence[float],
    size: float = 11,
    group: tuple[str, str] | None = None,
) -> None:
    """A bordered table: a header row, then one row per item of `loop` ({%tr for … %}); with
    `group` (a loop and a heading), the items under a full-width heading row per group, as the
    plan's appendix sets its tasks under their section I … VII."""
    plan: list[tuple[str, str]] = [("header", "")]
    if group is not None:
        plan += [("tag", "{%tr for " + group[0] + " %}"), ("group", group[1])]
    plan += [("tag", "{%tr for " + loop + " %}"), ("cells", ""), ("tag", "{%tr endfor %}")]
    if group is not None:
        plan.append(("tag", "{%tr endfor %}"))
    table = grid(document, len(plan), widths, borders=True)
    for row, (kind, text) in zip(table.rows, plan, strict=True):
        if kind == "header":
            for cell, title in zip(row.cells, headers, strict=True):
                para(cell, title, size=size, bold=True, align=CENTER, after=0)
            repeat = OxmlElement("w:tblHeader")  # the header row again on every page
            row._tr.get_or_add_trPr().append(repeat)
        elif kind == "cells":
            for cell, value in zip(row.cells, cells, strict=True):
                para(cell, value, size=size, align=LEFT, after=0)
        elif kind == "group":
            para(row.cells[0], text, size=size, bold=True, align=LEFT, after=0)
            for cell in row.cells[1:]:
                para(cell, "", size=size, after=0)  # empty: merging drops it
            row.cells[0].merge(row.cells[-1])
        else:  # a docxtpl row tag: the row itself disappears when rendered
            para(row.cells[0], text, size=size, after=0)
            for cell in row.cells[1:]:
                para(cell, "", size=size, after=0)
    para(document, "", after=6)


def heading_para(document: DocumentObject, text: str) -> None:
    para(document, text, bold=True, indent=True, after=6)


def body(document: DocumentObject, text: str) -> None:
    para(document, text, indent=True)


DOTS = "…" * 36  # a line for the writer, within the 165 mm text width at 14 pt
STATUS_HEADERS = (
    "Đơn vị chủ trì",
    "Đúng hạn",
    "Quá hạn (đã xong)",
    "Trong hạn",
    "Quá hạn",
    "Thường xuyên",
    "Chờ văn bản",
    "Chưa có hạn",
    "Tổng",
    "Tỷ lệ quá hạn",
)
STATUS_CELLS = (
    "{{ r.unit }}",
    *(
        f"{{{{ r.counts['{key}'] }}}}"
        for key in (
            "done_on_time",
            "done_late",
            "on_track",
            "overdue",
            "ongoing",
            "awaiting_event",
            "no_deadline",
        )
    ),
    "{{ r.total }}",
    "{% if r.overdue_share is none %}—{% else %}{{ r.overdue_share|vn_number(1) }}%{% endif %}",
)


def start() -> DocumentObject:
    """A document with the page set up and the header, BÁO CÁO and Kính gửi in place."""
    document = Document()
    setup(document)
    head(document)
    return document


def plan_template() -> DocumentObject:
    document = start()
    body(
        document,
        "Thực hiện {% if plan.kind == 'directive' %}văn bản “{{ plan.title|trim('.') }}” của "
        "{{ plan.issuer }}{% else %}{{ plan.title }} của {{ plan.issuer }}{% endif %}"
        "{% if plan.number %} số {{ plan.number }}{% endif %}"
        "{% if plan.date %} ({{ plan.date }}){% endif %}, "
        "{% if unit %}{{ unit.name }} báo cáo kết quả thực hiện "
        "năm {{ year }} các nhiệm vụ đơn vị chủ trì và phối hợp{% else %}{{ heading.issuer }} "
        "tổng hợp kết quả thực hiện năm {{ year }}{% endif %} (số liệu tính đến "
        "{{ as_of|dmy }}) như sau:",
    )
    heading_para(document, "I. KẾT QUẢ THỰC HIỆN")
    heading_para(document, "1. Kết quả theo từng nhiệm vụ")
    tag(document, "{%p if not tasks %}")
    body(
        document, "Kế hoạch không giao nhiệm vụ nào cho {{ unit.name if unit else 'đơn vị nào' }}."
    )
    tag(document, "{%p endif %}")
    body(document, "Kết quả từng nhiệm vụ được nêu tại Phụ lục kèm theo; tóm tắt theo mục:")
    tag(document, "{%p for s in sections %}")
    para(
        document,
        "{% if s.code %}Mục {{ s.code }}. {% endif %}{{ s.title }} "
        "({{ s.tasks|length }} nhiệm vụ).",
        bold=True,
        italic=True,
        indent=True,
    )
    tag(document, "{%p for t in s.tasks %}")
    body(
        document,
        "- Nhiệm vụ {{ t.code }} ({{ t.lead|join(', ') }}): {{ t.status_label|lower "
        "or 'không có lần đến hạn' }}{% if t.due %}, hạn {{ t.due|dmy }}{% endif %}; "
        "{{ (t.result or 'chưa có báo cáo kết quả trong năm')|trim('.') }}.",
    )
    tag(document, "{%p endfor %}")
    tag(document, "{%p endfor %}")
    tag(document, "{%p if indicators and not unit %}")
    heading_para(document, "2. Các chỉ tiêu đến năm 2030")
    data_table(
        document,
        ("Số", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu 2030", "Đơn vị theo dõi"),
        (
            "{{ i.number }}",
            "{{ i.name }}",
            "{{ i.unit }}",
            "{{ i.target }}",
            "{{ i.monitors|join('; ') }}",
        ),
        "i in indicators",
        (12, 55, 35, 33, 30),
    )
    tag(document, "{%p endif %}")
    heading_para(
        document, "{{ '3' if indicators and not unit else '2' }}. Thống kê theo đơn vị chủ trì"
    )
    data_table(
        document,
        STATUS_HEADERS,
        STATUS_CELLS,
        "r in stats",
        (37, 13, 15, 13, 13, 15, 13, 14, 12, 20),
        size=10,
    )
    body(
        document,
        "Tỷ lệ quá hạn tính trên các nhiệm vụ có thời hạn; nhiệm vụ thường xuyên, chờ "
        "văn bản và chưa xác định thời hạn không tính vào tỷ lệ; nhiệm vụ hằng năm tính mỗi năm "
        "một lần.",
    )
    tag(document, "{%p if submissions %}")
    heading_para(
        document,
        "{{ '4' if indicators and not unit else '3' }}. Tình hình gửi báo cáo năm {{ year }}",
    )
    data_table(
        document,
        ("Đơn vị", "Tình trạng", "Ngày gửi", "Văn bản"),
        ("{{ s.unit }}", "{{ s.label }}", "{{ s.date|dmy }}", "{{ s.document }}"),
        "s in submissions",
        (55, 40, 25, 45),
    )
    tag(document, "{%p endif %}")
    heading_para(document, "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN")
    body(document, DOTS)
    heading_para(document, "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {{ year + 1 }}")
    tag(document, "{%p for t in overdue %}")
    body(
        document,
        "- Hoàn thành nhiệm vụ quá hạn {{ t.code }} ({{ t.lead|join(', ') }}"
        "{% if t.due %}, hạn {{ t.due|dmy }}{% endif %}).",
    )
    tag(document, "{%p endfor %}")
    tag(document, "{%p for t in next_year %}")
    body(document, "- Nhiệm vụ {{ t.code }} ({{ t.lead|join(', ') }}; {{ t.deadline_text }}).")
    tag(document, "{%p endfor %}")
    body(document, DOTS)
    heading_para(document, "IV. KIẾN NGHỊ, ĐỀ XUẤT")
    body(document, DOTS)
    para(document, "", after=6)
    foot(document)
    annex(document)
    return document


def annex(document: DocumentObject) -> None:
    """The task annex on landscape pages, with the plan's columns and the year's result."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.different_first_page_header_footer = False  # numbered: page 1 is the report's
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(20), Mm(15)
    para(document, "PHỤ LỤC", bold=True, align=CENTER, after=0)
    para(
        document, "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ NĂM {{ year }}", bold=True, align=CENTER, after=0
    )
    para(
        document,
        "(Kèm theo Báo cáo số       /BC-{{ heading.short }} {{ as_of|vn_date }} "
        "của {{ heading.issuer }})",
        italic=True,
        align=CENTER,
        after=12,
    )
    data_table(
        document,
        (
            *(HEADINGS[column] for column in PLAN_COLUMNS),  # as the imports read them back
            "Kết quả năm {{ year }}",
            "Trạng thái",
            "Ghi chú",
        ),
        (
            "{{ t.code }}",
            "{{ t.title }}",
            "{{ t.lead|join('; ') }}",
            "{{ t.support|join('; ') }}",
            "{{ t.output }}",
            "{{ t.deadline_text }}",
            "{{ t.result }}",
            "{{ t.status_label }}",
            "{% if t.role %}{{ t.role }}{% endif %}{% if t.due %} hạn {{ t.due|dmy }}{% endif %}",
        ),
        "t in s.tasks",
        (12, 68, 27, 28, 22, 22, 40, 22, 21),
        size=10,
        group=("s in sections", "{% if s.code %}{{ s.code }}. {% endif %}{{ s.title }}"),
    )


def agreements_template() -> DocumentObject:
    document = start()
    body(
        document,
        "{{ heading.issuer }} báo cáo tình hình triển khai {{ agreements|length }} "
        "thỏa thuận quốc tế của Thành phố năm {{ year }} (số liệu tính đến {{ as_of|dmy }}) "
        "như sau:",
    )
    tag(document, "{%p for a in agreements %}")
    heading_para(document, "{{ loop.index }}. {{ a.title }}")
    body(
        document,
        "Đối tác: {{ a.partners|join('; ') }}. Ký kết: {{ a.signed or 'chưa rõ ngày' }}"
        "{% if a.place %} tại {{ a.place }}{% endif %}. Thời hạn: {% if a.term %}{{ a.term }}"
        "{% if a.end %}, hết hạn {{ a.end|dmy }} ({% if a.days_left >= 0 %}còn "
        "{{ a.days_left }} ngày{% else %}đã quá {{ -a.days_left }} ngày{% endif %}){% endif %}"
        "{% else %}không ghi thời hạn{% endif %}. Tình trạng: {{ a.status }}.",
    )
    tag(document, "{%p if a.articles %}")
    body(document, "Các điều khoản và đơn vị được giao:")
    data_table(
        document,
        ("Điều", "Nội dung", "Đơn vị"),
        ("{{ r.number }}", "{{ r.subject }}", "{{ r.units|join('; ') }}"),
        "r in a.articles",
        (15, 70, 80),
    )
    tag(document, "{%p endif %}")
    body(document, "Hoạt động năm {{ year }}:{% if not a.activities %} chưa ghi nhận.{% endif %}")
    tag(document, "{%p for act in a.activities %}")
    body(
        document,
        "- {{ act.date }}, {{ act.kind }}: {{ act.title }}"
        "{% if act.status %} ({{ act.status }}){% endif %}.",
    )
    tag(document, "{%p endfor %}")
    body(document, "Các bước theo Điều 19 Luật Thỏa thuận quốc tế 2020:")
    data_table(
        document,
        ("Bước", "Hạn", "Ngày thực hiện", "Văn bản", "Tình trạng"),
        (
            "{{ s.label }}",
            "{{ s.due|dmy }}",
            "{{ s.done_on|dmy }}",
            "{{ s.document }}",
            "{{ s.state }}",
        ),
        "s in a.steps",
        (55, 22, 25, 30, 33),
    )
    tag(document, "{%p if a.tasks %}")
    body(document, "Nhiệm vụ triển khai ({{ a.plans|join(', ') }}):")
    data_table(
        document,
        ("TT", "Nhiệm vụ", "Chủ trì", "Trạng thái", "Kết quả năm {{ year }}"),
        (
            "{{ t.code }}",
            "{{ t.title }}",
            "{{ t.lead|join('; ') }}",
            "{{ t.status_label }}",
            "{{ t.result or 'chưa có báo cáo' }}",
        ),
        "t in a.tasks",
        (14, 68, 35, 22, 26),
    )
    tag(document, "{%p endif %}")
    tag(document, "{%p endfor %}")
    heading_para(document, "TỒN TẠI, HẠN CHẾ VÀ KIẾN NGHỊ")
    body(document, DOTS)
    para(document, "", after=6)
    foot(document)
    return document


BUILDERS: dict[str, Callable[[], DocumentObject]] = {
    "ke-hoach.docx": plan_template,
    "thoa-thuan.docx": agreements_template,
}


def write(folder: Path) -> list[Path]:
    """Build every template into `folder`; the paths written."""
    written = []
    for name, build in BUILDERS.items():
        document = build()
        # Fixed metadata: rebuilding gives the same template, not a diff of timestamps.
        props = document.core_properties
        props.author = props.last_modified_by = "hnqt"
        props.title = "Mẫu báo cáo hnqt"
        props.created = props.modified = datetime(2026, 1, 1)
        props.revision = 1
        document.save(str(folder / name))
        written.append(folder / name)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description="Tạo lại các mẫu Word của hnqt report.")
    parser.add_argument("--out", type=Path, default=OUT, help="thư mục ghi (mặc định: %(default)s)")
    for path in write(parser.parse_args().out):
        print(f"đã ghi {path}")


if __name__ == "__main__":
    main()
