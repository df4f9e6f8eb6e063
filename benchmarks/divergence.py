"""Divergence benchmark on NTREX-128: injected divergences, false alarms, real defects, timings.

Usage::

    python benchmarks/divergence.py            # default sizes (about 10 minutes on 2 cores)
    python benchmarks/divergence.py --quick    # a smaller run
    python benchmarks/divergence.py --full     # more manuscripts, a longer cap on the whole-file run (~13 min)
    python benchmarks/divergence.py --no-append

NTREX-128 is cut into groups (benchmarks/ntrex_docs.py): a document's headline is the title and
4–10 consecutive lines of its body the abstract, per language, in tests/rules/manuscript.py's
Markdown layout with a short keyword list. Each group is checked with ``align.api.check`` (every
rule but the journal-profile limits AL060/AL061: news runs are not abstract-sized) untouched
(*clean*) and, for each injection type, with exactly one divergence injected into one Kazakh or
Russian abstract line chosen by a seeded generator; gold = (expected rules, language, line):

* ``number``: a number that the English line also has is changed (AL020);
* ``omission``: the line is deleted (AL010, or AL011 when the aligner hides it in a merge);
* ``untranslated``: the line is replaced by the English line (AL004);
* ``term``: an approved term of a concept the English line names is replaced by one of the
  termbase's deprecated variants of that concept (AL031);
* ``acronym``: an organisation acronym the English line also names is deleted (AL030);
* ``name``: a person or place name that the English line also has is replaced by another (AL032).

Only lines that end a sentence in all three languages are injected (NTREX headlines have no full
stop and run into the next line). A finding *detects* the injection when it is of an expected
rule, names the injected language, and one of its sentences (in any language) overlaps the
injected line. Recall = detected injections / injections. NTREX has defects of its own, read by
hand and listed in benchmarks/ntrex_defects.tsv: a finding of the listed rule on a listed line is
true. Precision of a type = (findings of its rules that detect the injection or a listed defect) /
(all findings of its rules on that type's manuscripts + their clean-set false alarms, scaled to the
type's number of manuscripts). Clean set: error-level findings per 200 English title+abstract
sentences, split into false alarms and real defects, and listed.

Timings: ``check`` on seed 000 (median of 3 in-process runs after a warm-up, and one cold CLI run),
the first 100 manuscripts of the scored run (in-process, sequential; the sum of their checks) and
the whole NTREX file as one manuscript (1,997 lines per language, run in a subprocess with a cap).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ntrex_docs import (
    LANGS,
    ROOT,
    Defect,
    Sample,
    append_results,
    load_ntrex,
    make_groups,
    markdown,
    real_defects,
    sample_of,
)

from align.api import CheckResult, check
from align.names import Word, similar, words_of
from align.rules import Finding, Severity
from align.rules.al030_organisation_mismatch import PLACE_SUBJECTS
from align.rules.al032_name_mismatch import generic
from align.terms import default_termbase, find_terms

SEED_FILE = ROOT.parent / "shared" / "seeds" / "000_0f8b6cd7f140dd0a.txt"
SEED = 20261124
IGNORE = ("AL060", "AL061")
KEYWORDS = {
    "en": "news, translation, media",
    "kk": "жаңалықтар, аударма, бұқаралық ақпарат",
    "ru": "новости, перевод, СМИ",
}
TARGETS = ("kk", "ru")
# injected manuscripts per type, clean manuscripts (0: every group), cap on the whole-file run (s)
SIZES = {"quick": (8, 8, 60), "default": (50, 0, 150), "full": (100, 0, 300)}

# Transliterated names that no NTREX line pairs with an English name: the replacement of a name.
OTHER_NAMES = {
    "kk": ("Жұмабаев", "Сарыағаш", "Тоқтарова", "Бейсенбаев", "Қарабалық"),
    "ru": ("Воронцов", "Кисловодск", "Белозерова", "Тимирязев", "Сыктывкар"),
}
_NUMBER_RE = re.compile(r"(?<![\d.,])\d+(?![\d])")
_SENTENCE_END = (".", "!", "?", "…", '."', ".»", ".”", "?”", "!”", '?"', ".'", "!»", "?»")


def with_keywords(sample: Sample) -> str:
    return markdown(sample, KEYWORDS)


# --- injections -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Gold:
    kind: str
    rules: tuple[str, ...]
    lang: str
    row: int  # index into Sample.lines (0 is the title)
    before: str
    after: str


Injector = Callable[[Sample, int, str, random.Random], "tuple[str, tuple[str, ...], str] | None"]


def _ends_sentences(sample: Sample, row: int) -> bool:
    return all(sample.lines[lang][row].rstrip().endswith(_SENTENCE_END) for lang in LANGS)


def change_number(sample: Sample, row: int, lang: str, rng: random.Random) -> tuple[str, ...] | None:
    line, english = sample.lines[lang][row], sample.lines["en"][row]
    english_numbers = set(_NUMBER_RE.findall(english))
    matches = [m for m in _NUMBER_RE.finditer(line) if m.group() in english_numbers]
    if not matches:
        return None
    match = rng.choice(matches)
    value = int(match.group())
    new = str(
        value + rng.randint(1, 9) if value < 10 else value + rng.choice((-1, 1)) * rng.randint(1, max(1, value // 10))
    )
    if new == match.group() or new in english_numbers:
        return None
    return (line[: match.start()] + new + line[match.end() :],)


def drop_sentence(sample: Sample, row: int, lang: str, rng: random.Random) -> tuple[str, ...] | None:
    return ("",)


def copy_english(sample: Sample, row: int, lang: str, rng: random.Random) -> tuple[str, ...] | None:
    english = sample.lines["en"][row]
    return (english,) if len(english.split()) >= 4 else None


def swap_term(sample: Sample, row: int, lang: str, rng: random.Random) -> tuple[str, ...] | None:
    termbase = default_termbase()
    line = sample.lines[lang][row]
    english = {h.concept_id for h in find_terms(sample.lines["en"][row], "en", termbase) if h.term.approved}
    options = []
    for hit in find_terms(line, lang, termbase):
        if hit.concept_id in english and hit.term.approved:
            options.extend(
                line[: hit.start] + wrong.text + line[hit.end :]
                for wrong in termbase.concept(hit.concept_id).deprecated(lang)
            )
    return (rng.choice(options),) if options else None


def drop_acronym(sample: Sample, row: int, lang: str, rng: random.Random) -> tuple[str, ...] | None:
    termbase = default_termbase()
    line = sample.lines[lang][row]
    hits = find_terms(line, lang, termbase)
    named = Counter(h.concept_id for h in hits)
    english = {h.concept_id for h in find_terms(sample.lines["en"][row], "en", termbase)}
    options = []
    for hit in hits:
        concept = termbase.concept(hit.concept_id)
        if (
            hit.term.kind == "acronym"
            and hit.term.approved
            and concept.subject.split("/", 1)[0] not in PLACE_SUBJECTS
            and named[hit.concept_id] == 1
            and hit.concept_id in english
        ):
            options.append(" ".join((line[: hit.start] + " " + line[hit.end :]).split()))
    return (rng.choice(options),) if options else None


def _names(line: str, lang: str) -> list[Word]:
    """The words AL032 takes for names: capitalised, not the first of a sentence or quotation, not an
    acronym nor a word of organisation names (*Генеральной*), in the line's own script (a brand the
    Russian copies in Latin letters is no transliteration)."""
    return [
        w
        for w in words_of(line)
        if w.capitalised
        and not w.initial
        and len(w.key) >= 3
        and not generic(w.key)
        and w.text.isascii() == (lang == "en")
    ]


def change_name(sample: Sample, row: int, lang: str, rng: random.Random) -> tuple[str, ...] | None:
    """Replace a name that all three lines have, once in the target line, by a name none of them has."""
    line = sample.lines[lang][row]
    english = _names(sample.lines["en"][row], "en")
    third = words_of(sample.lines["kk" if lang == "ru" else "ru"][row])
    words = words_of(line)
    options = [
        w
        for w in _names(line, lang)
        if any(similar(w, e) and any(similar(e, t) for t in third) for e in english)
        and sum(similar(w, other) for other in words) == 1  # another form of it would still name it
    ]
    if not options:
        return None
    word = rng.choice(options)
    other = rng.choice(OTHER_NAMES[lang])
    return (line[: word.start] + other + line[word.end :],)


INJECTIONS: dict[str, tuple[tuple[str, ...], Callable[..., tuple[str, ...] | None]]] = {
    "number": (("AL020",), change_number),
    "omission": (("AL010", "AL011"), drop_sentence),
    "untranslated": (("AL004",), copy_english),
    "term": (("AL031",), swap_term),
    "acronym": (("AL030",), drop_acronym),
    "name": (("AL032",), change_name),
}


def inject(kind: str, original: Sample, rng: random.Random) -> tuple[Sample, Gold] | None:
    """One divergence of ``kind`` in one KK/RU abstract line of ``original``, or None if none fits."""
    rules, injector = INJECTIONS[kind]
    places = [(row, lang) for row in range(1, len(original.lines["en"])) for lang in TARGETS]
    rng.shuffle(places)
    for row, lang in places:
        if not _ends_sentences(original, row):
            continue
        changed = injector(original, row, lang, rng)
        if changed is None:
            continue
        sample = original.copy()
        sample.lines[lang][row] = changed[0]
        return sample, Gold(kind, rules, lang, row, original.lines[lang][row], changed[0])
    return None


# --- scoring ----------------------------------------------------------------------------------------


def row_spans(result: CheckResult, sample: Sample, lang: str) -> dict[int, tuple[int, int]]:
    """Where each abstract line of ``lang`` sits in the detected abstract block's text."""
    block = result.detection.block(lang, "abstract")
    spans: dict[int, tuple[int, int]] = {}
    if block is None:
        return spans
    cursor = 0
    for row, line in enumerate(sample.lines[lang]):
        if row == 0 or not line:
            continue
        start = block.text.find(line, cursor)
        if start < 0:
            start = block.text.find(line[:30], cursor)
        if start >= 0:
            spans[row] = (start, start + len(line))
            cursor = start + 1
    return spans


