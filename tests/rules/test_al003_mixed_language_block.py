from pathlib import Path

from align.rules.al003_mixed_language_block import MixedLanguageBlock
from tests.rules.manuscript import context_of, manuscript, run
from tests.rules.structure_texts import EN, KK, RU, abstracts

ENGLISH_ADDITION = "The findings were discussed with the Ministry of Education in the spring of 2023."
KAZAKH_ADDITION = "Зерттеу нәтижелері 2023 жылы Білім және ғылым министрлігінде талқыланды."


def test_complete_translations_pass(tmp_path: Path) -> None:
    assert run(MixedLanguageBlock, tmp_path, abstracts()) == []


def test_english_sentence_inside_kazakh_abstract(tmp_path: Path) -> None:
    kk = [*KK[:3], ENGLISH_ADDITION, *KK[3:]]
    context = context_of(tmp_path, manuscript(abstracts(kk=kk)))
    (finding,) = MixedLanguageBlock().check(context)
    assert finding.langs == ("kk", "en")
    assert finding.sentences == {"kk": (3,)}
    assert "English sentence inside the Kazakh abstract" in finding.message
    (span,) = finding.spans
    assert context.block("kk", "abstract").text[span.start : span.end] == ENGLISH_ADDITION


def test_kazakh_sentence_inside_russian_abstract(tmp_path: Path) -> None:
    ru = [*RU[:1], KAZAKH_ADDITION, *RU[1:]]
    findings = run(MixedLanguageBlock, tmp_path, abstracts(ru=ru))
    assert [(f.langs, f.sentences, f.evidence["ru"]) for f in findings] == [
        (("ru", "kk"), {"ru": (1,)}, KAZAKH_ADDITION)
    ]


def test_names_acronyms_and_short_sentences_do_not_flip(tmp_path: Path) -> None:
    ru = [
        *RU,
        "Данные обработаны в пакете IBM SPSS Statistics, надежность шкал проверена по Cronbach's alpha.",
        "See Table 2.",
    ]
    kk = [*KK, "Деректер IBM SPSS Statistics бағдарламасында өңделді."]
    assert run(MixedLanguageBlock, tmp_path, abstracts(ru=ru, kk=kk)) == []


def test_copied_sentence_is_left_to_untranslated_copy(tmp_path: Path) -> None:
    kk = [*KK[:2], EN[2], *KK[3:]]
    assert run(MixedLanguageBlock, tmp_path, abstracts(kk=kk)) == []


def test_block_wholly_in_another_language_is_not_a_mixture(tmp_path: Path) -> None:
    assert run(MixedLanguageBlock, tmp_path, abstracts(kk=RU[:2] + RU[3:])) == []
