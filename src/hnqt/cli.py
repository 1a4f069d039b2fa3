"""The `hnqt` command: parse options, call registry and queries, pick a renderer; nothing else."""

# No `from __future__ import annotations` here: Typer would then evaluate every option's
# annotation from a string at each run (~8 ms of eval/compile on the main command).
import contextlib
import functools
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

from .help_vi import VietnameseCommand, VietnameseContext
from .problems import UsageError
from .render.problems import REPORTERS


class _Boundary(TyperGroup):
    """The one place where a user mistake becomes exit 2 with a Vietnamese message (pre-commit's
    error boundary); bad registry files are not exceptions at all but reported problems."""

    context_class = VietnameseContext

    def main(self, *args: object, **kwargs: object) -> object:
        kwargs["standalone_mode"] = False
        try:
            done = super().main(*args, **kwargs)  # type: ignore[arg-type]
        except Exception as error:
            if not hasattr(error, "exit_code") or not hasattr(error, "format_message"):
                raise
            _usage_error(error)  # click's own: bad option, missing argument, unknown command
        sys.exit(done if isinstance(done, int) else 0)

    def invoke(self, ctx: typer.Context) -> object:
        try:
            return super().invoke(ctx)
        except UsageError as error:
            typer.echo(f"lỗi: {error.message}", err=True)
            if error.hint:
                typer.echo(f"    gợi ý: {error.hint}", err=True)
            raise typer.Exit(2) from None


app = typer.Typer(
    cls=_Boundary,
    name="hnqt",
    help="hnqt — Hà Nội · Quan hệ quốc tế: kiểm tra, tra cứu, báo cáo sổ đăng ký hợp tác quốc tế.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    options_metavar="[TÙY_CHỌN]",
    subcommand_metavar="LỆNH [ĐỐI_SỐ]...",
)
# Every command's help page and usage line in Vietnamese.
command = functools.partial(app.command, cls=VietnameseCommand)

RegistryOption = Annotated[
    str | None,
    typer.Option(
        "--registry",
        metavar="ĐƯỜNG_DẪN",
        help="Thư mục sổ đăng ký (mặc định: tìm từ thư mục hiện tại trở lên, "
        "hoặc biến HNQT_REGISTRY).",
    ),
]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Đọc lại mọi tệp, không dùng .hnqt-cache/.")
]
ValidateFormat = Enum("ValidateFormat", {name: name for name in REPORTERS}, type=str)  # type: ignore[misc]


def _usage_error(error: Exception) -> None:
    from typer._click.exceptions import NoArgsIsHelpError

    from .usage_vi import translate

    if isinstance(error, NoArgsIsHelpError):  # plain `hnqt`: the help page is the answer
        typer.echo(error.format_message(), err=True)
        sys.exit(error.exit_code)
    message, hint = translate(error.format_message())  # type: ignore[attr-defined]
    context = getattr(error, "ctx", None)
    command = context.command_path if context is not None else "hnqt"
    typer.echo(f"lỗi: {message}", err=True)
    typer.echo(f"    gợi ý: {hint + ' · ' if hint else ''}xem `{command} --help`", err=True)
    sys.exit(error.exit_code)  # type: ignore[attr-defined]


def _emit(text: str) -> None:
    """Print as rendered: colour codes are there only when the renderer chose colour
    (a terminal or FORCE_COLOR, never NO_COLOR), so they are never stripped here."""
    typer.echo(text, nl=not text.endswith("\n"), color=True)


def _load(registry: str | None, no_cache: bool = False):
    from .registry import find_root, load

    return load(find_root(registry), use_cache=not no_cache)


@command(help="Kiểm tra toàn bộ sổ đăng ký: cú pháp, trường, đơn vị, thời hạn, tham chiếu.")
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="ĐƯỜNG_DẪN…",
            help="Chỉ báo cáo các tệp/thư mục này (vẫn đối chiếu với cả sổ đăng ký).",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        ValidateFormat, typer.Option("--format", "-f", help="Định dạng kết quả.")
    ] = ValidateFormat["text"],
    strict: Annotated[
        bool, typer.Option("--strict", help="Coi cảnh báo như lỗi (mã thoát 1).")
    ] = False,
    registry: RegistryOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    from .registry import check, find_root, select_files

    checked = check(find_root(registry), use_cache=not no_cache)
    files, problems = select_files(checked, paths or [])
    reporter = REPORTERS[format.value](problems, files, strict)
    _emit(reporter.render())
    raise typer.Exit(0 if reporter.ok else 1)


