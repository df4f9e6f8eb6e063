"""PDF text-layer readers on journal-like PDFs: pdfminer.six, pypdf, pypdfium2.

The PDFs are typeset here from known text (tests/fixtures/pdf/make.py: running header, page
numbers, hyphenation, one or two columns; two columns written column by column or row by row),
so each reader's text, after align's clean-up of PDF-extracted text, is scored against the text
that was typeset:

* chrF (sacrebleu, character 6-grams): is the text there;
* word order: difflib ratio over the word sequences, 100 = same words in the same order (a
  two-column page read across both columns scores low here even with every word present);
* Kazakh letters: ә ғ қ ң ө ұ ү һ і (both cases) found / typeset, %;
* blocks: title/abstract/keywords blocks the block finder finds (seed 000 has all 9);
* ms/page: reading the text layer only, best of 3.

Needs the test extra (sacrebleu, fpdf2), the three readers and the DejaVu fonts; appends a table
to benchmarks/RESULTS.md. ``--quick`` uses the first 40 NTREX lines and no seed 002.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import io
import os
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from align.blocks import find_blocks  # noqa: E402
from align.ingest.pdf_reader import pdf_pages  # noqa: E402
from align.ingest.text import parse_text  # noqa: E402
from align.model import LANGS, Document  # noqa: E402
from benchmarks.ntrex_docs import load_ntrex, machine, shared_dir  # noqa: E402
from tests.fixtures.pdf.make import seed_paragraphs, typeset  # noqa: E402

KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
LAYOUTS = {
    "1 column": {"columns": 1},
    "2 columns": {"columns": 2},
    "2 columns, row order": {"columns": 2, "interleaved": True},
}
Reader = Callable[[bytes], list[str]]


def read_pdfminer(data: bytes) -> list[str]:
    from pdfminer.high_level import extract_text

    pages = extract_text(io.BytesIO(data)).split("\f")
    return pages[:-1] if pages and not pages[-1] else pages  # a form feed ends every page


def read_pypdf(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def read_pypdfium2(data: bytes) -> list[str]:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        # PDFium marks a line-end hyphen U+FFFE and drops the line break: give both back.
        return [page.get_textpage().get_text_range().replace("\ufffe", "-\n") for page in document]
    finally:
        document.close()


def read_align(data: bytes) -> list[str]:
    return pdf_pages("bench.pdf", data)


READERS: dict[str, Reader] = {
    "pdfminer.six extract_text": read_pdfminer,
    "align (pdfminer.six + column breaks)": read_align,
    "pypdf": read_pypdf,
    "pypdfium2": read_pypdfium2,
}


def documents(quick: bool) -> dict[str, list[tuple[str, bool]]]:
    seeds = shared_dir() / "seeds"
    found = {
        "seed 000 (en/kk/ru)": seed_paragraphs(
            (seeds / "000_0f8b6cd7f140dd0a.txt").read_text(encoding="utf-8"), markdown=True
        ),
    }
    if not quick:
        found["seed 002 (en)"] = seed_paragraphs(
            (seeds / "002_7e11e66b2c51f6d4.txt").read_text(encoding="utf-8"), markdown=False
        )
    texts, _ = load_ntrex()
    count = 40 if quick else 300
    found[f"NTREX kk+ru ({count}+{count} lines)"] = [
        (" ".join(texts[lang][start : start + 6]), False) for lang in ("kk", "ru") for start in range(0, count, 6)
    ]
    return found


def cleaned(pages: list[str]) -> str:
    return "\n".join(paragraph.text for paragraph in parse_text("\f".join(pages), markdown=False))


def word_order(reference: str, hypothesis: str) -> float:
    return 100 * difflib.SequenceMatcher(None, reference.split(), hypothesis.split(), autojunk=False).ratio()


def kazakh_kept(reference: str, hypothesis: str) -> float | None:
    wanted = Counter(ch for ch in reference if ch in KAZAKH_LETTERS)
    if not wanted:
        return None
    found = Counter(ch for ch in hypothesis if ch in KAZAKH_LETTERS)
    return 100 * sum((wanted & found).values()) / sum(wanted.values())


def blocks_found(pages: list[str]) -> int:
    document = Document("bench.pdf", "utf-8", tuple(parse_text("\f".join(pages), markdown=False)), "pdf")
    return len(find_blocks(document, LANGS).blocks)


def best_ms_per_page(reader: Reader, data: bytes, pages: int, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        reader(data)
        best = min(best, time.perf_counter() - start)
    return 1000 * best / pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small documents, one timing run")
    parser.add_argument("--no-write", action="store_true", help="print only, do not append to RESULTS.md")
    args = parser.parse_args()
    from sacrebleu.metrics import CHRF

    chrf = CHRF()
    rows: list[str] = []
    for doc_name, paragraphs in documents(args.quick).items():
        reference = "\n".join(text for text, _ in paragraphs)
        for layout_name, layout in LAYOUTS.items():
            data = typeset(paragraphs, **layout)
            for reader_name, reader in READERS.items():
                pages = reader(data)
                text = cleaned(pages)
                kazakh = kazakh_kept(reference, text)
                blocks = blocks_found(pages) if doc_name.startswith("seed 000") else None
                ms = best_ms_per_page(reader, data, len(pages), 1 if args.quick else 3)
                rows.append(
                    f"| {doc_name} | {layout_name} | {len(pages)} | {reader_name} "
                    f"| {chrf.sentence_score(text, [reference]).score:.1f} | {word_order(reference, text):.1f} "
                    f"| {'–' if kazakh is None else f'{kazakh:.1f}'} | {'–' if blocks is None else blocks} | {ms:.1f} |"
                )
                print(rows[-1], flush=True)
    table = [
        f"## PDF text-layer readers (benchmarks/pdf_readers.py{' --quick' if args.quick else ''})",
        "",
        f"{dt.date.today()} · {machine()} · load {os.getloadavg()[0]:.2f}",
        "",
        "PDFs typeset by tests/fixtures/pdf/make.py (fpdf2, DejaVu Serif 10 pt, A4, running header, page numbers,"
        " hyphenation); text after align's PDF-text clean-up vs the typeset text. Versions: " + versions() + ".",
        "",
        "| document | layout | pages | reader | chrF | word order | Kazakh letters % | blocks | ms/page |",
        "|---|---|---|---|---|---|---|---|---|",
        *rows,
        "",
    ]
    print("\n".join(table))
    if not args.no_write:
        with (ROOT / "benchmarks" / "RESULTS.md").open("a", encoding="utf-8") as results:
            results.write("\n" + "\n".join(table))


def versions() -> str:
    from importlib.metadata import version

    return ", ".join(f"{name} {version(name)}" for name in ("pdfminer.six", "pypdf", "pypdfium2"))


if __name__ == "__main__":
    main()
