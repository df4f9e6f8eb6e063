"""Journal profiles: what a journal asks of the front matter (abstract length, keyword count, title).

The figures of the ready profiles are typical values of author guidelines, not quotations of
one journal's current rules: a journal sets its own with a ``[profile]`` table (see
docs/configuration.md).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    """Limits AL060 (abstract words), AL061 (keywords) and AL001 (a missing title) apply."""

    name: str = "default"
    min_words: int = 100
    max_words: int = 300
    min_keywords: int = 3
    max_keywords: int = 10
    title_required: bool = True

    def describe(self) -> str:
        """``default(abstract 100-300, keywords 3-10, title required)``: the profile with its figures."""
        title = "title required" if self.title_required else "title optional"
        return (
            f"{self.name}(abstract {self.min_words}-{self.max_words}, "
            f"keywords {self.min_keywords}-{self.max_keywords}, {title})"
        )


DEFAULT_PROFILE = Profile()

PROFILES: dict[str, Profile] = {
    profile.name: profile
    for profile in (
        DEFAULT_PROFILE,
        # KazNU Bulletin (ҚазҰУ Хабаршысы / Вестник КазНУ) series: 150–250 words, 5–8 keywords are
        # the usual figures of their author guidelines.
        Profile("kaznu-bulletin", min_words=150, max_words=250, min_keywords=5, max_keywords=8),
        # Journals on the national list of the quality-assurance committee commonly ask 150–300 words
        # and 5–10 keywords.
        Profile("kz-national-list", min_words=150, max_words=300, min_keywords=5, max_keywords=10),
        # Conference theses (тезисы / тезистер): a short abstract of a short text.
        Profile("thesis", min_words=50, max_words=150, min_keywords=3, max_keywords=6),
        # An OJS submission: the title is typed into the form, so the manuscript may start without it.
        Profile("ojs-submission", title_required=False),
    )
}
