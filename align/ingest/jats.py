"""JATS XML → the paragraphs of the front matter, with the role and language JATS states.

Read from ``<article-meta>`` in document order: ``<article-title>`` and ``<trans-title>``
(role "title"), every ``<p>`` of ``<abstract>``/``<trans-abstract>`` (role "abstract", one
paragraph per ``<p>``; the block finder merges consecutive ones), and each ``<kwd-group>``
(role "keywords", keywords joined by "; "). The body is not read.

A translation of the article in a ``<sub-article article-type="translation" xml:lang="…">``
belongs to the same manuscript: the title, abstracts and keywords of its ``<front-stub>`` (or
``<front>``) are read after the article's own, in the sub-article's language. Other
sub-articles (peer reviews, replies) are not front matter.

A file may hold several articles, each a manuscript: an OJS or publisher export wraps them in
``<articles>``, ``<issue>``, ``<collection>`` or the like. :func:`read_jats` returns one tuple of
paragraphs per outermost ``<article>``.

The parser is hardened: no entity resolution, no network, no DTD loading, no huge trees; a
document that declares entities in its DTD is refused before parsing, so neither an XXE
(``<!ENTITY x SYSTEM "file:///etc/passwd">``) nor an expansion bomb gets anywhere.
"""

from __future__ import annotations

import html.entities
import re

from lxml import etree

from align.errors import InputError
from align.ingest.safexml import parse_untrusted
from align.model import Paragraph

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_NAMED_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]{1,31});")
_XML_PREDEFINED = frozenset({b"amp", b"lt", b"gt", b"quot", b"apos"})
_SPACES = re.compile(r"\s+")
_NOTE_REFERENCE_TYPES = frozenset({"fn", "table-fn", "author-notes"})
_LANG_ALIASES = {
    "kk": "kk", "kz": "kk", "kaz": "kk", "qaz": "kk",
    "ru": "ru", "rus": "ru",
    "en": "en", "eng": "en",
}  # fmt: skip


def normalize_lang(code: str | None) -> str | None:
    """``kz``/``kaz``/``kk-KZ`` → ``kk``, ``rus`` → ``ru``, ``eng``/``en-US`` → ``en``; ``None`` if empty."""
    if not code or not code.strip():
        return None
    primary = re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]
    return _LANG_ALIASES.get(primary, primary)


def read_jats(name: str, data: bytes) -> tuple[list[tuple[Paragraph, ...]], str]:
    """Front-matter paragraphs of each article of the JATS document ``data``, and its declared encoding."""
    root = _parse(name, data)
    encoding = (root.getroottree().docinfo.encoding or "utf-8").lower()
    articles = [el for el in root.iter() if _local(el) == "article" and not _inside(el, "article")]
    if not articles:
        raise InputError(name, "not a JATS article: no <article> element")
    metas = [_article_meta(article) for article in articles]
    if all(meta is None for meta in metas):
        raise InputError(name, "not a JATS article: no <article-meta> element")
    return [_article_paragraphs(article, meta) for article, meta in zip(articles, metas, strict=True)], encoding


def _article_paragraphs(article: etree._Element, meta: etree._Element | None) -> tuple[Paragraph, ...]:
    """The article's own front matter (``meta``), then that of its translations (sub-articles)."""
    if meta is None:
        return ()
    paragraphs = _front_matter(meta, normalize_lang(article.get(_XML_LANG)))
    for translation in _translations(article):
        front = next((el for el in translation if _local(el) in ("front-stub", "front")), None)
        if front is not None:
            paragraphs.extend(_front_matter(front, normalize_lang(translation.get(_XML_LANG))))
    return tuple(paragraphs)


def _article_meta(article: etree._Element) -> etree._Element | None:
    return next(
        (el for el in article.iter() if _local(el) == "article-meta" and not _inside(el, "sub-article", article)),
        None,
    )


def _translations(article: etree._Element) -> list[etree._Element]:
    return [
        el
        for el in article.iter()
        if _local(el) == "sub-article"
        and el.get("article-type") == "translation"
        and not _inside(el, "sub-article", article)
    ]


def _inside(element: etree._Element, tag: str, stop: etree._Element | None = None) -> bool:
    """Has ``element`` an ancestor ``tag`` below ``stop``?"""
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if _local(parent) == tag:
            return True
        parent = parent.getparent()
    return False


