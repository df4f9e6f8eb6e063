from pathlib import Path

from align.rules import Context
from align.rules.al030_organisation_mismatch import OrganisationMismatch
from align.rules.al031_deprecated_term import DeprecatedTerm
from tests.rules.manuscript import context_of, manuscript

EN = [
    "Kazakhstan chaired the OSCE in 2010 and hosted its summit in Astana.",
    "The article analyses the position of Kazakhstan in the United Nations.",
    "Relations with the EU are examined in the final section.",
]
KK = [
    "Қазақстан 2010 жылы ЕҚЫҰ-ға төрағалық етіп, Астанада оның саммитін өткізді.",
    "Мақалада Қазақстанның БҰҰ-дағы ұстанымы талданады.",
    "Қорытынды бөлімде Еуропалық Одақпен қарым-қатынас қарастырылады.",
]
RU = [
    "Казахстан председательствовал в ОБСЕ в 2010 году и провёл её саммит в Астане.",
    "В статье анализируется позиция Казахстана в Организации Объединённых Наций.",
    "В заключительном разделе рассматриваются отношения с Европейским союзом.",
]


def context(tmp_path: Path, **abstracts: list[str]) -> Context:
    """Abstracts only: without titles and keywords the aligner has half the work (tests stay fast)."""
    empty = dict.fromkeys(abstracts, "")
    text = manuscript({lang: " ".join(lines) for lang, lines in abstracts.items()}, titles=empty, keywords=empty)
    return context_of(tmp_path, text)


def check(ctx: Context) -> list:
    return list(OrganisationMismatch().check(ctx))


def test_acronyms_and_spelled_out_names_of_one_organisation_agree(tmp_path: Path) -> None:
    # EN "EU" ↔ KK "Еуропалық Одақ" ↔ RU "Европейский союз", UN ↔ БҰҰ ↔ "Организация Объединённых Наций"
    assert check(context(tmp_path, en=EN, kk=KK, ru=RU)) == []


def test_organisation_dropped_in_kazakh(tmp_path: Path) -> None:
    kk = ["Қазақстан 2010 жылы төрағалық етіп, Астанада саммит өткізді.", *KK[1:]]
    ctx = context(tmp_path, en=EN, kk=kk, ru=RU)
    (finding,) = check(ctx)
    assert finding.langs == ("en", "ru", "kk")
    assert finding.evidence == {"en": "OSCE", "ru": "ОБСЕ"}
    assert finding.sentences == {"en": (0,), "ru": (0,), "kk": (0,)}
    assert finding.suggestion == "ЕҚЫҰ"
    assert "Kazakh" in finding.message and "OSCE" in finding.message
    for span in finding.spans:
        assert ctx.block(span.lang, "abstract").text[span.start : span.end] == span.text


def test_organisation_dropped_in_russian(tmp_path: Path) -> None:
    ru = [RU[0], "В статье анализируется позиция Казахстана в международных делах.", RU[2]]
    (finding,) = check(context(tmp_path, en=EN, kk=KK, ru=ru))
    assert finding.langs == ("en", "kk", "ru") and finding.sentences["ru"] == (1,)
    assert finding.suggestion == "Организация Объединённых Наций"  # the kind of the first naming (full name)


def test_organisation_added_in_one_language_only(tmp_path: Path) -> None:
    ru = [RU[0], RU[1], "В заключительном разделе рассматриваются отношения с Европейским союзом и ШОС."]
    (finding,) = check(context(tmp_path, en=EN, kk=KK, ru=ru))
    assert finding.langs == ("ru", "en", "kk") and finding.evidence == {"ru": "ШОС"}
    assert finding.message.startswith("Only the Russian sentence names") and finding.suggestion is None


def test_kazakh_against_russian_without_english(tmp_path: Path) -> None:
    kk = ["Қазақстан ШЫҰ аясында Қытаймен және Ресеймен ынтымақтасады."]
    assert check(context(tmp_path, kk=kk, ru=["Казахстан сотрудничает с Китаем и Россией в рамках ШОС."])) == []
    (finding,) = check(context(tmp_path, kk=kk, ru=["Казахстан сотрудничает с Китаем и Россией."]))
    assert finding.langs == ("kk", "ru") and finding.evidence == {"kk": "ШЫҰ"} and finding.suggestion == "ШОС"


def test_a_confused_council_is_left_to_the_deprecated_term_rule(tmp_path: Path) -> None:
    en = ["Kazakhstan cooperates with ODIHR, the OSCE and the Council of Europe."]
    kk = ["Қазақстан ДИАҚБ, ЕҚЫҰ және Еуропалық Кеңеспен ынтымақтасады."]
    ru = ["Казахстан сотрудничает с БДИПЧ, ОБСЕ и Советом Европы."]
    ctx = context(tmp_path, en=en, kk=kk, ru=ru)
    assert check(ctx) == []
    assert [f.evidence for f in DeprecatedTerm().check(ctx)] == [
        {"en": "Council of Europe", "kk": "Еуропалық Кеңеспен"}
    ]


def test_a_common_word_that_spells_an_institution_is_not_its_name(tmp_path: Path) -> None:
    # KK "мәжіліс" (a meeting) is not the Мәжіліс, the lower chamber of Parliament.
    en = ["At the town meeting, the deputies discussed the new development programme."]
    kk = ["Қалалық мәжіліс кезінде депутаттар жаңа даму бағдарламасын талқылады."]
    ru = ["На городском собрании депутаты обсудили новую программу развития."]
    assert check(context(tmp_path, en=en, kk=kk, ru=ru)) == []


