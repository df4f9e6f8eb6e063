"""The pairwise similarity kernels for small inputs, as numpy array operations.

Run as plain Python, the loops of :mod:`align.aligner.kernels` add weights one at a time into a
float32 total.  Here the weights of every cell are gathered into a padded row and added with
``np.add.accumulate``, which also adds them one at a time, left to right, in float32 (``sum``
would add them pairwise and round differently): the results are bit-for-bit the loops'.
"""

from __future__ import annotations

import numpy as np

from align.aligner.band import node_coordinates
from align.aligner.kernels import INNER_MARKS, LOWER_START, OPEN_END, PUNCT_MASK, SENTENCE_BREAK


def _padded(ptr: np.ndarray, ids: np.ndarray, pad: int) -> np.ndarray:
    """Each row's ids in order, padded with ``pad`` to the longest row: (rows, longest)."""
    lengths = np.diff(ptr)
    out = np.full((len(lengths), int(lengths.max(initial=0))), pad, np.int64)
    rows = np.repeat(np.arange(len(lengths)), lengths)
    out[rows, np.arange(len(ids)) - ptr[rows]] = ids
    return out


def _running_total(values: np.ndarray) -> np.ndarray:
    """Row sums added left to right in float32, as the loops do."""
    if values.shape[1] == 0:
        return np.zeros(values.shape[0], np.float32)
    return np.add.accumulate(values, axis=1)[:, -1]


def _with_zero(weights: np.ndarray) -> np.ndarray:
    """The weights and one more, zero, for the padding id ``len(weights)``."""
    return np.append(weights.astype(np.float32, copy=False), np.float32(0.0))


def _members(ptr: np.ndarray, ids: np.ndarray, space: int) -> np.ndarray:
    """(rows, space + 1) booleans: which ids each row holds (the padding id in none)."""
    member = np.zeros((len(ptr) - 1, space + 1), np.bool_)
    member[np.repeat(np.arange(len(ptr) - 1), np.diff(ptr)), ids] = True
    return member


def self_norms(ptr, ids, weights):
    """:func:`align.aligner.kernels.self_norms`."""
    padded = _padded(ptr, ids, len(weights))
    return _running_total(_with_zero(weights)[padded]).astype(np.float64)


def pair_dots(src_ptr, src_ids, tgt_ptr, tgt_ids, weights, rows, cols):
    """:func:`align.aligner.kernels.pair_dots`: the source's weights found in the target, in order."""
    rows = np.asarray(rows, np.int64)
    cols = np.asarray(cols, np.int64)
    padded = _padded(src_ptr, src_ids, len(weights))[rows]
    present = _members(tgt_ptr, tgt_ids, len(weights))[cols[:, None], padded]
    values = np.where(present, _with_zero(weights)[padded], np.float32(0.0))
    return _running_total(values).astype(np.float64)


def shifted_dots(ptr, ids, weights, shift):
    """:func:`align.aligner.kernels.shifted_dots`."""
    n = len(ptr) - 1
    out = np.zeros(n, np.float64)
    if n > shift:
        rows = np.arange(n - shift)
        out[: n - shift] = pair_dots(ptr, ids, ptr, ids, weights, rows, rows + shift)
    return out


def band_dots_dense(src_ptr, src_ids, tgt_ptr, tgt_ids, weights, clo, chi, coff):
    """:func:`align.aligner.kernels.band_dots_dense`: the target's ids read through the source's weights."""
    n = len(src_ptr) - 1
    space = len(weights)
    dense = np.zeros((n, space + 1), np.float32)
    dense[np.repeat(np.arange(n), np.diff(src_ptr)), src_ids] = weights[src_ids]
    cell_row = np.repeat(np.arange(n), chi - clo)
    cell_col = clo[cell_row] + np.arange(int(coff[n])) - coff[cell_row]
    padded = _padded(tgt_ptr, tgt_ids, space)
    return _running_total(dense[cell_row[:, None], padded[cell_col]])


