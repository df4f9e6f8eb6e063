"""Pairwise sentence alignment: banded dynamic programming over 1:1, 1:2, 2:1, 2:2, 1:3, 3:1, 1:0, 0:1.

Search (memory and time linear in the input):

1. small inputs (``(n+1)(m+1) <= FULL_LIMIT`` nodes) search the whole matrix;
2. larger ones are first aligned as blocks of 8, 64, 512 … sentences (a block is the set of its
   sentences' rarer features; 1:1/1:0/0:1 block beads scored by cosine over the background of
   random block pairs); the coarsest level searches its whole matrix (at most ``COARSE_LIMIT``
   nodes), each finer level a band one block wide around the coarser path, and the sentence
   level a band of ``SENTENCE_MARGIN`` sentences around the finest block path.

Similarities are computed only for the cells of the band (``_band_dots``): through an inverted
index for wide bands, through a dense copy of the source sentence for narrow ones.

Scoring (:mod:`align.aligner.scoring`): pass 1 with the default tables; pass 2 with tables, length
ratio/variance and bead priors re-estimated from pass 1's links (self-training), in a band of
``PASS2_MARGIN`` sentences around pass 1's path.  Both passes combine the tables' LLRs with the
learned ``scoring.LEARNED_WEIGHTS``.  Confidence: the bead's posterior probability
(forward–backward over that band) through a logistic fitted on the benchmark (``CALIBRATION``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import numpy as np

from align.aligner import levels, scoring, small
from align.aligner.band import Band, band_around, cell_band, full_band, make_band, path_nodes
from align.aligner.beads import Link
from align.aligner.features import SideFeatures, count_ids, joint_space, side_features
from align.aligner.jit import is_small, kernel
from align.aligner.scoring import BEAD_A, BEAD_B, Params
from align.aligner.small import mark_mismatches, name_gap

FULL_LIMIT = 250_000  # sentence-level DP nodes below which the whole matrix is searched
COARSE_LIMIT = 40_000  # block-level nodes below which a coarse level searches its whole matrix
LEVEL_FACTOR = 8  # sentences per block at the first coarse level, and blocks per block above
COARSE_SKIP = 1.0  # cost of skipping a block in the coarse search
COARSE_MAX_DF = 0.02  # coarse levels use only features found in at most this share of sentences
COARSE_BLOCK_DF = 0.1  # … and, at each level, in at most this share of its blocks
DENSE_WIDTH = 64  # bands at most this wide (cells per row on average) use the dense dot product
SENTENCE_MARGIN = 4  # pass 1 searches this many sentences around the finest block path
PASS2_MARGIN = 4  # pass 2 searches this many sentences around pass 1's path
CONFIDENT_RUN = 5  # a pass-1 1:1 link in the middle of this many 1:1 links teaches pass 2
NEGATIVE_OFFSETS = (-3, -2, 2, 3)  # neighbours of a confident link used as non-translations

# Logistic mapping of logit(posterior) to the reported confidence, fitted by
# benchmarks/alignment.py --fit on perturbation seed 1 (per-document and whole-file runs) and
# checked on seed 2: links with confidence >= 0.9 were 99.1 % correct there.
CALIBRATION = (0.524, 0.171)


def _dot_kernel(name: str, work: int) -> Callable[..., Any]:
    """The similarity kernel ``name``: numpy operations when small (same results), else compiled."""
    return getattr(small, name) if is_small(work) else kernel(name, work)


@dataclass(frozen=True)
class _Side:
    """One side's feature vectors (sentences or blocks), with the derived per-unit figures."""

    ptr: np.ndarray
    ids: np.ndarray
    norm: np.ndarray
    adj1: np.ndarray
    adj2: np.ndarray

    @property
    def size(self) -> int:
        return len(self.ptr) - 1


