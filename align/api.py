"""The Python API the CLI is a thin layer over.

>>> from align import detect
>>> detection = detect("corpora/samples/000_0f8b6cd7f140dd0a.txt")
>>> sorted({block.lang for block in detection.blocks})
['en', 'kk', 'ru']
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from align.blocks import find_blocks
from align.errors import InputError
from align.ingest import DEFAULT_MAX_BYTES, collect_paths, read_document
from align.model import LANGS, Detection


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
