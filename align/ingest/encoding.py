"""Turn the bytes of a text file into ``str`` without asking the user for the encoding.

Order of the checks (see docs/decisions.md, "Charset detection"):

1. a byte-order mark (UTF-8, UTF-16, UTF-32) decides;
2. BOM-less UTF-16 is recognised by its regular NUL pattern; other NUL bytes or many control
   bytes mean binary content;
3. strict UTF-8;
4. otherwise a legacy single-byte code page that a Kazakh/Russian/English manuscript can
   plausibly be in. They all decode every byte, and ``charset-normalizer`` alone cannot tell
   cp1251 from koi8-r or mac-cyrillic on short texts (measured: it picks koi8-r for 0.1 % of
   25-character koi8-r samples), so the candidates are ranked by :func:`plausibility` — how much
   the decoded non-ASCII text looks like Russian/Kazakh (letter frequencies, case pattern of
   words) or like accented Latin words — and the winner must read as prose by that measure or
   be confirmed by charset-normalizer's chaos check.
"""

from __future__ import annotations

import math
import re
import unicodedata
from itertools import groupby

from align.errors import InputError

# Legacy code pages tried after UTF-8, in order of preference when two decode identically
# (Russian-only text reads the same in cp1251 and kz1048: report the common one).
LEGACY_CANDIDATES: tuple[str, ...] = ("cp1251", "koi8-r", "kz1048", "mac-cyrillic", "cp866", "cp1252")
_CHARSET_NORMALIZER_NAMES = {
    "cp1251": "cp1251",
    "koi8-r": "koi8_r",
    "kz1048": "kz1048",
    "mac-cyrillic": "mac_cyrillic",
    "cp866": "cp866",
    "cp1252": "cp1252",
}

# Approximate letter frequencies (per cent) of Russian prose, with the Kazakh-only letters added at
# typical Kazakh rates. Only the ranking of candidates depends on them, not any threshold.
_CYRILLIC_FREQUENCY: dict[str, float] = {
    "о": 10.97, "е": 8.45, "а": 8.01, "и": 7.35, "н": 6.70, "т": 6.26, "с": 5.47, "р": 4.73,
    "в": 4.54, "л": 4.40, "к": 3.49, "м": 3.21, "д": 2.98, "п": 2.81, "у": 2.62, "я": 2.01,
    "ы": 1.90, "ь": 1.74, "г": 1.70, "з": 1.65, "б": 1.59, "ч": 1.44, "й": 1.21, "х": 0.97,
    "ж": 0.94, "ш": 0.73, "ю": 0.64, "ц": 0.48, "щ": 0.36, "э": 0.32, "ф": 0.26, "ъ": 0.04,
    "ё": 0.04, "і": 1.0, "қ": 1.2, "ә": 1.0, "ғ": 0.6, "ң": 0.6, "ұ": 0.6, "ү": 0.6, "ө": 0.4,
    "һ": 0.02,
}  # fmt: skip
_RARE_CYRILLIC_LOG = -8.0  # Serbian/Ukrainian/Belarusian letters (ђ, љ, ї, ў …): almost never
_ACCENTED_LATIN_LOG = math.log10(0.5 / 100)  # é, ö, à … in an otherwise Latin word
_COMMON_PUNCTUATION = frozenset("«»“”„‘’‚–—…•·№°§±×£€¥¢½¼¾©®™\u00a0\u00ad")
_PUNCTUATION_LOG = math.log10(0.5 / 100)  # not free: else a letter read as a quote mark scores better
_CLOSING_QUOTE_BEFORE_LETTER = re.compile(r"(?<!\w)[”»](?=[^\W\d_])")
_STRAY_NBSP = re.compile(r"(?:^|(?<=\s))\u00a0", re.MULTILINE)  # a no-break space binds two words
_MISPLACED_PUNCTUATION_PENALTY = -4.0  # cp1251 capitals read as mac-cyrillic become lone quote marks
_SYMBOL_PENALTY = -5.0  # box drawing, currency, maths, unassigned: not prose
_MIXED_SCRIPT_PENALTY = -5.0  # per non-ASCII letter of a word mixing Latin and Cyrillic
_BAD_CASE_PENALTY = -3.0  # per non-ASCII letter of a word like "пРИБЕР" (koi8-r read as cp1251)

