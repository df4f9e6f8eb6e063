from collections.abc import Iterator

from align.rules.base import Context, Finding, Rule, Severity, Span
from align.rules.names import language_name


class LabelLanguageMismatch(Rule):
    """A block is written in another language than its label says.

    ## What it does
    Compares the language of a block's text with the language of the label that introduces it
    (or, in JATS, of its ``xml:lang``).

    ## Why is this bad?
    A Russian abstract under the English label "Abstract" usually means the English version was
    never written, or the versions were pasted into the wrong places.

    ## Example
    ```text
    Abstract. В данной статье исследуются выгоды сотрудничества …
    ```

    ## Use instead
    ```text
    Abstract. This article investigates the benefits of cooperation …
    Аннотация. В данной статье исследуются выгоды сотрудничества …
    ```
    """

    code = "AL002"
    name = "label-language-mismatch"
    severity = Severity.warning

    def check(self, context: Context) -> Iterator[Finding]:
        for block in context.detection.blocks:
            if block.label_lang is None or block.label_lang == block.lang:
                continue
            label = f"label '{block.label}'" if block.label else "declared language"
            yield self.finding(
                f"The {block.role} under the {language_name(block.label_lang)} {label} "
                f"is written in {language_name(block.lang)}",
                role=block.role,
                langs=(block.lang,),
                evidence={block.lang: block.label or block.label_lang},
                spans=(Span(block.lang, 0, min(len(block.text), 80), block.text[:80]),),
                line=block.start_line,
            )
