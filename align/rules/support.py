"""Lexical support: whether a sentence's names and numbers appear in a candidate translation.

Shared by AL010 (a lonely sentence whose content sits in the neighbouring link is a split, not an
omission) and AL011 (a sentence merged into a link is omitted only when nothing of it is there).
"""

from __future__ import annotations

import re

from align.aligner.features import anchors
from align.aligner.fold import fold

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
    if set(anchors(text)) & set(anchors(other)):
        return True
    other_grams = _grams(fold(other))
    return any(len(grams & other_grams) >= ANCHOR_SHARE * len(grams) for grams in map(_grams, _names(text)))


def word_grams(text: str) -> set[str]:
    """Folded character 4-grams inside the words of ``text``: cognates share them (документ / document)."""
    if not text.strip():
        return set()
    return {gram for word in fold(text).split() for gram in _grams(word) if len(gram) == 4}
