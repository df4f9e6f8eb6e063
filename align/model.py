"""The data model passed through the pipeline: Document → Block → Sentence.

Every stage takes and returns these plain dataclasses; nothing downstream reaches back upstream.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter

LANGS: tuple[str, ...] = ("en", "kk", "ru")
ROLES: tuple[str, ...] = ("title", "abstract", "keywords")
_OFFSET = itemgetter(0)


def line_at(line_map: Sequence[tuple[int, int]], offset: int, default: int) -> int:
    """The source line of the character at ``offset``, from ``(offset, line)`` pairs at each change of line.

    An offset before the first pair is on the first pair's line; ``default`` when there are none.
    """
    if not line_map:
        return default
    return line_map[max(bisect_right(line_map, offset, key=_OFFSET) - 1, 0)][1]


@dataclass(frozen=True)
class Paragraph:
    """A run of text the reader found, already cleaned of layout noise.

    ``line_map`` holds ``(char_offset, source_line)`` pairs in increasing order so that any
    character of ``text`` can be traced back to the 1-based line of the input it came from.
    ``heading`` marks Markdown/HTML/DOCX headings; ``role_hint`` and ``lang_hint`` carry what a
    structured format (JATS) states explicitly.
    """

    text: str
    start_line: int
    end_line: int
    line_map: tuple[tuple[int, int], ...] = ()
    heading: bool = False
    role_hint: str | None = None
    lang_hint: str | None = None

    def line_at(self, offset: int) -> int:
        """Source line of the character at ``offset``."""
        return line_at(self.line_map, offset, self.start_line)


@dataclass(frozen=True)
class Document:
    """A manuscript as read from disk: its paragraphs in reading order."""

    path: str
    encoding: str
    paragraphs: tuple[Paragraph, ...]
    format: str = "text"
    article: int | None = None  # which article of a multi-article file (``path`` then ends ``#article``)

    @property
    def file(self) -> str:
        """The file on disk: ``path`` without the ``#n`` of an article of a multi-article file."""
        return self.path.removesuffix(f"#{self.article}") if self.article is not None else self.path


@dataclass(frozen=True)
class Sentence:
    """A sentence of a block; ``start``/``end`` are character offsets into ``Block.text``."""

    text: str
    start: int
    end: int
    start_line: int


@dataclass(frozen=True)
class Block:
    """One piece of front matter: the title, abstract or keywords in one language.

    ``lang`` comes from the text itself; ``label`` and ``label_lang`` from the label that
    introduced it (if any), so a Russian abstract under an English label is visible as such.
    """

    lang: str
    script: str
    role: str
    text: str
    start_line: int
    end_line: int
    label: str | None = None
    label_lang: str | None = None
    sentences: tuple[Sentence, ...] = ()
    keywords: tuple[str, ...] = ()
    lang_confidence: float = 1.0


@dataclass(frozen=True)
class Missing:
    lang: str
    role: str


@dataclass(frozen=True)
class Detection:
    """What ``detect`` found in one document."""

    document: Document
    blocks: tuple[Block, ...]
    missing: tuple[Missing, ...] = field(default_factory=tuple)

    def block(self, lang: str, role: str) -> Block | None:
        return next((b for b in self.blocks if b.lang == lang and b.role == role), None)

    def segments(self, lang: str, role: str) -> tuple[str, ...]:
        """What is aligned of a block: its keywords, or its sentences' texts; () when there is no such block."""
        block = self.block(lang, role)
        if block is None:
            return ()
        return block.keywords if role == "keywords" else tuple(s.text for s in block.sentences)
