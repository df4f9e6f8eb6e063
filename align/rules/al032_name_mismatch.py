from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from align.model import Block
from align.names import Place, Word, find_places, name_key, similar, words_of
from align.rules.base import Context, Finding, Rule, Severity, Span
from align.rules.names import language_name
from align.rules.termhits import undot_acronyms

# Capitalised words of organisation names and titles, not person or place names: another rule
# compares organisations, and their translations are not transliterations (Council/Совет/Кеңес).
# Folded stems; a word is generic when its key starts with one (plus an ending).
_GENERIC = """
national nation central international social public federal democratic republic university institute
academy ministry minister president parliament committee congress senate assembly organization
organisation agency association department commission member community office service museum library
center centre school college army supreme general secretary chairman union council state party court
bank fund foundation program programme project group company corporation news street avenue square crescent
coroner analyst immigration
river lake mountain ocean island north south east west northern southern eastern western professor
doctor saint christmas league championship olympic games world global internet covid coronavirus
национальн центральн международн социальн общественн федеральн демократ республик университет
институт академи комисси министерств министр президент парламент комитет конгресс сенат ассамбле
организаци агентств ассоциаци департамент служб музей библиотек центр школ колледж арми союз совет
государств парти банк фонд программ проект групп компани корпораци улиц площад озер остров север
восток запад северн южн восточн западн господин доктор профессор король королев император святой
палат рождеств кубок чемпионат олимпийск глобальн интернет ковид коронавирус госсекретар генассамбле сент
иммиграцион аналитик коронер
ұлттық орталық халықаралық әлеуметтік қоғамдық мемлекет республика университет институт академия
министрлі министр президент парламент комитет одақ кеңес партия банк бағдарлама компания көше
өзен солтүстік оңтүстік шығыс батыс доктор профессор король кубок кубог чемпионат олимпиада ойындар
дүниежүзілік ғаламдық интернет ассамблея ассемблея палата
"""
_GENERIC_STEMS = tuple(sorted({name_key(word) for word in _GENERIC.split()}))
# The stems of four letters or more by length: a key starts with one when its first letters are one.
_GENERIC_STEMS_BY_LENGTH = {
    length: frozenset(stem for stem in _GENERIC_STEMS if len(stem) == length)
    for length in sorted({len(stem) for stem in _GENERIC_STEMS if len(stem) >= 4})
}
_GENERIC_EXACT = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "sea", "day", "sir", "lord", "king", "queen", "god", "kup", "nevs", "oli"}
    | {"rev", "sen", "sens", "gov", "gen", "kol", "kapt", "prof", "jr", "sr"}
)
_MAX_ENDING = 6
_TITLE_CASE = 0.75  # above this share of capitalised long words, capitals mark a headline, not names
_SHOUTING = 0.5  # above this share of long words in capitals, the block is a title in capitals
_LONG_WORD = 4
_MIN_COMPOUND_STEM = 5  # a shorter stem (Рим, Kim) turns up inside unrelated words
_LOWER_WORD_RE = re.compile(r"[^\W\d_]+")


