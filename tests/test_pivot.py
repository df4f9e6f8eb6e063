"""Three-way alignment: pivot categories of beads, and triples as closed groups of linked sentences."""

from __future__ import annotations

import random

import numpy as np
import pytest

from align.aligner import pivot, threeway
from align.aligner.band import full_band
from align.aligner.beads import Link
from align.aligner.kernels import NEG_INF
from align.aligner.scoring import BEADS

# a has 2 sentences, b has 3, the pivot c has 2.  a0 and b0 both link to c0; a1 has no c counterpart;
# b1 links to c1, which no a sentence links to; b2 has no c counterpart.
A_TO_C = [Link((0,), (0,), 1.0), Link((1,), (), 1.0)]
B_TO_C = [Link((0,), (0,), 1.0), Link((1,), (1,), 1.0), Link((2,), (), 1.0)]


def _category(node: tuple[int, int], bead: tuple[int, int]) -> str:
    band = full_band(2, 3)
    table = pivot.categories(band, A_TO_C, B_TO_C, pivot_size=2)
    i, j = node
    return pivot.CATEGORIES[table[band.off[i] + j - band.lo[i], BEADS.index(bead)]]


@pytest.mark.parametrize(
    ("node", "bead", "expected"),
    [
        ((1, 1), (1, 1), "same"),  # a0–b0: both c0
        ((1, 2), (1, 1), "disjoint"),  # a0–b1: c0 against c1
        ((1, 2), (1, 2), "overlapping"),  # a0–b0b1: c0 against c0..c1
        ((2, 2), (1, 1), "one unlinked"),  # a1–b1: nothing against c1
        ((2, 3), (1, 1), "both unlinked"),  # a1–b2: nothing against nothing
        ((2, 1), (2, 1), "same"),  # a0a1–b0: c0 against c0
        ((2, 0), (1, 0), "skip unlinked"),  # a1 alone: the pivot has no counterpart either
        ((1, 0), (1, 0), "skip contradicted"),  # a0 alone, but c0 has the b counterpart b0
        ((0, 2), (0, 1), "skip agreed"),  # b1 alone: c1 has no a counterpart
        ((0, 1), (0, 1), "skip contradicted"),  # b0 alone, but c0 has the a counterpart a0
    ],
)
def test_each_bead_falls_in_its_category(node: tuple[int, int], bead: tuple[int, int], expected: str) -> None:
    assert _category(node, bead) == expected


def test_pivot_scores_add_the_category_weight_and_keep_impossible_beads() -> None:
    scores = np.array([[NEG_INF, -1.0], [0.5, -2.0]], np.float32)
    category = np.array([[2, 4], [0, 7]], np.int8)
    weights = np.arange(len(pivot.CATEGORIES), dtype=np.float64)
    out = pivot.pivot_scores(scores, category, weights)
    assert out.dtype == np.float32
    assert out[0, 0] <= NEG_INF
    assert out[0, 1] == pytest.approx(-1.0 + 4) and out[1, 0] == pytest.approx(0.5) and out[1, 1] == pytest.approx(5)


def _triples(links: list[list[Link]], sizes: tuple[int, int, int]) -> list[tuple[tuple[int, ...], ...]]:
    posteriors = [np.full(len(pair), 0.99) for pair in links]
    return [(t.en, t.kk, t.ru) for t in threeway._triples(links, posteriors, sizes)]


def _links(*beads: tuple[tuple[int, ...], tuple[int, ...]]) -> list[Link]:
    return [Link(src, tgt, 0.99) for src, tgt in beads]


def test_agreeing_links_give_the_translation_units() -> None:
    # EN merges sentences 1 and 2 of KK and RU; RU leaves out KK's last sentence.
    en_kk = _links(((0,), (0,)), ((1,), (1, 2)), ((), (3,)))
    en_ru = _links(((0,), (0,)), ((1,), (1, 2)))
    kk_ru = _links(((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), ()))
    assert _triples([en_kk, en_ru, kk_ru], (2, 4, 3)) == [((0,), (0,), (0,)), ((1,), (1, 2), (1, 2)), ((), (3,), ())]


