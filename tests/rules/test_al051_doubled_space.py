from pathlib import Path

from align.model import Block, Detection, Document, Sentence
from align.rules import Context
from align.rules.al051_doubled_space import DoubledSpace, spacing_slips
from tests.rules.manuscript import run

EN = "This article studies trade, energy and transport. The author relies on interviews (e.g. with diplomats)."
KK = "Мақалада сауда, энергетика және көлік зерттеледі. Автор Н.Ә. Назарбаевтың сөздеріне сүйенеді."
RU = "В статье изучаются торговля, энергетика и т.д. Автор опирается на интервью А.Б. Иванова (с. 5)."


def test_clean_text_passes(tmp_path: Path) -> None:
    assert run(DoubledSpace, tmp_path, {"en": EN, "kk": KK, "ru": RU}) == []


def test_abbreviations_initials_numbers_and_domains_pass() -> None:
    text = "See e.g. Smith, т.е. Иванов А.Б., the value 0.5, ISDP.eu, ASP.NET and an ellipsis ..."
    assert spacing_slips(text) == []


def test_space_before_comma_and_missing_space_in_kazakh(tmp_path: Path) -> None:
    kk = KK.replace("сауда,", "сауда ,").replace("зерттеледі. Автор", "зерттеледі.Автор")
    findings = run(DoubledSpace, tmp_path, {"en": EN, "kk": kk})
    assert [(f.message, f.spans[0].text, f.evidence["kk"], f.suggestion) for f in findings] == [
        ("Space before ',' in the Kazakh abstract", " ,", "сауда ,", "сауда,"),
        ("No space after '.' in the Kazakh abstract", ".", "зерттеледі.Автор", "зерттеледі. Автор"),
    ]
    assert [kk[s.start : s.end] for f in findings for s in f.spans] == [" ,", "."]


def test_missing_space_after_comma_in_russian_keywords(tmp_path: Path) -> None:
    keywords = {"ru": "торговля,энергетика, транспорт"}
    (finding,) = run(DoubledSpace, tmp_path, {"en": EN, "ru": RU}, keywords=keywords)
    assert finding.role == "keywords" and finding.sentences == {}
    assert finding.suggestion == "торговля, энергетика,"


def test_doubled_space_in_a_block_that_kept_it() -> None:
    # The readers collapse spaces, so the block is built here as a reader that keeps them would.
    text = "В статье  изучается торговля."
    block = Block("ru", "cyrl", "abstract", text, 3, 3, sentences=(Sentence(text, 0, len(text), 3),))
    detection = Detection(Document("paper.txt", "utf-8", ()), (block,))
    (finding,) = DoubledSpace().check(Context(detection, {}))
    assert (finding.spans[0].start, finding.spans[0].end) == (8, 10)
    assert finding.suggestion == "статье изучается" and finding.line == 3
