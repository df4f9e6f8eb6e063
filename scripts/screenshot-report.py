"""Screenshots of a report for the README: the top of the page, and the evidence with its tooltip.

Usage: python3 scripts/screenshot-report.py reports/000_0f8b6cd7f140dd0a.html
Writes ``<name>.png`` (summary and findings) and ``<name>-evidence.png`` (the abstract table with
the tooltip of the first highlighted term open) beside the report. Needs Playwright and
/usr/bin/chromium (``apt-get install chromium``); never downloads a browser.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main(report: Path) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
        page.goto(report.resolve().as_uri())
        page.screenshot(path=report.with_suffix(".png"))
        marks = page.locator("#role-abstract mark.hl")
        first = marks.first.locator("xpath=ancestor::tbody[1]").bounding_box()
        last = marks.last.locator("xpath=ancestor::tbody[1]").bounding_box()
        assert first is not None and last is not None
        top = first["y"] - 10
        page.locator("#role-abstract td[lang=ru] mark.hl").first.focus()  # opens its tooltip
        page.screenshot(
            path=report.with_name(report.stem + "-evidence.png"),
            clip={"x": 0, "y": top, "width": 1280, "height": last["y"] + last["height"] + 10 - top},
            full_page=True,
        )
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
