"""The HTML consistency report: one self-contained page per manuscript, and a batch index.

>>> from align.api import check
>>> from align.report import render_report
>>> html = render_report(check("corpora/samples/000_0f8b6cd7f140dd0a.txt"))
>>> html.startswith("<!DOCTYPE html>")
True
"""

from align.report.render import (
    IndexEntry,
    content_security_policy,
    page_names,
    render_index,
    render_report,
    render_view,
    report_time,
    write_html,
)
from align.report.view import ReportView, build_view

__all__ = [
    "IndexEntry",
    "ReportView",
    "build_view",
    "content_security_policy",
    "page_names",
    "render_index",
    "render_report",
    "render_view",
    "report_time",
    "write_html",
]
