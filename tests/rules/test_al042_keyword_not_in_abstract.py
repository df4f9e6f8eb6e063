from pathlib import Path

from align.rules.al042_keyword_not_in_abstract import KeywordNotInAbstract, _occurs
from tests.rules.manuscript import run

EN = (
    "This article examines the role of diplomacy in the regional integration of Central Asia. "
    "Cooperation with the European Union is compared with cooperation with China."
)
KK = (
    "Мақалада Орталық Азияның өңірлік интеграциясындағы дипломатияның рөлі қарастырылады. "
    "Еуропалық Одақпен ынтымақтастық Қытаймен ынтымақтастықпен салыстырылады."
)
RU = (
    "В статье рассматривается роль дипломатии в региональной интеграции Центральной Азии. "
    "Сотрудничество с Европейским Союзом сравнивается с сотрудничеством с Китаем."
)
KEYWORDS = {
    "en": "diplomacy, regional integration, European Union, cooperation",
    "kk": "дипломатия, өңірлік интеграция, Еуропалық Одақ, ынтымақтастық",
    "ru": "дипломатия, региональная интеграция, Европейский Союз, сотрудничество",
}
TITLES = {"en": "DIPLOMACY IN CENTRAL ASIA", "kk": "ОРТАЛЫҚ АЗИЯДАҒЫ ДИПЛОМАТИЯ", "ru": "ДИПЛОМАТИЯ В ЦЕНТРАЛЬНОЙ АЗИИ"}


def test_inflected_keywords_are_found(tmp_path: Path) -> None:
    assert run(KeywordNotInAbstract, tmp_path, {"en": EN, "kk": KK, "ru": RU}, keywords=KEYWORDS) == []


def test_word_matching_per_language() -> None:
    assert _occurs("политическая реформа", "реформы политической системы", "ru")
    assert _occurs("political reforms", "the reform of political parties", "en")
    assert _occurs("саяси реформалар", "саяси реформаның нәтижелері", "kk")
    assert _occurs("Франциско", "конференция в Сан-Франциско", "ru")  # a part of a hyphenated word
    assert not _occurs("дипломатия", "внешняя политика Казахстана", "ru")
    assert not _occurs("сыртқы саясат", "сыртқы сауда", "kk")


def test_russian_abstract_uses_another_term(tmp_path: Path) -> None:
    ru = RU.replace("дипломатии", "внешней политики")
    (finding,) = run(KeywordNotInAbstract, tmp_path, {"en": EN, "kk": KK, "ru": ru}, keywords=KEYWORDS)
    assert finding.langs[0] == "ru" and "en" in finding.langs
    assert finding.message.startswith("The Russian keyword 'дипломатия' does not occur in the Russian title")
    assert finding.evidence["en"] == "diplomacy"
    (span,) = finding.spans
    assert KEYWORDS["ru"][span.start : span.end] == "дипломатия" == span.text


def test_kazakh_abstract_drops_a_keyword_the_english_one_has(tmp_path: Path) -> None:
    kk = KK.replace("өңірлік интеграциясындағы ", "")
    findings = run(KeywordNotInAbstract, tmp_path, {"en": EN, "kk": kk}, keywords=KEYWORDS)
    assert [(f.sentences, f.evidence) for f in findings] == [
        ({"kk": (1,)}, {"kk": "өңірлік интеграция", "en": "regional integration"})
    ]


def test_the_title_counts_as_well(tmp_path: Path) -> None:
    ru = RU.replace("дипломатии", "внешней политики")
    assert run(KeywordNotInAbstract, tmp_path, {"en": EN, "ru": ru}, keywords=KEYWORDS, titles=TITLES) == []


def test_keyword_absent_everywhere_is_reported_only_on_request(tmp_path: Path) -> None:
    keywords = {
        lang: text + extra
        for (lang, text), extra in zip(KEYWORDS.items(), [", energy", ", энергетика", ", энергетика"], strict=True)
    }
    abstracts = {"en": EN, "kk": KK, "ru": RU}
    assert run(KeywordNotInAbstract, tmp_path, abstracts, keywords=keywords) == []

    class EveryKeyword(KeywordNotInAbstract):
        only_when_counterpart_occurs = False

    findings = run(EveryKeyword, tmp_path, abstracts, keywords=keywords)
    assert sorted((f.langs, f.evidence[f.langs[0]]) for f in findings) == [
        (("en",), "energy"),
        (("kk",), "энергетика"),
        (("ru",), "энергетика"),
    ]
