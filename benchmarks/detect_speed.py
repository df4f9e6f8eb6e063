"""Speed of ``align.api.detect`` (reading + block finding): warm per manuscript, cold start, a large text.

Sets, each detected once to warm up and then timed (median over files of the best of ``--repeat`` runs;
the caches from a text to its result are emptied before each run, the models stay loaded):
  seed 000, seed 002   the two real manuscripts (Markdown; PDF-extracted hard-wrapped text);
  NTREX markdown       manuscripts built by benchmarks/ntrex_docs.py (title + abstract per language);
  NTREX hard-wrapped   the same groups laid out like PDF text: no blank lines, lines cut at 80 columns,
                       a running header and a page number.
Per NTREX set, the manuscripts with every block the layout has found are counted too (Markdown: title
and abstract × EN, KK, RU; hard-wrapped: also keywords, 9 blocks): a speed-up must not lose blocks.
Per manuscript the time is split into reading (``read_document``) and block finding (``find_blocks``,
which holds language identification and sentence splitting). Wall and CPU time (``time.process_time``)
are both given: other processes share the machine, the CPU time is the figure to compare.

Cold start: a fresh interpreter times ``import align.api``, loading py3langid's model, the sentence
splitter's first use and the first ``detect`` of seed 000; ``-X importtime`` lists the slowest imports.

Large text: a ~5.7 MB manuscript (seed 002's front matter, then NTREX lines hard-wrapped into pages with
running headers, page numbers, form feeds and end-of-line hyphenation) read and detected once.

Prints a table and appends it to benchmarks/RESULTS.md with the load average (``--no-append`` to skip).
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.ntrex_docs import LANGS, load_ntrex, machine, make_groups, markdown, sample_of  # noqa: E402

RESULTS = REPO / "benchmarks" / "RESULTS.md"
SEEDS = REPO / "corpora" / "samples"
SEED_FILES = {"seed 000": "000_0f8b6cd7f140dd0a.txt", "seed 002": "002_7e11e66b2c51f6d4.txt"}
LABELS = {
    "en": ("Abstract", "Keywords:"),
    "kk": ("Аңдатпа", "Түйін сөздер:"),
    "ru": ("Аннотация", "Ключевые слова:"),
}
RUNNING_HEADER = "Central Asian Survey, 2020, Vol. 39, No. 3"
# The blocks each NTREX layout writes per language (the Markdown one has no keywords).
LAYOUT_ROLES = {"NTREX markdown": ("title", "abstract"), "NTREX hard-wrapped": ("title", "abstract", "keywords")}
WRAP = 80
LARGE_BYTES = 5_700_000
PAGE_LINES = 46


def ntrex_manuscripts(count: int, seed: int = 7) -> list[tuple[str, str]]:
    """``count`` NTREX groups as (Markdown text, hard-wrapped plain text)."""
    texts, documents = load_ntrex()
    rng = random.Random(seed)
    groups = make_groups(documents, rng)
    rng.shuffle(groups)
    samples = [sample_of(texts, rows) for rows in groups[:count]]
    return [(markdown(sample), hard_wrapped(sample.lines, rng.randint(1, 30))) for sample in samples]


def hard_wrapped(lines: dict[str, list[str]], page: int) -> str:
    """A manuscript as PDF extraction gives it: no blank lines, lines cut at ``WRAP`` columns."""
    out = [RUNNING_HEADER]
    for lang in LANGS:
        abstract_label, keywords_label = LABELS[lang]
        out.append(lines[lang][0].upper())
        out.append(abstract_label)
        out.extend(textwrap.wrap(" ".join(lines[lang][1:]), WRAP))
        out.extend(textwrap.wrap(f"{keywords_label} {', '.join(lines[lang][0].split()[:4])}", WRAP))
    out.append(str(page))
    return "\n".join(out) + "\n"


def large_text(target_bytes: int = LARGE_BYTES) -> str:
    """Seed 002's front matter, then pages of hard-wrapped NTREX paragraphs until ``target_bytes``."""
    texts, documents = load_ntrex()
    front = (SEEDS / SEED_FILES["seed 002"]).read_text(encoding="utf-8")
    rng = random.Random(11)
    pages: list[str] = [front]
    size = len(front.encode("utf-8"))
    lines: list[str] = []
    page = 1
    while size < target_bytes:
        rows = documents[rng.randrange(len(documents))]
        lang = rng.choice(LANGS)
        lines.extend(_hyphenated(textwrap.wrap(" ".join(texts[lang][row] for row in rows), WRAP), rng))
        while len(lines) >= PAGE_LINES:
            body, lines = lines[:PAGE_LINES], lines[PAGE_LINES:]
            text = "\n".join([RUNNING_HEADER, *body, f"Page {page}", "\f"])
            pages.append(text)
            size += len(text.encode("utf-8"))
            page += 1
    return "\n".join(pages)