def _front_matter(front: etree._Element, default_lang: str | None) -> list[Paragraph]:
    """Titles, abstracts and keyword groups of ``<article-meta>`` or a sub-article's ``<front-stub>``."""
    paragraphs: list[Paragraph] = []
    for element in front.iter():
        tag = _local(element)
        if tag == "article-title":
            paragraphs.extend(_paragraph(element, "title", _inherited_lang(element, front) or default_lang))
        elif tag == "trans-title":
            paragraphs.extend(_paragraph(element, "title", _inherited_lang(element, front)))
        elif tag in ("abstract", "trans-abstract"):
            lang = _inherited_lang(element, front) or (default_lang if tag == "abstract" else None)
            paragraphs.extend(_abstract_paragraphs(element, lang))
        elif tag == "kwd-group":
            lang = _inherited_lang(element, front) or default_lang
            paragraphs.extend(_keywords_paragraph(element, lang))
    return paragraphs


def _parse(name: str, data: bytes) -> etree._Element:
    return parse_untrusted(name, _numeric_html_entities(data))


def _numeric_html_entities(data: bytes) -> bytes:
    """``&nbsp;`` and friends, undefined without the JATS DTD we do not load, as ``&#160;``."""

    def replace(match: re.Match[bytes]) -> bytes:
        entity = match.group(1)
        if entity in _XML_PREDEFINED:
            return match.group()
        code = html.entities.name2codepoint.get(entity.decode("ascii"))
        return b"&#%d;" % code if code is not None else match.group()

    return _NAMED_ENTITY.sub(replace, data)


def _local(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):  # comments, processing instructions, entities
        return ""
    return tag.rsplit("}", 1)[-1]


def _inherited_lang(element: etree._Element, stop: etree._Element) -> str | None:
    """xml:lang of the element or its nearest ancestor below ``stop`` (trans-title-group …)."""
    node: etree._Element | None = element
    while node is not None and node is not stop:
        lang = normalize_lang(node.get(_XML_LANG))
        if lang:
            return lang
        node = node.getparent()
    return None


def _text(element: etree._Element) -> str:
    parts: list[str] = []
    _collect_text(element, parts)
    return _SPACES.sub(" ", "".join(parts)).strip()


def _collect_text(element: etree._Element, parts: list[str], *, skip_notes: bool = True) -> None:
    if element.text:
        parts.append(element.text)
    for child in element:
        # entity references (no local name) carry no text
        if _local(child) and not (skip_notes and _is_note_reference(child)):
            _collect_text(child, parts, skip_notes=skip_notes)
        if child.tail:
            parts.append(child.tail)


def _is_note_reference(element: etree._Element) -> bool:
    """Footnote calls (``<xref ref-type="fn">1</xref>``) and notes are not part of the sentence."""
    tag = _local(element)
    return tag == "fn" or (tag == "xref" and element.get("ref-type") in _NOTE_REFERENCE_TYPES)


def _end_line(element: etree._Element) -> int:
    """Last source line of the element's content: its start plus the line breaks inside it."""
    raw: list[str] = []
    _collect_text(element, raw, skip_notes=False)
    last_child_line = max((el.sourceline or 0 for el in element.iter()), default=0)
    return max((element.sourceline or 1) + "".join(raw).count("\n"), last_child_line)


def _paragraph(element: etree._Element, role: str, lang: str | None) -> list[Paragraph]:
    text = _text(element)
    if not text:
        return []
    start = element.sourceline or 1
    return [Paragraph(text, start, _end_line(element), ((0, start),), role_hint=role, lang_hint=lang)]


def _abstract_paragraphs(abstract: etree._Element, lang: str | None) -> list[Paragraph]:
    paragraphs = [el for el in abstract.iter() if _local(el) == "p" and not _inside(el, "p", abstract)]
    if not paragraphs:  # text straight inside <abstract>
        return _paragraph(abstract, "abstract", lang)
    return [paragraph for p in paragraphs for paragraph in _paragraph(p, "abstract", lang)]


def _keywords_paragraph(group: etree._Element, lang: str | None) -> list[Paragraph]:
    keywords = [_text(el) for el in group.iter() if _local(el) == "kwd"]
    keywords = [keyword for keyword in keywords if keyword]
    if not keywords:
        return []
    start = group.sourceline or 1
    return [
        Paragraph("; ".join(keywords), start, _end_line(group), ((0, start),), role_hint="keywords", lang_hint=lang)
    ]
