"""Three-way alignment: EN/KK/RU triples that the three pairwise alignments agree with.

Approach (a joint DP over the three languages, kept small by the pairwise bands):

1. align en-kk, en-ru and kk-ru independently (:mod:`align.aligner.pairwise`), keeping each
   pair's last-pass band and bead scores;
2. search triples with a DP over states ``(i, j, k)`` (EN, KK, RU prefixes) restricted to the box
   that the en-kk and en-ru bands allow for each ``i``.  A triple of shape ``(a, b, c)`` sentences
   scores the *evidence* (log-likelihood ratio, i.e. the pairwise DP score less its prior) of the
   three pairwise beads it implies, plus the log prior of its shape.  Where the pairwise alignments
   agree, the joint optimum is their common answer; where they disagree, it is the best-scoring
   consistent choice, and the disagreement shows as a lower posterior;
3. each triple's confidence is its posterior probability (forward–backward over the states),
   through a logistic calibration fitted on the benchmark;
4. the pairwise links returned are re-derived from the triples, so they agree with them by
   construction: every link lies inside one triple.  Within a triple (E, K, R), the en-kk links
   are the pairwise aligner's own when they lie inside it and cover exactly E and K (so an RU
   merge, a 2:2:1 triple, still has two 1:1 EN-KK links); otherwise the single link (E, K), or
   omissions (1:0 / 0:1) one per sentence where a side is empty.  A link keeps its pairwise
   confidence when the pairwise aligner produced it, and takes the triple's otherwise.

Every sentence of each language is in exactly one triple, and triples are monotone in all three.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import product

import numpy as np

from align.aligner import levels, scoring
from align.aligner.band import band_around, make_band, path_nodes
from align.aligner.beads import Link, TriAlignment, Triple
from align.aligner.jit import is_small, kernel
from align.aligner.pairwise import PairResult, Solution, align_pair_detailed, bead_prior
from align.aligner.scoring import BEAD_A, BEAD_B

LANGS: tuple[str, ...] = ("en", "kk", "ru")
PAIRS: tuple[tuple[int, int], ...] = ((0, 1), (0, 2), (1, 2))  # en-kk, en-ru, kk-ru
OUTSIDE_EVIDENCE = -8.0  # a kk-ru bead the kk-ru search never considered
TRI_MARGIN = 4  # the joint search keeps within this many sentences of the en-kk and en-ru paths
# Each language takes part in two of the three pairs, so the sum of the three pairwise evidences
# counts every sentence's information twice; weights 1, 2/3 and 1/2 were measured on the benchmark
# (perturbation seed 1) and 2/3 gave the best triple F1 and calibration.
EVIDENCE_WEIGHT = 2 / 3

# Probability of a triple's shape (sentences per language), measured on the gold triples of
# benchmarks/alignment.py perturbation seed 1 and averaged over permutations of the languages.
TRIPLE_PRIOR: dict[tuple[int, ...], float] = {
    (1, 1, 1): 0.678, (0, 1, 1): 0.0378, (1, 2, 2): 0.0230, (0, 0, 1): 0.0223, (1, 1, 2): 0.0169,
    (2, 2, 2): 0.0053, (1, 2, 3): 0.0012, (0, 1, 2): 0.0007, (1, 1, 3): 0.0007,
}  # fmt: skip
TRIPLE_PRIOR_FLOOR = 0.0003

# Logistic mapping of logit(posterior) to a triple's confidence, fitted by benchmarks/alignment.py
# --fit on perturbation seed 1 and checked on seed 2 (triples >= 0.9: 98.2 % correct there).
TRIPLE_CALIBRATION = (0.760, -0.390)


def triple_log_prior(sizes: tuple[int, ...]) -> float:
    return math.log(TRIPLE_PRIOR.get(tuple(sorted(sizes)), TRIPLE_PRIOR_FLOOR))


def _bead_types() -> np.ndarray:
    table = np.full((4, 4), -1, np.int64)
    for t, (a, b) in enumerate(scoring.BEADS):
        if a and b:
            table[a, b] = t
    return table


_BEAD_TYPE = _bead_types()
# Shapes whose three pairwise beads are all bead types of the pairwise DP (or omissions).
SHAPES: tuple[tuple[int, int, int], ...] = tuple(
    shape
    for shape in product(range(4), repeat=3)
    if any(shape) and all(not (shape[a] and shape[b]) or _BEAD_TYPE[shape[a], shape[b]] >= 0 for a, b in PAIRS)
)
_SA, _SB, _SC = (np.array([shape[lang] for shape in SHAPES], np.int64) for lang in range(3))
_SHAPE_PRIOR = np.array([triple_log_prior(shape) for shape in SHAPES], np.float64)


def align_three(en: Sequence[str], kk: Sequence[str], ru: Sequence[str]) -> TriAlignment:
    """Align EN, KK and RU sentence lists into consistent triples (see the module docstring)."""
    texts = (list(en), list(kk), list(ru))
    results = [align_pair_detailed(texts[a], texts[b], LANGS[a], LANGS[b]) for a, b in PAIRS]
    solutions = [result.solution for result in results]
    if any(solution is None for solution in solutions):
        triples = _triples_with_empty_language(texts, results)
    else:
        triples = _joint_triples([s for s in solutions if s is not None], tuple(len(t) for t in texts))
    pairs = {f"{LANGS[a]}-{LANGS[b]}": _derive(triples, a, b, results[k].links) for k, (a, b) in enumerate(PAIRS)}
    return TriAlignment(pairs=pairs, triples=triples)


def _joint_triples(solutions: list[Solution], sizes: tuple[int, ...]) -> list[Triple]:
    enkk, enru, kkru = solutions
    jlo, jhi = _box_side(enkk)
    klo, khi = _box_side(enru)
    off3 = np.zeros(len(jlo), np.int64)
    np.cumsum((jhi[:-1] - jlo[:-1] + 1) * (khi[:-1] - klo[:-1] + 1), out=off3[1:])
    box = (jlo, jhi, klo, khi, off3)
    states = int(off3[-1] + (jhi[-1] - jlo[-1] + 1) * (khi[-1] - klo[-1] + 1))
    work = states * len(SHAPES)
    if is_small(work):
        # The same DP as numpy operations, level by level: no per-state Python loop, no compiler.
        states_box = levels.make_box(*box, _SA, _SB, _SC)
        scores = levels.tri_scores(
            states_box, _SA, _SB, _SC, _SHAPE_PRIOR, _BEAD_TYPE,
            _pair_arrays(enkk), _pair_arrays(enru), _pair_arrays(kkru), OUTSIDE_EVIDENCE, EVIDENCE_WEIGHT,
        )  # fmt: skip
        back = levels.tri_viterbi(states_box, scores)
        alpha = levels.tri_forward(states_box, scores)
        beta = levels.tri_backward(states_box, scores)
    else:
        scores = kernel("tri_scores", work)(
            *box, _SA, _SB, _SC, _SHAPE_PRIOR, _BEAD_TYPE,
            *_pair_arrays(enkk), *_pair_arrays(enru), *_pair_arrays(kkru), OUTSIDE_EVIDENCE, EVIDENCE_WEIGHT,
        )  # fmt: skip
        _, back = kernel("tri_dp", work)(*box, _SA, _SB, _SC, scores, 0)
        alpha, _ = kernel("tri_dp", work)(*box, _SA, _SB, _SC, scores, 1)
        beta = kernel("tri_backward", work)(*box, _SA, _SB, _SC, scores)

    def index(i: int, j: int, k: int) -> int:
        return int(off3[i] + (j - jlo[i]) * (khi[i] - klo[i] + 1) + k - klo[i])

    # Back-track from the last state.
    steps: list[tuple[int, tuple[int, int, int], int, int]] = []
    i, j, k = sizes
    while i or j or k:
        x = index(i, j, k)
        s = int(back[x])
        a, b, c = SHAPES[s]
        previous = (i - a, j - b, k - c)
        steps.append((s, previous, index(*previous), x))
        i, j, k = previous
    steps.reverse()
    total = alpha[-1]
    triples = []
    for s, (i, j, k), start, end in steps:
        a, b, c = SHAPES[s]
        log_posterior = min(0.0, alpha[start] + float(scores[end, s]) + beta[end] - total)
        triples.append(
            Triple(
                tuple(range(i, i + a)),
                tuple(range(j, j + b)),
                tuple(range(k, k + c)),
                score=_calibrate(math.exp(log_posterior)),
            )
        )
    return triples


def _box_side(solution: Solution) -> tuple[np.ndarray, np.ndarray]:
    """Rows of the pairwise band within ``TRI_MARGIN`` sentences of the pairwise path."""
    band = solution.band
    around = band_around(path_nodes(solution.path, BEAD_A, BEAD_B), band.rows, int(band.hi[-1]), TRI_MARGIN)
    narrowed = make_band(np.maximum(around.lo, band.lo), np.minimum(around.hi, band.hi), int(band.hi[-1]))
    return narrowed.lo, narrowed.hi


def _pair_arrays(solution: Solution) -> tuple[np.ndarray, ...]:
    band = solution.band
    return band.lo, band.hi, band.off, solution.scores, bead_prior(solution.params)


def _calibrate(posterior: float) -> float:
    slope, intercept = TRIPLE_CALIBRATION
    p = min(max(posterior, 1e-9), 1 - 1e-9)
    return 1.0 / (1.0 + math.exp(-(slope * math.log(p / (1 - p)) + intercept)))


def _triples_with_empty_language(texts: tuple[list[str], ...], results: list[PairResult]) -> list[Triple]:
    """Triples when a language has no sentences: the other two languages' alignment, as triples."""
    present = [lang for lang in range(3) if texts[lang]]
    if len(present) < 2:
        return [
            Triple(*(((i,) if lang == only else ()) for lang in range(3)), score=1.0)  # type: ignore[arg-type]
            for only in present
            for i in range(len(texts[only]))
        ]
    a, b = present
    links = results[PAIRS.index((a, b))].links
    triples = []
    for link in links:
        sides: list[tuple[int, ...]] = [(), (), ()]
        sides[a], sides[b] = link.src, link.tgt
        triples.append(Triple(sides[0], sides[1], sides[2], score=link.score))
    return triples


