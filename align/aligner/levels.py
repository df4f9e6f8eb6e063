"""The three-way DP kernels for small inputs, as numpy array operations instead of Python loops.

:mod:`align.aligner.kernels` loops over every state and shape in Python (about 1 µs a step) unless
the input is large enough to pay for compiling it with numba.  An abstract of a few sentences has
a few thousand states and 38 shapes: the loops cost a fifth of a second, the same work as numpy
array operations a few milliseconds.

States ``(i, j, k)`` are processed by *level* ``i + j + k``: every shape takes at least one
sentence, so a state's predecessors all lie on lower levels, and all states of one level can be
updated at once.  Each function gives the same result as its loop in :mod:`align.aligner.kernels`:
identical scores and back-pointers (same float64 sums, first best shape on ties), and log-sums
equal up to rounding (they are summed in another order).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from align.aligner.kernels import NEG_INF


@dataclass(frozen=True)
class Box:
    """The states of the joint search, their coordinates, and each state's predecessor per shape."""

    i: np.ndarray
    j: np.ndarray
    k: np.ndarray
    pred: np.ndarray  # (states, shapes): predecessor state, -1 where the shape does not fit
    order: np.ndarray  # states sorted by level
    bounds: np.ndarray  # order[bounds[d]:bounds[d + 1]] are the states of level d


def make_box(jlo, jhi, klo, khi, off3, sa, sb, sc) -> Box:
    n = len(jlo) - 1
    width_k = khi - klo + 1
    per_row = (jhi - jlo + 1) * width_k
    i = np.repeat(np.arange(n + 1), per_row)
    local = np.arange(len(i)) - off3[i]
    j = jlo[i] + local // width_k[i]
    k = klo[i] + local % width_k[i]
    pi = i[:, None] - sa[None, :]
    pj = j[:, None] - sb[None, :]
    pk = k[:, None] - sc[None, :]
    safe = np.clip(pi, 0, n)
    inside = (pi >= 0) & (pj >= jlo[safe]) & (pj <= jhi[safe]) & (pk >= klo[safe]) & (pk <= khi[safe])
    pred = np.where(inside, off3[safe] + (pj - jlo[safe]) * width_k[safe] + pk - klo[safe], -1)
    level = i + j + k
    order = np.argsort(level, kind="stable")
    bounds = np.searchsorted(level[order], np.arange(int(level.max()) + 2))
    return Box(i=i, j=j, k=k, pred=pred, order=order, bounds=bounds)


def pair_grid(lo, hi, off, bead_a, bead_b) -> Box:
    """The nodes ``(i, j)`` of a pairwise band as a :class:`Box` (``k`` is 0), bead types as shapes."""
    n = len(lo) - 1
    i = np.repeat(np.arange(n + 1), hi - lo + 1)
    j = lo[i] + np.arange(len(i)) - off[i]
    pi = i[:, None] - bead_a[None, :]
    pj = j[:, None] - bead_b[None, :]
    safe = np.clip(pi, 0, n)
    inside = (pi >= 0) & (pj >= lo[safe]) & (pj <= hi[safe])
    pred = np.where(inside, off[safe] + pj - lo[safe], -1)
    level = i + j
    order = np.argsort(level, kind="stable")
    bounds = np.searchsorted(level[order], np.arange(int(level.max()) + 2))
    return Box(i=i, j=j, k=np.zeros_like(i), pred=pred, order=order, bounds=bounds)


def viterbi(lo, hi, off, bead_a, bead_b, scores):
    """:func:`align.aligner.kernels.viterbi`: the bead types of the best path, last first, and its score."""
    value, back = best_paths(pair_grid(lo, hi, off, bead_a, bead_b), scores)
    path = []
    i, j = len(lo) - 1, int(hi[-1])
    while i > 0 or j > 0:
        t = int(back[off[i] + j - lo[i]])
        path.append(t)
        i -= int(bead_a[t])
        j -= int(bead_b[t])
    return np.array(path, np.int8), value[-1]


def forward(lo, hi, off, bead_a, bead_b, scores):
    """:func:`align.aligner.kernels.forward`."""
    return tri_forward(pair_grid(lo, hi, off, bead_a, bead_b), scores)


def backward(lo, hi, off, bead_a, bead_b, scores):
    """:func:`align.aligner.kernels.backward`."""
    return tri_backward(pair_grid(lo, hi, off, bead_a, bead_b), scores)


