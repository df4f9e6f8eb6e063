"""Sentence-boundary precision/recall/F1 of align.segment on NTREX-128 (EN, KK, RU).

Method.  The lines of each NTREX document (doc_ids.txt gives each line's document) are joined
with single spaces into one paragraph per language, which each splitter then re-splits.

Gold boundaries.
* Every junction between consecutive lines of a document whose earlier line ends in terminal
  punctuation (. ! ? …, possibly followed by closing quotes/brackets).  Junctions after a line
  without it (headlines, by-lines: ~7 % of them) are *excluded*: no splitter can see them in
  joined text, and a split predicted there counts neither way.  The script prints how many.
* Boundaries inside a line, where a translator wrote two sentences for one source sentence
  (frequent in KK and RU).  They were found by listing every "terminal punctuation + space +
  capital or digit" inside a line of any language (about 230 places) and reading each: the
  ones that are real sentence ends are listed in INTERNAL_BOUNDARIES below by the words that
  start the second sentence; the rest (Mr., St., U.S., initials, "млрд. долл. США", "!" before
  an attribution like '…water!'" Hammel added') are not boundaries.  A split inside a line is
  thus correct exactly when it falls on one of these, and a miss there is a false negative.
A predicted boundary matches a gold one when only non-alphanumeric characters (spaces, quotes,
dashes) lie between them: "сказал он. — «Мы …" may start the sentence at the dash or the quote.

Splitters: align.segment.split_sentences; raw razdel.sentenize; pysbd if installed (it is not
a dependency: `pip install pysbd` to include it).  A last row per language re-runs ours on the
lines joined by newlines instead of spaces: the scores must not change, and "excluded (split)"
shows how many headline junctions the short-heading-line rule then recovers.  Speed is NTREX
lines (sentences) per second, best of three runs.  The abbreviation rules of align.segment were
written while reading this benchmark's errors, so its figures are not from unseen data; the
tests hold independent examples of each rule.  Prints a table and appends it to
benchmarks/RESULTS.md; --errors lists every false positive/negative of our splitter.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from razdel import sentenize

from align.segment import split_sentences

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ALIGN_SHARED", Path(__file__).resolve().parents[2] / "shared"))
NTREX = SHARED / "benchmarks" / "ntrex128"
FILES = {"en": "eng.txt", "kk": "kaz.txt", "ru": "rus.txt"}
RESULTS = REPO / "benchmarks" / "RESULTS.md"

_ENDS_SENTENCE = re.compile(r"[.!?…][\"'»”“’)\]]*\s*$")

# line index (0-based) -> words that start each further sentence inside that line.
INTERNAL_BOUNDARIES: dict[str, dict[int, tuple[str, ...]]] = {
    "en": {203: ("As Rosa",), 846: ("You want",), 1288: ("We want",)},
    "kk": {
        203: ("“Роза“",),
        293: ("Жанжалды",),
        775: ("Бұл мені",),
        779: ("Студенттер",),
        785: ("Ол тіпті",),
        786: ("Ол былтыр",),
        807: ("Вингер",),
        836: ("Олар:",),
        846: ("Ендеше", "Әлемнің"),
        848: ("Variety",),
        869: ("Сонда",),
        899: ("Оңтүстік",),
        919: ("Ол франшиза",),
        921: ("Бұл оның",),
        927: ("Меніңше",),
        934: ("Вики",),
        960: ("Менің пікірім",),
        1063: ("Мұнда",),
        1134: ("Біз",),
        1147: ("Онымен",),
        1149: ("Ол өзінің",),
        1154: ("Ол ми",),
        1155: ("Соңғы",),
        1217: ("Бұл –",),
        1288: ("Менің ойымша",),
        1383: ("Ол кезде",),
        1426: ("Бірақ",),
        1441: ("Онда",),
        1447: ("Себебі",),
        1454: ("Лагерь",),
        1458: ("Себебі",),
        1490: ("Уэйд",),
        1523: ("Ол туралы",),
        1525: ("Себебі",),
        1545: ("Бірақ",),
        1551: ("Алайда",),
        1552: ("Ол жарақатым", "Бірақ"),
        1562: ("Себебі",),
        1583: ("Ресми",),
        1604: ("Нәтижесінде",),
        1605: ("Өйткені",),
        1611: ("Аляска",),
        1636: ("Әдетте",),
        1642: ("Ерлі-зайыпты",),
        1654: ("Себебі",),
        1657: ("Шабуылдаушыларды",),
        1691: ("ET баспасөз",),
        1698: ("Орташа",),
        1703: ("Бұл Ферраридің",),
        1723: ("Фордтың",),
        1876: ("Тамырын",),
        1902: ("Кристин",),
        1927: ("Шредер",),
        1941: ("Сарапшылардың",),
        1948: ("Мұндай",),
        1964: ("Ол 1979",),
        1966: ("Ян Полтер",),
        1972: ("Өз командама",),
        1990: ("Ол концентрациян",),
    },
    "ru": {
        13: ("Напомним",),
        28: ("«Рано",),
        30: ("— А это",),
        38: ("18 лет",),
        46: ("Вместе",),
        59: ("Для захвата",),
        67: ("Это привело",),
        74: ("Это будет",),
        142: ("Матч",),
        146: ("Землетрясение",),
        149: ("Ведется",),
        150: ("По подозрению",),
        153: ("Просьба",),
        179: ("Об этом",),
        194: ("Как рассказал",),
        203: ("Приближаясь",),
        227: ("В пятницу",),
        245: ("Двери",),
        279: ("Не обошлось",),
        284: ("Он был", "Год спустя"),
        292: ("Однако",),
        304: ("Для главного",),
        306: ("В воскресенье",),
        311: ("Затем",),
        328: ("«Рейнджерс», опус",),
        373: ("От Аризоны",),
        377: ("По подозрению",),
        397: ("В пятницу",),
        414: ("Власти",),
        418: ("Это весьма",),
        424: ("По словам",),
        464: ("Это происходило",),
        546: ("Я не бегаю",),
        556: ("Язык тела",),
        651: ("Поскольку",),
        697: ("Предложение",),
        831: ("Он заключался",),
        846: ("Надеть плащ", "Хотите ли"),
        899: ("Линдси Грэм",),
        935: ("Они сталкиваются",),
        981: ("Это было",),
        1056: ("Это обвинение",),
        1066: ("Аналитики",),
        1070: ("Они не забудут",),
        1203: ("Завтра",),
        1288: ("Мы хотим",),
        1409: ("Председатель",),
        1512: ("В его",),
        1917: ("Она рассказала",),
        1977: ("Исключение",),
    },
}

Splitter = Callable[[str, str], list[tuple[int, int]]]


def _razdel(text: str, lang: str) -> list[tuple[int, int]]:
    return [(s.start, s.stop) for s in sentenize(text)]


def _pysbd_splitter() -> Splitter | None:
    try:
        import pysbd  # optional, only for comparison
    except ImportError:
        return None
    segmenters = {lang: pysbd.Segmenter(language=lang, clean=False, char_span=True) for lang in FILES}

    def split(text: str, lang: str) -> list[tuple[int, int]]:
        return [(span.start, span.end) for span in segmenters[lang].segment(text)]

    return split


@dataclass
class Document:
    text: str
    gold: set[int]
    excluded: set[int]


def _canonical(text: str, offset: int) -> int:
    """The first alphanumeric character at or after ``offset`` (quotes and dashes are skipped)."""
    while offset < len(text) and not text[offset].isalnum():
        offset += 1
    return offset


def _internal_offsets(line: str, starts: tuple[str, ...], where: str) -> list[int]:
    offsets = []
    for words in starts:
        found = [
            match.start()
            for match in re.finditer(re.escape(words), line)
            if re.search(r"[.!?…][\"'»”“’)\]]*\s+[-—–]?\s*$", line[: match.start()])
        ]
        if not found:
            raise SystemExit(f"INTERNAL_BOUNDARIES {where}: {words!r} does not follow a sentence end")
        offsets.append(found[0])
    return offsets


def load_documents(lang: str, joiner: str = " ") -> list[Document]:
    lines = (NTREX / FILES[lang]).read_text(encoding="utf-8").split("\n")
    doc_ids = (NTREX / "doc_ids.txt").read_text(encoding="utf-8").split("\n")
    count = len([d for d in doc_ids if d])
    documents: list[Document] = []
    index = 0
    while index < count:
        end = index
        while end < count and doc_ids[end] == doc_ids[index]:
            end += 1
        text, gold, excluded = "", set(), set()
        for number in range(index, end):
            line = lines[number]
            if number > index:
                text += joiner
                ends = _ENDS_SENTENCE.search(lines[number - 1])
                (gold if ends else excluded).add(_canonical(text + line, len(text)))
            for offset in _internal_offsets(
                line, INTERNAL_BOUNDARIES[lang].get(number, ()), f"{lang}:{number}"
            ):
                gold.add(_canonical(text + line, len(text) + offset))
            text += line
        documents.append(Document(text, gold, excluded))
        index = end
    return documents


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    at_excluded: int = 0
    seconds: float = 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(split: Splitter, lang: str, documents: list[Document], errors: list[str] | None = None) -> Score:
    score = Score()
    best = float("inf")
    predictions: list[list[tuple[int, int]]] = []
    for _ in range(3):
        started = time.perf_counter()
        predictions = [split(document.text, lang) for document in documents]
        best = min(best, time.perf_counter() - started)
    score.seconds = best
    for document, spans in zip(documents, predictions, strict=True):
        predicted = {_canonical(document.text, start) for start, _ in spans[1:]}
        score.tp += len(predicted & document.gold)
        missed = document.gold - predicted
        wrong = predicted - document.gold - document.excluded
        score.fn += len(missed)
        score.fp += len(wrong)
        score.at_excluded += len(predicted & document.excluded)
        if errors is not None:
            for kind, offsets in (("FN", missed), ("FP", wrong)):
                for offset in sorted(offsets):
                    errors.append(f"{lang} {kind} …{document.text[max(0, offset - 50) : offset + 30]}…")
    return score


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list our splitter's errors")
    parser.add_argument("--no-append", action="store_true", help="do not append to RESULTS.md")
    args = parser.parse_args()

    splitters: dict[str, Splitter] = {"align.segment": split_sentences, "razdel": _razdel}
    if (pysbd_split := _pysbd_splitter()) is not None:
        splitters["pysbd 0.3"] = pysbd_split

    rows = []
    errors: list[str] = []
    line_count = 0
    for lang in FILES:
        documents = load_documents(lang)
        gold = sum(len(d.gold) for d in documents)
        excluded = sum(len(d.excluded) for d in documents)
        internal = sum(len(v) for v in INTERNAL_BOUNDARIES[lang].values())
        line_count = len(documents) + sum(len(d.gold) + len(d.excluded) for d in documents) - internal
        for name, split in splitters.items():
            collect = errors if args.errors and name == "align.segment" else None
            score = evaluate(split, lang, documents, collect)
            rows.append((lang, name, gold, internal, excluded, score))
        # Same documents with the lines joined by newlines: boundaries must not change, and the
        # heading rule may now split after short headlines (the excluded junctions).
        score = evaluate(split_sentences, lang, load_documents(lang, joiner="\n"))
        rows.append((lang, "align.segment, lines joined by \\n", gold, internal, excluded, score))

    header = "| lang | splitter | gold (in-line) | excluded (split) | P | R | F1 | FP | FN | lines/s |"
    table = [header, "|" + "---|" * 10]
    for lang, name, gold, internal, excluded, s in rows:
        table.append(
            f"| {lang} | {name} | {gold} ({internal}) | {excluded} ({s.at_excluded}) "
            f"| {s.precision:.4f} | {s.recall:.4f} "
            f"| {s.f1:.4f} | {s.fp} | {s.fn} | {line_count / s.seconds:,.0f} |"
        )
    print("\n".join(table))
    for error in errors:
        print(error)
    if not args.no_append:
        entry = [
            "",
            "## Sentence splitting (benchmarks/segment.py)",
            "",
            f"{dt.date.today().isoformat()} · {machine_line()}",
            "",
            f"NTREX-128, {line_count} lines joined per document and re-split. Gold = line junctions after "
            "terminal punctuation + hand-checked sentence ends inside lines; junctions after headlines "
            "without a full stop excluded (not scored; in brackets: how many the splitter split anyway). "
            "lines/s = NTREX lines split per second, best of 3.",
            "",
            *table,
            "",
        ]
        with RESULTS.open("a", encoding="utf-8") as results:
            results.write("\n".join(entry))


if __name__ == "__main__":
    main()
