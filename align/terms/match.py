"""Finding termbase terms in a sentence, in any inflected form.

Every term is normalised once per language (:func:`align.terms.morph.token_keys`) and indexed by
the keys of its first word. A sentence is tokenised and normalised word by word; at each word the
index proposes the terms that may start there, and a term matches when each of its words shares a
key with the next words of the sentence, with no punctuation between them that the term lacks
("БДИПЧ, ОБСЕ" is two names, "БДИПЧ ОБСЕ" one). Of overlapping matches the longest wins ("Council of the
European Union" over "European Union"); terms of several concepts that cover the same span are all
reported, each with its own status, so KK "Еуропалық Кеңес" yields both "preferred for the
European Council" and "deprecated for the Council of Europe". A one-word proper noun (TBX
partOfSpeech "properNoun") matches only a capitalised word: the city Семей is not the genitive
plural of семья, the city Орал not the verb оралды, Астана not астанасы (its capital).
"""

from __future__ import annotations

from dataclasses import dataclass

from align.terms.model import Term, Termbase, TermHit, status_rank
from align.terms.morph import token_keys, tokenize

__all__ = ["TermHit", "approved_concepts", "deprecated_hits", "find_terms"]


@dataclass(frozen=True)
class _Entry:
    keys: tuple[frozenset[str], ...]
    hard: tuple[bool, ...]  # punctuation before each word of the term ("One Belt, One Road")
    concept_id: str
    term: Term
    capitalised: bool = False  # a one-word proper noun: matches a capitalised word only (Семей, not семей)


_Index = dict[str, list[_Entry]]


def find_terms(sentence: str, lang: str, termbase: Termbase) -> list[TermHit]:
    """The terms of ``termbase`` in ``sentence`` (language ``lang``), in order of position.

    ``start``/``end`` of each hit are character offsets into ``sentence`` covering the whole words,
    endings included (``БҰҰ-дағы``, ``Kazakhstan's``).
    """
    index = _index(termbase, lang)
    if not index:
        return []
    tokens = tokenize(sentence, lang)
    keys = [token_keys(token.core, lang) for token in tokens]
    candidates: list[tuple[int, int, _Entry]] = []
    for i, token_key_set in enumerate(keys):
        seen: set[int] = set()
        for key in token_key_set:
            for entry in index.get(key, ()):
                if id(entry) in seen:
                    continue
                seen.add(id(entry))
                length = len(entry.keys)
                if entry.capitalised and not tokens[i].core[:1].isupper():
                    continue
                if i + length <= len(keys) and all(
                    entry.keys[j] & keys[i + j] and (entry.hard[j] or not tokens[i + j].hard_before)
                    for j in range(1, length)
                ):
                    candidates.append((length, i, entry))
    # Longest first, then leftmost; a span already taken accepts further concepts, an overlap nothing.
    candidates.sort(key=lambda c: (-c[0], c[1]))
    taken = [False] * len(tokens)
    best: dict[tuple[int, int, str], _Entry] = {}
    accepted: set[tuple[int, int]] = set()
    for length, i, entry in candidates:
        span = (i, i + length)
        if span not in accepted:
            if any(taken[i : i + length]):
                continue
            accepted.add(span)
            for j in range(i, i + length):
                taken[j] = True
        key = (i, i + length, entry.concept_id)
        known = best.get(key)
        if known is None or status_rank(entry.term.status) < status_rank(known.term.status):
            best[key] = entry
    hits = []
    for (first, stop, concept_id), entry in best.items():
        start, end = tokens[first].start, tokens[stop - 1].end
        hits.append(TermHit(concept_id, entry.term, entry.term.status, start, end, sentence[start:end]))
    hits.sort(key=lambda h: (h.start, h.end, status_rank(h.status), h.concept_id))
    return hits


def approved_concepts(hits: list[TermHit]) -> set[str]:
    """Concepts named by a preferred or admitted term: what the sentence is taken to speak of."""
    return {hit.concept_id for hit in hits if hit.term.approved}


def deprecated_hits(hits: list[TermHit], concept_id: str) -> list[TermHit]:
    """Hits that use a term deprecated for ``concept_id``, unless an approved term of it is also present."""
    if concept_id in approved_concepts(hits):
        return []
    return [hit for hit in hits if hit.concept_id == concept_id and hit.status == "deprecated"]


def _index(termbase: Termbase, lang: str) -> _Index:
    """Terms of ``lang`` by every key of their first word; built once per termbase and language."""
    index: _Index | None = termbase.indexes.get(lang)
    if index is not None:
        return index
    index = {}
    for concept in termbase:
        for term in concept.terms:
            if term.lang != lang:
                continue
            words = tokenize(term.text, lang)
            if not words:
                continue
            keys = tuple(token_keys(word.core, lang, in_term=True) for word in words)
            capitalised = term.proper_noun and len(words) == 1 and words[0].core[:1].isupper()
            entry = _Entry(keys, tuple(word.hard_before for word in words), concept.id, term, capitalised)
            for key in keys[0]:
                index.setdefault(key, []).append(entry)
    termbase.indexes[lang] = index
    return index
