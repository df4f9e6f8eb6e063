"""Configuration: discovery, precedence, every bad-config message, ``align config``, and its effect on checks."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from align.api import check_paths
from align.cli import app
from align.config import PROFILES, ConfigError, Profile, find_config_file, load_settings
from align.ingest.paths import is_included
from align.rules import Severity, resolve_severities
from tests.rules.manuscript import manuscript

runner = CliRunner()

# Four-sentence abstracts: short of the default profile's 100 words, a warning of AL060 only.
ABSTRACTS = {
    "en": "This article studies cooperation between Kazakhstan and the European Union since 2015. "
    "The author relies on interviews with forty diplomats in Astana and Brussels.",
    "kk": "Мақалада 2015 жылдан бергі Қазақстан мен Еуропалық Одақтың ынтымақтастығы зерттеледі. "
    "Автор Астана мен Брюссельдегі қырық дипломатпен сұхбатқа сүйенеді.",
    "ru": "В статье изучается сотрудничество Казахстана и Европейского Союза с 2015 года. "
    "Автор опирается на интервью с сорока дипломатами в Астане и Брюсселе.",
}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def paper(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small manuscript in a fresh working directory; its only length findings are short abstracts."""
    monkeypatch.chdir(tmp_path)
    return write(tmp_path / "paper.md", manuscript(ABSTRACTS))


def findings_of(result) -> list[dict]:
    (document,) = json.loads(result.stdout)["documents"]
    return document["findings"]


def config_json(*args: str) -> dict:
    result = runner.invoke(app, ["config", "--format", "json", *args])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# Discovery and precedence


def test_discovery_walks_upward_and_skips_a_pyproject_without_tool_align(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "align.toml", 'fail-on = "warning"\n')
    write(tmp_path / "journal" / "pyproject.toml", '[project]\nname = "journal"\n')
    (tmp_path / "journal" / "issue-12").mkdir()
    monkeypatch.chdir(tmp_path / "journal" / "issue-12")
    found = find_config_file()
    assert found is not None and found.path == (tmp_path / "align.toml").resolve()
    settings = config_json()["settings"]
    assert settings["fail-on"] == {"value": "warning", "source": "../../align.toml"}
    assert settings["languages"]["source"] == "default"


def test_pyproject_tool_align_is_found_and_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.align]\nprofile = "thesis"\n')
    monkeypatch.chdir(tmp_path)
    payload = config_json()
    assert payload["config_file"] == "pyproject.toml"
    assert payload["settings"]["profile"]["source"] == "pyproject.toml [tool.align]"
    assert payload["settings"]["profile"]["value"]["abstract-words"] == [50, 150]


def test_align_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "pyproject.toml", '[tool.align]\nfail-on = "info"\n')
    write(tmp_path / "align.toml", 'fail-on = "warning"\n')
    monkeypatch.chdir(tmp_path)
    assert config_json()["settings"]["fail-on"] == {"value": "warning", "source": "align.toml"}


def test_config_option_overrides_discovery_and_no_config_reads_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "align.toml", 'fail-on = "warning"\n')
    write(tmp_path / "ci" / "strict.toml", 'fail-on = "info"\n')
    monkeypatch.chdir(tmp_path)
    assert config_json("--config", "ci/strict.toml")["settings"]["fail-on"]["value"] == "info"
    isolated = config_json("--no-config")
    assert isolated["config_file"] is None and isolated["settings"]["fail-on"] == {
        "value": "error",
        "source": "default",
    }
    both = runner.invoke(app, ["config", "--config", "align.toml", "--no-config"])
    assert both.exit_code == 2


def test_command_line_beats_the_file_which_beats_the_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "align.toml", 'fail-on = "warning"\nprofile = "thesis"\nignore = ["AL051"]\n')
    monkeypatch.chdir(tmp_path)
    settings = config_json("--fail-on", "error", "--select", "AL06")["settings"]
    assert settings["fail-on"] == {"value": "error", "source": "command line"}
    assert settings["select"] == {"value": ["AL06"], "source": "command line"}
    assert settings["profile"]["source"] == settings["ignore"]["source"] == "align.toml"
    assert settings["roles"] == {"value": ["title", "abstract", "keywords"], "source": "default"}


