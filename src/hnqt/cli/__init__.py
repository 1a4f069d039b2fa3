"""The `hnqt` command: parse options, call registry and queries, pick a renderer; nothing else.

One module per command group; each registers its commands on the app when imported here."""

import contextlib
import os
import sys

import typer

from . import check, diff, edit, fmt, query, report  # noqa: F401  (registers the commands)
from .app import app, read_only_ran

__all__ = ["app", "main"]


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
    """Flush and exit. After a read-only command (`command(read_only=True)`), without tearing
    the interpreter down: the teardown (freeing every module and record) took ~15 ms of each
    command. A command that writes exits normally, so nothing it opened can be cut short."""
    for stream in (sys.stdout, sys.stderr):
        # The reader may have left (`| head`) or closed the stream: nothing more to say then.
        with contextlib.suppress(BrokenPipeError, ValueError):
            stream.flush()
    if read_only_ran():
        os._exit(code)
    sys.exit(code)
