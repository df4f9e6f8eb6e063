from pathlib import Path

from align.rules.al002_label_language import LabelLanguageMismatch
from tests.rules.manuscript import context_of

RU = "В статье изучается сотрудничество Казахстана и Европы. Важнее всего торговля."
KK = "Мақалада Қазақстан мен Еуропаның ынтымақтастығы зерттеледі. Сауданың маңызы зор."


def test_russian_abstract_under_english_label(tmp_path: Path) -> None:
    findings = list(LabelLanguageMismatch().check(context_of(tmp_path, f"Abstract. {RU}\n")))
    assert len(findings) == 1
    assert findings[0].langs == ("ru",)
    assert "English label 'Abstract'" in findings[0].message and "Russian" in findings[0].message


def test_kazakh_abstract_under_russian_label(tmp_path: Path) -> None:
    findings = list(LabelLanguageMismatch().check(context_of(tmp_path, f"Аннотация. {KK}\n")))
    assert [f.langs for f in findings] == [("kk",)]


def test_labels_in_their_own_language_pass(tmp_path: Path) -> None:
    text = f"Аңдатпа. {KK}\n\nАннотация. {RU}\n"
    assert list(LabelLanguageMismatch().check(context_of(tmp_path, text))) == []
