"""The HTML report without a browser: what goes in which cell, escaping, CSP, reproducibility, the CLI."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
from dataclasses import replace
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sacrebleu.metrics.chrf import CHRF
from typer.testing import CliRunner

from align.aligner import TriAlignment, Triple
from align.api import CheckResult, check
from align.cli import app
from align.report import build_view, page_names, render_index, render_report, render_view, write_html
from align.report.chrf import chrf
from align.report.render import IndexEntry
from align.report.view import _pieces
from align.rules import Severity

XSS = Path(__file__).resolve().parent / "data" / "report_xss.md"
PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
)
WHEN = datetime(2026, 1, 2, 3, 4, tzinfo=UTC)
runner = CliRunner()


@pytest.fixture(scope="module")
def xss_result() -> CheckResult:
    return check(XSS)


@pytest.fixture
def quick_check(xss_result: CheckResult, monkeypatch: pytest.MonkeyPatch) -> None:
    """``align.api.check`` for the CLI tests: the hostile manuscript's result under the path asked
    for (a full check costs a second each); files that are not copies of it get the real check."""

    def fake(path: str | Path, **options: object) -> CheckResult:
        if Path(path).read_bytes() != XSS.read_bytes():
            return check(path, **options)  # type: ignore[arg-type]
        document = replace(xss_result.detection.document, path=str(path))
        return replace(xss_result, detection=replace(xss_result.detection, document=document))

    monkeypatch.setattr("align.api.check", fake)


VOID = {"meta", "input", "br", "link", "img", "hr", "wbr", "col", "source"}


class Page(HTMLParser):
    """Every element and attribute of a page, the text of its scripts, and the text a reader sees
    in the cells (tooltips and finding numbers left out)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._open: list[tuple[str, bool]] = []  # (tag, starts text a reader does not see)
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "script":
            self.scripts.append("")
        if tag not in VOID:
            classes = (attributes.get("class") or "").split()
            self._open.append((tag, tag in {"script", "style"} or "tip" in classes or "fref" in classes))

    def handle_endtag(self, tag: str) -> None:
        while self._open and self._open.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if self._open and self._open[-1][0] == "script":
            self.scripts[-1] += data
        elif not any(hidden for _, hidden in self._open):
            self.text.append(data)

    def elements(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


@pytest.mark.parametrize(
    ("hypothesis", "reference"),
    [
        ("Қазақстан Еуропалық Кеңес ұйымымен", "Казахстан сотрудничает с Советом Европы"),
        ("Kazakhstan works with the Council of Europe.", "Kazakhstan works with Europe."),
        ("same", "same"),
        ("a", "b"),
        ("", "text"),
        ("ab cd", "abcd"),
    ],
)
def test_chrf_is_sacrebleus(hypothesis: str, reference: str) -> None:
    assert chrf(hypothesis, reference) == pytest.approx(CHRF().sentence_score(hypothesis, [reference]).score, abs=1e-9)


def test_pieces_are_cut_at_every_span_boundary() -> None:
    pieces = _pieces("abcdefghij", 0, 10, [(2, 5, 1), (4, 8, 2)], {1: 0, 2: 1}, "t")
    assert [p.text for p in pieces] == ["ab", "cd", "e", "fgh", "ij"]
    assert [p.marks for p in pieces] == [(), (1,), (1, 2), (2,), ()]
    assert [p.ends for p in pieces] == [(), (), (1,), (2,), ()]
    assert [p.colour for p in pieces if p.marks] == [0, 0, 1]


def test_evidence_is_marked_in_the_cells_of_its_languages(xss_result: CheckResult) -> None:
    view = build_view(xss_result, fail_level=Severity.error, generated=WHEN)
    (term,) = [f for f in view.findings if f.rule == "AL031"]
    abstract = next(t for t in view.tables if t.role == "abstract")
    group = next(g for g in abstract.groups if g.id == term.target)
    marked = {
        cell.lang: "".join(p.text for s in cell.segments for p in s.pieces if term.number in p.marks)
        for row in group.rows
        for cell in row
    }
    assert marked == {"en": "Council of Europe", "kk": "Еуропалық Кеңес", "ru": ""}
    assert not view.passed and dict(view.severity_counts)["error"] == 1
    assert ("AL031", "deprecated-term", 1) in view.rule_counts
    assert group.kk_ru_chrf is not None and 0 < group.kk_ru_chrf < 60


def test_merged_cells_and_omissions(xss_result: CheckResult) -> None:
    """An EN 2 : KK 1 : RU 0 link is two rows, the Kazakh cell spanning both, the Russian one an omission."""
    abstract = xss_result.alignments["abstract"]
    triples = [Triple((0, 1), (0,), (), 0.42), Triple((2, 3), (1, 2, 3), (0, 1, 2, 3), 0.9)]
    alignments = {**xss_result.alignments, "abstract": replace(abstract, alignment=TriAlignment({}, triples))}
    result = CheckResult(xss_result.detection, alignments, ())
    html = render_report(result, generated=WHEN)
    first = html[html.index('id="row-abstract-1"') : html.index('id="row-abstract-2"')]
    assert first.count("<tr>") == 2
    assert re.search(r'<td lang="kk" data-label="KK" rowspan="2" class="cell merged', first)
    assert re.search(r'<td lang="ru" data-label="RU" rowspan="2" class="cell omitted', first)
    assert len(re.findall(r'<td lang="en" data-label="EN" class="cell', first)) == 2
    assert 'class="link"' in first and "2:1:0" in first
    assert "conf-low" in first and "0.42" in first
    second = html[html.index('id="row-abstract-2"') :]
    assert re.search(r'<td lang="en" data-label="EN" rowspan="4" class="cell merged', second)


def test_a_role_only_one_language_has_is_shown_unaligned(xss_result: CheckResult) -> None:
    alignments = {role: a for role, a in xss_result.alignments.items() if role != "title"}
    blocks = tuple(b for b in xss_result.detection.blocks if not (b.role == "title" and b.lang != "ru"))
    detection = replace(xss_result.detection, blocks=blocks)
    view = build_view(CheckResult(detection, alignments, ()), fail_level=Severity.error, generated=WHEN)
    title = next(t for t in view.tables if t.role == "title")
    assert not title.aligned and title.missing_langs == ("en", "kk")
    ((cells,),) = [g.rows for g in title.groups]
    assert [(c.lang, c.omitted, c.block_missing) for c in cells] == [
        ("en", True, True),
        ("kk", True, True),
        ("ru", False, False),
    ]


def test_manuscript_text_is_never_markup(xss_result: CheckResult) -> None:
    html = render_report(xss_result, generated=WHEN)
    page = Page(html)
    assert not page.elements("img") and not page.elements("svg") and not page.elements("iframe")
    assert len(page.elements("script")) == 1
    for tag, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert "src" not in attrs, (tag, attrs)
        href = attrs.get("href")
        assert href is None or href.startswith("#"), (tag, attrs)
    text = "".join(page.text)
    for payload in PAYLOADS:
        assert text.count(payload) >= 3, payload  # one per language, as written


def test_csp_allows_only_the_inline_script(xss_result: CheckResult) -> None:
    page = Page(render_report(xss_result, generated=WHEN))
    (meta,) = [a for a in page.elements("meta") if a.get("http-equiv") == "Content-Security-Policy"]
    policy = dict(part.strip().split(" ", 1) for part in (meta["content"] or "").split(";"))
    digest = base64.b64encode(hashlib.sha256(page.scripts[0].encode()).digest()).decode()
    assert policy["script-src"] == f"'sha256-{digest}'"
    assert policy["default-src"] == "'none'" and policy["img-src"] == "data:"
    assert "unsafe-inline" not in policy["script-src"]


def test_the_date_is_injectable_and_the_output_reproducible(
    xss_result: CheckResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 00:00 UTC
    first, second = render_report(xss_result), render_report(xss_result)
    assert first == second
    assert '<time datetime="2026-01-01T00:00:00+00:00">2026-01-01 00:00 UTC</time>' in first
    assert "abstract-align 0." in first


def test_page_names_are_unique_and_inert() -> None:
    names = page_names(
        ["a/paper.md", "b/paper.txt", "index.md", 'x"><img src=x onerror=alert(1)>.md', "javascript:alert(1).md"]
    )
    assert names[:3] == ["paper.html", "paper-2.html", "index-2.html"]
    assert all(re.fullmatch(r"[\w.-]+\.html", name) for name in names)
    assert names[4].startswith("javascript_alert")


def test_index_lists_each_manuscript(xss_result: CheckResult) -> None:
    view = build_view(xss_result, fail_level=Severity.error, generated=WHEN)
    entries = [
        IndexEntry("<b>x</b>.md", "<b>x</b>.md", "b_x_b.html", view.passed, view.severity_counts),
        IndexEntry("ok.md", "ok.md", "ok.html", True, (("error", 0), ("warning", 2), ("info", 0))),
        IndexEntry("bad.md", "bad.md", None, None, (("error", 0), ("warning", 0), ("info", 0)), "file is empty"),
    ]
    html = render_index(entries, generated=WHEN)
    page = Page(html)
    rows = [a for a in page.elements("tr") if "data-status" in a]
    assert [(r["data-status"], r["data-error"], r["data-warning"]) for r in rows] == [
        ("fail", "1", "6"),
        ("pass", "0", "2"),
        ("unreadable", "0", "0"),
    ]
    assert [a["href"] for a in page.elements("a")] == ["./b_x_b.html", "./ok.html"]
    assert "&lt;b&gt;x&lt;/b&gt;.md" in html and "file is empty" in html
    assert render_view(view, index_href="index.html").count('href="index.html"') == 1


@pytest.mark.usefixtures("quick_check")
def test_check_html_writes_one_page_and_keeps_the_exit_code(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "report.html"
    result = runner.invoke(app, ["check", str(XSS), "--html", str(out)])
    assert result.exit_code == 1, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.usefixtures("quick_check")
def test_report_of_several_manuscripts_is_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(XSS, folder / "paper.md")
    shutil.copy(XSS, folder / 'x"><svg onload=alert(1)>.md')
    (folder / "empty.md").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["report", str(folder), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2  # the empty file, reported on stderr and in the index
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "index.html",
        "paper.html",
        "x_svg_onload_alert_1.html",
    ]
    index = Page((tmp_path / "out" / "index.html").read_text(encoding="utf-8"))
    statuses = sorted(a["data-status"] or "" for a in index.elements("tr") if "data-status" in a)
    assert statuses == ["fail", "fail", "unreadable"]
    assert not index.elements("svg")


def test_report_needs_a_folder_for_several_manuscripts(tmp_path: Path) -> None:
    other = tmp_path / "other.md"
    shutil.copy(XSS, other)
    result = runner.invoke(app, ["report", str(XSS), str(other)])
    assert result.exit_code == 2
    assert "-o FOLDER" in result.output


def test_write_html_returns_what_it_wrote(xss_result: CheckResult, tmp_path: Path) -> None:
    written = write_html([xss_result, xss_result], tmp_path / "batch", generated=WHEN)
    assert [p.name for p in written] == ["index.html", "report_xss.html", "report_xss-2.html"]
    assert all(p.stat().st_mode & 0o044 == 0o044 for p in written)  # readable by others
