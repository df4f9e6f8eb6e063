"""The pairwise DP kernels for small inputs, as numpy array operations instead of Python loops.

:mod:`align.aligner.kernels` loops over every node and bead type in Python (about 1 µs a step)
unless the input is large enough to pay for compiling it with numba.  An abstract's band has a
few hundred nodes and eight bead types: as numpy array operations that is a few milliseconds.

Nodes ``(i, j)`` are processed by *level* ``i + j``: every bead takes at least one sentence, so a
node's predecessors all lie on lower levels, and all nodes of one level can be updated at once.
Each function gives the same result as its loop in :mod:`align.aligner.kernels`: identical scores
and back-pointers (same float64 sums, first best bead type on ties), and log-sums equal up to
rounding (they are summed in another order).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from align.aligner.band import node_coordinates
from align.aligner.kernels import NEG_INF


@dataclass(frozen=True)
class Grid:
    """The nodes of a band by level, and each node's predecessor per bead type."""

    pred: np.ndarray  # (nodes, bead types): predecessor node, -1 where the bead does not fit
    order: np.ndarray  # nodes sorted by level
    bounds: np.ndarray  # order[bounds[d]:bounds[d + 1]] are the nodes of level d

    @property
    def size(self) -> int:
        return len(self.pred)


def pair_grid(lo, hi, off, bead_a, bead_b) -> Grid:
    """The nodes ``(i, j)`` of a pairwise band (row after row), with their predecessors."""
    n = len(lo) - 1
    i, j = node_coordinates(lo, hi, off)
    pi = i[:, None] - bead_a[None, :]
    pj = j[:, None] - bead_b[None, :]
    safe = np.clip(pi, 0, n)
    inside = (pi >= 0) & (pj >= lo[safe]) & (pj <= hi[safe])
    pred = np.where(inside, off[safe] + pj - lo[safe], -1)
    level = i + j
    order = np.argsort(level, kind="stable")
    bounds = np.searchsorted(level[order], np.arange(int(level.max()) + 2))
    return Grid(pred=pred, order=order, bounds=bounds)


def viterbi(lo, hi, off, bead_a, bead_b, scores):
    """:func:`align.aligner.kernels.viterbi`: the bead types of the best path, last first, and its score."""
    value, back = _best_paths(pair_grid(lo, hi, off, bead_a, bead_b), scores)
    path = []
    i, j = len(lo) - 1, int(hi[-1])
    while i > 0 or j > 0:
        t = int(back[off[i] + j - lo[i]])
        path.append(t)
        i -= int(bead_a[t])
        j -= int(bead_b[t])
    return np.array(path, np.int8), value[-1]


def forward(lo, hi, off, bead_a, bead_b, scores):
    """:func:`align.aligner.kernels.forward`: log-sum over paths from the first node to each node."""
    grid = pair_grid(lo, hi, off, bead_a, bead_b)
    alpha = np.full(grid.size, NEG_INF)
    alpha[0] = 0.0
    for d in range(1, len(grid.bounds) - 1):
        nodes = grid.order[grid.bounds[d] : grid.bounds[d + 1]]
        alpha[nodes] = _logsumexp_rows(_candidates(grid, scores, alpha, nodes))
    return alpha


def backward(lo, hi, off, bead_a, bead_b, scores):
    """:func:`align.aligner.kernels.backward`: log-sum over paths from each node to the last."""
    grid = pair_grid(lo, hi, off, bead_a, bead_b)
    succ = _successors(grid)
    bead_index = np.arange(succ.shape[1])
    beta = np.full(grid.size, NEG_INF)
    beta[-1] = 0.0
    for d in range(len(grid.bounds) - 3, -1, -1):
        nodes = grid.order[grid.bounds[d] : grid.bounds[d + 1]]
        after = succ[nodes]
        safe = np.maximum(after, 0)
        score = scores[safe, bead_index[None, :]].astype(np.float64)
        usable = (after >= 0) & (score > NEG_INF) & (beta[safe] > NEG_INF)
        beta[nodes] = _logsumexp_rows(np.where(usable, beta[safe] + score, NEG_INF))
    return beta


def _candidates(grid: Grid, scores: np.ndarray, value: np.ndarray, nodes: np.ndarray) -> np.ndarray:
    """``value[predecessor] + score`` of each bead type ending at ``nodes`` (NEG_INF where impossible)."""
    pred = grid.pred[nodes]
    score = scores[nodes].astype(np.float64)
    usable = (pred >= 0) & (score > NEG_INF)
    return np.where(usable, value[np.maximum(pred, 0)] + score, NEG_INF)


def _best_paths(grid: Grid, scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Best score of a path to each node, and the bead type it ends with (-1 if none)."""
    value = np.full(grid.size, NEG_INF)
    back = np.full(grid.size, -1, np.int16)
    value[0] = 0.0
    for d in range(1, len(grid.bounds) - 1):
        nodes = grid.order[grid.bounds[d] : grid.bounds[d + 1]]
        candidates = _candidates(grid, scores, value, nodes)
        best = np.argmax(candidates, axis=1)  # first best bead type, as the loop's strict ``>``
        top = candidates[np.arange(len(nodes)), best]
        reached = top > NEG_INF
        value[nodes] = np.where(reached, top, NEG_INF)
        back[nodes[reached]] = best[reached]
    return value, back


def _logsumexp_rows(values: np.ndarray) -> np.ndarray:
    top = values.max(axis=1)
    reached = top > NEG_INF
    safe_top = np.where(reached, top, 0.0)
    terms = np.where(values > NEG_INF, np.exp(values - safe_top[:, None]), 0.0)
    return np.where(reached, safe_top + np.log(np.maximum(terms.sum(axis=1), 1e-300)), NEG_INF)


def _successors(grid: Grid) -> np.ndarray:
    """(nodes, bead types): the node that bead type ``t`` leads to from each node, -1 if none."""
    succ = np.full(grid.pred.shape, -1, np.int64)
    rows, beads = np.nonzero(grid.pred >= 0)
    succ[grid.pred[rows, beads], beads] = rows
    return succ
