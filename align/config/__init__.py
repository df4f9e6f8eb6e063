"""Configuration: ``align.toml`` or ``[tool.align]`` in ``pyproject.toml``, journal profiles, run signatures.

See docs/configuration.md for every key. ``load_settings()`` gives the effective ``Settings``;
the Python API works without any of it (its defaults are ``Settings()``'s).
"""

from align.config.discover import ConfigError, ConfigFile, find_config_file, read_config_file
from align.config.profiles import DEFAULT_PROFILE, PROFILES, Profile
from align.config.settings import COMMAND_LINE, DEFAULT, Settings, load_settings

__all__ = [
    "COMMAND_LINE",
    "DEFAULT",
    "DEFAULT_PROFILE",
    "PROFILES",
    "ConfigError",
    "ConfigFile",
    "Profile",
    "Settings",
    "find_config_file",
    "load_settings",
    "read_config_file",
]
