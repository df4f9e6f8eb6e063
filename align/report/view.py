"""What the HTML report shows, computed from a ``CheckResult`` as plain data the templates only lay out.

Everything that needs a decision lives here, where it is tested without a browser: which table row a
finding belongs to, how a cell's text is cut around the evidence, which links are merged cells.
The text stays text: the templates escape every string (Jinja2 autoescape), nothing here builds HTML.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from align import __version__
from align.langid.confident import MIN_WORDS
from align.langid.translit import kazakh_cyrillic_to_latin_2021
from align.model import LANGS, ROLES, Block, Detection
from align.report.chrf import chrf
from align.rules import Finding, Severity, all_rules
from align.rules.copies import COPY_SIMILARITY, similarity
from align.rules.textspans import keyword_offsets, word_count

if TYPE_CHECKING:
    from align.api import CheckResult

LANG_NAMES = {"en": "English", "kk": "Kazakh", "ru": "Russian"}
# Confidence of an aligned row: at or above HIGH it is shown as sure, below LOW as doubtful.
HIGH_CONFIDENCE, LOW_CONFIDENCE = 0.8, 0.5
# Evidence colours cycle through this many classes (report.css defines hl-0 … hl-5).
COLOURS = 6


@dataclass(frozen=True)
class Piece:
    """A run of a segment's text; ``marks`` are the numbers of the findings whose evidence covers it."""

    text: str
    marks: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()  # findings whose evidence ends here (their number badge follows)
    colour: int = 0
    tip_id: str = ""


@dataclass(frozen=True)
class Segment:
    """One sentence (or keyword) in a cell."""

    index: int
    pieces: tuple[Piece, ...]
    line: int | None = None


@dataclass(frozen=True)
class Cell:
    lang: str
    segments: tuple[Segment, ...] = ()
    rowspan: int = 1
    omitted: bool = False  # the row has no sentence in this language
    block_missing: bool = False  # the language has no block of this role at all
    findings: tuple[int, ...] = ()  # findings about these sentences, shown as badges


@dataclass(frozen=True)
class Group:
    """One aligned triple: a ``<tbody>`` of as many table rows as its longest side has sentences."""

    id: str
    number: int
    link: str  # "1:1:1", "1:2:1", …
    rows: tuple[tuple[Cell, ...], ...]
    score: float | None
    confidence: str  # "high", "mid", "low" or "none"
    kk_ru_chrf: float | None
    copy_pair: str | None
    copy_similarity: float | None
    findings: tuple[int, ...] = ()

    @property
    def is_copy(self) -> bool:
        return self.copy_similarity is not None and self.copy_similarity >= COPY_SIMILARITY


@dataclass(frozen=True)
class RoleTable:
    role: str
    groups: tuple[Group, ...]
    missing_langs: tuple[str, ...]
    aligned: bool


@dataclass(frozen=True)
class FindingView:
    number: int
    rule: str
    name: str
    severity: str
    message: str
    suggestion: str | None
    role: str | None
    langs: tuple[str, ...]
    line: int | None
    evidence: tuple[tuple[str, str], ...]
    target: str  # fragment of the row (or section) the finding is about
    colour: int | None  # evidence colour, None when the finding has no span

    @property
    def id(self) -> str:
        return f"f{self.number}"


@dataclass(frozen=True)
class RuleDoc:
    code: str
    name: str
    severity: str
    summary: str
    documentation: str


@dataclass(frozen=True)
class ReportView:
    name: str
    path: str
    encoding: str
    format: str
    generated: datetime
    version: str
    fail_level: str
    passed: bool
    severity_counts: tuple[tuple[str, int], ...]
    rule_counts: tuple[tuple[str, str, int], ...]
    missing: tuple[tuple[str, str], ...]
    tables: tuple[RoleTable, ...]
    findings: tuple[FindingView, ...]
    rules: tuple[RuleDoc, ...] = field(default_factory=tuple)

    @property
    def total(self) -> int:
        return len(self.findings)


def build_view(result: CheckResult, *, fail_level: Severity, generated: datetime) -> ReportView:
    """The report of one manuscript."""
    detection, findings = result.detection, result.findings
    numbered = list(enumerate(findings, start=1))
    colours = _colours(numbered)
    tables = tuple(_role_table(result, role, numbered, colours) for role in ROLES)
    targets = _targets(tables, numbered)
    by_severity = Counter(str(f.severity) for f in findings)
    by_rule = Counter((f.rule, f.name) for f in findings)
    return ReportView(
        name=Path(detection.document.path).name,
        path=detection.document.path,
        encoding=detection.document.encoding,
        format=detection.document.format,
        generated=generated,
        version=__version__,
        fail_level=fail_level.name,
        passed=not any(f.severity >= fail_level for f in findings),
        severity_counts=tuple((s.name, by_severity[s.name]) for s in sorted(Severity, reverse=True)),
        rule_counts=tuple((code, name, count) for (code, name), count in sorted(by_rule.items())),
        missing=tuple((m.lang, m.role) for m in detection.missing),
        tables=tables,
        findings=tuple(_finding_view(n, f, targets[n], colours.get(n)) for n, f in numbered),
        rules=rule_docs(),
    )


