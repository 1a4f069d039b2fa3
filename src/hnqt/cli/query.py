"""`hnqt due`, `show`, `list`, `stats`: reading the registry as of a date."""

from typing import Annotated

import typer

from ..choices import DueFormat, ListFormat, ListKind, RoleChoice, ShowFormat, StatsFormat
from .boundary import command
from .options import (
    STATUS_HELP,
    AsOfOption,
    DelimiterOption,
    OutputOption,
    PlanOption,
    RegistryOption,
    SoOption,
    as_of_date,
    chosen_unit,
    csv_delimiter,
    load_registry,
    name_value,
    printing,
    status_filter,
    year_option,
)


@command(
    read_only=True, help="Việc đến hạn, quá hạn, chờ văn bản của một đơn vị (hoặc của mọi đơn vị)."
)
def due(
    so: SoOption = None,
    as_of: AsOfOption = None,
    within: Annotated[
        int | None,
        typer.Option(
            "--within",
            metavar="SỐ_NGÀY",
            min=0,
            max=36500,  # a hundred years: beyond, the horizon leaves the calendar
            help="Chỉ việc đến hạn trong số ngày này (việc quá hạn luôn hiện).",
        ),
    ] = None,
    role: Annotated[
        RoleChoice,
        typer.Option(
            "--role",
            metavar="VAI_TRÒ",
            help="Vai trò: chủ trì (lead), phối hợp (support) hay cả hai (all).",
        ),
    ] = "lead",
    plan: PlanOption = None,
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            metavar="TRẠNG_THÁI",
            help="Chỉ các trạng thái này, ghi nhãn (có dấu hay không) hoặc mã, lặp lại hoặc cách "
            "nhau bằng dấu phẩy: " + STATUS_HELP + ".",
        ),
    ] = None,
    format: Annotated[
        DueFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="ĐỊNH_DẠNG",
            help="Bảng (table), json, csv (Excel) hoặc ics (lịch Outlook, Google).",
        ),
    ] = "table",
    output: OutputOption = None,
    delimiter: DelimiterOption = ",",
    registry: RegistryOption = None,
) -> None:
    from ..queries import DueQuery
    from ..queries import due as due_items
    from ..render.due import RENDERERS
    from ..render.dueview import DueView

    day, statuses, separator = as_of_date(as_of), status_filter(status), csv_delimiter(delimiter)
    loaded = load_registry(registry)
    unit = chosen_unit(loaded, so)
    query = DueQuery(day, unit, role, plan, statuses, within)
    view = DueView.of(loaded, query, due_items(loaded, query), delimiter=separator)
    with printing(output) as say:
        say(RENDERERS[format](view))


@command(
    read_only=True,
    help="Xem một nhiệm vụ (kh-nq59/V.19), báo cáo hằng năm (kh-nq59/bao-cao/2026), kế hoạch, "
    "thỏa thuận, đối tác hoặc đơn vị — mọi mã mà due và list in ra.",
)
def show(
    ident: Annotated[
        str,
        typer.Argument(
            metavar="MÃ",
            help="kh-nq59/V.19, kh-nq59/bao-cao/2026, kh-nq59, tt-st-petersburg-2025, minsk, "
            '"Sở Y tế"…',
            callback=name_value,
        ),
    ],
    as_of: AsOfOption = None,
    format: Annotated[
        ShowFormat,
        typer.Option("--format", "-f", metavar="ĐỊNH_DẠNG", help="Văn bản (text) hoặc json."),
    ] = "text",
    output: OutputOption = None,
    registry: RegistryOption = None,
) -> None:
    from ..queries import find_record
    from ..render.records import render_record

    day = as_of_date(as_of)
    loaded = load_registry(registry)
    kind, found = find_record(loaded, ident)
    with printing(output) as say:
        say(render_record(loaded, kind, found, day, format))


@command(
    name="list",
    read_only=True,
    help="Liệt kê nhiệm vụ, báo cáo hằng năm (đã gửi và còn thiếu), kế hoạch, thỏa thuận, đối "
    "tác hoặc đơn vị.",
)
def list_(
    kind: Annotated[
        ListKind,
        typer.Argument(
            metavar="LOẠI",
            help="tasks (nhiệm vụ), reports (báo cáo hằng năm), plans (kế hoạch), agreements "
            "(thỏa thuận), partners (đối tác) hoặc units (đơn vị).",
        ),
    ],
    plan: PlanOption = None,
    so: SoOption = None,
    role: Annotated[
        RoleChoice,
        typer.Option(
            "--role",
            metavar="VAI_TRÒ",
            help="Với --so: chủ trì (lead), phối hợp (support) hay cả hai (all).",
        ),
    ] = "lead",
    partner: Annotated[
        str | None,
        typer.Option(
            "--partner",
            metavar="ĐỐI_TÁC",
            help="Chỉ những gì liên quan đối tác này (minsk…).",
            callback=name_value,
        ),
    ] = None,
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            metavar="TRẠNG_THÁI",
            help="Với tasks: chỉ các trạng thái này (nhãn hoặc mã): " + STATUS_HELP + ".",
        ),
    ] = None,
    year: Annotated[
        int | None, year_option("Với reports: năm của báo cáo (mặc định: năm của --as-of).")
    ] = None,
    as_of: AsOfOption = None,
    format: Annotated[
        ListFormat,
        typer.Option(
            "--format", "-f", metavar="ĐỊNH_DẠNG", help="Bảng (table), json hoặc csv (Excel)."
        ),
    ] = "table",
    output: OutputOption = None,
    delimiter: DelimiterOption = ",",
    registry: RegistryOption = None,
) -> None:
    from ..queries import ListQuery, list_records
    from ..render.records import LIST_RENDERERS, list_csv

    day, separator = as_of_date(as_of), csv_delimiter(delimiter)
    loaded = load_registry(registry)
    unit = chosen_unit(loaded, so)
    query = ListQuery(kind, day, plan, unit, role, partner,
                      status_filter(status) if status else None, year)  # fmt: skip
    found = list_records(loaded, query)
    with printing(output) as say:
        if format == "csv":
            say(list_csv(kind, found, day, separator))
        else:
            say(LIST_RENDERERS[format](kind, found, day))


@command(
    read_only=True, help="Thống kê theo đơn vị chủ trì: đúng hạn, quá hạn, trong hạn, thường xuyên…"
)
def stats(
    plan: PlanOption = None,
    as_of: AsOfOption = None,
    format: Annotated[
        StatsFormat,
        typer.Option("--format", "-f", metavar="ĐỊNH_DẠNG", help="Bảng (table) hoặc json."),
    ] = "table",
    output: OutputOption = None,
    registry: RegistryOption = None,
) -> None:
    from ..queries import stats as unit_stats
    from ..render.records import STATS_RENDERERS

    day = as_of_date(as_of)
    rows = unit_stats(load_registry(registry), day, plan)
    with printing(output) as say:
        say(STATS_RENDERERS[format](rows, day, plan))
