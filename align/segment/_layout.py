"""Where line breaks, which are otherwise read as spaces, start a sentence of their own.

Text reaches us with paragraphs, page breaks and PDF hard wraps already joined, so a line break
alone says nothing (``…сотрудничество между\\n\\nКазахстаном…`` is one sentence).  Two layouts do
mark a boundary:

* a blank line after terminal punctuation (even where the next paragraph starts in lower case or
  the dot follows an abbreviation);
* a heading line standing on its own: 1–8 words, starting with a capital or a digit, ending in a
  letter or digit (no punctuation at all) but not in a function word ("of", "the", "между", "мен"),
  preceded by the start of the text, a blank line or a line that ends in terminal punctuation, and
  followed by a line starting with a capital.  This keeps structured-abstract rubrics ("Methods")
  apart from the next sentence, while a short hard-wrapped line (``…the Republic of\\nKazakhstan``)
  is not taken for a heading: the line before it does not end a sentence, or it ends in a function
  word, as lines cut in mid-sentence often do.
"""

from __future__ import annotations

import re

LINE_BREAKS = "\n\r\f\v\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_BREAK = re.compile(f"\r\n|[{LINE_BREAKS}]")
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'»”“’)\]]*$")
_STARTS_CAPITAL = re.compile(r"^[\"'«“„‘(\[]?[^\W\d_]")
_MAX_HEADING_WORDS = 8
# Words a heading does not end with but a line cut in mid-sentence often does (EN, RU, KK).
_FUNCTION_WORDS_TEXT = """
    a an the and or nor but of to in on at for with by from between into onto as than that which who
    whose is are was were be been its their our this these those his her
    в во на по с со к ко о об обо от до за из у и а но или либо между для при под над без через что
    как который которые которых это этот эта эти его ее её их не же ли
    мен пен бен және немесе үшін туралы бойынша арқылы сияқты да де та те ал бірақ бұл осы сол
    бір оның олардың
"""
_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())


def _content_lines(text: str) -> list[tuple[int, str]]:
    """``(offset, stripped content)`` of each line, blank lines included as empty content."""
    raw_lines = []
    start = 0
    for match in _LINE_BREAK.finditer(text):
        raw_lines.append((start, text[start : match.start()]))
        start = match.end()
    raw_lines.append((start, text[start:]))
    lines = []
    for offset, content in raw_lines:
        stripped = content.lstrip()
        lines.append((offset + len(content) - len(stripped), stripped.rstrip()))
    return lines


def _is_heading(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= _MAX_HEADING_WORDS
        and (line[0].isupper() or line[0].isdigit())
        and line[-1].isalnum()
        and words[-1].lower() not in _FUNCTION_WORDS
    )


def _starts_with_capital(line: str) -> bool:
    match = _STARTS_CAPITAL.match(line)
    return bool(match) and match.group()[-1].isupper()


def forced_boundaries(text: str) -> list[int]:
    """Offsets in ``text`` where the layout says a new sentence starts."""
    boundaries = []
    lines = _content_lines(text)
    previous_ends_block = True  # the start of the text counts like a blank line before it
    for index, (_, line) in enumerate(lines):
        if not line:
            previous_ends_block = True
            continue
        following = next(((o, c) for o, c in lines[index + 1 :] if c), None)
        if following is not None:
            next_offset, next_line = following
            paragraph_end = not lines[index + 1][1] and _ENDS_SENTENCE.search(line)
            heading = previous_ends_block and _is_heading(line) and _starts_with_capital(next_line)
            if paragraph_end or heading:
                boundaries.append(next_offset)
        previous_ends_block = bool(_ENDS_SENTENCE.search(line))
    return boundaries
