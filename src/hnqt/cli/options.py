"""Options shared by several commands, and the small steps every command takes: the as-of date,
the status filter, loading the registry, printing what a renderer made."""

import contextlib
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..problems import UsageError
from ..statuses import STATUS_LABELS

if TYPE_CHECKING:
    from ..model import Unit
    from ..registry import Registry
    from ..render import Rendered
    from ..statuses import Status

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


def emit(output: "Rendered") -> None:
    """Print what a renderer made. Text as rendered: colour codes are there only when the
    renderer chose colour (a terminal or FORCE_COLOR, never NO_COLOR), so they are never
    stripped here. Bytes (a .docx, a .xlsx) go to standard output untouched; into a file they
    go through `writing.write_file`, like every file hnqt writes."""
    if isinstance(output, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(output)
        sys.stdout.buffer.flush()
        return
    typer.echo(output, nl=not output.endswith("\n"), color=True)


OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="TỆP",
        help="Ghi kết quả vào tệp này (UTF-8) thay vì in ra màn hình; nên dùng thay cho “>” "
        "trong PowerShell.",
        show_default=False,
    ),
]


@contextlib.contextmanager
def printing(output: Path | None) -> Iterator[Callable[["Rendered"], None]]:
    """Where a command's result goes: the screen, or with `-o FILE` a file written whole
    through the safe writer in UTF-8 (PowerShell 5.1 re-encodes what `>` redirects), rendered
    as for a pipe (no colour, nothing cut)."""
    if output is None:
        yield emit
        return
    from ..render.tables import to_file
    from ..writing import write_file

    parts: list[Rendered] = []
    with to_file():
        yield parts.append
    if all(isinstance(part, str) for part in parts):
        text = "".join(str(part) for part in parts)
        write_file(output, text if text.endswith("\n") or not text else text + "\n")
    else:
        write_file(output, b"".join(p if isinstance(p, bytes) else p.encode() for p in parts))
    told_written(output)


def told_written(path: Path, detail: str = "") -> None:
    """Say on stderr that a file was written: stdout carries data only, whatever the command."""
    typer.echo(f"đã ghi {path}{f' ({detail})' if detail else ''}", err=True)


MAX_NAME = 300  # longer than any unit's, plan's or partner's name; a pasted page is a mistake


def name_value(value: str | None) -> str | None:
    """A name typed on the command line: no control character (a NUL cannot be in any name),
    not a page long (each is compared with every name of the registry)."""
    if value is None:
        return None
    if len(value) > MAX_NAME:
        raise typer.BadParameter(f"quá dài ({len(value)} ký tự; tối đa {MAX_NAME})")
    bad = next((ch for ch in value if ch < " " or "\x7f" <= ch <= "\x9f"), None)
    if bad is not None:
        raise typer.BadParameter(f"có ký tự điều khiển (mã {ord(bad):#04x}) trong tên")
    return value


def load_registry(registry: str | None, no_cache: bool = False) -> "Registry":
    """The registry, after saying on stderr which files no answer can include, and why."""
    from ..layout import find_root
    from ..loading import load
    from ..render.problems import left_out_note

    loaded = load(find_root(registry), use_cache=not no_cache)
    note = left_out_note(loaded.left_out())
    if note:
        typer.echo(note, err=True)
    return loaded


def chosen_unit(loaded: "Registry", name: str | None) -> "Unit | None":
    """The unit `--so` names. A former name whose functions were split in 2025 resolves to one
    successor: the user is told on stderr that only part of its duties went there."""
    from ..queries import find_unit
    from ..render.safe import visible

    if name is None:
        return None
    unit = find_unit(loaded, name)
    split = loaded.units.partly_merged(name)
    if split is not None:
        former = split[1]
        note = f" — {visible(former.note)}" if former.note else ""
        typer.echo(f"chú ý: “{visible(former.name)}” chỉ chuyển một phần chức năng về "
                   f"“{visible(unit.name)}”{note}", err=True)  # fmt: skip
    return unit


def as_of_date(text: str | None) -> date:
    return user_date(text, "--as-of")


def user_date(text: str | None, option: str) -> date:
    """A date option (dd/mm/yyyy or ISO); today when not given."""
    from ..dates import DateError, parse_user_date

    if text is None:
        return date.today()
    try:
        return parse_user_date(text)
    except DateError as error:
        raise UsageError(
            f"{option}: {error}", "ghi ngày dạng dd/mm/yyyy, ví dụ 15/11/2026"
        ) from None


def year_option(help: str) -> Any:
    """`--year NĂM`, within the years every date field accepts."""
    return typer.Option("--year", metavar="NĂM", min=1900, max=2200, help=help)


# Each status as users read it, with the code it also answers to (statuses.py is light).
STATUS_HELP = ", ".join(f"{label.lower()} ({code})" for code, label in STATUS_LABELS.items())
STATUS_HELP += ", tất cả (all)"


def status_filter(values: list[str] | None) -> "frozenset[Status]":
    """The statuses asked for, by code or by Vietnamese label, with or without diacritics
    (`quá hạn`, `qua han`, `overdue`); several by repeating or with commas."""
    from ..names import plain_key
    from ..statuses import OPEN_STATUSES, STATUSES

    if not values:
        return OPEN_STATUSES
    known: dict[str, Status] = {plain_key(label): code for code, label in STATUS_LABELS.items()}
    known |= {plain_key(code): code for code in STATUSES}
    chosen = {part.strip() for value in values for part in value.split(",") if part.strip()}
    if {plain_key(part) for part in chosen} & {"all", "tat ca"}:
        return frozenset(STATUSES)
    unknown = sorted(part for part in chosen if plain_key(part) not in known)
    if unknown:
        raise UsageError(
            f"--status không có giá trị “{', '.join(unknown)}”",
            "chọn trong: " + STATUS_HELP,
        )
    return frozenset(known[plain_key(part)] for part in chosen)


SoOption = Annotated[
    str | None,
    typer.Option(
        "--so",
        metavar="ĐƠN_VỊ",
        help='Đơn vị (tên đầy đủ, viết tắt hoặc không dấu: "Sở Y tế", SYT, "so y te").',
        callback=name_value,
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
    str | None,
    typer.Option(
        "--plan", metavar="KẾ_HOẠCH", help="Chỉ kế hoạch này (kh-nq59).", callback=name_value
    ),
]

DelimiterOption = Annotated[
    str,
    typer.Option(
        "--delimiter",
        metavar="KÝ_TỰ",
        help="Dấu phân cách cột của CSV: ',' (mặc định) hoặc ';' — chọn ';' khi Windows đặt "
        "vùng Việt Nam (Excel khi đó tách cột bằng ';'); cũng nhận 'tab'.",
    ),
]
_DELIMITERS = {",": ",", ";": ";", "tab": "\t", "\t": "\t", "|": "|"}


def csv_delimiter(text: str) -> str:
    """The column separator of CSV output; Excel under Vietnamese regional settings wants `;`."""
    if text not in _DELIMITERS:
        raise UsageError(f"--delimiter không nhận “{text}”", "chọn ',' hoặc ';' (hoặc tab, |)")
    return _DELIMITERS[text]
