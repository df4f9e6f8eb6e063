"""False alarms and recall of the structure rules AL003, AL004, AL005, AL011 and AL012 on NTREX-128.

Usage::

    python benchmarks/divergence_structure.py               # all scenarios, table, append to RESULTS.md
    python benchmarks/divergence_structure.py --fit         # measure the length model (align/rules/lengths.py)
    python benchmarks/divergence_structure.py --similarity  # copy similarity: difflib against sacrebleu chrF

NTREX-128 (1,997 line-aligned EN/KK/RU news sentences, 123 documents) is cut into groups
(benchmarks/ntrex_docs.py): a document's headline is the title, 4–10 of its lines the abstract, written
as a Markdown manuscript with tests/rules/manuscript.py's layout and run through detect + align +
the rules. *Per 200* counts findings per 200 lines (a line is one sentence in each of the three
languages).

Scenarios (one change per manuscript, in a random language of the group):

* ``clean``: the texts as they are — every finding is a false alarm, except that NTREX has a few
  real divergences (an untranslated English line in kaz.txt, free translations);
* ``copy``: an abstract line replaced by the same line of another language (AL004 recall);
* ``copy-edited``: the same, with one word of the copy dropped (AL004 recall);
* ``block-copy``: the abstract replaced by another language's abstract (AL004 recall);
* ``foreign``: an abstract line replaced by a line of another language from another document
  (AL003 recall);
* ``duplicate``: a second abstract of the language, from another group, after the first (AL005);
* ``merge``: two adjacent lines joined by a semicolon into one sentence: a legitimate merge that
  AL011 must leave alone (``merged`` says how often the aligner made a 2:1 link of it);
* ``delete``: an abstract line deleted; ``hidden`` counts deletions the aligner put inside an
  n:1 link (the rest it leaves unaligned, AL010's case), and AL011 recall is over those;
* ``truncate``: an abstract line of 80+ characters cut to its first half at a word (AL012 recall).
"""

from __future__ import annotations

import argparse
import difflib
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from ntrex_docs import LANGS, append_results, context_of, load_ntrex, make_groups, markdown
from ntrex_docs import Sample as Lines

from align.rules import Context, Finding, select_rules
from align.rules.al011_merge_hides_omission import omitted_in_merge
from align.rules.copies import normalised
from align.rules.lengths import text_length

CODES = ("AL003", "AL004", "AL005", "AL011", "AL012")
PAIRS = (("en", "kk"), ("en", "ru"), ("kk", "ru"))


# --- one manuscript -------------------------------------------------------------------------------


@dataclass
class Sample:
    """A manuscript: title and abstract lines per language, plus a second abstract if any."""

    titles: dict[str, str]
    lines: dict[str, list[str]]
    extra: tuple[str, str] | None = None  # (lang, abstract text) appended as a second block


def build_context(sample: Sample) -> Context:
    text = markdown(Lines({lang: [sample.titles[lang], *sample.lines[lang]] for lang in LANGS}))
    if sample.extra is not None:
        lang, abstract = sample.extra
        label = {"en": "Abstract.", "kk": "Аңдатпа.", "ru": "Аннотация."}[lang]
        text = text.replace("## Introduction", f"**{label}** {abstract}\n\n## Introduction")
    return context_of(text)


def sentences_of(context: Context, lang: str, line: str) -> set[int]:
    """Indices of the abstract sentences of ``lang`` that hold characters of ``line``."""
    block = context.block(lang, "abstract")
    if block is None:
        return set()
    start = block.text.find(line)
    if start < 0:
        return set()
    end = start + len(line)
    return {i for i, s in enumerate(block.sentences) if s.start < end and s.end > start}


# --- scenarios -----------------------------------------------------------------------------------


@dataclass
class Outcome:
    """What one scenario found: findings per rule, and hits/trials for the rule it targets."""

    lines: int = 0
    documents: int = 0
    findings: Counter[str] = field(default_factory=Counter)
    errors: int = 0
    hits: int = 0
    trials: int = 0
    extra: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)


