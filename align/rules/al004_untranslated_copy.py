from collections.abc import Iterator
from itertools import combinations

from align.model import Block
from align.rules.base import Context, Finding, Rule, Severity, Span
from align.rules.copies import (
    COPY_SIMILARITY,
    blocks_by_intended_language,
    confident_language,
    copied_from,
    main_language,
    similarity,
)
from align.rules.names import language_name

_SENTENCE_ROLES = ("title", "abstract")
_BLOCK_ROLES = ("title", "abstract", "keywords")


class UntranslatedCopy(Rule):
    """A sentence or a whole block was copied from another language instead of translated.

    ## What it does
    Reports a sentence of a title or abstract that is identical, or nearly (a word or a
    punctuation mark apart), to a sentence of another language's block *and* is written in that
    other language; and a block under one language's label whose text is a copy of the block of
    the same role under another language's label. Sentences under four words (names, acronyms
    such as "COVID-19") are not judged.

    ## Why is this bad?
    The copy looks like a translation to anyone who only counts sentences or blocks, but the
    reader of that language gets no translation at all.

    ## Example
    ```text
    Abstract. The study covers the years from 2015 to 2020.
    Аннотация. В статье изучается сотрудничество. The study covers the years from 2015 to 2020.
    ```

    ## Use instead
    ```text
    Abstract. The study covers the years from 2015 to 2020.
    Аннотация. В статье изучается сотрудничество. Исследование охватывает период с 2015 по 2020 год.
    ```
    """

    code = "AL004"
    name = "untranslated-copy"
    severity = Severity.error

    def check(self, context: Context) -> Iterator[Finding]:
        for role in _SENTENCE_ROLES:
            blocks = blocks_by_intended_language(context, role)
            for lang, block in blocks.items():
                # A whole block in another language is compared as a block, below.
                if main_language(block) != lang:
                    continue
                for source_lang, source in blocks.items():
                    if source_lang != lang:
                        yield from self._sentence_copies(block, lang, source, source_lang)
        yield from self._block_copies(context)

    def _sentence_copies(self, block: Block, lang: str, source: Block, source_lang: str) -> Iterator[Finding]:
        sources = [s.text for s in source.sentences]
        for index, sentence in enumerate(block.sentences):
            original = copied_from(sentence.text, sources, source_lang)
            if original is None:
                continue
            yield self.finding(
                f"The {language_name(lang)} {block.role} has a sentence copied untranslated "
                f"from the {language_name(source_lang)} {block.role}",
                role=block.role,
                langs=(lang, source_lang),
                sentences={lang: (index,), source_lang: (original,)},
                evidence={lang: sentence.text, source_lang: source.sentences[original].text},
                spans=(Span(lang, sentence.start, sentence.end, sentence.text),),
                suggestion=f"Translate the sentence into {language_name(lang)}",
                line=sentence.start_line,
            )

    def _block_copies(self, context: Context) -> Iterator[Finding]:
        for role in _BLOCK_ROLES:
            blocks = [b for b in context.detection.blocks if b.role == role]
            for first, second in combinations(blocks, 2):
                if not is_block_copy(first, second):
                    continue
                # The copy is the block whose label is not in the language of its text.
                original, copy = (second, first) if first.label_lang != first.lang else (first, second)
                slot = copy.label_lang or copy.lang
                yield self.finding(
                    f"The {language_name(slot)} {role} (label '{copy.label}') is an untranslated copy "
                    f"of the {language_name(original.label_lang or original.lang)} {role}",
                    role=role,
                    langs=(slot, original.label_lang or original.lang),
                    evidence={slot: copy.text[:200]},
                    suggestion=f"Translate the {role} into {language_name(slot)}",
                    line=copy.start_line,
                )


def is_block_copy(original: Block, copy: Block) -> bool:
    """Two blocks under labels of different languages holding the same text in one language.

    ``original`` and ``copy`` may come in either order: which is which is decided by the caller.
    """
    return (
        original.label_lang is not None
        and copy.label_lang is not None
        and original.label_lang != copy.label_lang
        and original.lang == copy.lang
        and similarity(original.text, copy.text) >= COPY_SIMILARITY
        # A list of acronyms and names ("COVID-19, SARS-CoV-2, WHO") is the same in every language.
        and confident_language(copy.text) == original.lang
    )
