"""The HTML report: one self-contained, printable file (read with an HTML parser), its SVG
chart of statuses per lead unit, registry text escaped, and a real browser opening it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import AS_OF, REPO
from hnqt.cli import app
from hnqt.loading import load
from hnqt.queries import stats

runner = CliRunner()
SCREENSHOT = REPO / "tools" / "screenshot_report.py"


class Page(HTMLParser):
    """Every start tag with its attributes, the text of <style> and <script>, the body text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.styles: list[str] = []
        self.text: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._in:
            while self._in.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._in and self._in[-1] == "style":
            self.styles.append(data)
        else:
            self.text.append(data)

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def html_report(root: Path, *args: str) -> tuple[str, Page]:
    result = runner.invoke(
        app,
        [
            "report",
            "kh-nq59",
            "-f",
            "html",
            "--as-of",
            AS_OF.strftime("%d/%m/%Y"),
            *args,
            "--registry",
            str(root),
        ],
    )
    assert result.exit_code == 0, result.output
    page = Page()
    page.feed(result.stdout)
    page.close()
    return result.stdout, page


def test_one_self_contained_printable_file(report_registry: Path) -> None:
    _, page = html_report(report_registry)
    assert page.named("script") == []
    assert page.named("link") == [] and page.named("img") == [] and page.named("iframe") == []
    for _, attrs in page.tags:
        for name, value in attrs.items():
            if name in ("src", "href") and value:
                pytest.fail(f"an outside resource: {name}={value}")
    css = "".join(page.styles)
    assert "@media print" in css and "@page" in css and "size: A4" in css
    assert "url(" not in css and "@import" not in css
    assert page.named("meta")[0] == {"charset": "utf-8"}
    assert page.named("html")[0]["lang"] == "vi"


def test_chart_of_statuses_per_lead_unit(report_registry: Path) -> None:
    _, page = html_report(report_registry)
    svgs = page.named("svg")
    assert len(svgs) == 1 and svgs[0]["role"] == "img"
    text = "".join(page.text)
    for unit in ("Sở Công Thương", "Văn phòng UBND Thành phố", "Sở Y tế"):
        assert unit in text
    # One bar piece per non-zero count of each lead unit, plus a legend square per status.
    rows = stats(load(report_registry), AS_OF, "kh-nq59")[:-1]
    bars = [a for a in page.named("rect") if a.get("height") == "22"]
    assert len(bars) == sum(1 for row in rows for count in row.counts.values() if count)
    assert len([a for a in page.named("rect") if a.get("height") == "12"]) == 7
    health = next(row for row in rows if row.unit and row.unit.name == "Sở Y tế")
    assert f"Quá hạn: {health.counts['overdue']}" in text


def test_a_title_with_a_script_tag_is_text(report_registry: Path) -> None:
    task = report_registry / "data/plans/kh-nq59/tasks/V-19.yaml"
    source = task.read_text("utf-8").replace(
        'title: "Tổ chức triển khai', 'title: "<script>alert(1)</script> Tổ chức triển khai'
    )
    task.write_text(source, "utf-8")
    raw, page = html_report(report_registry)
    assert page.named("script") == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in raw
    assert "<script>alert(1)</script> Tổ chức" in "".join(page.text)
    md = runner.invoke(
        app,
        [
            "report",
            "kh-nq59",
            "--as-of",
            AS_OF.strftime("%d/%m/%Y"),
            "--registry",
            str(report_registry),
        ],
    )
    assert "<script>" not in md.stdout and "&lt;script&gt;alert(1)" in md.stdout


def test_a_registry_template_can_extend_the_default_frame(report_registry: Path) -> None:
    own = report_registry / "templates"
    own.mkdir()
    (own / "ke-hoach.html.j2").write_text(
        '{% extends "_khung.html.j2" %}{% block body %}<p>Riêng: {{ year }}</p>{% endblock %}',
        "utf-8",
    )
    raw, _ = html_report(report_registry)
    assert "<p>Riêng: 2026</p>" in raw and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in raw


CHROMIUM = next(
    (p for p in ("/usr/bin/chromium", shutil.which("chromium") or "") if p and Path(p).is_file()),
    None,
)


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium không được cài (apt-get install chromium)")
def test_chromium_renders_the_report(report_registry: Path, tmp_path: Path) -> None:
    raw, _ = html_report(report_registry)
    html, png = tmp_path / "bao-cao.html", tmp_path / "bao-cao.png"
    html.write_text(raw, "utf-8")
    done = subprocess.run(
        [sys.executable, str(SCREENSHOT), str(html), str(png), "--chromium", str(CHROMIUM)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000  # a page drawn, not a blank


def test_the_screenshot_script_says_why_it_cannot_run(tmp_path: Path) -> None:
    html = tmp_path / "a.html"
    html.write_text("<p>x</p>", "utf-8")
    done = subprocess.run(
        [sys.executable, str(SCREENSHOT), str(html), str(tmp_path / "a.png"),
         "--chromium", str(tmp_path / "khong-co-chromium")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert "không tìm thấy Chromium" in done.stderr and not (tmp_path / "a.png").exists()
