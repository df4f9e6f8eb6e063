"""Pivot evidence: what the two other pairwise alignments say about a bead of the third pair.

NTREX-like inputs are three translations of one text, and each pairwise alignment errs in its own
places: a Kazakh sentence whose Russian counterpart is missing reads, to the KK–RU search alone,
as a weak 1:1 with an unrelated neighbour, while EN–KK and EN–RU both see it clearly.  So each
pair (a, b) is decoded again with one more term on every bead, read from the third language c
(the pivot).  For a bead with sentences A of a and B of b, let C(A) be the c sentences that the
a–c alignment links to A, and C(B) those the b–c alignment links to B:

* a match bead (A and B both non-empty) is in one of five categories: C(A) and C(B) both empty,
  one of them empty, equal, overlapping, disjoint;
* a skip (A alone; B alone the same way) is in one of three: C(A) empty, C(A) non-empty but none
  of its sentences linked to b (the pivot agrees that A has no counterpart), or some linked.

Every bead falls in exactly one category; its weight (``PIVOT_WEIGHTS``, fitted on the strict F1
of the re-decoded pairs by ``benchmarks/pivot_weights.py`` on perturbation seeds 10–25, never the
reported 0–5) is added to the bead's pairwise score.  The pairwise scores already hold the bead's own evidence, so a
confident pairwise bead survives a pivot that disagrees; a weak one follows the pivot.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from align.aligner.band import Band, node_coordinates
from align.aligner.beads import Link
from align.aligner.kernels import NEG_INF
from align.aligner.scoring import BEAD_A, BEAD_B

BOTH_UNLINKED, ONE_UNLINKED, SAME, OVERLAPPING, DISJOINT, SKIP_UNLINKED, SKIP_AGREED, SKIP_CONTRADICTED = range(8)
CATEGORIES: tuple[str, ...] = (
    "both unlinked",
    "one unlinked",
    "same",
    "overlapping",
    "disjoint",
    "skip unlinked",
    "skip agreed",
    "skip contradicted",
)
# Score added to a bead of each category (log scale, as the bead scores).
PIVOT_WEIGHTS = np.array([0.0, 1.0, 2.0, 1.0, -0.75, 1.25, 3.0, -1.25], np.float64)

_NONE = 1 << 40  # the lower end of an empty interval (its upper end is -1)


def _spans(links: Sequence[Link], size: int) -> tuple[np.ndarray, np.ndarray]:
    """For each source sentence of ``links``: the target sentences linked to it, as ``[lo, hi)``.

    A sentence in a 1:0 link gets the empty interval ``(_NONE, -1)``.
    """
    lo = np.full(size, _NONE, np.int64)
    hi = np.full(size, -1, np.int64)
    for link in links:
        if link.tgt:
            lo[list(link.src)] = link.tgt[0]
            hi[list(link.src)] = link.tgt[-1] + 1
    return lo, hi


def _linked(links: Sequence[Link], size: int) -> np.ndarray:
    """Whether each target sentence of ``links`` has a source counterpart."""
    out = np.zeros(size, bool)
    for link in links:
        if link.src:
            out[list(link.tgt)] = True
    return out


def _span_union(spans: tuple[np.ndarray, np.ndarray], ends: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    """The pivot interval covering sentences ``ends - count .. ends - 1`` (empty stays empty)."""
    lo, hi = spans
    union_lo = np.full(len(ends), _NONE, np.int64)
    union_hi = np.full(len(ends), -1, np.int64)
    for back in range(1, count + 1):
        sentence = ends - back
        inside = sentence >= 0
        safe = np.maximum(sentence, 0)
        union_lo = np.where(inside, np.minimum(union_lo, lo[safe]), union_lo)
        union_hi = np.where(inside, np.maximum(union_hi, hi[safe]), union_hi)
    return union_lo, union_hi


def categories(band: Band, a_to_c: Sequence[Link], b_to_c: Sequence[Link], pivot_size: int) -> np.ndarray:
    """The category (index into ``CATEGORIES``) of every bead type ending at every node of ``band``.

    ``band`` is the a–b alignment's; ``a_to_c`` and ``b_to_c`` are the a–c and b–c links with a and
    b as their source side, ``pivot_size`` the number of c sentences.  Shape (nodes, bead types),
    row-major as the band's scores.
    """
    a_spans = _spans(a_to_c, band.rows)
    b_spans = _spans(b_to_c, int(band.hi[-1]))
    pivot_linked_a, pivot_linked_b = _linked(a_to_c, pivot_size), _linked(b_to_c, pivot_size)
    rows, cols = node_coordinates(band.lo, band.hi, band.off)
    out = np.zeros((len(rows), len(BEAD_A)), np.int8)
    for t, (a, b) in enumerate(zip(BEAD_A.tolist(), BEAD_B.tolist(), strict=True)):
        if a and b:
            lo_a, hi_a = _span_union(a_spans, rows, a)
            lo_b, hi_b = _span_union(b_spans, cols, b)
            empty_a, empty_b = hi_a < 0, hi_b < 0
            same = (lo_a == lo_b) & (hi_a == hi_b)
            meet = np.maximum(lo_a, lo_b) < np.minimum(hi_a, hi_b)
            out[:, t] = np.select(
                [empty_a & empty_b, empty_a | empty_b, same, meet],
                [BOTH_UNLINKED, ONE_UNLINKED, SAME, OVERLAPPING],
                default=DISJOINT,
            )
        else:
            if a:
                lo, hi = _span_union(a_spans, rows, a)
                other_linked = pivot_linked_b
            else:
                lo, hi = _span_union(b_spans, cols, b)
                other_linked = pivot_linked_a
            empty = hi < 0
            # Pivot sentences with a counterpart on the other side, counted over an interval.
            before = np.concatenate(([0], np.cumsum(other_linked)))
            size = len(other_linked)
            contradicted = ~empty & (before[np.clip(hi, 0, size)] > before[np.clip(lo, 0, size)])
            out[:, t] = np.select([empty, contradicted], [SKIP_UNLINKED, SKIP_CONTRADICTED], default=SKIP_AGREED)
    return out


def pivot_scores(scores: np.ndarray, category: np.ndarray, weights: np.ndarray = PIVOT_WEIGHTS) -> np.ndarray:
    """The bead scores with each bead's pivot weight added (impossible beads stay impossible)."""
    return np.where(scores > NEG_INF, scores + weights[category], scores).astype(scores.dtype)
