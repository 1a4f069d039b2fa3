"""Render an HTML report in headless Chromium to a PNG screenshot (to look at the layout, and
to let the tests check that a real browser opens the file).

    python tools/screenshot_report.py bao-cao.html bao-cao.png [--chromium /usr/bin/chromium]

Exit 0 and the PNG written, or exit 1 with the reason in Vietnamese.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium(explicit: str | None = None) -> str | None:
    if explicit:
        return explicit if Path(explicit).is_file() else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def screenshot(html: Path, png: Path, chromium: str, width: int = 1200, height: int = 1800) -> None:
    """Headless, without network or a profile of the user's: the report must stand alone."""
    with tempfile.TemporaryDirectory(prefix="hnqt-chromium-") as profile:
        command = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--hide-scrollbars",
            f"--window-size={width},{height}",
            f"--screenshot={png.resolve()}",
            html.resolve().as_uri(),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0 or not png.is_file():
        raise RuntimeError(f"Chromium không chụp được ({done.returncode}): {done.stderr[-500:]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Chụp báo cáo HTML bằng Chromium không giao diện.")
    parser.add_argument("html", type=Path)
    parser.add_argument("png", type=Path)
    parser.add_argument("--chromium", default=None)
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=1800)
    args = parser.parse_args(argv)
    chromium = find_chromium(args.chromium)
    if chromium is None:
        print("không tìm thấy Chromium; cài bằng: apt-get install chromium", file=sys.stderr)
        return 1
    try:
        screenshot(args.html, args.png, chromium, args.width, args.height)
    except (RuntimeError, subprocess.TimeoutExpired, OSError) as error:
        print(f"lỗi: {error}", file=sys.stderr)
        return 1
    print(f"đã ghi {args.png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
