import re
from collections.abc import Iterator
from dataclasses import dataclass

from align.model import ROLES
from align.rules.base import Context, Finding, Rule, Severity, Span
from align.rules.names import language_name
from align.rules.textspans import line_of, sentence_index

_SPACES = "[ \t\u00a0\u2009\u202f]"
_DOUBLED = re.compile(f"{_SPACES}{{2,}}")
# A space before , . ; : ! ? — unless the mark starts a number or word (",5", ".NET") or an ellipsis (" ...").
_BEFORE_MARK = re.compile(rf"(?<=[^\s(\[«“„]){_SPACES}+(?:([,;:!?])(?!\d)|(\.)(?![^\W_]|\.))")
# ". Next" without the space: a lower-case word of two letters or more, the mark, a capital.
# Initials (А.Б. Иванов), abbreviations (e.g., т.е.) and domains (isdp.eu) do not match.
_NO_SPACE_AFTER_STOP = re.compile(r"(?<=[^\W\d_A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2})([.!?])(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][^\W\d_])")
# "trade,energy": a comma, semicolon or colon between two letters.
_NO_SPACE_AFTER_COMMA = re.compile(r"(?<=[^\W\d_])([,;:])(?=[^\W\d_])")


@dataclass(frozen=True)
class SpacingSlip:
    """One slip: ``start``/``end`` are the characters to highlight, ``fixed`` what replaces them."""

    kind: str
    start: int
    end: int
    fixed: str


class DoubledSpace(Rule):
    """Doubled spaces, a space before punctuation, or no space after it.

    ## What it does
    Looks at the text of each title, abstract and keywords list for two or more spaces in a row,
    a space before ``, . ; : ! ?`` and a missing space after a sentence-ending mark
    (``energy.It``) or after a comma, semicolon or colon between two words (``trade,energy``).
    Initials (``А.Б. Иванов``), abbreviations (``e.g.``, ``т.е.``), decimals, domain names and
    ellipses are left alone.

    Readers collapse runs of spaces while they clean the text, so doubled spaces are reported
    only where a reader keeps them.

    ## Why is this bad?
    Spacing slips are what copy editors fix first; they also show where two sentences were run
    together or a text was pasted from another document, which is worth a second look.

    ## Example
    ```text
    Мақалада сауда ,энергетика және көлік зерттеледі.Автор сұхбаттарға сүйенеді.
    ```

    ## Use instead
    ```text
    Мақалада сауда, энергетика және көлік зерттеледі. Автор сұхбаттарға сүйенеді.
    ```
    """

    code = "AL051"
    name = "doubled-space"
    severity = Severity.info

    def check(self, context: Context) -> Iterator[Finding]:
        for role in ROLES:
            for lang, block in context.blocks(role).items():
                for slip in spacing_slips(block.text):
                    fragment_start, fragment_end = _fragment(block.text, slip.start, slip.end)
                    before = block.text[fragment_start : slip.start]
                    after = block.text[slip.end : fragment_end]
                    index = sentence_index(block, slip.start)
                    yield self.finding(
                        f"{slip.kind} in the {language_name(lang)} {role}",
                        role=role,
                        langs=(lang,),
                        sentences={lang: (index,)} if role != "keywords" and index is not None else {},
                        evidence={lang: block.text[fragment_start:fragment_end]},
                        spans=(Span(lang, slip.start, slip.end, block.text[slip.start : slip.end]),),
                        suggestion=before + slip.fixed + after,
                        line=line_of(block, slip.start),
                    )


def spacing_slips(text: str) -> list[SpacingSlip]:
    """Every spacing slip of ``text``, in reading order."""
    slips = [SpacingSlip("Doubled space", m.start(), m.end(), " ") for m in _DOUBLED.finditer(text)]
    for m in _BEFORE_MARK.finditer(text):
        mark = m.group(1) or m.group(2)
        # "сауда ,энергетика": the space belongs after the comma
        fixed = mark + " " if m.end() < len(text) and text[m.end()].isalpha() else mark
        slips.append(SpacingSlip(f"Space before '{mark}'", m.start(), m.end(), fixed))
    slips += [
        SpacingSlip(f"No space after '{m.group(1)}'", m.start(), m.end(), m.group(1) + " ")
        for pattern in (_NO_SPACE_AFTER_STOP, _NO_SPACE_AFTER_COMMA)
        for m in pattern.finditer(text)
    ]
    kept: list[SpacingSlip] = []
    for slip in sorted(slips, key=lambda slip: (slip.start, -slip.end)):
        if not kept or slip.start >= kept[-1].end:  # "a  ," is one slip, not a doubled space and another
            kept.append(slip)
    return kept


def _fragment(text: str, start: int, end: int) -> tuple[int, int]:
    """The words around ``text[start:end]``: back to the previous space, on to the next one."""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    while left > 0 and left == start:  # the slip starts with spaces: take the word before them
        left = max(text.rfind(" ", 0, left - 1), text.rfind("\n", 0, left - 1)) + 1
    right = min((i for i in (text.find(" ", end), text.find("\n", end)) if i >= 0), default=len(text))
    if text[end - 1].isspace() and end < len(text):  # the slip ends with spaces: take the word after them
        right = min((i for i in (text.find(" ", end + 1), text.find("\n", end + 1)) if i >= 0), default=len(text))
    return left, right
