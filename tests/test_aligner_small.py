"""The numpy paths for small inputs give exactly what the loop kernels give (run as plain Python)."""

from __future__ import annotations

import numpy as np
import pytest

from align.aligner import kernels, levels, small
from align.aligner.band import band_around, cell_band, full_band, path_nodes
from align.aligner.features import joint_space, side_features, unique_rows
from align.aligner.scoring import BEAD_A, BEAD_B, median
from tests.test_aligner import EN, KK, RU


def _loop(name: str):
    function = getattr(kernels, name)
    return getattr(function, "py_func", function)


def _problem(src: list[str], tgt: list[str]):
    a, b, weights = joint_space(side_features(src), side_features(tgt))
    sides = []
    for side in (a, b):
        norm = small.self_norms(side.ptr, side.ids, weights)
        adj = [small.shifted_dots(side.ptr, side.ids, weights, shift) for shift in (1, 2)]
        sides.append((side, norm, *adj))
    return sides, weights


@pytest.mark.parametrize(("src", "tgt"), [(EN, RU), (EN[:5], KK[1:]), (RU[2:], [*EN[:3], RU[0], *EN[3:]])])
def test_similarity_kernels_are_bit_identical(src: list[str], tgt: list[str]) -> None:
    ((s, s_norm, s_adj1, s_adj2), (t, *_)), weights = _problem(src, tgt)
    assert np.array_equal(s_norm, _loop("self_norms")(s.ptr, s.ids, weights))
    assert np.array_equal(s_adj1, _loop("shifted_dots")(s.ptr, s.ids, weights, 1))
    assert np.array_equal(s_adj2, _loop("shifted_dots")(s.ptr, s.ids, weights, 2))
    rng = np.random.default_rng(0)
    rows, cols = rng.integers(0, s.size, 50), rng.integers(0, t.size, 50)
    args = (s.ptr, s.ids, t.ptr, t.ids, weights)
    assert np.array_equal(small.pair_dots(*args, rows, cols), _loop("pair_dots")(*args, rows, cols))
    # A narrow band (cells missing) as well as the full matrix.
    path = path_nodes(np.zeros(min(s.size, t.size), np.int64), BEAD_A, BEAD_B)
    path = np.vstack([path, [s.size, t.size]])
    for band in (full_band(s.size, t.size), band_around(path, s.size, t.size, 1)):
        cells = cell_band(band, t.size)
        fast = small.band_dots_dense(*args, *cells)
        assert fast.dtype == np.float32
        assert np.array_equal(fast, _loop("band_dots_dense")(*args, *cells))


def test_fine_scores_and_pairwise_dp_match_the_loops() -> None:
    # A split (a comma ending, a lower-case start) and a merge give the structure marks something to do.
    en = [*EN[:2], "President Tokayev met the German delegation,", "in Astana.", EN[3] + " " + EN[4], *EN[5:]]
    ((s, s_norm, s_adj1, s_adj2), (t, t_norm, t_adj1, t_adj2)), weights = _problem(en, RU[:3] + RU[4:])
    band = full_band(s.size, t.size)
    cells = cell_band(band, t.size)
    dots = small.band_dots_dense(s.ptr, s.ids, t.ptr, t.ids, weights, *cells)
    knots = np.linspace(0, 1, 8)
    args = (
        band.lo, band.hi, band.off, BEAD_A, BEAD_B, dots, *cells, s_norm, t_norm, s_adj1, s_adj2, t_adj1, t_adj2,
        s.lengths, t.lengths, s.punct, t.punct, s.names, t.names, np.log(np.full(8, 0.125)),
        np.sin(np.add.outer(np.arange(8.0), knots * 7)), 7.0 / 1.0,  # a table row per bead type
        np.cos(np.add.outer(np.arange(8.0) / 2, knots * 3)), 1.7, np.array([0.5, -1.0, -2.0, -3.0, -4.0]),
        np.array([0.2, -1.5, -2.5, -3.5]), knots - 0.5, 2.3, 1.05, 3.4,
    )  # fmt: skip
    scores = small.fine_scores(*args)
    assert np.array_equal(scores, _loop("fine_scores")(*args))
    dp = (band.lo, band.hi, band.off, BEAD_A, BEAD_B, scores)
    path, best = levels.viterbi(*dp)
    loop_path, loop_best = _loop("viterbi")(*dp)
    assert np.array_equal(path, loop_path) and best == loop_best
    for name in ("forward", "backward"):
        fast, slow = getattr(levels, name)(*dp), _loop(name)(*dp)
        assert np.array_equal(fast <= kernels.NEG_INF, slow <= kernels.NEG_INF)
        assert np.allclose(fast, slow, rtol=0, atol=1e-9)


def test_unique_rows_and_median_match_numpy() -> None:
    rng = np.random.default_rng(1)
    rows = np.sort(rng.integers(0, 6, 300)).astype(np.int32)
    ids = rng.integers(0, 40, 300).astype(np.int32)
    ptr, unique = unique_rows(rows, ids, 6)
    loop_ptr, loop_unique = _loop("group_rows")(rows, ids, 6, 40)
    assert np.array_equal(ptr, loop_ptr) and np.array_equal(unique, loop_unique)
    for size in (1, 2, 7, 10):
        values = rng.random(size) * 100
        assert median(values) == float(np.median(values))
