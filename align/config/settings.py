"""The effective settings of a run: defaults, then the configuration file, then the command line.

Each layer replaces whole keys of the one below (``--select`` replaces the file's ``select``);
``Settings.sources`` remembers which layer each key came from, for ``align config``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from align.config.discover import ConfigError, ConfigFile, find_config_file, read_config_file
from align.config.profiles import DEFAULT_PROFILE, Profile
from align.config.schema import KEYS, VALIDATORS, unknown_key_problem
from align.model import LANGS, ROLES

DEFAULT = "default"
COMMAND_LINE = "command line"


@dataclass(frozen=True)
class Settings:
    """Every setting of ``align check``/``report``; the defaults are those of a run without configuration."""

    languages: tuple[str, ...] = LANGS
    roles: tuple[str, ...] = ROLES
    fail_on: str = "error"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)  # rule code or prefix → severity name
    profile: Profile = DEFAULT_PROFILE
    termbases: tuple[Path, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    config_file: Path | None = None
    sources: Mapping[str, str] = field(default_factory=dict)  # key → "default", the file, or "command line"

    def source(self, key: str) -> str:
        return self.sources.get(key, DEFAULT)


def attribute(key: str) -> str:
    """``fail-on`` → ``fail_on``: the Settings field of a configuration key."""
    return key.replace("-", "_")


def parse_config_file(config: ConfigFile) -> dict[str, Any]:
    """The file's settings keyed by Settings field; ``ConfigError`` names the file and the key of a bad one."""
    values: dict[str, Any] = {}
    for key, raw in config.table.items():
        if key not in VALIDATORS:
            raise ConfigError(config.label, unknown_key_problem(key, KEYS))
        try:
            values[attribute(key)] = VALIDATORS[key](raw, config.path.parent)
        except ValueError as error:
            raise ConfigError(config.label, f"{key}: {error}") from None
    return values


def parse_options(options: Mapping[str, tuple[str, Any]]) -> dict[str, Any]:
    """Command-line values ``{key: (flag, value)}``; ``None`` values are options not given."""
    values: dict[str, Any] = {}
    for key, (flag, raw) in options.items():
        if raw is None:
            continue
        try:
            values[attribute(key)] = VALIDATORS[key](raw, Path.cwd())
        except ValueError as error:
            raise ConfigError(flag, str(error)) from None
    return values


def load_settings(
    *,
    config: Path | None = None,
    isolated: bool = False,
    options: Mapping[str, tuple[str, Any]] | None = None,
    start: Path | None = None,
) -> Settings:
    """Defaults, then ``config`` (or the file found from ``start`` upward, none when ``isolated``), then ``options``.

    ``options`` maps configuration keys to ``(flag, value)`` from the command line, e.g.
    ``{"fail-on": ("--fail-on", "warning")}``. Raises ``ConfigError`` for any bad file or value.
    """
    if config is not None:
        found: ConfigFile | None = read_config_file(config)
    else:
        found = None if isolated else find_config_file(start)
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    if found is not None:
        from_file = parse_config_file(found)
        values.update(from_file)
        sources.update(dict.fromkeys(from_file, found.label))
    from_options = parse_options(options or {})
    values.update(from_options)
    sources.update(dict.fromkeys(from_options, COMMAND_LINE))
    named_sources = {key: sources[attribute(key)] for key in KEYS if attribute(key) in sources}
    return Settings(**values, config_file=found.path if found else None, sources=named_sources)
