"""The helpers of the term rules, and the bundled termbase as the package ships it."""

from pathlib import Path

import pytest

from align.rules.termhits import loosely_named, suggestion_text, undot_acronyms
from align.terms import Concept, Term, bundled_termbase_path, default_termbase

ROOT = Path(__file__).resolve().parents[2]


def test_the_bundled_termbase_ships_in_the_package_and_loads_once() -> None:
    path = bundled_termbase_path()
    assert path == ROOT / "align" / "data" / "termbases" / "international-relations.tbx"
    link = ROOT / "corpora" / "termbases" / "international-relations.tbx"
    assert link.resolve() == path  # the corpora folder still shows it
    assert default_termbase() is default_termbase()
    assert len(default_termbase()) >= 300


def test_dotted_acronyms_are_read_undotted_at_the_same_offsets() -> None:
    text = "the U.S. mainland and the U.N. Security Council; A. Smith"
    undotted = undot_acronyms(text)
    assert undotted == "the US   mainland and the UN   Security Council; A. Smith"
    assert len(undotted) == len(text)


@pytest.mark.parametrize(
    ("term", "replaced", "expected"),
    [
        ("великая держава", "супердержавы", "великие державы"),  # nominative plural preferred to genitive
        ("великая держава", "сверхдержавами", "великими державами"),
        ("мягкая сила", "мягкую власть", "мягкую силу"),  # the adjective settles the case
        ("Совет Европы", "Европейском совете", "Совете Европы"),  # the dependent genitive stays
        ("Совет Европы", "Европейский совет", "Совет Европы"),
        ("права человека", "человеческих прав", "прав человека"),
        ("ОБСЕ", "ОДИХР", "ОБСЕ"),
    ],
)
def test_russian_suggestions_take_the_form_of_the_replaced_words(term: str, replaced: str, expected: str) -> None:
    kind = "acronym" if term.isupper() else "full"
    assert suggestion_text(Term(term, "ru", kind=kind), replaced) == expected


def test_kazakh_and_english_suggestions_are_dictionary_forms() -> None:
    assert suggestion_text(Term("Еуропа Кеңесі", "kk"), "Еуропалық Кеңеспен") == "Еуропа Кеңесі"
    assert suggestion_text(Term("great power", "en"), "superpowers") == "great power"


def test_loose_naming_accepts_derived_forms_but_not_acronym_prefixes() -> None:
    court = Concept("court", (Term("Верховный суд", "ru"), Term("ВС", "ru", kind="acronym")))
    assert loosely_named("кандидат на пост верховного судьи", "ru", court)
    assert not loosely_named("верховный главнокомандующий", "ru", court)
    eu = Concept("eu", (Term("ЕС", "ru", kind="acronym"),))
    assert not loosely_named("если бы он вышел", "ru", eu)  # "ЕС" is not the beginning of "если"
    assert loosely_named("вышла из ЕС", "ru", eu)
