"""razdel's sentence segmenter with the rules it lacks for scholarly EN/KK/RU text.

razdel decides, at each candidate delimiter, by asking rules in order; the first rule that answers
JOIN or SPLIT wins, and no answer means SPLIT.  We keep its rules and put ours in front of its
abbreviation rules.  Each rule below fixes a miss seen on an example (see tests/test_segment.py and
benchmarks/segment.py); everything else is razdel's own behaviour.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from razdel.rule import JOIN, SPLIT, FunctionRule
from razdel.segmenters.punct import CLOSE_BRACKETS, CLOSE_QUOTES, ENDINGS, GENERIC_QUOTES
from razdel.segmenters.sentenize import (
    SentSegmenter,
    SentSplit,
    SentSplitter,
    dash_right,
    delimiter_right,
    empty_side,
    initials_left,
    inside_pair_sokr,
    is_sokr,
    list_item,
    lower_right,
    no_space_prefix,
    sokr_left,
)


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Abbreviations after which a capitalised word never starts a new sentence (titles, "e.g.",
# Kazakh "ғ." = century, which in verb-final Kazakh does not end a sentence).  Keys are lower case,
# without spaces, internal dots kept.
HEAD_ABBREVIATIONS = _word_set(
    """
    prof st rev revd capt sen sens rep reps det gov gen col lt sgt maj adm cmdr hon fr messrs mme mlle
    mt ft pres supt insp cpl pvt atty dept univ assoc approx ca cf viz incl esp resp v e.g i.e
    ғ ғғ проф акад доц қ обл ауд көш т.ч
    """
)
# Abbreviations that may end a sentence ("… т.б. Бұл …") but not before a lower-case word, a number,
# punctuation or a Roman numeral ("б.з.д. V ғ.").
TAIL_ABBREVIATIONS = _word_set("т.б т.с.с б.з.д б.з")
# Abbreviations of numbered things: never split before the number ("Fig. 2", "pp. 7–8", "Oct. 2").
NUMBERED_ABBREVIATIONS = _word_set(
    """
    fig figs no nos p pp vol vols eq eqs ref refs tab sect ch art para suppl
    jan feb mar apr jun jul aug sep sept oct nov dec табл рис
    """
)
# "No." is razdel's abbreviation whatever follows; in English "no." before a word is the word "no".
_WORD_NOT_ABBREVIATION_UNLESS_NUMBERED = frozenset({"no", "nos"})
_MONEY_ABBREVIATIONS = _word_set("млн млрд трлн тыс долл дол руб mln bn")
# Units that take no dot of their own, so a dot after "10 см" ends the sentence.
_UNIT_AFTER_NUMBER = re.compile(r"\d\s*(?:мм|см|км|мкм|м|кг|мг|мл|л|га|км/ч|м/с)$")
# Latin capitals that look like Cyrillic ones: a Latin "A." before a Cyrillic name is a typing slip
# for an initial, not a Latin abbreviation.
_HOMOGLYPH_CAPITALS = frozenset("ABCEHKMOPTXY")

# Function words that open sentences (articles, pronouns, prepositions, connectives).  Mid-sentence
# they are written in lower case, so after an abbreviation that usually does not end a sentence
# ("et al.", "им." = "named after", "г." = year) a capitalised one means that this time it did:
# "… by Smith et al. We show …", "… доверять им. По результатам …", "… 2018 г. Вы можете …".
# A capital followed by a dot is an initial ("им. В. И. Вернадского"), not an opener.
EN_OPENERS = _word_set(
    """
    The This These That Those We Our It Its They Their There Here In On At For From However Moreover
    Furthermore Thus Therefore Hence Such Both Although While Whereas A An As To By With Also Finally
    He She His Her I Similarly Additionally Nevertheless Then Other Another Most Some Many All
    """
)
RU_OPENERS = _word_set(
    """
    В Во На По С Со Для При Это Эти Этот Эта Он Она Они Оно Мы Я Вы Но А И Однако Как Так Также
    Кроме Поэтому Таким Все Из К О Об От До За Не Если Когда Хотя Тем Затем Его Ее Её Их Что Чтобы
    Там Тут Здесь Поскольку
    """
)
KK_OPENERS = _word_set(
    """
    Бұл Осы Ол Олар Біз Мен Сен Сіз Ал Және Бірақ Алайда Дегенмен Сонымен Сондай-ақ Сондықтан Себебі
    Өйткені Егер Кейін Содан Мұнда Онда Осылайша Яғни Нәтижесінде Ендеше Әрі Оның Олардың Біздің
    """
)
# Abbreviation (exact, lower case as written) -> openers after which it ends the sentence.
_ENDS_BEFORE_OPENER = {
    "et al": EN_OPENERS,
    "им": RU_OPENERS,
    "г": RU_OPENERS,
    "гг": RU_OPENERS,
    "ж": KK_OPENERS,
    "жж": KK_OPENERS,
}

# The last word before a dot, or single letters joined by dots ("e.g", "т. с. с", "б.з.д", "U.S").
_TRAILING_WORD = re.compile(r"(?:^|(?<=[\s(\[«»\"„“”‘'/–—-]))((?:[^\W\d_]\.\s?){1,3}[^\W\d_]|[^\W\d_]+)$")
_ET_AL = re.compile(r"(?:^|\W)et\s+al$", re.IGNORECASE)
_NUMBER_AHEAD = re.compile(r"\s*[(\[]?\s*(?:\d|[IVXLCM]+\b|[A-Z]\d)")
_DIGIT_AHEAD = re.compile(r"\s*\d")
_ROMAN_AHEAD = re.compile(r"\s*[IVXLCMХІ]+\b")  # Cyrillic Х and Kazakh І stand in for X and I
_TIME_ZONE_AHEAD = re.compile(r"\s*(?:[A-Z]{2,4}\b|Eastern|Pacific|Central|Mountain|local)")
_WORD_AHEAD = re.compile(r"\s*([^\W\d_]+)(.?)")
_LATIN_DOTTED = re.compile(r"(?:^|[\s(])((?:[A-Z]\.){1,3}[A-Z]|[A-Z])$")

_CLOSERS = CLOSE_QUOTES + GENERIC_QUOTES + CLOSE_BRACKETS
_BRACKETED_ELLIPSIS = re.compile(r"[(\[]\s*(?:\.{2,}|…)\s*$")


def trailing_abbreviation(buffer: str) -> str | None:
    """The word (possibly dotted, like ``т.с.с``) that the dot after ``buffer`` would close, lower-cased."""
    if _ET_AL.search(buffer):
        return "et al"
    match = _TRAILING_WORD.search(buffer)
    if not match:
        return None
    return match.group(1).replace(" ", "").lower()


def _word_ahead(right: str) -> tuple[str, str]:
    """The first word of ``right`` and the character after it."""
    match = _WORD_AHEAD.match(right)
    return (match.group(1), match.group(2)) if match else ("", "")


def _is_opener(right: str, openers: frozenset[str]) -> bool:
    word, following = _word_ahead(right)
    # "им. В. И. Вернадского": a capital followed by a dot is an initial, not a sentence opener.
    return word in openers and following != "."


def _is_acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _starts_cyrillic_capital(right: str) -> bool:
    word, _ = _word_ahead(right)
    return bool(word) and word[0].isupper() and "\u0400" <= word[0] <= "\u04ff"


def _starts_capital(right: str) -> bool:
    word, _ = _word_ahead(right)
    return bool(word) and word[0].isupper()


def _dot_rule(lang: str) -> Callable[[SentSplit], str | None]:
    """JOIN/SPLIT decisions at a dot for the cases razdel gets wrong."""
    cyrillic_text = lang in ("kk", "ru")

    def abbreviations_and_units(split: SentSplit) -> str | None:
        if split.delimiter not in ".…":
            return None
        buffer, right = split.buffer, split.right
        if split.delimiter == "…" or buffer.endswith(".."):
            # An ellipsis with a space before it (" … ", " ... ") marks an omission inside a sentence.
            before = buffer if split.delimiter == "…" else buffer[:-2]
            return JOIN if before[-1:].isspace() else None
        key = trailing_abbreviation(buffer)
        if key is None:
            return None
        if key in _WORD_NOT_ABBREVIATION_UNLESS_NUMBERED:
            if _DIGIT_AHEAD.match(right):
                return JOIN
            return SPLIT if _starts_capital(right) else None  # "Oh, no. I didn't", not "No. I"
        if key in NUMBERED_ABBREVIATIONS and _NUMBER_AHEAD.match(right):
            return JOIN
        openers = _ENDS_BEFORE_OPENER.get(key)
        # Lower case as written: "Г." is an initial.
        if openers is not None and buffer.endswith(("et al", key)):
            return SPLIT if _is_opener(right, openers) else JOIN
        if key in HEAD_ABBREVIATIONS:
            return JOIN
        if key in TAIL_ABBREVIATIONS:
            return JOIN if is_sokr(split.right_token or "") or _ROMAN_AHEAD.match(right) else SPLIT
        if key in ("a.m", "p.m") and _TIME_ZONE_AHEAD.match(right):
            return JOIN
        if key in _MONEY_ABBREVIATIONS and _is_acronym(_word_ahead(right)[0]):
            return JOIN  # "60 млрд. АҚШ долларын", "37 млрд. долл. США"
        if cyrillic_text and _starts_capital(right):
            if _UNIT_AFTER_NUMBER.search(buffer):
                return SPLIT  # "… 10 см. Для …"
            latin = _LATIN_DOTTED.search(buffer)
            if (
                latin
                and _starts_cyrillic_capital(right)
                and (len(latin.group(1)) > 1 or latin.group(1) not in _HOMOGLYPH_CAPITALS)
            ):
                return SPLIT  # "… Washington, D.C. В пятницу …"
        return None

    return abbreviations_and_units


def semicolon_joins(split: SentSplit) -> str | None:
    """razdel splits at ";" before a capital; a semicolon never ends a sentence in our texts."""
    return JOIN if split.delimiter == ";" else None


def closer_after_ending(split: SentSplit) -> str | None:
    """A closing quote or bracket ends the sentence only if terminal punctuation precedes it.

    Replaces razdel's close_quote/close_bracket, which looked at one character only and so
    missed ``!“»`` (two closing quotes) and split after ``[…]``.
    """
    delimiter = split.delimiter
    if delimiter not in _CLOSERS:
        return None
    if delimiter in GENERIC_QUOTES and split.left_space_suffix:
        return JOIN  # an opening ASCII quote
    if delimiter in CLOSE_BRACKETS and _BRACKETED_ELLIPSIS.search(split.buffer):
        return JOIN  # "[…]" marks an omission inside a sentence
    before = split.buffer.rstrip(_CLOSERS)
    return None if before.endswith(tuple(ENDINGS)) else JOIN


@cache
def segmenter_for(lang: str) -> SentSegmenter:
    """A razdel segmenter with our rules for ``lang`` ("en", "kk" or "ru")."""
    rules = [
        empty_side,
        no_space_prefix,
        semicolon_joins,
        lower_right,
        delimiter_right,
        _dot_rule(lang),
        sokr_left,
        inside_pair_sokr,
        initials_left,
        list_item,
        closer_after_ending,
        dash_right,
    ]
    # A wider look-around than razdel's 10 characters so that whole opener words are seen.
    return SentSegmenter(split=SentSplitter(window=24), rules=[FunctionRule(rule) for rule in rules])
