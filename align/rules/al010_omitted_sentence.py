from collections.abc import Iterator, Sequence

from align.aligner import Triple
from align.model import Block
from align.rules.base import Context, Finding, Rule, Severity, Span
from align.rules.lengths import length_z, text_length
from align.rules.names import language_name
from align.rules.support import supported, word_grams

# Joined to a neighbouring link, the lonely sentences must keep its lengths within this many
# standard deviations of each pair's length model (align/rules/lengths.py).
MAX_SPLIT_Z = 2.0
# … or share this many folded 4-grams with the link's other side that its own side does not
# (a cognate of six letters or more: документа / document, суверенитету / sovereignty).
MIN_NEW_GRAMS = 3


class OmittedSentence(Rule):
    """A sentence of the abstract has no counterpart in another language.

    ## What it does
    Reads the three-way alignment of the abstracts and reports every sentence (or run of
    sentences) that the alignment leaves without a translation in a language whose abstract
    exists (a 1:0 or 0:1 link). A sentence that a translator merely split off or ran into the
    next one is not reported: when a neighbouring link can hold it in every language pair —
    joined to that link, the lengths are still those of a translation, or its names, numbers or
    cognates appear in the link's other side (and not in its own) — its content has support there.

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
            text = " ".join(s.text for s in sentences)
            yield self.finding(
                f"{language_name(source).capitalize()} sentence has no "
                f"{' or '.join(language_name(lang) for lang in absent)} counterpart",
                role="abstract",
                langs=(*present, *absent),
                sentences={lang: indices for lang, indices in present.items()},
                evidence={source: text},
                spans=tuple(Span(source, s.start, s.end, s.text) for s in sentences),
                line=sentences[0].start_line,
            )


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
        for neighbour in neighbours
    )


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
