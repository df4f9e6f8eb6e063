"""Loading termbases from disk: the format is chosen by the file's suffix."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from align.errors import InputError
from align.terms.csv import read_csv
from align.terms.model import Termbase
from align.terms.tbx import read_tbx

SUFFIXES: dict[str, str] = {".tbx": "tbx", ".xml": "tbx", ".csv": "csv", ".tsv": "tsv", ".tab": "tsv"}
BUNDLED_NAME = "international-relations.tbx"
_MAX_BYTES = 512 * 1024 * 1024  # a termbase larger than this is not a termbase we can index in memory


def load_termbase(path: str | Path) -> Termbase:
    """The termbase in ``path`` (``.tbx``/``.xml``: TBX; ``.csv``; ``.tsv``); problems raise ``InputError``."""
    path = Path(path)
    name = str(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise InputError(name, f"unknown termbase format {path.suffix or '(no suffix)'!r}: use .tbx, .csv or .tsv")
    if not path.is_file():
        raise InputError(name, "no such file" if not path.exists() else "not a file")
    if path.stat().st_size > _MAX_BYTES:
        raise InputError(name, f"termbase larger than {_MAX_BYTES // 2**20} MiB")
    data = path.read_bytes()
    if not data.strip():
        raise InputError(name, "empty file")
    if kind == "tbx":
        return read_tbx(name, data)
    return read_csv(name, data, delimiter="\t" if kind == "tsv" else ",")


def load_termbases(paths: Iterable[str | Path]) -> Termbase:
    """The termbases in ``paths`` merged in order (``--termbase`` is repeatable)."""
    merged = Termbase()
    for path in paths:
        merged = merged.merged(load_termbase(path))
    return merged


def bundled_termbase_path() -> Path | None:
    """The termbase shipped in the package, ``align/data/termbases/``; ``None`` in a broken install.

    ``corpora/termbases/`` in the repository holds a symlink to the same file, for readers of the corpora.
    """
    path = Path(__file__).resolve().parents[1] / "data" / "termbases" / BUNDLED_NAME
    return path if path.is_file() else None


def termbase_paths(paths: Iterable[str | Path]) -> list[str | Path]:
    """The termbases of a run in merge order: the bundled one, then ``paths`` over it."""
    bundled = bundled_termbase_path()
    return [*([bundled] if bundled else []), *paths]
