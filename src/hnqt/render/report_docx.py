"""Word reports: a `.docx` template (Decree 30 layout, editable in Word) filled by docxtpl in
the same sandbox as the text templates. A mistake is told with the paragraph's text, since a
Word user cannot see the template's XML lines."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate  # type: ignore[import-untyped]
from jinja2 import Template

from ..problems import Problem
from .report_env import RENDER_ERRORS, Collecting, Describe, TemplateProblems, environment

_TAGS = re.compile(r"<[^>]+>")


class _Document(DocxTemplate):  # type: ignore[misc]
    """docxtpl's template, with each part compiled under a name of ours, so errors name the
    template, its lines map back to paragraphs, and `--check-template` can collect."""

    def __init__(self, path: Path, shown: str, collector: Collecting | None) -> None:
        super().__init__(str(path))
        self.shown = shown
        self.collector = collector
        self.source_lines: list[str] = []

    def render_xml_part(self, src_xml: str, part: Any, context: Any, jinja_env: Any = None) -> str:
        # As docxtpl does: one paragraph per line, so a template line is a paragraph.
        src_xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml)
        self.source_lines = src_xml.splitlines()
        self.current_rendering_part = part
        code = jinja_env.compile(src_xml, name=self.shown, filename=self.shown)
        template = Template.from_code(jinja_env, code, jinja_env.make_globals(None))
        if self.collector is not None:
            self.collector.template = template
        dst_xml = template.render(context)
        dst_xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", dst_xml)
        dst_xml = (
            dst_xml.replace("{_{", "{{")
            .replace("}_}", "}}")
            .replace("{_%", "{%")
            .replace("%_}", "%}")
        )
        return str(self.resolve_listing(dst_xml))

    def paragraph_at(self, line: int) -> str:
        if not 1 <= line <= len(self.source_lines):
            return ""
        return _TAGS.sub("", self.source_lines[line - 1])


def render_docx(
    path: Path, shown: str, context: dict[str, Any], collect: bool = False
) -> tuple[bytes, list[Problem]]:
    """The filled Word document as bytes. A mistake raises TemplateProblems naming the
    paragraph; with `collect`, undefined names are listed and rendering goes on."""
    describe = Describe(shown, shown)
    collector = Collecting(describe) if collect else None
    try:
        document = _Document(path, shown, collector)
        document.init_docx()  # opened now, so a file that is not Word is told as such
    except Exception as error:  # not a Word file at all (zip, XML)
        problem = Problem(
            shown,
            1,
            1,
            "template-error",
            f"không mở được mẫu Word: không phải tệp .docx hợp lệ ({type(error).__name__})",
            "mở và lưu lại tệp bằng Word",
        )
        raise TemplateProblems([problem]) from None
    describe.line_text = document.paragraph_at
    env = environment("docx", None)
    if collector is not None:
        env.undefined = collector.undefined_class()
    try:
        document.render(context, env, autoescape=True)
    except RENDER_ERRORS as error:
        found = [*(collector.problems if collector else []), describe.problem(error)]
        if collect:
            return b"", found
        raise TemplateProblems(found) from None
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), collector.problems if collector else []
