import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby

from align.model import ROLES, Block
from align.rules.base import Context, Finding, Rule, Severity, Span
from align.rules.names import language_name
from align.rules.textspans import line_of, sentence_index

# Latin letters that look like a Cyrillic one (Kazakh і and һ included), and the reverse.
LATIN_TO_CYRILLIC = dict(zip("aceopxyihkABCEHIKMOPTXY", "асеорхуіһкАВСЕНІКМОРТХУ", strict=True))
CYRILLIC_TO_LATIN = {cyrillic: latin for latin, cyrillic in LATIN_TO_CYRILLIC.items()} | dict(
    zip("үҮјЈѕЅӀ", "yYjJsSI", strict=True)
)
_ROMAN_LOOKALIKES = frozenset("IVXLCMХСМІ")  # ХХI век: a Roman numeral typed partly in Cyrillic
# A run of letters: hyphens, digits and apostrophes separate the parts that are judged one by one
# (IT-компания, SMS-хабарлама, COVID-19, Kazakhstan’s).
_LETTERS = re.compile(r"[^\W\d_]+")


def _script(char: str) -> str:
    code = ord(char)
    if 0x0400 <= code <= 0x052F:
        return "cyrillic"
    if char.isascii() or 0x00C0 <= code <= 0x024F or 0x1E00 <= code <= 0x1EFF:
        return "latin"
    return "other"


@dataclass(frozen=True)
class MixedWord:
    """A word with letters of the other script: ``offenders`` are their offsets inside the word."""

    start: int
    word: str
    script: str  # the script the word is written in
    offenders: tuple[int, ...]
    suggestion: str


class MixedScriptWord(Rule):
    """A word mixes Latin and Cyrillic letters, such as a Latin "o" inside "Казахстан".

    ## What it does
    Looks at every word of each title, abstract and keywords list for letters of the other
    script that look the same (Latin ``a c e o p x y i h k`` and capitals ``A B C E H I K M O P
    T X Y`` against their Cyrillic look-alikes, Kazakh ``і`` and ``һ`` included). A word is cut
    into parts at hyphens, digits and apostrophes, which are judged on their own, so
    ``IT-компания``, ``SMS-хабарлама`` and ``COVID-19`` pass; so do a Latin word with a Cyrillic
    ending glued on (``PDFке``), Kazakh Latin text and chemical formulas. The suggestion is the
    word with the look-alikes replaced; a Roman numeral (``ХХI``) becomes all Latin.

    ## Why is this bad?
    A look-alike letter is invisible to a reader but not to search engines, spell checkers,
    databases and this tool: "Казахстан" with a Latin "о" is a different word that no index
    will find. Such letters come from switching keyboard layouts or from OCR.

    ## Example
    ```text
    Мақалада Қазақстан мен Еурoпа арасындағы ынтымақтастық зерттеледі.
    ```
    (the "o" of "Еурoпа" is Latin)

    ## Use instead
    ```text
    Мақалада Қазақстан мен Еуропа арасындағы ынтымақтастық зерттеледі.
    ```
    """

    code = "AL052"
    name = "mixed-script-word"
    severity = Severity.warning

    def check(self, context: Context) -> Iterator[Finding]:
        for role in ROLES:
            for lang, block in context.blocks(role).items():
                for mixed in mixed_script_words(block.text, _block_script(block)):
                    other = "Cyrillic" if mixed.script == "latin" else "Latin"
                    letters = ", ".join(f"'{mixed.word[i]}'" for i in mixed.offenders)
                    index = sentence_index(block, mixed.start)
                    yield self.finding(
                        f"{other} {letters} inside the {language_name(lang)} {role} word '{mixed.word}'",
                        role=role,
                        langs=(lang,),
                        sentences={lang: (index,)} if role != "keywords" and index is not None else {},
                        evidence={lang: mixed.word},
                        spans=(Span(lang, mixed.start, mixed.start + len(mixed.word), mixed.word),),
                        suggestion=mixed.suggestion,
                        line=line_of(block, mixed.start),
                    )


def _block_script(block: Block) -> str:
    if block.script in ("latn", "cyrl"):
        return "latin" if block.script == "latn" else "cyrillic"
    return "latin" if block.lang == "en" else "cyrillic"


def mixed_script_words(text: str, default_script: str = "cyrillic") -> list[MixedWord]:
    """The words of ``text`` that mix look-alike letters of the other script into one script.

    ``default_script`` decides a word whose letters are all look-alikes, split evenly.
    """
    found: list[MixedWord] = []
    for match in _LETTERS.finditer(text):
        word = match.group()
        scripts = [_script(char) for char in word]
        if "latin" not in scripts or "cyrillic" not in scripts:
            continue
        target = _intended_script(word, scripts, default_script)
        if target is None:
            continue
        table = LATIN_TO_CYRILLIC if target == "cyrillic" else CYRILLIC_TO_LATIN
        offenders = tuple(i for i, script in enumerate(scripts) if script not in (target, "other"))
        suggestion = "".join(table.get(char, char) if i in offenders else char for i, char in enumerate(word))
        found.append(MixedWord(match.start(), word, target, offenders, suggestion))
    return found


def _intended_script(word: str, scripts: list[str], default_script: str) -> str | None:
    """The script ``word`` is meant to be in, or ``None`` when the mix looks deliberate."""
    if word.isupper() and set(word) <= _ROMAN_LOOKALIKES:
        return "latin"
    # A letter without a look-alike in the other script shows that script was meant.
    genuine_latin = any(s == "latin" and c not in LATIN_TO_CYRILLIC for c, s in zip(word, scripts, strict=True))
    genuine_cyrillic = any(s == "cyrillic" and c not in CYRILLIC_TO_LATIN for c, s in zip(word, scripts, strict=True))
    pairs = zip(word, scripts, strict=True)
    runs = [(script, "".join(c for c, _ in group)) for script, group in groupby(pairs, key=lambda p: p[1])]
    if (
        genuine_latin
        and [script for script, _ in runs] == ["latin", "cyrillic"]
        and len(runs[1][1]) >= 2
        and runs[1][1].islower()
    ):
        return None  # PDFке, Googleдың: a Kazakh or Russian ending glued to a Latin word
    if genuine_latin and genuine_cyrillic:
        return None  # two real words run together, or a deliberate mix: not a look-alike slip
    if genuine_latin:
        return "latin"
    if genuine_cyrillic:
        return "cyrillic"
    latin = scripts.count("latin")
    cyrillic = scripts.count("cyrillic")
    if latin != cyrillic:
        return "latin" if latin > cyrillic else "cyrillic"
    return default_script
