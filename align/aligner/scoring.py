"""The bead score model: the log prior of the bead type and log-likelihood ratios of its features, weighted.

Each part of a bead's score is a log-likelihood ratio ``log P(feature | translation) /
P(feature | neighbouring non-translation)`` read from a piecewise-linear table: the cosine of the
bead's feature vectors, its |length delta|, punctuation and structure mismatches, and the
difference of capitalised-word counts.  A plain sum of them with the log prior of the bead type
would count shared information twice (a longer translation has more words to match) and treats a
1:1 like a merge, whose cosine means less; so the parts are combined with weights (``BeadWeights``)
learned by a structured perceptron on perturbed NTREX documents (``benchmarks/bead_weights.py``):
a bias per bead type, a weight for the log prior, for punctuation, structure and names, and for the
similarity and length LLRs a piecewise-linear reshaping per bead group (1:1; one sentence against
two; larger beads).  Skips (1:0, 0:1) score only their weighted prior.

The tables, the length ratio and variance, and the priors are *estimated from the input*: the first
pass uses the defaults below, the second pass re-estimates everything from the first pass's
confident 1:1 links (positives) and sentence pairs two to four places off them (negatives), and
mixes the estimate with the default in proportion to how much evidence the input gives.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import pairwise

import numpy as np

# Bead types (source sentences, target sentences).
BEADS: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1))
BEAD_A = np.array([a for a, _ in BEADS], dtype=np.int64)
BEAD_B = np.array([b for _, b in BEADS], dtype=np.int64)

SIM_KNOTS = np.array([0.0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.13, 0.16, 0.2, 0.25, 0.3, 0.4, 0.5, 0.65, 0.8], np.float64)
NAME_KNOTS = np.array([0.0, 0.3, 0.6, 0.9, 1.2, 1.6, 2.0, 2.5, 3.0, 4.0], np.float64)
LEN_KNOTS = np.array([0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 7.0, 10.0, 15.0], np.float64)

# Defaults below were measured by ``benchmarks/alignment.py --fit`` on NTREX-128 (per-document
# inputs, the three language pairs pooled; priors from the gold beads of perturbation seed 1).
# Bead type probabilities.
DEFAULT_PRIOR = np.array([0.780, 0.066, 0.065, 0.039, 0.041, 0.0035, 0.0019, 0.0017], np.float64)

# Fallback length figures per language pair: target characters per source character and the
# Gale–Church variance (median-based), measured on the NTREX-128 gold pairs.
LENGTH_FIGURES: dict[tuple[str, str], tuple[float, float]] = {
    ("en", "kk"): (1.051, 3.39),
    ("en", "ru"): (1.110, 3.48),
    ("kk", "ru"): (1.056, 4.77),
}
DEFAULT_LENGTH = (1.0, 4.0)

# LLR tables over SIM_KNOTS, LEN_KNOTS and 0..4 punctuation mismatches.  The length table's tail
# beyond |delta| = 5, where NTREX has no translation pairs left, stays at the fitted bound: a
# Gaussian decline extrapolated there (to -20) made a true 1:1 with an unusually long translation
# lose to two skips (docs/decisions.md "Length tail").
DEFAULT_SIM_LLR = np.array(
    [-1.48, -1.48, -1.48, -1.48, -1.48, -1.2, -1.19, -0.64, -0.07, 0.8, 1.86, 3.24, 4.35, 5.97, 7.7], np.float64
)
DEFAULT_LEN_LLR = np.array([1.37, 1.27, 0.95, 0.35, -0.35, -1.44, -2.28, -3.8, -6.22, -6.77, -6.77, -6.77], np.float64)
DEFAULT_PUNCT_LLR = np.array([0.46, -1.26, -2.27, -2.42, -2.42], np.float64)
# Over 0..3 structure marks on one side only (sentence break, lower-case start, open end): clean
# NTREX has no merges or splits to learn them from, so this one comes from the gold 1:1 beads of
# perturbation seed 1 against their neighbours (benchmarks/alignment.py --fit).
DEFAULT_STRUCT_LLR = np.array([0.07, -0.89, -1.96, -1.96], np.float64)
# Over NAME_KNOTS: |capitalised words difference| / sqrt(1 + their sum).
DEFAULT_NAME_LLR = np.array([0.78, 0.68, -0.08, -0.48, -1.27, -2.09, -2.11, -2.86, -2.86, -2.86], np.float64)

# How many observed links an estimate needs to count as much as the default it replaces.
PRIOR_STRENGTH = 60.0
# The same for one bin of a table (a bin with little data keeps its default).
BIN_STRENGTH = 20.0


# Bead groups of the learned weights: 1:1, one sentence against two, larger beads (-1: skips).
BEAD_GROUP = np.array([0, -1, -1, 1, 1, 2, 2, 2], np.int64)
GROUPS = 3
# Where the similarity and length LLRs are cut into pieces for their reshaping (0 among them).
SIM_CUTS = np.array([-1.0, 0.0, 2.0, 4.0], np.float64)
LEN_CUTS = np.array([-3.0, -1.0, 0.0], np.float64)


@dataclass(frozen=True)
class BeadWeights:
    """How the parts of a bead's score are combined (the module docstring says why)."""

    bias: np.ndarray  # per bead type, added to the weighted log prior
    prior: float
    sim: np.ndarray  # (GROUPS, len(SIM_CUTS) + 1): a weight per piece of the similarity LLR
    length: np.ndarray  # (GROUPS, len(LEN_CUTS) + 1)
    punct: float
    struct: float
    name: float


