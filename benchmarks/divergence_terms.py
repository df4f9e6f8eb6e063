"""False alarms and recall of the term rules AL030 (organisation-mismatch) and AL031 (deprecated-term) on NTREX-128.

Usage::

    python benchmarks/divergence_terms.py            # table, append to RESULTS.md
    python benchmarks/divergence_terms.py --show 20  # also print up to 20 clean-text findings to read by hand

NTREX-128 (1,997 line-aligned EN/KK/RU news sentences, 123 documents) is cut into groups
(benchmarks/ntrex_docs.py): a document's headline is the title, 4–10 of its lines the abstract, written
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

import argparse
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ntrex_docs import LANGS, Sample, append_results, context_of, load_ntrex, make_groups, markdown, sample_of

from align.rules import Context, Finding, Rule, Severity, all_rules, select_rules
from align.rules.al030_organisation_mismatch import PLACE_SUBJECTS
from align.terms import TermHit, default_termbase, find_terms

CODES = ("AL030", "AL031")
SEED = 20261124


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
    for scenario in ("clean", *INJECTIONS):
        rng = random.Random(f"{SEED}-{scenario}")
        outcome = outcomes.setdefault(
            scenario, Outcome(target=INJECTIONS[scenario][0] if scenario in INJECTIONS else "")
        )
        for rows in groups:
            original = sample_of(texts, rows)
            trials: list[Injection | None] = [None]
            if scenario != "clean":
                _, options = INJECTIONS[scenario]
                found = options(original)
                trials = list(rng.sample(found, min(TRIALS_PER_MANUSCRIPT, len(found))))
            for trial in trials:
                sample = original.copy()
                if trial is not None:
                    trial.apply(sample)
                judge = trial.judge if trial is not None else None
                run_one(context_of(markdown(sample)), rows, judge, outcome, rules, show)
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
    append_results(
        "Term rules AL030, AL031 (benchmarks/divergence_terms.py)",
        f"NTREX-128 in {len(groups)} manuscripts (a document's headline + 4–10 of its lines: title + abstract), "
        "detect + align + all rules, bundled termbase. Per 200 = findings per 200 lines; recall = injected "
        "changes reported; precision = findings of the targeted rule that report the injected change / all "
        f"its findings on those manuscripts.\n\n{result}",
    )


if __name__ == "__main__":
    main()
