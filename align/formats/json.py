"""The JSON contract of ``align detect --format json``, kept stable for later commands."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from align import __version__
from align.model import Block, Detection

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


def render_detections(detections: Sequence[Detection]) -> str:
    payload = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "abstract-align", "version": __version__},
        "documents": [detection_to_dict(d) for d in detections],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
