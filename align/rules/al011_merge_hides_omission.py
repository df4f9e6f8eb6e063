from collections.abc import Iterator
from dataclasses import dataclass

from align.rules.base import Context, Finding, Rule, Severity, Span
from align.rules.lengths import length_z, text_length
from align.rules.names import language_name
from align.rules.support import supported

# The single sentence must be far too short for all the merged sentences together …
MAX_Z_ALL = -3.0
# … and a normal length for them without the one reported as omitted.
MAX_Z_REST = 2.0


@dataclass(frozen=True)
class _Hidden:
    """Sentence ``omitted`` of ``many_lang``, merged by the aligner into ``one_lang`` sentence ``one``."""

    many_lang: str
    merged: tuple[int, ...]
    omitted: int
    one_lang: str
    one: int


class MergeHidesOmission(Rule):
    """A sentence merged with its neighbour in the alignment was probably not translated at all.

    ## What it does
    Looks at the links of the abstract alignment that join two or three sentences of one
    language to a single sentence of another (2:1, 3:1, and the reverse). When the single
    sentence has the normal length of a translation of all but one of them, is far too short
    for all of them, and none of the names and numbers of the remaining sentence appear in it,
    that sentence is reported as probably omitted.

    ## Why is this bad?
    A translator may join two sentences into one, and the aligner then links them 2:1; but a
    sentence left out next to its neighbour is aligned the same way, and the omission hides
    from a check for unaligned sentences (AL010).

    ## Example
    ```text
    EN: The survey covered 1,200 households. Of these, 38 percent lived in Almaty.
    RU: Опрос охватил 1200 домохозяйств.
    ```

    ## Use instead
    ```text
    RU: Опрос охватил 1200 домохозяйств, 38 процентов из которых проживали в Алматы.
    ```
    """

    code = "AL011"
    name = "merge-hides-omission"
    severity = Severity.warning

    def check(self, context: Context) -> Iterator[Finding]:
        blocks = context.blocks("abstract")
        reported: set[tuple[str, int]] = set()
        for many_lang, merged, one_lang, one in _merges(context):
            single = blocks[one_lang].sentences[one]
            texts = [blocks[many_lang].sentences[i].text for i in merged]
            position = omitted_in_merge(texts, many_lang, single.text, one_lang)
            # An omission in one language shows in both of its pairs: report it once.
            if position is None or (one_lang, one) in reported:
                continue
            reported.add((one_lang, one))
            yield self._finding(context, _Hidden(many_lang, merged, merged[position], one_lang, one))

    def _finding(self, context: Context, hidden: _Hidden) -> Finding:
        blocks = context.blocks("abstract")
        omitted = blocks[hidden.many_lang].sentences[hidden.omitted]
        single = blocks[hidden.one_lang].sentences[hidden.one]
        return self.finding(
            f"{language_name(hidden.many_lang).capitalize()} sentence is probably omitted in "
            f"{language_name(hidden.one_lang)}: the {language_name(hidden.one_lang)} sentence aligned with it "
            "and its neighbour is only as long as the neighbour's translation",
            role="abstract",
            langs=(hidden.many_lang, hidden.one_lang),
            sentences={hidden.many_lang: (hidden.omitted,), hidden.one_lang: (hidden.one,)},
            evidence={hidden.many_lang: omitted.text, hidden.one_lang: single.text},
            spans=(Span(hidden.many_lang, omitted.start, omitted.end, omitted.text),),
            suggestion=f"Check that the {language_name(hidden.one_lang)} sentence says what this sentence says",
            line=omitted.start_line,
        )


def _merges(context: Context) -> Iterator[tuple[str, tuple[int, ...], str, int]]:
    """``(many_lang, merged indices, one_lang, single index)`` of each n:1 link of the abstracts."""
    role_alignment = context.alignments.get("abstract")
    if role_alignment is None:
        return
    blocks = context.blocks("abstract")
    for pair, links in role_alignment.alignment.pairs.items():
        lang_a, lang_b = pair.split("-")
        if lang_a not in blocks or lang_b not in blocks:
            continue
        for link in links:
            if len(link.src) >= 2 and len(link.tgt) == 1:
                yield lang_a, link.src, lang_b, link.tgt[0]
            elif len(link.tgt) >= 2 and len(link.src) == 1:
                yield lang_b, link.tgt, lang_a, link.src[0]


def omitted_in_merge(merged: list[str], many_lang: str, single: str, one_lang: str) -> int | None:
    """The position in ``merged`` of the sentence that ``single`` leaves out, if exactly one clearly is.

    ``merged`` are consecutive sentences of ``many_lang`` aligned together with ``single``.
    """
    lengths = [text_length(text) for text in merged]
    single_length = text_length(single)
    total = sum(lengths) + len(merged) - 1
    z_all = length_z(total, single_length, many_lang, one_lang)
    if z_all is None or z_all > MAX_Z_ALL:
        return None
    candidates = [
        k
        for k, text in enumerate(merged)
        if _fits(total - lengths[k] - 1, single_length, many_lang, one_lang) and not supported(text, single)
    ]
    return candidates[0] if len(candidates) == 1 else None


def _fits(length: int, single_length: int, many_lang: str, one_lang: str) -> bool:
    z = length_z(length, single_length, many_lang, one_lang)
    return z is not None and abs(z) <= MAX_Z_REST
