"""Three-way alignment: EN/KK/RU triples that the three pairwise alignments agree with.

1. align en-kk, en-ru and kk-ru independently (:mod:`align.aligner.pairwise`), keeping each pair's
   last-pass band and bead scores;
2. decode each pair again with the evidence of the two others (:mod:`align.aligner.pivot`): a bead
   whose sentences the third language links to the same place gains, one it links apart loses;
3. the triples are the groups of sentences these links join (a link joins all its sentences),
   closed so that every triple's sentences are consecutive in each language and the triples come
   in the same order in all three.  Where the pairwise links agree, the groups are exactly the
   translation units; where they still disagree, the closure makes one larger triple instead of a
   wrong consistent one, and its confidence is low;
4. a triple's confidence is the product of its links' posteriors, through a logistic calibration
   fitted on the benchmark (``TRIPLE_CALIBRATION``).

The pairwise links returned are the ones of step 2: every link lies inside one triple, so the
pairs and the triples agree by construction, and a triple can be finer for one pair than for
another (an RU merge makes a 2:2:1 triple whose EN–KK part is two 1:1 links).

A joint search over triple shapes (the first design) scored a triple through its coarsest
pairwise beads and lost to the pairwise alignments it reconciled (docs/decisions.md).
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from itertools import pairwise

import numpy as np

from align.aligner import pivot
from align.aligner.band import Band
from align.aligner.beads import Link, TriAlignment, Triple
from align.aligner.pairwise import PairResult, Solution, align_pair_detailed, decode, links_of
from align.aligner.scoring import calibrated

LANGS: tuple[str, ...] = ("en", "kk", "ru")
PAIRS: tuple[tuple[int, int], ...] = ((0, 1), (0, 2), (1, 2))  # en-kk, en-ru, kk-ru

# Logistic mapping of logit(product of the links' posteriors) to a triple's confidence, fitted by
# benchmarks/alignment.py --fit on perturbation seed 1 and checked on seed 2 (triples >= 0.9: 98.9 %
# correct there).
TRIPLE_CALIBRATION = (0.437, 0.593)


def align_three(en: Sequence[str], kk: Sequence[str], ru: Sequence[str]) -> TriAlignment:
    """Align EN, KK and RU sentence lists into consistent triples (see the module docstring)."""
    texts = (list(en), list(kk), list(ru))
    results = [align_pair_detailed(texts[a], texts[b], LANGS[a], LANGS[b]) for a, b in PAIRS]
    links = [result.links for result in results]
    solutions = [result.solution for result in results if result.solution is not None]
    if len(solutions) < len(PAIRS):
        return TriAlignment(pairs=_keyed(links), triples=_triples_with_empty_language(texts, results))
    sizes = tuple(len(text) for text in texts)
    decoded = [_with_pivot(k, solution, links, sizes) for k, solution in enumerate(solutions)]
    pair_links = [links_of(path, posterior) for path, posterior in decoded]
    posteriors = [posterior for _, posterior in decoded]
    return TriAlignment(pairs=_keyed(pair_links), triples=_triples(pair_links, posteriors, sizes))


def _keyed(links: list[list[Link]]) -> dict[str, list[Link]]:
    return {f"{LANGS[a]}-{LANGS[b]}": pair for (a, b), pair in zip(PAIRS, links, strict=True)}


def towards(links: list[list[Link]], source: int, target: int) -> list[Link]:
    """The links between two languages (indices into ``LANGS``), ``source`` as their source side."""
    if source < target:
        return links[PAIRS.index((source, target))]
    return [Link(link.tgt, link.src, link.score) for link in links[PAIRS.index((target, source))]]


def pivot_categories(k: int, band: Band, links: list[list[Link]], sizes: tuple[int, ...]) -> np.ndarray:
    """The pivot category of every bead of pair ``k``'s band, from the links of the other two pairs."""
    a, b = PAIRS[k]
    c = 3 - a - b
    return pivot.categories(band, towards(links, a, c), towards(links, b, c), sizes[c])


def _with_pivot(
    k: int, solution: Solution, links: list[list[Link]], sizes: tuple[int, ...]
) -> tuple[np.ndarray, np.ndarray]:
    """Pair ``k`` decoded again with the pivot evidence of the third language: path and posteriors."""
    category = pivot_categories(k, solution.band, links, sizes)
    return decode(solution.band, pivot.pivot_scores(solution.scores, category))


