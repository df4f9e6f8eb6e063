"""The signature of a run, as sacrebleu prints with every score: what decides a gate's result.

Two ``align check`` results are comparable when their signatures match: the tool version, the
rules with their effective severities, the profile, the languages and roles, the termbases'
checksums and the fail level. JSON output and SARIF run properties carry it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from align import __version__
from align.config.settings import Settings

if TYPE_CHECKING:
    from align.rules import Rule


def short_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def termbase_checksums(settings: Settings) -> dict[str, str]:
    """``{file name: sha256 prefix}`` of the bundled termbase and the configured ones, in merge order."""
    from align.terms import termbase_paths

    paths = map(Path, termbase_paths(settings.termbases))
    return {path.name: short_sha256(path.read_bytes()) for path in paths}


def run_signature(settings: Settings, rules: Sequence[type[Rule]]) -> dict[str, Any]:
    """The signature as an object, with its one-line ``text`` form (``align:0.1.0|rules:21:…|…``)."""
    from align.rules import resolve_severities

    overrides = resolve_severities(settings.severity)
    severities = {rule.code: str(overrides.get(rule.code, rule.severity)) for rule in rules}
    termbases = termbase_checksums(settings)
    profile = settings.profile
    rules_digest = short_sha256(",".join(f"{code}={level}" for code, level in severities.items()).encode())
    text = "|".join(
        [
            f"align:{__version__}",
            f"rules:{len(severities)}:{rules_digest}",
            f"profile:{profile.name}:{profile.min_words}-{profile.max_words}w"
            f":{profile.min_keywords}-{profile.max_keywords}kw:title={'yes' if profile.title_required else 'no'}",
            f"langs:{','.join(settings.languages)}",
            f"roles:{','.join(settings.roles)}",
            "termbases:" + ",".join(f"{name}={digest}" for name, digest in termbases.items()),
            f"fail:{settings.fail_on}",
        ]
    )
    return {
        "text": text,
        "version": __version__,
        "rules": severities,
        "profile": profile.describe(),
        "languages": list(settings.languages),
        "roles": list(settings.roles),
        "termbases": termbases,
        "fail_on": settings.fail_on,
    }
