"""Find the numbers a sentence states, in English, Kazakh or Russian, with their character spans.

``extract_numbers("Rosa was 385 miles away", "en")`` returns one ``NumberMention`` per number:
its value after normalisation (thousands separators, decimal comma, scale words, Roman numerals,
number words, 12-hour times), what kind of number it is, its unit, and where it stands.

Reading rules, by language:
* "1,000" is a thousand in English; in Kazakh and Russian it is 1.0 with 1000 kept as an
  alternative reading (the same for "1.000" the other way round); "3,5" is 3.5 everywhere.
  Digits grouped by a space, U+00A0, U+202F or U+2009 ("10 000") are one number.
* A scale word multiplies ("£2.8bn", "125 млн", "30 мыңнан") and widens the value by the
  rounding it implies ("1.5 million" is 1 450 000 to 1 550 000), recorded as ``tolerance``.
* Times are stored as hours + minutes/100 on a 24-hour clock: "7.55am", "07:55" → 7.55,
  "3 p.m." → 15.0.
* Decades are the first year ("1990s", "1990-х", "1990 жылдары" → 1990; "30-е годы" → 30).
* A Kazakh/Russian ending after a hyphen is read and dropped ("4,1%-ға", "2015-жылы", "20-шы").
* Digits glued to letters ("SS19", "COVID-19", "4G") are identifiers, kind "code".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from align.numbers import units as U
from align.numbers.words import EN_ARTICLE_TARGETS, NumberWord, lookup, russian_compound

KINDS = (
    "cardinal", "ordinal", "percent", "year", "decade", "time", "range_start", "range_end", "month", "code",
)


@dataclass(frozen=True)
class NumberMention:
    """One number in a sentence. ``start``/``end`` are character offsets; ``text`` is that slice.

    ``alternatives`` are other readings of ambiguous digits ("1,234" in Russian may be 1234);
    ``tolerance`` is the rounding a scale word allows ("2.8bn" ± 50 million).
    """

    value: float
    kind: str
    unit: str | None
    text: str
    start: int
    end: int
    from_word: bool = False
    in_brackets: bool = False
    alternatives: tuple[float, ...] = ()
    tolerance: float = 0.0
    scale: float = 1.0


_DECIMAL_COMMA_LANGS = ("kk", "ru")
_SPACES = " \u00a0\u202f\u2009"
_LETTER = r"[^\W\d_]"

_DATE_RE = re.compile(
    r"(?<![\d.])(?:(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))(?![\d])"
)
_CORE_RE = re.compile(
    r"(?<!\d)(?:"
    r"(?P<clock>\d{1,2}:\d{2})(?![\d:])"
    rf"|(?P<space>\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?:[.,]\d+)?)(?!\d)"
    r"|(?P<comma>\d{1,3}(?:,\d{3})+(?:\.\d+)?)(?![\d])"
    r"|(?P<dots>\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?)(?!\d)"
    r"|(?P<plain>\d+(?:[.,]\d+)?)(?!\d)"
    r")"
)
_NO_SPACES = {ord(c): None for c in _SPACES}
_WHOLE_AND_FRACTION_RE = re.compile(r"(\d+)(?:[.,](\d+))?")
_AMPM_RE = re.compile(r"\s?(?P<ap>[aApP])\.?\s?[mM]\.?(?![^\W\d_])")
_EN_ORDINAL_RE = re.compile(r"(?:st|nd|rd|th)(?![^\W\d_])", re.IGNORECASE)
_DECADE_S_RE = re.compile(r"['’]?s(?![^\W\d_])")
_PERCENT_RE = re.compile(
    r"\s?%|[\s-]?(?:per\s?cent|percent|pct)(?![^\W\d_])|[\s-]?(?:процент\w*|проц\.)|[\s-]?пайыз\w*", re.IGNORECASE
)
_SEPARATOR_RE = re.compile(rf"[{_SPACES}]?-?")
_HYPHEN_SUFFIX_RE = re.compile(rf"-{_LETTER}+")
_RU_ORDINAL_SUFFIXES = frozenset("й го му м я е ю х ой ая ое ые ый ий ого ому ом ых ым ыми ми".split())
_RU_DECADE_SUFFIXES = frozenset("е х ые ых".split())
_KK_ORDINAL_SUFFIX_RE = re.compile(r"^(?:ы|і)?н?(?:шы|ші|сы|сі)")
_KK_YEARS_RE = re.compile(r"^\s*-?(?:жылдар|жылдер)", re.IGNORECASE)
_KK_YEAR_RE = re.compile(r"^\s*-?(?:жыл|ж\.)", re.IGNORECASE)
_RU_YEARS_AFTER_RE = re.compile(r"^\s+год(?:ы|ов|ах|ам)", re.IGNORECASE)
_RU_YEAR_RE = re.compile(r"^\s*(?:гг?\.|год\w*)", re.IGNORECASE)
_MINUS_WORD_RE = re.compile(r"(?<![^\W\d_])(?:minus|минус)\s$", re.IGNORECASE)
_UPPER_WORD_HYPHEN_RE = re.compile(rf"(?:{_LETTER}*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{_LETTER}*)-$")


@dataclass
class _Draft:
    value: float
    kind: str
    start: int
    end: int
    unit: str | None = None
    from_word: bool = False
    alternatives: tuple[float, ...] = ()
    decimals: int = 0
    scale: float = 1.0
    grouped: bool = False

    @property
    def tolerance(self) -> float:
        return 0.5 * 10.0 ** -self.decimals * self.scale if self.scale > 1 else 0.0


def extract_numbers(sentence: str, lang: str) -> list[NumberMention]:
    """Every number ``sentence`` states, in order of position (see the module docstring)."""
    drafts = _date_drafts(sentence)
    drafts += _digit_drafts(sentence, lang, taken=[(d.start, d.end) for d in drafts])
    taken = [(d.start, d.end) for d in drafts]
    drafts += _roman_drafts(sentence, lang, taken)
    taken = [(d.start, d.end) for d in drafts]
    drafts += _word_drafts(sentence, lang, taken)
    drafts.sort(key=lambda d: d.start)
    drafts = _merge_feet_and_inches(sentence, drafts)
    _link_ranges(sentence, drafts)
    depth = _bracket_depth(sentence)
    return [
        NumberMention(
            value=d.value, kind=d.kind, unit=d.unit, text=sentence[d.start : d.end], start=d.start, end=d.end,
            from_word=d.from_word, in_brackets=depth[d.start] > 0, alternatives=d.alternatives,
            tolerance=d.tolerance, scale=d.scale,
        )
        for d in drafts
    ]


# ------------------------------------------------------------------ digits


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < t_end and t_start < end for t_start, t_end in taken)


def _date_drafts(text: str) -> list[_Draft]:
    drafts = []
    for found in _DATE_RE.finditer(text):
        day, month = (found["d"], found["m"]) if found["d"] else (found["id"], found["im"])
        if not (1 <= int(day) <= 31 and 1 <= int(month) <= 12):
            continue
        spans = {name: found.span(name) for name in ("d", "m", "y", "id", "im", "iy") if found[name]}
        for name, (start, end) in spans.items():
            kind = {"d": "cardinal", "id": "cardinal", "m": "month", "im": "month"}.get(name, "year")
            drafts.append(_Draft(float(text[start:end]), kind, start, end))
    return drafts


def _read_core(found: re.Match[str], lang: str) -> tuple[float, tuple[float, ...], int, bool]:
    """(value, alternative readings, decimals, grouped) of the digits ``found``."""
    written = found.group()
    decimal_comma = lang in _DECIMAL_COMMA_LANGS
    if found["clock"]:
        hours, minutes = written.split(":")
        return int(hours) + int(minutes) / 100, (), 2, False
    if found["space"]:
        whole, fraction = _WHOLE_AND_FRACTION_RE.fullmatch(written.translate(_NO_SPACES)).groups(default="")
        return _number(whole, fraction), (), len(fraction), True
    if found["comma"]:
        whole, _, fraction = written.partition(".")
        groups = whole.split(",")
        thousands = _number("".join(groups), fraction)
        if len(groups) == 2 and not fraction:
            decimal = _number(groups[0], groups[1])
            if decimal_comma:  # "1,234" in a Russian text: most likely a decimal comma
                return decimal, (thousands,), 3, False
            return thousands, (decimal,), 0, True
        return thousands, (), len(fraction), True
    if found["dots"]:
        whole, _, fraction = written.partition(",")
        return _number(whole.replace(".", ""), fraction), (), len(fraction), True
    if not (separator_found := re.search(r"[.,]", written)):
        return float(written), (), 0, False
    separator = separator_found.group()
    whole, fraction = written[: separator_found.start()], written[separator_found.end() :]
    if separator == "." and decimal_comma and len(fraction) == 3 and len(whole) <= 3:
        return _number(whole + fraction, ""), (_number(whole, fraction),), 0, True  # "1.000" = one thousand
    if separator == "." and not decimal_comma and len(fraction) == 3 and len(whole) <= 3:
        return _number(whole, fraction), (_number(whole + fraction, ""),), 3, False
    return _number(whole, fraction), (), len(fraction), False


def _number(whole: str, fraction: str) -> float:
    return float(f"{whole}.{fraction}" if fraction else whole)


def _is_code_prefix(text: str, start: int) -> bool:
    """Digits that continue a word: "SS19", "COVID-19", "Ту-154" (not "mother-of-3")."""
    if start == 0:
        return False
    before = text[start - 1]
    if before.isalpha():
        return True
    return before == "-" and bool(_UPPER_WORD_HYPHEN_RE.search(text, max(0, start - 30), start))


def _digit_drafts(text: str, lang: str, taken: list[tuple[int, int]]) -> list[_Draft]:
    drafts: list[_Draft] = []
    for found in _CORE_RE.finditer(text):
        start, end = found.span()
        if _overlaps(start, end, taken) or (drafts and start < drafts[-1].end):
            continue
        value, alternatives, decimals, grouped = _read_core(found, lang)
        draft = _Draft(value, "time" if found["clock"] else "cardinal", start, end, alternatives=alternatives,
                       decimals=decimals, grouped=grouped)
        if _is_code_prefix(text, start):
            draft.kind = "code"
            draft.end = _skip_letters(text, end)
            drafts.append(draft)
            continue
        _read_prefix(text, draft)
        _read_suffixes(text, draft, lang)
        if draft.end == end and end < len(text) and text[end].isalpha():
            draft.kind = "code"  # "4G", "3D", "247sports"
            draft.end = _skip_letters(text, end)
        _read_following_words(text, draft, lang)
        drafts.append(draft)
    return drafts


def _skip_letters(text: str, pos: int) -> int:
    while pos < len(text) and (
        text[pos].isalnum() or (text[pos] == "-" and pos + 1 < len(text) and text[pos + 1].isalnum())
    ):
        pos += 1
    return pos


def _read_prefix(text: str, draft: _Draft) -> None:
    """Currency symbol, minus sign and the apostrophe of "'90s" before the digits."""
    start = draft.start
    currency = U.CURRENCY_PREFIX_RE.search(text, max(0, start - 4), start)
    if currency:
        draft.unit = U.currency_code(currency.group())
        draft.start = currency.start()
        start = draft.start
    sign = None
    if start > 0 and text[start - 1] in "-−" and (start == 1 or text[start - 2] in " \t(["):
        sign = start - 1
    elif minus := _MINUS_WORD_RE.search(text, max(0, start - 7), start):
        sign = minus.start()
    if sign is not None and draft.kind != "time":
        draft.value = -draft.value
        draft.alternatives = tuple(-a for a in draft.alternatives)
        draft.start = sign


def _read_suffixes(text: str, draft: _Draft, lang: str) -> None:
    """Extend ``draft`` over what follows the digits: am/pm, -th, -s, %, scale, unit, endings."""
    pos = draft.end
    integer = draft.value == int(draft.value) and not draft.decimals
    if (found := _AMPM_RE.match(text, pos)) and draft.kind != "code":
        hours = int(draft.value)
        if 1 <= hours <= 12:
            minutes = round((draft.value - hours) * 100)
            hours = hours % 12 + (12 if found["ap"] in "pP" else 0)
            draft.value, draft.kind, draft.alternatives = hours + minutes / 100, "time", ()
            draft.end = found.end()
            return
    if integer and (found := _EN_ORDINAL_RE.match(text, pos)):
        draft.kind, pos = "ordinal", found.end()
    elif integer and draft.value % 10 == 0 and (found := _DECADE_S_RE.match(text, pos)):
        draft.kind, pos = "decade", found.end()
    if found := _PERCENT_RE.match(text, pos):
        draft.kind, draft.unit, pos = "percent", "%", found.end()
    pos = _read_scale(text, draft, pos, lang)
    pos = _read_unit(text, draft, pos)
    if lang in _DECIMAL_COMMA_LANGS and (found := _HYPHEN_SUFFIX_RE.match(text, pos)):
        _read_hyphen_suffix(text, draft, found.group()[1:].lower(), found.end(), lang)
        pos = found.end()
    draft.end = pos


def _read_scale(text: str, draft: _Draft, pos: int, lang: str) -> int:
    separator = _SEPARATOR_RE.match(text, pos)
    scaled = U.match_scale(text, separator.end())
    multiplier = 1.0
    if scaled:
        multiplier, pos = scaled
    elif (
        lang not in _DECIMAL_COMMA_LANGS
        and (glued := U.GLUED_SCALE_RE.match(text, pos))
        and (glued["k"] or draft.unit in ("GBP", "USD", "EUR", "JPY", "KZT", "RUB"))
    ):  # "£125m" is money; "125m" alone is metres (left to the unit reader)
        multiplier, pos = (1e3 if glued["k"] else 1e6), glued.end()
    if multiplier > 1:
        draft.scale = multiplier
        draft.value *= multiplier
        draft.alternatives = tuple(a * multiplier for a in draft.alternatives)
        if (currency := U.CURRENCY_WORD_RE.match(text, pos)) or (
            currency := re.compile(r"\s?(?:pounds?|фунт\w*)(?![^\W\d_])", re.I).match(text, pos)
        ):
            draft.unit = draft.unit or _currency_from_word(currency.group())
            pos = currency.end()
    return pos


def _currency_from_word(word: str) -> str:
    word = word.strip().lower()
    if word.startswith(("pound", "фунт")):
        return "GBP"
    if word.startswith(("euro", "евро")):
        return "EUR"
    if word.startswith(("рубл", "roubl", "rubl")):
        return "RUB"
    if word.startswith(("тенге", "теңге", "tenge")):
        return "KZT"
    return "USD"


def _read_unit(text: str, draft: _Draft, pos: int) -> int:
    if draft.unit is not None:
        return pos
    if currency := U.CURRENCY_WORD_RE.match(text, pos):
        draft.unit = _currency_from_word(currency.group())
        return currency.end()
    separator = _SEPARATOR_RE.match(text, pos)
    unit = U.match_unit(text, separator.end())
    # after a hyphen only a written-out unit counts: "300-килограммовое", "6-foot", but "10-м" is 10th
    if unit and ("-" not in separator.group() or unit[1] - separator.end() > 2):
        draft.unit, pos = unit
    return pos


def _read_hyphen_suffix(text: str, draft: _Draft, suffix: str, after: int, lang: str) -> None:
    """Classify a Kazakh/Russian ending after a hyphen: "1990-х", "20-й", "20-шы", "2015-жылы"."""
    integer = draft.value == int(draft.value)
    if draft.kind not in ("cardinal", "year") or not integer:
        return
    if lang == "ru":
        if suffix in _RU_DECADE_SUFFIXES and draft.value % 10 == 0 and (
            draft.value >= 1000 or suffix in ("х", "ых") or _RU_YEARS_AFTER_RE.match(text[after:])
        ):
            draft.kind = "decade"
        elif suffix in _RU_ORDINAL_SUFFIXES:
            draft.kind = "ordinal"
        return
    if suffix.startswith(("жылдар", "жылдер")) and draft.value % 10 == 0:
        draft.kind = "decade"
    elif suffix.startswith("жыл"):
        draft.kind = "year"
    elif _KK_ORDINAL_SUFFIX_RE.match(suffix):
        draft.kind = "ordinal"


def _read_following_words(text: str, draft: _Draft, lang: str) -> None:
    """Year/decade nouns after the number: "1990 жылдары", "2017 года", "30-е годы"."""
    if draft.kind not in ("cardinal", "year", "ordinal") or draft.unit or draft.value != int(draft.value):
        return
    rest = text[draft.end : draft.end + 20]
    if lang == "kk" and _KK_YEARS_RE.match(rest) and draft.value % 10 == 0:  # "1990-шы жылдары"
        draft.kind = "decade"
    elif _marked_year(rest, draft, lang) or _bare_english_year(draft, lang):
        draft.kind = "year"


def _marked_year(rest: str, draft: _Draft, lang: str) -> bool:
    marked = (lang == "kk" and _KK_YEAR_RE.match(rest)) or (lang == "ru" and _RU_YEAR_RE.match(rest))
    return bool(marked) and (draft.value >= 1000 or bool(re.match(r"\s*(?:гг?|жж?)\.", rest)))


def _bare_english_year(draft: _Draft, lang: str) -> bool:
    """Kazakh and Russian mark years ("жылы", "года"); English does not: 1000–2100 alone is a year."""
    return lang == "en" and draft.kind == "cardinal" and not draft.grouped and draft.scale == 1 and (
        1000 <= draft.value <= 2100
    )


# ------------------------------------------------------------------ Roman numerals

_ROMAN_RE = re.compile(r"(?<![^\W\d_])[IVXLCDMХІСМ]+(?![^\W\d_])")
_ROMAN_VALID_RE = re.compile(r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_CYRILLIC_TO_LATIN = str.maketrans("ХІСМ", "XICM")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_CENTURY_AFTER_RE = re.compile(
    r"^[\s-]*(?:century|centuries|c\.|век\w*|в\.|вв\.|ғасыр\w*|ғ\.|ғғ\.|съезд\w*|созыв\w*|дүниежүзілік|мировой)",
    re.IGNORECASE,
)
_ROMAN_BEFORE_RE = re.compile(
    r"(?:war|phase|type|stage|part|chapter|grade|class|category|volume|vol\.|level|book|tier|round|section|"
    r"том|часть|глава|этап|тип|стадия|бөлім|кезең|том|тарау)\s*$",
    re.IGNORECASE,
)


def _roman_value(numeral: str) -> int:
    total = 0
    for index, char in enumerate(numeral):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def _next_to_latin_word(text: str, start: int, end: int) -> bool:
    """ "I" in "“I Love it”" or "I'm" quoted in a Russian sentence is English, not Roman one."""
    if text[end : end + 1] in ("'", "’"):
        return True
    before = re.search(rf"({_LETTER}+)\W*$", text[max(0, start - 30) : start])
    after = re.match(rf"\W*({_LETTER}+)", text[end : end + 30])
    return any(word is not None and word[1].isascii() for word in (before, after))


def _roman_drafts(text: str, lang: str, taken: list[tuple[int, int]]) -> list[_Draft]:
    drafts = []
    for found in _ROMAN_RE.finditer(text):
        written = found.group()
        latin = written.translate(_CYRILLIC_TO_LATIN)
        if _overlaps(*found.span(), taken) or not _ROMAN_VALID_RE.match(latin):
            continue
        in_context = bool(
            _CENTURY_AFTER_RE.match(text[found.end() : found.end() + 20])
            or _ROMAN_BEFORE_RE.search(text[max(0, found.start() - 12) : found.start()])
        )
        only_ivx = set(latin) <= set("IVX")
        plain_latin = written == latin
        if not in_context and not (
            only_ivx and (len(latin) >= 2 or (lang in _DECIMAL_COMMA_LANGS and plain_latin
                                              and not _next_to_latin_word(text, *found.span())))
        ):
            continue
        drafts.append(_Draft(float(_roman_value(latin)), "ordinal", found.start(), found.end()))
    return drafts


# ------------------------------------------------------------------ number words

_TOKEN_RE = re.compile(rf"{_LETTER}+")
_ARTICLE_RE = re.compile(r"\s(?:an?|of\s+an?)(?=\s)")


def _word_drafts(text: str, lang: str, taken: list[tuple[int, int]]) -> list[_Draft]:
    tokens = [t for t in _TOKEN_RE.finditer(text) if not _overlaps(*t.span(), taken)]
    drafts: list[_Draft] = []
    sequence: list[tuple[re.Match[str], NumberWord]] = []

    def close() -> None:
        if sequence:
            drafts.append(_word_sequence_draft(text, sequence))
            sequence.clear()

    for index, token in enumerate(tokens):
        word = token.group().lower()
        number = lookup(word, lang)
        if number is None and lang == "en" and word in ("a", "an") and index + 1 < len(tokens):
            following = tokens[index + 1]
            if following.group().lower() in EN_ARTICLE_TARGETS and text[token.end() : following.start()] == " ":
                number = NumberWord(1, "unit")
        if number is None and word == "and" and lang == "en" and sequence and sequence[-1][1].role != "unit":
            following = tokens[index + 1].group().lower() if index + 1 < len(tokens) else ""
            if (after := lookup(following, lang)) is not None and after.role == "unit":
                continue  # "one hundred and twenty"
        if number is None:
            close()
            if lang == "ru" and (compound := russian_compound(word)):
                value, unit = compound
                kind = "percent" if unit == "%" else "cardinal"
                drafts.append(_Draft(float(value), kind, token.start(), token.end(), unit=unit, from_word=True))
            continue
        if sequence and not _continues(text, sequence, token, number, lang):
            close()
        sequence.append((token, number))
        if number.ordinal:
            close()
    close()
    return drafts


def _continues(text: str, sequence: list[tuple[re.Match[str], NumberWord]], token: re.Match[str],
               number: NumberWord, lang: str) -> bool:
    """Whether ``token`` extends the number words before it ("twenty" + "five", "бес" + "жүз")."""
    last_token, last = sequence[-1]
    gap = text[last_token.end() : token.start()]
    if gap not in (" ", "-", "\u00a0") and not (
        lang == "en" and gap == " and " and last.role in ("hundred", "scale") and number.role == "unit"
    ):
        return False
    if number.role in ("hundred", "scale"):
        return last.role != "fraction"
    if number.role == "fraction":
        return lang == "kk" and number.value == 0.5 and last.role != "fraction"  # "бір жарым" = 1.5
    current = _accumulate([n for _, n in sequence])[1]
    if current == 0:
        return True
    if current % 100 == 0:
        return number.value < 100
    return current % 10 == 0 and current % 100 >= 20 and number.value < 10


def _accumulate(numbers: list[NumberWord]) -> tuple[float, float]:
    """(total so far, current group below a thousand) of a run of number words."""
    total, current = 0.0, 0.0
    for number in numbers:
        if number.role == "hundred":
            current = (current or 1) * number.value
        elif number.role == "scale":
            total += (current or 1) * number.value
            current = 0
        else:
            current += number.value
    return total, current


def _word_sequence_draft(text: str, sequence: list[tuple[re.Match[str], NumberWord]]) -> _Draft:
    total, current = _accumulate([n for _, n in sequence])
    start, end = sequence[0][0].start(), sequence[-1][0].end()
    kind = "ordinal" if sequence[-1][1].ordinal else "cardinal"
    draft = _Draft(total + current, kind, start, end, from_word=True)
    pos = end
    if found := _PERCENT_RE.match(text, pos):
        draft.kind, draft.unit, draft.end = "percent", "%", found.end()
        return draft
    article = _ARTICLE_RE.match(text, pos)  # "half an inch"
    separator = _SEPARATOR_RE.match(text, article.end() if article else pos)
    unit = U.match_unit(text, separator.end())
    if unit and unit[1] - separator.end() > 2:  # "six metres", not "six m"
        draft.unit, draft.end = unit
    return draft


# ------------------------------------------------------------------ pairs of mentions

_RANGE_GAP_RE = re.compile(r"\s*[-–—‑]\s*|\s+(?:to|through|till|until|до|по)\s+", re.IGNORECASE)
_LIST_GAP_RE = re.compile(r",?\s+(?:and|or|и|или|мен|және|немесе)\s+", re.IGNORECASE)


def _link_ranges(text: str, drafts: list[_Draft]) -> None:
    """Mark "2015–2017", "1 to 4 inches", "от 2,5 до 10 см" and share the unit and scale word."""
    for first, second in pairwise(drafts):
        gap = text[first.end : second.start]
        is_range = bool(_RANGE_GAP_RE.fullmatch(gap))
        if not is_range and not _LIST_GAP_RE.fullmatch(gap):
            continue
        if "code" in (first.kind, second.kind) or "month" in (first.kind, second.kind):
            continue
        if first.unit is None and second.unit is not None:
            first.unit = second.unit
            if second.unit == "%" and first.kind == "cardinal":
                first.kind = "percent"
        if first.scale == 1 and second.scale > 1 and abs(first.value) < abs(second.value / second.scale):
            first.value *= second.scale
            first.alternatives = tuple(a * second.scale for a in first.alternatives)
            first.scale = second.scale
        if not is_range:
            continue
        if first.value >= 1000 and 0 <= second.value < 100 and first.value == int(first.value) and (
            second.value == int(second.value) and text[second.start : second.end].isdigit()
        ):  # "2015–17"
            century = first.value - first.value % 100
            expanded = century + second.value + (100 if century + second.value < first.value else 0)
            second.alternatives, second.value = (second.value, *second.alternatives), expanded
        if first.kind not in ("time", "decade"):
            first.kind = "range_start"
        if second.kind not in ("time", "decade"):
            second.kind = "range_end"


def _merge_feet_and_inches(text: str, drafts: list[_Draft]) -> list[_Draft]:
    """ "6-foot-6", "6 фут 6 дюйм" → 6.5 ft; "1 м 82 см" → 1.82 m."""
    merged: list[_Draft] = []
    for draft in drafts:
        previous = merged[-1] if merged else None
        if previous is not None and not previous.from_word and not draft.from_word:
            gap = text[previous.end : draft.start]
            feet = previous.unit == "ft" and (draft.unit == "in" or (draft.unit is None and gap == "-"))
            metres = previous.unit == "m" and draft.unit == "cm"
            if (feet or metres) and gap in (" ", "-", "\u00a0") and 0 <= draft.value < (12 if feet else 100):
                merged[-1] = replace(previous, value=round(previous.value + draft.value / (12 if feet else 100), 6),
                                     end=draft.end, decimals=2)
                continue
        merged.append(draft)
    return merged


def _bracket_depth(text: str) -> list[int]:
    depth, levels = 0, []
    for char in text:
        if char in "([":
            depth += 1
        levels.append(depth)
        if char in ")]":
            depth = max(0, depth - 1)
    levels.append(depth)
    return levels
