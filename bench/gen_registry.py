"""Write a synthetic registry of N task files, made of the shipped registry's real values.

    python bench/gen_registry.py OUT_DIR N

Task files draw their titles, units and deadlines from data/ (so parsing and unit resolution do
real work); departments.yaml and the plan are copied. Files are spread over plans of 1 000 tasks.
"""

from __future__ import annotations

import json
import random
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PER_PLAN = 1000


def _samples() -> list[dict[str, object]]:
    from hnqt.loading import load

    registry = load(REPO, use_cache=False)
    return [
        {"title": e.task.title, "lead": list(e.task.lead), "support": list(e.task.support),
         "output": e.task.output, "deadline": e.task.deadline_text}
        for e in registry.tasks.values()
        if e.task.deadline_text  # a clean registry: no "no deadline" warnings
    ]  # fmt: skip


def _task_text(code: str, sample: dict[str, object], schema: str) -> str:
    lines = [f"# yaml-language-server: $schema={schema}", f"code: {json.dumps(code)}"]
    for key in ("title", "lead", "support", "output", "deadline"):
        if sample[key] is not None:
            lines.append(f"{key}: {json.dumps(sample[key], ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def generate(out: Path, count: int, seed: int = 59) -> Path:
    rng = random.Random(seed)
    samples = _samples()
    if out.exists():
        shutil.rmtree(out)
    (out / "data").mkdir(parents=True)
    (out / "hnqt.toml").write_text("[registry]\n", encoding="utf-8")
    shutil.copy(REPO / "data" / "departments.yaml", out / "data" / "departments.yaml")
    shutil.copytree(REPO / "schemas", out / "schemas")
    plan_text = (REPO / "data" / "plans" / "kh-nq59" / "plan.yaml").read_text(encoding="utf-8")
    for start in range(0, count, PER_PLAN):
        plan_id = f"bench-{start // PER_PLAN:03d}"
        folder = out / "data" / "plans" / plan_id
        (folder / "tasks").mkdir(parents=True)
        (folder / "plan.yaml").write_text(
            plan_text.replace('id: "kh-nq59"', f'id: "{plan_id}"'), encoding="utf-8"
        )
        for number in range(start, min(count, start + PER_PLAN)):
            section = ("I", "II", "III", "IV", "V", "VI", "VII")[number % 7]
            code = f"{section}.{number + 1}"
            sample = dict(rng.choice(samples))
            sample["title"] = f"{sample['title']} (số {number + 1})"  # titles stay unique
            text = _task_text(code, sample, "../../../../schemas/task.schema.json")
            (folder / "tasks" / f"{section}-{number + 1}.yaml").write_text(text, encoding="utf-8")
    return out


if __name__ == "__main__":
    target, size = Path(sys.argv[1]), int(sys.argv[2])
    generate(target, size)
    print(f"{size} tệp nhiệm vụ trong {target}")
