"""The HTML reports in a real browser: Playwright driving Debian's chromium (/usr/bin/chromium).

Without Playwright or chromium these tests skip locally and fail under CI (``CI=true``), whose
command installs both. The pages are opened from ``file://``, as an editor opens them.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from align.api import check
from align.report import write_html
from align.rules import all_rules

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "reports"
SEED_000 = REPORTS / "000_0f8b6cd7f140dd0a.html"
SEED_002 = REPORTS / "002_7e11e66b2c51f6d4.html"
XSS = ROOT / "tests" / "data" / "report_xss.md"
CHROMIUM = Path(os.environ.get("ALIGN_CHROMIUM", "/usr/bin/chromium"))
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
PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
)


def _browser_missing() -> str | None:
    if importlib.util.find_spec("playwright") is None:
        return "playwright is not installed (pip install -e '.[test]')"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    missing = _browser_missing()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests cannot run under CI: {missing}")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@dataclass
class Opened:
    """A page and everything it did: console messages, uncaught errors, requests, dialogs."""

    page: Page
    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def open_report(browser: Browser, path: Path, width: int = 1280, height: int = 900) -> Opened:
    page = browser.new_page(viewport={"width": width, "height": height})
    opened = Opened(page)
    page.on("console", lambda message: opened.console.append((message.type, message.text)))
    page.on("pageerror", lambda error: opened.errors.append(str(error)))
    page.on("request", lambda request: opened.requests.append(request.url))
    page.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(path.as_uri())
    return opened


@pytest.fixture(scope="module")
def xss_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile manuscript's page, and a batch whose file names are payloads too."""
    folder = tmp_path_factory.mktemp("xss")
    result = check(XSS)
    document = replace(result.detection.document, path=str(folder / '"><svg onload=alert(1)>.md'))
    renamed = replace(result, detection=replace(result.detection, document=document))
    write_html([result, renamed], folder / "batch")
    (page,) = write_html([result], folder / "report_xss.html")
    return page


# The text a reader sees in an element, without tooltips and finding numbers.
_READER_TEXT = """els => els.map(el => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('.tip, .fref').forEach(x => x.remove());
    return copy.textContent;
})"""


def _mark_text(page: Page, selector: str) -> list[str]:
    """The manuscript text of each mark (its tooltip and finding number left out)."""
    return page.eval_on_selector_all(selector, "ms => ms.map(m => m.firstChild.textContent)")


def test_seed_reports_load_without_errors_or_requests(browser: Browser) -> None:
    for path in (SEED_000, SEED_002, REPORTS / "index.html"):
        opened = open_report(browser, path)
        opened.page.wait_for_load_state("load")
        assert not [c for c in opened.console if c[0] in {"error", "warning"}], (path.name, opened.console)
        assert not opened.errors, (path.name, opened.errors)
        assert opened.requests == [path.as_uri()], path.name
        opened.page.close()


def test_three_columns_hold_the_three_languages(browser: Browser) -> None:
    page = open_report(browser, SEED_000).page
    headers = page.eval_on_selector_all("#role-abstract thead th.lang-col", "ths => ths.map(t => t.dataset.lang)")
    assert headers == ["en", "kk", "ru"]
    # Every cell sits under the header of its language, whatever the row spans.
    misplaced = page.evaluate(
        """() => [...document.querySelectorAll('table.align td.cell')].filter(td => {
            const th = td.closest('table').querySelector(`thead th[data-lang="${td.lang}"]`);
            return Math.abs(th.getBoundingClientRect().left - td.getBoundingClientRect().left) > 1;
        }).length"""
    )
    assert misplaced == 0
    langs_per_row = page.eval_on_selector_all(
        "table.align tbody.group",
        "gs => gs.map(g => [...new Set([...g.querySelectorAll('td.cell')].map(c => c.lang))])",
    )
    assert len(langs_per_row) >= 1 + 6 + 7 and all(sorted(row) == ["en", "kk", "ru"] for row in langs_per_row)
    langs = page.eval_on_selector_all("#role-abstract tbody tr", "trs => trs.map(tr => [...tr.cells].map(c => c.lang))")
    assert all(row[1:4] == ["en", "kk", "ru"] for row in langs)
    page.close()


@pytest.mark.skipif("AL031" not in {rule.code for rule in all_rules()}, reason="the term rule AL031 is not there yet")
@pytest.mark.parametrize(
    ("english", "other_lang", "other", "suggestion"),
    [
        ("great powers", "ru", "супердержавы", "великие державы"),
        ("Council of Europe", "kk", "Еуропалық Кеңес", "Еуропа Кеңесі"),
    ],
)
def test_term_findings_are_marked_in_both_cells(
    browser: Browser, english: str, other_lang: str, other: str, suggestion: str
) -> None:
    page = open_report(browser, SEED_000).page
    finding = page.locator("tr.finding[data-rule='AL031']", has_text=other)
    target = finding.get_attribute("data-target")
    row = page.locator(f"tbody#{target}")
    english_mark = row.locator("td[lang='en'] mark.hl")
    other_mark = row.locator(f"td[lang='{other_lang}'] mark.hl")
    assert _mark_text(page, f"tbody#{target} td[lang='en'] mark.hl") == [english]
    assert _mark_text(page, f"tbody#{target} td[lang='{other_lang}'] mark.hl") == [other]
    colours = [m.evaluate("m => getComputedStyle(m).backgroundColor") for m in (english_mark, other_mark)]
    assert colours[0] == colours[1] != "rgba(0, 0, 0, 0)"
    all_colours = page.eval_on_selector_all(
        "mark.hl", "ms => new Set(ms.map(m => getComputedStyle(m).backgroundColor)).size"
    )
    assert all_colours == 2  # the two findings do not share a colour
    tooltip = other_mark.locator(".tip")
    assert not tooltip.is_visible()
    other_mark.hover()
    assert tooltip.is_visible()
    assert "AL031" in tooltip.inner_text() and suggestion in tooltip.inner_text()
    page.mouse.move(0, 0)
    english_mark.focus()  # keyboard users get the same tooltip
    assert english_mark.locator(".tip").is_visible()
    page.close()


