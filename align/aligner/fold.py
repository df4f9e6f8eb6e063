"""A folded Latin matching key shared by English, Kazakh and Russian text.

The key is not a transliteration meant for reading (``align.langid.translit`` does that): it throws
away the distinctions that differ between the three spellings of one name or cognate, so that
*Қазақстан*, *Казахстан*, *Kazakhstan* and *Qazaqstan* all become ``kazakstan``.  Character
n-grams of these keys are what the aligner compares across scripts.

Folding steps (each one was kept because it raised within-document retrieval of translations on
NTREX-128, see docs/decisions.md "Folded matching key"):

1. lower-case, Cyrillic (Russian and Kazakh letters) to a plain Latin spelling, Latin diacritics
   stripped (so the 2021 Kazakh Latin alphabet, ``Şymkent``, ``Ñ``, ``Ä``, folds too);
2. digraphs that stand for one sound: ``shch/sh → s``, ``ch → c``, ``dzh/zh → j``, ``kh → k``,
   ``ph → f``, ``th → t``, ``ts → s``;
3. single letters: ``q → k``, ``c → k`` (``s`` before ``e/i/y``), ``w → v``, ``x → ks``, ``y → i``,
   ``h`` dropped (English *h* is Russian *х* or *г*);
4. the Greek/Latin ``eu/au`` that Russian writes ``ев/ав`` become ``ev/av``;
5. runs of one letter collapse (``Cornell`` / ``Корнелл`` → ``kornel``).

Characters that are neither letters nor digits become a single space.
"""

from __future__ import annotations

import unicodedata

import numpy as np

# Cyrillic letters straight to the Latin letters the folding keeps (so ж is already "j", not "zh").
_CYRILLIC_TO_LATIN: dict[str, str] = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e",
    "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n",
    "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u",
    "ү": "u", "ф": "f", "х": "k", "һ": "h", "ц": "s", "ч": "c", "ш": "s", "щ": "s", "ъ": "",
    "ы": "i", "і": "i", "ь": "", "э": "e", "є": "e", "ї": "i", "ў": "u", "ı": "i", "ð": "d",
    "þ": "t", "ł": "l", "ø": "o",
}  # fmt: skip
# The few letters spelled with two Latin letters, replaced before the one-letter table.
_MULTI_LETTER: tuple[tuple[str, str], ...] = (("ю", "iu"), ("я", "ia"), ("ß", "ss"), ("æ", "ae"), ("œ", "oe"))

# Latin digraphs that stand for one sound, longest first.
_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("shch", "s"),
    ("dzh", "j"),
    ("sch", "s"),
    ("sh", "s"),
    ("ch", "c"),
    ("zh", "j"),
    ("kh", "k"),
    ("ph", "f"),
    ("th", "t"),
    ("ts", "s"),
    ("ck", "k"),
)  # and x → ks
_LETTERS_AFTER_DIGRAPHS: dict[str, str] = {"q": "k", "c": "k", "w": "v", "y": "i", "h": ""}

_TABLE_SIZE = 0x530  # Basic Latin … Cyrillic Supplement; any other character becomes a space
_SPACE, _NEWLINE = ord(" "), ord("\n")


def _letter(char: str) -> str:
    """The one Latin letter (or digit) of a lower-case character, "" to drop it, " " if no letter."""
    if char in _CYRILLIC_TO_LATIN:
        return _CYRILLIC_TO_LATIN[char]
    if "a" <= char <= "z" or "0" <= char <= "9" or char == "\n":
        return char
    if unicodedata.combining(char):
        return ""
    if not char.isalpha():
        return " "
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)).lower()
    return base if len(base) == 1 and "a" <= base <= "z" else " "


def _byte_table(letters: dict[int, str]) -> np.ndarray:
    """Code point → ASCII byte (0: drop the character)."""
    table = np.zeros(_TABLE_SIZE, np.uint8)
    for code, letter in letters.items():
        table[code] = ord(letter) if letter else 0
    return table


