from pathlib import Path

from align.model import Block, Sentence
from align.rules.al032_name_mismatch import NameMismatch, Side, _side, join_adjacent, missing_names
from tests.rules.cooperation_abstract import KK, RU, abstracts, replaced
from tests.rules.manuscript import run


def side(text: str, lang: str, block_text: str | None = None) -> Side:
    """One sentence as the rule sees it; ``block_text`` stands for the rest of the block."""
    whole = block_text if block_text is not None else text
    block = Block(
        lang, "Cyrl" if lang != "en" else "Latn", "abstract", whole, 1, 1, sentences=(Sentence(text, 0, len(text), 1),)
    )
    return _side(block, (0,), frozenset(w for w in whole.split() if w.islower()))


def names(sides: dict[str, Side]) -> list[tuple[str, str, tuple[str, ...]]]:
    return [
        (n.lang, " ".join(w.text for w in n.words[n.lang]), n.missing)
        for n in join_adjacent(list(missing_names(sides)))
    ]


def test_exonyms_transliterations_and_case_endings_pass(tmp_path: Path) -> None:
    # Russia / Ресей / Россия, China / Қытай / Китай, Brussels / Брюссельде / Брюсселе, Olzhas / Олжаса …
    assert run(NameMismatch, tmp_path, abstracts()) == []


def test_city_missing_in_russian_and_person_missing_in_kazakh(tmp_path: Path) -> None:
    ru = replaced(RU, 1, "Автор взял интервью у двенадцати дипломатов в Астане.")
    kk = replaced(KK, 4, "Еуразияшылдық идеясы Лев Гумилевтің еңбектерінен бастау алады.")
    city, person = run(NameMismatch, tmp_path, abstracts(kk=kk, ru=ru))
    assert city.evidence == {"en": "Brussels", "kk": "Брюссельде"}
    assert city.langs == ("en", "kk", "ru")
    assert city.sentences == {"en": (1,), "kk": (1,), "ru": (1,)}
    assert "missing from the Russian sentence" in city.message
    # a name of two words is one finding
    assert person.evidence == {"en": "Olzhas Suleimenov", "ru": "Олжаса Сулейменова"}
    assert [(s.lang, s.text) for s in person.spans] == [
        ("en", "Olzhas"),
        ("en", "Suleimenov"),
        ("ru", "Олжаса"),
        ("ru", "Сулейменова"),
    ]
    assert "missing from the Kazakh sentence" in person.message


def test_exonym_missing_between_kazakh_and_russian() -> None:
    sides = {
        "kk": side("Қазақстанның Ресеймен және Қытаймен байланысы талданады.", "kk"),
        "ru": side("Анализируются связи Казахстана с Китаем.", "ru"),
    }
    assert names(sides) == [("kk", "Ресеймен", ("ru",))]


def test_place_named_differently_by_convention_is_no_finding() -> None:
    sides = {
        "en": side("The summit in Beijing was attended by Germany and Russia.", "en"),
        "kk": side("Бейжіңдегі саммитке Германия мен Ресей қатысты.", "kk"),
        "ru": side("В саммите в Пекине приняли участие Германия и Россия.", "ru"),
    }
    assert names(sides) == []


def test_words_capitalised_in_one_language_only_are_no_names() -> None:
    # "Union", "Party" are capitalised in English only; "Conservative" is not confirmed in Cyrillic
    sides = {
        "en": side("Members of the Conservative Party voted against the Union treaty.", "en"),
        "ru": side("Члены консервативной партии голосовали против союзного договора.", "ru"),
    }
    assert names(sides) == []


def test_sentence_initial_and_common_nouns_are_no_names() -> None:
    sides = {
        "en": side("Results show that trade matters most.", "en"),
        "kk": side("Нәтижелер сауданың маңызды екенін көрсетеді.", "kk"),
        "ru": side("Результаты показывают, что торговля важнее всего.", "ru"),
    }
    assert names(sides) == []


