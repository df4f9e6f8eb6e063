"""Sentence splitting for English, Kazakh and Russian front matter.

``split_sentences`` returns character spans so that callers keep offsets into their own text.
It runs razdel's rule-based segmenter (which serves all three languages; see docs/decisions.md,
"Sentence splitting") with extra rules for what razdel misses in scholarly text:

* abbreviations: English titles and Latin (Prof., St., Sen., e.g., i.e., cf., vs., v.), "et al."
  (a boundary only before a sentence-opening word such as "The" or "We"), Kazakh ж./жж./ғ./т.ч.
  (never a boundary) and т.б./т.с.с./б.з.д. (a boundary only before a capitalised word), Russian
  "им." (a boundary only before a sentence-opening word such as "По");
* numbered references: "Fig. 2", "No. 5", "p. 12", "pp. 7–8", "Oct. 2" (English "no." before a
  capital is the word "no" and ends the sentence);
* quotes typed either way round (“…“, ”…”), double closers (``!“»``), "[…]" and spaced " … "
  omissions, semicolons (never a boundary);
* in Kazakh and Russian: a dot after a unit ("10 см.") or a Latin abbreviation before a Cyrillic
  capital ("D.C. В пятницу") ends the sentence; "млрд. АҚШ долларын" does not.

Line breaks count as spaces except in the two layouts described in ``_layout``: a blank line after
terminal punctuation, and a short heading line standing on its own.
"""

from __future__ import annotations

from align.segment._layout import LINE_BREAKS, forced_boundaries
from align.segment._quotes import orient_quotes
from align.segment._rules import segmenter_for

__all__ = ["split_sentences"]

SUPPORTED_LANGS = ("en", "kk", "ru")
_LINE_BREAKS_TO_SPACES = str.maketrans(LINE_BREAKS, " " * len(LINE_BREAKS))


def _split_at(spans: list[tuple[int, int]], offset: int, text: str) -> list[tuple[int, int]]:
    """``spans`` with the one that contains ``offset`` cut there (both parts trimmed)."""
    result = []
    for start, end in spans:
        if start < offset < end:
            head_end = start + len(text[start:offset].rstrip())
            result.append((start, head_end))
            result.append((offset, end))
        else:
            result.append((start, end))
    return result


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Character spans (start, end) of the sentences of `text` (end exclusive, spans trimmed of
    surrounding whitespace, in order, non-overlapping).

    lang is "en", "kk" or "ru" (anything else: treat like en).
    """
    segmenter = segmenter_for(lang if lang in SUPPORTED_LANGS else "en")
    # Same length as ``text``, so razdel's offsets are ours.
    working = orient_quotes(text.translate(_LINE_BREAKS_TO_SPACES))
    spans = [(piece.start, piece.stop) for piece in segmenter(working) if piece.text]
    for offset in forced_boundaries(text):
        spans = _split_at(spans, offset, text)
    return [(start, end) for start, end in spans if start < end]
