"""Readers: encodings, Markdown/PDF-text clean-up, page breaks, DOCX, JATS, hostile inputs, paths."""

from __future__ import annotations

import codecs
import io
import os
import random
import time
import zipfile
from pathlib import Path

import docx
import pytest

from align.errors import InputError
from align.ingest import (
    DEFAULT_MAX_BYTES,
    SUPPORTED_SUFFIXES,
    collect_paths,
    decode_bytes,
    docx_reader,
    normalize_lang,
    read_document,
    read_documents,
)

SAMPLES = Path(__file__).resolve().parents[1] / "corpora" / "samples"
SEED_000 = SAMPLES / "000_0f8b6cd7f140dd0a.txt"
SEED_002 = SAMPLES / "002_7e11e66b2c51f6d4.txt"

RU_PARAGRAPH = (
    "В данной статье исследуются выгоды для Казахстана и Европейского Союза, вытекающие из "
    "укрепления взаимного сотрудничества. Для Европейского Союза более тесная ассоциация с "
    "Казахстаном выгодна по целому ряду причин."
)
RU_SHORT = "Ключевые слова: дипломатия, интеграция."
KK_PARAGRAPH = "Мақалада өзара ынтымақтастықтың Қазақстан мен Еуропалық Одаққа тигізетін артықшылықтары қарастырылған."


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def texts(path: Path) -> list[str]:
    return [paragraph.text for paragraph in read_document(path).paragraphs]


# --- encodings ---------------------------------------------------------------------------------

ENCODED = {
    "utf-8": lambda s: s.encode("utf-8"),
    "utf-8-sig": lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
    "utf-16 LE": lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le"),
    "utf-16 BE": lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"),
    "cp1251": lambda s: s.encode("cp1251"),
    "koi8-r": lambda s: s.encode("koi8-r"),
}
EXPECTED_NAME = {"utf-16 LE": "utf-16", "utf-16 BE": "utf-16"}


@pytest.mark.parametrize("sample", [RU_PARAGRAPH, RU_SHORT, "Привет, мир", "КАЗАХСТАН И ЕВРОПА"])
@pytest.mark.parametrize("encoding", list(ENCODED))
def test_decode_bytes_detects_the_encoding(encoding: str, sample: str) -> None:
    text, name = decode_bytes(ENCODED[encoding](sample))
    assert text == sample
    assert name == EXPECTED_NAME.get(encoding, encoding)


def test_cp1251_with_the_kazakh_letter_it_has() -> None:
    sample = "Мемлекеттік тіл туралы. " + RU_SHORT  # of the Kazakh letters cp1251 has і only
    text, name = decode_bytes(sample.encode("cp1251"))
    assert (text, name) == (sample, "cp1251")


def test_legacy_kazakh_and_western_code_pages() -> None:
    assert decode_bytes(KK_PARAGRAPH.encode("kz1048")) == (KK_PARAGRAPH, "kz1048")
    english = "The article delves into policies vis-à-vis the Union — a résumé."
    assert decode_bytes(english.encode("cp1252")) == (english, "cp1252")


def test_bomless_utf16_is_recognised_not_called_binary() -> None:
    sample = "Abstract. The article delves into policy.\n"
    assert decode_bytes(sample.encode("utf-16-le")) == (sample, "utf-16-le")


def test_read_document_reports_legacy_encoding(tmp_path: Path) -> None:
    path = write(tmp_path, "ru.txt", f"Аннотация\n\n{RU_PARAGRAPH}\n".encode("koi8-r"))
    document = read_document(path)
    assert document.encoding == "koi8-r"
    assert [p.text for p in document.paragraphs] == ["Аннотация", RU_PARAGRAPH]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "file is empty"),
        (b"  \n\n\t\n", "file contains no text"),
        (b"Abstract\x00\x01\x02 text" * 20, "not a text file (binary content)"),
        (b"text \x01\x02\x03\x04\x05\x06\x07\x08 more " * 20, "not a text file (binary content)"),
    ],
)
def test_unusable_text_files(tmp_path: Path, content: bytes, problem: str) -> None:
    with pytest.raises(InputError) as error:
        read_document(write(tmp_path, "paper.txt", content))
    assert error.value.problem == problem
    assert error.value.path.endswith("paper.txt")


