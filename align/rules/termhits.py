"""Termbase hits of aligned sentences, for the term rules (AL030, AL031).

Each aligned triple of the title and the abstract becomes a :class:`TermGroup`: for every language
whose block has sentences in the triple, the termbase hits of those sentences with offsets into
``Block.text`` (so findings can carry ``Span``s). Terms are matched sentence by sentence: a name
never runs across a sentence boundary, and a hit's sentence index comes for free.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from align.model import Block
from align.rules.base import Context, Span
from align.terms import Concept, Term, Termbase, TermHit, default_termbase, find_terms
from align.terms.morph import is_acronym, tokenize

TERM_ROLES: tuple[str, ...] = ("title", "abstract")


@dataclass(frozen=True)
class BlockHit:
    """A termbase hit located in its block: ``start``/``end`` are offsets into ``Block.text``."""

    hit: TermHit
    sentence: int
    start: int
    end: int

    @property
    def concept_id(self) -> str:
        return self.hit.concept_id

    @property
    def text(self) -> str:
        return self.hit.text

    @property
    def approved(self) -> bool:
        return self.hit.term.approved

    @property
    def case_ok(self) -> bool:
        """False for a capitalised name found in lower case: KK "мәжіліс" (a meeting) is not the Мәжіліс."""
        return not (self.hit.term.text[:1].isupper() and self.hit.text[:1].islower())

    @property
    def proper_name(self) -> bool:
        """An acronym, or a capitalised name written capitalised: a name no common word could be mistaken for."""
        return self.case_ok and (self.hit.term.kind == "acronym" or self.hit.term.text[:1].isupper())

    def span(self, lang: str) -> Span:
        return Span(lang, self.start, self.end, self.hit.text)


@dataclass(frozen=True)
class TermGroup:
    """One aligned triple of ``role``: its sentence indices and termbase hits per language present."""

    role: str
    blocks: dict[str, Block]
    sentences: dict[str, tuple[int, ...]]
    hits: dict[str, list[BlockHit]]
    embedded: dict[str, frozenset[str]]  # concepts named by words inside a longer name (UN in "UN Security Council")

    def named(self, lang: str, concept_id: str, *, approved_only: bool = True) -> list[BlockHit]:
        """Hits of ``concept_id`` in ``lang``'s sentences (approved terms only, unless told)."""
        return [h for h in self.hits.get(lang, ()) if h.concept_id == concept_id and (h.approved or not approved_only)]

    def mentions(self, lang: str, concept_id: str, termbase: Termbase) -> bool:
        """Whether a concept ``lang`` names implies ``concept_id`` (TBX crossReference: Brexit, the European Union)."""
        return any(
            concept_id in concept.mentions
            for hit in self.hits.get(lang, ())
            if (concept := termbase.get(hit.concept_id)) is not None
        )

    def approved_concepts(self, lang: str) -> list[str]:
        """Concepts named by an approved term in ``lang``, in order of first mention."""
        return list(dict.fromkeys(h.concept_id for h in self.hits.get(lang, ()) if h.approved))

    def text(self, lang: str) -> str:
        """The sentences of ``lang`` in this triple, joined."""
        return " ".join(self.blocks[lang].sentences[i].text for i in self.sentences[lang])

    def line(self, lang: str, sentence: int | None = None) -> int:
        block = self.blocks[lang]
        index = self.sentences[lang][0] if sentence is None else sentence
        return block.sentences[index].start_line


def termbase_of(context: Context) -> Termbase:
    """The termbase given to the check (``--termbase``), else the bundled one."""
    return context.termbase if context.termbase is not None else default_termbase()


def term_groups(context: Context, roles: tuple[str, ...] = TERM_ROLES) -> tuple[TermGroup, ...]:
    """Every aligned triple of ``roles`` that at least two languages take part in, with its hits.

    Computed once per manuscript (AL030 and AL031 both read them): kept in ``context.memo``.
    """
    key = ("term_groups", roles)
    groups = context.memo.get(key)
    if groups is None:
        groups = context.memo[key] = tuple(_term_groups(context, roles))
    return groups  # type: ignore[return-value]


def _term_groups(context: Context, roles: tuple[str, ...]) -> Iterator[TermGroup]:
    termbase = termbase_of(context)
    for role in roles:
        role_alignment = context.alignments.get(role)
        if role_alignment is None:
            continue
        blocks = context.blocks(role)
        for triple in role_alignment.alignment.triples:
            indices = {lang: getattr(triple, lang, ()) for lang in blocks}
            indices = {lang: found for lang, found in indices.items() if found}
            if len(indices) < 2:
                continue  # a sentence without counterpart is AL010's finding
            hits = {lang: block_hits(blocks[lang], found, lang, termbase) for lang, found in indices.items()}
            embedded = {lang: embedded_concepts(found, lang, termbase) for lang, found in hits.items()}
            yield TermGroup(role, {lang: blocks[lang] for lang in indices}, indices, hits, embedded)


def block_hits(block: Block, indices: tuple[int, ...], lang: str, termbase: Termbase) -> list[BlockHit]:
    hits = []
    for index in indices:
        sentence = block.sentences[index]
        dotted = [(m.start(), m.end()) for m in _DOTTED_ACRONYM.finditer(sentence.text)]
        for hit in find_terms(undot_acronyms(sentence.text), lang, termbase):
            # a hit ending inside "U.S." ends after it: the evidence is the text as written
            end = next((stop for start, stop in dotted if start < hit.end < stop), hit.end)
            hit = replace(hit, end=end, text=sentence.text[hit.start : end])
            hits.append(BlockHit(hit, index, sentence.start + hit.start, sentence.start + end))
    return hits


