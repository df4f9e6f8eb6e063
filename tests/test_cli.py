"""The command line: outputs, exit codes and messages for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from align import __version__
from align.cli import app

SAMPLES = Path(__file__).resolve().parents[1] / "corpora" / "samples"
SEED_000 = SAMPLES / "000_0f8b6cd7f140dd0a.txt"
SEED_002 = SAMPLES / "002_7e11e66b2c51f6d4.txt"

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"align {__version__}"


@pytest.mark.parametrize("args", [["--help"], ["detect", "--help"]])
def test_help(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert "Examples" in result.stdout or "Example" in result.stdout


def test_python_dash_m_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "align", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and __version__ in result.stdout


def test_detect_json_contract() -> None:
    result = runner.invoke(app, ["detect", str(SEED_000), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["schema_version"] == 1
    (document,) = payload["documents"]
    assert document["encoding"] == "utf-8"
    assert document["missing"] == []
    roles = {(b["lang"], b["role"]) for b in document["blocks"]}
    assert len(roles) == 9
    for block in document["blocks"]:
        assert {"lang", "script", "role", "label", "label_lang", "start_line", "end_line", "text"} <= block.keys()
        if block["role"] == "keywords":
            assert len(block["keywords"]) == 7
        else:
            assert all(block["text"][s["start"] : s["end"]] == s["text"] for s in block["sentences"])
            assert all(isinstance(s["start_line"], int) for s in block["sentences"])


def test_detect_text_table_names_missing_blocks() -> None:
    result = runner.invoke(app, ["detect", str(SEED_002)], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "missing:" in result.stdout
    assert "kk abstract" in result.stdout and "ru keywords" in result.stdout


def test_directory_argument(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SEED_000.read_text(encoding="utf-8"), encoding="utf-8")
    nested = tmp_path / "sub"
    nested.mkdir()
    (nested / "b.txt").write_text(SEED_002.read_text(encoding="utf-8"), encoding="utf-8")
    flat = json.loads(runner.invoke(app, ["detect", str(tmp_path), "-f", "json"]).stdout)
    deep = json.loads(runner.invoke(app, ["detect", str(tmp_path), "-f", "json", "--recursive"]).stdout)
    assert [Path(d["path"]).name for d in flat["documents"]] == ["a.txt"]
    assert [Path(d["path"]).name for d in deep["documents"]] == ["a.txt", "b.txt"]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02\x03binary\x00\x00" * 50, "binary"),
        (b"Just one plain line with no abstract and nothing else.\n", "no title, abstract or keywords"),
    ],
)
def test_bad_input_one_line_exit_2(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = runner.invoke(app, ["detect", str(path)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(path) in lines[0] and problem in lines[0]
    assert "Traceback" not in result.stderr


def test_missing_path_does_not_stop_the_others(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = runner.invoke(app, ["detect", str(missing), str(SEED_000), "-f", "json"])
    assert result.exit_code == 2
    assert len(json.loads(result.stdout)["documents"]) == 1
    assert str(missing) in result.stderr


def test_usage_error_exits_2() -> None:
    assert runner.invoke(app, ["detect", str(SEED_000), "--format", "yaml"]).exit_code == 2
    assert runner.invoke(app, ["detect"]).exit_code == 2


def test_input_is_never_modified(tmp_path: Path) -> None:
    path = tmp_path / "paper.txt"
    path.write_bytes(SEED_000.read_bytes())
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    runner.invoke(app, ["detect", str(path)])
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