def test_disagreeing_links_make_one_larger_triple() -> None:
    en_kk = _links(((0,), (0,)), ((1,), (1,)))
    en_ru = _links(((0,), (0,)), ((1,), (1,)))
    kk_ru = _links(((0,), (1,)), ((1,), ()), ((), (0,)))  # KK 0 with RU 1: disagrees with the others
    assert _triples([en_kk, en_ru, kk_ru], (2, 2, 2)) == [((0, 1), (0, 1), (0, 1))]


def test_a_group_with_a_gap_takes_in_what_lies_between() -> None:
    # {EN 0, KK 0, RU 0, RU 2, EN 2, KK 1} and {EN 1, RU 1}: the first has gaps in EN and RU.
    en_kk = _links(((0,), (0,)), ((1,), ()), ((2,), (1,)))
    en_ru = _links(((0,), (0,)), ((1,), (1,)), ((2,), (2,)))
    kk_ru = _links(((), (0,)), ((), (1,)), ((0,), (2,)), ((1,), ()))
    assert _triples([en_kk, en_ru, kk_ru], (3, 2, 3)) == [((0, 1, 2), (0, 1), (0, 1, 2))]


def test_groups_in_opposite_orders_are_joined() -> None:
    # {EN 0, KK 0, RU 1} and {EN 1, KK 1, RU 0}: EN puts the first group first, RU the second.
    en_kk = _links(((0,), (0,)), ((1,), (1,)))
    en_ru = _links(((0,), ()), ((1,), (0,)), ((), (1,)))
    kk_ru = _links(((), (0,)), ((0,), (1,)), ((1,), ()))
    assert _triples([en_kk, en_ru, kk_ru], (2, 2, 2)) == [((0, 1), (0, 1), (0, 1))]


def test_a_triple_joining_more_links_is_less_confident() -> None:
    en_kk = _links(((0,), (0,)), ((1,), (1,)), ((2,), (2,)))
    en_ru = _links(((0,), (0,)), ((1,), (1,)), ((2,), (2,)))
    kk_ru = _links(((0,), (0,)), ((1,), (2,)), ((2,), ()), ((), (1,)))
    posteriors = [np.full(len(pair), 0.99) for pair in (en_kk, en_ru, kk_ru)]
    triples = threeway._triples([en_kk, en_ru, kk_ru], posteriors, (3, 3, 3))
    assert [(t.en, t.kk, t.ru) for t in triples] == [((0,), (0,), (0,)), ((1, 2), (1, 2), (1, 2))]
    assert 0 < triples[1].score < triples[0].score < 1


def _random_links(rng: random.Random, n: int, m: int) -> list[Link]:
    """A random monotone alignment of n and m sentences from the aligner's bead types."""
    links, i, j = [], 0, 0
    while i < n or j < m:
        a, b = rng.choice([bead for bead in BEADS if i + bead[0] <= n and j + bead[1] <= m])
        links.append(Link(tuple(range(i, i + a)), tuple(range(j, j + b)), 0.9))
        i, j = i + a, j + b
    return links


@pytest.mark.parametrize("seed", range(40))
def test_any_three_alignments_give_ordered_triples_covering_every_sentence(seed: int) -> None:
    rng = random.Random(seed)
    sizes = (rng.randint(1, 30), rng.randint(1, 30), rng.randint(1, 30))
    links = [_random_links(rng, sizes[a], sizes[b]) for a, b in threeway.PAIRS]
    triples = _triples(links, sizes)
    for lang in range(3):
        assert [i for triple in triples for i in triple[lang]] == list(range(sizes[lang]))
    for (a, b), pair in zip(threeway.PAIRS, links, strict=True):
        for link in pair:  # every link inside one triple
            assert sum(set(link.src) <= set(t[a]) and set(link.tgt) <= set(t[b]) for t in triples) == 1
