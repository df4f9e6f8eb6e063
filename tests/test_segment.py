"""Tests of align.segment.split_sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.segment import split_sentences

SAMPLES = Path(__file__).resolve().parents[1] / "corpora" / "samples"


def sentences(text: str, lang: str) -> list[str]:
    """The sentences of ``text``, after checking that the spans are well-formed."""
    spans = split_sentences(text, lang)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text), spans
        piece = text[start:end]
        assert piece == piece.strip(), f"untrimmed span {piece!r}"
        # Nothing but whitespace is left out between sentences.
        assert not text[previous_end:start].strip(), f"dropped {text[previous_end:start]!r}"
        previous_end = end
    assert not text[previous_end:].strip()
    return [text[start:end] for start, end in spans]


def seed_lines(name: str) -> list[str]:
    return (SAMPLES / name).read_text(encoding="utf-8").splitlines()


# --- the seed abstracts ------------------------------------------------------------------------


def seed_000_abstracts() -> dict[str, str]:
    lines = seed_lines("000_0f8b6cd7f140dd0a.txt")
    labels = {"en": (9, "**Abstract.** "), "kk": (17, "**Аңдатпа.** "), "ru": (27, "**Аннотация.** ")}
    for index, label in labels.values():
        assert lines[index].startswith(label)
    return {
        "en": lines[9].removeprefix(labels["en"][1]),
        "kk": lines[17].removeprefix(labels["kk"][1]) + " " + lines[19],
        # The Russian abstract goes on after a page break ("---") on line 32.
        "ru": lines[27].removeprefix(labels["ru"][1]) + " " + lines[31],
    }


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_seed_000_abstracts_have_six_sentences(lang: str) -> None:
    found = sentences(seed_000_abstracts()[lang], lang)
    assert len(found) == 6
    assert found[-1].endswith("реформ.") if lang == "ru" else found[-1].endswith(".")


def test_seed_000_page_break_without_full_stop_is_not_a_boundary() -> None:
    lines = seed_lines("000_0f8b6cd7f140dd0a.txt")
    text = lines[27].removeprefix("**Аннотация.** ") + "\n\n" + lines[31]
    found = sentences(text, "ru")
    assert len(found) == 6
    assert found[-1].startswith("В более широком ракурсе") and found[-1].endswith("политических реформ.")


def test_seed_002_hard_wrapped_abstract_has_five_sentences() -> None:
    lines = seed_lines("002_7e11e66b2c51f6d4.txt")
    assert lines[0].strip() == "Abstract" and lines[16].startswith("Keywords:")
    body = lines[1:16]
    assert len(sentences(" ".join(body), "en")) == 5
    # Kept hard-wrapped, the line breaks are read as spaces.
    wrapped = sentences("\n".join(body), "en")
    assert len(wrapped) == 5
    assert wrapped[1].startswith("Drawing upon") and wrapped[1].endswith("as multi-vector.")


# --- abbreviations, per language -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prof. Smith came. He left.", ["Prof. Smith came.", "He left."]),
        (
            "Dr. Ford spoke. Mr. Adams and Ms. Lee agreed.",
            ["Dr. Ford spoke.", "Mr. Adams and Ms. Lee agreed."],
        ),
        (
            "Small states, e.g. Kazakhstan, act. I.e. Astana acts.",
            ["Small states, e.g. Kazakhstan, act.", "I.e. Astana acts."],
        ),
        (
            "Some states, i.e. Kazakhstan and Uzbekistan, agree. Others do not.",
            ["Some states, i.e. Kazakhstan and Uzbekistan, agree.", "Others do not."],
        ),
        (
            "Smith et al. (2019) agree. Smith et al. Nature showed it.",
            ["Smith et al. (2019) agree.", "Smith et al. Nature showed it."],
        ),
        ("It was shown by Smith et al. We extend it.", ["It was shown by Smith et al.", "We extend it."]),
        (
            "Russia vs. China is compared. See Roe v. Wade here.",
            ["Russia vs. China is compared.", "See Roe v. Wade here."],
        ),
        ("Compare the EU, cf. Cornell 2018. Then stop.", ["Compare the EU, cf. Cornell 2018.", "Then stop."]),
        (
            "St. Martin's church closed. Sen. Jeff Flake spoke.",
            ["St. Martin's church closed.", "Sen. Jeff Flake spoke."],
        ),
        (
            "The study by A. B. Smith and J.R.R. Tolkien holds. We agree.",
            ["The study by A. B. Smith and J.R.R. Tolkien holds.", "We agree."],
        ),
    ],
)
def test_english_abbreviations(text: str, expected: list[str]) -> None:
    assert sentences(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ғылым, өнер т.б. салалар дамыды. Бұл маңызды.",
            ["Ғылым, өнер т.б. салалар дамыды.", "Бұл маңызды."],
        ),
        ("Ғылым, білім, өнер т.б. Бұл маңызды.", ["Ғылым, білім, өнер т.б.", "Бұл маңызды."]),
        ("Ғылым, білім т.с.с. Олар маңызды.", ["Ғылым, білім т.с.с.", "Олар маңызды."]),
        (
            "1991 ж. Қазақстан тәуелсіздік алды. Ел дамыды.",
            ["1991 ж. Қазақстан тәуелсіздік алды.", "Ел дамыды."],
        ),
        ("Ол 1991 ж. Бұл жаңа кезең.", ["Ол 1991 ж.", "Бұл жаңа кезең."]),
        ("1991–1995 жж. Астана салынды. Кейін өсті.", ["1991–1995 жж. Астана салынды.", "Кейін өсті."]),
        (
            "Б.з.д. V ғ. Сақтар өмір сүрді. Олар көшпелі болды.",
            ["Б.з.д. V ғ. Сақтар өмір сүрді.", "Олар көшпелі болды."],
        ),
        ("ХІХ ғ. Қазақ даласы өзгерді. Бұл анық.", ["ХІХ ғ. Қазақ даласы өзгерді.", "Бұл анық."]),
        ("Н. Назарбаев сөз сөйледі. Ол келді.", ["Н. Назарбаев сөз сөйледі.", "Ол келді."]),
        ("Н.Ә. Назарбаев пен Қ.Тоқаев келді. Бұл анық.", ["Н.Ә. Назарбаев пен Қ.Тоқаев келді.", "Бұл анық."]),
        (
            "Қараңыз: 12-б. Бұл кесте 3-суретте. Ол 3.5 есе өсті.",
            ["Қараңыз: 12-б.", "Бұл кесте 3-суретте.", "Ол 3.5 есе өсті."],
        ),
    ],
)
def test_kazakh_abbreviations(text: str, expected: list[str]) -> None:
    assert sentences(text, "kk") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Это важно, т.е. Казахстан выиграет. Далее.", ["Это важно, т.е. Казахстан выиграет.", "Далее."]),
        ("Наука, культура и т.д. Это важно.", ["Наука, культура и т.д.", "Это важно."]),
        (
            "Наука, культура и т.п. развиваются. Это важно.",
            ["Наука, культура и т.п. развиваются.", "Это важно."],
        ),
        (
            "В 1991 г. Казахстан стал независимым. Это важно.",
            ["В 1991 г. Казахстан стал независимым.", "Это важно."],
        ),
        (
            "Встреча прошла 29 сентября 2018 г. Вы можете её посмотреть.",
            ["Встреча прошла 29 сентября 2018 г.", "Вы можете её посмотреть."],
        ),
        ("В 1990-х гг. Казахстан рос. Далее.", ["В 1990-х гг. Казахстан рос.", "Далее."]),
        ("Иванов, Петров и др. Они пишут.", ["Иванов, Петров и др.", "Они пишут."]),
        ("Иванов и др. авторы пишут. Далее.", ["Иванов и др. авторы пишут.", "Далее."]),
        ("Подробнее см. Иванов 2010. Далее.", ["Подробнее см. Иванов 2010.", "Далее."]),
        (
            "Университет им. Абая и КазНУ им. аль-Фараби. Далее.",
            ["Университет им. Абая и КазНУ им. аль-Фараби.", "Далее."],
        ),
        ("ЕНУ им. Л. Н. Гумилева открыт. Далее.", ["ЕНУ им. Л. Н. Гумилева открыт.", "Далее."]),
        (
            "Надо доверять им. По результатам опроса это так.",
            ["Надо доверять им.", "По результатам опроса это так."],
        ),
        ("Цитата (с. 12) верна. См. с. 15. Далее.", ["Цитата (с. 12) верна.", "См. с. 15.", "Далее."]),
        ("Н. Назарбаев выступил. Он сказал.", ["Н. Назарбаев выступил.", "Он сказал."]),
        # The same with a Latin "H" typed for the Cyrillic "Н": still an initial.
        ("H. Назарбаев выступил. Он сказал.", ["H. Назарбаев выступил.", "Он сказал."]),
        ("Толщина слоя 10 см. Для зон это много.", ["Толщина слоя 10 см.", "Для зон это много."]),
        ("Бюджет 37 млрд. долл. США в год. Далее.", ["Бюджет 37 млрд. долл. США в год.", "Далее."]),
        (
            "Митинг прошёл в Washington, D.C. В пятницу всё стихло.",
            ["Митинг прошёл в Washington, D.C.", "В пятницу всё стихло."],
        ),
    ],
)
def test_russian_abbreviations(text: str, expected: list[str]) -> None:
    assert sentences(text, "ru") == expected


# --- numbers, references, URLs -----------------------------------------------------------------


def test_numbered_references_and_decimals_do_not_split() -> None:
    text = "See Fig. 2 and No. 5 on p. 12, pp. 7–8, Vol. II and Oct. 2. Growth was 3.5 percent. Done."
    assert sentences(text, "en") == [
        "See Fig. 2 and No. 5 on p. 12, pp. 7–8, Vol. II and Oct. 2.",
        "Growth was 3.5 percent.",
        "Done.",
    ]


def test_the_word_no_ends_a_sentence() -> None:
    assert sentences("Oh, no. I didn't leak it.", "en") == ["Oh, no.", "I didn't leak it."]


def test_urls_and_emails_do_not_split() -> None:
    text = "Data are at https://stat.gov.kz/data.html. Write to director@isdp.eu. Visit www.isdp.eu. Done."
    assert sentences(text, "en") == [
        "Data are at https://stat.gov.kz/data.html.",
        "Write to director@isdp.eu.",
        "Visit www.isdp.eu.",
        "Done.",
    ]


# --- quotes, brackets, ellipsis, semicolons ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ('He said "we agree." Then he left.', "en", ['He said "we agree."', "Then he left."]),
        ("Он сказал: «Мы согласны.» Затем ушёл.", "ru", ["Он сказал: «Мы согласны.»", "Затем ушёл."]),
        ("Ол: “Біз келістік.“ Сосын кетті.", "kk", ["Ол: “Біз келістік.“", "Сосын кетті."]),
        ("Ол келді. ”Біз келістік”, – деді.", "kk", ["Ол келді.", "”Біз келістік”, – деді."]),
        (
            "Он кричал „Меня укусили!“» Подплыв к нему, он помог.",
            "ru",
            ["Он кричал „Меня укусили!“»", "Подплыв к нему, он помог."],
        ),
        (
            "The data agree (see Table 1.) The model fits.",
            "en",
            ["The data agree (see Table 1.)", "The model fits."],
        ),
        (
            "The effect is large (p < 0.05). The model fits.",
            "en",
            ["The effect is large (p < 0.05).", "The model fits."],
        ),
    ],
)
def test_quotes_and_brackets(text: str, lang: str, expected: list[str]) -> None:
    assert sentences(text, lang) == expected


def test_ellipsis() -> None:
    assert sentences("Remember her answer... did you leak it? Yes.", "en") == [
        "Remember her answer... did you leak it?",
        "Yes.",
    ]
    # A spaced ellipsis or a bracketed one marks an omission, not the end of a sentence.
    assert sentences("Born in 1882 ... Germany saw it. Next.", "en") == [
        "Born in 1882 ... Germany saw it.",
        "Next.",
    ]
    assert sentences("The text […] Kazakhstan agrees. Next.", "en") == [
        "The text […] Kazakhstan agrees.",
        "Next.",
    ]
    assert sentences("It was late… The end came.", "en") == ["It was late…", "The end came."]


def test_semicolon_is_not_a_boundary() -> None:
    text = "Ол мейрамхананы өртейді; Вольттың яхтасы батады. Соңы."
    assert sentences(text, "kk") == ["Ол мейрамхананы өртейді; Вольттың яхтасы батады.", "Соңы."]


# --- line breaks -------------------------------------------------------------------------------


def test_paragraph_break_without_terminal_punctuation_is_not_a_boundary() -> None:
    text = "Cooperation between\n\nKazakhstan and Europe grows. Next sentence."
    assert sentences(text, "en") == ["Cooperation between\n\nKazakhstan and Europe grows.", "Next sentence."]


def test_blank_line_after_terminal_punctuation_is_a_boundary() -> None:
    text = "The first paragraph ends here.\n\nand the second starts in lower case."
    assert sentences(text, "en") == ["The first paragraph ends here.", "and the second starts in lower case."]


def test_short_heading_line_is_a_sentence() -> None:
    text = "Background.\nMethods\nWe surveyed 120 experts. Results\nThey agree."
    assert sentences(text, "en") == [
        "Background.",
        "Methods",
        "We surveyed 120 experts.",
        "Results\nThey agree.",
    ]
    assert sentences("Abstract\nThe article delves into policy.", "en") == [
        "Abstract",
        "The article delves into policy.",
    ]


def test_short_wrapped_line_is_not_a_heading() -> None:
    # The short line does not stand on its own: the line before it does not end a sentence.
    text = "The policy of the government of the\nRepublic of\nKazakhstan is studied here."
    assert sentences(text, "en") == [text]


def test_offsets_refer_to_the_original_text() -> None:
    text = "  Первое предложение.\r\n\r\n  Второе — «в кавычках». \n Третье!  "
    spans = split_sentences(text, "ru")
    assert [text[start:end] for start, end in spans] == [
        "Первое предложение.",
        "Второе — «в кавычках».",
        "Третье!",
    ]
    assert spans[0][0] == 2


def test_empty_and_unknown_language() -> None:
    assert split_sentences("", "en") == []
    assert split_sentences("   \n ", "kk") == []
    text = "Dr. Ford came. She left."
    assert split_sentences(text, "de") == split_sentences(text, "en") == [(0, 14), (15, 24)]
