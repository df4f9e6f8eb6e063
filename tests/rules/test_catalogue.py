"""Meta-tests over the catalogue: every rule documented, coded and tested like the others."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from align.rules import Severity, all_rules, select_rules

SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## Use instead")
TESTS = Path(__file__).parent


def test_catalogue_is_not_empty() -> None:
    assert len(all_rules()) >= 3


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_rule_is_self_documenting(rule) -> None:
    assert re.fullmatch(r"AL\d{3}", rule.code)
    assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule.name)
    assert isinstance(rule.severity, Severity)
    documentation = rule.documentation()
    assert rule.summary().endswith(".")
    positions = [documentation.find(section) for section in SECTIONS]
    assert all(p > 0 for p in positions) and positions == sorted(positions), f"{rule.code} lacks a section"
    assert documentation.count("```") >= 4, f"{rule.code} needs a bad and a good example"


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_rule_has_its_own_test_module(rule) -> None:
    module = rule.__module__.rsplit(".", 1)[1]
    assert (TESTS / f"test_{module}.py").is_file(), f"tests/rules/test_{module}.py is missing"


def test_codes_and_names_are_unique() -> None:
    rules = all_rules()
    assert len({r.code for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)


def test_select_and_ignore_prefixes() -> None:
    codes = [r.code for r in all_rules()]
    assert [r.code for r in select_rules()] == codes
    assert [r.code for r in select_rules(["AL00"])] == [c for c in codes if c.startswith("AL00")]
    assert "AL001" not in [r.code for r in select_rules(ignore=["al001"])]
    assert [r.code for r in select_rules(["AL001,AL010"])] == ["AL001", "AL010"]
    with pytest.raises(ValueError, match="AL999"):
        select_rules(["AL999"])
