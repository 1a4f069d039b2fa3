"""`hnqt validate` and `hnqt schema`: what CI runs, and what editors read."""

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..render.problems import REPORTERS
from .app import command
from .options import NoCacheOption, RegistryOption, emit

ValidateFormat = Enum("ValidateFormat", {name: name for name in REPORTERS}, type=str)  # type: ignore[misc]


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
    from ..layout import find_root
    from ..loading import check, select_files

    checked = check(find_root(registry), use_cache=not no_cache)
    files, problems = select_files(checked, paths or [])
    reporter = REPORTERS[format.value](problems, files, strict)
    emit(reporter.render())
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
    from ..layout import find_root
    from ..schema_export import SCHEMA_DIR, write_schemas

    folder = output if output is not None else find_root(registry) / SCHEMA_DIR
    for path in write_schemas(folder):
        typer.echo(f"đã ghi {path}")