# All ones: the plain sum of log prior and LLRs (the length-only baseline, and the perceptron's start).
NEUTRAL_WEIGHTS = BeadWeights(
    bias=np.zeros(len(BEADS)),
    prior=1.0,
    sim=np.ones((GROUPS, len(SIM_CUTS) + 1)),
    length=np.ones((GROUPS, len(LEN_CUTS) + 1)),
    punct=1.0,
    struct=1.0,
    name=1.0,
)

# Learned by benchmarks/bead_weights.py (perturbation seeds 10-25, not the reported 0-5).
LEARNED_WEIGHTS = BeadWeights(
    bias=np.array([3.866, -1.299, -1.344, -0.183, -0.223, -0.106, -0.430, -0.432]),
    prior=0.669,
    sim=np.array(
        [
            [2.328, 2.594, 1.399, 1.989, 3.346],
            [2.422, 1.482, 1.536, 2.439, 3.492],
            [1.913, 2.505, 0.798, 2.512, 3.743],
        ]
    ),
    length=np.array(
        [
            [0.184, 1.621, 1.881, 1.606],
            [1.112, 1.038, 1.124, 1.147],
            [0.540, 0.067, 0.923, 1.005],
        ]
    ),
    punct=1.418,
    struct=7.529,
    name=1.449,
)


def pieces(values: np.ndarray, cuts: np.ndarray) -> np.ndarray:
    """Piecewise-linear basis of ``values`` between ``cuts`` (which include 0): one row per piece,
    each the part of the value that falls in its interval, signed; the rows sum to ``values``."""
    edges = np.concatenate(([-np.inf], cuts, [np.inf]))
    rows = []
    for low, high in pairwise(edges):
        anchor = high if high <= 0 else low  # the end nearer to 0
        rows.append(np.clip(values, low, high) - anchor)
    return np.array(rows)


