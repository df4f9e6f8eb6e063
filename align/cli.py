"""Command-line interface: a thin layer over the Python API in ``align.api``.

Exit codes: 0 success, 1 findings at or above the fail level, 2 bad input or usage.
Heavy modules are imported inside the commands so that ``align --version`` starts fast.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from align import __version__

if TYPE_CHECKING:
    from align.api import CheckResult
    from align.errors import InputError
    from align.rules import Severity

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    help="""Check that the English, Kazakh and Russian title, abstract and keywords of a manuscript agree.

[b]Examples[/b]

  align detect paper.md                 [dim]# which blocks are there, in which language[/]
  align pairs paper.md --format tmx     [dim]# sentence alignment EN–KK–RU[/]
  align check paper.md                  [dim]# divergences; exit 1 when there are errors[/]
  align report paper.md -o paper.html   [dim]# the same as a page to read in a browser[/]
  align rules                           [dim]# the catalogue of checks[/]
""",
)


class DetectFormat(StrEnum):
    text = "text"
    json = "json"


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    github = "github"


class PairsFormat(StrEnum):
    tsv = "tsv"
    json = "json"
    tmx = "tmx"


class Pair(StrEnum):
    en_kk = "en-kk"
    en_ru = "en-ru"
    kk_ru = "kk-ru"
    all = "all"


class FailLevel(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


class Lang(StrEnum):
    en = "en"
    kk = "kk"
    ru = "ru"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"align {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Check that the EN, KK and RU title, abstract and keywords of a manuscript agree."""


@app.command(
    epilog="Examples:  align detect paper.md   ·   align detect issue-12/ --recursive --format json",
)
def detect(
    paths: Annotated[list[Path], typer.Argument(help="Manuscripts (.txt, .md, .docx, JATS .xml) or folders of them.")],
    output_format: Annotated[DetectFormat, typer.Option("--format", "-f", help="Output format.")] = DetectFormat.text,
    recursive: Annotated[bool, typer.Option("--recursive", "-r", help="Descend into subfolders.")] = False,
    max_size: Annotated[float, typer.Option("--max-size", min=0.001, help="Refuse larger files (MB).")] = 50.0,
) -> None:
    """Show the title, abstract and keywords blocks found in each manuscript, and which are missing."""
    from align.api import detect_paths

    detections, errors = detect_paths(paths, recursive=recursive, max_bytes=int(max_size * 1024 * 1024))
    if output_format is DetectFormat.json:
        from align.formats.json import render_detections

        sys.stdout.write(render_detections(detections))
    else:
        from rich.console import Console

        from align.formats.text import print_detections

        print_detections(detections, Console())
    _exit_for_errors(errors)


@app.command(
    epilog="Examples:  align pairs paper.md   ·   align pairs paper.md --pair en-ru --format tmx -o paper.tmx"
    "   ·   align pairs --src book.en.txt --tgt book.kk.txt --src-lang en --tgt-lang kk",
)
def pairs(
    path: Annotated[Path | None, typer.Argument(help="A manuscript whose blocks are aligned.")] = None,
    pair: Annotated[Pair, typer.Option("--pair", help="Which language pair; 'all' gives triples.")] = Pair.all,
    output_format: Annotated[PairsFormat, typer.Option("--format", "-f", help="Output format.")] = PairsFormat.tsv,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    src: Annotated[Path | None, typer.Option("--src", help="Parallel-text mode: the source text.")] = None,
    tgt: Annotated[Path | None, typer.Option("--tgt", help="Parallel-text mode: the target text.")] = None,
    src_lang: Annotated[Lang, typer.Option("--src-lang", help="Language of --src.")] = Lang.en,
    tgt_lang: Annotated[Lang, typer.Option("--tgt-lang", help="Language of --tgt.")] = Lang.ru,
) -> None:
    """Align sentences EN–KK–RU (title, abstract, keywords), or two plain texts with --src/--tgt.

    Every link carries a confidence in [0, 1]. TSV has a header line and one link a line
    (score, then one column per language); TMX 1.4b has one <tu> per link; JSON extends the
    detect contract with "alignments" per role.
    """
    from align.errors import InputError
    from align.formats import pairs as render

    if (src is None) != (tgt is None) or (path is None) == (src is None):
        raise typer.BadParameter("give a manuscript PATH, or both --src and --tgt")
    try:
        if src is not None and tgt is not None:
            if src_lang == tgt_lang:
                raise typer.BadParameter("--src-lang and --tgt-lang must differ")
            rendered = render.parallel_text(src, tgt, src_lang.value, tgt_lang.value, output_format.value)
        else:
            assert path is not None
            rendered = render.manuscript(path, pair.value, output_format.value)
    except InputError as error:
        _exit_for_errors([error])
    _emit(rendered, output)


