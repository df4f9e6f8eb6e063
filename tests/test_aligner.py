"""Sentence aligner: bead types, confidences, three-way consistency, folding, keywords."""

from __future__ import annotations

import pytest

from align.aligner import Link, align_items, align_pair, align_three
from align.aligner.features import anchors, structure
from align.aligner.fold import fold, fold_many
from align.aligner.kernels import LOWER_START, OPEN_END, SENTENCE_BREAK

EN = [
    "Kazakhstan exported 1,200 tonnes of wheat to China in 2019.",
    "The Almaty office of UNESCO opened on 5 March.",
    "President Tokayev met the German delegation in Astana.",
    "Inflation fell to 8.4 percent in the second quarter.",
    "The Caspian pipeline carries oil from Atyrau to Novorossiysk.",
    "Students from Karaganda won the robotics olympiad.",
    "A new bridge over the Irtysh river will cost 45 billion tenge.",
    "The Baikonur launch was postponed because of strong wind.",
]
RU = [
    "В 2019 году Казахстан экспортировал в Китай 1 200 тонн пшеницы.",
    "Офис ЮНЕСКО в Алматы открылся 5 марта.",
    "Президент Токаев встретился с немецкой делегацией в Астане.",
    "Инфляция снизилась до 8,4 процента во втором квартале.",
    "Каспийский трубопровод доставляет нефть из Атырау в Новороссийск.",
    "Студенты из Караганды победили на олимпиаде по робототехнике.",
    "Новый мост через реку Иртыш обойдётся в 45 миллиардов тенге.",
    "Запуск на Байконуре перенесли из-за сильного ветра.",
]
KK = [
    "2019 жылы Қазақстан Қытайға 1 200 тонна бидай экспорттады.",
    "ЮНЕСКО-ның Алматыдағы кеңсесі 5 наурызда ашылды.",
    "Президент Тоқаев Астанада неміс делегациясымен кездесті.",
    "Екінші тоқсанда инфляция 8,4 пайызға дейін төмендеді.",
    "Каспий құбыры мұнайды Атыраудан Новороссийскіге жеткізеді.",
    "Қарағандылық студенттер робототехника олимпиадасында жеңді.",
    "Ертіс өзеніндегі жаңа көпір 45 миллиард теңгеге түседі.",
    "Байқоңырдағы ұшыру қатты желге байланысты кейінге қалдырылды.",
]


def beads(links: list[Link]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(link.src, link.tgt) for link in links]


def assert_covers(links: list[Link], n: int, m: int) -> None:
    """Every sentence of each side in exactly one link, in increasing order."""
    assert [i for link in links for i in link.src] == list(range(n))
    assert [j for link in links for j in link.tgt] == list(range(m))


def test_one_to_one() -> None:
    links = align_pair(EN, RU, "en", "ru")
    assert beads(links) == [((i,), (i,)) for i in range(8)]
    assert all(link.score >= 0.9 for link in links)


def test_two_to_one_when_the_target_merges() -> None:
    ru = [*RU[:3], RU[3][:-1] + ", а " + RU[4][0].lower() + RU[4][1:], *RU[5:]]
    links = align_pair(EN, ru, "en", "ru")
    assert ((3, 4), (3,)) in beads(links)
    assert_covers(links, len(EN), len(ru))


def test_one_to_two_when_the_source_merges() -> None:
    en = [*EN[:5], EN[5][:-1] + ", and " + EN[6][0].lower() + EN[6][1:], EN[7]]
    links = align_pair(en, RU, "en", "ru")
    assert ((5,), (5, 6)) in beads(links)
    assert_covers(links, len(en), len(RU))


def test_two_to_two_when_the_boundary_moves() -> None:
    # EN splits after "8.4 percent", RU after "делегацией": neither 1:1 pairing fits.
    en = [
        *EN[:2],
        "President Tokayev met the German delegation in Astana and said that inflation fell to 8.4 percent",
        "in the second quarter.",
        *EN[4:],
    ]
    ru = [
        *RU[:2],
        "Президент Токаев встретился с немецкой делегацией.",
        "В Астане он сказал, что инфляция снизилась до 8,4 процента во втором квартале.",
        *RU[4:],
    ]
    links = align_pair(en, ru, "en", "ru")
    assert ((2, 3), (2, 3)) in beads(links)
    assert_covers(links, len(en), len(ru))