def _hyphenated(lines: list[str], rng: random.Random) -> list[str]:
    """Every fifth line break inside a long word moved into the word, with a hyphen."""
    out: list[str] = []
    for line in lines:
        words = line.split(" ")
        if out and len(words) > 2 and len(words[0]) > 7 and rng.random() < 0.2:
            cut = len(words[0]) // 2
            out[-1] += f" {words[0][:cut]}-"
            line = " ".join([words[0][cut:], *words[1:]])
        out.append(line)
    return out


def timed(function: Callable[[], object]) -> tuple[float, float, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = function()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def clear_text_caches() -> None:
    """Empty the bounded caches that map a text to a result (language guesses, folded labels).

    Unbounded ``@cache`` and one-entry caches hold models and segmenters: they stay. A timed run then
    costs what a manuscript never seen before costs, as in a batch.
    """
    for name, module in list(sys.modules.items()):
        if not name.startswith("align."):
            continue
        for value in list(vars(module).values()):
            info = getattr(value, "cache_info", None)
            if info is not None and getattr(value, "__module__", None) == name and info().maxsize not in (None, 1):
                value.cache_clear()


def stage_times(path: Path, repeat: int) -> dict[str, tuple[float, float]]:
    """Best (wall, CPU) seconds of reading, block finding and both, over ``repeat`` runs."""
    from align.blocks import find_blocks
    from align.ingest import read_document

    best: dict[str, tuple[float, float]] = {}
    for _ in range(repeat):
        clear_text_caches()
        read_wall, read_cpu, document = timed(lambda: read_document(path))
        find_wall, find_cpu, _ = timed(lambda: find_blocks(document))  # noqa: B023
        for stage, figures in (
            ("read", (read_wall, read_cpu)),
            ("find blocks", (find_wall, find_cpu)),
            ("detect", (read_wall + find_wall, read_cpu + find_cpu)),
        ):
            if stage not in best or figures[1] < best[stage][1]:
                best[stage] = figures
    return best


def warm_rows(sets: dict[str, list[Path]], repeat: int) -> list[str]:
    from align.api import detect

    rows = []
    for name, paths in sets.items():
        for path in paths:
            detect(path)  # warm-up: imports, models, caches of this text
        per_file = [stage_times(path, repeat) for path in paths]
        cells = []
        for stage in ("read", "find blocks", "detect"):
            wall = statistics.median(times[stage][0] for times in per_file) * 1000
            cpu = statistics.median(times[stage][1] for times in per_file) * 1000
            cells.append(f"{wall:.1f} / {cpu:.1f}")
        mean_cpu = statistics.fmean(times["detect"][1] for times in per_file) * 1000
        rows.append(f"| {name} | {len(paths)} | {' | '.join(cells)} | {mean_cpu:.1f} |")
    return rows


def complete_rows(sets: dict[str, list[Path]]) -> list[str]:
    """Per NTREX set, how many manuscripts have every block of their layout found, and the blocks missed most."""
    from collections import Counter

    from align.api import detect

    rows = []
    for name, roles in LAYOUT_ROLES.items():
        detections = [detect(path) for path in sets[name]]
        missing = [[m for m in detection.missing if m.role in roles] for detection in detections]
        complete = sum(not missed for missed in missing)
        missed = Counter(f"{m.lang} {m.role}" for missed in missing for m in missed)
        most = ", ".join(f"{block} {count}" for block, count in missed.most_common(3)) or "–"
        rows.append(f"| {name} | {len(sets[name])} × {len(roles) * len(LANGS)} | {complete} | {most} |")
    return rows


_COLD_SCRIPT = """
import sys
import time
wall, cpu = time.perf_counter(), time.process_time()
def lap(name):
    global wall, cpu
    print(f"{name}\\t{time.perf_counter() - wall:.4f}\\t{time.process_time() - cpu:.4f}")
    wall, cpu = time.perf_counter(), time.process_time()
import align.api
lap("import align.api")
from align.langid import _model
_model._identifier()
lap("py3langid model")
from align.segment import split_sentences
split_sentences("One. Two.", "en")
lap("sentence splitter, first use")
align.api.detect(sys.argv[1])
lap("first detect of seed 000")
"""


def cold_rows(seed: Path) -> tuple[list[str], list[str]]:
    """Timed steps of a fresh interpreter, and its slowest imports by ``-X importtime``."""
    output = subprocess.run(
        [sys.executable, "-c", _COLD_SCRIPT, str(seed)], capture_output=True, text=True, check=True, cwd=REPO
    )
    rows = []
    for line in output.stdout.splitlines():
        name, wall, cpu = line.split("\t")
        rows.append(f"| {name} | {float(wall) * 1000:.0f} | {float(cpu) * 1000:.0f} |")
    importtime = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import align.api"], capture_output=True, text=True, check=True
    )
    imports: list[tuple[int, str]] = []
    for line in importtime.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = (part.strip() for part in line.removeprefix("import time:").split("|"))
        if not name.startswith(" ") and "." not in name.strip():  # top-level packages only
            imports.append((int(cumulative), name.strip()))
    top = [f"{name} {micro / 1000:.0f} ms" for micro, name in sorted(imports, reverse=True)[:8]]
    return rows, top


