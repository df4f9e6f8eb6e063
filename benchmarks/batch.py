"""Batch speed of ``align check DIR --jobs N``: manuscripts per second, memory, speed-up, CLI start-up.

Usage::

    python benchmarks/batch.py              # 1,000 manuscripts, --jobs 1 and 2 (about 3 minutes a run on 2 cores)
    python benchmarks/batch.py --quick      # 100 manuscripts
    python benchmarks/batch.py --jobs 1,2,0 --no-append

The manuscripts: NTREX-128 groups (benchmarks/ntrex_docs.py: a headline and 4–10 body lines per
language, with a short keyword list) cut with four different seeds so that no two are the same,
and every 50th a copy of a real manuscript from ../shared/seeds, all written to a temporary folder.
NTREX has 1,997 lines, so each line is in about four manuscripts of the 1,000: caches keyed on a
whole sentence (language identification) hit more often than in a real batch of submissions.

Each run is the command a pipeline runs, ``align check DIR --jobs N -f json -o FILE``, in a fresh
process (start-up, imports and model loading included), under a small Python parent that reports
``getrusage(RUSAGE_CHILDREN).ru_maxrss``: the peak resident memory of the *largest single process*
of the tree (the CLI or one worker), not their sum. The sum is sampled every 0.1 s from
/proc/PID/smaps_rollup as PSS (proportional set size: pages shared by forked workers counted once
in all). The documents of the JSON output of every N are compared with those of ``--jobs 1``.
``align --version``: best of 5, wall.

Prints a table and appends it to benchmarks/RESULTS.md with the machine and its load (``--no-append``).
"""

from __future__ import annotations

import sys
from pathlib import Path

# This folder holds benchmarks that would shadow standard modules if it came first on sys.path,
# as it does for a script: move it to the end, and put the repository first.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [str(_HERE.parent)] + [p for p in sys.path if Path(p or ".").resolve() != _HERE] + [str(_HERE)]

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass  # noqa: E402

from ntrex_docs import (  # noqa: E402
    append_results,
    load_average,
    load_ntrex,
    make_groups,
    markdown,
    sample_of,
    shared_dir,
)

SEED = 20261203
SEED_EVERY = 50  # every 50th manuscript is a copy of a real one
KEYWORDS = {
    "en": "news, translation, media",
    "kk": "жаңалықтар, аударма, бұқаралық ақпарат",
    "ru": "новости, перевод, СМИ",
}
# Runs the command given; prints its exit code, the peak RSS (KB) of the largest process of its
# tree and the CPU seconds of the whole tree (the CLI waits for its workers, so they count).
_RUSAGE_PARENT = (
    "import resource, subprocess, sys; "
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(code, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)"
)


@dataclass(frozen=True)
class Run:
    jobs: int
    manuscripts: int
    wall: float
    exit_code: int
    cpu: float
    largest_rss_mb: float
    tree_pss_mb: float
    output: bytes

    @property
    def rate(self) -> float:
        return self.manuscripts / self.wall


def write_manuscripts(folder: Path, count: int) -> int:
    """``count`` manuscripts in ``folder`` (distinct NTREX groups, every 50th a seed copy); returns the seed copies."""
    texts, documents = load_ntrex()
    groups = [group for cut in range(4) for group in make_groups(documents, random.Random(SEED + cut))]
    random.Random(SEED).shuffle(groups)
    seeds = sorted((shared_dir() / "seeds").glob("*.txt"))
    copies = 0
    for index in range(count):
        name = folder / f"m{index:04d}"
        if seeds and index % SEED_EVERY == SEED_EVERY - 1:
            seed = seeds[copies % len(seeds)]
            shutil.copyfile(seed, name.with_suffix(seed.suffix))
            copies += 1
        else:
            sample = sample_of(texts, groups[(index - copies) % len(groups)])
            name.with_suffix(".md").write_text(markdown(sample, KEYWORDS), encoding="utf-8")
    return copies


def align_command() -> list[str]:
    found = shutil.which("align")
    return [found] if found else [sys.executable, "-m", "align"]


