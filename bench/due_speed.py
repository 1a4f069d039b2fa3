"""Budget (DESIGN §5): `hnqt due --so "Sở Y tế"` on the shipped registry costs at most 1.5×
`python -c "import typer, rich"`, measured in the same run, warm cache, both as a terminal
gets it (wrapped, coloured: FORCE_COLOR=1) and through a pipe.

    python bench/due_speed.py [--repeat N]

Also reports, for information, the JSON output.
"""

from __future__ import annotations

import argparse
import os
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
    reference = [sys.executable, "-c", "import typer, rich"]
    due = [hnqt, "due", "--so", "Sở Y tế"]
    run(due, REPO)  # warm the cache
    os.environ["FORCE_COLOR"] = "1"
    ours, base = interleaved(due, reference, repeat, REPO)
    del os.environ["FORCE_COLOR"]
    pipe_ours, pipe_base = interleaved(due, reference, repeat, REPO)
    json_ours, json_base = interleaved([*due, "--format", "json"], reference, repeat, REPO)
    ratios = {"terminal": ours / base, "pipe": pipe_ours / pipe_base}
    print(f"tham chiếu  python -c 'import typer, rich': {base * 1000:6.1f} ms")
    print(f"hnqt due --so 'Sở Y tế' (terminal, màu):      {ours * 1000:6.1f} ms  = "
          f"{ratios['terminal']:.2f}× (ngân sách {BUDGET}×)")  # fmt: skip
    print(f"hnqt due --so 'Sở Y tế' (ống):                {pipe_ours * 1000:6.1f} ms  = "
          f"{ratios['pipe']:.2f}× (ngân sách {BUDGET}×)")  # fmt: skip
    print(f"hnqt due … --format json:                     {json_ours * 1000:6.1f} ms  = "
          f"{json_ours / json_base:.2f}×")  # fmt: skip
    return 0 if max(ratios.values()) <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
