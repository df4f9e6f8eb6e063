from pathlib import Path

from align.aligner import TriAlignment, Triple
from align.api import RoleAlignment
from align.rules import Context, Finding, Severity
from align.rules.al010_omitted_sentence import MIN_UNITS_BEYOND, OmittedSentence, joined_fits, quotes_run_on
from align.rules.support import units_beyond
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


def _with_triples(
    context: Context, triples: list[tuple[tuple[int, ...], ...]], scores: dict[int, float] | None = None
) -> Context:
    """``context`` as if the aligner had linked the abstracts by ``triples`` of (en, kk, ru) indices,
    with confidence 0.9 or ``scores[position]``."""
    segments = context.alignments["abstract"].segments
    confidence = scores or {}
    alignment = TriAlignment(
        pairs={}, triples=[Triple(*triple, confidence.get(k, 0.9)) for k, triple in enumerate(triples)]
    )
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


# The Russian translator ran the last sentence into the one before, tersely (no length, name or
# cognate shows it); the aligner left the English and Kazakh last sentences without a Russian link.
EN_WATER = [*EN[:4], "Water and land remain the hardest questions."]
KK_WATER = [*KK[:4], "Су мен жер ең қиын мәселелер болып қала береді."]
RU_MERGED = [*RU[:3], "Главное — торговля и энергетика, труднее всего — вопросы воды и земли."]
MERGED_TRIPLES = [((0,), (0,), (0,)), ((1,), (1,), (1,)), ((2,), (2,), (2,)), ((3,), (3,), (3,)), ((4,), (4,), ())]


def _merged_context(tmp_path: Path) -> Context:
    abstracts = {"en": " ".join(EN_WATER), "kk": " ".join(KK_WATER), "ru": " ".join(RU_MERGED)}
    return context_of(tmp_path, manuscript(abstracts))


def test_a_sentence_merged_into_a_trusted_neighbour_passes(tmp_path: Path) -> None:
    assert list(OmittedSentence().check(_with_triples(_merged_context(tmp_path), MERGED_TRIPLES))) == []


def test_a_doubtful_neighbour_does_not_hold_a_merged_sentence(tmp_path: Path) -> None:
    (finding,) = OmittedSentence().check(_with_triples(_merged_context(tmp_path), MERGED_TRIPLES, {3: 0.3}))
    assert finding.sentences == {"en": (4,), "kk": (4,)}
    assert finding.severity == Severity.error


def test_what_a_merge_brings_to_the_neighbours_other_side() -> None:
    # English–Russian: water, land, question are in the merged Russian, not in the English beside it
    assert not joined_fits(EN_WATER[4], EN[3], "en", RU_MERGED[3], "ru", must_improve=True)
    assert units_beyond(EN_WATER[4], "en", EN[3], RU_MERGED[3], "ru")[0] >= MIN_UNITS_BEYOND
    assert units_beyond(EN_WATER[4], "en", EN[3], RU[3], "ru")[0] == 0
    # Kazakh–English: the English translator merged the same way
    merged_en = "Trade and energy matter most, water and land are hardest."
    assert units_beyond(KK_WATER[4], "kk", KK[3], merged_en, "en")[0] >= MIN_UNITS_BEYOND
    assert units_beyond(KK_WATER[4], "kk", KK[3], EN[3], "en")[0] < MIN_UNITS_BEYOND


# The Kazakh translator ran a short remark into the next sentence; all it says (history, moment) is there.
EN_REMARK = [*EN[:4], "It is a historical moment.", EN[4]]
RU_REMARK = [*RU[:4], "Это исторический момент.", RU[4]]
KK_REMARK = [*KK[:4], "Бұл – тарихи сәт: саяси реформа ынтымақтастықтың ең баяу саласы болып табылады."]
REMARK_TRIPLES = [*MERGED_TRIPLES[:4], ((4,), (), (4,)), ((5,), (4,), (5,))]


