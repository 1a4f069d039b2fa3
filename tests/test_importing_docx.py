"""Reading Word tables: merges resolved on the grid, line breaks and nested tables kept as text."""

from __future__ import annotations

import pytest

from appendix_docs import HEADER, merge_across, merge_down, word
from hnqt.importing.docx import read_tables
from hnqt.problems import UsageError


def test_a_row_merged_across_is_one_cell_covering_the_grid(tmp_path):
    rows = [HEADER, ["I. Mục một", "", "", "", "", ""], ["1", "Việc", "Sở Y tế", "", "", "2026"]]
    path = word(tmp_path / "a.docx", rows, build=lambda d, t: merge_across(t[0], 1))
    (table,) = read_tables(path)
    section = table.rows[1]
    assert section.cells == ("I. Mục một", "", "", "", "", "")
    assert section.spans == (6, 0, 0, 0, 0, 0) and section.spans_all()
    assert not table.rows[2].spans_all()


def test_a_cell_merged_down_gives_every_row_its_value(tmp_path):
    rows = [
        HEADER,
        ["1", "Một", "Sở Y tế", "", "", "2026"],
        ["2", "Hai", "", "", "", "2027"],
        ["3", "Ba", "", "", "", "2028"],
    ]
    path = word(tmp_path / "a.docx", rows, build=lambda d, t: merge_down(t[0], 2, 1, 3))
    (table,) = read_tables(path)
    assert [row.cells[2] for row in table.rows[1:]] == ["Sở Y tế"] * 3
    assert [row.cells[0] for row in table.rows[1:]] == ["1", "2", "3"]


def test_line_breaks_and_a_nested_table_stay_as_text(tmp_path):
    rows = [HEADER, ["1", "Dòng một\nDòng hai", "Sở Y tế", "", "", "2026"]]

    def nest(document, tables):
        cell = tables[0].cell(1, 4)
        inner = cell.add_table(rows=2, cols=2)
        for r, values in enumerate([["Sản phẩm", "Số lượng"], ["Báo cáo", "2"]]):
            for c, value in enumerate(values):
                inner.cell(r, c).text = value

    (table,) = read_tables(word(tmp_path / "a.docx", rows, build=nest))
    row = table.rows[1]
    assert row.cells[1] == "Dòng một\nDòng hai"
    assert row.cells[4] == "Sản phẩm | Số lượng\nBáo cáo | 2"
    assert len(row.cells) == 6  # the nested table's cells are not the outer table's


def test_tables_come_in_document_order(tmp_path):
    path = word(tmp_path / "a.docx", [["a", "b"]], [HEADER])
    assert [(t.number, t.rows[0].cells[0]) for t in read_tables(path)] == [(1, "a"), (2, "TT")]


def test_a_file_that_is_not_a_word_document_is_a_usage_error(tmp_path):
    path = tmp_path / "phu-luc.docx"
    path.write_text("không phải Word", encoding="utf-8")
    with pytest.raises(UsageError) as raised:
        read_tables(path)
    assert "không đọc được" in raised.value.message and ".docx" in raised.value.hint


def test_cells_inside_content_controls_and_tracked_changes_read_as_shown(tmp_path):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rows = [HEADER, ["1", "Việc", "Sở Y tế", "", "", "2026"]]

    def build(document, tables):
        tr = tables[0].rows[1]._tr
        cell = tr.findall(qn("w:tc"))[2]  # the lead cell, wrapped in a content control
        sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
        tr.replace(cell, sdt)
        sdt.append(content)
        content.append(cell)
        paragraph = tables[0].cell(1, 1).paragraphs[0]._p  # "Việc" gains a deleted word
        deleted, run, text = OxmlElement("w:del"), OxmlElement("w:r"), OxmlElement("w:delText")
        text.text = " cũ"
        run.append(text)
        deleted.append(run)
        paragraph.append(deleted)

    (table,) = read_tables(word(tmp_path / "a.docx", rows, build=build))
    assert table.rows[1].cells[:3] == ("1", "Việc", "Sở Y tế")


def test_numbers_word_draws_are_read_as_the_document_shows_them(tmp_path):
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    rows = [HEADER, ["Mục một", "", "", "", "", ""], ["", "Việc một", "Sở Y tế", "", "", "2026"],
            ["", "Việc hai", "Sở Y tế", "", "", "2027"], ["Mục hai", "", "", "", "", ""],
            ["", "Việc ba", "Sở Y tế", "", "", "2028"]]  # fmt: skip

    def number(paragraph, list_id):
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {w}><w:ilvl w:val="0"/><w:numId w:val="{list_id}"/></w:numPr>'))  # fmt: skip

    def build(document, tables):
        numbering = document.part.numbering_part.element
        numbering.insert(
            0,
            parse_xml(
                f'<w:abstractNum {w} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                f'<w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
            ),
        )
        numbering.append(
            parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
        )
        numbering.append(parse_xml(f'<w:num {w} w:numId="91"><w:abstractNumId w:val="0"/></w:num>'))
        table = tables[0]
        for row in (1, 4):
            merge_across(table, row)
            number(table.cell(row, 0).paragraphs[0], 90)  # I., II. on the section rows
        for row in (2, 3):
            table.cell(row, 0).paragraphs[0].style = document.styles["List Number"]  # 1., 2.
        number(table.cell(5, 0).paragraphs[0], 91)  # a list of its own: 1. again

    (table,) = read_tables(word(tmp_path / "a.docx", rows, build=build))
    assert [row.cells[0] for row in table.rows[1:]] == [
        "I. Mục một",
        "1.",
        "2.",
        "II. Mục hai",
        "1.",
    ]


def test_a_document_without_a_numbering_part_is_read_without_numbers(tmp_path):
    """Word files from other tools may have no numbering part at all: nothing is numbered, the
    cells read as written, and the file is not changed by reading it."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    def drop_numbering(document, _tables):
        part = document.part
        for rel_id, rel in list(part.rels.items()):
            if rel.reltype == RELATIONSHIP_TYPE.NUMBERING:
                part.drop_rel(rel_id)

    path = word(tmp_path / "a.docx", [HEADER, ["1", "Nhiệm vụ", "Sở Y tế", "", "", "2026"]],
                build=drop_numbering)  # fmt: skip
    import docx

    rels = docx.Document(str(path)).part.rels.values()
    assert RELATIONSHIP_TYPE.NUMBERING not in {rel.reltype for rel in rels}
    before = path.read_bytes()
    [table] = read_tables(path)
    assert [row.cells[:2] for row in table.rows] == [tuple(HEADER[:2]), ("1", "Nhiệm vụ")]
    assert path.read_bytes() == before


def test_a_file_that_cannot_be_opened_says_why_in_vietnamese(tmp_path):
    folder = tmp_path / "a.docx"
    folder.mkdir()  # a folder named like the document: the OS refuses to open what is inside
    with pytest.raises(UsageError) as raised:
        read_tables(folder)
    message = raised.value.message
    assert message.startswith(f"không mở được “{folder}”: ")
    assert not any(english in message for english in ("No such file", "Is a directory", "Errno"))
    assert folder.is_dir() and not any(folder.iterdir())