def test_undecodable_bytes_are_refused(tmp_path: Path) -> None:
    rng = random.Random(7)
    garbage = bytes(rng.randrange(0x80, 0x100) for _ in range(400))
    with pytest.raises(InputError) as error:
        read_document(write(tmp_path, "garbage.txt", b"Title " + garbage))
    assert error.value.problem == "cannot decode: not UTF-8/UTF-16 and no Cyrillic code page fits"


def test_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", "word " * 100)
    with pytest.raises(InputError, match="larger than the 100-byte limit"):
        read_document(path, max_bytes=100)
    with pytest.raises(InputError, match="larger than the 1 KB limit"):
        read_document(write(tmp_path, "bigger.txt", "x" * 2000), max_bytes=1024)
    assert DEFAULT_MAX_BYTES == 50 * 1024 * 1024
    assert len(read_document(path, max_bytes=500).paragraphs) == 1


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or directory"):
        read_document(tmp_path / "absent.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_document(tmp_path)


def test_unsupported_formats_are_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"legacy \.doc is not supported"):
        read_document(write(tmp_path, "paper.doc", b"\xd0\xcf\x11\xe0"))


# --- Markdown and HTML -------------------------------------------------------------------------

MARKDOWN = """\
# **Title** of the *paper*

Setext Heading
--------------

<h2>HTML heading</h2>

**Abstract.** The _study_ of __bold__ claims with a [link](http://example.org/a_(b)) and
a hard-wrapped line, an escaped \\*star\\* and <b>bold</b> <span class="x">span</span> text.

- first bullet
* second *bullet*

Code: <script>alert(1)</script> and a <Kazakhstan> mention stay visible; 3 * 4 * 5 = 60.
"""


def test_markdown_is_stripped_but_unknown_tags_stay(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "paper.md", MARKDOWN))
    assert document.format == "markdown"
    got = [(p.text, p.heading) for p in document.paragraphs]
    assert got == [
        ("Title of the paper", True),
        ("Setext Heading", True),
        ("HTML heading", True),
        (
            "Abstract. The study of bold claims with a link and a hard-wrapped line, "
            "an escaped *star* and bold span text.",
            False,
        ),
        ("first bullet", False),
        ("second bullet", False),
        ("Code: <script>alert(1)</script> and a <Kazakhstan> mention stay visible; 3 * 4 * 5 = 60.", False),
    ]


def test_line_map_traces_characters_to_source_lines(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "paper.md", MARKDOWN))
    abstract = document.paragraphs[3]
    assert (abstract.start_line, abstract.end_line) == (8, 9)
    assert abstract.line_at(abstract.text.index("study")) == 8
    assert abstract.line_at(abstract.text.index("hard-wrapped")) == 9
    assert abstract.line_map[0] == (0, 8)


# --- seed 000: Markdown with page breaks ---------------------------------------------------------


def test_seed_000_page_break_inside_russian_abstract() -> None:
    paragraphs = read_document(SEED_000).paragraphs
    russian = next(p for p in paragraphs if p.text.startswith("Аннотация."))
    assert "сотрудничество между Казахстаном и Европейским Союзом" in russian.text
    assert russian.text.endswith("будет происходить в разрезе политических реформ.")
    assert (russian.start_line, russian.end_line) == (28, 32)
    assert russian.line_at(russian.text.index("Казахстаном и Европейским")) == 32
    assert not any(p.text in {"---", ""} for p in paragraphs)
    china = next(p for p in paragraphs if p.text.startswith("First of all, Kazakhstan"))
    assert "perspective on Russia and China could be of considerable value" in china.text
    headings = [p.text for p in paragraphs if p.heading]
    assert headings[:2] == [
        "KAZAKHSTAN AND EUROPEAN INTEGRATION: FURTHER POTENTIAL",
        "Сванте Корнелл ҚАЗАҚСТАН ЖӘНЕ ЕУРОПАЛЫҚ ИНТЕГРАЦИЯ: БОЛАШАҚТАҒЫ ӘЛЕУЕТІ",
    ]
    assert any(p.text.startswith("Key words: Kazakhstan") and p.text.endswith("political reform.") for p in paragraphs)


