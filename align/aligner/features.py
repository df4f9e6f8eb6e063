"""Sparse per-sentence features: folded character 4-grams, anchors, lengths and punctuation.

Each sentence becomes a set of integer feature ids (CSR layout: ``ptr``/``ids``):

* character 4-grams of the folded key (:mod:`align.aligner.fold`), padded with a space at both
  ends; with a 5-bit alphabet a 4-gram *is* its id (``< 2**20``), so no hashing and no collisions;
* anchors, hashed above ``2**20``: numbers with their separators normalised (``1,000``,
  ``1 000``, ``1.000`` and ``1000`` are one anchor; ``3,5`` is ``3.5``), percentages, URLs,
  e-mail addresses and acronyms (folded, so ``NATO`` and ``НАТО`` agree).

Weights are idf within the input itself (both sides together), so a name that occurs in one
sentence on each side weighs most, and a 4-gram found everywhere weighs almost nothing.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from align.aligner.fold import fold_many
from align.aligner.jit import is_small, kernel
from align.aligner.kernels import LOWER_START, OPEN_END, SENTENCE_BREAK
from align.aligner.lexicon import concept_features

GRAM_BITS = 20  # four 5-bit symbols
SKELETON_BITS = 15  # three 5-bit symbols
ANCHOR_BITS = 18
SKELETON_BASE = 1 << GRAM_BITS
LEXICON_BITS = 14  # concept numbers of the core lexicon
ANCHOR_BASE = SKELETON_BASE + (1 << SKELETON_BITS)
LEXICON_BASE = ANCHOR_BASE + (1 << ANCHOR_BITS)
FEATURE_SPACE = LEXICON_BASE + (1 << LEXICON_BITS)
# Anchors are rarer and more reliable than 4-grams; this multiplies their idf weight.  Chosen by
# the alignment benchmark (docs/decisions.md "Aligner features").
ANCHOR_BOOST = 2.0
# Lexicon concepts (a word and its translation) multiply their idf weight by this.
LEXICON_BOOST = 3.0

_SEPARATOR_CODE = 31
_DIGIT_CODE = 27


def _symbol_codes() -> np.ndarray:
    """Byte → 5-bit symbol: space 0, a–z 1..26, digits 27, sentence separator 31."""
    codes = np.zeros(256, dtype=np.int32)
    for offset, letter in enumerate("abcdefghijklmnopqrstuvwxyz"):
        codes[ord(letter)] = offset + 1
    for digit in "0123456789":
        codes[ord(digit)] = _DIGIT_CODE
    codes[ord("\n")] = _SEPARATOR_CODE
    return codes


_SYMBOL_CODES = _symbol_codes()

_NUMBER_RUN_RE = re.compile(r"\d+(?:[ \u00a0\u202f\u2009.,']\d+)*")
_PERCENT_RE = re.compile(r"\s?(?:%|‰|per ?cent|процент|пайыз)", re.IGNORECASE)
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>()\"«»]+", re.IGNORECASE)
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_DECIMAL_MARKS = {".", ","}


def _number_groups(run: str) -> list[str]:
    """Normalised numbers of a run of digit groups: ``1 000 000``, ``3,5``, ``2019 2020``.

    A group of exactly three digits after a first group of at most three (not ``0``) continues
    the number as thousands (``1,000`` / ``1 000`` / ``1.000`` → ``1000``); then a ``.`` or ``,``
    followed by digits is a decimal fraction (``3,50`` → ``3.5``); any other separator ends it.
    """
    if run.isdigit():  # the common case: one plain number
        return [run.lstrip("0") or "0"]
    parts = re.split(r"([ \u00a0\u202f\u2009.,'])", run)
    groups, separators = parts[0::2], parts[1::2]
    numbers: list[str] = []
    k = 0
    while k < len(groups):
        whole = groups[k]
        if len(whole) <= 3 and whole != "0":
            while (
                k + 1 < len(groups)
                and len(groups[k + 1]) == 3
                and (k + 2 >= len(groups) or separators[k + 1] != separators[k] or len(groups[k + 2]) == 3)
            ):
                whole += groups[k + 1]
                k += 1
        fraction = ""
        if k + 1 < len(groups) and separators[k] in _DECIMAL_MARKS:
            fraction = groups[k + 1].rstrip("0")
            k += 1
        digits = whole.lstrip("0") or "0"
        numbers.append(f"{digits}.{fraction}" if fraction else digits)
        k += 1
    return numbers


def normalise_number(text: str) -> str:
    """The normalised first number of ``text`` (``1 000`` / ``1,000`` / ``1.000`` → ``1000``)."""
    match = _NUMBER_RUN_RE.search(text)
    return _number_groups(match.group())[0] if match else ""


def anchors(text: str) -> list[str]:
    """Language-independent tokens of ``text``: numbers, percentages, URLs, e-mails, acronyms."""
    return [token for _, token in _anchor_tokens(text)]


def _occurrences(text: str, needle: str) -> list[int]:
    found = []
    position = text.find(needle)
    while position >= 0:
        found.append(position)
        position = text.find(needle, position + 1)
    return found


_UPPER = np.zeros(0x530, bool)
_WORD = np.zeros(0x530, bool)
for _code in range(0x530):
    _UPPER[_code] = chr(_code).isupper()
    _WORD[_code] = chr(_code).isalnum()


def _number_runs(codes: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) of runs of digits joined by single group or decimal separators (``1 000,5``)."""
    digit = (codes >= ord("0")) & (codes <= ord("9"))
    separator = np.isin(codes, _NUMBER_SEPARATORS)
    joiner = np.zeros_like(digit)
    joiner[1:-1] = separator[1:-1] & digit[:-2] & digit[2:]
    inside = np.concatenate(([False], digit | joiner, [False]))
    edges = np.flatnonzero(inside[1:] != inside[:-1])
    return list(zip(edges[0::2].tolist(), edges[1::2].tolist(), strict=True))


