"""Self-contained HTML pages from the report views: Jinja2 templates, autoescaped, with a strict CSP.

The pages carry their CSS and JavaScript inline and load nothing. The scripts are static files of
this package (they read the page's ``data-*`` attributes, never manuscript text as code), so the
Content-Security-Policy allows exactly them by hash and no inline event handler or other script.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from align import __version__
from align.report.view import LANG_NAMES, ReportView, build_view
from align.rules import Severity

if TYPE_CHECKING:
    from align.api import CheckResult
    from align.errors import InputError


def report_time() -> datetime:
    """Now, or the time ``SOURCE_DATE_EPOCH`` gives, so that reports can be rebuilt byte for byte."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC).replace(microsecond=0)


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("align.report", "templates"),
        autoescape=True,  # every manuscript string is text, whatever it contains
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["markdown"] = _markdown
    env.globals["lang_names"] = LANG_NAMES
    return env


@cache  # the same rule documentation goes into every page of a batch
def _markdown(text: str) -> Markup:
    """Rule documentation (our own docstrings) as HTML; raw HTML in it is escaped all the same."""
    from markdown_it import MarkdownIt

    return Markup(MarkdownIt("commonmark", {"html": False}).render(text))  # markdown-it escapes raw HTML


@dataclass(frozen=True)
class _Asset:
    """A static file inlined into the page, with its CSP hash when it is a script."""

    text: Markup
    sha256: str


@cache
def _asset(name: str) -> _Asset:
    text = files("align.report").joinpath("templates", name).read_text(encoding="utf-8")
    if "</" in text:  # would end the inline <script>/<style> element early
        raise ValueError(f"{name} must not contain '</'")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return _Asset(Markup(text), f"sha256-{digest}")  # a file of this package


def content_security_policy(script: str) -> str:
    """No network, no plugins, no forms; only the page's own script (by hash) runs."""
    return (
        "default-src 'none'; "
        "style-src 'unsafe-inline'; "
        f"script-src '{_asset(script).sha256}'; "
        "img-src data:; "
        "base-uri 'none'; "
        "form-action 'none'"
    )


def render_report(
    result: CheckResult,
    *,
    fail_level: Severity = Severity.error,
    generated: datetime | None = None,
    index_href: str | None = None,
) -> str:
    """The HTML report of one manuscript; ``index_href`` links back to a batch index."""
    view = build_view(result, fail_level=fail_level, generated=generated or report_time())
    return render_view(view, index_href=index_href)


def render_view(view: ReportView, *, index_href: str | None = None) -> str:
    template = _environment().get_template("report.html.j2")
    return template.render(
        view=view,
        index_href=index_href,
        css=_asset("report.css").text,
        script=_asset("report.js").text,
        csp=content_security_policy("report.js"),
    )


@dataclass(frozen=True)
class IndexEntry:
    """One manuscript of a batch: where its page is and what it found (``error`` when unreadable)."""

    name: str
    path: str
    href: str | None
    passed: bool | None
    counts: tuple[tuple[str, int], ...]
    error: str | None = None

    @property
    def status(self) -> str:
        if self.passed is None:
            return "unreadable"
        return "pass" if self.passed else "fail"

    @property
    def total(self) -> int:
        return sum(count for _, count in self.counts)


def render_index(
    entries: Sequence[IndexEntry], *, fail_level: Severity = Severity.error, generated: datetime | None = None
) -> str:
    """The batch overview: one row per manuscript, sortable and filterable."""
    template = _environment().get_template("index.html.j2")
    return template.render(
        entries=entries,
        fail_level=fail_level.name,
        generated=generated or report_time(),
        version=__version__,
        severities=[s.name for s in sorted(Severity, reverse=True)],
        css=_asset("report.css").text,
        script=_asset("index.js").text,
        csp=content_security_policy("index.js"),
    )


def write_html(
    results: Sequence[CheckResult],
    out: Path,
    *,
    fail_level: Severity = Severity.error,
    errors: Sequence[InputError] = (),
    generated: datetime | None = None,
) -> list[Path]:
    """Write the report of one manuscript to the file ``out``; several go to the folder ``out``.

    A folder gets ``index.html`` and one page per manuscript named after its file. Returns the
    files written.
    """
    generated = generated or report_time()
    if len(results) == 1 and not errors and not out.is_dir():
        out.parent.mkdir(parents=True, exist_ok=True)
        _write(out, render_report(results[0], fail_level=fail_level, generated=generated))
        return [out]
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    entries: list[IndexEntry] = []
    names = page_names([r.detection.document.path for r in results])
    for result, name in zip(results, names, strict=True):
        view = build_view(result, fail_level=fail_level, generated=generated)
        page = out / name
        _write(page, render_view(view, index_href="index.html"))
        written.append(page)
        entries.append(IndexEntry(view.name, view.path, name, view.passed, view.severity_counts))
    severities = tuple((s.name, 0) for s in sorted(Severity, reverse=True))
    entries.extend(IndexEntry(Path(e.path).name, e.path, None, None, severities, e.problem) for e in errors)
    index = out / "index.html"
    _write(index, render_index(entries, fail_level=fail_level, generated=generated))
    return [index, *written]


def _write(path: Path, html: str) -> None:
    from align.formats.write import write_atomic

    write_atomic(path, html)
    path.chmod(0o644)  # a report is for reading by others (the temporary file was private)


def page_names(paths: Sequence[str]) -> list[str]:
    """``paper.html`` per manuscript, ``paper-2.html`` for a second ``paper``, never ``index.html``."""
    taken: set[str] = {"index"}
    names: list[str] = []
    for path in paths:
        # Only letters, digits, '.', '_' and '-': a file name never becomes markup or a URL scheme.
        stem = re.sub(r"[^\w.-]+", "_", Path(path).stem).strip("._") or "manuscript"
        candidate, number = stem, 1
        while candidate.casefold() in taken:
            number += 1
            candidate = f"{stem}-{number}"
        taken.add(candidate.casefold())
        names.append(f"{candidate}.html")
    return names