def rule_docs() -> tuple[RuleDoc, ...]:
    return tuple(
        RuleDoc(rule.code, rule.name, rule.severity.name, rule.summary(), rule.documentation()) for rule in all_rules()
    )


def _colours(numbered: Sequence[tuple[int, Finding]]) -> dict[int, int]:
    """Each finding with evidence spans gets the next colour, so two findings side by side differ."""
    with_spans = [number for number, finding in numbered if finding.spans]
    return {number: i % COLOURS for i, number in enumerate(with_spans)}


def _finding_view(number: int, finding: Finding, target: str, colour: int | None) -> FindingView:
    return FindingView(
        number=number,
        rule=finding.rule,
        name=finding.name,
        severity=str(finding.severity),
        message=finding.message,
        suggestion=finding.suggestion,
        role=finding.role,
        langs=tuple(finding.langs),
        line=finding.line,
        evidence=tuple(finding.evidence.items()),
        target=target,
        colour=colour,
    )


def _targets(tables: Iterable[RoleTable], numbered: Sequence[tuple[int, Finding]]) -> dict[int, str]:
    """The first row that shows a finding, else its role's table, else the summary."""
    first_row: dict[int, str] = {}
    for table in tables:
        for group in table.groups:
            for number in group.findings:
                first_row.setdefault(number, group.id)
    return {
        number: first_row.get(number) or (f"role-{finding.role}" if finding.role else "summary")
        for number, finding in numbered
    }


# --- role tables ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Triple:
    indices: dict[str, tuple[int, ...]]
    score: float | None


@dataclass(frozen=True)
class _Side:
    """One language's block of a role, with what its cells need looked up once (long documents)."""

    lang: str
    block: Block | None
    bounds: list[tuple[int, int]]  # (start, end) of each sentence or keyword in block.text
    flagged: dict[int, tuple[int, ...]]  # sentence index → findings about it
    spans: dict[int, list[tuple[int, int, int]]]  # sentence index → (start, end, finding) of evidence in it

    def text(self, index: int) -> str:
        assert self.block is not None
        start, end = self.bounds[index]
        return self.block.text[start:end]


def _side(detection: Detection, lang: str, role: str, role_findings: Sequence[tuple[int, Finding]]) -> _Side:
    block = detection.block(lang, role)
    flagged: dict[int, list[int]] = {}
    for number, finding in role_findings:
        for index in finding.sentences.get(lang, ()):
            flagged.setdefault(index, []).append(number)
    bounds = _bounds(block)
    spans: dict[int, list[tuple[int, int, int]]] = {}
    for number, finding in role_findings:
        for span in finding.spans:
            if span.lang != lang:
                continue
            for index, (start, end) in enumerate(bounds):
                if span.start < end and span.end > start:
                    spans.setdefault(index, []).append((max(span.start, start), min(span.end, end), number))
    return _Side(lang, block, bounds, {i: tuple(ns) for i, ns in flagged.items()}, spans)


def _bounds(block: Block | None) -> list[tuple[int, int]]:
    """``(start, end)`` in ``block.text`` of each sentence, or of each keyword of a keywords block."""
    if block is None:
        return []
    if block.role == "keywords":
        return keyword_offsets(block)
    return [(s.start, s.end) for s in block.sentences]


def _triples(result: CheckResult, role: str, sides: Mapping[str, _Side]) -> tuple[list[_Triple], bool]:
    """The aligned triples of ``role``; a role only one language has gets one row per segment."""
    aligned = result.alignments.get(role)
    if aligned is not None:
        triples = [_Triple({"en": t.en, "kk": t.kk, "ru": t.ru}, t.score) for t in aligned.alignment.triples]
        return triples, True
    for lang in LANGS:
        if sides[lang].bounds:
            return [_Triple({lang: (i,)}, None) for i in range(len(sides[lang].bounds))], False
    return [], False


def _role_table(
    result: CheckResult, role: str, numbered: Sequence[tuple[int, Finding]], colours: Mapping[int, int]
) -> RoleTable:
    role_findings = [(n, f) for n, f in numbered if f.role == role]
    sides = {lang: _side(result.detection, lang, role, role_findings) for lang in LANGS}
    triples, aligned = _triples(result, role, sides)
    groups = tuple(_group(role, number, triple, sides, colours) for number, triple in enumerate(triples, 1))
    missing = tuple(lang for lang in LANGS if sides[lang].block is None)
    return RoleTable(role=role, groups=groups, missing_langs=missing, aligned=aligned)


