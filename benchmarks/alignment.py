"""Sentence-alignment benchmark on NTREX-128 EN/KK/RU (clean and perturbed), plus a scale run.

Usage::

    python benchmarks/alignment.py                    # full and length-only, seeds 0 1 2
    python benchmarks/alignment.py --method full --seeds 0
    python benchmarks/alignment.py --scale            # 1k / 10k / 100k sentences a side
    python benchmarks/alignment.py --fit              # measure the default tables (prints them)

Accuracy is Vecalign's strict and lax precision/recall/F1 (Thompson & Koehn 2019, "Vecalign:
Improved Sentence Alignment in Linear Time and Space", EMNLP; ``score.py`` of
github.com/thompsonb/vecalign, after Sennrich & Volk 2011, W11-4624), re-implemented here:

* precision is over *all* test beads, 1:0 and 0:1 included: a bead is a strict hit if it is a gold
  bead, a lax hit if some source sentence of it is gold-aligned to one of its target sentences;
* recall is the same computation with gold and test swapped, both *without* 1:0/0:1 beads;
* counts are summed over documents before dividing; F1 is the harmonic mean.

Triples are scored the same way over the three languages (a lax hit shares a gold-aligned
sentence pair in some language pair; recall ignores triples with fewer than two languages).
Results are printed and appended to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This folder holds other benchmarks (numbers.py, …) that would shadow standard modules if it came
# first on sys.path, as it does for a script: move it to the end, and put the repository first.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [str(_HERE.parent)] + [p for p in sys.path if Path(p or ".").resolve() != _HERE] + [str(_HERE)]

import argparse  # noqa: E402
import datetime  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import random  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from itertools import combinations  # noqa: E402

import perturb  # noqa: E402

from align.aligner import align_pair  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PAIRS: tuple[tuple[str, str], ...] = (("en", "kk"), ("en", "ru"), ("kk", "ru"))
FILES = {"en": "eng.txt", "kk": "kaz.txt", "ru": "rus.txt"}

Bead = tuple[tuple[int, ...], ...]


def shared_dir() -> Path:
    return Path(os.environ.get("ALIGN_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def load_ntrex() -> tuple[dict[str, list[str]], list[list[int]]]:
    """Sentences per language and the rows of each document, in file order."""
    base = shared_dir() / "benchmarks" / "ntrex128"
    texts = {lang: (base / name).read_text(encoding="utf-8").splitlines() for lang, name in FILES.items()}
    doc_ids = (base / "doc_ids.txt").read_text(encoding="utf-8").splitlines()
    documents: list[list[int]] = []
    for row, doc in enumerate(doc_ids):
        if not documents or doc_ids[documents[-1][0]] != doc:
            documents.append([])
        documents[-1].append(row)
    return texts, documents


def make_documents(
    texts: dict[str, list[str]],
    documents: list[list[int]],
    seed: int | None,
    rates: dict[str, float] | None = None,
) -> list[perturb.Perturbed]:
    """Each document clean (``seed=None``) or perturbed with the seeded generator (default rates unless given)."""
    if seed is None:
        return [
            perturb.perturb(rows, texts, {}, random.Random(0), dict.fromkeys(perturb.RATES, 0.0)) for rows in documents
        ]
    rng = random.Random(seed)
    result = []
    for index, rows in enumerate(documents):
        others = [r for d, other in enumerate(documents) if d != index for r in other]
        foreign_rows = rng.sample(others, 50)
        foreign = {lang: [texts[lang][r] for r in foreign_rows] for lang in perturb.LANGS}
        result.append(perturb.perturb(rows, texts, foreign, rng, rates))
    return result


# --- Vecalign strict / lax scoring -----------------------------------------------------------------


def _precision_counts(gold: Sequence[Bead], test: Sequence[Bead]) -> tuple[int, int, int, int]:
    """(strict hits, strict misses, lax hits, lax misses) of ``test`` beads against ``gold``."""
    gold_set = {bead for bead in gold if any(bead)}
    partners: list[dict[int, set[int]]] = []  # per language pair (p, q): sentence of p -> gold sentences of q
    sides = len(next(iter(gold_set), ((), ())))
    pair_index = list(combinations(range(sides), 2))
    for p, q in pair_index:
        mapping: dict[int, set[int]] = defaultdict(set)
        for bead in gold_set:
            for x in bead[p]:
                mapping[x].update(bead[q])
        partners.append(mapping)
    counts = [0, 0, 0, 0]
    for bead in {b for b in test if any(b)}:
        if bead in gold_set:
            counts[0] += 1
            counts[2] += 1
            continue
        counts[1] += 1
        lax = any(set(bead[q]) & {y for x in bead[p] for y in partners[k][x]} for k, (p, q) in enumerate(pair_index))
        counts[2 if lax else 3] += 1
    return counts[0], counts[1], counts[2], counts[3]


def score_multiple(golds: Sequence[Sequence[Bead]], tests: Sequence[Sequence[Bead]]) -> dict[str, float]:
    """Strict and lax precision, recall and F1 summed over documents (Vecalign's ``score_multiple``)."""
    precision = [0, 0, 0, 0]
    recall = [0, 0, 0, 0]
    for gold, test in zip(golds, tests, strict=True):
        for k, v in enumerate(_precision_counts(gold, test)):
            precision[k] += v
        gold_aligned = [b for b in gold if sum(1 for side in b if side) >= 2]
        test_aligned = [b for b in test if sum(1 for side in b if side) >= 2]
        for k, v in enumerate(_precision_counts(test_aligned, gold_aligned)):
            recall[k] += v

    def ratio(hits: int, misses: int) -> float:
        return hits / (hits + misses) if hits + misses else 0.0

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    ps, pl = ratio(precision[0], precision[1]), ratio(precision[2], precision[3])
    rs, rl = ratio(recall[0], recall[1]), ratio(recall[2], recall[3])
    return {"p_strict": ps, "r_strict": rs, "f1_strict": f1(ps, rs), "p_lax": pl, "r_lax": rl, "f1_lax": f1(pl, rl)}


# --- running the aligner ---------------------------------------------------------------------------


def _pair_beads(links: Sequence) -> list[Bead]:
    return [(tuple(link.src), tuple(link.tgt)) for link in links]


def run_pairs(
    docs: list[perturb.Perturbed], method: str, whole_file: bool, confidences: list[tuple[float, bool]] | None
) -> dict[str, dict[str, float]]:
    """Scores per language pair, aligning each document (or the concatenated file) separately."""
    units = [perturb.concatenate(docs)] if whole_file else docs
    results = {}
    for src, tgt in PAIRS:
        golds, tests = [], []
        for doc in units:
            gold = perturb.pair_gold(doc, src, tgt)
            links = align_pair(doc.sentences(src), doc.sentences(tgt), src, tgt, method=method)
            test = _pair_beads(links)
            golds.append(gold)
            tests.append(test)
            if confidences is not None:
                gold_set = set(gold)
                confidences.extend((link.score, bead in gold_set) for link, bead in zip(links, test, strict=True))
        results[f"{src}-{tgt}"] = score_multiple(golds, tests)
    return results


def run_triples(
    docs: list[perturb.Perturbed],
    whole_file: bool,
    confidences: list[tuple[float, bool]] | None,
    link_confidences: list[tuple[float, bool]] | None = None,
) -> dict[str, dict[str, float]]:
    """Triple scores, and those of the three-way alignment's pairwise links (decoded with the pivot)."""
    from align.aligner import align_three

    units = [perturb.concatenate(docs)] if whole_file else docs
    golds, tests = [], []
    pair_golds: dict[str, list] = defaultdict(list)
    pair_tests: dict[str, list] = defaultdict(list)
    for doc in units:
        result = align_three(doc.sentences("en"), doc.sentences("kk"), doc.sentences("ru"))
        gold = perturb.gold_beads(doc, perturb.LANGS)
        test = [(t.en, t.kk, t.ru) for t in result.triples]
        golds.append(gold)
        tests.append(test)
        if confidences is not None:
            gold_set = set(gold)
            confidences.extend((t.score, bead in gold_set) for t, bead in zip(result.triples, test, strict=True))
        for src, tgt in PAIRS:
            key = f"{src}-{tgt}"
            gold = perturb.pair_gold(doc, src, tgt)
            links = result.pairs[key]
            pair_golds[key].append(gold)
            pair_tests[key].append(_pair_beads(links))
            if link_confidences is not None:
                gold_set = set(gold)
                link_confidences.extend((link.score, (link.src, link.tgt) in gold_set) for link in links)
    scores = {"triples": score_multiple(golds, tests)}
    for key in pair_golds:
        scores[f"{key} (3-way)"] = score_multiple(pair_golds[key], pair_tests[key])
    return scores


def calibration_report(confidences: list[tuple[float, bool]]) -> dict[str, float]:
    high = [ok for score, ok in confidences if score >= 0.9]
    return {
        "links": len(confidences),
        "share_conf_ge_0.9": len(high) / max(len(confidences), 1),
        "correct_if_conf_ge_0.9": sum(high) / max(len(high), 1),
        "correct_if_conf_lt_0.5": (lambda low: sum(low) / max(len(low), 1))(
            [ok for score, ok in confidences if score < 0.5]
        ),
    }


# --- scale -----------------------------------------------------------------------------------------


def scale_input(texts: dict[str, list[str]], documents: list[list[int]], size: int, seed: int = 7) -> perturb.Perturbed:
    """At least ``size`` sentences a side: NTREX documents in shuffled order, each copy perturbed.

    Copies get their own row numbers, so the gold alignment of the whole input stays exact.
    """
    rng = random.Random(seed)
    rows_per_copy = len(texts["en"])
    copies: list[perturb.Perturbed] = []
    total = copy = 0
    while total < size:
        order = list(range(len(documents)))
        rng.shuffle(order)
        for index in order:
            foreign_rows = rng.sample(range(rows_per_copy), 20)
            foreign = {lang: [texts[lang][r] for r in foreign_rows] for lang in perturb.LANGS}
            doc = perturb.perturb(documents[index], texts, foreign, rng)
            offset = copy * rows_per_copy
            doc.units = {
                lang: [perturb.Unit(u.text, frozenset(r + offset for r in u.rows)) for u in units]
                for lang, units in doc.units.items()
            }
            copies.append(doc)
            total += len(doc.units["en"])
            if total >= size:
                break
        copy += 1
    return perturb.concatenate(copies)


_SCALE_CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
sys.path.append({bench!r})
import alignment, perturb
texts, documents = alignment.load_ntrex()
doc = alignment.scale_input(texts, documents, {size})
src, tgt = doc.sentences("en"), doc.sentences("ru")
from align.aligner import align_pair
align_pair(src[:3000], tgt[:3000], "en", "ru")  # compile (or load) the kernels first
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
# Best of several runs for small inputs: a 1k run takes 0.05 s, where timing noise matters.
elapsed = cpu = float("inf")
for _ in range(max(1, min(5, 20000 // {size}))):
    start, started_cpu = time.perf_counter(), time.process_time()
    links = align_pair(src, tgt, "en", "ru")
    elapsed = min(elapsed, time.perf_counter() - start)
    cpu = min(cpu, time.process_time() - started_cpu)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
scores = alignment.score_multiple([perturb.pair_gold(doc, "en", "ru")], [[(l.src, l.tgt) for l in links]])
print(json.dumps({{"seconds": elapsed, "cpu": cpu, "peak_mb": peak / 1024, "before_mb": before / 1024,
                  "src": len(src), "tgt": len(tgt), "f1_strict": scores["f1_strict"]}}))
"""


def run_scale(sizes: Sequence[int]) -> list[dict[str, float]]:
    rows = []
    for size in sizes:
        code = _SCALE_CHILD.format(bench=str(_HERE), root=str(_HERE.parent), size=size)
        output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
        figures = json.loads(output.stdout.strip().splitlines()[-1])
        figures["size"] = size
        rows.append(figures)
        print(
            f"{figures['src']:>7} x {figures['tgt']} sentences: {figures['seconds']:.2f} s wall, "
            f"{figures['cpu']:.2f} s CPU, peak RSS {figures['peak_mb']:.0f} MB (before the call "
            f"{figures['before_mb']:.0f} MB), strict F1 {figures['f1_strict']:.4f}",
            flush=True,
        )
    return rows


# --- fitting the defaults (--fit) -------------------------------------------------------------------


def fit_tables(texts: dict[str, list[str]], documents: list[list[int]]) -> list[str]:
    """Length figures and LLR tables from the clean gold pairs (per-document inputs, as defaults)."""
    import numpy as np

    from align.aligner import pairwise, scoring

    lines = []
    pooled: dict[str, list[list]] = {
        "sim": [[], []],
        "len": [[], []],
        "punct": [[], []],
        "name": [[], []],
    }
    for src, tgt in PAIRS:
        src_len = np.array([len(t) for t in texts[src]], float)
        tgt_len = np.array([len(t) for t in texts[tgt]], float)
        ratio = tgt_len.sum() / src_len.sum()
        mean = 0.5 * (src_len + tgt_len / ratio)
        variance = float(np.median((tgt_len - ratio * src_len) ** 2 / mean) / 0.455)
        lines.append(f"LENGTH_FIGURES[({src!r}, {tgt!r})] = ({ratio:.3f}, {variance:.2f})")
        for rows in documents:
            problem = pairwise.prepare([texts[src][r] for r in rows], [texts[tgt][r] for r in rows], langs=(src, tgt))
            k = len(rows)
            index = np.arange(k)
            samples = [(0, index, index)] + [
                (1, index[max(0, -d) : k - max(0, d)], index[max(0, -d) : k - max(0, d)] + d)
                for d in (-3, -2, -1, 1, 2, 3)
            ]
            for label, r, c in samples:
                cosine = pairwise._pair_cosines(problem.src, problem.tgt, problem.weights, r, c)
                ls, lt = problem.src_features.lengths[r], problem.tgt_features.lengths[c]
                delta = np.abs(lt - ratio * ls) / np.sqrt(variance * np.maximum(0.5 * (ls + lt / ratio), 1))
                mismatches, _ = pairwise.mark_mismatches(problem.src_features.punct[r], problem.tgt_features.punct[c])
                pooled["sim"][label].append(cosine)
                pooled["len"][label].append(delta)
                pooled["punct"][label].append(mismatches.astype(float))
                pooled["name"][label].append(
                    pairwise.name_gap(problem.src_features.names[r], problem.tgt_features.names[c])
                )
    knots = {
        "sim": (scoring.SIM_KNOTS, True),
        "len": (scoring.LEN_KNOTS, False),
        "punct": (np.arange(5.0), False),
        "name": (scoring.NAME_KNOTS, False),
    }
    for name, (knot, increasing) in knots.items():
        positives, negatives = (np.concatenate(x) for x in pooled[name])
        table = scoring.llr_table(positives, negatives, knot, np.zeros(len(knot)), increasing)
        lines.append(f"{name} LLR table: {np.round(table, 2).tolist()}")
    return lines


def fit_structure(texts: dict[str, list[str]], documents: list[list[int]], seed: int) -> str:
    """The structure-mark LLR table from the gold 1:1 beads of a perturbation (clean text has no splits).

    Negatives are the sentences two and three places off each gold bead, as in the second pass.
    """
    import numpy as np

    from align.aligner import pairwise, scoring

    pooled: list[list[np.ndarray]] = [[], []]
    for doc in make_documents(texts, documents, seed):
        for src, tgt in PAIRS:
            ones = [(a[0], b[0]) for a, b in perturb.pair_gold(doc, src, tgt) if len(a) == 1 and len(b) == 1]
            problem = pairwise.prepare(doc.sentences(src), doc.sentences(tgt), langs=(src, tgt))
            rows, cols = (np.array(side, np.int64) for side in zip(*ones, strict=True))
            src_marks, tgt_marks = problem.src_features.punct, problem.tgt_features.punct
            pooled[0].append(pairwise.mark_mismatches(src_marks[rows], tgt_marks[cols])[1])
            for shift in pairwise.NEGATIVE_OFFSETS:
                inside = (cols + shift >= 0) & (cols + shift < problem.tgt.size)
                pooled[1].append(pairwise.mark_mismatches(src_marks[rows[inside]], tgt_marks[cols[inside] + shift])[1])
    positives, negatives = (np.concatenate(x).astype(float) for x in pooled)
    table = scoring.llr_table(positives, negatives, np.arange(4.0), np.zeros(4), increasing=False)
    return f"struct LLR table (gold 1:1 beads of perturbation seed {seed}): {np.round(table, 2).tolist()}"


def _fit_logistic(pairs: list[tuple[float, bool]]) -> tuple[float, float]:
    """Slope and intercept of P(correct) = sigmoid(slope * logit(posterior) + intercept).

    Newton's method with step halving: where the most confident links are all correct, a full
    Newton step from the start overshoots and diverges.
    """
    import numpy as np

    p = np.clip(np.array([x for x, _ in pairs]), 1e-9, 1 - 1e-9)
    y = np.array([ok for _, ok in pairs], float)
    x = np.log(p / (1 - p))
    design = np.stack([x, np.ones_like(x)], axis=1)

    def log_likelihood(theta: np.ndarray) -> float:
        z = design @ theta
        return float(np.sum(y * z - np.logaddexp(0.0, z)))

    theta = np.array([1.0, 0.0])
    for _ in range(100):
        z = 1 / (1 + np.exp(-(design @ theta)))
        gradient = design.T @ (z - y)
        hessian = design.T @ (design * (z * (1 - z))[:, None]) + 1e-6 * np.eye(2)
        step = np.linalg.solve(hessian, gradient)
        before = log_likelihood(theta)
        while log_likelihood(theta - step) < before and np.abs(step).max() > 1e-12:
            step = step / 2
        theta = theta - step
        if np.abs(step).max() < 1e-10:
            break
    return float(theta[0]), float(theta[1])


def fit_calibration(
    texts: dict[str, list[str]], documents: list[list[int]], fit_seed: int, check_seed: int
) -> list[str]:
    """Fit the confidence mappings on one generator seed and check them on another."""
    from align.aligner import pairwise, threeway

    saved = pairwise.CALIBRATION, threeway.TRIPLE_CALIBRATION
    pairwise.CALIBRATION = threeway.TRIPLE_CALIBRATION = (1.0, 0.0)
    raw: dict[str, list[tuple[float, bool]]] = {"pairs": [], "triples": []}
    docs = make_documents(texts, documents, fit_seed)
    for whole in (False, True):
        run_pairs(docs, "full", whole, raw["pairs"])
        run_triples(docs, whole, raw["triples"])
    pair_fit, triple_fit = _fit_logistic(raw["pairs"]), _fit_logistic(raw["triples"])
    pairwise.CALIBRATION, threeway.TRIPLE_CALIBRATION = pair_fit, triple_fit
    checked: dict[str, list[tuple[float, bool]]] = {"pairs": [], "triples": []}
    docs = make_documents(texts, documents, check_seed)
    for whole in (False, True):
        run_pairs(docs, "full", whole, checked["pairs"])
        run_triples(docs, whole, checked["triples"])
    pairwise.CALIBRATION, threeway.TRIPLE_CALIBRATION = saved
    return [
        f"CALIBRATION = ({pair_fit[0]:.3f}, {pair_fit[1]:.3f})  # pairwise, fitted on seed {fit_seed}",
        f"TRIPLE_CALIBRATION = ({triple_fit[0]:.3f}, {triple_fit[1]:.3f})  # triples, fitted on seed {fit_seed}",
        f"check on seed {check_seed}, pairs: {calibration_report(checked['pairs'])}",
        f"check on seed {check_seed}, triples: {calibration_report(checked['triples'])}",
    ]


# --- reporting -------------------------------------------------------------------------------------


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.machine()}, {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def append_results(lines: list[str]) -> None:
    path = ROOT / "benchmarks" / "RESULTS.md"
    header = f"\n## Sentence alignment ({datetime.date.today().isoformat()}; {machine()})\n\n"
    with path.open("a", encoding="utf-8") as handle:
        handle.write(header + "\n".join(lines) + "\n")


def table(rows: list[tuple[str, str, str, str, dict[str, float]]]) -> list[str]:
    lines = [
        "| data | unit | method | pair | strict P | strict R | strict F1 | lax F1 |",
        "| --- | --- | --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for data, unit, method, pair, s in rows:
        lines.append(
            f"| {data} | {unit} | {method} | {pair} | {s['p_strict']:.4f} | {s['r_strict']:.4f} | "
            f"{s['f1_strict']:.4f} | {s['f1_lax']:.4f} |"
        )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--method", choices=["full", "length", "both"], default="both")
    parser.add_argument("--seeds", type=int, nargs="*", default=[0, 1, 2])
    parser.add_argument("--scale", action="store_true", help="time 1k/10k/100k sentences instead")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000])
    parser.add_argument("--no-triples", action="store_true")
    parser.add_argument("--no-append", action="store_true", help="print only")
    parser.add_argument("--fit", action="store_true", help="measure the default tables and calibration")
    args = parser.parse_args(argv)
    os.environ.setdefault("ALIGN_JIT", "always")  # thousands of small calls: compiled kernels throughout

    if args.fit:
        texts, documents = load_ntrex()
        lines = [*fit_tables(texts, documents), fit_structure(texts, documents, seed=1)]
        lines += fit_calibration(texts, documents, fit_seed=1, check_seed=2)
        print("\n".join(lines))
        return 0

    if args.scale:
        figures = run_scale(args.sizes)
        load = os.getloadavg()[0]
        lines = [
            "Scale (EN–RU, NTREX documents shuffled and perturbed, `align_pair`, numba kernels warm, best of up to "
            f"5 runs for small inputs; load average {load:.1f} when it ended):",
            "",
            "| EN x RU sentences | wall s | CPU s | peak RSS MB | RSS before the call MB | strict F1 |",
            "| ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        lines += [
            f"| {f['src']} x {f['tgt']} | {f['seconds']:.2f} | {f['cpu']:.2f} | {f['peak_mb']:.0f} | "
            f"{f['before_mb']:.0f} | {f['f1_strict']:.4f} |"
            for f in figures
        ]
        if len(figures) >= 2 and figures[0]["size"] * 10 == figures[1]["size"]:
            lines.append(
                f"\ntime({figures[1]['size']})/time({figures[0]['size']}) = "
                f"{figures[1]['seconds'] / figures[0]['seconds']:.1f}"
            )
        print("\n".join(lines))
        if not args.no_append:
            append_results(lines)
        return 0

    texts, documents = load_ntrex()
    methods = ["full", "length"] if args.method == "both" else [args.method]
    datasets: list[tuple[str, int | None]] = [("clean", None)] + [(f"perturbed seed {s}", s) for s in args.seeds]
    rows = []
    confidences: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    start = time.perf_counter()
    for name, seed in datasets:
        docs = make_documents(texts, documents, seed)
        for method in methods:
            for whole in (False, True):
                unit = "file" if whole else "document"
                sink = confidences[method] if method == "full" else None
                for pair, s in run_pairs(docs, method, whole, sink).items():
                    rows.append((name, unit, method, pair, s))
                    print(
                        f"{name:18} {unit:8} {method:6} {pair:16} strict F1 {s['f1_strict']:.4f} "
                        f"lax F1 {s['f1_lax']:.4f}",
                        flush=True,
                    )
                if method == "full" and not args.no_triples:
                    triples = run_triples(docs, whole, confidences["triples"], confidences["3-way links"])
                    for pair, s in triples.items():
                        rows.append((name, unit, "3-way", pair, s))
                        print(
                            f"{name:18} {unit:8} 3-way  {pair:16} strict F1 {s['f1_strict']:.4f} "
                            f"lax F1 {s['f1_lax']:.4f}",
                            flush=True,
                        )
    elapsed = time.perf_counter() - start
    lines = table(rows)
    lines.append("")
    for key, values in confidences.items():
        report = calibration_report(values)
        lines.append(
            f"Calibration ({key}): "
            + ", ".join(f"{k} {v:.4f}" if isinstance(v, float) else f"{k} {v}" for k, v in report.items())
        )
    lines.append(f"\nTotal time {elapsed:.0f} s.")
    print("\n".join(lines[-len(confidences) - 2 :]))
    if not args.no_append:
        append_results(lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