def tri_scores(box, sa, sb, sc, shape_prior, bead_type, pair1, pair2, pair3, outside, weight):
    """:func:`align.aligner.kernels.tri_scores` over all states at once (``pair*``: lo, hi, off, scores, prior)."""
    lo1, _, off1, scores1, prior1 = pair1
    lo2, _, off2, scores2, prior2 = pair2
    lo3, hi3, off3p, scores3, prior3 = pair3
    i, j, k = box.i, box.j, box.k
    out = np.full(box.pred.shape, NEG_INF, np.float32)
    in_band3_here = (lo3[j] <= k) & (k <= hi3[j])
    for s in range(len(sa)):
        a, b, c = int(sa[s]), int(sb[s]), int(sc[s])
        valid = box.pred[:, s] >= 0
        # Sums in the loop's order (0.0 + en-kk + en-ru + kk-ru) so that the float64 results are equal.
        evidence = np.zeros(len(i))
        if a > 0 and b > 0:
            t = bead_type[a, b]
            v = scores1[off1[i] + j - lo1[i], t].astype(np.float64)
            valid &= v > NEG_INF
            evidence = evidence + (v - prior1[t])
        if a > 0 and c > 0:
            t = bead_type[a, c]
            v = scores2[off2[i] + k - lo2[i], t].astype(np.float64)
            valid &= v > NEG_INF
            evidence = evidence + (v - prior2[t])
        if b > 0 and c > 0:
            t = bead_type[b, c]
            pj, pk = np.maximum(j - b, 0), k - c
            usable = in_band3_here & (j - b >= 0) & (lo3[pj] <= pk) & (pk <= hi3[pj])
            cell = np.where(usable, off3p[j] + k - lo3[j], 0)
            v = np.where(usable, scores3[cell, t].astype(np.float64), NEG_INF)
            evidence = evidence + np.where(v <= NEG_INF, outside, v - prior3[t])
        out[valid, s] = shape_prior[s] + weight * evidence[valid]
    return out


def _candidates(box: Box, scores: np.ndarray, value: np.ndarray, states: np.ndarray) -> np.ndarray:
    """``value[predecessor] + score`` of each shape ending at ``states`` (NEG_INF where impossible)."""
    pred = box.pred[states]
    score = scores[states].astype(np.float64)
    usable = (pred >= 0) & (score > NEG_INF)
    return np.where(usable, value[np.maximum(pred, 0)] + score, NEG_INF)


def tri_viterbi(box: Box, scores: np.ndarray) -> np.ndarray:
    """Back-pointers of :func:`align.aligner.kernels.tri_dp` mode 0 (best shape per state, -1 if none)."""
    return best_paths(box, scores)[1]


def best_paths(box: Box, scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Best score of a path to each state, and the shape (or bead type) it ends with (-1 if none)."""
    value = np.full(len(box.i), NEG_INF)
    back = np.full(len(box.i), -1, np.int16)
    value[0] = 0.0
    for d in range(1, len(box.bounds) - 1):
        states = box.order[box.bounds[d] : box.bounds[d + 1]]
        candidates = _candidates(box, scores, value, states)
        best = np.argmax(candidates, axis=1)  # first best shape, as the loop's strict ``>``
        top = candidates[np.arange(len(states)), best]
        reached = top > NEG_INF
        value[states] = np.where(reached, top, NEG_INF)
        back[states[reached]] = best[reached]
    return value, back


def _logsumexp_rows(values: np.ndarray) -> np.ndarray:
    top = values.max(axis=1)
    reached = top > NEG_INF
    safe_top = np.where(reached, top, 0.0)
    terms = np.where(values > NEG_INF, np.exp(values - safe_top[:, None]), 0.0)
    return np.where(reached, safe_top + np.log(np.maximum(terms.sum(axis=1), 1e-300)), NEG_INF)


def tri_forward(box: Box, scores: np.ndarray) -> np.ndarray:
    """:func:`align.aligner.kernels.tri_dp` mode 1: log-sum over paths from the first state."""
    alpha = np.full(len(box.i), NEG_INF)
    alpha[0] = 0.0
    for d in range(1, len(box.bounds) - 1):
        states = box.order[box.bounds[d] : box.bounds[d + 1]]
        alpha[states] = _logsumexp_rows(_candidates(box, scores, alpha, states))
    return alpha


def successors(box: Box) -> np.ndarray:
    """(states, shapes): the state that shape ``s`` leads to from each state, -1 if none."""
    succ = np.full(box.pred.shape, -1, np.int64)
    rows, shapes = np.nonzero(box.pred >= 0)
    succ[box.pred[rows, shapes], shapes] = rows
    return succ


def tri_backward(box: Box, scores: np.ndarray) -> np.ndarray:
    """:func:`align.aligner.kernels.tri_backward`: log-sum over paths from each state to the last."""
    succ = successors(box)
    shape_index = np.arange(succ.shape[1])
    beta = np.full(len(box.i), NEG_INF)
    beta[-1] = 0.0
    for d in range(len(box.bounds) - 3, -1, -1):
        states = box.order[box.bounds[d] : box.bounds[d + 1]]
        after = succ[states]
        safe = np.maximum(after, 0)
        score = scores[safe, shape_index[None, :]].astype(np.float64)
        usable = (after >= 0) & (score > NEG_INF) & (beta[safe] > NEG_INF)
        beta[states] = _logsumexp_rows(np.where(usable, beta[safe] + score, NEG_INF))
    return beta
