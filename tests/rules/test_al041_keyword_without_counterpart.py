from pathlib import Path

from align.rules.al041_keyword_without_counterpart import KeywordWithoutCounterpart
from tests.rules.manuscript import run

ABSTRACTS = {
    "en": "This article studies cooperation between Kazakhstan and the European Union.",
    "kk": "Мақалада Қазақстан мен Еуропалық Одақтың ынтымақтастығы зерттеледі.",
    "ru": "В статье изучается сотрудничество Казахстана и Европейского Союза.",
}
KEYWORDS = {
    "en": "Kazakhstan, European Union, diplomacy, integration, political reform",
    "kk": "Қазақстан, Еуропалық Одақ, дипломатия, интеграция, саяси реформа",
    "ru": "Казахстан, Европейский Союз, дипломатия, интеграция, политическая реформа",
}
EDUCATION = {
    "en": "higher education, academic mobility, Bologna process, quality assurance",
    "kk": "жоғары білім, академиялық ұтқырлық, Болон процесі, сапаны қамтамасыз ету",
    "ru": "высшее образование, академическая мобильность, Болонский процесс, обеспечение качества",
}


def test_complete_lists_pass(tmp_path: Path) -> None:
    assert run(KeywordWithoutCounterpart, tmp_path, ABSTRACTS, keywords=KEYWORDS) == []


def test_translations_without_shared_letters_pass(tmp_path: Path) -> None:
    # "quality assurance" / "сапаны қамтамасыз ету" share no letters: paired by place, not missing
    assert run(KeywordWithoutCounterpart, tmp_path, ABSTRACTS, keywords=EDUCATION) == []


def test_reordered_list_passes(tmp_path: Path) -> None:
    keywords = {**KEYWORDS, "ru": "интеграция, Казахстан, политическая реформа, Европейский Союз, дипломатия"}
    assert run(KeywordWithoutCounterpart, tmp_path, ABSTRACTS, keywords=keywords) == []


def test_keyword_missing_in_kazakh(tmp_path: Path) -> None:
    keywords = {**KEYWORDS, "kk": "Қазақстан, Еуропалық Одақ, интеграция, саяси реформа"}
    (finding,) = run(KeywordWithoutCounterpart, tmp_path, ABSTRACTS, keywords=keywords)
    assert finding.message == "English keyword 'diplomacy' has no Kazakh counterpart"
    assert finding.sentences == {"en": (2,), "ru": (2,)}
    assert finding.langs == ("en", "ru", "kk")
    assert {(s.lang, s.text) for s in finding.spans} == {("en", "diplomacy"), ("ru", "дипломатия")}
    assert all(KEYWORDS[s.lang][s.start : s.end] == s.text for s in finding.spans)


def test_keyword_missing_in_russian(tmp_path: Path) -> None:
    keywords = {**EDUCATION, "ru": "высшее образование, академическая мобильность, обеспечение качества"}
    (finding,) = run(KeywordWithoutCounterpart, tmp_path, ABSTRACTS, keywords=keywords)
    assert finding.sentences == {"en": (2,), "kk": (2,)}
    assert finding.evidence == {"en": "Bologna process", "kk": "Болон процесі"}
    assert "Russian" in finding.message


def test_keyword_added_in_kazakh_only(tmp_path: Path) -> None:
    abstracts = {"kk": ABSTRACTS["kk"], "ru": ABSTRACTS["ru"]}
    keywords = {"kk": "Қазақстан, Еуропалық Одақ, Шығыс серіктестігі, интеграция", "ru": KEYWORDS["ru"]}
    keywords["ru"] = "Казахстан, Европейский Союз, интеграция"
    (finding,) = run(KeywordWithoutCounterpart, tmp_path, abstracts, keywords=keywords)
    assert finding.message == "Kazakh keyword 'Шығыс серіктестігі' has no Russian counterpart"
    assert finding.sentences == {"kk": (2,)}
