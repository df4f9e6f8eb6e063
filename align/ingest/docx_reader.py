"""DOCX → paragraphs, via python-docx, after checking the archive is not a zip bomb.

Paragraphs come in reading order, table cells included; the "line" of a paragraph is its
1-based index among all paragraphs of the body (empty ones count, so numbers match Word's
paragraph order). Headings are paragraphs whose style is Title/Subtitle/Heading n (or has an
outline level). Bold run text such as "Abstract." stays ordinary text.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

import docx
from docx.oxml.ns import qn
from lxml import etree

from align.errors import InputError, describe_error
from align.model import Paragraph

MAX_EXPANDED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
_RATIO_CHECK_MIN_BYTES = 1024 * 1024  # small members (styles, settings) may compress better
_MAX_MEMBERS = 10_000
_DOCUMENT_PART = "word/document.xml"

_W_P, _W_TBL, _W_TR, _W_TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_W_SDT, _W_SDT_CONTENT, _W_CUSTOM_XML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
_W_T, _W_TAB, _W_BR, _W_CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_W_NO_BREAK_HYPHEN, _W_PPR, _W_OUTLINE_LVL = qn("w:noBreakHyphen"), qn("w:pPr"), qn("w:outlineLvl")
_W_VAL = qn("w:val")
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Text boxes would glue their text into the anchoring paragraph; the fallback repeats a choice.
_SKIPPED = frozenset({qn("w:txbxContent"), _MC_FALLBACK, qn("w:pPr"), qn("w:rPr")})
_HEADING_STYLE = re.compile(r"^(?:title|subtitle|heading\b|заголовок|название|тақырып)", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def read_docx(name: str, data: bytes) -> tuple[Paragraph, ...]:
    """Paragraphs of the DOCX package ``data`` (read from ``name``, used in messages)."""
    check_archive(name, data)
    try:
        document = docx.Document(io.BytesIO(data))
        style_names = {style.style_id: style.name or "" for style in document.styles}
        paragraphs = []
        for index, element in enumerate(_paragraph_elements(document.element.body), start=1):
            text = _SPACES.sub(" ", _INVISIBLE.sub("", _paragraph_text(element))).strip()
            if text:
                heading = _is_heading(element, style_names)
                paragraphs.append(Paragraph(text, index, index, ((0, index),), heading=heading))
    except InputError:
        raise
    except Exception as exc:  # python-docx/lxml/zipfile raise many types on broken packages
        raise InputError(name, f"malformed DOCX: {describe_error(exc)}") from None
    return tuple(paragraphs)


def check_archive(name: str, data: bytes) -> None:
    """Refuse what is not a DOCX package, or would expand beyond reason, before decompressing."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if _DOCUMENT_PART not in {member.filename for member in members}:
                raise InputError(name, f"malformed DOCX: no {_DOCUMENT_PART} in the archive")
            _check_sizes(name, members)
            _check_xml_parts(name, archive, members)
    except zipfile.BadZipFile as exc:
        raise InputError(name, f"malformed DOCX: not a ZIP archive ({exc})") from None
    except (OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise InputError(name, f"malformed DOCX: {describe_error(exc)}") from None


def _check_sizes(name: str, members: list[zipfile.ZipInfo]) -> None:
    # The declared sizes are binding: zipfile stops reading a member at its declared file_size
    # (and the CRC check then fails), so a lying header cannot smuggle more data in.
    total = sum(member.file_size for member in members)
    if len(members) > _MAX_MEMBERS or total > MAX_EXPANDED_BYTES:
        raise InputError(
            name,
            f"DOCX refused: archive expands to {_megabytes(total)} in {len(members)} files (zip bomb?)",
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > _RATIO_CHECK_MIN_BYTES and ratio > MAX_COMPRESSION_RATIO:
            raise InputError(
                name,
                f"DOCX refused: {member.filename} expands {ratio:.0f}-fold to {_megabytes(member.file_size)} "
                "(zip bomb?)",
            )


def _check_xml_parts(name: str, archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> None:
    """Word never writes a DTD; one in a part can only be an entity attack."""
    for member in members:
        if member.filename.endswith((".xml", ".rels")):
            content = archive.read(member)
            if b"<!DOCTYPE" in content or b"<!ENTITY" in content:
                raise InputError(name, f"DOCX refused: {member.filename} declares a DTD or entities")


def _paragraph_elements(container: etree._Element) -> Iterator[etree._Element]:
    """``w:p`` elements in reading order, descending into tables and content controls."""
    for child in container:
        if child.tag == _W_P:
            yield child
        elif child.tag == _W_TBL:
            for row in child.iterchildren(_W_TR):
                for cell in row.iterchildren(_W_TC):
                    yield from _paragraph_elements(cell)
        elif child.tag in (_W_SDT, _W_SDT_CONTENT, _W_CUSTOM_XML):
            yield from _paragraph_elements(child)


def _paragraph_text(element: etree._Element) -> str:
    # Own walk instead of python-docx's Paragraph.text: it also reads inserted (tracked) runs,
    # smart tags and content controls, and never the deleted text (w:delText).
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        for child in node:
            tag = child.tag
            if tag in _SKIPPED:
                continue
            if tag == _W_T:
                parts.append(child.text or "")
            elif tag in (_W_TAB, _W_BR, _W_CR):
                parts.append(" ")
            elif tag == _W_NO_BREAK_HYPHEN:
                parts.append("-")
            else:
                walk(child)

    walk(element)
    return "".join(parts)


def _is_heading(element: etree._Element, style_names: dict[str, str]) -> bool:
    properties = element.find(_W_PPR)
    if properties is not None:
        outline = properties.find(_W_OUTLINE_LVL)
        if outline is not None and outline.get(_W_VAL, "9").isdigit() and int(outline.get(_W_VAL, "9")) < 9:
            return True
    style_id = element.style  # type: ignore[attr-defined]  # python-docx's CT_P
    if not style_id:
        return False
    return bool(_HEADING_STYLE.match(style_names.get(style_id, style_id)))


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"
