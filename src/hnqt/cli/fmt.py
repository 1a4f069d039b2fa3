"""`hnqt fmt`: every registry file in one canonical layout (`--check`: only say which are not)."""

from pathlib import Path
from typing import Annotated

import typer

from .boundary import command
from .options import RegistryOption, emit


@command(help="Đưa các tệp YAML về một cách trình bày chuẩn (giữ nguyên nội dung và chú thích).")
def fmt(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="ĐƯỜNG_DẪN…",
            help="Chỉ các tệp/thư mục này (mặc định: cả sổ đăng ký).",
            show_default=False,
        ),
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Không sửa gì: liệt kê các tệp cần định dạng lại (kèm khác biệt), mã thoát 1.",
        ),
    ] = False,
    registry: RegistryOption = None,
) -> None:
    from ..formatting import format_registry, short_diff
    from ..layout import chooser, find_root
    from ..render.safe import visible

    root = find_root(registry)
    found = format_registry(root, chooser(root, paths or []), write=not check)
    lines: list[str] = []
    for outcome in found:
        if outcome.error is not None:
            lines.append(f"{outcome.rel}: không định dạng được: {outcome.error}")
        elif check:
            lines.append(f"cần định dạng lại: {outcome.rel}")
            lines.extend(f"    {line}" for line in short_diff(outcome))
        else:
            lines.append(f"đã định dạng: {outcome.rel}")
    if lines:  # file text quoted in a diff may hold a bidi override: shown, not obeyed
        emit(visible("\n".join(lines), lines=True) + "\n")
    failed = any(o.error is not None for o in found) or (check and bool(found))
    raise typer.Exit(1 if failed else 0)
