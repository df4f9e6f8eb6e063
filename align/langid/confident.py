"""A sentence's language when it can be trusted: long enough to judge and ``identify`` sure of it.

The block finder uses it to decide a block's language by the majority of its sentences; the rules
use it to tell an untranslated copy or a foreign sentence from a translation that shares names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from align.langid import identify

# Texts with fewer words than this (acronyms and numbers not counted) are names, acronyms and
# numbers as often as text: not judged.
MIN_WORDS = 4
# The language of a sentence is trusted from this confidence of ``identify``.
MIN_LANG_CONFIDENCE = 0.9

_WORD = re.compile(r"[^\W_]+(?:[-‐‑'’][^\W_]+)*")


def lettered_words(text: str) -> int:
    """Words with lowercase letters: ``COVID-19``, ``WHO`` and ``2011`` are not counted."""
    return sum(1 for word in _WORD.findall(text) if sum(char.islower() for char in word) >= 2)


@lru_cache(maxsize=4096)
def confident_language(text: str) -> str | None:
    """The language of ``text`` when it is long enough to judge and ``identify`` is sure of it."""
    if lettered_words(text) < MIN_WORDS:
        return None
    guess = identify(text)
    return guess.lang if guess.confidence >= MIN_LANG_CONFIDENCE and guess.lang != "und" else None
