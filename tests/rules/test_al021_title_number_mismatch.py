from pathlib import Path

from align.rules.al021_title_number_mismatch import TitleNumberMismatch
from tests.rules.cooperation_abstract import abstracts
from tests.rules.manuscript import run

TITLES = {
    "en": "Kazakhstan and the European Union, 1991–2021",
    "kk": "Қазақстан және Еуропалық Одақ, 1991–2021 жылдар",
    "ru": "Казахстан и Европейский союз в 1991–2021 годах",
}


def test_titles_with_the_same_period_pass(tmp_path: Path) -> None:
    assert run(TitleNumberMismatch, tmp_path, abstracts(), titles=TITLES) == []


def test_period_missing_in_kazakh_and_different_in_russian(tmp_path: Path) -> None:
    titles = {
        **TITLES,
        "kk": "Қазақстан және Еуропалық Одақ",
        "ru": "Казахстан и Европейский союз в 1991–2020 годах",
    }
    findings = run(TitleNumberMismatch, tmp_path, abstracts(), titles=titles)
    assert {tuple(sorted(f.evidence.items())) for f in findings} == {
        (("en", "1991"), ("ru", "1991")),
        (("en", "2021"), ("ru", "2020")),
    }
    assert all(f.role == "title" and "kk" in f.langs and "Kazakh" in f.message for f in findings)
    assert all(f.severity.name == "warning" for f in findings)
