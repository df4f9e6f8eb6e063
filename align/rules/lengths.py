"""How long a translation should be: the character-length model of each language pair.

The log ratio of the lengths of a sentence and its translation, ``log(len_b / len_a)``, is close
to normal around a per-pair mean, and its spread shrinks as sentences grow (a two-word change
weighs more in a short sentence).  We model its variance as ``c0 + c1 / size`` where ``size`` is
the geometric mean of the two lengths, as Gale & Church do for length differences.

The constants were measured on NTREX-128 (1,997 line-aligned news sentences, all lines): the
mean log ratio, then ``c0, c1`` by least squares of the squared residuals on ``1 / size``.
``python benchmarks/divergence_structure.py --fit`` measures them again.  Lengths are characters
with runs of whitespace counted as one.
"""

from __future__ import annotations

import math

# (mean log(len_b / len_a), c0, c1) for the pair "a-b".
LENGTH_MODEL: dict[str, tuple[float, float, float]] = {
    "en-kk": (0.0572, 0.01573, 1.859),
    "en-ru": (0.1049, 0.00914, 2.398),
    "kk-ru": (0.0477, 0.00962, 3.230),
}


def text_length(text: str) -> int:
    """Characters of ``text`` with whitespace runs counted once."""
    return len(" ".join(text.split()))


def _model(lang_a: str, lang_b: str) -> tuple[float, float, float] | None:
    """The model of ``a-b``, the mean negated when only ``b-a`` is stored; None for other pairs."""
    if f"{lang_a}-{lang_b}" in LENGTH_MODEL:
        return LENGTH_MODEL[f"{lang_a}-{lang_b}"]
    if f"{lang_b}-{lang_a}" in LENGTH_MODEL:
        mean, c0, c1 = LENGTH_MODEL[f"{lang_b}-{lang_a}"]
        return -mean, c0, c1
    return None


def length_z(length_a: int, length_b: int, lang_a: str, lang_b: str) -> float | None:
    """How many standard deviations ``b`` is longer (> 0) or shorter (< 0) than a translation of ``a`` is.

    None when the pair has no model or a side is empty.
    """
    model = _model(lang_a, lang_b)
    if model is None or length_a <= 0 or length_b <= 0:
        return None
    mean, c0, c1 = model
    size = math.sqrt(length_a * length_b)
    return (math.log(length_b / length_a) - mean) / math.sqrt(c0 + c1 / size)
