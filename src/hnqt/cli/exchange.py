"""`hnqt import docx|xlsx` and `hnqt export xlsx|ics`: a plan's appendix from Word or Excel into
task files, and the registry out to Excel and calendars. python-docx, openpyxl and icalendar
are imported only inside these commands."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..help_vi import VietnameseCommand, VietnameseGroup
from ..problems import UsageError
from .boundary import app
from .options import (
    AsOfOption,
    PlanOption,
    RegistryOption,
    SoOption,
    as_of_date,
    chosen_unit,
    emit,
    load_registry,
    name_value,
    told_written,
)

if TYPE_CHECKING:
    from ..render.dueview import DueView


def _group(name: str, help: str) -> typer.Typer:
    return typer.Typer(
        name=name,
        help=help,
        cls=VietnameseGroup,
        no_args_is_help=True,
        options_metavar="[TÙY_CHỌN]",
        subcommand_metavar="LỆNH [ĐỐI_SỐ]...",
        context_settings={"help_option_names": ["-h", "--help"]},
    )


imports = _group("import", "Nhập nhiệm vụ của một kế hoạch từ Word hoặc Excel.")
exports = _group("export", "Xuất ra Excel (xlsx) hoặc lịch (ics).")
app.add_typer(imports)
app.add_typer(exports)

FileArgument = Annotated[
    Path,
    typer.Argument(metavar="TỆP", help="Tệp có bảng nhiệm vụ (phụ lục).", show_default=False),
]
PlanRequired = Annotated[
    str,
    typer.Option(
        "--plan",
        metavar="KẾ_HOẠCH",
        help="Mã kế hoạch (kh-nq59).",
        show_default=False,
        callback=name_value,
    ),
]
TableOption = Annotated[
    int | None,
    typer.Option(
        "--table",
        metavar="SỐ",
        min=1,
        help="Đọc từ bảng (trang tính) thứ SỐ; mặc định: bảng đầu tiên có dòng tiêu đề.",
    ),
]
DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Chỉ cho xem sẽ ghi gì, không ghi tệp nào.")
]
PartialOption = Annotated[
    bool,
    typer.Option("--partial", help="Ghi các dòng không lỗi, liệt kê các dòng có lỗi."),
]
OutputFile = Annotated[
    Path, typer.Option("--output", "-o", metavar="TỆP", help="Tệp ghi ra.", show_default=False)
]


def _import(
    kind: str,
    file: Path,
    plan: str,
    table: int | None,
    dry_run: bool,
    partial: bool,
    as_of: str | None,
    registry: str | None,
) -> None:
    from ..importing import docx, xlsx
    from ..importing.tasks import import_tables, write
    from ..render.imports import render_outcome

    if not file.is_file():
        raise UsageError(f"không có tệp “{file}”", "kiểm tra đường dẫn")
    day = as_of_date(as_of)
    loaded = load_registry(registry)
    reader = docx.read_tables if kind == "docx" else xlsx.read_tables
    outcome = import_tables(loaded, reader(file), plan, file.name, table, day)
    failed = bool(outcome.bad_rows())
    mode = "dry-run" if dry_run else ("refused" if failed and not partial else "written")
    if mode == "written":
        write(loaded.root, outcome.good())
    word = "bảng" if kind == "docx" else "trang tính"
    emit(render_outcome(outcome, file.name, table_word=word, mode=mode))
    raise typer.Exit(1 if failed else 0)


@imports.command(
    "docx",
    cls=VietnameseCommand,
    help="Đọc bảng nhiệm vụ (phụ lục) của một văn bản Word và ghi plans/KẾ_HOẠCH/tasks/*.yaml; "
    "không ghi gì nếu có dòng lỗi (trừ khi --partial).",
)
def import_docx(
    file: FileArgument,
    plan: PlanRequired,
    table: TableOption = None,
    dry_run: DryRunOption = False,
    partial: PartialOption = False,
    registry: RegistryOption = None,
) -> None:
    _import("docx", file, plan, table, dry_run, partial, None, registry)


@imports.command(
    "xlsx",
    cls=VietnameseCommand,
    help="Đọc bảng nhiệm vụ từ Excel (như `hnqt export xlsx` ghi ra, hoặc một phụ lục): tạo "
    "tệp nhiệm vụ mới, sửa đúng các trường đã đổi của tệp đã có, thêm tiến độ mới.",
)
def import_xlsx(
    file: FileArgument,
    plan: PlanRequired,
    table: TableOption = None,
    dry_run: DryRunOption = False,
    partial: PartialOption = False,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="NGÀY",
            help="Ngày ghi cho tiến độ mới không ghi ngày (mặc định hôm nay).",
        ),
    ] = None,
    registry: RegistryOption = None,
) -> None:
    _import("xlsx", file, plan, table, dry_run, partial, as_of, registry)


@exports.command(
    "xlsx",
    cls=VietnameseCommand,
    help="Ghi nhiệm vụ của một kế hoạch ra Excel theo bố cục phụ lục, kèm hạn tiếp theo, "
    "trạng thái và tiến độ gần nhất.",
)
def export_xlsx(
    plan: PlanRequired,
    output: OutputFile,
    so: SoOption = None,
    as_of: AsOfOption = None,
    registry: RegistryOption = None,
) -> None:
    from ..queries import check_plan
    from ..render.xlsx import render_workbook
    from ..writing import write_file

    day = as_of_date(as_of)
    loaded = load_registry(registry)
    check_plan(loaded, plan)
    unit = chosen_unit(loaded, so)
    write_file(output, render_workbook(loaded, loaded.plans[plan][0], unit, day))
    told_written(output)


@exports.command(
    "ics",
    cls=VietnameseCommand,
    help="Ghi lịch (RFC 5545) các việc có hạn: một tệp, hoặc với --all-units một tệp cho mỗi "
    "đơn vị trong thư mục -o, để đăng ở một địa chỉ cố định cho Outlook/Google theo dõi.",
)
def export_ics(
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="TỆP|THƯ_MỤC",
            help="Tệp .ics; với --all-units: thư mục.",
            show_default=False,
        ),
    ],
    so: SoOption = None,
    all_units: Annotated[
        bool, typer.Option("--all-units", help="Mỗi đơn vị một lịch <mã-đơn-vị>.ics.")
    ] = False,
    plan: PlanOption = None,
    remind: Annotated[
        int,
        typer.Option(
            "--remind", metavar="SỐ_NGÀY", min=0, max=366, help="Nhắc trước hạn bao nhiêu ngày."
        ),
    ] = 7,
    as_of: AsOfOption = None,
    registry: RegistryOption = None,
) -> None:
    from ..queries import DueQuery
    from ..queries import due as due_items
    from ..render.dueview import DueView
    from ..render.ics import render_calendar
    from ..writing import ANY, prepare_folder, write_file, write_files

    if all_units and so is not None:
        raise UsageError("--all-units và --so không dùng cùng nhau", "chọn một trong hai")
    day = as_of_date(as_of)
    loaded = load_registry(registry)
    unit = chosen_unit(loaded, so)
    query = DueQuery(day, unit, "lead", plan)
    view = DueView.of(loaded, query, due_items(loaded, query), remind=remind)
    if not all_units:
        write_file(output, render_calendar(view))
        told_written(output, _counted(view))
        return
    prepare_folder(output)
    calendars = {
        output / f"{owner.id}.ics": view.of_unit(owner, items) for owner, items in view.groups
    }
    write_files({path: (render_calendar(one), ANY) for path, one in calendars.items()})
    for path, one in calendars.items():
        told_written(path, _counted(one))


def _counted(view: "DueView") -> str:
    items = view.items
    dated = sum(1 for item in items if item.due is not None)
    return f"{dated} việc có hạn, {len(items) - dated} việc không có ngày (trong ghi chú)"
