from __future__ import annotations

from collections.abc import Iterator

from align.rules.base import Context, Finding, Rule, Severity
from align.rules.names import language_name
from align.rules.termhits import BlockHit, TermGroup, approved_term, loosely_named, term_groups, termbase_of
from align.terms import Concept, Termbase

# Subject fields (TBX subjectField, first part) whose concepts are bodies with a name of their own.
ORGANISATION_SUBJECTS: tuple[str, ...] = ("organisations", "institutions")
# Places are not organisations even when written as acronyms (US, UK, USSR): translators name them
# freely ("American" ↔ "США", "the Southwest" ↔ "юго-запад США"), so they are left out.
PLACE_SUBJECTS: tuple[str, ...] = ("states", "geography")


class OrganisationMismatch(Rule):
    """An organisation named in one language's sentence is absent from the aligned sentence of another.

    ## What it does
    For every aligned sentence of the title and the abstract, finds the organisations and
    institutions each language names (concepts of the termbase whose subject is an organisation
    or a state institution, and any concept named by an acronym) and reports each one that an
    aligned sentence of another language does not name at all: neither by its full name nor by
    its acronym, in any inflected form. Because the check goes through the termbase, an acronym
    spelled out in translation (UN ↔ Біріккен Ұлттар Ұйымы, EU ↔ Еуроодақ) is the same
    organisation; capital letters are never counted.

    A sentence that names a different body the termbase lists as a known confusion (KK
    "Еуропалық Кеңес" for EN "Council of Europe") is left to AL031 (deprecated-term).

    To stay quiet on free but faithful translations, a language does not *omit* a name when it
    mentions it in any form: a deprecated term, inside a longer name (the UN in "Совет
    Безопасности ООН"), or in a derived form that starts like each word of a term ("сенатская
    комиссия" for a Senate committee). A capitalised name counts as *named* only when written
    capitalised (KK "мәжіліс", a meeting, is not the Мәжіліс), places are not organisations even as
    acronyms (US, UK), and one language alone naming something the others leave implicit is
    reported only for an acronym or a capitalised name, and not when the others name a concept the
    termbase says implies it (a TBX crossReference: "Brexit" for "выход из ЕС"). Dotted acronyms
    (U.S., U.N.) are read as acronyms.

    ## Why is this bad?
    An organisation dropped or added in one version changes who did what: a reader of the
    Russian abstract does not learn that the OSCE was involved, or learns of one the English
    abstract never mentions.

    ## Example
    ```text
    EN: Kazakhstan chaired the OSCE in 2010 and hosted its summit in Astana.
    KK: Қазақстан 2010 жылы төрағалық етіп, Астанада саммит өткізді.
    ```

    ## Use instead
    ```text
    KK: Қазақстан 2010 жылы ЕҚЫҰ-ға төрағалық етіп, Астанада оның саммитін өткізді.
    ```
    """

    code = "AL030"
    name = "organisation-mismatch"
    severity = Severity.warning

    def check(self, context: Context) -> Iterator[Finding]:
        termbase = termbase_of(context)
        for group in term_groups(context):
            yield from self._check_group(group, termbase)

    def _check_group(self, group: TermGroup, termbase: Termbase) -> Iterator[Finding]:
        langs = list(group.sentences)
        concepts = dict.fromkeys(c for lang in langs for c in group.approved_concepts(lang))
        for concept_id in concepts:
            concept = termbase.get(concept_id)
            if concept is None:
                continue
            # Only names written as names count as naming (not KK "мәжіліс", a meeting, for the Мәжіліс) …
            present = {lang: [h for h in group.named(lang, concept_id) if h.case_ok] for lang in langs}
            present = {lang: hits for lang, hits in present.items() if hits}
            if not present or not any(_is_organisation(concept, h) for hits in present.values() for h in hits):
                continue
            # … but any mention, even deprecated or inside a longer name, counts as not omitting it.
            absent = [
                lang
                for lang in langs
                if lang not in present
                and concept.approved(lang)  # a termbase without the concept in that language cannot judge
                and not group.named(lang, concept_id, approved_only=False)  # deprecated: AL031's finding
                and concept_id not in group.embedded[lang]
                and not loosely_named(group.text(lang), lang, concept)
                and not _confused(group, lang, present)
            ]
            if len(present) == 1:
                # One language against the rest: translators spell out what the others leave implicit
                # ("the Red Cross" ↔ its full name), so only an unmistakable name is evidence enough.
                (hits,) = present.values()
                if not any(h.proper_name for h in hits):
                    continue
                # … and the others may name it through a concept that implies it ("Brexit" ↔ "выход из ЕС")
                absent = [lang for lang in absent if not group.mentions(lang, concept_id, termbase)]
            if absent:
                yield self._finding(group, concept, present, absent)

    def _finding(
        self, group: TermGroup, concept: Concept, present: dict[str, list[BlockHit]], absent: list[str]
    ) -> Finding:
        label = concept.label("en")
        named = " and ".join(f"{language_name(lang)} '{hits[0].text}'" for lang, hits in present.items())
        missing = " and ".join(language_name(lang) for lang in absent)
        if len(absent) == 1:
            message = f"The {missing} sentence does not name the {label} ({named})"
            first = next(iter(present.values()))[0]
            better = approved_term(concept, absent[0], like=first.hit.term)
            suggestion = better.text if better is not None else None
        else:
            namers = " and ".join(language_name(lang) for lang in present)
            message = f"Only the {namers} sentence names the {label} ({named}); the {missing} ones do not"
            suggestion = None
        first_lang = next(iter(present))
        return self.finding(
            message,
            role=group.role,
            langs=(*present, *absent),
            sentences={
                **{lang: tuple(dict.fromkeys(h.sentence for h in hits)) for lang, hits in present.items()},
                **{lang: group.sentences[lang] for lang in absent},
            },
            evidence={lang: hits[0].text for lang, hits in present.items()},
            spans=tuple(hits[0].span(lang) for lang, hits in present.items()),
            suggestion=suggestion,
            line=group.line(first_lang, present[first_lang][0].sentence),
        )


def _is_organisation(concept: Concept, hit: BlockHit) -> bool:
    """An organisation or institution by its subject field, or any non-place concept named by an acronym."""
    subject = concept.subject.split("/", 1)[0]
    if subject in ORGANISATION_SUBJECTS:
        return True
    return hit.hit.term.kind == "acronym" and subject not in PLACE_SUBJECTS


def _confused(group: TermGroup, lang: str, present: dict[str, list[BlockHit]]) -> bool:
    """Whether ``lang``'s sentence names another concept through the very words that name this one elsewhere.

    KK "Еуропалық Кеңес" is both the European Council (approved) and a deprecated name of the Council
    of Europe: when EN has "Council of Europe" and KK "Еуропалық Кеңес", the RU "Совет Европы" is
    not missing from KK by omission but by confusion, which AL031 reports against English.
    """
    other_concepts = {h.concept_id for h in group.hits[lang]}
    for source_lang, hits in present.items():
        for hit in hits:
            same_span = {
                h.concept_id
                for h in group.hits[source_lang]
                if (h.start, h.end) == (hit.start, hit.end) and h.concept_id != hit.concept_id
            }
            if same_span & other_concepts:
                return True
    return False
