"""Inner loops of the aligner, written in the subset of Python that numba compiles.

Every function here runs as plain Python (small inputs: an abstract of a few sentences needs no
compiler) or compiled by :mod:`align.aligner.jit` (large inputs).  Both run the same code, so
they give the same results.  Keep to numpy arrays, scalars and loops: no Python objects.

Nodes and band.  A DP node ``(i, j)`` means "the first ``i`` source and ``j`` target sentences are
aligned".  Row ``i`` holds the nodes ``j`` in ``[lo[i], hi[i]]``; ``lo`` and ``hi`` never decrease.
Node ``(i, j)`` is stored at ``off[i] + j - lo[i]``.  A bead of type ``t`` takes ``bead_a[t]`` source
and ``bead_b[t]`` target sentences and ends at its node.

Cells.  A cell ``(s, t)`` is a pair of sentences; row ``s`` holds the cells ``t`` in
``[clo[s], chi[s])``, stored at ``coff[s] + t - clo[s]`` (the dot products of their feature vectors).
"""

from __future__ import annotations

import math

import numpy as np

NEG_INF = -1e30  # "impossible"; finite so that sums stay finite in compiled code
# A sentence's marks: bits 0-3 are punctuation classes (? ! quotes brackets), then come its
# structure marks (align.aligner.features.structure).
PUNCT_MASK = 15
SENTENCE_BREAK = 16
LOWER_START = 32
OPEN_END = 64
INNER_MARKS = LOWER_START - 1  # punctuation classes and the sentence break


def build_postings(ptr, ids, space):
    """Inverted index of one side: for each feature id, the sentences holding it, in order."""
    n = len(ptr) - 1
    post_ptr = np.zeros(space + 1, np.int64)
    for k in range(len(ids)):
        post_ptr[ids[k] + 1] += 1
    for g in range(space):
        post_ptr[g + 1] += post_ptr[g]
    fill = post_ptr[:-1].copy()
    post_sent = np.empty(len(ids), np.int32)
    for s in range(n):
        for k in range(ptr[s], ptr[s + 1]):
            g = ids[k]
            post_sent[fill[g]] = s
            fill[g] += 1
    return post_ptr, post_sent


def band_dots(src_ptr, src_ids, weights, post_ptr, post_sent, clo, chi, coff):
    """Weighted dot products of the cells of a band (``clo`` must not decrease).

    Walks each source sentence's features and, through the target postings, the target sentences
    of the band that share them; a cursor per feature id only moves forward, so the cost is the
    number of shared features in the band plus the postings passed over once.
    """
    n = len(src_ptr) - 1
    out = np.zeros(coff[n], np.float32)
    cursor = post_ptr[:-1].copy()
    for s in range(n):
        lo = clo[s]
        hi = chi[s]
        if hi <= lo:
            continue
        base = coff[s] - lo
        for k in range(src_ptr[s], src_ptr[s + 1]):
            g = src_ids[k]
            w = weights[g]
            if w == 0.0:
                continue
            p = cursor[g]
            end = post_ptr[g + 1]
            while p < end and post_sent[p] < lo:
                p += 1
            cursor[g] = p
            while p < end and post_sent[p] < hi:
                out[base + post_sent[p]] += w
                p += 1
    return out


def shifted_dots(ptr, ids, weights, shift):
    """Dot product of each sentence with the sentence ``shift`` places later on the same side.

    Marks one sentence's features in a dense vector and reads the other's: no sorted ids needed.
    """
    n = len(ptr) - 1
    out = np.zeros(n, np.float64)
    present = np.zeros(len(weights), np.bool_)
    for s in range(n - shift):
        for k in range(ptr[s + shift], ptr[s + shift + 1]):
            present[ids[k]] = True
        total = 0.0
        for k in range(ptr[s], ptr[s + 1]):
            if present[ids[k]]:
                total += weights[ids[k]]
        for k in range(ptr[s + shift], ptr[s + shift + 1]):
            present[ids[k]] = False
        out[s] = total
    return out


