"""`hnqt report`: a report record rendered through its template, as text or Word bytes; the
choice of format and template; `--list` and `--check-template`."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

from ..model import Unit
from ..problems import Problem, UsageError
from ..queries import find_unit
from ..registry import Registry
from ..reporting import ALL_AGREEMENTS, Report, build
from ..values import Record, record
from . import Rendered
from .report_env import (
    FORMATS,
    NAMES,
    Format,
    TemplateProblems,
    find_template,
    format_of,
    list_templates,
    render_text,
)

EXTENSIONS: dict[str, Format] = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
}


@record
class ReportRequest(Record):
    """What `hnqt report` was asked, options parsed."""

    ident: str | None
    year: int | None
    so: str | None
    as_of: date
    fmt: Format | None = None
    output: Path | None = None
    template: Path | None = None


def context_of(report: Report) -> dict[str, Any]:
    """What a template sees: the report's fields by name (docs/templates.md)."""
    return {field.name: getattr(report, field.name) for field in fields(report)}


def render_report(report: Report, template: Path, shown: str, fmt: Format) -> Rendered:
    """The report through its template; TemplateProblems when the template is at fault."""
    if fmt == "docx":
        from .report_docx import render_docx

        return render_docx(template, shown, context_of(report))[0]
    return render_text(template, shown, fmt, context_of(report))[0]


def check_template(report: Report, template: Path, shown: str) -> list[Problem]:
    """Every problem of a template rendered against this report (empty: it renders)."""
    fmt = format_of(template)
    if fmt == "docx":
        from .report_docx import render_docx

        return render_docx(template, shown, context_of(report), collect=True)[1]
    return render_text(template, shown, fmt, context_of(report), collect=True)[1]


def choose_format(request: ReportRequest) -> Format:
    """--format, else the -o file's extension, else the --template's kind, else Markdown."""
    fmt = request.fmt
    if fmt is None and request.output is not None:
        fmt = EXTENSIONS.get(request.output.suffix.lower())
        if fmt is None:
            raise UsageError(
                f"không biết định dạng của “{request.output.name}”",
                "đặt tên tệp .md, .html hoặc .docx, hoặc dùng --format md|html|docx",
            )
    if request.template is not None:
        kind = format_of(request.template)
        if fmt is not None and fmt != kind:
            raise UsageError(
                f"mẫu “{request.template.name}” cho báo cáo {kind}, không phải {fmt}",
                "chọn mẫu cùng định dạng, hoặc bỏ --format",
            )
        fmt = kind
    fmt = fmt or "md"
    if fmt == "docx" and request.output is None:
        raise UsageError(
            "báo cáo Word là tệp nhị phân, không in ra màn hình", "ghi vào tệp: -o bao-cao.docx"
        )
    return fmt


def make_report(registry: Registry, request: ReportRequest) -> tuple[Rendered, Format]:
    """The report's content and format; UsageError for a wrong use, TemplateProblems for a
    template at fault (nothing is written then)."""
    if request.ident is None:
        raise UsageError("thiếu MÃ của báo cáo", "ví dụ: hnqt report kh-nq59 --year 2026")
    fmt = choose_format(request)
    if request.template is not None and not request.template.is_file():
        raise UsageError(f"không có tệp mẫu “{request.template}”", "xem: hnqt report --list")
    report = build(
        registry,
        request.ident,
        request.year or request.as_of.year,
        request.as_of,
        _unit(registry, request.so),
    )
    template = request.template or find_template(registry.root, report.kind, fmt)
    return render_report(report, template, _shown(registry.root, template), fmt), fmt


def check(registry: Registry, request: ReportRequest) -> list[Problem]:
    """`--check-template`: the template rendered for MÃ, or for every report of its kind."""
    template = request.template
    assert template is not None
    if not template.is_file():
        raise UsageError(
            f"không có tệp mẫu “{template}”", "chỉ đến một tệp .md.j2, .html.j2, .docx"
        )
    if request.ident is not None:
        idents = [request.ident]
    elif template.name.startswith(NAMES["agreements"]):
        idents = [ALL_AGREEMENTS]
    else:
        idents = sorted(registry.plans)
    problems: list[Problem] = []
    for ident in idents:
        report = build(
            registry,
            ident,
            request.year or request.as_of.year,
            request.as_of,
            _unit(registry, request.so),
        )
        try:
            found = check_template(report, template, _shown(registry.root, template))
        except TemplateProblems as error:
            found = error.problems
        problems += [p for p in found if p not in problems]
    return problems


def list_text(root: Path | None) -> str:
    """`--list`: each template, where it comes from, and which one a report uses (outside a
    registry: the package's defaults)."""
    lines = ["Mẫu báo cáo (mẫu trong templates/ của sổ đăng ký được dùng trước mẫu mặc định):"]
    if root is None:
        lines.append("  (không ở trong sổ đăng ký nào: chỉ có các mẫu mặc định)")
    for found in list_templates(root):
        origin = "sổ đăng ký" if found.own else "mặc định của hnqt"
        note = "" if found.used else " — không dùng: sổ đăng ký có mẫu cùng tên"
        lines.append(f"  {found.name:<22} {origin:<18} {found.path}{note}")
    lines.append(
        "Định dạng: "
        + ", ".join(FORMATS)
        + "; loại báo cáo: "
        + ", ".join(f"{n}.* ({kind})" for kind, n in NAMES.items())
    )
    return "\n".join(lines) + "\n"


def _unit(registry: Registry, so: str | None) -> Unit | None:
    return find_unit(registry, so) if so is not None else None


def _shown(root: Path, template: Path) -> str:
    """A template's name in messages: relative to the registry when inside it."""
    resolved = template.resolve()
    if resolved.is_relative_to(root):
        return str(resolved.relative_to(root))
    return template.name if resolved.parent.name == "templates" else str(template)


def registry_warning(registry: Registry) -> str | None:
    """A report is an official document: say so when files it does include have errors (a
    unit no one has, a plan missing); files left out are already told by the loading note."""
    left_out = registry.left_out()
    broken = sorted({p.file for p in registry.problems if p.is_error} - left_out.keys())
    if not broken:
        return None
    shown = ", ".join(broken[:3]) + (", …" if len(broken) > 3 else "")
    other = " khác" if left_out else ""
    return (
        f"cảnh báo: {len(broken)} tệp{other} có lỗi ({shown}); phần của chúng trong báo cáo có "
        "thể sai — xem: hnqt validate"
    )
