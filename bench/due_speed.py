"""Budget (DESIGN §5): `hnqt due --so "Sở Y tế"` on the shipped registry costs at most 1.5×
`python -c "import typer, rich"`, measured in the same run, warm cache, output to a pipe.

    python bench/due_speed.py [--repeat N]

Also reports, for information, the JSON output and the Rich table a terminal gets
(FORCE_COLOR=1), which import more.
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
    ours, base = interleaved(due, reference, repeat, REPO)
    ratio = ours / base
    print(f"tham chiếu  python -c 'import typer, rich': {base * 1000:6.1f} ms")
    print(
        f"hnqt due --so 'Sở Y tế' (ống):               {ours * 1000:6.1f} ms  = {ratio:.2f}×"
        f" (ngân sách {BUDGET}×)"
    )
    json_ours, json_base = interleaved([*due, "--format", "json"], reference, repeat, REPO)
    print(
        f"hnqt due … --format json:                    {json_ours * 1000:6.1f} ms  = "
        f"{json_ours / json_base:.2f}×"
    )
    os.environ["FORCE_COLOR"] = "1"
    rich_ours, rich_base = interleaved(due, reference, repeat, REPO)
    del os.environ["FORCE_COLOR"]
    print(
        f"hnqt due … bảng Rich (FORCE_COLOR=1):        {rich_ours * 1000:6.1f} ms  = "
        f"{rich_ours / rich_base:.2f}×"
    )
    return 0 if ratio <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
