"""Locating things inside ``Block.text`` for the form rules: sentences, keywords, words.

Findings point at characters of ``Block.text`` (``Span``) and at sentence indices; these helpers
turn an offset into both, so each rule only finds offsets.
"""

from __future__ import annotations

import re

from align.model import Block

# A word for counting and matching: letters/digits, joined by inner hyphens or apostrophes.
WORD = re.compile(r"[^\W_]+(?:[-‐‑'’][^\W_]+)*")


def sentence_index(block: Block, offset: int) -> int | None:
    """Index of the sentence holding ``offset`` (the next one when it falls between sentences)."""
    for index, sentence in enumerate(block.sentences):
        if offset < sentence.end:
            return index
    return len(block.sentences) - 1 if block.sentences else None


def line_of(block: Block, offset: int) -> int:
    """Source line of the sentence holding ``offset``, else the block's first line."""
    index = sentence_index(block, offset)
    return block.sentences[index].start_line if index is not None else block.start_line


def sentence_text(block: Block, offset: int) -> str:
    """The sentence holding ``offset``, or the whole block text when it has no sentences."""
    index = sentence_index(block, offset)
    return block.sentences[index].text if index is not None else block.text


def keyword_offsets(block: Block) -> list[tuple[int, int]]:
    """``(start, end)`` of each of ``block.keywords`` in ``block.text``, found left to right.

    A keyword the reader normalised beyond recognition gets the whole block as its span.
    """
    offsets: list[tuple[int, int]] = []
    position = 0
    for keyword in block.keywords:
        start = block.text.find(keyword, position)
        if start < 0:
            offsets.append((0, len(block.text)))
            continue
        offsets.append((start, start + len(keyword)))
        position = start + len(keyword)
    return offsets


def word_count(text: str) -> int:
    """Words as a reader counts them: ``БҰҰ-дағы`` and ``Kazakhstan's`` are one word, a dash none."""
    return sum(1 for _ in WORD.finditer(text))
