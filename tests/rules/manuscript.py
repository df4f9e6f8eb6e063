"""Build small EN/KK/RU manuscripts for rule tests and run one rule on them."""

from __future__ import annotations

from pathlib import Path

from align.api import align_detection, detect
from align.config import DEFAULT_PROFILE, Profile
from align.rules import Context, Finding, Rule

LABELS = {
    "en": ("Abstract.", "Keywords:"),
    "kk": ("Аңдатпа.", "Түйін сөздер:"),
    "ru": ("Аннотация.", "Ключевые слова:"),
}
DEFAULT_TITLES = {
    "en": "KAZAKHSTAN AND EUROPE",
    "kk": "ҚАЗАҚСТАН ЖӘНЕ ЕУРОПА",
    "ru": "КАЗАХСТАН И ЕВРОПА",
}
DEFAULT_KEYWORDS = {
    "en": "Kazakhstan, Europe, cooperation",
    "kk": "Қазақстан, Еуропа, ынтымақтастық",
    "ru": "Казахстан, Европа, сотрудничество",
}


def manuscript(
    abstracts: dict[str, str],
    *,
    titles: dict[str, str] | None = None,
    keywords: dict[str, str] | None = None,
) -> str:
    """A Markdown manuscript with a title, an abstract and keywords for each language given.

    A language absent from ``abstracts`` is left out entirely; pass ``titles``/``keywords`` to
    override the defaults (an empty string leaves that block out).
    """
    titles = {**DEFAULT_TITLES, **(titles or {})}
    keywords = {**DEFAULT_KEYWORDS, **(keywords or {})}
    parts: list[str] = []
    for lang, abstract in abstracts.items():
        abstract_label, keywords_label = LABELS[lang]
        if titles[lang]:
            parts.append(f"## {titles[lang]}")
        parts.append(f"**{abstract_label}** {abstract}")
        if keywords[lang]:
            parts.append(f"**{keywords_label}** {keywords[lang]}")
    parts.append("## Introduction\n\nThe main text starts here. It is not front matter.")
    return "\n\n".join(parts) + "\n"


def context_of(tmp_path: Path, text: str, name: str = "paper.md", profile: Profile = DEFAULT_PROFILE) -> Context:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    detection = detect(path)
    return Context(detection=detection, alignments=align_detection(detection), profile=profile)


def run(
    rule: type[Rule],
    tmp_path: Path,
    abstracts: dict[str, str],
    *,
    profile: Profile = DEFAULT_PROFILE,
    **parts: dict[str, str],
) -> list[Finding]:
    """The findings of ``rule`` on a manuscript built from ``abstracts`` (see :func:`manuscript`) under ``profile``."""
    return list(rule().check(context_of(tmp_path, manuscript(abstracts, **parts), profile=profile)))
