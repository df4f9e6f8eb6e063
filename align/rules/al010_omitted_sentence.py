from collections.abc import Iterator, Sequence
from dataclasses import replace

from align.aligner import Triple
from align.model import Block
from align.rules.base import Context, Finding, Rule, Severity, Span
from align.rules.lengths import length_z, text_length
from align.rules.names import language_name
from align.rules.support import supported, units_beyond, word_grams

# Joined to a neighbouring link, the lonely sentences must keep its lengths within this many
# standard deviations of each pair's length model (align/rules/lengths.py).
MAX_SPLIT_Z = 2.0
# … or share this many folded 4-grams with the link's other side that its own side does not
# (a cognate of six letters or more: документа / document, суверенитету / sovereignty).
MIN_NEW_GRAMS = 3
# … or its other side says this many things of theirs (lexicon concepts, numbers, names) that its own
# side does not, or all of them and at least the second number: the translator merged them into it.
# Only a link the aligner trusts this much counts: the other side of a doubtful link may belong elsewhere.
MIN_UNITS_BEYOND = 3
MIN_ALL_UNITS_BEYOND = 2
MIN_MERGE_LINK_CONFIDENCE = 0.5
# The evidence of an omission is weak, and it is a warning, when the sentence is very short (at most
# this many words: a reply, an exclamation) and the aligner doubts the 1:0 link (confidence below
# this) or the sentence is a fragment of a quotation (an odd number of double quote marks: the
# quotation runs on into the next sentence) beside a link whose other languages quote too.
MAX_WEAK_WORDS = 4
MIN_ERROR_CONFIDENCE = 0.7
DOUBLE_QUOTES = frozenset('"«»“”„')


class OmittedSentence(Rule):
    """A sentence of the abstract has no counterpart in another language.

    ## What it does
    Reads the three-way alignment of the abstracts and reports every sentence (or run of
    sentences) that the alignment leaves without a translation in a language whose abstract
    exists (a 1:0 or 0:1 link). A sentence that a translator merely split off or ran into the
    next one is not reported: when a neighbouring link can hold it in every language pair —
    joined to that link, the lengths are still those of a translation, or its names, numbers or
    cognates appear in the link's other side (and not in its own), or — beside a link the aligner
    trusts (confidence 0.5 or more) — that other side says three or more things of it (lexicon
    concepts, numbers, names), or all of at least two, that the link's own side does not explain — its
    content has support there.

    Severity: an error, as an omission is. It is a warning ("possibly has no counterpart") only when
    the evidence is weak: the sentence has at most 4 words in some language (a reply, an exclamation)
    and either the aligner's confidence in the 1:0 link is below 0.7, or it is a fragment of a quotation (an odd
    number of double quote marks) beside a link whose other languages hold quote marks — translators
    punctuate quotations their own way and join such fragments to a neighbour. Any longer sentence
    missing from a language stays an error, however doubtful the aligner is.

    ## Why is this bad?
    An omitted sentence means the versions do not say the same thing: a reader of the Kazakh
    abstract misses a claim the English one makes, or the reverse.

    ## Example
    ```text
    EN: The study uses interviews. It covers 2015–2020. Results show growth.
    RU: В исследовании использованы интервью. Результаты показывают рост.
    ```

    ## Use instead
    ```text
    RU: В исследовании использованы интервью. Оно охватывает 2015–2020 годы. Результаты показывают рост.
    ```
    """

    code = "AL010"
    name = "omitted-sentence"
    severity = Severity.error

    def check(self, context: Context) -> Iterator[Finding]:
        role_alignment = context.alignments.get("abstract")
        if role_alignment is None:
            return
        blocks = context.blocks("abstract")
        triples = role_alignment.alignment.triples
        for position, triple in enumerate(triples):
            present = {lang: getattr(triple, lang) for lang in blocks if getattr(triple, lang)}
            absent = [lang for lang in blocks if not getattr(triple, lang)]
            if not present or not absent:
                continue
            neighbours = triples[max(position - 1, 0) : position] + triples[position + 1 : position + 2]
            if _split(blocks, present, absent, neighbours):
                continue
            source = next(iter(present))
            sentences = [blocks[source].sentences[i] for i in present[source]]
            text = _text(blocks[source], present[source])
            weak = _weak_evidence(blocks, triple, present, absent, neighbours)
            finding = self.finding(
                f"{language_name(source).capitalize()} sentence {'possibly has' if weak else 'has'} no "
                f"{' or '.join(language_name(lang) for lang in absent)} counterpart",
                role="abstract",
                langs=(*present, *absent),
                sentences={lang: indices for lang, indices in present.items()},
                evidence={source: text},
                spans=tuple(Span(source, s.start, s.end, s.text) for s in sentences),
                line=sentences[0].start_line,
            )
            yield replace(finding, severity=Severity.warning) if weak else finding