def _implied_links(triple: Triple, a: int, b: int) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    sides = (triple.en, triple.kk, triple.ru)
    src, tgt = sides[a], sides[b]
    if src and tgt:
        return [(src, tgt)]
    return [((i,), ()) for i in src] + [((), (j,)) for j in tgt]


def _derive(triples: list[Triple], a: int, b: int, original: list[Link]) -> list[Link]:
    """Pairwise links consistent with the triples, in order, with their confidences.

    Inside each triple, the pairwise aligner's own links are kept when they lie within the triple
    and cover exactly its sentences of the two languages (a triple can be finer for one pair than
    for another: an RU merge makes a 2:2:1 triple whose EN-KK part is two 1:1 links); otherwise
    the triple's link, or its omissions, replace them.
    """
    by_src = {i: link for link in original for i in link.src}
    by_tgt = {j: link for link in original for j in link.tgt}
    known = {(link.src, link.tgt): link.score for link in original}
    derived: list[Link] = []
    for triple in triples:
        sides = (triple.en, triple.kk, triple.ru)
        src, tgt = sides[a], sides[b]
        inside = {id(by_src[i]): by_src[i] for i in src} | {id(by_tgt[j]): by_tgt[j] for j in tgt}
        links = sorted(inside.values(), key=lambda link: (link.src or link.tgt, link.tgt or link.src))
        covered_src = sorted(i for link in links for i in link.src)
        covered_tgt = sorted(j for link in links for j in link.tgt)
        if covered_src == list(src) and covered_tgt == list(tgt) and links:
            derived.extend(links)
        else:
            derived.extend(Link(s, t, known.get((s, t), triple.score)) for s, t in _implied_links(triple, a, b))
    return derived
