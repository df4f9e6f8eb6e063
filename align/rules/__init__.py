"""The rule catalogue: every module ``align/rules/al*.py`` defines one rule class.

``all_rules()`` finds them from the code itself, so ``align rules`` and the docs cannot drift.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import cache

from align.rules.base import Context, Finding, Rule, Severity, Span

__all__ = [
    "Context",
    "Finding",
    "Rule",
    "Severity",
    "Span",
    "all_rules",
    "resolve_severities",
    "run_rules",
    "select_rules",
]


@cache
def all_rules() -> tuple[type[Rule], ...]:
    """Every rule class, ordered by code."""
    found: list[type[Rule]] = []
    for module_info in pkgutil.iter_modules(__path__):
        if not module_info.name.startswith("al"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        found.extend(
            value
            for value in vars(module).values()
            if isinstance(value, type) and issubclass(value, Rule) and value.__module__ == module.__name__
        )
    return tuple(sorted(found, key=lambda rule: rule.code))


def select_rules(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[type[Rule]]:
    """Rules whose code starts with one of ``select`` (all when empty) and none of ``ignore``.

    Prefixes work as in ruff: ``AL0`` selects AL001…AL099. Unknown codes raise ``ValueError``.
    """
    chosen, dropped = _codes(select), _codes(ignore)
    for code in [*chosen, *dropped]:
        if not any(rule.code.startswith(code) for rule in all_rules()):
            raise ValueError(f"unknown rule code or prefix: {code}")
    return [
        rule
        for rule in all_rules()
        if (not chosen or rule.code.startswith(chosen)) and not (dropped and rule.code.startswith(dropped))
    ]


def _codes(codes: Iterable[str]) -> tuple[str, ...]:
    """``["AL001,AL01", " al2"]`` → ``("AL001", "AL01", "AL2")``: comma lists and repeats both work."""
    return tuple(part.strip().upper() for code in codes for part in code.split(",") if part.strip())


def resolve_severities(overrides: Mapping[str, str | Severity]) -> dict[str, Severity]:
    """``{"AL04": "info", "AL042": "error"}`` → the severity of each rule code it concerns.

    Codes and prefixes work as in ``select``; the longest matching one wins, so a rule named in
    full beats the prefix of its group. Unknown codes raise ``ValueError``.
    """
    levels = {code.upper(): Severity[str(level)] for code, level in overrides.items()}
    select_rules(levels)  # validates the codes
    resolved: dict[str, Severity] = {}
    for rule in all_rules():
        matching = [code for code in levels if rule.code.startswith(code)]
        if matching:
            resolved[rule.code] = levels[max(matching, key=len)]
    return resolved


def run_rules(
    context: Context, rules: Sequence[type[Rule]], severities: Mapping[str, Severity] | None = None
) -> list[Finding]:
    """All findings of ``rules`` on one manuscript, in a stable order.

    ``severities`` (rule code → severity, see ``resolve_severities``) replaces the rules' defaults.
    """
    overrides = severities or {}
    findings = [
        replace(finding, severity=overrides[finding.rule]) if finding.rule in overrides else finding
        for rule in rules
        for finding in rule().check(context)
    ]
    order = {lang: i for i, lang in enumerate(context.expected_langs)}
    return sorted(
        findings,
        key=lambda f: (
            f.line or 0,
            f.rule,
            [order.get(lang, 99) for lang in f.langs],
            sorted(f.sentences.items()),
        ),
    )
