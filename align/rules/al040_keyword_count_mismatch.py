from collections.abc import Iterator

from align.rules.base import Context, Finding, Rule, Severity
from align.rules.names import language_name


class KeywordCountMismatch(Rule):
    """The keyword lists of the languages have different numbers of keywords.

    ## What it does
    Counts the keywords of each language's keywords list and reports the manuscript once when the
    counts differ (only languages that have a keywords list take part).

    ## Why is this bad?
    The keywords lists are translations of one another: a list that is longer or shorter has lost
    or gained a keyword, or two keywords were merged into one during translation. Indexing
    services then file the versions of the article under different terms.

    ## Example
    ```text
    Keywords: Kazakhstan, European Union, diplomacy, integration
    Ключевые слова: Казахстан, Европейский Союз, интеграция
    ```

    ## Use instead
    ```text
    Keywords: Kazakhstan, European Union, diplomacy, integration
    Ключевые слова: Казахстан, Европейский Союз, дипломатия, интеграция
    ```
    """

    code = "AL040"
    name = "keyword-count-mismatch"
    severity = Severity.warning

    def check(self, context: Context) -> Iterator[Finding]:
        blocks = {lang: block for lang, block in context.blocks("keywords").items() if block.keywords}
        counts = {lang: len(block.keywords) for lang, block in blocks.items()}
        if len(set(counts.values())) < 2:
            return
        listed = ", ".join(f"{language_name(lang)} {count}" for lang, count in counts.items())
        first = next(iter(blocks.values()))
        yield self.finding(
            f"The keyword lists have different lengths: {listed}",
            role="keywords",
            langs=tuple(blocks),
            evidence={lang: "; ".join(block.keywords) for lang, block in blocks.items()},
            line=first.start_line,
        )
