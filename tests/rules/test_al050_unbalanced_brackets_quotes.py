from pathlib import Path

import pytest

from align.rules.al050_unbalanced_brackets_quotes import UnbalancedBracketsQuotes, unmatched_marks
from tests.rules.manuscript import run

EN = "The Bolashak programme (2015–2020) funded “study abroad” grants. Most graduates returned home."
KK = "«Болашақ» бағдарламасы (2015–2020 жж.) шетелде оқу гранттарын қаржыландырды. Түлектердің көбі елге оралды."
RU = "Программа «Болашак» (2015–2020 гг.) финансировала гранты на учёбу за рубежом. Многие выпускники вернулись."


def test_balanced_blocks_pass(tmp_path: Path) -> None:
    assert run(UnbalancedBracketsQuotes, tmp_path, {"en": EN, "kk": KK, "ru": RU}) == []


@pytest.mark.parametrize(
    "text",
    [
        "Рассмотрены журнал „Нива“ и газета «Правда „Востока“».",  # Russian inner quotes „…“
        "Мақалада: 1) білім беру; 2) ғылым; а) мектеп қарастырылады.",  # list markers
        "Kazakhstan’s 'soft power' and the Qazaqstan’nyń reforms (see Table 1) are discussed.",
        'The "Digital Kazakhstan" programme started in 2017.',
        "Валлий тілінде ”twp” сөзі “ақымақ“ дегенді білдіреді.",  # mixed shapes, an even count
    ],
)
def test_legitimate_marks_pass(text: str) -> None:
    assert unmatched_marks(text) == []


def test_unclosed_guillemet_in_russian_abstract(tmp_path: Path) -> None:
    ru = RU.replace("«Болашак»", "«Болашак")
    (finding,) = run(UnbalancedBracketsQuotes, tmp_path, {"en": EN, "ru": ru})
    assert finding.langs == ("ru",) and finding.role == "abstract"
    assert finding.message == "Unbalanced '«' in the Russian abstract"
    (span,) = finding.spans
    assert (span.start, span.text) == (ru.index("«"), "«")
    assert finding.sentences == {"ru": (0,)}


def test_unclosed_bracket_in_kazakh_and_odd_quotes_in_english(tmp_path: Path) -> None:
    kk = KK.replace("жж.)", "жж.")
    en = EN.replace("“study abroad”", '"study abroad')
    findings = run(UnbalancedBracketsQuotes, tmp_path, {"en": en, "kk": kk})
    assert sorted((f.langs, tuple(s.text for s in f.spans)) for f in findings) == [(("en",), ('"',)), (("kk",), ("(",))]
    kk_finding = next(f for f in findings if f.langs == ("kk",))
    assert kk_finding.spans[0].start == kk.index("(")


def test_keyword_list_and_title(tmp_path: Path) -> None:
    findings = run(
        UnbalancedBracketsQuotes,
        tmp_path,
        {"en": EN, "ru": RU},
        titles={"en": "THE BOLASHAK PROGRAMME (1993–2023", "ru": "ПРОГРАММА «БОЛАШАК» (1993–2023)"},
        keywords={"en": "Bolashak, education)", "ru": "«Болашак», образование"},
    )
    assert sorted((f.role, f.langs) for f in findings) == [("keywords", ("en",)), ("title", ("en",))]