Change = Callable[[Sample, random.Random], Callable[[Context, list[Finding]], bool | None] | None]


def _abstract_row(sample: Sample, rng: random.Random, lang: str) -> int:
    return rng.randrange(len(sample.lines[lang]))


def _is_sentence(line: str) -> bool:
    """A line that ends a sentence: NTREX headlines have no full stop and run into the next line."""
    return line.rstrip().endswith((".", "!", "?", "…", '."', ".»", ".”", "?”", "!”", '?"', ".'"))


def _overlaps(evidence: str, line: str) -> bool:
    """Whether a finding's evidence is ``line`` or a part of it (the segmenter may split a line)."""
    evidence, line = " ".join(evidence.split()), " ".join(line.split())
    return bool(evidence) and (evidence in line or line in evidence)


def copy_change(edit: bool) -> Change:
    def change(sample: Sample, rng: random.Random):
        target, source = rng.sample(LANGS, 2)
        row = _abstract_row(sample, rng, target)
        copied = sample.lines[source][row]
        if edit:
            words = copied.split()
            if len(words) < 6:
                return None
            del words[rng.randrange(1, len(words) - 1)]
            copied = " ".join(words)
        if len(copied.split()) < 4 or not _is_sentence(copied):
            return None
        sample.lines[target][row] = copied

        def judge(context: Context, findings: list[Finding]) -> bool:
            return any(f.rule == "AL004" and _overlaps(f.evidence.get(target, ""), copied) for f in findings)

        return judge

    return change


def block_copy(sample: Sample, rng: random.Random):
    target, source = rng.sample(LANGS, 2)
    sample.lines[target] = list(sample.lines[source])

    def judge(context: Context, findings: list[Finding]) -> bool:
        return any(f.rule == "AL004" and not f.sentences and f.role == "abstract" for f in findings)

    return judge


def foreign_change(pool: dict[str, list[str]]) -> Change:
    def change(sample: Sample, rng: random.Random):
        target, source = rng.sample(LANGS, 2)
        row = _abstract_row(sample, rng, target)
        line = rng.choice(pool[source])
        if len(line.split()) < 6 or not _is_sentence(line):
            return None
        sample.lines[target][row] = line

        def judge(context: Context, findings: list[Finding]) -> bool:
            return any(f.rule == "AL003" and _overlaps(f.evidence.get(target, ""), line) for f in findings)

        return judge

    return change


def duplicate_change(pool: dict[str, list[str]]) -> Change:
    def change(sample: Sample, rng: random.Random):
        lang = rng.choice(LANGS)
        start = rng.randrange(len(pool[lang]) - 5)
        sample.extra = (lang, " ".join(pool[lang][start : start + 5]))

        def judge(context: Context, findings: list[Finding]) -> bool:
            return any(f.rule == "AL005" and f.langs == (lang,) for f in findings)

        return judge

    return change


def _join(first: str, second: str) -> str:
    """Two sentences as one, the way a translator joins them: ``A; b``."""
    return first.rstrip().rstrip(".!?…") + "; " + second[:1].lower() + second[1:]


def merge_change(sample: Sample, rng: random.Random):
    lang = rng.choice(LANGS)
    lines = sample.lines[lang]
    if len(lines) < 2:
        return None
    row = rng.randrange(len(lines) - 1)
    joined = _join(lines[row], lines[row + 1])
    lines[row : row + 2] = [joined]
    others = [other for other in LANGS if other != lang]
    originals = {other: (sample.lines[other][row], sample.lines[other][row + 1]) for other in others}

    def judge(context: Context, findings: list[Finding]) -> None:
        # Did the aligner link the joined sentence to both original sentences of another language?
        pairs = context.alignments["abstract"].alignment.pairs
        single = sentences_of(context, lang, joined)
        for other in others:
            first, second = originals[other]
            wanted = sentences_of(context, other, first) | sentences_of(context, other, second)
            key, forward = (f"{lang}-{other}", True) if f"{lang}-{other}" in pairs else (f"{other}-{lang}", False)
            for link in pairs[key]:
                mine, theirs = (link.src, link.tgt) if forward else (link.tgt, link.src)
                if set(mine) & single and len(theirs) >= 2 and wanted <= set(theirs):
                    outcome_extra["merged"] += 1
        return None

    return judge


