"""Kazakh Cyrillic → Latin transliteration (the 2021 alphabet).

Mapping source: the Kazakh Latin alphabet presented by the Government of Kazakhstan on 28 January 2021
(prepared by the Baitursynuly Institute of Linguistics; table "Latin script", column 2021, in
https://en.wikipedia.org/wiki/Kazakh_alphabets). Its letters are
A Ä B D E F G Ğ H I İ J K L M N Ñ O Ö P Q R S Ş T U Ū Ü V Y Z, with Ç for Ч.
Note the two i's: Cyrillic І becomes dotless ı (capital I), while И and Й both become dotted i (capital İ).

The alphabet has no letters for Ц, Щ, Ъ, Ь, Э, Ю, Я, Ё, which occur only in Russian loanwords; for those
we use the customary spellings ts, şş, (dropped), (dropped), e, iu, ia, io so that no Cyrillic is left.
"""

from __future__ import annotations

_LOWER_2021: dict[str, str] = {
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e",
    "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m",
    "н": "n", "ң": "ñ", "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ұ": "ū", "ү": "ü", "ф": "f", "х": "h", "һ": "h", "ч": "ç", "ш": "ş",
    "ы": "y", "і": "ı",
    # Loanword-only letters (not in the 2021 alphabet).
    "ц": "ts", "щ": "şş", "ъ": "", "ь": "", "э": "e", "ю": "iu", "я": "ia", "ё": "io",
}  # fmt: skip

# Capitals that str.upper() would get wrong: "ı".upper() is "I" (right), but "i".upper() is "I",
# while И/Й must become the dotted "İ".
_UPPER_OVERRIDES: dict[str, str] = {"И": "İ", "Й": "İ"}


def _upper_latin(cyrillic_capital: str, latin_lower: str, in_capitals: bool) -> str:
    """Capital form of a mapped letter; a digraph is title-cased unless the word is in capitals."""
    if cyrillic_capital in _UPPER_OVERRIDES:
        return _UPPER_OVERRIDES[cyrillic_capital]
    if len(latin_lower) > 1 and not in_capitals:
        return latin_lower[0].upper() + latin_lower[1:]
    return latin_lower.upper()


def kazakh_cyrillic_to_latin_2021(text: str) -> str:
    """Transliterate Kazakh Cyrillic ``text`` to the 2021 Latin alphabet; other characters pass through."""
    out: list[str] = []
    for index, char in enumerate(text):
        lower = char.lower()
        latin = _LOWER_2021.get(lower)
        if latin is None:
            out.append(char)
        elif char == lower:
            out.append(latin)
        else:
            neighbours = text[max(index - 1, 0) : index] + text[index + 1 : index + 2]
            out.append(_upper_latin(char, latin, any(c.isupper() for c in neighbours)))
    return "".join(out)
