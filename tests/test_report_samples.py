"""reports/ holds the current reports of the sample manuscripts: rebuilt, they differ only in the date."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from align.cli import app

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "reports"
SCRIPT = ROOT / "scripts" / "make-reports"
_DATE = re.compile(r'<time datetime="[^"]*">[^<]*</time>')


def _report_command() -> list[str]:
    """The arguments of the ``align report`` line of scripts/make-reports."""
    (line,) = [line for line in SCRIPT.read_text(encoding="utf-8").splitlines() if line.startswith("align report ")]
    return shlex.split(line)[1:]


def _undated(html: str) -> str:
    return _DATE.sub("<time>…</time>", html)


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reports")
    args = _report_command()
    args[args.index("-o") + 1] = str(out)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)  # the pages show the manuscript paths as the script gives them
        result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return out


def test_the_script_reports_every_sample() -> None:
    args = _report_command()
    assert args[:2] == ["report", "corpora/samples"] and Path(args[args.index("-o") + 1]) == Path("reports")


def test_reports_are_current(rebuilt: Path) -> None:
    fresh = sorted(p.name for p in rebuilt.glob("*.html"))
    assert fresh == sorted(p.name for p in REPORTS.glob("*.html")), "run scripts/make-reports"
    assert {"index.html", "000_0f8b6cd7f140dd0a.html", "002_7e11e66b2c51f6d4.html"} <= set(fresh)
    for name in fresh:
        stored = (REPORTS / name).read_text(encoding="utf-8")
        assert _undated((rebuilt / name).read_text(encoding="utf-8")) == _undated(stored), (
            f"reports/{name} is stale: run scripts/make-reports"
        )


def test_the_readme_screenshots_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shots = re.findall(r"\]\((reports/[^)]+\.png)\)", readme)
    assert shots, "the README shows the report"
    for shot in shots:
        assert (ROOT / shot).stat().st_size > 10_000, shot
