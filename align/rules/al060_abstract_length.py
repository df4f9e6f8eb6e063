from collections.abc import Iterator

from align.rules.base import Context, Finding, Rule, Severity
from align.rules.names import language_name
from align.rules.textspans import word_count


class AbstractLength(Rule):
    """An abstract is shorter or longer than the journal allows.

    ## What it does
    Counts the words of each language's abstract (a hyphenated word such as ``БҰҰ-дағы`` or
    ``multi-vector`` is one word; dashes and numbers in brackets are not words, numbers are)
    and reports an abstract with fewer or more words than the journal profile allows (100–300 in
    the ``default`` profile; ``profile`` in align.toml chooses another or sets the range).

    ## Why is this bad?
    Journals state the length of the abstract in each language; an abstract outside the range
    is sent back to the authors. A translation far shorter than the original is also a hint that
    something was left out.

    ## Example
    ```text
    Аннотация. В статье рассматривается сотрудничество Казахстана и Европейского Союза.
    ```
    (10 words)

    ## Use instead
    ```text
    Аннотация. В статье рассматривается сотрудничество Казахстана и Европейского Союза …
    ```
    (between 100 and 300 words, as in the other languages)
    """

    code = "AL060"
    name = "abstract-length"
    severity = Severity.warning

    def check(self, context: Context) -> Iterator[Finding]:
        low, high = context.profile.min_words, context.profile.max_words
        for lang, block in context.blocks("abstract").items():
            words = word_count(block.text)
            if not words or low <= words <= high:
                continue
            bound = "fewer" if words < low else "more"
            yield self.finding(
                f"The {language_name(lang)} abstract has {words} words, {bound} than the journal's {low}–{high}",
                role="abstract",
                langs=(lang,),
                line=block.start_line,
            )
