from pathlib import Path

from align.rules.al005_duplicated_block import DuplicatedBlock
from tests.rules.manuscript import context_of, manuscript
from tests.rules.structure_texts import EN, KK, RU, abstracts


def _with_second_abstract(label: str, text: str) -> str:
    return manuscript(abstracts()).replace("## Introduction", f"**{label}** {text}\n\n## Introduction")


def test_one_block_per_language_passes(tmp_path: Path) -> None:
    assert list(DuplicatedBlock().check(context_of(tmp_path, manuscript(abstracts())))) == []


def test_russian_abstract_pasted_twice(tmp_path: Path) -> None:
    findings = list(DuplicatedBlock().check(context_of(tmp_path, _with_second_abstract("Аннотация.", " ".join(RU)))))
    assert [(f.role, f.langs) for f in findings] == [("abstract", ("ru",))]
    assert "Russian abstract appears twice" in findings[0].message


def test_two_different_kazakh_abstracts(tmp_path: Path) -> None:
    findings = list(DuplicatedBlock().check(context_of(tmp_path, _with_second_abstract("Аңдатпа.", " ".join(KK[1:4])))))
    assert [f.langs for f in findings] == [("kk",)]
    assert "Two different Kazakh abstract blocks" in findings[0].message


def test_two_english_abstracts(tmp_path: Path) -> None:
    findings = list(DuplicatedBlock().check(context_of(tmp_path, _with_second_abstract("Abstract.", " ".join(EN[:3])))))
    assert [f.langs for f in findings] == [("en",)]


def test_copy_under_another_languages_label_is_left_to_untranslated_copy(tmp_path: Path) -> None:
    assert list(DuplicatedBlock().check(context_of(tmp_path, manuscript(abstracts(kk=RU))))) == []
