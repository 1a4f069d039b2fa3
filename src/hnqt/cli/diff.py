"""`hnqt diff`: what a branch or pull request changes, in the registry's own terms."""

from typing import Annotated

import typer

from ..choices import DiffFormat
from .boundary import command
from .options import OutputOption, RegistryOption, printing


@command(read_only=True, help="Những gì thay đổi trong sổ đăng ký giữa hai phiên bản git "
         "(nhiệm vụ, thời hạn, tiến độ, báo cáo, thỏa thuận).")  # fmt: skip
def diff(
    base: Annotated[
        str | None,
        typer.Argument(
            metavar="GỐC",
            help="Phiên bản gốc (nhánh, thẻ, commit); mặc định: điểm tách khỏi nhánh chính.",
            show_default=False,
        ),
    ] = None,
    head: Annotated[
        str | None,
        typer.Argument(
            metavar="ĐÍCH",
            help="Phiên bản đích; mặc định: cây làm việc (kể cả thay đổi chưa commit).",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        DiffFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="ĐỊNH_DẠNG",
            help="Văn bản (text), json, hoặc md (Markdown, cho pull request).",
        ),
    ] = "text",
    output: OutputOption = None,
    registry: RegistryOption = None,
) -> None:
    from ..diffing import compare
    from ..layout import find_root
    from ..loading import load
    from ..render.diff import RENDERERS
    from ..revisions import WORKTREE, default_base, registry_at, resolve

    root = find_root(registry)
    base_commit = resolve(root, base) if base is not None else default_base(root)
    before = registry_at(root, base_commit)
    after = registry_at(root, head) if head is not None else load(root)
    shown_head = head if head is not None else WORKTREE
    with printing(output) as say:
        say(RENDERERS[format](compare(before, after), base or base_commit[:12], shown_head))