def test_config_text_lists_every_key_with_its_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "align.toml", 'profile = "kaznu-bulletin"\n\n[severity]\nAL042 = "warning"\n')
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["config", "--ignore", "AL051"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "configuration file: align.toml"
    rows = {line.split()[0]: line for line in lines[1:]}
    keys = [
        "languages",
        "roles",
        "fail-on",
        "select",
        "ignore",
        "severity",
        "profile",
        "termbases",
        "include",
        "exclude",
    ]
    assert list(rows) == keys
    assert "kaznu-bulletin(abstract 150-250, keywords 5-8, title required)" in rows["profile"]
    assert rows["profile"].endswith("# align.toml") and rows["severity"].endswith("# align.toml")
    assert "AL042=warning" in rows["severity"]
    assert rows["ignore"].endswith("# command line") and rows["languages"].endswith("# default")


# Bad configuration: one line on stderr, exit 2, no traceback

BAD_FILES = [
    ('fial-on = "warning"\n', "align.toml: unknown key 'fial-on' (did you mean 'fail-on'?)"),
    ('select = "AL001"\n', "align.toml: select: expected an array of strings, got a string"),
    ("fail-on = 3\n", "align.toml: fail-on: expected a string, got an integer"),
    ('fail-on = "fatal"\n', "align.toml: fail-on: 'fatal' is not one of error, warning, info"),
    ('languages = ["en", "de"]\n', "align.toml: languages: 'de' is not one of en, kk, ru"),
    ('roles = ["title", "title"]\n', "align.toml: roles: a value is repeated"),
    ('select = ["AL999"]\n', "align.toml: select: unknown rule code or prefix: AL999"),
    ('ignore = ["XX"]\n', "align.toml: ignore: unknown rule code or prefix: XX"),
    ('[severity]\nAL999 = "info"\n', "align.toml: severity: unknown rule code or prefix: AL999"),
    ('[severity]\nAL042 = "loud"\n', "align.toml: severity: AL042: 'loud' is not one of error, warning, info"),
    ('termbases = ["terms/journal.tbx"]\n', "align.toml: termbases: no such file: terms/journal.tbx"),
    (
        'profile = "kaznu"\n',
        "align.toml: profile: unknown profile 'kaznu' (did you mean 'kaznu-bulletin'?); known: " + ", ".join(PROFILES),
    ),
    (
        "[profile]\nabstract-words = [300, 100]\n",
        "align.toml: profile: abstract-words: expected [min, max], two integers with 0 ≤ min ≤ max, got [300, 100]",
    ),
    ("[profile]\nkeyword = [3, 5]\n", "align.toml: profile: unknown key 'keyword' (did you mean 'keywords'?)"),
    ('[profile]\ntitle-required = "no"\n', "align.toml: profile: title-required: expected a boolean, got a string"),
    ('select = ["AL001"]\nfail-on = \n', "align.toml: invalid TOML: Invalid value (at line 2, column 11)"),
]


@pytest.mark.parametrize(("text", "message"), BAD_FILES, ids=[message.split(": ")[1] for _, message in BAD_FILES])
def test_a_bad_config_file_is_one_line_and_exit_2(paper: Path, text: str, message: str) -> None:
    write(paper.parent / "align.toml", text)
    for command in (["check", str(paper)], ["report", str(paper)], ["detect", str(paper)], ["config"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2, command
        assert result.stderr == f"align: error: {message}\n"
        assert result.stdout == ""


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--profile", "thesys"], "--profile: unknown profile 'thesys' (did you mean 'thesis'?); known: "),
        (["--termbase", "missing.csv"], "--termbase: no such file: missing.csv"),
        (["--config", "nowhere.toml"], "nowhere.toml: no such configuration file"),
    ],
)
def test_bad_options_are_one_line_and_exit_2(paper: Path, options: list[str], message: str) -> None:
    result = runner.invoke(app, ["check", str(paper), *options])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"align: error: {message}") and result.stderr.count("\n") == 1


