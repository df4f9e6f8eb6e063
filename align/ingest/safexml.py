"""Parsing untrusted XML (JATS manuscripts, TBX termbases) so that a hostile file is harmless.

No external entities, no DTD, no network, no huge trees; any entity declaration is refused before
parsing, which stops entity-expansion bombs whatever the parser would do with them.
"""

from __future__ import annotations

import re

from lxml import etree

from align.errors import InputError

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
# lxml appends the position to its messages; we say the line ourselves.
_POSITION_SUFFIX = re.compile(r",? line \d+, column \d+\s*$")


def parse_untrusted(name: str, data: bytes) -> etree._Element:
    """The root element of ``data``; every problem is an ``InputError`` naming ``name``."""
    if _ENTITY_DECLARATION.search(_as_utf8_probe(data)):
        raise InputError(name, "XML with entity declarations refused")
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        message = _POSITION_SUFFIX.sub("", exc.msg or str(exc))
        raise InputError(name, f"malformed XML: line {exc.lineno}: {message}") from None
    except (ValueError, etree.LxmlError) as exc:
        raise InputError(name, f"malformed XML: {exc}") from None
    if root is None:
        raise InputError(name, "malformed XML: no root element")
    return root


def _as_utf8_probe(data: bytes) -> bytes:
    """The bytes to scan for declarations: UTF-16/32 documents are transcoded first."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:4].count(0) >= 2:
        for codec in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"):
            try:
                return data.decode(codec).encode("utf-8")
            except UnicodeDecodeError:
                continue
    return data
