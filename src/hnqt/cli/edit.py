"""`hnqt progress`, `event`, `report-submitted`, `new`: recording what staff did, one file at a
time, each change checked before it is written and told back with the status it leads to."""

import sys
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from ..choices import NewKind
from ..problems import UsageError
from .boundary import command
from .options import RegistryOption, emit, load_registry, name_value, user_date, year_option

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..recording import FileChange
    from ..registry import Registry

DateOption = Annotated[
    str | None,
    typer.Option(
        "--date", metavar="NGÀY", help="Ngày (dd/mm/yyyy hoặc yyyy-mm-dd); mặc định hôm nay."
    ),
]
DocumentOption = Annotated[
    str | None,
    typer.Option(
        "--document", metavar="VĂN_BẢN", help='Số văn bản, ví dụ "Báo cáo số 123/BC-SYT".'
    ),
]
TaskArgument = Annotated[str, typer.Argument(metavar="NHIỆM_VỤ", help="Mã nhiệm vụ: kh-nq59/V.19.")]


def _record(registry: str | None, build: "Callable[[Registry], FileChange]") -> None:
    """Build the change on the loaded registry, write it, say what it did and where the task
    or report now stands (as of today)."""
    from ..recording import apply
    from ..render.edits import render_outcome

    loaded = load_registry(registry)
    today = date.today()
    emit(render_outcome(apply(loaded, build(loaded), today), today))


@command(help="Ghi tiến độ (hoặc hoàn thành) của một nhiệm vụ vào tệp của nhiệm vụ đó.")
def progress(
    task: TaskArgument,
    note: Annotated[
        str, typer.Option("--note", metavar="NỘI_DUNG", help="Đã làm gì (một câu ngắn).")
    ],
    day: DateOption = None,
    year: Annotated[
        int | None, year_option("Năm được báo cáo (nhiệm vụ hằng năm: mặc định năm của --date).")
    ] = None,
    done: Annotated[
        bool, typer.Option("--done", help="Nhiệm vụ (hoặc lần của năm đó) đã xong.")
    ] = False,
    document: DocumentOption = None,
    by: Annotated[
        str | None,
        typer.Option("--by", metavar="ĐƠN_VỊ", help='Đơn vị báo cáo ("Sở Y tế", SYT, "so y te").'),
    ] = None,
    registry: RegistryOption = None,
) -> None:
    from .. import recording

    when = user_date(day, "--date")
    _record(
        registry,
        lambda loaded: recording.progress(
            loaded, task, note=note, day=when, year=year, done=done, document=document, by=by
        ),
    )


@command(help="Ghi văn bản mà nhiệm vụ chờ (“Khi … ban hành”) đã được ban hành: nhiệm vụ có hạn.")
def event(
    task: TaskArgument,
    day: Annotated[
        str,
        typer.Option("--date", metavar="NGÀY", help="Ngày ban hành (dd/mm/yyyy hoặc yyyy-mm-dd)."),
    ],
    document: DocumentOption = None,
    days_after: Annotated[
        int | None,
        typer.Option(
            "--days-after",
            metavar="SỐ_NGÀY",
            min=0,
            help="Hạn là bấy nhiêu ngày sau ngày ban hành (mặc định: đúng ngày đó).",
        ),
    ] = None,
    registry: RegistryOption = None,
) -> None:
    from .. import recording

    when = user_date(day, "--date")
    _record(
        registry,
        lambda loaded: recording.event(
            loaded, task, day=when, document=document, days_after=days_after
        ),
    )


@command(name="report-submitted", help="Ghi báo cáo hằng năm một đơn vị đã gửi theo kế hoạch.")
def report_submitted(
    plan: Annotated[str, typer.Argument(metavar="KẾ_HOẠCH", help="Mã kế hoạch: kh-nq59.")],
    so: Annotated[
        str,
        typer.Option(
            "--so", metavar="ĐƠN_VỊ", help='Đơn vị đã gửi ("Sở Y tế", SYT…).', callback=name_value
        ),
    ],
    year: Annotated[int, year_option("Năm của báo cáo.")],
    day: Annotated[
        str, typer.Option("--date", metavar="NGÀY", help="Ngày gửi (dd/mm/yyyy hoặc yyyy-mm-dd).")
    ],
    document: DocumentOption = None,
    registry: RegistryOption = None,
) -> None:
    from .. import recording

    when = user_date(day, "--date")
    _record(
        registry,
        lambda loaded: recording.report_submitted(
            loaded, plan, unit=so, year=year, day=when, document=document
        ),
    )