class NameMismatch(Rule):
    """A person or place name of one language version is missing from the aligned sentence of another.

    ## What it does
    Compares the names of every aligned title and abstract sentence through a folded Latin key
    (*Брюсселе* matches *Brussels*, *Назарбаевтың* matches *Nazarbayev*), forgiving case endings.
    A name is a capitalised word that is not the first of its sentence, not an acronym, not a
    word of organisation names (Union, Council, University…) and not written in lower case
    elsewhere in the block; or a place of the bundled exonym list (*Russia*/*Ресей*/*Россия*,
    *China*/*Қытай*/*Китай*), wherever it stands. A name counts only when a second language
    confirms it (a capitalised word with a similar key) or it is on the exonym list, so common
    nouns capitalised in one language only do not raise findings. Each missing name is reported
    once, naming every language that lacks it.

    ## Why is this bad?
    A dropped or replaced name changes who or where the abstract is about: a reader of the
    Russian version does not learn that the interviews took place in Brussels.

    ## Example
    ```text
    EN: The author interviewed diplomats in Astana and Brussels.
    KK: Автор Астана мен Брюссельдегі дипломаттармен сұхбаттасты.
    RU: Автор взял интервью у дипломатов в Астане.
    ```

    ## Use instead
    ```text
    RU: Автор взял интервью у дипломатов в Астане и Брюсселе.
    ```
    """

    code = "AL032"
    name = "name-mismatch"
    severity = Severity.warning

    def check(self, context: Context) -> Iterator[Finding]:
        for role in ("title", "abstract"):
            role_alignment = context.alignments.get(role)
            if role_alignment is None:
                continue
            blocks = context.blocks(role)
            lowercase = {lang: _lowercase_words(block) for lang, block in blocks.items()}
            for triple in role_alignment.alignment.triples:
                indices = {lang: getattr(triple, lang) for lang in blocks if getattr(triple, lang)}
                if len(indices) < 2:
                    continue
                sides = {lang: _side(blocks[lang], found, lowercase[lang]) for lang, found in indices.items()}
                for name in join_adjacent(list(missing_names(sides))):
                    yield self._finding(role, blocks, indices, name)

    def _finding(self, role: str, blocks: dict[str, Block], indices: dict[str, tuple[int, ...]], name: Name) -> Finding:
        where = "sentence" if role == "abstract" else role
        present = [lang for lang in blocks if lang in name.words]
        missing = [lang for lang in blocks if lang in name.missing]
        shown = " ".join(w.text for w in name.words[name.lang])
        plural = "s" if len(present) > 1 else ""
        lacking = " and ".join(language_name(lang) for lang in missing)
        first = blocks[present[0]].sentences[indices[present[0]][0]]
        return self.finding(
            f"The name {shown} of the {_names(present)} {where}{plural} is missing from the {lacking} "
            f"{where}{'s' if len(missing) > 1 else ''}",
            role=role,
            langs=(*present, *missing),
            sentences=dict(indices),
            evidence={lang: " ".join(w.text for w in name.words[lang]) for lang in present},
            spans=tuple(Span(lang, w.start, w.end, w.text) for lang in present for w in name.words[lang]),
            suggestion=f"Name {shown} in the {lacking} {where} too, or check that the sentences are translations",
            line=first.start_line,
        )


@dataclass(frozen=True)
class Side:
    """The words of one language's part of a triple, and which of them may be names."""

    words: list[Word]
    candidates: list[int]
    places: list[tuple[Place, tuple[int, ...]]]


@dataclass(frozen=True)
class Name:
    """A name found in ``lang``: its words in every language that has it, and the languages without it."""

    lang: str
    words: dict[str, list[Word]]
    missing: tuple[str, ...]


def _names(langs: list[str]) -> str:
    names = [language_name(lang) for lang in langs]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _lowercase_words(block: Block) -> frozenset[str]:
    return frozenset(filter(str.islower, _LOWER_WORD_RE.findall(block.text)))


@lru_cache(maxsize=65536)
def generic(key: str) -> bool:
    """A word of organisation names or titles (its folded key), not a name of its own."""
    if key in _GENERIC_EXACT:
        return True
    # short stems take only a short ending ("bank" → "banks", not "fond" → "Fonda…")
    return any(
        key[:length] in stems and len(key) - length <= (_MAX_ENDING if length > 4 else 2)
        for length, stems in _GENERIC_STEMS_BY_LENGTH.items()
    )


def _side(block: Block, indices: tuple[int, ...], lowercase: frozenset[str]) -> Side:
    words: list[Word] = []
    candidates: list[int] = []
    for i in indices:
        sentence = block.sentences[i]
        found = words_of(undot_acronyms(sentence.text), sentence.start)  # "U.K." is the acronym UK
        long_words = [w for w in found if len(w.text) >= _LONG_WORD]
        capitals = sum(w.text[0].isupper() for w in long_words)
        shouting = sum(w.upper for w in long_words)
        # a headline in capitals or Title Case says nothing about names by its capitals
        informative = not long_words or capitals <= _TITLE_CASE * len(long_words)
        byline = long_words and shouting > _SHOUTING * len(long_words)
        for word in found:
            if byline and word.capitalised and not word.upper:
                continue  # "Сванте Корнелл ҚАЗАҚСТАН…": an author's name glued to a title
            if (
                informative
                and word.capitalised
                and not word.initial
                and len(word.key) >= 3
                and word.text.lower() not in lowercase
                and not generic(word.key)
            ):
                candidates.append(len(words))
            words.append(word)
    places = [
        (place, span)
        for place, span in find_places(words, block.lang)
        # a place names a name only when written as one (capitalised), not as "российский"
        if words[span[0]].text[0].isupper() and not words[span[0]].acronym
    ]
    return Side(words, candidates, places)


