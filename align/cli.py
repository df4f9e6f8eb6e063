"""Command-line interface: a thin layer over the Python API."""

import typer

from align import __version__

app = typer.Typer(no_args_is_help=True, add_completion=False)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"align {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """Check that the EN, KK and RU title, abstract and keywords of a manuscript agree."""


def main() -> None:
    app()