_LATIN_TABLE = _byte_table({code: _letter(chr(code)) for code in range(_TABLE_SIZE)})
_FINAL_TABLE = _byte_table({code: _LETTERS_AFTER_DIGRAPHS.get(chr(code), chr(code)) for code in range(128)})


def _latin_letters(text: str) -> str:
    """Lower-case Latin letters, digits, spaces and newlines of ``text`` (Cyrillic pre-folded)."""
    lowered = text.lower()
    for letter, spelling in _MULTI_LETTER:
        lowered = lowered.replace(letter, spelling)
    codes = np.frombuffer(lowered.encode("utf-32-le"), np.uint32)
    letters = _LATIN_TABLE[np.where(codes < _TABLE_SIZE, codes, _SPACE)]
    return letters[letters != 0].tobytes().decode("ascii")


def _next(codes: np.ndarray, step: int) -> np.ndarray:
    """The code ``step`` places later (a space past the end)."""
    shifted = np.full_like(codes, _SPACE)
    shifted[:-step] = codes[step:]
    return shifted


_SOFTENING = np.zeros(256, bool)
_SOFTENING[list(b"eiy")] = True
_CONSONANT_OR_DIGIT = np.zeros(256, bool)
_CONSONANT_OR_DIGIT[list(b"bcdfghjklmnpqrstvwxyz0123456789")] = True


def _replace_digraphs(codes: np.ndarray) -> np.ndarray:
    """Apply ``_DIGRAPHS`` in order (as successive str.replace would), vectorised over the bytes."""
    for digraph, replacement in _DIGRAPHS:
        pattern = np.frombuffer(digraph.encode("ascii"), np.uint8)
        size = len(pattern)
        count = len(codes) - size + 1
        if count <= 0:
            continue
        match = codes[:count] == pattern[0]
        for k in range(1, size):
            match &= codes[k : k + count] == pattern[k]
        starts = np.flatnonzero(match)
        if not len(starts):
            continue
        # Overlapping matches ("shsh" is two, "sss"-like overlaps are not): keep non-overlapping ones.
        if size > 1 and len(starts) > 1:
            keep = np.concatenate(([True], np.diff(starts) >= size))
            starts = starts[keep]
        codes[starts] = ord(replacement)
        drop = np.zeros(len(codes), bool)
        for k in range(1, size):
            drop[starts + k] = True
        codes = codes[~drop]
    return codes


def _fold_lines(text: str) -> str:
    latin = _latin_letters(text).replace("x", "ks")
    codes = _replace_digraphs(np.frombuffer(latin.encode("ascii"), np.uint8).copy())
    # c is s before e/i/y (Central → sentral, like Центральный), k elsewhere (by the final table).
    codes[(codes == ord("c")) & _SOFTENING[_next(codes, 1)]] = ord("s")
    # eu/au before a consonant are ev/av, as Russian writes them (Europe/Европа, Australia/Австралия).
    after = _next(codes, 1)
    previous = np.concatenate(([_SPACE], codes[:-1]))
    codes[(codes == ord("u")) & ((previous == ord("e")) | (previous == ord("a"))) & _CONSONANT_OR_DIGIT[after]] = ord(
        "v"
    )
    folded = _FINAL_TABLE[codes]
    folded = folded[folded != 0]
    # Collapse runs of one character (double letters, repeated spaces), then trim each line.
    folded = folded[np.concatenate(([True], (folded[1:] != folded[:-1]) | (folded[1:] == _NEWLINE)))]
    is_space = folded == _SPACE
    is_edge = np.concatenate(([True], folded[:-1] == _NEWLINE)) | np.concatenate((folded[1:] == _NEWLINE, [True]))
    return folded[~(is_space & is_edge)].tobytes().decode("ascii")


def fold(text: str) -> str:
    """The folded matching key of ``text``: lower-case ASCII letters, digits and single spaces."""
    return _fold_lines(text.replace("\n", " "))


def fold_many(texts: list[str] | tuple[str, ...]) -> list[str]:
    """``fold`` of each text, done in one pass over the joined texts (fast for 100k sentences)."""
    if not texts:
        return []
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:
        joined = "\n".join(t.replace("\n", " ") for t in texts)
    return _fold_lines(joined).split("\n")
