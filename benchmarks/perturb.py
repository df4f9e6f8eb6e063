"""Seeded perturbation of line-aligned EN/KK/RU documents, with the gold alignment tracked.

Every sentence of the perturbed text is a *unit*: its text and the set of original rows (line
numbers of the parallel file) it carries.  Operations, each applied to one language at a time so
that every language pair sees the stated rate:

* delete a sentence (``delete``, per row: 10 % of rows lose their sentence on one side of a pair);
* merge two adjacent sentences into one (``merge``);
* split a sentence at a comma near its middle (``split``);
* insert a foreign sentence, taken from another document, at a random place (``insert``);
* move a sentence boundary (``move``, not in the default rates: the bead-weight training uses it):
  the next sentence's opening clause, up to a comma, joins the sentence before it, so the two
  units carry both rows and pair with the other language's two sentences as a 2:2 bead.

Gold alignments are derived from the rows: two units of different languages belong to one bead
when they share a row, and beads are the connected components of that relation (so a merge is a
2:1 bead, a split 1:2, a deletion leaves a 1:0, an insertion a 0:1).
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

LANGS: tuple[str, ...] = ("en", "kk", "ru")

# Rates per language pair; each language gets half (both sides of a pair can be hit).
RATES: dict[str, float] = {"delete": 0.10, "merge": 0.10, "split": 0.05, "insert": 0.05}

_COMMA_RE = re.compile(r",\s+")


@dataclass(frozen=True)
class Unit:
    text: str
    rows: frozenset[int]


@dataclass
class Perturbed:
    """A perturbed document: units per language, in order."""

    units: dict[str, list[Unit]] = field(default_factory=dict)

    def sentences(self, lang: str) -> list[str]:
        return [u.text for u in self.units[lang]]


Bead = tuple[tuple[int, ...], tuple[int, ...]]


def perturb(
    rows: Sequence[int],
    texts: dict[str, Sequence[str]],
    foreign: dict[str, Sequence[str]],
    rng: random.Random,
    rates: dict[str, float] | None = None,
) -> Perturbed:
    """Perturb the document made of ``rows`` of ``texts``; ``foreign`` supplies inserted sentences."""
    rates = RATES if rates is None else rates
    per_language = {op: rate / 2 for op, rate in rates.items()}
    result = Perturbed()
    for lang in LANGS:
        units = [Unit(texts[lang][r], frozenset({r})) for r in rows]
        units = [u for u in units if rng.random() >= per_language["delete"]]
        units = _merge(units, per_language["merge"], rng)
        units = _split(units, per_language["split"], rng)
        if per_language.get("move"):  # drawn only when asked for, so the default runs stay as they were
            units = _move(units, per_language["move"], rng)
        inserts = sum(rng.random() < per_language["insert"] for _ in rows)
        for _ in range(inserts):
            if foreign[lang]:
                units.insert(rng.randint(0, len(units)), Unit(rng.choice(foreign[lang]), frozenset()))
        result.units[lang] = units
    return result


def _adjacent(first: Unit, second: Unit) -> bool:
    """Whether ``second`` continues ``first`` in the original: only such units merge or move a boundary,
    so gold beads stay contiguous."""
    return max(first.rows) + 1 == min(second.rows)


def _inner_commas(text: str) -> list[re.Match[str]]:
    """Commas (with the spaces after them) at least 10 characters from either end of ``text``."""
    return [m for m in _COMMA_RE.finditer(text) if 10 <= m.start() <= len(text) - 10]


def _merge(units: list[Unit], rate: float, rng: random.Random) -> list[Unit]:
    merged: list[Unit] = []
    k = 0
    while k < len(units):
        if k + 1 < len(units) and _adjacent(units[k], units[k + 1]) and rng.random() < rate:
            first, second = units[k], units[k + 1]
            merged.append(Unit(first.text + " " + second.text, first.rows | second.rows))
            k += 2
        else:
            merged.append(units[k])
            k += 1
    return merged


def _split(units: list[Unit], rate: float, rng: random.Random) -> list[Unit]:
    result: list[Unit] = []
    for unit in units:
        commas = _inner_commas(unit.text)
        if commas and rng.random() < rate:
            middle = len(unit.text) / 2
            cut = min(commas, key=lambda m: abs(m.start() - middle))
            result.append(Unit(unit.text[: cut.start() + 1], unit.rows))
            result.append(Unit(unit.text[cut.end() :], unit.rows))
        else:
            result.append(unit)
    return result


def _move(units: list[Unit], rate: float, rng: random.Random) -> list[Unit]:
    moved: list[Unit] = []
    k = 0
    while k < len(units):
        unit = units[k]
        if k + 1 < len(units) and _adjacent(unit, units[k + 1]) and rng.random() < rate:
            following = units[k + 1]
            commas = _inner_commas(following.text)
            if commas:
                cut = commas[0]
                rows = unit.rows | following.rows
                moved.append(Unit(unit.text + " " + following.text[: cut.start() + 1], rows))
                rest = following.text[cut.end() :]
                moved.append(Unit(rest[:1].upper() + rest[1:], rows))
                k += 2
                continue
        moved.append(unit)
        k += 1
    return moved


def gold_beads(doc: Perturbed, langs: Sequence[str]) -> list[tuple[tuple[int, ...], ...]]:
    """Gold beads between the languages ``langs`` (two for a pair, three for triples).

    Each bead is a tuple with one tuple of unit indices per language, in order of the units.
    """
    first_unit: list[tuple[int, int]] = []  # (lang position, unit index) in reading order
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(x: tuple[int, int]) -> tuple[int, int]:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    owner: dict[int, tuple[int, int]] = {}
    for position, lang in enumerate(langs):
        for index, unit in enumerate(doc.units[lang]):
            node = (position, index)
            parent[node] = node
            first_unit.append(node)
            for row in unit.rows:
                if row in owner:
                    parent[find(node)] = find(owner[row])
                else:
                    owner[row] = node
    # A bead must be contiguous on each side: a unit that falls inside one (a foreign sentence
    # inserted between two sentences the other side merged) joins it.
    changed = True
    while changed:
        changed = False
        spans: dict[tuple[tuple[int, int], int], list[int]] = {}
        for position, index in first_unit:
            span = spans.setdefault((find((position, index)), position), [index, index])
            span[0], span[1] = min(span[0], index), max(span[1], index)
        for (root, position), (low, high) in spans.items():
            for index in range(low + 1, high):
                if find((position, index)) != find(root):
                    parent[find((position, index))] = find(root)
                    changed = True
    groups: dict[tuple[int, int], list[list[int]]] = {}
    for node in first_unit:
        groups.setdefault(find(node), [[] for _ in langs])[node[0]].append(node[1])
    beads: list[tuple[tuple[int, ...], ...]] = []
    for sides in groups.values():
        if sum(1 for side in sides if side) > 1:
            beads.append(tuple(tuple(sorted(side)) for side in sides))
        else:  # units with no counterpart are omissions/additions one by one, not an n:0 bead
            beads.extend(
                tuple((index,) if p == position else () for p in range(len(langs)))
                for position, side in enumerate(sides)
                for index in sorted(side)
            )
    return _in_reading_order(beads, [len(doc.units[lang]) for lang in langs])


def _in_reading_order(beads: list[tuple[tuple[int, ...], ...]], sizes: list[int]) -> list[tuple[tuple[int, ...], ...]]:
    """Beads in the order a monotone alignment visits them."""
    starting = {(p, side[0]): bead for bead in beads for p, side in enumerate(bead) if side}
    pointers = [0] * len(sizes)
    ordered = []
    while len(ordered) < len(beads):
        for position, size in enumerate(sizes):
            if pointers[position] >= size:
                continue
            bead = starting.get((position, pointers[position]))
            if bead is not None and all(not side or side[0] == pointers[p] for p, side in enumerate(bead)):
                ordered.append(bead)
                for p, side in enumerate(bead):
                    pointers[p] += len(side)
                break
        else:
            raise ValueError("gold beads cross: the perturbation broke monotonicity")
    return ordered


def pair_gold(doc: Perturbed, src: str, tgt: str) -> list[Bead]:
    return [(bead[0], bead[1]) for bead in gold_beads(doc, (src, tgt))]


def concatenate(docs: Sequence[Perturbed]) -> Perturbed:
    """One document made of several, in order (gold beads stay valid: rows are file-wide)."""
    joined = Perturbed({lang: [] for lang in LANGS})
    for doc in docs:
        for lang in LANGS:
            joined.units[lang].extend(doc.units[lang])
    return joined
