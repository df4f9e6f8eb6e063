"""PDF manuscripts read through their text layer; scanned, encrypted and broken PDFs refused (exit 2).

The fixtures in tests/fixtures/pdf/ are made by make.py there from seed 000's front matter (EN,
KK, RU title, abstract and keywords): one column, and two columns drawn row by row, so that a
reader following the drawing order would interleave the columns.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from align import detect
from align.cli import app
from align.errors import InputError
from align.ingest import collect_paths, read_document
from align.ingest.pdf_reader import pdf_pages, without_running_lines
from align.model import LANGS, ROLES

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pdf"
SEED_000 = Path(__file__).resolve().parents[1] / "corpora" / "samples" / "000_0f8b6cd7f140dd0a.txt"

runner = CliRunner()


def _blocks(path: Path) -> dict[tuple[str, str], str]:
    return {(block.lang, block.role): block.text for block in detect(path).blocks}


@pytest.mark.parametrize("name", ["front_matter_1col.pdf", "front_matter_2col.pdf"])
def test_pdf_front_matter_reads_as_the_text_manuscript(name: str) -> None:
    # Same nine blocks, word for word, as the Markdown the PDF was typeset from: hyphenation
    # (also in capitals: "ЕВРО-/ПЕЙСКАЯ"), titles wrapped over lines, the running header, page
    # numbers, sentences cut by a page or column end, and in two columns the reading order.
    expected = _blocks(SEED_000)
    found = _blocks(FIXTURES / name)
    assert set(found) == {(lang, role) for lang in LANGS for role in ROLES}
    assert found == expected
    assert found["kk", "title"] == "ҚАЗАҚСТАН ЖӘНЕ ЕУРОПАЛЫҚ ИНТЕГРАЦИЯ: БОЛАШАҚТАҒЫ ӘЛЕУЕТІ"


def test_pdf_lines_are_text_layer_lines() -> None:
    path = FIXTURES / "front_matter_1col.pdf"
    lines = "\f".join(pdf_pages(str(path), path.read_bytes())).replace("\f", "").split("\n")
    document = read_document(path)
    assert document.format == "pdf"
    for block in detect(path).blocks:
        first_words = block.text.split()[:2]
        assert " ".join(first_words) in lines[block.start_line - 1], (block.role, block.lang)


def test_running_lines_need_two_pages_and_keep_line_numbers() -> None:
    pages = [
        ["Journal, 2024, Vol. 3", "Abstract", "body text", "1"],
        ["Journal, 2024, Vol. 4", "more body", "Abstract", "", "text", "2"],
        ["other text", "closing", "words", "3"],
    ]
    # "Abstract" is at the top of one page only (in the middle of the other): it stays.
    assert without_running_lines(pages) == [
        ["", "Abstract", "body text", ""],
        ["", "more body", "Abstract", "", "text", ""],
        ["other text", "closing", "words", ""],
    ]
    assert without_running_lines([["Journal, 2024", "text"]]) == [["Journal, 2024", "text"]]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ((FIXTURES / "scanned.pdf").read_bytes(), "PDF has no text layer (scanned?); run OCR first"),
        ((FIXTURES / "encrypted.pdf").read_bytes(), "PDF is encrypted with a password: save an unprotected copy"),
        ((FIXTURES / "front_matter_1col.pdf").read_bytes()[:5000], "malformed PDF: "),
        (b"%PDF-1.7\n" + bytes(range(256)) * 8, "malformed PDF: "),
        (b"%PDF-1.4\n%%EOF\n", "malformed PDF: "),
    ],
    ids=["scanned", "encrypted", "truncated", "garbage", "no-objects"],
)
def test_unusable_pdf_is_one_line_exit_2(tmp_path: Path, data: bytes, problem: str) -> None:
    path = tmp_path / "paper.pdf"
    path.write_bytes(data)
    result = runner.invoke(app, ["detect", str(path)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert f"{path}: {problem}" in lines[0]
    assert "Traceback" not in result.stderr


def test_pdf_under_a_text_suffix_is_read_as_pdf(tmp_path: Path) -> None:
    path = tmp_path / "paper.txt"
    path.write_bytes((FIXTURES / "front_matter_1col.pdf").read_bytes())
    assert read_document(path).format == "pdf"


def test_pdf_size_limit_is_checked_before_parsing() -> None:
    with pytest.raises(InputError, match="larger than the 1 KB limit"):
        read_document(FIXTURES / "front_matter_1col.pdf", max_bytes=1024)


def test_folder_scan_picks_up_pdf_and_nxml(tmp_path: Path) -> None:
    for name in ("a.pdf", "b.nxml", "c.PDF", "d.odt"):
        (tmp_path / name).write_bytes(b"x")
    files, errors = collect_paths([tmp_path])
    assert [file.name for file in files] == ["a.pdf", "b.nxml", "c.PDF"]
    assert errors == []