def _side(ptr: np.ndarray, ids: np.ndarray, weights: np.ndarray, adjacent: bool) -> _Side:
    work = len(ids)
    norm = _dot_kernel("self_norms", work)(ptr, ids, weights)
    if adjacent:
        adj1 = _dot_kernel("shifted_dots", work)(ptr, ids, weights, 1)
        adj2 = _dot_kernel("shifted_dots", work)(ptr, ids, weights, 2)
    else:
        adj1 = adj2 = np.zeros(len(ptr) - 1)
    return _Side(ptr=ptr, ids=ids, norm=norm, adj1=adj1, adj2=adj2)


@dataclass(frozen=True)
class _Cells:
    dots: np.ndarray
    clo: np.ndarray
    chi: np.ndarray
    coff: np.ndarray


def _band_dots(src: _Side, tgt: _Side, weights: np.ndarray, band: Band) -> _Cells:
    clo, chi, coff = cell_band(band, tgt.size)
    if coff[-1] <= DENSE_WIDTH * max(src.size, 1):
        # Narrow band: read each target of a row through a dense copy of the source sentence.
        work = len(src.ids) + int(coff[-1]) * max(len(tgt.ids) // max(tgt.size, 1), 1)
        dots = _dot_kernel("band_dots_dense", work)(src.ptr, src.ids, tgt.ptr, tgt.ids, weights, clo, chi, coff)
    else:
        # Wide band (a whole coarse matrix): walk the shared features through an inverted index.
        work = len(tgt.ids) + len(weights) + int(coff[-1])
        post_ptr, post_sent = kernel("build_postings", work)(tgt.ptr, tgt.ids, len(weights))
        dots = kernel("band_dots", work)(src.ptr, src.ids, weights, post_ptr, post_sent, clo, chi, coff)

    return _Cells(dots=dots, clo=clo, chi=chi, coff=coff)


def _pair_cosines(src: _Side, tgt: _Side, weights: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    per_unit = len(src.ids) / max(src.size, 1) + len(tgt.ids) / max(tgt.size, 1)
    dots = _dot_kernel("pair_dots", int(len(rows) * per_unit))(src.ptr, src.ids, tgt.ptr, tgt.ids, weights, rows, cols)
    norms = np.sqrt(src.norm[rows] * tgt.norm[cols])
    return np.divide(dots, norms, out=np.zeros_like(dots), where=norms > 0)


def _viterbi(band: Band, scores: np.ndarray, bead_a: np.ndarray, bead_b: np.ndarray) -> np.ndarray:
    """Bead types of the best path, first bead first."""
    work = band.nodes * len(bead_a)
    path, _ = (levels.viterbi if is_small(work) else kernel("viterbi", work))(
        band.lo, band.hi, band.off, bead_a, bead_b, scores
    )
    return path[::-1].copy()


# --- coarse-to-fine search -------------------------------------------------------------------------

_COARSE_A = np.array([1, 1, 0], np.int64)
_COARSE_B = np.array([1, 0, 1], np.int64)


def _coarse_path(src: _Side, tgt: _Side, weights: np.ndarray, band: Band, rng: np.random.Generator) -> np.ndarray:
    """Path (nodes) of 1:1/1:0/0:1 block beads through ``band``, scored by cosine over its background."""
    cells = _band_dots(src, tgt, weights, band)
    sample = 400
    background_cos = _pair_cosines(
        src, tgt, weights, rng.integers(0, src.size, sample), rng.integers(0, tgt.size, sample)
    )
    background = float(np.median(background_cos))
    scores = kernel("coarse_scores", band.nodes * 3)(
        band.lo,
        band.hi,
        band.off,
        cells.dots,
        cells.clo,
        cells.chi,
        cells.coff,
        src.norm,
        tgt.norm,
        background,
        COARSE_SKIP,
    )
    return path_nodes(_viterbi(band, scores, _COARSE_A, _COARSE_B), _COARSE_A, _COARSE_B)


def _search_band(src: SideFeatures, tgt: SideFeatures, weights: np.ndarray) -> Band:
    """The sentence-level band: the whole matrix, or a band around a coarse-to-fine block path."""
    n, m = src.size, tgt.size
    if (n + 1) * (m + 1) <= FULL_LIMIT:
        return full_band(n, m)
    sizes = [LEVEL_FACTOR]
    while (math.ceil(n / sizes[-1]) + 1) * (math.ceil(m / sizes[-1]) + 1) > COARSE_LIMIT:
        sizes.append(sizes[-1] * LEVEL_FACTOR)
    # Frequent features cost most in block dot products and tell blocks apart least: drop them.
    df = count_ids(src.ids, len(weights)) + count_ids(tgt.ids, len(weights))
    coarse_weights = np.where(df <= max(2.0, COARSE_MAX_DF * (n + m)), weights, 0).astype(np.float32)
    src_ptr, src_ids = _drop_zero_weight(src.ptr, src.ids, coarse_weights)
    tgt_ptr, tgt_ids = _drop_zero_weight(tgt.ptr, tgt.ids, coarse_weights)
    # Block feature sets, each level built from the one below (sets: a feature counts once per block).
    levels_src = [_blocks(src_ptr, src_ids, LEVEL_FACTOR)]
    levels_tgt = [_blocks(tgt_ptr, tgt_ids, LEVEL_FACTOR)]
    for _ in sizes[1:]:
        levels_src.append(_blocks(*levels_src[-1], LEVEL_FACTOR))
        levels_tgt.append(_blocks(*levels_tgt[-1], LEVEL_FACTOR))
    rng = np.random.default_rng(0)
    path: np.ndarray | None = None
    for (sp, si), (tp, ti) in zip(reversed(levels_src), reversed(levels_tgt), strict=True):
        # Features in many blocks tell few blocks apart and cost most: keep the rarer ones.
        block_df = count_ids(si, len(weights)) + count_ids(ti, len(weights))
        limit = max(2.0, COARSE_BLOCK_DF * (len(sp) + len(tp) - 2))
        level_weights = np.where(block_df <= limit, coarse_weights, 0).astype(np.float32)
        sp, si = _drop_zero_weight(sp, si, level_weights)
        tp, ti = _drop_zero_weight(tp, ti, level_weights)
        blocks_src = _side(sp, si, level_weights, False)
        blocks_tgt = _side(tp, ti, level_weights, False)
        if path is None:
            band = full_band(blocks_src.size, blocks_tgt.size)
        else:
            band = _project(path, blocks_src.size, blocks_tgt.size)
        path = _coarse_path(blocks_src, blocks_tgt, level_weights, band, rng)
    assert path is not None
    return _project(path, n, m, SENTENCE_MARGIN)


def _drop_zero_weight(ptr: np.ndarray, ids: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    # A boolean gather and 32-bit running counts: at 100k sentences a side (20 M ids) the float and
    # 64-bit temporaries made this the peak of the whole alignment (+300 MB).
    keep = (weights > 0)[ids]
    count_type = np.int32 if len(keep) < np.iinfo(np.int32).max else np.int64
    kept_before = np.zeros(len(keep) + 1, count_type)
    np.cumsum(keep, dtype=count_type, out=kept_before[1:])
    return kept_before[ptr].astype(np.int64), ids[keep]


def _blocks(ptr: np.ndarray, ids: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Feature sets of blocks of ``size`` consecutive units."""
    space = int(ids.max()) + 1 if len(ids) else 1
    return kernel("block_sets", len(ids))(ptr, ids, size, space)


def _project(path: np.ndarray, n: int, m: int, margin: int = LEVEL_FACTOR) -> Band:
    """Band at the next finer level around a block path (``LEVEL_FACTOR`` units per block)."""
    scaled = np.minimum(np.asarray(path, np.int64) * LEVEL_FACTOR, [n, m])
    scaled[-1] = (n, m)
    return band_around(scaled, n, m, margin)


def diagonal_band(n: int, m: int, width: int) -> Band:
    """Nodes within ``width`` of the straight line from (0, 0) to (n, m)."""
    centre = np.rint(np.arange(n + 1) * (m / max(n, 1))).astype(np.int64)
    return make_band(centre - width, centre + width, m)


# --- scoring passes --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Problem:
    src: _Side
    tgt: _Side
    src_features: SideFeatures
    tgt_features: SideFeatures
    weights: np.ndarray
    band: Band
    cells: _Cells


def bead_prior(params: Params) -> np.ndarray:
    """The weighted log prior of each bead type: a skip's whole score, the rest's base."""
    return params.weights.prior * params.log_prior + params.weights.bias


def _scores(problem: _Problem, band: Band, params: Params) -> np.ndarray:
    cells, src, tgt = problem.cells, problem.src, problem.tgt
    weights = params.weights
    sim_grid, sim_scale = _grid(scoring.SIM_KNOTS, params.sim_llr)
    len_grid, len_scale = _grid(scoring.LEN_KNOTS, params.len_llr)
    name_table, name_scale = _grid(scoring.NAME_KNOTS, params.name_llr)
    # One row per bead type: the similarity and length LLRs reshaped by the weights of its group
    # (skips read no table: their rows stay 0).
    sim_groups = [scoring.reshaped(sim_grid, scoring.SIM_CUTS, row) for row in weights.sim]
    len_groups = [scoring.reshaped(len_grid, scoring.LEN_CUTS, row) for row in weights.length]
    sim_table = np.zeros((len(BEAD_A), GRID))
    len_table = np.zeros((len(BEAD_A), GRID))
    for t, group in enumerate(scoring.BEAD_GROUP):
        if group >= 0:
            sim_table[t], len_table[t] = sim_groups[group], len_groups[group]
    return _dot_kernel("fine_scores", band.nodes * len(BEAD_A) * 4)(
        band.lo, band.hi, band.off, BEAD_A, BEAD_B, cells.dots, cells.clo, cells.chi, cells.coff,
        src.norm, tgt.norm, src.adj1, src.adj2, tgt.adj1, tgt.adj2,
        problem.src_features.lengths, problem.tgt_features.lengths,
        problem.src_features.punct, problem.tgt_features.punct,
        problem.src_features.names, problem.tgt_features.names,
        bead_prior(params), sim_table, sim_scale, len_table, len_scale,
        weights.punct * params.punct_llr, weights.struct * params.struct_llr,
        weights.name * name_table, name_scale, params.ratio, params.variance,
    )  # fmt: skip


GRID = 1024  # samples of each LLR table for the DP's constant-time look-ups


def _grid(knots: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, float]:
    """The piecewise-linear table sampled on a uniform grid from 0 to its last knot."""
    scale = (GRID - 1) / float(knots[-1])
    return np.interp(np.arange(GRID) / scale, knots, values), scale


def _posteriors(band: Band, scores: np.ndarray, path: np.ndarray) -> np.ndarray:
    """Posterior probability of each bead of ``path`` (forward–backward over the band)."""
    work = band.nodes * len(BEAD_A) * 4
    forward, backward = (
        (levels.forward, levels.backward) if is_small(work) else (kernel("forward", work), kernel("backward", work))
    )
    alpha = forward(band.lo, band.hi, band.off, BEAD_A, BEAD_B, scores)
    beta = backward(band.lo, band.hi, band.off, BEAD_A, BEAD_B, scores)
    i = np.concatenate(([0], np.cumsum(BEAD_A[path])))
    j = np.concatenate(([0], np.cumsum(BEAD_B[path])))
    node = band.off[i] + j - band.lo[i]
    start, end = node[:-1], node[1:]
    log_posterior = alpha[start] + scores[end, path].astype(np.float64) + beta[end] - alpha[-1]
    return np.exp(np.minimum(log_posterior, 0.0))


def _reestimate(problem: _Problem, params: Params, path: np.ndarray) -> Params:
    """Pass-2 parameters from pass 1's path: confident 1:1 links against their neighbours.

    Confident links are 1:1 beads inside a run of ``CONFIDENT_RUN`` 1:1 beads: errors cluster
    around merges and omissions.  They are *not* chosen by their score, which would bias the
    estimated tables (a link chosen for its high cosine teaches that low cosines never happen).
    """
    counts = np.bincount(path, minlength=len(BEAD_A)).astype(np.float64)
    log_prior = scoring.estimate_prior(counts, params.log_prior)
    nodes = path_nodes(path, BEAD_A, BEAD_B)
    is_one = path == 0
    one_to_one = is_one.copy()
    for shift in range(1, CONFIDENT_RUN // 2 + 1):
        one_to_one &= np.concatenate(([True] * shift, is_one[:-shift])) if shift < len(is_one) else True
        one_to_one &= np.concatenate((is_one[shift:], [True] * shift)) if shift < len(is_one) else True
    rows, cols = nodes[:-1][one_to_one, 0], nodes[:-1][one_to_one, 1]
    if len(rows) == 0:
        return replace(params, log_prior=log_prior)
    src_len, tgt_len = problem.src_features.lengths, problem.tgt_features.lengths
    ratio, variance = scoring.estimate_length(src_len[rows], tgt_len[cols], (params.ratio, params.variance))
    neg_rows = np.concatenate([rows for _ in NEGATIVE_OFFSETS])
    neg_cols = np.concatenate([cols + d for d in NEGATIVE_OFFSETS])
    inside = (neg_cols >= 0) & (neg_cols < problem.tgt.size)
    neg_rows, neg_cols = neg_rows[inside], neg_cols[inside]

    def features(r: np.ndarray, c: np.ndarray) -> tuple[np.ndarray, ...]:
        cosine = _pair_cosines(problem.src, problem.tgt, problem.weights, r, c)
        ls, lt = src_len[r], tgt_len[c]
        delta = np.abs(lt - ratio * ls) / np.sqrt(variance * np.maximum(0.5 * (ls + lt / ratio), 1.0))
        mismatches, breaks = mark_mismatches(problem.src_features.punct[r], problem.tgt_features.punct[c])
        names = name_gap(problem.src_features.names[r], problem.tgt_features.names[c])
        return cosine, delta, mismatches, names, breaks

    pos = features(rows, cols)
    neg = features(neg_rows, neg_cols)
    if not params.sim_llr.any():  # the length-only baseline stays length-only
        return replace(
            params,
            log_prior=log_prior,
            len_llr=scoring.llr_table(pos[1], neg[1], scoring.LEN_KNOTS, params.len_llr, increasing=False),
            ratio=ratio,
            variance=variance,
        )
    return replace(
        params,
        log_prior=log_prior,
        sim_llr=scoring.llr_table(pos[0], neg[0], scoring.SIM_KNOTS, params.sim_llr, increasing=True),
        len_llr=scoring.llr_table(pos[1], neg[1], scoring.LEN_KNOTS, params.len_llr, increasing=False),
        punct_llr=scoring.count_table(pos[2], neg[2], params.punct_llr),
        struct_llr=scoring.count_table(pos[4], neg[4], params.struct_llr),
        name_llr=scoring.llr_table(pos[3], neg[3], scoring.NAME_KNOTS, params.name_llr, increasing=False),
        ratio=ratio,
        variance=variance,
    )


def links_of(path: np.ndarray, posterior: np.ndarray) -> list[Link]:
    """The links of a path, each with its calibrated confidence."""
    confidence = scoring.calibrated(posterior, CALIBRATION)
    src_end = np.cumsum(BEAD_A[path]).tolist()
    tgt_end = np.cumsum(BEAD_B[path]).tolist()
    sizes = [(int(a), int(b)) for a, b in zip(BEAD_A, BEAD_B, strict=True)]
    links = []
    for t, i, j, score in zip(path.tolist(), src_end, tgt_end, confidence.tolist(), strict=True):
        a, b = sizes[t]
        links.append(Link(src=tuple(range(i - a, i)), tgt=tuple(range(j - b, j)), score=score))
    return links


@lru_cache(maxsize=8)
def _cached_side_features(texts: tuple[str, ...], lang: str | None) -> SideFeatures:
    """Each language takes part in two of the three pairs: extract its features once (read-only)."""
    return side_features(texts, lang)


def prepare(
    src: Sequence[str], tgt: Sequence[str], method: str = "full", langs: tuple[str, str] | None = None
) -> _Problem:
    """Features, weights, band and band similarities of a sentence pair list (``langs``: source, target)."""
    src_lang, tgt_lang = langs or (None, None)
    src_features = _cached_side_features(tuple(src), src_lang)
    tgt_features = _cached_side_features(tuple(tgt), tgt_lang)
    n, m = src_features.size, tgt_features.size
    if method == "length":
        weights = np.zeros(1, np.float32)
        empty = np.zeros(0, np.int32)
        src_features = replace(src_features, ptr=np.zeros(n + 1, np.int64), ids=empty)
        tgt_features = replace(tgt_features, ptr=np.zeros(m + 1, np.int64), ids=empty)
        band = full_band(n, m) if (n + 1) * (m + 1) <= FULL_LIMIT else diagonal_band(n, m, max(50, n // 20))
    else:
        src_features, tgt_features, weights = joint_space(src_features, tgt_features)
        band = _search_band(src_features, tgt_features, weights)
    src_side = _side(src_features.ptr, src_features.ids, weights, True)
    tgt_side = _side(tgt_features.ptr, tgt_features.ids, weights, True)
    cells = _band_dots(src_side, tgt_side, weights, band)
    return _Problem(src_side, tgt_side, src_features, tgt_features, weights, band, cells)


@dataclass(frozen=True)
class Solution:
    """The last pass of a pairwise alignment: its band, bead scores, path and parameters."""

    band: Band
    scores: np.ndarray
    path: np.ndarray
    posterior: np.ndarray
    params: Params


def solve(problem: _Problem, params: Params, passes: int = 2) -> Solution:
    """Best path, its posteriors, and the band, scores and parameters of the last pass.

    Pass 1 searches the whole band with ``params``; pass 2 re-estimates the parameters from pass
    1's confident links and searches ``PASS2_MARGIN`` sentences around pass 1's path.
    """
    band = problem.band
    scores = _scores(problem, band, params)
    path = _viterbi(band, scores, BEAD_A, BEAD_B)
    for _ in range(passes - 1):
        params = _reestimate(problem, params, path)
        around = band_around(path_nodes(path, BEAD_A, BEAD_B), band.rows, int(band.hi[-1]), PASS2_MARGIN)
        band = make_band(np.maximum(around.lo, band.lo), np.minimum(around.hi, band.hi), int(band.hi[-1]))
        scores = _scores(problem, band, params)
        path = _viterbi(band, scores, BEAD_A, BEAD_B)
    return Solution(band, scores, path, _posteriors(band, scores, path), params)


def decode(band: Band, scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The best path through ``band`` (bead types, first bead first) and each of its beads' posterior."""
    path = _viterbi(band, scores, BEAD_A, BEAD_B)
    return path, _posteriors(band, scores, path)


@dataclass(frozen=True)
class PairResult:
    links: list[Link]
    solution: Solution | None  # None when a side is empty


def align_pair_detailed(
    src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str, *, method: str = "full"
) -> PairResult:
    """:func:`align_pair`, with the last pass's band, scores and parameters (for the three-way DP)."""
    if method not in {"full", "length"}:
        raise ValueError(f"unknown method {method!r}: use 'full' or 'length'")
    if not src or not tgt:
        links = [Link((i,), (), 1.0) for i in range(len(src))] + [Link((), (j,), 1.0) for j in range(len(tgt))]
        return PairResult(links, None)
    problem = prepare(src, tgt, method, (src_lang, tgt_lang))
    params = scoring.default_params(src_lang, tgt_lang, method)
    solution = solve(problem, params, passes=1 if method == "length" else 2)
    return PairResult(links_of(solution.path, solution.posterior), solution)


def align_pair(
    src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str, *, method: str = "full"
) -> list[Link]:
    """Align two lists of sentences; ``method`` is ``"full"`` or ``"length"`` (Gale–Church baseline).

    Returns the beads in order; together they cover every sentence of both sides exactly once, and
    each carries a calibrated confidence in [0, 1].
    """
    return align_pair_detailed(src, tgt, src_lang, tgt_lang, method=method).links
