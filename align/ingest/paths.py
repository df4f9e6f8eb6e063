"""Finding input files and reading their bytes within the size limit (never writing them)."""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from fnmatch import fnmatchcase
from pathlib import Path

from align.errors import InputError

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(
    {".txt", ".text", ".md", ".markdown", ".docx", ".pdf", ".xml", ".jats", ".nxml"}
)
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def collect_paths(
    paths: Sequence[str | Path],
    *,
    recursive: bool = False,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> tuple[list[Path], list[InputError]]:
    """Expand directories into their supported files; report missing paths and empty directories.

    A file named explicitly is kept whatever its suffix (the reader decides); a directory
    contributes its supported, non-hidden files in sorted order, subfolders only if
    ``recursive``, and only those the ``include``/``exclude`` globs let through (see
    ``is_included``). Each path is listed once.
    """
    found: list[Path] = []
    errors: list[InputError] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            supported = _directory_files(path, recursive=recursive)
            files = [file for file in supported if is_included(file.relative_to(path), include, exclude)]
            if not supported:
                suffixes = ", ".join(sorted(SUPPORTED_SUFFIXES))
                errors.append(InputError(str(path), f"directory has no supported files ({suffixes})"))
            elif not files:
                errors.append(InputError(str(path), "include/exclude leave none of the directory's files"))
        elif path.exists():
            files = [path]
        else:
            errors.append(InputError(str(path), "no such file or directory"))
            continue
        for file in files:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                found.append(file)
    return found, errors


def is_included(relative: Path, include: Sequence[str], exclude: Sequence[str]) -> bool:
    """Whether a file found in a folder (``relative`` to it) passes the ``include`` and ``exclude`` globs.

    A pattern with a ``/`` matches the whole relative path (``*`` crosses folders, as in fnmatch);
    one without matches the file name or the name of any folder on the way, as in .gitignore.
    With no ``include``, every supported file is included.
    """
    path = relative.as_posix()

    def matches(pattern: str) -> bool:
        if "/" in pattern:
            return fnmatchcase(path, pattern.strip("/"))
        return any(fnmatchcase(part, pattern) for part in relative.parts)

    return (not include or any(map(matches, include))) and not any(map(matches, exclude))


def _directory_files(directory: Path, *, recursive: bool) -> list[Path]:
    files: list[Path] = []
    for root, subdirectories, names in os.walk(directory):  # does not follow symlinked folders
        subdirectories[:] = sorted(name for name in subdirectories if not name.startswith(".")) if recursive else []
        for name in names:
            if _is_supported_name(name) and (Path(root) / name).is_file():
                files.append(Path(root) / name)
    return sorted(files)


def _is_supported_name(name: str) -> bool:
    # Hidden files and Word's lock files ("~$paper.docx") are never manuscripts.
    return not name.startswith((".", "~$")) and Path(name).suffix.lower() in SUPPORTED_SUFFIXES


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing before reading anything too large, missing or not a file."""
    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(name, "no such file or directory") from None
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(name, "is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(name, "not a regular file")
    if info.st_size > max_bytes:
        raise InputError(name, f"file is larger than the {format_size(max_bytes)} limit")
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may have grown since stat()
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise InputError(name, f"file is larger than the {format_size(max_bytes)} limit")
    return data


def format_size(size: int) -> str:
    megabyte = 1024 * 1024
    if size >= megabyte and size % megabyte == 0:
        return f"{size // megabyte} MB"
    if size >= 1024 and size % 1024 == 0:
        return f"{size // 1024} KB"
    return f"{size}-byte"
