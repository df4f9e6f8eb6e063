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
