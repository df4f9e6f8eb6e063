"""CSV termbases: one row per concept and status, several variants in a cell separated by ``|``.

Format (docs/termbases.md): UTF-8, a header row, comma-separated (``.tsv``: tab-separated).

* language columns ``en``, ``kk``, ``ru`` (any language code is accepted; ``kz`` means ``kk``);
* ``status``: ``preferred`` (the default when the column or the cell is empty), ``admitted`` or ``deprecated``;
* ``note`` (optional): attached to every term of the row;
* ``concept`` (optional): rows with the same value belong to one concept, which is how deprecated
  variants join their concept's preferred row. Without the column, or with an empty cell, a row is
  a concept of its own, named after its first term;
* ``subject`` (optional): the concept's field.

A term is marked an acronym when it is written like one (``OSCE``, ``ЕҚЫҰ``, ``ЕврАзЭС``).
"""

from __future__ import annotations

import csv as _csv
import io
import re
from dataclasses import dataclass, field

from align.errors import InputError
from align.terms.model import STATUSES, Concept, Term, Termbase, normalize_lang
from align.terms.morph import is_acronym

_RESERVED = {"concept": "concept", "id": "concept", "status": "status", "note": "note", "subject": "subject"}
_LANG_CODE = re.compile(r"^[a-z]{2,3}([-_][a-z0-9]{2,8})?$", re.IGNORECASE)
_SLUG = re.compile(r"[^0-9a-zа-яёәғқңөұүһі]+")


@dataclass
class _Draft:
    id: str
    terms: list[Term] = field(default_factory=list)
    subject: str = ""


def read_csv(name: str, data: bytes, delimiter: str = ",") -> Termbase:
    """The termbase in the CSV document ``data``; ``name`` is used in error messages."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(name, f"line {line}: not UTF-8 (save the CSV as UTF-8)") from None
    reader = _csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
        if header is None or not any(cell.strip() for cell in header):
            raise InputError(name, "empty CSV: expected a header row such as en,kk,ru,status,note")
        columns = _columns(name, header)
        drafts: dict[str, _Draft] = {}
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise InputError(name, f"line {line}: {len(row)} fields, the header has {len(header)}")
            _add_row(name, line, dict(zip(columns, row, strict=True)), drafts)
    except _csv.Error as exc:
        raise InputError(name, f"line {reader.line_num}: malformed CSV: {exc}") from None
    if not drafts:
        raise InputError(name, "no terms: the CSV has a header but no rows")
    return Termbase((Concept(d.id, tuple(d.terms), d.subject) for d in drafts.values()), source=name)


def _columns(name: str, header: list[str]) -> list[str]:
    """Canonical column names: reserved names, or ``lang:<code>`` for a language column."""
    columns = []
    for cell in header:
        raw = cell.strip().lower()
        if raw in _RESERVED:
            column = _RESERVED[raw]
        elif _LANG_CODE.match(raw):
            column = f"lang:{normalize_lang(raw)}"
        else:
            raise InputError(
                name, f"line 1: unknown column {cell!r} (expected language codes such as en, kk, ru, "
                "and optionally concept, status, note, subject)"
            )
        if column in columns:
            raise InputError(name, f"line 1: column {cell!r} appears twice")
        columns.append(column)
    if not any(c.startswith("lang:") for c in columns):
        raise InputError(name, "line 1: no language column (expected en, kk, ru …)")
    return columns


def _add_row(name: str, line: int, row: dict[str, str], drafts: dict[str, _Draft]) -> None:
    status = row.get("status", "").strip().lower() or "preferred"
    if status not in STATUSES:
        raise InputError(name, f"line {line}: unknown status {status!r} (expected {', '.join(STATUSES)})")
    note = row.get("note", "").strip()
    terms = []
    for column, cell in row.items():
        if not column.startswith("lang:"):
            continue
        lang = column.removeprefix("lang:")
        for variant in cell.split("|"):
            text = " ".join(variant.split())
            if text:
                terms.append(Term(text, lang, status, "acronym" if is_acronym(text) else "full", note))
    if not terms:
        raise InputError(name, f"line {line}: no term in any language column")
    concept_id = row.get("concept", "").strip() or _unique(_slug(terms[0].text), drafts)
    draft = drafts.setdefault(concept_id, _Draft(concept_id))
    draft.terms.extend(terms)
    draft.subject = draft.subject or row.get("subject", "").strip()


def _slug(text: str) -> str:
    return _SLUG.sub("-", text.casefold()).strip("-") or "concept"


def _unique(base: str, drafts: dict[str, _Draft]) -> str:
    candidate, n = base, 2
    while candidate in drafts:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
