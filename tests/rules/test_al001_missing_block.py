from pathlib import Path

from align.config import PROFILES
from align.rules.al001_missing_block import MissingBlock
from tests.rules.manuscript import run

EN = "This article studies cooperation between Kazakhstan and Europe. Trade matters most."
KK = "Мақалада Қазақстан мен Еуропаның ынтымақтастығы зерттеледі. Сауданың маңызы зор."
RU = "В статье изучается сотрудничество Казахстана и Европы. Важнее всего торговля."


def test_all_blocks_present(tmp_path: Path) -> None:
    assert run(MissingBlock, tmp_path, {"en": EN, "kk": KK, "ru": RU}) == []


def test_missing_kazakh_abstract_and_russian_keywords(tmp_path: Path) -> None:
    findings = run(MissingBlock, tmp_path, {"en": EN, "ru": RU}, keywords={"ru": ""})
    reported = {(f.langs, f.role) for f in findings}
    assert reported == {(("kk",), "title"), (("kk",), "abstract"), (("kk",), "keywords"), (("ru",), "keywords")}
    assert all(f.severity.name == "error" for f in findings)
    assert any(f.message == "No Kazakh abstract found" for f in findings)


def test_a_profile_without_a_required_title_reports_no_missing_title(tmp_path: Path) -> None:
    untitled = {lang: "" for lang in ("en", "kk", "ru")}
    abstracts = {"en": EN, "kk": KK, "ru": RU}
    assert {f.role for f in run(MissingBlock, tmp_path, abstracts, titles=untitled)} == {"title"}
    optional = PROFILES["ojs-submission"]
    assert run(MissingBlock, tmp_path, abstracts, titles=untitled, profile=optional) == []
    findings = run(MissingBlock, tmp_path, {"en": EN, "ru": RU}, titles=untitled, profile=optional)
    assert {(f.langs, f.role) for f in findings} == {(("kk",), "abstract"), (("kk",), "keywords")}
