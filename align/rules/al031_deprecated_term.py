from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from align.rules.base import Context, Finding, Rule, Severity
from align.rules.names import language_name
from align.rules.termhits import BlockHit, TermGroup, approved_term, suggestion_text, term_groups, termbase_of
from align.terms import Termbase, deprecated_hits


class DeprecatedTerm(Rule):
    """A concept named in the English sentence is rendered by a term the termbase deprecates for it.

    ## What it does
    For every aligned sentence of the title and the abstract, finds the concepts the English
    sentence names with an approved term of the termbase (the bundled one, plus any
    `--termbase` files), and reports each Kazakh or Russian rendering that names the concept
    only through a term marked deprecated for it: a calque, a stronger or weaker notion
    ("супердержава" for a great power), a Russian acronym in Kazakh text, or the name of a
    different body that translators confuse with it (KK "Еуропалық Кеңес", the European
    Council, for the Council of Europe). The suggestion is the approved term in that language.

    English is the pivot: Kazakh and Russian are never compared with each other, so one wrong
    term is reported once. A sentence without an English counterpart is not checked, and a
    deprecated name that the English sentence also uses for the other body it names approvedly
    (the Council of Europe *and* the European Council in one sentence) is not reported.

    ## Why is this bad?
    A deprecated term changes what the sentence says: the Council of Europe (Strasbourg, 46
    states) is not the European Council (the EU's heads of government), and a "superpower" is
    more than a great power. Reviewers and indexers read the Kazakh and Russian versions as
    statements in their own right.

    ## Example
    ```text
    EN: Kazakhstan cooperates with ODIHR, the OSCE and the Council of Europe.
    KK: Қазақстан ДИАҚБ, ЕҚЫҰ және Еуропалық Кеңеспен ынтымақтасады.
    RU: Казахстан сотрудничает с БДИПЧ, ОБСЕ и Европейским советом.
    ```

    ## Use instead
    ```text
    KK: Қазақстан ДИАҚБ, ЕҚЫҰ және Еуропа Кеңесімен ынтымақтасады.
    RU: Казахстан сотрудничает с БДИПЧ, ОБСЕ и Советом Европы.
    ```
    """

    code = "AL031"
    name = "deprecated-term"
    severity = Severity.error

    def check(self, context: Context) -> Iterator[Finding]:
        termbase = termbase_of(context)
        for group in term_groups(context):
            if "en" not in group.sentences:
                continue
            for lang in group.sentences:
                if lang != "en":
                    yield from self._check_pair(group, lang, termbase)

    def _check_pair(self, group: TermGroup, lang: str, termbase: Termbase) -> Iterator[Finding]:
        english = group.approved_concepts("en")
        target = group.hits[lang]
        reported: set[tuple[int, int]] = set()
        for concept_id in english:
            wrong = deprecated_hits([h.hit for h in target], concept_id)
            for bad in [h for h in target if h.hit in wrong]:
                if (bad.start, bad.end) in reported or _names_other_english_concept(group, lang, bad, english):
                    continue
                reported.add((bad.start, bad.end))
                yield self._finding(group, lang, concept_id, bad, termbase)

    def _finding(self, group: TermGroup, lang: str, concept_id: str, bad: BlockHit, termbase: Termbase) -> Finding:
        concept = termbase.concept(concept_id)
        source = group.named("en", concept_id)[0]
        better = approved_term(concept, lang, like=bad.hit.term)
        suggestion = suggestion_text(better, bad.text) if better is not None else None
        approved = f" (approved: {suggestion})" if suggestion else ""
        return self.finding(
            f"{language_name(lang)} term '{bad.text}' is deprecated for '{concept.label('en')}', "
            f"which the English sentence names{approved}",
            role=group.role,
            langs=("en", lang),
            sentences={"en": (source.sentence,), lang: (bad.sentence,)},
            evidence={"en": source.text, lang: bad.text},
            spans=(source.span("en"), bad.span(lang)),
            suggestion=suggestion,
            line=group.line(lang, bad.sentence),
        )


def _names_other_english_concept(group: TermGroup, lang: str, bad: BlockHit, english: list[str]) -> bool:
    """Whether ``bad`` is also an approved name of another concept the English sentence names, used no
    more often than English names it: then it translates that concept, and this one is merely absent.
    """
    target_counts = Counter(h.concept_id for h in group.hits[lang] if h.approved)
    english_counts = Counter(h.concept_id for h in group.hits["en"] if h.approved)
    return any(
        other.approved
        and other.concept_id in english
        and target_counts[other.concept_id] <= english_counts[other.concept_id]
        for other in group.hits[lang]
        if (other.start, other.end) == (bad.start, bad.end) and other.concept_id != bad.concept_id
    )
