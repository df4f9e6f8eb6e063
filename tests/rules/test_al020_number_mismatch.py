from pathlib import Path

from align.model import Sentence
from align.rules.al020_number_mismatch import NumberMismatch, merge_substitutions, number_groups
from tests.rules.cooperation_abstract import EN, KK, RU, abstracts, replaced
from tests.rules.manuscript import run

EN_PLAIN, KK_PLAIN, RU_PLAIN = EN[3:], KK[3:], RU[3:]


def sentence(text: str) -> list[Sentence]:
    return [Sentence(text, 0, len(text), 1)]


def test_same_numbers_in_other_notations_pass(tmp_path: Path) -> None:
    # 1,200 / 1 200, 34% / 34%-дан / 34 %, and "twelve" / "он екі" / "двенадцати" in words
    assert run(NumberMismatch, tmp_path, abstracts()) == []


def test_a_different_number_and_a_year_missing_from_two_languages(tmp_path: Path) -> None:
    kk = replaced(KK, 2, KK[2].replace("2019 жылы ", ""))
    ru = replaced(RU, 2, RU[2].replace(" 2019 года", "").replace("1 200", "1 020"))
    findings = run(NumberMismatch, tmp_path, abstracts(kk=kk, ru=ru))
    assert [f.evidence for f in findings] == [{"en": "1,200", "kk": "1 200", "ru": "1 020"}, {"en": "2019"}]
    different, missing = findings
    assert different.sentences == {"en": (2,), "kk": (2,), "ru": (2,)}
    assert "Russian 1 020" in different.message
    assert [(s.lang, s.text) for s in different.spans] == [("en", "1,200"), ("kk", "1 200"), ("ru", "1 020")]
    # one finding for the year, naming both languages that lack it, not one per language pair
    assert missing.langs == ("en", "kk", "ru")
    assert "missing from the Kazakh and Russian sentences" in missing.message
    assert [(s.lang, s.text) for s in missing.spans] == [("en", "2019")]


def test_kazakh_and_russian_pair_without_english() -> None:
    groups = number_groups({"kk": sentence("Зерттеу 1991–2021 жылдарды қамтиды."), "ru": sentence(
        "Исследование охватывает 1991–2020 годы.")})
    (group,) = merge_substitutions(groups)
    assert group.substituted
    assert {lang: [m.text for m in found] for lang, found in group.mentions.items()} == {
        "kk": ["2021"], "ru": ["2020"]}


def test_number_words_alone_never_differ() -> None:
    groups = number_groups({"en": sentence("The reform had three stages."), "ru": sentence(
        "Реформа прошла в два этапа.")})
    assert groups == []


def test_numbers_of_another_unit_are_not_a_substitution() -> None:
    groups = number_groups({"en": sentence("Turnout was 45% in 2015."), "kk": sentence(
        "2016 жылы 45% болды.")})
    merged = merge_substitutions(groups)
    assert [sorted(g.mentions) for g in merged] == [["en", "kk"]]
    assert [m.text for m in merged[0].mentions["en"]] == ["2015"]


def test_a_season_code_spelled_out_as_its_year(tmp_path: Path) -> None:
    # "SS19" (spring/summer 2019) is a code, not a number, but it names the year the Kazakh spells out
    en = [*EN_PLAIN, "Valentino showed hats for the SS19 collection."]
    kk = [*KK_PLAIN, "Валентино 2019 жылдық жаз топтамасына арналған қалпақтарды көрсетті."]
    ru = [*RU_PLAIN, "Valentino показал шляпы коллекции SS19."]
    assert run(NumberMismatch, tmp_path, abstracts(en, kk, ru)) == []
    kk[-1] = kk[-1].replace("2019", "2018")
    (finding,) = run(NumberMismatch, tmp_path, abstracts(en, kk, ru))
    assert finding.evidence == {"kk": "2018"}
