"""Budget (DESIGN §5): `hnqt due --so "Sở Y tế"` on the shipped registry costs at most 1.5×
`python -c "import typer, rich"`, measured in the same run, warm cache, both as a terminal
gets it (wrapped, coloured: FORCE_COLOR=1) and through a pipe.

    python bench/due_speed.py [--repeat N]

Also reports, for information, the JSON output.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from measure import interleaved, run, tool

REPO = Path(__file__).resolve().parents[1]
BUDGET = 1.5


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=21)
    repeat = parser.parse_args().repeat
    hnqt = tool("hnqt")
    due = [hnqt, "due", "--so", "Sở Y tế"]
    run(due, REPO)  # warm the cache
    plain = {"FORCE_COLOR": "", "NO_COLOR": ""}
    median = interleaved(
        {
            "reference": ([sys.executable, "-c", "import typer, rich"], plain),
            "terminal": (due, {"FORCE_COLOR": "1", "NO_COLOR": ""}),
            "pipe": (due, plain),
            "json": ([*due, "--format", "json"], plain),
        },
        repeat,
        REPO,
    )
    base = median["reference"]
    print(f"tham chiếu  python -c 'import typer, rich': {base * 1000:6.1f} ms")
    for name, label in LABELS.items():
        ratio = median[name] / base
        budget = f" (ngân sách {BUDGET}×)" if name in BUDGETED else ""
        print(f"{label:<45}{median[name] * 1000:6.1f} ms  = {ratio:.2f}×{budget}")
    return 0 if all(median[name] / base <= BUDGET for name in BUDGETED) else 1


LABELS = {
    "terminal": "hnqt due --so 'Sở Y tế' (màn hình, có màu):",
    "pipe": "hnqt due --so 'Sở Y tế' (qua ống):",
    "json": "hnqt due … --format json:",
}
BUDGETED = ("terminal", "pipe")


if __name__ == "__main__":
    raise SystemExit(main())
