"""The Python API the CLI is a thin layer over.

>>> from align import detect
>>> detection = detect("corpora/samples/000_0f8b6cd7f140dd0a.txt")
>>> sorted({block.lang for block in detection.blocks})
['en', 'kk', 'ru']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from align.baseline import (  # noqa: F401 - baselines are part of the API: load, apply, write
    BaselineEntry,
    apply_baseline,
    baseline_entries,
    fingerprints,
    load_baseline,
    render_baseline,
)
from align.blocks import find_blocks
from align.config.profiles import DEFAULT_PROFILE, Profile
from align.errors import InputError
from align.ingest import DEFAULT_MAX_BYTES, collect_paths, read_document, read_documents
from align.model import LANGS, ROLES, Detection, Document

if TYPE_CHECKING:
    from align.aligner import TriAlignment
    from align.batch import Progress
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
    return _detection(read_document(path, max_bytes=max_bytes), expected_langs)


def detect_all(
    path: str | Path, *, expected_langs: Sequence[str] = LANGS, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Detection], list[InputError]]:
    """``detect`` on every manuscript of one file (a JATS export may hold several: ``file.xml#1``, …).

    Never raises ``InputError``: a file that cannot be read, or a manuscript in it without front
    matter, is an error in the list, and the other manuscripts of the file are still detected.
    """
    try:
        documents = read_documents(path, max_bytes=max_bytes)
    except InputError as error:
        return [], [error]
    detections: list[Detection] = []
    errors: list[InputError] = []
    for document in documents:
        try:
            detections.append(_detection(document, expected_langs))
        except InputError as error:
            errors.append(error)
    return detections, errors


def _detection(document: Document, expected_langs: Sequence[str]) -> Detection:
    detection = find_blocks(document, expected_langs)
    if not detection.blocks:
        raise InputError(document.path, "no title, abstract or keywords found")
    return detection


def detect_paths(
    paths: Sequence[str | Path],
    *,
    recursive: bool = False,
    expected_langs: Sequence[str] = LANGS,
    max_bytes: int = DEFAULT_MAX_BYTES,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> tuple[list[Detection], list[InputError]]:
    """``detect`` over files and directories; a bad input is collected, not raised, so the rest go on.

    The ``include``/``exclude`` globs filter the files found in folders (see ``collect_paths``).
    """
    files, errors = collect_paths(paths, recursive=recursive, include=include, exclude=exclude)
    detections: list[Detection] = []
    for file in files:
        found, problems = detect_all(file, expected_langs=expected_langs, max_bytes=max_bytes)
        detections.extend(found)
        errors.extend(problems)
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


def only_roles(detection: Detection, roles: Sequence[str]) -> Detection:
    """``detection`` without the blocks (and missing blocks) of roles that are not checked."""
    if set(ROLES) <= set(roles):
        return detection
    return replace(
        detection,
        blocks=tuple(b for b in detection.blocks if b.role in roles),
        missing=tuple(m for m in detection.missing if m.role in roles),
    )


def align_detection(detection: Detection) -> dict[str, RoleAlignment]:
    """Align the EN, KK and RU blocks of each role that at least two languages have."""
    from align.aligner import align_three

    alignments: dict[str, RoleAlignment] = {}
    for role in ROLES:
        segments = {lang: detection.segments(lang, role) for lang in LANGS}
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
    # Set when a baseline left findings out: the kept ones' fingerprints, which counting repeats among
    # the kept findings alone would get wrong (align.baseline.fingerprints).
    fingerprints: tuple[str, ...] | None = None


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
    if len(results) > 1:
        raise InputError(str(path), f"holds {len(results)} manuscripts: check them with check_paths")
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
    jobs: int = 1,
    progress: Progress | None = None,
    roles: Sequence[str] = ROLES,
    profile: Profile = DEFAULT_PROFILE,
    severities: Mapping[str, str] | None = None,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> tuple[list[CheckResult], list[InputError]]:
    """``check`` over files and folders; a bad manuscript is collected, not raised, so the rest go on.

    ``jobs`` processes check the files (0: one per core); the results are in the same order whatever
    ``jobs`` is. ``progress(done, total)`` is called after each file. An unknown rule code raises
    ``ValueError``, an unreadable termbase ``InputError``: both concern the whole run, not one manuscript.
    Only the blocks of ``roles`` are checked; ``profile`` gives the journal's limits, ``severities``
    (rule code or prefix → "error", "warning" or "info") replaces default severities, and the
    ``include``/``exclude`` globs filter the files found in folders (see docs/configuration.md).
    """
    from align.batch import CheckSetup, check_files

    setup = CheckSetup(
        tuple(select),
        tuple(ignore),
        tuple(expected_langs),
        max_bytes,
        tuple(str(t) for t in termbases),
        roles=tuple(roles),
        profile=profile,
        severities=tuple(sorted((severities or {}).items())),
    )
    files, errors = collect_paths(paths, recursive=recursive, include=include, exclude=exclude)
    results, file_errors = check_files(files, setup, jobs=jobs, progress=progress)
    return results, errors + file_errors


def load_user_termbases(paths: Sequence[str | Path]) -> Termbase | None:
    """The bundled termbase with ``paths`` merged over it; ``None`` (the bundled one alone) without paths."""
    if not paths:
        return None
    from align.terms import load_termbases, termbase_paths

    return load_termbases(termbase_paths(paths))
