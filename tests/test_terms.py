"""The termbase: TBX/CSV loaders, normalisation of inflected forms, term matching, the bundled termbase."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.errors import InputError
from align.terms import (
    Concept,
    Term,
    Termbase,
    approved_concepts,
    bundled_termbase_path,
    deprecated_hits,
    find_terms,
    load_termbase,
    load_termbases,
)
from align.terms.morph import (
    en_normalise,
    is_acronym,
    is_kk_suffix_chain,
    kk_stem,
    kk_stems,
    normalise,
    token_keys,
    tokenize,
)
from align.terms.tbx import read_tbx, tbx_bytes

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpora" / "samples" / "000_0f8b6cd7f140dd0a.txt"

TBX_V3 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="coe">
      <descrip type="subjectField">organisations</descrip>
      <note>Strasbourg, not Brussels</note>
      <langSec xml:lang="en">
        <termSec><term>Council of Europe</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
        <termSec><term>CoE</term><termNote type="termType">acronym</termNote></termSec>
      </langSec>
      <langSec xml:lang="kk-KZ">
        <termSec><term>Еуропа Кеңесі</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
        <termSec><term>Еуропалық Кеңес</term>
          <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
          <note>the European Council's name</note></termSec>
      </langSec>
      <langSec xml:lang="ru">
        <termSec><term>Совет Европы</term>
          <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec>
        <termSec><term>Совет ЕС</term>
          <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec>
      </langSec>
    </conceptEntry>
    <conceptEntry id="semey">
      <langSec xml:lang="ru"><termSec><term>Семей</term>
        <termNote type="partOfSpeech">properNoun</termNote></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


@pytest.fixture(scope="module")
def bundled() -> Termbase:
    path = bundled_termbase_path()
    assert path is not None, "corpora/termbases/international-relations.tbx is missing"
    return load_termbase(path)


def tb(*concepts: tuple[str, list[tuple[str, str, str]]]) -> Termbase:
    """A small termbase: (id, [(lang, text, status), …])."""

    def term(lang: str, text: str, status: str) -> Term:
        return Term(text, lang, status, "acronym" if is_acronym(text) else "full")

    return Termbase(Concept(cid, tuple(term(*t) for t in terms)) for cid, terms in concepts)


# --- loaders ---------------------------------------------------------------------------------


def test_tbx_v3_is_read_with_statuses_kinds_notes_and_languages(tmp_path: Path) -> None:
    termbase = load_termbase(write(tmp_path, "t.tbx", TBX_V3))
    assert len(termbase) == 2
    coe = termbase.concept("coe")
    assert coe.subject == "organisations" and coe.note == "Strasbourg, not Brussels"
    assert [t.text for t in coe.approved("en")] == ["Council of Europe", "CoE"]
    assert coe.terms_in("en")[1].kind == "acronym" and coe.terms_in("en")[0].kind == "full"
    assert [t.text for t in coe.deprecated("kk")] == ["Еуропалық Кеңес"]
    assert coe.deprecated("kk")[0].note == "the European Council's name"
    assert coe.approved("ru")[0].status == "admitted"
    assert coe.deprecated("ru")[0].text == "Совет ЕС"  # superseded reads as deprecated
    assert termbase.concept("semey").terms[0].proper_noun
    assert [c.id for c, _ in termbase.lookup("еуропалық  кеңес", "kk")] == ["coe"]


def test_tbx_written_by_us_reads_back_identically(tmp_path: Path) -> None:
    original = load_termbase(write(tmp_path, "t.tbx", TBX_V3))
    again = read_tbx("again.tbx", tbx_bytes(original))
    assert [(c.id, c.subject, c.note, c.terms) for c in again] == [
        (c.id, c.subject, c.note, c.terms) for c in original
    ]


def test_tbx_dct_style_and_tbx_v2_martif_are_read(tmp_path: Path) -> None:
    dct = """<tbx xmlns="urn:iso:std:iso:30042:ed-2"
      xmlns:basic="http://www.tbxinfo.net/ns/basic" style="dct">
      <text><body><conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>OSCE</term>
        <basic:administrativeStatus>deprecatedTerm-admn-sts</basic:administrativeStatus>
        <basic:termType>acronym</basic:termType></termSec></langSec></conceptEntry></body></text></tbx>"""
    term = load_termbase(write(tmp_path, "dct.tbx", dct)).concept("c1").terms[0]
    assert (term.text, term.status, term.kind) == ("OSCE", "deprecated", "acronym")
    martif = """<?xml version="1.0"?><!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
      <martif type="TBX"><text><body><termEntry id="t1">
        <langSet xml:lang="ru"><tig><term>ОБСЕ</term>
          <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig></langSet>
        <langSet xml:lang="kz"><ntig><termGrp><term>ЕҚЫҰ</term></termGrp></ntig></langSet>
      </termEntry></body></text></martif>"""
    concept = load_termbase(write(tmp_path, "v2.xml", martif)).concept("t1")
    assert [(t.lang, t.text, t.status) for t in concept.terms] == [
        ("ru", "ОБСЕ", "admitted"), ("kk", "ЕҚЫҰ", "preferred"),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "<tbx><text><body><conceptEntry id='a'>\n<langSec xml:lang='en'>\n<termSec><term>x</term>\n</body>",
            "line 4: Opening and ending tag mismatch",
        ),
        ('<!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]><tbx>&x;</tbx>', "entity declarations refused"),
        ("<html><body/></html>", "root element <html>"),
        ("<tbx><text><body/></text></tbx>", "no <conceptEntry>"),
        (
            "<tbx><text><body><conceptEntry id='a'>\n<langSec xml:lang='en'><termSec><term>x</term>\n"
            "<termNote type='administrativeStatus'>approved</termNote></termSec></langSec></conceptEntry>"
            "</body></text></tbx>",
            "line 3: unknown administrativeStatus 'approved'",
        ),
        ("<tbx><text><body><conceptEntry id='a'>\n<langSec><termSec><term>x</term></termSec></langSec>"
         "</conceptEntry></body></text></tbx>", "line 2: <langSec> without xml:lang"),
        ("<tbx><text><body><conceptEntry id='a'><langSec xml:lang='en'>\n<termSec><term> </term></termSec>"
         "</langSec></conceptEntry></body></text></tbx>", "line 2: empty or missing <term>"),
        ("<tbx><text><body>\n<conceptEntry id='a'><langSec xml:lang='en'><termSec><term>x</term></termSec>"
         "</langSec></conceptEntry>\n<conceptEntry id='a'><langSec xml:lang='en'><termSec><term>y</term>"
         "</termSec></langSec></conceptEntry></body></text></tbx>", "line 3: concept id 'a' already used on line 2"),
    ],
)
def test_malformed_tbx_is_an_input_error_naming_the_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(InputError) as error:
        load_termbase(write(tmp_path, "bad.tbx", text))
    assert message in str(error.value)
    assert str(error.value).startswith(str(tmp_path / "bad.tbx"))


def test_csv_rows_join_their_concept_and_split_variants(tmp_path: Path) -> None:
    csv = (
        "concept,subject,en,kk,ru,status,note\n"
        "coe,organisations,Council of Europe|CoE,Еуропа Кеңесі,Совет Европы,,\n"
        "coe,,,Еуропалық Кеңес | Еуропалық Одақ Кеңесі,Европейский совет,deprecated,another body\n"
        'osce,,"OSCE","ЕҚЫҰ","ОБСЕ",preferred,\n'
    )
    termbase = load_termbase(write(tmp_path, "t.csv", csv))
    coe = termbase.concept("coe")
    assert coe.subject == "organisations"
    assert [(t.lang, t.text, t.status, t.kind) for t in coe.terms_in("en")] == [
        ("en", "Council of Europe", "preferred", "full"),
        ("en", "CoE", "preferred", "acronym"),
    ]
    assert [t.text for t in coe.deprecated("kk")] == ["Еуропалық Кеңес", "Еуропалық Одақ Кеңесі"]
    assert {t.note for t in coe.deprecated("ru")} == {"another body"}
    assert termbase.concept("osce").terms[1].kind == "acronym"


def test_csv_without_concept_column_makes_one_concept_per_row_and_tsv_uses_tabs(tmp_path: Path) -> None:
    termbase = load_termbase(write(tmp_path, "t.csv", "en,KZ,ru\nUnited Nations,БҰҰ,ООН\nUnited Nations,,ООН\n"))
    assert [c.id for c in termbase] == ["united-nations", "united-nations-2"]
    assert termbase.concept("united-nations").terms[1].lang == "kk"
    tsv = load_termbase(write(tmp_path, "t.tsv", "en\tru\tstatus\nsuperpower\tсупердержава\tadmitted\n"))
    assert [t.status for t in tsv.concepts[0].terms] == ["admitted", "admitted"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("en,ru,colour\nx,y,z\n", "line 1: unknown column 'colour'"),
        ("status,note\npreferred,x\n", "no language column"),
        ("en,ru,status\nx,y,\nx,y,approved\n", "line 3: unknown status 'approved'"),
        ("en,ru\nx,y\nx,y,z\n", "line 3: 3 fields, the header has 2"),
        ('en,ru\nx,y\n"x,y\n', "malformed CSV"),
        ("en,ru,status\n,,deprecated\n", "line 2: no term in any language column"),
        ("en,en\nx,y\n", "appears twice"),
        ("en,ru\n", "no terms"),
        (b"en,ru\nx,\xcf\xf0\xe8\n", "line 2: not UTF-8"),
        ("", "empty file"),
    ],
)
def test_malformed_csv_is_an_input_error(tmp_path: Path, data: str | bytes, message: str) -> None:
    with pytest.raises(InputError) as error:
        load_termbase(write(tmp_path, "bad.csv", data))
    assert message in str(error.value)


def test_unknown_suffix_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"unknown termbase format '\.txt'"):
        load_termbase(write(tmp_path, "t.txt", "en\nx\n"))
    with pytest.raises(InputError, match="no such file"):
        load_termbase(tmp_path / "absent.tbx")


def test_termbases_merge_in_order_adding_terms_to_shared_ids(tmp_path: Path) -> None:
    first = write(tmp_path, "a.csv", "concept,en,ru\ncoe,Council of Europe,Совет Европы\n")
    second = write(tmp_path, "b.csv", "concept,en,kk\ncoe,Council of Europe,Еуропа Кеңесі\nun,UN,БҰҰ\n")
    merged = load_termbases([first, second])
    assert [c.id for c in merged] == ["coe", "un"]
    assert [(t.lang, t.text) for t in merged.concept("coe").terms] == [
        ("en", "Council of Europe"), ("ru", "Совет Европы"), ("kk", "Еуропа Кеңесі"),
    ]


# --- normalisation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("forms", "expected"),
    [
        (["Совет Европы", "Совета Европы", "Советом Европы", "Совете Европы"], "совет европа"),
        (["Европейский Союз", "Европейского Союза", "Европейским Союзом"], "европейский союз"),
        (["великие державы", "великих держав", "великими державами"], "великий держава"),
        (["Казахстан", "Казахстана", "Казахстаном", "Казахстану"], "казахстан"),
    ],
)
def test_russian_forms_share_their_lemmas(forms: list[str], expected: str) -> None:
    assert {normalise(form, "ru") for form in forms} == {expected}


@pytest.mark.parametrize(
    ("forms", "expected"),
    [
        (["Еуропа Кеңесі", "Еуропа Кеңесінің", "Еуропа Кеңесіне", "Еуропа Кеңесін", "Еуропа Кеңесінде"],
         "еуропа кеңес"),
        (["Қазақстан", "Қазақстанның", "Қазақстанмен", "Қазақстанға", "Қазақстаннан", "Қазақстанда"], "қазақстан"),
        (["Еуропалық Одақ", "Еуропалық Одаққа", "Еуропалық Одақтың", "Еуропалық Одағы", "Еуропалық Одақпен"],
         "еуропалық одақ"),
        (["алпауыт мемлекет", "алпауыт мемлекеттер", "алпауыт мемлекеттермен", "алпауыт мемлекеттердің"],
         "алпауыт мемлекет"),
        (["министрлік", "министрлігі", "министрлігінің"], "министрлік"),
        (["комиссия", "комиссиясы", "комиссиясының"], "комиссия"),
        (["құқық", "құқықтары", "құқықтарының"], "құқық"),
        (["референдум", "референдумда", "референдумға"], "референдум"),
        (["ел", "елдер", "елдеріміздің"], "ел"),
    ],
)
def test_kazakh_forms_share_a_stem(forms: list[str], expected: str) -> None:
    assert {normalise(form, "kk") for form in forms} == {expected}


def test_kazakh_stripping_respects_vowel_harmony_consonants_and_minimum_stem() -> None:
    assert kk_stems("еуропаге") == {"еуропаге"}  # front ending on a back-vowel stem: not a dative
    assert kk_stems("одақға") == {"одақға"}  # -ға after voiceless қ: the dative would be -қа
    assert kk_stems("қазақстан") == {"қазақстан"}  # -стан names keep their "ablative"
    assert kk_stems("ала") == {"ала"}  # too short to be ал + -а
    assert "еуропалық" not in kk_stems("еуропа") and kk_stem("Еуропалық") == "еуропалық"  # -лық derives, stays
    assert kk_stems("теңге", dictionary_form=True) == {"теңге"}  # a term is not read as тең + dative


def test_kazakh_endings_after_a_hyphenated_acronym_are_cut() -> None:
    assert all(is_kk_suffix_chain(s) for s in ("дағы", "ға", "ның", "нің", "тың", "дан", "лары", "ында"))
    assert not any(is_kk_suffix_chain(s) for s in ("бала", "ресей", "2050"))
    tokens = tokenize("БҰҰ-дағы орны, ЕҚЫҰ-ға және Нұр-Сұлтан", "kk")
    assert [(t.core, t.start, t.end) for t in tokens] == [
        ("БҰҰ", 0, 8), ("орны", 9, 13), ("ЕҚЫҰ", 15, 22), ("және", 23, 27), ("Нұр-Сұлтан", 28, 38),
    ]
    assert [t.hard_before for t in tokens] == [False, False, True, False, False]


def test_english_normalisation() -> None:
    words = "powers policies Kazakhstan’s organisations programme centres defence labour process crisis"
    assert [en_normalise(w) for w in words.split()] == [
        "power", "policy", "kazakhstan", "organization", "program", "center", "defense", "labor", "process", "crisis",
    ]
    assert en_normalise("co-operation") == en_normalise("cooperation")


def test_acronyms_match_case_sensitively_words_in_capitals_still_match() -> None:
    assert "#US" in token_keys("US", "en") and "#US" not in token_keys("us", "en")
    assert token_keys("US", "en", in_term=True) == {"#US"}
    assert "kazakhstan" in token_keys("KAZAKHSTAN", "en")
    assert is_acronym("ЕврАзЭС") and is_acronym("CoE") and not is_acronym("McDonald") and not is_acronym("Нұр-Сұлтан")


# --- matching --------------------------------------------------------------------------------

SMALL = tb(
    ("eu", [("en", "European Union", "preferred"), ("en", "EU", "preferred"), ("kk", "Еуропалық Одақ", "preferred")]),
    ("council-eu", [("en", "Council of the European Union", "preferred"),
                    ("kk", "Еуропалық Одақ Кеңесі", "preferred")]),
    ("coe", [("kk", "Еуропа Кеңесі", "preferred"), ("kk", "Еуропалық Кеңес", "deprecated")]),
    ("euco", [("kk", "Еуропалық Кеңес", "preferred"), ("kk", "Еуропа Кеңесі", "deprecated")]),
    ("us", [("en", "United States", "preferred"), ("en", "US", "preferred")]),
    ("odihr", [("ru", "БДИПЧ", "preferred"), ("ru", "БДИПЧ ОБСЕ", "preferred")]),
    ("osce", [("ru", "ОБСЕ", "preferred")]),
)


def test_hits_carry_spans_into_the_original_sentence() -> None:
    sentence = "Ties with the EU's Council of the European Union and the European Union."
    hits = find_terms(sentence, "en", SMALL)
    assert [(h.concept_id, h.text) for h in hits] == [
        ("eu", "EU's"), ("council-eu", "Council of the European Union"), ("eu", "European Union"),
    ]
    assert all(sentence[h.start : h.end] == h.text for h in hits)


def test_longest_match_wins_and_one_span_reports_every_concept_it_names() -> None:
    hits = find_terms("Еуропалық Одақ Кеңесінің шешімі мен Еуропалық Кеңестегі дау", "kk", SMALL)
    assert [(h.text, h.concept_id, h.status) for h in hits] == [
        ("Еуропалық Одақ Кеңесінің", "council-eu", "preferred"),
        ("Еуропалық Кеңестегі", "euco", "preferred"),
        ("Еуропалық Кеңестегі", "coe", "deprecated"),
    ]
    assert approved_concepts(hits) == {"council-eu", "euco"}
    assert [h.text for h in deprecated_hits(hits, "coe")] == ["Еуропалық Кеңестегі"]
    assert deprecated_hits(hits + find_terms("Еуропа Кеңесі", "kk", SMALL), "coe") == []  # approved also present


def test_a_term_does_not_span_punctuation_it_lacks() -> None:
    assert [h.concept_id for h in find_terms("как БДИПЧ, ОБСЕ и", "ru", SMALL)] == ["odihr", "osce"]
    assert [h.text for h in find_terms("наблюдатели БДИПЧ ОБСЕ", "ru", SMALL)] == ["БДИПЧ ОБСЕ"]


def test_acronym_hits_respect_case() -> None:
    assert [h.text for h in find_terms("Let us ask the US and the United States.", "en", SMALL)] == [
        "US", "United States",
    ]


def test_proper_nouns_match_capitalised_words_only(tmp_path: Path) -> None:
    termbase = load_termbase(write(tmp_path, "t.tbx", TBX_V3))
    assert [h.text for h in find_terms("в семье, в Семее и в Семей", "ru", termbase)] == ["Семее", "Семей"]


def test_unknown_language_or_empty_sentence_gives_no_hits() -> None:
    assert find_terms("European Union", "de", SMALL) == []
    assert find_terms("", "en", SMALL) == []


# --- the bundled termbase and seed 000 ---------------------------------------------------------


def test_bundled_termbase_is_large_and_trilingual(bundled: Termbase) -> None:
    assert len(bundled) >= 300
    missing = [(c.id, lang) for c in bundled for lang in ("en", "kk", "ru") if not c.approved(lang)]
    assert missing == []
    for en, kk, ru in [
        ("OSCE", "ЕҚЫҰ", "ОБСЕ"), ("UN", "БҰҰ", "ООН"), ("ODIHR", "ДИАҚБ", "БДИПЧ"), ("EU", "ЕО", "ЕС"),
        ("CIS", "ТМД", "СНГ"), ("SCO", "ШЫҰ", "ШОС"), ("EAEU", "ЕАЭО", "ЕАЭС"), ("NATO", "НАТО", "НАТО"),
        ("CSTO", "ҰҚШҰ", "ОДКБ"), ("CICA", "АӨСШК", "СВМДА"), ("WTO", "ДСҰ", "ВТО"), ("IMF", "ХВҚ", "МВФ"),
        ("EBRD", "ЕҚДБ", "ЕБРР"), ("UNDP", "БҰҰДБ", "ПРООН"), ("GDP", "ЖІӨ", "ВВП"),
    ]:
        (concept, _), = bundled.lookup(en, "en")
        assert any(t.text == kk and t.approved for t in concept.terms_in("kk")), (en, kk)
        assert any(t.text == ru and t.approved for t in concept.terms_in("ru")), (en, ru)


def test_the_three_councils_are_told_apart(bundled: Termbase) -> None:
    names = {"council-of-europe": "Еуропа Кеңесі", "european-council": "Еуропалық Кеңес",
             "council-of-the-eu": "Еуропалық Одақ Кеңесі"}
    for concept_id, name in names.items():
        concept = bundled.concept(concept_id)
        assert name in [t.text for t in concept.approved("kk")]
        others = {n for c, n in names.items() if c != concept_id}
        assert others <= {t.text for t in concept.deprecated("kk")}


def _abstract(lines: list[str], first: int, last: int) -> str:
    return " ".join(lines[first - 1 : last])


def test_seed_000_terms_are_found_in_every_language(bundled: Termbase) -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    en = find_terms(lines[9], "en", bundled)
    kk = find_terms(_abstract(lines, 18, 20), "kk", bundled)
    ru = find_terms(_abstract(lines, 28, 32), "ru", bundled)

    def found(hits: list, text: str) -> set[tuple[str, str]]:
        return {(h.concept_id, h.status) for h in hits if h.text == text}

    assert found(en, "great powers") == {("great-power", "preferred")}
    assert ("great-power", "deprecated") in found(ru, "супердержавы")
    assert found(kk, "алпауыт мемлекеттермен") == {("great-power", "preferred")}
    assert found(en, "Council of Europe") == {("council-of-europe", "preferred")}
    assert {("council-of-europe", "deprecated"), ("european-council", "preferred")} <= found(kk, "Еуропалық Кеңес")
    assert ("council-of-europe", "preferred") in found(ru, "Совет Европы")
    for hits, forms in [
        (en, {"ODIHR": "odihr", "OSCE": "osce", "UN": "united-nations", "Kazakhstan's": "kazakhstan"}),
        (kk, {"ДИАҚБ": "odihr", "ЕҚЫҰ": "osce", "БҰҰ-дағы": "united-nations", "Қазақстанның": "kazakhstan",
              "Қазақстанмен": "kazakhstan"}),
        (ru, {"БДИПЧ": "odihr", "ОБСЕ": "osce", "ООН": "united-nations", "Казахстаном": "kazakhstan"}),
    ]:
        for text, concept_id in forms.items():
            assert found(hits, text) == {(concept_id, "preferred")}, text


def test_seed_000_yields_exactly_the_two_known_term_errors(bundled: Termbase) -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    english = approved_concepts(find_terms(lines[9], "en", bundled))
    errors = set()
    for lang, text in (("kk", _abstract(lines, 18, 20)), ("ru", _abstract(lines, 28, 32))):
        hits = find_terms(text, lang, bundled)
        errors |= {(lang, c, h.text) for c in english for h in deprecated_hits(hits, c)}
    assert errors == {("ru", "great-power", "супердержавы"), ("kk", "council-of-europe", "Еуропалық Кеңес")}


TBX_CROSS_REFERENCE = """<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <text><body>
    <conceptEntry id="eu"><langSec xml:lang="en"><termSec><term>European Union</term></termSec></langSec>
    </conceptEntry>
    <conceptEntry id="brexit">
      <ref type="crossReference" target="eu">European Union</ref>
      <langSec xml:lang="en"><termSec><term>Brexit</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""