# What each kind needs, as (option, field, question); a list field takes the option repeated.
_REQUIRED = {
    "task": (("--plan", "plan", "Kế hoạch (kh-nq59)"), ("--code", "code", "Mã nhiệm vụ (V.20)"),
             ("--title", "title", "Tên nhiệm vụ"), ("--lead", "lead", "Đơn vị chủ trì"),
             ("--deadline", "deadline", "Thời hạn, ghi như văn bản")),
    "plan": (("--id", "id", "Mã kế hoạch (kh-abc)"),
             ("--kind", "kind", "Loại: plan hoặc directive"),
             ("--title", "title", "Tên văn bản"), ("--issuer", "issuer", "Cơ quan ban hành")),
    "agreement": (("--id", "id", "Mã thỏa thuận"),
                  ("--kind", "kind", "Loại: agreement, programme hoặc memorandum"),
                  ("--title", "title", "Tên thỏa thuận"), ("--partner", "partners", "Mã đối tác")),
    "partner": (("--id", "id", "Mã đối tác"),
                ("--kind", "kind", "Loại: city, region, country hoặc organisation"),
                ("--name", "name", "Tên tiếng Việt"), ("--country", "country", "Mã quốc gia (BY)")),
}  # fmt: skip
_LISTS = {"lead", "support", "partners"}
_OPTIONAL = {"task": ("support",)}  # fields a kind takes when given, never asked for
_OPTION_OF = {field: option for entries in _REQUIRED.values() for option, field, _ in entries}
_OPTION_OF["support"] = "--support"


@command(
    help="Tạo tệp mới cho một nhiệm vụ, kế hoạch, thỏa thuận hoặc đối tác (hỏi phần còn thiếu)."
)
def new(
    kind: Annotated[
        NewKind, typer.Argument(metavar="LOẠI", help="task, plan, agreement hoặc partner.")
    ],
    ident: Annotated[
        str | None, typer.Option("--id", metavar="MÃ", help="Mã (kế hoạch, thỏa thuận, đối tác).")
    ] = None,
    plan: Annotated[
        str | None, typer.Option("--plan", metavar="KẾ_HOẠCH", help="Kế hoạch của nhiệm vụ.")
    ] = None,
    code: Annotated[
        str | None, typer.Option("--code", metavar="MÃ", help="Mã nhiệm vụ (V.20).")
    ] = None,
    title: Annotated[str | None, typer.Option("--title", metavar="TÊN", help="Tên.")] = None,
    lead: Annotated[
        list[str] | None,
        typer.Option("--lead", metavar="ĐƠN_VỊ", help="Đơn vị chủ trì (lặp lại được)."),
    ] = None,
    support: Annotated[
        list[str] | None,
        typer.Option("--support", metavar="ĐƠN_VỊ", help="Đơn vị phối hợp (lặp lại được)."),
    ] = None,
    deadline: Annotated[
        str | None,
        typer.Option(
            "--deadline",
            metavar="THỜI_HẠN",
            help="Thời hạn ghi như văn bản (Quý IV/2026, Hàng năm…).",
        ),
    ] = None,
    record_kind: Annotated[
        str | None,
        typer.Option("--kind", metavar="LOẠI", help="Loại văn bản, thỏa thuận hay đối tác."),
    ] = None,
    issuer: Annotated[
        str | None, typer.Option("--issuer", metavar="CƠ_QUAN", help="Cơ quan ban hành kế hoạch.")
    ] = None,
    partner: Annotated[
        list[str] | None,
        typer.Option(
            "--partner", metavar="ĐỐI_TÁC", help="Mã đối tác của thỏa thuận (lặp lại được)."
        ),
    ] = None,
    name: Annotated[
        str | None, typer.Option("--name", metavar="TÊN", help="Tên tiếng Việt của đối tác.")
    ] = None,
    country: Annotated[
        str | None,
        typer.Option("--country", metavar="MÃ", help="Mã quốc gia ISO của đối tác (BY, RU)."),
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", metavar="TỆP", help="Tệp nguồn trong shared/sources.")
    ] = None,
    registry: RegistryOption = None,
) -> None:
    from .. import recording

    given: dict[str, object] = {
        "id": ident, "plan": plan, "code": code, "title": title, "lead": lead or None,
        "support": support or None, "deadline": deadline, "kind": record_kind, "issuer": issuer,
        "partners": partner or None, "name": name, "country": country,
    }  # fmt: skip
    values = _ask_missing(kind, given)
    if kind == "partner":
        values["name"] = {"vi": values["name"]}
    if source is not None:
        values["source"] = {"file": source} if kind == "task" else [{"file": source}]
    _record(registry, lambda loaded: recording.new_record(loaded, kind, values))


def _interactive() -> bool:
    return sys.stdin.isatty()


def _ask_missing(kind: str, given: dict[str, object]) -> dict[str, object]:
    """The values a new record needs: from the options, else asked on a terminal; without a
    terminal (a script, CI) a missing value is a usage error naming every one missing."""
    values = {key: value for key, value in given.items() if value not in (None, "")}
    wanted = [field for _, field, _ in _REQUIRED[kind]] + list(_OPTIONAL.get(kind, ()))
    stray = [_OPTION_OF[key] for key in values if key not in wanted]
    if stray:  # an option of another kind would be dropped without a word
        raise UsageError(
            f"{', '.join(stray)} không dùng cho hnqt new {kind}",
            f"các tùy chọn của {kind}: "
            + ", ".join(_OPTION_OF[field] for field in wanted)
            + ", --source",
        )
    missing = [entry for entry in _REQUIRED[kind] if entry[1] not in values]
    if missing and not _interactive():
        raise UsageError(
            "thiếu " + ", ".join(option for option, _, _ in missing),
            f"ghi đủ các tùy chọn, ví dụ: hnqt new {kind} "
            + " ".join(f'{option} "…"' for option, _, _ in _REQUIRED[kind]),
        )
    for _, field, question in missing:
        answer = typer.prompt(question).strip()
        values[field] = [answer] if field in _LISTS else answer
    return values
