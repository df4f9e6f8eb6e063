"""``align config``: the effective settings and where each came from, as text or JSON."""

from __future__ import annotations

import json
from typing import Any

from align.config.discover import display_path
from align.config.schema import KEYS
from align.config.settings import Settings, attribute


def setting_values(settings: Settings) -> dict[str, Any]:
    """Each configuration key with its effective value, in the form a configuration file would write it."""
    values: dict[str, Any] = {}
    for key in KEYS:
        value = getattr(settings, attribute(key))
        if key == "profile":
            value = {
                "name": value.name,
                "abstract-words": [value.min_words, value.max_words],
                "keywords": [value.min_keywords, value.max_keywords],
                "title-required": value.title_required,
            }
        elif key == "termbases":
            value = [display_path(path) for path in value]
        elif key == "severity":
            value = dict(value)
        elif isinstance(value, tuple):
            value = list(value)
        values[key] = value
    return values


def render_config_json(settings: Settings) -> str:
    payload = {
        "config_file": display_path(settings.config_file) if settings.config_file else None,
        "settings": {
            key: {"value": value, "source": settings.source(key)} for key, value in setting_values(settings).items()
        },
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _shown(key: str, value: Any, settings: Settings) -> str:
    if key == "profile":
        return settings.profile.describe()
    if key == "severity":
        return ", ".join(f"{code}={level}" for code, level in value.items()) or "(rule defaults)"
    if isinstance(value, list):
        empty = {"select": "(all rules)", "include": "(all supported files)", "termbases": "(bundled only)"}
        return " ".join(value) or empty.get(key, "(none)")
    return str(value)


def render_config_text(settings: Settings) -> str:
    """One line a key: ``fail-on      warning      # align.toml``."""
    found = display_path(settings.config_file) if settings.config_file else "none (defaults)"
    rows = [(key, _shown(key, value, settings)) for key, value in setting_values(settings).items()]
    key_width = max(len(key) for key, _ in rows)
    value_width = max(len(shown) for _, shown in rows)
    lines = [f"configuration file: {found}"]
    lines += [f"{key:<{key_width}}  {shown:<{value_width}}  # {settings.source(key)}" for key, shown in rows]
    return "\n".join(lines) + "\n"