def group_rows(rows, ids, n, space):
    """CSR of (row, id) pairs: ``ptr`` (n + 1) and each row's ids without repeats (any order)."""
    ptr = np.zeros(n + 1, np.int64)
    for k in range(len(rows)):
        ptr[rows[k] + 1] += 1
    for r in range(n):
        ptr[r + 1] += ptr[r]
    fill = ptr[:-1].copy()
    grouped = np.empty(len(ids), np.int32)
    for k in range(len(rows)):
        grouped[fill[rows[k]]] = ids[k]
        fill[rows[k]] += 1
    last_row = np.full(space, -1, np.int32)
    out_ptr = np.zeros(n + 1, np.int64)
    used = 0
    for r in range(n):
        for k in range(ptr[r], ptr[r + 1]):
            value = grouped[k]
            if last_row[value] != r:
                last_row[value] = r
                grouped[used] = value
                used += 1
        out_ptr[r + 1] = used
    return out_ptr, grouped[:used].copy()


def self_norms(ptr, ids, weights):
    """Squared norm of each sentence's weighted feature vector (features are sets)."""
    n = len(ptr) - 1
    out = np.zeros(n, np.float64)
    for s in range(n):
        total = 0.0
        for k in range(ptr[s], ptr[s + 1]):
            total += weights[ids[k]]
        out[s] = total
    return out


def fine_scores(
    lo,
    hi,
    off,
    bead_a,
    bead_b,
    dots,
    clo,
    chi,
    coff,
    src_norm,
    tgt_norm,
    src_adj1,
    src_adj2,
    tgt_adj1,
    tgt_adj2,
    src_len,
    tgt_len,
    src_punct,
    tgt_punct,
    src_names,
    tgt_names,
    log_prior,
    sim_table,
    sim_scale,
    len_table,
    len_scale,
    punct_llr,
    struct_llr,
    name_table,
    name_scale,
    ratio,
    variance,
):
    """Score (log prior + log-likelihood ratios) of every bead type ending at every band node.

    For a bead of ``a`` source and ``b`` target sentences: cosine of the summed feature vectors
    (norms from the sentences' norms plus twice their same-side dot products), Gale–Church delta
    of the summed lengths, the number of punctuation classes and of structure marks present on one
    side only, and the difference of capitalised-word counts over its square-root scale.  Each LLR
    is read from a table sampled on a uniform grid (``table[int(x * scale)]``, last entry beyond
    the end); the similarity and length tables have one row per bead type (their weighting differs).
    """
    n = len(lo) - 1
    nodes = off[n] + hi[n] - lo[n] + 1
    beads = len(bead_a)
    sim_last = sim_table.shape[1] - 1
    len_last = len_table.shape[1] - 1
    name_last = len(name_table) - 1
    scores = np.full((nodes, beads), NEG_INF, np.float32)
    for i in range(n + 1):
        for j in range(lo[i], hi[i] + 1):
            x = off[i] + j - lo[i]
            for t in range(beads):
                a = bead_a[t]
                b = bead_b[t]
                pi = i - a
                pj = j - b
                if pi < 0 or pj < 0 or pj < lo[pi] or pj > hi[pi]:
                    continue
                if a == 0 or b == 0:
                    scores[x, t] = log_prior[t]
                    continue
                dot = 0.0
                ns = 0.0
                ls = 0.0
                marks_s = 0
                names_s = 0.0
                for s in range(pi, i):
                    ns += src_norm[s]
                    ls += src_len[s]
                    marks_s |= src_punct[s]
                    names_s += src_names[s]
                    for u in range(max(pj, clo[s]), min(j, chi[s])):
                        dot += dots[coff[s] + u - clo[s]]
                nt = 0.0
                lt = 0.0
                marks_t = 0
                names_t = 0.0
                for u in range(pj, j):
                    nt += tgt_norm[u]
                    lt += tgt_len[u]
                    marks_t |= tgt_punct[u]
                    names_t += tgt_names[u]
                for s in range(pi, i - 1):
                    ns += 2.0 * src_adj1[s]
                if a == 3:
                    ns += 2.0 * src_adj2[pi]
                for u in range(pj, j - 1):
                    nt += 2.0 * tgt_adj1[u]
                if b == 3:
                    nt += 2.0 * tgt_adj2[pj]
                cosine = 0.0
                if ns > 0.0 and nt > 0.0:
                    cosine = dot / math.sqrt(ns * nt)
                mean = 0.5 * (ls + lt / ratio)
                delta = abs(lt - ratio * ls) / math.sqrt(variance * max(mean, 1.0))
                gap = abs(names_s - names_t) / math.sqrt(1.0 + names_s + names_t)
                # Structure marks: a sentence break only in a 1:1 bead, the bead's first lower-case
                # start and its last open end (see align.aligner.features.structure).
                marks_s = (marks_s & INNER_MARKS) | (src_punct[pi] & LOWER_START) | (src_punct[i - 1] & OPEN_END)
                marks_t = (marks_t & INNER_MARKS) | (tgt_punct[pj] & LOWER_START) | (tgt_punct[j - 1] & OPEN_END)
                if a > 1 or b > 1:
                    marks_s &= ~SENTENCE_BREAK
                    marks_t &= ~SENTENCE_BREAK
                differ = (marks_s ^ marks_t) & PUNCT_MASK
                mismatches = 0
                while differ:
                    mismatches += differ & 1
                    differ >>= 1
                differ = (marks_s ^ marks_t) >> 4
                breaks = 0
                while differ:
                    breaks += differ & 1
                    differ >>= 1
                scores[x, t] = (
                    log_prior[t]
                    + sim_table[t, min(int(cosine * sim_scale), sim_last)]
                    + len_table[t, min(int(delta * len_scale), len_last)]
                    + name_table[min(int(gap * name_scale), name_last)]
                    + punct_llr[mismatches]
                    + struct_llr[breaks]
                )
    return scores


