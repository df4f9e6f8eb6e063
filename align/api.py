"""The Python API the CLI is a thin layer over.

>>> from align import detect
>>> detection = detect("corpora/samples/000_0f8b6cd7f140dd0a.txt")
>>> sorted({block.lang for block in detection.blocks})
['en', 'kk', 'ru']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from align.blocks import find_blocks
from align.errors import InputError
from align.ingest import DEFAULT_MAX_BYTES, collect_paths, read_document
from align.model import LANGS, ROLES, Detection

if TYPE_CHECKING:
    from align.aligner import TriAlignment
    from align.rules import Finding
    from align.terms import Termbase

# Share of lines with several sentences up to which a file is read as one sentence per line.
_MULTI_SENTENCE_LINES = 0.1


def detect(
    path: str | Path, *, expected_langs: Sequence[str] = LANGS, max_bytes: int = DEFAULT_MAX_BYTES
) -> Detection:
    """Read one manuscript and find its title, abstract and keywords blocks.

    Raises ``InputError`` when the file cannot be read or holds no front matter at all.
    """
    document = read_document(path, max_bytes=max_bytes)
    detection = find_blocks(document, expected_langs)
    if not detection.blocks:
        raise InputError(str(path), "no title, abstract or keywords found")
    return detection


def detect_paths(
    paths: Sequence[str | Path],
    *,
    recursive: bool = False,
    expected_langs: Sequence[str] = LANGS,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[list[Detection], list[InputError]]:
    """``detect`` over files and directories; a bad input is collected, not raised, so the rest go on."""
    files, errors = collect_paths(paths, recursive=recursive)
    detections: list[Detection] = []
    for file in files:
        try:
            detections.append(detect(file, expected_langs=expected_langs, max_bytes=max_bytes))
        except InputError as error:
            errors.append(error)
    return detections, errors


@dataclass(frozen=True)
class RoleAlignment:
    """The three-way alignment of one role's blocks (title, abstract or keywords).

    ``segments`` holds what was aligned per language: the sentences of a title or abstract, the
    items of a keywords list; a language without that block has none.
    """

    role: str
    segments: dict[str, tuple[str, ...]]
    alignment: TriAlignment


def segments_of(detection: Detection, lang: str, role: str) -> tuple[str, ...]:
    block = detection.block(lang, role)
    if block is None:
        return ()
    return block.keywords if role == "keywords" else tuple(s.text for s in block.sentences)


def align_detection(detection: Detection) -> dict[str, RoleAlignment]:
    """Align the EN, KK and RU blocks of each role that at least two languages have."""
    from align.aligner import align_three

    alignments: dict[str, RoleAlignment] = {}
    for role in ROLES:
        segments = {lang: segments_of(detection, lang, role) for lang in LANGS}
        if sum(bool(s) for s in segments.values()) < 2:
            continue
        alignments[role] = RoleAlignment(role, segments, align_three(segments["en"], segments["kk"], segments["ru"]))
    return alignments


def read_sentences(path: str | Path, lang: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, ...]:
    """One side of a parallel text: one sentence per line, or paragraphs that are split.

    Lines are taken as they are (hunalign's input) unless a good share of them holds several
    sentences, in which case every line is split. The text must be in ``lang``.
    """
    from align.ingest import decode_bytes
    from align.ingest.paths import read_limited
    from align.langid import identify
    from align.segment import split_sentences

    name = str(path)
    data = read_limited(Path(path), max_bytes)
    text, _ = decode_bytes(data, name)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        raise InputError(name, "file is empty")
    found = identify(" ".join(lines[:200])[:20_000])
    if found.lang != lang:
        raise InputError(name, f"the text is in '{found.lang}', not in '{lang}' as the language option says")
    spans = [split_sentences(line, lang) for line in lines]
    if sum(len(s) > 1 for s in spans) <= _MULTI_SENTENCE_LINES * len(lines):
        return tuple(lines)
    return tuple(line[start:end] for line, line_spans in zip(lines, spans, strict=True) for start, end in line_spans)


@dataclass(frozen=True)
class CheckResult:
    """Everything ``check`` learnt about one manuscript."""

    detection: Detection
    alignments: dict[str, RoleAlignment]
    findings: tuple[Finding, ...]


def check(
    path: str | Path,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    expected_langs: Sequence[str] = LANGS,
    max_bytes: int = DEFAULT_MAX_BYTES,
    termbases: Sequence[str | Path] = (),
) -> CheckResult:
    """Detect, align and run the selected rules on one manuscript.

    ``termbases`` (TBX or CSV) are merged over the bundled termbase, in order.
    """
    results, errors = check_paths(
        [path], select=select, ignore=ignore, expected_langs=expected_langs, max_bytes=max_bytes, termbases=termbases
    )
    if errors:
        raise errors[0]
    return results[0]


def check_paths(
    paths: Sequence[str | Path],
    *,
    recursive: bool = False,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    expected_langs: Sequence[str] = LANGS,
    max_bytes: int = DEFAULT_MAX_BYTES,
    termbases: Sequence[str | Path] = (),
) -> tuple[list[CheckResult], list[InputError]]:
    """``check`` over files and folders; a bad manuscript is collected, not raised, so the rest go on.

    An unknown rule code raises ``ValueError``, an unreadable termbase ``InputError``: both concern
    the whole run, not one manuscript.
    """
    from align.rules import Context, run_rules, select_rules

    rules = select_rules(select, ignore)
    termbase = load_user_termbases(termbases)
    files, errors = collect_paths(paths, recursive=recursive)
    results: list[CheckResult] = []
    for file in files:
        try:
            detection = detect(file, expected_langs=expected_langs, max_bytes=max_bytes)
        except InputError as error:
            errors.append(error)
            continue
        alignments = align_detection(detection)
        context = Context(detection, alignments, tuple(expected_langs), termbase=termbase)
        results.append(CheckResult(detection, alignments, tuple(run_rules(context, rules))))
    return results, errors


def load_user_termbases(paths: Sequence[str | Path]) -> Termbase | None:
    """The bundled termbase with ``paths`` merged over it; ``None`` (the bundled one alone) without paths."""
    if not paths:
        return None
    from align.terms import bundled_termbase_path, load_termbases

    bundled = bundled_termbase_path()
    return load_termbases([*([bundled] if bundled else []), *paths])
