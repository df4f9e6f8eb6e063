"""Speed and false alarms of align.terms (the bundled termbase) on NTREX-128.

Speed: loading the bundled TBX, loading pymorphy3, building the per-language index (first call of
find_terms), and matching every NTREX sentence cold (empty word caches) and warm.

Clean pairs.  Line i of each NTREX file translates line i of the others.  With English as the
pivot, a concept named by an approved English term is "covered" when the KK/RU line names it with
an approved term too, and a "finding" when the KK/RU line uses only a term deprecated for it:
the check a later rule makes.  NTREX is professionally translated, so findings there are false
alarms (or real errors, to be read by hand: none so far).

Injected errors.  In every KK/RU line that covers an English concept having deprecated terms in
that language, every span naming it is replaced by the concept's first deprecated term
(uninflected) and the line is checked again: recall = lines that now yield the finding / lines injected.

Prints a table and appends it to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ALIGN_SHARED", Path(__file__).resolve().parents[2] / "shared"))
NTREX = SHARED / "benchmarks" / "ntrex128"
FILES = {"en": "eng.txt", "kk": "kaz.txt", "ru": "rus.txt"}
RESULTS = REPO / "benchmarks" / "RESULTS.md"


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


def main() -> None:
    started = time.perf_counter()
    from align.terms import approved_concepts, bundled_termbase_path, deprecated_hits, find_terms, load_termbase, morph

    import_s = time.perf_counter() - started
    path = bundled_termbase_path()
    assert path is not None
    t = time.perf_counter()
    termbase = load_termbase(path)
    load_s = time.perf_counter() - t
    t = time.perf_counter()
    morph.ru_lemma("совет")
    pymorphy_s = time.perf_counter() - t
    lines = {lang: (NTREX / name).read_text(encoding="utf-8").splitlines() for lang, name in FILES.items()}

    rows = []
    hits = {}
    for lang in FILES:
        t = time.perf_counter()
        find_terms("", lang, termbase)
        index_s = time.perf_counter() - t
        t = time.perf_counter()
        hits[lang] = [find_terms(s, lang, termbase) for s in lines[lang]]
        cold = time.perf_counter() - t
        t = time.perf_counter()
        for s in lines[lang]:
            find_terms(s, lang, termbase)
        warm = time.perf_counter() - t
        words = sum(len(s.split()) for s in lines[lang])
        rows.append((lang, index_s, cold / len(lines[lang]) * 1e3, warm / len(lines[lang]) * 1e3, words / warm,
                     sum(map(len, hits[lang]))))

    quality = []
    for lang in ("kk", "ru"):
        pivot = covered = 0
        findings: list[tuple[int, str, str]] = []
        injected = detected = 0
        for i, en_hits in enumerate(hits["en"]):
            english = approved_concepts(en_hits)
            target = hits[lang][i]
            present = approved_concepts(target)
            pivot += len(english)
            covered += len(english & present)
            findings += [(i, c, h.text) for c in english for h in deprecated_hits(target, c)]
            for concept_id in english & present:
                wrong = termbase.concept(concept_id).deprecated(lang)
                if not wrong:
                    continue
                changed = lines[lang][i]
                for span in sorted((h for h in target if h.concept_id == concept_id), key=lambda h: -h.start):
                    changed = changed[: span.start] + wrong[0].text + changed[span.end :]
                injected += 1
                detected += bool(deprecated_hits(find_terms(changed, lang, termbase), concept_id))
        quality.append((lang, pivot, covered, findings, injected, detected))

    header = (
        f"{dt.datetime.now():%Y-%m-%d %H:%M} · {machine()}\n\n"
        f"Bundled termbase: {len(termbase)} concepts, {termbase.count_terms()} terms; import align.terms "
        f"{import_s * 1e3:.0f} ms, load TBX {load_s * 1e3:.0f} ms, load pymorphy3 {pymorphy_s * 1e3:.0f} ms.\n\n"
        "| lang | index build ms | cold ms/sentence | warm ms/sentence | warm words/s | hits |\n"
        "|---|---:|---:|---:|---:|---:|\n"
        + "".join(f"| {r[0]} | {r[1] * 1e3:.0f} | {r[2]:.2f} | {r[3]:.2f} | {r[4]:,.0f} | {r[5]} |\n" for r in rows)
        + "\nEN as pivot, 1997 NTREX lines: covered = EN concept also named (approved) in the line; findings ="
        " only a deprecated term of it (false alarms unless real); injected = approved span replaced by a"
        " deprecated term.\n\n"
        "| lang | EN concepts | covered | findings | injected | detected | recall |\n"
        "|---|---:|---:|---:|---:|---:|---:|\n"
        + "".join(
            f"| {q[0]} | {q[1]} | {q[2]} ({q[2] / q[1]:.1%}) | {len(q[3])} | {q[4]} | {q[5]} | "
            f"{(q[5] / q[4] if q[4] else 0):.3f} |\n"
            for q in quality
        )
    )
    print(header)
    for lang, _, _, findings, _, _ in quality:
        for i, concept_id, text in findings:
            print(f"finding {lang} line {i + 1}: {concept_id} ← {text!r}")
    with RESULTS.open("a", encoding="utf-8") as out:
        out.write("\n## Terms (benchmarks/terms.py)\n\n" + header)


if __name__ == "__main__":
    main()
