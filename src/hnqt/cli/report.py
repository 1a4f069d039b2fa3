"""`hnqt report`: yearly reports of a plan and the agreements' follow-up, from templates."""

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from .boundary import command
from .options import (
    AsOfOption,
    RegistryOption,
    SoOption,
    as_of_date,
    emit,
    load_registry,
    told_written,
)

ReportFormat = Enum("ReportFormat", {name: name for name in ("md", "html", "docx")}, type=str)  # type: ignore[misc]


@command(
    help="Lập báo cáo từ mẫu: báo cáo năm của kế hoạch (tổng hợp, hoặc của một đơn vị với --so) "
    "và báo cáo theo dõi thỏa thuận (MÃ là một thỏa thuận hoặc agreements)."
)
def report(
    ident: Annotated[
        str | None,
        typer.Argument(
            metavar="MÃ",
            help="Kế hoạch (kh-nq59), thỏa thuận (tt-st-petersburg-2025) hoặc agreements.",
            show_default=False,
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            metavar="NĂM",
            min=1900,
            max=2200,
            help="Năm báo cáo (mặc định: năm của --as-of).",
        ),
    ] = None,
    so: SoOption = None,
    as_of: AsOfOption = None,
    format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="md, html hoặc docx (mặc định: theo đuôi tệp -o, không có -o: md).",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="TỆP", help="Ghi báo cáo vào tệp này."),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option("--template", metavar="TỆP", help="Dùng mẫu này thay cho mẫu mặc định."),
    ] = None,
    list_: Annotated[
        bool, typer.Option("--list", help="Liệt kê các mẫu báo cáo tìm thấy và nơi của chúng.")
    ] = False,
    check_template: Annotated[
        Path | None,
        typer.Option(
            "--check-template",
            metavar="TỆP",
            help="Dựng thử mẫu với sổ đăng ký thật và liệt kê mọi lỗi của nó.",
        ),
    ] = None,
    registry: RegistryOption = None,
) -> None:
    from ..render.problems import TextReporter
    from ..render.report_env import TemplateProblems
    from ..render.report_render import (
        ReportRequest,
        check,
        list_text,
        make_report,
        registry_warning,
    )

    if list_:
        from ..layout import find_root
        from ..problems import UsageError

        try:
            root = find_root(registry)
        except UsageError:  # the defaults are worth showing anywhere
            root = None
        emit(list_text(root))
        return
    loaded = load_registry(registry)
    warning = registry_warning(loaded)
    if warning:
        typer.echo(warning, err=True)
    request = ReportRequest(
        ident,
        year,
        so,
        as_of_date(as_of),
        format.value if format else None,
        output,
        check_template or template,
    )
    if check_template is not None:
        reporter = TextReporter(check(loaded, request), 1, strict=True)
        typer.echo(reporter.render(), err=not reporter.ok)
        raise typer.Exit(0 if reporter.ok else 1)
    try:
        content, _ = make_report(loaded, request)
    except TemplateProblems as error:
        typer.echo(TextReporter(error.problems, 1, strict=True).render(), err=True)
        raise typer.Exit(1) from None
    if output is None:
        assert isinstance(content, str)  # choose_format refuses Word without -o
        emit(content)
        return
    from ..writing import write_file

    write_file(output, content)
    told_written(output)
