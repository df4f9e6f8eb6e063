"""Units of measure, scale words and currencies as written in English, Kazakh and Russian.

Each surface form maps to a canonical unit; ``DIMENSIONS`` gives the unit's dimension and its
factor to that dimension's base unit, so that "385 miles" and "619 км" can be compared.
Patterns are matched right after a number (after an optional space or hyphen), so a stem such
as ``метр\\w*`` takes the Kazakh/Russian case endings ("метрге", "метров") and is never tried
against words elsewhere in the sentence.
"""

from __future__ import annotations

import re

# canonical unit -> (dimension, factor to the dimension's base unit)
DIMENSIONS: dict[str, tuple[str, float]] = {
    "mm": ("length", 0.001),
    "cm": ("length", 0.01),
    "m": ("length", 1.0),
    "km": ("length", 1000.0),
    "in": ("length", 0.0254),
    "ft": ("length", 0.3048),
    "yd": ("length", 0.9144),
    "mi": ("length", 1609.344),
    "g": ("mass", 0.001),
    "kg": ("mass", 1.0),
    "t": ("mass", 1000.0),
    "lb": ("mass", 0.45359237),
    "oz": ("mass", 0.028349523),
    "km/h": ("speed", 1 / 3.6),
    "mph": ("speed", 0.44704),
    "kn": ("speed", 0.514444),
    "m/s": ("speed", 1.0),
    "m2": ("area", 1.0),
    "km2": ("area", 1e6),
    "mi2": ("area", 2_589_988.0),
    "ha": ("area", 1e4),
    "acre": ("area", 4046.856),
    "ml": ("volume", 0.001),
    "l": ("volume", 1.0),
    "gal": ("volume", 3.785411784),
    # temperatures convert by formula, not by factor (see ``convert``); "deg" is a bare
    # "degrees"/"градус", which may be either scale or an angle.
    "°C": ("temperature", 1.0),
    "°F": ("temperature", 1.0),
    "deg": ("temperature", 1.0),
}

_END = r"(?![^\W\d_])"  # the unit word ends here (no letter follows)

# (pattern, canonical unit), tried in order at the position right after a number.
_UNIT_PATTERNS: list[tuple[str, str]] = [
    # speed first: "miles per hour" must not stop at "miles"
    (r"miles?\s+(?:per|an|a)\s+hour" + _END, "mph"),
    (r"mph" + _END, "mph"),
    (r"(?:kilomet(?:re|er)s?|km)\s+(?:per|an|a)\s+hour" + _END, "km/h"),
    (r"(?:km\s?/\s?h(?:r|our)?|kmh|kph|km/ч(?:ас)?|км\s?/\s?ч(?:ас)?|км\s?/\s?сағ|шақырым\s?/\s?сағ)" + _END, "km/h"),
    (r"(?:километр\w*|км)\s+в\s+час" + _END, "km/h"),
    (r"(?:мил[ьяи]\w*)\s*(?:/\s*сағ|/\s*ч|\s+в\s+час)" + _END, "mph"),
    (r"(?:knots?|узл(?:а|ов|ах|ами)?|түйін\w*)" + _END, "kn"),
    (r"(?:m/s|м/с|met(?:re|er)s?\s+per\s+second)" + _END, "m/s"),
    # area
    (r"(?:square\s+(?:kilomet(?:re|er)s?|km)|sq\.?\s?km|km2|km²|кв\.?\s?км|км2|км²|"
     r"квадратн\w*\s+километр\w*|шаршы\s+(?:километр\w*|км|шақырым\w*))" + _END, "km2"),
    (r"(?:square\s+miles?|sq\.?\s?mi)" + _END, "mi2"),
    (r"(?:square\s+met(?:re|er)s?|sq\.?\s?m|m2|m²|кв\.?\s?м|м2|м²|квадратн\w*\s+метр\w*|шаршы\s+(?:метр\w*|м))"
     + _END, "m2"),
    (r"(?:hectares?|ha|гектар\w*|га)" + _END, "ha"),
    (r"(?:acres?|акр\w*)" + _END, "acre"),
    # temperature
    (r"(?:°\s?[CС]|degrees?\s+(?:Celsius|centigrade|C)|градус\w*\s+(?:по\s+)?Цельси\w*|"
     r"градус\w*\s+[CС]|Цельси\w*)" + _END, "°C"),
    (r"(?:°\s?[FФ]|degrees?\s+(?:Fahrenheit|F)|градус\w*\s+(?:по\s+)?Фаренгейт\w*|Фаренгейт\w*|Fahrenheit)" + _END,
     "°F"),
    (r"(?:°|degrees?(?![^\W\d_])|градус\w*)", "deg"),
    # length
    (r"(?:millimet(?:re|er)s?|mm|миллиметр\w*|мм)" + _END, "mm"),
    (r"(?:centimet(?:re|er)s?|cm|сантиметр\w*|см)" + _END, "cm"),
    (r"(?:kilomet(?:re|er)s?|kms?|километр\w*|км|шақырым\w*)" + _END, "km"),
    (r"(?:met(?:re|er)s?|m|метр\w*|м)" + _END, "m"),
    (r"(?:inch(?:es)?|″|дюйм\w*)" + _END, "in"),
    (r"(?:feet|foot|ft\.?|′|фут\w*)" + _END, "ft"),
    (r"(?:yards?|yds?|ярд\w*)" + _END, "yd"),
    (r"(?:miles?|mi|мил(?:я|и|ю|ей|ь|е|ям|ях|ями|ьге|ьде|ьден|яға|ядан|ямен)|миля\w*)" + _END, "mi"),
    # mass
    (r"(?:kilogra(?:m|mme)s?|kilos?|kgs?|килограмм\w*|кило|кг)" + _END, "kg"),
    (r"(?:gra(?:m|mme)s?|g|грамм\w*|гр)" + _END, "g"),
    (r"(?:tonnes?|tons?|тонн\w*)" + _END, "t"),
    (r"(?:pounds?|lbs?\.?|фунт\w*)" + _END, "lb"),
    (r"(?:ounces?|oz|унци\w*)" + _END, "oz"),
    # volume
    (r"(?:millilit(?:re|er)s?|ml|миллилитр\w*|мл)" + _END, "ml"),
    (r"(?:lit(?:re|er)s?|литр\w*)" + _END, "l"),
    (r"(?:gallons?|галлон\w*)" + _END, "gal"),
]
UNIT_RE = re.compile("|".join(f"(?P<u{i}>{p})" for i, (p, _) in enumerate(_UNIT_PATTERNS)), re.IGNORECASE)
_UNIT_NAMES = [unit for _, unit in _UNIT_PATTERNS]