_NUMBER_SEPARATORS = np.array([ord(c) for c in " \u00a0\u202f\u2009.,'"], np.uint32)


def _acronyms(text: str, codes: np.ndarray) -> list[tuple[int, str]]:
    """Runs of 2–6 capital letters standing alone (``NATO``, ``ООН``), found with numpy."""
    inside = codes < len(_UPPER)
    clipped = np.where(inside, codes, 0)
    upper = np.concatenate(([False], _UPPER[clipped] & inside, [False]))
    word = np.concatenate(([False], _WORD[clipped] | ~inside, [False]))
    edges = np.flatnonzero(upper[1:] != upper[:-1])
    starts, ends = edges[0::2], edges[1::2]
    lengths = ends - starts
    alone = (lengths >= 2) & (lengths <= 6) & ~word[starts] & ~word[ends + 1]
    return [(int(start), text[start:end]) for start, end in zip(starts[alone], ends[alone], strict=True)]


def _anchor_tokens(text: str) -> list[tuple[int, str]]:
    """(offset, token) of every anchor of ``text``."""
    found: list[tuple[int, str]] = []
    spans: list[tuple[int, int]] = []
    for start in sorted(set(_occurrences(text, "http") + _occurrences(text, "www."))):
        match = _URL_RE.match(text, start)
        if match and not (spans and start < spans[-1][1]):
            url = match.group().rstrip(".,;:!?").lower()
            found.append((start, "url:" + url.removeprefix("https://").removeprefix("http://").removeprefix("www.")))
            spans.append(match.span())
    for at in _occurrences(text, "@"):
        match = _EMAIL_RE.search(text, max(0, at - 64), at + 256)
        if match and match.start() <= at < match.end():
            found.append((match.start(), "mail:" + match.group().lower()))
            spans.append(match.span())
    codes = np.frombuffer(text.encode("utf-32-le"), np.uint32)
    for start, end in _number_runs(codes):
        if (start > 0 and text[start - 1].isalpha()) or any(a <= start < b for a, b in spans):
            continue
        numbers = _number_groups(text[start:end])
        found.extend((start, "num:" + number) for number in numbers)
        if _PERCENT_RE.match(text, end):
            found.append((start, "pct:" + numbers[-1]))
    acronyms = _acronyms(text, codes)
    keys = fold_many([word for _, word in acronyms])
    found.extend((start, "acr:" + key) for (start, _), key in zip(acronyms, keys, strict=True) if key)
    return found


def _anchor_id(token: str) -> int:
    return ANCHOR_BASE + (zlib.crc32(token.encode()) & ((1 << ANCHOR_BITS) - 1))


_PUNCT_CLASSES: tuple[str, ...] = ("?", "!", '"“”«»„', "()[]")


def _joined(texts: Sequence[str]) -> str:
    """The texts joined by newlines, newlines inside a text made spaces."""
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:
        joined = "\n".join(t.replace("\n", " ") for t in texts)
    return joined