@command(help="Ghi JSON Schema cho từng loại tệp (để trình soạn thảo gợi ý và kiểm tra).")
def schema(
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="THƯ_MỤC",
            help="Thư mục ghi schema (mặc định: schemas/ của sổ đăng ký).",
        ),
    ] = None,
    registry: RegistryOption = None,
) -> None:
    from .registry import find_root
    from .schema_export import SCHEMA_DIR, write_schemas

    folder = output if output is not None else find_root(registry) / SCHEMA_DIR
    for path in write_schemas(folder):
        typer.echo(f"đã ghi {path}")


def _as_of(text: str | None):
    from datetime import date

    from .dates import DateError, parse_user_date

    if text is None:
        return date.today()
    try:
        return parse_user_date(text)
    except DateError as error:
        raise UsageError(f"--as-of: {error}") from None


def _statuses(values: list[str] | None):
    from .deadlines import OPEN_STATUSES, STATUSES

    if not values:
        return OPEN_STATUSES
    chosen = {part.strip() for value in values for part in value.split(",") if part.strip()}
    if "all" in chosen:
        return frozenset(STATUSES)
    unknown = sorted(chosen - set(STATUSES))
    if unknown:
        raise UsageError(
            f"--status không có giá trị “{', '.join(unknown)}”",
            "chọn trong: " + ", ".join(STATUSES) + ", all",
        )
    return frozenset(chosen)


DueFormat = Enum("DueFormat", {name: name for name in ("table", "json", "csv", "ics")}, type=str)  # type: ignore[misc]
Role = Enum("Role", {name: name for name in ("lead", "support", "all")}, type=str)  # type: ignore[misc]
SoOption = Annotated[
    str | None,
    typer.Option(
        "--so",
        metavar="ĐƠN_VỊ",
        help='Đơn vị (tên đầy đủ, viết tắt hoặc không dấu: "Sở Y tế", SYT, "so y te").',
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="NGÀY",
        help="Tính đến ngày (dd/mm/yyyy hoặc yyyy-mm-dd); mặc định hôm nay.",
    ),
]
PlanOption = Annotated[
    str | None, typer.Option("--plan", metavar="KẾ_HOẠCH", help="Chỉ kế hoạch này (kh-nq59).")
]


@command(help="Việc đến hạn, quá hạn, chờ văn bản của một đơn vị (hoặc của mọi đơn vị).")
def due(
    so: SoOption = None,
    as_of: AsOfOption = None,
    within: Annotated[
        int | None,
        typer.Option(
            "--within",
            metavar="SỐ_NGÀY",
            min=0,
            help="Chỉ việc đến hạn trong số ngày này (việc quá hạn luôn hiện).",
        ),
    ] = None,
    role: Annotated[
        Role,
        typer.Option(
            "--role", help="Vai trò: chủ trì (lead), phối hợp (support) hay cả hai (all)."
        ),
    ] = Role["lead"],
    plan: PlanOption = None,
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            metavar="TRẠNG_THÁI",
            help="Chỉ các trạng thái này (lặp lại hoặc cách nhau bằng dấu phẩy): done_on_time, "
            "done_late, on_track, overdue, ongoing, awaiting_event, no_deadline, all.",
        ),
    ] = None,
    format: Annotated[
        DueFormat, typer.Option("--format", "-f", help="Định dạng kết quả.")
    ] = DueFormat["table"],
    registry: RegistryOption = None,
) -> None:
    from .queries import DueQuery, find_unit
    from .queries import due as due_items
    from .render.due import RENDERERS, DueView

    day, statuses = _as_of(as_of), _statuses(status)
    loaded = _load(registry)
    unit = find_unit(loaded, so) if so is not None else None
    query = DueQuery(day, unit, role.value, plan, statuses, within)
    _emit(RENDERERS[format.value](DueView.of(loaded, query, due_items(loaded, query))))


ShowFormat = Enum("ShowFormat", {name: name for name in ("text", "json")}, type=str)  # type: ignore[misc]
ListFormat = Enum("ListFormat", {name: name for name in ("table", "json", "csv")}, type=str)  # type: ignore[misc]
StatsFormat = Enum("StatsFormat", {name: name for name in ("table", "json")}, type=str)  # type: ignore[misc]
ListKind = Enum("ListKind", {k: k for k in ("tasks", "plans", "agreements", "partners", "units")},  # type: ignore[misc]
                type=str)  # fmt: skip


