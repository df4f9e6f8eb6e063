"""Finding and reading the configuration file: ``align.toml``, or ``[tool.align]`` in ``pyproject.toml``.

Discovery walks from the current directory upward and stops at the first directory whose
``align.toml`` exists or whose ``pyproject.toml`` has a ``[tool.align]`` table; in one directory
``align.toml`` wins, as ``ruff.toml`` wins over ``pyproject.toml`` in ruff.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from align.errors import InputError

ALIGN_TOML = "align.toml"
PYPROJECT_TOML = "pyproject.toml"


class ConfigError(InputError):
    """A configuration file or option that cannot be used; the CLI exits 2 with this one line."""


@dataclass(frozen=True)
class ConfigFile:
    """The settings table of one file; ``label`` names it in messages (``pyproject.toml [tool.align]``)."""

    path: Path
    table: dict[str, Any]

    @property
    def label(self) -> str:
        shown = display_path(self.path)
        return f"{shown} [tool.align]" if self.path.name == PYPROJECT_TOML else shown


def display_path(path: Path) -> str:
    """``path`` relative to the working directory when that is shorter, as a user would type it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return relative if len(relative) < len(str(path)) else str(path)


def find_config_file(start: Path | None = None) -> ConfigFile | None:
    """The first configuration found from ``start`` (the working directory) upward, or ``None``."""
    directory = (start or Path.cwd()).resolve()
    for folder in (directory, *directory.parents):
        if (folder / ALIGN_TOML).is_file():
            return read_config_file(folder / ALIGN_TOML)
        if (folder / PYPROJECT_TOML).is_file():
            found = read_config_file(folder / PYPROJECT_TOML)
            if found.table:
                return found
    return None


def read_config_file(path: Path) -> ConfigFile:
    """The settings table of ``path``: the whole of an ``align.toml``, ``[tool.align]`` of a pyproject.

    A pyproject without ``[tool.align]`` gives an empty table. Raises ``ConfigError`` for a file
    that is missing, unreadable or not TOML (with the line of the syntax error).
    """
    label = display_path(path)
    try:
        with path.open("rb") as handle:
            document = tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(label, "no such configuration file") from None
    except IsADirectoryError:
        raise ConfigError(label, "is a directory, not a configuration file") from None
    except OSError as exc:
        raise ConfigError(label, f"cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(label, f"invalid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(label, "invalid TOML: the file is not UTF-8") from None
    if path.name != PYPROJECT_TOML:
        return ConfigFile(path.resolve(), document)
    tool = document.get("tool")
    table = tool.get("align", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):
        raise ConfigError(f"{label} [tool.align]", "expected a table")
    return ConfigFile(path.resolve(), table)