def match_unit(text: str, pos: int) -> tuple[str, int] | None:
    """The unit written at ``text[pos:]``, as (canonical unit, end offset), or None."""
    found = UNIT_RE.match(text, pos)
    if not found:
        return None
    unit = _UNIT_NAMES[int(found.lastgroup[1:])]
    written = found.group()
    if unit in ("g", "m") and written[0].isupper() and len(written) <= 2:
        return None  # "5G", "7 M" are not grams or metres
    return unit, found.end()


# Scale words: (pattern, multiplier). Applied right after a number ("2.8bn", "125 млн", "30 мыңнан").
_SCALE_PATTERNS: list[tuple[str, float]] = [
    (r"(?:thousand|тысяч\w*|тыс\.?|мың\w*)", 1e3),
    (r"(?:million|mln\.?|mn|миллион\w*|млн\.?)", 1e6),
    (r"(?:billion|bn|миллиард\w*|млрд\.?)", 1e9),
    (r"(?:trillion|tn|триллион\w*|трлн\.?)", 1e12),
]
SCALE_RE = re.compile(
    "|".join(f"(?P<s{i}>{p})" for i, (p, _) in enumerate(_SCALE_PATTERNS)) + r"(?![^\W\d_])", re.IGNORECASE
)
_SCALE_VALUES = [value for _, value in _SCALE_PATTERNS]
# Glued English money abbreviations: "£125m", "$50k".
GLUED_SCALE_RE = re.compile(r"(?P<m>m)(?![^\W\d_])|(?P<k>k)(?![^\W\d_])")


def match_scale(text: str, pos: int) -> tuple[float, int] | None:
    found = SCALE_RE.match(text, pos)
    if not found:
        return None
    return _SCALE_VALUES[int(found.lastgroup[1:])], found.end()


CURRENCY_PREFIX_RE = re.compile(r"(?:US\$|A\$|C\$|[£$€¥₸₽])\s?$")
CURRENCY_WORD_RE = re.compile(
    r"\s?(?:dollars?|pounds?\s+sterling|euros?|долл\.?|доллар\w*|фунт\w*\s+стерлинг\w*|евро|рубл\w*|тенге|теңге|"
    r"tenge|roubles?|rubles?)(?![^\W\d_])",
    re.IGNORECASE,
)
_CURRENCY_SYMBOLS = {"£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY", "₸": "KZT", "₽": "RUB"}


def currency_code(written: str) -> str:
    symbol = written.strip()[-1:]
    return _CURRENCY_SYMBOLS.get(symbol, "USD")


def dimension(unit: str | None) -> str | None:
    """The physical dimension of ``unit``; None for currencies, "%" and unknown units."""
    if unit is None:
        return None
    entry = DIMENSIONS.get(unit)
    return entry[0] if entry else None


def convert(value: float, unit: str, target: str) -> float | None:
    """``value`` in ``unit`` expressed in ``target``; None when the two do not convert."""
    if dimension(unit) is None or dimension(unit) != dimension(target):
        return None
    if dimension(unit) == "temperature":
        if unit == target or "deg" in (unit, target):
            return value  # a bare "degrees" is compared as written and as either scale (see compare)
        return value * 9 / 5 + 32 if target == "°F" else (value - 32) * 5 / 9
    return value * DIMENSIONS[unit][1] / DIMENSIONS[target][1]
