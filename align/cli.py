"""Command-line interface: a thin layer over the Python API in ``align.api``.

Exit codes: 0 success, 1 findings at or above the fail level, 2 bad input or usage.
Heavy modules are imported inside the commands so that ``align --version`` starts fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from align import __version__

if TYPE_CHECKING:
    from align.api import CheckResult
    from align.baseline import BaselineEntry
    from align.batch import Progress
    from align.config import Settings
    from align.errors import InputError

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2
DEFAULT_BASELINE = ".align-baseline.json"

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


# Options shared by the commands that read manuscripts and the configuration (docs/configuration.md).
# None: not given.
ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", help="Use this align.toml or pyproject.toml, not the one found from here upward."),
]
NoConfigOption = Annotated[bool, typer.Option("--no-config", help="Read no configuration file: defaults and options.")]
SelectOption = Annotated[list[str] | None, typer.Option("--select", help="Only these rule codes or prefixes.")]
IgnoreOption = Annotated[list[str] | None, typer.Option("--ignore", help="Skip these rule codes or prefixes.")]
FailOnOption = Annotated[
    FailLevel | None,
    typer.Option("--fail-on", help="Lowest severity that fails (default: error, or the file's).", show_default=False),
]
TermbaseOption = Annotated[
    list[Path] | None, typer.Option("--termbase", help="A TBX or CSV termbase over the bundled one (repeatable).")
]
ProfileOption = Annotated[
    str | None, typer.Option("--profile", help="Journal profile: default, kaznu-bulletin, thesis… (align config).")
]
JobsOption = Annotated[
    int,
    typer.Option("--jobs", "-j", min=0, help="Check this many manuscripts at a time, in processes (0: one per core)."),
]
RecursiveOption = Annotated[bool, typer.Option("--recursive", "-r", help="Descend into subfolders.")]
BaselineOption = Annotated[
    Path | None,
    typer.Option("--baseline", help="Report only the findings not accepted in this file (see `align baseline`)."),
]


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
    paths: Annotated[list[Path], typer.Argument(help="Manuscripts (.txt, .md, .docx, .pdf, JATS .xml) or folders.")],
    output_format: Annotated[DetectFormat, typer.Option("--format", "-f", help="Output format.")] = DetectFormat.text,
    recursive: RecursiveOption = False,
    max_size: Annotated[float, typer.Option("--max-size", min=0.001, help="Refuse larger files (MB).")] = 50.0,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Show the title, abstract and keywords blocks found in each manuscript, and which are missing."""
    from align.api import detect_paths

    settings = _settings(config, no_config)
    detections, errors = detect_paths(
        paths,
        recursive=recursive,
        expected_langs=settings.languages,
        max_bytes=int(max_size * 1024 * 1024),
        include=settings.include,
        exclude=settings.exclude,
    )
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
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    fail_on: FailOnOption = None,
    recursive: RecursiveOption = False,
    html: Annotated[
        Path | None, typer.Option("--html", help="Also write the HTML report here (a folder for several manuscripts).")
    ] = None,
    termbase: TermbaseOption = None,
    profile: ProfileOption = None,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
    baseline: BaselineOption = None,
    jobs: JobsOption = 1,
) -> None:
    """Find where the EN, KK and RU versions diverge. Exit 0 pass, 1 findings at or above --fail-on, 2 bad input.

    Settings come from align.toml or pyproject.toml (see `align config`); options override them.
    """
    from align.rules import Severity

    settings = _settings(config, no_config, select, ignore, fail_on, termbase, profile)
    accepted = _load_baseline(baseline)
    results, errors = _check_paths(paths, recursive, settings, jobs)
    results, baselined = _without_baselined(results, accepted)
    level = Severity[settings.fail_on]
    if output_format is CheckFormat.text and output is None:
        from rich.console import Console

        from align.formats.text import print_check_results

        print_check_results(results, Console(), fail_level=level, unreadable=len(errors), baselined=baselined)
    else:
        rendered = _render_check(results, output_format, settings, errors=errors, baselined=baselined)
        _emit(rendered, output)
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
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    fail_on: FailOnOption = None,
    recursive: RecursiveOption = False,
    termbase: TermbaseOption = None,
    profile: ProfileOption = None,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
    baseline: BaselineOption = None,
    jobs: JobsOption = 1,
) -> None:
    """Write the HTML consistency report: one self-contained page per manuscript, an index.html for several.

    Exit 0 when the report is written, whatever it found; 2 on bad input. The date shown is now,
    or SOURCE_DATE_EPOCH when set, so that a report can be rebuilt byte for byte.
    """
    from align.report import render_report, write_html
    from align.rules import Severity

    settings = _settings(config, no_config, select, ignore, fail_on, termbase, profile)
    accepted = _load_baseline(baseline)
    results, errors = _check_paths(paths, recursive, settings, jobs)
    results, _ = _without_baselined(results, accepted)
    if output is None and len(results) + len(errors) > 1:
        raise typer.BadParameter("several manuscripts need -o FOLDER")
    level = Severity[settings.fail_on]
    if results and output is None:
        sys.stdout.write(render_report(results[0], fail_level=level))
    elif results and output is not None:
        write_html(results, output, fail_level=level, errors=errors)
    _exit_for_errors(errors)


