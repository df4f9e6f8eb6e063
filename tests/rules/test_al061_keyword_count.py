from pathlib import Path

from align.config import Profile
from align.rules.al061_keyword_count import KeywordCount
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
ELEVEN_RU = (
    "Казахстан, Европейский Союз, дипломатия, интеграция, торговля, энергетика, транспорт, "
    "образование, безопасность, инвестиции, политические реформы"
)


def test_lists_within_limits_pass(tmp_path: Path) -> None:
    assert run(KeywordCount, tmp_path, ABSTRACTS, keywords=KEYWORDS) == []


def test_two_english_keywords_are_too_few(tmp_path: Path) -> None:
    keywords = {**KEYWORDS, "en": "Kazakhstan, European Union"}
    (finding,) = run(KeywordCount, tmp_path, ABSTRACTS, keywords=keywords)
    assert finding.langs == ("en",)
    assert "2 keywords" in finding.message and "3–10" in finding.message


def test_eleven_russian_keywords_are_too_many(tmp_path: Path) -> None:
    findings = run(KeywordCount, tmp_path, ABSTRACTS, keywords={**KEYWORDS, "ru": ELEVEN_RU})
    assert [(f.langs, "11 keywords" in f.message) for f in findings] == [(("ru",), True)]


def test_the_profile_sets_the_limits(tmp_path: Path) -> None:
    findings = run(KeywordCount, tmp_path, ABSTRACTS, keywords=KEYWORDS, profile=Profile("five", min_keywords=5))
    assert sorted(f.langs for f in findings) == [("en",), ("kk",), ("ru",)]
    assert "5–10" in findings[0].message
