"""Titles: the heading or short line before an abstract, with a glued author name split off."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from align.blocks.assemble import build_block
from align.blocks.labels import is_body_heading, match_label
from align.model import Block, Paragraph

# How far before an abstract a title may stand (author, affiliation and e-mail lines between).
_LOOKBACK = 8
_TITLE_MAX_WORDS = 40

# Lines around a title that are not the title: affiliations, contacts, classification codes.
_NOT_A_TITLE = re.compile(
    r"@|e-?mail|orcid|https?://|doi\b|\b(?:УДК|UDC|ӘОЖ|МРНТИ|ГРНТИ|IRSTI|ХҒТАР|JEL)\b"
    r"|universit|университет|academy|академи|institute|институт|faculty|факультет|department|кафедра"
    r"|professor|профессор|докторант|phd|candidate|кандидат|ғылым|наук\b|sciences?\b|"
    r"\b(?:received|accepted|published|поступила|принята|қабылданды|алынды)\b",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі'’-]+|[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.){1,3},?$")


def find_titles(paragraphs: Sequence[Paragraph], abstract_index: int, occupied: set[int]) -> Iterator[Block]:
    """Title blocks in the paragraphs just before the abstract at ``abstract_index``, nearest first.

    Headings win over plain short lines; several titles (one per language, as on a title page
    listing all three) are all returned, and the caller keeps one per language.
    """
    candidates = list(_candidates(paragraphs, abstract_index, occupied))
    headings = [i for i in candidates if paragraphs[i].heading]
    for index in headings or candidates[:1]:
        paragraph = paragraphs[index]
        occupied.add(index)
        yield build_block([paragraph], "title", label_offset=author_prefix_end(paragraph.text))


def _candidates(paragraphs: Sequence[Paragraph], abstract_index: int, occupied: set[int]) -> Iterator[int]:
    for index in range(abstract_index - 1, max(abstract_index - _LOOKBACK, 0) - 1, -1):
        if index in occupied:
            return
        paragraph = paragraphs[index]
        text = paragraph.text.strip()
        if not text or match_label(text) or is_body_heading(text):
            continue
        if len(text.split()) > _TITLE_MAX_WORDS:
            return  # running text: we have left the title page
        sentence_like = text.endswith((".", ";", ",")) and not paragraph.heading
        author = not paragraph.heading and _is_author_line(text)
        if _NOT_A_TITLE.search(text) or author or sentence_like:
            continue
        yield index


_CONJUNCTIONS = frozenset({"and", "и", "және", "мен"})


def _is_author_line(text: str) -> bool:
    """``Svante E. Cornell``, ``А.Б. Сейітқали, Н. Иванов``: names and initials only.

    Without initials or a comma a line of capitalised words is a name only when it has no
    conjunction: "Kazakhstan and Europe" is a title, "Иванов Иван Иванович" an author.
    """
    words = text.replace("*", "").split()
    if not 0 < len(words) <= 8 or not all(_NAME_WORD.match(w) or w in _CONJUNCTIONS for w in words):
        return False
    return "." in text or "," in text or not any(w in _CONJUNCTIONS for w in words)


def author_prefix_end(text: str) -> int:
    """Where the title starts when an author's name is glued in front of a title in capitals.

    ``Сванте Корнелл ҚАЗАҚСТАН ЖӘНЕ ЕУРОПАЛЫҚ ИНТЕГРАЦИЯ`` → the offset of ``ҚАЗАҚСТАН``.
    """
    words = list(re.finditer(r"\S+", text))
    for count in range(1, min(5, len(words) - 1)):
        prefix, rest = words[:count], words[count:]
        lettered = [w.group() for w in rest if any(c.isalpha() for c in w.group())]
        if (
            all(_NAME_WORD.match(w.group().strip("*_")) for w in prefix)
            and len(lettered) >= 2
            and lettered[0].isupper()
            and sum(w.isupper() for w in lettered) / len(lettered) > 0.8
        ):
            return rest[0].start()
    return 0