class _Groups:
    """Union–find over all sentences, numbered language after language."""

    def __init__(self, sizes: tuple[int, ...]) -> None:
        self.base = [0, sizes[0], sizes[0] + sizes[1]]
        self.sizes = sizes
        self.parent = list(range(sum(sizes)))

    def node(self, lang: int, sentence: int) -> int:
        return self.base[lang] + sentence

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(self, x: int, y: int) -> None:
        rx, ry = self.find(x), self.find(y)
        self.parent[max(rx, ry)] = min(rx, ry)

    def sequence(self, lang: int) -> list[int]:
        """The group of each sentence of ``lang``, in order."""
        return [self.find(self.base[lang] + s) for s in range(self.sizes[lang])]


def _precedence(sequences: list[list[int]]) -> dict[int, set[int]]:
    """Each group's successors: the groups that follow it directly in some language."""
    successors: dict[int, set[int]] = {}
    for sequence in sequences:
        for root in sequence:
            successors.setdefault(root, set())
        for before, after in pairwise(sequence):
            if before != after:
                successors[before].add(after)
    return successors


def _cycles(successors: dict[int, set[int]]) -> list[list[int]]:
    """The strongly connected sets of more than one group (Tarjan's algorithm, without recursion)."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    stack: list[int] = []
    on_stack: set[int] = set()
    found = []
    for start in successors:
        if start in index:
            continue
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        work = [(start, iter(successors[start]))]
        while work:
            node, pending = work[-1]
            after = next(pending, None)
            if after is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(component)
            elif after not in index:
                index[after] = low[after] = len(index)
                stack.append(after)
                on_stack.add(after)
                work.append((after, iter(successors[after])))
            elif after in on_stack:
                low[node] = min(low[node], index[after])
    return found


def _ordered(groups: _Groups) -> tuple[list[int], list[list[int]]]:
    """The groups in an order every language follows, and each language's sentence groups, after joining.

    Groups that follow one another in a cycle (X before Y in one language, Y before X in another;
    or a group with a gap, X … Y … X) become one group.  The joined graph has no cycle left (its
    edges are the old edges between the joined groups), so every group's sentences are consecutive
    in each language.  Ties go to the group that starts earlier relative to the text's length.
    """
    for cycle in _cycles(_precedence([groups.sequence(lang) for lang in range(3)])):
        for root in cycle[1:]:
            groups.join(cycle[0], root)
    sequences = [groups.sequence(lang) for lang in range(3)]
    successors = _precedence(sequences)
    indegree = dict.fromkeys(successors, 0)
    for targets in successors.values():
        for after in targets:
            indegree[after] += 1
    start: dict[int, float] = {}
    for sequence in sequences:
        for position, root in enumerate(sequence):
            start[root] = min(start.get(root, math.inf), position / len(sequence))
    ready = [(start[root], root) for root, count in indegree.items() if count == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        _, root = heapq.heappop(ready)
        order.append(root)
        for after in successors[root]:
            indegree[after] -= 1
            if indegree[after] == 0:
                heapq.heappush(ready, (start[after], after))
    assert len(order) == len(successors), "a cycle of groups survived the joining"
    return order, sequences


def _triples(links: list[list[Link]], posteriors: list[np.ndarray], sizes: tuple[int, ...]) -> list[Triple]:
    groups = _Groups(sizes)
    for (a, b), pair in zip(PAIRS, links, strict=True):
        for link in pair:
            nodes = [groups.node(a, i) for i in link.src] + [groups.node(b, j) for j in link.tgt]
            for other in nodes[1:]:
                groups.join(nodes[0], other)
    order, sequences = _ordered(groups)
    members: dict[int, list[list[int]]] = {root: [[], [], []] for root in order}
    for lang, sequence in enumerate(sequences):
        for sentence, root in enumerate(sequence):
            members[root][lang].append(sentence)
    log_posterior = dict.fromkeys(order, 0.0)
    for (a, b), pair, posterior in zip(PAIRS, links, posteriors, strict=True):
        for link, p in zip(pair, posterior.tolist(), strict=True):
            first = groups.node(a, link.src[0]) if link.src else groups.node(b, link.tgt[0])
            log_posterior[groups.find(first)] += math.log(max(p, 1e-300))
    scores = calibrated(np.exp([log_posterior[root] for root in order]), TRIPLE_CALIBRATION)
    return [
        Triple(*(tuple(side) for side in members[root]), score=float(score))
        for root, score in zip(order, scores, strict=True)
    ]


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
