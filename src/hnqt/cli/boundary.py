"""The Typer app and its one error boundary: a user mistake becomes exit 2 with a Vietnamese
message; bad registry files are not exceptions at all but reported problems."""

# No `from __future__ import annotations` in the cli package: Typer would then evaluate every
# option's annotation from a string at each run (~8 ms of eval/compile on the main command).
import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer
from typer.core import TyperGroup

from ..compat import ClickException, Context
from ..help_vi import VietnameseCommand, VietnameseContext
from ..problems import RegistryError, UsageError
from ..render.safe import visible

_F = TypeVar("_F", bound=Callable[..., Any])


class _Boundary(TyperGroup):
    """The one place where a user mistake becomes exit 2 with a Vietnamese message (pre-commit's
    error boundary); bad registry files are not exceptions at all but reported problems."""

    context_class = VietnameseContext

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            done = super().main(*args, **kwargs)
        except ClickException as error:
            _usage_error(error)  # click's own: bad option, missing argument, unknown command
        sys.exit(done if isinstance(done, int) else 0)

    def invoke(self, ctx: Context) -> object:
        try:
            return super().invoke(ctx)
        except RegistryError as error:
            typer.echo(f"lỗi: {visible(error.message)}", err=True)
            if error.hint:
                typer.echo(f"    gợi ý: {visible(error.hint)}", err=True)
            raise typer.Exit(1) from None
        except UsageError as error:
            # The message may quote what was typed or read (`--so $'\e]0;…'`): shown, not obeyed.
            typer.echo(f"lỗi: {visible(error.message)}", err=True)
            if error.hint:
                typer.echo(f"    gợi ý: {visible(error.hint)}", err=True)
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
_fast_exit: list[bool] = []  # set when a read-only command has run


@app.callback()
def _group() -> None:
    """Keeps hnqt a group of commands when a run registers only one (cli.registered): Typer
    would otherwise make that one command the whole program, and take its name for an argument."""


def command(*, read_only: bool = False, **settings: Any) -> Callable[[_F], _F]:
    """Register a command whose help page and usage line speak Vietnamese. `read_only`: it
    writes nothing but the cache, so the process may leave without teardown (cli.main)."""

    def register(function: _F) -> _F:
        run = function
        if read_only:

            @functools.wraps(function)
            def run(*args: Any, **kwargs: Any) -> Any:
                _fast_exit.append(True)
                return function(*args, **kwargs)

        app.command(cls=VietnameseCommand, **settings)(run)
        return function

    return register


def read_only_ran() -> bool:
    return bool(_fast_exit)


def _usage_error(error: ClickException) -> None:
    from ..compat import NoArgsIsHelpError
    from ..usage_vi import translate

    if isinstance(error, NoArgsIsHelpError):  # plain `hnqt`: the help page is the answer
        typer.echo(error.format_message(), err=True)
        sys.exit(error.exit_code)
    message, hint = translate(error.format_message())
    context = getattr(error, "ctx", None)
    command = context.command_path if context is not None else "hnqt"
    typer.echo(f"lỗi: {message}", err=True)
    typer.echo(f"    gợi ý: {hint + ' · ' if hint else ''}xem `{command} --help`", err=True)
    sys.exit(error.exit_code)
