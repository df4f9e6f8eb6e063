"""Language identification: en/kk/ru in either script, short fragments, names, other languages."""

from __future__ import annotations

import pytest

from align.langid import LangGuess, identify, is_kazakh_latin
from align.langid._letters import ScriptCounts, count_script_words, count_scripts
from align.langid.translit import kazakh_cyrillic_to_latin_2021

ENGLISH = "The results show a strong correlation between the two variables in all regions."
KAZAKH = "Нәтижелер барлық өңірлерде екі айнымалы арасында күшті байланыс бар екенін көрсетеді."
RUSSIAN = "Результаты показывают сильную связь между двумя переменными во всех регионах."


def lang_script(text: str) -> tuple[str, str]:
    guess = identify(text)
    return guess.lang, guess.script


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ENGLISH, ("en", "latn")),
        (KAZAKH, ("kk", "cyrl")),
        (RUSSIAN, ("ru", "cyrl")),
        ("Қазақстан Республикасының Білім және ғылым министрлігі", ("kk", "cyrl")),
        ("Министерство науки и высшего образования Республики Казахстан", ("ru", "cyrl")),
    ],
)
def test_whole_lines(text: str, expected: tuple[str, str]) -> None:
    assert lang_script(text) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The results show", "en"),
        ("Нәтижелер күшті байланысты", "kk"),
        ("Мақалада өзара ынтымақтастық", "kk"),
        ("Результаты показывают сильную", "ru"),
        ("В данной статье", "ru"),
        ("Түйін сөздер: физика", "kk"),
        ("Ключевые слова: физика", "ru"),
    ],
)
def test_three_word_fragments(text: str, lang: str) -> None:
    assert identify(text).lang == lang


def test_kazakh_with_russian_loanwords_stays_kazakh() -> None:
    assert identify("Компьютерлік технологиялар мен интернет экономиканы өзгертті.").lang == "kk"
    assert identify("Университеттің физика факультетінде жаңа лаборатория ашылды.").lang == "kk"


@pytest.mark.parametrize(
    "text",
    [
        "Президент Қасым-Жомарт Тоқаев подписал указ о назначении нового министра.",
        "Исследование проведено в Шығыс Қазақстан области в 2020 году.",
        "Авторы благодарят профессора Әлихана Бөкейханова за ценные замечания.",
        "Президент Тоқаев заявил",
    ],
)
def test_russian_with_kazakh_names_stays_russian(text: str) -> None:
    assert lang_script(text) == ("ru", "cyrl")


@pytest.mark.parametrize(
    "text",
    [
        # 2021 alphabet, written by hand and produced by our transliterator
        "Būryñğy ötken zamanda, bır danyşpan kısı, Bağdat şaharynyñ bır ülken qazysynyñ üiıne kelıp qonypty.",
        kazakh_cyrillic_to_latin_2021(KAZAKH),
        kazakh_cyrillic_to_latin_2021("Мақалада өзара ынтымақтастық"),
        # 2018 alphabet: acute accents, ı for и/й, sh/ch
        "Nátıjeler eki aınymaly arasynda kúshti baılanys bar ekenin kórsetedi.",
        "Bul maqalada krıstaldardyń ósýine temperatýranyń áseri zerttelgen.",
        # 2017 alphabet: apostrophes
        "Na'ti'jeler eki ai'nymaly arasynda ku's'ti bai'lanys bar ekenin ko'rsetedi.",
        "Qazaqstan Respy'bli'kasy — egemendi memleket.",
    ],
)
def test_kazakh_latin_in_all_three_alphabets(text: str) -> None:
    assert lang_script(text) == ("kk", "latn")
    assert is_kazakh_latin(text)


