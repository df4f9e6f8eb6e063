"""NTREX-128 as small EN/KK/RU manuscripts, shared by the divergence benchmarks.

A group is 5–11 consecutive lines of one NTREX document: the first line becomes the title, the
other 4–10 the abstract, written in tests/rules/manuscript.py's Markdown layout. Line i of each
language translates line i of the others, so a group is a manuscript whose versions agree.
"""

from __future__ import annotations

import os
import platform
import random
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.rules.manuscript import manuscript  # noqa: E402

FILES = {"en": "eng.txt", "kk": "kaz.txt", "ru": "rus.txt"}
LANGS = ("en", "kk", "ru")


def shared_dir() -> Path:
    return Path(os.environ.get("ALIGN_SHARED", ROOT.parent / "shared"))


def ntrex_dir() -> Path:
    return shared_dir() / "benchmarks" / "ntrex128"


def load_ntrex() -> tuple[dict[str, list[str]], list[list[int]]]:
    """Sentences per language and the rows of each document, in file order."""
    base = ntrex_dir()
    texts = {lang: (base / name).read_text(encoding="utf-8").splitlines() for lang, name in FILES.items()}
    doc_ids = (base / "doc_ids.txt").read_text(encoding="utf-8").splitlines()
    documents: list[list[int]] = []
    for row, doc in enumerate(doc_ids):
        if not documents or doc_ids[documents[-1][0]] != doc:
            documents.append([])
        documents[-1].append(row)
    return texts, documents


def make_groups(documents: list[list[int]], rng: random.Random) -> list[list[int]]:
    """Consecutive rows of one document, 5–11 at a time (a title and 4–10 abstract lines)."""
    groups: list[list[int]] = []
    for rows in documents:
        start = 0
        while len(rows) - start >= 5:
            size = min(rng.randint(5, 11), len(rows) - start)
            groups.append(rows[start : start + size])
            start += size
    return groups


@dataclass
class Sample:
    """A manuscript: its lines per language; line 0 is the title, the others the abstract."""

    lines: dict[str, list[str]]

    def copy(self) -> Sample:
        return Sample({lang: list(lines) for lang, lines in self.lines.items()})


def sample_of(texts: dict[str, list[str]], rows: list[int]) -> Sample:
    return Sample({lang: [texts[lang][row] for row in rows] for lang in LANGS})


def markdown(sample: Sample) -> str:
    """The manuscript text: a title and an abstract per language, no keywords."""
    return manuscript(
        {lang: " ".join(line for line in sample.lines[lang][1:] if line) for lang in LANGS},
        titles={lang: sample.lines[lang][0] for lang in LANGS},
        keywords=dict.fromkeys(LANGS, ""),
    )


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
