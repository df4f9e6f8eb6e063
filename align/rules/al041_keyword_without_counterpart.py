from collections.abc import Iterator

from align.aligner import align_items
from align.model import Block
from align.rules.base import Context, Finding, Rule, Severity, Span
from align.rules.names import language_name
from align.rules.textspans import keyword_offsets


class KeywordWithoutCounterpart(Rule):
    """A keyword in one language has no counterpart in another language's list.

    ## What it does
    Reads the three-way alignment of the keywords lists and reports each keyword (or group of
    keywords) that the alignment leaves without a partner in a language whose list exists (a 1:0
    or 0:1 link), provided the order-free item aligner (``align_items``) leaves it unpaired too:
    the three-way alignment keeps the order of the lists, and a list given in another order is
    not a list with omissions. Keywords the alignment pairs with something are never reported, even when the
    pair looks unrelated: translations rarely share letters, so a pair without a shared spelling
    is no evidence of a missing keyword.

    ## Why is this bad?
    Each keyword should appear in every language: a keyword only the English list has makes the
    Kazakh and Russian versions of the article invisible to searches for that term.

    ## Example
    ```text
    Keywords: Kazakhstan, European Union, diplomacy, integration
    Түйін сөздер: Қазақстан, Еуропалық Одақ, интеграция
    ```

    ## Use instead
    ```text
    Keywords: Kazakhstan, European Union, diplomacy, integration
    Түйін сөздер: Қазақстан, Еуропалық Одақ, дипломатия, интеграция
    ```
    """

    code = "AL041"
    name = "keyword-without-counterpart"
    severity = Severity.warning

    def check(self, context: Context) -> Iterator[Finding]:
        role_alignment = context.alignments.get("keywords")
        if role_alignment is None:
            return
        blocks = {lang: block for lang, block in context.blocks("keywords").items() if block.keywords}
        if len(blocks) < 2:
            return
        offsets = {lang: keyword_offsets(block) for lang, block in blocks.items()}
        for triple in role_alignment.alignment.triples:
            present = {lang: getattr(triple, lang) for lang in blocks if getattr(triple, lang)}
            if not present:
                continue
            source = next(iter(present))
            absent = [
                lang
                for lang in blocks
                if not getattr(triple, lang) and _unpaired_in_any_order(blocks, source, lang, present[source])
            ]
            if not absent:
                continue
            keywords = [blocks[source].keywords[i] for i in present[source]]
            quoted = ", ".join(f"'{keyword}'" for keyword in keywords)
            noun = "keyword" if len(keywords) == 1 else "keywords"
            yield self.finding(
                f"{language_name(source).capitalize()} {noun} {quoted} "
                f"{'has' if len(keywords) == 1 else 'have'} no "
                f"{' or '.join(language_name(lang) for lang in absent)} counterpart",
                role="keywords",
                langs=(*present, *absent),
                sentences=dict(present),
                evidence={
                    lang: "; ".join(blocks[lang].keywords[i] for i in indices) for lang, indices in present.items()
                },
                spans=tuple(
                    Span(lang, *offsets[lang][i], blocks[lang].text[slice(*offsets[lang][i])])
                    for lang, indices in present.items()
                    for i in indices
                ),
                line=blocks[source].start_line,
            )


def _unpaired_in_any_order(blocks: dict[str, Block], source: str, target: str, items: tuple[int, ...]) -> bool:
    """Whether the order-free item aligner also leaves ``items`` of ``source`` without a ``target`` partner.

    The three-way alignment keeps the lists' order, so a reordered list looks like omissions.
    """
    links = align_items(blocks[source].keywords, blocks[target].keywords, source, target)
    unpaired = {link.src[0] for link in links if link.src and not link.tgt}
    return all(i in unpaired for i in items)
