"""Termbase data model: concepts, their terms per language, and a term found in a sentence.

A *concept* is one thing in the world (the Council of Europe); its *terms* are the names it has in
each language, each with a status: ``preferred`` and ``admitted`` terms are approved equivalents,
``deprecated`` ones are wrong or discouraged. A string may be a term of several concepts with
different statuses: KK "Еуропалық Кеңес" is preferred for the European Council and deprecated for
the Council of Europe, which is how a check can say "EN names concept X, KK uses a name deprecated
for X".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

STATUSES: tuple[str, ...] = ("preferred", "admitted", "deprecated")
APPROVED: frozenset[str] = frozenset({"preferred", "admitted"})
KINDS: tuple[str, ...] = ("full", "acronym", "abbreviation", "short", "variant", "phrase")

_STATUS_RANK = {status: rank for rank, status in enumerate(STATUSES)}


def status_rank(status: str) -> int:
    """0 for preferred, 1 admitted, 2 deprecated: the lower, the better."""
    return _STATUS_RANK[status]


@dataclass(frozen=True)
class Term:
    """One name of a concept in one language.

    ``proper_noun`` (TBX ``partOfSpeech`` "properNoun"): a one-word proper name matches only a
    capitalised word, so the city Семей is not the genitive plural of семья.
    """

    text: str
    lang: str
    status: str = "preferred"
    kind: str = "full"
    note: str = ""
    proper_noun: bool = False

    def __post_init__(self) -> None:
        if self.status not in _STATUS_RANK:
            raise ValueError(f"unknown term status {self.status!r}; expected one of {', '.join(STATUSES)}")
        if self.kind not in KINDS:
            raise ValueError(f"unknown term kind {self.kind!r}; expected one of {', '.join(KINDS)}")
        if not self.text.strip():
            raise ValueError("empty term")

    @property
    def approved(self) -> bool:
        return self.status in APPROVED


@dataclass(frozen=True)
class Concept:
    """A concept and its terms in every language; ``subject`` is the field (TBX ``subjectField``)."""

    id: str
    terms: tuple[Term, ...]
    subject: str = ""
    note: str = ""
    # concepts that naming this one names too (TBX crossReference): Brexit names the European Union
    mentions: tuple[str, ...] = ()

    def terms_in(self, lang: str, statuses: Iterable[str] = STATUSES) -> tuple[Term, ...]:
        """Terms in ``lang`` with one of ``statuses``, best status first (stable within a status)."""
        wanted = set(statuses)
        chosen = [t for t in self.terms if t.lang == lang and t.status in wanted]
        return tuple(sorted(chosen, key=lambda t: _STATUS_RANK[t.status]))

    def approved(self, lang: str) -> tuple[Term, ...]:
        """Preferred then admitted terms in ``lang``: what a translator should have used."""
        return self.terms_in(lang, APPROVED)

    def deprecated(self, lang: str) -> tuple[Term, ...]:
        return self.terms_in(lang, ("deprecated",))

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(t.lang for t in self.terms)

    def label(self, lang: str = "en") -> str:
        """A name to show: the first preferred term in ``lang``, else in English, else the id."""
        for language in (lang, "en"):
            approved = self.approved(language)
            if approved:
                return approved[0].text
        return self.id


class Termbase:
    """An ordered collection of concepts with lookups by id and by exact term text.

    Concept ids are unique; :meth:`merged` joins termbases (``--termbase`` is repeatable), adding the
    terms of a concept that has the same id to the earlier one. The matching index that
    :func:`align.terms.match.find_terms` builds per language is cached on the instance.
    """

    def __init__(self, concepts: Iterable[Concept] = (), source: str = "") -> None:
        self.source = source
        self._concepts: dict[str, Concept] = {}
        for concept in concepts:
            if concept.id in self._concepts:
                raise ValueError(f"duplicate concept id {concept.id!r}")
            self._concepts[concept.id] = concept
        self._by_text: dict[tuple[str, str], list[tuple[Concept, Term]]] | None = None
        self.indexes: dict[str, Any] = {}  # lang → matching index, owned by align.terms.match

    @property
    def concepts(self) -> tuple[Concept, ...]:
        return tuple(self._concepts.values())

    def __len__(self) -> int:
        return len(self._concepts)

    def __iter__(self) -> Iterator[Concept]:
        return iter(self._concepts.values())

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self._concepts

    def __repr__(self) -> str:
        return f"Termbase({len(self)} concepts, source={self.source!r})"

    def concept(self, concept_id: str) -> Concept:
        """The concept with this id; ``KeyError`` if there is none."""
        return self._concepts[concept_id]

    def get(self, concept_id: str) -> Concept | None:
        return self._concepts.get(concept_id)

    def lookup(self, text: str, lang: str) -> list[tuple[Concept, Term]]:
        """Concepts that have ``text`` (exactly, ignoring case and spacing) as a term in ``lang``."""
        if self._by_text is None:
            by_text: dict[tuple[str, str], list[tuple[Concept, Term]]] = {}
            for concept in self._concepts.values():
                for term in concept.terms:
                    by_text.setdefault((term.lang, _fold(term.text)), []).append((concept, term))
            self._by_text = by_text
        return list(self._by_text.get((lang, _fold(text)), ()))

    def languages(self) -> frozenset[str]:
        return frozenset(lang for concept in self for lang in concept.languages)

    def count_terms(self, lang: str | None = None) -> int:
        return sum(1 for concept in self for term in concept.terms if lang is None or term.lang == lang)

    def merged(self, other: Termbase) -> Termbase:
        """This termbase followed by ``other``; a concept id present in both gets ``other``'s extra terms."""
        concepts = dict(self._concepts)
        for concept in other:
            known = concepts.get(concept.id)
            if known is None:
                concepts[concept.id] = concept
                continue
            existing = {(t.lang, t.text, t.status) for t in known.terms}
            extra = tuple(t for t in concept.terms if (t.lang, t.text, t.status) not in existing)
            concepts[concept.id] = Concept(
                known.id,
                known.terms + extra,
                known.subject or concept.subject,
                known.note or concept.note,
                tuple(dict.fromkeys(known.mentions + concept.mentions)),
            )
        sources = [s for s in (self.source, other.source) if s]
        return Termbase(concepts.values(), source=" + ".join(sources))


@dataclass(frozen=True)
class TermHit:
    """A term of ``concept_id`` found in a sentence; ``start``/``end`` are offsets into that sentence.

    One span may yield several hits, one per concept the words name (with that concept's status).
    """

    concept_id: str
    term: Term
    status: str
    start: int
    end: int
    text: str = field(default="", compare=False)


_LANG_ALIASES = {"kz": "kk", "kaz": "kk", "qaz": "kk", "rus": "ru", "eng": "en"}


def normalize_lang(code: str | None) -> str | None:
    """``kk-KZ``/``kz``/``kaz`` → ``kk``, ``rus`` → ``ru``, ``en-GB``/``eng`` → ``en``; ``None`` if empty."""
    if not code or not code.strip():
        return None
    primary = code.strip().lower().replace("_", "-").split("-", 1)[0]
    return _LANG_ALIASES.get(primary, primary)


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("ё", "е").split())