def delete_change(sample: Sample, rng: random.Random):
    lang = rng.choice(LANGS)
    lines = sample.lines[lang]
    if len(lines) < 3:
        return None
    row = rng.randrange(len(lines))
    del lines[row]
    others = [other for other in LANGS if other != lang]
    deleted = {other: sample.lines[other][row] for other in others}

    def judge(context: Context, findings: list[Finding]) -> bool | None:
        pairs = context.alignments["abstract"].alignment.pairs
        hidden = False
        for other in others:
            orphans = sentences_of(context, other, deleted[other])
            key, forward = (f"{other}-{lang}", True) if f"{other}-{lang}" in pairs else (f"{lang}-{other}", False)
            for link in pairs[key]:
                theirs, mine = (link.src, link.tgt) if forward else (link.tgt, link.src)
                if set(theirs) & orphans and len(mine) == 1 and set(theirs) - orphans:
                    hidden = True
        if not hidden:
            outcome_extra["exposed"] += 1
            return None
        outcome_extra["hidden"] += 1
        orphans = {o: sentences_of(context, o, deleted[o]) for o in others}
        flagged = [set(f.sentences.get(o, ())) & orphans[o] for f in findings if f.rule == "AL011" for o in others]
        return any(flagged)

    return judge


def truncate_change(sample: Sample, rng: random.Random):
    lang = rng.choice(LANGS)
    row = _abstract_row(sample, rng, lang)
    line = sample.lines[lang][row]
    if text_length(line) < 80:
        return None
    words = line.split()
    cut = " ".join(words[: max(len(words) // 2, 1)]) + "."
    sample.lines[lang][row] = cut

    def judge(context: Context, findings: list[Finding]) -> bool:
        return any(f.rule == "AL012" and _overlaps(f.evidence.get(lang, ""), cut) for f in findings)

    return judge


outcome_extra: Counter[str] = Counter()


def run_scenario(
    name: str,
    change: Change | None,
    groups: list[list[int]],
    texts: dict[str, list[str]],
    seed: int,
    show: bool = False,
) -> Outcome:
    rules = select_rules(list(CODES))
    rng = random.Random(seed)
    outcome = Outcome()
    outcome_extra.clear()
    for rows in groups:
        sample = Sample(
            titles={lang: texts[lang][rows[0]] for lang in LANGS},
            lines={lang: [texts[lang][r] for r in rows[1:]] for lang in LANGS},
        )
        judge = change(sample, rng) if change is not None else None
        if change is not None and judge is None:
            continue
        context = build_context(sample)
        findings = [f for rule in rules for f in rule().check(context)]
        outcome.documents += 1
        outcome.lines += len(rows)
        outcome.findings.update(f.rule for f in findings)
        outcome.errors += sum(f.severity.name == "error" for f in findings)
        if show:
            outcome.examples.extend(f"{f.rule} {f.message} | {dict(f.evidence)}"[:300] for f in findings)
        if judge is not None:
            verdict = judge(context, findings)
            if verdict is not None:
                outcome.trials += 1
                outcome.hits += bool(verdict)
    outcome.extra = Counter(outcome_extra)
    return outcome


# --- length model and similarity ----------------------------------------------------------------


def fit_lengths(texts: dict[str, list[str]]) -> list[str]:
    """The constants of align/rules/lengths.py, measured on all NTREX lines."""
    rows = []
    for a, b in PAIRS:
        la = np.array([text_length(s) for s in texts[a]], float)
        lb = np.array([text_length(s) for s in texts[b]], float)
        ratio = np.log(lb / la)
        mean = float(ratio.mean())
        size = np.sqrt(la * lb)
        design = np.stack([np.ones_like(size), 1 / size], axis=1)
        (c0, c1), *_ = np.linalg.lstsq(design, (ratio - mean) ** 2, rcond=None)
        z = (ratio - mean) / np.sqrt(c0 + c1 / size)
        beyond = int(((abs(z) > 3) & (np.maximum(la, lb) >= 40)).sum())
        rows.append(f"| {a}-{b} | {mean:.4f} | {c0:.5f} | {c1:.3f} | {beyond} of {len(z)} |")
    return ["| pair | mean log ratio | c0 | c1 | lines beyond 3 sigma (40+ chars) |", "|---|---|---|---|---|", *rows]


def compare_similarity(texts: dict[str, list[str]]) -> list[str]:
    """difflib (ours) against sacrebleu chrF: translations must score low, edited copies high."""
    rng = random.Random(0)

    def ratio(a: str, b: str) -> float:
        return difflib.SequenceMatcher(None, normalised(a), normalised(b), autojunk=False).ratio()

    scorers: dict[str, Callable[[str, str], float]] = {"difflib ratio (normalised text)": ratio}
    try:
        from sacrebleu.metrics import CHRF

        chrf = CHRF()
        scorers["sacrebleu chrF / 100"] = lambda a, b: chrf.sentence_score(a, [b]).score / 100
    except ImportError:
        pass

    def edited(line: str) -> str:
        words = line.split()
        if len(words) > 3:
            del words[rng.randrange(len(words))]
        return " ".join(words)

    copies = [(edited(texts[lang][i]), texts[lang][i]) for lang in LANGS for i in range(0, len(texts[lang]), 3)]
    translations = list(zip(texts["kk"], texts["ru"], strict=True))
    table = [
        "| measure | kk-ru translations: max | ≥ 0.85 | copies with a word dropped: 1st pct | ≥ 0.85 | ms/pair |",
        "|---|---|---|---|---|---|",
    ]
    for name, score in scorers.items():
        started = time.perf_counter()
        clean = np.array([score(a, b) for a, b in translations])
        copied = np.array([score(a, b) for a, b in copies])
        elapsed = (time.perf_counter() - started) * 1000 / (len(clean) + len(copied))
        table.append(
            f"| {name} | {clean.max():.2f} | {(clean >= 0.85).sum()} of {len(clean)} | "
            f"{np.quantile(copied, 0.01):.2f} | {(copied >= 0.85).mean():.1%} | {elapsed:.2f} |"
        )
    return table


def merge_links(texts: dict[str, list[str]], documents: list[list[int]], step: int = 3) -> list[str]:
    """AL011's decision on 2:1 links, as if the aligner had merged: every ``step``-th adjacent pair of lines.

    Legitimate: lines A, B against the other language's A' and B' joined by a semicolon (must not
    be flagged). Omission: A, B against A' alone (B omitted) or B' alone (A omitted): a hit when
    the omitted one is reported; *wrong* when the other one is.
    """
    pairs = [(r, r + 1) for rows in documents for r in rows[:-1]][::step]
    legit = false_alarms = omissions = hits = wrong = 0
    for a, b in pairs:
        for many in LANGS:
            merged = [texts[many][a], texts[many][b]]
            for one in LANGS:
                if one == many:
                    continue
                legit += 1
                false_alarms += omitted_in_merge(merged, many, _join(texts[one][a], texts[one][b]), one) is not None
                for kept, lost in ((a, 1), (b, 0)):
                    omissions += 1
                    found = omitted_in_merge(merged, many, texts[one][kept], one)
                    hits += found == lost
                    wrong += found is not None and found != lost
    return [
        "| AL011 on 2:1 links | links | flagged | rate |",
        "|---|---|---|---|",
        f"| legitimate merges (A+B : A'; b') | {legit} | {false_alarms} | {false_alarms / legit:.2%} |",
        f"| omission in merge (A+B : A' or B') | {omissions} | {hits} | recall {hits / omissions:.1%} |",
        f"| … the wrong sentence reported | {omissions} | {wrong} | {wrong / omissions:.2%} |",
    ]


def append(heading: str, lines: list[str], started: float, skip: bool) -> None:
    """Append ``lines`` under ``heading`` to RESULTS.md with the run time."""
    if not skip:
        append_results(heading, f"{time.perf_counter() - started:.0f} s.\n\n" + "\n".join(lines))


def per_200(count: int, lines: int) -> str:
    return f"{200 * count / max(lines, 1):.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="measure the length model and stop")
    parser.add_argument("--similarity", action="store_true", help="compare copy similarity measures and stop")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--scenarios", nargs="*", help="only these scenarios")
    parser.add_argument("--limit", type=int, default=120, help="manuscripts per changed scenario (clean: all)")
    parser.add_argument("--show", action="store_true", help="print the findings on clean text")
    parser.add_argument("--no-append", action="store_true", help="do not append to RESULTS.md")
    args = parser.parse_args()

    texts, documents = load_ntrex()
    if args.fit or args.similarity:
        started = time.perf_counter()
        lines = fit_lengths(texts) if args.fit else compare_similarity(texts)
        print("\n".join(lines))
        title = "Length model of AL011/AL012" if args.fit else "Copy similarity of AL003/AL004"
        flag = "--fit" if args.fit else "--similarity"
        append(f"{title} (benchmarks/divergence_structure.py {flag})", lines, started, args.no_append)
        return

    groups = make_groups(documents, random.Random(args.seed))
    pool = {lang: [texts[lang][r] for rows in documents for r in rows] for lang in LANGS}
    scenarios: dict[str, Change | None] = {
        "clean": None,
        "copy": copy_change(edit=False),
        "copy-edited": copy_change(edit=True),
        "block-copy": block_copy,
        "foreign": foreign_change(pool),
        "duplicate": duplicate_change(pool),
        "merge": merge_change,
        "delete": delete_change,
        "truncate": truncate_change,
    }
    targets = {"copy": "AL004", "copy-edited": "AL004", "block-copy": "AL004", "foreign": "AL003"}
    targets |= {"duplicate": "AL005", "delete": "AL011", "truncate": "AL012"}
    chosen = args.scenarios or list(scenarios)
    columns = " | ".join(f"{c} /200" for c in CODES)
    header = f"| scenario | manuscripts | lines | {columns} | errors /200 | recall | notes |"
    table = [header, "|" + "---|" * (header.count("|") - 1)]
    started = time.perf_counter()
    for number, name in enumerate(chosen):
        sample = groups if name == "clean" else random.Random(number).sample(groups, min(args.limit, len(groups)))
        outcome = run_scenario(name, scenarios[name], sample, texts, args.seed + number, args.show)
        recall = f"{targets[name]} {outcome.hits}/{outcome.trials}" if name in targets else "–"
        notes = ", ".join(f"{k} {v}" for k, v in sorted(outcome.extra.items()))
        counts = " | ".join(per_200(outcome.findings[c], outcome.lines) for c in CODES)
        table.append(
            f"| {name} | {outcome.documents} | {outcome.lines} | {counts} | "
            f"{per_200(outcome.errors, outcome.lines)} | {recall} | {notes} |"
        )
        print(table[-1], flush=True)
        if args.show:
            for example in outcome.examples:
                print("   ", example)
    links = merge_links(texts, documents)
    print("\n".join(table))
    print("\n".join(links))
    note = (
        f"seed {args.seed}. Findings per 200 NTREX lines (groups: a headline + 4–10 lines); "
        "recall = hits/trials of the scenario's rule."
    )
    append(
        "Structure rules AL003/AL004/AL005/AL011/AL012 (benchmarks/divergence_structure.py)",
        [note, "", *table, "", *links],
        started,
        args.no_append,
    )


if __name__ == "__main__":
    main()