def large_row(text: str, directory: Path) -> str:
    from align.blocks import find_blocks
    from align.ingest import read_document

    path = directory / "large.txt"
    path.write_text(text, encoding="utf-8")
    clear_text_caches()
    read_wall, read_cpu, document = timed(lambda: read_document(path))
    find_wall, find_cpu, detection = timed(lambda: find_blocks(document))
    size = path.stat().st_size / 1e6
    return (
        f"| {size:.1f} MB text, {len(document.paragraphs)} paragraphs, {len(detection.blocks)} blocks "
        f"| {read_wall:.2f} / {read_cpu:.2f} | {find_wall:.2f} / {find_cpu:.2f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100, help="NTREX manuscripts per layout (default 100)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per file, best kept (default 3)")
    parser.add_argument("--no-large", action="store_true", help="skip the large text")
    parser.add_argument("--no-append", action="store_true", help="do not append to RESULTS.md")
    args = parser.parse_args()

    started = time.perf_counter()
    cold, slowest_imports = cold_rows(SEEDS / SEED_FILES["seed 000"])
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        sets: dict[str, list[Path]] = {name: [SEEDS / file] for name, file in SEED_FILES.items()}
        sets["NTREX markdown"], sets["NTREX hard-wrapped"] = [], []
        for index, (md_text, wrapped_text) in enumerate(ntrex_manuscripts(args.count)):
            for name, suffix, text in (("NTREX markdown", "md", md_text), ("NTREX hard-wrapped", "txt", wrapped_text)):
                path = directory / f"{index:03d}.{suffix}"
                path.write_text(text, encoding="utf-8")
                sets[name].append(path)
        warm = warm_rows(sets, args.repeat)
        complete = complete_rows(sets)
        large = None if args.no_large else large_row(large_text(), directory)

    load = os.getloadavg()
    lines = [
        "Warm, per manuscript (median over the set of each file's best run; ms, wall / CPU):",
        "",
        "| set | files | read | find blocks | detect | detect mean CPU |",
        "|---|---:|---:|---:|---:|---:|",
        *warm,
        "",
        "Blocks found (a manuscript is complete with every block its layout has):",
        "",
        "| set | files × blocks | complete | missed most |",
        "|---|---:|---:|---|",
        *complete,
        "",
        "Cold start, fresh interpreter (ms):",
        "",
        "| step | wall | CPU |",
        "|---|---:|---:|",
        *cold,
        "",
        f"Slowest top-level imports of `import align.api` (-X importtime, cumulative): {', '.join(slowest_imports)}.",
    ]
    if large:
        lines += [
            "",
            "Large text, one run (s, wall / CPU):",
            "",
            "| input | read | find blocks |",
            "|---|---:|---:|",
            large,
        ]
    elapsed = time.perf_counter() - started
    print("\n".join(lines))
    print(f"\nload average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; {elapsed:.0f} s")
    if not args.no_append:
        header = (
            f"\n## Detection speed ({datetime.date.today()}; {machine()}; "
            f"load average {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} at the end)\n\n"
        )
        with RESULTS.open("a", encoding="utf-8") as results:
            results.write(header + "\n".join(lines) + "\n")
        print(f"appended to {RESULTS}")


if __name__ == "__main__":
    main()
