"""Finding the title, abstract and keywords of each language (``Document → Detection``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from align import detect
from align.blocks.assemble import split_keywords
from align.blocks.labels import match_label
from align.blocks.lines import split_where
from align.blocks.title import author_prefix_end
from align.model import Detection, Paragraph

SAMPLES = Path(__file__).resolve().parents[1] / "corpora" / "samples"
SEED_000 = SAMPLES / "000_0f8b6cd7f140dd0a.txt"
SEED_002 = SAMPLES / "002_7e11e66b2c51f6d4.txt"

EN_ABSTRACT = (
    "This article investigates the benefits of cooperation between Kazakhstan and the European Union. "
    "The author argues that closer ties serve both sides. The study draws on published papers."
)
KK_ABSTRACT = (
    "Мақалада Қазақстан мен Еуропалық Одақтың өзара ынтымақтастығының артықшылықтары қарастырылған. "
    "Автор тығыз байланыс екі жаққа да тиімді деп санайды. Зерттеу жарияланған еңбектерге негізделген."
)
RU_ABSTRACT = (
    "В статье рассматриваются выгоды сотрудничества Казахстана и Европейского Союза. "
    "Автор утверждает, что тесные связи выгодны обеим сторонам. Исследование опирается на опубликованные работы."
)


def _detect_text(tmp_path: Path, text: str, name: str = "paper.md") -> Detection:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return detect(path)


def _block(detection: Detection, lang: str, role: str):
    block = detection.block(lang, role)
    assert block is not None, f"no {lang} {role} in {[(b.lang, b.role) for b in detection.blocks]}"
    return block


def test_seed_000_has_all_nine_blocks() -> None:
    detection = detect(SEED_000)
    assert detection.missing == ()
    assert sorted((b.lang, b.role) for b in detection.blocks) == sorted(
        (lang, role) for lang in ("en", "kk", "ru") for role in ("title", "abstract", "keywords")
    )
    for lang in ("en", "kk", "ru"):
        assert len(_block(detection, lang, "abstract").sentences) == 6
        assert len(_block(detection, lang, "keywords").keywords) == 7


def test_seed_000_titles_without_the_glued_author() -> None:
    detection = detect(SEED_000)
    assert _block(detection, "en", "title").text == "KAZAKHSTAN AND EUROPEAN INTEGRATION: FURTHER POTENTIAL"
    assert _block(detection, "kk", "title").text == "ҚАЗАҚСТАН ЖӘНЕ ЕУРОПАЛЫҚ ИНТЕГРАЦИЯ: БОЛАШАҚТАҒЫ ӘЛЕУЕТІ"
    assert _block(detection, "ru", "title").text == "КАЗАХСТАН И ЕВРОПЕЙСКАЯ ИНТЕГРАЦИЯ: ДАЛЬНЕЙШИЙ ПОТЕНЦИАЛ"


def test_seed_000_russian_abstract_runs_over_the_page_break() -> None:
    abstract = _block(detect(SEED_000), "ru", "abstract")
    assert "сотрудничество между Казахстаном" in abstract.text
    assert abstract.text.endswith("политических реформ.")
    assert abstract.start_line == 28
    assert abstract.end_line == 32
    assert abstract.sentences[-1].start_line == 28  # the sentence the page break cut starts before it


def test_seed_000_labels_and_lines() -> None:
    detection = detect(SEED_000)
    kk = _block(detection, "kk", "abstract")
    assert (kk.label, kk.label_lang, kk.start_line, kk.end_line) == ("Аңдатпа", "kk", 18, 20)
    assert kk.sentences[1].start_line == 20
    keywords = _block(detection, "en", "keywords")
    assert keywords.keywords[0] == "Kazakhstan" and keywords.keywords[-1] == "political reform"


def test_seed_000_main_text_is_not_taken() -> None:
    detection = detect(SEED_000)
    assert max(b.end_line for b in detection.blocks) <= 34


def test_seed_002_pdf_text() -> None:
    detection = detect(SEED_002)
    abstract = _block(detection, "en", "abstract")
    assert len(abstract.sentences) == 5
    assert abstract.text.startswith("The article delves")
    keywords = _block(detection, "en", "keywords")
    assert len(keywords.keywords) == 9
    assert keywords.keywords[-1] == "Russia"
    missing = {(m.lang, m.role) for m in detection.missing}
    assert {("kk", "abstract"), ("kk", "keywords"), ("ru", "abstract"), ("ru", "keywords")} <= missing


def test_russian_before_english_and_labels_in_capitals(tmp_path: Path) -> None:
    text = (
        "# ВЫГОДЫ СОТРУДНИЧЕСТВА\n\nАННОТАЦИЯ: " + RU_ABSTRACT + "\n\nКЛЮЧЕВЫЕ СЛОВА: Казахстан; Европейский Союз\n\n"
        "# BENEFITS OF COOPERATION\n\nABSTRACT " + EN_ABSTRACT + "\n\nKEYWORDS: Kazakhstan; European Union\n"
    )
    detection = _detect_text(tmp_path, text)
    assert [(b.lang, b.role) for b in detection.blocks] == [
        ("ru", "title"), ("ru", "abstract"), ("ru", "keywords"),
        ("en", "title"), ("en", "abstract"), ("en", "keywords"),
    ]  # fmt: skip
    assert _block(detection, "ru", "keywords").keywords == ("Казахстан", "Европейский Союз")


def test_language_comes_from_text_not_label(tmp_path: Path) -> None:
    detection = _detect_text(tmp_path, "Abstract. " + RU_ABSTRACT + "\n")
    abstract = _block(detection, "ru", "abstract")
    assert (abstract.label, abstract.label_lang) == ("Abstract", "en")
    assert ("en", "abstract") in {(m.lang, m.role) for m in detection.missing}


@pytest.mark.parametrize(
    ("written", "role", "lang"),
    [
        ("**Abstract.**", "abstract", "en"),
        ("*Summary:*", "abstract", "en"),
        ("Abstract (English):", "abstract", "en"),
        ("Андатпа.", "abstract", "kk"),  # Kazakh label typed with Russian letters
        ("АҢДАТПА", "abstract", "kk"),
        ("Түйіндеме (Қазақша).", "abstract", "kk"),
        ("Andatpa.", "abstract", "kk"),
        ("Túıindeme:", "abstract", "kk"),
        ("Tüiındeme —", "abstract", "kk"),
        ("Резюме.", "abstract", "ru"),
        ("Аннотация", "abstract", "ru"),
        ("Abstarct:", "abstract", "en"),  # one typo in a long label
        ("Key words:", "keywords", "en"),
        ("Keywords", "keywords", "en"),
        ("Ключевые слова:", "keywords", "ru"),
        ("Түйін сөздер:", "keywords", "kk"),
        ("Туйин создер:", "keywords", "kk"),
        ("Кiлт сөздер:", "keywords", "kk"),  # Latin i inside a Cyrillic word
        ("Тірек сөздер.", "keywords", "kk"),
        ("Kılt sózder:", "keywords", "kk"),
    ],
)
def test_label_spellings(written: str, role: str, lang: str) -> None:
    match = match_label(written + " Some text follows here.", standalone=False) or match_label(
        written, standalone=True
    )
    assert match is not None
    assert (match.role, match.lang) == (role, lang)


@pytest.mark.parametrize(
    "text",
    [
        "Summary of the results shows growth.",  # an ordinary sentence that opens with a label word
        "Abstracts were collected from journals.",
        "The abstract says nothing.",
    ],
)
def test_ordinary_sentences_are_not_labels(text: str) -> None:
    assert match_label(text) is None


def test_kazakh_latin_blocks(tmp_path: Path) -> None:
    text = (
        "Añdatpa. Maqalada özara yntymaqtastyqtyñ Qazaqstan men Europalyq Odaqqa tigızetın artyqşylyqtary "
        "qarastyrylğan. Europalyq Odaq üşın Qazaqstanmen tyğyz bailanys bırneşe sebepterge bailanysty tiımdı.\n\n"
        "Kılt sözder: Qazaqstan, Europalyq Odaq, diplomatiia.\n"
    )
    detection = _detect_text(tmp_path, text)
    abstract = _block(detection, "kk", "abstract")
    assert abstract.script == "latn"
    assert len(abstract.sentences) == 2
    assert _block(detection, "kk", "keywords").keywords == ("Qazaqstan", "Europalyq Odaq", "diplomatiia")


def test_structured_abstract_is_one_block(tmp_path: Path) -> None:
    text = (
        "**Abstract**\n\n"
        "**Relevance.** Cooperation between Kazakhstan and the European Union has grown for thirty years.\n\n"
        "**Aim.** The study asks what drives this cooperation and what limits it.\n\n"
        "**Methods.** We review published papers and primary sources from both sides.\n\n"
        "**Results.** Economic modernisation is the main motive; legitimacy is the second.\n\n"
        "**Keywords:** Kazakhstan, European Union\n\n"
        "## Introduction\n\nKazakhstan is both a European and an Asian state. Many Europeans do not see it.\n"
    )
    detection = _detect_text(tmp_path, text)
    abstract = _block(detection, "en", "abstract")
    # The rubrics stay in the text and stand as sentences of their own, so they align with their twins.
    assert [s.text for s in abstract.sentences[::2]] == ["Relevance.", "Aim.", "Methods.", "Results."]
    assert len(abstract.sentences) == 8
    assert "Kazakhstan is both" not in abstract.text


def test_unlabelled_abstract_before_keywords(tmp_path: Path) -> None:
    text = (
        "# ҚАЗАҚСТАН МЕН ЕУРОПА\n\n" + KK_ABSTRACT + "\n\nТүйін сөздер: Қазақстан, Еуропа\n\n"
        "# KAZAKHSTAN AND EUROPE\n\n" + EN_ABSTRACT + "\n\nKeywords: Kazakhstan, Europe\n"
    )
    detection = _detect_text(tmp_path, text)
    assert _block(detection, "kk", "abstract").label is None
    assert len(_block(detection, "kk", "abstract").sentences) == 3
    assert _block(detection, "kk", "title").text == "ҚАЗАҚСТАН МЕН ЕУРОПА"
    assert _block(detection, "en", "title").text == "KAZAKHSTAN AND EUROPE"


def test_thesis_abstract_with_topic_author_and_supervisor_lines(tmp_path: Path) -> None:
    text = (
        "UDC 327.5\n\n"
        "Казахстан и Европейский Союз: факторы сотрудничества\n\n"
        "Иванов Иван Иванович\n\n"
        "Научный руководитель: доктор политических наук, профессор Петров П.П.\n\n"
        "АННОТАЦИЯ\n\n" + RU_ABSTRACT + "\n\nКлючевые слова: Казахстан, ЕС, сотрудничество.\n"
    )
    detection = _detect_text(tmp_path, text)
    assert _block(detection, "ru", "title").text == "Казахстан и Европейский Союз: факторы сотрудничества"
    assert _block(detection, "ru", "keywords").keywords == ("Казахстан", "ЕС", "сотрудничество")


def test_html_headings_and_markdown(tmp_path: Path) -> None:
    text = "<h2>Abstract</h2>\n\n" + EN_ABSTRACT + "\n\n<b>Keywords:</b> *Kazakhstan*, *Europe*\n"
    detection = _detect_text(tmp_path, text)
    assert len(_block(detection, "en", "abstract").sentences) == 3
    assert _block(detection, "en", "keywords").keywords == ("Kazakhstan", "Europe")


def test_english_sentence_left_in_kazakh_abstract_keeps_the_block_kazakh(tmp_path: Path) -> None:
    text = "Аңдатпа. " + KK_ABSTRACT + " The study draws on published papers.\n"
    assert _block(_detect_text(tmp_path, text), "kk", "abstract").lang == "kk"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kazakhstan, European Union, diplomacy.", ["Kazakhstan", "European Union", "diplomacy"]),
        ("economy; trade (exports, imports); law", ["economy", "trade (exports, imports)", "law"]),
        ("Autocracy, Democracy promotion,\nEuropean Union", ["Autocracy", "Democracy promotion", "European Union"]),
        ("*a*, *b*", ["a", "b"]),
        ("Ресей, ЕАЭО (Еуразиялық экономикалық одақ), ШЫҰ.", ["Ресей", "ЕАЭО (Еуразиялық экономикалық одақ)", "ШЫҰ"]),
        ("НАУЧНЫЕ КАДРЫ / АСПИРАНТУРА", ["НАУЧНЫЕ КАДРЫ", "АСПИРАНТУРА"]),  # spaced slashes when nothing else
        ("input/output, data / metadata", ["input/output", "data / metadata"]),
    ],
)
def test_split_keywords(text: str, expected: list[str]) -> None:
    assert split_keywords(text) == expected


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Сванте Корнелл ҚАЗАҚСТАН ЖӘНЕ ЕУРОПАЛЫҚ ИНТЕГРАЦИЯ", "ҚАЗАҚСТАН ЖӘНЕ ЕУРОПАЛЫҚ ИНТЕГРАЦИЯ"),
        ("А.Б. Сейітқали САЯСИ РЕФОРМАЛАР", "САЯСИ РЕФОРМАЛАР"),
        ("KAZAKHSTAN AND EUROPEAN INTEGRATION", "KAZAKHSTAN AND EUROPEAN INTEGRATION"),
        ("Kazakhstan and European integration", "Kazakhstan and European integration"),
    ],
)
def test_author_glued_to_title(text: str, title: str) -> None:
    assert text[author_prefix_end(text) :] == title


def test_label_at_the_start_of_a_line_inside_a_paragraph(tmp_path: Path) -> None:
    # No blank lines (one <p> a line, PDF text): the keywords line must not stay in the abstract.
    text = "<h2>Abstract</h2>\n<p>" + EN_ABSTRACT + "</p>\n<p><b>Keywords:</b> Kazakhstan, Europe.</p>\n"
    detection = _detect_text(tmp_path, text, "paper.txt")
    assert len(_block(detection, "en", "abstract").sentences) == 3
    keywords = _block(detection, "en", "keywords")
    assert (keywords.keywords, keywords.start_line) == (("Kazakhstan", "Europe"), 3)


def test_split_paragraph_keeps_its_source_lines() -> None:
    paragraph = Paragraph("Title line Abstract. Text here", 4, 5, line_map=((0, 4), (11, 5)))
    seen: list[tuple[str, str, str]] = []

    def before_abstract(previous: str, line: str, rest: str) -> bool:
        seen.append((previous, line, rest))
        return rest.startswith("Abstract")

    first, second = split_where(paragraph, before_abstract)
    assert seen == [("Title line", "Abstract. Text here", "Abstract. Text here")]
    assert (first.text, first.start_line, first.end_line) == ("Title line", 4, 4)
    assert (second.text, second.start_line, second.line_at(10)) == ("Abstract. Text here", 5, 5)


def test_label_alone_on_a_line_after_title_and_author_lines(tmp_path: Path) -> None:
    # PDF text without blank lines: the bare label belongs neither to the title nor to the affiliation.
    text = (
        "Kazakhstan and the European Union\nA.B. Seitkali¹\n¹Al-Farabi Kazakh National University, Almaty\n"
        "Abstract\n" + EN_ABSTRACT + "\nKeywords: Kazakhstan, European Union\n"
    )
    detection = _detect_text(tmp_path, text, "paper.txt")
    assert _block(detection, "en", "title").text == "Kazakhstan and the European Union"
    abstract = _block(detection, "en", "abstract")
    assert (abstract.label, abstract.start_line, len(abstract.sentences)) == ("Abstract", 5, 3)


@pytest.mark.parametrize(
    "title",
    [
        "ҚЫЗЫЛ ТОЛҚЫН: КОНЦЕНТРАЦИЯ ПИНЕЛЛАС, МАНАТИ ЖӘНЕ САРАСОТА АЙМАҚТАРЫНДА АЗАЙДЫ",  # "центр" inside a word
        "Сотрудничество в Центральной Азии, Европе и Китае",  # "Центральной" names no centre
        "САРА ПАЛИННІҢ ҮЛКЕН ҰЛЫ ҚАМАУҒА АЛЫНДЫ",  # "алынды" without a date is no date line
    ],
)
def test_titles_that_look_like_furniture_words(tmp_path: Path, title: str) -> None:
    abstract = KK_ABSTRACT if "Ы" in title else RU_ABSTRACT
    label = "Аңдатпа" if "Ы" in title else "Аннотация"
    detection = _detect_text(tmp_path, f"{title}\n\n{label}. {abstract}\n", "paper.txt")
    assert [b.text for b in detection.blocks if b.role == "title"] == [title]


def test_running_header_with_volume_and_issue_is_not_the_title(tmp_path: Path) -> None:
    text = (
        "Journal of Central Asian Studies, 2024, Vol. 12, No. 1\nKazakhstan and the European Union\n"
        "A.B. Seitkali¹\nAbstract\n" + EN_ABSTRACT + "\n"
    )
    detection = _detect_text(tmp_path, text, "paper.txt")
    assert _block(detection, "en", "title").text == "Kazakhstan and the European Union"


def test_thesis_field_lines_are_skipped_and_the_topic_is_the_title(tmp_path: Path) -> None:
    text = (
        "АННОТАЦИЯ\n\nТема: «Казахстан и Европейский Союз»\nАвтор: Иванова Анна Сергеевна\n"
        "Научный руководитель: д.полит.н., профессор Петров П.П.\n\n"
        + RU_ABSTRACT
        + "\n\nКлючевые слова: Казахстан, ЕС.\n"
    )
    detection = _detect_text(tmp_path, text, "thesis.txt")
    assert _block(detection, "ru", "title").text == "Казахстан и Европейский Союз"  # without its quotes
    abstract = _block(detection, "ru", "abstract")
    assert abstract.start_line == 7 and len(abstract.sentences) == 3


def test_title_page_with_the_titles_of_all_languages(tmp_path: Path) -> None:
    text = (
        "ҚАЗАҚСТАН МЕН ЕУРОПА\n\nКАЗАХСТАН И ЕВРОПА\n\nKAZAKHSTAN AND EUROPE\n\n"
        "А.Б. Сейтқали¹*, Zh.K. Ospanova²\n\n²Қоғамдық денсаулық сақтау ұлттық орталығы, Астана, Қазақстан\n\n"
        "АҢДАТПА\n\n" + KK_ABSTRACT + "\n\nАННОТАЦИЯ\n\n" + RU_ABSTRACT + "\n\nABSTRACT\n\n" + EN_ABSTRACT + "\n"
    )
    detection = _detect_text(tmp_path, text, "paper.txt")
    titles = [(b.lang, b.start_line) for b in detection.blocks if b.role == "title"]
    assert titles == [("kk", 1), ("ru", 3), ("en", 5)]


def test_a_line_in_another_language_does_not_take_the_title_of_that_language(tmp_path: Path) -> None:
    # The English journal line stands before the Russian abstract; the English title before its own.
    text = (
        "Eurasian studies in the twenty-first century\n\n# СОТРУДНИЧЕСТВО КАЗАХСТАНА И ЕС\n\n"
        "Аннотация. " + RU_ABSTRACT + "\n\n# COOPERATION OF KAZAKHSTAN AND THE EU\n\nAbstract. " + EN_ABSTRACT + "\n"
    )
    detection = _detect_text(tmp_path, text)
    assert _block(detection, "en", "title").text == "COOPERATION OF KAZAKHSTAN AND THE EU"


@pytest.mark.parametrize(
    "title",
    [
        "ACADEMIC MOBILITY IN KAZAKHSTANI UNIVERSITIES",  # organisation words without an address
        "РАЗВИТИЕ АКАДЕМИЧЕСКОЙ МОБИЛЬНОСТИ В ВУЗАХ",
        "Kazakhstan and Europe",
    ],
)
def test_titles_that_name_institutions(tmp_path: Path, title: str) -> None:
    text = f"{title}\n\nSatbayev University, Almaty, Kazakhstan\n\nAbstract. {EN_ABSTRACT}\n"
    assert _block(_detect_text(tmp_path, text, "paper.txt"), "en" if title.isascii() else "ru", "title").text == title


def test_title_line_glued_to_author_and_affiliation_lines(tmp_path: Path) -> None:
    # PDF text: author, affiliation and title lines make one paragraph with the abstract.
    text = (
        "A.S. Tokayeva\nL.N. Gumilyov Eurasian National University, Astana, Kazakhstan\n"
        "Benefits of cooperation between Kazakhstan\nand the European Union\nAbstract. " + EN_ABSTRACT + "\n"
    )
    detection = _detect_text(tmp_path, text, "paper.txt")
    title = _block(detection, "en", "title")
    assert (title.text, title.start_line) == ("Benefits of cooperation between Kazakhstan and the European Union", 3)
    assert _block(detection, "en", "abstract").start_line == 5


def test_unlabelled_abstract_stops_at_a_long_title(tmp_path: Path) -> None:
    text = (
        "Aigerim Serikkyzy THE BENEFITS OF COOPERATION BETWEEN KAZAKHSTAN AND THE EUROPEAN UNION TODAY\n\n"
        + EN_ABSTRACT + "\n\nKeywords: Kazakhstan, Europe.\n"
    )
    detection = _detect_text(tmp_path, text, "paper.txt")
    assert _block(detection, "en", "abstract").start_line == 3
    assert _block(detection, "en", "title").text.startswith("THE BENEFITS")


def test_no_title_from_the_main_text_before_abstracts_at_the_end(tmp_path: Path) -> None:
    text = (
        "KAZAKHSTAN AND EUROPE\n\nAbstract. " + EN_ABSTRACT + "\n\nKeywords: Kazakhstan, Europe.\n\n"
        "# Результаты\n\nТорговля выросла.\n\n# Список литературы\n\n1. Smith J. Europe. – London, 2010.\n\n"
        "Аннотация. " + RU_ABSTRACT + "\n"
    )
    detection = _detect_text(tmp_path, text)
    assert detection.block("ru", "title") is None
    assert detection.block("en", "title") is not None


@pytest.mark.parametrize(
    ("text", "is_label"),
    [
        ("ABSTRACT The article studies trade.", True),
        ("ABSTRACT A study of trade.", True),
        ("SUMMARY OF THE DECADE", False),  # a title in capitals that opens with a label word
        ("Tüiındı sözder: Qazaqstan, Europa.", True),
        ("Ғылыми жетекші: профессор А.Б. Сейітқали", True),
    ],
)
def test_shouted_labels_and_field_lines(text: str, is_label: bool) -> None:
    assert (match_label(text) is not None) == is_label


def test_thesis_heading_paragraph_under_the_label_gives_the_title(tmp_path: Path) -> None:
    text = (
        "АННОТАЦИЯ\n\nдиссертации Ивановой Анны Сергеевны на тему «Казахстан и Европейский Союз: факторы "
        "сотрудничества», представленной на соискание степени доктора философии (PhD)\n\n"
        + RU_ABSTRACT
        + "\n\nКлючевые слова: Казахстан, ЕС.\n"
    )
    detection = _detect_text(tmp_path, text, "thesis.txt")
    assert _block(detection, "ru", "title").text == "Казахстан и Европейский Союз: факторы сотрудничества"
    abstract = _block(detection, "ru", "abstract")
    assert abstract.start_line == 5 and len(abstract.sentences) == 3


def test_an_abstract_opening_without_a_final_stop_is_kept(tmp_path: Path) -> None:
    # Unfinished, but no quoted topic: the abstract's own first paragraph, not a thesis heading.
    text = (
        "ABSTRACT\n\n"
        + EN_ABSTRACT.removesuffix(".")
        + "\n\nBoth sides gain from it.\n\nKeywords: Kazakhstan, Europe.\n"
    )
    abstract = _block(_detect_text(tmp_path, text, "paper.txt"), "en", "abstract")
    assert abstract.start_line == 3 and abstract.text.endswith("Both sides gain from it.")


def test_label_alone_on_a_line_inside_a_paragraph(tmp_path: Path) -> None:
    # CyberLeninka copies: the label line and the keywords line with no blank line between.
    text = "Аннотация. " + RU_ABSTRACT + "\n\nКлючевые слова\nКАЗАХСТАН / ЕВРОПЕЙСКИЙ СОЮЗ / СОТРУДНИЧЕСТВО\n"
    keywords = _block(_detect_text(tmp_path, text, "paper.txt"), "ru", "keywords")
    assert (keywords.keywords, keywords.start_line) == (("КАЗАХСТАН", "ЕВРОПЕЙСКИЙ СОЮЗ", "СОТРУДНИЧЕСТВО"), 4)


def test_a_pasted_sentence_does_not_change_the_block_language(tmp_path: Path) -> None:
    kazakh_sentence = "Мақалада Қазақстан мен Еуропалық Одақтың өзара ынтымақтастығының артықшылықтары қарастырылған."
    detection = _detect_text(tmp_path, f"Аннотация. {RU_ABSTRACT} {kazakh_sentence}\n")
    assert _block(detection, "ru", "abstract").lang == "ru"


def test_an_english_abstract_with_one_russian_sentence_stays_english(tmp_path: Path) -> None:
    detection = _detect_text(tmp_path, f"Abstract. {EN_ABSTRACT} В статье рассматриваются выгоды сотрудничества.\n")
    assert _block(detection, "en", "abstract").lang == "en"


def test_keywords_of_names_follow_their_label(tmp_path: Path) -> None:
    text = (
        f"Аңдатпа. {KK_ABSTRACT}\n\nТүйін сөздер: Назарбаев, Токаев, Астана\n\n"
        f"Abstract. {EN_ABSTRACT}\n\nKeywords: Liverpool, Shaqiri, Klopp, Salah\n"
    )
    detection = _detect_text(tmp_path, text)
    assert _block(detection, "kk", "keywords").keywords == ("Назарбаев", "Токаев", "Астана")
    assert _block(detection, "en", "keywords").label_lang == "en"


def test_keywords_in_another_script_than_their_label_keep_their_language(tmp_path: Path) -> None:
    detection = _detect_text(tmp_path, f"Abstract. {EN_ABSTRACT}\n\nKeywords: Казахстан, Европа, сотрудничество\n")
    assert _block(detection, "ru", "keywords").label_lang == "en"