def punctuation(texts: Sequence[str]) -> np.ndarray:
    """Bit mask per sentence: 1 question mark, 2 exclamation mark, 4 quotes, 8 brackets."""
    flags = np.zeros(len(texts), dtype=np.int64)
    if not texts:
        return flags
    codes = np.frombuffer(_joined(texts).encode("utf-32-le"), np.uint32)
    bits = _PUNCT_BITS[np.where(codes < len(_PUNCT_BITS), codes, 0)]
    marked = np.flatnonzero(bits)
    sentence = np.cumsum(codes == ord("\n"), dtype=np.int32)[marked]
    for bit in range(len(_PUNCT_CLASSES)):
        flags[sentence[(bits[marked] >> bit) & 1 == 1]] |= 1 << bit
    return flags


def _punct_bits() -> np.ndarray:
    table = np.zeros(0x2100, np.int64)
    for bit, chars in enumerate(_PUNCT_CLASSES):
        for char in chars:
            table[ord(char)] |= 1 << bit
    return table


_PUNCT_BITS = _punct_bits()

# Structure marks, after the four punctuation classes.  A text holding two sentences, a text that
# opens in lower case or ends on a comma: what a merge or a split leaves, and what a translation of
# a whole sentence does not.  The DP keeps the first only for 1:1 beads (the junction between two
# units of a 1:2 bead is a sentence break too), the second from a bead's first unit, the third
# from its last.  A sentence ends after a lower-case word (not "a.m."), a capitalised word of five
# letters or more (not "Rev." or "Sen."), a digit or a closing quote, and the next one opens with a
# capital; the end marks are found first (a fast pattern), the word before each one checked after.
_BREAK_RE = re.compile(r"[.!?…]+[\"»”'’)]*[ \t\u00a0]+[\"«“„(]*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]")
_ENDING_WORD_RE = re.compile(r"(?:\b[a-zа-яёәғқңөұүһі]\w+|\b[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\w{4,}|\d|[»”\"')])\Z")
_OPENING = " \"'«“„(—–-"


def structure(texts: Sequence[str]) -> np.ndarray:
    """Bit mask per sentence: ``SENTENCE_BREAK``, ``LOWER_START`` and ``OPEN_END`` (see above)."""
    flags = np.zeros(len(texts), dtype=np.int64)
    if not texts:
        return flags
    joined = _joined(texts)
    starts = np.zeros(len(texts), np.int64)
    np.cumsum([len(t) + 1 for t in texts[:-1]], out=starts[1:])
    breaks = [
        match.start()
        for match in _BREAK_RE.finditer(joined)
        if _ENDING_WORD_RE.search(joined, max(0, match.start() - 40), match.start())
    ]
    flags[np.searchsorted(starts, np.asarray(breaks, np.int64), side="right") - 1] |= SENTENCE_BREAK
    for k, text in enumerate(texts):
        if text.lstrip(_OPENING)[:1].islower():
            flags[k] |= LOWER_START
        if text.rstrip()[-1:] in (",", ";"):
            flags[k] |= OPEN_END
    return flags


_OPENERS = np.zeros(0x2100, bool)
_OPENERS[[ord(c) for c in '.!?:;\n"«“„(—–-']] = True


def capitalised(texts: Sequence[str]) -> np.ndarray:
    """Capitalised words per sentence, the first word and words after . ! ? : « ( etc. excluded.

    Names, places and acronyms are capitalised in all three languages, so their counts agree
    between translations more often than between neighbouring sentences.
    """
    counts = np.zeros(len(texts), np.float64)
    if not texts:
        return counts
    raw = np.frombuffer(("\n" + _joined(texts)).encode("utf-32-le"), np.uint32)
    codes = np.where(raw < len(_OPENERS), raw, 0)
    is_space = codes == ord(" ")
    is_upper = _UPPER[np.where(codes < len(_UPPER), codes, 0)]
    # A word start: a capital after a space; an opener is the last non-space character before it.
    starts = np.flatnonzero(is_upper[1:] & is_space[:-1]) + 1
    previous = starts - 1
    for _ in range(3):  # step back over a few repeated spaces
        previous = np.where(is_space[previous] & (previous > 0), previous - 1, previous)
    names = starts[~_OPENERS[codes[previous]]]
    sentence = np.cumsum(codes == ord("\n"), dtype=np.int32)[names] - 1
    np.add.at(counts, sentence, 1.0)
    return counts


