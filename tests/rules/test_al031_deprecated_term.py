from dataclasses import replace
from pathlib import Path

from align.rules import Context
from align.rules.al030_organisation_mismatch import OrganisationMismatch
from align.rules.al031_deprecated_term import DeprecatedTerm
from align.terms import Concept, Term, Termbase
from tests.rules.manuscript import context_of, manuscript

SEED = Path(__file__).resolve().parents[2] / "corpora" / "samples" / "000_0f8b6cd7f140dd0a.txt"

EN = [
    "This article examines the relations of Kazakhstan with the Council of Europe and the OSCE.",
    "The author argues that cooperation with the great powers remains a priority of Kazakhstan's foreign policy.",
    "The study draws on the documents of the Venice Commission.",
]
KK = [
    "Мақалада Қазақстанның Еуропа Кеңесімен және ЕҚЫҰ-мен қарым-қатынасы қарастырылады.",
    "Автор алпауыт мемлекеттермен ынтымақтастық Қазақстанның сыртқы саясатының басымдығы болып қала беретінін "
    "дәлелдейді.",
    "Зерттеу Венеция комиссиясының құжаттарына сүйенеді.",
]
RU = [
    "В статье рассматриваются отношения Казахстана с Советом Европы и ОБСЕ.",
    "Автор доказывает, что сотрудничество с великими державами остаётся приоритетом внешней политики Казахстана.",
    "Исследование опирается на документы Венецианской комиссии.",
]


def context(tmp_path: Path, **abstracts: list[str]) -> Context:
    """Abstracts only: without titles and keywords the aligner has half the work (tests stay fast)."""
    empty = dict.fromkeys(abstracts, "")
    text = manuscript({lang: " ".join(lines) for lang, lines in abstracts.items()}, titles=empty, keywords=empty)
    return context_of(tmp_path, text)


def check(ctx: Context) -> list:
    return list(DeprecatedTerm().check(ctx))


def assert_spans_point_at_evidence(ctx: Context, finding) -> None:
    for span in finding.spans:
        assert ctx.block(span.lang, finding.role).text[span.start : span.end] == span.text
        assert span.text == finding.evidence[span.lang]


def test_approved_terms_pass(tmp_path: Path) -> None:
    assert check(context(tmp_path, en=EN, kk=KK, ru=RU)) == []


def test_kazakh_name_of_another_council_is_reported_against_english(tmp_path: Path) -> None:
    kk = [KK[0].replace("Еуропа Кеңесімен", "Еуропалық Кеңеспен"), *KK[1:]]
    ctx = context(tmp_path, en=EN, kk=kk, ru=RU)
    (finding,) = check(ctx)
    assert finding.langs == ("en", "kk") and finding.role == "abstract"
    assert finding.evidence == {"en": "Council of Europe", "kk": "Еуропалық Кеңеспен"}
    assert finding.sentences == {"en": (0,), "kk": (0,)}
    assert finding.suggestion == "Еуропа Кеңесі"
    assert "Kazakh" in finding.message and "Council of Europe" in finding.message
    assert_spans_point_at_evidence(ctx, finding)


def test_russian_superpower_for_great_power_suggests_the_approved_term_in_its_form(tmp_path: Path) -> None:
    ru = [RU[0], RU[1].replace("с великими державами", "со сверхдержавами"), RU[2]]
    ctx = context(tmp_path, en=EN, kk=KK, ru=ru)
    (finding,) = check(ctx)
    assert finding.langs == ("en", "ru")
    assert finding.evidence == {"en": "great powers", "ru": "сверхдержавами"}
    assert finding.suggestion == "великими державами"
    assert finding.sentences == {"en": (1,), "ru": (1,)}
    assert_spans_point_at_evidence(ctx, finding)


def test_russian_acronym_in_kazakh_text_suggests_the_kazakh_acronym(tmp_path: Path) -> None:
    kk = [KK[0].replace("ЕҚЫҰ-мен", "ОБСЕ-мен"), *KK[1:]]
    (finding,) = check(context(tmp_path, en=EN, kk=kk, ru=RU))
    assert finding.evidence == {"en": "OSCE", "kk": "ОБСЕ-мен"} and finding.suggestion == "ЕҚЫҰ"


