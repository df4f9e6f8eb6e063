from pathlib import Path

import pytest

from align.rules.al012_length_ratio import LengthRatio
from align.rules.lengths import length_z
from tests.rules.manuscript import context_of, manuscript, run
from tests.rules.structure_texts import EN, KK, RU, abstracts

# Far enough from a translation's length to be reported, near enough for the aligner to keep the
# pair 1:1 (a sentence cut to a few words is left unaligned instead, which AL010 reports).
TRUNCATED_RU = "Сельские студенты мало практикуют английский."
EXTENDED_KK = (
    "Авторлар оқытушыларды даярлау және екі тілді оқулықтар әзірлеу бойынша шаралар ұсынады, сондай-ақ "
    "ауыл мектептеріне арналған грант бағдарламасын қаржыландыруды талап етеді."
)


def test_complete_translations_pass(tmp_path: Path) -> None:
    assert run(LengthRatio, tmp_path, abstracts()) == []


def test_truncated_russian_sentence(tmp_path: Path) -> None:
    context = context_of(tmp_path, manuscript(abstracts(ru=[*RU[:3], TRUNCATED_RU, *RU[4:]])))
    (finding,) = LengthRatio().check(context)
    assert finding.langs == ("ru", "en", "kk")
    assert finding.sentences == {"ru": (3,), "en": (3,), "kk": (3,)}
    assert "Russian sentence is much shorter than its English and Kazakh counterparts" in finding.message
    (span,) = finding.spans
    assert context.block("ru", "abstract").text[span.start : span.end] == TRUNCATED_RU


def test_extended_kazakh_sentence(tmp_path: Path) -> None:
    findings = run(LengthRatio, tmp_path, abstracts(kk=[*KK[:4], EXTENDED_KK]))
    assert [(f.langs, f.sentences) for f in findings] == [(("kk", "en", "ru"), {"kk": (4,), "en": (4,), "ru": (4,)})]
    assert "much longer" in findings[0].message


def test_short_sentences_are_not_judged(tmp_path: Path) -> None:
    en = [*EN, "Trade."]
    kk = [*KK, "Сауда екі ел үшін де өте маңызды."]
    ru = [*RU, "Торговля очень важна для обеих стран."]
    assert length_z(len(en[-1]), len(ru[-1]), "en", "ru") > 3  # far out, but under 40 characters
    assert run(LengthRatio, tmp_path, abstracts(en=en, kk=kk, ru=ru)) == []


def test_length_model_is_symmetric() -> None:
    assert length_z(100, 111, "en", "ru") == pytest.approx(-length_z(111, 100, "ru", "en"))
    assert abs(length_z(100, 111, "en", "ru")) < 0.1  # Russian runs about 11 % longer than English
