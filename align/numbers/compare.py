"""Match the numbers of two translations of one sentence and report those without a partner.

``compare_numbers(a, b)`` pairs mentions as a multiset: each mention of ``a`` is used at most once
and the pairing found is a maximum one (Kuhn's augmenting paths), tried first on exact matches,
then on looser ones, so that "1990s" pairs with "1990-х" before anything else takes either.

Two mentions match when:
* their values are equal (any reading of ambiguous digits, ``NumberMention.alternatives``),
  an ordinal matching a cardinal of the same value (XX = 20th = 20-шы) and a range its endpoints;
* they differ by no more than the rounding a scale word allows ("1.5 million" ~ "1 520 000");
* they measure the same quantity in different units within 15 % ("385 miles" ≠ "360 км",
  "20 feet" ~ "6 метров"; °F ↔ °C; a bare "degrees" matches either scale);
* a decade matches its first year and the two-digit decade ("1990s" ~ "1990 жылы" ~ "90-х");
* a time matches the hour on the other clock ("3 p.m." ~ "15:00" ~ "сағат 3").
Equal values in two different units of one quantity do not match ("497 mph" ≠ "497 км/ч").

What is never reported missing: number words (they only support a digit: "екі есе" is not a
number to check), identifiers ("SS19"), months of numeric dates, and a conversion in brackets
right after a measurement ("20 feet (6 m)") — nor the measurement, when its conversion matched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from align.numbers.extract import NumberMention
from align.numbers.units import convert, dimension

CONVERSION_TOLERANCE = 0.15
_TEMPERATURE_SLACK = 2.0  # degrees: "80 °F" is 26.7 °C, written "27 градусов"
_CONVERSION_GAP = 14  # characters between a measurement and its bracketed conversion: " (", " (about "
NEVER_MISSING_KINDS = frozenset({"code", "month"})


@dataclass(frozen=True)
class NumberDiff:
    missing_in_b: list[NumberMention] = field(default_factory=list)
    missing_in_a: list[NumberMention] = field(default_factory=list)
    matched: list[tuple[NumberMention, NumberMention]] = field(default_factory=list)

    @property
    def differs(self) -> bool:
        return bool(self.missing_in_b or self.missing_in_a)


def compare_numbers(a: list[NumberMention], b: list[NumberMention]) -> NumberDiff:
    """The mentions of ``a`` and ``b`` paired up, and those that must have a partner but lack one."""
    strength = [[match_strength(x, y) for y in b] for x in a]
    match_of_b: list[int | None] = [None] * len(b)
    stages: list[Callable[[int, int], bool]] = [
        lambda i, j: strength[i][j] == 2 and not a[i].from_word and not b[j].from_word,
        lambda i, j: strength[i][j] >= 1 and not a[i].from_word and not b[j].from_word,
        lambda i, j: strength[i][j] >= 1 and not (a[i].from_word and b[j].from_word),
    ]
    for allowed in stages:
        edges = [sorted((j for j in range(len(b)) if allowed(i, j)), key=lambda j, i=i: -strength[i][j])
                 for i in range(len(a))]
        matched_a = {i for i in match_of_b if i is not None}
        for i in range(len(a)):
            if i not in matched_a and edges[i]:
                _augment(i, edges, match_of_b, set())
    pairs = [(a[i], b[j]) for j, i in enumerate(match_of_b) if i is not None]
    matched_a_ids = {id(x) for x, _ in pairs}
    matched_b_ids = {id(y) for _, y in pairs}
    return NumberDiff(
        missing_in_b=_unexcused(a, matched_a_ids),
        missing_in_a=_unexcused(b, matched_b_ids),
        matched=sorted(pairs, key=lambda pair: pair[0].start),
    )


def _augment(i: int, edges: list[list[int]], match_of_b: list[int | None], seen: set[int]) -> bool:
    for j in edges[i]:
        if j in seen:
            continue
        seen.add(j)
        if match_of_b[j] is None or _augment(match_of_b[j], edges, match_of_b, seen):
            match_of_b[j] = i
            return True
    return False


def _unexcused(mentions: list[NumberMention], matched: set[int]) -> list[NumberMention]:
    conversions = conversion_pairs(mentions)
    satisfied = {id(measure) for measure, converted in conversions if id(converted) in matched}
    optional = {id(converted) for _, converted in conversions}
    return [
        m for m in mentions
        if id(m) not in matched and id(m) not in satisfied and id(m) not in optional
        and not m.from_word and m.kind not in NEVER_MISSING_KINDS
    ]


def conversion_pairs(mentions: list[NumberMention]) -> list[tuple[NumberMention, NumberMention]]:
    """(measurement, its conversion in brackets): "45 miles (72 km)", "20 футқа (6 метрге)"."""
    pairs = []
    for converted in mentions:
        if not converted.in_brackets or dimension(converted.unit) is None:
            continue
        before = [m for m in mentions if m.end <= converted.start]
        if not before:
            continue
        measure = max(before, key=lambda m: m.end)
        # "six meters (68 feet)" is no conversion: then the bracket must match on its own
        if (
            dimension(measure.unit) == dimension(converted.unit)
            and converted.start - measure.end <= _CONVERSION_GAP
            and (measure.unit == converted.unit or _converts(measure, converted))
        ):
            pairs.append((measure, converted))
    return pairs


def _values(m: NumberMention) -> tuple[float, ...]:
    return (m.value, *m.alternatives)


def _equal(x: float, y: float, tolerance: float = 0.0) -> bool:
    return abs(x - y) <= max(tolerance, 1e-9 * max(1.0, abs(x), abs(y)))


def match_strength(x: NumberMention, y: NumberMention) -> int:
    """2 when ``x`` and ``y`` state the same number exactly, 1 when after normalisation, else 0."""
    if (x.kind == "month") != (y.kind == "month"):
        return 0
    dim_x, dim_y = dimension(x.unit), dimension(y.unit)
    other_unit = dim_x is not None and dim_x == dim_y and x.unit != y.unit and "deg" not in (x.unit, y.unit)
    if not other_unit and any(_equal(v, w) for v in _values(x) for w in _values(y)):
        return 2
    if "code" in (x.kind, y.kind):
        return 1 if _code_names_year(x, y) else 0
    if other_unit or dim_x == dim_y == "temperature":
        return 1 if _converts(x, y) else 0
    tolerance = max(x.tolerance, y.tolerance)
    if tolerance and any(_equal(v, w, tolerance) for v in _values(x) for w in _values(y)):
        return 1
    if "time" in (x.kind, y.kind) and _same_time(x, y):
        return 1
    if "decade" in (x.kind, y.kind) and _same_decade(x, y):
        return 1
    return 0


def _code_names_year(x: NumberMention, y: NumberMention) -> bool:
    """A code ending in two digits names a year: "SS19" (spring/summer 2019), "FY19" ↔ 2019."""
    code, other = (x, y) if x.kind == "code" else (y, x)
    if not (len(code.text) == 2 and code.text.isdigit()):
        return False
    four_digits = other.kind == "cardinal" and 1900 <= other.value < 2100 and other.value.is_integer()
    return (other.kind == "year" or four_digits) and other.value % 100 == code.value


def _converts(x: NumberMention, y: NumberMention) -> bool:
    assert x.unit is not None and y.unit is not None
    if dimension(x.unit) == "temperature":
        return _same_temperature(x, y)
    for v in _values(x):
        converted = convert(v, x.unit, y.unit)
        if converted is None:
            continue
        if any(abs(converted - w) <= CONVERSION_TOLERANCE * max(abs(w), abs(converted)) for w in _values(y)):
            return True
    return False


def _same_temperature(x: NumberMention, y: NumberMention) -> bool:
    scales_x = ("°C", "°F") if x.unit == "deg" else (x.unit,)
    scales_y = ("°C", "°F") if y.unit == "deg" else (y.unit,)
    for scale_x in scales_x:
        for scale_y in scales_y:
            converted = convert(x.value, scale_x, scale_y)
            if scale_x == scale_y:
                if _equal(x.value, y.value):
                    return True
            elif converted is not None and abs(converted - y.value) <= max(
                _TEMPERATURE_SLACK, CONVERSION_TOLERANCE * abs(y.value)
            ):
                return True
    return False


def _same_time(x: NumberMention, y: NumberMention) -> bool:
    """A 24-hour time against the hour as said on a 12-hour clock: 15.0 ~ 3, 17.30 ~ 5.30."""
    time, other = (x, y) if x.kind == "time" else (y, x)
    if other.kind == "time":
        return False
    shifted = [time.value - 12] if time.value >= 13 else ([time.value + 12] if time.value < 1 else [])
    return any(_equal(v, s) for v in _values(other) for s in shifted)


def _same_decade(x: NumberMention, y: NumberMention) -> bool:
    decade, other = (x, y) if x.kind == "decade" else (y, x)
    for v in _values(other):
        if v != int(v) or v < 0:
            continue
        if decade.value < 100 and 1000 <= v <= 2100 and v % 100 == decade.value:
            return True  # "30-е годы" ~ "1930s"
        if other.kind == "decade" and v < 100 and decade.value >= 1000 and decade.value % 100 == v:
            return True
    return False
