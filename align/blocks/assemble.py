"""Turn the paragraphs of one block into a ``Block``: text, language, sentences, keywords."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from align.blocks.labels import LabelMatch
from align.langid import LangGuess, identify
from align.langid.confident import confident_language
from align.model import Block, Paragraph, Sentence, line_at
from align.segment import split_sentences


def build_block(
    paragraphs: Sequence[Paragraph],
    role: str,
    *,
    label: LabelMatch | None = None,
    label_offset: int = 0,
    label_lang: str | None = None,
) -> Block:
    """One block from consecutive paragraphs; the first is read from ``label_offset`` on."""
    text, line_map = _join(paragraphs, label_offset)
    guess = identify(_case_for_identification(text))
    sentences: tuple[Sentence, ...] = ()
    keywords: tuple[str, ...] = ()
    if role == "keywords":
        keywords = tuple(split_keywords(text))
        guess = _label_language(guess, label.lang if label else label_lang) or guess
    elif role == "title":
        sentences = (Sentence(text=text, start=0, end=len(text), start_line=line_at(line_map, 0, 0)),)
    else:
        sentences = tuple(
            Sentence(text=text[start:end], start=start, end=end, start_line=line_at(line_map, start, 0))
            for start, end in split_sentences(text, guess.lang)
        )
        guess = _majority_language(sentences) or guess
    return Block(
        lang=guess.lang,
        script=guess.script,
        role=role,
        text=text,
        start_line=line_at(line_map, 0, 0),
        end_line=paragraphs[-1].end_line,
        label=label.label if label else None,
        label_lang=label.lang if label else label_lang,
        sentences=sentences,
        keywords=keywords,
        lang_confidence=guess.confidence,
    )


# Scripts each label language is written in (Kazakh in Cyrillic or in the Latin alphabets).
_SCRIPTS = {"en": {"latn"}, "ru": {"cyrl"}, "kk": {"cyrl", "latn"}}
# Below this a keyword list's language is too uncertain to overrule its label.
_KEYWORDS_OVERRULE_LABEL = 0.95


def _label_language(guess: LangGuess, label_lang: str | None) -> LangGuess | None:
    """A keyword list of names ("Назарбаев, Тоқаев, Астана") is told apart by its label, not its text.

    The text wins when it is certain, or written in a script the label's language does not use.
    """
    if label_lang not in _SCRIPTS or label_lang == guess.lang or guess.confidence >= _KEYWORDS_OVERRULE_LABEL:
        return None
    if guess.script not in _SCRIPTS[label_lang]:
        return None
    return LangGuess(lang=label_lang, script=guess.script, confidence=guess.confidence)


def _majority_language(sentences: Sequence[Sentence]) -> LangGuess | None:
    """The language most of the sentences are in, by characters, when it differs from the whole text's.

    One whole-text judgement can be tipped by a pasted sentence in another language (a Kazakh
    sentence left in a Russian abstract made the block Kazakh); counting sentence by sentence cannot.
    """
    if len(sentences) < 2:
        return None
    judged = [(sentence.text, confident_language(sentence.text)) for sentence in sentences]
    weights: Counter[str] = Counter()
    for text, lang in judged:
        if lang is not None:
            weights[lang] += len(text)
    if not weights:
        return None
    lang, weight = weights.most_common(1)[0]
    if weight * 2 <= sum(weights.values()):
        return None
    return identify(" ".join(text for text, found in judged if found == lang))


def _join(paragraphs: Sequence[Paragraph], label_offset: int) -> tuple[str, list[tuple[int, int]]]:
    """Paragraph texts joined by newlines, with a map from offsets in the result to source lines."""
    parts: list[str] = []
    line_map: list[tuple[int, int]] = []
    offset = 0
    for position, paragraph in enumerate(paragraphs):
        skip = label_offset if position == 0 else 0
        raw = paragraph.text[skip:]
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if not body:
            continue
        if parts:
            parts.append("\n")
            offset += 1
        local_map = paragraph.line_map or ((0, paragraph.start_line),)
        start = skip + lead
        line_map.append((offset, paragraph.line_at(start)))
        line_map.extend((offset + o - start, line) for o, line in local_map if start < o < start + len(body))
        parts.append(body)
        offset += len(body)
    return "".join(parts), line_map


def _case_for_identification(text: str) -> str:
    """Titles in capitals read better lower-cased: detectors are trained on ordinary text."""
    letters = "".join(filter(str.isalpha, text))  # filter and map: no Python call per character
    if letters and sum(map(str.isupper, letters)) / len(letters) > 0.6:
        return text.lower()
    return text


def split_keywords(text: str) -> list[str]:
    """Keywords split on ``;`` and ``,`` (also bullets, or spaced slashes when there is nothing else),
    never inside brackets; the final period dropped."""
    items: list[str] = []
    depth = 0
    current: list[str] = []
    bare = _outside_brackets(text)
    if not any(separator in bare for separator in ";,") and " / " in bare:
        text = text.replace(" / ", ";")  # "НАУЧНЫЕ КАДРЫ / АСПИРАНТУРА" (as CyberLeninka lists them)
        bare = _outside_brackets(text)
    # "a; b, c; d": when semicolons carry the list, commas belong to the items.
    separators = ";" if bare.count(";") >= max(bare.count(","), 1) else ";,•·"
    for char in text:
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth = max(depth - 1, 0)
        if depth == 0 and char in separators:
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    items.append("".join(current))
    cleaned = (_clean_keyword(item) for item in items)
    return [item for item in cleaned if item]


def _outside_brackets(text: str) -> str:
    return re.sub(r"\([^()]*\)|\[[^\[\]]*\]", "", text)


def _clean_keyword(item: str) -> str:
    item = " ".join(item.split()).strip(" *_")
    return item.rstrip(".").strip()
