"""PDF → paragraphs, through the text layer (pdfminer.six), then the clean-up of PDF-extracted text.

pdfminer.six's layout analysis groups characters into lines and text boxes by position, so two
columns are read column by column whatever order the PDF draws them in (benchmarks/pdf_readers.py).
Text boxes are separated by a blank line, and a page or a column by a form feed, which the text
clean-up treats as a page break: a sentence cut by the end of a column or page is joined again,
and running headers, page numbers, hyphenation and footnote numbers are handled as for any
PDF-extracted text (align/ingest/text.py).

A "line" of a PDF is a line of its text layer as ``pdf2txt.py -A paper.pdf`` (pdfminer.six) prints
it: the pages one after another, a blank line after each text box. A PDF whose pages carry
(almost) no text is a scan and is refused, as is an encrypted or a broken one.
"""

from __future__ import annotations

import io
import logging
import math
import re
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from align.errors import InputError, describe_error
from align.ingest.text import parse_text
from align.model import Paragraph

if TYPE_CHECKING:
    from pdfminer.layout import LTItem, LTPage, LTTextBox

# Fewer letters than this per page on average: page numbers or a stamp over scanned images.
MIN_LETTERS_PER_PAGE = 100
_COLUMN_TOLERANCE = 2.0  # points
# A running header or footer: among the first or last two lines of at least two pages and 40 % of
# them (journals alternate two heads on even and odd pages).
_EDGE_LINES = 2
_MIN_RUNNING_PAGES = 2
_MIN_RUNNING_SHARE = 0.4
_DIGITS = re.compile(r"\d+")
_LETTER = re.compile(r"[^\W\d_]")
# Typographic ligatures (LaTeX fonts) that would split words for the language and term checks.
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})

# pdfminer logs warnings about harmless oddities; without a handler Python would print them on stderr.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())


def read_pdf(name: str, data: bytes) -> tuple[Paragraph, ...]:
    """Paragraphs of the PDF ``data`` (read from ``name``, used in messages)."""
    pages = [page.split("\n") for page in pdf_pages(name, data)]
    text = "\f".join("\n".join(lines) for lines in without_running_lines(pages))
    if len(_LETTER.findall(text)) < MIN_LETTERS_PER_PAGE * max(len(pages), 1):
        raise InputError(name, "PDF has no text layer (scanned?); run OCR first")
    return tuple(parse_text(text.translate(_LIGATURES), markdown=False))


def pdf_pages(name: str, data: bytes) -> list[str]:
    """The text layer of each page: its text boxes in reading order, each followed by a blank line."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        # all_texts: also lay out text inside form XObjects, where some producers put whole pages
        return [_page_text(page) for page in extract_pages(io.BytesIO(data), laparams=LAParams(all_texts=True))]
    except PDFPasswordIncorrect:
        raise InputError(name, "PDF is encrypted with a password: save an unprotected copy") from None
    except PDFEncryptionError as exc:
        raise InputError(name, f"PDF encryption not supported: {describe_error(exc)}") from None
    except Exception as exc:  # pdfminer raises many types (its own, ValueError, KeyError, …) on broken files
        raise InputError(name, f"malformed PDF: {describe_error(exc)}") from None


def without_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Blank the running headers and footers: lines near the top or bottom of several pages that repeat.

    The text clean-up spots a running header only from three repeats on; knowing the pages, two
    are enough (a two-page manuscript), digits aside (page numbers, ``Vol. 3`` / ``Vol. 4``).
    Blanking, not removing, keeps the line numbers.
    """
    zones = [_edge_lines(lines) for lines in pages]
    counts = Counter(key for lines, zone in zip(pages, zones, strict=True) for key in {_key(lines[i]) for i in zone})
    minimum = max(_MIN_RUNNING_PAGES, math.ceil(_MIN_RUNNING_SHARE * len(pages)))
    running = {key for key, count in counts.items() if key and count >= minimum}
    return [
        ["" if index in zone and _key(line) in running else line for index, line in enumerate(lines)]
        for lines, zone in zip(pages, zones, strict=True)
    ]


def _edge_lines(lines: list[str]) -> set[int]:
    filled = [index for index, line in enumerate(lines) if line.strip()]
    return set(filled[:_EDGE_LINES] + filled[-_EDGE_LINES:])


def _key(line: str) -> str:
    return " ".join(_DIGITS.sub("#", line).split())


def _page_text(page: LTPage) -> str:
    """Text boxes in reading order, a blank line after each (a form feed in it where a column starts)."""
    parts: list[str] = []
    previous: LTTextBox | None = None
    for box in _text_boxes(page):
        if previous is not None:
            parts.append("\f\n" if _starts_column(previous, box) else "\n")
        parts.append(box.get_text())
        previous = box
    parts.append("\n")
    return "".join(parts)


def _text_boxes(item: LTItem) -> Iterator[LTTextBox]:
    from pdfminer.layout import LTContainer, LTTextBox

    if isinstance(item, LTTextBox):
        yield item
    elif isinstance(item, LTContainer):  # the page, figures (form XObjects)
        for child in item:
            yield from _text_boxes(child)


def _starts_column(previous: LTTextBox, box: LTTextBox) -> bool:
    """The next box is to the right of the previous one and starts higher: the next column."""
    return box.x0 >= previous.x1 - _COLUMN_TOLERANCE and box.y1 > previous.y0 + _COLUMN_TOLERANCE
