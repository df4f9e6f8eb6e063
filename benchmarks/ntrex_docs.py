"""NTREX-128 as small EN/KK/RU manuscripts, shared by the divergence benchmarks.

Every NTREX document starts with its headline. A group is that headline and 4–10 consecutive
lines of the document's body: the headline becomes the title, the body lines the abstract,
written in tests/rules/manuscript.py's Markdown layout. Line i of each language translates line
i of the others, so a group is a manuscript whose versions agree — except where NTREX itself is
wrong: benchmarks/ntrex_defects.tsv lists those lines, read by hand.
"""

from __future__ import annotations

import csv
import datetime
import os
import platform
import random
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from align.api import align_detection, detect  # noqa: E402
from align.rules import Context  # noqa: E402
from tests.rules.manuscript import manuscript  # noqa: E402

FILES = {"en": "eng.txt", "kk": "kaz.txt", "ru": "rus.txt"}
LANGS = ("en", "kk", "ru")
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
DEFECTS = ROOT / "benchmarks" / "ntrex_defects.tsv"
MIN_BODY, MAX_BODY = 4, 10  # abstract lines per group


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
    """Rows of a manuscript: the document's headline, then 4–10 consecutive rows of its body.

    A body line cut from mid-document is not a title (too long, several sentences, ends with a
    full stop): the block finder rightly refuses it, so every group of a document takes its headline.
    """
    groups: list[list[int]] = []
    for headline, *body in documents:
        start = 0
        while len(body) - start >= MIN_BODY:
            size = min(rng.randint(MIN_BODY, MAX_BODY), len(body) - start)
            groups.append([headline, *body[start : start + size]])
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


def markdown(sample: Sample, keywords: dict[str, str] | None = None) -> str:
    """The manuscript text: a title, an abstract and (when given) keywords per language."""
    return manuscript(
        {lang: " ".join(line for line in sample.lines[lang][1:] if line) for lang in LANGS},
        titles={lang: sample.lines[lang][0] for lang in LANGS},
        keywords=keywords or dict.fromkeys(LANGS, ""),
    )


def context_of(text: str, workdir: Path | None = None) -> Context:
    """Detect and align a manuscript text the way ``align check`` reads a file."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(workdir or tmp) / "paper.md"
        path.write_text(text, encoding="utf-8")
        detection = detect(path)
    return Context(detection=detection, alignments=align_detection(detection))


@dataclass(frozen=True)
class Defect:
    """A line where NTREX's own translation diverges, read by hand: a finding there is true."""

    line: int  # 1-based NTREX line
    rule: str
    langs: tuple[str, ...]
    reason: str


def real_defects() -> list[Defect]:
    """benchmarks/ntrex_defects.tsv: line, rule, languages, reason; ``#`` starts a comment line."""
    with DEFECTS.open(encoding="utf-8", newline="") as handle:
        rows = [
            row
            for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            if row and not row[0].startswith("#")
        ]
    return [Defect(int(line), rule, tuple(langs.split(",")), reason) for line, rule, langs, reason in rows]


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


def load_average() -> str:
    try:
        return "load " + " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "load unknown"


def append_results(heading: str, body: str) -> None:
    """Append a dated entry with the machine and its load to benchmarks/RESULTS.md."""
    stamp = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    with RESULTS.open("a", encoding="utf-8") as out:
        out.write(f"\n## {heading}\n\n{stamp} · {machine()} · {load_average()}\n\n{body.rstrip()}\n")
    print(f"appended to {RESULTS}")