def test_a_sentence_cut_at_a_comma_is_one_to_two() -> None:
    # The RU unit that opens in lower case, after one that ends on a comma, continues a sentence.
    en = [*EN[:6], "A new bridge over the Irtysh river, the longest in the region, will open in 2025.", EN[7]]
    ru = [*RU[:6], "Новый мост через реку Иртыш,", "самый длинный в регионе, откроется в 2025 году.", RU[7]]
    links = align_pair(en, ru, "en", "ru")
    assert ((6,), (6, 7)) in beads(links)
    assert_covers(links, len(en), len(ru))


def test_two_sentences_in_one_unit_are_two_to_one() -> None:
    kk = [*KK[:3], KK[3] + " " + KK[4], *KK[5:]]
    links = align_pair(EN, kk, "en", "kk")
    assert ((3, 4), (3,)) in beads(links)
    assert_covers(links, len(EN), len(kk))


def test_structure_marks() -> None:
    marks = structure(["Mr. Adams said it. Then he left.", "The Rev. John Howard", "as a defender,", "Астана."])
    assert marks.tolist() == [SENTENCE_BREAK, 0, LOWER_START | OPEN_END, 0]


def test_an_omission_in_the_middle_is_one_to_zero_not_a_merge() -> None:
    ru = RU[:4] + RU[5:]
    links = align_pair(EN, ru, "en", "ru")
    assert ((4,), ()) in beads(links)
    assert beads(links).count(((4,), ())) == 1
    assert all(len(link.src) <= 1 and len(link.tgt) <= 1 for link in links)
    assert_covers(links, len(EN), len(ru))


def test_an_addition_is_zero_to_one() -> None:
    ru = [*RU[:3], "Футбольный клуб «Кайрат» сыграл вничью с «Тоболом».", *RU[3:]]
    links = align_pair(EN, ru, "en", "ru")
    assert ((), (3,)) in beads(links)
    assert ((3,), (4,)) in beads(links)
    assert_covers(links, len(EN), len(ru))


def test_scores_are_probabilities_and_lower_where_unsure() -> None:
    ru = [*RU[:3], "Футбольный клуб «Кайрат» сыграл вничью с «Тоболом».", *RU[3:6]]
    links = align_pair(EN, ru, "en", "ru")
    assert all(0.0 <= link.score <= 1.0 for link in links)
    assert min(link.score for link in links) < max(link.score for link in links)


def test_length_baseline_covers_both_sides() -> None:
    links = align_pair(EN, RU[:4] + RU[5:], "en", "ru", method="length")
    assert_covers(links, 8, 7)
    with pytest.raises(ValueError):
        align_pair(EN, RU, "en", "ru", method="magic")


def test_empty_sides() -> None:
    assert beads(align_pair([], RU[:2], "en", "ru")) == [((), (0,)), ((), (1,))]
    assert beads(align_pair(EN[:1], [], "en", "ru")) == [((0,), ())]


def test_three_way_triples_are_consistent() -> None:
    kk = KK[:4] + KK[5:]  # KK omits sentence 4
    ru = [*RU[:5], RU[5][:-1] + ", а " + RU[6][0].lower() + RU[6][1:], RU[7]]  # RU merges 5 and 6
    result = align_three(EN, kk, ru)
    triples = [(t.en, t.kk, t.ru) for t in result.triples]
    assert ((4,), (), (4,)) in triples
    assert ((5, 6), (4, 5), (5,)) in triples
    sizes = {"en": len(EN), "kk": len(kk), "ru": len(ru)}
    for lang, index in (("en", 0), ("kk", 1), ("ru", 2)):
        # Every sentence in exactly one triple, in order.
        assert [i for triple in triples for i in triple[index]] == list(range(sizes[lang]))
    assert all(0.0 <= t.score <= 1.0 for t in result.triples)
    # Pairwise links are consistent with the triples: each lies inside one triple.
    for key, links in result.pairs.items():
        a, b = key.split("-")
        assert_covers(links, sizes[a], sizes[b])
        side = {"en": 0, "kk": 1, "ru": 2}
        for link in links:
            holders = {
                k
                for k, triple in enumerate(triples)
                if set(link.src) <= set(triple[side[a]]) and set(link.tgt) <= set(triple[side[b]])
            }
            assert len(holders) == 1, (key, link)
    assert ((5, 6), (4, 5)) in beads(result.pairs["en-kk"]) or ((5,), (4,)) in beads(result.pairs["en-kk"])


