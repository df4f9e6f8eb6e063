from pathlib import Path

from align.aligner import TriAlignment, Triple
from align.api import RoleAlignment
from align.rules import Context
from align.rules.al010_omitted_sentence import OmittedSentence, joined_fits
from tests.rules.manuscript import context_of, manuscript, run

EN = [
    "This article studies cooperation between Kazakhstan and the European Union.",
    "The author relies on interviews with forty diplomats in Astana and Brussels.",
    "The study covers the years from 2015 to 2020.",
    "Trade and energy turn out to matter most.",
    "Political reform is the slowest area of cooperation.",
]
KK = [
    "Мақалада Қазақстан мен Еуропалық Одақтың ынтымақтастығы зерттеледі.",
    "Автор Астана мен Брюссельдегі қырық дипломатпен сұхбатқа сүйенеді.",
    "Зерттеу 2015 жылдан 2020 жылға дейінгі кезеңді қамтиды.",
    "Сауда мен энергетика ең маңызды болып шықты.",
    "Саяси реформа ынтымақтастықтың ең баяу саласы болып табылады.",
]
RU = [
    "В статье изучается сотрудничество Казахстана и Европейского Союза.",
    "Автор опирается на интервью с сорока дипломатами в Астане и Брюсселе.",
    "Исследование охватывает период с 2015 по 2020 год.",
    "Важнее всего оказываются торговля и энергетика.",
    "Политические реформы — самая медленная область сотрудничества.",
]


def test_complete_translations_pass(tmp_path: Path) -> None:
    assert run(OmittedSentence, tmp_path, {"en": " ".join(EN), "kk": " ".join(KK), "ru": " ".join(RU)}) == []


def test_sentence_missing_in_russian(tmp_path: Path) -> None:
    ru = RU[:2] + RU[3:]
    findings = run(OmittedSentence, tmp_path, {"en": " ".join(EN), "kk": " ".join(KK), "ru": " ".join(ru)})
    assert len(findings) == 1
    (finding,) = findings
    assert finding.sentences == {"en": (2,), "kk": (2,)}
    assert "Russian" in finding.message
    assert finding.evidence["en"] == EN[2]


def test_sentence_added_in_kazakh(tmp_path: Path) -> None:
    en = EN[:3] + EN[4:]
    ru = RU[:3] + RU[4:]
    findings = run(OmittedSentence, tmp_path, {"en": " ".join(en), "kk": " ".join(KK), "ru": " ".join(ru)})
    assert [(f.sentences, f.langs) for f in findings] == [({"kk": (3,)}, ("kk", "en", "ru"))]


def _with_triples(context: Context, triples: list[tuple[tuple[int, ...], ...]]) -> Context:
    """``context`` as if the aligner had linked the abstracts by ``triples`` of (en, kk, ru) indices."""
    segments = context.alignments["abstract"].segments
    alignment = TriAlignment(pairs={}, triples=[Triple(en, kk, ru, 0.9) for en, kk, ru in triples])
    return Context(context.detection, {"abstract": RoleAlignment("abstract", segments, alignment)})


# The Russian translator split the third sentence in two; the aligner left the second half alone.
RU_SPLIT = [*RU[:2], "Исследование охватывает шесть лет.", "Это годы с 2015 по 2020.", *RU[3:]]
SPLIT_TRIPLES = [((0,), (0,), (0,)), ((1,), (1,), (1,)), ((2,), (2,), (2,)), ((), (), (3,)), ((3,), (3,), (4,))]


def test_a_sentence_split_in_two_by_the_translator_passes(tmp_path: Path) -> None:
    context = context_of(tmp_path, manuscript({"en": " ".join(EN), "kk": " ".join(KK), "ru": " ".join(RU_SPLIT)}))
    triples = [*SPLIT_TRIPLES, ((4,), (4,), (5,))]
    assert list(OmittedSentence().check(_with_triples(context, triples))) == []


def test_an_added_sentence_that_no_neighbour_can_hold_is_reported(tmp_path: Path) -> None:
    added = "Кроме того, автор подробно описывает историю дипломатических отношений двух сторон начиная с девяностых."
    ru = [*RU[:2], "Исследование охватывает период с 2015 по 2020 год.", added, *RU[3:]]
    context = context_of(tmp_path, manuscript({"en": " ".join(EN), "kk": " ".join(KK), "ru": " ".join(ru)}))
    triples = [*SPLIT_TRIPLES, ((4,), (4,), (5,))]
    (finding,) = OmittedSentence().check(_with_triples(context, triples))
    assert finding.sentences == {"ru": (3,)}
    assert finding.evidence == {"ru": added}


def test_split_or_omission_by_length_and_names() -> None:
    # the second half joined to the first still has the length of the English sentence …
    assert joined_fits(
        "Это годы с 2015 по 2020.", "Исследование охватывает шесть лет.", "ru", EN[2], "en", must_improve=False
    )
    # … a sentence shared by two languages must also repair a neighbour that is too short without it
    assert not joined_fits(EN[3], EN[2], "en", RU[2], "ru", must_improve=True)
    assert joined_fits(EN[3], EN[2], "en", f"{RU[2]} {RU[3]}", "ru", must_improve=True)


def test_a_cognate_in_the_neighbours_other_side_is_support() -> None:
    beside = "Автор опирается на интервью с сорока дипломатами в Астане и Брюсселе и на архивы."
    other = "The author relies on interviews with forty diplomats and on the documents of the ministry."
    # "документы" / "documents": the lonely sentence's content is in the neighbour's English
    assert joined_fits("Он изучил документы министерства.", beside, "ru", other, "en", must_improve=True)
    assert not joined_fits("Он прочёл письма послов.", beside, "ru", other, "en", must_improve=True)


def test_a_neighbour_without_a_side_in_the_lonely_language() -> None:
    # the neighbouring link has no Russian (a 0:1 beside a 1:0): the lonely sentence alone must fit
    assert joined_fits("Исследование охватывает период с 2015 по 2020 год.", "", "ru", EN[2], "en", must_improve=True)
    assert not joined_fits("Исследование охватывает период.", "", "ru", EN[1] + " " + EN[2], "en", must_improve=True)
