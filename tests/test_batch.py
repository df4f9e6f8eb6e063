"""``--jobs``: manuscripts checked in worker processes, in the same order, a bad file reported and the rest checked."""

from __future__ import annotations

import io
import os
import pickle
import pty
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from align.api import check_paths
from align.batch import CheckSetup, check_file, start_method, worker_count
from align.cli import _progress_bar, app
from align.errors import InputError
from tests.rules.cooperation_abstract import EN, KK, RU, abstracts, replaced
from tests.rules.manuscript import manuscript

runner = CliRunner()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three small manuscripts (one with a number mismatch) and an empty file between them."""
    folder = tmp_path_factory.mktemp("batch")
    (folder / "a.md").write_text(manuscript(abstracts()), encoding="utf-8")
    (folder / "b.md").write_bytes(b"")
    wrong = replaced(RU, 2, RU[2].replace("1 200", "1 020"))
    (folder / "c.md").write_text(manuscript(abstracts(EN, KK, wrong)), encoding="utf-8")
    (folder / "d.md").write_text(manuscript({"en": " ".join(EN), "ru": " ".join(RU)}), encoding="utf-8")
    return folder


def test_two_jobs_give_the_same_json_as_one_and_report_the_bad_file(folder: Path, tmp_path: Path) -> None:
    outputs = {}
    for jobs in ("1", "2"):
        output = tmp_path / f"jobs{jobs}.json"
        outcome = runner.invoke(app, ["check", str(folder), "--jobs", jobs, "-f", "json", "-o", str(output)])
        assert outcome.exit_code == 2
        assert outcome.stderr.strip().splitlines() == [f"align: error: {folder / 'b.md'}: file is empty"]
        outputs[jobs] = output.read_bytes()
    assert outputs["1"] == outputs["2"]
    assert b'"path": "' + str(folder / "c.md").encode() in outputs["2"]
    assert outputs["2"].count(b'"rule": "AL020"') == 1


def test_results_keep_the_order_of_the_files(folder: Path) -> None:
    results, errors = check_paths([folder / "d.md", folder / "b.md", folder / "a.md", folder / "c.md"], jobs=2)
    assert [Path(r.detection.document.path).name for r in results] == ["d.md", "a.md", "c.md"]
    assert [Path(e.path).name for e in errors] == ["b.md"]


def test_a_worker_sends_back_results_and_errors_that_survive_pickling(folder: Path) -> None:
    results, errors = pickle.loads(pickle.dumps(check_file(folder / "c.md", CheckSetup(select=("AL020",)))))
    assert [f.rule for f in results[0].findings] == ["AL020"] and errors == []
    results, errors = pickle.loads(pickle.dumps(check_file(folder / "b.md", CheckSetup())))
    assert results == [] and isinstance(errors[0], InputError) and errors[0].problem == "file is empty"


def test_a_program_running_threads_gets_workers_that_are_not_forked(folder: Path) -> None:
    """Forking a threaded program can deadlock: with a thread alive, workers start from a fresh server."""
    assert start_method() == "fork" or sys.platform != "linux"
    release = threading.Event()
    waiting = threading.Thread(target=release.wait)
    waiting.start()
    try:
        assert start_method() in ("forkserver", "spawn")
        files = [folder / "c.md", folder / "b.md", folder / "a.md"]
        pooled = check_paths(files, select=["AL020"], jobs=2)
    finally:
        release.set()
        waiting.join()
    alone = check_paths(files, select=["AL020"], jobs=1)
    assert [r.findings for r in pooled[0]] == [r.findings for r in alone[0]]
    assert [str(e) for e in pooled[1]] == [str(e) for e in alone[1]]


def test_jobs_zero_is_every_core_and_negative_is_refused() -> None:
    assert worker_count(0) >= 1
    assert worker_count(3) == 3
    with pytest.raises(ValueError, match="jobs"):
        worker_count(-1)
    assert runner.invoke(app, ["check", ".", "--jobs", "-1"]).exit_code == 2


def test_progress_bar_on_a_terminal_in_a_real_run(folder: Path, tmp_path: Path) -> None:
    """Two manuscripts, two worker processes, stderr a terminal: the bar is drawn and the run completes."""
    command = [sys.executable, "-m", "align", "check", str(folder / "a.md"), str(folder / "d.md"), "--jobs", "2"]
    output = tmp_path / "out.json"
    environment = {key: value for key, value in os.environ.items() if key != "CI"} | {"COLUMNS": "80"}
    try:
        leader, follower = pty.openpty()
    except OSError:
        pytest.skip("no pseudo-terminal here")
    process = subprocess.Popen([*command, "-f", "json", "-o", str(output)], stderr=follower, env=environment)
    os.close(follower)  # the child holds it now; reading ends with EIO once the child has closed it too
    chunks = []
    try:
        while chunk := os.read(leader, 65536):
            chunks.append(chunk)
    except OSError:
        pass
    finally:
        os.close(leader)
    assert process.wait(timeout=120) == 1  # d.md has no Kazakh blocks
    assert "checking" in b"".join(chunks).decode(errors="replace")
    assert output.read_text(encoding="utf-8").count('"path"') == 2


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("stderr", "ci", "shown"), [(Terminal, None, True), (Terminal, "true", False), (io.StringIO, None, False)]
)
def test_progress_bar_only_on_a_terminal_outside_ci(
    monkeypatch: pytest.MonkeyPatch, stderr: type[io.StringIO], ci: str | None, shown: bool
) -> None:
    stream = stderr()
    monkeypatch.setattr(sys, "stderr", stream)
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    with _progress_bar() as progress:
        if progress is not None:
            progress(1, 2)
    assert (progress is not None) == shown
    assert ("checking" in stream.getvalue()) == shown