def test_three_way_settles_what_one_pair_alone_gets_wrong() -> None:
    # KK opens with a sentence of its own and merges the last two; RU has a foreign sentence before
    # the last two and lacks nothing KK has but Tokayev's (KK drops it); EN merges 4 and 5.
    en = [*EN[:4], EN[4] + " " + EN[5], *EN[6:]]
    kk = ["Кешке қалада қатты жаңбыр жауды.", *KK[:2], *KK[3:6], KK[6] + " " + KK[7]]
    ru = [*RU[:6], "Музей современного искусства открыл новую выставку.", *RU[6:]]
    gold = [((0,), ()), ((1,), (0,)), ((2,), (1,)), ((), (2,)), ((3,), (3,)), ((4,), (4,)), ((5,), (5,)), ((), (6,))]
    gold.append(((6,), (7, 8)))
    # KK–RU alone takes the foreign sentence into the merge; EN, which has no counterpart of it, settles it.
    assert beads(align_pair(kk, ru, "kk", "ru")) != gold
    assert beads(align_three(en, kk, ru).pairs["kk-ru"]) == gold


def test_three_way_with_a_missing_language() -> None:
    result = align_three(EN[:3], [], RU[:3])
    assert [(t.en, t.kk, t.ru) for t in result.triples] == [((i,), (), (i,)) for i in range(3)]
    assert beads(result.pairs["en-kk"]) == [((i,), ()) for i in range(3)]


@pytest.mark.parametrize("word", ["Қазақстан", "Казахстан", "Kazakhstan", "Qazaqstan", "KAZAKHSTAN"])
def test_folded_key_of_kazakhstan(word: str) -> None:
    assert fold(word) == "kazakstan"


def test_folded_keys_of_names_across_scripts() -> None:
    pairs = [
        ("Шымкент", "Shymkent"),
        ("Şymkent", "Shymkent"),
        ("Жамбыл", "Zhambyl"),
        ("Jambyl", "Zhambyl"),
        ("Корнелл", "Cornell"),
        ("НАТО", "NATO"),
        ("Еуропа", "Европа"),
        ("Австралия", "Australia"),
    ]
    for cyrillic, latin in pairs:
        assert fold(cyrillic)[:5] == fold(latin)[:5], (cyrillic, latin)
    assert fold_many(["Hello,  World!", "", "Привет\nмир"]) == ["elo vorld", "", "privet mir"]


def test_anchors_normalise_numbers() -> None:
    same = {"num:1000"}
    for text in ("1,000", "1 000", "1.000", "1000", "1\u00a0000"):
        assert same <= set(anchors(f"about {text} people")), text
    assert "num:3.5" in anchors("рост 3,5 %") and "pct:3.5" in anchors("рост 3,5 %")
    assert "pct:12" in anchors("12 пайыз") and "acr:nato" in anchors("НАТО")
    assert "mail:director@isdp.eu" in anchors("e-mail: director@isdp.eu.")


