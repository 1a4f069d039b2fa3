"""Budget (issue 13) for `hnqt import docx`: reading a 1 000-row appendix from Word and writing
its task files costs at most 2× a cold `hnqt validate` of the registry holding those files.

    python bench/import_speed.py [--rows 1000] [--repeat 5] [--work DIR]

CPU time (user + system) of each command, median of interleaved runs; hnqt installed with
`pip install .` in the interpreter's environment (not editable).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from gen_registry import REPO, _samples
from measure import require_installed_copy, run, tool

PLAN = "bench-import"
SECTIONS = ("I", "II", "III", "IV", "V", "VI", "VII")
# Creating the same number of files with plain Python: what the file system alone costs.
_CREATE = """
import os, sys
folder, count = sys.argv[1], int(sys.argv[2])
os.makedirs(folder)
for number in range(count):
    path = os.path.join(folder, f"{number}.yaml")
    with open(path + ".tmp", "w", encoding="utf-8") as file:
        file.write("code: x\\n" * 8)
        file.flush()
        os.fsync(file.fileno())
    os.replace(path + ".tmp", path)
"""
HEADER = ("TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Kết quả",
          "Thời gian hoàn thành")  # fmt: skip


def registry(root: Path) -> Path:
    """The real unit directory and schemas, and an empty plan to import into."""
    shutil.rmtree(root, ignore_errors=True)
    (root / "data" / "plans" / PLAN).mkdir(parents=True)
    (root / "hnqt.toml").write_text("[registry]\n", encoding="utf-8")
    shutil.copy(REPO / "data" / "departments.yaml", root / "data" / "departments.yaml")
    shutil.copytree(REPO / "schemas", root / "schemas")
    plan = (REPO / "data" / "plans" / "kh-nq59" / "plan.yaml").read_text(encoding="utf-8")
    (root / "data" / "plans" / PLAN / "plan.yaml").write_text(
        plan.replace('id: "kh-nq59"', f'id: "{PLAN}"'), encoding="utf-8"
    )
    return root


def appendix(path: Path, rows: int) -> Path:
    """A Word appendix of `rows` tasks made of the real plan's values, in seven sections."""
    import docx

    samples = _samples()
    document = docx.Document()
    table = document.add_table(rows=1, cols=len(HEADER))
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = text
    per_section = -(-rows // len(SECTIONS))
    for number in range(rows):
        section, index = divmod(number, per_section)
        if index == 0:
            cells = table.add_row().cells
            cells[0].merge(cells[-1]).text = f"{SECTIONS[section]}. Mục {SECTIONS[section]}"
        sample = samples[number % len(samples)]
        values = (str(index + 1), f"{sample['title']} (số {number + 1})",
                  "; ".join(sample["lead"]), "; ".join(sample["support"]),  # type: ignore[arg-type]
                  sample["output"] or "", sample["deadline"])  # fmt: skip
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = str(text)
    document.save(str(path))
    return path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--work", type=Path, default=None)
    options = parser.parse_args()
    require_installed_copy()
    work = options.work or Path(tempfile.mkdtemp(prefix="hnqt-bench-import-"))
    work.mkdir(parents=True, exist_ok=True)
    source = appendix(work / "phu-luc.docx", options.rows)
    hnqt = tool("hnqt")
    # A fresh registry for each run, made beforehand: deleting the files of the previous run
    # would charge the file system's clean-up to the next import.
    roots = [registry(work / f"registry-{number}") for number in range(options.repeat)]
    times: dict[str, list[float]] = {"import": [], "validate": [], "files": []}
    for number, root in enumerate(roots):
        command = [hnqt, "import", "docx", str(source), "--plan", PLAN]
        times["import"].append(run(command, root).cpu)
        written = len(list((root / "data" / "plans" / PLAN / "tasks").glob("*.yaml")))
        if written != options.rows:
            raise SystemExit(f"hnqt import ghi {written} tệp, cần {options.rows}")
        # A cold validate as bench/validate_speed.py means it: the first run, no cache yet.
        shutil.rmtree(root / ".hnqt-cache", ignore_errors=True)
        times["validate"].append(run([hnqt, "validate"], root).cpu)
        folder = str(work / f"files-{number}")
        times["files"].append(run([sys.executable, "-c", _CREATE, folder, str(options.rows)]).cpu)
    imported, validated, files = (statistics.median(times[name]) for name in times)
    ratio = imported / validated
    print(
        f"nhập {options.rows} dòng từ Word: {imported:.2f} s CPU; validate lần đầu "
        f"(chưa có bộ nhớ đệm) các tệp đó: {validated:.2f} s CPU → {ratio:.2f}× (ngân sách ≤ 2×). "
        f"Riêng việc tạo "
        f"{options.rows} tệp (Python thuần, cùng thư mục làm việc): {files:.2f} s CPU; "
        f"không kể phần đó: {(imported - files) / validated:.2f}×"
    )
    return 0 if ratio <= 2 else 1


if __name__ == "__main__":
    raise SystemExit(main())
