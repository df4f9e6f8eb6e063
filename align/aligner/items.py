"""Keyword lists aligned item by item: an assignment (order may differ), not a monotone DP.

Each pair of items scores the log-likelihood ratios of

* the cosine of their folded-key features (4-grams, consonant-skeleton trigrams, anchors, with idf
  over both lists) — cognates and names (*Kazakhstan* / *Қазақстан*, *integration* /
  *интеграция*) match across scripts;
* their relative positions (keywords are usually listed in the same order): a Gaussian of width
  ``POSITION_WIDTH`` on the difference of relative positions, against a uniform difference;
* a termbase match, when an ``equivalents`` hook is given: ``equivalents(item, tgt_lang)`` returns
  the target-language terms the source item may be translated by.

The best one-to-one assignment (Hungarian algorithm on a matrix padded with "no partner" at the
omission prior) gives 1:1 links and omissions.  A link's confidence is a logistic of its margin:
how much worse the best assignment is that does without it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np

from align.aligner import scoring
from align.aligner.beads import Link
from align.aligner.features import joint_space, side_features
from align.aligner.jit import kernel

POSITION_WIDTH = 0.1
REORDERED = 0.2  # share of keyword translations listed at another place
TERMBASE_LLR = 6.0  # a termbase equivalence outweighs any spelling or position evidence
SKIP_LOG_PRIOR = math.log(0.05)
MARGIN_SCALE = 1.0  # confidence = logistic(MARGIN_SCALE * margin)

Equivalents = Callable[[str, str], set[str]]


def align_items(
    src_items: Sequence[str],
    tgt_items: Sequence[str],
    src_lang: str,
    tgt_lang: str,
    *,
    equivalents: Equivalents | None = None,
) -> list[Link]:
    """Align two keyword lists item by item; links are ordered by source item, omissions last."""
    n, m = len(src_items), len(tgt_items)
    if not n or not m:
        return [Link((i,), (), 1.0) for i in range(n)] + [Link((), (j,), 1.0) for j in range(m)]
    scores = _pair_scores(src_items, tgt_items, src_lang, tgt_lang, equivalents)
    cost = _padded_cost(scores)
    columns = hungarian(cost)
    best = _total(cost, columns)
    links: list[Link] = []
    matched_tgt: set[int] = set()
    for i in range(n):
        j = columns[i]
        # Margin: how much worse the best assignment is that does without this decision.
        forbidden = cost.copy()
        forbidden[i, j] = _FORBIDDEN
        margin = _total(forbidden, hungarian(forbidden)) - best
        if j < m:
            matched_tgt.add(j)
            links.append(Link((i,), (j,), _confidence(margin)))
        else:
            links.append(Link((i,), (), _confidence(margin)))
    for j in range(m):
        if j not in matched_tgt:
            row = columns.index(j)
            forbidden = cost.copy()
            forbidden[row, j] = _FORBIDDEN
            links.append(Link((), (j,), _confidence(_total(forbidden, hungarian(forbidden)) - best)))
    return links


_FORBIDDEN = 1e6


def _total(cost: np.ndarray, columns: list[int]) -> float:
    return float(sum(cost[row, column] for row, column in enumerate(columns)))


def _confidence(margin: float) -> float:
    return 1.0 / (1.0 + math.exp(-MARGIN_SCALE * margin))


def _pair_scores(
    src_items: Sequence[str], tgt_items: Sequence[str], src_lang: str, tgt_lang: str, equivalents: Equivalents | None
) -> np.ndarray:
    """LLR of every (source item, target item) pair being a translation."""
    src, tgt = side_features(src_items, src_lang), side_features(tgt_items, tgt_lang)
    src, tgt, weights = joint_space(src, tgt)
    n, m = src.size, tgt.size
    rows = np.repeat(np.arange(n), m)
    cols = np.tile(np.arange(m), n)
    dots = kernel("pair_dots", 0)(src.ptr, src.ids, tgt.ptr, tgt.ids, weights, rows, cols)
    src_norm = kernel("self_norms", 0)(src.ptr, src.ids, weights)
    tgt_norm = kernel("self_norms", 0)(tgt.ptr, tgt.ids, weights)
    norms = np.sqrt(src_norm[rows] * tgt_norm[cols])
    cosine = np.divide(dots, norms, out=np.zeros_like(dots), where=norms > 0).reshape(n, m)
    similarity = np.interp(cosine, scoring.SIM_KNOTS, scoring.DEFAULT_SIM_LLR)
    src_pos = np.arange(n) / max(n - 1, 1)
    tgt_pos = np.arange(m) / max(m - 1, 1)
    distance = np.abs(src_pos[:, None] - tgt_pos[None, :])
    # Matches: mostly a half-normal position difference, some anywhere (a reordered list); random
    # pairs: the triangular density 2(1 - d) of the difference of two uniform positions.
    random_density = np.maximum(2 * (1 - distance), 1e-3)
    half_normal = 2 * np.exp(-0.5 * (distance / POSITION_WIDTH) ** 2) / (POSITION_WIDTH * math.sqrt(2 * math.pi))
    position = np.log((1 - REORDERED) * half_normal + REORDERED * random_density) - np.log(random_density)
    scores = similarity + position
    if equivalents is not None:
        folded_tgt = [t.casefold().strip() for t in tgt_items]
        for i, item in enumerate(src_items):
            terms = {t.casefold().strip() for t in equivalents(item, tgt_lang)}
            for j, target in enumerate(folded_tgt):
                if target in terms:
                    scores[i, j] += TERMBASE_LLR
    return scores


def _padded_cost(scores: np.ndarray) -> np.ndarray:
    """Square cost matrix: rows are sources then "no source", columns targets then "no target"."""
    n, m = scores.shape
    size = n + m
    cost = np.zeros((size, size))
    cost[:n, :m] = -scores
    cost[:n, m:] = np.where(np.eye(n, dtype=bool), -SKIP_LOG_PRIOR, _FORBIDDEN)
    cost[n:, :m] = np.where(np.eye(m, dtype=bool), -SKIP_LOG_PRIOR, _FORBIDDEN)
    return cost


def hungarian(cost: np.ndarray) -> list[int]:
    """Column assigned to each row minimising the total cost (square matrix; O(n³) shortest paths)."""
    size = cost.shape[0]
    u = [0.0] * (size + 1)
    v = [0.0] * (size + 1)
    owner = [0] * (size + 1)  # owner[j]: row (1-based) assigned to column j; 0 = free
    way = [0] * (size + 1)
    for row in range(1, size + 1):
        owner[0] = row
        column = 0
        best = [math.inf] * (size + 1)
        used = [False] * (size + 1)
        while True:
            used[column] = True
            current = owner[column]
            delta = math.inf
            next_column = 0
            for j in range(1, size + 1):
                if used[j]:
                    continue
                reduced = cost[current - 1, j - 1] - u[current] - v[j]
                if reduced < best[j]:
                    best[j] = reduced
                    way[j] = column
                if best[j] < delta:
                    delta = best[j]
                    next_column = j
            for j in range(size + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    best[j] -= delta
            column = next_column
            if owner[column] == 0:
                break
        while column:
            previous = way[column]
            owner[column] = owner[previous]
            column = previous
    result = [0] * size
    for j in range(1, size + 1):
        result[owner[j] - 1] = j - 1
    return result