def _text(block: Block, indices: Sequence[int]) -> str:
    return " ".join(block.sentences[i].text for i in indices)


def _split(
    blocks: dict[str, Block], present: dict[str, tuple[int, ...]], absent: list[str], neighbours: list[Triple]
) -> bool:
    """Whether a neighbouring link can hold the lonely sentences: every present language's, in every absent one.

    A sentence found in one language only is what a translator's split leaves: it only has to fit.
    Sentences that two languages share and the third lacks look like an omission: joining them to
    the neighbour must also repair its lengths: without them, its other side is too long.
    """
    must_improve = len(present) > 1
    return any(
        all(
            getattr(neighbour, lang)
            and joined_fits(
                _text(blocks[source], indices),
                _text(blocks[source], getattr(neighbour, source)),
                source,
                _text(blocks[lang], getattr(neighbour, lang)),
                lang,
                must_improve=must_improve,
            )
            for source, indices in present.items()
            for lang in absent
        )
        or _merged_into(blocks, present, absent, neighbour)
        for neighbour in neighbours
    )


def _merged_into(
    blocks: dict[str, Block], present: dict[str, tuple[int, ...]], absent: list[str], link: Triple
) -> bool:
    """Whether the trusted ``link``'s absent-language sides say enough of the lonely sentences beyond its own."""
    return link.score >= MIN_MERGE_LINK_CONFIDENCE and all(
        _enough_beyond(
            *units_beyond(
                _text(blocks[source], indices),
                source,
                _text(blocks[source], getattr(link, source)),
                _text(blocks[lang], getattr(link, lang)),
                lang,
            )
        )
        for source, indices in present.items()
        for lang in absent
    )


def _enough_beyond(beyond: int, units: int) -> bool:
    return beyond >= MIN_UNITS_BEYOND or MIN_ALL_UNITS_BEYOND <= beyond == units


def _weak_evidence(
    blocks: dict[str, Block],
    triple: Triple,
    present: dict[str, tuple[int, ...]],
    absent: list[str],
    neighbours: list[Triple],
) -> bool:
    """Whether the omission is only possible: a very short sentence the aligner doubts, or a quotation's fragment."""
    texts = [_text(blocks[lang], indices) for lang, indices in present.items()]
    # translations of a reply differ in length (Я рассержена / I am angry): the shortest tells
    if min(len(text.split()) for text in texts) > MAX_WEAK_WORDS:
        return False
    if triple.score < MIN_ERROR_CONFIDENCE:
        return True
    neighbours_quote = any(
        DOUBLE_QUOTES & set(_text(blocks[lang], getattr(neighbour, lang)))
        for neighbour in neighbours
        for lang in absent
    )
    return neighbours_quote and all(map(quotes_run_on, texts))


def quotes_run_on(text: str) -> bool:
    """Whether ``text`` opens or closes a quotation that runs on into the next or previous sentence."""
    return sum(char in DOUBLE_QUOTES for char in text) % 2 == 1


def joined_fits(lonely: str, beside: str, lang: str, other: str, other_lang: str, *, must_improve: bool) -> bool:
    """Whether ``lonely`` (``lang``), joined to ``beside``, can be what ``other`` translates.

    ``beside`` is the ``lang`` side of the neighbouring link (possibly empty), ``other`` its
    ``other_lang`` side. Yes when the join has the length of a translation of ``other`` (within
    the pair's normal spread; with ``must_improve``, only if ``beside`` alone is too short for it), or
    when ``other`` holds a name, a number or a cognate of ``lonely`` that ``beside`` does not.
    """
    z = length_z(text_length(f"{beside} {lonely}".strip()), text_length(other), lang, other_lang)
    z_beside = length_z(text_length(beside), text_length(other), lang, other_lang)
    beside_too_short = z_beside is None or z_beside > MAX_SPLIT_Z
    if z is not None and abs(z) <= MAX_SPLIT_Z and (beside_too_short or not must_improve):
        return True
    if supported(lonely, other) and not supported(lonely, beside):
        return True
    return len((word_grams(lonely) & word_grams(other)) - word_grams(beside)) >= MIN_NEW_GRAMS
