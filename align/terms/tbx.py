"""TBX termbases: read TBX v3 (TBX-Basic, DCA or DCT style) and TBX v2 (``martif``); write TBX v3 TBX-Basic.

TBX v3: ``tbx/text/body/conceptEntry/langSec/termSec/term``; TBX v2: ``martif/text/body/termEntry/
langSet/(tig|ntig)/term``. A term's status is its ``administrativeStatus`` (``preferredTerm-admn-sts``,
``admittedTerm-admn-sts``, ``deprecatedTerm-admn-sts``, ``supersededTerm-admn-sts`` read as
deprecated); a term without one is preferred. Its kind is the ``termType`` (``fullForm``, ``acronym``,
``abbreviation``, ``shortForm``, ``variant``, ``phrase``); a term without one is "full", or
"acronym" when written like one. ``partOfSpeech`` "properNoun" marks names matched only when
capitalised (see :class:`align.terms.model.Term`). Elements are matched by local name, so both namespaces and the DCT
style's prefixed data categories (``<basic:administrativeStatus>``) are read.

The parser is hardened like the JATS reader: no entity resolution, no network, no DTD loading, no
huge trees, and a file that declares entities is refused before parsing.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from align.errors import InputError
from align.ingest.safexml import parse_untrusted
from align.terms.model import Concept, Term, Termbase, normalize_lang
from align.terms.morph import is_acronym

TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_STATUS_VALUES = {
    "preferredterm-admn-sts": "preferred", "preferredterm": "preferred", "preferred": "preferred",
    "admittedterm-admn-sts": "admitted", "admittedterm": "admitted", "admitted": "admitted",
    "deprecatedterm-admn-sts": "deprecated", "deprecatedterm": "deprecated", "deprecated": "deprecated",
    "supersededterm-admn-sts": "deprecated", "supersededterm": "deprecated", "superseded": "deprecated",
}  # fmt: skip
_STATUS_TO_TBX = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "deprecated": "deprecatedTerm-admn-sts",
}
_KIND_VALUES = {
    "fullform": "full", "full": "full", "acronym": "acronym", "abbreviation": "abbreviation",
    "shortform": "short", "short": "short", "variant": "variant", "phrase": "phrase",
}  # fmt: skip
_KIND_TO_TBX = {
    "full": "fullForm", "acronym": "acronym", "abbreviation": "abbreviation",
    "short": "shortForm", "variant": "variant", "phrase": "phrase",
}  # fmt: skip
_STATUS_CATEGORIES = frozenset({"administrativeStatus", "normativeAuthorization"})
_LANG_TAGS = frozenset({"langSec", "langSet"})
_TERM_TAGS = frozenset({"termSec", "tig", "ntig"})


def read_tbx(name: str, data: bytes) -> Termbase:
    """The termbase in the TBX document ``data``; ``name`` is used in error messages."""
    root = _parse(name, data)
    if _local(root) not in ("tbx", "martif"):
        raise InputError(name, f"not a TBX file: root element <{_local(root)}>, expected <tbx> or <martif>")
    concepts: list[Concept] = []
    seen: dict[str, int] = {}
    for entry in root.iter("{*}conceptEntry", "{*}termEntry"):
        concept = _concept(name, entry)
        if concept.id in seen:
            raise InputError(
                name, f"line {entry.sourceline}: concept id {concept.id!r} already used on line {seen[concept.id]}"
            )
        seen[concept.id] = entry.sourceline or 0
        concepts.append(concept)
    if not concepts:
        raise InputError(name, "no <conceptEntry> (or <termEntry>) elements: not a TBX termbase")
    return Termbase(concepts, source=name)


def _concept(name: str, entry: etree._Element) -> Concept:
    concept_id = (entry.get("id") or "").strip() or f"line-{entry.sourceline}"
    subject, notes = "", []
    terms: list[Term] = []
    mentions: list[str] = []
    for child in entry:
        tag = _local(child)
        if tag in _LANG_TAGS:
            terms.extend(_lang_terms(name, child))
        elif tag == "ref" and child.get("type") == "crossReference" and child.get("target"):
            mentions.append(child.get("target", "").strip())
        elif _category(child) == "subjectField":
            subject = _text(child)
        elif tag == "note" or _category(child) == "definition":
            notes.append(_text(child))
        elif tag in ("descripGrp", "adminGrp"):
            for inner in child:
                if _category(inner) == "subjectField":
                    subject = _text(inner)
    if not terms:
        raise InputError(name, f"line {entry.sourceline}: concept {concept_id!r} has no terms")
    return Concept(concept_id, tuple(terms), subject, " ".join(n for n in notes if n), tuple(mentions))


def _lang_terms(name: str, lang_section: etree._Element) -> list[Term]:
    lang = normalize_lang(lang_section.get(_XML_LANG) or lang_section.get("lang"))
    if not lang:
        raise InputError(name, f"line {lang_section.sourceline}: <{_local(lang_section)}> without xml:lang")
    terms = []
    for section in lang_section:
        if _local(section) in _TERM_TAGS:
            terms.append(_term(name, section, lang))
    return terms


def _term(name: str, section: etree._Element, lang: str) -> Term:
    text, status, kind, notes, proper_noun = "", "preferred", "", [], False
    line = section.sourceline
    for element in section.iter():
        tag, category = _local(element), _category(element)
        if tag == "term":
            text, line = _text(element), element.sourceline
        elif category in _STATUS_CATEGORIES:
            value = _text(element)
            status = _STATUS_VALUES.get(value.lower(), "")
            if not status:
                raise InputError(
                    name,
                    f"line {element.sourceline}: unknown administrativeStatus {value!r} "
                    "(expected preferredTerm-admn-sts, admittedTerm-admn-sts or deprecatedTerm-admn-sts)",
                )
        elif category == "termType":
            kind = _KIND_VALUES.get(_text(element).lower(), "variant")
        elif category == "partOfSpeech":
            proper_noun = _text(element).lower() in ("propernoun", "proper noun")
        elif tag == "note":
            notes.append(_text(element))
    if not text:
        raise InputError(name, f"line {line}: empty or missing <term>")
    if not kind:
        kind = "acronym" if is_acronym(text) else "full"
    return Term(text, lang, status, kind, " ".join(n for n in notes if n), proper_noun)


def _category(element: etree._Element) -> str:
    """The data category: the ``type`` of ``descrip``/``termNote``/``admin`` (DCA) or the tag itself (DCT)."""
    tag = _local(element)
    if tag in ("descrip", "termNote", "admin"):
        return element.get("type") or ""
    return tag


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _local(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):  # comments, processing instructions
        return ""
    return tag.rsplit("}", 1)[-1]


def _parse(name: str, data: bytes) -> etree._Element:
    return parse_untrusted(name, data)


def tbx_bytes(termbase: Termbase, title: str = "Termbase", source_note: str = "") -> bytes:
    """``termbase`` as a TBX v3 TBX-Basic document (DCA style), UTF-8, one concept per ``conceptEntry``."""
    ns = TBX_NAMESPACE
    root = etree.Element(f"{{{ns}}}tbx", nsmap={None: ns}, attrib={"type": "TBX-Basic", "style": "dca"})
    root.set(_XML_LANG, "en")
    header = etree.SubElement(root, f"{{{ns}}}tbxHeader")
    file_desc = etree.SubElement(header, f"{{{ns}}}fileDesc")
    title_stmt = etree.SubElement(file_desc, f"{{{ns}}}titleStmt")
    etree.SubElement(title_stmt, f"{{{ns}}}title").text = title
    source_desc = etree.SubElement(file_desc, f"{{{ns}}}sourceDesc")
    etree.SubElement(source_desc, f"{{{ns}}}p").text = source_note or title
    body = etree.SubElement(etree.SubElement(root, f"{{{ns}}}text"), f"{{{ns}}}body")
    for concept in termbase:
        entry = etree.SubElement(body, f"{{{ns}}}conceptEntry", id=concept.id)
        if concept.subject:
            etree.SubElement(entry, f"{{{ns}}}descrip", type="subjectField").text = concept.subject
        if concept.note:
            etree.SubElement(entry, f"{{{ns}}}note").text = concept.note
        for target in concept.mentions:
            etree.SubElement(entry, f"{{{ns}}}ref", type="crossReference", target=target)
        for lang in _ordered_langs(concept):
            lang_sec = etree.SubElement(entry, f"{{{ns}}}langSec")
            lang_sec.set(_XML_LANG, lang)
            for term in (t for t in concept.terms if t.lang == lang):
                term_sec = etree.SubElement(lang_sec, f"{{{ns}}}termSec")
                etree.SubElement(term_sec, f"{{{ns}}}term").text = term.text
                if term.proper_noun:
                    etree.SubElement(term_sec, f"{{{ns}}}termNote", type="partOfSpeech").text = "properNoun"
                etree.SubElement(term_sec, f"{{{ns}}}termNote", type="termType").text = _KIND_TO_TBX[term.kind]
                status = etree.SubElement(term_sec, f"{{{ns}}}termNote", type="administrativeStatus")
                status.text = _STATUS_TO_TBX[term.status]
                if term.note:
                    etree.SubElement(term_sec, f"{{{ns}}}note").text = term.note
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_tbx(termbase: Termbase, path: str | Path, title: str = "Termbase", source_note: str = "") -> None:
    Path(path).write_bytes(tbx_bytes(termbase, title, source_note))


def _ordered_langs(concept: Concept) -> list[str]:
    order = {"en": 0, "kk": 1, "ru": 2}
    return sorted(concept.languages, key=lambda lang: (order.get(lang, 9), lang))