def embedded_concepts(hits: list[BlockHit], lang: str, termbase: Termbase) -> frozenset[str]:
    """Concepts named by a shorter run of words inside a hit: the longest match hides them from ``find_terms``."""
    found: set[str] = set()
    for block_hit in hits:
        text = undot_acronyms(block_hit.text)
        words = tokenize(text, lang)
        for first in range(len(words)):
            for stop in range(first + 1, len(words) + 1):
                if stop - first < len(words):
                    part = text[words[first].start : words[stop - 1].end]
                    found.update(h.concept_id for h in find_terms(part, lang, termbase))
    return frozenset(found)


def loosely_named(text: str, lang: str, concept: Concept) -> bool:
    """Whether every word of some term of ``concept`` (any status) begins a word of ``text``, in any order.

    A lenient test of *absence* only: a sentence that passes it may speak of the concept in a derived
    form the matcher does not take for a name (RU "кандидат на пост верховного судьи" for a Supreme
    Court nominee, "сенатская комиссия" for a Senate panel), so it is not said to omit it.
    """
    tokens = [token.core for token in tokenize(undot_acronyms(text), lang)]
    words = [_fold(token) for token in tokens]
    for term in concept.terms_in(lang):
        parts = [token.core for token in tokenize(term.text, lang)]
        if parts and all(
            part in tokens if is_acronym(part) else any(word.startswith(_stem_prefix(_fold(part))) for word in words)
            for part in parts
        ):
            return True
    return False


def _fold(word: str) -> str:
    return word.casefold().replace("ё", "е")


def _stem_prefix(word: str) -> str:
    """The part of a word its inflected and derived forms keep: all but two letters, at least four."""
    return word[: max(4, len(word) - 2)]


# "U.S.", "U.N.", "E.U.": news and older papers dot their acronyms; the termbase lists them undotted.
_DOTTED_ACRONYM = re.compile(r"\b(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.){2,}")


def undot_acronyms(text: str) -> str:
    """``text`` with "U.S." read as "US", padded with spaces so that every offset stays where it was."""
    return _DOTTED_ACRONYM.sub(lambda m: m.group().replace(".", "").ljust(len(m.group())), text)


def approved_term(concept: Concept, lang: str, like: Term | None = None) -> Term | None:
    """The approved term of ``concept`` in ``lang`` to suggest: of the same kind as ``like`` if there is one."""
    approved = concept.approved(lang)
    if not approved:
        return None
    if like is not None:
        same_kind = [t for t in approved if (t.kind == "acronym") == (like.kind == "acronym")]
        if same_kind:
            return same_kind[0]
    return approved[0]


# --- Russian suggestions in the form of the word they replace -------------------------------------

# When a deprecated form is ambiguous (супердержавы: genitive singular or nominative plural), the
# reading nearest to a dictionary form is chosen, so the suggestion reads like the text it replaces.
_CASE_ORDER = ("nomn", "accs", "gent", "datv", "ablt", "loct")


def suggestion_text(term: Term, replaced: str) -> str:
    """``term`` as a suggestion for the words ``replaced``: Russian terms take the number and case of ``replaced``.

    RU "великая держава" replacing "супердержавы" becomes "великие державы"; anything that cannot be
    inflected with confidence (acronyms, Kazakh, English) is the dictionary form.
    """
    if term.lang != "ru" or term.kind == "acronym":
        return term.text
    grammemes = _number_and_case([t.core for t in tokenize(replaced, "ru")])
    if grammemes is None or grammemes == ("sing", "nomn"):
        return term.text
    return _inflect_phrase(term.text, grammemes) or term.text


def _number_and_case(words: list[str]) -> tuple[str, str] | None:
    """Number and case of the phrase [ADJ]* NOUN that ``words`` begin with, as far as its words agree.

    "мягкую власть": мягкую is accusative only, власть nominative or accusative → (sing, accs).
    """
    from align.terms.morph import _morph_analyzer

    analyzer = _morph_analyzer()
    common: set[tuple[str, str]] | None = None
    for word in words:
        parses = [p for p in analyzer.parse(word.lower()) if p.tag.POS in ("NOUN", "ADJF") and p.tag.case]
        if not parses:
            break
        readings = {(p.tag.number, p.tag.case) for p in parses if p.tag.number}
        common = readings if common is None else common & readings
        if any(p.tag.POS == "NOUN" for p in parses):
            break
    for case in _CASE_ORDER:
        for number in ("sing", "plur"):
            if common and (number, case) in common:
                return (number, case)
    return None


@lru_cache(maxsize=1024)
def _inflect_phrase(text: str, grammemes: tuple[str, str]) -> str | None:
    """Inflect the adjectives and the head noun of ``text`` ([ADJ]* NOUN …); what follows the head stays.

    Words after the head are its dependents (Совет Европы, Совет Безопасности ООН) and keep their case.
    """
    from align.terms.morph import _morph_analyzer

    analyzer = _morph_analyzer()
    words = text.split()
    out = []
    for position, word in enumerate(words):
        parses = [p for p in analyzer.parse(word) if p.tag.case == "nomn" and p.tag.POS in ("NOUN", "ADJF")]
        if not parses or word.isupper():
            return None  # not the [ADJ]* NOUN shape this knows how to inflect
        form = parses[0].inflect(set(grammemes))
        if form is None:
            return None
        inflected = form.word
        out.append(inflected[:1].upper() + inflected[1:] if word[:1].isupper() else inflected)
        if parses[0].tag.POS == "NOUN":
            return " ".join([*out, *words[position + 1 :]])
    return None
