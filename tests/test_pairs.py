"""``align pairs``: manuscript and parallel-text modes, TSV/JSON/TMX outputs, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from align.api import align_detection, detect
from align.cli import app

ROOT = Path(__file__).resolve().parents[1]
SEED_000 = ROOT / "corpora" / "samples" / "000_0f8b6cd7f140dd0a.txt"
TMX_DTD = etree.DTD(str(ROOT / "tests" / "data" / "tmx14.dtd"))

runner = CliRunner()

EN = [
    "The parliament adopted the budget for 2024 on Monday.",
    "Spending on schools rises by 12 percent.",
    "The opposition voted against it.",
    "Astana hosted the summit of the Shanghai Cooperation Organisation.",
    "Leaders of ten countries attended.",
]
RU = [
    "В понедельник парламент принял бюджет на 2024 год.",
    "Расходы на школы вырастут на 12 процентов.",
    "Оппозиция голосовала против.",
    "Астана приняла саммит Шанхайской организации сотрудничества.",
    "В нём участвовали лидеры десяти стран.",
]


@pytest.fixture(scope="module")
def seed_alignments():
    return align_detection(detect(SEED_000))


def test_seed_000_abstracts_align_one_to_one_in_order(seed_alignments) -> None:
    triples = seed_alignments["abstract"].alignment.triples
    assert [(t.en, t.kk, t.ru) for t in triples] == [((i,), (i,), (i,)) for i in range(6)]
    assert all(t.score >= 0.9 for t in triples)


def test_seed_000_keywords_align_seven_to_seven(seed_alignments) -> None:
    triples = seed_alignments["keywords"].alignment.triples
    assert [(t.en, t.kk, t.ru) for t in triples] == [((i,), (i,), (i,)) for i in range(7)]


def test_pairwise_links_agree_with_the_triples(seed_alignments) -> None:
    for role_alignment in seed_alignments.values():
        alignment = role_alignment.alignment
        for pair, links in alignment.pairs.items():
            src, tgt = pair.split("-")
            implied = [(getattr(t, src), getattr(t, tgt)) for t in alignment.triples]
            assert [(link.src, link.tgt) for link in links] == [sides for sides in implied if any(sides)]


def test_tsv_triples() -> None:
    result = runner.invoke(app, ["pairs", str(SEED_000)])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "score\ten\tkk\tru"
    assert len(lines) == 1 + 1 + 6 + 7  # header, title, six sentences, seven keywords
    score, en, kk, ru = lines[2].split("\t")
    assert 0.0 <= float(score) <= 1.0
    assert en.startswith("This article investigates") and kk.startswith("Мақалада") and ru.startswith("В данной")


def test_tmx_validates_and_has_three_variants_per_triple(tmp_path: Path) -> None:
    out = tmp_path / "seed.tmx"
    result = runner.invoke(app, ["pairs", str(SEED_000), "--format", "tmx", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    tree = etree.parse(str(out))
    assert TMX_DTD.validate(tree), TMX_DTD.error_log.filter_from_errors()
    units = tree.findall("body/tu")
    assert len(units) == 14
    langs = [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in units[1].findall("tuv")]
    assert langs == ["en", "kk", "ru"]
    assert float(units[1].find("prop[@type='x-align-score']").text) >= 0.9


def test_tmx_one_pair() -> None:
    result = runner.invoke(app, ["pairs", str(SEED_000), "--pair", "en-ru", "--format", "tmx"])
    tree = etree.fromstring(result.stdout_bytes)
    assert TMX_DTD.validate(tree)
    assert tree.find("header").get("srclang") == "en"
    assert {len(tu.findall("tuv")) for tu in tree.findall("body/tu")} == {2}


def test_json_extends_the_detect_contract() -> None:
    result = runner.invoke(app, ["pairs", str(SEED_000), "--format", "json"])
    (document,) = json.loads(result.stdout)["documents"]
    assert len(document["blocks"]) == 9
    abstract = document["alignments"]["abstract"]
    assert set(abstract) == {"en-kk", "en-ru", "kk-ru", "triples"}
    assert abstract["en-ru"][0] == {"en": [0], "ru": [0], "score": abstract["en-ru"][0]["score"]}


def test_parallel_text_mode(tmp_path: Path) -> None:
    src, tgt = tmp_path / "a.en.txt", tmp_path / "a.ru.txt"
    src.write_text("\n".join(EN) + "\n", encoding="utf-8")
    tgt.write_text("\n".join(RU[:2] + RU[3:]) + "\n", encoding="utf-8")  # the third sentence is missing
    result = runner.invoke(app, ["pairs", "--src", str(src), "--tgt", str(tgt), "--src-lang", "en", "--tgt-lang", "ru"])
    assert result.exit_code == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()[1:]]
    assert [(bool(r[1]), bool(r[2])) for r in rows] == [(True, True)] * 2 + [(True, False)] + [(True, True)] * 2


def test_parallel_text_splits_paragraphs(tmp_path: Path) -> None:
    src, tgt = tmp_path / "a.en.txt", tmp_path / "a.ru.txt"
    src.write_text(" ".join(EN) + "\n", encoding="utf-8")
    tgt.write_text(" ".join(RU) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["pairs", "--src", str(src), "--tgt", str(tgt), "--tgt-lang", "ru", "-f", "json"])
    (document,) = json.loads(result.stdout)["documents"]
    assert len(document["sentences"]["en"]) == 5
    assert [link["en"] for link in document["links"]] == [[i] for i in range(5)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--src", "{src}", "--tgt", "{empty}", "--tgt-lang", "ru"], "empty"),
        (["--src", "{src}", "--tgt", "{src}", "--tgt-lang", "ru"], "not in 'ru'"),
        (["--src", "{src}", "--tgt", "{missing}", "--tgt-lang", "ru"], "no such file"),
    ],
)
def test_parallel_text_bad_input(tmp_path: Path, args: list[str], message: str) -> None:
    paths = {"src": tmp_path / "a.en.txt", "empty": tmp_path / "e.txt", "missing": tmp_path / "nope.txt"}
    paths["src"].write_text("\n".join(EN) + "\n", encoding="utf-8")
    paths["empty"].write_bytes(b"")
    result = runner.invoke(app, ["pairs", *[a.format(**paths) for a in args]])
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_usage_errors() -> None:
    assert runner.invoke(app, ["pairs"]).exit_code == 2
    assert runner.invoke(app, ["pairs", str(SEED_000), "--src", str(SEED_000)]).exit_code == 2
    assert runner.invoke(app, ["pairs", str(SEED_000), "--pair", "en-de"]).exit_code == 2


def test_output_file_is_replaced_whole(tmp_path: Path) -> None:
    out = tmp_path / "out.tsv"
    out.write_text("old\n", encoding="utf-8")
    runner.invoke(app, ["pairs", str(SEED_000), "-o", str(out)])
    assert out.read_text(encoding="utf-8").startswith("score\t")
    assert [p.name for p in tmp_path.iterdir()] == ["out.tsv"]  # no temporary file left behind
