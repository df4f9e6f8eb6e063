"""Titles: the heading or short line before an abstract, with a glued author name split off."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import pairwise

from align.blocks.assemble import build_block
from align.blocks.labels import is_body_heading, match_label
from align.blocks.lines import cut, line_starts
from align.langid import identify
from align.model import Block, Paragraph

# How far before an abstract a title may stand (author, affiliation and e-mail lines between).
_LOOKBACK = 8
_TITLE_MAX_WORDS = 40
# A line this short joins the title lines around it whatever language it looks like ("FIVE YEARS").
_SHORT_LINE_WORDS = 2

# Lines around a title that are not the title: contacts, classification codes, running journal
# headers, numbered affiliations ("¹әл-Фараби атындағы…"), academic degrees, dates of receipt (a
# title may say "…қамауға алынды", "arrested": only with a date is it the date line).
_CONTACT_OR_CODE = re.compile(
    r"@|e-?mail|orcid|https?://|doi\b|\b(?:УДК|UDC|ӘОЖ|МРНТИ|ГРНТИ|IRSTI|ХҒТАР|HĞTAR|JEL|ISSN)\b|№|^[¹²³⁴⁵⁶⁷⁸⁹⁰*†‡]"
    r"|\b(?:received|accepted|published|поступила|принята|қабылданды|алынды)\b(?=.*\d)"  # with its date
    r"|\b(?:bulletin|herald|вестник|хабаршы(?:сы)?|series|серия|сериясы)\b"
    r"|\b(?:vol|no|т|том)\.\s*\d"  # a running header's volume and issue: "…, 2024, Vol. 12, No. 1"
    r"|^(?:original|research|review) (?:article|paper)$|^(?:оригинальная|обзорная|научная) статья$"
    r"|^(?:түпнұсқа|шолу|ғылыми) мақала(?:сы)?$"
    r"|professor|профессор|доцент|докторант|магистрант|\bphd\b|ғылымдарының|\bнаук\b|candidate of|doctor of",
    re.IGNORECASE,
)
# An organisation named with its address or patron is an affiliation; the same words without them
# may well be in a title ("Academic mobility in Kazakhstani universities").
# Words, not parts of words: "КОНЦЕНТРАЦИЯ" and "Центральная Азия" name no centre.
_ORGANISATION = re.compile(
    r"\b(?:universit|университет|academy|академия|академиясы|institute|институт|faculty|факультет|department"
    r"|кафедра|cent(?:er|re)|центр(?!ал)|орталығы|ministry|министерство|министрлігі|hospital|college|колледж)",
    re.IGNORECASE,
)
_AFFILIATION_CONTEXT = re.compile(r",|\bатындағы\b|\bимени\b|\bim\.|\bnamed after\b", re.IGNORECASE)
# Name words: "Särsenova,", "Kazakh-British", "O'Brien"; initials: "А.Б.", "Zh.K.", "Sh.".
_INITIALS_WORD = re.compile(r"(?:[^\W\d_][^\W\d_]?\.){1,3}")
_CAPITALISED_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Affiliation marks after a name: "Сейтқали¹,", "Жұмабаева¹*", "Osipova A.N2.".
_AFFILIATION_MARK = re.compile(r"(?<=[^\W\d_]|\.)[\d¹²³⁴⁵⁶⁷⁸⁹⁰*†‡]+|\*")


def find_titles(
    paragraphs: Sequence[Paragraph], abstract_index: int, occupied: set[int]
) -> dict[str, tuple[int, Block]]:
    """Per language, the title before the abstract at ``abstract_index`` and the index of its paragraph.

    A title page may list the titles of all languages one after another, so each language gets the
    nearest of its own candidates; a heading wins over a plain short line.
    """
    found: dict[str, list[tuple[int, Paragraph, Block]]] = {}
    for index, part in _candidates(paragraphs, abstract_index, occupied):
        title = build_block([part], "title", label_offset=author_prefix_end(part.text))
        found.setdefault(title.lang, []).append((index, part, title))
    titles: dict[str, tuple[int, Block]] = {}
    for lang, parts in found.items():
        index, _, title = next((c for c in parts if c[1].heading), parts[0])
        titles[lang] = (index, title)
    return titles


def _candidates(
    paragraphs: Sequence[Paragraph], abstract_index: int, occupied: set[int]
) -> Iterator[tuple[int, Paragraph]]:
    """Paragraphs (or runs of their lines) that may be a title, nearest to the abstract first."""
    for index in range(abstract_index - 1, max(abstract_index - _LOOKBACK, 0) - 1, -1):
        if index in occupied:
            return
        paragraph = paragraphs[index]
        text = paragraph.text.strip()
        if not text or match_label(text):
            continue
        if len(text.split()) > _TITLE_MAX_WORDS or (is_body_heading(text) and len(text.split()) <= 4):
            return  # running text or a heading of the main text: we have left the title page
        for run in reversed(_title_runs(paragraph)):
            if not _sentence_like(run):
                yield index, run


def _title_runs(paragraph: Paragraph) -> list[Paragraph]:
    """The runs of consecutive source lines that may belong to a title, split where the language changes.

    PDF text without blank lines glues author, affiliation and title lines into one paragraph; a
    wrapped title keeps its lines together.
    """
    starts = [*line_starts(paragraph), len(paragraph.text)]
    runs: list[tuple[int, int, str]] = []
    previous_end = -1
    for start, end in pairwise(starts):
        line = paragraph.text[start:end].strip()
        if not line or not _may_be_in_title(line, heading=paragraph.heading):
            continue
        lang = identify(line.lower()).lang
        short = len(line.split()) <= _SHORT_LINE_WORDS
        if runs and previous_end == start and (short or runs[-1][2] == lang):
            runs[-1] = (runs[-1][0], end, runs[-1][2])
        else:
            runs.append((start, end, lang))
        previous_end = end
    return [cut(paragraph, start, end) for start, end, _ in runs]


def _may_be_in_title(line: str, *, heading: bool) -> bool:
    return not (match_label(line) or _is_furniture(line) or _is_author_line(line, heading=heading))


def _is_furniture(line: str) -> bool:
    """Contact, code, header, degree or affiliation line."""
    affiliation = _ORGANISATION.search(line) and _AFFILIATION_CONTEXT.search(line)
    return bool(_CONTACT_OR_CODE.search(line) or affiliation)


def _sentence_like(part: Paragraph) -> bool:
    return part.text.endswith((".", ";", ",")) and not part.heading


_CONJUNCTIONS = frozenset({"and", "и", "және", "мен"})


def _is_author_line(text: str, *, heading: bool = False) -> bool:
    """``Svante E. Cornell``, ``А.Б. Сейітқали¹, Н. Иванов²``: names and initials only.

    Without initials or a comma a line of capitalised words is a name only when it has no
    conjunction: "Kazakhstan and Europe" is a title, "Иванов Иван Иванович" an author. A heading
    is a name only with initials: a heading "Kazakhstan Europe" is a title.
    """
    text = _AFFILIATION_MARK.sub("", text)
    words = text.split()
    if not 0 < len(words) <= 8 or not all(_is_name_word(w) or w in _CONJUNCTIONS for w in words):
        return False
    if heading:
        return any(_INITIALS_WORD.fullmatch(w.removesuffix(",")) for w in words)
    return "." in text or "," in text or not any(w in _CONJUNCTIONS for w in words)


def _is_name_word(word: str) -> bool:
    word = word.removesuffix(",")
    if _INITIALS_WORD.fullmatch(word):
        return all(_capitalised(chunk) for chunk in word.split(".")[:-1])
    return bool(_CAPITALISED_WORD.fullmatch(word)) and _capitalised(re.split(r"['’-]", word)[0])


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and (len(word) == 1 or word[1:].islower())


def author_prefix_end(text: str) -> int:
    """Where the title starts when an author's name is glued in front of a title in capitals.

    ``Сванте Корнелл ҚАЗАҚСТАН ЖӘНЕ ЕУРОПАЛЫҚ ИНТЕГРАЦИЯ`` → the offset of ``ҚАЗАҚСТАН``.
    """
    words = list(re.finditer(r"\S+", text))
    for count in range(1, min(5, len(words) - 1)):
        prefix, rest = words[:count], words[count:]
        lettered = [w.group() for w in rest if any(c.isalpha() for c in w.group())]
        if (
            all(_is_name_word(w.group().strip("*_")) for w in prefix)
            and len(lettered) >= 2
            and lettered[0].isupper()
            and sum(w.isupper() for w in lettered) / len(lettered) > 0.8
        ):
            return rest[0].start()
    return 0
