"""Plain text, Markdown and PDF-extracted text → cleaned paragraphs.

The input is split into source lines; each line is classified (blank, page break, page furniture,
heading, list item, text) and consecutive text lines are grouped into paragraphs. Then:

* Paragraph breaks in hard-wrapped text without blank lines (PDF extraction, see seed 002) are
  found by layout: a break before a label line such as ``Keywords: …`` that follows a finished
  sentence, before and after a short heading-like line (no final punctuation, shorter than 60 %
  of the typical line — 80 % when it opens a blank-separated block), and after a short line that
  ends a sentence (shorter than 80 % of the typical line: the last line of a paragraph).
  "Typical" is the median length of lines in blocks of three or more lines. Two more for the title
  pages of Kazakhstani journal PDFs: a title in capitals inside running lines is a heading of its
  own (after a keywords line, before a bare label line ``Abstract``), and a labelled list
  (``Keywords: a, b, c``) ends at its first short line or where a title-like line follows it.
  Markdown documents mark their structure explicitly, so these layout rules are not applied to them.
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
from functools import cached_property

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
_LAST_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]++(?=-?$)")  # from a word's first letter: no backtracking
# A title in capitals: a line of this many letters or more, none in lower case.
_CAPITALS_MIN_LETTERS = 8
_LIST_SEPARATOR = re.compile(r"[,;]")
_LIST_ITEM_MAX_WORDS = 6  # "модернизация системы высшего образования Казахстана"
_SHORT_ITEM_WORDS = 4
# A line that ends a sentence or clause; a title may end in "?" or "!".
_CLAUSE_END = re.compile(r"[.…,;:][\"'”’»)\]]*$")

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
# A word is tried from its first letter only, and never given back: backtracking into every word
# made this the slowest pattern of the clean-up (the same matches, 3x faster).
# A quote is a closing one only after a letter, digit or closing punctuation (``«…»12``,
# ``resources”.6``): Kazakh and Russian texts open quotations with ” and “ as well, and a number
# after an opening quote is text (``”60 минут” бағдарламасы``).
_GLUED_FOOTNOTE = re.compile(
    r"(?P<word>(?<![^\W\d_])[^\W\d_]++|[)\]]|(?<=[\w.,;!?…)\]»”’\"'])[”’»\"])"
    r"(?P<punct>[.,;:!?]?)(?P<number>\d{1,2})(?=[\s,;:)]|$)"
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


class _Vocabulary:
    """How often each word (lower-cased) occurs in the document; counted when first asked, since
    only a hyphen at the end of a line needs it."""

    def __init__(self, text: str) -> None:
        self._text = text

    @cached_property
    def _counts(self) -> Counter[str]:
        return Counter(map(str.lower, _WORD_TOKEN.findall(self._text)))

    def __getitem__(self, word: str) -> int:
        return self._counts[word]


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
    vocabulary = _Vocabulary(text)
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
        if raw == _FORM_FEED_BREAK:  # before the blank-line test: a form feed is white space to strip()
            close()
            pending_break = True
            continue
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
        if _BREAK_LINE.match(raw) or _SETEXT_UNDERLINE.match(raw):
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

    visible_lines = [_visible(line.text) for line in group.lines]
    for index, line in enumerate(group.lines):
        visible = visible_lines[index]
        items = _labelled_list(current) if current else []
        if items and not _continues_list(items, visible_lines[index - 1], visible, typical):
            flush()
        if index and (current or parts[-1].heading) and _continues_capitals(visible_lines[index - 1], visible):
            (current or parts[-1].lines).append(line)  # a title in capitals wrapped over lines stays whole
            continue
        after_end = not current or _TERMINAL_END.search(visible_lines[index - 1]) is not None
        if _looks_like_heading(group.lines, index, typical) or _opens_capitals_title(visible_lines, index, after_end):
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


def _is_capitals(visible: str) -> bool:
    letters = [ch for ch in visible if ch.isalpha()]
    return len(letters) >= _CAPITALS_MIN_LETTERS and all(map(str.isupper, letters))


def _opens_capitals_title(visible_lines: list[str], index: int, after_end: bool) -> bool:
    """The first line of a title in capitals inside running lines (PDF text without blank lines).

    After a keywords line or an abstract's last line, before a label or the abstract: ``RONALDO
    DISMISSES …`` / ``Abstract``. Not a whole block in capitals; a line in capitals that ends a
    sentence or clause only after a paragraph's end (``after_end``), not inside running text
    (``…membership in the`` / ``EURASIAN ECONOMIC UNION.``).
    """
    visible = visible_lines[index]
    if not _is_capitals(visible) or (_CLAUSE_END.search(visible) and not after_end):
        return False
    if index and (_is_capitals(visible_lines[index - 1]) or visible_lines[index - 1].endswith("-")):
        return False
    end = index + 1
    while end < len(visible_lines) and (
        _is_capitals(visible_lines[end]) or _continues_capitals(visible_lines[end - 1], visible_lines[end])
    ):
        end += 1
    if index == 0 and end == len(visible_lines):
        return False  # a block of its own: nothing to cut
    following = visible_lines[end] if end < len(visible_lines) else ""
    return not following or _opens_sentence(following)


def _labelled_list(lines: list[_Line]) -> list[str]:
    """The items on the first line of ``Keywords: a, b, c``: a label, then two or more short items.

    No items for a sentence after a heading (``Бернард Ванн: церковнослужитель, награжденный крестом …``).
    """
    first = _visible(lines[0].text)
    label = _LABEL_START.match(first)
    if label is None:
        return []
    items = _LIST_SEPARATOR.split(first[label.end() :])
    return items if len(items) > 1 and all(len(item.split()) <= _LIST_ITEM_MAX_WORDS for item in items) else []


def _continues_list(items: list[str], previous: str, visible: str, typical: float) -> bool:
    """Does ``visible`` continue the labelled list of ``items`` whose last line is ``previous``?

    A line in capitals is the next title. A short last line ended the list unless it ends in a
    separator (a wrapped line is long). After a long one, a wrapped continuation carries on the list
    (a separator, a lower-case start, a last word or two: ``…, Central`` / ``Asia``); a line like a
    title (``Сырдария бассейніндегі … дипломатиясы``) ends a list that is clearly one: three items
    or more, none longer than a few words.
    """
    if _is_capitals(visible) and not _is_capitals(previous):
        return False
    if _NON_HEADING_END.search(previous):
        return True
    if len(previous) < _LAST_LINE_MAX_RATIO * typical:
        return False
    if not visible[:1].isupper() or _LIST_SEPARATOR.search(visible) or len(visible.split()) <= 2:
        return True
    return len(items) < 3 or any(len(item.split()) > _SHORT_ITEM_WORDS for item in items)


def _continues_capitals(previous: str, visible: str) -> bool:
    """A line in capitals after a line that ends in a word in capitals (``…EUROPEAN`` / ``INTEGRATION: …``)."""
    last_word = _LAST_WORD.search(previous)
    return (
        last_word is not None
        and len(last_word.group()) >= 2
        and last_word.group().isupper()
        and any(ch.isalpha() for ch in visible)
        and visible.upper() == visible
    )


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
    return _opens_sentence(_visible(lines[index + 1].text))


def _opens_sentence(line: str) -> bool:
    """Does ``line`` start as a sentence or heading does: a capital, a digit, an opening quote or bracket?"""
    return bool(line) and (line[0].isupper() or line[0].isdigit() or line[0] in "«“\"'([")


# --- joining and cleaning --------------------------------------------------------------------

_HYPHENATED_END = re.compile(r"(?<![^\W\d_])([^\W\d_]++)-$")  # from a word's first letter: no backtracking
_LEADING_WORD = re.compile(r"^[^\W\d_]+")


def _join_lines(lines: list[_Line], vocabulary: _Vocabulary) -> Traced:
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


def _join(left: Traced, right: Traced, vocabulary: _Vocabulary) -> Traced:
    left, right = left.strip(), right.strip()
    left, separator = _joint(left, right, vocabulary)
    return Traced.concat([left, Traced.of(separator, left.line_at(len(left) - 1, 0)), right])


def _joint(left: Traced, right: Traced, vocabulary: _Vocabulary) -> tuple[Traced, str]:
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


def _keeps_hyphen(first: str, second: str, vocabulary: _Vocabulary) -> bool:
    """Is ``first-`` at a line end a real hyphen (``Astana-/Brussels``) or hyphenation (``inter-/national``)?

    The joined word seen elsewhere in the document → hyphenation; the hyphenated form seen → real
    hyphen. Otherwise the case decides: a capital after the hyphen is a real hyphen (``Astana-/
    Brussels``) unless both parts are in capitals (a title: ``ЕВРО-/ПЕЙСКАЯ``); after a part in
    capitals or in another script it is a suffix (``БҰҰ-/дағы``, ``Brexit-/тен``); else one word,
    whatever the case of its first letter (``Кеңі-/рек``: on NTREX, words like ``Jong-un`` or
    ``Премьер-министр`` are 1–2 % of the capitalised words a line end could split).
    """
    joined = (first + second).lower()
    if vocabulary[joined]:
        return False
    if vocabulary[f"{first}-{second}".lower()]:
        return True
    if second[0].isupper():
        return not (first.isupper() and second.isupper())
    return first.isupper() or _is_latin(first[-1]) != _is_latin(second[0])


def _is_latin(letter: str) -> bool:
    return "a" <= letter.lower() <= "z"


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


def _merge_across_breaks(cleaned: list[tuple[_Group, Traced]], vocabulary: _Vocabulary) -> list[Paragraph]:
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
            line_map=traced.runs,
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