# --- seed 002: PDF-extracted text ----------------------------------------------------------------


def test_seed_002_abstract_keywords_and_headings() -> None:
    paragraphs = read_document(SEED_002).paragraphs
    assert (paragraphs[0].text, paragraphs[0].heading) == ("Abstract", True)
    abstract = paragraphs[1]
    assert abstract.text.startswith("The article delves")
    assert abstract.text.endswith("power over Kazakhstan.")
    assert (abstract.start_line, abstract.end_line) == (2, 16)
    assert abstract.line_at(abstract.text.index("regime legitimation")) == 6
    assert "foreign policy—as multi-vector" in abstract.text
    keywords = paragraphs[2]
    assert keywords.text.startswith("Keywords: Autocracy,")
    assert len(keywords.text.removeprefix("Keywords:").split(",")) == 9
    assert keywords.text.endswith("Pragmatism, Russia")
    assert (paragraphs[3].text, paragraphs[3].heading) == ("Introduction", True)
    assert paragraphs[4].text.startswith("In the post-Soviet space")
    assert paragraphs[4].text.endswith("(EU External Action, 2017).")


def test_seed_002_page_furniture_and_footnote_markers() -> None:
    full = "\n".join(p.text for p in read_document(SEED_002).paragraphs)
    assert "Page 10 of 23" not in full
    assert "bloc. Furthermore" in full
    assert "screw-tightening. Importantly" in full
    assert "(Kuchins et al., 2015: p. 9), the results" in full
    assert "nation-branding and regime legitimation" in full
    assert "Eurasianism, which" in full
    # numbers that are not footnote markers stay
    assert "from 3.30 (132nd rank)" in full
    assert "(ibid: p. 113)" in full
    assert "2.5 times longer" in full


def test_form_feed_on_its_own_line_is_a_page_break(tmp_path: Path) -> None:
    # pdftotext and align's PDF reader put a form feed between pages; the sentence cut by it is joined.
    source = "The establishment of a state reli-\n\f\ngion remains the norm.\n\nA new paragraph.\n"
    document = read_document(write(tmp_path, "pages.txt", source))
    assert [p.text for p in document.paragraphs] == [
        "The establishment of a state religion remains the norm.",
        "A new paragraph.",
    ]
    assert document.paragraphs[0].line_at(len("The establishment of a state reli")) == 3


def test_hyphenation_dashes_and_footnotes(tmp_path: Path) -> None:
    source = (
        "We study inter-\nnational law; the international order matters.\n\n"
        "Relations between Astana-\nBrussels grew.\n\n"
        "A well-\nknown fact is well-known to all.\n\n"
        "The segmen-\ntation step runs first.\n\n"
        "Its foreign policy—\nas multi-vector, see pp. 186–\n187 here.\n\n"
        "Развитие сотрудни-\nчества важно.\n\n"
        "КАЗАХСТАН И ЕВРО-\nПЕЙСКАЯ ИНТЕГРАЦИЯ.\n\n"
        "Кеңі-\nрек айтқанда, БҰҰ-\nдағы Brexit-\nтен бері.\n\n"
        "See p.12 and No.5 in 1994, 2004 at the G20 summit.\n"
    )
    assert texts(write(tmp_path, "hyphens.txt", source)) == [
        "We study international law; the international order matters.",
        "Relations between Astana-Brussels grew.",
        "A well-known fact is well-known to all.",
        "The segmentation step runs first.",
        "Its foreign policy—as multi-vector, see pp. 186–187 here.",
        "Развитие сотрудничества важно.",
        "КАЗАХСТАН И ЕВРОПЕЙСКАЯ ИНТЕГРАЦИЯ.",
        "Кеңірек айтқанда, БҰҰ-дағы Brexit-тен бері.",
        "See p.12 and No.5 in 1994, 2004 at the G20 summit.",
    ]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # an opening quote (” and “ open quotations in Kazakh and Russian texts): the number is text
        ("Ол ”60 минут” бағдарламасына сұхбат берді.", "Ол ”60 минут” бағдарламасына сұхбат берді."),
        ("”60 минут” бағдарламасы көрсетілді.", "”60 минут” бағдарламасы көрсетілді."),
        ("В фильме («60 минут») об этом нет ни слова.", "В фильме («60 минут») об этом нет ни слова."),
        ('He watched "60 Minutes" last night.', 'He watched "60 Minutes" last night.'),
        # a closing quote after a word or a stop: the glued number is a footnote marker
        ("Бұл «Болашақ»12 бағдарламасы.", "Бұл «Болашақ» бағдарламасы."),
        ("the natural resources”.6 The next", "the natural resources”. The next"),
        ("бағдарламасы ”60 минут”5 деп аталады.", "бағдарламасы ”60 минут” деп аталады."),
    ],
)
def test_number_after_a_quote(tmp_path: Path, source: str, expected: str) -> None:
    assert texts(write(tmp_path, "quotes.txt", source + "\n")) == [expected]


