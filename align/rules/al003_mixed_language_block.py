from collections.abc import Iterator

from align.model import Block
from align.rules.base import Context, Finding, Rule, Severity, Span
from align.rules.copies import blocks_by_intended_language, confident_language, copied_from, main_language
from align.rules.names import language_name

# Keyword lists are left out: their items are too short to identify, and English terms in a
# Russian list are often deliberate.
_ROLES = ("title", "abstract")


class MixedLanguageBlock(Rule):
    """A sentence of a title or abstract is written in another of the manuscript's languages.

    ## What it does
    Identifies the language of every sentence of four words or more (acronyms and numbers not
    counted) in each title and abstract, and reports those that are confidently another expected
    language (English, Kazakh, Russian) than their block. Names, acronyms and short quotations do
    not make a sentence change language. A block counts as the language of its label; a block
    mostly in another language is AL002's (label-language-mismatch), and a sentence copied from
    that language's block is AL004's (untranslated-copy).

    ## Why is this bad?
    An English sentence inside the Kazakh abstract is a translation that was never finished: a
    reader of the Kazakh version gets part of it in a language they may not read.

    ## Example
    ```text
    Аңдатпа. Мақалада Қазақстан мен Еуропалық Одақтың ынтымақтастығы зерттеледі.
    The results show that trade and energy matter most.
    ```

    ## Use instead
    ```text
    Аңдатпа. Мақалада Қазақстан мен Еуропалық Одақтың ынтымақтастығы зерттеледі.
    Нәтижелер сауда мен энергетиканың ең маңызды екенін көрсетеді.
    ```
    """

    code = "AL003"
    name = "mixed-language-block"
    severity = Severity.warning

    def check(self, context: Context) -> Iterator[Finding]:
        for lang, role in [(lang, role) for role in _ROLES for lang in context.expected_langs]:
            block = blocks_by_intended_language(context, role).get(lang)
            # A block mostly in another language is not a mixture: AL002 reports its label.
            if block is None or main_language(block) != lang:
                continue
            for index, sentence in enumerate(block.sentences):
                other = confident_language(sentence.text)
                if other is None or other == lang or other not in context.expected_langs:
                    continue
                if _copied_from(blocks_by_intended_language(context, role).get(other), sentence.text, other):
                    continue
                yield self.finding(
                    f"{language_name(other).capitalize()} sentence inside the {language_name(lang)} {role}",
                    role=role,
                    langs=(lang, other),
                    sentences={lang: (index,)},
                    evidence={lang: sentence.text},
                    spans=(Span(lang, sentence.start, sentence.end, sentence.text),),
                    suggestion=f"Translate the sentence into {language_name(lang)}",
                    line=sentence.start_line,
                )


def _copied_from(source: Block | None, text: str, lang: str) -> bool:
    """Whether ``text`` copies a sentence of ``source``: AL004 reports it then."""
    return source is not None and copied_from(text, [s.text for s in source.sentences], lang) is not None
