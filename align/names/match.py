"""Match proper names between English, Kazakh and Russian sentences.

A name is compared through the aligner's folded Latin key (``align.aligner.fold``), so that
*Brussels*, *Брюссель* and *Брюсселе* become ``brusels``, ``brusel``, ``brusele``. Two keys are
``similar`` when the Dice coefficient of their character 3-grams reaches 0.6 after both are cut to
the shorter one's length: the cut drops the case ending that Kazakh and Russian add
(*Қазақстанның*, *Казахстаном*) and English does not.

Names that are translated rather than transliterated (*Russia*/*Ресей*/*Россия*,
*China*/*Қытай*/*Китай*) come from ``align/data/exonyms.tsv``: one place per line, the variants of
each language separated by ``|``. An English word matches a form exactly (or with a plural or
possessive ``s``); a Kazakh or Russian word matches when it starts with the form's stem and adds
at most a case ending (``form_matches``); an all-capital form (``США``, ``АҚШ``) matches only
itself; a form marked ``~`` is also a common word and only finds a place already named elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from importlib import resources

from align.aligner.fold import fold, fold_many

SIMILARITY = 0.6
LOOSE_SIMILARITY = 0.3
_LATIN_VOWELS = frozenset("aeiou")
_FOLDED: dict[str, str] = {}  # word → fold(word), filled a sentence at a time
_FOLDED_LIMIT = 200_000
_OPENERS = re.compile(r"[.!?:;\"“”«„(‘'—]")
_MAX_ENDING = 7  # letters a Kazakh word may add to a name: "Қазақстандағылар" is +7
_MIN_CUT = 5
_SHORT_STEM = 4  # stems shorter than this may take only a short ending ("Рим" → "Римде", not "Римма")
_WORD_RE = re.compile(r"[^\W\d_]+")
_DECLINED_Y = re.compile(r"(?<=[аеоуэ])(ем|ю|я)$")  # Роем, Рою, Роя: the case forms of Рой
_CONTRACTION = re.compile(r"['’]t\b")  # wasn't, don't: the word before is no name


@dataclass(frozen=True)
class Word:
    """A word of a sentence with its offsets (into the text it was read from) and folded keys.

    ``keys[0]`` is the key; the others are readings of the spelling conventions that differ
    between English and Cyrillic transcriptions (see :func:`name_keys`).
    """

    text: str
    start: int
    end: int
    keys: tuple[str, ...]
    initial: bool  # first of its sentence, quotation or clause: capitalised whether it is a name or not

    @property
    def key(self) -> str:
        return self.keys[0]

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper() and not self.acronym

    @cached_property
    def acronym(self) -> bool:
        return sum(map(str.isupper, self.text)) > 1

    @property
    def upper(self) -> bool:
        return self.text.isupper()


def name_key(text: str) -> str:
    """The folded Latin key of a word or name, without spaces.

    The ``i`` the fold writes for ю and the double ``ii`` of ия are dropped (*Брюссель* →
    ``brusel``, *Юта* → ``uta``, *Россия* → ``rosia``), where English writes a plain vowel; the
    ``dj`` of дж is ``j`` (*Джонс* → ``jons``); ``z`` is ``s`` (*Rosa* / *Роза*).
    """
    folded = _FOLDED.get(text)
    if folded is None:
        folded = _FOLDED[text] = fold(text)
    key = folded.replace(" ", "")
    return key.replace("iu", "u").replace("iia", "ia").replace("dj", "j").replace("z", "s")


@lru_cache(maxsize=65536)
def name_keys(text: str) -> tuple[str, ...]:
    """The key of a word and its other readings: the transcription conventions fold cannot undo.

    * an English ``c`` is ``k`` as often as ``s`` (*Macedonia* / *Македония*);
    * an English ``h`` is Russian г or х (*Harlem* / *Гарлем*, *Hammel* / *Хаммел*, *Raheem* /
      *Рахим*): a Cyrillic initial г/х/к before a vowel, or a х inside, may be dropped as the fold
      drops ``h``;
    * English ``ew`` is ью (*Newport* / *Ньюпорт*);
    * Russian у before a vowel is English ``w`` (*Болдуин* / *Baldwin*, *Уиллоуби*);
    * English ``dge`` and ``g`` before e/i are дж or ж (*Sturridge* / *Старридж*, *Rouge* / *Руж*);
    * English ``au`` is о (*Paul* / *Пол*), which the fold reads as ``av``; so is ``aw`` (*Shawn* / *Шон*);
    * French ``ch`` and ``ou`` are ш and у (*Bouchard* / *Бушар*);
    * a ``j`` after a consonant is the soft sign (*Bjorn* / *Бьорн*);
    * ``a`` before a consonant and a final ``e`` is эй (*Hale* / *Хейл*);
    * ``ow`` is оу (*Rowe* / *Роу*), ``oul`` also ол (*Poulter* / *Полтер*), ``th`` also з (*Brother* /
      *Бразер*), an initial ``i`` before a vowel ай (*Ian* / *Айан*), an initial ``j`` й (*Jan* / *Ян*),
      ``ar`` before a consonant а (*Park* / *Пак*);
    * Russian ё is yo (*Yong* / *Ён*);
    * a Russian name in -й drops it before a case ending (*Рой* / *Роем*, *Роя*).
    """
    key = name_key(text)
    if not key:
        return ()
    readings: list[str] = [key]
    lowered = text.lower()
    if "c" in lowered:
        readings.append(_Respelled(re.sub(r"c(?!h)", "k", lowered)))
    if text.isascii():
        readings.append(key.replace("dge", "j"))
        readings.append(re.sub(r"g(?=[ei])", "j", key))  # Rangers / Рейнджерс
        if "au" in lowered:
            readings.append(_Respelled(lowered.replace("au", "o")))  # Paul / Пол
        if "ew" in lowered:
            readings.append(_Respelled(lowered.replace("ew", "u")))  # Newport / Ньюпорт
        if "ch" in lowered:
            readings.append(_Respelled(lowered.replace("ch", "sh").replace("ou", "u")))  # Bouchard / Бушар
        if "aw" in lowered:
            readings.append(_Respelled(lowered.replace("aw", "o")))  # Shawn / Шон
        if re.search(r"[^aeiou]j[aeiou]", lowered):
            readings.append(_Respelled(re.sub(r"(?<=[^aeiou])j(?=[aeiou])", "", lowered)))  # Bjorn / Бьорн
        if re.search(r"a[^aeiou]e$", lowered):
            readings.append(_Respelled(re.sub(r"a(?=[^aeiou]e$)", "ei", lowered)))  # Hale / Хейл
        if "ow" in lowered:
            readings.append(_Respelled(lowered.replace("ow", "ou")))  # Rowe / Роу, Cownie / Коуни
        if "oul" in lowered:
            readings.append(_Respelled(lowered.replace("oul", "ol")))  # Poulter / Полтер (not Founder / Фонда)
        if "th" in lowered:
            readings.append(_Respelled(lowered.replace("th", "z")))  # Brother / Бразер
        if re.match(r"i[aeou]", lowered):
            readings.append(_Respelled("a" + lowered))  # Ian / Айан
        if re.match(r"j[aeiou]", lowered):
            readings.append(_Respelled("y" + lowered[1:]))  # Jan / Ян
        if re.search(r"ar[^aeiou]", lowered):
            readings.append(_Respelled(re.sub(r"ar(?=[^aeiou])", "a", lowered)))  # Park / Пак
    else:
        if len(key) > 3 and key[0] in "gk" and key[1] in _LATIN_VOWELS:
            readings.append(key[1:])
        if "х" in lowered[1:]:
            readings.append(_Respelled(lowered[0] + lowered[1:].replace("х", "")))  # Raheem / Рахим
        if "ё" in lowered:
            readings.append(_Respelled(lowered.replace("ё", "йо")))  # Yong / Ён
        if re.search(_DECLINED_Y, lowered):
            readings.append(_Respelled(re.sub(_DECLINED_Y, "й", lowered)))  # Roy / Роем, Андрею
    readings.append(re.sub(r"u(?=[aeio])", "v", key))
    _fold_at_once([str(r) for r in readings if isinstance(r, _Respelled)])
    return tuple(dict.fromkeys(name_key(r) if isinstance(r, _Respelled) else r for r in readings))


class _Respelled(str):
    """Another spelling of a word, whose key :func:`name_keys` reads: they are folded in one call."""


def _fold_at_once(words: list[str]) -> None:
    """Fold the words not folded yet in one call: ``fold`` costs the same for one word or a hundred."""
    new = list(dict.fromkeys(w for w in words if w not in _FOLDED))
    if len(_FOLDED) + len(new) > _FOLDED_LIMIT:
        _FOLDED.clear()
    _FOLDED.update(zip(new, fold_many(new), strict=True))


def words_of(text: str, offset: int = 0) -> list[Word]:
    """The words (letters only; digits and punctuation split them) of one sentence."""
    _fold_at_once([m.group() for m in _WORD_RE.finditer(text)])
    found: list[Word] = []
    previous_end = 0
    for m in _WORD_RE.finditer(text):
        if _CONTRACTION.match(text, m.end()):
            continue  # "wasn" would look like Washington's consonants
        keys = name_keys(m.group())
        # the first word, and one after a quotation mark, bracket, colon or sentence stop inside
        initial = not found or bool(_OPENERS.search(text, previous_end, m.start()))
        previous_end = m.end()
        if keys:
            found.append(Word(m.group(), offset + m.start(), offset + m.end(), keys, initial))
    return found


@lru_cache(maxsize=65536)
def _trigrams(key: str) -> frozenset[str]:
    padded = f"#{key}"
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


def dice(a: str, b: str) -> float:
    x, y = _trigrams(a), _trigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def skeleton(key: str) -> str:
    """The consonants of a key: what a phonetic transcription keeps (*Beacon* ``bkn`` = *Бикон*)."""
    return "".join(c for c in key if c not in _LATIN_VOWELS)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


# Small: :func:`similar` keeps the answers for whole words, so few pairs of keys come back here.
@lru_cache(maxsize=32768)
def similar_keys(a: str, b: str, *, loose: bool = False) -> bool:
    """Two keys name the same thing.

    Strict: equal; a three-letter key and the same with an ending (*Kim* / *Киммен*); 3-gram Dice
    ≥ 0.6 once both are cut to the shorter length, five letters at least (the cut drops case
    endings); or the same consonants, three at least, up to an ending, with a Dice of 0.3 at least.
    Loose (to decide that a name *is* there, never that a word is one): Dice ≥ 0.3, or the first
    three consonants (two of a short name) agree, or two keys of four letters at most start alike
    and have the same consonants.
    """
    if a == b:
        return True
    shorter = min(len(a), len(b))
    if loose and max(len(a), len(b)) <= 4 and a[0] == b[0] and skeleton(a) == skeleton(b):
        return True  # short names written with other vowels: May / Мэй, Ian / Йен, Yale / Йель
    if shorter < 4:
        if shorter == 3 and (a.startswith(b) or b.startswith(a)) and abs(len(a) - len(b)) <= 4:
            return True
        if not loose:
            return False
    elif not loose and abs(len(a) - len(b)) > _MAX_ENDING:
        return False
    else:
        cut = max(shorter, _MIN_CUT)  # four letters make too few 3-grams: Track ~ Трамптың
        similarity = dice(a[:cut], b[:cut])
        if similarity >= (LOOSE_SIMILARITY if loose else SIMILARITY):
            return True
        if not loose and similarity < LOOSE_SIMILARITY:
            return False  # the same consonants alone are not enough: Founder / Фонда
    sa, sb = skeleton(a), skeleton(b)
    common, fewest = _common_prefix(sa, sb), min(len(sa), len(sb))
    if loose:
        return fewest >= 2 and common >= min(3, fewest)
    return fewest >= 3 and common == fewest and abs(len(sa) - len(sb)) <= 3


def similar(a: Word | str, b: Word | str, *, loose: bool = False) -> bool:
    """Two words (or keys) name the same thing under any of their readings (see :func:`similar_keys`)."""
    keys_a = a.keys if isinstance(a, Word) else (a,)
    keys_b = b.keys if isinstance(b, Word) else (b,)
    return _similar_readings(keys_a, keys_b, loose)


# A name rule compares each word with every word of three sentences, and again for each name it
# reports: a word pair's answer is kept, sparing the 5–25 reading pairs behind it.
@lru_cache(maxsize=65536)
def _similar_readings(keys_a: tuple[str, ...], keys_b: tuple[str, ...], loose: bool) -> bool:
    return any(similar_keys(x, y, loose=loose) for x in keys_a for y in keys_b)


@dataclass(frozen=True)
class Form:
    """One spelling of a place: its lower-case words, and whether it is also a common word."""

    words: tuple[str, ...]
    ambiguous: bool = False  # "~Орал" (also "returned"): finds the place, never decides a word is one


@dataclass(frozen=True)
class Place:
    """One line of exonyms.tsv: per language, its spellings and its acronyms."""

    english: str
    forms: dict[str, tuple[Form, ...]]
    acronyms: dict[str, frozenset[str]]


@cache
def places() -> tuple[Place, ...]:
    """The bundled exonyms, read once."""
    text = resources.files("align").joinpath("data/exonyms.tsv").read_text(encoding="utf-8")
    return parse_places(text)


def _lower(text: str) -> str:
    return text.lower().replace("ё", "e" if text.isascii() else "е").replace("’", "'")


def parse_places(text: str) -> tuple[Place, ...]:
    """Places from exonyms.tsv text (see the module docstring for the format)."""
    found: list[Place] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("en\t"):
            continue
        columns = line.split("\t")
        if len(columns) != 3:
            raise ValueError(f"exonyms: expected en, kk, ru separated by tabs: {line!r}")
        forms: dict[str, tuple[Form, ...]] = {}
        acronyms: dict[str, frozenset[str]] = {}
        for lang, column in zip(("en", "kk", "ru"), columns, strict=True):
            variants = [v.strip() for v in column.split("|") if v.strip()]
            acronyms[lang] = frozenset(v for v in variants if v.isupper())
            forms[lang] = tuple(
                Form(tuple(_lower(part) for part in _WORD_RE.findall(v)), v.startswith("~"))
                for v in variants
                if not v.isupper()
            )
        found.append(Place(columns[0].split("|")[0], forms, acronyms))
    return tuple(found)


_ENGLISH_ENDINGS = frozenset({"s", "ism", "ist", "ists"})  # Kazakhs, Eurasianism
_CYRILLIC_VOWELS = frozenset("аәеиіоөуұүыэюяйь")
_ADJECTIVE_ENDINGS = ("ая", "яя", "ый", "ий", "ой", "ое", "ее")


def form_matches(word: str, form: str, lang: str, *, strict: bool = True, initial: bool = False) -> bool:
    """The lower-case ``word`` is ``form`` (English, also with -s, -ism, -ist), or ``form`` with a case
    ending (Kazakh, Russian).

    A Kazakh or Russian form loses its final vowel (two for an adjective ending) to a stem
    (*Азия* → *Ази*-и, *Китай* → *Кита*-ем, *Средняя* → *Средн*-ей), never below four letters
    (three for short forms), which may take an ending of up to seven letters — three for the first
    word of a sentence, where a capital proves nothing (*Коренные* is not Korea). Not ``strict``,
    a stem of four letters or more may take any ending (*еуропалықтарға*): used to find a name,
    not to decide that a word is one. Letters are compared in the language's own script: folded
    keys would make *белгілі* ("known") Belgium.
    """
    if lang == "en":
        return word == form or (word.startswith(form) and word[len(form) :] in _ENGLISH_ENDINGS)
    stem = form_stem(form)
    ending = len(word) - len(stem)
    if not strict and len(stem) > _SHORT_STEM and stem in word[1:]:
        return True  # inside a compound: северокорейский, Евросоюз
    if len(stem) < _SHORT_STEM:
        limit = 3
    elif not strict:
        limit = len(word)
    else:
        limit = 3 if initial else _MAX_ENDING
    return word.startswith(stem) and 0 <= ending <= limit


@lru_cache(maxsize=4096)
def form_stem(form: str) -> str:
    """A Kazakh or Russian form without its final vowel (two for an adjective ending): see :func:`form_matches`."""
    adjective = form.endswith(_ADJECTIVE_ENDINGS)
    shortest = 3 if len(form) <= _SHORT_STEM or adjective else _SHORT_STEM
    strip = 2 if adjective else 1
    stem = form
    while strip and stem[-1] in _CYRILLIC_VOWELS and len(stem) > shortest:
        stem, strip = stem[:-1], strip - 1
    return stem


@cache
def _forms_by_prefix(lang: str) -> dict[str, list[tuple[Place, Form]]]:
    """The forms of ``lang`` under the first two letters of their first word (every stem has three)."""
    index: dict[str, list[tuple[Place, Form]]] = {}
    for place in places():
        for form in place.forms[lang]:
            index.setdefault(form.words[0][:2], []).append((place, form))
    return index


@cache
def _all_forms(lang: str) -> list[tuple[Place, Form]]:
    return [pair for forms in _forms_by_prefix(lang).values() for pair in forms]


@cache
def _compound_forms(lang: str) -> dict[str, list[int]]:
    """Not strict, a stem of five letters or more may stand inside a compound (северокорейский): the
    forms with such a stem, as positions in :func:`_all_forms`, under the first three letters of the stem."""
    index: dict[str, list[int]] = {}
    if lang == "en":
        return index
    for position, (_, form) in enumerate(_all_forms(lang)):
        stem = form_stem(form.words[0])
        if len(stem) > _SHORT_STEM:
            index.setdefault(stem[:3], []).append(position)
    return index


@cache
def _positions_by_prefix(lang: str) -> dict[str, list[int]]:
    """:func:`_forms_by_prefix` as positions in :func:`_all_forms`."""
    index: dict[str, list[int]] = {}
    for position, (_, form) in enumerate(_all_forms(lang)):
        index.setdefault(form.words[0][:2], []).append(position)
    return index


def _loose_candidates(word: str, lang: str) -> list[tuple[Place, Form]]:
    """The forms a word may match not strictly: those that start as it does, and those whose stem
    stands inside it, in the order of :func:`_all_forms` (the first form of a place that matches names it)."""
    positions = set(_positions_by_prefix(lang).get(word[:2], ()))
    compounds = _compound_forms(lang)
    for start in range(1, len(word) - 2):
        positions.update(compounds.get(word[start : start + 3], ()))
    forms = _all_forms(lang)
    return [forms[position] for position in sorted(positions)]


@lru_cache(maxsize=65536)
def _starting_forms(word: str, lang: str, strict: bool, initial: bool) -> tuple[tuple[Place, Form], ...]:
    """The forms whose first word ``word`` matches."""
    candidates = _forms_by_prefix(lang).get(word[:2], []) if strict else _loose_candidates(word, lang)
    return tuple(
        (place, form)
        for place, form in candidates
        if not (strict and form.ambiguous) and form_matches(word, form.words[0], lang, strict=strict, initial=initial)
    )


def find_places(words: list[Word], lang: str, *, strict: bool = True) -> list[tuple[Place, tuple[int, ...]]]:
    """Every place of the exonym list that ``words`` name: (place, indices of its words).

    ``strict`` as in :func:`form_matches`; strict, the ambiguous forms ("~") are left out.
    """
    lowered = [_lower(w.text) for w in words]
    found: list[tuple[Place, tuple[int, ...]]] = []
    for i, word in enumerate(words):
        if word.acronym:
            found.extend((place, (i,)) for place in places() if word.text in place.acronyms[lang])
            continue
        named: set[str] = set()
        for place, form in _starting_forms(lowered[i], lang, strict, word.initial):
            span = tuple(range(i, i + len(form.words)))
            if (
                place.english not in named
                and span[-1] < len(words)
                and all(
                    form_matches(lowered[j], part, lang, strict=strict, initial=words[j].initial)
                    for j, part in zip(span[1:], form.words[1:], strict=True)
                )
            ):
                named.add(place.english)
                found.append((place, span))
    return found
