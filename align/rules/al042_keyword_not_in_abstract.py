import re
from collections.abc import Iterator
from functools import lru_cache
from typing import ClassVar

from align.model import Block
from align.rules.base import Context, Finding, Rule, Severity, Span
from align.rules.names import language_name
from align.rules.textspans import keyword_offsets
from align.terms.morph import phrase_keys, tokenize

# Function words a keyword phrase may contain that need not occur in the abstract.
_STOP_WORDS = {
    "en": frozenset("a an and as at by for from in of on or the to with".split()),
    "kk": frozenset("және мен пен бен мен үшін немесе".split()),
    "ru": frozenset("а в во для и из или к на о об от по при с со".split()),
}
_HYPHENS = re.compile(r"[-‐‑]")
# A word also occurs when a text word shares its first letters (политика ~ политических,
# cooperation ~ cooperative): derivations the lemmatiser and suffix stripper do not join.
_PREFIX = {"en": 6, "kk": 5, "ru": 5}


class KeywordNotInAbstract(Rule):
    """A keyword does not occur in its language's title or abstract, though its translation does.

    ## What it does
    Looks for each keyword in the title and abstract of the same language, word by word and
    up to inflection: English words lowercased with plural and possessive endings removed,
    Russian words by their pymorphy3 lemmas, Kazakh words by their stripped case, possessive
    and plural endings, and in all three a shared prefix (6 letters in English, 5 in Kazakh and
    Russian) for derived words. Function words (*of*, *и*, *және*) need not occur.

    By default (``only_when_counterpart_occurs = True``) a keyword is reported only when a
    keyword aligned with it in another language does occur in that language's title or
    abstract: keywords broader than the abstract are common and deliberate, but one that the
    abstract uses in one language and not in another points at a term translated two different
    ways. Setting the class attribute to ``False`` (configuration may do so) reports every
    keyword missing from its own abstract.

    ## Why is this bad?
    Keywords should name what the abstract is about, in the words the abstract uses. When the
    English abstract says *diplomacy* and lists it as a keyword, but the Russian abstract calls
    it *внешняя политика* while the Russian keyword is *дипломатия*, a reader and an index see
    two different terms for one concept.

    ## Example
    ```text
    Abstract. … the role of diplomacy in regional integration …
    Keywords: diplomacy, integration
    Аннотация. … роль внешней политики в региональной интеграции …
    Ключевые слова: дипломатия, интеграция
    ```

    ## Use instead
    ```text
    Аннотация. … роль дипломатии в региональной интеграции …
    Ключевые слова: дипломатия, интеграция
    ```
    """

    code = "AL042"
    name = "keyword-not-in-abstract"
    severity = Severity.info

    only_when_counterpart_occurs: ClassVar[bool] = True

    def check(self, context: Context) -> Iterator[Finding]:
        keyword_blocks = {lang: b for lang, b in context.blocks("keywords").items() if b.keywords}
        texts = {lang: _front_text(context, lang) for lang in keyword_blocks}
        occurs = {
            lang: [_occurs(keyword, texts[lang], lang) for keyword in block.keywords]
            for lang, block in keyword_blocks.items()
            if texts[lang]
        }
        role_alignment = context.alignments.get("keywords")
        triples = role_alignment.alignment.triples if role_alignment else []
        for lang, found in occurs.items():
            block = keyword_blocks[lang]
            offsets = keyword_offsets(block)
            for index, present in enumerate(found):
                if present:
                    continue
                witnesses = _counterparts_that_occur(triples, lang, index, occurs)
                if self.only_when_counterpart_occurs and not witnesses:
                    continue
                keyword = block.keywords[index]
                start, end = offsets[index]
                name = language_name(lang)
                message = f"The {name} keyword '{keyword}' does not occur in the {name} title or abstract"
                evidence = {lang: keyword}
                if witnesses:
                    other, other_index = witnesses[0]
                    other_keyword = keyword_blocks[other].keywords[other_index]
                    message += f", while its {language_name(other)} counterpart '{other_keyword}' does"
                    evidence[other] = other_keyword
                yield self.finding(
                    message,
                    role="keywords",
                    langs=(lang, *(other for other, _ in witnesses)),
                    sentences={lang: (index,)},
                    evidence=evidence,
                    spans=(Span(lang, start, end, block.text[start:end]),),
                    line=block.start_line,
                )


def _front_text(context: Context, lang: str) -> str:
    blocks: list[Block | None] = [context.block(lang, "title"), context.block(lang, "abstract")]
    return "\n".join(block.text for block in blocks if block is not None)


def _counterparts_that_occur(triples, lang: str, index: int, occurs: dict[str, list[bool]]) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    """Keywords aligned with keyword ``index`` of ``lang`` that occur in their own abstract."""
    for triple in triples:
        if index not in getattr(triple, lang):
            continue
        return [
            (other, other_index)
            for other, found in occurs.items()
            if other != lang
            for other_index in getattr(triple, other)
            if found[other_index]
        ]
    return []


def _occurs(keyword: str, text: str, lang: str) -> bool:
    """Whether every content word of ``keyword`` occurs in ``text`` (see the class docstring)."""
    keys, prefixes = _text_index(text, lang)
    width = _PREFIX.get(lang, 5)
    stop_words = _STOP_WORDS.get(lang, frozenset())
    words = [token.core for token in tokenize(keyword, lang)]
    content = [(word, key_set) for word, key_set in zip(words, phrase_keys(keyword, lang), strict=True)]
    content = [(word, key_set) for word, key_set in content if word.lower() not in stop_words]
    return all(
        bool(key_set & keys) or (len(word) >= width and _prefix(word, width) in prefixes) for word, key_set in content
    )


@lru_cache(maxsize=64)
def _text_index(text: str, lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """All word keys of ``text`` and the prefixes of its words."""
    # The parts of hyphenated words count too: keyword "Франциско", text "Сан-Франциско".
    parts = " ".join(_HYPHENS.split(" ".join(token.core for token in tokenize(text, lang))))
    keys = frozenset().union(*phrase_keys(text, lang), *phrase_keys(parts, lang))
    prefixes = frozenset(_prefix(word, _PREFIX.get(lang, 5)) for word in (parts.split()))
    return keys, prefixes


def _prefix(word: str, width: int) -> str:
    return word.lower().replace("ё", "е")[:width]
