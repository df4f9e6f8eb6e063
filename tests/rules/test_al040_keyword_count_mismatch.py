from pathlib import Path

from align.rules.al040_keyword_count_mismatch import KeywordCountMismatch
from tests.rules.manuscript import run

ABSTRACTS = {
    "en": "This article studies cooperation between Kazakhstan and the European Union.",
    "kk": "Мақалада Қазақстан мен Еуропалық Одақтың ынтымақтастығы зерттеледі.",
    "ru": "В статье изучается сотрудничество Казахстана и Европейского Союза.",
}
KEYWORDS = {
    "en": "Kazakhstan, European Union, diplomacy, integration",
    "kk": "Қазақстан, Еуропалық Одақ, дипломатия, интеграция",
    "ru": "Казахстан, Европейский Союз, дипломатия, интеграция",
}


def test_equal_counts_pass(tmp_path: Path) -> None:
    assert run(KeywordCountMismatch, tmp_path, ABSTRACTS, keywords=KEYWORDS) == []


def test_russian_list_is_shorter(tmp_path: Path) -> None:
    keywords = {**KEYWORDS, "ru": "Казахстан, Европейский Союз, интеграция"}
    (finding,) = run(KeywordCountMismatch, tmp_path, ABSTRACTS, keywords=keywords)
    assert finding.langs == ("en", "kk", "ru")
    assert "English 4, Kazakh 4, Russian 3" in finding.message
    assert finding.evidence["ru"] == "Казахстан; Европейский Союз; интеграция"


def test_kazakh_list_is_longer_than_english(tmp_path: Path) -> None:
    keywords = {"en": KEYWORDS["en"], "kk": KEYWORDS["kk"] + ", саяси реформа"}
    findings = run(KeywordCountMismatch, tmp_path, {"en": ABSTRACTS["en"], "kk": ABSTRACTS["kk"]}, keywords=keywords)
    assert [f.langs for f in findings] == [("en", "kk")]
    assert "Kazakh 5" in findings[0].message


def test_a_missing_list_is_not_a_count(tmp_path: Path) -> None:
    keywords = {**KEYWORDS, "kk": ""}  # AL001 reports the missing list; the other two agree
    assert run(KeywordCountMismatch, tmp_path, ABSTRACTS, keywords=keywords) == []
