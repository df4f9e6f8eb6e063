"""Plain text, Markdown and PDF-extracted text → cleaned paragraphs.

The input is split into source lines; each line is classified (blank, page break, page furniture,
heading, list item, text) and consecutive text lines are grouped into paragraphs. Then:

* Paragraph breaks in hard-wrapped text without blank lines (PDF extraction, see seed 002) are
  found by layout: a break before a label line such as ``Keywords: …`` that follows a finished
  sentence, before and after a short heading-like line (no final punctuation, shorter than 60 %
  of the typical line — 80 % when it opens a blank-separated block), and after a short line that
  ends a sentence (shorter than 80 % of the typical line: the last line of a paragraph).
  "Typical" is the median length of lines in blocks of three or more lines. Markdown documents
  mark their structure explicitly, so these layout rules are not applied to them.
* A page break (``---``, ``***``, ``* * *``, form feed) or page furniture (``Page 10 of 23``,
  ``Стр. 5 из 20``, ``Бет 3``, a lone number, the same short line with a digit three times or
  more: a running journal header) never becomes a paragraph; the paragraphs on both sides are one
  paragraph when the first does not end a sentence or the second starts in lower case (seed 000:
  "…сотрудничество между / --- / Казахстаном и…"). The lone numbers of seed 002 (lines 661–826)
  are endnote numbers; they are dropped too, and as each note ends a sentence and the next starts
  with a capital, every note stays a paragraph of its own.
* Hard-wrapped lines are joined with a space; end-of-line hyphenation is undone unless the
  document suggests the hyphen is real (see :func:`_join_hyphenated`); a dash at the end of a
  line joins without a space.
* Inline clean-up: Markdown emphasis, links, escapes, ``#`` marks and list bullets; a small
  allow-list of HTML formatting tags (anything else in angle brackets, e.g. ``<script>``, stays
  visible text); footnote markers glued to words (``bloc.1 Furthermore``).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from align.ingest.traced import Traced, keep, literal
from align.model import Paragraph

# --- line classification -------------------------------------------------------------------

_BREAK_LINE = re.compile(r"^\s{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")  # ---  ***  * * *  ___
_SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_ATX_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
_HTML_HEADING = re.compile(r"^\s*<h[1-6]\b[^<>]*>.*</h[1-6]\s*>\s*$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[-*+•▪◦‣]\s+(?=\S)")
_ORDERED_ITEM = re.compile(r"^\s*\d{1,3}[.)]\s+(?=\S)")
_BLOCKQUOTE = re.compile(r"^\s{0,3}>[ \t]?")
_PAGE_FURNITURE = (
    re.compile(r"^(?:page|p\.|pg\.?)\s*\d+(?:\s*(?:of|/)\s*\d+)?$", re.IGNORECASE),
    re.compile(r"^(?:стр\.?|страница|с\.)\s*\d+(?:\s*(?:из|/)\s*\d+)?$", re.IGNORECASE),
    re.compile(r"^(?:бет|парақ)\s*\d+(?:\s*/\s*\d+)?$", re.IGNORECASE),
    re.compile(r"^\d+\s*-?\s*(?:бет|стр\.?)$", re.IGNORECASE),
    re.compile(r"^[-–—]?\s*\d{1,4}\s*[-–—]?$"),  # a lone page number, also "- 12 -"
)
_HEADER_MIN_REPEATS = 3
_HEADER_MAX_LENGTH = 120

# --- paragraph-break heuristics for hard-wrapped text -----------------------------------------

_TERMINAL_END = re.compile(r"[.!?…:][\"'”’»)\]]*$")
_LABEL_START = re.compile(r"^[^\W\d_][^\W\d_-]*(?:[ \t]+[^\W\d_][^\W\d_-]*){0,2}[ \t]*:")
_HEADING_MAX_RATIO_INSIDE = 0.6
_HEADING_MAX_RATIO_FIRST = 0.8
_HEADING_MAX_WORDS = 12
_LAST_LINE_MAX_RATIO = 0.8
_MIN_LINES_FOR_TYPICAL = 5
_NON_HEADING_END = re.compile(r"[,;:\-–—(/&]$")

# --- inline clean-up ---------------------------------------------------------------------------

_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^\s<>]+|mailto:[^\s<>]+|[^\s<>@]+@[^\s<>@]+\.[A-Za-z]{2,})>")
_INLINE_TAGS = "b|i|em|strong|u|sup|sub|span|small|mark|s|strike"
_BLOCK_TAGS = "p|br|div|h[1-6]"
_INLINE_TAG = re.compile(rf"</?(?:{_INLINE_TAGS})(?:\s[^<>]*)?/?>", re.IGNORECASE)
_BLOCK_TAG = re.compile(rf"</?(?:{_BLOCK_TAGS})(?:\s[^<>]*)?/?>", re.IGNORECASE)
_IMAGE = re.compile(r"!\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_REFERENCE_LINK = re.compile(r"\[([^\]^]+)\]\[[^\]]*\]")
_MARKDOWN_FOOTNOTE = re.compile(r"\[\^[^\]]+\]")
_INLINE_CODE = re.compile(r"`([^`]+)`")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS_STAR = re.compile(r"(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![\w*])")
_EMPHASIS_UNDERSCORE = re.compile(r"(?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s_\\])_(?!\w)")
_STRIKETHROUGH = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~\"'])")
_ENTITY = re.compile(r"&(amp|lt|gt|quot|apos|nbsp|#\d{1,7}|#x[0-9A-Fa-f]{1,6});")
_ENTITY_CHARS = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'", "nbsp": " "}
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"\s{2,}|[^\S ]")  # runs of white space, or one that is not a plain space
_URL = re.compile(r"(?:https?://|ftp://|www\.)\S+", re.IGNORECASE)

# A footnote number glued to the end of a word or sentence: "bloc.1 Furthermore", "p. 9),3 the",
# "nation-branding10 and". Not "p.12", "No.5", "3.30", "1994," (a digit or abbreviation before).
_GLUED_FOOTNOTE = re.compile(
    r"(?P<word>[^\W\d_]+|[)\]”’»]|(?<=\S)\")(?P<punct>[.,;:!?]?)(?P<number>\d{1,2})(?=[\s,;:)]|$)"
)
_ABBREVIATIONS_BEFORE_NUMBER = frozenset(
    {"p", "pp", "no", "nos", "nr", "vol", "vols", "fig", "figs", "ch", "art", "sec", "para", "par"}
    | {"tab", "eq", "ed", "s", "c", "n", "v", "с", "стр", "рис", "табл", "гл", "ст", "п", "ч", "т"}
)

# ATX headings, **strong** or [links](url); a "---" line alone is also a PDF page-break mark.
_MARKDOWN_HINT = re.compile(r"^\s{0,3}#{1,6}\s+\S|\*\*\S.*?\S\*\*|\[[^\]]+\]\([^)\s]+\)", re.MULTILINE)
_WORD_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass
class _Line:
    number: int
    text: str


@dataclass
class _Group:
    """Source lines that form one paragraph, before cleaning."""

    lines: list[_Line] = field(default_factory=list)
    heading: bool = False
    item: bool = False
    after_break: bool = False  # a page break (not only blank lines) separates it from the previous


def is_markdown(text: str) -> bool:
    return _MARKDOWN_HINT.search(text) is not None


def parse_text(text: str, *, markdown: bool) -> list[Paragraph]:
    """Split decoded text into cleaned paragraphs (see the module docstring for the rules)."""
    source = list(_source_lines(text))
    groups = _group_lines(source, markdown=markdown)
    if not markdown:
        typical = _typical_line_length(groups)
        if typical:
            groups = [part for group in groups for part in _split_hard_wrapped(group, typical)]
    vocabulary = Counter(token.lower() for token in _WORD_TOKEN.findall(text))
    cleaned = [(group, _clean(_join_lines(group.lines, vocabulary), markdown=markdown)) for group in groups]
    cleaned = [(group, traced) for group, traced in cleaned if traced.text]
    return _merge_across_breaks(cleaned, vocabulary)


# --- lines and groups ----------------------------------------------------------------------

_FORM_FEED_BREAK = "\f"


def _source_lines(text: str) -> Iterator[_Line]:
    """Physical lines numbered from 1; a form feed becomes a break pseudo-line on the same line."""
    for number, raw in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        parts = raw.split("\f")
        for index, part in enumerate(parts):
            if index:
                yield _Line(number, _FORM_FEED_BREAK)
            if part or len(parts) == 1:
                yield _Line(number, part)


def _group_lines(source: list[_Line], *, markdown: bool) -> list[_Group]:
    furniture = _repeated_headers(source)
    groups: list[_Group] = []
    current: _Group | None = None
    pending_break = False

    def close() -> None:
        nonlocal current
        if current is not None and current.lines:
            groups.append(current)
        current = None

    def start(line: _Line, **flags: bool) -> _Group:
        nonlocal pending_break
        close()
        group = _Group([line], after_break=pending_break, **flags)
        pending_break = False
        return group

    for line in source:
        raw = line.text
        stripped = raw.strip()
        if not stripped:
            close()
            continue
        if (
            _SETEXT_UNDERLINE.match(raw)
            and current is not None
            and len(current.lines) == 1
            and not current.item
            and not current.heading
        ):
            current.heading = True  # "Title\n=====" / "Title\n-----"
            close()
            continue
        if raw == _FORM_FEED_BREAK or _BREAK_LINE.match(raw) or _SETEXT_UNDERLINE.match(raw):
            close()
            pending_break = True
            continue
        if _is_page_furniture(stripped) or stripped in furniture:
            close()
            pending_break = True
            continue
        atx = _ATX_HEADING.match(raw)
        if atx and markdown:
            group = start(_Line(line.number, atx.group("text") or ""), heading=True)
            groups.append(group)
            current = None
            continue
        if _HTML_HEADING.match(raw):
            groups.append(start(line, heading=True))
            current = None
            continue
        content = _BLOCKQUOTE.sub("", raw, count=1) if markdown else raw
        bullet = _BULLET.match(content)
        if bullet:
            current = start(_Line(line.number, content[bullet.end() :]), item=True)
            continue
        if _ORDERED_ITEM.match(content) and (current is None or markdown or _ends_sentence(current)):
            current = start(_Line(line.number, content), item=True)
            continue
        if current is None:
            current = start(_Line(line.number, content))
        else:
            current.lines.append(_Line(line.number, content))
    close()
    return groups


def _ends_sentence(group: _Group) -> bool:
    return _TERMINAL_END.search(_visible(group.lines[-1].text)) is not None


def _is_page_furniture(stripped: str) -> bool:
    return any(pattern.match(stripped) for pattern in _PAGE_FURNITURE)


def _repeated_headers(source: list[_Line]) -> frozenset[str]:
    """Running headers: the same short line with a digit (year, volume, page) three times or more."""
    counts = Counter(line.text.strip() for line in source)
    return frozenset(
        text
        for text, count in counts.items()
        if count >= _HEADER_MIN_REPEATS
        and 3 <= len(text) <= _HEADER_MAX_LENGTH
        and any(ch.isdigit() for ch in text)
        and any(ch.isalpha() for ch in text)
        and not _BREAK_LINE.match(text)
    )


def _visible(text: str) -> str:
    """A line without surrounding whitespace and Markdown emphasis marks, for layout decisions."""
    return text.strip().strip("*_").strip()


# --- hard-wrapped text -----------------------------------------------------------------------


def _typical_line_length(groups: list[_Group]) -> float | None:
    lengths = [len(_visible(line.text)) for group in groups if len(group.lines) >= 3 for line in group.lines]
    if len(lengths) < _MIN_LINES_FOR_TYPICAL:
        return None
    return statistics.median(lengths)


def _split_hard_wrapped(group: _Group, typical: float) -> list[_Group]:
    if group.heading or group.item:
        return [group]
    if len(group.lines) == 1:
        heading = _looks_like_heading(group.lines, 0, typical)
        return [replace(group, heading=heading)]
    parts: list[_Group] = []
    current: list[_Line] = []

    def flush() -> None:
        if current:
            parts.append(_Group(list(current), after_break=group.after_break and not parts))
            current.clear()

    for index, line in enumerate(group.lines):
        visible = _visible(line.text)
        if _looks_like_heading(group.lines, index, typical):
            flush()
            parts.append(_Group([line], heading=True, after_break=group.after_break and not parts))
            continue
        if current:
            previous = _visible(current[-1].text)
            previous_ends_sentence = _TERMINAL_END.search(previous) is not None
            if previous_ends_sentence and (
                _LABEL_START.match(visible)
                or len(previous) < _LAST_LINE_MAX_RATIO * typical
                or _ORDERED_ITEM.match(visible)
            ):
                flush()
        current.append(line)
    flush()
    return parts


def _looks_like_heading(lines: list[_Line], index: int, typical: float) -> bool:
    """A short line that does not end a sentence, after a finished sentence, before a capital."""
    visible = _visible(lines[index].text)
    first = index == 0
    ratio = _HEADING_MAX_RATIO_FIRST if first else _HEADING_MAX_RATIO_INSIDE
    if not visible or len(visible) >= ratio * typical or len(visible.split()) > _HEADING_MAX_WORDS:
        return False
    first_letter = next((ch for ch in visible if ch.isalpha()), "")
    if not first_letter.isupper() or not visible[0].isalnum():
        return False
    if _TERMINAL_END.search(visible) or _NON_HEADING_END.search(visible):
        return False
    label = _LABEL_START.match(visible)
    if label and visible[label.end() :].strip():
        return False  # "Keywords: Russia" is a labelled paragraph, not a heading
    if not first and _TERMINAL_END.search(_visible(lines[index - 1].text)) is None:
        return False
    if index + 1 >= len(lines):
        return len(lines) == 1  # the last line of a block is a paragraph's end, unless alone
    following = _visible(lines[index + 1].text)
    return bool(following) and (following[0].isupper() or following[0].isdigit() or following[0] in "«“\"'([")


# --- joining and cleaning --------------------------------------------------------------------

_HYPHENATED_END = re.compile(r"([^\W\d_]+)-$")
_LEADING_WORD = re.compile(r"^[^\W\d_]+")


def _join_lines(lines: list[_Line], vocabulary: Counter[str]) -> Traced:
    pieces: list[Traced] = []
    for line in lines:
        piece = Traced.of(line.text, line.number).strip()
        if not piece.text:
            continue
        if pieces:
            previous, separator = _joint(pieces[-1], piece, vocabulary)
            pieces[-1] = previous
            if separator:
                pieces.append(Traced.of(separator, previous.line_at(len(previous) - 1, line.number)))
        pieces.append(piece)
    return Traced.concat(pieces)


def _join(left: Traced, right: Traced, vocabulary: Counter[str]) -> Traced:
    left, right = left.strip(), right.strip()
    left, separator = _joint(left, right, vocabulary)
    return Traced.concat([left, Traced.of(separator, left.line_at(len(left) - 1, 0)), right])


def _joint(left: Traced, right: Traced, vocabulary: Counter[str]) -> tuple[Traced, str]:
    """How two lines of one paragraph meet: undo hyphenation, keep dashes tight, else one space.

    Returns the left side (without its hyphen if that was hyphenation) and the separator.
    """
    tail = left.text[-64:]  # only the end matters; searching the whole paragraph is quadratic
    hyphenated = _HYPHENATED_END.search(tail)
    second = _LEADING_WORD.match(right.text)
    if hyphenated and second:
        if _keeps_hyphen(hyphenated.group(1), second.group(), vocabulary):
            return left, ""
        return left.slice(0, len(left) - 1), ""
    if tail.endswith(("—", "–")) and len(tail) > 1 and not tail[-2].isspace():
        return left, ""  # "foreign policy—\nas", "pp. 186–\n187"
    return left, " "


def _keeps_hyphen(first: str, second: str, vocabulary: Counter[str]) -> bool:
    """Is ``first-`` at a line end a real hyphen (``Astana-/Brussels``) or hyphenation (``inter-/national``)?

    The joined word seen elsewhere in the document → hyphenation; the hyphenated form seen, or
    a capital after the hyphen → real hyphen; otherwise two lower-case parts are one word.
    """
    joined = (first + second).lower()
    if vocabulary[joined]:
        return False
    if vocabulary[f"{first}-{second}".lower()] or second[0].isupper():
        return True
    return not (first.islower() and second.islower())


def _clean(traced: Traced, *, markdown: bool) -> Traced:
    traced = traced.sub(_HTML_COMMENT, literal(""))
    traced = traced.sub(_AUTOLINK, keep(1))
    traced = traced.sub(_INLINE_TAG, literal(""))
    traced = traced.sub(_BLOCK_TAG, literal(" "))
    if markdown:
        traced = _clean_markdown(traced)
    traced = traced.sub(_ENTITY, lambda match: (_entity_char(match.group(1)),))
    traced = _remove_glued_footnotes(traced)
    traced = traced.sub(_INVISIBLE, literal(""))
    traced = traced.sub(_SPACES, literal(" "))
    return traced.strip()


def _clean_markdown(traced: Traced) -> Traced:
    traced = traced.sub(_IMAGE, keep(1))
    traced = traced.sub(_LINK, keep(1))
    traced = traced.sub(_REFERENCE_LINK, keep(1))
    traced = traced.sub(_MARKDOWN_FOOTNOTE, literal(""))
    traced = traced.sub(_INLINE_CODE, keep(1))
    for _ in range(3):  # nested: ***a*** → *a* → a
        before = traced.text
        traced = traced.sub(_STRONG, keep(2))
        traced = traced.sub(_EMPHASIS_STAR, keep(1))
        traced = traced.sub(_EMPHASIS_UNDERSCORE, keep(1))
        traced = traced.sub(_STRIKETHROUGH, keep(1))
        if traced.text == before:
            break
    return traced.sub(_ESCAPE, keep(1))


def _entity_char(name: str) -> str:
    if not name.startswith("#"):
        return _ENTITY_CHARS[name]
    code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
    return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"


def _remove_glued_footnotes(traced: Traced) -> Traced:
    urls = [match.span() for match in _URL.finditer(traced.text)]
    word_group, punct_group = _GLUED_FOOTNOTE.groupindex["word"], _GLUED_FOOTNOTE.groupindex["punct"]

    def replacement(match: re.Match[str]) -> tuple[int, ...]:
        inside_url = any(start <= match.start() < end for start, end in urls)
        if inside_url or not _is_footnote_marker(match.group("word"), match.group("punct")):
            return (0,)
        return (word_group, punct_group)

    return traced.sub(_GLUED_FOOTNOTE, replacement)


def _is_footnote_marker(word: str, punct: str) -> bool:
    if not word[0].isalpha():
        return True  # after a closing bracket or quote: "p. 9),3", "resources”.6"
    if punct:
        return len(word) > 1 and word.lower() not in _ABBREVIATIONS_BEFORE_NUMBER
    # glued straight to a word: only a lower-case word of 3+ letters ("policy20", not "G20")
    return len(word) >= 3 and word.islower()


# --- page breaks -----------------------------------------------------------------------------


def _merge_across_breaks(cleaned: list[tuple[_Group, Traced]], vocabulary: Counter[str]) -> list[Paragraph]:
    """Build paragraphs, joining the two sides of a page break that splits a sentence."""
    merged: list[tuple[_Group, Traced, int, int]] = []
    for group, traced in cleaned:
        first_line, last_line = group.lines[0].number, group.lines[-1].number
        if merged and group.after_break and _continues(merged[-1][0], merged[-1][1], group, traced):
            previous_group, previous_text, start, _ = merged[-1]
            merged[-1] = (previous_group, _join(previous_text, traced, vocabulary), start, last_line)
            continue
        merged.append((group, traced, first_line, last_line))
    return [
        Paragraph(
            text=traced.text,
            start_line=start,
            end_line=end,
            line_map=traced.line_map(),
            heading=group.heading,
        )
        for group, traced, start, end in merged
    ]


def _continues(previous: _Group, previous_text: Traced, group: _Group, traced: Traced) -> bool:
    if previous.heading or group.heading or group.item:
        return False
    ends_sentence = _TERMINAL_END.search(previous_text.text) is not None
    starts_lower = traced.text[:1].islower()
    return starts_lower or not ends_sentence