def test_a_short_remark_whose_every_word_is_in_the_neighbour_passes(tmp_path: Path) -> None:
    abstracts = {"en": " ".join(EN_REMARK), "kk": " ".join(KK_REMARK), "ru": " ".join(RU_REMARK)}
    context = context_of(tmp_path, manuscript(abstracts))
    assert list(OmittedSentence().check(_with_triples(context, REMARK_TRIPLES))) == []
    # without the remark in the Kazakh, it is an omission
    abstracts["kk"] = " ".join([*KK[:4], KK[4]])
    context = context_of(tmp_path, manuscript(abstracts))
    (finding,) = OmittedSentence().check(_with_triples(context, REMARK_TRIPLES))
    assert finding.sentences == {"en": (4,), "ru": (4,)}


# A short sentence left out of the Russian abstract.
EN_SHORT = [*EN[:4], "The results are robust.", EN[4]]
KK_SHORT = [*KK[:4], "Нәтижелер сенімді.", KK[4]]
SHORT_TRIPLES = [*MERGED_TRIPLES[:4], ((4,), (4,), ()), ((5,), (5,), (4,))]


def test_a_short_omission_the_aligner_doubts_is_a_warning(tmp_path: Path) -> None:
    abstracts = {"en": " ".join(EN_SHORT), "kk": " ".join(KK_SHORT), "ru": " ".join(RU)}
    context = context_of(tmp_path, manuscript(abstracts))
    (confident,) = OmittedSentence().check(_with_triples(context, SHORT_TRIPLES))
    assert confident.severity == Severity.error
    assert confident.message == "English sentence has no Russian counterpart"
    (doubtful,) = OmittedSentence().check(_with_triples(context, SHORT_TRIPLES, {4: 0.5}))
    assert doubtful.severity == Severity.warning
    assert doubtful.message == "English sentence possibly has no Russian counterpart"
    assert doubtful.sentences == confident.sentences == {"en": (4,), "kk": (4,)}


def test_a_whole_sentence_deleted_stays_an_error_even_when_the_aligner_doubts(tmp_path: Path) -> None:
    ru = RU[:2] + RU[3:]
    context = context_of(tmp_path, manuscript({"en": " ".join(EN), "kk": " ".join(KK), "ru": " ".join(ru)}))
    triples = [((0,), (0,), (0,)), ((1,), (1,), (1,)), ((2,), (2,), ()), ((3,), (3,), (2,)), ((4,), (4,), (3,))]
    (finding,) = OmittedSentence().check(_with_triples(context, triples, {2: 0.5}))
    assert finding.severity == Severity.error


def _fragment_findings(tmp_path: Path, quote: bool) -> list[Finding]:
    """English and Russian end a quotation with a reply of its own; the Kazakh runs the reply into it."""
    marks = ('"', '"', "«", "»", "“", "”") if quote else ("",) * 6
    en = [*EN[:4], f"{marks[0]}Trade comes first.", f"Of course.{marks[1]}"]
    ru = [*RU[:4], f"{marks[2]}Торговля на первом месте.", f"Конечно.{marks[3]}"]
    kk = [*KK[:4], f"{marks[4]}Сауда, әрине, бірінші орында.{marks[5]}"]
    context = context_of(tmp_path, manuscript({"en": " ".join(en), "kk": " ".join(kk), "ru": " ".join(ru)}))
    triples = [*MERGED_TRIPLES[:4], ((4,), (4,), (4,)), ((5,), (), (5,))]
    return list(OmittedSentence().check(_with_triples(context, triples)))


def test_a_fragment_of_a_quotation_is_a_warning(tmp_path: Path) -> None:
    (finding,) = _fragment_findings(tmp_path, quote=True)
    assert finding.sentences == {"en": (5,), "ru": (5,)}
    assert finding.severity == Severity.warning
    # the same short sentence outside a quotation is an omission
    (unquoted,) = _fragment_findings(tmp_path, quote=False)
    assert unquoted.sentences == finding.sentences
    assert unquoted.severity == Severity.error


def test_quotations_that_run_on() -> None:
    assert quotes_run_on("”Әрине.")
    assert quotes_run_on('На самом деле я рассержена".')
    assert not quotes_run_on('"It is a historical moment."')  # a whole quotation
    assert not quotes_run_on("«Это исторический момент».")
    assert not quotes_run_on("Results are robust.")
