"""Language identification for English, Kazakh and Russian front matter.

``identify`` decides between en, kk and ru, Kazakh written in Cyrillic or in any of the three
official Latin alphabets included. A text that is clearly some other language (a French sentence
left in the Russian abstract) gets that language's code, and a text without letters gets "und".

How: py3langid's naive Bayes model gives calibrated probabilities over 140 languages. For Cyrillic
text we compare kk with ru and add the evidence of Kazakh letters and frequent words, weighing a
capitalised word (possibly a Kazakh name in a Russian sentence) less than a lowercase one. For Latin
text we read the text back into Cyrillic as if it were Kazakh Latin and ask the model whether that is
Kazakh, adding the letters that mark Kazakh Latin and subtracting those no Kazakh alphabet has.
Only when neither of our languages wins do we return the best of a wider set of languages.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from align.langid import _letters, _model
from align.langid.translit import kazakh_cyrillic_to_latin_2021

__all__ = ["LangGuess", "identify", "is_kazakh_latin", "kazakh_cyrillic_to_latin_2021"]


@dataclass(frozen=True)
class LangGuess:
    """``lang``: "en", "kk", "ru", another ISO 639-1 code, or "und"; ``script``: "latn", "cyrl" or "und"."""

    lang: str
    script: str
    confidence: float


UNDETERMINED = LangGuess("und", "und", 0.0)

# Other languages we name when a text is clearly one of them rather than ours: European languages
# and our neighbours. Left out: lesser-resourced classes of the model (Nigerian Pidgin, Javanese,
# Indonesian, Latin...), which win short English headlines by noise, and Turkmen and Crimean Tatar,
# which is what Kazakh Latin looks like to the model.
_WIDER_CYRILLIC = ("uk", "be", "bg", "mk", "sr", "ky", "tt", "ba", "mn", "tg")
_WIDER_LATIN = (
    "fr", "de", "es", "it", "pt", "nl", "pl", "cs", "sk", "sl", "hr", "ro", "hu", "fi", "sv", "da",
    "no", "et", "lv", "lt", "tr", "az", "uz", "ca",
)  # fmt: skip
_CYRILLIC_LANGS = ("kk", "ru", *_WIDER_CYRILLIC)
_LATIN_LANGS = ("en", *_WIDER_LATIN)

# Weights of the evidence, in log-odds units (natural log) added to the model's log-odds.
_LOGIT_CLIP = 6.0
_KAZAKH_WORD = 3.0  # a lowercase word with a Kazakh letter
_KAZAKH_NAME = 1.0  # a capitalised one
_FUNCTION_WORD = 2.0
_LATIN_KAZAKH_LETTER = 2.0
_LATIN_TURKIC_LETTER = 1.0
_LATIN_FOREIGN = 2.0
# Another language is named when ours are at most this probable (over ours and the wider set) and
# it is at least this probable: (ours, other) for a text of _SENTENCE_WORDS words or more, and for less.
_SENTENCE_WORDS = 4
_SENTENCE_THRESHOLDS = (0.05, 0.5)
_FEW_WORDS_THRESHOLDS = (0.005, 0.9)
# Which of the Kazakh letters ә ғ қ ң ө ұ ү һ і the wider Cyrillic languages write.
_KAZAKH_LETTERS_IN = {
    "uk": frozenset("і"), "be": frozenset("і"), "ky": frozenset("ңөү"), "tt": frozenset("әңөүһ"),
    "ba": frozenset("әғңөүһ"), "mn": frozenset("өү"), "tg": frozenset("ғқ"),
}  # fmt: skip
# A text mixing scripts is Cyrillic when at least a third of its words are: Russian and Kazakh
# sentences name English companies and people in Latin letters, English rarely quotes Cyrillic.
_CYRILLIC_WORD_SHARE = 1 / 3


def _logit(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return max(-_LOGIT_CLIP, min(_LOGIT_CLIP, math.log(p / (1 - p))))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def _other_language(text: str, probs: dict[str, float], ours: tuple[str, ...], wider: tuple[str, ...]) -> str | None:
    """The likeliest language of ``wider`` if the model gives ``ours`` next to nothing beside it.

    The best need not be certain on a sentence, related languages (bg/mk, tr/az, tt/ba) share the
    probability; on a few words the model is noisier and must be surer. A language that lacks a
    Kazakh letter of the text cannot be its language.
    """
    kazakh_letters = _letters.KAZAKH_CYRILLIC_LETTERS & set(text.lower())
    candidates = [lang for lang in wider if not kazakh_letters - _KAZAKH_LETTERS_IN.get(lang, frozenset())]
    if not candidates:
        return None
    pool = _model.restricted(probs, ours + wider)
    best = max(candidates, key=pool.__getitem__)
    ours_max, other_min = (
        _SENTENCE_THRESHOLDS if len(_letters.words(text)) >= _SENTENCE_WORDS else _FEW_WORDS_THRESHOLDS
    )
    if pool[best] >= other_min and sum(pool[lang] for lang in ours) <= ours_max:
        return best
    return None


def _kazakh_cyrillic_log_odds(text: str, probs: dict[str, float]) -> float:
    evidence = _letters.cyrillic_evidence(text)
    # The model is asked without the names, whose Kazakh letters would speak for Kazakh twice.
    if evidence.without_names != text and _letters.count_scripts(evidence.without_names).cyrillic:
        probs = _model.probabilities(evidence.without_names)
    kk_vs_ru = _model.restricted(probs, ("kk", "ru"))
    return (
        _logit(kk_vs_ru["kk"])
        + _KAZAKH_WORD * evidence.kazakh_letter_words
        + _KAZAKH_NAME * evidence.kazakh_letter_names
        + _FUNCTION_WORD * (evidence.kazakh_function_words - evidence.russian_function_words)
    )


def _identify_cyrillic(text: str, probs: dict[str, float]) -> LangGuess:
    z = _kazakh_cyrillic_log_odds(text, probs)
    lang = "kk" if z > 0 else "ru"
    other = _other_language(text, probs, (lang,), _WIDER_CYRILLIC)
    if other is not None:
        return LangGuess(other, "cyrl", _model.restricted(probs, (lang, *_WIDER_CYRILLIC))[other])
    return LangGuess(lang, "cyrl", _sigmoid(abs(z)))


def _kazakh_latin_log_odds(text: str, probs: dict[str, float]) -> float:
    evidence = _letters.latin_evidence(text)
    if not evidence.words:
        return -_LOGIT_CLIP
    # The model's confidence in a Latin language it knows speaks against Kazakh: Turkish, German
    # and Spanish share letters with Kazakh Latin, but the model is certain about them.
    known_latin = max(0.0, _logit(max(_model.restricted(probs, _LATIN_LANGS).values())))
    letters_and_words = (
        _LATIN_KAZAKH_LETTER * evidence.kazakh_letter_words
        + _LATIN_TURKIC_LETTER * evidence.turkic_letter_words
        - _LATIN_FOREIGN * evidence.foreign_words
        + _FUNCTION_WORD * (evidence.kazakh_function_words - evidence.english_function_words)
        - known_latin
    )
    if letters_and_words + _LOGIT_CLIP <= 0:
        return letters_and_words  # not Kazakh whatever the read-back says: spare the second model call
    read_back = _model.restricted(_model.probabilities(evidence.as_cyrillic), _CYRILLIC_LANGS)
    return _logit(read_back["kk"]) + letters_and_words


def _identify_latin(text: str, probs: dict[str, float]) -> LangGuess:
    z = _kazakh_latin_log_odds(text, probs)
    if z > 0:
        return LangGuess("kk", "latn", _sigmoid(z))
    other = _other_language(text, probs, ("en",), _WIDER_LATIN)
    pool = _model.restricted(probs, _LATIN_LANGS)
    if other is not None:
        return LangGuess(other, "latn", pool[other])
    # Not Kazakh (by z) and not clearly another language (by the model): as sure as the lesser.
    return LangGuess("en", "latn", min(_sigmoid(-z), 1.0 - max(pool[lang] for lang in _WIDER_LATIN)))


# The block finder asks about the same text more than once (a paragraph, then the block it opens) and
# the rules ask about the sentences the block finder judged: a guess is kept rather than recomputed.
@lru_cache(maxsize=4096)
def identify(text: str) -> LangGuess:
    """The language and script of ``text``; see the module docstring for how it is decided."""
    text = _letters.normalize(text)
    marked = _letters.mark_scripts(text)
    counts = _letters.count_scripts(text, marked)
    if counts.total == 0:
        return UNDETERMINED
    probs = _model.probabilities(text)
    if counts.other > counts.latin + counts.cyrillic:
        best = max(probs, key=probs.__getitem__)
        return LangGuess(best, "und", probs[best])
    script_words = _letters.count_script_words(text, marked)
    if script_words.cyrillic and script_words.cyrillic >= _CYRILLIC_WORD_SHARE * script_words.total:
        return _identify_cyrillic(text, probs)
    return _identify_latin(text, probs)


def is_kazakh_latin(text: str) -> bool:
    """True when ``text`` is Kazakh written in one of the Latin alphabets (2017, 2018 or 2021)."""
    guess = identify(text)
    return guess.lang == "kk" and guess.script == "latn"
