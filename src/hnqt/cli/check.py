"""`hnqt validate` and `hnqt schema`: what CI runs, and what editors read."""

from pathlib import Path
from typing import Annotated

import typer

from ..choices import ValidateFormat
from ..problems import UsageError
from .boundary import command
from .options import NoCacheOption, RegistryOption, emit, told_written


@command(
    read_only=True,
    help="Kiểm tra toàn bộ sổ đăng ký: cú pháp, trường, đơn vị, thời hạn, tham chiếu.",
)
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
        ValidateFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="ĐỊNH_DẠNG",
            help="Văn bản (text), json, hoặc github (chú thích trên pull request).",
        ),
    ] = "text",
    strict: Annotated[
        bool, typer.Option("--strict", help="Coi cảnh báo như lỗi (mã thoát 1).")
    ] = False,
    changed: Annotated[
        bool,
        typer.Option(
            "--changed",
            help="Chỉ kiểm tra các tệp đổi từ phiên bản GỐC ghi sau nó (mặc định: điểm tách khỏi "
            "nhánh chính) và những gì chúng tham chiếu — nhanh, cho pre-commit; CI kiểm tra "
            "toàn bộ. Ví dụ: hnqt validate --changed main",
        ),
    ] = False,
    registry: RegistryOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    from ..layout import find_root
    from ..loading import check, check_files, select_files
    from ..render.problems import REPORTERS

    root = find_root(registry)
    paths = paths or []
    if changed:
        from ..revisions import changed_files, default_base

        # `--changed main`: what follows the flag is the base revision, not a path.
        revisions = [str(path) for path in paths if not path.exists()]
        if len(revisions) > 1:
            raise UsageError(
                f"--changed nhận một phiên bản gốc, không phải {', '.join(revisions)}",
                "ghi một nhánh hay mã commit sau --changed, ví dụ: hnqt validate --changed main",
            )
        paths = [path for path in paths if path.exists()]
        base = revisions[0] if revisions else default_base(root)
        checked = check_files(root, changed_files(root, base))
    else:
        checked = check(root, use_cache=not no_cache)
    files, problems = select_files(checked, paths)
    reporter = REPORTERS[format](problems, files, strict)
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
    from ..layout import SCHEMA_DIR, find_root
    from ..schema_export import write_schemas

    folder = output if output is not None else find_root(registry) / SCHEMA_DIR
    for path in write_schemas(folder):
        told_written(path)
