"""The CI workflows and pre-commit hooks cannot drift from the CLI: every hnqt command they run is
run here, as written, on a copy of the registry in a git repository with a pull-request branch."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import REPO, copy_registry

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
README_TEST = re.search(r"Chạy bộ kiểm thử.*?```sh\n(.+?)\n```", (REPO / "README.md").read_text(
    encoding="utf-8"), re.S)  # fmt: skip
HNQT_BIN = Path(sys.executable).parent

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def load(path: Path) -> object:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def steps(path: Path) -> list[dict[str, str]]:
    workflow = load(path)
    assert isinstance(workflow, dict)
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def hnqt_lines(script: str) -> list[str]:
    return [line for line in script.splitlines() if re.match(r"\s*hnqt\b", line)]


@pytest.fixture(scope="module")
def pull_request(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the registry committed on main, with a branch that records progress."""
    root = copy_registry(REPO, tmp_path_factory.mktemp("pr") / "registry")
    shutil.copytree(REPO / ".github", root / ".github")
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}  # fmt: skip
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "gốc"],
                 ["checkout", "-qb", "feature"]):  # fmt: skip
        subprocess.run(["git", *args], cwd=root, check=True, env=env)
    subprocess.run([HNQT_BIN / "hnqt", "progress", "kh-nq59/V.19", "--note", "Đã làm",
                    "--by", "SYT", "--date", "01/03/2026"], cwd=root, check=True,
                   capture_output=True, env=env)  # fmt: skip
    subprocess.run(["git", "commit", "-qam", "tiến độ"], cwd=root, check=True, env=env)
    subprocess.run(["git", "update-ref", "refs/remotes/origin/main", "main"], cwd=root, check=True)
    return root


def run_step(script: str, root: Path, summary: Path) -> subprocess.CompletedProcess[str]:
    """A workflow's `run:` script, as GitHub would run it, on the registry copy."""
    script = script.replace("${{ github.base_ref }}", "main")
    env = {**os.environ, "PATH": f"{HNQT_BIN}{os.pathsep}{os.environ['PATH']}",
           "GITHUB_STEP_SUMMARY": str(summary), "NO_COLOR": "1"}  # fmt: skip
    env.pop("HNQT_REGISTRY", None)
    return subprocess.run(["bash", "-e", "-c", script], cwd=root, env=env, capture_output=True,
                          text=True)  # fmt: skip


def test_there_is_a_registry_workflow_and_a_test_workflow():
    names = {path.name for path in WORKFLOWS}
    assert {"registry.yml", "tests.yml"} <= names
    commands = [
        line for path in WORKFLOWS for s in steps(path) for line in hnqt_lines(s.get("run", ""))
    ]
    assert any("validate --format github" in c for c in commands)
    assert any("fmt --check" in c for c in commands)
    assert any("diff" in c and "--format md" in c and "GITHUB_STEP_SUMMARY" in c for c in commands)


def test_every_hnqt_step_of_the_workflows_runs_on_a_pull_request(pull_request, tmp_path):
    summary = tmp_path / "summary.md"
    ran = 0
    for path in WORKFLOWS:
        for step in steps(path):
            script = step.get("run", "")
            if not hnqt_lines(script):
                continue
            done = run_step(script, pull_request, summary)
            assert done.returncode == 0, (path.name, script, done.stdout, done.stderr)
            ran += 1
    assert ran >= 3
    said = summary.read_text(encoding="utf-8")
    assert said.startswith("### Thay đổi trong sổ đăng ký")
    assert "**kh-nq59/V.19**" in said and "Đã làm" in said


def test_a_bad_file_fails_the_validate_step_with_an_annotation(pull_request, tmp_path):
    task = pull_request / "data/plans/kh-nq59/tasks/V-19.yaml"
    before = task.read_text(encoding="utf-8")
    task.write_text(before.replace('lead: ["Sở Y tế"]', 'lead: ["Sở Y khoa"]'), encoding="utf-8")
    try:
        (step,) = [s for s in steps(REPO / ".github/workflows/registry.yml")
                   if "validate" in s.get("run", "")]  # fmt: skip
        done = run_step(step["run"], pull_request, tmp_path / "summary.md")
        assert done.returncode == 1
        assert "::error file=data/plans/kh-nq59/tasks/V-19.yaml,line=" in done.stdout
    finally:
        task.write_text(before, encoding="utf-8")


def test_the_test_workflow_runs_the_readme_test_command_on_python_3_11_to_3_13():
    workflow = load(REPO / ".github/workflows/tests.yml")
    assert isinstance(workflow, dict)
    (job,) = workflow["jobs"].values()
    assert job["strategy"]["matrix"]["python-version"] == ["3.11", "3.12", "3.13"]
    assert README_TEST is not None
    assert README_TEST.group(1) in [step.get("run") for step in job["steps"]]


def test_pre_commit_hooks_are_offered_used_and_run(pull_request):
    offered = load(REPO / ".pre-commit-hooks.yaml")
    config = load(REPO / ".pre-commit-config.yaml")
    assert isinstance(offered, list) and isinstance(config, dict)
    assert {hook["id"] for hook in offered} == {"hnqt-validate", "hnqt-fmt"}
    used = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    for hook in offered:
        assert used[hook["id"]]["entry"] == hook["entry"]
        files = [str(p.relative_to(pull_request)) for p in (pull_request / "data").rglob("*.yaml")]
        chosen = [f for f in files if re.search(hook["files"], f)]
        args = hook["entry"].split() + ([] if hook.get("pass_filenames") is False else chosen)
        done = subprocess.run([HNQT_BIN / args[0], *args[1:]], cwd=pull_request,
                              capture_output=True, text=True)  # fmt: skip
        assert done.returncode == 0, (hook["id"], done.stdout, done.stderr)


def test_yaml_is_kept_at_lf_by_git():
    attributes = (REPO / ".gitattributes").read_text(encoding="utf-8")
    assert "*.yaml text eol=lf" in attributes
