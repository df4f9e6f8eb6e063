from pathlib import Path

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