@app.command(
    "baseline",
    epilog="Examples:  align baseline papers/ -r   ·   align check papers/ -r --baseline .align-baseline.json",
)
def write_baseline(
    paths: Annotated[list[Path], typer.Argument(help="Manuscripts or folders of them.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The baseline file (written atomically).")] = Path(
        DEFAULT_BASELINE
    ),
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    recursive: RecursiveOption = False,
    termbase: TermbaseOption = None,
    profile: ProfileOption = None,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
    jobs: JobsOption = 1,
) -> None:
    """Accept today's findings: write them to a baseline file, so that `check --baseline FILE` reports only new ones.

    Each finding gets a fingerprint (rule, languages, the evidence, the file's name; not the line), so it stays
    accepted when the manuscript changes elsewhere. Fill in a finding's "reason"; writing the baseline again keeps
    the reasons. Nothing is written when an input cannot be read (exit 2).
    """
    from align.baseline import baseline_entries, render_baseline
    from align.formats.write import write_atomic

    settings = _settings(config, no_config, select, ignore, None, termbase, profile)
    # Reasons given in the file it replaces are kept; a file there that is no baseline is not overwritten.
    previous = _load_baseline(output) if output.exists() else []
    results, errors = _check_paths(paths, recursive, settings, jobs)
    _exit_for_errors(errors)
    entries = baseline_entries(results, reasons={e.fingerprint: e.reason for e in previous or () if e.reason})
    write_atomic(output, render_baseline(entries))
    typer.echo(f"align: {len(entries)} finding{'s' * (len(entries) != 1)} accepted in {output}", err=True)


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