@dataclass(frozen=True)
class SideFeatures:
    """Features of one side's sentences; ``ids[ptr[s]:ptr[s+1]]`` are sentence ``s``'s ids (each once)."""

    ptr: np.ndarray  # int64 (n+1)
    ids: np.ndarray  # int32 feature ids
    lengths: np.ndarray  # float64 character counts
    punct: np.ndarray  # int64 bit mask of punctuation classes and structure marks
    names: np.ndarray  # float64 count of capitalised words not opening a sentence

    @property
    def size(self) -> int:
        return len(self.lengths)


def _gram_ids(keys: list[str], size: int) -> tuple[np.ndarray, np.ndarray]:
    """(sentence index, n-gram id) of every ``size``-gram of the padded keys, with repeats (int32)."""
    joined = "\n " + " \n ".join(keys) + " \n"
    codes = _SYMBOL_CODES[np.frombuffer(joined.encode("ascii"), dtype=np.uint8)]
    if len(codes) < size:
        return np.zeros(0, np.int32), np.zeros(0, np.int32)
    count = len(codes) - size + 1
    grams = np.zeros(count, np.int32)
    crosses = np.zeros(count, bool)
    is_separator = codes == _SEPARATOR_CODE
    for k in range(size):
        grams = (grams << 5) | codes[k : k + count]
        crosses |= is_separator[k : k + count]
    keep = ~crosses
    sentence = np.cumsum(is_separator, dtype=np.int32)[:count][keep] - 1
    return sentence, grams[keep]


def skeleton_many(keys: list[str]) -> list[str]:
    """Consonant skeletons of folded keys: vowels dropped, runs collapsed (``mapetov`` → ``mptv``).

    Vowels are what the three spellings of a name disagree on most (*Welsh*/*Уэльс*, *muppets*/
    *маппетов*); trigrams of the skeleton add the matches that 4-grams of the key miss.
    """
    if not keys:
        return []
    codes = np.frombuffer("\n".join(keys).encode("ascii"), np.uint8)
    codes = codes[~_VOWEL[codes]]
    codes = codes[np.concatenate(([True], codes[1:] != codes[:-1]))]
    return codes.tobytes().decode("ascii").split("\n")


_VOWEL = np.zeros(256, bool)
_VOWEL[list(b"aeiou")] = True


