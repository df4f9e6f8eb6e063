"""JUnit XML for ``align check``: CI systems (GitLab, Jenkins, Azure) show it as a test report.

One test suite per manuscript and one test case per selected rule in it: the case fails when the
rule found something at or above the fail level, and passes otherwise, so that a report also
shows what was checked and held.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from lxml import etree

from align.errors import InputError
from align.rules import Finding, Rule, Severity

if TYPE_CHECKING:
    from align.api import CheckResult


def _describe(finding: Finding) -> str:
    where = f"line {finding.line}: " if finding.line else ""
    role = f"[{finding.role}] " if finding.role else ""
    return f"{finding.severity}: {where}{role}{finding.message}"


def _testcase(
    suite: etree._Element, path: str, rule: type[Rule], findings: list[Finding], fail_level: Severity
) -> bool:
    """Append the rule's test case to ``suite``; True when it failed."""
    case = etree.SubElement(suite, "testcase", classname=path, name=f"{rule.code} {rule.name}", time="0")
    failing = [f for f in findings if f.severity >= fail_level]
    if failing:
        worst = max(f.severity for f in failing)
        noun = "finding" if len(failing) == 1 else "findings"
        failure = etree.SubElement(
            case, "failure", message=f"{len(failing)} {noun}: {failing[0].message}", type=str(worst)
        )
        failure.text = "\n".join(_describe(f) for f in failing)
    below = [f for f in findings if f.severity < fail_level]
    if below:
        # Findings under the fail level are worth reading but must not fail the case.
        etree.SubElement(case, "system-out").text = "\n".join(_describe(f) for f in below)
    return bool(failing)


def render_junit(
    results: Sequence[CheckResult],
    rules: Sequence[type[Rule]],
    *,
    fail_level: Severity = Severity.error,
    errors: Sequence[InputError] = (),
) -> bytes:
    """The JUnit XML document (UTF-8 bytes with an XML declaration).

    An input that could not be read is a suite of one errored case, so the report does not look
    greener than the run was.
    """
    root = etree.Element("testsuites", name="align check")
    total = failed = 0
    for result in results:
        path = result.detection.document.path
        suite = etree.SubElement(root, "testsuite", name=path)
        suite_failures = 0
        for rule in rules:
            findings = [f for f in result.findings if f.rule == rule.code]
            suite_failures += _testcase(suite, path, rule, findings, fail_level)
        suite.set("tests", str(len(rules)))
        suite.set("failures", str(suite_failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        total += len(rules)
        failed += suite_failures
    for error in errors:
        suite = etree.SubElement(root, "testsuite", name=error.path, tests="1", failures="0", errors="1", skipped="0")
        case = etree.SubElement(suite, "testcase", classname=error.path, name="read", time="0")
        etree.SubElement(case, "error", message=error.problem, type="unreadable")
    root.set("tests", str(total + len(errors)))
    root.set("failures", str(failed))
    root.set("errors", str(len(errors)))
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)