@app.command(
    "config",
    epilog="Examples:  align config   ·   align config --profile thesis -f json   ·   align config --config ci.toml",
)
def show_config(
    output_format: Annotated[DetectFormat, typer.Option("--format", "-f", help="Output format.")] = DetectFormat.text,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    fail_on: FailOnOption = None,
    termbase: TermbaseOption = None,
    profile: ProfileOption = None,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Show the effective configuration and where each value comes from: default, a file, or the command line."""
    from align.config.show import render_config_json, render_config_text

    settings = _settings(config, no_config, select, ignore, fail_on, termbase, profile)
    render = render_config_json if output_format is DetectFormat.json else render_config_text
    sys.stdout.write(render(settings))


def _settings(
    config: Path | None,
    no_config: bool,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    fail_on: FailLevel | None = None,
    termbase: list[Path] | None = None,
    profile: str | None = None,
) -> Settings:
    """The configuration file's settings under the options given; a bad file or value exits 2."""
    from align.config import ConfigError, load_settings

    if config is not None and no_config:
        raise typer.BadParameter("--config and --no-config exclude each other")
    options = {
        "select": ("--select", select),
        "ignore": ("--ignore", ignore),
        "fail-on": ("--fail-on", fail_on and fail_on.value),
        "termbases": ("--termbase", termbase and [str(path) for path in termbase]),
        "profile": ("--profile", profile),
    }
    try:
        return load_settings(config=config, isolated=no_config, options=options)
    except ConfigError as error:
        _exit_for_errors([error])
        raise  # unreachable: _exit_for_errors exits


def _check_paths(
    paths: list[Path], recursive: bool, settings: Settings, jobs: int = 1
) -> tuple[list[CheckResult], list[InputError]]:
    """``align.api.check_paths`` with ``settings``, a bad rule code as a usage error and a bad termbase as bad input."""
    from align.api import check_paths
    from align.errors import InputError

    try:
        with _progress_bar() as progress:
            return check_paths(
                paths,
                recursive=recursive,
                select=settings.select,
                ignore=settings.ignore,
                expected_langs=settings.languages,
                termbases=settings.termbases,
                roles=settings.roles,
                profile=settings.profile,
                severities=settings.severity,
                include=settings.include,
                exclude=settings.exclude,
                jobs=jobs,
                progress=progress,
            )
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None
    except InputError as error:
        _exit_for_errors([error])
        raise  # unreachable: _exit_for_errors exits


@contextmanager
def _progress_bar() -> Iterator[Progress | None]:
    """A progress bar on stderr when it is a terminal: none in pipes, files and CI logs."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress as Bar

    # No auto-refresh: that would be a thread, and worker processes are best forked from a parent without threads.
    with Bar(console=Console(stderr=True), transient=True, auto_refresh=False) as bar:
        task = bar.add_task("checking", total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, refresh=True)

        yield advance


def _load_baseline(path: Path | None) -> list[BaselineEntry] | None:
    """The accepted findings of ``--baseline``, read before any manuscript; a bad file exits 2."""
    if path is None:
        return None
    from align.baseline import load_baseline
    from align.errors import InputError

    try:
        return load_baseline(path)
    except InputError as error:
        _exit_for_errors([error])
        raise  # unreachable: _exit_for_errors exits


def _without_baselined(
    results: list[CheckResult], accepted: list[BaselineEntry] | None
) -> tuple[list[CheckResult], int | None]:
    """The results without the accepted findings, and how many those were (None: no baseline given)."""
    if accepted is None:
        return results, None
    from align.baseline import apply_baseline

    return apply_baseline(results, accepted)


def _render_check(
    results: list[CheckResult],
    output_format: CheckFormat,
    settings: Settings,
    *,
    errors: Sequence[InputError] = (),
    baselined: int | None = None,
) -> str | bytes:
    """``check``'s output as text or bytes, for stdout or a file (text to a file is uncoloured).

    ``errors``: the inputs that could not be read, named by every format (each also went to stderr);
    ``baselined``: how many findings a baseline accepted (None: no baseline), said by text and JSON.
    """
    from align.config.signature import run_signature
    from align.rules import Severity, select_rules

    rules = select_rules(settings.select, settings.ignore)
    level = Severity[settings.fail_on]
    if output_format is CheckFormat.json:
        from align.formats.json import check_result_to_dict, render_documents

        signature = run_signature(settings, rules)
        documents = [check_result_to_dict(r) for r in results]
        return render_documents(documents, signature=signature, baselined=baselined, errors=errors)
    if output_format is CheckFormat.sarif:
        from align.formats.sarif import render_sarif

        signature = run_signature(settings, rules)
        return render_sarif(results, rules, fail_level=level, errors=errors, signature=signature)
    if output_format is CheckFormat.junit:
        from align.formats.junit import render_junit

        return render_junit(results, rules, fail_level=level, errors=errors)
    if output_format is CheckFormat.github:
        from align.formats.github import render_github

        return render_github(results, errors)
    from io import StringIO

    from rich.console import Console

    from align.formats.text import print_check_results

    buffer = StringIO()
    console = Console(file=buffer, color_system=None, width=100)
    print_check_results(results, console, fail_level=level, unreadable=len(errors), baselined=baselined)
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
