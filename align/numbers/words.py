"""Number words of English, Russian and Kazakh: "three", "трёх", "үшінші".

``lookup(token, lang)`` reads one lower-cased word and returns a ``NumberWord``. Russian forms
are listed in full (numerals are a closed class); Kazakh numerals are a stem followed by a chain
of the suffixes a numeral takes (ordinal -ншы, collective -еу, case and possessive endings), with
the handful of look-alike everyday words ("оның", "бірақ", "үшін", "алтын") excluded.
No PyPI package reads Kazakh number words (see docs/decisions.md, "Number words").
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class NumberWord:
    value: float
    role: str  # "unit" (0–99), "hundred", "scale" (thousand and up), "fraction"
    ordinal: bool = False


def _table(entries: dict[str, tuple[float, str]], ordinal: bool = False) -> dict[str, NumberWord]:
    return {word: NumberWord(value, role, ordinal) for word, (value, role) in entries.items()}


# ---------------------------------------------------------------- English
_EN_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_EN_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_EN_ORDINAL_UNITS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
_EN_ORDINAL_TENS = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()
_EN_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

EN_WORDS: dict[str, NumberWord] = {}
EN_WORDS |= {w: NumberWord(i, "unit") for i, w in enumerate(_EN_UNITS)}
EN_WORDS |= {w: NumberWord(20 + 10 * i, "unit") for i, w in enumerate(_EN_TENS)}
EN_WORDS |= {w: NumberWord(i, "unit", True) for i, w in enumerate(_EN_ORDINAL_UNITS)}
EN_WORDS |= {w: NumberWord(20 + 10 * i, "unit", True) for i, w in enumerate(_EN_ORDINAL_TENS)}
EN_WORDS |= {"hundred": NumberWord(100, "hundred"), "hundredth": NumberWord(100, "hundred", True)}
EN_WORDS |= {w: NumberWord(v, "scale") for w, v in _EN_SCALES.items()}
EN_WORDS |= {w + "th": NumberWord(v, "scale", True) for w, v in _EN_SCALES.items()}
EN_WORDS |= {"dozen": NumberWord(12, "unit"), "decade": NumberWord(10, "unit"), "half": NumberWord(0.5, "fraction")}
EN_WORDS.pop("zeroth")
# "a"/"an" count as one only before these ("a thousand", "a dozen")
EN_ARTICLE_TARGETS = {"hundred", "thousand", "million", "billion", "trillion", "dozen", "decade"}

# ---------------------------------------------------------------- Russian
RU_WORDS: dict[str, NumberWord] = {}


def _ru(value: float, forms: str, role: str = "unit", ordinal: bool = False) -> None:
    for form in forms.split():
        RU_WORDS[form] = NumberWord(value, role, ordinal)


_ru(1, "один одного одному одним одном одна одной одну одною одно")
_ru(2, "два две двух двум двумя двое двоих двоим двоими")
_ru(3, "три трех трем тремя трое троих троим троими")
_ru(4, "четыре четырех четырем четырьмя четверо четверых четверым")
_ru(1.5, "полтора полторы полутора", "fraction")
_ru(0.5, "половина половину половины", "fraction")
for _value, _stem in [
    (5, "пят"), (6, "шест"), (7, "сем"), (9, "девят"), (10, "десят"), (11, "одиннадцат"), (12, "двенадцат"),
    (13, "тринадцат"), (14, "четырнадцат"), (15, "пятнадцат"), (16, "шестнадцат"), (17, "семнадцат"),
    (18, "восемнадцат"), (19, "девятнадцат"), (20, "двадцат"), (30, "тридцат"),
]:
    _ru(_value, f"{_stem}ь {_stem}и {_stem}ью")
_ru(8, "восемь восьми восемью восьмью")
_ru(5, "пятеро пятерых пятерым")
_ru(6, "шестеро шестерых")
_ru(7, "семеро семерых")
_ru(10, "десятеро десятерых десятилетие десятилетия десятилетий")
_ru(24, "сутки суток суткам сутками сутках")  # a day of 24 hours: "over 24 hours" = "за сутки"
_ru(40, "сорок сорока")
_ru(90, "девяносто девяноста")
_ru(100, "сто ста", "hundred")
for _value, _nom, _obl in [(50, "пятьдесят", "пятидесяти"), (60, "шестьдесят", "шестидесяти"),
                           (70, "семьдесят", "семидесяти"), (80, "восемьдесят", "восьмидесяти")]:
    _ru(_value, f"{_nom} {_obl} {_nom[:-5]}юдесятью")
_ru(200, "двести двухсот двумстам двумястами двухстах")
_ru(300, "триста трехсот тремстам тремястами трехстах")
_ru(400, "четыреста четырехсот четыремстам четырьмястами четырехстах")
for _value, _nom, _gen in [(500, "пятьсот", "пят"), (600, "шестьсот", "шест"), (700, "семьсот", "сем"),
                           (800, "восемьсот", "восьм"), (900, "девятьсот", "девят")]:
    _ru(_value, f"{_nom} {_gen}исот {_gen}истам {_gen}ьюстами {_gen}истах")
_NOUN_ENDINGS = "", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"
_ru(1e3, "тысяча тысячи тысяче тысячу тысячей тысячею тысяч тысячам тысячами тысячах", "scale")
for _value, _stem in [(1e6, "миллион"), (1e9, "миллиард"), (1e12, "триллион")]:
    _ru(_value, " ".join(_stem + e for e in _NOUN_ENDINGS), "scale")
_ADJ_Y = "ый ая ое ые ого ому ым ом ой ую ых ыми"  # первый, пятый
_ADJ_O = "ой ая ое ые ого ому ым ом ую ых ыми"  # второй, шестой
for _value, _stem, _endings in [
    (1, "перв", _ADJ_Y), (2, "втор", _ADJ_O), (4, "четверт", _ADJ_Y), (5, "пят", _ADJ_Y), (6, "шест", _ADJ_O),
    (7, "седьм", _ADJ_O), (8, "восьм", _ADJ_O), (9, "девят", _ADJ_Y), (10, "десят", _ADJ_Y),
    (11, "одиннадцат", _ADJ_Y), (12, "двенадцат", _ADJ_Y), (13, "тринадцат", _ADJ_Y), (14, "четырнадцат", _ADJ_Y),
    (15, "пятнадцат", _ADJ_Y), (16, "шестнадцат", _ADJ_Y), (17, "семнадцат", _ADJ_Y), (18, "восемнадцат", _ADJ_Y),
    (19, "девятнадцат", _ADJ_Y), (20, "двадцат", _ADJ_Y), (30, "тридцат", _ADJ_Y), (40, "сороков", _ADJ_O),
    (50, "пятидесят", _ADJ_Y), (60, "шестидесят", _ADJ_Y), (70, "семидесят", _ADJ_Y), (80, "восьмидесят", _ADJ_Y),
    (90, "девяност", _ADJ_Y), (100, "сот", _ADJ_Y), (1000, "тысячн", _ADJ_Y), (1e6, "миллионн", _ADJ_Y),
]:
    role = "unit" if _value < 100 else ("hundred" if _value == 100 else "scale")
    _ru(_value, " ".join(_stem + e for e in _endings.split()), role, ordinal=True)
_ru(3, "третий третья третье третьи третьего третьему третьим третьем третьей третью третьих третьими",
    ordinal=True)

# "двухметровый", "трёхлетний", "пятитонный": a numeral prefix glued to a unit or "year" stem
RU_COMPOUND_RE = re.compile(
    r"^(?P<n>одно|двух|трех|четырех|пяти|шести|семи|восьми|девяти|десяти|двадцати|тридцати|сорока|пятидесяти|"
    r"ста|сто|тысяче)(?P<stem>метров|километров|килограммов|тонн|летн|годичн|процентн|часов|минутн|дневн|месячн)"
)
_RU_COMPOUND_PREFIX = {
    "одно": 1, "двух": 2, "трех": 3, "четырех": 4, "пяти": 5, "шести": 6, "семи": 7, "восьми": 8, "девяти": 9,
    "десяти": 10, "двадцати": 20, "тридцати": 30, "сорока": 40, "пятидесяти": 50, "ста": 100, "сто": 100,
    "тысяче": 1000,
}
_RU_COMPOUND_UNIT = {"метров": "m", "километров": "km", "килограммов": "kg", "тонн": "t", "процентн": "%"}


def russian_compound(token: str) -> tuple[float, str | None] | None:
    """(value, unit) of a numeral-prefixed adjective such as "двухметровый" (2, "m")."""
    found = RU_COMPOUND_RE.match(token)
    if not found:
        return None
    return _RU_COMPOUND_PREFIX[found["n"]], _RU_COMPOUND_UNIT.get(found["stem"])


# ---------------------------------------------------------------- Kazakh
_KK_STEMS: dict[str, tuple[float, str]] = {
    "бір": (1, "unit"), "екі": (2, "unit"), "үш": (3, "unit"), "төрт": (4, "unit"), "бес": (5, "unit"),
    "алты": (6, "unit"), "жеті": (7, "unit"), "сегіз": (8, "unit"), "тоғыз": (9, "unit"), "он": (10, "unit"),
    "жиырма": (20, "unit"), "отыз": (30, "unit"), "қырық": (40, "unit"), "қырқ": (40, "unit"), "елу": (50, "unit"),
    "алпыс": (60, "unit"), "жетпіс": (70, "unit"), "сексен": (80, "unit"), "тоқсан": (90, "unit"),
    "жүз": (100, "hundred"), "мың": (1e3, "scale"), "миллион": (1e6, "scale"), "миллиард": (1e9, "scale"),
    "триллион": (1e12, "scale"), "екеу": (2, "unit"), "алтау": (6, "unit"), "жетеу": (7, "unit"),
    "тәулік": (24, "unit"),  # a day of 24 hours, as Russian "сутки"
    "жарты": (0.5, "fraction"), "жарым": (0.5, "fraction"),
}
_KK_ORDINAL = r"(?:ыншы|інші|сыншы|сінші|ншы|нші)"
_KK_COLLECTIVE = r"(?:еу|ау)"
_KK_PLURAL = r"(?:лар|лер|дар|дер|тар|тер)"
_KK_POSSESSIVE = r"(?:ы|і|сы|сі|міз|сыз|іміз|ымыз)"
_KK_ADJECTIVE = r"(?:лық|лік|дық|дік|тық|тік)"
_KK_CASE = (
    r"(?:ның|нің|дың|дің|тың|тің|ға|ге|қа|ке|на|не|ны|ні|ды|ді|ты|ті|да|де|та|те|нда|нде|дан|ден|тан|тен|нан|нен|"
    r"мен|бен|пен|менен|ымен|імен|дағы|дегі|тағы|тегі)"
)
_KK_APPROX = r"(?:дай|дей|тай|тей|ақ|ек)"
KK_WORD_RE = re.compile(
    "^(?P<stem>" + "|".join(sorted(_KK_STEMS, key=len, reverse=True)) + ")"
    f"(?P<ord>{_KK_ORDINAL})?{_KK_COLLECTIVE}?{_KK_PLURAL}?{_KK_POSSESSIVE}?{_KK_ADJECTIVE}?{_KK_CASE}?"
    f"{_KK_APPROX}?$"
)
# everyday words that look like an inflected numeral
_KK_NOT_NUMBERS = frozenset(
    "оны оның онда ондағы ондай онан оныкі онымен ондағылар бірақ бірге бірде бірдей біреу біреуі біреудің "
    "алтын алтынның алтыны жүзі жүзін жүзінде жүзіне жүзінен жүзінің жүзде үшін бесік тоқсаны тоқсанда "
    "мыңдаған ондаған жүздеген".split()
)


def kazakh_word(token: str) -> NumberWord | None:
    if token in _KK_NOT_NUMBERS:
        return None
    found = KK_WORD_RE.match(token)
    if not found:
        return None
    value, role = _KK_STEMS[found["stem"]]
    if found["stem"] == "қырқ" and not found["ord"]:
        return None  # "қырқ" is only the ordinal stem of қырық
    return NumberWord(value, role, ordinal=bool(found["ord"]))


def lookup(token: str, lang: str) -> NumberWord | None:
    """The number word ``token`` (lower case) stands for in ``lang``, or None."""
    if lang == "kk":
        return kazakh_word(token)
    if lang == "ru":
        return RU_WORDS.get(token.replace("ё", "е"))
    return EN_WORDS.get(token)