def _group(role: str, number: int, triple: _Triple, sides: Mapping[str, _Side], colours: Mapping[int, int]) -> Group:
    group_id = f"row-{role}-{number}"
    height = max((len(triple.indices.get(lang, ())) for lang in LANGS), default=1) or 1
    rows: list[list[Cell]] = [[] for _ in range(height)]
    texts: dict[str, str] = {}
    group_findings: set[int] = set()
    for lang in LANGS:
        side = sides[lang]
        indices = tuple(i for i in triple.indices.get(lang, ()) if i < len(side.bounds))
        for row, cell in _cells(side, indices, height, colours, f"{group_id}-{lang}"):
            rows[row].append(cell)
            group_findings.update(cell.findings)
            group_findings.update(m for s in cell.segments for p in s.pieces for m in p.marks)
        if indices:
            texts[lang] = " ".join(side.text(i) for i in indices)
    # Keywords are single terms, often loanwords spelled alike: no figure says anything about them.
    measured = texts if role != "keywords" else {}
    copy_pair, copy_value = _copy(measured)
    return Group(
        id=group_id,
        number=number,
        link=":".join(str(len(triple.indices.get(lang, ()))) for lang in LANGS),
        rows=tuple(tuple(r) for r in rows),
        score=triple.score,
        confidence=_confidence(triple.score),
        kk_ru_chrf=_kk_ru_chrf(measured),
        copy_pair=copy_pair,
        copy_similarity=copy_value,
        findings=tuple(sorted(group_findings)),
    )


def _cells(
    side: _Side, indices: tuple[int, ...], height: int, colours: Mapping[int, int], id_prefix: str
) -> list[tuple[int, Cell]]:
    """``(row, cell)`` for one language of a triple: one cell per row, or one merged cell over all rows."""
    if side.block is None or not indices:
        return [(0, Cell(side.lang, rowspan=height, omitted=True, block_missing=side.block is None))]
    segments = [_segment(side, i, colours, f"{id_prefix}-{i}") for i in indices]
    flagged = [side.flagged.get(i, ()) for i in indices]
    if len(indices) == height:
        return [(row, Cell(side.lang, (segments[row],), findings=flagged[row])) for row in range(height)]
    merged_findings = tuple(sorted({n for f in flagged for n in f}))
    return [(0, Cell(side.lang, tuple(segments), rowspan=height, findings=merged_findings))]


def _segment(side: _Side, index: int, colours: Mapping[int, int], tip_prefix: str) -> Segment:
    assert side.block is not None
    start, end = side.bounds[index]
    pieces = _pieces(side.block.text, start, end, side.spans.get(index, []), colours, tip_prefix)
    sentences = side.block.sentences
    line = sentences[index].start_line if side.block.role != "keywords" and index < len(sentences) else None
    return Segment(index, pieces, line)


def _pieces(
    text: str,
    start: int,
    end: int,
    spans: Sequence[tuple[int, int, int]],
    colours: Mapping[int, int],
    tip_prefix: str,
) -> tuple[Piece, ...]:
    """``text[start:end]`` cut at every span boundary, each piece knowing which findings cover it."""
    cuts = sorted({start, end, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    pieces: list[Piece] = []
    for left, right in pairwise(cuts):
        marks = tuple(sorted({n for s, e, n in spans if s <= left and right <= e}))
        if not marks:
            pieces.append(Piece(text[left:right]))
            continue
        ends = tuple(n for n in marks if any(e == right and m == n for _, e, m in spans))
        pieces.append(Piece(text[left:right], marks, ends, colours.get(marks[0], 0), f"{tip_prefix}-{left}"))
    return tuple(pieces)


def _confidence(score: float | None) -> str:
    if score is None:
        return "none"
    if score >= HIGH_CONFIDENCE:
        return "high"
    return "mid" if score >= LOW_CONFIDENCE else "low"


def _kk_ru_chrf(texts: Mapping[str, str]) -> float | None:
    """chrF of the Kazakh against the Russian text, both case-folded and in Latin letters.

    Kazakh and Russian share names, loanwords and numbers; transliterating both the same way makes
    those line up whatever the letters (Е/E, Ё/io), so the figure says how much of the wording is
    shared: a high value on a long sentence is a Russian text left in the Kazakh column, or the reverse.
    """
    if not texts.get("kk") or not texts.get("ru"):
        return None
    return chrf(_latin(texts["kk"]), _latin(texts["ru"]))


def _latin(text: str) -> str:
    """Case-folded Latin transliteration (the 2021 Kazakh alphabet), by table: one row is a few µs."""
    return text.casefold().translate(_TO_LATIN)


_TO_LATIN = str.maketrans({c: kazakh_cyrillic_to_latin_2021(c) for c in "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"})


def _copy(texts: Mapping[str, str]) -> tuple[str | None, float | None]:
    """The pair of the row that reads as a copy by AL004's measure (untranslated-copy), if any.

    ``similarity`` is exact only from ``COPY_SIMILARITY`` up (below, a cheap bound stands in), and
    texts shorter than ``MIN_WORDS`` words are names and acronyms as often as text: like AL004, the
    report gives a figure only for a pair that long and that alike.
    """
    langs = [lang for lang in LANGS if texts.get(lang) and word_count(texts[lang]) >= MIN_WORDS]
    best: tuple[str | None, float | None] = (None, None)
    for i, a in enumerate(langs):
        for b in langs[i + 1 :]:
            value = similarity(texts[a], texts[b])
            if value >= COPY_SIMILARITY and (best[1] is None or value > best[1]):
                best = (f"{a}–{b}", value)
    return best
