"""Find the title, abstract and keywords blocks of each language in a document.

``Document → Detection``. Labelled blocks are found by their labels; an abstract runs on over the
paragraphs that follow in its language (structured abstracts with rubrics included) until a label,
a heading of the main text, another language or the length of an abstract stops it. Unlabelled
abstracts are the paragraphs of one language just before that language's keywords. A title is the
heading or short line before an abstract (each language its own, as on a title page listing all
three), or a labelled one ("Тема: …"). The language of every block comes from its text; the
label's language is kept beside it.

Text without blank lines (PDF extraction, HTML with a ``<p>`` a line) is first cut where a source
line opens with a label or is one ("Abstract" under the title and author lines), and the topic,
author and supervisor lines that open a thesis abstract ("Тақырыбы: …", "Автор: …", "Научный
руководитель: …") are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from align.blocks.assemble import build_block
from align.blocks.labels import LabelMatch, is_body_heading, is_rubric, match_label
from align.blocks.lines import cut, split_all
from align.blocks.title import find_titles
from align.langid import identify
from align.model import LANGS, ROLES, Block, Detection, Document, Missing, Paragraph

# An abstract is seldom longer; past this, unlabelled paragraphs are taken for the main text.
_ABSTRACT_MAX_WORDS = 600
# Below this an abstract may run on into a further plain paragraph (a one-sentence first paragraph).
_ABSTRACT_OPEN_WORDS = 120
# Labels that open no block: titles are found afterwards, thesis fields ("Автор: …") are skipped.
_NOT_BLOCK_ROLES = ("title", "field")
# A paragraph this short without a final stop is a title, not a paragraph of an unlabelled abstract.
_TITLE_MAX_WORDS = 40
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'»”’)\]]*$")
_QUOTES = {"«": "»", "“": "”", "„": "“", '"': '"'}
# The topic named in a thesis annotation's heading: "… на тему «…»", "«…» тақырыбындағы …".
_QUOTED = re.compile(r"«[^«»]{10,}»|“[^“”]{10,}”|„[^„“]{10,}“|\"[^\"]{10,}\"")


def find_blocks(document: Document, expected_langs: Sequence[str] = LANGS) -> Detection:
    paragraphs = document.paragraphs
    structured = any(p.role_hint for p in paragraphs)
    if structured:
        blocks = _blocks_from_hints(paragraphs)
    else:
        blocks = _blocks_from_labels(split_all(paragraphs, _label_line_boundary))
    blocks.sort(key=lambda b: b.start_line)
    missing = tuple(
        Missing(lang, role)
        for lang in expected_langs
        for role in ROLES
        if not any(b.lang == lang and b.role == role for b in blocks)
    )
    return Detection(document=document, blocks=tuple(blocks), missing=missing)


def _blocks_from_hints(paragraphs: Sequence[Paragraph]) -> list[Block]:
    """Structured input (JATS): the format says what each paragraph is; merge runs of one block."""
    blocks: list[Block] = []
    run: list[Paragraph] = []
    for paragraph in [*paragraphs, None]:
        if run and (
            paragraph is None
            or (paragraph.role_hint, paragraph.lang_hint) != (run[0].role_hint, run[0].lang_hint)
        ):
            blocks.append(build_block(run, run[0].role_hint or "abstract", label_lang=run[0].lang_hint))
            run = []
        if paragraph is not None and paragraph.role_hint:
            run.append(paragraph)
    return blocks


def _blocks_from_labels(paragraphs: Sequence[Paragraph]) -> list[Block]:
    blocks: list[Block] = []
    abstract_starts: list[tuple[int, str]] = []  # (paragraph index, language) of each abstract
    headers: list[int] = []  # "диссертационной работы … на тему «…»" under a label
    occupied: set[int] = set()
    index = 0
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        label = match_label(paragraph.text, standalone=_stands_alone(paragraph))
        if label is None or label.role in _NOT_BLOCK_ROLES:
            index += 1
            continue
        first, label_offset = index, label.end
        if not paragraph.text[label.end :].strip() and index + 1 < len(paragraphs):
            # "Abstract" on a line of its own: the content is the next paragraph after the topic,
            # author and supervisor lines that open a thesis abstract.
            first, label_offset = _after_fields(paragraphs, index + 1), 0
            headers.extend(i for i in range(index + 1, first) if _continues_label(paragraphs[i]))
        if label.role == "keywords":
            blocks.append(build_block([paragraphs[first]], "keywords", label=label, label_offset=label_offset))
            occupied.update(range(index, first + 1))
            index = first + 1
            continue
        end = _abstract_end(paragraphs, first)
        blocks.append(
            build_block(paragraphs[first:end], "abstract", label=label, label_offset=label_offset)
        )
        abstract_starts.append((index, blocks[-1].lang))
        occupied.update(range(index, end))
        index = end
    blocks.extend(_unlabelled_abstracts(paragraphs, blocks, abstract_starts, occupied))
    blocks.extend(_titles(paragraphs, abstract_starts, occupied, headers))
    return blocks


def _label_line_boundary(previous_line: str, line: str, rest: str) -> bool:
    """In text without blank lines, a source line that opens with a label starts a paragraph, and so
    do a capitalised line that is a label alone ("Abstract" under the title and author lines) and
    the line after it ("Ключевые слова" over the keywords)."""
    return (
        match_label(rest) is not None
        or _is_label_alone(previous_line)
        or (line[:1].isupper() and _is_label_alone(line))
    )


def _is_label_alone(line: str) -> bool:
    label = match_label(line, standalone=True)
    return label is not None and not line[label.end :].strip()


def _stands_alone(paragraph: Paragraph) -> bool:
    return paragraph.heading or len(paragraph.text.split()) <= 4


def _after_fields(paragraphs: Sequence[Paragraph], index: int) -> int:
    """The first paragraph from ``index`` (just after a label on its own) that is the block's content.

    Skipped: the label's continuation in lower case ("АННОТАЦИЯ / диссертационной работы … на тему
    «…»") and title or field lines ("Тема: …", "Автор: …").
    """
    has_content_after = index + 1 < len(paragraphs) and not match_label(paragraphs[index + 1].text)
    if has_content_after and _continues_label(paragraphs[index]):
        index += 1
    while index + 1 < len(paragraphs):
        label = match_label(paragraphs[index].text)
        if label is None or label.role not in _NOT_BLOCK_ROLES:
            break
        index += 1
    return index


def _continues_label(paragraph: Paragraph) -> bool:
    """Under a label on its own line, a paragraph in lower case or an unfinished one naming a topic in
    quotes continues the label: "диссертации … на тему «…»", "«…» тақырыбындағы … жұмысына"."""
    text = paragraph.text
    if match_label(text) or is_rubric(text):
        return False
    return text[:1].islower() or (not _ENDS_SENTENCE.search(text) and _QUOTED.search(text) is not None)


def _abstract_end(paragraphs: Sequence[Paragraph], first: int) -> int:
    """Index after the last paragraph of the abstract that starts at ``first``."""
    lang = identify(paragraphs[first].text).lang
    words = len(paragraphs[first].text.split())
    end = first + 1
    while end < len(paragraphs):
        paragraph = paragraphs[end]
        text = paragraph.text
        if match_label(text, standalone=_stands_alone(paragraph)) or (
            paragraph.heading and is_body_heading(text)
        ):
            break
        rubric = is_rubric(text)
        if not rubric and (paragraph.heading or words >= _ABSTRACT_OPEN_WORDS):
            break
        short_rubric = rubric and len(text.split()) <= 4
        if words + len(text.split()) > _ABSTRACT_MAX_WORDS or (not short_rubric and identify(text).lang != lang):
            break
        words += len(text.split())
        end += 1
    if end > first + 1 and is_rubric(paragraphs[end - 1].text) and len(paragraphs[end - 1].text.split()) <= 4:
        end -= 1  # a rubric heading with nothing after it belongs to what follows
    return end


def _unlabelled_abstracts(
    paragraphs: Sequence[Paragraph],
    blocks: list[Block],
    abstract_starts: list[tuple[int, str]],
    occupied: set[int],
) -> list[Block]:
    """An abstract without a label: the plain paragraphs of its language just before its keywords."""
    found: list[Block] = []
    has_abstract = {b.lang for b in blocks if b.role == "abstract"}
    for keywords in [b for b in blocks if b.role == "keywords" and b.lang not in has_abstract]:
        index = next(i for i, p in enumerate(paragraphs) if p.start_line == keywords.start_line)
        first = index
        while first > 0:
            candidate = paragraphs[first - 1]
            if (
                first - 1 in occupied
                or candidate.heading
                or match_label(candidate.text)
                or identify(candidate.text).lang != keywords.lang
            ):
                break
            words = len(candidate.text.split())
            if words < 12 or (words < _TITLE_MAX_WORDS and not _ENDS_SENTENCE.search(candidate.text)):
                break  # a title or an author line, not abstract text
            first -= 1
        if first < index:
            found.append(build_block(paragraphs[first:index], "abstract"))
            abstract_starts.append((first, keywords.lang))
            occupied.update(range(first, index))
            has_abstract.add(keywords.lang)
    return found


def _titles(
    paragraphs: Sequence[Paragraph], abstract_starts: list[tuple[int, str]], occupied: set[int], headers: list[int]
) -> list[Block]:
    titles: list[Block] = []
    # A labelled title ("Title: …", "Тема: …") counts wherever it is, and so does a thesis topic.
    for index, paragraph in enumerate(paragraphs):
        label: LabelMatch | None = match_label(paragraph.text)
        if label and label.role == "title" and paragraph.text[label.end :].strip():
            titles.append(_title_block(paragraph, label.end, len(paragraph.text), label))
            occupied.add(index)
    for index in headers:
        topic = _QUOTED.search(paragraphs[index].text)
        if topic:
            titles.append(_title_block(paragraphs[index], topic.start(), topic.end()))
    titled = {t.lang for t in titles}
    found = [(lang, find_titles(paragraphs, start, occupied)) for start, lang in sorted(abstract_starts)]
    # Each abstract's own language first: a line in another language before it (a journal name) must
    # not take the place of that language's title standing before its own abstract.
    for lang, titles_found in found:
        _take(titles, titled, occupied, titles_found, [lang])
    for _, titles_found in found:
        _take(titles, titled, occupied, titles_found, list(titles_found))
    return titles


def _title_block(paragraph: Paragraph, start: int, end: int, label: LabelMatch | None = None) -> Block:
    """The title in ``paragraph.text[start:end]``, without the quotes a thesis topic is written in."""
    text = paragraph.text[start:end]
    start, end = start + len(text) - len(text.lstrip()), start + len(text.rstrip())
    first, last = paragraph.text[start : start + 1], paragraph.text[end - 1 : end]
    if end - start > 2 and _QUOTES.get(first) == last and first not in paragraph.text[start + 1 : end - 1]:
        start, end = start + 1, end - 1
    return build_block([cut(paragraph, start, end)], "title", label=label)


def _take(
    titles: list[Block], titled: set[str], occupied: set[int], found: dict[str, tuple[int, Block]], langs: list[str]
) -> None:
    for lang in langs:
        if lang in found and lang not in titled and found[lang][0] not in occupied:
            index, title = found[lang]
            titles.append(title)
            titled.add(lang)
            occupied.add(index)