def finding_rows(result: CheckResult, sample: Sample, finding: Finding) -> set[int]:
    """The lines (Sample.lines indices) that the sentences of a finding overlap, in any language."""
    if finding.role == "title":
        return {0}
    if finding.role != "abstract":
        return set()
    rows: set[int] = set()
    for lang, indices in finding.sentences.items():
        block = result.detection.block(lang, "abstract")
        if block is None:
            continue
        spans = row_spans(result, sample, lang)
        for index in indices:
            if index >= len(block.sentences):
                continue
            sentence = block.sentences[index]
            rows.update(row for row, (a, b) in spans.items() if a < sentence.end and b > sentence.start)
    return rows


def detects(finding: Finding, gold: Gold, result: CheckResult, sample: Sample) -> bool:
    return (
        finding.rule in gold.rules and gold.lang in finding.langs and gold.row in finding_rows(result, sample, finding)
    )


@dataclass
class Tally:
    manuscripts: int = 0
    sentences: int = 0  # English title + abstract sentences
    skipped: int = 0  # groups where no line fitted the injection
    detected: int = 0
    correct_findings: int = 0  # the injection's, or a real NTREX defect's
    rule_findings: int = 0  # on the injected set
    clean_share: float = 0.0  # the rules' clean-set false alarms, scaled to this set's size
    errors: int = 0
    by_rule: Counter[str] = field(default_factory=Counter)
    missed: list[str] = field(default_factory=list)


