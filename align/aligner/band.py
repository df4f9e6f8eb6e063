"""The band of DP nodes searched, and the band of sentence cells whose similarity is computed.

Memory and time stay linear in the input because nothing outside a band is ever stored: the
band is the whole matrix only for small inputs; otherwise it is built around a coarser path
(see :mod:`align.aligner.pairwise`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

MAX_BEAD = 3  # the largest number of sentences a bead takes on one side


@dataclass(frozen=True)
class Band:
    """Nodes ``(i, j)`` with ``lo[i] <= j <= hi[i]`` for ``0 <= i <= n``, stored row after row."""

    lo: np.ndarray
    hi: np.ndarray
    off: np.ndarray

    @property
    def rows(self) -> int:
        return len(self.lo) - 1

    @property
    def nodes(self) -> int:
        return int(self.off[-1] + self.hi[-1] - self.lo[-1] + 1)


def node_coordinates(lo: np.ndarray, hi: np.ndarray, off: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Row ``i`` and column ``j`` of every node of the band ``lo``/``hi``/``off``, in storage order."""
    i = np.repeat(np.arange(len(lo)), hi - lo + 1)
    return i, lo[i] + np.arange(len(i)) - off[i]


def make_band(lo: np.ndarray, hi: np.ndarray, m: int) -> Band:
    """A valid band from rough bounds: clipped, monotone, connected, from (0, 0) to (n, m)."""
    lo = np.clip(np.asarray(lo, np.int64), 0, m)
    hi = np.clip(np.asarray(hi, np.int64), 0, m)
    lo[0] = 0
    hi[-1] = m
    # Monotone by widening: lo is the suffix minimum, hi the prefix maximum.
    lo = np.minimum.accumulate(lo[::-1])[::-1].copy()
    hi = np.maximum.accumulate(hi)
    hi = np.maximum(hi, lo)
    # Connected: row i must reach back to a node of row i-1 (0:1 steps cover the rest).
    lo[1:] = np.minimum(lo[1:], hi[:-1])
    off = np.zeros(len(lo), np.int64)
    np.cumsum(hi[:-1] - lo[:-1] + 1, out=off[1:])
    return Band(lo=lo, hi=hi, off=off)


def full_band(n: int, m: int) -> Band:
    return make_band(np.zeros(n + 1, np.int64), np.full(n + 1, m, np.int64), m)


def band_around(path: Sequence[tuple[int, int]] | np.ndarray, n: int, m: int, margin: int) -> Band:
    """Nodes within ``margin`` of the boxes spanned by consecutive nodes of ``path``.

    Row ``r`` is covered by the boxes of the steps ``(i0, j0) → (i1, j1)`` with
    ``i0 - margin <= r <= i1 + margin``; as the path is monotone, its lowest column comes from the
    first such step and its highest from the last, found by binary search.
    """
    nodes = np.asarray(path, np.int64).reshape(-1, 2)
    starts, ends = nodes[:-1], nodes[1:]
    rows = np.arange(n + 1)
    first = np.minimum(np.searchsorted(ends[:, 0] + margin, rows, side="left"), len(starts) - 1)
    last = np.maximum(np.searchsorted(starts[:, 0] - margin, rows, side="right") - 1, 0)
    return make_band(starts[first, 1] - margin, ends[last, 1] + margin, m)


def cell_band(band: Band, m: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sentence cells any bead of the band can use: (clo, chi, coff) for each source sentence."""
    n = band.rows
    rows = np.arange(n)
    # Sentence s is used by beads ending on rows s+1 .. s+MAX_BEAD; those reach back MAX_BEAD columns.
    clo = np.maximum(band.lo[np.minimum(rows + 1, n)] - MAX_BEAD, 0)
    chi = np.minimum(band.hi[np.minimum(rows + MAX_BEAD, n)], m)
    chi = np.maximum(chi, clo)
    coff = np.zeros(n + 1, np.int64)
    np.cumsum(chi - clo, out=coff[1:])
    return clo, chi, coff


def path_nodes(path_types: np.ndarray, bead_a: np.ndarray, bead_b: np.ndarray) -> np.ndarray:
    """Nodes visited by a path given as bead types in order (first bead first): (len + 1, 2)."""
    nodes = np.zeros((len(path_types) + 1, 2), np.int64)
    np.cumsum(bead_a[path_types], out=nodes[1:, 0])
    np.cumsum(bead_b[path_types], out=nodes[1:, 1])
    return nodes
