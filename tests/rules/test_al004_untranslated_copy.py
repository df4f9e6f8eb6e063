from pathlib import Path

from align.rules import Severity
from align.rules.al004_untranslated_copy import UntranslatedCopy
from tests.rules.manuscript import context_of, manuscript, run
from tests.rules.structure_texts import EN, KK, RU, abstracts


def test_complete_translations_pass(tmp_path: Path) -> None:
    assert run(UntranslatedCopy, tmp_path, abstracts()) == []


def test_english_sentence_copied_into_russian(tmp_path: Path) -> None:
    context = context_of(tmp_path, manuscript(abstracts(ru=[*RU[:2], EN[2], *RU[3:]])))
    (finding,) = UntranslatedCopy().check(context)
    assert finding.severity is Severity.error
    assert finding.langs == ("ru", "en")
    assert finding.sentences == {"ru": (2,), "en": (2,)}
    assert finding.evidence == {"ru": EN[2], "en": EN[2]}
    assert "Russian abstract" in finding.message and "English abstract" in finding.message
    (span,) = finding.spans
    assert context.block("ru", "abstract").text[span.start : span.end] == EN[2]


def test_kazakh_sentence_copied_into_russian_with_a_small_edit(tmp_path: Path) -> None:
    edited = KK[3].replace("Ауылдық жерлердегі", "Ауылдағы")
    findings = run(UntranslatedCopy, tmp_path, abstracts(ru=[*RU[:3], edited, *RU[4:]]))
    assert [(f.langs, f.sentences) for f in findings] == [(("ru", "kk"), {"ru": (3,), "kk": (3,)})]


def test_russian_abstract_pasted_under_kazakh_label(tmp_path: Path) -> None:
    findings = run(UntranslatedCopy, tmp_path, abstracts(kk=RU))
    assert len(findings) == 1
    assert findings[0].message.startswith("The Kazakh abstract (label 'Аңдатпа') is an untranslated copy")
    assert findings[0].message.endswith("of the Russian abstract")
    assert findings[0].langs == ("kk", "ru")


def test_shared_names_acronyms_and_numbers_are_not_copies(tmp_path: Path) -> None:
    titles = {
        "en": "COVID-19 AND ASTANA IT UNIVERSITY",
        "kk": "COVID-19 ЖӘНЕ ASTANA IT UNIVERSITY",
        "ru": "COVID-19 И ASTANA IT UNIVERSITY",
    }
    last = {"en": "ORCID 0000-0002-1825-0097.", "kk": "ORCID 0000-0002-1825-0097.", "ru": "ORCID 0000-0002-1825-0097."}
    changed = {lang: [*sentences, last[lang]] for lang, sentences in {"en": EN, "kk": KK, "ru": RU}.items()}
    keywords = dict.fromkeys(("en", "kk", "ru"), "COVID-19, SARS-CoV-2, WHO, PCR, ELISA")
    assert run(UntranslatedCopy, tmp_path, abstracts(**changed), titles=titles, keywords=keywords) == []


def test_english_keywords_pasted_under_russian_label(tmp_path: Path) -> None:
    keywords = {"ru": "trilingual education, higher education, Kazakhstan, language policy"}
    keywords["en"] = keywords["ru"]
    findings = run(UntranslatedCopy, tmp_path, abstracts(), keywords=keywords)
    assert [(f.role, f.langs) for f in findings] == [("keywords", ("ru", "en"))]
