"""Lexical support: whether a sentence's names, numbers and lexicon concepts appear in a candidate translation.

Shared by AL010 (a lonely sentence whose content sits in the neighbouring link is a split, not an
omission) and AL011 (a sentence merged into a link is omitted only when nothing of it is there).
"""

from __future__ import annotations

import re

from align.aligner.features import anchors
from align.aligner.fold import fold
from align.aligner.lexicon import word_concepts

# A name of the sentence found in the other side (this share of its folded 4-grams) is support:
# the sentence was translated, at least in part.
ANCHOR_SHARE = 0.5

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def _names(text: str) -> list[str]:
    """Capitalised words past the first, folded: names survive translation."""
    return [fold(word) for word in _WORD.findall(text)[1:] if word[0].isupper()]


def _grams(text: str) -> set[str]:
    return {text[k : k + 4] for k in range(max(len(text) - 3, 1))}


def supported(text: str, other: str) -> bool:
    """Whether a number, acronym or name of ``text`` appears in ``other``.

    Numbers and acronyms are the aligner's anchors (``1,200`` is ``1200``, ``NATO`` is ``НАТО``);
    a name counts when half its folded 4-grams are in ``other`` (case endings differ).
    """
    if not other.strip():
        return False
    return bool(set(anchors(text)) & set(anchors(other))) or bool(_found_names(text, other))


def word_grams(text: str) -> set[str]:
    """Folded character 4-grams inside the words of ``text``: cognates share them (документ / document)."""
    if not text.strip():
        return set()
    return {gram for word in fold(text).split() for gram in _grams(word) if len(gram) == 4}


def content_units(text: str, lang: str) -> set[str]:
    """What ``text`` says that a translation keeps: its core-lexicon concepts, numbers and acronyms.

    Units of different languages compare: *water*, *воды* and *суды* give the same concept.
    """
    concepts = {f"concept:{c}" for word in _WORD.findall(text) for c in word_concepts(word, lang)}
    return concepts | {f"anchor:{a}" for a in anchors(text)}


def _found_names(text: str, other: str) -> set[str]:
    """The names of ``text`` that ``other`` holds (half their folded 4-grams, as in ``supported``)."""
    if not other.strip():
        return set()
    other_grams = _grams(fold(other))
    return {name for name in _names(text) if len(_grams(name) & other_grams) >= ANCHOR_SHARE * len(_grams(name))}


def units_beyond(text: str, lang: str, beside: str, other: str, other_lang: str) -> tuple[int, int]:
    """How many content units and names of ``text`` ``other`` has that ``beside`` does not explain, of how many.

    ``other`` (``other_lang``) translates ``beside`` (``lang``), perhaps with ``text`` merged in:
    what of ``text`` it says beyond ``beside`` is what the merge brought.
    """
    units = content_units(text, lang)
    shared = units & content_units(other, other_lang)
    names = _found_names(text, other) - _found_names(text, beside)
    return len(shared - content_units(beside, lang)) + len(names), len(units) + len(set(_names(text)))
