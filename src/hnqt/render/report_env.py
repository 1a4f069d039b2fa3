"""Report templates: where they are found, the sandbox they run in, the filters they may use,
and how their mistakes are told (template and line, in Vietnamese, never a traceback).

Templates run in Jinja's immutable sandbox with StrictUndefined and no extensions (DESIGN §6):
a template from a pull request can read the report, nothing else. HTML and Word escape every
value whatever the template file is called (`select_autoescape` would miss `x.html.j2`).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from types import FrameType
from typing import Any, Literal

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from ..dates import show
from ..names import sort_key
from ..problems import Problem
from .safe import visible

Format = Literal["md", "html", "docx"]
FORMATS: tuple[Format, ...] = ("md", "html", "docx")
SUFFIXES: dict[Format, str] = {"md": ".md.j2", "html": ".html.j2", "docx": ".docx"}
TEMPLATE_DIR = "templates"  # in the registry, and inside the package for the defaults
# The default template of each report kind, by format: ke-hoach.md.j2, thoa-thuan.docx…
NAMES = {"plan": "ke-hoach", "agreements": "thoa-thuan"}
# Characters XML 1.0 cannot hold (docxtpl would drop the whole value silently).
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


TEMPLATE_ENDINGS = (".j2", ".html", ".htm", ".md")  # files a template extends or includes


class TemplateProblems(Exception):
    """A template could not be rendered: its problems, each with the template and line."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


# --- finding templates -------------------------------------------------------------------------


def package_dir() -> Path:
    return Path(str(resources.files("hnqt") / TEMPLATE_DIR))


def format_of(path: Path) -> Format:
    """A template's output format from its name: x.docx, x.html.j2 (or x.html), else Markdown."""
    name = path.name.lower()
    if name.endswith(".docx"):
        return "docx"
    return "html" if ".html" in name or ".htm" in name else "md"


def find_template(root: Path, kind: str, fmt: Format) -> Path:
    """The registry's own template first (a department rewords it without touching code),
    then the default the package carries."""
    name = NAMES[kind] + SUFFIXES[fmt]
    own = root / TEMPLATE_DIR / name
    return own if own.is_file() and not own.is_symlink() else package_dir() / name


@dataclass(frozen=True)
class Found:
    name: str
    path: Path
    own: bool  # in the registry's templates/ (else a default of the package)
    used: bool  # False: a registry template with the same name hides it


def list_templates(root: Path | None) -> list[Found]:
    """Every template hnqt would use, and the package defaults a registry template hides."""

    def templates(folder: Path) -> dict[str, Path]:
        return {
            p.name: p
            for p in sorted(folder.glob("*"))
            if p.suffix in (".j2", ".docx") and p.is_file() and not p.is_symlink()
        }

    mine = templates(root / TEMPLATE_DIR) if root is not None else {}
    found = [Found(name, path, True, True) for name, path in mine.items()]
    found += [Found(n, p, False, n not in mine) for n, p in templates(package_dir()).items()]
    return found


# --- filters ---------------------------------------------------------------------------------


def vn_date(day: date | None, year: bool = True) -> str:
    """Decree 30/2020 form: "ngày 05 tháng 01 năm 2027", "ngày 29 tháng 6" (a leading zero
    only for days below 10 and months 1–2)."""
    if day is None:
        return "ngày … tháng … năm …"
    if not isinstance(day, date):
        raise ValueError(f"vn_date cần một ngày, không phải “{day}”")
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    text = f"ngày {day.day:02d} tháng {month}"
    return f"{text} năm {day.year}" if year else text


def dmy(day: date | None) -> str:
    """dd/mm/yyyy; empty for no date."""
    if day is not None and not isinstance(day, date):  # a template passed something else
        raise ValueError(f"dmy cần một ngày, không phải “{day}”")
    return show(day)


def vn_number(value: float | int | None, digits: int = 0) -> str:
    """Vietnamese number form: 1.234,5 (dot for thousands, comma for decimals); — for none."""
    if value is None:
        return "—"
    if not isinstance(value, int | float):
        raise ValueError(f"vn_number cần một số, không phải “{value}”")
    text = f"{value:,.{digits}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


@jinja2.pass_environment
def vn_sort(
    environment: jinja2.Environment, items: Iterable[Any], attribute: str | None = None
) -> list[Any]:
    """Sorted in Vietnamese alphabetical order (Đ after D, not after Z), by an attribute read
    through the sandbox (`vn_sort("__class__")` is refused like `x.__class__`)."""

    def key(item: Any) -> tuple[tuple[int, ...], tuple[int, ...], str]:
        value = environment.getattr(item, attribute) if attribute else item
        return sort_key(str(value))

    return sorted(items, key=key)


def md_cell(value: object) -> Markup:
    """A value as one Markdown table cell: `|` escaped, line breaks as <br>."""
    lines = [_md_escape(line) for line in str(value).split("\n")]
    return Markup("<br>".join(lines))


