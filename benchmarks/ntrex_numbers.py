"""False alarms and injected-defect recall of align.numbers on NTREX-128 (EN–KK, EN–RU, KK–RU).

Clean pairs.  Line i of each NTREX file translates line i of the others, so a pair of lines
whose numbers disagree is either a false alarm or a real defect of the human translation.  Two
checks are run on every pair:
* naive: the multisets of digit strings (``\\d+``) differ;
* ours: ``compare_numbers(extract_numbers(a), extract_numbers(b)).differs``.
Every pair ours flags is printed with what it found missing.  The ones that are real defects
were read by hand and are listed in benchmarks/ntrex_defects.tsv with the reason (the known ones: "385 miles" →
"360 км"; "150,000" → "150 000 мыңдай", i.e. 150 million; "800 kph" → "497 км/ч"; years and
scores left out); the rest count as false alarms, reported per 100 sentence pairs.  The
normalisation rules of align.numbers were written while reading these pairs, so the clean figures
are not from unseen data; tests/test_numbers.py holds independent examples of each rule.

Injected defects.  For every line whose side X has a digit, one digit of one digit run of X
(both chosen with a seeded RNG) is replaced by another digit (never a leading zero), and X is
compared with the untouched other side.  Both directions are run for each language pair.
Detected = the report differs and its missing lists differ from the clean pair's report.
Recall = detected / injected.  Precision = detected / (detected + clean pairs flagged), over the
same lines: i.e. precision when half the lines with numbers carry a defect.  Changes that the
rules tolerate by design are misses here: inside an identifier ("SS19"), a bracketed conversion,
a measurement still within the 15 % conversion tolerance, or a last digit under a scale word's
rounding ("380 001" vs "380 тысяч").  --errors lists the misses.

Prints a table and appends it to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections import Counter

from ntrex_docs import append_results, load_ntrex, real_defects

from align.numbers import NumberDiff, compare_numbers, extract_numbers

PAIRS = (("en", "kk"), ("en", "ru"), ("kk", "ru"))
SEED = 20240611


def number_defects() -> dict[int, str]:
    """The number defects of NTREX read by hand (benchmarks/ntrex_defects.tsv): 0-based line → why."""
    return {defect.line - 1: defect.reason for defect in real_defects() if defect.rule == "AL020"}


def naive_differs(a: str, b: str) -> bool:
    return Counter(re.findall(r"\d+", a)) != Counter(re.findall(r"\d+", b))


def describe(diff: NumberDiff) -> str:
    missing_b = ", ".join(m.text for m in diff.missing_in_b) or "-"
    missing_a = ", ".join(m.text for m in diff.missing_in_a) or "-"
    return f"only in first: {missing_b}; only in second: {missing_a}"


def mutate(line: str, rng: random.Random) -> tuple[str, tuple[int, int]] | None:
    """``line`` with one digit of one digit run changed, and the run's span; None without digits."""
    runs = list(re.finditer(r"\d+", line))
    if not runs:
        return None
    run = rng.choice(runs)
    position = rng.randrange(run.start(), run.end())
    choices = [d for d in "0123456789" if d != line[position]]
    if position == run.start() and run.end() - run.start() > 1:
        choices = [d for d in choices if d != "0"]
    return line[:position] + rng.choice(choices) + line[position + 1 :], run.span()


def _signature(diff: NumberDiff) -> tuple[tuple[float, ...], tuple[float, ...]]:
    return tuple(sorted(m.value for m in diff.missing_in_b)), tuple(sorted(m.value for m in diff.missing_in_a))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the injected changes that were missed")
    parser.add_argument("--no-append", action="store_true", help="do not append to RESULTS.md")
    args = parser.parse_args()

    lines, _ = load_ntrex()
    real_defects_at = number_defects()
    count = len(lines["en"])
    started = time.perf_counter()
    mentions = {lang: [extract_numbers(s, lang) for s in texts] for lang, texts in lines.items()}
    per_sentence_ms = (time.perf_counter() - started) / (3 * count) * 1000
    rng = random.Random(SEED)

    rows, listing, misses = [], [], []
    for a, b in PAIRS:
        naive = sum(naive_differs(lines[a][i], lines[b][i]) for i in range(count))
        clean = [compare_numbers(mentions[a][i], mentions[b][i]) for i in range(count)]
        flagged = [i for i in range(count) if clean[i].differs]
        real = [i for i in flagged if i in real_defects_at]
        listing.append(f"\n{a}–{b}: {len(flagged)} pairs flagged")
        for i in flagged:
            label = f"REAL: {real_defects_at[i]}" if i in real_defects_at else "FALSE ALARM"
            listing.append(f"  line {i + 1} [{label}] {describe(clean[i])}")
            listing.append(f"    {a}: {lines[a][i]}")
            listing.append(f"    {b}: {lines[b][i]}")

        injected = detected = clean_flagged = 0
        for side, other in ((a, b), (b, a)):
            for i in range(count):
                changed = mutate(lines[side][i], rng)
                if changed is None:
                    continue
                text, _span = changed
                reference = compare_numbers(mentions[side][i], mentions[other][i])
                diff = compare_numbers(extract_numbers(text, side), mentions[other][i])
                injected += 1
                clean_flagged += reference.differs
                if diff.differs and _signature(diff) != _signature(reference):
                    detected += 1
                else:
                    misses.append(f"  {side}→{other} line {i + 1}: {lines[side][i]}\n      changed: {text}")
        recall = detected / injected
        precision = detected / (detected + clean_flagged) if detected + clean_flagged else 1.0
        false_alarms = len(flagged) - len(real)
        rows.append((f"{a}–{b}", count, naive, len(flagged), len(real), false_alarms, injected, recall, precision))

    header = (
        "| pair | pairs | naive digits differ (/100) | ours flagged (/100) | real defects | false alarms (/100) "
        "| injected | recall | precision |"
    )
    table = [header, "|" + "---|" * 9]
    for pair, n, naive, flagged, real, false, injected, recall, precision in rows:
        table.append(
            f"| {pair} | {n} | {naive} ({naive / n * 100:.2f}) | {flagged} ({flagged / n * 100:.2f}) | {real} "
            f"| {false} ({false / n * 100:.2f}) | {injected} | {recall:.3f} | {precision:.3f} |"
        )
    print("\n".join(table))
    print(f"extract_numbers: {per_sentence_ms:.3f} ms per sentence")
    print("\n".join(listing))
    if args.errors:
        print(f"\nmissed injected changes ({len(misses)}):")
        print("\n".join(misses))
    if not args.no_append:
        append_results(
            "Numbers (benchmarks/ntrex_numbers.py)",
            f"NTREX-128, {count} line pairs per language pair. naive = multisets of digit strings differ; ours = "
            "align.numbers reports a number without a partner. Flagged pairs read by hand: real translation defects "
            "(benchmarks/ntrex_defects.tsv) vs false alarms (per 100 pairs). Injected: one digit changed in one side "
            f"of every line with digits (both directions, seed {SEED}); precision = detected / (detected + clean "
            f"pairs flagged) on the same lines. extract_numbers {per_sentence_ms:.2f} ms per sentence.\n\n"
            + "\n".join(table),
        )


if __name__ == "__main__":
    main()
