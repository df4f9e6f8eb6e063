"""Learned bead-score weights: the piecewise reshaping, and the perceptron's view of the aligner's scores."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from align.aligner import pairwise, scoring
from align.aligner.scoring import NEUTRAL_WEIGHTS, BeadWeights

# Appended, not prepended: benchmarks/ holds modules named like standard ones.
sys.path.append(str(Path(__file__).resolve().parents[1] / "benchmarks"))

import bead_weights

from tests.test_aligner import EN, RU

VALUES = np.linspace(-12.0, 9.0, 85)


@pytest.mark.parametrize("cuts", [scoring.SIM_CUTS, scoring.LEN_CUTS])
def test_pieces_split_a_value_by_interval_and_sum_to_it(cuts: np.ndarray) -> None:
    rows = scoring.pieces(VALUES, cuts)
    assert rows.shape == (len(cuts) + 1, len(VALUES))
    assert np.allclose(rows.sum(axis=0), VALUES)
    assert np.array_equal(scoring.reshaped(VALUES, cuts, np.ones(len(cuts) + 1)), VALUES)
    # Each piece is the part of the value in its interval: 0 at zero, at most the interval's width.
    assert np.all(scoring.pieces(np.zeros(1), cuts) == 0)
    edges = np.concatenate(([-np.inf], cuts, [np.inf]))
    widths = np.diff(edges)
    assert np.all(np.abs(rows) <= widths[:, None] + 1e-12)


def test_reshaping_changes_the_slope_of_one_interval_only() -> None:
    weights = np.ones(len(scoring.SIM_CUTS) + 1)
    weights[-1] = 3.0  # the last piece: LLRs above the last cut (4)
    out = scoring.reshaped(VALUES, scoring.SIM_CUTS, weights)
    below = scoring.SIM_CUTS[-1] >= VALUES
    assert np.allclose(out[below], VALUES[below])
    assert np.allclose(out[~below], 4.0 + 3.0 * (VALUES[~below] - 4.0))


def test_neutral_weights_are_the_plain_sum() -> None:
    params = replace(scoring.default_params("en", "ru"), weights=NEUTRAL_WEIGHTS)
    assert np.array_equal(pairwise.bead_prior(params), params.log_prior)


def test_length_baseline_keeps_neutral_weights() -> None:
    assert scoring.default_params("en", "ru", "length").weights is NEUTRAL_WEIGHTS
    assert scoring.default_params("en", "ru").weights is scoring.LEARNED_WEIGHTS


def _random_weights(rng: np.random.Generator) -> BeadWeights:
    return bead_weights.from_vector(rng.normal(1.0, 0.7, bead_weights.SIZE))


def test_weight_vector_round_trip() -> None:
    weights = _random_weights(np.random.default_rng(1))
    again = bead_weights.from_vector(bead_weights.to_vector(weights))
    assert np.array_equal(bead_weights.to_vector(again), bead_weights.to_vector(weights))


def _merged_document() -> tuple[pairwise._Problem, pairwise.Solution]:
    """EN merges sentences 3 and 4 (so 2:1 beads have something to say), aligned with neutral weights."""
    en = [*EN[:3], EN[3] + " " + EN[4], *EN[5:]]
    problem = pairwise.prepare(en, RU, "full", ("en", "ru"))
    params = replace(scoring.default_params("en", "ru"), weights=NEUTRAL_WEIGHTS)
    return problem, pairwise.solve(problem, params)


def test_perceptron_scores_are_the_aligners_scores() -> None:
    # What the perceptron decodes from its stored score parts must be what the aligner computes
    # with the same weights, and each score the dot product of the bead's features and the weights.
    problem, solution = _merged_document()
    parts, valid = bead_weights.score_parts(problem, solution.band, solution.params)
    instance = bead_weights.Instance(solution.band, parts, valid, None)
    rng = np.random.default_rng(7)
    for _ in range(3):
        weights = _random_weights(rng)
        aligner = pairwise._scores(problem, solution.band, replace(solution.params, weights=weights))
        learner = bead_weights.bead_scores(instance, weights)
        assert np.array_equal(aligner > -1e29, valid)
        assert np.allclose(learner[valid], aligner[valid], atol=1e-3)
        vector = bead_weights.to_vector(weights)
        nodes, types = np.nonzero(valid)
        for x, t in zip(nodes[::7], types[::7], strict=True):
            features = bead_weights.bead_features(parts[x, t].astype(np.float64), int(t))
            assert features @ vector == pytest.approx(float(learner[x, t]), abs=1e-3)


def test_perceptron_moves_towards_the_gold_path() -> None:
    # One instance whose neutral decoding is wrong: training must make the gold path win.
    problem, solution = _merged_document()
    parts, valid = bead_weights.score_parts(problem, solution.band, solution.params)
    # A deliberately odd "gold": the merged EN sentence matches RU 3 alone, and RU 4 is an addition.
    gold = [0, 0, 0, 0, 2, 0, 0, 0]
    instance = bead_weights.Instance(solution.band, parts, valid, gold)
    assert bead_weights.decode(instance, NEUTRAL_WEIGHTS) != gold
    learned = bead_weights.train([instance], epochs=30, step=0.5)
    assert bead_weights.decode(instance, learned) == gold