@dataclass
class Clean:
    """The untouched manuscripts: every finding, split into real NTREX defects and false alarms."""

    manuscripts: int = 0
    sentences: int = 0
    by_rule: Counter[str] = field(default_factory=Counter)
    real_by_rule: Counter[str] = field(default_factory=Counter)
    errors: list[Listed] = field(default_factory=list)


@dataclass(frozen=True)
class Listed:
    """An error-level finding on the clean set, and the hand-checked defect it reports, if any."""

    rule: str
    line: int  # 1-based NTREX line
    text: str
    defect: Defect | None


def english_sentences(result: CheckResult) -> int:
    return sum(
        len(block.sentences)
        for role in ("title", "abstract")
        if (block := result.detection.block("en", role)) is not None
    )


def run_check(sample: Sample, workdir: Path, durations: list[float]) -> CheckResult:
    path = workdir / "paper.md"
    path.write_text(with_keywords(sample), encoding="utf-8")
    started = time.perf_counter()
    result = check(path, ignore=IGNORE)
    durations.append(time.perf_counter() - started)
    return result


def ntrex_lines(finding: Finding, result: CheckResult, sample: Sample, rows: list[int]) -> list[int]:
    """The 1-based NTREX lines a finding points at (the group's title line for a block-level finding)."""
    return sorted(rows[where] + 1 for where in finding_rows(result, sample, finding)) or [rows[0] + 1]


