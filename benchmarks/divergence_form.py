"""False alarms of the form rules (AL040–AL042, AL050–AL052) on clean NTREX-128 abstracts.

NTREX-128 is line-aligned news: line i of eng/kaz/rus translates line i of the others. Runs of 4–10
consecutive lines of one document (sizes drawn with a fixed seed) become one manuscript in the rule
tests' Markdown layout (``tests/rules/manuscript.py``: labelled abstract and keywords per language,
no title), which is read, aligned and checked like any file. Every finding on these clean texts is
counted against its rule; error-level findings are the ones the target of at most 1 per 200
sentences is about.

NTREX has no keywords, so each manuscript gets keyword lists made of the names it mentions: the
most frequent capitalised words of the English text that are not sentence-initial, each paired
with the Kazakh and Russian word of the same lines whose folded spelling (``align.aligner.fold``)
starts the same way, plus a topic phrase (mass media / бұқаралық ақпарат құралдары /
средства массовой информации). The Russian keyword is that word's pymorphy3 lemma when pymorphy3 parses it
as a name, the Kazakh one its stripped stem (*Москве* → *Москва*, *Қазақстанның* → *Қазақстан*),
so AL042 has to find inflected forms. Manuscripts with fewer than 3 such names get no keywords.
The lists are parallel by construction: this measures AL040/AL041 false alarms of the keyword
aligner and AL042 false alarms of word matching, not their recall (the unit tests cover that).

AL060/AL061 (journal profile limits) are left out: 4–10 news sentences are shorter than 100 words.

Prints a table and appends it to benchmarks/RESULTS.md (``--no-append`` to skip); ``--show``
prints every finding.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import time
from collections import Counter
from functools import cache
from multiprocessing import Pool

from ntrex_docs import LANGS, Sample, append_results, context_of, load_ntrex, markdown

from align.aligner.fold import fold
from align.rules import Severity, select_rules
from align.rules.al050_unbalanced_brackets_quotes import unmatched_marks
from align.terms.morph import kk_stem

RULES = ("AL040", "AL041", "AL042", "AL050", "AL051", "AL052")
SEED = 20241124
MAX_KEYWORDS = 6
_CAPITALISED = re.compile(r"(?<![\w’'-])[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][^\W\d_]{2,}")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|[\"“«(]\s*)$")


def groups(documents: list[list[int]], texts: dict[str, list[str]], rng: random.Random) -> list[range]:
    """Runs of 4–10 consecutive lines of one document; a document's short tail joins its last run.

    News quotes run over several lines, an abstract does not stop inside one: a run is cut only
    where the English straight quotes and the Russian guillemets seen so far are balanced
    (a plain count, independent of AL050): the nearest such cut to the drawn size is taken.
    """
    runs: list[range] = []
    for rows in documents:
        start, end = rows[0], rows[-1] + 1
        position = start
        while position < end:
            stop = min(position + rng.randint(4, 10), end)
            # the nearest balanced cut at least 4 lines in, up to 8 lines later than drawn
            candidates = sorted(range(min(position + 4, end), min(stop + 8, end) + 1), key=lambda c: abs(c - stop))
            stop = next((c for c in candidates if _balanced(texts, position, c)), stop)
            if stop - position < 4 and runs and runs[-1].stop == position and runs[-1].start >= start:
                runs[-1] = range(runs[-1].start, stop)
            elif stop - position >= 4:
                runs.append(range(position, stop))
            position = stop
    return runs


def _balanced(texts: dict[str, list[str]], start: int, stop: int) -> bool:
    english = "".join(texts["en"][start:stop])
    russian = "".join(texts["ru"][start:stop])
    return english.count('"') % 2 == 0 and russian.count("«") == russian.count("»")


def names(text: str) -> Counter[str]:
    """Capitalised words not at the start of a sentence, with their counts."""
    found: Counter[str] = Counter()
    for match in _CAPITALISED.finditer(text):
        if not _SENTENCE_START.search(text[: match.start()]):
            found[match.group()] += 1
    return found


def counterpart(name: str, words: list[str]) -> str | None:
    """The word of ``words`` whose folded spelling starts like ``name``'s (a transliterated name)."""
    key = fold(name)
    width = min(len(key), 5)
    matches = [w for w in words if fold(w)[:width] == key[:width]]
    return min(matches, key=len) if matches else None


# One common keyword per list: a list of bare names is too short for language identification to
# tell Kazakh from Russian, and the block finder then files it under the wrong language. A word
# news never uses, so that AL042 does not report it.
TOPIC = {"en": "mass media", "kk": "бұқаралық ақпарат құралдары", "ru": "средства массовой информации"}
_NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


def russian_name(word: str) -> str:
    """The nominative of a Russian name (Москве → Москва); the word itself when pymorphy3 sees no name."""
    for parse in _morph().parse(word):
        if parse.tag.grammemes & _NAME_TAGS:
            return parse.normal_form.capitalize()
    return word


def kazakh_name(word: str) -> str:
    """The stem of a Kazakh name (Қазақстанның → Қазақстан); the word itself if too little is left."""
    stem = kk_stem(word)
    return stem.capitalize() if len(stem) >= 4 else word


