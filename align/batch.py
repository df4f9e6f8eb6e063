"""Checking many manuscripts, in this process or in a pool of worker processes (``--jobs``).

The per-file work is one top-level function, :func:`check_file`, so that a process pool can send
it to a worker; what is the same for every file (the rules, the termbase, the language model) is
loaded once per process by :func:`prepare`, not once per file. Results come back in the order of
the files whatever the number of workers, and a bad file is an error in the list, not the end of
the batch.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING

from align.config.profiles import DEFAULT_PROFILE, Profile
from align.errors import InputError
from align.ingest import DEFAULT_MAX_BYTES
from align.model import LANGS, ROLES

if TYPE_CHECKING:
    from align.api import CheckResult
    from align.rules import Rule, Severity
    from align.terms import Termbase

# A worker takes this many files at a time, at most: fewer round trips, yet a slow file late in
# the batch does not leave the other workers idle for long.
_MAX_CHUNK = 4

# Called after each file with (files done, files in all): a progress bar, for instance.
Progress = Callable[[int, int], None]

FileOutcome = tuple[list["CheckResult"], list[InputError]]


@dataclass(frozen=True)
class CheckSetup:
    """Everything besides the file that decides a check; small and picklable, sent to each worker."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    expected_langs: tuple[str, ...] = LANGS
    max_bytes: int = DEFAULT_MAX_BYTES
    termbases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ROLES
    profile: Profile = DEFAULT_PROFILE
    severities: tuple[tuple[str, str], ...] = ()  # (rule code or prefix, severity name) pairs


@dataclass(frozen=True)
class Prepared:
    rules: tuple[type[Rule], ...]
    termbase: Termbase | None  # None: the bundled termbase (the rules load it once per process)
    severities: dict[str, Severity]  # rule code → configured severity


# This process's prepared setup: set by the parent for each run (a termbase file may have changed
# since the last one), copied into forked workers, loaded by the others on their first file.
_prepared: dict[CheckSetup, Prepared] = {}


def prepare(setup: CheckSetup) -> Prepared:
    """Load the setup's rules and termbase and keep them for this process's :func:`check_file` calls.

    Raises ``ValueError`` for an unknown rule code and ``InputError`` for an unreadable termbase:
    the parent calls this before any file is read, so both stop the run before it starts.
    """
    from align.api import load_user_termbases
    from align.rules import resolve_severities, select_rules

    prepared = Prepared(
        tuple(select_rules(setup.select, setup.ignore)),
        load_user_termbases(setup.termbases),
        resolve_severities(dict(setup.severities)),
    )
    _prepared.clear()
    _prepared[setup] = prepared
    return prepared


def prepared_for(setup: CheckSetup) -> Prepared:
    """The rules and termbase of ``setup``, loaded only if this process has not loaded them yet."""
    return _prepared.get(setup) or prepare(setup)


def warm_up(setup: CheckSetup) -> None:
    """Load what the first manuscript would otherwise load: the rules, the termbase and its indexes, langid.

    A worker that starts from a copy of a warmed-up parent (fork) then checks its first file as fast as its last.
    """
    from align.langid import identify
    from align.terms import default_termbase, find_terms

    termbase = prepared_for(setup).termbase or default_termbase()
    identify("warm up")
    for lang in setup.expected_langs:
        find_terms("warm up", lang, termbase)


def check_file(path: Path, setup: CheckSetup) -> FileOutcome:
    """Check one file: its results (a list, as one file may hold several manuscripts) or its error."""
    from align.api import CheckResult, align_detection, detect_all, only_roles
    from align.rules import Context, run_rules

    prepared = prepared_for(setup)
    detections, errors = detect_all(path, expected_langs=setup.expected_langs, max_bytes=setup.max_bytes)
    results: list[CheckResult] = []
    for detection in (only_roles(found, setup.roles) for found in detections):
        alignments = align_detection(detection)
        context = Context(
            detection, alignments, setup.expected_langs, termbase=prepared.termbase, profile=setup.profile
        )
        findings = run_rules(context, prepared.rules, prepared.severities)
        results.append(CheckResult(detection, alignments, tuple(findings)))
    return results, errors


def check_files(
    files: Sequence[Path], setup: CheckSetup, *, jobs: int = 1, progress: Progress | None = None
) -> tuple[list[CheckResult], list[InputError]]:
    """:func:`check_file` over ``files`` with up to ``jobs`` processes (0: one per core), in file order."""
    prepare(setup)
    workers = min(worker_count(jobs), len(files))
    outcomes = _pooled(files, setup, workers) if workers > 1 else (check_file(file, setup) for file in files)
    results: list[CheckResult] = []
    errors: list[InputError] = []
    for done, (file_results, file_errors) in enumerate(outcomes, start=1):
        results.extend(file_results)
        errors.extend(file_errors)
        if progress is not None:
            progress(done, len(files))
    return results, errors


def worker_count(jobs: int) -> int:
    """``jobs`` processes, or one per core this process may run on when ``jobs`` is 0."""
    if jobs < 0:
        raise ValueError(f"jobs must be 0 (all cores) or more, not {jobs}")
    if jobs:
        return jobs
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def start_method() -> str:
    """How worker processes start (docs/decisions.md, "Batch: how worker processes start").

    "fork" on Linux when this process runs no other thread (the CLI: its progress bar draws without
    one): a worker starts in milliseconds with all that :func:`warm_up` loaded. Forking a program
    that runs threads can deadlock the child, and macOS frameworks are not fork-safe, so there it is
    "forkserver" (or "spawn" where that is missing), each worker loading the models once itself.
    """
    if sys.platform == "linux" and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def _pooled(files: Sequence[Path], setup: CheckSetup, workers: int) -> Iterator[FileOutcome]:
    method = start_method()
    context = multiprocessing.get_context(method)
    if method == "fork":
        warm_up(setup)  # once, in the parent: every worker starts with a copy
        initializer, arguments = None, ()
    else:
        initializer, arguments = warm_up, (setup,)
    chunk = max(1, min(_MAX_CHUNK, len(files) // (workers * 4)))
    # The loaded models and caches are long-lived: out of the collector's reach for the run, they are
    # not rescanned each time the results this process unpickles set off a collection (2 ms a
    # manuscript, 0.15 with them frozen), nor copied into a forked worker when its collector visits them.
    gc.freeze()
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=initializer, initargs=arguments) as pool:
            yield from pool.map(check_file, files, repeat(setup), chunksize=chunk)
    finally:
        gc.unfreeze()
