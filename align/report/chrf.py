"""chrF (Popović 2015) of one sentence pair, as sacrebleu computes it, without importing sacrebleu.

sacrebleu's ``CHRF().sentence_score`` costs about 1.1 s to import and 1.6 ms a pair; the report
computes one figure per aligned row (2,000 rows for a long document), so the same arithmetic is
done here on plain Counters: character n-grams of orders 1–6 with whitespace removed, β = 2,
precision and recall averaged over the orders both sides have (sacrebleu's default "effective
order"). tests/test_report_view.py checks the figures against sacrebleu itself.
"""

from __future__ import annotations

from collections import Counter

CHAR_ORDER = 6
BETA = 2


def _char_ngrams(text: str) -> Counter[str]:
    """Every character n-gram of orders 1…6 in one Counter: a gram's length is its order."""
    joined = "".join(text.split())
    size = len(joined)
    return Counter([joined[i : i + n] for n in range(1, CHAR_ORDER + 1) for i in range(size - n + 1)])


def chrf(hypothesis: str, reference: str) -> float:
    """chrF in [0, 100] of ``hypothesis`` against ``reference`` (sacrebleu's sentence-level chrF)."""
    hyp, ref = _char_ngrams(hypothesis), _char_ngrams(reference)
    hyp_size, ref_size = len("".join(hypothesis.split())), len("".join(reference.split()))
    matches = [0] * (CHAR_ORDER + 1)
    for gram, count in hyp.items():
        other = ref.get(gram)
        if other:
            matches[len(gram)] += min(count, other)
    precision_sum = recall_sum = 0.0
    orders = 0
    for n in range(1, CHAR_ORDER + 1):
        hyp_count, ref_count = hyp_size - n + 1, ref_size - n + 1
        if hyp_count <= 0 or ref_count <= 0:
            continue
        precision_sum += matches[n] / hyp_count
        recall_sum += matches[n] / ref_count
        orders += 1
    if not orders:
        return 0.0
    precision, recall = precision_sum / orders, recall_sum / orders
    if not precision + recall:
        return 0.0
    factor = BETA**2
    return 100 * (1 + factor) * precision * recall / (factor * precision + recall)
