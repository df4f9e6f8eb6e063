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
    from align.errors import InputError

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    help="""Check that the English, Kazakh and Russian title, abstract and keywords of a manuscript agree.

[b]Examples[/b]

  align detect paper.md                 [dim]# which blocks are there, in which language[/]
  align detect submissions/ --recursive --format json
""",
)


class DetectFormat(StrEnum):
    text = "text"
    json = "json"


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


def _exit_for_errors(errors: list[InputError]) -> None:
    for error in errors:
        typer.echo(f"align: error: {error}", err=True)
    if errors:
        raise typer.Exit(EXIT_BAD_INPUT)


def main() -> None:
    app()