def test_pdf_text_without_blank_lines_titles_in_capitals_and_keywords(tmp_path: Path) -> None:
    # Kazakhstani journal PDFs: title in capitals, the label alone on a line, the abstract wrapped at
    # 80 columns, a one-line keywords list and at once the next language's title.
    en_line = "The article studies the ties between the two partners in detail and at length.\n"
    kk_line = "мәтіннің бұл жолы PDF құралымен белгілі бір енде тасымалданып бөлінген ұзын жол\n"
    source = (
        "Central Asian Survey, 2020, Vol. 39, No. 3\n"
        "KAZAKHSTAN AND THE EUROPEAN UNION\nAbstract\n" + en_line * 4 + "Keywords: Kazakhstan, European Union, BRI\n"
        "ҚАЗАҚСТАН ЖӘНЕ ЕУРОПАЛЫҚ ОДАҚ\nАңдатпа\n" + kk_line * 3 + "Соңғы сөйлем.\n"
        "Түйін сөздер: Қазақстан, Еуропалық Одақ, халықаралық қатынастар, ынтымақтастық,\n"
        "сауда\nКАЗАХСТАН И ЕВРОПЕЙСКИЙ СОЮЗ\nАннотация\n"
    )
    paragraphs = read_document(write(tmp_path, "pdf.txt", source)).paragraphs
    got = [(p.text.split()[0], p.heading, p.start_line, p.end_line) for p in paragraphs]
    assert got == [
        ("Central", False, 1, 1),
        ("KAZAKHSTAN", True, 2, 2),
        ("Abstract", False, 3, 7),
        ("Keywords:", False, 8, 8),  # ends at its short line, though "BRI" and the next line are in capitals
        ("ҚАЗАҚСТАН", True, 9, 9),
        ("Аңдатпа", False, 10, 14),
        ("Түйін", False, 15, 16),  # a wrapped list: the first line ends with a comma
        ("КАЗАХСТАН", True, 17, 17),
        ("Аннотация", False, 18, 18),
    ]


def test_keywords_line_ends_before_a_title_in_title_case(tmp_path: Path) -> None:
    # A long keywords line, then the next language's title: a list of short items is over.
    body = "The article studies the ties between the two partners in detail and at length.\n" * 4
    keywords = "Keywords: water diplomacy, Syr Darya, transboundary rivers, Central Asia, Aral\n"
    title = "Сырдария бассейніндегі Қазақстанның су дипломатиясы\n"
    paragraphs = read_document(write(tmp_path, "kw.txt", body + keywords + title + "Аңдатпа\n")).paragraphs
    assert [(p.start_line, p.end_line) for p in paragraphs] == [(1, 4), (5, 5), (6, 7)]


def test_a_sentence_after_a_colon_is_no_list(tmp_path: Path) -> None:
    # "Name: noun, long phrase …" opens running text: the title-like line after it is not cut off.
    lines = [
        "Бернард Ванн: церковнослужитель, награжденный крестом Виктории во время Первой",
        "мировой войны В истории англиканской церкви только один священник-воин был",
        "награжден крестом Виктории во время Первой мировой войны, и это событие было",
        "отмечено в его родном городе 100 лет спустя. Подполковник Преподобный Бернард",
        "Ванн был награжден этой наградой 29 сентября 1918 года за участие в нападении.",
    ]
    paragraphs = read_document(write(tmp_path, "news.txt", "\n".join(lines) + "\n")).paragraphs
    assert [(p.start_line, p.end_line) for p in paragraphs] == [(1, 5)]