def test_kazakh_and_russian_are_not_compared_with_each_other(tmp_path: Path) -> None:
    # Without English there is no pivot: KK "Еуропалық Кеңес" against RU "Совет Европы" is not judged.
    kk = [KK[0].replace("Еуропа Кеңесімен", "Еуропалық Кеңеспен"), *KK[1:]]
    assert check(context(tmp_path, kk=kk, ru=RU)) == []


def test_a_sentence_without_english_counterpart_is_skipped(tmp_path: Path) -> None:
    en = EN[1:]  # the first sentence exists in Kazakh and Russian only (AL010's finding)
    kk = [KK[0].replace("Еуропа Кеңесімен", "Еуропалық Кеңеспен"), *KK[1:]]
    assert check(context(tmp_path, en=en, kk=kk, ru=RU)) == []


def test_a_name_english_also_uses_for_the_other_body_is_not_reported(tmp_path: Path) -> None:
    en = ["The Council of Europe and the European Council differ in membership and tasks."]
    kk = ["Еуропа Кеңесі мен Еуропалық Кеңестің мүшелері мен міндеттері әртүрлі."]
    ru = ["Совет Европы и Европейский совет различаются по составу и задачам."]
    assert check(context(tmp_path, en=en, kk=kk, ru=ru)) == []


def test_titles_are_checked_too(tmp_path: Path) -> None:
    text = manuscript(
        {"en": " ".join(EN), "kk": " ".join(KK), "ru": " ".join(RU)},
        titles={
            "kk": "ҚАЗАҚСТАН ЖӘНЕ ЕУРОПАЛЫҚ КЕҢЕС",
            "en": "KAZAKHSTAN AND THE COUNCIL OF EUROPE",
            "ru": "КАЗАХСТАН И СОВЕТ ЕВРОПЫ",
        },
    )
    (finding,) = check(context_of(tmp_path, text))
    assert finding.role == "title" and finding.evidence["kk"] == "ЕУРОПАЛЫҚ КЕҢЕС"
    assert finding.suggestion == "Еуропа Кеңесі"


def test_the_context_termbase_replaces_the_bundled_one(tmp_path: Path) -> None:
    soft_power = Concept(
        "soft-power",
        (Term("soft power", "en"), Term("мягкая сила", "ru"), Term("мягкая власть", "ru", "deprecated")),
    )
    en = ["Kazakhstan uses soft power in Central Asia."]
    ru = ["Казахстан использует мягкую власть в Центральной Азии."]
    ctx = context(tmp_path, en=en, ru=ru)
    assert check(ctx) == []  # the bundled termbase does not list the concept
    (finding,) = check(replace(ctx, termbase=Termbase([soft_power])))
    assert finding.evidence == {"en": "soft power", "ru": "мягкую власть"}
    assert finding.suggestion == "мягкую силу"


def test_seed_000_yields_exactly_its_two_known_term_errors(tmp_path: Path) -> None:
    ctx = context_of(tmp_path, SEED.read_text(encoding="utf-8"), name="seed.md")
    findings = [*OrganisationMismatch().check(ctx), *DeprecatedTerm().check(ctx)]
    assert sorted((f.rule, f.langs, dict(f.evidence), f.suggestion) for f in findings) == [
        ("AL031", ("en", "kk"), {"en": "Council of Europe", "kk": "Еуропалық Кеңес"}, "Еуропа Кеңесі"),
        ("AL031", ("en", "ru"), {"en": "great powers", "ru": "супердержавы"}, "великие державы"),
    ]
    for finding in findings:
        assert_spans_point_at_evidence(ctx, finding)


def test_russian_names_and_calques_of_countries_are_reported(tmp_path: Path) -> None:
    en = ["The article compares the policies of China and the United States towards Kazakhstan."]
    kk = ["Мақалада Қытай мен АҚШ-тың Қазақстанға қатысты саясаты салыстырылады."]
    ru = ["В статье сравнивается политика Китая и Соединённых Штатов в отношении Казахстана."]
    assert check(context(tmp_path, en=en, kk=kk, ru=ru)) == []
    kk = ["Мақалада Китай мен АҚШ-тың Қазақстанға қатысты саясаты салыстырылады."]
    ru = ["В статье сравнивается политика Китая и Объединённых Штатов в отношении Казахстана."]
    findings = check(context(tmp_path, en=en, kk=kk, ru=ru))
    suggested = sorted((f.langs[-1], f.suggestion) for f in findings)
    assert suggested == [("kk", "Қытай"), ("ru", "Соединённые Штаты Америки")]