# Seed 000 (corpora/samples/000_0f8b6cd7f140dd0a.txt): the abstract, six sentences per language
# (RU's last sentence is split over a page break in the source, joined here).
ABSTRACT_EN = [
    "This article investigates the benefits for Kazakhstan and European Union that arise from strengthening "
    "the mutual cooperation.",
    "It follows that, for European Union the closer association with Kazakhstan is beneficial due to the number "
    "of reasons.",
    "In particular, the Kazakhstan's close relations with Russia and China could help Europeans to truly "
    "understand these great powers.",
    "Apart from that, the Kazakhstani role as emerging transport corridor, the strong position of Kazakhstan in "
    "the UN as well as the Kazakhstani experience of mitigation the international disputes are of great value "
    "for Europe.",
    "At the same time, Kazakhstan is likely to take advantage of closer ties with Europe due to possible "
    "interaction with the number of such reputable European institutions as ODIHR, OSCE and Council of Europe.",
    "In broader terms, the future collaboration between the Kazakhstan and European Union is most likely to "
    "occur on the dimension of political reforms.",
]
ABSTRACT_KK = [
    "Мақалада өзара ынтымақтастықтың Қазақстан мен Еуропалық Одаққа тигізетін артықшылықтары қарастырылған.",
    "Еуропалық Одақ үшін Қазақстанмен тығыз байланыс бірнеше себептерге байланысты тиімді.",
    "Атап айтқанда, Қазақстанның Ресеймен және Қытаймен тығыз қарым-қатынасы еуропалықтарға осы алпауыт "
    "мемлекеттермен жақынырақ танысуға және зерттеуге мүмкіндік береді.",
    "Сонымен қатар, Қазақстанның дамып келе жатқан көлік дәлізі ретіндегі рөлі, Қазақстанның БҰҰ-дағы берік "
    "позициясы, сондай-ақ халықаралық дауларды шешуде Қазақстанның тәжірибесі Еуропа үшін өте маңызды.",
    "Сонымен бірге, ДИАҚБ, ЕҚЫҰ және Еуропалық Кеңес сияқты бірқатар беделді еуропалық институттармен өзара "
    "әрекеттесуді ескере отырып, Қазақстан Еуропамен тығыз байланыста болудың пайдасын көреді.",
    "Кеңірек түрде, Қазақстан мен Еуропалық Одақ арасындағы болашақ ынтымақтастық саяси реформалар аясында "
    "жүзеге асуы ықтимал.",
]
ABSTRACT_RU = [
    "В данной статье исследуются выгоды для Казахстана и Европейского Союза, вытекающие из укрепления "
    "взаимного сотрудничества.",
    "Для Европейского Союза более тесная ассоциация с Казахстаном выгодна по целому ряду причин.",
    "В частности, тесные отношения Казахстана с Россией и Китаем предоставляют возможность европейцам поближе "
    "узнать и изучить эти супердержавы.",
    "Кроме того, большую ценность для Европы представляют роль Казахстана как формирующегося транспортного "
    "коридора, прочные позиции Казахстана в ООН, а также казахстанский опыт разрешения международных споров.",
    "В то же время Казахстану выгодны более тесные связи с Европой ввиду возможного взаимодействия с рядом таких "
    "авторитетных европейских институтов, как БДИПЧ, ОБСЕ и Совет Европы.",
    "В более широком ракурсе, будущее сотрудничество между Казахстаном и Европейским Союзом, вероятнее всего, "
    "будет происходить в разрезе политических реформ.",
]


def test_seed_abstract_aligns_one_to_one_to_one() -> None:
    result = align_three(ABSTRACT_EN, ABSTRACT_KK, ABSTRACT_RU)
    assert [(t.en, t.kk, t.ru) for t in result.triples] == [((i,), (i,), (i,)) for i in range(6)]
    assert all(t.score >= 0.9 for t in result.triples)
    for links in result.pairs.values():
        assert beads(links) == [((i,), (i,)) for i in range(6)]
        assert all(link.score >= 0.9 for link in links)


KEYWORDS_EN = [
    "Kazakhstan",
    "European Union",
    "diplomacy",
    "multi-vector foreign policy",
    "cooperation",
    "integration",
    "political reform",
]
KEYWORDS_KK = [
    "Қазақстан",
    "Еуропалық Одақ",
    "дипломатия",
    "көпвекторлы сыртқы саясат",
    "ынтымақтастық",
    "интеграция",
    "саяси реформалар",
]
KEYWORDS_RU = [
    "Казахстан",
    "Европейский Союз",
    "дипломатия",
    "многовекторная внешняя политика",
    "сотрудничество",
    "интеграция",
    "политические реформы",
]


@pytest.mark.parametrize(
    ("src", "tgt", "langs"),
    [
        (KEYWORDS_EN, KEYWORDS_KK, ("en", "kk")),
        (KEYWORDS_EN, KEYWORDS_RU, ("en", "ru")),
        (KEYWORDS_KK, KEYWORDS_RU, ("kk", "ru")),
    ],
)
def test_seed_keywords_align_item_by_item(src: list[str], tgt: list[str], langs: tuple[str, str]) -> None:
    links = align_items(src, tgt, *langs)
    assert beads(links) == [((i,), (i,)) for i in range(7)]
    assert all(0.0 <= link.score <= 1.0 for link in links)


def test_keywords_follow_spelling_over_order() -> None:
    links = align_items(KEYWORDS_EN[::-1], KEYWORDS_RU, "en", "ru")
    matched = dict(beads(links))
    # Reversed list: names and cognates still find their translation.
    for en_index, ru_index in ((6, 0), (5, 1), (4, 2), (1, 5), (0, 6)):
        assert matched[(en_index,)] == (ru_index,)


def test_keywords_termbase_hook_decides() -> None:
    def equivalents(term: str, lang: str) -> set[str]:
        return {"сотрудничество"} if term == "cooperation" and lang == "ru" else set()

    src = ["cooperation", "diplomacy"]
    tgt = ["дипломатия", "сотрудничество"]
    assert sorted(beads(align_items(src, tgt, "en", "ru", equivalents=equivalents))) == [((0,), (1,)), ((1,), (0,))]