def test_page_furniture_is_dropped_and_split_sentences_rejoined(tmp_path: Path) -> None:
    header = "Journal of Studies (2018) 3:4"
    source = (
        f"{header}\n\nThe first paragraph ends here.\n\nPage 3 of 9\n\nThe second starts and the\n\n12\n\n"
        f"{header}\n\nsentence continues.\n\nСтр. 5 из 20\n\nБет 3\n\nA third paragraph.\f"
        f"\n{header}\nlower case after a form feed.\n"
    )
    assert texts(write(tmp_path, "pdf.txt", source)) == [
        "The first paragraph ends here.",
        "The second starts and the sentence continues.",
        "A third paragraph. lower case after a form feed.",
    ]


def test_page_break_between_finished_sentences_keeps_paragraphs(tmp_path: Path) -> None:
    source = "One paragraph ends.\n\n---\n\nAnother begins.\n\n* * *\n\nStill separate?\n"
    assert texts(write(tmp_path, "breaks.md", source)) == [
        "One paragraph ends.",
        "Another begins.",
        "Still separate?",
    ]


def test_hard_wrapped_labels_and_headings_split_paragraphs(tmp_path: Path) -> None:
    line = "this line of the body text is wrapped at a fixed width by the pdf tool"
    source = (
        "Аннотация\n"
        f"Первая строка текста {line}\n{line}\n{line}\n{line} и конец.\n"
        "Ключевые слова: Казахстан, Европейский Союз,\nдипломатия\n\n"
        f"Introduction\nThe body {line}\n{line}\nends here.\nAnother paragraph {line}\n{line}.\n"
    )
    paragraphs = read_document(write(tmp_path, "p.txt", source)).paragraphs
    got = [(p.text.split()[0], p.heading, p.start_line, p.end_line) for p in paragraphs]
    assert got == [
        ("Аннотация", True, 1, 1),
        ("Первая", False, 2, 5),
        ("Ключевые", False, 6, 7),
        ("Introduction", True, 9, 9),
        ("The", False, 10, 12),
        ("Another", False, 13, 14),
    ]


# --- DOCX ----------------------------------------------------------------------------------------


def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Kazakhstan and Europe", level=0)
    abstract = document.add_paragraph()
    abstract.add_run("Abstract.").bold = True
    abstract.add_run(" This article  investigates\tbenefits.")
    document.add_paragraph("")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Keywords:"
    table.cell(0, 1).text = "Kazakhstan, EU"
    document.add_heading("Introduction", level=1)
    document.add_paragraph("Аннотация. Текст.")
    document.save(str(path))
    return path


def test_docx_paragraphs_tables_and_headings(tmp_path: Path) -> None:
    document = read_document(make_docx(tmp_path / "paper.docx"))
    assert document.format == "docx"
    got = [(p.text, p.heading, p.start_line) for p in document.paragraphs]
    assert got == [
        ("Kazakhstan and Europe", True, 1),
        ("Abstract. This article investigates benefits.", False, 2),
        ("Keywords:", False, 4),
        ("Kazakhstan, EU", False, 5),
        ("Introduction", True, 6),
        ("Аннотация. Текст.", False, 7),
    ]


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_docx_zip_bomb_refused_by_compression_ratio(tmp_path: Path) -> None:
    template = make_docx(tmp_path / "ok.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(template)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["word/media/zeros.bin"] = bytes(20 * 1024 * 1024)
    path = write(tmp_path, "bomb.docx", zip_bytes(members))
    assert path.stat().st_size < 200_000
    with pytest.raises(InputError, match=r"DOCX refused: word/media/zeros.bin expands \d+-fold.*zip bomb"):
        read_document(path)


def test_docx_total_expansion_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_docx(tmp_path / "paper.docx")
    monkeypatch.setattr(docx_reader, "MAX_EXPANDED_BYTES", 10_000)
    with pytest.raises(InputError, match=r"DOCX refused: archive expands to .* \(zip bomb\?\)"):
        read_document(path)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"this is not a zip archive at all", "malformed DOCX: not a ZIP archive"),
        (zip_bytes({"content.xml": b"<a/>"}), "malformed DOCX: no word/document.xml"),
        (zip_bytes({"word/document.xml": b"<not-closed>"}), "malformed DOCX: "),
    ],
)
def test_malformed_docx(tmp_path: Path, content: bytes, problem: str) -> None:
    with pytest.raises(InputError) as error:
        read_document(write(tmp_path, "paper.docx", content))
    assert error.value.problem.startswith(problem)


