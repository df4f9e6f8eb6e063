"""TMX 1.4b: one ``<tu>`` per link, one ``<tuv xml:lang>`` per language, the score as a ``<prop>``."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from align import __version__
from align.formats.units import Unit

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def render_tmx(units: Iterable[Unit], *, srclang: str = "en") -> bytes:
    from lxml import etree

    root = etree.Element("tmx", version="1.4")
    etree.SubElement(
        root,
        "header",
        creationtool="abstract-align",
        creationtoolversion=__version__,
        datatype="plaintext",
        segtype="sentence",
        adminlang="en",
        srclang=srclang,
        **{"o-tmf": "abstract-align", "creationdate": datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")},
    )
    body = etree.SubElement(root, "body")
    for unit in units:
        if not unit.segments:
            continue
        tu = etree.SubElement(body, "tu")
        _prop(tu, "x-align-score", f"{unit.score:.4f}")
        _prop(tu, "x-align-bead", unit.bead)
        if unit.role:
            _prop(tu, "x-align-role", unit.role)
        for lang in unit.langs:
            if lang in unit.segments:
                tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
                etree.SubElement(tuv, "seg").text = _xml_safe(unit.segments[lang])
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _prop(parent: object, kind: str, value: str) -> None:
    from lxml import etree

    etree.SubElement(parent, "prop", type=kind).text = value


def _xml_safe(text: str) -> str:
    """Drop the control characters XML 1.0 cannot carry (they come from broken PDF extraction)."""
    return "".join(c for c in text if c in "\t\n\r" or ord(c) >= 0x20)