def _md_escape(text: str) -> str:
    # Registry text is data: no raw HTML reaches the GitHub page, no `|` breaks a table, no
    # escape sequence reaches a terminal that shows the report.
    return visible(text, lines=True).replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def _md_finalize(value: object) -> object:
    if isinstance(value, Markup):
        return value
    return _md_escape(str(value))


def _html_finalize(value: object) -> object:
    """Control and bidirectional characters shown, before autoescape escapes the rest."""
    return value if isinstance(value, Markup) else visible(str(value), lines=True)


def _xml_clean(value: object) -> str:
    return XML_ILLEGAL.sub("", str(value))


def _docx_finalize(value: object) -> object:
    """Text for a Word run: characters XML cannot hold removed, escaped, line breaks kept."""
    if isinstance(value, Markup):
        return Markup(_xml_clean(value))
    lines = [escape(line) for line in visible(_xml_clean(value), lines=True).split("\n")]
    return Markup('</w:t><w:br/><w:t xml:space="preserve">').join(lines)


FILTERS: dict[str, Callable[..., Any]] = {
    "vn_date": vn_date,
    "dmy": dmy,
    "vn_number": vn_number,
    "vn_sort": vn_sort,
    "md_cell": md_cell,
}


class _Sandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with no lookup folded into a constant at compile time: an
    undefined or unsafe lookup of a literal (`''.__class__`) is then found while rendering,
    where its template line is known (and `--check-template` can list it)."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        return self._at_run_time(super().getattr(obj, attribute))

    def getitem(self, obj: Any, argument: Any) -> Any:
        return self._at_run_time(super().getitem(obj, argument))

    def _at_run_time(self, found: Any) -> Any:
        if isinstance(found, jinja2.Undefined) and not self._rendering():
            raise _NotConstant  # Jinja then compiles the lookup instead of folding it
        return found

    def _rendering(self) -> bool:
        frame: FrameType | None = sys._getframe(2)
        while frame is not None:
            if frame.f_globals.get("environment") is self:  # a compiled template's frame
                return True
            frame = frame.f_back
        return False


class _NotConstant(Exception):
    """Raised at compile time only; Jinja's constant folding catches it."""


def environment(fmt: Format, folder: Path | None) -> ImmutableSandboxedEnvironment:
    """The sandbox a template renders in: it may extend or include its neighbours in `folder`,
    then the package's defaults (a registry's ke-hoach.html.j2 can extend _khung.html.j2)."""
    finalize = {"md": _md_finalize, "html": _html_finalize, "docx": _docx_finalize}[fmt]
    env = _Sandbox(
        undefined=jinja2.StrictUndefined,
        autoescape=fmt != "md",
        finalize=finalize,
        loader=jinja2.FileSystemLoader([str(folder), str(package_dir())]) if folder else None,
        keep_trailing_newline=True,
        trim_blocks=fmt != "docx",
        lstrip_blocks=fmt != "docx",
        extensions=(),
    )
    env.filters.update(FILTERS)
    if fmt == "html":
        from .report_chart import status_chart

        env.filters["status_chart"] = status_chart
    return env


# --- errors ----------------------------------------------------------------------------------

CODES_OF = (
    (jinja2.TemplateSyntaxError, "template-syntax", "lỗi cú pháp: "),
    (jinja2.UndefinedError, "template-undefined", ""),
    (SecurityError, "template-unsafe", ""),
)


@dataclass
class Describe:
    """Turns an exception raised while rendering `shown` into a Problem at its place: the
    template's line, or the line of a neighbour it extends or includes."""

    shown: str  # the template as the user names it
    filename: str  # the name Jinja compiled it under
    line_text: Callable[[int], str] | None = None  # Word: the paragraph at a line

    def problem(self, error: Exception, line: int = 0) -> Problem:
        code, what = "template-error", "mẫu báo cáo không dựng được: "
        for kind, kind_code, kind_what in CODES_OF:
            if isinstance(error, kind):
                code, what = kind_code, kind_what
                break
        filename, found = self.place(error)
        line = line or found
        message = what + _explain(error)
        if self.line_text is not None and line:
            message += f" — trong đoạn “{_short_text(self.line_text(line))}”"
        hint = {
            "template-syntax": "kiểm tra các cặp {{ }}, {% %} và {% end… %}",
            "template-undefined": "xem các tên dùng được trong docs/templates.md",
            "template-unsafe": "mẫu báo cáo chỉ được đọc dữ liệu báo cáo (docs/templates.md)",
        }.get(code, "xem docs/templates.md")
        return Problem(self._shown(filename), line or 1, 1, code, message, hint)

    def place(self, error: Exception) -> tuple[str, int]:
        """(file Jinja compiled, line): a syntax error says it; at run time, the innermost
        frame of a template in the same folder in Jinja's rewritten traceback."""
        lineno = getattr(error, "lineno", None)
        if isinstance(error, jinja2.TemplateSyntaxError) and lineno:
            return error.filename or self.filename, int(lineno)
        found, trace = (self.filename, int(lineno or 0)), error.__traceback__
        while trace is not None:
            name = trace.tb_frame.f_code.co_filename
            if name == self.filename or name.endswith(TEMPLATE_ENDINGS):
                found = (name, trace.tb_lineno)
            trace = trace.tb_next
        return found

    def _shown(self, filename: str) -> str:
        if filename == self.filename:
            return self.shown
        inside = Path(filename).parent == Path(self.filename).parent
        return str(Path(self.shown).parent / Path(filename).name) if inside else filename