def startup_seconds(repeat: int = 5) -> float:
    """Best wall time of ``align --version`` over ``repeat`` runs."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run([*align_command(), "--version"], check=True, capture_output=True)
        best = min(best, time.perf_counter() - started)
    return best


def tree_pss_kb(root: int) -> int:
    """PSS of ``root`` and all its descendants now, in KB (0 for processes that are gone)."""
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
            for task in Path(f"/proc/{pid}/task").iterdir():
                pending.extend(int(child) for child in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return total


def check_run(folder: Path, jobs: int, manuscripts: int, workdir: Path) -> Run:
    output = workdir / f"jobs{jobs}.json"
    command = [sys.executable, "-c", _RUSAGE_PARENT, *align_command(), "check", str(folder)]
    command += ["--jobs", str(jobs), "-f", "json", "-o", str(output)]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    peak = [0]

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], tree_pss_kb(process.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, _ = process.communicate()
    wall = time.perf_counter() - started
    sampler.join()
    code, largest_kb, cpu = stdout.split()
    return Run(
        jobs, manuscripts, wall, int(code), float(cpu), int(largest_kb) / 1024, peak[0] / 1024, output.read_bytes()
    )


def documents(output: bytes) -> list[dict]:
    """The checked documents of a JSON output (the run signature names the files on disk, which may change)."""
    return json.loads(output)["documents"]


def table(runs: list[Run], startup: float) -> str:
    base = next((run for run in runs if run.jobs == 1), runs[0])
    rows = [
        "| jobs | manuscripts | wall s | CPU s | manuscripts/s | speed-up | largest process peak RSS MB "
        "| tree peak PSS MB (sampled) | exit | documents unlike jobs 1 |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for run in runs:
        rows.append(
            f"| {run.jobs} | {run.manuscripts} | {run.wall:.1f} | {run.cpu:.1f} | {run.rate:.1f} "
            f"| {base.wall / run.wall:.2f} "
            f"| {run.largest_rss_mb:.0f} | {run.tree_pss_mb:.0f} | {run.exit_code} "
            f"| {sum(a != b for a, b in zip(documents(run.output), documents(base.output), strict=True))} |"
        )
    rows.append(f"\n`align --version`: {startup:.3f} s (best of 5, wall)")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100 manuscripts instead of 1,000")
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values to run (0: all cores)")
    parser.add_argument("--no-append", action="store_true", help="do not append to benchmarks/RESULTS.md")
    args = parser.parse_args()
    count = 100 if args.quick else 1000
    jobs_values = [int(value) for value in args.jobs.split(",")]
    load_before = load_average()
    with tempfile.TemporaryDirectory(prefix="align-batch-") as tmp:
        folder, workdir = Path(tmp) / "manuscripts", Path(tmp)
        folder.mkdir()
        copies = write_manuscripts(folder, count)
        print(f"{count} manuscripts ({copies} seed copies) in {folder}; {load_before}", flush=True)
        startup = startup_seconds()
        runs = []
        for jobs in jobs_values:
            runs.append(check_run(folder, jobs, count, workdir))
            print(f"--jobs {jobs}: {runs[-1].wall:.1f} s, {runs[-1].rate:.1f} manuscripts/s", flush=True)
        findings = sum(len(document["findings"]) for document in documents(runs[0].output))
    result = table(runs, startup)
    load_after = load_average()
    print(result)
    print(f"\n{findings} findings; {load_before} at the start, {load_after} at the end")
    if not args.no_append:
        append_results(
            f"Batch speed (benchmarks/batch.py{' --quick' if args.quick else ''})",
            f"`align check DIR --jobs N -f json -o FILE` on {count} manuscripts ({count - copies} NTREX groups with "
            f"keywords, {copies} copies of the two real seeds), each run a fresh CLI process; {findings} findings. "
            "Largest process peak RSS = getrusage(RUSAGE_CHILDREN).ru_maxrss (one process: the CLI or a worker); "
            "tree PSS = sum over the CLI and its workers, sampled every 0.1 s. "
            f"{load_before} at the start, {load_after} at the end: other jobs shared the 2 cores.\n\n{result}",
        )


if __name__ == "__main__":
    main()
