"""False alarms and recall of the term rules AL030 (organisation-mismatch) and AL031 (deprecated-term) on NTREX-128.

Usage::

    python benchmarks/divergence_terms.py            # table, append to RESULTS.md
    python benchmarks/divergence_terms.py --show 20  # also print up to 20 clean-text findings to read by hand

NTREX-128 (1,997 line-aligned EN/KK/RU news sentences, 123 documents) is cut into groups of 5–11
consecutive lines of one document; the first line is the title, the others the abstract, written
as a Markdown manuscript with tests/rules/manuscript.py's layout and run through detect + align +
the rules, with the bundled termbase. *Per 200* counts findings per 200 lines (a line is one
sentence in each of the three languages).

Scenarios (one change per manuscript):

* ``clean``: the texts as they are. NTREX is professionally translated, so every finding is a
  false alarm unless reading it shows a real divergence (free translations do drop names);
* ``deprecated``: in one KK or RU line whose English line names a concept that has deprecated
  terms in that language, the span naming it (approved) is replaced by its first deprecated term,
  in the dictionary form: AL031 must report that term against English;
* ``dropped``: in one line, an organisation (or any concept) named by an acronym, and named only
  there in that line while the other languages' lines name it, loses the acronym: AL030 must
  report the concept missing in that language. Drawn from EN, KK and RU lines alike.

Precision (per rule, over the injected manuscripts) = findings that report the injected change /
all findings of the rule on those manuscripts; false alarms come from the clean scenario.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This folder holds other benchmarks (numbers.py, …) that would shadow standard modules if it came
# first on sys.path, as it does for a script: move it to the end, and put the repository first.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [str(_HERE.parent)] + [p for p in sys.path if Path(p or ".").resolve() != _HERE] + [str(_HERE)]

import argparse  # noqa: E402
import datetime  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import random  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402

from align.api import align_detection, detect  # noqa: E402
from align.rules import Context, Finding, Rule, Severity, all_rules, select_rules  # noqa: E402
from align.rules.al030_organisation_mismatch import PLACE_SUBJECTS  # noqa: E402
from align.terms import TermHit, default_termbase, find_terms  # noqa: E402
from tests.rules.manuscript import manuscript  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
FILES = {"en": "eng.txt", "kk": "kaz.txt", "ru": "rus.txt"}
LANGS = ("en", "kk", "ru")
CODES = ("AL030", "AL031")
SEED = 20261124


def shared_dir() -> Path:
    return Path(os.environ.get("ALIGN_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def load_ntrex() -> tuple[dict[str, list[str]], list[list[int]]]:
    """Sentences per language and the rows of each document, in file order."""
    base = shared_dir() / "benchmarks" / "ntrex128"
    texts = {lang: (base / name).read_text(encoding="utf-8").splitlines() for lang, name in FILES.items()}
    doc_ids = (base / "doc_ids.txt").read_text(encoding="utf-8").splitlines()
    documents: list[list[int]] = []
    for row, doc in enumerate(doc_ids):
        if not documents or doc_ids[documents[-1][0]] != doc:
            documents.append([])
        documents[-1].append(row)
    return texts, documents


def make_groups(documents: list[list[int]], rng: random.Random) -> list[list[int]]:
    """Consecutive rows of one document, 5–11 at a time (a title and 4–10 abstract lines)."""
    groups: list[list[int]] = []
    for rows in documents:
        start = 0
        while len(rows) - start >= 5:
            size = min(rng.randint(5, 11), len(rows) - start)
            groups.append(rows[start : start + size])
            start += size
    return groups


@dataclass
class Sample:
    """A manuscript: its lines per language; line 0 is the title, the others the abstract."""

    lines: dict[str, list[str]]


def build_context(sample: Sample, workdir: Path) -> Context:
    text = manuscript(
        {lang: " ".join(sample.lines[lang][1:]) for lang in LANGS},
        titles={lang: sample.lines[lang][0] for lang in LANGS},
        keywords=dict.fromkeys(LANGS, ""),
    )
    path = workdir / "paper.md"
    path.write_text(text, encoding="utf-8")
    detection = detect(path)
    return Context(detection=detection, alignments=align_detection(detection))


# --- injections -------------------------------------------------------------------------------------

Judge = Callable[[Finding], bool]


def deprecated_options(sample: Sample) -> list[Injection]:
    """Replace an approved KK/RU name of a concept the English line names by a deprecated term of it."""
    termbase = default_termbase()
    options = []
    for row in range(len(sample.lines["en"])):
        english = {h.concept_id for h in find_terms(sample.lines["en"][row], "en", termbase) if h.term.approved}
        for lang in ("kk", "ru"):
            hits = find_terms(sample.lines[lang][row], lang, termbase)
            for hit in hits:
                concept = termbase.concept(hit.concept_id)
                if hit.concept_id in english and hit.term.approved and concept.deprecated(lang):
                    options.append(_deprecated_injection(row, lang, hit, concept.deprecated(lang)[0].text))
    return options


def _deprecated_injection(row: int, lang: str, hit: TermHit, wrong: str) -> Injection:
    def apply(sample: Sample) -> None:
        line = sample.lines[lang][row]
        sample.lines[lang][row] = line[: hit.start] + wrong + line[hit.end :]

    def judge(finding: Finding) -> bool:
        return finding.rule == "AL031" and lang in finding.langs and finding.evidence.get(lang, "").startswith(wrong)

    return Injection(apply, judge)


def dropped_options(sample: Sample) -> list[Injection]:
    """Delete an organisation's acronym from a line whose aligned lines in the other languages name it."""
    termbase = default_termbase()
    options = []
    for row in range(len(sample.lines["en"])):
        hits = {lang: find_terms(sample.lines[lang][row], lang, termbase) for lang in LANGS}
        named = {lang: Counter(h.concept_id for h in found) for lang, found in hits.items()}
        for lang in LANGS:
            for hit in hits[lang]:
                others = [other for other in LANGS if other != lang]
                concept = termbase.concept(hit.concept_id)
                if (
                    hit.term.kind == "acronym"
                    and hit.term.approved
                    and concept.subject.split("/", 1)[0] not in PLACE_SUBJECTS
                    and named[lang][hit.concept_id] == 1
                    and all(named[other][hit.concept_id] for other in others)
                ):
                    options.append(_dropped_injection(row, lang, hit, concept.label("en")))
    return options


