from pathlib import Path

from align.config import Profile
from align.rules.al060_abstract_length import AbstractLength
from align.rules.textspans import word_count
from tests.rules.manuscript import run

EN = [
    "This article studies cooperation between Kazakhstan and the European Union since 2015.",
    "The author relies on interviews with forty diplomats in Astana and Brussels.",
    "Trade, energy and transport turn out to matter most to both sides.",
    "Political reform is the slowest area of cooperation.",
]
KK = [
    "Мақалада 2015 жылдан бергі Қазақстан мен Еуропалық Одақтың ынтымақтастығы зерттеледі.",
    "Автор Астана мен Брюссельдегі қырық дипломатпен сұхбатқа сүйенеді.",
    "Екі тарап үшін сауда, энергетика және көлік ең маңызды болып шықты.",
    "Саяси реформа ынтымақтастықтың ең баяу саласы болып табылады.",
]
RU = [
    "В статье изучается сотрудничество Казахстана и Европейского Союза с 2015 года.",
    "Автор опирается на интервью с сорока дипломатами в Астане и Брюсселе.",
    "Для обеих сторон важнее всего оказываются торговля, энергетика и транспорт.",
    "Политические реформы — самая медленная область сотрудничества.",
]
ABSTRACTS = {"en": " ".join(EN), "kk": " ".join(KK), "ru": " ".join(RU)}


TWENTY_TO_SIXTY = Profile("short", min_words=20, max_words=60)


def test_words_are_counted_like_a_reader_does() -> None:
    assert word_count("Қазақстанның БҰҰ-дағы позициясы — 2015 жылдан (Kazakhstan’s)") == 6


def test_short_abstracts_fail_the_default_profile(tmp_path: Path) -> None:
    findings = run(AbstractLength, tmp_path, ABSTRACTS)
    assert sorted(f.langs for f in findings) == [("en",), ("kk",), ("ru",)]
    assert all("fewer than the journal's 100–300" in f.message for f in findings)


def test_abstracts_within_a_profile_pass(tmp_path: Path) -> None:
    assert run(AbstractLength, tmp_path, ABSTRACTS, profile=TWENTY_TO_SIXTY) == []


def test_one_short_and_one_long_abstract(tmp_path: Path) -> None:
    abstracts = {"en": EN[0], "kk": " ".join(KK * 3), "ru": ABSTRACTS["ru"]}
    findings = run(AbstractLength, tmp_path, abstracts, profile=TWENTY_TO_SIXTY)
    by_lang = {f.langs: f.message for f in findings}
    assert set(by_lang) == {("en",), ("kk",)}
    assert "English abstract has 12 words, fewer than the journal's 20–60" in by_lang[("en",)]
    assert f"Kazakh abstract has {3 * word_count(ABSTRACTS['kk'])} words, more" in by_lang[("kk",)]
