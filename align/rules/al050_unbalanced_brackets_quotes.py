import re
from collections.abc import Iterator

from align.model import ROLES, Block
from align.rules.base import Context, Finding, Rule, Severity, Span
from align.rules.names import language_name
from align.rules.textspans import line_of, sentence_index, sentence_text

# Closing mark → the opening mark it closes. Double quotes other than „ are not paired by shape:
# translators write “…“, ”…” and "…" as often as “…”, so those are only counted (an even number).
# Single quotes are never counted: ’ is also the apostrophe (Kazakhstan’s, and the Kazakh Latin
# alphabet of 2018: Qazaqstan’nyń).
_CLOSERS = {")": "(", "]": "[", "»": "«"}
_OPENERS = frozenset("([«„")
_DOUBLE_QUOTES = frozenset('“”"')
# "1) …; 2) …", "а) …", "iv) …": list markers whose ")" has no "(".
_LIST_MARKER = re.compile(r"(?:^|[\s;:,.])(?:\d{1,2}|[^\W\d_]|[ivx]{1,4})$")


class UnbalancedBracketsQuotes(Rule):
    """A title, abstract or keywords list has an unclosed or unopened bracket or quotation mark.

    ## What it does
    Pairs the brackets ``( )`` and ``[ ]`` and the quotation marks ``« »`` and ``„ “`` of each
    block and reports those left without a partner. Other double quotes (``“ ” "``) are only
    counted, as translators mix their shapes (``“…“``, ``”…”``): an odd number of them is
    reported. Single quotes (``’``, ``'``) are not counted: they are also apostrophes, in
    English and in Kazakh Latin script. A ``)`` after a list marker
    (``1)``, ``а)``, ``iv)``) needs no ``(``.

    ## Why is this bad?
    A bracket or quotation mark that is never closed is usually a sign that part of the text
    was lost while copying or translating it, and it makes the sentence hard to read.

    ## Example
    ```text
    Аннотация. В статье рассматривается программа «Болашак и её влияние (2015–2020 гг.
    ```

    ## Use instead
    ```text
    Аннотация. В статье рассматривается программа «Болашак» и её влияние (2015–2020 гг.).
    ```
    """

    code = "AL050"
    name = "unbalanced-brackets-quotes"
    severity = Severity.warning

    def check(self, context: Context) -> Iterator[Finding]:
        for role in ROLES:
            for lang, block in context.blocks(role).items():
                unmatched = unmatched_marks(block.text)
                if not unmatched:
                    continue
                marks = ", ".join(f"'{block.text[i]}'" for i in unmatched)
                indices = sorted({i for i in (sentence_index(block, o) for o in unmatched) if i is not None})
                yield self.finding(
                    f"Unbalanced {marks} in the {language_name(lang)} {role}",
                    role=role,
                    langs=(lang,),
                    sentences={lang: tuple(indices)} if role != "keywords" and indices else {},
                    evidence={lang: _evidence(block, unmatched[0])},
                    spans=tuple(Span(lang, i, i + 1, block.text[i]) for i in unmatched),
                    line=line_of(block, unmatched[0]),
                )


def unmatched_marks(text: str) -> list[int]:
    """Offsets of the brackets and quotation marks of ``text`` that have no partner."""
    stack: list[int] = []
    unmatched: list[int] = []
    double_quotes: list[int] = []
    for offset, char in enumerate(text):
        if char in _DOUBLE_QUOTES:
            if char != '"' and stack and text[stack[-1]] == "„":  # Russian „inner“ quotes
                stack.pop()
            else:
                double_quotes.append(offset)
        elif char in _CLOSERS and stack and text[stack[-1]] == _CLOSERS[char]:
            stack.pop()
        elif char in _OPENERS:
            stack.append(offset)
        elif char in _CLOSERS:
            openers = [i for i, opener in enumerate(stack) if text[opener] == _CLOSERS[char]]
            if openers:  # crossed pairs "( « )": what was opened after the partner stays unclosed
                unmatched.extend(stack[openers[-1] + 1 :])
                del stack[openers[-1] :]
            elif not (char == ")" and _LIST_MARKER.search(text[:offset])):
                unmatched.append(offset)
    unmatched.extend(stack)
    if len(double_quotes) % 2:
        unmatched.append(double_quotes[-1])
    return sorted(unmatched)


def _evidence(block: Block, offset: int) -> str:
    return block.text if block.role == "keywords" else sentence_text(block, offset)
