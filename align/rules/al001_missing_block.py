from collections.abc import Iterator

from align.rules.base import Context, Finding, Rule, Severity
from align.rules.names import language_name


class MissingBlock(Rule):
    """An expected title, abstract or keywords block is missing in one language.

    ## What it does
    Reports each expected language (English, Kazakh, Russian by default) that has no title,
    no abstract or no keywords list. A journal profile that does not require a title (the
    title is entered elsewhere, as in an OJS submission form) turns off the missing-title case.

    ## Why is this bad?
    Journals in Kazakhstan publish the front matter in all three languages; a missing block is
    either a real omission or a block the tool could not find, and both need a person.

    ## Example
    ```text
    Abstract. This article investigates …
    Keywords: Kazakhstan, European Union
    Аннотация. В данной статье …
    ```
    (no Kazakh abstract, no Russian keywords)

    ## Use instead
    ```text
    Аңдатпа. Мақалада …
    Түйін сөздер: Қазақстан, Еуропалық Одақ
    Ключевые слова: Казахстан, Европейский Союз
    ```
    """

    code = "AL001"
    name = "missing-block"
    severity = Severity.error

    def check(self, context: Context) -> Iterator[Finding]:
        for missing in context.detection.missing:
            if missing.role == "title" and not context.profile.title_required:
                continue
            yield self.finding(
                f"No {language_name(missing.lang)} {missing.role} found",
                role=missing.role,
                langs=(missing.lang,),
            )
