"""Translation units: aligned segments with a score, the common shape of TMX, TSV and JSON pairs."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Unit:
    """Segments that translate one another, by language; a language with nothing aligned is absent."""

    segments: Mapping[str, str]
    score: float
    langs: tuple[str, ...]  # every language of the alignment, absent ones included, in column order
    role: str | None = None
    counts: Mapping[str, int] = field(default_factory=dict)  # sentences per language: "1-2", "1-0"

    @property
    def bead(self) -> str:
        return "-".join(str(self.counts.get(lang, 0)) for lang in self.langs)


def units(
    links: Sequence[object], texts: Mapping[str, Sequence[str]], langs: Sequence[str], role: str | None = None
) -> Iterator[Unit]:
    """Units from links or triples: any object with one tuple of indices per language and a ``score``.

    ``Link`` names its sides ``src``/``tgt``; they are read in the order of ``langs``.
    """
    for link in links:
        indices = _indices(link, langs)
        segments = {lang: " ".join(texts[lang][i] for i in idx) for lang, idx in indices.items() if idx}
        counts = {lang: len(idx) for lang, idx in indices.items()}
        yield Unit(segments, float(link.score), tuple(langs), role, counts)  # type: ignore[attr-defined]


def _indices(link: object, langs: Sequence[str]) -> dict[str, tuple[int, ...]]:
    if hasattr(link, "src"):
        return {langs[0]: link.src, langs[1]: link.tgt}  # type: ignore[attr-defined]
    return {lang: getattr(link, lang) for lang in langs}