def test_clicking_a_finding_scrolls_to_its_row(browser: Browser) -> None:
    page = open_report(browser, SEED_000, width=1000, height=500).page
    link = page.locator("tr.finding a.goto").last
    target = page.locator("tbody#" + (link.get_attribute("href") or "#")[1:])
    assert not _in_viewport(page, target)
    link.click()
    page.wait_for_function("() => document.activeElement && document.activeElement.tagName === 'TBODY'")
    assert _in_viewport(page, target)
    assert target.evaluate("t => t === document.activeElement && t.classList.contains('current')")
    page.close()


def _in_viewport(page: Page, locator: Any) -> bool:
    box = locator.bounding_box()
    height = page.viewport_size["height"] if page.viewport_size else 0
    return box is not None and box["y"] >= 0 and box["y"] + min(box["height"], height) <= height


def test_filters_hide_and_show_rows(browser: Browser, xss_report: Path) -> None:
    page = open_report(browser, xss_report).page
    findings = page.locator("tr.finding")
    total = findings.count()
    infos = page.locator("tr.finding[data-severity='info']").count()
    assert 0 < infos < total
    page.get_by_role("checkbox", name="info").uncheck()
    assert page.locator("tr.finding:visible").count() == total - infos
    assert page.locator("tr.finding[data-severity='info']:visible").count() == 0
    assert page.locator("#shown-count").inner_text() == str(total - infos)
    page.locator("input[data-filter='rule'][value='AL031']").uncheck()
    assert page.locator("tr.finding[data-rule='AL031']:visible").count() == 0
    assert page.locator(f"mark.hl[data-findings~='f{_number(page, 'AL031')}']").first.evaluate(
        "m => m.classList.contains('muted')"
    )
    groups = page.locator("tbody.group")
    page.locator("#only-flagged").check()
    shown = page.locator("tbody.group:visible").count()
    assert 0 < shown < groups.count()
    page.locator("input[data-filter='rule'][value='AL031']").check()
    page.get_by_role("checkbox", name="info").check()
    assert page.locator("tbody.group:visible").count() > shown
    page.locator("#only-flagged").uncheck()
    assert page.locator("tbody.group:visible").count() == groups.count()
    assert page.locator("tr.finding:visible").count() == total
    page.close()


def _number(page: Page, rule: str) -> str:
    return (page.locator(f"tr.finding[data-rule='{rule}']").first.get_attribute("id") or "f")[1:]


def test_hostile_manuscript_shows_its_payloads_as_text(browser: Browser, xss_report: Path) -> None:
    opened = open_report(browser, xss_report)
    page = opened.page
    page.locator("mark.hl").first.hover()
    page.locator("mark.hl").last.focus()
    for lang in ("en", "kk", "ru"):
        text = page.eval_on_selector_all(f"#role-abstract td[lang='{lang}'] .seg", _READER_TEXT)
        for payload in PAYLOADS:
            assert payload in " ".join(text), (lang, payload)
    assert page.evaluate("() => document.querySelectorAll('img, svg, iframe, object, embed').length") == 0
    assert page.evaluate("() => document.scripts.length") == 1
    assert not opened.dialogs and not opened.errors
    assert opened.requests == [xss_report.as_uri()]
    index = open_report(browser, xss_report.parent / "batch" / "index.html")
    names = index.page.locator("#batch tbody td:first-child a").all_inner_texts()
    assert '"><svg onload=alert(1)>.md' in names
    index.page.locator("#batch tbody a", has_text="svg").click()
    index.page.wait_for_load_state("load")
    assert index.page.url.endswith("svg_onload_alert_1.html")
    assert not index.dialogs and not index.errors
    page.close()
    index.page.close()


def test_index_sorts_and_filters(browser: Browser) -> None:
    page = open_report(browser, REPORTS / "index.html").page
    names = page.locator("#batch tbody tr td:first-child a")
    counts = page.locator("#batch tbody tr td:nth-child(3)")
    header = page.locator("#batch th", has=page.get_by_role("button", name="error"))
    page.get_by_role("button", name="error").click()
    assert header.get_attribute("aria-sort") == "ascending"
    ascending = [int(c) for c in counts.all_inner_texts()]
    assert ascending == sorted(ascending)
    page.get_by_role("button", name="error").press("Enter")  # buttons: the keyboard sorts too
    assert header.get_attribute("aria-sort") == "descending"
    assert [int(c) for c in counts.all_inner_texts()] == sorted(ascending, reverse=True)
    page.locator("#name-filter").fill("002_")
    assert page.locator("#batch tbody tr:visible").count() == 1
    assert "002_" in names.filter(visible=True).inner_text()
    page.locator("#name-filter").fill("")
    page.locator("#status-filter").select_option("pass")
    visible = page.locator("#batch tbody tr:visible").count()
    passing = page.locator("#batch tbody tr[data-status='pass']").count()
    assert visible == passing
    page.close()


def test_a_narrow_screen_does_not_scroll_sideways(browser: Browser) -> None:
    page = open_report(browser, SEED_000, width=380, height=800).page
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 380
    assert page.locator("#role-abstract thead").is_hidden()
    page.close()