@app.command(
    epilog="Examples:  align check paper.md   ·   align check issue-12/ -r --fail-on warning"
    "   ·   align check paper.md --select AL01,AL02 --format json   ·   align check papers/ -r -f sarif -o align.sarif",
)
def check(
    paths: Annotated[list[Path], typer.Argument(help="Manuscripts or folders of them.")],
    output_format: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="Output format (sarif, junit, github: for CI).")
    ] = CheckFormat.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the output here (atomically) instead of stdout.")
    ] = None,
    select: Annotated[list[str] | None, typer.Option("--select", help="Only these rule codes or prefixes.")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Skip these rule codes or prefixes.")] = None,
    fail_on: Annotated[FailLevel, typer.Option("--fail-on", help="Lowest severity that fails.")] = FailLevel.error,
    recursive: Annotated[bool, typer.Option("--recursive", "-r", help="Descend into subfolders.")] = False,
    html: Annotated[
        Path | None, typer.Option("--html", help="Also write the HTML report here (a folder for several manuscripts).")
    ] = None,
    termbase: Annotated[
        list[Path] | None, typer.Option("--termbase", help="A TBX or CSV termbase over the bundled one (repeatable).")
    ] = None,
) -> None:
    """Find where the EN, KK and RU versions diverge. Exit 0 pass, 1 findings at or above --fail-on, 2 bad input."""
    from align.rules import Severity

    results, errors = _check_paths(paths, recursive, select, ignore, termbase)
    level = Severity[fail_on.value]
    if output_format is CheckFormat.text and output is None:
        from rich.console import Console

        from align.formats.text import print_check_results

        print_check_results(results, Console(), fail_level=level, unreadable=len(errors))
    else:
        _emit(_render_check(results, output_format, level, select, ignore, unreadable=len(errors)), output)
    if html is not None and results:
        from align.report import write_html

        write_html(results, html, fail_level=level, errors=errors)
    _exit_for_errors(errors)
    if any(f.severity >= level for r in results for f in r.findings):
        raise typer.Exit(EXIT_FINDINGS)


