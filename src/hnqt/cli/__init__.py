"""The `hnqt` command: parse options, call registry and queries, pick a renderer; nothing else.

One module per command group; each registers its commands on the app when imported. A run
imports only the group of the command it was asked for: Typer turns the signature of every
registered command into options at each start, and `hnqt due` has a start-up budget."""

import contextlib
import errno
import importlib
import os
import sys
from typing import NoReturn

import typer

from ..problems import os_reason
from .boundary import app as _app
from .boundary import read_only_ran

__all__ = ["COMMAND_GROUPS", "app", "main", "registered"]

# Each command and the module of its group, in the order help lists them.
COMMAND_GROUPS: dict[str, str] = {
    "validate": "check",
    "schema": "check",
    "diff": "diff",
    "progress": "edit",
    "event": "edit",
    "report-submitted": "edit",
    "new": "edit",
    "fmt": "fmt",
    "due": "query",
    "show": "query",
    "list": "query",
    "stats": "query",
    "report": "report",
    "import": "exchange",
    "export": "exchange",
}


def registered(command: str | None = None) -> typer.Typer:
    """The app with the group of `command` registered, or every group (help, a mistyped
    command, the tests) when it names none."""
    group = COMMAND_GROUPS.get(command or "")
    for module in dict.fromkeys([group] if group else COMMAND_GROUPS.values()):
        importlib.import_module(f"{__name__}.{module}")
    return _app


def __getattr__(name: str) -> typer.Typer:
    """`from hnqt.cli import app`: the app with every command (PEP 562)."""
    if name == "app":
        return registered()
    raise AttributeError(name)


def main() -> None:
    """Console entry point: an unexpected failure is reported in one line, never a traceback;
    output that cannot be written (`> /dev/full`, `>&-`) is said in one line, exit 1; a reader
    that left the pipe (`| head`) gets silence, exit 1, as git does."""
    if sys.stdout is None:  # started with standard output closed
        _say("lỗi: đầu ra chuẩn (stdout) đã bị đóng, không có chỗ ghi kết quả")
        _leave(1)
    _speak_utf8()
    code: int = 0
    try:
        registered(next(iter(sys.argv[1:2]), None))()
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        code = 1
    except Exception as exc:  # the last boundary: a bug in hnqt, not a user mistake
        if isinstance(exc, OSError) and _writing_failed(exc):
            _say(f"lỗi: không ghi được kết quả ra đầu ra chuẩn: {os_reason(exc)}")
            _leave(1, said=True)
        if os.environ.get("HNQT_DEBUG"):
            raise
        _say(
            f"lỗi nội bộ của hnqt ({type(exc).__name__}: {exc}); "
            "chạy lại với HNQT_DEBUG=1 để xem chi tiết và báo cho nhóm phát triển"
        )
        code = 3
    _leave(code)


def _say(message: str) -> None:
    """One line on stderr, if there is a stderr to say it on."""
    with contextlib.suppress(OSError, ValueError):
        typer.echo(message, err=True)


def _writing_failed(error: OSError) -> bool:
    """An error of writing to a stream: no file name (opening a file names it), and a cause
    that only writing has (every file hnqt itself writes is reported where it is written)."""
    return error.filename is None and error.errno in _WRITE_ERRORS


# What only writing a stream runs into (opening or reading a file names the file).
_WRITE_ERRORS = {errno.ENOSPC, errno.EBADF, errno.EIO, errno.EFBIG, errno.EDQUOT}


def _speak_utf8() -> None:
    """Write UTF-8 whatever the locale: on Windows, output sent to a file or a pipe would
    otherwise be encoded in the ANSI code page, which cannot hold Vietnamese (“ế”, “ở”)."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # stderr closed: nothing is said
            continue
        if (stream.encoding or "").lower().replace("-", "") != "utf8" and hasattr(
            stream, "reconfigure"
        ):
            stream.reconfigure(encoding="utf-8")


def _leave(code: int, *, said: bool = False) -> NoReturn:
    """Flush and exit. After a read-only command (`command(read_only=True)`), without tearing
    the interpreter down: the teardown (freeing every module and record) took ~15 ms of each
    command. A command that writes exits normally, so nothing it opened can be cut short.
    Output that cannot be written is said once (unless `said`) and makes the exit code 1."""
    failed = False
    if sys.stdout is not None:
        try:
            sys.stdout.flush()
        except BrokenPipeError:  # the reader left (`| head`): nothing more to say
            code, failed = code or 1, True
        except OSError as error:
            if not said:
                _say(f"lỗi: không ghi được kết quả ra đầu ra chuẩn: {os_reason(error)}")
            code, failed = code or 1, True
        except ValueError:  # closed by someone else: nothing to flush
            pass
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.flush()
    if read_only_ran() or failed:  # a normal exit would flush the broken stream again
        os._exit(code)
    sys.exit(code)