def coarse_scores(lo, hi, off, dots, clo, chi, coff, src_norm, tgt_norm, background, skip):
    """Scores of the 1:1, 1:0 and 0:1 beads between blocks: log of cosine over its background."""
    n = len(lo) - 1
    nodes = off[n] + hi[n] - lo[n] + 1
    scores = np.full((nodes, 3), NEG_INF, np.float32)
    for i in range(n + 1):
        for j in range(lo[i], hi[i] + 1):
            x = off[i] + j - lo[i]
            if i > 0 and j > 0 and lo[i - 1] <= j - 1 <= hi[i - 1]:
                cosine = 0.0
                norm = src_norm[i - 1] * tgt_norm[j - 1]
                if norm > 0.0 and clo[i - 1] <= j - 1 < chi[i - 1]:
                    cosine = dots[coff[i - 1] + j - 1 - clo[i - 1]] / math.sqrt(norm)
                scores[x, 0] = max(math.log((cosine + 0.01) / (background + 0.01)), -3.0)
            if i > 0 and lo[i - 1] <= j <= hi[i - 1]:
                scores[x, 1] = -skip
            if j > lo[i]:
                scores[x, 2] = -skip
    return scores


def viterbi(lo, hi, off, bead_a, bead_b, scores):
    """Best path from (0, 0) to (n, m): the bead types along it, last first."""
    n = len(lo) - 1
    nodes = off[n] + hi[n] - lo[n] + 1
    beads = len(bead_a)
    best = np.full(nodes, NEG_INF, np.float64)
    back = np.full(nodes, -1, np.int8)
    best[0] = 0.0
    for i in range(n + 1):
        for j in range(lo[i], hi[i] + 1):
            x = off[i] + j - lo[i]
            top = NEG_INF
            arg = -1
            for t in range(beads):
                score = scores[x, t]
                if score <= NEG_INF:
                    continue
                pi = i - bead_a[t]
                pj = j - bead_b[t]
                value = best[off[pi] + pj - lo[pi]] + score
                if value > top:
                    top = value
                    arg = t
            if arg >= 0:
                best[x] = top
                back[x] = arg
    path = np.empty(n + hi[n] + 1, np.int8)
    length = 0
    i = n
    j = hi[n]
    while i > 0 or j > 0:
        t = back[off[i] + j - lo[i]]
        path[length] = t
        length += 1
        i -= bead_a[t]
        j -= bead_b[t]
    return path[:length].copy(), best[nodes - 1]


def _logaddexp(x, y):
    if x < y:
        x, y = y, x
    if y <= NEG_INF:
        return x
    return x + math.log1p(math.exp(y - x))


