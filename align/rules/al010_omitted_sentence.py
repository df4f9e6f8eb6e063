from collections.abc import Iterator

from align.rules.base import Context, Finding, Rule, Severity, Span
from align.rules.names import language_name


class OmittedSentence(Rule):
    """A sentence of the abstract has no counterpart in another language.

    ## What it does
    Reads the three-way alignment of the abstracts and reports every sentence (or run of
    sentences) that the alignment leaves without a translation in a language whose abstract
    exists (a 1:0 or 0:1 link).

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
        for triple in role_alignment.alignment.triples:
            present = {lang: getattr(triple, lang) for lang in blocks if getattr(triple, lang)}
            absent = [lang for lang in blocks if not getattr(triple, lang)]
            if not present or not absent:
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
