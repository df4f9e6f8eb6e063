"""Language identification on NTREX-128: align.langid against the raw detectors it could have been.

Scored strings, for each of the 1,997 line-aligned sentences of eng/kaz/rus:
  lines      the whole line;
  3 words    its first three whitespace-separated tokens;
  1st word   its first token;
  kk-Latn    the Kazakh line transliterated to the 2021 Latin alphabet (whole, and first three words).

Gold: the language of the file, except for lines that were not translated. Two lines of the data are
not in their file's language: kaz line 1660 was left in English, and line 681 is French in both the
English source and the Russian file ("Il faut bien le faire."). The benchmark finds every untranslated
candidate itself (a kaz or rus line identical to the English one or without a Cyrillic letter, and the
English line it repeats) and takes its true language from CHECKED_LANGUAGE, checked by reading; it stops
if the candidates and the table disagree, so the table cannot silently go stale. A detector that names
the true language (en, fr) is right; one that answers the file's language is wrong. Fragments inherit
the gold of their line.
For align.langid a Kazakh answer on a kk-Latn string must also say script "latn".

Detectors: align.langid.identify; py3langid restricted to en/kk/ru (the model align.langid builds
on); lingua-language-detector restricted to en/kk/ru and langdetect (no Kazakh at all), each only if
installed — neither is a dependency. langdetect takes ~4 ms a call, so it is scored on every 4th line
and the untranslated ones (marked * in the table). Time is the mean per call over everything the
detector scored; memory is the resident set size of a fresh interpreter after loading the detector and
identifying one string.

Prints the tables, lists align.langid's misidentified lines, and appends to benchmarks/RESULTS.md
(--no-append to skip).
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# This file is called langid.py: keep its folder off the import path so that it shadows nothing.
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path[0] = str(REPO)

from align.langid import identify  # noqa: E402
from align.langid.translit import kazakh_cyrillic_to_latin_2021  # noqa: E402

SHARED = Path(os.environ.get("ALIGN_SHARED", REPO.parent / "shared"))
DATA = SHARED / "benchmarks" / "ntrex128"
RESULTS = REPO / "benchmarks" / "RESULTS.md"
FILES = {"en": "eng.txt", "kk": "kaz.txt", "ru": "rus.txt"}
# Every candidate of untranslated_candidates(), (file language, 1-based line) → the language the line
# is really in, checked by reading it. Those whose language differs from their file's are the exceptions.
CHECKED_LANGUAGE = {("en", 681): "fr", ("ru", 681): "fr", ("kk", 1660): "en", ("en", 1660): "en"}
TRUE_LANGUAGE = {key: lang for key, lang in CHECKED_LANGUAGE.items() if lang != key[0]}
SETS = ("lines", "3 words", "1st word", "kk-Latn lines", "kk-Latn 3 words")
SAMPLED_EVERY = {"langdetect": 4}

Detector = Callable[[str], tuple[str, str]]  # text → (language, script or "")


@dataclass
class Item:
    text: str
    gold: str
    file_lang: str
    line: int
    latin_kazakh: bool = False


@dataclass
class Score:
    right: Counter[tuple[str, str]] = field(default_factory=Counter)  # (set, file language)
    total: Counter[tuple[str, str]] = field(default_factory=Counter)
    answers: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # (set, file lang, answer)
    wrong_lines: list[tuple[Item, str]] = field(default_factory=list)
    seconds: float = 0.0
    calls: int = 0

    def accuracy(self, set_name: str, lang: str | None = None) -> float:
        keys = [k for k in self.total if k[0] == set_name and (lang is None or k[1] == lang)]
        total = sum(self.total[k] for k in keys)
        return sum(self.right[k] for k in keys) / total if total else float("nan")


def read_lines() -> dict[str, list[str]]:
    return {lang: (DATA / name).read_text(encoding="utf-8").splitlines() for lang, name in FILES.items()}


def untranslated_candidates(lines: dict[str, list[str]]) -> set[tuple[str, int]]:
    """Lines that may not be in their file's language, found mechanically: a kaz or rus line that
    repeats the English line or has no Cyrillic letter, and the English line it repeats."""
    found: set[tuple[str, int]] = set()
    for index, english in enumerate(lines["en"]):
        for lang in ("kk", "ru"):
            text = lines[lang][index]
            if text == english or not any("\u0400" <= char <= "\u04ff" for char in text):
                found.add((lang, index + 1))
                if text == english:
                    found.add(("en", index + 1))
    return found


def build_items(lines: dict[str, list[str]]) -> dict[str, list[Item]]:
    found = untranslated_candidates(lines)
    if found != set(CHECKED_LANGUAGE):
        sys.exit(f"untranslated candidates {sorted(found)} differ from CHECKED_LANGUAGE; check them by hand")
    items: dict[str, list[Item]] = {name: [] for name in SETS}
    for lang, texts in lines.items():
        for number, text in enumerate(texts, 1):
            gold = TRUE_LANGUAGE.get((lang, number), lang)
            tokens = text.split()
            items["lines"].append(Item(text, gold, lang, number))
            items["3 words"].append(Item(" ".join(tokens[:3]), gold, lang, number))
            items["1st word"].append(Item(" ".join(tokens[:1]), gold, lang, number))
            if lang == "kk":
                latin = kazakh_cyrillic_to_latin_2021(text)
                items["kk-Latn lines"].append(Item(latin, gold, lang, number, latin_kazakh=True))
                short = " ".join(latin.split()[:3])
                items["kk-Latn 3 words"].append(Item(short, gold, lang, number, latin_kazakh=True))
    return items


def is_right(item: Item, lang: str, script: str) -> bool:
    if lang != item.gold:
        return False
    # Our detector must also see that Latin Kazakh is Latin; the raw detectors say no script.
    return not (item.latin_kazakh and item.gold == "kk" and script and script != "latn")


def run(detector: Detector, items: dict[str, list[Item]], every: int = 1) -> Score:
    score = Score()
    for set_name, set_items in items.items():
        for item in set_items:
            # Sampled detectors still see the untranslated lines: they are the point of the exercise.
            if (item.line - 1) % every and (item.file_lang, item.line) not in TRUE_LANGUAGE:
                continue
            start = time.perf_counter()
            lang, script = detector(item.text)
            score.seconds += time.perf_counter() - start
            score.calls += 1
            key = (set_name, item.file_lang)
            score.total[key] += 1
            score.answers[(set_name, item.file_lang, lang)] += 1
            if is_right(item, lang, script):
                score.right[key] += 1
            elif set_name in ("lines", "kk-Latn lines"):
                score.wrong_lines.append((item, f"{lang}/{script}" if script else lang))
    return score


# --- detectors ------------------------------------------------------------------------------


def ours(text: str) -> tuple[str, str]:
    guess = identify(text)
    return guess.lang, guess.script


def py3langid_restricted() -> Detector:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages(["en", "kk", "ru"])
    return lambda text: (identifier.classify(text)[0], "")


def lingua_restricted() -> Detector | None:
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError:
        return None
    detector = (
        LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.KAZAKH, Language.RUSSIAN)
        .with_preloaded_language_models()
        .build()
    )

    def detect(text: str) -> tuple[str, str]:
        language = detector.detect_language_of(text)
        return (language.iso_code_639_1.name.lower() if language else "und"), ""

    return detect


def langdetect_full() -> Detector | None:
    try:
        from langdetect import DetectorFactory, LangDetectException, detect
    except ImportError:
        return None
    DetectorFactory.seed = 0  # langdetect samples at random; fix it so that runs agree

    def run_detect(text: str) -> tuple[str, str]:
        try:
            return detect(text), ""
        except LangDetectException:  # no letters
            return "und", ""

    return run_detect


# Snippets that load each detector in a fresh interpreter, identify one string, and print the RSS.
_RSS = "print(next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmRSS')))"
MEMORY_SNIPPETS = {
    "python alone": "",
    "align.langid": "from align.langid import identify; identify('Қазақстан Республикасы')",
    "py3langid en/kk/ru": (
        "from py3langid.langid import MODEL_FILE, LanguageIdentifier\n"
        "i = LanguageIdentifier.from_model_file(MODEL_FILE); i.set_languages(['en','kk','ru'])\n"
        "i.classify('Қазақстан Республикасы')"
    ),
    "lingua en/kk/ru": (
        "from lingua import Language as L, LanguageDetectorBuilder as B\n"
        "d = B.from_languages(L.ENGLISH, L.KAZAKH, L.RUSSIAN).with_preloaded_language_models().build()\n"
        "d.detect_language_of('Қазақстан Республикасы')"
    ),
    "langdetect": "from langdetect import detect; detect('Қазақстан Республикасы')",
}


def resident_mb(snippet: str) -> float | None:
    result = subprocess.run(
        [sys.executable, "-c", f"{snippet}\n{_RSS}"], capture_output=True, text=True, cwd=REPO, check=False
    )
    return int(result.stdout.split()[-1]) / 1024 if result.returncode == 0 and result.stdout else None


# --- report ---------------------------------------------------------------------------------


def machine_line() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.machine()}, {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def percent(value: float) -> str:
    return "–" if value != value else f"{100 * value:.2f}"


def main_table(scores: dict[str, Score], memory: dict[str, float | None], baseline: float | None) -> str:
    head = "| detector | " + " | ".join(SETS) + " | µs/call | RSS MB (over bare python) |"
    rows = [head, "|" + "---|" * (len(SETS) + 3)]
    for name, score in scores.items():
        star = "*" if name in SAMPLED_EVERY else ""
        cells = [percent(score.accuracy(s)) for s in SETS]
        rss = memory.get(name)
        rss_cell = f"{rss:.0f} (+{rss - baseline:.0f})" if rss and baseline else "–"
        micro = 1e6 * score.seconds / max(score.calls, 1)
        rows.append(f"| {name}{star} | " + " | ".join(cells) + f" | {micro:,.0f} | {rss_cell} |")
    return "\n".join(rows)


def per_language_table(scores: dict[str, Score]) -> str:
    sets = ("lines", "3 words", "1st word")
    head = "| detector | " + " | ".join(f"{s} {lang}" for s in sets for lang in FILES) + " |"
    rows = [head, "|" + "---|" * (3 * len(sets) + 1)]
    for name, score in scores.items():
        cells = [percent(score.accuracy(s, lang)) for s in sets for lang in FILES]
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def kazakh_answers(scores: dict[str, Score]) -> str:
    """What each detector calls the Kazakh lines, Cyrillic and Latin: shows who knows no Kazakh."""
    rows = ["| detector | Kazakh lines (Cyrillic) | Kazakh lines (2021 Latin) |", "|---|---|---|"]
    for name, score in scores.items():
        cells = []
        for set_name in ("lines", "kk-Latn lines"):
            answers = Counter({a: n for (s, f, a), n in score.answers.items() if s == set_name and f == "kk"})
            cells.append(", ".join(f"{a} {n}" for a, n in answers.most_common(4)))
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def wrong_lines_text(scores: dict[str, Score]) -> str:
    out = []
    for name, score in scores.items():
        wrong = score.wrong_lines
        out.append(f"{name}: {len(wrong)} misidentified lines (whole lines and kk-Latn lines)")
        special = [w for w in wrong if (w[0].file_lang, w[0].line) in TRUE_LANGUAGE]
        shown = wrong if name == "align.langid" else wrong[:3] + [w for w in special if w not in wrong[:3]]
        for item, answer in shown:
            latin = " (kk-Latn)" if item.latin_kazakh else ""
            out.append(f"  {item.file_lang} {item.line}{latin}: gold {item.gold}, said {answer}: {item.text[:90]}")
        for (lang, line), true in TRUE_LANGUAGE.items():
            if not any((i.file_lang, i.line) == (lang, line) and not i.latin_kazakh for i, _ in special):
                out.append(f"  {lang} {line}: gold {true}, identified correctly")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-append", action="store_true", help="do not append to RESULTS.md")
    args = parser.parse_args()

    items = build_items(read_lines())
    detectors: dict[str, Detector | None] = {
        "align.langid": ours,
        "py3langid en/kk/ru": py3langid_restricted(),
        "lingua en/kk/ru": lingua_restricted(),
        "langdetect": langdetect_full(),
    }
    ours("warm-up")  # load the model before timing
    scores: dict[str, Score] = {}
    for name, detector in detectors.items():
        if detector is None:
            print(f"{name}: not installed, skipped")
            continue
        scores[name] = run(detector, items, SAMPLED_EVERY.get(name, 1))
    memory = {name: resident_mb(MEMORY_SNIPPETS[name]) for name in scores}
    baseline = resident_mb(MEMORY_SNIPPETS["python alone"])

    tables = (
        f"Accuracy, % ({len(items['lines']) // 3} lines per language; * = every "
        f"{SAMPLED_EVERY['langdetect']}th line only):\n\n{main_table(scores, memory, baseline)}\n\n"
        f"Per file language, %:\n\n{per_language_table(scores)}\n\n"
        f"What the detectors call Kazakh lines (top answers):\n\n{kazakh_answers(scores)}\n"
    )
    wrong = wrong_lines_text(scores)
    print(tables)
    print(wrong)
    if args.no_append:
        return
    with RESULTS.open("a", encoding="utf-8") as results:
        results.write(
            f"\n## Language identification (benchmarks/langid.py)\n\n"
            f"{datetime.date.today().isoformat()} · {machine_line()}\n\n"
            "NTREX-128 eng/kaz/rus; gold = the file's language except the untranslated lines "
            "(kaz 1660 is English, eng/rus 681 French), which count as right only when the true "
            "language is named. kk-Latn = kaz lines transliterated to the 2021 Latin alphabet.\n\n"
            f"{tables}\n```\n{wrong}\n```\n"
        )
    print(f"appended to {RESULTS}")


if __name__ == "__main__":
    main()
