from pathlib import Path

import pytest

from align.rules.al052_mixed_script_word import MixedScriptWord, mixed_script_words
from tests.rules.manuscript import run

EN = "This article studies cooperation between Kazakhstan and the European Union."
KK = "Мақалада Қазақстан мен Еуропалық Одақтың ынтымақтастығы зерттеледі."
RU = "В статье изучается сотрудничество Казахстана и Европейского Союза."


def test_clean_text_passes(tmp_path: Path) -> None:
    assert run(MixedScriptWord, tmp_path, {"en": EN, "kk": KK, "ru": RU}) == []


@pytest.mark.parametrize(
    "text",
    [
        "IT-компания внедрила SMS-хабарлама и COVID-19 тесты на iPhone.",
        "Qazaqstan’nyń Şymkent qalasynda H2O men CO2 ólshendi.",
        "PDFке және Googleдың қызметтері туралы.",
    ],
)
def test_legitimate_mixes_pass(text: str) -> None:
    assert mixed_script_words(text) == []


def test_latin_o_inside_a_russian_word(tmp_path: Path) -> None:
    ru = RU.replace("Казахстана", "Казахстанa").replace("Союза", "Сoюза")  # Latin a, Latin o
    findings = run(MixedScriptWord, tmp_path, {"en": EN, "ru": ru})
    assert [(f.message, f.suggestion) for f in findings] == [
        ("Latin 'a' inside the Russian abstract word 'Казахстанa'", "Казахстана"),
        ("Latin 'o' inside the Russian abstract word 'Сoюза'", "Союза"),
    ]
    assert [ru[s.start : s.end] for f in findings for s in f.spans] == ["Казахстанa", "Сoюза"]


def test_latin_capitals_inside_kazakh_keywords(tmp_path: Path) -> None:
    keywords = {"kk": "Қазақстан, EуропалыK Одақ, ынтымақтастық"}  # Latin E and K
    (finding,) = run(MixedScriptWord, tmp_path, {"en": EN, "kk": KK}, keywords=keywords)
    assert finding.role == "keywords" and finding.evidence == {"kk": "EуропалыK"}
    assert finding.suggestion == "Еуропалық".replace("қ", "К") and "'E', 'K'" in finding.message


def test_cyrillic_letter_inside_an_english_word(tmp_path: Path) -> None:
    en = EN.replace("European", "Eurоpean")  # Cyrillic о
    title, abstract = run(MixedScriptWord, tmp_path, {"en": en, "kk": KK}, titles={"en": "KAZAKHSTAN AND EURОPE"})
    assert (title.role, title.suggestion, title.line) == ("title", "EUROPE", 1)
    assert abstract.role == "abstract" and abstract.suggestion == "European"
    assert abstract.message.startswith("Cyrillic 'о'")


def test_roman_numeral_typed_partly_in_cyrillic() -> None:
    (mixed,) = mixed_script_words("ХХI ғасырдың басында")  # Cyrillic Х Х, Latin I
    assert mixed.suggestion == "XXI" and mixed.script == "latin"
