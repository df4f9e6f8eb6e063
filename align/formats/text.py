"""Readable terminal output (Rich) for people."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from align.model import ROLES, Block, Detection
from align.rules.base import Severity

if TYPE_CHECKING:
    from align.api import CheckResult
    from align.rules import Finding

_FIXED_COLUMNS_WIDTH = 70  # room the other columns and borders take; the content preview gets the rest


def print_detections(detections: Sequence[Detection], console: Console) -> None:
    for detection in detections:
        table = Table(title=f"{detection.document.path} ({detection.document.encoding})", title_justify="left")
        for column in ("lang", "script", "role", "label", "lines", "sentences"):
            justify = "right" if column in {"lines", "sentences"} else "left"
            table.add_column(column, justify=justify, no_wrap=True)
        table.add_column("content")
        preview = max(console.width - _FIXED_COLUMNS_WIDTH, 10)
        for block in detection.blocks:
            label = escape(block.label or "–")
            if block.label_lang and block.label_lang != block.lang:
                label += f" [yellow]({block.label_lang} label)[/]"
            if block.role == "keywords":
                content = f"{len(block.keywords)}: " + "; ".join(block.keywords)
            else:
                content = " ".join(block.text.split())
            table.add_row(
                block.lang,
                block.script,
                block.role,
                label,
                f"{block.start_line}–{block.end_line}",
                str(len(block.sentences)) if block.role != "keywords" else "",
                escape(content if len(content) <= preview else content[: preview - 1] + "…"),
            )
        console.print(table)
        if detection.missing:
            missing = ", ".join(f"{m.lang} {m.role}" for m in detection.missing)
            console.print(f"[bold red]missing:[/] {missing}")
        else:
            console.print("[green]all expected blocks found[/]")
        console.print()


_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def print_check_results(
    results: Sequence[CheckResult],
    console: Console,
    *,
    fail_level: Severity,
    unreadable: int = 0,
    baselined: int | None = None,
) -> None:
    """Findings grouped by document and block, each with its sentences and the evidence highlighted.

    ``unreadable`` inputs (reported on stderr) make the verdict ERROR: a run that could not read
    everything has not passed. ``baselined``: findings a baseline accepted, not shown (None: no baseline).
    """
    for result in results:
        console.print(Text(result.detection.document.path, style="bold underline"))
        if not result.findings:
            console.print("  [green]no findings[/]")
        for role in (None, *ROLES):
            findings = [f for f in result.findings if f.role == role]
            if not findings:
                continue
            if role:
                console.print(f"  [bold]{role}[/]")
            for finding in findings:
                _print_finding(result, finding, console)
        console.print()
    counts = Counter(str(f.severity) for r in results for f in r.findings)
    failed = any(f.severity >= fail_level for r in results for f in r.findings)
    summary = ", ".join(f"{counts[s.name]} {s.name}" for s in sorted(Severity, reverse=True))
    if baselined is not None:
        summary += f"; {baselined} baselined"
    verdict = "[bold red]FAIL[/]" if failed else "[bold green]PASS[/]"
    if unreadable:
        verdict = f"[bold red]ERROR[/] ({unreadable} input{'s' if unreadable > 1 else ''} could not be read)"
    console.print(f"{verdict} ({summary}; fail level: {fail_level.name})")


def _print_finding(result: CheckResult, finding: Finding, console: Console) -> None:
    style = _SEVERITY_STYLE[str(finding.severity)]
    where = f":{finding.line}" if finding.line else ""
    console.print(
        Text.assemble(
            "    ",
            (f"{finding.severity!s:7}", style),
            f" {finding.rule} ",
            (finding.name, "dim"),
            f"{where}  {finding.message}",
        )
    )
    for lang, indices in finding.sentences.items():
        block = result.detection.block(lang, finding.role or "")
        if block is None:
            continue
        for index in indices:
            console.print(Text.assemble(f"      {lang}: ", _sentence_text(block, finding, lang, index)))
    if finding.suggestion:
        console.print(f"      [green]suggestion:[/] {escape(finding.suggestion)}")


def _sentence_text(block: Block, finding: Finding, lang: str, index: int) -> Text:
    """The sentence (or keyword) with the finding's evidence spans underlined."""
    if block.role == "keywords":
        return Text(block.keywords[index]) if index < len(block.keywords) else Text("")
    sentence = block.sentences[index]
    text = Text(sentence.text)
    for span in finding.spans:
        if span.lang == lang and sentence.start <= span.start and span.end <= sentence.end:
            text.stylize("bold magenta underline", span.start - sentence.start, span.end - sentence.start)
    return text