def fine_scores(
    lo, hi, off, bead_a, bead_b, dots, clo, chi, coff, src_norm, tgt_norm, src_adj1, src_adj2, tgt_adj1, tgt_adj2,
    src_len, tgt_len, src_punct, tgt_punct, src_names, tgt_names, log_prior, sim_table, sim_scale, len_table,
    len_scale, punct_llr, struct_llr, name_table, name_scale, ratio, variance,
):  # fmt: skip
    """:func:`align.aligner.kernels.fine_scores` over all nodes at once, one bead type at a time.

    Every sum is made in the loop's order and precision: the dot product in float32 (the loop adds
    float32 cells to a Python ``0.0``, which NumPy keeps in float32), the cosine's division and its
    scaling in float32, everything else in float64.
    """
    i, j = node_coordinates(lo, hi, off)
    scores = np.full((len(i), len(bead_a)), -1e30, np.float32)
    for t in range(len(bead_a)):
        a, b = int(bead_a[t]), int(bead_b[t])
        pi, pj = i - a, j - b
        safe_pi = np.maximum(pi, 0)
        valid = (pi >= 0) & (pj >= 0) & (pj >= lo[safe_pi]) & (pj <= hi[safe_pi])
        if a == 0 or b == 0:
            scores[valid, t] = log_prior[t]
            continue
        x, pi, pj = np.flatnonzero(valid), pi[valid], pj[valid]
        dot = np.zeros(len(x), np.float32)
        ns = np.zeros(len(x))
        ls = np.zeros(len(x))
        names_s = np.zeros(len(x))
        marks_s = np.zeros(len(x), np.int64)
        for ds in range(a):
            s = pi + ds
            ns = ns + src_norm[s]
            ls = ls + src_len[s]
            marks_s = marks_s | src_punct[s]
            names_s = names_s + src_names[s]
            for du in range(b):
                u = pj + du
                inside = (u >= clo[s]) & (u < chi[s])
                cell = np.where(inside, coff[s] + u - clo[s], 0)
                dot = dot + np.where(inside, dots[cell], np.float32(0.0))
        nt = np.zeros(len(x))
        lt = np.zeros(len(x))
        names_t = np.zeros(len(x))
        marks_t = np.zeros(len(x), np.int64)
        for du in range(b):
            u = pj + du
            nt = nt + tgt_norm[u]
            lt = lt + tgt_len[u]
            marks_t = marks_t | tgt_punct[u]
            names_t = names_t + tgt_names[u]
        for ds in range(a - 1):
            ns = ns + 2.0 * src_adj1[pi + ds]
        if a == 3:
            ns = ns + 2.0 * src_adj2[pi]
        for du in range(b - 1):
            nt = nt + 2.0 * tgt_adj1[pj + du]
        if b == 3:
            nt = nt + 2.0 * tgt_adj2[pj]
        positive = (ns > 0.0) & (nt > 0.0)
        root = np.sqrt(np.where(positive, ns * nt, 1.0)).astype(np.float32)
        cosine = np.where(positive, dot / root, np.float32(0.0))
        sim_bin = np.minimum(cosine * np.float32(sim_scale), np.float32(sim_table.shape[1] - 1)).astype(np.int64)
        mean = 0.5 * (ls + lt / ratio)
        delta = np.abs(lt - ratio * ls) / np.sqrt(variance * np.maximum(mean, 1.0))
        len_bin = np.minimum(delta * len_scale, len_table.shape[1] - 1).astype(np.int64)
        gap = name_gap(names_s, names_t)
        name_bin = np.minimum(gap * name_scale, len(name_table) - 1).astype(np.int64)
        marks_s = (marks_s & INNER_MARKS) | (src_punct[pi] & LOWER_START) | (src_punct[i[x] - 1] & OPEN_END)
        marks_t = (marks_t & INNER_MARKS) | (tgt_punct[pj] & LOWER_START) | (tgt_punct[j[x] - 1] & OPEN_END)
        if a > 1 or b > 1:
            marks_s = marks_s & ~SENTENCE_BREAK
            marks_t = marks_t & ~SENTENCE_BREAK
        mismatches, breaks = mark_mismatches(marks_s, marks_t)
        scores[x, t] = (
            log_prior[t]
            + sim_table[t, sim_bin]
            + len_table[t, len_bin]
            + name_table[name_bin]
            + punct_llr[mismatches]
            + struct_llr[breaks]
        )
    return scores


def mark_mismatches(src_marks: np.ndarray, tgt_marks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Punctuation classes, and structure marks, found on one side only (counts per cell or bead)."""
    differ = src_marks ^ tgt_marks
    punct, structure = np.bitwise_count(differ & PUNCT_MASK), np.bitwise_count(differ & ~PUNCT_MASK)
    return punct.astype(np.int64), structure.astype(np.int64)


def name_gap(src_names: np.ndarray, tgt_names: np.ndarray) -> np.ndarray:
    """Difference of capitalised-word counts over its square-root scale (the DP's name feature)."""
    return np.abs(src_names - tgt_names) / np.sqrt(1.0 + src_names + tgt_names)