def defect_of(finding: Finding, lines: list[int], defects: list[Defect]) -> Defect | None:
    """The listed NTREX defect a finding reports: same rule, one of its lines, one of its languages."""
    return next(
        (d for d in defects if d.rule == finding.rule and d.line in lines and set(d.langs) & set(finding.langs)),
        None,
    )


def score(
    texts: dict[str, list[str]], groups: list[list[int]], per_set: int, clean_size: int, durations: list[float]
) -> tuple[Clean, dict[str, Tally]]:
    rng = random.Random(SEED)
    defects = real_defects()
    clean_groups = rng.sample(groups, clean_size) if 0 < clean_size < len(groups) else list(groups)
    clean = Clean()
    tallies: dict[str, Tally] = {}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for rows in clean_groups:
            sample = sample_of(texts, rows)
            result = run_check(sample, workdir, durations)
            clean.manuscripts += 1
            clean.sentences += english_sentences(result)
            for finding in result.findings:
                lines = ntrex_lines(finding, result, sample, rows)
                defect = defect_of(finding, lines, defects)
                clean.by_rule[finding.rule] += 1
                clean.real_by_rule[finding.rule] += defect is not None
                if finding.severity == Severity.error:
                    evidence = "; ".join(f"{k}: {v}" for k, v in finding.evidence.items()) or finding.message
                    clean.errors.append(Listed(finding.rule, lines[0], f"{finding.message} — {evidence}", defect))
        for kind, (rules, _) in INJECTIONS.items():
            tally = tallies.setdefault(kind, Tally())
            kind_rng = random.Random(f"{SEED}-{kind}")
            order = list(groups)
            kind_rng.shuffle(order)
            for rows in order:
                if tally.manuscripts >= per_set:
                    break
                injected = inject(kind, sample_of(texts, rows), kind_rng)
                if injected is None:
                    tally.skipped += 1
                    continue
                sample, gold = injected
                result = run_check(sample, workdir, durations)
                tally.manuscripts += 1
                tally.sentences += english_sentences(result)
                ours = [f for f in result.findings if f.rule in rules]
                tally.by_rule.update(f.rule for f in ours)
                hits = [f for f in ours if detects(f, gold, result, sample)]
                real = [
                    f
                    for f in ours
                    if f not in hits and defect_of(f, ntrex_lines(f, result, sample, rows), defects) is not None
                ]
                tally.detected += bool(hits)
                tally.correct_findings += len(hits) + len(real)
                tally.rule_findings += len(ours)
                tally.errors += sum(f.severity == Severity.error for f in result.findings)
                if not hits:
                    tally.missed.append(
                        f"{kind} {gold.lang} line {rows[gold.row] + 1}: {gold.before[:70]!r} → {gold.after[:70]!r}"
                    )
            # Precision counts the rules' clean-set false alarms, scaled to the injected set's size
            # so that it does not depend on how many clean manuscripts were checked.
            false_alarms = sum(clean.by_rule[rule] - clean.real_by_rule[rule] for rule in rules)
            tally.clean_share = false_alarms * tally.manuscripts / clean.manuscripts
    return clean, tallies