def test_tbx_cross_references_say_what_a_concept_mentions(tmp_path: Path) -> None:
    termbase = load_termbase(write(tmp_path, "x.tbx", TBX_CROSS_REFERENCE))
    assert termbase.concept("brexit").mentions == ("eu",)
    assert termbase.concept("eu").mentions == ()
    again = read_tbx("again.tbx", tbx_bytes(termbase))
    assert again.concept("brexit").mentions == ("eu",)
    merged = termbase.merged(tb(("brexit", [("ru", "Брексит", "preferred")])))
    assert merged.concept("brexit").mentions == ("eu",)


def test_bundled_national_fund_needs_its_whole_name(bundled: Termbase) -> None:
    assert [h.concept_id for h in find_terms("Национального фонда Шотландии", "ru", bundled)] == []
    assert [h.concept_id for h in find_terms("Национального фонда Республики Казахстан", "ru", bundled)] == [
        "national-fund-kz"
    ]


def test_the_termbase_readme_states_the_bundled_termbase_size() -> None:
    from pathlib import Path

    from align.terms import bundled_termbase_path, load_termbases

    termbase = load_termbases([bundled_termbase_path()])
    readme = (Path(__file__).resolve().parents[1] / "corpora" / "termbases" / "README.md").read_text(encoding="utf-8")
    counts = ", ".join(f"{termbase.count_terms(lang):,} {lang.upper()}" for lang in ("en", "kk", "ru"))
    stated = f"{len(termbase.concepts)} concepts, {termbase.count_terms():,} terms ({counts})"
    assert stated in readme
