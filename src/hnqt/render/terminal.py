"""A Rich console that writes into a string, sized and coloured for the user's terminal."""

from __future__ import annotations

import io
import os
import shutil
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def console_to_string() -> tuple[Console, io.StringIO]:
    """Colour only on a terminal and never with NO_COLOR; width from the terminal or COLUMNS."""
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=shutil.get_terminal_size((120, 24)).columns,
        force_terminal=sys.stdout.isatty() and "NO_COLOR" not in os.environ,
        no_color="NO_COLOR" in os.environ,
        highlight=False,
        emoji=False,
    )
    return console, buffer
