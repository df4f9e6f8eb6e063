from pathlib import Path

from align.aligner import Link, TriAlignment
from align.api import RoleAlignment
from align.rules import Context
from align.rules.al011_merge_hides_omission import MergeHidesOmission, omitted_in_merge
from tests.rules.manuscript import context_of, manuscript, run
from tests.rules.structure_texts import EN, KK, RU, abstracts


def _join(first: str, second: str) -> str:
    """Two sentences joined into one, as a translator may do."""
    return first.rstrip(".") + "; " + second[0].lower() + second[1:]


def _with_links(context: Context, pair: str, links: list[Link]) -> Context:
    """``context`` as if the aligner had linked the abstracts of ``pair`` by ``links`` (and nothing else)."""
    segments = context.alignments["abstract"].segments
    alignment = TriAlignment(pairs={pair: links}, triples=[])
    return Context(context.detection, {"abstract": RoleAlignment("abstract", segments, alignment)})


def test_english_sentence_omitted_inside_a_merge_with_russian(tmp_path: Path) -> None:
    context = context_of(tmp_path, manuscript(abstracts(ru=[RU[0], *RU[2:]])))
    links = [Link((0, 1), (0,), 0.6), Link((2,), (1,), 0.9), Link((3,), (2,), 0.9), Link((4,), (3,), 0.9)]
    (finding,) = MergeHidesOmission().check(_with_links(context, "en-ru", links))
    assert finding.sentences == {"en": (1,), "ru": (0,)}
    assert finding.langs == ("en", "ru")
    assert finding.evidence["en"] == EN[1]
    (span,) = finding.spans
    assert context.block("en", "abstract").text[span.start : span.end] == EN[1]


def test_kazakh_sentence_omitted_inside_a_merge_with_russian(tmp_path: Path) -> None:
    context = context_of(tmp_path, manuscript(abstracts(ru=[RU[0], *RU[2:]])))
    links = [Link((0, 1), (0,), 0.5), Link((2,), (1,), 0.9), Link((3,), (2,), 0.9), Link((4,), (3,), 0.9)]
    findings = list(MergeHidesOmission().check(_with_links(context, "kk-ru", links)))
    assert [(f.langs, f.sentences) for f in findings] == [(("kk", "ru"), {"kk": (1,), "ru": (0,)})]


def test_sentences_joined_by_the_translator_pass(tmp_path: Path) -> None:
    ru = [RU[0], _join(RU[1], RU[2]), *RU[3:]]
    kk = [*KK[:3], _join(KK[3], KK[4])]
    assert run(MergeHidesOmission, tmp_path, abstracts(ru=ru, kk=kk)) == []


def test_decision_on_merged_links() -> None:
    assert omitted_in_merge(EN[:2], "en", RU[0], "ru") == 1
    assert omitted_in_merge(KK[:2], "kk", EN[0], "en") == 1
    assert omitted_in_merge(RU[2:4], "ru", EN[3], "en") == 0
    # Two sentences without names or numbers, either of which fits the length: not judged.
    assert omitted_in_merge(KK[3:5], "kk", EN[4], "en") is None
    assert omitted_in_merge(EN[:2], "en", _join(RU[0], RU[1]), "ru") is None
    assert omitted_in_merge(RU[3:5], "ru", _join(KK[3], KK[4]), "kk") is None
    # A short neighbour cannot be told from a legitimate merge by length: not judged.
    assert omitted_in_merge([EN[0], "It was funded by a grant."], "en", RU[0], "ru") is None