def reshaped(values: np.ndarray, cuts: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """``values`` through the piecewise-linear map with slope ``weights[k]`` on piece ``k``."""
    return np.tensordot(weights, pieces(values, cuts), axes=1)


@dataclass(frozen=True)
class Params:
    log_prior: np.ndarray
    sim_llr: np.ndarray
    len_llr: np.ndarray
    punct_llr: np.ndarray
    struct_llr: np.ndarray
    name_llr: np.ndarray
    ratio: float
    variance: float
    weights: BeadWeights = NEUTRAL_WEIGHTS


def default_params(src_lang: str, tgt_lang: str, method: str = "full") -> Params:
    """First-pass parameters; ``method="length"`` zeroes everything but length and priors."""
    ratio, variance = _length_figures(src_lang, tgt_lang)
    params = Params(
        log_prior=np.log(DEFAULT_PRIOR),
        sim_llr=DEFAULT_SIM_LLR.copy(),
        len_llr=DEFAULT_LEN_LLR.copy(),
        punct_llr=DEFAULT_PUNCT_LLR.copy(),
        struct_llr=DEFAULT_STRUCT_LLR.copy(),
        name_llr=DEFAULT_NAME_LLR.copy(),
        ratio=ratio,
        variance=variance,
        weights=LEARNED_WEIGHTS,
    )
    if method == "length":
        params = replace(
            params,
            weights=NEUTRAL_WEIGHTS,
            sim_llr=np.zeros_like(DEFAULT_SIM_LLR),
            punct_llr=np.zeros_like(DEFAULT_PUNCT_LLR),
            struct_llr=np.zeros_like(DEFAULT_STRUCT_LLR),
            name_llr=np.zeros_like(DEFAULT_NAME_LLR),
        )
    return params


def _length_figures(src_lang: str, tgt_lang: str) -> tuple[float, float]:
    if (src_lang, tgt_lang) in LENGTH_FIGURES:
        return LENGTH_FIGURES[(src_lang, tgt_lang)]
    if (tgt_lang, src_lang) in LENGTH_FIGURES:
        ratio, variance = LENGTH_FIGURES[(tgt_lang, src_lang)]
        return 1.0 / ratio, variance / ratio
    return DEFAULT_LENGTH


def _bin_index(values: np.ndarray, knots: np.ndarray) -> np.ndarray:
    """Index of the nearest knot (values between knots go to the closer one)."""
    mids = (knots[1:] + knots[:-1]) / 2
    return np.searchsorted(mids, values)


def isotonic(values: np.ndarray, weights: np.ndarray, increasing: bool) -> np.ndarray:
    """Weighted least-squares monotone fit (pool adjacent violators)."""
    sign = 1.0 if increasing else -1.0
    blocks: list[list[float]] = []  # [value, weight, length]
    for value, weight in zip(sign * values, weights, strict=True):
        blocks.append([float(value), float(weight), 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            v2, w2, n2 = blocks.pop()
            v1, w1, n1 = blocks.pop()
            blocks.append([(v1 * w1 + v2 * w2) / (w1 + w2), w1 + w2, n1 + n2])
    return sign * np.concatenate([np.full(int(n), v) for v, _, n in blocks])


def llr_table(
    positives: np.ndarray, negatives: np.ndarray, knots: np.ndarray, default: np.ndarray, increasing: bool
) -> np.ndarray:
    """LLR per knot from two samples, made monotone and shrunk towards ``default``."""
    bins = len(knots)
    pos = np.bincount(_bin_index(positives, knots), minlength=bins).astype(np.float64)
    neg = np.bincount(_bin_index(negatives, knots), minlength=bins).astype(np.float64)
    # A pseudo-count per bin keeps empty bins finite; the monotone fit weighs bins by their data.
    estimate = np.log((pos + 0.5) / (pos.sum() + 0.5 * bins)) - np.log((neg + 0.5) / (neg.sum() + 0.5 * bins))
    weight = (pos + neg) / (pos + neg + BIN_STRENGTH)
    if min(len(positives), len(negatives)) < 2:
        weight[:] = 0.0
    mixed = weight * estimate + (1 - weight) * default
    return isotonic(mixed, pos + neg + 1.0, increasing)


def count_table(positives: np.ndarray, negatives: np.ndarray, default: np.ndarray) -> np.ndarray:
    """LLR of 0, 1, … marks on one side only (punctuation classes or structure), shrunk towards ``default``."""
    knots = np.arange(len(default), dtype=np.float64)
    return llr_table(positives.astype(np.float64), negatives.astype(np.float64), knots, default, False)


def estimate_prior(bead_counts: np.ndarray, default_log_prior: np.ndarray) -> np.ndarray:
    """Log bead-type probabilities: observed counts plus a Dirichlet prior at the defaults."""
    prior = np.exp(default_log_prior)
    counts = bead_counts + PRIOR_STRENGTH * prior / prior.sum()
    return np.log(counts / counts.sum())


def median(values: np.ndarray) -> float:
    """``np.median`` of finite values, the same number, without the import of ``numpy.ma`` (40 ms) it makes."""
    ordered = np.sort(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return float((ordered[middle - 1] + ordered[middle]) / 2)


def estimate_length(src_len: np.ndarray, tgt_len: np.ndarray, default: tuple[float, float]) -> tuple[float, float]:
    """Length ratio and Gale–Church variance from 1:1 links, shrunk towards ``default``."""
    if len(src_len) == 0:
        return default
    ratio = float(tgt_len.sum() / max(src_len.sum(), 1.0))
    mean = 0.5 * (src_len + tgt_len / ratio)
    squared = (tgt_len - ratio * src_len) ** 2 / np.maximum(mean, 1.0)
    # Median of a chi-square with one degree of freedom is 0.455: robust to a few wrong links.
    variance = float(median(squared) / 0.455)
    weight = len(src_len) / (len(src_len) + PRIOR_STRENGTH)
    return (
        weight * ratio + (1 - weight) * default[0],
        weight * max(variance, 1.0) + (1 - weight) * default[1],
    )


def calibrated(posterior: np.ndarray, mapping: tuple[float, float]) -> np.ndarray:
    """Confidences from posteriors: ``sigmoid(slope * logit(posterior) + intercept)``.

    ``mapping`` is (slope, intercept), fitted by ``benchmarks/alignment.py --fit``.
    """
    slope, intercept = mapping
    p = np.clip(posterior, 1e-9, 1 - 1e-9)
    return 1.0 / (1.0 + np.exp(-(slope * np.log(p / (1 - p)) + intercept)))
