"""The pivot weights' fitting script sees what the aligner does: its re-decoding equals align_three's."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import numpy as np

from align.aligner import align_pair, align_three, pivot

# Appended, not prepended: benchmarks/ holds modules named like standard ones.
sys.path.append(str(Path(__file__).resolve().parents[1] / "benchmarks"))

import alignment
import perturb
import pivot_weights

from tests.test_aligner import EN, KK, RU

FOREIGN = {
    "en": ["The football club changed its head coach before the new season."],
    "kk": ["Кешке қалада қатты жаңбыр жауды."],
    "ru": ["Музей современного искусства открыл новую выставку."],
}


def _documents() -> list[perturb.Perturbed]:
    texts = {"en": EN, "kk": KK, "ru": RU}
    rates = {**perturb.RATES, "delete": 0.15, "insert": 0.1}
    return [perturb.perturb(list(range(len(EN))), texts, FOREIGN, random.Random(seed), rates) for seed in (96, 142)]


def test_re_decoding_reproduces_the_pairwise_and_the_three_way_aligner() -> None:
    docs = _documents()
    by_pair = pivot_weights.instances(docs)
    for k, (src, tgt) in enumerate(alignment.PAIRS):
        golds = [perturb.pair_gold(doc, src, tgt) for doc in docs]
        pairwise = [[(x.src, x.tgt) for x in align_pair(d.sentences(src), d.sentences(tgt), src, tgt)] for d in docs]
        three_way = [
            [
                (x.src, x.tgt)
                for x in align_three(*(d.sentences(lang) for lang in ("en", "kk", "ru"))).pairs[f"{src}-{tgt}"]
            ]
            for d in docs
        ]
        no_pivot = pivot_weights.pair_f1(by_pair, np.zeros(len(pivot.CATEGORIES)))[k]
        with_pivot = pivot_weights.pair_f1(by_pair, pivot.PIVOT_WEIGHTS)[k]
        assert no_pivot == alignment.score_multiple(golds, pairwise)["f1_strict"]
        assert with_pivot == alignment.score_multiple(golds, three_way)["f1_strict"]
