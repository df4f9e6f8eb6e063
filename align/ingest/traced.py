"""Text that remembers, character by character, the source line it came from.

Cleaning a paragraph (joining hard-wrapped lines, stripping Markdown, removing footnote markers)
changes character offsets; doing every edit through :meth:`Traced.sub` keeps each surviving
character's source line, so :class:`align.model.Paragraph` can carry an exact ``line_map``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter

from align.model import line_at

# A replacement piece: literal text (attributed to the match's first line) or the number of a
# group of the match whose characters are kept with their own lines.
Piece = str | int
Replacement = Callable[[re.Match[str]], Sequence[Piece]]
# ``(offset, line)``: the characters from ``offset`` to the next run's offset come from ``line``.
Run = tuple[int, int]
_OFFSET = itemgetter(0)


@dataclass(frozen=True)
class Traced:
    """``text`` and the source line of each of its characters, kept as runs of one line.

    Runs, not a line per character: a paragraph has a few runs but thousands of characters, and
    a 5 MB file was slow to clean character by character. ``runs`` starts at offset 0 (unless
    ``text`` is empty), and two neighbouring runs never share a line.
    """

    text: str
    runs: tuple[Run, ...]

    @classmethod
    def of(cls, text: str, line: int) -> Traced:
        return cls(text, ((0, line),) if text else ())

    @classmethod
    def concat(cls, pieces: Iterable[Traced]) -> Traced:
        builder = _Builder()
        for piece in pieces:
            builder.add_slice(piece, 0, len(piece.text))
        return builder.build()

    def __len__(self) -> int:
        return len(self.text)

    def slice(self, start: int, end: int | None = None) -> Traced:
        start, end, _ = slice(start, end).indices(len(self.text))
        builder = _Builder()
        builder.add_slice(self, start, end)
        return builder.build()

    def line_at(self, offset: int, default: int) -> int:
        return line_at(self.runs, offset, default)

    def sub(self, pattern: re.Pattern[str], replacement: Replacement) -> Traced:
        """Like ``pattern.sub`` but keeps the source line of every character."""
        builder = _Builder()
        position = 0
        for match in pattern.finditer(self.text):
            builder.add_slice(self, position, match.start())
            match_line = self.line_at(match.start(), 0)
            for piece in replacement(match):
                if isinstance(piece, int):
                    start, end = match.span(piece)
                    if start >= 0:
                        builder.add_slice(self, start, end)
                else:
                    builder.add_text(piece, match_line)
            position = match.end()
        if position == 0:
            return self
        builder.add_slice(self, position, len(self.text))
        return builder.build()

    def strip(self) -> Traced:
        start = len(self.text) - len(self.text.lstrip())
        end = len(self.text.rstrip())
        return self.slice(start, max(end, start))


class _Builder:
    """Collects text and runs piece by piece, merging neighbouring runs of one line."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.runs: list[Run] = []
        self.length = 0

    def add_text(self, text: str, line: int) -> None:
        if not text:
            return
        if not self.runs or self.runs[-1][1] != line:
            self.runs.append((self.length, line))
        self.parts.append(text)
        self.length += len(text)

    def add_slice(self, traced: Traced, start: int, end: int) -> None:
        """``traced.text[start:end]`` with its lines (``0 <= start``, ``end <= len(traced)``)."""
        if end <= start:
            return
        runs = traced.runs
        index = bisect_right(runs, start, key=_OFFSET) - 1
        while index < len(runs) and runs[index][0] < end:
            offset, line = runs[index]
            if not self.runs or self.runs[-1][1] != line:
                self.runs.append((self.length + max(offset, start) - start, line))
            index += 1
        self.parts.append(traced.text[start:end])
        self.length += end - start

    def build(self) -> Traced:
        return Traced("".join(self.parts), tuple(self.runs))


def keep(*groups: int) -> Replacement:
    """Replacement that keeps the given groups of the match and drops the rest."""
    return lambda _match: groups


def literal(text: str) -> Replacement:
    return lambda _match: (text,)
