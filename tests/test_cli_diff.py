"""`hnqt diff` and `hnqt validate --changed` on a registry in a git repository: what a branch
changes said in the registry's terms (text, Markdown, JSON), and the fast check of changed files."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from hnqt.cli import app

runner = CliRunner()
TASKS = "data/plans/kh-test/tasks"
AGREEMENT = ('id: ct-x\nkind: programme\ntitle: "Chương trình X"\npartners: [minsk]\n'
             'term: {start: "2024", end: "2026"}\n')  # fmt: skip
PARTNER = 'id: minsk\nkind: city\nname: {vi: "Minsk"}\ncountry: BY\n'

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(root, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                          check=True)  # fmt: skip
    return done.stdout


def hnqt(root, *args: str):
    return runner.invoke(app, [*args, "--registry", str(root)])


@pytest.fixture
def repo(make_registry):
    """The base registry committed on main, then a branch `feature` checked out."""
    root = make_registry(
        {"data/partners/minsk.yaml": PARTNER, "data/agreements/ct-x.yaml": AGREEMENT}
    )
    git(root, "init", "-q", "-b", "main")
    git(root, "-c", "user.name=t", "-c", "user.email=t@t", "add", "-A")
    git(root, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "gốc")
    git(root, "checkout", "-qb", "feature")
    return root


def _change_branch(root) -> None:
    assert hnqt(root, "progress", "kh-test/I.1", "--note", "Đã làm", "--by", "SYT",
                "--date", "01/03/2026").exit_code == 0  # fmt: skip
    assert hnqt(root, "report-submitted", "kh-test", "--so", "SYT", "--year", "2026",
                "--date", "10/11/2026").exit_code == 0  # fmt: skip
    task = root / f"{TASKS}/I-1.yaml"
    text = task.read_text(encoding="utf-8").replace('deadline: "2026"', 'deadline: "Quý II/2026"')
    task.write_text(text.replace('lead: ["Sở Y tế"]', 'lead: ["Sở Công Thương"]'), encoding="utf-8")
    (root / f"{TASKS}/I-2.yaml").write_text(
        'code: "I.2"\ntitle: "Nhiệm vụ mới"\nlead: ["Sở Y tế"]\ndeadline: "2027"\n',
        encoding="utf-8",
    )
    agreement = root / "data/agreements/ct-x.yaml"
    agreement.write_text(AGREEMENT.replace('end: "2026"', 'end: "2025"') + "status: expired\n",
                         encoding="utf-8")  # fmt: skip


def test_diff_says_what_the_branch_changes_in_registry_terms(repo):
    _change_branch(repo)
    result = hnqt(repo, "diff")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "→ cây làm việc" in out
    assert "Nhiệm vụ thêm mới (1):\n  + kh-test/I.2 — Nhiệm vụ mới" in out
    assert "“2026” → “Quý II/2026”; hạn 31/12/2026 → hạn 30/06/2026" in out
    assert (
        "Đơn vị chủ trì thay đổi (1):\n  ~ kh-test/I.1 — Nhiệm vụ thử: Sở Y tế → Sở Công Thương"
        in out
    )
    assert "ngày 01/03/2026, Sở Y tế: Đã làm" in out
    assert "kh-test/bao-cao/2026" in out and "Sở Y tế, gửi ngày 10/11/2026" in out
    assert "đang hiệu lực, hết hạn 31/12/2026 → hết hiệu lực, hết hạn 31/12/2025" in out


def test_diff_between_two_commits_as_json_and_markdown(repo):
    _change_branch(repo)
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "nhánh")
    data = json.loads(hnqt(repo, "diff", "main", "HEAD", "--format", "json").output)
    assert data["base"] == "main" and data["head"] == "HEAD"
    kinds = [change["kind"] for change in data["changes"]]
    assert kinds == ["task-added", "deadline-changed", "lead-changed", "progress-recorded",
                     "report-recorded", "agreement-ending"]  # fmt: skip
    md = hnqt(repo, "diff", "main", "HEAD", "--format", "md").output
    assert md.startswith("### Thay đổi trong sổ đăng ký (`main` → HEAD)")
    assert "#### Nhiệm vụ thêm mới (1)\n\n- **kh-test/I.2** — Nhiệm vụ mới" in md


def test_diff_with_nothing_changed_says_so(repo):
    result = hnqt(repo, "diff", "main")
    assert result.exit_code == 0
    assert "Không có thay đổi nào" in result.output


@pytest.mark.parametrize("command", [["diff"], ["validate", "--changed"]])
def test_a_revision_that_does_not_exist_is_a_usage_error(repo, command):
    result = hnqt(repo, *command, "khong-co")
    assert result.exit_code == 2
    assert "không có phiên bản git “khong-co”" in result.output


def test_markdown_cannot_be_broken_by_a_title(repo):
    (repo / f"{TASKS}/I-2.yaml").write_text(
        'code: "I.2"\ntitle: "<script>x</script> **đậm** | ô"\n'
        'lead: ["Sở Y tế"]\ndeadline: "2027"\n',
        encoding="utf-8",
    )
    md = hnqt(repo, "diff", "--format", "md").output
    assert "<script>" not in md and "\\<script\\>" in md and "\\*\\*đậm\\*\\* \\| ô" in md


def test_validate_changed_checks_the_changed_files_with_what_they_reference(repo):
    assert hnqt(repo, "validate", "--changed").output.startswith("Đã kiểm tra 0 tệp")
    (repo / f"{TASKS}/I-2.yaml").write_text(
        'code: "I.2"\ntitle: "Mới"\nlead: ["Sở Y khoa"]\ndeadline: "2027"\n', encoding="utf-8"
    )
    result = hnqt(repo, "validate", "--changed")
    assert result.exit_code == 1
    assert f"{TASKS}/I-2.yaml:3:8: lỗi unknown-unit" in result.output
    assert "Đã kiểm tra 1 tệp" in result.output
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "lỗi")
    assert hnqt(repo, "validate", "--changed", "HEAD").exit_code == 0  # nothing since HEAD
    assert hnqt(repo, "validate", "--changed", "main").exit_code == 1


@pytest.mark.parametrize("git_dir", [False, True])
def test_validate_changed_finds_a_registry_kept_in_a_folder_of_the_repository(
    make_registry, tmp_path, monkeypatch, git_dir
):
    """The registry below the top of its repository: git names files from the top. With
    GIT_DIR set, git (not a `.git` beside the registry) says where the repository is."""
    top = tmp_path / "kho"
    shutil.copytree(make_registry({}), top / "so-dang-ky")
    git(top, "init", "-q", "-b", "main")
    git(top, "-c", "user.name=t", "-c", "user.email=t@t", "add", "-A")
    git(top, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "gốc")
    if git_dir:
        monkeypatch.setenv("GIT_DIR", str(top / ".git"))
        monkeypatch.setenv("GIT_WORK_TREE", str(top))
    root = top / "so-dang-ky"
    (root / f"{TASKS}/I-2.yaml").write_text(
        'code: "I.2"\ntitle: "Mới"\nlead: ["Sở Y khoa"]\ndeadline: "2027"\n', encoding="utf-8"
    )
    result = hnqt(root, "validate", "--changed", "HEAD")
    assert result.exit_code == 1, result.output
    assert f"{TASKS}/I-2.yaml:3:8: lỗi unknown-unit" in result.output
    assert "Đã kiểm tra 1 tệp" in result.output


def test_validate_changed_takes_one_base_revision_only(repo):
    result = hnqt(repo, "validate", "--changed", "main", "HEAD~9")
    assert result.exit_code == 2
    assert "--changed nhận một phiên bản gốc, không phải main, HEAD~9" in result.output
    assert "ví dụ: hnqt validate --changed main" in result.output


def test_validate_changed_on_the_departments_file_checks_everything(repo):
    departments = repo / "data/departments.yaml"
    departments.write_text(departments.read_text("utf-8").replace('"Sở Y tế"', '"Sở Y tế mới"'),
                           encoding="utf-8")  # fmt: skip
    result = hnqt(repo, "validate", "--changed")
    assert result.exit_code == 1
    assert f"{TASKS}/I-1.yaml" in result.output and "unknown-unit" in result.output