def test_a_derived_form_counts_as_naming(tmp_path: Path) -> None:
    # RU "сенатская комиссия" for "a Senate committee": not the name, but not an omission either.
    en = ["The Senate committee heard the minister on the new budget."]
    kk = ["Сенат комиссиясы жаңа бюджет бойынша министрді тыңдады."]
    ru = ["Сенатская комиссия заслушала министра по новому бюджету."]
    assert check(context(tmp_path, en=en, kk=kk, ru=ru)) == []
    ru = ["Комиссия заслушала министра по новому бюджету."]
    (finding,) = check(context(tmp_path, en=en, kk=kk, ru=ru))
    assert finding.langs == ("en", "kk", "ru")


def test_dotted_acronyms_and_names_inside_longer_names(tmp_path: Path) -> None:
    en = ["The U.N. Security Council discussed the sanctions against the regime."]
    kk = ["БҰҰ Қауіпсіздік Кеңесі режимге қарсы санкцияларды талқылады."]
    ru = ["Совет Безопасности ООН обсудил санкции против режима."]
    assert check(context(tmp_path, en=en, kk=kk, ru=ru)) == []
    kk = ["БҰҰ режимге қарсы санкцияларды талқылады."]  # the UN, not its Security Council
    (finding,) = check(context(tmp_path, en=en, kk=kk, ru=ru))
    assert finding.evidence == {"en": "U.N. Security Council", "ru": "Совет Безопасности ООН"}
    assert finding.langs[-1] == "kk"
    en = ["The U.N. discussed the sanctions against the regime."]
    ru = ["Санкции против режима обсуждались в Женеве."]
    (finding,) = check(context(tmp_path, en=en, kk=kk, ru=ru))
    assert finding.evidence == {"en": "U.N.", "kk": "БҰҰ"} and finding.langs[-1] == "ru"


def test_american_department_names_and_short_forms_name_the_same_body(tmp_path: Path) -> None:
    # "Department of Justice" is the US ministry of justice; "the Red Cross" the ICRC; "Ассемблея" a KK spelling
    en = [
        "U.S. Department of Justice analyst Paul Rowlett testified for hours.",
        "The Red Cross said its staff were heading to the affected areas.",
        "He told the U.N. General Assembly that the strikes were inevitable.",
    ]
    kk = [
        "АҚШ Әділет министрлігінің талдаушысы Пол Роулетт сағаттап куәлік берді.",
        "Қызыл Крест қызметкерлері зардап шеккен аудандарға бара жатқанын мәлімдеді.",
        "Ол БҰҰ Бас Ассемблеясында соққылар сөзсіз екенін айтты.",
    ]
    ru = [
        "Аналитик Департамента юстиции США Пол Роулетт давал показания несколько часов.",
        "Международный комитет Красного Креста сообщил, что его сотрудники направились в пострадавшие районы.",
        "Он заявил на Генассамблее ООН, что удары неизбежны.",
    ]
    assert check(context(tmp_path, en=en, kk=kk, ru=ru)) == []
    # … but the Ministry of Finance is another body
    ru[0] = ru[0].replace("Департамента юстиции", "Министерства финансов")
    messages = [f.message for f in check(context(tmp_path, en=en, kk=kk, ru=ru))]
    assert any("Russian sentence does not name the Ministry of Justice" in m for m in messages), messages


def test_a_national_fund_of_another_country_is_not_kazakhstans(tmp_path: Path) -> None:
    # only the whole name is the National Fund of the Republic of Kazakhstan
    en = ["The study by scientists at the National Trust for Scotland will follow bats in Wester Ross."]
    kk = ["Шотландия Ұлттық қоры ғалымдары жүргізген зерттеу Вестер Росстағы жарқанаттарды зерттейді."]
    ru = ["В исследовании учёных Национального фонда Шотландии будут изучены летучие мыши Вестер Росса."]
    assert check(context(tmp_path, en=en, kk=kk, ru=ru)) == []
    kk = ["Қазақстан Республикасының Ұлттық қоры ғалымдары Вестер Росстағы жарқанаттарды зерттейді."]
    (finding,) = check(context(tmp_path, en=en, kk=kk, ru=ru))
    assert finding.evidence == {"kk": "Қазақстан Республикасының Ұлттық қоры"}


def test_brexit_names_the_european_union_it_leaves(tmp_path: Path) -> None:
    en = ["Pro-Remain Tories joined a separate protest against Brexit in the city."]
    kk = ["Тори жақтастары қалада Брекситке қарсы жеке наразылыққа қосылды."]
    ru = ["Тори, выступающие против выхода из ЕС, присоединились к отдельному протесту в городе."]
    assert check(context(tmp_path, en=en, kk=kk, ru=ru)) == []
    en = ["Pro-Remain Tories joined a separate protest against the government in the city."]
    kk = ["Тори жақтастары қалада үкіметке қарсы жеке наразылыққа қосылды."]
    (finding,) = check(context(tmp_path, en=en, kk=kk, ru=ru))
    assert finding.evidence == {"ru": "ЕС"} and finding.langs == ("ru", "en", "kk")


def test_term_hits_are_found_once_per_manuscript(tmp_path: Path) -> None:
    from align.rules.termhits import term_groups

    ctx = context(tmp_path, en=EN, kk=KK, ru=RU)
    assert term_groups(ctx) is term_groups(ctx)  # AL030 and AL031 share them through the context's memo
