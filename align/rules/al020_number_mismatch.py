from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations

from align.model import Block, Sentence
from align.numbers import NumberMention, compare_numbers, extract_numbers
from align.rules.base import Context, Finding, Rule, Severity, Span
from align.rules.names import language_name


class NumberMismatch(Rule):
    """A number of an abstract sentence differs from the number of its translation.

    ## What it does
    Reads the numbers (years, dates, percentages, ranges, amounts with their units) of every
    aligned sentence of the abstracts and reports each number that has no partner in the aligned
    sentence of another language. Numbers are compared after normalisation (``1,5`` = ``1.5``,
    ``1990s`` = ``1990-х``, ``1.5 million`` = ``1,5 млн``, unit conversions), see ``align.numbers``.
    A number stated only in words ("three", "үш") never raises a finding on its own.

    One finding per number, not per language pair: when the English sentence has 1990 and both
    the Kazakh and the Russian sentences lack it, the finding names both languages. When the
    other side holds a different number of the same unit instead (1990 against 1991), the two
    are reported together as one differing number.

    ## Why is this bad?
    A different year, sample size or percentage changes the claim: readers of different
    language versions of the abstract learn different results.

    ## Example
    ```text
    EN: The survey covered 1,200 respondents in 2019.
    RU: Опрос охватил 1 020 респондентов в 2019 году.
    ```

    ## Use instead
    ```text
    RU: Опрос охватил 1 200 респондентов в 2019 году.
    ```
    """

    code = "AL020"
    name = "number-mismatch"
    severity = Severity.error
    role = "abstract"

    def check(self, context: Context) -> Iterator[Finding]:
        yield from number_findings(self, context, self.role)


@dataclass
class NumberGroup:
    """One number as the three versions state it: its mention per language, and where it is missing.

    Mentions that ``compare_numbers`` paired in any language pair belong to one group.
    """

    mentions: dict[str, list[NumberMention]] = field(default_factory=dict)
    missing: set[str] = field(default_factory=set)
    substituted: bool = False  # holds two different numbers that stand in each other's place

    @property
    def present(self) -> set[str]:
        return set(self.mentions)

    @property
    def first(self) -> int:
        return min(m.start for ms in self.mentions.values() for m in ms)

    @property
    def units(self) -> set[str | None]:
        return {m.unit for ms in self.mentions.values() for m in ms}


def number_findings(rule: Rule, context: Context, role: str) -> Iterator[Finding]:
    """The number findings of ``rule`` for every aligned triple of ``role``."""
    role_alignment = context.alignments.get(role)
    if role_alignment is None:
        return
    blocks = context.blocks(role)
    for triple in role_alignment.alignment.triples:
        indices = {lang: getattr(triple, lang) for lang in blocks if getattr(triple, lang)}
        if len(indices) < 2:
            continue  # an omitted sentence is AL010's finding
        sentences = {lang: [blocks[lang].sentences[i] for i in found] for lang, found in indices.items()}
        for group in merge_substitutions(number_groups(sentences)):
            yield _finding(rule, role, blocks, indices, group)


def block_mentions(sentences: Sequence[Sentence], lang: str) -> list[NumberMention]:
    """The numbers of ``sentences`` with offsets into their block's text."""
    return [
        replace(m, start=s.start + m.start, end=s.start + m.end)
        for s in sentences
        for m in extract_numbers(s.text, lang)
    ]


def number_groups(sentences: dict[str, list[Sentence]]) -> list[NumberGroup]:
    """Groups of numbers that lack a partner in at least one language of the triple."""
    mentions = {lang: block_mentions(found, lang) for lang, found in sentences.items()}
    keys = [(lang, i) for lang, found in mentions.items() for i in range(len(found))]
    parent = {key: key for key in keys}

    def root(key: tuple[str, int]) -> tuple[str, int]:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    index = {(lang, id(m)): (lang, i) for lang, found in mentions.items() for i, m in enumerate(found)}
    missing: dict[tuple[str, int], set[str]] = {key: set() for key in keys}
    for lang_a, lang_b in combinations(mentions, 2):
        diff = compare_numbers(mentions[lang_a], mentions[lang_b])
        for x, y in diff.matched:
            parent[root(index[lang_a, id(x)])] = root(index[lang_b, id(y)])
        for x in diff.missing_in_b:
            missing[index[lang_a, id(x)]].add(lang_b)
        for y in diff.missing_in_a:
            missing[index[lang_b, id(y)]].add(lang_a)
    groups: dict[tuple[str, int], NumberGroup] = {}
    for lang, i in keys:
        group = groups.setdefault(root((lang, i)), NumberGroup())
        group.mentions.setdefault(lang, []).append(mentions[lang][i])
        group.missing |= missing[lang, i]
    for group in groups.values():
        group.missing -= group.present  # a repeated number matched in that language after all
    return sorted((g for g in groups.values() if g.missing), key=lambda g: g.first)


def merge_substitutions(groups: list[NumberGroup]) -> list[NumberGroup]:
    """Join a number missing in a language with the number of the same unit that stands there instead.

    "1990" (EN, KK) missing in RU and "1991" (RU) missing in EN and KK become one group: one
    differing number, reported once.
    """
    merged: list[NumberGroup] = []
    for group in groups:
        target = next(
            (
                m
                for m in merged
                if not (m.present & group.present)
                and group.present <= m.missing
                and m.present <= group.missing
                and m.units == group.units
            ),
            None,
        )
        if target is None:
            merged.append(NumberGroup(dict(group.mentions), set(group.missing)))
            continue
        target.mentions.update(group.mentions)
        target.substituted = True
        target.missing = (target.missing | group.missing) - target.present
    return merged


def _names(langs: Sequence[str]) -> str:
    names = [language_name(lang) for lang in langs]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _texts(found: list[NumberMention]) -> str:
    return ", ".join(m.text for m in found)


def _finding(
    rule: Rule, role: str, blocks: dict[str, Block], indices: dict[str, tuple[int, ...]], group: NumberGroup
) -> Finding:
    order = list(blocks)
    present = [lang for lang in order if lang in group.mentions]
    missing = [lang for lang in order if lang in group.missing]
    where = "sentence" if role == "abstract" else role
    if group.substituted:
        # a substitution: every language that has a different value is named with it
        stated = ", ".join(f"{language_name(lang)} {_texts(group.mentions[lang])}" for lang in present)
        message = f"The number differs between the {where}s: {stated}"
        if missing:
            message += f"; none in {_names(missing)}"
    else:
        stated = _texts(group.mentions[present[0]])
        plural = "s" if len(present) > 1 else ""
        lacking = " and ".join(language_name(lang) for lang in missing)
        message = f"The number {stated} of the {_names(present)} {where}{plural} is missing from the {lacking} {where}"
        if len(missing) > 1:
            message += "s"
    first = blocks[present[0]].sentences[indices[present[0]][0]]
    return rule.finding(
        message,
        role=role,
        langs=(*present, *missing),
        sentences=dict(indices),
        evidence={lang: _texts(group.mentions[lang]) for lang in present},
        spans=tuple(Span(lang, m.start, m.end, m.text) for lang in present for m in group.mentions[lang]),
        suggestion=f"State the same number in the {_names(order)} {where}s",
        line=first.start_line,
    )
