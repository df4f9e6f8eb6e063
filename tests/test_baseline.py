"""Baselines: ``align baseline``, ``check --baseline`` and the fingerprints that make them work."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from align.api import CheckResult, check
from align.baseline import apply_baseline, baseline_entries, fingerprints, normalise, parse_baseline
from align.cli import app
from align.errors import InputError
from align.formats.sarif import render_sarif
from align.rules import select_rules
from tests.rules.cooperation_abstract import EN, KK, RU, abstracts, replaced
from tests.rules.manuscript import manuscript

runner = CliRunner()
AL020 = ["--select", "AL020"]


def paper(ru_number: str = "1 020", *, body: str = "") -> str:
    """The shared abstract with the Russian respondents' number changed: one AL020 finding."""
    text = manuscript(abstracts(EN, KK, replaced(RU, 2, RU[2].replace("1 200", ru_number))))
    return text + body


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> CheckResult:
    path = tmp_path_factory.mktemp("baseline") / "paper.md"
    path.write_text(paper(), encoding="utf-8")
    checked = check(path, select=["AL020"])
    assert [f.rule for f in checked.findings] == ["AL020"]
    return checked


def with_path(result: CheckResult, path: str) -> CheckResult:
    return replace(result, detection=replace(result.detection, document=replace(result.detection.document, path=path)))


def test_normalise_folds_case_and_spaces_but_keeps_digits() -> None:
    assert normalise("  Trust ROSE\n from 34%\tto 41 % ") == "trust rose from 34% to 41 %"
    assert normalise("1 020") != normalise("1 002")


def test_fingerprint_ignores_folder_line_and_sentence_index(result: CheckResult) -> None:
    (finding,) = result.findings
    moved = replace(finding, line=(finding.line or 0) + 40, sentences={lang: (9,) for lang in finding.sentences})
    elsewhere = with_path(replace(result, findings=(moved,)), "/another/folder/paper.md")
    assert fingerprints(elsewhere) == fingerprints(result)
    assert fingerprints(with_path(result, "/another/folder/other.md")) != fingerprints(result)


def test_fingerprint_follows_the_evidence_and_counts_repeats(result: CheckResult) -> None:
    (finding,) = result.findings
    changed = replace(finding, evidence={**finding.evidence, "ru": "1 002"})
    assert fingerprints(replace(result, findings=(changed,))) != fingerprints(result)
    recased = replace(finding, evidence={lang: f" {text.upper()} " for lang, text in finding.evidence.items()})
    assert fingerprints(replace(result, findings=(recased,))) == fingerprints(result)
    twice = fingerprints(replace(result, findings=(finding, finding)))
    assert twice[0] == fingerprints(result)[0] and twice[1] != twice[0]


def test_fingerprint_without_evidence_uses_the_sentences_then_the_message(result: CheckResult) -> None:
    (finding,) = result.findings
    bare = replace(finding, evidence={})
    other_sentence = replace(bare, sentences={"en": (0,)})
    assert fingerprints(replace(result, findings=(bare,))) != fingerprints(replace(result, findings=(other_sentence,)))
    no_sentences = replace(bare, sentences={})
    reworded = replace(no_sentences, message="Another message")
    assert fingerprints(replace(result, findings=(no_sentences,))) != fingerprints(
        replace(result, findings=(reworded,))
    )


def test_each_entry_accepts_one_finding(result: CheckResult) -> None:
    (finding,) = result.findings
    doubled = replace(result, findings=(finding, finding))
    kept, baselined = apply_baseline([doubled], baseline_entries([result]))
    assert baselined == 1 and len(kept[0].findings) == 1
    # The finding left is the second of the two: it keeps its own fingerprint, not the accepted one's.
    assert fingerprints(kept[0]) == fingerprints(doubled)[1:]


