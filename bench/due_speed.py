"""Budgets for `hnqt due --so "Sở Y tế"` on the shipped registry, warm cache, in CPU time (user
+ system of the child), medians of interleaved runs against references measured in the same run:

- through a pipe, and as JSON: at most 1.5× `python -c "import typer, rich"`;
- on a terminal (a pseudo-terminal: wrapped, coloured): at most 1.2× a minimal Typer script
  that prints the same rows with `rich.table.Table` — what the command would cost if it were
  written the obvious way, without reading a single file.

    python3 -m venv /tmp/bench && /tmp/bench/bin/pip install . \\
        && /tmp/bench/bin/python bench/due_speed.py [--repeat N]

hnqt must be installed with `pip install .` (not editable) in the interpreter running this.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from measure import Run, interleaved, require_installed_copy, run, tool

REPO = Path(__file__).resolve().parents[1]
UNIT = "Sở Y tế"
TERMINAL = {"FORCE_COLOR": "", "NO_COLOR": "", "COLUMNS": "120", "LINES": "40"}
PLAIN = {"FORCE_COLOR": "", "NO_COLOR": "", "COLUMNS": ""}

RICH_SCRIPT = """\
import typer
from rich.console import Console
from rich.table import Table

ROWS = {rows!r}


def main(so: str = typer.Option(..., "--so")) -> None:
    table = Table(title=f"{{so}} — {{len(ROWS)}} việc", box=None, title_justify="left")
    for header in ("Hạn", "Theo văn bản", "Tình trạng", "Mã", "Nội dung"):
        table.add_column(header, overflow="fold")
    for cells, style in ROWS:
        table.add_row(*cells, style=style)
    Console().print(table)


typer.run(main)
"""


def rows(hnqt: str) -> list[tuple[list[str], str]]:
    """The rows `hnqt due` shows today, as the reference script's data."""
    out = subprocess.run([hnqt, "due", "--so", UNIT, "--format", "json"], cwd=REPO,
                         capture_output=True, check=True).stdout  # fmt: skip
    shown = []
    for item in json.loads(out)["items"]:
        due = date.fromisoformat(item["due"]).strftime("%d/%m/%Y") if item["due"] else "—"
        cells = [due, item["deadline_text"] or "(để trống)", item["status_label"], item["id"],
                 item["title"]]  # fmt: skip
        shown.append((cells, "bold red" if item["status"] == "overdue" else ""))
    return shown


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=21)
    repeat = parser.parse_args().repeat
    require_installed_copy()
    hnqt = tool("hnqt")
    due = [hnqt, "due", "--so", UNIT]
    run(due, REPO)  # warm the cache
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "rich_due.py"
        script.write_text(RICH_SCRIPT.format(rows=rows(hnqt)), encoding="utf-8")
        cpu = interleaved(
            {
                "import": Run([sys.executable, "-c", "import typer, rich"], PLAIN),
                "rich": Run([sys.executable, str(script), "--so", UNIT], TERMINAL, "terminal"),
                "terminal": Run(due, TERMINAL, "terminal"),
                "pipe": Run(due, PLAIN, "pipe"),
                "json": Run([*due, "--format", "json"], PLAIN, "pipe"),
            },
            repeat,
            REPO,
        )
    ok = True
    print(f"CPU (user+sys), trung vị của {repeat} lượt xen kẽ")
    print(f"  mốc: python -c 'import typer, rich'       {cpu['import'] * 1000:6.1f} ms")
    print(f"  mốc: Typer + rich.table, cùng các dòng     {cpu['rich'] * 1000:6.1f} ms")
    for name, label, base, budget in CHECKS:
        ratio = cpu[name] / cpu[base]
        ok &= ratio <= budget
        print(f"  {label:<41}{cpu[name] * 1000:6.1f} ms = {ratio:.2f}× (ngân sách {budget}×)")
    return 0 if ok else 1


CHECKS = [
    ("pipe", "hnqt due --so 'Sở Y tế' qua ống", "import", 1.5),
    ("json", "hnqt due … --format json", "import", 1.5),
    ("terminal", "hnqt due … trên màn hình (pty)", "rich", 1.2),
]


if __name__ == "__main__":
    raise SystemExit(main())