def test_pyproject_errors_name_the_table(paper: Path) -> None:
    write(paper.parent / "pyproject.toml", '[tool.align]\nfial-on = "warning"\n')
    result = runner.invoke(app, ["check", str(paper)])
    assert result.exit_code == 2
    assert (
        result.stderr == "align: error: pyproject.toml [tool.align]: unknown key 'fial-on' (did you mean 'fail-on'?)\n"
    )


def test_load_settings_raises_config_error(tmp_path: Path) -> None:
    config = write(tmp_path / "align.toml", "fail-on = 'x'\n")
    with pytest.raises(ConfigError, match="fail-on: 'x' is not one of"):
        load_settings(config=config)


# What the settings change


def test_severity_override_changes_the_exit_code(paper: Path) -> None:
    write(paper.parent / "align.toml", 'select = ["AL060"]\n')
    assert runner.invoke(app, ["check", str(paper)]).exit_code == 0  # a warning does not fail at "error"
    write(paper.parent / "align.toml", 'select = ["AL060"]\n\n[severity]\nAL06 = "info"\nAL060 = "error"\n')
    result = runner.invoke(app, ["check", str(paper), "-f", "json"])
    assert result.exit_code == 1
    assert {f["severity"] for f in findings_of(result)} == {"error"}
    assert runner.invoke(app, ["check", str(paper), "--fail-on", "warning", "--no-config"]).exit_code == 1


def test_fail_on_from_the_file(paper: Path) -> None:
    write(paper.parent / "align.toml", 'select = ["AL060"]\nfail-on = "warning"\n')
    assert runner.invoke(app, ["check", str(paper)]).exit_code == 1
    assert runner.invoke(app, ["check", str(paper), "--fail-on", "error"]).exit_code == 0


def test_the_profile_sets_the_abstract_and_keyword_limits(paper: Path) -> None:
    def length_findings(*options: str) -> list[tuple[str, str]]:
        result = runner.invoke(app, ["check", str(paper), "--select", "AL06", "-f", "json", *options])
        return sorted((f["rule"], f["langs"][0]) for f in findings_of(result))

    short_abstracts = [("AL060", lang) for lang in ("en", "kk", "ru")]
    assert length_findings() == short_abstracts  # default: 100–300 words, 3 keywords pass
    assert length_findings("--profile", "kaznu-bulletin") == sorted(
        short_abstracts + [("AL061", lang) for lang in ("en", "kk", "ru")]  # 3 keywords, 5–8 asked
    )
    write(paper.parent / "align.toml", '[profile]\nextends = "kaznu-bulletin"\nabstract-words = [15, 40]\n')
    assert length_findings() == [("AL061", lang) for lang in ("en", "kk", "ru")]
    assert config_json()["settings"]["profile"]["value"]["name"] == "kaznu-bulletin+custom"


def test_a_profile_without_a_title_and_the_roles_and_languages_checked(paper: Path) -> None:
    untitled = write(paper.parent / "untitled.md", manuscript(ABSTRACTS, titles=dict.fromkeys(ABSTRACTS, "")))

    def missing(*options: str) -> set[tuple[str, str]]:
        result = runner.invoke(app, ["check", str(untitled), "--select", "AL001", "-f", "json", *options])
        return {(f["langs"][0], f["role"]) for f in findings_of(result)}

    assert missing() == {(lang, "title") for lang in ABSTRACTS}
    assert missing("--profile", "ojs-submission") == set()
    write(paper.parent / "align.toml", 'roles = ["abstract", "keywords"]\n')
    assert missing() == set()
    kazakh_less = write(paper.parent / "enru.md", manuscript({"en": ABSTRACTS["en"], "ru": ABSTRACTS["ru"]}))
    write(paper.parent / "align.toml", 'languages = ["en", "ru"]\n')
    result = runner.invoke(app, ["check", str(kazakh_less), "--select", "AL001"])
    assert result.exit_code == 0


