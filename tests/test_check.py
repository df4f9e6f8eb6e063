"""``align check`` and ``align rules``: exit codes, selection, JSON findings, text output."""

from __future__ import annotations

import json
import os
from pathlib import Path

from typer.testing import CliRunner

from align.cli import app
from align.rules import all_rules

SAMPLES = Path(__file__).resolve().parents[1] / "corpora" / "samples"
SEED_000 = SAMPLES / "000_0f8b6cd7f140dd0a.txt"
SEED_002 = SAMPLES / "002_7e11e66b2c51f6d4.txt"

runner = CliRunner()


def test_seed_002_fails_on_its_missing_blocks() -> None:
    result = runner.invoke(app, ["check", str(SEED_002), "--format", "json"])
    assert result.exit_code == 1
    (document,) = json.loads(result.stdout)["documents"]
    missing = {(f["langs"][0], f["role"]) for f in document["findings"] if f["rule"] == "AL001"}
    assert {("kk", "abstract"), ("kk", "keywords"), ("ru", "abstract"), ("ru", "keywords")} <= missing
    finding = document["findings"][0]
    assert set(finding) >= {"rule", "name", "severity", "langs", "role", "sentences", "message", "evidence", "spans"}


def test_ignoring_the_rule_passes() -> None:
    assert runner.invoke(app, ["check", str(SEED_002), "--ignore", "AL001"]).exit_code in (0, 1)
    result = runner.invoke(app, ["check", str(SEED_002), "--select", "AL001", "--format", "json"])
    rules = {f["rule"] for f in json.loads(result.stdout)["documents"][0]["findings"]}
    assert rules == {"AL001"}
    result = runner.invoke(app, ["check", str(SEED_002), "--select", "AL001", "--ignore", "AL001"])
    assert result.exit_code == 0


def test_fail_level_warning_counts_warnings(tmp_path: Path) -> None:
    path = tmp_path / "paper.md"
    path.write_text(
        "Abstract. В статье изучается сотрудничество Казахстана и Европы. Важнее всего торговля.\n", encoding="utf-8"
    )
    select = ["--select", "AL002"]
    assert runner.invoke(app, ["check", str(path), *select]).exit_code == 0
    assert runner.invoke(app, ["check", str(path), *select, "--fail-on", "warning"]).exit_code == 1


def test_text_output_groups_by_block_and_gives_the_verdict() -> None:
    result = runner.invoke(app, ["check", str(SEED_002)], env={"COLUMNS": "200"})
    assert "abstract" in result.stdout and "AL001 missing-block" in result.stdout
    assert "FAIL" in result.stdout.splitlines()[-1]


def test_unknown_rule_code_is_a_usage_error() -> None:
    result = runner.invoke(app, ["check", str(SEED_000), "--select", "AL999"])
    assert result.exit_code == 2
    assert "AL999" in result.stderr


def test_bad_input_exits_2_and_the_rest_is_checked(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["check", str(empty), str(SEED_002), "--format", "json"])
    assert result.exit_code == 2
    assert len(json.loads(result.stdout)["documents"]) == 1
    assert "empty" in result.stderr


def test_rules_lists_the_catalogue_from_the_code() -> None:
    result = runner.invoke(app, ["rules"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for rule in all_rules():
        assert rule.code in result.stdout and rule.name in result.stdout


def test_rules_shows_one_rule() -> None:
    result = runner.invoke(app, ["rules", "AL010"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "omitted-sentence" in result.stdout and "Why is this bad?" in result.stdout
    assert runner.invoke(app, ["rules", "AL999"]).exit_code == 2


def test_user_termbase_adds_a_deprecated_variant(tmp_path: Path) -> None:
    """A journal's own termbase, merged over the bundled one, makes a new wrong variant an error."""
    termbase = tmp_path / "journal.csv"
    termbase.write_text(
        "concept,subject,en,kk,ru,status\n"
        "trade-turnover,economics,trade turnover,тауар айналымы,товарооборот,preferred\n"
        "trade-turnover,,,,торговый оборот,deprecated\n",
        encoding="utf-8",
    )
    paper = tmp_path / "paper.md"
    paper.write_text(
        "Abstract. The trade turnover between the two countries doubled.\n\n"
        "Аннотация. Торговый оборот между двумя странами удвоился.\n",
        encoding="utf-8",
    )
    plain = runner.invoke(app, ["check", str(paper), "--select", "AL031", "-f", "json"])
    assert json.loads(plain.stdout)["documents"][0]["findings"] == []
    result = runner.invoke(app, ["check", str(paper), "--select", "AL031", "-f", "json", "--termbase", str(termbase)])
    (finding,) = json.loads(result.stdout)["documents"][0]["findings"]
    assert finding["evidence"]["ru"].lower() == "торговый оборот"
    assert result.exit_code == 1


def test_unreadable_termbase_is_bad_input(tmp_path: Path) -> None:
    termbase = tmp_path / "broken.tbx"
    termbase.write_text("<tbx><not closed", encoding="utf-8")
    result = runner.invoke(app, ["check", str(SEED_000), "--termbase", str(termbase)])
    assert result.exit_code == 2
    assert "broken.tbx" in result.stderr and "Traceback" not in result.stderr


def test_a_run_with_unreadable_input_does_not_say_pass(tmp_path: Path) -> None:
    args = ["check", str(tmp_path / "missing.txt"), str(SEED_002), "--ignore", "AL0"]
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert result.stdout.strip().splitlines()[-1].startswith("ERROR (1 input could not be read)")


def test_output_file_is_readable_like_any_other(tmp_path: Path) -> None:
    out = tmp_path / "findings.json"
    previous = os.umask(0o022)
    try:
        runner.invoke(app, ["check", str(SEED_002), "--format", "json", "-o", str(out)])
    finally:
        os.umask(previous)
    assert out.stat().st_mode & 0o777 == 0o644
