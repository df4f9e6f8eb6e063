from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from align.rules.base import Context, Finding, Rule, Severity, Span
from align.rules.lengths import length_z, text_length
from align.rules.names import language_name

# Beyond this many standard deviations of the pair's length model a 1:1 pair is reported …
MAX_Z = 3.0
# … when its longer sentence has at least this many characters: short sentences vary too much.
MIN_LONGER_CHARS = 40


@dataclass(frozen=True)
class _Outlier:
    """A 1:1 pair whose ``short`` sentence is far shorter than a translation of ``long`` would be."""

    short: tuple[str, int]
    long: tuple[str, int]
    z: float


class LengthRatio(Rule):
    """A sentence is far shorter or longer than its aligned translation.

    ## What it does
    Compares the character lengths of each pair of sentences aligned one to one in the
    abstracts with what is normal for the language pair (measured on the NTREX-128 news
    translations: Russian runs about 11 % longer than English, Kazakh 6 %). A pair more than
    three standard deviations out, whose longer sentence has at least 40 characters, is
    reported; the spread allowed is wider for short sentences.

    ## Why is this bad?
    A translation half as long as its original has usually lost a clause, a list item or a
    qualification; one twice as long has gained something the other version does not say.

    ## Example
    ```text
    EN: The author relies on interviews with forty diplomats in Astana and Brussels, on
        official statistics of trade between 2015 and 2020, and on the texts of treaties.
    RU: Автор опирается на интервью с дипломатами.
    ```

    ## Use instead
    ```text
    RU: Автор опирается на интервью с сорока дипломатами в Астане и Брюсселе, на официальную
        статистику торговли за 2015–2020 годы и на тексты договоров.
    ```
    """

    code = "AL012"
    name = "length-ratio"
    severity = Severity.info

    def check(self, context: Context) -> Iterator[Finding]:
        role_alignment = context.alignments.get("abstract")
        if role_alignment is None:
            return
        outliers = list(_outliers(context, role_alignment.alignment.pairs))
        # A sentence short (or long) against both other languages is one finding about it.
        counts = Counter(o.short for o in outliers) + Counter(o.long for o in outliers)
        reported: set[tuple[str, int]] = set()
        for outlier in outliers:
            odd = next((side for side in (outlier.short, outlier.long) if counts[side] > 1), None)
            if odd in reported:
                continue
            if odd is not None:
                reported.add(odd)
                others = [o for o in outliers if odd in (o.short, o.long)]
                yield self._finding(context, odd, [o.long if odd == o.short else o.short for o in others], others)
            else:
                yield self._finding(context, outlier.short, [outlier.long], [outlier])

    def _finding(
        self, context: Context, odd: tuple[str, int], others: list[tuple[str, int]], outliers: list[_Outlier]
    ) -> Finding:
        blocks = context.blocks("abstract")
        lang, index = odd
        sentence = blocks[lang].sentences[index]
        shorter = all(o.short == odd for o in outliers)
        names = " and ".join(language_name(other_lang).capitalize() for other_lang, _ in others)
        lengths = ", ".join(str(text_length(blocks[ol].sentences[oi].text)) for ol, oi in others)
        counterpart = "counterparts" if len(others) > 1 else "counterpart"
        return self.finding(
            f"{language_name(lang).capitalize()} sentence is much {'shorter' if shorter else 'longer'} than its "
            f"{names} {counterpart} ({text_length(sentence.text)} vs {lengths} characters)",
            role="abstract",
            langs=(lang, *(other_lang for other_lang, _ in others)),
            sentences={lang: (index,), **{ol: (oi,) for ol, oi in others}},
            evidence={lang: sentence.text, **{ol: blocks[ol].sentences[oi].text for ol, oi in others}},
            spans=(Span(lang, sentence.start, sentence.end, sentence.text),),
            suggestion="Check that the sentence translates the whole of its counterpart"
            if shorter
            else "Check that the sentence adds nothing its counterpart does not say",
            line=sentence.start_line,
        )


def _outliers(context: Context, pairs: dict) -> Iterator[_Outlier]:
    blocks = context.blocks("abstract")
    for pair, links in pairs.items():
        lang_a, lang_b = pair.split("-")
        if lang_a not in blocks or lang_b not in blocks:
            continue
        for link in links:
            if len(link.src) != 1 or len(link.tgt) != 1:
                continue
            (i,), (j,) = link.src, link.tgt
            length_a = text_length(blocks[lang_a].sentences[i].text)
            length_b = text_length(blocks[lang_b].sentences[j].text)
            z = length_z(length_a, length_b, lang_a, lang_b)
            if z is None or abs(z) <= MAX_Z or max(length_a, length_b) < MIN_LONGER_CHARS:
                continue
            a, b = (lang_a, i), (lang_b, j)
            yield _Outlier(short=b, long=a, z=z) if z < 0 else _Outlier(short=a, long=b, z=z)