@pytest.mark.parametrize(
    "text",
    [
        "Recep Tayyip Erdoğan met the German chancellor in Berlin on Tuesday.",
        "The study was led by Şükrü Güler and Ayşe Öztürk of Istanbul University.",
        "We thank Qasym Zhomart and Ğalym Ūlyqbek for helpful discussions.",
        "Don't worry, it's only the parents' meeting at five o'clock, said O'Brien.",
        "Nursultan Nazarbayev resigned in 2019 after nearly three decades in power.",
    ],
)
def test_english_with_turkic_names_or_apostrophes_stays_english(text: str) -> None:
    assert lang_script(text) == ("en", "latn")
    assert not is_kazakh_latin(text)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Il faut bien le faire.", "fr"),
        ("Les résultats montrent une forte corrélation entre les deux variables.", "fr"),
        ("Die Ergebnisse zeigen einen deutlichen Zusammenhang zwischen beiden Größen.", "de"),
        ("Über die Hälfte der Befragten äußerte sich zufrieden mit der Lösung.", "de"),
        ("Bu çalışmada sıcaklığın kristal büyümesi üzerindeki etkisi incelenmiştir.", "tr"),
        ("Öğrenciler sınav sonuçlarını öğrenmek için okulda bekliyordu.", "tr"),
        ("Результати показують сильну кореляцію між двома змінними.", "uk"),
    ],
)
def test_other_languages_get_their_own_code(text: str, lang: str) -> None:
    guess = identify(text)
    assert guess.lang == lang
    assert guess.lang != "kk"


@pytest.mark.parametrize("text", ["", "   ", "12345", "2020–2021", "— , . ; !", "[1, 2]"])
def test_no_letters_is_undetermined(text: str) -> None:
    assert identify(text) == LangGuess("und", "und", 0.0)


def test_confidence_is_a_probability_and_higher_on_longer_text() -> None:
    for text in (ENGLISH, KAZAKH, RUSSIAN, "Il faut bien le faire.", "Қазақстан"):
        assert 0.0 <= identify(text).confidence <= 1.0
    assert identify(KAZAKH).confidence > 0.99
    assert identify(RUSSIAN).confidence > 0.99


def test_titles_in_capitals() -> None:
    assert identify("ҚАЗАҚСТАН РЕСПУБЛИКАСЫНДАҒЫ ЖОҒАРЫ БІЛІМ БЕРУ ЖҮЙЕСІН ДАМЫТУ").lang == "kk"
    assert identify("РАЗВИТИЕ СИСТЕМЫ ВЫСШЕГО ОБРАЗОВАНИЯ В РЕСПУБЛИКЕ КАЗАХСТАН").lang == "ru"
    assert identify("DEVELOPMENT OF THE HIGHER EDUCATION SYSTEM IN KAZAKHSTAN").lang == "en"


def test_mixed_script_line_follows_its_cyrillic_words() -> None:
    # Russian and Kazakh lines name English companies in Latin letters.
    assert identify("Компании Google, Microsoft и Facebook").lang == "ru"
    assert identify("Google, Microsoft және Facebook компаниялары").lang == "kk"


# --- transliteration ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Қазақстан", "Qazaqstan"),
        ("Шығыс", "Şyğys"),
        ("Республикасы", "Respublikasy"),
        ("шаш", "şaş"),
        ("чай", "çai"),
        ("сый", "syi"),
        ("білім", "bılım"),
        ("ит", "it"),
        ("ұлы", "ūly"),
        ("үй", "üi"),
        ("жаңа", "jaña"),
        ("ғылым", "ğylym"),
        ("өмір", "ömır"),
        ("әке", "äke"),
        ("хат", "hat"),
        ("шаһар", "şahar"),
        ("су", "su"),
        ("Ирина", "İrina"),
        ("Іле", "Ile"),
        ("ҚАЗАҚСТАН", "QAZAQSTAN"),
    ],
)
def test_transliteration_2021(cyrillic: str, latin: str) -> None:
    assert kazakh_cyrillic_to_latin_2021(cyrillic) == latin


def test_transliteration_keeps_other_characters_and_spells_loan_letters() -> None:
    assert kazakh_cyrillic_to_latin_2021("Abc 123, «ә»!") == "Abc 123, «ä»!"
    assert kazakh_cyrillic_to_latin_2021("Юлия ЮЛИЯ Щучинск") == "Iuliia IULİIA Şşuçinsk"
    assert kazakh_cyrillic_to_latin_2021("цирк объект") == "tsirk obekt"


def test_script_counts_ignore_the_characters_used_as_script_marks() -> None:
    # Letters are counted by replacing them with control characters: those already in a text are no letters.
    assert count_scripts("a\x01б\x02ж\x03") == ScriptCounts(latin=1, cyrillic=2, other=0)
    assert count_script_words("Қазақ\x01 text\x02 中文") == ScriptCounts(latin=1, cyrillic=1, other=1)
