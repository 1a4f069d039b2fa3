"""`hnqt report` end to end through the real app, on the frozen report registry at a fixed
date: goldens for what people read, and every wrong use told in Vietnamese with nothing
written."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import AS_OF as DAY
from conftest import REPO, golden, snapshot
from hnqt.cli import app

AS_OF = ["--as-of", DAY.strftime("%d/%m/%Y")]  # the frozen registry's day
runner = CliRunner()


def hnqt(root: Path, *args: str):
    return runner.invoke(app, [*args, "--registry", str(root)], env={"NO_COLOR": "1"})


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("report-kh-nq59-2026-11-22.md", ["kh-nq59", *AS_OF]),
        ("report-kh-nq59-so-y-te-2026-11-22.md", ["kh-nq59", "--so", "SYT", *AS_OF]),
        ("report-agreements-2025-2026-11-22.md", ["agreements", "--year", "2025", *AS_OF]),
        ("report-kh-nq59-2026-11-22.html", ["kh-nq59", "--format", "html", *AS_OF]),
        ("report-agreements-2026-11-22.html", ["agreements", "-f", "html", *AS_OF]),
    ],
)
def test_reports_match_their_golden_files(report_registry: Path, name: str, args: list[str]):
    result = hnqt(report_registry, "report", *args)
    assert result.exit_code == 0, result.output
    golden(name, result.stdout)


def test_the_report_test_data_is_a_registry_validate_accepts(report_registry: Path) -> None:
    """The goldens are made from data hnqt itself would accept (no report counted for no one)."""
    from hnqt.loading import load

    errors = [p for p in load(report_registry, use_cache=False).problems if p.is_error]
    assert errors == []


def test_format_follows_the_output_extension(report_registry: Path, tmp_path: Path) -> None:
    for name, start in (
        ("bao-cao.html", b"<!DOCTYPE html>"),
        ("bao-cao.docx", b"PK"),
        ("bao-cao.md", b"UBND"),
    ):
        target = tmp_path / name
        result = hnqt(report_registry, "report", "kh-nq59", *AS_OF, "-o", str(target))
        assert result.exit_code == 0, result.output
        assert target.read_bytes().startswith(start)
        assert f"đã ghi {target}" in result.output


def test_format_option_wins_over_the_extension(report_registry: Path, tmp_path: Path) -> None:
    target = tmp_path / "bao-cao.txt"
    result = hnqt(report_registry, "report", "kh-nq59", *AS_OF, "-f", "html", "-o", str(target))
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_an_agreement_alone(report_registry: Path) -> None:
    result = hnqt(report_registry, "report", "tt-st-petersburg-2025", "--year", "2025", *AS_OF)
    assert result.exit_code == 0, result.output
    assert "St. Petersburg" in result.stdout
    assert "Minsk" not in result.stdout
    assert "21/05/2025" in result.stdout  # 15 days after signing (Law 70/2020, art. 19)


def test_a_plan_of_the_registry_own_templates_first(report_registry: Path) -> None:
    own = report_registry / "templates"
    own.mkdir()
    (own / "ke-hoach.md.j2").write_text("Mẫu riêng của Sở: {{ plan.id }} {{ year }}\n", "utf-8")
    result = hnqt(report_registry, "report", "kh-nq59", *AS_OF)
    assert result.stdout == "Mẫu riêng của Sở: kh-nq59 2026\n"
    listed = hnqt(report_registry, "report", "--list")
    assert listed.exit_code == 0
    lines = listed.stdout.splitlines()
    assert any("ke-hoach.md.j2" in line and "sổ đăng ký" in line for line in lines)
    assert any("ke-hoach.md.j2" in line and "không dùng" in line for line in lines)
    assert any("ke-hoach.docx" in line and "mặc định của hnqt" in line for line in lines)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["kh-nq59", "-f", "docx"], "báo cáo Word là tệp nhị phân"),
        (["không-có"], "không có kế hoạch hay thỏa thuận “không-có”"),
        ([], "thiếu MÃ"),
        (["kh-nq59", "--so", "Sở Không Có"], "Sở Không Có"),
        (["agreements", "--so", "SYT"], "--so chỉ dùng cho báo cáo kế hoạch"),
        (["kh-nq59", "--as-of", "31/02/2026"], "--as-of"),
        (["kh-nq59", "--year", "3000"], "--year"),
        (["kh-nq59", "-o", "bao-cao.pdf"], "không biết định dạng của “bao-cao.pdf”"),
        (["kh-nq59", "--template", "khong-co.md.j2"], "không có tệp mẫu"),
    ],
)
def test_wrong_uses_exit_2_in_vietnamese_and_write_nothing(
    report_registry: Path, args: list[str], message: str
) -> None:
    before = snapshot(report_registry)
    result = hnqt(report_registry, "report", *args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert snapshot(report_registry) == before


def test_template_of_another_format_is_refused(report_registry: Path, tmp_path: Path) -> None:
    template = tmp_path / "mau.html.j2"
    template.write_text("<p>{{ year }}</p>", "utf-8")
    result = hnqt(report_registry, "report", "kh-nq59", "-f", "md", "--template", str(template))
    assert result.exit_code == 2
    assert "mẫu “mau.html.j2” cho báo cáo html, không phải md" in result.output


@pytest.mark.parametrize(
    ("text", "code", "line", "words"),
    [
        ("dòng 1\n{{ khong_co }}\n", "template-undefined", 2, "“khong_co” không có"),
        ("{{ plan.__class__.__mro__ }}\n", "template-unsafe", 1, "không được truy cập “__class__”"),
        ("a\nb\n{% for t in tasks %}\n", "template-syntax", 3, "khối chưa đóng"),
        ("{{ year|vn_date }}\n", "template-error", 1, "vn_date cần một ngày"),
    ],
)
def test_a_template_mistake_is_exit_1_with_template_and_line_and_no_file(
    report_registry: Path, tmp_path: Path, text: str, code: str, line: int, words: str
) -> None:
    template = tmp_path / "mau.md.j2"
    template.write_text(text, "utf-8")
    target = tmp_path / "bao-cao.md"
    target.write_text("báo cáo cũ", "utf-8")
    result = hnqt(
        report_registry, "report", "kh-nq59", *AS_OF, "--template", str(template), "-o", str(target)
    )
    assert result.exit_code == 1, result.output
    assert f"{template}:{line}:1: lỗi {code}:" in result.output
    assert words in result.output
    assert "Traceback" not in result.output
    assert target.read_text("utf-8") == "báo cáo cũ"  # the old report is kept whole


def test_check_template_lists_every_problem(report_registry: Path, tmp_path: Path) -> None:
    template = tmp_path / "mau.md.j2"
    template.write_text("{{ a }}\n{{ plan.title }}\n{{ b.c }}\n{{ ''.__class__ }}\n", "utf-8")
    result = hnqt(report_registry, "report", "--check-template", str(template), *AS_OF)
    assert result.exit_code == 1
    found = [line for line in result.output.splitlines() if ": lỗi template-" in line]
    assert [line.split(": lỗi ")[0] for line in found] == [
        f"{template}:1:1",
        f"{template}:3:1",
        f"{template}:4:1",
    ]
    assert "3 lỗi" in result.output


def test_check_template_passes_the_shipped_templates(report_registry: Path) -> None:
    from hnqt.render.report_env import package_dir

    for path in sorted(package_dir().glob("[!_]*")):
        result = hnqt(report_registry, "report", "--check-template", str(path), *AS_OF)
        assert result.exit_code == 0, (path, result.output)
        assert "0 lỗi" in result.output


def test_a_word_template_mistake_names_the_paragraph(report_registry: Path, tmp_path: Path):
    from docx import Document

    document = Document()
    document.add_paragraph("Mở đầu bình thường {{ year }}")
    document.add_paragraph("Kết quả của {{ don_vi_khong_co }} trong năm")
    template = tmp_path / "mau.docx"
    document.save(str(template))
    target = tmp_path / "bao-cao.docx"
    result = hnqt(
        report_registry, "report", "kh-nq59", *AS_OF, "--template", str(template), "-o", str(target)
    )
    assert result.exit_code == 1
    assert "“don_vi_khong_co” không có" in result.output
    assert "trong đoạn “Kết quả của {{ don_vi_khong_co }} trong năm”" in result.output
    assert not target.exists()


def word_template(path: Path, *paragraphs: str) -> Path:
    from docx import Document

    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def test_check_template_lists_every_problem_of_a_word_template(
    report_registry: Path, tmp_path: Path
) -> None:
    template = word_template(tmp_path / "mau.docx", "Năm {{ year }}", "Đơn vị {{ khong_co }}",
                             "Bình thường", "Cuối {{ plan.khong_co_nua }}")  # fmt: skip
    result = hnqt(report_registry, "report", "--check-template", str(template), "kh-nq59", *AS_OF)
    assert result.exit_code == 1
    assert (
        "“khong_co” không có" in result.output
        and "trong đoạn “Đơn vị {{ khong_co }}”" in result.output
    )
    assert (
        "“khong_co_nua”" in result.output
        and "trong đoạn “Cuối {{ plan.khong_co_nua }}”" in result.output
    )
    assert "2 lỗi" in result.output


def test_a_word_template_syntax_error_names_the_paragraph(report_registry: Path, tmp_path: Path):
    template = word_template(
        tmp_path / "mau.docx", "Mở đầu", "{%p for t in tasks %}", "{{ t.code }}"
    )
    result = hnqt(report_registry, "report", "kh-nq59", *AS_OF, "--template", str(template),
                  "-o", str(tmp_path / "x.docx"))  # fmt: skip
    assert result.exit_code == 1
    assert "lỗi template-syntax" in result.output and "khối chưa đóng" in result.output
    assert not (tmp_path / "x.docx").exists()


def test_a_file_that_is_not_word_is_told(report_registry: Path, tmp_path: Path) -> None:
    template = tmp_path / "mau.docx"
    template.write_text("không phải Word", "utf-8")
    result = hnqt(report_registry, "report", "kh-nq59", "--template", str(template),
                  "-o", str(tmp_path / "x.docx"))  # fmt: skip
    assert result.exit_code == 1
    assert "không mở được mẫu Word" in result.output and "Traceback" not in result.output


def test_list_outside_a_registry_shows_the_defaults(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["report", "--list"])
    assert result.exit_code == 0
    assert "chỉ có các mẫu mặc định" in result.stdout
    assert "ke-hoach.docx" in result.stdout and "sổ đăng ký  " not in result.stdout


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_every_report_of_the_live_registry_renders(tmp_path: Path, fmt: str) -> None:
    """An invariant on data/ (staff edit it): whatever it holds, every report renders."""
    from hnqt.loading import load

    live = load(REPO)
    for ident in [*sorted(live.plans), "agreements", *sorted(live.agreements)]:
        target = tmp_path / f"{ident}.{fmt}"
        result = hnqt(REPO, "report", ident, "-o", str(target))
        assert result.exit_code == 0, (ident, result.output)
        assert target.stat().st_size > 1000


def test_a_unit_with_no_task_in_the_plan_is_told_so(make_registry) -> None:
    root = make_registry()
    result = hnqt(root, "report", "kh-test", "--so", "Bộ Ngoại giao", *AS_OF)
    assert result.exit_code == 0, result.output
    assert "Kế hoạch không giao nhiệm vụ nào cho Bộ Ngoại giao." in result.stdout
    assert "| Bộ Ngoại giao | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | — |" in result.stdout


def test_files_with_errors_are_warned_about_once_and_the_report_still_made(make_registry) -> None:
    unknown_unit = 'code: "I.3"\ntitle: "Ba"\nlead: ["Sở Y khoa"]\ndeadline: "2026"\n'
    root = make_registry({"data/plans/kh-test/tasks/I-2.yaml": "code: I.2\ntitle: [\n",
                          "data/plans/kh-test/tasks/I-3.yaml": unknown_unit})  # fmt: skip
    result = hnqt(root, "report", "kh-test", *AS_OF)
    assert result.exit_code == 0
    # The file left out is told once (by the loading note), the file read with an error once.
    assert result.stderr.count("I-2.yaml") == 1 and "1 tệp có lỗi không được tính" in result.stderr
    assert "cảnh báo: 1 tệp khác có lỗi (data/plans/kh-test/tasks/I-3.yaml)" in result.stderr
    assert "hnqt validate" in result.stderr
    assert "I.1" in result.stdout and "cảnh báo" not in result.stdout
