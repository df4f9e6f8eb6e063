from collections.abc import Iterator
from itertools import combinations

from align.rules.base import Context, Finding, Rule, Severity
from align.rules.copies import COPY_SIMILARITY, intended_language, similarity
from align.rules.names import language_name


class DuplicatedBlock(Rule):
    """Two titles, abstracts or keyword lists of the same language.

    ## What it does
    Reports every pair of blocks with the same role meant for the same language (by their
    labels, or by their text when they have none): the same text pasted twice, or two different
    versions of it. A block copied under another language's label is AL004 (untranslated-copy).

    ## Why is this bad?
    Only one of the two versions is compared with the other languages; the other is either left
    over from an earlier draft or a sign that a language's block is missing.

    ## Example
    ```text
    Аннотация. В статье изучается сотрудничество Казахстана и Европейского Союза.
    Аннотация. В статье рассматривается сотрудничество Казахстана и ЕС.
    ```

    ## Use instead
    ```text
    Аннотация. В статье изучается сотрудничество Казахстана и Европейского Союза.
    ```
    """

    code = "AL005"
    name = "duplicated-block"
    severity = Severity.warning

    def check(self, context: Context) -> Iterator[Finding]:
        for first, second in combinations(context.detection.blocks, 2):
            # Blocks count as the language of their labels: a Russian abstract that a pasted
            # Kazakh sentence makes look Kazakh is still the Russian abstract.
            lang = intended_language(first, context.expected_langs)
            # Blocks meant for two languages (by their labels) are never duplicates: a copy of one
            # under the other's label is AL004's.
            if first.role != second.role or lang != intended_language(second, context.expected_langs):
                continue
            language = language_name(lang).capitalize()
            lines = f"lines {first.start_line} and {second.start_line}"
            if similarity(first.text, second.text) >= COPY_SIMILARITY:
                message = f"The {language} {first.role} appears twice ({lines})"
            else:
                message = f"Two different {language} {first.role} blocks ({lines})"
            yield self.finding(
                message,
                role=first.role,
                langs=(lang,),
                evidence={lang: second.text[:200]},
                suggestion="Keep one version and delete the other",
                line=second.start_line,
            )
