"""Telling an untranslated copy from a translation: character similarity and a language check.

Similarity is difflib's ratio on case-folded text with whitespace and quote marks normalised.
On NTREX-128 a Kazakh sentence and its Russian translation (same script, shared names) never
reach 0.67, while 99 % of copies with one word dropped score 0.84 or more (benchmarks/
divergence_structure.py --similarity; docs/decisions.md "Copy detection: difflib").  A copy must also *read* as the
language it was copied from, so names, acronyms and numbers shared by two translations do not
count: ``identify`` must give the source language with confidence.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from align.langid.confident import confident_language
from align.model import Block
from align.rules.base import Context

COPY_SIMILARITY = 0.85

_QUOTES = re.compile(r"[\"'«»“”„‘’`]")


@lru_cache(maxsize=4096)
def normalised(text: str) -> str:
    """Case-folded, quote marks unified, whitespace runs as one space: what copying keeps."""
    return " ".join(_QUOTES.sub('"', text).casefold().split())


def similarity(text_a: str, text_b: str) -> float:
    """0…1: how much of the two texts' characters line up (difflib ratio, normalised text).

    Exact from ``COPY_SIMILARITY`` up; below it, a cheap upper bound may stand in for the ratio.
    """
    a, b = normalised(text_a), normalised(text_b)
    if not a or not b:
        return 0.0
    # Cheap upper bounds first (what difflib's quick ratios compute): most pairs are far apart.
    if 2 * min(len(a), len(b)) / (len(a) + len(b)) < COPY_SIMILARITY:
        return 0.0
    shared = _shared_characters(a, b)
    if 2 * shared / (len(a) + len(b)) < COPY_SIMILARITY:
        return 2 * shared / (len(a) + len(b))
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def containment(text: str, source: str) -> float:
    """0…1: ``similarity`` of ``text`` with the best-matching stretch of the longer ``source``.

    The two languages' blocks are split into sentences separately, so a copied sentence can be
    a part of a sentence of the source block (fuzzywuzzy's *partial ratio*).
    """
    a, b = normalised(text), normalised(source)
    if not a or len(a) >= len(b):
        return similarity(text, source)
    if _shared_characters(a, b) / len(a) < COPY_SIMILARITY:
        return 0.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    best = 0.0
    for i, j, size in matcher.get_matching_blocks():
        if size < 4:
            continue
        start = max(0, min(j - i, len(b) - len(a)))
        window = b[start : start + len(a)]
        best = max(best, difflib.SequenceMatcher(None, a, window, autojunk=False).ratio())
    return best


def _shared_characters(a: str, b: str) -> int:
    return sum((_characters(a) & _characters(b)).values())


@lru_cache(maxsize=4096)
def _characters(text: str) -> Counter[str]:
    return Counter(text)


def copied_from(text: str, sources: Sequence[str], source_lang: str) -> int | None:
    """Index of the sentence of ``sources`` (in ``source_lang``) that ``text`` copies, if any.

    A copy is written in ``source_lang`` and matches a sentence, a part of one, or a run of up
    to three consecutive sentences (the blocks may be split into sentences differently).
    """
    if confident_language(text) != source_lang:
        return None
    for run in range(1, 4):
        for first in range(len(sources) - run + 1):
            if containment(text, " ".join(sources[first : first + run])) >= COPY_SIMILARITY:
                return first
    return None


def intended_language(block: Block, expected_langs: Sequence[str]) -> str:
    """The language a block is meant to be in: its label's, else the language of its text."""
    return block.label_lang if block.label_lang in expected_langs else block.lang


def main_language(block: Block) -> str:
    """The language most of the block's text is in, judged sentence by sentence.

    The block's own ``lang`` is a judgement on the whole text, which one long sentence in another
    script can tip; counting the characters of confidently identified sentences cannot be tipped.
    """
    weights: Counter[str] = Counter()
    for sentence in block.sentences:
        lang = confident_language(sentence.text)
        if lang is not None:
            weights[lang] += len(sentence.text)
    return weights.most_common(1)[0][0] if weights else block.lang


def blocks_by_intended_language(context: Context, role: str) -> dict[str, Block]:
    """The first block of ``role`` meant for each expected language, whether or not it is written in it."""
    found: dict[str, Block] = {}
    for block in context.detection.blocks:
        if block.role == role:
            found.setdefault(intended_language(block, context.expected_langs), block)
    return {lang: block for lang, block in found.items() if lang in context.expected_langs}