# --- timings ----------------------------------------------------------------------------------------


def time_seed() -> tuple[float, float]:
    """Median of 3 warm in-process checks of seed 000, and one cold CLI run (seconds)."""
    check(SEED_FILE)
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        check(SEED_FILE)
        runs.append(time.perf_counter() - started)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "align", "check", str(SEED_FILE)], capture_output=True, check=False)
    return statistics.median(runs), time.perf_counter() - started


_WHOLE_FILE_SCRIPT = """
import sys, time
from align.api import check
started = time.perf_counter()
result = check(sys.argv[1], ignore=("AL060", "AL061"))
print(f"{time.perf_counter() - started:.1f} {len(result.findings)}")
"""


def time_whole_file(texts: dict[str, list[str]], cap: float) -> str:
    """``check`` on all of NTREX as one manuscript, in a subprocess stopped after ``cap`` seconds."""
    sample = Sample({lang: list(lines) for lang, lines in texts.items()})
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ntrex.md"
        path.write_text(with_keywords(sample), encoding="utf-8")
        started = time.perf_counter()
        try:
            done = subprocess.run(
                [sys.executable, "-c", _WHOLE_FILE_SCRIPT, str(path)],
                capture_output=True,
                text=True,
                timeout=cap,
                cwd=ROOT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return f"> {cap:.0f} s (stopped at the cap)"
        if done.returncode != 0:
            return f"failed after {time.perf_counter() - started:.0f} s: {done.stderr.strip().splitlines()[-1:]}"
        seconds, findings = done.stdout.split()[-2:]
        total = time.perf_counter() - started
        return f"{float(seconds):.1f} s in check ({findings} findings), {total:.1f} s with start-up"


# --- report -----------------------------------------------------------------------------------------


def ratio(a: int, b: int) -> str:
    return f"{a}/{b} = {a / b:.3f}" if b else "—"


def precision(t: Tally) -> str:
    total = t.rule_findings + t.clean_share
    if not total:
        return "—"
    return f"{t.correct_findings}/({t.rule_findings}+{t.clean_share:.1f}) = {t.correct_findings / total:.3f}"


def per_200(count: int, sentences: int) -> str:
    return f"{200 * count / sentences:.2f}" if sentences else "—"


def table(clean: Clean, tallies: dict[str, Tally]) -> str:
    real_errors = sum(item.defect is not None for item in clean.errors)
    false_errors = len(clean.errors) - real_errors
    rows = [
        "| set | rules | manuscripts | sentences (EN) | recall | precision | findings of the rules "
        "| errors/200 sentences | false-alarm errors/200 | real-defect errors/200 |",
        "|---|---|---:|---:|---:|---:|---|---:|---:|---:|",
        f"| clean | all | {clean.manuscripts} | {clean.sentences} | — | — | "
        + ", ".join(
            f"{rule} {n}" + (f" ({clean.real_by_rule[rule]} real)" if clean.real_by_rule[rule] else "")
            for rule, n in sorted(clean.by_rule.items())
        )
        + f" | {per_200(len(clean.errors), clean.sentences)} | {per_200(false_errors, clean.sentences)} "
        f"| {per_200(real_errors, clean.sentences)} |",
    ]
    for kind, (rules, _) in INJECTIONS.items():
        t = tallies[kind]
        rows.append(
            f"| {kind} | {'/'.join(rules)} | {t.manuscripts} | {t.sentences} | {ratio(t.detected, t.manuscripts)} "
            f"| {precision(t)} "
            f"| {', '.join(f'{r} {n}' for r, n in sorted(t.by_rule.items())) or '0'} "
            f"| {per_200(t.errors, t.sentences)} | — | — |"
        )
    return "\n".join(rows)


def listing(clean: Clean) -> list[str]:
    """The clean set's error-level findings: real NTREX defects first, then the false alarms."""
    real = sorted((item for item in clean.errors if item.defect), key=lambda item: (item.line, item.rule))
    false = sorted((item for item in clean.errors if not item.defect), key=lambda item: (item.rule, item.line))
    return [
        f"Real NTREX defects found ({len(real)} error-level findings; benchmarks/ntrex_defects.tsv):",
        "",
        *(f"- {i.rule} line {i.line} ({', '.join(i.defect.langs)}): {i.defect.reason}" for i in real if i.defect),
        "",
        f"False alarms ({len(false)} error-level findings):",
        "",
        *(f"- {i.rule} line {i.line}: {i.text[:200]}" for i in false),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help=f"{SIZES['quick'][0]} manuscripts per set")
    size.add_argument("--full", action="store_true", help=f"{SIZES['full'][0]} manuscripts per set")
    parser.add_argument("--no-append", action="store_true", help="do not append to benchmarks/RESULTS.md")
    parser.add_argument("--show-missed", action="store_true", help="print the injections no finding detected")
    args = parser.parse_args()
    mode = "quick" if args.quick else "full" if args.full else "default"
    per_set, clean_size, cap = SIZES[mode]

    texts, documents = load_ntrex()
    groups = make_groups(documents, random.Random(SEED))
    clean_count = clean_size or len(groups)
    print(f"mode {mode}: {clean_count} clean manuscripts, up to {per_set} per injection type, of {len(groups)} groups")
    started = time.perf_counter()
    seed_warm, seed_cold = time_seed()
    durations: list[float] = []
    clean, tallies = score(texts, groups, per_set, clean_size, durations)
    batch = durations[:100]
    whole = time_whole_file(texts, cap)
    elapsed = time.perf_counter() - started

    result = table(clean, tallies)
    timings = [
        "| timing | seconds |",
        "|---|---|",
        f"| `check` seed 000, in-process, median of 3 after a warm-up | {seed_warm:.2f} |",
        f"| `align check` seed 000, cold CLI (subprocess) | {seed_cold:.2f} |",
        f"| batch of {len(batch)} manuscripts, in-process, sequential (sum of checks) | {sum(batch):.1f} "
        f"({sum(batch) / max(1, len(batch)):.2f} per manuscript) |",
        f"| whole NTREX (1,997 lines × 3 languages) as one manuscript | {whole} |",
    ]
    found = listing(clean)
    print(result, "", *timings, "", *found, sep="\n")
    if args.show_missed:
        for tally in tallies.values():
            print("\n".join(tally.missed))
    skipped = ", ".join(f"{k} {t.skipped}" for k, t in tallies.items() if t.skipped)
    print(f"\n{elapsed:.0f} s in all; groups with no place for the injection (skipped): {skipped or 'none'}")
    if args.no_append:
        return
    append_results(
        f"Divergence benchmark (benchmarks/divergence.py, --{mode})",
        f"NTREX-128 groups (a document's headline as the title + 4–10 of its lines as the abstract, keywords "
        f"added), `align.api.check` with every rule but AL060/AL061; {clean_count} clean manuscripts, up to "
        f"{per_set} per injection type, one divergence injected in a KK or RU abstract line per injected "
        "manuscript (seeded). Recall = injections reported by a finding of the expected rule naming the language "
        "and the line; precision = (such findings + findings on a hand-checked NTREX defect, "
        "benchmarks/ntrex_defects.tsv) / (all findings of those rules on the injected set + their false alarms on "
        "the clean set scaled to the injected set's size); errors/200 = error-level findings per 200 English "
        "sentences (title + abstract), split into false alarms and real NTREX defects.\n\n"
        f"{result}\n\n" + "\n".join(timings) + "\n\n" + "\n".join(found),
    )


if __name__ == "__main__":
    main()