def _anchor_features(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(sentence index, anchor id) of the anchors of all texts, found in one pass over the joined text."""
    joined = _joined(texts)
    starts = np.zeros(len(texts), np.int64)
    np.cumsum([len(t) + 1 for t in texts[:-1]], out=starts[1:])
    positions: list[int] = []
    tokens: list[str] = []
    for position, token in _anchor_tokens(joined):
        positions.append(position)
        tokens.append(token)
    if not tokens:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    sentence = np.searchsorted(starts, np.asarray(positions, np.int64), side="right") - 1
    ids = np.fromiter((_anchor_id(token) for token in tokens), np.int64, count=len(tokens))
    return sentence, ids


def unique_rows(rows: np.ndarray, ids: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """CSR of (row, id) pairs: ``ptr`` (n + 1) and each row's ids without repeats.

    A counting sort by row and a last-seen mark per id: linear, no comparison sort (the kernels
    that compare two rows scatter one into a dense vector, so ids need no order within a row).
    """
    space = int(ids.max()) + 1 if len(ids) else 1
    if is_small(len(ids)):
        return _unique_rows_small(rows, ids, n, space)
    return kernel("group_rows", len(ids))(rows.astype(np.int32, copy=False), ids.astype(np.int32, copy=False), n, space)


def _unique_rows_small(rows: np.ndarray, ids: np.ndarray, n: int, space: int) -> tuple[np.ndarray, np.ndarray]:
    """:func:`kernels.group_rows` with numpy sorts: same ids in the same order (first occurrences).

    The order matters: the kernels sum weights in it, and the results must not depend on the path.
    """
    rows = rows.astype(np.int64)
    _, first = np.unique(rows * space + ids, return_index=True)
    first = first[np.lexsort((first, rows[first]))]  # by row, then by position: the loop's order
    ptr = np.zeros(n + 1, np.int64)
    np.cumsum(np.bincount(rows[first], minlength=n), out=ptr[1:])
    return ptr, ids[first].astype(np.int32)


CHUNK = 20_000  # sentences processed at a time, so that temporary arrays stay small


def side_features(texts: Sequence[str], lang: str | None = None) -> SideFeatures:
    """Features of one side: folded 4-grams, skeleton trigrams, anchors and, when ``lang`` is
    given, lexicon concepts (:mod:`align.aligner.lexicon`); unique ids per sentence."""
    texts = list(texts)
    ptrs: list[np.ndarray] = [np.zeros(1, np.int64)]
    ids: list[np.ndarray] = []
    punct: list[np.ndarray] = []
    names: list[np.ndarray] = []
    for first in range(0, len(texts), CHUNK):
        chunk = texts[first : first + CHUNK]
        keys = fold_many(chunk)
        found = [
            _gram_ids(keys, 4),
            _gram_ids(skeleton_many(keys), 3),
            _anchor_features(chunk),
            concept_features(chunk, lang),
        ]
        rows = np.concatenate([sentence.astype(np.int32, copy=False) for sentence, _ in found])
        chunk_ids = np.concatenate(
            [
                found[0][1].astype(np.int32, copy=False),
                found[1][1].astype(np.int32, copy=False) + SKELETON_BASE,
                found[2][1].astype(np.int32, copy=False),
                found[3][1].astype(np.int32, copy=False) + LEXICON_BASE,
            ]
        )
        del found
        ptr, unique = unique_rows(rows, chunk_ids, len(chunk))
        ptrs.append(ptr[1:] + ptrs[-1][-1])
        ids.append(unique)
        punct.append(punctuation(chunk) | structure(chunk))
        names.append(capitalised(chunk))
    lengths = np.fromiter((len(t) for t in texts), dtype=np.float64, count=len(texts))
    return SideFeatures(
        ptr=np.concatenate(ptrs),
        ids=np.concatenate(ids) if ids else np.zeros(0, np.int32),
        lengths=lengths,
        punct=np.concatenate(punct) if punct else np.zeros(0, np.int64),
        names=np.concatenate(names) if names else np.zeros(0, np.float64),
    )


_COUNT_SLICE = 1 << 20


def count_ids(ids: np.ndarray, size: int) -> np.ndarray:
    """``np.bincount(ids, minlength=size)`` a slice at a time: bincount copies its input to int64,
    which for the 20 M ids of a 100k-sentence side would be a 160 MB transient."""
    counts = np.zeros(size, np.int64)
    for start in range(0, len(ids), _COUNT_SLICE):
        counts += np.bincount(ids[start : start + _COUNT_SLICE], minlength=size)
    return counts


def idf_of(df: np.ndarray, total: int) -> np.ndarray:
    """Inverse document frequency of features found in ``df`` of ``total`` sentences."""
    return np.maximum(np.log(total / df), 0.0)


def joint_space(src: SideFeatures, tgt: SideFeatures) -> tuple[SideFeatures, SideFeatures, np.ndarray]:
    """Both sides renumbered to the features they use (order kept), and each feature's squared idf.

    The idf counts sentences of both sides; anchors get ``ANCHOR_BOOST`` times their idf.
    """
    total = max(src.size + tgt.size, 2)
    if is_small(len(src.ids) + len(tgt.ids)):
        # Few ids: sort them rather than count over the whole feature space (1.3 M entries).
        used, inverse, counts = np.unique(np.concatenate((src.ids, tgt.ids)), return_inverse=True, return_counts=True)
        src_ids = inverse[: len(src.ids)].astype(np.int32)
        tgt_ids = inverse[len(src.ids) :].astype(np.int32)
        df = counts
    else:
        all_df = count_ids(src.ids, FEATURE_SPACE) + count_ids(tgt.ids, FEATURE_SPACE)
        used = np.flatnonzero(all_df)
        renumber = np.zeros(FEATURE_SPACE, np.int32)
        renumber[used] = np.arange(len(used), dtype=np.int32)
        src_ids, tgt_ids, df = renumber[src.ids], renumber[tgt.ids], all_df[used]
    idf = idf_of(df, total)
    idf[(used >= ANCHOR_BASE) & (used < LEXICON_BASE)] *= ANCHOR_BOOST
    idf[used >= LEXICON_BASE] *= LEXICON_BOOST
    # A feature found on one side only can match nothing: it would only inflate the norms.
    on_both = (count_ids(src_ids, len(used)) > 0) & (count_ids(tgt_ids, len(used)) > 0)
    weights = np.where(on_both, idf * idf, 0.0).astype(np.float32)
    return replace(src, ids=src_ids), replace(tgt, ids=tgt_ids), weights
