"""Traced text: every character keeps its source line through joins, slices and substitutions."""

from __future__ import annotations

import re

from align.ingest.traced import Traced, keep, literal


def lines_of(traced: Traced) -> list[int]:
    """The source line of each character, read through ``line_at``."""
    return [traced.line_at(offset, 0) for offset in range(len(traced))]


def test_concat_slice_and_sub_keep_each_characters_line() -> None:
    text = Traced.concat([Traced.of("ab", 1), Traced.of(" ", 1), Traced.of("cd", 2), Traced.of("ef", 2)])
    assert text.text == "ab cdef"
    assert text.runs == ((0, 1), (3, 2))  # neighbouring pieces of one line are one run
    assert lines_of(text.slice(1, 5)) == [1, 1, 2, 2]
    # "b c" (lines 1 and 2) becomes "X" on the match's first line; the group keeps its own lines.
    replaced = text.sub(re.compile(r"b (c)"), lambda _match: ("X", 1))
    assert replaced.text == "aXcdef"
    assert lines_of(replaced) == [1, 1, 2, 2, 2, 2]
    assert replaced.runs == ((0, 1), (2, 2))


def test_sub_without_a_match_and_empty_results() -> None:
    text = Traced.of("  word  ", 7)
    assert text.sub(re.compile("x"), literal("")) is text
    assert text.strip().text == "word" and text.strip().runs == ((0, 7),)
    emptied = text.sub(re.compile(r"\S+"), keep())
    assert emptied.strip().text == "" and emptied.strip().runs == ()
    assert emptied.strip().line_at(0, 99) == 99
