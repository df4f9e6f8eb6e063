"""Give every quotation mark a direction that razdel can read.

razdel knows « » and ASCII quotes, but Kazakh and Russian typing uses “ ” „ in both directions
(NTREX Kazakh closes with “ and opens with ”), so `.“ Next` glued two sentences and `. ”Next`
looked like a closing quote.  We rewrite, in a same-length working copy, each run of quote marks
whose direction is plain from the spaces around it: opening runs become «, closing runs become ».
"""

from __future__ import annotations

import re

QUOTE_MARKS = "\"'«»“”„‟‘’‚‹›"
_QUOTE_RUN = re.compile(f"[{re.escape(QUOTE_MARKS)}]+")
# After these a quote still opens ("(«…»", "— «…»").
_OPENING_CONTEXT = "([{—–-"
# Before these a quote still closes ("«…».", "«…»,").
_CLOSING_CONTEXT = ",.;:!?)]}…—–-"


def _is_opening(before: str, after: str) -> bool:
    return (
        (not before or before.isspace() or before in _OPENING_CONTEXT)
        and bool(after)
        and not (after.isspace() or after in _CLOSING_CONTEXT)
    )


def _is_closing(before: str, after: str) -> bool:
    return (
        bool(before) and not before.isspace() and (not after or after.isspace() or after in _CLOSING_CONTEXT)
    )


def orient_quotes(text: str) -> str:
    """``text`` with unambiguous quote runs replaced by « or » (same length, same offsets).

    Apostrophes inside words (``don't``, ``Kazakhstan’s``) have letters on both sides and are left alone.
    """
    pieces: list[str] = []
    last = 0
    for match in _QUOTE_RUN.finditer(text):
        start, end = match.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if _is_opening(before, after):
            replacement = "«" * (end - start)
        elif _is_closing(before, after):
            replacement = "»" * (end - start)
        else:
            continue
        pieces.append(text[last:start])
        pieces.append(replacement)
        last = end
    pieces.append(text[last:])
    return "".join(pieces)