def test_round_trip_survives_edits_elsewhere_and_not_a_new_number(tmp_path: Path) -> None:
    path, accepted = tmp_path / "paper.md", tmp_path / "accepted.json"
    path.write_text(paper(), encoding="utf-8")
    assert runner.invoke(app, ["check", str(path), *AL020]).exit_code == 1
    made = runner.invoke(app, ["baseline", str(path), "-o", str(accepted), *AL020])
    assert made.exit_code == 0, made.stderr
    (entry,) = json.loads(accepted.read_text(encoding="utf-8"))["findings"]
    assert entry["rule"] == "AL020" and entry["file"].endswith("paper.md") and entry["reason"] == ""

    def checked() -> tuple[int, dict]:
        outcome = runner.invoke(app, ["check", str(path), *AL020, "--baseline", str(accepted), "-f", "json"])
        return outcome.exit_code, json.loads(outcome.stdout)

    code, payload = checked()
    assert (code, payload["baselined"], payload["documents"][0]["findings"]) == (0, 1, [])
    # Lines moved and body text added: the same divergence, still accepted.
    path.write_text("\n\n\n" + paper(body="\nA new paragraph of the body, 2024, with 1 020 words.\n"), encoding="utf-8")
    assert checked()[1]["baselined"] == 1
    text = runner.invoke(app, ["check", str(path), *AL020, "--baseline", str(accepted)])
    assert text.exit_code == 0 and "1 baselined" in text.stdout
    # The evidence itself changed: a new finding.
    path.write_text(paper("1 002"), encoding="utf-8")
    code, payload = checked()
    assert (code, payload["baselined"]) == (1, 0)
    assert [f["evidence"]["ru"] for f in payload["documents"][0]["findings"]] == ["1 002"]


def test_rewriting_keeps_reasons_and_refuses_a_file_that_is_no_baseline(tmp_path: Path) -> None:
    path, accepted = tmp_path / "paper.md", tmp_path / "accepted.json"
    path.write_text(paper(), encoding="utf-8")
    runner.invoke(app, ["baseline", str(path), "-o", str(accepted), *AL020])
    payload = json.loads(accepted.read_text(encoding="utf-8"))
    payload["findings"][0]["reason"] = "the Russian edition corrects the survey"
    accepted.write_text(json.dumps(payload), encoding="utf-8")
    assert runner.invoke(app, ["baseline", str(path), "-o", str(accepted), *AL020]).exit_code == 0
    assert json.loads(accepted.read_text(encoding="utf-8"))["findings"][0]["reason"].startswith("the Russian")

    other = tmp_path / "notes.json"
    other.write_text('{"notes": []}', encoding="utf-8")
    refused = runner.invoke(app, ["baseline", str(path), "-o", str(other), *AL020])
    assert refused.exit_code == 2 and other.read_text(encoding="utf-8") == '{"notes": []}'


def test_no_baseline_is_written_when_an_input_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "paper.md").write_text(paper(), encoding="utf-8")
    (tmp_path / "empty.md").write_bytes(b"")
    outcome = runner.invoke(app, ["baseline", str(tmp_path), "-o", str(tmp_path / "b.json"), *AL020])
    assert outcome.exit_code == 2 and "empty.md: file is empty" in outcome.stderr
    assert not (tmp_path / "b.json").exists()


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "no such baseline file"),
        ("{not json", "invalid JSON at line 1"),
        ('{"schema_version": 1, "documents": []}', "no 'findings' list"),
        ('{"schema_version": 2, "findings": []}', "unsupported baseline schema_version 2"),
        ('{"schema_version": 1, "findings": [{"rule": "AL020"}]}', "finding 1 has no 'fingerprint'"),
        ('{"schema_version": 1, "findings": [{"fingerprint": "ab", "reason": 3}]}', "'reason' must be a string"),
    ],
)
def test_bad_baseline_is_one_line_and_exit_2(tmp_path: Path, content: str | None, problem: str) -> None:
    baseline = tmp_path / "baseline.json"
    if content is not None:
        baseline.write_text(content, encoding="utf-8")
    (tmp_path / "paper.md").write_text(paper(), encoding="utf-8")
    outcome = runner.invoke(app, ["check", str(tmp_path / "paper.md"), "--baseline", str(baseline)])
    (line,) = outcome.stderr.strip().splitlines()
    assert outcome.exit_code == 2 and outcome.stdout == ""
    assert line.startswith(f"align: error: {baseline}: ") and problem in line


def test_parse_rejects_what_render_would_not_write() -> None:
    with pytest.raises(InputError, match="no 'findings' list"):
        parse_baseline("[]", "b.json")


def test_sarif_results_carry_the_fingerprint(result: CheckResult) -> None:
    log = json.loads(render_sarif([result], select_rules(["AL020"])))
    (entry,) = log["runs"][0]["results"]
    assert list(entry["partialFingerprints"].values()) == fingerprints(result)
