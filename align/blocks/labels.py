"""Block labels ("Abstract", "Түйін сөздер", "Ключевые слова", …) and how to recognise them.

Manuscripts are typed by hand, so a label is matched after folding: case, Kazakh letters typed with
their Russian look-alikes (Андатпа for Аңдатпа), Latin diacritics of the Kazakh Latin alphabets
(Túıindeme, Tüiındeme) and Latin letters inside Cyrillic words (a Latin "i" in "Кiлт") all fold to
one key. A label may be followed by a language note in brackets and by ``.``, ``:`` or a dash.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

# (role, language of the label, spelling). Folding makes variants with Russian letters, capitals
# and Latin diacritics match, so only genuinely different words are listed.
LABELS: tuple[tuple[str, str, str], ...] = (
    ("abstract", "en", "abstract"),
    ("abstract", "en", "summary"),
    ("abstract", "ru", "аннотация"),
    ("abstract", "ru", "резюме"),
    ("abstract", "ru", "реферат"),
    ("abstract", "kk", "аңдатпа"),
    ("abstract", "kk", "түйіндеме"),
    ("abstract", "kk", "түйін"),
    ("abstract", "kk", "andatpa"),
    ("abstract", "kk", "añdatpa"),
    ("abstract", "kk", "an'datpa"),
    ("abstract", "kk", "túıindeme"),
    ("abstract", "kk", "tüiındeme"),
    ("abstract", "kk", "tüyindeme"),
    ("keywords", "en", "keywords"),
    ("keywords", "en", "key words"),
    ("keywords", "en", "key-words"),
    ("keywords", "en", "key terms"),
    ("keywords", "en", "index terms"),
    ("keywords", "ru", "ключевые слова"),
    ("keywords", "ru", "ключевые понятия"),
    ("keywords", "kk", "түйін сөздер"),
    ("keywords", "kk", "түйінді сөздер"),
    ("keywords", "kk", "кілт сөздер"),
    ("keywords", "kk", "кілттік сөздер"),
    ("keywords", "kk", "тірек сөздер"),
    ("keywords", "kk", "негізгі сөздер"),
    ("keywords", "kk", "kılt sózder"),
    ("keywords", "kk", "kilt sozder"),
    ("keywords", "kk", "kılt sözder"),
    ("keywords", "kk", "tüiın sözder"),
    ("keywords", "kk", "túıin sózder"),
    ("keywords", "kk", "tirek sözder"),
    ("keywords", "kk", "tırek sózder"),
    ("keywords", "kk", "tüiındı sözder"),
    ("keywords", "kk", "túıindi sózder"),
    ("title", "en", "title"),
    ("title", "en", "topic"),
    ("title", "en", "thesis title"),
    ("title", "ru", "название"),
    ("title", "ru", "заголовок"),
    ("title", "ru", "тема"),
    ("title", "ru", "тема диссертации"),
    ("title", "kk", "тақырып"),
    ("title", "kk", "тақырыбы"),
    ("title", "kk", "диссертация тақырыбы"),
    ("title", "kk", "атауы"),
    # Fields of a thesis abstract's opening lines: neither a block nor a title, skipped.
    ("field", "en", "author"),
    ("field", "en", "authors"),
    ("field", "en", "supervisor"),
    ("field", "en", "scientific supervisor"),
    ("field", "en", "research supervisor"),
    ("field", "en", "scientific advisor"),
    ("field", "en", "scientific adviser"),
    ("field", "en", "specialty"),
    ("field", "en", "speciality"),
    ("field", "ru", "автор"),
    ("field", "ru", "авторы"),
    ("field", "ru", "научный руководитель"),
    ("field", "ru", "научный консультант"),
    ("field", "ru", "научные консультанты"),
    ("field", "ru", "специальность"),
    ("field", "kk", "ғылыми жетекші"),
    ("field", "kk", "ғылыми жетекшісі"),
    ("field", "kk", "ғылыми кеңесші"),
    ("field", "kk", "ғылыми кеңесшілер"),
    ("field", "kk", "мамандығы"),
    ("field", "kk", "мамандық"),
)

# Rubrics of structured abstracts: a paragraph opening with one of these continues the abstract.
RUBRICS: frozenset[str] = frozenset(
    {
        "relevance", "background", "introduction", "aim", "aims", "purpose", "objective", "objectives",
        "goal", "methods", "method", "methodology", "materials and methods", "design", "approach",
        "results", "findings", "conclusion", "conclusions", "discussion", "practical implications",
        "implications", "originality", "value", "originality/value", "novelty", "limitations",
        "актуальность", "цель", "цели", "задачи", "методы", "методология", "материалы и методы",
        "результаты", "выводы", "заключение", "обсуждение", "новизна", "практическая значимость",
        "значимость", "өзектілігі", "өзектілік", "мақсаты", "мақсат", "міндеттері", "әдістері",
        "әдістемесі", "әдіснамасы", "нәтижелері", "нәтижесі", "қорытынды", "қорытындылар",
        "тұжырымдар", "жаңалығы", "практикалық маңызы", "маңыздылығы",
        # Rubrics that name the study ("The aim:", "Цель исследования.", "Зерттеудің мақсаты:").
        "the aim", "aim of the study", "purpose of the study", "цель исследования", "цель работы",
        "зерттеудің мақсаты", "зерттеу мақсаты", "материалдар мен әдістер",
    }
)

# Headings that open the main text: after them unlabelled paragraphs are no longer front matter.
BODY_HEADINGS: frozenset[str] = frozenset(
    {
        "introduction", "main text", "main part", "literature review", "references", "bibliography",
        "acknowledgements", "acknowledgments", "conclusion", "conclusions",
        "введение", "основная часть", "обзор литературы", "литература", "список литературы",
        "список использованной литературы", "заключение", "благодарности",
        "кіріспе", "негізгі бөлім", "әдебиеттер", "әдебиеттер тізімі", "пайдаланылған әдебиеттер",
        "қорытынды", "алғыс",
    }
)

_TO_RUSSIAN_LOOKALIKE = str.maketrans(
    {
        "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
        "ı": "i", "ё": "е", "’": "'", "ʼ": "'", "`": "'",
    }
)
# Latin letters that are typed inside Cyrillic words because they look the same.
_LATIN_HOMOGLYPHS = str.maketrans({"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "i": "и", "y": "у"})


_SPACES_AND_HYPHENS = re.compile(r"[\s\-]+")


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """A comparison key: lower case, no diacritics, Kazakh letters as their Russian look-alikes."""
    if text.isascii():  # the first words of most lines: of the steps below only these change ASCII
        return _SPACES_AND_HYPHENS.sub(" ", text.lower().replace("`", "'")).strip()
    text = text.casefold().translate(_TO_RUSSIAN_LOOKALIKE)
    decomposed = unicodedata.normalize("NFD", text)
    # Combining marks are dropped for Latin letters only: Cyrillic й is a letter of its own.
    kept = []
    for char in decomposed:
        if unicodedata.combining(char) and kept and kept[-1].isascii():
            continue
        kept.append(char)
    text = unicodedata.normalize("NFC", "".join(kept))
    if _cyrillic_share(text) > 0.5:
        text = text.translate(_LATIN_HOMOGLYPHS)
    return _SPACES_AND_HYPHENS.sub(" ", text).strip()


def _cyrillic_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum("\u0400" <= c <= "\u04ff" for c in letters) / len(letters)


@dataclass(frozen=True)
class LabelMatch:
    role: str
    lang: str
    label: str  # the label as written, without punctuation
    end: int  # offset in the text where the block's own content starts


_LABEL_KEYS: dict[str, tuple[str, str]] = {fold(spelling): (role, lang) for role, lang, spelling in LABELS}
_MAX_LABEL_WORDS = max(len(key.split()) for key in _LABEL_KEYS)
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)?", re.UNICODE)
_LANGUAGE_NOTE = re.compile(r"\s*\([^()\n]{1,40}\)")
_AFTER_LABEL = re.compile(r"\s*([.:：;—–-]+)?\s*")


def match_label(text: str, *, standalone: bool = False) -> LabelMatch | None:
    """Recognise a label at the start of ``text``.

    ``standalone`` says the paragraph is a heading or a line of its own, where a bare word such as
    "Abstract" is a label even without punctuation after it.
    """
    # Every source line is tried as a label: take no more words than a label has.
    words = list(islice(_WORD.finditer(text[:120]), _MAX_LABEL_WORDS))
    if not words or text[: words[0].start()].strip(" *_#>\t"):
        return None
    for count in range(min(_MAX_LABEL_WORDS, len(words)), 0, -1):
        span = text[words[0].start() : words[count - 1].end()]
        key = fold(span)
        found = _LABEL_KEYS.get(key) or _near_label(key)
        if found is None:
            continue
        end = words[count - 1].end()
        note = _LANGUAGE_NOTE.match(text, end)
        if note:
            end = note.end()
        end = _skip_emphasis(text, end)
        after = _AFTER_LABEL.match(text, end)
        punctuated = bool(after.group(1))
        rest = text[after.end() :]
        if not (punctuated or standalone or not rest.strip() or _shouted_label(span, rest)):
            return None
        return LabelMatch(role=found[0], lang=found[1], label=span, end=_skip_emphasis(text, after.end()))
    return None


def _skip_emphasis(text: str, offset: int) -> int:
    while offset < len(text) and text[offset] in "*_ \t":
        offset += 1
    return offset


def _shouted_label(label: str, rest: str) -> bool:
    """``ABSTRACT The article…``: a capitalised label followed by a capitalised sentence.

    Not ``SUMMARY OF THE DECADE``: a title in capitals that opens with a label word.
    """
    first_word = rest.split(maxsplit=1)[0] if rest.strip() else ""
    shouting_on = first_word.isupper() and len(first_word) > 1  # "A study…" is a sentence
    return label.isupper() and len(label) > 3 and rest[:1].isupper() and not shouting_on


@lru_cache(maxsize=8192)
def _near_label(key: str) -> tuple[str, str] | None:
    """A label with one typo (``Abstarct``, ``Анотация``): only for long labels, to stay safe."""
    if len(key) < 8:
        return None
    for variant in (key, *_deletions(key)):
        for label_key in _LABEL_KEYS_BY_DELETION.get(variant, ()):
            if _edit_distance_at_most_one(label_key, key):
                return _LABEL_KEYS[label_key]
    return None


def _deletions(key: str) -> set[str]:
    return {key[:i] + key[i + 1 :] for i in range(len(key))}


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diffs) == 1:
            return True
        # A transposition of two neighbours counts as one typo.
        first, second = diffs[0], diffs[-1]
        return len(diffs) == 2 and second == first + 1 and a[first] == b[second] and a[second] == b[first]
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def opening_phrase(text: str, max_words: int = 4) -> str:
    """The folded first words of ``text`` up to a colon or period: to compare with rubric and body headings."""
    head = re.split(r"[.:：—–]|\s-\s", text.strip(" *_#\t"), maxsplit=1)[0]
    head = re.sub(r"^\s*(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.)\s*", "", head)  # "1. Introduction", "II. Methods"
    words = head.split()
    return fold(" ".join(words)) if len(words) <= max_words else ""


def is_rubric(text: str) -> bool:
    return opening_phrase(text) in _FOLDED_RUBRICS


def is_body_heading(text: str) -> bool:
    return opening_phrase(text) in _FOLDED_BODY_HEADINGS


_FOLDED_RUBRICS = frozenset(fold(r) for r in RUBRICS)
_FOLDED_BODY_HEADINGS = frozenset(fold(h) for h in BODY_HEADINGS)


def _deletion_index(keys: Iterable[str]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for key in keys:
        for variant in (key, *_deletions(key)):
            index.setdefault(variant, []).append(key)
    return index


# Every line of a document is tried as a label, so typos are looked up, not searched: two words one
# edit apart share a one-letter deletion (or one is the other's deletion).
_LABEL_KEYS_BY_DELETION = _deletion_index(_LABEL_KEYS)
