"""SARIF 2.1.0 for ``align check``: what code-scanning dashboards (GitHub, GitLab, Azure) read.

One run per invocation; every selected rule is described in ``tool.driver.rules`` (with its
documentation as help) so that a viewer can explain a result without the tool installed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from align import __version__
from align.baseline import SARIF_FINGERPRINT_KEY, fingerprints
from align.errors import InputError
from align.rules import Finding, Rule, Severity

if TYPE_CHECKING:
    from align.api import CheckResult

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_VERSION = "2.1.0"
SRCROOT = "%SRCROOT%"

_LEVELS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}


def sarif_level(severity: Severity) -> str:
    """SARIF has no "info"; its "note" is the level for findings that inform rather than warn."""
    return _LEVELS[severity]


def rule_descriptor(rule: type[Rule]) -> dict[str, Any]:
    documentation = rule.documentation()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary()},
        "fullDescription": {"text": documentation},
        "help": {"text": documentation, "markdown": documentation},
        "defaultConfiguration": {"level": sarif_level(rule.severity)},
    }


def artifact_location(path: str | Path, root: Path | None = None) -> dict[str, str]:
    """A path under ``root`` (the working directory) is relative to %SRCROOT%, as uploaders expect."""
    root = (root or Path.cwd()).resolve()
    absolute = Path(path).resolve()
    if absolute.is_relative_to(root):
        return {"uri": absolute.relative_to(root).as_posix(), "uriBaseId": SRCROOT}
    return {"uri": absolute.as_uri()}


def result_entry(
    finding: Finding, path: str, rule_index: dict[str, int], root: Path | None, fingerprint: str
) -> dict[str, Any]:
    """One result; ``fingerprint`` (align.baseline) lets code scanning tell a new result from one seen before."""
    entry: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": sarif_level(finding.severity),
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact_location(path, root),
                    # A finding without a source line (a missing block) points at the file's start.
                    "region": {"startLine": finding.line or 1},
                }
            }
        ],
        "properties": {"name": finding.name, "role": finding.role, "langs": list(finding.langs)},
    }
    if finding.rule in rule_index:
        entry["ruleIndex"] = rule_index[finding.rule]
    entry["partialFingerprints"] = {SARIF_FINGERPRINT_KEY: fingerprint}
    return entry


def invocation(errors: Sequence[InputError], root: Path | None = None) -> dict[str, Any]:
    """The run's invocation: successful unless an input could not be read, which it then names."""
    entry: dict[str, Any] = {"executionSuccessful": not errors}
    if errors:
        entry["toolExecutionNotifications"] = [
            {
                "level": "error",
                "message": {"text": error.problem},
                "locations": [{"physicalLocation": {"artifactLocation": artifact_location(error.path, root)}}],
            }
            for error in errors
        ]
    return entry


def render_sarif(
    results: Sequence[CheckResult],
    rules: Sequence[type[Rule]],
    *,
    fail_level: Severity = Severity.error,
    errors: Sequence[InputError] = (),
    root: Path | None = None,
    signature: dict[str, Any] | None = None,
) -> str:
    """The whole SARIF log as JSON text; ``rules`` are the rules that were selected for the run.

    ``errors`` (inputs that could not be read) make the invocation unsuccessful, each an error
    notification on its file; ``signature`` (align.config.signature) goes into ``properties.align``.
    """
    properties: dict[str, Any] = {
        "version": __version__,
        "rules": [rule.code for rule in rules],
        "failLevel": fail_level.name,
    }
    if signature is not None:
        properties["signature"] = signature
    rule_index = {rule.code: index for index, rule in enumerate(rules)}
    log = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "abstract-align",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [rule_descriptor(rule) for rule in rules],
                    }
                },
                "originalUriBaseIds": {SRCROOT: {"uri": (root or Path.cwd()).resolve().as_uri() + "/"}},
                "invocations": [invocation(errors, root)],
                "results": [
                    result_entry(finding, result.detection.document.file, rule_index, root, fingerprint)
                    for result in results
                    for finding, fingerprint in zip(result.findings, fingerprints(result), strict=True)
                ],
                "properties": {"align": properties},
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
