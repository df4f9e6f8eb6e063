"""What the aligner returns: links (beads) between sentence indices, with a calibrated confidence."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    """One bead of a pairwise alignment: source and target sentence indices, in order.

    ``src`` is empty for an addition (0:1), ``tgt`` for an omission (1:0).  ``score`` is the
    calibrated probability that this bead is exactly right.
    """

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float


@dataclass(frozen=True)
class Triple:
    """Sentences of the three languages that translate one another (any side may be empty)."""

    en: tuple[int, ...]
    kk: tuple[int, ...]
    ru: tuple[int, ...]
    score: float


@dataclass(frozen=True)
class TriAlignment:
    """Three-way alignment: the triples, and the pairwise links re-derived from them.

    ``pairs`` has the keys ``"en-kk"``, ``"en-ru"`` and ``"kk-ru"``.
    """

    pairs: dict[str, list[Link]]
    triples: list[Triple]
