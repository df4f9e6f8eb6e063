"""The JSON contract of ``align detect --format json``, kept stable for later commands."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from align import __version__
from align.baseline import fingerprints
from align.errors import InputError
from align.model import Block, Detection

if TYPE_CHECKING:
    from align.api import CheckResult, RoleAlignment
    from align.rules import Finding

SCHEMA_VERSION = 1


def block_to_dict(block: Block) -> dict[str, Any]:
    data: dict[str, Any] = {
        "lang": block.lang,
        "script": block.script,
        "role": block.role,
        "label": block.label,
        "label_lang": block.label_lang,
        "start_line": block.start_line,
        "end_line": block.end_line,
        "text": block.text,
    }
    if block.role == "keywords":
        data["keywords"] = list(block.keywords)
    else:
        data["sentences"] = [
            {"text": s.text, "start": s.start, "end": s.end, "start_line": s.start_line} for s in block.sentences
        ]
    return data


def detection_to_dict(detection: Detection) -> dict[str, Any]:
    return {
        "path": detection.document.path,
        "encoding": detection.document.encoding,
        "format": detection.document.format,
        "blocks": [block_to_dict(b) for b in detection.blocks],
        "missing": [{"lang": m.lang, "role": m.role} for m in detection.missing],
    }


def alignment_to_dict(role_alignment: RoleAlignment) -> dict[str, Any]:
    """``{"en-kk": [{"en": [0], "kk": [0], "score": 0.93}, …], …, "triples": [{"en", "kk", "ru", "score"}]}``."""
    data: dict[str, Any] = {}
    for pair, links in role_alignment.alignment.pairs.items():
        src, tgt = pair.split("-")
        data[pair] = [{src: list(link.src), tgt: list(link.tgt), "score": round(link.score, 4)} for link in links]
    data["triples"] = [
        {"en": list(t.en), "kk": list(t.kk), "ru": list(t.ru), "score": round(t.score, 4)}
        for t in role_alignment.alignment.triples
    ]
    return data


def render_documents(
    documents: Sequence[dict[str, Any]],
    *,
    signature: dict[str, Any] | None = None,
    baselined: int | None = None,
    errors: Sequence[InputError] = (),
) -> str:
    """The JSON contract.

    ``check`` adds the run's ``signature`` (align.config.signature) after ``tool``, and with ``--baseline``
    ``baselined``: how many findings the baseline accepted (they are left out of ``documents``);
    ``errors`` lists the inputs that could not be read (``{"path", "problem"}``), when there are any.
    """
    payload: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "abstract-align", "version": __version__},
    }
    if signature is not None:
        payload["signature"] = signature
    if baselined is not None:
        payload["baselined"] = baselined
    payload["documents"] = list(documents)
    if errors:
        payload["errors"] = [{"path": error.path, "problem": error.problem} for error in errors]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def render_detections(detections: Sequence[Detection]) -> str:
    return render_documents([detection_to_dict(d) for d in detections])


def finding_to_dict(finding: Finding, fingerprint: str) -> dict[str, Any]:
    return {
        "fingerprint": fingerprint,
        "rule": finding.rule,
        "name": finding.name,
        "severity": str(finding.severity),
        "langs": list(finding.langs),
        "role": finding.role,
        "sentences": {lang: list(indices) for lang, indices in finding.sentences.items()},
        "message": finding.message,
        "evidence": dict(finding.evidence),
        "spans": [{"lang": s.lang, "start": s.start, "end": s.end, "text": s.text} for s in finding.spans],
        "suggestion": finding.suggestion,
        "line": finding.line,
    }


def check_result_to_dict(result: CheckResult) -> dict[str, Any]:
    document = detection_to_dict(result.detection)
    document["alignments"] = {role: alignment_to_dict(a) for role, a in result.alignments.items()}
    document["findings"] = [
        finding_to_dict(f, fingerprint) for f, fingerprint in zip(result.findings, fingerprints(result), strict=True)
    ]
    return document
