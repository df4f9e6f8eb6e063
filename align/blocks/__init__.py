"""Find the title, abstract and keywords blocks of each language in a document.

``Document → Detection``. Labelled blocks are found by their labels; an abstract runs on over the
paragraphs that follow in its language (structured abstracts with rubrics included) until a label,
a heading of the main text, another language or the length of an abstract stops it. Unlabelled
abstracts are the paragraphs of one language just before that language's keywords. A title is the
heading or short line before an abstract. The language of every block comes from its text; the
label's language is kept beside it.
"""

from __future__ import annotations

from collections.abc import Sequence

from align.blocks.assemble import build_block
from align.blocks.labels import LabelMatch, is_body_heading, is_rubric, match_label
from align.blocks.title import find_titles
from align.langid import identify
from align.model import LANGS, ROLES, Block, Detection, Document, Missing, Paragraph

# An abstract is seldom longer; past this, unlabelled paragraphs are taken for the main text.
_ABSTRACT_MAX_WORDS = 600
# Below this an abstract may run on into a further plain paragraph (a one-sentence first paragraph).
_ABSTRACT_OPEN_WORDS = 120


def find_blocks(document: Document, expected_langs: Sequence[str] = LANGS) -> Detection:
    paragraphs = document.paragraphs
    structured = any(p.role_hint for p in paragraphs)
    blocks = _blocks_from_hints(paragraphs) if structured else _blocks_from_labels(paragraphs)
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
    abstract_starts: list[int] = []
    occupied: set[int] = set()
    index = 0
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        label = match_label(paragraph.text, standalone=_stands_alone(paragraph))
        if label is None or label.role == "title":
            index += 1
            continue
        first, label_offset = index, label.end
        if not paragraph.text[label.end :].strip() and index + 1 < len(paragraphs):
            # "Abstract" on a line of its own: the content is the next paragraph.
            first, label_offset = index + 1, 0
        if label.role == "keywords":
            blocks.append(build_block([paragraphs[first]], "keywords", label=label, label_offset=label_offset))
            occupied.update(range(index, first + 1))
            index = first + 1
            continue
        end = _abstract_end(paragraphs, first)
        blocks.append(
            build_block(paragraphs[first:end], "abstract", label=label, label_offset=label_offset)
        )
        abstract_starts.append(index)
        occupied.update(range(index, end))
        index = end
    blocks.extend(_unlabelled_abstracts(paragraphs, blocks, abstract_starts, occupied))
    blocks.extend(_titles(paragraphs, abstract_starts, occupied))
    return blocks


def _stands_alone(paragraph: Paragraph) -> bool:
    return paragraph.heading or len(paragraph.text.split()) <= 4


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
    paragraphs: Sequence[Paragraph], blocks: list[Block], abstract_starts: list[int], occupied: set[int]
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
            if len(candidate.text.split()) < 12:
                break  # a title or an author line, not abstract text
            first -= 1
        if first < index:
            found.append(build_block(paragraphs[first:index], "abstract"))
            abstract_starts.append(first)
            occupied.update(range(first, index))
            has_abstract.add(keywords.lang)
    return found


def _titles(paragraphs: Sequence[Paragraph], abstract_starts: list[int], occupied: set[int]) -> list[Block]:
    titles: list[Block] = []
    # A labelled title ("Title: …", "Название: …") counts wherever it is.
    for index, paragraph in enumerate(paragraphs):
        label: LabelMatch | None = match_label(paragraph.text)
        if label and label.role == "title" and paragraph.text[label.end :].strip():
            titles.append(build_block([paragraph], "title", label=label, label_offset=label.end))
            occupied.add(index)
    titled = {t.lang for t in titles}
    for start in sorted(abstract_starts):
        for title in find_titles(paragraphs, start, occupied):
            if title.lang not in titled:
                titles.append(title)
                titled.add(title.lang)
    return titles
