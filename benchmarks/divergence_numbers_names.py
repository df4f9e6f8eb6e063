"""False alarms of AL020 number-mismatch, AL021 title-number-mismatch and AL032 name-mismatch on NTREX-128.

NTREX-128 is professionally translated news: line i of eng/kaz/rus translates line i of the
others. Each document (doc_ids.txt) is cut into runs of 5–11 consecutive lines; the first line
of a run becomes the title, the other 4–10 the abstract, and the three languages are written as
one Markdown manuscript in the layout of tests/rules/manuscript.py, then detected, aligned and
checked like any manuscript (``align.api.detect`` + ``align_detection``). Every finding on these
clean translations is a false alarm unless the translation really diverges: number findings on
the lines that benchmarks/numbers.py lists as real defects (REAL_DEFECTS, read by hand) are
counted apart; name findings are listed with ``--show`` to be read. Rates are per 200 abstract
sentences (English side), the target being at most one error-level finding per 200 clean
sentences.

Read by hand (``--show``), on this data: of the 5 AL020 findings off the known defect lines, 3
are real (a clause with "10 inches" and the title "60 Minutes" dropped, "over half an inch" made
"до 1,5 см") and 2 false alarms (the identifier "SS19" spelled out as "2019 жылдық" in Kazakh).
Of a random 30 AL032 findings (seed 2024), 19 were real divergences of the translation (a name
left out, replaced by a pronoun or a description, or added) and 11 false alarms: names translated
rather than transliterated ("Dundee Stars" / "Данди жұлдыздары"), transcriptions the keys do not
bring together (Bouchard / Бушар, Bjorn / Бьорн, Shawn / Шон, Halloween / Хэллоуин), a verb
("tweeted" / "Твиттерге"). NTREX is news translated freely; abstracts are translated closer.

Detection and alignment take about a second per manuscript; ``--cache FILE`` keeps the contexts
in a pickle so that rule changes can be re-measured in seconds.

Prints a table and appends it to benchmarks/RESULTS.md (``--no-append`` to skip).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import pickle
import platform
import sys
import tempfile
import time
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

# benchmarks/numbers.py would shadow the standard library's "numbers" (imported by numpy through
# decimal) because Python puts this script's folder first on the path: drop it before importing align.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from align.api import align_detection, detect  # noqa: E402
from align.rules import Context, Rule  # noqa: E402
from align.rules.al020_number_mismatch import NumberMismatch  # noqa: E402
from align.rules.al021_title_number_mismatch import TitleNumberMismatch  # noqa: E402
from align.rules.al032_name_mismatch import NameMismatch  # noqa: E402

if TYPE_CHECKING:
    from align.rules import Finding

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ALIGN_SHARED", Path(__file__).resolve().parents[2] / "shared"))
NTREX = SHARED / "benchmarks" / "ntrex128"
FILES = {"en": "eng.txt", "kk": "kaz.txt", "ru": "rus.txt"}
RESULTS = REPO / "benchmarks" / "RESULTS.md"
RULES: tuple[type[Rule], ...] = (NumberMismatch, TitleNumberMismatch, NameMismatch)
LABELS = {
    "en": ("Abstract.", "Keywords:"),
    "kk": ("Аңдатпа.", "Түйін сөздер:"),
    "ru": ("Аннотация.", "Ключевые слова:"),
}
KEYWORDS = {"en": "news, translation", "kk": "жаңалықтар, аударма", "ru": "новости, перевод"}
RUN_LENGTH = 8  # lines per run: a title and seven abstract sentences, runs of 5–11 at a document's end
MIN_RUN = 5


def real_defect_lines() -> dict[int, str]:
    """The number defects of NTREX read by hand in benchmarks/numbers.py (0-based line → why)."""
    spec = importlib.util.spec_from_file_location("ntrex_numbers", REPO / "benchmarks" / "numbers.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return dict(module.REAL_DEFECTS)


def runs(doc_ids: list[str]) -> list[range]:
    """Consecutive lines of one document, RUN_LENGTH long; a short tail joins the run before it."""
    found: list[range] = []
    start = 0
    for end in range(1, len(doc_ids) + 1):
        if end < len(doc_ids) and doc_ids[end] == doc_ids[start]:
            continue
        cuts = [*range(start, end, RUN_LENGTH), end]
        pieces = [range(a, b) for a, b in pairwise(cuts)]
        if len(pieces) > 1 and len(pieces[-1]) < MIN_RUN:
            pieces[-2:] = [range(pieces[-2].start, end)]
        found.extend(piece for piece in pieces if len(piece) >= MIN_RUN)
        start = end
    return found


def manuscript(lines: dict[str, list[str]], run: range) -> str:
    parts = []
    for lang, (abstract_label, keywords_label) in LABELS.items():
        title, *abstract = (lines[lang][i] for i in run)
        parts += [f"## {title}", f"**{abstract_label}** {' '.join(abstract)}", f"**{keywords_label}** {KEYWORDS[lang]}"]
    parts.append("## Introduction\n\nThe main text starts here. It is not front matter.")
    return "\n\n".join(parts) + "\n"


def build_contexts(lines: dict[str, list[str]], all_runs: list[range]) -> list[Context]:
    contexts = []
    with tempfile.TemporaryDirectory() as tmp:
        for n, run in enumerate(all_runs):
            path = Path(tmp) / f"run{n}.md"
            path.write_text(manuscript(lines, run), encoding="utf-8")
            detection = detect(path)
            contexts.append(Context(detection=detection, alignments=align_detection(detection)))
    return contexts


def finding_lines(context: Context, run: range, lines: dict[str, list[str]], finding: Finding) -> set[int]:
    """NTREX line numbers of the sentences a finding points at (its language with the first span)."""
    found: set[int] = set()
    role = finding.role or "abstract"
    if role == "title":
        return {run.start}
    for lang, indices in finding.sentences.items():
        block = context.block(lang, role)
        if block is None:
            continue
        for index in indices:
            sentence = block.sentences[index]
            for i in run[1:]:
                if sentence.text[:40] in lines[lang][i] or lines[lang][i][:40] in sentence.text:
                    found.add(i)
    return found


def machine_line() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{dt.datetime.now():%Y-%m-%d %H:%M} · {platform.machine()}, {cpu}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="pickle of the detected and aligned manuscripts")
    parser.add_argument("--show", action="store_true", help="print every finding with its sentences")
    parser.add_argument("--no-append", action="store_true", help="do not append to RESULTS.md")
    args = parser.parse_args()

    lines = {lang: (NTREX / name).read_text(encoding="utf-8").splitlines() for lang, name in FILES.items()}
    all_runs = runs((NTREX / "doc_ids.txt").read_text(encoding="utf-8").splitlines())
    started = time.perf_counter()
    if args.cache and args.cache.exists():
        contexts = pickle.loads(args.cache.read_bytes())
    else:
        contexts = build_contexts(lines, all_runs)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(contexts))
    prepared = time.perf_counter() - started
    defects = real_defect_lines()

    abstract_sentences = sum(len(c.block("en", "abstract").sentences) for c in contexts if c.block("en", "abstract"))
    titles = sum(1 for c in contexts if c.block("en", "title"))
    counts: dict[str, Counter[str]] = {rule.code: Counter() for rule in RULES}
    timings: Counter[str] = Counter()
    for context, run in zip(contexts, all_runs, strict=True):
        for rule in RULES:
            started = time.perf_counter()
            findings = list(rule().check(context))
            timings[rule.code] += time.perf_counter() - started
            for finding in findings:
                where = finding_lines(context, run, lines, finding)
                real = rule.code != "AL032" and any(i in defects for i in where)
                counts[rule.code]["real" if real else "other"] += 1
                if args.show:
                    mark = "REAL" if real else "    "
                    print(f"{mark} {finding.rule} lines {sorted(where)}: {finding.message}")
                    for lang in ("en", "kk", "ru"):
                        block = context.block(lang, finding.role or "abstract")
                        indices = finding.sentences.get(lang, ())
                        if block is not None and indices:
                            print(f"       {lang}: {' '.join(block.sentences[i].text for i in indices)[:400]}")

    rows = [
        "| rule | severity | findings | on known real defects | other | other per 200 sentences | ms/manuscript |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for rule in RULES:
        count = counts[rule.code]
        base = titles if rule.code == "AL021" else abstract_sentences
        unit = "titles" if rule.code == "AL021" else "sentences"
        rows.append(
            f"| {rule.code} {rule.name} | {rule.severity} | {count.total()} | {count['real']} | {count['other']} "
            f"| {200 * count['other'] / base:.2f} (of {base} {unit}) "
            f"| {1000 * timings[rule.code] / len(contexts):.2f} |"
        )
    summary = (
        f"NTREX-128: {len(contexts)} manuscripts (runs of 5–11 lines of one document: first line the title, "
        f"the rest the abstract), {abstract_sentences} English abstract sentences, {titles} titles; "
        f"detect + align {prepared:.0f} s{' (cached)' if args.cache and prepared < 60 else ''}. "
        "'on known real defects' = findings on lines listed in benchmarks/numbers.py REAL_DEFECTS; "
        "per 200 = the other findings per 200 English sentences (titles for AL021). "
        "Read by hand: AL020 other = 3 real + 2 false alarms (0.23 false alarms per 200 sentences); "
        "AL032, a random 30 = 19 real divergences + 11 false alarms (about 37 %, so some 5.8 false "
        "alarms per 200 sentences of this freely translated news)."
    )
    print(summary)
    print("\n".join(rows))
    if not args.no_append:
        entry = [
            "",
            "## Numbers and names divergence rules (benchmarks/divergence_numbers_names.py)",
            "",
            machine_line(),
            "",
            summary,
            "",
            *rows,
            "",
        ]
        with RESULTS.open("a", encoding="utf-8") as results:
            results.write("\n".join(entry))


if __name__ == "__main__":
    main()
