"""Text that remembers, character by character, the source line it came from.

Cleaning a paragraph (joining hard-wrapped lines, stripping Markdown, removing footnote markers)
changes character offsets; doing every edit through :meth:`Traced.sub` keeps each surviving
character's source line, so :class:`align.model.Paragraph` can carry an exact ``line_map``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

# A replacement piece: literal text (attributed to the match's first line) or the number of a
# group of the match whose characters are kept with their own lines.
Piece = str | int
Replacement = Callable[[re.Match[str]], Sequence[Piece]]


@dataclass(frozen=True)
class Traced:
    text: str
    lines: tuple[int, ...]  # source line of each character of ``text``

    @classmethod
    def of(cls, text: str, line: int) -> Traced:
        return cls(text, (line,) * len(text))

    @classmethod
    def concat(cls, pieces: Iterable[Traced]) -> Traced:
        pieces = list(pieces)
        return cls("".join(p.text for p in pieces), tuple(chain.from_iterable(p.lines for p in pieces)))

    def __len__(self) -> int:
        return len(self.text)

    def slice(self, start: int, end: int | None = None) -> Traced:
        return Traced(self.text[start:end], self.lines[start:end])

    def line_at(self, offset: int, default: int) -> int:
        if not self.lines:
            return default
        return self.lines[min(max(offset, 0), len(self.lines) - 1)]

    def sub(self, pattern: re.Pattern[str], replacement: Replacement) -> Traced:
        """Like ``pattern.sub`` but keeps the source line of every character."""
        text_parts: list[str] = []
        line_parts: list[tuple[int, ...]] = []
        position = 0
        for match in pattern.finditer(self.text):
            text_parts.append(self.text[position : match.start()])
            line_parts.append(self.lines[position : match.start()])
            match_line = self.line_at(match.start(), 0)
            for piece in replacement(match):
                if isinstance(piece, int):
                    start, end = match.span(piece)
                    if start >= 0:
                        text_parts.append(self.text[start:end])
                        line_parts.append(self.lines[start:end])
                else:
                    text_parts.append(piece)
                    line_parts.append((match_line,) * len(piece))
            position = match.end()
        if position == 0:
            return self
        text_parts.append(self.text[position:])
        line_parts.append(self.lines[position:])
        return Traced("".join(text_parts), tuple(chain.from_iterable(line_parts)))

    def strip(self) -> Traced:
        start = len(self.text) - len(self.text.lstrip())
        end = len(self.text.rstrip())
        return self.slice(start, max(end, start))

    def line_map(self) -> tuple[tuple[int, int], ...]:
        """``(offset, line)`` at each change of source line."""
        pairs: list[tuple[int, int]] = []
        for offset, line in enumerate(self.lines):
            if not pairs or pairs[-1][1] != line:
                pairs.append((offset, line))
        return tuple(pairs)


def keep(*groups: int) -> Replacement:
    """Replacement that keeps the given groups of the match and drops the rest."""
    return lambda _match: groups


def literal(text: str) -> Replacement:
    return lambda _match: (text,)