def _dropped_injection(row: int, lang: str, hit: TermHit, label: str) -> Injection:
    def apply(sample: Sample) -> None:
        line = sample.lines[lang][row]
        sample.lines[lang][row] = " ".join((line[: hit.start] + " " + line[hit.end :]).split())

    def judge(finding: Finding) -> bool:
        return (
            finding.rule == "AL030"
            and f"the {label} (" in finding.message
            and lang in finding.langs
            and lang not in finding.evidence
        )

    return Injection(apply, judge)


@dataclass
class Injection:
    apply: Callable[[Sample], None]
    judge: Judge


INJECTIONS: dict[str, tuple[str, Callable[[Sample], list[Injection]]]] = {
    "deprecated": ("AL031", deprecated_options),
    "dropped": ("AL030", dropped_options),
}
TRIALS_PER_MANUSCRIPT = 3


# --- running --------------------------------------------------------------------------------------


@dataclass
class Outcome:
    target: str = ""  # the rule the scenario's injections are for
    lines: int = 0
    manuscripts: int = 0
    findings: Counter[str] = field(default_factory=Counter)
    errors_mine: int = 0
    errors_all: int = 0
    trials: int = 0
    detected: int = 0
    true_findings: int = 0
    rule_findings: int = 0
    examples: list[str] = field(default_factory=list)


def run(texts: dict[str, list[str]], groups: list[list[int]], show: int) -> dict[str, Outcome]:
    rules = select_rules()
    outcomes: dict[str, Outcome] = {}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for scenario in ("clean", *INJECTIONS):
            rng = random.Random(f"{SEED}-{scenario}")
            outcome = outcomes.setdefault(
                scenario, Outcome(target=INJECTIONS[scenario][0] if scenario in INJECTIONS else "")
            )
            for rows in groups:
                original = {lang: [texts[lang][row] for row in rows] for lang in LANGS}
                trials: list[Injection | None] = [None]
                if scenario != "clean":
                    _, options = INJECTIONS[scenario]
                    found = options(Sample(original))
                    trials = list(rng.sample(found, min(TRIALS_PER_MANUSCRIPT, len(found))))
                for trial in trials:
                    sample = Sample({lang: list(lines) for lang, lines in original.items()})
                    if trial is not None:
                        trial.apply(sample)
                    judge = trial.judge if trial is not None else None
                    run_one(build_context(sample, workdir), rows, judge, outcome, rules, show)
    return outcomes


