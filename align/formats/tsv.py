"""TSV: ``score`` then one column per language, a header line first; tabs and newlines in text become spaces."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from align.formats.units import Unit


def render_tsv(units: Iterable[Unit], langs: Sequence[str]) -> str:
    lines = ["\t".join(["score", *langs])]
    for unit in units:
        cells = [_cell(unit.segments.get(lang, "")) for lang in langs]
        lines.append("\t".join([f"{unit.score:.4f}", *cells]))
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return " ".join(text.split())
