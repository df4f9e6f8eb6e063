from collections.abc import Iterator
from typing import ClassVar

from align.rules.base import Context, Finding, Rule, Severity
from align.rules.names import language_name


class KeywordCount(Rule):
    """A keywords list is shorter or longer than the journal allows.

    ## What it does
    Counts the keywords of each language's list and reports a list with fewer than
    ``min_keywords`` (3) or more than ``max_keywords`` (10) items. The limits are class
    attributes: they are the journal profile's defaults, which configuration may override.

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

    min_keywords: ClassVar[int] = 3
    max_keywords: ClassVar[int] = 10

    def check(self, context: Context) -> Iterator[Finding]:
        for lang, block in context.blocks("keywords").items():
            count = len(block.keywords)
            if not count or self.min_keywords <= count <= self.max_keywords:
                continue
            yield self.finding(
                f"The {language_name(lang)} keywords list has {count} keyword{'s' * (count != 1)}; "
                f"the journal asks for {self.min_keywords}–{self.max_keywords}",
                role="keywords",
                langs=(lang,),
                evidence={lang: "; ".join(block.keywords)},
                line=block.start_line,
            )