def missing_names(sides: dict[str, Side]) -> Iterator[Name]:
    """Names of one side that another side lacks, each reported once (from its first language)."""
    used: dict[str, set[int]] = {lang: set() for lang in sides}  # words that belong to a name found
    seen: dict[str, set[int]] = {lang: set() for lang in sides}  # candidates already looked at
    reported: set[str] = set()  # places, by English name: each once per triple
    all_places = {lang: find_places(side.words, lang, strict=False) for lang, side in sides.items()}
    for lang, side in sides.items():
        for place, span in side.places:
            if used[lang] & set(span) or place.english in reported:
                used[lang] |= set(span)  # a place is never a generic candidate as well
                continue
            reported.add(place.english)
            found = {lang: [side.words[i] for i in span]}
            used[lang] |= set(span)
            for other in sides:
                if other == lang:
                    continue
                spans = [s for p, s in all_places[other] if p is place] or [
                    (j,) for j, w in enumerate(sides[other].words) if similar(side.words[span[0]], w)
                ]
                if spans:
                    found[other] = [sides[other].words[j] for j in spans[0]]
                    used[other] |= {j for s in spans for j in s}
            yield from _report(lang, found, sides, used)
        for i in side.candidates:
            if i in used[lang] or i in seen[lang]:
                continue
            word = side.words[i]
            seen[lang] |= {j for j, w in enumerate(side.words) if similar(word, w)}  # one report per name
            found = {lang: [word]}
            matched: dict[str, list[int]] = {}
            for other, other_side in sides.items():
                if other != lang:
                    matches = [j for j, w in enumerate(other_side.words) if j not in used[other] and similar(word, w)]
                    if matches:
                        matched[other] = matches
            # a word capitalised in one language only may be a common noun: a second language must agree,
            # with a word of its own (a brand the Russian copies in Latin letters, "Fox Business
            # Network", may well be translated in Kazakh)
            if not any(_confirms(word, sides[other].words[j]) for other, js in matched.items() for j in js):
                continue
            used[lang] |= seen[lang] & {j for j, w in enumerate(side.words) if similar(word, w)}
            for other, js in matched.items():
                found[other] = [sides[other].words[js[0]]]
                used[other] |= set(js)
            yield from _report(lang, found, sides, used)


def join_adjacent(names: list[Name]) -> list[Name]:
    """One finding for a name of several words (*Olzhas Suleimenov*) that the same languages lack."""
    joined: list[Name] = []
    for name in sorted(names, key=lambda n: (n.lang, n.words[n.lang][0].start)):
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.lang == name.lang
            and last.missing == name.missing
            and last.words.keys() == name.words.keys()
            and 0 < name.words[name.lang][0].start - last.words[last.lang][-1].end <= 2
        ):
            words = {lang: [*last.words[lang], *name.words[lang]] for lang in last.words}
            joined[-1] = Name(last.lang, words, last.missing)
        else:
            joined.append(name)
    return joined


def _confirms(word: Word, other: Word) -> bool:
    return other.capitalised and not (word.text.isascii() and other.text.isascii())


def _inside_compound(name: Word, word: Word) -> bool:
    """A name inside a longer lower-case word: a compound adjective (*South Carolina* / *оңтүстіккаролиналық*).

    The name's key without its last letter (a case ending or a final vowel) must stand after the
    word's start, and be five letters at least.
    """
    stem = name.key[:-1]
    return len(stem) >= _MIN_COMPOUND_STEM and word.text.islower() and stem in word.key[1:]


def _report(
    lang: str, found: dict[str, list[Word]], sides: dict[str, Side], used: dict[str, set[int]]
) -> Iterator[Name]:
    """The name if a language lacks it, unless that language has a capitalised word that might be it.

    The name counts as there when any word of it (in any language that has it) is similar to a word
    of that language (*Chilean* / *Чили* / *чилийский*) or stands inside a lower-case compound
    (*оңтүстіккаролиналық*), or is loosely similar to a capitalised one:
    transcriptions the key does not bring together (*Gjorge* / *Георге*). A word another name
    already took is not a candidate.
    """
    missing = []
    for other, side in sides.items():
        if other in found:
            continue
        names = [w for words in found.values() for w in words]
        lookalike = next(
            (
                j
                for j, w in enumerate(side.words)
                if j not in used[other] and any(similar(x, w) or _inside_compound(x, w) for x in names)
            ),
            None,
        )
        if lookalike is None:
            lookalike = next(
                (
                    j
                    for j, w in enumerate(side.words)
                    if j not in used[other]
                    and w.text[0].isupper()
                    and w.key not in _GENERIC_EXACT  # "St" is no Шотландской
                    and any(similar(x, w, loose=True) for x in names)
                ),
                None,
            )
        if lookalike is None:
            missing.append(other)
        else:
            found[other] = [side.words[lookalike]]
            used[other].add(lookalike)
    if missing:
        yield Name(lang, found, tuple(missing))