# A decoded text whose average plausibility per non-ASCII character is below this is rejected:
# the right code page scores -1 … -2 on prose, garbage around -5.
_MIN_PLAUSIBILITY_PER_CHAR = -3.5
_MIN_PLAUSIBILITY_WITH_SECOND_OPINION = -5.0
_SAMPLE_BYTES = 256 * 1024
_MAX_CONTROL_RATIO = 0.01
# C0 controls but the allowed \t \n \v \f \r and \x1a (DOS end-of-file mark), DEL, and the C1 controls.
# A regular expression: counting character by character took 0.4 s on a 5 MB file.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]")
_CONTROLS_WITH_C1 = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")
_KAZAKH_ONLY_LETTERS = frozenset("әғқңөұүһі")


def decode_bytes(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode ``data``; return ``(text, canonical encoding name)`` or raise :class:`InputError`."""
    if not data:
        raise InputError(path, "file is empty")
    bom_result = _decode_by_bom(data, path)
    if bom_result is not None:
        text, encoding = bom_result
        _reject_control_characters(text, path)
        return text, encoding
    utf16_result = _decode_bomless_utf16(data)
    if utf16_result is not None:
        text, encoding = utf16_result
        _reject_control_characters(text, path)
        return text, encoding
    if b"\x00" in data:
        raise InputError(path, "not a text file (binary content)")
    # Only C0 controls: bytes 0x80-0x9f are letters and quotes in the legacy code pages.
    _reject_control_characters(data.decode("latin-1"), path, count_c1=False)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data, path)


def _decode_by_bom(data: bytes, path: str) -> tuple[str, str] | None:
    # UTF-32 before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE one.
    boms = (
        (b"\xef\xbb\xbf", "utf-8-sig", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32", "utf-32"),
        (b"\xff\xfe", "utf-16", "utf-16"),
        (b"\xfe\xff", "utf-16", "utf-16"),
    )
    for bom, codec, name in boms:
        if data.startswith(bom):
            try:
                return data.decode(codec), name
            except UnicodeDecodeError as exc:
                problem = f"cannot decode: invalid {name.upper()} data at byte {exc.start}"
                raise InputError(path, problem) from None
    return None


def _decode_bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without BOM: mostly-ASCII text has a NUL in every other byte, on one side only."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0) / (len(data) // 2)
    odd_nuls = data[1::2].count(0) / (len(data) // 2)
    sides = (("utf-16-le", even_nuls, odd_nuls), ("utf-16-be", odd_nuls, even_nuls))
    for codec, text_side, nul_side in sides:
        if nul_side > 0.4 and text_side < 0.01:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                return None
    return None


def _reject_control_characters(text: str, path: str, *, count_c1: bool = True) -> None:
    pattern = _CONTROLS_WITH_C1 if count_c1 else _CONTROLS
    controls = sum(1 for _ in pattern.finditer(text))
    if "\x00" in text or controls > max(1, len(text) * _MAX_CONTROL_RATIO):
        raise InputError(path, "not a text file (binary content)")


def _decode_legacy(data: bytes, path: str) -> tuple[str, str]:
    sample = data[:_SAMPLE_BYTES]  # ranking on a prefix keeps a 50 MB file fast
    scored: list[tuple[float, int, str, str]] = []
    for rank, name in enumerate(LEGACY_CANDIDATES):
        try:
            text = sample.decode(name)
        except UnicodeDecodeError:  # a byte this code page leaves undefined (cp1251: 0x98)
            continue
        scored.append((plausibility(text), -rank, name, text))
    for score, _, name, text in sorted(scored, reverse=True):
        non_ascii = sum(1 for ch in text if ord(ch) > 127)
        per_char = score / max(non_ascii, 1)
        # Accept the best-ranked code page if it reads like prose by our measure, or nearly so
        # and charset-normalizer (the better judge of mess; ours is of which Cyrillic code page
        # is right) finds its decoding free of chaos: short texts with rare letters need both.
        acceptable = per_char >= _MIN_PLAUSIBILITY_PER_CHAR or (
            per_char >= _MIN_PLAUSIBILITY_WITH_SECOND_OPINION and name in _charset_normalizer_accepts(sample)
        )
        if not acceptable:
            break
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue  # a byte after the sample that this code page lacks: try the runner-up
    raise InputError(path, "cannot decode: not UTF-8/UTF-16 and no Cyrillic code page fits")


def _charset_normalizer_accepts(data: bytes) -> set[str]:
    """Code pages charset-normalizer finds acceptable (not chaotic) for ``data``."""
    from charset_normalizer import from_bytes  # imported here: only a rare legacy-encoded file needs it

    isolation = [_CHARSET_NORMALIZER_NAMES[name] for name in LEGACY_CANDIDATES]
    matches = from_bytes(data, cp_isolation=isolation, threshold=0.3)
    found = {match.encoding for match in matches}
    return {name for name, cn_name in _CHARSET_NORMALIZER_NAMES.items() if cn_name in found}


def plausibility(text: str) -> float:
    """Log-likelihood-like score of the non-ASCII part of ``text`` being real prose (higher = better).

    ASCII reads the same in every candidate, so only the other characters are scored: Cyrillic
    letters by their frequency, accented Latin letters by a flat rate, words that mix scripts or
    have an impossible case pattern are penalised, and so are symbols prose does not use.
    """
    score = 0.0
    for is_letter, run in groupby(text, key=str.isalpha):
        if is_letter:
            score += _word_score("".join(run))
    for ch in text:
        if ord(ch) > 127 and not ch.isalpha():
            score += _PUNCTUATION_LOG if ch in _COMMON_PUNCTUATION else _SYMBOL_PENALTY
    score += _MISPLACED_PUNCTUATION_PENALTY * _misplaced_punctuation(text)
    return score


def _misplaced_punctuation(text: str) -> int:
    """Quote marks without a partner (« » pair up, double quotes come in twos), closing quotes
    before a word, no-break spaces that bind nothing."""
    guillemets = abs(text.count("«") - text.count("»"))
    doubles = (text.count("„") + text.count("“") + text.count("”")) % 2
    closing_before_letter = len(_CLOSING_QUOTE_BEFORE_LETTER.findall(text))
    stray_nbsp = len(_STRAY_NBSP.findall(text))
    return guillemets + doubles + closing_before_letter + stray_nbsp


def _word_score(word: str) -> float:
    non_ascii = [ch for ch in word if ord(ch) > 127]
    if not non_ascii:
        return 0.0
    has_latin = any(ch.isascii() or _is_latin(ch) for ch in word)
    has_cyrillic = any(_is_cyrillic(ch) for ch in word)
    if has_latin and has_cyrillic:
        return _MIXED_SCRIPT_PENALTY * len(non_ascii)
    score = 0.0
    for ch in non_ascii:
        if _is_cyrillic(ch):
            frequency = _CYRILLIC_FREQUENCY.get(ch.lower())
            score += math.log10(frequency / 100) if frequency else _RARE_CYRILLIC_LOG
        elif _is_latin(ch):
            score += _ACCENTED_LATIN_LOG
        else:
            score += _SYMBOL_PENALTY
    if has_latin and len(non_ascii) > max(2, len(word) // 2):
        score += _MIXED_SCRIPT_PENALTY * len(non_ascii)  # "Ïðèâåò": Cyrillic read as cp1252
    if len(word) == 1 and word.lower() in _KAZAKH_ONLY_LETTERS:
        score += _SYMBOL_PENALTY  # never a word on its own: "£2" read as kz1048 is "Ә2"
    if has_cyrillic and not _plausible_case(word):
        score += _BAD_CASE_PENALTY * len(non_ascii)
    return score


def _plausible_case(word: str) -> bool:
    """lower, UPPER or Capitalised; anything else (``пРИБЕР``) is a wrong code page."""
    return word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def _is_latin(ch: str) -> bool:
    return ch.isascii() or unicodedata.name(ch, "").startswith("LATIN")
