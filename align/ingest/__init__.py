"""Readers: a manuscript file → :class:`align.model.Document` (cleaned paragraphs in order).

Formats: plain text, Markdown and PDF-extracted text (``.txt``, ``.text``, ``.md``,
``.markdown``), Word (``.docx``) and JATS XML (``.xml``, ``.jats``). Every failure is an
:class:`align.errors.InputError` naming the problem; input files are only ever read.
"""

from __future__ import annotations

from pathlib import Path

from align.errors import InputError
from align.ingest.docx_reader import read_docx
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
]

_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_TEXT_SUFFIXES = frozenset({".txt", ".text"}) | _MARKDOWN_SUFFIXES
_XML_SUFFIXES = frozenset({".xml", ".jats", ".nxml"})
_UNSUPPORTED = {
    ".pdf": "PDF is not supported: extract its text to a .txt file first",
    ".doc": "legacy .doc is not supported: save it as .docx",
    ".rtf": "RTF is not supported: save it as .docx or .txt",
    ".odt": "ODT is not supported: save it as .docx or .txt",
}


def read_document(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one manuscript; raise :class:`InputError` if it cannot be used."""
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
        return _checked(Document(name, "utf-8", read_docx(name, data), "docx"))
    if kind == "jats":
        paragraphs, encoding = read_jats(name, data)
        if not paragraphs:
            raise InputError(name, "no title, abstract or keywords in the JATS <article-meta>")
        return Document(name, encoding, paragraphs, "jats")
    if data.startswith(b"%PDF-"):
        raise InputError(name, "not a text file (a PDF: extract its text first)")
    text, encoding = decode_bytes(data, name)
    markdown = suffix in _MARKDOWN_SUFFIXES or is_markdown(text)
    paragraphs = tuple(parse_text(text, markdown=markdown))
    return _checked(Document(name, encoding, paragraphs, "markdown" if markdown else "text"))


def _format_of(suffix: str, data: bytes) -> str:
    if suffix == ".docx":
        return "docx"
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
