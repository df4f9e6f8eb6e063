"""Real manuscript layouts (synthetic texts that reproduce them): ``detect`` against hand-made expectations.

Each ``tests/fixtures/layouts/NAME.txt|.md`` has a ``NAME.expected.json`` saying which layout it models
(and the public source looked at), the blocks in reading order — language, role, first line, and the
number of sentences, keywords or the title text — and the missing blocks.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from align import detect
from align.model import Block

LAYOUTS = Path(__file__).resolve().parent / "fixtures" / "layouts"
EXPECTATIONS = sorted(LAYOUTS.glob("*.expected.json"))


def _summary(block: Block) -> dict[str, object]:
    found: dict[str, object] = {"lang": block.lang, "role": block.role, "start_line": block.start_line}
    if block.role == "abstract":
        found["sentences"] = len(block.sentences)
    elif block.role == "keywords":
        found["keywords"] = len(block.keywords)
    return found


def _expected_summary(expected: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in expected.items() if key not in ("title_text", "label_lang")}


def test_there_are_enough_layouts() -> None:
    assert len(EXPECTATIONS) >= 12
    for expectation in EXPECTATIONS:
        name = expectation.name.removesuffix(".expected.json")
        assert [p for p in LAYOUTS.glob(name + ".*") if p != expectation], f"no manuscript for {expectation.name}"


@pytest.mark.parametrize("expectation", EXPECTATIONS, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_layout(expectation: Path) -> None:
    spec = json.loads(expectation.read_text(encoding="utf-8"))
    detection = detect(LAYOUTS / spec["fixture"])
    assert [_summary(b) for b in detection.blocks] == [_expected_summary(b) for b in spec["blocks"]]
    for block, expected in zip(detection.blocks, spec["blocks"], strict=True):
        if "title_text" in expected:
            assert block.text == expected["title_text"]
        if "label_lang" in expected:
            assert block.label_lang == expected["label_lang"]
    assert sorted((m.lang, m.role) for m in detection.missing) == sorted(
        (m["lang"], m["role"]) for m in spec["missing"]
    )


def test_crlf_fixture_really_has_crlf_and_bom() -> None:
    data = (LAYOUTS / "crlf_windows.txt").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == data.count(b"\n") > 20