@command(help="Xem một nhiệm vụ (kh-nq59/V.19), kế hoạch, thỏa thuận, đối tác hoặc đơn vị.")
def show(
    ident: Annotated[
        str,
        typer.Argument(
            metavar="MÃ", help='kh-nq59/V.19, kh-nq59, tt-st-petersburg-2025, minsk, "Sở Y tế"…'
        ),
    ],
    as_of: AsOfOption = None,
    format: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="Định dạng kết quả.")
    ] = ShowFormat["text"],
    registry: RegistryOption = None,
) -> None:
    from .queries import find_record
    from .render.records import render_record

    day = _as_of(as_of)
    loaded = _load(registry)
    kind, found = find_record(loaded, ident)
    _emit(render_record(loaded, kind, found, day, format.value))


@command(name="list", help="Liệt kê nhiệm vụ, kế hoạch, thỏa thuận, đối tác hoặc đơn vị.")
def list_(
    kind: Annotated[
        ListKind,
        typer.Argument(metavar="LOẠI", help="tasks, plans, agreements, partners hoặc units."),
    ],
    plan: PlanOption = None,
    so: SoOption = None,
    role: Annotated[
        Role,
        typer.Option(
            "--role", help="Với --so: chủ trì (lead), phối hợp (support) hay cả hai (all)."
        ),
    ] = Role["lead"],
    partner: Annotated[
        str | None,
        typer.Option(
            "--partner", metavar="ĐỐI_TÁC", help="Chỉ những gì liên quan đối tác này (minsk…)."
        ),
    ] = None,
    status: Annotated[
        list[str] | None,
        typer.Option("--status", metavar="TRẠNG_THÁI", help="Với tasks: chỉ các trạng thái này."),
    ] = None,
    as_of: AsOfOption = None,
    format: Annotated[
        ListFormat, typer.Option("--format", "-f", help="Định dạng kết quả.")
    ] = ListFormat["table"],
    registry: RegistryOption = None,
) -> None:
    from .queries import ListQuery, find_unit, list_records
    from .render.records import LIST_RENDERERS

    day = _as_of(as_of)
    loaded = _load(registry)
    unit = find_unit(loaded, so) if so is not None else None
    query = ListQuery(kind.value, day, plan, unit, role.value, partner,
                      _statuses(status) if status else None)  # fmt: skip
    _emit(LIST_RENDERERS[format.value](kind.value, list_records(loaded, query), day))


@command(help="Thống kê theo đơn vị chủ trì: đúng hạn, quá hạn, trong hạn, thường xuyên…")
def stats(
    plan: PlanOption = None,
    as_of: AsOfOption = None,
    format: Annotated[
        StatsFormat, typer.Option("--format", "-f", help="Định dạng kết quả.")
    ] = StatsFormat["table"],
    registry: RegistryOption = None,
) -> None:
    from .queries import stats as unit_stats
    from .render.records import STATS_RENDERERS

    day = _as_of(as_of)
    rows = unit_stats(_load(registry), day, plan)
    _emit(STATS_RENDERERS[format.value](rows, day, plan))


def main() -> None:
    """Console entry point: an unexpected failure is reported in one line, never a traceback."""
    _speak_utf8()
    code: int = 0
    try:
        app()
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except KeyboardInterrupt:
        code = 130
    except Exception as exc:  # the last boundary: a bug in hnqt, not a user mistake
        if os.environ.get("HNQT_DEBUG"):
            raise
        typer.echo(
            f"lỗi nội bộ của hnqt ({type(exc).__name__}: {exc}); "
            "chạy lại với HNQT_DEBUG=1 để xem chi tiết và báo cho nhóm phát triển",
            err=True,
        )
        code = 3
    _leave(code)


def _speak_utf8() -> None:
    """Write UTF-8 whatever the locale: on Windows, output sent to a file or a pipe would
    otherwise be encoded in the ANSI code page, which cannot hold Vietnamese (“ế”, “ở”)."""
    for stream in (sys.stdout, sys.stderr):
        if (stream.encoding or "").lower().replace("-", "") != "utf8" and hasattr(
            stream, "reconfigure"
        ):
            stream.reconfigure(encoding="utf-8")


def _leave(code: int) -> None:
    """Flush and exit without tearing the interpreter down: every file hnqt writes is closed
    by now, and the teardown (freeing every module and record) took ~15 ms of each command."""
    for stream in (sys.stdout, sys.stderr):
        # The reader may have left (`| head`) or closed the stream: nothing more to say then.
        with contextlib.suppress(BrokenPipeError, ValueError):
            stream.flush()
    os._exit(code)