def test_docx_with_entity_declarations_refused(tmp_path: Path) -> None:
    template = make_docx(tmp_path / "ok.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(template)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    xml = members["word/document.xml"]
    members["word/document.xml"] = xml.replace(b"?>", b'?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 1)
    with pytest.raises(InputError, match="declares a DTD or entities"):
        read_document(write(tmp_path, "xxe.docx", zip_bytes(members)))


# --- JATS ----------------------------------------------------------------------------------------

JATS = """\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.2 20190208//EN"
  "JATS-journalpublishing1.dtd">
<article {ns} xmlns:xlink="http://www.w3.org/1999/xlink" xml:lang="en">
  <front>
    <article-meta>
      <title-group>
        <article-title>Kazakhstan and <italic>European</italic> Integration<xref
          ref-type="fn" rid="f1">1</xref></article-title>
        <trans-title-group xml:lang="kz">
          <trans-title>Қазақстан және еуропалық интеграция</trans-title>
        </trans-title-group>
        <trans-title-group xml:lang="rus">
          <trans-title>Казахстан и европейская интеграция</trans-title>
        </trans-title-group>
      </title-group>
      <abstract>
        <sec><title>Methods</title><p>We read&nbsp;papers.</p></sec>
        <sec><title>Results</title>
          <p>Ties grow
             stronger.</p></sec>
      </abstract>
      <trans-abstract xml:lang="ru-RU"><p>Связи крепнут.</p></trans-abstract>
      <kwd-group xml:lang="en-US"><kwd>Kazakhstan</kwd><kwd> European
        Union</kwd></kwd-group>
      <kwd-group xml:lang="kaz"><kwd>Қазақстан</kwd><kwd>Еуропа</kwd></kwd-group>
    </article-meta>
  </front>
  <body><p>Body text is not read.</p></body>
</article>
"""


@pytest.mark.parametrize("ns", ["", 'xmlns="http://jats.nlm.nih.gov"'])
def test_jats_front_matter(tmp_path: Path, ns: str) -> None:
    document = read_document(write(tmp_path, "paper.xml", JATS.format(ns=ns)))
    assert document.format == "jats"
    got = [(p.text, p.role_hint, p.lang_hint, p.start_line) for p in document.paragraphs]
    assert got == [
        ("Kazakhstan and European Integration", "title", "en", 8),
        ("Қазақстан және еуропалық интеграция", "title", "kk", 11),
        ("Казахстан и европейская интеграция", "title", "ru", 14),
        ("We read papers.", "abstract", "en", 18),  # &nbsp; read, spaces normalised
        ("Ties grow stronger.", "abstract", "en", 20),
        ("Связи крепнут.", "abstract", "ru", 23),
        ("Kazakhstan; European Union", "keywords", "en", 24),
        ("Қазақстан; Еуропа", "keywords", "kk", 26),
    ]
    assert [p.end_line for p in document.paragraphs] == [9, 11, 14, 18, 21, 23, 25, 26]


def test_jats_reads_each_article_and_leaves_unknown_lang_empty(tmp_path: Path) -> None:
    source = (
        "<articles><article><front><article-meta><title-group><article-title>First</article-title>"
        "</title-group></article-meta></front></article><article><front><article-meta><title-group>"
        "<article-title>Second</article-title></title-group></article-meta></front></article></articles>"
    )
    path = write(tmp_path, "ojs.xml", source)
    documents = read_documents(path)
    assert [document.path for document in documents] == [f"{path}#1", f"{path}#2"]
    assert [[(p.text, p.lang_hint) for p in document.paragraphs] for document in documents] == [
        [("First", None)],
        [("Second", None)],
    ]
    with pytest.raises(InputError, match="holds 2 articles"):
        read_document(path)


def test_jats_xxe_never_leaks_a_file(tmp_path: Path) -> None:
    source = (
        '<?xml version="1.0"?>\n<!DOCTYPE article [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        "<article><front><article-meta><title-group><article-title>&xxe;</article-title>"
        "</title-group></article-meta></front></article>"
    )
    with pytest.raises(InputError) as error:
        read_document(write(tmp_path, "xxe.xml", source))
    assert error.value.problem == "XML with entity declarations refused"
    assert "root:" not in str(error.value)


def test_jats_billion_laughs_refused_quickly(tmp_path: Path) -> None:
    entities = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    source = (
        f'<?xml version="1.0"?>\n<!DOCTYPE article [{"".join(entities)}]>\n'
        "<article><front><article-meta><title-group><article-title>&lol9;</article-title>"
        "</title-group></article-meta></front></article>"
    )
    path = write(tmp_path, "lol.xml", source)
    started = time.perf_counter()
    with pytest.raises(InputError, match="entity declarations refused"):
        read_document(path)
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("<article>\n<front>\n<article-meta></front>\n</article>", "malformed XML: line 3: "),
        ("<article><front/></article>", "not a JATS article: no <article-meta> element"),
        ("<html><body/></html>", "not a JATS article: no <article> element"),
        ("<article><front><article-meta/></front></article>", "no title, abstract or keywords"),
    ],
)
def test_bad_xml(tmp_path: Path, source: str, problem: str) -> None:
    with pytest.raises(InputError) as error:
        read_document(write(tmp_path, "bad.xml", source))
    assert error.value.problem.startswith(problem)


