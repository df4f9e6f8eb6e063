"""Baselines: findings accepted once (with a reason), so that ``check --baseline`` reports only new ones.

A finding's fingerprint hashes what it says, not where it is: the rule, the role, the languages, the
normalised evidence (else the sentences it points to, else its message), a counter for identical
findings in one manuscript, and the manuscript's file name. Line numbers, sentence indices and the
folder are left out, so an edit elsewhere in the manuscript keeps the fingerprint and a change of
the evidence itself makes the finding new again.

>>> normalise("  The EU\\n bought 41 %  ")
'the eu bought 41 %'
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from align import __version__
from align.errors import InputError

if TYPE_CHECKING:
    from align.api import CheckResult
    from align.model import Detection
    from align.rules import Finding

BASELINE_SCHEMA_VERSION = 1
# The key of the fingerprint in SARIF's partialFingerprints; the version changes if the recipe does.
SARIF_FINGERPRINT_KEY = "abstractAlignFingerprint/v1"


@dataclass(frozen=True)
class BaselineEntry:
    """One accepted finding; everything but ``fingerprint`` and ``reason`` is there for people reading the file."""

    fingerprint: str
    rule: str
    langs: tuple[str, ...]
    role: str | None
    file: str
    message: str
    reason: str = ""


def normalise(text: str) -> str:
    """Case-folded, NFC, whitespace collapsed; digits and punctuation are kept, they are evidence too."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def finding_key(finding: Finding, detection: Detection) -> tuple[str, ...]:
    """What identifies a finding within a manuscript, without saying where it is."""
    return (finding.rule, finding.role or "", ",".join(sorted(finding.langs)), _substance(finding, detection))


def _substance(finding: Finding, detection: Detection) -> str:
    if finding.evidence:
        return "\n".join(f"{slot}: {normalise(text)}" for slot, text in sorted(finding.evidence.items()))
    cited = cited_texts(finding, detection)
    if cited:
        return "\n".join(f"{lang}: {normalise(text)}" for lang, text in cited)
    return normalise(finding.message)


def cited_texts(finding: Finding, detection: Detection) -> list[tuple[str, str]]:
    """The sentences (or keywords) a finding points to, as (language, text), by language then position."""
    cited: list[tuple[str, str]] = []
    for lang, indices in sorted(finding.sentences.items()):
        texts = detection.segments(lang, finding.role or "")
        cited.extend((lang, texts[index]) for index in indices if index < len(texts))
    return cited


def fingerprints(result: CheckResult) -> list[str]:
    """The fingerprint of each of ``result.findings``, in their order."""
    if result.fingerprints is not None:
        return list(result.fingerprints)
    name = Path(result.detection.document.path).name
    occurrences: Counter[tuple[str, ...]] = Counter()
    found: list[str] = []
    for finding in result.findings:
        key = finding_key(finding, result.detection)
        occurrences[key] += 1
        payload = json.dumps([*key, occurrences[key], name], ensure_ascii=False)
        found.append(hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32])
    return found


def baseline_entries(
    results: Iterable[CheckResult], *, reasons: Mapping[str, str] | None = None
) -> list[BaselineEntry]:
    """Every finding of ``results`` as accepted, sorted; ``reasons`` by fingerprint come from an older baseline."""
    reasons = reasons or {}
    entries = [
        BaselineEntry(
            fingerprint,
            finding.rule,
            tuple(finding.langs),
            finding.role,
            display_path(result.detection.document.path),
            finding.message,
            reasons.get(fingerprint, ""),
        )
        for result in results
        for finding, fingerprint in zip(result.findings, fingerprints(result), strict=True)
    ]
    return sorted(entries, key=lambda e: (e.file, e.rule, e.role or "", e.langs, e.message, e.fingerprint))


def display_path(path: str) -> str:
    """``path`` relative to the working directory, with forward slashes (absolute on another drive)."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:
        return Path(path).resolve().as_posix()


def render_baseline(entries: Sequence[BaselineEntry]) -> str:
    payload = {
        "schema_version": BASELINE_SCHEMA_VERSION,
        "tool": {"name": "abstract-align", "version": __version__},
        "findings": [{**dataclasses.asdict(entry), "langs": list(entry.langs)} for entry in entries],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def load_baseline(path: str | Path) -> list[BaselineEntry]:
    """The entries of a baseline file; a missing, unreadable or malformed file raises ``InputError``."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(name, "no such baseline file (write one with `align baseline`)") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(name, f"cannot read the baseline: {getattr(error, 'strerror', None) or error}") from None
    return parse_baseline(text, name)


def parse_baseline(text: str, name: str) -> list[BaselineEntry]:
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(name, f"not a baseline: invalid JSON at line {error.lineno}") from None
    if not isinstance(payload, dict) or not isinstance(payload.get("findings"), list):
        raise InputError(name, "not a baseline: no 'findings' list (write one with `align baseline`)")
    version = payload.get("schema_version")
    if version != BASELINE_SCHEMA_VERSION:
        raise InputError(name, f"unsupported baseline schema_version {version!r} (expected {BASELINE_SCHEMA_VERSION})")
    return [_entry(item, name, number) for number, item in enumerate(payload["findings"], start=1)]


def _entry(item: Any, name: str, number: int) -> BaselineEntry:
    if not isinstance(item, dict) or not isinstance(item.get("fingerprint"), str) or not item["fingerprint"]:
        raise InputError(name, f"baseline finding {number} has no 'fingerprint' string")
    if not isinstance(item.get("reason", ""), str):
        raise InputError(name, f"baseline finding {number}: 'reason' must be a string")
    langs = item.get("langs", [])
    return BaselineEntry(
        item["fingerprint"],
        str(item.get("rule", "")),
        tuple(str(lang) for lang in langs) if isinstance(langs, list) else (),
        item.get("role") if isinstance(item.get("role"), str) else None,
        str(item.get("file", "")),
        str(item.get("message", "")),
        item.get("reason", ""),
    )


def apply_baseline(results: Sequence[CheckResult], entries: Iterable[BaselineEntry]) -> tuple[list[CheckResult], int]:
    """``results`` without the baselined findings, and how many were left out.

    Each entry accepts one finding: two identical findings in two files of the same name need two entries.
    """
    accepted = Counter(entry.fingerprint for entry in entries)
    kept: list[CheckResult] = []
    baselined = 0
    for result in results:
        findings: list[Finding] = []
        kept_fingerprints: list[str] = []
        for finding, fingerprint in zip(result.findings, fingerprints(result), strict=True):
            if accepted[fingerprint] > 0:
                accepted[fingerprint] -= 1
                baselined += 1
            else:
                findings.append(finding)
                kept_fingerprints.append(fingerprint)
        kept.append(dataclasses.replace(result, findings=tuple(findings), fingerprints=tuple(kept_fingerprints)))
    return kept, baselined
