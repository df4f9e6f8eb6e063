from pathlib import Path

from align.rules.al010_omitted_sentence import OmittedSentence
from tests.rules.manuscript import run

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