def run_one(
    context: Context, rows: list[int], judge: Judge | None, outcome: Outcome, rules: list[type[Rule]], show: int
) -> None:
    """Run every rule on one manuscript and count what the term rules found."""
    findings = [f for rule in rules for f in rule().check(context)]
    outcome.lines += len(rows)
    outcome.manuscripts += 1
    outcome.errors_all += sum(f.severity == Severity.error for f in findings)
    ours = [f for f in findings if f.rule in CODES]
    outcome.errors_mine += sum(f.severity == Severity.error for f in ours)
    outcome.findings.update(f.rule for f in ours)
    if judge is not None:
        outcome.trials += 1
        hits = [f for f in ours if judge(f)]
        outcome.detected += bool(hits)
        outcome.true_findings += len(hits)
        outcome.rule_findings += sum(f.rule == outcome.target for f in ours)
    elif len(outcome.examples) < show:
        outcome.examples.extend(f"{f.rule} [{rows[0] + 1}] {f.message}" for f in ours)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.machine()}, {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def per200(count: int, lines: int) -> float:
    return 200 * count / lines if lines else 0.0


def table(outcomes: dict[str, Outcome]) -> str:
    rows = [
        "| scenario | manuscripts | lines | AL030 | AL031 | AL030/200 | AL031/200 | errors (AL03x)/200 "
        "| errors (all rules)/200 | recall | precision |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for scenario, o in outcomes.items():
        recall = f"{o.detected}/{o.trials} = {o.detected / o.trials:.3f}" if o.trials else "—"
        precision = (
            f"{o.true_findings}/{o.rule_findings} = {o.true_findings / o.rule_findings:.3f}" if o.rule_findings else "—"
        )
        rows.append(
            f"| {scenario} | {o.manuscripts} | {o.lines} | {o.findings['AL030']} | {o.findings['AL031']} "
            f"| {per200(o.findings['AL030'], o.lines):.2f} | {per200(o.findings['AL031'], o.lines):.2f} "
            f"| {per200(o.errors_mine, o.lines):.2f} | {per200(o.errors_all, o.lines):.2f} | {recall} | {precision} |"
        )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print up to N clean-text findings")
    parser.add_argument("--no-append", action="store_true", help="do not append to benchmarks/RESULTS.md")
    parser.add_argument(
        "--limit", type=int, default=0, help="only the first N manuscripts (a quick try; implies --no-append)"
    )
    args = parser.parse_args()
    texts, documents = load_ntrex()
    groups = make_groups(documents, random.Random(SEED))
    if args.limit:
        groups, args.no_append = groups[: args.limit], True
    started = time.perf_counter()
    outcomes = run(texts, groups, args.show)
    elapsed = time.perf_counter() - started
    result = table(outcomes)
    print(result)
    for example in outcomes["clean"].examples[: args.show]:
        print(" ", example)
    print(f"{elapsed:.0f} s, {len(all_rules())} rules in the catalogue")
    if args.no_append:
        return
    stamp = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    with RESULTS.open("a", encoding="utf-8") as out:
        out.write(
            f"\n## Term rules AL030, AL031 (benchmarks/divergence_terms.py)\n\n{stamp} · {machine()}\n\n"
            f"NTREX-128 in {len(groups)} manuscripts of 5–11 consecutive lines (title + abstract), "
            "detect + align + all rules, bundled termbase. Per 200 = findings per 200 lines; recall = injected "
            "changes reported; precision = findings of the targeted rule that report the injected change / all "
            "its findings on those manuscripts.\n\n"
            f"{result}\n"
        )


if __name__ == "__main__":
    main()
