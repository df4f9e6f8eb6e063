"""The termbase and term matching: which concepts a sentence names, and with which status.

    from align.terms import default_termbase, find_terms
    termbase = default_termbase()  # the bundled align/data/termbases/international-relations.tbx
    hits = find_terms("Еуропалық Кеңес сияқты институттар", "kk", termbase)
    # TermHit(concept_id="european-council", status="preferred", …), TermHit("council-of-europe", "deprecated", …)

Rules take ``context.termbase or default_termbase()``: the CLI's ``--termbase FILE`` (repeatable)
sets ``context.termbase = load_termbases([bundled_termbase_path(), *files])``.
"""

from functools import cache

from align.terms.load import bundled_termbase_path, load_termbase, load_termbases, termbase_paths
from align.terms.match import approved_concepts, deprecated_hits, find_terms
from align.terms.model import APPROVED, KINDS, STATUSES, Concept, Term, Termbase, TermHit

__all__ = [
    "APPROVED",
    "KINDS",
    "STATUSES",
    "Concept",
    "Term",
    "TermHit",
    "Termbase",
    "approved_concepts",
    "bundled_termbase_path",
    "default_termbase",
    "deprecated_hits",
    "find_terms",
    "load_termbase",
    "load_termbases",
    "termbase_paths",
]


@cache
def default_termbase() -> Termbase:
    """The bundled termbase, loaded once per process (about 0.1 s); empty if the data file is missing."""
    path = bundled_termbase_path()
    return load_termbase(path) if path is not None else Termbase(source="(no bundled termbase)")
