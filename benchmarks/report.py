"""Size, generation time and browser rendering time of the HTML report.

Usage::

    python benchmarks/report.py            # table, and append the figures to benchmarks/RESULTS.md
    python benchmarks/report.py --no-save  # table only

Two manuscripts: seed 000 (corpora/samples/, 6 abstract sentences) and NTREX-128 as one document
(all 1,997 lines of eng/kaz/rus.txt as the three abstracts of one Markdown manuscript, in the rule
tests' layout). For each: ``check`` time (detection, alignment, rules: not the report's, given for
scale), report generation time (``render_report``: view, similarity figures, Jinja2; median of 3),
file size, and the time Chromium (Debian's /usr/bin/chromium through Playwright, from ``file://``)
takes until the page is laid out and painted: ``performance.now()`` after the load event and two
animation frames, and the first contentful paint (median of 3 fresh pages).
Targets: 2,000 sentences render in under 2 s, file under 5 MB.
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
sys.path[:] = [str(_HERE.parent)] + [p for p in sys.path if Path(p or ".").resolve() != _HERE] + [str(_HERE)]

import argparse  # noqa: E402
import datetime  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

from align.api import check  # noqa: E402
from align.report import render_report  # noqa: E402

ROOT = _HERE.parent
SHARED = Path(os.environ.get("ALIGN_SHARED", ROOT.parent / "shared"))
NTREX = SHARED / "benchmarks" / "ntrex128"
SEED_000 = ROOT / "corpora" / "samples" / "000_0f8b6cd7f140dd0a.txt"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LABELS = {
    "en": ("Abstract.", "Keywords:", "NTREX-128 NEWS"),
    "kk": ("Аңдатпа.", "Түйін сөздер:", "NTREX-128 ЖАҢАЛЫҚТАРЫ"),
    "ru": ("Аннотация.", "Ключевые слова:", "НОВОСТИ NTREX-128"),
}
KEYWORDS = {"en": "news, translation", "kk": "жаңалықтар, аударма", "ru": "новости, перевод"}
RENDERED = """async () => {
    await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return [performance.now(), paint ? paint.startTime : null];
}"""


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


def ntrex_manuscript(folder: Path) -> Path:
    """All NTREX lines as one manuscript: a title, one abstract and keywords per language."""
    parts: list[str] = []
    for lang, name in (("en", "eng"), ("kk", "kaz"), ("ru", "rus")):
        lines = [line.strip() for line in (NTREX / f"{name}.txt").read_text(encoding="utf-8").splitlines()]
        abstract_label, keywords_label, title = LABELS[lang]
        parts += [f"## {title}", f"**{abstract_label}** " + " ".join(line for line in lines if line)]
        parts.append(f"**{keywords_label}** {KEYWORDS[lang]}")
    parts.append("## Introduction\n\nThe main text starts here.")
    path = folder / "ntrex128.md"
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return path


def browser_times(page_path: Path, runs: int = 3) -> tuple[float, float | None]:
    """Median ms until laid out and painted, and until the first contentful paint."""
    from playwright.sync_api import sync_playwright

    rendered: list[float] = []
    painted: list[float] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(page_path.as_uri(), wait_until="load")
            done, first_paint = page.evaluate(RENDERED)
            rendered.append(done)
            if first_paint is not None:
                painted.append(first_paint)
            page.close()
        browser.close()
    return statistics.median(rendered), statistics.median(painted) if painted else None


def measure(name: str, path: Path, folder: Path) -> dict[str, object]:
    started = time.perf_counter()
    result = check(path)
    check_s = time.perf_counter() - started
    timings, cpu = [], []
    for _ in range(3):
        started, started_cpu = time.perf_counter(), time.process_time()
        html = render_report(result)
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    page = folder / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    rendered_ms, paint_ms = browser_times(page)
    abstract = result.alignments.get("abstract")
    return {
        "manuscript": name,
        "sentences": sum(len(b.sentences) for b in result.detection.blocks if b.role == "abstract"),
        "rows": len(abstract.alignment.triples) if abstract else 0,
        "findings": len(result.findings),
        "check_s": check_s,
        "generate_s": statistics.median(timings),
        "generate_cpu_s": statistics.median(cpu),
        "bytes": len(html.encode("utf-8")),
        "rendered_ms": rendered_ms,
        "paint_ms": paint_ms,
    }


def table(rows: list[dict[str, object]]) -> str:
    lines = [
        "| manuscript | abstract sentences (EN+KK+RU) | table rows | findings | check s | report generation s "
        "(CPU s) | file size | Chromium rendered ms | first paint ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        paint = f"{row['paint_ms']:.0f}" if row["paint_ms"] is not None else "–"
        lines.append(
            f"| {row['manuscript']} | {row['sentences']} | {row['rows']} | {row['findings']} | {row['check_s']:.1f} "
            f"| {row['generate_s']:.2f} ({row['generate_cpu_s']:.2f}) | {int(row['bytes']) / 1024:,.0f} KiB "  # type: ignore[call-overload]
            f"| {row['rendered_ms']:.0f} | {paint} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-save", action="store_true", help="print the table only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ntrex = ntrex_manuscript(folder)
        rows = [measure("seed 000", SEED_000, folder), measure("NTREX-128 as one document", ntrex, folder)]
    text = table(rows)
    print(text)
    if args.no_save:
        return
    stamp = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())  # other work on the machine slows every figure
    with (ROOT / "benchmarks" / "RESULTS.md").open("a", encoding="utf-8") as results:
        results.write(
            f"\n## HTML report (benchmarks/report.py)\n\n{stamp} · {machine()} · load average {load}\n\n"
            "Report generation = `render_report` on a checked manuscript (median of 3); rendered = Chromium "
            "(headless, file://) `performance.now()` after the load event and two animation frames, median of 3 "
            "fresh pages. Targets: 2,000 sentences rendered in under 2 s, file under 5 MB.\n\n"
            f"{text}\n"
        )


if __name__ == "__main__":
    main()
