"""Readers: a manuscript file → :class:`align.model.Document` (cleaned paragraphs in order).

Formats: plain text, Markdown and PDF-extracted text (``.txt``, ``.text``, ``.md``,
``.markdown``), PDF through its text layer (``.pdf``), Word (``.docx``) and JATS XML (``.xml``,
``.jats``, ``.nxml``). Every failure is an
:class:`align.errors.InputError` naming the problem; input files are only ever read.
"""

from __future__ import annotations

from pathlib import Path

from align.errors import InputError
from align.ingest.encoding import decode_bytes
from align.ingest.jats import normalize_lang, read_jats
from align.ingest.paths import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, collect_paths, read_limited
from align.ingest.text import is_markdown, parse_text
from align.model import Document

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "collect_paths",
    "decode_bytes",
    "normalize_lang",
    "read_document",
    "read_documents",
]

_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_TEXT_SUFFIXES = frozenset({".txt", ".text"}) | _MARKDOWN_SUFFIXES
_XML_SUFFIXES = frozenset({".xml", ".jats", ".nxml"})
_UNSUPPORTED = {
    ".doc": "legacy .doc is not supported: save it as .docx",
    ".rtf": "RTF is not supported: save it as .docx or .txt",
    ".odt": "ODT is not supported: save it as .docx or .txt",
}


def read_document(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one manuscript; raise :class:`InputError` if it cannot be used or the file holds several."""
    documents = read_documents(path, max_bytes=max_bytes)
    if len(documents) > 1:
        raise InputError(str(path), f"holds {len(documents)} articles: read them with read_documents")
    return documents[0]


def read_documents(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Document]:
    """Every manuscript in one file; raise :class:`InputError` if the file cannot be used.

    A file is one manuscript, except a JATS file with several articles (an OJS export): one per
    article, named ``file.xml#1``, ``file.xml#2``, … in document order.
    """
    path = Path(path)
    name = str(path)
    suffix = path.suffix.lower()
    if suffix in _UNSUPPORTED:
        raise InputError(name, _UNSUPPORTED[suffix])
    data = read_limited(path, max_bytes)
    if not data:
        raise InputError(name, "file is empty")
    kind = _format_of(suffix, data)
    if kind == "docx":
        from align.ingest.docx_reader import read_docx  # python-docx costs ~0.1 s to import: only for DOCX

        return [_checked(Document(name, "utf-8", read_docx(name, data), "docx"))]
    if kind == "pdf":
        from align.ingest.pdf_reader import read_pdf

        return [_checked(Document(name, "utf-8", read_pdf(name, data), "pdf"))]
    if kind == "jats":
        articles, encoding = read_jats(name, data)
        if len(articles) > 1:
            return [
                Document(f"{name}#{n}", encoding, paragraphs, "jats", article=n)
                for n, paragraphs in enumerate(articles, 1)
            ]
        if not articles[0]:
            raise InputError(name, "no title, abstract or keywords in the JATS <article-meta>")
        return [Document(name, encoding, articles[0], "jats")]
    text, encoding = decode_bytes(data, name)
    markdown = suffix in _MARKDOWN_SUFFIXES or is_markdown(text)
    paragraphs = tuple(parse_text(text, markdown=markdown))
    return [_checked(Document(name, encoding, paragraphs, "markdown" if markdown else "text"))]


def _format_of(suffix: str, data: bytes) -> str:
    if suffix == ".docx":
        return "docx"
    if suffix == ".pdf" or data.startswith(b"%PDF-"):  # also a PDF saved under a text suffix
        return "pdf"
    if suffix in _XML_SUFFIXES:
        return "jats"
    if suffix in _TEXT_SUFFIXES:
        return "text"
    # An unknown suffix: look at the content.
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"<?xml", b"<article", b"<!DOCTYPE article")):
        return "jats"
    return "text"


def _checked(document: Document) -> Document:
    if not document.paragraphs:
        raise InputError(document.path, "file contains no text")
    return document