def forward(lo, hi, off, bead_a, bead_b, scores):
    """Log-sum over all paths from (0, 0) to each node."""
    n = len(lo) - 1
    nodes = off[n] + hi[n] - lo[n] + 1
    alpha = np.full(nodes, NEG_INF, np.float64)
    alpha[0] = 0.0
    for i in range(n + 1):
        for j in range(lo[i], hi[i] + 1):
            x = off[i] + j - lo[i]
            total = alpha[x]
            for t in range(len(bead_a)):
                score = scores[x, t]
                if score <= NEG_INF:
                    continue
                pi = i - bead_a[t]
                pj = j - bead_b[t]
                total = _logaddexp(total, alpha[off[pi] + pj - lo[pi]] + score)
            alpha[x] = total
    return alpha


def backward(lo, hi, off, bead_a, bead_b, scores):
    """Log-sum over all paths from each node to (n, m)."""
    n = len(lo) - 1
    nodes = off[n] + hi[n] - lo[n] + 1
    beta = np.full(nodes, NEG_INF, np.float64)
    beta[nodes - 1] = 0.0
    for i in range(n, -1, -1):
        for j in range(hi[i], lo[i] - 1, -1):
            x = off[i] + j - lo[i]
            value = beta[x]
            if value <= NEG_INF:
                continue
            for t in range(len(bead_a)):
                score = scores[x, t]
                if score <= NEG_INF:
                    continue
                pi = i - bead_a[t]
                pj = j - bead_b[t]
                y = off[pi] + pj - lo[pi]
                beta[y] = _logaddexp(beta[y], value + score)
    return beta


def pair_dots(src_ptr, src_ids, tgt_ptr, tgt_ids, weights, rows, cols):
    """Weighted dot products of the sentence pairs ``(rows[k], cols[k])`` (mark and read)."""
    out = np.zeros(len(rows), np.float64)
    present = np.zeros(len(weights), np.bool_)
    for k in range(len(rows)):
        t = cols[k]
        for q in range(tgt_ptr[t], tgt_ptr[t + 1]):
            present[tgt_ids[q]] = True
        total = 0.0
        s = rows[k]
        for q in range(src_ptr[s], src_ptr[s + 1]):
            if present[src_ids[q]]:
                total += weights[src_ids[q]]
        for q in range(tgt_ptr[t], tgt_ptr[t + 1]):
            present[tgt_ids[q]] = False
        out[k] = total
    return out


def band_dots_dense(src_ptr, src_ids, tgt_ptr, tgt_ids, weights, clo, chi, coff):
    """Weighted dot products of the cells of a band, for narrow bands.

    Writes each source sentence's weights into a dense vector and reads the target sentences of
    its band through it: their ids are contiguous in memory and the vector stays in cache.
    """
    n = len(src_ptr) - 1
    out = np.zeros(coff[n], np.float32)
    dense = np.zeros(len(weights), np.float32)
    for s in range(n):
        lo = clo[s]
        hi = chi[s]
        if hi <= lo:
            continue
        for k in range(src_ptr[s], src_ptr[s + 1]):
            dense[src_ids[k]] = weights[src_ids[k]]
        base = coff[s]
        for t in range(lo, hi):
            total = 0.0
            for k in range(tgt_ptr[t], tgt_ptr[t + 1]):
                total += dense[tgt_ids[k]]
            out[base + t - lo] = total
        for k in range(src_ptr[s], src_ptr[s + 1]):
            dense[src_ids[k]] = 0.0
    return out


def block_sets(ptr, ids, size, space):
    """Feature sets of blocks of ``size`` consecutive rows (CSR in, CSR out; ids without repeats)."""
    n = len(ptr) - 1
    blocks = (n + size - 1) // size
    out_ptr = np.zeros(blocks + 1, np.int64)
    out = np.empty(len(ids), np.int32)
    last_block = np.full(space, -1, np.int32)
    used = 0
    for b in range(blocks):
        for k in range(ptr[b * size], ptr[min(n, (b + 1) * size)]):
            value = ids[k]
            if last_block[value] != b:
                last_block[value] = b
                out[used] = value
                used += 1
        out_ptr[b + 1] = used
    return out_ptr, out[:used].copy()
