"""The bundled core lexicon (align/data/lexicon/core.tsv) and its concept features."""

from __future__ import annotations

import re
from collections import Counter
from importlib.resources import files

import pytest

from align.aligner import lexicon
from align.aligner.features import LEXICON_BASE, LEXICON_BITS, joint_space, side_features

_SCRIPTS = {
    "en": re.compile(r"[A-Za-z][A-Za-z' -]*"),
    "ru": re.compile(r"[А-Яа-яЁё][А-Яа-яЁё -]*"),  # no Kazakh letters in a Russian cell
    "kk": re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі][А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі -]*"),
}


def _heads(word: str, lang: str) -> set[str]:
    rows = lexicon.bundled_lexicon()
    return {rows[c]["en"][0] for c in lexicon.word_concepts(word, lang)}


def test_bundled_lexicon_parses_with_thousands_of_concepts() -> None:
    rows = lexicon.bundled_lexicon()
    assert 2000 <= len(rows) <= 1 << LEXICON_BITS  # concept numbers must fit their feature range
    assert all(all(row[lang] and all(row[lang]) for lang in lexicon.LANGS) for row in rows)


def test_english_heads_are_unique() -> None:
    counts = Counter(row["en"][0].lower() for row in lexicon.bundled_lexicon())
    assert [head for head, count in counts.items() if count > 1] == []


@pytest.mark.parametrize("lang", lexicon.LANGS)
def test_every_cell_is_in_its_script(lang: str) -> None:
    wrong = [v for row in lexicon.bundled_lexicon() for v in row[lang] if not _SCRIPTS[lang].fullmatch(v)]
    assert wrong == []


def test_kazakh_cells_use_kazakh_letters() -> None:
    kazakh = re.compile("[әғқңөұүһі]", re.IGNORECASE)
    assert sum(1 for row in lexicon.bundled_lexicon() if any(kazakh.search(v) for v in row["kk"])) >= 800


@pytest.mark.parametrize(
    "text",
    ["ru\ten\tkk\nwater\tвода\tсу\n", "en\tru\tkk\nwater\tвода\n", ""],
)
def test_malformed_lexicon_is_rejected(text: str) -> None:
    with pytest.raises(ValueError, match="lexicon"):
        lexicon.read_lexicon(text)


def test_comments_and_variants_are_read() -> None:
    rows = lexicon.read_lexicon("# note\nen\tru\tkk\nautumn|fall\tосень\tкүз\n")
    assert rows == [{"en": ("autumn", "fall"), "ru": ("осень",), "kk": ("күз",)}]


@pytest.mark.parametrize(
    ("word", "lang", "head"),
    [
        ("studies", "en", "study"),
        ("stopped", "en", "stop"),
        ("programme", "en", "program"),  # British spelling
        ("spoke", "en", "speak"),  # irregular form listed as a variant
        ("воды", "ru", "water"),
        ("городах", "ru", "city"),
        ("суды", "kk", "water"),  # short entry with an ending
        ("айтты", "kk", "say"),
        ("қалаларда", "kk", "city"),  # long entry as a prefix
        ("Республикасының", "kk", "republic"),
    ],
)
def test_inflected_words_find_their_concept(word: str, lang: str, head: str) -> None:
    assert head in _heads(word, lang)


def test_shipped_russian_forms_are_current() -> None:
    # Stale after an edit of core.tsv or a new pymorphy3 dictionary: run scripts/make-lexicon-forms.
    shipped = files("align").joinpath(lexicon.RU_FORMS_FILE).read_text(encoding="utf-8")
    assert shipped == lexicon.format_ru_forms(lexicon.ru_lemmas_of_lexicon())


def test_an_entry_missing_from_the_shipped_forms_is_inflected_on_the_spot(monkeypatch: pytest.MonkeyPatch) -> None:
    shipped_index = lexicon.form_index("ru")
    lexicon.form_index.cache_clear()
    monkeypatch.setattr(lexicon, "_shipped_ru_forms", dict)
    try:
        assert lexicon.form_index("ru") == shipped_index
    finally:
        lexicon.form_index.cache_clear()


def test_capitalised_entry_matches_only_capitalised_words() -> None:
    assert "May" in _heads("May", "en")
    assert "May" not in _heads("may", "en")


def test_short_kazakh_entry_is_not_a_prefix_of_unrelated_words() -> None:
    assert "remain" not in _heads("қала", "kk")  # қал (remain) + а is "city", not a form of қал


def test_concept_features_give_sentence_rows() -> None:
    rows, concepts = lexicon.concept_features(["Water.", "Oh, the", "Of water"], "en")
    water = lexicon.word_concepts("water", "en")
    assert rows.tolist() == [0, 2] and set(concepts.tolist()) <= set(water)
    assert len(lexicon.concept_features(["Water."], None)[0]) == 0


def test_translations_without_shared_letters_share_lexicon_features() -> None:
    # idf needs other sentences: a feature found in every sentence weighs nothing
    en, kk = ["The water is cold.", "Xyz.", "Qwv."], ["Су суық.", "Жжж.", "Қққ."]
    plain = joint_space(side_features(en), side_features(kk))[2]
    src, tgt, weights = joint_space(side_features(en, "en"), side_features(kk, "kk"))
    assert len(weights) > len(plain)
    shared = set(src.ids.tolist()) & set(tgt.ids.tolist())
    assert any(weights[i] > 0 for i in shared)
    assert side_features(en, "en").ids.max() >= LEXICON_BASE
