"""JATS files with several articles (OJS exports) are one manuscript per article; translations are not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from align import detect, detect_all
from align.api import check, check_paths
from align.cli import app
from align.errors import InputError
from align.model import LANGS, ROLES

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "jats"
ISSUE = FIXTURES / "issue_two_articles.xml"
TRANSLATED = FIXTURES / "translation_sub_article.xml"
ALL_BLOCKS = {(lang, role) for lang in LANGS for role in ROLES}

runner = CliRunner()


def _found(detection) -> set[tuple[str, str]]:
    return {(block.lang, block.role) for block in detection.blocks}


def test_each_article_of_an_issue_is_a_manuscript() -> None:
    detections, errors = detect_all(ISSUE)
    assert errors == []
    assert [d.document.path for d in detections] == [f"{ISSUE}#1", f"{ISSUE}#2"]
    first, second = detections
    assert _found(first) == ALL_BLOCKS
    assert first.block("ru", "title").text == "Казахстан и Европа"
    assert _found(second) == {(lang, role) for lang in ("en", "ru") for role in ROLES}
    assert second.block("en", "title").text == "Water resources of Central Asia"
    # line numbers are the file's own
    lines = ISSUE.read_text(encoding="utf-8").splitlines()
    assert "Water resources" in lines[second.block("en", "title").start_line - 1]


def test_one_manuscript_functions_refuse_a_file_with_several() -> None:
    with pytest.raises(InputError, match="holds 2 articles"):
        detect(ISSUE)
    with pytest.raises(InputError, match="holds 2 manuscripts"):
        check(ISSUE)
    results, errors = check_paths([ISSUE])
    assert errors == []
    assert [r.detection.document.path for r in results] == [f"{ISSUE}#1", f"{ISSUE}#2"]
    assert any(f.rule == "AL001" for f in results[1].findings)  # no Kazakh version in the second


def test_an_article_without_front_matter_does_not_hide_the_others(tmp_path: Path) -> None:
    path = tmp_path / "issue.xml"
    articles = ISSUE.read_text(encoding="utf-8").split("<articles>", 1)
    empty = '<article><front><article-meta><article-id pub-id-type="doi">x</article-id></article-meta></front>'
    empty += "</article>"
    path.write_text(f"{articles[0]}<articles>{empty}{articles[1]}", encoding="utf-8")
    detections, errors = detect_all(path)
    assert [d.document.path for d in detections] == [f"{path}#2", f"{path}#3"]
    assert [(e.path, e.problem) for e in errors] == [(f"{path}#1", "no title, abstract or keywords found")]


def test_cli_lists_each_article(tmp_path: Path) -> None:
    result = runner.invoke(app, ["detect", str(ISSUE), "-f", "json", "--no-config"])
    assert result.exit_code == 0, result.stderr
    assert [d["path"] for d in json.loads(result.stdout)["documents"]] == [f"{ISSUE}#1", f"{ISSUE}#2"]


def test_a_single_article_keeps_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "one.xml"
    source = ISSUE.read_text(encoding="utf-8")
    path.write_text(source[: source.index("<article ", source.index("</article>"))] + "</articles></issue>")
    detections, errors = detect_all(path)
    assert errors == []
    assert [d.document.path for d in detections] == [str(path)]
    assert detect(path).document.path == str(path)


def test_translation_sub_articles_are_the_same_manuscript() -> None:
    detections, errors = detect_all(TRANSLATED)
    assert errors == []
    assert len(detections) == 1
    detection = detections[0]
    assert detection.document.path == str(TRANSLATED)
    assert _found(detection) == ALL_BLOCKS
    assert detection.block("kk", "title").text == "Қазақстан және Еуропа"
    assert detection.block("ru", "keywords").keywords == ("Казахстан", "Европа")
    # the reviewer's report is a sub-article too, but not a translation: not front matter
    assert "Review of the manuscript" not in {block.text for block in detection.blocks}
    assert "reviewer recommends" not in detection.block("en", "abstract").text
