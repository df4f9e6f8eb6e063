"""The benchmark's perturbation generator (gold tracking) and its Vecalign-style scoring."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

# Appended, not prepended: benchmarks/ holds modules (numbers.py) named like standard ones.
sys.path.append(str(Path(__file__).resolve().parents[1] / "benchmarks"))

import perturb

ROWS = list(range(40))
TEXTS = {lang: [f"{lang} sentence {r}, with a comma in the middle of it." for r in ROWS] for lang in perturb.LANGS}
FOREIGN = {lang: [f"{lang} foreign sentence {k}." for k in range(5)] for lang in perturb.LANGS}
NONE = dict.fromkeys(perturb.RATES, 0.0)


def only(op: str, rate: float = 1.0) -> dict[str, float]:
    return {**NONE, op: rate}


def check_cover(doc: perturb.Perturbed, beads: list, langs: tuple[str, ...]) -> None:
    """Every unit of every language in exactly one bead, in order; each bead contiguous."""
    for position, lang in enumerate(langs):
        units = [i for bead in beads for i in bead[position]]
        assert units == list(range(len(doc.units[lang])))


def test_no_perturbation_is_identity() -> None:
    doc = perturb.perturb(ROWS, TEXTS, FOREIGN, random.Random(1), NONE)
    assert doc.sentences("en") == TEXTS["en"]
    assert perturb.pair_gold(doc, "en", "kk") == [((r,), (r,)) for r in ROWS]
    assert perturb.gold_beads(doc, perturb.LANGS) == [((r,), (r,), (r,)) for r in ROWS]


def test_same_seed_same_document_other_seed_other_document() -> None:
    first = perturb.perturb(ROWS, TEXTS, FOREIGN, random.Random(7))
    again = perturb.perturb(ROWS, TEXTS, FOREIGN, random.Random(7))
    other = perturb.perturb(ROWS, TEXTS, FOREIGN, random.Random(8))
    assert first.units == again.units
    assert first.units != other.units


def test_deletions_become_omissions() -> None:
    doc = perturb.perturb(ROWS, TEXTS, FOREIGN, random.Random(2), only("delete", 0.6))
    gold = perturb.pair_gold(doc, "en", "ru")
    check_cover(doc, gold, ("en", "ru"))
    kinds = {(len(s), len(t)) for s, t in gold}
    assert kinds <= {(1, 1), (1, 0), (0, 1)} and {(1, 0), (0, 1)} <= kinds
    for src, tgt in gold:
        if src and tgt:
            assert doc.units["en"][src[0]].rows == doc.units["ru"][tgt[0]].rows


def test_merges_are_two_to_one_and_join_adjacent_sentences() -> None:
    doc = perturb.perturb(ROWS, TEXTS, FOREIGN, random.Random(3), only("merge", 0.8))
    merged = [u for u in doc.units["en"] if len(u.rows) == 2]
    assert merged
    for unit in merged:
        first, second = sorted(unit.rows)
        assert second == first + 1
        assert unit.text == TEXTS["en"][first] + " " + TEXTS["en"][second]
    gold = perturb.pair_gold(doc, "en", "kk")
    check_cover(doc, gold, ("en", "kk"))
    assert any(len(s) == 2 and len(t) == 1 for s, t in gold) or any(len(s) == 1 and len(t) == 2 for s, t in gold)


def test_splits_cut_at_a_comma_and_become_one_to_two() -> None:
    doc = perturb.perturb(ROWS, TEXTS, FOREIGN, random.Random(4), only("split", 0.8))
    gold = perturb.pair_gold(doc, "en", "ru")
    check_cover(doc, gold, ("en", "ru"))
    split = [bead for bead in gold if len(bead[0]) == 2]
    assert split
    first, second = (doc.units["en"][i].text for i in split[0][0])
    row = next(iter(doc.units["en"][split[0][0][0]].rows))
    assert first.endswith(",") and f"{first} {second}" == TEXTS["en"][row]


def test_moved_boundaries_become_two_to_two() -> None:
    # Only EN moves: its two units share both rows, so they pair with KK's two sentences as one bead.
    rng = random.Random(5)
    doc = perturb.Perturbed({lang: [perturb.Unit(TEXTS[lang][r], frozenset({r})) for r in ROWS] for lang in ("kk",)})
    doc.units["en"] = perturb._move([perturb.Unit(TEXTS["en"][r], frozenset({r})) for r in ROWS], 0.8, rng)
    doc.units["ru"] = []
    gold = perturb.pair_gold(doc, "en", "kk")
    check_cover(doc, gold, ("en", "kk"))
    moved = [bead for bead in gold if len(bead[0]) == 2]
    assert moved and all(len(kk) == 2 for _, kk in moved)
    first, second = (doc.units["en"][i].text for i in moved[0][0])
    rows = sorted(doc.units["en"][moved[0][0][0]].rows)
    assert first.startswith(TEXTS["en"][rows[0]] + " ") and first.endswith(",")
    assert (first + " " + second).lower() == (TEXTS["en"][rows[0]] + " " + TEXTS["en"][rows[1]]).lower()


def test_move_is_drawn_only_when_asked_for() -> None:
    # The benchmark's default runs must not change: no random draw for an operation not in the rates.
    plain = perturb.perturb(ROWS, TEXTS, FOREIGN, random.Random(9))
    zero = perturb.perturb(ROWS, TEXTS, FOREIGN, random.Random(9), {**perturb.RATES, "move": 0.0})
    moved = perturb.perturb(ROWS, TEXTS, FOREIGN, random.Random(9), {**perturb.RATES, "move": 0.5})
    assert plain.units == zero.units
    assert plain.units != moved.units


def test_insertions_are_foreign_additions() -> None:
    doc = perturb.perturb(ROWS, TEXTS, FOREIGN, random.Random(5), only("insert", 0.4))
    inserted = [u for u in doc.units["kk"] if not u.rows]
    assert inserted and all(u.text in FOREIGN["kk"] for u in inserted)
    gold = perturb.pair_gold(doc, "en", "kk")
    check_cover(doc, gold, ("en", "kk"))
    for src, tgt in gold:
        if tgt and not doc.units["kk"][tgt[0]].rows:
            assert src == ()


def test_all_perturbations_keep_gold_consistent_for_pairs_and_triples() -> None:
    for seed in range(5):
        doc = perturb.perturb(ROWS, TEXTS, FOREIGN, random.Random(seed), {op: 3 * r for op, r in perturb.RATES.items()})
        triples = perturb.gold_beads(doc, perturb.LANGS)
        check_cover(doc, triples, perturb.LANGS)
        for src, tgt in (("en", "kk"), ("en", "ru"), ("kk", "ru")):
            check_cover(doc, perturb.pair_gold(doc, src, tgt), (src, tgt))
        # A triple's sides are linked: each side's rows meet the rows of the other sides.
        for bead in triples:
            rows = [
                set().union(*(doc.units[lang][i].rows for i in side))
                for lang, side in zip(perturb.LANGS, bead, strict=True)
            ]
            present = [r for r in rows if r]
            for k, mine in enumerate(present):
                others = set().union(*(r for j, r in enumerate(present) if j != k))
                assert len(present) == 1 or mine & others


def test_concatenate_keeps_gold() -> None:
    docs = [
        perturb.perturb(ROWS[:20], TEXTS, FOREIGN, random.Random(1)),
        perturb.perturb(ROWS[20:], TEXTS, FOREIGN, random.Random(2)),
    ]
    joined = perturb.concatenate(docs)
    gold = perturb.pair_gold(joined, "en", "ru")
    check_cover(joined, gold, ("en", "ru"))


# --- Vecalign strict / lax scores -------------------------------------------------------------------


@pytest.fixture(scope="module")
def score_multiple():
    from alignment import score_multiple

    return score_multiple


def test_perfect_alignment_scores_one(score_multiple) -> None:
    gold = [((0,), (0,)), ((1, 2), (1,)), ((3,), ()), ((), (2,))]
    scores = score_multiple([gold], [gold])
    assert scores["f1_strict"] == scores["f1_lax"] == 1.0


def test_scores_follow_vecalign_definitions(score_multiple) -> None:
    gold = [((0,), (0,)), ((1, 2), (1,)), ((3,), ()), ((4,), (2,))]
    test = [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), ()), ((4,), (2,))]
    scores = score_multiple([gold], [test])
    # Precision over all 5 test beads: 3 exact; lax adds (1)-(1), which overlaps gold (1,2)-(1).
    assert scores["p_strict"] == pytest.approx(3 / 5)
    assert scores["p_lax"] == pytest.approx(4 / 5)
    # Recall over the 3 gold beads with both sides: (0)-(0) and (4)-(2) exact, (1,2)-(1) lax.
    assert scores["r_strict"] == pytest.approx(2 / 3)
    assert scores["r_lax"] == pytest.approx(1.0)
    assert scores["f1_strict"] == pytest.approx(2 * (3 / 5) * (2 / 3) / (3 / 5 + 2 / 3))
