"""The configuration keys, each with the validator that turns a TOML value into a setting.

A validator takes the raw value (and the folder relative paths start from) and returns the
setting, or raises ``ValueError`` with the problem; the caller adds the file and the key. Rule
modules are imported inside the validators because ``align.rules`` itself imports the profiles.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from align.config.profiles import PROFILES, Profile
from align.model import LANGS, ROLES

SEVERITY_NAMES = ("error", "warning", "info")  # the members of align.rules.Severity, most severe first
PROFILE_KEYS = ("extends", "abstract-words", "keywords", "title-required")


def did_you_mean(word: str, choices: Sequence[str]) -> str:
    """`` (did you mean 'fail-on'?)`` for a near miss or the start of a choice, or nothing."""
    close = [choice for choice in choices if word and choice.startswith(word)]
    close = close or difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def unknown_key_problem(key: str, known: Sequence[str]) -> str:
    return f"unknown key '{key}'{did_you_mean(key, known)}"


def _type_name(value: object) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a float", str: "a string", list: "an array", dict: "a table"}
    return names.get(type(value), f"a {type(value).__name__}")


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        shown = _type_name(value) if not isinstance(value, list) else "an array with other items"
        raise ValueError(f"expected an array of strings, got {shown}")
    if not all(item.strip() for item in value):
        raise ValueError("expected an array of strings, got an empty string")
    return tuple(value)


def _one_of(value: Any, choices: Sequence[str]) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected a string, got {_type_name(value)}")
    if value not in choices:
        raise ValueError(f"'{value}' is not one of {', '.join(choices)}{did_you_mean(value, choices)}")
    return value


def _subset(value: Any, choices: Sequence[str]) -> tuple[str, ...]:
    items = _strings(value)
    if not items:
        raise ValueError(f"expected at least one of {', '.join(choices)}")
    for item in items:
        _one_of(item, choices)
    if len(set(items)) != len(items):
        raise ValueError("a value is repeated")
    return items


def _languages(value: Any, _: Path) -> tuple[str, ...]:
    return _subset(value, LANGS)


def _roles(value: Any, _: Path) -> tuple[str, ...]:
    return _subset(value, ROLES)


def _fail_on(value: Any, _: Path) -> str:
    return _one_of(value, SEVERITY_NAMES)


def _rule_codes(value: Any, _: Path) -> tuple[str, ...]:
    from align.rules import select_rules

    codes = _strings(value)
    select_rules(codes)  # raises ValueError("unknown rule code or prefix: …")
    return codes


def _severity(value: Any, _: Path) -> dict[str, str]:
    from align.rules import select_rules

    if not isinstance(value, dict):
        raise ValueError(f"expected a table of rule codes, got {_type_name(value)}")
    for code, level in value.items():
        select_rules([code])
        try:
            _one_of(level, SEVERITY_NAMES)
        except ValueError as error:
            raise ValueError(f"{code}: {error}") from None
    return {code.upper(): level for code, level in value.items()}


def _named_profile(name: Any) -> Profile:
    known = list(PROFILES)
    if not isinstance(name, str):
        raise ValueError(f"expected a profile name or a table, got {_type_name(name)}")
    if name not in PROFILES:
        raise ValueError(f"unknown profile '{name}'{did_you_mean(name, known)}; known: {', '.join(known)}")
    return PROFILES[name]


def _word_range(key: str, value: Any) -> tuple[int, int]:
    valid = (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(n, int) and not isinstance(n, bool) for n in value)
        and 0 <= value[0] <= value[1]
    )
    if not valid:
        raise ValueError(f"{key}: expected [min, max], two integers with 0 ≤ min ≤ max, got {value!r}")
    return value[0], value[1]


def _profile(value: Any, _: Path) -> Profile:
    """A ready profile by name, or a table: ``extends`` (a name, ``default`` when left out) and overrides."""
    if not isinstance(value, dict):
        return _named_profile(value)
    for key in value:
        if key not in PROFILE_KEYS:
            raise ValueError(unknown_key_problem(key, PROFILE_KEYS))
    base = _named_profile(value.get("extends", "default"))
    changes: dict[str, Any] = {}
    if "abstract-words" in value:
        changes["min_words"], changes["max_words"] = _word_range("abstract-words", value["abstract-words"])
    if "keywords" in value:
        changes["min_keywords"], changes["max_keywords"] = _word_range("keywords", value["keywords"])
    if "title-required" in value:
        if not isinstance(value["title-required"], bool):
            raise ValueError(f"title-required: expected a boolean, got {_type_name(value['title-required'])}")
        changes["title_required"] = value["title-required"]
    if not changes:
        return base
    from dataclasses import replace

    return replace(base, name=f"{base.name}+custom", **changes)


def _termbases(value: Any, base: Path) -> tuple[Path, ...]:
    """Paths relative to the configuration file's folder (the working directory on the command line)."""
    paths = []
    for given in _strings(value):
        path = Path(given) if Path(given).is_absolute() else base / given
        if not path.is_file():
            raise ValueError(f"no such file: {given}")
        paths.append(path)
    return tuple(paths)


def _globs(value: Any, _: Path) -> tuple[str, ...]:
    return _strings(value)


VALIDATORS: Mapping[str, Callable[[Any, Path], Any]] = {
    "languages": _languages,
    "roles": _roles,
    "fail-on": _fail_on,
    "select": _rule_codes,
    "ignore": _rule_codes,
    "severity": _severity,
    "profile": _profile,
    "termbases": _termbases,
    "include": _globs,
    "exclude": _globs,
}
KEYS = tuple(VALIDATORS)
