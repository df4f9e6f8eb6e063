from collections.abc import Iterator

from align.rules.base import Context, Finding, Rule, Severity
from align.rules.names import language_name


class KeywordCount(Rule):
    """A keywords list is shorter or longer than the journal allows.

    ## What it does
    Counts the keywords of each language's list and reports a list with fewer or more items than
    the journal profile allows (3–10 in the ``default`` profile; ``profile`` in align.toml
    chooses another or sets the range).

    ## Why is this bad?
    Journals state how many keywords they accept; a list outside the range is sent back to the
    authors, and one or two keywords rarely describe an article well enough to index it.

    ## Example
    ```text
    Keywords: Kazakhstan, Europe
    ```

    ## Use instead
    ```text
    Keywords: Kazakhstan, European Union, diplomacy, integration, political reform
    ```
    """

    code = "AL061"
    name = "keyword-count"
    severity = Severity.warning

    def check(self, context: Context) -> Iterator[Finding]:
        low, high = context.profile.min_keywords, context.profile.max_keywords
        for lang, block in context.blocks("keywords").items():
            count = len(block.keywords)
            if not count or low <= count <= high:
                continue
            yield self.finding(
                f"The {language_name(lang)} keywords list has {count} keyword{'s' * (count != 1)}; "
                f"the journal asks for {low}–{high}",
                role="keywords",
                langs=(lang,),
                evidence={lang: "; ".join(block.keywords)},
                line=block.start_line,
            )