# Jinja's messages, in Vietnamese: (pattern, wording with the pattern's groups).
_MESSAGES = (
    (r"'(.+)' is undefined", "tên “{0}” không có trong dữ liệu báo cáo"),
    (r"'(?:[\w.]+\.)?(\w+) object' has no attribute '(.+)'", "{0} không có thuộc tính “{1}”"),
    (r"(\w+) object has no element (.+)", "{0} không có phần tử {1}"),
    (
        r"access to attribute '(.+)' of '(.+)' object is unsafe\.",
        "không được truy cập “{0}” của {1}: mẫu chỉ được đọc dữ liệu báo cáo",
    ),
    (r"Expected an expression, got '(.+)'", "thiếu biểu thức, gặp “{0}”"),
    (r"Encountered unknown tag '(.+?)'\..*", "thẻ “{0}” không có (hoặc thiếu thẻ mở của nó)"),
    (r"Unexpected end of template\..*", "mẫu kết thúc khi một khối chưa đóng (thiếu {{% end… %}})"),
    (r"unexpected end of template.*", "mẫu kết thúc giữa chừng (thiếu }}}} hay %}})"),
    (r"unexpected '(.+)'", "gặp “{0}” không đúng chỗ"),
    (r"expected token '(.+)', got '(.+)'", "cần “{0}”, gặp “{1}”"),
    (r"No filter named '(.+)'\.?", "bộ lọc “{0}” không có"),
    (r"No test named '(.+)'\.?", "phép thử “{0}” không có"),
)


def _explain(error: Exception) -> str:
    text = str(getattr(error, "message", None) or error)
    for pattern, wording in _MESSAGES:
        match = re.fullmatch(pattern, text, flags=re.DOTALL)
        if match:
            return wording.format(*match.groups())
    if isinstance(error, ZeroDivisionError):
        return "chia cho 0"
    if isinstance(error, LookupError):
        return f"không có phần tử {text}"
    if isinstance(error, ValueError):  # the filters' own messages are in Vietnamese
        return text
    return f"{type(error).__name__}: {text}"


def _short_text(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


class Collecting:
    """`--check-template`: every undefined name and unsafe access is noted, and rendering goes
    on as if it were empty, so one run lists every problem of the template."""

    def __init__(self, describe: Describe) -> None:
        self.describe = describe
        self.template: jinja2.Template | None = None
        self.problems: list[Problem] = []

    def undefined_class(self) -> type[jinja2.Undefined]:
        collector = self

        class Noted(jinja2.ChainableUndefined):
            __slots__ = ()

            def _note(self) -> None:
                exc = self._undefined_exception
                error = exc(self._undefined_message)
                problem = collector.describe.problem(error, collector.line_here())
                if problem not in collector.problems:
                    collector.problems.append(problem)

            def __str__(self) -> str:
                self._note()
                return ""

            def __iter__(self) -> Any:
                self._note()
                return iter(())

            def __bool__(self) -> bool:
                self._note()
                return False

            def __len__(self) -> int:
                self._note()
                return 0

        return Noted

    def line_here(self) -> int:
        """The template line being rendered, from the live frames of the compiled template."""
        frame: FrameType | None = sys._getframe(1)
        while frame is not None:
            if self.template is not None and frame.f_code.co_filename == self.describe.filename:
                return self.template.get_corresponding_lineno(frame.f_lineno)
            frame = frame.f_back
        return 0


# What a template can raise by misusing a filter or a value (the report's own data is valid).
RENDER_ERRORS = (
    jinja2.TemplateError,
    TypeError,
    ValueError,
    ArithmeticError,
    LookupError,
    AttributeError,
)


def load(env: jinja2.Environment, path: Path) -> jinja2.Template:
    """A template from its file (through the loader, so its frames carry the file's name)."""
    return env.get_template(path.name)


def render_text(
    path: Path, shown: str, fmt: Format, context: dict[str, Any], collect: bool = False
) -> tuple[str, list[Problem]]:
    """Render a Markdown or HTML template. A mistake raises TemplateProblems; with `collect`,
    undefined names and unsafe accesses are listed instead and rendering goes on."""
    env = environment(fmt, path.parent)
    describe = Describe(shown, str(path.parent / path.name))
    collector = Collecting(describe) if collect else None
    if collector is not None:
        env.undefined = collector.undefined_class()
    try:
        template = load(env, path)
        if collector is not None:
            collector.template = template
        text = template.render(context)
    except RENDER_ERRORS as error:
        found = [*(collector.problems if collector else []), describe.problem(error)]
        if collect:
            return "", found
        raise TemplateProblems(found) from None
    return text, collector.problems if collector else []
