"""GitHub Actions workflow commands for ``align check``: annotations on the pull request's files.

Each finding becomes ``::error file=…,line=…,title=…::message``. The escaping follows the
runner's rules (actions/toolkit ``command.ts``): data escapes ``%``, CR and LF; property values
also escape ``:`` and ``,`` since those delimit the properties.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from align.errors import InputError
from align.rules import Finding, Severity

if TYPE_CHECKING:
    from align.api import CheckResult

_COMMANDS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _repository_path(path: str) -> str:
    """Annotations need a path relative to the checkout (the working directory) to land on a file."""
    absolute = Path(path).resolve()
    root = Path.cwd().resolve()
    return absolute.relative_to(root).as_posix() if absolute.is_relative_to(root) else Path(path).as_posix()


def workflow_command(command: str, properties: dict[str, str], message: str) -> str:
    """``::command key=value,…::message`` with the runner's escaping."""
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{command} {rendered}::{escape_data(message)}"


def annotation(finding: Finding, path: str) -> str:
    properties = {
        "file": _repository_path(path),
        "line": str(finding.line or 1),
        "title": f"{finding.rule} {finding.name}",
    }
    return workflow_command(_COMMANDS[finding.severity], properties, finding.message)


def unreadable_annotation(error: InputError) -> str:
    properties = {"file": _repository_path(error.path), "title": "unreadable input"}
    return workflow_command("error", properties, error.problem)


def render_github(results: Sequence[CheckResult], errors: Sequence[InputError] = ()) -> str:
    """One annotation line per finding, in document order, then one per input that could not be read."""
    lines = [annotation(f, r.detection.document.file) for r in results for f in r.findings]
    lines.extend(unreadable_annotation(error) for error in errors)
    return "".join(line + "\n" for line in lines)
