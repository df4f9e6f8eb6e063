"""Evidence from letters and words: scripts, Kazakh letters, Kazakh Latin spellings, function words.

The statistical model sees character n-grams; these facts are sharper than that on short strings
(a word with қ or ң is Kazakh or a Kazakh name), and they carry what the model cannot know at all
(it was trained on Cyrillic Kazakh only, so Latin Kazakh reads to it as Turkmen or Crimean Tatar).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_APOSTROPHES = "'’ʼ`"
# A word may hold apostrophes (don't, Respy'blikasy, kristaldardyn'): 2017 Kazakh Latin needs them.
_WORD = re.compile(rf"[^\W\d_]+(?:[{_APOSTROPHES}][^\W\d_]+)*[{_APOSTROPHES}]?")


def _word_set(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# Letters of the Kazakh Cyrillic alphabet that Russian lacks. і is shared with Ukrainian and
# Belarusian, ң ө ү with Kyrgyz, ә һ with Tatar: the wider model settles those languages.
KAZAKH_CYRILLIC_LETTERS = frozenset("әғқңөұүһі")

# Case and possessive endings that put a Kazakh letter into a foreign name: Трамптың, Каваноға,
# Кореяның, Парижде(гі).
_KAZAKH_CASE_ENDING = re.compile(r"(?:[нтд][ыі]ң|[ғқ][аы]|[гк]і|[дт][аеы]ғы|[дт]егі|[сндтл]і|ның|нің)$")

# Frequent Kazakh and Russian words spelled without the letters above, so that short fragments of
# names and loanwords still have something to go on. Words shared by both languages (да, он, та, те)
# are left out on purpose.
KAZAKH_FUNCTION_WORDS = _word_set(
    "мен пен бен деп деген деді дейді ол олар оны оның осы сол соны ал егер немесе туралы бойынша "
    "былай тек неге мырза ханым жыл жылы жылдың болып болды болса болатын бар емес еді онда сонда "
    "сонымен дегенмен бері сондай атты алды берді келді жаста жасар жерде ретінде"
)
RUSSIAN_FUNCTION_WORDS = _word_set(
    "и в на не с что по как от за из для это он она они его ее её но а к у о так же был была было "
    "были при после во со до который которая которые также уже только или бы еще ещё чем где когда "
    "все всё этот эта этого году года сказал заявил будет может их ему"
)
ENGLISH_FUNCTION_WORDS = _word_set(
    "the and of to in is was he she it that for on with as at by from his her they we be are were "
    "has have had not this an or but said will would who which there their been its after than "
    "also about when"
)

# Kazakh Latin, three official alphabets:
#   2017 (decree of 26 October 2017): apostrophes — a' g' i' n' o' s' c' u' y' for ә ғ и/й ң ө ш ч ү у;
#   2018 (decree of 19 February 2018): acutes — á ǵ ń ó ú ý for ә ғ ң ө ү у, ı for и/й, sh ch;
#   2021 (presented 28 January 2021): ä ğ ñ ö ū ü ı ş (ç), see translit.py.
# Letters that mark a word as Kazakh Latin come in two strengths. Kazakh letters proper: q (but not
# the "qu" + vowel of English and Romance words), ñ, ū, and 2018's ǵ ń; each is shared with few of
# the languages we meet (q with Uzbek and Azerbaijani, ñ with Spanish, ū with Latvian). Turkic
# letters: ä ğ ı ş ö ü, 2018's á ó ú ý ı, which Turkish, German, Spanish... have as well.
_Q = re.compile(r"q(?!u[aeiouy])")
_KAZAKH_LETTERS_2021 = re.compile(rf"[ñū]|{_Q.pattern}")
_TURKIC_LETTERS_2021 = re.compile(r"[äğıöşü]")
_KAZAKH_LETTERS_2018 = re.compile(rf"[ǵń]|{_Q.pattern}")
_TURKIC_LETTERS_2018 = re.compile(r"[áóúýı]")
# An apostrophe after one of the 2017 letters, except in English contractions, possessives and
# names: n't, 's, 're, 've, 'll, 'd, 'm, a trailing s', O' before a capital (O'Brien), o'clock.
# The exceptions are matched first so that the pair group stays empty for them.
_PAIR_2017 = re.compile(
    rf"\b[oO][{_APOSTROPHES}](?:[A-Z]|clock)"
    rf"|[^\W\d_][{_APOSTROPHES}](?:[tTsSdDmM]|re|RE|ve|VE|ll|LL)\b(?![{_APOSTROPHES}])"
    rf"|[sS][{_APOSTROPHES}](?![^\W\d_])"
    rf"|(?P<pair>[agnouyiscAGNOUYISC][{_APOSTROPHES}])"
)
_ONLY_2021 = frozenset("äğñūş")
_ONLY_2018 = frozenset("áǵńóúý")
# Letters that no Kazakh Latin alphabet uses (ç only for ч in loanwords): a word containing one is
# English, Turkish, French... c is in none of them except 2018's "ch", and sh/ch are 2018 only.
_FOREIGN = re.compile(r"[cwxçéèêëàâãåæíìîïòôõøœùûßčšžřěůłąęśźżőűəʻ]")
_FOREIGN_2018 = re.compile(r"[wxçéèêëàâãåæíìîïòôõøœùûßčšžřěůłąęśźżőűəʻ]|c(?!h)")
_DIGRAPHS_2018 = re.compile(r"sh|ch")

_LATIN_2018_TO_2021 = str.maketrans(
    {"á": "ä", "ǵ": "ğ", "ń": "ñ", "ó": "ö", "ú": "ü", "ý": "u", "u": "ū", "ı": "i", "i": "ı"}
)
_LATIN_2017_PAIRS = {"a": "ä", "g": "ğ", "i": "i", "n": "ñ", "o": "ö", "s": "ş", "c": "ç", "u": "ü", "y": "u"}
_LATIN_2017_BARE = str.maketrans({"u": "ū", "i": "ı"})

_LATIN_2021_TO_CYRILLIC = str.maketrans(
    {
        "a": "а", "ä": "ә", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "ğ": "ғ", "h": "х",
        "ı": "і", "i": "и", "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н", "ñ": "ң", "o": "о", "ö": "ө",
        "p": "п", "q": "қ", "r": "р", "s": "с", "ş": "ш", "t": "т", "u": "у", "ū": "ұ", "ü": "ү",
        "v": "в", "y": "ы", "z": "з", "ç": "ч", "c": "ц", "w": "у", "x": "кс",
    }
)  # fmt: skip
_VOWELS_2021 = "aäeıioöuūüy"
_I_AFTER_VOWEL = re.compile(rf"(?<=[{_VOWELS_2021}])i")


def normalize(text: str) -> str:
    """NFC, so that a letter typed as base + combining accent is one character."""
    return unicodedata.normalize("NFC", text)


def lower(text: str) -> str:
    # "İ".lower() is "i" + combining dot; Kazakh 2021 and Turkish İ is plain dotted i.
    return text.replace("İ", "i").lower()


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@dataclass(frozen=True)
class ScriptCounts:
    latin: int
    cyrillic: int
    other: int

    @property
    def total(self) -> int:
        return self.latin + self.cyrillic + self.other


_LETTER = re.compile(r"[^\W\d_]")
_LATIN_LETTER = re.compile(r"[A-Za-zªºÀ-ÖØ-öø-ɏḀ-ỿ]")
_CYRILLIC_LETTER = re.compile(r"[Ѐ-ҁҊ-ԯ]")


# Stand-ins for a letter of each script: none of them is a letter, so each pattern leaves the others' alone.
_LATIN_MARK, _CYRILLIC_MARK, _OTHER_MARK = "\x01", "\x02", "\x03"


def mark_scripts(text: str) -> str:
    """``text`` with each letter replaced by the mark of its script (same length, so offsets hold).

    Letters are then counted with ``str.count``, over the text or a word of it: regular expressions
    over each word were the slowest part of identifying a text, a loop over characters is slower still.
    """
    marked = _LATIN_LETTER.sub(_LATIN_MARK, text)
    marked = _CYRILLIC_LETTER.sub(_CYRILLIC_MARK, marked)
    return _LETTER.sub(_OTHER_MARK, marked)


def _count_marks(marked: str) -> ScriptCounts:
    return ScriptCounts(marked.count(_LATIN_MARK), marked.count(_CYRILLIC_MARK), marked.count(_OTHER_MARK))


def count_scripts(text: str, marked: str | None = None) -> ScriptCounts:
    """Letters of ``text`` by script; ``marked``: ``mark_scripts(text)`` when the caller has it already."""
    marked = mark_scripts(text) if marked is None else marked
    in_text = _count_marks(text)  # the mark characters themselves may be in the text (rarely)
    in_marked = _count_marks(marked)
    return ScriptCounts(
        in_marked.latin - in_text.latin, in_marked.cyrillic - in_text.cyrillic, in_marked.other - in_text.other
    )


def count_script_words(text: str, marked: str | None = None) -> ScriptCounts:
    """How many words are mostly Latin, mostly Cyrillic, mostly in another script.

    ``marked``: ``mark_scripts(text)`` when the caller has it already.
    """
    marked = mark_scripts(text) if marked is None else marked
    latin = cyrillic = other = 0
    for match in _WORD.finditer(text):  # a word holds letters and apostrophes only: no mark of its own
        word = marked[match.start() : match.end()]
        latin_letters, cyrillic_letters = word.count(_LATIN_MARK), word.count(_CYRILLIC_MARK)
        other_letters = word.count(_OTHER_MARK)
        if cyrillic_letters > latin_letters and cyrillic_letters >= other_letters:
            cyrillic += 1
        elif latin_letters >= other_letters:
            latin += 1
        else:
            other += 1
    return ScriptCounts(latin, cyrillic, other)


@dataclass(frozen=True)
class CyrillicEvidence:
    """Word counts for the Kazakh-or-Russian decision."""

    words: int
    kazakh_letter_words: int  # lowercase words with a Kazakh letter: Kazakh for certain
    kazakh_letter_names: int  # capitalised ones: Kazakh words, or Kazakh names in a Russian text
    kazakh_function_words: int
    russian_function_words: int
    without_names: str  # the text without the capitalised words with Kazakh letters


def cyrillic_evidence(text: str) -> CyrillicEvidence:
    cyrillic_words = [w for w in words(text) if _CYRILLIC_LETTER.search(w)]
    letter_words = [w for w in cyrillic_words if KAZAKH_CYRILLIC_LETTERS & set(w.lower())]
    # A capitalised word may be a name, and a Kazakh name says nothing about the language around it;
    # but the first word is capitalised by grammar, and a Kazakh case ending (Трамптың) is Kazakh.
    names = {
        w
        for w in letter_words
        if w[0].isupper() and w != cyrillic_words[0] and not _KAZAKH_CASE_ENDING.search(w.lower())
    }
    if text.isupper():  # a title in capitals has no names to tell apart
        names = set()
    lowered = [w.lower() for w in cyrillic_words]
    return CyrillicEvidence(
        words=len(cyrillic_words),
        kazakh_letter_words=sum(w not in names for w in letter_words),
        kazakh_letter_names=sum(w in names for w in letter_words),
        kazakh_function_words=sum(w in KAZAKH_FUNCTION_WORDS for w in lowered),
        russian_function_words=sum(w in RUSSIAN_FUNCTION_WORDS for w in lowered),
        without_names=_WORD.sub(lambda m: "" if m.group() in names else m.group(), text) if names else text,
    )


@dataclass(frozen=True)
class LatinEvidence:
    """What the Latin letters say about Kazakh, in whichever official alphabet the text uses."""

    alphabet: str  # "2021", "2018" or "2017"
    words: int
    kazakh_letter_words: int  # words with a Kazakh letter proper (or a 2017 apostrophe pair)
    turkic_letter_words: int  # other words with a letter of Kazakh Latin shared with Turkish, German...
    foreign_words: int  # words with a letter no Kazakh Latin alphabet has
    english_function_words: int
    kazakh_function_words: int
    as_cyrillic: str  # the text read back into Kazakh Cyrillic, for the model


def _kazakh_pairs(text: str) -> list[re.Match[str]]:
    """2017-alphabet letter + apostrophe pairs in ``text`` (case kept: O'Brien is told apart by it)."""
    return [m for m in _PAIR_2017.finditer(text) if m.group("pair")]


def _latin_alphabet(text: str) -> str:
    letters = set(lower(text))
    if _ONLY_2021 & letters:
        return "2021"
    if _ONLY_2018 & letters:
        return "2018"
    if _kazakh_pairs(text):
        return "2017"
    return "2021"


def _to_2021(text: str, alphabet: str) -> str:
    """``text`` in lowercase 2021 spelling, whichever Kazakh Latin alphabet it was written in."""
    if alphabet == "2018":
        return lower(text).replace("sh", "ş").replace("ch", "ç").translate(_LATIN_2018_TO_2021)
    if alphabet == "2017":
        out: list[str] = []
        position = 0
        for match in _kazakh_pairs(text):
            out.append(lower(text[position : match.start()]).translate(_LATIN_2017_BARE))
            out.append(_LATIN_2017_PAIRS[match.group("pair")[0].lower()])
            position = match.end()
        out.append(lower(text[position:]).translate(_LATIN_2017_BARE))
        return "".join(out)
    return lower(text)


def latin_to_cyrillic(latin_2021: str) -> str:
    """Read 2021 Latin back into Cyrillic; i after a vowel is й, elsewhere и."""
    return _I_AFTER_VOWEL.sub("й", latin_2021).translate(_LATIN_2021_TO_CYRILLIC)


def latin_evidence(text: str) -> LatinEvidence:
    alphabet = _latin_alphabet(text)
    latin_words = [w for w in words(text) if _LATIN_LETTER.search(w)]
    lowered_words = [lower(w) for w in latin_words]
    if alphabet == "2017":
        kazakh = [bool(_kazakh_pairs(w) or _Q.search(lw)) for w, lw in zip(latin_words, lowered_words, strict=True)]
        turkic = [False] * len(kazakh)
    else:
        kazakh_letters, turkic_letters = (
            (_KAZAKH_LETTERS_2018, _TURKIC_LETTERS_2018)
            if alphabet == "2018"
            else (_KAZAKH_LETTERS_2021, _TURKIC_LETTERS_2021)
        )
        kazakh = [bool(kazakh_letters.search(w)) for w in lowered_words]
        turkic = [not k and bool(turkic_letters.search(w)) for k, w in zip(kazakh, lowered_words, strict=True)]
    # Names keep their own spelling in any language (CNN, Sainsbury's): only common words count.
    common_words = [
        lw
        for i, (w, lw) in enumerate(zip(latin_words, lowered_words, strict=True))
        if i == 0 or w.islower() or text.isupper()
    ]
    if alphabet == "2018":
        foreign_words = sum(bool(_FOREIGN_2018.search(w)) for w in common_words)
    else:
        foreign_words = sum(bool(_FOREIGN.search(w) or _DIGRAPHS_2018.search(w)) for w in common_words)
    as_cyrillic = latin_to_cyrillic(_to_2021(text, alphabet))
    return LatinEvidence(
        alphabet=alphabet,
        words=len(latin_words),
        kazakh_letter_words=sum(kazakh),
        turkic_letter_words=sum(turkic),
        foreign_words=foreign_words,
        english_function_words=sum(w in ENGLISH_FUNCTION_WORDS for w in lowered_words),
        kazakh_function_words=sum(w in KAZAKH_FUNCTION_WORDS for w in words(as_cyrillic)),
        as_cyrillic=as_cyrillic,
    )