def test_termbases_are_relative_to_the_config_file(paper: Path) -> None:
    termbase = write(paper.parent / "terms" / "journal.csv", "en,kk,ru\nsanctions,санкциялар,санкции\n")
    write(paper.parent / "conf" / "align.toml", 'termbases = ["../terms/journal.csv"]\n')
    settings = load_settings(config=paper.parent / "conf" / "align.toml")
    assert settings.termbases == (paper.parent / "conf" / "../terms/journal.csv",)
    result = runner.invoke(app, ["check", str(paper), "--config", "conf/align.toml", "--select", "AL03", "-f", "json"])
    assert result.exit_code in (0, 1), result.stderr
    checksums = json.loads(result.stdout)["signature"]["termbases"]
    assert checksums["journal.csv"] == hashlib.sha256(termbase.read_bytes()).hexdigest()[:12]


def test_include_and_exclude_filter_the_folders_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = manuscript(ABSTRACTS)
    for name in ("issue/a.md", "issue/b.txt", "issue/drafts/c.md", "issue/2024/d.md"):
        write(tmp_path / name, text)
    write(tmp_path / "align.toml", 'include = ["*.md"]\nexclude = ["drafts", "2024/*"]\n')
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["detect", "issue", "-r", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert [Path(d["path"]).as_posix() for d in json.loads(result.stdout)["documents"]] == ["issue/a.md"]
    explicit = runner.invoke(app, ["detect", "issue/drafts/c.md", "-f", "json"])  # a file named is always read
    assert len(json.loads(explicit.stdout)["documents"]) == 1
    write(tmp_path / "align.toml", 'include = ["*.docx"]\n')
    nothing = runner.invoke(app, ["detect", "issue", "-r"])
    assert nothing.exit_code == 2 and "include/exclude leave none" in nothing.stderr


def test_glob_matching() -> None:
    assert is_included(Path("a.md"), (), ())
    assert not is_included(Path("drafts/x/a.md"), (), ("drafts",))
    assert is_included(Path("final/a.md"), ("final/*",), ())
    assert not is_included(Path("final/a.md"), ("*.docx",), ())


# The signature and the Python API


def test_json_and_sarif_carry_the_signature(paper: Path) -> None:
    write(paper.parent / "align.toml", 'profile = "thesis"\nfail-on = "warning"\n\n[severity]\nAL060 = "info"\n')
    result = runner.invoke(app, ["check", str(paper), "--select", "AL06", "-f", "json"])
    signature = json.loads(result.stdout)["signature"]
    assert signature["rules"] == {"AL060": "info", "AL061": "warning"}
    assert signature["profile"] == "thesis(abstract 50-150, keywords 3-6, title required)"
    assert signature["fail_on"] == "warning"
    assert signature["text"].startswith("align:") and "|profile:thesis:50-150w:3-6kw:title=yes|" in signature["text"]
    sarif = json.loads(runner.invoke(app, ["check", str(paper), "--select", "AL06", "-f", "sarif"]).stdout)
    assert sarif["runs"][0]["properties"]["align"]["signature"] == signature
    other = runner.invoke(app, ["check", str(paper), "--select", "AL06", "-f", "json", "--profile", "default"])
    assert json.loads(other.stdout)["signature"]["text"] != signature["text"]


def test_severities_resolve_by_the_longest_prefix() -> None:
    resolved = resolve_severities({"AL04": "info", "al042": "error"})
    assert resolved == {"AL040": Severity.info, "AL041": Severity.info, "AL042": Severity.error}
    with pytest.raises(ValueError, match="AL9"):
        resolve_severities({"AL9": "info"})


def test_the_python_api_takes_a_profile_and_severities_without_any_config(paper: Path) -> None:
    (result,), _ = check_paths([paper], select=["AL06"])
    assert {f.rule for f in result.findings} == {"AL060"}
    (result,), _ = check_paths(
        [paper], select=["AL06"], profile=Profile("lenient", min_words=10), severities={"AL060": "error"}
    )
    assert result.findings == ()
    (result,), _ = check_paths([paper], select=["AL06"], severities={"AL060": "error"})
    assert {f.severity for f in result.findings} == {Severity.error}
