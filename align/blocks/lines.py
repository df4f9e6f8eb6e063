"""Paragraphs cut at source lines: where the reader joined lines that are not one paragraph.

Text without blank lines (PDF extraction, HTML with one ``<p>`` a line, thesis field lines) reaches
the block finder as long paragraphs in which a label (``Keywords:``), a field (``Автор:``) or the
title stands at the start of a source line. The reader's ``line_map`` says where each line starts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

from align.model import Paragraph


def line_starts(paragraph: Paragraph) -> list[int]:
    """Offsets in ``paragraph.text`` where a new source line begins (the first at 0)."""
    starts = [offset for offset, _ in paragraph.line_map if 0 < offset < len(paragraph.text)]
    return [0, *starts]


def cut(paragraph: Paragraph, start: int, end: int) -> Paragraph:
    """The part of ``paragraph`` from ``start`` to ``end``, trimmed, with its own line map."""
    text = paragraph.text[start:end]
    lead = len(text) - len(text.lstrip())
    start += lead
    text = text.strip()
    end = start + len(text)
    line_map = [(0, paragraph.line_at(start))]
    line_map.extend((offset - start, line) for offset, line in paragraph.line_map if start < offset < end)
    return Paragraph(
        text=text,
        start_line=line_map[0][1],
        end_line=paragraph.line_at(max(end - 1, start)),
        line_map=tuple(line_map),
        heading=paragraph.heading,
        role_hint=paragraph.role_hint,
        lang_hint=paragraph.lang_hint,
    )


def split_where(paragraph: Paragraph, cuts_before: Callable[[str, str, str], bool]) -> list[Paragraph]:
    """``paragraph`` cut before every source line (but the first) where ``cuts_before(previous line, line, rest)``.

    ``rest`` is the text from the start of that line to the end of the paragraph.
    """
    starts = [*line_starts(paragraph), len(paragraph.text)]
    cuts = [
        start
        for previous, start, end in zip(starts, starts[1:-1], starts[2:], strict=False)
        if cuts_before(
            paragraph.text[previous:start].strip(), paragraph.text[start:end].strip(), paragraph.text[start:]
        )
    ]
    if not cuts:
        return [paragraph]
    bounds = [0, *cuts, len(paragraph.text)]
    parts = [cut(paragraph, start, end) for start, end in pairwise(bounds)]
    return [part for part in parts if part.text]


def split_all(paragraphs: Sequence[Paragraph], cuts_before: Callable[[str, str, str], bool]) -> list[Paragraph]:
    return [part for paragraph in paragraphs for part in split_where(paragraph, cuts_before)]
