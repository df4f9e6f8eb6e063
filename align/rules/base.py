"""The rule framework: what a rule is, what it finds, and what it is given to look at.

A rule is a small class with a stable ``code`` (``AL001``), a kebab-case ``name``, a default
``severity`` and a docstring that is its documentation, in four sections as ruff writes them:
*What it does*, *Why is this bad?*, *Example*, *Use instead*. Its ``check`` holds only the rule's
logic; walking documents and reporting are the framework's job.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from functools import cached_property
from typing import TYPE_CHECKING, ClassVar

from align.config.profiles import DEFAULT_PROFILE, Profile
from align.model import LANGS, Block, Detection

if TYPE_CHECKING:
    from align.api import RoleAlignment
    from align.terms import Termbase


class Severity(IntEnum):
    """Ordered so that ``severity >= fail_level`` decides the exit code."""

    info = 1
    warning = 2
    error = 3

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Span:
    """Evidence inside one block: character offsets into ``Block.text``."""

    lang: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Finding:
    """One divergence. ``sentences`` are indices into each language's block sentences (or keywords)."""

    rule: str
    name: str
    severity: Severity
    message: str
    role: str | None = None
    langs: tuple[str, ...] = ()
    sentences: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    evidence: Mapping[str, str] = field(default_factory=dict)
    spans: tuple[Span, ...] = ()
    suggestion: str | None = None
    line: int | None = None  # first source line, for CI annotations


@dataclass(frozen=True)
class Context:
    """What every rule sees of one manuscript."""

    detection: Detection
    alignments: Mapping[str, RoleAlignment]
    expected_langs: tuple[str, ...] = LANGS
    termbase: Termbase | None = None  # None: the term rules use align.terms.default_termbase()
    profile: Profile = DEFAULT_PROFILE  # the journal's limits (AL001, AL060, AL061)

    @cached_property
    def memo(self) -> dict[object, object]:
        """What several rules compute from this manuscript alike (term hits, a sentence's words): kept once here,
        so that nothing outlives the manuscript. Filled by the helpers that compute it (align/rules/termhits.py)."""
        return {}

    def block(self, lang: str, role: str) -> Block | None:
        return self.detection.block(lang, role)

    def blocks(self, role: str) -> dict[str, Block]:
        """The first block of ``role`` in each expected language that has one."""
        found = {lang: self.block(lang, role) for lang in self.expected_langs}
        return {lang: block for lang, block in found.items() if block is not None}


class Rule:
    """Base class of every check; subclasses set the class attributes and implement ``check``."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]

    def check(self, context: Context) -> Iterator[Finding]:
        raise NotImplementedError

    def finding(self, message: str, **details: object) -> Finding:
        """A finding of this rule at its default severity (configuration may change it later)."""
        return Finding(rule=self.code, name=self.name, severity=self.severity, message=message, **details)  # type: ignore[arg-type]

    @classmethod
    def summary(cls) -> str:
        """The first line of the documentation."""
        return (cls.__doc__ or "").strip().splitlines()[0]

    @classmethod
    def documentation(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")
