"""Normalising words so that a term matches its inflected forms.

Each word becomes a small set of *keys*; a term token matches a text token when their key sets
intersect. Sets rather than one canonical form because inflection is ambiguous without context:

* Russian: the word and every lemma pymorphy3 proposes (``стали`` → {стали, стать, сталь}); ё is read as е.
* Kazakh: the word and every stem our suffix stripper can justify (``Кеңесі`` → {кеңесі, кеңес, кеңе}:
  кеңес + possessive -і, or кеңе + -сі); ``Кеңесінде`` → {кеңесінде, кеңесін, кеңес, кеңе}; they meet on кеңес.
  No Kazakh analyser is packaged (see docs/decisions.md), so the stripper is ours.
* English: lowercase, possessive ``'s`` dropped, plural ``-s`` removed, British → American spelling
  of the few suffixes that differ (-isation, -ise, -our, -ence, -re, -mme).

Acronyms are matched on their surface, case-sensitively (``US`` the country, not ``us``): a token
written in capitals gets the key ``#US`` in addition to its word keys (a title set in capitals
still matches ordinary terms), and a term token shaped like an acronym gets only that key. A
Kazakh or Russian case ending after a hyphen (``БҰҰ-дағы``, ``ЕҚЫҰ-ға``) is cut off first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

ACRONYM_PREFIX = "#"

# A word: letters/digits, optionally hyphenated, optionally an English possessive.
_WORD = re.compile(r"[^\W_]+(?:[-‐‑][^\W_]+)*(?:['’]s\b)?")
_HYPHENS = re.compile(r"[-‐‑]")
_POSSESSIVE = re.compile(r"['’]s$")
_HARD_GAP = re.compile(r"[,;:.!?()\[\]{}—–]")  # punctuation a multiword term may not span unless it has it too


@dataclass(frozen=True)
class Token:
    """A word of a sentence: ``core`` is what is normalised, ``start``/``end`` span the whole word.

    ``hard_before``: punctuation (comma, stop, bracket, dash) separates it from the previous word.
    """

    core: str
    start: int
    end: int
    hard_before: bool = False


def tokenize(text: str, lang: str) -> list[Token]:
    """The words of ``text``; an inflection after a hyphen or apostrophe is kept in the span only."""
    tokens: list[Token] = []
    for match in _WORD.finditer(text):
        word = match.group()
        start, end = match.span()
        # the regular expressions only where they can change something: this runs for every word checked
        core = _POSSESSIVE.sub("", word) if word.endswith("s") else word
        if _HYPHENS.search(core):
            parts = _HYPHENS.split(core)
            if is_acronym(parts[-2]) and _is_inflection(parts[-1], lang):
                core = word[: len(core) - len(parts[-1]) - 1]
        hard = bool(tokens) and _HARD_GAP.search(text, tokens[-1].end, start) is not None
        tokens.append(Token(core, start, end, hard))
    return tokens


def is_acronym(word: str) -> bool:
    """``UN``, ``БҰҰ``, ``ЕврАзЭС``, ``CoE``: one word, two or more capitals, at least half its letters capital."""
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2 or _HYPHENS.search(word):
        return False
    capitals = sum(1 for c in letters if c.isupper())
    return capitals >= 2 and capitals * 2 >= len(letters)


def _is_inflection(part: str, lang: str) -> bool:
    if not part.isalpha() or not part.islower():
        return False
    if lang == "kk":
        return is_kk_suffix_chain(part)
    if lang == "ru":
        return len(part) <= 3  # ООН-а, НАТО-вских is not inflection but derivation: keep short endings only
    return False


@lru_cache(maxsize=262_144)
def token_keys(token: str, lang: str, *, in_term: bool = False) -> frozenset[str]:
    """The keys of one word (see the module docstring); ``in_term`` for words of a termbase entry."""
    if in_term and is_acronym(token):
        return frozenset({ACRONYM_PREFIX + token})
    keys = _word_keys(token.lower().replace("ё", "е"), lang, in_term)
    letters = [c for c in token if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return keys | {ACRONYM_PREFIX + token}
    if not in_term and is_acronym(token):  # mixed-case acronyms (ЕврАзЭС) and plural "NGOs"
        return keys | {ACRONYM_PREFIX + token, ACRONYM_PREFIX + token.removesuffix("s")}
    return keys


@lru_cache(maxsize=262_144)
def _word_keys(word: str, lang: str, in_term: bool = False) -> frozenset[str]:
    if lang == "ru":
        return ru_lemmas(word)
    if lang == "kk":
        return kk_stems(word, dictionary_form=in_term)
    if lang == "en":
        return frozenset({en_normalise(word)})
    return frozenset({word})


def phrase_keys(text: str, lang: str, *, in_term: bool = False) -> tuple[frozenset[str], ...]:
    """The key sets of each word of ``text``."""
    return tuple(token_keys(t.core, lang, in_term=in_term) for t in tokenize(text, lang))


def normalise(text: str, lang: str) -> str:
    """A readable canonical form of ``text``, one key per word (for display and tests; matching uses the sets).

    Russian: the most probable lemma; Kazakh: :func:`kk_stem`; English: :func:`en_normalise`.
    """
    words = []
    for token in tokenize(text, lang):
        word = token.core.lower().replace("ё", "е")
        if lang == "ru":
            words.append(ru_lemma(word))
        elif lang == "kk":
            words.append(kk_stem(word))
        elif lang == "en":
            words.append(en_normalise(word))
        else:
            words.append(word)
    return " ".join(words)


# --- Russian ---------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _morph_analyzer():  # type: ignore[no-untyped-def]
    import pymorphy3  # lazily: ~0.15 s and ~15 MB, needed only when Russian is matched

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=262_144)
def ru_lemmas(word: str) -> frozenset[str]:
    """Every lemma pymorphy3 proposes for the lowercase ``word`` (ё read as е), and ``word`` itself.

    The word itself because the dictionary lacks some names: "Семей" (the city) parses only as the
    genitive plural of "семья", while "Семее" gets the lemma "семей".
    """
    if not any(c.isalpha() for c in word):
        return frozenset({word})
    parses = _morph_analyzer().parse(word)
    return frozenset(p.normal_form.replace("ё", "е") for p in parses) | {word}


def ru_lemma(word: str) -> str:
    """The most probable lemma of ``word``."""
    word = word.lower().replace("ё", "е")
    if not any(c.isalpha() for c in word):
        return word
    return _morph_analyzer().parse(word)[0].normal_form.replace("ё", "е")


# --- English ---------------------------------------------------------------------------------

_EN_SPELLING = (
    (re.compile(r"isation$"), "ization"),
    (re.compile(r"is(e|ed|es|ing)$"), r"iz\1"),
    (re.compile(r"our$"), "or"),
    (re.compile(r"ence$"), "ense"),
    (re.compile(r"tre$"), "ter"),
    (re.compile(r"mme$"), "m"),
)
_EN_KEEP_S = re.compile(r"(ss|us|is|ics|ws)$")  # "process", "consensus", "crisis", "economics", "news"


@lru_cache(maxsize=65_536)
def en_normalise(word: str) -> str:
    """Lowercase, possessive and plural removed, hyphens dropped, British spelling made American."""
    word = _POSSESSIVE.sub("", word.lower())
    word = _HYPHENS.sub("", word)
    if len(word) > 3 and not _EN_KEEP_S.search(word):
        if word.endswith("ies"):
            word = word[:-3] + "y"
        elif word.endswith(("sses", "xes", "ches", "shes")):
            word = word[:-2]
        elif word.endswith("s"):
            word = word[:-1]
    if len(word) > 5:
        for pattern, replacement in _EN_SPELLING:
            word = pattern.sub(replacement, word)
    return word


# --- Kazakh ----------------------------------------------------------------------------------
#
# A Kazakh noun is stem + plural + possessive + case. We strip from the end: a case ending, then a
# possessive, then a plural, each optional, each checked against the last letter of what remains
# (vowel or consonant, voiced or voiceless: -ның after a vowel or nasal, -дың after р й у л з ж,
# -тың after a voiceless consonant…) and against vowel harmony (a back-vowel ending after a
# back-vowel stem). Endings that only follow a possessive (-на, -нда, -нан, -н, -ндағы) require
# one. Before a vowel-initial ending, stem-final қ к п are voiced (одақ → одағы): we undo that.

_VOWELS = frozenset("аәеёиоөұүыіэюяу")
_STRICT_VOWELS = frozenset("аәеёоөұүыіэюя")  # у and и close a syllable like a consonant: оқуы, оқудың
_BACK = frozenset("аоұыяё")
_FRONT = frozenset("әөүіеэ")
_VOICELESS = frozenset("кқпстшфхцчщбвгд")  # final б в г д of loans are devoiced: клубтың
_SONORANT = frozenset("рйуи")
_NASAL = frozenset("мнң")
_VOICED = frozenset("лзж")

# What may precede each ending, by the class of the stem's last letter: V vowel, S sonorant
# (р й у и), N nasal (м н ң), Z voiced (л з ж), K voiceless.
_PLURAL = {"лар": "VS", "лер": "VS", "дар": "NZ", "дер": "NZ", "тар": "K", "тер": "K"}
_CASE = {
    # genitive
    "ның": "VN", "нің": "VN", "дың": "SZ", "дің": "SZ", "тың": "K", "тің": "K",
    # dative
    "ға": "VSNZ", "ге": "VSNZ", "қа": "K", "ке": "K",
    # accusative
    "ны": "V", "ні": "V", "ды": "SNZ", "ді": "SNZ", "ты": "K", "ті": "K",
    # locative
    "да": "VSNZ", "де": "VSNZ", "та": "K", "те": "K",
    # ablative
    "дан": "VSZ", "ден": "VSZ", "нан": "N", "нен": "N", "тан": "K", "тен": "K",
    # instrumental
    "мен": "VSNZ", "бен": "NZ", "пен": "K",
    # relative (locative + -ғы): БҰҰ-дағы
    "дағы": "VSNZ", "дегі": "VSNZ", "тағы": "K", "тегі": "K",
}  # fmt: skip
_GENITIVE = frozenset({"ның", "нің", "дың", "дің", "тың", "тің"})
# Case endings that only follow a possessive ending (Кеңесі-не, Кеңесі-нде, Одағы-нан).
_CASE_AFTER_POSSESSIVE = ("на", "не", "н", "нда", "нде", "нан", "нен", "ндағы", "ндегі")
_POSSESSIVE_KK = {"ы": "C", "і": "C", "сы": "V", "сі": "V", "ымыз": "C", "іміз": "C", "мыз": "V", "міз": "V"}
_HARMONY_FREE = frozenset({"мен", "бен", "пен"})  # the instrumental has no back-vowel variant: Қазақстанмен
_NO_STRIP = re.compile(r"стан$")  # Қазақстан is not Қазақс + ablative -тан
_UNVOICE = {"ғ": "қ", "г": "к", "б": "п"}
_KK_MIN_STEM = 2


def _letter_class(letter: str) -> str:
    if letter in _STRICT_VOWELS:
        return "V"
    if letter in _SONORANT:
        return "S"
    if letter in _NASAL:
        return "N"
    if letter in _VOICED:
        return "Z"
    return "K"


def _harmony_ok(stem: str, suffix: str) -> bool:
    """Whether ``suffix`` agrees with the last vowel of ``stem`` (back а о ұ ы, front ә е ө ү і).

    у and и after a vowel are glides (Еуропа, Ресей) and are skipped; after a consonant they are
    vowels that loans treat either way (референдумға, Сингапурде, министрге), so they accept both.
    """
    if suffix in _HARMONY_FREE:
        return True
    suffix_back = any(c in _BACK for c in suffix)
    suffix_front = any(c in _FRONT for c in suffix)
    if not (suffix_back or suffix_front):
        return True
    for position in range(len(stem) - 1, -1, -1):
        letter = stem[position]
        if letter in _BACK:
            return suffix_back
        if letter in _FRONT:
            return suffix_front
        if letter in "уию" and (position == 0 or stem[position - 1] not in _VOWELS):
            return True
    return True  # no vowel at all


def _strippable(word: str, suffix: str, classes: str) -> str | None:
    """``word`` without ``suffix`` if the ending fits what precedes it, else ``None``."""
    if not word.endswith(suffix) or len(word) - len(suffix) < _KK_MIN_STEM:
        return None
    stem = word[: -len(suffix)]
    if not any(c in _VOWELS for c in stem) or not _harmony_ok(stem, suffix):
        return None
    if classes and _letter_class(stem[-1]) not in classes:
        return None
    return stem


def _possessive_readings(word: str) -> list[tuple[str, str]]:
    """``(ending, stem)`` for each possessive ending ``word`` may carry; a voiced stem comes with its unvoiced form."""
    readings = []
    for suffix, needs in _POSSESSIVE_KK.items():
        stem = _strippable(word, suffix, "")
        if stem is None or (needs == "V") != (stem[-1] in _STRICT_VOWELS):
            continue
        readings.append((suffix, stem))
        if suffix[0] in _VOWELS and stem[-1] in _UNVOICE:
            readings.append((suffix, stem[:-1] + _UNVOICE[stem[-1]]))
    return readings


def _strip_possessive(word: str) -> list[str]:
    return [stem for _, stem in _possessive_readings(word)]


_VOWEL_STEM_ENDINGS = frozenset("яюоөұүиэ")


def _possessive_preference(reading: tuple[str, str]) -> tuple[int, int, int]:
    ending, stem = reading
    vowel_final = ending in ("сы", "сі", "мыз", "міз")
    rank = (0 if stem[-1] in _VOWEL_STEM_ENDINGS else 2) if vowel_final else 1
    return (rank, -len(ending), 1 if stem[-1] in _UNVOICE else 0)


def _strip_plural(word: str) -> list[str]:
    return [s for suffix, classes in _PLURAL.items() if (s := _strippable(word, suffix, classes)) is not None]


@lru_cache(maxsize=262_144)
def kk_stems(word: str, *, dictionary_form: bool = False) -> frozenset[str]:
    """Every stem of the lowercase Kazakh ``word`` that its endings justify, ``word`` itself included.

    ``dictionary_form``: ``word`` comes from a termbase entry, where the only case is the genitive of
    a modifier (Қазақстан Республикасының Парламенті); stripping a dative there would turn "теңге"
    into "тең" (equal).
    """
    stems = {word}
    # 1. case: free-standing endings, or those that require a possessive before them
    after_case: list[tuple[str, bool]] = [(word, False)]
    if not _NO_STRIP.search(word):
        for suffix, classes in _CASE.items():
            if dictionary_form and suffix not in _GENITIVE:
                continue
            stem = _strippable(word, suffix, classes)
            if stem is not None:
                after_case.append((stem, False))
    for suffix in () if dictionary_form else _CASE_AFTER_POSSESSIVE:
        stem = _strippable(word, suffix, "")
        if stem is not None:
            after_case.append((stem, True))
    # 2. possessive  3. plural
    after_possessive: list[str] = []
    for form, needs_possessive in after_case:
        if not needs_possessive:
            after_possessive.append(form)
        after_possessive.extend(_strip_possessive(form))
    for form in after_possessive:
        stems.add(form)
        stems.update(_strip_plural(form))
    return frozenset(stems)


def kk_stem(word: str) -> str:
    """One stem for display and tests, by a greedy path through :func:`kk_stems`' readings.

    The longest case ending that fits, then a possessive, then a plural. ``Кеңесі`` may be кеңес + і
    or кеңе + сі: the consonant-final stem is preferred unless the other ends in a letter that
    Kazakh stems hardly ever put before a final с (стратегия-сы, бюро-сы). Matching uses the full
    set, so a wrong choice here (``Алматы`` → "алмат") costs nothing there.
    """
    form = word.lower()
    endings = [] if _NO_STRIP.search(form) else [(s, _strippable(form, s, c)) for s, c in _CASE.items()]
    # an ending that needs a possessive before it counts only if one is there (Кеңесі-нде, not Кеңесін-де)
    for suffix in _CASE_AFTER_POSSESSIVE:
        stem = _strippable(form, suffix, "")
        if stem is not None and _possessive_readings(stem):
            endings.append((suffix, stem))
    endings = [(s, stem) for s, stem in endings if stem is not None]
    if endings:
        form = max(endings, key=lambda ending: len(ending[0]))[1]
    readings = _possessive_readings(form)
    if readings:
        form = min(readings, key=_possessive_preference)[1]
    plural = _strip_plural(form)
    return plural[0] if plural else form


def is_kk_suffix_chain(part: str) -> bool:
    """Whether ``part`` is a run of Kazakh endings on its own (``дағы``, ``ның``, ``лары``), as after ``БҰҰ-``."""
    return bool(part) and _chain(part)


_ALL_ENDINGS = frozenset(_CASE) | frozenset(_CASE_AFTER_POSSESSIVE) | frozenset(_POSSESSIVE_KK) | frozenset(_PLURAL)


@lru_cache(maxsize=4096)
def _chain(part: str) -> bool:
    if not part:
        return True
    return any(part.startswith(e) and _chain(part[len(e) :]) for e in _ALL_ENDINGS)
