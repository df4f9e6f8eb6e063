"""The pre-commit manifest (.pre-commit-hooks.yaml) points at commands and files that exist."""

from __future__ import annotations

import importlib
import re
import shlex
import tomllib
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from align.cli import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "corpora" / "samples").iterdir())
runner = CliRunner()


def _hooks() -> dict[str, dict]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: hook for hook in hooks}


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_manifest_ids_are_unique_and_include_align_check() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    ids = [hook["id"] for hook in hooks]
    assert len(ids) == len(set(ids))
    assert "align-check" in ids


def test_align_check_hook_has_the_agreed_settings() -> None:
    hook = _hooks()["align-check"]
    assert hook["name"] == "abstract-align check"
    assert hook["entry"] == "align check"
    assert hook["pass_filenames"] is True
    assert hook["require_serial"] is False
    # A .docx is "binary" to pre-commit's classifier: a `types` filter would drop it.
    assert "types" not in hook and "types_or" not in hook
    # It must run on commit, not only on demand.
    assert "manual" not in hook.get("stages", [])


@pytest.mark.parametrize("hook_id", sorted(_hooks()))
def test_entry_is_our_console_script_and_an_existing_command(hook_id: str) -> None:
    script, command, *rest = shlex.split(_hooks()[hook_id]["entry"])
    assert script in _pyproject()["project"]["scripts"]
    assert not rest, "file names are appended by pre-commit; the entry takes no fixed arguments"
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert f"align {command}" in result.output


@pytest.mark.parametrize("hook_id", sorted(_hooks()))
def test_language_python_installs_this_package(hook_id: str) -> None:
    # language: python means pre-commit pip-installs the repository: it must be a buildable package
    # whose console script resolves to a callable.
    assert _hooks()[hook_id]["language"] == "python"
    pyproject = _pyproject()
    assert pyproject["build-system"]["build-backend"]
    module_name, function_name = pyproject["project"]["scripts"]["align"].split(":")
    assert callable(getattr(importlib.import_module(module_name), function_name))


@pytest.mark.parametrize("hook_id", sorted(_hooks()))
def test_files_regex_selects_manuscripts_only(hook_id: str) -> None:
    pattern = re.compile(_hooks()[hook_id]["files"])
    assert SAMPLES
    for sample in SAMPLES:
        assert pattern.search(sample.relative_to(ROOT).as_posix()), sample
    for name in ("submissions/paper.docx", "Paper.DOCX", "article.xml", "paper.md", "paper.markdown", "paper.pdf"):
        assert pattern.search(name), name
    for name in ("align/cli.py", "paper.docx.bak", "paper.pdf.part", "pyproject.toml", "notes.txt.orig"):
        assert not pattern.search(name), name


def test_align_check_hook_fails_a_commit_with_divergent_abstracts() -> None:
    # What pre-commit runs: the entry followed by the staged file names.
    sample = ROOT / "corpora" / "samples" / "000_0f8b6cd7f140dd0a.txt"
    command = shlex.split(_hooks()["align-check"]["entry"])[1:]
    result = runner.invoke(app, [*command, str(sample)])
    assert result.exit_code == 1, result.output
    assert "AL031" in result.output
