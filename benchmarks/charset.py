"""Charset detection benchmark: NTREX-128 sentences and documents in legacy Cyrillic code pages.

Usage::

    python benchmarks/charset.py              # print the table, append it to RESULTS.md
    python benchmarks/charset.py --no-append

Each Russian (or Kazakh, for kz1048; English with accents, for cp1252) sentence, its first 25
characters and each whole document are encoded in a code page and decoded back, by
``align.ingest.decode_bytes`` and by ``charset_normalizer.from_bytes(...).best()`` alone. A
sample counts as right when the decoded text equals the original (two code pages that decode a
sample identically are both right). Samples that are pure ASCII or that the code page cannot
encode are skipped.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import time
from collections.abc import Callable
from pathlib import Path

from charset_normalizer import from_bytes

from align.errors import InputError
from align.ingest import decode_bytes

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "RESULTS.md"


def shared_dir() -> Path:
    return Path(os.environ.get("ALIGN_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def load(name: str) -> list[str]:
    return (shared_dir() / "benchmarks" / "ntrex128" / name).read_text(encoding="utf-8").splitlines()


def documents(lines: list[str]) -> list[str]:
    grouped: dict[str, list[str]] = {}
    for doc_id, line in zip(load("doc_ids.txt"), lines, strict=True):
        grouped.setdefault(doc_id, []).append(line)
    return ["\n".join(group) for group in grouped.values()]


def ours(data: bytes) -> str | None:
    try:
        return decode_bytes(data)[0]
    except InputError:
        return None


def charset_normalizer_alone(data: bytes) -> str | None:
    best = from_bytes(data).best()
    return str(best) if best is not None else None


def score(samples: list[str], encoding: str, decode: Callable[[bytes], str | None]) -> tuple[int, float, float]:
    right = total = 0
    started = time.perf_counter()
    for sample in samples:
        try:
            data = sample.encode(encoding)
        except UnicodeEncodeError:
            continue
        if data.isascii():
            continue
        total += 1
        right += decode(data) == sample
    elapsed = time.perf_counter() - started
    return total, right / max(total, 1), elapsed / max(total, 1) * 1000


def machine_line() -> str:
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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-append", action="store_true", help="do not append to RESULTS.md")
    args = parser.parse_args()

    russian, kazakh = load("rus.txt"), load("kaz.txt")
    accented = [line.replace("e", "é", 1) for line in load("eng.txt")]
    cases = [
        ("ru", "sentence", russian, ("cp1251", "koi8-r", "mac-cyrillic", "cp866")),
        ("ru", "first 25 chars", [line[:25] for line in russian], ("cp1251", "koi8-r", "mac-cyrillic", "cp866")),
        ("ru", "document", documents(russian), ("cp1251", "koi8-r")),
        ("kk", "sentence", kazakh, ("kz1048",)),
        ("en+é", "sentence", accented, ("cp1252",)),
    ]
    rows = [
        "| text | unit | code page | samples | align.ingest | ms | charset-normalizer alone | ms |",
        "|---|---|---|---:|---:|---:|---:|---:|",
    ]
    for lang, unit, samples, encodings in cases:
        for encoding in encodings:
            total, accuracy, ms = score(samples, encoding, ours)
            _, cn_accuracy, cn_ms = score(samples, encoding, charset_normalizer_alone)
            rows.append(
                f"| {lang} | {unit} | {encoding} | {total} | {accuracy:.4f} | {ms:.1f} "
                f"| {cn_accuracy:.4f} | {cn_ms:.1f} |"
            )
    table = "\n".join(rows)
    print(table)
    if not args.no_append:
        stamp = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
        with RESULTS.open("a", encoding="utf-8") as results:
            results.write(
                f"\n## Charset detection (benchmarks/charset.py)\n\n{stamp}; {machine_line()}. Share of samples "
                "decoded to exactly the original text; ms per sample.\n\n"
                f"{table}\n"
            )


if __name__ == "__main__":
    main()