def test_author_name_glued_to_a_title_in_capitals_is_skipped() -> None:
    sides = {
        "en": side("KAZAKHSTAN AND EUROPEAN INTEGRATION", "en"),
        "kk": side("Сванте Корнелл ҚАЗАҚСТАН ЖӘНЕ ЕУРОПАЛЫҚ ИНТЕГРАЦИЯ", "kk"),
        "ru": side("Сванте Корнелл КАЗАХСТАН И ЕВРОПЕЙСКАЯ ИНТЕГРАЦИЯ", "ru"),
    }
    assert names(sides) == []


def test_names_transcribed_by_other_conventions_pass_and_a_dropped_one_is_found() -> None:
    # French ch/ou (Bouchard / Бушар), aw (Shawn / Шон), j after a consonant (Bjorn / Бьорн), a…e (Hale / Хейл)
    sides = {
        "en": side("The goal by Francois Bouchard was praised by Thomas Bjorn, Shawn Hale said.", "en"),
        "kk": side("Франсуа Бушардың голын Томас Бьорн мақтады, деді Шон Хейл.", "kk"),
        "ru": side("Гол Франсуа Бушара похвалил Томас Бьорн, сказал Шон Хейл.", "ru"),
    }
    assert names(sides) == []
    sides["ru"] = side("Гол Франсуа Бушара похвалил капитан, сказал Шон Хейл.", "ru")
    assert names(sides) == [("en", "Thomas Bjorn", ("ru",))]


def test_a_name_inside_a_lower_case_compound_is_there() -> None:
    sides = {
        "en": side("Kennedy appeared more open than his colleague from South Carolina.", "en"),
        "kk": side("Кеннеди өзінің оңтүстіккаролиналық әріптесіне қарағанда ашық болды.", "kk"),
        "ru": side("Кеннеди казался более открытым, чем его коллега из Южной Каролины.", "ru"),
    }
    assert names(sides) == []
    sides["kk"] = side("Кеннеди өзінің оңтүстіктегі әріптесіне қарағанда ашық болды.", "kk")
    assert names(sides) == [("en", "Carolina", ("kk",))]


def test_dotted_acronyms_name_their_place() -> None:
    # "U.K." is the acronym UK (not the letters U and K): the United Kingdom is there in English
    sides = {
        "en": side("The campaign called on the U.K. to improve nutrition.", "en"),
        "kk": side("Науқан Ұлыбританияны тамақтануды жақсартуға шақырды.", "kk"),
        "ru": side("Кампания призвала Великобританию улучшить питание.", "ru"),
    }
    assert names(sides) == []
    sides["en"] = side("The campaign called on the government to improve nutrition.", "en")
    assert names(sides) == [("kk", "Ұлыбританияны", ("en",))]


def test_a_title_word_does_not_stand_for_a_name_another_language_adds() -> None:
    # "St" (Saint) shares two consonants with Шотландской: it must not pass for it
    sides = {
        "en": side("They won 4-1 at St Johnstone and trail the Premiership leaders.", "en"),
        "kk": side("Олар Сент-Джонстонда 4-1 есебімен жеңіп, премьер-лига көшбасшыларынан қалып отыр.", "kk"),
        "ru": side("Они победили 4:1 в Сент-Джонстоне и отстают от лидеров Шотландской Премьер-лиги.", "ru"),
    }
    assert names(sides) == [("ru", "Шотландской", ("en", "kk"))]


def test_names_translated_by_their_meaning_pass() -> None:
    # Twitter / a tweet / Твиттер, Nord Stream / Норд Стрим / Северный поток
    sides = {
        "en": side("In a tweet, Warren opposed the Nord Stream pipeline.", "en"),
        "kk": side("Уоррен Твиттерде Норд Стрим құбырына қарсы шықты.", "kk"),
        "ru": side("В Твиттере Уоррен выступила против газопровода Северный поток.", "ru"),
    }
    assert names(sides) == []
    sides["en"] = side("On Friday, Warren opposed the Nord Stream pipeline.", "en")
    assert names(sides) == [("kk", "Твиттерде", ("en",))]