@app.command(
    epilog="Examples:  align report paper.md -o paper.html   ·   align report issue-12/ -r -o reports/"
    "   ·   SOURCE_DATE_EPOCH=0 align report paper.md -o paper.html",
)
def report(
    paths: Annotated[list[Path], typer.Argument(help="Manuscripts or folders of them.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="The page; a folder for several manuscripts.")
    ] = None,
    select: Annotated[list[str] | None, typer.Option("--select", help="Only these rule codes or prefixes.")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Skip these rule codes or prefixes.")] = None,
    fail_on: Annotated[FailLevel, typer.Option("--fail-on", help="Lowest severity that fails.")] = FailLevel.error,
    recursive: Annotated[bool, typer.Option("--recursive", "-r", help="Descend into subfolders.")] = False,
    termbase: Annotated[
        list[Path] | None, typer.Option("--termbase", help="A TBX or CSV termbase over the bundled one (repeatable).")
    ] = None,
) -> None:
    """Write the HTML consistency report: one self-contained page per manuscript, an index.html for several.

    Exit 0 when the report is written, whatever it found; 2 on bad input. The date shown is now,
    or SOURCE_DATE_EPOCH when set, so that a report can be rebuilt byte for byte.
    """
    from align.report import render_report, write_html
    from align.rules import Severity

    results, errors = _check_paths(paths, recursive, select, ignore, termbase)
    if output is None and len(results) + len(errors) > 1:
        raise typer.BadParameter("several manuscripts need -o FOLDER")
    level = Severity[fail_on.value]
    if results and output is None:
        sys.stdout.write(render_report(results[0], fail_level=level))
    elif results and output is not None:
        write_html(results, output, fail_level=level, errors=errors)
    _exit_for_errors(errors)


@app.command(epilog="Examples:  align rules   ·   align rules AL010")
def rules(
    code: Annotated[str | None, typer.Argument(help="Show this rule's documentation.")] = None,
) -> None:
    """List the checks, or show one check's documentation."""
    from rich.console import Console
    from rich.markdown import Markdown
    from rich.table import Table

    from align.rules import all_rules

    console = Console()
    if code is not None:
        rule = next((r for r in all_rules() if r.code == code.upper() or r.name == code.lower()), None)
        if rule is None:
            raise typer.BadParameter(f"no rule {code}; `align rules` lists them")
        console.print(f"[bold]{rule.code} {rule.name}[/] (default severity: {rule.severity.name})\n")
        console.print(Markdown(rule.documentation()))
        return
    table = Table("code", "name", "severity", "what it checks")
    for rule in all_rules():
        table.add_row(rule.code, rule.name, rule.severity.name, rule.summary())
    console.print(table)


def _check_paths(
    paths: list[Path], recursive: bool, select: list[str] | None, ignore: list[str] | None, termbase: list[Path] | None
) -> tuple[list[CheckResult], list[InputError]]:
    """``align.api.check_paths`` with a bad rule code as a usage error and a bad termbase as bad input."""
    from align.api import check_paths
    from align.errors import InputError

    try:
        return check_paths(
            paths, recursive=recursive, select=select or (), ignore=ignore or (), termbases=termbase or ()
        )
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None
    except InputError as error:
        _exit_for_errors([error])
        raise  # unreachable: _exit_for_errors exits


def _render_check(
    results: list[CheckResult],
    output_format: CheckFormat,
    level: Severity,
    select: list[str] | None,
    ignore: list[str] | None,
    *,
    unreadable: int,
) -> str | bytes:
    """``check``'s output as text or bytes, for stdout or a file (text to a file is uncoloured)."""
    from align.rules import select_rules

    rules = select_rules(select or (), ignore or ())
    if output_format is CheckFormat.json:
        from align.formats.json import check_result_to_dict, render_documents

        return render_documents([check_result_to_dict(r) for r in results])
    if output_format is CheckFormat.sarif:
        from align.formats.sarif import render_sarif

        return render_sarif(results, rules, fail_level=level, execution_successful=not unreadable)
    if output_format is CheckFormat.junit:
        from align.formats.junit import render_junit

        return render_junit(results, rules, fail_level=level)
    if output_format is CheckFormat.github:
        from align.formats.github import render_github

        return render_github(results)
    from io import StringIO

    from rich.console import Console

    from align.formats.text import print_check_results

    buffer = StringIO()
    console = Console(file=buffer, color_system=None, width=100)
    print_check_results(results, console, fail_level=level, unreadable=unreadable)
    return buffer.getvalue()


def _emit(rendered: str | bytes, output: Path | None) -> None:
    if output is None:
        if isinstance(rendered, bytes):
            sys.stdout.buffer.write(rendered)
        else:
            sys.stdout.write(rendered)
        return
    from align.formats.write import write_atomic

    write_atomic(output, rendered)


def _exit_for_errors(errors: list[InputError]) -> None:
    for error in errors:
        typer.echo(f"align: error: {error}", err=True)
    if errors:
        raise typer.Exit(EXIT_BAD_INPUT)


def main() -> None:
    app()