@pytest.mark.parametrize(
    ("code", "expected"),
    [("kz", "kk"), ("kaz", "kk"), ("kk-KZ", "kk"), ("rus", "ru"), ("ru_RU", "ru"), ("eng", "en"),
     ("en-US", "en"), ("de", "de"), ("", None), (None, None)],
)  # fmt: skip
def test_normalize_lang(code: str | None, expected: str | None) -> None:
    assert normalize_lang(code) == expected


# --- paths and safety ----------------------------------------------------------------------------


def test_collect_paths(tmp_path: Path) -> None:
    for name in ("b.md", "a.txt", "c.docx", ".hidden.txt", "~$c.docx", "notes.odt", "sub/d.xml", ".git/e.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    (tmp_path / "empty").mkdir()
    flat, errors = collect_paths([tmp_path])
    assert [p.name for p in flat] == ["a.txt", "b.md", "c.docx"]
    assert errors == []
    deep, _ = collect_paths([tmp_path], recursive=True)
    assert [p.relative_to(tmp_path).as_posix() for p in deep] == ["a.txt", "b.md", "c.docx", "sub/d.xml"]
    given = ["notes.odt", "missing.txt", "empty", "a.txt", "."]
    paths, errors = collect_paths([tmp_path / name for name in given])
    assert [p.name for p in paths] == ["notes.odt", "a.txt", "b.md", "c.docx"]
    assert [(Path(e.path).name, e.problem.split(" (")[0]) for e in errors] == [
        ("missing.txt", "no such file or directory"),
        ("empty", "directory has no supported files"),
    ]
    assert {".txt", ".md", ".docx", ".pdf", ".xml", ".nxml"} <= SUPPORTED_SUFFIXES


def test_reading_never_modifies_inputs(tmp_path: Path) -> None:
    files = [
        make_docx(tmp_path / "p.docx"),
        write(tmp_path, "p.txt", MARKDOWN),
        write(tmp_path, "p.xml", JATS.format(ns="")),
    ]
    before = [(f.read_bytes(), os.stat(f).st_mtime_ns) for f in files]
    for file in files:
        read_document(file)
    assert [(f.read_bytes(), os.stat(f).st_mtime_ns) for f in files] == before