@cache
def _morph():  # type: ignore[no-untyped-def]
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def keyword_lists(lines: dict[str, list[str]]) -> dict[str, str]:
    """Parallel EN/KK/RU keyword lists of the names the three texts share, or empty lists."""
    english = names(" ".join(lines["en"]))
    words = {lang: [m.group() for m in _CAPITALISED.finditer(" ".join(lines[lang]))] for lang in ("kk", "ru")}
    chosen: dict[str, list[str]] = {"en": [], "kk": [], "ru": []}
    for name, _ in english.most_common():
        kk, ru = counterpart(name, words["kk"]), counterpart(name, words["ru"])
        if kk is None or ru is None:
            continue
        keywords = {"en": name, "kk": kazakh_name(kk), "ru": russian_name(ru)}
        if any(keywords[lang] in chosen[lang] for lang in chosen):
            continue
        for lang, keyword in keywords.items():
            chosen[lang].append(keyword)
        if len(chosen["en"]) == MAX_KEYWORDS:
            break
    if len(chosen["en"]) < 3:
        return {lang: "" for lang in chosen}
    return {lang: ", ".join([*keywords, TOPIC[lang]]) for lang, keywords in chosen.items()}


def check_manuscript(job: tuple[int, range, dict[str, list[str]], dict[str, str]]):  # type: ignore[no-untyped-def]
    """Findings of the form rules on one manuscript; ``None`` when an abstract was not detected.

    ``documents`` holds the whole NTREX document each manuscript was cut from, per language.
    """
    _, rows, lines, documents = job
    keywords = keyword_lists(lines)
    # no title: an empty line 0
    context = context_of(markdown(Sample({lang: ["", *lines[lang]] for lang in LANGS}), keywords))
    detection = context.detection
    blocks = {lang: detection.block(lang, "abstract") for lang in LANGS}
    if any(block is None for block in blocks.values()):
        return None
    counted = Counter({lang: len(block.sentences) for lang, block in blocks.items() if block is not None})
    # The block finder files some lists of names under the wrong language (Liverpool, Shaqiri… as
    # Kazakh); the keyword rules would then compare the wrong lists.
    misfiled = any(b.role == "keywords" and b.label_lang and b.label_lang != b.lang for b in detection.blocks)
    found = []
    for rule in select_rules(RULES):
        if misfiled and rule.code.startswith("AL04"):
            continue
        for finding in rule().check(context):
            if finding.rule == "AL050" and unmatched_marks(documents[finding.langs[0]]):
                found.append(("AL050 (document)", finding.severity, ""))  # unbalanced in NTREX already
                continue
            spans = "; ".join(f"{s.lang}:{s.text!r}" for s in finding.spans)
            line = f"[{rows.start + 1}-{rows.stop}] {finding.rule} {finding.message} | {spans}"
            found.append((finding.rule, finding.severity, line))
    return found, counted, bool(keywords["en"]) and not misfiled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every finding")
    parser.add_argument("--no-append", action="store_true", help="do not append to RESULTS.md")
    args = parser.parse_args()

    texts, row_lists = load_ntrex()
    runs = groups(row_lists, texts, random.Random(SEED))
    rules = select_rules(RULES)
    counts: Counter[tuple[str, Severity]] = Counter()
    sentences = Counter[str]()
    incomplete = with_keywords = 0
    started = time.perf_counter()
    document_of = {row: n for n, rows in enumerate(row_lists) for row in rows}
    documents = [{lang: " ".join(texts[lang][i] for i in rows) for lang in LANGS} for rows in row_lists]
    jobs = [
        (n, rows, {lang: [texts[lang][i] for i in rows] for lang in LANGS}, documents[document_of[rows.start]])
        for n, rows in enumerate(runs)
    ]
    with Pool(os.cpu_count() or 1) as pool:
        for result in pool.imap(check_manuscript, jobs, chunksize=4):
            if result is None:
                incomplete += 1
                continue
            found, counted, had_keywords = result
            with_keywords += had_keywords
            sentences.update(counted)
            for code, severity, line in found:
                counts[(code, severity)] += 1
                if args.show and line:
                    print(line)
    elapsed = time.perf_counter() - started
    total_sentences = sum(sentences.values())

    def per_200(n: int) -> str:
        return f"{200 * n / max(total_sentences, 1):.2f}"

    table = [
        "| rule | severity | findings | per 200 sentences |",
        "|---|---|---:|---:|",
    ]
    for rule in rules:
        found = sum(n for (code, _), n in counts.items() if code == rule.code)
        table.append(f"| {rule.code} {rule.name} | {rule.severity} | {found} | {per_200(found)} |")
        if rule.code == "AL050":
            inherited = sum(n for (code, _), n in counts.items() if code == "AL050 (document)")
            table.append(f"| AL050, whole NTREX document unbalanced | warning | {inherited} | {per_200(inherited)} |")
    errors = sum(n for (_, severity), n in counts.items() if severity is Severity.error)
    everything = sum(counts.values())
    table.append(f"| all | error | {errors} | {per_200(errors)} |")
    table.append(f"| all | any | {everything} | {per_200(everything)} |")
    summary = (
        f"NTREX-128: {len(runs)} manuscripts of {min(map(len, runs))}–{max(map(len, runs))} consecutive lines "
        f"(4–10 drawn with seed {SEED}, moved to a quote-balanced cut), {incomplete} without all three "
        f"abstracts detected; {total_sentences} sentences (en {sentences['en']}, kk {sentences['kk']}, "
        f"ru {sentences['ru']}); {with_keywords} manuscripts with name-based keyword lists "
        "filed under their label's language by the block finder "
        f"(3–{MAX_KEYWORDS} names and a topic word). "
        "AL050 findings in a language whose whole NTREX document is unbalanced (news quotations running over "
        "several paragraphs, translators' slips) are counted apart. "
        f"All findings are false alarms unless read otherwise. {elapsed:.1f} s in all."
    )
    print(summary)
    print("\n".join(table))
    if not args.no_append:
        append_results("Form rules on clean text (benchmarks/divergence_form.py)", summary + "\n\n" + "\n".join(table))


if __name__ == "__main__":
    main()
